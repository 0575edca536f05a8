/* round_robin (and, with the gate of lex.c, lexicographic): the seniority
 * pass of ICE 2019 Art. 15 Sec. 10.C.2, then telework by seniority (Art. 17
 * Sec. 5.A), through the rules of rules.c. */
#include <string.h>

#include "aws.h"

typedef struct run {
  sb_ctx *ctx;
  sb_out *o;
  const senbid_problem *p;
  const aws_data *d;
  aws_sched *sc; /* by seniority position */
  sb_vec inv;    /* aws_inval */
  aws_count cnt;
  aws_lex *lex;
  uint32_t emp; /* whose turn it is */
} run;

/* Records a refused option in `invalid` and the audit. */
static int refused(void *arg, uint32_t option, int reason, aws_limit lim,
                   const char *name, const char *msg) {
  run *R = arg;
  aws_inval *v = sb_vec_push(&R->inv);
  if (!v) return sb_err_nomem(R->ctx->err);
  v->emp = R->emp;
  v->option = option;
  v->reason = (uint8_t)reason;
  v->lim = lim;
  v->msg = sb_arena_strdup(&R->ctx->scratch, msg);
  if (!v->msg) return sb_err_nomem(R->ctx->err);
  const char *id = R->p->emps[R->emp].id;
  if (reason == AWS_R_OFFICE_LIMIT)
    sb_audit(R->o, id, "office_limit", AWS_C_PASS, "option %u: %s", option,
             name);
  else if (reason == AWS_R_OFFICE_MINIMUM)
    sb_audit(R->o, id, "office_minimum", AWS_C_PASS, "option %u: %s", option,
             name);
  else
    sb_audit(R->o, id, "invalid", AWS_C_VALID, "option %u: %s", option,
             aws_reason_names[reason]);
  return SENBID_OK;
}

/* One employee's turn; pos is their place in the seniority order
 * (schedules are kept by position, so the passes over them read memory in
 * order). */
static int decide(run *R, uint32_t pos, uint32_t emp) {
  const aws_data *d = R->d;
  const aws_emp *e = &d->emps[emp];
  const char *id = R->p->emps[emp].id;
  aws_sched *s = &R->sc[pos];
  s->option = -1;
  s->arrive = s->depart = -1;
  R->emp = emp;
  int32_t k;
  SB_TRY(aws_turn(d, emp, &R->cnt, R->lex, refused, R, &k));
  if (k >= 0) {
    const aws_opt *op = &d->reqs[e->req].opts[k];
    s->option = k;
    s->type = op->type;
    s->reason = AWS_S_APPROVED;
    s->off = aws_opt_days_off(op);
    if (op->type >= AWS_CWS_4_10) {
      s->arrive = op->arrive;
      s->depart = aws_opt_depart(op);
    }
    sb_audit(R->o, id, "approve", AWS_C_PASS, "option %d %s", (int)k,
             aws_type_names[op->type]);
  } else {
    int reason;
    const char *clause;
    s->off = 0;
    s->type = (uint8_t)aws_rule_fallback(e, &reason, &clause);
    s->reason = (uint8_t)reason;
    sb_audit(R->o, id, "schedule", clause, "%s%s (%s)",
             reason == AWS_S_GRANDFATHERED && e->req != AWS_NONE ? "keeps "
                                                                 : "",
             aws_type_names[s->type], aws_reason_names[reason]);
  }
  bool appr = s->reason == AWS_S_APPROVED;
  aws_count_take(&R->cnt, s->type, s->off, appr);
  if (R->lex) aws_lex_fix(R->lex, emp, (aws_choice){s->type, appr, s->off});
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

/* Art. 17 Sec. 5.A: the telework days of one employee, after every
 * schedule, after the more senior grants. */
static void telework(run *R, uint32_t pos, uint32_t emp) {
  const aws_data *d = R->d;
  const aws_emp *e = &d->emps[emp];
  if (e->req == AWS_NONE) return;
  const aws_req *q = &d->reqs[e->req];
  const char *id = R->p->emps[emp].id;
  aws_sched *s = &R->sc[pos];
  for (uint32_t i = 0; i < q->ntele; i++) {
    int wd = q->telework[i];
    const char *name = sb_weekday_name(wd);
    switch (aws_rule_telework(d, e, s->off, &R->cnt, wd)) {
      case AWS_TELE_NOT_WORKDAY:
        sb_audit(R->o, id, "telework_deny", AWS_C_TELEWORK,
                 "%s not a workday in both weeks", name);
        break;
      case AWS_TELE_LIMIT:
        sb_audit(R->o, id, "telework_deny", AWS_C_TELEWORK,
                 "max_telework.%s reached", name);
        break;
      default:
        R->cnt.tele[wd]++;
        s->tele |= (uint8_t)(1u << i);
        sb_audit(R->o, id, "telework", AWS_C_TELEWORK, "%s", name);
        break;
    }
  }
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
  if (!aws_rule_edp_window(d->edp))
    sb_warn(o, "EDP_WINDOW",
            "the EDP is not within the first two weeks of January or July");

  if (ctx->method == SENBID_METHOD_LEXICOGRAPHIC && aws_has_min(d)) {
    bool feasible = true;
    int64_t maxp[AWS_NTYPES];
    SB_TRY(aws_lex_begin(ctx, d, &R.lex, &feasible, maxp));
    if (!feasible) {
      aws_write_infeasible(o, d, maxp);
      return SENBID_OK;
    }
  }

  R.sc = sb_arena_array(&ctx->scratch, (size_t)p->nemps + 1, sizeof(aws_sched));
  if (!R.sc) return sb_err_nomem(ctx->err);
  sb_vec_init(&R.inv, &p->alloc, sizeof(aws_inval));
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
    o->status = "time_limit";
    o->outcome = SENBID_OUTCOME_TIME_LIMIT;
  }

  aws_hols h;
  if (rc == SENBID_OK) rc = aws_hols_init(&ctx->scratch, ctx->err, d, &h);
  if (rc == SENBID_OK) {
    sb_jw *w = &o->w;
    SB_JW_KEY(w, "effective");
    sb_jw_date(w, d->effective);
    SB_JW_KEY(w, "schedules");
    sb_jw_arr(w);
    /* Telework depends only on the employee's own schedule and on more
     * senior grants, so it is decided here, in seniority order, as each
     * schedule is written. */
    for (uint32_t k = 0; k < p->nemps; k++) {
      if (k + 8 < p->nemps) prefetch_emp(&R, order[k + 8]);
      telework(&R, k, order[k]);
      aws_write_schedule(w, p, &h, order[k], &R.sc[k]);
    }
    sb_jw_arr_end(w);
    aws_write_invalid(w, p, &R.inv);
  }
  sb_vec_free(&R.inv);
  return rc;
}

const sb_kind_ops sb_aws_ops = {"aws", aws_parse, aws_solve, aws_check,
                                aws_export_lp, NULL};
