/*
 * Leave, lexicographic (SPEC section 2 and section 9 "Lexicographic /
 * Leave"; NBPC 2019 Art. 14 A): hand-worked cases, the conformance cases,
 * the time limit, export-lp, and properties against brute force.
 */
#include "leave_test.h"

static void test_conf_lex_infeasible(void **s) { (void)s; conformance_case(LEX_DIR, "lex_leave_infeasible", SENBID_METHOD_LEXICOGRAPHIC); }

static void test_conf_lex_min_junior(void **s) { (void)s; conformance_case(LEX_DIR, "lex_leave_min_junior", SENBID_METHOD_LEXICOGRAPHIC); }

static void test_conf_lex_two_rounds(void **s) { (void)s; conformance_case(LEX_DIR, "lex_leave_two_rounds_balance", SENBID_METHOD_LEXICOGRAPHIC); }

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

int main(void) {
  const struct CMUnitTest tests[] = {
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
      cmocka_unit_test(test_export_lp),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
