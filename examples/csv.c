#include "csv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void csv_init(csv_reader *r, const char *text, size_t len) {
  r->p = text;
  r->end = text + len;
  if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) r->p += 3; /* byte-order mark */
  r->line = 1;
  r->err = NULL;
  r->err_line = 0;
  r->err_col = 0;
}

void csv_row_free(csv_row *row) {
  for (int i = 0; i < row->n; i++) free(row->fields[i].text);
  free(row->fields);
  row->fields = NULL;
  row->n = row->cap = 0;
}

bool csv_utf8_ok(const char *s, size_t len) {
  const unsigned char *p = (const unsigned char *)s, *e = p + len;
  while (p < e) {
    unsigned c = *p;
    if (c == 0) return false;
    if (c < 0x80) {
      p++;
      continue;
    }
    int n;
    unsigned min;
    if (c >= 0xC2 && c <= 0xDF) n = 1, min = 0x80, c &= 0x1F;
    else if (c >= 0xE0 && c <= 0xEF) n = 2, min = 0x800, c &= 0x0F;
    else if (c >= 0xF0 && c <= 0xF4) n = 3, min = 0x10000, c &= 0x07;
    else return false;
    if (e - p <= n) return false;
    for (int i = 1; i <= n; i++) {
      if ((p[i] & 0xC0) != 0x80) return false;
      c = c << 6 | (p[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return false;
    p += n + 1;
  }
  return true;
}

static int fail(csv_reader *r, long line, int col, const char *msg) {
  r->err = msg;
  r->err_line = line;
  r->err_col = col;
  return -1;
}

/* A growing byte buffer for one field. */
typedef struct sbuf {
  char *s;
  size_t n, cap;
} sbuf;

static bool put(sbuf *b, const char *s, size_t n) {
  if (b->n + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap : 32;
    while (cap < b->n + n + 1) cap *= 2;
    char *t = realloc(b->s, cap);
    if (!t) return false;
    b->s = t;
    b->cap = cap;
  }
  memcpy(b->s + b->n, s, n);
  b->n += n;
  b->s[b->n] = '\0';
  return true;
}

static bool add_field(csv_row *row, sbuf *b, long line, bool quoted) {
  if (row->n == row->cap) {
    int cap = row->cap ? row->cap * 2 : 8;
    csv_field *f = realloc(row->fields, (size_t)cap * sizeof *f);
    if (!f) return false;
    row->fields = f;
    row->cap = cap;
  }
  if (!b->s && !put(b, "", 0)) return false;
  char *s = b->s;
  size_t n = b->n;
  if (!quoted) { /* spreadsheets pad cells; quoting keeps the spaces */
    size_t a = 0;
    while (a < n && (s[a] == ' ' || s[a] == '\t')) a++;
    while (n > a && (s[n - 1] == ' ' || s[n - 1] == '\t')) n--;
    memmove(s, s + a, n - a);
    n -= a;
    s[n] = '\0';
  }
  row->fields[row->n] = (csv_field){s, n, line, row->n + 1};
  row->n++;
  b->s = NULL;
  b->n = b->cap = 0;
  return true;
}

static int eol(const csv_reader *r, const char *p) {
  if (p >= r->end) return 0;
  if (*p == '\n') return 1;
  if (*p == '\r') return p + 1 < r->end && p[1] == '\n' ? 2 : 1;
  return 0;
}

int csv_next(csv_reader *r, csv_row *row) {
  csv_row_free(row);
  /* Skip blank lines. */
  for (int k; r->p < r->end && (k = eol(r, r->p)) > 0; r->p += k) r->line++;
  if (r->p >= r->end) return 0;
  row->line = r->line;
  sbuf b = {NULL, 0, 0};
  for (;;) {
    long fline = r->line;
    int col = row->n + 1;
    bool quoted = false;
    const char *p = r->p;
    while (p < r->end && (*p == ' ' || *p == '\t')) p++;
    if (p < r->end && *p == '"') {
      quoted = true;
      p++;
      for (;;) {
        if (p >= r->end) {
          free(b.s);
          return fail(r, fline, col, "a quoted cell is not closed");
        }
        if (*p == '"') {
          if (p + 1 < r->end && p[1] == '"') {
            if (!put(&b, "\"", 1)) goto nomem;
            p += 2;
            continue;
          }
          p++;
          break;
        }
        const char *q = p;
        while (q < r->end && *q != '"') {
          if (*q == '\n' || (*q == '\r' && !(q + 1 < r->end && q[1] == '\n'))) r->line++;
          q++;
        }
        if (!put(&b, p, (size_t)(q - p))) goto nomem;
        p = q;
      }
      while (p < r->end && (*p == ' ' || *p == '\t')) p++;
      if (p < r->end && *p != ',' && !eol(r, p)) {
        free(b.s);
        return fail(r, r->line, col, "text after the closing quote of a cell");
      }
    } else {
      p = r->p;
      const char *q = p;
      while (q < r->end && *q != ',' && *q != '\n' && *q != '\r') q++;
      if (!put(&b, p, (size_t)(q - p))) goto nomem;
      p = q;
    }
    if (memchr(b.s ? b.s : "", '\0', b.n) || !csv_utf8_ok(b.s ? b.s : "", b.n)) {
      free(b.s);
      return fail(r, fline, col, "the cell is not valid UTF-8 text");
    }
    if (!add_field(row, &b, fline, quoted)) goto nomem;
    if (p < r->end && *p == ',') {
      r->p = p + 1;
      continue;
    }
    int k = eol(r, p);
    r->p = p + k;
    if (k) r->line++;
    return 1;
  }
nomem:
  free(b.s);
  return fail(r, r->line, row->n + 1, "out of memory");
}

void csv_put(FILE *f, const char *s) {
  bool formula = s[0] && strchr("=+-@", s[0]);
  if (!formula && !strpbrk(s, ",\"\n\r") && s[0] != ' ') {
    fputs(s, f);
    return;
  }
  fputc('"', f);
  if (formula) fputc('\'', f); /* never a spreadsheet formula */
  for (; *s; s++) {
    if (*s == '"') fputc('"', f);
    fputc(*s, f);
  }
  fputc('"', f);
}
