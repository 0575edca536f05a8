/* Error values with a code, a JSON path and a one-line message. Internal: see lib/internal.h. */
#ifndef SENBID_ERROR_H
#define SENBID_ERROR_H

#include "util/util.h"

/* ------------------------------------------------------------------------ */
/* Errors (lib/error.c)                                                     */
/* ------------------------------------------------------------------------ */

typedef struct sb_err {
  int code;
  char path[512];
  char msg[512];
} sb_err;

/* Sets err (if not NULL) and returns code. path NULL or "" is "$". Whatever they
 * are given, the path and message stored are one line of valid UTF-8:
 * bytes that are not UTF-8 become U+FFFD, line breaks and other control
 * characters their JSON escapes (\n, \u001b), and a text too long is cut
 * on a character boundary. */
int sb_err_set(sb_err *err, int code, const char *path, const char *fmt, ...)
    SB_PRINTF(4, 5);
int sb_err_setv(sb_err *err, int code, const char *path, const char *fmt,
                va_list ap) SB_PRINTF(4, 0);
/* Copies src into dst (cap bytes) as one line of valid UTF-8, as above. */
void sb_clean_line(char *dst, size_t cap, const char *src);
int sb_err_nomem(sb_err *err);

/* A value quoted for an error message: a JSON string literal (quotes,
 * escapes for '"', '\\' and control characters, U+FFFD for bytes that are
 * not UTF-8; C1 controls and U+2028/U+2029 are escaped too, as \u0085) cut
 * after SB_QUOTE_CHARS characters, on a character boundary,
 * with "…" when cut. So a message stays one line of valid UTF-8 whatever the
 * value holds. Writes into buf (SB_QUOTE_CAP bytes) and returns it. */
#define SB_QUOTE_CHARS 40
#define SB_QUOTE_CAP 256
const char *sb_quote(char *buf, const char *s, size_t n);
/* For a printf argument: "%s" with SB_Q(value) (NUL-terminated) or
 * SB_QN(value, length); the buffer lives until the end of the enclosing
 * block. */
#define SB_QN(s, n) sb_quote((char[SB_QUOTE_CAP]){0}, (s), (n))
#define SB_Q(s) SB_QN((s), strlen(s))
/* s[0..n) escaped as the inside of a JSON string literal (no quotes, no
 * cut) into dst (cap bytes, NUL-terminated), stopping before a character
 * that does not fit. Returns the bytes of s consumed. */
size_t sb_quote_json(char *dst, size_t cap, const char *s, size_t n);

/* The length of the UTF-8 sequence at s (at most n bytes, n > 0), its code
 * point in *cp; 0 when it is not valid UTF-8 (overlong forms, surrogates
 * and values past U+10FFFF are not). */
size_t sb_utf8_decode(const unsigned char *s, size_t n, unsigned *cp);

/* Makes a public error object from err (NULL when out of memory). */
senbid_error *sb_error_new(const sb_alloc *a, const sb_err *err);
/* Writes a public error to *out when out is not NULL. Returns err->code. */
int sb_error_out(senbid_error **out, const sb_alloc *a, const sb_err *err);

#endif /* SENBID_ERROR_H */
