/*
 * Master leave: checking a posted result, possibly made by hand (SPEC
 * section 7). Two kinds of departure are listed:
 *  - the schedule itself breaks a rule: a grant outside the period
 *    (OUTSIDE_PERIOD), overlapping the employee's approved or other granted
 *    leave (OVERLAP), a day over its cap (CAPACITY), hours over the balance
 *    (BALANCE), days over max_days_per_employee (MAX_DAYS), a grant that
 *    names no requested choice or option (UNKNOWN_CHOICE), dates or charges
 *    that are not the option's (WRONG_DATES, CHARGED), a choice granted
 *    twice (DUPLICATE_GRANT), an unmet minimum (MIN_LEAVE, lexicographic);
 *  - the seniority pass was not followed: the rules' own decision for a
 *    choice (replayed with the result's method) differs from the posted one
 *    (SENIORITY): for instance a junior employee granted what a senior one
 *    was denied earlier in the priority sequence (NBPC 2019 Art. 14 C.2).
 *    A denied choice missing from `notify` is NOTIFY (C.3).
 */
#include <string.h>

#include "leave_int.h"

typedef struct posted {
  int32_t opt; /* -1: not granted */
  bool seen;
} posted;

static const char *str_member(const cJSON *o, const char *key) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
  return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* The choice index of (employee e, choice id), or -1. */
static int64_t find_choice(const lv_data *d, uint32_t e, const char *id) {
  int32_t q = d->emps[e].request;
  if (q < 0 || !id) return -1;
  for (uint32_t ci = 0; ci < d->req_nchoices[q]; ci++) {
    uint32_t c = d->req_first_choice[q] + ci;
    if (strcmp(d->choices[c].id, id) == 0) return c;
  }
  return -1;
}

int lv_check(sb_ctx *ctx, const cJSON *result, sb_out *o) {
  const senbid_problem *p = ctx->p;
  const lv_data *d = p->kind_data;
  sb_arena *ar = &ctx->scratch;
  posted *post = sb_arena_array(ar, d->nchoices + 1, sizeof(posted));
  int64_t *days = sb_arena_array(ar, p->nemps + 1, sizeof(int64_t));
  double *hours = sb_arena_array(ar, p->nemps + 1, sizeof(double));
  uint32_t **load = sb_arena_array(ar, d->ngroups + 1, sizeof(uint32_t *));
  uint8_t **grant_day = sb_arena_array(ar, d->ngroups + 1, sizeof(uint8_t *));
  if (!post || !days || !hours || !load || !grant_day) return sb_err_nomem(ctx->err);
  for (uint32_t c = 0; c < d->nchoices; c++) post[c].opt = -1;

  /* The rules' own decisions, to compare with. */
  lv_state s;
  bool feasible = true;
  int rc = lv_replay(ctx, &s, &feasible);
  if (rc < 0) {
    lv_state_free(&s);
    return rc;
  }
  /* Approved leave in the load (off(g, d)), per distinct employee. */
  for (uint32_t e = 0; e < p->nemps; e++) {
    const lv_emp *em = &d->emps[e];
    for (uint32_t k = 0; k < em->nappr; k++) {
      sb_range r = d->appr_merged[em->first_appr + k];
      for (sb_day day = r.start; day <= r.end; day++) {
        if (day < d->period.start || day > d->period.end) continue;
        if (!load[em->group]) load[em->group] = sb_arena_array(ar, d->ndays, sizeof(uint32_t));
        if (!load[em->group]) goto nomem;
        load[em->group][day - d->period.start]++;
      }
    }
  }

  const cJSON *grants = cJSON_GetObjectItemCaseSensitive(result, "grants");
  const cJSON *g;
  uint32_t gi = 0;
  const cJSON *garr = cJSON_IsArray(grants) ? grants : NULL;
  cJSON_ArrayForEach(g, garr) {
    const char *eid = str_member(g, "employee");
    const char *cid = str_member(g, "choice");
    int64_t ei = eid ? sb_problem_find(p, eid) : -1;
    int64_t c = ei >= 0 ? find_choice(d, (uint32_t)ei, cid) : -1;
    const cJSON *ov = cJSON_GetObjectItemCaseSensitive(g, "option");
    double od = cJSON_IsNumber(ov) ? ov->valuedouble : -1;
    if (c < 0 || od < 0 || od != (double)(int64_t)od ||
        od >= d->choices[c].nopts) {
      sb_departure(o, "UNKNOWN_CHOICE", eid, "NBPC2019.ART14.C1",
                   "grants[%u] names no requested choice and option", gi++);
      continue;
    }
    uint32_t e = (uint32_t)ei, k = (uint32_t)od;
    const lv_choice *ch = &d->choices[c];
    sb_range r = d->opts[ch->first_opt + k];
    gi++;
    if (post[c].seen) {
      sb_departure(o, "DUPLICATE_GRANT", eid, "NBPC2019.ART14.C3",
                   "choice %s is granted more than once", ch->id);
      continue;
    }
    post[c].seen = true;
    post[c].opt = (int32_t)k;
    sb_day ps, pe;
    const char *sv = str_member(g, "start"), *evs = str_member(g, "end");
    if (!sv || !evs || !sb_date_parse(sv, &ps) || !sb_date_parse(evs, &pe) ||
        ps != r.start || pe != r.end)
      sb_departure(o, "WRONG_DATES", eid, "NBPC2019.ART14.C3",
                   "choice %s option %u: the dates are not the option's", ch->id, k);
    if (r.start < d->period.start || r.end > d->period.end) {
      sb_departure(o, "OUTSIDE_PERIOD", eid, "NBPC2019.ART14.C",
                   "choice %s option %u lies outside the period", ch->id, k);
      continue;
    }
    int32_t cd = lv_charged_days(&s, e, r);
    const cJSON *cdv = cJSON_GetObjectItemCaseSensitive(g, "charged_days");
    const cJSON *chv = cJSON_GetObjectItemCaseSensitive(g, "charged_hours");
    double h = cd * d->emps[e].hours_per_day;
    if ((cdv && (!cJSON_IsNumber(cdv) || cdv->valuedouble != cd)) ||
        (chv && (!cJSON_IsNumber(chv) || chv->valuedouble < h - 1e-9 ||
                 chv->valuedouble > h + 1e-9)))
      sb_departure(o, "CHARGED", eid, "NBPC2019.ART14.C",
                   "choice %s: %d days and %g hours are charged, not as posted",
                   ch->id, cd, h);
    /* Overlap with approved leave or an earlier posted grant. */
    const lv_emp *em = &d->emps[e];
    bool overlap = false;
    for (uint32_t a = 0; a < em->nappr && !overlap; a++) {
      sb_range ap = d->appr_merged[em->first_appr + a];
      overlap = ap.start <= r.end && r.start <= ap.end;
    }
    int32_t q = em->request;
    for (uint32_t ci = 0; q >= 0 && ci < d->req_nchoices[q] && !overlap; ci++) {
      uint32_t cc = d->req_first_choice[q] + ci;
      if (cc == (uint32_t)c || post[cc].opt < 0) continue;
      sb_range o2 = d->opts[d->choices[cc].first_opt + (uint32_t)post[cc].opt];
      overlap = o2.start <= r.end && r.start <= o2.end;
    }
    if (overlap)
      sb_departure(o, "OVERLAP", eid, "NBPC2019.ART14.C6",
                   "choice %s option %u overlaps the employee's other leave", ch->id, k);
    days[e] += r.end - r.start + 1;
    hours[e] += h;
    uint32_t grp = em->group;
    if (!load[grp]) load[grp] = sb_arena_array(ar, d->ndays, sizeof(uint32_t));
    if (!grant_day[grp]) grant_day[grp] = sb_arena_array(ar, d->ndays, 1);
    if (!load[grp] || !grant_day[grp]) goto nomem;
    for (sb_day day = r.start; day <= r.end; day++) {
      load[grp][day - d->period.start]++;
      grant_day[grp][day - d->period.start] = 1;
    }
  }

  /* Caps, per group: the first day over the cap that a grant touches
   * (approved leave alone above a cap stands, C.6). */
  for (uint32_t grp = 0; grp < d->ngroups; grp++) {
    if (!grant_day[grp]) continue;
    for (uint32_t di = 0; di < d->ndays; di++) {
      int32_t cap = lv_cap(&s, grp, di);
      if (!grant_day[grp][di] || cap == LV_UNLIMITED || (int64_t)load[grp][di] <= cap)
        continue;
      char a[11];
      sb_date_format(d->period.start + (sb_day)di, a);
      sb_departure(o, "CAPACITY", NULL, "NBPC2019.ART14.B",
                   "group \"%s\": %u off on %s, cap %d", d->group_names[grp],
                   load[grp][di], a, cap);
    }
  }
  /* Balance, max_days and minimums, in seniority order. */
  bool lex_ok = ctx->method == SENBID_METHOD_LEXICOGRAPHIC && feasible;
  for (uint32_t i = 0; i < p->nemps; i++) {
    uint32_t e = p->sen.order[i];
    const lv_emp *em = &d->emps[e];
    const char *eid = p->emps[e].id;
    if (em->has_balance && hours[e] > em->balance + 1e-9)
      sb_departure(o, "BALANCE", eid, "NBPC2019.ART14.A",
                   "%g hours charged, balance %g", hours[e], em->balance);
    if (d->has_max_days && days[e] > d->max_days)
      sb_departure(o, "MAX_DAYS", eid, "NBPC2019.ART14.B",
                   "%lld days granted, at most %lld", (long long)days[e],
                   (long long)d->max_days);
    if (lex_ok && em->min_days > days[e])
      sb_departure(o, "MIN_LEAVE", eid, "NBPC2019.ART14.A",
                   "%lld days granted, min_leave_days %lld", (long long)days[e],
                   (long long)em->min_days);
  }

  /* The seniority pass: each choice's posted decision against the rules'
   * (NBPC 2019 Art. 14 C.2-C.3), in decision order of the rules. */
  int32_t *rule_opt = sb_arena_array(ar, d->nchoices + 1, sizeof(int32_t));
  uint8_t *must_notify = sb_arena_array(ar, p->nemps + 1, 1);
  if (!rule_opt || !must_notify) goto nomem;
  for (uint32_t c = 0; c < d->nchoices; c++) rule_opt[c] = -1;
  for (size_t i = 0; i < s.grants.len; i++) {
    const lv_grant *rg = &SB_VEC_AT(&s.grants, lv_grant, i);
    rule_opt[rg->choice] = (int32_t)rg->opt;
  }
  for (size_t i = 0; i < s.denials.len; i++)
    must_notify[SB_VEC_AT(&s.denials, lv_denial, i).emp] = 1;
  for (uint32_t i = 0; i < p->nemps; i++) {
    uint32_t e = p->sen.order[i];
    int32_t q = d->emps[e].request;
    for (uint32_t ci = 0; q >= 0 && ci < d->req_nchoices[q]; ci++) {
      uint32_t c = d->req_first_choice[q] + ci;
      if (rule_opt[c] == post[c].opt) continue;
      if (rule_opt[c] < 0)
        sb_departure(o, "SENIORITY", p->emps[e].id, "NBPC2019.ART14.C2",
                     "choice %s: option %d is posted, but in seniority order the "
                     "choice is denied",
                     d->choices[c].id, post[c].opt);
      else if (post[c].opt < 0)
        sb_departure(o, "SENIORITY", p->emps[e].id, "NBPC2019.ART14.C2",
                     "choice %s: not granted, but in seniority order option %d is",
                     d->choices[c].id, rule_opt[c]);
      else
        sb_departure(o, "SENIORITY", p->emps[e].id, "NBPC2019.ART14.C3",
                     "choice %s: option %d is posted, but in seniority order "
                     "option %d is granted",
                     d->choices[c].id, post[c].opt, rule_opt[c]);
    }
  }
  /* notify (C.3): every employee with a denied choice. One pass marks who
   * is listed, so the check stays linear on a large roster. */
  const cJSON *notify = cJSON_GetObjectItemCaseSensitive(result, "notify");
  uint8_t *listed = sb_arena_array(ar, p->nemps + 1, 1);
  if (!listed) goto nomem;
  const cJSON *n;
  const cJSON *narr = cJSON_IsArray(notify) ? notify : NULL;
  cJSON_ArrayForEach(n, narr) {
    int64_t e = cJSON_IsString(n) ? sb_problem_find(p, n->valuestring) : -1;
    if (e >= 0) listed[e] = 1;
  }
  for (uint32_t i = 0; i < p->nemps; i++) {
    uint32_t e = p->sen.order[i];
    if (must_notify[e] && !listed[e])
      sb_departure(o, "NOTIFY", p->emps[e].id, "NBPC2019.ART14.C3",
                   "a choice is denied, so the employee must be asked for "
                   "another alternate");
  }
  lv_state_free(&s);
  return SENBID_OK;
nomem:
  lv_state_free(&s);
  return sb_err_nomem(ctx->err);
}
