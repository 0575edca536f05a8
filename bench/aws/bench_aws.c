/*
 * Benchmarks of alternative work schedules (issue #5), written to
 * bench/aws/REPORT.md by bench/aws/report.sh. Never timed assertions.
 *
 *   bench_aws rr  [--sizes 1000,10000,100000,1000000]
 *       round_robin on N employees with 6 options each (VWS, MAXIFLEX,
 *       4/10, 5/4-9, 4/9/4; about a third invalid), two telework days,
 *       office max_off / max_type / max_telework that fill up, schedule_end
 *       a year out (in-lieu holidays): parse, solve (result text included),
 *       peak RSS.
 *   bench_aws lex [--sizes 1000,10000,100000]
 *       lexicographic with min_type VWS and MAXIFLEX near what is reachable:
 *       CPU time, GLPK solves, ratio to round_robin.
 *   bench_aws tight [--sizes ...]
 *       min_type VWS at half the office: many OFFICE_MINIMUM refusals.
 *   bench_aws infeasible [--sizes ...]
 *       minimums that cannot be met (MAXIFLEX above max_type): the GLPK
 *       proof and the max_possible report.
 *   bench_aws emit MODE N SEED
 *       writes the generated document (MODE rr, lex, infeasible, tight) to
 *       standard output, for before/after comparisons (bench/aws/snapshot.sh).
 *
 * Each size runs in a child process so that peak memory is its own.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "gen.h"
#include "senbid/senbid.h"

static const char *const WD[] = {"mon", "tue", "wed", "thu", "fri"};

/* mins: 0 none; 1 min_type VWS and MAXIFLEX near what is reachable;
 * 2 MAXIFLEX above max_type, so infeasible from the start;
 * 3 VWS at half the office, so that once it binds every later non-VWS
 * award is refused. */
static void gen_doc(gen_buf *b, uint32_t n, int mins, uint64_t seed) {
  gen_rng r = {seed};
  gen_printf(b,
             "{\"senbid\": 1, \"kind\": \"aws\", \"as_of\": \"2027-01-04\", "
             "\"seniority\": {\"policy\": \"ice-2019\", \"seed\": 11}, "
             "\"employees\": [");
  for (uint32_t i = 0; i < n; i++) {
    bool att = gen_below(&r, 3) == 0;
    int y = 1985 + (int)gen_below(&r, 40), m = 1 + (int)gen_below(&r, 12),
        d = 1 + (int)gen_below(&r, 28);
    gen_printf(b,
               "%s{\"id\": \"E%u\", \"attorney\": %s, \"service\": {\"scd\": "
               "\"%04d-%02d-%02d\", \"attorney_start\": \"%04d-%02d-%02d\"}",
               i ? ", " : "", i, att ? "true" : "false", y, m, d, y + 1, m, d);
    if (gen_below(&r, 20) == 0) gen_printf(b, ", \"grandfathered_494\": true");
    if (gen_below(&r, 25) == 0)
      gen_printf(b, ", \"part_time_hours\": 48, \"workdays\": [\"mon\", "
                    "\"tue\", \"wed\", \"thu\"]");
    gen_printf(b, "}");
  }
  uint32_t cap = n / 12 + 1;
  gen_printf(b,
             "], \"edp\": {\"start\": \"2027-01-04\", \"end\": "
             "\"2027-01-15\"}, \"pay_period_anchor\": \"2027-01-03\", "
             "\"schedule_end\": \"2027-12-31\", \"office\": {\"max_off\": "
             "{\"mon\": %u, \"tue\": %u, \"wed\": %u, \"thu\": %u, \"fri\": "
             "%u}, \"max_type\": {\"CWS_4_10\": %u, \"MAXIFLEX\": %u}, "
             "\"max_telework\": {\"mon\": %u, \"fri\": %u}",
             cap, cap, cap, cap, cap / 2, n / 5, n / 4, n / 3, n / 3);
  if (mins == 1)
    gen_printf(b, ", \"min_type\": {\"VWS\": %u, \"MAXIFLEX\": %u}",
               n * 2 / 5, n / 6);
  if (mins == 3) gen_printf(b, ", \"min_type\": {\"VWS\": %u}", n / 2);
  if (mins == 2)
    gen_printf(b, ", \"min_type\": {\"VWS\": %u, \"MAXIFLEX\": %u}",
               n / 5, n / 4 + 1);
  gen_printf(b, "}, \"requests\": [");
  bool first = true;
  for (uint32_t i = 0; i < n; i++) {
    if (gen_below(&r, 10) == 0) continue; /* no request */
    gen_printf(b, "%s{\"employee\": \"E%u\", \"options\": [", first ? "" : ", ",
               i);
    first = false;
    for (int k = 0; k < 6; k++) {
      const char *d1 = WD[gen_below(&r, 5)], *d2 = WD[gen_below(&r, 5)];
      int arr = 6 * 60 + 15 * (int)gen_below(&r, 15); /* 06:00-09:30 */
      int meal = 30 + 15 * (int)gen_below(&r, 3);
      if (gen_below(&r, 8) == 0) meal = 20; /* MEAL */
      gen_printf(b, k ? ", " : "");
      switch (k == 5 ? 0 : gen_below(&r, 5)) {
        case 0: gen_printf(b, "{\"type\": \"VWS\"}"); break;
        case 1:
          gen_printf(b,
                     "{\"type\": \"MAXIFLEX\", \"days_off\": [{\"week\": %u, "
                     "\"day\": \"%s\"}]}",
                     1 + gen_below(&r, 2), d1);
          break;
        case 2:
          gen_printf(b,
                     "{\"type\": \"CWS_4_10\", \"day_off\": \"%s\", "
                     "\"arrive\": \"%02d:%02d\", \"meal_minutes\": %d}",
                     d1, arr / 60, arr % 60, meal);
          break;
        case 3: {
          int w = 1 + (int)gen_below(&r, 2);
          gen_printf(b,
                     "{\"type\": \"CWS_5_4_9\", \"day_off\": {\"week\": %d, "
                     "\"day\": \"%s\"}, \"short_day\": {\"week\": %d, "
                     "\"day\": \"%s\"}, \"arrive\": \"%02d:%02d\", "
                     "\"meal_minutes\": %d}",
                     w, d1, 3 - w, d2, arr / 60, arr % 60, meal);
          break;
        }
        default:
          gen_printf(b,
                     "{\"type\": \"CWS_4_9_4\", \"arrive\": \"%02d:%02d\", "
                     "\"meal_minutes\": %d}",
                     arr / 60, arr % 60, meal);
          break;
      }
    }
    gen_printf(b, "], \"telework\": [\"%s\", \"%s\"]}", gen_below(&r, 2) ? "mon" : "tue",
               gen_below(&r, 2) ? "fri" : "thu");
  }
  gen_printf(b, "]}");
}

/* CPU seconds of this process (less sensitive than wall time to other
 * load on the machine). */
static double cpu_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static uint64_t max_calls;
static int on_progress(const senbid_progress *pr, void *payload) {
  (void)payload;
  if (pr->solver_calls > max_calls) max_calls = pr->solver_calls;
  return 0;
}

static double solve_once(const senbid_problem *p, int method,
                         senbid_result **res) {
  senbid_solve_options o = SENBID_SOLVE_OPTIONS_INIT;
  o.method = method;
  o.progress = on_progress;
  senbid_error *err = NULL;
  double t0 = cpu_now();
  int rc = senbid_solve(res, p, &o, &err);
  double t = cpu_now() - t0;
  if (rc != SENBID_OK) {
    fprintf(stderr, "solve: %s: %s\n", senbid_code_name(rc),
            senbid_error_message(err));
    senbid_error_free(err);
    exit(1);
  }
  return t;
}

/* One measurement in this process: prints a table row. */
static int measure(uint32_t n, int mode) {
  gen_buf b = {0};
  gen_doc(&b, n, mode, 42 + n);
  double t0 = gen_now(), c0 = cpu_now();
  senbid_problem *p = NULL;
  senbid_error *err = NULL;
  int rc = senbid_problem_parse(&p, b.data, b.len, NULL, &err);
  double t1 = gen_now(), c1 = cpu_now();
  if (rc != SENBID_OK) {
    fprintf(stderr, "parse: %s at %s: %s\n", senbid_code_name(rc),
            senbid_error_path(err), senbid_error_message(err));
    return 1;
  }
  senbid_result *res = NULL;
  if (mode) {
    /* round_robin before and after, the better of the two, so that warm
     * caches favour neither method */
    double rr = solve_once(p, SENBID_METHOD_ROUND_ROBIN, &res);
    senbid_result_free(res);
    max_calls = 0;
    double lx = solve_once(p, SENBID_METHOD_LEXICOGRAPHIC, &res);
    uint64_t calls = max_calls;
    int outcome = senbid_result_outcome(res);
    senbid_result_free(res);
    double rr2 = solve_once(p, SENBID_METHOD_ROUND_ROBIN, &res);
    senbid_result_free(res);
    if (rr2 < rr) rr = rr2;
    printf("| %u | %s | %.3f | %.3f | %llu | %.1fx | %.1f |\n", n,
           outcome == SENBID_OUTCOME_INFEASIBLE ? "infeasible" : "ok", lx, rr,
           (unsigned long long)calls, rr > 0 ? lx / rr : 0, gen_peak_mib());
  } else {
    double t2 = gen_now();
    double c = solve_once(p, SENBID_METHOD_ROUND_ROBIN, &res);
    double t3 = gen_now();
    size_t len = 0;
    senbid_result_json(res, &len);
    printf("| %u | %.1f | %.3f (%.3f) | %.3f (%.3f) | %.3f | %.1f | %.1f |\n",
           n, b.len / 1048576.0, t1 - t0, c1 - c0, t3 - t2, c, t3 - t0,
           len / 1048576.0, gen_peak_mib());
    senbid_result_free(res);
  }
  fflush(stdout);
  senbid_problem_free(p);
  gen_free(&b);
  return 0;
}

int main(int argc, char **argv) {
  if (argc == 5 && strcmp(argv[1], "emit") == 0) {
    int m = strcmp(argv[2], "lex") == 0          ? 1
            : strcmp(argv[2], "infeasible") == 0 ? 2
            : strcmp(argv[2], "tight") == 0      ? 3
                                                 : 0;
    gen_buf b = {0};
    gen_doc(&b, (uint32_t)strtoul(argv[3], NULL, 10), m,
            strtoull(argv[4], NULL, 10));
    fwrite(b.data, 1, b.len, stdout);
    gen_free(&b);
    return 0;
  }
  int mode = argc > 1 && strcmp(argv[1], "lex") == 0          ? 1
             : argc > 1 && strcmp(argv[1], "infeasible") == 0 ? 2
             : argc > 1 && strcmp(argv[1], "tight") == 0      ? 3
                                                              : 0;
  bool lex = mode != 0;
  const char *sizes = lex ? "1000,10000,100000" : "1000,10000,100000,1000000";
  for (int i = 1; i + 1 < argc; i++)
    if (strcmp(argv[i], "--sizes") == 0) sizes = argv[i + 1];
  if (lex)
    printf("| employees | status | lexicographic cpu s | round_robin cpu s | "
           "GLPK solves | ratio | peak MiB |\n|---|---|---|---|---|---|---|\n");
  else
    printf("| employees | document MiB | parse s (cpu) | solve s (cpu) | "
           "total s | result MiB | peak MiB |\n|---|---|---|---|---|---|---|\n");
  fflush(stdout);
  char *list = strdup(sizes);
  int status = 0;
  for (char *tok = strtok(list, ","); tok; tok = strtok(NULL, ",")) {
    uint32_t n = (uint32_t)strtoul(tok, NULL, 10);
    pid_t pid = fork();
    if (pid == 0) _exit(measure(n, mode));
    int ws = 0;
    waitpid(pid, &ws, 0);
    if (!WIFEXITED(ws) || WEXITSTATUS(ws) != 0) status = 1;
  }
  free(list);
  return status;
}
