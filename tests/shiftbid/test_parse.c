/* Shift-bid documents rejected with a stable code and JSON path (SPEC 3,
 * SPEC 9 "Shift bid"). */
#include "sbt.h"

/* ------------------------------------------------------------ input errors */

static void parse_fails_doc(const char *emps_extra, const char *shifts,
                            const char *bids, const char *more, int code,
                            const char *path) {
  char *emps = join(2, emp("E1", 2010, emps_extra), emp("E2", 2011, NULL));
  char *doc = station(emps, shifts, bids, more);
  th_parse_fails(doc, code, path);
  free(doc);
  free(emps);
}

/* Appendix II III.E: a rotation shorter than min_rotation_months (3). Start
 * 2026-10-04 + 3 months = 2027-01-04; end 2027-01-02 + 1 day falls short. */
static void test_error_rotation_too_short(void **state) {
  (void)state;
  char *emps = emp("E1", 2010, NULL);
  char *doc = th_fmt(
      "{\"senbid\":1,\"kind\":\"shift_bid\",\"as_of\":\"2026-09-01\","
      "\"seniority\":{\"policy\":\"nbpc-2019\"},\"employees\":[%s],"
      "\"rotation\":{\"start\":\"2026-10-04\",\"end\":\"2027-01-02\"},"
      "\"shifts\":[{\"id\":\"DAY\"}]}", emps);
  th_parse_fails(doc, SENBID_E_ROTATION, "$.rotation");
  free(doc);
  /* end 2027-01-03: end + 1 day = start + 3 months, long enough */
  doc = th_fmt(
      "{\"senbid\":1,\"kind\":\"shift_bid\",\"as_of\":\"2026-09-01\","
      "\"seniority\":{\"policy\":\"nbpc-2019\"},\"employees\":[%s],"
      "\"rotation\":{\"start\":\"2026-10-04\",\"end\":\"2027-01-03\"},"
      "\"shifts\":[{\"id\":\"DAY\"}]}", emps);
  senbid_problem_free(th_parse_ok(doc));
  free(doc);
  /* rules.min_rotation_months 4 makes the same rotation too short */
  doc = th_fmt(
      "{\"senbid\":1,\"kind\":\"shift_bid\",\"as_of\":\"2026-09-01\","
      "\"seniority\":{\"policy\":\"nbpc-2019\"},\"employees\":[%s],"
      "\"rotation\":{\"start\":\"2026-10-04\",\"end\":\"2027-01-30\"},"
      "\"shifts\":[{\"id\":\"DAY\"}],\"rules\":{\"min_rotation_months\":4}}",
      emps);
  th_parse_fails(doc, SENBID_E_ROTATION, "$.rotation");
  free(doc);
  free(emps);
}

/* SPEC 0 and 9: every input error with its code and JSON path. */
static void test_error_codes_and_paths(void **state) {
  (void)state;
  const char *D = "{\"id\":\"DAY\",\"max\":2}";
  parse_fails_doc(NULL, "{\"id\":\"DAY\"},{\"id\":\"DAY\"}", "", NULL,
                  SENBID_E_DUPLICATE, "$.shifts[1].id");
  parse_fails_doc(NULL, "{\"id\":\"DAY\",\"max\":-1}", "", NULL,
                  SENBID_E_NEGATIVE, "$.shifts[0].max");
  parse_fails_doc(NULL, "{\"id\":\"DAY\",\"min\":\"two\"}", "", NULL,
                  SENBID_E_TYPE, "$.shifts[0].min");
  parse_fails_doc(NULL, "{\"id\":\"DAY\",\"start\":\"25:00\"}", "", NULL,
                  SENBID_E_TIME, "$.shifts[0].start");
  parse_fails_doc(NULL, "{\"id\":\"DAY\",\"grades\":{\"GS-12\":{\"min\":-2}}}",
                  "", NULL, SENBID_E_NEGATIVE,
                  "$.shifts[0].grades[\"GS-12\"].min");
  parse_fails_doc(NULL, "{\"max\":2}", "", NULL, SENBID_E_MISSING,
                  "$.shifts[0].id");
  parse_fails_doc("\"status\":\"vacation\"", D, "", NULL, SENBID_E_VALUE,
                  "$.employees[0].status");
  parse_fails_doc("\"status\":\"detailed\",\"return_date\":\"2026-13-01\"", D,
                  "", NULL, SENBID_E_DATE, "$.employees[0].return_date");
  parse_fails_doc("\"fixed_shift\":\"NIGHT\"", D, "", NULL,
                  SENBID_E_UNKNOWN_ID, "$.employees[0].fixed_shift");
  parse_fails_doc(NULL, D, "{\"employee\":\"E1\",\"prefs\":[\"DAY\",\"EVE\"]}",
                  NULL, SENBID_E_UNKNOWN_ID, "$.bids[0].prefs[1]");
  parse_fails_doc(NULL, D, "{\"employee\":\"E9\",\"prefs\":[\"DAY\"]}", NULL,
                  SENBID_E_UNKNOWN_ID, "$.bids[0].employee");
  parse_fails_doc(NULL, D,
                  "{\"employee\":\"E1\",\"prefs\":[\"DAY\"]},"
                  "{\"employee\":\"E1\",\"no_preference\":true}",
                  NULL, SENBID_E_DUPLICATE, "$.bids[1].employee");
  parse_fails_doc(NULL, D, "{\"employee\":\"E1\",\"prefs\":\"DAY\"}", NULL,
                  SENBID_E_TYPE, "$.bids[0].prefs");
  parse_fails_doc(NULL, D, "{\"prefs\":[\"DAY\"]}", NULL, SENBID_E_MISSING,
                  "$.bids[0].employee");
  parse_fails_doc(NULL, D, "", "\"history\":{\"denials\":{\"E7\":1}}",
                  SENBID_E_UNKNOWN_ID, "$.history.denials.E7");
  parse_fails_doc(NULL, D, "", "\"history\":{\"denials\":{\"E1\":-1}}",
                  SENBID_E_NEGATIVE, "$.history.denials.E1");
  parse_fails_doc(NULL, D, "", "\"history\":{\"bumped\":{\"EVE\":[\"E1\"]}}",
                  SENBID_E_UNKNOWN_ID, "$.history.bumped.EVE");
  parse_fails_doc(NULL, D, "", "\"history\":{\"bumped\":{\"DAY\":[\"E1\",\"X\"]}}",
                  SENBID_E_UNKNOWN_ID, "$.history.bumped.DAY[1]");
  parse_fails_doc(NULL, D, "",
                  "\"history\":{\"bids_on_file\":[{\"employee\":\"E1\","
                  "\"prefs\":[\"EVE\"]}]}",
                  SENBID_E_UNKNOWN_ID, "$.history.bids_on_file[0].prefs[0]");
  parse_fails_doc(NULL, D, "", "\"adjustments\":[{\"shift\":\"DAY\"}]",
                  SENBID_E_MISSING, "$.adjustments[0].max");
  parse_fails_doc(NULL, D, "", "\"adjustments\":[{\"shift\":\"DAY\",\"max\":-3}]",
                  SENBID_E_NEGATIVE, "$.adjustments[0].max");
  parse_fails_doc(NULL, D, "", "\"adjustments\":[{\"place\":\"E5\",\"shift\":\"DAY\"}]",
                  SENBID_E_UNKNOWN_ID, "$.adjustments[0].place");
  parse_fails_doc(NULL, D, "", "\"adjustments\":[{\"place\":\"E1\",\"shift\":\"EVE\"}]",
                  SENBID_E_UNKNOWN_ID, "$.adjustments[0].shift");
  parse_fails_doc(NULL, D, "", "\"rules\":{\"spp_denials\":-1}",
                  SENBID_E_NEGATIVE, "$.rules.spp_denials");
  /* missing members */
  char *emps = emp("E1", 2010, NULL);
  char *doc = th_fmt(
      "{\"senbid\":1,\"kind\":\"shift_bid\",\"as_of\":\"2026-09-01\","
      "\"seniority\":{\"policy\":\"nbpc-2019\"},\"employees\":[%s],"
      "\"shifts\":[{\"id\":\"DAY\"}]}", emps);
  th_parse_fails(doc, SENBID_E_MISSING, "$.rotation");
  free(doc);
  doc = th_fmt(
      "{\"senbid\":1,\"kind\":\"shift_bid\",\"as_of\":\"2026-09-01\","
      "\"seniority\":{\"policy\":\"nbpc-2019\"},\"employees\":[%s],"
      "\"rotation\":{\"start\":\"2026-10-04\",\"end\":\"2027-01-30\"}}", emps);
  th_parse_fails(doc, SENBID_E_MISSING, "$.shifts");
  free(doc);
  doc = th_fmt(
      "{\"senbid\":1,\"kind\":\"shift_bid\",\"as_of\":\"2026-09-01\","
      "\"seniority\":{\"policy\":\"nbpc-2019\"},\"employees\":[%s],"
      "\"rotation\":{\"start\":\"2026-10-04\",\"end\":\"2026-10-01\"},"
      "\"shifts\":[{\"id\":\"DAY\"}]}", emps);
  th_parse_fails(doc, SENBID_E_RANGE, "$.rotation.end");
  free(doc);
  free(emps);
}

/* SPEC 9: series_start is required of everyone neither excluded nor
 * management-placed (a custom policy on scd does not need it itself). */
static void test_error_series_start_required(void **state) {
  (void)state;
  const char *fmt =
      "{\"senbid\":1,\"kind\":\"shift_bid\",\"as_of\":\"2026-09-01\","
      "\"seniority\":{\"policy\":\"custom\",\"keys\":[{\"key\":\"scd\"}]},"
      "\"employees\":[{\"id\":\"E1\",\"service\":{\"scd\":\"2010-01-01\"}%s}],"
      "\"rotation\":{\"start\":\"2026-10-04\",\"end\":\"2027-01-30\"},"
      "\"shifts\":[{\"id\":\"DAY\"}]}";
  char *doc = th_fmt(fmt, "");
  th_parse_fails(doc, SENBID_E_MISSING, "$.employees[0].service.series_start");
  free(doc);
  doc = th_fmt(fmt, ",\"fixed_shift\":\"DAY\"");
  senbid_problem_free(th_parse_ok(doc));
  free(doc);
  doc = th_fmt(fmt, ",\"status\":\"tdy_outside\"");
  senbid_problem_free(th_parse_ok(doc));
  free(doc);
}

/* Issue 12 item 4: a date computed past the calendar (0001-01-01 ..
 * 9999-12-31) is an input error at the value that led there, never a wrong
 * date. III.D.1-2: series_start 9998-06-01 + 2 years; or credit days that
 * put the series start before year 1. III.E: start + N months past
 * 9999-12-31 is a rotation too short. */
static void test_error_dates_past_the_calendar(void **state) {
  (void)state;
  const char *fmt =
      "{\"senbid\":1,\"kind\":\"shift_bid\",\"as_of\":\"2026-09-01\","
      "\"seniority\":{\"policy\":\"custom\",\"keys\":[{\"key\":\"scd\"}]},"
      "\"employees\":[{\"id\":\"E1\",\"service\":{\"scd\":\"2010-01-01\","
      "\"series_start\":\"%s\"}%s}],"
      "\"rotation\":{\"start\":\"%s\",\"end\":\"%s\"},"
      "\"shifts\":[{\"id\":\"DAY\"}]}";
  char *doc = th_fmt(fmt, "9998-06-01", "", "2026-10-04", "2027-01-30");
  th_parse_fails(doc, SENBID_E_RANGE, "$.employees[0].service.series_start");
  free(doc);
  doc = th_fmt(fmt, "2010-01-01", ",\"credit_days\":{\"series\":-3000000}",
               "2026-10-04", "2027-01-30");
  th_parse_fails(doc, SENBID_E_RANGE, "$.employees[0].credit_days.series");
  free(doc);
  doc = th_fmt(fmt, "2010-01-01", ",\"credit_days\":{\"series\":800000}",
               "2026-10-04", "2027-01-30");
  th_parse_fails(doc, SENBID_E_RANGE, "$.employees[0].credit_days.series");
  free(doc);
  doc = th_fmt(fmt, "2010-01-01", "", "9999-11-01", "9999-12-31");
  th_parse_fails(doc, SENBID_E_ROTATION, "$.rotation");
  free(doc);
  doc = th_fmt(fmt, "2010-01-01", "", "9999-09-01", "9999-12-31");
  senbid_problem_free(th_parse_ok(doc));
  free(doc);
}

/* SPEC 9: more than 1,000 shifts or 64 preferences is LIMIT. */
static void test_error_limits(void **state) {
  (void)state;
  sb_buf b;
  sb_buf_init(&b, &sb_default_alloc);
  for (int i = 0; i < 1001; i++) sb_buf_printf(&b, "%s{\"id\":\"S%d\"}", i ? "," : "", i);
  sb_buf_terminate(&b);
  char *emps = join(2, emp("E1", 2010, NULL), emp("E2", 2011, NULL));
  char *doc = station(emps, b.data, "", NULL);
  th_parse_fails(doc, SENBID_E_LIMIT, "$.shifts");
  free(doc);
  sb_buf_free(&b);
  sb_buf_init(&b, &sb_default_alloc);
  sb_buf_puts(&b, "{\"employee\":\"E1\",\"prefs\":[");
  for (int i = 0; i < 65; i++) sb_buf_printf(&b, "%s\"DAY\"", i ? "," : "");
  sb_buf_puts(&b, "]}");
  sb_buf_terminate(&b);
  doc = station(emps, "{\"id\":\"DAY\"}", b.data, NULL);
  th_parse_fails(doc, SENBID_E_LIMIT, "$.bids[0].prefs");
  free(doc);
  sb_buf_free(&b);
  free(emps);
}


int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_error_rotation_too_short),
      cmocka_unit_test(test_error_codes_and_paths),
      cmocka_unit_test(test_error_series_start_required),
      cmocka_unit_test(test_error_dates_past_the_calendar),
      cmocka_unit_test(test_error_limits),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
