/*
 * Leave, lexicographic: the pattern step of the completion question
 * (lib/lp/refute.c, sb_lp_patterns; SPEC section 9 "Lexicographic /
 * Leave", NBPC 2019 Art. 14 A). A hand-worked question whose LP relaxation
 * is feasible and which the patterns refute, the same question with room
 * left (not refuted, a completion found), the whole roster through the
 * gate, and a property test against brute force.
 */
#include "leave_test.h"
#include "lp/model.h"

static void ctx_init(sb_ctx *ctx, sb_err *e) {
  memset(ctx, 0, sizeof *ctx);
  ctx->err = e;
  ctx->t0 = sb_now();
  sb_arena_init(&ctx->scratch, &sb_default_alloc);
}

static void row(sb_lp *lp, const uint32_t *cols, const double *coef, int n,
                double lo, double hi) {
  sb_lp_row_begin(lp, NULL);
  for (int k = 0; k < n; k++) sb_lp_term(lp, cols[k], coef ? coef[k] : 1);
  sb_lp_row_end(lp, lo, hi);
}

/* The completion question of test_lex_refuted_roster after E0's tentative
 * grant of Nov 6, as build_model writes it. Cap 1 a day, Nov 2-6.
 *   x0: E1 choice a, Nov 2-3 (2 days)    x1: E1 choice b, Nov 4-5 (2 days)
 *   x2: E2 choice a, Nov 4               x3: E2 choice a, Nov 5
 * (E2's third option, Nov 6, is no candidate: E0 holds the day.)
 * Rows: E2's choice x2 + x3 <= 1; minimums 2 x0 + 2 x1 >= 3 (E1 needs 3)
 * and x2 + x3 >= 1 (E2 needs 1); caps where candidates outnumber the room:
 * Nov 4 x1 + x2 <= 1, Nov 5 x1 + x3 <= 1 (Nov 2-3 only x0).
 * The LP relaxation is feasible: x = (1, 1/2, 1/2, 1/2) meets every row.
 * No completion exists: E1 reaches 3 only with both options (2 < 3), so
 * x1 = 1 fills Nov 4 and Nov 5 and E2 has no day left. The patterns say
 * it: E1 has one, {x0, x1}; E2 has {x2} and {x3}; each of E2's loads one
 * of Nov 4/5 beside E1's, and with weight 1 on both cap rows the least
 * load is 2 (E1) + 1 (E2) = 3 > 2, the room: the certificate. With
 * room_nov6 = 1, E2 may take Nov 6 (x4) and the question has a completion. */
static void build_question(sb_lp *lp, bool nov6) {
  sb_lp_init(lp, &sb_default_alloc);
  for (int j = 0; j < 4 + nov6; j++) sb_lp_col_add(lp, SB_LP_BINARY, 0, 1, 0, NULL);
  static const uint32_t e1[] = {0, 1}, e2[] = {2, 3, 4}, nov4[] = {1, 2},
                        nov5[] = {1, 3};
  static const double two[] = {2, 2};
  row(lp, e1, two, 2, 3, HUGE_VAL);
  row(lp, e2, NULL, 2 + nov6, -HUGE_VAL, 1);
  row(lp, e2, NULL, 2 + nov6, 1, HUGE_VAL);
  row(lp, nov4, NULL, 2, -HUGE_VAL, 1);
  row(lp, nov5, NULL, 2, -HUGE_VAL, 1);
}

/* Row activities of a fractional point (sb_lp_satisfies wants integers). */
static bool meets_rows(const sb_lp *lp, const double *x) {
  const int *idx = lp->idx.data;
  const double *val = lp->val.data;
  for (uint32_t r = 0; r < sb_lp_nrows(lp); r++) {
    const sb_lp_row *rw = &SB_VEC_AT(&lp->rows, sb_lp_row, r);
    double a = 0;
    for (uint32_t t = rw->start; t < sb_lp_row_stop(lp, r); t++) a += val[t] * x[idx[t] - 1];
    if (a < rw->lo - 1e-9 || a > rw->hi + 1e-9) return false;
  }
  return true;
}

static void test_refuted_by_patterns(void **state) {
  (void)state;
  sb_err e = {0};
  sb_ctx ctx;
  ctx_init(&ctx, &e);
  sb_lp lp;
  build_question(&lp, false);
  const double frac[] = {1, 0.5, 0.5, 0.5};
  assert_true(meets_rows(&lp, frac)); /* the LP relaxation has a point */
  double x[4];
  bool refuted = false, found = true;
  sb_lp_refute_info info;
  assert_int_equal(sb_lp_patterns(&ctx, &lp, 100, 1000, 1000, NULL, x, NULL, 0, &refuted, &found, &info),
                   SENBID_OK);
  assert_true(info.applicable);
  assert_int_equal(info.blocks, 2);
  assert_int_equal(info.links, 2);
  assert_int_equal(info.patterns, 3);
  assert_true(info.excess > 0.5);
  assert_true(refuted);
  assert_false(found);
  /* Refutation only (no point search, no x), as before the local search. */
  refuted = false;
  assert_int_equal(sb_lp_patterns(&ctx, &lp, 100, 1000, 0, NULL, NULL, NULL, 0, &refuted, &found, NULL),
                   SENBID_OK);
  assert_true(refuted);
  sb_lp_free(&lp);
  sb_arena_free(&ctx.scratch);
}

static void test_not_refuted_with_room(void **state) {
  (void)state;
  sb_err e = {0};
  sb_ctx ctx;
  ctx_init(&ctx, &e);
  sb_lp lp;
  build_question(&lp, true);
  double x[5];
  bool refuted = true, found = false;
  sb_lp_refute_info info;
  assert_int_equal(sb_lp_patterns(&ctx, &lp, 100, 1000, 1000, NULL, x, NULL, 0, &refuted, &found, &info),
                   SENBID_OK);
  assert_false(refuted);
  assert_true(found); /* E1 both options, E2 Nov 6 */
  assert_true(sb_lp_satisfies(&lp, x));
  assert_true(x[0] == 1 && x[1] == 1 && x[4] == 1);
  /* Over the cap on patterns nothing is tried. */
  assert_int_equal(sb_lp_patterns(&ctx, &lp, 1, 1000, 1000, NULL, x, NULL, 0, &refuted, &found, &info),
                   SENBID_OK);
  assert_true(info.over_cap);
  assert_false(refuted);
  assert_false(found);
  sb_lp_free(&lp);
  sb_arena_free(&ctx.scratch);
}

/* A certificate given back (lex.c keeps each component's last one): the
 * refutation of build_question weights its two cap rows (rows 3 and 4,
 * Nov 4 and 5) and nothing else; given as the hint to the same question
 * it refutes without an LP (by_hint), also second after a weaker one;
 * given to the question with Nov 6
 * open it proves nothing (least load 2 + 0 = 2, room 2), the LP runs and
 * the completion is found, exactly as without a hint. */
static void test_certificate_hint(void **state) {
  (void)state;
  sb_err e = {0};
  sb_ctx ctx;
  ctx_init(&ctx, &e);
  sb_lp lp;
  build_question(&lp, false);
  double cert[5] = {9, 9, 9, 0, 0}; /* no weight on the cap rows: no hint */
  bool refuted = false, found = true;
  sb_lp_refute_info info;
  assert_int_equal(sb_lp_patterns(&ctx, &lp, 100, 1000, 0, NULL, NULL, cert, 0, &refuted, &found, &info),
                   SENBID_OK);
  assert_true(refuted);
  assert_false(info.by_hint);
  assert_true(cert[0] == 0 && cert[1] == 0 && cert[2] == 0);
  assert_true(cert[3] > 0 && cert[4] > 0);
  double again[5];
  memcpy(again, cert, sizeof again);
  refuted = false;
  assert_int_equal(sb_lp_patterns(&ctx, &lp, 100, 1000, 0, NULL, NULL, again, 1, &refuted, &found, &info),
                   SENBID_OK);
  assert_true(refuted);
  assert_int_equal(info.by_hint, 1);
  assert_false(info.lp_solved);
  /* Two hints, the first too weak (Nov 4 alone: least load 1 + 0 = 1,
   * room 1): the second refutes, and comes back as the first. */
  double two[10] = {0, 0, 0, 1, 0, 0, 0, 0, cert[3], cert[4]};
  refuted = false;
  assert_int_equal(sb_lp_patterns(&ctx, &lp, 100, 1000, 0, NULL, NULL, two, 2, &refuted, &found, &info),
                   SENBID_OK);
  assert_true(refuted);
  assert_int_equal(info.by_hint, 2);
  assert_int_equal(info.hints, 2);
  assert_true(two[0] == 0 && two[1] == 0 && two[2] == 0 && two[3] > 0 && two[4] > 0);
  sb_lp_free(&lp);

  build_question(&lp, true);
  double x[5], hint[6] = {0, 0, 0, cert[3], cert[4], 0};
  refuted = true;
  found = false;
  assert_int_equal(sb_lp_patterns(&ctx, &lp, 100, 1000, 1000, NULL, x, hint, 1, &refuted, &found, &info),
                   SENBID_OK);
  assert_false(refuted);
  assert_false(info.by_hint);
  assert_true(found);
  assert_true(sb_lp_satisfies(&lp, x));
  sb_lp_free(&lp);
  sb_arena_free(&ctx.scratch);
}

/* The roster behind build_question (NBPC 2019 Art. 14 A). E0 (senior, no
 * minimum) asks Nov 6; E1 must have 3 days and asks Nov 2-3 and Nov 4-5
 * (two choices); E2 must have 1 and asks Nov 4, 5 or 6. Cap 1. Round robin
 * grants E0 Nov 6; then E1 needs both of its choices and E2 is left with
 * nothing. Lexicographic refuses E0's grant (tentative_reject) and E0 is
 * denied; E1 gets Nov 2-3 and 4-5, E2 Nov 6 (its third option). */
static void test_lex_refuted_roster(void **state) {
  (void)state;
  const char *doc = HEAD "\"employees\":[" EMP("E0", "2008") "}," EMP(
      "E1", "2010") ",\"min_leave_days\":3}," EMP("E2", "2012")
      ",\"min_leave_days\":1}]," PERIOD
      ",\"capacity\":{\"default\":1},\"requests\":["
      "{\"employee\":\"E0\",\"choices\":[{\"id\":\"a\",\"options\":["
      OPT("2026-11-06", "2026-11-06") "]}]},"
      "{\"employee\":\"E1\",\"choices\":[{\"id\":\"a\",\"options\":["
      OPT("2026-11-02", "2026-11-03") "]},{\"id\":\"b\",\"options\":["
      OPT("2026-11-04", "2026-11-05") "]}]},"
      "{\"employee\":\"E2\",\"choices\":[{\"id\":\"a\",\"options\":["
      OPT("2026-11-04", "2026-11-04") "," OPT("2026-11-05", "2026-11-05") ","
      OPT("2026-11-06", "2026-11-06") "]}]}]}";
  cJSON *lx = th_solve(doc, SENBID_METHOD_LEXICOGRAPHIC);
  assert_string_equal(th_str(lx, "status"), "ok");
  assert_string_equal(th_str(at(lx, "audit", 0), "event"), "tentative_reject");
  assert_int_equal(count(lx, "denials"), 1);
  assert_int_equal(count(lx, "grants"), 3);
  th_assert_emp_nums(lx, "granted_days", 3, (const char *const[]){"E0", "E1", "E2"},
                     (const int[]){0, 4, 1});
  cJSON_Delete(lx);
}

/* A question whose patterns' LP needs no excess but which has no point,
 * worked by hand: no certificate exists, and branching on the patterns'
 * program proves that there is no point (refuted, by_ip): at once, by the
 * solver; with pump_first, after the pump (refute.c) has run its
 * roundings and found nothing. Cap 1 a day, days 1-4.
 *   E1, one choice: x0 days 1-2, x1 days 3-4; needs 2 days.
 *   E2, choice a: x2 day 1, x3 day 2; choice b: x4 day 3, x5 day 4;
 *   needs 2 days, so one of days 1-2 and one of days 3-4.
 * E1 fills days 1-2 or days 3-4, so E2 always meets it: no point. The LP
 * takes E1's two patterns by halves and E2's four by quarters: every day
 * carries 1/2 + 1/2 = 1, within the cap, so no certificate exists either.
 * With 2 places on day 1 there are points (E1 days 1-2, E2 day 1 and day
 * 3 or 4; E1 on days 3-4 would leave E2 none of them), which the swapping
 * search finds before any pump; from a start one swap away, before the
 * LP. */
static void test_pump_no_point(void **state) {
  (void)state;
  sb_err e = {0};
  sb_ctx ctx;
  ctx_init(&ctx, &e);
  for (int cap1 = 1; cap1 <= 2; cap1++) {
    sb_lp lp;
    sb_lp_init(&lp, &sb_default_alloc);
    for (int j = 0; j < 6; j++) sb_lp_col_add(&lp, SB_LP_BINARY, 0, 1, 0, NULL);
    static const uint32_t e1[] = {0, 1}, a[] = {2, 3}, b[] = {4, 5}, e2[] = {2, 3, 4, 5};
    static const uint32_t day[4][2] = {{0, 2}, {0, 3}, {1, 4}, {1, 5}};
    static const double two[] = {2, 2};
    row(&lp, e1, NULL, 2, -HUGE_VAL, 1);
    row(&lp, e1, two, 2, 2, HUGE_VAL);
    row(&lp, a, NULL, 2, -HUGE_VAL, 1);
    row(&lp, b, NULL, 2, -HUGE_VAL, 1);
    row(&lp, e2, NULL, 4, 2, HUGE_VAL);
    for (int d = 0; d < 4; d++) row(&lp, day[d], NULL, 2, -HUGE_VAL, d == 0 ? cap1 : 1);
    double x[6];
    bool refuted = true, found = true;
    sb_lp_refute_info info;
    /* A budget of 40 s, so the solver is not cut short under valgrind;
     * the program takes milliseconds. */
    assert_int_equal(sb_lp_patterns(&ctx, &lp, 100, 1000, 40000, NULL, x, NULL, 0, &refuted,
                                    &found, &info),
                     SENBID_OK);
    assert_int_equal(info.blocks, 2);
    assert_int_equal(info.patterns, 6);
    assert_true(info.lp_solved);
    assert_true(info.excess < 1e-9);
    if (cap1 == 1) {
      assert_false(found);
      assert_int_equal(info.pumped, 0);
      assert_true(info.lp_swap_run && !info.lp_swap_found);
      assert_true(refuted && info.by_ip);
      lp.pump_first = true;
      assert_int_equal(sb_lp_patterns(&ctx, &lp, 100, 1000, 1000, NULL, x, NULL, 0,
                                      &refuted, &found, &info),
                       SENBID_OK);
      assert_false(found);
      assert_true(info.pumped > 0);
      assert_true(refuted && info.by_ip);
    } else {
      assert_false(refuted);
      assert_true(found);
      assert_int_equal(info.pumped, 0);
      assert_true(info.lp_swap_run && info.lp_swap_found && !info.ip_first);
      assert_true(sb_lp_satisfies(&lp, x));
      assert_true(x[0] == 1 && x[1] == 0 && x[2] == 1 && x[3] == 0 && x[4] + x[5] == 1);
      /* Without the swapping search from the LP's point (the caller backs
       * off it, lib/leave/lex.c): the solver finds the point. */
      lp.no_lp_swap = true;
      assert_int_equal(sb_lp_patterns(&ctx, &lp, 100, 1000, 40000, NULL, x, NULL, 0,
                                      &refuted, &found, &info),
                       SENBID_OK);
      assert_true(found && !refuted && info.ip_first && !info.lp_swap_run);
      assert_true(sb_lp_satisfies(&lp, x) && x[0] == 1 && x[2] == 1);
      lp.no_lp_swap = false;
      /* From a start one swap away (E1 on days 3-4): found before the LP. */
      static const double start[6] = {0, 1, 1, 0, 1, 0};
      assert_int_equal(sb_lp_patterns(&ctx, &lp, 100, 1000, 1000, start, x, NULL, 0,
                                      &refuted, &found, &info),
                       SENBID_OK);
      assert_true(found && info.start && !info.lp_solved && !refuted);
      /* One move (E1 to days 1-2) is an ejection chain, so the swapping
       * search from the start is not run, nor needed when the caller
       * backs off it. */
      assert_true(info.chain && !info.start_swap_run);
      assert_true(sb_lp_satisfies(&lp, x) && x[0] == 1 && x[2] == 1);
      lp.no_start_swap = true;
      assert_int_equal(sb_lp_patterns(&ctx, &lp, 100, 1000, 1000, start, x, NULL, 0,
                                      &refuted, &found, &info),
                       SENBID_OK);
      assert_true(found && info.start && info.chain && !info.lp_solved && !refuted);
      lp.no_start_swap = false;
    }
    sb_lp_free(&lp);
  }
  sb_arena_free(&ctx.scratch);
}

/* An ejection chain (refute.c, chain_search): days 0-3, caps 0, 1, 1, 1
 * (day 0 taken by the grant under question). Each employee needs one day:
 *   x0: E1 day 0   x1: E1 day 1
 *   x2: E2 day 1   x3: E2 day 2
 *   x4: E3 day 2   x5: E3 day 3
 * From the last completion (E1 day 0, E2 day 1, E3 day 2) day 0 is over.
 * Moving E1 to day 1 overloads day 1, moving E2 on to day 2 overloads day
 * 2, and E3 moving to day 3 overloads nothing: three moves, found by the
 * chains before any swapping or LP. */
static void test_chain(void **state) {
  (void)state;
  sb_err e = {0};
  sb_ctx ctx;
  ctx_init(&ctx, &e);
  sb_lp lp;
  sb_lp_init(&lp, &sb_default_alloc);
  for (int j = 0; j < 6; j++) sb_lp_col_add(&lp, SB_LP_BINARY, 0, 1, 0, NULL);
  for (uint32_t b = 0; b < 3; b++) {
    const uint32_t pair[2] = {2 * b, 2 * b + 1};
    row(&lp, pair, NULL, 2, -HUGE_VAL, 1); /* one choice */
    row(&lp, pair, NULL, 2, 1, HUGE_VAL);  /* the minimum: one day */
  }
  static const uint32_t d0[] = {0}, d1[] = {1, 2}, d2[] = {3, 4}, d3[] = {5};
  row(&lp, d0, NULL, 1, -HUGE_VAL, 0);
  row(&lp, d1, NULL, 2, -HUGE_VAL, 1);
  row(&lp, d2, NULL, 2, -HUGE_VAL, 1);
  row(&lp, d3, NULL, 1, -HUGE_VAL, 1);
  static const double start[6] = {1, 0, 1, 0, 1, 0};
  double x[6];
  bool refuted = true, found = false;
  sb_lp_refute_info info;
  assert_int_equal(sb_lp_patterns(&ctx, &lp, 100, 1000, 1000, start, x, NULL, 0, &refuted,
                                  &found, &info),
                   SENBID_OK);
  assert_int_equal(info.blocks, 3);
  assert_true(found && info.start && info.chain && !info.lp_solved && !refuted);
  const double want[6] = {0, 1, 0, 1, 0, 1};
  for (int j = 0; j < 6; j++) assert_true(x[j] == want[j]);
  /* With day 3 closed there is no completion: the chains stop, the LP
   * refutes. */
  SB_VEC_AT(&lp.rows, sb_lp_row, 9).hi = 0;
  assert_int_equal(sb_lp_patterns(&ctx, &lp, 100, 1000, 1000, start, x, NULL, 0, &refuted,
                                  &found, &info),
                   SENBID_OK);
  assert_true(refuted && !found && !info.chain);
  sb_lp_free(&lp);
  sb_arena_free(&ctx.scratch);
}

/* Random small questions of the leave form (blocks of interval options
 * with choice and overlap rows and a minimum, day caps linking them):
 * refuted only when brute force finds no point, and a point found is one;
 * some are refuted and some found (the test is not vacuous). */
static void test_property_patterns_exact(void **state) {
  (void)state;
  sb_err e = {0};
  sb_ctx ctx;
  ctx_init(&ctx, &e);
  int refuted_n = 0, by_lp = 0, found_n = 0, infeasible_n = 0, pumped = 0, by_pump = 0;
  int chained = 0, pump_only = 0, pump_found = 0;
  uint64_t s = 0x2545f4914f6cdd1dull;
#define RND(n) ((s ^= s << 13, s ^= s >> 7, s ^= s << 17), (int)(s % (uint64_t)(n)))
  for (int iter = 0; iter < th_seeds(400); iter++) {
    sb_lp lp;
    sb_lp_init(&lp, &sb_default_alloc);
    int nb = 2 + RND(3), nc = 0, ndays = 6;
    int st[16], en[16], blk[16], ch[16];
    for (int b = 0; b < nb; b++) {
      int k = 2 + RND(3);
      for (int i = 0; i < k && nc < 16; i++, nc++) {
        st[nc] = RND(ndays);
        en[nc] = st[nc] + RND(3);
        if (en[nc] >= ndays) en[nc] = ndays - 1;
        blk[nc] = b;
        ch[nc] = RND(2);
        sb_lp_col_add(&lp, SB_LP_BINARY, 0, 1, 0, NULL);
      }
    }
    for (int b = 0; b < nb; b++) {
      uint32_t cols[16];
      double len[16];
      int n = 0, tot = 0;
      for (int c = 0; c < 2; c++) { /* choice rows */
        int m = 0;
        uint32_t cc[16];
        for (int j = 0; j < nc; j++)
          if (blk[j] == b && ch[j] == c) cc[m++] = (uint32_t)j;
        if (m >= 2) row(&lp, cc, NULL, m, -HUGE_VAL, 1);
      }
      for (int j = 0; j < nc; j++)
        for (int k = j + 1; k < nc; k++)
          if (blk[j] == b && blk[k] == b && ch[j] != ch[k] && st[j] <= en[k] &&
              st[k] <= en[j]) {
            uint32_t pr[2] = {(uint32_t)j, (uint32_t)k};
            row(&lp, pr, NULL, 2, -HUGE_VAL, 1);
          }
      for (int j = 0; j < nc; j++)
        if (blk[j] == b) {
          cols[n] = (uint32_t)j;
          len[n++] = en[j] - st[j] + 1;
          tot += en[j] - st[j] + 1;
        }
      if (n) row(&lp, cols, len, n, 1 + RND(tot > 3 ? tot / 2 : 1), HUGE_VAL);
    }
    for (int d = 0; d < ndays; d++) {
      uint32_t cols[16];
      int n = 0;
      for (int j = 0; j < nc; j++)
        if (st[j] <= d && d <= en[j]) cols[n++] = (uint32_t)j;
      int cap = 1 + RND(2);
      if (n > cap) row(&lp, cols, NULL, n, -HUGE_VAL, cap);
    }
    bool feas = false;
    double x[16];
    for (uint32_t mask = 0; mask < (1u << nc) && !feas; mask++) {
      for (int j = 0; j < nc; j++) x[j] = (mask >> j) & 1;
      feas = sb_lp_satisfies(&lp, x);
    }
    bool refuted = false, found = false;
    sb_lp_refute_info info;
    /* Every other question from a random start (the chains and the
     * swapping from it run first). */
    double start[16];
    for (int j = 0; j < nc; j++) start[j] = RND(2);
    assert_int_equal(sb_lp_patterns(&ctx, &lp, 1000, 10000, 1000, iter & 1 ? start : NULL, x,
                                    NULL, 0, &refuted, &found, &info),
                     SENBID_OK);
    chained += info.chain;
    assert_true(info.applicable);
    if (refuted && feas) fail_msg("iteration %d: refuted a feasible question", iter);
    if (found) assert_true(sb_lp_satisfies(&lp, x));
    if (found && !feas) fail_msg("iteration %d: a point where brute force has none", iter);
    refuted_n += refuted;
    by_lp += refuted && info.lp_solved;
    pumped += info.pumped > 0;
    by_pump += info.pumped > 0 && found;
    found_n += found;
    infeasible_n += !feas;
    if (feas) {
      /* The pump alone (no swapping search, no solver before it) on the
       * questions that have a point: any point it reports is one. */
      lp.pump_first = true;
      assert_int_equal(sb_lp_patterns(&ctx, &lp, 1000, 10000, 1000, NULL, x, NULL, 0,
                                      &refuted, &found, &info),
                       SENBID_OK);
      assert_false(refuted);
      if (found) assert_true(sb_lp_satisfies(&lp, x));
      pump_only += info.pumped > 0;
      pump_found += info.jump && found;
    }
    sb_lp_free(&lp);
  }
#undef RND
  print_message("# refuted %d of %d infeasible (%d by the LP), found %d (%d by the "
                "chains); the pump ran on %d (found %d); alone on the %d with a point, "
                "it found %d\n",
                refuted_n, infeasible_n, by_lp, found_n, chained, pumped, by_pump, pump_only,
                pump_found);
  assert_true(chained > 0);
  assert_true(pump_found * 2 > pump_only); /* 247 of 247 when written */
  assert_true(by_lp > 0);
  assert_true(found_n > 0);
  sb_arena_free(&ctx.scratch);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_refuted_by_patterns),
      cmocka_unit_test(test_not_refuted_with_room),
      cmocka_unit_test(test_certificate_hint),
      cmocka_unit_test(test_lex_refuted_roster),
      cmocka_unit_test(test_pump_no_point),
      cmocka_unit_test(test_chain),
      cmocka_unit_test(test_property_patterns_exact),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
