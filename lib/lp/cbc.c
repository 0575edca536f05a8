/* COIN-OR CBC as an optional backend of sb_lp_solve (meson -Dcbc=enabled;
 * a solve option chooses it, SENBID_SOLVE_CBC). The same model as GLPK
 * gets, loaded column-wise; the answers are mapped to GLPK's statuses so
 * that callers cannot tell the backends apart but by speed. CBC allocates
 * with C++'s new, as GLPK with its own allocator: neither goes through the
 * caller's allocator. */
#include <coin/Cbc_C_Interface.h>
#include <float.h>
#include <glpk.h>
#include <stdio.h>

#include "../internal.h"
#include "model.h"

static double inf(double v) {
  if (v == HUGE_VAL) return DBL_MAX;
  if (v == -HUGE_VAL) return -DBL_MAX;
  return v;
}

int sb_cbc_solve(sb_ctx *ctx, const sb_lp *lp, int *status, bool *timed_out,
                 double *x, double *objective) {
  *status = GLP_UNDEF;
  *timed_out = false;
  uint32_t left = sb_ctx_ms_left(ctx);
  if (lp->cap_ms && lp->cap_ms < left) left = lp->cap_ms;
  if (left == 0) {
    *timed_out = true;
    return SENBID_OK;
  }
  ctx->solver_calls++;
  uint32_t n = sb_lp_ncols(lp), m = sb_lp_nrows(lp);
  uint32_t nterms = m ? sb_lp_row_stop(lp, m - 1) : 1;
  sb_arena *ar = &ctx->scratch;
  CoinBigIndex *start = sb_arena_array(ar, n + 1, sizeof(CoinBigIndex));
  int *fill = sb_arena_array(ar, n + 1, sizeof(int));
  int *index = sb_arena_array(ar, nterms + 1, sizeof(int));
  double *value = sb_arena_array(ar, nterms + 1, sizeof(double));
  double *clb = sb_arena_array(ar, n + 1, sizeof(double));
  double *cub = sb_arena_array(ar, n + 1, sizeof(double));
  double *obj = sb_arena_array(ar, n + 1, sizeof(double));
  double *rlb = sb_arena_array(ar, m + 1, sizeof(double));
  double *rub = sb_arena_array(ar, m + 1, sizeof(double));
  if (!start || !fill || !index || !value || !clb || !cub || !obj || !rlb || !rub)
    return sb_err_nomem(ctx->err);
  const int *idx = lp->idx.data;
  const double *val = lp->val.data;
  /* Rows to columns (the model is row-wise; CBC loads columns). */
  for (uint32_t t = 1; t < nterms; t++) start[idx[t]]++;
  for (uint32_t j = 0; j < n; j++) {
    start[j + 1] += start[j];
    fill[j] = (int)start[j];
  }
  for (uint32_t r = 0; r < m; r++) {
    const sb_lp_row *row = &SB_VEC_AT(&lp->rows, sb_lp_row, r);
    rlb[r] = inf(row->lo);
    rub[r] = inf(row->hi);
    for (uint32_t t = row->start; t < sb_lp_row_stop(lp, r); t++) {
      int at = fill[idx[t] - 1]++;
      index[at] = (int)r;
      value[at] = val[t];
    }
  }
  for (uint32_t j = 0; j < n; j++) {
    const sb_lp_col *c = &SB_VEC_AT(&lp->cols, sb_lp_col, j);
    clb[j] = inf(c->lb);
    cub[j] = inf(c->ub);
    obj[j] = c->obj;
  }
  Cbc_Model *M = Cbc_newModel();
  if (!M) return sb_err_nomem(ctx->err);
  Cbc_loadProblem(M, (int)n, (int)m, start, index, value, clb, cub, obj, rlb, rub);
  for (uint32_t j = 0; j < n; j++)
    if (SB_VEC_AT(&lp->cols, sb_lp_col, j).kind != SB_LP_CONTINUOUS) Cbc_setInteger(M, (int)j);
  Cbc_setObjSense(M, lp->maximize ? -1 : 1);
  Cbc_setLogLevel(M, 0);
  /* Wall-clock seconds, as the time limit of SPEC section 9. */
  Cbc_setParameter(M, "timeMode", "elapsed");
  if (left != UINT32_MAX) Cbc_setMaximumSeconds(M, left / 1000.0);
  Cbc_solve(M);
  const double *sol = Cbc_bestSolution(M);
  if (Cbc_isProvenOptimal(M) && sol) {
    *status = GLP_OPT;
  } else if (Cbc_isProvenInfeasible(M) || Cbc_isInitialSolveProvenPrimalInfeasible(M)) {
    *status = GLP_NOFEAS;
  } else if (Cbc_isSecondsLimitReached(M) || sb_ctx_ms_left(ctx) == 0) {
    *timed_out = true;
    *status = sol ? GLP_FEAS : GLP_UNDEF;
  } else if (sol) {
    *status = GLP_FEAS;
  } else {
    int st = Cbc_status(M);
    Cbc_deleteModel(M);
    return sb_err_set(ctx->err, SENBID_E_SOLVER, NULL,
                      "CBC stopped without an answer (status %d)", st);
  }
  if (sol && (*status == GLP_OPT || *status == GLP_FEAS)) {
    double o = lp->obj_const;
    for (uint32_t j = 0; j < n; j++) {
      /* Integral columns come back within CBC's tolerance: round them. */
      double v = sol[j];
      if (SB_VEC_AT(&lp->cols, sb_lp_col, j).kind != SB_LP_CONTINUOUS) v = floor(v + 0.5);
      if (x) x[j] = v;
      o += obj[j] * v;
    }
    if (objective) *objective = o;
  }
  Cbc_deleteModel(M);
  return SENBID_OK;
}
