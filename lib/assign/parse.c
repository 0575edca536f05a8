/* Reading an assignment document (SPEC section 5) into as_data. */
#include <stdlib.h>
#include <string.h>

#include "assign.h"

const char *const as_ice_names[ICE_COUNT] = {NULL,     "I",   "II_SHORT",
                                             "II_LONG", "III", "SPECIAL"};

static int nomem(sb_jr *r) { return sb_err_nomem(r->err); }

static int read_ice(sb_jr *r, const cJSON *obj, int *out) {
  const char *s = NULL;
  *out = ICE_NONE;
  SB_TRY(sb_jr_string(r, obj, "ice_type", false, &s));
  if (!s) return SENBID_OK;
  for (int i = 1; i < ICE_COUNT; i++)
    if (!strcmp(s, as_ice_names[i])) {
      *out = i;
      return SENBID_OK;
    }
  return sb_jr_fail(r, SENBID_E_VALUE, "ice_type",
                    "%s is not an ICE type (I, II_SHORT, II_LONG, III, "
                    "SPECIAL)",
                    SB_Q(s));
}

/* Interns s in m (names[] keeps the strings in insertion order). */
static int intern(sb_jr *r, sb_strmap *m, const char **names, uint32_t *n,
                  const char *s, uint32_t *id) {
  uint32_t have;
  int rc = sb_strmap_put(m, s, *n, &have);
  if (rc < 0) return sb_jr_fail(r, rc, NULL, "too many distinct names");
  if (rc == 1) {
    *id = have;
    return SENBID_OK;
  }
  names[*n] = s;
  *id = (*n)++;
  return SENBID_OK;
}

/* An array of employee ids; dup (when not NULL) rejects repeats using mark
 * (generation gen). */
static int read_emp_list(sb_jr *r, const senbid_problem *p, const cJSON *arr,
                         uint32_t **out, uint32_t *nout, uint32_t *mark,
                         uint32_t gen, const char *what) {
  SB_TRY(sb_jr_v_array(r, arr));
  int cnt = sb_json_count(arr);
  uint32_t *v = sb_arena_array(r->arena, (size_t)cnt + 1, sizeof *v);
  if (!v) return nomem(r);
  uint32_t n = 0;
  SB_JR_EACH(r, arr, i, it) {
    uint32_t e;
    SB_TRY(sb_jr_v_employee(r, p, it, &e));
    if (mark) {
      if (mark[e] == gen)
        return sb_jr_fail(r, SENBID_E_DUPLICATE, NULL,
                          "%s is listed twice in %s", SB_Q(p->emps[e].id), what);
      mark[e] = gen;
    }
    v[n++] = e;
  }
  *out = v;
  *nout = n;
  return SENBID_OK;
}

static int cmp_u32(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return (x > y) - (x < y);
}

/* Every member of obj (at key) is a number (weights, scores). */
static int read_numbers(sb_jr *r, const cJSON *obj, const char *key) {
  sb_path_key(&r->path, key);
  for (const cJSON *c = obj->child; c; c = c->next) {
    double x;
    sb_path_key(&r->path, c->string ? c->string : "");
    int rc = sb_jr_v_number(r, c, &x);
    sb_path_pop(&r->path);
    if (rc < 0) return rc;
  }
  sb_path_pop(&r->path);
  return SENBID_OK;
}

static int read_opp(senbid_problem *p, sb_jr *r, as_data *d, const cJSON *it,
                    uint32_t idx, as_opp *o, uint32_t *mark,
                    sb_strmap *tags, uint32_t *ntags, const char **tagnames,
                    sb_strmap *sets, uint32_t *nsets, const char **setnames) {
  SB_TRY(sb_jr_v_object(r, it));
  SB_TRY(sb_jr_nonempty_string(r, it, "id", true, &o->id));
  SB_TRY(sb_jr_nonempty_string(r, it, "type", true, &o->type));
  o->cat = !strcmp(o->type, "overtime")   ? AS_OVERTIME
           : !strcmp(o->type, "training") ? AS_TRAINING
                                          : AS_DETAIL;
  SB_TRY(read_ice(r, it, &o->ice));
  o->title = o->id;
  SB_TRY(sb_jr_nonempty_string(r, it, "title", false, &o->title));
  SB_TRY(sb_jr_count(r, it, "slots", true, &o->slots, NULL));
  SB_TRY(sb_jr_v_range(r, it, &o->r));
  SB_TRY(sb_jr_bool(r, it, "special_skills", false, &o->special, NULL));
  SB_TRY(sb_jr_bool(r, it, "must_fill", false, &o->must_fill, NULL));
  SB_TRY(sb_jr_nonneg_number(r, it, "hours", false, &o->hours, NULL));
  SB_TRY(intern(r, &d->type_ids, d->types, &d->ntypes, o->type, &o->type_id));
  SB_TRY(intern(r, &d->title_ids, d->titles, &d->ntitles, o->title,
                &o->title_id));

  /* required tags -> sorted unique ids, and a shared set id */
  const cJSON *req = NULL;
  SB_TRY(sb_jr_array(r, it, "required", false, &req));
  int nreq = req ? sb_json_count(req) : 0;
  o->req = sb_arena_array(r->arena, (size_t)nreq + 1, sizeof *o->req);
  if (!o->req) return nomem(r);
  if (req) {
    sb_path_key(&r->path, "required");
    SB_JR_EACH(r, req, i, t) {
      const char *s;
      SB_TRY(sb_jr_v_string(r, t, &s));
      uint32_t id = 0;
      SB_TRY(intern(r, tags, tagnames, ntags, s, &id));
      o->req[o->nreq++] = id;
    }
    sb_path_pop(&r->path);
  }
  qsort(o->req, o->nreq, sizeof *o->req, cmp_u32);
  uint32_t u = 0;
  for (uint32_t i = 0; i < o->nreq; i++)
    if (!u || o->req[u - 1] != o->req[i]) o->req[u++] = o->req[i];
  o->nreq = u;
  sb_buf key;
  sb_buf_init(&key, &p->alloc);
  sb_buf_putc(&key, 's');
  for (uint32_t i = 0; i < o->nreq; i++) sb_buf_printf(&key, "%u,", o->req[i]);
  if (sb_buf_terminate(&key) < 0) {
    sb_buf_free(&key);
    return nomem(r);
  }
  char *ks = sb_arena_strdup(r->arena, key.data);
  sb_buf_free(&key);
  if (!ks) return nomem(r);
  SB_TRY(intern(r, sets, setnames, nsets, ks, &o->req_set));

  /* weights, then volunteers with their scores (NBPC 2019 App. III A.2) */
  const cJSON *weights = NULL;
  SB_TRY(sb_jr_object(r, it, "weights", false, &weights));
  if (weights) SB_TRY(read_numbers(r, weights, "weights"));
  const cJSON *vols = NULL;
  SB_TRY(sb_jr_array(r, it, "volunteers", false, &vols));
  int nv = vols ? sb_json_count(vols) : 0;
  o->vols = sb_arena_array(r->arena, (size_t)nv + 1, sizeof *o->vols);
  if (!o->vols) return nomem(r);
  uint32_t gen = 3 * idx + 1;
  if (vols) {
    sb_path_key(&r->path, "volunteers");
    SB_JR_EACH(r, vols, i, v) {
      as_vol *av = &o->vols[o->nvols];
      const cJSON *scores = NULL;
      if (cJSON_IsObject(v)) {
        SB_TRY(sb_jr_employee(r, p, v, "employee", true, &av->emp, NULL));
        SB_TRY(sb_jr_object(r, v, "scores", false, &scores));
        if (scores) SB_TRY(read_numbers(r, scores, "scores"));
      } else {
        SB_TRY(sb_jr_v_employee(r, p, v, &av->emp));
      }
      if (mark[av->emp] == gen)
        return sb_jr_fail(r, SENBID_E_DUPLICATE, NULL,
                          "%s volunteers twice for %s",
                          SB_Q(p->emps[av->emp].id), SB_Q(o->id));
      mark[av->emp] = gen;
      av->score = 0;
      if (weights && scores)
        for (const cJSON *w = weights->child; w; w = w->next) {
          const cJSON *s = w->string ? sb_json_get(scores, w->string) : NULL;
          if (s) av->score += w->valuedouble * s->valuedouble;
        }
      o->nvols++;
    }
    sb_path_pop(&r->path);
  }
  const cJSON *arr = NULL;
  SB_TRY(sb_jr_array(r, it, "declines", false, &arr));
  if (arr) {
    sb_path_key(&r->path, "declines");
    SB_TRY(read_emp_list(r, p, arr, &o->declines, &o->ndeclines, NULL, 0,
                         "declines"));
    sb_path_pop(&r->path);
  }
  arr = NULL;
  SB_TRY(sb_jr_array(r, it, "extension_volunteers", false, &arr));
  if (arr) {
    sb_path_key(&r->path, "extension_volunteers");
    SB_TRY(read_emp_list(r, p, arr, &o->ext, &o->next, mark, 3 * idx + 2,
                         "extension_volunteers"));
    sb_path_pop(&r->path);
  }
  return SENBID_OK;
}

static int read_ledger(senbid_problem *p, sb_jr *r, as_data *d,
                       const cJSON *led, uint32_t *mark, uint32_t gen0) {
  const cJSON *arr = NULL;
  SB_TRY(sb_jr_array(r, led, "history", false, &arr));
  int nh = arr ? sb_json_count(arr) : 0;
  d->hist = sb_arena_array(r->arena, (size_t)nh + 1, sizeof *d->hist);
  if (!d->hist) return nomem(r);
  if (arr) {
    sb_path_key(&r->path, "history");
    SB_JR_EACH(r, arr, i, h) {
      as_hist *x = &d->hist[d->nhist];
      SB_TRY(sb_jr_v_object(r, h));
      SB_TRY(sb_jr_employee(r, p, h, "employee", true, &x->emp, NULL));
      SB_TRY(sb_jr_string(r, h, "type", true, &x->type));
      SB_TRY(read_ice(r, h, &x->ice));
      x->vol = true;
      SB_TRY(sb_jr_bool(r, h, "voluntary", false, &x->vol, NULL));
      SB_TRY(sb_jr_v_range(r, h, &x->r));
      d->nhist++;
    }
    sb_path_pop(&r->path);
  }

  const cJSON *obj = NULL;
  SB_TRY(sb_jr_object(r, led, "served_cycle", false, &obj));
  int ns = obj ? sb_json_count(obj) : 0;
  d->served_order = sb_arena_array(r->arena, (size_t)ns + 1, sizeof(uint32_t));
  as_list *tmp = sb_arena_array(r->arena, (size_t)ns + 1, sizeof *tmp);
  if (!d->served_order || !tmp) return nomem(r);
  if (obj) {
    sb_path_key(&r->path, "served_cycle");
    uint32_t k = 0;
    for (const cJSON *c = obj->child; c; c = c->next, k++) {
      const char *name = sb_arena_strdup(r->arena, c->string ? c->string : "");
      if (!name) return nomem(r);
      sb_path_key(&r->path, name);
      uint32_t tid = 0;
      int rc = intern(r, &d->type_ids, d->types, &d->ntypes, name, &tid);
      if (rc == 0)
        rc = read_emp_list(r, p, c, &tmp[k].v, &tmp[k].n, mark, gen0 + k,
                           "this cycle");
      sb_path_pop(&r->path);
      if (rc < 0) return rc;
      d->served_order[d->nserved++] = tid;
    }
    sb_path_pop(&r->path);
  }
  /* by type id (duplicate keys in one object: the last one wins, as cJSON
   * lookups do) */
  d->served = sb_arena_array(r->arena, (size_t)d->ntypes + 1, sizeof *d->served);
  if (!d->served) return nomem(r);
  for (uint32_t k = 0; k < d->nserved; k++) d->served[d->served_order[k]] = tmp[k];

  arr = NULL;
  SB_TRY(sb_jr_array(r, led, "mandate_cycle", false, &arr));
  if (arr) {
    sb_path_key(&r->path, "mandate_cycle");
    SB_TRY(read_emp_list(r, p, arr, &d->mcycle.v, &d->mcycle.n, mark,
                         gen0 + (uint32_t)ns, "mandate_cycle"));
    sb_path_pop(&r->path);
  }

  obj = NULL;
  SB_TRY(sb_jr_object(r, led, "overtime_hours", false, &obj));
  int no = obj ? sb_json_count(obj) : 0;
  d->ot_emp = sb_arena_array(r->arena, (size_t)no + 1, sizeof *d->ot_emp);
  d->ot_hours = sb_arena_array(r->arena, (size_t)no + 1, sizeof *d->ot_hours);
  if (!d->ot_emp || !d->ot_hours) return nomem(r);
  if (obj) {
    sb_path_key(&r->path, "overtime_hours");
    for (const cJSON *c = obj->child; c; c = c->next) {
      const char *id = c->string ? c->string : "";
      sb_path_key(&r->path, id);
      int64_t e = sb_problem_find(p, id);
      int rc = SENBID_OK;
      if (e < 0)
        rc = sb_jr_fail(r, SENBID_E_UNKNOWN_ID, NULL,
                        "no employee has the id %s", SB_Q(id));
      else
        rc = sb_jr_v_nonneg_number(r, c, &d->ot_hours[d->not_]);
      sb_path_pop(&r->path);
      if (rc < 0) return rc;
      d->ot_emp[d->not_++] = (uint32_t)e;
    }
    sb_path_pop(&r->path);
  }

  arr = NULL;
  SB_TRY(sb_jr_array(r, led, "exemptions", false, &arr));
  int ne = arr ? sb_json_count(arr) : 0;
  d->ex = sb_arena_array(r->arena, (size_t)ne + 1, sizeof *d->ex);
  if (!d->ex) return nomem(r);
  if (arr) {
    sb_path_key(&r->path, "exemptions");
    SB_JR_EACH(r, arr, i, x) {
      SB_TRY(sb_jr_v_object(r, x));
      SB_TRY(sb_jr_employee(r, p, x, "employee", true, &d->ex[d->nex].emp, NULL));
      SB_TRY(sb_jr_date(r, x, "until", true, &d->ex[d->nex].until, NULL));
      d->nex++;
    }
    sb_path_pop(&r->path);
  }

  obj = NULL;
  SB_TRY(sb_jr_object(r, led, "training_last", false, &obj));
  int nt = obj ? sb_json_count(obj) : 0;
  d->tl_title = sb_arena_array(r->arena, (size_t)nt + 1, sizeof(uint32_t));
  d->tl_emp = sb_arena_array(r->arena, (size_t)nt + 1, sizeof(uint32_t));
  if (!d->tl_title || !d->tl_emp) return nomem(r);
  if (obj) {
    sb_path_key(&r->path, "training_last");
    for (const cJSON *c = obj->child; c; c = c->next) {
      const char *name = sb_arena_strdup(r->arena, c->string ? c->string : "");
      if (!name) return nomem(r);
      sb_path_key(&r->path, name);
      uint32_t tid = 0, e = 0;
      int rc = intern(r, &d->title_ids, d->titles, &d->ntitles, name, &tid);
      if (rc == 0) rc = sb_jr_v_employee(r, p, c, &e);
      sb_path_pop(&r->path);
      if (rc < 0) return rc;
      d->tl_title[d->ntl] = tid;
      d->tl_emp[d->ntl++] = e;
    }
    sb_path_pop(&r->path);
  }
  return SENBID_OK;
}

int as_parse(senbid_problem *p, sb_jr *r, const cJSON *root,
             const sb_emps *emp_json) {
  as_data *d = sb_arena_alloc(&p->arena, sizeof *d);
  if (!d) return nomem(r);
  d->rules = AS_NBPC;
  const char *rules = NULL;
  SB_TRY(sb_jr_string(r, root, "rules", false, &rules));
  if (rules) {
    if (!strcmp(rules, "ice-2019")) d->rules = AS_ICE;
    else if (strcmp(rules, "nbpc-2019"))
      return sb_jr_fail(r, SENBID_E_VALUE, "rules",
                        "%s is not a rule set (nbpc-2019, ice-2019)",
                        SB_Q(rules));
  }
  uint32_t n = p->nemps;
  d->union_board = sb_arena_array(&p->arena, (size_t)n + 1, sizeof(bool));
  uint32_t *mark = sb_arena_array(&p->arena, (size_t)n + 1, sizeof *mark);
  if (!d->union_board || !mark) return nomem(r);
  sb_path_key(&r->path, "employees");
  for (uint32_t i = 0; i < n; i++) {
    sb_path_index(&r->path, i);
    int rc = sb_jr_bool(r, sb_emp_json(emp_json, i), "union_board", false,
                        &d->union_board[i], NULL);
    sb_path_pop(&r->path);
    if (rc < 0) return rc;
  }
  sb_path_pop(&r->path);

  const cJSON *opps = NULL, *led = NULL;
  SB_TRY(sb_jr_array(r, root, "opportunities", true, &opps));
  SB_TRY(sb_jr_object(r, root, "ledger", false, &led));
  int no = sb_json_count(opps);
  size_t ncap = (size_t)no + 8, nreqs = 0;
  for (const cJSON *o = opps->child; o; o = o->next) {
    const cJSON *rq = cJSON_IsObject(o) ? sb_json_get(o, "required") : NULL;
    if (cJSON_IsArray(rq)) nreqs += (size_t)sb_json_count(rq);
  }
  size_t nled = 8;
  if (led) {
    const cJSON *x = sb_json_get(led, "served_cycle");
    if (cJSON_IsObject(x)) nled += (size_t)sb_json_count(x);
    x = sb_json_get(led, "training_last");
    if (cJSON_IsObject(x)) nled += (size_t)sb_json_count(x);
  }
  sb_strmap opp_ids, tags, sets;
  const char **tagnames = sb_arena_array(&p->arena, nreqs + 1, sizeof(char *));
  const char **setnames = sb_arena_array(&p->arena, ncap, sizeof(char *));
  d->types = sb_arena_array(&p->arena, ncap + nled, sizeof(char *));
  d->titles = sb_arena_array(&p->arena, ncap + nled, sizeof(char *));
  d->opps = sb_arena_array(&p->arena, ncap, sizeof *d->opps);
  if (!tagnames || !setnames || !d->types || !d->titles || !d->opps ||
      sb_strmap_init(&opp_ids, &p->arena, ncap) < 0 ||
      sb_strmap_init(&tags, &p->arena, nreqs + 1) < 0 ||
      sb_strmap_init(&sets, &p->arena, ncap) < 0 ||
      sb_strmap_init(&d->type_ids, &p->arena, ncap + nled) < 0 ||
      sb_strmap_init(&d->title_ids, &p->arena, ncap + nled) < 0)
    return nomem(r);

  sb_path_key(&r->path, "opportunities");
  SB_JR_EACH(r, opps, i, it) {
    as_opp *o = &d->opps[d->nopps];
    SB_TRY(read_opp(p, r, d, it, (uint32_t)i, o, mark, &tags, &d->ntags,
                    tagnames, &sets, &d->nreqsets, setnames));
    uint32_t have;
    int rc = sb_strmap_put(&opp_ids, o->id, (uint32_t)i, &have);
    if (rc == 1)
      return sb_jr_fail(r, SENBID_E_DUPLICATE, "id",
                        "the opportunity id %s is used twice", SB_Q(o->id));
    if (rc < 0) return sb_jr_fail(r, rc, NULL, "too many opportunities");
    d->nopps++;
  }
  sb_path_pop(&r->path);

  /* each employee's held tags among the required ones */
  d->emp_tags = sb_arena_array(&p->arena, (size_t)n + 1, sizeof *d->emp_tags);
  if (!d->emp_tags) return nomem(r);
  if (d->ntags)
    for (uint32_t i = 0; i < n; i++) {
      const sb_employee *e = &p->emps[i];
      uint32_t k = 0;
      uint32_t *v = NULL;
      for (uint32_t q = 0; q < e->nquals; q++) {
        uint32_t id;
        if (!sb_strmap_get(&tags, e->quals[q], &id)) continue;
        if (!v) {
          v = sb_arena_array(&p->arena, e->nquals, sizeof *v);
          if (!v) return nomem(r);
        }
        v[k++] = id;
      }
      if (k > 1) qsort(v, k, sizeof *v, cmp_u32);
      d->emp_tags[i].v = v;
      d->emp_tags[i].n = k;
    }

  if (led) {
    sb_path_key(&r->path, "ledger");
    SB_TRY(read_ledger(p, r, d, led, mark, 3 * (uint32_t)no + 3));
    sb_path_pop(&r->path);
  } else {
    d->served = sb_arena_array(&p->arena, (size_t)d->ntypes + 1,
                               sizeof *d->served);
    d->hist = sb_arena_alloc(&p->arena, sizeof *d->hist);
    d->ot_emp = sb_arena_alloc(&p->arena, sizeof *d->ot_emp);
    d->ot_hours = sb_arena_alloc(&p->arena, sizeof *d->ot_hours);
    d->ex = sb_arena_alloc(&p->arena, sizeof *d->ex);
    d->tl_title = sb_arena_alloc(&p->arena, sizeof(uint32_t));
    d->tl_emp = sb_arena_alloc(&p->arena, sizeof(uint32_t));
    if (!d->served || !d->hist || !d->ot_emp || !d->ot_hours || !d->ex ||
        !d->tl_title || !d->tl_emp)
      return nomem(r);
  }
  p->kind_data = d;
  return SENBID_OK;
}
