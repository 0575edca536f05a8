/*
 * Leave: checking a posted result (SPEC section 7) through the rules.
 */
#include "leave_test.h"

/* The solver's own results keep every rule. */
static void test_check_clean(void **state) {
  (void)state;
  for (uint64_t seed = 1; seed <= (uint64_t)th_seeds(200); seed++) {
    gen g;
    gen_make_ex(&g, seed, seed % 2 == 0, seed % 3 != 0);
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


/* Issue 10 item 5: a grant's round is part of the decision (NBPC 2019
 * Art. 14 C.2: one grant per employee per round). E1 asks a then b, E2
 * asks c; no caps. The pass grants E1 a (round 1), E2 c (round 1), E1 b
 * (round 2). Posting E1 b in round 1 is ROUND; so is a denial posted in
 * the wrong round. */
static void test_check_round(void **state) {
  (void)state;
  const char *doc = HEAD "\"employees\":[" EMP("E1", "2010") "}," EMP("E2", "2011") "}]," PERIOD
      ",\"requests\":["
      "{\"employee\":\"E1\",\"choices\":[{\"id\":\"a\",\"options\":[" OPT("2026-11-02", "2026-11-02") "]},"
      "{\"id\":\"b\",\"options\":[" OPT("2026-11-09", "2026-11-09") "]},"
      "{\"id\":\"z\",\"options\":[" OPT("2027-05-01", "2027-05-01") "]}]},"
      "{\"employee\":\"E2\",\"choices\":[{\"id\":\"c\",\"options\":[" OPT("2026-11-03", "2026-11-03") "]}]}]}";
  char *res = th_solve_text(doc, SENBID_METHOD_ROUND_ROBIN);
  int outcome = -1;
  cJSON *chk = run_check(doc, res, &outcome);
  assert_int_equal(outcome, SENBID_OUTCOME_OK);
  cJSON_Delete(chk);
  cJSON *r = cJSON_Parse(res);
  cJSON *g2 = cJSON_GetArrayItem(cJSON_GetObjectItem(r, "grants"), 2);
  assert_string_equal(th_str(g2, "choice"), "b");
  cJSON_ReplaceItemInObject(g2, "round", cJSON_CreateNumber(1));
  char *posted = cJSON_PrintUnformatted(r);
  chk = run_check(doc, posted, &outcome);
  assert_int_equal(outcome, SENBID_OUTCOME_DEPARTURES);
  assert_true(has_departure(chk, "ROUND", "E1"));
  assert_false(has_departure(chk, "SENIORITY", NULL));
  cJSON_Delete(chk);
  free(posted);
  /* Put it back; move the denial of z (round 2: E1's turn goes on after
   * b's grant? no: b is granted in round 2, so z is decided in round 3). */
  cJSON_ReplaceItemInObject(g2, "round", cJSON_CreateNumber(2));
  cJSON *d0 = cJSON_GetArrayItem(cJSON_GetObjectItem(r, "denials"), 0);
  assert_string_equal(th_str(d0, "choice"), "z");
  assert_int_equal((int)th_num(d0, "round"), 3);
  cJSON_ReplaceItemInObject(d0, "round", cJSON_CreateNumber(2));
  posted = cJSON_PrintUnformatted(r);
  chk = run_check(doc, posted, &outcome);
  assert_true(has_departure(chk, "ROUND", "E1"));
  cJSON_Delete(chk);
  free(posted);
  cJSON_Delete(r);
  free(res);
}

/* A document that is not a leave result is an input error naming what is
 * wrong, not a list of departures (issue 10 item 5). */
static void check_fails(const char *doc, const char *posted, int code,
                        const char *path) {
  senbid_problem *p = th_parse_ok(doc);
  senbid_result *r = NULL;
  senbid_error *err = NULL;
  assert_int_equal(senbid_check(&r, p, posted, strlen(posted), &err), code);
  assert_null(r);
  assert_string_equal(senbid_error_path(err), path);
  senbid_error_free(err);
  senbid_problem_free(p);
}

static void test_check_wrong_documents(void **state) {
  (void)state;
  const char *doc = HEAD "\"employees\":[" EMP("E1", "2010") "}]," PERIOD
      ",\"requests\":[{\"employee\":\"E1\",\"choices\":[{\"id\":\"a\",\"options\":["
      OPT("2026-11-02", "2026-11-02") "]}]}]}";
  /* The common check entry (lib/solve.c) names what is missing first: an
   * empty document has no kind; a problem document has no method. */
  check_fails(doc, "{}", SENBID_E_MISSING, "$.kind");
  check_fails(doc, doc, SENBID_E_MISSING, "$.method");
  /* A leave result without its grants. */
  check_fails(doc, "{\"kind\":\"leave\",\"method\":\"round_robin\"}", SENBID_E_MISSING,
              "$.grants");
  check_fails(doc, "{\"kind\":\"shift_bid\",\"assignments\":[]}", SENBID_E_VALUE, "$.kind");
  check_fails(doc, "{\"kind\":\"leave\",\"grants\":{}}", SENBID_E_TYPE, "$.grants");
}

/* A posted schedule replayed through the fit tests in its own order: the
 * grant that does not fit when it is made is named, with the fit test's
 * reason (NBPC 2019 Art. 14 B: cap 1, two grants on Nov 2; a total). */
static void test_check_fit_replay(void **state) {
  (void)state;
  const char *doc = HEAD "\"employees\":[" EMP("E1", "2010") ",\"group\":\"A\"},"
      EMP("E2", "2011") ",\"group\":\"B\"}]," PERIOD
      ",\"capacity\":{\"default\":5,\"totals\":[{\"groups\":[\"A\",\"B\"],\"max\":1}]},\"requests\":["
      "{\"employee\":\"E1\",\"choices\":[{\"id\":\"a\",\"options\":[" OPT("2026-11-02", "2026-11-03") "]}]},"
      "{\"employee\":\"E2\",\"choices\":[{\"id\":\"a\",\"options\":[" OPT("2026-11-03", "2026-11-04") "]}]}]}";
  const char *posted = "{\"kind\":\"leave\",\"grants\":["
      "{\"employee\":\"E1\",\"choice\":\"a\",\"option\":0,\"start\":\"2026-11-02\",\"end\":\"2026-11-03\",\"round\":1},"
      "{\"employee\":\"E2\",\"choice\":\"a\",\"option\":0,\"start\":\"2026-11-03\",\"end\":\"2026-11-04\",\"round\":1}],"
      "\"notify\":[]}";
  int outcome = -1;
  cJSON *chk = run_check(doc, posted, &outcome);
  assert_true(has_departure(chk, "CAPACITY", "E2"));
  assert_false(has_departure(chk, "CAPACITY", "E1"));
  assert_true(has_departure(chk, "SENIORITY", "E2"));
  const cJSON *d;
  cJSON_ArrayForEach(d, th_get(chk, "departures"))
    if (strcmp(th_str(d, "code"), "CAPACITY") == 0)
      assert_non_null(strstr(th_str(d, "detail"), "2026-11-03"));
  cJSON_Delete(chk);
}

/* ------------------------------------------------------------------------ */
/* Property: check finds a departure in every single-decision change        */
/* ------------------------------------------------------------------------ */

static bool check_flags(const char *doc, cJSON *res) {
  char *posted = cJSON_PrintUnformatted(res);
  int outcome = -1;
  cJSON *chk = run_check(doc, posted, &outcome);
  cJSON_Delete(chk);
  free(posted);
  return outcome == SENBID_OUTCOME_DEPARTURES;
}

static void set_num(cJSON *o, const char *key, double v) {
  cJSON_ReplaceItemInObject(o, key, cJSON_CreateNumber(v));
}

static void set_str(cJSON *o, const char *key, const char *v) {
  cJSON_ReplaceItemInObject(o, key, cJSON_CreateString(v));
}

/* Option k of choice c of employee E<i> in g, as start/end strings. */
static void gen_dates(const gen *g, int i, int c, int k, char a[11], char b[11]) {
  sb_date_format(gen_day0() + g->os[i][c][k], a);
  sb_date_format(gen_day0() + g->oe[i][c][k], b);
}

/* Every single change of one decision of a result solve made: another
 * option for a grant, a grant taken away, a grant's round moved, a denial
 * turned into a grant. The rules decide each choice one way (the sequence
 * is deterministic), so no such change is another equally valid result,
 * and check must flag every one. */
static void test_property_check_flags_every_change(void **state) {
  (void)state;
  int changes = 0;
  for (uint64_t seed = 300; seed < 300 + (uint64_t)th_seeds(120); seed++) {
    gen g;
    gen_make_ex(&g, seed, seed % 2 == 0, seed % 3 != 0);
    char *doc = gen_json(&g);
    for (int m = 0; m < 2; m++) {
      char *text = th_solve_text(doc, m);
      cJSON *res = cJSON_Parse(text);
      if (strcmp(th_str(res, "status"), "ok") != 0) {
        cJSON_Delete(res);
        free(text);
        continue;
      }
      int ng = count(res, "grants"), nd = count(res, "denials");
      for (int x = 0; x < ng; x++) {
        const cJSON *gr = at(res, "grants", x);
        int i = atoi(th_str(gr, "employee") + 1);
        int c = atoi(th_str(gr, "choice") + 1);
        int k = (int)th_num(gr, "option");
        for (int kind = 0; kind < 3; kind++) {
          cJSON *mut = cJSON_Duplicate(res, true);
          cJSON *mg = cJSON_GetArrayItem(cJSON_GetObjectItem(mut, "grants"), x);
          if (kind == 0) { /* another option of the choice */
            if (g.nopt[i][c] < 2) {
              cJSON_Delete(mut);
              continue;
            }
            char a[11], b[11];
            gen_dates(&g, i, c, 1 - k, a, b);
            set_num(mg, "option", 1 - k);
            set_str(mg, "start", a);
            set_str(mg, "end", b);
          } else if (kind == 1) { /* taken away */
            cJSON_DeleteItemFromArray(cJSON_GetObjectItem(mut, "grants"), x);
          } else { /* another round */
            set_num(mg, "round", th_num(mg, "round") + 1);
          }
          changes++;
          if (!check_flags(doc, mut)) {
            print_error("seed %llu method %d: grant %d change %d not flagged\n",
                        (unsigned long long)seed, m, x, kind);
            fail();
          }
          cJSON_Delete(mut);
        }
      }
      for (int x = 0; x < nd; x++) {
        const cJSON *dn = at(res, "denials", x);
        int i = atoi(th_str(dn, "employee") + 1);
        int c = atoi(th_str(dn, "choice") + 1);
        if (g.nopt[i][c] == 0) continue;
        cJSON *mut = cJSON_Duplicate(res, true);
        cJSON_DeleteItemFromArray(cJSON_GetObjectItem(mut, "denials"), x);
        cJSON *ng_ = cJSON_CreateObject();
        char a[11], b[11];
        gen_dates(&g, i, c, 0, a, b);
        cJSON_AddStringToObject(ng_, "employee", th_str(dn, "employee"));
        cJSON_AddStringToObject(ng_, "choice", th_str(dn, "choice"));
        cJSON_AddNumberToObject(ng_, "option", 0);
        cJSON_AddStringToObject(ng_, "start", a);
        cJSON_AddStringToObject(ng_, "end", b);
        cJSON_AddNumberToObject(ng_, "round", th_num(dn, "round"));
        cJSON_AddItemToArray(cJSON_GetObjectItem(mut, "grants"), ng_);
        changes++;
        if (!check_flags(doc, mut)) {
          print_error("seed %llu method %d: denial %d granted, not flagged\n",
                      (unsigned long long)seed, m, x);
          fail();
        }
        cJSON_Delete(mut);
      }
      cJSON_Delete(res);
      free(text);
    }
    free(doc);
  }
  assert_true(changes > th_seeds(120) * 4);
}


/* check finds nothing in results solve made on rosters of 30 to 300
 * employees, both methods, with and without totals and factors. */
static void test_property_check_clean_sizes(void **state) {
  (void)state;
  const int sizes[] = {30, 100, 300};
  for (int si = 0; si < 3; si++)
    for (int extras = 0; extras < 2; extras++) {
      char *doc = gen_big_doc(sizes[si], 100 + (uint64_t)si, extras);
      for (int m = 0; m < 2; m++) {
        char *res = th_solve_text(doc, m);
        int outcome = -1;
        cJSON *chk = run_check(doc, res, &outcome);
        if (outcome != SENBID_OUTCOME_OK) {
          print_error("%d employees, extras %d, method %d: departures\n", sizes[si], extras, m);
          fail();
        }
        cJSON_Delete(chk);
        free(res);
      }
      free(doc);
    }
}

/* The departure of `code` for emp, or NULL. */
static const cJSON *departure(const cJSON *doc, const char *code, const char *emp) {
  const cJSON *d;
  cJSON_ArrayForEach(d, th_get(doc, "departures")) {
    const cJSON *e = cJSON_GetObjectItemCaseSensitive(d, "employee");
    if (!strcmp(th_str(d, "code"), code) && cJSON_IsString(e) && !strcmp(e->valuestring, emp)) return d;
  }
  return NULL;
}

/* check replays the round order of rules.priority (SPEC section 7; ICE
 * 2019 Art. 18 Sec. 2.E.1). Preset ice-2019, cap 1; E1 (senior, no
 * factor) and E2 (junior, 40 use-or-lose hours) both ask the Christmas
 * week Dec 21-24. The rules give it to E2 (round 1's order: E2, E1). A
 * posted schedule that gave it to E1 by seniority alone, and denied E2,
 * ignored the factor: SENIORITY for both, citing the ICE clause, and
 * NOTIFY for E1 (the rules deny E1, who is not in the posted notify). The
 * solver's own result has no departure. */
static void test_check_factor_order(void **state) {
  (void)state;
  const char *doc = HEAD "\"employees\":[" EMP("E1", "2010") "},"
      EMP("E2", "2012") ",\"use_or_lose_hours\":40}]," PERIOD
      ",\"capacity\":{\"default\":1},\"requests\":["
      "{\"employee\":\"E1\",\"choices\":[{\"id\":\"xmas\",\"options\":[" OPT("2026-12-21", "2026-12-24") "]}]},"
      "{\"employee\":\"E2\",\"choices\":[{\"id\":\"xmas\",\"options\":[" OPT("2026-12-21", "2026-12-24") "]}]}],"
      "\"rules\":{\"priority\":\"ice-2019\"}}";
  const char *posted = "{\"kind\":\"leave\",\"method\":\"round_robin\",\"grants\":["
      "{\"employee\":\"E1\",\"choice\":\"xmas\",\"option\":0,\"start\":\"2026-12-21\","
      "\"end\":\"2026-12-24\",\"round\":1,\"charged_days\":4,\"charged_hours\":32}],"
      "\"denials\":[{\"employee\":\"E2\",\"choice\":\"xmas\",\"round\":1,\"options\":"
      "[{\"option\":0,\"reason\":\"CAPACITY\",\"date\":\"2026-12-21\"}]}],\"notify\":[\"E2\"]}";
  int outcome = -1;
  cJSON *chk = run_check(doc, posted, &outcome);
  assert_int_equal(outcome, SENBID_OUTCOME_DEPARTURES);
  assert_int_equal(count(chk, "departures"), 3);
  const cJSON *d1 = departure(chk, "SENIORITY", "E1");
  assert_non_null(d1);
  assert_string_equal(th_str(d1, "rule"), "ICE2019.ART18.SEC2.E");
  assert_string_equal(th_str(d1, "detail"),
                      "choice \"xmas\": option 0 is posted, but in the priority order the choice is denied");
  const cJSON *d2 = departure(chk, "SENIORITY", "E2");
  assert_non_null(d2);
  assert_string_equal(th_str(d2, "rule"), "ICE2019.ART18.SEC2.E");
  assert_string_equal(th_str(d2, "detail"),
                      "choice \"xmas\": not granted, but in the priority order option 0 is");
  assert_non_null(departure(chk, "NOTIFY", "E1"));
  assert_false(has_departure(chk, "CAPACITY", NULL));
  cJSON_Delete(chk);
  char *res = th_solve_text(doc, SENBID_METHOD_ROUND_ROBIN);
  chk = run_check(doc, res, &outcome);
  assert_int_equal(outcome, SENBID_OUTCOME_OK);
  cJSON_Delete(chk);
  free(res);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_check_clean),
      cmocka_unit_test(test_check_departures),
      cmocka_unit_test(test_property_check_clean_sizes),
      cmocka_unit_test(test_check_round),
      cmocka_unit_test(test_check_wrong_documents),
      cmocka_unit_test(test_check_fit_replay),
      cmocka_unit_test(test_check_factor_order),
      cmocka_unit_test(test_property_check_flags_every_change),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
