/* The lexicographic method for assignments (SPEC section 5, doc/assign.md).
 *
 * All opportunities are modelled jointly as a 0-1 program: x[o][e] = 1 when
 * e is selected for o. An employee holds at most one of any set of
 * overlapping opportunities; NBPC waiting periods forbid pairs of details
 * (conservatively, see doc); slots bound each opportunity. First the most
 * must-fill slots that can be filled (F*) and then the fewest mandates
 * with that fill (M*) are computed. Then the round_robin decision sequence
 * is replayed and every tentative selection (volunteer, extension or
 * mandate) is kept only if a completion still reaches F* with at most M*
 * mandates; a refused volunteer is skipped with reason MIN_MANDATES. With
 * no must-fill opportunity there is no lower bound and the result is
 * round_robin's exactly. */
#include <glpk.h>
#include <stdlib.h>
#include <string.h>

#include "assign.h"

enum { VT_VOL, VT_EXT, VT_MAND };

typedef struct lx_var {
  uint32_t opp, emp;
  uint8_t type;
} lx_var;

typedef struct lx_model {
  lx_var *v;
  uint32_t nv, capv;
  uint32_t *rstart, *ridx; /* rows: sum of ridx[rstart[r]..rstart[r+1]) <= rub[r] */
  double *rub;
  uint32_t nr, caprow, caprub, nnz, capnnz;
  uint64_t *hk; /* (opp << 32 | emp) + 1 -> var */
  uint32_t *hv;
  size_t hmask;
  int64_t must_slots;
  uint32_t *eord, *estart; /* vars by employee: eord[estart[e]..estart[e+1]) */
  uint32_t *ostart;        /* vars of opportunity o: [ostart[o], ostart[o+1]) */
  uint32_t *slot_row;      /* per opportunity: its slots row */
} lx_model;

static void *grow(sb_arena *ar, void *old, uint32_t *cap, uint32_t need,
                  size_t elem) {
  if (need <= *cap) return old;
  uint32_t nc = *cap ? *cap : 16;
  while (nc < need) nc = nc > UINT32_MAX / 2 ? need : nc * 2;
  void *v = sb_arena_array(ar, nc, elem);
  if (!v) return NULL;
  if (old && *cap) memcpy(v, old, (size_t)*cap * elem);
  *cap = nc;
  return v;
}

static size_t h_slot(const lx_model *m, uint64_t key) {
  size_t i = (size_t)(sb_splitmix64(key) & m->hmask);
  while (m->hk[i] && m->hk[i] != key + 1) i = (i + 1) & m->hmask;
  return i;
}

static uint32_t lx_find(const lx_model *m, uint32_t opp, uint32_t emp) {
  if (!m->hk) return AS_NONE;
  size_t i = h_slot(m, ((uint64_t)opp << 32) | emp);
  return m->hk[i] ? m->hv[i] : AS_NONE;
}

static int add_var(sb_arena *ar, lx_model *m, uint32_t opp, uint32_t emp,
                   int type) {
  if (lx_find(m, opp, emp) != AS_NONE) return SENBID_OK;
  if (!(m->v = grow(ar, m->v, &m->capv, m->nv + 1, sizeof *m->v)))
    return SENBID_E_NOMEM;
  m->v[m->nv] = (lx_var){opp, emp, (uint8_t)type};
  if (!m->hk || (size_t)(m->nv + 1) * 2 > m->hmask + 1) {
    size_t cap = m->hk ? (m->hmask + 1) * 2 : 256;
    uint64_t *ok = m->hk;
    uint32_t *ov = m->hv;
    size_t ocap = m->hk ? m->hmask + 1 : 0;
    m->hk = sb_arena_array(ar, cap, sizeof *m->hk);
    m->hv = sb_arena_array(ar, cap, sizeof *m->hv);
    if (!m->hk || !m->hv) return SENBID_E_NOMEM;
    m->hmask = cap - 1;
    for (size_t i = 0; i < ocap; i++)
      if (ok[i]) {
        size_t j = h_slot(m, ok[i] - 1);
        m->hk[j] = ok[i];
        m->hv[j] = ov[i];
      }
  }
  size_t i = h_slot(m, ((uint64_t)opp << 32) | emp);
  m->hk[i] = (((uint64_t)opp << 32) | emp) + 1;
  m->hv[i] = m->nv++;
  return SENBID_OK;
}

static int add_row(sb_arena *ar, lx_model *m, const uint32_t *vars, uint32_t n,
                   double ub) {
  if (!(m->rstart = grow(ar, m->rstart, &m->caprow, m->nr + 2, sizeof *m->rstart)))
    return SENBID_E_NOMEM;
  if (!(m->rub = grow(ar, m->rub, &m->caprub, m->nr + 2, sizeof *m->rub)))
    return SENBID_E_NOMEM;
  if (!(m->ridx = grow(ar, m->ridx, &m->capnnz, m->nnz + n + 1, sizeof *m->ridx)))
    return SENBID_E_NOMEM;
  m->rstart[m->nr] = m->nnz;
  memcpy(m->ridx + m->nnz, vars, (size_t)n * sizeof *vars);
  m->nnz += n;
  m->rub[m->nr++] = ub;
  m->rstart[m->nr] = m->nnz;
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

/* True when one employee cannot hold both vars: overlapping dates, or
 * (nbpc-2019) a detail decided later starting inside the waiting period
 * of one decided earlier (App. III E), unless the later one is an
 * extension or a waived only-volunteer selection. */
static bool conflict_ot(const as_data *d, uint32_t a, int ta, uint32_t b, int tb) {
  if (a > b) {
    uint32_t t = a;
    a = b;
    b = t;
    int tt = ta;
    ta = tb;
    tb = tt;
  }
  (void)ta;
  const as_opp *oa = &d->opps[a], *ob = &d->opps[b];
  if (oa->r.start <= ob->r.end && ob->r.start <= oa->r.end) return true;
  if (d->rules != AS_NBPC || oa->cat != AS_DETAIL || ob->cat != AS_DETAIL) return false;
  if (tb == VT_EXT || (tb == VT_VOL && ob->nvols == 1)) return false;
  int64_t len = (int64_t)oa->r.end - oa->r.start + 1;
  return (int64_t)ob->r.start <= (int64_t)oa->r.end + (len < 365 ? len : 365);
}

static bool conflict(const as_data *d, const lx_model *m, uint32_t a, uint32_t b) {
  return conflict_ot(d, m->v[a].opp, m->v[a].type, m->v[b].opp, m->v[b].type);
}

/* Builds the joint model from the ledger as read (st before any decision). */
static int lx_build(as_state *st, lx_model *m) {
  const as_data *d = st->d;
  sb_arena *ar = st->ar;
  memset(m, 0, sizeof *m);
  for (uint32_t oi = 0; oi < d->nopps; oi++) {
    const as_opp *o = &d->opps[oi];
    for (uint32_t i = 0; i < o->ndeclines; i++) st->decl_mark[o->declines[i]] = oi + 1;
    for (uint32_t i = 0; i < o->nvols; i++) {
      uint32_t e = o->vols[i].emp;
      if (as_vol_check(st, oi, e) == R_COUNT) SB_TRY(add_var(ar, m, oi, e, VT_VOL));
    }
    if (d->rules == AS_NBPC && o->cat == AS_DETAIL)
      for (uint32_t i = 0; i < o->next; i++) SB_TRY(add_var(ar, m, oi, o->ext[i], VT_EXT));
    if (as_mandate_pool(st, o)) {
      m->must_slots += o->slots;
      /* Mandate columns for the first K(o) eligible employees in the
       * mandate order, K(o) = the slots of every opportunity that can
       * clash with o (o included). Exact: in any completion, an employee
       * mandated on o from outside these K can be exchanged for one of
       * them, since at most K - 1 of them are busy on o or a clashing
       * opportunity (doc/assign.md). Others are judged when the walk
       * reaches them (virtual picks in gate()). */
      int64_t k = st->lex_full ? (int64_t)st->n : 0;
      for (uint32_t oj = 0; oj < d->nopps && k < (int64_t)st->n; oj++)
        if (conflict_ot(d, oi, VT_MAND, oj, VT_MAND)) k += d->opps[oj].slots;
      bool ice = d->rules == AS_ICE && o->cat == AS_DETAIL;
      int64_t got = 0;
      for (uint32_t gi = 0; gi < (ice ? 4u : 2u) && got < k; gi++)
        for (uint32_t q = st->n; q-- > 0 && got < k;) {
          uint32_t e = st->p->sen.order[q];
          uint32_t grp = st->mc_mark[e] == st->mc_epoch;
          if (ice) grp += 2u * as_ice_recent(st, o, e, 12);
          if (grp != gi || lx_find(m, oi, e) != AS_NONE || !as_qualified(d, o, e) ||
              as_mand_check(st, oi, e) != R_COUNT)
            continue;
          SB_TRY(add_var(ar, m, oi, e, VT_MAND));
          got++;
        }
    }
  }
  /* slots */
  uint32_t *buf = sb_arena_array(ar, (size_t)m->nv + 1, sizeof *buf);
  uint32_t *ord = sb_arena_array(ar, (size_t)m->nv + 1, sizeof *ord);
  lx_key *keys = sb_arena_array(ar, (size_t)m->nv + 1, sizeof *keys);
  if (!buf || !ord || !keys) return SENBID_E_NOMEM;
  m->slot_row = sb_arena_array(ar, (size_t)d->nopps + 1, sizeof *m->slot_row);
  if (!m->slot_row) return SENBID_E_NOMEM;
  for (uint32_t i = 0, oi = 0; oi < d->nopps; oi++) {
    uint32_t k = 0;
    while (i < m->nv && m->v[i].opp == oi) buf[k++] = i++;
    m->slot_row[oi] = m->nr;
    SB_TRY(add_row(ar, m, buf, k, (double)d->opps[oi].slots));
  }
  /* per employee: overlap cliques and waiting-period pairs */
  for (uint32_t i = 0; i < m->nv; i++)
    keys[i] = (lx_key){((uint64_t)m->v[i].emp << 32) |
                           (uint32_t)((int64_t)d->opps[m->v[i].opp].r.start + INT32_MAX),
                       m->v[i].opp, i};
  qsort(keys, m->nv, sizeof *keys, cmp_key);
  for (uint32_t i = 0; i < m->nv; i++) ord[i] = keys[i].var;
  for (uint32_t i = 0; i < m->nv;) {
    uint32_t j = i;
    while (j < m->nv && m->v[ord[j]].emp == m->v[ord[i]].emp) j++;
    for (uint32_t a = i; a < j; a++) {
      const as_opp *oa = &d->opps[m->v[ord[a]].opp];
      uint32_t k = 0;
      /* every var of this employee live on oa's first day (sorted by start,
       * so only those up to a) */
      for (uint32_t b = i; b <= a; b++) {
        const as_opp *ob = &d->opps[m->v[ord[b]].opp];
        if (ob->r.end >= oa->r.start) buf[k++] = ord[b];
      }
      if (k >= 2) SB_TRY(add_row(ar, m, buf, k, 1));
    }
    if (d->rules == AS_NBPC)
      for (uint32_t a = i; a < j; a++)
        for (uint32_t b = a + 1; b < j; b++) {
          const as_opp *oa = &d->opps[m->v[ord[a]].opp], *ob = &d->opps[m->v[ord[b]].opp];
          /* overlapping pairs are in the cliques already */
          if (oa->r.start <= ob->r.end && ob->r.start <= oa->r.end) continue;
          if (!conflict(d, m, ord[a], ord[b])) continue;
          uint32_t pair[2] = {ord[a], ord[b]};
          SB_TRY(add_row(ar, m, pair, 2, 1));
        }
    i = j;
  }
  /* ranges by employee and by opportunity */
  m->eord = ord;
  m->estart = sb_arena_array(ar, (size_t)st->n + 1, sizeof *m->estart);
  m->ostart = sb_arena_array(ar, (size_t)d->nopps + 1, sizeof *m->ostart);
  if (!m->estart || !m->ostart) return SENBID_E_NOMEM;
  for (uint32_t i = 0, e = 0; e <= st->n; e++) {
    while (i < m->nv && m->v[ord[i]].emp < e) i++;
    m->estart[e] = i;
  }
  for (uint32_t i = 0, o = 0; o <= d->nopps; o++) {
    while (i < m->nv && m->v[i].opp < o) i++;
    m->ostart[o] = i;
  }
  return SENBID_OK;
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
  int fill_row, mand_row;
  double fill_lb, mand_ub; /* F* and M*, less what virtual picks took */
  uint32_t *vbuf;          /* scratch for virtual picks */
} lx_run;

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
  x->fixed[j] = (int8_t)val;
  glp_set_col_bnds(x->P, (int)j + 1, GLP_FX, val, val);
}

/* Tries to make the witness take var j without a solve: j must not clash
 * with the employee's other witness vars, and its opportunity needs a free
 * slot or a witness var that is not yet fixed, which j replaces. Fill
 * stays, mandates do not grow, so the witness keeps F* and M*. */
static bool repair(lx_run *x, uint32_t j) {
  const lx_model *m = &x->m;
  const as_data *d = x->st->d;
  const lx_var *v = &m->v[j];
  for (uint32_t k = m->estart[v->emp]; k < m->estart[v->emp + 1]; k++) {
    uint32_t w = m->eord[k];
    if (w != j && x->wit[w] && conflict(d, m, w, j)) return false;
  }
  int64_t used = 0;
  uint32_t swap = AS_NONE;
  /* the slots left after virtual picks, not the announced ones */
  int64_t slots = (int64_t)(glp_get_row_ub(x->P, (int)m->slot_row[v->opp] + 1) + 0.5);
  for (uint32_t k = m->ostart[v->opp]; k < m->ostart[v->opp + 1]; k++)
    if (x->wit[k]) {
      used++;
      /* prefer dropping a mandate */
      if (x->fixed[k] < 0 && (swap == AS_NONE || m->v[k].type == VT_MAND)) swap = k;
    }
  if (v->type == VT_MAND && used >= slots && (swap == AS_NONE || m->v[swap].type != VT_MAND))
    return false; /* would trade a volunteer for a mandate */
  if (v->type == VT_MAND && used < slots) return false; /* a new mandate */
  if (used >= slots) {
    if (swap == AS_NONE) return false;
    x->wit[swap] = 0;
  }
  x->wit[j] = 1;
  return true;
}

/* A selection without a column: a mandate beyond the first K of the
 * mandate order, or one the model's static eligibility leaves out (a
 * waiting period counted from the ledger that a later selection in this
 * run has since replaced). It takes a slot of o, so o has one slot less,
 * the fill target one less when o is must-fill and, for a mandate, the
 * mandate budget one less; the employee's clashing columns become 0. Kept
 * when the witness can hand over a slot, or a solve finds a completion. */
static void shift(lx_run *x, uint32_t oi, double by, bool must, bool mand) {
  const lx_model *m = &x->m;
  uint32_t r = m->slot_row[oi];
  glp_set_row_bnds(x->P, (int)r + 1, GLP_UP, 0, glp_get_row_ub(x->P, (int)r + 1) + by);
  if (must) {
    x->fill_lb += by;
    glp_set_row_bnds(x->P, x->fill_row, GLP_LO, x->fill_lb, 0);
  }
  if (mand) {
    x->mand_ub += by;
    glp_set_row_bnds(x->P, x->mand_row, GLP_UP, 0, x->mand_ub);
  }
}

static int virtual_pick(lx_run *x, uint32_t oi, uint32_t e, int type) {
  const lx_model *m = &x->m;
  const as_data *d = x->st->d;
  bool must = as_mandate_pool(x->st, &d->opps[oi]), mand = type == VT_MAND;
  uint32_t nl = 0;
  bool in_wit = false;
  for (uint32_t k = m->estart[e]; k < m->estart[e + 1]; k++) {
    uint32_t w = m->eord[k];
    if (!conflict_ot(d, oi, type, m->v[w].opp, m->v[w].type)) continue;
    if (x->fixed[w] == 1) return 0;
    if (x->fixed[w] < 0) {
      x->vbuf[nl++] = w;
      in_wit |= x->wit_ok && x->wit[w];
    }
  }
  bool keep = false;
  if (x->wit_ok && !in_wit) {
    int64_t used = 0;
    uint32_t swap = AS_NONE;
    for (uint32_t k = m->ostart[oi]; k < m->ostart[oi + 1]; k++)
      if (x->wit[k]) {
        used++;
        if (x->fixed[k] < 0 && (swap == AS_NONE || m->v[k].type == VT_MAND)) swap = k;
      }
    double ub = glp_get_row_ub(x->P, (int)m->slot_row[oi] + 1);
    if (mand) {
      /* a mandate only replaces a mandate */
      if (swap != AS_NONE && m->v[swap].type == VT_MAND) {
        x->wit[swap] = 0;
        keep = true;
      }
    } else if ((double)used + 1 <= ub) {
      keep = true; /* a free slot */
    } else if (swap != AS_NONE) {
      x->wit[swap] = 0;
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
  for (uint32_t i = 0; i < nl; i++) {
    x->fixed[x->vbuf[i]] = -1;
    glp_set_col_bnds(x->P, (int)x->vbuf[i] + 1, GLP_DB, 0, 1);
  }
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
  if (j == AS_NONE || x->fixed[j] == 0) return 0;
  if (x->fixed[j] == 1 || (x->wit_ok && x->wit[j])) {
    fix(x, j, 1);
    return 1;
  }
  if (x->wit_ok && repair(x, j)) {
    fix(x, j, 1);
    return 1;
  }
  fix(x, j, 1);
  bool ok;
  SB_TRY(lx_solve(x, &ok));
  if (x->timed_out) return 1;
  if (!ok) {
    fix(x, j, 0);
    return 0;
  }
  return 1;
}

static glp_prob *lx_load(lx_run *x) {
  lx_model *m = &x->m;
  glp_prob *P = glp_create_prob();
  if (m->nv) glp_add_cols(P, (int)m->nv);
  for (uint32_t j = 0; j < m->nv; j++) glp_set_col_kind(P, (int)j + 1, GLP_BV);
  int *ind = sb_arena_array(x->st->ar, (size_t)m->nv + 2, sizeof *ind);
  double *val = sb_arena_array(x->st->ar, (size_t)m->nv + 2, sizeof *val);
  if (!ind || !val) return P;
  for (uint32_t j = 0; j < m->nv; j++) val[j + 1] = 1;
  glp_add_rows(P, (int)m->nr + 2);
  for (uint32_t r = 0; r < m->nr; r++) {
    int len = 0;
    for (uint32_t k = m->rstart[r]; k < m->rstart[r + 1]; k++)
      ind[++len] = (int)m->ridx[k] + 1;
    glp_set_mat_row(P, (int)r + 1, len, ind, val);
    glp_set_row_bnds(P, (int)r + 1, GLP_UP, 0, m->rub[r]);
  }
  /* fill row (must-fill opportunities) and mandate row */
  int lf = 0, lm = 0;
  for (uint32_t j = 0; j < m->nv; j++)
    if (as_mandate_pool(x->st, &x->st->d->opps[m->v[j].opp])) ind[++lf] = (int)j + 1;
  x->fill_row = (int)m->nr + 1;
  x->mand_row = (int)m->nr + 2;
  glp_set_mat_row(P, x->fill_row, lf, ind, val);
  glp_set_row_bnds(P, x->fill_row, GLP_FR, 0, 0);
  for (uint32_t j = 0; j < m->nv; j++)
    if (m->v[j].type == VT_MAND) ind[++lm] = (int)j + 1;
  glp_set_mat_row(P, x->mand_row, lm, ind, val);
  glp_set_row_bnds(P, x->mand_row, GLP_FR, 0, 0);
  return P;
}

static int lx_main(sb_ctx *ctx, void *data) {
  lx_run *x = data;
  as_state *st = x->st;
  const as_data *d = st->d;
  x->P = lx_load(x);
  lx_model *m = &x->m;
  x->fixed = sb_arena_array(st->ar, (size_t)m->nv + 1, 1);
  x->wit = sb_arena_array(st->ar, (size_t)m->nv + 1, 1);
  x->vbuf = sb_arena_array(st->ar, (size_t)m->nv + 1, sizeof *x->vbuf);
  if (!x->fixed || !x->wit || !x->vbuf) {
    glp_delete_prob(x->P);
    return SENBID_E_NOMEM;
  }
  memset(x->fixed, -1, (size_t)m->nv + 1);
  int rc = SENBID_OK;
  bool ok;
  /* F*: the most must-fill slots that can be filled */
  glp_set_obj_dir(x->P, GLP_MAX);
  for (uint32_t j = 0; j < m->nv; j++)
    glp_set_obj_coef(x->P, (int)j + 1,
                     as_mandate_pool(st, &d->opps[m->v[j].opp]) ? 1 : 0);
  rc = lx_solve(x, &ok);
  if (rc == SENBID_OK && !x->timed_out && ok) {
    double f = glp_mip_obj_val(x->P);
    x->fill_lb = f;
    glp_set_row_bnds(x->P, x->fill_row, GLP_LO, f, 0);
    /* M*: the fewest mandates keeping F* */
    glp_set_obj_dir(x->P, GLP_MIN);
    for (uint32_t j = 0; j < m->nv; j++)
      glp_set_obj_coef(x->P, (int)j + 1, m->v[j].type == VT_MAND ? 1 : 0);
    rc = lx_solve(x, &ok);
    if (rc == SENBID_OK && !x->timed_out && ok) {
      x->mand_ub = glp_mip_obj_val(x->P);
      glp_set_row_bnds(x->P, x->mand_row, GLP_UP, 0, x->mand_ub);
      for (uint32_t j = 0; j < m->nv; j++) glp_set_obj_coef(x->P, (int)j + 1, 0);
      sb_audit(st->o, NULL, "minimum", "SPEC.5.LEXICOGRAPHIC",
               "at most %.0f must-fill slot(s) can be filled, with at least "
               "%.0f mandate(s)",
               f, glp_mip_obj_val(x->P));
    }
  }
  uint32_t vj = 0; /* vars are grouped by opportunity, in order */
  for (uint32_t oi = 0; rc == SENBID_OK && oi < d->nopps; oi++) {
    if ((oi & 15) == 0) rc = sb_ctx_progress(ctx, "assignment", oi, d->nopps);
    if (rc == SENBID_OK) rc = as_plan(st, oi, gate, x);
    if (rc == SENBID_OK) rc = as_apply(st, oi, st->plan.v, st->plan.n);
    /* the opportunity is closed: everything not taken is 0 */
    for (; rc == SENBID_OK && vj < m->nv && m->v[vj].opp == oi; vj++)
      if (x->fixed[vj] < 0) {
        if (x->wit[vj]) x->wit_ok = false;
        fix(x, vj, 0);
      }
  }
  if (rc == SENBID_OK) rc = sb_ctx_progress(ctx, "assignment", d->nopps, d->nopps);
  glp_delete_prob(x->P);
  return rc;
}

int as_solve_lex(sb_ctx *ctx, as_state *st) {
  const as_data *d = st->d;
  bool bounds = false;
  for (uint32_t oi = 0; oi < d->nopps; oi++)
    bounds |= as_mandate_pool(st, &d->opps[oi]) && d->opps[oi].slots > 0;
  if (!bounds) {
    /* no lower bound: exactly round_robin (SPEC section 0) */
    for (uint32_t oi = 0; oi < d->nopps; oi++) {
      if ((oi & 63) == 0) SB_TRY(sb_ctx_progress(ctx, "assignment", oi, d->nopps));
      SB_TRY(as_plan(st, oi, NULL, NULL));
      SB_TRY(as_apply(st, oi, st->plan.v, st->plan.n));
    }
    return sb_ctx_progress(ctx, "assignment", d->nopps, d->nopps);
  }
  lx_run *x = sb_arena_alloc(st->ar, sizeof *x);
  if (!x) return SENBID_E_NOMEM;
  x->ctx = ctx;
  x->st = st;
  SB_TRY(lx_build(st, &x->m));
  int rc = sb_glpk_run(ctx, lx_main, x);
  if (rc < 0) return rc;
  if (x->timed_out) {
    st->o->status = "time_limit";
    st->o->outcome = SENBID_OUTCOME_TIME_LIMIT;
  }
  return SENBID_OK;
}

/* ------------------------------------------------------------ export */

static void lp_name(sb_buf *b, const lx_model *m, uint32_t j) {
  sb_buf_printf(b, "x_%u_%u", m->v[j].opp, m->v[j].emp);
}

/* The joint program in CPLEX LP format: maximise (S+1) * filled must-fill
 * slots - mandates (S = must-fill slots), which is the two solver stages
 * in one objective. */
int as_export_lp(sb_ctx *ctx, sb_buf *lp) {
  as_state st;
  SB_TRY(as_state_init(&st, ctx->p, &ctx->scratch, NULL));
  lx_model m;
  SB_TRY(lx_build(&st, &m));
  const as_data *d = st.d;
  const senbid_problem *p = ctx->p;
  sb_buf_puts(lp, "\\ senbid assignment: joint selection model (lexicographic)\n");
  for (uint32_t j = 0; j < m.nv; j++) {
    sb_buf_puts(lp, "\\ ");
    lp_name(lp, &m, j);
    sb_buf_printf(lp, ": opportunity %s, employee %s, %s\n", d->opps[m.v[j].opp].id,
                  p->emps[m.v[j].emp].id,
                  m.v[j].type == VT_MAND ? "mandate" :
                  m.v[j].type == VT_EXT ? "extension" : "volunteer");
  }
  sb_buf_puts(lp, "Maximize\n obj:");
  bool any = false;
  for (uint32_t j = 0; j < m.nv; j++) {
    const as_opp *o = &d->opps[m.v[j].opp];
    int64_t c = (as_mandate_pool(&st, o) ? m.must_slots + 1 : 0) -
                (m.v[j].type == VT_MAND ? 1 : 0);
    if (!c) continue;
    sb_buf_printf(lp, " %s %lld ", c < 0 ? "-" : "+", (long long)(c < 0 ? -c : c));
    lp_name(lp, &m, j);
    any = true;
  }
  if (!any) sb_buf_puts(lp, " 0 dummy");
  sb_buf_puts(lp, "\nSubject To\n");
  uint32_t rows = 0;
  for (uint32_t r = 0; r < m.nr; r++) {
    if (m.rstart[r] == m.rstart[r + 1]) continue; /* a slots row without columns */
    sb_buf_printf(lp, " c%u:", r + 1);
    for (uint32_t k = m.rstart[r]; k < m.rstart[r + 1]; k++) {
      if (k > m.rstart[r] && (k - m.rstart[r]) % 8 == 0) sb_buf_puts(lp, "\n   ");
      sb_buf_puts(lp, " + ");
      lp_name(lp, &m, m.ridx[k]);
    }
    sb_buf_printf(lp, " <= %.0f\n", m.rub[r]);
    rows++;
  }
  if (!rows) sb_buf_puts(lp, " c0: 0 dummy >= 0\n");
  sb_buf_puts(lp, "Binary\n");
  for (uint32_t j = 0; j < m.nv; j++) {
    sb_buf_puts(lp, " ");
    lp_name(lp, &m, j);
    sb_buf_puts(lp, "\n");
  }
  sb_buf_puts(lp, "End\n");
  return lp->oom ? SENBID_E_NOMEM : SENBID_OK;
}
