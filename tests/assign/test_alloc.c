/* The caller's allocator for assignments (include/senbid/senbid.h): every
 * allocation of parse, solve (both methods), check (both methods) and
 * export-lp goes through it, none through cJSON's global allocator; and
 * failing each allocation in turn gives NOMEM, no result and no leak.
 * (GLPK's own memory is GLPK's: it cannot take an allocator.) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

/* cJSON's global allocator, counted */
static long cjson_calls;
static void *g_malloc(size_t n) {
  cjson_calls++;
  return malloc(n);
}
static void g_free(void *p) { free(p); }

/* Two must-fill details where lexicographic differs from round_robin
 * (doc/assign.md's worked example), an extension, a waiting period from
 * the ledger, overtime, training, every ledger member. */
static const char problem[] =
    "{\"senbid\":1,\"kind\":\"assignment\",\"as_of\":\"2027-02-01\","
    "\"seniority\":{\"policy\":\"list\",\"order\":[\"E1\",\"E2\",\"E3\",\"E4\"]},"
    "\"rules\":\"nbpc-2019\",\"employees\":[{\"id\":\"E1\",\"quals\":[\"EMT\"]},"
    "{\"id\":\"E2\"},{\"id\":\"E3\"},{\"id\":\"E4\",\"quals\":[\"EMT\"]}],"
    "\"opportunities\":["
    "{\"id\":\"D1\",\"type\":\"x\",\"slots\":1,\"start\":\"2027-03-01\",\"end\":\"2027-03-31\","
    "\"volunteers\":[\"E1\",\"E2\"],\"must_fill\":true},"
    "{\"id\":\"D2\",\"type\":\"y\",\"slots\":1,\"start\":\"2027-03-15\",\"end\":\"2027-04-15\","
    "\"volunteers\":[\"E1\"],\"must_fill\":true},"
    "{\"id\":\"D3\",\"type\":\"x\",\"slots\":2,\"start\":\"2027-05-01\",\"end\":\"2027-05-09\","
    "\"volunteers\":[\"E3\",\"E4\"],\"extension_volunteers\":[\"E2\"],\"declines\":[\"E4\"],"
    "\"must_fill\":true},"
    "{\"id\":\"OT\",\"type\":\"overtime\",\"slots\":2,\"hours\":8,\"start\":\"2027-06-01\","
    "\"end\":\"2027-06-01\",\"volunteers\":[\"E2\",\"E3\"],\"must_fill\":true},"
    "{\"id\":\"TR\",\"type\":\"training\",\"title\":\"t\",\"slots\":1,\"start\":\"2027-06-02\","
    "\"end\":\"2027-06-02\",\"volunteers\":[\"E1\",\"E4\"]}],"
    "\"ledger\":{\"history\":[{\"employee\":\"E3\",\"type\":\"x\",\"start\":\"2027-01-01\","
    "\"end\":\"2027-04-20\"}],\"served_cycle\":{\"x\":[\"E3\"]},\"mandate_cycle\":[\"E4\"],"
    "\"overtime_hours\":{\"E2\":8},\"exemptions\":[{\"employee\":\"E4\",\"until\":\"2027-03-20\"}],"
    "\"training_last\":{\"t\":\"E1\"}}}";

enum { SOLVE_RR, SOLVE_LEX, CHECK_RR, CHECK_LEX, EXPORT, NOPS };

/* One operation on p; the result's text in *text (malloc'd) on success. */
static int op(int which, const senbid_problem *p, const char *posted, char **text) {
  senbid_result *r = NULL;
  senbid_error *err = NULL;
  senbid_solve_options so = SENBID_SOLVE_OPTIONS_INIT;
  so.method = which == SOLVE_LEX ? SENBID_METHOD_LEXICOGRAPHIC : SENBID_METHOD_ROUND_ROBIN;
  int rc = which <= SOLVE_LEX ? senbid_solve(&r, p, &so, &err)
           : which == EXPORT  ? senbid_export_lp(&r, p, NULL, &err)
                              : senbid_check(&r, p, posted, strlen(posted), &err);
  if (rc == SENBID_OK) {
    *text = strdup(senbid_result_json(r, NULL));
    senbid_result_free(r);
  } else {
    assert_null(r);
    if (err) assert_int_equal(senbid_error_code(err), rc);
    senbid_error_free(err);
  }
  return rc;
}

static void test_allocator_sees_everything_and_nomem_leaks_nothing(void **state) {
  (void)state;
  cJSON_Hooks hooks = {g_malloc, g_free};
  cJSON_InitHooks(&hooks);
  th_counting c = {.fail_at = -1};
  senbid_allocator a = th_counting_allocator(&c);
  senbid_parse_options po = SENBID_PARSE_OPTIONS_INIT;
  po.allocator = &a;
  senbid_problem *p = NULL;
  /* parse: every failure is NOMEM without a leak */
  for (long n = 0;; n++) {
    c.calls = 0;
    c.fail_at = n;
    int rc = senbid_problem_parse(&p, problem, strlen(problem), &po, NULL);
    if (rc == SENBID_OK) break;
    assert_int_equal(rc, SENBID_E_NOMEM);
    assert_null(p);
    assert_int_equal(c.live, 0);
    assert_true(n < 100000);
  }
  c.fail_at = -1;
  long base = c.live;
  char *posted[2] = {NULL, NULL};
  assert_int_equal(op(SOLVE_RR, p, NULL, &posted[0]), SENBID_OK);
  assert_int_equal(op(SOLVE_LEX, p, NULL, &posted[1]), SENBID_OK);
  assert_string_not_equal(posted[0], posted[1]); /* the lexicographic model at work */
  for (int which = 0; which < NOPS; which++) {
    const char *post = which == CHECK_RR ? posted[0] : posted[1];
    long used = 0;
    for (long n = 0;; n++) {
      c.calls = 0;
      c.fail_at = n;
      char *text = NULL;
      int rc = op(which, p, post, &text);
      assert_int_equal(c.live, base);
      if (rc == SENBID_OK) {
        if (which == CHECK_RR || which == CHECK_LEX)
          assert_non_null(strstr(text, "\"count\": 0"));
        free(text);
        used = n;
        break;
      }
      assert_int_equal(rc, SENBID_E_NOMEM);
      assert_true(n < 100000);
    }
    assert_true(used > 0); /* the allocator saw this operation's memory */
    print_message("# operation %d: %ld allocations\n", which, used);
  }
  c.fail_at = -1;
  free(posted[0]);
  free(posted[1]);
  senbid_problem_free(p);
  assert_int_equal(c.live, 0);
  assert_int_equal(cjson_calls, 0);
  cJSON_InitHooks(NULL);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_allocator_sees_everything_and_nomem_leaks_nothing),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
