#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

senbid_problem *th_parse_ok(const char *json) {
  senbid_problem *p = NULL;
  senbid_error *err = NULL;
  int rc = senbid_problem_parse(&p, json, strlen(json), NULL, &err);
  if (rc != SENBID_OK) {
    print_error("unexpected parse error %s at %s: %s\n", senbid_code_name(rc),
                senbid_error_path(err), senbid_error_message(err));
    senbid_error_free(err);
    fail();
  }
  return p;
}

void th_parse_fails(const char *json, int code, const char *path) {
  senbid_problem *p = NULL;
  senbid_error *err = NULL;
  int rc = senbid_problem_parse(&p, json, strlen(json), NULL, &err);
  assert_null(p);
  if (rc != code || senbid_error_code(err) != code ||
      (path && strcmp(senbid_error_path(err), path) != 0)) {
    print_error("expected %s at %s, got %s at %s: %s\n", senbid_code_name(code),
                path ? path : "(any)", senbid_code_name(rc),
                senbid_error_path(err), senbid_error_message(err));
    senbid_error_free(err);
    fail();
  }
  /* Messages are one line (SPEC section 8). */
  assert_null(strchr(senbid_error_message(err), '\n'));
  senbid_error_free(err);
}

char *th_solve_text(const char *json, int method) {
  senbid_problem *p = th_parse_ok(json);
  senbid_solve_options opts = SENBID_SOLVE_OPTIONS_INIT;
  opts.method = method;
  senbid_result *res = NULL;
  senbid_error *err = NULL;
  int rc = senbid_solve(&res, p, &opts, &err);
  senbid_problem_free(p);
  if (rc != SENBID_OK) {
    print_error("unexpected solve error %s at %s: %s\n", senbid_code_name(rc),
                senbid_error_path(err), senbid_error_message(err));
    senbid_error_free(err);
    fail();
  }
  size_t len;
  const char *text = senbid_result_json(res, &len);
  char *copy = malloc(len + 1);
  assert_non_null(copy);
  memcpy(copy, text, len + 1);
  senbid_result_free(res);
  return copy;
}

static double now_s(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* Busy-waits 5 ms at the start of the solve: past a 1 ms limit. */
static int spend_limit(const senbid_progress *pr, void *payload) {
  (void)payload;
  if (strcmp(pr->phase, "start") == 0) {
    double t0 = now_s();
    while (now_s() - t0 < 0.005) {
    }
  }
  return 0;
}

cJSON *th_solve_out_of_time(const senbid_problem *p) {
  senbid_solve_options o = SENBID_SOLVE_OPTIONS_INIT;
  o.method = SENBID_METHOD_LEXICOGRAPHIC;
  o.time_limit_ms = 1;
  o.progress = spend_limit;
  senbid_result *res = NULL;
  senbid_error *err = NULL;
  assert_int_equal(senbid_solve(&res, p, &o, &err), SENBID_OK);
  assert_int_equal(senbid_result_outcome(res), SENBID_OUTCOME_TIME_LIMIT);
  cJSON *doc = cJSON_Parse(senbid_result_json(res, NULL));
  senbid_result_free(res);
  assert_non_null(doc);
  assert_string_equal(th_str(doc, "status"), "time_limit");
  return doc;
}

cJSON *th_solve(const char *json, int method) {
  char *text = th_solve_text(json, method);
  cJSON *doc = cJSON_Parse(text);
  free(text);
  assert_non_null(doc);
  return doc;
}

char *th_read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    print_error("cannot open %s\n", path);
    fail();
  }
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *buf = malloc((size_t)n + 1);
  assert_non_null(buf);
  assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
  buf[n] = '\0';
  fclose(f);
  if (len) *len = (size_t)n;
  return buf;
}

/* GCC 12 with -fsanitize=undefined wrongly sees a null format here. */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wformat-truncation"
#endif
/* th_fmt fills the tests' document templates, held in variables. */
#if defined(__clang__)
#pragma clang diagnostic ignored "-Wformat-nonliteral"
#endif
char *th_fmt(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  char *s = malloc((size_t)n + 1);
  assert_non_null(s);
  va_start(ap, fmt);
  vsnprintf(s, (size_t)n + 1, fmt, ap);
  va_end(ap);
  return s;
}

const cJSON *th_get(const cJSON *obj, const char *key) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
  if (!v) {
    print_error("member \"%s\" is missing\n", key);
    fail();
  }
  return v;
}

const char *th_str(const cJSON *obj, const char *key) {
  const cJSON *v = th_get(obj, key);
  if (!cJSON_IsString(v)) {
    print_error("member \"%s\" is not a string\n", key);
    fail();
  }
  return v->valuestring;
}

double th_num(const cJSON *obj, const char *key) {
  const cJSON *v = th_get(obj, key);
  if (!cJSON_IsNumber(v)) {
    print_error("member \"%s\" is not a number\n", key);
    fail();
  }
  return v->valuedouble;
}

void th_assert_emp_nums(const cJSON *res, const char *key, int n,
                        const char *const *ids, const int *want) {
  const cJSON *emps = th_get(res, "employees");
  for (int k = 0; k < cJSON_GetArraySize(emps); k++) {
    const cJSON *em = th_at(emps, k);
    const char *id = th_str(em, "employee");
    int w = 0;
    for (int i = 0; i < n; i++)
      if (strcmp(id, ids[i]) == 0) w = want[i];
    if ((int)th_num(em, key) != w) {
      print_error("%s: %s is %g, not %d\n", id, key, th_num(em, key), w);
      fail();
    }
  }
}

const cJSON *th_at(const cJSON *arr, int n) {
  const cJSON *v = cJSON_GetArrayItem(arr, n);
  if (!v) {
    print_error("no item %d (array of %d)\n", n, cJSON_GetArraySize(arr));
    fail();
  }
  return v;
}

void th_assert_strings(const cJSON *arr, int n, const char *const *expected) {
  assert_true(cJSON_IsArray(arr));
  assert_int_equal(cJSON_GetArraySize(arr), n);
  for (int i = 0; i < n; i++) {
    const cJSON *v = cJSON_GetArrayItem(arr, i);
    assert_true(cJSON_IsString(v));
    assert_string_equal(v->valuestring, expected[i]);
  }
}

int th_seeds(int n) {
  const char *light = getenv("SENBID_TEST_LIGHT");
  if (!light || !*light) return n;
  return n / 10 > 0 ? n / 10 : 1;
}

static void *tc_malloc(size_t n, void *payload) {
  th_counting *c = payload;
  long k = c->calls++;
  if (c->fail_at >= 0 && k >= c->fail_at) return NULL;
  void *p = c->raw_malloc ? c->raw_malloc(n) : malloc(n);
  if (p) c->live++;
  return p;
}

static void *tc_realloc(void *ptr, size_t n, void *payload) {
  th_counting *c = payload;
  long k = c->calls++;
  if (c->fail_at >= 0 && k >= c->fail_at) return NULL;
  void *p = c->raw_realloc ? c->raw_realloc(ptr, n) : realloc(ptr, n);
  if (p && !ptr) c->live++;
  return p;
}

static void tc_free(void *ptr, void *payload) {
  th_counting *c = payload;
  if (ptr) c->live--;
  if (c->raw_free) c->raw_free(ptr);
  else free(ptr);
}

senbid_allocator th_counting_allocator(th_counting *c) {
  senbid_allocator a = {tc_malloc, tc_realloc, tc_free, c};
  return a;
}
