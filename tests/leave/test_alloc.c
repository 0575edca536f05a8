/*
 * Leave: the caller's allocator (include/senbid/senbid.h; issue 10 item 8).
 * A counting allocator sees every allocation of parse, solve (both
 * methods), check and export-lp: the C library's malloc is watched while
 * the library runs and must not be called directly. Failing each
 * allocation in turn gives NOMEM, no result and no leak, for every one of
 * these entry points.
 */
#include "leave_test.h"

/* The roster touches every part: approved leave, a grant, an alternate, a
 * denial, a capacity total, conflict factors (round_order), a school
 * break and minimums that the lexicographic gate settles without GLPK
 * (GLPK allocates on its own; see doc/leave.md). */
static const char doc[] =
    HEAD "\"employees\":[" EMP("E1", "2010") ",\"group\":\"A\",\"use_or_lose_hours\":8},"
    EMP("E2", "2011") ",\"group\":\"B\",\"min_leave_days\":2,\"school_age_children\":true},"
    EMP("E3", "2012") ",\"group\":\"A\",\"leave_balance_hours\":80}],"
    PERIOD ",\"holidays\":\"us-federal\","
    "\"capacity\":{\"default\":1,\"totals\":[{\"groups\":[\"A\",\"B\"],\"max\":1,"
    "\"start\":\"2026-11-01\",\"end\":\"2026-11-30\"}]},"
    "\"approved\":[{\"employee\":\"E3\",\"start\":\"2026-10-05\",\"end\":\"2026-10-06\"}],"
    "\"school_breaks\":[{\"start\":\"2026-12-19\",\"end\":\"2027-01-03\"}],"
    "\"requests\":["
    "{\"employee\":\"E1\",\"choices\":[{\"id\":\"a\",\"options\":["
    OPT("2026-11-02", "2026-11-06") "]},{\"id\":\"b\",\"options\":["
    OPT("2026-12-21", "2026-12-23") "]}]},"
    "{\"employee\":\"E2\",\"choices\":[{\"id\":\"a\",\"options\":["
    OPT("2026-11-03", "2026-11-04") "," OPT("2026-12-21", "2026-12-22") "]}]},"
    "{\"employee\":\"E3\",\"choices\":[{\"id\":\"a\",\"options\":["
    OPT("2026-11-02", "2026-11-03") "]},{\"id\":\"b\",\"options\":["
    OPT("2027-01-11", "2027-01-12") "]}]}],"
    "\"rules\":{\"priority\":\"ice-2019\",\"max_days_per_employee\":20}}";

/* ------------------------------------------------------------------------ */
/* The C library's allocator, watched                                       */
/* ------------------------------------------------------------------------ */

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define WATCH_LIBC 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define WATCH_LIBC 0
#endif
#endif
#ifndef WATCH_LIBC
#define WATCH_LIBC 1
#endif

#if WATCH_LIBC
static long libc_calls;
static int watching;

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void __libc_free(void *);
void *malloc(size_t n) {
  if (watching) libc_calls++;
  return __libc_malloc(n);
}
void *calloc(size_t n, size_t m) {
  if (watching) libc_calls++;
  return __libc_calloc(n, m);
}
void *realloc(void *p, size_t n) {
  if (watching) libc_calls++;
  return __libc_realloc(p, n);
}
void free(void *p) { __libc_free(p); }
#define RAW_MALLOC __libc_malloc
#define RAW_REALLOC __libc_realloc
#define RAW_FREE __libc_free
#else
#define RAW_MALLOC malloc
#define RAW_REALLOC realloc
#define RAW_FREE free
#endif

enum op { OP_RR, OP_LEX, OP_CHECK, OP_EXPORT, OP_N };
static const char *const op_name[] = {"solve round_robin", "solve lexicographic",
                                      "check", "export-lp"};

static int run_op(enum op op, senbid_problem *p, const char *posted,
                  senbid_result **r, senbid_error **err) {
  senbid_solve_options so = SENBID_SOLVE_OPTIONS_INIT;
  switch (op) {
  case OP_RR:
    return senbid_solve(r, p, &so, err);
  case OP_LEX:
    so.method = SENBID_METHOD_LEXICOGRAPHIC;
    return senbid_solve(r, p, &so, err);
  case OP_CHECK:
    return senbid_check(r, p, posted, strlen(posted), err);
  default:
    return senbid_export_lp(r, p, NULL, err);
  }
}

static char *solved_text(senbid_problem *p, int method) {
  senbid_solve_options so = SENBID_SOLVE_OPTIONS_INIT;
  so.method = method;
  senbid_result *r = NULL;
  assert_int_equal(senbid_solve(&r, p, &so, NULL), SENBID_OK);
  char *t = th_fmt("%s", senbid_result_json(r, NULL));
  senbid_result_free(r);
  return t;
}

#if WATCH_LIBC
/* Every allocation of parse, both solves, check and export-lp goes through
 * the caller's allocator: none reaches the C library's malloc directly. */
static void test_allocator_sees_everything(void **state) {
  (void)state;
  th_counting c = {.fail_at = -1, .raw_malloc = RAW_MALLOC, .raw_realloc = RAW_REALLOC, .raw_free = RAW_FREE};
  senbid_allocator a = th_counting_allocator(&c);
  senbid_parse_options po = SENBID_PARSE_OPTIONS_INIT;
  po.allocator = &a;
  senbid_problem *p = NULL;
  watching = 1;
  libc_calls = 0;
  assert_int_equal(senbid_problem_parse(&p, doc, strlen(doc), &po, NULL), SENBID_OK);
  watching = 0;
  assert_int_equal(libc_calls, 0);
  assert_true(c.calls > 0);
  char *posted = solved_text(p, SENBID_METHOD_LEXICOGRAPHIC);
  assert_non_null(strstr(posted, "round_order"));
  for (int op = 0; op < OP_N; op++) {
    long before = c.calls;
    senbid_result *r = NULL;
    watching = 1;
    libc_calls = 0;
    int rc = run_op((enum op)op, p, posted, &r, NULL);
    watching = 0;
    assert_int_equal(rc, SENBID_OK);
    if (libc_calls) {
      print_error("%s: %ld allocations bypass the allocator\n", op_name[op], libc_calls);
      fail();
    }
    assert_true(c.calls > before);
    senbid_result_free(r);
  }
  free(posted);
  senbid_problem_free(p);
  assert_int_equal(c.live, 0);
}
#endif

/* Failing each allocation in turn: NOMEM, no result, nothing leaked; the
 * first run that does not fail gives the same text as without failures. */
static void test_out_of_memory_everywhere(void **state) {
  (void)state;
  th_counting c = {.fail_at = -1, .raw_malloc = RAW_MALLOC, .raw_realloc = RAW_REALLOC, .raw_free = RAW_FREE};
  senbid_allocator a = th_counting_allocator(&c);
  senbid_parse_options po = SENBID_PARSE_OPTIONS_INIT;
  po.allocator = &a;
  /* Parse. */
  for (long n = 0;; n++) {
    c.calls = 0;
    c.fail_at = n;
    senbid_problem *p = NULL;
    senbid_error *err = NULL;
    int rc = senbid_problem_parse(&p, doc, strlen(doc), &po, &err);
    c.fail_at = -1;
    if (rc == SENBID_OK) {
      senbid_problem_free(p);
      assert_int_equal(c.live, 0);
      break;
    }
    assert_int_equal(rc, SENBID_E_NOMEM);
    assert_null(p);
    senbid_error_free(err);
    assert_int_equal(c.live, 0);
    assert_true(n < 100000);
  }
  senbid_problem *p = NULL;
  assert_int_equal(senbid_problem_parse(&p, doc, strlen(doc), &po, NULL), SENBID_OK);
  char *posted = solved_text(p, SENBID_METHOD_ROUND_ROBIN);
  long base = c.live;
  for (int op = 0; op < OP_N; op++) {
    senbid_result *r = NULL;
    assert_int_equal(run_op((enum op)op, p, posted, &r, NULL), SENBID_OK);
    char *want = th_fmt("%s", senbid_result_json(r, NULL));
    senbid_result_free(r);
    for (long n = 0;; n++) {
      c.calls = 0;
      c.fail_at = n;
      senbid_error *err = NULL;
      r = NULL;
      int rc = run_op((enum op)op, p, posted, &r, &err);
      c.fail_at = -1;
      if (rc == SENBID_OK) {
        assert_string_equal(senbid_result_json(r, NULL), want);
        senbid_result_free(r);
        assert_int_equal(c.live, base);
        break;
      }
      if (rc != SENBID_E_NOMEM) {
        print_error("%s, allocation %ld failed: code %d\n", op_name[op], n, rc);
        fail();
      }
      assert_null(r);
      senbid_error_free(err);
      assert_int_equal(c.live, base);
      assert_true(n < 100000);
    }
    free(want);
  }
  free(posted);
  senbid_problem_free(p);
  assert_int_equal(c.live, 0);
}

int main(void) {
  /* Under the sanitizers, which own malloc, the C library is not
   * watched (only the failing allocator runs). */
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_out_of_memory_everywhere),
#if WATCH_LIBC
      cmocka_unit_test(test_allocator_sees_everything),
#endif
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
