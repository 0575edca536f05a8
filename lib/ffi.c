/* The one-call entry for foreign-function interfaces: a request as JSON
 * text in, the text the CLI prints out. Built only on the typed API, so a
 * binding gets the same bytes as `senbid solve|check|rank|export-lp`
 * (and, for explain, what senbid_explain() returns). */
#include <stdio.h>
#include <stdlib.h>

#include "internal.h"

/* The commands a request may name (the session commands, "session_...",
 * are read by session_call below). Options are read for every command, as
 * the CLI reads --method for every one. */
typedef enum ffi_cmd { FFI_SOLVE, FFI_CHECK, FFI_RANK, FFI_EXPORT_LP, FFI_EXPLAIN } ffi_cmd;

static const struct {
  const char *name;
  ffi_cmd cmd;
  bool needs_result; /* reads "result" (the posted document) */
} ffi_cmds[] = {
    {"solve", FFI_SOLVE, false},
    {"check", FFI_CHECK, true},
    {"rank", FFI_RANK, false},
    {"export_lp", FFI_EXPORT_LP, false},
    {"explain", FFI_EXPLAIN, true},
};

/* A value's bytes inside the request text. */
typedef struct span {
  const char *s;
  size_t n;
} span;

static size_t skip_ws(const char *t, size_t i, size_t len) {
  while (i < len && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r')) i++;
  return i;
}

/* The end of the JSON value starting at t[i]. The text was already parsed
 * strictly, so only strings and nesting need tracking. */
static size_t skip_value(const char *t, size_t i, size_t len) {
  int depth = 0;
  bool in_str = false;
  for (; i < len; i++) {
    char c = t[i];
    if (in_str) {
      if (c == '\\') i++;
      else if (c == '"') {
        in_str = false;
        if (depth == 0) return i + 1;
      }
    } else if (c == '"') {
      in_str = true;
    } else if (c == '{' || c == '[') {
      depth++;
    } else if (c == '}' || c == ']') {
      if (--depth <= 0) return depth < 0 ? i : i + 1;
    } else if (depth == 0 && (c == ',' || c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
      return i;
    }
  }
  return i;
}

/* The spans of the top-level members' values, in document order (the order
 * of the parsed tree's children). */
static void member_spans(const char *t, size_t len, span *out, int n) {
  size_t i = skip_ws(t, 0, len);
  if (i < len && t[i] == '{') i++;
  for (int k = 0; k < n; k++) {
    i = skip_ws(t, i, len);
    if (i < len && t[i] == ',') i = skip_ws(t, i + 1, len);
    i = skip_value(t, i, len); /* the key */
    i = skip_ws(t, i, len);
    if (i < len && t[i] == ':') i = skip_ws(t, i + 1, len);
    size_t end = skip_value(t, i, len);
    out[k].s = t + i;
    out[k].n = end - i;
    i = end;
  }
}

/* Request-level errors carry paths rooted at "request" ("request.command"),
 * so they are never mistaken for a path inside the embedded document. */
static int fail(sb_err *e, int code, const char *path, const char *msg) {
  return sb_err_set(e, code, path, "%s", msg);
}

/* A document member: an object (its own bytes) or a string holding the
 * document text. */
static int doc_text(sb_err *e, const cJSON *v, span sp, const char *path,
                    span *out) {
  if (!v || cJSON_IsNull(v)) return fail(e, SENBID_E_MISSING, path, "required member is missing");
  if (cJSON_IsString(v)) {
    out->s = v->valuestring;
    out->n = strlen(v->valuestring);
  } else if (cJSON_IsObject(v)) {
    *out = sp;
  } else {
    return fail(e, SENBID_E_TYPE, path, "expected an object or a string holding the document");
  }
  return SENBID_OK;
}

static int read_options(sb_err *e, const cJSON *o, senbid_solve_options *opts) {
  if (!o || cJSON_IsNull(o)) return SENBID_OK;
  if (!cJSON_IsObject(o)) return fail(e, SENBID_E_TYPE, "request.options", "expected an object");
  for (const cJSON *m = o->child; m; m = m->next) {
    if (strcmp(m->string, "method") == 0) {
      if (cJSON_IsNull(m)) continue;
      const char *s = cJSON_GetStringValue(m);
      if (!s) return fail(e, SENBID_E_TYPE, "request.options.method", "expected a string");
      if (strcmp(s, "round_robin") == 0) opts->method = SENBID_METHOD_ROUND_ROBIN;
      else if (strcmp(s, "lexicographic") == 0) opts->method = SENBID_METHOD_LEXICOGRAPHIC;
      else
        return sb_err_set(e, SENBID_E_VALUE, "request.options.method",
                          "%s: use round_robin or lexicographic", SB_Q(s));
    } else if (strcmp(m->string, "time_limit") == 0) {
      if (cJSON_IsNull(m)) continue;
      if (!cJSON_IsNumber(m)) return fail(e, SENBID_E_TYPE, "request.options.time_limit", "expected seconds");
      /* The CLI's bounds for --time-limit. */
      double t = m->valuedouble;
      if (!(t >= 0 && t <= 4e6))
        return fail(e, SENBID_E_VALUE, "request.options.time_limit", "expected seconds from 0 to 4000000");
      opts->time_limit_ms = (uint32_t)(t * 1000.0);
    } else {
      char path[128];
      snprintf(path, sizeof path, "request.options.%.80s", m->string);
      return sb_err_set(e, SENBID_E_UNKNOWN_MEMBER, path, "%s is not an option",
                        SB_Q(m->string));
    }
  }
  return SENBID_OK;
}

/* Runs one parsed request; the typed API's error object, if any, goes to
 * *err unchanged (its path is relative to the embedded document). */
/* ---------------------------------------------------- session commands */

/* SPEC 10 through the one-call entry: a session's state travels in the
 * request and the answer, as the CLI keeps it in STATE.json.
 *   session_start  {"problem"}            -> the state
 *   session_status {"state"}              -> the status
 *   session_act    {"state", "action"}    -> {"decision", "state"}
 *   session_result {"state"}              -> the result document */
static int session_call(senbid_result **res, const char *name,
                        const cJSON *problem, span problem_sp,
                        const cJSON *state, span state_sp, const cJSON *action,
                        span action_sp, sb_err *e, senbid_error **err) {
  bool start = strcmp(name, "session_start") == 0;
  bool act = strcmp(name, "session_act") == 0;
  if (!start && !act && strcmp(name, "session_status") != 0 &&
      strcmp(name, "session_result") != 0)
    return sb_err_set(e, SENBID_E_VALUE, "request.command",
                      "%s: use session_start, session_status, session_act or "
                      "session_result", SB_Q(name));
  if (start ? state != NULL : problem != NULL)
    return fail(e, SENBID_E_UNKNOWN_MEMBER, start ? "request.state" : "request.problem",
                start ? "session_start reads a problem, not a state"
                      : "a session command reads the state, not a problem");
  if (!act && action)
    return fail(e, SENBID_E_UNKNOWN_MEMBER, "request.action", "only session_act reads an action");
  span text, atext = {0};
  SB_TRY(doc_text(e, start ? problem : state, start ? problem_sp : state_sp,
                  start ? "request.problem" : "request.state", &text));
  if (act) SB_TRY(doc_text(e, action, action_sp, "request.action", &atext));
  senbid_session *s = NULL;
  int rc = start ? senbid_session_start(&s, text.s, text.n, NULL, err)
                 : senbid_session_open(&s, text.s, text.n, NULL, err);
  if (rc < 0) return rc;
  if (start) {
    rc = senbid_session_state(res, s, err);
  } else if (!act) {
    rc = name[8] == 's' ? senbid_session_status(res, s, err)
                        : senbid_session_result(res, s, err);
  } else {
    senbid_result *dec = NULL, *st = NULL;
    rc = senbid_session_act(&dec, s, atext.s, atext.n, err);
    if (rc == SENBID_OK) rc = senbid_session_state(&st, s, err);
    if (rc == SENBID_OK) {
      /* Both documents, as they are, under one object. */
      size_t dn, sn;
      const char *d = senbid_result_json(dec, &dn), *t = senbid_result_json(st, &sn);
      sb_buf b;
      sb_buf_init(&b, &sb_default_alloc);
      sb_buf_puts(&b, "{\"decision\": ");
      sb_buf_put(&b, d, dn ? dn - 1 : 0); /* without its newline */
      sb_buf_puts(&b, ",\n\"state\": ");
      sb_buf_put(&b, t, sn ? sn - 1 : 0);
      sb_buf_puts(&b, "}\n");
      rc = sb_result_new(res, &sb_default_alloc, &b, SENBID_OUTCOME_OK, e);
      sb_buf_free(&b);
    }
    senbid_result_free(dec);
    senbid_result_free(st);
  }
  senbid_session_free(s);
  return rc;
}

static int run(senbid_result **res, const char *text, size_t len,
               senbid_progress_fn progress, void *payload, sb_err *e,
               senbid_error **err) {
  sb_arena tree;
  sb_arena_init(&tree, &sb_default_alloc);
  size_t off = 0;
  const char *why = NULL;
  const cJSON *root = sb_json_parse(&tree, text, len, &off, &why);
  int rc = SENBID_OK;
  if (!root) {
    /* A byte offset: requests are made by programs, often on one line. */
    if (why && strcmp(why, "out of memory") == 0)
      rc = sb_err_nomem(e);
    else
      rc = sb_err_set(e, SENBID_E_JSON, "request", "malformed request at byte %zu: %s", off,
                      why ? why : "syntax error");
    goto done;
  }
  if (!cJSON_IsObject(root)) {
    rc = fail(e, SENBID_E_TYPE, "request", "expected an object");
    goto done;
  }
  int n = sb_json_count(root);
  span *spans = sb_arena_array(&tree, (size_t)n + 1, sizeof *spans);
  if (!spans) {
    rc = sb_err_nomem(e);
    goto done;
  }
  member_spans(text, len, spans, n);
  const cJSON *command = NULL, *problem = NULL, *posted = NULL, *options = NULL;
  const cJSON *state = NULL, *action = NULL; /* session commands */
  span problem_sp = {0}, posted_sp = {0}, state_sp = {0}, action_sp = {0};
  int k = 0;
  for (const cJSON *m = root->child; m; m = m->next, k++) {
    const cJSON **slot = NULL;
    if (strcmp(m->string, "command") == 0) slot = &command;
    else if (strcmp(m->string, "problem") == 0) slot = &problem, problem_sp = spans[k];
    else if (strcmp(m->string, "result") == 0) slot = &posted, posted_sp = spans[k];
    else if (strcmp(m->string, "options") == 0) slot = &options;
    else if (strcmp(m->string, "state") == 0) slot = &state, state_sp = spans[k];
    else if (strcmp(m->string, "action") == 0) slot = &action, action_sp = spans[k];
    char path[128];
    snprintf(path, sizeof path, "request.%.80s", m->string);
    if (!slot) {
      rc = sb_err_set(e, SENBID_E_UNKNOWN_MEMBER, path, "%s is not a member of a request",
                      SB_Q(m->string));
      goto done;
    }
    if (*slot) {
      rc = fail(e, SENBID_E_DUPLICATE, path, "member given twice");
      goto done;
    }
    *slot = m;
  }
  if (!command || cJSON_IsNull(command)) {
    rc = fail(e, SENBID_E_MISSING, "request.command", "required member is missing");
    goto done;
  }
  const char *name = cJSON_GetStringValue(command);
  if (!name) {
    rc = fail(e, SENBID_E_TYPE, "request.command", "expected a string");
    goto done;
  }
  if (strncmp(name, "session_", 8) == 0) {
    rc = session_call(res, name, problem, problem_sp, state, state_sp, action,
                      action_sp, e, err);
    goto done;
  }
  if (state || action) {
    rc = fail(e, SENBID_E_UNKNOWN_MEMBER, state ? "request.state" : "request.action",
              "only the session commands read a state or an action");
    goto done;
  }
  size_t ci = 0, ncmds = sizeof ffi_cmds / sizeof ffi_cmds[0];
  while (ci < ncmds && strcmp(ffi_cmds[ci].name, name) != 0) ci++;
  if (ci == ncmds) {
    rc = sb_err_set(e, SENBID_E_VALUE, "request.command",
                    "%s: use solve, check, rank, export_lp, explain or session_start, "
                    "session_status, session_act, session_result", SB_Q(name));
    goto done;
  }
  span ptext, rtext = {0};
  if ((rc = doc_text(e, problem, problem_sp, "request.problem", &ptext)) < 0) goto done;
  if (ffi_cmds[ci].needs_result &&
      (rc = doc_text(e, posted, posted_sp, "request.result", &rtext)) < 0)
    goto done;
  if (!ffi_cmds[ci].needs_result && posted) {
    rc = fail(e, SENBID_E_UNKNOWN_MEMBER, "request.result", "only check and explain read a posted result");
    goto done;
  }
  senbid_solve_options opts = SENBID_SOLVE_OPTIONS_INIT;
  if ((rc = read_options(e, options, &opts)) < 0) goto done;
  opts.progress = progress;
  opts.progress_payload = payload;

  senbid_problem *p = NULL;
  /* The request's tree can be as large as the problem's: release it as soon
   * as no document text lives in it (a document given as an object is read
   * from the request's own bytes). */
  bool problem_in_tree = cJSON_IsString(problem);
  bool posted_in_tree = ffi_cmds[ci].needs_result && cJSON_IsString(posted);
  if (!problem_in_tree && !posted_in_tree) sb_arena_free(&tree);
  rc = senbid_problem_parse(&p, ptext.s, ptext.n, NULL, err);
  if (rc < 0) goto done;
  if (!posted_in_tree) sb_arena_free(&tree);
  switch (ffi_cmds[ci].cmd) {
    case FFI_SOLVE: rc = senbid_solve(res, p, &opts, err); break;
    case FFI_CHECK: rc = senbid_check(res, p, rtext.s, rtext.n, err); break;
    case FFI_RANK: rc = senbid_rank(res, p, err); break;
    case FFI_EXPORT_LP: rc = senbid_export_lp(res, p, &opts, err); break;
    case FFI_EXPLAIN: rc = senbid_explain(res, p, rtext.s, rtext.n, err); break;
  }
  senbid_problem_free(p);
done:
  sb_arena_free(&tree);
  return rc;
}

SENBID_API int senbid_call_with_progress(char **out, size_t *out_len,
                                         int *outcome, const char *request,
                                         size_t request_len,
                                         senbid_progress_fn progress,
                                         void *payload, senbid_error **err) {
  if (out) *out = NULL;
  if (out_len) *out_len = 0;
  if (outcome) *outcome = SENBID_OUTCOME_OK;
  sb_err e = {0};
  if (!out || (!request && request_len)) {
    sb_err_set(&e, SENBID_E_ARGUMENT, NULL, "out and request must not be NULL");
    return sb_error_out(err, &sb_default_alloc, &e);
  }
  senbid_result *res = NULL;
  int rc = run(&res, request ? request : "", request_len, progress, payload, &e, err);
  if (rc < 0) {
    /* Errors of the typed API were already written to *err. */
    if (e.code < 0) sb_error_out(err, &sb_default_alloc, &e);
    return rc;
  }
  size_t len = 0;
  const char *text = senbid_result_json(res, &len);
  char *copy = malloc(len + 1);
  if (!copy) {
    senbid_result_free(res);
    sb_err_nomem(&e);
    return sb_error_out(err, &sb_default_alloc, &e);
  }
  memcpy(copy, text, len + 1);
  *out = copy;
  if (out_len) *out_len = len;
  if (outcome) *outcome = senbid_result_outcome(res);
  senbid_result_free(res);
  return SENBID_OK;
}

SENBID_API int senbid_call(char **out, size_t *out_len, int *outcome,
                           const char *request, size_t request_len,
                           senbid_error **err) {
  return senbid_call_with_progress(out, out_len, outcome, request, request_len,
                                   NULL, NULL, err);
}

SENBID_API void senbid_free(void *p) { free(p); }
