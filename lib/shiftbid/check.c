/* Checking a posted shift-bid roster (SPEC section 7).
 *
 * check runs the decision sequence of rules.c with the method the context
 * names (the reference), tallies the posted roster, and judges it through
 * the same rule functions: every bidder's rank is fixed by the rules (SPEC
 * 3, 9), so a bidder posted below it (under round_robin: at any other
 * rank) is a departure, as is anything
 * breaking a hard rule (a max, an exclusion, a management placement, the
 * eligibility rule, the history). round_robin fixes every agency placement
 * too (step 4's order); under lexicographic an agency placement may differ
 * as long as the bounds and the minimums reached hold
 * (conformance-lexicographic/README.md), but not so that a senior agent
 * stays unplaced where a junior agent could give way (IV.A.4). */
#include <string.h>

#include "shiftbid.h"

#define R_PLACE "NBPC2019.APPII.IV.A.4"
#define R_MAX "NBPC2019.APPII.III.A"

enum { POSTED_ABSENT = -3, POSTED_EXCLUDED = -2, POSTED_UNPLACED = -1 };

typedef struct posted {
  int32_t *shift;  /* shift, or POSTED_* */
  int16_t *rank;   /* posted rank, 0 = null, -1 = not a rank */
  uint8_t *reason; /* sbs_how */
} posted;

static int reason_of(const char *s) {
  for (int i = SBS_MGMT; i <= SBS_BUMPED; i++)
    if (!strcmp(s, sbs_how_name[i])) return i;
  return SBS_NONE;
}

static const char *str_of(const cJSON *o, const char *k) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
  return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* Reads one posted list; returns the employee index or -1 (reported). */
static int64_t posted_emp(const sbs_state *st, sb_out *o, const cJSON *it,
                          const posted *ps) {
  const char *id = str_of(it, "employee");
  int64_t e = id ? sb_problem_find(st->p, id) : -1;
  if (e < 0) {
    sb_departure(o, "UNKNOWN_EMPLOYEE", id, R_PLACE,
                 "the result names an employee the problem does not have");
    return -1;
  }
  if (ps->shift[e] != POSTED_ABSENT) {
    sb_departure(o, "DUPLICATE", id, R_PLACE,
                 "the employee appears more than once in the result");
    return -1;
  }
  return e;
}

/* A posted rank: a whole number from 1 to INT16_MAX, else -1, which no
 * bid gives (casting 1e300 or 1.5 to int16_t would be undefined or a
 * different rank). */
static int16_t posted_rank(const cJSON *rk) {
  if (!cJSON_IsNumber(rk) || rk->valuedouble == 0) return 0;
  double v = rk->valuedouble;
  return v >= 1 && v <= INT16_MAX && v == (double)(int16_t)v ? (int16_t)v : -1;
}

static void read_posted(const sbs_state *st, const cJSON *res, sb_out *o,
                        posted *ps) {
  const cJSON *it;
  cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(res, "assignments")) {
    int64_t e = posted_emp(st, o, it, ps);
    if (e < 0) continue;
    const char *s = str_of(it, "shift");
    uint32_t si;
    if (!s || !sb_strmap_get(&st->d->shift_ids, s, &si)) {
      sb_departure(o, "UNKNOWN_SHIFT", st->p->emps[e].id, R_PLACE,
                   "placed on a shift the problem does not have");
      continue;
    }
    ps->shift[e] = (int32_t)si;
    const char *r = str_of(it, "reason");
    ps->reason[e] = (uint8_t)(r ? reason_of(r) : SBS_NONE);
    ps->rank[e] = posted_rank(cJSON_GetObjectItemCaseSensitive(it, "rank"));
  }
  cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(res, "unplaced")) {
    int64_t e = posted_emp(st, o, it, ps);
    if (e >= 0) ps->shift[e] = POSTED_UNPLACED;
  }
  cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(res, "excluded")) {
    int64_t e = posted_emp(st, o, it, ps);
    if (e >= 0) ps->shift[e] = POSTED_EXCLUDED;
  }
}


/* The posted roster's tally; nonmgmt[s][k + 1] counts the employees on s
 * who are not management placements (k = -1: all of them; k >= 0: those
 * of grade limit k's grade), since only they can break a max (SPEC 9). */
typedef struct posted_tally {
  sbs_tally t;
  int64_t **nonmgmt;
  int64_t *junior;   /* the junior-most non-management employee on s */
  int64_t **jagency; /* per shift, per class: junior-most agency placement */
} posted_tally;

static int tally_posted(const sbs_state *st, const posted *ps,
                        posted_tally *pt) {
  const sbs_data *d = st->d;
  sb_arena *ar = &st->ctx->scratch;
  size_t S = st->S + 1;
  pt->t.cnt = sb_arena_array(ar, S, sizeof(int64_t));
  pt->t.gcnt = sb_arena_array(ar, S, sizeof(int64_t *));
  pt->nonmgmt = sb_arena_array(ar, S, sizeof(int64_t *));
  pt->junior = sb_arena_array(ar, S, sizeof(int64_t));
  pt->jagency = sb_arena_array(ar, S, sizeof(int64_t *));
  if (!pt->t.cnt || !pt->t.gcnt || !pt->nonmgmt || !pt->junior ||
      !pt->jagency)
    return sb_err_nomem(st->ctx->err);
  pt->t.max = st->t.max; /* the maxes as the rules leave them */
  pt->t.gmax = st->t.gmax;
  for (uint32_t s = 0; s < st->S; s++) {
    pt->t.gcnt[s] = sb_arena_array(ar, d->shifts[s].ngl + 1, sizeof(int64_t));
    pt->nonmgmt[s] = sb_arena_array(ar, d->shifts[s].ngl + 2, sizeof(int64_t));
    pt->jagency[s] = sb_arena_array(ar, d->ncls + 1, sizeof(int64_t));
    if (!pt->t.gcnt[s] || !pt->nonmgmt[s] || !pt->jagency[s])
      return sb_err_nomem(st->ctx->err);
    pt->junior[s] = -1;
    for (uint32_t c = 0; c < d->ncls; c++) pt->jagency[s][c] = -1;
  }
  for (uint32_t e = 0; e < st->n; e++) {
    int32_t s = ps->shift[e];
    if (s < 0) continue;
    pt->t.cnt[s]++;
    int32_t k = d->lim[(size_t)d->e[e].cls * st->S + (uint32_t)s];
    if (k >= 0) pt->t.gcnt[s][k]++;
    if (ps->reason[e] == SBS_MGMT) continue;
    pt->nonmgmt[s][0]++;
    if (k >= 0) pt->nonmgmt[s][k + 1]++;
    if (pt->junior[s] < 0 || st->p->emps[e].rank > st->p->emps[pt->junior[s]].rank)
      pt->junior[s] = e;
    int64_t *ja = &pt->jagency[s][d->e[e].cls];
    if (ps->reason[e] == SBS_AGENCY &&
        (*ja < 0 || st->p->emps[e].rank > st->p->emps[*ja].rank))
      *ja = e;
  }
  return SENBID_OK;
}

/* The minimum places shift s fills (its part of sbs_rule_minimums_met). */
static int64_t shift_met(const sbs_data *d, const sbs_tally *t, uint32_t s) {
  int64_t met = d->shifts[s].min - sbs_rule_unmet(d, t, s, -1);
  for (uint32_t k = 0; k < d->shifts[s].ngl; k++)
    met += d->shifts[s].gl[k].min - sbs_rule_unmet(d, t, s, (int32_t)k);
  return met;
}

static void tally_add(const sbs_data *d, sbs_tally *t, uint32_t e, uint32_t s,
                      int64_t x) {
  t->cnt[s] += x;
  int32_t k = d->lim[(size_t)d->e[e].cls * d->nshifts + s];
  if (k >= 0) t->gcnt[s][k] += x;
}

/* IV.A.4: agency placements go in seniority order, so a junior agent j
 * holds a shift that senior agent e, posted unplaced, could take instead
 * only if giving it to e would lose minimum places (lexicographic). The
 * junior-most agent of each class on each shift stands for all of them. */
static void check_unplaced_senior(const sbs_state *st, posted_tally *pt,
                                  uint32_t e, sb_out *o) {
  const sbs_data *d = st->d;
  for (uint32_t s = 0; s < st->S; s++)
    for (uint32_t c = 0; c < d->ncls; c++) {
      int64_t j = pt->jagency[s][c];
      if (j < 0 || !sb_senior(st->p, e, (uint32_t)j)) continue;
      int64_t before = shift_met(d, &pt->t, s);
      tally_add(d, &pt->t, (uint32_t)j, s, -1);
      bool room = sbs_rule_has_room(d, &pt->t, e, s);
      tally_add(d, &pt->t, e, s, 1);
      bool keeps = shift_met(d, &pt->t, s) >= before;
      tally_add(d, &pt->t, e, s, -1);
      tally_add(d, &pt->t, (uint32_t)j, s, 1);
      if (room && keeps) {
        sb_departure(o, "AGENCY", st->p->emps[e].id, "NBPC2019.APPII.IV.A.4",
                     "unplaced while %s, junior, has an agency placement on %s",
                     st->p->emps[j].id, d->shifts[s].id);
        return;
      }
    }
}

/* One employee's bid rank and agency placement against the reference. */
static void check_employee(const sbs_state *st, const posted *ps,
                           posted_tally *pt, uint32_t e, sb_out *o) {
  const sbs_data *d = st->d;
  const senbid_problem *p = st->p;
  const char *id = p->emps[e].id;
  int32_t s = ps->shift[e];
  const sbs_sheet *sh = sbs_sheet_of(d, e);
  if (st->state[e] == SBS_EXCLUDED) {
    if (s >= 0)
      sb_departure(o, "EXCLUDED_PLACED", id, "NBPC2019.APPII.VI.A",
                   "placed on %s although excluded from this bid",
                   d->shifts[s].id);
    return;
  }
  if (s == POSTED_ABSENT) {
    sb_departure(o, "NOT_PLACED", id, R_PLACE,
                 "neither placed, excluded nor listed as unplaced");
    return;
  }
  if (s == POSTED_EXCLUDED) {
    sb_departure(o, "NOT_EXCLUDED", id, "NBPC2019.APPII.VII.A",
                 "listed as excluded but the status does not exclude");
    return;
  }
  if (st->how[e] == SBS_MGMT && st->state[e] == SBS_PLACED) {
    if (s != st->shift_of[e])
      sb_departure(o, "MANAGEMENT_PLACEMENT", id, "NBPC2019.APPII.III.I",
                   "management placed this employee on %s",
                   d->shifts[st->shift_of[e]].id);
    return;
  }
  uint8_t pr = ps->reason[e];
  bool by_bid = pr == SBS_SPP || pr == SBS_SEN || pr == SBS_BUMPED;
  if (by_bid && !d->e[e].eligible)
    sb_departure(o, "INELIGIBLE", id, "NBPC2019.APPII.III.D.1",
                 "placed by seniority with under %lld years in the series",
                 (long long)d->min_series_years);
  if (by_bid && s >= 0 && !sbs_rule_rank(sh, s))
    sb_departure(o, "RANK", id, "NBPC2019.APPII.IV.D",
                 "placed by bid on %s, which the bid does not list",
                 d->shifts[s].id);
  else if (by_bid && s >= 0 && ps->rank[e] < 0)
    sb_departure(o, "RANK", id, "NBPC2019.APPII.IV.D",
                 "the posted rank is not a whole number from 1 to %d, but %s "
                 "is choice %d of the bid",
                 INT16_MAX, d->shifts[s].id, sbs_rule_rank(sh, s));
  else if (by_bid && s >= 0 && ps->rank[e] != sbs_rule_rank(sh, s))
    sb_departure(o, "RANK", id, "NBPC2019.APPII.IV.D",
                 "posted rank %d, but %s is choice %d of the bid",
                 (int)ps->rank[e], d->shifts[s].id, sbs_rule_rank(sh, s));
  bool agency = st->state[e] != SBS_PLACED || st->how[e] == SBS_AGENCY;
  if (agency) {
    int32_t due = st->state[e] == SBS_PLACED ? st->shift_of[e] : -1;
    if (!st->lex && s != due)
      sb_departure(o, "AGENCY", id, R_PLACE,
                   "step 4 places this employee %s%s",
                   due >= 0 ? "on " : "nowhere (no shift has room)",
                   due >= 0 ? d->shifts[due].id : "");
    else if (st->lex && s == POSTED_UNPLACED)
      check_unplaced_senior(st, pt, e, o);
  }
  if (!sbs_is_bidder(d, e)) return;
  int got = s >= 0 ? sbs_rule_rank(sh, s) : 0;
  int due = st->state[e] == SBS_PLACED ? sbs_rule_rank(sh, st->shift_of[e]) : 0;
  if (!st->lex && due && got && got < due) {
    /* round_robin: a better shift than the rules give is a departure too
     * (it was full at the bidder's turn); under lexicographic the bounds
     * and minimums catch it. */
    sb_departure(o, "SENIORITY", id, "NBPC2019.APPII.IV.D",
                 "posted choice %d, the rules give choice %d", got, due);
    return;
  }
  if (!due || (got && got <= due)) return;
  if (st->how[e] == SBS_SPP) {
    sb_departure(o, "SPP", id, "NBPC2019.APPII.V.A.2",
                 "the Shift Preference Plan guarantees %s (denied %lld times)",
                 d->shifts[st->shift_of[e]].id, (long long)d->e[e].denials);
    return;
  }
  /* name a junior holding a shift this employee ranked higher */
  const char *who = NULL, *what = NULL;
  for (uint32_t k = 0; k < sh->nu && !who; k++) {
    uint32_t t = sh->uprefs[k];
    if (got && sh->urank[k] >= got) break;
    if (pt->junior[t] >= 0 && sb_senior(p, e, (uint32_t)pt->junior[t])) {
      who = p->emps[pt->junior[t]].id;
      what = d->shifts[t].id;
    }
  }
  if (who)
    sb_departure(o, "SENIORITY", id, "NBPC2019.APPII.IV.D",
                 "posted choice %d, the rules give choice %d; %s, junior, "
                 "holds %s",
                 got, due, who, what);
  else
    sb_departure(o, "SENIORITY", id, "NBPC2019.APPII.IV.D",
                 "posted choice %d, the rules give choice %d", got, due);
}

/* III.A: the maxes (as adjusted) and grade maxes, and the minimums. */
static void check_bounds(const sbs_state *st, const posted_tally *pt,
                         sb_out *o) {
  const sbs_data *d = st->d;
  for (uint32_t s = 0; s < st->S; s++) {
    const sbs_shift *sh = &d->shifts[s];
    if (sbs_rule_over_max(&pt->t, s, -1) && pt->nonmgmt[s][0] > 0)
      sb_departure(o, "OVER_MAX", NULL, R_MAX, "%s has %lld, max %lld", sh->id,
                   (long long)pt->t.cnt[s], (long long)pt->t.max[s]);
    for (uint32_t k = 0; k < sh->ngl; k++)
      if (sbs_rule_over_max(&pt->t, s, (int32_t)k) && pt->nonmgmt[s][k + 1] > 0)
        sb_departure(o, "GRADE_MAX", NULL, R_MAX, "%s has %lld %s, max %lld",
                     sh->id, (long long)pt->t.gcnt[s][k], sh->gl[k].grade,
                     (long long)pt->t.gmax[s][k]);
  }
  int64_t met = sbs_rule_minimums_met(d, &pt->t);
  int64_t ref_met = sbs_rule_minimums_met(d, &st->t);
  if (met < ref_met)
    sb_departure(o, "MINIMUM", NULL, R_MAX,
                 "%lld minimum places filled; the rules reach %lld",
                 (long long)met, (long long)ref_met);
}

/* Step 7 (V.A.1): the posted history's denials. */
static void check_history(const sbs_state *st, const cJSON *res,
                          const posted *ps, sb_out *o) {
  const sbs_data *d = st->d;
  const cJSON *hist = cJSON_GetObjectItemCaseSensitive(res, "history");
  const cJSON *den = cJSON_GetObjectItemCaseSensitive(hist, "denials");
  for (uint32_t i = 0; i < st->n; i++) {
    uint32_t e = st->p->sen.order[i];
    if (!sbs_is_bidder(d, e)) continue;
    int64_t want =
        sbs_rule_new_denials(d, e, sbs_sheet_of(d, e), ps->shift[e]);
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(den, st->p->emps[e].id);
    if (!cJSON_IsNumber(v) || v->valuedouble != (double)want) /* no cast: 1e300 */
      sb_departure(o, "HISTORY", st->p->emps[e].id, "NBPC2019.APPII.V.A.1",
                   "history.denials should be %lld", (long long)want);
  }
}

int sbs_check(sb_ctx *ctx, const cJSON *res, sb_out *o) {
  sbs_state st;
  int rc = sbs_run(ctx, o, &st); /* the reference roster */
  sb_vec_free(&st.bumps);
  if (rc) return rc;
  sb_arena *ar = &ctx->scratch;
  posted ps;
  ps.shift = sb_arena_array(ar, st.n + 1, sizeof(int32_t));
  ps.rank = sb_arena_array(ar, st.n + 1, sizeof(int16_t));
  ps.reason = sb_arena_array(ar, st.n + 1, 1);
  if (!ps.shift || !ps.rank || !ps.reason) return sb_err_nomem(ctx->err);
  for (uint32_t e = 0; e < st.n; e++) ps.shift[e] = POSTED_ABSENT;
  read_posted(&st, res, o, &ps);
  posted_tally pt;
  SB_TRY(tally_posted(&st, &ps, &pt));
  for (uint32_t i = 0; i < st.n; i++)
    check_employee(&st, &ps, &pt, st.p->sen.order[i], o);
  check_bounds(&st, &pt, o);
  check_history(&st, res, &ps, o);
  return SENBID_OK;
}
