/* Federal holidays (5 U.S.C. 6103; SPEC section 6; ICE 2019 Art. 15
 * Sec. 13.A) and pay periods. The expected dates are OPM's published
 * federal holiday tables for 2019-2030 (observed dates). */
#include "helpers.h"
#include "internal.h"

static sb_day D(const char *s) {
  sb_day d = 0;
  assert_true(sb_date_parse(s, &d));
  return d;
}

/* OPM "Federal Holidays" tables, observed dates, 2019 through 2030. */
static const char *const opm_2019_2030[] = {
    "2019-01-01", "2019-01-21", "2019-02-18", "2019-05-27", "2019-07-04",
    "2019-09-02", "2019-10-14", "2019-11-11", "2019-11-28", "2019-12-25",
    "2020-01-01", "2020-01-20", "2020-02-17", "2020-05-25", "2020-07-03",
    "2020-09-07", "2020-10-12", "2020-11-11", "2020-11-26", "2020-12-25",
    "2021-01-01", "2021-01-18", "2021-02-15", "2021-05-31", "2021-06-18",
    "2021-07-05", "2021-09-06", "2021-10-11", "2021-11-11", "2021-11-25",
    "2021-12-24", "2021-12-31", /* New Year's Day 2022 (Saturday) */
    "2022-01-17", "2022-02-21", "2022-05-30", "2022-06-20", "2022-07-04",
    "2022-09-05", "2022-10-10", "2022-11-11", "2022-11-24", "2022-12-26",
    "2023-01-02", "2023-01-16", "2023-02-20", "2023-05-29", "2023-06-19",
    "2023-07-04", "2023-09-04", "2023-10-09", "2023-11-10", "2023-11-23",
    "2023-12-25", "2024-01-01", "2024-01-15", "2024-02-19", "2024-05-27",
    "2024-06-19", "2024-07-04", "2024-09-02", "2024-10-14", "2024-11-11",
    "2024-11-28", "2024-12-25", "2025-01-01", "2025-01-20", "2025-02-17",
    "2025-05-26", "2025-06-19", "2025-07-04", "2025-09-01", "2025-10-13",
    "2025-11-11", "2025-11-27", "2025-12-25", "2026-01-01", "2026-01-19",
    "2026-02-16", "2026-05-25", "2026-06-19", "2026-07-03", "2026-09-07",
    "2026-10-12", "2026-11-11", "2026-11-26", "2026-12-25", "2027-01-01",
    "2027-01-18", "2027-02-15", "2027-05-31", "2027-06-18", "2027-07-05",
    "2027-09-06", "2027-10-11", "2027-11-11", "2027-11-25", "2027-12-24",
    "2027-12-31", /* New Year's Day 2028 (Saturday) */
    "2028-01-17", "2028-02-21", "2028-05-29", "2028-06-19", "2028-07-04",
    "2028-09-04", "2028-10-09", "2028-11-10", "2028-11-23", "2028-12-25",
    "2029-01-01", "2029-01-15", "2029-02-19", "2029-05-28", "2029-06-19",
    "2029-07-04", "2029-09-03", "2029-10-08", "2029-11-12", "2029-11-22",
    "2029-12-25", "2030-01-01", "2030-01-21", "2030-02-18", "2030-05-27",
    "2030-06-19", "2030-07-04", "2030-09-02", "2030-10-14", "2030-11-11",
    "2030-11-28", "2030-12-25",
};

static void opm_tables_2019_to_2030(void **state) {
  (void)state;
  sb_holiday h[200];
  size_t n = sb_federal_holidays(D("2019-01-01"), D("2030-12-31"), false, h, 200);
  size_t want = sizeof opm_2019_2030 / sizeof *opm_2019_2030;
  assert_int_equal(n, want);
  for (size_t i = 0; i < n; i++) {
    char s[11];
    sb_date_format(h[i].observed, s);
    assert_string_equal(s, opm_2019_2030[i]);
  }
}

/* Juneteenth is a holiday from 2021 on (Pub. L. 117-17). */
static void juneteenth_from_2021(void **state) {
  (void)state;
  sb_holiday h[4];
  assert_int_equal(sb_federal_holidays(D("2020-06-01"), D("2020-06-30"), false, h, 4), 0);
  assert_int_equal(sb_federal_holidays(D("2021-06-01"), D("2021-06-30"), false, h, 4), 1);
  assert_int_equal(h[0].observed, D("2021-06-18")); /* Saturday -> Friday */
  assert_int_equal(h[0].actual, D("2021-06-19"));
}

/* 5 U.S.C. 6103(c): Inauguration Day only on request; Sunday -> Monday,
 * Saturday -> none. */
static void inauguration_day(void **state) {
  (void)state;
  sb_holiday h[8];
  size_t n = sb_federal_holidays(D("2021-01-20"), D("2021-01-20"), true, h, 8);
  assert_int_equal(n, 1);
  assert_string_equal(h[0].name, "Inauguration Day");
  assert_int_equal(sb_federal_holidays(D("2021-01-20"), D("2021-01-20"), false, h, 8), 0);
  /* 2013: January 20 was a Sunday; observed Monday the 21st (also MLK). */
  n = sb_federal_holidays(D("2013-01-21"), D("2013-01-21"), true, h, 8);
  assert_int_equal(n, 2);
  /* the flag marks Inauguration Day, which gives no in-lieu holiday
   * (SPEC section 4); 2025-01-20 is it and the King holiday at once */
  n = sb_federal_holidays(D("2025-01-20"), D("2025-01-20"), true, h, 8);
  assert_int_equal(n, 2);
  assert_false(h[0].inauguration);
  assert_string_equal(h[0].name, "Birthday of Martin Luther King, Jr.");
  assert_true(h[1].inauguration);
  sb_holiday y[16];
  n = sb_federal_holidays(D("2025-01-01"), D("2025-12-31"), true, y, 16);
  assert_int_equal(n, 12);
  for (size_t i = 0; i < n; i++)
    assert_true(y[i].inauguration == (strcmp(y[i].name, "Inauguration Day") == 0));
  /* 2029: January 20 is a Saturday: no holiday. */
  n = sb_federal_holidays(D("2029-01-19"), D("2029-01-22"), true, h, 8);
  assert_int_equal(n, 0);
  /* Not an inauguration year. */
  assert_int_equal(sb_federal_holidays(D("2027-01-20"), D("2027-01-20"), true, h, 8), 0);
  /* 2033: MLK Monday January 17, then Inauguration Day Thursday the 20th
   * (New Year's Day, a Saturday, is observed on December 31, 2032). */
  n = sb_federal_holidays(D("2033-01-01"), D("2033-01-31"), true, h, 8);
  assert_int_equal(n, 2);
  assert_int_equal(h[0].observed, D("2033-01-17"));
  assert_int_equal(h[1].observed, D("2033-01-20"));
  n = sb_federal_holidays(D("2032-12-31"), D("2032-12-31"), false, h, 8);
  assert_int_equal(n, 1);
  assert_int_equal(h[0].actual, D("2033-01-01"));
}

static void holiday_cap_reports_total(void **state) {
  (void)state;
  sb_holiday h[2];
  size_t n = sb_federal_holidays(D("2026-01-01"), D("2026-12-31"), false, h, 2);
  assert_int_equal(n, 11);
  assert_int_equal(h[0].observed, D("2026-01-01"));
  assert_int_equal(h[1].observed, D("2026-01-19"));
  assert_int_equal(sb_federal_holidays(D("2026-02-01"), D("2026-01-01"), false, h, 2), 0);
}

static void pay_periods(void **state) {
  (void)state;
  sb_day anchor = D("2027-01-03");
  assert_int_equal(sb_pay_period_start(anchor, D("2027-01-03")), anchor);
  assert_int_equal(sb_pay_period_start(anchor, D("2027-01-16")), anchor);
  assert_int_equal(sb_pay_period_start(anchor, D("2027-01-17")), D("2027-01-17"));
  assert_int_equal(sb_pay_period_start(anchor, D("2027-01-02")), D("2026-12-20"));
  assert_int_equal(sb_pay_period_start(anchor, D("2026-12-20")), D("2026-12-20"));
  assert_int_equal(sb_pay_period_start(anchor, D("2028-01-01")), D("2027-12-19"));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(opm_tables_2019_to_2030),
      cmocka_unit_test(juneteenth_from_2021),
      cmocka_unit_test(inauguration_day),
      cmocka_unit_test(holiday_cap_reports_total),
      cmocka_unit_test(pay_periods),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
