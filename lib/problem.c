/* Problem documents: the common members of SPEC sections 0 and 1. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

const char *const sb_svc_short[SB_SVC_COUNT] = {"series", "usbp", "cbp",
                                                 "scd",    "eod",  "attorney"};
const char *const sb_svc_member[SB_SVC_COUNT] = {
    "series_start", "usbp_start", "cbp_start", "scd", "eod", "attorney_start"};

static const char *const kind_names[SB_KIND_COUNT] = {"leave", "shift_bid",
                                                      "aws", "assignment"};

const char *sb_kind_name(sb_kind k) {
  return (unsigned)k < SB_KIND_COUNT ? kind_names[k] : "?";
}

const sb_kind_ops *sb_kind_get(sb_kind k) {
  switch (k) {
    case SB_KIND_LEAVE: return &sb_leave_ops;
    case SB_KIND_SHIFT_BID: return &sb_shiftbid_ops;
    case SB_KIND_AWS: return &sb_aws_ops;
    case SB_KIND_ASSIGNMENT: return &sb_assign_ops;
    default: return NULL;
  }
}

int64_t sb_problem_find(const senbid_problem *p, const char *id) {
  uint32_t v;
  return sb_strmap_get(&p->ids, id, &v) ? (int64_t)v : -1;
}

/* RFC 3629 UTF-8, no overlongs, no surrogates. Returns the offset of the
 * first bad byte, or len. */
static size_t utf8_check(const unsigned char *s, size_t len) {
  size_t i = 0;
  while (i < len) {
    unsigned char c = s[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    size_t n;
    uint32_t cp;
    if (c >= 0xc2 && c <= 0xdf) n = 1, cp = c & 0x1f;
    else if (c >= 0xe0 && c <= 0xef) n = 2, cp = c & 0x0f;
    else if (c >= 0xf0 && c <= 0xf4) n = 3, cp = c & 0x07;
    else return i;
    if (len - i <= n) return i;
    for (size_t k = 1; k <= n; k++) {
      if ((s[i + k] & 0xc0) != 0x80) return i;
      cp = (cp << 6) | (s[i + k] & 0x3f);
    }
    if ((n == 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
        (n == 3 && (cp < 0x10000 || cp > 0x10ffff)))
      return i;
    i += n + 1;
  }
  return len;
}

static void line_col(const char *s, size_t off, size_t *line, size_t *col) {
  *line = 1;
  *col = 1;
  for (size_t i = 0; i < off; i++) {
    if (s[i] == '\n') {
      (*line)++;
      *col = 1;
    } else {
      (*col)++;
    }
  }
}

static int parse_name(sb_jr *r, const cJSON *e, sb_employee *emp) {
  emp->last = emp->first = emp->middle = "";
  const cJSON *name = NULL;
  SB_TRY(sb_jr_object(r, e, "name", false, &name));
  if (!name) return SENBID_OK;
  sb_path_key(&r->path, "name");
  int rc = sb_jr_string(r, name, "last", false, &emp->last);
  if (rc == SENBID_OK) rc = sb_jr_string(r, name, "first", false, &emp->first);
  if (rc == SENBID_OK) rc = sb_jr_string(r, name, "middle", false, &emp->middle);
  sb_path_pop(&r->path);
  return rc;
}

static int parse_service(sb_jr *r, const cJSON *e, sb_employee *emp) {
  const cJSON *svc = NULL, *credit = NULL;
  SB_TRY(sb_jr_object(r, e, "service", false, &svc));
  if (svc) {
    sb_path_key(&r->path, "service");
    for (int k = 0; k < SB_SVC_COUNT; k++) {
      bool present = false;
      int rc = sb_jr_date(r, svc, sb_svc_member[k], false, &emp->svc[k],
                          &present);
      if (rc < 0) {
        sb_path_pop(&r->path);
        return rc;
      }
      if (present) emp->svc_present |= 1u << k;
    }
    sb_path_pop(&r->path);
  }
  SB_TRY(sb_jr_object(r, e, "credit_days", false, &credit));
  if (credit) {
    sb_path_key(&r->path, "credit_days");
    for (int k = 0; k < SB_SVC_COUNT; k++) {
      int rc = sb_jr_int(r, credit, sb_svc_short[k], false, &emp->credit[k],
                         NULL);
      if (rc < 0) {
        sb_path_pop(&r->path);
        return rc;
      }
      /* Credits are day counts; a bound keeps time arithmetic exact. */
      if (emp->credit[k] > 10000000 || emp->credit[k] < -10000000) {
        rc = sb_jr_fail(r, SENBID_E_LIMIT, sb_svc_short[k],
                        "a credit of more than 10,000,000 days");
        sb_path_pop(&r->path);
        return rc;
      }
    }
    sb_path_pop(&r->path);
  }
  return SENBID_OK;
}

static int parse_tags_attrs(sb_jr *r, senbid_problem *p, const cJSON *e,
                            sb_employee *emp) {
  const cJSON *quals = NULL, *attrs = NULL;
  SB_TRY(sb_jr_array(r, e, "quals", false, &quals));
  if (quals) {
    int n = sb_json_count(quals);
    emp->quals = sb_arena_array(&p->arena, (size_t)n, sizeof *emp->quals);
    if (n && !emp->quals) return sb_err_nomem(r->err);
    sb_path_key(&r->path, "quals");
    SB_JR_EACH(r, quals, i, q) {
      int rc = sb_jr_v_string(r, q, &emp->quals[emp->nquals]);
      if (rc < 0) {
        sb_path_pop(&r->path);
        sb_path_pop(&r->path);
        return rc;
      }
      emp->nquals++;
    }
    sb_path_pop(&r->path);
  }
  SB_TRY(sb_jr_object(r, e, "attributes", false, &attrs));
  if (attrs) {
    /* Only numeric attributes are kept; a policy that names another kind of
     * attribute rejects it when ranking (TYPE). */
    int n = sb_json_count(attrs);
    emp->attrs = sb_arena_array(&p->arena, (size_t)n, sizeof *emp->attrs);
    if (n && !emp->attrs) return sb_err_nomem(r->err);
    for (const cJSON *a = attrs->child; a; a = a->next) {
      if (!cJSON_IsNumber(a) || !a->string) continue;
      sb_attr *at = &emp->attrs[emp->nattrs++];
      at->name = sb_arena_strdup(&p->arena, a->string);
      if (!at->name) return sb_err_nomem(r->err);
      at->value = a->valuedouble;
    }
  }
  return SENBID_OK;
}

static int parse_employee(sb_jr *r, senbid_problem *p, const cJSON *e,
                          uint32_t index) {
  sb_employee *emp = &p->emps[index];
  SB_TRY(sb_jr_v_object(r, e));
  SB_TRY(sb_jr_string(r, e, "id", true, &emp->id));
  if (!*emp->id)
    return sb_jr_fail(r, SENBID_E_VALUE, "id", "an employee id must not be empty");
  uint32_t first = 0;
  int put = sb_strmap_put(&p->ids, emp->id, index, &first);
  if (put < 0) return sb_err_nomem(r->err);
  if (put == 1)
    return sb_jr_fail(r, SENBID_E_DUPLICATE, "id",
                      "the id %s is already used by $.employees[%u]",
                      SB_Q(emp->id), first);
  SB_TRY(parse_name(r, e, emp));
  SB_TRY(parse_service(r, e, emp));
  SB_TRY(sb_jr_bool(r, e, "attorney", false, &emp->attorney, NULL));
  emp->group = emp->grade = "";
  SB_TRY(sb_jr_string(r, e, "group", false, &emp->group));
  SB_TRY(sb_jr_string(r, e, "grade", false, &emp->grade));
  SB_TRY(parse_tags_attrs(r, p, e, emp));
  return SENBID_OK;
}

/* Lays the ids out again, in seniority order and side by side: results are
 * written in that order, and on a large roster reading ids scattered over
 * the whole problem costs more than the writing. */
static int compact_ids(senbid_problem *p, sb_err *err) {
  size_t total = 1;
  for (uint32_t i = 0; i < p->nemps; i++) total += strlen(p->emps[i].id) + 1;
  char *buf = sb_arena_alloc(&p->arena, total);
  if (!buf) return sb_err_nomem(err);
  for (uint32_t i = 0; i < p->nemps; i++) {
    sb_employee *emp = &p->emps[p->sen.order[i]];
    size_t n = strlen(emp->id) + 1;
    memcpy(buf, emp->id, n);
    emp->id = buf; /* p->ids keeps the first copy; both live as long */
    buf += n;
  }
  return SENBID_OK;
}

static int parse_common(sb_jr *r, senbid_problem *p, const cJSON *root,
                        sb_emps *emp_json_out) {
  SB_TRY(sb_jr_v_object(r, root));
  SB_TRY(sb_json_check(r, root));

  int64_t version = 0;
  SB_TRY(sb_jr_int(r, root, "senbid", true, &version, NULL));
  if (version != 1)
    return sb_jr_fail(r, SENBID_E_VALUE, "senbid",
                      "format version %lld is not supported (expected 1)",
                      (long long)version);

  const char *kind = NULL;
  SB_TRY(sb_jr_string(r, root, "kind", true, &kind));
  p->kind = SB_KIND_COUNT;
  for (int k = 0; k < SB_KIND_COUNT; k++)
    if (strcmp(kind, kind_names[k]) == 0) p->kind = (sb_kind)k;
  if (p->kind == SB_KIND_COUNT)
    return sb_jr_fail(r, SENBID_E_VALUE, "kind",
                      "unknown kind %s (leave, shift_bid, aws, assignment)",
                      SB_Q(kind));

  SB_TRY(sb_jr_date(r, root, "as_of", true, &p->as_of, NULL));

  const cJSON *sen = NULL, *emps = NULL;
  SB_TRY(sb_jr_object(r, root, "seniority", true, &sen));
  SB_TRY(sb_jr_array(r, root, "employees", true, &emps));

  int n = sb_json_count(emps);
  if (n > SB_MAX_EMPLOYEES)
    return sb_jr_fail(r, SENBID_E_LIMIT, "employees",
                      "%d employees; at most %d are accepted", n,
                      SB_MAX_EMPLOYEES);
  p->nemps = (uint32_t)n;
  p->emps = sb_arena_array(&p->arena, (size_t)n, sizeof *p->emps);
  /* A lazy array is read again, one employee at a time, by the kind. */
  bool lazy = (emps->type & SB_JSON_LAZY) != 0;
  const cJSON **emp_json =
      lazy ? NULL : sb_arena_array(&p->arena, (size_t)n, sizeof *emp_json);
  if ((n && (!p->emps || (!lazy && !emp_json))) ||
      sb_strmap_init(&p->ids, &p->arena, (size_t)n) < 0)
    return sb_err_nomem(r->err);

  sb_path_key(&r->path, "employees");
  SB_JR_EACH(r, emps, i, e) {
    if (emp_json) emp_json[i] = e;
    int rc = parse_employee(r, p, e, (uint32_t)i);
    if (rc < 0) return rc; /* the path is reported already */
  }
  sb_path_pop(&r->path);
  emp_json_out->lazy = lazy ? emps : NULL;
  emp_json_out->v = emp_json;

  sb_path_key(&r->path, "seniority");
  int rc = sb_seniority_parse(p, r, sen, emp_json_out);
  sb_path_pop(&r->path);
  if (rc < 0) return rc;
  SB_TRY(sb_seniority_rank(p, r->err));
  return compact_ids(p, r->err);
}

SENBID_API int senbid_parse_options_init(senbid_parse_options *opts,
                                         uint32_t version) {
  if (!opts) return SENBID_E_ARGUMENT;
  if (version != SENBID_PARSE_OPTIONS_VERSION) return SENBID_E_VERSION;
  senbid_parse_options d = SENBID_PARSE_OPTIONS_INIT;
  *opts = d;
  return SENBID_OK;
}

static int alloc_from_opts(const senbid_parse_options *opts, sb_alloc *a,
                           sb_err *err) {
  *a = sb_default_alloc;
  if (!opts) return SENBID_OK;
  if (opts->version != SENBID_PARSE_OPTIONS_VERSION)
    return sb_err_set(err, SENBID_E_VERSION, NULL,
                      "parse options version %u is not supported",
                      opts->version);
  if (opts->flags != 0)
    return sb_err_set(err, SENBID_E_ARGUMENT, NULL, "flags must be 0");
  return sb_alloc_from_user(opts->allocator, a, err);
}

int sb_alloc_from_user(const senbid_allocator *u, sb_alloc *a, sb_err *err) {
  if (!u) return SENBID_OK;
  if (!u->malloc_fn || !u->realloc_fn || !u->free_fn)
    return sb_err_set(err, SENBID_E_ARGUMENT, NULL,
                      "an allocator needs all three functions");
  a->malloc_fn = u->malloc_fn;
  a->realloc_fn = u->realloc_fn;
  a->free_fn = u->free_fn;
  a->payload = u->payload;
  return SENBID_OK;
}

/* The root arrays a kind reads one element at a time (the others are
 * materialized before the kind reads them). */
static const char *const lazy_members[] = {"employees", "requests", "approved",
                                           NULL};
static bool kind_reads_lazily(sb_kind k, const char *member) {
  if (strcmp(member, "employees") == 0) return true;
  if (k == SB_KIND_LEAVE) return true; /* requests, approved */
  return k == SB_KIND_AWS && strcmp(member, "requests") == 0;
}

static senbid_problem *problem_new(const sb_alloc *a) {
  senbid_problem *p = sb_mem_calloc(a, 1, sizeof *p);
  if (!p) return NULL;
  p->alloc = *a;
  sb_arena_init(&p->arena, &p->alloc);
  return p;
}

/* The document read lean: its large arrays are never held whole (issue 13;
 * sb_json_parse_lean). It only ever succeeds: on anything else (an error
 * of the text or its values, a finding of sb_json_check, out of memory)
 * it returns false and the caller reads the document in full, which
 * reports the first error as the contract orders them. So the errors and
 * their precedence are those of the full reading by construction. */
static bool parse_lean(senbid_problem *p, const char *json, size_t len) {
  sb_err e = {0};
  sb_arena tree;
  sb_arena_init(&tree, &p->alloc);
  sb_json_lean doc;
  const cJSON *root = sb_json_parse_lean(&doc, &tree, json, len, lazy_members);
  bool ok = root != NULL;
  sb_jr r;
  r.err = &e;
  r.arena = &p->arena;
  sb_path_init(&r.path);
  sb_emps emp_json = {NULL, NULL};
  if (ok) ok = parse_common(&r, p, root, &emp_json) == SENBID_OK && !doc.failed;
  if (ok)
    for (const cJSON *m = root->child; m && ok; m = m->next)
      if ((m->type & SB_JSON_LAZY) && !kind_reads_lazily(p->kind, m->string))
        ok = sb_json_lean_materialize(&doc, m->string);
  if (ok) {
    sb_path_init(&r.path);
    const sb_kind_ops *ops = sb_kind_get(p->kind);
    ok = ops && ops->parse(p, &r, root, &emp_json) == SENBID_OK;
  }
  ok = ok && sb_json_lean_finish(&doc);
  sb_json_lean_free(&doc);
  sb_arena_free(&tree);
  return ok;
}

SENBID_API int senbid_problem_parse(senbid_problem **out, const char *json,
                                    size_t len,
                                    const senbid_parse_options *opts,
                                    senbid_error **err) {
  return sb_problem_parse(out, json, len, opts, err, true);
}

int sb_problem_parse(senbid_problem **out, const char *json, size_t len,
                     const senbid_parse_options *opts, senbid_error **err,
                     bool lean) {
  sb_err e = {0};
  sb_alloc a;
  if (out) *out = NULL;
  if (!out || (!json && len)) {
    sb_err_set(&e, SENBID_E_ARGUMENT, NULL, "out and json must not be NULL");
    return sb_error_out(err, &sb_default_alloc, &e);
  }
  if (alloc_from_opts(opts, &a, &e) < 0)
    return sb_error_out(err, &sb_default_alloc, &e);
  if (!json) json = "";

  size_t bad = utf8_check((const unsigned char *)json, len);
  if (bad < len) {
    size_t line, col;
    line_col(json, bad, &line, &col);
    sb_err_set(&e, SENBID_E_JSON, "$",
               "invalid UTF-8 at line %zu column %zu (byte %zu)", line, col, bad);
    return sb_error_out(err, &a, &e);
  }

  senbid_problem *p = problem_new(&a);
  if (!p) {
    sb_err_nomem(&e);
    return sb_error_out(err, &a, &e);
  }
  if (lean && parse_lean(p, json, len)) {
    *out = p;
    return SENBID_OK;
  }
  /* Read in full, for the error (or after running out of memory). */
  senbid_problem_free(p);
  p = problem_new(&a);
  if (!p) {
    sb_err_nomem(&e);
    return sb_error_out(err, &a, &e);
  }

  /* The parse tree lives in its own arena, released once the problem's
   * members are copied out of it. */
  sb_arena tree;
  sb_arena_init(&tree, &p->alloc);
  size_t off = 0;
  const char *why = NULL;
  const cJSON *root = sb_json_parse(&tree, json, len, &off, &why);
  if (!root) {
    size_t line, col;
    line_col(json, off, &line, &col);
    if (why && strcmp(why, "out of memory") == 0)
      sb_err_nomem(&e);
    else
      sb_err_set(&e, SENBID_E_JSON, "$", "malformed JSON at line %zu column %zu: %s",
                 line, col, why ? why : "syntax error");
    sb_arena_free(&tree);
    senbid_problem_free(p);
    return sb_error_out(err, &a, &e);
  }

  sb_jr r;
  r.err = &e;
  r.arena = &p->arena;
  sb_path_init(&r.path);
  sb_emps emp_json = {NULL, NULL};
  int rc = parse_common(&r, p, root, &emp_json);
  if (rc == SENBID_OK) {
    sb_path_init(&r.path);
    const sb_kind_ops *ops = sb_kind_get(p->kind);
    rc = ops ? ops->parse(p, &r, root, &emp_json) : SENBID_E_VALUE;
  }
  sb_arena_free(&tree);
  if (rc < 0) {
    if (e.code == SENBID_OK) sb_err_set(&e, rc, NULL, "%s", senbid_strerror(rc));
    senbid_problem_free(p);
    return sb_error_out(err, &a, &e);
  }
  *out = p;
  return SENBID_OK;
}

SENBID_API void senbid_problem_free(senbid_problem *problem) {
  if (!problem) return;
  sb_alloc a = problem->alloc;
  sb_arena_free(&problem->arena);
  sb_mem_free(&a, problem);
}

SENBID_API const char *senbid_problem_kind(const senbid_problem *problem) {
  return problem ? sb_kind_name(problem->kind) : "";
}

SENBID_API size_t senbid_problem_employee_count(const senbid_problem *problem) {
  return problem ? problem->nemps : 0;
}
