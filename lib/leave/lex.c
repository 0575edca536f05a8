/*
 * Master leave, the lexicographic gate (SPEC section 2 and section 9,
 * "Lexicographic / Leave"): a tentative grant stands only if a completion
 * exists that still brings every employee up to min_leave_days (NBPC 2019
 * Art. 14 A: leave is scheduled so that it is not forfeited). The decision
 * sequence is round_robin's (rules.c); this file only answers the gate's
 * question.
 *
 * The completion question is an integer program (one binary per option of
 * an undecided choice of an employee whose minimum is not met yet), built
 * with the one LP builder (lib/lp/model.h) and solved with GLPK. Which
 * options may take part is the fit tests of rules.c. Cheaper exact tests
 * decide most grants first:
 *  - the witness: the completion found by the last solve. If the tentative
 *    grant leaves it valid (the grant's days still have room beside it in
 *    every capacity pool, and for the grant's own employee its overlap,
 *    balance, max_days and minimum still hold without the decided choice),
 *    it is a completion, so the grant stands without a solve. With no
 *    minimums the gate is not used at all, so the result is round_robin's.
 *  - per-employee bounds: an employee whose candidate options cannot add up
 *    to the unmet minimum makes the program infeasible without a solve.
 *  - a repair of the witness, a checked local search (lib/lp/jump.c), the
 *    patterns (lib/lp/refute.c: each short employee's minimal sets of
 *    options; their LP refutes with a certificate checked in integers,
 *    their 0-1 program finds completions) and a neighbourhood solve.
 * Every loop here watches the time limit (SPEC section 9): past it the gate
 * answers "timed out" and the sequence goes on as round_robin.
 */
#include <glpk.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lp/model.h"
#include "leave.h"

/* Certificates kept per component (LX_CERTS most recent). */
#define LX_CERTS 16

typedef struct lx_cert {
  uint64_t *key;
  double *w;
  uint32_t n, cap;
} lx_cert;

typedef struct lx_certs {
  lx_cert c[LX_CERTS]; /* c[0] the one that refused last */
  uint32_t n;
} lx_certs;

/* A search that is skipped on a component where it keeps failing. */
typedef struct lx_backoff {
  uint8_t *fails; /* per component: its failures in a row */
  uint32_t skips; /* questions seen while backing off */
} lx_backoff;

typedef struct lv_lex {
  uint32_t *memp; /* employees with min_leave_days > 0, seniority order */
  uint32_t nm;
  uint32_t *rank; /* per employee: its place in seniority order */
  int32_t *wsel;  /* per choice: the witness's option, or -1 */
  int64_t *wdays; /* per employee: calendar days in the witness */
  double *whours; /* per employee: charged hours in the witness */
  uint32_t **wuse; /* per pool, per day: witness options covering it */
  bool witness_valid;
  /* Per group, per period day: the shortest span (end - start) of a grant
   * starting that day refused for capacity alone (INT32_MAX: none), or
   * NULL. See refused_before. */
  int32_t **refused;
  /* Per component: the certificates that refused its last questions
   * (capacity row keys, ascending, and weights), most recent first; tried
   * before the LP on the next. */
  lx_certs *cert;
  /* The local search, and the patterns' swapping searches from the
   * witness and from their LP's point: each skipped where it keeps
   * failing (see backoff_runs). */
  lx_backoff jump, start_swap, lp_swap;
  /* The memory of the last model freed, for the next (model_init). */
  sb_arena spare_ar;
  sb_lp spare_lp;
  bool has_spare;
  /* Components of groups linked by capacity totals: comp[g]; the
   * employees with minimums of each, seniority order, in cmemp from
   * cfirst[c] (cn[c] of them). */
  uint32_t *comp, *cfirst, *cn, *cmemp;
  uint32_t ncomp;
  /* The infeasible report. */
  uint32_t *inf_emp;
  int64_t *inf_max;
  uint32_t ninf;
  uint8_t **inf_dates; /* per reported employee: flags per period day */
} lv_lex;

/* The refutation's caps: patterns per short employee and in all (more,
 * and the step is skipped; its enumeration is then the cost). */
#define LX_PATTERNS_EACH 5000
#define LX_PATTERNS_ALL 200000
/* ... and in all for the refutation tried before the local search. */
#define LX_PATTERNS_EARLY 2000
/* Failures of a search in a row after which it is skipped: then tried on
 * one question in 8, 16, ... up to one in 2^LX_BACKOFF_SPARSEST as the
 * failures go on (backoff_runs). */
#define LX_BACKOFF_FAILS 3
#define LX_BACKOFF_SPARSEST 8
/* The choices a completion is shaped after (witness_shape): the next
 * ones in the sequence. */
#define LX_SHAPE 128
/* The patterns' 0-1 program's search (ms): GLPK, then senbid's pump where
 * it gives out, each up to this. Under a time limit, up to a third of the
 * time left if that is more (patterns_ms). */
#define LX_PATTERNS_MS 20000
/* ... and with no time limit. */
#define LX_PATTERNS_MS_UNLIMITED 120000

/* The budget of the patterns' search. Past it, the neighbourhood and
 * the full program get the time, and on the dense use-or-lose rosters
 * they settled nothing in any traced run, while GLPK on the patterns'
 * program settles questions that take it 20-25 s (dense 150 seed 1: a
 * point at 24.5 s; with 20 s it stopped at its 120 s limit, with 100 s
 * it ended in 61.6 s, bench/leave/REPORT.md, ninth pass). GLPK and the
 * pump a third of the time left each leave the neighbourhood and the full
 * program the last third. */
static uint32_t patterns_ms(const lv_state *s) {
  if (!s->ctx->time_limit_ms) return LX_PATTERNS_MS_UNLIMITED;
  uint32_t third = sb_ctx_ms_left(s->ctx) / 3;
  return third > LX_PATTERNS_MS ? third : LX_PATTERNS_MS;
}

/* Whether the time limit has passed (SPEC section 9). */
static bool out_of_time(const lv_state *s) {
  return s->ctx->time_limit_ms && sb_ctx_ms_left(s->ctx) == 0;
}

/* ------------------------------------------------------------------------ */
/* The integer program                                                      */
/* ------------------------------------------------------------------------ */

typedef struct lx_col {
  uint32_t emp, choice, opt;
  sb_range r;
  int32_t len;
  double hours;
} lx_col;

typedef struct lx_model {
  sb_arena ar;
  sb_lp lp;     /* the program itself (columns are lp's, in cols' order) */
  lx_col *cols; /* what each column is */
  uint32_t ncols, capcols;
  bool trivially_infeasible;
  bool maximize;
  bool named;   /* rows named for export-lp */
  bool timed_out; /* the time limit passed while building or repairing */
  /* The capacity rows: rows cap_first.. in (pool, day) order, each's
   * key pool << 32 | period day (certificates are kept by key). */
  uint64_t *cap_key;
  uint32_t cap_first, ncap, capcap;
  int32_t comp; /* the component asked about, -1: several */
  uint32_t *short_emp; /* repair: employees left short of their minimum */
  uint32_t nshort;
} lx_model;

/* A model's memory is kept for the next (s->lex->spare): a large group
 * asks thousands of questions of one size, and fresh memory for each cost
 * more in page faults than the rest of the build (issue 13). */
static void model_init(lx_model *m, const lv_state *s) {
  memset(m, 0, sizeof *m);
  m->comp = -1;
  lv_lex *lx = s->lex;
  if (lx && lx->has_spare) {
    lx->has_spare = false;
    m->ar = lx->spare_ar;
    m->lp = lx->spare_lp;
    sb_arena_reset(&m->ar);
    sb_lp_reset(&m->lp);
  } else {
    sb_arena_init(&m->ar, &s->p->alloc);
    sb_lp_init(&m->lp, &s->p->alloc);
  }
  /* GLPK's knapsack cover cuts: the need rows are knapsacks, and on dense
   * use-or-lose rosters branching alone finds no point of a feasible
   * program in minutes where the cuts take a third of a second (issue 13). */
  m->lp.cuts = true;
}

static void model_free(lx_model *m, const lv_state *s) {
  lv_lex *lx = s->lex;
  if (lx && !lx->has_spare && !m->lp.oom) {
    lx->spare_ar = m->ar;
    lx->spare_lp = m->lp;
    lx->has_spare = true;
    return;
  }
  sb_lp_free(&m->lp);
  sb_arena_free(&m->ar);
}

void lv_lex_free(lv_state *s) {
  lv_lex *lx = s->lex;
  if (!lx || !lx->has_spare) return;
  sb_lp_free(&lx->spare_lp);
  sb_arena_free(&lx->spare_ar);
  lx->has_spare = false;
}

/* Appends a row over cols[k] for k in list (coef per entry, or 1):
 * type 'L' (<= rhs) or 'G' (>= rhs). */
static void add_row(lx_model *m, const char *name, char type, double rhs,
                    const uint32_t *list, const double *coef, uint32_t n) {
  char buf[48];
  if (m->named) snprintf(buf, sizeof buf, "%s_%u", name, sb_lp_nrows(&m->lp) + 1);
  sb_lp_row_begin(&m->lp, m->named ? buf : NULL);
  for (uint32_t k = 0; k < n; k++)
    sb_lp_term(&m->lp, list[k], coef ? coef[k] : 1.0);
  if (type == 'L')
    sb_lp_row_end(&m->lp, -HUGE_VAL, rhs);
  else
    sb_lp_row_end(&m->lp, rhs, HUGE_VAL);
}

/* Sorting (pool, column) pairs by (pool, start). */
typedef struct lx_key {
  uint32_t pool;
  sb_day start;
  uint32_t col;
} lx_key;

static int cmp_key(const void *a, const void *b) {
  const lx_key *x = a, *y = b;
  if (x->pool != y->pool) return x->pool < y->pool ? -1 : 1;
  if (x->start != y->start) return x->start < y->start ? -1 : 1;
  return (x->col > y->col) - (x->col < y->col);
}

/* Whether option r can be part of a completion for employee m on its own
 * (SPEC section 9): the fit tests of rules.c against the current state. */
static bool candidate(const lv_state *s, uint32_t m, sb_range r, int32_t *len,
                      double *hours) {
  sb_day date;
  if (lv_rule_outside_period(s->d, r) || lv_rule_overlap(s, m, r) ||
      lv_rule_capacity(s, m, r, &date))
    return false;
  *len = r.end - r.start + 1;
  *hours = lv_charged_days(s, m, r) * s->d->emps[m].hours_per_day;
  return !lv_rule_balance(s, m, *hours) && !lv_rule_max_days(s, m, *len);
}

/* Builds the completion program for the employees in list: with need rows
 * (every one reaches min_leave_days) and no objective, or (maximize)
 * without them and maximal total days. fixed[pool][di]: places taken by
 * options held outside the program. */
static int build_model(const lv_state *s, const uint32_t *list, uint32_t n,
                       bool maximize, lx_model *m, uint32_t *const *fixed) {
  const lv_data *d = s->d;
  sb_err *err = s->ctx->err;
  m->maximize = maximize;
  m->lp.maximize = maximize;
  uint32_t *tmp = NULL;
  double *coef = NULL;
  for (uint32_t i = 0; i < n; i++) {
    if ((i & 255) == 255 && out_of_time(s)) {
      m->timed_out = true;
      return SENBID_OK;
    }
    uint32_t e = list[i];
    const lv_emp *em = &d->emps[e];
    int64_t need = em->min_days - s->granted_days[e];
    if (!maximize && need <= 0) continue;
    uint32_t first = m->ncols;
    int64_t best = 0; /* an upper bound on the days the options can add */
    if (em->request >= 0) {
      uint32_t q = (uint32_t)em->request;
      for (uint32_t ci = s->next_choice[q]; ci < d->req_nchoices[q]; ci++) {
        uint32_t c = d->req_first_choice[q] + ci;
        const lv_choice *ch = &d->choices[c];
        int32_t longest = 0;
        for (uint32_t k = 0; k < ch->nopts; k++) {
          lx_col col = {e, c, k, d->opts[ch->first_opt + k], 0, 0};
          if (!candidate(s, e, col.r, &col.len, &col.hours)) continue;
          if (m->ncols == m->capcols) {
            uint32_t nc = m->capcols * 2 + 64;
            lx_col *cc = sb_arena_array(&m->ar, nc, sizeof(lx_col));
            if (!cc) return sb_err_nomem(err);
            if (m->ncols) memcpy(cc, m->cols, m->ncols * sizeof(lx_col));
            m->cols = cc;
            m->capcols = nc;
          }
          m->cols[m->ncols++] = col;
          /* Feasibility needs no objective: GLPK then stops at the first
           * integer point; maximize (max_days alone) counts days. */
          sb_lp_col_add(&m->lp, SB_LP_BINARY, 0, 1, maximize ? col.len : 0,
                        NULL);
          if (col.len > longest) longest = col.len;
        }
        best += longest;
      }
    }
    if (!maximize && best < need) {
      /* Exact without a solve: even every longest option falls short. */
      m->trivially_infeasible = true;
      return SENBID_OK;
    }
    uint32_t nc = m->ncols - first;
    if (nc == 0) continue;
    tmp = sb_arena_array(&m->ar, nc, sizeof(uint32_t));
    coef = sb_arena_array(&m->ar, nc, sizeof(double));
    if (!tmp || !coef) return sb_err_nomem(err);
    /* At most one option per choice (SPEC section 9). */
    for (uint32_t a = first; a < m->ncols;) {
      uint32_t b = a;
      while (b < m->ncols && m->cols[b].choice == m->cols[a].choice) b++;
      if (b - a >= 2) {
        for (uint32_t k = a; k < b; k++) tmp[k - a] = k;
        add_row(m, "choice", 'L', 1, tmp, NULL, b - a);
      }
      a = b;
    }
    /* OVERLAP: no two of the employee's options meet; for intervals it is
     * enough to forbid two covering any option's first day. */
    for (uint32_t a = first; a < m->ncols; a++) {
      uint32_t cnt = 0;
      bool has_other_choice = false;
      for (uint32_t k = first; k < m->ncols; k++) {
        if (m->cols[k].r.start <= m->cols[a].r.start &&
            m->cols[a].r.start <= m->cols[k].r.end) {
          tmp[cnt++] = k;
          if (m->cols[k].choice != m->cols[a].choice) has_other_choice = true;
        }
      }
      if (cnt >= 2 && has_other_choice)
        add_row(m, "overlap", 'L', 1, tmp, NULL, cnt);
    }
    double hsum = 0;
    int64_t lsum = 0;
    for (uint32_t k = first; k < m->ncols; k++) {
      tmp[k - first] = k;
      hsum += m->cols[k].hours;
      lsum += m->cols[k].len;
    }
    /* BALANCE and MAX_DAYS over the options taken together. */
    if (em->has_balance && hsum > s->balance_left[e] + LV_EPS) {
      for (uint32_t k = first; k < m->ncols; k++)
        coef[k - first] = m->cols[k].hours;
      add_row(m, "balance", 'L', s->balance_left[e] + LV_EPS, tmp, coef, nc);
    }
    if (d->has_max_days && lsum > d->max_days - s->granted_days[e]) {
      for (uint32_t k = first; k < m->ncols; k++)
        coef[k - first] = m->cols[k].len;
      add_row(m, "max_days", 'L', (double)(d->max_days - s->granted_days[e]),
              tmp, coef, nc);
    }
    if (!maximize) {
      for (uint32_t k = first; k < m->ncols; k++)
        coef[k - first] = m->cols[k].len;
      add_row(m, "min_leave", 'G', (double)need, tmp, coef, nc);
    }
  }
  if (m->ncols == 0) return m->lp.oom ? sb_err_nomem(err) : SENBID_OK;

  /* CAPACITY, per pool (a group or a total): off + chosen options covering
   * d <= cap. The load only rises on an option's first day and the room
   * only shrinks where the cap falls, so rows on those days suffice. */
  uint32_t nkeys = 0;
  for (uint32_t k = 0; k < m->ncols; k++)
    nkeys += d->gnpools[d->emps[m->cols[k].emp].group];
  lx_key *keys = sb_arena_array(&m->ar, nkeys, sizeof(lx_key));
  tmp = sb_arena_array(&m->ar, m->ncols, sizeof(uint32_t));
  if (!keys || !tmp) return sb_err_nomem(err);
  nkeys = 0;
  for (uint32_t k = 0; k < m->ncols; k++) {
    uint32_t g = d->emps[m->cols[k].emp].group;
    for (uint32_t j = 0; j < d->gnpools[g]; j++)
      keys[nkeys++] = (lx_key){d->gpools[g][j], m->cols[k].r.start, k};
  }
  qsort(keys, nkeys, sizeof *keys, cmp_key);
  for (uint32_t a = 0; a < nkeys;) {
    uint32_t pool = keys[a].pool, b = a;
    sb_day lo = keys[a].start, hi = lo;
    while (b < nkeys && keys[b].pool == pool) {
      if (m->cols[keys[b].col].r.end > hi) hi = m->cols[keys[b].col].r.end;
      b++;
    }
    uint32_t span = (uint32_t)(hi - lo + 1);
    int32_t *load = sb_arena_array(&m->ar, span + 1, sizeof(int32_t));
    uint8_t *starts = sb_arena_array(&m->ar, span, 1);
    if (!load || !starts) return sb_err_nomem(err);
    for (uint32_t k = a; k < b; k++) {
      const lx_col *c = &m->cols[keys[k].col];
      load[c->r.start - lo]++;
      load[c->r.end - lo + 1]--;
      starts[c->r.start - lo] = 1;
    }
    int32_t cur = 0;
    int64_t prev_room = INT64_MAX;
    /* The options begun by day, in key order; those ended are dropped when
     * a row is written (linear, not a scan from the pool's first key). */
    uint32_t nact = 0, kk = a;
    for (uint32_t i = 0; i < span; i++) {
      cur += load[i];
      sb_day day = lo + (sb_day)i;
      uint32_t di = (uint32_t)(day - d->period.start);
      int64_t room = lv_pool_room(s, pool, di);
      if (room != INT64_MAX && fixed && fixed[pool]) room -= fixed[pool][di];
      bool event = starts[i] || room < prev_room;
      prev_room = room;
      /* Days no candidate covers need no row (room may be negative there,
       * where approved leave already exceeds the cap). */
      while (kk < b && keys[kk].start <= day) tmp[nact++] = keys[kk++].col;
      if (!event || cur <= 0 || room == INT64_MAX || cur <= room) continue;
      uint32_t cnt = 0;
      for (uint32_t t = 0; t < nact; t++)
        if (m->cols[tmp[t]].r.end >= day) tmp[cnt++] = tmp[t];
      nact = cnt;
      if (m->ncap == m->capcap) {
        uint32_t nc = m->capcap * 2 + 64;
        uint64_t *kk2 = sb_arena_array(&m->ar, nc, sizeof(uint64_t));
        if (!kk2) return sb_err_nomem(err);
        if (m->ncap) memcpy(kk2, m->cap_key, m->ncap * sizeof(uint64_t));
        m->cap_key = kk2;
        m->capcap = nc;
      }
      if (m->ncap == 0) m->cap_first = sb_lp_nrows(&m->lp);
      m->cap_key[m->ncap++] = (uint64_t)pool << 32 | di;
      add_row(m, "cap", 'L', (double)room, tmp, NULL, cnt);
    }
    a = b;
  }
  return m->lp.oom ? sb_err_nomem(err) : SENBID_OK;
}

typedef struct lx_run {
  lx_model *m;
  double *x; /* out: column values */
  bool feasible, timed_out;
  double objective;
} lx_run;

static int glpk_solve(sb_ctx *ctx, void *data) {
  lx_run *run = data;
  int status;
  bool timed_out = false;
  /* The presolver proves infeasible completions at the root. */
  int rc = sb_lp_solve(ctx, &run->m->lp, true, &status, &timed_out, run->x,
                       &run->objective);
  if (rc == SENBID_OK) {
    run->feasible = status == GLP_OPT || status == GLP_FEAS;
    run->timed_out = timed_out && !run->feasible;
  }
  return rc;
}

/* Adds delta to used[pool][day] over r for each pool of group g. */
static void use_days(const lv_state *s, uint32_t **used, uint32_t g,
                     sb_range r, int delta) {
  const lv_data *d = s->d;
  for (uint32_t j = 0; j < d->gnpools[g]; j++) {
    uint32_t *u = used[d->gpools[g][j]];
    for (sb_day day = r.start; day <= r.end; day++)
      u[day - d->period.start] += (uint32_t)delta;
  }
}

static bool in_pool(const lv_data *d, uint32_t g, uint32_t pool) {
  for (uint32_t j = 0; j < d->gnpools[g]; j++)
    if (d->gpools[g][j] == pool) return true;
  return false;
}

/* A cheap exact test before GLPK, a local repair: start from x (the
 * witness's options that are still candidates, or nothing), drop options
 * until every employee's balance and max_days and every day's cap hold,
 * then let each employee short of its minimum, in seniority order, take
 * its longest options that still fit. Success is a completion, so the
 * answer is exact; failure proves nothing and GLPK decides. */
static bool greedy_model(const lv_state *s, lx_model *m, double *x, bool by_slack) {
  const lv_data *d = s->d;
  uint32_t **used = sb_arena_array(&m->ar, d->npools + 1, sizeof(uint32_t *));
  uint32_t *order = sb_arena_array(&m->ar, m->ncols + 1, sizeof(uint32_t));
  int64_t *surplus = sb_arena_array(&m->ar, m->ncols + 1, sizeof(int64_t));
  if (!used || !order || !surplus) return false;
  /* Blocks of one employee's columns; days chosen over the minimum. */
  for (uint32_t a = 0; a < m->ncols;) {
    uint32_t e = m->cols[a].emp, b = a;
    while (b < m->ncols && m->cols[b].emp == e) b++;
    const lv_emp *em = &d->emps[e];
    uint32_t g = em->group;
    for (uint32_t j = 0; j < d->gnpools[g]; j++) {
      uint32_t pl = d->gpools[g][j];
      if (!used[pl] && !(used[pl] = sb_arena_array(&m->ar, d->ndays, sizeof(uint32_t))))
        return false;
    }
    if (out_of_time(s)) {
      m->timed_out = true;
      return false;
    }
    int64_t days = s->granted_days[e];
    double hours = 0;
    for (uint32_t k = a; k < b; k++)
      if (x[k] > 0.5) {
        days += m->cols[k].len;
        hours += m->cols[k].hours;
      }
    /* Balance and max_days first (the grant may have used them up). */
    for (uint32_t k = b; k-- > a;) {
      bool over = (em->has_balance && hours > s->balance_left[e] + LV_EPS) ||
                  (d->has_max_days && days > d->max_days);
      if (!over) break;
      if (x[k] > 0.5) {
        x[k] = 0;
        days -= m->cols[k].len;
        hours -= m->cols[k].hours;
      }
    }
    for (uint32_t k = a; k < b; k++) {
      surplus[k] = days - em->min_days;
      if (x[k] > 0.5) use_days(s, used, g, m->cols[k].r, 1);
    }
    a = b;
  }
  /* Caps: on a day over a pool's cap, drop the covering option whose
   * employee has the most days to spare. */
  for (uint32_t k = 0; k < m->ncols; k++) {
    if (x[k] < 0.5) continue;
    if ((k & 63) == 63 && out_of_time(s)) {
      m->timed_out = true;
      return false;
    }
    const lx_col *c = &m->cols[k];
    uint32_t g = d->emps[c->emp].group;
    for (sb_day day = c->r.start; day <= c->r.end && x[k] > 0.5; day++) {
      uint32_t di = (uint32_t)(day - d->period.start);
      for (uint32_t pj = 0; pj < d->gnpools[g]; pj++) {
        uint32_t pl = d->gpools[g][pj];
        int64_t room = lv_pool_room(s, pl, di);
        while (room != INT64_MAX && (int64_t)used[pl][di] > room) {
          uint32_t best = UINT32_MAX;
          for (uint32_t j = 0; j < m->ncols; j++) {
            const lx_col *cj = &m->cols[j];
            if (x[j] < 0.5 || day < cj->r.start || day > cj->r.end ||
                !in_pool(d, d->emps[cj->emp].group, pl))
              continue;
            if (best == UINT32_MAX || surplus[j] > surplus[best]) best = j;
          }
          if (best == UINT32_MAX) return false;
          x[best] = 0;
          const lx_col *cb = &m->cols[best];
          use_days(s, used, d->emps[cb->emp].group, cb->r, -1);
          for (uint32_t j = 0; j < m->ncols; j++)
            if (m->cols[j].emp == cb->emp) surplus[j] -= cb->len;
        }
      }
    }
  }
  /* Fill each employee's shortfall, longest options first; employees in
   * seniority order, or (by_slack) the least room to spare first. */
  uint32_t nblk = 0;
  uint32_t *blk = sb_arena_array(&m->ar, m->ncols + 1, sizeof(uint32_t));
  int64_t *slack = sb_arena_array(&m->ar, m->ncols + 1, sizeof(int64_t));
  if (!blk || !slack) return false;
  for (uint32_t a = 0; a < m->ncols;) {
    uint32_t e = m->cols[a].emp, b = a;
    int64_t sum = 0;
    while (b < m->ncols && m->cols[b].emp == e) sum += m->cols[b++].len;
    slack[nblk] = sum - (d->emps[e].min_days - s->granted_days[e]);
    uint32_t j = nblk++;
    while (by_slack && j > 0 && slack[j - 1] > slack[j]) {
      int64_t t = slack[j - 1];
      slack[j - 1] = slack[j];
      slack[j] = t;
      blk[j] = blk[j - 1];
      j--;
    }
    blk[j] = a;
    a = b;
  }
  for (uint32_t bi = 0; bi < nblk; bi++) {
    if ((bi & 63) == 63 && out_of_time(s)) {
      m->timed_out = true;
      return false;
    }
    uint32_t a = blk[bi];
    uint32_t e = m->cols[a].emp, b = a;
    while (b < m->ncols && m->cols[b].emp == e) b++;
    const lv_emp *em = &d->emps[e];
    uint32_t g = em->group;
    uint32_t n = 0;
    for (uint32_t k = a; k < b; k++) {
      uint32_t j = n++;
      while (j > 0 && m->cols[order[j - 1]].len < m->cols[k].len) {
        order[j] = order[j - 1];
        j--;
      }
      order[j] = k;
    }
    int64_t need = em->min_days - s->granted_days[e], days = 0;
    double hours = 0;
    for (uint32_t k = a; k < b; k++)
      if (x[k] > 0.5) {
        days += m->cols[k].len;
        hours += m->cols[k].hours;
      }
    for (uint32_t t = 0; t < n && days < need; t++) {
      const lx_col *c = &m->cols[order[t]];
      if (x[order[t]] > 0.5) continue;
      bool ok = true;
      for (uint32_t k = a; k < b && ok; k++)
        if (x[k] > 0.5 && (m->cols[k].choice == c->choice ||
                           (m->cols[k].r.start <= c->r.end && c->r.start <= m->cols[k].r.end)))
          ok = false;
      if (!ok) continue;
      if (lv_rule_balance(s, e, hours + c->hours)) continue;
      if (lv_rule_max_days(s, e, days + c->len)) continue;
      for (sb_day day = c->r.start; day <= c->r.end && ok; day++) {
        uint32_t di = (uint32_t)(day - d->period.start);
        for (uint32_t pj = 0; pj < d->gnpools[g] && ok; pj++) {
          uint32_t pl = d->gpools[g][pj];
          int64_t room = lv_pool_room(s, pl, di);
          if (room != INT64_MAX && (int64_t)used[pl][di] + 1 > room) ok = false;
        }
      }
      if (!ok) continue;
      use_days(s, used, g, c->r, 1);
      x[order[t]] = 1;
      days += c->len;
      hours += c->hours;
    }
    if (days < need) {
      if (!m->short_emp) m->short_emp = sb_arena_array(&m->ar, m->ncols + 1, sizeof(uint32_t));
      if (!m->short_emp) return false;
      m->short_emp[m->nshort++] = e;
    }
  }
  return m->nshort == 0;
}

/* Marks in x the columns the current witness holds. */
static void preset_from_witness(const lv_state *s, const lx_model *m, double *x) {
  const lv_lex *lx = s->lex;
  if (!lx || !lx->witness_valid) return;
  for (uint32_t k = 0; k < m->ncols; k++)
    if (lx->wsel[m->cols[k].choice] == (int32_t)m->cols[k].opt) x[k] = 1;
}

/* Large-neighbourhood step before the full program: the employees left
 * short by the repair, and those whose repaired options share a group and
 * day with a short employee's candidates, are solved again with GLPK while
 * everyone else keeps the repaired options (their days are taken off the
 * room). A point found is a completion; none proves nothing. */
static int neighbourhood(lv_state *s, lx_model *m, double *x, bool *found,
                         bool *refuted, bool *timed_out) {
  const lv_data *d = s->d;
  *found = false;
  *refuted = false;
  if (m->nshort == 0) return SENBID_OK;
  uint8_t *in = sb_arena_array(&m->ar, s->p->nemps + 1, 1);
  uint8_t **hot = sb_arena_array(&m->ar, d->npools + 1, sizeof(uint8_t *));
  uint32_t **fixed = sb_arena_array(&m->ar, d->npools + 1, sizeof(uint32_t *));
  uint32_t *list = sb_arena_array(&m->ar, m->ncols + 1, sizeof(uint32_t));
  if (!in || !hot || !fixed || !list) return sb_err_nomem(s->ctx->err);
  for (uint32_t i = 0; i < m->nshort; i++) in[m->short_emp[i]] = 1;
  int rc = SENBID_OK;
  /* Widen three times at most: each level adds the employees whose
   * repaired options meet the days the current ones could use. */
  for (int level = 0; level < 3 && rc == SENBID_OK; level++) {
    if (out_of_time(s)) {
      *timed_out = true;
      return SENBID_OK;
    }
    for (uint32_t k = 0; k < m->ncols; k++) {
      const lx_col *c = &m->cols[k];
      if (!in[c->emp]) continue;
      uint32_t g = d->emps[c->emp].group;
      for (uint32_t j = 0; j < d->gnpools[g]; j++) {
        uint32_t pl = d->gpools[g][j];
        if (!hot[pl] && !(hot[pl] = sb_arena_array(&m->ar, d->ndays, 1)))
          return sb_err_nomem(s->ctx->err);
        for (sb_day day = c->r.start; day <= c->r.end; day++)
          hot[pl][day - d->period.start] = 1;
      }
    }
    uint32_t added = 0;
    for (uint32_t k = 0; k < m->ncols; k++) {
      const lx_col *c = &m->cols[k];
      uint32_t g = d->emps[c->emp].group;
      if (x[k] < 0.5 || in[c->emp]) continue;
      bool meets = false;
      for (uint32_t j = 0; j < d->gnpools[g] && !meets; j++) {
        const uint8_t *h = hot[d->gpools[g][j]];
        for (sb_day day = c->r.start; h && day <= c->r.end && !meets; day++)
          meets = h[day - d->period.start];
      }
      if (meets) {
        in[c->emp] = 2;
        added++;
      }
    }
    if (level > 0 && added == 0) break;
    uint32_t n = 0;
    for (uint32_t pl = 0; pl < d->npools; pl++)
      if (fixed[pl]) memset(fixed[pl], 0, d->ndays * sizeof(uint32_t));
    for (uint32_t k = 0; k < m->ncols; k++) {
      const lx_col *c = &m->cols[k];
      if (in[c->emp] && (n == 0 || list[n - 1] != c->emp)) list[n++] = c->emp;
      if (in[c->emp] || x[k] < 0.5) continue;
      uint32_t g = d->emps[c->emp].group;
      for (uint32_t j = 0; j < d->gnpools[g]; j++) {
        uint32_t pl = d->gpools[g][j];
        if (!fixed[pl] && !(fixed[pl] = sb_arena_array(&m->ar, d->ndays, sizeof(uint32_t))))
          return sb_err_nomem(s->ctx->err);
      }
    }
    for (uint32_t k = 0; k < m->ncols; k++)
      if (!in[m->cols[k].emp] && x[k] >= 0.5)
        use_days(s, fixed, d->emps[m->cols[k].emp].group, m->cols[k].r, 1);
    /* 1. The neighbourhood with everyone else fixed: a point is a
     * completion. */
    lx_model rm;
    model_init(&rm, s);
    rc = build_model(s, list, n, false, &rm, fixed);
    if (rm.timed_out) *timed_out = true;
    if (rc == SENBID_OK && !rm.timed_out && !rm.trivially_infeasible && rm.ncols > 0) {
      lx_run run = {&rm, sb_arena_array(&rm.ar, rm.ncols + 1, sizeof(double)), false, false, 0};
      if (!run.x) rc = sb_err_nomem(s->ctx->err);
      if (rc == SENBID_OK) rc = sb_glpk_run(s->ctx, glpk_solve, &run);
      if (rc == SENBID_OK && run.timed_out) *timed_out = true;
      if (rc == SENBID_OK && run.feasible) {
        /* Merge: the neighbourhood's options replace its repaired ones. */
        for (uint32_t k = 0; k < m->ncols; k++)
          if (in[m->cols[k].emp]) x[k] = 0;
        for (uint32_t j = 0; j < rm.ncols; j++) {
          if (run.x[j] < 0.5) continue;
          for (uint32_t k = 0; k < m->ncols; k++)
            if (m->cols[k].choice == rm.cols[j].choice && m->cols[k].opt == rm.cols[j].opt) {
              x[k] = 1;
              break;
            }
        }
        *found = true;
      }
    }
    model_free(&rm, s);
    if (rc < 0 || *found || *timed_out) return rc;
    /* 2. The same employees alone, nobody else fixed: a relaxation of the
     * whole program, so if even they cannot all reach their minimums,
     * nobody can. */
    model_init(&rm, s);
    rc = build_model(s, list, n, false, &rm, NULL);
    if (rm.timed_out) *timed_out = true;
    else if (rc == SENBID_OK && rm.trivially_infeasible) *refuted = true;
    if (rc == SENBID_OK && !rm.timed_out && !rm.trivially_infeasible && rm.ncols > 0) {
      lx_run run = {&rm, sb_arena_array(&rm.ar, rm.ncols + 1, sizeof(double)), false, false, 0};
      if (!run.x) rc = sb_err_nomem(s->ctx->err);
      if (rc == SENBID_OK) rc = sb_glpk_run(s->ctx, glpk_solve, &run);
      if (rc == SENBID_OK && run.timed_out) *timed_out = true;
      if (rc == SENBID_OK && !run.timed_out && !run.feasible) *refuted = true;
    }
    model_free(&rm, s);
    if (rc < 0 || *refuted || *timed_out) return rc;
  }
  return rc;
}

/* The component's certificates as weights on m's rows (*ncert vectors
 * of one per row, zero elsewhere; room for one when there are none): key
 * lists are in the same order. NULL when there is nothing to try. */
static double *cert_hint(const lv_state *s, lx_model *m, uint32_t *ncert) {
  *ncert = 0;
  if (m->comp < 0 || m->ncap == 0) return NULL;
  const lx_certs *cs = &s->lex->cert[m->comp];
  uint32_t nr = sb_lp_nrows(&m->lp);
  double *w = sb_arena_array(&m->ar, (size_t)(cs->n ? cs->n : 1) * nr + 1, sizeof(double));
  if (!w) return NULL; /* only a hint: the LP runs instead */
  for (uint32_t h = 0; h < cs->n; h++) {
    const lx_cert *c = &cs->c[h];
    double *wh = w + (size_t)h * nr;
    for (uint32_t i = 0, k = 0; i < m->ncap && k < c->n;) {
      if (m->cap_key[i] < c->key[k]) i++;
      else if (m->cap_key[i] > c->key[k]) k++;
      else wh[m->cap_first + i++] = c->w[k++];
    }
  }
  *ncert = cs->n;
  return w;
}

/* Keeps the certificate that refused m (weights by row; by_hint: the
 * number of the kept one that did, 0 the LP's) first for its
 * component's next question. */
static int cert_keep(lv_state *s, const lx_model *m, const double *w, uint32_t by_hint) {
  if (m->comp < 0 || !w) return SENBID_OK;
  lx_certs *cs = &s->lex->cert[m->comp];
  uint32_t at = by_hint ? by_hint - 1 : cs->n < LX_CERTS ? cs->n++ : LX_CERTS - 1;
  lx_cert c = cs->c[at];
  memmove(cs->c + 1, cs->c, at * sizeof(lx_cert));
  cs->c[0] = c;
  if (by_hint) return SENBID_OK;
  lx_cert *n0 = &cs->c[0];
  uint32_t n = 0;
  for (uint32_t i = 0; i < m->ncap; i++) n += w[m->cap_first + i] > 0;
  if (n > n0->cap) {
    uint32_t nc = n > 2 * n0->cap ? n : 2 * n0->cap;
    n0->key = sb_arena_array(s->ar, nc, sizeof(uint64_t));
    n0->w = sb_arena_array(s->ar, nc, sizeof(double));
    n0->n = n0->cap = 0;
    if (!n0->key || !n0->w) return sb_err_nomem(s->ctx->err);
    n0->cap = nc;
  }
  n0->n = 0;
  for (uint32_t i = 0; i < m->ncap; i++)
    if (w[m->cap_first + i] > 0) {
      n0->key[n0->n] = m->cap_key[i];
      n0->w[n0->n++] = w[m->cap_first + i];
    }
  return SENBID_OK;
}

/* Whether a search that backs off runs on this question of component
 * comp (always outside components): after LX_BACKOFF_FAILS failures in a
 * row, on one question in 8, then ever fewer (one in 256 after 5 more). */
static bool backoff_runs(lx_backoff *b, int32_t comp) {
  if (comp < 0 || b->fails[comp] < LX_BACKOFF_FAILS) return true;
  uint32_t every = 8, more = b->fails[comp] - LX_BACKOFF_FAILS;
  every <<= more < LX_BACKOFF_SPARSEST - 3 ? more : LX_BACKOFF_SPARSEST - 3;
  return (++b->skips & (every - 1)) == 0;
}

/* Records whether the search found a point when it ran. */
static void backoff_note(lx_backoff *b, int32_t comp, bool found) {
  if (comp < 0) return;
  uint8_t *f = &b->fails[comp];
  *f = found ? 0 : *f < UINT8_MAX ? *f + 1 : UINT8_MAX;
}

/* Solves the model; *x (ncols values, in m's arena) when feasible. */
static int solve_model(lv_state *s, lx_model *m, bool *feasible,
                       bool *timed_out, double **x, double *objective) {
  *feasible = false;
  *timed_out = false;
  *x = NULL;
  if (m->timed_out) {
    *timed_out = true;
    return SENBID_OK;
  }
  if (m->trivially_infeasible) return SENBID_OK;
  lx_run run = {m, NULL, false, false, 0};
  run.x = sb_arena_array(&m->ar, m->ncols + 1, sizeof(double));
  if (!run.x) return sb_err_nomem(s->ctx->err);
  if (m->ncols == 0) {
    /* Nothing required of anyone (need rows exist only with columns). */
    *feasible = true;
    *x = run.x;
    if (objective) *objective = 0;
    return SENBID_OK;
  }
  if (!m->maximize && !s->d->test_full_program) {
    preset_from_witness(s, m, run.x);
    bool ok = greedy_model(s, m, run.x, false);
    if (!ok) {
      memset(run.x, 0, (m->ncols + 1) * sizeof(double));
      ok = greedy_model(s, m, run.x, true);
    }
    if (ok) {
      *feasible = true;
      *x = run.x;
      return SENBID_OK;
    }
    if (m->timed_out) {
      *timed_out = true;
      return SENBID_OK;
    }
    /* The repair again, to know who is short; then GLPK on the
     * neighbourhood only (exact when it finds a point). */
    memset(run.x, 0, (m->ncols + 1) * sizeof(double));
    m->nshort = 0;
    preset_from_witness(s, m, run.x);
    greedy_model(s, m, run.x, false);
    if (m->timed_out) {
      *timed_out = true;
      return SENBID_OK;
    }
    /* A local search from the repair (exact when it finds a point: the
     * point is checked against every row); dense use-or-lose rosters,
     * where GLPK finds no point in minutes, are settled here. */
    double *jx = sb_arena_array(&m->ar, m->ncols + 1, sizeof(double));
    if (!jx) return sb_err_nomem(s->ctx->err);
    memcpy(jx, run.x, m->ncols * sizeof(double));
    bool found = false, refuted = false;
    /* Small pattern sets first, refutation only: on sparse rosters most
     * questions that get this far must be refused, which the LP settles
     * in milliseconds where the local search would spend its whole
     * budget in vain. Dense rosters (many patterns) skip this. */
    uint32_t ncert = 0;
    double *cert = cert_hint(s, m, &ncert);
    sb_lp_refute_info info;
    SB_TRY(sb_lp_patterns(s->ctx, &m->lp, LX_PATTERNS_EACH, LX_PATTERNS_EARLY, 0,
                          NULL, NULL, cert, ncert, &refuted, &found, &info));
    if (refuted) {
      *x = jx;
      return cert_keep(s, m, cert, info.by_hint);
    }
    /* Where the local search failed on the component's last questions
     * (a large group near the end of its room: it takes a second and the
     * patterns answer), it backs off: past the wall of the 20,000 group
     * it found one point in 312 tries, which took 58% of the solve. */
    if (backoff_runs(&s->lex->jump, m->comp)) {
      SB_TRY(sb_lp_jump(s->ctx, &m->lp, &m->ar, jx, 50 * (uint64_t)m->ncols + 10000, &found));
      backoff_note(&s->lex->jump, m->comp, found);
    }
    if (found) {
      *feasible = true;
      *x = jx;
      return SENBID_OK;
    }
    if (out_of_time(s)) {
      *timed_out = true;
      return SENBID_OK;
    }
    /* The patterns (lib/lp/refute.c): each short employee's minimal sets
     * of options reaching the minimum. Their LP within the caps refutes
     * exactly (a certificate checked in integers), and their 0-1 program
     * finds completions where GLPK on this one does not: dense
     * use-or-lose rosters stalled for minutes on single questions whose
     * LP relaxation is feasible (issue 13). Exact either way. */
    if (info.hints) ncert = 0; /* tried above on this same program */
    /* The patterns' swapping searches, from the witness and from their
     * LP's point, back off too: each settles questions in runs, then
     * fails for long runs (on dense rosters of 150 the one from the LP
     * point found none of the points GLPK did and took 46-53% of the
     * solve on two of three; bench/leave/REPORT.md, thirteenth pass). */
    m->lp.no_start_swap = !backoff_runs(&s->lex->start_swap, m->comp);
    m->lp.no_lp_swap = !backoff_runs(&s->lex->lp_swap, m->comp);
    SB_TRY(sb_lp_patterns(s->ctx, &m->lp, LX_PATTERNS_EACH, LX_PATTERNS_ALL,
                          patterns_ms(s), run.x, jx, cert, ncert, &refuted, &found, &info));
    if (info.start_swap_run)
      backoff_note(&s->lex->start_swap, m->comp, info.start_swap_found);
    if (info.lp_swap_run) backoff_note(&s->lex->lp_swap, m->comp, info.lp_swap_found);
    if (refuted || found) {
      *feasible = found;
      *x = jx;
      return refuted && !info.by_ip ? cert_keep(s, m, cert, info.by_hint) : SENBID_OK;
    }
    if (out_of_time(s)) {
      *timed_out = true;
      return SENBID_OK;
    }
    SB_TRY(neighbourhood(s, m, run.x, &found, &refuted, timed_out));
    if (found || refuted || *timed_out) {
      *feasible = found;
      *x = run.x;
      return SENBID_OK;
    }
    memset(run.x, 0, (m->ncols + 1) * sizeof(double));
  }
  SB_TRY(sb_glpk_run(s->ctx, glpk_solve, &run));
  *feasible = run.feasible;
  *timed_out = run.timed_out;
  *x = run.x;
  if (objective) *objective = run.objective;
  return SENBID_OK;
}

/* ------------------------------------------------------------------------ */
/* The witness                                                              */
/* ------------------------------------------------------------------------ */

/* The witness's use of every pool of group g, allocated when first
 * touched. */
static int wuse_arrays(lv_state *s, uint32_t g) {
  lv_lex *lx = s->lex;
  const lv_data *d = s->d;
  for (uint32_t j = 0; j < d->gnpools[g]; j++) {
    uint32_t pl = d->gpools[g][j];
    if (!lx->wuse[pl] &&
        !(lx->wuse[pl] = sb_arena_array(s->ar, d->ndays, sizeof(uint32_t))))
      return sb_err_nomem(s->ctx->err);
  }
  return SENBID_OK;
}

/* Removes choice c (of employee e) from the witness. */
static void witness_drop(lv_state *s, uint32_t e, uint32_t c) {
  lv_lex *lx = s->lex;
  const lv_data *d = s->d;
  int32_t k = lx->wsel[c];
  if (k < 0) return;
  sb_range r = d->opts[d->choices[c].first_opt + (uint32_t)k];
  use_days(s, lx->wuse, d->emps[e].group, r, -1);
  lx->wdays[e] -= r.end - r.start + 1;
  lx->whours[e] -= lv_charged_days(s, e, r) * d->emps[e].hours_per_day;
  lx->wsel[c] = -1;
}

/* The witness's part for the employees in list (all of one or more whole
 * components) becomes the columns of x; the rest of the witness stays. */
static int witness_set(lv_state *s, const lx_model *m, const double *x,
                       const uint32_t *list, uint32_t n) {
  lv_lex *lx = s->lex;
  const lv_data *d = s->d;
  for (uint32_t i = 0; i < n; i++) {
    uint32_t e = list[i];
    int32_t q = d->emps[e].request;
    if (q >= 0)
      for (uint32_t ci = 0; ci < d->req_nchoices[q]; ci++)
        lx->wsel[d->req_first_choice[q] + ci] = -1;
    lx->wdays[e] = 0;
    lx->whours[e] = 0;
    uint32_t g = d->emps[e].group;
    for (uint32_t j = 0; j < d->gnpools[g]; j++) {
      uint32_t pl = d->gpools[g][j];
      if (lx->wuse[pl]) memset(lx->wuse[pl], 0, d->ndays * sizeof(uint32_t));
    }
  }
  for (uint32_t k = 0; k < m->ncols; k++) {
    if (x[k] < 0.5) continue;
    const lx_col *c = &m->cols[k];
    uint32_t g = d->emps[c->emp].group;
    SB_TRY(wuse_arrays(s, g));
    use_days(s, lx->wuse, g, c->r, 1);
    lx->wsel[c->choice] = (int32_t)c->opt;
    lx->wdays[c->emp] += c->len;
    lx->whours[c->emp] += c->hours;
  }
  return SENBID_OK;
}

/* Whether the witness, without choice c, is still a completion once e has
 * been granted option r of c (already applied to the state). */
static bool witness_holds(lv_state *s, uint32_t e, uint32_t c, sb_range r) {
  lv_lex *lx = s->lex;
  const lv_data *d = s->d;
  const lv_emp *em = &d->emps[e];
  if (!lx->witness_valid) return false;
  int32_t wk = lx->wsel[c];
  sb_range wr = {1, 0};
  if (wk >= 0) wr = d->opts[d->choices[c].first_opt + (uint32_t)wk];
  uint32_t g = em->group;
  for (uint32_t j = 0; j < d->gnpools[g]; j++) {
    uint32_t pl = d->gpools[g][j];
    const uint32_t *u = lx->wuse[pl];
    if (!u) continue;
    for (sb_day day = r.start; day <= r.end; day++) {
      uint32_t di = (uint32_t)(day - d->period.start);
      int64_t room = lv_pool_room(s, pl, di);
      if (room == INT64_MAX) continue;
      int64_t used = (int64_t)u[di] - (day >= wr.start && day <= wr.end ? 1 : 0);
      if (used > room) return false;
    }
  }
  if (em->min_days <= 0) return true;
  int64_t wd = lx->wdays[e];
  double wh = lx->whours[e];
  if (wk >= 0) {
    wd -= wr.end - wr.start + 1;
    wh -= lv_charged_days(s, e, wr) * em->hours_per_day;
  }
  if (s->granted_days[e] + wd < em->min_days) return false;
  if (lv_rule_balance(s, e, wh) || lv_rule_max_days(s, e, wd)) return false;
  int32_t q = em->request;
  for (uint32_t ci = 0; q >= 0 && ci < d->req_nchoices[q]; ci++) {
    uint32_t cc = d->req_first_choice[q] + ci;
    if (cc == c || lx->wsel[cc] < 0) continue;
    sb_range o = d->opts[d->choices[cc].first_opt + (uint32_t)lx->wsel[cc]];
    if (o.start <= r.end && r.start <= o.end) return false;
  }
  return true;
}

/* ------------------------------------------------------------------------ */
/* Entry points                                                             */
/* ------------------------------------------------------------------------ */

static int lex_alloc(lv_state *s) {
  const lv_data *d = s->d;
  const senbid_problem *p = s->p;
  lv_lex *lx = sb_arena_alloc(s->ar, sizeof *lx);
  if (!lx) return sb_err_nomem(s->ctx->err);
  s->lex = lx;
  lx->memp = sb_arena_array(s->ar, d->nmin + 1, sizeof(uint32_t));
  lx->wsel = sb_arena_array(s->ar, d->nchoices + 1, sizeof(int32_t));
  lx->wdays = sb_arena_array(s->ar, p->nemps + 1, sizeof(int64_t));
  lx->whours = sb_arena_array(s->ar, p->nemps + 1, sizeof(double));
  lx->wuse = sb_arena_array(s->ar, d->npools + 1, sizeof(uint32_t *));
  lx->refused = sb_arena_array(s->ar, d->ngroups + 1, sizeof(int32_t *));
  lx->rank = sb_arena_array(s->ar, p->nemps + 1, sizeof(uint32_t));
  if (!lx->memp || !lx->wsel || !lx->wdays || !lx->whours || !lx->wuse ||
      !lx->refused || !lx->rank)
    return sb_err_nomem(s->ctx->err);
  for (uint32_t c = 0; c < d->nchoices; c++) lx->wsel[c] = -1;
  for (uint32_t i = 0; i < p->nemps; i++) {
    uint32_t e = p->sen.order[i];
    lx->rank[e] = i;
    if (d->emps[e].min_days > 0) lx->memp[lx->nm++] = e;
  }
  return SENBID_OK;
}

/* Feasibility of the completion program for a set of employees. */
static int feasible_set(lv_state *s, const uint32_t *list, uint32_t n,
                        bool *feasible, bool *timed_out) {
  lx_model m;
  model_init(&m, s);
  int rc = build_model(s, list, n, false, &m, NULL);
  double *x;
  if (rc == SENBID_OK) rc = solve_model(s, &m, feasible, timed_out, &x, NULL);
  model_free(&m, s);
  return rc;
}

/* The most days employee e could be granted alone. */
static int max_alone(lv_state *s, uint32_t e, int64_t *out, bool *timed_out) {
  lx_model m;
  model_init(&m, s);
  int rc = build_model(s, &e, 1, true, &m, NULL);
  double *x, obj = 0;
  bool feas = false;
  if (rc == SENBID_OK) rc = solve_model(s, &m, &feas, timed_out, &x, &obj);
  *out = feas ? (int64_t)(obj + 0.5) : 0;
  model_free(&m, s);
  return rc;
}

/* A minimal conflicting set: a single employee who cannot reach the
 * minimum alone, else a deletion filter from the most junior up. */
static int find_conflict(lv_state *s, bool *timed_out) {
  lv_lex *lx = s->lex;
  const lv_data *d = s->d;
  uint32_t nm = lx->nm;
  lx->inf_emp = sb_arena_array(s->ar, nm + 1, sizeof(uint32_t));
  lx->inf_max = sb_arena_array(s->ar, nm + 1, sizeof(int64_t));
  int64_t *alone = sb_arena_array(s->ar, nm + 1, sizeof(int64_t));
  uint8_t *in = sb_arena_array(s->ar, nm + 1, 1);
  if (!lx->inf_emp || !lx->inf_max || !alone || !in)
    return sb_err_nomem(s->ctx->err);
  for (uint32_t i = 0; i < nm; i++) {
    if (out_of_time(s)) *timed_out = true;
    else SB_TRY(max_alone(s, lx->memp[i], &alone[i], timed_out));
    if (*timed_out) return SENBID_OK;
    if (alone[i] < d->emps[lx->memp[i]].min_days) {
      lx->inf_emp[0] = lx->memp[i];
      lx->inf_max[0] = alone[i];
      lx->ninf = 1;
      return SENBID_OK;
    }
  }
  uint32_t *list = sb_arena_array(s->ar, nm + 1, sizeof(uint32_t));
  if (!list) return sb_err_nomem(s->ctx->err);
  for (uint32_t i = 0; i < nm; i++) in[i] = 1;
  for (uint32_t j = nm; j-- > 0;) {
    in[j] = 0;
    uint32_t n = 0;
    for (uint32_t i = 0; i < nm; i++)
      if (in[i]) list[n++] = lx->memp[i];
    bool feas = true;
    if (out_of_time(s)) *timed_out = true;
    else SB_TRY(feasible_set(s, list, n, &feas, timed_out));
    if (*timed_out) return SENBID_OK;
    if (feas) in[j] = 1; /* needed for the conflict */
  }
  for (uint32_t i = 0; i < nm; i++)
    if (in[i]) {
      lx->inf_emp[lx->ninf] = lx->memp[i];
      lx->inf_max[lx->ninf] = alone[i];
      lx->ninf++;
    }
  return SENBID_OK;
}

/* dates: days where the set's options need more places than the group's
 * cap or a total covering the day leaves beside approved leave (SPEC 9);
 * each employee lists those its options touch. */
static int conflict_dates(lv_state *s) {
  lv_lex *lx = s->lex;
  const lv_data *d = s->d;
  uint32_t nd = d->ndays;
  lx->inf_dates = sb_arena_array(s->ar, lx->ninf + 1, sizeof(uint8_t *));
  uint32_t **cnt = sb_arena_array(s->ar, d->npools + 1, sizeof(uint32_t *));
  uint32_t *stamp = sb_arena_array(s->ar, nd, sizeof(uint32_t));
  if (!lx->inf_dates || !cnt || !stamp) return sb_err_nomem(s->ctx->err);
  for (uint32_t i = 0; i < lx->ninf; i++) {
    uint32_t e = lx->inf_emp[i];
    const lv_emp *em = &d->emps[e];
    lx->inf_dates[i] = sb_arena_array(s->ar, nd, 1);
    if (!lx->inf_dates[i]) return sb_err_nomem(s->ctx->err);
    for (uint32_t j = 0; j < d->gnpools[em->group]; j++) {
      uint32_t pl = d->gpools[em->group][j];
      if (!cnt[pl] && !(cnt[pl] = sb_arena_array(s->ar, nd, sizeof(uint32_t))))
        return sb_err_nomem(s->ctx->err);
    }
    if (em->request < 0) continue;
    uint32_t q = (uint32_t)em->request;
    for (uint32_t ci = 0; ci < d->req_nchoices[q]; ci++) {
      const lv_choice *ch = &d->choices[d->req_first_choice[q] + ci];
      for (uint32_t k = 0; k < ch->nopts; k++) {
        sb_range r = d->opts[ch->first_opt + k];
        if (lv_rule_outside_period(d, r) || lv_rule_overlap(s, e, r)) continue;
        for (sb_day day = r.start; day <= r.end; day++) {
          uint32_t di = (uint32_t)(day - d->period.start);
          if (stamp[di] != i + 1) { /* distinct employees */
            stamp[di] = i + 1;
            for (uint32_t j = 0; j < d->gnpools[em->group]; j++)
              cnt[d->gpools[em->group][j]][di]++;
            lx->inf_dates[i][di] = 1;
          }
        }
      }
    }
  }
  for (uint32_t i = 0; i < lx->ninf; i++) {
    uint32_t g = d->emps[lx->inf_emp[i]].group;
    for (uint32_t di = 0; di < nd; di++) {
      if (!lx->inf_dates[i][di]) continue;
      bool tight = false;
      for (uint32_t j = 0; j < d->gnpools[g] && !tight; j++) {
        uint32_t pl = d->gpools[g][j];
        int64_t room = lv_pool_room(s, pl, di);
        tight = room != INT64_MAX && (int64_t)cnt[pl][di] > room;
      }
      lx->inf_dates[i][di] = tight;
    }
  }
  return SENBID_OK;
}

/* Whether the completion program of the employees in list (whole
 * components) is feasible now; a completion found becomes their part of
 * the witness. With every employee it is the whole program. */
/* The choices the sequence will reach next in component comp (-1: any),
 * at most max, in order: the rest of this round, then round after round
 * in seniority order (rules.priority may reorder a later round, so this
 * is a guess; only a witness is shaped after it). */
static uint32_t upcoming(const lv_state *s, int32_t comp, uint32_t *oe,
                         uint32_t *oc, uint32_t max) {
  const lv_seq *q = &s->seq;
  const lv_data *d = s->d;
  const lv_lex *lx = s->lex;
  uint32_t n = 0;
  uint64_t budget = 64 * (uint64_t)max; /* slots looked at, at most */
  for (uint32_t i = q->pos; i < q->norder && n < max && budget; i++, budget--) {
    const lv_slot *a = &q->order[i];
    uint32_t nc = s->next_choice[a->q];
    if (nc >= a->n || (comp >= 0 && lx->comp[d->emps[a->e].group] != (uint32_t)comp))
      continue;
    oe[n] = a->e;
    oc[n++] = a->first + nc;
  }
  /* Without rules.priority a round's order is the active list: those
   * before the one deciding now have had this round's turn. Before the
   * first round (the first completion) the next round is the first. */
  bool same = q->order == q->active;
  for (uint32_t r = q->started ? 1 : 0; n < max && budget; r++) {
    bool any = false;
    for (uint32_t i = 0; i < q->nactive && n < max && budget; i++, budget--) {
      const lv_slot *a = &q->active[i];
      uint32_t ci = s->next_choice[a->q] + r - (same && i + 1 < q->pos ? 1 : 0);
      if (ci >= a->n) continue;
      any = true;
      if (comp >= 0 && lx->comp[d->emps[a->e].group] != (uint32_t)comp) continue;
      oe[n] = a->e;
      oc[n++] = a->first + ci;
    }
    if (!any) break;
  }
  return n;
}

static int cmp_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return (x > y) - (x < y);
}

/* Shapes a completion x of m after the questions to come (upcoming): each
 * choice of one of m's employees towards its first option, each of anyone
 * else's towards room for its first option that fits, as far as a small
 * repair of x allows (sb_lp_prefer). A witness that holds the next grants,
 * or leaves room for them, answers their questions without a program:
 * dense use-or-lose rosters asked a program for seven questions in eight
 * (issue 13). x stays a completion: it is checked against every row, and
 * left as it was if not. */
static int witness_shape(lv_state *s, lx_model *m, double *x) {
  const lv_data *d = s->d;
  if (m->ncols == 0 || m->maximize) return SENBID_OK;
  sb_arena *ar = &m->ar;
  uint32_t *oe = sb_arena_array(ar, LX_SHAPE, sizeof(uint32_t));
  uint32_t *oc = sb_arena_array(ar, LX_SHAPE, sizeof(uint32_t));
  uint32_t *cfirst = sb_arena_array(ar, LX_SHAPE, sizeof(uint32_t));
  uint32_t *cn = sb_arena_array(ar, LX_SHAPE, sizeof(uint32_t));
  if (!oe || !oc || !cfirst || !cn) return sb_err_nomem(s->ctx->err);
  uint32_t nu = upcoming(s, m->comp, oe, oc, LX_SHAPE);
  if (nu == 0) return SENBID_OK;
  /* Each upcoming choice's columns in m (contiguous), found in one pass
   * over m against the choices sorted (choice << 32 | entry). */
  uint64_t *sorted = sb_arena_array(ar, nu, sizeof(uint64_t));
  if (!sorted) return sb_err_nomem(s->ctx->err);
  for (uint32_t i = 0; i < nu; i++) {
    sorted[i] = (uint64_t)oc[i] << 32 | i;
    cn[i] = 0;
  }
  qsort(sorted, nu, sizeof *sorted, cmp_u64);
  for (uint32_t k = 0; k < m->ncols; k++) {
    uint32_t c = m->cols[k].choice;
    if (k > 0 && c == m->cols[k - 1].choice) continue;
    uint32_t lo = 0, hi = nu;
    while (lo < hi) {
      uint32_t mid = (lo + hi) / 2;
      if ((uint32_t)(sorted[mid] >> 32) < c) lo = mid + 1;
      else hi = mid;
    }
    if (lo == nu || (uint32_t)(sorted[lo] >> 32) != c) continue;
    uint32_t i = (uint32_t)sorted[lo];
    cfirst[i] = k;
    for (uint32_t j = k; j < m->ncols && m->cols[j].choice == c; j++) cn[i]++;
  }
  /* The groups: m's columns, or extra columns (the cap rows an option of
   * someone outside m would load) for the others. */
  uint32_t nwant = 0, nx = 0, nterm = 0;
  for (uint32_t i = 0; i < nu; i++) nwant += cn[i] ? cn[i] : d->choices[oc[i]].nopts;
  uint32_t *want = sb_arena_array(ar, nwant + 1, sizeof(uint32_t));
  uint32_t *gstart = sb_arena_array(ar, nu + 2, sizeof(uint32_t));
  uint32_t *xstart = sb_arena_array(ar, nwant + 2, sizeof(uint32_t));
  sb_vec rows;
  sb_vec_init(&rows, &s->p->alloc, sizeof(uint32_t));
  if (!want || !gstart || !xstart) return sb_err_nomem(s->ctx->err);
  uint32_t ng = 0;
  nwant = 0;
  xstart[0] = 0;
  for (uint32_t i = 0; i < nu; i++) {
    gstart[ng] = nwant;
    if (cn[i]) {
      for (uint32_t j = 0; j < cn[i]; j++) want[nwant++] = cfirst[i] + j;
    } else if (m->ncap) {
      uint32_t e = oe[i], g = d->emps[e].group;
      const lv_choice *ch = &d->choices[oc[i]];
      for (uint32_t k = 0; k < ch->nopts; k++) {
        sb_range r = d->opts[ch->first_opt + k];
        int32_t len;
        double hours;
        if (!candidate(s, e, r, &len, &hours)) continue;
        for (uint32_t j = 0; j < d->gnpools[g]; j++) {
          uint64_t pool = d->gpools[g][j];
          uint64_t lo_key = pool << 32 | (uint32_t)(r.start - d->period.start);
          uint64_t hi_key = pool << 32 | (uint32_t)(r.end - d->period.start);
          uint32_t lo = 0, hi = m->ncap;
          while (lo < hi) {
            uint32_t mid = (lo + hi) / 2;
            if (m->cap_key[mid] < lo_key) lo = mid + 1;
            else hi = mid;
          }
          for (; lo < m->ncap && m->cap_key[lo] <= hi_key; lo++) {
            uint32_t *t = sb_vec_push(&rows);
            if (!t) {
              sb_vec_free(&rows);
              return sb_err_nomem(s->ctx->err);
            }
            *t = m->cap_first + lo;
            nterm++;
          }
        }
        want[nwant++] = m->ncols + nx;
        xstart[++nx] = nterm;
      }
    }
    if (nwant > gstart[ng]) ng++;
  }
  gstart[ng] = nwant;
  double *one = sb_arena_array(ar, nterm + 1, sizeof(double));
  double *x0 = sb_arena_array(ar, m->ncols + 1, sizeof(double));
  if (!one || !x0) {
    sb_vec_free(&rows);
    return sb_err_nomem(s->ctx->err);
  }
  for (uint32_t t = 0; t < nterm; t++) one[t] = 1;
  sb_lp_extra extra = {xstart, rows.data, one, nx};
  memcpy(x0, x, m->ncols * sizeof(double));
  uint32_t got = 0;
  int rc = sb_lp_prefer(s->ctx, &m->lp, ar, x, want, gstart, ng, &extra, 64, &got);
  sb_vec_free(&rows);
  if (rc < 0) return rc;
  if (!sb_lp_satisfies(&m->lp, x)) memcpy(x, x0, m->ncols * sizeof(double));
  else if (d->test_shaped && memcmp(x, x0, m->ncols * sizeof(double)) != 0)
    (*d->test_shaped)++;
  return SENBID_OK;
}

static int program_of(lv_state *s, const uint32_t *list, uint32_t n,
                      int32_t comp, bool *feas, bool *timed_out) {
  lx_model m;
  model_init(&m, s);
  m.comp = comp;
  int rc = build_model(s, list, n, false, &m, NULL);
  double *x = NULL;
  *feas = false;
  if (rc == SENBID_OK) rc = solve_model(s, &m, feas, timed_out, &x, NULL);
  if (rc == SENBID_OK && *feas && !s->d->test_full_program)
    rc = witness_shape(s, &m, x);
  if (rc == SENBID_OK && *feas) rc = witness_set(s, &m, x, list, n);
  model_free(&m, s);
  return rc;
}

static int full_program(lv_state *s, bool *feas, bool *timed_out) {
  int rc = program_of(s, s->lex->memp, s->lex->nm, -1, feas, timed_out);
  if (rc == SENBID_OK && *feas) s->lex->witness_valid = true;
  return rc;
}

/* Groups linked by a capacity total share a component (union-find); a
 * grant in group g can only change the completion question of g's
 * component, the witness of every other one staying a completion there
 * (their pools, employees and choices are untouched). */
static int components(lv_state *s) {
  lv_lex *lx = s->lex;
  const lv_data *d = s->d;
  uint32_t ng = d->ngroups;
  uint32_t *par = sb_arena_array(s->ar, ng + 1, sizeof(uint32_t));
  lx->comp = sb_arena_array(s->ar, ng + 1, sizeof(uint32_t));
  lx->cfirst = sb_arena_array(s->ar, ng + 1, sizeof(uint32_t));
  lx->cn = sb_arena_array(s->ar, ng + 1, sizeof(uint32_t));
  lx->cmemp = sb_arena_array(s->ar, lx->nm + 1, sizeof(uint32_t));
  lx->cert = sb_arena_array(s->ar, ng + 1, sizeof(lx_certs));
  lx->jump.fails = sb_arena_array(s->ar, ng + 1, 1);
  lx->start_swap.fails = sb_arena_array(s->ar, ng + 1, 1);
  lx->lp_swap.fails = sb_arena_array(s->ar, ng + 1, 1);
  if (!par || !lx->comp || !lx->cfirst || !lx->cn || !lx->cmemp || !lx->cert ||
      !lx->jump.fails || !lx->start_swap.fails || !lx->lp_swap.fails)
    return sb_err_nomem(s->ctx->err);
  for (uint32_t g = 0; g < ng; g++) par[g] = g;
  for (uint32_t g = 0; g < ng; g++)
    for (uint32_t j = 1; j < d->gnpools[g]; j++) {
      /* Pools past the group itself are totals: link g with the first
       * group naming the same total (its root). */
      uint32_t pl = d->gpools[g][j];
      for (uint32_t h = 0; h < g; h++) {
        bool in = false;
        for (uint32_t k = 1; k < d->gnpools[h] && !in; k++) in = d->gpools[h][k] == pl;
        if (!in) continue;
        uint32_t a = g, b = h;
        while (par[a] != a) a = par[a];
        while (par[b] != b) b = par[b];
        if (a != b) par[a < b ? b : a] = a < b ? a : b;
        break;
      }
    }
  for (uint32_t g = 0; g < ng; g++) {
    uint32_t a = g;
    while (par[a] != a) a = par[a];
    lx->comp[g] = a == g ? lx->ncomp++ : lx->comp[a];
  }
  for (uint32_t i = 0; i < lx->nm; i++) lx->cn[lx->comp[d->emps[lx->memp[i]].group]]++;
  for (uint32_t c = 1; c < lx->ncomp; c++) lx->cfirst[c] = lx->cfirst[c - 1] + lx->cn[c - 1];
  memset(par, 0, (ng + 1) * sizeof(uint32_t));
  for (uint32_t i = 0; i < lx->nm; i++) {
    uint32_t c = lx->comp[d->emps[lx->memp[i]].group];
    lx->cmemp[lx->cfirst[c] + par[c]++] = lx->memp[i];
  }
  return SENBID_OK;
}

static int lex_keep(lv_state *s, uint32_t e, uint32_t choice, uint32_t opt,
                    bool *keep, bool *timed_out);
static void lex_denied(lv_state *s, uint32_t e, uint32_t choice);

int lv_lex_init(lv_state *s, lv_gate *gate, bool *feasible, bool *timed_out) {
  *feasible = true;
  *timed_out = false;
  gate->keep = lex_keep;
  gate->denied = lex_denied;
  SB_TRY(lex_alloc(s));
  SB_TRY(components(s));
  bool feas = false;
  int rc = full_program(s, &feas, timed_out);
  if (rc == SENBID_OK && !*timed_out && !feas) {
    rc = find_conflict(s, timed_out);
    if (rc == SENBID_OK && !*timed_out) {
      *feasible = false;
      rc = conflict_dates(s);
    }
  }
  /* SPEC 9: past the time limit nothing is gated. */
  if (*timed_out) gate->stopped = true;
  return rc;
}

/* Whether e's grant of r (applied) is a question of room alone: e has no
 * minimum left to reach without it, so e is not in the program. */
static bool room_only(const lv_state *s, uint32_t e, sb_range r) {
  const lv_emp *em = &s->d->emps[e];
  return em->min_days <= 0 ||
         s->granted_days[e] - (r.end - r.start + 1) >= em->min_days;
}

/* Refusals for room alone are final for every later grant in the group
 * whose days cover the refused ones: the program only loses room and
 * options as the sequence goes on. Exactly: if a later grant D' >= D had
 * a completion C, the grants made since to employees then short, with C,
 * complete the earlier state with D (they were options of its undecided
 * choices, fit its employees' rows, and took no more room than C, the
 * grants since and D' took). So a refusal is recorded once and answers
 * every grant covering it without a program. */
static bool refused_before(const lv_state *s, uint32_t g, sb_range r) {
  const int32_t *rf = s->lex->refused[g];
  if (!rf) return false;
  uint32_t a = (uint32_t)(r.start - s->d->period.start);
  int32_t span = r.end - r.start;
  for (int32_t i = 0; i <= span; i++)
    if (rf[a + (uint32_t)i] <= span - i) return true;
  return false;
}

static int refused_note(lv_state *s, uint32_t g, sb_range r) {
  lv_lex *lx = s->lex;
  uint32_t nd = s->d->ndays;
  if (!lx->refused[g]) {
    if (!(lx->refused[g] = sb_arena_array(s->ar, nd, sizeof(int32_t))))
      return sb_err_nomem(s->ctx->err);
    for (uint32_t i = 0; i < nd; i++) lx->refused[g][i] = INT32_MAX;
  }
  uint32_t a = (uint32_t)(r.start - s->d->period.start);
  if (r.end - r.start < lx->refused[g][a]) lx->refused[g][a] = r.end - r.start;
  return SENBID_OK;
}

/* The gate's question (SPEC section 9): with the tentative grant of
 * option opt of choice to e applied, is there still a completion? */
static int lex_keep(lv_state *s, uint32_t e, uint32_t choice, uint32_t opt,
                    bool *keep, bool *timed_out) {
  const lv_data *d = s->d;
  *keep = true;
  *timed_out = out_of_time(s);
  if (*timed_out) return SENBID_OK;
  sb_range r = d->opts[d->choices[choice].first_opt + opt];
  if (!d->test_full_program && witness_holds(s, e, choice, r)) {
    witness_drop(s, e, choice);
    return SENBID_OK;
  }
  uint32_t g = d->emps[e].group;
  bool by_room = !d->test_full_program && room_only(s, e, r);
  if (by_room && refused_before(s, g, r)) {
    if (d->test_refused_hits) (*d->test_refused_hits)++;
    *keep = false;
    return SENBID_OK;
  }
  bool feas = false;
  int rc;
  if (d->test_full_program || !s->lex->witness_valid) {
    rc = full_program(s, &feas, timed_out);
  } else {
    /* Only e's component can have lost its completion. */
    const lv_lex *lx = s->lex;
    uint32_t c = lx->comp[d->emps[e].group];
    rc = program_of(s, lx->cmemp + lx->cfirst[c], lx->cn[c], (int32_t)c, &feas,
                    timed_out);
  }
  *keep = feas;
  if (rc == SENBID_OK && !feas && !*timed_out && by_room)
    rc = refused_note(s, g, r);
  return rc;
}

static void lex_denied(lv_state *s, uint32_t e, uint32_t choice) {
  /* The witness never holds an option of a choice that ends denied (that
   * option would have been granted); guard anyway. */
  if (s->lex && s->lex->wsel[choice] >= 0) {
    witness_drop(s, e, choice);
    s->lex->witness_valid = false;
  }
}

void lv_lex_write_infeasible(lv_state *s, sb_jw *w) {
  lv_lex *lx = s->lex;
  const lv_data *d = s->d;
  sb_jw_arr(w);
  for (uint32_t i = 0; lx && i < lx->ninf; i++) {
    uint32_t e = lx->inf_emp[i];
    sb_jw_obj(w);
    SB_JW_KEY(w, "employee");
    sb_jw_str(w, s->p->emps[e].id);
    SB_JW_KEY(w, "min_leave_days");
    sb_jw_int(w, d->emps[e].min_days);
    SB_JW_KEY(w, "max_days");
    sb_jw_int(w, lx->inf_max[i]);
    SB_JW_KEY(w, "dates");
    sb_jw_arr(w);
    for (uint32_t di = 0; lx->inf_dates && di < d->ndays; di++)
      if (lx->inf_dates[i][di]) sb_jw_date(w, d->period.start + (sb_day)di);
    sb_jw_arr_end(w);
    sb_jw_obj_end(w);
  }
  sb_jw_arr_end(w);
}

void lv_lex_infeasible_names(lv_state *s, sb_buf *b) {
  lv_lex *lx = s->lex;
  for (uint32_t i = 0; lx && i < lx->ninf; i++)
    sb_buf_printf(b, "%s%s", i ? ", " : "", s->p->emps[lx->inf_emp[i]].id);
}

/* ------------------------------------------------------------------------ */
/* export_lp                                                                */
/* ------------------------------------------------------------------------ */

/* An id in a comment line: printable ASCII only. */
static const char *lp_safe(sb_buf *b, const char *s) {
  b->len = 0;
  for (; *s; s++) sb_buf_putc(b, (*s >= 32 && *s < 127) ? *s : '_');
  sb_buf_terminate(b);
  return b->oom ? "" : b->data;
}

int lv_export_lp(sb_ctx *ctx, sb_buf *lp) {
  lv_state s;
  int rc = lv_state_init(&s, ctx);
  if (rc == SENBID_OK) rc = lex_alloc(&s);
  lx_model m;
  model_init(&m, &s);
  m.named = true;
  if (rc == SENBID_OK) rc = build_model(&s, s.lex->memp, s.lex->nm, false, &m, NULL);
  if (rc == SENBID_OK) {
    const lv_data *d = s.d;
    sb_lp_comment(&m.lp, "senbid leave: can every min_leave_days be met "
                         "before the first decision?");
    sb_lp_comment(&m.lp, "(SPEC section 9, Lexicographic / Leave; NBPC 2019 "
                         "Art. 14 A)");
    if (m.trivially_infeasible)
      sb_lp_comment(&m.lp, "infeasible already: an employee's options cannot "
                           "add up to the minimum");
    sb_buf e, c;
    sb_buf_init(&e, &ctx->p->alloc);
    sb_buf_init(&c, &ctx->p->alloc);
    for (uint32_t k = 0; k < m.ncols; k++) {
      char a[11], b[11];
      sb_date_format(m.cols[k].r.start, a);
      sb_date_format(m.cols[k].r.end, b);
      sb_lp_comment(&m.lp, "x%u: %s choice %s option %u %s..%s", k + 1,
                    lp_safe(&e, ctx->p->emps[m.cols[k].emp].id),
                    lp_safe(&c, d->choices[m.cols[k].choice].id),
                    m.cols[k].opt, a, b);
    }
    if (e.oom || c.oom) m.lp.oom = true;
    sb_buf_free(&e);
    sb_buf_free(&c);
    rc = sb_lp_write(&m.lp, lp);
    if (rc == SENBID_OK && lp->oom) rc = SENBID_E_NOMEM;
    if (rc < 0) rc = sb_err_nomem(ctx->err);
  }
  model_free(&m, &s);
  lv_state_free(&s);
  return rc;
}
