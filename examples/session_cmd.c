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

#include "session_cmd.h"

enum { S_OK = 0, S_INPUT = 2 };

static int fail(const char *code, const char *path, const char *msg) {
  fprintf(stderr, "senbid: %s at %s: %s\n", code, path && *path ? path : "$", msg);
  return S_INPUT;
}

static int fail_err(senbid_error *err, int rc) {
  int code = err ? senbid_error_code(err) : rc;
  fail(senbid_code_name(code), err ? senbid_error_path(err) : "",
       err ? senbid_error_message(err) : senbid_strerror(code));
  senbid_error_free(err);
  return S_INPUT;
}

static char *slurp(const char *path, size_t *len) {
  FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap);
  while (buf) {
    n += fread(buf + n, 1, cap - n, f);
    if (n < cap) break;
    char *more = realloc(buf, cap * 2);
    if (!more) {
      free(buf);
      buf = NULL;
    }
    buf = more;
    cap *= 2;
  }
  int bad = ferror(f);
  if (f != stdin) fclose(f);
  if (bad) {
    free(buf);
    return NULL;
  }
  *len = n;
  return buf;
}

static char *read_or_fail(const char *path, size_t *len) {
  char *t = slurp(path, len);
  if (!t) {
    char msg[512];
    snprintf(msg, sizeof msg, "cannot read %s: %s", path, strerror(errno));
    fail("IO", "$", msg);
  }
  return t;
}

/* To path (NULL or "-": standard output); a file is replaced atomically
 * through a temporary file beside it and a rename. */
static int put(const char *path, const char *text, size_t len) {
  if (!path || strcmp(path, "-") == 0) {
    if (fwrite(text, 1, len, stdout) != len || fflush(stdout))
      return fail("IO", "$", "cannot write to standard output");
    return S_OK;
  }
  size_t n = strlen(path) + 32;
  char *tmp = malloc(n);
  if (!tmp) return fail("NOMEM", "$", "out of memory");
  snprintf(tmp, n, "%s.tmp%ld", path, 0L);
  FILE *f = fopen(tmp, "wb");
  int ok = f && fwrite(text, 1, len, f) == len;
  if (f && fclose(f)) ok = 0;
  if (ok && rename(tmp, path)) ok = 0;
  if (!ok) {
    char msg[512];
    snprintf(msg, sizeof msg, "cannot write %s: %s", path, strerror(errno));
    remove(tmp);
    free(tmp);
    return fail("IO", "$", msg);
  }
  free(tmp);
  return S_OK;
}

static int put_result(const char *path, senbid_result *r) {
  size_t len;
  const char *t = senbid_result_json(r, &len);
  int ex = put(path, t, len);
  senbid_result_free(r);
  return ex;
}

static int open_state(const char *path, senbid_session **s) {
  size_t len = 0;
  char *text = read_or_fail(path, &len);
  if (!text) return S_INPUT;
  senbid_error *err = NULL;
  int rc = senbid_session_open(s, text, len, NULL, &err);
  free(text);
  return rc ? fail_err(err, rc) : S_OK;
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
    return fail("ARGUMENT", "$", "usage: senbid session start PROBLEM.json -o STATE.json | "
                "status STATE.json | act STATE.json ACTION.json | result STATE.json "
                "[-o RESULT.json]");
  if (strcmp(sub, "start") == 0) {
    size_t len = 0;
    char *text = read_or_fail(files[0], &len);
    if (!text) return S_INPUT;
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
      return S_INPUT;
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

int cmd_session_argv(int argc, char **argv) {
  const char *files[4];
  int n = 0;
  const char *out = NULL;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "-o") == 0 && i + 1 < argc) {
      out = argv[++i];
    } else if (n < 4) {
      files[n++] = argv[i];
    } else {
      return fail("ARGUMENT", "$", "too many arguments");
    }
  }
  return cmd_session(argc > 0 ? argv[0] : NULL, files, n, out);
}
