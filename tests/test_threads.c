/* The header's thread statement: one problem solved from several threads at
 * once gives the same bytes as a single-threaded solve, for each method
 * (the lexicographic one runs GLPK, whose environment is per thread). */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

#define THREADS 4
#define ROUNDS 20

typedef struct job {
  const senbid_problem *problem;
  const char *expected;
  int method;
  int mismatches;
} job;

static int record_calls(const senbid_progress *pr, void *payload) {
  *(uint64_t *)payload = pr->solver_calls;
  return 0;
}

static char *solve_text(const senbid_problem *p, int method, uint64_t *calls) {
  senbid_solve_options so = SENBID_SOLVE_OPTIONS_INIT;
  so.method = method;
  if (calls) {
    so.progress = record_calls;
    so.progress_payload = calls;
  }
  senbid_result *r = NULL;
  if (senbid_solve(&r, p, &so, NULL) != SENBID_OK) return NULL;
  char *copy = strdup(senbid_result_json(r, NULL));
  senbid_result_free(r);
  return copy;
}

static void *worker(void *arg) {
  job *j = arg;
  for (int i = 0; i < ROUNDS; i++) {
    char *text = solve_text(j->problem, j->method, NULL);
    if (!text || strcmp(text, j->expected) != 0) j->mismatches++;
    free(text);
  }
  return NULL;
}

static void same_bytes_from_many_threads(void **state) {
  (void)state;
  /* The assignment demo's lexicographic solve runs GLPK. */
  const char *files[] = {"/roster.json", "/lex_leave.json",
                         "/../../examples/data/assign_demo.json"};
  uint64_t glpk_calls = 0;
  for (size_t f = 0; f < sizeof files / sizeof *files; f++) {
    char *path = th_fmt("%s%s", TEST_DATA_DIR, files[f]);
    char *doc = th_read_file(path, NULL);
    senbid_problem *p = th_parse_ok(doc);
    for (int method = 0; method < 2; method++) {
      uint64_t calls = 0;
      char *expected = solve_text(p, method, &calls);
      glpk_calls += calls;
      assert_non_null(expected);
      pthread_t t[THREADS];
      job jobs[THREADS];
      for (int i = 0; i < THREADS; i++) {
        jobs[i] = (job){p, expected, method, 0};
        assert_int_equal(pthread_create(&t[i], NULL, worker, &jobs[i]), 0);
      }
      for (int i = 0; i < THREADS; i++) {
        pthread_join(t[i], NULL);
        assert_int_equal(jobs[i].mismatches, 0);
      }
      free(expected);
    }
    senbid_problem_free(p);
    free(doc);
    free(path);
  }
  assert_true(glpk_calls > 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(same_bytes_from_many_threads),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
