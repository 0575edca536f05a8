/* The rules of NBPC 2019 Appendix II for shift bids (SPEC section 3), one
 * function each, tagged with its clause, and the decision sequence that
 * runs them. round_robin and lexicographic differ only in the gate of a
 * placement (sbs_gate) and in what lexicographic fixes first; check
 * replays the same functions. */
#include <stdlib.h>
#include <string.h>

#include "shiftbid.h"

#define R_EXCL_DETAIL "NBPC2019.APPII.VI.A"
#define R_EXCL_DUTY "NBPC2019.APPII.VII.A"
#define R_EXCL_TDY "NBPC2019.APPII.III.C"
#define R_MGMT "NBPC2019.APPII.III.I"
#define R_ADJUST "NBPC2019.APPII.III.A"
#define R_SPP "NBPC2019.APPII.V.A.2"
#define R_SENIORITY "NBPC2019.APPII.IV.D"
#define R_AGENCY "NBPC2019.APPII.IV.A.4"
#define R_BUMP "NBPC2019.APPII.V.A.3"
#define R_BUMP_RESET "NBPC2019.APPII.V.A.3.a"

const char *const sbs_how_name[] = {"",         "MANAGEMENT_PLACEMENT",
                                    "SPP_GUARANTEE", "SENIORITY",
                                    "AGENCY_PLACEMENT", "BUMPED"};
const char *const sbs_cause_name[] = {"",
                                      "INELIGIBLE_SERIES_TIME",
                                      "NO_BID",
                                      "NO_PREFERENCE",
                                      "PREFS_FULL",
                                      "BUMPED"};
const char *const sbs_excluded_name[] = {"", "EXCLUDED_DETAIL",
                                         "EXCLUDED_LIGHT_DUTY",
                                         "EXCLUDED_ADMIN_DUTY", "EXCLUDED_TDY"};

#define NOMEM(st) sb_err_nomem((st)->ctx->err)

static const char *eid(const sbs_state *st, uint32_t e) {
  return st->p->emps[e].id;
}
static const char *sid(const sbs_state *st, uint32_t s) {
  return st->d->shifts[s].id;
}

/* The grade limit of shift s that applies to e, or -1. */
static int32_t lim_of(const sbs_data *d, uint32_t e, uint32_t s) {
  return d->lim[(size_t)d->e[e].cls * d->nshifts + s];
}

/* ================================================================= rules */

/* III.C, III.J: TDY outside is out; VI.A, VII.A: the other non-active
 * statuses are out unless expected back by the end of the rotation. */
bool sbs_rule_excluded(uint8_t status, bool has_return, sb_day ret,
                       sb_day rotation_end) {
  if (status == SBS_TDY_OUTSIDE) return true;
  if (status == SBS_ACTIVE) return false;
  return !(has_return && ret <= rotation_end);
}

/* III.D.1-2: eligible when series_start minus credit days plus
 * min_series_years is on or before the rotation start (SPEC 3). */
int sbs_rule_eligible(const sbs_data *d, const sb_employee *pe) {
  sb_day s0, due;
  if (!sb_date_add_days_checked(pe->svc[SB_SVC_SERIES],
                                -pe->credit[SB_SVC_SERIES], &s0) ||
      !sb_date_add_years_checked(s0, d->min_series_years, &due))
    return -1;
  return due <= d->rot.start;
}

/* III.A, SPEC 3: room when the count is below max and, if the shift limits
 * e's grade, the grade count is below that grade's max. */
bool sbs_rule_has_room(const sbs_data *d, const sbs_tally *t, uint32_t e,
                       uint32_t s) {
  if (t->cnt[s] >= t->max[s]) return false;
  int32_t k = lim_of(d, e, s);
  return k < 0 || t->gcnt[s][k] < t->gmax[s][k];
}

/* III.A: over a max (the shift's, or grade limit k's). */
bool sbs_rule_over_max(const sbs_tally *t, uint32_t s, int32_t k) {
  return k >= 0 ? t->gcnt[s][k] > t->gmax[s][k] : t->cnt[s] > t->max[s];
}

/* V.A.1-2: a bidder denied their first choice spp_denials times in a row. */
bool sbs_rule_spp(const sbs_data *d, uint32_t e) {
  return sbs_is_bidder(d, e) && d->e[e].denials >= d->spp_denials;
}

/* III.D.1, IV.A.4, SPEC 3: why an employee reaches step 4. */
int sbs_rule_agency_cause(const sbs_data *d, uint32_t e,
                          const sbs_sheet *sh) {
  if (!d->e[e].eligible) return SBS_C_INELIGIBLE;
  if (!sh) return SBS_C_NO_BID;
  if (sh->nopref) return SBS_C_NO_PREFERENCE;
  return SBS_C_PREFS_FULL;
}

/* IV.A.4 step 4's key of shift s for e: tier 0 (unmet grade minimum), 1
 * (unmet total minimum), 2 (room left; SBS_INF without a max, so that such
 * shifts tie, SPEC 9) or 3 (no room); a larger key wins within a tier. */
static int agency_key(const sbs_data *d, const sbs_tally *t, uint32_t e,
                      uint32_t s, int64_t *key) {
  if (!sbs_rule_has_room(d, t, e, s)) return 3;
  int32_t k = lim_of(d, e, s);
  if (k >= 0) {
    int64_t gu = d->shifts[s].gl[k].min - t->gcnt[s][k];
    if (gu > 0) {
      *key = gu;
      return 0;
    }
  }
  int64_t tu = d->shifts[s].min - t->cnt[s];
  if (tu > 0) {
    *key = tu;
    return 1;
  }
  *key = t->max[s] >= SBS_INF ? SBS_INF : t->max[s] - t->cnt[s];
  return 2;
}

/* IV.A.4 step 4: the best shift not yet tried; ties to the first listed. */
int32_t sbs_rule_agency_next(const sbs_data *d, const sbs_tally *t,
                             uint32_t e, int32_t skip, const uint8_t *tried) {
  int32_t best = -1;
  int bt = 3;
  int64_t bk = 0;
  for (uint32_t s = 0; s < d->nshifts; s++) {
    if ((int32_t)s == skip || (tried && tried[s])) continue;
    int64_t key = 0;
    int tier = agency_key(d, t, e, s, &key);
    if (tier < bt || (tier == bt && tier < 3 && key > bk)) {
      best = (int32_t)s;
      bt = tier;
      bk = key;
    }
  }
  return best;
}

/* SPEC 3 step 6: how far shift s (k < 0) or its grade limit k is below
 * its minimum. */
int64_t sbs_rule_unmet(const sbs_data *d, const sbs_tally *t, uint32_t s,
                       int32_t k) {
  int64_t min = k < 0 ? d->shifts[s].min : d->shifts[s].gl[k].min;
  int64_t cnt = k < 0 ? t->cnt[s] : t->gcnt[s][k];
  return cnt < min ? min - cnt : 0;
}

/* SPEC 9: the minimum places a roster fills (min(count, min) summed over
 * shifts and grade limits). */
int64_t sbs_rule_minimums_met(const sbs_data *d, const sbs_tally *t) {
  int64_t met = 0;
  for (uint32_t s = 0; s < d->nshifts; s++) {
    const sbs_shift *sh = &d->shifts[s];
    met += sh->min - sbs_rule_unmet(d, t, s, -1);
    for (uint32_t k = 0; k < sh->ngl; k++)
      met += sh->gl[k].min - sbs_rule_unmet(d, t, s, (int32_t)k);
  }
  return met;
}

/* V.A.1 step 7: rank 1 (the final shift is prefs[0]) resets the denials,
 * anything else adds one. */
int64_t sbs_rule_new_denials(const sbs_data *d, uint32_t e,
                             const sbs_sheet *sh, int32_t s) {
  return s >= 0 && s == (int32_t)sh->prefs[0] ? 0 : d->e[e].denials + 1;
}

/* IV.D, SPEC 9: a shift's rank in a sheet is its first place. */
int sbs_rule_rank(const sbs_sheet *sh, int32_t s) {
  for (uint32_t k = 0; sh && !sh->nopref && k < sh->nu; k++)
    if ((int32_t)sh->uprefs[k] == s) return sh->urank[k];
  return 0;
}

/* ================================================================ roster */

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
  st->t.cnt[s]--;
  int32_t k = lim_of(st->d, e, (uint32_t)s);
  if (k >= 0) st->t.gcnt[s][k]--;
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
  st->t.cnt[s]++;
  int32_t k = lim_of(st->d, e, s);
  if (k >= 0) st->t.gcnt[s][k]++;
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

/* ----------------------------------------------- history.bumped (V.A.3.b) */

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

/* V.A.3.b: appends e to history.bumped[s], the list the agency keeps. */
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

/* V.A.3.a: the bump cycle ends: the list starts over (epoch tags). */
static void bumped_clear(sbs_state *st, uint32_t s) {
  st->bepoch[s]++;
  st->blen[s] = 0;
}

/* ================================================================= state */

/* The round_robin gate: room (III.A); staying unplaced is always allowed. */
static int room_gate(sbs_state *st, uint32_t e, int32_t s, bool *ok) {
  *ok = s < 0 || sbs_rule_has_room(st->d, &st->t, e, (uint32_t)s);
  return SENBID_OK;
}

int sbs_state_init(sbs_state *st, sb_ctx *ctx, sb_out *o, bool lex) {
  memset(st, 0, sizeof *st);
  st->ctx = ctx;
  st->o = o;
  st->p = ctx->p;
  st->d = ctx->p->kind_data;
  st->lex = lex;
  st->gate = lex ? sbs_lex_gate : room_gate;
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
  st->tried = sb_arena_array(ar, S, 1);
  st->t.cnt = sb_arena_array(ar, S, sizeof(int64_t));
  st->t.max = sb_arena_array(ar, S, sizeof(int64_t));
  st->t.gcnt = sb_arena_array(ar, S, sizeof(int64_t *));
  st->t.gmax = sb_arena_array(ar, S, sizeof(int64_t *));
  if (!st->shift_of || !st->how || !st->cause || !st->state || !st->ucause ||
      !st->rank || !st->entry || !st->entry_of || !st->unplaced ||
      !st->tried || !st->t.cnt || !st->t.max || !st->t.gcnt || !st->t.gmax)
    return NOMEM(st);
  for (uint32_t i = 0; i < st->n; i++) st->shift_of[i] = st->entry_of[i] = -1;
  for (uint32_t s = 0; s < st->S; s++) {
    const sbs_shift *sh = &st->d->shifts[s];
    st->t.max[s] = sh->max;
    st->t.gcnt[s] = sb_arena_array(ar, sh->ngl + 1, sizeof(int64_t));
    st->t.gmax[s] = sb_arena_array(ar, sh->ngl + 1, sizeof(int64_t));
    if (!st->t.gcnt[s] || !st->t.gmax[s]) return NOMEM(st);
    for (uint32_t k = 0; k < sh->ngl; k++) st->t.gmax[s][k] = sh->gl[k].max;
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
  if ((i & 0xffff) == 0) return sb_ctx_progress(st->ctx, phase, i, st->n);
  return SENBID_OK;
}

/* ============================================================= decisions */

/* III.C, III.J, VI.A, VII.A: excluded statuses, in seniority order. */
static void step_exclusions(sbs_state *st) {
  static const char *const rule[] = {"", R_EXCL_DETAIL, R_EXCL_DUTY,
                                     R_EXCL_DUTY, R_EXCL_TDY};
  for (uint32_t i = 0; i < st->n; i++) {
    uint32_t e = st->p->sen.order[i];
    if (!st->d->e[e].excluded) continue;
    st->state[e] = SBS_EXCLUDED;
    sb_audit(st->o, eid(st, e), "exclude", rule[st->d->e[e].status], "%s",
             sbs_excluded_name[st->d->e[e].status]);
  }
}

/* III.I, VI.E: a management placement, even past max (SPEC 9). */
static int mgmt_place(sbs_state *st, uint32_t e, uint32_t s, bool fixed) {
  SB_TRY(place(st, e, s, SBS_MGMT, 0, SBS_C_NONE));
  if (fixed)
    sb_audit(st->o, eid(st, e), "place", R_MGMT, "fixed shift %s", sid(st, s));
  else
    sb_audit(st->o, eid(st, e), "place", R_MGMT, "adjustment places on %s",
             sid(st, s));
  return SENBID_OK;
}

/* Step 1: fixed shifts in seniority order. */
static int step_management(sbs_state *st) {
  for (uint32_t i = 0; i < st->n; i++) {
    uint32_t e = st->p->sen.order[i];
    if (st->state[e] != SBS_UNDECIDED || st->d->e[e].fixed < 0) continue;
    SB_TRY(mgmt_place(st, e, (uint32_t)st->d->e[e].fixed, true));
  }
  return SENBID_OK;
}

/* Step 2 (V.A.1-2) for one SPP bidder: the first choice if the gate admits
 * it; otherwise the bidder joins step 3, with warning SPP_NO_ROOM. */
static int turn_spp(sbs_state *st, uint32_t e, const sbs_sheet *sh) {
  uint32_t s = sh->uprefs[0];
  bool ok;
  SB_TRY(st->gate(st, e, (int32_t)s, &ok));
  if (ok) {
    SB_TRY(place(st, e, s, SBS_SPP, 1, SBS_C_NONE));
    sb_audit(st->o, eid(st, e), "place", R_SPP, "SPP first choice %s",
             sid(st, s));
    return SENBID_OK;
  }
  sb_audit(st->o, eid(st, e), "spp_no_room", R_SPP,
           st->lex ? "%s full or needed elsewhere" : "%s full", sid(st, s));
  sb_warn(st->o, "SPP_NO_ROOM",
          "%s: first choice %s has no room for the SPP guarantee", eid(st, e),
          sid(st, s));
  return SENBID_OK;
}

/* Step 3 (IV.D) for one bidder. */
int sbs_turn_bid(sbs_state *st, uint32_t e, const sbs_sheet *sh) {
  if (sh != sbs_sheet_of(st->d, e)) {
    if (!st->live) {
      st->live = sb_arena_array(&st->ctx->scratch, st->n + 1, sizeof *st->live);
      if (!st->live) return NOMEM(st);
    }
    st->live[e] = sh;
  }
  if (sh->nopref) return SENBID_OK;
  for (uint32_t k = 0; k < sh->nu; k++) {
    uint32_t s = sh->uprefs[k];
    bool ok;
    SB_TRY(st->gate(st, e, (int32_t)s, &ok));
    if (!ok) continue;
    SB_TRY(place(st, e, s, SBS_SEN, sh->urank[k], SBS_C_NONE));
    sb_audit(st->o, eid(st, e), "place", R_SENIORITY, "%s (choice %u)",
             sid(st, s), (unsigned)sh->urank[k]);
    return SENBID_OK;
  }
  sb_audit(st->o, eid(st, e), "prefs_full", R_SENIORITY,
           st->lex ? "no preferred shift admits a feasible roster"
                   : "no preferred shift has room");
  return SENBID_OK;
}

/* Step 4 (IV.A.4) for one employee: shifts in step 4's order through the
 * gate; none: unplaced (reason NO_ROOM). */
static int turn_agency(sbs_state *st, uint32_t e, int cause) {
  memset(st->tried, 0, st->S);
  for (;;) {
    int32_t s = sbs_rule_agency_next(st->d, &st->t, e, -1, st->tried);
    if (s < 0) break;
    bool ok;
    SB_TRY(st->gate(st, e, s, &ok));
    if (!ok) {
      st->tried[s] = 1;
      continue;
    }
    SB_TRY(place(st, e, (uint32_t)s, SBS_AGENCY, 0, cause));
    sb_audit(st->o, eid(st, e), "place", R_AGENCY,
             "agency placement on %s (%s)", sid(st, (uint32_t)s),
             sbs_cause_name[cause]);
    return SENBID_OK;
  }
  bool ok;
  SB_TRY(st->gate(st, e, -1, &ok));
  unplace(st, e, cause);
  sb_audit(st->o, eid(st, e), "unplaced", R_AGENCY, "no shift has room (%s)",
           sbs_cause_name[cause]);
  return SENBID_OK;
}

/* V.A.3: the bumped employee's highest-ranked shift other than `from` with
 * room, else an agency placement excluding `from`, else unplaced. */
static int relocate(sbs_state *st, uint32_t e, uint32_t from) {
  sbs_bump *b = sb_vec_push(&st->bumps);
  if (!b) return NOMEM(st);
  b->emp = e;
  b->from = from;
  const sbs_sheet *sh = sbs_state_sheet(st, e);
  if (!sbs_rule_bidder(st->d, e, sh)) sh = NULL;
  for (uint32_t k = 0; sh && k < sh->nu; k++) {
    uint32_t t = sh->uprefs[k];
    if (t == from || !sbs_rule_has_room(st->d, &st->t, e, t)) continue;
    b->to = (int32_t)t;
    SB_TRY(place(st, e, t, SBS_BUMPED, sh->urank[k], SBS_C_NONE));
    sb_audit(st->o, eid(st, e), "bump", R_BUMP, "from %s to %s", sid(st, from),
             sid(st, t));
    return SENBID_OK;
  }
  int32_t t = sbs_rule_agency_next(st->d, &st->t, e, (int32_t)from, NULL);
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

static int cmp_desc_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? 1 : x > y ? -1 : 0;
}

/* V.A.3: bumps from shift s while it is over its max: the junior-most not
 * yet on history.bumped[s]; when everyone has been bumped once, the list is
 * cleared (V.A.3.a) and the junior-most goes. cls >= 0: a grade over its
 * max, and only that grade is bumped. Candidates (everyone on s who is not
 * a management placement, SPEC 9) are sorted once by seniority, so a run
 * of bumps costs the shift's size, not the size times the bumps. */
static int bump_while_over(sbs_state *st, uint32_t s, int64_t cls) {
  int32_t k = cls >= 0 ? st->d->lim[(size_t)cls * st->S + s] : -1;
  if (cls >= 0 && k < 0) return SENBID_OK;
  if (!sbs_rule_over_max(&st->t, s, k)) return SENBID_OK;
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
  while (sbs_rule_over_max(&st->t, s, k)) {
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

/* Step 5 (III.A, III.I, V.A.3): adjustments in order; `bump` under
 * round_robin (lexicographic applies them first and bumps nobody). */
static int step_adjustments(sbs_state *st, bool bump) {
  for (uint32_t i = 0; i < st->d->nadj; i++) {
    const sbs_adj *a = &st->d->adj[i];
    if (a->place) {
      SB_TRY(mgmt_place(st, a->emp, a->shift, false));
      if (!bump) continue;
      SB_TRY(bump_while_over(st, a->shift, -1));
      SB_TRY(bump_while_over(st, a->shift, st->d->e[a->emp].cls));
    } else {
      st->t.max[a->shift] = a->max;
      sb_audit(st->o, NULL, "adjust", R_ADJUST, "%s max %lld",
               sid(st, a->shift), (long long)a->max);
      if (bump) SB_TRY(bump_while_over(st, a->shift, -1));
    }
  }
  return SENBID_OK;
}

/* SPEC 9, lexicographic: a management placement over a max raises it. */
static void raise_maxes(sbs_state *st) {
  for (uint32_t s = 0; s < st->S; s++) {
    if (st->t.cnt[s] > st->t.max[s]) st->t.max[s] = st->t.cnt[s];
    for (uint32_t k = 0; k < st->d->shifts[s].ngl; k++)
      if (st->t.gcnt[s][k] > st->t.gmax[s][k])
        st->t.gmax[s][k] = st->t.gcnt[s][k];
  }
}

int sbs_fixed(sbs_state *st) {
  step_exclusions(st);
  SB_TRY(step_management(st));
  if (st->lex) {
    SB_TRY(step_adjustments(st, false));
    raise_maxes(st);
  }
  return SENBID_OK;
}

int sbs_start(sbs_state *st) {
  SB_TRY(sbs_fixed(st));
  if (st->lex) SB_TRY(sbs_lex_begin(st));
  for (uint32_t i = 0; i < st->n; i++) {
    uint32_t e = st->p->sen.order[i];
    SB_TRY(progress(st, "spp", i));
    if (st->state[e] != SBS_UNDECIDED) continue;
    const sbs_sheet *sh = sbs_sheet_of(st->d, e);
    if (!sh || !sbs_rule_spp(st->d, e)) continue;
    SB_TRY(turn_spp(st, e, sh));
  }
  return SENBID_OK;
}

int sbs_finish(sbs_state *st) {
  for (uint32_t i = 0; i < st->n; i++) {
    uint32_t e = st->p->sen.order[i];
    SB_TRY(progress(st, "agency", i));
    if (st->state[e] != SBS_UNDECIDED) continue;
    SB_TRY(turn_agency(
        st, e, sbs_rule_agency_cause(st->d, e, sbs_state_sheet(st, e))));
  }
  return st->lex ? SENBID_OK : step_adjustments(st, true);
}

int sbs_decide(sbs_state *st) {
  SB_TRY(sbs_start(st));
  for (uint32_t i = 0; i < st->n; i++) {
    uint32_t e = st->p->sen.order[i];
    SB_TRY(progress(st, "seniority", i));
    if (st->state[e] != SBS_UNDECIDED) continue;
    const sbs_sheet *sh = sbs_sheet_of(st->d, e);
    if (!sh || !sbs_is_bidder(st->d, e)) continue;
    SB_TRY(sbs_turn_bid(st, e, sh));
  }
  return sbs_finish(st);
}
