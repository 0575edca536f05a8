/* `senbid check` for aws results (SPEC section 7): replays the seniority
 * pass over the posted schedules and lists every departure from the rules
 * of section 4. The walk is in seniority order; at each employee the state
 * holds what the more senior employees were posted, so a departure names
 * the employee where the rule was broken, not its consequences. */
#include <stdio.h>
#include <string.h>

#include "aws.h"

static const char *jstr(const cJSON *o, const char *k) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
  return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* days_off as posted, as a 14-bit mask; -1 when malformed. */
static int32_t posted_off(const cJSON *arr) {
  if (!arr || cJSON_IsNull(arr)) return 0;
  if (!cJSON_IsArray(arr)) return -1;
  int32_t m = 0;
  for (const cJSON *x = arr->child; x; x = x->next) {
    const cJSON *wk = cJSON_GetObjectItemCaseSensitive(x, "week");
    int wd = sb_weekday_parse(jstr(x, "day"));
    if (!cJSON_IsNumber(wk) || (wk->valuedouble != 1 && wk->valuedouble != 2) ||
        wd < 0)
      return -1;
    m |= AWS_BIT((int)wk->valuedouble, wd);
  }
  return m;
}

/* The posted schedule of each employee, by document index; departures for
 * schedules of unknown employees and duplicates. */
static int index_posted(sb_ctx *ctx, const cJSON *scheds, sb_out *o,
                        const cJSON ***out) {
  const senbid_problem *p = ctx->p;
  const cJSON **posted = sb_arena_array(&ctx->scratch, (size_t)p->nemps + 1,
                                        sizeof(cJSON *));
  if (!posted) return sb_err_nomem(ctx->err);
  for (const cJSON *x = scheds->child; x; x = x->next) {
    const char *id = jstr(x, "employee");
    int64_t k = id ? sb_problem_find(p, id) : -1;
    if (k < 0) {
      sb_departure(o, "UNKNOWN_EMPLOYEE", id, AWS_C_PASS,
                   "a schedule for an employee not in the problem");
      continue;
    }
    if (posted[k]) {
      sb_departure(o, "DUPLICATE", id, AWS_C_PASS,
                   "the employee has more than one schedule");
      continue;
    }
    posted[k] = x;
  }
  *out = posted;
  return SENBID_OK;
}

/* Sec. 13.B.2: the posted in-lieu holidays against the rule's, as sets. */
static void check_in_lieu(const aws_data *d, const aws_hols *h,
                          const aws_emp *e, uint16_t off, const cJSON *x,
                          const char *id, sb_out *o) {
  sb_day hol[AWS_MAX_IN_LIEU], il[AWS_MAX_IN_LIEU];
  char a[11], b[11];
  size_t n = aws_rule_in_lieu(d, h, e, off, hol, il, AWS_MAX_IN_LIEU);
  const cJSON *pil = cJSON_GetObjectItemCaseSensitive(x, "in_lieu");
  size_t np = cJSON_IsArray(pil) ? (size_t)sb_json_count(pil) : 0;
  bool same = np == n;
  for (size_t i = 0; same && i < n; i++) {
    bool found = false;
    sb_date_format(hol[i], a);
    sb_date_format(il[i], b);
    for (const cJSON *y = pil->child; y && !found; y = y->next) {
      const char *ph = jstr(y, "holiday"), *pd = jstr(y, "date");
      found = ph && pd && strcmp(ph, a) == 0 && strcmp(pd, b) == 0;
    }
    same = found;
  }
  if (!same)
    sb_departure(o, "IN_LIEU", id, AWS_C_IN_LIEU,
                 "the in-lieu holidays should be %zu, as the rule gives them",
                 n);
}

/* Art. 17 Sec. 5.A: the posted telework of one employee, replayed after
 * the more senior grants in c. */
static void check_telework(const aws_data *d, const aws_emp *e, uint16_t off,
                           const cJSON *x, const char *id, aws_count *c,
                           sb_out *o) {
  const cJSON *tw = cJSON_GetObjectItemCaseSensitive(x, "telework");
  uint8_t got = 0;
  if (cJSON_IsArray(tw))
    for (const cJSON *y = tw->child; y; y = y->next) {
      int wd = sb_weekday_parse(cJSON_IsString(y) ? y->valuestring : NULL);
      if (wd >= 0) got |= (uint8_t)(1u << wd);
    }
  const aws_req *q = e->req != AWS_NONE ? &d->reqs[e->req] : NULL;
  uint8_t asked = 0;
  for (uint32_t i = 0; q && i < q->ntele; i++)
    asked |= (uint8_t)(1u << q->telework[i]);
  for (int wd = 0; wd < 7; wd++) {
    int rule = aws_rule_telework(d, e, off, c, wd);
    const char *name = sb_weekday_name(wd);
    if (got & (1u << wd)) {
      if (!(asked & (1u << wd)))
        sb_departure(o, "TELEWORK_NOT_REQUESTED", id, AWS_C_TELEWORK,
                     "%s was not requested", name);
      else if (rule == AWS_TELE_NOT_WORKDAY)
        sb_departure(o, "TELEWORK_DAY", id, AWS_C_TELEWORK,
                     "%s is not a workday in both weeks", name);
      else if (rule == AWS_TELE_LIMIT)
        sb_departure(o, "TELEWORK_LIMIT", id, AWS_C_TELEWORK,
                     "max_telework.%s exceeded", name);
      c->tele[wd]++;
    } else if ((asked & (1u << wd)) && rule == AWS_TELE_GRANT) {
      sb_departure(o, "SENIORITY", id, AWS_C_TELEWORK,
                   "telework on %s was requested and open", name);
    }
  }
}

/* The posted schedule x of employee emp, replayed through the turn of
 * rules.c after the more senior postings counted in c. Sets *off_out to
 * the days off it stands for; *readable is false when its type or option
 * cannot be read at all. */
static int check_schedule(const aws_data *d, uint32_t emp, const char *id,
                          const cJSON *x, aws_count *c, aws_lex *lx,
                          sb_out *o, uint16_t *off_out, bool *readable) {
  const aws_emp *e = &d->emps[emp];
  char msg[256], lim[40];
  *readable = false;
  int32_t ent;
  SB_TRY(aws_turn(d, emp, c, lx, NULL, NULL, &ent));
  const cJSON *opt = cJSON_GetObjectItemCaseSensitive(x, "option");
  int type = aws_type_parse(jstr(x, "type"));
  if (type < 0) {
    sb_departure(o, "TYPE", id, AWS_C_PASS, "unknown schedule type");
    return SENBID_OK;
  }
  uint16_t off = 0;
  bool appr = false;
  if (cJSON_IsNumber(opt)) {
    const aws_req *q = e->req != AWS_NONE ? &d->reqs[e->req] : NULL;
    double k = opt->valuedouble;
    if (!q || k < 0 || k >= q->nopts || k != (double)(int)k) {
      sb_departure(o, "UNKNOWN_OPTION", id, AWS_C_PASS,
                   "option %g is not one the employee requested", k);
      return SENBID_OK;
    }
    const aws_opt *op = &q->opts[(int)k];
    if (op->type != type)
      sb_departure(o, "TYPE", id, AWS_C_PASS, "option %d is a %s, not a %s",
                   (int)k, aws_type_names[op->type], aws_type_names[type]);
    int why = aws_validate(d, e, op, msg, sizeof msg);
    if (why != AWS_OK)
      sb_departure(o, aws_reason_names[why], id, aws_reason_clause[why],
                   "option %d approved, but %s", (int)k, msg);
    off = aws_opt_days_off(op);
    aws_limit l;
    if (!aws_rule_office_limits(d, c, op->type, off, &l)) {
      aws_limit_name(l, lim, sizeof lim);
      sb_departure(o, "OFFICE_LIMIT", id, AWS_C_PASS,
                   "option %d approved although %s was full", (int)k, lim);
    }
    if (ent >= 0 && ent < (int)k)
      sb_departure(o, "SENIORITY", id, AWS_C_PASS,
                   "option %d (%s) was open to this employee, who got "
                   "option %d",
                   (int)ent, aws_type_names[q->opts[ent].type], (int)k);
    if (posted_off(cJSON_GetObjectItemCaseSensitive(x, "days_off")) != off)
      sb_departure(o, "DAYS_OFF", id, AWS_C_PASS,
                   "days_off differ from option %d", (int)k);
    type = op->type;
    appr = true;
  } else {
    int reason;
    const char *clause;
    int want = aws_rule_fallback(e, &reason, &clause);
    if (type != want)
      sb_departure(o,
                   e->grandfathered || type != AWS_CWS_4_9_4
                       ? "DEFAULT_SCHEDULE"
                       : "NOT_GRANDFATHERED",
                   id, e->grandfathered ? AWS_C_GRANDFATHERED : AWS_C_PASS,
                   "without an approved option the schedule is %s, not %s",
                   aws_type_names[want], aws_type_names[type]);
    if (ent >= 0)
      sb_departure(o, "SENIORITY", id, AWS_C_PASS,
                   "option %d (%s) was open to this employee", (int)ent,
                   aws_type_names[d->reqs[e->req].opts[ent].type]);
    type = want;
  }
  aws_count_take(c, type, off, appr);
  if (lx) aws_lex_fix(lx, emp, (aws_choice){(uint8_t)type, appr, off});
  *off_out = off;
  *readable = true;
  return SENBID_OK;
}

int aws_check(sb_ctx *ctx, const cJSON *result, sb_out *o) {
  const senbid_problem *p = ctx->p;
  const aws_data *d = p->kind_data;
  char ebuf[11];

  const cJSON *scheds = cJSON_GetObjectItemCaseSensitive(result, "schedules");
  if (!cJSON_IsArray(scheds))
    return sb_err_set(ctx->err, SENBID_E_TYPE, "$.schedules",
                      "the result has no schedules array");
  const char *method = jstr(result, "method");
  const char *status = jstr(result, "status");
  aws_lex *lx = NULL;
  /* A result is judged by the method that made it: lexicographic adds the
   * gate of office.min_type. */
  if (aws_has_min(d) && method && strcmp(method, "lexicographic") == 0) {
    bool feasible;
    int64_t maxp[AWS_NTYPES];
    SB_TRY(aws_lex_begin(ctx, d, &lx, &feasible, maxp));
    if (!feasible) {
      if (!status || strcmp(status, "infeasible") != 0)
        sb_departure(o, "OFFICE_MINIMUM", NULL, AWS_C_PASS,
                     "office.min_type cannot all be met, yet the result "
                     "is not infeasible");
      else if (sb_json_count(scheds) != 0)
        sb_departure(o, "STATUS", NULL, AWS_C_PASS,
                     "an infeasible result lists schedules");
      return SENBID_OK;
    }
    if (status && strcmp(status, "infeasible") == 0) {
      sb_departure(o, "STATUS", NULL, AWS_C_PASS,
                   "the result is infeasible, but every office.min_type can "
                   "be met");
      return SENBID_OK;
    }
  }

  /* Sec. 10.C.3: the effective date. */
  const char *eff = jstr(result, "effective");
  sb_date_format(d->effective, ebuf);
  if (!eff || strcmp(eff, ebuf) != 0)
    sb_departure(o, "EFFECTIVE", NULL, AWS_C_EFFECTIVE,
                 "effective should be %s (the second pay period after the "
                 "EDP), not %s",
                 ebuf, eff ? SB_Q(eff) : "absent");

  const cJSON **posted = NULL;
  SB_TRY(index_posted(ctx, scheds, o, &posted));
  aws_hols h;
  SB_TRY(aws_hols_init(&ctx->scratch, ctx->err, d, &h));
  uint16_t *offs = sb_arena_array(&ctx->scratch, (size_t)p->nemps + 1,
                                  sizeof(uint16_t));
  if (!offs) return sb_err_nomem(ctx->err);
  aws_count cnt;
  memset(&cnt, 0, sizeof cnt);

  for (uint32_t r = 0; r < p->nemps; r++) {
    uint32_t emp = p->sen.order[r];
    const char *id = p->emps[emp].id;
    const cJSON *x = posted[emp];
    if (!x) {
      sb_departure(o, "MISSING_SCHEDULE", id, AWS_C_PASS,
                   "every employee gets a schedule (SPEC section 9)");
      continue;
    }
    bool readable;
    SB_TRY(check_schedule(d, emp, id, x, &cnt, lx, o, &offs[emp], &readable));
    if (!readable) continue;
    const char *pe = jstr(x, "effective");
    if (!pe || strcmp(pe, ebuf) != 0)
      sb_departure(o, "EFFECTIVE", id, AWS_C_EFFECTIVE,
                   "effective should be %s", ebuf);
    check_in_lieu(d, &h, &d->emps[emp], offs[emp], x, id, o);
  }

  /* min_type (lexicographic; SPEC section 9) over every final schedule. */
  if (lx)
    for (int t = 0; t < AWS_NTYPES; t++)
      if (cnt.fin[t] < d->min_type[t])
        sb_departure(o, "OFFICE_MINIMUM", NULL, AWS_C_PASS,
                     "%lld %s schedules; min_type.%s is %lld",
                     (long long)cnt.fin[t], aws_type_names[t],
                     aws_type_names[t], (long long)d->min_type[t]);

  /* Art. 17 Sec. 5.A: telework, in seniority order, after every schedule. */
  for (uint32_t r = 0; r < p->nemps; r++) {
    uint32_t emp = p->sen.order[r];
    if (posted[emp])
      check_telework(d, &d->emps[emp], offs[emp], posted[emp],
                     p->emps[emp].id, &cnt, o);
  }
  return SENBID_OK;
}
