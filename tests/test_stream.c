/* senbid_solve_to(): the streamed result is byte for byte the text of
 * senbid_solve(), for every kind and method, with a status other than ok,
 * and across chunks; a failing writer gives IO and breaks nothing. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "helpers.h"

#ifndef EXAMPLES_DATA_DIR
#define EXAMPLES_DATA_DIR TEST_DATA_DIR "/../../examples/data"
#endif
#define SHARED_DIR TEST_DATA_DIR "/../../../shared"

/* What the writer received, and when it should refuse. */
typedef struct sink {
  char *text;
  size_t len;
  int calls;
  int fail_at; /* refuse the call with this number (from 1); 0: never */
} sink;

static int take(const char *data, size_t len, void *payload) {
  sink *s = payload;
  s->calls++;
  if (s->fail_at && s->calls >= s->fail_at) return -1;
  char *t = realloc(s->text, s->len + len + 1);
  if (!t) return -1;
  memcpy(t + s->len, data, len);
  s->text = t;
  s->len += len;
  t[s->len] = '\0';
  return 0;
}

/* 5 ms at the start of the solve: past a 1 ms limit before the first
 * solver call, so both runs stop at the same point. */
static int spend(const senbid_progress *pr, void *payload) {
  (void)payload;
  if (strcmp(pr->phase, "start") == 0) {
    struct timespec ts = {0, 5000000};
    while (nanosleep(&ts, &ts) != 0) {
    }
  }
  return 0;
}

/* Solves p both ways with opts and asserts the same bytes and outcome;
 * returns the number of writer calls. */
static int same_both_ways(const senbid_problem *p,
                          const senbid_solve_options *opts, const char *what) {
  senbid_result *res = NULL;
  senbid_error *err = NULL;
  int rc = senbid_solve(&res, p, opts, &err);
  sink s = {0};
  int outcome = -1;
  senbid_error *err2 = NULL;
  int rc2 = senbid_solve_to(p, opts, take, &s, &outcome, &err2);
  assert_int_equal(rc2, rc);
  if (rc != SENBID_OK) {
    assert_int_equal(senbid_error_code(err2), senbid_error_code(err));
    senbid_error_free(err);
    senbid_error_free(err2);
    free(s.text);
    return s.calls;
  }
  size_t len = 0;
  const char *text = senbid_result_json(res, &len);
  if (s.len != len || memcmp(s.text, text, len) != 0) {
    print_error("%s: streamed text differs (%zu vs %zu bytes)\n", what, s.len,
                len);
    fail();
  }
  assert_int_equal(outcome, senbid_result_outcome(res));
  senbid_result_free(res);
  free(s.text);
  return s.calls;
}

static void both_methods(const char *path) {
  size_t len = 0;
  char *json = th_read_file(path, &len);
  senbid_problem *p = NULL;
  if (senbid_problem_parse(&p, json, len, NULL, NULL) != SENBID_OK) {
    free(json); /* an error case of the conformance set */
    return;
  }
  senbid_solve_options o = SENBID_SOLVE_OPTIONS_INIT;
  for (int m = 0; m < 2; m++) {
    o.method = m;
    same_both_ways(p, &o, path);
  }
  /* Out of time: the head carries "time_limit". */
  o.method = SENBID_METHOD_LEXICOGRAPHIC;
  o.time_limit_ms = 1;
  o.progress = spend;
  same_both_ways(p, &o, path);
  senbid_problem_free(p);
  free(json);
}

static void demos_stream_identically(void **state) {
  (void)state;
  const char *demos[] = {"leave_demo.json", "shiftbid_demo.json",
                         "aws_demo.json", "assign_demo.json"};
  for (size_t i = 0; i < sizeof demos / sizeof demos[0]; i++) {
    char path[512];
    snprintf(path, sizeof path, "%s/%s", EXAMPLES_DATA_DIR, demos[i]);
    both_methods(path);
  }
}

/* Every problem of the shared conformance sets (infeasible ones too). */
static void conformance_streams_identically(void **state) {
  (void)state;
  const char *sets[] = {"conformance", "conformance-lexicographic"};
  int seen = 0;
  for (int k = 0; k < 2; k++) {
    char dir[512];
    snprintf(dir, sizeof dir, "%s/%s", SHARED_DIR, sets[k]);
    DIR *d = opendir(dir);
    if (!d) continue;
    struct dirent *e;
    while ((e = readdir(d))) {
      if (e->d_name[0] == '.' || strchr(e->d_name, '.')) continue;
      char sub[768];
      snprintf(sub, sizeof sub, "%s/%s", dir, e->d_name);
      DIR *d2 = opendir(sub);
      struct dirent *f;
      while (d2 && (f = readdir(d2))) {
        const char *suf = strstr(f->d_name, ".problem.json");
        if (!suf || suf[13]) continue;
        char path[1100];
        snprintf(path, sizeof path, "%s/%s", sub, f->d_name);
        both_methods(path);
        seen++;
      }
      if (d2) closedir(d2);
    }
    closedir(d);
  }
  /* Without the sets beside the repository there is nothing to compare
   * (a TAP comment: meson 1.0 counts cmocka's skip() as a failure). */
  if (!seen) print_message("# no conformance sets beside the repository\n");
}

/* A leave roster whose result is several chunks long. */
static char *big_leave(int n) {
  size_t cap = (size_t)n * 400 + 4096, len = 0;
  char *s = malloc(cap);
  assert_non_null(s);
  len += (size_t)snprintf(s + len, cap - len,
                          "{\"senbid\": 1, \"kind\": \"leave\", \"as_of\": "
                          "\"2026-07-15\", \"seniority\": {\"policy\": "
                          "\"nbpc-2019\"}, \"employees\": [");
  for (int i = 0; i < n; i++)
    len += (size_t)snprintf(
        s + len, cap - len,
        "%s{\"id\": \"E%06d\", \"service\": {\"series_start\": "
        "\"20%02d-01-%02d\", \"usbp_start\": \"2010-01-01\", \"cbp_start\": "
        "\"2010-01-01\"}, \"group\": \"G%d\"}",
        i ? ", " : "", i, 0 + i % 20, 1 + i % 28, i % 7);
  len += (size_t)snprintf(s + len, cap - len,
                          "], \"period\": {\"start\": \"2026-10-01\", \"end\": "
                          "\"2027-03-31\"}, \"capacity\": {\"default\": 3}, "
                          "\"requests\": [");
  for (int i = 0; i < n; i++)
    len += (size_t)snprintf(
        s + len, cap - len,
        "%s{\"employee\": \"E%06d\", \"choices\": [{\"id\": \"c\", "
        "\"options\": [{\"start\": \"2026-11-%02d\", \"end\": "
        "\"2026-11-%02d\"}, {\"start\": \"2027-01-%02d\", \"end\": "
        "\"2027-01-%02d\"}]}]}",
        i ? ", " : "", i, 1 + i % 20, 3 + i % 20, 1 + i % 25, 4 + i % 25);
  snprintf(s + len, cap - len, "]}");
  return s;
}

static void long_results_stream_in_chunks(void **state) {
  (void)state;
  char *json = big_leave(12000);
  senbid_problem *p = th_parse_ok(json);
  senbid_solve_options o = SENBID_SOLVE_OPTIONS_INIT;
  for (int m = 0; m < 2; m++) {
    o.method = m;
    int calls = same_both_ways(p, &o, "big leave");
    assert_true(calls > 1);
  }
  senbid_problem_free(p);
  free(json);
}

/* A writer that refuses gives IO, is not called again, and the problem
 * solves as before. */
static void failing_writer_gives_io(void **state) {
  (void)state;
  char *json = big_leave(12000);
  senbid_problem *p = th_parse_ok(json);
  for (int at = 1; at <= 2; at++) {
    sink s = {0};
    s.fail_at = at;
    senbid_error *err = NULL;
    int outcome = -1;
    assert_int_equal(senbid_solve_to(p, NULL, take, &s, &outcome, &err),
                     SENBID_E_IO);
    assert_int_equal(senbid_error_code(err), SENBID_E_IO);
    assert_int_equal(s.calls, at);
    senbid_error_free(err);
    free(s.text);
  }
  same_both_ways(p, NULL, "after a failed writer");
  senbid_problem_free(p);
  free(json);
}

static void bad_arguments(void **state) {
  (void)state;
  char *json = big_leave(3);
  senbid_problem *p = th_parse_ok(json);
  senbid_error *err = NULL;
  int outcome = 7;
  assert_int_equal(senbid_solve_to(p, NULL, NULL, NULL, &outcome, &err),
                   SENBID_E_ARGUMENT);
  assert_int_equal(senbid_error_code(err), SENBID_E_ARGUMENT);
  senbid_error_free(err);
  sink s = {0};
  assert_int_equal(senbid_solve_to(NULL, NULL, take, &s, NULL, NULL),
                   SENBID_E_ARGUMENT);
  assert_int_equal(s.calls, 0);
  senbid_solve_options bad = SENBID_SOLVE_OPTIONS_INIT;
  bad.flags = 0x80; /* no such flag */
  assert_int_equal(senbid_solve_to(p, &bad, take, &s, NULL, NULL),
                   SENBID_E_ARGUMENT);
  assert_int_equal(s.calls, 0);
  senbid_problem_free(p);
  free(json);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(demos_stream_identically),
      cmocka_unit_test(conformance_streams_identically),
      cmocka_unit_test(long_results_stream_in_chunks),
      cmocka_unit_test(failing_writer_gives_io),
      cmocka_unit_test(bad_arguments),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
