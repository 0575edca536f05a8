/* Solving a shift bid (SPEC section 3; NBPC 2019 Appendix II): the seven
 * steps of round_robin, the lexicographic method on top of the exact
 * feasibility test of flow.c, and the result members. */
#include <stdlib.h>
#include <string.h>

#include "shiftbid.h"

#define R_SENIORITY "NBPC2019.APPII.IV.D"
#define R_AGENCY "NBPC2019.APPII.IV.A.4"
#define R_MGMT "NBPC2019.APPII.III.I"
#define R_SPP "NBPC2019.APPII.V.A.2"
#define R_BUMP "NBPC2019.APPII.V.A.3"
#define R_BUMP_RESET "NBPC2019.APPII.V.A.3.a"
#define R_ADJUST "NBPC2019.APPII.III.A"

static const char *const how_name[] = {"",          "MANAGEMENT_PLACEMENT",
                                       "SPP_GUARANTEE", "SENIORITY",
                                       "AGENCY_PLACEMENT", "BUMPED"};
static const char *const cause_name[] = {"",
                                         "INELIGIBLE_SERIES_TIME",
                                         "NO_BID",
                                         "NO_PREFERENCE",
                                         "PREFS_FULL",
                                         "BUMPED"};

#define NOMEM(st) sb_err_nomem((st)->ctx->err)

static const char *eid(const sbs_state *st, uint32_t e) {
  return st->p->emps[e].id;
}
static const char *sid(const sbs_state *st, uint32_t s) {
  return st->d->shifts[s].id;
}

/* The limit of shift s for employee e's grade, or -1. */
static int32_t lim_of(const sbs_state *st, uint32_t e, uint32_t s) {
  return st->d->lim[(size_t)st->d->e[e].cls * st->S + s];
}

/* SPEC 3: room when the count is below max and, if the shift limits e's
 * grade, the grade count is below that grade's max. */
static bool has_room(const sbs_state *st, uint32_t e, uint32_t s) {
  if (st->cnt[s] >= st->max[s]) return false;
  int32_t k = lim_of(st, e, s);
  return k < 0 || st->gcnt[s][k] < st->gmax[s][k];
}

static void *grow(sb_arena *ar, void *old, uint32_t len, uint32_t *cap,
                  size_t elem) {
  uint32_t nc = *cap ? *cap * 2 : 8;
  void *n = sb_arena_array(ar, nc, elem);
  if (!n) return NULL;
  if (old && len) memcpy(n, old, (size_t)len * elem);
  *cap = nc;
  return n;
}

static void leave_shift(sbs_state *st, uint32_t e) {
  int32_t s = st->shift_of[e];
  if (s < 0) return;
  st->cnt[s]--;
  int32_t k = lim_of(st, e, (uint32_t)s);
  if (k >= 0) st->gcnt[s][k]--;
  if (st->mem) {
    uint32_t pos = st->mpos[e], last = st->mem[s][--st->mlen[s]];
    st->mem[s][pos] = last;
    st->mpos[last] = pos;
  }
  st->shift_of[e] = -1;
}

static int place(sbs_state *st, uint32_t e, uint32_t s, int how, int rank,
                 int cause) {
  leave_shift(st, e);
  st->shift_of[e] = (int32_t)s;
  st->cnt[s]++;
  int32_t k = lim_of(st, e, s);
  if (k >= 0) st->gcnt[s][k]++;
  if (st->mem) {
    if (st->mlen[s] == st->mcap[s]) {
      st->mem[s] = grow(&st->ctx->scratch, st->mem[s], st->mlen[s],
                        &st->mcap[s], sizeof(uint32_t));
      if (!st->mem[s]) return NOMEM(st);
    }
    st->mpos[e] = st->mlen[s];
    st->mem[s][st->mlen[s]++] = e;
  }
  st->state[e] = SBS_PLACED;
  st->how[e] = (uint8_t)how;
  st->rank[e] = (uint16_t)rank;
  st->cause[e] = (uint8_t)cause;
  if (st->entry_of[e] < 0) {
    st->entry_of[e] = (int32_t)st->nentry;
    st->entry[st->nentry++] = e;
  }
  return SENBID_OK;
}

static void unplace(sbs_state *st, uint32_t e, int cause) {
  leave_shift(st, e);
  st->state[e] = SBS_UNPLACED;
  if (!st->ucause[e]) st->unplaced[st->nunplaced++] = e;
  st->ucause[e] = (uint8_t)cause;
}

/* ------------------------------------------------------------ bump list */

static uint64_t hkey(uint32_t s, uint32_t e) {
  return ((uint64_t)s << 32 | e) + 1;
}

static size_t hslot(const sbs_state *st, uint64_t k) {
  size_t i = (size_t)(sb_splitmix64(k) & st->hmask);
  while (st->hkeys[i] && st->hkeys[i] != k) i = (i + 1) & st->hmask;
  return i;
}

static bool in_bumped(const sbs_state *st, uint32_t s, uint32_t e) {
  size_t i = hslot(st, hkey(s, e));
  return st->hkeys[i] && st->hvals[i] == st->bepoch[s];
}

static int hash_grow(sbs_state *st) {
  size_t ncap = (st->hmask + 1) * 2;
  uint64_t *ok = st->hkeys;
  uint32_t *ov = st->hvals;
  size_t omask = st->hmask;
  st->hkeys = sb_arena_array(&st->ctx->scratch, ncap, sizeof(uint64_t));
  st->hvals = sb_arena_array(&st->ctx->scratch, ncap, sizeof(uint32_t));
  if (!st->hkeys || !st->hvals) return NOMEM(st);
  st->hmask = ncap - 1;
  for (size_t i = 0; i <= omask; i++)
    if (ok[i]) {
      size_t j = hslot(st, ok[i]);
      st->hkeys[j] = ok[i];
      st->hvals[j] = ov[i];
    }
  return SENBID_OK;
}

/* Appends e to history.bumped[s] (V.A.3.b: the list the agency keeps). */
static int bumped_add(sbs_state *st, uint32_t s, uint32_t e) {
  if (in_bumped(st, s, e)) return SENBID_OK;
  if ((st->hlen + 1) * 2 > st->hmask + 1) SB_TRY(hash_grow(st));
  size_t i = hslot(st, hkey(s, e));
  if (!st->hkeys[i]) st->hlen++;
  st->hkeys[i] = hkey(s, e);
  st->hvals[i] = st->bepoch[s];
  if (st->blen[s] == st->bcap[s]) {
    st->blist[s] = grow(&st->ctx->scratch, st->blist[s], st->blen[s],
                        &st->bcap[s], sizeof(uint32_t));
    if (!st->blist[s]) return NOMEM(st);
  }
  st->blist[s][st->blen[s]++] = e;
  if (!st->bkey_seen[s]) {
    st->bkey_seen[s] = true;
    st->bkeys[st->nbkeys++] = s;
  }
  return SENBID_OK;
}

static void bumped_clear(sbs_state *st, uint32_t s) {
  st->bepoch[s]++;
  st->blen[s] = 0;
}

/* --------------------------------------------------------------- setup */

static int state_init(sbs_state *st, sb_ctx *ctx, sb_out *o, bool lex) {
  memset(st, 0, sizeof *st);
  st->ctx = ctx;
  st->o = o;
  st->p = ctx->p;
  st->d = ctx->p->kind_data;
  st->lex = lex;
  st->n = ctx->p->nemps;
  st->S = st->d->nshifts;
  sb_vec_init(&st->bumps, &ctx->p->alloc, sizeof(sbs_bump));
  sb_arena *ar = &ctx->scratch;
  size_t n = st->n + 1, S = st->S + 1;
  st->shift_of = sb_arena_array(ar, n, sizeof(int32_t));
  st->how = sb_arena_array(ar, n, 1);
  st->cause = sb_arena_array(ar, n, 1);
  st->state = sb_arena_array(ar, n, 1);
  st->ucause = sb_arena_array(ar, n, 1);
  st->rank = sb_arena_array(ar, n, sizeof(uint16_t));
  st->entry = sb_arena_array(ar, n, sizeof(uint32_t));
  st->entry_of = sb_arena_array(ar, n, sizeof(int32_t));
  st->unplaced = sb_arena_array(ar, n, sizeof(uint32_t));
  st->cnt = sb_arena_array(ar, S, sizeof(int64_t));
  st->max = sb_arena_array(ar, S, sizeof(int64_t));
  st->gcnt = sb_arena_array(ar, S, sizeof(int64_t *));
  st->gmax = sb_arena_array(ar, S, sizeof(int64_t *));
  if (!st->shift_of || !st->how || !st->cause || !st->state || !st->ucause ||
      !st->rank || !st->entry || !st->entry_of || !st->unplaced || !st->cnt ||
      !st->max || !st->gcnt || !st->gmax)
    return NOMEM(st);
  for (uint32_t i = 0; i < st->n; i++) st->shift_of[i] = st->entry_of[i] = -1;
  for (uint32_t s = 0; s < st->S; s++) {
    const sbs_shift *sh = &st->d->shifts[s];
    st->max[s] = sh->max;
    st->gcnt[s] = sb_arena_array(ar, sh->ngl + 1, sizeof(int64_t));
    st->gmax[s] = sb_arena_array(ar, sh->ngl + 1, sizeof(int64_t));
    if (!st->gcnt[s] || !st->gmax[s]) return NOMEM(st);
    for (uint32_t k = 0; k < sh->ngl; k++) st->gmax[s][k] = sh->gl[k].max;
  }
  /* history.bumped, carried over in input order (SPEC 9). */
  st->blist = sb_arena_array(ar, S, sizeof(uint32_t *));
  st->blen = sb_arena_array(ar, S, sizeof(uint32_t));
  st->bcap = sb_arena_array(ar, S, sizeof(uint32_t));
  st->bepoch = sb_arena_array(ar, S, sizeof(uint32_t));
  st->bkeys = sb_arena_array(ar, S, sizeof(uint32_t));
  st->bkey_seen = sb_arena_array(ar, S, sizeof(bool));
  size_t hcap = 64, need = 0;
  for (uint32_t k = 0; k < st->d->nbumped; k++) need += st->d->bumped_len[k];
  while (hcap < need * 2 + 2) hcap *= 2;
  st->hkeys = sb_arena_array(ar, hcap, sizeof(uint64_t));
  st->hvals = sb_arena_array(ar, hcap, sizeof(uint32_t));
  if (!st->blist || !st->blen || !st->bcap || !st->bepoch || !st->bkeys ||
      !st->bkey_seen || !st->hkeys || !st->hvals)
    return NOMEM(st);
  st->hmask = hcap - 1;
  for (uint32_t k = 0; k < st->d->nbumped; k++) {
    uint32_t s = st->d->bumped_shift[k];
    if (!st->bkey_seen[s]) {
      st->bkey_seen[s] = true;
      st->bkeys[st->nbkeys++] = s;
    }
    for (uint32_t j = 0; j < st->d->bumped_len[k]; j++)
      SB_TRY(bumped_add(st, s, st->d->bumped_list[k][j]));
  }
  if (!lex) {
    st->mem = sb_arena_array(ar, S, sizeof(uint32_t *));
    st->mlen = sb_arena_array(ar, S, sizeof(uint32_t));
    st->mcap = sb_arena_array(ar, S, sizeof(uint32_t));
    st->mpos = sb_arena_array(ar, n, sizeof(uint32_t));
    if (!st->mem || !st->mlen || !st->mcap || !st->mpos) return NOMEM(st);
  }
  return SENBID_OK;
}

static int progress(sbs_state *st, const char *phase, uint32_t i) {
  if ((i & 0xffff) == 0)
    return sb_ctx_progress(st->ctx, phase, i, st->n);
  return SENBID_OK;
}

/* Excluded statuses first (III.C, III.J, VI.A, VII.A), in seniority order. */
static void do_exclusions(sbs_state *st) {
  static const char *const reason[] = {"", "EXCLUDED_DETAIL",
                                       "EXCLUDED_LIGHT_DUTY",
                                       "EXCLUDED_ADMIN_DUTY", "EXCLUDED_TDY"};
  static const char *const rule[] = {"", "NBPC2019.APPII.VI.A",
                                     "NBPC2019.APPII.VII.A",
                                     "NBPC2019.APPII.VII.A",
                                     "NBPC2019.APPII.III.C"};
  for (uint32_t i = 0; i < st->n; i++) {
    uint32_t e = st->p->sen.order[i];
    if (!st->d->e[e].excluded) continue;
    st->state[e] = SBS_EXCLUDED;
    sb_audit(st->o, eid(st, e), "exclude", rule[st->d->e[e].status], "%s",
             reason[st->d->e[e].status]);
  }
}

/* Step 1 (III.I, VI.E): management placements, even past max (SPEC 9). */
static int do_fixed(sbs_state *st) {
  for (uint32_t i = 0; i < st->n; i++) {
    uint32_t e = st->p->sen.order[i];
    if (st->state[e] != SBS_UNDECIDED || st->d->e[e].fixed < 0) continue;
    uint32_t s = (uint32_t)st->d->e[e].fixed;
    SB_TRY(place(st, e, s, SBS_MGMT, 0, SBS_C_NONE));
    sb_audit(st->o, eid(st, e), "place", R_MGMT, "fixed shift %s", sid(st, s));
  }
  return SENBID_OK;
}

static bool is_spp(const sbs_state *st, uint32_t e) {
  return sbs_is_bidder(st->d, e) && st->d->e[e].denials >= st->d->spp_denials;
}

/* Why an employee goes to step 4 without having bid (SPEC 3, 9). */
static int agency_cause(const sbs_state *st, uint32_t e) {
  const sbs_sheet *sh = sbs_sheet_of(st->d, e);
  if (!st->d->e[e].eligible) return SBS_C_INELIGIBLE; /* III.D.1 */
  if (!sh) return SBS_C_NO_BID;                        /* IV.A.4 */
  if (sh->nopref) return SBS_C_NO_PREFERENCE;
  return SBS_C_PREFS_FULL;
}

/* Step 4's choice: largest unmet grade minimum for e's grade, else largest
 * unmet total minimum, else most room; ties to the shift listed first.
 * Returns the tier (0, 1, 2; 3 = no room) and the key of shift s. */
static int agency_key(const sbs_state *st, uint32_t e, uint32_t s,
                      int64_t *key) {
  if (!has_room(st, e, s)) return 3;
  int32_t k = lim_of(st, e, s);
  if (k >= 0) {
    int64_t gu = st->d->shifts[s].gl[k].min - st->gcnt[s][k];
    if (gu > 0) {
      *key = gu;
      return 0;
    }
  }
  int64_t tu = st->d->shifts[s].min - st->cnt[s];
  if (tu > 0) {
    *key = tu;
    return 1;
  }
  *key = st->max[s] - st->cnt[s];
  return 2;
}

static int32_t agency_pick(const sbs_state *st, uint32_t e, int32_t skip) {
  int32_t best = -1;
  int bt = 3;
  int64_t bk = 0;
  for (uint32_t s = 0; s < st->S; s++) {
    if ((int32_t)s == skip) continue;
    int64_t key = 0;
    int t = agency_key(st, e, s, &key);
    if (t < bt || (t == bt && t < 3 && key > bk)) {
      best = (int32_t)s;
      bt = t;
      bk = key;
    }
  }
  return best;
}

static int agency_place(sbs_state *st, uint32_t e, int cause) {
  int32_t s = agency_pick(st, e, -1);
  if (s < 0) {
    unplace(st, e, cause);
    sb_audit(st->o, eid(st, e), "unplaced", R_AGENCY,
             "no shift has room (%s)", cause_name[cause]);
    return SENBID_OK;
  }
  SB_TRY(place(st, e, (uint32_t)s, SBS_AGENCY, 0, cause));
  sb_audit(st->o, eid(st, e), "place", R_AGENCY, "agency placement on %s (%s)",
           sid(st, (uint32_t)s), cause_name[cause]);
  return SENBID_OK;
}

/* ---------------------------------------------------------- round_robin */

/* V.A.3: the bumped employee's highest-ranked shift other than `from` with
 * room, else an agency placement excluding `from`, else unplaced. */
static int relocate(sbs_state *st, uint32_t e, uint32_t from) {
  sbs_bump *b = sb_vec_push(&st->bumps);
  if (!b) return NOMEM(st);
  b->emp = e;
  b->from = from;
  const sbs_sheet *sh = sbs_is_bidder(st->d, e) ? sbs_sheet_of(st->d, e) : NULL;
  for (uint32_t k = 0; sh && k < sh->nu; k++) {
    uint32_t t = sh->uprefs[k];
    if (t == from || !has_room(st, e, t)) continue;
    b->to = (int32_t)t;
    SB_TRY(place(st, e, t, SBS_BUMPED, sh->urank[k], SBS_C_NONE));
    sb_audit(st->o, eid(st, e), "bump", R_BUMP, "from %s to %s", sid(st, from),
             sid(st, t));
    return SENBID_OK;
  }
  int32_t t = agency_pick(st, e, (int32_t)from);
  b->to = t;
  if (t < 0) {
    unplace(st, e, SBS_C_BUMPED);
    sb_audit(st->o, eid(st, e), "bump", R_BUMP,
             "from %s to nowhere: no shift has room", sid(st, from));
    return SENBID_OK;
  }
  SB_TRY(place(st, e, (uint32_t)t, SBS_AGENCY, 0, SBS_C_BUMPED));
  sb_audit(st->o, eid(st, e), "bump", R_BUMP, "from %s to %s", sid(st, from),
           sid(st, (uint32_t)t));
  return SENBID_OK;
}

static bool over_max(const sbs_state *st, uint32_t s, int32_t k) {
  return k >= 0 ? st->gcnt[s][k] > st->gmax[s][k] : st->cnt[s] > st->max[s];
}

static int cmp_desc_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? 1 : x > y ? -1 : 0;
}

/* Bumps from shift s while it is over its max (V.A.3): the junior-most not
 * yet on history.bumped[s]; when everyone has been bumped once, the list is
 * cleared (V.A.3.a) and the junior-most goes. cls >= 0: a grade over its
 * max, and only that grade is bumped. Candidates (every employee on s who
 * is not a management placement, SPEC 9) are sorted once by seniority, so
 * a run of bumps costs the shift's size, not the size times the bumps. */
static int bump_while_over(sbs_state *st, uint32_t s, int64_t cls) {
  int32_t k = cls >= 0 ? st->d->lim[(size_t)cls * st->S + s] : -1;
  if (cls >= 0 && k < 0) return SENBID_OK;
  if (!over_max(st, s, k)) return SENBID_OK;
  uint64_t *cand = sb_arena_array(&st->ctx->scratch, st->mlen[s] + 1,
                                  sizeof(uint64_t));
  if (!cand) return NOMEM(st);
  size_t m = 0;
  for (uint32_t i = 0; i < st->mlen[s]; i++) {
    uint32_t e = st->mem[s][i];
    if (st->how[e] == SBS_MGMT) continue;
    if (k >= 0 && st->d->e[e].cls != (uint32_t)cls) continue;
    cand[m++] = (uint64_t)st->p->emps[e].rank << 32 | e;
  }
  qsort(cand, m, sizeof *cand, cmp_desc_u64); /* junior-most first */
  size_t pos = 0;
  while (over_max(st, s, k)) {
    while (pos < m && (st->shift_of[(uint32_t)cand[pos]] != (int32_t)s ||
                       in_bumped(st, s, (uint32_t)cand[pos])))
      pos++;
    uint32_t e;
    if (pos < m) {
      e = (uint32_t)cand[pos];
    } else {
      size_t i = 0;
      while (i < m && st->shift_of[(uint32_t)cand[i]] != (int32_t)s) i++;
      if (i == m) {
        sb_warn(st->o, "OVER_MAX",
                "%s stays over its max: only management placements are on it",
                sid(st, s));
        return SENBID_OK;
      }
      /* V.A.3.a: everyone on the shift has been bumped once. */
      bumped_clear(st, s);
      sb_audit(st->o, NULL, "bump_cycle_reset", R_BUMP_RESET,
               "every employee on %s has been bumped once", sid(st, s));
      e = (uint32_t)cand[i];
      pos = 0;
    }
    SB_TRY(bumped_add(st, s, e));
    SB_TRY(relocate(st, e, s));
  }
  return SENBID_OK;
}

/* An adjustment's {"place": E, "shift": S} (III.I, VI.E). */
static int adjust_place(sbs_state *st, uint32_t e, uint32_t s) {
  SB_TRY(place(st, e, s, SBS_MGMT, 0, SBS_C_NONE));
  sb_audit(st->o, eid(st, e), "place", R_MGMT, "adjustment places on %s",
           sid(st, s));
  return SENBID_OK;
}

static int step_adjustments(sbs_state *st) {
  for (uint32_t i = 0; i < st->d->nadj; i++) {
    const sbs_adj *a = &st->d->adj[i];
    if (a->place) {
      SB_TRY(adjust_place(st, a->emp, a->shift));
      if (st->lex) continue;
      SB_TRY(bump_while_over(st, a->shift, -1));
      SB_TRY(bump_while_over(st, a->shift, st->d->e[a->emp].cls));
    } else {
      st->max[a->shift] = a->max;
      sb_audit(st->o, NULL, "adjust", R_ADJUST, "%s max %lld",
               sid(st, a->shift), (long long)a->max);
      if (!st->lex) SB_TRY(bump_while_over(st, a->shift, -1));
    }
  }
  return SENBID_OK;
}

static int solve_round_robin(sbs_state *st) {
  const senbid_problem *p = st->p;
  const sbs_data *d = st->d;
  do_exclusions(st);
  SB_TRY(do_fixed(st));
  /* Step 2 (V.A.1-2): the Shift Preference Plan guarantee. */
  for (uint32_t i = 0; i < st->n; i++) {
    uint32_t e = p->sen.order[i];
    SB_TRY(progress(st, "spp", i));
    if (st->state[e] != SBS_UNDECIDED || !is_spp(st, e)) continue;
    const sbs_sheet *sp = sbs_sheet_of(d, e);
    if (!sp) continue;
    uint32_t s = sp->uprefs[0];
    if (has_room(st, e, s)) {
      SB_TRY(place(st, e, s, SBS_SPP, 1, SBS_C_NONE));
      sb_audit(st->o, eid(st, e), "place", R_SPP, "SPP first choice %s",
               sid(st, s));
    } else {
      sb_audit(st->o, eid(st, e), "spp_no_room", R_SPP, "%s full", sid(st, s));
      sb_warn(st->o, "SPP_NO_ROOM",
              "%s: first choice %s has no room for the SPP guarantee",
              eid(st, e), sid(st, s));
    }
  }
  /* Step 3 (IV.D): the other bidders by seniority. */
  for (uint32_t i = 0; i < st->n; i++) {
    uint32_t e = p->sen.order[i];
    SB_TRY(progress(st, "seniority", i));
    if (st->state[e] != SBS_UNDECIDED || !sbs_is_bidder(d, e)) continue;
    const sbs_sheet *sh = sbs_sheet_of(d, e);
    if (!sh) continue;
    bool done = false;
    for (uint32_t k = 0; k < sh->nu && !done; k++) {
      uint32_t s = sh->uprefs[k];
      if (!has_room(st, e, s)) continue;
      SB_TRY(place(st, e, s, SBS_SEN, sh->urank[k], SBS_C_NONE));
      sb_audit(st->o, eid(st, e), "place", R_SENIORITY, "%s (choice %u)",
               sid(st, s), (unsigned)sh->urank[k]);
      done = true;
    }
    if (!done)
      sb_audit(st->o, eid(st, e), "prefs_full", R_SENIORITY,
               "no preferred shift has room");
  }
  /* Step 4 (III.D.1, IV.A.4): agency placements by seniority. */
  for (uint32_t i = 0; i < st->n; i++) {
    uint32_t e = p->sen.order[i];
    SB_TRY(progress(st, "agency", i));
    if (st->state[e] != SBS_UNDECIDED) continue;
    SB_TRY(agency_place(st, e, agency_cause(st, e)));
  }
  /* Step 5 (III.A, III.I, V.A.3): adjustments with bumping. */
  return step_adjustments(st);
}

/* --------------------------------------------------------- lexicographic */

typedef struct shift_order {
  uint32_t s;
  int tier;
  int64_t key;
} shift_order;

static int cmp_order(const void *a, const void *b) {
  const shift_order *x = a, *y = b;
  if (x->tier != y->tier) return x->tier < y->tier ? -1 : 1;
  if (x->key != y->key) return x->key > y->key ? -1 : 1;
  return x->s < y->s ? -1 : x->s > y->s;
}

/* The time limit ends the feasibility tests: the remaining decisions keep
 * the same order but only check room, and the result says "time_limit". */
static void lex_clock(sbs_state *st) {
  if (st->timed_out || !st->ctx->time_limit_ms || (st->tests & 255) != 0 ||
      sb_ctx_ms_left(st->ctx) > 0)
    return;
  st->timed_out = true;
  st->o->status = "time_limit";
  st->o->outcome = SENBID_OUTCOME_TIME_LIMIT;
  sb_audit(st->o, NULL, "time_limit", R_ADJUST,
           "the time limit ended the feasibility tests; the remaining "
           "placements check room only");
  sb_warn(st->o, "TIME_LIMIT",
          "the time limit ended the feasibility tests after %llu tests",
          (unsigned long long)st->tests);
}

static int lex_try(sbs_state *st, uint32_t e, uint32_t s, bool *ok) {
  lex_clock(st);
  st->tests++;
  *ok = false;
  if (!has_room(st, e, s)) return SENBID_OK;
  if (st->timed_out) {
    *ok = true;
    return SENBID_OK;
  }
  return sbs_flow_fix(st->flow, st->d->e[e].cls, (int32_t)s, ok);
}

/* What lexicographic fixes before any decision (SPEC 9): exclusions,
 * management placements, adjustments (nobody bumped), raised maxes. */
static int lex_prepare(sbs_state *st) {
  const sbs_data *d = st->d;
  do_exclusions(st);
  SB_TRY(do_fixed(st));
  SB_TRY(step_adjustments(st));
  /* SPEC 9: a management placement over a max raises that max. */
  for (uint32_t s = 0; s < st->S; s++) {
    if (st->cnt[s] > st->max[s]) st->max[s] = st->cnt[s];
    for (uint32_t k = 0; k < d->shifts[s].ngl; k++)
      if (st->gcnt[s][k] > st->gmax[s][k]) st->gmax[s][k] = st->gcnt[s][k];
  }
  return SENBID_OK;
}

int sbs_lex_prepare(sb_ctx *ctx, sb_out *o, sbs_state *st) {
  SB_TRY(state_init(st, ctx, o, true));
  return lex_prepare(st);
}

static int solve_lexicographic(sbs_state *st) {
  const senbid_problem *p = st->p;
  const sbs_data *d = st->d;
  SB_TRY(lex_prepare(st));
  st->flow = sbs_flow_new(st);
  if (!st->flow) return NOMEM(st);
  int64_t met = 0, want = 0;
  SB_TRY(sbs_flow_solve(st->flow, &met));
  st->solves++;
  for (uint32_t s = 0; s < st->S; s++) {
    want += d->shifts[s].min;
    for (uint32_t k = 0; k < d->shifts[s].ngl; k++) want += d->shifts[s].gl[k].min;
  }
  if (met < want)
    sb_audit(st->o, NULL, "minimums", R_ADJUST,
             "at most %lld of %lld minimum places can be filled; deficit %lld",
             (long long)met, (long long)want, (long long)(want - met));
  /* SPP guarantees in seniority order, where a completion stays feasible. */
  for (uint32_t i = 0; i < st->n; i++) {
    uint32_t e = p->sen.order[i];
    SB_TRY(progress(st, "spp", i));
    if (st->state[e] != SBS_UNDECIDED || !is_spp(st, e)) continue;
    const sbs_sheet *sp = sbs_sheet_of(d, e);
    if (!sp) continue;
    uint32_t s = sp->uprefs[0];
    bool ok;
    SB_TRY(lex_try(st, e, s, &ok));
    if (ok) {
      SB_TRY(place(st, e, s, SBS_SPP, 1, SBS_C_NONE));
      sb_audit(st->o, eid(st, e), "place", R_SPP, "SPP first choice %s",
               sid(st, s));
    } else {
      sb_audit(st->o, eid(st, e), "spp_no_room", R_SPP,
               "%s full or needed elsewhere", sid(st, s));
      sb_warn(st->o, "SPP_NO_ROOM",
              "%s: first choice %s has no room for the SPP guarantee",
              eid(st, e), sid(st, s));
    }
  }
  /* Bidders in seniority order: the best rank that keeps a completion. */
  for (uint32_t i = 0; i < st->n; i++) {
    uint32_t e = p->sen.order[i];
    SB_TRY(progress(st, "seniority", i));
    if (st->state[e] != SBS_UNDECIDED || !sbs_is_bidder(d, e)) continue;
    const sbs_sheet *sh = sbs_sheet_of(d, e);
    if (!sh) continue;
    bool done = false;
    for (uint32_t k = 0; k < sh->nu && !done; k++) {
      uint32_t s = sh->uprefs[k];
      SB_TRY(lex_try(st, e, s, &done));
      if (!done) continue;
      SB_TRY(place(st, e, s, SBS_SEN, sh->urank[k], SBS_C_NONE));
      sb_audit(st->o, eid(st, e), "place", R_SENIORITY, "%s (choice %u)",
               sid(st, s), (unsigned)sh->urank[k]);
    }
    if (!done)
      sb_audit(st->o, eid(st, e), "prefs_full", R_SENIORITY,
               "no preferred shift admits a feasible roster");
  }
  /* Agency placements, shifts tried in step 4's order. */
  shift_order *ord = sb_arena_array(&st->ctx->scratch, st->S + 1, sizeof *ord);
  if (!ord) return NOMEM(st);
  for (uint32_t i = 0; i < st->n; i++) {
    uint32_t e = p->sen.order[i];
    SB_TRY(progress(st, "agency", i));
    if (st->state[e] != SBS_UNDECIDED) continue;
    int cause = agency_cause(st, e);
    uint32_t no = 0;
    for (uint32_t s = 0; s < st->S; s++) {
      int64_t key = 0;
      int t = agency_key(st, e, s, &key);
      if (t == 3) continue;
      ord[no].s = s;
      ord[no].tier = t;
      ord[no++].key = key;
    }
    qsort(ord, no, sizeof *ord, cmp_order);
    bool ok = false;
    for (uint32_t j = 0; j < no && !ok; j++) {
      SB_TRY(lex_try(st, e, ord[j].s, &ok));
      if (!ok) continue;
      SB_TRY(place(st, e, ord[j].s, SBS_AGENCY, 0, cause));
      sb_audit(st->o, eid(st, e), "place", R_AGENCY,
               "agency placement on %s (%s)", sid(st, ord[j].s),
               cause_name[cause]);
    }
    if (!ok) {
      /* Unplaced is always a completion of the witness here. */
      bool fine;
      if (!st->timed_out)
        SB_TRY(sbs_flow_fix(st->flow, d->e[e].cls, -1, &fine));
      unplace(st, e, cause);
      sb_audit(st->o, eid(st, e), "unplaced", R_AGENCY,
               "no shift has room (%s)", cause_name[cause]);
    }
  }
  return SENBID_OK;
}

/* --------------------------------------------------------------- output */

static void write_sheet(sb_jw *w, const sbs_state *st, const sbs_sheet *sh) {
  sb_jw_obj(w);
  SB_JW_KEY(w, "employee");
  sb_jw_str(w, eid(st, sh->emp));
  if (sh->nopref) {
    SB_JW_KEY(w, "no_preference");
    sb_jw_bool(w, true);
  } else {
    SB_JW_KEY(w, "prefs");
    sb_jw_arr(w);
    for (uint32_t k = 0; k < sh->n; k++) sb_jw_str(w, sid(st, sh->prefs[k]));
    sb_jw_arr_end(w);
  }
  sb_jw_obj_end(w);
}

/* Step 7: rank 1 resets denials, anything else adds one (V.A.1). */
static int64_t new_denials(const sbs_state *st, uint32_t e) {
  const sbs_sheet *sh = sbs_sheet_of(st->d, e);
  bool first = st->state[e] == SBS_PLACED &&
               st->shift_of[e] == (int32_t)sh->prefs[0];
  return first ? 0 : st->d->e[e].denials + 1;
}

static void write_result(sbs_state *st) {
  sb_jw *w = &st->o->w;
  const sbs_data *d = st->d;
  SB_JW_KEY(w, "assignments");
  sb_jw_arr(w);
  for (uint32_t i = 0; i < st->nentry; i++) {
    uint32_t e = st->entry[i];
    if (st->state[e] != SBS_PLACED) continue;
    sb_jw_obj(w);
    SB_JW_KEY(w, "employee");
    sb_jw_str(w, eid(st, e));
    SB_JW_KEY(w, "shift");
    sb_jw_str(w, sid(st, (uint32_t)st->shift_of[e]));
    SB_JW_KEY(w, "reason");
    sb_jw_str(w, how_name[st->how[e]]);
    SB_JW_KEY(w, "rank");
    if (st->rank[e])
      sb_jw_int(w, st->rank[e]);
    else
      sb_jw_null(w);
    if (st->how[e] == SBS_AGENCY) {
      SB_JW_KEY(w, "cause");
      sb_jw_str(w, cause_name[st->cause[e]]);
    }
    sb_jw_obj_end(w);
  }
  sb_jw_arr_end(w);

  static const char *const ex_reason[] = {"", "EXCLUDED_DETAIL",
                                          "EXCLUDED_LIGHT_DUTY",
                                          "EXCLUDED_ADMIN_DUTY", "EXCLUDED_TDY"};
  SB_JW_KEY(w, "excluded");
  sb_jw_arr(w);
  for (uint32_t i = 0; i < st->n; i++) {
    uint32_t e = st->p->sen.order[i];
    if (st->state[e] != SBS_EXCLUDED) continue;
    sb_jw_obj(w);
    SB_JW_KEY(w, "employee");
    sb_jw_str(w, eid(st, e));
    SB_JW_KEY(w, "reason");
    sb_jw_str(w, ex_reason[d->e[e].status]);
    sb_jw_obj_end(w);
  }
  sb_jw_arr_end(w);

  SB_JW_KEY(w, "unplaced");
  sb_jw_arr(w);
  for (uint32_t i = 0; i < st->nunplaced; i++) {
    uint32_t e = st->unplaced[i];
    if (st->state[e] != SBS_UNPLACED) continue;
    sb_jw_obj(w);
    SB_JW_KEY(w, "employee");
    sb_jw_str(w, eid(st, e));
    SB_JW_KEY(w, "reason");
    sb_jw_str(w, "NO_ROOM");
    SB_JW_KEY(w, "cause");
    sb_jw_str(w, cause_name[st->ucause[e]]);
    sb_jw_obj_end(w);
  }
  sb_jw_arr_end(w);

  /* Step 6: every shift and grade still below its minimum. */
  SB_JW_KEY(w, "unmet");
  sb_jw_arr(w);
  for (uint32_t s = 0; s < st->S; s++) {
    const sbs_shift *sh = &d->shifts[s];
    if (st->cnt[s] < sh->min) {
      sb_jw_obj(w);
      SB_JW_KEY(w, "shift");
      sb_jw_str(w, sh->id);
      SB_JW_KEY(w, "grade");
      sb_jw_null(w);
      SB_JW_KEY(w, "deficit");
      sb_jw_int(w, sh->min - st->cnt[s]);
      sb_jw_obj_end(w);
    }
    for (uint32_t k = 0; k < sh->ngl; k++) {
      if (st->gcnt[s][k] >= sh->gl[k].min) continue;
      sb_jw_obj(w);
      SB_JW_KEY(w, "shift");
      sb_jw_str(w, sh->id);
      SB_JW_KEY(w, "grade");
      sb_jw_str(w, sh->gl[k].grade);
      SB_JW_KEY(w, "deficit");
      sb_jw_int(w, sh->gl[k].min - st->gcnt[s][k]);
      sb_jw_obj_end(w);
    }
  }
  sb_jw_arr_end(w);

  SB_JW_KEY(w, "bumps");
  sb_jw_arr(w);
  for (size_t i = 0; i < st->bumps.len; i++) {
    const sbs_bump *b = &SB_VEC_AT(&st->bumps, sbs_bump, i);
    sb_jw_obj(w);
    SB_JW_KEY(w, "employee");
    sb_jw_str(w, eid(st, b->emp));
    SB_JW_KEY(w, "from");
    sb_jw_str(w, sid(st, b->from));
    SB_JW_KEY(w, "to");
    if (b->to >= 0)
      sb_jw_str(w, sid(st, (uint32_t)b->to));
    else
      sb_jw_null(w);
    sb_jw_obj_end(w);
  }
  sb_jw_arr_end(w);

  /* Step 7: the new history. */
  SB_JW_KEY(w, "history");
  sb_jw_obj(w);
  SB_JW_KEY(w, "denials");
  sb_jw_obj(w);
  for (uint32_t i = 0; i < d->nden; i++) {
    uint32_t e = d->den_order[i];
    sb_jw_key(w, eid(st, e));
    sb_jw_int(w, sbs_is_bidder(d, e) ? new_denials(st, e) : d->e[e].denials);
  }
  for (uint32_t i = 0; i < st->n; i++) {
    uint32_t e = st->p->sen.order[i];
    if (d->e[e].has_denials || !sbs_is_bidder(d, e)) continue;
    sb_jw_key(w, eid(st, e));
    sb_jw_int(w, new_denials(st, e));
  }
  sb_jw_obj_end(w);
  SB_JW_KEY(w, "bumped");
  sb_jw_obj(w);
  for (uint32_t i = 0; i < st->nbkeys; i++) {
    uint32_t s = st->bkeys[i];
    if (!st->blen[s]) continue;
    sb_jw_key(w, sid(st, s));
    sb_jw_arr(w);
    for (uint32_t j = 0; j < st->blen[s]; j++)
      sb_jw_str(w, eid(st, st->blist[s][j]));
    sb_jw_arr_end(w);
  }
  sb_jw_obj_end(w);
  /* IV.B: sheets stay on file; this bid's replace them in place. */
  SB_JW_KEY(w, "bids_on_file");
  sb_jw_arr(w);
  for (uint32_t i = 0; i < d->nfile; i++) {
    uint32_t e = d->file[i].emp;
    write_sheet(w, st, d->e[e].bid >= 0 ? &d->bids[d->e[e].bid] : &d->file[i]);
  }
  for (uint32_t i = 0; i < d->nbids; i++)
    if (d->e[d->bids[i].emp].file < 0) write_sheet(w, st, &d->bids[i]);
  sb_jw_arr_end(w);
  sb_jw_obj_end(w);
}

/* Runs a solve and leaves the state for the caller (benchmarks, check). */
int sbs_run(sb_ctx *ctx, sb_out *o, sbs_state *st) {
  bool lex = ctx->method == SENBID_METHOD_LEXICOGRAPHIC;
  int rc = state_init(st, ctx, o, lex);
  if (!rc) rc = lex ? solve_lexicographic(st) : solve_round_robin(st);
  return rc;
}

int sbs_solve(sb_ctx *ctx, sb_out *o) {
  sbs_state st;
  int rc = sbs_run(ctx, o, &st);
  if (!rc) write_result(&st);
  sb_vec_free(&st.bumps);
  return rc;
}
