/* Reading the aws members of a problem document (SPEC section 4). */
#include <string.h>

#include "aws.h"

const char *const aws_type_names[AWS_NTYPES] = {
    "VWS", "MAXIFLEX", "CWS_4_10", "CWS_5_4_9", "CWS_4_9_4"};

int aws_type_parse(const char *s) {
  if (!s) return -1;
  for (int t = 0; t < AWS_NTYPES; t++)
    if (strcmp(s, aws_type_names[t]) == 0) return t;
  return -1;
}

/* A weekday mask from an array of weekday strings. */
static int read_weekdays(sb_jr *r, const cJSON *arr, uint8_t *mask) {
  *mask = 0;
  SB_JR_EACH(r, arr, i, item) {
    int wd;
    SB_TRY(sb_jr_v_weekday(r, item, &wd));
    *mask |= (uint8_t)(1u << wd);
  }
  return SENBID_OK;
}

/* {"week": 1|2, "day": "fri"} */
static int read_week_day(sb_jr *r, const cJSON *v, aws_wd *out) {
  SB_TRY(sb_jr_v_object(r, v));
  int64_t week;
  int wd;
  SB_TRY(sb_jr_int(r, v, "week", true, &week, NULL));
  if (week != 1 && week != 2)
    return sb_jr_fail(r, SENBID_E_VALUE, "week",
                      "week must be 1 or 2 (the week of the pay period), "
                      "got %lld",
                      (long long)week);
  SB_TRY(sb_jr_weekday(r, v, "day", true, &wd, NULL));
  out->week = (uint8_t)week;
  out->day = (uint8_t)wd;
  return SENBID_OK;
}

static int read_member_week_day(sb_jr *r, const cJSON *obj, const char *key,
                                aws_wd *out) {
  const cJSON *v = NULL;
  SB_TRY(sb_jr_member(r, obj, key, true, &v));
  sb_path_key(&r->path, key);
  int rc = read_week_day(r, v, out);
  sb_path_pop(&r->path);
  return rc;
}

static int read_option(senbid_problem *p, sb_jr *r, const cJSON *v,
                       aws_opt *o) {
  SB_TRY(sb_jr_v_object(r, v));
  const char *ts = NULL;
  SB_TRY(sb_jr_string_ref(r, v, "type", true, &ts)); /* only looked up */
  int t = aws_type_parse(ts);
  if (t < 0)
    return sb_jr_fail(r, SENBID_E_VALUE, "type",
                      "%s is not a schedule type (VWS, MAXIFLEX, CWS_4_10, "
                      "CWS_5_4_9, CWS_4_9_4)",
                      SB_Q(ts));
  o->type = (uint8_t)t;
  o->arrive = -1;
  o->meal = -1;
  switch (t) {
    case AWS_VWS:
      return SENBID_OK;
    case AWS_MAXIFLEX: {
      const cJSON *arr = NULL;
      SB_TRY(sb_jr_array(r, v, "days_off", true, &arr));
      int n = sb_json_count(arr);
      if (n > 14)
        return sb_jr_fail(r, SENBID_E_LIMIT, "days_off",
                          "%d days off; a pay period has 14 days", n);
      o->n_mf = (uint32_t)n;
      o->mf_days = sb_arena_array(&p->arena, (size_t)n + 1, sizeof(aws_wd));
      if (!o->mf_days) return sb_err_nomem(r->err);
      sb_path_key(&r->path, "days_off");
      SB_JR_EACH(r, arr, i, item) {
        SB_TRY(read_week_day(r, item, &o->mf_days[i]));
      }
      sb_path_pop(&r->path);
      return SENBID_OK;
    }
    case AWS_CWS_4_10: {
      int wd;
      SB_TRY(sb_jr_weekday(r, v, "day_off", true, &wd, NULL));
      o->day_off.week = 0;
      o->day_off.day = (uint8_t)wd;
      break;
    }
    case AWS_CWS_5_4_9:
      SB_TRY(read_member_week_day(r, v, "day_off", &o->day_off));
      SB_TRY(read_member_week_day(r, v, "short_day", &o->short_day));
      break;
    default:
      break;
  }
  /* Every CWS fixes its arrival and meal period (Sec. 10.A.2.c). */
  int64_t meal;
  SB_TRY(sb_jr_time(r, v, "arrive", true, &o->arrive, NULL));
  SB_TRY(sb_jr_count(r, v, "meal_minutes", true, &meal, NULL));
  if (meal > 24 * 60)
    return sb_jr_fail(r, SENBID_E_LIMIT, "meal_minutes",
                      "a meal period of %lld minutes is longer than a day",
                      (long long)meal);
  o->meal = (int32_t)meal;
  return SENBID_OK;
}

static int read_request(senbid_problem *p, sb_jr *r, aws_data *d,
                        const cJSON *v, uint32_t idx) {
  aws_req *q = &d->reqs[idx];
  SB_TRY(sb_jr_v_object(r, v));
  SB_TRY(sb_jr_employee(r, p, v, "employee", true, &q->emp, NULL));
  if (d->emps[q->emp].req != AWS_NONE)
    return sb_jr_fail(r, SENBID_E_DUPLICATE, "employee",
                      "employee %s already has a request",
                      SB_Q(p->emps[q->emp].id));
  d->emps[q->emp].req = (int32_t)idx;

  const cJSON *opts = NULL;
  SB_TRY(sb_jr_array(r, v, "options", false, &opts));
  int n = opts ? sb_json_count(opts) : 0;
  if (n > SB_MAX_AWS_OPTIONS)
    return sb_jr_fail(r, SENBID_E_LIMIT, "options",
                      "%d options; at most %d are accepted", n,
                      SB_MAX_AWS_OPTIONS);
  q->nopts = (uint32_t)n;
  q->opts = sb_arena_array(&p->arena, (size_t)n + 1, sizeof(aws_opt));
  if (!q->opts) return sb_err_nomem(r->err);
  if (opts) {
    sb_path_key(&r->path, "options");
    SB_JR_EACH(r, opts, i, item) {
      SB_TRY(read_option(p, r, item, &q->opts[i]));
    }
    sb_path_pop(&r->path);
  }

  const cJSON *tele = NULL;
  SB_TRY(sb_jr_array(r, v, "telework", false, &tele));
  int nt = tele ? sb_json_count(tele) : 0;
  if (nt > 7)
    return sb_jr_fail(r, SENBID_E_LIMIT, "telework",
                      "%d telework days; a week has 7", nt);
  q->ntele = (uint32_t)nt;
  q->telework = sb_arena_alloc(&p->arena, (size_t)nt + 1);
  if (!q->telework) return sb_err_nomem(r->err);
  if (tele) {
    uint8_t seen = 0;
    sb_path_key(&r->path, "telework");
    SB_JR_EACH(r, tele, i, item) {
      int wd;
      SB_TRY(sb_jr_v_weekday(r, item, &wd));
      if (seen & (1u << wd))
        return sb_jr_fail(r, SENBID_E_DUPLICATE, NULL,
                          "%s is requested twice", sb_weekday_name(wd));
      seen |= (uint8_t)(1u << wd);
      q->telework[i] = (uint8_t)wd;
    }
    sb_path_pop(&r->path);
  }
  return SENBID_OK;
}

/* An object of name -> count, the names read by `index` (weekdays for
 * max_off and max_telework, schedule types for max_type and min_type);
 * a name it does not know is VALUE. */
static int read_limits(sb_jr *r, const cJSON *office, const char *key,
                       int (*index)(const char *), const char *what,
                       int64_t *out, int n, int64_t absent) {
  for (int i = 0; i < n; i++) out[i] = absent;
  const cJSON *obj = NULL;
  SB_TRY(sb_jr_object(r, office, key, false, &obj));
  if (!obj) return SENBID_OK;
  sb_path_key(&r->path, key);
  for (const cJSON *c = obj->child; c; c = c->next) {
    if (cJSON_IsNull(c)) continue;
    int k = index(c->string);
    if (k < 0)
      return sb_jr_fail(r, SENBID_E_VALUE, c->string, "%s is not a %s",
                        SB_Q(c->string), what);
    sb_path_key(&r->path, c->string);
    SB_TRY(sb_jr_v_count(r, c, &out[k]));
    sb_path_pop(&r->path);
  }
  sb_path_pop(&r->path);
  return SENBID_OK;
}

static int read_day_limits(sb_jr *r, const cJSON *office, const char *key,
                           int64_t out[7]) {
  return read_limits(r, office, key, sb_weekday_parse, "weekday", out, 7, AWS_NONE);
}

static int read_type_limits(sb_jr *r, const cJSON *office, const char *key,
                            int64_t out[AWS_NTYPES], int64_t absent) {
  return read_limits(r, office, key, aws_type_parse, "schedule type", out, AWS_NTYPES,
                     absent);
}

/* ["06:00", "19:30"] */
static int read_span(sb_jr *r, const cJSON *office, const char *key,
                     int32_t out[2]) {
  const cJSON *arr = NULL;
  SB_TRY(sb_jr_array(r, office, key, false, &arr));
  if (!arr) return SENBID_OK;
  if (sb_json_count(arr) != 2)
    return sb_jr_fail(r, SENBID_E_TYPE, key,
                      "expected [start, end], two \"HH:MM\" times");
  int32_t t[2];
  sb_path_key(&r->path, key);
  SB_JR_EACH(r, arr, i, item) { SB_TRY(sb_jr_v_time(r, item, &t[i])); }
  if (t[1] <= t[0])
    return sb_jr_fail(r, SENBID_E_RANGE, NULL, "the end is not after the start");
  sb_path_pop(&r->path);
  out[0] = t[0];
  out[1] = t[1];
  return SENBID_OK;
}

static int read_office(sb_jr *r, aws_data *d, const cJSON *root) {
  /* Defaults: ICE 2019 Art. 15 Sec. 4 (6 a.m. to 7:30 p.m.) and Sec. 5
   * (9 a.m. to 3 p.m.). */
  d->hod[0] = 6 * 60;
  d->hod[1] = 19 * 60 + 30;
  d->core[0] = 9 * 60;
  d->core[1] = 15 * 60;
  const cJSON *office = NULL;
  SB_TRY(sb_jr_object(r, root, "office", false, &office));
  sb_path_key(&r->path, "office");
  int rc = SENBID_OK;
  if (office) {
    if ((rc = read_span(r, office, "hours_of_duty", d->hod)) < 0) goto out;
    if ((rc = read_span(r, office, "core", d->core)) < 0) goto out;
  }
  if ((rc = read_day_limits(r, office, "max_off", d->max_off)) < 0) goto out;
  if ((rc = read_day_limits(r, office, "max_telework", d->max_tele)) < 0)
    goto out;
  if ((rc = read_type_limits(r, office, "max_type", d->max_type, AWS_NONE)) <
      0)
    goto out;
  rc = read_type_limits(r, office, "min_type", d->min_type, 0);
out:
  if (rc == SENBID_OK) sb_path_pop(&r->path);
  return rc;
}

static int read_employee(sb_jr *r, aws_emp *e, const cJSON *v) {
  e->req = AWS_NONE;
  e->workdays = AWS_MONFRI;
  SB_TRY(sb_jr_bool(r, v, "grandfathered_494", false, &e->grandfathered,
                    NULL));
  bool present = false;
  SB_TRY(sb_jr_nonneg_number(r, v, "part_time_hours", false,
                             &e->part_time_hours, &present));
  /* Part-time: fewer than 80 hours a pay period (Art. 15 Sec. 2.K, Sec. 11;
   * Art. 16 Sec. 1.B). */
  e->part_time = present && e->part_time_hours < 80.0;
  const cJSON *wd = NULL;
  SB_TRY(sb_jr_array(r, v, "workdays", false, &wd));
  if (wd) {
    sb_path_key(&r->path, "workdays");
    SB_TRY(read_weekdays(r, wd, &e->workdays));
    sb_path_pop(&r->path);
  }
  return SENBID_OK;
}

int aws_parse(senbid_problem *p, sb_jr *r, const cJSON *root,
              const sb_emps *emp_json) {
  aws_data *d = sb_arena_alloc(&p->arena, sizeof *d);
  if (!d) return sb_err_nomem(r->err);
  d->emps = sb_arena_array(&p->arena, (size_t)p->nemps + 1, sizeof(aws_emp));
  if (!d->emps) return sb_err_nomem(r->err);

  sb_path_key(&r->path, "employees");
  for (uint32_t i = 0; i < p->nemps; i++) {
    sb_path_index(&r->path, i);
    SB_TRY(read_employee(r, &d->emps[i], sb_emp_json(emp_json, i)));
    sb_path_pop(&r->path);
  }
  sb_path_pop(&r->path);

  SB_TRY(sb_jr_range(r, root, "edp", true, &d->edp, NULL));
  SB_TRY(sb_jr_date(r, root, "pay_period_anchor", true, &d->anchor, NULL));
  if (!aws_rule_effective(d->anchor, d->edp.end, &d->effective)) {
    /* Sec. 10.C.3 would need a date past 9999-12-31. */
    sb_path_key(&r->path, "edp");
    return sb_jr_fail(r, SENBID_E_RANGE, "end",
                      "the effective date (the second pay period after the "
                      "EDP) is past 9999-12-31");
  }
  SB_TRY(sb_jr_date(r, root, "schedule_end", false, &d->sched_end,
                    &d->has_end));
  if (d->has_end) {
    if (d->sched_end < d->edp.start)
      return sb_jr_fail(r, SENBID_E_RANGE, "schedule_end",
                        "schedule_end is before the EDP starts");
    if ((int64_t)d->sched_end - d->edp.start + 1 > SB_MAX_RANGE_DAYS)
      return sb_jr_fail(r, SENBID_E_LIMIT, "schedule_end",
                        "more than %d days after the EDP starts",
                        SB_MAX_RANGE_DAYS);
  }
  SB_TRY(sb_jr_bool(r, root, "inauguration_day", false, &d->inauguration,
                    NULL));
  SB_TRY(read_office(r, d, root));

  const cJSON *reqs = NULL;
  SB_TRY(sb_jr_array(r, root, "requests", false, &reqs));
  int n = reqs ? sb_json_count(reqs) : 0;
  d->nreqs = (uint32_t)n;
  d->reqs = sb_arena_array(&p->arena, (size_t)n + 1, sizeof(aws_req));
  if (!d->reqs) return sb_err_nomem(r->err);
  if (reqs) {
    sb_path_key(&r->path, "requests");
    SB_JR_EACH(r, reqs, i, item) {
      SB_TRY(read_request(p, r, d, item, (uint32_t)i));
    }
    sb_path_pop(&r->path);
  }
  p->kind_data = d;
  return SENBID_OK;
}
