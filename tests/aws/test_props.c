/* Properties of aws results on generated offices (issue #10): every
 * result solve makes checks clean, with both methods; every single-decision
 * change is a departure; every code is in the registry. */
#include "aws_test.h"

/* ------------------------------------------------------ generated rosters */

/* Properties of any seniority-pass result: every employee has one
 * schedule, in seniority order; approved schedules respect max_type and
 * max_off week by week; telework respects max_telework; every option
 * before the approved one is reported in invalid; the result checks clean
 * and is the same on every run. */
static void test_generated_rosters(void **state) {
  (void)state;
  for (uint64_t seed = 1; seed <= 25; seed++) {
    int n = 5 + (int)(seed * 7 % 40);
    char *j = gen(seed, n, false);
    char *text = th_solve_text(j, SENBID_METHOD_ROUND_ROBIN);
    char *again = th_solve_text(j, SENBID_METHOD_ROUND_ROBIN);
    assert_string_equal(text, again);
    cJSON *r = cJSON_Parse(text);
    cJSON *pr = cJSON_Parse(j);
    const cJSON *office = th_get(pr, "office");
    const cJSON *s = th_get(r, "schedules");
    const cJSON *sen = th_get(r, "seniority");
    assert_int_equal(cJSON_GetArraySize(s), n);
    int off[2][7] = {{0}}, n410 = 0, tue = 0;
    for (int i = 0; i < n; i++) {
      const cJSON *x = th_at(s, i);
      assert_string_equal(th_str(x, "employee"), th_at(sen, i)->valuestring);
      bool appr = strcmp(th_str(x, "reason"), "APPROVED") == 0;
      if (appr) {
        if (strcmp(th_str(x, "type"), "CWS_4_10") == 0) n410++;
        for (const cJSON *d = th_get(x, "days_off")->child; d; d = d->next)
          off[(int)th_num(d, "week") - 1][day_index(th_str(d, "day"))]++;
        int k = (int)th_num(x, "option");
        for (int o = 0; o < k; o++)
          assert_non_null(invalid_of(r, th_str(x, "employee"), o));
      }
      for (const cJSON *t = th_get(x, "telework")->child; t; t = t->next)
        if (strcmp(t->valuestring, "tue") == 0) tue++;
    }
    const cJSON *mo = th_get(office, "max_off");
    for (int w = 0; w < 2; w++) {
      assert_true(off[w][1] <= (int)th_num(mo, "mon"));
      assert_true(off[w][5] <= (int)th_num(mo, "fri"));
    }
    assert_true(n410 <= (int)th_num(th_get(office, "max_type"), "CWS_4_10"));
    assert_true(tue <= (int)th_num(th_get(office, "max_telework"), "tue"));
    /* the seniority pass keeps every rule by its own check */
    senbid_result *res = check(j, text);
    if (senbid_result_outcome(res) != SENBID_OUTCOME_OK)
      fail_msg("seed %d: %s", (int)seed, senbid_result_json(res, NULL));
    senbid_result_free(res);
    /* lexicographic without minimums = round robin */
    expect_same_as_round_robin(j);
    cJSON_Delete(pr);
    cJSON_Delete(r);
    free(again);
    free(text);
    free(j);
  }
}

/* Lexicographic with minimums on generated rosters: either infeasible, or
 * every min_type met by the final schedules, the maxima kept, and the
 * result clean under check. */
static void test_generated_lexicographic(void **state) {
  (void)state;
  for (uint64_t seed = 100; seed < 115; seed++) {
    int n = 4 + (int)(seed % 20);
    char *j = gen(seed, n, true);
    cJSON *r = th_solve(j, SENBID_METHOD_LEXICOGRAPHIC);
    cJSON *pr = cJSON_Parse(j);
    const cJSON *mt = th_get(th_get(pr, "office"), "min_type");
    if (strcmp(th_str(r, "status"), "infeasible") == 0) {
      assert_true(cJSON_GetArraySize(th_get(r, "infeasible")) > 0);
    } else {
      int cnt[2] = {0, 0};
      for (const cJSON *x = th_get(r, "schedules")->child; x; x = x->next) {
        if (strcmp(th_str(x, "type"), "VWS") == 0) cnt[0]++;
        if (strcmp(th_str(x, "type"), "MAXIFLEX") == 0) cnt[1]++;
      }
      assert_true(cnt[0] >= (int)th_num(mt, "VWS"));
      assert_true(cnt[1] >= (int)th_num(mt, "MAXIFLEX"));
      char *text = cJSON_Print(r);
      senbid_result *res = check(j, text);
      if (senbid_result_outcome(res) != SENBID_OUTCOME_OK)
        fail_msg("seed %d: %s", (int)seed, senbid_result_json(res, NULL));
      senbid_result_free(res);
      free(text);
    }
    cJSON_Delete(pr);
    cJSON_Delete(r);
    free(j);
  }
}

/* ------------------------------------------- single-decision changes */

/* The request object of an employee in the problem, or NULL. */
static const cJSON *request_of(const cJSON *prob, const char *id) {
  const cJSON *rq = cJSON_GetObjectItemCaseSensitive(prob, "requests");
  for (const cJSON *x = rq ? rq->child : NULL; x; x = x->next)
    if (strcmp(th_str(x, "employee"), id) == 0) return x;
  return NULL;
}

/* The days_off a result shows for an option (SPEC section 9 formats). */
static cJSON *days_off_of(const cJSON *opt) {
  cJSON *a = cJSON_CreateArray();
  const char *t = th_str(opt, "type");
  const cJSON *d = cJSON_GetObjectItemCaseSensitive(opt, "days_off");
  const cJSON *o = cJSON_GetObjectItemCaseSensitive(opt, "day_off");
  if (strcmp(t, "MAXIFLEX") == 0) {
    for (const cJSON *x = d->child; x; x = x->next)
      cJSON_AddItemToArray(a, cJSON_Duplicate(x, 1));
  } else if (strcmp(t, "CWS_4_10") == 0) {
    for (int w = 1; w <= 2; w++) {
      cJSON *x = cJSON_CreateObject();
      cJSON_AddNumberToObject(x, "week", w);
      cJSON_AddStringToObject(x, "day", o->valuestring);
      cJSON_AddItemToArray(a, x);
    }
  } else if (strcmp(t, "CWS_5_4_9") == 0) {
    cJSON_AddItemToArray(a, cJSON_Duplicate(o, 1));
  }
  return a;
}

static void set(cJSON *obj, const char *key, cJSON *v) {
  if (cJSON_GetObjectItemCaseSensitive(obj, key))
    cJSON_ReplaceItemInObjectCaseSensitive(obj, key, v);
  else
    cJSON_AddItemToObject(obj, key, v);
}

/* Departures of a posted result, counted when they are about a decision
 * (not the in-lieu days or the telework that follow from days off). */
static int decision_departures(const char *problem, const cJSON *posted) {
  char *text = cJSON_PrintUnformatted(posted);
  senbid_result *res = check(problem, text);
  cJSON *out = cJSON_Parse(senbid_result_json(res, NULL));
  int n = 0;
  const cJSON *dep = cJSON_GetObjectItemCaseSensitive(out, "departures");
  for (const cJSON *x = dep ? dep->child : NULL; x; x = x->next) {
    const char *code = th_str(x, "code");
    const char *clause = NULL;
    /* every departure is in the registry */
    if (!senbid_code_describe("aws", code, &clause))
      fail_msg("departure %s is not in the registry", code);
    if (strcmp(code, "IN_LIEU") != 0 && strncmp(code, "TELEWORK", 8) != 0)
      n++;
  }
  cJSON_Delete(out);
  senbid_result_free(res);
  free(text);
  return n;
}

/* Issue #10: on generated offices, with both methods, check finds a
 * departure in every change of a single decision: another option (made
 * consistent: its type and days off), the fallback instead of an option,
 * an option instead of the fallback, one telework day added or taken
 * away. In this kind no such change is another valid result: each turn
 * has one answer (the first option that passes, ICE2019.ART15.SEC10.C.2;
 * each telework day granted exactly when open, ICE2019.ART17.SEC5.A). */
static void test_single_decision_changes(void **state) {
  (void)state;
  static const char *const days[] = {"mon", "tue", "wed", "thu", "fri"};
  int changes = 0, lex_ok = 0;
  for (uint64_t seed = 300; seed < 340; seed++) {
    int method = seed % 2 ? SENBID_METHOD_LEXICOGRAPHIC
                          : SENBID_METHOD_ROUND_ROBIN;
    char *j = gen(seed, 4 + (int)(seed % 9), method != 0);
    char *text = th_solve_text(j, method);
    cJSON *r = cJSON_Parse(text);
    cJSON *prob = cJSON_Parse(j);
    if (strcmp(th_str(r, "status"), "ok") != 0) goto next;
    assert_int_equal(decision_departures(j, r), 0);
    if (method == SENBID_METHOD_LEXICOGRAPHIC) lex_ok++;
    int ns = cJSON_GetArraySize(th_get(r, "schedules"));
    for (int i = 0; i < ns; i++) {
      const char *id = th_str(th_at(th_get(r, "schedules"), i), "employee");
      const cJSON *rq = request_of(prob, id);
      const cJSON *opts = rq ? th_get(rq, "options") : NULL;
      int nopt = opts ? cJSON_GetArraySize(opts) : 0;
      const cJSON *cur = th_get(th_at(th_get(r, "schedules"), i), "option");
      int now = cJSON_IsNumber(cur) ? (int)cur->valuedouble : -1;
      /* another option, or the fallback (-1) */
      for (int k = -1; k < nopt; k++) {
        if (k == now) continue;
        cJSON *m = cJSON_Duplicate(r, 1);
        cJSON *x = sched_edit(m, id);
        if (k < 0) {
          bool gf = false;
          const cJSON *emps = th_get(prob, "employees");
          for (const cJSON *e = emps->child; e; e = e->next)
            if (strcmp(th_str(e, "id"), id) == 0)
              gf = cJSON_IsTrue(
                  cJSON_GetObjectItemCaseSensitive(e, "grandfathered_494"));
          set(x, "option", cJSON_CreateNull());
          set(x, "type", cJSON_CreateString(gf ? "CWS_4_9_4" : "VWS"));
          set(x, "days_off", cJSON_CreateArray());
        } else {
          const cJSON *o = th_at(opts, k);
          set(x, "option", cJSON_CreateNumber(k));
          set(x, "type", cJSON_CreateString(th_str(o, "type")));
          set(x, "days_off", days_off_of(o));
        }
        if (decision_departures(j, m) == 0)
          fail_msg("seed %d: %s option %d -> %d went unnoticed", (int)seed,
                   id, now, k);
        changes++;
        cJSON_Delete(m);
      }
      /* one telework day more or less */
      for (int d = 0; d < 5; d++) {
        cJSON *m = cJSON_Duplicate(r, 1);
        cJSON *x = sched_edit(m, id);
        cJSON *tw = cJSON_GetObjectItemCaseSensitive(x, "telework");
        int at = -1, k = 0;
        for (cJSON *t = tw->child; t; t = t->next, k++)
          if (strcmp(t->valuestring, days[d]) == 0) at = k;
        if (at >= 0) cJSON_DeleteItemFromArray(tw, at);
        else cJSON_AddItemToArray(tw, cJSON_CreateString(days[d]));
        char *mt = cJSON_PrintUnformatted(m);
        senbid_result *res = check(j, mt);
        if (senbid_result_outcome(res) != SENBID_OUTCOME_DEPARTURES)
          fail_msg("seed %d: %s telework %s %s went unnoticed", (int)seed, id,
                   at >= 0 ? "without" : "with", days[d]);
        changes++;
        senbid_result_free(res);
        free(mt);
        cJSON_Delete(m);
      }
    }
  next:
    cJSON_Delete(prob);
    cJSON_Delete(r);
    free(text);
    free(j);
  }
  assert_true(changes > 1000);
  assert_true(lex_ok >= 10);
}

/* Every reason, event and warning a solve writes is in the registry, with
 * the clause rules.c gives the reason (lib/aws/registry.def). */
static void test_registry(void **state) {
  (void)state;
  for (int i = 1; i < AWS_NREASONS; i++) {
    const char *clause = NULL;
    assert_non_null(senbid_code_describe("aws", aws_reason_names[i], &clause));
    assert_string_equal(clause, aws_reason_clause[i]);
  }
  for (uint64_t seed = 400; seed < 420; seed++) {
    char *j = gen(seed, 6 + (int)(seed % 20), seed % 2);
    cJSON *r = th_solve(j, seed % 2 ? SENBID_METHOD_LEXICOGRAPHIC
                                    : SENBID_METHOD_ROUND_ROBIN);
    const char *clause;
    for (const cJSON *x = th_get(r, "audit")->child; x; x = x->next)
      if (!senbid_code_describe("aws", th_str(x, "event"), &clause))
        fail_msg("event %s is not in the registry", th_str(x, "event"));
    for (const cJSON *x = th_get(r, "warnings")->child; x; x = x->next)
      assert_non_null(senbid_code_describe("aws", th_str(x, "code"), &clause));
    for (const cJSON *x = th_get(r, "schedules")->child; x; x = x->next)
      assert_non_null(
          senbid_code_describe("aws", th_str(x, "reason"), &clause));
    for (const cJSON *x = th_get(r, "invalid")->child; x; x = x->next)
      assert_non_null(
          senbid_code_describe("aws", th_str(x, "reason"), &clause));
    cJSON_Delete(r);
    free(j);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_generated_rosters),
      cmocka_unit_test(test_generated_lexicographic),
      cmocka_unit_test(test_single_decision_changes),
      cmocka_unit_test(test_registry),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
