/* check for shift bids (SPEC 7). */
#include "sbt.h"

static void test_check_departures(void **state) {
  (void)state;
  char *emps = join(4, emp("E1", 2010, NULL), emp("E2", 2011, NULL),
                    emp("E3", 2012, NULL), emp("E4", 2026, NULL));
  char *doc = station(emps,
                      "{\"id\":\"DAY\",\"max\":1},{\"id\":\"MID\",\"max\":3}",
                      "{\"employee\":\"E1\",\"prefs\":[\"DAY\",\"MID\"]},"
                      "{\"employee\":\"E2\",\"prefs\":[\"MID\"]},"
                      "{\"employee\":\"E3\",\"prefs\":[\"DAY\",\"MID\"]}",
                      "\"history\":{\"denials\":{\"E2\":2}}");
  free(emps);
  int outcome;
  for (int m = 0; m < 2; m++) {
    char *good = th_solve_text(doc, m);
    cJSON *chk = check_doc(doc, good, &outcome);
    assert_int_equal((int)th_num(chk, "count"), 0);
    assert_int_equal(outcome, SENBID_OUTCOME_OK);
    cJSON_Delete(chk);
    free(good);
  }
  /* E3 (junior) on DAY, E1 on MID; E2's SPP shift MID ignored; E4
   * (ineligible) placed by seniority; MID over max is not (3 places) */
  const char *bad =
      "{\"senbid\":1,\"kind\":\"shift_bid\",\"method\":\"round_robin\","
      "\"assignments\":["
      "{\"employee\":\"E2\",\"shift\":\"DAY\",\"reason\":\"SENIORITY\",\"rank\":null},"
      "{\"employee\":\"E1\",\"shift\":\"MID\",\"reason\":\"SENIORITY\",\"rank\":2},"
      "{\"employee\":\"E3\",\"shift\":\"DAY\",\"reason\":\"SENIORITY\",\"rank\":1},"
      "{\"employee\":\"E4\",\"shift\":\"MID\",\"reason\":\"SENIORITY\",\"rank\":1}],"
      "\"unplaced\":[],\"excluded\":[],"
      "\"history\":{\"denials\":{\"E1\":0,\"E2\":0,\"E3\":0}}}";
  cJSON *chk = check_doc(doc, bad, &outcome);
  assert_int_equal(outcome, SENBID_OUTCOME_DEPARTURES);
  assert_true(has_departure(chk, "SENIORITY", "E1"));
  assert_true(has_departure(chk, "SPP", "E2"));
  assert_true(has_departure(chk, "OVER_MAX", NULL));
  assert_true(has_departure(chk, "INELIGIBLE", "E4"));
  assert_true(has_departure(chk, "RANK", "E2"));
  assert_true(has_departure(chk, "HISTORY", "E1"));
  /* round_robin gives E3 MID (choice 2): DAY is a better shift than the
   * rules give, also a departure (IV.D) */
  assert_true(has_departure(chk, "SENIORITY", "E3"));
  cJSON_Delete(chk);
  /* a missing employee and an unknown one */
  const char *partial =
      "{\"method\":\"round_robin\",\"assignments\":["
      "{\"employee\":\"E9\",\"shift\":\"DAY\",\"reason\":\"SENIORITY\",\"rank\":1}]}";
  chk = check_doc(doc, partial, &outcome);
  assert_true(has_departure(chk, "UNKNOWN_EMPLOYEE", "E9"));
  assert_true(has_departure(chk, "NOT_PLACED", "E1"));
  cJSON_Delete(chk);
  free(doc);
}

/* SPEC 8: export-lp writes the stage-1 integer program of lexicographic in
 * CPLEX LP format; GLPK reads it back and its optimum is the most minimums
 * that can be met (here 3 of 4, as in test_lex_unavoidable_deficit). */

/* Issue 10 item 1, NBPC2019.APPII.III.A with SPEC 9 (a management
 * placement is made even past max; only other employees can break a
 * max): E1 (GS-12) is placed on DAY by management although DAY allows no
 * GS-12; E2 (GS-11) bids DAY and gets it. Only a management placement
 * exceeds the GS-12 max, so round_robin's own result has no departure
 * (check used to count E2, of another grade, and report GRADE_MAX). A
 * second GS-12 who is not a management placement is a departure. */
static void test_check_grade_max_management_only(void **state) {
  (void)state;
  char *emps = join(2, emp("E1", 2010, "\"grade\":\"GS-12\",\"fixed_shift\":\"DAY\""),
                    emp("E2", 2011, "\"grade\":\"GS-11\""));
  const char *shifts =
      "{\"id\":\"DAY\",\"max\":5,\"grades\":{\"GS-12\":{\"max\":0}}},{\"id\":\"MID\"}";
  char *doc = station(emps, shifts, "{\"employee\":\"E2\",\"prefs\":[\"DAY\"]}", NULL);
  free(emps);
  int outcome;
  for (int m = 0; m < 2; m++) {
    char *good = th_solve_text(doc, m);
    cJSON *chk = check_doc(doc, good, &outcome);
    assert_false(has_departure(chk, "GRADE_MAX", NULL));
    assert_int_equal((int)th_num(chk, "count"), 0);
    cJSON_Delete(chk);
    free(good);
  }
  free(doc);
  emps = join(2, emp("E1", 2010, "\"grade\":\"GS-12\",\"fixed_shift\":\"DAY\""),
              emp("E2", 2011, "\"grade\":\"GS-12\""));
  doc = station(emps, shifts, "", NULL);
  free(emps);
  const char *bad =
      "{\"assignments\":["
      "{\"employee\":\"E1\",\"shift\":\"DAY\",\"reason\":\"MANAGEMENT_PLACEMENT\",\"rank\":null},"
      "{\"employee\":\"E2\",\"shift\":\"DAY\",\"reason\":\"AGENCY_PLACEMENT\",\"rank\":null,\"cause\":\"NO_BID\"}],"
      "\"unplaced\":[],\"excluded\":[],\"history\":{\"denials\":{}}}";
  cJSON *chk = check_doc(doc, bad, &outcome);
  assert_true(has_departure(chk, "GRADE_MAX", NULL));
  cJSON_Delete(chk);
  free(doc);
}

/* Issue 10 item 5, NBPC2019.APPII.IV.A.4 (agency placements in seniority
 * order): one shift A with max 1 and two agents without a bid. E1, the
 * senior, gets A and E2 is unplaced. A posted roster with E2 on A and E1
 * unplaced is a departure under both methods (under round_robin step 4
 * fixes every agency placement). Under lexicographic, when A needs a GS-12
 * (grade minimum 1) and only the junior is one, the senior GS-11 stays
 * unplaced rightly, and check accepts it. */
static void test_check_agency_senior_unplaced(void **state) {
  (void)state;
  char *emps = join(2, emp("E1", 2010, NULL), emp("E2", 2011, NULL));
  char *doc = station(emps, "{\"id\":\"A\",\"max\":1}", "", NULL);
  free(emps);
  const char *moved =
      "{\"method\":\"%s\",\"assignments\":["
      "{\"employee\":\"E2\",\"shift\":\"A\",\"reason\":\"AGENCY_PLACEMENT\",\"rank\":null,\"cause\":\"NO_BID\"}],"
      "\"unplaced\":[{\"employee\":\"E1\",\"reason\":\"NO_ROOM\",\"cause\":\"NO_BID\"}],"
      "\"excluded\":[],\"history\":{\"denials\":{}}}";
  int outcome;
  cJSON *chk;
  for (int m = 0; m < 2; m++) {
    char *posted = th_fmt(moved, m ? "lexicographic" : "round_robin");
    chk = check_doc(doc, posted, &outcome);
    assert_true(has_departure(chk, "AGENCY", "E1"));
    assert_int_equal(outcome, SENBID_OUTCOME_DEPARTURES);
    cJSON_Delete(chk);
    free(posted);
  }
  free(doc);
  emps = join(2, emp("E1", 2010, "\"grade\":\"GS-11\""),
              emp("E2", 2011, "\"grade\":\"GS-12\""));
  doc = station(emps, "{\"id\":\"A\",\"max\":1,\"grades\":{\"GS-12\":{\"min\":1}}}",
                "", NULL);
  free(emps);
  char *lex = th_solve_text(doc, LEX);
  assert_non_null(strstr(lex, "\"employee\": \"E2\",\n      \"shift\": \"A\""));
  chk = check_doc(doc, lex, &outcome);
  assert_int_equal((int)th_num(chk, "count"), 0);
  cJSON_Delete(chk);
  free(lex);
  free(doc);
}

/* NBPC2019.APPII.IV.D under round_robin: E1 bids DAY (max 1) and gets it;
 * E2 bids DAY then MID and gets MID (DAY full at E2's turn). Then an
 * adjustment places E1 on MID, so DAY ends empty. A roster with E2 on DAY
 * keeps every bound, but the rules give E2 choice 2: a departure. */
static void test_check_rr_better_rank(void **state) {
  (void)state;
  char *emps = join(2, emp("E1", 2010, NULL), emp("E2", 2011, NULL));
  char *doc = station(emps, "{\"id\":\"DAY\",\"max\":1},{\"id\":\"MID\",\"max\":5}",
                      "{\"employee\":\"E1\",\"prefs\":[\"DAY\"]},"
                      "{\"employee\":\"E2\",\"prefs\":[\"DAY\",\"MID\"]}",
                      "\"adjustments\":[{\"place\":\"E1\",\"shift\":\"MID\"}]");
  free(emps);
  cJSON *res = th_solve(doc, RR);
  expect_asg(res, "E2", "MID", "SENIORITY", 2, NULL);
  cJSON_Delete(res);
  const char *posted =
      "{\"method\":\"round_robin\",\"assignments\":["
      "{\"employee\":\"E1\",\"shift\":\"MID\",\"reason\":\"MANAGEMENT_PLACEMENT\",\"rank\":null},"
      "{\"employee\":\"E2\",\"shift\":\"DAY\",\"reason\":\"SENIORITY\",\"rank\":1}],"
      "\"unplaced\":[],\"excluded\":[],\"history\":{\"denials\":{\"E1\":1,\"E2\":0}}}";
  int outcome;
  cJSON *chk = check_doc(doc, posted, &outcome);
  assert_true(has_departure(chk, "SENIORITY", "E2"));
  assert_int_equal((int)th_num(chk, "count"), 1);
  cJSON_Delete(chk);
  free(doc);
}

/* ------------------------------------------------------ properties of check */

/* A posted result for roster `shift` (-1 unplaced) of a generated station:
 * employees whose shift is as in `orig` keep its reason, rank and cause;
 * a moved one is posted the way its new place reads (a management
 * placement on its fixed shift, SENIORITY with the rank on a shift its
 * bid lists, else AGENCY_PLACEMENT). history.denials follows step 7, so
 * that a change is judged on the placement alone. */
static char *post_doc(const gen *g, const cJSON *orig, const int *shift,
                      int method) {
  int was[SBT_MAXE];
  decode(g, orig, was);
  sb_buf b;
  sb_buf_init(&b, &sb_default_alloc);
  sb_buf_printf(&b, "{\"method\":\"%s\",\"assignments\":[",
                method == LEX ? "lexicographic" : "round_robin");
  bool first = true;
  for (int i = 0; i < g->n; i++) {
    if (shift[i] < 0) continue;
    sb_buf_printf(&b, "%s{\"employee\":\"E%d\",\"shift\":\"S%d\",", first ? "" : ",",
                  i, shift[i]);
    first = false;
    char id[16];
    snprintf(id, sizeof id, "E%d", i);
    const cJSON *a = find_by(th_get(orig, "assignments"), "employee", id);
    int r = pref_rank(g, i, shift[i]);
    if (a && was[i] == shift[i]) {
      const cJSON *rk = th_get(a, "rank"), *c = cJSON_GetObjectItemCaseSensitive(a, "cause");
      sb_buf_printf(&b, "\"reason\":\"%s\",\"rank\":", th_str(a, "reason"));
      if (cJSON_IsNumber(rk))
        sb_buf_printf(&b, "%d", (int)rk->valuedouble);
      else
        sb_buf_puts(&b, "null");
      if (c) sb_buf_printf(&b, ",\"cause\":\"%s\"", c->valuestring);
    } else if (g->fixed[i] == shift[i]) {
      sb_buf_puts(&b, "\"reason\":\"MANAGEMENT_PLACEMENT\",\"rank\":null");
    } else if (is_bidder(g, i) && r < 100) {
      sb_buf_printf(&b, "\"reason\":\"SENIORITY\",\"rank\":%d", r);
    } else {
      sb_buf_puts(&b, "\"reason\":\"AGENCY_PLACEMENT\",\"rank\":null,\"cause\":\"NO_BID\"");
    }
    sb_buf_puts(&b, "}");
  }
  sb_buf_puts(&b, "],\"excluded\":[],\"unplaced\":[");
  first = true;
  for (int i = 0; i < g->n; i++) {
    if (shift[i] >= 0) continue;
    sb_buf_printf(&b, "%s{\"employee\":\"E%d\",\"reason\":\"NO_ROOM\",\"cause\":\"NO_BID\"}",
                  first ? "" : ",", i);
    first = false;
  }
  sb_buf_puts(&b, "],\"history\":{\"denials\":{");
  for (int i = 0; i < g->n; i++) {
    int want = !is_bidder(g, i) ? g->denial[i]
               : shift[i] >= 0 && shift[i] == g->prefs[i][0] ? 0
                                                            : g->denial[i] + 1;
    sb_buf_printf(&b, "%s\"E%d\":%d", i ? "," : "", i, want);
  }
  sb_buf_puts(&b, "}}}");
  sb_buf_terminate(&b);
  char *out = strdup(b.data);
  sb_buf_free(&b);
  return out;
}

static int check_count(const char *doc, const char *posted) {
  int outcome;
  cJSON *chk = check_doc(doc, posted, &outcome);
  int n = (int)th_num(chk, "count");
  assert_int_equal(outcome, n ? SENBID_OUTCOME_DEPARTURES : SENBID_OUTCOME_OK);
  cJSON_Delete(chk);
  return n;
}

/* SPEC 7 (issue 10): on generated stations of many sizes (3 to 40
 * employees, 2 to 6 shifts, minimums, grade limits, SPP agents,
 * management placements, ineligible agents, adjustments with bumps in a
 * third), check finds nothing in any result solve made, under both
 * methods. */
static void test_prop_check_accepts_own_results(void **state) {
  (void)state;
  static const int sizes[][2] = {{3, 2}, {5, 3}, {8, 3}, {12, 4}, {20, 5}, {40, 6}};
  int n = 0;
  for (int z = 0; z < 6; z++)
    for (uint64_t seed = 1; seed <= (uint64_t)th_seeds(40); seed++) {
      gen g;
      gen_station_sized(&g, seed * 7919 + (uint64_t)z, sizes[z][0], sizes[z][1],
                        seed % 4 != 0, seed % 3 != 0, seed % 2 == 0);
      if (seed % 3 == 1) gen_adjustments(&g, seed);
      char *doc = gen_doc(&g);
      for (int m = 0; m < 2; m++) {
        char *text = th_solve_text(doc, m);
        cJSON *parsed = cJSON_Parse(text);
        assert_registered(parsed);
        cJSON_Delete(parsed);
        int outcome;
        cJSON *chk = check_doc(doc, text, &outcome);
        if (th_num(chk, "count") != 0) {
          char *t = cJSON_Print(chk);
          print_error("size %d seed %llu method %d: %s\n%s\n", z,
                      (unsigned long long)seed, m, t, doc);
          free(t);
          fail();
        }
        cJSON_Delete(chk);
        free(text);
        n++;
      }
      free(doc);
    }
  assert_int_equal(n, 12 * th_seeds(40));
}

/* SPEC 7, round_robin (issue 10): the seven steps fix every employee's
 * place, so every single-decision change of round_robin's own result
 * (one employee moved to another shift, or unplaced, or placed when
 * unplaced) is a departure, with adjustments (bumps, moved employees) on
 * half of the stations. */
static void test_prop_check_flags_every_rr_change(void **state) {
  (void)state;
  static const int sizes[][2] = {{4, 2}, {6, 3}, {10, 4}, {16, 5}, {30, 6}};
  int changes = 0;
  for (int z = 0; z < 5; z++)
    for (uint64_t seed = 1; seed <= 8; seed++) {
      gen g;
      gen_station_sized(&g, seed * 104729 + (uint64_t)z, sizes[z][0], sizes[z][1],
                        seed % 4 != 0, seed % 3 != 0, seed % 2 == 0);
      if (seed % 2) gen_adjustments(&g, seed); /* bumps, moved employees */
      char *doc = gen_doc(&g);
      cJSON *res = th_solve(doc, RR);
      int shift[SBT_MAXE];
      decode(&g, res, shift);
      char *same = post_doc(&g, res, shift, RR); /* posted as made: clean */
      assert_int_equal(check_count(doc, same), 0);
      free(same);
      for (int i = 0; i < g.n; i++)
        for (int t = -1; t < g.S; t++) {
          if (t == shift[i]) continue;
          int was = shift[i];
          shift[i] = t;
          char *posted = post_doc(&g, res, shift, RR);
          if (check_count(doc, posted) == 0) {
            print_error("E%d moved from %d to %d is not flagged:\n%s\n%s\n", i, was,
                        t, posted, doc);
            fail();
          }
          free(posted);
          shift[i] = was;
          changes++;
        }
      cJSON_Delete(res);
      free(doc);
    }
  assert_true(changes > 1000);
}

/* The seniority position of each employee, from a result's "seniority". */
static void sen_pos(const gen *g, const cJSON *res, int *pos) {
  int k = 0;
  const cJSON *it;
  cJSON_ArrayForEach(it, th_get(res, "seniority")) pos[atoi(it->valuestring + 1)] = k++;
  assert_int_equal(k, g->n);
}

/* The lexicographic rules stated on a whole roster, as a supervisor would
 * test one: within every max, management placements kept, the most
 * minimums any roster meets, the best SPP guarantees and then ranks in
 * seniority order among those (brute force), and no senior agent left
 * unplaced where a junior agency placement could give way without losing
 * a minimum place (IV.A.4). */
static bool lex_valid(const gen *g, const int *shift, const int *pos, int best,
                      const int *bestv) {
  bool caps;
  int met = minimums_met(g, shift, &caps);
  if (!caps || met != best) return false;
  int v[2 * SBT_MAXE], nv = objective(g, shift, v);
  for (int k = 0; k < nv; k++)
    if (v[k] != bestv[k]) return false;
  for (int i = 0; i < g->n; i++) {
    if (shift[i] >= 0) continue;
    for (int j = 0; j < g->n; j++) {
      if (shift[j] < 0 || pos[j] < pos[i] || g->fixed[j] == shift[j]) continue;
      if (is_bidder(g, j) && pref_rank(g, j, shift[j]) < 100) continue;
      int sw[SBT_MAXE];
      memcpy(sw, shift, sizeof sw);
      sw[i] = shift[j];
      sw[j] = -1;
      bool c2;
      if (minimums_met(g, sw, &c2) >= met && c2) return false;
    }
  }
  return true;
}

/* SPEC 7, lexicographic (issue 10): on stations small enough to list
 * every roster, every single-decision change of lexicographic's own
 * result is a departure exactly when the changed roster breaks the rules
 * (lex_valid); a change to another equally valid roster (an agency
 * placement moved where the bounds and minimums still hold) is accepted. */
static void test_prop_check_lex_changes_brute_force(void **state) {
  (void)state;
  int flagged = 0, accepted = 0;
  for (uint64_t seed = 2000; seed < 2000 + (uint64_t)th_seeds(300); seed++) {
    gen g;
    gen_station(&g, seed, true, seed % 3 != 0, seed % 2 == 0);
    char *doc = gen_doc(&g);
    cJSON *res = th_solve(doc, LEX);
    int shift[SBT_MAXE], pos[SBT_MAXE];
    decode(&g, res, shift);
    sen_pos(&g, res, pos);
    int bestv[2 * SBT_MAXE] = {0}, best = brute_best(&g, bestv);
    assert_true(lex_valid(&g, shift, pos, best, bestv));
    char *same = post_doc(&g, res, shift, LEX); /* posted as made: clean */
    assert_int_equal(check_count(doc, same), 0);
    free(same);
    for (int i = 0; i < g.n; i++)
      for (int t = -1; t < g.S; t++) {
        if (t == shift[i]) continue;
        int was = shift[i];
        shift[i] = t;
        bool valid = lex_valid(&g, shift, pos, best, bestv);
        char *posted = post_doc(&g, res, shift, LEX);
        int n = check_count(doc, posted);
        if ((n == 0) != valid) {
          print_error("seed %llu: E%d moved from %d to %d: %d departures, %s\n%s\n%s\n",
                      (unsigned long long)seed, i, was, t, n,
                      valid ? "valid" : "invalid", posted, doc);
          fail();
        }
        if (valid)
          accepted++;
        else
          flagged++;
        free(posted);
        shift[i] = was;
      }
    cJSON_Delete(res);
    free(doc);
  }
  print_message("# lexicographic changes: %d flagged, %d equally valid\n", flagged,
                accepted);
  assert_true(flagged > th_seeds(300) * 3);
  assert_true(accepted > th_seeds(300) / 30);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_check_departures),
      cmocka_unit_test(test_check_grade_max_management_only),
      cmocka_unit_test(test_check_agency_senior_unplaced),
      cmocka_unit_test(test_check_rr_better_rank),
      cmocka_unit_test(test_prop_check_accepts_own_results),
      cmocka_unit_test(test_prop_check_flags_every_rr_change),
      cmocka_unit_test(test_prop_check_lex_changes_brute_force),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
