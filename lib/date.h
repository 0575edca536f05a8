/* Dates, times, federal holidays and pay periods. Internal: see lib/internal.h. */
#ifndef SENBID_DATE_H
#define SENBID_DATE_H

#include "util/util.h"

/* ------------------------------------------------------------------------ */
/* Dates and times (lib/date.c), calendar (lib/calendar.c)                  */
/* ------------------------------------------------------------------------ */

typedef int32_t sb_day; /* days since 1970-01-01, proleptic Gregorian */

typedef struct sb_range {
  sb_day start, end; /* inclusive */
} sb_range;

/* The calendar's range: 0001-01-01 .. 9999-12-31 (sb_date_parse). */
#define SB_DAY_MIN (-719162)
#define SB_DAY_MAX 2932896

enum { SB_SUN, SB_MON, SB_TUE, SB_WED, SB_THU, SB_FRI, SB_SAT };

sb_day sb_date_from_ymd(int y, int m, int d);
void sb_date_to_ymd(sb_day day, int *y, int *m, int *d);
/* Strict "YYYY-MM-DD", years 0001-9999. */
bool sb_date_parse(const char *s, sb_day *out);
/* Writes "YYYY-MM-DD" and a NUL (11 bytes). */
void sb_date_format(sb_day day, char out[11]);
int sb_weekday(sb_day day); /* SB_SUN .. SB_SAT */
bool sb_is_leap(int y);
int sb_days_in_month(int y, int m);
/* Adds months; a day the target month lacks rolls over to the 1st of the
 * next month (SPEC section 9: Nov 30 + 3 months = Mar 1). */
sb_day sb_date_add_months(sb_day day, int months);
sb_day sb_date_add_years(sb_day day, int years);
/* Checked arithmetic: false (and *out untouched) when the result, or the
 * day given, lies outside SB_DAY_MIN..SB_DAY_MAX. Callers turn false into
 * an input error at the path of the value that led there. */
bool sb_date_add_days_checked(sb_day day, int64_t days, sb_day *out);
bool sb_date_add_months_checked(sb_day day, int64_t months, sb_day *out);
bool sb_date_add_years_checked(sb_day day, int64_t years, sb_day *out);
/* True when day lies in SB_DAY_MIN..SB_DAY_MAX. */
static inline bool sb_date_valid(sb_day day) {
  return day >= SB_DAY_MIN && day <= SB_DAY_MAX;
}
/* Strict "HH:MM", 00:00-23:59, as minutes after midnight. */
bool sb_time_parse(const char *s, int32_t *minutes);
void sb_time_format(int32_t minutes, char out[6]);
/* "sun".."sat" -> SB_SUN..SB_SAT, else -1. */
int sb_weekday_parse(const char *s);
const char *sb_weekday_name(int wd);

/* Federal holidays of 5 U.S.C. 6103 (SPEC section 6). */
typedef struct sb_holiday {
  sb_day observed; /* the day off */
  sb_day actual;   /* the holiday's own date */
  const char *name;
  bool inauguration; /* Inauguration Day (5 U.S.C. 6103(c)) */
} sb_holiday;

/* Writes the holidays whose observed date lies in [from, to], in date
 * order, to out (up to cap) and returns how many there are (which may be
 * more than cap). */
size_t sb_federal_holidays(sb_day from, sb_day to, bool inauguration,
                           sb_holiday *out, size_t cap);
/* The first day of the 14-day pay period containing day. */
sb_day sb_pay_period_start(sb_day anchor, sb_day day);

#endif /* SENBID_DATE_H */
