/* libFuzzer: bidding sessions (SPEC 10, lib/session). The input is records
 * separated by NUL bytes:
 *
 *   record 0   empty or one byte: a seed problem (FZ_SEEDS, chosen by that
 *              byte); "@" then text: a stored state, reopened with
 *              senbid_session_open(); anything else: a problem document,
 *              started with senbid_session_start()
 *   record 1+  actions, at most FZ_MAX_ACTS: "P" proxy for the employee on
 *              turn, "U" undo, "R" reopen the session from its state text
 *              and go on with the reopened handle, "~{...}" an action whose
 *              "employee" (when absent) is the one on turn, any other text
 *              the action exactly as given
 *
 * Asserted besides "no crash": the contract of every call (contract.h); a
 * refused action leaves the state text, the status and finished unchanged;
 * an accepted one is recorded (the state text changes); the state text the
 * library writes reopens to the same state text, status, result and
 * finished; status and finished agree; every allocation through the
 * caller's allocator is released. A problem from the input with no action
 * records (and each seed problem, once) is answered by proxy to the end and
 * must give the round_robin result in every member but audit (SPEC 10,
 * "The contract"). */
#include <ctype.h>

#include "contract.h"

#ifndef FZ_ROOT
#define FZ_ROOT "."
#endif
#define FZ_MAX_ACTS 48
#define FZ_MAX_TURNS 400

/* ---- seed problems, read once from the source tree */
static const char *const seed_files[] = {
    "examples/data/shiftbid_demo.json",
    "tests/data/lex_leave.json",
    "tests/data/leave_conflict_factors_ice.problem.json",
    "examples/data/leave_demo.json", /* proxy contract only: large */
};
#define FZ_FILES (sizeof seed_files / sizeof seed_files[0])
#define FZ_SEEDS (FZ_FILES - 1) /* the ones an input can choose */
static char *seed_text[FZ_FILES];
static size_t seed_len[FZ_FILES];

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc, (void)argv;
  for (size_t i = 0; i < FZ_FILES; i++) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", FZ_ROOT, seed_files[i]);
    FILE *f = fopen(path, "rb");
    FZ_ASSERT(f, "a seed problem of the source tree (FZ_ROOT) is readable");
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    seed_text[i] = malloc((size_t)n + 1);
    FZ_ASSERT(seed_text[i] && fread(seed_text[i], 1, (size_t)n, f) == (size_t)n,
              "a seed problem is read");
    seed_text[i][n] = 0;
    seed_len[i] = (size_t)n;
    fclose(f);
  }
  return 0;
}

/* ---- the caller's allocator, counting what is live */
static long live;
static void *c_malloc(size_t n, void *p) {
  (void)p;
  void *r = malloc(n);
  if (r) live++;
  return r;
}
static void *c_realloc(void *q, size_t n, void *p) {
  (void)p;
  void *r = realloc(q, n);
  if (r && !q) live++;
  return r;
}
static void c_free(void *q, void *p) {
  (void)p;
  if (q) live--;
  free(q);
}
static const senbid_allocator counting = {c_malloc, c_realloc, c_free, NULL};

/* ---- one call's text, the contract asserted */
typedef struct text {
  char *s;
  size_t n;
} text;

static void text_free(text *t) {
  free(t->s);
  t->s = NULL;
  t->n = 0;
}

static int text_eq(const text *a, const text *b) {
  return a->n == b->n && memcmp(a->s, b->s, a->n) == 0;
}

/* ---- a strict RFC 8259 check that builds no tree: under ASan, cJSON's
 * allocations cost more than the session calls that wrote the text. A
 * state text is the whole problem and every action, checked once per
 * action taken. */
typedef struct jv {
  const unsigned char *p, *end;
  int depth;
} jv;

static void jv_ws(jv *v) {
  while (v->p < v->end && (*v->p == ' ' || *v->p == '\t' || *v->p == '\n' || *v->p == '\r'))
    v->p++;
}

static int jv_digits(jv *v) {
  const unsigned char *p0 = v->p;
  while (v->p < v->end && *v->p >= '0' && *v->p <= '9') v->p++;
  return v->p > p0;
}

static int jv_lit(jv *v, const char *w) {
  size_t n = strlen(w);
  if ((size_t)(v->end - v->p) < n || memcmp(v->p, w, n) != 0) return 0;
  v->p += n;
  return 1;
}

static int jv_string(jv *v) {
  if (v->p >= v->end || *v->p != '"') return 0;
  v->p++;
  while (v->p < v->end) {
    unsigned c = *v->p++;
    if (c == '"') return 1;
    if (c < 0x20) return 0;
    if (c != '\\') continue;
    if (v->p >= v->end) return 0;
    c = *v->p++;
    if (c == 'u') {
      for (int i = 0; i < 4; i++, v->p++)
        if (v->p >= v->end || !isxdigit(*v->p)) return 0;
    } else if (c == 0 || !strchr("\"\\/bfnrt", (int)c)) {
      return 0;
    }
  }
  return 0;
}

static int jv_number(jv *v) {
  if (v->p < v->end && *v->p == '-') v->p++;
  if (v->p < v->end && *v->p == '0') v->p++;
  else if (v->p >= v->end || *v->p < '1' || *v->p > '9' || !jv_digits(v)) return 0;
  if (v->p < v->end && *v->p == '.' && (v->p++, !jv_digits(v))) return 0;
  if (v->p < v->end && (*v->p == 'e' || *v->p == 'E')) {
    v->p++;
    if (v->p < v->end && (*v->p == '+' || *v->p == '-')) v->p++;
    if (!jv_digits(v)) return 0;
  }
  return 1;
}

static int jv_value(jv *v) {
  jv_ws(v);
  if (v->p >= v->end) return 0;
  switch (*v->p) {
  case '{':
  case '[': {
    unsigned char close = *v->p == '{' ? '}' : ']';
    if (++v->depth > 10000) return 0;
    v->p++;
    jv_ws(v);
    if (v->p < v->end && *v->p == close) return v->p++, v->depth--, 1;
    for (;;) {
      if (close == '}') {
        jv_ws(v);
        if (!jv_string(v)) return 0;
        jv_ws(v);
        if (v->p >= v->end || *v->p++ != ':') return 0;
      }
      if (!jv_value(v)) return 0;
      jv_ws(v);
      if (v->p >= v->end) return 0;
      if (*v->p == ',') {
        v->p++;
        continue;
      }
      if (*v->p++ != close) return 0;
      v->depth--;
      return 1;
    }
  }
  case '"': return jv_string(v);
  case 't': return jv_lit(v, "true");
  case 'f': return jv_lit(v, "false");
  case 'n': return jv_lit(v, "null");
  default: return jv_number(v);
  }
}

static int valid_json(const char *s, size_t n) {
  jv v = {(const unsigned char *)s, (const unsigned char *)s + n, 0};
  if (!jv_value(&v)) return 0;
  jv_ws(&v);
  return v.p == v.end;
}

/* The last texts found to be JSON: most state texts are asked for again
 * unchanged (before and after each action, on reopening), and the same
 * bytes need not be parsed twice. Parsing them was half the harness's time. */
#define FZ_SEEN 4
static text seen[FZ_SEEN];
static unsigned seen_next;

static int seen_before(const char *s, size_t n) {
  for (unsigned i = 0; i < FZ_SEEN; i++)
    if (seen[i].s && seen[i].n == n && memcmp(seen[i].s, s, n) == 0) return 1;
  return 0;
}

static void remember(const char *s, size_t n) {
  text *t = &seen[seen_next++ % FZ_SEEN];
  free(t->s);
  t->s = malloc(n + 1);
  FZ_ASSERT(t->s, "memory");
  memcpy(t->s, s, n + 1);
  t->n = n;
}

/* Takes a successful result: checks it is JSON, copies its text, frees it. */
static text take(int rc, senbid_result *res, senbid_error *err) {
  FZ_ASSERT(rc == SENBID_OK, "status, state and result of an open session succeed");
  FZ_ASSERT(res && !err, "a result and no error on success");
  text t;
  const char *s = senbid_result_json(res, &t.n);
  FZ_ASSERT(s && strlen(s) == t.n, "the result text is NUL-terminated, no NUL inside");
  if (!seen_before(s, t.n)) {
#ifdef FZ_JV_SELFTEST
    cJSON *j = cJSON_ParseWithLength(s, t.n);
    FZ_ASSERT(!j == !valid_json(s, t.n), "the strict check agrees with cJSON");
    cJSON_Delete(j);
#endif
    FZ_ASSERT(valid_json(s, t.n), "a state, status or result parses as JSON");
    remember(s, t.n);
  }
  t.s = malloc(t.n + 1);
  FZ_ASSERT(t.s, "memory");
  memcpy(t.s, s, t.n + 1);
  senbid_result_free(res);
  return t;
}

static text state_of(const senbid_session *s) {
  senbid_result *r = NULL;
  senbid_error *e = NULL;
  int rc = senbid_session_state(&r, s, &e);
  return take(rc, r, e);
}

static text status_of(const senbid_session *s) {
  senbid_result *r = NULL;
  senbid_error *e = NULL;
  int rc = senbid_session_status(&r, s, &e);
  return take(rc, r, e);
}

static text result_of(const senbid_session *s) {
  senbid_result *r = NULL;
  senbid_error *e = NULL;
  int rc = senbid_session_result(&r, s, &e);
  return take(rc, r, e);
}

/* The employee on turn (status "turn.employee"), or NULL when finished;
 * status "finished" agrees with senbid_session_finished(). */
static char *on_turn(const senbid_session *s, const text *status) {
  cJSON *j = cJSON_ParseWithLength(status->s, status->n);
  FZ_ASSERT(cJSON_IsObject(j), "a status is an object");
  const cJSON *fin = cJSON_GetObjectItemCaseSensitive(j, "finished");
  FZ_ASSERT(cJSON_IsBool(fin), "a status says whether the session is finished");
  FZ_ASSERT(!!cJSON_IsTrue(fin) == !!senbid_session_finished(s),
            "status.finished is senbid_session_finished()");
  const cJSON *turn = cJSON_GetObjectItemCaseSensitive(j, "turn");
  char *who = NULL;
  if (cJSON_IsTrue(fin)) {
    FZ_ASSERT(cJSON_IsNull(turn), "a finished session has no turn");
  } else {
    const char *e = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(turn, "employee"));
    FZ_ASSERT(e, "an open session has an employee on turn");
    who = strdup(e);
  }
  cJSON_Delete(j);
  return who;
}

static senbid_session *open_state(const char *t, size_t n, senbid_error **err, int *rc) {
  senbid_session_options o = SENBID_SESSION_OPTIONS_INIT;
  o.allocator = &counting;
  senbid_session *s = NULL;
  *rc = senbid_session_open(&s, t, n, &o, err);
  return s;
}

/* The state text the library wrote reopens to the same session. */
static void reopens(const senbid_session *s, const text *state, const text *status) {
  senbid_error *err = NULL;
  int rc;
  senbid_session *r = open_state(state->s, state->n, &err, &rc);
  if (rc != SENBID_OK) {
    fprintf(stderr, "reopen: %s at %s: %s\n", senbid_code_name(rc),
            err ? senbid_error_path(err) : "", err ? senbid_error_message(err) : "");
    FZ_ASSERT(0, "a state the library wrote reopens");
  }
  text st = state_of(r), ss = status_of(r), r1 = result_of(s), r2 = result_of(r);
  FZ_ASSERT(text_eq(&st, state), "a reopened state writes back the same text");
  FZ_ASSERT(text_eq(&ss, status), "a reopened state has the same status");
  FZ_ASSERT(text_eq(&r1, &r2), "a reopened state has the same result");
  FZ_ASSERT(!!senbid_session_finished(r) == !!senbid_session_finished(s),
            "a reopened state is finished alike");
  text_free(&st), text_free(&ss), text_free(&r1), text_free(&r2);
  senbid_session_free(r);
}

/* "~{...}": the action with the employee on turn filled in. */
static char *with_employee(const char *src, size_t n, const char *who) {
  cJSON *j = cJSON_ParseWithLength(src, n);
  if (!cJSON_IsObject(j) || !who ||
      cJSON_GetObjectItemCaseSensitive(j, "employee")) {
    cJSON_Delete(j);
    return NULL;
  }
  cJSON_AddStringToObject(j, "employee", who);
  char *t = cJSON_PrintUnformatted(j);
  cJSON_Delete(j);
  return t;
}

/* One action, its contract asserted. Returns 1 when it was taken. The
 * handle's status and result are compared with a reopened state's at the
 * end of the input (and at each "R"): derived from the same state text, they
 * must agree, so a refused action that left the state text as it was but
 * changed anything else shows up there. */
static int act(senbid_session *s, const char *a, size_t n) {
  text st0 = state_of(s);
  int fin0 = senbid_session_finished(s);
  senbid_result *dec = NULL;
  senbid_error *err = NULL;
  int rc = senbid_session_act(&dec, s, a, n, &err);
  text st1 = state_of(s);
  if (rc != SENBID_OK) {
    FZ_ASSERT(!dec, "no decision when an action is refused");
    fz_check_error(rc, err);
    FZ_ASSERT(senbid_error_path(err)[0] == '$', "an action's error has a path in the action");
    FZ_ASSERT(rc != SENBID_E_ARGUMENT && rc != SENBID_E_SOLVER,
              "an action is refused as an input error");
    FZ_ASSERT(text_eq(&st0, &st1), "a refused action leaves the state text unchanged");
    FZ_ASSERT(fin0 == senbid_session_finished(s), "a refused action leaves finished unchanged");
    senbid_error_free(err);
  } else {
    FZ_ASSERT(dec && !err, "a decision and no error when an action is taken");
    fz_check_json(dec);
    senbid_result_free(dec);
    FZ_ASSERT(!fin0, "nothing is taken on a finished session");
    FZ_ASSERT(!text_eq(&st0, &st1), "an action taken is recorded in the state");
  }
  text_free(&st0), text_free(&st1);
  return rc == SENBID_OK;
}

/* The state text s writes reopens to the same session (reopens()). */
static void check_reopen(const senbid_session *s) {
  text st = state_of(s), ss = status_of(s);
  reopens(s, &st, &ss);
  text_free(&st), text_free(&ss);
}

/* The result without its audit, as one comparable text. */
static char *without_audit(const char *t, size_t n) {
  cJSON *j = cJSON_ParseWithLength(t, n);
  FZ_ASSERT(cJSON_IsObject(j), "a result is an object");
  cJSON_DeleteItemFromObjectCaseSensitive(j, "audit");
  char *s = cJSON_PrintUnformatted(j);
  cJSON_Delete(j);
  return s;
}

/* Every turn answered by proxy gives round_robin's result but for audit
 * (a full run: the actions are checked for the contract, not compared). */
static void proxy_contract(senbid_session *s, const char *prob, size_t plen) {
  char *who;
  int turns = 0;
  for (;;) {
    text ss = status_of(s);
    who = on_turn(s, &ss);
    text_free(&ss);
    if (!who || turns++ == FZ_MAX_TURNS) break;
    char *a = with_employee("{\"act\":\"proxy\"}", 15, who);
    senbid_result *dec = NULL;
    senbid_error *err = NULL;
    int rc = senbid_session_act(&dec, s, a, strlen(a), &err);
    if (rc != SENBID_OK) fz_check_error(rc, err);
    FZ_ASSERT(rc == SENBID_OK, "proxy by the employee on turn is taken");
    fz_check_json(dec);
    senbid_result_free(dec);
    free(a);
    free(who);
  }
  check_reopen(s);
  if (who) { /* too many turns for one input */
    free(who);
    return;
  }
  senbid_problem *p = NULL;
  senbid_error *err = NULL;
  int rc = senbid_problem_parse(&p, prob, plen, NULL, &err);
  FZ_ASSERT(rc == SENBID_OK, "a problem a session started on parses");
  senbid_solve_options o = SENBID_SOLVE_OPTIONS_INIT;
  o.method = SENBID_METHOD_ROUND_ROBIN;
  senbid_result *res = NULL;
  rc = senbid_solve(&res, p, &o, &err);
  senbid_problem_free(p);
  if (rc != SENBID_OK) {
    fz_check_error(rc, err);
    senbid_error_free(err);
    FZ_ASSERT(0, "a problem a session finished on solves with round_robin");
  }
  size_t n;
  const char *t = senbid_result_json(res, &n);
  char *want = without_audit(t, n);
  senbid_result_free(res);
  text got = result_of(s);
  char *have = without_audit(got.s, got.n);
  if (strcmp(want, have) != 0) {
    fprintf(stderr, "round_robin: %s\nsession:     %s\n", want, have);
    FZ_ASSERT(0, "a session answered by proxy gives the round_robin result but for audit");
  }
  free(want), free(have), text_free(&got);
}

static senbid_session *start(const char *prob, size_t plen, senbid_error **err, int *rc) {
  senbid_session_options o = SENBID_SESSION_OPTIONS_INIT;
  o.allocator = &counting;
  senbid_session *s = NULL;
  *rc = senbid_session_start(&s, prob, plen, &o, err);
  return s;
}

/* The seed problems answered by proxy to the end, once: they never change. */
static void seeds_by_proxy(void) {
  static int done;
  if (done++) return;
  for (size_t i = 0; i < FZ_FILES; i++) {
    senbid_error *err = NULL;
    int rc;
    senbid_session *s = start(seed_text[i], seed_len[i], &err, &rc);
    FZ_ASSERT(rc == SENBID_OK, "a session starts on each seed problem");
    proxy_contract(s, seed_text[i], seed_len[i]);
    senbid_session_free(s);
  }
  FZ_ASSERT(live == 0, "every allocation through the caller's allocator is released");
}

static const uint8_t *next_record(const uint8_t *p, const uint8_t *end, size_t *n) {
  const uint8_t *z = memchr(p, 0, (size_t)(end - p));
  *n = (size_t)((z ? z : end) - p);
  return z ? z + 1 : end;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const uint8_t *end = data + size, *p;
  size_t n0;
  p = next_record(data, end, &n0);
  const char *prob = (const char *)data;
  size_t plen = n0;
  int from_state = n0 > 1 && data[0] == '@';
  int seeded = n0 <= 1;
  if (seeded) {
    size_t k = n0 ? data[0] % FZ_SEEDS : 0;
    prob = seed_text[k], plen = seed_len[k];
  }
  seeds_by_proxy();
  senbid_session *s = NULL;
  senbid_error *err = NULL;
  int rc;
  if (from_state) {
    s = open_state(prob + 1, plen - 1, &err, &rc);
  } else {
    s = start(prob, plen, &err, &rc);
  }
  if (rc != SENBID_OK) {
    FZ_ASSERT(!s, "no session on failure");
    fz_check_error(rc, err);
    senbid_error_free(err);
    FZ_ASSERT(live == 0, "a failed start or open releases what it took");
    return 0;
  }
  FZ_ASSERT(s && !err, "a session and no error on success");
  if (p == end && !from_state && !seeded) {
    proxy_contract(s, prob, plen);
  } else {
    for (int k = 0; p < end && k < FZ_MAX_ACTS; k++) {
      size_t n;
      const char *a = (const char *)p;
      p = next_record(p, end, &n);
      char *who = NULL;
      if ((n == 1 && a[0] == 'P') || (n > 0 && a[0] == '~')) {
        text ss = status_of(s);
        who = on_turn(s, &ss);
        text_free(&ss);
      }
      if (n == 1 && a[0] == 'P' && who) {
        char *t = with_employee("{\"act\":\"proxy\"}", 15, who);
        act(s, t, strlen(t));
        free(t);
      } else if (n == 1 && a[0] == 'U') {
        act(s, "{\"act\":\"undo\"}", 14);
      } else if (n == 1 && a[0] == 'R') {
        check_reopen(s);
        text st = state_of(s);
        senbid_session *r = open_state(st.s, st.n, &err, &rc);
        FZ_ASSERT(rc == SENBID_OK, "a state the library wrote reopens");
        text_free(&st);
        senbid_session_free(s);
        s = r;
      } else if (n > 0 && a[0] == '~') {
        char *t = with_employee(a + 1, n - 1, who);
        if (t) act(s, t, strlen(t));
        else act(s, a + 1, n - 1);
        free(t);
      } else {
        act(s, a, n);
      }
      free(who);
    }
    check_reopen(s);
  }
  senbid_session_free(s);
  FZ_ASSERT(live == 0, "every allocation through the caller's allocator is released");
  return 0;
}
