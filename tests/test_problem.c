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

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(valid_minimal_document),
      cmocka_unit_test(malformed_json),
      cmocka_unit_test(common_member_errors),
      cmocka_unit_test(employee_errors),
      cmocka_unit_test(employee_limit),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
