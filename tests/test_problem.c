/* Problem documents: every input error of SPEC sections 0 and 9 that the
 * common members can produce, with its code and JSON path. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "internal.h"

#define HEAD "\"senbid\": 1, \"kind\": \"leave\", \"as_of\": \"2026-07-15\""
#define SEN "\"seniority\": {\"policy\": \"custom\", \"keys\": []}"
#define TAIL \
  "\"period\": {\"start\": \"2026-10-01\", \"end\": \"2027-03-31\"}, \"requests\": []"

static char *with_employees(const char *emps) {
  return th_fmt("{" HEAD ", " SEN ", \"employees\": [%s], " TAIL "}", emps);
}

static void fails_emps(const char *emps, int code, const char *path) {
  char *d = with_employees(emps);
  th_parse_fails(d, code, path);
  free(d);
}

static void valid_minimal_document(void **state) {
  (void)state;
  char *d = with_employees("{\"id\": \"E1\"}, {\"id\": \"E2\", \"name\": null}");
  senbid_problem *p = th_parse_ok(d);
  assert_string_equal(senbid_problem_kind(p), "leave");
  assert_int_equal(senbid_problem_employee_count(p), 2);
  senbid_problem_free(p);
  free(d);
}

static void malformed_json(void **state) {
  (void)state;
  th_parse_fails("{\"senbid\": 1,", SENBID_E_JSON, "$");
  th_parse_fails("", SENBID_E_JSON, "$");
  th_parse_fails("{} trailing", SENBID_E_JSON, "$");
  th_parse_fails("{\"senbid\": NaN}", SENBID_E_JSON, "$");
  th_parse_fails("{\"senbid\": Infinity}", SENBID_E_JSON, "$");
  th_parse_fails("{\"senbid\": 1, \"x\": [1e999]}", SENBID_E_JSON, "$.x[0]");
  th_parse_fails("{\"senbid\": 1, \"x\": \"\xff\"}", SENBID_E_JSON, "$");
  th_parse_fails("{\"senbid\": 1, \"x\": \"\xed\xa0\x80\"}", SENBID_E_JSON, "$");
  th_parse_fails("[1, 2]", SENBID_E_TYPE, "$");
  /* White space after the document is fine. */
  char *d = with_employees("{\"id\": \"E1\"}");
  char *padded = th_fmt("%s \n\t\r\n", d);
  senbid_problem *p = th_parse_ok(padded);
  senbid_problem_free(p);
  free(padded);
  free(d);
}

static void common_member_errors(void **state) {
  (void)state;
  th_parse_fails("{\"kind\": \"leave\"}", SENBID_E_MISSING, "$.senbid");
  th_parse_fails("{\"senbid\": 2, \"kind\": \"leave\"}", SENBID_E_VALUE, "$.senbid");
  th_parse_fails("{\"senbid\": \"1\"}", SENBID_E_TYPE, "$.senbid");
  th_parse_fails("{\"senbid\": 1}", SENBID_E_MISSING, "$.kind");
  th_parse_fails("{\"senbid\": 1, \"kind\": \"vacation\"}", SENBID_E_VALUE, "$.kind");
  th_parse_fails("{\"senbid\": 1, \"kind\": \"leave\"}", SENBID_E_MISSING, "$.as_of");
  th_parse_fails("{\"senbid\": 1, \"kind\": \"leave\", \"as_of\": null}",
                 SENBID_E_MISSING, "$.as_of");
  th_parse_fails("{\"senbid\": 1, \"kind\": \"leave\", \"as_of\": \"2026-02-29\"}",
                 SENBID_E_DATE, "$.as_of");
  th_parse_fails("{\"senbid\": 1, \"kind\": \"leave\", \"as_of\": 20260715}",
                 SENBID_E_TYPE, "$.as_of");
  th_parse_fails("{" HEAD ", \"employees\": []}", SENBID_E_MISSING, "$.seniority");
  th_parse_fails("{" HEAD ", " SEN "}", SENBID_E_MISSING, "$.employees");
  th_parse_fails("{" HEAD ", " SEN ", \"employees\": {}}", SENBID_E_TYPE, "$.employees");
}

static void employee_errors(void **state) {
  (void)state;
  fails_emps("{\"id\": \"E1\"}, 7", SENBID_E_TYPE, "$.employees[1]");
  fails_emps("{\"id\": \"E1\"}, {}", SENBID_E_MISSING, "$.employees[1].id");
  fails_emps("{\"id\": 5}", SENBID_E_TYPE, "$.employees[0].id");
  fails_emps("{\"id\": \"\"}", SENBID_E_VALUE, "$.employees[0].id");
  fails_emps("{\"id\": \"E1\"}, {\"id\": \"E2\"}, {\"id\": \"E1\"}",
             SENBID_E_DUPLICATE, "$.employees[2].id");
  fails_emps("{\"id\": \"E1\", \"name\": \"Ana\"}", SENBID_E_TYPE, "$.employees[0].name");
  fails_emps("{\"id\": \"E1\", \"name\": {\"last\": 3}}", SENBID_E_TYPE,
             "$.employees[0].name.last");
  fails_emps("{\"id\": \"E1\", \"service\": {\"scd\": \"2009-13-01\"}}", SENBID_E_DATE,
             "$.employees[0].service.scd");
  fails_emps("{\"id\": \"E1\", \"service\": {\"eod\": 2009}}", SENBID_E_TYPE,
             "$.employees[0].service.eod");
  fails_emps("{\"id\": \"E1\", \"credit_days\": {\"series\": 1.5}}", SENBID_E_TYPE,
             "$.employees[0].credit_days.series");
  fails_emps("{\"id\": \"E1\", \"credit_days\": {\"usbp\": 99999999}}", SENBID_E_LIMIT,
             "$.employees[0].credit_days.usbp");
  fails_emps("{\"id\": \"E1\", \"attorney\": \"yes\"}", SENBID_E_TYPE,
             "$.employees[0].attorney");
  fails_emps("{\"id\": \"E1\", \"group\": 1}", SENBID_E_TYPE, "$.employees[0].group");
  fails_emps("{\"id\": \"E1\", \"quals\": [\"EMT\", 2]}", SENBID_E_TYPE,
             "$.employees[0].quals[1]");
  fails_emps("{\"id\": \"E1\", \"attributes\": []}", SENBID_E_TYPE,
             "$.employees[0].attributes");
  /* Unknown members are ignored (forward compatibility). */
  char *d = with_employees("{\"id\": \"E1\", \"favourite_colour\": \"blue\"}");
  senbid_problem *p = th_parse_ok(d);
  senbid_problem_free(p);
  free(d);
}

/* SPEC section 9: more than 1,000,000 employees is LIMIT, never a crash. */
static void employee_limit(void **state) {
  (void)state;
  size_t n = 1000001;
  size_t cap = n * 8 + 256;
  char *d = malloc(cap);
  assert_non_null(d);
  size_t len = (size_t)snprintf(d, cap, "{" HEAD ", " SEN ", \"employees\": [");
  for (size_t i = 0; i < n; i++) {
    memcpy(d + len, i ? ",{}" : "{}", i ? 3 : 2);
    len += i ? 3 : 2;
  }
  len += (size_t)snprintf(d + len, cap - len, "], " TAIL "}");
  th_parse_fails(d, SENBID_E_LIMIT, "$.employees");
  free(d);
}

/* ---------------------------------------------------------- lean reading */

/* The outcome of reading a document lean (as senbid_problem_parse does) and
 * in full: both fail with the same code, path and message, or both succeed
 * and solve (round_robin) to the same text. */
static void lean_matches_full(const char *doc, size_t len) {
  senbid_problem *p[2] = {NULL, NULL};
  senbid_error *e[2] = {NULL, NULL};
  int rc[2];
  for (int k = 0; k < 2; k++)
    rc[k] = sb_problem_parse(&p[k], doc, len, NULL, &e[k], k == 0);
  assert_int_equal(rc[0], rc[1]);
  if (rc[0] != SENBID_OK) {
    assert_int_equal(senbid_error_code(e[0]), senbid_error_code(e[1]));
    assert_string_equal(senbid_error_path(e[0]), senbid_error_path(e[1]));
    assert_string_equal(senbid_error_message(e[0]), senbid_error_message(e[1]));
  } else {
    senbid_result *r[2] = {NULL, NULL};
    int src[2];
    for (int k = 0; k < 2; k++) src[k] = senbid_solve(&r[k], p[k], NULL, NULL);
    assert_int_equal(src[0], src[1]);
    if (src[0] == SENBID_OK)
      assert_string_equal(senbid_result_json(r[0], NULL), senbid_result_json(r[1], NULL));
    for (int k = 0; k < 2; k++) senbid_result_free(r[k]);
  }
  for (int k = 0; k < 2; k++) {
    senbid_problem_free(p[k]);
    senbid_error_free(e[k]);
  }
}

/* Every kind's demo, and copies with one byte changed along the text
 * (breaking the syntax, a value or a member name somewhere in the lazy
 * arrays or around them): lean and full reading never differ. */
static void lean_reading_matches_full_reading(void **state) {
  (void)state;
  static const char *const demos[] = {"leave_demo.json", "aws_demo.json",
                                      "shiftbid_demo.json", "assign_demo.json"};
  static const char subst[] = "1\",]}x :[{\\";
  for (size_t d = 0; d < sizeof demos / sizeof *demos; d++) {
    char *path = th_fmt("%s/%s", DEMO_DATA_DIR, demos[d]);
    size_t len = 0;
    char *doc = th_read_file(path, &len);
    lean_matches_full(doc, len);
    size_t step = len / (size_t)th_seeds(150) + 1;
    for (size_t at = 0; at < len; at += step) {
      char was = doc[at];
      doc[at] = subst[(at / step) % (sizeof subst - 1)];
      lean_matches_full(doc, len);
      doc[at] = was;
    }
    free(doc);
    free(path);
  }
}

/* Other kinds' documents may hold members named as leave's lazy arrays:
 * read whole for the kind that does not read them one at a time. */
static void lazy_members_of_other_kinds(void **state) {
  (void)state;
  char *path = th_fmt("%s/%s", DEMO_DATA_DIR, "shiftbid_demo.json");
  size_t len = 0;
  char *doc = th_read_file(path, &len);
  char *end = strrchr(doc, '}');
  assert_non_null(end);
  *end = '\0';
  char *more = th_fmt("%s, \"requests\": [1, {\"a\": [2]}], \"approved\": []}", doc);
  lean_matches_full(more, strlen(more));
  senbid_problem *p = th_parse_ok(more);
  senbid_problem_free(p);
  free(more);
  free(doc);
  free(path);
}

/* SPEC section 9: the text is JSON before anything else, then what
 * sb_json_check finds (in document order), then the values. Reading one
 * element at a time must not let an early value's error win over a later
 * syntax error or finding. */
static void lean_errors_keep_precedence(void **state) {
  (void)state;
  const char *bad_emp = "{\"id\": \"E1\", \"service\": {\"scd\": \"2009-13-01\"}}";
  struct {
    const char *emps, *tail;
    int code;
    const char *path;
  } cases[] = {
      /* a syntax error in the last request */
      {bad_emp, "\"requests\": [{\"employee\": \"E1\", \"choices\": []}, {\"employee\" 1}]",
       SENBID_E_JSON, "$"},
      /* the array of requests never closes */
      {bad_emp, "\"requests\": [{\"employee\": \"E1\", \"choices\": []}", SENBID_E_JSON, "$"},
      /* a member name twice in a later employee */
      {"{\"id\": \"E1\", \"service\": {\"scd\": \"2009-13-01\"}}, {\"id\": \"E2\", \"id\": \"E3\"}",
       "\"requests\": []", SENBID_E_DUPLICATE, "$.employees[1].id"},
      /* an infinite number in the approved leave */
      {bad_emp, "\"requests\": [], \"approved\": [{\"employee\": \"E1\", \"x\": -1e999}]",
       SENBID_E_JSON, "$.approved[0].x"},
      /* U+0000 in a request, never read as a request (no employee E9) */
      {"{\"id\": \"E1\"}",
       "\"requests\": [{\"employee\": \"E9\", \"choices\": []}, {\"employee\": \"E\\u0000\"}]",
       SENBID_E_VALUE, "$.requests[1].employee"},
      /* the first finding in document order: the employees come first */
      {"{\"id\": \"E1\", \"a\": 1, \"a\": 2}",
       "\"requests\": [{\"b\": 1, \"b\": 2}]", SENBID_E_DUPLICATE, "$.employees[0].a"},
      /* nothing wrong but the value: its own error */
      {bad_emp, "\"requests\": []", SENBID_E_DATE, "$.employees[0].service.scd"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    char *d = th_fmt("{" HEAD ", " SEN ", \"employees\": [%s], "
                     "\"period\": {\"start\": \"2026-10-01\", \"end\": \"2027-03-31\"}, %s}",
                     cases[i].emps, cases[i].tail);
    th_parse_fails(d, cases[i].code, cases[i].path);
    lean_matches_full(d, strlen(d));
    free(d);
  }
}

/* An allocator that keeps the peak of the bytes it holds. */
typedef struct peak_alloc {
  size_t live, peak;
} peak_alloc;

static void *pk_malloc(size_t n, void *payload) {
  peak_alloc *c = payload;
  size_t *h = malloc(n + 16);
  if (!h) return NULL;
  h[0] = n;
  c->live += n;
  if (c->live > c->peak) c->peak = c->live;
  return (char *)h + 16;
}
static void pk_free(void *ptr, void *payload) {
  peak_alloc *c = payload;
  if (!ptr) return;
  size_t *h = (size_t *)((char *)ptr - 16);
  c->live -= h[0];
  free(h);
}
static void *pk_realloc(void *ptr, size_t n, void *payload) {
  peak_alloc *c = payload;
  if (!ptr) return pk_malloc(n, payload);
  size_t *h = (size_t *)((char *)ptr - 16);
  size_t old = h[0];
  size_t *nh = realloc(h, n + 16);
  if (!nh) return NULL;
  nh[0] = n;
  c->live = c->live - old + n;
  if (c->live > c->peak) c->peak = c->live;
  return (char *)nh + 16;
}

/* A leave roster of n employees, each with a request of four choices. */
static char *leave_roster(size_t n) {
  size_t cap = n * 700 + 1024, len = 0;
  char *d = malloc(cap);
  assert_non_null(d);
  len += (size_t)snprintf(d + len, cap - len,
                          "{" HEAD ", \"seniority\": {\"policy\": \"nbpc-2019\"}, "
                          "\"period\": {\"start\": \"2026-10-01\", \"end\": \"2027-03-31\"}, "
                          "\"capacity\": {\"default\": 3}, \"employees\": [");
  for (size_t i = 0; i < n; i++)
    len += (size_t)snprintf(d + len, cap - len,
                            "%s{\"id\": \"E%zu\", \"name\": {\"last\": \"Name%zu\", \"first\": \"F\"}, "
                            "\"service\": {\"series_start\": \"2010-01-%02zu\", \"usbp_start\": "
                            "\"2010-01-01\", \"cbp_start\": \"2010-01-01\"}, \"group\": \"G%zu\"}",
                            i ? ", " : "", i, i, i % 28 + 1, i % 7);
  len += (size_t)snprintf(d + len, cap - len, "], \"requests\": [");
  for (size_t i = 0; i < n; i++) {
    len += (size_t)snprintf(d + len, cap - len, "%s{\"employee\": \"E%zu\", \"choices\": [",
                            i ? ", " : "", i);
    for (int c = 0; c < 4; c++)
      len += (size_t)snprintf(d + len, cap - len,
                              "%s{\"id\": \"%d\", \"options\": [{\"start\": \"2026-11-%02d\", "
                              "\"end\": \"2026-11-%02d\"}]}",
                              c ? ", " : "", c + 1, 2 + 5 * c, 3 + 5 * c);
    len += (size_t)snprintf(d + len, cap - len, "]}");
  }
  len += (size_t)snprintf(d + len, cap - len, "]}");
  assert_true(len < cap);
  return d;
}

/* The bytes held while reading a roster beyond those the problem keeps:
 * with lean reading, no element's tree outlives it (issue 13), so this
 * grows by a few bytes per employee (where each element starts), not by
 * the tree's several bytes per byte of text. */
static size_t parse_overhead(size_t n, bool lean, size_t *text) {
  char *d = leave_roster(n);
  *text = strlen(d);
  peak_alloc c = {0, 0};
  senbid_allocator a = {pk_malloc, pk_realloc, pk_free, &c};
  senbid_parse_options po = SENBID_PARSE_OPTIONS_INIT;
  po.allocator = &a;
  senbid_problem *p = NULL;
  assert_int_equal(sb_problem_parse(&p, d, *text, &po, NULL, lean), SENBID_OK);
  size_t kept = c.live;
  senbid_problem_free(p);
  assert_int_equal(c.live, 0);
  free(d);
  return c.peak - kept;
}

static void lean_reading_holds_one_element(void **state) {
  (void)state;
  size_t t1, t2;
  size_t small = parse_overhead(1000, true, &t1);
  size_t large = parse_overhead(4000, true, &t2);
  double per_emp = ((double)large - (double)small) / 3000.0;
  print_message("# lean: %.1f bytes per employee beyond the problem (%.0f bytes of text each)\n",
                per_emp, (double)(t2 - t1) / 3000.0);
  /* Two arrays of element starts (8 bytes each, grown by doubling). */
  assert_true(per_emp < 40.0);
  size_t full_small = parse_overhead(1000, false, &t1);
  size_t full_large = parse_overhead(4000, false, &t2);
  double full_per_emp = ((double)full_large - (double)full_small) / 3000.0;
  print_message("# full: %.1f bytes per employee\n", full_per_emp);
  assert_true(full_per_emp > 20 * per_emp);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(valid_minimal_document),
      cmocka_unit_test(malformed_json),
      cmocka_unit_test(common_member_errors),
      cmocka_unit_test(employee_errors),
      cmocka_unit_test(employee_limit),
      cmocka_unit_test(lean_reading_matches_full_reading),
      cmocka_unit_test(lazy_members_of_other_kinds),
      cmocka_unit_test(lean_errors_keep_precedence),
      cmocka_unit_test(lean_reading_holds_one_element),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
