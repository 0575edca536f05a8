/* `senbid check` for aws results (SPEC section 7): replays the seniority
 * pass over the posted schedules and lists every departure from the rules
 * of section 4. The walk is in seniority order; at each employee the state
 * holds what the more senior employees were posted, so a departure names
 * the employee where the rule was broken, not its consequences. */
#include <stdio.h>
#include <string.h>

#include "lex.h"

#define RULE_PASS "ICE2019.ART15.SEC10.C.2"
#define RULE_TELE "ICE2019.ART17.SEC5.A"

static const char *const reason_rule[] = {
    [AWS_R_MAXIFLEX_DAYS] = "ICE2019.ART15.SEC10.A.1.b",
    [AWS_R_DAY_OFF] = "ICE2019.ART15.SEC10.A.2",
    [AWS_R_CWS_SHORT_DAY] = "ICE2019.ART15.SEC10.A.2.a",
    [AWS_R_NOT_GRANDFATHERED] = "ICE2019.ART15.SEC5.FN1",
    [AWS_R_MEAL] = "ICE2019.ART15.SEC7",
    [AWS_R_HOURS_OF_DUTY] = "ICE2019.ART15.SEC4",
    [AWS_R_CORE_HOURS] = "ICE2019.ART15.SEC5",
    [AWS_R_PART_TIME_DAYS] = "ICE2019.ART15.SEC11",
};

typedef struct cstate {
  int64_t appr[AWS_NTYPES], fin[AWS_NTYPES], off[2][7], tele[7];
} cstate;

static bool cfits(const aws_data *d, const cstate *s, int type, uint16_t off,
                  char *lim, size_t cap) {
  if (d->max_type[type] != AWS_NONE && s->appr[type] >= d->max_type[type]) {
    snprintf(lim, cap, "max_type.%s", aws_type_names[type]);
    return false;
  }
  for (int w = 1; w <= 2; w++)
    for (int wd = 0; wd < 7; wd++)
      if ((off & AWS_BIT(w, wd)) && d->max_off[wd] != AWS_NONE &&
          s->off[w - 1][wd] >= d->max_off[wd]) {
        snprintf(lim, cap, "max_off.%s", sb_weekday_name(wd));
        return false;
      }
  return true;
}

static void ctake(cstate *s, int type, uint16_t off) {
  s->appr[type]++;
  for (int w = 1; w <= 2; w++)
    for (int wd = 0; wd < 7; wd++)
      if (off & AWS_BIT(w, wd)) s->off[w - 1][wd]++;
}

static int type_of(const char *s) {
  if (!s) return -1;
  for (int t = 0; t < AWS_NTYPES; t++)
    if (strcmp(s, aws_type_names[t]) == 0) return t;
  return -1;
}

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
    int wd = sb_weekday_parse(jstr(x, "day") ? jstr(x, "day") : "");
    if (!cJSON_IsNumber(wk) || (wk->valuedouble != 1 && wk->valuedouble != 2) ||
        wd < 0)
      return -1;
    m |= AWS_BIT((int)wk->valuedouble, wd);
  }
  return m;
}

/* The option an employee was entitled to given the seniors' postings: the
 * first valid option that fits (and, lexicographic, keeps the minimums). */
static int entitled(sb_ctx *ctx, const aws_data *d, const aws_emp *e,
                    uint32_t emp, const cstate *s, aws_lex *lx, int *out) {
  *out = -1;
  if (e->req == AWS_NONE) return SENBID_OK;
  const aws_req *q = &d->reqs[e->req];
  char lim[40];
  for (uint32_t i = 0; i < q->nopts; i++) {
    const aws_opt *o = &q->opts[i];
    if (aws_validate(d, e, o, NULL, 0) != AWS_OK) continue;
    uint16_t off = aws_opt_days_off(o);
    if (!cfits(d, s, o->type, off, lim, sizeof lim)) continue;
    if (lx) {
      bool ok;
      int lt;
      SB_TRY(aws_lex_try(lx, emp, (aws_choice){o->type, true, off}, &ok, &lt));
      if (!ok) continue;
    }
    *out = (int)i;
    return SENBID_OK;
  }
  (void)ctx;
  return SENBID_OK;
}

int aws_check(sb_ctx *ctx, const cJSON *result, sb_out *o) {
  const senbid_problem *p = ctx->p;
  const aws_data *d = p->kind_data;
  sb_day effective = aws_effective(d);
  char ebuf[11], pbuf[11], msg[256], lim[40];

  const cJSON *scheds = cJSON_GetObjectItemCaseSensitive(result, "schedules");
  if (!cJSON_IsArray(scheds))
    return sb_err_set(ctx->err, SENBID_E_TYPE, "$.schedules",
                      "the result has no schedules array");
  const char *method = jstr(result, "method");
  const char *status = jstr(result, "status");
  bool has_min = false;
  for (int t = 0; t < AWS_NTYPES; t++)
    if (d->min_type[t] > 0) has_min = true;
  aws_lex *lx = NULL;
  if (has_min && method && strcmp(method, "lexicographic") == 0) {
    bool feasible;
    int64_t maxp[AWS_NTYPES];
    SB_TRY(aws_lex_begin(ctx, d, &lx, &feasible, maxp));
    if (!feasible) {
      if (!status || strcmp(status, "infeasible") != 0)
        sb_departure(o, "OFFICE_MINIMUM", NULL, RULE_PASS,
                     "office.min_type cannot all be met, yet the result "
                     "is not infeasible");
      else if (sb_json_count(scheds) != 0)
        sb_departure(o, "STATUS", NULL, RULE_PASS,
                     "an infeasible result lists schedules");
      return SENBID_OK;
    }
    if (status && strcmp(status, "infeasible") == 0) {
      sb_departure(o, "STATUS", NULL, RULE_PASS,
                   "the result is infeasible, but every office.min_type can "
                   "be met");
      return SENBID_OK;
    }
  }

  /* Sec. 10.C.3: the effective date. */
  const char *eff = jstr(result, "effective");
  sb_date_format(effective, ebuf);
  if (!eff || strcmp(eff, ebuf) != 0)
    sb_departure(o, "EFFECTIVE", NULL, "ICE2019.ART15.SEC10.C.3",
                 "effective should be %s (the second pay period after the "
                 "EDP), not %s",
                 ebuf, eff ? eff : "absent");

  /* The posted schedule of each employee. */
  const cJSON **posted = sb_arena_array(&ctx->scratch, (size_t)p->nemps + 1,
                                        sizeof(cJSON *));
  if (!posted) return sb_err_nomem(ctx->err);
  for (const cJSON *x = scheds->child; x; x = x->next) {
    const char *id = jstr(x, "employee");
    int64_t k = id ? sb_problem_find(p, id) : -1;
    if (k < 0) {
      sb_departure(o, "UNKNOWN_EMPLOYEE", id, RULE_PASS,
                   "a schedule for an employee not in the problem");
      continue;
    }
    if (posted[k]) {
      sb_departure(o, "DUPLICATE", id, RULE_PASS,
                   "the employee has more than one schedule");
      continue;
    }
    posted[k] = x;
  }

  aws_hols h;
  SB_TRY(aws_hols_init(&ctx->scratch, ctx->err, d, effective, &h));
  uint16_t *offs = sb_arena_array(&ctx->scratch, (size_t)p->nemps + 1,
                                  sizeof(uint16_t));
  if (!offs) return sb_err_nomem(ctx->err);
  cstate st;
  memset(&st, 0, sizeof st);

  for (uint32_t r = 0; r < p->nemps; r++) {
    uint32_t emp = p->sen.order[r];
    const aws_emp *e = &d->emps[emp];
    const char *id = p->emps[emp].id;
    const cJSON *x = posted[emp];
    int ent;
    SB_TRY(entitled(ctx, d, e, emp, &st, lx, &ent));
    if (!x) {
      sb_departure(o, "MISSING_SCHEDULE", id, RULE_PASS,
                   "every employee gets a schedule (SPEC section 9)");
      continue;
    }
    const cJSON *opt = cJSON_GetObjectItemCaseSensitive(x, "option");
    int type = type_of(jstr(x, "type"));
    if (type < 0) {
      sb_departure(o, "TYPE", id, RULE_PASS, "unknown schedule type");
      continue;
    }
    uint16_t off = 0;
    aws_choice fin = {(uint8_t)type, false, 0};
    if (cJSON_IsNumber(opt)) {
      const aws_req *q = e->req != AWS_NONE ? &d->reqs[e->req] : NULL;
      double k = opt->valuedouble;
      if (!q || k < 0 || k >= q->nopts || k != (double)(int)k) {
        sb_departure(o, "UNKNOWN_OPTION", id, RULE_PASS,
                     "option %g is not one the employee requested", k);
        continue;
      }
      const aws_opt *op = &q->opts[(int)k];
      if (op->type != type)
        sb_departure(o, "TYPE", id, RULE_PASS,
                     "option %d is a %s, not a %s", (int)k,
                     aws_type_names[op->type], aws_type_names[type]);
      int why = aws_validate(d, e, op, msg, sizeof msg);
      if (why != AWS_OK)
        sb_departure(o, aws_reason_names[why], id, reason_rule[why],
                     "option %d approved, but %s", (int)k, msg);
      off = aws_opt_days_off(op);
      if (!cfits(d, &st, op->type, off, lim, sizeof lim))
        sb_departure(o, "OFFICE_LIMIT", id, RULE_PASS,
                     "option %d approved although %s was full", (int)k, lim);
      if (ent >= 0 && ent < (int)k)
        sb_departure(o, "SENIORITY", id, RULE_PASS,
                     "option %d (%s) was open to this employee, who got "
                     "option %d",
                     ent, aws_type_names[q->opts[ent].type], (int)k);
      if (posted_off(cJSON_GetObjectItemCaseSensitive(x, "days_off")) != off)
        sb_departure(o, "DAYS_OFF", id, RULE_PASS,
                     "days_off differ from option %d", (int)k);
      ctake(&st, op->type, off);
      fin = (aws_choice){op->type, true, off};
    } else {
      int want = e->grandfathered ? AWS_CWS_4_9_4 : AWS_VWS;
      if (type != want)
        sb_departure(o, e->grandfathered || type != AWS_CWS_4_9_4
                            ? "DEFAULT_SCHEDULE"
                            : "NOT_GRANDFATHERED",
                     id, e->grandfathered ? "ICE2019.ART15.SEC5.FN1" : RULE_PASS,
                     "without an approved option the schedule is %s, not %s",
                     aws_type_names[want], aws_type_names[type]);
      if (ent >= 0)
        sb_departure(o, "SENIORITY", id, RULE_PASS,
                     "option %d (%s) was open to this employee", ent,
                     aws_type_names[d->reqs[e->req].opts[ent].type]);
      fin = (aws_choice){(uint8_t)want, false, 0};
    }
    st.fin[fin.type]++;
    if (lx) aws_lex_fix(lx, emp, fin);
    offs[emp] = off;
    const char *pe = jstr(x, "effective");
    if (!pe || strcmp(pe, ebuf) != 0)
      sb_departure(o, "EFFECTIVE", id, "ICE2019.ART15.SEC10.C.3",
                   "effective should be %s", ebuf);

    /* Sec. 13.B.2: in-lieu holidays, compared as sets. */
    sb_day hol[AWS_MAX_IN_LIEU], il[AWS_MAX_IN_LIEU];
    size_t n = aws_in_lieu(d, &h, e, off, hol, il, AWS_MAX_IN_LIEU);
    const cJSON *pil = cJSON_GetObjectItemCaseSensitive(x, "in_lieu");
    size_t np = cJSON_IsArray(pil) ? (size_t)sb_json_count(pil) : 0;
    bool same = np == n;
    for (size_t i = 0; same && i < n; i++) {
      bool found = false;
      sb_date_format(hol[i], ebuf);
      sb_date_format(il[i], pbuf);
      for (const cJSON *y = pil->child; y; y = y->next) {
        const char *a = jstr(y, "holiday"), *b = jstr(y, "date");
        if (a && b && strcmp(a, ebuf) == 0 && strcmp(b, pbuf) == 0)
          found = true;
      }
      same = found;
    }
    sb_date_format(effective, ebuf);
    if (!same)
      sb_departure(o, "IN_LIEU", id, "ICE2019.ART15.SEC13.B.2",
                   "the in-lieu holidays should be %zu, as the rule gives them",
                   n);
  }

  /* min_type (lexicographic; SPEC section 9) over every final schedule. */
  if (has_min && lx)
    for (int t = 0; t < AWS_NTYPES; t++)
      if (st.fin[t] < d->min_type[t])
        sb_departure(o, "OFFICE_MINIMUM", NULL, RULE_PASS,
                     "%lld %s schedules; min_type.%s is %lld",
                     (long long)st.fin[t], aws_type_names[t],
                     aws_type_names[t], (long long)d->min_type[t]);

  /* Art. 17 Sec. 5.A: telework, in seniority order. */
  for (uint32_t r = 0; r < p->nemps; r++) {
    uint32_t emp = p->sen.order[r];
    const aws_emp *e = &d->emps[emp];
    const char *id = p->emps[emp].id;
    const cJSON *x = posted[emp];
    if (!x) continue;
    const cJSON *tw = cJSON_GetObjectItemCaseSensitive(x, "telework");
    uint8_t got = 0;
    if (cJSON_IsArray(tw))
      for (const cJSON *y = tw->child; y; y = y->next) {
        int wd = sb_weekday_parse(cJSON_IsString(y) ? y->valuestring : "");
        if (wd >= 0) got |= (uint8_t)(1u << wd);
      }
    const aws_req *q = e->req != AWS_NONE ? &d->reqs[e->req] : NULL;
    uint8_t asked = 0;
    for (uint32_t i = 0; q && i < q->ntele; i++)
      asked |= (uint8_t)(1u << q->telework[i]);
    for (int wd = 0; wd < 7; wd++) {
      bool work = (e->workdays & (1u << wd)) && !(offs[emp] & AWS_BIT(1, wd)) &&
                  !(offs[emp] & AWS_BIT(2, wd));
      bool room = d->max_tele[wd] == AWS_NONE || st.tele[wd] < d->max_tele[wd];
      const char *name = sb_weekday_name(wd);
      if (got & (1u << wd)) {
        if (!(asked & (1u << wd)))
          sb_departure(o, "TELEWORK_NOT_REQUESTED", id, RULE_TELE,
                       "%s was not requested", name);
        else if (!work)
          sb_departure(o, "TELEWORK_DAY", id, RULE_TELE,
                       "%s is not a workday in both weeks", name);
        else if (!room)
          sb_departure(o, "TELEWORK_LIMIT", id, RULE_TELE,
                       "max_telework.%s exceeded", name);
        st.tele[wd]++;
      } else if ((asked & (1u << wd)) && work && room) {
        sb_departure(o, "SENIORITY", id, RULE_TELE,
                     "telework on %s was requested and open", name);
      }
    }
  }
  return SENBID_OK;
}

int aws_export_lp(sb_ctx *ctx, sb_buf *lp) {
  return aws_lex_write_lp(ctx, ctx->p->kind_data, lp);
}
