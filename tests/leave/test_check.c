/*
 * Leave: checking a posted result (SPEC section 7) through the rules.
 */
#include "leave_test.h"

/* The solver's own results keep every rule. */
static void test_check_clean(void **state) {
  (void)state;
  for (uint64_t seed = 1; seed <= 40; seed++) {
    gen g;
    gen_make(&g, seed, seed % 2 == 0);
    char *doc = gen_json(&g);
    for (int m = 0; m < 2; m++) {
      char *res = th_solve_text(doc, m);
      int outcome = -1;
      cJSON *chk = run_check(doc, res, &outcome);
      if (outcome != SENBID_OUTCOME_OK) {
        char *txt = cJSON_Print(chk);
        print_error("seed %llu method %d: %s\n", (unsigned long long)seed, m, txt);
        free(txt);
        fail();
      }
      cJSON_Delete(chk);
      free(res);
    }
    free(doc);
  }
}

/* A hand-made schedule that gives the junior E2 the days the senior E1
 * asked for first (cap 1): the pass grants E1 (NBPC 2019 Art. 14 C.2), so
 * check lists SENIORITY for both, CAPACITY is kept, and E1 (denied in the
 * posted schedule) should have been notified... but the rules deny E2, who
 * is missing from notify: NOTIFY. An over-balance grant is BALANCE. */
static void test_check_departures(void **state) {
  (void)state;
  const char *doc = HEAD "\"employees\":[" EMP("E1", "2010") "}," EMP(
      "E2", "2012") ",\"leave_balance_hours\":8}]," PERIOD
      ",\"capacity\":{\"default\":1},\"requests\":["
      "{\"employee\":\"E1\",\"choices\":[{\"id\":\"a\",\"options\":["
      OPT("2026-11-02", "2026-11-03") "]}]},"
      "{\"employee\":\"E2\",\"choices\":[{\"id\":\"a\",\"options\":["
      OPT("2026-11-02", "2026-11-03") "]}]}]}";
  const char *posted = "{\"grants\":[{\"employee\":\"E2\",\"choice\":\"a\","
      "\"option\":0,\"start\":\"2026-11-02\",\"end\":\"2026-11-03\"}],"
      "\"notify\":[\"E1\"]}";
  int outcome = -1;
  cJSON *chk = run_check(doc, posted, &outcome);
  assert_int_equal(outcome, SENBID_OUTCOME_DEPARTURES);
  assert_true(has_departure(chk, "SENIORITY", "E1"));
  assert_true(has_departure(chk, "SENIORITY", "E2"));
  assert_true(has_departure(chk, "BALANCE", "E2"));
  assert_true(has_departure(chk, "NOTIFY", "E2"));
  assert_false(has_departure(chk, "CAPACITY", NULL));
  cJSON_Delete(chk);
  /* Both granted: a day over its cap; an unknown choice. */
  posted = "{\"grants\":[{\"employee\":\"E1\",\"choice\":\"a\",\"option\":0,"
      "\"start\":\"2026-11-02\",\"end\":\"2026-11-03\"},"
      "{\"employee\":\"E2\",\"choice\":\"a\",\"option\":0,"
      "\"start\":\"2026-11-02\",\"end\":\"2026-11-03\"},"
      "{\"employee\":\"E2\",\"choice\":\"zz\",\"option\":0}],\"notify\":[\"E2\"]}";
  chk = run_check(doc, posted, &outcome);
  assert_true(has_departure(chk, "CAPACITY", NULL));
  assert_true(has_departure(chk, "UNKNOWN_CHOICE", "E2"));
  assert_false(has_departure(chk, "NOTIFY", NULL));
  cJSON_Delete(chk);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_check_clean),
      cmocka_unit_test(test_check_departures),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
