/* Shared test helpers (tests/helpers.c). Tests link the internal static
 * library, so they may also call sb_* functions from lib/internal.h. */
#ifndef SENBID_TEST_HELPERS_H
#define SENBID_TEST_HELPERS_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <cjson/cJSON.h>

#include "senbid/senbid.h"

/* Parses a problem that must be valid; fails the test otherwise. */
senbid_problem *th_parse_ok(const char *json);
/* Parses a problem that must be rejected with this code and JSON path
 * (path NULL: not checked). */
void th_parse_fails(const char *json, int code, const char *path);
/* Solves a valid problem with a method (SENBID_METHOD_*); returns the
 * result document parsed (free with cJSON_Delete). */
cJSON *th_solve(const char *json, int method);
/* Same, returning the text (free with free()). */
char *th_solve_text(const char *json, int method);
/* Solves p lexicographically with a 1 ms time limit that the progress
 * callback has already spent at the start (so the first GLPK solve finds
 * no time left); asserts outcome SENBID_OUTCOME_TIME_LIMIT and status
 * "time_limit" and returns the result document (free with cJSON_Delete).
 * p stays the caller's. */
cJSON *th_solve_out_of_time(const senbid_problem *p);
/* Reads a whole file (free with free()); fails the test when it cannot. */
char *th_read_file(const char *path, size_t *len);
/* A small JSON document builder: printf into a fresh malloc'd string. */
char *th_fmt(const char *fmt, ...);
/* Member access on parsed results; fail the test when absent. */
const cJSON *th_get(const cJSON *obj, const char *key);
const char *th_str(const cJSON *obj, const char *key);
double th_num(const cJSON *obj, const char *key);
/* The n-th item of an array (fails when out of range). */
const cJSON *th_at(const cJSON *arr, int n);
/* Asserts that each employee of a result's "employees" has its member
 * key equal to the number given for its id in ids/want (n of them), 0 for
 * an id not listed. */
void th_assert_emp_nums(const cJSON *res, const char *key, int n,
                        const char *const *ids, const int *want);
/* Asserts that arr is an array of exactly these strings. */
void th_assert_strings(const cJSON *arr, int n, const char *const *expected);
/* How many generated cases a property test runs: n, or a tenth of it (at
 * least 1) when SENBID_TEST_LIGHT is set, as under valgrind, where the
 * point is memory errors, not the generator's whole space. */
int th_seeds(int n);

/* A counting allocator that can be told to fail (the caller's allocator of
 * include/senbid/senbid.h, for the allocation tests of every kind): live
 * blocks, calls made (failed ones included), and from call number fail_at on (counting from 0;
 * -1: never) every call fails. The raw functions are the C library's when
 * NULL; a test that watches malloc itself sets them to the unwatched ones
 * (__real_malloc under --wrap, __libc_malloc when it replaces malloc). */
typedef struct th_counting {
  long live, calls, fail_at;
  void *(*raw_malloc)(size_t n);
  void *(*raw_realloc)(void *p, size_t n);
  void (*raw_free)(void *p);
} th_counting;
senbid_allocator th_counting_allocator(th_counting *c);

#endif
