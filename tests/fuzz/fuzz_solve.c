/* libFuzzer: a problem document solved with both methods under a small
 * time limit (and its LP exported), each twice. A run that hits the time
 * limit may differ from the next; any other must not. */
#include "contract.h"

#ifndef FZ_TIME_LIMIT_MS
#define FZ_TIME_LIMIT_MS 500
#endif

static void solve(const senbid_problem *p, int method, int lp, fz_out *o) {
  senbid_solve_options opts = SENBID_SOLVE_OPTIONS_INIT;
  opts.method = method;
  opts.time_limit_ms = FZ_TIME_LIMIT_MS;
  senbid_result *res = NULL;
  senbid_error *err = NULL;
  int rc = lp ? senbid_export_lp(&res, p, &opts, &err)
              : senbid_solve(&res, p, &opts, &err);
  fz_settle(o, rc, res, err, !lp);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  senbid_problem *p = NULL;
  senbid_error *err = NULL;
  int rc = senbid_problem_parse(&p, (const char *)data, size, NULL, &err);
  if (rc != SENBID_OK) {
    fz_check_error(rc, err);
    senbid_error_free(err);
    return 0;
  }
  static const int runs[][2] = {{SENBID_METHOD_ROUND_ROBIN, 0},
                                {SENBID_METHOD_LEXICOGRAPHIC, 0},
                                {SENBID_METHOD_LEXICOGRAPHIC, 1}};
  for (size_t k = 0; k < sizeof runs / sizeof runs[0]; k++) {
    fz_out a, b;
    solve(p, runs[k][0], runs[k][1], &a);
    solve(p, runs[k][0], runs[k][1], &b);
    if (a.outcome != SENBID_OUTCOME_TIME_LIMIT && b.outcome != SENBID_OUTCOME_TIME_LIMIT)
      fz_out_same(&a, &b);
    fz_out_free(&a);
    fz_out_free(&b);
  }
  senbid_problem_free(p);
  return 0;
}
