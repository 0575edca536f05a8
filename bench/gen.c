#include "gen.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include "internal.h"

uint64_t gen_next(gen_rng *r) {
  uint64_t z = (r->s += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

uint32_t gen_below(gen_rng *r, uint32_t n) { return (uint32_t)(gen_next(r) % n); }

void gen_printf(gen_buf *b, const char *fmt, ...) {
  va_list ap;
  for (;;) {
    va_start(ap, fmt);
    int n = vsnprintf(b->data ? b->data + b->len : NULL, b->data ? b->cap - b->len : 0, fmt, ap);
    va_end(ap);
    if (n < 0) abort();
    if (b->data && (size_t)n < b->cap - b->len) {
      b->len += (size_t)n;
      return;
    }
    size_t cap = b->cap ? b->cap * 2 : 1 << 20;
    while (cap - b->len <= (size_t)n) cap *= 2;
    b->data = realloc(b->data, cap);
    if (!b->data) abort();
    b->cap = cap;
  }
}

void gen_free(gen_buf *b) {
  free(b->data);
  b->data = NULL;
  b->len = b->cap = 0;
}

/* Days after 1995-01-01, as a date string. */
static void date(char out[11], uint32_t day_offset) {
  sb_date_format(sb_date_from_ymd(1995, 1, 1) + (sb_day)day_offset, out);
}

void gen_employees(gen_buf *b, uint32_t n, uint64_t seed) {
  static const char *const last[] = {"Garcia", "Smith", "Nguyen", "O'Neil", "Lopez",
                                     "Brown", "Khan", "Miller", "Davis", "Reyes"};
  gen_rng r = {seed};
  for (uint32_t i = 0; i < n; i++) {
    /* Dates on a coarse grid make equal keys (ties) common enough. */
    uint32_t series = gen_below(&r, 2000) * 5, usbp = series + gen_below(&r, 3) * 30;
    char s1[11], s2[11], s3[11];
    date(s1, series);
    date(s2, usbp);
    date(s3, usbp + gen_below(&r, 2) * 100);
    gen_printf(b,
               "%s{\"id\": \"E%u\", \"name\": {\"last\": \"%s\", \"first\": \"F%u\"}, "
               "\"service\": {\"series_start\": \"%s\", \"usbp_start\": \"%s\", "
               "\"cbp_start\": \"%s\", \"scd\": \"%s\", \"eod\": \"%s\"}, "
               "\"group\": \"%s\", \"grade\": \"GS-%u\"}",
               i ? ", " : "", i, last[gen_below(&r, 10)], gen_below(&r, 500), s1, s2, s3,
               s3, s3, gen_below(&r, 2) ? "Station A" : "Station B", 9 + gen_below(&r, 4));
  }
}

double gen_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

double gen_peak_mib(void) {
  struct rusage u;
  getrusage(RUSAGE_SELF, &u);
  return (double)u.ru_maxrss / 1024.0;
}
