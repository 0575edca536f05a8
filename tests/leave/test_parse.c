/*
 * Leave: reading the document (SPEC section 2; input errors of sections 0
 * and 9, each with its JSON path).
 */
#include "leave_test.h"

#define E1 EMP("E1", "2010") "}"
static void test_input_errors(void **state) {
  (void)state;
  th_parse_fails(HEAD "\"employees\":[" E1 "]}", SENBID_E_MISSING, "$.period");
  th_parse_fails(HEAD "\"employees\":[" E1 "],\"period\":{\"start\":\"2026-10-01\"}}",
                 SENBID_E_MISSING, "$.period.end");
  th_parse_fails(HEAD "\"employees\":[" E1 "],\"period\":{\"start\":\"2026-10-01\",\"end\":\"2026-09-30\"}}",
                 SENBID_E_RANGE, "$.period.end");
  th_parse_fails(HEAD "\"employees\":[" E1 "],\"period\":{\"start\":\"2026-10-01\",\"end\":\"2037-01-01\"}}",
                 SENBID_E_LIMIT, "$.period");
  th_parse_fails(HEAD "\"employees\":[" E1 "],\"period\":{\"start\":\"2026-10-32\",\"end\":\"2027-01-01\"}}",
                 SENBID_E_DATE, "$.period.start");
  th_parse_fails(HEAD "\"employees\":[" E1 "]," PERIOD ",\"holidays\":\"xmas\"}",
                 SENBID_E_VALUE, "$.holidays");
  th_parse_fails(HEAD "\"employees\":[" E1 "]," PERIOD ",\"holidays\":3}",
                 SENBID_E_TYPE, "$.holidays");
  th_parse_fails(HEAD "\"employees\":[" E1 "]," PERIOD ",\"holidays\":[\"2026-12-25\",\"12/26\"]}",
                 SENBID_E_DATE, "$.holidays[1]");
  th_parse_fails(HEAD "\"employees\":[" E1 "]," PERIOD ",\"capacity\":{\"default\":-1}}",
                 SENBID_E_NEGATIVE, "$.capacity.default");
  th_parse_fails(HEAD "\"employees\":[" E1 "]," PERIOD ",\"capacity\":{\"groups\":{\"A\":\"x\"}}}",
                 SENBID_E_TYPE, "$.capacity.groups.A");
  th_parse_fails(HEAD "\"employees\":[" E1 "]," PERIOD ",\"capacity\":{\"overrides\":[{\"start\":\"2026-12-01\",\"end\":\"2026-12-02\"}]}}",
                 SENBID_E_MISSING, "$.capacity.overrides[0].max");
  th_parse_fails(HEAD "\"employees\":[" E1 "]," PERIOD ",\"capacity\":{\"overrides\":[{\"start\":\"2026-12-01\",\"end\":\"2026-12-02\",\"max\":-2}]}}",
                 SENBID_E_NEGATIVE, "$.capacity.overrides[0].max");
  th_parse_fails(HEAD "\"employees\":[" E1 "]," PERIOD ",\"approved\":[{\"employee\":\"E9\",\"start\":\"2026-12-01\",\"end\":\"2026-12-02\"}]}",
                 SENBID_E_UNKNOWN_ID, "$.approved[0].employee");
  th_parse_fails(HEAD "\"employees\":[" E1 "]," PERIOD ",\"approved\":[{\"employee\":\"E1\",\"start\":\"2026-12-03\",\"end\":\"2026-12-02\"}]}",
                 SENBID_E_RANGE, "$.approved[0].end");
  th_parse_fails(HEAD "\"employees\":[" E1 "]," PERIOD ",\"requests\":[{\"employee\":\"E9\",\"choices\":[]}]}",
                 SENBID_E_UNKNOWN_ID, "$.requests[0].employee");
  th_parse_fails(HEAD "\"employees\":[" E1 "]," PERIOD ",\"requests\":[{\"employee\":\"E1\",\"choices\":[]},{\"employee\":\"E1\",\"choices\":[]}]}",
                 SENBID_E_DUPLICATE, "$.requests[1].employee");
  th_parse_fails(HEAD "\"employees\":[" E1 "]," PERIOD ",\"requests\":[{\"employee\":\"E1\"}]}",
                 SENBID_E_MISSING, "$.requests[0].choices");
  th_parse_fails(HEAD "\"employees\":[" E1 "]," PERIOD ",\"requests\":[{\"employee\":\"E1\",\"choices\":[{\"id\":\"a\",\"options\":[]},{\"id\":\"a\",\"options\":[]}]}]}",
                 SENBID_E_DUPLICATE, "$.requests[0].choices[1].id");
  th_parse_fails(HEAD "\"employees\":[" E1 "]," PERIOD ",\"requests\":[{\"employee\":\"E1\",\"choices\":[{\"options\":[]}]}]}",
                 SENBID_E_MISSING, "$.requests[0].choices[0].id");
  th_parse_fails(HEAD "\"employees\":[" E1 "]," PERIOD ",\"requests\":[{\"employee\":\"E1\",\"choices\":[{\"id\":\"a\"}]}]}",
                 SENBID_E_MISSING, "$.requests[0].choices[0].options");
  th_parse_fails(HEAD "\"employees\":[" E1 "]," PERIOD ",\"requests\":[{\"employee\":\"E1\",\"choices\":[{\"id\":\"a\",\"options\":[{\"start\":\"2026-12-01\",\"end\":\"x\"}]}]}]}",
                 SENBID_E_DATE, "$.requests[0].choices[0].options[0].end");
  th_parse_fails(HEAD "\"employees\":[" E1 "]," PERIOD ",\"rules\":{\"max_days_per_employee\":-1}}",
                 SENBID_E_NEGATIVE, "$.rules.max_days_per_employee");
  th_parse_fails(HEAD "\"employees\":[" E1 "]," PERIOD ",\"rules\":{\"max_days_per_employee\":1.5}}",
                 SENBID_E_TYPE, "$.rules.max_days_per_employee");
  th_parse_fails(HEAD "\"employees\":[" EMP("E1", "2010") ",\"leave_balance_hours\":-8}]," PERIOD "}",
                 SENBID_E_NEGATIVE, "$.employees[0].leave_balance_hours");
  th_parse_fails(HEAD "\"employees\":[" EMP("E1", "2010") ",\"hours_per_day\":\"8\"}]," PERIOD "}",
                 SENBID_E_TYPE, "$.employees[0].hours_per_day");
  th_parse_fails(HEAD "\"employees\":[" EMP("E1", "2010") ",\"min_leave_days\":-1}]," PERIOD "}",
                 SENBID_E_NEGATIVE, "$.employees[0].min_leave_days");
  th_parse_fails(HEAD "\"employees\":[" EMP("E1", "2010") ",\"workdays\":[\"mon\",\"funday\"]}]," PERIOD "}",
                 SENBID_E_VALUE, "$.employees[0].workdays[1]");
  th_parse_fails(HEAD "\"employees\":[" EMP("E1", "2010") ",\"workdays\":\"mon\"}]," PERIOD "}",
                 SENBID_E_TYPE, "$.employees[0].workdays");
  th_parse_fails(HEAD "\"employees\":[" E1 "]," PERIOD ",\"requests\":[{\"employee\":\"E1\",\"choices\":[{\"id\":\"\",\"options\":[]}]}]}",
                 SENBID_E_VALUE, "$.requests[0].choices[0].id");
  th_parse_fails(HEAD "\"employees\":[" E1 "]," PERIOD ",\"capacity\":{\"groups\":{\"G\":-3}}}",
                 SENBID_E_NEGATIVE, "$.capacity.groups.G");
  th_parse_fails(HEAD "\"employees\":[" E1 "]," PERIOD ",\"capacity\":{\"overrides\":[{\"start\":\"2020-01-01\",\"end\":\"2030-12-31\",\"max\":1}]}}",
                 SENBID_E_LIMIT, "$.capacity.overrides[0]");
  th_parse_fails(HEAD "\"employees\":[" E1 "]," PERIOD ",\"requests\":{}}",
                 SENBID_E_TYPE, "$.requests");
  th_parse_fails(HEAD "\"employees\":[" E1 "]," PERIOD ",\"inauguration_day\":\"yes\"}",
                 SENBID_E_TYPE, "$.inauguration_day");
  /* 65 choices: LIMIT (SPEC section 9). */
  char buf[8192];
  size_t n = (size_t)snprintf(buf, sizeof buf, "%s", HEAD "\"employees\":[" E1 "]," PERIOD
                              ",\"requests\":[{\"employee\":\"E1\",\"choices\":[");
  for (int i = 0; i < 65; i++)
    n += (size_t)snprintf(buf + n, sizeof buf - n, "%s{\"id\":\"c%d\",\"options\":[]}", i ? "," : "", i);
  snprintf(buf + n, sizeof buf - n, "]}]}");
  th_parse_fails(buf, SENBID_E_LIMIT, "$.requests[0].choices");
  /* null is absent; unknown members are ignored. */
  senbid_problem *p = th_parse_ok(HEAD "\"employees\":[" E1 "]," PERIOD
                                  ",\"holidays\":null,\"capacity\":null,\"frobnicate\":1}");
  senbid_problem_free(p);
}


/* capacity.totals, rules.priority and school_breaks (SPEC section 2):
 * every error the spec lists, at its path. */
#define TWO EMP("E1", "2010") ",\"group\":\"A\"}," EMP("E2", "2011") ",\"group\":\"B\"}"
static void test_input_errors_totals_priority(void **state) {
  (void)state;
  th_parse_fails(HEAD "\"employees\":[" TWO "]," PERIOD ",\"capacity\":{\"totals\":[{\"groups\":[],\"max\":1}]}}",
                 SENBID_E_MISSING, "$.capacity.totals[0].groups");
  th_parse_fails(HEAD "\"employees\":[" TWO "]," PERIOD ",\"capacity\":{\"totals\":[{\"max\":1}]}}",
                 SENBID_E_MISSING, "$.capacity.totals[0].groups");
  th_parse_fails(HEAD "\"employees\":[" TWO "]," PERIOD ",\"capacity\":{\"totals\":[{\"groups\":[\"A\",\"B\"]}]}}",
                 SENBID_E_MISSING, "$.capacity.totals[0].max");
  th_parse_fails(HEAD "\"employees\":[" TWO "]," PERIOD ",\"capacity\":{\"totals\":[{\"groups\":[\"A\",\"B\"],\"max\":null}]}}",
                 SENBID_E_MISSING, "$.capacity.totals[0].max");
  th_parse_fails(HEAD "\"employees\":[" TWO "]," PERIOD ",\"capacity\":{\"totals\":[{\"groups\":[\"A\",\"B\",\"A\"],\"max\":1}]}}",
                 SENBID_E_DUPLICATE, "$.capacity.totals[0].groups[2]");
  th_parse_fails(HEAD "\"employees\":[" TWO "]," PERIOD ",\"capacity\":{\"totals\":[{\"groups\":[\"A\"],\"max\":-1}]}}",
                 SENBID_E_NEGATIVE, "$.capacity.totals[0].max");
  th_parse_fails(HEAD "\"employees\":[" TWO "]," PERIOD ",\"capacity\":{\"totals\":[{\"groups\":[\"A\"],\"max\":1,\"start\":\"2026-12-01\"}]}}",
                 SENBID_E_MISSING, "$.capacity.totals[0].end");
  th_parse_fails(HEAD "\"employees\":[" TWO "]," PERIOD ",\"capacity\":{\"totals\":[{\"groups\":[\"A\"],\"max\":1,\"end\":\"2026-12-01\"}]}}",
                 SENBID_E_MISSING, "$.capacity.totals[0].start");
  th_parse_fails(HEAD "\"employees\":[" TWO "]," PERIOD ",\"capacity\":{\"totals\":[{\"groups\":[\"A\"],\"max\":1,\"start\":\"2026-12-02\",\"end\":\"2026-12-01\"}]}}",
                 SENBID_E_RANGE, "$.capacity.totals[0].end");
  th_parse_fails(HEAD "\"employees\":[" TWO "]," PERIOD ",\"capacity\":{\"totals\":[{\"groups\":[3],\"max\":1}]}}",
                 SENBID_E_TYPE, "$.capacity.totals[0].groups[0]");
  th_parse_fails(HEAD "\"employees\":[" TWO "]," PERIOD ",\"capacity\":{\"totals\":{}}}",
                 SENBID_E_TYPE, "$.capacity.totals");
  th_parse_fails(HEAD "\"employees\":[" TWO "]," PERIOD ",\"rules\":{\"priority\":\"nbpc-2019\"}}",
                 SENBID_E_VALUE, "$.rules.priority");
  th_parse_fails(HEAD "\"employees\":[" TWO "]," PERIOD ",\"rules\":{\"priority\":[]}}",
                 SENBID_E_VALUE, "$.rules.priority");
  th_parse_fails(HEAD "\"employees\":[" TWO "]," PERIOD ",\"rules\":{\"priority\":[\"use_or_lose\",\"height\"]}}",
                 SENBID_E_VALUE, "$.rules.priority[1]");
  th_parse_fails(HEAD "\"employees\":[" TWO "]," PERIOD ",\"rules\":{\"priority\":[\"leave_credit\",\"leave_credit\"]}}",
                 SENBID_E_VALUE, "$.rules.priority[1]");
  th_parse_fails(HEAD "\"employees\":[" TWO "]," PERIOD ",\"rules\":{\"priority\":7}}",
                 SENBID_E_TYPE, "$.rules.priority");
  th_parse_fails(HEAD "\"employees\":[" TWO "]," PERIOD ",\"school_breaks\":[{\"start\":\"2026-12-19\"}]}",
                 SENBID_E_MISSING, "$.school_breaks[0].end");
  th_parse_fails(HEAD "\"employees\":[" EMP("E1", "2010") ",\"use_or_lose_hours\":-8}]," PERIOD "}",
                 SENBID_E_NEGATIVE, "$.employees[0].use_or_lose_hours");
  th_parse_fails(HEAD "\"employees\":[" EMP("E1", "2010") ",\"school_age_children\":1}]," PERIOD "}",
                 SENBID_E_TYPE, "$.employees[0].school_age_children");
  th_parse_fails(HEAD "\"employees\":[" EMP("E1", "2010") ",\"denied_previous_period\":\"yes\"}]," PERIOD "}",
                 SENBID_E_TYPE, "$.employees[0].denied_previous_period");
  /* A total may name a group no employee belongs to; presets and lists
   * with seniority anywhere are accepted. */
  senbid_problem *p = th_parse_ok(HEAD "\"employees\":[" TWO "]," PERIOD
      ",\"capacity\":{\"totals\":[{\"groups\":[\"A\",\"Nobody\"],\"max\":0}]},"
      "\"rules\":{\"priority\":[\"seniority\",\"use_or_lose\"]}}");
  senbid_problem_free(p);
  p = th_parse_ok(HEAD "\"employees\":[" TWO "]," PERIOD ",\"rules\":{\"priority\":\"ins-1995\"}}");
  senbid_problem_free(p);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_input_errors),
      cmocka_unit_test(test_input_errors_totals_priority),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
