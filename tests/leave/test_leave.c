/*
 * Tests of master leave (SPEC section 2, section 9 "Leave" and
 * "Lexicographic / Leave"; NBPC 2019 Art. 14 A, C.2, C.3, C.6).
 * Hand-worked examples carry their reasoning in a comment, so a supervisor
 * can check them on paper.
 */
#include <glpk.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"
#include "internal.h"
#include "leave/leave.h"

/* An employee whose three NBPC keys all start on YEAR-01-01 (earlier year
 * = more senior); the caller closes the object, after any extra members. */
#define EMP(id, year)                                                        \
  "{\"id\":\"" id "\",\"name\":{\"last\":\"" id "\"},\"service\":{"           \
  "\"series_start\":\"" year "-01-01\",\"usbp_start\":\"" year "-01-01\","    \
  "\"cbp_start\":\"" year "-01-01\"}"
#define HEAD                                                                 \
  "{\"senbid\":1,\"kind\":\"leave\",\"as_of\":\"2026-07-15\","                \
  "\"seniority\":{\"policy\":\"nbpc-2019\"},"
#define PERIOD "\"period\":{\"start\":\"2026-10-01\",\"end\":\"2027-03-31\"}"
#define OPT(a, b) "{\"start\":\"" a "\",\"end\":\"" b "\"}"

static const cJSON *at(const cJSON *doc, const char *key, int i) {
  return th_at(th_get(doc, key), i);
}
static int count(const cJSON *doc, const char *key) {
  return cJSON_GetArraySize(th_get(doc, key));
}

/* "E1 xmas 1 2027-01-04..2027-01-15 r1 10d 80h" */
static char *grant_str(const cJSON *res, int i) {
  const cJSON *g = at(res, "grants", i);
  return th_fmt("%s %s %d %s..%s r%d %dd %gh", th_str(g, "employee"),
                th_str(g, "choice"), (int)th_num(g, "option"),
                th_str(g, "start"), th_str(g, "end"), (int)th_num(g, "round"),
                (int)th_num(g, "charged_days"), th_num(g, "charged_hours"));
}

/* "E2 xmas r1 0:CAPACITY@2026-12-24,1:OVERLAP" */
static char *denial_str(const cJSON *res, int i) {
  const cJSON *d = at(res, "denials", i);
  char buf[512];
  int n = snprintf(buf, sizeof buf, "%s %s r%d", th_str(d, "employee"),
                   th_str(d, "choice"), (int)th_num(d, "round"));
  const cJSON *opts = th_get(d, "options");
  for (int k = 0; k < cJSON_GetArraySize(opts); k++) {
    const cJSON *o = th_at(opts, k);
    const cJSON *date = cJSON_GetObjectItemCaseSensitive(o, "date");
    n += snprintf(buf + n, sizeof buf - (size_t)n, "%s%d:%s%s%s",
                  k ? "," : " ", (int)th_num(o, "option"), th_str(o, "reason"),
                  date ? "@" : "", date ? date->valuestring : "");
  }
  return th_fmt("%s", buf);
}

#define ASSERT_GRANT(res, i, s)                                              \
  do {                                                                       \
    char *g_ = grant_str(res, i);                                            \
    assert_string_equal(g_, s);                                              \
    free(g_);                                                                \
  } while (0)
#define ASSERT_DENIAL(res, i, s)                                             \
  do {                                                                       \
    char *d_ = denial_str(res, i);                                           \
    assert_string_equal(d_, s);                                              \
    free(d_);                                                                \
  } while (0)

/* ------------------------------------------------------------------------ */
/* Hand-worked examples                                                     */
/* ------------------------------------------------------------------------ */

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

/* ------------------------------------------------------------------------ */
/* Each fit test and reason code (SPEC section 2, in its order)             */
/* ------------------------------------------------------------------------ */

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

/* ------------------------------------------------------------------------ */
/* Capacity: cap(g, d) of SPEC section 2 and section 9                      */
/* ------------------------------------------------------------------------ */

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

/* ------------------------------------------------------------------------ */
/* Charged days and hours (SPEC section 2, section 6, section 9)            */
/* ------------------------------------------------------------------------ */

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
/* Rounds, notify and the employees list (NBPC 2019 Art. 14 C.2-C.3)         */
/* ------------------------------------------------------------------------ */

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

/* ------------------------------------------------------------------------ */
/* Conformance cases of ../shared                                           */
/* ------------------------------------------------------------------------ */

static void conformance_case(const char *dir, const char *name, int method) {
  char *pp = th_fmt("%s/%s.problem.json", dir, name);
  char *ep = th_fmt("%s/%s.expected.json", dir, name);
  if (access(pp, R_OK) != 0) {
    free(pp);
    free(ep);
    skip();
  }
  char *problem = th_read_file(pp, NULL);
  char *expected = th_read_file(ep, NULL);
  cJSON *res = th_solve(problem, method);
  cJSON *exp = cJSON_Parse(expected);
  assert_non_null(exp);
  /* Every member the spec pins down, audit and warnings included. */
  const char *keys[] = {"method", "status", "seniority", "ties", "grants",
                        "denials", "employees", "notify", "infeasible",
                        "warnings"};
  for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
    const cJSON *a = cJSON_GetObjectItemCaseSensitive(exp, keys[i]);
    const cJSON *b = cJSON_GetObjectItemCaseSensitive(res, keys[i]);
    if (!a && !b) continue;
    if (!a || !b || !cJSON_Compare(a, b, true)) {
      print_error("%s: member %s differs\n", name, keys[i]);
      fail();
    }
  }
  /* Audit events and rules in order. */
  const cJSON *aa = th_get(exp, "audit"), *ab = th_get(res, "audit");
  assert_int_equal(cJSON_GetArraySize(aa), cJSON_GetArraySize(ab));
  for (int i = 0; i < cJSON_GetArraySize(aa); i++) {
    assert_string_equal(th_str(th_at(aa, i), "event"), th_str(th_at(ab, i), "event"));
    assert_string_equal(th_str(th_at(aa, i), "rule"), th_str(th_at(ab, i), "rule"));
    assert_string_equal(th_str(th_at(aa, i), "detail"), th_str(th_at(ab, i), "detail"));
  }
  cJSON_Delete(res);
  cJSON_Delete(exp);
  free(problem);
  free(expected);
  free(pp);
  free(ep);
}

#define RR_DIR SHARED_DIR "/conformance/leave"
#define LEX_DIR SHARED_DIR "/conformance-lexicographic"
static void test_conf_balance_maxdays(void **s) { (void)s; conformance_case(RR_DIR, "leave_balance_maxdays", SENBID_METHOD_ROUND_ROBIN); }
static void test_conf_blackout(void **s) { (void)s; conformance_case(RR_DIR, "leave_capacity_override_blackout", SENBID_METHOD_ROUND_ROBIN); }
static void test_conf_holidays(void **s) { (void)s; conformance_case(RR_DIR, "leave_holidays_charged", SENBID_METHOD_ROUND_ROBIN); }
static void test_conf_overlap_outside(void **s) { (void)s; conformance_case(RR_DIR, "leave_overlap_outside", SENBID_METHOD_ROUND_ROBIN); }
static void test_conf_basic(void **s) { (void)s; conformance_case(RR_DIR, "leave_round_robin_basic", SENBID_METHOD_ROUND_ROBIN); }
static void test_conf_tie(void **s) { (void)s; conformance_case(RR_DIR, "leave_tie_alphabetical", SENBID_METHOD_ROUND_ROBIN); }
static void test_conf_lex_infeasible(void **s) { (void)s; conformance_case(LEX_DIR, "lex_leave_infeasible", SENBID_METHOD_LEXICOGRAPHIC); }
static void test_conf_lex_min_junior(void **s) { (void)s; conformance_case(LEX_DIR, "lex_leave_min_junior", SENBID_METHOD_LEXICOGRAPHIC); }
static void test_conf_lex_two_rounds(void **s) { (void)s; conformance_case(LEX_DIR, "lex_leave_two_rounds_balance", SENBID_METHOD_LEXICOGRAPHIC); }

/* ------------------------------------------------------------------------ */
/* Lexicographic (SPEC section 9, "Lexicographic / Leave")                  */
/* ------------------------------------------------------------------------ */

/* NBPC 2019 Art. 14 A: E2 (junior) must get 5 days and asks only Nov 2-6;
 * cap 1. E1 (senior) asks Nov 2-6, alternate Nov 9-13. Round robin gives E1
 * Nov 2-6 and denies E2. Lexicographic refuses E1's option 0 (MIN_LEAVE, no
 * date, audit tentative_reject) and grants the alternate; E2 gets Nov 2-6. */
static void test_lex_min_leave(void **state) {
  (void)state;
  const char *doc = HEAD "\"employees\":[" EMP("E1", "2010") "}," EMP(
      "E2", "2012") ",\"min_leave_days\":5}]," PERIOD
      ",\"capacity\":{\"default\":1},\"requests\":["
      "{\"employee\":\"E1\",\"choices\":[{\"id\":\"a\",\"options\":["
      OPT("2026-11-02", "2026-11-06") "," OPT("2026-11-09", "2026-11-13") "]}]},"
      "{\"employee\":\"E2\",\"choices\":[{\"id\":\"a\",\"options\":["
      OPT("2026-11-02", "2026-11-06") "]}]}]}";
  cJSON *rr = th_solve(doc, SENBID_METHOD_ROUND_ROBIN);
  ASSERT_GRANT(rr, 0, "E1 a 0 2026-11-02..2026-11-06 r1 5d 40h");
  ASSERT_DENIAL(rr, 0, "E2 a r1 0:CAPACITY@2026-11-02");
  cJSON_Delete(rr);
  cJSON *lx = th_solve(doc, SENBID_METHOD_LEXICOGRAPHIC);
  assert_string_equal(th_str(lx, "status"), "ok");
  ASSERT_GRANT(lx, 0, "E1 a 1 2026-11-09..2026-11-13 r1 5d 40h");
  ASSERT_GRANT(lx, 1, "E2 a 0 2026-11-02..2026-11-06 r1 5d 40h");
  assert_int_equal(count(lx, "denials"), 0);
  assert_string_equal(th_str(at(lx, "audit", 0), "event"), "tentative_reject");
  assert_string_equal(th_str(at(lx, "audit", 0), "rule"), "NBPC2019.ART14.A");
  cJSON_Delete(lx);
}

/* SPEC section 9 (time limit): a lexicographic solve that reaches its
 * limit stops gating; the decisions made so far stand and the rest are
 * made as round_robin makes them, so the result is complete, with status
 * time_limit and gated_until. th_solve_out_of_time spends the 1 ms limit
 * before the first question, so nothing is gated: E1 gets Nov 2-6 as in
 * round_robin (NBPC2019.ART14.C2) and E2 is denied (CAPACITY), although
 * the gate would have refused E1's grant (test_lex_min_leave). */
static void test_lex_time_limit(void **state) {
  (void)state;
  const char *doc = HEAD "\"employees\":[" EMP("E1", "2010") "}," EMP(
      "E2", "2012") ",\"min_leave_days\":5}]," PERIOD
      ",\"capacity\":{\"default\":1},\"requests\":["
      "{\"employee\":\"E1\",\"choices\":[{\"id\":\"a\",\"options\":["
      OPT("2026-11-02", "2026-11-06") "]}]},"
      "{\"employee\":\"E2\",\"choices\":[{\"id\":\"a\",\"options\":["
      OPT("2026-11-02", "2026-11-06") "]}]}]}";
  senbid_problem *p = th_parse_ok(doc);
  ((lv_data *)p->kind_data)->test_full_program = true;
  cJSON *r = th_solve_out_of_time(p);
  ASSERT_GRANT(r, 0, "E1 a 0 2026-11-02..2026-11-06 r1 5d 40h");
  ASSERT_DENIAL(r, 0, "E2 a r1 0:CAPACITY@2026-11-02");
  const cJSON *gu = cJSON_GetObjectItemCaseSensitive(r, "gated_until");
  assert_true(cJSON_IsNumber(gu));
  assert_int_equal(gu->valueint, 0);
  cJSON_Delete(r);
  senbid_problem_free(p);
}

/* A refused option reports MIN_LEAVE without a date, and when every option
 * fails the choice is denied (notify). E1 asks only Nov 2-6, E2 needs it. */
static void test_lex_min_leave_denial(void **state) {
  (void)state;
  const char *doc = HEAD "\"employees\":[" EMP("E1", "2010") "}," EMP(
      "E2", "2012") ",\"min_leave_days\":3}]," PERIOD
      ",\"capacity\":{\"default\":1},\"requests\":["
      "{\"employee\":\"E1\",\"choices\":[{\"id\":\"a\",\"options\":["
      OPT("2026-11-02", "2026-11-06") "," OPT("2026-09-01", "2026-09-02") "]}]},"
      "{\"employee\":\"E2\",\"choices\":[{\"id\":\"a\",\"options\":["
      OPT("2026-11-04", "2026-11-06") "]}]}]}";
  cJSON *lx = th_solve(doc, SENBID_METHOD_LEXICOGRAPHIC);
  ASSERT_DENIAL(lx, 0, "E1 a r1 0:MIN_LEAVE,1:OUTSIDE_PERIOD");
  ASSERT_GRANT(lx, 0, "E2 a 0 2026-11-04..2026-11-06 r1 3d 24h");
  const char *notify[] = {"E1"};
  th_assert_strings(th_get(lx, "notify"), 1, notify);
  cJSON_Delete(lx);
}

/* Infeasible from the start (SPEC section 9): an employee with a minimum
 * and no request cannot meet it; alone it is a minimal conflicting set
 * with max_days 0; no grants are made; the outcome is infeasible. */
static void test_lex_infeasible_no_request(void **state) {
  (void)state;
  const char *doc = HEAD "\"employees\":[" EMP("E1", "2010") "}," EMP(
      "E2", "2012") ",\"min_leave_days\":2}]," PERIOD ",\"requests\":["
      "{\"employee\":\"E1\",\"choices\":[{\"id\":\"a\",\"options\":["
      OPT("2026-11-02", "2026-11-06") "]}]}]}";
  senbid_problem *p = th_parse_ok(doc);
  senbid_solve_options opts = SENBID_SOLVE_OPTIONS_INIT;
  opts.method = SENBID_METHOD_LEXICOGRAPHIC;
  senbid_result *r = NULL;
  assert_int_equal(senbid_solve(&r, p, &opts, NULL), SENBID_OK);
  assert_int_equal(senbid_result_outcome(r), SENBID_OUTCOME_INFEASIBLE);
  cJSON *res = cJSON_Parse(senbid_result_json(r, NULL));
  assert_string_equal(th_str(res, "status"), "infeasible");
  assert_int_equal(count(res, "grants"), 0);
  assert_int_equal(count(res, "denials"), 0);
  assert_int_equal(count(res, "notify"), 0);
  assert_int_equal(count(res, "infeasible"), 1);
  const cJSON *inf = at(res, "infeasible", 0);
  assert_string_equal(th_str(inf, "employee"), "E2");
  assert_int_equal((int)th_num(inf, "min_leave_days"), 2);
  assert_int_equal((int)th_num(inf, "max_days"), 0);
  assert_int_equal(count(inf, "dates"), 0);
  cJSON_Delete(res);
  senbid_result_free(r);
  senbid_problem_free(p);
}

/* A blackout makes one employee's minimum unreachable alone: the report
 * names its blackout days. */
static void test_lex_infeasible_blackout_dates(void **state) {
  (void)state;
  const char *doc = HEAD "\"employees\":[" EMP("E1", "2010")
      ",\"min_leave_days\":2}," EMP("E2", "2012") ",\"min_leave_days\":1}]," PERIOD
      ",\"capacity\":{\"default\":2,\"overrides\":[{\"start\":\"2026-12-24\","
      "\"end\":\"2026-12-25\",\"max\":0}]},\"requests\":["
      "{\"employee\":\"E1\",\"choices\":[{\"id\":\"a\",\"options\":["
      OPT("2026-12-23", "2026-12-24") "]}]},"
      "{\"employee\":\"E2\",\"choices\":[{\"id\":\"a\",\"options\":["
      OPT("2026-12-01", "2026-12-01") "]}]}]}";
  cJSON *res = th_solve(doc, SENBID_METHOD_LEXICOGRAPHIC);
  assert_string_equal(th_str(res, "status"), "infeasible");
  assert_int_equal(count(res, "infeasible"), 1);
  const cJSON *inf = at(res, "infeasible", 0);
  assert_string_equal(th_str(inf, "employee"), "E1");
  const char *dates[] = {"2026-12-24"};
  th_assert_strings(th_get(inf, "dates"), 1, dates);
  cJSON_Delete(res);
}

/* ------------------------------------------------------------------------ */
/* Generated rosters (property tests)                                       */
/* ------------------------------------------------------------------------ */

typedef struct gen {
  int n, ngroups, ndays;
  int group[8], balance[8], min[8], nch[8], nopt[8][3];
  int os[8][3][2], oe[8][3][2];
  int as[8], ae[8]; /* approved, -1 none */
  int cap[2];
  int ov_s, ov_e, ov_max, ov_group; /* ov_s -1: none; group -1: all */
  int maxdays;                       /* -1 none */
} gen;

static uint64_t rng_next(uint64_t *s) {
  *s += 0x9e3779b97f4a7c15ULL;
  uint64_t z = *s;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}
static int rnd(uint64_t *s, int n) { return (int)(rng_next(s) % (uint64_t)n); }

static void gen_make(gen *g, uint64_t seed, bool with_min) {
  uint64_t s = seed;
  memset(g, 0, sizeof *g);
  g->n = 2 + rnd(&s, 6);
  g->ngroups = 1 + rnd(&s, 2);
  g->ndays = 40;
  g->cap[0] = 1 + rnd(&s, 2);
  g->cap[1] = 1 + rnd(&s, 2);
  g->ov_s = rnd(&s, 3) == 0 ? rnd(&s, 30) : -1;
  g->ov_e = g->ov_s + rnd(&s, 5);
  g->ov_max = rnd(&s, 2);
  g->ov_group = rnd(&s, 2) ? -1 : rnd(&s, g->ngroups);
  g->maxdays = rnd(&s, 3) == 0 ? 4 + rnd(&s, 8) : -1;
  for (int i = 0; i < g->n; i++) {
    g->group[i] = rnd(&s, g->ngroups);
    g->balance[i] = rnd(&s, 3) == 0 ? 8 * rnd(&s, 8) : -1;
    g->min[i] = with_min && rnd(&s, 3) == 0 ? 1 + rnd(&s, 6) : 0;
    g->as[i] = rnd(&s, 4) == 0 ? rnd(&s, 40) : -1;
    g->ae[i] = g->as[i] + rnd(&s, 3);
    g->nch[i] = rnd(&s, 4);
    for (int c = 0; c < g->nch[i]; c++) {
      g->nopt[i][c] = 1 + rnd(&s, 2);
      for (int k = 0; k < g->nopt[i][c]; k++) {
        g->os[i][c][k] = rnd(&s, 42) - 1; /* may fall outside the period */
        g->oe[i][c][k] = g->os[i][c][k] + rnd(&s, 6);
      }
    }
  }
}

static sb_day gen_day0(void) { return sb_date_from_ymd(2026, 10, 1); }

static void put_date(char *buf, size_t cap, size_t *n, int off) {
  char d[11];
  sb_date_format(gen_day0() + off, d);
  *n += (size_t)snprintf(buf + *n, cap - *n, "\"%s\"", d);
}

static char *gen_json(const gen *g) {
  size_t cap = 1 << 16, n = 0;
  char *b = malloc(cap);
  assert_non_null(b);
#define P(...) n += (size_t)snprintf(b + n, cap - n, __VA_ARGS__)
  P("%s\"employees\":[", HEAD);
  for (int i = 0; i < g->n; i++) {
    P("%s{\"id\":\"E%d\",\"name\":{\"last\":\"N%d\"},\"service\":{"
      "\"series_start\":\"%d-01-01\",\"usbp_start\":\"2000-01-01\","
      "\"cbp_start\":\"2000-01-01\"},\"group\":\"G%d\"",
      i ? "," : "", i, i, 2000 + i, g->group[i]);
    if (g->balance[i] >= 0) P(",\"leave_balance_hours\":%d", g->balance[i]);
    if (g->min[i]) P(",\"min_leave_days\":%d", g->min[i]);
    P("}");
  }
  P("],\"period\":{\"start\":");
  put_date(b, cap, &n, 0);
  P(",\"end\":");
  put_date(b, cap, &n, g->ndays - 1);
  P("},\"capacity\":{\"groups\":{\"G0\":%d,\"G1\":%d}", g->cap[0], g->cap[1]);
  if (g->ov_s >= 0) {
    P(",\"overrides\":[{\"start\":");
    put_date(b, cap, &n, g->ov_s);
    P(",\"end\":");
    put_date(b, cap, &n, g->ov_e);
    P(",\"max\":%d", g->ov_max);
    if (g->ov_group >= 0) P(",\"group\":\"G%d\"", g->ov_group);
    P("}]");
  }
  P("},\"approved\":[");
  bool first = true;
  for (int i = 0; i < g->n; i++) {
    if (g->as[i] < 0) continue;
    P("%s{\"employee\":\"E%d\",\"start\":", first ? "" : ",", i);
    put_date(b, cap, &n, g->as[i]);
    P(",\"end\":");
    put_date(b, cap, &n, g->ae[i]);
    P("}");
    first = false;
  }
  P("],\"requests\":[");
  for (int i = g->n - 1, k0 = 1; i >= 0; i--) {
    P("%s{\"employee\":\"E%d\",\"choices\":[", k0 ? "" : ",", i);
    k0 = 0;
    for (int c = 0; c < g->nch[i]; c++) {
      P("%s{\"id\":\"c%d\",\"options\":[", c ? "," : "", c);
      for (int k = 0; k < g->nopt[i][c]; k++) {
        P("%s{\"start\":", k ? "," : "");
        put_date(b, cap, &n, g->os[i][c][k]);
        P(",\"end\":");
        put_date(b, cap, &n, g->oe[i][c][k]);
        P("}");
      }
      P("]}");
    }
    P("]}");
  }
  P("]");
  if (g->maxdays >= 0) P(",\"rules\":{\"max_days_per_employee\":%d}", g->maxdays);
  P("}");
#undef P
  return b;
}

static int gen_cap(const gen *g, int grp, int day) {
  if (g->ov_s >= 0 && day >= g->ov_s && day <= g->ov_e &&
      (g->ov_group < 0 || g->ov_group == grp))
    return g->ov_max;
  return g->cap[grp];
}

static int weekdays(int s, int e) {
  int n = 0;
  for (int d = s; d <= e; d++) {
    int wd = sb_weekday(gen_day0() + d);
    if (wd != SB_SAT && wd != SB_SUN) n++;
  }
  return n;
}

/* Brute force: can every minimum be met from the start? Each employee with
 * a minimum takes at most one option per choice (SPEC section 9). */
static bool gen_feasible_rec(const gen *g, int i, int c, int (*occ)[64],
                             int *days, int *hours, uint64_t *busy) {
  if (i == g->n) return true;
  if (g->min[i] == 0 || c == g->nch[i]) {
    if (g->min[i] && days[i] < g->min[i]) return false;
    return gen_feasible_rec(g, i + 1, 0, occ, days, hours, busy);
  }
  if (gen_feasible_rec(g, i, c + 1, occ, days, hours, busy)) return true;
  for (int k = 0; k < g->nopt[i][c]; k++) {
    int s = g->os[i][c][k], e = g->oe[i][c][k], len = e - s + 1;
    if (s < 0 || e >= g->ndays) continue;
    uint64_t mask = ((len >= 64 ? ~0ULL : ((1ULL << len) - 1))) << s;
    if (busy[i] & mask) continue;
    if (g->as[i] >= 0 && s <= g->ae[i] && g->as[i] <= e) continue;
    int h = 8 * weekdays(s, e);
    if (g->balance[i] >= 0 && hours[i] + h > g->balance[i]) continue;
    if (g->maxdays >= 0 && days[i] + len > g->maxdays) continue;
    bool room = true;
    for (int d = s; d <= e; d++)
      if (occ[g->group[i]][d] + 1 > gen_cap(g, g->group[i], d)) room = false;
    if (!room) continue;
    for (int d = s; d <= e; d++) occ[g->group[i]][d]++;
    busy[i] |= mask;
    days[i] += len;
    hours[i] += h;
    bool ok = gen_feasible_rec(g, i, c + 1, occ, days, hours, busy);
    for (int d = s; d <= e; d++) occ[g->group[i]][d]--;
    busy[i] &= ~mask;
    days[i] -= len;
    hours[i] -= h;
    if (ok) return true;
  }
  return false;
}

static bool gen_feasible(const gen *g) {
  int occ[2][64] = {{0}};
  int days[8] = {0}, hours[8] = {0};
  uint64_t busy[8] = {0};
  for (int i = 0; i < g->n; i++)
    if (g->as[i] >= 0)
      for (int d = g->as[i]; d <= g->ae[i] && d < g->ndays; d++)
        occ[g->group[i]][d]++;
  return gen_feasible_rec(g, 0, 0, occ, days, hours, busy);
}

/* Every result keeps the rules: caps (beside approved leave), no overlap,
 * balance and max_days. */
static void gen_verify(const gen *g, const cJSON *res) {
  int occ[2][64] = {{0}}, grants[2][64] = {{0}};
  int days[8] = {0}, hours[8] = {0};
  uint64_t busy[8] = {0};
  for (int i = 0; i < g->n; i++)
    if (g->as[i] >= 0)
      for (int d = g->as[i]; d <= g->ae[i] && d < g->ndays; d++) {
        occ[g->group[i]][d]++;
        busy[i] |= 1ULL << d;
      }
  const cJSON *gr = th_get(res, "grants");
  for (int k = 0; k < cJSON_GetArraySize(gr); k++) {
    const cJSON *x = th_at(gr, k);
    int i = atoi(th_str(x, "employee") + 1);
    sb_day s, e;
    assert_true(sb_date_parse(th_str(x, "start"), &s));
    assert_true(sb_date_parse(th_str(x, "end"), &e));
    int so = s - gen_day0(), eo = e - gen_day0();
    assert_true(so >= 0 && eo < g->ndays);
    for (int d = so; d <= eo; d++) {
      assert_false(busy[i] & (1ULL << d));
      busy[i] |= 1ULL << d;
      grants[g->group[i]][d]++;
    }
    days[i] += eo - so + 1;
    hours[i] += (int)th_num(x, "charged_hours");
    assert_int_equal((int)th_num(x, "charged_hours"), 8 * weekdays(so, eo));
  }
  for (int grp = 0; grp < 2; grp++)
    for (int d = 0; d < g->ndays; d++)
      if (grants[grp][d])
        assert_true(occ[grp][d] + grants[grp][d] <= gen_cap(g, grp, d));
  for (int i = 0; i < g->n; i++) {
    if (g->balance[i] >= 0) assert_true(hours[i] <= g->balance[i]);
    if (g->maxdays >= 0) assert_true(days[i] <= g->maxdays);
  }
}

/* SPEC section 2: with every min_leave_days at 0, lexicographic equals
 * round_robin exactly (only "method" differs). */
static void test_property_lex_equals_round_robin(void **state) {
  (void)state;
  for (uint64_t seed = 1; seed <= 150; seed++) {
    gen g;
    gen_make(&g, seed, false);
    char *doc = gen_json(&g);
    char *a = th_solve_text(doc, SENBID_METHOD_ROUND_ROBIN);
    char *b = th_solve_text(doc, SENBID_METHOD_LEXICOGRAPHIC);
    const char *m = "\"method\": \"round_robin\"";
    char *pos = strstr(a, m);
    assert_non_null(pos);
    char *fixed = th_fmt("%.*s\"method\": \"lexicographic\"%s", (int)(pos - a),
                         a, pos + strlen(m));
    if (strcmp(fixed, b) != 0) {
      print_error("seed %llu differs\n", (unsigned long long)seed);
      fail();
    }
    cJSON *res = cJSON_Parse(a);
    gen_verify(&g, res);
    cJSON_Delete(res);
    free(fixed);
    free(a);
    free(b);
    free(doc);
  }
}

/* SPEC section 9: with minimums, every minimum is met whenever a feasible
 * schedule exists (brute force), and the status is infeasible exactly when
 * none does. The rules hold either way. */
static void test_property_minimums_met(void **state) {
  (void)state;
  int feasible_seen = 0, infeasible_seen = 0;
  for (uint64_t seed = 1000; seed < 1200; seed++) {
    gen g;
    gen_make(&g, seed, true);
    char *doc = gen_json(&g);
    cJSON *res = th_solve(doc, SENBID_METHOD_LEXICOGRAPHIC);
    bool feas = gen_feasible(&g);
    const char *status = th_str(res, "status");
    if (feas != (strcmp(status, "ok") == 0)) {
      print_error("seed %llu: brute force %d, status %s\n",
                  (unsigned long long)seed, feas, status);
      fail();
    }
    gen_verify(&g, res);
    if (feas) {
      feasible_seen++;
      const cJSON *emps = th_get(res, "employees");
      for (int k = 0; k < cJSON_GetArraySize(emps); k++) {
        const cJSON *e = th_at(emps, k);
        int i = atoi(th_str(e, "employee") + 1);
        if ((int)th_num(e, "granted_days") < g.min[i]) {
          print_error("seed %llu: E%d below its minimum\n",
                      (unsigned long long)seed, i);
          fail();
        }
      }
    } else {
      infeasible_seen++;
      assert_int_equal(count(res, "grants"), 0);
      assert_true(count(res, "infeasible") >= 1);
    }
    cJSON_Delete(res);
    free(doc);
  }
  assert_true(feasible_seen > 20);
  assert_true(infeasible_seen > 5);
}

/* Dense rosters: tight caps, long options, half the employees with
 * minimums, so the witness, the repair and the neighbourhood search all
 * come into play. */
static void gen_make_dense(gen *g, uint64_t seed) {
  uint64_t s = seed;
  gen_make(g, seed, true);
  g->n = 8;
  g->cap[0] = 1 + rnd(&s, 2);
  g->cap[1] = 1;
  for (int i = 0; i < g->n; i++) {
    g->group[i] = rnd(&s, 4) == 0 ? 1 : 0;
    g->min[i] = rnd(&s, 2) ? 2 + rnd(&s, 6) : 0;
    g->balance[i] = rnd(&s, 4) == 0 ? 8 * (2 + rnd(&s, 6)) : -1;
    g->nch[i] = 2 + rnd(&s, 2);
    for (int c = 0; c < g->nch[i]; c++) {
      g->nopt[i][c] = 1 + rnd(&s, 2);
      for (int k = 0; k < g->nopt[i][c]; k++) {
        g->os[i][c][k] = rnd(&s, 36);
        g->oe[i][c][k] = g->os[i][c][k] + rnd(&s, 7);
      }
    }
  }
}

static char *solve_text_full(const char *json, bool full) {
  senbid_problem *p = th_parse_ok(json);
  ((lv_data *)p->kind_data)->test_full_program = full;
  senbid_solve_options opts = SENBID_SOLVE_OPTIONS_INIT;
  opts.method = SENBID_METHOD_LEXICOGRAPHIC;
  senbid_result *r = NULL;
  assert_int_equal(senbid_solve(&r, p, &opts, NULL), SENBID_OK);
  char *text = th_fmt("%s", senbid_result_json(r, NULL));
  senbid_result_free(r);
  senbid_problem_free(p);
  return text;
}

/* The cheap exact tests (witness, repair, neighbourhood, per-employee
 * bounds) answer every completion question as the full integer program
 * does: the results are byte-identical. */
static void test_property_cheap_tests_exact(void **state) {
  (void)state;
  int refused = 0;
  for (uint64_t seed = 5000; seed < 5120; seed++) {
    gen g;
    gen_make_dense(&g, seed);
    char *doc = gen_json(&g);
    char *fast = solve_text_full(doc, false);
    char *full = solve_text_full(doc, true);
    if (strcmp(fast, full) != 0) {
      print_error("seed %llu: cheap tests and the full program differ\n",
                  (unsigned long long)seed);
      fail();
    }
    if (strstr(fast, "tentative_reject")) refused++;
    cJSON *res = cJSON_Parse(fast);
    gen_verify(&g, res);
    if (strcmp(th_str(res, "status"), "ok") == 0) {
      const cJSON *emps = th_get(res, "employees");
      for (int k = 0; k < cJSON_GetArraySize(emps); k++) {
        const cJSON *e = th_at(emps, k);
        assert_true((int)th_num(e, "granted_days") >= g.min[atoi(th_str(e, "employee") + 1)]);
      }
    }
    cJSON_Delete(res);
    free(fast);
    free(full);
    free(doc);
  }
  assert_true(refused > 5);
}

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

/* export_lp writes a program GLPK reads back. */
static void test_export_lp(void **state) {
  (void)state;
  const char *doc = HEAD "\"employees\":[" EMP("E1", "2010")
      ",\"min_leave_days\":3}," EMP("E2", "2012") ",\"min_leave_days\":2}]," PERIOD
      ",\"capacity\":{\"default\":1},\"requests\":["
      "{\"employee\":\"E1\",\"choices\":[{\"id\":\"a\",\"options\":["
      OPT("2026-11-02", "2026-11-06") "," OPT("2026-11-09", "2026-11-13") "]}]},"
      "{\"employee\":\"E2\",\"choices\":[{\"id\":\"a\",\"options\":["
      OPT("2026-11-04", "2026-11-05") "]}]}]}";
  senbid_problem *p = th_parse_ok(doc);
  senbid_result *r = NULL;
  assert_int_equal(senbid_export_lp(&r, p, NULL, NULL), SENBID_OK);
  size_t len = 0;
  const char *lp = senbid_result_json(r, &len);
  assert_non_null(strstr(lp, "Binary"));
  char path[] = "/tmp/senbid_leave_lp_XXXXXX";
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  assert_int_equal(write(fd, lp, len), (ssize_t)len);
  close(fd);
  glp_term_out(GLP_OFF);
  glp_prob *P = glp_create_prob();
  assert_int_equal(glp_read_lp(P, NULL, path), 0);
  assert_int_equal(glp_get_num_cols(P), 3);
  assert_true(glp_get_num_rows(P) >= 3);
  glp_delete_prob(P);
  glp_free_env();
  unlink(path);
  senbid_result_free(r);
  senbid_problem_free(p);
}

/* ------------------------------------------------------------------------ */
/* check (SPEC section 7)                                                   */
/* ------------------------------------------------------------------------ */

static cJSON *run_check(const char *problem, const char *result, int *outcome) {
  senbid_problem *p = th_parse_ok(problem);
  senbid_result *r = NULL;
  assert_int_equal(senbid_check(&r, p, result, strlen(result), NULL), SENBID_OK);
  *outcome = senbid_result_outcome(r);
  cJSON *doc = cJSON_Parse(senbid_result_json(r, NULL));
  assert_non_null(doc);
  senbid_result_free(r);
  senbid_problem_free(p);
  return doc;
}

static bool has_departure(const cJSON *doc, const char *code, const char *emp) {
  const cJSON *d;
  cJSON_ArrayForEach(d, th_get(doc, "departures")) {
    const cJSON *e = cJSON_GetObjectItemCaseSensitive(d, "employee");
    if (strcmp(th_str(d, "code"), code) == 0 &&
        (!emp || (cJSON_IsString(e) && strcmp(e->valuestring, emp) == 0)))
      return true;
  }
  return false;
}

/* The solver's own results keep every rule. */
static void test_check_clean(void **state) {
  (void)state;
  for (uint64_t seed = 1; seed <= 40; seed++) {
    gen g;
    gen_make(&g, seed, seed % 2 == 0);
    char *doc = gen_json(&g);
    for (int m = 0; m < 2; m++) {
      char *res = th_solve_text(doc, m);
      int outcome = -1;
      cJSON *chk = run_check(doc, res, &outcome);
      if (outcome != SENBID_OUTCOME_OK) {
        char *txt = cJSON_Print(chk);
        print_error("seed %llu method %d: %s\n", (unsigned long long)seed, m, txt);
        free(txt);
        fail();
      }
      cJSON_Delete(chk);
      free(res);
    }
    free(doc);
  }
}

/* A hand-made schedule that gives the junior E2 the days the senior E1
 * asked for first (cap 1): the pass grants E1 (NBPC 2019 Art. 14 C.2), so
 * check lists SENIORITY for both, CAPACITY is kept, and E1 (denied in the
 * posted schedule) should have been notified... but the rules deny E2, who
 * is missing from notify: NOTIFY. An over-balance grant is BALANCE. */
static void test_check_departures(void **state) {
  (void)state;
  const char *doc = HEAD "\"employees\":[" EMP("E1", "2010") "}," EMP(
      "E2", "2012") ",\"leave_balance_hours\":8}]," PERIOD
      ",\"capacity\":{\"default\":1},\"requests\":["
      "{\"employee\":\"E1\",\"choices\":[{\"id\":\"a\",\"options\":["
      OPT("2026-11-02", "2026-11-03") "]}]},"
      "{\"employee\":\"E2\",\"choices\":[{\"id\":\"a\",\"options\":["
      OPT("2026-11-02", "2026-11-03") "]}]}]}";
  const char *posted = "{\"grants\":[{\"employee\":\"E2\",\"choice\":\"a\","
      "\"option\":0,\"start\":\"2026-11-02\",\"end\":\"2026-11-03\"}],"
      "\"notify\":[\"E1\"]}";
  int outcome = -1;
  cJSON *chk = run_check(doc, posted, &outcome);
  assert_int_equal(outcome, SENBID_OUTCOME_DEPARTURES);
  assert_true(has_departure(chk, "SENIORITY", "E1"));
  assert_true(has_departure(chk, "SENIORITY", "E2"));
  assert_true(has_departure(chk, "BALANCE", "E2"));
  assert_true(has_departure(chk, "NOTIFY", "E2"));
  assert_false(has_departure(chk, "CAPACITY", NULL));
  cJSON_Delete(chk);
  /* Both granted: a day over its cap; an unknown choice. */
  posted = "{\"grants\":[{\"employee\":\"E1\",\"choice\":\"a\",\"option\":0,"
      "\"start\":\"2026-11-02\",\"end\":\"2026-11-03\"},"
      "{\"employee\":\"E2\",\"choice\":\"a\",\"option\":0,"
      "\"start\":\"2026-11-02\",\"end\":\"2026-11-03\"},"
      "{\"employee\":\"E2\",\"choice\":\"zz\",\"option\":0}],\"notify\":[\"E2\"]}";
  chk = run_check(doc, posted, &outcome);
  assert_true(has_departure(chk, "CAPACITY", NULL));
  assert_true(has_departure(chk, "UNKNOWN_CHOICE", "E2"));
  assert_false(has_departure(chk, "NOTIFY", NULL));
  cJSON_Delete(chk);
}

/* ------------------------------------------------------------------------ */
/* Input errors (SPEC section 0 and section 9), each with its JSON path      */
/* ------------------------------------------------------------------------ */

#define E1 EMP("E1", "2010") "}"
static void test_input_errors(void **state) {
  (void)state;
  th_parse_fails(HEAD "\"employees\":[" E1 "]}", SENBID_E_MISSING, "$.period");
  th_parse_fails(HEAD "\"employees\":[" E1 "],\"period\":{\"start\":\"2026-10-01\"}}",
                 SENBID_E_MISSING, "$.period.end");
  th_parse_fails(HEAD "\"employees\":[" E1 "],\"period\":{\"start\":\"2026-10-01\",\"end\":\"2026-09-30\"}}",
                 SENBID_E_RANGE, "$.period.end");
  th_parse_fails(HEAD "\"employees\":[" E1 "],\"period\":{\"start\":\"2026-10-01\",\"end\":\"2037-01-01\"}}",
                 SENBID_E_LIMIT, "$.period");
  th_parse_fails(HEAD "\"employees\":[" E1 "],\"period\":{\"start\":\"2026-10-32\",\"end\":\"2027-01-01\"}}",
                 SENBID_E_DATE, "$.period.start");
  th_parse_fails(HEAD "\"employees\":[" E1 "]," PERIOD ",\"holidays\":\"xmas\"}",
                 SENBID_E_VALUE, "$.holidays");
  th_parse_fails(HEAD "\"employees\":[" E1 "]," PERIOD ",\"holidays\":3}",
                 SENBID_E_TYPE, "$.holidays");
  th_parse_fails(HEAD "\"employees\":[" E1 "]," PERIOD ",\"holidays\":[\"2026-12-25\",\"12/26\"]}",
                 SENBID_E_DATE, "$.holidays[1]");
  th_parse_fails(HEAD "\"employees\":[" E1 "]," PERIOD ",\"capacity\":{\"default\":-1}}",
                 SENBID_E_NEGATIVE, "$.capacity.default");
  th_parse_fails(HEAD "\"employees\":[" E1 "]," PERIOD ",\"capacity\":{\"groups\":{\"A\":\"x\"}}}",
                 SENBID_E_TYPE, "$.capacity.groups.A");
  th_parse_fails(HEAD "\"employees\":[" E1 "]," PERIOD ",\"capacity\":{\"overrides\":[{\"start\":\"2026-12-01\",\"end\":\"2026-12-02\"}]}}",
                 SENBID_E_MISSING, "$.capacity.overrides[0].max");
  th_parse_fails(HEAD "\"employees\":[" E1 "]," PERIOD ",\"capacity\":{\"overrides\":[{\"start\":\"2026-12-01\",\"end\":\"2026-12-02\",\"max\":-2}]}}",
                 SENBID_E_NEGATIVE, "$.capacity.overrides[0].max");
  th_parse_fails(HEAD "\"employees\":[" E1 "]," PERIOD ",\"approved\":[{\"employee\":\"E9\",\"start\":\"2026-12-01\",\"end\":\"2026-12-02\"}]}",
                 SENBID_E_UNKNOWN_ID, "$.approved[0].employee");
  th_parse_fails(HEAD "\"employees\":[" E1 "]," PERIOD ",\"approved\":[{\"employee\":\"E1\",\"start\":\"2026-12-03\",\"end\":\"2026-12-02\"}]}",
                 SENBID_E_RANGE, "$.approved[0].end");
  th_parse_fails(HEAD "\"employees\":[" E1 "]," PERIOD ",\"requests\":[{\"employee\":\"E9\",\"choices\":[]}]}",
                 SENBID_E_UNKNOWN_ID, "$.requests[0].employee");
  th_parse_fails(HEAD "\"employees\":[" E1 "]," PERIOD ",\"requests\":[{\"employee\":\"E1\",\"choices\":[]},{\"employee\":\"E1\",\"choices\":[]}]}",
                 SENBID_E_DUPLICATE, "$.requests[1].employee");
  th_parse_fails(HEAD "\"employees\":[" E1 "]," PERIOD ",\"requests\":[{\"employee\":\"E1\"}]}",
                 SENBID_E_MISSING, "$.requests[0].choices");
  th_parse_fails(HEAD "\"employees\":[" E1 "]," PERIOD ",\"requests\":[{\"employee\":\"E1\",\"choices\":[{\"id\":\"a\",\"options\":[]},{\"id\":\"a\",\"options\":[]}]}]}",
                 SENBID_E_DUPLICATE, "$.requests[0].choices[1].id");
  th_parse_fails(HEAD "\"employees\":[" E1 "]," PERIOD ",\"requests\":[{\"employee\":\"E1\",\"choices\":[{\"options\":[]}]}]}",
                 SENBID_E_MISSING, "$.requests[0].choices[0].id");
  th_parse_fails(HEAD "\"employees\":[" E1 "]," PERIOD ",\"requests\":[{\"employee\":\"E1\",\"choices\":[{\"id\":\"a\"}]}]}",
                 SENBID_E_MISSING, "$.requests[0].choices[0].options");
  th_parse_fails(HEAD "\"employees\":[" E1 "]," PERIOD ",\"requests\":[{\"employee\":\"E1\",\"choices\":[{\"id\":\"a\",\"options\":[{\"start\":\"2026-12-01\",\"end\":\"x\"}]}]}]}",
                 SENBID_E_DATE, "$.requests[0].choices[0].options[0].end");
  th_parse_fails(HEAD "\"employees\":[" E1 "]," PERIOD ",\"rules\":{\"max_days_per_employee\":-1}}",
                 SENBID_E_NEGATIVE, "$.rules.max_days_per_employee");
  th_parse_fails(HEAD "\"employees\":[" E1 "]," PERIOD ",\"rules\":{\"max_days_per_employee\":1.5}}",
                 SENBID_E_TYPE, "$.rules.max_days_per_employee");
  th_parse_fails(HEAD "\"employees\":[" EMP("E1", "2010") ",\"leave_balance_hours\":-8}]," PERIOD "}",
                 SENBID_E_NEGATIVE, "$.employees[0].leave_balance_hours");
  th_parse_fails(HEAD "\"employees\":[" EMP("E1", "2010") ",\"hours_per_day\":\"8\"}]," PERIOD "}",
                 SENBID_E_TYPE, "$.employees[0].hours_per_day");
  th_parse_fails(HEAD "\"employees\":[" EMP("E1", "2010") ",\"min_leave_days\":-1}]," PERIOD "}",
                 SENBID_E_NEGATIVE, "$.employees[0].min_leave_days");
  th_parse_fails(HEAD "\"employees\":[" EMP("E1", "2010") ",\"workdays\":[\"mon\",\"funday\"]}]," PERIOD "}",
                 SENBID_E_VALUE, "$.employees[0].workdays[1]");
  th_parse_fails(HEAD "\"employees\":[" EMP("E1", "2010") ",\"workdays\":\"mon\"}]," PERIOD "}",
                 SENBID_E_TYPE, "$.employees[0].workdays");
  th_parse_fails(HEAD "\"employees\":[" E1 "]," PERIOD ",\"requests\":[{\"employee\":\"E1\",\"choices\":[{\"id\":\"\",\"options\":[]}]}]}",
                 SENBID_E_VALUE, "$.requests[0].choices[0].id");
  th_parse_fails(HEAD "\"employees\":[" E1 "]," PERIOD ",\"capacity\":{\"groups\":{\"G\":-3}}}",
                 SENBID_E_NEGATIVE, "$.capacity.groups.G");
  th_parse_fails(HEAD "\"employees\":[" E1 "]," PERIOD ",\"capacity\":{\"overrides\":[{\"start\":\"2020-01-01\",\"end\":\"2030-12-31\",\"max\":1}]}}",
                 SENBID_E_LIMIT, "$.capacity.overrides[0]");
  th_parse_fails(HEAD "\"employees\":[" E1 "]," PERIOD ",\"requests\":{}}",
                 SENBID_E_TYPE, "$.requests");
  th_parse_fails(HEAD "\"employees\":[" E1 "]," PERIOD ",\"inauguration_day\":\"yes\"}",
                 SENBID_E_TYPE, "$.inauguration_day");
  /* 65 choices: LIMIT (SPEC section 9). */
  char buf[8192];
  size_t n = (size_t)snprintf(buf, sizeof buf, "%s", HEAD "\"employees\":[" E1 "]," PERIOD
                              ",\"requests\":[{\"employee\":\"E1\",\"choices\":[");
  for (int i = 0; i < 65; i++)
    n += (size_t)snprintf(buf + n, sizeof buf - n, "%s{\"id\":\"c%d\",\"options\":[]}", i ? "," : "", i);
  snprintf(buf + n, sizeof buf - n, "]}]}");
  th_parse_fails(buf, SENBID_E_LIMIT, "$.requests[0].choices");
  /* null is absent; unknown members are ignored. */
  senbid_problem *p = th_parse_ok(HEAD "\"employees\":[" E1 "]," PERIOD
                                  ",\"holidays\":null,\"capacity\":null,\"frobnicate\":1}");
  senbid_problem_free(p);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_hand_alternate_granted),
      cmocka_unit_test(test_hand_second_round_loses),
      cmocka_unit_test(test_hand_blackout),
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
      cmocka_unit_test(test_rounds_and_order),
      cmocka_unit_test(test_conf_balance_maxdays),
      cmocka_unit_test(test_conf_blackout),
      cmocka_unit_test(test_conf_holidays),
      cmocka_unit_test(test_conf_overlap_outside),
      cmocka_unit_test(test_conf_basic),
      cmocka_unit_test(test_conf_tie),
      cmocka_unit_test(test_conf_lex_infeasible),
      cmocka_unit_test(test_conf_lex_min_junior),
      cmocka_unit_test(test_conf_lex_two_rounds),
      cmocka_unit_test(test_lex_min_leave),
      cmocka_unit_test(test_lex_time_limit),
      cmocka_unit_test(test_lex_min_leave_denial),
      cmocka_unit_test(test_lex_infeasible_no_request),
      cmocka_unit_test(test_lex_infeasible_blackout_dates),
      cmocka_unit_test(test_property_lex_equals_round_robin),
      cmocka_unit_test(test_property_minimums_met),
      cmocka_unit_test(test_property_cheap_tests_exact),
      cmocka_unit_test(test_deterministic),
      cmocka_unit_test(test_export_lp),
      cmocka_unit_test(test_check_clean),
      cmocka_unit_test(test_check_departures),
      cmocka_unit_test(test_input_errors),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
