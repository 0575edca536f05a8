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
    {SENBID_E_TURN, "TURN", "not this employee's turn, or nothing to undo"},
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

/* The code point of the UTF-8 sequence at s (at most n bytes) in *cp and
 * its length, or 0 when it is not a valid one (overlong forms, surrogates
 * and values past U+10FFFF are not valid). */
size_t sb_utf8_decode(const unsigned char *s, size_t n, unsigned *cp_out) {
  unsigned c = s[0];
  size_t len;
  unsigned min;
  if (c < 0x80) {
    *cp_out = c;
    return 1;
  }
  if (c >= 0xc2 && c <= 0xdf) len = 2, min = 0x80;
  else if (c >= 0xe0 && c <= 0xef) len = 3, min = 0x800;
  else if (c >= 0xf0 && c <= 0xf4) len = 4, min = 0x10000;
  else return 0;
  if (len > n) return 0;
  unsigned cp = c & (0x7f >> len);
  for (size_t i = 1; i < len; i++) {
    if ((s[i] & 0xc0) != 0x80) return 0;
    cp = (cp << 6) | (s[i] & 0x3f);
  }
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
  *cp_out = cp;
  return len;
}

/* Characters that break a line or drive a terminal: C0 controls, DEL, C1
 * controls (U+0085 is a line break, U+009B a terminal's CSI) and the line
 * and paragraph separators. */
static bool breaks_line(unsigned cp) {
  return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp == 0x2028 || cp == 0x2029;
}

/* Writes the escape of such a character ("\n", "\u001b"); returns its
 * length (2 or 6). */
static size_t put_escape(char *o, unsigned cp) {
  static const char hex[] = "0123456789abcdef";
  const char *e = cp == '\n' ? "\\n" : cp == '\t' ? "\\t" : cp == '\r' ? "\\r" : NULL;
  if (e) {
    memcpy(o, e, 2);
    return 2;
  }
  o[0] = '\\';
  o[1] = 'u';
  for (int k = 0; k < 4; k++) o[2 + k] = hex[(cp >> (12 - 4 * k)) & 15];
  return 6;
}

/* One character of s at *i made safe for one line of valid UTF-8 into o (at
 * least 6 bytes free): itself, an escape, or U+FFFD for a byte that is not
 * UTF-8. With json, '"' and '\\' are escaped as well. Returns the length. */
static size_t safe_char(char *o, const unsigned char *s, size_t n, size_t *i,
                        bool json) {
  unsigned cp = 0;
  size_t len = sb_utf8_decode(s + *i, n - *i, &cp);
  if (len == 0) {
    (*i)++;
    memcpy(o, "\xef\xbf\xbd", 3);
    return 3;
  }
  *i += len;
  if (breaks_line(cp)) return put_escape(o, cp);
  if (json && (cp == '"' || cp == '\\')) {
    o[0] = '\\';
    o[1] = (char)cp;
    return 2;
  }
  memcpy(o, s + *i - len, len);
  return len;
}

const char *sb_quote(char *buf, const char *s, size_t n) {
  const unsigned char *u = (const unsigned char *)(s ? s : "");
  size_t o = 0, chars = 0, i = 0;
  if (!s) n = 0;
  buf[o++] = '"';
  /* Each character writes at most 6 bytes: 40 of them, the quotes, the
   * ellipsis and the NUL fit in SB_QUOTE_CAP. */
  while (i < n && chars < SB_QUOTE_CHARS) {
    o += safe_char(buf + o, u, n, &i, true);
    chars++;
  }
  buf[o++] = '"';
  if (i < n) {
    memcpy(buf + o, "\xe2\x80\xa6", 3); /* U+2026 HORIZONTAL ELLIPSIS */
    o += 3;
  }
  buf[o] = '\0';
  return buf;
}

size_t sb_quote_json(char *dst, size_t cap, const char *s, size_t n) {
  const unsigned char *u = (const unsigned char *)s;
  size_t o = 0, i = 0;
  char tmp[8];
  while (i < n) {
    size_t at = i, k = safe_char(tmp, u, n, &i, true);
    if (o + k >= cap) {
      i = at;
      break;
    }
    memcpy(dst + o, tmp, k);
    o += k;
  }
  if (cap) dst[o] = '\0';
  return i;
}

void sb_clean_line(char *dst, size_t cap, const char *src) {
  /* Whole characters only: a message cut by vsnprintf, or a value pasted in
   * raw, must not leave half a character or a line break behind. */
  const unsigned char *u = (const unsigned char *)src;
  size_t n = strlen(src), o = 0, i = 0;
  char tmp[8];
  while (i < n) {
    size_t k = safe_char(tmp, u, n, &i, false);
    if (o + k >= cap) break;
    memcpy(dst + o, tmp, k);
    o += k;
  }
  dst[o] = '\0';
}

int sb_err_setv(sb_err *err, int code, const char *path, const char *fmt,
                va_list ap) {
  if (!err) return code;
  char tmp[sizeof err->msg];
  err->code = code;
  /* No path means the whole document. */
  sb_clean_line(err->path, sizeof err->path, path && *path ? path : "$");
  if (vsnprintf(tmp, sizeof tmp, fmt, ap) >= (int)sizeof tmp) {
    /* Cut by the buffer: drop a last character left incomplete, rather
     * than show it as U+FFFD. */
    size_t n = strlen(tmp), k = n;
    unsigned cp;
    while (k > 0 && ((unsigned char)tmp[k - 1] & 0xc0) == 0x80) k--;
    if (k > 0 && (unsigned char)tmp[k - 1] >= 0xc0 &&
        sb_utf8_decode((const unsigned char *)tmp + k - 1, n - k + 1, &cp) == 0)
      tmp[k - 1] = '\0';
  }
  /* One line of valid UTF-8, always (SPEC section 8), whatever the caller
   * passed: the last line of defence behind SB_Q. */
  sb_clean_line(err->msg, sizeof err->msg, tmp);
  return code;
}

int sb_err_set(sb_err *err, int code, const char *path, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int rc = sb_err_setv(err, code, path, fmt, ap);
  va_end(ap);
  return rc;
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
