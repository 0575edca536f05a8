/* A CSV reader (RFC 4180 as spreadsheets write it): quoted fields with
 * embedded commas, quotes ("") and line breaks, LF or CRLF line ends, a
 * UTF-8 byte-order mark. Each field keeps the line and column where it
 * starts, so every error can name them. Written here rather than taken
 * from Debian's libcsv because libcsv does not report positions. */
#ifndef SENBID_EXAMPLES_CSV_H
#define SENBID_EXAMPLES_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct csv_field {
  char *text;  /* NUL-terminated, unquoted; unquoted fields are trimmed */
  size_t len;
  long line;   /* 1-based physical line where the field starts */
  int col;     /* 1-based field number */
} csv_field;

typedef struct csv_row {
  csv_field *fields;
  int n, cap;
  long line; /* where the row starts */
} csv_row;

typedef struct csv_reader {
  const char *p, *end;
  long line;
  /* Set on a syntax error. */
  long err_line;
  int err_col;
  const char *err;
} csv_reader;

void csv_init(csv_reader *r, const char *text, size_t len);
/* Reads the next row into row (its old fields are freed). Returns 1 for a
 * row, 0 at the end, -1 on a syntax error (r->err, err_line, err_col) or
 * out of memory. Blank lines are skipped. */
int csv_next(csv_reader *r, csv_row *row);
void csv_row_free(csv_row *row);

/* Writes one cell, quoted when it must be; a cell starting with = + - @ is
 * quoted with a leading ' so that no spreadsheet runs it as a formula. */
void csv_put(FILE *f, const char *s);

/* True when s is valid UTF-8 (no NUL). */
bool csv_utf8_ok(const char *s, size_t len);

#endif
