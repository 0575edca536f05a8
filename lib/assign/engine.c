/* The ledger and the decision rules of SPEC section 5, shared by solve
 * (round_robin and lexicographic) and check. Every per-candidate ledger
 * lookup is O(1): the most recent history entry, the latest voluntary end
 * per ICE type, cycle membership and overtime hours are indexed by
 * employee, so a long ledger costs only when it is read. */
#include <stdlib.h>
#include <string.h>

#include "assign.h"

const char *const as_reason_names[R_COUNT] = {
    "VOLUNTEER",  "EXTENSION",      "MANDATED",        "OVERTIME_ROTATION",
    "TRAINING_ROTATION", "NOT_QUALIFIED", "UNAVAILABLE", "DECLINED",
    "WAITING_PERIOD", "EXEMPT",     "MIN_MANDATES"};

struct as_cand {
  uint32_t emp, group, key;
  double score; /* higher first */
};


/* Grows an arena array to at least need elements (doubling). */
static void *grow(sb_arena *ar, void *old, uint32_t *cap, uint32_t need,
                  size_t elem) {
  if (need <= *cap) return old;
  uint32_t nc = *cap ? *cap : 8;
  while (nc < need) nc = nc > UINT32_MAX / 2 ? need : nc * 2;
  void *v = sb_arena_array(ar, nc, elem);
  if (!v) return NULL;
  if (old && *cap) memcpy(v, old, (size_t)*cap * elem);
  *cap = nc;
  return v;
}

#define GROW(st, arr, cap, need)                                              \
  (((arr) = grow((st)->ar, (arr), &(cap), (need), sizeof *(arr))) != NULL)

const char *as_rule(const as_data *d, const as_opp *o, int reason) {
  bool ice = d->rules == AS_ICE;
  if (o->cat == AS_OVERTIME && reason != R_MIN_MANDATES)
    return "NBPC2019.ART27.A";
  if (o->cat == AS_TRAINING && reason != R_MIN_MANDATES)
    return reason == R_TRAINING_ROTATION ? "ICE2019.ART11.SEC3.C.3"
                                         : "ICE2019.ART11.SEC3.C";
  switch (reason) {
    case R_VOLUNTEER:
      return ice ? (o->special ? "ICE2019.ART14.SEC5.C.2"
                               : "ICE2019.ART14.SEC5.C.3")
                 : (o->special ? "NBPC2019.APPIII.A.2" : "NBPC2019.APPIII.A.1");
    case R_EXTENSION: return "NBPC2019.APPIII.C";
    case R_MANDATED: return ice ? "ICE2019.ART14.SEC5.D" : "NBPC2019.APPIII.D";
    case R_NOT_QUALIFIED:
      return ice ? "ICE2019.ART14.SEC5.C.1.b" : "NBPC2019.APPIII.A.2.a";
    case R_UNAVAILABLE:
      return ice ? "ICE2019.ART14.SEC5.C.1.d" : "NBPC2019.APPIII.A.2.h";
    case R_DECLINED: return ice ? "ICE2019.ART14.SEC5.C.1.a" : "NBPC2019.APPIII.B";
    case R_WAITING_PERIOD: return "NBPC2019.APPIII.E";
    case R_EXEMPT: return ice ? "ICE2019.ART14.SEC5.D.4" : "NBPC2019.APPIII.D";
    case R_MIN_MANDATES: return "SPEC.5.LEXICOGRAPHIC";
    default: return "ASSIGNMENT";
  }
}

/* --------------------------------------------------------------- state */

static void hist_index(as_state *st, uint32_t hi) {
  const as_hist *h = &st->hist[hi];
  uint32_t e = h->emp, cur = st->last[e];
  /* most recent = latest end, then latest start (SPEC section 9) */
  if (cur == AS_NONE || h->r.end > st->hist[cur].r.end ||
      (h->r.end == st->hist[cur].r.end && h->r.start >= st->hist[cur].r.start))
    st->last[e] = hi;
  if (h->vol && h->ice != ICE_NONE) {
    if (st->ice_slot[e] == AS_NONE) {
      if (!GROW(st, st->ice_end, st->capice, st->nice + 1)) return;
      for (int k = 0; k < ICE_COUNT; k++) st->ice_end[st->nice][k] = INT32_MIN;
      st->ice_slot[e] = st->nice++;
    }
    sb_day *row = st->ice_end[st->ice_slot[e]];
    if (h->r.end > row[h->ice]) row[h->ice] = h->r.end;
  }
}

static int hist_push(as_state *st, const as_hist *h) {
  if (!GROW(st, st->hist, st->caphist, st->nhist + 1))
    return SENBID_E_NOMEM;
  st->hist[st->nhist] = *h;
  uint32_t before = st->nice;
  hist_index(st, st->nhist++);
  if (h->vol && h->ice != ICE_NONE && st->ice_slot[h->emp] == AS_NONE &&
      st->nice == before)
    return SENBID_E_NOMEM;
  return SENBID_OK;
}

static size_t sc_find(const as_state *st, uint64_t key) {
  size_t i = (size_t)(sb_splitmix64(key) & st->sc_mask);
  while (st->sc_keys[i] && st->sc_keys[i] != key + 1) i = (i + 1) & st->sc_mask;
  return i;
}

static bool sc_has(const as_state *st, uint32_t t, uint32_t e) {
  if (!st->sc_keys) return false;
  size_t i = sc_find(st, ((uint64_t)t << 32) | e);
  return st->sc_keys[i] && st->sc_vals[i] == st->sc[t].epoch + 1;
}

static int sc_rehash(as_state *st) {
  size_t cap = st->sc_keys ? (st->sc_mask + 1) * 2 : 64;
  uint64_t *ok = st->sc_keys;
  uint32_t *ov = st->sc_vals;
  size_t ocap = st->sc_keys ? st->sc_mask + 1 : 0;
  st->sc_keys = sb_arena_array(st->ar, cap, sizeof *st->sc_keys);
  st->sc_vals = sb_arena_array(st->ar, cap, sizeof *st->sc_vals);
  if (!st->sc_keys || !st->sc_vals) return SENBID_E_NOMEM;
  st->sc_mask = cap - 1;
  for (size_t i = 0; i < ocap; i++)
    if (ok[i]) {
      size_t j = sc_find(st, ok[i] - 1);
      st->sc_keys[j] = ok[i];
      st->sc_vals[j] = ov[i];
    }
  return SENBID_OK;
}

/* Adds e to served_cycle[t]; 1 when added, 0 when already in. */
static int sc_add(as_state *st, uint32_t t, uint32_t e) {
  if (!st->sc_keys || (st->sc_used + 1) * 2 > st->sc_mask + 1)
    SB_TRY(sc_rehash(st));
  uint64_t key = ((uint64_t)t << 32) | e;
  size_t i = sc_find(st, key);
  struct as_sc *c = &st->sc[t];
  if (st->sc_keys[i] && st->sc_vals[i] == c->epoch + 1) return 0;
  if (!st->sc_keys[i]) st->sc_used++;
  st->sc_keys[i] = key + 1;
  st->sc_vals[i] = c->epoch + 1;
  if (!GROW(st, c->list, c->cap, c->len + 1)) return SENBID_E_NOMEM;
  c->list[c->len++] = e;
  return 1;
}

int as_state_init(as_state *st, const senbid_problem *p, sb_arena *ar,
                  sb_out *o) {
  const as_data *d = p->kind_data;
  memset(st, 0, sizeof *st);
  st->p = p;
  st->d = d;
  st->ar = ar;
  st->o = o;
  uint32_t n = st->n = p->nemps;
  size_t m = (size_t)n + 1;
  st->last = sb_arena_array(ar, m, sizeof *st->last);
  st->ice_slot = sb_arena_array(ar, m, sizeof *st->ice_slot);
  st->sel_head = sb_arena_array(ar, m, sizeof *st->sel_head);
  st->mc_mark = sb_arena_array(ar, m, sizeof *st->mc_mark);
  st->mc_list = sb_arena_array(ar, m, sizeof *st->mc_list);
  st->sc = sb_arena_array(ar, (size_t)d->ntypes + 1, sizeof *st->sc);
  st->ot = sb_arena_array(ar, m, sizeof *st->ot);
  st->ot_present = sb_arena_array(ar, m, 1);
  st->ot_order = sb_arena_array(ar, m, sizeof *st->ot_order);
  st->ex_until = sb_arena_array(ar, m, sizeof *st->ex_until);
  st->tl_emp = sb_arena_array(ar, (size_t)d->ntitles + 1, sizeof *st->tl_emp);
  st->tl_order = sb_arena_array(ar, (size_t)d->ntitles + 1, sizeof *st->tl_order);
  st->pick_mark = sb_arena_array(ar, m, sizeof *st->pick_mark);
  st->skip_mark = sb_arena_array(ar, m, sizeof *st->skip_mark);
  st->decl_mark = sb_arena_array(ar, m, sizeof *st->decl_mark);
  st->nqual = sb_arena_array(ar, (size_t)d->nreqsets + 1, sizeof *st->nqual);
  st->unf_opp = sb_arena_array(ar, (size_t)d->nopps + 1, sizeof *st->unf_opp);
  st->unf_slots = sb_arena_array(ar, (size_t)d->nopps + 1, sizeof *st->unf_slots);
  if (!st->last || !st->ice_slot || !st->sel_head || !st->mc_mark ||
      !st->mc_list || !st->sc || !st->ot || !st->ot_present || !st->ot_order ||
      !st->ex_until || !st->tl_emp || !st->tl_order || !st->pick_mark ||
      !st->skip_mark || !st->decl_mark || !st->nqual || !st->unf_opp ||
      !st->unf_slots)
    return SENBID_E_NOMEM;
  for (uint32_t i = 0; i < n; i++) {
    st->last[i] = st->ice_slot[i] = st->sel_head[i] = AS_NONE;
    st->ex_until[i] = INT32_MIN;
  }
  for (uint32_t i = 0; i < d->nreqsets; i++) st->nqual[i] = -1;
  for (uint32_t i = 0; i < d->ntitles; i++) st->tl_emp[i] = AS_NONE;
  for (uint32_t i = 0; i < d->nhist; i++) SB_TRY(hist_push(st, &d->hist[i]));
  for (uint32_t k = 0; k < d->nserved; k++) {
    uint32_t t = d->served_order[k];
    if (st->sc[t].len) continue; /* a key repeated in the object */
    for (uint32_t i = 0; i < d->served[t].n; i++)
      if (sc_add(st, t, d->served[t].v[i]) < 0) return SENBID_E_NOMEM;
  }
  st->mc_epoch = 1;
  for (uint32_t i = 0; i < d->mcycle.n; i++) {
    uint32_t e = d->mcycle.v[i];
    st->mc_mark[e] = 1;
    st->mc_list[st->mc_len++] = e;
  }
  for (uint32_t i = 0; i < d->not_; i++) {
    uint32_t e = d->ot_emp[i];
    if (!st->ot_present[e]) st->ot_order[st->ot_len++] = e;
    st->ot_present[e] = 1;
    st->ot[e] = d->ot_hours[i];
  }
  for (uint32_t i = 0; i < d->nex; i++)
    if (d->ex[i].until > st->ex_until[d->ex[i].emp])
      st->ex_until[d->ex[i].emp] = d->ex[i].until;
  for (uint32_t i = 0; i < d->ntl; i++) {
    uint32_t t = d->tl_title[i];
    if (st->tl_emp[t] == AS_NONE) st->tl_order[st->tl_len++] = t;
    st->tl_emp[t] = d->tl_emp[i];
  }
  return SENBID_OK;
}

/* ----------------------------------------------------------- predicates */

bool as_qualified(const as_data *d, const as_opp *o, uint32_t e) {
  if (!o->nreq) return true;
  const as_list *t = &d->emp_tags[e];
  uint32_t j = 0;
  for (uint32_t i = 0; i < o->nreq; i++) {
    while (j < t->n && t->v[j] < o->req[i]) j++;
    if (j == t->n || t->v[j] != o->req[i]) return false;
  }
  return true;
}

bool as_available(const as_state *st, const as_opp *o, uint32_t e) {
  for (uint32_t s = st->sel_head[e]; s != AS_NONE; s = st->sel[s].next)
    if (st->sel[s].r.start <= o->r.end && o->r.start <= st->sel[s].r.end)
      return false;
  return true;
}

/* NBPC 2019 Appendix III E: after a detail of L days ending E, no new one
 * starting on or before E + min(L, 365). Details only. */
bool as_waiting(const as_state *st, const as_opp *o, uint32_t e) {
  if (st->d->rules != AS_NBPC || o->cat != AS_DETAIL) return false;
  uint32_t h = st->last[e];
  if (h == AS_NONE) return false;
  const sb_range *r = &st->hist[h].r;
  int64_t len = (int64_t)r->end - r->start + 1;
  return (int64_t)o->r.start <= (int64_t)r->end + (len < 365 ? len : 365);
}

/* ICE 2019 Art. 14 Sec. 5.C.4 / 5.D.2: a voluntary assignment of the same
 * type with start <= end + months. */
bool as_ice_recent(const as_state *st, const as_opp *o, uint32_t e,
                       int months) {
  if (o->ice == ICE_NONE || o->ice == ICE_SPECIAL) return false;
  uint32_t s = st->ice_slot[e];
  if (s == AS_NONE || st->ice_end[s][o->ice] == INT32_MIN) return false;
  return o->r.start <= sb_date_add_months(st->ice_end[s][o->ice], months);
}

bool as_mandate_pool(const as_state *st, const as_opp *o) {
  (void)st;
  return o->must_fill && o->cat != AS_TRAINING;
}

int as_vol_check(as_state *st, uint32_t oi, uint32_t e) {
  const as_opp *o = &st->d->opps[oi];
  if (!as_qualified(st->d, o, e)) return R_NOT_QUALIFIED;
  if (!as_available(st, o, e)) return R_UNAVAILABLE;
  if (st->decl_mark[e] == oi + 1) return R_DECLINED;
  /* the only volunteer is exempt from the waiting period (App. III E) */
  if (o->nvols != 1 && as_waiting(st, o, e)) return R_WAITING_PERIOD;
  return R_COUNT;
}

int as_mand_check(as_state *st, uint32_t oi, uint32_t e) {
  const as_opp *o = &st->d->opps[oi];
  if (!as_available(st, o, e)) return R_UNAVAILABLE;
  if (st->ex_until[e] >= o->r.start) return R_EXEMPT;
  if (st->d->rules == AS_ICE && o->cat == AS_DETAIL && st->d->union_board[e])
    return R_EXEMPT;
  if (as_waiting(st, o, e)) return R_WAITING_PERIOD;
  return R_COUNT;
}

static int64_t nqual(as_state *st, const as_opp *o) {
  if (!o->nreq) return st->n;
  if (st->nqual[o->req_set] < 0) {
    int64_t c = 0;
    for (uint32_t e = 0; e < st->n; e++) c += as_qualified(st->d, o, e);
    st->nqual[o->req_set] = c;
  }
  return st->nqual[o->req_set];
}

/* ------------------------------------------------------------- planning */

static int ev_push(as_state *st, as_evvec *v, uint32_t e, int reason,
                   bool pick) {
  if (!GROW(st, v->v, v->cap, v->n + 1)) return SENBID_E_NOMEM;
  v->v[v->n++] = (as_event){e, (uint8_t)reason, pick};
  return SENBID_OK;
}

static int skip(as_state *st, uint32_t oi, uint32_t e, int reason) {
  uint32_t m = (oi + 1) * 16 + (uint32_t)reason;
  if (st->skip_mark[e] == m) return SENBID_OK;
  st->skip_mark[e] = m;
  return ev_push(st, &st->plan, e, reason, false);
}

static int cand_cmp(const void *a, const void *b) {
  const struct as_cand *x = a, *y = b;
  if (x->group != y->group) return x->group < y->group ? -1 : 1;
  if (x->score != y->score) return x->score > y->score ? -1 : 1;
  return (x->key > y->key) - (x->key < y->key);
}

/* A tentative pick; 1 taken, 0 refused. */
static int try_pick(as_state *st, uint32_t oi, uint32_t e, int reason,
                    as_gate_fn gate, void *g, int64_t *filled) {
  if (gate) {
    int k = gate(g, oi, e, reason);
    if (k < 0) return k;
    if (!k) {
      SB_TRY(skip(st, oi, e, R_MIN_MANDATES));
      return 0;
    }
  }
  st->pick_mark[e] = oi + 1;
  (*filled)++;
  SB_TRY(ev_push(st, &st->tmp, e, reason, true));
  return 1;
}

static int flush_picks(as_state *st) {
  for (uint32_t i = 0; i < st->tmp.n; i++)
    SB_TRY(ev_push(st, &st->plan, st->tmp.v[i].emp, st->tmp.v[i].reason, true));
  st->tmp.n = 0;
  return SENBID_OK;
}

int as_plan(as_state *st, uint32_t oi, as_gate_fn gate, void *g) {
  const as_data *d = st->d;
  const as_opp *o = &d->opps[oi];
  const senbid_problem *p = st->p;
  uint32_t mark = oi + 1, n = st->n;
  st->plan.n = st->tmp.n = 0;
  for (uint32_t i = 0; i < o->ndeclines; i++) st->decl_mark[o->declines[i]] = mark;
  int64_t filled = 0;

  /* 1. volunteers: eligibility in list order, then the rule's order */
  if (!GROW(st, st->cand, st->capcand, o->nvols + o->next + 1))
    return SENBID_E_NOMEM;
  uint32_t nc = 0;
  uint32_t tstart = 0;
  if (o->cat == AS_TRAINING && st->tl_emp[o->title_id] != AS_NONE)
    tstart = (p->emps[st->tl_emp[o->title_id]].rank + 1) % (n ? n : 1);
  for (uint32_t i = 0; i < o->nvols; i++) {
    uint32_t e = o->vols[i].emp;
    int r = as_vol_check(st, oi, e);
    if (r != R_COUNT) {
      SB_TRY(skip(st, oi, e, r));
      continue;
    }
    struct as_cand *c = &st->cand[nc++];
    c->emp = e;
    c->group = 0;
    c->score = 0;
    c->key = p->emps[e].rank;
    if (o->cat == AS_OVERTIME) {
      c->score = -st->ot[e]; /* fewest hours first (Art. 27.A) */
    } else if (o->cat == AS_TRAINING) {
      c->key = (p->emps[e].rank + n - tstart) % n; /* Art. 11 Sec. 3.C.3 */
    } else if (d->rules == AS_NBPC) {
      if (o->special) c->score = o->vols[i].score; /* App. III A.2 */
      else c->group = sc_has(st, o->type_id, e);  /* App. III A.1 */
    } else {
      c->group = as_ice_recent(st, o, e, o->ice == ICE_III ? 12 : 36); /* 5.C.4 */
      if (o->special) c->score = o->vols[i].score;                  /* 5.C.2 */
    }
  }
  qsort(st->cand, nc, sizeof *st->cand, cand_cmp);
  int reason = o->cat == AS_OVERTIME   ? R_OVERTIME_ROTATION
               : o->cat == AS_TRAINING ? R_TRAINING_ROTATION
                                       : R_VOLUNTEER;
  for (uint32_t i = 0; i < nc && filled < o->slots; i++) {
    int k = try_pick(st, oi, st->cand[i].emp, reason, gate, g, &filled);
    if (k < 0) return k;
  }
  SB_TRY(flush_picks(st));

  /* 2. extensions, by seniority (NBPC 2019 App. III C) */
  if (filled < o->slots && o->next && d->rules == AS_NBPC &&
      o->cat == AS_DETAIL) {
    nc = 0;
    for (uint32_t i = 0; i < o->next; i++) {
      st->cand[nc] = (struct as_cand){o->ext[i], 0, p->emps[o->ext[i]].rank, 0};
      nc++;
    }
    qsort(st->cand, nc, sizeof *st->cand, cand_cmp);
    for (uint32_t i = 0; i < nc && filled < o->slots; i++) {
      uint32_t e = st->cand[i].emp;
      if (st->pick_mark[e] == mark) continue;
      if (!as_available(st, o, e)) {
        SB_TRY(skip(st, oi, e, R_UNAVAILABLE));
        continue;
      }
      int k = try_pick(st, oi, e, R_EXTENSION, gate, g, &filled);
      if (k < 0) return k;
    }
    SB_TRY(flush_picks(st));
  }

  /* 3. mandates by inverse seniority, those not in the mandate cycle first
   * (NBPC App. III A.1, D; Art. 27.A); under ICE, past volunteers of the
   * same type within 12 months last (Sec. 5.D.2, 5.D.3). */
  if (filled < o->slots && as_mandate_pool(st, o)) {
    bool ice = d->rules == AS_ICE && o->cat == AS_DETAIL;
    uint32_t ngroups = ice ? 4 : 2;
    for (uint32_t gi = 0; gi < ngroups && filled < o->slots; gi++) {
      for (uint32_t k = n; k-- > 0 && filled < o->slots;) {
        uint32_t e = p->sen.order[k];
        uint32_t grp = st->mc_mark[e] == st->mc_epoch;
        if (ice) grp += 2u * as_ice_recent(st, o, e, 12);
        if (grp != gi || !as_qualified(d, o, e) || st->pick_mark[e] == mark)
          continue;
        int r = as_mand_check(st, oi, e);
        if (r != R_COUNT) {
          SB_TRY(skip(st, oi, e, r));
          continue;
        }
        int t = try_pick(st, oi, e, R_MANDATED, gate, g, &filled);
        if (t < 0) return t;
      }
    }
    SB_TRY(flush_picks(st));
  }
  return SENBID_OK;
}

/* ------------------------------------------------------------- applying */

static int push_sel(as_state *st, as_sel **arr, uint32_t *len, uint32_t *cap,
                    uint32_t oi, uint32_t e, int reason) {
  if (!(*arr = grow(st->ar, *arr, cap, *len + 1, sizeof **arr)))
    return SENBID_E_NOMEM;
  (*arr)[(*len)++] = (as_sel){oi, e, (uint8_t)reason};
  return SENBID_OK;
}

static void reset_audit(as_state *st, const char *rule, const char *what) {
  if (st->o) sb_audit(st->o, NULL, "cycle_reset", rule, "%s cleared", what);
}

/* A cycle is cleared when every employee holding o's required tags is in
 * it (SPEC section 9; NBPC 2019 App. III A.1; ICE 2019 Sec. 5.D.3). */
static bool cycle_full(as_state *st, const as_opp *o, const uint32_t *list,
                       uint32_t len) {
  int64_t q = nqual(st, o);
  if ((int64_t)len < q) return false;
  if (!o->nreq) return true;
  int64_t c = 0;
  for (uint32_t i = 0; i < len; i++) c += as_qualified(st->d, o, list[i]);
  return c == q;
}

static int apply_pick(as_state *st, uint32_t oi, uint32_t e, int reason) {
  const as_data *d = st->d;
  const as_opp *o = &d->opps[oi];
  SB_TRY(push_sel(st, &st->sels, &st->nsels, &st->capsels, oi, e, reason));
  if (st->o)
    sb_audit(st->o, st->p->emps[e].id, "select", as_rule(d, o, reason), "%s: %s",
             o->id, as_reason_names[reason]);
  if (!GROW(st, st->sel, st->capsel, st->nsel + 1)) return SENBID_E_NOMEM;
  st->sel[st->nsel] = (struct as_selr){o->r, st->sel_head[e]};
  st->sel_head[e] = st->nsel++;
  if (o->cat == AS_DETAIL) {
    as_hist h = {e, o->type, o->ice, reason != R_MANDATED, o->r};
    SB_TRY(hist_push(st, &h));
  }
  if (o->cat == AS_OVERTIME) {
    if (!st->ot_present[e]) st->ot_order[st->ot_len++] = e;
    st->ot_present[e] = 1;
    st->ot[e] += o->hours;
  }
  if (reason == R_VOLUNTEER && o->cat == AS_DETAIL && d->rules == AS_NBPC) {
    struct as_sc *c = &st->sc[o->type_id];
    SB_TRY(sc_add(st, o->type_id, e));
    if (cycle_full(st, o, c->list, c->len)) {
      c->epoch++;
      c->len = 0;
      if (st->o)
        sb_audit(st->o, NULL, "cycle_reset", "NBPC2019.APPIII.A.1",
                 "served_cycle[%s] cleared", o->type);
    }
  }
  if (reason == R_MANDATED) {
    if (st->mc_mark[e] != st->mc_epoch) {
      st->mc_mark[e] = st->mc_epoch;
      st->mc_list[st->mc_len++] = e;
    }
    if (cycle_full(st, o, st->mc_list, st->mc_len)) {
      st->mc_epoch++;
      st->mc_len = 0;
      reset_audit(st,
                  d->rules == AS_ICE && o->cat == AS_DETAIL
                      ? "ICE2019.ART14.SEC5.D.3"
                      : "NBPC2019.APPIII.A.1",
                  "mandate_cycle");
    }
  }
  return SENBID_OK;
}

int as_apply(as_state *st, uint32_t oi, const as_event *ev, uint32_t nev) {
  const as_data *d = st->d;
  const as_opp *o = &d->opps[oi];
  int64_t picks = 0;
  uint32_t lastpick = AS_NONE;
  for (uint32_t i = 0; i < nev; i++) {
    uint32_t e = ev[i].emp;
    if (ev[i].pick) {
      SB_TRY(apply_pick(st, oi, e, ev[i].reason));
      picks++;
      lastpick = e;
    } else {
      SB_TRY(push_sel(st, &st->skips, &st->nskips, &st->capskips, oi, e,
                      ev[i].reason));
      if (st->o) {
        const char *rule = as_rule(d, o, ev[i].reason);
        if (ev[i].reason == R_EXEMPT && d->rules == AS_ICE &&
            o->cat == AS_DETAIL && d->union_board[e] &&
            st->ex_until[e] < o->r.start)
          rule = "ICE2019.ART14.SEC5.D.5";
        sb_audit(st->o, st->p->emps[e].id, "skip", rule, "%s: %s", o->id,
                 as_reason_names[ev[i].reason]);
      }
    }
  }
  if (o->cat == AS_TRAINING && lastpick != AS_NONE) {
    if (st->tl_emp[o->title_id] == AS_NONE)
      st->tl_order[st->tl_len++] = o->title_id;
    st->tl_emp[o->title_id] = lastpick;
  }
  if (picks < o->slots) {
    st->unf_opp[st->nunf] = oi;
    st->unf_slots[st->nunf++] = o->slots - picks;
    if (st->o)
      sb_audit(st->o, NULL, "unfilled", as_rule(d, o, R_COUNT),
               "%s: %lld slot(s) unfilled", o->id, (long long)(o->slots - picks));
  }
  return SENBID_OK;
}

/* -------------------------------------------------------------- output */

static void write_sels(as_state *st, sb_jw *w, const as_sel *v, uint32_t n) {
  sb_jw_arr(w);
  for (uint32_t i = 0; i < n; i++) {
    sb_jw_obj(w);
    SB_JW_KEY(w, "opportunity");
    sb_jw_str(w, st->d->opps[v[i].opp].id);
    SB_JW_KEY(w, "employee");
    sb_jw_str(w, st->p->emps[v[i].emp].id);
    SB_JW_KEY(w, "reason");
    sb_jw_str(w, as_reason_names[v[i].reason]);
    sb_jw_obj_end(w);
  }
  sb_jw_arr_end(w);
}

static void write_ids(as_state *st, sb_jw *w, const uint32_t *v, uint32_t n) {
  sb_jw_arr(w);
  for (uint32_t i = 0; i < n; i++) sb_jw_str(w, st->p->emps[v[i]].id);
  sb_jw_arr_end(w);
}

int as_write_results(as_state *st, sb_jw *w) {
  const as_data *d = st->d;
  const senbid_problem *p = st->p;
  SB_JW_KEY(w, "selections");
  write_sels(st, w, st->sels, st->nsels);
  SB_JW_KEY(w, "unfilled");
  sb_jw_arr(w);
  for (uint32_t i = 0; i < st->nunf; i++) {
    sb_jw_obj(w);
    SB_JW_KEY(w, "opportunity");
    sb_jw_str(w, d->opps[st->unf_opp[i]].id);
    SB_JW_KEY(w, "slots");
    sb_jw_int(w, st->unf_slots[i]);
    sb_jw_obj_end(w);
  }
  sb_jw_arr_end(w);
  SB_JW_KEY(w, "skipped");
  write_sels(st, w, st->skips, st->nskips);

  uint8_t *done = sb_arena_array(st->ar, (size_t)d->ntypes + 1, 1);
  if (!done) return SENBID_E_NOMEM;
  SB_JW_KEY(w, "ledger");
  sb_jw_obj(w);
  SB_JW_KEY(w, "history");
  sb_jw_arr(w);
  for (uint32_t i = 0; i < st->nhist; i++) {
    const as_hist *h = &st->hist[i];
    sb_jw_obj(w);
    SB_JW_KEY(w, "employee");
    sb_jw_str(w, p->emps[h->emp].id);
    SB_JW_KEY(w, "type");
    sb_jw_str(w, h->type);
    SB_JW_KEY(w, "ice_type");
    sb_jw_str_or_null(w, as_ice_names[h->ice]);
    SB_JW_KEY(w, "voluntary");
    sb_jw_bool(w, h->vol);
    SB_JW_KEY(w, "start");
    sb_jw_date(w, h->r.start);
    SB_JW_KEY(w, "end");
    sb_jw_date(w, h->r.end);
    sb_jw_obj_end(w);
  }
  sb_jw_arr_end(w);
  /* served_cycle: the document's keys first, then new types in the order
   * opportunities list them; empty cycles are left out */
  SB_JW_KEY(w, "served_cycle");
  sb_jw_obj(w);
  for (uint32_t pass = 0; pass < 2; pass++) {
    uint32_t cnt = pass ? d->nopps : d->nserved;
    for (uint32_t k = 0; k < cnt; k++) {
      uint32_t t = pass ? d->opps[k].type_id : d->served_order[k];
      if (done[t]) continue;
      done[t] = 1;
      if (!st->sc[t].len) continue;
      sb_jw_key(w, d->types[t]);
      write_ids(st, w, st->sc[t].list, st->sc[t].len);
    }
  }
  sb_jw_obj_end(w);
  SB_JW_KEY(w, "mandate_cycle");
  write_ids(st, w, st->mc_list, st->mc_len);
  SB_JW_KEY(w, "overtime_hours");
  sb_jw_obj(w);
  for (uint32_t i = 0; i < st->ot_len; i++) {
    sb_jw_key(w, p->emps[st->ot_order[i]].id);
    sb_jw_num(w, st->ot[st->ot_order[i]]);
  }
  sb_jw_obj_end(w);
  SB_JW_KEY(w, "exemptions");
  sb_jw_arr(w);
  for (uint32_t i = 0; i < d->nex; i++) {
    sb_jw_obj(w);
    SB_JW_KEY(w, "employee");
    sb_jw_str(w, p->emps[d->ex[i].emp].id);
    SB_JW_KEY(w, "until");
    sb_jw_date(w, d->ex[i].until);
    sb_jw_obj_end(w);
  }
  sb_jw_arr_end(w);
  SB_JW_KEY(w, "training_last");
  sb_jw_obj(w);
  for (uint32_t i = 0; i < st->tl_len; i++) {
    uint32_t t = st->tl_order[i];
    sb_jw_key(w, d->titles[t]);
    sb_jw_str(w, p->emps[st->tl_emp[t]].id);
  }
  sb_jw_obj_end(w);
  sb_jw_obj_end(w);
  return SENBID_OK;
}
