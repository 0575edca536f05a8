/* Solves, ranks or checks one document and writes the result to standard
 * output, after setlocale(LC_ALL, "") so that the environment's locale
 * (LC_NUMERIC=de_DE.UTF-8 writes 1,5) is the process's, as in a host
 * application. Only the public API.
 *   det_solve solve|rank PROBLEM [round_robin|lexicographic]
 *   det_solve check PROBLEM RESULT */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "senbid/senbid.h"

static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, n = 0;
  char *b = malloc(cap);
  size_t k;
  while (b && (k = fread(b + n, 1, cap - n, f)) > 0) {
    n += k;
    if (n == cap) b = realloc(b, cap *= 2);
  }
  fclose(f);
  *len = n;
  return b;
}

int main(int argc, char **argv) {
  setlocale(LC_ALL, "");
  if (argc < 3) {
    fprintf(stderr, "usage: det_solve solve|rank|check PROBLEM [METHOD|RESULT]\n");
    return 2;
  }
  size_t len;
  char *doc = slurp(argv[2], &len);
  senbid_problem *p = NULL;
  senbid_error *err = NULL;
  senbid_result *res = NULL;
  int rc = doc ? senbid_problem_parse(&p, doc, len, NULL, &err) : SENBID_E_IO;
  if (rc == SENBID_OK && strcmp(argv[1], "rank") == 0) {
    rc = senbid_rank(&res, p, &err);
  } else if (rc == SENBID_OK && strcmp(argv[1], "check") == 0 && argc > 3) {
    size_t rlen;
    char *posted = slurp(argv[3], &rlen);
    rc = posted ? senbid_check(&res, p, posted, rlen, &err) : SENBID_E_IO;
    free(posted);
  } else if (rc == SENBID_OK) {
    senbid_solve_options o = SENBID_SOLVE_OPTIONS_INIT;
    o.method = argc > 3 && strcmp(argv[3], "lexicographic") == 0
                   ? SENBID_METHOD_LEXICOGRAPHIC
                   : SENBID_METHOD_ROUND_ROBIN;
    rc = senbid_solve(&res, p, &o, &err);
  }
  if (rc != SENBID_OK) {
    fprintf(stderr, "det_solve: %s at %s: %s\n", senbid_code_name(rc),
            senbid_error_path(err), senbid_error_message(err));
  } else {
    size_t n;
    const char *t = senbid_result_json(res, &n);
    fwrite(t, 1, n, stdout);
  }
  senbid_result_free(res);
  senbid_error_free(err);
  senbid_problem_free(p);
  free(doc);
  return rc == SENBID_OK ? 0 : 2;
}
