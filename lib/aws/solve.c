/* The seniority pass of ICE 2019 Art. 15 Sec. 10.C.2, telework by
 * seniority (Art. 17 Sec. 5.A), effective dates and in-lieu holidays
 * (Sec. 10.C.3, Sec. 13.B), and the result members (SPEC section 4). */
#include <stdio.h>
#include <string.h>

#include "lex.h"

#define RULE_PASS "ICE2019.ART15.SEC10.C.2"
#define RULE_NOREQ "ICE2019.ART15.SEC10.B.2"
#define RULE_GF "ICE2019.ART15.SEC5.FN1"
#define RULE_VALID "ICE2019.ART15"
#define RULE_TELE "ICE2019.ART17.SEC5.A"

enum { LIM_NONE, LIM_MAX_OFF, LIM_MAX_TYPE, LIM_MIN_TYPE, LIM_MIN_ANY };

typedef struct sched {
  int32_t option; /* -1: not from an option */
  int32_t arrive, depart; /* -1: null */
  uint16_t off;
  uint8_t type, reason;
  uint8_t tele; /* bit i: the request's telework[i] was granted */
} sched;

typedef struct inval {
  uint32_t emp, option;
  uint8_t reason, lim_kind, lim_idx;
  const char *msg;
} inval;

typedef struct state {
  int64_t appr[AWS_NTYPES]; /* approved schedules per type */
  int64_t off[2][7];        /* approved regular days off per week, weekday */
  int64_t tele[7];          /* telework granted per weekday */
} state;

static void limit_name(char *out, size_t cap, int kind, int idx) {
  switch (kind) {
    case LIM_MAX_OFF: snprintf(out, cap, "max_off.%s", sb_weekday_name(idx)); break;
    case LIM_MAX_TYPE: snprintf(out, cap, "max_type.%s", aws_type_names[idx]); break;
    case LIM_MIN_TYPE: snprintf(out, cap, "min_type.%s", aws_type_names[idx]); break;
    case LIM_MIN_ANY: snprintf(out, cap, "min_type"); break;
    default: out[0] = '\0'; break;
  }
}

/* Office limits (SPEC section 4; section 9: max_type before max_off, week 1
 * before week 2, weekdays in order; only approved schedules count). */
static bool fits(const aws_data *d, const state *s, int type, uint16_t off,
                 int *kind, int *idx, int *week) {
  if (d->max_type[type] != AWS_NONE && s->appr[type] >= d->max_type[type]) {
    *kind = LIM_MAX_TYPE;
    *idx = type;
    return false;
  }
  for (int w = 1; w <= 2; w++)
    for (int wd = 0; wd < 7; wd++)
      if ((off & AWS_BIT(w, wd)) && d->max_off[wd] != AWS_NONE &&
          s->off[w - 1][wd] >= d->max_off[wd]) {
        *kind = LIM_MAX_OFF;
        *idx = wd;
        *week = w;
        return false;
      }
  return true;
}

static void take(state *s, int type, uint16_t off) {
  s->appr[type]++;
  for (int w = 1; w <= 2; w++)
    for (int wd = 0; wd < 7; wd++)
      if (off & AWS_BIT(w, wd)) s->off[w - 1][wd]++;
}

typedef struct run {
  sb_ctx *ctx;
  sb_out *o;
  const senbid_problem *p;
  const aws_data *d;
  sched *sc;
  sb_vec inv;
  state st;
  aws_lex *lex;
} run;

static int add_invalid(run *R, uint32_t emp, uint32_t option, int reason,
                       int lk, int li, const char *msg) {
  inval *v = sb_vec_push(&R->inv);
  if (!v) return sb_err_nomem(R->ctx->err);
  v->emp = emp;
  v->option = option;
  v->reason = (uint8_t)reason;
  v->lim_kind = (uint8_t)lk;
  v->lim_idx = (uint8_t)li;
  v->msg = sb_arena_strdup(&R->ctx->scratch, msg);
  if (!v->msg) return sb_err_nomem(R->ctx->err);
  return SENBID_OK;
}

/* One employee's turn in the seniority pass (Sec. 10.C.2); pos is their
 * place in the seniority order (schedules are kept by position, so the
 * passes over them read memory in order). */
static int decide(run *R, uint32_t pos, uint32_t emp) {
  const aws_data *d = R->d;
  const aws_emp *e = &d->emps[emp];
  const char *id = R->p->emps[emp].id;
  sched *s = &R->sc[pos];
  char msg[256], lim[40];
  s->option = -1;
  s->arrive = s->depart = -1;
  if (e->req != AWS_NONE) {
    const aws_req *q = &d->reqs[e->req];
    for (uint32_t i = 0; i < q->nopts; i++) {
      const aws_opt *op = &q->opts[i];
      int why = aws_validate(d, e, op, msg, sizeof msg);
      if (why != AWS_OK) {
        SB_TRY(add_invalid(R, emp, i, why, LIM_NONE, 0, msg));
        sb_audit(R->o, id, "invalid", RULE_VALID, "option %u: %s", i,
                 aws_reason_names[why]);
        continue;
      }
      uint16_t off = aws_opt_days_off(op);
      int lk = LIM_NONE, li = 0, wk = 0;
      if (!fits(d, &R->st, op->type, off, &lk, &li, &wk)) {
        limit_name(lim, sizeof lim, lk, li);
        if (lk == LIM_MAX_OFF)
          snprintf(msg, sizeof msg,
                   "%s is full: %lld regular days off on %s in week %d", lim,
                   (long long)d->max_off[li], sb_weekday_name(li), wk);
        else
          snprintf(msg, sizeof msg, "%s is full: %lld approved", lim,
                   (long long)d->max_type[li]);
        SB_TRY(add_invalid(R, emp, i, AWS_R_OFFICE_LIMIT, lk, li, msg));
        sb_audit(R->o, id, "office_limit", RULE_PASS, "option %u: %s", i, lim);
        continue;
      }
      if (R->lex) {
        bool ok = true;
        int lt = -1;
        aws_choice c = {op->type, true, off};
        SB_TRY(aws_lex_try(R->lex, emp, c, &ok, &lt));
        if (!ok) {
          lk = lt >= 0 ? LIM_MIN_TYPE : LIM_MIN_ANY;
          li = lt >= 0 ? lt : 0;
          limit_name(lim, sizeof lim, lk, li);
          snprintf(msg, sizeof msg, "%s could no longer be met", lim);
          SB_TRY(add_invalid(R, emp, i, AWS_R_OFFICE_MINIMUM, lk, li, msg));
          sb_audit(R->o, id, "office_minimum", RULE_PASS, "option %u: %s", i,
                   lim);
          continue;
        }
      }
      take(&R->st, op->type, off);
      s->option = (int32_t)i;
      s->type = op->type;
      s->reason = AWS_S_APPROVED;
      s->off = off;
      if (op->type >= AWS_CWS_4_10) {
        s->arrive = op->arrive;
        s->depart = aws_opt_depart(op);
      }
      sb_audit(R->o, id, "approve", RULE_PASS, "option %u %s", i,
               aws_type_names[op->type]);
      if (R->lex) aws_lex_fix(R->lex, emp, (aws_choice){op->type, true, off});
      return SENBID_OK;
    }
  }
  /* No option approved: a grandfathered 4/9/4 employee keeps it (footnote
   * 1 to Sec. 5); everyone else is assigned a VWS (Sec. 10.B.2, 10.C.2). */
  s->off = 0;
  if (e->grandfathered) {
    s->type = AWS_CWS_4_9_4;
    s->reason = AWS_S_GRANDFATHERED;
    if (e->req != AWS_NONE)
      sb_audit(R->o, id, "schedule", RULE_GF, "keeps CWS_4_9_4 (GRANDFATHERED)");
    else
      sb_audit(R->o, id, "schedule", RULE_NOREQ, "CWS_4_9_4 (GRANDFATHERED)");
  } else if (e->req != AWS_NONE) {
    s->type = AWS_VWS;
    s->reason = AWS_S_DEFAULT_VWS;
    sb_audit(R->o, id, "schedule", RULE_PASS, "VWS (DEFAULT_VWS)");
  } else {
    s->type = AWS_VWS;
    s->reason = AWS_S_NO_REQUEST;
    sb_audit(R->o, id, "schedule", RULE_NOREQ, "VWS (NO_REQUEST)");
  }
  if (R->lex) aws_lex_fix(R->lex, emp, (aws_choice){s->type, false, 0});
  return SENBID_OK;
}

/* Employees are visited in seniority order, a permutation of the
 * document's: fetch the next ones' records early. */
static inline void prefetch_emp(const run *R, uint32_t emp) {
#if defined(__GNUC__)
  __builtin_prefetch(&R->d->emps[emp]);
  __builtin_prefetch(&R->p->emps[emp]);
  __builtin_prefetch(R->p->emps[emp].id);
#else
  (void)R;
  (void)emp;
#endif
}

/* Art. 17 Sec. 5.A: telework days by seniority, after the schedules. A day
 * is granted when it is a workday in both weeks of the employee's final
 * schedule and max_telework for it is not reached. */
static void telework(run *R, uint32_t pos, uint32_t emp) {
  const aws_data *d = R->d;
  const aws_emp *e = &d->emps[emp];
  if (e->req == AWS_NONE) return;
  const aws_req *q = &d->reqs[e->req];
  const char *id = R->p->emps[emp].id;
  sched *s = &R->sc[pos];
  for (uint32_t i = 0; i < q->ntele; i++) {
    int wd = q->telework[i];
    const char *name = sb_weekday_name(wd);
    bool work = (e->workdays & (1u << wd)) && !(s->off & AWS_BIT(1, wd)) &&
                !(s->off & AWS_BIT(2, wd));
    if (!work) {
      sb_audit(R->o, id, "telework_deny", RULE_TELE,
               "%s not a workday in both weeks", name);
    } else if (d->max_tele[wd] != AWS_NONE &&
               R->st.tele[wd] >= d->max_tele[wd]) {
      sb_audit(R->o, id, "telework_deny", RULE_TELE,
               "max_telework.%s reached", name);
    } else {
      R->st.tele[wd]++;
      s->tele |= (uint8_t)(1u << i);
      sb_audit(R->o, id, "telework", RULE_TELE, "%s", name);
    }
  }
}

/* ------------------------------------------------------------- holidays */

int aws_hols_init(sb_arena *ar, sb_err *err, const aws_data *d,
                  sb_day effective, aws_hols *h) {
  memset(h, 0, sizeof *h);
  if (!d->has_end || d->sched_end < effective) return SENBID_OK;
  sb_day from = effective - 62; /* room for the in-lieu search */
  size_t n = sb_federal_holidays(from, d->sched_end, d->inauguration, NULL, 0);
  h->all = sb_arena_array(ar, n + 1, sizeof(sb_holiday));
  if (!h->all) return sb_err_nomem(err);
  h->nall = sb_federal_holidays(from, d->sched_end, d->inauguration, h->all, n);
  while (h->first < h->nall && h->all[h->first].observed < effective)
    h->first++;
  h->end = d->sched_end;
  return SENBID_OK;
}

static bool is_holiday(const aws_hols *h, sb_day day) {
  size_t lo = 0, hi = h->nall;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (h->all[mid].observed < day) lo = mid + 1;
    else hi = mid;
  }
  return lo < h->nall && h->all[lo].observed == day;
}

/* Sec. 13.B.2 (SPEC section 9): the in-lieu day is the latest earlier date
 * that is a workday, not a regular day off in its week, not a holiday. */
static bool in_lieu_day(const aws_data *d, const aws_hols *h,
                        uint8_t workdays, uint16_t off, sb_day hol,
                        sb_day *out) {
  for (sb_day day = hol - 1; day >= hol - 60; day--) {
    int wd = sb_weekday(day);
    if (!(workdays & (1u << wd))) continue;
    if (off & AWS_BIT(aws_week_of(d->anchor, day), wd)) continue;
    if (is_holiday(h, day)) continue;
    *out = day;
    return true;
  }
  return false;
}

size_t aws_in_lieu(const aws_data *d, const aws_hols *h, const aws_emp *e,
                   uint16_t off, sb_day *hol_out, sb_day *date_out,
                   size_t cap) {
  size_t n = 0;
  /* Part-time employees get no in-lieu holiday (Sec. 13.B.3). */
  if (!off || e->part_time) return 0;
  for (size_t i = h->first; i < h->nall && h->all[i].observed <= h->end;
       i++) {
    sb_day hol = h->all[i].observed;
    if (!(off & AWS_BIT(aws_week_of(d->anchor, hol), sb_weekday(hol))))
      continue;
    sb_day il;
    if (!in_lieu_day(d, h, e->workdays, off, hol, &il)) continue;
    if (n < cap) {
      hol_out[n] = hol;
      date_out[n] = il;
    }
    n++;
  }
  return n;
}

/* --------------------------------------------------------------- output */

static void write_schedule(run *R, const aws_hols *h, uint32_t pos,
                           uint32_t emp, sb_day effective) {
  sb_jw *w = &R->o->w;
  const aws_data *d = R->d;
  const aws_emp *e = &d->emps[emp];
  const sched *s = &R->sc[pos];
  sb_jw_obj(w);
  SB_JW_KEY(w, "employee");
  sb_jw_str(w, R->p->emps[emp].id);
  SB_JW_KEY(w, "type");
  sb_jw_str(w, aws_type_names[s->type]);
  SB_JW_KEY(w, "option");
  if (s->option >= 0) sb_jw_int(w, s->option);
  else sb_jw_null(w);
  SB_JW_KEY(w, "reason");
  sb_jw_str(w, aws_reason_names[s->reason]);
  SB_JW_KEY(w, "effective");
  sb_jw_date(w, effective);
  SB_JW_KEY(w, "arrive");
  if (s->arrive >= 0) sb_jw_time(w, s->arrive);
  else sb_jw_null(w);
  SB_JW_KEY(w, "depart");
  if (s->depart >= 0) sb_jw_time(w, s->depart);
  else sb_jw_null(w);
  SB_JW_KEY(w, "days_off");
  sb_jw_arr(w);
  for (int wk = 1; wk <= 2; wk++)
    for (int wd = 0; wd < 7; wd++)
      if (s->off & AWS_BIT(wk, wd)) {
        sb_jw_obj(w);
        SB_JW_KEY(w, "week");
        sb_jw_int(w, wk);
        SB_JW_KEY(w, "day");
        sb_jw_str(w, sb_weekday_name(wd));
        sb_jw_obj_end(w);
      }
  sb_jw_arr_end(w);
  SB_JW_KEY(w, "telework");
  sb_jw_arr(w);
  if (e->req != AWS_NONE) {
    const aws_req *q = &d->reqs[e->req];
    for (uint32_t i = 0; i < q->ntele; i++)
      if (s->tele & (1u << i)) sb_jw_str(w, sb_weekday_name(q->telework[i]));
  }
  sb_jw_arr_end(w);
  SB_JW_KEY(w, "in_lieu");
  sb_jw_arr(w);
  sb_day hol[AWS_MAX_IN_LIEU], il[AWS_MAX_IN_LIEU];
  size_t n = aws_in_lieu(d, h, e, s->off, hol, il, AWS_MAX_IN_LIEU);
  for (size_t i = 0; i < n && i < AWS_MAX_IN_LIEU; i++) {
    sb_jw_obj(w);
    SB_JW_KEY(w, "holiday");
    sb_jw_date(w, hol[i]);
    SB_JW_KEY(w, "date");
    sb_jw_date(w, il[i]);
    sb_jw_obj_end(w);
  }
  sb_jw_arr_end(w);
  sb_jw_obj_end(w);
}

static void write_invalid(run *R) {
  sb_jw *w = &R->o->w;
  char lim[40];
  SB_JW_KEY(w, "invalid");
  sb_jw_arr(w);
  for (size_t i = 0; i < R->inv.len; i++) {
    const inval *v = &SB_VEC_AT(&R->inv, inval, i);
    sb_jw_obj(w);
    SB_JW_KEY(w, "employee");
    sb_jw_str(w, R->p->emps[v->emp].id);
    SB_JW_KEY(w, "option");
    sb_jw_uint(w, v->option);
    SB_JW_KEY(w, "reason");
    sb_jw_str(w, aws_reason_names[v->reason]);
    if (v->lim_kind != LIM_NONE) {
      limit_name(lim, sizeof lim, v->lim_kind, v->lim_idx);
      SB_JW_KEY(w, "limit");
      sb_jw_str(w, lim);
    }
    SB_JW_KEY(w, "message");
    sb_jw_str(w, v->msg);
    sb_jw_obj_end(w);
  }
  sb_jw_arr_end(w);
}

/* SPEC section 9: infeasible from the start. */
static void write_infeasible(run *R, sb_day effective,
                             const int64_t maxp[AWS_NTYPES]) {
  sb_jw *w = &R->o->w;
  const aws_data *d = R->d;
  bool alone = false;
  for (int t = 0; t < AWS_NTYPES; t++)
    if (d->min_type[t] > 0 && maxp[t] < d->min_type[t]) alone = true;
  char list[128] = "";
  size_t len = 0;
  SB_JW_KEY(w, "effective");
  sb_jw_date(w, effective);
  SB_JW_KEY(w, "schedules");
  sb_jw_arr(w);
  sb_jw_arr_end(w);
  SB_JW_KEY(w, "invalid");
  sb_jw_arr(w);
  sb_jw_arr_end(w);
  SB_JW_KEY(w, "infeasible");
  sb_jw_arr(w);
  for (int t = 0; t < AWS_NTYPES; t++) {
    if (d->min_type[t] <= 0) continue;
    /* The types whose bound alone fails; when only the bounds together
     * fail, every bounded type. */
    if (alone && maxp[t] >= d->min_type[t]) continue;
    sb_jw_obj(w);
    SB_JW_KEY(w, "type");
    sb_jw_str(w, aws_type_names[t]);
    SB_JW_KEY(w, "min");
    sb_jw_int(w, d->min_type[t]);
    SB_JW_KEY(w, "max_possible");
    sb_jw_int(w, maxp[t]);
    sb_jw_obj_end(w);
    int n = snprintf(list + len, sizeof list - len, "%s%s", len ? ", " : "",
                     aws_type_names[t]);
    if (n > 0 && (size_t)n < sizeof list - len) len += (size_t)n;
  }
  sb_jw_arr_end(w);
  sb_audit(R->o, NULL, "infeasible", RULE_PASS,
           "office.min_type cannot all be met: %s", list);
  R->o->status = "infeasible";
  R->o->outcome = SENBID_OUTCOME_INFEASIBLE;
}

int aws_solve(sb_ctx *ctx, sb_out *o) {
  const senbid_problem *p = ctx->p;
  const aws_data *d = p->kind_data;
  run R;
  memset(&R, 0, sizeof R);
  R.ctx = ctx;
  R.o = o;
  R.p = p;
  R.d = d;
  sb_day effective = aws_effective(d);
  if (!aws_edp_in_window(d->edp))
    sb_warn(o, "EDP_WINDOW",
            "the EDP is not within the first two weeks of January or July");

  bool has_min = false;
  for (int t = 0; t < AWS_NTYPES; t++)
    if (d->min_type[t] > 0) has_min = true;
  /* Without minimums the lexicographic method is the seniority pass. */
  if (ctx->method == SENBID_METHOD_LEXICOGRAPHIC && has_min) {
    bool feasible = true;
    int64_t maxp[AWS_NTYPES];
    SB_TRY(aws_lex_begin(ctx, d, &R.lex, &feasible, maxp));
    if (!feasible) {
      write_infeasible(&R, effective, maxp);
      return SENBID_OK;
    }
  }

  R.sc = sb_arena_array(&ctx->scratch, (size_t)p->nemps + 1, sizeof(sched));
  if (!R.sc) return sb_err_nomem(ctx->err);
  sb_vec_init(&R.inv, &p->alloc, sizeof(inval));
  int rc = SENBID_OK;
  const uint32_t *order = p->sen.order;
  for (uint32_t k = 0; k < p->nemps && rc == SENBID_OK; k++) {
    if ((k & 4095) == 0 &&
        (rc = sb_ctx_progress(ctx, "schedules", k, p->nemps)) < 0)
      break;
    if (k + 8 < p->nemps) prefetch_emp(&R, order[k + 8]);
    rc = decide(&R, k, order[k]);
  }
  if (rc == SENBID_OK && R.lex && aws_lex_timed_out(R.lex)) {
    R.o->status = "time_limit";
    R.o->outcome = SENBID_OUTCOME_TIME_LIMIT;
  }

  aws_hols h;
  if (rc == SENBID_OK)
    rc = aws_hols_init(&ctx->scratch, ctx->err, d, effective, &h);
  if (rc == SENBID_OK) {
    sb_jw *w = &o->w;
    SB_JW_KEY(w, "effective");
    sb_jw_date(w, effective);
    SB_JW_KEY(w, "schedules");
    sb_jw_arr(w);
    /* Telework comes after every schedule (Art. 17 Sec. 5.A) and depends
     * only on the employee's own schedule and on more senior grants, so it
     * is decided here, in seniority order, as each schedule is written. */
    for (uint32_t k = 0; k < p->nemps; k++) {
      if (k + 8 < p->nemps) prefetch_emp(&R, order[k + 8]);
      telework(&R, k, order[k]);
      write_schedule(&R, &h, k, order[k], effective);
    }
    sb_jw_arr_end(w);
    write_invalid(&R);
  }
  sb_vec_free(&R.inv);
  return rc;
}

const sb_kind_ops sb_aws_ops = {"aws", aws_parse, aws_solve, aws_check,
                                aws_export_lp};
