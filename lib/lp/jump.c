/* A primal heuristic for 0-1 programs: a weighted local search in the
 * manner of Feasibility Jump (Luteberget and Sartor, 2023). It only ever
 * answers "here is a point": the point is checked against every row and
 * bound of the model before it is returned, so a caller that treats a
 * found point as proof of feasibility stays exact. Not finding one proves
 * nothing. GLPK's branch and bound finds no point at all on dense
 * use-or-lose leave programs in minutes (issue #13); this finds one in a
 * fraction of a second, from the caller's start (a repaired witness). */
#include <string.h>

#include "../internal.h"
#include "model.h"

#define JUMP_TOL 1e-9

static double viol(const sb_lp_row *r, double a) {
  if (a < r->lo - JUMP_TOL) return r->lo - a;
  if (a > r->hi + JUMP_TOL) return a - r->hi;
  return 0;
}

/* How much moving column j by d lowers the rows' violation (weighted by w,
 * or not when w is NULL). */
static double gain(const sb_lp_row *rows, const double *act, const double *w,
                   const uint32_t *cstart, const uint32_t *crow, const double *cval,
                   uint32_t j, double d) {
  double score = 0;
  for (uint32_t e = cstart[j]; e < cstart[j + 1]; e++) {
    uint32_t q = crow[e];
    double g = viol(&rows[q], act[q]) - viol(&rows[q], act[q] + cval[e] * d);
    score += w ? w[q] * g : g;
  }
  return score;
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
      double score = gain(rows, act, w, cstart, crow, cval, j, d);
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

int sb_lp_prefer(sb_ctx *ctx, const sb_lp *lp, sb_arena *ar, double *xin,
                 const uint32_t *want, const uint32_t *gstart, uint32_t ngroups,
                 const sb_lp_extra *extra, uint32_t max_flips, uint32_t *got) {
  *got = 0;
  uint32_t n0 = (uint32_t)lp->cols.len, m = (uint32_t)lp->rows.len;
  uint32_t nx = extra ? extra->n : 0, n = n0 + nx;
  const int *idx = lp->idx.data;
  const double *val = lp->val.data;
  const sb_lp_row *rows = lp->rows.data;
  if (lp->oom) return sb_err_nomem(ctx->err);
  if (ngroups == 0 || m == 0) return SENBID_OK;
  for (uint32_t j = 0; j < n0; j++) {
    const sb_lp_col *c = &SB_VEC_AT(&lp->cols, sb_lp_col, j);
    if (c->kind != SB_LP_BINARY || c->lb != 0 || c->ub != 1 ||
        (xin[j] != 0 && xin[j] != 1))
      return SENBID_OK;
  }
  uint32_t *cstart, *crow;
  double *cval;
  double *x = sb_arena_array(ar, n + 1, sizeof(double));
  double *act = sb_arena_array(ar, m, sizeof(double));
  uint32_t *vlist = sb_arena_array(ar, m, sizeof(uint32_t));
  uint32_t *vpos = sb_arena_array(ar, m, sizeof(uint32_t));
  uint8_t *lock = sb_arena_array(ar, n + 1, 1);
  uint32_t *undo = sb_arena_array(ar, (size_t)max_flips + 2, sizeof(uint32_t));
  if (!x || !act || !vlist || !vpos || !lock || !undo ||
      sb_lp_columns(lp, ar, &cstart, &crow, &cval) < 0)
    return sb_err_nomem(ctx->err);
  memcpy(x, xin, n0 * sizeof(double));
  if (nx) {
    /* The extra columns after the model's: in the column lists only (no
     * row lists them, so no repair moves them). */
    uint32_t nt = cstart[n0], ne = extra->start[nx];
    uint32_t *cs = sb_arena_array(ar, n + 2, sizeof(uint32_t));
    uint32_t *cr = sb_arena_array(ar, nt + ne + 1, sizeof(uint32_t));
    double *cv = sb_arena_array(ar, nt + ne + 1, sizeof(double));
    if (!cs || !cr || !cv) return sb_err_nomem(ctx->err);
    memcpy(cs, cstart, (n0 + 1) * sizeof(uint32_t));
    memcpy(cr, crow, nt * sizeof(uint32_t));
    memcpy(cv, cval, nt * sizeof(double));
    for (uint32_t v = 0; v < nx; v++) cs[n0 + v + 1] = nt + extra->start[v + 1];
    if (ne) { /* extra columns may have no terms (and row NULL) */
      memcpy(cr + nt, extra->row, ne * sizeof(uint32_t));
      memcpy(cv + nt, extra->val, ne * sizeof(double));
    }
    cstart = cs;
    crow = cr;
    cval = cv;
  }
  for (uint32_t r = 0; r < m; r++) {
    for (uint32_t t = rows[r].start; t < sb_lp_row_stop(lp, r); t++)
      act[r] += val[t] * x[idx[t] - 1];
    vpos[r] = UINT32_MAX;
    if (viol(&rows[r], act[r]) > 0) return SENBID_OK; /* not a point */
  }
  uint32_t nv = 0;
  uint64_t seed = 0x2545f4914f6cdd1dull;
#define PREFER_FLIP(j)                                                        \
  do {                                                                        \
    double d_ = x[(j)] > 0.5 ? -1 : 1;                                        \
    x[(j)] += d_;                                                             \
    for (uint32_t e_ = cstart[(j)]; e_ < cstart[(j) + 1]; e_++) {             \
      uint32_t q_ = crow[e_];                                                 \
      act[q_] += cval[e_] * d_;                                               \
      sb_lp_violated(vlist, vpos, &nv, q_, viol(&rows[q_], act[q_]) > 0);     \
    }                                                                         \
  } while (0)
  for (uint32_t g = 0; g < ngroups; g++) {
    if ((g & 63) == 63 && ctx->time_limit_ms && sb_ctx_ms_left(ctx) == 0) break;
    for (uint32_t i = gstart[g]; i < gstart[g + 1]; i++) {
      uint32_t j = want[i];
      if (x[j] > 0.5) {
        lock[j] = 1;
        ++*got;
        break;
      }
      uint32_t nu = 0;
      lock[j] = 1;
      PREFER_FLIP(j);
      undo[nu++] = j;
      while (nv > 0 && nu <= max_flips) {
        uint32_t r = vlist[rnd(&seed) % nv];
        bool up = act[r] < rows[r].lo - JUMP_TOL;
        uint32_t t0 = rows[r].start, len = sb_lp_row_stop(lp, r) - t0;
        uint32_t off = len ? (uint32_t)(rnd(&seed) % len) : 0;
        uint32_t best = UINT32_MAX, seen = 0;
        double best_score = -HUGE_VAL;
        for (uint32_t k = 0; k < len && seen < 48; k++) {
          uint32_t t = t0 + (off + k) % len, c = (uint32_t)idx[t] - 1;
          if (lock[c]) continue;
          double d = x[c] > 0.5 ? -1 : 1;
          if ((val[t] * d > 0) != up) continue;
          seen++;
          double score = gain(rows, act, NULL, cstart, crow, cval, c, d);
          score += (double)(rnd(&seed) & 1023) * 1e-7; /* ties broken at random */
          if (score > best_score) {
            best_score = score;
            best = c;
          }
        }
        if (best == UINT32_MAX) break;
        lock[best] = 2; /* moved in this attempt: not again */
        PREFER_FLIP(best);
        undo[nu++] = best;
      }
      for (uint32_t k = 1; k < nu; k++) lock[undo[k]] = 0;
      if (nv == 0) {
        ++*got;
        break;
      }
      while (nu > 0) {
        uint32_t c = undo[--nu];
        PREFER_FLIP(c);
      }
      lock[j] = 0;
    }
  }
#undef PREFER_FLIP
  memcpy(xin, x, n0 * sizeof(double));
  return SENBID_OK;
}
