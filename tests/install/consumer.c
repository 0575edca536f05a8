/* An installed-library consumer: built with nothing but
 * `pkg-config --cflags --libs senbid`. Solves a problem through the typed
 * API and through senbid_call(), and checks they give the same text.
 * usage: consumer PROBLEM.json   (prints the result; exit 0 when all agree) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <senbid/senbid.h>

static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  char *buf = malloc(1 << 20);
  *len = buf ? fread(buf, 1, (1 << 20) - 1, f) : 0;
  fclose(f);
  return buf;
}

int main(int argc, char **argv) {
  size_t len = 0;
  char *text = argc > 1 ? slurp(argv[1], &len) : NULL;
  if (!text) return 2;
  if (senbid_version_number() != SENBID_VERSION_NUMBER) {
    fprintf(stderr, "header %s, library %s\n", SENBID_VERSION_STRING, senbid_version());
    return 3;
  }
  senbid_problem *p = NULL;
  senbid_result *r = NULL;
  senbid_error *err = NULL;
  senbid_solve_options opts = SENBID_SOLVE_OPTIONS_INIT;
  if (senbid_problem_parse(&p, text, len, NULL, &err) != SENBID_OK ||
      senbid_solve(&r, p, &opts, &err) != SENBID_OK) {
    fprintf(stderr, "%s at %s: %s\n", senbid_code_name(senbid_error_code(err)),
            senbid_error_path(err), senbid_error_message(err));
    return 4;
  }
  /* The same through the one-call entry, the document embedded as text. */
  const char *head = "{\"command\": \"solve\", \"problem\": ";
  char *req = malloc(strlen(head) + len + 2);
  size_t n = (size_t)sprintf(req, "%s", head);
  memcpy(req + n, text, len);
  n += len;
  req[n++] = '}';
  char *out = NULL;
  size_t out_len = 0;
  int outcome = -1;
  int rc = senbid_call(&out, &out_len, &outcome, req, n, &err);
  size_t typed_len = 0;
  const char *typed = senbid_result_json(r, &typed_len);
  int same = rc == SENBID_OK && out_len == typed_len && memcmp(out, typed, out_len) == 0 &&
             outcome == senbid_result_outcome(r);
  fputs(typed, stdout);
  senbid_free(out);
  senbid_result_free(r);
  senbid_problem_free(p);
  free(req);
  free(text);
  if (!same) fprintf(stderr, "senbid_call differs from the typed API (rc %d)\n", rc);
  return same ? 0 : 5;
}
