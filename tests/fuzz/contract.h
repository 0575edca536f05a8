/* The API contract every fuzz harness asserts, beyond "no crash":
 * - a failure has a known negative code, a non-empty message and a path
 *   that starts with '$', each one line of valid UTF-8;
 * - a success gives a result whose text parses as JSON (LP text excepted);
 * - the same input gives the same output twice.
 * A broken promise aborts, so libFuzzer records the input as a crash. */
#ifndef SENBID_FUZZ_CONTRACT_H
#define SENBID_FUZZ_CONTRACT_H

#include <cjson/cJSON.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "senbid/senbid.h"

#define FZ_ASSERT(cond, what)                                               \
  do {                                                                      \
    if (!(cond)) {                                                          \
      fprintf(stderr, "contract broken: %s (%s:%d)\n", what, __FILE__,      \
              __LINE__);                                                    \
      abort();                                                              \
    }                                                                       \
  } while (0)

/* One line of valid UTF-8: no control character (C0, DEL, C1), no line or
 * paragraph separator, no overlong form, surrogate or value past U+10FFFF. */
static inline int fz_one_line_utf8(const char *s) {
  const unsigned char *u = (const unsigned char *)s;
  while (*u) {
    unsigned c = *u, cp, len;
    if (c < 0x80) {
      if (c < 0x20 || c == 0x7f) return 0;
      u++;
      continue;
    }
    if (c >= 0xc2 && c <= 0xdf) len = 2, cp = c & 0x1f;
    else if (c >= 0xe0 && c <= 0xef) len = 3, cp = c & 0x0f;
    else if (c >= 0xf0 && c <= 0xf4) len = 4, cp = c & 0x07;
    else return 0;
    for (unsigned i = 1; i < len; i++) {
      if ((u[i] & 0xc0) != 0x80) return 0;
      cp = (cp << 6) | (u[i] & 0x3f);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10ffff)))
      return 0;
    if (cp >= 0xd800 && cp <= 0xdfff) return 0;
    if (cp >= 0x80 && cp <= 0x9f) return 0;
    if (cp == 0x2028 || cp == 0x2029) return 0;
    u += len;
  }
  return 1;
}

static inline int fz_known_code(int code) {
  return code < 0 && strcmp(senbid_code_name(code), "UNKNOWN") != 0;
}

/* A failed call: rc with err (which may be NULL only on NOMEM). */
static inline void fz_check_error(int rc, const senbid_error *err) {
  FZ_ASSERT(fz_known_code(rc), "a failure has a known code");
  if (!err) {
    FZ_ASSERT(rc == SENBID_E_NOMEM, "an error object unless out of memory");
    return;
  }
  FZ_ASSERT(senbid_error_code(err) == rc, "the error carries the code");
  const char *msg = senbid_error_message(err), *path = senbid_error_path(err);
  FZ_ASSERT(msg && *msg, "a non-empty message");
  FZ_ASSERT(fz_one_line_utf8(msg), "the message is one line of valid UTF-8");
  /* senbid_call names a member of the request envelope itself as
   * "request.command" (doc/bindings.md); every path inside a document
   * starts with $. */
  FZ_ASSERT(path && (path[0] == '$' || strncmp(path, "request", 7) == 0),
            "the path starts with $ (or names the request envelope)");
  FZ_ASSERT(fz_one_line_utf8(path), "the path is one line of valid UTF-8");
}

/* A result document parses as JSON. */
static inline void fz_check_json(const senbid_result *res) {
  size_t n = 0;
  const char *t = senbid_result_json(res, &n);
  FZ_ASSERT(t && strlen(t) == n, "the result text is NUL-terminated, no NUL inside");
  cJSON *j = cJSON_ParseWithLength(t, n);
  FZ_ASSERT(j != NULL, "a result parses as JSON");
  cJSON_Delete(j);
}

/* What a call gave, kept to compare with a second run. */
typedef struct fz_out {
  int rc, outcome;
  char *text; /* result text, or "code|path|message" */
  size_t len;
} fz_out;

static inline void fz_out_set(fz_out *o, int rc, const senbid_result *res,
                              const senbid_error *err) {
  o->rc = rc;
  o->outcome = res ? senbid_result_outcome(res) : -1;
  if (res) {
    const char *t = senbid_result_json(res, &o->len);
    o->text = malloc(o->len + 1);
    FZ_ASSERT(o->text, "memory");
    memcpy(o->text, t, o->len + 1);
  } else {
    const char *p = err ? senbid_error_path(err) : "";
    const char *m = err ? senbid_error_message(err) : "";
    o->len = strlen(p) + strlen(m) + 1;
    o->text = malloc(o->len + 1);
    FZ_ASSERT(o->text, "memory");
    snprintf(o->text, o->len + 1, "%s|%s", p, m);
  }
}

/* After a call that gives a result or an error: asserts the contract
 * (json: the result must parse as JSON), records the output in o and
 * frees both. */
static inline void fz_settle(fz_out *o, int rc, senbid_result *res,
                             senbid_error *err, int json) {
  if (rc == SENBID_OK) {
    FZ_ASSERT(res && !err, "a result and no error on success");
    if (json) fz_check_json(res);
  } else {
    FZ_ASSERT(!res, "no result on failure");
    fz_check_error(rc, err);
  }
  fz_out_set(o, rc, res, err);
  senbid_result_free(res);
  senbid_error_free(err);
}

static inline void fz_out_same(const fz_out *a, const fz_out *b) {
  FZ_ASSERT(a->rc == b->rc, "the same input gives the same code twice");
  FZ_ASSERT(a->outcome == b->outcome, "the same input gives the same outcome twice");
  FZ_ASSERT(a->len == b->len && memcmp(a->text, b->text, a->len) == 0,
            "the same input gives the same output twice");
}

static inline void fz_out_free(fz_out *o) {
  free(o->text);
  o->text = NULL;
}

#endif
