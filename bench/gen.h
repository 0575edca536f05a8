/* Deterministic generated rosters for benchmarks. */
#ifndef SENBID_BENCH_GEN_H
#define SENBID_BENCH_GEN_H

#include <stddef.h>
#include <stdint.h>

typedef struct gen_rng {
  uint64_t s;
} gen_rng;

uint64_t gen_next(gen_rng *r);
/* Uniform in [0, n). */
uint32_t gen_below(gen_rng *r, uint32_t n);

/* Appends to a growable string. */
typedef struct gen_buf {
  char *data;
  size_t len, cap;
} gen_buf;
void gen_printf(gen_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void gen_free(gen_buf *b);

/* Writes `n` employees (an NBPC roster with service dates, names, two
 * groups and grades) as the members of a JSON array, without brackets.
 * Roughly 1 in 50 share all dates with another, so ties occur. */
void gen_employees(gen_buf *b, uint32_t n, uint64_t seed);

/* Seconds on a monotonic clock; peak resident memory in MiB. */
double gen_now(void);
double gen_peak_mib(void);

#endif
