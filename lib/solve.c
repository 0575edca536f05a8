/* Solving, ranking, checking and exporting: the public entry points, the
 * common members of result documents, and the audit/warning logs. */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "lp/model.h"

struct senbid_result {
  sb_alloc alloc;
  char *text;
  size_t len;
  int outcome;
};

SENBID_API const char *senbid_version(void) { return SENBID_VERSION_STRING; }
SENBID_API uint32_t senbid_version_number(void) { return SENBID_VERSION_NUMBER; }
SENBID_API uint32_t senbid_format_version(void) { return 1; }

SENBID_API int64_t senbid_limit(int which) {
  switch (which) {
    case SENBID_LIMIT_EMPLOYEES: return SB_MAX_EMPLOYEES;
    case SENBID_LIMIT_CHOICES: return SB_MAX_CHOICES;
    case SENBID_LIMIT_AWS_OPTIONS: return SB_MAX_AWS_OPTIONS;
    case SENBID_LIMIT_SHIFTS: return SB_MAX_SHIFTS;
    case SENBID_LIMIT_RANGE_DAYS: return SB_MAX_RANGE_DAYS;
    default: return 0;
  }
}

const char *sb_method_name(int method) {
  return method == SENBID_METHOD_LEXICOGRAPHIC ? "lexicographic" : "round_robin";
}

SENBID_API int senbid_solve_options_init(senbid_solve_options *opts,
                                         uint32_t version) {
  if (!opts) return SENBID_E_ARGUMENT;
  if (version != SENBID_SOLVE_OPTIONS_VERSION) return SENBID_E_VERSION;
  senbid_solve_options d = SENBID_SOLVE_OPTIONS_INIT;
  *opts = d;
  return SENBID_OK;
}

/* ------------------------------------------------------------------- logs */

static void log_init(sb_log *l, const sb_alloc *a) {
  sb_buf_init(&l->buf, a);
  /* Items of a top-level member's array sit at depth 2. */
  sb_jw_init(&l->w, &l->buf, 2, true);
  l->count = 0;
}

void sb_audit_str(sb_out *o, const char *employee, const char *event,
                  const char *rule, const char *detail, size_t n) {
  if (o->audit_off) return;
  sb_log *l = &o->audit;
  sb_jw *w = &l->w;
  l->count++;
  sb_jw_obj(w);
  SB_JW_KEY(w, "seq");
  sb_jw_uint(w, l->count);
  SB_JW_KEY(w, "employee");
  sb_jw_str_or_null(w, employee);
  SB_JW_KEY(w, "event");
  sb_jw_str(w, event);
  SB_JW_KEY(w, "rule");
  sb_jw_str(w, rule);
  SB_JW_KEY(w, "detail");
  sb_jw_strn(w, detail, n);
  sb_jw_obj_end(w);
}

void sb_audit(sb_out *o, const char *employee, const char *event,
              const char *rule, const char *fmt, ...) {
  if (o->audit_off) return;
  char small[512];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(small, sizeof small, fmt, ap);
  va_end(ap);
  if (n >= 0 && (size_t)n < sizeof small) {
    sb_audit_str(o, employee, event, rule, small, (size_t)n);
    return;
  }
  sb_buf tmp;
  sb_buf_init(&tmp, o->audit.w.buf->alloc);
  va_start(ap, fmt);
  sb_buf_vprintf(&tmp, fmt, ap);
  va_end(ap);
  sb_audit_str(o, employee, event, rule, tmp.data ? tmp.data : "", tmp.len);
  if (tmp.oom) o->audit.w.buf->oom = true;
  sb_buf_free(&tmp);
}

SB_PRINTF(2, 0) static void log_msg(sb_log *l, const char *fmt, va_list ap) {
  sb_buf tmp;
  sb_buf_init(&tmp, l->buf.alloc);
  sb_buf_vprintf(&tmp, fmt, ap);
  sb_jw_strn(&l->w, tmp.data ? tmp.data : "", tmp.len);
  if (tmp.oom) l->buf.oom = true;
  sb_buf_free(&tmp);
}

void sb_warn(sb_out *o, const char *code, const char *fmt, ...) {
  sb_jw *w = &o->warnings.w;
  o->warnings.count++;
  sb_jw_obj(w);
  SB_JW_KEY(w, "code");
  sb_jw_str(w, code);
  SB_JW_KEY(w, "message");
  va_list ap;
  va_start(ap, fmt);
  log_msg(&o->warnings, fmt, ap);
  va_end(ap);
  sb_jw_obj_end(w);
}

void sb_departure(sb_out *o, const char *code, const char *employee,
                  const char *rule, const char *fmt, ...) {
  sb_jw *w = &o->departures.w;
  o->departures.count++;
  sb_jw_obj(w);
  SB_JW_KEY(w, "code");
  sb_jw_str(w, code);
  SB_JW_KEY(w, "employee");
  sb_jw_str_or_null(w, employee);
  SB_JW_KEY(w, "detail");
  va_list ap;
  va_start(ap, fmt);
  log_msg(&o->departures, fmt, ap);
  va_end(ap);
  SB_JW_KEY(w, "rule");
  sb_jw_str(w, rule);
  sb_jw_obj_end(w);
}

static void out_init(sb_out *o, const sb_alloc *a) {
  memset(o, 0, sizeof *o);
  sb_buf_init(&o->body, a);
  sb_jw_init(&o->w, &o->body, 1, false);
  log_init(&o->audit, a);
  log_init(&o->warnings, a);
  log_init(&o->departures, a);
  o->status = "ok";
  o->outcome = SENBID_OUTCOME_OK;
}

static void out_free(sb_out *o) {
  sb_buf_free(&o->body);
  sb_buf_free(&o->audit.buf);
  sb_buf_free(&o->warnings.buf);
  sb_buf_free(&o->departures.buf);
}

/* ---------------------------------------------------------------- context */

int sb_ctx_progress(sb_ctx *ctx, const char *phase, uint64_t done,
                    uint64_t total) {
  if (!ctx->progress) return SENBID_OK;
  senbid_progress pr;
  memset(&pr, 0, sizeof pr);
  pr.version = 1;
  pr.phase = phase;
  pr.done = done;
  pr.total = total;
  pr.solver_calls = ctx->solver_calls;
  pr.elapsed_seconds = sb_now() - ctx->t0;
  if (ctx->progress(&pr, ctx->progress_payload) != 0)
    return sb_err_set(ctx->err, SENBID_E_CANCELLED, NULL,
                      "the progress callback stopped the solve");
  return SENBID_OK;
}

uint32_t sb_ctx_ms_left(const sb_ctx *ctx) {
  if (!ctx->time_limit_ms) return UINT32_MAX;
  double used = (sb_now() - ctx->t0) * 1000.0;
  if (used >= ctx->time_limit_ms) return 0;
  return (uint32_t)(ctx->time_limit_ms - used);
}

static int ctx_init(sb_ctx *ctx, const senbid_problem *p,
                    const senbid_solve_options *opts, sb_err *err) {
  memset(ctx, 0, sizeof *ctx);
  ctx->p = p;
  ctx->err = err;
  ctx->t0 = sb_now();
  sb_arena_init(&ctx->scratch, &p->alloc);
  if (!opts) return SENBID_OK;
  if (opts->version != SENBID_SOLVE_OPTIONS_VERSION)
    return sb_err_set(err, SENBID_E_VERSION, NULL,
                      "solve options version %u is not supported",
                      opts->version);
  if (opts->method != SENBID_METHOD_ROUND_ROBIN &&
      opts->method != SENBID_METHOD_LEXICOGRAPHIC)
    return sb_err_set(err, SENBID_E_ARGUMENT, NULL, "unknown method %d",
                      (int)opts->method);
  if (opts->flags & ~SENBID_SOLVE_CBC)
    return sb_err_set(err, SENBID_E_ARGUMENT, NULL, "unknown flags %#x",
                      (unsigned)opts->flags);
  if ((opts->flags & SENBID_SOLVE_CBC) && !sb_lp_cbc_available())
    return sb_err_set(err, SENBID_E_UNSUPPORTED, NULL,
                      "this build has no CBC (meson -Dcbc=enabled)");
  ctx->solver = (opts->flags & SENBID_SOLVE_CBC) ? SB_SOLVER_CBC : SB_SOLVER_GLPK;
  ctx->method = opts->method;
  ctx->time_limit_ms = opts->time_limit_ms;
  ctx->progress = opts->progress;
  ctx->progress_payload = opts->progress_payload;
  return SENBID_OK;
}

/* ---------------------------------------------------------------- results */

static int result_new(senbid_result **out, const sb_alloc *a, sb_buf *text,
                      int outcome, sb_err *err) {
  if (text->oom || sb_buf_terminate(text) < 0) return sb_err_nomem(err);
  senbid_result *r = sb_mem_alloc(a, sizeof *r);
  if (!r) return sb_err_nomem(err);
  r->alloc = *a;
  r->text = text->data;
  r->len = text->len;
  r->outcome = outcome;
  text->data = NULL; /* handed over */
  text->len = text->cap = 0;
  *out = r;
  return SENBID_OK;
}

static void write_log(sb_jw *w, const char *key, const sb_log *l) {
  sb_jw_key(w, key);
  sb_jw_arr(w);
  sb_jw_splice(w, &l->buf, l->count);
  sb_jw_arr_end(w);
}

void sb_out_open_audit(sb_out *o) {
  if (o->audit_open) return;
  sb_jw w;
  sb_jw_init(&w, &o->body, 1, false);
  write_log(&w, "warnings", &o->warnings);
  SB_JW_KEY(&w, "audit");
  sb_jw_arr(&w);
  w.sink = o->w.sink; /* entries now stream with the document */
  sb_jw_splice(&w, &o->audit.buf, o->audit.count);
  if (o->audit.buf.oom) o->body.oom = true;
  sb_buf_free(&o->audit.buf);
  /* From here on entries go straight into the document, after those. */
  o->audit.w = w;
  o->audit_open = true;
}

/* The members every document starts with. */
static void write_head(sb_jw *w, const senbid_problem *p) {
  sb_jw_obj(w);
  SB_JW_KEY(w, "senbid");
  sb_jw_int(w, 1);
  SB_JW_KEY(w, "kind");
  sb_jw_str(w, sb_kind_name(p->kind));
}

static void write_solve_head(sb_buf *doc, const senbid_problem *p,
                             const char *method, const char *status) {
  sb_jw w;
  sb_jw_init(&w, doc, 0, true);
  write_head(&w, p);
  SB_JW_KEY(&w, "method");
  sb_jw_str(&w, method);
  SB_JW_KEY(&w, "status");
  sb_jw_str(&w, status);
  sb_write_seniority(&w, p);
}

/* Rewrites the head at the start of o->body with the status the solve
 * ended with (rare, and such results are small). */
static int restate_head(sb_out *o, const senbid_problem *p, const char *method,
                        size_t head_len) {
  if (strcmp(o->status, "ok") == 0) return SENBID_OK;
  sb_buf doc;
  sb_buf_init(&doc, o->body.alloc);
  write_solve_head(&doc, p, method, o->status);
  sb_buf_put(&doc, o->body.data + head_len, o->body.len - head_len);
  if (doc.oom) {
    sb_buf_free(&doc);
    return SENBID_E_NOMEM;
  }
  sb_buf_free(&o->body);
  o->body = doc;
  return SENBID_OK;
}

/* A solve's document is written in place: the common members before the
 * solve (assuming status "ok"), the kind's members straight after them,
 * then warnings and audit. Copying a body of hundreds of megabytes into a
 * second buffer would cost as much as writing it. A streamed document's
 * head is restated by its first chunk (head_len is then 0). */
static int finish_solve_doc(sb_out *o, const senbid_problem *p,
                            const char *method, size_t head_len) {
  if (head_len && restate_head(o, p, method, head_len) < 0)
    return SENBID_E_NOMEM;
  if (o->audit_open) {
    /* The rebuild above moved the text; the writer's state still holds. */
    sb_jw *w = &o->audit.w;
    w->buf = &o->body;
    sb_jw_arr_end(w);
    sb_jw_obj_end(w);
  } else {
    sb_jw w;
    sb_jw_init(&w, &o->body, 1, false);
    w.sink = o->w.sink; /* the logs stream too (sb_jw_splice) */
    write_log(&w, "warnings", &o->warnings);
    write_log(&w, "audit", &o->audit);
    sb_jw_obj_end(&w);
  }
  sb_buf_putc(&o->body, '\n');
  return SENBID_OK;
}

/* A document streamed to the caller's writer: o->body is handed over each
 * time it reaches SB_STREAM_CHUNK bytes, so a result of hundreds of
 * megabytes never sits in memory whole. */
enum { SB_STREAM_CHUNK = 4 << 20 };

typedef struct sb_stream {
  sb_sink sink; /* first: the flush gets its address */
  senbid_write_fn fn;
  void *payload;
  sb_out *o;
  const senbid_problem *p;
  const char *method;
  size_t head_len;         /* the unsent head at the start of o->body */
  const char *sent_status; /* the status the sent head holds; NULL: unsent */
  bool failed;             /* the writer said stop: later text is dropped */
} sb_stream;

static void stream_flush(sb_sink *sink, sb_buf *b) {
  sb_stream *s = (sb_stream *)sink;
  if (!s->sent_status) {
    /* Kinds set the status before writing their long members, so the
     * head can go out with the first chunk. */
    if (restate_head(s->o, s->p, s->method, s->head_len) < 0) {
      b->oom = true;
      return;
    }
    s->sent_status = s->o->status;
    s->head_len = 0;
  }
  if (!s->failed && b->len && s->fn(b->data, b->len, s->payload) != 0)
    s->failed = true;
  b->len = 0;
}

/* A check's document: the common members and the departures. */
static void write_check_doc(sb_buf *doc, const senbid_problem *p,
                            const sb_out *o) {
  sb_jw w;
  sb_jw_init(&w, doc, 0, true);
  write_head(&w, p);
  SB_JW_KEY(&w, "departures");
  sb_jw_arr(&w);
  sb_jw_splice(&w, &o->departures.buf, o->departures.count);
  sb_jw_arr_end(&w);
  SB_JW_KEY(&w, "count");
  sb_jw_uint(&w, o->departures.count);
  sb_jw_obj_end(&w);
  sb_buf_putc(doc, '\n');
}

static bool out_oom(const sb_out *o) {
  return o->body.oom || o->audit.buf.oom || o->warnings.buf.oom ||
         o->departures.buf.oom;
}

static int bad_args(sb_err *e, senbid_error **err) {
  sb_err_set(e, SENBID_E_ARGUMENT, NULL, "out and problem must not be NULL");
  return sb_error_out(err, &sb_default_alloc, e);
}

/* The end of every entry point: a status, with its error object. */
static int finish(int rc, sb_err *e, const sb_alloc *a, senbid_error **err) {
  if (rc >= 0) return SENBID_OK;
  if (e->code == SENBID_OK) sb_err_set(e, rc, NULL, "%s", senbid_strerror(rc));
  return sb_error_out(err, a, e);
}

/* A solve into o: in memory, or through s when it is not NULL. */
static int solve_doc(sb_out *o, const senbid_problem *problem,
                     const senbid_solve_options *opts, sb_stream *s,
                     sb_err *e) {
  const sb_alloc *a = &problem->alloc;
  sb_ctx ctx;
  out_init(o, a);
  int rc = ctx_init(&ctx, problem, opts, e);
  const char *method = sb_method_name(ctx.method);
  write_solve_head(&o->body, problem, method, "ok");
  size_t head_len = o->body.len;
  if (s) {
    s->sink.flush = stream_flush;
    s->sink.chunk = SB_STREAM_CHUNK;
    s->o = o;
    s->p = problem;
    s->method = method;
    s->head_len = head_len;
    o->w.sink = &s->sink;
  }
  /* Every solve reports at least its start (where it can be cancelled)
   * and its end. */
  if (rc == SENBID_OK) rc = sb_ctx_progress(&ctx, "start", 0, 0);
  if (rc == SENBID_OK) rc = sb_kind_get(problem->kind)->solve(&ctx, o);
  if (rc == SENBID_OK && out_oom(o)) rc = sb_err_nomem(e);
  if (rc == SENBID_OK && ctx.progress) {
    senbid_progress pr;
    memset(&pr, 0, sizeof pr);
    pr.version = 1;
    pr.phase = "done";
    pr.done = pr.total = 1;
    pr.solver_calls = ctx.solver_calls;
    pr.elapsed_seconds = sb_now() - ctx.t0;
    (void)ctx.progress(&pr, ctx.progress_payload); /* too late to stop */
  }
  if (rc == SENBID_OK && s && s->sent_status &&
      strcmp(s->sent_status, o->status) != 0)
    rc = sb_err_set(e, SENBID_E_UNSUPPORTED, NULL,
                    "the status changed to %s after the result began to "
                    "stream", o->status);
  if (rc == SENBID_OK)
    rc = finish_solve_doc(o, problem, method, s ? 0 : head_len);
  if (rc == SENBID_OK && s) {
    stream_flush(&s->sink, &o->body);
    if (out_oom(o)) rc = sb_err_nomem(e);
    else if (s->failed)
      rc = sb_err_set(e, SENBID_E_IO, NULL,
                      "the writer did not take the result");
  }
  sb_arena_free(&ctx.scratch);
  return rc;
}

SENBID_API int senbid_solve(senbid_result **out, const senbid_problem *problem,
                            const senbid_solve_options *opts,
                            senbid_error **err) {
  sb_err e = {0};
  if (out) *out = NULL;
  if (!out || !problem) return bad_args(&e, err);
  const sb_alloc *a = &problem->alloc;
  sb_out o;
  int rc = solve_doc(&o, problem, opts, NULL, &e);
  if (rc == SENBID_OK) rc = result_new(out, a, &o.body, o.outcome, &e);
  out_free(&o);
  return finish(rc, &e, a, err);
}

SENBID_API int senbid_solve_to(const senbid_problem *problem,
                               const senbid_solve_options *opts,
                               senbid_write_fn write, void *payload,
                               int *outcome, senbid_error **err) {
  sb_err e = {0};
  if (outcome) *outcome = SENBID_OUTCOME_OK;
  if (!problem || !write) {
    sb_err_set(&e, SENBID_E_ARGUMENT, NULL,
               "problem and write must not be NULL");
    return sb_error_out(err, &sb_default_alloc, &e);
  }
  const sb_alloc *a = &problem->alloc;
  sb_stream s;
  memset(&s, 0, sizeof s);
  s.fn = write;
  s.payload = payload;
  sb_out o;
  int rc = solve_doc(&o, problem, opts, &s, &e);
  if (rc == SENBID_OK && outcome) *outcome = o.outcome;
  out_free(&o);
  return finish(rc, &e, a, err);
}

SENBID_API int senbid_rank(senbid_result **out, const senbid_problem *problem,
                           senbid_error **err) {
  sb_err e = {0};
  if (out) *out = NULL;
  if (!out || !problem) return bad_args(&e, err);
  const senbid_problem *p = problem;
  const sb_seniority *s = &p->sen;
  sb_buf doc;
  sb_buf_init(&doc, &p->alloc);
  sb_jw w;
  sb_jw_init(&w, &doc, 0, true);
  sb_jw_obj(&w);
  sb_write_seniority(&w, p);
  SB_JW_KEY(&w, "keys");
  sb_jw_obj(&w);
  for (uint32_t i = 0; i < p->nemps; i++) {
    uint32_t emp = s->order[i];
    sb_jw_key(&w, p->emps[emp].id);
    sb_jw_obj(&w);
    for (uint32_t k = 0; k < s->nkeys; k++) {
      const sb_sen_key *key = &s->keys[k];
      const char *label = key->label;
      if (key->ice_mixed && p->emps[emp].attorney) label = "attorney";
      sb_jw_key(&w, label);
      sb_jw_num(&w, s->values[(size_t)emp * s->nkeys + k]);
    }
    sb_jw_obj_end(&w);
  }
  sb_jw_obj_end(&w);
  sb_jw_obj_end(&w);
  sb_buf_putc(&doc, '\n');
  int rc = result_new(out, &p->alloc, &doc, SENBID_OUTCOME_OK, &e);
  sb_buf_free(&doc);
  if (rc < 0) return sb_error_out(err, &p->alloc, &e);
  return SENBID_OK;
}

/* The head of a posted result (SPEC section 7). A result of another kind,
 * "{}" or the problem document itself is an input error naming the member
 * at fault, not a list of departures. A hand-made posting may leave out
 * kind and method (then judged as round_robin); the problem document is
 * recognised by its employees. The result is judged by the method it
 * names. */
static int check_head(sb_ctx *ctx, const cJSON *res, sb_err *e) {
  const char *want = sb_kind_name(ctx->p->kind);
  const cJSON *kind = cJSON_GetObjectItemCaseSensitive(res, "kind");
  const cJSON *method = cJSON_GetObjectItemCaseSensitive(res, "method");
  bool problem = cJSON_GetObjectItemCaseSensitive(res, "employees") != NULL;
  if (!kind || cJSON_IsNull(kind)) {
    if (!res->child || problem)
      return sb_err_set(e, SENBID_E_MISSING, "$.kind",
                        "the result has no kind: expected a result of kind %s from senbid solve",
                        SB_Q(want));
  } else if (!cJSON_IsString(kind)) {
    return sb_err_set(e, SENBID_E_TYPE, "$.kind", "the result's kind is not a string");
  } else if (strcmp(kind->valuestring, want) != 0) {
    return sb_err_set(e, SENBID_E_VALUE, "$.kind",
                      "the result is of kind %s, the problem of kind %s",
                      SB_Q(kind->valuestring), SB_Q(want));
  }
  if (!method || cJSON_IsNull(method)) {
    if (problem)
      return sb_err_set(e, SENBID_E_MISSING, "$.method",
                        "the result has no method: this is a problem document, "
                        "not a result of senbid solve");
    return SENBID_OK;
  }
  if (!cJSON_IsString(method))
    return sb_err_set(e, SENBID_E_TYPE, "$.method", "the result's method is not a string");
  if (strcmp(method->valuestring, "lexicographic") == 0)
    ctx->method = SENBID_METHOD_LEXICOGRAPHIC;
  else if (strcmp(method->valuestring, "round_robin") != 0)
    return sb_err_set(e, SENBID_E_VALUE, "$.method",
                      "%s is not a method (round_robin, lexicographic)",
                      SB_Q(method->valuestring));
  return SENBID_OK;
}

/* A posted result's text, parsed into the context's scratch: a JSON object
 * of the problem's kind (check_head), the method it names in ctx. */
static int parse_posted(sb_ctx *ctx, const char *result_json, size_t len,
                        const cJSON **out, sb_err *e) {
  size_t off = 0;
  const char *why = NULL;
  const cJSON *res = sb_json_parse(&ctx->scratch, result_json ? result_json : "", len, &off, &why);
  int rc;
  if (!res && why && strcmp(why, "out of memory") == 0) {
    rc = sb_err_nomem(e); /* as senbid_problem_parse does */
  } else if (!res || !cJSON_IsObject(res)) {
    rc = sb_err_set(e, res ? SENBID_E_TYPE : SENBID_E_JSON, "$",
                    "the result document is not a JSON object%s%s",
                    why ? ": " : "", why ? why : "");
  } else {
    sb_jr r = {e, {{0}, 0, {0}, 0, 0}, &ctx->scratch};
    sb_path_init(&r.path);
    rc = sb_json_check_finite(&r, res);
  }
  if (rc == SENBID_OK) rc = check_head(ctx, res, e);
  *out = res;
  return rc;
}

/* An explanation's document: the common members and the kind's. */
static void write_explain_doc(sb_buf *doc, const senbid_problem *p,
                              const sb_out *o) {
  sb_jw w;
  sb_jw_init(&w, doc, 0, true);
  write_head(&w, p);
  sb_buf_put(doc, o->body.data ? o->body.data : "", o->body.len);
  sb_jw_obj_end(&w);
  sb_buf_putc(doc, '\n');
}

/* senbid_check and senbid_explain: a posted result read and handed to the
 * kind's check or explain. */
static int posted_call(senbid_result **out, const senbid_problem *problem,
                       const char *result_json, size_t len,
                       senbid_error **err, bool explain) {
  sb_err e = {0};
  if (out) *out = NULL;
  if (!out || !problem || (!result_json && len)) {
    sb_err_set(&e, SENBID_E_ARGUMENT, NULL,
               "out, problem and result_json must not be NULL");
    return sb_error_out(err, &sb_default_alloc, &e);
  }
  const sb_alloc *a = &problem->alloc;
  const sb_kind_ops *ops = sb_kind_get(problem->kind);
  int (*fn)(sb_ctx *, const cJSON *, sb_out *) =
      explain ? ops->explain : ops->check;
  if (!fn) {
    sb_err_set(&e, SENBID_E_UNSUPPORTED, NULL,
               "%s %s results is not yet available",
               explain ? "explaining" : "checking", ops->name);
    return sb_error_out(err, a, &e);
  }
  sb_ctx ctx;
  sb_out o;
  out_init(&o, a);
  sb_buf doc;
  sb_buf_init(&doc, a);
  const cJSON *res = NULL;
  int rc = ctx_init(&ctx, problem, NULL, &e);
  if (rc == SENBID_OK) rc = parse_posted(&ctx, result_json, len, &res, &e);
  if (rc == SENBID_OK) rc = fn(&ctx, res, &o);
  if (rc == SENBID_OK && out_oom(&o)) rc = sb_err_nomem(&e);
  if (rc == SENBID_OK) {
    if (explain) write_explain_doc(&doc, problem, &o);
    else write_check_doc(&doc, problem, &o);
    rc = result_new(out, a, &doc,
                    !explain && o.departures.count ? SENBID_OUTCOME_DEPARTURES
                                                   : SENBID_OUTCOME_OK,
                    &e);
  }
  sb_buf_free(&doc);
  out_free(&o);
  sb_arena_free(&ctx.scratch);
  return finish(rc, &e, a, err);
}

SENBID_API int senbid_check(senbid_result **out, const senbid_problem *problem,
                            const char *result_json, size_t len,
                            senbid_error **err) {
  return posted_call(out, problem, result_json, len, err, false);
}

SENBID_API int senbid_explain(senbid_result **out,
                              const senbid_problem *problem,
                              const char *result_json, size_t len,
                              senbid_error **err) {
  return posted_call(out, problem, result_json, len, err, true);
}

SENBID_API int senbid_export_lp(senbid_result **out,
                                const senbid_problem *problem,
                                const senbid_solve_options *opts,
                                senbid_error **err) {
  sb_err e = {0};
  if (out) *out = NULL;
  if (!out || !problem) return bad_args(&e, err);
  const sb_alloc *a = &problem->alloc;
  const sb_kind_ops *ops = sb_kind_get(problem->kind);
  if (!ops->export_lp) {
    sb_err_set(&e, SENBID_E_UNSUPPORTED, NULL,
               "exporting %s models is not yet available", ops->name);
    return sb_error_out(err, a, &e);
  }
  sb_ctx ctx;
  sb_buf lp;
  sb_buf_init(&lp, a);
  int rc = ctx_init(&ctx, problem, opts, &e);
  ctx.method = SENBID_METHOD_LEXICOGRAPHIC;
  if (rc == SENBID_OK) rc = ops->export_lp(&ctx, &lp);
  if (rc == SENBID_OK) rc = result_new(out, a, &lp, SENBID_OUTCOME_OK, &e);
  sb_buf_free(&lp);
  sb_arena_free(&ctx.scratch);
  return finish(rc, &e, a, err);
}

SENBID_API const char *senbid_result_json(const senbid_result *result,
                                          size_t *len) {
  if (len) *len = result ? result->len : 0;
  return result ? result->text : "";
}

SENBID_API int senbid_result_outcome(const senbid_result *result) {
  return result ? result->outcome : SENBID_OUTCOME_OK;
}

SENBID_API void senbid_result_free(senbid_result *result) {
  if (!result) return;
  sb_alloc a = result->alloc;
  sb_mem_free(&a, result->text);
  sb_mem_free(&a, result);
}

/* The option structs' layouts are ABI: fields are only appended. */
#include <stddef.h>
_Static_assert(offsetof(senbid_parse_options, version) == 0, "ABI");
_Static_assert(offsetof(senbid_parse_options, flags) == 4, "ABI");
_Static_assert(offsetof(senbid_parse_options, allocator) == 8, "ABI");
_Static_assert(offsetof(senbid_solve_options, version) == 0, "ABI");
_Static_assert(offsetof(senbid_solve_options, method) == 4, "ABI");
_Static_assert(offsetof(senbid_solve_options, time_limit_ms) == 8, "ABI");
_Static_assert(offsetof(senbid_solve_options, flags) == 12, "ABI");
_Static_assert(offsetof(senbid_solve_options, progress) == 16, "ABI");
_Static_assert(offsetof(senbid_solve_options, progress_payload) ==
                   16 + sizeof(void *),
               "ABI");
_Static_assert(offsetof(senbid_progress, phase) == 8, "ABI");
_Static_assert(offsetof(senbid_progress, done) == 8 + sizeof(void *), "ABI");
_Static_assert(sizeof(senbid_allocator) == 4 * sizeof(void *), "ABI");

/* ------------------------------------------------------ for lib/session */

void sb_out_init(sb_out *o, const sb_alloc *a) { out_init(o, a); }
void sb_out_free(sb_out *o) { out_free(o); }
bool sb_out_oom(const sb_out *o) { return out_oom(o); }
void sb_result_head(sb_buf *doc, const senbid_problem *p, const char *method,
                    const char *status) {
  write_solve_head(doc, p, method, status);
}
void sb_write_log(sb_jw *w, const char *key, const sb_log *l) {
  write_log(w, key, l);
}
int sb_result_new(senbid_result **out, const sb_alloc *a, sb_buf *text,
                  int outcome, sb_err *err) {
  return result_new(out, a, text, outcome, err);
}
