/*
 * Leave: the rules one by one (SPEC section 2): each fit test and its
 * reason code, cap(g, d), off(g, d), charged days.
 */
#include "leave_test.h"

/* Test 1 OUTSIDE_PERIOD: wholly inside the period, both ends. It comes
 * before OVERLAP and CAPACITY (order of the tests). */
static void test_reason_outside_period(void **state) {
  (void)state;
  const char *doc = HEAD "\"employees\":[" EMP("E1", "2010") "}]," PERIOD
      ",\"capacity\":{\"default\":0},\"approved\":[{\"employee\":\"E1\","
      "\"start\":\"2027-03-30\",\"end\":\"2027-04-02\"}],\"requests\":["
      "{\"employee\":\"E1\",\"choices\":[{\"id\":\"x\",\"options\":["
      OPT("2027-03-30", "2027-04-01") "," OPT("2026-09-30", "2026-10-01") "]}]}]}";
  cJSON *res = th_solve(doc, SENBID_METHOD_ROUND_ROBIN);
  ASSERT_DENIAL(res, 0, "E1 x r1 0:OUTSIDE_PERIOD,1:OUTSIDE_PERIOD");
  cJSON_Delete(res);
}

/* Test 2 OVERLAP: with approved leave and with this run's own grants;
 * it comes before CAPACITY (cap 0 on the overlapping day would also fail). */
static void test_reason_overlap(void **state) {
  (void)state;
  const char *doc = HEAD "\"employees\":[" EMP("E1", "2010") "}]," PERIOD
      ",\"capacity\":{\"default\":2},\"approved\":[{\"employee\":\"E1\","
      "\"start\":\"2026-11-10\",\"end\":\"2026-11-12\"}],\"requests\":["
      "{\"employee\":\"E1\",\"choices\":["
      "{\"id\":\"a\",\"options\":[" OPT("2026-11-12", "2026-11-13") ","
      OPT("2026-11-16", "2026-11-20") "]},"
      "{\"id\":\"b\",\"options\":[" OPT("2026-11-20", "2026-11-23") "]}]}]}";
  cJSON *res = th_solve(doc, SENBID_METHOD_ROUND_ROBIN);
  ASSERT_GRANT(res, 0, "E1 a 1 2026-11-16..2026-11-20 r1 5d 40h");
  ASSERT_DENIAL(res, 0, "E1 b r2 0:OVERLAP");
  cJSON_Delete(res);
}

/* Test 3 CAPACITY names the first full day; off(g, d) counts distinct
 * employees (SPEC section 9): E1's two overlapping approved ranges count
 * once on Nov 3-4, so with cap 2 E2 still fits there, and E3 then finds
 * Nov 3 full. */
static void test_reason_capacity_distinct(void **state) {
  (void)state;
  const char *doc = HEAD "\"employees\":[" EMP("E1", "2010") "}," EMP(
      "E2", "2011") "}," EMP("E3", "2012") "}]," PERIOD
      ",\"capacity\":{\"default\":2},\"approved\":["
      "{\"employee\":\"E1\",\"start\":\"2026-11-02\",\"end\":\"2026-11-04\"},"
      "{\"employee\":\"E1\",\"start\":\"2026-11-03\",\"end\":\"2026-11-05\"}],"
      "\"requests\":["
      "{\"employee\":\"E2\",\"choices\":[{\"id\":\"a\",\"options\":["
      OPT("2026-11-03", "2026-11-04") "]}]},"
      "{\"employee\":\"E3\",\"choices\":[{\"id\":\"a\",\"options\":["
      OPT("2026-11-01", "2026-11-04") "]}]}]}";
  cJSON *res = th_solve(doc, SENBID_METHOD_ROUND_ROBIN);
  ASSERT_GRANT(res, 0, "E2 a 0 2026-11-03..2026-11-04 r1 2d 16h");
  ASSERT_DENIAL(res, 0, "E3 a r1 0:CAPACITY@2026-11-03");
  /* Approved leave is audited first and stands (C.6). */
  assert_string_equal(th_str(at(res, "audit", 0), "event"), "approved");
  assert_string_equal(th_str(at(res, "audit", 0), "rule"), "NBPC2019.ART14.C6");
  cJSON_Delete(res);
}

/* Test 4 BALANCE: charged hours against the balance left after this run's
 * grants; approved leave does not reduce it (SPEC section 9). Balance 16:
 * Tue-Thu (24 h) fails; Sat-Sun charges 0 h and fits; Mon-Tue 16 h fits;
 * then 0 h left. */
static void test_reason_balance(void **state) {
  (void)state;
  const char *doc = HEAD "\"employees\":[" EMP("E1", "2010")
      ",\"leave_balance_hours\":16}]," PERIOD
      ",\"approved\":[{\"employee\":\"E1\",\"start\":\"2026-10-05\","
      "\"end\":\"2026-10-09\"}],\"requests\":["
      "{\"employee\":\"E1\",\"choices\":["
      "{\"id\":\"a\",\"options\":[" OPT("2026-11-03", "2026-11-05") ","
      OPT("2026-11-07", "2026-11-08") "]},"
      "{\"id\":\"b\",\"options\":[" OPT("2026-11-16", "2026-11-17") "]},"
      "{\"id\":\"c\",\"options\":[" OPT("2026-11-18", "2026-11-18") "]}]}]}";
  cJSON *res = th_solve(doc, SENBID_METHOD_ROUND_ROBIN);
  ASSERT_GRANT(res, 0, "E1 a 1 2026-11-07..2026-11-08 r1 0d 0h");
  ASSERT_GRANT(res, 1, "E1 b 0 2026-11-16..2026-11-17 r2 2d 16h");
  ASSERT_DENIAL(res, 0, "E1 c r3 0:BALANCE");
  const cJSON *e = at(res, "employees", 0);
  assert_int_equal((int)th_num(e, "granted_days"), 4);
  assert_int_equal((int)th_num(e, "charged_hours"), 16);
  assert_int_equal((int)th_num(e, "balance_left_hours"), 0);
  cJSON_Delete(res);
}

/* Test 5 MAX_DAYS counts calendar days granted in this run (weekends too).
 * Max 5: Nov 2-6 (5 days) is granted; then a 1-day option exceeds. */
static void test_reason_max_days(void **state) {
  (void)state;
  const char *doc = HEAD "\"employees\":[" EMP("E1", "2010") "}]," PERIOD
      ",\"rules\":{\"max_days_per_employee\":5},\"requests\":["
      "{\"employee\":\"E1\",\"choices\":["
      "{\"id\":\"a\",\"options\":[" OPT("2026-10-31", "2026-11-06") ","
      OPT("2026-11-02", "2026-11-06") "]},"
      "{\"id\":\"b\",\"options\":[" OPT("2026-12-01", "2026-12-01") "]}]}]}";
  cJSON *res = th_solve(doc, SENBID_METHOD_ROUND_ROBIN);
  ASSERT_GRANT(res, 0, "E1 a 1 2026-11-02..2026-11-06 r1 5d 40h");
  ASSERT_DENIAL(res, 0, "E1 b r2 0:MAX_DAYS");
  cJSON_Delete(res);
}

/* SPEC section 9: a choice with no options is denied with options []. */
static void test_choice_without_options(void **state) {
  (void)state;
  const char *doc = HEAD "\"employees\":[" EMP("E1", "2010") "}]," PERIOD
      ",\"requests\":[{\"employee\":\"E1\",\"choices\":["
      "{\"id\":\"a\",\"options\":[]}]}]}";
  cJSON *res = th_solve(doc, SENBID_METHOD_ROUND_ROBIN);
  ASSERT_DENIAL(res, 0, "E1 a r1");
  assert_int_equal(cJSON_GetArraySize(th_get(at(res, "denials", 0), "options")), 0);
  const char *notify[] = {"E1"};
  th_assert_strings(th_get(res, "notify"), 1, notify);
  cJSON_Delete(res);
}

/* Without any capacity every day is unlimited (SPEC section 9). */
static void test_capacity_unlimited(void **state) {
  (void)state;
  const char *doc = HEAD "\"employees\":[" EMP("E1", "2010") "}," EMP(
      "E2", "2011") "}," EMP("E3", "2012") "}]," PERIOD ",\"requests\":["
      "{\"employee\":\"E1\",\"choices\":[{\"id\":\"a\",\"options\":[" OPT("2026-12-21", "2026-12-31") "]}]},"
      "{\"employee\":\"E2\",\"choices\":[{\"id\":\"a\",\"options\":[" OPT("2026-12-21", "2026-12-31") "]}]},"
      "{\"employee\":\"E3\",\"choices\":[{\"id\":\"a\",\"options\":[" OPT("2026-12-21", "2026-12-31") "]}]}]}";
  cJSON *res = th_solve(doc, SENBID_METHOD_ROUND_ROBIN);
  assert_int_equal(count(res, "grants"), 3);
  cJSON_Delete(res);
}

/* cap(g, d): the smallest override for g or for every group wins, even over
 * a smaller group capacity (an override may raise it); groups[g] beats
 * default. Group A: groups 1, override for A on Nov 2-3 max 2: E1 and E2
 * (both A) both get Nov 2-3; E3 (A) is then full on Nov 2. On Nov 9 the A
 * cap is 1: E4 (A) gets it, E5 (A) is full. Group B uses default 3. */
static void test_capacity_groups_overrides(void **state) {
  (void)state;
  const char *doc = HEAD "\"employees\":["
      EMP("E1", "2010") ",\"group\":\"A\"}," EMP("E2", "2011") ",\"group\":\"A\"},"
      EMP("E3", "2012") ",\"group\":\"A\"}," EMP("E4", "2013") ",\"group\":\"A\"},"
      EMP("E5", "2014") ",\"group\":\"A\"}," EMP("E6", "2015") ",\"group\":\"B\"},"
      EMP("E7", "2016") ",\"group\":\"B\"}]," PERIOD
      ",\"capacity\":{\"default\":3,\"groups\":{\"A\":1,\"Nobody\":5},\"overrides\":["
      "{\"start\":\"2026-11-02\",\"end\":\"2026-11-03\",\"max\":2,\"group\":\"A\"},"
      "{\"start\":\"2026-11-02\",\"end\":\"2026-11-02\",\"max\":0,\"group\":\"Nobody\"}]},"
      "\"requests\":["
      "{\"employee\":\"E1\",\"choices\":[{\"id\":\"a\",\"options\":[" OPT("2026-11-02", "2026-11-03") "]}]},"
      "{\"employee\":\"E2\",\"choices\":[{\"id\":\"a\",\"options\":[" OPT("2026-11-02", "2026-11-03") "]}]},"
      "{\"employee\":\"E3\",\"choices\":[{\"id\":\"a\",\"options\":[" OPT("2026-11-02", "2026-11-03") "]}]},"
      "{\"employee\":\"E4\",\"choices\":[{\"id\":\"a\",\"options\":[" OPT("2026-11-09", "2026-11-09") "]}]},"
      "{\"employee\":\"E5\",\"choices\":[{\"id\":\"a\",\"options\":[" OPT("2026-11-09", "2026-11-09") "]}]},"
      "{\"employee\":\"E6\",\"choices\":[{\"id\":\"a\",\"options\":[" OPT("2026-11-02", "2026-11-09") "]}]},"
      "{\"employee\":\"E7\",\"choices\":[{\"id\":\"a\",\"options\":[" OPT("2026-11-02", "2026-11-09") "]}]}]}";
  cJSON *res = th_solve(doc, SENBID_METHOD_ROUND_ROBIN);
  assert_int_equal(count(res, "grants"), 5);
  ASSERT_GRANT(res, 0, "E1 a 0 2026-11-02..2026-11-03 r1 2d 16h");
  ASSERT_GRANT(res, 1, "E2 a 0 2026-11-02..2026-11-03 r1 2d 16h");
  ASSERT_GRANT(res, 2, "E4 a 0 2026-11-09..2026-11-09 r1 1d 8h");
  ASSERT_GRANT(res, 3, "E6 a 0 2026-11-02..2026-11-09 r1 6d 48h");
  ASSERT_GRANT(res, 4, "E7 a 0 2026-11-02..2026-11-09 r1 6d 48h");
  ASSERT_DENIAL(res, 0, "E3 a r1 0:CAPACITY@2026-11-02");
  ASSERT_DENIAL(res, 1, "E5 a r1 0:CAPACITY@2026-11-09");
  const char *notify[] = {"E3", "E5"};
  th_assert_strings(th_get(res, "notify"), 2, notify);
  cJSON_Delete(res);
}

/* Approved leave is never revoked even above a cap (NBPC 2019 Art. 14
 * C.6; ICE 2019 Art. 18 Sec. 2.F): three approved with cap 1 stay; a
 * request that day is full. */
static void test_approved_over_cap_stands(void **state) {
  (void)state;
  const char *doc = HEAD "\"employees\":[" EMP("E1", "2010") "}," EMP(
      "E2", "2011") "}," EMP("E3", "2012") "}," EMP("E4", "2013") "}]," PERIOD
      ",\"capacity\":{\"default\":1},\"approved\":["
      "{\"employee\":\"E2\",\"start\":\"2026-11-02\",\"end\":\"2026-11-02\"},"
      "{\"employee\":\"E3\",\"start\":\"2026-11-02\",\"end\":\"2026-11-02\"},"
      "{\"employee\":\"E4\",\"start\":\"2026-11-02\",\"end\":\"2026-11-02\"}],"
      "\"requests\":[{\"employee\":\"E1\",\"choices\":[{\"id\":\"a\","
      "\"options\":[" OPT("2026-11-02", "2026-11-02") "]}]}]}";
  cJSON *res = th_solve(doc, SENBID_METHOD_ROUND_ROBIN);
  ASSERT_DENIAL(res, 0, "E1 a r1 0:CAPACITY@2026-11-02");
  for (int i = 0; i < 3; i++)
    assert_string_equal(th_str(at(res, "audit", i), "event"), "approved");
  /* Only employees with a request are listed (SPEC section 9). */
  assert_int_equal(count(res, "employees"), 1);
  cJSON_Delete(res);
}

/* us-federal uses observed dates: July 4, 2027 is a Sunday, observed Monday
 * July 5, so Jul 5-9 charges 4 days. A list is used as given, with no
 * observed shift: ["2027-07-04"] (a Sunday) charges all 5. Workdays and
 * hours_per_day: a Tue-Sat employee at 10 h charges Jul 5-9 Tue-Fri = 4
 * days (Mon is off) = 40 h with the list. */
static void test_charged_days(void **state) {
  (void)state;
  const char *fmt = "{\"senbid\":1,\"kind\":\"leave\",\"as_of\":\"2027-01-15\","
      "\"seniority\":{\"policy\":\"nbpc-2019\"},\"employees\":["
      EMP("E1", "2010") "}," EMP("E2", "2011")
      ",\"workdays\":[\"tue\",\"wed\",\"thu\",\"fri\",\"sat\"],\"hours_per_day\":10}],"
      "\"period\":{\"start\":\"2027-04-01\",\"end\":\"2027-09-30\"},"
      "\"holidays\":%s,\"requests\":["
      "{\"employee\":\"E1\",\"choices\":[{\"id\":\"a\",\"options\":[" OPT("2027-07-05", "2027-07-09") "]}]},"
      "{\"employee\":\"E2\",\"choices\":[{\"id\":\"a\",\"options\":[" OPT("2027-07-05", "2027-07-09") "]}]}]}";
  char *doc = th_fmt(fmt, "\"us-federal\"");
  cJSON *res = th_solve(doc, SENBID_METHOD_ROUND_ROBIN);
  ASSERT_GRANT(res, 0, "E1 a 0 2027-07-05..2027-07-09 r1 4d 32h");
  ASSERT_GRANT(res, 1, "E2 a 0 2027-07-05..2027-07-09 r1 4d 40h");
  cJSON_Delete(res);
  free(doc);
  doc = th_fmt(fmt, "[\"2027-07-04\"]");
  res = th_solve(doc, SENBID_METHOD_ROUND_ROBIN);
  ASSERT_GRANT(res, 0, "E1 a 0 2027-07-05..2027-07-09 r1 5d 40h");
  ASSERT_GRANT(res, 1, "E2 a 0 2027-07-05..2027-07-09 r1 4d 40h");
  const cJSON *e = at(res, "employees", 0);
  assert_int_equal((int)th_num(e, "granted_days"), 5);
  assert_true(cJSON_IsNull(th_get(e, "balance_left_hours")));
  cJSON_Delete(res);
  free(doc);
}


/* ------------------------------------------------------------------------ */
/* capacity.totals (SPEC section 2): total(t, d) < t.max in the CAPACITY    */
/* fit test, beside each group's own cap                                    */
/* ------------------------------------------------------------------------ */

/* A total tighter than its units, over part of the period (NBPC 2019 Art.
 * 14 B-C; SPEC section 2, capacity.totals). Groups A and B, each capped
 * at 2 a day; a total over both of 2 for Dec 20 - Jan 2 (the station's
 * whole staff), less than the units' 4. E1 (A) and E2 (B) take Dec
 * 21-22: each group has 1 off, the total 2. E3 (A) asks Dec 22-23: group A
 * has 1 of 2, but the total is full on Dec 22, so CAPACITY 2026-12-22; its
 * alternate Dec 18-20 fits (Dec 18-19 lie outside the total's days, on Dec
 * 20 the total has nobody off). E4 (B) asks Jan 5-6, after the total:
 * only B's own cap counts, and it is granted. */
static void test_totals_capacity(void **state) {
  (void)state;
  const char *doc = HEAD "\"employees\":[" EMP("E1", "2010") ",\"group\":\"A\"},"
      EMP("E2", "2011") ",\"group\":\"B\"}," EMP("E3", "2012") ",\"group\":\"A\"},"
      EMP("E4", "2013") ",\"group\":\"B\"}]," PERIOD
      ",\"capacity\":{\"default\":2,\"totals\":[{\"groups\":[\"A\",\"B\"],\"max\":2,"
      "\"start\":\"2026-12-20\",\"end\":\"2027-01-02\"}]},\"requests\":["
      "{\"employee\":\"E1\",\"choices\":[{\"id\":\"x\",\"options\":[" OPT("2026-12-21", "2026-12-22") "]}]},"
      "{\"employee\":\"E2\",\"choices\":[{\"id\":\"x\",\"options\":[" OPT("2026-12-21", "2026-12-22") "]}]},"
      "{\"employee\":\"E3\",\"choices\":[{\"id\":\"x\",\"options\":[" OPT("2026-12-22", "2026-12-23") ","
      OPT("2026-12-18", "2026-12-20") "]}]},"
      "{\"employee\":\"E4\",\"choices\":[{\"id\":\"x\",\"options\":[" OPT("2027-01-05", "2027-01-06") "]}]}]}";
  cJSON *res = th_solve(doc, SENBID_METHOD_ROUND_ROBIN);
  assert_int_equal(count(res, "grants"), 4);
  ASSERT_GRANT(res, 0, "E1 x 0 2026-12-21..2026-12-22 r1 2d 16h");
  ASSERT_GRANT(res, 1, "E2 x 0 2026-12-21..2026-12-22 r1 2d 16h");
  ASSERT_GRANT(res, 2, "E3 x 1 2026-12-18..2026-12-20 r1 1d 8h");
  ASSERT_GRANT(res, 3, "E4 x 0 2027-01-05..2027-01-06 r1 2d 16h");
  assert_int_equal(count(res, "denials"), 0);
  /* The refused option is not in the result (the choice was granted), so
   * ask the fit test directly through a second document: E3 alone after
   * E1 and E2 with a single option. */
  cJSON_Delete(res);
  const char *doc2 = HEAD "\"employees\":[" EMP("E1", "2010") ",\"group\":\"A\"},"
      EMP("E2", "2011") ",\"group\":\"B\"}," EMP("E3", "2012") ",\"group\":\"A\"}]," PERIOD
      ",\"capacity\":{\"default\":2,\"totals\":[{\"groups\":[\"A\",\"B\"],\"max\":2,"
      "\"start\":\"2026-12-20\",\"end\":\"2027-01-02\"}]},\"requests\":["
      "{\"employee\":\"E1\",\"choices\":[{\"id\":\"x\",\"options\":[" OPT("2026-12-21", "2026-12-22") "]}]},"
      "{\"employee\":\"E2\",\"choices\":[{\"id\":\"x\",\"options\":[" OPT("2026-12-21", "2026-12-22") "]}]},"
      "{\"employee\":\"E3\",\"choices\":[{\"id\":\"x\",\"options\":[" OPT("2026-12-22", "2026-12-23") "]}]}]}";
  res = th_solve(doc2, SENBID_METHOD_ROUND_ROBIN);
  ASSERT_DENIAL(res, 0, "E3 x r1 0:CAPACITY@2026-12-22");
  cJSON_Delete(res);
}

/* A total with max 0 is a blackout for its groups (SPEC section 2; NBPC
 * 2019 Art. 14 B), and approved leave counts in total(t, d) (Art. 14
 * C.6): group C is not in the first total. The
 * total over A and B has max 1 on every day (no start/end); E3 (B) holds
 * approved leave Nov 2-3, so E1 (A) is full on Nov 3 (asks Nov 3-4) while
 * E2 (C) is not limited by it; the blackout total over C on Nov 10 denies
 * E2's second choice. */
static void test_totals_blackout_and_approved(void **state) {
  (void)state;
  const char *doc = HEAD "\"employees\":[" EMP("E1", "2010") ",\"group\":\"A\"},"
      EMP("E2", "2011") ",\"group\":\"C\"}," EMP("E3", "2012") ",\"group\":\"B\"}]," PERIOD
      ",\"capacity\":{\"totals\":[{\"groups\":[\"A\",\"B\"],\"max\":1},"
      "{\"groups\":[\"C\",\"Nobody\"],\"max\":0,\"start\":\"2026-11-10\",\"end\":\"2026-11-10\"}]},"
      "\"approved\":[{\"employee\":\"E3\",\"start\":\"2026-11-02\",\"end\":\"2026-11-03\"}],"
      "\"requests\":["
      "{\"employee\":\"E1\",\"choices\":[{\"id\":\"x\",\"options\":[" OPT("2026-11-03", "2026-11-04") "]}]},"
      "{\"employee\":\"E2\",\"choices\":[{\"id\":\"x\",\"options\":[" OPT("2026-11-03", "2026-11-04") "]},"
      "{\"id\":\"y\",\"options\":[" OPT("2026-11-09", "2026-11-11") "]}]}]}";
  cJSON *res = th_solve(doc, SENBID_METHOD_ROUND_ROBIN);
  ASSERT_DENIAL(res, 0, "E1 x r1 0:CAPACITY@2026-11-03");
  ASSERT_GRANT(res, 0, "E2 x 0 2026-11-03..2026-11-04 r1 2d 16h");
  ASSERT_DENIAL(res, 1, "E2 y r2 0:CAPACITY@2026-11-10");
  cJSON_Delete(res);
}

/* Approved leave already over a total is never revoked, and nothing more
 * is granted there (NBPC 2019 Art. 14 C.6; ICE 2019 Art. 18 Sec. 2.F;
 * SPEC section 2). Groups A and B, default cap 3; a total over both of 1
 * on Nov 2-6. E3 (A) holds approved leave Nov 2-4, E4 (B) Nov 3-5: the
 * total counts 2 on Nov 3-4, over its max. Both stand (audit "approved").
 * E1 (A) asks Nov 4-6: the total is full on Nov 4 (2 >= 1), so CAPACITY
 * 2026-11-04; the alternate Nov 6 fits (nobody off, 1 day, 8 h). E2 (B)
 * asks Nov 5: E4 is off, the total is full (1 >= 1), denied. check finds
 * nothing wrong with the result: the excess is the approved leave's. */
static void test_totals_approved_over(void **state) {
  (void)state;
  const char *doc = HEAD "\"employees\":[" EMP("E1", "2010") ",\"group\":\"A\"},"
      EMP("E2", "2011") ",\"group\":\"B\"}," EMP("E3", "2012") ",\"group\":\"A\"},"
      EMP("E4", "2013") ",\"group\":\"B\"}]," PERIOD
      ",\"capacity\":{\"default\":3,\"totals\":[{\"groups\":[\"A\",\"B\"],\"max\":1,"
      "\"start\":\"2026-11-02\",\"end\":\"2026-11-06\"}]},"
      "\"approved\":[{\"employee\":\"E3\",\"start\":\"2026-11-02\",\"end\":\"2026-11-04\"},"
      "{\"employee\":\"E4\",\"start\":\"2026-11-03\",\"end\":\"2026-11-05\"}],\"requests\":["
      "{\"employee\":\"E1\",\"choices\":[{\"id\":\"x\",\"options\":[" OPT("2026-11-04", "2026-11-06") ","
      OPT("2026-11-06", "2026-11-06") "]}]},"
      "{\"employee\":\"E2\",\"choices\":[{\"id\":\"x\",\"options\":[" OPT("2026-11-05", "2026-11-05") "]}]}]}";
  for (int m = 0; m < 2; m++) {
    char *text = th_solve_text(doc, m);
    cJSON *res = cJSON_Parse(text);
    assert_int_equal(count(res, "grants"), 1);
    ASSERT_GRANT(res, 0, "E1 x 1 2026-11-06..2026-11-06 r1 1d 8h");
    ASSERT_DENIAL(res, 0, "E2 x r1 0:CAPACITY@2026-11-05");
    int approved = 0;
    const cJSON *a;
    cJSON_ArrayForEach(a, th_get(res, "audit")) approved += !strcmp(th_str(a, "event"), "approved");
    assert_int_equal(approved, 2);
    int outcome = -1;
    cJSON *chk = run_check(doc, text, &outcome);
    assert_int_equal(outcome, SENBID_OUTCOME_OK);
    cJSON_Delete(chk);
    cJSON_Delete(res);
    free(text);
  }
  /* E1's first option alone: full on Nov 4, the first day over. */
  const char *doc2 = HEAD "\"employees\":[" EMP("E1", "2010") ",\"group\":\"A\"},"
      EMP("E3", "2012") ",\"group\":\"A\"}," EMP("E4", "2013") ",\"group\":\"B\"}]," PERIOD
      ",\"capacity\":{\"default\":3,\"totals\":[{\"groups\":[\"A\",\"B\"],\"max\":1,"
      "\"start\":\"2026-11-02\",\"end\":\"2026-11-06\"}]},"
      "\"approved\":[{\"employee\":\"E3\",\"start\":\"2026-11-02\",\"end\":\"2026-11-04\"},"
      "{\"employee\":\"E4\",\"start\":\"2026-11-03\",\"end\":\"2026-11-05\"}],\"requests\":["
      "{\"employee\":\"E1\",\"choices\":[{\"id\":\"x\",\"options\":[" OPT("2026-11-04", "2026-11-06") "]}]}]}";
  cJSON *res = th_solve(doc2, SENBID_METHOD_ROUND_ROBIN);
  ASSERT_DENIAL(res, 0, "E1 x r1 0:CAPACITY@2026-11-04");
  cJSON_Delete(res);
}

/* A total over part of the period, reaching past its end (SPEC section 2:
 * start and end optional, together). The period ends Mar 31; a total
 * over A and B of 1 runs Mar 29 - Apr 10, so on Mar 29-31 only. E1 (A)
 * takes Mar 29-31; E2 (B) asks Mar 26-28, before the total: its own cap
 * (default 2) alone counts, granted; E3 (B) asks Mar 30-31: full on Mar
 * 30 (the total). */
static void test_totals_partial_period(void **state) {
  (void)state;
  const char *doc = HEAD "\"employees\":[" EMP("E1", "2010") ",\"group\":\"A\"},"
      EMP("E2", "2011") ",\"group\":\"B\"}," EMP("E3", "2012") ",\"group\":\"B\"}]," PERIOD
      ",\"capacity\":{\"default\":2,\"totals\":[{\"groups\":[\"A\",\"B\"],\"max\":1,"
      "\"start\":\"2027-03-29\",\"end\":\"2027-04-10\"}]},\"requests\":["
      "{\"employee\":\"E1\",\"choices\":[{\"id\":\"x\",\"options\":[" OPT("2027-03-29", "2027-03-31") "]}]},"
      "{\"employee\":\"E2\",\"choices\":[{\"id\":\"x\",\"options\":[" OPT("2027-03-26", "2027-03-28") "]}]},"
      "{\"employee\":\"E3\",\"choices\":[{\"id\":\"x\",\"options\":[" OPT("2027-03-30", "2027-03-31") "]}]}]}";
  cJSON *res = th_solve(doc, SENBID_METHOD_ROUND_ROBIN);
  ASSERT_GRANT(res, 0, "E1 x 0 2027-03-29..2027-03-31 r1 3d 24h");
  ASSERT_GRANT(res, 1, "E2 x 0 2027-03-26..2027-03-28 r1 1d 8h");
  ASSERT_DENIAL(res, 0, "E3 x r1 0:CAPACITY@2027-03-30");
  cJSON_Delete(res);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_reason_outside_period),
      cmocka_unit_test(test_reason_overlap),
      cmocka_unit_test(test_reason_capacity_distinct),
      cmocka_unit_test(test_reason_balance),
      cmocka_unit_test(test_reason_max_days),
      cmocka_unit_test(test_choice_without_options),
      cmocka_unit_test(test_capacity_unlimited),
      cmocka_unit_test(test_capacity_groups_overrides),
      cmocka_unit_test(test_approved_over_cap_stands),
      cmocka_unit_test(test_charged_days),
      cmocka_unit_test(test_totals_capacity),
      cmocka_unit_test(test_totals_blackout_and_approved),
      cmocka_unit_test(test_totals_approved_over),
      cmocka_unit_test(test_totals_partial_period),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
