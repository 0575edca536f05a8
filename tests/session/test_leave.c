/* Leave sessions (SPEC 10) on generated leave problems (tests/leave's
 * generator, with capacity totals and conflict factors): the contract as
 * properties (proxy only, or bids repeating the stored choices, gives the
 * round_robin result in every member but audit; undo and reopening:
 * test_undo.c),
 * and hand-worked turns (NBPC 2019 Art. 14 C.2-C.3; Appendix II IV.B). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../leave/leave_test.h"
#include "sst.h"

static int cases;

static char *proxy(const char *e) {
  return th_fmt("{\"act\":\"proxy\",\"employee\":\"%s\"}", e);
}

/* E's stored choices in the document, or NULL. */
static const cJSON *stored(const cJSON *doc, const char *e) {
  const cJSON *it;
  cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(doc, "requests")) {
    if (strcmp(cJSON_GetObjectItemCaseSensitive(it, "employee")->valuestring, e) == 0)
      return cJSON_GetObjectItemCaseSensitive(it, "choices");
  }
  return NULL;
}

/* A bid of E's stored choice k (NULL past the last). */
static char *bid_of(const cJSON *doc, const char *e, int k) {
  const cJSON *c = cJSON_GetArrayItem(stored(doc, e), k);
  if (!c) return NULL;
  char *t = cJSON_PrintUnformatted(c);
  char *a = th_fmt("{\"act\":\"bid\",\"employee\":\"%s\",\"choice\":%s}", e, t);
  free(t);
  return a;
}

/* Per employee E<i>: the next stored choice a "stored" answer bids. */
typedef struct { int next[8]; } cursor;

static char *answer(const cJSON *doc, const char *e, cursor *c) {
  if (!c) return proxy(e);
  int i = atoi(e + 1);
  char *b = bid_of(doc, e, c->next[i]);
  if (!b) return proxy(e); /* none left: a pass */
  c->next[i]++;
  return b;
}

static cJSON *run(const char *text, bool bids) {
  cJSON *doc = cJSON_Parse(text);
  senbid_session *s = sst_start(text);
  cursor cur;
  memset(&cur, 0, sizeof cur);
  for (;;) {
    cJSON *st = sst_status(s);
    const char *e = sst_turn(st);
    if (!e) {
      cJSON_Delete(st);
      break;
    }
    char *a = answer(doc, e, bids ? &cur : NULL);
    cJSON_Delete(sst_act(s, a));
    free(a);
    cJSON_Delete(st);
  }
  cJSON *res = sst_result(s);
  assert_string_equal(th_str(res, "status"), "ok");
  senbid_session_free(s);
  cJSON_Delete(doc);
  return sst_no_audit(res);
}

static void contract(const char *text) {
  cJSON *rr = sst_no_audit(th_solve(text, SENBID_METHOD_ROUND_ROBIN));
  cJSON *a = run(text, false);
  assert_true(sst_equal(rr, a));
  cJSON *b = run(text, true);
  assert_true(sst_equal(rr, b));
  cJSON_Delete(a);
  cJSON_Delete(b);
  cJSON_Delete(rr);
}

static void test_props_leave(void **state) {
  (void)state;
  int n = getenv("SENBID_TEST_LIGHT") ? 300 : 3000;
  for (uint64_t seed = 1; seed <= (uint64_t)n; seed++) {
    gen g;
    gen_make_ex(&g, seed, false, seed % 4 != 0);
    char *d = gen_json(&g);
    contract(d);
    free(d);
    cases++;
  }
  printf("# %d generated leave problems\n", cases);
}

/* ------------------------------------------------------------ worked */

/* The station, worked by hand. Group G, cap 1 a day; October 2026.
 *   A (2000): a1 = Oct 5-9;  a2 = Oct 19-23
 *   B (2001): b1 = Oct 5-9, alternate Oct 12-16
 *   C (2002): an empty choices list (bids live)
 * Round 1 (seniority, C.2): A proxy: a1 granted (C.2). B bids x = Oct 7-8:
 * full (CAPACITY on Oct 7), denied, B keeps the turn (C.3). B bids b1
 * (its stored choice): Oct 5-9 is full, the alternate Oct 12-16 granted
 * (C.3); b1 is used up. C bids c1 = Oct 12-13: full (Oct 12), denied; C
 * bids c2 = Oct 26-27: granted. Round 2: A proxy: a2 granted; B proxy: no
 * stored choice left, a pass; C passes. Round 3: A proxy: a pass. */
static char *worked(void) {
  return th_fmt(
      HEAD "\"employees\":["
      "{\"id\":\"A\",\"name\":{\"last\":\"A\"},\"service\":{\"series_start\":\"2000-01-01\",\"usbp_start\":\"2000-01-01\",\"cbp_start\":\"2000-01-01\"},\"group\":\"G\"},"
      "{\"id\":\"B\",\"name\":{\"last\":\"B\"},\"service\":{\"series_start\":\"2001-01-01\",\"usbp_start\":\"2000-01-01\",\"cbp_start\":\"2000-01-01\"},\"group\":\"G\"},"
      "{\"id\":\"C\",\"name\":{\"last\":\"C\"},\"service\":{\"series_start\":\"2002-01-01\",\"usbp_start\":\"2000-01-01\",\"cbp_start\":\"2000-01-01\"},\"group\":\"G\"}],"
      "\"period\":{\"start\":\"2026-10-01\",\"end\":\"2026-10-31\"},"
      "\"capacity\":{\"groups\":{\"G\":1}},"
      "\"requests\":["
      "{\"employee\":\"A\",\"choices\":[{\"id\":\"a1\",\"options\":[" OPT("2026-10-05", "2026-10-09") "]},"
      "{\"id\":\"a2\",\"options\":[" OPT("2026-10-19", "2026-10-23") "]}]},"
      "{\"employee\":\"B\",\"choices\":[{\"id\":\"b1\",\"options\":[" OPT("2026-10-05", "2026-10-09") ","
      OPT("2026-10-12", "2026-10-16") "]}]},"
      "{\"employee\":\"C\",\"choices\":[]}]}");
}

static void expect_turn(const senbid_session *s, const char *e, int round,
                        int pos) {
  cJSON *st = sst_status(s);
  assert_string_equal(sst_turn(st), e);
  assert_int_equal((int)th_num(th_get(st, "turn"), "round"), round);
  assert_int_equal((int)th_num(th_get(st, "turn"), "position"), pos);
  cJSON_Delete(st);
}

static const cJSON *day_room(const cJSON *st, int i) {
  return th_get(cJSON_GetArrayItem(th_get(th_get(st, "open"), "days"), i), "room");
}

static void test_leave_worked(void **state) {
  (void)state;
  char *doc = worked();
  senbid_session *s = sst_start(doc);
  /* Nothing to take back yet. */
  sst_refused(s, "{\"act\":\"undo\"}", SENBID_E_TURN, "$.act");
  cJSON *st = sst_status(s);
  assert_string_equal(sst_turn(st), "A");
  /* upcoming: B, C, then round 2 (seniority alone fixes it). */
  const cJSON *up = th_get(st, "upcoming");
  assert_int_equal(cJSON_GetArraySize(up), 10);
  assert_string_equal(th_str(cJSON_GetArrayItem(up, 0), "employee"), "B");
  assert_string_equal(th_str(cJSON_GetArrayItem(up, 1), "employee"), "C");
  assert_string_equal(th_str(cJSON_GetArrayItem(up, 2), "employee"), "A");
  assert_int_equal((int)th_num(cJSON_GetArrayItem(up, 2), "round"), 2);
  /* open: 31 days, room 1 each; A's choices both fit. */
  assert_int_equal(cJSON_GetArraySize(th_get(th_get(st, "open"), "days")), 31);
  assert_int_equal((int)day_room(st, 4)->valuedouble, 1);
  const cJSON *ch = th_get(th_get(st, "open"), "choices");
  assert_int_equal(cJSON_GetArraySize(ch), 2);
  assert_true(cJSON_IsTrue(th_get(cJSON_GetArrayItem(ch, 0), "fits")));
  cJSON_Delete(st);
  /* Out of turn: TURN at $.employee, nothing changes. */
  sst_refused(s, "{\"act\":\"proxy\",\"employee\":\"B\"}", SENBID_E_TURN, "$.employee");
  sst_refused(s, "{\"act\":\"pass\",\"employee\":\"C\"}", SENBID_E_TURN, "$.employee");

  /* NBPC2019.ART14.C2: A's first choice, first option. */
  cJSON *d = sst_act(s, "{\"act\":\"proxy\",\"employee\":\"A\"}");
  assert_string_equal(th_str(th_get(d, "granted"), "choice"), "a1");
  assert_int_equal((int)th_num(th_get(d, "granted"), "option"), 0);
  cJSON_Delete(d);
  expect_turn(s, "B", 1, 2);
  st = sst_status(s);
  /* Oct 5 is full; b1 still fits through its alternate. */
  assert_int_equal((int)day_room(st, 4)->valuedouble, 0);
  ch = th_get(th_get(st, "open"), "choices");
  assert_int_equal(cJSON_GetArraySize(ch), 1);
  assert_true(cJSON_IsTrue(th_get(cJSON_GetArrayItem(ch, 0), "fits")));
  cJSON_Delete(st);

  /* NBPC2019.ART14.C3: a live choice that does not fit is denied with its
   * reason; B keeps the turn. */
  d = sst_act(s, "{\"act\":\"bid\",\"employee\":\"B\",\"choice\":{\"id\":\"x\","
                 "\"options\":[" OPT("2026-10-07", "2026-10-08") "]}}");
  assert_true(cJSON_IsNull(th_get(d, "granted")));
  const cJSON *dn = cJSON_GetArrayItem(th_get(d, "denied"), 0);
  assert_string_equal(th_str(dn, "choice"), "x");
  const cJSON *why = cJSON_GetArrayItem(th_get(dn, "options"), 0);
  assert_string_equal(th_str(why, "reason"), "CAPACITY");
  assert_string_equal(th_str(why, "date"), "2026-10-07");
  cJSON_Delete(d);
  expect_turn(s, "B", 1, 2);
  /* Undo takes the denial back; the same bid again. */
  cJSON_Delete(sst_act(s, "{\"act\":\"undo\"}"));
  cJSON_Delete(sst_act(s, "{\"act\":\"bid\",\"employee\":\"B\",\"choice\":{\"id\":\"x\","
                          "\"options\":[" OPT("2026-10-07", "2026-10-08") "]}}"));
  /* NBPC2019.ART14.C3: the stored b1 bid live: the alternate. */
  d = sst_act(s, "{\"act\":\"bid\",\"employee\":\"B\",\"choice\":{\"id\":\"b1\","
                 "\"options\":[" OPT("2026-10-05", "2026-10-09") ","
                 OPT("2026-10-12", "2026-10-16") "]}}");
  assert_string_equal(th_str(th_get(d, "granted"), "choice"), "b1");
  assert_int_equal((int)th_num(th_get(d, "granted"), "option"), 1);
  cJSON_Delete(d);
  /* C, with an empty list, bids live. */
  expect_turn(s, "C", 1, 3);
  st = sst_status(s);
  assert_int_equal(cJSON_GetArraySize(th_get(th_get(st, "open"), "choices")), 0);
  cJSON_Delete(st);
  cJSON_Delete(sst_act(s, "{\"act\":\"bid\",\"employee\":\"C\",\"choice\":{\"id\":\"c1\","
                          "\"options\":[" OPT("2026-10-12", "2026-10-13") "]}}"));
  expect_turn(s, "C", 1, 3);
  cJSON_Delete(sst_act(s, "{\"act\":\"bid\",\"employee\":\"C\",\"choice\":{\"id\":\"c2\","
                          "\"options\":[" OPT("2026-10-26", "2026-10-27") "]}}"));
  /* Round 2: A's a2; B has no stored choice left (b1 was used up by the
   * bid): proxy is a pass. */
  expect_turn(s, "A", 2, 1);
  d = sst_act(s, "{\"act\":\"proxy\",\"employee\":\"A\"}");
  assert_string_equal(th_str(th_get(d, "granted"), "choice"), "a2");
  cJSON_Delete(d);
  expect_turn(s, "B", 2, 2);
  d = sst_act(s, "{\"act\":\"proxy\",\"employee\":\"B\"}");
  assert_true(cJSON_IsTrue(th_get(d, "passed")));
  cJSON_Delete(d);
  cJSON_Delete(sst_act(s, "{\"act\":\"pass\",\"employee\":\"C\"}"));
  /* Round 3: only A is left. */
  expect_turn(s, "A", 3, 1);
  d = sst_act(s, "{\"act\":\"proxy\",\"employee\":\"A\"}");
  assert_true(cJSON_IsTrue(th_get(d, "finished")));
  cJSON_Delete(d);
  sst_refused(s, "{\"act\":\"undo\"}", SENBID_E_TURN, "$.act");
  sst_refused(s, "{\"act\":\"proxy\",\"employee\":\"A\"}", SENBID_E_TURN, "$.employee");

  cJSON *res = sst_result(s);
  assert_string_equal(th_str(res, "status"), "ok");
  const cJSON *g = th_get(res, "grants");
  assert_int_equal(cJSON_GetArraySize(g), 4);
  const char *want[4][3] = {{"A", "a1", "2026-10-05"}, {"B", "b1", "2026-10-12"},
                            {"C", "c2", "2026-10-26"}, {"A", "a2", "2026-10-19"}};
  for (int i = 0; i < 4; i++) {
    const cJSON *x = cJSON_GetArrayItem(g, i);
    assert_string_equal(th_str(x, "employee"), want[i][0]);
    assert_string_equal(th_str(x, "choice"), want[i][1]);
    assert_string_equal(th_str(x, "start"), want[i][2]);
  }
  assert_int_equal(cJSON_GetArraySize(th_get(res, "denials")), 2);
  /* The audit: each action, then the decisions it made, in order; the
   * action taken back stays recorded, without its decision. */
  const cJSON *au = th_get(res, "audit"), *it;
  const char *events[64];
  int n = 0;
  cJSON_ArrayForEach(it, au) if (n < 64) events[n++] = th_str(it, "event");
  const char *expect[] = {"proxy", "grant", "bid", "undo", "bid",
                          "deny", "bid", "grant", "bid", "deny", "bid",
                          "grant", "proxy", "grant", "proxy", "pass", "proxy"};
  assert_int_equal(n, 17);
  for (int i = 0; i < n; i++) assert_string_equal(events[i], expect[i]);
  cJSON_Delete(res);
  senbid_session_free(s);
  free(doc);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_leave_worked),
      cmocka_unit_test(test_props_leave),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
