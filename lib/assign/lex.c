/* The lexicographic method for assignments (SPEC section 5, doc/assign.md).
 *
 * Every selection the rules could allow in the run is a 0-1 column
 * x[o][e], and the rows make a set of columns feasible exactly when
 * round_robin's rules allow it replayed in order (lx_rows): slots, one of
 * any overlapping set per employee, and the NBPC waiting period against
 * the most recent assignment as it stands at each selection. GLPK finds
 * F*, the most must-fill slots, then M*, the fewest mandates with F*.
 * Then round_robin's decision sequence runs with a gate: each tentative
 * selection stands only if a completion still reaches F* with at most M*
 * mandates; a refused volunteer is skipped with MIN_MANDATES. Without a
 * must-fill opportunity the result is round_robin's exactly. */
#include <glpk.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lp/model.h"
#include "assign.h"

enum { VT_VOL, VT_EXT, VT_MAND };

typedef struct lx_var {
  uint32_t opp, emp;
  uint8_t type;   /* VT_* */
  uint8_t exempt; /* from the waiting period: an extension or a waived volunteer */
} lx_var;

typedef struct lx_model {
  sb_lp lp;
  lx_var *v;
  uint32_t nv, capv;
  as_map cols; /* (opp << 32 | emp) -> column */
  int64_t must_slots;
  uint8_t *special;  /* per employee: may hold an exempt column (lx_columns) */
  uint32_t *last0;   /* per employee: most recent ledger entry before the run */
  uint32_t *xstart, *xopp; /* exempt opportunities of e: xopp[xstart[e]..xstart[e+1]) */
  uint32_t *eord, *estart; /* columns by employee, then start */
  uint32_t *ostart;  /* columns of opportunity o: [ostart[o], ostart[o+1]) */
  uint32_t *slot_row; /* per opportunity; AS_NONE without columns */
  uint32_t fill_row, mand_row;
} lx_model;

static uint32_t lx_find(const lx_model *m, uint32_t opp, uint32_t emp) {
  const uint32_t *v = as_map_find(&m->cols, ((uint64_t)opp << 32) | emp);
  return v ? *v : AS_NONE;
}

static int add_var(sb_arena *ar, lx_model *m, uint32_t opp, uint32_t emp,
                   int type, bool exempt) {
  if (lx_find(m, opp, emp) != AS_NONE) return SENBID_OK;
  if (!(m->v = as_grow(ar, m->v, &m->capv, m->nv + 1, sizeof *m->v)))
    return SENBID_E_NOMEM;
  m->v[m->nv] = (lx_var){opp, emp, (uint8_t)type, exempt};
  SB_TRY(as_map_put(&m->cols, ar, ((uint64_t)opp << 32) | emp, m->nv));
  m->nv++;
  return SENBID_OK;
}

/* True when one employee without exempt selections cannot hold both a
 * and b: overlapping dates, or the later-decided one starting inside the
 * waiting period of the earlier (NBPC2019.APPIII.E). Exact for such
 * employees: without an exempt selection no later one ends a waiting
 * period (doc/assign.md). */
static bool lx_clash(const as_data *d, uint32_t a, uint32_t b) {
  if (a > b) {
    uint32_t t = a;
    a = b;
    b = t;
  }
  const as_opp *oa = &d->opps[a], *ob = &d->opps[b];
  if (as_overlap(&oa->r, &ob->r)) return true;
  return oa->cat == AS_DETAIL && as_wait_blocks(d, ob, &oa->r);
}

/* Whether special employee e needs a mandate column on must-fill detail o
 * rather than being left to the exchange of the K walk (lx_columns): an
 * exempt selection of e listed before o could end the ledger's waiting
 * period that blocks o; or one listed after o could end o's waiting
 * period (newer, ending within it) or have its own waiting period reach
 * past o (older), so that o itself ends it. Otherwise e's mandate on o
 * changes no other selection's legality but by clashing with it (a
 * pair). */
static bool needs_col(const as_state *st, const lx_model *m, uint32_t oi, uint32_t e) {
  const as_data *d = st->d;
  const as_opp *o = &d->opps[oi];
  if (d->rules != AS_NBPC || o->cat != AS_DETAIL) return false;
  uint32_t h = m->last0[e];
  bool blocked = h != AS_NONE && as_wait_blocks(d, o, &st->hist[h].r);
  for (uint32_t k = m->xstart[e]; k < m->xstart[e + 1]; k++) {
    uint32_t x = m->xopp[k];
    const sb_range *a = &d->opps[x].r;
    if (x < oi ? blocked && as_newer(a, &st->hist[h].r)
        : x == oi ? false
        : as_newer(a, &o->r) ? (int64_t)a->end <= (int64_t)o->r.end + as_wait_days(&o->r)
                              : (int64_t)a->end + as_wait_days(a) > (int64_t)o->r.end)
      return true;
  }
  return false;
}

/* The columns. Volunteers who pass the checks that do not change during
 * the run, extension volunteers, and mandate candidates of must-fill
 * opportunities. An employee who may hold an exempt selection (an
 * extension or a waived only volunteer) is "special": such a selection can
 * end a longer waiting period (SPEC section 9), so their waiting periods
 * are rows (lx_rows), and they get a mandate column wherever that matters
 * (needs_col). For the others a selection never ends a waiting period, so
 * the one against the ledger is final and two selections clash as a
 * pair. Otherwise a must-fill opportunity o gets mandate columns for the
 * first K(o) eligible employees in the mandate order, K(o) = the slots of
 * every opportunity that clashes with o, o included: in any completion at
 * most K(o) - 1 of them are busy there, so a mandate from outside them can
 * be exchanged for a free one with the same fill and mandates. The walk
 * judges the others when it reaches them (virtual picks). */
static int lx_columns(as_state *st, lx_model *m) {
  const as_data *d = st->d;
  sb_arena *ar = st->ar;
  uint32_t n = st->n, nspec = 0, nx = 0;
  m->special = sb_arena_array(ar, (size_t)n + 1, 1);
  uint32_t *spec = sb_arena_array(ar, (size_t)n + 1, sizeof *spec);
  m->last0 = sb_arena_array(ar, (size_t)n + 1, sizeof *m->last0);
  m->xstart = sb_arena_array(ar, (size_t)n + 2, sizeof *m->xstart);
  if (!m->special || !spec || !m->last0 || !m->xstart) return SENBID_E_NOMEM;
  memcpy(m->last0, st->last, (size_t)n * sizeof *m->last0);
  /* each employee's exempt opportunities, in order (a counting sort) */
  for (int pass = 0; pass < 2; pass++) {
    for (uint32_t oi = 0; oi < d->nopps; oi++) {
      const as_opp *o = &d->opps[oi];
      if (!as_extensions(d, o)) continue;
      for (uint32_t i = 0; i <= o->next; i++) {
        uint32_t e = i < o->next ? o->ext[i] : as_waived(d, o) ? o->vols[0].emp : AS_NONE;
        if (e == AS_NONE) continue;
        if (pass) {
          m->xopp[m->xstart[e + 1]++] = oi;
          continue;
        }
        m->xstart[e + 2]++;
        nx++;
        if (!m->special[e]) {
          m->special[e] = 1;
          spec[nspec++] = e;
        }
      }
    }
    if (pass) break;
    for (uint32_t e = 0; e < n; e++) m->xstart[e + 2] += m->xstart[e + 1];
    m->xopp = sb_arena_array(ar, (size_t)nx + 1, sizeof *m->xopp);
    if (!m->xopp) return SENBID_E_NOMEM;
  }
  for (uint32_t oi = 0; oi < d->nopps; oi++) {
    const as_opp *o = &d->opps[oi];
    as_mark_declines(st, oi);
    for (uint32_t i = 0; i < o->nvols; i++) {
      uint32_t e = o->vols[i].emp;
      if (!as_qualified(d, o, e) || as_declined(st, oi, e)) continue;
      bool ex = as_waived(d, o);
      if (!ex && !m->special[e] && as_waiting(st, o, e)) continue;
      SB_TRY(add_var(ar, m, oi, e, VT_VOL, ex));
    }
    if (as_extensions(d, o))
      for (uint32_t i = 0; i < o->next; i++) {
        uint32_t j = lx_find(m, oi, o->ext[i]);
        if (j != AS_NONE) m->v[j].exempt = 1; /* a volunteer who may also extend */
        else SB_TRY(add_var(ar, m, oi, o->ext[i], VT_EXT, true));
      }
    if (!as_mandate_pool(o)) continue;
    m->must_slots += o->slots;
    for (uint32_t i = 0; i < nspec; i++) {
      uint32_t e = spec[i];
      if (lx_find(m, oi, e) == AS_NONE && as_qualified(d, o, e) &&
          !as_exempted(st, o, e) && !as_union_board(d, o, e) &&
          (st->lex_full || needs_col(st, m, oi, e)))
        SB_TRY(add_var(ar, m, oi, e, VT_MAND, false));
    }
    int64_t k = st->lex_full ? (int64_t)n : 0;
    for (uint32_t oj = 0; oj < d->nopps && k < (int64_t)n; oj++)
      if (lx_clash(d, oi, oj)) k += d->opps[oj].slots;
    int64_t got = 0;
    for (uint32_t gi = 0; gi < as_mandate_groups(d, o) && got < k; gi++)
      for (uint32_t q = n; q-- > 0 && got < k;) {
        uint32_t e = st->p->sen.order[q];
        if (as_mandate_group(st, o, e) != gi || lx_find(m, oi, e) != AS_NONE ||
            !as_qualified(d, o, e) || as_mand_check(st, oi, e) != R_COUNT)
          continue;
        SB_TRY(add_var(ar, m, oi, e, VT_MAND, false));
        got++;
      }
  }
  return SENBID_OK;
}

typedef struct lx_key {
  uint64_t k; /* emp << 32 | start (biased) */
  uint32_t opp, var;
} lx_key;

static int cmp_key(const void *a, const void *b) {
  const lx_key *x = a, *y = b;
  if (x->k != y->k) return x->k < y->k ? -1 : 1;
  return (x->opp > y->opp) - (x->opp < y->opp);
}

static void lx_row2(sb_lp *lp, uint32_t a, uint32_t b) {
  sb_lp_row_begin(lp, NULL);
  sb_lp_term(lp, a, 1);
  sb_lp_term(lp, b, 1);
  sb_lp_row_end(lp, -HUGE_VAL, 1);
}

/* The waiting period of a special employee's column b (not exempt) as
 * rows (NBPC2019.APPIII.E, SPEC section 9): for each entry a that would
 * put b in its waiting period (the ledger's most recent, or a column of an
 * earlier-decided detail), b needs a newer entry between them:
 *   x_b + x_a - sum(x_c: c decided before b, newer than a) <= 1
 * (the ledger's entry is always there: <= 0). The entry that is most
 * recent when b is decided is then never one that blocks b. The sum
 * leaves out entries that block b themselves (their own row holds). */
static void lx_wait_rows(const as_state *st, lx_model *m, const uint32_t *grp,
                         uint32_t len, uint32_t b) {
  const as_data *d = st->d;
  const as_opp *ob = &d->opps[m->v[b].opp];
  uint32_t h = m->last0[m->v[b].emp];
  for (uint32_t ai = 0; ai <= len; ai++) {
    const sb_range *ra;
    uint32_t a = ai < len ? grp[ai] : AS_NONE;
    if (a == AS_NONE) {
      if (h == AS_NONE) continue;
      ra = &st->hist[h].r;
    } else {
      const as_opp *oa = &d->opps[m->v[a].opp];
      if (m->v[a].opp >= m->v[b].opp || oa->cat != AS_DETAIL ||
          as_overlap(&oa->r, &ob->r)) /* overlaps: the clique rows */
        continue;
      ra = &oa->r;
    }
    if (!as_wait_blocks(d, ob, ra)) continue;
    sb_lp_row_begin(&m->lp, NULL);
    sb_lp_term(&m->lp, b, 1);
    if (a != AS_NONE) sb_lp_term(&m->lp, a, 1);
    for (uint32_t ci = 0; ci < len; ci++) {
      uint32_t c = grp[ci];
      const as_opp *oc = &d->opps[m->v[c].opp];
      /* an entry that blocks b itself rescues nothing: when b is legal,
       * the most recent entry is newer than a and does not block b */
      if (c != a && m->v[c].opp < m->v[b].opp && oc->cat == AS_DETAIL &&
          as_newer(&oc->r, ra) && !as_wait_blocks(d, ob, &oc->r))
        sb_lp_term(&m->lp, c, -1);
    }
    sb_lp_row_end(&m->lp, -HUGE_VAL, a == AS_NONE ? 0 : 1);
  }
}

/* The rows: slots per opportunity; per employee, at most one of the
 * columns live on any day (interval cliques) and the waiting periods
 * (pairs for most employees, lx_wait_rows for special ones). With solve,
 * the fill and mandate rows the two stages bound. */
static int lx_rows(as_state *st, lx_model *m, bool names, bool solve) {
  const as_data *d = st->d;
  sb_arena *ar = st->ar;
  sb_lp *lp = &m->lp;
  for (uint32_t j = 0; j < m->nv; j++) {
    char name[32];
    snprintf(name, sizeof name, "x_%u_%u", m->v[j].opp, m->v[j].emp);
    sb_lp_col_add(lp, SB_LP_BINARY, 0, 1, 0, names ? name : NULL);
  }
  uint32_t *buf = sb_arena_array(ar, (size_t)m->nv + 1, sizeof *buf);
  uint32_t *ord = sb_arena_array(ar, (size_t)m->nv + 1, sizeof *ord);
  lx_key *keys = sb_arena_array(ar, (size_t)m->nv + 1, sizeof *keys);
  m->slot_row = sb_arena_array(ar, (size_t)d->nopps + 1, sizeof *m->slot_row);
  m->estart = sb_arena_array(ar, (size_t)st->n + 1, sizeof *m->estart);
  m->ostart = sb_arena_array(ar, (size_t)d->nopps + 1, sizeof *m->ostart);
  if (!buf || !ord || !keys || !m->slot_row || !m->estart || !m->ostart)
    return SENBID_E_NOMEM;
  for (uint32_t i = 0, o = 0; o <= d->nopps; o++) {
    while (i < m->nv && m->v[i].opp < o) i++;
    m->ostart[o] = i;
  }
  for (uint32_t oi = 0; oi < d->nopps; oi++) {
    m->slot_row[oi] = AS_NONE;
    if (m->ostart[oi] == m->ostart[oi + 1]) continue;
    sb_lp_row_begin(lp, NULL);
    for (uint32_t j = m->ostart[oi]; j < m->ostart[oi + 1]; j++) sb_lp_term(lp, j, 1);
    m->slot_row[oi] = sb_lp_row_end(lp, -HUGE_VAL, (double)d->opps[oi].slots);
  }
  for (uint32_t i = 0; i < m->nv; i++)
    keys[i] = (lx_key){((uint64_t)m->v[i].emp << 32) |
                           (uint32_t)((int64_t)d->opps[m->v[i].opp].r.start + INT32_MAX),
                       m->v[i].opp, i};
  qsort(keys, m->nv, sizeof *keys, cmp_key);
  for (uint32_t i = 0; i < m->nv; i++) ord[i] = keys[i].var;
  for (uint32_t i = 0; i < m->nv;) {
    uint32_t j = i, e = m->v[ord[i]].emp;
    while (j < m->nv && m->v[ord[j]].emp == e) j++;
    for (uint32_t a = i; a < j; a++) {
      const as_opp *oa = &d->opps[m->v[ord[a]].opp];
      uint32_t k = 0;
      /* every column of e live on oa's first day (sorted by start, so
       * only those up to a) */
      for (uint32_t b = i; b <= a; b++)
        if (d->opps[m->v[ord[b]].opp].r.end >= oa->r.start) buf[k++] = ord[b];
      if (k < 2) continue;
      sb_lp_row_begin(lp, NULL);
      for (uint32_t t = 0; t < k; t++) sb_lp_term(lp, buf[t], 1);
      sb_lp_row_end(lp, -HUGE_VAL, 1);
    }
    if (d->rules == AS_NBPC) {
      if (m->special[e]) {
        for (uint32_t b = i; b < j; b++)
          if (!m->v[ord[b]].exempt && d->opps[m->v[ord[b]].opp].cat == AS_DETAIL)
            lx_wait_rows(st, m, ord + i, j - i, ord[b]);
      } else {
        for (uint32_t a = i; a < j; a++)
          for (uint32_t b = a + 1; b < j; b++) {
            uint32_t oa = m->v[ord[a]].opp, ob = m->v[ord[b]].opp;
            if (!as_overlap(&d->opps[oa].r, &d->opps[ob].r) && lx_clash(d, oa, ob))
              lx_row2(lp, ord[a], ord[b]);
          }
      }
    }
    i = j;
  }
  m->eord = ord;
  for (uint32_t i = 0, e = 0; e <= st->n; e++) {
    while (i < m->nv && m->v[ord[i]].emp < e) i++;
    m->estart[e] = i;
  }
  if (solve) {
    sb_lp_row_begin(lp, NULL);
    for (uint32_t j = 0; j < m->nv; j++)
      if (as_mandate_pool(&d->opps[m->v[j].opp])) sb_lp_term(lp, j, 1);
    m->fill_row = sb_lp_row_end(lp, -HUGE_VAL, HUGE_VAL);
    sb_lp_row_begin(lp, NULL);
    for (uint32_t j = 0; j < m->nv; j++)
      if (m->v[j].type == VT_MAND) sb_lp_term(lp, j, 1);
    m->mand_row = sb_lp_row_end(lp, -HUGE_VAL, HUGE_VAL);
  }
  return lp->oom ? SENBID_E_NOMEM : SENBID_OK;
}

/* The joint model from the ledger as read (st before any decision). The
 * caller frees m->lp. */
static int lx_build(as_state *st, lx_model *m, bool names, bool solve) {
  memset(m, 0, sizeof *m);
  sb_lp_init(&m->lp, &st->p->alloc);
  SB_TRY(lx_columns(st, m));
  return lx_rows(st, m, names, solve);
}

/* ------------------------------------------------------------ solving */

typedef struct lx_run {
  sb_ctx *ctx;
  as_state *st;
  lx_model m;
  glp_prob *P;
  int8_t *fixed; /* -1 free, 0, 1 */
  uint8_t *wit;  /* witness completion */
  bool wit_ok, timed_out;
  double fill_lb, mand_ub; /* F* and M*, less what virtual picks took */
  uint32_t *vbuf, *ebuf;   /* scratch */
  /* check: the changes one opportunity's gate made, to undo them */
  struct lx_undo {
    uint32_t j; /* a column, or AS_NONE for a shift of opp */
    uint32_t opp;
    int8_t old;
    bool must, mand;
  } *log;
  uint32_t nlog, caplog;
  bool logging, log_failed;
} lx_run;

static void log_push(lx_run *x, uint32_t j, uint32_t opp, int old, bool must, bool mand) {
  if (!x->logging) return;
  if (!(x->log = as_grow(x->st->ar, x->log, &x->caplog, x->nlog + 1, sizeof *x->log))) {
    x->log_failed = true;
    return;
  }
  x->log[x->nlog++] = (struct lx_undo){j, opp, (int8_t)old, must, mand};
}

static int lx_solve(lx_run *x, bool *feasible) {
  int status;
  bool to = false;
  SB_TRY(sb_glpk_mip(x->ctx, x->P, &status, &to));
  if (to) {
    x->timed_out = true;
    *feasible = true; /* no proof either way: fall back to round_robin */
    return SENBID_OK;
  }
  *feasible = status == GLP_OPT || status == GLP_FEAS;
  if (*feasible) {
    for (uint32_t j = 0; j < x->m.nv; j++)
      x->wit[j] = glp_mip_col_val(x->P, (int)j + 1) > 0.5;
    x->wit_ok = true;
  }
  return SENBID_OK;
}

static void fix(lx_run *x, uint32_t j, int val) {
  log_push(x, j, 0, x->fixed[j], false, false);
  x->fixed[j] = (int8_t)val;
  glp_set_col_bnds(x->P, (int)j + 1, GLP_FX, val, val);
}

static void unfix(lx_run *x, uint32_t j) {
  log_push(x, j, 0, x->fixed[j], false, false);
  x->fixed[j] = -1;
  glp_set_col_bnds(x->P, (int)j + 1, GLP_DB, 0, 1);
}

/* Whether employee e's witness selections, with column add and without
 * column drop (AS_NONE: none), are legal replayed in order, through the
 * rules: no two overlapping, and no detail but an exempt one inside the
 * waiting period of the most recent one before it. */
static bool emp_legal(lx_run *x, uint32_t e, uint32_t add, uint32_t drop) {
  const lx_model *m = &x->m;
  const as_data *d = x->st->d;
  uint32_t k = 0;
  for (uint32_t t = m->estart[e]; t < m->estart[e + 1]; t++) {
    uint32_t w = m->eord[t];
    if (w != drop && (w == add || x->wit[w])) x->ebuf[k++] = w;
  }
  for (uint32_t a = 1; a < k; a++) /* by opportunity: the decision order */
    for (uint32_t b = a; b > 0 && m->v[x->ebuf[b - 1]].opp > m->v[x->ebuf[b]].opp; b--) {
      uint32_t t = x->ebuf[b];
      x->ebuf[b] = x->ebuf[b - 1];
      x->ebuf[b - 1] = t;
    }
  for (uint32_t a = 0; a < k; a++)
    for (uint32_t b = a + 1; b < k; b++)
      if (as_overlap(&d->opps[m->v[x->ebuf[a]].opp].r, &d->opps[m->v[x->ebuf[b]].opp].r))
        return false;
  const sb_range *last = m->last0[e] != AS_NONE ? &x->st->hist[m->last0[e]].r : NULL;
  for (uint32_t a = 0; a < k; a++) {
    const as_opp *o = &d->opps[m->v[x->ebuf[a]].opp];
    if (o->cat != AS_DETAIL) continue;
    if (!m->v[x->ebuf[a]].exempt && last && as_wait_blocks(d, o, last)) return false;
    if (!last || as_newer(&o->r, last)) last = &o->r;
  }
  return true;
}

/* The witness column of opportunity oi to hand its slot over: one not
 * decided yet whose employee stays legal without it, a mandate first. */
static uint32_t swap_out(lx_run *x, uint32_t oi, int64_t *used) {
  const lx_model *m = &x->m;
  uint32_t swap = AS_NONE;
  *used = 0;
  for (uint32_t k = m->ostart[oi]; k < m->ostart[oi + 1]; k++) {
    if (!x->wit[k]) continue;
    (*used)++;
    if (x->fixed[k] < 0 &&
        (swap == AS_NONE || (m->v[k].type == VT_MAND && m->v[swap].type != VT_MAND)) &&
        emp_legal(x, m->v[k].emp, AS_NONE, k))
      swap = k;
  }
  return swap;
}

static double slots_left(const lx_run *x, uint32_t oi) {
  uint32_t r = x->m.slot_row[oi];
  return r == AS_NONE ? 0 : glp_get_row_ub(x->P, (int)r + 1);
}

/* Tries to make the witness take column j without a solve: j's employee
 * stays legal, and j's opportunity has a free slot or an undecided
 * witness column that j replaces. Fill stays, mandates do not grow. */
static bool repair(lx_run *x, uint32_t j) {
  const lx_model *m = &x->m;
  const lx_var *v = &m->v[j];
  if (!emp_legal(x, v->emp, j, AS_NONE)) return false;
  int64_t used;
  uint32_t swap = swap_out(x, v->opp, &used);
  bool full = (double)used + 0.5 > slots_left(x, v->opp);
  if (v->type == VT_MAND && (!full || swap == AS_NONE || m->v[swap].type != VT_MAND))
    return false; /* a new mandate, or one for a volunteer */
  if (full) {
    if (swap == AS_NONE) return false;
    x->wit[swap] = 0;
  }
  x->wit[j] = 1;
  return true;
}

/* Moves opportunity oi's slots by `by`, and the fill target (must-fill)
 * and the mandate budget (a mandate) with it: a virtual pick holds one. */
static void shift(lx_run *x, uint32_t oi, double by, bool must, bool mand) {
  const lx_model *m = &x->m;
  log_push(x, AS_NONE, oi, (int)by, must, mand);
  uint32_t r = m->slot_row[oi];
  if (r != AS_NONE)
    glp_set_row_bnds(x->P, (int)r + 1, GLP_UP, 0, glp_get_row_ub(x->P, (int)r + 1) + by);
  if (must) {
    x->fill_lb += by;
    glp_set_row_bnds(x->P, (int)m->fill_row + 1, GLP_LO, x->fill_lb, 0);
  }
  if (mand) {
    x->mand_ub += by;
    glp_set_row_bnds(x->P, (int)m->mand_row + 1, GLP_UP, 0, x->mand_ub);
  }
}

/* A mandate without a column (beyond the first K(o); needs_col says its
 * clashes with later columns are pairs, lx_clash): the opportunity and the
 * targets lose one, the employee's later clashing columns become 0, and
 * the pick stands when the witness can hand over a slot or a solve finds a
 * completion. */
static int virtual_pick(lx_run *x, uint32_t oi, uint32_t e, int type) {
  const lx_model *m = &x->m;
  const as_data *d = x->st->d;
  bool must = as_mandate_pool(&d->opps[oi]), mand = type == VT_MAND;
  uint32_t nl = 0;
  bool in_wit = false;
  /* columns decided before oi are settled: the walk checked oi against
   * them; those after it that oi blocks become 0 */
  for (uint32_t k = m->estart[e]; k < m->estart[e + 1]; k++) {
    uint32_t w = m->eord[k];
    if (m->v[w].opp <= oi || !lx_clash(d, oi, m->v[w].opp)) continue;
    if (x->fixed[w] == 1) return 0;
    if (x->fixed[w] < 0) {
      x->vbuf[nl++] = w;
      in_wit |= x->wit_ok && x->wit[w];
    }
  }
  bool keep = false;
  if (x->wit_ok && !in_wit && m->slot_row[oi] != AS_NONE) {
    int64_t used;
    uint32_t swap = swap_out(x, oi, &used);
    bool full = (double)used + 1 > slots_left(x, oi);
    if (mand ? swap != AS_NONE && m->v[swap].type == VT_MAND : !full || swap != AS_NONE) {
      if (full || mand) x->wit[swap] = 0;
      keep = true;
    }
  }
  for (uint32_t i = 0; i < nl; i++) fix(x, x->vbuf[i], 0);
  shift(x, oi, -1, must, mand);
  if (keep) return 1;
  bool ok;
  SB_TRY(lx_solve(x, &ok));
  if (ok || x->timed_out) return 1;
  shift(x, oi, 1, must, mand);
  for (uint32_t i = 0; i < nl; i++) unfix(x, x->vbuf[i]);
  return 0;
}

static int gate(void *g, uint32_t oi, uint32_t e, int reason) {
  lx_run *x = g;
  if (x->timed_out) return 1;
  uint32_t j = lx_find(&x->m, oi, e);
  if (j == AS_NONE)
    return virtual_pick(x, oi, e,
                        reason == R_MANDATED    ? VT_MAND
                        : reason == R_EXTENSION ? VT_EXT
                                                : VT_VOL);
  if (x->fixed[j] == 0) return 0;
  if (x->fixed[j] == 1 || (x->wit_ok && (x->wit[j] || repair(x, j)))) {
    fix(x, j, 1);
    return 1;
  }
  fix(x, j, 1);
  bool ok;
  SB_TRY(lx_solve(x, &ok));
  if (x->timed_out) return 1;
  if (!ok) fix(x, j, 0);
  return ok;
}

/* The opportunity is decided: every column not taken is 0. */
static int close_opp(void *g, uint32_t oi) {
  lx_run *x = g;
  for (uint32_t j = x->m.ostart[oi]; j < x->m.ostart[oi + 1]; j++)
    if (x->fixed[j] < 0) {
      if (x->wit[j]) x->wit_ok = false;
      fix(x, j, 0);
    }
  return SENBID_OK;
}

/* F*, the most must-fill slots, then M*, the fewest mandates with F*,
 * over the columns as they are fixed now; the rows hold them. */
static int lx_targets(lx_run *x, bool audit) {
  lx_model *m = &x->m;
  const as_data *d = x->st->d;
  bool ok;
  glp_set_row_bnds(x->P, (int)m->fill_row + 1, GLP_FR, 0, 0);
  glp_set_row_bnds(x->P, (int)m->mand_row + 1, GLP_FR, 0, 0);
  glp_set_obj_dir(x->P, GLP_MAX);
  for (uint32_t j = 0; j < m->nv; j++)
    glp_set_obj_coef(x->P, (int)j + 1, as_mandate_pool(&d->opps[m->v[j].opp]) ? 1 : 0);
  SB_TRY(lx_solve(x, &ok));
  if (x->timed_out || !ok) return SENBID_OK;
  x->fill_lb = glp_mip_obj_val(x->P);
  glp_set_row_bnds(x->P, (int)m->fill_row + 1, GLP_LO, x->fill_lb, 0);
  glp_set_obj_dir(x->P, GLP_MIN);
  for (uint32_t j = 0; j < m->nv; j++)
    glp_set_obj_coef(x->P, (int)j + 1, m->v[j].type == VT_MAND ? 1 : 0);
  SB_TRY(lx_solve(x, &ok));
  if (x->timed_out || !ok) return SENBID_OK;
  x->mand_ub = glp_mip_obj_val(x->P);
  glp_set_row_bnds(x->P, (int)m->mand_row + 1, GLP_UP, 0, x->mand_ub);
  for (uint32_t j = 0; j < m->nv; j++) glp_set_obj_coef(x->P, (int)j + 1, 0);
  if (audit)
    sb_audit(x->st->o, NULL, "minimum", "SPEC.5.LEXICOGRAPHIC",
             "at most %.0f must-fill slot(s) can be filled, with at least "
             "%.0f mandate(s)",
             x->fill_lb, x->mand_ub);
  return SENBID_OK;
}

static int lx_main(sb_ctx *ctx, void *data) {
  lx_run *x = data;
  x->P = sb_lp_load_glpk(&x->m.lp);
  int rc = lx_targets(x, true);
  if (rc == SENBID_OK) rc = as_run(ctx, x->st, gate, close_opp, x);
  glp_delete_prob(x->P);
  return rc;
}

/* ------------------------------------------------------------- check */

typedef struct lx_check {
  lx_run *x;
  as_judge_fn judge;
  void *cx;
} lx_check;

/* Undoes what the gate did while planning one opportunity. */
static void undo(lx_run *x) {
  x->logging = false;
  for (uint32_t i = x->nlog; i-- > 0;) {
    const struct lx_undo *u = &x->log[i];
    if (u->j == AS_NONE) {
      shift(x, u->opp, -(double)u->old, u->must, u->mand);
    } else if (u->old < 0) {
      unfix(x, u->j);
    } else {
      fix(x, u->j, u->old);
    }
  }
  x->nlog = 0;
  x->wit_ok = false;
}

/* The posted selections of oi stand in the model: a legal one's column is
 * 1 (or, without a column, it holds a slot like a virtual pick); an
 * illegal one only keeps its employee off the clashing columns. */
static void post(lx_run *x, uint32_t oi, const as_event *ev, const uint8_t *legal,
                 uint32_t nev) {
  const lx_model *m = &x->m;
  const as_data *d = x->st->d;
  int64_t taken = 0;
  for (uint32_t i = 0; i < nev; i++) {
    uint32_t e = ev[i].emp, j = lx_find(m, oi, e);
    if (legal[i] && taken < d->opps[oi].slots) {
      taken++;
      if (j != AS_NONE) {
        fix(x, j, 1);
        continue;
      }
      shift(x, oi, -1, as_mandate_pool(&d->opps[oi]), ev[i].reason == R_MANDATED);
    }
    for (uint32_t k = m->estart[e]; k < m->estart[e + 1]; k++) {
      uint32_t w = m->eord[k];
      if (m->v[w].opp > oi && x->fixed[w] < 0 && lx_clash(d, oi, m->v[w].opp)) fix(x, w, 0);
    }
  }
}

static bool same_picks(const as_state *st, const as_event *ev, uint32_t nev) {
  uint32_t k = 0;
  for (uint32_t i = 0; i < st->plan.n; i++) {
    if (!st->plan.v[i].pick) continue;
    if (k == nev || ev[k].emp != st->plan.v[i].emp || ev[k].reason != st->plan.v[i].reason)
      return false;
    k++;
  }
  return k == nev;
}

static int lx_check_main(sb_ctx *ctx, void *data) {
  lx_check *c = data;
  lx_run *x = c->x;
  as_state *st = x->st;
  x->P = sb_lp_load_glpk(&x->m.lp);
  int rc = lx_targets(x, false);
  for (uint32_t oi = 0; rc == SENBID_OK && oi < st->d->nopps; oi++) {
    const as_event *ev;
    const uint8_t *legal;
    uint32_t nev;
    x->logging = true;
    x->nlog = 0;
    rc = sb_ctx_progress(ctx, "assignment", oi, st->d->nopps);
    if (rc == SENBID_OK) rc = as_plan(st, oi, gate, x);
    x->logging = false;
    if (rc == SENBID_OK && x->log_failed) rc = SENBID_E_NOMEM;
    if (rc == SENBID_OK) rc = c->judge(c->cx, oi, &ev, &legal, &nev);
    if (rc != SENBID_OK) break;
    if (!same_picks(st, ev, nev)) {
      /* judged from the state the posting made: its selections stand and
       * the targets are what is left reachable */
      undo(x);
      post(x, oi, ev, legal, nev);
      close_opp(x, oi);
      bool ok;
      rc = lx_solve(x, &ok);
      if (rc == SENBID_OK && !ok && !x->timed_out) rc = lx_targets(x, false);
    } else {
      close_opp(x, oi);
    }
  }
  glp_delete_prob(x->P);
  return rc;
}

/* The model and the run's arrays; the caller frees x->m.lp. */
static int lx_setup(sb_ctx *ctx, as_state *st, lx_run *x) {
  memset(x, 0, sizeof *x);
  x->ctx = ctx;
  x->st = st;
  SB_TRY(lx_build(st, &x->m, false, true));
  size_t nv = (size_t)x->m.nv + 1;
  x->fixed = sb_arena_array(st->ar, nv, 1);
  x->wit = sb_arena_array(st->ar, nv, 1);
  x->vbuf = sb_arena_array(st->ar, nv, sizeof *x->vbuf);
  x->ebuf = sb_arena_array(st->ar, nv, sizeof *x->ebuf);
  if (!x->fixed || !x->wit || !x->vbuf || !x->ebuf) return SENBID_E_NOMEM;
  memset(x->fixed, -1, nv);
  return SENBID_OK;
}

static bool has_bounds(const as_data *d) {
  for (uint32_t oi = 0; oi < d->nopps; oi++)
    if (as_mandate_pool(&d->opps[oi]) && d->opps[oi].slots > 0) return true;
  return false;
}

int as_solve_lex(sb_ctx *ctx, as_state *st) {
  /* no lower bound: exactly round_robin (SPEC section 0) */
  if (!has_bounds(st->d)) return as_run(ctx, st, NULL, NULL, NULL);
  lx_run *x = sb_arena_alloc(st->ar, sizeof *x);
  if (!x) return SENBID_E_NOMEM;
  int rc = lx_setup(ctx, st, x);
  if (rc == SENBID_OK) rc = sb_glpk_run(ctx, lx_main, x);
  sb_lp_free(&x->m.lp);
  if (rc < 0) return rc;
  if (x->timed_out) {
    st->o->status = "time_limit";
    st->o->outcome = SENBID_OUTCOME_TIME_LIMIT;
  }
  return SENBID_OK;
}

int as_check_lex(sb_ctx *ctx, as_state *st, as_judge_fn judge, void *cx) {
  if (!has_bounds(st->d)) return as_check_rr(st, judge, cx);
  lx_run *x = sb_arena_alloc(st->ar, sizeof *x);
  if (!x) return SENBID_E_NOMEM;
  lx_check c = {x, judge, cx};
  int rc = lx_setup(ctx, st, x);
  if (rc == SENBID_OK) rc = sb_glpk_run(ctx, lx_check_main, &c);
  sb_lp_free(&x->m.lp);
  return rc < 0 ? rc : SENBID_OK;
}

/* ------------------------------------------------------------ export */

/* The joint program as CPLEX LP text (lib/lp/model.h): maximise
 * (S+1) * filled must-fill slots - mandates (S = must-fill slots), which
 * is the two solver stages in one objective. */
int as_export_lp(sb_ctx *ctx, sb_buf *out) {
  as_state st;
  SB_TRY(as_state_init(&st, ctx->p, &ctx->scratch, NULL));
  lx_model m;
  int rc = lx_build(&st, &m, true, false);
  const as_data *d = st.d;
  const senbid_problem *p = ctx->p;
  if (rc == SENBID_OK) {
    m.lp.maximize = true;
    sb_lp_comment(&m.lp, "senbid assignment: joint selection model (lexicographic)");
    for (uint32_t j = 0; j < m.nv; j++) {
      const lx_var *v = &m.v[j];
      int64_t c = (as_mandate_pool(&d->opps[v->opp]) ? m.must_slots + 1 : 0) -
                  (v->type == VT_MAND ? 1 : 0);
      sb_lp_col_obj(&m.lp, j, (double)c);
      sb_lp_comment(&m.lp, "x_%u_%u: opportunity %s, employee %s, %s", v->opp, v->emp,
                    d->opps[v->opp].id, p->emps[v->emp].id,
                    v->type == VT_MAND ? "mandate"
                    : v->type == VT_EXT ? "extension"
                    : v->exempt && as_extensions(d, &d->opps[v->opp]) &&
                            !as_waived(d, &d->opps[v->opp])
                        ? "volunteer or extension"
                        : "volunteer");
    }
    rc = sb_lp_write(&m.lp, out);
  }
  sb_lp_free(&m.lp);
  return rc;
}
