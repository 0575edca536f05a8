/* Leave sessions (SPEC 10) on generated leave problems (tests/leave's
 * generator, with capacity totals and conflict factors): the contract as
 * properties (proxy only, or bids repeating the stored choices, gives the
 * round_robin result in every member but audit; undo after any action
 * gives back the state before it; a reopened state gives the same status),
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

static char *random_act(uint64_t *r, const cJSON *doc, const char *e) {
  int k = rnd(r, 5);
  if (k == 0) return th_fmt("{\"act\":\"pass\",\"employee\":\"%s\"}", e);
  if (k == 1) {
    int s0 = rnd(r, 42) - 1;
    char a[11], z[11];
    sb_date_format(gen_day0() + s0, a);
    sb_date_format(gen_day0() + s0 + rnd(r, 6), z);
    return th_fmt("{\"act\":\"bid\",\"employee\":\"%s\",\"choice\":{\"id\":"
                  "\"%d\",\"options\":[{\"start\":\"%s\",\"end\":\"%s\"}]}}",
                  e, rnd(r, 4), a, z);
  }
  if (k == 2) {
    char *b = bid_of(doc, e, rnd(r, 3));
    if (b) return b;
  }
  return proxy(e);
}

/* Random answers; some actions followed by an undo give back the status
 * and result before them; some states reopened give the same status. */
static void undo_reopen(const char *text, uint64_t seed) {
  uint64_t r = seed;
  cJSON *doc = cJSON_Parse(text);
  senbid_session *s = sst_start(text);
  for (int steps = 0;; steps++) {
    cJSON *st = sst_status(s);
    const char *e = sst_turn(st);
    if (!e) {
      cJSON_Delete(st);
      break;
    }
    /* Random live bids may be denied again and again: end it by proxy. */
    char *a = steps > 60 ? proxy(e) : random_act(&r, doc, e);
    if (rnd(&r, 3) == 0) {
      cJSON *res0 = sst_no_audit(sst_result(s));
      cJSON *dec = sst_act(s, a);
      bool fin = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(dec, "finished"));
      cJSON_Delete(dec);
      if (fin) {
        sst_refused(s, "{\"act\":\"undo\"}", SENBID_E_TURN, "$.act");
        cJSON_Delete(res0);
        cJSON_Delete(st);
        free(a);
        break;
      }
      cJSON_Delete(sst_act(s, "{\"act\":\"undo\"}"));
      cJSON *st1 = sst_status(s);
      assert_true(sst_equal(st, st1));
      cJSON *res1 = sst_no_audit(sst_result(s));
      assert_true(sst_equal(res0, res1));
      cJSON_Delete(st1);
      cJSON_Delete(res0);
      cJSON_Delete(res1);
    }
    if (rnd(&r, 4) == 0 && strcmp(e, "E0") != 0)
      sst_refused(s, "{\"act\":\"proxy\",\"employee\":\"E0\"}", SENBID_E_TURN,
                  "$.employee");
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
      cJSON_Delete(x);
      cJSON_Delete(y);
      cJSON_Delete(rx);
      cJSON_Delete(ry);
      senbid_session_free(s2);
      free(state);
    }
  }
  sst_refused(s, "{\"act\":\"undo\"}", SENBID_E_TURN, "$.act");
  senbid_session_free(s);
  cJSON_Delete(doc);
}

static void test_props_leave(void **state) {
  (void)state;
  int n = getenv("SENBID_TEST_LIGHT") ? 300 : 3000;
  for (uint64_t seed = 1; seed <= (uint64_t)n; seed++) {
    gen g;
    gen_make_ex(&g, seed, false, seed % 4 != 0);
    char *d = gen_json(&g);
    contract(d);
    undo_reopen(d, seed * 17 + 3);
    free(d);
    cases++;
  }
  printf("# %d generated leave problems\n", cases);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_props_leave),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
