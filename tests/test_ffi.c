/* The one-call entry (lib/ffi.c): senbid_call gives exactly the typed API's
 * text (which the CLI prints), for every command and both document forms;
 * errors carry the embedded document's own path, or a "request." path for
 * the request itself; progress can stop a solve. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

#define DEMO_DIR TEST_DATA_DIR "/../../examples/data"

typedef struct call_out {
  int rc, outcome;
  char *text;
  size_t len;
  int code;
  char path[256], msg[512];
} call_out;

static call_out call(const char *req, senbid_progress_fn fn, void *payload) {
  call_out o;
  memset(&o, 0, sizeof o);
  senbid_error *err = NULL;
  o.outcome = -1;
  o.rc = senbid_call_with_progress(&o.text, &o.len, &o.outcome, req, strlen(req), fn,
                                   payload, &err);
  if (o.rc != SENBID_OK) {
    assert_non_null(err);
    assert_null(o.text);
    o.code = senbid_error_code(err);
    snprintf(o.path, sizeof o.path, "%s", senbid_error_path(err));
    snprintf(o.msg, sizeof o.msg, "%s", senbid_error_message(err));
    senbid_error_free(err);
  } else {
    assert_null(err);
    assert_non_null(o.text);
    assert_int_equal(strlen(o.text), o.len);
  }
  return o;
}

static void expect_error(const char *req, int code, const char *path) {
  call_out o = call(req, NULL, NULL);
  if (o.rc != code || strcmp(o.path, path) != 0)
    fail_msg("%s: got %s at %s (%s), wanted %s at %s", req, senbid_code_name(o.rc), o.path,
             o.msg, senbid_code_name(code), path);
  assert_int_equal(o.code, code);
  assert_non_null(strchr(o.msg, ' '));  /* a message, not empty */
}

/* The typed API's text for a command on a problem (and posted result). */
static char *typed(const char *cmd, const char *problem, const char *posted, int method,
                   int *outcome) {
  senbid_problem *p = th_parse_ok(problem);
  senbid_solve_options opts = SENBID_SOLVE_OPTIONS_INIT;
  opts.method = method;
  senbid_result *r = NULL;
  int rc = SENBID_E_ARGUMENT;
  if (strcmp(cmd, "solve") == 0) rc = senbid_solve(&r, p, &opts, NULL);
  else if (strcmp(cmd, "rank") == 0) rc = senbid_rank(&r, p, NULL);
  else if (strcmp(cmd, "check") == 0) rc = senbid_check(&r, p, posted, strlen(posted), NULL);
  else if (strcmp(cmd, "export_lp") == 0) rc = senbid_export_lp(&r, p, &opts, NULL);
  else if (strcmp(cmd, "explain") == 0) rc = senbid_explain(&r, p, posted, strlen(posted), NULL);
  senbid_problem_free(p);
  if (rc != SENBID_OK) return NULL;
  char *text = strdup(senbid_result_json(r, NULL));
  *outcome = senbid_result_outcome(r);
  senbid_result_free(r);
  return text;
}

/* A JSON string literal of text (for the "document as a string" form). */
static char *quoted(const char *text) {
  cJSON *s = cJSON_CreateString(text);
  char *q = cJSON_PrintUnformatted(s);
  cJSON_Delete(s);
  return q;
}

static void same_as_typed(const char *file) {
  char path[512];
  snprintf(path, sizeof path, "%s/%s", DEMO_DIR, file);
  size_t len;
  char *problem = th_read_file(path, &len);
  char *as_string = quoted(problem);
  const char *methods[] = {"round_robin", "lexicographic"};
  const char *cmds[] = {"solve", "rank", "export_lp", "check", "explain"};
  char *posted = typed("solve", problem, NULL, SENBID_METHOD_ROUND_ROBIN, &(int){0});
  char *posted_q = quoted(posted);
  for (int m = 0; m < 2; m++) {
    for (int c = 0; c < 5; c++) {
      bool reads_result = c >= 3; /* check and explain */
      int want_outcome = -1;
      char *want = typed(cmds[c], problem, posted, m, &want_outcome);
      for (int form = 0; form < 2; form++) {
        const char *doc = form ? as_string : problem;
        char *req = th_fmt("{\"command\": \"%s\", \"options\": {\"method\": \"%s\"}, \"problem\": %s%s%s}",
                           cmds[c], methods[m], doc, reads_result ? ", \"result\": " : "",
                           reads_result ? (form ? posted_q : posted) : "");
        if (reads_result || c == 1) {  /* check, explain and rank take no options */
          free(req);
          req = th_fmt("{\"command\": \"%s\", \"problem\": %s%s%s}", cmds[c], doc,
                       reads_result ? ", \"result\": " : "",
                       reads_result ? (form ? posted_q : posted) : "");
        }
        call_out o = call(req, NULL, NULL);
        if (want) {
          if (o.rc != SENBID_OK) fail_msg("%s %s %s: %s at %s: %s", file, cmds[c], methods[m], senbid_code_name(o.rc), o.path, o.msg);
          assert_string_equal(o.text, want);
          assert_int_equal(o.outcome, want_outcome);
        } else {
          assert_int_not_equal(o.rc, SENBID_OK);  /* fails as the typed API does */
        }
        senbid_free(o.text);
        free(req);
      }
      free(want);
    }
  }
  free(posted);
  free(posted_q);
  free(as_string);
  free(problem);
}

static void test_every_demo_command_matches_the_typed_api(void **state) {
  (void)state;
  same_as_typed("leave_demo.json");
  same_as_typed("shiftbid_demo.json");
  same_as_typed("aws_demo.json");
  same_as_typed("assign_demo.json");
  same_as_typed("leave_ice_demo.json");
}

/* explain (ICE2019.ART18.SEC2.E): the ICE demo solved round_robin has
 * contested decisions; the one-call entry names them as senbid_explain()
 * does, and the CLI's report prints their detail. Other kinds: UNSUPPORTED. */
static void test_explain_names_the_contested_decisions(void **state) {
  (void)state;
  size_t len;
  char *problem = th_read_file(DEMO_DIR "/leave_ice_demo.json", &len);
  char *posted = typed("solve", problem, NULL, SENBID_METHOD_ROUND_ROBIN, &(int){0});
  assert_non_null(posted);
  int outcome = -1;
  char *want = typed("explain", problem, posted, SENBID_METHOD_ROUND_ROBIN, &outcome);
  assert_non_null(want);
  char *req = th_fmt("{\"command\": \"explain\", \"problem\": %s, \"result\": %s}", problem, posted);
  call_out o = call(req, NULL, NULL);
  if (o.rc != SENBID_OK) fail_msg("explain: %s at %s: %s", senbid_code_name(o.rc), o.path, o.msg);
  assert_string_equal(o.text, want);
  assert_int_equal(o.outcome, SENBID_OUTCOME_OK);
  cJSON *doc = cJSON_Parse(o.text);
  const cJSON *list = cJSON_GetObjectItemCaseSensitive(doc, "contested");
  assert_true(cJSON_GetArraySize(list) > 0);
  const cJSON *c;
  cJSON_ArrayForEach(c, list) {
    assert_non_null(cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(c, "employee")));
    assert_non_null(cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(c, "before")));
    assert_non_null(cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(c, "factor")));
  }
  cJSON_Delete(doc);
  senbid_free(o.text);
  free(req);
  free(want);
  free(posted);
  free(problem);
  /* Other kinds have no explanation, as through the typed API. */
  problem = th_read_file(DEMO_DIR "/shiftbid_demo.json", &len);
  posted = typed("solve", problem, NULL, SENBID_METHOD_ROUND_ROBIN, &(int){0});
  req = th_fmt("{\"command\": \"explain\", \"problem\": %s, \"result\": %s}", problem, posted);
  o = call(req, NULL, NULL);
  assert_int_equal(o.rc, SENBID_E_UNSUPPORTED);
  free(req);
  free(posted);
  free(problem);
}

/* The problem's bytes are found whatever the layout of the request: any
 * member order, whitespace, and strings holding braces, quotes and escapes
 * before it. */
static void test_request_layout_does_not_matter(void **state) {
  (void)state;
  size_t len;
  char *problem = th_read_file(DEMO_DIR "/leave_demo.json", &len);
  int outcome = -1;
  char *want = typed("solve", problem, NULL, SENBID_METHOD_LEXICOGRAPHIC, &outcome);
  const char *layouts[] = {
      "{\"problem\":%s,\"command\":\"solve\",\"options\":{\"method\":\"lexicographic\"}}",
      "\n\t{ \"options\" :\r\n {\"time_limit\": 0, \"method\" : \"lexicographic\"} ,\n"
      "  \"command\"\t:\t\"solve\" ,\n  \"problem\" :\n%s\n}\n ",
      "{\"options\": {\"method\": \"lexicographic\", \"time_limit\": null},"
      " \"command\": \"\\u0073olve\", \"problem\": %s}",
  };
  for (size_t i = 0; i < sizeof layouts / sizeof *layouts; i++) {
    char *req = th_fmt(layouts[i], problem);
    call_out o = call(req, NULL, NULL);
    if (o.rc != SENBID_OK) fail_msg("layout %zu: %s at %s: %s", i, senbid_code_name(o.rc), o.path, o.msg);
    assert_string_equal(o.text, want);
    assert_int_equal(o.outcome, outcome);
    senbid_free(o.text);
    free(req);
  }
  free(want);
  /* A string full of braces and escaped quotes before an object member. */
  char *posted = typed("solve", problem, NULL, SENBID_METHOD_ROUND_ROBIN, &outcome);
  want = typed("check", problem, posted, SENBID_METHOD_ROUND_ROBIN, &outcome);
  char *q = quoted(problem);
  char *req = th_fmt("{\"command\": \"check\", \"problem\": %s, \"result\": %s}", q, posted);
  call_out o = call(req, NULL, NULL);
  assert_int_equal(o.rc, SENBID_OK);
  assert_string_equal(o.text, want);
  senbid_free(o.text);
  free(req);
  free(q);
  free(want);
  free(posted);
  free(problem);
}

static void test_request_errors_have_request_paths(void **state) {
  (void)state;
  const char *p = "{\"senbid\": 1, \"kind\": \"leave\"}";
  expect_error("{\"command\": \"solve\",", SENBID_E_JSON, "request");
  expect_error("[1]", SENBID_E_TYPE, "request");
  expect_error("{\"problem\": {}}", SENBID_E_MISSING, "request.command");
  expect_error("{\"command\": 3, \"problem\": {}}", SENBID_E_TYPE, "request.command");
  expect_error("{\"command\": \"frobnicate\", \"problem\": {}}", SENBID_E_VALUE, "request.command");
  expect_error("{\"command\": \"solve\"}", SENBID_E_MISSING, "request.problem");
  expect_error("{\"command\": \"solve\", \"problem\": 7}", SENBID_E_TYPE, "request.problem");
  expect_error("{\"command\": \"check\", \"problem\": {}}", SENBID_E_MISSING, "request.result");
  expect_error("{\"command\": \"explain\", \"problem\": {}}", SENBID_E_MISSING, "request.result");
  expect_error("{\"command\": \"explain\", \"result\": {}}", SENBID_E_MISSING, "request.problem");
  expect_error("{\"command\": \"rank\", \"problem\": {}, \"result\": {}}", SENBID_E_UNKNOWN_MEMBER, "request.result");
  expect_error("{\"command\": \"rank\", \"problem\": {}, \"colour\": 1}", SENBID_E_UNKNOWN_MEMBER, "request.colour");
  expect_error("{\"command\": \"rank\", \"command\": \"solve\", \"problem\": {}}", SENBID_E_DUPLICATE, "request.command");
  char *r = th_fmt("{\"command\": \"solve\", \"problem\": %s, \"options\": {\"method\": \"greedy\"}}", p);
  expect_error(r, SENBID_E_VALUE, "request.options.method");
  free(r);
  r = th_fmt("{\"command\": \"solve\", \"problem\": %s, \"options\": {\"time_limit\": -1}}", p);
  expect_error(r, SENBID_E_VALUE, "request.options.time_limit");
  free(r);
  r = th_fmt("{\"command\": \"solve\", \"problem\": %s, \"options\": {\"threads\": 4}}", p);
  expect_error(r, SENBID_E_UNKNOWN_MEMBER, "request.options.threads");
  free(r);
  r = th_fmt("{\"command\": \"solve\", \"problem\": %s, \"options\": []}", p);
  expect_error(r, SENBID_E_TYPE, "request.options");
  free(r);
}

static void test_document_errors_have_the_documents_paths(void **state) {
  (void)state;
  /* As the CLI reports them for the same document read from a file. */
  const char *bad_date = "{\"senbid\": 1, \"kind\": \"leave\", \"as_of\": \"2026-02-30\"}";
  char *r = th_fmt("{\"command\": \"rank\", \"problem\": %s}", bad_date);
  expect_error(r, SENBID_E_DATE, "$.as_of");
  free(r);
  char *q = quoted(bad_date);
  r = th_fmt("{\"command\": \"rank\", \"problem\": %s}", q);
  expect_error(r, SENBID_E_DATE, "$.as_of");
  free(r);
  free(q);
  /* Malformed text inside a string: the document's own JSON error. */
  expect_error("{\"command\": \"rank\", \"problem\": \"{\\\"senbid\\\": 1,\"}", SENBID_E_JSON, "$");
}

static void test_arguments_are_checked(void **state) {
  (void)state;
  senbid_error *err = NULL;
  assert_int_equal(senbid_call(NULL, NULL, NULL, "{}", 2, &err), SENBID_E_ARGUMENT);
  assert_int_equal(senbid_error_code(err), SENBID_E_ARGUMENT);
  senbid_error_free(err);
  char *out = (char *)1;
  assert_int_equal(senbid_call(&out, NULL, NULL, NULL, 0, NULL), SENBID_E_JSON);
  assert_null(out);
  senbid_free(NULL);
}

static int stop_at_once(const senbid_progress *p, void *payload) {
  (void)p;
  ++*(int *)payload;
  return 1;
}

static void test_progress_can_stop_a_solve(void **state) {
  (void)state;
  size_t len;
  char *problem = th_read_file(DEMO_DIR "/leave_demo.json", &len);
  char *req = th_fmt("{\"command\": \"solve\", \"problem\": %s}", problem);
  int calls = 0;
  call_out o = call(req, stop_at_once, &calls);
  assert_int_equal(o.rc, SENBID_E_CANCELLED);
  assert_int_equal(calls, 1);
  /* Without a callback, the same request solves. */
  o = call(req, NULL, NULL);
  assert_int_equal(o.rc, SENBID_OK);
  assert_int_equal(o.outcome, SENBID_OUTCOME_OK);
  senbid_free(o.text);
  free(req);
  free(problem);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_every_demo_command_matches_the_typed_api),
      cmocka_unit_test(test_explain_names_the_contested_decisions),
      cmocka_unit_test(test_request_layout_does_not_matter),
      cmocka_unit_test(test_request_errors_have_request_paths),
      cmocka_unit_test(test_document_errors_have_the_documents_paths),
      cmocka_unit_test(test_arguments_are_checked),
      cmocka_unit_test(test_progress_can_stop_a_solve),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
