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

void *as_grow(sb_arena *ar, void *old, uint32_t *cap, uint32_t need,
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

/* The clause that decides a selection or skip of this reason on o, as the
 * audit cites it (R_COUNT: an unfilled opportunity; details keep the
 * historical id "ASSIGNMENT"). */
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

/* The map (assign.h): open addressing, keys stored + 1 so that 0 is a
 * free slot, doubled when half full. */
static size_t map_slot(const as_map *m, uint64_t key) {
  size_t i = (size_t)(sb_splitmix64(key) & m->mask);
  while (m->keys[i] && m->keys[i] != key + 1) i = (i + 1) & m->mask;
  return i;
}

uint32_t *as_map_find(const as_map *m, uint64_t key) {
  if (!m->keys) return NULL;
  size_t i = map_slot(m, key);
  return m->keys[i] ? &m->vals[i] : NULL;
}

int as_map_put(as_map *m, sb_arena *ar, uint64_t key, uint32_t val) {
  if (!m->keys || (m->used + 1) * 2 > m->mask + 1) {
    as_map old = *m;
    size_t cap = old.keys ? (old.mask + 1) * 2 : 64;
    m->keys = sb_arena_array(ar, cap, sizeof *m->keys);
    m->vals = sb_arena_array(ar, cap, sizeof *m->vals);
    if (!m->keys || !m->vals) return SENBID_E_NOMEM;
    m->mask = cap - 1;
    for (size_t i = 0; old.keys && i <= old.mask; i++)
      if (old.keys[i]) {
        size_t j = map_slot(m, old.keys[i] - 1);
        m->keys[j] = old.keys[i];
        m->vals[j] = old.vals[i];
      }
  }
  size_t i = map_slot(m, key);
  if (!m->keys[i]) m->used++;
  m->keys[i] = key + 1;
  m->vals[i] = val;
  return SENBID_OK;
}

/* NBPC2019.APPIII.A.1: e is in served_cycle[t] (no repeat until all have
 * had the chance). Members carry the cycle's epoch + 1, so clearing a
 * cycle is a new epoch. */
bool as_served(const as_state *st, uint32_t t, uint32_t e) {
  const uint32_t *v = as_map_find(&st->served, ((uint64_t)t << 32) | e);
  return v && *v == st->sc[t].epoch + 1;
}

/* Adds e to served_cycle[t]; 1 when added, 0 when already in. */
static int sc_add(as_state *st, uint32_t t, uint32_t e) {
  struct as_sc *c = &st->sc[t];
  if (as_served(st, t, e)) return 0;
  SB_TRY(as_map_put(&st->served, st->ar, ((uint64_t)t << 32) | e, c->epoch + 1));
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

/* ---------------------------------------------------------------- rules
 * Each rule of the agreements is one function, tagged with its clause;
 * solve.c (round_robin), lex.c (lexicographic) and check.c all call
 * these, never a copy. */

/* NBPC2019.APPIII.A.2.a, ICE2019.ART14.SEC5.C.1.b: qualified = holds every
 * tag the opportunity requires. */
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

bool as_overlap(const sb_range *a, const sb_range *b) {
  return a->start <= b->end && b->start <= a->end;
}

/* NBPC2019.APPIII.A.2.h, ICE2019.ART14.SEC5.C.1.d: available = not
 * selected in this run for an opportunity sharing a day. */
bool as_available(const as_state *st, const as_opp *o, uint32_t e) {
  for (uint32_t s = st->sel_head[e]; s != AS_NONE; s = st->sel[s].next)
    if (as_overlap(&st->sel[s].r, &o->r)) return false;
  return true;
}

/* NBPC2019.APPIII.B, ICE2019.ART14.SEC5.C.1.a: a decline binds the
 * volunteer list of that opportunity (as_mark_declines first). */
void as_mark_declines(as_state *st, uint32_t oi) {
  const as_opp *o = &st->d->opps[oi];
  for (uint32_t i = 0; i < o->ndeclines; i++) st->decl_mark[o->declines[i]] = oi + 1;
}

bool as_declined(const as_state *st, uint32_t oi, uint32_t e) {
  return st->decl_mark[e] == oi + 1;
}

/* SPEC section 9: the most recent assignment is the one ending last, then
 * starting last. True when a is more recent than b. */
bool as_newer(const sb_range *a, const sb_range *b) {
  return a->end > b->end || (a->end == b->end && a->start > b->start);
}

/* NBPC2019.APPIII.E: after a detail of L days ending E (the most recent
 * one), no new detail starting on or before E + min(L, 365). */
int64_t as_wait_days(const sb_range *last) {
  int64_t len = (int64_t)last->end - last->start + 1;
  return len < 365 ? len : 365;
}

bool as_wait_blocks(const as_data *d, const as_opp *o, const sb_range *last) {
  if (d->rules != AS_NBPC || o->cat != AS_DETAIL) return false;
  return (int64_t)o->r.start <= (int64_t)last->end + as_wait_days(last);
}

bool as_waiting(const as_state *st, const as_opp *o, uint32_t e) {
  uint32_t h = st->last[e];
  return h != AS_NONE && as_wait_blocks(st->d, o, &st->hist[h].r);
}

/* NBPC2019.APPIII.E, last sentence: the only volunteer is exempt from the
 * waiting period. */
bool as_waived(const as_data *d, const as_opp *o) {
  return d->rules == AS_NBPC && o->cat == AS_DETAIL && o->nvols == 1;
}

/* NBPC2019.APPIII.C: extensions exist for NBPC details only. */
bool as_extensions(const as_data *d, const as_opp *o) {
  return d->rules == AS_NBPC && o->cat == AS_DETAIL;
}

/* ICE2019.ART14.SEC5.C.4 / SEC5.D.2: a voluntary assignment of the same
 * type with start <= end + months; SPECIAL has no cool-down (5.C.5). */
bool as_ice_recent(const as_state *st, const as_opp *o, uint32_t e, int months) {
  if (o->ice == ICE_NONE || o->ice == ICE_SPECIAL) return false;
  uint32_t s = st->ice_slot[e];
  if (s == AS_NONE || st->ice_end[s][o->ice] == INT32_MIN) return false;
  /* A window that ends past 9999-12-31 covers every start there is. */
  sb_day until;
  if (!sb_date_add_months_checked(st->ice_end[s][o->ice], months, &until))
    return true;
  return o->r.start <= until;
}

/* NBPC2019.APPIII.D, ART27.A, ICE2019.ART14.SEC5.D: must-fill slots are
 * filled by mandates; training (ICE2019.ART11.SEC3.C) never is. */
bool as_mandate_pool(const as_opp *o) {
  return o->must_fill && o->cat != AS_TRAINING;
}

/* NBPC2019.APPIII.D, ICE2019.ART14.SEC5.D.4: an exemption whose until is on
 * or after the start. */
bool as_exempted(const as_state *st, const as_opp *o, uint32_t e) {
  return st->ex_until[e] >= o->r.start;
}

/* ICE2019.ART14.SEC5.D.5: union board members are exempt from involuntary
 * details. */
bool as_union_board(const as_data *d, const as_opp *o, uint32_t e) {
  return d->rules == AS_ICE && o->cat == AS_DETAIL && d->union_board[e];
}

/* The volunteer checks in their order: qualified, available, declines,
 * waiting period unless waived. R_COUNT when eligible. */
int as_vol_check(as_state *st, uint32_t oi, uint32_t e) {
  const as_opp *o = &st->d->opps[oi];
  if (!as_qualified(st->d, o, e)) return R_NOT_QUALIFIED;
  if (!as_available(st, o, e)) return R_UNAVAILABLE;
  if (as_declined(st, oi, e)) return R_DECLINED;
  if (!as_waived(st->d, o) && as_waiting(st, o, e)) return R_WAITING_PERIOD;
  return R_COUNT;
}

/* An extension volunteer needs only to be available (NBPC2019.APPIII.C). */
int as_ext_check(as_state *st, uint32_t oi, uint32_t e) {
  return as_available(st, &st->d->opps[oi], e) ? R_COUNT : R_UNAVAILABLE;
}

/* The mandate checks (qualification is the walk's filter): available,
 * exemption, union board, waiting period. */
int as_mand_check(as_state *st, uint32_t oi, uint32_t e) {
  const as_opp *o = &st->d->opps[oi];
  if (!as_available(st, o, e)) return R_UNAVAILABLE;
  if (as_exempted(st, o, e) || as_union_board(st->d, o, e)) return R_EXEMPT;
  if (as_waiting(st, o, e)) return R_WAITING_PERIOD;
  return R_COUNT;
}

/* ------------------------------------------------------------- ordering */

/* Where training rotation starts for o: just after training_last[title]
 * in seniority order (ICE2019.ART11.SEC3.C.3). */
uint32_t as_training_start(const as_state *st, const as_opp *o) {
  uint32_t t = st->tl_emp[o->title_id];
  if (o->cat != AS_TRAINING || t == AS_NONE) return 0;
  return (st->p->emps[t].rank + 1) % (st->n ? st->n : 1);
}

/* A volunteer's place in the agreement's order: group, then score
 * (higher first), then key (lower first). */
as_cand as_vol_order(const as_state *st, const as_opp *o, uint32_t vi,
                     uint32_t tstart) {
  const as_data *d = st->d;
  uint32_t e = o->vols[vi].emp, n = st->n;
  as_cand c = {e, 0, st->p->emps[e].rank, 0};
  if (o->cat == AS_OVERTIME) {
    c.score = -st->ot[e]; /* NBPC2019.ART27.A: fewest hours first */
  } else if (o->cat == AS_TRAINING) {
    c.key = (c.key + n - tstart) % n; /* ICE2019.ART11.SEC3.C.3 */
  } else if (d->rules == AS_NBPC) {
    if (o->special) c.score = o->vols[vi].score;  /* NBPC2019.APPIII.A.2 */
    else c.group = as_served(st, o->type_id, e);  /* NBPC2019.APPIII.A.1 */
  } else {
    /* ICE2019.ART14.SEC5.C.4 (cool-down), SEC5.C.2 (special skills) */
    c.group = as_ice_recent(st, o, e, o->ice == ICE_III ? 12 : 36);
    if (o->special) c.score = o->vols[vi].score;
  }
  return c;
}

/* The mandate order's group (0 first): NBPC2019.APPIII.A.1 / ART27.A,
 * those not in mandate_cycle first; ICE2019.ART14.SEC5.D.2 / D.3, recent
 * voluntary service of the type last, then the cycle. Inverse seniority
 * within a group. */
uint32_t as_mandate_group(const as_state *st, const as_opp *o, uint32_t e) {
  uint32_t g = st->mc_mark[e] == st->mc_epoch;
  if (st->d->rules == AS_ICE && o->cat == AS_DETAIL) g += 2u * as_ice_recent(st, o, e, 12);
  return g;
}

uint32_t as_mandate_groups(const as_data *d, const as_opp *o) {
  return d->rules == AS_ICE && o->cat == AS_DETAIL ? 4 : 2;
}

/* -------------------------------------------------------- ledger updates */

static int64_t nqual(as_state *st, const as_opp *o) {
  if (!o->nreq) return st->n;
  if (st->nqual[o->req_set] < 0) {
    int64_t c = 0;
    for (uint32_t e = 0; e < st->n; e++) c += as_qualified(st->d, o, e);
    st->nqual[o->req_set] = c;
  }
  return st->nqual[o->req_set];
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

/* NBPC2019.APPIII.A.1: a volunteer joins served_cycle[type]; 1 when that
 * cleared the cycle. */
int as_served_join(as_state *st, const as_opp *o, uint32_t e) {
  struct as_sc *c = &st->sc[o->type_id];
  int rc = sc_add(st, o->type_id, e);
  if (rc < 0) return rc;
  if (!cycle_full(st, o, c->list, c->len)) return 0;
  c->epoch++;
  c->len = 0;
  return 1;
}

/* NBPC2019.APPIII.A.1 / ICE2019.ART14.SEC5.D.3: a mandated employee joins
 * mandate_cycle; 1 when that cleared it. */
int as_mandate_join(as_state *st, const as_opp *o, uint32_t e) {
  if (st->mc_mark[e] != st->mc_epoch) {
    st->mc_mark[e] = st->mc_epoch;
    st->mc_list[st->mc_len++] = e;
  }
  if (!cycle_full(st, o, st->mc_list, st->mc_len)) return 0;
  st->mc_epoch++;
  st->mc_len = 0;
  return 1;
}

/* NBPC2019.ART27.A: every overtime selection adds its hours. */
void as_ot_add(as_state *st, const as_opp *o, uint32_t e) {
  if (!st->ot_present[e]) st->ot_order[st->ot_len++] = e;
  st->ot_present[e] = 1;
  st->ot[e] += o->hours;
}

/* ICE2019.ART11.SEC3.C.3: the rotation continues after the last selected. */
void as_training_set(as_state *st, const as_opp *o, uint32_t e) {
  if (st->tl_emp[o->title_id] == AS_NONE) st->tl_order[st->tl_len++] = o->title_id;
  st->tl_emp[o->title_id] = e;
}

/* Records a selection: availability, history (details), the cycles. */
int as_record(as_state *st, const as_opp *o, uint32_t e, int reason) {
  if (!GROW(st, st->sel, st->capsel, st->nsel + 1)) return SENBID_E_NOMEM;
  st->sel[st->nsel] = (struct as_selr){o->r, st->sel_head[e]};
  st->sel_head[e] = st->nsel++;
  if (o->cat == AS_DETAIL) {
    as_hist h = {e, o->type, o->ice, reason != R_MANDATED, o->r};
    SB_TRY(hist_push(st, &h));
  }
  if (o->cat == AS_OVERTIME) as_ot_add(st, o, e);
  return SENBID_OK;
}
