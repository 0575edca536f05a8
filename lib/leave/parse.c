/*
 * Master leave (SPEC section 2; NBPC 2019 Art. 14 C; INS 1995 Art. 14 C-D;
 * ICE 2019 Art. 18 Sec. 2.E-F): reading and validating the document into
 * lv_data. Every allocation goes through the problem's allocator (its
 * arena, or p->alloc for scratch). The rules are in rules.c.
 */
#include <stdlib.h>
#include <string.h>

#include "leave.h"

/* Pushes "employees"[i] on the path for an employee's own members. */
static int parse_employee(lv_data *d, uint32_t i, sb_jr *r,
                          const cJSON *ej) {
  lv_emp *e = &d->emps[i];
  bool present;
  e->request = -1;
  e->hours_per_day = 8;
  e->workdays = (1u << SB_MON) | (1u << SB_TUE) | (1u << SB_WED) |
                (1u << SB_THU) | (1u << SB_FRI);
  SB_TRY(sb_jr_nonneg_number(r, ej, "leave_balance_hours", false, &e->balance,
                             &e->has_balance));
  SB_TRY(sb_jr_nonneg_number(r, ej, "hours_per_day", false, &e->hours_per_day,
                             &present));
  SB_TRY(sb_jr_count(r, ej, "min_leave_days", false, &e->min_days, &present));
  if (e->min_days > 0) d->nmin++;
  /* Conflict factors (SPEC section 2, rules.priority). */
  SB_TRY(sb_jr_nonneg_number(r, ej, "use_or_lose_hours", false,
                             &e->use_or_lose, &present));
  SB_TRY(sb_jr_bool(r, ej, "school_age_children", false, &e->school_children,
                    &present));
  SB_TRY(sb_jr_bool(r, ej, "denied_previous_period", false,
                    &e->denied_previous, &present));
  const cJSON *wd = NULL;
  SB_TRY(sb_jr_array(r, ej, "workdays", false, &wd));
  if (wd) {
    sb_path_key(&r->path, "workdays");
    e->workdays = 0;
    SB_JR_EACH(r, wd, k, item) {
      int day;
      int rc = sb_jr_v_weekday(r, item, &day);
      if (rc < 0) return rc;
      e->workdays |= (uint8_t)(1u << day);
    }
    sb_path_pop(&r->path);
  }
  return SENBID_OK;
}

static int cap_value(sb_jr *r, const cJSON *v, int32_t *out) {
  int64_t n;
  SB_TRY(sb_jr_v_count(r, v, &n));
  *out = n > LV_CAP_CLAMP ? LV_CAP_CLAMP : (int32_t)n;
  return SENBID_OK;
}

/* capacity.totals (SPEC section 2): caps over several groups. */
static int parse_totals(senbid_problem *p, lv_data *d, sb_jr *r,
                        const cJSON *cap) {
  const cJSON *arr = NULL;
  SB_TRY(sb_jr_array(r, cap, "totals", false, &arr));
  if (!arr) return SENBID_OK;
  d->ntotals = (uint32_t)sb_json_count(arr);
  d->totals = sb_arena_array(&p->arena, d->ntotals + 1, sizeof(lv_total));
  if (!d->totals) return sb_err_nomem(r->err);
  sb_path_key(&r->path, "totals");
  SB_JR_EACH(r, arr, k, item) {
    lv_total *t = &d->totals[k];
    int rc = sb_jr_v_object(r, item);
    if (rc < 0) return rc;
    const cJSON *gs = NULL;
    rc = sb_jr_array(r, item, "groups", true, &gs);
    if (rc < 0) return rc;
    uint32_t n = (uint32_t)sb_json_count(gs);
    if (n == 0)
      return sb_jr_fail(r, SENBID_E_MISSING, "groups",
                        "a total names at least one group");
    t->names = sb_arena_array(&p->arena, n, sizeof(char *));
    if (!t->names) return sb_err_nomem(r->err);
    sb_path_key(&r->path, "groups");
    SB_JR_EACH(r, gs, j, gv) {
      const char *name;
      rc = sb_jr_v_string(r, gv, &name);
      if (rc < 0) return rc;
      for (uint32_t i = 0; i < t->nnames; i++)
        if (strcmp(t->names[i], name) == 0)
          return sb_jr_fail(r, SENBID_E_DUPLICATE, NULL,
                            "group %s is listed twice", SB_Q(name));
      t->names[t->nnames++] = name;
    }
    sb_path_pop(&r->path);
    const cJSON *mv = NULL;
    rc = sb_jr_member(r, item, "max", true, &mv);
    if (rc < 0) return rc;
    sb_path_key(&r->path, "max");
    rc = cap_value(r, mv, &t->max);
    if (rc < 0) return rc;
    sb_path_pop(&r->path);
    t->r = d->period;
    if (sb_json_get(item, "start") || sb_json_get(item, "end")) {
      /* start and end come together: MISSING names the absent one. */
      rc = sb_jr_v_range(r, item, &t->r);
      if (rc < 0) return rc;
      if (t->r.start < d->period.start) t->r.start = d->period.start;
      if (t->r.end > d->period.end) t->r.end = d->period.end;
    }
  }
  sb_path_pop(&r->path);
  return SENBID_OK;
}

/* Each group's capacity pools: itself, then the totals naming it. */
static int build_pools(senbid_problem *p, lv_data *d, sb_jr *r,
                       const sb_strmap *gmap) {
  d->npools = d->ngroups + d->ntotals;
  d->gpools = sb_arena_array(&p->arena, d->ngroups + 1, sizeof(uint32_t *));
  d->gnpools = sb_arena_array(&p->arena, d->ngroups + 1, sizeof(uint32_t));
  if (!d->gpools || !d->gnpools) return sb_err_nomem(r->err);
  for (uint32_t g = 0; g < d->ngroups; g++) d->gnpools[g] = 1;
  for (int pass = 0; pass < 2; pass++) {
    for (uint32_t t = 0; t < d->ntotals; t++)
      for (uint32_t i = 0; i < d->totals[t].nnames; i++) {
        uint32_t g;
        /* A total may name a group no employee belongs to. */
        if (!sb_strmap_get(gmap, d->totals[t].names[i], &g)) continue;
        if (pass == 0) d->gnpools[g]++;
        else d->gpools[g][d->gnpools[g]++] = d->ngroups + t;
      }
    if (pass == 1) break;
    for (uint32_t g = 0; g < d->ngroups; g++) {
      d->gpools[g] = sb_arena_array(&p->arena, d->gnpools[g], sizeof(uint32_t));
      if (!d->gpools[g]) return sb_err_nomem(r->err);
      d->gpools[g][0] = g;
      d->gnpools[g] = 1;
    }
  }
  return SENBID_OK;
}

static int parse_capacity(senbid_problem *p, lv_data *d, sb_jr *r,
                          const cJSON *root, const sb_strmap *gmap) {
  for (uint32_t g = 0; g < d->ngroups; g++) d->group_base[g] = LV_UNLIMITED;
  const cJSON *cap = NULL;
  SB_TRY(sb_jr_object(r, root, "capacity", false, &cap));
  if (!cap) return SENBID_OK;
  sb_path_key(&r->path, "capacity");
  const cJSON *v = sb_json_get(cap, "default");
  if (v) {
    sb_path_key(&r->path, "default");
    SB_TRY(cap_value(r, v, &d->default_cap));
    sb_path_pop(&r->path);
    d->has_default = true;
    for (uint32_t g = 0; g < d->ngroups; g++) d->group_base[g] = d->default_cap;
  }
  const cJSON *groups = NULL;
  SB_TRY(sb_jr_object(r, cap, "groups", false, &groups));
  if (groups) {
    sb_path_key(&r->path, "groups");
    for (const cJSON *gv = groups->child; gv; gv = gv->next) {
      if (cJSON_IsNull(gv)) continue;
      sb_path_key(&r->path, gv->string ? gv->string : "");
      int32_t n;
      SB_TRY(cap_value(r, gv, &n));
      sb_path_pop(&r->path);
      uint32_t g;
      /* A group no employee belongs to constrains nobody. */
      if (gv->string && sb_strmap_get(gmap, gv->string, &g))
        d->group_base[g] = n;
    }
    sb_path_pop(&r->path);
  }
  const cJSON *ovs = NULL;
  SB_TRY(sb_jr_array(r, cap, "overrides", false, &ovs));
  if (ovs) {
    d->noverrides = (uint32_t)sb_json_count(ovs);
    d->overrides = sb_arena_array(&p->arena, d->noverrides ? d->noverrides : 1,
                                  sizeof(lv_override));
    if (!d->overrides) return sb_err_nomem(r->err);
    sb_path_key(&r->path, "overrides");
    SB_JR_EACH(r, ovs, k, item) {
      lv_override *o = &d->overrides[k];
      int rc = sb_jr_v_range(r, item, &o->r);
      if (rc < 0) return rc;
      const cJSON *mv = NULL;
      rc = sb_jr_member(r, item, "max", true, &mv);
      if (rc < 0) return rc;
      sb_path_key(&r->path, "max");
      rc = cap_value(r, mv, &o->max);
      if (rc < 0) return rc;
      sb_path_pop(&r->path);
      const char *gname = NULL;
      rc = sb_jr_string(r, item, "group", false, &gname);
      if (rc < 0) return rc;
      o->group = -1;
      if (gname) {
        uint32_t g;
        o->group = sb_strmap_get(gmap, gname, &g) ? (int32_t)g : -2;
      }
    }
    sb_path_pop(&r->path);
  }
  SB_TRY(parse_totals(p, d, r, cap));
  sb_path_pop(&r->path);
  return SENBID_OK;
}

static int parse_holidays(senbid_problem *p, lv_data *d, sb_jr *r,
                          const cJSON *root) {
  d->holiday = sb_arena_array(&p->arena, d->ndays, 1);
  if (!d->holiday) return sb_err_nomem(r->err);
  bool inaug = false;
  SB_TRY(sb_jr_bool(r, root, "inauguration_day", false, &inaug, NULL));
  const cJSON *h = sb_json_get(root, "holidays");
  if (!h) return SENBID_OK;
  sb_path_key(&r->path, "holidays");
  if (cJSON_IsString(h)) {
    if (strcmp(h->valuestring, "us-federal") != 0)
      return sb_jr_fail(r, SENBID_E_VALUE, NULL,
                        "unknown holiday calendar %s (us-federal or a list of "
                        "dates)",
                        SB_Q(h->valuestring));
    sb_holiday hol[64];
    size_t n = sb_federal_holidays(d->period.start, d->period.end, inaug, hol,
                                   64);
    sb_holiday *all = hol;
    if (n > 64) {
      all = sb_arena_array(&p->arena, n, sizeof *all);
      if (!all) return sb_err_nomem(r->err);
      sb_federal_holidays(d->period.start, d->period.end, inaug, all, n);
    }
    for (size_t i = 0; i < n; i++)
      if (all[i].observed >= d->period.start && all[i].observed <= d->period.end)
        d->holiday[all[i].observed - d->period.start] = 1;
  } else if (cJSON_IsArray(h)) {
    /* A list is used as given, with no observed shift (SPEC section 9). */
    SB_JR_EACH(r, h, k, item) {
      sb_day day;
      int rc = sb_jr_v_date(r, item, &day);
      if (rc < 0) return rc;
      if (day >= d->period.start && day <= d->period.end)
        d->holiday[day - d->period.start] = 1;
    }
  } else {
    return sb_jr_fail(r, SENBID_E_TYPE, NULL,
                      "expected \"us-federal\" or a list of dates");
  }
  sb_path_pop(&r->path);
  return SENBID_OK;
}

static int cmp_appr(const void *a, const void *b) {
  const lv_approved *x = a, *y = b;
  if (x->emp != y->emp) return x->emp < y->emp ? -1 : 1;
  if (x->r.start != y->r.start) return x->r.start < y->r.start ? -1 : 1;
  return (x->r.end > y->r.end) - (x->r.end < y->r.end);
}

static int parse_approved(senbid_problem *p, lv_data *d, sb_jr *r,
                          const cJSON *root) {
  const cJSON *arr = NULL;
  SB_TRY(sb_jr_array(r, root, "approved", false, &arr));
  uint32_t n = arr ? (uint32_t)sb_json_count(arr) : 0;
  d->napproved = n;
  d->approved = sb_arena_array(&p->arena, n ? n : 1, sizeof(lv_approved));
  d->appr_merged = sb_arena_array(&p->arena, n ? n : 1, sizeof(sb_range));
  if (!d->approved || !d->appr_merged) return sb_err_nomem(r->err);
  if (arr) {
    sb_path_key(&r->path, "approved");
    SB_JR_EACH(r, arr, k, item) {
      int rc = sb_jr_v_object(r, item);
      if (rc < 0) return rc;
      rc = sb_jr_employee(r, p, item, "employee", true, &d->approved[k].emp,
                          NULL);
      if (rc < 0) return rc;
      rc = sb_jr_v_range(r, item, &d->approved[k].r);
      if (rc < 0) return rc;
    }
    sb_path_pop(&r->path);
  }
  if (n == 0) return SENBID_OK;
  /* Merge each employee's approved ranges into disjoint intervals, so that
   * off(g, d) counts distinct employees (SPEC section 9). */
  lv_approved *tmp = sb_mem_alloc(&p->alloc, (size_t)n * sizeof *tmp);
  if (!tmp) return sb_err_nomem(r->err);
  memcpy(tmp, d->approved, (size_t)n * sizeof *tmp);
  qsort(tmp, n, sizeof *tmp, cmp_appr);
  uint32_t m = 0;
  for (uint32_t i = 0; i < n;) {
    uint32_t e = tmp[i].emp;
    d->emps[e].first_appr = m;
    sb_range cur = tmp[i].r;
    for (i++; i < n && tmp[i].emp == e; i++) {
      if (tmp[i].r.start <= cur.end + 1) {
        if (tmp[i].r.end > cur.end) cur.end = tmp[i].r.end;
      } else {
        d->appr_merged[m++] = cur;
        cur = tmp[i].r;
      }
    }
    d->appr_merged[m++] = cur;
    d->emps[e].nappr = m - d->emps[e].first_appr;
  }
  sb_mem_free(&p->alloc, tmp);
  return SENBID_OK;
}

static int parse_requests(senbid_problem *p, lv_data *d, sb_jr *r,
                          const cJSON *root) {
  const cJSON *arr = NULL;
  SB_TRY(sb_jr_array(r, root, "requests", false, &arr));
  if (!arr) return SENBID_OK;
  /* First pass: sizes, so the arrays are allocated once. */
  uint64_t nreq = 0, nch = 0, nopt = 0;
  size_t qk = 0;
  for (const cJSON *q = sb_json_first(arr); q; q = sb_json_after(arr, q, ++qk)) {
    nreq++;
    const cJSON *ch = cJSON_IsObject(q) ? sb_json_get(q, "choices") : NULL;
    if (!cJSON_IsArray(ch)) continue;
    for (const cJSON *c = ch->child; c; c = c->next) {
      nch++;
      const cJSON *os = cJSON_IsObject(c) ? sb_json_get(c, "options") : NULL;
      if (cJSON_IsArray(os)) nopt += (uint64_t)sb_json_count(os);
    }
  }
  if (nreq > SB_MAX_EMPLOYEES || nch > UINT32_MAX / 2 || nopt > UINT32_MAX / 2)
    return sb_jr_fail(r, SENBID_E_LIMIT, "requests", "too many requests");
  d->nreq = (uint32_t)nreq;
  d->req_emp = sb_arena_array(&p->arena, nreq + 1, sizeof(uint32_t));
  d->req_first_choice = sb_arena_array(&p->arena, nreq + 1, sizeof(uint32_t));
  d->req_nchoices = sb_arena_array(&p->arena, nreq + 1, sizeof(uint32_t));
  d->choices = sb_arena_array(&p->arena, nch + 1, sizeof(lv_choice));
  d->opts = sb_arena_array(&p->arena, nopt + 1, sizeof(sb_range));
  if (!d->req_emp || !d->req_first_choice || !d->req_nchoices || !d->choices ||
      !d->opts)
    return sb_err_nomem(r->err);
  sb_path_key(&r->path, "requests");
  uint32_t ci = 0, oi = 0;
  SB_JR_EACH(r, arr, qi, q) {
    int rc = sb_jr_v_object(r, q);
    if (rc < 0) return rc;
    uint32_t e;
    rc = sb_jr_employee(r, p, q, "employee", true, &e, NULL);
    if (rc < 0) return rc;
    if (d->emps[e].request >= 0)
      return sb_jr_fail(r, SENBID_E_DUPLICATE, "employee",
                        "employee %s already has a request at $.requests[%d]",
                        SB_Q(p->emps[e].id), d->emps[e].request);
    d->emps[e].request = (int32_t)qi;
    d->req_emp[qi] = e;
    const cJSON *ch = NULL;
    rc = sb_jr_array(r, q, "choices", true, &ch);
    if (rc < 0) return rc;
    int nc = sb_json_count(ch);
    if (nc > SB_MAX_CHOICES)
      return sb_jr_fail(r, SENBID_E_LIMIT, "choices",
                        "%d choices; at most %d are accepted", nc,
                        SB_MAX_CHOICES);
    d->req_first_choice[qi] = ci;
    d->req_nchoices[qi] = (uint32_t)nc;
    sb_path_key(&r->path, "choices");
    SB_JR_EACH(r, ch, k, c) {
      rc = sb_jr_v_object(r, c);
      if (rc < 0) return rc;
      lv_choice *cc = &d->choices[ci];
      /* Copied below unless shared. */
      rc = sb_jr_nonempty_string_ref(r, c, "id", true, &cc->id);
      if (rc < 0) return rc;
      for (uint32_t j = d->req_first_choice[qi]; j < ci; j++)
        if (strcmp(d->choices[j].id, cc->id) == 0)
          return sb_jr_fail(r, SENBID_E_DUPLICATE, "id",
                            "choice id %s is used twice in this request",
                            SB_Q(cc->id));
      /* Requests usually number their choices alike ("1", "2", ...): share
       * the previous request's copy, so that writing the result reads a
       * few hot strings rather than one per choice. */
      const char *shared = NULL;
      if (qi > 0 && k < d->req_nchoices[qi - 1]) {
        const char *prev = d->choices[d->req_first_choice[qi - 1] + k].id;
        if (strcmp(prev, cc->id) == 0) shared = prev;
      }
      cc->id = shared ? shared : sb_arena_strdup(&p->arena, cc->id);
      if (!cc->id) return sb_err_nomem(r->err);
      const cJSON *os = NULL;
      rc = sb_jr_array(r, c, "options", true, &os);
      if (rc < 0) return rc;
      cc->first_opt = oi;
      sb_path_key(&r->path, "options");
      SB_JR_EACH(r, os, kk, ov) {
        if (oi >= nopt) {
          sb_path_pop(&r->path);
          return sb_jr_fail(r, SENBID_E_LIMIT, NULL, "too many options");
        }
        rc = sb_jr_v_range(r, ov, &d->opts[oi]);
        if (rc < 0) return rc;
        oi++;
      }
      sb_path_pop(&r->path);
      cc->nopts = oi - cc->first_opt;
      ci++;
    }
    sb_path_pop(&r->path);
  }
  sb_path_pop(&r->path);
  d->nchoices = ci;
  d->nopts = oi;
  return SENBID_OK;
}

/* school_breaks (SPEC section 2): a choice falls in one when its first
 * option shares a day with a break. */
static int parse_school_breaks(senbid_problem *p, lv_data *d, sb_jr *r,
                               const cJSON *root) {
  const cJSON *arr = NULL;
  SB_TRY(sb_jr_array(r, root, "school_breaks", false, &arr));
  if (!arr) return SENBID_OK;
  uint32_t n = (uint32_t)sb_json_count(arr);
  sb_range *br = sb_arena_array(&p->arena, n + 1, sizeof(sb_range));
  if (!br) return sb_err_nomem(r->err);
  sb_path_key(&r->path, "school_breaks");
  SB_JR_EACH(r, arr, k, item) {
    int rc = sb_jr_v_range(r, item, &br[k]);
    if (rc < 0) return rc;
  }
  sb_path_pop(&r->path);
  for (uint32_t c = 0; c < d->nchoices; c++) {
    lv_choice *ch = &d->choices[c];
    if (ch->nopts == 0) continue; /* never in a break (SPEC section 2) */
    sb_range o = d->opts[ch->first_opt];
    for (uint32_t k = 0; k < n && !ch->school; k++)
      ch->school = o.start <= br[k].end && br[k].start <= o.end;
  }
  return SENBID_OK;
}

/* rules.priority (SPEC section 2, "Conflict factors"): a preset or a list
 * of factors; seniority always ends the order. */
static int parse_priority(lv_data *d, sb_jr *r, const cJSON *rules) {
  static const uint8_t ice[] = {LV_F_USE_OR_LOSE, LV_F_SCHOOL_CHILDREN,
                                LV_F_PREVIOUS_DENIAL, LV_F_SENIORITY};
  static const uint8_t ins[] = {LV_F_LEAVE_CREDIT, LV_F_SENIORITY};
  const cJSON *v = sb_json_get(rules, "priority");
  d->nfactors = 0;
  if (!v) return SENBID_OK;
  sb_path_key(&r->path, "priority");
  const char *rule = "ICE2019.ART18.SEC2.E";
  if (cJSON_IsString(v)) {
    const uint8_t *f;
    size_t n;
    if (strcmp(v->valuestring, "ice-2019") == 0) {
      f = ice;
      n = sizeof ice;
    } else if (strcmp(v->valuestring, "ins-1995") == 0) {
      f = ins;
      n = sizeof ins;
      rule = "INS1995.ART14.D";
    } else {
      return sb_jr_fail(r, SENBID_E_VALUE, NULL,
                        "unknown priority preset %s (ice-2019, ins-1995 or a "
                        "list of factors)",
                        SB_Q(v->valuestring));
    }
    memcpy(d->factors, f, n);
    d->nfactors = (uint32_t)n;
  } else if (cJSON_IsArray(v)) {
    if (sb_json_count(v) == 0)
      return sb_jr_fail(r, SENBID_E_VALUE, NULL,
                        "the list of factors is empty");
    bool seen[LV_NFACTORS] = {false};
    SB_JR_EACH(r, v, k, item) {
      const char *name;
      int rc = sb_jr_v_string(r, item, &name);
      if (rc < 0) return rc;
      int f = -1;
      for (int i = 0; i < LV_NFACTORS; i++)
        if (strcmp(name, lv_factor_infos[i].name) == 0) f = i;
      if (f < 0)
        return sb_jr_fail(r, SENBID_E_VALUE, NULL,
                          "unknown factor %s (use_or_lose, leave_credit, "
                          "school_children, previous_denial, seniority)",
                          SB_Q(name));
      if (seen[f])
        return sb_jr_fail(r, SENBID_E_VALUE, NULL, "factor %s is named twice",
                          SB_Q(name));
      seen[f] = true;
      d->factors[d->nfactors++] = (uint8_t)f;
    }
    if (!seen[LV_F_SENIORITY]) d->factors[d->nfactors++] = LV_F_SENIORITY;
  } else {
    return sb_jr_fail(r, SENBID_E_TYPE, NULL,
                      "expected a preset name or a list of factors");
  }
  sb_path_pop(&r->path);
  /* The audit records each round's order when a factor other than
   * seniority is named. */
  for (uint32_t i = 0; i < d->nfactors; i++)
    if (d->factors[i] != LV_F_SENIORITY) d->priority_rule = rule;
  /* Seniority is a total order: factors after it can never decide. */
  for (uint32_t i = 0; i < d->nfactors; i++)
    if (d->factors[i] == LV_F_SENIORITY) d->nfactors = i + 1;
  return SENBID_OK;
}

int lv_parse(senbid_problem *p, sb_jr *r, const cJSON *root,
             const sb_emps *emp_json) {
  lv_data *d = sb_arena_alloc(&p->arena, sizeof *d);
  if (!d) return sb_err_nomem(r->err);
  d->emps = sb_arena_array(&p->arena, p->nemps ? p->nemps : 1, sizeof(lv_emp));
  if (!d->emps) return sb_err_nomem(r->err);

  sb_path_key(&r->path, "employees");
  for (uint32_t i = 0; i < p->nemps; i++) {
    sb_path_index(&r->path, i);
    SB_TRY(parse_employee(d, i, r, sb_emp_json(emp_json, i)));
    sb_path_pop(&r->path);
  }
  sb_path_pop(&r->path);

  /* Capacity groups are the employees' groups, numbered in roster order. */
  sb_strmap gmap;
  SB_TRY(sb_strmap_init(&gmap, &p->arena, p->nemps + 1));
  d->group_names = sb_arena_array(&p->arena, p->nemps + 1, sizeof(char *));
  if (!d->group_names) return sb_err_nomem(r->err);
  for (uint32_t i = 0; i < p->nemps; i++) {
    uint32_t g;
    int rc = sb_strmap_put(&gmap, p->emps[i].group, d->ngroups, &g);
    if (rc < 0) return sb_err_set(r->err, rc, NULL, "too many groups");
    if (rc == 0) {
      g = d->ngroups++;
      d->group_names[g] = p->emps[i].group;
    }
    d->emps[i].group = g;
  }
  d->group_base = sb_arena_array(&p->arena, d->ngroups + 1, sizeof(int32_t));
  if (!d->group_base) return sb_err_nomem(r->err);

  SB_TRY(sb_jr_range(r, root, "period", true, &d->period, NULL));
  d->ndays = (uint32_t)(d->period.end - d->period.start + 1);
  SB_TRY(parse_holidays(p, d, r, root));
  SB_TRY(parse_capacity(p, d, r, root, &gmap));
  SB_TRY(parse_approved(p, d, r, root));
  SB_TRY(parse_requests(p, d, r, root));

  const cJSON *rules = NULL;
  SB_TRY(sb_jr_object(r, root, "rules", false, &rules));
  if (rules) {
    sb_path_key(&r->path, "rules");
    SB_TRY(sb_jr_count(r, rules, "max_days_per_employee", false, &d->max_days,
                       &d->has_max_days));
    SB_TRY(parse_priority(d, r, rules));
    sb_path_pop(&r->path);
  }
  SB_TRY(parse_school_breaks(p, d, r, root));
  SB_TRY(build_pools(p, d, r, &gmap));
  p->kind_data = d;
  return SENBID_OK;
}


const sb_kind_ops sb_leave_ops = {"leave",  lv_parse,     lv_solve,
                                  lv_check, lv_export_lp, lv_explain};
