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


/* ------------------------------------------------------------------------ */
/* Conflict factors (SPEC section 2, rules.priority)                        */
/* ------------------------------------------------------------------------ */

/* INS 1995 Art. 14 D(1): the leave to the employee's credit comes first
 * when requests conflict. Preset ins-1995 = [leave_credit, seniority].
 * Cap 1; all three ask Nov 2-3. E1 (most senior) has 40 h, E2 200 h, E3
 * no balance (counts as 0). Round 1's order: E2 (200), E1 (40), E3 (0).
 * E2 is granted; E1 and E3 are denied (CAPACITY Nov 2). The audit's first
 * entry is the round's order, rule INS1995.ART14.D. The result's
 * seniority is still the policy's order (E1, E2, E3). */
static void test_factors_ins_leave_credit(void **state) {
  (void)state;
  const char *doc = HEAD "\"employees\":[" EMP("E1", "2010") ",\"leave_balance_hours\":40},"
      EMP("E2", "2011") ",\"leave_balance_hours\":200}," EMP("E3", "2012") "}]," PERIOD
      ",\"capacity\":{\"default\":1},\"requests\":["
      "{\"employee\":\"E1\",\"choices\":[{\"id\":\"x\",\"options\":[" OPT("2026-11-02", "2026-11-03") "]}]},"
      "{\"employee\":\"E2\",\"choices\":[{\"id\":\"x\",\"options\":[" OPT("2026-11-02", "2026-11-03") "]}]},"
      "{\"employee\":\"E3\",\"choices\":[{\"id\":\"x\",\"options\":[" OPT("2026-11-02", "2026-11-03") "]}]}],"
      "\"rules\":{\"priority\":\"ins-1995\"}}";
  cJSON *res = th_solve(doc, SENBID_METHOD_ROUND_ROBIN);
  ASSERT_GRANT(res, 0, "E2 x 0 2026-11-02..2026-11-03 r1 2d 16h");
  ASSERT_DENIAL(res, 0, "E1 x r1 0:CAPACITY@2026-11-02");
  ASSERT_DENIAL(res, 1, "E3 x r1 0:CAPACITY@2026-11-02");
  const cJSON *a0 = at(res, "audit", 0);
  assert_string_equal(th_str(a0, "event"), "round_order");
  assert_string_equal(th_str(a0, "rule"), "INS1995.ART14.D");
  assert_string_equal(th_str(a0, "detail"), "round 1: E2, E1, E3");
  assert_true(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(a0, "employee")));
  const char *sen[] = {"E1", "E2", "E3"};
  th_assert_strings(th_get(res, "seniority"), 3, sen);
  /* Lexicographic follows the same sequence (no minimums: the same). */
  cJSON *lx = th_solve(doc, SENBID_METHOD_LEXICOGRAPHIC);
  ASSERT_GRANT(lx, 0, "E2 x 0 2026-11-02..2026-11-03 r1 2d 16h");
  cJSON_Delete(lx);
  cJSON_Delete(res);
}

/* ICE 2019 Art. 18 Sec. 2.E, worked in ../shared/conformance-factors and
 * copied here (tests/data/leave_conflict_factors_ice.*): four employees,
 * cap 1, everyone asks the Christmas week, then a March week. Round 1's
 * order is E2 (use-or-lose hours, E.1), E3 (school-age children and the
 * week lies in the school break, E.2), E4 (denied in the previous period,
 * E.3), E1 (the most senior, no factor). E2 gets Christmas; E3 is denied
 * Christmas and gets March in the same round; E4 and E1 are denied both;
 * round 2 has only E2, whose March choice is denied (E3 holds it). The
 * whole result, audit included, must match. */
static void test_factors_ice_hand_worked(void **state) {
  (void)state;
  conformance_case(TEST_DATA_DIR, "leave_conflict_factors_ice",
                   SENBID_METHOD_ROUND_ROBIN);
}

/* The same case from ../shared when it is there (skipped otherwise). */
static void test_conf_factors_ice(void **state) {
  (void)state;
  conformance_case(SHARED_DIR "/conformance-factors", "leave_conflict_factors_ice",
                   SENBID_METHOD_ROUND_ROBIN);
}

/* Each round's order is fixed when the round starts, from each employee's
 * first pending choice (SPEC section 2): school_children looks at that
 * choice. Cap 1 on Dec 21 and Mar 8 alike. E2 (junior, school-age
 * children) asks first Dec 21 (in the school break) and then Mar 8; E1
 * asks Oct 5 and then Mar 8. Round 1: E2 first (Dec 21 in the break) gets
 * Dec 21; E1 gets Oct 5. Round 2: E2's pending choice (Mar 8) is not in a
 * break, so seniority decides: E1 gets Mar 8, E2 is denied. The audit
 * records "round 1: E2, E1" and "round 2: E1, E2". */
static void test_factors_school_round_by_round(void **state) {
  (void)state;
  const char *doc = HEAD "\"employees\":[" EMP("E1", "2010") "},"
      EMP("E2", "2011") ",\"school_age_children\":true}]," PERIOD
      ",\"capacity\":{\"default\":1},"
      "\"school_breaks\":[{\"start\":\"2026-12-19\",\"end\":\"2027-01-03\"}],\"requests\":["
      "{\"employee\":\"E1\",\"choices\":[{\"id\":\"a\",\"options\":[" OPT("2026-10-05", "2026-10-05") "]},"
      "{\"id\":\"b\",\"options\":[" OPT("2027-03-08", "2027-03-08") "]}]},"
      "{\"employee\":\"E2\",\"choices\":[{\"id\":\"a\",\"options\":[" OPT("2026-12-21", "2026-12-21") "]},"
      "{\"id\":\"b\",\"options\":[" OPT("2027-03-08", "2027-03-08") "]}]}],"
      "\"rules\":{\"priority\":[\"school_children\"]}}";
  cJSON *res = th_solve(doc, SENBID_METHOD_ROUND_ROBIN);
  ASSERT_GRANT(res, 0, "E2 a 0 2026-12-21..2026-12-21 r1 1d 8h");
  ASSERT_GRANT(res, 1, "E1 a 0 2026-10-05..2026-10-05 r1 1d 8h");
  ASSERT_GRANT(res, 2, "E1 b 0 2027-03-08..2027-03-08 r2 1d 8h");
  ASSERT_DENIAL(res, 0, "E2 b r2 0:CAPACITY@2027-03-08");
  assert_string_equal(th_str(at(res, "audit", 0), "detail"), "round 1: E2, E1");
  assert_string_equal(th_str(at(res, "audit", 0), "rule"), "ICE2019.ART18.SEC2.E");
  assert_string_equal(th_str(at(res, "audit", 3), "event"), "round_order");
  assert_string_equal(th_str(at(res, "audit", 3), "detail"), "round 2: E1, E2");
  cJSON_Delete(res);
}

/* Without rules.priority, or with ["seniority"] alone, the order is the
 * NBPC one (Art. 14 C.2) and the result is byte for byte the same, with no
 * round_order entries. */
static void test_factors_seniority_alone(void **state) {
  (void)state;
#define FDOC(rules) HEAD "\"employees\":[" EMP("E1", "2010") "}," EMP("E2", "2011") \
      ",\"use_or_lose_hours\":8}]," PERIOD ",\"capacity\":{\"default\":1},\"requests\":[" \
      "{\"employee\":\"E1\",\"choices\":[{\"id\":\"x\",\"options\":[" OPT("2026-11-02", "2026-11-03") "]}]}," \
      "{\"employee\":\"E2\",\"choices\":[{\"id\":\"x\",\"options\":[" OPT("2026-11-02", "2026-11-03") "]}]}]" rules "}"
  char *a = th_solve_text(FDOC(""), SENBID_METHOD_ROUND_ROBIN);
  char *b = th_solve_text(FDOC(",\"rules\":{\"priority\":[\"seniority\"]}"), SENBID_METHOD_ROUND_ROBIN);
  assert_string_equal(a, b);
  assert_null(strstr(a, "round_order"));
  assert_non_null(strstr(a, "\"employee\": \"E1\",\n      \"choice\": \"x\",\n      \"option\": 0"));
  /* use_or_lose first: E2 is granted. */
  char *c = th_solve_text(FDOC(",\"rules\":{\"priority\":[\"use_or_lose\"]}"), SENBID_METHOD_ROUND_ROBIN);
  cJSON *rc = cJSON_Parse(c);
  ASSERT_GRANT(rc, 0, "E2 x 0 2026-11-02..2026-11-03 r1 2d 16h");
  cJSON_Delete(rc);
  free(a);
  free(b);
  free(c);
#undef FDOC
}

/* ICE 2019 Art. 18 Sec. 2.E.3 alone: a request denied in an earlier leave
 * year weighs in the employee's favour. priority ["previous_denial"]
 * (then seniority). Cap 1; E1 (senior) and E2 (junior, denied the
 * previous period) both ask the Christmas week Dec 21-24. Round 1's
 * order: E2, E1. E2 is granted Dec 21-24 (Mon-Thu, 4 days, 32 h); E1 is
 * denied, full on Dec 21. Without the factor E1 would have it (seniority,
 * NBPC 2019 Art. 14 C.2). */
static void test_factors_previous_denial_alone(void **state) {
  (void)state;
#define PDOC(rules) HEAD "\"employees\":[" EMP("E1", "2010") "}," EMP("E2", "2012") \
      ",\"denied_previous_period\":true}]," PERIOD ",\"capacity\":{\"default\":1},\"requests\":[" \
      "{\"employee\":\"E1\",\"choices\":[{\"id\":\"xmas\",\"options\":[" OPT("2026-12-21", "2026-12-24") "]}]}," \
      "{\"employee\":\"E2\",\"choices\":[{\"id\":\"xmas\",\"options\":[" OPT("2026-12-21", "2026-12-24") "]}]}]" rules "}"
  cJSON *res = th_solve(PDOC(",\"rules\":{\"priority\":[\"previous_denial\"]}"), SENBID_METHOD_ROUND_ROBIN);
  assert_int_equal(count(res, "grants"), 1);
  ASSERT_GRANT(res, 0, "E2 xmas 0 2026-12-21..2026-12-24 r1 4d 32h");
  ASSERT_DENIAL(res, 0, "E1 xmas r1 0:CAPACITY@2026-12-21");
  assert_string_equal(th_str(at(res, "audit", 0), "event"), "round_order");
  assert_string_equal(th_str(at(res, "audit", 0), "rule"), "ICE2019.ART18.SEC2.E");
  assert_string_equal(th_str(at(res, "audit", 0), "detail"), "round 1: E2, E1");
  cJSON_Delete(res);
  res = th_solve(PDOC(""), SENBID_METHOD_ROUND_ROBIN);
  ASSERT_GRANT(res, 0, "E1 xmas 0 2026-12-21..2026-12-24 r1 4d 32h");
  cJSON_Delete(res);
#undef PDOC
}

/* INS 1995 Art. 14 D(1) as a list, ["leave_credit"], and equal factors
 * falling back to seniority (D(2)). Cap 1; all three ask Nov 2-3. E1
 * (most senior) has 80 h to credit, E2 and E3 120 h each. Round 1's
 * order: E2, E3 (equal credit: E2 is senior), E1. E2 is granted; E3 and
 * E1 are denied, full on Nov 2. */
static void test_factors_leave_credit_list_ties(void **state) {
  (void)state;
  const char *doc = HEAD "\"employees\":[" EMP("E1", "2010") ",\"leave_balance_hours\":80},"
      EMP("E2", "2011") ",\"leave_balance_hours\":120}," EMP("E3", "2012") ",\"leave_balance_hours\":120}]," PERIOD
      ",\"capacity\":{\"default\":1},\"requests\":["
      "{\"employee\":\"E1\",\"choices\":[{\"id\":\"x\",\"options\":[" OPT("2026-11-02", "2026-11-03") "]}]},"
      "{\"employee\":\"E3\",\"choices\":[{\"id\":\"x\",\"options\":[" OPT("2026-11-02", "2026-11-03") "]}]},"
      "{\"employee\":\"E2\",\"choices\":[{\"id\":\"x\",\"options\":[" OPT("2026-11-02", "2026-11-03") "]}]}],"
      "\"rules\":{\"priority\":[\"leave_credit\"]}}";
  cJSON *res = th_solve(doc, SENBID_METHOD_ROUND_ROBIN);
  ASSERT_GRANT(res, 0, "E2 x 0 2026-11-02..2026-11-03 r1 2d 16h");
  ASSERT_DENIAL(res, 0, "E3 x r1 0:CAPACITY@2026-11-02");
  ASSERT_DENIAL(res, 1, "E1 x r1 0:CAPACITY@2026-11-02");
  /* A list names no preset: the rule is ICE's (SPEC section 2). */
  assert_string_equal(th_str(at(res, "audit", 0), "rule"), "ICE2019.ART18.SEC2.E");
  assert_string_equal(th_str(at(res, "audit", 0), "detail"), "round 1: E2, E3, E1");
  cJSON_Delete(res);
}

/* ICE 2019 Art. 18 Sec. 2.E: "unresolved conflicts will be settled by use
 * of seniority", then the toss of a coin (the ice-2019 policy's lottery,
 * SPEC section 1). Preset ice-2019, seed 3, cap 1; everyone asks Dec
 * 21-23. E3 (SCD 2005) is the most senior but has no factor; E1 and E2
 * both have use-or-lose hours (E.1) and the same SCD (2010-06-01), so
 * seniority leaves them tied and the toss decides. By hand:
 *   fnv1a64("E1") = 0x08fafb07b595b0e3, XOR 3 = 0x08fafb07b595b0e0,
 *     splitmix64 = 0x862f9ce72e6dc6db
 *   fnv1a64("E2") = 0x08fafc07b595b296, XOR 3 = 0x08fafc07b595b295,
 *     splitmix64 = 0x21f2ab8ba0ad240c
 * E2's key is smaller: E2 comes first. Round 1's order: E2, E1, E3. E2 is
 * granted Dec 21-23 (3 days, 24 h); E1 and E3 are denied, full on Dec 21.
 * The result's ties record the toss and its seed. */
static void test_factors_tie_seniority_then_coin(void **state) {
  (void)state;
#define ICE_EMP(id, scd) "{\"id\":\"" id "\",\"name\":{\"last\":\"" id "\"},\"service\":{\"scd\":\"" scd "\"}"
  const char *doc = "{\"senbid\":1,\"kind\":\"leave\",\"as_of\":\"2026-07-15\","
      "\"seniority\":{\"policy\":\"ice-2019\",\"seed\":3},\"employees\":["
      ICE_EMP("E1", "2010-06-01") ",\"use_or_lose_hours\":40},"
      ICE_EMP("E2", "2010-06-01") ",\"use_or_lose_hours\":16},"
      ICE_EMP("E3", "2005-06-01") "}]," PERIOD ",\"capacity\":{\"default\":1},\"requests\":["
      "{\"employee\":\"E1\",\"choices\":[{\"id\":\"x\",\"options\":[" OPT("2026-12-21", "2026-12-23") "]}]},"
      "{\"employee\":\"E2\",\"choices\":[{\"id\":\"x\",\"options\":[" OPT("2026-12-21", "2026-12-23") "]}]},"
      "{\"employee\":\"E3\",\"choices\":[{\"id\":\"x\",\"options\":[" OPT("2026-12-21", "2026-12-23") "]}]}],"
      "\"rules\":{\"priority\":\"ice-2019\"}}";
#undef ICE_EMP
  cJSON *res = th_solve(doc, SENBID_METHOD_ROUND_ROBIN);
  const char *sen[] = {"E3", "E2", "E1"};
  th_assert_strings(th_get(res, "seniority"), 3, sen);
  const cJSON *tie = at(res, "ties", 0);
  assert_string_equal(th_str(tie, "broken_by"), "lottery");
  assert_int_equal((int)th_num(tie, "seed"), 3);
  const char *tied[] = {"E2", "E1"};
  th_assert_strings(th_get(tie, "employees"), 2, tied);
  assert_string_equal(th_str(at(res, "audit", 0), "detail"), "round 1: E2, E1, E3");
  ASSERT_GRANT(res, 0, "E2 x 0 2026-12-21..2026-12-23 r1 3d 24h");
  ASSERT_DENIAL(res, 0, "E1 x r1 0:CAPACITY@2026-12-21");
  ASSERT_DENIAL(res, 1, "E3 x r1 0:CAPACITY@2026-12-21");
  cJSON_Delete(res);
}

/* A choice with no options never counts as falling in a school break
 * (SPEC section 2; ICE 2019 Art. 18 Sec. 2.E.2). The break covers Dec
 * 19 - Jan 3; cap 1. E2 (junior, school-age children) lists first a
 * choice with no options, then Dec 21. E1 (senior) asks Dec 21. Round
 * 1's order is fixed from each first pending choice: E2's has no option,
 * so no break, and seniority orders E1, E2. E1 is granted Dec 21; E2's
 * empty choice is denied with options [] and its Dec 21 choice, full. */
static void test_factors_choice_without_options(void **state) {
  (void)state;
  const char *doc = HEAD "\"employees\":[" EMP("E1", "2010") "},"
      EMP("E2", "2012") ",\"school_age_children\":true}]," PERIOD
      ",\"capacity\":{\"default\":1},"
      "\"school_breaks\":[{\"start\":\"2026-12-19\",\"end\":\"2027-01-03\"}],\"requests\":["
      "{\"employee\":\"E1\",\"choices\":[{\"id\":\"a\",\"options\":[" OPT("2026-12-21", "2026-12-21") "]}]},"
      "{\"employee\":\"E2\",\"choices\":[{\"id\":\"none\",\"options\":[]},"
      "{\"id\":\"a\",\"options\":[" OPT("2026-12-21", "2026-12-21") "]}]}],"
      "\"rules\":{\"priority\":\"ice-2019\"}}";
  cJSON *res = th_solve(doc, SENBID_METHOD_ROUND_ROBIN);
  assert_string_equal(th_str(at(res, "audit", 0), "detail"), "round 1: E1, E2");
  ASSERT_GRANT(res, 0, "E1 a 0 2026-12-21..2026-12-21 r1 1d 8h");
  ASSERT_DENIAL(res, 0, "E2 none r1");
  assert_int_equal(cJSON_GetArraySize(th_get(at(res, "denials", 0), "options")), 0);
  ASSERT_DENIAL(res, 1, "E2 a r1 0:CAPACITY@2026-12-21");
  cJSON_Delete(res);
}

/* senbid_explain of a result of doc (solved with method). */
static cJSON *explain(const char *doc, int method) {
  senbid_problem *p = th_parse_ok(doc);
  char *res = th_solve_text(doc, method);
  senbid_result *r = NULL;
  assert_int_equal(senbid_explain(&r, p, res, strlen(res), NULL), SENBID_OK);
  cJSON *x = cJSON_Parse(senbid_result_json(r, NULL));
  assert_non_null(x);
  senbid_result_free(r);
  free(res);
  senbid_problem_free(p);
  return x;
}

/* The factor that ordered each contested decision (ICE 2019 Art. 18 Sec.
 * 2.E), on the hand-worked ICE case (tests/data): round 1's order is E2,
 * E3, E4, E1. E1 (most senior) is denied Christmas, held by the junior E2
 * who came first for use-or-lose hours (E.1), and March, held by the
 * junior E3 who came first for school-age children: E3's key is fixed
 * from its first pending choice at the round's start (Christmas, in the
 * break), not from the March week it was granted (E.2). E3's and E4's
 * denials went to employees senior to them (seniority alone would do the
 * same) and E2's March in round 2 to a grant of round 1: not contested. */
static void test_explain_contested(void **state) {
  (void)state;
  char *pp = th_fmt("%s/leave_conflict_factors_ice.problem.json", TEST_DATA_DIR);
  char *doc = th_read_file(pp, NULL);
  for (int m = 0; m < 2; m++) {
    cJSON *x = explain(doc, m);
    const char *pri[] = {"use_or_lose", "school_children", "previous_denial", "seniority"};
    th_assert_strings(th_get(x, "priority"), 4, pri);
    assert_int_equal(count(x, "contested"), 2);
    const cJSON *a = at(x, "contested", 0), *b = at(x, "contested", 1);
    assert_string_equal(th_str(a, "employee"), "E1");
    assert_string_equal(th_str(a, "choice"), "xmas");
    assert_string_equal(th_str(a, "outcome"), "denied");
    assert_string_equal(th_str(a, "date"), "2026-12-21");
    assert_string_equal(th_str(a, "before"), "E2");
    assert_string_equal(th_str(a, "factor"), "use_or_lose");
    assert_string_equal(th_str(a, "rule"), "ICE2019.ART18.SEC2.E.1");
    assert_string_equal(th_str(a, "detail"),
                        "E2 came before E1 in round 1: use-or-lose hours (ICE 2019 Art. 18 Sec. 2.E.1)");
    assert_string_equal(th_str(b, "choice"), "spring");
    assert_string_equal(th_str(b, "before"), "E3");
    assert_string_equal(th_str(b, "granted"), "spring");
    assert_string_equal(th_str(b, "factor"), "school_children");
    assert_string_equal(th_str(b, "rule"), "ICE2019.ART18.SEC2.E.2");
    cJSON_Delete(x);
  }
  free(doc);
  free(pp);
}

/* An alternate granted because a junior came first (INS 1995 Art. 14
 * D(1), more leave to credit), and no explanation without a factor. Cap
 * 1; E1 (senior, 40 h) asks Nov 2-3, alternate Nov 9-10; E2 (200 h) asks
 * Nov 2-3. ins-1995: E2 first, E1 gets the alternate. */
static void test_explain_alternate(void **state) {
  (void)state;
#define XDOC(rules) HEAD "\"employees\":[" EMP("E1", "2010") ",\"leave_balance_hours\":40}," \
      EMP("E2", "2011") ",\"leave_balance_hours\":200}]," PERIOD ",\"capacity\":{\"default\":1},\"requests\":[" \
      "{\"employee\":\"E1\",\"choices\":[{\"id\":\"x\",\"options\":[" OPT("2026-11-02", "2026-11-03") "," \
      OPT("2026-11-09", "2026-11-10") "]}]}," \
      "{\"employee\":\"E2\",\"choices\":[{\"id\":\"x\",\"options\":[" OPT("2026-11-02", "2026-11-03") "]}]}]" rules "}"
  cJSON *x = explain(XDOC(",\"rules\":{\"priority\":\"ins-1995\"}"), SENBID_METHOD_ROUND_ROBIN);
  assert_int_equal(count(x, "contested"), 1);
  const cJSON *a = at(x, "contested", 0);
  assert_string_equal(th_str(a, "outcome"), "alternate");
  assert_int_equal((int)th_num(a, "option"), 1);
  assert_string_equal(th_str(a, "date"), "2026-11-02");
  assert_string_equal(th_str(a, "rule"), "INS1995.ART14.D.1");
  assert_string_equal(th_str(a, "detail"),
                      "E2 came before E1 in round 1: more leave to credit (INS 1995 Art. 14 D(1))");
  cJSON_Delete(x);
  x = explain(XDOC(""), SENBID_METHOD_ROUND_ROBIN);
  assert_int_equal(count(x, "contested"), 0);
  const char *sen[] = {"seniority"};
  th_assert_strings(th_get(x, "priority"), 1, sen);
  cJSON_Delete(x);
#undef XDOC
  /* Another kind: not available. A result of another kind: VALUE. */
  senbid_problem *p = th_parse_ok(HEAD "\"employees\":[" EMP("E1", "2010") "}]," PERIOD "}");
  senbid_result *r = NULL;
  senbid_error *err = NULL;
  const char *other = "{\"kind\":\"aws\",\"method\":\"round_robin\"}";
  assert_int_equal(senbid_explain(&r, p, other, strlen(other), &err), SENBID_E_VALUE);
  assert_string_equal(senbid_error_path(err), "$.kind");
  senbid_error_free(err);
  senbid_problem_free(p);
}

/* ------------------------------------------------------------------------ */
/* The decision sequence one turn at a time (rules.c; SPEC section 10)      */
/* ------------------------------------------------------------------------ */

static void ctx_open(sb_ctx *ctx, sb_err *e, const senbid_problem *p) {
  memset(ctx, 0, sizeof *ctx);
  memset(e, 0, sizeof *e);
  ctx->p = p;
  ctx->method = SENBID_METHOD_ROUND_ROBIN;
  ctx->err = e;
  ctx->t0 = sb_now();
  sb_arena_init(&ctx->scratch, &p->alloc);
}

/* Driving the turns by hand as a session's proxy does (each turn: the
 * stored choices until one is granted) makes the same records as the
 * solve; a live bid and a pass take their turn's place (NBPC 2019 Art. 14
 * C.2-C.3: cap 1; E1 asks a: Nov 2, b: Nov 9; E2 asks a: Nov 2). */
static void test_turn_api(void **state) {
  (void)state;
  const char *doc = HEAD "\"employees\":[" EMP("E1", "2010") "}," EMP("E2", "2011") "}]," PERIOD
      ",\"capacity\":{\"default\":1},\"requests\":["
      "{\"employee\":\"E1\",\"choices\":[{\"id\":\"a\",\"options\":[" OPT("2026-11-02", "2026-11-02") "]},"
      "{\"id\":\"b\",\"options\":[" OPT("2026-11-09", "2026-11-09") "]}]},"
      "{\"employee\":\"E2\",\"choices\":[{\"id\":\"a\",\"options\":[" OPT("2026-11-02", "2026-11-02") "]}]}]}";
  senbid_problem *p = th_parse_ok(doc);
  sb_ctx ctx;
  sb_err e;
  ctx_open(&ctx, &e, p);
  lv_state ref, s;
  bool feasible;
  assert_int_equal(lv_replay(&ctx, &ref, &feasible), SENBID_OK);
  assert_int_equal(lv_state_init(&s, &ctx), SENBID_OK);
  assert_int_equal(lv_seq_init(&s), SENBID_OK);
  lv_turn t;
  int turns = 0;
  while (lv_turn_next(&s, &t) > 0) {
    turns++;
    int64_t c;
    while ((c = lv_pending_choice(&s, &t)) >= 0)
      if (lv_decide_choice(&s, NULL, &t, (uint32_t)c) == 1) break;
    lv_turn_end(&s, &t, false);
  }
  /* Round 1: E1, E2; round 2: E1. */
  assert_int_equal(turns, 3);
  assert_int_equal(s.grants.len, ref.grants.len);
  assert_int_equal(s.denials.len, ref.denials.len);
  assert_memory_equal(s.grants.data, ref.grants.data, s.grants.len * sizeof(lv_grant));
  assert_memory_equal(s.events.data, ref.events.data, s.events.len);
  lv_state_free(&s);
  lv_state_free(&ref);

  /* E1 bids live for Nov 3 (granted, the turn ends); E2 passes (its
   * stored choice is dropped); round 2: E1's stored a (Nov 2) is next. */
  assert_int_equal(lv_state_init(&s, &ctx), SENBID_OK);
  assert_int_equal(lv_seq_init(&s), SENBID_OK);
  sb_range live_opt = {sb_date_from_ymd(2026, 11, 3), sb_date_from_ymd(2026, 11, 3)};
  lv_choice live = {"live", 0, 1, 0};
  assert_int_equal(lv_turn_next(&s, &t), 1);
  assert_string_equal(t.a.eid, "E1");
  assert_int_equal(t.position, 1);
  assert_int_equal(lv_decide_live(&s, &t, &live, &live_opt), 1);
  lv_turn_end(&s, &t, false);
  assert_int_equal(lv_turn_next(&s, &t), 1);
  assert_string_equal(t.a.eid, "E2");
  lv_turn_end(&s, &t, true);
  assert_int_equal(lv_turn_next(&s, &t), 1);
  assert_string_equal(t.a.eid, "E1");
  assert_int_equal(t.round, 2);
  assert_int_equal(lv_decide_choice(&s, NULL, &t, (uint32_t)lv_pending_choice(&s, &t)), 1);
  lv_turn_end(&s, &t, false);
  assert_int_equal(lv_turn_next(&s, &t), 1); /* round 3: E1's b */
  assert_int_equal(t.round, 3);
  assert_int_equal(lv_decide_choice(&s, NULL, &t, (uint32_t)lv_pending_choice(&s, &t)), 1);
  lv_turn_end(&s, &t, false);
  assert_int_equal(lv_turn_next(&s, &t), 0);
  assert_int_equal(s.grants.len, 3);
  assert_string_equal(SB_VEC_AT(&s.grants, lv_grant, 0).cid, "live");
  assert_int_equal(SB_VEC_AT(&s.grants, lv_grant, 0).choice, UINT32_MAX);
  assert_int_equal(s.denials.len, 0);
  lv_state_free(&s);
  sb_arena_free(&ctx.scratch);
  senbid_problem_free(p);
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
      cmocka_unit_test(test_factors_ins_leave_credit),
      cmocka_unit_test(test_factors_ice_hand_worked),
      cmocka_unit_test(test_conf_factors_ice),
      cmocka_unit_test(test_factors_school_round_by_round),
      cmocka_unit_test(test_factors_seniority_alone),
      cmocka_unit_test(test_factors_previous_denial_alone),
      cmocka_unit_test(test_factors_leave_credit_list_ties),
      cmocka_unit_test(test_factors_tie_seniority_then_coin),
      cmocka_unit_test(test_factors_choice_without_options),
      cmocka_unit_test(test_explain_contested),
      cmocka_unit_test(test_explain_alternate),
      cmocka_unit_test(test_turn_api),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
