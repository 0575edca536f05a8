/* libFuzzer harness for the CSV reader of `senbid import` (examples/csv.c).
 * Asserts its contract, not only "no crash": every row and field has a
 * line and column that make sense, every field is NUL-free valid UTF-8 of
 * the length it says, a syntax error has a position and a message, and the
 * same bytes read twice give the same rows. */
#include <assert.h>
#include <stdint.h>
#include <string.h>

#include "csv.h"

/* Reads everything; returns a digest of the rows, or of the error. */
static uint64_t read_all(const uint8_t *data, size_t size) {
  csv_reader r;
  csv_init(&r, (const char *)data, size);
  csv_row row = {0};
  uint64_t h = 0xcbf29ce484222325u;
  long last_line = 0;
  long newlines = 1;
  for (size_t i = 0; i < size; i++) newlines += data[i] == '\n' || (data[i] == '\r' && !(i + 1 < size && data[i + 1] == '\n'));
  int rc;
  while ((rc = csv_next(&r, &row)) > 0) {
    assert(row.n >= 1);
    assert(row.line > last_line && row.line <= newlines);
    last_line = row.line;
    for (int i = 0; i < row.n; i++) {
      const csv_field *f = &row.fields[i];
      assert(f->col == i + 1);
      assert(f->line >= row.line && f->line <= newlines);
      assert(strlen(f->text) == f->len);
      assert(csv_utf8_ok(f->text, f->len));
      for (size_t k = 0; k < f->len; k++) h = (h ^ (uint8_t)f->text[k]) * 0x100000001b3u;
      h = (h ^ 0x1f) * 0x100000001b3u;
    }
    h = (h ^ 0x1e) * 0x100000001b3u;
  }
  if (rc < 0) {
    assert(r.err && r.err[0]);
    assert(r.err_line >= 1 && r.err_line <= newlines);
    assert(r.err_col >= 1);
    h ^= (uint64_t)r.err_line << 32 ^ (uint64_t)r.err_col;
  }
  csv_row_free(&row);
  return h;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  assert(read_all(data, size) == read_all(data, size));
  return 0;
}
