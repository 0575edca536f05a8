/* The public API's conventions: versions, codes, options, ownership,
 * allocators and out-of-memory paths. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

static const char doc[] =
    "{\"senbid\": 1, \"kind\": \"leave\", \"as_of\": \"2026-07-15\","
    " \"seniority\": {\"policy\": \"nbpc-2019\"}, \"employees\": ["
    "{\"id\": \"E1\", \"name\": {\"last\": \"Avila\"}, \"service\": {\"series_start\": \"2010-01-01\","
    " \"usbp_start\": \"2010-01-01\", \"cbp_start\": \"2010-01-01\"}},"
    "{\"id\": \"E2\", \"name\": {\"last\": \"Brown\"}, \"service\": {\"series_start\": \"2010-01-01\","
    " \"usbp_start\": \"2010-01-01\", \"cbp_start\": \"2010-01-01\"}}],"
    " \"period\": {\"start\": \"2026-10-01\", \"end\": \"2027-03-31\"}, \"requests\": []}";

static void versions(void **state) {
  (void)state;
  assert_string_equal(senbid_version(), SENBID_VERSION_STRING);
  assert_int_equal(senbid_version_number(), SENBID_VERSION_NUMBER);
  assert_int_equal(senbid_format_version(), 1);
  assert_int_equal(senbid_limit(SENBID_LIMIT_EMPLOYEES), 1000000);
  assert_int_equal(senbid_limit(SENBID_LIMIT_CHOICES), 64);
  assert_int_equal(senbid_limit(SENBID_LIMIT_AWS_OPTIONS), 64);
  assert_int_equal(senbid_limit(SENBID_LIMIT_SHIFTS), 1000);
  assert_int_equal(senbid_limit(SENBID_LIMIT_RANGE_DAYS), 3660);
  assert_int_equal(senbid_limit(99), 0);
}

/* The numeric values are ABI: they never change. */
static void codes_are_pinned(void **state) {
  (void)state;
  static const struct { int code; const char *name; } pinned[] = {
      {0, "OK"}, {-1, "JSON"}, {-2, "MISSING"}, {-3, "TYPE"}, {-4, "DATE"},
      {-5, "TIME"}, {-6, "RANGE"}, {-7, "DUPLICATE"}, {-8, "UNKNOWN_ID"},
      {-9, "NEGATIVE"}, {-10, "UNKNOWN_MEMBER"}, {-11, "VALUE"}, {-12, "LIMIT"},
      {-13, "ROTATION"}, {-14, "IO"}, {-15, "SOLVER"}, {-16, "NOMEM"},
      {-17, "ARGUMENT"}, {-18, "VERSION"}, {-19, "UNSUPPORTED"}, {-20, "CANCELLED"}};
  for (size_t i = 0; i < sizeof pinned / sizeof *pinned; i++) {
    assert_string_equal(senbid_code_name(pinned[i].code), pinned[i].name);
    assert_true(strlen(senbid_strerror(pinned[i].code)) > 0);
  }
  assert_string_equal(senbid_code_name(-1000), "UNKNOWN");
  assert_non_null(senbid_strerror(12345));
}

static void options_versions(void **state) {
  (void)state;
  senbid_parse_options po;
  senbid_solve_options so;
  assert_int_equal(senbid_parse_options_init(&po, SENBID_PARSE_OPTIONS_VERSION), SENBID_OK);
  assert_int_equal(po.version, SENBID_PARSE_OPTIONS_VERSION);
  assert_null(po.allocator);
  assert_int_equal(senbid_parse_options_init(&po, 99), SENBID_E_VERSION);
  assert_int_equal(senbid_parse_options_init(NULL, 1), SENBID_E_ARGUMENT);
  assert_int_equal(senbid_solve_options_init(&so, SENBID_SOLVE_OPTIONS_VERSION), SENBID_OK);
  assert_int_equal(so.method, SENBID_METHOD_ROUND_ROBIN);
  assert_int_equal(so.time_limit_ms, 0);
  assert_int_equal(senbid_solve_options_init(&so, 0), SENBID_E_VERSION);

  /* Unknown versions are rejected by the calls too. */
  senbid_problem *p = NULL;
  senbid_error *err = NULL;
  po.version = 7;
  assert_int_equal(senbid_problem_parse(&p, doc, strlen(doc), &po, &err), SENBID_E_VERSION);
  assert_null(p);
  assert_int_equal(senbid_error_code(err), SENBID_E_VERSION);
  senbid_error_free(err);
  err = NULL;
  p = th_parse_ok(doc);
  so.version = 2;
  senbid_result *res = NULL;
  assert_int_equal(senbid_solve(&res, p, &so, &err), SENBID_E_VERSION);
  assert_null(res);
  senbid_error_free(err);
  err = NULL;
  so.version = SENBID_SOLVE_OPTIONS_VERSION;
  so.method = 9;
  assert_int_equal(senbid_solve(&res, p, &so, &err), SENBID_E_ARGUMENT);
  senbid_error_free(err);
  senbid_problem_free(p);
}

static void null_arguments(void **state) {
  (void)state;
  senbid_problem *p = (senbid_problem *)1;
  assert_int_equal(senbid_problem_parse(NULL, doc, strlen(doc), NULL, NULL), SENBID_E_ARGUMENT);
  assert_int_equal(senbid_problem_parse(&p, NULL, 5, NULL, NULL), SENBID_E_ARGUMENT);
  assert_null(p);
  senbid_result *r = (senbid_result *)1;
  assert_int_equal(senbid_solve(&r, NULL, NULL, NULL), SENBID_E_ARGUMENT);
  assert_null(r);
  assert_int_equal(senbid_rank(NULL, NULL, NULL), SENBID_E_ARGUMENT);
  assert_int_equal(senbid_check(NULL, NULL, NULL, 0, NULL), SENBID_E_ARGUMENT);
  assert_int_equal(senbid_export_lp(NULL, NULL, NULL, NULL), SENBID_E_ARGUMENT);
  /* Every _free accepts NULL; accessors accept NULL. */
  senbid_problem_free(NULL);
  senbid_result_free(NULL);
  senbid_error_free(NULL);
  assert_int_equal(senbid_error_code(NULL), SENBID_OK);
  assert_string_equal(senbid_error_path(NULL), "");
  assert_string_equal(senbid_problem_kind(NULL), "");
  assert_int_equal(senbid_result_outcome(NULL), SENBID_OUTCOME_OK);
}

static void error_objects(void **state) {
  (void)state;
  senbid_problem *p = NULL;
  senbid_error *err = NULL;
  const char *bad = "{\"senbid\": 1, \"kind\": \"leave\", \"as_of\": \"2026-7-15\"}";
  assert_int_equal(senbid_problem_parse(&p, bad, strlen(bad), NULL, &err), SENBID_E_DATE);
  assert_non_null(err);
  assert_int_equal(senbid_error_code(err), SENBID_E_DATE);
  assert_string_equal(senbid_error_path(err), "$.as_of");
  assert_non_null(strstr(senbid_error_message(err), "2026-7-15"));
  senbid_error_free(err);
  /* Without an error pointer the code alone comes back. */
  assert_int_equal(senbid_problem_parse(&p, bad, strlen(bad), NULL, NULL), SENBID_E_DATE);
  /* Input need not be NUL-terminated. */
  char *copy = malloc(sizeof doc - 1);
  memcpy(copy, doc, sizeof doc - 1);
  assert_int_equal(senbid_problem_parse(&p, copy, sizeof doc - 1, NULL, NULL), SENBID_OK);
  free(copy);
  senbid_problem_free(p);
}

static void custom_allocator_owns_everything(void **state) {
  (void)state;
  th_counting c = {.fail_at = -1};
  senbid_allocator a = th_counting_allocator(&c);
  senbid_parse_options po = SENBID_PARSE_OPTIONS_INIT;
  po.allocator = &a;
  senbid_problem *p = NULL;
  assert_int_equal(senbid_problem_parse(&p, doc, strlen(doc), &po, NULL), SENBID_OK);
  assert_true(c.live > 0);
  senbid_result *r = NULL;
  assert_int_equal(senbid_rank(&r, p, NULL), SENBID_OK);
  senbid_problem_free(p); /* results outlive their problem */
  assert_non_null(strstr(senbid_result_json(r, NULL), "\"E1\""));
  senbid_result_free(r);
  assert_int_equal(c.live, 0);

  senbid_allocator broken = th_counting_allocator(&c);
  broken.realloc_fn = NULL;
  po.allocator = &broken;
  assert_int_equal(senbid_problem_parse(&p, doc, strlen(doc), &po, NULL), SENBID_E_ARGUMENT);
}

/* Every allocation failure gives NOMEM (or, for the error object itself, at
 * least the code) and leaks nothing. */
static void out_of_memory_everywhere(void **state) {
  (void)state;
  for (long n = 0;; n++) {
    th_counting c = {.fail_at = n};
    senbid_allocator a = th_counting_allocator(&c);
    senbid_parse_options po = SENBID_PARSE_OPTIONS_INIT;
    po.allocator = &a;
    senbid_problem *p = NULL;
    senbid_error *err = NULL;
    int rc = senbid_problem_parse(&p, doc, strlen(doc), &po, &err);
    if (rc == SENBID_OK) {
      senbid_result *r = NULL;
      rc = senbid_rank(&r, p, &err);
      if (rc != SENBID_OK) assert_int_equal(rc, SENBID_E_NOMEM);
      senbid_result_free(r);
      senbid_error_free(err);
      senbid_problem_free(p);
      assert_int_equal(c.live, 0);
      if (rc == SENBID_OK) break;
      continue;
    }
    assert_int_equal(rc, SENBID_E_NOMEM);
    assert_null(p);
    senbid_error_free(err);
    assert_int_equal(c.live, 0);
    assert_true(n < 10000);
  }
}

/* The same for solving, on a leave roster with an approved leave, a grant,
 * an alternate and a denial, so that every part of the result (the
 * records, the audit written straight into the result, notify) meets a
 * failed allocation: NOMEM, no result, no leak. */
static void solve_out_of_memory_everywhere(void **state) {
  (void)state;
  static const char leave[] =
      "{\"senbid\": 1, \"kind\": \"leave\", \"as_of\": \"2026-07-15\","
      " \"seniority\": {\"policy\": \"list\", \"order\": [\"E1\", \"E2\"]},"
      " \"employees\": [{\"id\": \"E1\"}, {\"id\": \"E2\"}],"
      " \"period\": {\"start\": \"2026-10-01\", \"end\": \"2027-03-31\"},"
      " \"capacity\": {\"default\": 1},"
      " \"approved\": [{\"employee\": \"E2\", \"start\": \"2026-10-05\", \"end\": \"2026-10-06\"}],"
      " \"requests\": [{\"employee\": \"E1\", \"choices\": [{\"id\": \"a\", \"options\":"
      " [{\"start\": \"2026-11-02\", \"end\": \"2026-11-06\"}]}]},"
      " {\"employee\": \"E2\", \"choices\": [{\"id\": \"a\", \"options\":"
      " [{\"start\": \"2026-11-02\", \"end\": \"2026-11-03\"},"
      " {\"start\": \"2026-11-09\", \"end\": \"2026-11-10\"}]},"
      " {\"id\": \"b\", \"options\": [{\"start\": \"2026-11-05\", \"end\": \"2026-11-05\"}]}]}]}";
  th_counting c = {.fail_at = -1};
  senbid_allocator a = th_counting_allocator(&c);
  senbid_parse_options po = SENBID_PARSE_OPTIONS_INIT;
  po.allocator = &a;
  senbid_problem *p = NULL;
  assert_int_equal(senbid_problem_parse(&p, leave, strlen(leave), &po, NULL), SENBID_OK);
  long base = c.live;
  for (long n = 0;; n++) {
    c.calls = 0;
    c.fail_at = n;
    senbid_result *r = NULL;
    senbid_error *err = NULL;
    int rc = senbid_solve(&r, p, NULL, &err);
    if (rc == SENBID_OK) {
      const char *text = senbid_result_json(r, NULL);
      assert_non_null(strstr(text, "\"event\": \"deny\""));
      assert_non_null(strstr(text, "\"event\": \"approved\""));
      senbid_result_free(r);
      assert_int_equal(c.live, base);
      break;
    }
    assert_int_equal(rc, SENBID_E_NOMEM);
    assert_null(r);
    senbid_error_free(err);
    assert_int_equal(c.live, base);
    assert_true(n < 10000);
  }
  c.fail_at = -1;
  senbid_problem_free(p);
  assert_int_equal(c.live, 0);
}

/* check takes only a result of the problem's kind (SPEC section 7): a
 * result of another kind, "{}" or the problem document itself is an input
 * error naming the member at fault, for every kind. */
static void check_wrong_documents(void **state) {
  (void)state;
  static const char *const demos[] = {"leave", "shiftbid", "aws", "assign"};
  char *text[4], *result[4];
  senbid_problem *p[4];
  for (int k = 0; k < 4; k++) {
    char *path = th_fmt("%s/../../examples/data/%s_demo.json", TEST_DATA_DIR, demos[k]);
    text[k] = th_read_file(path, NULL);
    free(path);
    p[k] = th_parse_ok(text[k]);
    result[k] = th_solve_text(text[k], SENBID_METHOD_ROUND_ROBIN);
  }
  for (int k = 0; k < 4; k++) {
    struct {
      const char *posted;
      int code;
      const char *path;
    } cases[] = {
        {"{}", SENBID_E_MISSING, "$.kind"},
        {text[k], SENBID_E_MISSING, "$.method"},
        {result[(k + 1) % 4], SENBID_E_VALUE, "$.kind"},
        {"{\"kind\": 3}", SENBID_E_TYPE, "$.kind"},
        {"{\"kind\": null, \"employees\": []}", SENBID_E_MISSING, "$.kind"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
      senbid_result *r = NULL;
      senbid_error *err = NULL;
      assert_int_equal(senbid_check(&r, p[k], cases[i].posted, strlen(cases[i].posted), &err),
                       cases[i].code);
      assert_null(r);
      assert_string_equal(senbid_error_path(err), cases[i].path);
      senbid_error_free(err);
    }
    /* the method is validated, and a result judged by its own */
    char *bad = th_fmt("{\"kind\": \"%s\", \"method\": \"best\"}", senbid_problem_kind(p[k]));
    senbid_error *err = NULL;
    senbid_result *r = NULL;
    assert_int_equal(senbid_check(&r, p[k], bad, strlen(bad), &err), SENBID_E_VALUE);
    assert_string_equal(senbid_error_path(err), "$.method");
    senbid_error_free(err);
    free(bad);
    assert_int_equal(senbid_check(&r, p[k], result[k], strlen(result[k]), NULL), SENBID_OK);
    assert_int_equal(senbid_result_outcome(r), SENBID_OUTCOME_OK);
    senbid_result_free(r);
  }
  for (int k = 0; k < 4; k++) {
    senbid_problem_free(p[k]);
    free(text[k]);
    free(result[k]);
  }
}

typedef struct progress_log {
  int calls, stop_at;
  char phases[8][16];
} progress_log;

static int on_progress(const senbid_progress *pr, void *payload) {
  progress_log *log = payload;
  assert_int_equal(pr->version, 1);
  assert_true(pr->elapsed_seconds >= 0);
  if (log->calls < 8) snprintf(log->phases[log->calls], 16, "%s", pr->phase);
  return ++log->calls == log->stop_at;
}

/* Progress reaches the callback from the solving thread; a non-zero
 * answer stops the solve with CANCELLED and no result. */
static void progress_and_cancel(void **state) {
  (void)state;
  senbid_problem *p = th_parse_ok(doc);
  senbid_solve_options so = SENBID_SOLVE_OPTIONS_INIT;
  progress_log log = {0, -1, {{0}}};
  so.progress = on_progress;
  so.progress_payload = &log;
  senbid_result *r = NULL;
  assert_int_equal(senbid_solve(&r, p, &so, NULL), SENBID_OK);
  assert_true(log.calls >= 2);
  assert_string_equal(log.phases[0], "start");
  assert_string_equal(log.phases[log.calls - 1 < 8 ? log.calls - 1 : 7], "done");
  senbid_result_free(r);
  r = NULL;

  progress_log stop = {0, 1, {{0}}};
  so.progress_payload = &stop;
  senbid_error *err = NULL;
  assert_int_equal(senbid_solve(&r, p, &so, &err), SENBID_E_CANCELLED);
  assert_null(r);
  assert_int_equal(senbid_error_code(err), SENBID_E_CANCELLED);
  senbid_error_free(err);
  senbid_problem_free(p);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(versions),
      cmocka_unit_test(codes_are_pinned),
      cmocka_unit_test(options_versions),
      cmocka_unit_test(null_arguments),
      cmocka_unit_test(error_objects),
      cmocka_unit_test(custom_allocator_owns_everything),
      cmocka_unit_test(out_of_memory_everywhere),
      cmocka_unit_test(solve_out_of_memory_everywhere),
      cmocka_unit_test(progress_and_cancel),
      cmocka_unit_test(check_wrong_documents),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
