/* The caller's allocator (senbid.h) sees every allocation of a shift bid:
 * parse, solve (both methods), check (both methods) and export-lp; and
 * failing each allocation in turn gives SENBID_E_NOMEM, no result and no
 * leak (issue 10 item 8). The executable is linked with --wrap=malloc (and
 * calloc, realloc, strdup), so that an allocation the library makes past
 * the caller's allocator is counted in `th_stray`. */
#include "sbt.h"

#include "../wrap_malloc.h"

/* Every member of a result shows up: exclusions, a management placement,
 * an SPP guarantee, seniority, agency placements, an unplaced agent, unmet
 * minimums, bumps (an adjustment), bids on file. */
static char *station_all(void) {
  char *emps = join(7, emp("E1", 2010, "\"fixed_shift\":\"DAY\""),
                    emp("E2", 2011, "\"grade\":\"GS-12\""),
                    emp("E3", 2012, "\"status\":\"tdy_outside\""),
                    emp("E4", 2013, NULL), emp("E5", 2014, NULL),
                    emp("E6", 2026, NULL), emp("E7", 2015, NULL));
  char *doc = station(emps,
                      "{\"id\":\"DAY\",\"min\":2,\"max\":3,\"grades\":{\"GS-12\":{\"min\":1,\"max\":1}}},"
                      "{\"id\":\"MID\",\"min\":3,\"max\":3}",
                      "{\"employee\":\"E2\",\"prefs\":[\"DAY\"]},"
                      "{\"employee\":\"E4\",\"prefs\":[\"DAY\",\"MID\"]},"
                      "{\"employee\":\"E5\",\"no_preference\":true}",
                      "\"history\":{\"denials\":{\"E2\":2},\"bumped\":{\"DAY\":[\"E4\"]},"
                      "\"bids_on_file\":[{\"employee\":\"E7\",\"prefs\":[\"MID\"]}]},"
                      "\"adjustments\":[{\"shift\":\"DAY\",\"max\":2}]");
  free(emps);
  return doc;
}

typedef enum op { OP_SOLVE_RR, OP_SOLVE_LEX, OP_CHECK_RR, OP_CHECK_LEX, OP_EXPORT } op;

static int run_op(op o, const senbid_problem *p, const char *posted,
                  senbid_result **r, senbid_error **err) {
  senbid_solve_options so = SENBID_SOLVE_OPTIONS_INIT;
  switch (o) {
  case OP_SOLVE_RR:
  case OP_SOLVE_LEX:
    so.method = o == OP_SOLVE_LEX ? LEX : RR;
    return senbid_solve(r, p, &so, err);
  case OP_CHECK_RR:
  case OP_CHECK_LEX:
    return senbid_check(r, p, posted, strlen(posted), err);
  case OP_EXPORT:
    return senbid_export_lp(r, p, NULL, err);
  }
  return SENBID_E_ARGUMENT;
}

/* Parsing under the counting allocator: every allocation failure in turn. */
static void test_parse_out_of_memory(void **state) {
  (void)state;
  char *doc = station_all();
  /* the wrap sees the library's own allocations: the default allocator */
  long seen = th_stray;
  senbid_problem *dp = th_parse_ok(doc);
  assert_true(th_stray > seen);
  senbid_problem_free(dp);
  for (long n = 0;; n++) {
    th_counting c = {.fail_at = n, .raw_malloc = __real_malloc, .raw_realloc = __real_realloc};
    senbid_allocator a = th_counting_allocator(&c);
    senbid_parse_options po = SENBID_PARSE_OPTIONS_INIT;
    po.allocator = &a;
    senbid_problem *p = NULL;
    senbid_error *err = NULL;
    long before = th_stray;
    int rc = senbid_problem_parse(&p, doc, strlen(doc), &po, &err);
    assert_int_equal(th_stray, before); /* nothing past the allocator */
    senbid_error_free(err);
    if (rc == SENBID_OK) {
      assert_true(c.live > 0);
      senbid_problem_free(p);
      assert_int_equal(c.live, 0);
      break;
    }
    assert_int_equal(rc, SENBID_E_NOMEM);
    assert_null(p);
    assert_int_equal(c.live, 0);
    assert_true(n < 100000);
  }
  free(doc);
}

/* Solve, check and export-lp: the allocator sees the work (live blocks
 * rise during it, and nothing is left but the result), and every failure
 * in turn gives NOMEM with no result and no leak. */
static void test_ops_out_of_memory(void **state) {
  (void)state;
  char *doc = station_all();
  char *posted[2] = {th_solve_text(doc, RR), th_solve_text(doc, LEX)};
  th_counting c = {.fail_at = -1, .raw_malloc = __real_malloc, .raw_realloc = __real_realloc};
  senbid_allocator a = th_counting_allocator(&c);
  senbid_parse_options po = SENBID_PARSE_OPTIONS_INIT;
  po.allocator = &a;
  senbid_problem *p = NULL;
  assert_int_equal(senbid_problem_parse(&p, doc, strlen(doc), &po, NULL), SENBID_OK);
  long base = c.live;
  for (op o = OP_SOLVE_RR; o <= OP_EXPORT; o++) {
    const char *post = o == OP_CHECK_LEX ? posted[1] : posted[0];
    /* without failures: the allocator is called, the result is complete */
    c.calls = 0;
    c.fail_at = -1;
    long before = th_stray;
    senbid_result *r = NULL;
    assert_int_equal(run_op(o, p, post, &r, NULL), SENBID_OK);
    assert_int_equal(th_stray, before); /* nothing past the allocator */
    assert_true(c.live > base);
    if (o == OP_CHECK_RR || o == OP_CHECK_LEX)
      assert_non_null(strstr(senbid_result_json(r, NULL), "\"count\": 0"));
    senbid_result_free(r);
    assert_int_equal(c.live, base);
    for (long n = 0;; n++) {
      c.calls = 0;
      c.fail_at = n;
      r = NULL;
      senbid_error *err = NULL;
      long stray0 = th_stray;
      int rc = run_op(o, p, post, &r, &err);
      assert_int_equal(th_stray, stray0);
      if (rc == SENBID_OK) {
        senbid_result_free(r);
        assert_int_equal(c.live, base);
        print_message("# op %d: %ld allocations failed in turn\n", (int)o, n);
        assert_true(n > 3);
        break;
      }
      if (rc != SENBID_E_NOMEM) {
        print_error("op %d, allocation %ld: code %d (%s)\n", (int)o, n, rc,
                    senbid_error_message(err));
        fail();
      }
      assert_null(r);
      senbid_error_free(err);
      assert_int_equal(c.live, base);
      assert_true(n < 100000);
    }
  }
  c.fail_at = -1;
  senbid_problem_free(p);
  assert_int_equal(c.live, 0);
  free(posted[0]);
  free(posted[1]);
  free(doc);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_parse_out_of_memory),
      cmocka_unit_test(test_ops_out_of_memory),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
