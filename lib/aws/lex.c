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

#include "lex.h"

#define NSLOT 14

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
  /* model buffers, sized for the first (largest) model */
  int *ia, *ja;
  double *ar;
  uint32_t *col_emp;
  uint8_t *col_k;
  size_t cap_nz, cap_cols;
  struct row *rows;
  double *obj;
  uint8_t *sol;
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

/* An upper bound on the number of final schedules of type t once emp
 * takes c: the decided ones, c, every undecided employee whose fallback is
 * t, and those who could be approved for t up to max_type. */
static int64_t type_bound(aws_lex *lx, uint32_t emp, aws_choice c, int t) {
  const aws_data *d = lx->d;
  count_undecided(lx, emp, -1);
  int64_t ub = lx->F_final[t] + (c.type == t) + lx->A[t];
  int64_t b = lx->B[t];
  if (d->max_type[t] != AWS_NONE) {
    int64_t room =
        d->max_type[t] - lx->F_appr[t] - (c.approved && c.type == t ? 1 : 0);
    if (room < 0) room = 0;
    if (b > room) b = room;
  }
  count_undecided(lx, emp, 1);
  return ub + b;
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

typedef struct row row;
struct row {
  int kind; /* 0 one-per-employee, 1 max_type, 2 min_type, 3 max_off,
              4 at most one per employee (MODE_MAX) */
  int idx;
  double rhs; /* = for kind 0, <= for 1 and 3, >= for 2 */
};

/* The model over the undecided employees other than `skip`, with the
 * fixed part (and `extra`, the tentative choice) moved to the right-hand
 * sides. mode MODE_MAX drops the minimums and maximises type `type`. */
typedef struct model {
  row *rows;
  int nrows;
  int ncols, nnz;
  double *obj;
  double obj_const;
} model;

typedef struct job {
  aws_lex *lx;
  int mode, type;
  int64_t skip; /* employee whose choice is `extra`, or -1 */
  aws_choice extra;
  bool feasible;
  int64_t value; /* MODE_MAX: the maximum */
  uint8_t *sol;  /* per column: 1 when chosen */
} job;

static int build(job *J, model *m) {
  aws_lex *lx = J->lx;
  const aws_data *d = lx->d;
  int64_t appr[AWS_NTYPES], fin[AWS_NTYPES], off[NSLOT];
  memcpy(appr, lx->F_appr, sizeof appr);
  memcpy(fin, lx->F_final, sizeof fin);
  memcpy(off, lx->F_off, sizeof off);
  if (J->skip >= 0) add_choice(appr, fin, off, &J->extra, 1);

  /* MODE_MAX keeps only the columns of type `type`: everyone else may take
   * a fallback, which touches no maximum, and an undecided employee whose
   * fallback is that type counts for free. */
  bool maxm = J->mode == MODE_MAX;
  int64_t free_t = 0;
  /* rows: employees first, then the bounds */
  int r = 0;
  int ncols = 0, nnz = 0;
  for (uint32_t j = 0; j < lx->n; j++) {
    if (lx->fixed[j] || (int64_t)j == J->skip) continue;
    if (maxm) {
      if (lx->ch[j][lx->nch[j] - 1].type == J->type) {
        free_t++;
        continue;
      }
      bool any = false;
      for (int k = 0; k + 1 < lx->nch[j]; k++)
        if (lx->ch[j][k].type == J->type) any = true;
      if (!any) continue;
    }
    m->rows[r].kind = maxm ? 4 : 0;
    m->rows[r].idx = (int)j;
    m->rows[r].rhs = 1;
    r++;
  }
  int type_row[AWS_NTYPES], min_row[AWS_NTYPES], off_row[NSLOT];
  for (int t = 0; t < AWS_NTYPES; t++) {
    type_row[t] = min_row[t] = -1;
    if (d->max_type[t] != AWS_NONE) {
      type_row[t] = r;
      m->rows[r] = (row){1, t, (double)(d->max_type[t] - appr[t])};
      r++;
    }
    if (J->mode == MODE_FEAS && d->min_type[t] > 0) {
      min_row[t] = r;
      m->rows[r] = (row){2, t, (double)(d->min_type[t] - fin[t])};
      r++;
    }
  }
  for (int b = 0; b < NSLOT; b++) {
    off_row[b] = -1;
    if (d->max_off[b % 7] != AWS_NONE) {
      off_row[b] = r;
      m->rows[r] = (row){3, b, (double)(d->max_off[b % 7] - off[b])};
      r++;
    }
  }
  m->nrows = r;
  m->obj_const = maxm ? (double)(fin[J->type] + free_t) : 0;

  /* columns */
  int er = 0;
  for (uint32_t j = 0; j < lx->n; j++) {
    if (lx->fixed[j] || (int64_t)j == J->skip) continue;
    if (maxm && (er >= m->nrows || m->rows[er].idx != (int)j ||
                 m->rows[er].kind != 4))
      continue; /* no row: no column of the type */
    for (int k = 0; k < lx->nch[j]; k++) {
      const aws_choice *c = &lx->ch[j][k];
      if (maxm && (c->type != J->type || !c->approved)) continue;
      int col = ++ncols; /* 1-based */
      (void)k;
      lx->col_emp[col] = j;
      lx->col_k[col] = (uint8_t)k;
      /* Feasibility: prefer earlier options, so the witness tends to be
       * what the seniority pass will pick and later checks need no solve. */
      /* Feasibility needs no objective: GLPK stops at the first integer
       * point. (Witness quality comes from the greedy start and the
       * repairs, not from here.) */
      m->obj[col] = J->mode == MODE_MAX && c->type == J->type ? 1 : 0;
#define ENTRY(rw)                                                              \
  do {                                                                        \
    nnz++;                                                                    \
    lx->ia[nnz] = (rw) + 1;                                                   \
    lx->ja[nnz] = col;                                                        \
    lx->ar[nnz] = 1;                                                          \
  } while (0)
      ENTRY(er);
      if (c->approved && type_row[c->type] >= 0) ENTRY(type_row[c->type]);
      if (min_row[c->type] >= 0) ENTRY(min_row[c->type]);
      if (c->approved)
        for (int b = 0; b < NSLOT; b++)
          if ((c->off & (1u << b)) && off_row[b] >= 0) ENTRY(off_row[b]);
#undef ENTRY
    }
    er++;
  }
  m->ncols = ncols;
  m->nnz = nnz;
  return SENBID_OK;
}

static size_t max_rows(const aws_lex *lx) {
  return (size_t)lx->n + 2 * AWS_NTYPES + NSLOT + 1;
}

/* Evaluates a model without columns directly. */
static void solve_empty(job *J, const model *m) {
  J->feasible = true;
  for (int r = 0; r < m->nrows; r++) {
    const row *rw = &m->rows[r];
    if ((rw->kind == 1 || rw->kind == 3 || rw->kind == 4) && rw->rhs < 0)
      J->feasible = false;
    if (rw->kind == 2 && rw->rhs > 0) J->feasible = false;
  }
  J->value = (int64_t)m->obj_const;
}

static int glpk_job(sb_ctx *ctx, void *data) {
  job *J = data;
  aws_lex *lx = J->lx;
  model m;
  m.rows = lx->rows;
  m.obj = lx->obj;
  SB_TRY(build(J, &m));
  if (m.ncols == 0) {
    solve_empty(J, &m);
    return SENBID_OK;
  }
  glp_prob *P = glp_create_prob();
  glp_set_obj_dir(P, J->mode == MODE_MAX ? GLP_MAX : GLP_MIN);
  glp_add_rows(P, m.nrows);
  for (int r = 0; r < m.nrows; r++) {
    const row *rw = &m.rows[r];
    int type = rw->kind == 0 ? GLP_FX : rw->kind == 2 ? GLP_LO : GLP_UP;
    /* kind 4: at most one choice (MODE_MAX) */
    glp_set_row_bnds(P, r + 1, type, rw->rhs, rw->rhs);
  }
  glp_add_cols(P, m.ncols);
  for (int c = 1; c <= m.ncols; c++) {
    glp_set_col_kind(P, c, GLP_BV);
    glp_set_obj_coef(P, c, m.obj[c]);
  }
  glp_load_matrix(P, m.nnz, lx->ia, lx->ja, lx->ar);
  int status = GLP_UNDEF;
  bool timed_out = false;
  int rc = sb_glpk_mip(ctx, P, &status, &timed_out);
  if (rc == SENBID_OK) {
    if (timed_out) lx->timed_out = true;
    J->feasible = status == GLP_OPT || status == GLP_FEAS;
    if (J->feasible) {
      double v = glp_mip_obj_val(P) + m.obj_const;
      J->value = (int64_t)(v + 0.5);
      for (int c = 1; c <= m.ncols; c++)
        J->sol[c] = glp_mip_col_val(P, c) > 0.5;
    }
  }
  glp_delete_prob(P);
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
  int64_t ub = emp >= 0 ? type_bound(lx, (uint32_t)emp, c, t) : -1;
  if (emp < 0) {
    const aws_data *d = lx->d;
    int64_t b = lx->B[t];
    if (d->max_type[t] != AWS_NONE) {
      int64_t room = d->max_type[t] - lx->F_appr[t];
      if (room < 0) room = 0;
      if (b > room) b = room;
    }
    ub = lx->F_final[t] + lx->A[t] + b;
  }
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
  /* a column meets its employee's row, its type's max and min rows, and at
   * most two max_off rows (a valid choice has at most two days off) */
  lx->cap_nz = cols * 5 + 1;
  *out = lx;
  return SENBID_OK;
}

/* The model buffers, made on first use: most offices never need them. */
static int model_buffers(aws_lex *lx) {
  if (lx->ia) return SENBID_OK;
  sb_ctx *ctx = lx->ctx;
  sb_arena *ar = &ctx->scratch;
  size_t cols = lx->cap_cols;
  if (cols > (size_t)INT32_MAX / 8)
    return sb_err_set(ctx->err, SENBID_E_LIMIT, NULL,
                      "the integer program would be too large");
  lx->ia = sb_arena_array(ar, lx->cap_nz + 1, sizeof(int));
  lx->ja = sb_arena_array(ar, lx->cap_nz + 1, sizeof(int));
  lx->ar = sb_arena_array(ar, lx->cap_nz + 1, sizeof(double));
  lx->col_emp = sb_arena_array(ar, cols + 1, sizeof(uint32_t));
  lx->col_k = sb_arena_alloc(ar, cols + 1);
  lx->rows = sb_arena_array(ar, max_rows(lx), sizeof(row));
  lx->obj = sb_arena_array(ar, cols + 1, sizeof(double));
  lx->sol = sb_arena_alloc(ar, cols + 1);
  if (!lx->ia || !lx->ja || !lx->ar || !lx->col_emp || !lx->col_k ||
      !lx->rows || !lx->obj || !lx->sol)
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
    if (d->min_type[t] <= 0) continue;
    int64_t b = lx->B[t];
    if (d->max_type[t] != AWS_NONE) {
      int64_t room = d->max_type[t] - lx->F_appr[t];
      if (room < 0) room = 0;
      if (b > room) b = room;
    }
    if (lx->F_final[t] + lx->A[t] + b < d->min_type[t]) proved = true;
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
 * sw, when not NULL, is a completion of the maxima (the witness with emp's
 * choice swapped): a type it already meets needs no solve. */
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
  if (k < 0 || lx->fixed[emp]) return SENBID_OK; /* cannot happen */
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

static void lp_row_name(sb_buf *b, const row *rw) {
  switch (rw->kind) {
    case 0: sb_buf_printf(b, "one_%d", rw->idx); break;
    case 1: sb_buf_printf(b, "max_type_%s", aws_type_names[rw->idx]); break;
    case 2: sb_buf_printf(b, "min_type_%s", aws_type_names[rw->idx]); break;
    default:
      sb_buf_printf(b, "max_off_w%d_%s", rw->idx / 7 + 1,
                    sb_weekday_name(rw->idx % 7));
      break;
  }
}

/* Writes a number as an LP coefficient or bound. */
static void lp_num(sb_buf *b, double v) { sb_buf_printf(b, "%.0f", v); }

static void lp_comment_id(sb_buf *b, const char *id) {
  for (const char *c = id; *c; c++)
    sb_buf_putc(b, (*c >= 0x20 && *c < 0x7f) ? *c : '?');
}

/* The model of the whole office before the first decision: binary x_j_k
 * when employee j (index in the document) takes choice k (their valid
 * options in order, without repeats, then the fallback). */
int aws_lex_write_lp(sb_ctx *ctx, const aws_data *d, sb_buf *lp) {
  aws_lex *lx;
  SB_TRY(lex_setup(ctx, d, &lx));
  SB_TRY(model_buffers(lx));
  job J = {0};
  J.lx = lx;
  J.mode = MODE_FEAS;
  J.skip = -1;
  model m;
  m.rows = lx->rows;
  m.obj = lx->obj;
  SB_TRY(build(&J, &m));
  /* The library only asks GLPK for feasibility; the exported model ranks
   * each employee's choices by position, so that its optimum is a
   * completion as close to everyone's first choices as the bounds allow. */
  for (int c = 1; c <= m.ncols; c++) m.obj[c] = lx->col_k[c];
  const senbid_problem *p = ctx->p;
  sb_buf_puts(lp, "\\ senbid aws: the feasibility model of SPEC section 9 "
                  "(Lexicographic / AWS)\n");
  sb_buf_puts(lp, "\\ x_j_k = 1: employee j (document index) takes choice k "
                  "(valid options, then the fallback);\n\\ minimising the "
                  "positions taken; every office.min_type, max_type and "
                  "max_off is a row\n");
  for (int c = 1; c <= m.ncols; c++) {
    const aws_choice *x = &lx->ch[lx->col_emp[c]][lx->col_k[c]];
    sb_buf_printf(lp, "\\ x_%u_%u: ", lx->col_emp[c], lx->col_k[c]);
    lp_comment_id(lp, p->emps[lx->col_emp[c]].id);
    sb_buf_printf(lp, " %s%s\n", aws_type_names[x->type],
                  x->approved ? "" : " (fallback)");
  }
  sb_buf_puts(lp, "Minimize\n obj:");
  bool any = false;
  for (int c = 1; c <= m.ncols; c++) {
    if (m.obj[c] == 0) continue;
    sb_buf_puts(lp, " + ");
    lp_num(lp, m.obj[c]);
    sb_buf_printf(lp, " x_%u_%u", lx->col_emp[c], lx->col_k[c]);
    any = true;
  }
  if (!any) sb_buf_puts(lp, " 0 x_none");
  sb_buf_puts(lp, "\nSubject To\n");
  /* the entries grouped by row (a counting sort of the coordinates) */
  size_t *start = sb_arena_array(&ctx->scratch, (size_t)m.nrows + 2,
                                 sizeof(size_t));
  int *by_row = sb_arena_array(&ctx->scratch, (size_t)m.nnz + 1, sizeof(int));
  if (!start || !by_row) return sb_err_nomem(ctx->err);
  for (int k = 1; k <= m.nnz; k++) start[lx->ia[k]]++;
  for (int r = 1; r <= m.nrows + 1; r++) start[r] += start[r - 1];
  for (int k = m.nnz; k >= 1; k--) by_row[--start[lx->ia[k]]] = lx->ja[k];
  for (int r = 0; r < m.nrows; r++) {
    const row *rw = &m.rows[r];
    sb_buf_putc(lp, ' ');
    lp_row_name(lp, rw);
    sb_buf_putc(lp, ':');
    bool first = true;
    for (size_t q = start[r + 1]; q < start[r + 2]; q++) {
      int c = by_row[q];
      sb_buf_printf(lp, " %s x_%u_%u", first ? "" : "+", lx->col_emp[c],
                    lx->col_k[c]);
      first = false;
    }
    if (first) sb_buf_puts(lp, " 0 x_none");
    sb_buf_puts(lp, rw->kind == 0 ? " = " : rw->kind == 2 ? " >= " : " <= ");
    lp_num(lp, rw->rhs);
    sb_buf_putc(lp, '\n');
  }
  sb_buf_puts(lp, "Binary\n");
  for (int c = 1; c <= m.ncols; c++)
    sb_buf_printf(lp, " x_%u_%u\n", lx->col_emp[c], lx->col_k[c]);
  sb_buf_puts(lp, "End\n");
  return lp->oom ? sb_err_nomem(ctx->err) : SENBID_OK;
}
