/* libFuzzer: a problem document of any kind, parsed and ranked. */
#include "contract.h"

static void once(const uint8_t *data, size_t size, fz_out *o) {
  senbid_problem *p = NULL;
  senbid_error *err = NULL;
  int rc = senbid_problem_parse(&p, (const char *)data, size, NULL, &err);
  if (rc != SENBID_OK) {
    FZ_ASSERT(p == NULL, "no problem on failure");
    fz_settle(o, rc, NULL, err, 1);
    return;
  }
  FZ_ASSERT(p && !err, "a problem and no error on success");
  senbid_result *res = NULL;
  rc = senbid_rank(&res, p, &err);
  fz_settle(o, rc, res, err, 1);
  senbid_problem_free(p);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fz_out a, b;
  once(data, size, &a);
  once(data, size, &b);
  fz_out_same(&a, &b);
  fz_out_free(&a);
  fz_out_free(&b);
  return 0;
}
