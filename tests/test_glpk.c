/* GLPK contained (lib/lp/glpk.c): its fatal errors come back as SOLVER and
 * the process goes on; it prints nothing; MIPs solve within a time limit. */
#include <math.h>
#include <glpk.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"
#include "internal.h"
#include "lp/model.h"

static const char doc[] =
    "{\"senbid\": 1, \"kind\": \"leave\", \"as_of\": \"2026-07-15\","
    " \"seniority\": {\"policy\": \"list\", \"order\": [\"E1\"]}, \"employees\": [{\"id\": \"E1\"}],"
    " \"period\": {\"start\": \"2026-10-01\", \"end\": \"2027-03-31\"}, \"requests\": []}";

static int bad_index(sb_ctx *ctx, void *data) {
  (void)ctx;
  (void)data;
  glp_prob *P = glp_create_prob();
  glp_add_cols(P, 1);
  glp_set_col_bnds(P, 7, GLP_DB, 0, 1); /* no column 7: GLPK's fatal error */
  glp_delete_prob(P);
  return SENBID_OK;
}

/* max x + y subject to x + 2y <= 4, 3x + y <= 6, x and y integers: the
 * LP optimum is 2.8 at (1.6, 1.2); the integer optimum is 2 (at (1,1)). */
static int small_mip(sb_ctx *ctx, void *data) {
  double *obj = data;
  glp_prob *P = glp_create_prob();
  glp_set_obj_dir(P, GLP_MAX);
  glp_add_rows(P, 2);
  glp_set_row_bnds(P, 1, GLP_UP, 0, 4);
  glp_set_row_bnds(P, 2, GLP_UP, 0, 6);
  glp_add_cols(P, 2);
  for (int j = 1; j <= 2; j++) {
    glp_set_col_bnds(P, j, GLP_LO, 0, 0);
    glp_set_col_kind(P, j, GLP_IV);
    glp_set_obj_coef(P, j, 1);
  }
  int ia[] = {0, 1, 1, 2, 2}, ja[] = {0, 1, 2, 1, 2};
  double ar[] = {0, 1, 2, 3, 1};
  glp_load_matrix(P, 4, ia, ja, ar);
  int status;
  bool timed_out;
  int rc = sb_glpk_mip(ctx, P, &status, &timed_out);
  *obj = status == GLP_OPT ? glp_mip_obj_val(P) : -1;
  glp_delete_prob(P);
  return rc;
}

/* A solve's context as senbid_solve makes it, without a limit. */
static void ctx_init(sb_ctx *ctx, const senbid_problem *p, sb_err *err) {
  memset(ctx, 0, sizeof *ctx);
  ctx->p = p;
  ctx->err = err;
  ctx->t0 = sb_now();
  sb_arena_init(&ctx->scratch, &p->alloc);
}

static void glpk_errors_are_contained(void **state) {
  (void)state;
  senbid_problem *p = th_parse_ok(doc);
  sb_err err = {0};
  sb_ctx ctx;
  ctx_init(&ctx, p, &err);

  /* Nothing GLPK says may reach the host's stdout or stderr. */
  fflush(stdout);
  fflush(stderr);
  int saved_out = dup(1), saved_err = dup(2);
  FILE *sink = tmpfile();
  dup2(fileno(sink), 1);
  dup2(fileno(sink), 2);
  int rc = sb_glpk_run(&ctx, bad_index, NULL);
  double obj = 0;
  int rc2 = sb_glpk_run(&ctx, small_mip, &obj);
  fflush(stdout);
  fflush(stderr);
  dup2(saved_out, 1);
  dup2(saved_err, 2);
  close(saved_out);
  close(saved_err);
  long printed = ftell(sink);
  fclose(sink);

  assert_int_equal(rc, SENBID_E_SOLVER);
  assert_int_equal(err.code, SENBID_E_SOLVER);
  /* GLPK works again after a contained failure. */
  assert_int_equal(rc2, SENBID_OK);
  assert_true(obj == 2.0);
  assert_int_equal(ctx.solver_calls, 1);
  assert_int_equal(printed, 0);
  sb_arena_free(&ctx.scratch);
  senbid_problem_free(p);
  glp_free_env();
}

/* 2x_1 + ... + 2x_40 (some 4x_j) = 41 over binaries: no integer solution,
 * but the LP relaxation has many, so branch and bound goes on for a long
 * time. The solve's time limit ends it, even when the time is used up
 * inside GLPK (here by the progress callback, called from GLPK's
 * callback): the answer is "timed out", never a wrong "infeasible". */
static int spend_time(const senbid_progress *pr, void *payload) {
  (void)payload;
  if (strcmp(pr->phase, "mip") == 0) {
    double t0 = sb_now();
    while (sb_now() - t0 < 0.06) {
    }
  }
  return 0;
}

typedef struct mip_answer {
  bool timed_out;
  int status;
} mip_answer;

static int parity_mip(sb_ctx *ctx, void *data) {
  mip_answer *a = data;
  enum { N = 40 };
  glp_prob *P = glp_create_prob();
  glp_add_rows(P, 1);
  glp_set_row_bnds(P, 1, GLP_FX, N + 1, N + 1);
  glp_add_cols(P, N);
  int ia[N + 1], ja[N + 1];
  double ar[N + 1];
  for (int j = 1; j <= N; j++) {
    glp_set_col_kind(P, j, GLP_BV);
    ia[j] = 1;
    ja[j] = j;
    ar[j] = j % 3 == 0 ? 4 : 2;
  }
  glp_load_matrix(P, N, ia, ja, ar);
  int rc = sb_glpk_mip(ctx, P, &a->status, &a->timed_out);
  glp_delete_prob(P);
  return rc;
}

static void mip_stops_at_the_time_limit(void **state) {
  (void)state;
  senbid_problem *p = th_parse_ok(doc);
  sb_err err = {0};
  sb_ctx ctx;
  ctx_init(&ctx, p, &err);
  ctx.time_limit_ms = 50;
  ctx.progress = spend_time;
  mip_answer a = {false, 0};
  assert_int_equal(sb_glpk_run(&ctx, parity_mip, &a), SENBID_OK);
  assert_true(a.timed_out);
  assert_true(a.status != GLP_OPT && a.status != GLP_NOFEAS);
  assert_int_equal(sb_ctx_ms_left(&ctx), 0);
  sb_arena_free(&ctx.scratch);
  senbid_problem_free(p);
  glp_free_env();
}

/* GLPK cannot be stopped inside one of its steps (its presolver, choosing
 * a branching variable, one LP of its pump), so the longest step seen in
 * the solve is kept back from the time it is given, up to a quarter of
 * the limit: with 200 ms of a 1 s limit left and a 400 ms step seen (250
 * ms kept back), no program is started and the answer is "timed out"
 * before the limit itself has passed; with 900 ms left it solves. */
static int small_mip_answer(sb_ctx *ctx, void *data) {
  mip_answer *a = data;
  glp_prob *P = glp_create_prob();
  glp_add_rows(P, 1);
  glp_set_row_bnds(P, 1, GLP_UP, 0, 1);
  glp_add_cols(P, 2);
  for (int j = 1; j <= 2; j++) glp_set_col_kind(P, j, GLP_BV);
  int ia[] = {0, 1, 1}, ja[] = {0, 1, 2};
  double ar[] = {0, 1, 1};
  glp_load_matrix(P, 2, ia, ja, ar);
  int rc = sb_glpk_mip(ctx, P, &a->status, &a->timed_out);
  glp_delete_prob(P);
  return rc;
}

static void mip_keeps_back_glpks_longest_step(void **state) {
  (void)state;
  senbid_problem *p = th_parse_ok(doc);
  sb_err err = {0};
  sb_ctx ctx;
  ctx_init(&ctx, p, &err);
  ctx.time_limit_ms = 1000;
  ctx.glpk_stretch_ms = 400;
  ctx.t0 = sb_now() - 0.8;
  mip_answer a = {false, 0};
  assert_int_equal(sb_glpk_run(&ctx, small_mip_answer, &a), SENBID_OK);
  assert_true(a.timed_out);
  assert_true(a.status != GLP_OPT);
  assert_true(sb_ctx_ms_left(&ctx) > 0);
  assert_int_equal(ctx.solver_calls, 0);

  ctx.t0 = sb_now() - 0.1;
  a = (mip_answer){false, 0};
  assert_int_equal(sb_glpk_run(&ctx, small_mip_answer, &a), SENBID_OK);
  assert_false(a.timed_out);
  assert_int_equal(a.status, GLP_OPT);
  assert_int_equal(ctx.solver_calls, 1);
  sb_arena_free(&ctx.scratch);
  senbid_problem_free(p);
  glp_free_env();
}

/* The one model builder (lib/lp/model.c): the small MIP above built as an
 * sb_lp solves to the same optimum, and its CPLEX LP text is exact. */
typedef struct lp_job {
  sb_lp *lp;
  int status;
  double obj, x[3];
} lp_job;

static int solve_lp(sb_ctx *ctx, void *data) {
  lp_job *j = data;
  bool timed_out;
  return sb_lp_solve(ctx, j->lp, false, &j->status, &timed_out, j->x, &j->obj);
}

static void model_builder_solves_and_writes(void **state) {
  (void)state;
  senbid_problem *p = th_parse_ok(doc);
  sb_err err = {0};
  sb_ctx ctx;
  ctx_init(&ctx, p, &err);
  sb_lp lp;
  sb_lp_init(&lp, &p->alloc);
  lp.maximize = true;
  sb_lp_comment(&lp, "max x + y, x + 2y <= 4, 3x + y <= 6");
  uint32_t x = sb_lp_col_add(&lp, SB_LP_INTEGER, 0, HUGE_VAL, 1, NULL);
  uint32_t y = sb_lp_col_add(&lp, SB_LP_INTEGER, 0, HUGE_VAL, 1, "y");
  uint32_t b = sb_lp_col_add(&lp, SB_LP_BINARY, 0, 1, 0, NULL);
  sb_lp_row_begin(&lp, "first");
  sb_lp_term(&lp, x, 1);
  sb_lp_term(&lp, y, 2);
  sb_lp_row_end(&lp, -HUGE_VAL, 4);
  sb_lp_row_begin(&lp, NULL);
  sb_lp_term(&lp, x, 3);
  sb_lp_term(&lp, y, 1);
  sb_lp_row_end(&lp, -HUGE_VAL, 6);
  sb_lp_row_begin(&lp, NULL); /* a ranged row: 0 <= b - x <= 0.5 */
  sb_lp_term(&lp, b, 1);
  sb_lp_term(&lp, x, -1);
  sb_lp_row_end(&lp, -1, 0.5);
  lp_job j = {&lp, 0, 0, {0}};
  assert_int_equal(sb_glpk_run(&ctx, solve_lp, &j), SENBID_OK);
  assert_int_equal(j.status, GLP_OPT);
  assert_true(j.obj == 2.0);
  /* Most fractional branching with the pump (the pattern programs'
   * settings): the same optimum, found by branching (the LP optimum is
   * fractional). */
  lp.mfv = lp.fpump = true;
  j = (lp_job){&lp, 0, 0, {0}};
  assert_int_equal(sb_glpk_run(&ctx, solve_lp, &j), SENBID_OK);
  assert_int_equal(j.status, GLP_OPT);
  assert_true(j.obj == 2.0);
  lp.mfv = lp.fpump = false;
  sb_buf text;
  sb_buf_init(&text, &p->alloc);
  assert_int_equal(sb_lp_write(&lp, &text), SENBID_OK);
  sb_buf_terminate(&text);
  assert_string_equal(text.data,
                      "\\ max x + y, x + 2y <= 4, 3x + y <= 6\n"
                      "Maximize\n obj: + x1 + y\n"
                      "Subject To\n"
                      " first: + x1 + 2 y <= 4\n"
                      " c2: + 3 x1 + y <= 6\n"
                      " c3_lo: + x3 - x1 >= -1\n"
                      " c3_hi: + x3 - x1 <= 0.5\n"
                      "Binary\n x3\n"
                      "General\n x1\n y\n"
                      "End\n");
  /* A starting basis (refute.c starts the pattern LP so): set by
   * sb_lp_load_glpk, and the LP relaxation's optimum from it is the
   * vertex it names (x = 1.6, y = 1.2: both rows tight, so their slacks
   * non-basic; the ranged row's slack and x, y basic, b at its bound). */
  static const int rstat[3] = {GLP_NU, GLP_NU, GLP_BS}, cstat[3] = {GLP_BS, GLP_BS, GLP_NL};
  lp.rstat = rstat;
  lp.cstat = cstat;
  glp_prob *P = sb_lp_load_glpk(&lp);
  for (int i = 0; i < 3; i++) {
    assert_int_equal(glp_get_row_stat(P, i + 1), rstat[i]);
    assert_int_equal(glp_get_col_stat(P, i + 1), cstat[i]);
  }
  glp_smcp sm;
  glp_init_smcp(&sm);
  sm.msg_lev = GLP_MSG_OFF;
  assert_int_equal(glp_simplex(P, &sm), 0);
  assert_true(fabs(glp_get_obj_val(P) - 2.8) < 1e-9);
  assert_true(fabs(glp_get_col_prim(P, 1) - 1.6) < 1e-9);
  glp_delete_prob(P);
  /* A basis GLPK refuses (six basic variables for three rows): glp_simplex
   * fails with GLP_EBADB, sb_glpk_simplex starts again from GLPK's
   * standard basis and reaches the same optimum. */
  static const int all_rows[3] = {GLP_BS, GLP_BS, GLP_BS}, all_cols[3] = {GLP_BS, GLP_BS, GLP_BS};
  lp.rstat = all_rows;
  lp.cstat = all_cols;
  P = sb_lp_load_glpk(&lp);
  assert_int_equal(glp_simplex(P, &sm), GLP_EBADB);
  glp_delete_prob(P);
  P = sb_lp_load_glpk(&lp);
  assert_int_equal(sb_glpk_simplex(P, &sm), 0);
  assert_int_equal(glp_get_status(P), GLP_OPT);
  assert_true(fabs(glp_get_obj_val(P) - 2.8) < 1e-9);
  glp_delete_prob(P);
  /* Reset: empty, with sb_lp_init's settings, the memory kept (lex.c
   * reuses a model's memory for the next question). */
  lp.cuts = lp.fpump = lp.mfv = lp.pump_first = true;
  lp.cap_ms = 5;
  void *cols = lp.cols.data;
  sb_lp_reset(&lp);
  assert_int_equal(sb_lp_ncols(&lp), 0);
  assert_int_equal(sb_lp_nrows(&lp), 0);
  assert_false(lp.maximize || lp.cuts || lp.fpump || lp.mfv || lp.pump_first || lp.oom);
  assert_int_equal(lp.cap_ms, 0);
  assert_null(lp.rstat);
  assert_null(lp.cstat);
  assert_ptr_equal(lp.cols.data, cols);
  sb_buf_free(&text);
  sb_lp_free(&lp);
  sb_arena_free(&ctx.scratch);
  senbid_problem_free(p);
  glp_free_env();
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(glpk_errors_are_contained),
      cmocka_unit_test(mip_stops_at_the_time_limit),
      cmocka_unit_test(mip_keeps_back_glpks_longest_step),
      cmocka_unit_test(model_builder_solves_and_writes),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
