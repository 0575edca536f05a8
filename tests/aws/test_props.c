/* Properties of aws results on generated offices (issue #10): every
 * result solve makes checks clean, with both methods. */
#include "aws_test.h"

/* ------------------------------------------------------ generated rosters */

/* Properties of any seniority-pass result: every employee has one
 * schedule, in seniority order; approved schedules respect max_type and
 * max_off week by week; telework respects max_telework; every option
 * before the approved one is reported in invalid; the result checks clean
 * and is the same on every run. */
static void test_generated_rosters(void **state) {
  (void)state;
  for (uint64_t seed = 1; seed <= 25; seed++) {
    int n = 5 + (int)(seed * 7 % 40);
    char *j = gen(seed, n, false);
    char *text = th_solve_text(j, SENBID_METHOD_ROUND_ROBIN);
    char *again = th_solve_text(j, SENBID_METHOD_ROUND_ROBIN);
    assert_string_equal(text, again);
    cJSON *r = cJSON_Parse(text);
    cJSON *pr = cJSON_Parse(j);
    const cJSON *office = th_get(pr, "office");
    const cJSON *s = th_get(r, "schedules");
    const cJSON *sen = th_get(r, "seniority");
    assert_int_equal(cJSON_GetArraySize(s), n);
    int off[2][7] = {{0}}, n410 = 0, tue = 0;
    for (int i = 0; i < n; i++) {
      const cJSON *x = th_at(s, i);
      assert_string_equal(th_str(x, "employee"), th_at(sen, i)->valuestring);
      bool appr = strcmp(th_str(x, "reason"), "APPROVED") == 0;
      if (appr) {
        if (strcmp(th_str(x, "type"), "CWS_4_10") == 0) n410++;
        for (const cJSON *d = th_get(x, "days_off")->child; d; d = d->next)
          off[(int)th_num(d, "week") - 1][day_index(th_str(d, "day"))]++;
        int k = (int)th_num(x, "option");
        for (int o = 0; o < k; o++)
          assert_non_null(invalid_of(r, th_str(x, "employee"), o));
      }
      for (const cJSON *t = th_get(x, "telework")->child; t; t = t->next)
        if (strcmp(t->valuestring, "tue") == 0) tue++;
    }
    const cJSON *mo = th_get(office, "max_off");
    for (int w = 0; w < 2; w++) {
      assert_true(off[w][1] <= (int)th_num(mo, "mon"));
      assert_true(off[w][5] <= (int)th_num(mo, "fri"));
    }
    assert_true(n410 <= (int)th_num(th_get(office, "max_type"), "CWS_4_10"));
    assert_true(tue <= (int)th_num(th_get(office, "max_telework"), "tue"));
    /* the seniority pass keeps every rule by its own check */
    senbid_result *res = check(j, text);
    if (senbid_result_outcome(res) != SENBID_OUTCOME_OK)
      fail_msg("seed %d: %s", (int)seed, senbid_result_json(res, NULL));
    senbid_result_free(res);
    /* lexicographic without minimums = round robin */
    expect_same_as_round_robin(j);
    cJSON_Delete(pr);
    cJSON_Delete(r);
    free(again);
    free(text);
    free(j);
  }
}

/* Lexicographic with minimums on generated rosters: either infeasible, or
 * every min_type met by the final schedules, the maxima kept, and the
 * result clean under check. */
static void test_generated_lexicographic(void **state) {
  (void)state;
  for (uint64_t seed = 100; seed < 115; seed++) {
    int n = 4 + (int)(seed % 20);
    char *j = gen(seed, n, true);
    cJSON *r = th_solve(j, SENBID_METHOD_LEXICOGRAPHIC);
    cJSON *pr = cJSON_Parse(j);
    const cJSON *mt = th_get(th_get(pr, "office"), "min_type");
    if (strcmp(th_str(r, "status"), "infeasible") == 0) {
      assert_true(cJSON_GetArraySize(th_get(r, "infeasible")) > 0);
    } else {
      int cnt[2] = {0, 0};
      for (const cJSON *x = th_get(r, "schedules")->child; x; x = x->next) {
        if (strcmp(th_str(x, "type"), "VWS") == 0) cnt[0]++;
        if (strcmp(th_str(x, "type"), "MAXIFLEX") == 0) cnt[1]++;
      }
      assert_true(cnt[0] >= (int)th_num(mt, "VWS"));
      assert_true(cnt[1] >= (int)th_num(mt, "MAXIFLEX"));
      char *text = cJSON_Print(r);
      senbid_result *res = check(j, text);
      if (senbid_result_outcome(res) != SENBID_OUTCOME_OK)
        fail_msg("seed %d: %s", (int)seed, senbid_result_json(res, NULL));
      senbid_result_free(res);
      free(text);
    }
    cJSON_Delete(pr);
    cJSON_Delete(r);
    free(j);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_generated_rosters),
      cmocka_unit_test(test_generated_lexicographic),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
