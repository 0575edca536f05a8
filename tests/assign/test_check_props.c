/* check judges by the same rules as solve (SPEC section 7): on generated
 * problems (tests/assign/tiny.c, both rule sets), for both methods,
 * `check` finds nothing in any result `solve` made, and finds a departure
 * in every single-decision change of it: a selection removed, given to
 * another employee, given another reason, or one added. Both methods are
 * deterministic, so no such change is another equally valid result. The
 * changed posting keeps its unfilled counts consistent and leaves the
 * ledger out, so the departure comes from judging the decisions, not from
 * a ledger that no longer matches. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "internal.h"
#include "tiny.h"

static const char *const reasons[] = {"VOLUNTEER", "EXTENSION", "MANDATED",
                                      "OVERTIME_ROTATION", "TRAINING_ROTATION"};

static int departures(const senbid_problem *p, const cJSON *posted) {
  char *text = cJSON_PrintUnformatted(posted);
  senbid_result *r = NULL;
  senbid_error *err = NULL;
  int rc = senbid_check(&r, p, text, strlen(text), &err);
  if (rc != SENBID_OK) fail_msg("check: %s\n%s", senbid_error_message(err), text);
  cJSON *doc = cJSON_Parse(senbid_result_json(r, NULL));
  int n = (int)th_num(doc, "count");
  const cJSON *d;
  cJSON_ArrayForEach(d, th_get(doc, "departures")) {
    const char *clause = NULL;
    /* every departure is in the registry (lib/assign/registry.def) */
    if (!senbid_code_describe("assignment", th_str(d, "code"), &clause))
      fail_msg("departure %s is not in the registry", th_str(d, "code"));
  }
  if (n && cJSON_IsString(cJSON_GetObjectItem(posted, "status")))
    fail_msg("%s", senbid_result_json(r, NULL)); /* an unchanged result */
  cJSON_Delete(doc);
  senbid_result_free(r);
  free(text);
  return n;
}

/* The changed posting: unfilled recomputed from its selections, no ledger,
 * no status (so that departures() knows it is changed). */
static cJSON *changed(const cJSON *res, const binst *I) {
  cJSON *c = cJSON_Duplicate(res, true);
  cJSON_DeleteItemFromObject(c, "ledger");
  cJSON_DeleteItemFromObject(c, "status");
  int count[TINY_MAX_OPPS] = {0};
  const cJSON *s;
  cJSON_ArrayForEach(s, th_get(c, "selections")) count[atoi(th_str(s, "opportunity") + 1)]++;
  cJSON *u = cJSON_CreateArray();
  for (int k = 0; k < I->m; k++)
    if (count[k] < I->o[k].slots) {
      cJSON *x = cJSON_CreateObject();
      char id[16];
      snprintf(id, sizeof id, "O%d", k);
      cJSON_AddStringToObject(x, "opportunity", id);
      cJSON_AddNumberToObject(x, "slots", I->o[k].slots - count[k]);
      cJSON_AddItemToArray(u, x);
    }
  cJSON_ReplaceItemInObject(c, "unfilled", u);
  return c;
}

static bool selected(const cJSON *sels, const char *opp, const char *emp) {
  const cJSON *s;
  cJSON_ArrayForEach(s, sels) if (!strcmp(th_str(s, "opportunity"), opp) &&
                                  !strcmp(th_str(s, "employee"), emp)) return true;
  return false;
}

static void one_problem(const binst *I, int *changes) {
  char *text = tiny_render(I);
  senbid_problem *p = th_parse_ok(text);
  for (int method = 0; method < 2; method++) {
    cJSON *res = th_solve(text, method);
    assert_int_equal(departures(p, res), 0);
    /* every reason and audit event is in the registry, one spelling */
    const cJSON *a;
    cJSON_ArrayForEach(a, th_get(res, "audit"))
      assert_non_null(senbid_code_describe("assignment", th_str(a, "event"), NULL));
    const char *const lists[] = {"selections", "skipped"};
    for (int l = 0; l < 2; l++)
      cJSON_ArrayForEach(a, th_get(res, lists[l]))
        assert_non_null(senbid_code_describe("assignment", th_str(a, "reason"), NULL));
    cJSON *sels = cJSON_GetObjectItem(res, "selections");
    int ns = cJSON_GetArraySize(sels);
    for (int i = 0; i < ns; i++) {
      /* removed */
      cJSON *c = changed(res, I);
      cJSON_DeleteItemFromArray(cJSON_GetObjectItem(c, "selections"), i);
      cJSON *tmp = changed(c, I); /* unfilled after the removal */
      cJSON_Delete(c);
      c = tmp;
      assert_true(departures(p, c) > 0);
      cJSON_Delete(c);
      (*changes)++;
      const cJSON *si = th_at(sels, i);
      const char *opp = th_str(si, "opportunity");
      /* another employee */
      for (int e = 0; e < I->n; e++) {
        char id[16];
        snprintf(id, sizeof id, "E%d", e + 1);
        if (selected(sels, opp, id)) continue;
        c = changed(res, I);
        cJSON *x = cJSON_GetArrayItem(cJSON_GetObjectItem(c, "selections"), i);
        cJSON_ReplaceItemInObject(x, "employee", cJSON_CreateString(id));
        assert_true(departures(p, c) > 0);
        cJSON_Delete(c);
        (*changes)++;
      }
      /* another reason */
      for (size_t r = 0; r < sizeof reasons / sizeof *reasons; r++) {
        if (!strcmp(th_str(si, "reason"), reasons[r])) continue;
        c = changed(res, I);
        cJSON *x = cJSON_GetArrayItem(cJSON_GetObjectItem(c, "selections"), i);
        cJSON_ReplaceItemInObject(x, "reason", cJSON_CreateString(reasons[r]));
        assert_true(departures(p, c) > 0);
        cJSON_Delete(c);
        (*changes)++;
      }
    }
    /* one selection added where a slot is open, in the opportunity's place */
    const cJSON *u;
    cJSON_ArrayForEach(u, th_get(res, "unfilled")) {
      const char *opp = th_str(u, "opportunity");
      int k = atoi(opp + 1);
      for (int e = 0; e < I->n; e++) {
        char id[16];
        snprintf(id, sizeof id, "E%d", e + 1);
        if (selected(sels, opp, id)) continue;
        for (size_t r = 0; r < 3; r++) {
          cJSON *c = changed(res, I);
          cJSON *x = cJSON_CreateObject();
          cJSON_AddStringToObject(x, "opportunity", opp);
          cJSON_AddStringToObject(x, "employee", id);
          cJSON_AddStringToObject(x, "reason",
                                  r == 0 ? (I->o[k].cat == OVERTIME   ? "OVERTIME_ROTATION"
                                            : I->o[k].cat == TRAINING ? "TRAINING_ROTATION"
                                                                      : "VOLUNTEER")
                                         : reasons[r]);
          /* after the opportunity's own selections and those before it */
          cJSON *cs = cJSON_CreateArray();
          const cJSON *s;
          bool done = false;
          cJSON_ArrayForEach(s, th_get(c, "selections")) {
            if (!done && atoi(th_str(s, "opportunity") + 1) > k) {
              cJSON_AddItemToArray(cs, x);
              done = true;
            }
            cJSON_AddItemToArray(cs, cJSON_Duplicate(s, true));
          }
          if (!done) cJSON_AddItemToArray(cs, x);
          cJSON_ReplaceItemInObject(c, "selections", cs);
          cJSON *tmp = changed(c, I);
          cJSON_Delete(c);
          c = tmp;
          if (departures(p, c) == 0) {
            char *t = cJSON_PrintUnformatted(c);
            fail_msg("no departure (method %d):\n%s\n%s", method, t, text);
          }
          cJSON_Delete(c);
          (*changes)++;
        }
      }
    }
    cJSON_Delete(res);
  }
  senbid_problem_free(p);
  free(text);
}

static void test_check_clean_and_every_change_departs(void **state) {
  (void)state;
  int changes = 0;
  for (uint64_t seed = 1; seed <= 100; seed++) {
    binst I;
    tiny_gen(&I, seed + 100000, seed & 1, seed % 4 == 0);
    one_problem(&I, &changes);
  }
  assert_true(changes > 2000);
}

/* The worked example of doc/assign.md (lexicographic): senbid's own result
 * passes check; the round_robin result posted as lexicographic departs
 * with MIN_MANDATES (E1 kept on D1 forces a needless mandate on D2). */
static void test_check_lexicographic_worked_example(void **state) {
  (void)state;
  binst I;
  memset(&I, 0, sizeof I);
  int base = sb_date_from_ymd(2027, 3, 1);
  I.n = 3;
  I.m = 2;
  for (int e = 0; e < 3; e++) I.ex_until[e] = -2147483647 - 1;
  I.o[0] = (bopp){.cat = DETAIL, .slots = 1, .r = {base, base + 30}, .must = true,
                  .vols = 3, .vorder = {0, 1}, .nv = 2};
  I.o[1] = (bopp){.cat = DETAIL, .slots = 1, .r = {base + 14, base + 45}, .must = true,
                  .vols = 1, .vorder = {0}, .nv = 1};
  char *text = tiny_render(&I);
  senbid_problem *p = th_parse_ok(text);
  cJSON *lex = th_solve(text, SENBID_METHOD_LEXICOGRAPHIC);
  assert_int_equal(departures(p, lex), 0);
  cJSON *rr = th_solve(text, SENBID_METHOD_ROUND_ROBIN);
  assert_int_equal(departures(p, rr), 0);
  cJSON_ReplaceItemInObject(rr, "method", cJSON_CreateString("lexicographic"));
  cJSON_DeleteItemFromObject(rr, "status");
  char *posted = cJSON_PrintUnformatted(rr);
  senbid_result *r = NULL;
  assert_int_equal(senbid_check(&r, p, posted, strlen(posted), NULL), SENBID_OK);
  assert_int_equal(senbid_result_outcome(r), SENBID_OUTCOME_DEPARTURES);
  assert_non_null(strstr(senbid_result_json(r, NULL), "\"MIN_MANDATES\""));
  senbid_result_free(r);
  free(posted);
  cJSON_Delete(lex);
  cJSON_Delete(rr);
  senbid_problem_free(p);
  free(text);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_check_lexicographic_worked_example),
      cmocka_unit_test(test_check_clean_and_every_change_departs),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
