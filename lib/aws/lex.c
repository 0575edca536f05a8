/* Lexicographic AWS (SPEC section 9 "Lexicographic / AWS"): the seniority
 * pass where a tentative approval is kept only if the employees still to be
 * decided can complete the office so that every office.min_type is met.
 *
 * A completion gives each undecided employee one of their valid options or
 * their fallback (VWS, or CWS_4_9_4 when grandfathered); max_type and
 * max_off count approved schedules, min_type every final schedule.
 *
 * Exactness: every answer is a certificate (a completion found) or a proof
 * (a bound that cannot be met); the 0-1 integer program (GLPK) decides
 * whatever the cheap tests leave open. We hold a witness, one known
 * completion, built greedily at the start. A tentative award equal to the
 * witness's choice, or that swaps into it without breaking a bound, needs
 * nothing more; a counting bound proves most refusals in O(1); one- and
 * two-step repairs of the witness find most other completions. doc/aws.md
 * ("How it is solved") gives the whole sequence; tests/aws compares it
 * with exhaustive enumeration. */
#include <glpk.h>
#include <stdio.h>
#include <string.h>

#include "../lp/model.h"
#include "aws.h"

#define NSLOT AWS_NSLOT

struct aws_lex {
  sb_ctx *ctx;
  const aws_data *d;
  uint32_t n;
  aws_choice **ch; /* per employee: distinct valid choices, fallback last */
  uint8_t *nch;
  uint8_t *wit;     /* witness choice per employee */
  bool *fixed;      /* decided, or a single choice (the fallback) */
  int64_t F_appr[AWS_NTYPES], F_final[AWS_NTYPES], F_off[NSLOT];
  int64_t W_appr[AWS_NTYPES], W_final[AWS_NTYPES], W_off[NSLOT];
  bool wit_ok;
  bool timed_out;
  /* Per type, over the undecided employees: how many have it as their
   * fallback (A), and how many do not but have an approved choice of it
   * (B). They bound each type's count in O(1). */
  int64_t A[AWS_NTYPES], B[AWS_NTYPES];
  /* column buffers, sized for the first (largest) model */
  uint32_t *col_emp;
  uint8_t *col_k;
  size_t cap_cols;
  double *x;    /* GLPK's solution, per column */
  uint8_t *sol; /* per column (1-based): 1 when chosen */
};

/* ------------------------------------------------------------- counting */

typedef struct totals {
  int64_t appr[AWS_NTYPES], fin[AWS_NTYPES], off[NSLOT];
} totals;

static void add_choice(int64_t *appr, int64_t *fin, int64_t *off,
                       const aws_choice *c, int sign) {
  fin[c->type] += sign;
  if (!c->approved) return;
  appr[c->type] += sign;
  for (int b = 0; b < NSLOT; b++)
    if (c->off & (1u << b)) off[b] += sign;
}

static bool satisfies(const aws_data *d, const int64_t *appr,
                      const int64_t *fin, const int64_t *off) {
  for (int t = 0; t < AWS_NTYPES; t++) {
    if (d->max_type[t] != AWS_NONE && appr[t] > d->max_type[t]) return false;
    if (fin[t] < d->min_type[t]) return false;
  }
  for (int b = 0; b < NSLOT; b++) {
    int64_t m = d->max_off[b % 7];
    if (m != AWS_NONE && off[b] > m) return false;
  }
  return true;
}

static int choice_index(const aws_lex *lx, uint32_t emp, aws_choice c) {
  for (int k = 0; k < lx->nch[emp]; k++) {
    const aws_choice *x = &lx->ch[emp][k];
    if (x->type == c.type && x->approved == c.approved && x->off == c.off)
      return k;
  }
  return -1;
}

static void witness_totals(aws_lex *lx) {
  memcpy(lx->W_appr, lx->F_appr, sizeof lx->W_appr);
  memcpy(lx->W_final, lx->F_final, sizeof lx->W_final);
  memcpy(lx->W_off, lx->F_off, sizeof lx->W_off);
  for (uint32_t j = 0; j < lx->n; j++)
    if (!lx->fixed[j])
      add_choice(lx->W_appr, lx->W_final, lx->W_off, &lx->ch[j][lx->wit[j]],
                 1);
}

/* Adds (sign 1) or removes (-1) an undecided employee from A and B. */
static void count_undecided(aws_lex *lx, uint32_t j, int sign) {
  const aws_choice *c = lx->ch[j];
  int n = lx->nch[j];
  int fb = c[n - 1].type;
  lx->A[fb] += sign;
  bool seen[AWS_NTYPES] = {false};
  for (int k = 0; k + 1 < n; k++) {
    int t = c[k].type;
    if (t != fb && !seen[t]) {
      seen[t] = true;
      lx->B[t] += sign;
    }
  }
}

/* An upper bound on the number of final schedules of type t over the
 * undecided employees counted in A and B plus the decided ones, with
 * `taken` more approvals of t already made: every undecided employee whose
 * fallback is t, and those who could be approved for t up to max_type. */
static int64_t counted_bound(const aws_lex *lx, int t, int64_t taken) {
  const aws_data *d = lx->d;
  int64_t b = lx->B[t];
  if (d->max_type[t] != AWS_NONE) {
    int64_t room = d->max_type[t] - lx->F_appr[t] - taken;
    if (room < 0) room = 0;
    if (b > room) b = room;
  }
  return lx->F_final[t] + lx->A[t] + b;
}

/* The same once emp takes c. */
static int64_t type_bound(aws_lex *lx, uint32_t emp, aws_choice c, int t) {
  count_undecided(lx, emp, -1);
  int64_t ub = counted_bound(lx, t, c.approved && c.type == t) + (c.type == t);
  count_undecided(lx, emp, 1);
  return ub;
}

static bool maxima_ok(const aws_data *d, const int64_t *appr,
                      const int64_t *off) {
  for (int t = 0; t < AWS_NTYPES; t++)
    if (d->max_type[t] != AWS_NONE && appr[t] > d->max_type[t]) return false;
  for (int b = 0; b < NSLOT; b++)
    if (d->max_off[b % 7] != AWS_NONE && off[b] > d->max_off[b % 7])
      return false;
  return true;
}

/* How far totals are from every bound (0: a completion). */
static int64_t violation(const aws_data *d, const int64_t *appr,
                         const int64_t *fin, const int64_t *off) {
  int64_t v = 0;
  for (int t = 0; t < AWS_NTYPES; t++) {
    if (d->max_type[t] != AWS_NONE && appr[t] > d->max_type[t])
      v += appr[t] - d->max_type[t];
    if (fin[t] < d->min_type[t]) v += d->min_type[t] - fin[t];
  }
  for (int b = 0; b < NSLOT; b++) {
    int64_t m = d->max_off[b % 7];
    if (m != AWS_NONE && off[b] > m) v += off[b] - m;
  }
  return v;
}

static void adopt_totals(aws_lex *lx, const int64_t *appr, const int64_t *fin,
                         const int64_t *off) {
  memcpy(lx->W_appr, appr, sizeof lx->W_appr);
  memcpy(lx->W_final, fin, sizeof lx->W_final);
  memcpy(lx->W_off, off, sizeof lx->W_off);
}

/* Tries to keep a completion by changing one other undecided employee's
 * witness choice (other than emp and skip2). On success the change is
 * made in wit[] and the totals, which then satisfy every bound. */
static bool repair_one(aws_lex *lx, uint32_t emp, int64_t skip2,
                       int64_t *appr, int64_t *fin, int64_t *off) {
  /* most junior first: senior employees' witness choices stay what they
   * will ask for, so their turns need no repair */
  const uint32_t *order = lx->ctx->p->sen.order;
  for (uint32_t r = lx->n; r-- > 0;) {
    uint32_t j = order[r];
    if (lx->fixed[j] || j == emp || (int64_t)j == skip2) continue;
    const aws_choice *w = &lx->ch[j][lx->wit[j]];
    add_choice(appr, fin, off, w, -1);
    for (int a = 0; a < lx->nch[j]; a++) {
      if (a == lx->wit[j]) continue;
      const aws_choice *x = &lx->ch[j][a];
      add_choice(appr, fin, off, x, 1);
      if (satisfies(lx->d, appr, fin, off)) {
        lx->wit[j] = (uint8_t)a;
        return true;
      }
      add_choice(appr, fin, off, x, -1);
    }
    add_choice(appr, fin, off, w, 1);
  }
  return false;
}

/* An ejection chain of length two: a change that lessens the violation,
 * then one that removes it. At most `budget` first steps are tried; the
 * integer program remains the exact answer when this finds nothing. */
static bool repair_two(aws_lex *lx, uint32_t emp, int64_t *appr,
                       int64_t *fin, int64_t *off, int budget) {
  int64_t v0 = violation(lx->d, appr, fin, off);
  const uint32_t *order = lx->ctx->p->sen.order;
  for (uint32_t r = lx->n; r-- > 0 && budget > 0;) {
    uint32_t j = order[r];
    if (lx->fixed[j] || j == emp) continue;
    uint8_t wj = lx->wit[j];
    const aws_choice *w = &lx->ch[j][wj];
    add_choice(appr, fin, off, w, -1);
    for (int a = 0; a < lx->nch[j] && budget > 0; a++) {
      if (a == wj) continue;
      const aws_choice *x = &lx->ch[j][a];
      add_choice(appr, fin, off, x, 1);
      if (violation(lx->d, appr, fin, off) < v0) {
        budget--;
        if (repair_one(lx, emp, j, appr, fin, off)) {
          lx->wit[j] = (uint8_t)a;
          return true;
        }
      }
      add_choice(appr, fin, off, x, -1);
    }
    add_choice(appr, fin, off, w, 1);
  }
  return false;
}

/* ---------------------------------------------------------------- model */

enum { MODE_FEAS, MODE_MAX };

typedef struct job {
  aws_lex *lx;
  int mode, type;
  int64_t skip; /* employee whose choice is `extra`, or -1 */
  aws_choice extra;
  bool named;   /* names for the LP text (export-lp) */
  bool feasible;
  int64_t value; /* MODE_MAX: the maximum */
  uint8_t *sol;  /* per column (1-based): 1 when chosen */
} job;

/* A row over the columns whose choice matches (type t, approved only when
 * `appr`, a day-off bit b when b >= 0). */
static void bound_row(sb_lp *lp, const aws_lex *lx, uint32_t ncols, int t,
                      bool appr, int b, const char *name, double lo,
                      double hi) {
  sb_lp_row_begin(lp, name);
  for (uint32_t c = 1; c <= ncols; c++) {
    const aws_choice *x = &lx->ch[lx->col_emp[c]][lx->col_k[c]];
    if (t >= 0 && x->type != t) continue;
    if (appr && !x->approved) continue;
    if (b >= 0 && !(x->off & (1u << b))) continue;
    sb_lp_term(lp, c - 1, 1);
  }
  sb_lp_row_end(lp, lo, hi);
}

/* The model over the undecided employees other than `skip`, with the
 * fixed part (and `extra`, the tentative choice) moved to the right-hand
 * sides: binary x_j_k when employee j takes choice k. MODE_FEAS: one
 * choice each, every max_type, min_type and max_off a row. MODE_MAX drops
 * the minimums and maximises the schedules of type `type`. */
static void build(job *J, sb_lp *lp) {
  aws_lex *lx = J->lx;
  const aws_data *d = lx->d;
  int64_t appr[AWS_NTYPES], fin[AWS_NTYPES], off[NSLOT];
  memcpy(appr, lx->F_appr, sizeof appr);
  memcpy(fin, lx->F_final, sizeof fin);
  memcpy(off, lx->F_off, sizeof off);
  if (J->skip >= 0) add_choice(appr, fin, off, &J->extra, 1);
  bool maxm = J->mode == MODE_MAX;
  char name[64];

  /* Columns. MODE_MAX keeps only the columns of type `type`: everyone
   * else may take a fallback, which touches no maximum, and an undecided
   * employee whose fallback is that type counts for free. */
  int64_t free_t = 0;
  uint32_t ncols = 0;
  for (uint32_t j = 0; j < lx->n; j++) {
    if (lx->fixed[j] || (int64_t)j == J->skip) continue;
    if (maxm && lx->ch[j][lx->nch[j] - 1].type == J->type) {
      free_t++;
      continue;
    }
    for (int k = 0; k < lx->nch[j]; k++) {
      const aws_choice *c = &lx->ch[j][k];
      if (maxm && (c->type != J->type || !c->approved)) continue;
      ncols++; /* 1-based */
      lx->col_emp[ncols] = j;
      lx->col_k[ncols] = (uint8_t)k;
      if (J->named) snprintf(name, sizeof name, "x_%u_%d", j, k);
      sb_lp_col_add(lp, SB_LP_BINARY, 0, 1, maxm ? 1 : 0,
                    J->named ? name : NULL);
    }
  }
  lp->maximize = maxm;
  lp->obj_const = maxm ? (double)(fin[J->type] + free_t) : 0;

  /* One row per employee: exactly one choice (MODE_MAX: at most one). */
  for (uint32_t c = 1; c <= ncols;) {
    uint32_t j = lx->col_emp[c];
    if (J->named) snprintf(name, sizeof name, "one_%u", j);
    sb_lp_row_begin(lp, J->named ? name : NULL);
    for (; c <= ncols && lx->col_emp[c] == j; c++) sb_lp_term(lp, c - 1, 1);
    sb_lp_row_end(lp, maxm ? -HUGE_VAL : 1, 1);
  }
  for (int t = 0; t < AWS_NTYPES; t++) {
    if (d->max_type[t] != AWS_NONE) {
      snprintf(name, sizeof name, "max_type_%s", aws_type_names[t]);
      bound_row(lp, lx, ncols, t, true, -1, J->named ? name : NULL, -HUGE_VAL,
                (double)(d->max_type[t] - appr[t]));
    }
    if (!maxm && d->min_type[t] > 0) {
      snprintf(name, sizeof name, "min_type_%s", aws_type_names[t]);
      bound_row(lp, lx, ncols, t, false, -1, J->named ? name : NULL,
                (double)(d->min_type[t] - fin[t]), HUGE_VAL);
    }
  }
  for (int b = 0; b < NSLOT; b++) {
    if (d->max_off[b % 7] == AWS_NONE) continue;
    snprintf(name, sizeof name, "max_off_w%d_%s", b / 7 + 1,
             sb_weekday_name(b % 7));
    bound_row(lp, lx, ncols, -1, true, b, J->named ? name : NULL, -HUGE_VAL,
              (double)(d->max_off[b % 7] - off[b]));
  }
}

/* A model without columns: every row must hold at zero. */
static void solve_empty(job *J, const sb_lp *lp) {
  J->feasible = true;
  for (uint32_t r = 0; r < sb_lp_nrows(lp); r++) {
    const sb_lp_row *rw = &SB_VEC_AT(&lp->rows, sb_lp_row, r);
    if (rw->lo > 0 || rw->hi < 0) J->feasible = false;
  }
  J->value = (int64_t)lp->obj_const;
}

static int glpk_job(sb_ctx *ctx, void *data) {
  job *J = data;
  aws_lex *lx = J->lx;
  sb_lp lp;
  sb_lp_init(&lp, &ctx->p->alloc);
  build(J, &lp);
  int rc = SENBID_OK;
  if (lp.oom) {
    rc = sb_err_nomem(ctx->err);
  } else if (sb_lp_ncols(&lp) == 0) {
    solve_empty(J, &lp);
  } else {
    int status = GLP_UNDEF;
    bool timed_out = false;
    double v = 0;
    rc = sb_lp_solve(ctx, &lp, false, &status, &timed_out, lx->x, &v);
    if (rc == SENBID_OK) {
      if (timed_out) lx->timed_out = true;
      J->feasible = status == GLP_OPT || status == GLP_FEAS;
      if (J->feasible) {
        J->value = (int64_t)(v + 0.5);
        for (uint32_t c = 0; c < sb_lp_ncols(&lp); c++)
          J->sol[c + 1] = lx->x[c] > 0.5;
      }
    }
  }
  sb_lp_free(&lp);
  return rc;
}

static int model_buffers(aws_lex *lx);

static int run_job(aws_lex *lx, job *J) {
  SB_TRY(model_buffers(lx));
  J->lx = lx;
  J->feasible = false;
  J->value = 0;
  J->sol = lx->sol;
  memset(J->sol, 0, lx->cap_cols + 1);
  return sb_glpk_run(lx->ctx, glpk_job, J);
}

/* Adopts a feasible solution as the new witness. */
static void adopt(aws_lex *lx, const job *J) {
  for (size_t c = 1; c <= lx->cap_cols; c++) {
    if (!J->sol[c]) continue;
    lx->wit[lx->col_emp[c]] = lx->col_k[c];
  }
  witness_totals(lx);
  lx->wit_ok = true;
}

/* A packing of type-t approvals, in seniority order, under the maxima:
 * a lower bound on the most schedules of type t once emp (or none, -1)
 * takes c. */
static int64_t type_greedy(aws_lex *lx, int64_t emp, const aws_choice *c,
                           int t) {
  const aws_data *d = lx->d;
  const uint32_t *order = lx->ctx->p->sen.order;
  int64_t appr[AWS_NTYPES], fin[AWS_NTYPES], off[NSLOT];
  memcpy(appr, lx->F_appr, sizeof appr);
  memcpy(fin, lx->F_final, sizeof fin);
  memcpy(off, lx->F_off, sizeof off);
  if (emp >= 0) add_choice(appr, fin, off, c, 1);
  for (uint32_t r = 0; r < lx->n; r++) {
    uint32_t j = order[r];
    if (lx->fixed[j] || (int64_t)j == emp) continue;
    const aws_choice *fb = &lx->ch[j][lx->nch[j] - 1];
    if (fb->type == t) {
      fin[t]++;
      continue;
    }
    for (int k = 0; k + 1 < lx->nch[j]; k++) {
      const aws_choice *x = &lx->ch[j][k];
      if (x->type != t) continue;
      add_choice(appr, fin, off, x, 1);
      if (maxima_ok(d, appr, off)) break;
      add_choice(appr, fin, off, x, -1);
    }
  }
  return fin[t];
}

/* The most final schedules of type t under the maxima alone, once emp (or
 * none, -1) takes c: exact. The counting bound and the greedy packing
 * settle it when they meet; otherwise GLPK. */
static int type_max(aws_lex *lx, int64_t emp, aws_choice c, int t,
                    int64_t *out) {
  int64_t ub = emp >= 0 ? type_bound(lx, (uint32_t)emp, c, t)
                        : counted_bound(lx, t, 0);
  int64_t lb = type_greedy(lx, emp, &c, t);
  if (lb >= ub) {
    *out = lb;
    return SENBID_OK;
  }
  job M = {0};
  M.mode = MODE_MAX;
  M.type = t;
  M.skip = emp;
  M.extra = c;
  SB_TRY(run_job(lx, &M));
  *out = M.feasible ? M.value : lb;
  return SENBID_OK;
}

/* ---------------------------------------------------------------- setup */

static int lex_setup(sb_ctx *ctx, const aws_data *d, aws_lex **out) {
  const senbid_problem *p = ctx->p;
  sb_arena *ar = &ctx->scratch;
  aws_lex *lx = sb_arena_alloc(ar, sizeof *lx);
  if (!lx) return sb_err_nomem(ctx->err);
  lx->ctx = ctx;
  lx->d = d;
  lx->n = p->nemps;
  lx->ch = sb_arena_array(ar, (size_t)lx->n + 1, sizeof(aws_choice *));
  lx->nch = sb_arena_alloc(ar, (size_t)lx->n + 1);
  lx->wit = sb_arena_alloc(ar, (size_t)lx->n + 1);
  lx->fixed = sb_arena_array(ar, (size_t)lx->n + 1, sizeof(bool));
  if (!lx->ch || !lx->nch || !lx->wit || !lx->fixed)
    return sb_err_nomem(ctx->err);
  size_t cols = 0;
  for (uint32_t j = 0; j < lx->n; j++) {
    const aws_emp *e = &d->emps[j];
    uint32_t nopts = e->req != AWS_NONE ? d->reqs[e->req].nopts : 0;
    aws_choice *c = sb_arena_array(ar, (size_t)nopts + 1, sizeof(aws_choice));
    if (!c) return sb_err_nomem(ctx->err);
    int k = 0;
    for (uint32_t i = 0; i < nopts; i++) {
      const aws_opt *o = &d->reqs[e->req].opts[i];
      if (aws_validate(d, e, o, NULL, 0) != AWS_OK) continue;
      aws_choice x = {o->type, true, aws_opt_days_off(o)};
      bool dup = false;
      for (int q = 0; q < k; q++)
        if (c[q].type == x.type && c[q].off == x.off) dup = true;
      if (!dup) c[k++] = x;
    }
    c[k++] = (aws_choice){e->grandfathered ? AWS_CWS_4_9_4 : AWS_VWS, false,
                          0};
    lx->ch[j] = c;
    lx->nch[j] = (uint8_t)k;
    lx->wit[j] = (uint8_t)(k - 1);
    if (k == 1) {
      lx->fixed[j] = true;
      add_choice(lx->F_appr, lx->F_final, lx->F_off, &c[0], 1);
    } else {
      cols += (size_t)k;
      count_undecided(lx, j, 1);
    }
  }
  lx->cap_cols = cols;
  *out = lx;
  return SENBID_OK;
}

/* The column buffers, made on first use: most offices never need them. */
static int model_buffers(aws_lex *lx) {
  if (lx->sol) return SENBID_OK;
  sb_ctx *ctx = lx->ctx;
  sb_arena *ar = &ctx->scratch;
  size_t cols = lx->cap_cols;
  if (cols > (size_t)INT32_MAX / 8)
    return sb_err_set(ctx->err, SENBID_E_LIMIT, NULL,
                      "the integer program would be too large");
  lx->col_emp = sb_arena_array(ar, cols + 1, sizeof(uint32_t));
  lx->col_k = sb_arena_alloc(ar, cols + 1);
  lx->x = sb_arena_array(ar, cols + 1, sizeof(double));
  lx->sol = sb_arena_alloc(ar, cols + 1);
  if (!lx->col_emp || !lx->col_k || !lx->x || !lx->sol)
    return sb_err_nomem(ctx->err);
  return SENBID_OK;
}

/* A first witness without a solve: the seniority pass under the maxima
 * alone (so senior employees' witness choices are what they will ask
 * for), then a local search that changes the most junior employees first
 * until every minimum is met. False when it gets stuck. */
static bool greedy_witness(aws_lex *lx) {
  const uint32_t *order = lx->ctx->p->sen.order;
  const aws_data *d = lx->d;
  int64_t appr[AWS_NTYPES], fin[AWS_NTYPES], off[NSLOT];
  memcpy(appr, lx->F_appr, sizeof appr);
  memcpy(fin, lx->F_final, sizeof fin);
  memcpy(off, lx->F_off, sizeof off);
  for (uint32_t r = 0; r < lx->n; r++) {
    uint32_t j = order[r];
    if (lx->fixed[j]) continue;
    int n = lx->nch[j], pick = n - 1;
    for (int k = 0; k + 1 < n; k++) {
      add_choice(appr, fin, off, &lx->ch[j][k], 1);
      bool ok = maxima_ok(d, appr, off);
      add_choice(appr, fin, off, &lx->ch[j][k], -1);
      if (ok) {
        pick = k;
        break;
      }
    }
    lx->wit[j] = (uint8_t)pick;
    add_choice(appr, fin, off, &lx->ch[j][pick], 1);
  }
  int64_t v = violation(d, appr, fin, off);
  for (int pass = 0; v > 0 && pass < 4; pass++) {
    bool improved = false;
    for (uint32_t r = lx->n; r-- > 0 && v > 0;) {
      uint32_t j = order[r];
      if (lx->fixed[j]) continue;
      const aws_choice *w = &lx->ch[j][lx->wit[j]];
      add_choice(appr, fin, off, w, -1);
      int best = lx->wit[j];
      for (int a = 0; a < lx->nch[j]; a++) {
        if (a == lx->wit[j]) continue;
        add_choice(appr, fin, off, &lx->ch[j][a], 1);
        int64_t va = violation(d, appr, fin, off);
        add_choice(appr, fin, off, &lx->ch[j][a], -1);
        if (va < v) {
          best = a;
          v = va;
          improved = true;
          break;
        }
      }
      lx->wit[j] = (uint8_t)best;
      add_choice(appr, fin, off, &lx->ch[j][best], 1);
    }
    if (!improved) break;
  }
  if (v > 0) return false;
  witness_totals(lx);
  lx->wit_ok = true;
  return true;
}

int aws_lex_begin(sb_ctx *ctx, const aws_data *d, aws_lex **out,
                  bool *feasible, int64_t max_possible[AWS_NTYPES]) {
  aws_lex *lx;
  SB_TRY(lex_setup(ctx, d, &lx));
  *out = lx;

  for (int t = 0; t < AWS_NTYPES; t++) max_possible[t] = -1;
  *feasible = true;
  if (greedy_witness(lx)) return SENBID_OK;
  /* The counting bound proves the common infeasible case without a solve;
   * the exact max_possible then follows from type_max. */
  bool proved = false;
  for (int t = 0; t < AWS_NTYPES && !proved; t++) {
    if (d->min_type[t] > 0 && counted_bound(lx, t, 0) < d->min_type[t])
      proved = true;
  }
  if (!proved) {
    job J = {0};
    J.mode = MODE_FEAS;
    J.skip = -1;
    SB_TRY(run_job(lx, &J));
    if (lx->timed_out) { /* no answer in time: decide without the check */
      lx->wit_ok = false;
      return SENBID_OK;
    }
    if (J.feasible) {
      adopt(lx, &J);
      return SENBID_OK;
    }
  }
  *feasible = false;
  for (int t = 0; t < AWS_NTYPES; t++) {
    if (d->min_type[t] <= 0) continue;
    aws_choice none = {0, false, 0};
    SB_TRY(type_max(lx, -1, none, t, &max_possible[t]));
  }
  return SENBID_OK;
}

/* --------------------------------------------------------------- deciding */

/* The first type, in the order of SPEC section 9, whose bound alone can no
 * longer be met once emp takes c (-1: only the bounds together fail).
 * When sw_ok, sw_fin are the final counts of a completion of the maxima
 * (the witness with emp's choice swapped): a type it already meets needs
 * no solve. */
static int first_limit(aws_lex *lx, uint32_t emp, aws_choice c,
                       const int64_t *sw_fin, bool sw_ok, int *limit) {
  const aws_data *d = lx->d;
  *limit = -1;
  for (int t = 0; t < AWS_NTYPES; t++) {
    if (d->min_type[t] <= 0) continue;
    if (type_bound(lx, emp, c, t) < d->min_type[t]) {
      *limit = t;
      return SENBID_OK;
    }
    if (sw_ok && sw_fin[t] >= d->min_type[t]) continue;
    int64_t mx;
    SB_TRY(type_max(lx, emp, c, t, &mx));
    if (mx < d->min_type[t]) {
      *limit = t;
      return SENBID_OK;
    }
  }
  return SENBID_OK;
}

int aws_lex_try(aws_lex *lx, uint32_t emp, aws_choice c, bool *ok,
                int *limit) {
  *ok = true;
  *limit = -1;
  int k = choice_index(lx, emp, c);
  /* aws_turn asks only about valid options of undecided employees */
  if (k < 0 || lx->fixed[emp]) return SENBID_OK;
  if (lx->timed_out) return SENBID_OK;           /* documented fallback */
  int64_t appr[AWS_NTYPES] = {0}, fin[AWS_NTYPES] = {0}, off[NSLOT] = {0};
  bool sw_ok = false;
  if (lx->wit_ok) {
    if (lx->wit[emp] == k) return SENBID_OK;
    /* swap emp's choice inside the witness */
    memcpy(appr, lx->W_appr, sizeof appr);
    memcpy(fin, lx->W_final, sizeof fin);
    memcpy(off, lx->W_off, sizeof off);
    add_choice(appr, fin, off, &lx->ch[emp][lx->wit[emp]], -1);
    add_choice(appr, fin, off, &c, 1);
    if (satisfies(lx->d, appr, fin, off)) {
      lx->wit[emp] = (uint8_t)k;
      adopt_totals(lx, appr, fin, off);
      return SENBID_OK;
    }
    sw_ok = maxima_ok(lx->d, appr, off);
  }
  /* A counting bound proves most refusals in O(1), before any search. */
  for (int t = 0; t < AWS_NTYPES; t++)
    if (lx->d->min_type[t] > 0 &&
        type_bound(lx, emp, c, t) < lx->d->min_type[t]) {
      *ok = false;
      return first_limit(lx, emp, c, fin, sw_ok, limit);
    }
  if (lx->wit_ok) {
    int64_t a2[AWS_NTYPES], f2[AWS_NTYPES], o2[NSLOT];
    memcpy(a2, appr, sizeof a2);
    memcpy(f2, fin, sizeof f2);
    memcpy(o2, off, sizeof o2);
    if (repair_one(lx, emp, -1, a2, f2, o2) ||
        repair_two(lx, emp, a2, f2, o2, 64)) {
      lx->wit[emp] = (uint8_t)k;
      adopt_totals(lx, a2, f2, o2);
      return SENBID_OK;
    }
  }
  job J = {0};
  J.mode = MODE_FEAS;
  J.skip = emp;
  J.extra = c;
  SB_TRY(run_job(lx, &J));
  if (lx->timed_out) return SENBID_OK;
  if (J.feasible) {
    lx->wit[emp] = (uint8_t)k;
    adopt(lx, &J);
    return SENBID_OK;
  }
  *ok = false;
  return first_limit(lx, emp, c, fin, sw_ok, limit);
}

bool aws_lex_timed_out(const aws_lex *lx) { return lx->timed_out; }

void aws_lex_fix(aws_lex *lx, uint32_t emp, aws_choice c) {
  if (lx->fixed[emp]) return; /* a single-choice employee, counted at setup */
  int k = choice_index(lx, emp, c);
  if (k < 0) k = lx->nch[emp] - 1;
  if (lx->wit[emp] != k) {
    /* Only reachable after a time limit: the witness no longer holds. */
    lx->wit[emp] = (uint8_t)k;
    lx->wit_ok = false;
  }
  count_undecided(lx, emp, -1);
  lx->fixed[emp] = true;
  add_choice(lx->F_appr, lx->F_final, lx->F_off, &lx->ch[emp][k], 1);
}

/* ------------------------------------------------------------- LP export */

/* Keeps an employee id printable in an LP comment line. */
static void comment_id(char *out, size_t cap, const char *id) {
  size_t n = 0;
  for (const char *c = id; *c && n + 1 < cap; c++)
    out[n++] = (*c >= 0x20 && *c < 0x7f) ? *c : '?';
  out[n] = '\0';
}

/* export-lp: the model of the whole office before the first decision
 * (MODE_FEAS, built by the same function the solves use), employees by
 * document index. The library only asks GLPK for feasibility; the
 * exported model ranks each employee's choices by position, so that its
 * optimum is a completion as close to everyone's first choices as the
 * bounds allow. */
int aws_export_lp(sb_ctx *ctx, sb_buf *out) {
  const aws_data *d = ctx->p->kind_data;
  aws_lex *lx;
  SB_TRY(lex_setup(ctx, d, &lx));
  SB_TRY(model_buffers(lx));
  job J = {0};
  J.lx = lx;
  J.mode = MODE_FEAS;
  J.skip = -1;
  J.named = true;
  sb_lp lp;
  sb_lp_init(&lp, &ctx->p->alloc);
  sb_lp_comment(&lp, "senbid aws: the feasibility model of SPEC section 9 "
                     "(Lexicographic / AWS)");
  sb_lp_comment(&lp, "x_j_k = 1: employee j (document index) takes choice k "
                     "(valid options, then the fallback);");
  sb_lp_comment(&lp, "minimising the positions taken; every office.min_type, "
                     "max_type and max_off is a row");
  build(&J, &lp);
  char id[128];
  for (uint32_t c = 1; c <= sb_lp_ncols(&lp); c++) {
    const aws_choice *x = &lx->ch[lx->col_emp[c]][lx->col_k[c]];
    sb_lp_col_obj(&lp, c - 1, lx->col_k[c]);
    comment_id(id, sizeof id, ctx->p->emps[lx->col_emp[c]].id);
    sb_lp_comment(&lp, "x_%u_%u: %s %s%s", lx->col_emp[c], lx->col_k[c], id,
                  aws_type_names[x->type], x->approved ? "" : " (fallback)");
  }
  int rc = lp.oom ? sb_err_nomem(ctx->err) : sb_lp_write(&lp, out);
  if (rc == SENBID_E_NOMEM) rc = sb_err_nomem(ctx->err);
  sb_lp_free(&lp);
  return rc;
}
