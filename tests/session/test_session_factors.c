/* A leave session (SPEC 10) on a station with a capacity total and the
 * ICE 2019 conflict factors, worked by hand: each round's order comes
 * from rules.priority (ICE 2019 Art. 18 Sec. 2.E), upcoming stops at the
 * end of the round, and the board's room is the least of the group's cap
 * and the total naming it (NBPC 2019 Art. 14 B-C; SPEC section 2). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../leave/leave_test.h"
#include "sst.h"

/* Day Unit (E1, E3) and Night Unit (E2, E4), each capped at 2 a day; the
 * station (a total over both) at 1 on Dec 21-27. Preset ice-2019; the
 * school break is Dec 19 - Jan 3. E4 (most junior) has use-or-lose hours
 * (E.1); E3 has school-age children and asks the Christmas week (E.2).
 *   E1: xmas Dec 21-24, spring Mar 8-9, late Mar 22-23
 *   E2: xmas Dec 21-24
 *   E3: xmas Dec 21-24, after Dec 28-29
 *   E4: xmas Dec 21-24
 * Round 1's order: E4, E3, E1, E2. E4 gets Christmas; the station is
 * then full Dec 21-24, though the Day Unit has nobody off: E3's xmas is
 * denied (full on Dec 21) and "after" granted; E1's xmas is denied and
 * spring granted; E2's xmas is denied. Round 2: E1 alone, late granted. */
static const char *doc =
    HEAD "\"employees\":[" EMP("E1", "2008") ",\"group\":\"Day\"},"
    EMP("E2", "2009") ",\"group\":\"Night\"},"
    EMP("E3", "2010") ",\"group\":\"Day\",\"school_age_children\":true},"
    EMP("E4", "2011") ",\"group\":\"Night\",\"use_or_lose_hours\":40}]," PERIOD
    ",\"capacity\":{\"default\":2,\"totals\":[{\"groups\":[\"Day\",\"Night\"],\"max\":1,"
    "\"start\":\"2026-12-21\",\"end\":\"2026-12-27\"}]},"
    "\"school_breaks\":[{\"start\":\"2026-12-19\",\"end\":\"2027-01-03\"}],"
    "\"rules\":{\"priority\":\"ice-2019\"},\"requests\":["
    "{\"employee\":\"E1\",\"choices\":[{\"id\":\"xmas\",\"options\":[" OPT("2026-12-21", "2026-12-24") "]},"
    "{\"id\":\"spring\",\"options\":[" OPT("2027-03-08", "2027-03-09") "]},"
    "{\"id\":\"late\",\"options\":[" OPT("2027-03-22", "2027-03-23") "]}]},"
    "{\"employee\":\"E2\",\"choices\":[{\"id\":\"xmas\",\"options\":[" OPT("2026-12-21", "2026-12-24") "]}]},"
    "{\"employee\":\"E3\",\"choices\":[{\"id\":\"xmas\",\"options\":[" OPT("2026-12-21", "2026-12-24") "]},"
    "{\"id\":\"after\",\"options\":[" OPT("2026-12-28", "2026-12-29") "]}]},"
    "{\"employee\":\"E4\",\"choices\":[{\"id\":\"xmas\",\"options\":[" OPT("2026-12-21", "2026-12-24") "]}]}]}";

/* The room on the board for date, for the employee on turn. */
static int room_on(const cJSON *st, const char *date) {
  const cJSON *d;
  cJSON_ArrayForEach(d, th_get(th_get(st, "open"), "days")) {
    if (!strcmp(th_str(d, "date"), date)) {
      const cJSON *r = th_get(d, "room");
      return cJSON_IsNull(r) ? -1 : (int)r->valuedouble;
    }
  }
  fail_msg("no day %s on the board", date);
  return -2;
}

/* upcoming: ids at positions first, first + 1, ... of round 1. */
static void upcoming_is(const cJSON *st, int first, int n, const char *const *ids) {
  const cJSON *up = th_get(st, "upcoming");
  assert_int_equal(cJSON_GetArraySize(up), n);
  for (int i = 0; i < n; i++) {
    assert_string_equal(th_str(cJSON_GetArrayItem(up, i), "employee"), ids[i]);
    assert_int_equal((int)th_num(cJSON_GetArrayItem(up, i), "position"), first + i);
    assert_int_equal((int)th_num(cJSON_GetArrayItem(up, i), "round"), 1);
  }
}

static void proxy(senbid_session *s, const char *e) {
  char *a = th_fmt("{\"act\":\"proxy\",\"employee\":\"%s\"}", e);
  cJSON_Delete(sst_act(s, a));
  free(a);
}

static void test_session_totals_and_factors(void **state) {
  (void)state;
  senbid_session *s = sst_start(doc);
  cJSON *st = sst_status(s);
  /* Round 1: E4 (E.1), E3 (E.2), then seniority; upcoming stops at the
   * round's end although E1 has choices for round 2. */
  assert_string_equal(sst_turn(st), "E4");
  const char *up0[] = {"E3", "E1", "E2"};
  upcoming_is(st, 2, 3, up0);
  /* The Night Unit's board: the total (1) is tighter than the cap (2). */
  assert_int_equal(room_on(st, "2026-12-21"), 1);
  assert_int_equal(room_on(st, "2026-12-28"), 2);
  cJSON_Delete(st);
  proxy(s, "E4");

  st = sst_status(s);
  assert_string_equal(sst_turn(st), "E3");
  /* The Day Unit has nobody off, but the station is full Dec 21-24; Dec
   * 25-27 still have the total's one place; after the total, the cap. */
  assert_int_equal(room_on(st, "2026-12-21"), 0);
  assert_int_equal(room_on(st, "2026-12-24"), 0);
  assert_int_equal(room_on(st, "2026-12-25"), 1);
  assert_int_equal(room_on(st, "2026-12-28"), 2);
  const cJSON *ch = th_get(th_get(st, "open"), "choices");
  assert_int_equal(cJSON_GetArraySize(ch), 2);
  const cJSON *x = cJSON_GetArrayItem(ch, 0);
  assert_string_equal(th_str(x, "choice"), "xmas");
  assert_string_equal(th_str(x, "reason"), "CAPACITY");
  assert_string_equal(th_str(x, "date"), "2026-12-21");
  assert_true(cJSON_IsTrue(th_get(cJSON_GetArrayItem(ch, 1), "fits")));
  cJSON_Delete(st);
  proxy(s, "E3");

  st = sst_status(s);
  assert_string_equal(sst_turn(st), "E1");
  const char *up1[] = {"E2"};
  upcoming_is(st, 4, 1, up1);
  cJSON_Delete(st);
  proxy(s, "E1");
  proxy(s, "E2");

  /* Round 2's order is fixed when it starts. In a session everyone who
   * has not passed takes a turn (SPEC 10): E4 (E.1) first, then by
   * seniority (E3's next choice is none, so no school break). */
  st = sst_status(s);
  assert_string_equal(sst_turn(st), "E4");
  assert_int_equal((int)th_num(th_get(st, "turn"), "round"), 2);
  const cJSON *up = th_get(st, "upcoming");
  assert_int_equal(cJSON_GetArraySize(up), 3);
  assert_string_equal(th_str(cJSON_GetArrayItem(up, 0), "employee"), "E1");
  assert_string_equal(th_str(cJSON_GetArrayItem(up, 2), "employee"), "E3");
  cJSON_Delete(st);
  proxy(s, "E4"); /* no stored choice left: a pass */
  proxy(s, "E1"); /* late */
  proxy(s, "E2");
  proxy(s, "E3");
  proxy(s, "E1"); /* round 3: a pass */
  assert_true(senbid_session_finished(s));

  /* The contract: the round_robin result in every member but audit; the
   * session's audit records each of its rounds' orders. */
  cJSON *res = sst_result(s);
  const char *orders[] = {"round 1: E4, E3, E1, E2", "round 2: E4, E1, E2, E3", "round 3: E1"};
  int n = 0;
  const cJSON *a;
  cJSON_ArrayForEach(a, th_get(res, "audit")) {
    if (strcmp(th_str(a, "event"), "round_order")) continue;
    assert_true(n < 3);
    assert_string_equal(th_str(a, "detail"), orders[n++]);
  }
  assert_int_equal(n, 3);
  cJSON *rr = sst_no_audit(th_solve(doc, SENBID_METHOD_ROUND_ROBIN));
  cJSON *got = sst_no_audit(res);
  assert_true(sst_equal(rr, got));
  ASSERT_GRANT(got, 0, "E4 xmas 0 2026-12-21..2026-12-24 r1 4d 32h");
  ASSERT_GRANT(got, 1, "E3 after 0 2026-12-28..2026-12-29 r1 2d 16h");
  ASSERT_GRANT(got, 2, "E1 spring 0 2027-03-08..2027-03-09 r1 2d 16h");
  ASSERT_GRANT(got, 3, "E1 late 0 2027-03-22..2027-03-23 r2 2d 16h");
  ASSERT_DENIAL(got, 0, "E3 xmas r1 0:CAPACITY@2026-12-21");
  ASSERT_DENIAL(got, 1, "E1 xmas r1 0:CAPACITY@2026-12-21");
  ASSERT_DENIAL(got, 2, "E2 xmas r1 0:CAPACITY@2026-12-21");
  cJSON_Delete(rr);
  cJSON_Delete(got);
  senbid_session_free(s);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_session_totals_and_factors),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
