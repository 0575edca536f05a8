/* Helpers shared by the session tests. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sst.h"

senbid_session *sst_start(const char *problem) {
  senbid_session *s = NULL;
  senbid_error *err = NULL;
  int rc = senbid_session_start(&s, problem, strlen(problem), NULL, &err);
  if (rc) fprintf(stderr, "start: %s at %s: %s\n", senbid_code_name(rc),
                  senbid_error_path(err), senbid_error_message(err));
  assert_int_equal(rc, SENBID_OK);
  return s;
}

static cJSON *doc(int rc, senbid_result *r, senbid_error *err) {
  if (rc) fprintf(stderr, "%s at %s: %s\n", senbid_code_name(rc),
                  senbid_error_path(err), senbid_error_message(err));
  assert_int_equal(rc, SENBID_OK);
  cJSON *j = cJSON_Parse(senbid_result_json(r, NULL));
  assert_non_null(j);
  senbid_result_free(r);
  return j;
}

cJSON *sst_act(senbid_session *s, const char *action) {
  senbid_result *r = NULL;
  senbid_error *err = NULL;
  int rc = senbid_session_act(&r, s, action, strlen(action), &err);
  if (rc) fprintf(stderr, "action %s\n", action);
  return doc(rc, r, err);
}

char *sst_state(const senbid_session *s) {
  senbid_result *r = NULL;
  assert_int_equal(senbid_session_state(&r, s, NULL), SENBID_OK);
  char *t = strdup(senbid_result_json(r, NULL));
  senbid_result_free(r);
  return t;
}

void sst_refused(senbid_session *s, const char *action, int code,
                 const char *path) {
  char *before = sst_state(s);
  cJSON *st0 = sst_status(s);
  senbid_result *r = NULL;
  senbid_error *err = NULL;
  int rc = senbid_session_act(&r, s, action, strlen(action), &err);
  assert_int_equal(rc, code);
  assert_null(r);
  assert_int_equal(senbid_error_code(err), code);
  if (path) assert_string_equal(senbid_error_path(err), path);
  senbid_error_free(err);
  char *after = sst_state(s);
  assert_string_equal(before, after);
  cJSON *st1 = sst_status(s);
  assert_true(cJSON_Compare(st0, st1, true));
  cJSON_Delete(st0);
  cJSON_Delete(st1);
  free(before);
  free(after);
}

cJSON *sst_status(const senbid_session *s) {
  senbid_result *r = NULL;
  senbid_error *err = NULL;
  int rc = senbid_session_status(&r, s, &err);
  return doc(rc, r, err);
}

cJSON *sst_result(const senbid_session *s) {
  senbid_result *r = NULL;
  senbid_error *err = NULL;
  int rc = senbid_session_result(&r, s, &err);
  return doc(rc, r, err);
}

const char *sst_turn(const cJSON *st) {
  const cJSON *t = cJSON_GetObjectItemCaseSensitive(st, "turn");
  if (!cJSON_IsObject(t)) return NULL;
  return cJSON_GetObjectItemCaseSensitive(t, "employee")->valuestring;
}

cJSON *sst_no_audit(cJSON *res) {
  cJSON_DeleteItemFromObjectCaseSensitive(res, "audit");
  return res;
}

bool sst_equal(const cJSON *a, const cJSON *b) {
  if (cJSON_Compare(a, b, true)) return true;
  char *x = cJSON_Print(a), *y = cJSON_Print(b);
  fprintf(stderr, "--- expected\n%s\n--- got\n%s\n", x, y);
  free(x);
  free(y);
  return false;
}
