/* Tests of "kind": "shift_bid" (SPEC section 3 and section 9 "Shift bid",
 * "Lexicographic / Shift bid"; NBPC 2019 Appendix II). Every hand-worked
 * case says in a comment how a supervisor would work it on paper. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../helpers.h"
#include "internal.h"

#include <glpk.h>
#include <unistd.h>

#define RR SENBID_METHOD_ROUND_ROBIN
#define LEX SENBID_METHOD_LEXICOGRAPHIC

/* ---------------------------------------------------------------- builders */

/* An employee; seniority (nbpc-2019) follows the series_start year. */
static char *emp(const char *id, int year, const char *extra) {
  return th_fmt("{\"id\":\"%s\",\"name\":{\"last\":\"%s\"},\"service\":{"
                "\"series_start\":\"%d-01-01\",\"usbp_start\":\"%d-01-01\","
                "\"cbp_start\":\"%d-01-01\"}%s%s}",
                id, id, year, year, year, extra && *extra ? "," : "",
                extra ? extra : "");
}

/* A station document: employees (a JSON array body), shifts, bids and
 * any other members (a leading comma-free list of members, may be ""). */
static char *station(const char *emps, const char *shifts, const char *bids,
                     const char *more) {
  return th_fmt("{\"senbid\":1,\"kind\":\"shift_bid\",\"as_of\":\"2026-09-01\","
                "\"seniority\":{\"policy\":\"nbpc-2019\"},\"employees\":[%s],"
                "\"rotation\":{\"start\":\"2026-10-04\",\"end\":\"2027-01-30\"},"
                "\"shifts\":[%s],\"bids\":[%s]%s%s}",
                emps, shifts, bids, more && *more ? "," : "", more ? more : "");
}

/* Joins up to 8 employee strings with commas and frees them. */
static char *join(int n, ...) {
  va_list ap;
  va_start(ap, n);
  size_t len = 1;
  char *parts[16];
  for (int i = 0; i < n; i++) {
    parts[i] = va_arg(ap, char *);
    len += strlen(parts[i]) + 1;
  }
  va_end(ap);
  char *out = malloc(len);
  assert_non_null(out);
  out[0] = '\0';
  for (int i = 0; i < n; i++) {
    if (i) strcat(out, ",");
    strcat(out, parts[i]);
    free(parts[i]);
  }
  return out;
}

static cJSON *solve_doc(char *emps, const char *shifts, const char *bids,
                        const char *more, int method) {
  char *doc = station(emps, shifts, bids, more);
  cJSON *res = th_solve(doc, method);
  free(doc);
  free(emps);
  return res;
}

static const cJSON *find_by(const cJSON *arr, const char *key,
                            const char *val) {
  const cJSON *it;
  cJSON_ArrayForEach(it, arr) {
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(it, key);
    if (cJSON_IsString(v) && !strcmp(v->valuestring, val)) return it;
  }
  return NULL;
}

/* Asserts E's assignment: shift, reason, rank (0 = null), cause (or NULL). */
static void expect_asg(const cJSON *res, const char *e, const char *shift,
                       const char *reason, int rank, const char *cause) {
  const cJSON *a = find_by(th_get(res, "assignments"), "employee", e);
  if (!a) {
    print_error("%s has no assignment\n", e);
    fail();
  }
  assert_string_equal(th_str(a, "shift"), shift);
  assert_string_equal(th_str(a, "reason"), reason);
  const cJSON *r = cJSON_GetObjectItemCaseSensitive(a, "rank");
  if (rank)
    assert_int_equal((int)r->valuedouble, rank);
  else
    assert_true(cJSON_IsNull(r));
  const cJSON *c = cJSON_GetObjectItemCaseSensitive(a, "cause");
  if (cause)
    assert_string_equal(c->valuestring, cause);
  else
    assert_null(c);
}

static int denials(const cJSON *res, const char *e) {
  const cJSON *d = th_get(th_get(res, "history"), "denials");
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(d, e);
  return v ? (int)v->valuedouble : -1;
}

static bool has_audit(const cJSON *res, const char *event, const char *rule) {
  const cJSON *it;
  cJSON_ArrayForEach(it, th_get(res, "audit")) {
    if (!strcmp(th_str(it, "event"), event) && !strcmp(th_str(it, "rule"), rule))
      return true;
  }
  return false;
}

static bool has_warning(const cJSON *res, const char *code) {
  return find_by(th_get(res, "warnings"), "code", code) != NULL;
}

static const char *SHIFTS3 =
    "{\"id\":\"DAY\",\"max\":2},{\"id\":\"SWING\",\"max\":2},"
    "{\"id\":\"MID\",\"max\":2}";

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

/* ------------------------------------------------------- round_robin steps */

/* Step 3 (Appendix II IV.D) and step 7 (V.A.1). DAY max 2. E1, E2, E3 bid
 * [DAY, SWING]: E1 and E2 take DAY (rank 1), E3 finds DAY full and takes
 * SWING (rank 2). Denials: E1, E2 reset to 0; E3 had 1 and now has 2. */
static void test_rr_seniority_ranks(void **state) {
  (void)state;
  cJSON *res = solve_doc(
      join(3, emp("E1", 2010, NULL), emp("E2", 2011, NULL), emp("E3", 2012, NULL)),
      SHIFTS3,
      "{\"employee\":\"E3\",\"prefs\":[\"DAY\",\"SWING\"]},"
      "{\"employee\":\"E1\",\"prefs\":[\"DAY\",\"SWING\"]},"
      "{\"employee\":\"E2\",\"prefs\":[\"DAY\",\"SWING\"]}",
      "\"history\":{\"denials\":{\"E3\":1}}", RR);
  expect_asg(res, "E1", "DAY", "SENIORITY", 1, NULL);
  expect_asg(res, "E2", "DAY", "SENIORITY", 1, NULL);
  expect_asg(res, "E3", "SWING", "SENIORITY", 2, NULL);
  assert_int_equal(denials(res, "E1"), 0);
  assert_int_equal(denials(res, "E3"), 2);
  assert_true(has_audit(res, "place", "NBPC2019.APPII.IV.D"));
  cJSON_Delete(res);
}

/* Step 2, the Shift Preference Plan (Appendix II V.A.2), worked by hand:
 * DAY has one place. E1 (senior) bids [DAY]; E2 bids [DAY, SWING] and was
 * denied the first choice twice (denials 2 = spp_denials). E2 is served
 * first in step 2 and gets DAY (SPP_GUARANTEE, rank 1); E1 finds DAY full,
 * has no other preference, and the agency places E1 (PREFS_FULL) on the
 * shift with most room (SWING, listed before MID). History: E2 back to 0,
 * E1 denied once. */
static void test_rr_spp_guarantee(void **state) {
  (void)state;
  cJSON *res = solve_doc(
      join(2, emp("E1", 2010, NULL), emp("E2", 2011, NULL)),
      "{\"id\":\"DAY\",\"max\":1},{\"id\":\"SWING\",\"max\":3},{\"id\":\"MID\",\"max\":3}",
      "{\"employee\":\"E1\",\"prefs\":[\"DAY\"]},"
      "{\"employee\":\"E2\",\"prefs\":[\"DAY\",\"SWING\"]}",
      "\"history\":{\"denials\":{\"E2\":2}}", RR);
  expect_asg(res, "E2", "DAY", "SPP_GUARANTEE", 1, NULL);
  expect_asg(res, "E1", "SWING", "AGENCY_PLACEMENT", 0, "PREFS_FULL");
  assert_string_equal(th_str(th_at(th_get(res, "assignments"), 0), "employee"), "E2");
  assert_int_equal(denials(res, "E2"), 0);
  assert_int_equal(denials(res, "E1"), 1);
  assert_true(has_audit(res, "place", "NBPC2019.APPII.V.A.2"));
  cJSON_Delete(res);
}

/* Step 2 without room (V.A.2, SPEC warning SPP_NO_ROOM): E1's management
 * placement (III.I) fills DAY (max 1); E2's SPP first choice DAY has no
 * room, so E2 joins step 3 and takes SWING at rank 2; denials 2 -> 3. */
static void test_rr_spp_no_room(void **state) {
  (void)state;
  cJSON *res = solve_doc(
      join(2, emp("E1", 2010, "\"fixed_shift\":\"DAY\""), emp("E2", 2011, NULL)),
      "{\"id\":\"DAY\",\"max\":1},{\"id\":\"SWING\",\"max\":3}",
      "{\"employee\":\"E2\",\"prefs\":[\"DAY\",\"SWING\"]}",
      "\"history\":{\"denials\":{\"E2\":2,\"E1\":4}}", RR);
  expect_asg(res, "E1", "DAY", "MANAGEMENT_PLACEMENT", 0, NULL);
  expect_asg(res, "E2", "SWING", "SENIORITY", 2, NULL);
  assert_true(has_warning(res, "SPP_NO_ROOM"));
  assert_true(has_audit(res, "spp_no_room", "NBPC2019.APPII.V.A.2"));
  assert_int_equal(denials(res, "E2"), 3);
  assert_int_equal(denials(res, "E1"), 4); /* not a bidder: carried over */
  cJSON_Delete(res);
}

/* Step 4, an agency placement filling a grade minimum (Appendix II IV.A.4,
 * III.A), worked by hand. DAY: min 1, max 3, GS-13 min 1. MID: min 2,
 * max 3. E1 (GS-12) bids DAY and gets it. E2 (GS-13, no bid): DAY's unmet
 * GS-13 minimum is 1, the only unmet grade minimum for GS-13, so DAY wins
 * over MID's larger unmet total (2). E3 (GS-12, no bid): no grade limit
 * for GS-12; unmet totals DAY 0, MID 2: MID. MID ends 1 short. */
static void test_rr_agency_grade_minimum(void **state) {
  (void)state;
  cJSON *res = solve_doc(
      join(3, emp("E1", 2010, "\"grade\":\"GS-12\""),
           emp("E2", 2011, "\"grade\":\"GS-13\""),
           emp("E3", 2012, "\"grade\":\"GS-12\"")),
      "{\"id\":\"DAY\",\"min\":1,\"max\":3,\"grades\":{\"GS-13\":{\"min\":1}}},"
      "{\"id\":\"MID\",\"min\":2,\"max\":3}",
      "{\"employee\":\"E1\",\"prefs\":[\"DAY\"]}", NULL, RR);
  expect_asg(res, "E1", "DAY", "SENIORITY", 1, NULL);
  expect_asg(res, "E2", "DAY", "AGENCY_PLACEMENT", 0, "NO_BID");
  expect_asg(res, "E3", "MID", "AGENCY_PLACEMENT", 0, "NO_BID");
  const cJSON *unmet = th_get(res, "unmet");
  assert_int_equal(cJSON_GetArraySize(unmet), 1);
  assert_string_equal(th_str(th_at(unmet, 0), "shift"), "MID");
  assert_true(cJSON_IsNull(th_get(th_at(unmet, 0), "grade")));
  assert_int_equal((int)th_num(th_at(unmet, 0), "deficit"), 1);
  assert_true(has_audit(res, "place", "NBPC2019.APPII.IV.A.4"));
  cJSON_Delete(res);
}

/* Step 4 without minimums: most room left, ties to the shift listed first;
 * no room anywhere: unplaced NO_ROOM (SPEC 3). A max 2, B max 3, C max 3.
 * E1 (no bid): B (3, ties with C, B listed first). E2 (no_preference): C
 * (3 > 2). E3 (ineligible, series 2026): A, B, C all have 2: A. Then A 1,
 * B 2, C 2: E4 goes to B; E5 to C; E6 to A; E7 to B... until full (8
 * places); E9 is left unplaced. */
static void test_rr_agency_room_ties_unplaced(void **state) {
  (void)state;
  char *emps = join(9, emp("E1", 2010, NULL), emp("E2", 2011, NULL),
                    emp("E3", 2026, NULL), emp("E4", 2012, NULL),
                    emp("E5", 2013, NULL), emp("E6", 2014, NULL),
                    emp("E7", 2015, NULL), emp("E8", 2016, NULL),
                    emp("E9", 2017, NULL));
  cJSON *res = solve_doc(emps,
                         "{\"id\":\"A\",\"max\":2},{\"id\":\"B\",\"max\":3},"
                         "{\"id\":\"C\",\"max\":3}",
                         "{\"employee\":\"E2\",\"no_preference\":true,"
                         "\"prefs\":[\"A\"]}",
                         NULL, RR);
  /* seniority: E1 E2 E4 E5 E6 E7 E8 E9 E3 (E3 started in 2026) */
  expect_asg(res, "E1", "B", "AGENCY_PLACEMENT", 0, "NO_BID");
  expect_asg(res, "E2", "C", "AGENCY_PLACEMENT", 0, "NO_PREFERENCE");
  expect_asg(res, "E4", "A", "AGENCY_PLACEMENT", 0, "NO_BID");
  /* after E4: A1 B2 C2 -> E5 B, E6 C, then A1 B1 C1 -> E7 A, E8 B, E9 C;
   * E3 (most junior) finds every shift full */
  expect_asg(res, "E9", "C", "AGENCY_PLACEMENT", 0, "NO_BID");
  const cJSON *un = th_get(res, "unplaced");
  assert_int_equal(cJSON_GetArraySize(un), 1);
  assert_string_equal(th_str(th_at(un, 0), "employee"), "E3");
  assert_string_equal(th_str(th_at(un, 0), "reason"), "NO_ROOM");
  assert_string_equal(th_str(th_at(un, 0), "cause"), "INELIGIBLE_SERIES_TIME");
  /* SPEC 9: no_preference wins over prefs, and is stored that way */
  const cJSON *file = th_get(th_get(res, "history"), "bids_on_file");
  assert_true(cJSON_IsTrue(th_get(th_at(file, 0), "no_preference")));
  cJSON_Delete(res);
}

/* A bump chain (Appendix II V.A.3), worked by hand. DAY max 3, SWING max 1,
 * MID max 3. E1 [DAY], E2 [DAY], E3 [DAY, SWING, MID], E4 [SWING]; after
 * step 3 DAY = E1 E2 E3, SWING = E4. Adjustment 1 lowers DAY to 2: the
 * junior-most on DAY, E3, is bumped to the next available choice: SWING is
 * full, so MID (rank 3). Adjustment 2 places E5 on SWING (III.I): SWING is
 * over its max, E4 (the only one not placed by management) is bumped; E4
 * has no other choice, so the agency places E4 outside SWING: DAY is full,
 * MID has room (cause BUMPED). history.bumped: DAY [E3], SWING [E4]. */
static void test_rr_bump_chain(void **state) {
  (void)state;
  cJSON *res = solve_doc(
      join(5, emp("E1", 2010, NULL), emp("E2", 2011, NULL), emp("E3", 2012, NULL),
           emp("E4", 2013, NULL), emp("E5", 2014, NULL)),
      "{\"id\":\"DAY\",\"max\":3},{\"id\":\"SWING\",\"max\":1},{\"id\":\"MID\",\"max\":3}",
      "{\"employee\":\"E1\",\"prefs\":[\"DAY\"]},"
      "{\"employee\":\"E2\",\"prefs\":[\"DAY\"]},"
      "{\"employee\":\"E3\",\"prefs\":[\"DAY\",\"SWING\",\"MID\"]},"
      "{\"employee\":\"E4\",\"prefs\":[\"SWING\"]},"
      "{\"employee\":\"E5\",\"prefs\":[\"DAY\"]}",
      "\"adjustments\":[{\"shift\":\"DAY\",\"max\":2},"
      "{\"place\":\"E5\",\"shift\":\"SWING\"}]",
      RR);
  expect_asg(res, "E3", "MID", "BUMPED", 3, NULL);
  expect_asg(res, "E4", "MID", "AGENCY_PLACEMENT", 0, "BUMPED");
  expect_asg(res, "E5", "SWING", "MANAGEMENT_PLACEMENT", 0, NULL);
  const cJSON *bumps = th_get(res, "bumps");
  assert_int_equal(cJSON_GetArraySize(bumps), 2);
  assert_string_equal(th_str(th_at(bumps, 0), "employee"), "E3");
  assert_string_equal(th_str(th_at(bumps, 0), "to"), "MID");
  assert_string_equal(th_str(th_at(bumps, 1), "employee"), "E4");
  assert_string_equal(th_str(th_at(bumps, 1), "from"), "SWING");
  const cJSON *bumped = th_get(th_get(res, "history"), "bumped");
  const char *day[] = {"E3"}, *swing[] = {"E4"};
  th_assert_strings(th_get(bumped, "DAY"), 1, day);
  th_assert_strings(th_get(bumped, "SWING"), 1, swing);
  /* E5 was first placed by the agency (DAY full), then moved: the entry
   * stays where it was first placed (SPEC 9) */
  assert_true(has_audit(res, "bump", "NBPC2019.APPII.V.A.3"));
  assert_int_equal(denials(res, "E3"), 1);
  assert_int_equal(denials(res, "E5"), 1);
  cJSON_Delete(res);
}

/* The bump-list reset (Appendix II V.A.3.a), worked by hand: DAY max 2
 * holds E1 and E2 (both [DAY, MID]); history.bumped DAY = [E2, E1]. DAY is
 * lowered to 1: everyone on DAY has been bumped once, so the list is
 * cleared and the junior-most, E2, is bumped again, to MID (rank 2). The
 * new list is [E2]. */
static void test_rr_bump_list_reset(void **state) {
  (void)state;
  cJSON *res = solve_doc(
      join(2, emp("E1", 2010, NULL), emp("E2", 2011, NULL)),
      "{\"id\":\"DAY\",\"max\":2},{\"id\":\"MID\",\"max\":2}",
      "{\"employee\":\"E1\",\"prefs\":[\"DAY\",\"MID\"]},"
      "{\"employee\":\"E2\",\"prefs\":[\"DAY\",\"MID\"]}",
      "\"history\":{\"bumped\":{\"DAY\":[\"E2\",\"E1\"]}},"
      "\"adjustments\":[{\"shift\":\"DAY\",\"max\":1}]",
      RR);
  expect_asg(res, "E1", "DAY", "SENIORITY", 1, NULL);
  expect_asg(res, "E2", "MID", "BUMPED", 2, NULL);
  const char *day[] = {"E2"};
  th_assert_strings(th_get(th_get(th_get(res, "history"), "bumped"), "DAY"), 1, day);
  assert_true(has_audit(res, "bump_cycle_reset", "NBPC2019.APPII.V.A.3.a"));
  cJSON_Delete(res);
}

/* Without a reset the junior-most not yet bumped goes: DAY [E2] on file,
 * so E1 (senior, not on the list) is bumped, not E2 (V.A.3.a). */
static void test_rr_bump_skips_already_bumped(void **state) {
  (void)state;
  cJSON *res = solve_doc(
      join(2, emp("E1", 2010, NULL), emp("E2", 2011, NULL)),
      "{\"id\":\"DAY\",\"max\":2},{\"id\":\"MID\",\"max\":2}",
      "{\"employee\":\"E1\",\"prefs\":[\"DAY\",\"MID\"]},"
      "{\"employee\":\"E2\",\"prefs\":[\"DAY\",\"MID\"]}",
      "\"history\":{\"bumped\":{\"DAY\":[\"E2\"]}},"
      "\"adjustments\":[{\"shift\":\"DAY\",\"max\":1}]",
      RR);
  expect_asg(res, "E1", "MID", "BUMPED", 2, NULL);
  expect_asg(res, "E2", "DAY", "SENIORITY", 1, NULL);
  const char *day[] = {"E2", "E1"};
  th_assert_strings(th_get(th_get(th_get(res, "history"), "bumped"), "DAY"), 2, day);
  assert_false(has_audit(res, "bump_cycle_reset", "NBPC2019.APPII.V.A.3.a"));
  cJSON_Delete(res);
}

/* SPEC 9: a bumped employee with nowhere to go is unplaced (NO_ROOM, cause
 * BUMPED) and the bump has "to": null; a shift with only management
 * placements stays over its max with warning OVER_MAX. */
static void test_rr_bump_nowhere_and_over_max(void **state) {
  (void)state;
  cJSON *res = solve_doc(
      join(4, emp("E1", 2010, NULL), emp("E2", 2011, NULL),
           emp("E3", 2012, "\"fixed_shift\":\"MID\""),
           emp("E4", 2013, "\"fixed_shift\":\"MID\"")),
      "{\"id\":\"DAY\",\"max\":2},{\"id\":\"MID\",\"max\":2}",
      "{\"employee\":\"E1\",\"prefs\":[\"DAY\"]},"
      "{\"employee\":\"E2\",\"prefs\":[\"DAY\"]}",
      "\"adjustments\":[{\"shift\":\"DAY\",\"max\":1},{\"shift\":\"MID\",\"max\":1}]",
      RR);
  const cJSON *bumps = th_get(res, "bumps");
  assert_int_equal(cJSON_GetArraySize(bumps), 1);
  assert_string_equal(th_str(th_at(bumps, 0), "employee"), "E2");
  assert_true(cJSON_IsNull(th_get(th_at(bumps, 0), "to")));
  const cJSON *un = th_get(res, "unplaced");
  assert_int_equal(cJSON_GetArraySize(un), 1);
  assert_string_equal(th_str(th_at(un, 0), "cause"), "BUMPED");
  assert_null(find_by(th_get(res, "assignments"), "employee", "E2"));
  assert_true(has_warning(res, "OVER_MAX"));
  cJSON_Delete(res);
}

/* Exclusions (III.C, III.J, VI.A, VII.A; SPEC 3): TDY outside always;
 * detailed/light/admin duty unless return_date is on or before the end of
 * the rotation; an excluded status wins over fixed_shift (SPEC 9). */
static void test_rr_exclusions(void **state) {
  (void)state;
  cJSON *res = solve_doc(
      join(7, emp("E1", 2010, "\"status\":\"detailed\""),
           emp("E2", 2011, "\"status\":\"detailed\",\"return_date\":\"2027-01-31\""),
           emp("E3", 2012, "\"status\":\"light_duty\",\"return_date\":\"2027-01-30\""),
           emp("E4", 2013, "\"status\":\"admin_duty\""),
           emp("E5", 2014, "\"status\":\"tdy_outside\",\"return_date\":\"2026-10-01\""),
           emp("E6", 2015, "\"status\":\"light_duty\",\"fixed_shift\":\"DAY\""),
           emp("E7", 2016, "\"status\":\"active\"")),
      SHIFTS3,
      "{\"employee\":\"E1\",\"prefs\":[\"DAY\"]},"
      "{\"employee\":\"E3\",\"prefs\":[\"MID\"]}",
      NULL, RR);
  const cJSON *ex = th_get(res, "excluded");
  assert_int_equal(cJSON_GetArraySize(ex), 5);
  assert_string_equal(th_str(find_by(ex, "employee", "E1"), "reason"), "EXCLUDED_DETAIL");
  assert_string_equal(th_str(find_by(ex, "employee", "E2"), "reason"), "EXCLUDED_DETAIL");
  assert_string_equal(th_str(find_by(ex, "employee", "E4"), "reason"), "EXCLUDED_ADMIN_DUTY");
  assert_string_equal(th_str(find_by(ex, "employee", "E5"), "reason"), "EXCLUDED_TDY");
  assert_string_equal(th_str(find_by(ex, "employee", "E6"), "reason"), "EXCLUDED_LIGHT_DUTY");
  expect_asg(res, "E3", "MID", "SENIORITY", 1, NULL);
  assert_true(has_audit(res, "exclude", "NBPC2019.APPII.III.C"));
  assert_true(has_audit(res, "exclude", "NBPC2019.APPII.VI.A"));
  assert_true(has_audit(res, "exclude", "NBPC2019.APPII.VII.A"));
  /* the excluded bidder keeps the sheet on file, and no denial */
  assert_int_equal(denials(res, "E1"), -1);
  assert_non_null(find_by(th_get(th_get(res, "history"), "bids_on_file"), "employee", "E1"));
  cJSON_Delete(res);
}

/* III.D.1-2 (SPEC 3): eligible when series_start - credit + 2 years is on
 * or before rotation.start; February 29 + 2 years = March 1. */
static void test_rr_eligibility_series_time(void **state) {
  (void)state;
  const char *fmt =
      "{\"senbid\":1,\"kind\":\"shift_bid\",\"as_of\":\"2026-01-01\","
      "\"seniority\":{\"policy\":\"nbpc-2019\"},\"employees\":["
      "{\"id\":\"E1\",\"service\":{\"series_start\":\"2024-02-29\","
      "\"usbp_start\":\"2024-02-29\",\"cbp_start\":\"2024-02-29\"}},"
      "{\"id\":\"E2\",\"service\":{\"series_start\":\"2024-03-02\","
      "\"usbp_start\":\"2024-03-02\",\"cbp_start\":\"2024-03-02\"},"
      "\"credit_days\":{\"series\":1}}],"
      "\"rotation\":{\"start\":\"%s\",\"end\":\"2026-12-31\"},"
      "\"shifts\":[{\"id\":\"DAY\"},{\"id\":\"MID\"}],"
      "\"bids\":[{\"employee\":\"E1\",\"prefs\":[\"MID\"]},"
      "{\"employee\":\"E2\",\"prefs\":[\"MID\"]}]}";
  char *doc = th_fmt(fmt, "2026-03-01");
  cJSON *res = th_solve(doc, RR);
  expect_asg(res, "E1", "MID", "SENIORITY", 1, NULL);
  expect_asg(res, "E2", "MID", "SENIORITY", 1, NULL); /* 2024-03-01 + 2y */
  cJSON_Delete(res);
  free(doc);
  doc = th_fmt(fmt, "2026-02-28");
  res = th_solve(doc, RR);
  expect_asg(res, "E1", "DAY", "AGENCY_PLACEMENT", 0, "INELIGIBLE_SERIES_TIME");
  expect_asg(res, "E2", "MID", "AGENCY_PLACEMENT", 0, "INELIGIBLE_SERIES_TIME");
  assert_int_equal(denials(res, "E1"), -1); /* not a bidder */
  cJSON_Delete(res);
  free(doc);
}

/* IV.B and SPEC 9: a sheet on file is used when there is no new one; a new
 * sheet replaces the one on file in place, others are appended; a shift
 * listed twice ranks at its first place; an empty prefs is no preference. */
static void test_rr_bids_on_file(void **state) {
  (void)state;
  cJSON *res = solve_doc(
      join(4, emp("E1", 2010, NULL), emp("E2", 2011, NULL), emp("E3", 2012, NULL),
           emp("E4", 2013, NULL)),
      "{\"id\":\"DAY\",\"max\":1},{\"id\":\"SWING\",\"max\":2},{\"id\":\"MID\",\"max\":2}",
      "{\"employee\":\"E4\",\"prefs\":[]},"
      "{\"employee\":\"E2\",\"prefs\":[\"DAY\",\"DAY\",\"MID\"]}",
      "\"history\":{\"bids_on_file\":[{\"employee\":\"E2\",\"prefs\":[\"SWING\"]},"
      "{\"employee\":\"E1\",\"prefs\":[\"DAY\"]}]}",
      RR);
  expect_asg(res, "E1", "DAY", "SENIORITY", 1, NULL);  /* from the file */
  expect_asg(res, "E2", "MID", "SENIORITY", 3, NULL);  /* new sheet, rank 3 */
  expect_asg(res, "E3", "SWING", "AGENCY_PLACEMENT", 0, "NO_BID");
  /* E3 took SWING (room 2 > MID 1); now SWING and MID tie at 1: SWING */
  expect_asg(res, "E4", "SWING", "AGENCY_PLACEMENT", 0, "NO_PREFERENCE");
  const cJSON *file = th_get(th_get(res, "history"), "bids_on_file");
  assert_int_equal(cJSON_GetArraySize(file), 3);
  assert_string_equal(th_str(th_at(file, 0), "employee"), "E2");
  assert_int_equal(cJSON_GetArraySize(th_get(th_at(file, 0), "prefs")), 3);
  assert_string_equal(th_str(th_at(file, 1), "employee"), "E1");
  assert_string_equal(th_str(th_at(file, 2), "employee"), "E4");
  assert_true(cJSON_IsTrue(th_get(th_at(file, 2), "no_preference")));
  cJSON_Delete(res);
}

/* Grade max (SPEC 3 "room"): DAY holds one GS-12 at most. E1 (GS-12) takes
 * DAY; E2 (GS-12) finds no GS-12 room and takes MID (rank 2); E3 (GS-11)
 * still gets DAY. */
static void test_rr_grade_max_room(void **state) {
  (void)state;
  cJSON *res = solve_doc(
      join(3, emp("E1", 2010, "\"grade\":\"GS-12\""),
           emp("E2", 2011, "\"grade\":\"GS-12\""),
           emp("E3", 2012, "\"grade\":\"GS-11\"")),
      "{\"id\":\"DAY\",\"max\":3,\"grades\":{\"GS-12\":{\"max\":1}}},{\"id\":\"MID\"}",
      "{\"employee\":\"E1\",\"prefs\":[\"DAY\",\"MID\"]},"
      "{\"employee\":\"E2\",\"prefs\":[\"DAY\",\"MID\"]},"
      "{\"employee\":\"E3\",\"prefs\":[\"DAY\",\"MID\"]}",
      NULL, RR);
  expect_asg(res, "E1", "DAY", "SENIORITY", 1, NULL);
  expect_asg(res, "E2", "MID", "SENIORITY", 2, NULL);
  expect_asg(res, "E3", "DAY", "SENIORITY", 1, NULL);
  cJSON_Delete(res);
}

/* SPEC 9: {"place": E} moves E from wherever, including `excluded`. */
static void test_rr_adjust_place_from_excluded(void **state) {
  (void)state;
  cJSON *res = solve_doc(
      join(2, emp("E1", 2010, "\"status\":\"detailed\""), emp("E2", 2011, NULL)),
      SHIFTS3, "{\"employee\":\"E2\",\"prefs\":[\"DAY\"]}",
      "\"adjustments\":[{\"place\":\"E1\",\"shift\":\"MID\"}]", RR);
  expect_asg(res, "E1", "MID", "MANAGEMENT_PLACEMENT", 0, NULL);
  assert_int_equal(cJSON_GetArraySize(th_get(res, "excluded")), 0);
  assert_true(has_audit(res, "place", "NBPC2019.APPII.III.I"));
  cJSON_Delete(res);
}

/* Determinism: the same document gives byte-identical results. */
static void test_deterministic(void **state) {
  (void)state;
  char *emps = join(3, emp("E1", 2010, NULL), emp("E2", 2010, NULL), emp("E3", 2012, NULL));
  char *doc = station(emps, SHIFTS3,
                      "{\"employee\":\"E1\",\"prefs\":[\"DAY\"]},"
                      "{\"employee\":\"E2\",\"prefs\":[\"DAY\"]}",
                      "\"history\":{\"denials\":{\"E3\":3}}");
  for (int m = 0; m < 2; m++) {
    char *a = th_solve_text(doc, m), *b = th_solve_text(doc, m);
    assert_string_equal(a, b);
    free(a);
    free(b);
  }
  free(doc);
  free(emps);
}

/* ------------------------------------------------------------ lexicographic */

/* The reason lexicographic exists (SPEC 3), the example of doc/shiftbid.md.
 * DAY max 3; MID min 2, max 2. E1, E2, E3 bid [DAY, MID]; E4 has no bid.
 * round_robin: E1, E2, E3 take DAY; E4 goes to MID; MID is one short.
 * lexicographic: 4 agents can meet MID's 2 only if DAY keeps 2; E1 and E2
 * keep DAY (rank 1), E3, the most junior bidder, gets MID (rank 2), E4 MID.
 * Nobody senior is moved to cover the minimum. */
static const char *SHORT_EMPS_BIDS =
    "{\"employee\":\"E1\",\"prefs\":[\"DAY\",\"MID\"]},"
    "{\"employee\":\"E2\",\"prefs\":[\"DAY\",\"MID\"]},"
    "{\"employee\":\"E3\",\"prefs\":[\"DAY\",\"MID\"]}";
static void test_lex_covers_shift_seniority_leaves_short(void **state) {
  (void)state;
  const char *shifts = "{\"id\":\"DAY\",\"max\":3},{\"id\":\"MID\",\"min\":2,\"max\":2}";
  cJSON *rr = solve_doc(join(4, emp("E1", 2010, NULL), emp("E2", 2011, NULL),
                             emp("E3", 2012, NULL), emp("E4", 2013, NULL)),
                        shifts, SHORT_EMPS_BIDS, NULL, RR);
  expect_asg(rr, "E3", "DAY", "SENIORITY", 1, NULL);
  expect_asg(rr, "E4", "MID", "AGENCY_PLACEMENT", 0, "NO_BID");
  assert_int_equal(cJSON_GetArraySize(th_get(rr, "unmet")), 1);
  cJSON *lx = solve_doc(join(4, emp("E1", 2010, NULL), emp("E2", 2011, NULL),
                             emp("E3", 2012, NULL), emp("E4", 2013, NULL)),
                        shifts, SHORT_EMPS_BIDS, NULL, LEX);
  expect_asg(lx, "E1", "DAY", "SENIORITY", 1, NULL);
  expect_asg(lx, "E2", "DAY", "SENIORITY", 1, NULL);
  expect_asg(lx, "E3", "MID", "SENIORITY", 2, NULL);
  expect_asg(lx, "E4", "MID", "AGENCY_PLACEMENT", 0, "NO_BID");
  assert_int_equal(cJSON_GetArraySize(th_get(lx, "unmet")), 0);
  assert_string_equal(th_str(lx, "method"), "lexicographic");
  cJSON_Delete(rr);
  cJSON_Delete(lx);
}

/* A grade minimum only a senior can meet: MID needs one GS-13 and E1 is the
 * only GS-13. round_robin gives E1 DAY and leaves MID's GS-13 short;
 * lexicographic must give E1 MID (rank 2): the minimum requires it. */
static void test_lex_grade_minimum_needs_senior(void **state) {
  (void)state;
  const char *shifts =
      "{\"id\":\"DAY\",\"max\":3},{\"id\":\"MID\",\"max\":3,"
      "\"grades\":{\"GS-13\":{\"min\":1}}}";
  const char *bids = "{\"employee\":\"E1\",\"prefs\":[\"DAY\",\"MID\"]},"
                     "{\"employee\":\"E2\",\"prefs\":[\"DAY\"]}";
  cJSON *rr = solve_doc(join(2, emp("E1", 2010, "\"grade\":\"GS-13\""),
                             emp("E2", 2011, "\"grade\":\"GS-12\"")),
                        shifts, bids, NULL, RR);
  expect_asg(rr, "E1", "DAY", "SENIORITY", 1, NULL);
  assert_string_equal(th_str(th_at(th_get(rr, "unmet"), 0), "grade"), "GS-13");
  cJSON *lx = solve_doc(join(2, emp("E1", 2010, "\"grade\":\"GS-13\""),
                             emp("E2", 2011, "\"grade\":\"GS-12\"")),
                        shifts, bids, NULL, LEX);
  expect_asg(lx, "E1", "MID", "SENIORITY", 2, NULL);
  expect_asg(lx, "E2", "DAY", "SENIORITY", 1, NULL);
  assert_int_equal(cJSON_GetArraySize(th_get(lx, "unmet")), 0);
  cJSON_Delete(rr);
  cJSON_Delete(lx);
}

/* SPEC 3: when the headcount cannot meet the minimums, the best total is
 * computed first and reported. DAY min 2, MID min 2, 3 agents: at most 3
 * of 4 places; E1, E2 keep DAY; E3 (no bid) covers MID; MID 1 short. */
static void test_lex_unavoidable_deficit(void **state) {
  (void)state;
  cJSON *lx = solve_doc(
      join(3, emp("E1", 2010, NULL), emp("E2", 2011, NULL), emp("E3", 2012, NULL)),
      "{\"id\":\"DAY\",\"min\":2,\"max\":3},{\"id\":\"MID\",\"min\":2,\"max\":3}",
      "{\"employee\":\"E1\",\"prefs\":[\"DAY\"]},{\"employee\":\"E2\",\"prefs\":[\"DAY\"]}",
      NULL, LEX);
  expect_asg(lx, "E1", "DAY", "SENIORITY", 1, NULL);
  expect_asg(lx, "E2", "DAY", "SENIORITY", 1, NULL);
  expect_asg(lx, "E3", "MID", "AGENCY_PLACEMENT", 0, "NO_BID");
  const cJSON *unmet = th_get(lx, "unmet");
  assert_int_equal(cJSON_GetArraySize(unmet), 1);
  assert_int_equal((int)th_num(th_at(unmet, 0), "deficit"), 1);
  assert_true(has_audit(lx, "minimums", "NBPC2019.APPII.III.A"));
  cJSON_Delete(lx);
}

/* SPEC 9: lexicographic applies adjustments first and bumps nobody; a
 * management placement over a max raises the max. */
static void test_lex_adjustments_no_bumps(void **state) {
  (void)state;
  cJSON *lx = solve_doc(
      join(3, emp("E1", 2010, "\"fixed_shift\":\"DAY\""),
           emp("E2", 2011, "\"fixed_shift\":\"DAY\""), emp("E3", 2012, NULL)),
      "{\"id\":\"DAY\",\"max\":3},{\"id\":\"MID\",\"max\":3}",
      "{\"employee\":\"E3\",\"prefs\":[\"DAY\",\"MID\"]}",
      "\"adjustments\":[{\"shift\":\"DAY\",\"max\":1}],"
      "\"history\":{\"bumped\":{\"MID\":[\"E1\"]}}",
      LEX);
  expect_asg(lx, "E1", "DAY", "MANAGEMENT_PLACEMENT", 0, NULL);
  expect_asg(lx, "E2", "DAY", "MANAGEMENT_PLACEMENT", 0, NULL);
  expect_asg(lx, "E3", "MID", "SENIORITY", 2, NULL);
  assert_int_equal(cJSON_GetArraySize(th_get(lx, "bumps")), 0);
  const char *mid[] = {"E1"};
  th_assert_strings(th_get(th_get(th_get(lx, "history"), "bumped"), "MID"), 1, mid);
  cJSON_Delete(lx);
}

/* SPP under lexicographic (SPEC 9): the guarantee holds where feasible,
 * else SPP_NO_ROOM. DAY max 2, MID min 1 max 2; E2 and E3 have SPP for
 * DAY; E1 bids [DAY]. Only 3 agents: MID needs one of them. E2 gets DAY
 * (SPP); E3's guarantee would leave MID empty only if E1 also took DAY,
 * which is decided later, so E3 gets DAY too; E1 (DAY full) is placed by
 * the agency on MID. */
static void test_lex_spp(void **state) {
  (void)state;
  cJSON *lx = solve_doc(
      join(3, emp("E1", 2010, NULL), emp("E2", 2011, NULL), emp("E3", 2012, NULL)),
      "{\"id\":\"DAY\",\"max\":2},{\"id\":\"MID\",\"min\":1,\"max\":2}",
      "{\"employee\":\"E1\",\"prefs\":[\"DAY\"]},"
      "{\"employee\":\"E2\",\"prefs\":[\"DAY\"]},{\"employee\":\"E3\",\"prefs\":[\"DAY\"]}",
      "\"history\":{\"denials\":{\"E2\":2,\"E3\":2}}", LEX);
  expect_asg(lx, "E2", "DAY", "SPP_GUARANTEE", 1, NULL);
  expect_asg(lx, "E3", "DAY", "SPP_GUARANTEE", 1, NULL);
  expect_asg(lx, "E1", "MID", "AGENCY_PLACEMENT", 0, "PREFS_FULL");
  assert_false(has_warning(lx, "SPP_NO_ROOM"));
  cJSON_Delete(lx);
  /* With DAY max 1 the second guarantee has no room. */
  lx = solve_doc(
      join(3, emp("E1", 2010, NULL), emp("E2", 2011, NULL), emp("E3", 2012, NULL)),
      "{\"id\":\"DAY\",\"max\":1},{\"id\":\"MID\",\"min\":1,\"max\":2}",
      "{\"employee\":\"E1\",\"prefs\":[\"DAY\"]},"
      "{\"employee\":\"E2\",\"prefs\":[\"DAY\"]},{\"employee\":\"E3\",\"prefs\":[\"DAY\",\"MID\"]}",
      "\"history\":{\"denials\":{\"E2\":2,\"E3\":2}}", LEX);
  expect_asg(lx, "E2", "DAY", "SPP_GUARANTEE", 1, NULL);
  expect_asg(lx, "E3", "MID", "SENIORITY", 2, NULL);
  assert_true(has_warning(lx, "SPP_NO_ROOM"));
  cJSON_Delete(lx);
}

/* ------------------------------------------------------ generated stations */

typedef struct gen {
  int n, S;
  int year[8];
  int grade[8];     /* 0 GS-11, 1 GS-12 */
  int nprefs[8];    /* -1 no bid, 0 no preference */
  int prefs[8][4];
  int denial[8];
  int fixed[8];     /* -1 none */
  int min[4], max[4];   /* max -1: none */
  int gmin[4], gmax[4]; /* GS-12 limit when gmin >= 0 (gmax -1: none) */
} gen;

static uint64_t rng_next(uint64_t *s) {
  *s += 0x9e3779b97f4a7c15ull;
  return sb_splitmix64(*s);
}
static int rnd(uint64_t *s, int n) { return (int)(rng_next(s) % (uint64_t)n); }

static void gen_station(gen *g, uint64_t seed, bool mins, bool spp, bool fixed) {
  uint64_t s = seed;
  memset(g, 0, sizeof *g);
  g->n = 3 + rnd(&s, 4);
  g->S = 2 + rnd(&s, 2);
  for (int i = 0; i < g->n; i++) {
    g->year[i] = rnd(&s, 7) == 0 ? 2026 : 2000 + i; /* some ineligible */
    g->grade[i] = rnd(&s, 2);
    int k = rnd(&s, 6);
    g->nprefs[i] = k == 0 ? -1 : k == 1 ? 0 : 1 + rnd(&s, g->S);
    for (int j = 0; j < g->nprefs[i]; j++) g->prefs[i][j] = rnd(&s, g->S);
    g->denial[i] = spp ? rnd(&s, 4) : 0;
    g->fixed[i] = fixed && rnd(&s, 6) == 0 ? rnd(&s, g->S) : -1;
  }
  for (int t = 0; t < g->S; t++) {
    g->min[t] = mins ? rnd(&s, 3) : 0;
    g->max[t] = rnd(&s, 4) == 0 ? -1 : 1 + rnd(&s, 3);
    g->gmin[t] = rnd(&s, 3) == 0 ? (mins ? rnd(&s, 2) : 0) : -1;
    g->gmax[t] = rnd(&s, 2) ? -1 : 1 + rnd(&s, 2);
  }
}

static char *gen_doc(const gen *g) {
  sb_buf b;
  sb_buf_init(&b, &sb_default_alloc);
  sb_buf_puts(&b, "{\"senbid\":1,\"kind\":\"shift_bid\",\"as_of\":\"2026-09-01\","
                  "\"seniority\":{\"policy\":\"nbpc-2019\"},\"employees\":[");
  for (int i = 0; i < g->n; i++) {
    sb_buf_printf(&b, "%s{\"id\":\"E%d\",\"name\":{\"last\":\"N%d\"},\"service\":"
                  "{\"series_start\":\"%d-01-01\",\"usbp_start\":\"%d-01-01\","
                  "\"cbp_start\":\"%d-01-01\"},\"grade\":\"GS-1%d\"",
                  i ? "," : "", i, i, g->year[i], g->year[i], g->year[i],
                  1 + g->grade[i]);
    if (g->fixed[i] >= 0) sb_buf_printf(&b, ",\"fixed_shift\":\"S%d\"", g->fixed[i]);
    sb_buf_puts(&b, "}");
  }
  sb_buf_puts(&b, "],\"rotation\":{\"start\":\"2026-10-04\",\"end\":\"2027-01-30\"},"
                  "\"shifts\":[");
  for (int t = 0; t < g->S; t++) {
    sb_buf_printf(&b, "%s{\"id\":\"S%d\",\"min\":%d", t ? "," : "", t, g->min[t]);
    if (g->max[t] >= 0) sb_buf_printf(&b, ",\"max\":%d", g->max[t]);
    if (g->gmin[t] >= 0) {
      sb_buf_printf(&b, ",\"grades\":{\"GS-12\":{\"min\":%d", g->gmin[t]);
      if (g->gmax[t] >= 0) sb_buf_printf(&b, ",\"max\":%d", g->gmax[t]);
      sb_buf_puts(&b, "}}");
    }
    sb_buf_puts(&b, "}");
  }
  sb_buf_puts(&b, "],\"bids\":[");
  bool first = true;
  for (int i = 0; i < g->n; i++) {
    if (g->nprefs[i] < 0) continue;
    sb_buf_printf(&b, "%s{\"employee\":\"E%d\",\"prefs\":[", first ? "" : ",", i);
    first = false;
    for (int j = 0; j < g->nprefs[i]; j++)
      sb_buf_printf(&b, "%s\"S%d\"", j ? "," : "", g->prefs[i][j]);
    sb_buf_puts(&b, "]}");
  }
  sb_buf_puts(&b, "],\"history\":{\"denials\":{");
  for (int i = 0; i < g->n; i++)
    sb_buf_printf(&b, "%s\"E%d\":%d", i ? "," : "", i, g->denial[i]);
  sb_buf_puts(&b, "}}}");
  sb_buf_terminate(&b);
  char *out = strdup(b.data);
  sb_buf_free(&b);
  return out;
}

static bool is_bidder(const gen *g, int i) {
  return g->year[i] < 2025 && g->nprefs[i] > 0 && g->fixed[i] < 0;
}
static int pref_rank(const gen *g, int i, int t) {
  for (int j = 0; j < g->nprefs[i]; j++)
    if (g->prefs[i][j] == t) return j + 1;
  return 100;
}

/* The lexicographic objective of a roster (SPEC 3, 9): first whether each
 * SPP agent (seniority order) is on the first choice (0) or not (1), then
 * every bidder's rank (100: none of the bid's shifts, or unplaced). */
static int objective(const gen *g, const int *shift, int *v) {
  int nv = 0;
  for (int i = 0; i < g->n; i++)
    if (is_bidder(g, i) && g->denial[i] >= 2) v[nv++] = shift[i] == g->prefs[i][0] ? 0 : 1;
  for (int i = 0; i < g->n; i++)
    if (is_bidder(g, i)) v[nv++] = shift[i] < 0 ? 100 : pref_rank(g, i, shift[i]);
  return nv;
}

static cJSON *check_doc(const char *doc, const char *posted, int *outcome);

/* Decodes a result into shift per employee (-1 unplaced). */
static void decode(const gen *g, const cJSON *res, int *shift) {
  for (int i = 0; i < g->n; i++) shift[i] = -1;
  const cJSON *a;
  cJSON_ArrayForEach(a, th_get(res, "assignments")) {
    int i = atoi(th_str(a, "employee") + 1), t = atoi(th_str(a, "shift") + 1);
    shift[i] = t;
  }
}

static int minimums_met(const gen *g, const int *shift, bool *caps_ok) {
  int cnt[4] = {0}, gc[4] = {0}, met = 0;
  for (int i = 0; i < g->n; i++)
    if (shift[i] >= 0) {
      cnt[shift[i]]++;
      if (g->grade[i] == 1) gc[shift[i]]++;
    }
  /* SPEC 9: management placements over a max raise it to their number */
  int mc[4] = {0}, mg[4] = {0};
  *caps_ok = true;
  for (int i = 0; i < g->n; i++)
    if (g->fixed[i] >= 0) {
      if (shift[i] != g->fixed[i]) *caps_ok = false;
      mc[g->fixed[i]]++;
      if (g->grade[i] == 1) mg[g->fixed[i]]++;
    }
  for (int t = 0; t < g->S; t++) {
    int mx = g->max[t] >= 0 && g->max[t] < mc[t] ? mc[t] : g->max[t];
    int gx = g->gmax[t] >= 0 && g->gmax[t] < mg[t] ? mg[t] : g->gmax[t];
    met += cnt[t] < g->min[t] ? cnt[t] : g->min[t];
    if (g->gmin[t] >= 0) met += gc[t] < g->gmin[t] ? gc[t] : g->gmin[t];
    if (mx >= 0 && cnt[t] > mx) *caps_ok = false;
    if (g->gmin[t] >= 0 && gx >= 0 && gc[t] > gx) *caps_ok = false;
  }
  return met;
}

/* Property (issue #4, SPEC 3): with no minimum anywhere and no adjustments,
 * lexicographic gives exactly the round_robin result (SPEC 9). */
static void test_prop_lex_equals_rr_without_minimums(void **state) {
  (void)state;
  for (uint64_t seed = 1; seed <= 300; seed++) {
    gen g;
    gen_station(&g, seed, false, true, true);
    char *doc = gen_doc(&g);
    cJSON *rr = th_solve(doc, RR), *lx = th_solve(doc, LEX);
    const char *keys[] = {"assignments", "excluded", "unplaced", "unmet", "bumps", "history"};
    for (int k = 0; k < 6; k++) {
      char *a = cJSON_PrintUnformatted(th_get(rr, keys[k]));
      char *b = cJSON_PrintUnformatted(th_get(lx, keys[k]));
      if (strcmp(a, b)) {
        print_error("seed %llu %s:\n rr  %s\n lex %s\n%s\n", (unsigned long long)seed,
                    keys[k], a, b, doc);
        fail();
      }
      free(a);
      free(b);
    }
    assert_int_equal(has_warning(rr, "SPP_NO_ROOM"), has_warning(lx, "SPP_NO_ROOM"));
    cJSON_Delete(rr);
    cJSON_Delete(lx);
    free(doc);
  }
}

/* Properties (issue #4) against brute force over every roster of small
 * generated stations (SPP agents in two thirds, management placements
 * in one third):
 *  - lexicographic meets the most minimums any roster can (so it never
 *    leaves a minimum unmet when the headcount allows), within every max;
 *  - the SPP guarantees, then the bidders' ranks, in seniority order, are
 *    the lexicographically best among all rosters that meet that many
 *    minimums (exactness);
 *  - when round_robin meets as many minimums, no bidder is worse off under
 *    lexicographic before one is better off (a senior bidder is placed
 *    below round_robin only when a minimum requires it);
 *  - `check` finds no departure in either method's own result. */
static void test_prop_lex_optimal_brute_force(void **state) {
  (void)state;
  int checked = 0, rr_short = 0, lex_differs = 0;
  for (uint64_t seed = 1000; seed < 1600; seed++) {
    gen g;
    /* from 1200 with SPP agents, from 1400 management placements too */
    gen_station(&g, seed, true, seed >= 1200, seed >= 1400);
    char *doc = gen_doc(&g);
    cJSON *rr = th_solve(doc, RR), *lx = th_solve(doc, LEX);
    int sl[8], sr[8];
    decode(&g, lx, sl);
    decode(&g, rr, sr);
    bool ok;
    int met_lex = minimums_met(&g, sl, &ok);
    assert_true(ok);
    bool rr_ok;
    int met_rr = minimums_met(&g, sr, &rr_ok);
    /* brute force; employees are in seniority order by construction
     * except the ineligible (2026), who are never bidders */
    int best = -1, bestv[16], cur[8], total = 1;
    for (int i = 0; i < g.n; i++) total *= g.S + 1;
    for (int code = 0; code < total; code++) {
      int c = code;
      for (int i = 0; i < g.n; i++) {
        cur[i] = c % (g.S + 1) - 1;
        c /= g.S + 1;
      }
      bool cap;
      int met = minimums_met(&g, cur, &cap);
      if (!cap || met < best) continue;
      int v[16], nv = objective(&g, cur, v);
      bool better = met > best;
      for (int k = 0; k < nv && !better; k++) {
        if (v[k] < bestv[k]) better = true;
        if (v[k] != bestv[k]) break;
      }
      if (better) {
        best = met;
        memcpy(bestv, v, sizeof v);
      }
    }
    if (met_lex != best) {
      print_error("seed %llu: lexicographic meets %d minimums, best is %d\n%s\n",
                  (unsigned long long)seed, met_lex, best, doc);
      fail();
    }
    int vl[16], vr[16], nv = objective(&g, sl, vl);
    objective(&g, sr, vr);
    for (int k = 0; k < nv; k++)
      if (vl[k] != bestv[k]) {
        print_error("seed %llu: objective entry %d is %d, best is %d\n%s\n",
                    (unsigned long long)seed, k, vl[k], bestv[k], doc);
        fail();
      }
    if (rr_ok && met_rr == best) {
      for (int k = 0; k < nv; k++) {
        if (vl[k] < vr[k]) break;
        if (vl[k] > vr[k]) {
          print_error("seed %llu: entry %d worse under lexicographic\n%s\n",
                      (unsigned long long)seed, k, doc);
          fail();
        }
      }
    }
    /* SPEC 7: both results check clean against their own method */
    for (int m = 0; m < 2; m++) {
      char *text = cJSON_PrintUnformatted(m ? lx : rr);
      int outcome;
      cJSON *chk = check_doc(doc, text, &outcome);
      if (th_num(chk, "count") != 0) {
        char *t = cJSON_Print(chk);
        print_error("seed %llu: check of its own result: %s\n", (unsigned long long)seed, t);
        free(t);
        fail();
      }
      cJSON_Delete(chk);
      free(text);
    }
    checked++;
    if (!rr_ok || met_rr < best) rr_short++;
    if (memcmp(sl, sr, sizeof(int) * (size_t)g.n)) lex_differs++;
    cJSON_Delete(rr);
    cJSON_Delete(lx);
    free(doc);
  }
  assert_int_equal(checked, 600);
  /* the generator must reach the interesting cases */
  print_message("# %d of 600 stations left short by round_robin, %d differ\n",
                rr_short, lex_differs);
  assert_true(rr_short > 20);
  assert_true(lex_differs > 20);
}

/* Conformance documents of ../shared parse and solve under both methods
 * (their content is compared by conformance.sh with compare.py). */

/* ------------------------------------------------------ check, export-lp */

/* Runs senbid_check on a posted result; returns the parsed departures doc. */
static cJSON *check_doc(const char *doc, const char *posted, int *outcome) {
  senbid_problem *p = th_parse_ok(doc);
  senbid_result *res = NULL;
  senbid_error *err = NULL;
  int rc = senbid_check(&res, p, posted, strlen(posted), &err);
  senbid_problem_free(p);
  if (rc != SENBID_OK) {
    print_error("check failed: %s\n", senbid_error_message(err));
    senbid_error_free(err);
    fail();
  }
  *outcome = senbid_result_outcome(res);
  cJSON *out = cJSON_Parse(senbid_result_json(res, NULL));
  senbid_result_free(res);
  return out;
}

static bool has_departure(const cJSON *chk, const char *code, const char *emp) {
  const cJSON *it;
  cJSON_ArrayForEach(it, th_get(chk, "departures")) {
    const cJSON *e = cJSON_GetObjectItemCaseSensitive(it, "employee");
    if (!strcmp(th_str(it, "code"), code) &&
        (!emp || (cJSON_IsString(e) && !strcmp(e->valuestring, emp))))
      return true;
  }
  return false;
}

/* SPEC 7: a result the library made has no departure; a hand-edited one
 * where a junior takes what a senior bid for (IV.D), an SPP guarantee is
 * ignored (V.A.2), a max is broken (III.A) or the history is wrong (V.A.1)
 * lists each departure. */
static void test_check_departures(void **state) {
  (void)state;
  char *emps = join(4, emp("E1", 2010, NULL), emp("E2", 2011, NULL),
                    emp("E3", 2012, NULL), emp("E4", 2026, NULL));
  char *doc = station(emps,
                      "{\"id\":\"DAY\",\"max\":1},{\"id\":\"MID\",\"max\":3}",
                      "{\"employee\":\"E1\",\"prefs\":[\"DAY\",\"MID\"]},"
                      "{\"employee\":\"E2\",\"prefs\":[\"MID\"]},"
                      "{\"employee\":\"E3\",\"prefs\":[\"DAY\",\"MID\"]}",
                      "\"history\":{\"denials\":{\"E2\":2}}");
  free(emps);
  int outcome;
  for (int m = 0; m < 2; m++) {
    char *good = th_solve_text(doc, m);
    cJSON *chk = check_doc(doc, good, &outcome);
    assert_int_equal((int)th_num(chk, "count"), 0);
    assert_int_equal(outcome, SENBID_OUTCOME_OK);
    cJSON_Delete(chk);
    free(good);
  }
  /* E3 (junior) on DAY, E1 on MID; E2's SPP shift MID ignored; E4
   * (ineligible) placed by seniority; MID over max is not (3 places) */
  const char *bad =
      "{\"senbid\":1,\"kind\":\"shift_bid\",\"method\":\"round_robin\","
      "\"assignments\":["
      "{\"employee\":\"E2\",\"shift\":\"DAY\",\"reason\":\"SENIORITY\",\"rank\":null},"
      "{\"employee\":\"E1\",\"shift\":\"MID\",\"reason\":\"SENIORITY\",\"rank\":2},"
      "{\"employee\":\"E3\",\"shift\":\"DAY\",\"reason\":\"SENIORITY\",\"rank\":1},"
      "{\"employee\":\"E4\",\"shift\":\"MID\",\"reason\":\"SENIORITY\",\"rank\":1}],"
      "\"unplaced\":[],\"excluded\":[],"
      "\"history\":{\"denials\":{\"E1\":0,\"E2\":0,\"E3\":0}}}";
  cJSON *chk = check_doc(doc, bad, &outcome);
  assert_int_equal(outcome, SENBID_OUTCOME_DEPARTURES);
  assert_true(has_departure(chk, "SENIORITY", "E1"));
  assert_true(has_departure(chk, "SPP", "E2"));
  assert_true(has_departure(chk, "OVER_MAX", NULL));
  assert_true(has_departure(chk, "INELIGIBLE", "E4"));
  assert_true(has_departure(chk, "RANK", "E2"));
  assert_true(has_departure(chk, "HISTORY", "E1"));
  assert_false(has_departure(chk, "SENIORITY", "E3"));
  cJSON_Delete(chk);
  /* a missing employee and an unknown one */
  const char *partial =
      "{\"method\":\"round_robin\",\"assignments\":["
      "{\"employee\":\"E9\",\"shift\":\"DAY\",\"reason\":\"SENIORITY\",\"rank\":1}]}";
  chk = check_doc(doc, partial, &outcome);
  assert_true(has_departure(chk, "UNKNOWN_EMPLOYEE", "E9"));
  assert_true(has_departure(chk, "NOT_PLACED", "E1"));
  cJSON_Delete(chk);
  free(doc);
}

/* SPEC 8: export-lp writes the stage-1 integer program of lexicographic in
 * CPLEX LP format; GLPK reads it back and its optimum is the most minimums
 * that can be met (here 3 of 4, as in test_lex_unavoidable_deficit). */
static void test_export_lp_reads_back(void **state) {
  (void)state;
  char *emps = join(3, emp("E1", 2010, NULL), emp("E2", 2011, NULL), emp("E3", 2012, NULL));
  char *doc = station(emps,
                      "{\"id\":\"DAY\",\"min\":2,\"max\":3},{\"id\":\"MID\",\"min\":2,\"max\":3}",
                      "{\"employee\":\"E1\",\"prefs\":[\"DAY\"]}", NULL);
  free(emps);
  senbid_problem *p = th_parse_ok(doc);
  senbid_result *res = NULL;
  senbid_error *err = NULL;
  assert_int_equal(senbid_export_lp(&res, p, NULL, &err), SENBID_OK);
  size_t len;
  const char *lp = senbid_result_json(res, &len);
  assert_non_null(strstr(lp, "Maximize"));
  assert_non_null(strstr(lp, "Binary"));
  char path[] = "/tmp/senbid_sb_XXXXXX";
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  FILE *f = fdopen(fd, "w");
  fwrite(lp, 1, len, f);
  fclose(f);
  glp_prob *P = glp_create_prob();
  glp_term_out(GLP_OFF);
  assert_int_equal(glp_read_lp(P, NULL, path), 0);
  glp_iocp parm;
  glp_init_iocp(&parm);
  parm.presolve = GLP_ON;
  assert_int_equal(glp_intopt(P, &parm), 0);
  assert_int_equal((int)(glp_mip_obj_val(P) + 0.5), 3);
  glp_delete_prob(P);
  glp_free_env();
  remove(path);
  senbid_result_free(res);
  senbid_problem_free(p);
  free(doc);
}

/* A progress callback that stops the solve on its n-th call. */
static int stop_after(const senbid_progress *pr, void *payload) {
  (void)pr;
  int *left = payload;
  return --*left <= 0;
}

/* Cancellation (senbid.h): the progress callback stops both methods with
 * SENBID_E_CANCELLED and nothing leaks (valgrind/ASan runs of this suite). */
static void test_cancel(void **state) {
  (void)state;
  char *emps = join(3, emp("E1", 2010, NULL), emp("E2", 2011, NULL), emp("E3", 2012, NULL));
  char *doc = station(emps, SHIFTS3, SHORT_EMPS_BIDS, NULL);
  free(emps);
  senbid_problem *p = th_parse_ok(doc);
  int cancelled = 0;
  for (int m = 0; m < 2; m++)
    for (int calls = 1; calls <= 3; calls++) {
      int left = calls;
      senbid_solve_options opts = SENBID_SOLVE_OPTIONS_INIT;
      opts.method = m;
      opts.progress = stop_after;
      opts.progress_payload = &left;
      senbid_result *res = NULL;
      senbid_error *err = NULL;
      int rc = senbid_solve(&res, p, &opts, &err);
      if (rc == SENBID_OK) {
        senbid_result_free(res); /* fewer progress calls than `calls` */
      } else {
        assert_int_equal(rc, SENBID_E_CANCELLED);
        assert_null(res);
        cancelled++;
        senbid_error_free(err);
      }
    }
  assert_true(cancelled >= 2);
  senbid_problem_free(p);
  free(doc);
}

/* The time limit (senbid.h) ends lexicographic's feasibility tests: the
 * result has status "time_limit", outcome SENBID_OUTCOME_TIME_LIMIT, and
 * still places everyone within every max. 20,000 agents take well over a
 * millisecond of tests. */
static void test_lex_time_limit(void **state) {
  (void)state;
  sb_buf b;
  sb_buf_init(&b, &sb_default_alloc);
  sb_buf_puts(&b, "{\"senbid\":1,\"kind\":\"shift_bid\",\"as_of\":\"2026-09-01\","
                  "\"seniority\":{\"policy\":\"nbpc-2019\"},\"employees\":[");
  for (int i = 0; i < 20000; i++)
    sb_buf_printf(&b, "%s{\"id\":\"E%d\",\"service\":{\"series_start\":\"%d-01-01\","
                  "\"usbp_start\":\"2000-01-01\",\"cbp_start\":\"2000-01-01\"}}",
                  i ? "," : "", i, 1990 + i % 30);
  sb_buf_puts(&b, "],\"rotation\":{\"start\":\"2026-10-04\",\"end\":\"2027-01-30\"},"
                  "\"shifts\":[{\"id\":\"A\",\"max\":9000},{\"id\":\"B\",\"min\":6000}],"
                  "\"bids\":[");
  for (int i = 0; i < 20000; i++)
    sb_buf_printf(&b, "%s{\"employee\":\"E%d\",\"prefs\":[\"A\",\"B\"]}", i ? "," : "", i);
  sb_buf_puts(&b, "]}");
  sb_buf_terminate(&b);
  senbid_problem *p = th_parse_ok(b.data);
  senbid_solve_options opts = SENBID_SOLVE_OPTIONS_INIT;
  opts.method = LEX;
  opts.time_limit_ms = 1;
  senbid_result *res = NULL;
  senbid_error *err = NULL;
  assert_int_equal(senbid_solve(&res, p, &opts, &err), SENBID_OK);
  assert_int_equal(senbid_result_outcome(res), SENBID_OUTCOME_TIME_LIMIT);
  cJSON *doc = cJSON_Parse(senbid_result_json(res, NULL));
  assert_string_equal(th_str(doc, "status"), "time_limit");
  assert_true(has_warning(doc, "TIME_LIMIT"));
  /* A holds 9,000, B (no max) the rest: everyone is placed */
  assert_int_equal(cJSON_GetArraySize(th_get(doc, "assignments")), 20000);
  cJSON_Delete(doc);
  senbid_result_free(res);
  senbid_problem_free(p);
  sb_buf_free(&b);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_error_rotation_too_short),
      cmocka_unit_test(test_error_codes_and_paths),
      cmocka_unit_test(test_error_series_start_required),
      cmocka_unit_test(test_error_limits),
      cmocka_unit_test(test_rr_seniority_ranks),
      cmocka_unit_test(test_rr_spp_guarantee),
      cmocka_unit_test(test_rr_spp_no_room),
      cmocka_unit_test(test_rr_agency_grade_minimum),
      cmocka_unit_test(test_rr_agency_room_ties_unplaced),
      cmocka_unit_test(test_rr_bump_chain),
      cmocka_unit_test(test_rr_bump_list_reset),
      cmocka_unit_test(test_rr_bump_skips_already_bumped),
      cmocka_unit_test(test_rr_bump_nowhere_and_over_max),
      cmocka_unit_test(test_rr_exclusions),
      cmocka_unit_test(test_rr_eligibility_series_time),
      cmocka_unit_test(test_rr_bids_on_file),
      cmocka_unit_test(test_rr_grade_max_room),
      cmocka_unit_test(test_rr_adjust_place_from_excluded),
      cmocka_unit_test(test_deterministic),
      cmocka_unit_test(test_lex_covers_shift_seniority_leaves_short),
      cmocka_unit_test(test_lex_grade_minimum_needs_senior),
      cmocka_unit_test(test_lex_unavoidable_deficit),
      cmocka_unit_test(test_lex_adjustments_no_bumps),
      cmocka_unit_test(test_lex_spp),
      cmocka_unit_test(test_prop_lex_equals_rr_without_minimums),
      cmocka_unit_test(test_prop_lex_optimal_brute_force),
      cmocka_unit_test(test_check_departures),
      cmocka_unit_test(test_export_lp_reads_back),
      cmocka_unit_test(test_cancel),
      cmocka_unit_test(test_lex_time_limit),
  };
  return cmocka_run_group_tests_name("shiftbid", tests, NULL, NULL);
}
