/* The contract of SPEC 10 as properties, on generated shift bids
 * (tests/shiftbid/sbt.c's stations, some sheets moved to bids_on_file):
 * a session answered by proxy, or by bids that repeat the stored sheets,
 * gives the round_robin result in every member but audit; undo after any
 * action gives back the status and result before it; a stored state
 * reopened gives the same status and result. (NBPC 2019 Appendix II IV.A.4,
 * IV.A.5, IV.B, IV.D.) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../shiftbid/sbt.h"
#include "sst.h"

static int cases; /* problems run, for the summary line */

/* Moves some bids to history.bids_on_file (IV.B: a sheet on file stands
 * when no new one is given). */
static char *with_file(const char *doc, uint64_t seed) {
  cJSON *d = cJSON_Parse(doc);
  cJSON *bids = cJSON_GetObjectItemCaseSensitive(d, "bids");
  cJSON *hist = cJSON_GetObjectItemCaseSensitive(d, "history");
  cJSON *file = cJSON_AddArrayToObject(hist, "bids_on_file");
  uint64_t s = seed;
  cJSON *it = bids->child;
  while (it) {
    cJSON *next = it->next;
    int k = rnd(&s, 3);
    if (k == 0) {
      cJSON_AddItemToArray(file, cJSON_DetachItemViaPointer(bids, it));
    } else if (k == 1) {
      cJSON_AddItemToArray(file, cJSON_Duplicate(it, true));
    }
    it = next;
  }
  char *out = cJSON_PrintUnformatted(d);
  cJSON_Delete(d);
  return out;
}

/* The stored sheet of e (bids, else bids_on_file) as a bid action, or
 * NULL when there is none. */
static char *stored_bid(const cJSON *doc, const char *e) {
  const char *where[2] = {"bids", "bids_on_file"};
  for (int w = 0; w < 2; w++) {
    const cJSON *arr = w == 0 ? cJSON_GetObjectItemCaseSensitive(doc, where[0])
                              : cJSON_GetObjectItemCaseSensitive(
                                    cJSON_GetObjectItemCaseSensitive(doc, "history"),
                                    where[1]);
    const cJSON *it;
    cJSON_ArrayForEach(it, arr) {
      if (strcmp(cJSON_GetObjectItemCaseSensitive(it, "employee")->valuestring, e))
        continue;
      cJSON *a = cJSON_Duplicate(it, true);
      cJSON_AddStringToObject(a, "act", "bid");
      char *t = cJSON_PrintUnformatted(a);
      cJSON_Delete(a);
      return t;
    }
  }
  return NULL;
}

static char *proxy(const char *e) {
  return th_fmt("{\"act\":\"proxy\",\"employee\":\"%s\"}", e);
}

static char *random_bid(uint64_t *s, const char *e, int S) {
  if (rnd(s, 5) == 0)
    return th_fmt("{\"act\":\"bid\",\"employee\":\"%s\",\"no_preference\":true}", e);
  char prefs[256] = "";
  int n = 1 + rnd(s, 3);
  for (int j = 0; j < n; j++) {
    char one[16];
    snprintf(one, sizeof one, "%s\"S%d\"", j ? "," : "", rnd(s, S));
    strcat(prefs, one);
  }
  return th_fmt("{\"act\":\"bid\",\"employee\":\"%s\",\"prefs\":[%s]}", e, prefs);
}

/* Answers every turn with answer(e) until finished; returns the result
 * without audit. */
typedef char *(*answer_fn)(const cJSON *doc, const char *e, void *u);

static cJSON *run(const char *text, answer_fn answer, void *u) {
  cJSON *doc = cJSON_Parse(text);
  senbid_session *s = sst_start(text);
  for (;;) {
    cJSON *st = sst_status(s);
    const char *e = sst_turn(st);
    if (!e) {
      assert_true(cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(st, "finished")));
      cJSON_Delete(st);
      break;
    }
    char *a = answer(doc, e, u);
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

static char *by_proxy(const cJSON *doc, const char *e, void *u) {
  (void)doc, (void)u;
  return proxy(e);
}
static char *by_stored(const cJSON *doc, const char *e, void *u) {
  (void)u;
  char *b = stored_bid(doc, e);
  return b ? b : proxy(e);
}

static void contract(const char *text) {
  cJSON *rr = sst_no_audit(th_solve(text, SENBID_METHOD_ROUND_ROBIN));
  cJSON *a = run(text, by_proxy, NULL);
  assert_true(sst_equal(rr, a));
  cJSON *b = run(text, by_stored, NULL);
  assert_true(sst_equal(rr, b));
  cJSON_Delete(a);
  cJSON_Delete(b);
  cJSON_Delete(rr);
}

static cJSON *status_of(const senbid_session *s) { return sst_status(s); }

/* A session of random answers: before some actions, the action then an
 * undo gives back status and result; at some points the state reopened
 * gives the same status and result (audit included). */
static void undo_reopen(const char *text, uint64_t seed, int S) {
  uint64_t r = seed;
  cJSON *doc = cJSON_Parse(text);
  senbid_session *s = sst_start(text);
  sst_refused(s, "{\"act\":\"undo\"}", SENBID_E_TURN, "$.act");
  for (;;) {
    cJSON *st = status_of(s);
    const char *e = sst_turn(st);
    if (!e) {
      cJSON_Delete(st);
      break;
    }
    int k = rnd(&r, 3);
    char *a = k == 0 ? proxy(e) : k == 1 ? random_bid(&r, e, S)
                                         : by_stored(doc, e, NULL);
    if (rnd(&r, 3) == 0) {
      cJSON *res0 = sst_no_audit(sst_result(s));
      cJSON *dec = sst_act(s, a);
      bool fin = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(dec, "finished"));
      cJSON_Delete(dec);
      if (fin) {
        /* The last turn ended: nothing can be taken back any more. */
        sst_refused(s, "{\"act\":\"undo\"}", SENBID_E_TURN, "$.act");
        cJSON_Delete(res0);
        cJSON_Delete(st);
        free(a);
        break;
      }
      cJSON_Delete(sst_act(s, "{\"act\":\"undo\"}"));
      cJSON *st1 = status_of(s);
      assert_true(sst_equal(st, st1));
      cJSON *res1 = sst_no_audit(sst_result(s));
      assert_true(sst_equal(res0, res1));
      cJSON_Delete(st1);
      cJSON_Delete(res0);
      cJSON_Delete(res1);
    }
    if (rnd(&r, 4) == 0 && strcmp(e, "E0") != 0) {
      /* Out of turn: refused, nothing changes. */
      sst_refused(s, "{\"act\":\"proxy\",\"employee\":\"E0\"}", SENBID_E_TURN,
                  "$.employee");
    }
    cJSON_Delete(sst_act(s, a));
    free(a);
    cJSON_Delete(st);
    if (rnd(&r, 3) == 0) {
      char *state = sst_state(s);
      senbid_session *s2 = NULL;
      senbid_error *err = NULL;
      int rc = senbid_session_open(&s2, state, strlen(state), NULL, &err);
      if (rc) fprintf(stderr, "%s at %s: %s\n", senbid_code_name(rc),
                      senbid_error_path(err), senbid_error_message(err));
      assert_int_equal(rc, SENBID_OK);
      cJSON *x = sst_status(s), *y = sst_status(s2);
      assert_true(sst_equal(x, y));
      cJSON *rx = sst_result(s), *ry = sst_result(s2);
      assert_true(sst_equal(rx, ry));
      char *state2 = sst_state(s2);
      assert_string_equal(state, state2);
      free(state2);
      cJSON_Delete(x);
      cJSON_Delete(y);
      cJSON_Delete(rx);
      cJSON_Delete(ry);
      senbid_session_free(s2);
      free(state);
    }
  }
  /* Finished: nothing more, and undo is refused. */
  sst_refused(s, "{\"act\":\"undo\"}", SENBID_E_TURN, "$.act");
  senbid_session_free(s);
  cJSON_Delete(doc);
}

static void one(uint64_t seed, int n, int S, bool adj) {
  gen g;
  gen_station_sized(&g, seed, n, S, true, true, true);
  if (adj) gen_adjustments(&g, seed ^ 0x9e3779b97f4a7c15ull);
  char *d0 = gen_doc(&g);
  char *d = with_file(d0, seed * 31 + 7);
  contract(d);
  undo_reopen(d, seed * 17 + 3, S);
  free(d0);
  free(d);
  cases++;
}

static void test_props_shiftbid(void **state) {
  (void)state;
  uint64_t seed = 1;
  /* Under valgrind and the sanitizers (SENBID_TEST_LIGHT) one size in five
   * (every shift count, rosters of every length from 1 to 40 in turn), one
   * case each, the two shapes taking turns: the plain build runs them all. */
  bool light = th_seeds(8) < 8;
  int idx = 0;
  for (int n = 1; n <= SBT_MAXE; n++)
    for (int S = 1; S <= SBT_MAXS; S++, idx++)
      for (int k = 0; k < 8; k++) {
        if (!light) one(seed, n, S, (k & 1) != 0);
        else if (k == 0 && idx % 5 == 0) one(seed, n, S, ((idx / 5) & 1) != 0);
        seed++;
      }
  printf("# %d generated shift bids\n", cases);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_props_shiftbid),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
