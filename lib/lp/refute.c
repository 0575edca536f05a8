/* Exact answers for 0-1 covering programs with a block structure (the
 * leave completion programs: one block per employee short of a minimum)
 * from their patterns (a Dantzig-Wolfe reformulation). See model.h,
 * sb_lp_patterns.
 *
 * The program must be: every column binary; every row either a covering
 * row (>= lo, positive coefficients, each column in at most one: a block)
 * or an upper row (<= hi, nonnegative coefficients). An upper row whose
 * columns lie in one block is local to it; one over several blocks links
 * them (the capacity rows) and must have integral coefficients and right
 * side. A pattern of block b is a set of b's columns meeting b's local rows
 * and its covering row, minimal (no column can be dropped). Every 0-1
 * point's part in b contains a pattern, and the linking rows only grow
 * with more columns, so the LP "each block is a convex combination of its
 * patterns, within the linking rows" is a relaxation of the program, and a
 * much tighter one than the LP relaxation: it keeps each block's
 * integrality (option lengths that cannot be split).
 *
 * GLPK's simplex solves that LP in its phase-one form (minimise the excess
 * over the linking rows). The answer is never trusted as it stands: the
 * duals of the linking rows are rounded to nonnegative integer weights w,
 * and in integer arithmetic, sum over blocks of (the least w-weighted load
 * of any pattern of the block) > sum of w * hi is checked. If it holds, no
 * point of the program exists (every point would put at least the left
 * side into rows whose weighted room is the right side): a Farkas
 * certificate, exact whatever the floating point did.
 *
 * When the LP needs no excess, its 0-1 version (one pattern per block) is
 * the program itself, reformulated; points of it are searched (swapping
 * patterns, then the solver's feasibility pump) and mapped back to
 * columns, and only a mapped point that meets every row is reported. On
 * the dense leave rosters this form lets a point be found where the
 * compact program gives the solvers none in minutes (issue 13). */
#include <glpk.h>

#include "../internal.h"
#include "model.h"

/* Local rows and covering rows are read generously (a pattern is kept
 * within this much): more patterns only weaken the relaxation. */
#define RF_TOL 1e-6
/* Dual weights are rounded to multiples of 1/RF_SCALE. */
#define RF_SCALE 65536.0
/* Coefficients and right sides of linking rows at most this (exact in
 * int64 with the weights). */
#define RF_BIG 1e9
/* An ejection chain's moves, at most. */
#define RF_CHAIN_DEPTH 8

/* swap_search's working arrays (see there). */
typedef struct rf_swap {
  uint32_t *cur, *pblock, *touched, *viol, *vpos, *cand;
  int64_t *load, *hi, *wgt, *dl;
  uint8_t *mark;
  uint64_t *tabu;
  /* chain_search's breadth-first search, per linking row: the stamp of
   * the search that reached it, the row it was reached from and the move
   * (block, pattern) that overloads it; the queue. */
  uint32_t *cseen, *cpar, *cblk, *cpat, *cdep, *cq;
  uint32_t cstamp;
} rf_swap;

typedef struct rf {
  const sb_lp *lp;
  sb_arena *ar;
  uint32_t nc, nr;
  uint32_t *cstart, *crow; /* the columns' rows (sb_lp_columns) */
  double *cval;
  int32_t *block;    /* per column: its block, -1 none */
  uint8_t *rkind;    /* per row: RF_* */
  uint32_t nblocks;
  uint32_t *bcover;  /* per block: its covering row */
  uint32_t *bfirst;  /* per block: first pattern; bfirst[nblocks] = total */
  sb_vec pcols;      /* uint32_t: the patterns' columns */
  sb_vec pstart;     /* uint32_t: per pattern, first in pcols; one more */
  uint32_t *links;   /* the linking rows */
  uint32_t nlinks;
  uint32_t *lpos;    /* per row: its place in links, or UINT32_MAX */
  double *act;       /* per row: activity during enumeration */
  sb_ctx *ctx;
  uint64_t nodes, max_nodes; /* the enumeration's steps, and their cap */
  bool over, timed_out, oom;
  rf_swap sw; /* swap_search's working arrays, once allocated */
  /* Per pattern, its load on the linking rows (from fstart[p] to
   * fstart[p + 1]), once the transpose is built: the searches read a
   * footprint millions of times. */
  uint32_t *fstart, *flink;
  double *fval;
} rf;

enum { RF_IGNORE = 0, RF_COVER, RF_LOCAL, RF_LINK };

/* Classifies columns and rows; false: the program is not of this form. */
static bool classify(rf *f) {
  const sb_lp *lp = f->lp;
  const int *idx = lp->idx.data;
  const double *val = lp->val.data;
  for (uint32_t j = 0; j < f->nc; j++) {
    const sb_lp_col *c = &SB_VEC_AT(&lp->cols, sb_lp_col, j);
    if (c->kind != SB_LP_BINARY || c->lb != 0 || c->ub != 1) return false;
    f->block[j] = -1;
  }
  for (uint32_t r = 0; r < f->nr; r++) {
    const sb_lp_row *row = &SB_VEC_AT(&lp->rows, sb_lp_row, r);
    uint32_t t0 = row->start, t1 = sb_lp_row_stop(lp, r);
    bool lo = row->lo > -HUGE_VAL, hi = row->hi < HUGE_VAL;
    if (lo && hi) return false;
    f->lpos[r] = UINT32_MAX;
    if (!lo && !hi) continue;
    for (uint32_t t = t0; t < t1; t++)
      if (val[t] < 0 || (lo && val[t] == 0)) return false;
    if (!lo) continue;
    if (row->lo <= 0) continue; /* met by the empty set: no block */
    f->rkind[r] = RF_COVER;
    for (uint32_t t = t0; t < t1; t++) {
      uint32_t j = (uint32_t)idx[t] - 1;
      if (f->block[j] >= 0) return false;
      f->block[j] = (int32_t)f->nblocks;
    }
    f->bcover[f->nblocks++] = r;
  }
  for (uint32_t r = 0; r < f->nr; r++) {
    const sb_lp_row *row = &SB_VEC_AT(&lp->rows, sb_lp_row, r);
    if (row->hi == HUGE_VAL || f->rkind[r] == RF_COVER) continue;
    int32_t b = -1;
    bool link = false;
    for (uint32_t t = row->start; t < sb_lp_row_stop(lp, r); t++) {
      int32_t bj = f->block[idx[t] - 1];
      if (bj < 0 || val[t] == 0) continue; /* a column in no block is 0 */
      if (b >= 0 && bj != b) link = true;
      b = bj;
    }
    if (b < 0) {
      if (row->hi < 0) return false; /* not this step's business */
      continue;
    }
    if (!link) {
      f->rkind[r] = RF_LOCAL;
      continue;
    }
    if (row->hi != floor(row->hi) || fabs(row->hi) > RF_BIG) return false;
    for (uint32_t t = row->start; t < sb_lp_row_stop(lp, r); t++)
      if (val[t] != floor(val[t]) || val[t] > RF_BIG) return false;
    f->rkind[r] = RF_LINK;
    f->lpos[r] = f->nlinks;
    f->links[f->nlinks++] = r;
  }
  return true;
}

/* Whether adding column j (value 1) keeps its block's local rows. */
static bool fits(const rf *f, uint32_t j) {
  for (uint32_t e = f->cstart[j]; e < f->cstart[j + 1]; e++) {
    uint32_t r = f->crow[e];
    if (f->rkind[r] != RF_LOCAL) continue;
    const sb_lp_row *row = &SB_VEC_AT(&f->lp->rows, sb_lp_row, r);
    if (f->act[r] + f->cval[e] > row->hi + RF_TOL) return false;
  }
  return true;
}

static void apply(rf *f, uint32_t j, double d) {
  for (uint32_t e = f->cstart[j]; e < f->cstart[j + 1]; e++)
    if (f->rkind[f->crow[e]] == RF_LOCAL) f->act[f->crow[e]] += d * f->cval[e];
}

typedef struct rf_dfs {
  const uint32_t *cols; /* the block's columns, largest cover first */
  const double *len;    /* their cover coefficients */
  const double *rest;   /* rest[i]: sum of len[i..] */
  uint32_t n;
  double need;
  uint32_t *sel, nsel;
  uint32_t count, max_count;
} rf_dfs;

/* Depth-first over include/exclude of cols in order: a set is recorded as
 * soon as it reaches need, if minimal (its smallest member, the last
 * added, cannot be dropped). Every minimal set is found: its proper prefixes
 * in this order stay below need. */
static void dfs(rf *f, rf_dfs *s, uint32_t i, double sum) {
  if (f->over || f->timed_out || f->oom) return;
  if (++f->nodes > f->max_nodes) {
    f->over = true;
    return;
  }
  if ((f->nodes & 4095) == 0 && f->ctx->time_limit_ms && sb_ctx_ms_left(f->ctx) == 0) {
    f->timed_out = true;
    return;
  }
  if (sum >= s->need - RF_TOL) {
    if (s->nsel && sum - s->len[s->nsel - 1] >= s->need - RF_TOL) return;
    if (s->count == s->max_count) {
      f->over = true;
      return;
    }
    for (uint32_t k = 0; k < s->nsel; k++) {
      uint32_t *p = sb_vec_push(&f->pcols);
      if (!p) {
        f->oom = true;
        return;
      }
      *p = s->sel[k];
    }
    uint32_t *ps = sb_vec_push(&f->pstart);
    if (!ps) {
      f->oom = true;
      return;
    }
    *ps = (uint32_t)f->pcols.len;
    s->count++;
    return;
  }
  if (i >= s->n || sum + s->rest[i] < s->need - RF_TOL) return;
  uint32_t j = s->cols[i];
  if (fits(f, j)) {
    apply(f, j, 1);
    s->sel[s->nsel++] = j;
    dfs(f, s, i + 1, sum + s->len[i]);
    s->nsel--;
    apply(f, j, -1);
  }
  dfs(f, s, i + 1, sum);
}

/* The patterns of every block; false when a cap was passed. */
static bool enumerate(rf *f, uint32_t max_per_block, uint32_t max_total) {
  const sb_lp *lp = f->lp;
  const int *idx = lp->idx.data;
  const double *val = lp->val.data;
  if (!sb_vec_push(&f->pstart)) { /* pstart[0] = 0 */
    f->oom = true;
    return false;
  }
  /* The steps: a few per pattern allowed, and a floor. */
  f->max_nodes = 64 * (uint64_t)max_total + 100000;
  for (uint32_t b = 0; b < f->nblocks; b++) {
    f->bfirst[b] = (uint32_t)f->pstart.len - 1;
    if (f->ctx->time_limit_ms && sb_ctx_ms_left(f->ctx) == 0) {
      f->timed_out = true;
      return false;
    }
    const sb_lp_row *row = &SB_VEC_AT(&lp->rows, sb_lp_row, f->bcover[b]);
    uint32_t t0 = row->start, n = sb_lp_row_stop(lp, f->bcover[b]) - t0;
    uint32_t *cols = sb_arena_array(f->ar, n + 1, sizeof(uint32_t));
    double *len = sb_arena_array(f->ar, n + 1, sizeof(double));
    double *rest = sb_arena_array(f->ar, n + 1, sizeof(double));
    uint32_t *sel = sb_arena_array(f->ar, n + 1, sizeof(uint32_t));
    if (!cols || !len || !rest || !sel) {
      f->oom = true;
      return false;
    }
    for (uint32_t k = 0; k < n; k++) { /* insertion: largest first, stable */
      uint32_t at = k;
      while (at > 0 && len[at - 1] < val[t0 + k]) {
        cols[at] = cols[at - 1];
        len[at] = len[at - 1];
        at--;
      }
      cols[at] = (uint32_t)idx[t0 + k] - 1;
      len[at] = val[t0 + k];
    }
    for (uint32_t k = n; k-- > 0;) rest[k] = rest[k + 1] + len[k];
    uint32_t left = max_total - (f->bfirst[b] < max_total ? f->bfirst[b] : max_total);
    rf_dfs s = {cols, len, rest, n, row->lo, sel, 0, 0,
                left < max_per_block ? left : max_per_block};
    dfs(f, &s, 0, 0);
    if (f->over || f->timed_out || f->oom) return false;
  }
  f->bfirst[f->nblocks] = (uint32_t)f->pstart.len - 1;
  return true;
}

/* Pattern p's load on the linking rows, merged, into acc (by link
 * position) with the touched positions in list; returns their number. */
static uint32_t footprint(const rf *f, uint32_t p, double *acc, uint32_t *list) {
  if (f->fstart) {
    uint32_t n = 0;
    for (uint32_t k = f->fstart[p]; k < f->fstart[p + 1]; k++, n++) {
      list[n] = f->flink[k];
      acc[f->flink[k]] = f->fval[k];
    }
    return n;
  }
  const uint32_t *pc = f->pcols.data, *ps = f->pstart.data;
  uint32_t n = 0;
  for (uint32_t k = ps[p]; k < ps[p + 1]; k++) {
    uint32_t j = pc[k];
    for (uint32_t e = f->cstart[j]; e < f->cstart[j + 1]; e++) {
      uint32_t l = f->lpos[f->crow[e]];
      if (l == UINT32_MAX) continue;
      if (acc[l] == 0) list[n++] = l;
      acc[l] += f->cval[e];
    }
  }
  return n;
}

typedef struct rf_lp {
  sb_lp *plp;
  uint32_t nlinks, nblocks, npat;
  uint32_t ip_ms;  /* the pattern program's search, 0: none */
  double *w;       /* out: the linking rows' weights (-dual) */
  double *pval;    /* out: the patterns' values in a point found */
  double obj;
  bool solved, timed_out, point;
  bool none; /* the solver proved that the 0-1 program has no point */
  int *rstat, *cstat; /* the basis: the start's, then the LP's optimal one */
} rf_lp;

static int solve_pattern_lp(sb_ctx *ctx, void *data) {
  rf_lp *q = data;
  glp_prob *P = sb_lp_load_glpk(q->plp); /* from plp's basis, if any */
  glp_smcp sm;
  glp_init_smcp(&sm);
  sm.msg_lev = GLP_MSG_OFF;
  uint32_t left = sb_ctx_ms_left(ctx);
  if (left != UINT32_MAX) sm.tm_lim = (int)(left > INT32_MAX ? INT32_MAX : left);
  int rc = sb_glpk_simplex(P, &sm); /* the start's basis is one by construction */
  if (rc == GLP_ETMLIM) q->timed_out = true;
  if (rc == 0 && glp_get_status(P) == GLP_OPT) {
    q->solved = true;
    q->obj = glp_get_obj_val(P);
    /* The linking rows follow the blocks' rows. */
    for (uint32_t l = 0; l < q->nlinks; l++)
      q->w[l] = -glp_get_row_dual(P, (int)(q->nblocks + l + 1));
    /* The optimal basis: the pump's LPs and the solver's relaxation
     * start from it (only the objective or the excesses' bounds change,
     * so it stays a basis). */
    if (q->rstat) {
      uint32_t nr = q->nblocks + q->nlinks, nc = q->npat + q->nlinks;
      for (uint32_t r = 0; r < nr; r++) q->rstat[r] = glp_get_row_stat(P, (int)r + 1);
      for (uint32_t j = 0; j < nc; j++) q->cstat[j] = glp_get_col_stat(P, (int)j + 1);
      q->plp->rstat = q->rstat;
      q->plp->cstat = q->cstat;
    }
  }
  if (q->solved)
    for (uint32_t p = 0; p < q->npat; p++) q->pval[p] = glp_get_col_prim(P, (int)p + 1);
  glp_delete_prob(P);
  return SENBID_OK;
}

static uint64_t rf_rnd(uint64_t *s) {
  *s ^= *s << 13;
  *s ^= *s >> 7;
  *s ^= *s << 17;
  return *s;
}

/* Adds sign times pattern p's load on the linking rows into dl, listing
 * rows first touched in touched (mark keeps them apart). */
static void swap_load(const rf *f, uint32_t p, int64_t sign, int64_t *dl,
                      uint8_t *mark, uint32_t *touched, uint32_t *nt,
                      double *acc, uint32_t *list) {
  uint32_t n = footprint(f, p, acc, list);
  for (uint32_t k = 0; k < n; k++) {
    uint32_t l = list[k];
    dl[l] += sign * (int64_t)acc[l];
    acc[l] = 0;
    if (!mark[l]) {
      mark[l] = 1;
      touched[(*nt)++] = l;
    }
  }
}

/* The excess of a row loaded so. */
static int64_t over(int64_t load, int64_t hi) { return load > hi ? load - hi : 0; }

/* How much the working move (dl) raises row r's excess (< 0: lowers). */
static int64_t rise(const rf_swap *w, uint32_t r) {
  return over(w->load[r] + w->dl[r], w->hi[r]) - over(w->load[r], w->hi[r]);
}

/* The change in load of moving a block from pattern p to q, into the
 * working dl, its rows listed in touched; returns their number. The
 * caller zeroes dl and mark on those rows. */
static uint32_t swap_delta(rf *f, uint32_t p, uint32_t q, double *acc, uint32_t *list) {
  rf_swap *w = &f->sw;
  uint32_t nt = 0;
  swap_load(f, p, -1, w->dl, w->mark, w->touched, &nt, acc, list);
  swap_load(f, q, 1, w->dl, w->mark, w->touched, &nt, acc, list);
  return nt;
}

/* swap_search's and chain_search's state from pval (each block its
 * largest pattern): cur, pblock, load, hi, the violated rows. False when
 * the arrays cannot be allocated. */
static bool swap_setup(rf *f, const double *pval, double *acc, uint32_t *list,
                       uint32_t *nv_out) {
  uint32_t nb = f->nblocks, nl = f->nlinks, npat = f->bfirst[nb];
  rf_swap *w = &f->sw;
  if (!w->cur) {
    /* Allocated once per program: the pump calls this once a rounding. */
    w->cur = sb_arena_array(f->ar, nb + 1, sizeof(uint32_t));
    w->pblock = sb_arena_array(f->ar, npat + 1, sizeof(uint32_t));
    w->load = sb_arena_array(f->ar, nl + 1, sizeof(int64_t));
    w->hi = sb_arena_array(f->ar, nl + 1, sizeof(int64_t));
    w->wgt = sb_arena_array(f->ar, nl + 1, sizeof(int64_t));
    w->dl = sb_arena_array(f->ar, nl + 1, sizeof(int64_t));
    w->mark = sb_arena_array(f->ar, nl + 1, 1);
    w->touched = sb_arena_array(f->ar, nl + 1, sizeof(uint32_t));
    w->viol = sb_arena_array(f->ar, nl + 1, sizeof(uint32_t));
    w->vpos = sb_arena_array(f->ar, nl + 1, sizeof(uint32_t));
    w->tabu = sb_arena_array(f->ar, nb + 1, sizeof(uint64_t));
    w->cand = sb_arena_array(f->ar, nb + 1, sizeof(uint32_t));
    if (!w->cur || !w->pblock || !w->load || !w->hi || !w->wgt || !w->dl || !w->mark ||
        !w->touched || !w->viol || !w->vpos || !w->tabu || !w->cand) {
      w->cur = NULL;
      return false;
    }
  } else {
    /* dl and mark are left zero by every move. */
    memset(w->load, 0, (nl + 1) * sizeof(int64_t));
    memset(w->tabu, 0, (nb + 1) * sizeof(uint64_t));
  }
  for (uint32_t b = 0; b < nb; b++) {
    w->cur[b] = f->bfirst[b];
    for (uint32_t p = f->bfirst[b]; p < f->bfirst[b + 1]; p++) {
      w->pblock[p] = b;
      if (pval[p] > pval[w->cur[b]]) w->cur[b] = p;
    }
    uint32_t nt = 0;
    swap_load(f, w->cur[b], 1, w->load, w->mark, w->touched, &nt, acc, list);
    for (uint32_t k = 0; k < nt; k++) w->mark[w->touched[k]] = 0;
  }
  uint32_t nv = 0;
  for (uint32_t l = 0; l < nl; l++) {
    w->hi[l] = (int64_t)SB_VEC_AT(&f->lp->rows, sb_lp_row, f->links[l]).hi;
    w->wgt[l] = 1;
    w->vpos[l] = UINT32_MAX;
    sb_lp_violated(w->viol, w->vpos, &nv, l, w->load[l] > w->hi[l]);
  }
  *nv_out = nv;
  return true;
}

/* Block b moved from its pattern to q: loads and the violated rows. */
static void swap_move(rf *f, uint32_t b, uint32_t q, uint32_t *nv, double *acc,
                      uint32_t *list) {
  rf_swap *w = &f->sw;
  uint32_t nt = swap_delta(f, w->cur[b], q, acc, list);
  w->cur[b] = q;
  for (uint32_t t = 0; t < nt; t++) {
    uint32_t r = w->touched[t];
    w->load[r] += w->dl[r];
    w->dl[r] = 0;
    w->mark[r] = 0;
    sb_lp_violated(w->viol, w->vpos, nv, r, w->load[r] > w->hi[r]);
  }
}

/* The total excess over the linking rows. */
static int64_t swap_excess(const rf *f, uint32_t nv) {
  const rf_swap *w = &f->sw;
  int64_t e = 0;
  for (uint32_t v = 0; v < nv; v++) e += w->load[w->viol[v]] - w->hi[w->viol[v]];
  return e;
}

/* A move of chain_search (a block from pattern p to q), judged on the
 * current loads: true when it lowers row r and raises the excess of at
 * most one other row, by one (*nr; UINT32_MAX when none). */
static bool chain_edge(rf *f, uint32_t r, uint32_t p, uint32_t q, double *acc,
                       uint32_t *list, uint32_t *nr) {
  rf_swap *w = &f->sw;
  uint32_t nt = swap_delta(f, p, q, acc, list);
  bool ok = w->dl[r] < 0;
  *nr = UINT32_MAX;
  for (uint32_t k = 0; k < nt; k++) {
    uint32_t x = w->touched[k];
    int64_t up = rise(w, x);
    if (x != r && up > 0) {
      if (up > 1 || *nr != UINT32_MAX) ok = false;
      else *nr = x;
    }
    w->dl[x] = 0;
    w->mark[x] = 0;
  }
  return ok;
}

/* Ejection chains (issue 13): a row over its bound is relieved by giving
 * one block that loads it another of its patterns; where that move
 * overloads one other row by one, that row is relieved in turn, breadth
 * first, and the shortest chain that ends in a move overloading nothing
 * is applied. Near the end of a group's room the next completion is
 * usually a few such moves from the last one, where the min-conflicts
 * search (random, one block at a time) often wanders off. Moves are
 * judged on the loads before the chain, so an applied chain that does not
 * lower the total excess is undone and the search stops. pval becomes the
 * patterns reached (never worse than at the start); true when every
 * linking row holds. Nothing is proved when it fails. */
static bool chain_search(rf *f, const uint32_t *lstart, const uint32_t *tpat,
                         double *pval, double *acc, uint32_t *list, uint64_t max_evals) {
  uint32_t nb = f->nblocks, nl = f->nlinks, npat = f->bfirst[nb];
  uint32_t nv = 0;
  if (!swap_setup(f, pval, acc, list, &nv)) return false;
  rf_swap *w = &f->sw;
  if (!w->cseen) {
    w->cseen = sb_arena_array(f->ar, nl + 1, sizeof(uint32_t));
    w->cpar = sb_arena_array(f->ar, nl + 1, sizeof(uint32_t));
    w->cblk = sb_arena_array(f->ar, nl + 1, sizeof(uint32_t));
    w->cpat = sb_arena_array(f->ar, nl + 1, sizeof(uint32_t));
    w->cdep = sb_arena_array(f->ar, nl + 1, sizeof(uint32_t));
    w->cq = sb_arena_array(f->ar, nl + 1, sizeof(uint32_t));
    if (!w->cseen || !w->cpar || !w->cblk || !w->cpat || !w->cdep || !w->cq) {
      w->cseen = NULL;
      return false;
    }
  }
  uint32_t *cur = w->cur, *pblock = w->pblock;
  uint64_t evals = 0;
  while (nv > 0 && evals < max_evals) {
    if (f->ctx->time_limit_ms && sb_ctx_ms_left(f->ctx) == 0) break;
    if (++w->cstamp == 0) {
      memset(w->cseen, 0, (nl + 1) * sizeof(uint32_t));
      w->cstamp = 1;
    }
    uint32_t v = w->viol[0], qh = 0, qt = 0;
    w->cq[qt++] = v;
    w->cseen[v] = w->cstamp;
    w->cpar[v] = UINT32_MAX;
    w->cdep[v] = 0;
    uint32_t tr = UINT32_MAX, tb = 0, tq = 0;
    while (qh < qt && tr == UINT32_MAX && evals < max_evals) {
      uint32_t r = w->cq[qh++];
      for (uint32_t t = lstart[r]; t < lstart[r + 1] && tr == UINT32_MAX; t++) {
        uint32_t p = tpat[t], b = pblock[p];
        if (cur[b] != p) continue;
        bool used = false;
        for (uint32_t x = r; w->cpar[x] != UINT32_MAX; x = w->cpar[x]) used |= w->cblk[x] == b;
        if (used) continue;
        for (uint32_t q = f->bfirst[b]; q < f->bfirst[b + 1] && evals < max_evals; q++) {
          if (q == p) continue;
          evals++;
          uint32_t nr;
          if (!chain_edge(f, r, p, q, acc, list, &nr)) continue;
          if (nr == UINT32_MAX) {
            tr = r;
            tb = b;
            tq = q;
            break;
          }
          if (w->cseen[nr] != w->cstamp && w->cdep[r] + 1 < RF_CHAIN_DEPTH) {
            w->cseen[nr] = w->cstamp;
            w->cpar[nr] = r;
            w->cblk[nr] = b;
            w->cpat[nr] = q;
            w->cdep[nr] = w->cdep[r] + 1;
            w->cq[qt++] = nr;
          }
        }
      }
    }
    if (tr == UINT32_MAX) break;
    /* The chain, from its last move back to the row it relieves. */
    uint32_t mb[RF_CHAIN_DEPTH + 1], mq[RF_CHAIN_DEPTH + 1], mold[RF_CHAIN_DEPTH + 1], nm = 0;
    mb[nm] = tb;
    mq[nm++] = tq;
    for (uint32_t x = tr; w->cpar[x] != UINT32_MAX; x = w->cpar[x]) {
      mb[nm] = w->cblk[x];
      mq[nm++] = w->cpat[x];
    }
    int64_t before = swap_excess(f, nv);
    for (uint32_t k = 0; k < nm; k++) {
      mold[k] = cur[mb[k]];
      swap_move(f, mb[k], mq[k], &nv, acc, list);
    }
    if (swap_excess(f, nv) >= before) {
      for (uint32_t k = nm; k-- > 0;) swap_move(f, mb[k], mold[k], &nv, acc, list);
      break;
    }
  }
  for (uint32_t p = 0; p < npat; p++) pval[p] = 0;
  for (uint32_t b = 0; b < nb; b++) pval[cur[b]] = 1;
  return nv == 0;
}

/* A min-conflicts search over the patterns' program: each block holds one
 * pattern (first the LP's largest); a move gives one block another of its
 * patterns, the one that most lowers the weighted excess over the linking
 * rows; when no move lowers it, the rows still over weigh more (breakout).
 * True when every linking row holds; pval then marks the patterns held.
 * Nothing is proved when it fails. */
static bool swap_search(rf *f, const uint32_t *lstart, const uint32_t *tpat,
                        double *pval, double *acc, uint32_t *list,
                        uint64_t max_moves) {
  uint32_t nb = f->nblocks, npat = f->bfirst[nb];
  uint32_t nv = 0;
  if (!swap_setup(f, pval, acc, list, &nv)) return false;
  rf_swap *w = &f->sw;
  uint32_t *cur = w->cur, *pblock = w->pblock, *touched = w->touched, *viol = w->viol,
           *cand = w->cand;
  int64_t *wgt = w->wgt, *dl = w->dl;
  uint8_t *mark = w->mark;
  uint64_t *tabu = w->tabu;
  uint64_t seed = 0x9e3779b97f4a7c15ull;
  for (uint64_t it = 1; nv > 0 && it <= max_moves; it++) {
    if ((it & 255) == 0 && f->ctx->time_limit_ms && sb_ctx_ms_left(f->ctx) == 0) break;
    uint32_t l = viol[rf_rnd(&seed) % nv];
    /* The blocks loading row l, not tabu. */
    uint32_t nc = 0;
    for (uint32_t t = lstart[l]; t < lstart[l + 1]; t++) {
      uint32_t b = pblock[tpat[t]];
      if (cur[b] == tpat[t] && tabu[b] <= it) cand[nc++] = b;
    }
    int64_t best = INT64_MAX;
    uint32_t bb = UINT32_MAX, bq = 0;
    for (uint32_t c = 0; c < nc && c < 8; c++) {
      uint32_t k = c + (uint32_t)(rf_rnd(&seed) % (nc - c));
      uint32_t b = cand[k];
      cand[k] = cand[c];
      for (uint32_t q = f->bfirst[b]; q < f->bfirst[b + 1]; q++) {
        if (q == cur[b]) continue;
        uint32_t nt = swap_delta(f, cur[b], q, acc, list);
        int64_t score = 0;
        for (uint32_t t = 0; t < nt; t++) {
          uint32_t r = touched[t];
          score += wgt[r] * rise(w, r);
          dl[r] = 0;
          mark[r] = 0;
        }
        if (score < best) {
          best = score;
          bb = b;
          bq = q;
        }
      }
    }
    if (bb == UINT32_MAX || best >= 0) {
      for (uint32_t v = 0; v < nv; v++) wgt[viol[v]]++;
      if (bb == UINT32_MAX) continue;
    }
    swap_move(f, bb, bq, &nv, acc, list);
    tabu[bb] = it + 2 + rf_rnd(&seed) % 4;
  }
  if (nv > 0) return false;
  for (uint32_t p = 0; p < npat; p++) pval[p] = 0;
  for (uint32_t b = 0; b < nb; b++) pval[cur[b]] = 1;
  return true;
}

/* A feasibility pump over every pattern of the program (Fischetti, Glover
 * and Lodi, 2005): from the LP point for a random objective, each round
 * rounds every pattern at one half and solves the LP nearest that rounding
 * (the L1 distance: -1 on a pattern rounded up, +1 on the others; a block
 * with no pattern over one half is left free); when the rounding repeats,
 * the RF_FLIP / 2 to 3 RF_FLIP / 2 patterns farthest from it are flipped,
 * and every RF_PERTURB rounds it is perturbed at random. Restarted with
 * seeds 1, 2, ... for budgets of the Luby sequence (RF_PUMP_UNIT_MS times
 * 1, 1, 2, 1, 1, 2, 4, ...): it either finds a point within seconds or
 * wanders, so short runs with other seeds beat one long run. On the walls
 * of the dense rosters of bench/leave/REPORT.md (tenth and eleventh
 * passes) it finds points that GLPK's branch and bound does not find in an
 * hour. Its seeds are fixed, so a run repeats itself but for where its
 * time cuts it; nothing is proved when it fails. */
#define RF_FLIP 20
#define RF_PERTURB 100
#define RF_PUMP_UNIT_MS 3000
typedef struct rf_pump {
  rf *f;
  const sb_lp *plp;
  double *pval;
  uint32_t ms;
  uint32_t rounds; /* out: LPs solved */
  bool found;
} rf_pump;

/* The i-th term (from 1) of the Luby sequence 1, 1, 2, 1, 1, 2, 4, ... */
static uint32_t luby(uint32_t i) {
  for (;;) {
    uint32_t k = 1;
    while ((1u << k) - 1 < i) k++;
    if ((1u << k) - 1 == i) return 1u << (k - 1);
    i -= (1u << (k - 1)) - 1;
  }
}

/* True when the 0-1 rounding (one pattern per block, the linking rows
 * within their right sides) is a point of the patterns' program. */
static bool pump_point(const rf *f, const uint8_t *xt, double *load) {
  uint32_t nb = f->nblocks;
  for (uint32_t b = 0; b < nb; b++) {
    uint32_t n = 0;
    for (uint32_t p = f->bfirst[b]; p < f->bfirst[b + 1]; p++) n += xt[p];
    if (n != 1) return false;
  }
  for (uint32_t l = 0; l < f->nlinks; l++) load[l] = 0;
  for (uint32_t p = 0; p < f->bfirst[nb]; p++)
    if (xt[p])
      for (uint32_t k = f->fstart[p]; k < f->fstart[p + 1]; k++) load[f->flink[k]] += f->fval[k];
  for (uint32_t l = 0; l < f->nlinks; l++)
    if (load[l] > SB_VEC_AT(&f->lp->rows, sb_lp_row, f->links[l]).hi + RF_TOL) return false;
  return true;
}

static int pump(sb_ctx *ctx, void *data) {
  rf_pump *u = data;
  rf *f = u->f;
  uint32_t npat = f->bfirst[f->nblocks];
  uint8_t *xt = sb_arena_array(f->ar, npat + 1, 1);
  uint8_t *prev = sb_arena_array(f->ar, npat + 1, 1);
  double *x = sb_arena_array(f->ar, npat + 1, sizeof(double));
  double *load = sb_arena_array(f->ar, f->nlinks + 1, sizeof(double));
  if (!xt || !prev || !x || !load) return sb_err_nomem(ctx->err);
  glp_prob *P = sb_lp_load_glpk(u->plp);
  glp_smcp sm;
  glp_init_smcp(&sm);
  sm.msg_lev = GLP_MSG_OFF;
  double end = sb_now() + u->ms / 1000.0;
  bool failed = false;
  for (uint32_t run = 1; !u->found; run++) {
    double stop = sb_now() + (double)luby(run) * RF_PUMP_UNIT_MS / 1000.0;
    if (stop > end) stop = end;
    uint64_t seed = 0x9e3779b97f4a7c15ull * (run + 1);
    for (uint32_t p = 0; p < npat; p++)
      glp_set_obj_coef(P, (int)p + 1, (double)(rf_rnd(&seed) >> 11) * 0x1p-53);
    for (uint32_t it = 0;; it++) {
      double left = (stop - sb_now()) * 1000.0;
      uint32_t gl = sb_ctx_ms_left(ctx);
      if (left < 1 || gl == 0) break;
      if (gl < left) left = gl;
      sm.tm_lim = left > INT32_MAX ? INT32_MAX : (int)left;
      int rc = sb_glpk_simplex(P, &sm);
      if (rc == GLP_ETMLIM) break; /* the run's time is up */
      if (rc != 0 || glp_get_status(P) != GLP_OPT) {
        failed = true; /* no LP point: another seed would fare no better */
        break;
      }
      u->rounds++;
      bool same = it > 0;
      for (uint32_t p = 0; p < npat; p++) {
        x[p] = glp_get_col_prim(P, (int)p + 1);
        xt[p] = x[p] > 0.5;
        same &= xt[p] == prev[p];
      }
      if (same) {
        /* A cycle: flip the patterns farthest from the rounding, one at
         * a time (prev marks those flipped). */
        uint32_t k = RF_FLIP / 2 + (uint32_t)(rf_rnd(&seed) % RF_FLIP);
        for (uint32_t t = 0; t < k; t++) {
          uint32_t best = UINT32_MAX;
          double bs = -1;
          for (uint32_t p = 0; p < npat; p++) {
            double s = fabs(x[p] - xt[p]);
            if (prev[p] == xt[p] && s > bs) {
              bs = s;
              best = p;
            }
          }
          if (best == UINT32_MAX) break;
          xt[best] ^= 1;
        }
      }
      if (it % RF_PERTURB == RF_PERTURB - 1)
        for (uint32_t p = 0; p < npat; p++) {
          double r = (double)(rf_rnd(&seed) >> 11) * 0x1p-53 - 0.3;
          if (fabs(x[p] - xt[p]) + (r > 0 ? r : 0) > 0.5) xt[p] ^= 1;
        }
      if (pump_point(f, xt, load)) {
        for (uint32_t p = 0; p < npat; p++) u->pval[p] = xt[p];
        u->found = true;
        break;
      }
      memcpy(prev, xt, npat);
      for (uint32_t p = 0; p < npat; p++) glp_set_obj_coef(P, (int)p + 1, xt[p] ? -1 : 1);
    }
    if (failed || sb_now() >= end || sb_ctx_ms_left(ctx) == 0) break;
  }
  glp_delete_prob(P);
  return SENBID_OK;
}

/* The patterns' 0-1 program (sb_lp_solve: GLPK with its feasibility pump,
 * or CBC when chosen). */
static int solve_pattern_ip(sb_ctx *ctx, void *data) {
  rf_lp *q = data;
  int st = GLP_UNDEF;
  bool to = false;
  SB_TRY(sb_lp_solve(ctx, q->plp, false, &st, &to, q->pval, NULL));
  q->point = st == GLP_OPT || st == GLP_FEAS;
  q->none = st == GLP_NOFEAS && !to;
  return SENBID_OK;
}

/* The solver on the patterns' 0-1 program (its cap_ms the budget). The
 * program is the question reformulated (every point holds a pattern of
 * each block, and the linking rows only grow), so the solver's proof that
 * it has no point is as exact as its answer on the whole program (step 6
 * of the gate): where the LP needs no excess, branching settles what no
 * certificate of this form can (the 20,000 group of issue 13: 143
 * nodes). */
static int pattern_ip(sb_ctx *ctx, rf_lp *q, bool *refuted, sb_lp_refute_info *info) {
  SB_TRY(sb_glpk_run(ctx, solve_pattern_ip, q));
  if (q->none) {
    *refuted = true;
    info->by_ip = true;
  }
  return SENBID_OK;
}

/* The certificate in integer arithmetic: true when it proves that no
 * point exists. */
static bool certify(const rf *f, const double *w, double *acc, uint32_t *list,
                    int64_t *wi) {
  bool any = false;
  for (uint32_t l = 0; l < f->nlinks; l++) {
    double v = w[l] > 0 ? w[l] : 0;
    if (!(v <= 1.0 + 1e-6)) v = 1; /* phase one: |dual| <= 1 */
    wi[l] = llround(v * RF_SCALE);
    any |= wi[l] > 0;
  }
  if (!any) return false;
  int64_t room = 0, load = 0;
  for (uint32_t l = 0; l < f->nlinks; l++) {
    const sb_lp_row *row = &SB_VEC_AT(&f->lp->rows, sb_lp_row, f->links[l]);
    int64_t t;
    if (__builtin_mul_overflow(wi[l], (int64_t)row->hi, &t) ||
        __builtin_add_overflow(room, t, &room))
      return false;
  }
  for (uint32_t b = 0; b < f->nblocks; b++) {
    int64_t least = INT64_MAX;
    for (uint32_t p = f->bfirst[b]; p < f->bfirst[b + 1]; p++) {
      uint32_t n = footprint(f, p, acc, list);
      int64_t s = 0;
      bool ovf = false;
      for (uint32_t k = 0; k < n; k++) {
        int64_t t;
        ovf |= __builtin_mul_overflow(wi[list[k]], (int64_t)acc[list[k]], &t) ||
               __builtin_add_overflow(s, t, &s);
        acc[list[k]] = 0;
      }
      if (ovf) return false;
      if (s < least) least = s;
    }
    if (__builtin_add_overflow(load, least, &load)) return false;
  }
  return load > room;
}

/* The certificate's weights, by row of the program, into cert. */
static void cert_out(const rf *f, const int64_t *wi, double *cert) {
  if (!cert) return;
  for (uint32_t r = 0; r < f->nr; r++) cert[r] = 0;
  for (uint32_t l = 0; l < f->nlinks; l++) cert[f->links[l]] = (double)wi[l] / RF_SCALE;
}

/* The patterns' LP (refuted by its certificate, cert out), then, when it
 * needs no excess and a point is wanted, the patterns' 0-1 program: the
 * swapping search from the LP's largest patterns, the solver (a point in
 * q, or refuted by its proof), the pump. */
static int search_patterns(sb_ctx *ctx, rf *f, rf_lp *q, sb_lp *plp, bool want_point,
                           const uint32_t *lstart, const uint32_t *tpat, double *acc,
                           uint32_t *list, int64_t *wi, double *cert, bool *refuted,
                           sb_lp_refute_info *info) {
  uint32_t npat = f->bfirst[f->nblocks];
  SB_TRY(sb_glpk_run(ctx, solve_pattern_lp, q));
  info->timed_out = q->timed_out;
  info->lp_solved = q->solved;
  info->excess = q->obj;
  if (q->solved && q->obj > 0 && certify(f, q->w, acc, list, wi)) {
    *refuted = true;
    cert_out(f, wi, cert);
  }
  if (!q->solved || q->obj > 1e-9 || !q->ip_ms || !want_point) return SENBID_OK;
  /* No excess needed: the whole program, each block taking one pattern,
   * the excesses fixed at 0. */
  for (uint32_t l = 0; l < f->nlinks; l++) sb_lp_col_bounds(plp, npat + l, 0, 0);
  bool pfound = false;
  if (!f->lp->pump_first && !f->lp->no_lp_swap) {
    pfound = swap_search(f, lstart, tpat, q->pval, acc, list,
                         50 * (uint64_t)f->nblocks + 50000);
    info->lp_swap_run = true;
    info->lp_swap_found = pfound;
  }
  plp->fpump = true;
  /* Most fractional branching: 1.4x on a dense roster of 150 (27.2 s to
   * 18.8 s, bench/leave/REPORT.md, eighth pass); GLPK's default spends
   * seconds choosing each branch on the largest of these programs. */
  plp->mfv = true;
  plp->cap_ms = q->ip_ms;
  if (!pfound && !f->lp->pump_first) {
    /* The solver first, with the whole budget. Past the wall of the
     * 20,000 group it settles in 1-17 s (a point, or a proof that there
     * is none) every question the pump was tried on: over three traced
     * runs the pump, run after a brief (5 s) try of the solver, settled
     * none of the 8 questions the solver then settled in 7-17 s (6
     * points, 2 proofs). */
    SB_TRY(pattern_ip(ctx, q, refuted, info));
    if (*refuted) return SENBID_OK;
    pfound = q->point;
    info->ip_first = pfound;
  }
  if (!pfound) {
    /* A search of another kind where the solver gave out (or, with
     * pump_first, before it). */
    rf_pump pm = {f, plp, q->pval, q->ip_ms, 0, false};
    SB_TRY(sb_glpk_run(ctx, pump, &pm));
    pfound = pm.found;
    info->pumped = pm.rounds;
  }
  info->jump = pfound && !info->ip_first;
  if (pfound) {
    q->point = true;
    return SENBID_OK;
  }
  if (!f->lp->pump_first) return SENBID_OK; /* inconclusive */
  return pattern_ip(ctx, q, refuted, info);
}

/* Each block's pattern that agrees most with start (a 0-1 value per
 * column), marked 1 in pval (the rest 0). */
static void patterns_of(const rf *f, const double *start, double *pval) {
  const uint32_t *pc = f->pcols.data, *ps = f->pstart.data;
  for (uint32_t b = 0; b < f->nblocks; b++) {
    uint32_t best = f->bfirst[b];
    int64_t best_score = INT64_MIN;
    for (uint32_t p = f->bfirst[b]; p < f->bfirst[b + 1]; p++) {
      int64_t score = 0;
      for (uint32_t k = ps[p]; k < ps[p + 1]; k++) score += start[pc[k]] > 0.5 ? 1 : -1;
      pval[p] = 0;
      if (score > best_score) {
        best_score = score;
        best = p;
      }
    }
    pval[best] = 1;
  }
}

int sb_lp_patterns(sb_ctx *ctx, const sb_lp *lp, uint32_t max_per_block,
                   uint32_t max_total, uint32_t ip_ms, const double *start,
                   double *x, double *cert, uint32_t ncert, bool *refuted,
                   bool *found, sb_lp_refute_info *info) {
  *refuted = false;
  *found = false;
  sb_lp_refute_info dummy;
  if (!info) info = &dummy;
  memset(info, 0, sizeof *info);
  if (lp->oom) return sb_err_nomem(ctx->err);
  sb_arena ar;
  sb_arena_init(&ar, ctx->scratch.alloc);
  rf f = {.lp = lp, .ar = &ar, .nc = sb_lp_ncols(lp), .nr = sb_lp_nrows(lp), .ctx = ctx};
  sb_vec_init(&f.pcols, ctx->scratch.alloc, sizeof(uint32_t));
  sb_vec_init(&f.pstart, ctx->scratch.alloc, sizeof(uint32_t));
  sb_lp plp;
  sb_lp_init(&plp, ctx->scratch.alloc);
  int rc = SENBID_OK;
  f.block = sb_arena_array(&ar, f.nc + 1, sizeof(int32_t));
  f.rkind = sb_arena_array(&ar, f.nr + 1, 1);
  f.bcover = sb_arena_array(&ar, f.nr + 1, sizeof(uint32_t));
  f.bfirst = sb_arena_array(&ar, f.nr + 2, sizeof(uint32_t));
  f.links = sb_arena_array(&ar, f.nr + 1, sizeof(uint32_t));
  f.lpos = sb_arena_array(&ar, f.nr + 1, sizeof(uint32_t));
  f.act = sb_arena_array(&ar, f.nr + 1, sizeof(double));
  if (!f.block || !f.rkind || !f.bcover || !f.bfirst || !f.links || !f.lpos ||
      !f.act || sb_lp_columns(lp, &ar, &f.cstart, &f.crow, &f.cval) < 0) {
    rc = sb_err_nomem(ctx->err);
    goto done;
  }
  if (f.nc == 0 || !classify(&f)) goto done;
  info->applicable = true;
  info->blocks = f.nblocks;
  info->links = f.nlinks;
  if (!enumerate(&f, max_per_block, max_total)) {
    if (f.oom) rc = sb_err_nomem(ctx->err);
    info->over_cap = f.over;
    info->timed_out = f.timed_out;
    info->patterns = (uint32_t)f.pstart.len - 1;
    goto done;
  }
  uint32_t npat = f.bfirst[f.nblocks];
  info->patterns = npat;
  for (uint32_t b = 0; b < f.nblocks; b++)
    if (f.bfirst[b] == f.bfirst[b + 1]) {
      /* A block with no pattern: the enumeration is complete, so no point
       * exists (exact without an LP). */
      *refuted = true;
      goto done;
    }
  /* The phase-one LP: columns are the patterns, then one excess per
   * linking row (objective 1); rows: one per block (= 1), then one per
   * linking row (<= hi). Built row by row: the patterns of each linking
   * row first (a transpose of the footprints). */
  double *acc = sb_arena_array(&ar, f.nlinks + 1, sizeof(double));
  uint32_t *list = sb_arena_array(&ar, f.nlinks + 1, sizeof(uint32_t));
  uint32_t *lstart = sb_arena_array(&ar, f.nlinks + 2, sizeof(uint32_t));
  double *w = sb_arena_array(&ar, f.nlinks + 1, sizeof(double));
  double *pval = sb_arena_array(&ar, npat + f.nlinks + 1, sizeof(double));
  int64_t *wi = sb_arena_array(&ar, f.nlinks + 1, sizeof(int64_t));
  if (!acc || !list || !lstart || !w || !pval || !wi) {
    rc = sb_err_nomem(ctx->err);
    goto done;
  }
  info->hints = cert ? ncert : 0;
  for (uint32_t h = 0; cert && h < ncert; h++) {
    /* The caller's weights first (certificates of earlier, similar
     * programs, in order): checked exactly like the LP's, and no LP when
     * one refutes. */
    const double *hw = cert + (size_t)h * f.nr;
    bool any = false;
    for (uint32_t l = 0; l < f.nlinks; l++) {
      w[l] = hw[f.links[l]];
      any |= w[l] > 0;
    }
    if (any && certify(&f, w, acc, list, wi)) {
      *refuted = true;
      info->by_hint = h + 1;
      cert_out(&f, wi, cert);
      goto done;
    }
  }
  uint32_t *fstart = sb_arena_array(&ar, npat + 1, sizeof(uint32_t));
  if (!fstart) {
    rc = sb_err_nomem(ctx->err);
    goto done;
  }
  for (uint32_t p = 0; p < npat; p++) {
    uint32_t n = footprint(&f, p, acc, list);
    fstart[p + 1] = fstart[p] + n;
    for (uint32_t k = 0; k < n; k++) {
      lstart[list[k] + 1]++;
      acc[list[k]] = 0;
    }
  }
  for (uint32_t l = 0; l < f.nlinks; l++) lstart[l + 1] += lstart[l];
  uint32_t nt = lstart[f.nlinks];
  uint32_t *tpat = sb_arena_array(&ar, nt + 1, sizeof(uint32_t));
  double *tval = sb_arena_array(&ar, nt + 1, sizeof(double));
  uint32_t *fill = sb_arena_array(&ar, f.nlinks + 1, sizeof(uint32_t));
  uint32_t *flink = sb_arena_array(&ar, nt + 1, sizeof(uint32_t));
  double *fval = sb_arena_array(&ar, nt + 1, sizeof(double));
  if (!tpat || !tval || !fill || !flink || !fval) {
    rc = sb_err_nomem(ctx->err);
    goto done;
  }
  memcpy(fill, lstart, f.nlinks * sizeof(uint32_t));
  for (uint32_t p = 0; p < npat; p++) {
    uint32_t n = footprint(&f, p, acc, list);
    for (uint32_t k = 0; k < n; k++) {
      uint32_t at = fill[list[k]]++;
      tpat[at] = p;
      tval[at] = acc[list[k]];
      flink[fstart[p] + k] = list[k];
      fval[fstart[p] + k] = acc[list[k]];
      acc[list[k]] = 0;
    }
  }
  f.fstart = fstart;
  f.flink = flink;
  f.fval = fval;
  for (uint32_t p = 0; p < npat; p++)
    sb_lp_col_add(&plp, SB_LP_BINARY, 0, 1, 0, NULL);
  for (uint32_t l = 0; l < f.nlinks; l++)
    sb_lp_col_add(&plp, SB_LP_CONTINUOUS, 0, HUGE_VAL, 1, NULL);
  for (uint32_t b = 0; b < f.nblocks; b++) {
    sb_lp_row_begin(&plp, NULL);
    for (uint32_t p = f.bfirst[b]; p < f.bfirst[b + 1]; p++) sb_lp_term(&plp, p, 1);
    sb_lp_row_end(&plp, 1, 1);
  }
  for (uint32_t l = 0; l < f.nlinks; l++) {
    sb_lp_row_begin(&plp, NULL);
    for (uint32_t t = lstart[l]; t < lstart[l + 1]; t++) sb_lp_term(&plp, tpat[t], tval[t]);
    sb_lp_term(&plp, npat + l, -1);
    sb_lp_row_end(&plp, -HUGE_VAL, SB_VEC_AT(&lp->rows, sb_lp_row, f.links[l]).hi);
  }
  if (plp.oom) {
    rc = sb_err_nomem(ctx->err);
    goto done;
  }
  rf_lp q = {&plp, f.nlinks, f.nblocks, npat, ip_ms, w, pval, 0, false, false, false, false, NULL, NULL};
  /* From the caller's start first, briefly: a question that has a
   * completion near the last one is settled without the LP, which on a
   * dense roster of 1,000 costs seconds (50,000 patterns). */
  if (start && ip_ms && x) {
    patterns_of(&f, start, pval);
    info->chain = chain_search(&f, lstart, tpat, pval, acc, list, 20 * (uint64_t)npat + 100000);
    if (!info->chain && !lp->no_start_swap) {
      info->start_swap_run = true;
      info->start_swap_found = swap_search(&f, lstart, tpat, pval, acc, list,
                                           10 * (uint64_t)f.nblocks + 10000);
    }
    q.point = info->start = info->chain || info->start_swap_found;
  }
  q.rstat = sb_arena_array(&ar, f.nblocks + f.nlinks + 1, sizeof(int));
  q.cstat = sb_arena_array(&ar, npat + f.nlinks + 1, sizeof(int));
  if (!q.rstat || !q.cstat) {
    rc = sb_err_nomem(ctx->err);
    goto done;
  }
  if (start && ip_ms && x) {
    /* The LP starts from the basis of the start's patterns (pval: one per
     * block; chain_search writes back its improvement, swap_search
     * nothing when it fails): one basic pattern per block and every
     * linking row's slack basic, triangular, so a basis. The start is a
     * completion of the last question, so only the rows the new grant
     * filled are off and the simplex has little left to do (on the
     * 20,000 group past its wall, 0.08 s a solve instead of 1.0 s from
     * GLPK's standard basis). */
    for (uint32_t b = 0; b < f.nblocks; b++) q.rstat[b] = GLP_NS;
    for (uint32_t l = 0; l < f.nlinks; l++) q.rstat[f.nblocks + l] = GLP_BS;
    for (uint32_t p = 0; p < npat; p++) q.cstat[p] = pval[p] > 0.5 ? GLP_BS : GLP_NL;
    for (uint32_t l = 0; l < f.nlinks; l++) q.cstat[npat + l] = GLP_NL;
    plp.rstat = q.rstat;
    plp.cstat = q.cstat;
  }
  if (!q.point)
    rc = search_patterns(ctx, &f, &q, &plp, x != NULL, lstart, tpat, acc, list, wi, cert,
                         refuted, info);
  if (rc < 0) goto done;
  if (q.point && x) {
    /* The chosen patterns' columns; checked against every row, so a
     * point is only ever reported when it is one. */
    const uint32_t *pc = f.pcols.data, *ps = f.pstart.data;
    for (uint32_t j = 0; j < f.nc; j++) x[j] = 0;
    for (uint32_t p = 0; p < npat; p++)
      if (pval[p] > 0.5)
        for (uint32_t k = ps[p]; k < ps[p + 1]; k++) x[pc[k]] = 1;
    *found = sb_lp_satisfies(lp, x);
    info->point = true;
  }
done:
  sb_lp_free(&plp);
  sb_vec_free(&f.pcols);
  sb_vec_free(&f.pstart);
  sb_arena_free(&ar);
  return rc;
}
