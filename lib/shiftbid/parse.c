/* Reading and validating a shift-bid document (SPEC section 3, section 9
 * "Shift bid"). Every error carries the JSON path of the offending value. */
#include <string.h>

#include "shiftbid.h"

static const char *const status_names[] = {"active", "detailed", "light_duty",
                                           "admin_duty", "tdy_outside"};

/* A shift id that must resolve: UNKNOWN_ID at the current path. */
static int read_shift_ref(sb_jr *r, const sbs_data *d, const cJSON *v,
                          uint32_t *out) {
  const char *s;
  if (!cJSON_IsString(v) || !v->valuestring)
    return sb_jr_fail(r, SENBID_E_TYPE, NULL, "expected a shift id string");
  s = v->valuestring;
  uint32_t idx;
  if (!sb_strmap_get(&d->shift_ids, s, &idx))
    return sb_jr_fail(r, SENBID_E_UNKNOWN_ID, NULL,
                      "no shift has the id %s", SB_Q(s));
  *out = idx;
  return SENBID_OK;
}

static int read_rules(sb_jr *r, const cJSON *root, sbs_data *d) {
  const cJSON *rules = NULL;
  d->min_series_years = 2; /* III.D.1-2: two years in the series */
  d->spp_denials = 2;      /* V.A.1-2: two consecutive denials */
  d->min_rotation_months = 3; /* III.E: not shorter than three months */
  SB_TRY(sb_jr_object(r, root, "rules", false, &rules));
  if (!rules) return SENBID_OK;
  sb_path_key(&r->path, "rules");
  int rc = sb_jr_count(r, rules, "min_series_years", false,
                       &d->min_series_years, NULL);
  if (!rc) rc = sb_jr_count(r, rules, "spp_denials", false, &d->spp_denials, NULL);
  if (!rc)
    rc = sb_jr_count(r, rules, "min_rotation_months", false,
                     &d->min_rotation_months, NULL);
  if (!rc && d->min_series_years > 1000)
    rc = sb_jr_fail(r, SENBID_E_LIMIT, "min_series_years", "at most 1000");
  if (!rc && d->min_rotation_months > 12000)
    rc = sb_jr_fail(r, SENBID_E_LIMIT, "min_rotation_months", "at most 12000");
  sb_path_pop(&r->path);
  return rc;
}

static int read_rotation(sb_jr *r, const cJSON *root, sbs_data *d) {
  SB_TRY(sb_jr_range(r, root, "rotation", true, &d->rot, NULL));
  /* III.E: long enough when end + 1 day >= start + N months (SPEC 9). */
  /* A start + N months past the calendar's end is certainly too long. */
  sb_day need;
  if (!sb_date_add_months_checked(d->rot.start, d->min_rotation_months, &need) ||
      (int64_t)d->rot.end + 1 < need)
    return sb_jr_fail(r, SENBID_E_ROTATION, "rotation",
                      "the rotation is shorter than %lld months "
                      "(NBPC 2019 Appendix II III.E)",
                      (long long)d->min_rotation_months);
  return SENBID_OK;
}

/* Grades that some shift limits get their own class; all others share 0. */
static int intern_class(sb_strmap *m, uint32_t *ncls, const char *g,
                        uint32_t *out) {
  uint32_t ex;
  int rc = sb_strmap_put(m, g, *ncls, &ex);
  if (rc < 0) return rc;
  if (rc == 1) {
    *out = ex;
  } else {
    *out = (*ncls)++;
  }
  return SENBID_OK;
}

static int read_shifts(senbid_problem *p, sb_jr *r, const cJSON *root,
                       sbs_data *d, sb_strmap *grades) {
  const cJSON *arr = NULL;
  SB_TRY(sb_jr_array(r, root, "shifts", true, &arr));
  int n = sb_json_count(arr);
  if (n > SB_MAX_SHIFTS)
    return sb_jr_fail(r, SENBID_E_LIMIT, "shifts",
                      "%d shifts; at most %d are accepted", n, SB_MAX_SHIFTS);
  d->nshifts = (uint32_t)n;
  d->shifts = sb_arena_array(&p->arena, (size_t)n + 1, sizeof *d->shifts);
  if (!d->shifts) return sb_err_nomem(r->err);
  SB_TRY(sb_strmap_init(&d->shift_ids, &p->arena, (size_t)n + 1));
  /* Count grade keys first to size the grade map. */
  size_t ngl_total = 0;
  for (const cJSON *it = arr->child; it; it = it->next) {
    const cJSON *g = sb_json_get(it, "grades");
    if (cJSON_IsObject(g)) ngl_total += (size_t)sb_json_count(g);
  }
  SB_TRY(sb_strmap_init(grades, &p->arena, ngl_total + p->nemps + 1));
  d->ncls = 1; /* class 0: grades no shift limits */
  sb_path_key(&r->path, "shifts");
  int rc = SENBID_OK;
  SB_JR_EACH(r, arr, i, it) {
    sbs_shift *s = &d->shifts[i];
    int32_t tm;
    if ((rc = sb_jr_v_object(r, it))) goto out;
    if ((rc = sb_jr_nonempty_string(r, it, "id", true, &s->id))) goto out;
    if ((rc = sb_jr_time(r, it, "start", false, &tm, NULL))) goto out;
    if ((rc = sb_jr_time(r, it, "end", false, &tm, NULL))) goto out;
    s->min = 0;
    s->max = SBS_INF;
    if ((rc = sb_jr_count(r, it, "min", false, &s->min, NULL))) goto out;
    if ((rc = sb_jr_count(r, it, "max", false, &s->max, NULL))) goto out;
    if (s->max > SBS_INF) s->max = SBS_INF;
    if (s->min > SBS_INF) s->min = SBS_INF;
    rc = sb_strmap_put(&d->shift_ids, s->id, (uint32_t)i, NULL);
    if (rc < 0) goto out;
    if (rc == 1) {
      rc = sb_jr_fail(r, SENBID_E_DUPLICATE, "id", "shift id %s repeats",
                      SB_Q(s->id));
      goto out;
    }
    const cJSON *g = NULL;
    if ((rc = sb_jr_object(r, it, "grades", false, &g))) goto out;
    if (!g) continue;
    s->ngl = (uint32_t)sb_json_count(g);
    s->gl = sb_arena_array(&p->arena, s->ngl + 1, sizeof *s->gl);
    if (!s->gl) {
      rc = sb_err_nomem(r->err);
      goto out;
    }
    sb_path_key(&r->path, "grades");
    uint32_t k = 0;
    for (const cJSON *gi = g->child; gi; gi = gi->next, k++) {
      sbs_glimit *l = &s->gl[k];
      sb_path_key(&r->path, gi->string ? gi->string : "");
      rc = sb_jr_v_object(r, gi);
      l->min = 0;
      l->max = SBS_INF;
      if (!rc) rc = sb_jr_count(r, gi, "min", false, &l->min, NULL);
      if (!rc) rc = sb_jr_count(r, gi, "max", false, &l->max, NULL);
      if (l->max > SBS_INF) l->max = SBS_INF;
      if (l->min > SBS_INF) l->min = SBS_INF;
      if (!rc) {
        l->grade = sb_arena_strdup(&p->arena, gi->string ? gi->string : "");
        if (!l->grade) rc = sb_err_nomem(r->err);
      }
      if (!rc) rc = intern_class(grades, &d->ncls, l->grade, &l->cls);
      sb_path_pop(&r->path);
      if (rc) {
        sb_path_pop(&r->path);
        goto out;
      }
    }
    sb_path_pop(&r->path);
  }
out:
  if (rc) {
    /* leave the path as it was on entry: SB_JR_EACH pushed an index */
    sb_path_init(&r->path);
    return rc;
  }
  sb_path_pop(&r->path);
  return SENBID_OK;
}

/* The class table: lim[c * S + s] = the limit of shift s for class c. */
static int build_classes(senbid_problem *p, sb_jr *r, sbs_data *d) {
  size_t cells = (size_t)d->ncls * d->nshifts;
  d->lim = sb_arena_array(&p->arena, cells + 1, sizeof *d->lim);
  if (!d->lim) return sb_err_nomem(r->err);
  for (size_t i = 0; i < cells; i++) d->lim[i] = -1;
  for (uint32_t s = 0; s < d->nshifts; s++)
    for (uint32_t k = 0; k < d->shifts[s].ngl; k++) {
      size_t cell = (size_t)d->shifts[s].gl[k].cls * d->nshifts + s;
      if (d->lim[cell] < 0) d->lim[cell] = (int32_t)k;
    }
  return SENBID_OK;
}

static int read_employees(senbid_problem *p, sb_jr *r,
                          const sb_emps *emp_json, sbs_data *d,
                          const sb_strmap *grades) {
  d->e = sb_arena_array(&p->arena, (size_t)p->nemps + 1, sizeof *d->e);
  if (!d->e) return sb_err_nomem(r->err);
  int rc = SENBID_OK;
  sb_path_key(&r->path, "employees");
  for (uint32_t i = 0; i < p->nemps && !rc; i++) {
    const cJSON *ej = sb_emp_json(emp_json, i);
    sbs_emp *e = &d->e[i];
    e->fixed = -1;
    e->bid = -1;
    e->file = -1;
    sb_path_index(&r->path, i);
    const char *st = NULL;
    rc = sb_jr_string_ref(r, ej, "status", false, &st); /* only looked up */
    if (!rc && st) {
      int found = -1;
      for (int k = 0; k < 5; k++)
        if (!strcmp(st, status_names[k])) found = k;
      if (found < 0)
        rc = sb_jr_fail(r, SENBID_E_VALUE, "status",
                        "%s is not a status (active, detailed, "
                        "light_duty, admin_duty, tdy_outside)",
                        SB_Q(st));
      else
        e->status = (uint8_t)found;
    }
    sb_day ret = 0;
    bool has_ret = false;
    if (!rc) rc = sb_jr_date(r, ej, "return_date", false, &ret, &has_ret);
    const cJSON *fx = NULL;
    if (!rc) rc = sb_jr_member(r, ej, "fixed_shift", false, &fx);
    if (!rc && fx) {
      uint32_t s = 0;
      sb_path_key(&r->path, "fixed_shift");
      rc = read_shift_ref(r, d, fx, &s);
      sb_path_pop(&r->path);
      if (!rc) e->fixed = (int32_t)s;
    }
    if (!rc) {
      e->excluded = sbs_rule_excluded(e->status, has_ret, ret, d->rot.end);
      uint32_t c = 0;
      if (sb_strmap_get(grades, p->emps[i].grade, &c)) e->cls = c;
      const sb_employee *pe = &p->emps[i];
      bool need_series = !e->excluded && e->fixed < 0;
      if (pe->svc_present & (1u << SB_SVC_SERIES)) {
        int el = sbs_rule_eligible(d, pe);
        e->eligible = el == 1;
        if (el < 0) {
          bool credit = pe->credit[SB_SVC_SERIES] != 0;
          sb_path_key(&r->path, credit ? "credit_days" : "service");
          rc = sb_jr_fail(r, SENBID_E_RANGE, credit ? "series" : "series_start",
                          "series_start%s plus min_series_years lies outside "
                          "0001-01-01..9999-12-31",
                          credit ? " minus these credit days" : "");
          sb_path_pop(&r->path);
        }
      } else if (need_series) {
        sb_path_key(&r->path, "service");
        rc = sb_jr_fail(r, SENBID_E_MISSING, "series_start",
                        "series_start is required to decide bid eligibility "
                        "(NBPC 2019 Appendix II III.D)");
        sb_path_pop(&r->path);
      }
    }
    sb_path_pop(&r->path);
  }
  sb_path_pop(&r->path);
  return rc;
}

/* One bid sheet at the current path. */
int sbs_read_sheet(const senbid_problem *p, sb_jr *r, const cJSON *it,
                   const sbs_data *d, sb_arena *ar, sbs_sheet *sh) {
  SB_TRY(sb_jr_v_object(r, it));
  SB_TRY(sb_jr_employee(r, p, it, "employee", true, &sh->emp, NULL));
  bool np = false;
  SB_TRY(sb_jr_bool(r, it, "no_preference", false, &np, NULL));
  const cJSON *prefs = NULL;
  SB_TRY(sb_jr_array(r, it, "prefs", false, &prefs));
  int n = prefs ? sb_json_count(prefs) : 0;
  if (n > SB_MAX_CHOICES)
    return sb_jr_fail(r, SENBID_E_LIMIT, "prefs",
                      "%d preferences; at most %d are accepted", n,
                      SB_MAX_CHOICES);
  sh->n = (uint32_t)n;
  sh->prefs = sb_arena_array(ar, (size_t)n + 1, sizeof *sh->prefs);
  sh->uprefs = sb_arena_array(ar, (size_t)n + 1, sizeof *sh->uprefs);
  sh->urank = sb_arena_array(ar, (size_t)n + 1, sizeof *sh->urank);
  if (!sh->prefs || !sh->uprefs || !sh->urank) return sb_err_nomem(r->err);
  if (prefs) {
    sb_path_key(&r->path, "prefs");
    int rc = SENBID_OK;
    SB_JR_EACH(r, prefs, j, pv) {
      uint32_t s = 0;
      if ((rc = read_shift_ref(r, d, pv, &s))) {
        sb_path_pop(&r->path); /* the index */
        break;
      }
      sh->prefs[j] = s;
      bool dup = false;
      for (uint32_t k = 0; k < sh->nu; k++)
        if (sh->uprefs[k] == s) dup = true;
      if (!dup) {
        sh->uprefs[sh->nu] = s;
        sh->urank[sh->nu++] = (uint16_t)(j + 1);
      }
    }
    sb_path_pop(&r->path);
    if (rc) return rc;
  }
  /* SPEC 9: an empty prefs is no preference; no_preference wins. */
  sh->nopref = np || sh->n == 0;
  return SENBID_OK;
}

static int read_sheets(senbid_problem *p, sb_jr *r, const cJSON *obj,
                       const char *key, sbs_data *d, sbs_sheet **out,
                       uint32_t *nout, bool bids) {
  const cJSON *arr = NULL;
  SB_TRY(sb_jr_array(r, obj, key, false, &arr));
  int n = arr ? sb_json_count(arr) : 0;
  *nout = (uint32_t)n;
  *out = sb_arena_array(&p->arena, (size_t)n + 1, sizeof **out);
  if (!*out) return sb_err_nomem(r->err);
  if (!arr) return SENBID_OK;
  sb_path_key(&r->path, key);
  int rc = SENBID_OK;
  SB_JR_EACH(r, arr, i, it) {
    sbs_sheet *sh = &(*out)[i];
    rc = sbs_read_sheet(p, r, it, d, &p->arena, sh);
    if (!rc) {
      int32_t *slot = bids ? &d->e[sh->emp].bid : &d->e[sh->emp].file;
      if (*slot >= 0)
        rc = sb_jr_fail(r, SENBID_E_DUPLICATE, "employee",
                        "a second bid sheet for %s",
                        SB_Q(p->emps[sh->emp].id));
      else
        *slot = (int32_t)i;
    }
    if (rc) {
      sb_path_pop(&r->path);
      break;
    }
  }
  if (rc) return rc;
  sb_path_pop(&r->path);
  return SENBID_OK;
}

static int read_history(senbid_problem *p, sb_jr *r, const cJSON *root,
                        sbs_data *d) {
  const cJSON *h = NULL;
  SB_TRY(sb_jr_object(r, root, "history", false, &h));
  d->file = NULL;
  if (!h) {
    d->file = sb_arena_array(&p->arena, 1, sizeof *d->file);
    return d->file ? SENBID_OK : sb_err_nomem(r->err);
  }
  sb_path_key(&r->path, "history");
  int rc = SENBID_OK;
  const cJSON *den = NULL, *bumped = NULL;
  rc = sb_jr_object(r, h, "denials", false, &den);
  if (!rc && den) {
    int n = sb_json_count(den);
    d->den_order = sb_arena_array(&p->arena, (size_t)n + 1, sizeof(uint32_t));
    if (!d->den_order) rc = sb_err_nomem(r->err);
    sb_path_key(&r->path, "denials");
    for (const cJSON *it = den->child; it && !rc; it = it->next) {
      const char *id = it->string ? it->string : "";
      int64_t e = sb_problem_find(p, id);
      if (e < 0) {
        rc = sb_jr_fail(r, SENBID_E_UNKNOWN_ID, id,
                        "no employee has the id %s", SB_Q(id));
        break;
      }
      if (cJSON_IsNull(it)) continue;
      int64_t v;
      sb_path_key(&r->path, id);
      rc = sb_jr_v_count(r, it, &v);
      sb_path_pop(&r->path);
      if (rc) break;
      if (!d->e[e].has_denials) d->den_order[d->nden++] = (uint32_t)e;
      d->e[e].has_denials = true;
      d->e[e].denials = v;
    }
    if (!rc) sb_path_pop(&r->path);
  }
  if (!rc) rc = sb_jr_object(r, h, "bumped", false, &bumped);
  if (!rc && bumped) {
    int n = sb_json_count(bumped);
    d->bumped_shift = sb_arena_array(&p->arena, (size_t)n + 1, sizeof(uint32_t));
    d->bumped_list = sb_arena_array(&p->arena, (size_t)n + 1, sizeof(uint32_t *));
    d->bumped_len = sb_arena_array(&p->arena, (size_t)n + 1, sizeof(uint32_t));
    if (!d->bumped_shift || !d->bumped_list || !d->bumped_len)
      rc = sb_err_nomem(r->err);
    sb_path_key(&r->path, "bumped");
    for (const cJSON *it = bumped->child; it && !rc; it = it->next) {
      const char *sid = it->string ? it->string : "";
      uint32_t s;
      if (!sb_strmap_get(&d->shift_ids, sid, &s)) {
        rc = sb_jr_fail(r, SENBID_E_UNKNOWN_ID, sid,
                        "no shift has the id %s", SB_Q(sid));
        break;
      }
      if (cJSON_IsNull(it)) continue;
      sb_path_key(&r->path, sid);
      rc = sb_jr_v_array(r, it);
      uint32_t k = d->nbumped;
      if (!rc) {
        int m = sb_json_count(it);
        d->bumped_list[k] = sb_arena_array(&p->arena, (size_t)m + 1, sizeof(uint32_t));
        if (!d->bumped_list[k]) rc = sb_err_nomem(r->err);
      }
      if (!rc) {
        SB_JR_EACH(r, it, j, ev) {
          uint32_t e;
          if ((rc = sb_jr_v_employee(r, p, ev, &e))) {
            sb_path_pop(&r->path);
            break;
          }
          d->bumped_list[k][d->bumped_len[k]++] = e;
          (void)j;
        }
      }
      sb_path_pop(&r->path);
      if (!rc) d->bumped_shift[d->nbumped++] = s;
    }
    if (!rc) sb_path_pop(&r->path);
  }
  if (!rc)
    rc = read_sheets(p, r, h, "bids_on_file", d, &d->file, &d->nfile, false);
  if (rc) return rc;
  sb_path_pop(&r->path);
  return SENBID_OK;
}

static int read_adjustments(senbid_problem *p, sb_jr *r, const cJSON *root,
                            sbs_data *d) {
  const cJSON *arr = NULL;
  SB_TRY(sb_jr_array(r, root, "adjustments", false, &arr));
  int n = arr ? sb_json_count(arr) : 0;
  d->nadj = (uint32_t)n;
  d->adj = sb_arena_array(&p->arena, (size_t)n + 1, sizeof *d->adj);
  if (!d->adj) return sb_err_nomem(r->err);
  if (!arr) return SENBID_OK;
  sb_path_key(&r->path, "adjustments");
  int rc = SENBID_OK;
  SB_JR_EACH(r, arr, i, it) {
    sbs_adj *a = &d->adj[i];
    rc = sb_jr_v_object(r, it);
    const cJSON *sv = NULL;
    if (!rc) rc = sb_jr_member(r, it, "shift", true, &sv);
    if (!rc) {
      sb_path_key(&r->path, "shift");
      rc = read_shift_ref(r, d, sv, &a->shift);
      sb_path_pop(&r->path);
    }
    bool has_place = false;
    if (!rc) rc = sb_jr_employee(r, p, it, "place", false, &a->emp, &has_place);
    if (!rc && has_place) {
      a->place = true;
    } else if (!rc) {
      rc = sb_jr_count(r, it, "max", true, &a->max, NULL);
      if (a->max > SBS_INF) a->max = SBS_INF;
    }
    if (rc) {
      sb_path_pop(&r->path);
      break;
    }
  }
  if (rc) return rc;
  sb_path_pop(&r->path);
  return SENBID_OK;
}

int sbs_parse(senbid_problem *p, sb_jr *r, const cJSON *root,
              const sb_emps *emp_json) {
  sbs_data *d = sb_arena_alloc(&p->arena, sizeof *d);
  if (!d) return sb_err_nomem(r->err);
  sb_strmap grades;
  SB_TRY(read_rules(r, root, d));
  SB_TRY(read_rotation(r, root, d));
  SB_TRY(read_shifts(p, r, root, d, &grades));
  SB_TRY(build_classes(p, r, d));
  SB_TRY(read_employees(p, r, emp_json, d, &grades));
  SB_TRY(read_sheets(p, r, root, "bids", d, &d->bids, &d->nbids, true));
  SB_TRY(read_history(p, r, root, d));
  SB_TRY(read_adjustments(p, r, root, d));
  p->kind_data = d;
  return SENBID_OK;
}
