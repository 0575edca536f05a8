/* lexicographic for shift bids (SPEC 3, SPEC 9 "Lexicographic / Shift
 * bid"), its brute-force properties, cancellation and the time limit. */
#include <glpk.h>
#include <unistd.h>
#include "sbt.h"

/* ------------------------------------------------------------ lexicographic */

/* The reason lexicographic exists (SPEC 3), the example of doc/shiftbid.md.
 * DAY max 3; MID min 2, max 2. E1, E2, E3 bid [DAY, MID]; E4 has no bid.
 * round_robin: E1, E2, E3 take DAY; E4 goes to MID; MID is one short.
 * lexicographic: 4 agents can meet MID's 2 only if DAY keeps 2; E1 and E2
 * keep DAY (rank 1), E3, the most junior bidder, gets MID (rank 2), E4 MID.
 * Nobody senior is moved to cover the minimum. */
static const char *SHORT_EMPS_BIDS =
    "{\"employee\":\"E1\",\"prefs\":[\"DAY\",\"MID\"]},"
    "{\"employee\":\"E2\",\"prefs\":[\"DAY\",\"MID\"]},"
    "{\"employee\":\"E3\",\"prefs\":[\"DAY\",\"MID\"]}";
static void test_lex_covers_shift_seniority_leaves_short(void **state) {
  (void)state;
  const char *shifts = "{\"id\":\"DAY\",\"max\":3},{\"id\":\"MID\",\"min\":2,\"max\":2}";
  cJSON *rr = solve_doc(join(4, emp("E1", 2010, NULL), emp("E2", 2011, NULL),
                             emp("E3", 2012, NULL), emp("E4", 2013, NULL)),
                        shifts, SHORT_EMPS_BIDS, NULL, RR);
  expect_asg(rr, "E3", "DAY", "SENIORITY", 1, NULL);
  expect_asg(rr, "E4", "MID", "AGENCY_PLACEMENT", 0, "NO_BID");
  assert_int_equal(cJSON_GetArraySize(th_get(rr, "unmet")), 1);
  cJSON *lx = solve_doc(join(4, emp("E1", 2010, NULL), emp("E2", 2011, NULL),
                             emp("E3", 2012, NULL), emp("E4", 2013, NULL)),
                        shifts, SHORT_EMPS_BIDS, NULL, LEX);
  expect_asg(lx, "E1", "DAY", "SENIORITY", 1, NULL);
  expect_asg(lx, "E2", "DAY", "SENIORITY", 1, NULL);
  expect_asg(lx, "E3", "MID", "SENIORITY", 2, NULL);
  expect_asg(lx, "E4", "MID", "AGENCY_PLACEMENT", 0, "NO_BID");
  assert_int_equal(cJSON_GetArraySize(th_get(lx, "unmet")), 0);
  assert_string_equal(th_str(lx, "method"), "lexicographic");
  cJSON_Delete(rr);
  cJSON_Delete(lx);
}

/* A grade minimum only a senior can meet: MID needs one GS-13 and E1 is the
 * only GS-13. round_robin gives E1 DAY and leaves MID's GS-13 short;
 * lexicographic must give E1 MID (rank 2): the minimum requires it. */
static void test_lex_grade_minimum_needs_senior(void **state) {
  (void)state;
  const char *shifts =
      "{\"id\":\"DAY\",\"max\":3},{\"id\":\"MID\",\"max\":3,"
      "\"grades\":{\"GS-13\":{\"min\":1}}}";
  const char *bids = "{\"employee\":\"E1\",\"prefs\":[\"DAY\",\"MID\"]},"
                     "{\"employee\":\"E2\",\"prefs\":[\"DAY\"]}";
  cJSON *rr = solve_doc(join(2, emp("E1", 2010, "\"grade\":\"GS-13\""),
                             emp("E2", 2011, "\"grade\":\"GS-12\"")),
                        shifts, bids, NULL, RR);
  expect_asg(rr, "E1", "DAY", "SENIORITY", 1, NULL);
  assert_string_equal(th_str(th_at(th_get(rr, "unmet"), 0), "grade"), "GS-13");
  cJSON *lx = solve_doc(join(2, emp("E1", 2010, "\"grade\":\"GS-13\""),
                             emp("E2", 2011, "\"grade\":\"GS-12\"")),
                        shifts, bids, NULL, LEX);
  expect_asg(lx, "E1", "MID", "SENIORITY", 2, NULL);
  expect_asg(lx, "E2", "DAY", "SENIORITY", 1, NULL);
  assert_int_equal(cJSON_GetArraySize(th_get(lx, "unmet")), 0);
  cJSON_Delete(rr);
  cJSON_Delete(lx);
}

/* SPEC 3: when the headcount cannot meet the minimums, the best total is
 * computed first and reported. DAY min 2, MID min 2, 3 agents: at most 3
 * of 4 places; E1, E2 keep DAY; E3 (no bid) covers MID; MID 1 short. */
static void test_lex_unavoidable_deficit(void **state) {
  (void)state;
  cJSON *lx = solve_doc(
      join(3, emp("E1", 2010, NULL), emp("E2", 2011, NULL), emp("E3", 2012, NULL)),
      "{\"id\":\"DAY\",\"min\":2,\"max\":3},{\"id\":\"MID\",\"min\":2,\"max\":3}",
      "{\"employee\":\"E1\",\"prefs\":[\"DAY\"]},{\"employee\":\"E2\",\"prefs\":[\"DAY\"]}",
      NULL, LEX);
  expect_asg(lx, "E1", "DAY", "SENIORITY", 1, NULL);
  expect_asg(lx, "E2", "DAY", "SENIORITY", 1, NULL);
  expect_asg(lx, "E3", "MID", "AGENCY_PLACEMENT", 0, "NO_BID");
  const cJSON *unmet = th_get(lx, "unmet");
  assert_int_equal(cJSON_GetArraySize(unmet), 1);
  assert_int_equal((int)th_num(th_at(unmet, 0), "deficit"), 1);
  assert_true(has_audit(lx, "minimums", "NBPC2019.APPII.III.A"));
  cJSON_Delete(lx);
}

/* SPEC 9: lexicographic applies adjustments first and bumps nobody; a
 * management placement over a max raises the max. */
static void test_lex_adjustments_no_bumps(void **state) {
  (void)state;
  cJSON *lx = solve_doc(
      join(3, emp("E1", 2010, "\"fixed_shift\":\"DAY\""),
           emp("E2", 2011, "\"fixed_shift\":\"DAY\""), emp("E3", 2012, NULL)),
      "{\"id\":\"DAY\",\"max\":3},{\"id\":\"MID\",\"max\":3}",
      "{\"employee\":\"E3\",\"prefs\":[\"DAY\",\"MID\"]}",
      "\"adjustments\":[{\"shift\":\"DAY\",\"max\":1}],"
      "\"history\":{\"bumped\":{\"MID\":[\"E1\"]}}",
      LEX);
  expect_asg(lx, "E1", "DAY", "MANAGEMENT_PLACEMENT", 0, NULL);
  expect_asg(lx, "E2", "DAY", "MANAGEMENT_PLACEMENT", 0, NULL);
  expect_asg(lx, "E3", "MID", "SENIORITY", 2, NULL);
  assert_int_equal(cJSON_GetArraySize(th_get(lx, "bumps")), 0);
  const char *mid[] = {"E1"};
  th_assert_strings(th_get(th_get(th_get(lx, "history"), "bumped"), "MID"), 1, mid);
  cJSON_Delete(lx);
}

/* SPP under lexicographic (SPEC 9): the guarantee holds where feasible,
 * else SPP_NO_ROOM. DAY max 2, MID min 1 max 2; E2 and E3 have SPP for
 * DAY; E1 bids [DAY]. Only 3 agents: MID needs one of them. E2 gets DAY
 * (SPP); E3's guarantee would leave MID empty only if E1 also took DAY,
 * which is decided later, so E3 gets DAY too; E1 (DAY full) is placed by
 * the agency on MID. */
static void test_lex_spp(void **state) {
  (void)state;
  cJSON *lx = solve_doc(
      join(3, emp("E1", 2010, NULL), emp("E2", 2011, NULL), emp("E3", 2012, NULL)),
      "{\"id\":\"DAY\",\"max\":2},{\"id\":\"MID\",\"min\":1,\"max\":2}",
      "{\"employee\":\"E1\",\"prefs\":[\"DAY\"]},"
      "{\"employee\":\"E2\",\"prefs\":[\"DAY\"]},{\"employee\":\"E3\",\"prefs\":[\"DAY\"]}",
      "\"history\":{\"denials\":{\"E2\":2,\"E3\":2}}", LEX);
  expect_asg(lx, "E2", "DAY", "SPP_GUARANTEE", 1, NULL);
  expect_asg(lx, "E3", "DAY", "SPP_GUARANTEE", 1, NULL);
  expect_asg(lx, "E1", "MID", "AGENCY_PLACEMENT", 0, "PREFS_FULL");
  assert_false(has_warning(lx, "SPP_NO_ROOM"));
  cJSON_Delete(lx);
  /* With DAY max 1 the second guarantee has no room. */
  lx = solve_doc(
      join(3, emp("E1", 2010, NULL), emp("E2", 2011, NULL), emp("E3", 2012, NULL)),
      "{\"id\":\"DAY\",\"max\":1},{\"id\":\"MID\",\"min\":1,\"max\":2}",
      "{\"employee\":\"E1\",\"prefs\":[\"DAY\"]},"
      "{\"employee\":\"E2\",\"prefs\":[\"DAY\"]},{\"employee\":\"E3\",\"prefs\":[\"DAY\",\"MID\"]}",
      "\"history\":{\"denials\":{\"E2\":2,\"E3\":2}}", LEX);
  expect_asg(lx, "E2", "DAY", "SPP_GUARANTEE", 1, NULL);
  expect_asg(lx, "E3", "MID", "SENIORITY", 2, NULL);
  assert_true(has_warning(lx, "SPP_NO_ROOM"));
  cJSON_Delete(lx);
}

static void test_prop_lex_equals_rr_without_minimums(void **state) {
  (void)state;
  for (uint64_t seed = 1; seed <= 300; seed++) {
    gen g;
    gen_station(&g, seed, false, true, true);
    char *doc = gen_doc(&g);
    cJSON *rr = th_solve(doc, RR), *lx = th_solve(doc, LEX);
    const char *keys[] = {"assignments", "excluded", "unplaced", "unmet", "bumps", "history"};
    for (int k = 0; k < 6; k++) {
      char *a = cJSON_PrintUnformatted(th_get(rr, keys[k]));
      char *b = cJSON_PrintUnformatted(th_get(lx, keys[k]));
      if (strcmp(a, b)) {
        print_error("seed %llu %s:\n rr  %s\n lex %s\n%s\n", (unsigned long long)seed,
                    keys[k], a, b, doc);
        fail();
      }
      free(a);
      free(b);
    }
    assert_int_equal(has_warning(rr, "SPP_NO_ROOM"), has_warning(lx, "SPP_NO_ROOM"));
    cJSON_Delete(rr);
    cJSON_Delete(lx);
    free(doc);
  }
}

/* Properties (issue #4) against brute force over every roster of small
 * generated stations (SPP agents in two thirds, management placements
 * in one third):
 *  - lexicographic meets the most minimums any roster can (so it never
 *    leaves a minimum unmet when the headcount allows), within every max;
 *  - the SPP guarantees, then the bidders' ranks, in seniority order, are
 *    the lexicographically best among all rosters that meet that many
 *    minimums (exactness);
 *  - when round_robin meets as many minimums, no bidder is worse off under
 *    lexicographic before one is better off (a senior bidder is placed
 *    below round_robin only when a minimum requires it);
 *  - `check` finds no departure in either method's own result. */
static void test_prop_lex_optimal_brute_force(void **state) {
  (void)state;
  int checked = 0, rr_short = 0, lex_differs = 0;
  for (uint64_t seed = 1000; seed < 1600; seed++) {
    gen g;
    /* from 1200 with SPP agents, from 1400 management placements too */
    gen_station(&g, seed, true, seed >= 1200, seed >= 1400);
    char *doc = gen_doc(&g);
    cJSON *rr = th_solve(doc, RR), *lx = th_solve(doc, LEX);
    int sl[8], sr[8];
    decode(&g, lx, sl);
    decode(&g, rr, sr);
    bool ok;
    int met_lex = minimums_met(&g, sl, &ok);
    assert_true(ok);
    bool rr_ok;
    int met_rr = minimums_met(&g, sr, &rr_ok);
    /* brute force; employees are in seniority order by construction
     * except the ineligible (2026), who are never bidders */
    int bestv[2 * SBT_MAXE] = {0}, best = brute_best(&g, bestv);
    if (met_lex != best) {
      print_error("seed %llu: lexicographic meets %d minimums, best is %d\n%s\n",
                  (unsigned long long)seed, met_lex, best, doc);
      fail();
    }
    int vl[16], vr[16], nv = objective(&g, sl, vl);
    objective(&g, sr, vr);
    for (int k = 0; k < nv; k++)
      if (vl[k] != bestv[k]) {
        print_error("seed %llu: objective entry %d is %d, best is %d\n%s\n",
                    (unsigned long long)seed, k, vl[k], bestv[k], doc);
        fail();
      }
    if (rr_ok && met_rr == best) {
      for (int k = 0; k < nv; k++) {
        if (vl[k] < vr[k]) break;
        if (vl[k] > vr[k]) {
          print_error("seed %llu: entry %d worse under lexicographic\n%s\n",
                      (unsigned long long)seed, k, doc);
          fail();
        }
      }
    }
    /* SPEC 7: both results check clean against their own method */
    for (int m = 0; m < 2; m++) {
      char *text = cJSON_PrintUnformatted(m ? lx : rr);
      int outcome;
      cJSON *chk = check_doc(doc, text, &outcome);
      if (th_num(chk, "count") != 0) {
        char *t = cJSON_Print(chk);
        print_error("seed %llu: check of its own result: %s\n", (unsigned long long)seed, t);
        free(t);
        fail();
      }
      cJSON_Delete(chk);
      free(text);
    }
    checked++;
    if (!rr_ok || met_rr < best) rr_short++;
    if (memcmp(sl, sr, sizeof(int) * (size_t)g.n)) lex_differs++;
    cJSON_Delete(rr);
    cJSON_Delete(lx);
    free(doc);
  }
  assert_int_equal(checked, 600);
  /* the generator must reach the interesting cases */
  print_message("# %d of 600 stations left short by round_robin, %d differ\n",
                rr_short, lex_differs);
  assert_true(rr_short > 20);
  assert_true(lex_differs > 20);
}

/* Conformance documents of ../shared parse and solve under both methods
 * (their content is compared by conformance.sh with compare.py). */

static void test_export_lp_reads_back(void **state) {
  (void)state;
  char *emps = join(3, emp("E1", 2010, NULL), emp("E2", 2011, NULL), emp("E3", 2012, NULL));
  char *doc = station(emps,
                      "{\"id\":\"DAY\",\"min\":2,\"max\":3},{\"id\":\"MID\",\"min\":2,\"max\":3}",
                      "{\"employee\":\"E1\",\"prefs\":[\"DAY\"]}", NULL);
  free(emps);
  senbid_problem *p = th_parse_ok(doc);
  senbid_result *res = NULL;
  senbid_error *err = NULL;
  assert_int_equal(senbid_export_lp(&res, p, NULL, &err), SENBID_OK);
  size_t len;
  const char *lp = senbid_result_json(res, &len);
  assert_non_null(strstr(lp, "Maximize"));
  assert_non_null(strstr(lp, "Binary"));
  char path[] = "/tmp/senbid_sb_XXXXXX";
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  FILE *f = fdopen(fd, "w");
  fwrite(lp, 1, len, f);
  fclose(f);
  glp_prob *P = glp_create_prob();
  glp_term_out(GLP_OFF);
  assert_int_equal(glp_read_lp(P, NULL, path), 0);
  glp_iocp parm;
  glp_init_iocp(&parm);
  parm.presolve = GLP_ON;
  assert_int_equal(glp_intopt(P, &parm), 0);
  assert_int_equal((int)(glp_mip_obj_val(P) + 0.5), 3);
  glp_delete_prob(P);
  glp_free_env();
  remove(path);
  senbid_result_free(res);
  senbid_problem_free(p);
  free(doc);
}

/* A progress callback that stops the solve on its n-th call. */
static int stop_after(const senbid_progress *pr, void *payload) {
  (void)pr;
  int *left = payload;
  return --*left <= 0;
}

/* Cancellation (senbid.h): the progress callback stops both methods with
 * SENBID_E_CANCELLED and nothing leaks (valgrind/ASan runs of this suite). */
static void test_cancel(void **state) {
  (void)state;
  char *emps = join(3, emp("E1", 2010, NULL), emp("E2", 2011, NULL), emp("E3", 2012, NULL));
  char *doc = station(emps, SHIFTS3, SHORT_EMPS_BIDS, NULL);
  free(emps);
  senbid_problem *p = th_parse_ok(doc);
  int cancelled = 0;
  for (int m = 0; m < 2; m++)
    for (int calls = 1; calls <= 3; calls++) {
      int left = calls;
      senbid_solve_options opts = SENBID_SOLVE_OPTIONS_INIT;
      opts.method = m;
      opts.progress = stop_after;
      opts.progress_payload = &left;
      senbid_result *res = NULL;
      senbid_error *err = NULL;
      int rc = senbid_solve(&res, p, &opts, &err);
      if (rc == SENBID_OK) {
        senbid_result_free(res); /* fewer progress calls than `calls` */
      } else {
        assert_int_equal(rc, SENBID_E_CANCELLED);
        assert_null(res);
        cancelled++;
        senbid_error_free(err);
      }
    }
  assert_true(cancelled >= 2);
  senbid_problem_free(p);
  free(doc);
}

/* The time limit (senbid.h) ends lexicographic's feasibility tests: the
 * result has status "time_limit", outcome SENBID_OUTCOME_TIME_LIMIT, and
 * still places everyone within every max. 20,000 agents take well over a
 * millisecond of tests. */
static void test_lex_time_limit(void **state) {
  (void)state;
  sb_buf b;
  sb_buf_init(&b, &sb_default_alloc);
  sb_buf_puts(&b, "{\"senbid\":1,\"kind\":\"shift_bid\",\"as_of\":\"2026-09-01\","
                  "\"seniority\":{\"policy\":\"nbpc-2019\"},\"employees\":[");
  for (int i = 0; i < 20000; i++)
    sb_buf_printf(&b, "%s{\"id\":\"E%d\",\"service\":{\"series_start\":\"%d-01-01\","
                  "\"usbp_start\":\"2000-01-01\",\"cbp_start\":\"2000-01-01\"}}",
                  i ? "," : "", i, 1990 + i % 30);
  sb_buf_puts(&b, "],\"rotation\":{\"start\":\"2026-10-04\",\"end\":\"2027-01-30\"},"
                  "\"shifts\":[{\"id\":\"A\",\"max\":9000},{\"id\":\"B\",\"min\":6000}],"
                  "\"bids\":[");
  for (int i = 0; i < 20000; i++)
    sb_buf_printf(&b, "%s{\"employee\":\"E%d\",\"prefs\":[\"A\",\"B\"]}", i ? "," : "", i);
  sb_buf_puts(&b, "]}");
  sb_buf_terminate(&b);
  senbid_problem *p = th_parse_ok(b.data);
  senbid_solve_options opts = SENBID_SOLVE_OPTIONS_INIT;
  opts.method = LEX;
  opts.time_limit_ms = 1;
  senbid_result *res = NULL;
  senbid_error *err = NULL;
  assert_int_equal(senbid_solve(&res, p, &opts, &err), SENBID_OK);
  assert_int_equal(senbid_result_outcome(res), SENBID_OUTCOME_TIME_LIMIT);
  cJSON *doc = cJSON_Parse(senbid_result_json(res, NULL));
  assert_string_equal(th_str(doc, "status"), "time_limit");
  assert_true(has_warning(doc, "TIME_LIMIT"));
  /* A holds 9,000, B (no max) the rest: everyone is placed */
  assert_int_equal(cJSON_GetArraySize(th_get(doc, "assignments")), 20000);
  cJSON_Delete(doc);
  senbid_result_free(res);
  senbid_problem_free(p);
  sb_buf_free(&b);
}


/* The hand-worked lexicographic cases of SPEC 9 (copied into cases/):
 * adjustments applied first without bumps, a grade deficit no roster can
 * avoid, minimums that need a senior bidder moved. */
static void test_lex_cases(void **state) {
  (void)state;
  run_case("lex_sb_adjustments");
  run_case("lex_sb_deficit_grades");
  run_case("lex_sb_minimums");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_lex_cases),
      cmocka_unit_test(test_lex_covers_shift_seniority_leaves_short),
      cmocka_unit_test(test_lex_grade_minimum_needs_senior),
      cmocka_unit_test(test_lex_unavoidable_deficit),
      cmocka_unit_test(test_lex_adjustments_no_bumps),
      cmocka_unit_test(test_lex_spp),
      cmocka_unit_test(test_prop_lex_equals_rr_without_minimums),
      cmocka_unit_test(test_prop_lex_optimal_brute_force),
      cmocka_unit_test(test_export_lp_reads_back),
      cmocka_unit_test(test_cancel),
      cmocka_unit_test(test_lex_time_limit),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
