/*
 * Master leave: every rule of the agreements, one function each, with its
 * clause (SPEC section 2; NBPC 2019 Art. 14 B-C; INS 1995 Art. 14 D; ICE
 * 2019 Art. 18 Sec. 2.E-F), and the decision sequence one step at a time.
 * round_robin and lexicographic (solve.c), check (check.c) and the
 * completion tests (lex.c) all call these; none writes a rule again.
 *
 * Data structures: off is one counter array per capacity pool (a group or
 * a total) over the period's days, allocated when first touched, and
 * cap(g, d) is read from two small per-day arrays, so a fit test or a grant
 * costs the days of the option plus the employee's own leave, never the
 * roster.
 */
#include <stdlib.h>
#include <string.h>

#include "leave.h"

const char *const lv_reason_name[] = {
    "OK",       "OUTSIDE_PERIOD", "OVERLAP", "CAPACITY",
    "BALANCE",  "MAX_DAYS",       "MIN_LEAVE"};

/* ------------------------------------------------------------------------ */
/* Capacity: cap(g, d), totals, off(g, d)                                   */
/* ------------------------------------------------------------------------ */

/* NBPC2019.ART14.B: cap(g, d) is the smallest override covering d for g
 * (or for every group), even below a larger group capacity; then
 * groups[g]; then default; else unlimited (SPEC section 9). */
int32_t lv_cap(const lv_state *s, uint32_t g, uint32_t di) {
  int32_t o = s->ov_all[di];
  if (s->ov_group[g] && s->ov_group[g][di] < o) o = s->ov_group[g][di];
  if (o != LV_UNLIMITED) return o;
  return s->d->group_base[g];
}

/* NBPC2019.ART14.B: capacity.totals caps several groups together on its
 * days (SPEC section 2). */
int32_t lv_pool_cap(const lv_state *s, uint32_t pool, uint32_t di) {
  const lv_data *d = s->d;
  if (pool < d->ngroups) return lv_cap(s, pool, di);
  const lv_total *t = &d->totals[pool - d->ngroups];
  sb_day day = d->period.start + (sb_day)di;
  return day >= t->r.start && day <= t->r.end ? t->max : LV_UNLIMITED;
}

int64_t lv_pool_room(const lv_state *s, uint32_t pool, uint32_t di) {
  int32_t cap = lv_pool_cap(s, pool, di);
  if (cap == LV_UNLIMITED) return INT64_MAX;
  return (int64_t)cap - lv_pool_off(s, pool, di);
}

int64_t lv_group_room(const lv_state *s, uint32_t g, uint32_t di) {
  const lv_data *d = s->d;
  int64_t room = INT64_MAX;
  for (uint32_t k = 0; k < d->gnpools[g]; k++) {
    int64_t r = lv_pool_room(s, d->gpools[g][k], di);
    if (r < room) room = r;
  }
  return room;
}

static uint32_t *off_array(lv_state *s, uint32_t pool) {
  if (!s->off[pool])
    s->off[pool] = sb_arena_array(s->ar, s->d->ndays, sizeof(uint32_t));
  return s->off[pool];
}

/* Counts r (clipped to the period) in every pool of e's group. */
static int count_leave(lv_state *s, uint32_t e, sb_range r, int delta) {
  const lv_data *d = s->d;
  sb_day a = r.start > d->period.start ? r.start : d->period.start;
  sb_day b = r.end < d->period.end ? r.end : d->period.end;
  uint32_t g = d->emps[e].group;
  for (uint32_t k = 0; k < d->gnpools[g]; k++) {
    uint32_t pool = d->gpools[g][k];
    sb_day lo = a, hi = b;
    if (pool >= d->ngroups) {
      /* A total counts only on its days (nothing reads it elsewhere). */
      const lv_total *t = &d->totals[pool - d->ngroups];
      if (t->r.start > lo) lo = t->r.start;
      if (t->r.end < hi) hi = t->r.end;
      if (lo > hi) continue;
    }
    uint32_t *off = off_array(s, pool);
    if (!off) return sb_err_nomem(s->ctx->err);
    for (sb_day day = lo; day <= hi; day++)
      off[day - d->period.start] += (uint32_t)delta;
  }
  return SENBID_OK;
}

/* ------------------------------------------------------------------------ */
/* The state                                                                */
/* ------------------------------------------------------------------------ */

int lv_state_init(lv_state *s, sb_ctx *ctx) {
  const senbid_problem *p = ctx->p;
  const lv_data *d = p->kind_data;
  memset(s, 0, sizeof *s);
  s->p = p;
  s->d = d;
  s->ctx = ctx;
  s->ar = &ctx->scratch;
  sb_vec_init(&s->grants, &p->alloc, sizeof(lv_grant));
  sb_vec_init(&s->denials, &p->alloc, sizeof(lv_denial));
  sb_vec_init(&s->whys, &p->alloc, sizeof(lv_why));
  sb_vec_init(&s->events, &p->alloc, sizeof(uint8_t));
  sb_vec_init(&s->rejects, &p->alloc, sizeof(lv_reject));
  sb_vec_init(&s->rounds, &p->alloc, sizeof(lv_round_rec));
  sb_vec_init(&s->round_emps, &p->alloc, sizeof(uint32_t));
  uint32_t nd = d->ndays, ne = p->nemps ? p->nemps : 1;
  s->ov_all = sb_arena_array(s->ar, nd, sizeof(int32_t));
  s->ov_group = sb_arena_array(s->ar, d->ngroups + 1, sizeof(int32_t *));
  s->off = sb_arena_array(s->ar, d->npools + 1, sizeof(uint32_t *));
  s->granted_days = sb_arena_array(s->ar, ne, sizeof(int64_t));
  s->charged_hours = sb_arena_array(s->ar, ne, sizeof(double));
  s->balance_left = sb_arena_array(s->ar, ne, sizeof(double));
  s->next_choice = sb_arena_array(s->ar, d->nreq + 1, sizeof(uint32_t));
  s->granted = sb_arena_array(s->ar, ne, sizeof(sb_range *));
  s->ngranted = sb_arena_array(s->ar, ne, sizeof(uint32_t));
  if (!s->ov_all || !s->ov_group || !s->off || !s->granted_days ||
      !s->charged_hours || !s->balance_left || !s->next_choice ||
      !s->granted || !s->ngranted)
    return sb_err_nomem(ctx->err);

  for (uint32_t i = 0; i < nd; i++) s->ov_all[i] = LV_UNLIMITED;
  for (uint32_t k = 0; k < d->noverrides; k++) {
    const lv_override *o = &d->overrides[k];
    if (o->group == -2) continue; /* a group nobody belongs to */
    int32_t *arr = s->ov_all;
    if (o->group >= 0) {
      if (!s->ov_group[o->group]) {
        s->ov_group[o->group] = sb_arena_array(s->ar, nd, sizeof(int32_t));
        if (!s->ov_group[o->group]) return sb_err_nomem(ctx->err);
        for (uint32_t i = 0; i < nd; i++) s->ov_group[o->group][i] = LV_UNLIMITED;
      }
      arr = s->ov_group[o->group];
    }
    sb_day a = o->r.start > d->period.start ? o->r.start : d->period.start;
    sb_day b = o->r.end < d->period.end ? o->r.end : d->period.end;
    for (sb_day day = a; day <= b; day++) {
      uint32_t di = (uint32_t)(day - d->period.start);
      if (o->max < arr[di]) arr[di] = o->max;
    }
  }
  for (uint32_t e = 0; e < p->nemps; e++) {
    const lv_emp *em = &d->emps[e];
    s->balance_left[e] = em->balance;
    if (em->request >= 0) {
      uint32_t n = d->req_nchoices[em->request];
      s->granted[e] = sb_arena_array(s->ar, n ? n : 1, sizeof(sb_range));
      if (!s->granted[e]) return sb_err_nomem(ctx->err);
    }
    /* NBPC2019.ART14.C6 (ICE2019.ART18.SEC2.F): approved leave counts in
     * off(g, d) and total(t, d) and is never revoked, even above a cap. */
    for (uint32_t k = 0; k < em->nappr; k++) {
      sb_range r = d->appr_merged[em->first_appr + k];
      if (r.end < d->period.start || r.start > d->period.end) continue;
      SB_TRY(count_leave(s, e, r, 1));
    }
  }
  return SENBID_OK;
}

void lv_state_free(lv_state *s) {
  lv_lex_free(s);
  sb_vec_free(&s->grants);
  sb_vec_free(&s->denials);
  sb_vec_free(&s->whys);
  sb_vec_free(&s->events);
  sb_vec_free(&s->rejects);
  sb_vec_free(&s->rounds);
  sb_vec_free(&s->round_emps);
}

/* ------------------------------------------------------------------------ */
/* The fit tests (SPEC section 2), in the order they are tried              */
/* ------------------------------------------------------------------------ */

/* NBPC2019.ART14.C: charged days are the workdays of r that are not
 * holidays (5 U.S.C. 6103 observed dates, or the document's list). */
int32_t lv_charged_days(const lv_state *s, uint32_t e, sb_range r) {
  const lv_data *d = s->d;
  uint8_t mask = d->emps[e].workdays;
  int32_t n = 0;
  int wd = sb_weekday(r.start);
  for (sb_day day = r.start; day <= r.end; day++, wd = wd == 6 ? 0 : wd + 1) {
    if (!(mask & (1u << wd))) continue;
    if (day >= d->period.start && day <= d->period.end &&
        d->holiday[day - d->period.start])
      continue;
    n++;
  }
  return n;
}

/* 1. OUTSIDE_PERIOD (NBPC2019.ART14.B): leave is scheduled within the
 * six-month period. */
bool lv_rule_outside_period(const lv_data *d, sb_range r) {
  return r.start < d->period.start || r.end > d->period.end;
}

static bool ranges_meet(sb_range a, sb_range b) {
  return a.start <= b.end && b.start <= a.end;
}

/* 2. OVERLAP (NBPC2019.ART14.C6): an option may not meet the employee's
 * approved leave, which stands, or leave already granted in this run. */
bool lv_rule_overlap(const lv_state *s, uint32_t e, sb_range r) {
  const lv_data *d = s->d;
  const lv_emp *em = &d->emps[e];
  for (uint32_t k = 0; k < em->nappr; k++)
    if (ranges_meet(d->appr_merged[em->first_appr + k], r)) return true;
  for (uint32_t k = 0; k < s->ngranted[e]; k++)
    if (ranges_meet(s->granted[e][k], r)) return true;
  return false;
}

/* 3. CAPACITY (NBPC2019.ART14.B): off(g, d) < cap(g, d) and total(t, d) <
 * t.max for every day of r and every total naming g; *date is the first
 * full day in date order. The group's days are scanned first; each total
 * then only on its own days before the earliest full day found so far. */
bool lv_rule_capacity(const lv_state *s, uint32_t e, sb_range r,
                      sb_day *date) {
  const lv_data *d = s->d;
  uint32_t g = d->emps[e].group;
  sb_day last = r.end; /* days after a full one need no look */
  bool full = false;
  for (sb_day day = r.start; day <= last; day++) {
    uint32_t di = (uint32_t)(day - d->period.start);
    int32_t cap = lv_cap(s, g, di);
    if (cap != LV_UNLIMITED && (int64_t)lv_pool_off(s, g, di) >= cap) {
      *date = day;
      full = true;
      last = day - 1;
    }
  }
  for (uint32_t k = 1; k < d->gnpools[g]; k++) {
    uint32_t pool = d->gpools[g][k];
    const lv_total *t = &d->totals[pool - d->ngroups];
    const uint32_t *off = s->off[pool];
    sb_day a = r.start > t->r.start ? r.start : t->r.start;
    sb_day b = last < t->r.end ? last : t->r.end;
    for (sb_day day = a; day <= b; day++)
      if ((int64_t)(off ? off[day - d->period.start] : 0) >= t->max) {
        *date = day;
        full = true;
        last = day - 1;
        break;
      }
  }
  return full;
}

/* 4. BALANCE (NBPC2019.ART14.A): the hours charged fit the balance left
 * after this run's grants (approved leave does not reduce it, SPEC 9). */
bool lv_rule_balance(const lv_state *s, uint32_t e, double hours) {
  const lv_emp *em = &s->d->emps[e];
  return em->has_balance && hours > s->balance_left[e] + LV_EPS;
}

/* 5. MAX_DAYS (NBPC2019.ART14.B): calendar days granted in this run stay
 * within rules.max_days_per_employee. */
bool lv_rule_max_days(const lv_state *s, uint32_t e, int64_t days) {
  const lv_data *d = s->d;
  return d->has_max_days && s->granted_days[e] + days > d->max_days;
}

int lv_fit(const lv_state *s, uint32_t e, sb_range r, sb_day *date) {
  const lv_emp *em = &s->d->emps[e];
  if (lv_rule_outside_period(s->d, r)) return LV_OUTSIDE_PERIOD;
  if (lv_rule_overlap(s, e, r)) return LV_OVERLAP;
  if (lv_rule_capacity(s, e, r, date)) return LV_CAPACITY;
  if (em->has_balance &&
      lv_rule_balance(s, e, lv_charged_days(s, e, r) * em->hours_per_day))
    return LV_BALANCE;
  if (lv_rule_max_days(s, e, r.end - r.start + 1)) return LV_MAX_DAYS;
  return LV_OK;
}

int lv_apply(lv_state *s, uint32_t e, sb_range r, int32_t charged_days) {
  const lv_emp *em = &s->d->emps[e];
  SB_TRY(count_leave(s, e, r, 1));
  double h = charged_days * em->hours_per_day;
  s->granted_days[e] += r.end - r.start + 1;
  s->charged_hours[e] += h;
  s->balance_left[e] -= h;
  uint32_t *cap = s->seq.gcap;
  if (cap && s->ngranted[e] == cap[e]) {
    /* A session's live bids may grant more than the stored choices. */
    sb_range *g = sb_arena_array(s->ar, 2 * (size_t)cap[e], sizeof *g);
    if (!g) return sb_err_nomem(s->ctx->err);
    memcpy(g, s->granted[e], cap[e] * sizeof *g);
    s->granted[e] = g;
    cap[e] *= 2;
  }
  s->granted[e][s->ngranted[e]++] = r;
  return SENBID_OK;
}

void lv_unapply(lv_state *s, uint32_t e, sb_range r, int32_t charged_days) {
  const lv_emp *em = &s->d->emps[e];
  (void)count_leave(s, e, r, -1); /* the arrays exist: nothing allocated */
  double h = charged_days * em->hours_per_day;
  s->granted_days[e] -= r.end - r.start + 1;
  s->charged_hours[e] -= h;
  s->balance_left[e] += h;
  s->ngranted[e]--;
}

/* ------------------------------------------------------------------------ */
/* The round order (NBPC 2019 Art. 14 C.2; INS 1995 Art. 14 D; ICE 2019     */
/* Art. 18 Sec. 2.E)                                                        */
/* ------------------------------------------------------------------------ */

typedef struct lv_okey {
  double k[LV_NFACTORS]; /* smaller first, in the factors' order */
  uint32_t rank, slot;
} lv_okey;

static int cmp_okey(const void *a, const void *b) {
  const lv_okey *x = a, *y = b;
  for (int i = 0; i < LV_NFACTORS; i++)
    if (x->k[i] != y->k[i]) return x->k[i] < y->k[i] ? -1 : 1;
  return (x->rank > y->rank) - (x->rank < y->rank);
}

/* What each factor is, for the explanation of a contested decision. */
const lv_factor_info lv_factor_infos[LV_NFACTORS] = {
    [LV_F_SENIORITY] = {"seniority", "NBPC2019.ART14.C2", "seniority", ""},
    [LV_F_USE_OR_LOSE] = {"use_or_lose", "ICE2019.ART18.SEC2.E.1",
                          "use-or-lose hours", "ICE 2019 Art. 18 Sec. 2.E.1"},
    [LV_F_LEAVE_CREDIT] = {"leave_credit", "INS1995.ART14.D.1",
                           "more leave to credit", "INS 1995 Art. 14 D(1)"},
    [LV_F_SCHOOL_CHILDREN] = {"school_children", "ICE2019.ART18.SEC2.E.2",
                              "school-age children and the leave in a school "
                              "break",
                              "ICE 2019 Art. 18 Sec. 2.E.2"},
    [LV_F_PREVIOUS_DENIAL] = {"previous_denial", "ICE2019.ART18.SEC2.E.3",
                              "denied leave in the previous period",
                              "ICE 2019 Art. 18 Sec. 2.E.3"},
};

/* INS1995.ART14.D / ICE2019.ART18.SEC2.E: within a round, the employees
 * who come first under rules.priority, factor by factor; seniority (the
 * policy's order) ends it. Each key is fixed when the round starts, from
 * the employee's first pending choice c (school_children; UINT32_MAX:
 * none). */
double lv_factor_key(const lv_state *s, uint8_t f, uint32_t e, uint32_t c) {
  const lv_data *d = s->d;
  const lv_emp *em = &d->emps[e];
  switch (f) {
  case LV_F_USE_OR_LOSE: /* ICE2019.ART18.SEC2.E.1 */
    return em->use_or_lose > 0 ? 0 : 1;
  case LV_F_LEAVE_CREDIT: /* INS1995.ART14.D(1): more leave to credit */
    return em->has_balance ? -em->balance : 0;
  case LV_F_SCHOOL_CHILDREN: /* ICE2019.ART18.SEC2.E.2 */
    /* A session's employee with no stored choice pending: no break. */
    return c != UINT32_MAX && em->school_children && d->choices[c].school ? 0 : 1;
  case LV_F_PREVIOUS_DENIAL: /* ICE2019.ART18.SEC2.E.3 */
    return em->denied_previous ? 0 : 1;
  default: /* seniority: the policy's order */
    return s->seq.rank[e];
  }
}

static int round_order(lv_state *s) {
  lv_seq *q = &s->seq;
  const lv_data *d = s->d;
  q->norder = q->nactive;
  q->pos = 0;
  if (!d->priority_rule) { /* NBPC2019.ART14.C2: seniority alone */
    q->order = q->active;
    return SENBID_OK;
  }
  lv_okey *keys = sb_mem_alloc(&s->p->alloc, (q->nactive + 1) * sizeof *keys);
  if (!keys) return sb_err_nomem(s->ctx->err);
  for (uint32_t i = 0; i < q->nactive; i++) {
    const lv_slot *a = &q->active[i];
    uint32_t e = a->e, next = s->next_choice[a->q];
    uint32_t c = next < a->n ? a->first + next : UINT32_MAX;
    lv_okey *k = &keys[i];
    memset(k->k, 0, sizeof k->k);
    for (uint32_t f = 0; f < d->nfactors; f++)
      k->k[f] = lv_factor_key(s, d->factors[f], e, c);
    k->rank = q->rank[e];
    k->slot = i;
  }
  qsort(keys, q->nactive, sizeof *keys, cmp_okey);
  for (uint32_t i = 0; i < q->nactive; i++) q->order[i] = q->active[keys[i].slot];
  sb_mem_free(&s->p->alloc, keys);
  /* The audit records the order (event round_order). */
  lv_round_rec *rr = sb_vec_push(&s->rounds);
  if (!rr) return sb_err_nomem(s->ctx->err);
  rr->round = q->round;
  rr->first = (uint32_t)s->round_emps.len;
  rr->n = q->norder;
  if (sb_vec_reserve(&s->round_emps, s->round_emps.len + q->norder) < 0)
    return sb_err_nomem(s->ctx->err);
  for (uint32_t i = 0; i < q->norder; i++)
    *(uint32_t *)sb_vec_push(&s->round_emps) = q->order[i].e;
  uint8_t *ev = sb_vec_push(&s->events);
  if (!ev) return sb_err_nomem(s->ctx->err);
  *ev = LV_EV_ROUND;
  return SENBID_OK;
}

/* ------------------------------------------------------------------------ */
/* The decision sequence (SPEC section 2 round_robin; section 10 sessions) */
/* ------------------------------------------------------------------------ */

int lv_seq_init(lv_state *s) {
  const lv_data *d = s->d;
  const senbid_problem *p = s->p;
  lv_seq *q = &s->seq;
  /* order := seniority order restricted to employees with requests. */
  q->active = sb_arena_array(s->ar, d->nreq + 1, sizeof(lv_slot));
  if (!q->active) return sb_err_nomem(s->ctx->err);
  if (d->priority_rule) {
    q->order = sb_arena_array(s->ar, d->nreq + 1, sizeof(lv_slot));
    q->rank = sb_arena_array(s->ar, p->nemps + 1, sizeof(uint32_t));
    if (!q->order || !q->rank) return sb_err_nomem(s->ctx->err);
    for (uint32_t i = 0; i < p->nemps; i++) q->rank[p->sen.order[i]] = i;
  }
  if (q->session) {
    q->passed = sb_arena_array(s->ar, d->nreq + 1, 1);
    q->used = sb_arena_array(s->ar, d->nchoices + 1, 1);
    q->gcap = sb_arena_array(s->ar, p->nemps + 1, sizeof(uint32_t));
    if (!q->passed || !q->used || !q->gcap) return sb_err_nomem(s->ctx->err);
    for (uint32_t e = 0; e < p->nemps; e++) {
      int32_t r = d->emps[e].request;
      q->gcap[e] = r >= 0 && d->req_nchoices[r] ? d->req_nchoices[r] : 1;
    }
  }
  for (uint32_t i = 0; i < p->nemps; i++) {
    uint32_t e = p->sen.order[i];
    int32_t r = d->emps[e].request;
    if (r >= 0 && (d->req_nchoices[r] > 0 || q->session))
      q->active[q->nactive++] = (lv_slot){(uint32_t)r, e, d->req_first_choice[r],
                                          d->req_nchoices[r], p->emps[e].id};
  }
  return SENBID_OK;
}

int lv_turn_next(lv_state *s, lv_turn *t) {
  const lv_data *d = s->d;
  lv_seq *q = &s->seq;
  while (!q->started || q->pos >= q->norder) {
    if (q->started) {
      /* The round ended: the employees with choices left, in seniority
       * order, take a turn in the next. */
      uint32_t kept = 0;
      for (uint32_t i = 0; i < q->nactive; i++) {
        const lv_slot *a = &q->active[i];
        if (q->session ? !q->passed[a->q] : s->next_choice[a->q] < a->n)
          q->active[kept++] = *a;
      }
      q->nactive = kept;
    }
    if (q->nactive == 0) return 0;
    q->started = true;
    q->round++;
    SB_TRY(round_order(s));
  }
  enum { AHEAD = 8, NEAR = 4 };
  if (q->pos + AHEAD < q->norder) {
    /* The next employees' state is scattered: ask for it early. */
    const lv_slot *b = &q->order[q->pos + AHEAD];
    SB_PREFETCH(&s->next_choice[b->q]);
    /* An active employee has decided at least one choice a round. */
    SB_PREFETCH(&d->choices[b->first + q->round - 1]);
    SB_PREFETCH(&d->emps[b->e]);
    SB_PREFETCH(&s->granted[b->e]);
    SB_PREFETCH(&s->ngranted[b->e]);
    SB_PREFETCH(&s->granted_days[b->e]);
    SB_PREFETCH(&s->balance_left[b->e]);
    SB_PREFETCH(&s->charged_hours[b->e]);
    if (q->session) {
      /* A session compares the id of each action with the one on turn,
       * skips the choices a live bid used up and checks the room for
       * grants. */
      SB_PREFETCH(b->eid);
      SB_PREFETCH(&q->used[b->first + q->round - 1]);
      SB_PREFETCH(&q->gcap[b->e]);
    }
  }
  if (q->pos + NEAR < q->norder) {
    /* Its choice arrived in the meantime; now its options. */
    const lv_slot *b = &q->order[q->pos + NEAR];
    uint32_t next = s->next_choice[b->q];
    if (next < b->n) {
      SB_PREFETCH(&d->opts[d->choices[b->first + next].first_opt]);
      /* Its leave granted so far (OVERLAP reads it, a grant appends); a
       * session's turn with no choice left is a pass and reads neither. */
      SB_PREFETCH(s->granted[b->e]);
    }
  }
  t->a = q->order[q->pos++];
  t->round = q->round;
  t->position = q->pos;
  return 1;
}

int64_t lv_pending_choice(const lv_state *s, const lv_turn *t) {
  uint32_t n = s->next_choice[t->a.q];
  return n < t->a.n ? (int64_t)(t->a.first + n) : -1;
}

void lv_turn_end(lv_state *s, const lv_turn *t, bool drop) {
  if (!drop) return;
  s->next_choice[t->a.q] = t->a.n;
  if (s->seq.session) s->seq.passed[t->a.q] = 1;
}

/* The first pending choice skips those a live bid used up. */
static void skip_used(lv_state *s, const lv_turn *t) {
  const uint8_t *u = s->seq.used;
  uint32_t *n = &s->next_choice[t->a.q];
  if (u)
    while (*n < t->a.n && u[t->a.first + *n]) (*n)++;
}

void lv_use_choice(lv_state *s, const lv_turn *t, uint32_t c) {
  s->seq.used[c] = 1;
  skip_used(s, t);
}

/* sb_vec_push without a call while there is room, once per decision and
 * more: the caller sets the whole element (a compound literal). */
static inline void *push(sb_vec *v) {
  if (v->len < v->cap) return (char *)v->data + v->len++ * v->elem;
  return sb_vec_push(v);
}

static int log_event(lv_state *s, enum lv_event ev) {
  uint8_t *x = push(&s->events);
  if (!x) return sb_err_nomem(s->ctx->err);
  *x = (uint8_t)ev;
  return SENBID_OK;
}

const char *lv_rule_grant_clause(uint32_t opt) {
  /* NBPC2019.ART14.C2: the first available choice; C3: an alternate. */
  return opt == 0 ? "NBPC2019.ART14.C2" : "NBPC2019.ART14.C3";
}

/* NBPC2019.ART14.C2-C3: grant the first option of c that fits (and, with
 * the lexicographic gate, leaves a completion: NBPC2019.ART14.A), else
 * deny c with each option's reason. `gated` is a constant in each of the
 * two instances, so the round_robin one carries no gate code. */
static inline int decide_generic(lv_state *s, lv_gate *gate, uint32_t e,
                                 const char *eid, uint32_t c,
                                 const lv_choice *ch, const sb_range *opts,
                                 uint32_t round, const bool gated) {
  const lv_data *d = s->d;
  size_t first_why = s->whys.len;
  size_t first_reject = s->rejects.len, first_event = s->events.len;
  sb_day full = LV_NO_DAY; /* the first CAPACITY date, for an alternate */
  for (uint32_t k = 0; k < ch->nopts; k++) {
    sb_range r = opts[ch->first_opt + k];
    sb_day date = 0;
    int why = lv_fit(s, e, r, &date);
    int32_t cd = 0;
    if (why == LV_OK) {
      cd = lv_charged_days(s, e, r);
      SB_TRY(lv_apply(s, e, r, cd));
      if (gated && !gate->stopped) {
        bool keep = true, timed_out = false;
        int rc = gate->keep(s, e, c, k, &keep, &timed_out);
        if (rc < 0) {
          lv_unapply(s, e, r, cd);
          return rc;
        }
        if (timed_out) {
          /* SPEC 9: at the time limit gating stops; this decision and the
           * rest are made as round_robin makes them, so what the gate
           * refused in it is taken back and it is made again. */
          gate->stopped = true;
          lv_unapply(s, e, r, cd);
          s->whys.len = first_why;
          s->rejects.len = first_reject;
          s->events.len = first_event;
          return decide_generic(s, NULL, e, eid, c, ch, opts, round, false);
        }
        if (!keep) {
          lv_unapply(s, e, r, cd);
          why = LV_MIN_LEAVE;
          lv_reject *x = sb_vec_push(&s->rejects);
          if (!x) return sb_err_nomem(s->ctx->err);
          x->opt = k;
          x->r = r;
          x->eid = eid;
          x->cid = ch->id;
          SB_TRY(log_event(s, LV_EV_REJECT));
        }
      }
    }
    if (why == LV_OK) {
      lv_grant *g = push(&s->grants);
      if (!g) return sb_err_nomem(s->ctx->err);
      *g = (lv_grant){.emp = e,
                      .choice = c,
                      .opt = k,
                      .round = round,
                      .charged_days = cd,
                      .r = r,
                      .full = full,
                      .charged_hours = cd * d->emps[e].hours_per_day,
                      .eid = eid,
                      .cid = ch->id};
      s->whys.len = first_why;
      SB_TRY(log_event(s, LV_EV_GRANT));
      return 1;
    }
    lv_why *w = push(&s->whys);
    if (!w) return sb_err_nomem(s->ctx->err);
    *w = (lv_why){.opt = k, .reason = (uint8_t)why, .date = date};
    if (why == LV_CAPACITY && full == LV_NO_DAY) full = date;
  }
  lv_denial *dn = push(&s->denials);
  if (!dn) return sb_err_nomem(s->ctx->err);
  *dn = (lv_denial){.emp = e,
                    .choice = c,
                    .round = round,
                    .first_reason = (uint32_t)first_why,
                    .nreasons = (uint32_t)(s->whys.len - first_why),
                    .eid = eid,
                    .cid = ch->id};
  if (gated && !gate->stopped && gate->denied) gate->denied(s, e, c);
  SB_TRY(log_event(s, LV_EV_DENY));
  return 0;
}

int lv_decide_choice(lv_state *s, lv_gate *gate, const lv_turn *t,
                     uint32_t c) {
  /* The choice is used up whatever the outcome (C.3: a denied choice
   * needs a new alternate from the employee). */
  if (c == t->a.first + s->next_choice[t->a.q]) {
    s->next_choice[t->a.q]++;
    skip_used(s, t);
  }
  s->decisions++;
  if (gate && gate->bounded && gate->gated >= gate->until) gate->stopped = true;
  const lv_choice *ch = &s->d->choices[c];
  if (gate && !gate->stopped) {
    int rc = decide_generic(s, gate, t->a.e, t->a.eid, c, ch, s->d->opts,
                            t->round, true);
    if (rc >= 0 && !gate->stopped) gate->gated++;
    return rc;
  }
  return decide_generic(s, NULL, t->a.e, t->a.eid, c, ch, s->d->opts,
                        t->round, false);
}

int lv_decide_live(lv_state *s, const lv_turn *t, const lv_choice *ch,
                   const sb_range *opts) {
  s->decisions++;
  return decide_generic(s, NULL, t->a.e, t->a.eid, UINT32_MAX, ch, opts,
                        t->round, false);
}

/* NBPC2019.ART14.C3: an employee with a denied choice must be asked for
 * another alternate. */
uint8_t *lv_rule_notify(lv_state *s) {
  uint8_t *denied = sb_arena_array(s->ar, s->p->nemps + 1, 1);
  if (!denied) return NULL;
  for (size_t i = 0; i < s->denials.len; i++)
    denied[SB_VEC_AT(&s->denials, lv_denial, i).emp] = 1;
  return denied;
}
