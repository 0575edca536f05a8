/* senbid session start|status|act|result (SPEC section 10): a bidding
 * session kept in a state file. Uses only the public API.
 *
 *   senbid session start PROBLEM.json -o STATE.json
 *   senbid session status STATE.json
 *   senbid session act STATE.json ACTION.json   (STATE.json replaced)
 *   senbid session result STATE.json [-o RESULT.json]
 *
 * Exit codes as the rest of the driver: 0 ok, 2 an input error or a
 * refused action (one line on standard error; STATE.json untouched). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <senbid/senbid.h>

#include "cli.h"
#include "session_cmd.h"

/* An error object as the driver's error line. */
static int fail_err(senbid_error *err, int rc) {
  int code = err ? senbid_error_code(err) : rc;
  cli_fail(senbid_code_name(code), err ? senbid_error_path(err) : "", "%s",
           err ? senbid_error_message(err) : senbid_strerror(code));
  senbid_error_free(err);
  return EXIT_INPUT;
}

static char *read_or_fail(const char *path, size_t *len) {
  char *t = cli_read(path, len);
  if (!t) cli_fail("IO", "$", "cannot read %s: %s", path, strerror(errno));
  return t;
}

static int put_result(const char *path, senbid_result *r) {
  size_t len;
  const char *t = senbid_result_json(r, &len);
  int ex = cli_write(path, t, len);
  senbid_result_free(r);
  return ex;
}

static int open_state(const char *path, senbid_session **s) {
  size_t len = 0;
  char *text = read_or_fail(path, &len);
  if (!text) return EXIT_INPUT;
  senbid_error *err = NULL;
  int rc = senbid_session_open(s, text, len, NULL, &err);
  free(text);
  return rc ? fail_err(err, rc) : EXIT_OK;
}

int cmd_session(const char *sub, const char *const *files, int nfiles,
                const char *out) {
  senbid_session *s = NULL;
  senbid_result *r = NULL;
  senbid_error *err = NULL;
  int rc, ex;
  int want = sub && strcmp(sub, "act") == 0 ? 2 : 1;
  if (!sub || nfiles != want ||
      (strcmp(sub, "start") && strcmp(sub, "status") && strcmp(sub, "act") &&
       strcmp(sub, "result")))
    return cli_fail("ARGUMENT", "$", "usage: senbid session start PROBLEM.json -o STATE.json | "
                "status STATE.json | act STATE.json ACTION.json | result STATE.json "
                "[-o RESULT.json]");
  if (strcmp(sub, "start") == 0) {
    size_t len = 0;
    char *text = read_or_fail(files[0], &len);
    if (!text) return EXIT_INPUT;
    rc = senbid_session_start(&s, text, len, NULL, &err);
    free(text);
    if (rc) return fail_err(err, rc);
    rc = senbid_session_state(&r, s, &err);
    senbid_session_free(s);
    return rc ? fail_err(err, rc) : put_result(out, r);
  }
  if ((ex = open_state(files[0], &s))) return ex;
  if (strcmp(sub, "status") == 0) {
    rc = senbid_session_status(&r, s, &err);
    ex = rc ? fail_err(err, rc) : put_result(out, r);
  } else if (strcmp(sub, "result") == 0) {
    rc = senbid_session_result(&r, s, &err);
    ex = rc ? fail_err(err, rc) : put_result(out, r);
  } else {
    size_t len = 0;
    char *action = read_or_fail(files[1], &len);
    if (!action) {
      senbid_session_free(s);
      return EXIT_INPUT;
    }
    senbid_result *dec = NULL;
    rc = senbid_session_act(&dec, s, action, len, &err);
    free(action);
    if (rc) {
      ex = fail_err(err, rc); /* refused: the state file stays as it was */
    } else {
      rc = senbid_session_state(&r, s, &err);
      ex = rc ? fail_err(err, rc) : put_result(files[0], r);
      if (!ex) ex = put_result(out, dec);
      else senbid_result_free(dec);
    }
  }
  senbid_session_free(s);
  return ex;
}
