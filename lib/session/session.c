/* Bidding sessions (SPEC section 10): the common part. A session is its
 * problem plus the list of actions; the live decision sequence is derived
 * by playing the actions on the problem, one call at a time as they come,
 * or all over again after an undo (a stack: the actions not taken back,
 * played in order, give the state, since an undo only ever takes back the
 * latest). */
#include <stdio.h>
#include <string.h>

#include "session.h"

const char *const ss_act_name[] = {"bid", "pass", "proxy", "undo"};

static const ss_kind *kind_of(sb_kind k) {
  return k == SB_KIND_SHIFT_BID ? &ss_shiftbid
         : k == SB_KIND_LEAVE   ? &ss_leave
                                : NULL;
}

SENBID_API int senbid_session_options_init(senbid_session_options *opts,
                                           uint32_t version) {
  if (!opts) return SENBID_E_ARGUMENT;
  if (version != SENBID_SESSION_OPTIONS_VERSION) return SENBID_E_VERSION;
  senbid_session_options d = SENBID_SESSION_OPTIONS_INIT;
  *opts = d;
  return SENBID_OK;
}

/* --------------------------------------------------------------- helpers */

void ss_audit_action(senbid_session *s, const char *emp, int act,
                     const char *rule, uint32_t seq, uint32_t undoes) {
  if (!s->audit) return;
  if (act == SS_UNDO)
    sb_audit(&s->o, emp, "undo", rule, "action %u takes back action %u",
             (unsigned)seq, (unsigned)undoes);
  else if (undoes)
    sb_audit(&s->o, emp, ss_act_name[act], rule,
             "action %u (taken back by action %u)", (unsigned)seq,
             (unsigned)undoes);
  else {
    /* The common case, once per turn: no printf. */
    char d[32] = "action ";
    size_t n = 7, k = 0;
    char rev[12];
    do rev[k++] = (char)('0' + seq % 10); while ((seq /= 10) && k < sizeof rev);
    while (k) d[n++] = rev[--k];
    sb_audit_str(&s->o, emp, ss_act_name[act], rule, d, n);
  }
}

void ss_write_turn(const senbid_session *s, sb_jw *w, const ss_turn *t) {
  sb_jw_obj(w);
  SB_JW_KEY(w, "employee");
  sb_jw_str(w, s->p->emps[t->emp].id);
  SB_JW_KEY(w, "round");
  sb_jw_uint(w, t->round);
  SB_JW_KEY(w, "position");
  sb_jw_uint(w, t->position);
  sb_jw_obj_end(w);
}

static uint32_t nacts(const senbid_session *s) {
  return (uint32_t)s->type.len;
}

/* The live sequence from the start, before any action. */
static void live_free(senbid_session *s) {
  if (s->ks) s->k->end(s);
  s->ks = NULL;
  sb_out_free(&s->o);
  sb_arena_free(&s->ctx.scratch);
}

static int live_begin(senbid_session *s) {
  memset(&s->ctx, 0, sizeof s->ctx);
  s->ctx.p = s->p;
  s->ctx.err = &s->e;
  s->ctx.method = SENBID_METHOD_ROUND_ROBIN;
  s->ctx.t0 = sb_now();
  sb_arena_init(&s->ctx.scratch, &s->alloc);
  sb_out_init(&s->o, &s->alloc);
  s->o.audit_off = !s->audit;
  s->finished = false;
  return s->k->begin(s);
}

static int replay(senbid_session *s);

/* Reads "act" and, but for undo, "employee", and checks the turn; a bid's
 * members go to *bid (in s->bids). */
static int read_head(senbid_session *s, sb_jr *r, const cJSON *a, int *act,
                     uint32_t *emp, void **bid) {
  SB_TRY(sb_jr_v_object(r, a));
  const char *name = NULL;
  SB_TRY(sb_jr_string(r, a, "act", true, &name));
  *act = -1;
  for (int i = 0; i < 4; i++)
    if (strcmp(name, ss_act_name[i]) == 0) *act = i;
  if (*act < 0)
    return sb_jr_fail(r, SENBID_E_VALUE, "act",
                   "%s is not an action (bid, pass, proxy or undo)", SB_Q(name));
  if (*act == SS_UNDO) {
    if (s->finished)
      return sb_jr_fail(r, SENBID_E_TURN, "act",
                        "the session is finished: nothing can be taken back");
    if (!s->stack.len)
      return sb_jr_fail(r, SENBID_E_TURN, "act", "there is nothing to take back");
    return SENBID_OK;
  }
  if (s->stale) {
    s->stale = false;
    SB_TRY(replay(s));
  }
  if (*act == SS_PASS && s->p->kind != SB_KIND_LEAVE)
    return sb_jr_fail(r, SENBID_E_VALUE, "act", "pass is an action of leave sessions");
  ss_turn t;
  bool on = s->k->turn(s, &t);
  /* The usual case, the employee on turn, without a look-up. */
  const cJSON *ev = cJSON_GetObjectItemCaseSensitive(a, "employee");
  if (on && cJSON_IsString(ev) && !(ev->type & SB_JSON_STR_NUL) &&
      strcmp(ev->valuestring, t.id) == 0) {
    *emp = t.emp;
  } else {
    SB_TRY(sb_jr_employee(r, s->p, a, "employee", true, emp, NULL));
    if (!on)
      return sb_jr_fail(r, SENBID_E_TURN, "employee",
                        "the session is finished: no turn for %s",
                        SB_Q(s->p->emps[*emp].id));
    if (t.emp != *emp) {
      char q[SB_QUOTE_CAP];
      const char *them = s->p->emps[*emp].id, *now = s->p->emps[t.emp].id;
      return sb_jr_fail(r, SENBID_E_TURN, "employee",
                        "it is not %s's turn but %s's", SB_Q(them),
                        sb_quote(q, now, strlen(now)));
    }
  }
  if (*act != SS_BID) return SENBID_OK;
  return s->k->read(s, r, a, &s->bids, bid);
}

/* Appends the canonical item of an action, one line of the state's
 * "actions" array: seq, act, employee; the caller adds the kind's members
 * (ss_key ...) and closes it with record_end. */
static int record(senbid_session *s, int act, int64_t emp, uint32_t who,
                  void *bid, sb_buf **cw) {
  uint32_t *u = sb_vec_push(&s->undone);
  uint8_t *t = sb_vec_push(&s->type);
  uint32_t *w = sb_vec_push(&s->emp);
  void **bp = sb_vec_push(&s->bid);
  if (!u || !t || !w || !bp) return sb_err_nomem(&s->e);
  sb_buf *b = &s->acts.buf;
  *u = 0;
  *t = (uint8_t)act;
  *w = who;
  *bp = bid;
  sb_buf_puts(b, s->acts.count ? ",\n    {\"seq\": " : "\n    {\"seq\": ");
  s->acts.count++;
  sb_buf_put_uint(b, nacts(s));
  sb_buf_puts(b, ", \"act\": \"");
  sb_buf_puts(b, ss_act_name[act]);
  sb_buf_putc(b, '"');
  if (emp >= 0) {
    ss_key(b, "employee");
    const char *id = s->p->emps[emp].id;
    sb_json_escape(b, id, strlen(id));
  }
  *cw = b;
  return SENBID_OK;
}

static void record_end(senbid_session *s) { sb_buf_putc(&s->acts.buf, '}'); }

/* The seq (1-based) of the action an undo at the top of the stack takes
 * back. */
static uint32_t stack_top(const senbid_session *s) {
  return SB_VEC_AT(&s->stack, uint32_t, s->stack.len - 1);
}

static int replay_one(senbid_session *s, uint32_t i);

/* Plays every recorded action again on a fresh sequence. */
static int replay(senbid_session *s) {
  live_free(s);
  SB_TRY(live_begin(s));
  for (uint32_t i = 0; i < nacts(s); i++) SB_TRY(replay_one(s, i));
  return SENBID_OK;
}

/* Action i again, from its record: an undo or an action taken back is
 * only recorded in the audit. */
static int replay_one(senbid_session *s, uint32_t i) {
  uint8_t act = SB_VEC_AT(&s->type, uint8_t, i);
  uint32_t undone = SB_VEC_AT(&s->undone, uint32_t, i);
  uint32_t e = SB_VEC_AT(&s->emp, uint32_t, i);
  s->seq = i + 1;
  if (act == SS_UNDO) {
    ss_audit_action(s, NULL, SS_UNDO, "", i + 1, e + 1);
    return SENBID_OK;
  }
  if (undone) {
    ss_audit_action(s, s->p->emps[e].id, act, "", i + 1, undone);
    return SENBID_OK;
  }
  return s->k->act(s, act, e, SB_VEC_AT(&s->bid, void *, i), NULL);
}

/* Takes one action (parsed); the path of r is where to report errors. On
 * success the decision is written to dw (may be NULL). */
static int take(senbid_session *s, sb_jr *r, const cJSON *a, sb_jw *dw) {
  int act;
  uint32_t emp = 0;
  void *bid = NULL;
  SB_TRY(read_head(s, r, a, &act, &emp, &bid));
  uint32_t seq = nacts(s) + 1;
  if (dw) {
    sb_jw_obj(dw);
    SB_JW_KEY(dw, "seq");
    sb_jw_uint(dw, seq);
    SB_JW_KEY(dw, "act");
    sb_jw_str(dw, ss_act_name[act]);
  }
  sb_buf *cw;
  if (act == SS_UNDO) {
    uint32_t target = stack_top(s);
    SB_TRY(record(s, SS_UNDO, -1, target, NULL, &cw));
    ss_key(cw, "undoes");
    sb_buf_put_uint(cw, target + 1);
    record_end(s);
    SB_VEC_AT(&s->undone, uint32_t, target) = seq;
    s->stack.len--;
    if (dw) {
      SB_TRY(replay(s));
    } else {
      /* Reopening: one replay at the end of a run of undos. The state
       * before the action taken back had a turn, so is not finished. */
      s->stale = true;
      s->finished = false;
    }
    if (dw) {
      SB_JW_KEY(dw, "undoes");
      sb_jw_uint(dw, target + 1);
    }
  } else {
    uint32_t *top = sb_vec_push(&s->stack);
    if (!top) return sb_err_nomem(&s->e);
    *top = seq - 1;
    SB_TRY(record(s, act, emp, emp, bid, &cw));
    if (bid) s->k->canon(s, bid, cw);
    record_end(s);
    if (dw) {
      SB_JW_KEY(dw, "employee");
      sb_jw_str(dw, s->p->emps[emp].id);
    }
    s->seq = seq;
    SB_TRY(s->k->act(s, act, emp, bid, dw));
  }
  if (dw) {
    SB_JW_KEY(dw, "finished");
    sb_jw_bool(dw, s->finished);
    SB_JW_KEY(dw, "next");
    ss_turn t;
    if (s->k->turn(s, &t))
      ss_write_turn(s, dw, &t);
    else
      sb_jw_null(dw);
    sb_jw_obj_end(dw);
  }
  return SENBID_OK;
}

/* -------------------------------------------------------- opening, freeing */

/* A parse that failed: out of memory, or not JSON. */
static int not_json(sb_err *e, const char *why, const char *what) {
  if (why && strcmp(why, "out of memory") == 0) return sb_err_nomem(e);
  return sb_err_set(e, SENBID_E_JSON, "$", "the %s is not JSON: %s", what,
                    why ? why : "syntax error");
}

static int session_new(senbid_session **out, const senbid_session_options *opts,
                       sb_err *e, sb_alloc *a) {
  *a = sb_default_alloc;
  if (opts) {
    if (opts->version != SENBID_SESSION_OPTIONS_VERSION)
      return sb_err_set(e, SENBID_E_VERSION, NULL,
                        "session options version %u is not supported",
                        opts->version);
    if (opts->flags != 0)
      return sb_err_set(e, SENBID_E_ARGUMENT, NULL, "flags must be 0");
    SB_TRY(sb_alloc_from_user(opts->allocator, a, e));
  }
  senbid_session *s = sb_mem_calloc(a, 1, sizeof *s);
  if (!s) return sb_err_nomem(e);
  s->alloc = *a;
  sb_buf_init(&s->acts.buf, &s->alloc);
  sb_vec_init(&s->undone, &s->alloc, sizeof(uint32_t));
  sb_vec_init(&s->type, &s->alloc, 1);
  sb_vec_init(&s->emp, &s->alloc, sizeof(uint32_t));
  sb_vec_init(&s->bid, &s->alloc, sizeof(void *));
  sb_vec_init(&s->stack, &s->alloc, sizeof(uint32_t));
  sb_arena_init(&s->bids, &s->alloc);
  sb_out_init(&s->o, &s->alloc);
  sb_arena_init(&s->ctx.scratch, &s->alloc);
  *out = s;
  return SENBID_OK;
}

SENBID_API void senbid_session_free(senbid_session *s) {
  if (!s) return;
  sb_alloc a = s->alloc;
  live_free(s);
  sb_buf_free(&s->acts.buf);
  sb_vec_free(&s->undone);
  sb_vec_free(&s->type);
  sb_vec_free(&s->emp);
  sb_vec_free(&s->bid);
  sb_vec_free(&s->stack);
  sb_arena_free(&s->bids);
  sb_mem_free(&a, s->ptext);
  senbid_problem_free(s->p);
  sb_mem_free(&a, s);
}

/* Parses the problem text into s and starts the live sequence. */
static int load_problem(senbid_session *s, const char *text, size_t len,
                        sb_err *e, const char *prefix) {
  senbid_parse_options po = SENBID_PARSE_OPTIONS_INIT;
  senbid_allocator al = {s->alloc.malloc_fn, s->alloc.realloc_fn,
                         s->alloc.free_fn, s->alloc.payload};
  po.allocator = &al;
  senbid_error *pe = NULL;
  int rc = senbid_problem_parse(&s->p, text, len, &po, &pe);
  if (rc < 0) {
    const char *path = senbid_error_path(pe);
    char full[512];
    if (prefix && path[0] == '$')
      snprintf(full, sizeof full, "%s%s", prefix, path + 1);
    else
      snprintf(full, sizeof full, "%s", path);
    sb_err_set(e, rc, full, "%s", senbid_error_message(pe));
    senbid_error_free(pe);
    return rc;
  }
  s->k = kind_of(s->p->kind);
  if (!s->k)
    return sb_err_set(e, SENBID_E_UNSUPPORTED, prefix ? "$.problem.kind" : "$.kind",
                      "sessions run leave and shift_bid problems, not %s",
                      sb_kind_name(s->p->kind));
  s->ptext = sb_mem_alloc(&s->alloc, len + 1);
  if (!s->ptext) return sb_err_nomem(e);
  memcpy(s->ptext, text, len);
  s->ptext[len] = '\0';
  s->plen = len;
  /* The stored problem text without surrounding white space. */
  while (s->plen && strchr(" \t\r\n", s->ptext[s->plen - 1])) s->plen--;
  sb_out_free(&s->o);
  sb_arena_free(&s->ctx.scratch);
  rc = live_begin(s);
  if (rc < 0) *e = s->e;
  return rc;
}

static int end_call(int rc, sb_err *e, const sb_alloc *a, senbid_error **err) {
  if (rc >= 0) return SENBID_OK;
  if (e->code == SENBID_OK) sb_err_set(e, rc, NULL, "%s", senbid_strerror(rc));
  return sb_error_out(err, a, e);
}

SENBID_API int senbid_session_start(senbid_session **out, const char *text,
                                    size_t len,
                                    const senbid_session_options *opts,
                                    senbid_error **err) {
  sb_err e = {0};
  sb_alloc a;
  if (out) *out = NULL;
  if (!out || (!text && len)) {
    sb_err_set(&e, SENBID_E_ARGUMENT, NULL, "out and problem_json must not be NULL");
    return sb_error_out(err, &sb_default_alloc, &e);
  }
  senbid_session *s = NULL;
  int rc = session_new(&s, opts, &e, &a);
  if (rc == SENBID_OK) rc = load_problem(s, text ? text : "", len, &e, NULL);
  if (rc < 0) {
    senbid_session_free(s);
    return end_call(rc, &e, &a, err);
  }
  *out = s;
  return SENBID_OK;
}

/* The end of the JSON value starting at t[i] (white space skipped first),
 * or 0 when it is not well formed enough to find: a fast scan so that a
 * state's problem text is parsed once, by the problem parser. */
static bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/* Past the closing quote of a string whose opening quote is at t[i]. */
static size_t string_end(const char *t, size_t n, size_t i) {
  size_t s0 = i + 1, j = s0;
  for (;;) {
    const char *q = memchr(t + j, '"', n - j);
    if (!q) return 0;
    size_t k = (size_t)(q - t), b = 0;
    while (k - b > s0 && t[k - b - 1] == '\\') b++;
    if (!(b & 1)) return k + 1;
    j = k + 1;
  }
}

static size_t value_end(const char *t, size_t n, size_t i) {
  while (i < n && is_ws(t[i])) i++;
  if (i >= n) return 0;
  if (t[i] == '"') return string_end(t, n, i);
  if (t[i] != '{' && t[i] != '[') {
    while (i < n && !is_ws(t[i]) && t[i] != ',' && t[i] != '}' && t[i] != ']') i++;
    return i;
  }
  size_t depth = 0;
  while (i < n) {
    switch (t[i]) {
      case '"':
        i = string_end(t, n, i);
        if (!i) return 0;
        continue;
      case '{':
      case '[':
        depth++;
        break;
      case '}':
      case ']':
        if (--depth == 0) return i + 1;
        break;
      default:
        break;
    }
    i++;
  }
  return 0;
}

/* Finds the "problem" member of a state text (top level) and replaces it
 * by null in a copy for the parse of the rest. */
static int split_state(const char *t, size_t n, size_t *p0, size_t *p1) {
  size_t i = 0;
  while (i < n && is_ws(t[i])) i++;
  if (i >= n || t[i] != '{') return -1;
  i++;
  for (;;) {
    while (i < n && (is_ws(t[i]) || t[i] == ',')) i++;
    if (i >= n || t[i] != '"') return -1;
    size_t k0 = i;
    size_t k1 = value_end(t, n, i);
    if (!k1) return -1;
    i = k1;
    while (i < n && is_ws(t[i])) i++;
    if (i >= n || t[i] != ':') return -1;
    i++;
    while (i < n && is_ws(t[i])) i++;
    size_t v0 = i, v1 = value_end(t, n, i);
    if (!v1) return -1;
    if (k1 - k0 == 9 && memcmp(t + k0, "\"problem\"", 9) == 0) {
      *p0 = v0;
      *p1 = v1;
      return 0;
    }
    i = v1;
  }
}

/* ------------------------------------------------- reopening, the fast way */

/* A state as senbid_session_state() writes it: this head, the problem, then
 * the actions, one canonical item a line. */
static const char st_head[] = "{\n  \"senbid\": 1,\n  \"session\": 1,\n  \"problem\": ";
static const char st_acts[] = "  \"actions\": [";

/* One action of a stored state, read for the fast reopen. */
typedef struct fo_item {
  const char *id; /* proxy, pass: the employee as written (no escapes) */
  uint32_t idlen;
  uint32_t emp;   /* read: the employee; UINT32_MAX: compare id */
  uint8_t act;
  bool canon;     /* the line is the item the library would write */
  void *bid;
} fo_item;

static bool lit(const char **p, const char *end, const char *l) {
  size_t n = strlen(l);
  if ((size_t)(end - *p) < n || memcmp(*p, l, n) != 0) return false;
  *p += n;
  return true;
}

/* Digits of an unsigned number (no leading zero); false if none. */
static bool num(const char **p, const char *end, uint64_t *v) {
  const char *q = *p;
  *v = 0;
  while (q < end && *q >= '0' && *q <= '9' && q - *p < 12)
    *v = *v * 10 + (uint64_t)(*q++ - '0');
  if (q == *p || (**p == '0' && q - *p > 1)) return false;
  *p = q;
  return true;
}

/* Reads item i (the text of one line): the library's own forms directly,
 * any other through the JSON parser. False: leave it to the exact path. */
static bool fo_read(senbid_session *s, const char *t, size_t n, uint32_t i,
                    fo_item *it, uint64_t *undoes) {
  const char *p = t, *end = t + n;
  uint64_t seq;
  memset(it, 0, sizeof *it);
  *undoes = 0;
  if (lit(&p, end, "{\"seq\": ") && num(&p, end, &seq) &&
      lit(&p, end, ", \"act\": \"")) {
    bool canon = seq == (uint64_t)i + 1;
    if (lit(&p, end, "undo\", \"undoes\": ") && num(&p, end, undoes) &&
        p + 1 == end && *p == '}') {
      it->act = SS_UNDO;
      it->canon = canon;
      return true;
    }
    int act = lit(&p, end, "proxy\"") ? SS_PROXY
              : lit(&p, end, "pass\"") ? SS_PASS
                                      : -1;
    if (act >= 0 && lit(&p, end, ", \"employee\": \"") && end - p >= 2 &&
        end[-1] == '}' && end[-2] == '"') {
      const char *q = p;
      while (q < end - 2 && (unsigned char)*q >= 0x20 && *q != '"' && *q != '\\') q++;
      if (q == end - 2) {
        it->act = (uint8_t)act;
        it->id = p;
        it->idlen = (uint32_t)(q - p);
        it->emp = UINT32_MAX;
        it->canon = canon;
        return true;
      }
    }
  }
  /* Anything else (a bid, or an item written by hand). */
  sb_arena tmp;
  sb_arena_init(&tmp, &s->alloc);
  size_t off;
  const char *why;
  const cJSON *a = sb_json_parse(&tmp, t, n, &off, &why);
  bool ok = a && cJSON_IsObject(a) && (a->type & SB_JSON_CLEAN);
  const cJSON *v = ok ? cJSON_GetObjectItemCaseSensitive(a, "act") : NULL;
  int act = -1;
  if (cJSON_IsString(v))
    for (int k = 0; k < 4; k++)
      if (strcmp(v->valuestring, ss_act_name[k]) == 0) act = k;
  ok = act >= 0 && act != SS_UNDO;
  if (ok) {
    v = cJSON_GetObjectItemCaseSensitive(a, "employee");
    int64_t e = cJSON_IsString(v) ? sb_problem_find(s->p, v->valuestring) : -1;
    ok = e >= 0;
    it->act = (uint8_t)act;
    it->emp = (uint32_t)e;
  }
  if (ok && act == SS_BID) {
    sb_err e = {0};
    sb_jr r = {&e, {{0}, 0, {0}, 0, 0}, &tmp};
    sb_path_init(&r.path);
    ok = s->k->read(s, &r, a, &s->bids, &it->bid) == SENBID_OK;
  }
  sb_arena_free(&tmp);
  return ok;
}

/* Appends item i as the library writes it (a line that is not already). */
static void fo_put(senbid_session *s, const fo_item *it, uint32_t i,
                   uint32_t who) {
  sb_buf *b = &s->acts.buf;
  sb_buf_puts(b, i ? ",\n    {\"seq\": " : "\n    {\"seq\": ");
  sb_buf_put_uint(b, i + 1);
  sb_buf_puts(b, ", \"act\": \"");
  sb_buf_puts(b, ss_act_name[it->act]);
  sb_buf_putc(b, '"');
  if (it->act == SS_UNDO) {
    ss_key(b, "undoes");
    sb_buf_put_uint(b, who + 1);
  } else {
    ss_key(b, "employee");
    const char *id = s->p->emps[who].id;
    sb_json_escape(b, id, strlen(id));
    if (it->bid) s->k->canon(s, it->bid, b);
  }
  sb_buf_putc(b, '}');
}

/* The last '\n' in [lo, p), or NULL: eight bytes at a time (the action
 * lines are walked back from the end of a state of many MB). */
static const char *last_nl(const char *lo, const char *p) {
  const uint64_t ones = 0x0101010101010101u, nls = ones * '\n';
  while (p - lo >= 8) {
    uint64_t w;
    memcpy(&w, p - 8, 8);
    w ^= nls;
    if ((w - ones) & ~w & (ones << 7)) break; /* a '\n' among them */
    p -= 8;
  }
  while (p > lo)
    if (*--p == '\n') return p;
  return NULL;
}

/* Reopens a state the library wrote in one pass: the problem parsed once,
 * the actions read line by line, the undos resolved first (an undo takes
 * back the latest action not taken back), then only the actions that stand
 * played, once, without their audit. An action taken back is checked on
 * the state of its own time without being played, which is exact when the
 * undo follows it at once (the supervisor's correction); a state with
 * undos in a row, or anything else unusual, returns false, and so does any
 * action that would be refused: the exact path then reopens it (or finds
 * the first action that fails). s is fresh; on false the caller frees it. */
static bool fast_open(senbid_session *s, const char *text, size_t len) {
  const char *end = text + len;
  while (end > text && is_ws(end[-1])) end--;
  size_t hn = sizeof st_head - 1;
  if ((size_t)(end - text) < hn + 8 || memcmp(text, st_head, hn) != 0 ||
      end[-1] != '}' || end[-2] != '\n')
    return false;
  end -= 2;
  /* The "actions" line, walking back over the item lines. */
  const char *items = NULL, *items_end = NULL, *acts;
  size_t nlines = 0;
  static const char empty[] = ",\n  \"actions\": []";
  if (end - text >= (ptrdiff_t)sizeof empty &&
      memcmp(end - (sizeof empty - 1), empty, sizeof empty - 1) == 0) {
    acts = end - (sizeof empty - 1);
  } else {
    if (memcmp(end - 4, "\n  ]", 4) != 0) return false;
    items_end = end - 4;
    const char *q = items_end;
    for (;;) {
      const char *nl = last_nl(text, q);
      if (nl <= text) return false;
      size_t ln = (size_t)(q - nl - 1);
      if (ln >= 5 && memcmp(nl + 1, "    {", 5) == 0) {
        q = nl;
        nlines++;
        continue;
      }
      if (ln != sizeof st_acts - 1 || memcmp(nl + 1, st_acts, ln) != 0 ||
          nl[-1] != ',' || q == items_end)
        return false;
      items = q;
      acts = nl - 1;
      break;
    }
  }
  /* As the exact path reads it: the problem's value without white space
   * around it. */
  while (hn < (size_t)(acts - text) && is_ws(text[hn])) hn++;
  if (acts <= text + hn) return false;
  sb_err pe = {0};
  if (load_problem(s, text + hn, (size_t)(acts - text - hn), &pe, "$.problem") < 0)
    return false;
  /* The items, one a line: "\n    ITEM," ... "\n    ITEM". */
  sb_vec it;
  sb_vec_init(&it, &s->alloc, sizeof(fo_item));
  sb_vec lines;
  sb_vec_init(&lines, &s->alloc, sizeof(size_t));
  bool ok = !sb_vec_reserve(&it, nlines) && !sb_vec_reserve(&lines, nlines);
  uint32_t n = 0;
  for (const char *p = items; ok && p && p < items_end; n++) {
    const char *l0 = p + 5, *nl = memchr(l0, '\n', (size_t)(items_end - l0));
    const char *l1 = nl ? nl : items_end;
    if (nl && l1[-1] != ',') ok = false;
    if (nl) l1--;
    fo_item *x = sb_vec_push(&it);
    size_t *lp = sb_vec_push(&lines);
    uint64_t undoes = 0;
    if (!x || !lp || !fo_read(s, l0, (size_t)(l1 - l0), n, x, &undoes)) {
      ok = false;
      break;
    }
    lp[0] = (size_t)(l0 - text);
    if (x->act == SS_UNDO) x->emp = (uint32_t)(undoes ? undoes - 1 : UINT32_MAX);
    p = nl;
  }
  /* The undos, as a stack; an undo must follow the action it takes back. */
  if (ok && (sb_vec_reserve(&s->undone, n) ||
             sb_vec_reserve(&s->type, n) || sb_vec_reserve(&s->emp, n) ||
             sb_vec_reserve(&s->bid, n) || sb_vec_reserve(&s->stack, n)))
    ok = false;
  for (uint32_t i = 0; ok && i < n; i++) {
    fo_item *x = &SB_VEC_AT(&it, fo_item, i);
    s->undone.len = s->type.len = s->emp.len = s->bid.len = i + 1;
    SB_VEC_AT(&s->undone, uint32_t, i) = 0;
    SB_VEC_AT(&s->type, uint8_t, i) = x->act;
    SB_VEC_AT(&s->bid, void *, i) = x->bid;
    if (x->act == SS_UNDO) {
      if (!s->stack.len) {
        ok = false;
        break;
      }
      uint32_t target = SB_VEC_AT(&s->stack, uint32_t, --s->stack.len);
      if (x->emp != target) x->canon = false;
      x->emp = target;
      SB_VEC_AT(&s->undone, uint32_t, target) = i + 1;
    } else {
      SB_VEC_AT(&s->stack, uint32_t, s->stack.len++) = i;
    }
  }
  /* The canonical items are mostly the lines as they are. */
  if (ok && items && !sb_buf_room(&s->acts.buf, (size_t)(items_end - items) + 64))
    ok = false;
  /* Play the actions in order; one taken back by the undo right after it
   * is only checked. In a run of undos the others take back actions that
   * were played: the live sequence is then rebuilt once, at the run's end,
   * from the actions standing (live). */
  sb_vec live;
  sb_vec_init(&live, &s->alloc, sizeof(uint32_t));
  if (ok && sb_vec_reserve(&live, n)) ok = false;
  bool stale = false;
  size_t run = SIZE_MAX; /* where the pending run of canonical lines starts */
  for (uint32_t i = 0; ok && i < n; i++) {
    fo_item *x = &SB_VEC_AT(&it, fo_item, i);
    if (x->act == SS_UNDO) {
      uint32_t t = SB_VEC_AT(&live, uint32_t, --live.len);
      if (SB_VEC_AT(&s->undone, uint32_t, t) != t + 2) stale = true;
      if (stale && (i + 1 == n || SB_VEC_AT(&it, fo_item, i + 1).act != SS_UNDO)) {
        stale = false;
        live_free(s);
        if (live_begin(s) < 0) ok = false;
        for (size_t j = 0; ok && j < live.len; j++) {
          uint32_t a = SB_VEC_AT(&live, uint32_t, j);
          s->seq = a + 1;
          if (s->k->act(s, SB_VEC_AT(&s->type, uint8_t, a), SB_VEC_AT(&s->emp, uint32_t, a),
                        SB_VEC_AT(&s->bid, void *, a), NULL) < 0)
            ok = false;
        }
      }
    } else {
      ss_turn t;
      if (!s->k->turn(s, &t)) {
        ok = false;
        break;
      }
      /* The id as written (no NUL in it) against the one on turn. */
      if (x->emp == UINT32_MAX
              ? strncmp(t.id, x->id, x->idlen) != 0 || t.id[x->idlen] != '\0'
              : x->emp != t.emp) {
        ok = false;
        break;
      }
      x->emp = t.emp;
      if (x->act == SS_PASS && s->p->kind != SB_KIND_LEAVE) {
        ok = false;
        break;
      }
      SB_VEC_AT(&live, uint32_t, live.len++) = i;
      if (SB_VEC_AT(&s->undone, uint32_t, i) == i + 2) {
        /* Its undo would be refused on a finished session. */
        if (s->k->ends(s, x->act, x->bid)) ok = false;
      } else {
        s->seq = i + 1;
        if (s->k->act(s, x->act, x->emp, x->bid, NULL) < 0) ok = false;
      }
    }
    if (!ok) break;
    SB_VEC_AT(&s->emp, uint32_t, i) = x->emp;
    /* The canonical lines are copied a run at a time (memcpy: sb_buf_put
     * copies byte by byte, for short strings): in the text, each stands
     * after "\n    " (the first) or ",\n    ", as in acts. */
    size_t l0 = SB_VEC_AT(&lines, size_t, i);
    if (!x->canon) {
      if (run != SIZE_MAX) sb_buf_put_slow(&s->acts.buf, text + run, l0 - 6 - run);
      run = SIZE_MAX;
      fo_put(s, x, i, x->emp);
    } else if (run == SIZE_MAX) {
      run = l0 - (i ? 6 : 5);
    }
  }
  if (ok && run != SIZE_MAX)
    sb_buf_put_slow(&s->acts.buf, text + run, (size_t)(items_end - text) - run);
  s->acts.count = n;
  if (ok && s->acts.buf.oom) ok = false;
  sb_vec_free(&it);
  sb_vec_free(&lines);
  sb_vec_free(&live);
  return ok;
}

SENBID_API int senbid_session_open(senbid_session **out, const char *text,
                                   size_t len,
                                   const senbid_session_options *opts,
                                   senbid_error **err) {
  sb_err e = {0};
  sb_alloc a;
  if (out) *out = NULL;
  if (!out || (!text && len)) {
    sb_err_set(&e, SENBID_E_ARGUMENT, NULL, "out and state_json must not be NULL");
    return sb_error_out(err, &sb_default_alloc, &e);
  }
  if (!text) text = "";
  senbid_session *s = NULL;
  int rc = session_new(&s, opts, &e, &a);
  if (rc == SENBID_OK) {
    if (fast_open(s, text, len)) {
      *out = s;
      return SENBID_OK;
    }
    senbid_session_free(s);
    s = NULL;
    rc = session_new(&s, opts, &e, &a);
  }
  sb_arena tree;
  sb_arena_init(&tree, &a);
  char *rest = NULL;
  const cJSON *root = NULL;
  size_t p0 = 0, p1 = 0;
  if (rc == SENBID_OK) {
    /* The rest of the state (with the problem as null) is small. */
    bool found = split_state(text, len, &p0, &p1) == 0;
    if (found) {
      rest = sb_mem_alloc(&a, len - (p1 - p0) + 5);
      if (!rest) rc = sb_err_nomem(&e);
    }
    if (rc == SENBID_OK) {
      size_t rn = len;
      if (found) {
        memcpy(rest, text, p0);
        memcpy(rest + p0, "null", 4);
        memcpy(rest + p0 + 4, text + p1, len - p1);
        rn = len - (p1 - p0) + 4;
      }
      size_t off = 0;
      const char *why = NULL;
      root = sb_json_parse(&tree, found ? rest : text, rn, &off, &why);
      if (!root) rc = not_json(&e, why, "state");
    }
  }
  sb_jr r = {&e, {{0}, 0, {0}, 0, 0}, &tree};
  sb_path_init(&r.path);
  if (rc == SENBID_OK) rc = sb_jr_v_object(&r, root);
  int64_t v = 0;
  if (rc == SENBID_OK) rc = sb_jr_int(&r, root, "senbid", true, &v, NULL);
  if (rc == SENBID_OK && v != 1)
    rc = sb_jr_fail(&r, SENBID_E_VALUE, "senbid", "format version %lld is not supported", (long long)v);
  if (rc == SENBID_OK) rc = sb_jr_int(&r, root, "session", true, &v, NULL);
  if (rc == SENBID_OK && v != 1)
    rc = sb_jr_fail(&r, SENBID_E_VALUE, "session", "session version %lld is not supported", (long long)v);
  if (rc == SENBID_OK && p1 == 0)
    rc = sb_jr_fail(&r, SENBID_E_MISSING, "problem", "the state has no problem");
  const cJSON *acts = NULL;
  if (rc == SENBID_OK) rc = sb_jr_array(&r, root, "actions", true, &acts);
  if (rc == SENBID_OK) rc = load_problem(s, text + p0, p1 - p0, &e, "$.problem");
  if (rc == SENBID_OK) {
    sb_path_key(&r.path, "actions");
    SB_JR_EACH(&r, acts, i, it) {
      (void)i;
      rc = take(s, &r, it, NULL);
      if (rc < 0) {
        if (e.code == SENBID_OK) e = s->e;
        break;
      }
    }
    if (rc == SENBID_OK && s->stale) {
      s->stale = false;
      rc = replay(s);
      if (rc < 0) e = s->e;
    }
  }
  sb_mem_free(&a, rest);
  sb_arena_free(&tree);
  if (rc < 0) {
    if (e.code == SENBID_OK && s) e = s->e;
    senbid_session_free(s);
    return end_call(rc, &e, &a, err);
  }
  *out = s;
  return SENBID_OK;
}

/* -------------------------------------------------------------- the calls */

static int bad_session(sb_err *e, senbid_error **err) {
  sb_err_set(e, SENBID_E_ARGUMENT, NULL, "out and session must not be NULL");
  return sb_error_out(err, &sb_default_alloc, e);
}

static int doc_result(senbid_result **out, const senbid_session *s, sb_buf *b,
                      sb_err *e, senbid_error **err) {
  sb_buf_putc(b, '\n');
  int rc = sb_result_new(out, &s->alloc, b, SENBID_OUTCOME_OK, e);
  sb_buf_free(b);
  return end_call(rc, e, &s->alloc, err);
}

SENBID_API int senbid_session_act(senbid_result **out, senbid_session *s,
                                  const char *text, size_t len,
                                  senbid_error **err) {
  sb_err e = {0};
  if (out) *out = NULL;
  if (!out || !s || (!text && len)) return bad_session(&e, err);
  sb_arena tree;
  sb_arena_init(&tree, &s->alloc);
  size_t off = 0;
  const char *why = NULL;
  const cJSON *a = sb_json_parse(&tree, text ? text : "", len, &off, &why);
  int rc = SENBID_OK;
  if (!a) rc = not_json(&e, why, "action");
  sb_buf b;
  sb_buf_init(&b, &s->alloc);
  if (rc == SENBID_OK) {
    sb_jr r = {&e, {{0}, 0, {0}, 0, 0}, &tree};
    sb_path_init(&r.path);
    /* A refused action changes nothing: the checks all come before the
     * first change (read_head, the kind's check). */
    size_t mark = s->acts.buf.len, st0 = s->stack.len;
    uint32_t n0 = nacts(s);
    sb_jw dw;
    sb_jw_init(&dw, &b, 0, true);
    s->e.code = SENBID_OK;
    rc = take(s, &r, a, &dw);
    if (rc < 0 && e.code == SENBID_OK) e = s->e;
    if (rc < 0 && nacts(s) > n0) {
      /* Failed after the change began (out of memory): back to before. */
      s->acts.buf.len = mark;
      s->undone.len = s->type.len = n0;
      s->emp.len = s->bid.len = n0;
      s->acts.count = n0;
      s->stack.len = st0;
      for (uint32_t i = 0; i < n0; i++)
        if (SB_VEC_AT(&s->undone, uint32_t, i) > n0)
          SB_VEC_AT(&s->undone, uint32_t, i) = 0;
      (void)replay(s);
    }
  }
  sb_arena_free(&tree);
  if (rc < 0) {
    sb_buf_free(&b);
    return end_call(rc, &e, &s->alloc, err);
  }
  return doc_result(out, s, &b, &e, err);
}

SENBID_API int senbid_session_finished(const senbid_session *s) {
  return s ? s->finished : 0;
}

SENBID_API int senbid_session_status(senbid_result **out,
                                     const senbid_session *s,
                                     senbid_error **err) {
  sb_err e = {0};
  if (out) *out = NULL;
  if (!out || !s) return bad_session(&e, err);
  sb_buf b;
  sb_buf_init(&b, &s->alloc);
  sb_jw w;
  sb_jw_init(&w, &b, 0, true);
  ss_turn t;
  bool on = s->k->turn(s, &t);
  sb_jw_obj(&w);
  SB_JW_KEY(&w, "finished");
  sb_jw_bool(&w, s->finished);
  SB_JW_KEY(&w, "round");
  if (on)
    sb_jw_uint(&w, t.round);
  else
    sb_jw_null(&w);
  SB_JW_KEY(&w, "turn");
  if (on)
    ss_write_turn(s, &w, &t);
  else
    sb_jw_null(&w);
  SB_JW_KEY(&w, "upcoming");
  sb_jw_arr(&w);
  if (on) s->k->upcoming(s, &w, 10);
  sb_jw_arr_end(&w);
  SB_JW_KEY(&w, "open");
  s->k->open(s, &w);
  sb_jw_obj_end(&w);
  return doc_result(out, s, &b, &e, err);
}

SENBID_API int senbid_session_state(senbid_result **out,
                                    const senbid_session *s,
                                    senbid_error **err) {
  sb_err e = {0};
  if (out) *out = NULL;
  if (!out || !s) return bad_session(&e, err);
  sb_buf b;
  sb_buf_init(&b, &s->alloc);
  sb_jw w;
  sb_jw_init(&w, &b, 0, true);
  sb_jw_obj(&w);
  SB_JW_KEY(&w, "senbid");
  sb_jw_int(&w, 1);
  SB_JW_KEY(&w, "session");
  sb_jw_int(&w, 1);
  SB_JW_KEY(&w, "problem");
  /* The problem as given, so a state reproduces it byte for byte (one
   * memcpy: sb_buf_put copies byte by byte). */
  sb_buf_put_slow(&b, s->ptext, s->plen);
  w.after_key = false;
  SB_JW_KEY(&w, "actions");
  sb_jw_arr(&w);
  sb_jw_splice(&w, &s->acts.buf, s->acts.count);
  sb_jw_arr_end(&w);
  sb_jw_obj_end(&w);
  return doc_result(out, s, &b, &e, err);
}

SENBID_API int senbid_session_result(senbid_result **out,
                                     const senbid_session *cs,
                                     senbid_error **err) {
  sb_err e = {0};
  if (out) *out = NULL;
  if (!out || !cs) return bad_session(&e, err);
  /* Rendering the audit the first time changes the handle, not what it
   * holds (one thread at a time, as every call). */
  senbid_session *s = (senbid_session *)(uintptr_t)cs;
  if (!s->audit) {
    /* The audit is rendered when first asked: the actions played again
     * with it (the same decisions), and kept from then on. */
    s->audit = true;
    int rc = replay(s);
    if (rc < 0) {
      e = s->e;
      s->audit = false;
      (void)replay(s);
      return end_call(rc, &e, &s->alloc, err);
    }
  }
  sb_out o;
  sb_out_init(&o, &s->alloc);
  sb_result_head(&o.body, s->p, "round_robin",
                 s->finished ? "ok" : "in_progress");
  int rc = s->k->result(s, &o);
  if (rc == SENBID_OK) {
    sb_jw w;
    sb_jw_init(&w, &o.body, 1, false);
    sb_write_log(&w, "warnings", &s->o.warnings);
    sb_write_log(&w, "audit", &s->o.audit);
    sb_jw_obj_end(&w);
    if (sb_out_oom(&o) || s->o.warnings.buf.oom || s->o.audit.buf.oom)
      rc = sb_err_nomem(&e);
  }
  if (rc < 0) {
    sb_out_free(&o);
    return end_call(rc, &e, &s->alloc, err);
  }
  sb_buf body = o.body;
  o.body.data = NULL;
  o.body.len = o.body.cap = 0;
  sb_out_free(&o);
  return doc_result(out, s, &body, &e, err);
}
