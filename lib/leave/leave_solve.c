/*
 * Master leave: the round-robin seniority pass (SPEC section 2; NBPC 2019
 * Art. 14 C.2-C.3) and the decision loop shared with the lexicographic
 * method (SPEC section 9, "Lexicographic / Leave").
 *
 * Data structures: off(g, d) is one counter array per group over the
 * period's days, allocated when the group is first touched, and cap(g, d)
 * is read from two small per-day arrays, so a fit test or a grant costs the
 * days of the option plus the employee's own leave, never the roster.
 */
#include <stdio.h>
#include <string.h>

#include "leave_int.h"

/* Hours compare with a small tolerance: balances may be fractional. */
#define LV_EPS 1e-9

int32_t lv_cap(const lv_state *s, uint32_t g, uint32_t di) {
  /* SPEC section 2: the smallest override covering d for g (or for every
   * group) wins, even over a larger group capacity; then groups[g]; then
   * default; else unlimited (section 9). */
  int32_t o = s->ov_all[di];
  if (s->ov_group[g] && s->ov_group[g][di] < o) o = s->ov_group[g][di];
  if (o != LV_UNLIMITED) return o;
  return s->d->group_base[g];
}

static uint32_t *off_array(lv_state *s, uint32_t g) {
  if (!s->off[g]) s->off[g] = sb_arena_array(s->ar, s->d->ndays, sizeof(uint32_t));
  return s->off[g];
}

int lv_state_init(lv_state *s, sb_ctx *ctx) {
  const senbid_problem *p = ctx->p;
  const lv_data *d = p->kind_data;
  memset(s, 0, sizeof *s);
  s->p = p;
  s->d = d;
  s->ctx = ctx;
  s->ar = &ctx->scratch;
  uint32_t nd = d->ndays, ne = p->nemps ? p->nemps : 1;
  s->ov_all = sb_arena_array(s->ar, nd, sizeof(int32_t));
  s->ov_group = sb_arena_array(s->ar, d->ngroups + 1, sizeof(int32_t *));
  s->off = sb_arena_array(s->ar, d->ngroups + 1, sizeof(uint32_t *));
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
  sb_vec_init(&s->grants, &p->alloc, sizeof(lv_grant));
  sb_vec_init(&s->denials, &p->alloc, sizeof(lv_denial));
  sb_vec_init(&s->whys, &p->alloc, sizeof(lv_why));
  sb_vec_init(&s->events, &p->alloc, sizeof(uint8_t));
  sb_vec_init(&s->rejects, &p->alloc, sizeof(lv_reject));

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
    /* Approved leave is in off(g, d) and is never revoked (NBPC 2019 Art.
     * 14 C.6, ICE 2019 Art. 18 Sec. 2.F), even above a cap. */
    for (uint32_t k = 0; k < em->nappr; k++) {
      sb_range r = d->appr_merged[em->first_appr + k];
      sb_day a = r.start > d->period.start ? r.start : d->period.start;
      sb_day b = r.end < d->period.end ? r.end : d->period.end;
      if (a > b) continue;
      uint32_t *off = off_array(s, em->group);
      if (!off) return sb_err_nomem(ctx->err);
      for (sb_day day = a; day <= b; day++) off[day - d->period.start]++;
    }
  }
  return SENBID_OK;
}

void lv_state_free(lv_state *s) {
  sb_vec_free(&s->grants);
  sb_vec_free(&s->denials);
  sb_vec_free(&s->whys);
  sb_vec_free(&s->events);
  sb_vec_free(&s->rejects);
  lv_lex_free(s);
}

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

static bool ranges_meet(sb_range a, sb_range b) {
  return a.start <= b.end && b.start <= a.end;
}

bool lv_overlaps_own(const lv_state *s, uint32_t e, sb_range r) {
  const lv_data *d = s->d;
  const lv_emp *em = &d->emps[e];
  for (uint32_t k = 0; k < em->nappr; k++)
    if (ranges_meet(d->appr_merged[em->first_appr + k], r)) return true;
  for (uint32_t k = 0; k < s->ngranted[e]; k++)
    if (ranges_meet(s->granted[e][k], r)) return true;
  return false;
}

int lv_fit(const lv_state *s, uint32_t e, sb_range r, sb_day *date) {
  const lv_data *d = s->d;
  const lv_emp *em = &d->emps[e];
  /* 1. OUTSIDE_PERIOD */
  if (r.start < d->period.start || r.end > d->period.end)
    return LV_OUTSIDE_PERIOD;
  /* 2. OVERLAP with approved or granted leave */
  if (lv_overlaps_own(s, e, r)) return LV_OVERLAP;
  /* 3. CAPACITY: the first full day */
  uint32_t g = em->group;
  for (sb_day day = r.start; day <= r.end; day++) {
    uint32_t di = (uint32_t)(day - d->period.start);
    int32_t cap = lv_cap(s, g, di);
    if (cap != LV_UNLIMITED && (int64_t)lv_off(s, g, di) >= cap) {
      *date = day;
      return LV_CAPACITY;
    }
  }
  /* 4. BALANCE: this run's grants only (SPEC section 9) */
  if (em->has_balance) {
    double h = lv_charged_days(s, e, r) * em->hours_per_day;
    if (h > s->balance_left[e] + LV_EPS) return LV_BALANCE;
  }
  /* 5. MAX_DAYS: calendar days granted in this run */
  if (d->has_max_days &&
      s->granted_days[e] + (r.end - r.start + 1) > d->max_days)
    return LV_MAX_DAYS;
  return LV_OK;
}

int lv_apply(lv_state *s, uint32_t e, sb_range r, int32_t charged_days) {
  const lv_data *d = s->d;
  const lv_emp *em = &d->emps[e];
  uint32_t *off = off_array(s, em->group);
  if (!off) return sb_err_nomem(s->ctx->err);
  for (sb_day day = r.start; day <= r.end; day++) off[day - d->period.start]++;
  double h = charged_days * em->hours_per_day;
  s->granted_days[e] += r.end - r.start + 1;
  s->charged_hours[e] += h;
  s->balance_left[e] -= h;
  s->granted[e][s->ngranted[e]++] = r;
  return SENBID_OK;
}

void lv_unapply(lv_state *s, uint32_t e, sb_range r, int32_t charged_days) {
  const lv_data *d = s->d;
  const lv_emp *em = &d->emps[e];
  uint32_t *off = s->off[em->group];
  for (sb_day day = r.start; day <= r.end; day++) off[day - d->period.start]--;
  double h = charged_days * em->hours_per_day;
  s->granted_days[e] -= r.end - r.start + 1;
  s->charged_hours[e] -= h;
  s->balance_left[e] += h;
  s->ngranted[e]--;
}

static int log_event(lv_state *s, enum lv_event ev) {
  uint8_t *x = sb_vec_push(&s->events);
  if (!x) return sb_err_nomem(s->ctx->err);
  *x = (uint8_t)ev;
  return SENBID_OK;
}

/* Decides choice c (global index) of employee e in this round: the first
 * option that fits (and, lexicographic, keeps the minimums reachable) is
 * granted; otherwise the choice is denied with each option's reason.
 * Returns 1 when granted, 0 when denied, <0 on error; *stop on time limit.
 * The audit is rendered later from the events logged here. */
static int decide(lv_state *s, uint32_t e, const char *eid, uint32_t c,
                  uint32_t round, bool *stop) {
  const lv_data *d = s->d;
  const lv_choice *ch = &d->choices[c];
  size_t first_why = s->whys.len;
  for (uint32_t k = 0; k < ch->nopts; k++) {
    sb_range r = d->opts[ch->first_opt + k];
    sb_day date = 0;
    int why = lv_fit(s, e, r, &date);
    int32_t cd = 0;
    if (why == LV_OK) {
      cd = lv_charged_days(s, e, r);
      SB_TRY(lv_apply(s, e, r, cd));
      if (s->lex) {
        bool keep = true, timed_out = false;
        int rc = lv_lex_keep(s, e, c, k, &keep, &timed_out);
        if (rc < 0 || timed_out) {
          lv_unapply(s, e, r, cd);
          if (timed_out) *stop = true;
          if (rc < 0) return rc;
          s->whys.len = first_why;
          return 0;
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
      lv_grant *g = sb_vec_push(&s->grants);
      if (!g) return sb_err_nomem(s->ctx->err);
      g->emp = e;
      g->choice = c;
      g->opt = k;
      g->round = round;
      g->charged_days = cd;
      g->charged_hours = cd * d->emps[e].hours_per_day;
      g->r = r;
      g->eid = eid;
      g->cid = ch->id;
      s->whys.len = first_why;
      SB_TRY(log_event(s, LV_EV_GRANT));
      return 1;
    }
    lv_why *w = sb_vec_push(&s->whys);
    if (!w) return sb_err_nomem(s->ctx->err);
    w->opt = k;
    w->reason = (uint8_t)why;
    w->date = date;
  }
  lv_denial *dn = sb_vec_push(&s->denials);
  if (!dn) return sb_err_nomem(s->ctx->err);
  dn->emp = e;
  dn->choice = c;
  dn->round = round;
  dn->first_reason = (uint32_t)first_why;
  dn->nreasons = (uint32_t)(s->whys.len - first_why);
  dn->eid = eid;
  dn->cid = ch->id;
  if (s->lex) lv_lex_denied(s, e, c);
  SB_TRY(log_event(s, LV_EV_DENY));
  return 0;
}

/* The rounds of SPEC section 2; *stopped when the time limit ended them. */
static int run_rounds(lv_state *s, bool *stopped) {
  const lv_data *d = s->d;
  const senbid_problem *p = s->p;
  sb_ctx *ctx = s->ctx;
  /* order := seniority order restricted to employees with requests. A
   * slot keeps what the loop needs of its request, and the id for the
   * records, so that the loop reads the slots in sequence. */
  typedef struct slot {
    uint32_t q, e, first, n;
    const char *eid;
  } slot;
  slot *active = sb_arena_array(s->ar, d->nreq + 1, sizeof(slot));
  if (!active) return sb_err_nomem(ctx->err);
  uint32_t nactive = 0;
  for (uint32_t i = 0; i < p->nemps; i++) {
    uint32_t e = p->sen.order[i];
    int32_t q = d->emps[e].request;
    if (q >= 0 && d->req_nchoices[q] > 0)
      active[nactive++] = (slot){(uint32_t)q, e, d->req_first_choice[q],
                                 d->req_nchoices[q], p->emps[e].id};
  }
  uint64_t total = d->nchoices, done = 0;
  bool stop = false;
  enum { AHEAD = 8, NEAR = 4 };
  for (uint32_t round = 1; nactive > 0 && !stop; round++) {
    uint32_t kept = 0;
    for (uint32_t i = 0; i < nactive && !stop; i++) {
      if (i + AHEAD < nactive) {
        /* The next employees' state is scattered: ask for it early. */
        const slot *b = &active[i + AHEAD];
        SB_PREFETCH(&s->next_choice[b->q]);
        /* An active employee has decided at least one choice a round. */
        SB_PREFETCH(&d->choices[b->first + round - 1]);
        SB_PREFETCH(&d->emps[b->e]);
        SB_PREFETCH(&s->granted[b->e]);
        SB_PREFETCH(&s->ngranted[b->e]);
        SB_PREFETCH(&s->granted_days[b->e]);
        SB_PREFETCH(&s->balance_left[b->e]);
        SB_PREFETCH(&s->charged_hours[b->e]);
      }
      if (i + NEAR < nactive) {
        /* Its choice arrived in the meantime; now its options. */
        const slot *b = &active[i + NEAR];
        uint32_t next = s->next_choice[b->q];
        if (next < b->n) SB_PREFETCH(&d->opts[d->choices[b->first + next].first_opt]);
      }
      slot a = active[i];
      uint32_t q = a.q, n = a.n;
      while (s->next_choice[q] < n && !stop) {
        uint32_t c = a.first + s->next_choice[q]++;
        int rc = decide(s, a.e, a.eid, c, round, &stop);
        if (rc < 0) return rc;
        if ((++done & 1023) == 0)
          SB_TRY(sb_ctx_progress(ctx, "decide", done, total));
        if (rc == 1) break; /* one grant per employee per round */
      }
      if (s->next_choice[q] < n) active[kept++] = a;
    }
    nactive = kept;
  }
  /* A last report, so a caller sees the final counts. */
  if (!stop) SB_TRY(sb_ctx_progress(ctx, "decide", done, total));
  *stopped = stop;
  return SENBID_OK;
}

int lv_replay(sb_ctx *ctx, lv_state *s, bool *feasible) {
  *feasible = true;
  int rc = lv_state_init(s, ctx);
  if (rc == SENBID_OK && ctx->method == SENBID_METHOD_LEXICOGRAPHIC &&
      s->d->nmin > 0) {
    bool timed_out = false;
    rc = lv_lex_init(s, feasible, &timed_out);
  }
  bool stopped = false;
  if (rc == SENBID_OK && *feasible) rc = run_rounds(s, &stopped);
  return rc;
}

static void write_results(lv_state *s, sb_out *o, bool infeasible) {
  const lv_data *d = s->d;
  const senbid_problem *p = s->p;
  sb_jw *w = &o->w;
  SB_JW_KEY(w, "grants");
  sb_jw_arr(w);
  for (size_t i = 0; i < s->grants.len; i++) {
    const lv_grant *g = &SB_VEC_AT(&s->grants, lv_grant, i);
    sb_range r = g->r;
    sb_jw_obj(w);
    SB_JW_KEY(w, "employee");
    sb_jw_str(w, g->eid);
    SB_JW_KEY(w, "choice");
    sb_jw_str(w, g->cid);
    SB_JW_KEY(w, "option");
    sb_jw_uint(w, g->opt);
    SB_JW_KEY(w, "start");
    sb_jw_date(w, r.start);
    SB_JW_KEY(w, "end");
    sb_jw_date(w, r.end);
    SB_JW_KEY(w, "round");
    sb_jw_uint(w, g->round);
    SB_JW_KEY(w, "charged_days");
    sb_jw_int(w, g->charged_days);
    SB_JW_KEY(w, "charged_hours");
    sb_jw_num(w, g->charged_hours);
    sb_jw_obj_end(w);
  }
  sb_jw_arr_end(w);

  /* notify: employees with a denied choice (NBPC 2019 Art. 14 C.3). */
  uint8_t *denied = sb_arena_array(s->ar, p->nemps ? p->nemps : 1, 1);
  SB_JW_KEY(w, "denials");
  sb_jw_arr(w);
  for (size_t i = 0; i < s->denials.len; i++) {
    const lv_denial *dn = &SB_VEC_AT(&s->denials, lv_denial, i);
    if (denied) denied[dn->emp] = 1;
    sb_jw_obj(w);
    SB_JW_KEY(w, "employee");
    sb_jw_str(w, dn->eid);
    SB_JW_KEY(w, "choice");
    sb_jw_str(w, dn->cid);
    SB_JW_KEY(w, "round");
    sb_jw_uint(w, dn->round);
    SB_JW_KEY(w, "options");
    sb_jw_arr(w);
    for (uint32_t k = 0; k < dn->nreasons; k++) {
      const lv_why *y = &SB_VEC_AT(&s->whys, lv_why, dn->first_reason + k);
      sb_jw_obj(w);
      SB_JW_KEY(w, "option");
      sb_jw_uint(w, y->opt);
      SB_JW_KEY(w, "reason");
      sb_jw_str(w, lv_reason_name[y->reason]);
      if (y->reason == LV_CAPACITY) {
        SB_JW_KEY(w, "date");
        sb_jw_date(w, y->date);
      }
      sb_jw_obj_end(w);
    }
    sb_jw_arr_end(w);
    sb_jw_obj_end(w);
  }
  sb_jw_arr_end(w);

  SB_JW_KEY(w, "employees");
  sb_jw_arr(w);
  for (uint32_t i = 0; i < p->nemps; i++) {
    uint32_t e = p->sen.order[i];
    if (d->emps[e].request < 0) continue;
    sb_jw_obj(w);
    SB_JW_KEY(w, "employee");
    sb_jw_str(w, p->emps[e].id);
    SB_JW_KEY(w, "granted_days");
    sb_jw_int(w, s->granted_days[e]);
    SB_JW_KEY(w, "charged_hours");
    sb_jw_num(w, s->charged_hours[e]);
    SB_JW_KEY(w, "balance_left_hours");
    if (d->emps[e].has_balance)
      sb_jw_num(w, s->balance_left[e]);
    else
      sb_jw_null(w);
    sb_jw_obj_end(w);
  }
  sb_jw_arr_end(w);

  SB_JW_KEY(w, "notify");
  sb_jw_arr(w);
  for (uint32_t i = 0; i < p->nemps && denied; i++) {
    uint32_t e = p->sen.order[i];
    if (denied[e]) sb_jw_str(w, p->emps[e].id);
  }
  sb_jw_arr_end(w);
  if (infeasible) {
    SB_JW_KEY(w, "infeasible");
    lv_lex_write_infeasible(s, w);
  }
}

static void put_str(sb_buf *b, const char *x) { sb_buf_put(b, x, strlen(x)); }

static void put_range(sb_buf *b, sb_range r) {
  char a[11], z[11];
  sb_date_format(r.start, a);
  sb_date_format(r.end, z);
  sb_buf_put(b, a, 10);
  sb_buf_put(b, "..", 2);
  sb_buf_put(b, z, 10);
}

/* "c1 option 0 2026-12-21..2026-12-25" */
static void put_option(sb_buf *b, const char *cid, uint32_t opt, sb_range r) {
  put_str(b, cid);
  put_str(b, " option ");
  sb_buf_put_uint(b, opt);
  sb_buf_putc(b, ' ');
  put_range(b, r);
}

/* The decisions' audit entries, straight into the result document, their
 * details built without printf (a large roster has millions). */
static int write_audit(lv_state *s, sb_out *o) {
  const senbid_problem *p = s->p;
  sb_out_open_audit(o);
  sb_buf t;
  sb_buf_init(&t, &p->alloc);
  size_t gi = 0, di = 0, ri = 0;
  for (size_t i = 0; i < s->events.len; i++) {
    uint8_t ev = SB_VEC_AT(&s->events, uint8_t, i);
    t.len = 0;
    put_str(&t, "choice ");
    if (ev == LV_EV_GRANT) {
      const lv_grant *g = &SB_VEC_AT(&s->grants, lv_grant, gi++);
      put_option(&t, g->cid, g->opt, g->r);
      put_str(&t, " round ");
      sb_buf_put_uint(&t, g->round);
      /* C.2: the first available choice; C.3: an alternate of it. */
      sb_audit_str(o, g->eid, "grant",
                   g->opt == 0 ? "NBPC2019.ART14.C2" : "NBPC2019.ART14.C3",
                   t.data, t.len);
    } else if (ev == LV_EV_DENY) {
      const lv_denial *dn = &SB_VEC_AT(&s->denials, lv_denial, di++);
      put_str(&t, dn->cid);
      put_str(&t, " round ");
      sb_buf_put_uint(&t, dn->round);
      put_str(&t, ": ");
      if (dn->nreasons == 0) put_str(&t, "no options");
      for (uint32_t k = 0; k < dn->nreasons; k++) {
        const lv_why *y = &SB_VEC_AT(&s->whys, lv_why, dn->first_reason + k);
        if (k) put_str(&t, ", ");
        sb_buf_put_uint(&t, y->opt);
        sb_buf_putc(&t, ':');
        put_str(&t, lv_reason_name[y->reason]);
      }
      /* C.3: none of the timeframes is available; the agency must ask for
       * another alternate. */
      sb_audit_str(o, dn->eid, "deny", "NBPC2019.ART14.C3",
                   t.data, t.len);
    } else {
      const lv_reject *x = &SB_VEC_AT(&s->rejects, lv_reject, ri++);
      put_option(&t, x->cid, x->opt, x->r);
      put_str(&t, ": min_leave_days could no longer be met");
      /* NBPC 2019 Art. 14 A: leave must be scheduled so that it is not
       * forfeited; the minimums stay reachable. */
      sb_audit_str(o, x->eid, "tentative_reject",
                   "NBPC2019.ART14.A", t.data, t.len);
    }
    if (t.oom) break;
  }
  bool oom = t.oom;
  sb_buf_free(&t);
  return oom ? sb_err_nomem(s->ctx->err) : SENBID_OK;
}

int lv_solve(sb_ctx *ctx, sb_out *o) {
  const lv_data *d = ctx->p->kind_data;
  lv_state s;
  int rc = lv_state_init(&s, ctx);
  if (rc < 0) {
    lv_state_free(&s);
    return rc;
  }
  /* Approved leave stands (NBPC 2019 Art. 14 C.6). */
  for (uint32_t i = 0; i < d->napproved; i++) {
    char a[11], b[11];
    sb_date_format(d->approved[i].r.start, a);
    sb_date_format(d->approved[i].r.end, b);
    sb_audit(o, ctx->p->emps[d->approved[i].emp].id, "approved",
             "NBPC2019.ART14.C6", "%s..%s stands", a, b);
  }
  bool feasible = true;
  if (ctx->method == SENBID_METHOD_LEXICOGRAPHIC && d->nmin > 0) {
    bool timed_out = false;
    rc = lv_lex_init(&s, &feasible, &timed_out);
    if (rc < 0) goto done;
    if (timed_out) {
      o->status = "time_limit";
      o->outcome = SENBID_OUTCOME_TIME_LIMIT;
      goto write;
    }
    if (!feasible) {
      sb_buf names;
      sb_buf_init(&names, &ctx->p->alloc);
      lv_lex_infeasible_names(&s, &names);
      if (sb_buf_terminate(&names) == 0)
        sb_audit(o, NULL, "infeasible", "NBPC2019.ART14.A",
                 "min_leave_days cannot all be met: %s", names.data);
      sb_buf_free(&names);
      o->status = "infeasible";
      o->outcome = SENBID_OUTCOME_INFEASIBLE;
    }
  }
  if (feasible) {
    bool stopped = false;
    rc = run_rounds(&s, &stopped);
    if (rc < 0) goto done;
    if (stopped) {
      o->status = "time_limit";
      o->outcome = SENBID_OUTCOME_TIME_LIMIT;
    }
  }
write:
  write_results(&s, o, !feasible);
  rc = write_audit(&s, o);
done:
  lv_state_free(&s);
  return rc;
}
