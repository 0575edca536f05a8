/* The rules of ICE 2019 Art. 15 and Art. 17 Sec. 5.A (SPEC section 4 and
 * section 9 "AWS"), one function each, tagged with its clause. solve.c,
 * lex.c and check.c reach every rule through these functions only. */
#include <stdio.h>
#include <string.h>

#include "aws.h"

const char *const aws_reason_names[AWS_NREASONS] = {
    "OK",         "MAXIFLEX_DAYS",  "DAY_OFF",        "CWS_SHORT_DAY",
    "NOT_GRANDFATHERED", "MEAL",    "HOURS_OF_DUTY",  "CORE_HOURS",
    "PART_TIME_DAYS", "OFFICE_LIMIT", "OFFICE_MINIMUM", "APPROVED",
    "DEFAULT_VWS", "NO_REQUEST",    "GRANDFATHERED"};

const char *const aws_reason_clause[AWS_NREASONS] = {
    [AWS_OK] = "",
    [AWS_R_MAXIFLEX_DAYS] = AWS_C_MAXIFLEX,
    [AWS_R_DAY_OFF] = AWS_C_DAY_OFF,
    [AWS_R_CWS_SHORT_DAY] = AWS_C_SHORT_DAY,
    [AWS_R_NOT_GRANDFATHERED] = AWS_C_GRANDFATHERED,
    [AWS_R_MEAL] = AWS_C_MEAL,
    [AWS_R_HOURS_OF_DUTY] = AWS_C_HOURS_OF_DUTY,
    [AWS_R_CORE_HOURS] = AWS_C_CORE_HOURS,
    [AWS_R_PART_TIME_DAYS] = AWS_C_PART_TIME,
    [AWS_R_OFFICE_LIMIT] = AWS_C_PASS,
    [AWS_R_OFFICE_MINIMUM] = AWS_C_PASS,
    [AWS_S_APPROVED] = AWS_C_PASS,
    [AWS_S_DEFAULT_VWS] = AWS_C_PASS,
    [AWS_S_NO_REQUEST] = AWS_C_NO_REQUEST,
    [AWS_S_GRANDFATHERED] = AWS_C_GRANDFATHERED};

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

/* ---------------------------------------------------- option validity */

/* ICE2019.ART15.SEC10.A.1.b: Maxiflex, up to one day off per workweek,
 * a weekday mon-fri. */
static int aws_rule_maxiflex(const aws_opt *o, char *msg, size_t cap) {
  int per_week[3] = {0, 0, 0};
  for (uint32_t i = 0; i < o->n_mf; i++) {
    const aws_wd *w = &o->mf_days[i];
    if (!is_monfri(w->day))
      return fail(msg, cap, AWS_R_MAXIFLEX_DAYS,
                  "day off %s in week %d is not a weekday mon-fri",
                  sb_weekday_name(w->day), w->week);
    if (++per_week[w->week] > 1)
      return fail(msg, cap, AWS_R_MAXIFLEX_DAYS,
                  "week %d has more than one day off (%s is the second); "
                  "Maxiflex allows one per week",
                  w->week, sb_weekday_name(w->day));
  }
  return AWS_OK;
}

/* ICE2019.ART15.SEC10.A.2 (SPEC section 9 for DAY_OFF): the 4/10 day off
 * is a weekday mon-fri. */
static int aws_rule_cws_4_10(const aws_opt *o, char *msg, size_t cap) {
  if (!is_monfri(o->day_off.day))
    return fail(msg, cap, AWS_R_DAY_OFF, "day off %s is not a weekday mon-fri",
                sb_weekday_name(o->day_off.day));
  return AWS_OK;
}

/* ICE2019.ART15.SEC10.A.2.a: the 5/4-9 has a day off in one week and a
 * short day in the other, both weekdays mon-fri, not the same weekday. */
static int aws_rule_cws_5_4_9(const aws_opt *o, char *msg, size_t cap) {
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
                "short day %s is in week %d, the week of the day off; it "
                "must be in the other week",
                sb_weekday_name(o->short_day.day), o->short_day.week);
  if (o->short_day.day == o->day_off.day)
    return fail(msg, cap, AWS_R_CWS_SHORT_DAY,
                "short day %s (week %d) is on the weekday of the day off",
                sb_weekday_name(o->short_day.day), o->short_day.week);
  return AWS_OK;
}

/* ICE2019.ART15.SEC5.FN1: the 4/9/4 only for the grandfathered. */
static int aws_rule_cws_4_9_4(const aws_emp *e, char *msg, size_t cap) {
  if (!e->grandfathered)
    return fail(msg, cap, AWS_R_NOT_GRANDFATHERED,
                "4/9/4 is only for employees on it continuously since "
                "before 2011-01-01 (grandfathered_494)");
  return AWS_OK;
}

/* ICE2019.ART15.SEC7 and Sec. 10.A.2.c: a CWS has a fixed meal period of
 * 30 to 60 minutes. */
static int aws_rule_meal(const aws_opt *o, char *msg, size_t cap) {
  if (o->type < AWS_CWS_4_10 || (o->meal >= 30 && o->meal <= 60))
    return AWS_OK;
  bool under = o->meal < 30;
  return fail(msg, cap, AWS_R_MEAL,
              "meal period %d minutes is %s the %s of %d minutes",
              (int)o->meal, under ? "under" : "over",
              under ? "minimum" : "maximum", under ? 30 : 60);
}

/* ICE2019.ART15.SEC4 and Sec. 10.A.2.c: a CWS arrives and leaves (its long
 * day) inside the hours of duty. */
static int aws_rule_hours_of_duty(const aws_data *d, const aws_opt *o, char *msg,
                           size_t cap) {
  char a[8], b[8];
  if (o->type < AWS_CWS_4_10) return AWS_OK;
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
  return AWS_OK;
}

/* ICE2019.ART15.SEC5 and Sec. 10.A.2.c: a CWS works the core hours every
 * workday (its earliest departure: the 5/4-9's short day); the 4/9/4
 * keeps its own core hours (footnote 1 to Sec. 5). */
static int aws_rule_core_hours(const aws_data *d, const aws_opt *o, char *msg,
                        size_t cap) {
  char a[8], b[8];
  if (o->type < AWS_CWS_4_10 || o->type == AWS_CWS_4_9_4) return AWS_OK;
  if (o->arrive > d->core[0]) {
    aws_fmt_time(o->arrive, a);
    aws_fmt_time(d->core[0], b);
    return fail(msg, cap, AWS_R_CORE_HOURS,
                "arrival %s is after the start of core hours %s", a, b);
  }
  bool shortd = o->type == AWS_CWS_5_4_9;
  int32_t early = shortd ? o->arrive + 480 + o->meal : aws_opt_depart(o);
  if (early < d->core[1]) {
    aws_fmt_time(early, a);
    aws_fmt_time(d->core[1], b);
    return fail(msg, cap, AWS_R_CORE_HOURS,
                "departure %s%s is before the end of core hours %s", a,
                shortd ? " on the short day" : "", b);
  }
  return AWS_OK;
}

/* ICE2019.ART15.SEC11: a part-time schedule keeps 2 workdays each week and
 * 5 each pay period; its week is its workdays minus that week's days off.
 * A VWS keeps every workday. */
static int aws_rule_part_time_days(const aws_emp *e, const aws_opt *o, char *msg,
                            size_t cap) {
  if (!e->part_time || o->type == AWS_VWS) return AWS_OK;
  uint16_t off = aws_opt_days_off(o);
  int total = 0;
  for (int w = 1; w <= 2; w++) {
    int k = 0;
    for (int wd = 0; wd < 7; wd++)
      if ((e->workdays & (1u << wd)) && !(off & AWS_BIT(w, wd))) k++;
    if (k < 2)
      return fail(msg, cap, AWS_R_PART_TIME_DAYS,
                  "week %d keeps %d workday%s; a part-time schedule needs at "
                  "least 2 each week",
                  w, k, k == 1 ? "" : "s");
    total += k;
  }
  if (total < 5)
    return fail(msg, cap, AWS_R_PART_TIME_DAYS,
                "the pay period keeps %d workdays; a part-time schedule "
                "needs at least 5",
                total);
  return AWS_OK;
}

int aws_validate(const aws_data *d, const aws_emp *e, const aws_opt *o,
                 char *msg, size_t cap) {
  int rc = AWS_OK;
  switch (o->type) {
    case AWS_MAXIFLEX: rc = aws_rule_maxiflex(o, msg, cap); break;
    case AWS_CWS_4_10: rc = aws_rule_cws_4_10(o, msg, cap); break;
    case AWS_CWS_5_4_9: rc = aws_rule_cws_5_4_9(o, msg, cap); break;
    case AWS_CWS_4_9_4: rc = aws_rule_cws_4_9_4(e, msg, cap); break;
    default: break;
  }
  if (rc == AWS_OK) rc = aws_rule_meal(o, msg, cap);
  if (rc == AWS_OK) rc = aws_rule_hours_of_duty(d, o, msg, cap);
  if (rc == AWS_OK) rc = aws_rule_core_hours(d, o, msg, cap);
  if (rc == AWS_OK) rc = aws_rule_part_time_days(e, o, msg, cap);
  return rc;
}

/* -------------------------------------------------------- office limits */

bool aws_rule_office_limits(const aws_data *d, const aws_count *c, int type,
                            uint16_t off, aws_limit *lim) {
  if (d->max_type[type] != AWS_NONE && c->appr[type] >= d->max_type[type]) {
    *lim = (aws_limit){AWS_LIM_MAX_TYPE, (uint8_t)type, 0};
    return false;
  }
  for (int w = 1; w <= 2; w++)
    for (int wd = 0; wd < 7; wd++)
      if ((off & AWS_BIT(w, wd)) && d->max_off[wd] != AWS_NONE &&
          c->off[w - 1][wd] >= d->max_off[wd]) {
        *lim = (aws_limit){AWS_LIM_MAX_OFF, (uint8_t)wd, (uint8_t)w};
        return false;
      }
  return true;
}

void aws_count_take(aws_count *c, int type, uint16_t off, bool approved) {
  c->fin[type]++;
  if (!approved) return;
  c->appr[type]++;
  for (int w = 1; w <= 2; w++)
    for (int wd = 0; wd < 7; wd++)
      if (off & AWS_BIT(w, wd)) c->off[w - 1][wd]++;
}

void aws_limit_name(aws_limit lim, char *out, size_t cap) {
  switch (lim.kind) {
    case AWS_LIM_MAX_OFF:
      snprintf(out, cap, "max_off.%s", sb_weekday_name(lim.idx));
      break;
    case AWS_LIM_MAX_TYPE:
      snprintf(out, cap, "max_type.%s", aws_type_names[lim.idx]);
      break;
    case AWS_LIM_MIN_TYPE:
      snprintf(out, cap, "min_type.%s", aws_type_names[lim.idx]);
      break;
    case AWS_LIM_MIN_ANY: snprintf(out, cap, "min_type"); break;
    default: out[0] = '\0'; break;
  }
}

/* SPEC section 4 "lexicographic": the gate applies only when some
 * office.min_type is set; otherwise lexicographic is round_robin. */
bool aws_has_min(const aws_data *d) {
  for (int t = 0; t < AWS_NTYPES; t++)
    if (d->min_type[t] > 0) return true;
  return false;
}

/* ---------------------------------------------------------- the turn */

/* ICE2019.ART15.SEC5.FN1, SEC10.B.2, SEC10.C.2: without an approved
 * option a grandfathered 4/9/4 employee keeps it; everyone else gets a
 * VWS. */
int aws_rule_fallback(const aws_emp *e, int *reason, const char **clause) {
  if (e->grandfathered) {
    *reason = AWS_S_GRANDFATHERED;
    *clause = e->req != AWS_NONE ? AWS_C_GRANDFATHERED : AWS_C_NO_REQUEST;
    return AWS_CWS_4_9_4;
  }
  *reason = e->req != AWS_NONE ? AWS_S_DEFAULT_VWS : AWS_S_NO_REQUEST;
  *clause = e->req != AWS_NONE ? AWS_C_PASS : AWS_C_NO_REQUEST;
  return AWS_VWS;
}

/* ICE2019.ART15.SEC10.C.2: options in the employee's order; the first
 * valid one that fits (and keeps the minimums reachable) is approved. */
int aws_turn(const aws_data *d, uint32_t emp, const aws_count *c,
             aws_lex *lx, aws_refuse_fn refuse, void *arg, int32_t *option) {
  const aws_emp *e = &d->emps[emp];
  char msg[256], lim[40];
  char *m = refuse ? msg : NULL;
  *option = -1;
  if (e->req == AWS_NONE) return SENBID_OK;
  const aws_req *q = &d->reqs[e->req];
  for (uint32_t i = 0; i < q->nopts; i++) {
    const aws_opt *op = &q->opts[i];
    int why = aws_validate(d, e, op, m, sizeof msg);
    if (why != AWS_OK) {
      if (refuse)
        SB_TRY(refuse(arg, i, why, (aws_limit){AWS_LIM_NONE, 0, 0}, "", msg));
      continue;
    }
    uint16_t off = aws_opt_days_off(op);
    aws_limit l;
    if (!aws_rule_office_limits(d, c, op->type, off, &l)) {
      if (refuse) {
        aws_limit_name(l, lim, sizeof lim);
        if (l.kind == AWS_LIM_MAX_OFF)
          snprintf(msg, sizeof msg,
                   "%s is full: %lld regular days off on %s in week %d", lim,
                   (long long)d->max_off[l.idx], sb_weekday_name(l.idx),
                   l.week);
        else
          snprintf(msg, sizeof msg, "%s is full: %lld approved", lim,
                   (long long)d->max_type[l.idx]);
        SB_TRY(refuse(arg, i, AWS_R_OFFICE_LIMIT, l, lim, msg));
      }
      continue;
    }
    if (lx) {
      bool ok = true;
      int lt = -1;
      SB_TRY(aws_lex_try(lx, emp, (aws_choice){op->type, true, off}, &ok,
                         &lt));
      if (!ok) {
        if (refuse) {
          l = lt >= 0 ? (aws_limit){AWS_LIM_MIN_TYPE, (uint8_t)lt, 0}
                      : (aws_limit){AWS_LIM_MIN_ANY, 0, 0};
          aws_limit_name(l, lim, sizeof lim);
          snprintf(msg, sizeof msg, "%s could no longer be met", lim);
          SB_TRY(refuse(arg, i, AWS_R_OFFICE_MINIMUM, l, lim, msg));
        }
        continue;
      }
    }
    *option = (int32_t)i;
    return SENBID_OK;
  }
  return SENBID_OK;
}

/* ------------------------------------------------------------ telework */

/* ICE2019.ART17.SEC5.A: a requested day is granted when it is a workday in
 * both weeks of the final schedule and max_telework for it is not
 * reached. */
int aws_rule_telework(const aws_data *d, const aws_emp *e, uint16_t off,
                      const aws_count *c, int wd) {
  if (!(e->workdays & (1u << wd)) || (off & AWS_BIT(1, wd)) ||
      (off & AWS_BIT(2, wd)))
    return AWS_TELE_NOT_WORKDAY;
  if (d->max_tele[wd] != AWS_NONE && c->tele[wd] >= d->max_tele[wd])
    return AWS_TELE_LIMIT;
  return AWS_TELE_GRANT;
}

/* ---------------------------------------------------------------- dates */

int aws_week_of(sb_day anchor, sb_day day) {
  int32_t off = (day - anchor) % 14;
  if (off < 0) off += 14;
  return off < 7 ? 1 : 2;
}

/* ICE2019.ART15.SEC10.C.3: "the second pay period after the end of the
 * EDP": the period holding edp.end, then two more. */
bool aws_rule_effective(sb_day anchor, sb_day edp_end, sb_day *out) {
  return sb_date_add_days_checked(sb_pay_period_start(anchor, edp_end), 28,
                                  out);
}

/* ICE2019.ART15.SEC10.B.1 */
bool aws_rule_edp_window(sb_range edp) {
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

/* ------------------------------------------------------------- holidays */

/* The in-lieu search looks at most this many days back. */
#define IN_LIEU_SEARCH 60

int aws_hols_init(sb_arena *ar, sb_err *err, const aws_data *d,
                  aws_hols *h) {
  memset(h, 0, sizeof *h);
  if (!d->has_end || d->sched_end < d->effective) return SENBID_OK;
  sb_day from;
  if (!sb_date_add_days_checked(d->effective, -(IN_LIEU_SEARCH + 2), &from))
    from = SB_DAY_MIN;
  size_t n = sb_federal_holidays(from, d->sched_end, d->inauguration, NULL, 0);
  h->all = sb_arena_array(ar, n + 1, sizeof(sb_holiday));
  if (!h->all) return sb_err_nomem(err);
  h->nall = sb_federal_holidays(from, d->sched_end, d->inauguration, h->all, n);
  while (h->first < h->nall && h->all[h->first].observed < d->effective)
    h->first++;
  h->end = d->sched_end;
  return SENBID_OK;
}

static bool is_holiday(const aws_hols *h, sb_day day) {
  size_t lo = 0, hi = h->nall;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (h->all[mid].observed < day) lo = mid + 1;
    else hi = mid;
  }
  return lo < h->nall && h->all[lo].observed == day;
}

/* SPEC section 9: the in-lieu day is the latest earlier date that is a
 * workday, not a regular day off in its week, not a holiday (and not
 * before 0001-01-01). */
static bool in_lieu_day(const aws_data *d, const aws_hols *h,
                        uint8_t workdays, uint16_t off, sb_day hol,
                        sb_day *out) {
  for (sb_day day = hol - 1; day >= hol - IN_LIEU_SEARCH && day >= SB_DAY_MIN;
       day--) {
    int wd = sb_weekday(day);
    if (!(workdays & (1u << wd))) continue;
    if (off & AWS_BIT(aws_week_of(d->anchor, day), wd)) continue;
    if (is_holiday(h, day)) continue;
    *out = day;
    return true;
  }
  return false;
}

/* ICE2019.ART15.SEC13.B.2: a holiday on a regular day off gives an in-lieu
 * day; Sec. 13.B.3: not to part-time employees; 5 U.S.C. 6103(c) (OPM):
 * Inauguration Day gives none, and a date observed for two holidays
 * (Inauguration Day and the King holiday, 2025-01-20) is one holiday. */
size_t aws_rule_in_lieu(const aws_data *d, const aws_hols *h,
                        const aws_emp *e, uint16_t off, sb_day *hol_out,
                        sb_day *date_out, size_t cap) {
  size_t n = 0;
  if (!off || e->part_time) return 0;
  sb_day last = SB_DAY_MIN - 1;
  for (size_t i = h->first; i < h->nall && h->all[i].observed <= h->end;
       i++) {
    const sb_holiday *x = &h->all[i];
    sb_day hol = x->observed;
    if (!(off & AWS_BIT(aws_week_of(d->anchor, hol), sb_weekday(hol))))
      continue;
    if (x->inauguration || hol == last) continue;
    sb_day il;
    if (!in_lieu_day(d, h, e->workdays, off, hol, &il)) continue;
    last = hol;
    if (n < cap) {
      hol_out[n] = hol;
      date_out[n] = il;
    }
    n++;
  }
  return n;
}
