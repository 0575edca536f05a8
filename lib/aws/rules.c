/* The schedule model of one biweekly pay period and the validity rules of
 * ICE 2019 Art. 15 (SPEC section 4 and section 9 "AWS"). */
#include <stdio.h>

#include "aws.h"

const char *const aws_reason_names[AWS_NREASONS] = {
    "OK",
    "MAXIFLEX_DAYS",
    "DAY_OFF",
    "CWS_SHORT_DAY",
    "NOT_GRANDFATHERED",
    "MEAL",
    "HOURS_OF_DUTY",
    "CORE_HOURS",
    "PART_TIME_DAYS",
    "OFFICE_LIMIT",
    "OFFICE_MINIMUM",
    "APPROVED",
    "DEFAULT_VWS",
    "NO_REQUEST",
    "GRANDFATHERED"};

void aws_fmt_time(int32_t minutes, char *out) {
  if (minutes < 0) minutes = 0;
  if (minutes > 99 * 60 + 59) minutes = 99 * 60 + 59;
  snprintf(out, 8, "%02d:%02d", (int)(minutes / 60), (int)(minutes % 60));
}

static bool is_monfri(int wd) { return wd >= SB_MON && wd <= SB_FRI; }

uint16_t aws_opt_days_off(const aws_opt *o) {
  uint16_t m = 0;
  switch (o->type) {
    case AWS_MAXIFLEX:
      for (uint32_t i = 0; i < o->n_mf; i++)
        m |= AWS_BIT(o->mf_days[i].week, o->mf_days[i].day);
      break;
    case AWS_CWS_4_10: /* off in both weeks (Sec. 10.A.2.b) */
      m = (uint16_t)(AWS_BIT(1, o->day_off.day) | AWS_BIT(2, o->day_off.day));
      break;
    case AWS_CWS_5_4_9: /* one day off in the pay period (Sec. 10.A.2.a) */
      m = AWS_BIT(o->day_off.week, o->day_off.day);
      break;
    default:
      break;
  }
  return m;
}

/* Hours of a CWS long day, meal excluded. */
static int32_t long_day_minutes(int type) {
  return type == AWS_CWS_4_10 ? 600 : 540;
}

int32_t aws_opt_depart(const aws_opt *o) {
  return o->arrive + long_day_minutes(o->type) + o->meal;
}

static int fail(char *msg, size_t cap, int reason, const char *fmt, ...)
    SB_PRINTF(4, 5);
static int fail(char *msg, size_t cap, int reason, const char *fmt, ...) {
  if (msg && cap) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, cap, fmt, ap);
    va_end(ap);
  }
  return reason;
}

/* The type rule of each option (SPEC section 4; section 9 for DAY_OFF). */
static int check_type(const aws_emp *e, const aws_opt *o, char *msg,
                      size_t cap) {
  switch (o->type) {
    case AWS_MAXIFLEX: { /* Sec. 10.A.1.b: up to one day off per workweek */
      int per_week[3] = {0, 0, 0};
      for (uint32_t i = 0; i < o->n_mf; i++) {
        const aws_wd *w = &o->mf_days[i];
        if (!is_monfri(w->day))
          return fail(msg, cap, AWS_R_MAXIFLEX_DAYS,
                      "day off %s in week %d is not a weekday mon-fri",
                      sb_weekday_name(w->day), w->week);
        if (++per_week[w->week] > 1)
          return fail(msg, cap, AWS_R_MAXIFLEX_DAYS,
                      "week %d has more than one day off (%s is the "
                      "second); Maxiflex allows one per week",
                      w->week, sb_weekday_name(w->day));
      }
      return AWS_OK;
    }
    case AWS_CWS_4_10:
      if (!is_monfri(o->day_off.day))
        return fail(msg, cap, AWS_R_DAY_OFF,
                    "day off %s is not a weekday mon-fri",
                    sb_weekday_name(o->day_off.day));
      return AWS_OK;
    case AWS_CWS_5_4_9:
      if (!is_monfri(o->day_off.day))
        return fail(msg, cap, AWS_R_DAY_OFF,
                    "day off %s (week %d) is not a weekday mon-fri",
                    sb_weekday_name(o->day_off.day), o->day_off.week);
      if (!is_monfri(o->short_day.day))
        return fail(msg, cap, AWS_R_CWS_SHORT_DAY,
                    "short day %s (week %d) is not a weekday mon-fri",
                    sb_weekday_name(o->short_day.day), o->short_day.week);
      if (o->short_day.week == o->day_off.week)
        return fail(msg, cap, AWS_R_CWS_SHORT_DAY,
                    "short day %s is in week %d, the week of the day off; "
                    "it must be in the other week",
                    sb_weekday_name(o->short_day.day), o->short_day.week);
      if (o->short_day.day == o->day_off.day)
        return fail(msg, cap, AWS_R_CWS_SHORT_DAY,
                    "short day %s (week %d) is on the weekday of the day off",
                    sb_weekday_name(o->short_day.day), o->short_day.week);
      return AWS_OK;
    case AWS_CWS_4_9_4: /* footnote 1 to Sec. 5 */
      if (!e->grandfathered)
        return fail(msg, cap, AWS_R_NOT_GRANDFATHERED,
                    "4/9/4 is only for employees on it continuously since "
                    "before 2011-01-01 (grandfathered_494)");
      return AWS_OK;
    default:
      return AWS_OK;
  }
}

int aws_validate(const aws_data *d, const aws_emp *e, const aws_opt *o,
                 char *msg, size_t cap) {
  char a[8], b[8];
  int rc = check_type(e, o, msg, cap);
  if (rc != AWS_OK) return rc;
  if (o->type >= AWS_CWS_4_10) {
    /* Sec. 7 and Sec. 10.A.2.c: a fixed meal period of 30 to 60 minutes. */
    if (o->meal < 30 || o->meal > 60)
      return fail(msg, cap, AWS_R_MEAL,
                  "meal period %d minutes is %s the %s of %d minutes",
                  (int)o->meal, o->meal < 30 ? "under" : "over",
                  o->meal < 30 ? "minimum" : "maximum",
                  o->meal < 30 ? 30 : 60);
    /* Sec. 4 and Sec. 10.A.2.c: arrival and (long-day) departure inside
     * the hours of duty. */
    int32_t dep = aws_opt_depart(o);
    if (o->arrive < d->hod[0]) {
      aws_fmt_time(o->arrive, a);
      aws_fmt_time(d->hod[0], b);
      return fail(msg, cap, AWS_R_HOURS_OF_DUTY,
                  "arrival %s is before the start of hours of duty %s", a, b);
    }
    if (dep > d->hod[1]) {
      aws_fmt_time(dep, a);
      aws_fmt_time(d->hod[1], b);
      return fail(msg, cap, AWS_R_HOURS_OF_DUTY,
                  "departure %s is after the end of hours of duty %s", a, b);
    }
    /* Sec. 5 and Sec. 10.A.2.c: core hours every workday; the 4/9/4 keeps
     * its own core hours (footnote 1 to Sec. 5). */
    if (o->type != AWS_CWS_4_9_4) {
      if (o->arrive > d->core[0]) {
        aws_fmt_time(o->arrive, a);
        aws_fmt_time(d->core[0], b);
        return fail(msg, cap, AWS_R_CORE_HOURS,
                    "arrival %s is after the start of core hours %s", a, b);
      }
      bool shortd = o->type == AWS_CWS_5_4_9;
      int32_t early = shortd ? o->arrive + 480 + o->meal : dep;
      if (early < d->core[1]) {
        aws_fmt_time(early, a);
        aws_fmt_time(d->core[1], b);
        return fail(msg, cap, AWS_R_CORE_HOURS,
                    "departure %s%s is before the end of core hours %s", a,
                    shortd ? " on the short day" : "", b);
      }
    }
  }
  /* Sec. 11: a part-time schedule keeps 2 workdays each week and 5 each pay
   * period; its week is its workdays minus that week's days off. A VWS
   * keeps every workday. */
  if (e->part_time && o->type != AWS_VWS) {
    uint16_t off = aws_opt_days_off(o);
    int total = 0;
    for (int w = 1; w <= 2; w++) {
      int k = 0;
      for (int wd = 0; wd < 7; wd++)
        if ((e->workdays & (1u << wd)) && !(off & AWS_BIT(w, wd))) k++;
      if (k < 2)
        return fail(msg, cap, AWS_R_PART_TIME_DAYS,
                    "week %d keeps %d workday%s; a part-time schedule needs "
                    "at least 2 each week",
                    w, k, k == 1 ? "" : "s");
      total += k;
    }
    if (total < 5)
      return fail(msg, cap, AWS_R_PART_TIME_DAYS,
                  "the pay period keeps %d workdays; a part-time schedule "
                  "needs at least 5",
                  total);
  }
  return AWS_OK;
}

int aws_week_of(sb_day anchor, sb_day day) {
  int32_t off = (day - anchor) % 14;
  if (off < 0) off += 14;
  return off < 7 ? 1 : 2;
}

sb_day aws_effective(const aws_data *d) {
  /* "the second pay period after the end of the EDP" (Sec. 10.C.3): the
   * period holding edp.end, then two more. */
  return sb_pay_period_start(d->anchor, d->edp.end) + 28;
}

bool aws_edp_in_window(sb_range edp) {
  int y, m, dd;
  sb_date_to_ymd(edp.start, &y, &m, &dd);
  if (m != 1 && m != 7) return false;
  sb_day first = sb_date_from_ymd(y, m, 1);
  /* The first full Sunday-Saturday week starts on the first Sunday on or
   * after the 1st; the window ends on the Saturday of the second. */
  sb_day sunday = first + (7 - sb_weekday(first)) % 7;
  sb_day last = sunday + 13;
  return edp.start >= first && edp.end <= last;
}
