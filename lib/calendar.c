/* Federal holidays (5 U.S.C. 6103; SPEC section 6) and pay periods. */
#include "internal.h"

/* The n-th (1-based) weekday wd of a month; n = -1 for the last. */
static sb_day nth_weekday(int y, int m, int wd, int n) {
  if (n < 0) {
    sb_day last = sb_date_from_ymd(y, m, sb_days_in_month(y, m));
    return last - ((sb_weekday(last) - wd + 7) % 7);
  }
  sb_day first = sb_date_from_ymd(y, m, 1);
  return first + (wd - sb_weekday(first) + 7) % 7 + 7 * (n - 1);
}

/* A holiday on a Saturday is observed the Friday before, on a Sunday the
 * Monday after (5 U.S.C. 6103(b); Executive Order 11582). */
static sb_day observed(sb_day d) {
  int w = sb_weekday(d);
  return w == SB_SAT ? d - 1 : w == SB_SUN ? d + 1 : d;
}

/* The holidays of one calendar year (by actual date), in date order of
 * their actual dates. Returns how many were written (at most 12). */
static int year_holidays(int y, bool inauguration, sb_holiday *h) {
  int n = 0;
#define ADD(actual_, obs_, name_) \
  (h[n].actual = (actual_), h[n].observed = (obs_), h[n].name = (name_), \
   h[n].inauguration = false, n++)
  sb_day d = sb_date_from_ymd(y, 1, 1);
  ADD(d, observed(d), "New Year's Day");
  d = nth_weekday(y, 1, SB_MON, 3);
  ADD(d, d, "Birthday of Martin Luther King, Jr.");
  /* Inauguration Day, January 20 of every fourth year after 1965, only on
   * request; Sunday moves to Monday, Saturday gives no holiday
   * (5 U.S.C. 6103(c)). */
  if (inauguration && y > 1965 && (y - 1965) % 4 == 0) {
    d = sb_date_from_ymd(y, 1, 20);
    int w = sb_weekday(d);
    if (w != SB_SAT) {
      ADD(d, w == SB_SUN ? d + 1 : d, "Inauguration Day");
      h[n - 1].inauguration = true;
    }
  }
  d = nth_weekday(y, 2, SB_MON, 3);
  ADD(d, d, "Washington's Birthday");
  d = nth_weekday(y, 5, SB_MON, -1);
  ADD(d, d, "Memorial Day");
  if (y >= 2021) {
    d = sb_date_from_ymd(y, 6, 19);
    ADD(d, observed(d), "Juneteenth National Independence Day");
  }
  d = sb_date_from_ymd(y, 7, 4);
  ADD(d, observed(d), "Independence Day");
  d = nth_weekday(y, 9, SB_MON, 1);
  ADD(d, d, "Labor Day");
  d = nth_weekday(y, 10, SB_MON, 2);
  ADD(d, d, "Columbus Day");
  d = sb_date_from_ymd(y, 11, 11);
  ADD(d, observed(d), "Veterans Day");
  d = nth_weekday(y, 11, SB_THU, 4);
  ADD(d, d, "Thanksgiving Day");
  d = sb_date_from_ymd(y, 12, 25);
  ADD(d, observed(d), "Christmas Day");
#undef ADD
  return n;
}

size_t sb_federal_holidays(sb_day from, sb_day to, bool inauguration,
                           sb_holiday *out, size_t cap) {
  if (to < from) return 0;
  int y0, y1, m, d;
  sb_date_to_ymd(from, &y0, &m, &d);
  sb_date_to_ymd(to, &y1, &m, &d);
  size_t n = 0;
  /* New Year's Day of y+1 may be observed on December 31 of y, so look
   * one year either side. */
  for (int y = y0 - 1; y <= y1 + 1; y++) {
    sb_holiday h[16];
    int k = year_holidays(y, inauguration, h);
    for (int i = 0; i < k; i++) {
      if (h[i].observed < from || h[i].observed > to) continue;
      if (n < cap) out[n] = h[i];
      n++;
    }
  }
  /* Inauguration Day can precede the King holiday in January: sort by
   * observed date (stable, so same-day holidays keep their list order). */
  size_t m_ = n < cap ? n : cap;
  for (size_t i = 1; i < m_; i++) {
    sb_holiday t = out[i];
    size_t j = i;
    while (j > 0 && out[j - 1].observed > t.observed) {
      out[j] = out[j - 1];
      j--;
    }
    out[j] = t;
  }
  return n;
}

sb_day sb_pay_period_start(sb_day anchor, sb_day day) {
  int32_t off = (day - anchor) % 14;
  if (off < 0) off += 14;
  return day - off;
}
