/* Dates, times and month arithmetic (SPEC sections 0 and 9). */
#include "helpers.h"
#include "internal.h"

static sb_day D(const char *s) {
  sb_day d = 0;
  assert_true(sb_date_parse(s, &d));
  return d;
}

static void date_round_trip_every_day_1900_2100(void **state) {
  (void)state;
  char buf[11];
  sb_day start = D("1900-01-01"), end = D("2100-12-31");
  int prev_y = 1899, prev_m = 12, prev_d = 31;
  for (sb_day d = start; d <= end; d++) {
    int y, m, dd;
    sb_date_to_ymd(d, &y, &m, &dd);
    /* Each day follows the one before. */
    if (dd == 1) assert_true(m == prev_m % 12 + 1);
    else assert_int_equal(dd, prev_d + 1);
    prev_y = y, prev_m = m, prev_d = dd;
    sb_date_format(d, buf);
    sb_day back;
    assert_true(sb_date_parse(buf, &back));
    assert_int_equal(back, d);
  }
  (void)prev_y;
}

static void date_epoch_and_weekdays(void **state) {
  (void)state;
  assert_int_equal(D("1970-01-01"), 0);
  assert_int_equal(sb_weekday(D("1970-01-01")), SB_THU);
  assert_int_equal(sb_weekday(D("2026-11-22")), SB_SUN);
  assert_int_equal(sb_weekday(D("2027-01-04")), SB_MON);
  assert_int_equal(sb_weekday(D("2000-02-29")), SB_TUE);
  assert_int_equal(sb_weekday(D("1969-12-31")), SB_WED);
  assert_int_equal(sb_weekday(D("0001-01-01")), SB_MON);
}

static void date_parse_is_strict(void **state) {
  (void)state;
  sb_day d;
  const char *bad[] = {"2026-02-29", "2026-13-01", "2026-00-10", "2026-01-00",
                       "2026-1-01",  "2026-01-1",  "26-01-01",   "2026/01/01",
                       "2026-01-01T00:00", "0000-01-01", " 2026-01-01", "",
                       "2026-04-31", "1900-02-29", "abcd-ef-gh", "2026-01-01 "};
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
    assert_false(sb_date_parse(bad[i], &d));
  assert_true(sb_date_parse("2024-02-29", &d));
  assert_true(sb_date_parse("2000-02-29", &d));
  assert_true(sb_date_parse("9999-12-31", &d));
  assert_true(sb_date_parse("0001-01-01", &d));
}

/* SPEC section 9: a day the target month lacks rolls over to the 1st. */
static void month_arithmetic_rolls_over(void **state) {
  (void)state;
  assert_int_equal(sb_date_add_months(D("2026-11-30"), 3), D("2027-03-01"));
  assert_int_equal(sb_date_add_years(D("2024-02-29"), 1), D("2025-03-01"));
  assert_int_equal(sb_date_add_years(D("2024-02-29"), 4), D("2028-02-29"));
  assert_int_equal(sb_date_add_months(D("2027-01-31"), 1), D("2027-03-01"));
  assert_int_equal(sb_date_add_months(D("2028-01-31"), 1), D("2028-03-01"));
  assert_int_equal(sb_date_add_months(D("2028-01-30"), 1), D("2028-03-01"));
  assert_int_equal(sb_date_add_months(D("2028-01-29"), 1), D("2028-02-29"));
  assert_int_equal(sb_date_add_months(D("2026-10-04"), 3), D("2027-01-04"));
  assert_int_equal(sb_date_add_months(D("2026-12-15"), 1), D("2027-01-15"));
  /* February has no 31st: the 1st of March. */
  assert_int_equal(sb_date_add_months(D("2027-03-31"), -1), D("2027-03-01"));
  assert_int_equal(sb_date_add_months(D("2027-01-15"), -1), D("2026-12-15"));
  assert_int_equal(sb_date_add_years(D("2012-03-04"), 2), D("2014-03-04"));
}

static void times_are_strict(void **state) {
  (void)state;
  int32_t t;
  assert_true(sb_time_parse("00:00", &t));
  assert_int_equal(t, 0);
  assert_true(sb_time_parse("23:59", &t));
  assert_int_equal(t, 23 * 60 + 59);
  assert_true(sb_time_parse("07:30", &t));
  assert_int_equal(t, 450);
  const char *bad[] = {"24:00", "7:30", "07:60", "07-30", "0730", "07:30:00", ""};
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
    assert_false(sb_time_parse(bad[i], &t));
  char out[6];
  sb_time_format(19 * 60 + 45, out);
  assert_string_equal(out, "19:45");
}

static void weekday_names(void **state) {
  (void)state;
  const char *names[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
  for (int i = 0; i < 7; i++) {
    assert_int_equal(sb_weekday_parse(names[i]), i);
    assert_string_equal(sb_weekday_name(i), names[i]);
  }
  assert_int_equal(sb_weekday_parse("Mon"), -1);
  assert_int_equal(sb_weekday_parse("monday"), -1);
}

/* Issue #12 item 4: arithmetic that leaves 0001-01-01..9999-12-31 says so
 * instead of giving a wrong date. */
static void checked_arithmetic(void **state) {
  (void)state;
  sb_day first = sb_date_from_ymd(1, 1, 1), last = sb_date_from_ymd(9999, 12, 31);
  assert_int_equal(first, SB_DAY_MIN);
  assert_int_equal(last, SB_DAY_MAX);
  sb_day out = 42;
  assert_true(sb_date_add_days_checked(last - 28, 28, &out));
  assert_int_equal(out, last);
  assert_false(sb_date_add_days_checked(last - 27, 28, &out));
  assert_false(sb_date_add_days_checked(first, -1, &out));
  assert_false(sb_date_add_days_checked(first, INT64_MAX, &out));
  assert_false(sb_date_add_days_checked(first, INT64_MIN, &out));
  assert_false(sb_date_add_days_checked(last + 1, 0, &out)); /* not a date */
  assert_int_equal(out, last); /* untouched on failure */
  assert_true(sb_date_add_months_checked(sb_date_from_ymd(9999, 11, 30), 1, &out));
  assert_int_equal(out, last - 1);
  /* Nov 30 + 3 months rolls over to Mar 1 (SPEC section 9) */
  assert_true(sb_date_add_months_checked(sb_date_from_ymd(2026, 11, 30), 3, &out));
  assert_int_equal(out, sb_date_from_ymd(2027, 3, 1));
  assert_false(sb_date_add_months_checked(sb_date_from_ymd(9999, 12, 1), 1, &out));
  assert_false(sb_date_add_months_checked(first, -1, &out));
  assert_false(sb_date_add_months_checked(first, INT64_MAX, &out));
  assert_false(sb_date_add_months_checked(first, (int64_t)INT32_MAX + 1, &out));
  assert_true(sb_date_add_years_checked(sb_date_from_ymd(2024, 2, 29), 1, &out));
  assert_int_equal(out, sb_date_from_ymd(2025, 3, 1));
  assert_true(sb_date_add_years_checked(first, 9998, &out));
  assert_false(sb_date_add_years_checked(first, 9999, &out));
  assert_false(sb_date_add_years_checked(last, INT64_MIN, &out));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(date_round_trip_every_day_1900_2100),
      cmocka_unit_test(date_epoch_and_weekdays),
      cmocka_unit_test(date_parse_is_strict),
      cmocka_unit_test(month_arithmetic_rolls_over),
      cmocka_unit_test(times_are_strict),
      cmocka_unit_test(weekday_names),
      cmocka_unit_test(checked_arithmetic),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
