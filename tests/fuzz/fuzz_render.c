/* libFuzzer harness for the driver's `report` and `render` (examples/
 * report.c, render.c, summary*.c): they read a problem and a result that
 * anyone may have posted, so every shape must print without a crash or a
 * read past a buffer, and the same documents must print the same text.
 * As in the driver, the problem is one the library accepts (anything else
 * is refused before printing); the result may be any JSON.
 * The input is a problem document, a NUL byte, and the result document. */
#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include <senbid/senbid.h>

#include "cli.h"
#include "summary.h"

/* What `senbid report` (format NULL) or `senbid render --format F` prints;
 * the texts given as senbid.c gives them. */
static char *print(const cJSON *p, const cJSON *r, const char *format, const char *pt, size_t pn,
                   const char *rt, size_t rn, size_t *len) {
  char *text = NULL;
  FILE *f = open_memstream(&text, len);
  assert(f);
  summary_sources(pt, pn, rt, rn);
  if (format) render_print(f, format, p, r);
  else report_print(f, p, r);
  summary_sources(NULL, 0, NULL, 0);
  assert(fclose(f) == 0);
  return text;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const uint8_t *sep = memchr(data, 0, size);
  if (!sep) return 0;
  size_t pn = (size_t)(sep - data), rn = size - pn - 1;
  /* Each text in a buffer of its own, so ASan sees reads past it. */
  char *pt = malloc(pn + 1), *rt = malloc(rn + 1);
  assert(pt && rt);
  memcpy(pt, data, pn);
  memcpy(rt, sep + 1, rn);
  pt[pn] = rt[rn] = '\0';
  senbid_problem *valid = NULL;
  int rc = senbid_problem_parse(&valid, pt, pn, NULL, NULL);
  senbid_problem_free(valid);
  cJSON *p = rc == SENBID_OK ? cJSON_ParseWithLength(pt, pn) : NULL;
  cJSON *r = p ? cJSON_ParseWithLength(rt, rn) : NULL;
  if (p && r) {
    static const char *const formats[] = {NULL, "html", "md", "csv"};
    for (size_t i = 0; i < sizeof formats / sizeof *formats; i++) {
      size_t la = 0, lb = 0;
      char *a = print(p, r, formats[i], pt, pn, rt, rn, &la);
      char *b = print(p, r, formats[i], pt, pn, rt, rn, &lb);
      assert(la == lb && memcmp(a, b, la) == 0); /* the same documents, the same text */
      free(a);
      free(b);
    }
  }
  cJSON_Delete(p);
  cJSON_Delete(r);
  free(pt);
  free(rt);
  return 0;
}
