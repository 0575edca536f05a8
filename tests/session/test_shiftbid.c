/* Shift-bid sessions worked by hand (SPEC 10; NBPC 2019 Appendix II).
 *
 * The station: DAY (max 1) and MID (max 3, at most 1 GS-12).
 *   E1 2000 GS-12 bids DAY, MID      E2 2001 GS-12 bids DAY, MID
 *   E3 2002 GS-12 no sheet           E4 2003 GS-11 fixed_shift MID
 *   E5 2026 GS-11 no sheet, too little series time (III.D.1)
 * Start: E4 is placed on MID by management (III.I, step 1). Turns, in
 * seniority order (IV.D): E1, E2, E3 (E4 is placed, E5 is not eligible).
 * E1 proxy: DAY (rank 1). E2 bids DAY, MID: DAY is full, MID (rank 2), the
 * one GS-12 place of MID. E3 bids MID: no room for a GS-12 (PREFS_FULL).
 * The last turn ends: step 4 places E5 (INELIGIBLE_SERIES_TIME) on MID, the
 * only shift with room for a GS-11; E3 has none left: unplaced (IV.A.4). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../shiftbid/sbt.h"
#include "sst.h"

static char *station_a(void) {
  char *emps = join(5, emp("E1", 2000, "\"grade\":\"GS-12\""),
                    emp("E2", 2001, "\"grade\":\"GS-12\""),
                    emp("E3", 2002, "\"grade\":\"GS-12\""),
                    emp("E4", 2003, "\"grade\":\"GS-11\",\"fixed_shift\":\"MID\""),
                    emp("E5", 2026, "\"grade\":\"GS-11\""));
  char *d = station(emps,
                    "{\"id\":\"DAY\",\"min\":0,\"max\":1},"
                    "{\"id\":\"MID\",\"min\":0,\"max\":3,\"grades\":{\"GS-12\":{\"max\":1}}}",
                    "{\"employee\":\"E1\",\"prefs\":[\"DAY\",\"MID\"]},"
                    "{\"employee\":\"E2\",\"prefs\":[\"DAY\",\"MID\"]}",
                    "");
  free(emps);
  return d;
}

static const cJSON *shift_room(const cJSON *st, const char *id) {
  return find_by(th_get(th_get(st, "open"), "shifts"), "shift", id);
}

static void expect_room(const cJSON *st, const char *id, int room, int grade) {
  const cJSON *o = shift_room(st, id);
  assert_non_null(o);
  const cJSON *r = th_get(o, "room"), *g = th_get(o, "grade_room");
  if (room < 0) assert_true(cJSON_IsNull(r)); else assert_int_equal((int)r->valuedouble, room);
  if (grade < 0) assert_true(cJSON_IsNull(g)); else assert_int_equal((int)g->valuedouble, grade);
}

/* The whole session of the header, step by step. */
static void test_session_worked(void **state) {
  (void)state;
  char *doc = station_a();
  senbid_session *s = sst_start(doc);
  assert_false(senbid_session_finished(s));

  /* Step 1 is made: E4 on MID. E1 is on turn; E2, E3 follow (IV.D). */
  cJSON *st = sst_status(s);
  assert_string_equal(sst_turn(st), "E1");
  assert_int_equal((int)th_num(th_get(st, "turn"), "position"), 1);
  assert_int_equal((int)th_num(st, "round"), 1);
  const cJSON *up = th_get(st, "upcoming");
  assert_int_equal(cJSON_GetArraySize(up), 2);
  assert_string_equal(th_str(th_at(up, 0), "employee"), "E2");
  assert_int_equal((int)th_num(th_at(up, 1), "position"), 3);
  expect_room(st, "DAY", 1, -1); /* DAY limits no grade */
  expect_room(st, "MID", 2, 1);  /* E1 is a GS-12: one GS-12 place */
  cJSON_Delete(st);

  /* Out of turn: TURN at $.employee, nothing changes. */
  sst_refused(s, "{\"act\":\"proxy\",\"employee\":\"E2\"}", SENBID_E_TURN, "$.employee");
  sst_refused(s, "{\"act\":\"proxy\",\"employee\":\"E5\"}", SENBID_E_TURN, "$.employee");

  /* E1's turn times out: proxy plays the sheet on file (IV.B). */
  cJSON *d = sst_act(s, "{\"act\":\"proxy\",\"employee\":\"E1\"}");
  assert_int_equal((int)th_num(d, "seq"), 1);
  assert_string_equal(th_str(th_get(d, "placed"), "shift"), "DAY");
  assert_string_equal(th_str(th_get(d, "placed"), "reason"), "SENIORITY");
  assert_int_equal((int)th_num(th_get(d, "placed"), "rank"), 1);
  assert_string_equal(th_str(th_get(d, "next"), "employee"), "E2");
  cJSON_Delete(d);

  /* The result as it stands: in progress, E4 and E1 placed. */
  cJSON *res = sst_result(s);
  assert_string_equal(th_str(res, "status"), "in_progress");
  assert_int_equal(cJSON_GetArraySize(th_get(res, "assignments")), 2);
  expect_asg(res, "E1", "DAY", "SENIORITY", 1, NULL);
  assert_true(has_audit(res, "proxy", "NBPC2019.APPII.IV.B"));
  cJSON_Delete(res);

  /* E2 bids live: DAY is full, MID (rank 2). */
  d = sst_act(s, "{\"act\":\"bid\",\"employee\":\"E2\",\"prefs\":[\"DAY\",\"MID\"]}");
  assert_string_equal(th_str(th_get(d, "placed"), "shift"), "MID");
  assert_int_equal((int)th_num(th_get(d, "placed"), "rank"), 2);
  cJSON_Delete(d);
  st = sst_status(s);
  assert_string_equal(sst_turn(st), "E3");
  expect_room(st, "DAY", 0, -1);
  expect_room(st, "MID", 1, 0); /* the GS-12 place is taken */
  cJSON_Delete(st);

  /* A supervisor takes E2's bid back: E2 is on turn again, MID as before. */
  d = sst_act(s, "{\"act\":\"undo\"}");
  assert_int_equal((int)th_num(d, "seq"), 3);
  assert_int_equal((int)th_num(d, "undoes"), 2);
  assert_string_equal(th_str(th_get(d, "next"), "employee"), "E2");
  cJSON_Delete(d);
  st = sst_status(s);
  expect_room(st, "MID", 2, 1);
  cJSON_Delete(st);
  d = sst_act(s, "{\"act\":\"bid\",\"employee\":\"E2\",\"prefs\":[\"DAY\",\"MID\"]}");
  assert_int_equal((int)th_num(d, "seq"), 4);
  cJSON_Delete(d);

  /* E3 has no sheet and bids live: MID has no GS-12 place (PREFS_FULL);
   * the last turn ends, steps 4-7 run: E3 unplaced, E5 on MID. */
  d = sst_act(s, "{\"act\":\"bid\",\"employee\":\"E3\",\"prefs\":[\"MID\"]}");
  assert_true(cJSON_IsNull(th_get(d, "placed")));
  assert_string_equal(th_str(d, "cause"), "PREFS_FULL");
  assert_true(cJSON_IsTrue(th_get(d, "finished")));
  assert_true(cJSON_IsNull(th_get(d, "final")));
  assert_true(cJSON_IsNull(th_get(d, "next")));
  cJSON_Delete(d);
  assert_true(senbid_session_finished(s));

  st = sst_status(s);
  assert_true(cJSON_IsNull(th_get(st, "turn")));
  assert_int_equal(cJSON_GetArraySize(th_get(st, "upcoming")), 0);
  cJSON_Delete(st);
  /* Finished: no turn for anyone, nothing to take back. */
  sst_refused(s, "{\"act\":\"proxy\",\"employee\":\"E1\"}", SENBID_E_TURN, "$.employee");
  sst_refused(s, "{\"act\":\"undo\"}", SENBID_E_TURN, "$.act");

  res = sst_result(s);
  assert_string_equal(th_str(res, "status"), "ok");
  expect_asg(res, "E4", "MID", "MANAGEMENT_PLACEMENT", 0, NULL);
  expect_asg(res, "E2", "MID", "SENIORITY", 2, NULL);
  expect_asg(res, "E5", "MID", "AGENCY_PLACEMENT", 0, "INELIGIBLE_SERIES_TIME");
  const cJSON *un = find_by(th_get(res, "unplaced"), "employee", "E3");
  assert_non_null(un);
  assert_string_equal(th_str(un, "cause"), "PREFS_FULL");
  /* Step 7: E2 did not get rank 1, E3's live sheet counts (V.A.1). */
  assert_int_equal(denials(res, "E1"), 0);
  assert_int_equal(denials(res, "E2"), 1);
  assert_int_equal(denials(res, "E3"), 1);
  /* IV.B: E3's live sheet goes on file. */
  const cJSON *f = find_by(th_get(th_get(res, "history"), "bids_on_file"), "employee", "E3");
  assert_non_null(f);
  assert_true(has_audit(res, "bid", "NBPC2019.APPII.IV.A.5"));
  assert_true(has_audit(res, "undo", ""));
  assert_registered(res);
  cJSON_Delete(res);

  /* The stored state reopens to the same result, audit included. */
  char *text = sst_state(s);
  senbid_session *s2 = NULL;
  assert_int_equal(senbid_session_open(&s2, text, strlen(text), NULL, NULL), SENBID_OK);
  cJSON *a = sst_result(s), *b = sst_result(s2);
  assert_true(sst_equal(a, b));
  cJSON_Delete(a);
  cJSON_Delete(b);
  senbid_session_free(s2);
  free(text);
  senbid_session_free(s);
  free(doc);
}

/* Bad actions: each refused with its code and path, nothing changed. */
static void test_session_bad_actions(void **state) {
  (void)state;
  char *doc = station_a();
  senbid_session *s = sst_start(doc);
  sst_refused(s, "{\"act\":", SENBID_E_JSON, "$");
  sst_refused(s, "[1]", SENBID_E_TYPE, "$");
  sst_refused(s, "{\"employee\":\"E1\"}", SENBID_E_MISSING, "$.act");
  sst_refused(s, "{\"act\":\"swap\",\"employee\":\"E1\"}", SENBID_E_VALUE, "$.act");
  sst_refused(s, "{\"act\":\"proxy\"}", SENBID_E_MISSING, "$.employee");
  sst_refused(s, "{\"act\":\"proxy\",\"employee\":\"ZZ\"}", SENBID_E_UNKNOWN_ID, "$.employee");
  /* pass is a leave action (SPEC 10). */
  sst_refused(s, "{\"act\":\"pass\",\"employee\":\"E1\"}", SENBID_E_VALUE, "$.act");
  sst_refused(s, "{\"act\":\"bid\",\"employee\":\"E1\"}", SENBID_E_MISSING, "$.prefs");
  sst_refused(s, "{\"act\":\"bid\",\"employee\":\"E1\",\"prefs\":[\"NOPE\"]}",
              SENBID_E_UNKNOWN_ID, "$.prefs[0]");
  sst_refused(s, "{\"act\":\"bid\",\"employee\":\"E1\",\"prefs\":\"DAY\"}", SENBID_E_TYPE,
              "$.prefs");
  sst_refused(s, "{\"act\":\"undo\"}", SENBID_E_TURN, "$.act");
  assert_string_equal(senbid_code_name(SENBID_E_TURN), "TURN");
  /* no_preference: to the agency placements (NO_PREFERENCE, IV.A.4). */
  cJSON *d = sst_act(s, "{\"act\":\"bid\",\"employee\":\"E1\",\"no_preference\":true}");
  assert_true(cJSON_IsNull(th_get(d, "placed")));
  assert_string_equal(th_str(d, "cause"), "NO_PREFERENCE");
  cJSON_Delete(d);
  senbid_session_free(s);
  free(doc);
}

static void open_fails(const char *state, int code, const char *path) {
  senbid_session *s = (senbid_session *)1;
  senbid_error *err = NULL;
  int rc = senbid_session_open(&s, state, strlen(state), NULL, &err);
  if (rc != code) fprintf(stderr, "%s at %s: %s\n", senbid_code_name(rc),
                          senbid_error_path(err), senbid_error_message(err));
  assert_int_equal(rc, code);
  assert_null(s);
  assert_string_equal(senbid_error_path(err), path);
  senbid_error_free(err);
}

/* A state whose actions do not replay is rejected at the first that
 * fails (SPEC 10), and so is a state that is not one. */
static void test_session_bad_states(void **state) {
  (void)state;
  char *doc = station_a();
  char *st = th_fmt("{\"senbid\":1,\"session\":1,\"problem\":%s,\"actions\":["
                    "{\"seq\":1,\"act\":\"proxy\",\"employee\":\"E1\"},"
                    "{\"seq\":2,\"act\":\"proxy\",\"employee\":\"E3\"}]}", doc);
  open_fails(st, SENBID_E_TURN, "$.actions[1].employee");
  free(st);
  st = th_fmt("{\"senbid\":1,\"session\":1,\"problem\":%s,\"actions\":["
              "{\"act\":\"undo\"}]}", doc);
  open_fails(st, SENBID_E_TURN, "$.actions[0].act");
  free(st);
  st = th_fmt("{\"senbid\":1,\"session\":1,\"problem\":%s,\"actions\":["
              "{\"act\":\"bid\",\"employee\":\"E1\",\"prefs\":[\"X\"]}]}", doc);
  open_fails(st, SENBID_E_UNKNOWN_ID, "$.actions[0].prefs[0]");
  free(st);
  open_fails("{\"senbid\":1,\"session\":1,\"actions\":[]}", SENBID_E_MISSING, "$.problem");
  open_fails("{\"senbid\":1,\"session\":2,\"problem\":{},\"actions\":[]}", SENBID_E_VALUE,
             "$.session");
  open_fails("{\"senbid\":1,\"session\":1,\"problem\":{\"senbid\":1,\"kind\":\"nope\"},"
             "\"actions\":[]}", SENBID_E_VALUE, "$.problem.kind");
  open_fails("{\"senbid\":1,", SENBID_E_JSON, "$");
  /* A problem of a kind without sessions. */
  char *aws = th_read_file(TEST_DATA_DIR "/../../examples/data/aws_demo.json", NULL);
  senbid_session *s = NULL;
  senbid_error *err = NULL;
  assert_int_equal(senbid_session_start(&s, aws, strlen(aws), NULL, &err),
                   SENBID_E_UNSUPPORTED);
  assert_string_equal(senbid_error_path(err), "$.kind");
  senbid_error_free(err);
  free(aws);
  /* Options: versioned as the rest of the API. */
  senbid_session_options o;
  assert_int_equal(senbid_session_options_init(&o, 99), SENBID_E_VERSION);
  assert_int_equal(senbid_session_options_init(&o, SENBID_SESSION_OPTIONS_VERSION), SENBID_OK);
  o.version = 7;
  err = NULL;
  assert_int_equal(senbid_session_start(&s, doc, strlen(doc), &o, &err), SENBID_E_VERSION);
  senbid_error_free(err);
  free(doc);
}

/* upcoming lists at most 10 after the one on turn. */
static void test_session_upcoming_ten(void **state) {
  (void)state;
  char *emps = strdup("");
  for (int i = 0; i < 14; i++) {
    char id[8];
    snprintf(id, sizeof id, "E%02d", i);
    char *e = emp(id, 1990 + i, NULL);
    char *j = th_fmt("%s%s%s", emps, i ? "," : "", e);
    free(emps);
    free(e);
    emps = j;
  }
  char *doc = station(emps, "{\"id\":\"DAY\",\"min\":0}", "", "");
  senbid_session *s = sst_start(doc);
  cJSON *st = sst_status(s);
  const cJSON *up = th_get(st, "upcoming");
  assert_int_equal(cJSON_GetArraySize(up), 10);
  assert_string_equal(th_str(th_at(up, 9), "employee"), "E10");
  expect_room(st, "DAY", -1, -1); /* no max: unlimited */
  cJSON_Delete(st);
  /* A turn without a sheet on file: proxy is NO_BID (IV.A.4). */
  cJSON *d = sst_act(s, "{\"act\":\"proxy\",\"employee\":\"E00\"}");
  assert_string_equal(th_str(d, "cause"), "NO_BID");
  cJSON_Delete(d);
  senbid_session_free(s);
  free(doc);
  free(emps);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_session_worked),
      cmocka_unit_test(test_session_bad_actions),
      cmocka_unit_test(test_session_bad_states),
      cmocka_unit_test(test_session_upcoming_ten),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
