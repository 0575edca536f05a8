/*
 * Master leave: checking a posted result, possibly made by hand (SPEC
 * section 7), through the rules of rules.c. Two replays:
 *  - the posted grants, in their posted (decision) order, through the fit
 *    tests on a state that starts from approved leave: a grant that does
 *    not fit when it is made is a departure named by the fit test's reason
 *    (OUTSIDE_PERIOD, OVERLAP, CAPACITY, BALANCE, MAX_DAYS), beside what is
 *    wrong with the record itself (UNKNOWN_CHOICE, DUPLICATE_GRANT,
 *    WRONG_DATES, CHARGED);
 *  - the decision sequence of the result's method: each choice's posted
 *    decision against the rules' (SENIORITY: a junior employee granted what
 *    a senior one was denied earlier in the priority sequence, NBPC 2019
 *    Art. 14 C.2; ROUND: granted or denied in another round), notify
 *    (NOTIFY, C.3) and, lexicographic, the minimums (MIN_LEAVE).
 */
#include <string.h>

#include "leave.h"

typedef struct posted {
  int32_t opt;   /* -1: not granted */
  int64_t round; /* as posted; -1 when absent or not a whole number */
  int64_t denied_round; /* a posted denial's round, -1 without one */
  bool seen;
} posted;

static const char *str_member(const cJSON *o, const char *key) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
  return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* A whole number >= 0 at key, or -1. */
static int64_t count_member(const cJSON *o, const char *key) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
  if (!cJSON_IsNumber(v) || v->valuedouble < 0 || v->valuedouble > 4e9 ||
      v->valuedouble != (double)(int64_t)v->valuedouble)
    return -1;
  return (int64_t)v->valuedouble;
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

/* A fit test's departure for a posted grant that does not fit. */
static void fit_departure(sb_out *o, const lv_state *ps, uint32_t e,
                          const char *eid, const lv_choice *ch, uint32_t k,
                          int why, sb_day date) {
  const lv_data *d = ps->d;
  char a[11];
  switch (why) {
  case LV_OUTSIDE_PERIOD:
    sb_departure(o, "OUTSIDE_PERIOD", eid, "NBPC2019.ART14.B",
                 "choice %s option %u lies outside the period", SB_Q(ch->id), k);
    break;
  case LV_OVERLAP:
    sb_departure(o, "OVERLAP", eid, "NBPC2019.ART14.C6",
                 "choice %s option %u overlaps the employee's other leave",
                 SB_Q(ch->id), k);
    break;
  case LV_CAPACITY:
    sb_date_format(date, a);
    sb_departure(o, "CAPACITY", eid, "NBPC2019.ART14.B",
                 "choice %s option %u: the group or one of its totals is full "
                 "on %s",
                 SB_Q(ch->id), k, a);
    break;
  case LV_BALANCE:
    sb_departure(o, "BALANCE", eid, "NBPC2019.ART14.A",
                 "choice %s option %u: %g hours, %g left of the balance",
                 SB_Q(ch->id), k,
                 lv_charged_days(ps, e, d->opts[ch->first_opt + k]) *
                     d->emps[e].hours_per_day,
                 ps->balance_left[e]);
    break;
  case LV_MAX_DAYS:
    sb_departure(o, "MAX_DAYS", eid, "NBPC2019.ART14.B",
                 "choice %s option %u: more than %lld days in this run",
                 SB_Q(ch->id), k, (long long)d->max_days);
    break;
  default:
    break;
  }
}

/* The posted grants replayed through the fit tests (rules.c). */
static int replay_posted(sb_ctx *ctx, const cJSON *garr, sb_out *o,
                         posted *post, lv_state *ps) {
  const senbid_problem *p = ctx->p;
  const lv_data *d = p->kind_data;
  SB_TRY(lv_state_init(ps, ctx));
  uint32_t gi = 0;
  const cJSON *g;
  cJSON_ArrayForEach(g, garr) {
    const char *eid = str_member(g, "employee");
    const char *cid = str_member(g, "choice");
    int64_t ei = eid ? sb_problem_find(p, eid) : -1;
    int64_t c = ei >= 0 ? find_choice(d, (uint32_t)ei, cid) : -1;
    int64_t od = count_member(g, "option");
    if (c < 0 || od < 0 || od >= d->choices[c].nopts) {
      sb_departure(o, "UNKNOWN_CHOICE", eid, "NBPC2019.ART14.C1",
                   "grants[%u] names no requested choice and option", gi++);
      continue;
    }
    gi++;
    uint32_t e = (uint32_t)ei, k = (uint32_t)od;
    const lv_choice *ch = &d->choices[c];
    sb_range r = d->opts[ch->first_opt + k];
    if (post[c].seen) {
      sb_departure(o, "DUPLICATE_GRANT", eid, "NBPC2019.ART14.C3",
                   "choice %s is granted more than once", SB_Q(ch->id));
      continue;
    }
    post[c].seen = true;
    post[c].opt = (int32_t)k;
    post[c].round = count_member(g, "round");
    sb_day ps_, pe;
    const char *sv = str_member(g, "start"), *evs = str_member(g, "end");
    if (!sv || !evs || !sb_date_parse(sv, &ps_) || !sb_date_parse(evs, &pe) ||
        ps_ != r.start || pe != r.end)
      sb_departure(o, "WRONG_DATES", eid, "NBPC2019.ART14.C3",
                   "choice %s option %u: the dates are not the option's",
                   SB_Q(ch->id), k);
    sb_day date = 0;
    int why = lv_fit(ps, e, r, &date);
    if (why != LV_OK) fit_departure(o, ps, e, eid, ch, k, why, date);
    if (why == LV_OUTSIDE_PERIOD) continue;
    int32_t cd = lv_charged_days(ps, e, r);
    const cJSON *cdv = cJSON_GetObjectItemCaseSensitive(g, "charged_days");
    const cJSON *chv = cJSON_GetObjectItemCaseSensitive(g, "charged_hours");
    double h = cd * d->emps[e].hours_per_day;
    if ((cdv && (!cJSON_IsNumber(cdv) || cdv->valuedouble != cd)) ||
        (chv && (!cJSON_IsNumber(chv) || chv->valuedouble < h - LV_EPS ||
                 chv->valuedouble > h + LV_EPS)))
      sb_departure(o, "CHARGED", eid, "NBPC2019.ART14.C",
                   "choice %s: %d days and %g hours are charged, not as posted",
                   SB_Q(ch->id), cd, h);
    /* An overlapping grant is not counted again: off(g, d) counts
     * distinct employees. */
    if (why != LV_OVERLAP) SB_TRY(lv_apply(ps, e, r, cd));
  }
  return SENBID_OK;
}

/* A lexicographic result cut by its time limit (SPEC section 9) is judged
 * as made: gated_until decisions through the gate, the rest as
 * round_robin makes them, the minimums not owed. */
int lv_replay_result(sb_ctx *ctx, const cJSON *result, lv_state *s,
                     bool *feasible, bool *cut) {
  const char *status = str_member(result, "status");
  *cut = ctx->method == SENBID_METHOD_LEXICOGRAPHIC && status &&
         strcmp(status, "time_limit") == 0;
  int64_t until = *cut ? count_member(result, "gated_until") : -1;
  if (*cut && until < 0)
    return sb_err_set(ctx->err, SENBID_E_MISSING, "$.gated_until",
                      "a time-limited lexicographic result says how many "
                      "decisions were gated");
  return lv_replay_until(ctx, s, feasible, until);
}

int lv_check(sb_ctx *ctx, const cJSON *result, sb_out *o) {
  const senbid_problem *p = ctx->p;
  const lv_data *d = p->kind_data;
  /* A document that is not a leave result is an input error, not a list
   * of departures. */
  const char *kind = str_member(result, "kind");
  if (kind && strcmp(kind, "leave") != 0)
    return sb_err_set(ctx->err, SENBID_E_VALUE, "$.kind",
                      "the result is of kind %s, the problem of kind leave",
                      SB_Q(kind));
  const cJSON *grants = cJSON_GetObjectItemCaseSensitive(result, "grants");
  if (!grants || cJSON_IsNull(grants))
    return sb_err_set(ctx->err, SENBID_E_MISSING, "$.grants",
                      "a leave result lists its grants");
  if (!cJSON_IsArray(grants))
    return sb_err_set(ctx->err, SENBID_E_TYPE, "$.grants",
                      "grants must be a list");

  sb_arena *ar = &ctx->scratch;
  posted *post = sb_arena_array(ar, d->nchoices + 1, sizeof(posted));
  if (!post) return sb_err_nomem(ctx->err);
  for (uint32_t c = 0; c < d->nchoices; c++) {
    post[c].opt = -1;
    post[c].round = -1;
    post[c].denied_round = -1;
  }
  lv_state ps, s;
  memset(&s, 0, sizeof s);
  int rc = replay_posted(ctx, grants, o, post, &ps);
  bool feasible = true;
  bool cut = false;
  if (rc == SENBID_OK) rc = lv_replay_result(ctx, result, &s, &feasible, &cut);
  if (rc < 0) goto done;

  /* Posted denials' rounds. */
  const cJSON *denials = cJSON_GetObjectItemCaseSensitive(result, "denials");
  const cJSON *dn;
  const cJSON *darr = cJSON_IsArray(denials) ? denials : NULL;
  cJSON_ArrayForEach(dn, darr) {
    const char *eid = str_member(dn, "employee");
    int64_t ei = eid ? sb_problem_find(p, eid) : -1;
    int64_t c = ei >= 0 ? find_choice(d, (uint32_t)ei, str_member(dn, "choice")) : -1;
    if (c >= 0) post[c].denied_round = count_member(dn, "round");
  }

  /* Balance, max_days and minimums over the posted grants, in seniority
   * order: the lexicographic bound (NBPC 2019 Art. 14 A). */
  bool lex_ok = ctx->method == SENBID_METHOD_LEXICOGRAPHIC && feasible && !cut;
  for (uint32_t i = 0; lex_ok && i < p->nemps; i++) {
    uint32_t e = p->sen.order[i];
    const lv_emp *em = &d->emps[e];
    if (em->min_days > ps.granted_days[e])
      sb_departure(o, "MIN_LEAVE", p->emps[e].id, "NBPC2019.ART14.A",
                   "%lld days granted, min_leave_days %lld",
                   (long long)ps.granted_days[e], (long long)em->min_days);
  }

  /* The decision sequence: each choice's posted decision against the
   * rules' (NBPC 2019 Art. 14 C.2-C.3). */
  int32_t *rule_opt = sb_arena_array(ar, d->nchoices + 1, sizeof(int32_t));
  uint32_t *rule_round = sb_arena_array(ar, d->nchoices + 1, sizeof(uint32_t));
  uint8_t *must_notify = lv_rule_notify(&s);
  if (!rule_opt || !rule_round || !must_notify) {
    rc = sb_err_nomem(ctx->err);
    goto done;
  }
  for (uint32_t c = 0; c < d->nchoices; c++) rule_opt[c] = -1;
  for (size_t i = 0; i < s.grants.len; i++) {
    const lv_grant *rg = &SB_VEC_AT(&s.grants, lv_grant, i);
    rule_opt[rg->choice] = (int32_t)rg->opt;
    rule_round[rg->choice] = rg->round;
  }
  for (size_t i = 0; i < s.denials.len; i++) {
    const lv_denial *rd = &SB_VEC_AT(&s.denials, lv_denial, i);
    rule_round[rd->choice] = rd->round;
  }
  /* Under rules.priority the sequence is the round order of INS 1995 Art.
   * 14 D or ICE 2019 Art. 18 Sec. 2.E, and a departure from it cites that
   * clause. */
  const char *seq_rule = d->priority_rule ? d->priority_rule : "NBPC2019.ART14.C2";
  const char *seq_words = d->priority_rule ? "in the priority order" : "in seniority order";
  for (uint32_t i = 0; i < p->nemps; i++) {
    uint32_t e = p->sen.order[i];
    int32_t q = d->emps[e].request;
    const char *eid = p->emps[e].id;
    for (uint32_t ci = 0; q >= 0 && ci < d->req_nchoices[q]; ci++) {
      uint32_t c = d->req_first_choice[q] + ci;
      const char *cid = SB_Q(d->choices[c].id);
      if (rule_opt[c] != post[c].opt) {
        if (rule_opt[c] < 0)
          sb_departure(o, "SENIORITY", eid, seq_rule,
                       "choice %s: option %d is posted, but %s the choice "
                       "is denied",
                       cid, post[c].opt, seq_words);
        else if (post[c].opt < 0)
          sb_departure(o, "SENIORITY", eid, seq_rule,
                       "choice %s: not granted, but %s option %d is", cid,
                       seq_words, rule_opt[c]);
        else
          sb_departure(o, "SENIORITY", eid,
                       d->priority_rule ? seq_rule : "NBPC2019.ART14.C3",
                       "choice %s: option %d is posted, but %s option %d is "
                       "granted",
                       cid, post[c].opt, seq_words, rule_opt[c]);
        continue;
      }
      /* NBPC2019.ART14.C2: one grant per employee per round, so the round
       * of a decision is part of it. */
      int64_t pr = post[c].opt >= 0 ? post[c].round : post[c].denied_round;
      bool decided = post[c].opt >= 0 || rule_round[c] > 0;
      if (decided && (post[c].opt >= 0 || pr >= 0) && pr != rule_round[c])
        sb_departure(o, "ROUND", eid, "NBPC2019.ART14.C2",
                     "choice %s: decided in round %u, posted in round %lld",
                     cid, rule_round[c], (long long)pr);
    }
  }
  /* notify (C.3): every employee with a denied choice. One pass marks who
   * is listed, so the check stays linear on a large roster. */
  const cJSON *notify = cJSON_GetObjectItemCaseSensitive(result, "notify");
  uint8_t *listed = sb_arena_array(ar, p->nemps + 1, 1);
  if (!listed) {
    rc = sb_err_nomem(ctx->err);
    goto done;
  }
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
done:
  lv_state_free(&ps);
  lv_state_free(&s);
  return rc;
}
