/* A primal heuristic for 0-1 programs: a weighted local search in the
 * manner of Feasibility Jump (Luteberget and Sartor, 2023). It only ever
 * answers "here is a point": the point is checked against every row and
 * bound of the model before it is returned, so a caller that treats a
 * found point as proof of feasibility stays exact. Not finding one proves
 * nothing. GLPK's branch and bound finds no point at all on dense
 * use-or-lose leave programs in minutes (issue #13); this finds one in a
 * fraction of a second, from the caller's start (a repaired witness). */
#include "../internal.h"
#include "model.h"

#define JUMP_TOL 1e-9

static double viol(const sb_lp_row *r, double a) {
  if (a < r->lo - JUMP_TOL) return r->lo - a;
  if (a > r->hi + JUMP_TOL) return a - r->hi;
  return 0;
}

static uint64_t rnd(uint64_t *s) {
  *s ^= *s << 13;
  *s ^= *s >> 7;
  *s ^= *s << 17;
  return *s;
}

int sb_lp_columns(const sb_lp *lp, sb_arena *ar, uint32_t **cstart_out,
                  uint32_t **crow_out, double **cval_out) {
  uint32_t n = (uint32_t)lp->cols.len, m = (uint32_t)lp->rows.len;
  const int *idx = lp->idx.data;
  const double *val = lp->val.data;
  uint32_t nterms = m ? sb_lp_row_stop(lp, m - 1) : 1;
  uint32_t *cstart = sb_arena_array(ar, n + 2, sizeof(uint32_t));
  uint32_t *crow = sb_arena_array(ar, nterms + 1, sizeof(uint32_t));
  double *cval = sb_arena_array(ar, nterms + 1, sizeof(double));
  uint32_t *fill = sb_arena_array(ar, n + 1, sizeof(uint32_t));
  if (!cstart || !crow || !cval || !fill) return SENBID_E_NOMEM;
  for (uint32_t t = 1; t < nterms; t++) cstart[idx[t]]++; /* idx is 1-based */
  for (uint32_t j = 0; j < n; j++) {
    cstart[j + 1] += cstart[j];
    fill[j] = cstart[j];
  }
  for (uint32_t r = 0; r < m; r++) {
    const sb_lp_row *row = &SB_VEC_AT(&lp->rows, sb_lp_row, r);
    for (uint32_t t = row->start; t < sb_lp_row_stop(lp, r); t++) {
      uint32_t j = (uint32_t)idx[t] - 1, at = fill[j]++;
      crow[at] = r;
      cval[at] = val[t];
    }
  }
  *cstart_out = cstart;
  *crow_out = crow;
  *cval_out = cval;
  return SENBID_OK;
}

bool sb_lp_satisfies(const sb_lp *lp, const double *x) {
  const int *idx = lp->idx.data;
  const double *val = lp->val.data;
  for (uint32_t j = 0; j < lp->cols.len; j++) {
    const sb_lp_col *c = &SB_VEC_AT(&lp->cols, sb_lp_col, j);
    if (x[j] < c->lb - JUMP_TOL || x[j] > c->ub + JUMP_TOL) return false;
    if (c->kind != SB_LP_CONTINUOUS && x[j] != floor(x[j])) return false;
  }
  for (uint32_t r = 0; r < lp->rows.len; r++) {
    const sb_lp_row *row = &SB_VEC_AT(&lp->rows, sb_lp_row, r);
    double a = 0;
    for (uint32_t t = row->start; t < sb_lp_row_stop(lp, r); t++) a += val[t] * x[idx[t] - 1];
    if (viol(row, a) > 0) return false;
  }
  return true;
}

int sb_lp_jump(sb_ctx *ctx, const sb_lp *lp, sb_arena *ar, double *x,
               uint64_t max_flips, bool *found) {
  *found = false;
  uint32_t n = (uint32_t)lp->cols.len, m = (uint32_t)lp->rows.len;
  const int *idx = lp->idx.data;
  const double *val = lp->val.data;
  if (lp->oom) return sb_err_nomem(ctx->err);
  for (uint32_t j = 0; j < n; j++) {
    const sb_lp_col *c = &SB_VEC_AT(&lp->cols, sb_lp_col, j);
    if (c->kind != SB_LP_BINARY || c->lb != 0 || c->ub != 1) return SENBID_OK;
    x[j] = x[j] > 0.5 ? 1 : 0;
  }
  if (m == 0) {
    *found = true;
    return SENBID_OK;
  }
  /* The columns' rows (the model is row-wise). */
  uint32_t *cstart, *crow;
  double *cval;
  double *act = sb_arena_array(ar, m, sizeof(double));
  double *w = sb_arena_array(ar, m, sizeof(double));
  uint32_t *vlist = sb_arena_array(ar, m, sizeof(uint32_t));
  uint32_t *vpos = sb_arena_array(ar, m, sizeof(uint32_t));
  uint64_t *tabu = sb_arena_array(ar, n + 1, sizeof(uint64_t));
  if (!act || !w || !vlist || !vpos || !tabu ||
      sb_lp_columns(lp, ar, &cstart, &crow, &cval) < 0)
    return sb_err_nomem(ctx->err);
  for (uint32_t r = 0; r < m; r++) {
    const sb_lp_row *row = &SB_VEC_AT(&lp->rows, sb_lp_row, r);
    for (uint32_t t = row->start; t < sb_lp_row_stop(lp, r); t++)
      act[r] += val[t] * x[idx[t] - 1];
  }
  uint32_t nv = 0;
  for (uint32_t r = 0; r < m; r++) {
    w[r] = 1;
    vpos[r] = UINT32_MAX;
    sb_lp_violated(vlist, vpos, &nv, r, viol(&SB_VEC_AT(&lp->rows, sb_lp_row, r), act[r]) > 0);
  }
  const sb_lp_row *rows = lp->rows.data;
  uint64_t seed = 0x9e3779b97f4a7c15ull;
  for (uint64_t it = 1; nv > 0 && it <= max_flips; it++) {
    if ((it & 4095) == 0 && ctx->time_limit_ms && sb_ctx_ms_left(ctx) == 0) break;
    uint32_t r = vlist[rnd(&seed) % nv];
    const sb_lp_row *row = &rows[r];
    bool up = act[r] < row->lo - JUMP_TOL; /* the row must rise */
    uint32_t t0 = row->start, t1 = sb_lp_row_stop(lp, r), len = t1 - t0;
    uint32_t off = len ? (uint32_t)(rnd(&seed) % len) : 0;
    uint32_t best = UINT32_MAX, seen = 0;
    double best_score = -HUGE_VAL;
    for (uint32_t k = 0; k < len && seen < 48; k++) {
      uint32_t t = t0 + (off + k) % len, j = (uint32_t)idx[t] - 1;
      double d = x[j] > 0.5 ? -1 : 1;
      if ((val[t] * d > 0) != up) continue;
      seen++;
      double score = 0;
      for (uint32_t e = cstart[j]; e < cstart[j + 1]; e++) {
        uint32_t q = crow[e];
        score += w[q] * (viol(&rows[q], act[q]) - viol(&rows[q], act[q] + cval[e] * d));
      }
      if (tabu[j] > it) score -= 1e6; /* tabu: only if nothing else */
      if (score > best_score) {
        best_score = score;
        best = j;
      }
    }
    if (best == UINT32_MAX) break; /* the row cannot move: no point here */
    if (best_score <= 0) w[r] += 1;
    double d = x[best] > 0.5 ? -1 : 1;
    x[best] += d;
    tabu[best] = it + 3 + rnd(&seed) % 8;
    for (uint32_t e = cstart[best]; e < cstart[best + 1]; e++) {
      uint32_t q = crow[e];
      act[q] += cval[e] * d;
      sb_lp_violated(vlist, vpos, &nv, q, viol(&rows[q], act[q]) > 0);
    }
  }
  *found = nv == 0 && sb_lp_satisfies(lp, x);
  return SENBID_OK;
}
