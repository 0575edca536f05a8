/* Checking a posted shift-bid roster (SPEC section 7) and exporting the
 * integer program of the lexicographic method (SPEC section 8).
 *
 * check solves the problem with the method the result names and compares:
 * every bidder's rank is fixed by the rules (SPEC 3, 9), so a bidder posted
 * below that rank is a departure, as is anything breaking a hard rule (a
 * max, an exclusion, a management placement, the eligibility rule, the
 * history). Agency placements may differ as long as the bounds and the
 * minimums reached hold (conformance-lexicographic/README.md). */
#include <string.h>

#include "shiftbid.h"

#define R_PLACE "NBPC2019.APPII.IV.A.4"
#define R_MAX "NBPC2019.APPII.III.A"

enum { POSTED_ABSENT = -3, POSTED_EXCLUDED = -2, POSTED_UNPLACED = -1 };

typedef struct posted {
  int32_t *shift;  /* shift, or POSTED_* */
  int16_t *rank;   /* posted rank, 0 = null */
  uint8_t *reason; /* sbs_how */
} posted;

static int reason_of(const char *s) {
  static const char *const names[] = {"", "MANAGEMENT_PLACEMENT",
                                      "SPP_GUARANTEE", "SENIORITY",
                                      "AGENCY_PLACEMENT", "BUMPED"};
  for (int i = 1; i < 6; i++)
    if (!strcmp(s, names[i])) return i;
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
    const cJSON *rk = cJSON_GetObjectItemCaseSensitive(it, "rank");
    ps->rank[e] = cJSON_IsNumber(rk) ? (int16_t)rk->valuedouble : 0;
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

/* 1-based rank of shift s in e's bid, or 0 when not ranked. */
static int rank_in(const sbs_sheet *sh, int32_t s) {
  for (uint32_t k = 0; sh && !sh->nopref && k < sh->nu; k++)
    if ((int32_t)sh->uprefs[k] == s) return sh->urank[k];
  return 0;
}

int sbs_check(sb_ctx *ctx, const cJSON *res, sb_out *o) {
  sbs_state st;
  int rc = sbs_run(ctx, o, &st); /* the reference roster */
  sb_vec_free(&st.bumps);
  if (rc) return rc;
  const sbs_data *d = st.d;
  const senbid_problem *p = st.p;
  sb_arena *ar = &ctx->scratch;
  posted ps;
  ps.shift = sb_arena_array(ar, st.n + 1, sizeof(int32_t));
  ps.rank = sb_arena_array(ar, st.n + 1, sizeof(int16_t));
  ps.reason = sb_arena_array(ar, st.n + 1, 1);
  int64_t *cnt = sb_arena_array(ar, st.S + 1, sizeof(int64_t));
  int64_t *nonmgmt = sb_arena_array(ar, st.S + 1, sizeof(int64_t));
  int64_t *junior = sb_arena_array(ar, st.S + 1, sizeof(int64_t));
  int64_t **gcnt = sb_arena_array(ar, st.S + 1, sizeof(int64_t *));
  if (!ps.shift || !ps.rank || !ps.reason || !cnt || !nonmgmt || !junior || !gcnt)
    return sb_err_nomem(ctx->err);
  for (uint32_t s = 0; s < st.S; s++) {
    gcnt[s] = sb_arena_array(ar, d->shifts[s].ngl + 1, sizeof(int64_t));
    if (!gcnt[s]) return sb_err_nomem(ctx->err);
    junior[s] = -1;
  }
  for (uint32_t e = 0; e < st.n; e++) ps.shift[e] = POSTED_ABSENT;
  read_posted(&st, res, o, &ps);

  for (uint32_t e = 0; e < st.n; e++) {
    int32_t s = ps.shift[e];
    if (s < 0) continue;
    cnt[s]++;
    int32_t k = d->lim[(size_t)d->e[e].cls * st.S + (uint32_t)s];
    if (k >= 0) gcnt[s][k]++;
    if (ps.reason[e] != SBS_MGMT) {
      nonmgmt[s]++;
      if (junior[s] < 0 || p->emps[e].rank > p->emps[junior[s]].rank)
        junior[s] = e;
    }
  }

  for (uint32_t i = 0; i < st.n; i++) {
    uint32_t e = p->sen.order[i];
    const char *id = p->emps[e].id;
    int32_t s = ps.shift[e];
    const sbs_sheet *sh = sbs_sheet_of(d, e);
    if (st.state[e] == SBS_EXCLUDED) {
      if (s >= 0)
        sb_departure(o, "EXCLUDED_PLACED", id, "NBPC2019.APPII.VI.A",
                     "placed on %s although excluded from this bid",
                     d->shifts[s].id);
      continue;
    }
    if (s == POSTED_ABSENT) {
      sb_departure(o, "NOT_PLACED", id, R_PLACE,
                   "neither placed, excluded nor listed as unplaced");
      continue;
    }
    if (s == POSTED_EXCLUDED) {
      sb_departure(o, "NOT_EXCLUDED", id, "NBPC2019.APPII.VII.A",
                   "listed as excluded but the status does not exclude");
      continue;
    }
    if (st.how[e] == SBS_MGMT && st.state[e] == SBS_PLACED) {
      if (s != st.shift_of[e])
        sb_departure(o, "MANAGEMENT_PLACEMENT", id, "NBPC2019.APPII.III.I",
                     "management placed this employee on %s",
                     d->shifts[st.shift_of[e]].id);
      continue;
    }
    uint8_t pr = ps.reason[e];
    bool by_bid = pr == SBS_SPP || pr == SBS_SEN || pr == SBS_BUMPED;
    if (by_bid && !d->e[e].eligible)
      sb_departure(o, "INELIGIBLE", id, "NBPC2019.APPII.III.D.1",
                   "placed by seniority with under %lld years in the series",
                   (long long)d->min_series_years);
    if (by_bid && s >= 0 && !rank_in(sh, s))
      sb_departure(o, "RANK", id, "NBPC2019.APPII.IV.D",
                   "placed by bid on %s, which the bid does not list",
                   d->shifts[s].id);
    else if (by_bid && s >= 0 && ps.rank[e] != rank_in(sh, s))
      sb_departure(o, "RANK", id, "NBPC2019.APPII.IV.D",
                   "posted rank %d, but %s is choice %d of the bid",
                   (int)ps.rank[e], d->shifts[s].id, rank_in(sh, s));
    if (!sbs_is_bidder(d, e) || !sh) continue;
    int got = s >= 0 ? rank_in(sh, s) : 0;
    int due = st.state[e] == SBS_PLACED ? rank_in(sh, st.shift_of[e]) : 0;
    if (due && (!got || got > due)) {
      if (st.how[e] == SBS_SPP) {
        sb_departure(o, "SPP", id, "NBPC2019.APPII.V.A.2",
                     "the Shift Preference Plan guarantees %s (denied %lld "
                     "times)",
                     d->shifts[st.shift_of[e]].id, (long long)d->e[e].denials);
        continue;
      }
      /* name a junior holding a shift this employee ranked higher */
      const char *who = NULL, *what = NULL;
      for (uint32_t k = 0; k < sh->nu && !who; k++) {
        uint32_t t = sh->uprefs[k];
        if (got && sh->urank[k] >= got) break;
        if (junior[t] >= 0 && sb_senior(p, e, (uint32_t)junior[t])) {
          who = p->emps[junior[t]].id;
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
  }

  /* Bounds: max (as adjusted) and grade max; only employees who are not
   * management placements make a shift over its max a departure. */
  int64_t met = 0, ref_met = 0;
  for (uint32_t s = 0; s < st.S; s++) {
    const sbs_shift *sh = &d->shifts[s];
    if (cnt[s] > st.max[s] && nonmgmt[s] > 0)
      sb_departure(o, "OVER_MAX", NULL, R_MAX, "%s has %lld, max %lld", sh->id,
                   (long long)cnt[s], (long long)st.max[s]);
    met += cnt[s] < sh->min ? cnt[s] : sh->min;
    ref_met += st.cnt[s] < sh->min ? st.cnt[s] : sh->min;
    for (uint32_t k = 0; k < sh->ngl; k++) {
      if (gcnt[s][k] > st.gmax[s][k] && nonmgmt[s] > 0)
        sb_departure(o, "GRADE_MAX", NULL, R_MAX, "%s has %lld %s, max %lld",
                     sh->id, (long long)gcnt[s][k], sh->gl[k].grade,
                     (long long)st.gmax[s][k]);
      met += gcnt[s][k] < sh->gl[k].min ? gcnt[s][k] : sh->gl[k].min;
      ref_met += st.gcnt[s][k] < sh->gl[k].min ? st.gcnt[s][k] : sh->gl[k].min;
    }
  }
  if (met < ref_met)
    sb_departure(o, "MINIMUM", NULL, R_MAX,
                 "%lld minimum places filled; the rules reach %lld",
                 (long long)met, (long long)ref_met);

  /* Step 7 (V.A.1): the posted history's denials. */
  const cJSON *hist = cJSON_GetObjectItemCaseSensitive(res, "history");
  const cJSON *den = cJSON_GetObjectItemCaseSensitive(hist, "denials");
  for (uint32_t i = 0; i < st.n; i++) {
    uint32_t e = p->sen.order[i];
    if (!sbs_is_bidder(d, e)) continue;
    const sbs_sheet *sh = sbs_sheet_of(d, e);
    if (!sh) continue;
    int32_t s = ps.shift[e];
    int64_t want = s == (int32_t)sh->prefs[0] ? 0 : d->e[e].denials + 1;
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(den, p->emps[e].id);
    if (!cJSON_IsNumber(v) || (int64_t)v->valuedouble != want)
      sb_departure(o, "HISTORY", p->emps[e].id, "NBPC2019.APPII.V.A.1",
                   "history.denials should be %lld", (long long)want);
  }
  return SENBID_OK;
}

/* ------------------------------------------------------------- export-lp */

/* Appends " + name" terms, wrapping lines so that no line grows long. */
typedef struct lpline {
  sb_buf *b;
  int terms;
} lpline;

static void term(lpline *l, const char *sign, char var, uint32_t a,
                 uint32_t b) {
  if (l->terms && l->terms % 8 == 0) sb_buf_puts(l->b, "\n  ");
  if (*sign) sb_buf_printf(l->b, " %s", sign);
  if (var == 'x' || var == 'g')
    sb_buf_printf(l->b, " %c_%u_%u", var, a, b);
  else
    sb_buf_printf(l->b, " %c_%u", var, a);
  l->terms++;
}

/* The integer program of lexicographic (SPEC 3, 9) in CPLEX LP format,
 * after what the method fixes first (exclusions, management placements,
 * adjustments, raised maxes). x_e_s = 1 puts undecided employee e (problem
 * index) on shift s (document index), u_e leaves e unplaced; m_s and
 * g_s_k count the minimum places met. The objective is stage 1, the most
 * minimums met; the comments list the later stages: that value is kept and
 * each bidder in seniority order is fixed on the best rank that stays
 * feasible (SPP guarantees first). */
int sbs_export_lp(sb_ctx *ctx, sb_buf *lp) {
  sbs_state st;
  sb_out o;
  memset(&o, 0, sizeof o);
  sb_buf_init(&o.body, &ctx->p->alloc);
  sb_buf_init(&o.audit.buf, &ctx->p->alloc);
  sb_buf_init(&o.warnings.buf, &ctx->p->alloc);
  sb_jw_init(&o.audit.w, &o.audit.buf, 1, true);
  sb_jw_init(&o.warnings.w, &o.warnings.buf, 1, true);
  ctx->method = SENBID_METHOD_LEXICOGRAPHIC;
  int rc = sbs_lex_prepare(ctx, &o, &st);
  sb_buf_free(&o.body);
  sb_buf_free(&o.audit.buf);
  sb_buf_free(&o.warnings.buf);
  sb_vec_free(&st.bumps);
  if (rc) return rc;
  const sbs_data *d = st.d;
  const senbid_problem *p = st.p;
  sb_buf_puts(lp, "\\ senbid shift_bid: the lexicographic method, stage 1\n"
                  "\\ x_e_s: employee e on shift s; u_e: employee e unplaced\n"
                  "\\ m_s, g_s_k: minimum places met on shift s, grade limit k\n");
  for (uint32_t s = 0; s < st.S; s++)
    sb_buf_printf(lp, "\\ shift %u: %s\n", s, d->shifts[s].id);
  sb_buf_puts(lp, "\\ later stages keep the stage 1 value and fix, in order:\n");
  for (int spp = 1; spp >= 0; spp--)
    for (uint32_t i = 0; i < st.n; i++) {
      uint32_t e = p->sen.order[i];
      if (st.state[e] != SBS_UNDECIDED || !sbs_is_bidder(d, e)) continue;
      bool is_spp = d->e[e].denials >= d->spp_denials;
      const sbs_sheet *sh = sbs_sheet_of(d, e);
      if (spp && !is_spp) continue;
      sb_buf_printf(lp, "\\   %s e=%u %s", spp ? "SPP" : "bid", e, p->emps[e].id);
      for (uint32_t k = 0; k < (spp ? 1u : sh->nu); k++)
        sb_buf_printf(lp, " %s", d->shifts[sh->uprefs[k]].id);
      sb_buf_puts(lp, "\n");
    }
  lpline l = {lp, 0};
  sb_buf_puts(lp, "Maximize\n obj:");
  for (uint32_t s = 0; s < st.S; s++) {
    term(&l, "+", 'm', s, 0);
    for (uint32_t k = 0; k < d->shifts[s].ngl; k++) term(&l, "+", 'g', s, k);
  }
  if (!l.terms) sb_buf_puts(lp, " 0 u_none");
  sb_buf_puts(lp, "\nSubject To\n");
  uint32_t nund = 0;
  for (uint32_t e = 0; e < st.n; e++) {
    if (st.state[e] != SBS_UNDECIDED) continue;
    nund++;
    sb_buf_printf(lp, " one_%u:", e);
    l.terms = 0;
    term(&l, "", 'u', e, 0);
    for (uint32_t s = 0; s < st.S; s++) term(&l, "+", 'x', e, s);
    sb_buf_puts(lp, " = 1\n");
  }
  for (uint32_t s = 0; s < st.S; s++) {
    const sbs_shift *sh = &d->shifts[s];
    if (st.max[s] < SBS_INF && nund) {
      sb_buf_printf(lp, " max_%u:", s);
      l.terms = 0;
      for (uint32_t e = 0; e < st.n; e++)
        if (st.state[e] == SBS_UNDECIDED) term(&l, "+", 'x', e, s);
      sb_buf_printf(lp, " <= %lld\n", (long long)(st.max[s] - st.cnt[s]));
    }
    sb_buf_printf(lp, " met_%u: m_%u", s, s);
    l.terms = 1;
    for (uint32_t e = 0; e < st.n; e++)
      if (st.state[e] == SBS_UNDECIDED) term(&l, "-", 'x', e, s);
    sb_buf_printf(lp, " <= %lld\n", (long long)st.cnt[s]);
    for (uint32_t k = 0; k < sh->ngl; k++) {
      uint32_t nk = 0;
      for (uint32_t e = 0; e < st.n; e++)
        if (st.state[e] == SBS_UNDECIDED &&
            d->lim[(size_t)d->e[e].cls * st.S + s] == (int32_t)k)
          nk++;
      if (st.gmax[s][k] < SBS_INF && nk) {
        sb_buf_printf(lp, " gmax_%u_%u:", s, k);
        l.terms = 0;
        for (uint32_t e = 0; e < st.n; e++)
          if (st.state[e] == SBS_UNDECIDED &&
              d->lim[(size_t)d->e[e].cls * st.S + s] == (int32_t)k)
            term(&l, "+", 'x', e, s);
        sb_buf_printf(lp, " <= %lld\n", (long long)(st.gmax[s][k] - st.gcnt[s][k]));
      }
      sb_buf_printf(lp, " gmet_%u_%u: g_%u_%u", s, k, s, k);
      l.terms = 1;
      for (uint32_t e = 0; e < st.n; e++)
        if (st.state[e] == SBS_UNDECIDED &&
            d->lim[(size_t)d->e[e].cls * st.S + s] == (int32_t)k)
          term(&l, "-", 'x', e, s);
      sb_buf_printf(lp, " <= %lld\n", (long long)st.gcnt[s][k]);
    }
  }
  sb_buf_puts(lp, "Bounds\n");
  for (uint32_t s = 0; s < st.S; s++) {
    sb_buf_printf(lp, " 0 <= m_%u <= %lld\n", s, (long long)d->shifts[s].min);
    for (uint32_t k = 0; k < d->shifts[s].ngl; k++)
      sb_buf_printf(lp, " 0 <= g_%u_%u <= %lld\n", s, k,
                    (long long)d->shifts[s].gl[k].min);
  }
  sb_buf_puts(lp, "General\n");
  for (uint32_t s = 0; s < st.S; s++) {
    sb_buf_printf(lp, " m_%u\n", s);
    for (uint32_t k = 0; k < d->shifts[s].ngl; k++)
      sb_buf_printf(lp, " g_%u_%u\n", s, k);
  }
  sb_buf_puts(lp, "Binary\n");
  for (uint32_t e = 0; e < st.n; e++) {
    if (st.state[e] != SBS_UNDECIDED) continue;
    sb_buf_printf(lp, " u_%u\n", e);
    for (uint32_t s = 0; s < st.S; s++) sb_buf_printf(lp, " x_%u_%u\n", e, s);
  }
  sb_buf_puts(lp, "End\n");
  return lp->oom ? SENBID_E_NOMEM : SENBID_OK;
}
