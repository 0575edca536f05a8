/* A streaming JSON writer: 2-space indent, members in the order written,
 * numbers in a fixed shortest form, so output is byte-for-byte stable. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../internal.h"

void sb_jw_init(sb_jw *w, sb_buf *b, int depth, bool first) {
  memset(w, 0, sizeof *w);
  w->buf = b;
  w->depth = depth;
  if (depth >= 0 && depth < 64) w->first[depth] = first;
}

/* A newline and the deepest indent written with one fixed-size copy. */
#define SB_FAST_DEPTH 32
const char sb_jw_indent[72] =
    "\n                                                                       ";

static void indent(sb_jw *w) {
  int d = w->depth;
  if (d >= 0 && d < SB_FAST_DEPTH) {
    char *o = sb_buf_room(w->buf, sizeof sb_jw_indent);
    if (!o) return;
    memcpy(o, sb_jw_indent, sizeof sb_jw_indent); /* fixed size: a few stores */
    w->buf->len += 1 + 2 * (size_t)d;
    return;
  }
  sb_buf_putc(w->buf, '\n');
  for (int i = 0; i < d; i++) sb_buf_put(w->buf, "  ", 2);
}

/* Decimal digits without printf: integers are most of what is written. */
static void put_u64(sb_buf *b, uint64_t v, bool neg) {
  char tmp[24];
  int i = (int)sizeof tmp;
  do {
    tmp[--i] = (char)('0' + v % 10);
    v /= 10;
  } while (v);
  if (neg) tmp[--i] = '-';
  sb_buf_put(b, tmp + i, sizeof tmp - (size_t)i);
}

void sb_buf_put_uint(sb_buf *b, uint64_t v) { put_u64(b, v, false); }

/* Before a value: after a key nothing; in an array a separator. */
static void before_value(sb_jw *w) {
  if (w->after_key) {
    w->after_key = false;
    return;
  }
  if (w->depth == 0) return;
  if (!w->first[w->depth]) sb_buf_putc(w->buf, ',');
  w->first[w->depth] = false;
  indent(w);
}

static void open(sb_jw *w, char c) {
  before_value(w);
  sb_buf_putc(w->buf, c);
  w->depth++;
  if (w->depth < 64) w->first[w->depth] = true;
}

static void close_(sb_jw *w, char c) {
  bool empty = w->depth < 64 ? w->first[w->depth] : false;
  w->depth--;
  if (!empty) indent(w);
  sb_buf_putc(w->buf, c);
  if (w->sink && w->buf->len >= w->sink->chunk) w->sink->flush(w->sink, w->buf);
}

void sb_jw_obj(sb_jw *w) { open(w, '{'); }
void sb_jw_obj_end(sb_jw *w) { close_(w, '}'); }
void sb_jw_arr(sb_jw *w) { open(w, '['); }
void sb_jw_arr_end(sb_jw *w) { close_(w, ']'); }

/* Bytes that JSON strings must escape: control characters, '"' and '\\'. */
static const bool needs_escape[256] = {
    [0x00] = 1, [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1, [0x05] = 1,
    [0x06] = 1, [0x07] = 1, [0x08] = 1, [0x09] = 1, [0x0a] = 1, [0x0b] = 1,
    [0x0c] = 1, [0x0d] = 1, [0x0e] = 1, [0x0f] = 1, [0x10] = 1, [0x11] = 1,
    [0x12] = 1, [0x13] = 1, [0x14] = 1, [0x15] = 1, [0x16] = 1, [0x17] = 1,
    [0x18] = 1, [0x19] = 1, [0x1a] = 1, [0x1b] = 1, [0x1c] = 1, [0x1d] = 1,
    [0x1e] = 1, [0x1f] = 1, ['"'] = 1,  ['\\'] = 1};

/* Copies s (quoted) to o when nothing in it needs escaping; returns the
 * bytes written, or 0 so that the caller escapes it the slow way. */
static size_t put_plain(char *o, const char *s, size_t n) {
  o[0] = '"';
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (needs_escape[c]) return 0;
    o[1 + i] = (char)c;
  }
  o[n + 1] = '"';
  return n + 2;
}

void sb_jw_keyn(sb_jw *w, const char *key, size_t n) {
  /* The common case in one reservation: separator, indent, key, ": ". */
  int depth = w->depth;
  if (depth >= 0 && depth < SB_FAST_DEPTH && n < 256) {
    char *o = sb_buf_room(w->buf, 1 + sizeof sb_jw_indent + n + 2 + 2);
    if (!o) return;
    size_t k = !w->first[depth];
    o[0] = ',';
    memcpy(o + k, sb_jw_indent, sizeof sb_jw_indent);
    k += 1 + 2 * (size_t)depth;
    size_t q = put_plain(o + k, key, n);
    if (q) {
      k += q;
      o[k++] = ':';
      o[k++] = ' ';
      w->buf->len += k;
      w->first[depth] = false;
      w->after_key = true;
      return;
    }
  }
  if (!w->first[w->depth]) sb_buf_putc(w->buf, ',');
  w->first[w->depth] = false;
  indent(w);
  sb_json_escape(w->buf, key, n);
  sb_buf_put(w->buf, ": ", 2);
  w->after_key = true;
}

void sb_jw_key_quoted_slow(sb_jw *w, const char *qk, size_t n) {
  /* qk is "\"key\": ": the key is between the quotes. */
  sb_jw_keyn(w, qk + 1, n - 4);
}

void sb_json_escape(sb_buf *b, const char *s, size_t n) {
  static const char hex[] = "0123456789abcdef";
  /* Copy first, escape only if needed; a long string is not worth copying
   * twice when an escape turns up at its end. */
  if (n < ((size_t)1 << 20)) {
    char *o = sb_buf_room(b, n + 2);
    if (!o) return;
    size_t q = put_plain(o, s, n);
    if (q) {
      b->len += q;
      return;
    }
  }
  sb_buf_putc(b, '"');
  size_t run = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    sb_buf_put(b, s + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': sb_buf_put(b, "\\\"", 2); break;
      case '\\': sb_buf_put(b, "\\\\", 2); break;
      case '\n': sb_buf_put(b, "\\n", 2); break;
      case '\r': sb_buf_put(b, "\\r", 2); break;
      case '\t': sb_buf_put(b, "\\t", 2); break;
      case '\b': sb_buf_put(b, "\\b", 2); break;
      case '\f': sb_buf_put(b, "\\f", 2); break;
      default: {
        char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
        sb_buf_put(b, u, 6);
      }
    }
  }
  sb_buf_put(b, s + run, n - run);
  sb_buf_putc(b, '"');
}

void sb_jw_strn(sb_jw *w, const char *s, size_t n) {
  before_value(w);
  sb_json_escape(w->buf, s, n);
}

void sb_jw_str_or_null(sb_jw *w, const char *s) {
  if (s) sb_jw_str(w, s);
  else sb_jw_null(w);
}

void sb_jw_int(sb_jw *w, int64_t v) {
  before_value(w);
  put_u64(w->buf, v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v, v < 0);
}

void sb_jw_uint(sb_jw *w, uint64_t v) {
  before_value(w);
  put_u64(w->buf, v, false);
}

void sb_jw_num(sb_jw *w, double v) {
  before_value(w);
  if (!isfinite(v)) {
    /* JSON has no NaN or Infinity; never produced by valid input. */
    sb_buf_puts(w->buf, "null");
    return;
  }
  if (v == floor(v) && fabs(v) < 9007199254740992.0) {
    long long i = (long long)v;
    put_u64(w->buf, i < 0 ? (uint64_t)0 - (uint64_t)i : (uint64_t)i, i < 0);
    return;
  }
  /* The shortest of %.15g..%.17g that reads back exactly (snprintf and
   * strtod share the C library's locale, so the check holds in any). */
  char tmp[48];
  for (int prec = 15; prec <= 17; prec++) {
    snprintf(tmp, sizeof tmp, "%.*g", prec, v);
    if (strtod(tmp, NULL) == v) break;
  }
  /* JSON's decimal point is '.', whatever LC_NUMERIC the host chose (a
   * German host's snprintf writes "7,5"): replace the locale's point, which
   * may be several bytes, by '.'. */
  char out[48];
  size_t n = 0;
  for (const char *c = tmp; *c; c++) {
    bool numeric = (*c >= '0' && *c <= '9') || *c == '-' || *c == '+' ||
                   *c == 'e' || *c == 'E';
    if (numeric) out[n++] = *c;
    else if (n == 0 || out[n - 1] != '.') out[n++] = '.';
  }
  sb_buf_put(w->buf, out, n);
}

void sb_jw_bool(sb_jw *w, bool v) {
  before_value(w);
  sb_buf_puts(w->buf, v ? "true" : "false");
}

void sb_jw_null(sb_jw *w) {
  before_value(w);
  sb_buf_puts(w->buf, "null");
}

void sb_jw_date(sb_jw *w, sb_day d) {
  char s[11];
  sb_date_format(d, s);
  sb_jw_strn(w, s, 10);
}

void sb_jw_time(sb_jw *w, int32_t minutes) {
  char s[6];
  sb_time_format(minutes, s);
  sb_jw_strn(w, s, 5);
}

void sb_jw_splice(sb_jw *w, const sb_buf *items, size_t count) {
  if (count == 0 || items->len == 0) return;
  /* The items begin with their own newline and indent; a separator is
   * needed only when w's array already has items. */
  if (!w->first[w->depth]) sb_buf_putc(w->buf, ',');
  w->first[w->depth] = false;
  if (!w->sink || !w->sink->chunk) {
    sb_buf_put(w->buf, items->data, items->len);
    return;
  }
  /* Streamed in pieces: a log of tens of megabytes is not copied whole. */
  for (size_t at = 0; at < items->len;) {
    size_t room = w->buf->len < w->sink->chunk ? w->sink->chunk - w->buf->len : 0;
    size_t n = items->len - at < room ? items->len - at : room;
    sb_buf_put(w->buf, items->data + at, n);
    at += n;
    if (w->buf->len >= w->sink->chunk) w->sink->flush(w->sink, w->buf);
    if (w->buf->oom) return;
  }
}
