/* libFuzzer: `check` of a fuzzed posted result. The input is a problem
 * document, a NUL byte, and the posted result document. */
#include "contract.h"

static void once(const senbid_problem *p, const char *posted, size_t n, fz_out *o) {
  senbid_result *res = NULL;
  senbid_error *err = NULL;
  int rc = senbid_check(&res, p, posted, n, &err);
  int oc = res ? senbid_result_outcome(res) : SENBID_OUTCOME_OK;
  FZ_ASSERT(oc == SENBID_OUTCOME_OK || oc == SENBID_OUTCOME_DEPARTURES,
            "a check finds departures or none");
  fz_settle(o, rc, res, err, 1);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const uint8_t *sep = memchr(data, 0, size);
  if (!sep) return 0;
  size_t plen = (size_t)(sep - data);
  senbid_problem *p = NULL;
  senbid_error *err = NULL;
  int rc = senbid_problem_parse(&p, (const char *)data, plen, NULL, &err);
  if (rc != SENBID_OK) {
    fz_check_error(rc, err);
    senbid_error_free(err);
    return 0;
  }
  /* The posted result in a buffer of its own, so ASan sees reads past it. */
  size_t n = size - plen - 1;
  char *posted = malloc(n ? n : 1);
  FZ_ASSERT(posted, "memory");
  if (n) memcpy(posted, sep + 1, n);
  fz_out a, b;
  once(p, posted, n, &a);
  once(p, posted, n, &b);
  fz_out_same(&a, &b);
  fz_out_free(&a);
  fz_out_free(&b);
  free(posted);
  senbid_problem_free(p);
  return 0;
}
