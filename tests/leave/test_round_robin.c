/*
 * Leave: the round-robin seniority pass (SPEC section 2; NBPC 2019 Art.
 * 14 C.2-C.3): hand-worked examples a supervisor can check on paper, the
 * conformance cases, determinism.
 */
#include "leave_test.h"

/* NBPC 2019 Art. 14 C.3, an alternate is granted. Cap 1 a day.
 * E1 (2010, senior) asks Dec 21-25; E2 (2012) asks Dec 21-25, alternate
 * Jan 4-8. Round 1: E1 gets Dec 21-25 (option 0, C.2): Mon-Fri, Dec 25 is
 * a federal holiday, so 4 charged days = 32 h. E2's option 0 is full on
 * Dec 21 (E1 is off, cap 1): CAPACITY 2026-12-21; option 1 Jan 4-8 fits
 * (Mon-Fri, no holiday): 5 days, 40 h, granted under C.3. */
static void test_hand_alternate_granted(void **state) {
  (void)state;
  const char *doc = HEAD "\"employees\":[" EMP("E1", "2010") "}," EMP(
      "E2", "2012") "}]," PERIOD ",\"holidays\":\"us-federal\","
                    "\"capacity\":{\"default\":1},\"requests\":["
                    "{\"employee\":\"E1\",\"choices\":[{\"id\":\"xmas\","
                    "\"options\":[" OPT("2026-12-21", "2026-12-25") "]}]},"
                    "{\"employee\":\"E2\",\"choices\":[{\"id\":\"xmas\","
                    "\"options\":[" OPT("2026-12-21", "2026-12-25") "," OPT(
                        "2027-01-04", "2027-01-08") "]}]}]}";
  cJSON *res = th_solve(doc, SENBID_METHOD_ROUND_ROBIN);
  assert_int_equal(count(res, "grants"), 2);
  ASSERT_GRANT(res, 0, "E1 xmas 0 2026-12-21..2026-12-25 r1 4d 32h");
  ASSERT_GRANT(res, 1, "E2 xmas 1 2027-01-04..2027-01-08 r1 5d 40h");
  assert_int_equal(count(res, "denials"), 0);
  assert_int_equal(count(res, "notify"), 0);
  /* The audit cites C.2 for a first preference, C.3 for an alternate. */
  assert_string_equal(th_str(at(res, "audit", 0), "rule"), "NBPC2019.ART14.C2");
  assert_string_equal(th_str(at(res, "audit", 1), "rule"), "NBPC2019.ART14.C3");
  cJSON_Delete(res);
}

/* NBPC 2019 Art. 14 C.2: a senior employee's second-round choice loses to
 * a junior's first-round choice. Cap 1. E1 (senior) asks a: Nov 2-6, then
 * b: Feb 1-5; E2 asks a: Feb 1-5. Round 1: E1 gets Nov 2-6 (one grant per
 * round), then E2 gets Feb 1-5. Round 2: E1's b is full on Feb 1 (E2 is
 * off): denied with CAPACITY 2027-02-01, and E1 must be asked for another
 * alternate (C.3). */
static void test_hand_second_round_loses(void **state) {
  (void)state;
  const char *doc = HEAD "\"employees\":[" EMP("E1", "2010") "}," EMP(
      "E2", "2012") "}]," PERIOD ",\"capacity\":{\"default\":1},\"requests\":["
                    "{\"employee\":\"E1\",\"choices\":["
                    "{\"id\":\"a\",\"options\":[" OPT("2026-11-02", "2026-11-06") "]},"
                    "{\"id\":\"b\",\"options\":[" OPT("2027-02-01", "2027-02-05") "]}]},"
                    "{\"employee\":\"E2\",\"choices\":["
                    "{\"id\":\"a\",\"options\":[" OPT("2027-02-01", "2027-02-05") "]}]}]}";
  cJSON *res = th_solve(doc, SENBID_METHOD_ROUND_ROBIN);
  assert_int_equal(count(res, "grants"), 2);
  ASSERT_GRANT(res, 0, "E1 a 0 2026-11-02..2026-11-06 r1 5d 40h");
  ASSERT_GRANT(res, 1, "E2 a 0 2027-02-01..2027-02-05 r1 5d 40h");
  assert_int_equal(count(res, "denials"), 1);
  ASSERT_DENIAL(res, 0, "E1 b r2 0:CAPACITY@2027-02-01");
  const char *notify[] = {"E1"};
  th_assert_strings(th_get(res, "notify"), 1, notify);
  cJSON_Delete(res);
}

/* A Christmas blackout (SPEC section 2: an override with max 0). Default
 * cap 3; Dec 24-26 max 0 for every group. E1 asks Dec 23-27: nobody is off
 * but Dec 24 has cap 0, so CAPACITY 2026-12-24; the alternate Dec 28-31
 * (Mon-Thu, 4 days) is granted. E2 asks Dec 26 only: CAPACITY 2026-12-26,
 * denied; notify E2. */
static void test_hand_blackout(void **state) {
  (void)state;
  const char *doc = HEAD "\"employees\":[" EMP("E1", "2010") "}," EMP(
      "E2", "2012") "}]," PERIOD ",\"capacity\":{\"default\":3,\"overrides\":["
                    "{\"start\":\"2026-12-24\",\"end\":\"2026-12-26\",\"max\":0}]},"
                    "\"requests\":["
                    "{\"employee\":\"E2\",\"choices\":[{\"id\":\"x\",\"options\":["
                    OPT("2026-12-26", "2026-12-26") "]}]},"
                    "{\"employee\":\"E1\",\"choices\":[{\"id\":\"x\",\"options\":["
                    OPT("2026-12-23", "2026-12-27") "," OPT("2026-12-28", "2026-12-31") "]}]}]}";
  cJSON *res = th_solve(doc, SENBID_METHOD_ROUND_ROBIN);
  assert_int_equal(count(res, "grants"), 1);
  ASSERT_GRANT(res, 0, "E1 x 1 2026-12-28..2026-12-31 r1 4d 32h");
  assert_int_equal(count(res, "denials"), 1);
  ASSERT_DENIAL(res, 0, "E2 x r1 0:CAPACITY@2026-12-26");
  cJSON_Delete(res);
}

/* One grant per employee per round: E1's three choices go to rounds 1, 2
 * and 3, E2's single choice in round 1 between them. A denied choice does
 * not end the employee's turn: E2's first choice is denied and its second
 * granted in the same round. notify and employees follow seniority, not
 * the order of requests. */
static void test_rounds_and_order(void **state) {
  (void)state;
  const char *doc = HEAD "\"employees\":[" EMP("E3", "2012") "}," EMP(
      "E1", "2010") "}," EMP("E2", "2011") "}]," PERIOD
      ",\"capacity\":{\"default\":1},\"requests\":["
      "{\"employee\":\"E3\",\"choices\":[{\"id\":\"z\",\"options\":[" OPT("2026-10-05", "2026-10-05") "]}]},"
      "{\"employee\":\"E2\",\"choices\":["
      "{\"id\":\"p\",\"options\":[" OPT("2026-10-05", "2026-10-05") "]},"
      "{\"id\":\"q\",\"options\":[" OPT("2026-10-06", "2026-10-06") "]}]},"
      "{\"employee\":\"E1\",\"choices\":["
      "{\"id\":\"a\",\"options\":[" OPT("2026-10-05", "2026-10-05") "]},"
      "{\"id\":\"b\",\"options\":[" OPT("2026-10-07", "2026-10-07") "]},"
      "{\"id\":\"c\",\"options\":[" OPT("2026-10-08", "2026-10-08") "]}]}]}";
  cJSON *res = th_solve(doc, SENBID_METHOD_ROUND_ROBIN);
  assert_int_equal(count(res, "grants"), 4);
  ASSERT_GRANT(res, 0, "E1 a 0 2026-10-05..2026-10-05 r1 1d 8h");
  ASSERT_GRANT(res, 1, "E2 q 0 2026-10-06..2026-10-06 r1 1d 8h");
  ASSERT_GRANT(res, 2, "E1 b 0 2026-10-07..2026-10-07 r2 1d 8h");
  ASSERT_GRANT(res, 3, "E1 c 0 2026-10-08..2026-10-08 r3 1d 8h");
  ASSERT_DENIAL(res, 0, "E2 p r1 0:CAPACITY@2026-10-05");
  ASSERT_DENIAL(res, 1, "E3 z r1 0:CAPACITY@2026-10-05");
  const char *notify[] = {"E2", "E3"};
  th_assert_strings(th_get(res, "notify"), 2, notify);
  const char *seniority[] = {"E1", "E2", "E3"};
  th_assert_strings(th_get(res, "seniority"), 3, seniority);
  assert_string_equal(th_str(at(res, "employees", 0), "employee"), "E1");
  assert_string_equal(th_str(at(res, "employees", 2), "employee"), "E3");
  cJSON_Delete(res);
}

static void test_conf_balance_maxdays(void **s) { (void)s; conformance_case(RR_DIR, "leave_balance_maxdays", SENBID_METHOD_ROUND_ROBIN); }

static void test_conf_blackout(void **s) { (void)s; conformance_case(RR_DIR, "leave_capacity_override_blackout", SENBID_METHOD_ROUND_ROBIN); }

static void test_conf_holidays(void **s) { (void)s; conformance_case(RR_DIR, "leave_holidays_charged", SENBID_METHOD_ROUND_ROBIN); }

static void test_conf_overlap_outside(void **s) { (void)s; conformance_case(RR_DIR, "leave_overlap_outside", SENBID_METHOD_ROUND_ROBIN); }

static void test_conf_basic(void **s) { (void)s; conformance_case(RR_DIR, "leave_round_robin_basic", SENBID_METHOD_ROUND_ROBIN); }

static void test_conf_tie(void **s) { (void)s; conformance_case(RR_DIR, "leave_tie_alphabetical", SENBID_METHOD_ROUND_ROBIN); }

/* Byte-identical results on every run. */
static void test_deterministic(void **state) {
  (void)state;
  gen g;
  gen_make(&g, 77, true);
  char *doc = gen_json(&g);
  for (int m = 0; m < 2; m++) {
    char *a = th_solve_text(doc, m);
    char *b = th_solve_text(doc, m);
    assert_string_equal(a, b);
    free(a);
    free(b);
  }
  free(doc);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_hand_alternate_granted),
      cmocka_unit_test(test_hand_second_round_loses),
      cmocka_unit_test(test_hand_blackout),
      cmocka_unit_test(test_rounds_and_order),
      cmocka_unit_test(test_conf_balance_maxdays),
      cmocka_unit_test(test_conf_blackout),
      cmocka_unit_test(test_conf_holidays),
      cmocka_unit_test(test_conf_overlap_outside),
      cmocka_unit_test(test_conf_basic),
      cmocka_unit_test(test_conf_tie),
      cmocka_unit_test(test_deterministic),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
