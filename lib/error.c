/* Status codes, their names, and error objects. */
#include <stdio.h>
#include <string.h>

#include "internal.h"

struct senbid_error {
  sb_alloc alloc;
  int code;
  char *path;
  char *message;
};

static const struct {
  int code;
  const char *name;
  const char *text;
} codes[] = {
    {SENBID_OK, "OK", "success"},
    {SENBID_E_JSON, "JSON", "malformed JSON"},
    {SENBID_E_MISSING, "MISSING", "a required member is missing"},
    {SENBID_E_TYPE, "TYPE", "a member has the wrong type"},
    {SENBID_E_DATE, "DATE", "not a valid date"},
    {SENBID_E_TIME, "TIME", "not a valid time"},
    {SENBID_E_RANGE, "RANGE", "a range ends before it starts"},
    {SENBID_E_DUPLICATE, "DUPLICATE", "a duplicate id"},
    {SENBID_E_UNKNOWN_ID, "UNKNOWN_ID", "an id that does not resolve"},
    {SENBID_E_NEGATIVE, "NEGATIVE", "a negative count or capacity"},
    {SENBID_E_UNKNOWN_MEMBER, "UNKNOWN_MEMBER", "an unknown member"},
    {SENBID_E_VALUE, "VALUE", "an unknown value"},
    {SENBID_E_LIMIT, "LIMIT", "beyond a hard limit"},
    {SENBID_E_ROTATION, "ROTATION", "the rotation is too short"},
    {SENBID_E_IO, "IO", "input or output failed"},
    {SENBID_E_SOLVER, "SOLVER", "the solver failed"},
    {SENBID_E_NOMEM, "NOMEM", "out of memory"},
    {SENBID_E_ARGUMENT, "ARGUMENT", "a bad argument"},
    {SENBID_E_VERSION, "VERSION", "an unknown options version"},
    {SENBID_E_UNSUPPORTED, "UNSUPPORTED", "not available"},
    {SENBID_E_CANCELLED, "CANCELLED", "cancelled by the progress callback"},
};

SENBID_API const char *senbid_code_name(int code) {
  for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
    if (codes[i].code == code) return codes[i].name;
  return "UNKNOWN";
}

SENBID_API const char *senbid_strerror(int code) {
  for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
    if (codes[i].code == code) return codes[i].text;
  return "unknown status code";
}

int sb_err_set(sb_err *err, int code, const char *path, const char *fmt, ...) {
  if (!err) return code;
  err->code = code;
  snprintf(err->path, sizeof err->path, "%s", path ? path : "");
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err->msg, sizeof err->msg, fmt, ap);
  va_end(ap);
  /* One line, always (SPEC section 8). */
  for (char *c = err->msg; *c; c++)
    if (*c == '\n' || *c == '\r') *c = ' ';
  return code;
}

int sb_err_nomem(sb_err *err) {
  return sb_err_set(err, SENBID_E_NOMEM, NULL, "out of memory");
}

static char *dup_with(const sb_alloc *a, const char *s) {
  size_t n = strlen(s);
  char *d = sb_mem_alloc(a, n + 1);
  if (d) memcpy(d, s, n + 1);
  return d;
}

senbid_error *sb_error_new(const sb_alloc *a, const sb_err *err) {
  senbid_error *e = sb_mem_alloc(a, sizeof *e);
  if (!e) return NULL;
  e->alloc = *a;
  e->code = err->code;
  e->path = dup_with(a, err->path);
  e->message = dup_with(a, err->msg[0] ? err->msg : senbid_strerror(err->code));
  if (!e->path || !e->message) {
    senbid_error_free(e);
    return NULL;
  }
  return e;
}

int sb_error_out(senbid_error **out, const sb_alloc *a, const sb_err *err) {
  if (out) *out = sb_error_new(a, err);
  return err->code;
}

SENBID_API int senbid_error_code(const senbid_error *err) {
  return err ? err->code : SENBID_OK;
}

SENBID_API const char *senbid_error_path(const senbid_error *err) {
  return err ? err->path : "";
}

SENBID_API const char *senbid_error_message(const senbid_error *err) {
  return err ? err->message : "";
}

SENBID_API void senbid_error_free(senbid_error *err) {
  if (!err) return;
  sb_alloc a = err->alloc;
  sb_mem_free(&a, err->path);
  sb_mem_free(&a, err->message);
  sb_mem_free(&a, err);
}
