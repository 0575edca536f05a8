/* Tests of kind "assignment" (SPEC section 5): NBPC 2019 Appendix III and
 * Art. 27.A, ICE 2019 Art. 14 and Art. 11 Sec. 3.C, the ledger, both
 * methods, check and export-lp. Each hand-worked case explains its
 * reasoning so that it can be checked on paper. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "internal.h"

#include <glpk.h>

#include "assign/assign.h"
#include "tiny.h"
#include <unistd.h>

/* Copies of the conformance cases of SPEC section 5 (tests/assign/cases),
 * so that the tests need nothing outside the repository. */
#ifndef CASES_DIR
#define CASES_DIR "cases"
#endif

/* ------------------------------------------------------------ builders */

/* Employee Ek with series/usbp/cbp start in `year` (smaller year = more
 * senior) and the given quals (a JSON array body, e.g. "\"EMT\""). */
static char *emp(const char *id, int year, const char *quals, bool board) {
  return th_fmt(
      "{\"id\":\"%s\",\"name\":{\"last\":\"%s\"},\"service\":{\"series_start\":"
      "\"%d-01-01\",\"usbp_start\":\"%d-01-01\",\"cbp_start\":\"%d-01-01\","
      "\"scd\":\"%d-01-01\"},\"quals\":[%s],\"union_board\":%s}",
      id, id, year, year, year, year, quals ? quals : "", board ? "true" : "false");
}

/* n employees E1..En, E1 most senior; those listed in `emt` (e.g. "1,3")
 * hold EMT. */
static char *roster(int n, const char *emt, const char *board) {
  size_t cap = 256 * (size_t)n + 16;
  char *s = malloc(cap);
  size_t len = 0;
  s[len++] = '[';
  for (int i = 1; i <= n; i++) {
    char id[16], key[20];
    snprintf(id, sizeof id, "E%d", i);
    snprintf(key, sizeof key, ",%d,", i);
    char list[64] = ",";
    if (emt) snprintf(list, sizeof list, ",%s,", emt);
    char blist[64] = ",";
    if (board) snprintf(blist, sizeof blist, ",%s,", board);
    char *e = emp(id, 2000 + i, strstr(list, key) ? "\"EMT\"" : "",
                  strstr(blist, key) != NULL);
    len += (size_t)snprintf(s + len, cap - len, "%s%s", i > 1 ? "," : "", e);
    free(e);
  }
  s[len++] = ']';
  s[len] = 0;
  return s;
}

static char *doc(const char *rules, const char *emps, const char *opps,
                 const char *ledger) {
  return th_fmt("{\"senbid\":1,\"kind\":\"assignment\",\"as_of\":\"2027-02-01\","
                "\"seniority\":{\"policy\":\"nbpc-2019\"},\"rules\":\"%s\","
                "\"employees\":%s,\"opportunities\":[%s],\"ledger\":%s}",
                rules, emps, opps, ledger ? ledger : "{}");
}

/* "opp:emp:REASON opp:emp:REASON ..." of a result array */
static char *list3(const cJSON *res, const char *member) {
  const cJSON *a = th_get(res, member);
  static char buf[8192];
  size_t len = 0;
  buf[0] = 0;
  const cJSON *x;
  cJSON_ArrayForEach(x, a) {
    const cJSON *slots = cJSON_GetObjectItemCaseSensitive(x, "slots");
    if (slots)
      len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s:%d",
                              len ? " " : "", th_str(x, "opportunity"),
                              (int)slots->valuedouble);
    else
      len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s:%s:%s",
                              len ? " " : "", th_str(x, "opportunity"),
                              th_str(x, "employee"), th_str(x, "reason"));
  }
  return buf;
}

/* the ids of an array, space-separated */
static char *ids(const cJSON *a) {
  static char buf[4096];
  size_t len = 0;
  buf[0] = 0;
  const cJSON *x;
  cJSON_ArrayForEach(x, a)
    len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s", len ? " " : "",
                            x->valuestring);
  return buf;
}

static const cJSON *ledger(const cJSON *res) { return th_get(res, "ledger"); }

static cJSON *solve3(const char *rules, const char *emps, const char *opps,
                     const char *led, int method) {
  char *d = doc(rules, emps, opps, led);
  cJSON *r = th_solve(d, method);
  free(d);
  return r;
}
#define RR SENBID_METHOD_ROUND_ROBIN
#define LEX SENBID_METHOD_LEXICOGRAPHIC

/* ---------------------------------------------------- conformance cases */

static void conformance_case(const char *name, bool lex) {
  char *pp = th_fmt("%s/%s.problem.json", CASES_DIR, name);
  char *ep = th_fmt("%s/%s.expected.json", CASES_DIR, name);
  char *prob = th_read_file(pp, NULL);
  char *exp = th_read_file(ep, NULL);
  cJSON *want = cJSON_Parse(exp);
  cJSON *got = th_solve(prob, lex ? LEX : RR);
  assert_non_null(want);
  const char *members[] = {"selections", "unfilled", "skipped", "ledger",
                           "seniority", "status"};
  for (size_t i = 0; i < sizeof members / sizeof *members; i++) {
    if (!cJSON_Compare(th_get(want, members[i]), th_get(got, members[i]), true))
      fail_msg("%s: %s differs", name, members[i]);
  }
  cJSON_Delete(want);
  cJSON_Delete(got);
  free(prob);
  free(exp);
  free(pp);
  free(ep);
}

static const char *const conf_names[] = {
    "as_extension_mandate_reset", "as_ice_types",       "as_mandate_cycle_reset",
    "as_nbpc_basic",              "as_overtime",        "as_special_skills",
    "as_training_rotation",       "as_waiting_period_waiver"};

/* All the conformance cases (tests/assign/cases), exactly (skipped included). The
 * cases have no opportunity whose slots could go unfilled by a volunteer
 * choice, so lexicographic must agree too (SPEC section 0). */
static void test_conformance(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof conf_names / sizeof *conf_names; i++) {
    conformance_case(conf_names[i], false);
    conformance_case(conf_names[i], true);
  }
}

/* ------------------------------------------------ NBPC waiting periods */

/* NBPC 2019 App. III E: E1 served 2027-01-01..2027-01-10 (L = 10 days):
 * waiting through 01-20. A detail starting 01-19 (day before the end of the
 * wait) or 01-20 (its last day) skips E1; one starting 01-21 takes E1. E2
 * volunteers too, so the only-volunteer waiver does not apply. */
static void wait_edge(const char *start, const char *want) {
  char *emps = roster(2, NULL, NULL);
  char *opps = th_fmt(
      "{\"id\":\"D\",\"type\":\"x\",\"slots\":1,\"start\":\"%s\",\"end\":\"2027-06-30\","
      "\"volunteers\":[\"E1\",\"E2\"]}", start);
  cJSON *r = solve3("nbpc-2019", emps, opps,
                    "{\"history\":[{\"employee\":\"E1\",\"type\":\"y\",\"voluntary\":true,"
                    "\"start\":\"2027-01-01\",\"end\":\"2027-01-10\"}]}", RR);
  assert_string_equal(list3(r, "selections"), want);
  cJSON_Delete(r);
  free(opps);
  free(emps);
}

static void test_nbpc_waiting_period_edges(void **state) {
  (void)state;
  wait_edge("2027-01-19", "D:E2:VOLUNTEER");
  wait_edge("2027-01-20", "D:E2:VOLUNTEER");
  wait_edge("2027-01-21", "D:E1:VOLUNTEER");
}

/* NBPC 2019 App. III E "not to exceed 1 year": a 400-day detail ending
 * 2026-02-04 waits 365 days, through 2027-02-04. */
static void test_nbpc_waiting_period_capped_at_a_year(void **state) {
  (void)state;
  const char *led = "{\"history\":[{\"employee\":\"E1\",\"type\":\"y\","
                    "\"start\":\"2025-01-01\",\"end\":\"2026-02-04\"}]}";
  char *emps = roster(2, NULL, NULL);
  const char *starts[] = {"2027-02-04", "2027-02-05"};
  const char *want[] = {"D:E2:VOLUNTEER", "D:E1:VOLUNTEER"};
  for (int i = 0; i < 2; i++) {
    char *opps = th_fmt("{\"id\":\"D\",\"type\":\"x\",\"slots\":1,\"start\":\"%s\","
                        "\"end\":\"2027-03-01\",\"volunteers\":[\"E1\",\"E2\"]}",
                        starts[i]);
    cJSON *r = solve3("nbpc-2019", emps, opps, led, RR);
    assert_string_equal(list3(r, "selections"), want[i]);
    if (i == 0) assert_string_equal(list3(r, "skipped"), "D:E1:WAITING_PERIOD");
    cJSON_Delete(r);
    free(opps);
  }
  free(emps);
}

/* App. III E waiver: E1 is in a waiting period but is the only volunteer
 * and is selected; when E2 also volunteers (even unqualified), E1 is not
 * the only volunteer and is skipped: nobody is selected. */
static void test_nbpc_waiver_only_volunteer(void **state) {
  (void)state;
  const char *led = "{\"history\":[{\"employee\":\"E1\",\"type\":\"y\","
                    "\"start\":\"2027-03-01\",\"end\":\"2027-03-31\"}]}";
  char *emps = roster(2, "1", NULL);
  cJSON *r = solve3("nbpc-2019", emps,
                    "{\"id\":\"D\",\"type\":\"x\",\"slots\":1,\"start\":\"2027-04-05\","
                    "\"end\":\"2027-04-09\",\"required\":[\"EMT\"],\"volunteers\":[\"E1\"]}",
                    led, RR);
  assert_string_equal(list3(r, "selections"), "D:E1:VOLUNTEER");
  cJSON_Delete(r);
  r = solve3("nbpc-2019", emps,
             "{\"id\":\"D\",\"type\":\"x\",\"slots\":1,\"start\":\"2027-04-05\","
             "\"end\":\"2027-04-09\",\"required\":[\"EMT\"],\"volunteers\":[\"E1\",\"E2\"]}",
             led, RR);
  assert_string_equal(list3(r, "selections"), "");
  assert_string_equal(list3(r, "skipped"), "D:E1:WAITING_PERIOD D:E2:NOT_QUALIFIED");
  assert_string_equal(list3(r, "unfilled"), "D:1");
  cJSON_Delete(r);
  free(emps);
}

/* The waiting period uses the most recent detail of any type, including
 * one selected earlier in the same run, and applies to mandates (App. III
 * E, SPEC section 9). D1 (Mar 1-10, 10 days) takes volunteer E1, who then
 * waits through Mar 20. D2 starts Mar 15: E1 (not the only volunteer)
 * waits, E2 is chosen. D3 (Mar 18-19, must fill 2, no volunteers): walking
 * by inverse seniority, E3 is mandated, E2 is on D2 (overlap,
 * UNAVAILABLE), E1 still waits: one slot stays unfilled. */
static void test_nbpc_waiting_period_within_run_and_mandates(void **state) {
  (void)state;
  char *emps = roster(3, NULL, NULL);
  cJSON *r = solve3(
      "nbpc-2019", emps,
      "{\"id\":\"D1\",\"type\":\"a\",\"slots\":1,\"start\":\"2027-03-01\",\"end\":\"2027-03-10\","
      "\"volunteers\":[\"E1\"]},"
      "{\"id\":\"D2\",\"type\":\"b\",\"slots\":1,\"start\":\"2027-03-15\",\"end\":\"2027-03-25\","
      "\"volunteers\":[\"E1\",\"E2\"]},"
      "{\"id\":\"D3\",\"type\":\"c\",\"slots\":2,\"start\":\"2027-03-18\",\"end\":\"2027-03-19\","
      "\"volunteers\":[],\"must_fill\":true}",
      NULL, RR);
  assert_string_equal(list3(r, "selections"),
                      "D1:E1:VOLUNTEER D2:E2:VOLUNTEER D3:E3:MANDATED");
  /* inverse seniority walk: E3 taken, E2 unavailable, E1 waiting */
  assert_string_equal(list3(r, "skipped"),
                      "D2:E1:WAITING_PERIOD D3:E2:UNAVAILABLE D3:E1:WAITING_PERIOD");
  assert_string_equal(list3(r, "unfilled"), "D3:1");
  cJSON_Delete(r);
  free(emps);
}

/* ------------------------------------------------- NBPC cycles, ledger */

/* App. III A.1, no repeat until all have had the chance, carried by the
 * ledger across announcements. Three EMTs E1-E3 (E4 holds no EMT), all
 * volunteering for successive non-overlapping "checkpoint" details of one
 * slot, spaced so no waiting period applies (each lasts 1 day, the next
 * starts 10 days later). served_cycle starts as [E1]:
 *   D1: E2 (not in cycle, most senior)        -> cycle [E1, E2]
 *   D2: E3                                    -> cycle [E1,E2,E3] = every
 *       EMT -> cleared (cycle_reset)
 *   D3: E1 again (cycle empty, most senior)   -> cycle [E1]
 * E4 is unqualified, so it does not hold the cycle open. */
static void test_nbpc_served_cycle_across_announcements(void **state) {
  (void)state;
  char *emps = roster(4, "1,2,3", NULL);
  const char *o =
      "{\"id\":\"D1\",\"type\":\"checkpoint\",\"slots\":1,\"start\":\"2027-03-01\",\"end\":\"2027-03-01\","
      "\"required\":[\"EMT\"],\"volunteers\":[\"E1\",\"E2\",\"E3\"]},"
      "{\"id\":\"D2\",\"type\":\"checkpoint\",\"slots\":1,\"start\":\"2027-03-11\",\"end\":\"2027-03-11\","
      "\"required\":[\"EMT\"],\"volunteers\":[\"E1\",\"E2\",\"E3\"]},"
      "{\"id\":\"D3\",\"type\":\"checkpoint\",\"slots\":1,\"start\":\"2027-03-21\",\"end\":\"2027-03-21\","
      "\"required\":[\"EMT\"],\"volunteers\":[\"E1\",\"E2\",\"E3\"]}";
  cJSON *r = solve3("nbpc-2019", emps, o, "{\"served_cycle\":{\"checkpoint\":[\"E1\"]}}", RR);
  assert_string_equal(list3(r, "selections"),
                      "D1:E2:VOLUNTEER D2:E3:VOLUNTEER D3:E1:VOLUNTEER");
  assert_string_equal(ids(th_get(th_get(ledger(r), "served_cycle"), "checkpoint")), "E1");
  /* the reset is in the audit trail with its clause */
  bool reset = false;
  const cJSON *a;
  cJSON_ArrayForEach(a, th_get(r, "audit")) if (!strcmp(th_str(a, "event"), "cycle_reset")) {
    assert_string_equal(th_str(a, "rule"), "NBPC2019.APPIII.A.1");
    reset = true;
  }
  assert_true(reset);
  cJSON_Delete(r);
  free(emps);
}

/* App. III A.1 / D: mandates by inverse seniority, no one mandated again
 * until all have been; the cycle carries across runs through the ledger.
 * Run 1 (cycle empty): D1 mandates E3, D2 E2. Run 2 starts from run 1's
 * ledger: D3 mandates E1 -> every employee in the cycle -> cleared; D4
 * mandates E3 again. Details are 1 day long and 10 days apart. */
static void test_nbpc_mandate_cycle_carried_between_runs(void **state) {
  (void)state;
  char *emps = roster(3, NULL, NULL);
  cJSON *r1 = solve3(
      "nbpc-2019", emps,
      "{\"id\":\"D1\",\"type\":\"x\",\"slots\":1,\"start\":\"2027-03-01\",\"end\":\"2027-03-01\",\"must_fill\":true},"
      "{\"id\":\"D2\",\"type\":\"x\",\"slots\":1,\"start\":\"2027-03-11\",\"end\":\"2027-03-11\",\"must_fill\":true}",
      NULL, RR);
  assert_string_equal(list3(r1, "selections"), "D1:E3:MANDATED D2:E2:MANDATED");
  assert_string_equal(ids(th_get(ledger(r1), "mandate_cycle")), "E3 E2");
  char *led = cJSON_PrintUnformatted(ledger(r1));
  cJSON *r2 = solve3(
      "nbpc-2019", emps,
      "{\"id\":\"D3\",\"type\":\"x\",\"slots\":1,\"start\":\"2027-03-21\",\"end\":\"2027-03-21\",\"must_fill\":true},"
      "{\"id\":\"D4\",\"type\":\"x\",\"slots\":1,\"start\":\"2027-03-31\",\"end\":\"2027-03-31\",\"must_fill\":true}",
      led, RR);
  assert_string_equal(list3(r2, "selections"), "D3:E1:MANDATED D4:E3:MANDATED");
  assert_string_equal(ids(th_get(ledger(r2), "mandate_cycle")), "E3");
  assert_int_equal(cJSON_GetArraySize(th_get(ledger(r2), "history")), 4);
  cJSON_Delete(r1);
  cJSON_Delete(r2);
  free(led);
  free(emps);
}

/* The ledger round trip loses nothing: a result's ledger fed back with no
 * opportunities comes out identical, member for member. */
static void test_ledger_round_trip(void **state) {
  (void)state;
  char *emps = roster(4, "1,2", NULL);
  const char *led =
      "{\"history\":[{\"employee\":\"E1\",\"type\":\"a\",\"ice_type\":\"I\",\"voluntary\":true,"
      "\"start\":\"2026-01-01\",\"end\":\"2026-02-01\"},{\"employee\":\"E2\",\"type\":\"b\","
      "\"ice_type\":null,\"voluntary\":false,\"start\":\"2026-03-01\",\"end\":\"2026-03-02\"}],"
      "\"served_cycle\":{\"a\":[\"E3\",\"E1\"],\"b\":[\"E2\"]},\"mandate_cycle\":[\"E4\",\"E2\"],"
      "\"overtime_hours\":{\"E3\":12.5,\"E1\":0},\"exemptions\":[{\"employee\":\"E4\",\"until\":\"2027-09-01\"}],"
      "\"training_last\":{\"t1\":\"E2\",\"t0\":\"E4\"}}";
  cJSON *in = cJSON_Parse(led);
  cJSON *r = solve3("nbpc-2019", emps, "", led, RR);
  assert_true(cJSON_Compare(in, ledger(r), true));
  char *again = cJSON_PrintUnformatted(ledger(r));
  cJSON *r2 = solve3("ice-2019", emps, "", again, LEX);
  assert_true(cJSON_Compare(in, ledger(r2), true));
  cJSON_Delete(in);
  cJSON_Delete(r);
  cJSON_Delete(r2);
  free(again);
  free(emps);
}

/* App. III B: a decline is recorded and the next volunteer is taken; the
 * decline binds volunteers only, so E1 can still be mandated for another
 * slot of the same must-fill detail (SPEC section 9). Mandate order: E2 and
 * E1 are not in the cycle -> inverse seniority: E2 is the volunteer already
 * selected, so E1. */
static void test_nbpc_decline_then_mandate(void **state) {
  (void)state;
  char *emps = roster(2, NULL, NULL);
  cJSON *r = solve3("nbpc-2019", emps,
                    "{\"id\":\"D\",\"type\":\"x\",\"slots\":2,\"start\":\"2027-03-01\",\"end\":\"2027-03-05\","
                    "\"volunteers\":[\"E1\",\"E2\"],\"declines\":[\"E1\"],\"must_fill\":true}",
                    NULL, RR);
  assert_string_equal(list3(r, "selections"), "D:E2:VOLUNTEER D:E1:MANDATED");
  assert_string_equal(list3(r, "skipped"), "D:E1:DECLINED");
  cJSON_Delete(r);
  free(emps);
}

/* Skip order for a volunteer (SPEC section 9): NOT_QUALIFIED, then
 * UNAVAILABLE, then DECLINED, then WAITING_PERIOD. E1 is all four at once
 * in D2 (unqualified... so NOT_QUALIFIED); E2 unavailable and declining ->
 * UNAVAILABLE; E3 declining and waiting -> DECLINED. */
static void test_skip_reason_order(void **state) {
  (void)state;
  char *emps = roster(4, "2,3,4", NULL);
  cJSON *r = solve3(
      "nbpc-2019", emps,
      "{\"id\":\"D1\",\"type\":\"x\",\"slots\":2,\"start\":\"2027-03-01\",\"end\":\"2027-03-31\","
      "\"volunteers\":[\"E1\",\"E2\"]},"
      "{\"id\":\"D2\",\"type\":\"y\",\"slots\":1,\"start\":\"2027-03-10\",\"end\":\"2027-03-12\","
      "\"required\":[\"EMT\"],\"volunteers\":[\"E1\",\"E2\",\"E3\",\"E4\"],\"declines\":[\"E1\",\"E2\",\"E3\"]}",
      "{\"history\":[{\"employee\":\"E3\",\"type\":\"z\",\"start\":\"2027-02-01\",\"end\":\"2027-03-05\"}]}",
      RR);
  assert_string_equal(list3(r, "selections"), "D1:E1:VOLUNTEER D1:E2:VOLUNTEER D2:E4:VOLUNTEER");
  assert_string_equal(list3(r, "skipped"),
                      "D2:E1:NOT_QUALIFIED D2:E2:UNAVAILABLE D2:E3:DECLINED");
  cJSON_Delete(r);
  free(emps);
}

/* Availability: an employee selected for one opportunity is unavailable
 * for one that shares a day, and available for one starting the next day. */
static void test_availability_edges(void **state) {
  (void)state;
  char *emps = roster(2, NULL, NULL);
  cJSON *r = solve3(
      "nbpc-2019", emps,
      "{\"id\":\"OT1\",\"type\":\"overtime\",\"slots\":1,\"start\":\"2027-03-01\",\"end\":\"2027-03-02\",\"volunteers\":[\"E1\"]},"
      "{\"id\":\"OT2\",\"type\":\"overtime\",\"slots\":1,\"start\":\"2027-03-02\",\"end\":\"2027-03-02\",\"volunteers\":[\"E1\",\"E2\"]},"
      "{\"id\":\"OT3\",\"type\":\"overtime\",\"slots\":1,\"start\":\"2027-03-03\",\"end\":\"2027-03-03\",\"volunteers\":[\"E1\"]}",
      NULL, RR);
  assert_string_equal(list3(r, "selections"),
                      "OT1:E1:OVERTIME_ROTATION OT2:E2:OVERTIME_ROTATION OT3:E1:OVERTIME_ROTATION");
  assert_string_equal(list3(r, "skipped"), "OT2:E1:UNAVAILABLE");
  cJSON_Delete(r);
  free(emps);
}

/* App. III C: extensions only when no candidate is left, by seniority,
 * must be available; they enter history as voluntary and not the served
 * cycle. E1 (extension volunteer) is busy on D0; E2 and E3 extend. */
static void test_nbpc_extension(void **state) {
  (void)state;
  char *emps = roster(3, NULL, NULL);
  cJSON *r = solve3(
      "nbpc-2019", emps,
      "{\"id\":\"D0\",\"type\":\"y\",\"slots\":1,\"start\":\"2027-03-01\",\"end\":\"2027-03-31\",\"volunteers\":[\"E1\"]},"
      "{\"id\":\"D1\",\"type\":\"x\",\"slots\":2,\"start\":\"2027-03-15\",\"end\":\"2027-04-15\","
      "\"volunteers\":[],\"extension_volunteers\":[\"E3\",\"E1\",\"E2\"]}",
      NULL, RR);
  assert_string_equal(list3(r, "selections"),
                      "D0:E1:VOLUNTEER D1:E2:EXTENSION D1:E3:EXTENSION");
  assert_string_equal(list3(r, "skipped"), "D1:E1:UNAVAILABLE");
  const cJSON *h = th_get(ledger(r), "history");
  assert_true(cJSON_IsTrue(th_get(th_at(h, 1), "voluntary")));
  assert_null(cJSON_GetObjectItem(th_get(ledger(r), "served_cycle"), "x"));
  cJSON_Delete(r);
  free(emps);
}

/* Exemption edges (App. III D "not exempt"; ICE 2019 Sec. 5.D.4): an
 * exemption until the day before the start does not protect, until the
 * start day does. */
static void test_exemption_edges(void **state) {
  (void)state;
  char *emps = roster(2, NULL, NULL);
  const char *opp = "{\"id\":\"D\",\"type\":\"x\",\"slots\":1,\"start\":\"2027-05-10\","
                    "\"end\":\"2027-05-12\",\"must_fill\":true}";
  cJSON *r = solve3("nbpc-2019", emps, opp,
                    "{\"exemptions\":[{\"employee\":\"E2\",\"until\":\"2027-05-09\"}]}", RR);
  assert_string_equal(list3(r, "selections"), "D:E2:MANDATED");
  cJSON_Delete(r);
  r = solve3("nbpc-2019", emps, opp,
             "{\"exemptions\":[{\"employee\":\"E2\",\"until\":\"2027-05-10\"}]}", RR);
  assert_string_equal(list3(r, "selections"), "D:E1:MANDATED");
  assert_string_equal(list3(r, "skipped"), "D:E2:EXEMPT");
  cJSON_Delete(r);
  free(emps);
}

/* App. III A.2: weighted scores, missing scores 0, ties by seniority; the
 * served cycle does not reorder special-skills selections. Weights
 * {interview: 2, prior: 3}: E3 = 2*5 = 10, E2 = 2*2 + 3*2 = 10, E1 = 3*1
 * = 3, E4 = 0. E2 and E3 tie at 10 -> E2 (senior) first, then E3. */
static void test_nbpc_special_skills_scores(void **state) {
  (void)state;
  char *emps = roster(4, NULL, NULL);
  cJSON *r = solve3(
      "nbpc-2019", emps,
      "{\"id\":\"K\",\"type\":\"instructor\",\"slots\":2,\"start\":\"2027-03-01\",\"end\":\"2027-03-05\","
      "\"special_skills\":true,\"weights\":{\"interview\":2,\"prior\":3},\"volunteers\":["
      "{\"employee\":\"E3\",\"scores\":{\"interview\":5}},{\"employee\":\"E1\",\"scores\":{\"prior\":1}},"
      "\"E4\",{\"employee\":\"E2\",\"scores\":{\"interview\":2,\"prior\":2,\"other\":9}}]}",
      "{\"served_cycle\":{\"instructor\":[\"E2\"]}}", RR);
  assert_string_equal(list3(r, "selections"), "K:E2:VOLUNTEER K:E3:VOLUNTEER");
  assert_string_equal(ids(th_get(th_get(ledger(r), "served_cycle"), "instructor")), "E2 E3");
  cJSON_Delete(r);
  free(emps);
}

/* ---------------------------------------------------------- overtime */

/* Art. 27.A: fewest hours first, ties by seniority, hours carried from one
 * overtime day to the next in the same run. Ledger hours E1 4, E2 0, E3 0.
 * OT1 (8 h, 1 slot): E2 and E3 tie at 0 -> E2 (8). OT2 (8 h): E3 0 < E1 4
 * -> E3. OT3 (8 h): E1 4 < 8 -> E1. OT4 (2 slots, 4 h): all at 8+4? E1 12,
 * E2 8, E3 8 -> E2, E3. */
static void test_overtime_rotation_hours_carry(void **state) {
  (void)state;
  char *emps = roster(3, NULL, NULL);
  cJSON *r = solve3(
      "nbpc-2019", emps,
      "{\"id\":\"OT1\",\"type\":\"overtime\",\"slots\":1,\"hours\":8,\"start\":\"2027-03-01\",\"end\":\"2027-03-01\",\"volunteers\":[\"E1\",\"E2\",\"E3\"]},"
      "{\"id\":\"OT2\",\"type\":\"overtime\",\"slots\":1,\"hours\":8,\"start\":\"2027-03-02\",\"end\":\"2027-03-02\",\"volunteers\":[\"E1\",\"E2\",\"E3\"]},"
      "{\"id\":\"OT3\",\"type\":\"overtime\",\"slots\":1,\"hours\":8,\"start\":\"2027-03-03\",\"end\":\"2027-03-03\",\"volunteers\":[\"E1\",\"E2\",\"E3\"]},"
      "{\"id\":\"OT4\",\"type\":\"overtime\",\"slots\":2,\"hours\":4,\"start\":\"2027-03-04\",\"end\":\"2027-03-04\",\"volunteers\":[\"E1\",\"E2\",\"E3\"]}",
      "{\"overtime_hours\":{\"E1\":4}}", RR);
  assert_string_equal(list3(r, "selections"),
                      "OT1:E2:OVERTIME_ROTATION OT2:E3:OVERTIME_ROTATION OT3:E1:OVERTIME_ROTATION "
                      "OT4:E2:OVERTIME_ROTATION OT4:E3:OVERTIME_ROTATION");
  const cJSON *h = th_get(ledger(r), "overtime_hours");
  assert_int_equal((int)th_num(h, "E1"), 12);
  assert_int_equal((int)th_num(h, "E2"), 12);
  assert_int_equal((int)th_num(h, "E3"), 12);
  /* order: the ledger's keys, then new ones as first selected */
  assert_string_equal(h->child->string, "E1");
  assert_string_equal(h->child->next->string, "E2");
  /* overtime never enters history */
  assert_int_equal(cJSON_GetArraySize(th_get(ledger(r), "history")), 0);
  cJSON_Delete(r);
  free(emps);
}

/* Mandated overtime (Art. 27.A, SPEC section 9): inverse seniority, those
 * in the mandate cycle last, qualification and exemptions checked, waiting
 * periods not: E3 is in a detail's waiting period yet mandated. */
static void test_overtime_mandate_ignores_waiting(void **state) {
  (void)state;
  char *emps = roster(3, NULL, NULL);
  cJSON *r = solve3(
      "nbpc-2019", emps,
      "{\"id\":\"OT\",\"type\":\"overtime\",\"slots\":2,\"hours\":6,\"start\":\"2027-03-01\",\"end\":\"2027-03-01\",\"must_fill\":true}",
      "{\"history\":[{\"employee\":\"E3\",\"type\":\"x\",\"start\":\"2027-02-01\",\"end\":\"2027-02-20\"}],"
      "\"mandate_cycle\":[\"E2\"]}",
      RR);
  assert_string_equal(list3(r, "selections"), "OT:E3:MANDATED OT:E1:MANDATED");
  /* E3 and E1 join E2: the whole roster -> cleared */
  assert_string_equal(ids(th_get(ledger(r), "mandate_cycle")), "");
  assert_int_equal((int)th_num(th_get(ledger(r), "overtime_hours"), "E3"), 6);
  cJSON_Delete(r);
  free(emps);
}

/* ------------------------------------------------------------- ICE 2019 */

/* ICE 2019 Art. 14 Sec. 5.C.4.a: a Type I within 36 months after the
 * previous one ends goes after all other volunteers; it yields when every
 * volunteer has served. E1 served a Type I ending 2024-03-10; 36 months
 * later is 2027-03-10. Start 03-09 and 03-10: E1 last (E2 chosen); start
 * 03-11: E1 by seniority. */
static void ice_cool(const char *type, const char *hist_end, const char *start,
                     const char *want) {
  char *emps = roster(2, NULL, NULL);
  char *led = th_fmt("{\"history\":[{\"employee\":\"E1\",\"type\":\"d\",\"ice_type\":\"%s\","
                     "\"voluntary\":true,\"start\":\"2023-01-01\",\"end\":\"%s\"}]}",
                     type, hist_end);
  char *opp = th_fmt("{\"id\":\"T\",\"type\":\"d\",\"ice_type\":\"%s\",\"slots\":1,"
                     "\"start\":\"%s\",\"end\":\"2027-12-31\",\"volunteers\":[\"E1\",\"E2\"]}",
                     type, start);
  cJSON *r = solve3("ice-2019", emps, opp, led, RR);
  assert_string_equal(list3(r, "selections"), want);
  cJSON_Delete(r);
  free(led);
  free(opp);
  free(emps);
}

static void test_ice_cooldown_36_months_edges(void **state) {
  (void)state;
  ice_cool("I", "2024-03-10", "2027-03-09", "T:E2:VOLUNTEER");
  ice_cool("I", "2024-03-10", "2027-03-10", "T:E2:VOLUNTEER");
  ice_cool("I", "2024-03-10", "2027-03-11", "T:E1:VOLUNTEER");
  ice_cool("II_LONG", "2024-03-10", "2027-03-10", "T:E2:VOLUNTEER");
  /* SPECIAL assignments have no cool-down (Sec. 5.C.5) */
  ice_cool("SPECIAL", "2027-01-10", "2027-03-10", "T:E1:VOLUNTEER");
}

/* Issue 12 item 4: a cool-down window that ends past 9999-12-31 (E1's
 * Type I ends 9998-06-01, + 36 months) covers a start in 9999, so E1 goes
 * last; never a clamped, wrong window end. */
static void test_ice_cooldown_past_the_calendar(void **state) {
  (void)state;
  char *emps = roster(2, NULL, NULL);
  const char *led = "{\"history\":[{\"employee\":\"E1\",\"type\":\"d\",\"ice_type\":\"I\","
                    "\"voluntary\":true,\"start\":\"9998-01-01\",\"end\":\"9998-06-01\"}]}";
  const char *opp = "{\"id\":\"T\",\"type\":\"d\",\"ice_type\":\"I\",\"slots\":1,"
                    "\"start\":\"9999-08-01\",\"end\":\"9999-12-31\",\"volunteers\":[\"E1\",\"E2\"]}";
  cJSON *r = solve3("ice-2019", emps, opp, led, RR);
  assert_string_equal(list3(r, "selections"), "T:E2:VOLUNTEER");
  cJSON_Delete(r);
  free(emps);
}

/* Sec. 5.C.4.c: Type III cools down 12 months: end 2026-04-30 -> through
 * 2027-04-30. */
static void test_ice_cooldown_type3_12_months(void **state) {
  (void)state;
  ice_cool("III", "2026-04-30", "2027-04-29", "T:E2:VOLUNTEER");
  ice_cool("III", "2026-04-30", "2027-04-30", "T:E2:VOLUNTEER");
  ice_cool("III", "2026-04-30", "2027-05-01", "T:E1:VOLUNTEER");
}

/* Cool-downs compare the same ice_type only: II_SHORT history does not
 * cool down a II_LONG opportunity; involuntary history does not count; the
 * cool-down yields when all volunteers are cooling down (E1 alone). */
static void test_ice_cooldown_same_type_voluntary_only(void **state) {
  (void)state;
  char *emps = roster(2, NULL, NULL);
  const char *opp = "{\"id\":\"T\",\"type\":\"d\",\"ice_type\":\"II_LONG\",\"slots\":1,"
                    "\"start\":\"2027-03-01\",\"end\":\"2028-03-31\",\"volunteers\":[\"E1\",\"E2\"]}";
  cJSON *r = solve3("ice-2019", emps, opp,
                    "{\"history\":[{\"employee\":\"E1\",\"type\":\"d\",\"ice_type\":\"II_SHORT\","
                    "\"start\":\"2026-01-01\",\"end\":\"2026-02-01\"},{\"employee\":\"E1\",\"type\":\"d\","
                    "\"ice_type\":\"II_LONG\",\"voluntary\":false,\"start\":\"2025-01-01\",\"end\":\"2026-02-01\"}]}",
                    RR);
  assert_string_equal(list3(r, "selections"), "T:E1:VOLUNTEER");
  cJSON_Delete(r);
  r = solve3("ice-2019", emps,
             "{\"id\":\"T\",\"type\":\"d\",\"ice_type\":\"I\",\"slots\":2,"
             "\"start\":\"2027-03-01\",\"end\":\"2027-03-31\",\"volunteers\":[\"E1\",\"E2\"]}",
             "{\"history\":[{\"employee\":\"E1\",\"type\":\"d\",\"ice_type\":\"I\","
             "\"start\":\"2026-01-01\",\"end\":\"2026-02-01\"}]}",
             RR);
  assert_string_equal(list3(r, "selections"), "T:E2:VOLUNTEER T:E1:VOLUNTEER");
  cJSON_Delete(r);
  free(emps);
}

/* Sec. 5.D: involuntary selection. Roster E1-E5; E5 is a union board
 * member (5.D.5, EXEMPT); E4 volunteered for a Type I ending 2026-06-30,
 * within 12 months of 2027-03-01 -> last (5.D.2); E3 is in the mandate
 * cycle -> after those not in it (5.D.3). Two slots:
 *   group (not recent, not in cycle): E5 exempt, E2, E1 -> E2, E1.
 * Then a second Type I with one slot: the cycle is now E3, E2, E1; E5 is
 * exempt again, and among those in the cycle E3 is the most junior and
 * available; E4 (recent volunteer) stays last -> E3. */
static void test_ice_involuntary_order(void **state) {
  (void)state;
  char *emps = roster(5, NULL, "5");
  cJSON *r = solve3(
      "ice-2019", emps,
      "{\"id\":\"T1\",\"type\":\"d\",\"ice_type\":\"I\",\"slots\":2,\"start\":\"2027-03-01\",\"end\":\"2027-03-31\",\"must_fill\":true},"
      "{\"id\":\"T2\",\"type\":\"d\",\"ice_type\":\"I\",\"slots\":1,\"start\":\"2027-03-10\",\"end\":\"2027-03-20\",\"must_fill\":true}",
      "{\"history\":[{\"employee\":\"E4\",\"type\":\"d\",\"ice_type\":\"I\",\"voluntary\":true,"
      "\"start\":\"2026-05-01\",\"end\":\"2026-06-30\"}],\"mandate_cycle\":[\"E3\"]}",
      RR);
  assert_string_equal(list3(r, "selections"),
                      "T1:E2:MANDATED T1:E1:MANDATED T2:E3:MANDATED");
  assert_string_equal(list3(r, "skipped"), "T1:E5:EXEMPT T2:E5:EXEMPT");
  /* the union-board skip cites Sec. 5.D.5 */
  const cJSON *a;
  bool seen = false;
  cJSON_ArrayForEach(a, th_get(r, "audit")) if (!strcmp(th_str(a, "event"), "skip")) {
    assert_string_equal(th_str(a, "rule"), strcmp(th_str(a, "employee"), "E5")
                                               ? "ICE2019.ART14.SEC5.C.1.d"
                                               : "ICE2019.ART14.SEC5.D.5");
    seen = true;
  }
  assert_true(seen);
  cJSON_Delete(r);
  free(emps);
}

/* ICE involuntary 12-month protection edge: E2's voluntary Type III ended
 * 2026-03-31 -> protected through 2027-03-31. Start 03-31: E1 mandated
 * (E2 last); start 04-01: E2 (inverse seniority). No waiting periods under
 * ICE. */
static void test_ice_involuntary_protection_edge(void **state) {
  (void)state;
  char *emps = roster(2, NULL, NULL);
  const char *led = "{\"history\":[{\"employee\":\"E2\",\"type\":\"a\",\"ice_type\":\"III\","
                    "\"voluntary\":true,\"start\":\"2025-10-01\",\"end\":\"2026-03-31\"}]}";
  const char *starts[] = {"2027-03-31", "2027-04-01"};
  const char *want[] = {"T:E1:MANDATED", "T:E2:MANDATED"};
  for (int i = 0; i < 2; i++) {
    char *opp = th_fmt("{\"id\":\"T\",\"type\":\"a\",\"ice_type\":\"III\",\"slots\":1,"
                       "\"start\":\"%s\",\"end\":\"2027-09-30\",\"must_fill\":true}", starts[i]);
    cJSON *r = solve3("ice-2019", emps, opp, led, RR);
    assert_string_equal(list3(r, "selections"), want[i]);
    cJSON_Delete(r);
    free(opp);
  }
  free(emps);
}

/* Under ICE the served cycle is not kept, and extension volunteers are not
 * an ICE step (SPEC section 5 lists none): the slot stays unfilled. */
static void test_ice_no_served_cycle_no_extension(void **state) {
  (void)state;
  char *emps = roster(2, NULL, NULL);
  cJSON *r = solve3("ice-2019", emps,
                    "{\"id\":\"T\",\"type\":\"d\",\"slots\":2,\"start\":\"2027-03-01\",\"end\":\"2027-03-05\","
                    "\"volunteers\":[\"E2\"],\"extension_volunteers\":[\"E1\"]}",
                    "{\"served_cycle\":{\"d\":[\"E2\"]}}", RR);
  assert_string_equal(list3(r, "selections"), "T:E2:VOLUNTEER");
  assert_string_equal(list3(r, "unfilled"), "T:1");
  assert_string_equal(ids(th_get(th_get(ledger(r), "served_cycle"), "d")), "E2");
  cJSON_Delete(r);
  free(emps);
}

/* ---------------------------------------------------------- training */

/* ICE 2019 Art. 11 Sec. 3.C.3 (both rule sets): seniority rotation
 * starting after training_last[title], wrapping; without an entry, from
 * the most senior; titles default to the id; never mandated (must_fill
 * ignored -> unfilled). */
static void test_training_rotation(void **state) {
  (void)state;
  char *emps = roster(4, NULL, NULL);
  cJSON *r = solve3(
      "nbpc-2019", emps,
      "{\"id\":\"T1\",\"type\":\"training\",\"title\":\"law\",\"slots\":2,\"start\":\"2027-03-01\",\"end\":\"2027-03-01\",\"volunteers\":[\"E1\",\"E2\",\"E3\",\"E4\"]},"
      "{\"id\":\"T2\",\"type\":\"training\",\"title\":\"law\",\"slots\":3,\"start\":\"2027-03-02\",\"end\":\"2027-03-02\",\"volunteers\":[\"E1\",\"E3\"],\"must_fill\":true},"
      "{\"id\":\"T3\",\"type\":\"training\",\"slots\":1,\"start\":\"2027-03-03\",\"end\":\"2027-03-03\",\"volunteers\":[\"E4\",\"E2\"]}",
      "{\"training_last\":{\"law\":\"E2\"}}", RR);
  /* T1 after E2: E3, E4. T2 after E4: E1, E3. T3 (no entry): E2 */
  assert_string_equal(list3(r, "selections"),
                      "T1:E3:TRAINING_ROTATION T1:E4:TRAINING_ROTATION "
                      "T2:E1:TRAINING_ROTATION T2:E3:TRAINING_ROTATION T3:E2:TRAINING_ROTATION");
  assert_string_equal(list3(r, "unfilled"), "T2:1");
  const cJSON *tl = th_get(ledger(r), "training_last");
  assert_string_equal(th_str(tl, "law"), "E3");
  assert_string_equal(th_str(tl, "T3"), "E2");
  assert_int_equal(cJSON_GetArraySize(th_get(ledger(r), "history")), 0);
  cJSON_Delete(r);
  free(emps);
}

/* ------------------------------------------------------- lexicographic */

/* One announcement at a time mandates someone needlessly. D1 and D2
 * overlap; both must be filled. E1 volunteers for both, E2 only for D1.
 * round_robin: D1 takes E1 (senior), so D2 has no volunteer left and
 * mandates E3. lexicographic: zero mandates are possible (E2 on D1, E1 on
 * D2), so E1's tentative D1 selection is refused (MIN_MANDATES) and nobody
 * is mandated. */
static void test_lex_avoids_needless_mandate(void **state) {
  (void)state;
  char *emps = roster(3, NULL, NULL);
  const char *o =
      "{\"id\":\"D1\",\"type\":\"x\",\"slots\":1,\"start\":\"2027-03-01\",\"end\":\"2027-03-31\","
      "\"volunteers\":[\"E1\",\"E2\"],\"must_fill\":true},"
      "{\"id\":\"D2\",\"type\":\"y\",\"slots\":1,\"start\":\"2027-03-15\",\"end\":\"2027-04-15\","
      "\"volunteers\":[\"E1\"],\"must_fill\":true}";
  cJSON *r = solve3("nbpc-2019", emps, o, NULL, RR);
  assert_string_equal(list3(r, "selections"),
                      "D1:E1:VOLUNTEER D2:E3:MANDATED");
  cJSON_Delete(r);
  r = solve3("nbpc-2019", emps, o, NULL, LEX);
  assert_string_equal(list3(r, "selections"), "D1:E2:VOLUNTEER D2:E1:VOLUNTEER");
  assert_string_equal(list3(r, "skipped"), "D1:E1:MIN_MANDATES");
  assert_string_equal(th_str(r, "method"), "lexicographic");
  cJSON_Delete(r);
  free(emps);
}

/* Lexicographic keeps the fill: it never leaves a must-fill slot empty to
 * save a mandate. D1 (must fill, volunteer E1 only) and D2 overlapping
 * (not must fill, volunteer E1): D2 is listed first, yet E1 is kept for D1
 * because otherwise D1 needs a mandate; D2 stays unfilled. */
static void test_lex_must_fill_before_optional(void **state) {
  (void)state;
  char *emps = roster(2, NULL, NULL);
  const char *o =
      "{\"id\":\"D2\",\"type\":\"y\",\"slots\":1,\"start\":\"2027-03-15\",\"end\":\"2027-04-15\","
      "\"volunteers\":[\"E1\"]},"
      "{\"id\":\"D1\",\"type\":\"x\",\"slots\":1,\"start\":\"2027-03-01\",\"end\":\"2027-03-31\","
      "\"volunteers\":[\"E1\"],\"must_fill\":true}";
  cJSON *r = solve3("nbpc-2019", emps, o, NULL, LEX);
  assert_string_equal(list3(r, "selections"), "D1:E1:VOLUNTEER");
  assert_string_equal(list3(r, "unfilled"), "D2:1");
  cJSON_Delete(r);
  r = solve3("nbpc-2019", emps, o, NULL, RR);
  assert_string_equal(list3(r, "selections"), "D2:E1:VOLUNTEER D1:E2:MANDATED");
  cJSON_Delete(r);
  free(emps);
}

/* --------------------------------------------------- generated rosters */

static uint64_t rng_state;
static uint32_t rnd(uint32_t n) {
  rng_state = rng_state * 6364136223846793005ull + 1442695040888963407ull;
  return (uint32_t)((rng_state >> 33) % n);
}

/* A random document: n employees, m opportunities in [day0, day0+span). */
static char *gen_doc(uint64_t seed, int n, int m, bool must, const char *rules,
                     int day0, int span) {
  rng_state = seed;
  size_t cap = 1u << 20;
  char *s = malloc(cap);
  size_t len = 0;
  char *emps = roster(n, "1,2,3,5,8,13,21", "4");
  len += (size_t)snprintf(s + len, cap - len,
                          "{\"senbid\":1,\"kind\":\"assignment\",\"as_of\":\"2027-02-01\","
                          "\"seniority\":{\"policy\":\"nbpc-2019\"},\"rules\":\"%s\","
                          "\"employees\":%s,\"opportunities\":[",
                          rules, emps);
  free(emps);
  const char *types[] = {"checkpoint", "k9", "overtime", "training", "hq"};
  const char *ice[] = {"I", "II_SHORT", "III", "SPECIAL"};
  for (int k = 0; k < m; k++) {
    int t = (int)rnd(5);
    int st = day0 + (int)rnd((uint32_t)span);
    int ln = t == 2 || t == 3 ? 1 : 1 + (int)rnd(30);
    char a[11], b[11];
    sb_date_format(st, a);
    sb_date_format(st + ln - 1, b);
    len += (size_t)snprintf(s + len, cap - len,
                            "%s{\"id\":\"O%d\",\"type\":\"%s\",\"ice_type\":\"%s\",\"slots\":%u,"
                            "\"start\":\"%s\",\"end\":\"%s\",\"hours\":%u,\"special_skills\":%s,"
                            "\"weights\":{\"w\":1},\"required\":[%s],\"must_fill\":%s,\"volunteers\":[",
                            k ? "," : "", k, types[t], ice[rnd(4)], 1 + rnd(3), a, b,
                            4 * rnd(3), rnd(4) == 0 ? "true" : "false",
                            rnd(3) == 0 ? "\"EMT\"" : "", must && rnd(2) ? "true" : "false");
    int nv = (int)rnd(5), first = 1;
    uint32_t used = 0;
    for (int v = 0; v < nv; v++) {
      uint32_t e = 1 + rnd((uint32_t)n);
      if (e < 32 && (used >> e & 1)) continue;
      if (e >= 32) continue;
      used |= 1u << e;
      len += (size_t)snprintf(s + len, cap - len,
                              "%s{\"employee\":\"E%u\",\"scores\":{\"w\":%u}}",
                              first ? "" : ",", e, rnd(3));
      first = 0;
    }
    len += (size_t)snprintf(s + len, cap - len, "],\"declines\":[\"E%u\"],"
                            "\"extension_volunteers\":[\"E%u\"]}",
                            1 + rnd((uint32_t)n), 1 + rnd((uint32_t)n));
  }
  len += (size_t)snprintf(s + len, cap - len,
                          "],\"ledger\":{\"mandate_cycle\":[\"E%u\"],"
                          "\"exemptions\":[{\"employee\":\"E%u\",\"until\":\"2027-06-01\"}],"
                          "\"history\":[{\"employee\":\"E%u\",\"type\":\"hq\",\"ice_type\":\"I\","
                          "\"start\":\"2026-12-01\",\"end\":\"2027-02-20\"}]}}",
                          1 + rnd((uint32_t)n), 1 + rnd((uint32_t)n), 1 + rnd((uint32_t)n));
  return s;
}

static int find_opp(const cJSON *doc_, const char *id) {
  int i = 0;
  const cJSON *o;
  cJSON_ArrayForEach(o, th_get(doc_, "opportunities")) {
    if (!strcmp(th_str(o, "id"), id)) return i;
    i++;
  }
  return -1;
}

/* Invariants on generated rosters (seeded, deterministic): slots are never
 * exceeded and filled + unfilled = slots; nobody holds two overlapping
 * opportunities; mandates only where must_fill and never for training;
 * every detail selection is one new history entry; identical bytes on a
 * second solve. */
static void check_invariants(const char *text, const cJSON *res) {
  cJSON *d = cJSON_Parse(text);
  const cJSON *opps = th_get(d, "opportunities");
  int m = cJSON_GetArraySize(opps);
  int *filled = calloc((size_t)m + 1, sizeof *filled);
  int details = 0;
  const cJSON *s;
  cJSON_ArrayForEach(s, th_get(res, "selections")) {
    int k = find_opp(d, th_str(s, "opportunity"));
    assert_true(k >= 0);
    filled[k]++;
    const cJSON *o = th_at(opps, k);
    const char *type = th_str(o, "type");
    if (!strcmp(th_str(s, "reason"), "MANDATED")) {
      assert_true(cJSON_IsTrue(th_get(o, "must_fill")));
      assert_string_not_equal(type, "training");
    }
    if (strcmp(type, "overtime") && strcmp(type, "training")) details++;
    /* no overlap with another selection of the same employee */
    const cJSON *s2;
    cJSON_ArrayForEach(s2, th_get(res, "selections")) {
      if (s2 == s || strcmp(th_str(s, "employee"), th_str(s2, "employee"))) continue;
      const cJSON *o2 = th_at(opps, find_opp(d, th_str(s2, "opportunity")));
      assert_true(o2 != o);
      bool overlap = strcmp(th_str(o, "start"), th_str(o2, "end")) <= 0 &&
                     strcmp(th_str(o2, "start"), th_str(o, "end")) <= 0;
      assert_false(overlap);
    }
  }
  const cJSON *u;
  cJSON_ArrayForEach(u, th_get(res, "unfilled")) {
    int k = find_opp(d, th_str(u, "opportunity"));
    filled[k] += (int)th_num(u, "slots");
  }
  for (int k = 0; k < m; k++)
    assert_int_equal(filled[k], (int)th_num(th_at(opps, k), "slots"));
  assert_int_equal(cJSON_GetArraySize(th_get(ledger(res), "history")), 1 + details);
  free(filled);
  cJSON_Delete(d);
}

static void test_property_generated(void **state) {
  (void)state;
  const char *rules[] = {"nbpc-2019", "ice-2019"};
  for (uint64_t seed = 1; seed <= 40; seed++) {
    char *text = gen_doc(seed, 12 + (int)(seed % 20), 14, true, rules[seed & 1],
                         sb_date_from_ymd(2027, 3, 1), 120);
    for (int method = 0; method < 2; method++) {
      char *a = th_solve_text(text, method);
      char *b = th_solve_text(text, method);
      assert_string_equal(a, b);
      cJSON *res = cJSON_Parse(a);
      check_invariants(text, res);
      cJSON_Delete(res);
      free(a);
      free(b);
    }
    free(text);
  }
}

/* Without must-fill opportunities there is no lower bound, and
 * lexicographic equals round_robin exactly (SPEC section 0). */
static void test_property_lex_equals_rr_without_must_fill(void **state) {
  (void)state;
  for (uint64_t seed = 100; seed < 130; seed++) {
    char *text = gen_doc(seed, 15, 12, false, seed & 1 ? "ice-2019" : "nbpc-2019",
                         sb_date_from_ymd(2027, 3, 1), 90);
    cJSON *a = th_solve(text, RR), *b = th_solve(text, LEX);
    const char *members[] = {"selections", "unfilled", "skipped", "ledger"};
    for (int i = 0; i < 4; i++)
      assert_true(cJSON_Compare(th_get(a, members[i]), th_get(b, members[i]), true));
    cJSON_Delete(a);
    cJSON_Delete(b);
    free(text);
  }
}

/* Lexicographic never fills fewer must-fill slots than round_robin and,
 * filling as many, never mandates more (training excluded: it is never
 * mandated, so its must_fill is no lower bound). */
static void test_property_lex_mandates_at_most_rr(void **state) {
  (void)state;
  for (uint64_t seed = 200; seed < 260; seed++) {
    /* small dense rosters, and larger spread ones where the model keeps
     * only the first K mandate candidates and the rest are judged as
     * virtual picks */
    bool big = seed >= 230;
    char *text = gen_doc(seed, big ? 31 : 10, big ? 14 : 10, true,
                         seed & 1 ? "ice-2019" : "nbpc-2019",
                         sb_date_from_ymd(2027, 3, 1), big ? 150 : 40);
    cJSON *res[2] = {th_solve(text, RR), th_solve(text, LEX)};
    int mand[2] = {0, 0}, unf[2] = {0, 0};
    cJSON *d = cJSON_Parse(text);
    for (int k = 0; k < 2; k++) {
      const cJSON *s;
      cJSON_ArrayForEach(s, th_get(res[k], "selections"))
        mand[k] += !strcmp(th_str(s, "reason"), "MANDATED");
      cJSON_ArrayForEach(s, th_get(res[k], "unfilled")) {
        const cJSON *o = th_at(th_get(d, "opportunities"), find_opp(d, th_str(s, "opportunity")));
        /* training is never mandated: its must_fill is no lower bound */
        if (cJSON_IsTrue(th_get(o, "must_fill")) && strcmp(th_str(o, "type"), "training"))
          unf[k] += (int)th_num(s, "slots");
      }
    }
    assert_true(unf[1] <= unf[0]);
    if (unf[1] == unf[0]) assert_true(mand[1] <= mand[0]);
    /* the joint optimum the solver announced is reached */
    const cJSON *a;
    cJSON_ArrayForEach(a, th_get(res[1], "audit")) {
      if (strcmp(th_str(a, "event"), "minimum")) continue;
      int f = -1, mm = -1, must = 0;
      assert_int_equal(sscanf(th_str(a, "detail"), "at most %d must-fill slot(s) can be filled, "
                              "with at least %d", &f, &mm), 2);
      const cJSON *o;
      cJSON_ArrayForEach(o, th_get(d, "opportunities"))
        if (cJSON_IsTrue(th_get(o, "must_fill")) && strcmp(th_str(o, "type"), "training"))
          must += (int)th_num(o, "slots");
      assert_int_equal(must - unf[1], f);
      assert_int_equal(mand[1], mm);
    }
    cJSON_Delete(d);
    cJSON_Delete(res[0]);
    cJSON_Delete(res[1]);
    free(text);
  }
}

/* The ledger carries everything: a run split in two (the second document
 * starting from the first's ledger) gives the same selections as one run,
 * when no opportunity of the first part overlaps one of the second. */
static void test_property_split_runs_equal_one_run(void **state) {
  (void)state;
  for (uint64_t seed = 300; seed < 320; seed++) {
    const char *rules = seed & 1 ? "ice-2019" : "nbpc-2019";
    char *a = gen_doc(seed, 14, 8, true, rules, sb_date_from_ymd(2027, 3, 1), 60);
    char *b = gen_doc(seed + 1000, 14, 8, true, rules, sb_date_from_ymd(2027, 6, 1), 60);
    cJSON *da = cJSON_Parse(a), *db = cJSON_Parse(b);
    /* one run: a's opportunities then b's (renamed) */
    cJSON *all = cJSON_Duplicate(da, true);
    cJSON *ob = th_get(db, "opportunities")->child;
    cJSON *dst = cJSON_GetObjectItem(all, "opportunities");
    for (; ob; ob = ob->next) {
      cJSON *c = cJSON_Duplicate(ob, true);
      char id[32];
      snprintf(id, sizeof id, "B%s", th_str(ob, "id"));
      cJSON_ReplaceItemInObject(c, "id", cJSON_CreateString(id));
      cJSON_AddItemToArray(dst, c);
    }
    char *alltext = cJSON_PrintUnformatted(all);
    cJSON *one = th_solve(alltext, RR);
    cJSON *first = th_solve(a, RR);
    /* second run: b's opportunities (renamed) with first's ledger */
    cJSON *second_doc = cJSON_Duplicate(da, true);
    cJSON_ReplaceItemInObject(second_doc, "opportunities",
                              cJSON_Duplicate(th_get(db, "opportunities"), true));
    cJSON *o2;
    cJSON_ArrayForEach(o2, cJSON_GetObjectItem(second_doc, "opportunities")) {
      char id[32];
      snprintf(id, sizeof id, "B%s", th_str(o2, "id"));
      cJSON_ReplaceItemInObject(o2, "id", cJSON_CreateString(id));
    }
    cJSON_ReplaceItemInObject(second_doc, "ledger", cJSON_Duplicate(ledger(first), true));
    char *t2 = cJSON_PrintUnformatted(second_doc);
    cJSON *second = th_solve(t2, RR);
    /* selections of one run = first's then second's */
    char joined[8192];
    snprintf(joined, sizeof joined, "%s", list3(first, "selections"));
    const char *s2 = list3(second, "selections");
    if (*s2) {
      size_t l = strlen(joined);
      snprintf(joined + l, sizeof joined - l, "%s%s", l ? " " : "", s2);
    }
    assert_string_equal(list3(one, "selections"), joined);
    assert_true(cJSON_Compare(ledger(one), ledger(second), true));
    cJSON_Delete(da);
    cJSON_Delete(db);
    cJSON_Delete(all);
    cJSON_Delete(one);
    cJSON_Delete(first);
    cJSON_Delete(second_doc);
    cJSON_Delete(second);
    free(alltext);
    free(t2);
    free(a);
    free(b);
  }
}

/* --------------------------------------------------------- input errors */

static void fails(const char *opps, const char *led, const char *rules, int code,
                  const char *path) {
  char *emps = roster(3, NULL, NULL);
  char *d = doc(rules ? rules : "nbpc-2019", emps, opps, led);
  th_parse_fails(d, code, path);
  free(d);
  free(emps);
}

#define OPP(extra)                                                                   \
  "{\"id\":\"D\",\"type\":\"x\",\"slots\":1,\"start\":\"2027-03-01\",\"end\":\"2027-03-02\"" extra "}"

static void test_input_errors(void **state) {
  (void)state;
  fails(OPP(""), NULL, "nbpc-2020", SENBID_E_VALUE, "$.rules");
  fails("{\"type\":\"x\",\"slots\":1,\"start\":\"2027-03-01\",\"end\":\"2027-03-02\"}", NULL,
        NULL, SENBID_E_MISSING, "$.opportunities[0].id");
  fails(OPP("") "," OPP(""), NULL, NULL, SENBID_E_DUPLICATE, "$.opportunities[1].id");
  fails("{\"id\":\"D\",\"type\":\"x\",\"slots\":-1,\"start\":\"2027-03-01\",\"end\":\"2027-03-02\"}",
        NULL, NULL, SENBID_E_NEGATIVE, "$.opportunities[0].slots");
  fails("{\"id\":\"D\",\"type\":\"x\",\"slots\":1.5,\"start\":\"2027-03-01\",\"end\":\"2027-03-02\"}",
        NULL, NULL, SENBID_E_TYPE, "$.opportunities[0].slots");
  fails("{\"id\":\"D\",\"type\":\"x\",\"slots\":1,\"start\":\"2027-02-30\",\"end\":\"2027-03-02\"}",
        NULL, NULL, SENBID_E_DATE, "$.opportunities[0].start");
  fails("{\"id\":\"D\",\"type\":\"x\",\"slots\":1,\"start\":\"2027-03-03\",\"end\":\"2027-03-02\"}",
        NULL, NULL, SENBID_E_RANGE, "$.opportunities[0].end");
  fails("{\"id\":\"D\",\"type\":\"x\",\"slots\":1,\"start\":\"2007-03-03\",\"end\":\"2027-03-02\"}",
        NULL, NULL, SENBID_E_LIMIT, "$.opportunities[0]");
  fails("{\"id\":\"D\",\"slots\":1,\"start\":\"2027-03-01\",\"end\":\"2027-03-02\"}", NULL, NULL,
        SENBID_E_MISSING, "$.opportunities[0].type");
  fails(OPP(",\"volunteers\":[\"E1\",\"E9\"]"), NULL, NULL, SENBID_E_UNKNOWN_ID,
        "$.opportunities[0].volunteers[1]");
  fails(OPP(",\"volunteers\":[\"E1\",{\"employee\":\"E1\"}]"), NULL, NULL, SENBID_E_DUPLICATE,
        "$.opportunities[0].volunteers[1]");
  fails(OPP(",\"volunteers\":[{\"employee\":\"E1\",\"scores\":{\"a\":\"x\"}}]"), NULL, NULL,
        SENBID_E_TYPE, "$.opportunities[0].volunteers[0].scores.a");
  fails(OPP(",\"volunteers\":[{\"scores\":{}}]"), NULL, NULL, SENBID_E_MISSING,
        "$.opportunities[0].volunteers[0].employee");
  fails(OPP(",\"weights\":{\"a\":true}"), NULL, NULL, SENBID_E_TYPE,
        "$.opportunities[0].weights.a");
  fails(OPP(",\"ice_type\":\"IV\""), NULL, NULL, SENBID_E_VALUE, "$.opportunities[0].ice_type");
  fails(OPP(",\"declines\":[\"Z\"]"), NULL, NULL, SENBID_E_UNKNOWN_ID,
        "$.opportunities[0].declines[0]");
  fails(OPP(",\"extension_volunteers\":[\"E1\",\"E1\"]"), NULL, NULL, SENBID_E_DUPLICATE,
        "$.opportunities[0].extension_volunteers[1]");
  fails(OPP(",\"must_fill\":1"), NULL, NULL, SENBID_E_TYPE, "$.opportunities[0].must_fill");
  fails(OPP(",\"hours\":-4"), NULL, NULL, SENBID_E_NEGATIVE, "$.opportunities[0].hours");
  fails(OPP(",\"required\":[3]"), NULL, NULL, SENBID_E_TYPE, "$.opportunities[0].required[0]");
  fails(OPP(""), "{\"history\":[{\"employee\":\"X\",\"type\":\"x\",\"start\":\"2027-01-01\",\"end\":\"2027-01-02\"}]}",
        NULL, SENBID_E_UNKNOWN_ID, "$.ledger.history[0].employee");
  fails(OPP(""), "{\"history\":[{\"employee\":\"E1\",\"type\":\"x\",\"start\":\"2027-01-01\"}]}",
        NULL, SENBID_E_MISSING, "$.ledger.history[0].end");
  fails(OPP(""), "{\"served_cycle\":{\"x\":[\"E1\",\"E1\"]}}", NULL, SENBID_E_DUPLICATE,
        "$.ledger.served_cycle.x[1]");
  fails(OPP(""), "{\"mandate_cycle\":\"E1\"}", NULL, SENBID_E_TYPE, "$.ledger.mandate_cycle");
  fails(OPP(""), "{\"overtime_hours\":{\"E1\":-2}}", NULL, SENBID_E_NEGATIVE,
        "$.ledger.overtime_hours.E1");
  fails(OPP(""), "{\"overtime_hours\":{\"Q\":2}}", NULL, SENBID_E_UNKNOWN_ID,
        "$.ledger.overtime_hours.Q");
  fails(OPP(""), "{\"exemptions\":[{\"employee\":\"E1\",\"until\":\"soon\"}]}", NULL,
        SENBID_E_DATE, "$.ledger.exemptions[0].until");
  fails(OPP(""), "{\"training_last\":{\"t\":\"E7\"}}", NULL, SENBID_E_UNKNOWN_ID,
        "$.ledger.training_last.t");
  fails(OPP(""), "[]", NULL, SENBID_E_TYPE, "$.ledger");
  /* opportunities are required */
  char *emps = roster(2, NULL, NULL);
  char *d = th_fmt("{\"senbid\":1,\"kind\":\"assignment\",\"as_of\":\"2027-02-01\","
                   "\"seniority\":{\"policy\":\"nbpc-2019\"},\"employees\":%s}", emps);
  th_parse_fails(d, SENBID_E_MISSING, "$.opportunities");
  free(d);
  d = th_fmt("{\"senbid\":1,\"kind\":\"assignment\",\"as_of\":\"2027-02-01\","
             "\"seniority\":{\"policy\":\"nbpc-2019\"},\"employees\":[{\"id\":\"E1\","
             "\"service\":{\"series_start\":\"2001-01-01\",\"usbp_start\":\"2001-01-01\","
             "\"cbp_start\":\"2001-01-01\"},\"union_board\":\"yes\"}],\"opportunities\":[]}");
  th_parse_fails(d, SENBID_E_TYPE, "$.employees[0].union_board");
  free(d);
  free(emps);
}


/* ---------------------------------------------------- check, export-lp */

/* Departures of a posted result (SPEC section 7): codes in order. */
static char *check_codes(const char *problem, const char *result) {
  senbid_problem *p = th_parse_ok(problem);
  senbid_result *res = NULL;
  senbid_error *err = NULL;
  int rc = senbid_check(&res, p, result, strlen(result), &err);
  if (rc != SENBID_OK) fail_msg("check failed: %s", senbid_error_message(err));
  cJSON *j = cJSON_Parse(senbid_result_json(res, NULL));
  static char buf[2048];
  size_t len = 0;
  buf[0] = 0;
  const cJSON *x;
  cJSON_ArrayForEach(x, th_get(j, "departures")) {
    const cJSON *e = cJSON_GetObjectItem(x, "employee");
    len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s:%s", len ? " " : "",
                            th_str(x, "code"), cJSON_IsString(e) ? e->valuestring : "-");
  }
  assert_int_equal(senbid_result_outcome(res),
                   len ? SENBID_OUTCOME_DEPARTURES : SENBID_OUTCOME_OK);
  cJSON_Delete(j);
  senbid_result_free(res);
  senbid_problem_free(p);
  return buf;
}

/* The bundled demo and every conformance case: the solver's own result and
 * the expected one keep every rule. */
static void test_check_accepts_solved_results(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof conf_names / sizeof *conf_names; i++) {
    char *pp = th_fmt("%s/%s.problem.json", CASES_DIR, conf_names[i]);
    char *ep = th_fmt("%s/%s.expected.json", CASES_DIR, conf_names[i]);
    char *prob = th_read_file(pp, NULL), *exp = th_read_file(ep, NULL);
    assert_string_equal(check_codes(prob, exp), "");
    free(prob);
    free(exp);
    free(pp);
    free(ep);
  }
}

/* Hand-made postings with departures (SPEC section 7). Roster E1-E3, D1
 * (2 slots, volunteers E1, E2, E3, must fill) then D2 (must fill, no
 * volunteers, overlapping D1). The rules give D1: E1, E2 and D2: E3
 * (mandated).
 *  - E3 instead of E2 on D1: PRIORITY (E3) and PASSED_OVER (E2); then D2
 *    is judged from that posting: E2 is the one to mandate, so E3 there is
 *    UNAVAILABLE (on D1) and E2 PASSED_OVER.
 *  - E2 and E3 on D1: PRIORITY (E3), PASSED_OVER (E1); D2 judged from that
 *    posting rightly mandates E1, the only one free.
 *  - alone, mandating E1 while E3 is the most junior: MANDATE_ORDER (E1)
 *    and PASSED_OVER (E3).
 *  - three on D1: OVER_SLOTS. */
static void test_check_departures(void **state) {
  (void)state;
  char *emps = roster(3, NULL, NULL);
  char *prob = doc("nbpc-2019", emps,
                   "{\"id\":\"D1\",\"type\":\"x\",\"slots\":2,\"start\":\"2027-03-01\",\"end\":\"2027-03-31\","
                   "\"volunteers\":[\"E1\",\"E2\",\"E3\"],\"must_fill\":true},"
                   "{\"id\":\"D2\",\"type\":\"y\",\"slots\":1,\"start\":\"2027-03-10\",\"end\":\"2027-03-20\","
                   "\"must_fill\":true}",
                   NULL);
#define SEL(o, e, r) "{\"opportunity\":\"" o "\",\"employee\":\"" e "\",\"reason\":\"" r "\"}"
  assert_string_equal(check_codes(prob, "{\"selections\":[" SEL("D1", "E1", "VOLUNTEER") ","
                                  SEL("D1", "E2", "VOLUNTEER") "," SEL("D2", "E3", "MANDATED") "]}"),
                      "");
  assert_string_equal(check_codes(prob, "{\"selections\":[" SEL("D1", "E1", "VOLUNTEER") ","
                                  SEL("D1", "E3", "VOLUNTEER") "," SEL("D2", "E3", "MANDATED") "]}"),
                      "PRIORITY:E3 PASSED_OVER:E2 UNAVAILABLE:E3 PASSED_OVER:E2");
  assert_string_equal(check_codes(prob, "{\"selections\":[" SEL("D1", "E2", "VOLUNTEER") ","
                                  SEL("D1", "E3", "VOLUNTEER") "," SEL("D2", "E1", "MANDATED") "]}"),
                      "PRIORITY:E3 PASSED_OVER:E1");
  char *prob2 = doc("nbpc-2019", emps,
                    "{\"id\":\"D2\",\"type\":\"y\",\"slots\":1,\"start\":\"2027-03-10\","
                    "\"end\":\"2027-03-20\",\"must_fill\":true}",
                    NULL);
  assert_string_equal(check_codes(prob2, "{\"selections\":[" SEL("D2", "E1", "MANDATED") "]}"),
                      "MANDATE_ORDER:E1 PASSED_OVER:E3");
  free(prob2);
  assert_string_equal(check_codes(prob, "{\"selections\":[" SEL("D1", "E1", "VOLUNTEER") ","
                                  SEL("D1", "E2", "VOLUNTEER") "," SEL("D1", "E3", "VOLUNTEER") "]}"),
                      "PRIORITY:E3 OVER_SLOTS:- UNFILLED:-");
  /* a wrong ledger */
  assert_string_equal(check_codes(prob, "{\"selections\":[" SEL("D1", "E1", "VOLUNTEER") ","
                                  SEL("D1", "E2", "VOLUNTEER") "," SEL("D2", "E3", "MANDATED") "],"
                                  "\"ledger\":{\"history\":[],\"served_cycle\":{\"x\":[\"E1\",\"E2\"]},"
                                  "\"mandate_cycle\":[\"E3\"],\"overtime_hours\":{},\"exemptions\":[],"
                                  "\"training_last\":{}}}"),
                      "LEDGER:-");
  /* the right ledger in another order keeps the rules */
  assert_string_equal(check_codes(prob, "{\"selections\":[" SEL("D1", "E1", "VOLUNTEER") ","
                                  SEL("D1", "E2", "VOLUNTEER") "," SEL("D2", "E3", "MANDATED") "],"
                                  "\"unfilled\":[],\"ledger\":{\"training_last\":{},\"exemptions\":[],"
                                  "\"overtime_hours\":{},\"mandate_cycle\":[\"E3\"],"
                                  "\"served_cycle\":{\"x\":[\"E2\",\"E1\"]},\"history\":["
                                  "{\"type\":\"y\",\"employee\":\"E3\",\"ice_type\":null,\"voluntary\":false,"
                                  "\"start\":\"2027-03-10\",\"end\":\"2027-03-20\"},"
                                  "{\"employee\":\"E2\",\"type\":\"x\",\"ice_type\":null,\"voluntary\":true,"
                                  "\"start\":\"2027-03-01\",\"end\":\"2027-03-31\"},"
                                  "{\"employee\":\"E1\",\"type\":\"x\",\"ice_type\":null,\"voluntary\":true,"
                                  "\"start\":\"2027-03-01\",\"end\":\"2027-03-31\"}]}}"),
                      "");
  assert_string_equal(check_codes(prob, "{\"selections\":[" SEL("D9", "E1", "VOLUNTEER") "]}"),
                      "UNKNOWN_ID:E1 PASSED_OVER:E1 PASSED_OVER:E2 UNFILLED:- PASSED_OVER:E3 UNFILLED:-");
#undef SEL
  free(prob);
  free(emps);
}

/* export-lp writes the joint program; the demo's has one column per
 * possible selection and the x_<opportunity>_<employee> naming. */
static void test_export_lp(void **state) {
  (void)state;
  char *path = th_fmt("%s/../../examples/data/assign_demo.json", TEST_DATA_DIR);
  char *text = th_read_file(path, NULL);
  senbid_problem *p = th_parse_ok(text);
  senbid_result *res = NULL;
  senbid_error *err = NULL;
  assert_int_equal(senbid_export_lp(&res, p, NULL, &err), SENBID_OK);
  const char *lp = senbid_result_json(res, NULL);
  assert_non_null(strstr(lp, "Maximize"));
  assert_non_null(strstr(lp, "Subject To"));
  assert_non_null(strstr(lp, "Binary"));
  assert_non_null(strstr(lp, "\\ x_4_"));
  assert_non_null(strstr(lp, "End"));
  /* GLPK reads it back; the demo has S = 10 must-fill slots, all fillable,
   * with at least 2 mandates (OT-0619 has one volunteer for 2 slots, and
   * DET-HQ-JUN has none): optimum (10 + 1) * 10 - 2 = 108 */
  char tmpl[] = "/tmp/senbid_assign_lp_XXXXXX";
  int fd = mkstemp(tmpl);
  assert_true(fd >= 0);
  FILE *f = fdopen(fd, "w");
  fputs(lp, f);
  fclose(f);
  glp_term_out(GLP_OFF);
  glp_prob *P = glp_create_prob();
  assert_int_equal(glp_read_lp(P, NULL, tmpl), 0);
  glp_iocp io;
  glp_init_iocp(&io);
  io.presolve = GLP_ON;
  assert_int_equal(glp_intopt(P, &io), 0);
  assert_int_equal((int)(glp_mip_obj_val(P) + 0.5), 108);
  glp_delete_prob(P);
  glp_free_env();
  remove(tmpl);
  senbid_result_free(res);
  senbid_problem_free(p);
  free(text);
  free(path);
}

/* The bundled demo (a sector's quarter): the decisions its summary shows,
 * worked by hand. DET-CHK-APR: S103 waits (checkpoint Jan 4 - Feb 28, 56
 * days, through Apr 25), S106 declines, S111 holds no EMT; S108 is not in
 * the checkpoint cycle (S101, S103) so goes first, then S101. OT-0410:
 * S101 is on the checkpoint; S102 8 h and S107 8 h tie (S102 senior), then
 * S104 16 h. K9-INSTR: scores S109 3*2+2*2+6 = 16, S102 6+2+7 = 15, S105
 * 9+6 = 15 -> S109. DET-HQ-JUN (no volunteers): inverse seniority outside
 * the mandate cycle (S112, S111): S110 exempt through Jun 30, S109 on the
 * K9 slot, S108 waits after the checkpoint (35 days, through Jun 13), S107
 * is mandated. OT-0619: S112 volunteers, S110 exempt, S109 mandated. */
static void test_demo(void **state) {
  (void)state;
  char *path = th_fmt("%s/../../examples/data/assign_demo.json", TEST_DATA_DIR);
  char *text = th_read_file(path, NULL);
  cJSON *r = th_solve(text, RR);
  assert_string_equal(list3(r, "selections"),
                      "DET-CHK-APR:S108:VOLUNTEER DET-CHK-APR:S101:VOLUNTEER "
                      "OT-0410:S102:OVERTIME_ROTATION OT-0410:S107:OVERTIME_ROTATION "
                      "OT-0410:S104:OVERTIME_ROTATION K9-INSTR:S109:VOLUNTEER "
                      "OT-0515:S103:OVERTIME_ROTATION OT-0515:S110:OVERTIME_ROTATION "
                      "DET-HQ-JUN:S107:MANDATED OT-0619:S112:OVERTIME_ROTATION "
                      "OT-0619:S109:MANDATED");
  assert_string_equal(list3(r, "skipped"),
                      "DET-CHK-APR:S103:WAITING_PERIOD DET-CHK-APR:S106:DECLINED "
                      "DET-CHK-APR:S111:NOT_QUALIFIED OT-0410:S101:UNAVAILABLE "
                      "DET-HQ-JUN:S110:EXEMPT DET-HQ-JUN:S109:UNAVAILABLE "
                      "DET-HQ-JUN:S108:WAITING_PERIOD OT-0619:S110:EXEMPT");
  assert_string_equal(ids(th_get(ledger(r), "mandate_cycle")), "S112 S111 S107 S109");
  cJSON_Delete(r);
  free(text);
  free(path);
}

/* Every selection and skip in the audit cites a clause of an agreement
 * (or, for MIN_MANDATES, the spec's lexicographic rule), never a generic
 * id, under both rule sets and both methods. */
static void test_property_audit_cites_clauses(void **state) {
  (void)state;
  for (uint64_t seed = 400; seed < 412; seed++) {
    char *text = gen_doc(seed, 16, 12, true, seed & 1 ? "ice-2019" : "nbpc-2019",
                         sb_date_from_ymd(2027, 3, 1), 60);
    for (int method = 0; method < 2; method++) {
      cJSON *r = th_solve(text, method);
      int sel = 0, skip = 0;
      const cJSON *a;
      cJSON_ArrayForEach(a, th_get(r, "audit")) {
        const char *ev = th_str(a, "event"), *rule = th_str(a, "rule");
        if (strcmp(ev, "select") && strcmp(ev, "skip")) continue;
        if (!strcmp(ev, "select")) sel++;
        else skip++;
        assert_true(!strncmp(rule, "NBPC2019.", 9) || !strncmp(rule, "ICE2019.", 8) ||
                    !strcmp(rule, "SPEC.5.LEXICOGRAPHIC"));
      }
      assert_int_equal(sel, cJSON_GetArraySize(th_get(r, "selections")));
      assert_int_equal(skip, cJSON_GetArraySize(th_get(r, "skipped")));
      cJSON_Delete(r);
    }
    free(text);
  }
}

/* White-box: the lexicographic model with only the first K mandate
 * candidates per must-fill opportunity (plus virtual picks) decides exactly
 * as the model with every eligible employee (lib/assign/lex.c; the exchange
 * argument of doc/assign.md). Generated rosters large enough for K to cut. */
static void lex_run(const char *text, bool full, char **out) {
  senbid_problem *p = th_parse_ok(text);
  sb_err err = {0};
  sb_ctx ctx;
  memset(&ctx, 0, sizeof ctx);
  ctx.p = p;
  ctx.err = &err;
  ctx.method = SENBID_METHOD_LEXICOGRAPHIC;
  ctx.t0 = sb_now();
  sb_arena_init(&ctx.scratch, &p->alloc);
  sb_out o;
  memset(&o, 0, sizeof o);
  sb_buf_init(&o.body, &p->alloc);
  sb_jw_init(&o.w, &o.body, 1, false);
  sb_buf_init(&o.audit.buf, &p->alloc);
  sb_jw_init(&o.audit.w, &o.audit.buf, 2, true);
  o.status = "ok";
  as_state st;
  assert_int_equal(as_state_init(&st, p, &ctx.scratch, &o), SENBID_OK);
  st.lex_full = full;
  assert_int_equal(as_solve_lex(&ctx, &st), SENBID_OK);
  sb_buf b;
  sb_buf_init(&b, &p->alloc);
  for (uint32_t i = 0; i < st.nsels; i++)
    sb_buf_printf(&b, "%u:%u:%u ", st.sels[i].opp, st.sels[i].emp, st.sels[i].reason);
  sb_buf_puts(&b, "| ");
  for (uint32_t i = 0; i < st.nskips; i++)
    sb_buf_printf(&b, "%u:%u:%u ", st.skips[i].opp, st.skips[i].emp, st.skips[i].reason);
  assert_int_equal(sb_buf_terminate(&b), 0);
  *out = strdup(b.data);
  sb_buf_free(&b);
  sb_buf_free(&o.body);
  sb_buf_free(&o.audit.buf);
  sb_arena_free(&ctx.scratch);
  senbid_problem_free(p);
}

static void test_lex_reduced_model_equals_full(void **state) {
  (void)state;
  int cut = 0;
  for (uint64_t seed = 500; seed < 540; seed++) {
    char *text = gen_doc(seed, 31, 14, true, seed & 1 ? "ice-2019" : "nbpc-2019",
                         sb_date_from_ymd(2027, 3, 1), seed % 3 ? 150 : 40);
    char *a, *b;
    lex_run(text, false, &a);
    lex_run(text, true, &b);
    assert_string_equal(a, b);
    cut += strcmp(a, "| ") != 0;
    free(a);
    free(b);
    free(text);
  }
  assert_true(cut > 0);
  /* and on rosters with many extension volunteers and long and short
   * waiting periods (tests/assign/tiny.c), where special employees' columns
   * (lib/assign/lex.c, needs_col) matter */
  for (uint64_t seed = 1; seed <= 300; seed++) {
    binst I;
    tiny_gen(&I, seed + 7000, seed % 5 == 0, true);
    char *text = tiny_render(&I);
    char *a, *b;
    lex_run(text, false, &a);
    lex_run(text, true, &b);
    if (strcmp(a, b)) fail_msg("seed %llu\n%s\n%s\n%s", (unsigned long long)seed, a, b, text);
    free(a);
    free(b);
    free(text);
  }
}

/* Every reason code the kind writes is in the registry with a clause
 * (lib/assign/registry.def), and none outside it. */
static void test_registry_reasons(void **state) {
  (void)state;
  for (int r = 0; r < R_COUNT; r++) {
    const char *clause = NULL;
    assert_non_null(senbid_code_describe("assignment", as_reason_names[r], &clause));
    assert_true(strlen(clause) > 0);
  }
  assert_null(senbid_code_describe("assignment", "NO_SUCH_CODE", NULL));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_conformance),
      cmocka_unit_test(test_nbpc_waiting_period_edges),
      cmocka_unit_test(test_nbpc_waiting_period_capped_at_a_year),
      cmocka_unit_test(test_nbpc_waiver_only_volunteer),
      cmocka_unit_test(test_nbpc_waiting_period_within_run_and_mandates),
      cmocka_unit_test(test_nbpc_served_cycle_across_announcements),
      cmocka_unit_test(test_nbpc_mandate_cycle_carried_between_runs),
      cmocka_unit_test(test_ledger_round_trip),
      cmocka_unit_test(test_nbpc_decline_then_mandate),
      cmocka_unit_test(test_skip_reason_order),
      cmocka_unit_test(test_availability_edges),
      cmocka_unit_test(test_nbpc_extension),
      cmocka_unit_test(test_exemption_edges),
      cmocka_unit_test(test_nbpc_special_skills_scores),
      cmocka_unit_test(test_overtime_rotation_hours_carry),
      cmocka_unit_test(test_overtime_mandate_ignores_waiting),
      cmocka_unit_test(test_ice_cooldown_36_months_edges),
      cmocka_unit_test(test_ice_cooldown_past_the_calendar),
      cmocka_unit_test(test_ice_cooldown_type3_12_months),
      cmocka_unit_test(test_ice_cooldown_same_type_voluntary_only),
      cmocka_unit_test(test_ice_involuntary_order),
      cmocka_unit_test(test_ice_involuntary_protection_edge),
      cmocka_unit_test(test_ice_no_served_cycle_no_extension),
      cmocka_unit_test(test_training_rotation),
      cmocka_unit_test(test_lex_avoids_needless_mandate),
      cmocka_unit_test(test_lex_must_fill_before_optional),
      cmocka_unit_test(test_property_generated),
      cmocka_unit_test(test_property_lex_equals_rr_without_must_fill),
      cmocka_unit_test(test_property_lex_mandates_at_most_rr),
      cmocka_unit_test(test_property_split_runs_equal_one_run),
      cmocka_unit_test(test_input_errors),
      cmocka_unit_test(test_check_accepts_solved_results),
      cmocka_unit_test(test_check_departures),
      cmocka_unit_test(test_export_lp),
      cmocka_unit_test(test_demo),
      cmocka_unit_test(test_lex_reduced_model_equals_full),
      cmocka_unit_test(test_property_audit_cites_clauses),
      cmocka_unit_test(test_registry_reasons),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
