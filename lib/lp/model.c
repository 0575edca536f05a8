/* The one LP model builder and writer (see model.h). */
#include <glpk.h>
#include <stdio.h>

#include "../internal.h"
#include "model.h"

void sb_lp_init(sb_lp *lp, const sb_alloc *a) {
  memset(lp, 0, sizeof *lp);
  sb_vec_init(&lp->cols, a, sizeof(sb_lp_col));
  sb_vec_init(&lp->rows, a, sizeof(sb_lp_row));
  sb_vec_init(&lp->idx, a, sizeof(int));
  sb_vec_init(&lp->val, a, sizeof(double));
  sb_buf_init(&lp->names, a);
  sb_buf_init(&lp->comment, a);
}

void sb_lp_free(sb_lp *lp) {
  sb_vec_free(&lp->cols);
  sb_vec_free(&lp->rows);
  sb_vec_free(&lp->idx);
  sb_vec_free(&lp->val);
  sb_buf_free(&lp->names);
  sb_buf_free(&lp->comment);
}

void sb_lp_reset(sb_lp *lp) {
  lp->cols.len = lp->rows.len = lp->idx.len = lp->val.len = 0;
  lp->names.len = lp->comment.len = 0;
  lp->maximize = lp->open_row = lp->oom = false;
  lp->cuts = lp->fpump = lp->mfv = lp->pump_first = lp->no_lp_swap =
      lp->no_start_swap = false;
  lp->cap_ms = 0;
  lp->rstat = lp->cstat = NULL;
  lp->obj_const = 0;
}

static uint32_t add_name(sb_lp *lp, const char *name) {
  if (!name) return UINT32_MAX;
  uint32_t at = (uint32_t)lp->names.len;
  sb_buf_put(&lp->names, name, strlen(name) + 1);
  if (lp->names.oom) lp->oom = true;
  return at;
}

uint32_t sb_lp_col_add(sb_lp *lp, sb_lp_kind kind, double lb, double ub,
                       double obj, const char *name) {
  uint32_t j = (uint32_t)lp->cols.len;
  sb_lp_col *c = sb_vec_push(&lp->cols);
  if (!c) {
    lp->oom = true;
    return j;
  }
  c->kind = (uint8_t)kind;
  c->lb = lb;
  c->ub = ub;
  c->obj = obj;
  c->name = add_name(lp, name);
  return j;
}

void sb_lp_col_bounds(sb_lp *lp, uint32_t col, double lb, double ub) {
  if (col >= lp->cols.len) return;
  SB_VEC_AT(&lp->cols, sb_lp_col, col).lb = lb;
  SB_VEC_AT(&lp->cols, sb_lp_col, col).ub = ub;
}

void sb_lp_col_obj(sb_lp *lp, uint32_t col, double obj) {
  if (col < lp->cols.len) SB_VEC_AT(&lp->cols, sb_lp_col, col).obj = obj;
}

void sb_lp_row_begin(sb_lp *lp, const char *name) {
  sb_lp_row *r = sb_vec_push(&lp->rows);
  if (!r) {
    lp->oom = true;
    return;
  }
  /* Term 0 is a placeholder, so that a row's terms can be passed to GLPK
   * as 1-based arrays without pointing before an array's start. */
  r->start = lp->idx.len ? (uint32_t)lp->idx.len : 1;
  r->name = add_name(lp, name);
  r->lo = -HUGE_VAL;
  r->hi = HUGE_VAL;
  lp->open_row = true;
}

void sb_lp_term(sb_lp *lp, uint32_t col, double coef) {
  if (lp->idx.len == 0 && (!sb_vec_push(&lp->idx) || !sb_vec_push(&lp->val))) {
    lp->oom = true;
    return;
  }
  int *i = sb_vec_push(&lp->idx);
  double *v = sb_vec_push(&lp->val);
  if (!i || !v) {
    lp->oom = true;
    return;
  }
  *i = (int)col + 1; /* GLPK's 1-based column */
  *v = coef;
}

uint32_t sb_lp_row_end(sb_lp *lp, double lo, double hi) {
  uint32_t r = (uint32_t)lp->rows.len - 1;
  lp->open_row = false;
  if (lp->rows.len == 0) return 0;
  sb_lp_row_bounds(lp, r, lo, hi);
  return r;
}

void sb_lp_row_bounds(sb_lp *lp, uint32_t row, double lo, double hi) {
  if (row >= lp->rows.len) return;
  SB_VEC_AT(&lp->rows, sb_lp_row, row).lo = lo;
  SB_VEC_AT(&lp->rows, sb_lp_row, row).hi = hi;
}

void sb_lp_comment(sb_lp *lp, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  sb_buf_puts(&lp->comment, "\\ ");
  sb_buf_vprintf(&lp->comment, fmt, ap);
  sb_buf_putc(&lp->comment, '\n');
  va_end(ap);
  if (lp->comment.oom) lp->oom = true;
}

/* ----------------------------------------------------------- LP text */

uint32_t sb_lp_row_stop(const sb_lp *lp, uint32_t r) {
  if (r + 1 < lp->rows.len) return SB_VEC_AT(&lp->rows, sb_lp_row, r + 1).start;
  return lp->idx.len ? (uint32_t)lp->idx.len : 1;
}

/* Integral values as integers, others in the shortest form that reads
 * back to the same double (locale-independent, as sb_jw_num). */
static void put_num(sb_buf *b, double v) {
  if (v == floor(v) && fabs(v) < 1e15) {
    if (v < 0) {
      sb_buf_putc(b, '-');
      v = -v;
    }
    sb_buf_put_uint(b, (uint64_t)v);
    return;
  }
  sb_jw w;
  sb_jw_init(&w, b, 0, true);
  sb_jw_num(&w, v);
}

static void put_col_name(sb_buf *b, const sb_lp *lp, uint32_t j) {
  const sb_lp_col *c = &SB_VEC_AT(&lp->cols, sb_lp_col, j);
  if (c->name != UINT32_MAX) {
    sb_buf_puts(b, lp->names.data + c->name);
  } else {
    sb_buf_putc(b, 'x');
    sb_buf_put_uint(b, (uint64_t)j + 1);
  }
}

/* " + 3 x1" / " - x2": a sign, the magnitude unless 1, the name; 8 terms a
 * line so that no line grows long. */
static void put_term(sb_buf *b, const sb_lp *lp, uint32_t j, double coef,
                     uint32_t nth) {
  if (nth && nth % 8 == 0) sb_buf_puts(b, "\n   ");
  sb_buf_puts(b, coef < 0 ? " - " : " + ");
  double m = fabs(coef);
  if (m != 1) {
    put_num(b, m);
    sb_buf_putc(b, ' ');
  }
  put_col_name(b, lp, j);
}

static void put_row_name(sb_buf *b, const sb_lp *lp, uint32_t r,
                         const char *suffix) {
  const sb_lp_row *row = &SB_VEC_AT(&lp->rows, sb_lp_row, r);
  sb_buf_putc(b, ' ');
  if (row->name != UINT32_MAX) {
    sb_buf_puts(b, lp->names.data + row->name);
  } else {
    sb_buf_putc(b, 'c');
    sb_buf_put_uint(b, (uint64_t)r + 1);
  }
  sb_buf_puts(b, suffix);
  sb_buf_putc(b, ':');
}

static void put_row(sb_buf *b, const sb_lp *lp, uint32_t r, const char *suffix,
                    const char *op, double rhs) {
  const sb_lp_row *row = &SB_VEC_AT(&lp->rows, sb_lp_row, r);
  put_row_name(b, lp, r, suffix);
  uint32_t end = sb_lp_row_stop(lp, r), n = 0;
  for (uint32_t k = row->start; k < end; k++, n++)
    put_term(b, lp, (uint32_t)SB_VEC_AT(&lp->idx, int, k) - 1,
             SB_VEC_AT(&lp->val, double, k), n);
  if (n == 0) sb_buf_puts(b, " 0 x0_empty");
  sb_buf_putc(b, ' ');
  sb_buf_puts(b, op);
  sb_buf_putc(b, ' ');
  put_num(b, rhs);
  sb_buf_putc(b, '\n');
}

int sb_lp_write(const sb_lp *lp, sb_buf *out) {
  if (lp->oom) return SENBID_E_NOMEM;
  uint32_t nc = sb_lp_ncols(lp), nr = sb_lp_nrows(lp);
  sb_buf_put(out, lp->comment.data, lp->comment.len);
  sb_buf_puts(out, lp->maximize ? "Maximize\n obj:" : "Minimize\n obj:");
  uint32_t n = 0;
  for (uint32_t j = 0; j < nc; j++) {
    double c = SB_VEC_AT(&lp->cols, sb_lp_col, j).obj;
    if (c != 0) put_term(out, lp, j, c, n++);
  }
  bool empty_used = false;
  if (n == 0) {
    /* GLPK's reader wants a variable in the objective: a zero term. */
    sb_buf_puts(out, " 0 ");
    if (nc) {
      put_col_name(out, lp, 0);
    } else {
      sb_buf_puts(out, "x0_empty");
      empty_used = true;
    }
  }
  if (lp->obj_const != 0) {
    sb_buf_puts(out, lp->obj_const < 0 ? " - " : " + ");
    put_num(out, fabs(lp->obj_const));
  }
  sb_buf_puts(out, "\nSubject To\n");
  for (uint32_t r = 0; r < nr; r++) {
    const sb_lp_row *row = &SB_VEC_AT(&lp->rows, sb_lp_row, r);
    if (row->start == sb_lp_row_stop(lp, r)) empty_used = true;
    bool has_lo = row->lo > -HUGE_VAL, has_hi = row->hi < HUGE_VAL;
    if (has_lo && has_hi && row->lo == row->hi) {
      put_row(out, lp, r, "", "=", row->lo);
    } else if (has_lo && has_hi) {
      put_row(out, lp, r, "_lo", ">=", row->lo);
      put_row(out, lp, r, "_hi", "<=", row->hi);
    } else if (has_lo) {
      put_row(out, lp, r, "", ">=", row->lo);
    } else if (has_hi) {
      put_row(out, lp, r, "", "<=", row->hi);
    } else {
      put_row(out, lp, r, "", ">=", -1e30); /* a free row */
    }
  }
  if (nr == 0) sb_buf_puts(out, " c0: 0 x0_empty >= 0\n");
  /* Bounds that differ from the kind's default (binary 0..1, others 0..inf). */
  bool bounds = false;
  for (uint32_t j = 0; j < nc; j++) {
    const sb_lp_col *c = &SB_VEC_AT(&lp->cols, sb_lp_col, j);
    bool binary = c->kind == SB_LP_BINARY;
    double dub = binary ? 1 : HUGE_VAL;
    if (c->lb == 0 && c->ub == dub) continue;
    if (!bounds) sb_buf_puts(out, "Bounds\n");
    bounds = true;
    sb_buf_putc(out, ' ');
    if (c->lb == c->ub) {
      put_col_name(out, lp, j);
      sb_buf_puts(out, " = ");
      put_num(out, c->lb);
    } else {
      if (c->lb == -HUGE_VAL) sb_buf_puts(out, "-inf");
      else put_num(out, c->lb);
      sb_buf_puts(out, " <= ");
      put_col_name(out, lp, j);
      sb_buf_puts(out, " <= ");
      if (c->ub == HUGE_VAL) sb_buf_puts(out, "+inf");
      else put_num(out, c->ub);
    }
    sb_buf_putc(out, '\n');
  }
  if (empty_used || nr == 0) {
    if (!bounds) sb_buf_puts(out, "Bounds\n");
    sb_buf_puts(out, " x0_empty = 0\n");
  }
  for (int pass = 0; pass < 2; pass++) {
    sb_lp_kind want = pass == 0 ? SB_LP_BINARY : SB_LP_INTEGER;
    bool head = false;
    for (uint32_t j = 0; j < nc; j++) {
      if (SB_VEC_AT(&lp->cols, sb_lp_col, j).kind != want) continue;
      if (!head) sb_buf_puts(out, pass == 0 ? "Binary\n" : "General\n");
      head = true;
      sb_buf_putc(out, ' ');
      put_col_name(out, lp, j);
      sb_buf_putc(out, '\n');
    }
  }
  sb_buf_puts(out, "End\n");
  return out->oom ? SENBID_E_NOMEM : SENBID_OK;
}

/* ------------------------------------------------------------------ GLPK */

static int glpk_bound_type(double lo, double hi) {
  bool l = lo > -HUGE_VAL, h = hi < HUGE_VAL;
  if (l && h) return lo == hi ? GLP_FX : GLP_DB;
  if (l) return GLP_LO;
  if (h) return GLP_UP;
  return GLP_FR;
}

void *sb_lp_load_glpk(const sb_lp *lp) {
  glp_prob *P = glp_create_prob();
  uint32_t nc = sb_lp_ncols(lp), nr = sb_lp_nrows(lp);
  glp_set_obj_dir(P, lp->maximize ? GLP_MAX : GLP_MIN);
  glp_set_obj_coef(P, 0, lp->obj_const);
  if (nc) glp_add_cols(P, (int)nc);
  for (uint32_t j = 0; j < nc; j++) {
    const sb_lp_col *c = &SB_VEC_AT(&lp->cols, sb_lp_col, j);
    int col = (int)j + 1;
    if (c->kind == SB_LP_BINARY && c->lb == 0 && c->ub == 1) {
      glp_set_col_kind(P, col, GLP_BV);
    } else {
      glp_set_col_kind(P, col, c->kind == SB_LP_CONTINUOUS ? GLP_CV : GLP_IV);
      glp_set_col_bnds(P, col, glpk_bound_type(c->lb, c->ub),
                       c->lb > -HUGE_VAL ? c->lb : 0,
                       c->ub < HUGE_VAL ? c->ub : 0);
    }
    glp_set_obj_coef(P, col, c->obj);
  }
  if (nr) glp_add_rows(P, (int)nr);
  for (uint32_t r = 0; r < nr; r++) {
    const sb_lp_row *row = &SB_VEC_AT(&lp->rows, sb_lp_row, r);
    uint32_t end = sb_lp_row_stop(lp, r), len = end - row->start;
    /* GLPK's arrays are 1-based: pass pointers one before the terms. */
    if (len)
      glp_set_mat_row(P, (int)r + 1, (int)len,
                      &SB_VEC_AT(&lp->idx, int, row->start - 1),
                      &SB_VEC_AT(&lp->val, double, row->start - 1));
    glp_set_row_bnds(P, (int)r + 1, glpk_bound_type(row->lo, row->hi),
                     row->lo > -HUGE_VAL ? row->lo : 0,
                     row->hi < HUGE_VAL ? row->hi : 0);
  }
  if (lp->rstat && lp->cstat) {
    for (uint32_t r = 0; r < nr; r++) glp_set_row_stat(P, (int)r + 1, lp->rstat[r]);
    for (uint32_t j = 0; j < nc; j++) glp_set_col_stat(P, (int)j + 1, lp->cstat[j]);
  }
  return P;
}

bool sb_lp_cbc_available(void) {
#ifdef SENBID_HAVE_CBC
  return true;
#else
  return false;
#endif
}

int sb_lp_solve(sb_ctx *ctx, const sb_lp *lp, bool presolve, int *status,
                bool *timed_out, double *x, double *objective) {
  if (lp->oom) return sb_err_nomem(ctx->err);
#ifdef SENBID_HAVE_CBC
  if (ctx->solver == SB_SOLVER_CBC) {
    bool to = false;
    int rc = sb_cbc_solve(ctx, lp, status, &to, x, objective);
    if (timed_out) *timed_out = to;
    return rc;
  }
#endif
  glp_prob *P = sb_lp_load_glpk(lp);
  unsigned flags = (presolve ? SB_GLPK_PRESOLVE : 0u) | (lp->cuts ? SB_GLPK_CUTS : 0u) |
                   (lp->fpump ? SB_GLPK_FPUMP : 0u) | (lp->mfv ? SB_GLPK_MFV : 0u);
  int rc = sb_glpk_mip_capped(ctx, P, flags, lp->cap_ms ? lp->cap_ms : UINT32_MAX,
                              status, timed_out);
  if (rc == SENBID_OK && (*status == GLP_OPT || *status == GLP_FEAS)) {
    if (x)
      for (uint32_t j = 0; j < sb_lp_ncols(lp); j++)
        x[j] = glp_mip_col_val(P, (int)j + 1);
    if (objective) *objective = glp_mip_obj_val(P);
  }
  glp_delete_prob(P);
  return rc;
}
