/* Proleptic Gregorian dates as day numbers, strict parsing, month
 * arithmetic. */
#include <string.h>

#include "internal.h"

bool sb_is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int sb_days_in_month(int y, int m) {
  static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && sb_is_leap(y) ? 29 : dim[m - 1];
}

/* Howard Hinnant's days_from_civil: exact over the whole proleptic range. */
sb_day sb_date_from_ymd(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = (unsigned)(y - era * 400);
  const unsigned doy = (unsigned)((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return (sb_day)(era * 146097 + (int)doe - 719468);
}

void sb_date_to_ymd(sb_day day, int *y, int *m, int *d) {
  int z = day + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = (unsigned)(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int yy = (int)yoe + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned dd = doy - (153 * mp + 2) / 5 + 1;
  const unsigned mm = mp < 10 ? mp + 3 : mp - 9;
  *y = yy + (mm <= 2);
  *m = (int)mm;
  *d = (int)dd;
}

static bool digits(const char *s, int n, int *out) {
  int v = 0;
  for (int i = 0; i < n; i++) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

bool sb_date_parse(const char *s, sb_day *out) {
  int y, m, d;
  if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-') return false;
  if (!digits(s, 4, &y) || !digits(s + 5, 2, &m) || !digits(s + 8, 2, &d))
    return false;
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > sb_days_in_month(y, m))
    return false;
  *out = sb_date_from_ymd(y, m, d);
  return true;
}

void sb_date_format(sb_day day, char out[11]) {
  int y, m, d;
  sb_date_to_ymd(day, &y, &m, &d);
  /* Callers keep dates in range (sb_date_*_checked); should one slip
   * through, clamp the printed width rather than write past out. */
  if (y < 0) y = 0;
  if (y > 9999) y = 9999;
  out[0] = (char)('0' + y / 1000);
  out[1] = (char)('0' + y / 100 % 10);
  out[2] = (char)('0' + y / 10 % 10);
  out[3] = (char)('0' + y % 10);
  out[4] = '-';
  out[5] = (char)('0' + m / 10);
  out[6] = (char)('0' + m % 10);
  out[7] = '-';
  out[8] = (char)('0' + d / 10);
  out[9] = (char)('0' + d % 10);
  out[10] = '\0';
}

int sb_weekday(sb_day day) {
  /* 1970-01-01 was a Thursday. */
  int w = (day + 4) % 7;
  return w < 0 ? w + 7 : w;
}

sb_day sb_date_add_months(sb_day day, int months) {
  int y, m, d;
  sb_date_to_ymd(day, &y, &m, &d);
  int total = y * 12 + (m - 1) + months;
  int ny = total >= 0 ? total / 12 : -((-total + 11) / 12);
  int nm = total - ny * 12 + 1;
  if (d > sb_days_in_month(ny, nm)) {
    /* SPEC section 9: a missing day rolls over to the 1st of next month. */
    return sb_date_from_ymd(ny, nm, sb_days_in_month(ny, nm)) + 1;
  }
  return sb_date_from_ymd(ny, nm, d);
}

sb_day sb_date_add_years(sb_day day, int years) {
  return sb_date_add_months(day, years * 12);
}

bool sb_date_add_days_checked(sb_day day, int64_t days, sb_day *out) {
  if (!sb_date_valid(day) || days < -(int64_t)SB_DAY_MAX * 2 ||
      days > (int64_t)SB_DAY_MAX * 2)
    return false;
  int64_t r = (int64_t)day + days;
  if (r < SB_DAY_MIN || r > SB_DAY_MAX) return false;
  *out = (sb_day)r;
  return true;
}

bool sb_date_add_months_checked(sb_day day, int64_t months, sb_day *out) {
  /* 9999 years are fewer than 120,000 months: anything larger leaves the
   * calendar, and the bound keeps sb_date_add_months in int range. */
  if (!sb_date_valid(day) || months < -120000 || months > 120000)
    return false;
  sb_day r = sb_date_add_months(day, (int)months);
  if (!sb_date_valid(r)) return false;
  *out = r;
  return true;
}

bool sb_date_add_years_checked(sb_day day, int64_t years, sb_day *out) {
  if (years < -10000 || years > 10000) return false;
  return sb_date_add_months_checked(day, years * 12, out);
}

bool sb_time_parse(const char *s, int32_t *minutes) {
  int h, m;
  if (!s || strlen(s) != 5 || s[2] != ':') return false;
  if (!digits(s, 2, &h) || !digits(s + 3, 2, &m)) return false;
  if (h > 23 || m > 59) return false;
  *minutes = h * 60 + m;
  return true;
}

void sb_time_format(int32_t minutes, char out[6]) {
  /* Times past midnight (a departure computed from a late arrival) wrap. */
  int32_t t = ((minutes % 1440) + 1440) % 1440;
  out[0] = (char)('0' + t / 600);
  out[1] = (char)('0' + t / 60 % 10);
  out[2] = ':';
  out[3] = (char)('0' + t % 60 / 10);
  out[4] = (char)('0' + t % 10);
  out[5] = '\0';
}

static const char *const wd_names[7] = {"sun", "mon", "tue", "wed",
                                        "thu", "fri", "sat"};

int sb_weekday_parse(const char *s) {
  if (!s) return -1;
  for (int i = 0; i < 7; i++)
    if (strcmp(s, wd_names[i]) == 0) return i;
  return -1;
}

const char *sb_weekday_name(int wd) {
  return wd >= 0 && wd < 7 ? wd_names[wd] : "?";
}
