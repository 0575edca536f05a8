/*
 * Benchmarks of master leave (issue #3), written to bench/leave/REPORT.md
 * by bench/leave/report.sh. Never timed assertions.
 *
 *   bench_leave rr  [--sizes 1000,10000,100000,1000000]
 *       round_robin on N employees x 8 choices x 2 options over a 183-day
 *       period: parse, solve (result text included), end to end, peak RSS,
 *       and end to end over cJSON alone (parse the problem, print the
 *       result).
 *   bench_leave lex [--employees 2000] [--min-share 10] [--cap-div 60]
 *                   [--time-limit-ms N]
 *       lexicographic with 10% of employees holding min_leave_days: time,
 *       GLPK solves, ratio to round_robin.
 *   bench_leave lexgen|lexdump [--employees N] [--groups G] [--choices C]
 *                   [--options K] [--min-share P] [--min-days D] [--cap C]
 *                   [--over F] [--seed S] [--time-limit-ms N] [--cbc]
 *       a generated lexicographic roster (gen_lex): dense use-or-lose
 *       (--min-share 100 --min-days 9 --cap 20), a sector (--groups 50),
 *       one large group; lexdump writes it to stdout.
 *   bench_leave totals [--employees 100000] [--reps 7]
 *       round_robin on the rr document with and without capacity totals
 *       over its two groups (issue #17), runs alternating, in CPU time:
 *       parse, decide, solve (result text included); median and least.
 *   bench_leave dump N [MIN_SHARE]
 *       writes the round_robin document for N employees to stdout (for
 *       profiling the CLI or the library on the same input).
 *
 * Each size runs in a child process so that peak memory is its own.
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "gen.h"
#include "internal.h"
#include "leave/leave.h"
#include "senbid/senbid.h"

static const char *const LAST[] = {"Garcia", "Smith", "Nguyen", "O'Neil", "Lopez",
                                   "Brown",  "Khan",  "Miller", "Davis",  "Reyes"};

static void day_str(char out[11], int off) {
  sb_date_format(sb_date_from_ymd(2026, 10, 1) + off, out);
}

/* A leave document: n employees in two groups, 8 choices of 2 options
 * (1-14 days, a few outside the period), 5% approved leave, half with a
 * balance; `min_share` percent hold min_leave_days. */
static uint32_t cap_div = 60;
static uint32_t time_limit_ms = 0;
static uint32_t solve_flags = 0; /* --cbc: SENBID_SOLVE_CBC */
/* totals: capacity totals over both groups (issue #17): the station at
 * one place less than its units together on every day, and at its units'
 * single cap over the holidays. */
static bool with_totals = false;

static void gen_doc(gen_buf *b, uint32_t n, uint32_t min_share, uint64_t seed) {
  gen_rng r = {seed};
  gen_printf(b, "{\"senbid\": 1, \"kind\": \"leave\", \"as_of\": \"2026-07-15\", "
                "\"seniority\": {\"policy\": \"nbpc-2019\"}, \"employees\": [");
  for (uint32_t i = 0; i < n; i++) {
    char s1[11];
    day_str(s1, -(int)(gen_below(&r, 120) * 30 + 40));
    gen_printf(b,
               "%s{\"id\": \"E%u\", \"name\": {\"last\": \"%s\", \"first\": \"F%u\"}, "
               "\"service\": {\"series_start\": \"%s\", \"usbp_start\": \"%s\", "
               "\"cbp_start\": \"%s\"}, \"group\": \"%s\"",
               i ? ", " : "", i, LAST[gen_below(&r, 10)], gen_below(&r, 500), s1, s1, s1,
               i % 2 ? "Station A" : "Station B");
    if (gen_below(&r, 2)) gen_printf(b, ", \"leave_balance_hours\": %u", 40 + 8 * gen_below(&r, 30));
    if (min_share && gen_below(&r, 100) < min_share)
      gen_printf(b, ", \"min_leave_days\": %u", 2 + gen_below(&r, 6));
    gen_printf(b, "}");
  }
  uint32_t cap = n / cap_div + 1;
  gen_printf(b, "], \"period\": {\"start\": \"2026-10-01\", \"end\": \"2027-03-31\"}, "
                "\"holidays\": \"us-federal\", \"capacity\": {\"default\": %u, "
                "\"groups\": {\"Station A\": %u}, \"overrides\": [{\"start\": \"2026-12-24\", "
                "\"end\": \"2026-12-26\", \"max\": 0}]",
             cap, cap + 1);
  if (with_totals)
    gen_printf(b, ", \"totals\": [{\"groups\": [\"Station A\", \"Station B\"], \"max\": %u}, "
                  "{\"groups\": [\"Station A\", \"Station B\"], \"max\": %u, "
                  "\"start\": \"2026-12-19\", \"end\": \"2027-01-03\"}]",
               2 * cap, cap + 1);
  gen_printf(b, "}, \"approved\": [");
  int first = 1;
  for (uint32_t i = 0; i < n; i++) {
    if (gen_below(&r, 20)) continue;
    char a[11], z[11];
    int s = (int)gen_below(&r, 175);
    day_str(a, s);
    day_str(z, s + (int)gen_below(&r, 5));
    gen_printf(b, "%s{\"employee\": \"E%u\", \"start\": \"%s\", \"end\": \"%s\"}",
               first ? "" : ", ", i, a, z);
    first = 0;
  }
  gen_printf(b, "], \"requests\": [");
  for (uint32_t i = 0; i < n; i++) {
    gen_printf(b, "%s{\"employee\": \"E%u\", \"choices\": [", i ? ", " : "", i);
    for (int c = 0; c < 8; c++) {
      gen_printf(b, "%s{\"id\": \"c%d\", \"options\": [", c ? ", " : "", c);
      for (int k = 0; k < 2; k++) {
        char a[11], z[11];
        int s = (int)gen_below(&r, 186) - 2, len = 1 + (int)gen_below(&r, 14);
        day_str(a, s);
        day_str(z, s + len - 1);
        gen_printf(b, "%s{\"start\": \"%s\", \"end\": \"%s\"}", k ? ", " : "", a, z);
      }
      gen_printf(b, "]}");
    }
    gen_printf(b, "]}");
  }
  gen_printf(b, "], \"rules\": {\"max_days_per_employee\": 30}}");
}

/* A lexicographic roster (issue #13): n employees in `groups` groups, a
 * 183-day period, `choices` choices of `opts` options of 1-14 days each,
 * `min_share` percent holding min_leave_days (`min_days`, or 2-7 when 0).
 * The cap per group and day is `cap`, or (cap 0) the group's requested
 * days (first options) over `over` times the period: `over`-fold
 * oversubscription. Half hold a balance; max_days_per_employee 30. */
typedef struct lex_cfg {
  uint32_t n, groups, choices, opts, min_share, min_days, cap, over;
} lex_cfg;

static void gen_lex(gen_buf *b, const lex_cfg *c, uint64_t seed) {
  gen_rng r = {seed};
  gen_buf req = {0};
  uint64_t *demand = calloc(c->groups, sizeof *demand);
  gen_printf(b, "{\"senbid\": 1, \"kind\": \"leave\", \"as_of\": \"2026-07-15\", "
                "\"seniority\": {\"policy\": \"nbpc-2019\"}, \"employees\": [");
  for (uint32_t i = 0; i < c->n; i++) {
    char s1[11];
    uint32_t g = i % c->groups;
    day_str(s1, -(int)(gen_below(&r, 120) * 30 + 40));
    gen_printf(b,
               "%s{\"id\": \"E%u\", \"name\": {\"last\": \"%s\", \"first\": \"F%u\"}, "
               "\"service\": {\"series_start\": \"%s\", \"usbp_start\": \"%s\", "
               "\"cbp_start\": \"%s\"}, \"group\": \"G%u\"",
               i ? ", " : "", i, LAST[gen_below(&r, 10)], gen_below(&r, 500), s1, s1, s1, g);
    if (gen_below(&r, 2)) gen_printf(b, ", \"leave_balance_hours\": %u", 160 + 8 * gen_below(&r, 30));
    if (c->min_share && gen_below(&r, 100) < c->min_share)
      gen_printf(b, ", \"min_leave_days\": %u", c->min_days ? c->min_days : 2 + gen_below(&r, 6));
    gen_printf(b, "}");
    gen_printf(&req, "%s{\"employee\": \"E%u\", \"choices\": [", i ? ", " : "", i);
    for (uint32_t ch = 0; ch < c->choices; ch++) {
      gen_printf(&req, "%s{\"id\": \"c%u\", \"options\": [", ch ? ", " : "", ch);
      for (uint32_t k = 0; k < c->opts; k++) {
        char a[11], z[11];
        int s = (int)gen_below(&r, 170), len = 1 + (int)gen_below(&r, 14);
        if (k == 0) demand[g] += (uint64_t)len;
        day_str(a, s);
        day_str(z, s + len - 1);
        gen_printf(&req, "%s{\"start\": \"%s\", \"end\": \"%s\"}", k ? ", " : "", a, z);
      }
      gen_printf(&req, "]}");
    }
    gen_printf(&req, "]}");
  }
  gen_printf(b, "], \"period\": {\"start\": \"2026-10-01\", \"end\": \"2027-03-31\"}, "
                "\"holidays\": \"us-federal\", \"capacity\": {\"groups\": {");
  for (uint32_t g = 0; g < c->groups; g++) {
    uint64_t cap = c->cap ? c->cap : demand[g] / ((uint64_t)c->over * 182) + 1;
    gen_printf(b, "%s\"G%u\": %llu", g ? ", " : "", g, (unsigned long long)cap);
  }
  gen_printf(b, "}}, \"requests\": [%s], \"rules\": {\"max_days_per_employee\": 30}}",
             req.data ? req.data : "");
  gen_free(&req);
  free(demand);
}

static uint64_t max_calls;
static int progress(const senbid_progress *pr, void *payload) {
  (void)payload;
  if (pr->solver_calls > max_calls) max_calls = pr->solver_calls;
  return 0;
}

typedef struct timing {
  double parse, solve, cjson, decide, peak;
  double solve_cpu; /* process CPU seconds of the solve (the machine is shared) */
  long gated;       /* lexicographic: "gated_until" (decisions gated), or -1 */
  bool cjson_print_failed; /* cjson is then the problem's parse alone */
  size_t out_len;
  uint64_t solver_calls;
  int outcome;
} timing;

static double peak_mib(void) {
  struct rusage u;
  getrusage(RUSAGE_SELF, &u);
  return (double)u.ru_maxrss / 1024.0;
}

/* Process CPU seconds: on a shared machine wall time measures the load. */
static double cpu_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* lexgen times the whole solve only (the decisions alone would run the
 * lexicographic gate twice). */
static bool decide_pass = true;

static int run_once(const char *doc, size_t len, int method, timing *t, int want_cjson) {
  double t0 = gen_now();
  senbid_problem *p = NULL;
  senbid_error *err = NULL;
  if (senbid_problem_parse(&p, doc, len, NULL, &err) != SENBID_OK) {
    fprintf(stderr, "parse: %s at %s\n", senbid_error_message(err), senbid_error_path(err));
    return 1;
  }
  double t1 = gen_now();
  if (decide_pass) {
    /* The decisions alone (fit tests, occupancy, audit text), without
     * writing the result document. */
    sb_err e = {0};
    sb_ctx ctx;
    memset(&ctx, 0, sizeof ctx);
    ctx.p = p;
    ctx.method = method;
    ctx.err = &e;
    ctx.time_limit_ms = time_limit_ms;
    ctx.solver = solve_flags & SENBID_SOLVE_CBC ? 1 : 0;
    ctx.t0 = sb_now();
    sb_arena_init(&ctx.scratch, &p->alloc);
    lv_state st;
    bool feasible;
    double d0 = gen_now();
    lv_replay(&ctx, &st, &feasible);
    t->decide = gen_now() - d0;
    lv_state_free(&st);
    sb_arena_free(&ctx.scratch);
  }
  t1 = gen_now();
  senbid_solve_options o = SENBID_SOLVE_OPTIONS_INIT;
  o.method = method;
  o.progress = progress;
  o.time_limit_ms = time_limit_ms;
  o.flags = solve_flags;
  max_calls = 0;
  senbid_result *res = NULL;
  double c_start = cpu_now();
  if (senbid_solve(&res, p, &o, &err) != SENBID_OK) {
    fprintf(stderr, "solve: %s\n", senbid_error_message(err));
    return 1;
  }
  size_t olen = 0;
  const char *out = senbid_result_json(res, &olen);
  double t2 = gen_now();
  t->solve_cpu = cpu_now() - c_start;
  const char *g = out ? strstr(out, "\"gated_until\": ") : NULL;
  t->gated = g ? strtol(g + 15, NULL, 10) : -1;
  t->parse = t1 - t0;
  t->solve = t2 - t1;
  t->out_len = olen;
  t->solver_calls = max_calls;
  t->outcome = senbid_result_outcome(res);
  t->peak = peak_mib();
  senbid_problem_free(p);
  if (want_cjson) {
    /* cJSON alone: parse the problem, print the result document. Its
     * trees are several times the text, so each is built only while it
     * is needed (at 1M employees the result tree alone is over 10 GB). */
    cJSON *tree = cJSON_ParseWithLength(out, olen);
    senbid_result_free(res);
    res = NULL;
    double c0 = gen_now();
    char *printed = tree ? cJSON_Print(tree) : NULL;
    double c1 = gen_now();
    t->cjson_print_failed = !printed;
    t->cjson = printed ? c1 - c0 : 0;
    free(printed);
    cJSON_Delete(tree);
    c0 = gen_now();
    cJSON *pt = cJSON_ParseWithLength(doc, len);
    c1 = gen_now();
    t->cjson += c1 - c0;
    if (!pt) t->cjson = -1; /* not even the problem fits: no baseline */
    cJSON_Delete(pt);
  }
  senbid_result_free(res);
  return 0;
}

static void rr_size(uint32_t n) {
  gen_buf b = {0};
  gen_doc(&b, n, 0, 42);
  double base = peak_mib();
  timing t;
  /* Our peak is read before the cJSON baseline runs. */
  if (run_once(b.data, b.len, 0, &t, 1)) exit(1);
  double e2e = t.parse + t.solve;
  char cj[32], ratio[32];
  if (t.cjson < 0) {
    snprintf(cj, sizeof cj, "(no memory)");
    snprintf(ratio, sizeof ratio, "n/a");
  } else if (t.cjson_print_failed) {
    /* The result's tree does not fit: the problem's parse alone is a
     * lower bound of cJSON's time, so the ratio is an upper bound. */
    snprintf(cj, sizeof cj, "> %.3f", t.cjson);
    snprintf(ratio, sizeof ratio, "< %.2f", e2e / t.cjson);
  } else {
    snprintf(cj, sizeof cj, "%8.3f", t.cjson);
    snprintf(ratio, sizeof ratio, "%5.2f", e2e / t.cjson);
  }
  printf("| %9u | %8.1f | %8.3f | %8.3f | %8.3f | %8.3f | %9.1f | %s | %s | %8.0f | %8.0f |\n", n,
         (double)b.len / 1048576.0, t.parse, t.decide, t.solve, e2e, (double)t.out_len / 1048576.0,
         cj, ratio, t.peak, t.peak - base);
  fflush(stdout);
  gen_free(&b);
}

static void lex_doc(const gen_buf *b, uint32_t n, uint32_t share, const char *cap) {
  timing rr, lx;
  decide_pass = false;
  if (run_once(b->data, b->len, 0, &rr, 0)) exit(1);
  if (run_once(b->data, b->len, 1, &lx, 0)) exit(1);
  char gated[32] = "";
  if (lx.outcome == 2 && lx.gated >= 0) snprintf(gated, sizeof gated, " (gated %ld)", lx.gated);
  printf("| %u | %u%% | %s | %s%s | %.3f / %.3f | %.3f / %.3f | %llu | %.1f |\n", n, share,
         cap, lx.outcome == 0 ? "ok" : (lx.outcome == 1 ? "infeasible" : "time_limit"),
         lx.outcome == 2 ? gated : "", rr.solve, rr.solve_cpu, lx.solve, lx.solve_cpu,
         (unsigned long long)lx.solver_calls, lx.solve_cpu / (rr.solve_cpu > 1e-6 ? rr.solve_cpu : 1e-6));
  fflush(stdout);
}

static void lex_run(uint32_t n, uint32_t share) {
  gen_buf b = {0};
  gen_doc(&b, n, share, 7);
  char cap[16];
  snprintf(cap, sizeof cap, "%u", n / cap_div + 1);
  lex_doc(&b, n, share, cap);
  gen_free(&b);
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* One round_robin run in CPU seconds: parse, decide (lv_replay alone),
 * solve (senbid_solve, result text included). */
static void totals_once(const gen_buf *b, double out[3], size_t *grants) {
  double t0 = cpu_now();
  senbid_problem *p = NULL;
  if (senbid_problem_parse(&p, b->data, b->len, NULL, NULL) != SENBID_OK) exit(1);
  double t1 = cpu_now();
  sb_err e = {0};
  sb_ctx ctx;
  memset(&ctx, 0, sizeof ctx);
  ctx.p = p;
  ctx.err = &e;
  ctx.t0 = sb_now();
  sb_arena_init(&ctx.scratch, &p->alloc);
  lv_state st;
  bool feasible;
  if (lv_replay(&ctx, &st, &feasible) != SENBID_OK) exit(1);
  *grants = st.grants.len;
  lv_state_free(&st);
  sb_arena_free(&ctx.scratch);
  double t2 = cpu_now();
  senbid_solve_options o = SENBID_SOLVE_OPTIONS_INIT;
  senbid_result *res = NULL;
  if (senbid_solve(&res, p, &o, NULL) != SENBID_OK) exit(1);
  double t3 = cpu_now();
  senbid_result_free(res);
  senbid_problem_free(p);
  out[0] = t1 - t0;
  out[1] = t2 - t1;
  out[2] = t3 - t2;
}

static void totals_run(uint32_t n, int reps) {
  gen_buf plain = {0}, tot = {0};
  with_totals = false;
  gen_doc(&plain, n, 0, 42);
  with_totals = true;
  gen_doc(&tot, n, 0, 42);
  with_totals = false;
  double *v = calloc((size_t)reps * 6, sizeof *v);
  size_t g[2] = {0, 0};
  /* Alternate the two documents (the machine is shared: load drifts). */
  for (int r = 0; r < reps; r++)
    for (int k = 0; k < 2; k++) {
      double t[3];
      totals_once(k ? &tot : &plain, t, &g[k]);
      for (int j = 0; j < 3; j++) v[((size_t)k * 3 + (size_t)j) * (size_t)reps + (size_t)r] = t[j];
    }
  printf("| employees | totals | grants | parse s (median / least) | decide s | solve s |\n");
  printf("|---|---|---|---|---|---|\n");
  double med[2][3];
  for (int k = 0; k < 2; k++) {
    printf("| %u | %s | %zu |", n, k ? "2 over both groups" : "none", g[k]);
    for (int j = 0; j < 3; j++) {
      double *x = &v[((size_t)k * 3 + (size_t)j) * (size_t)reps];
      qsort(x, (size_t)reps, sizeof *x, cmp_double);
      med[k][j] = x[reps / 2];
      printf(" %.3f / %.3f |", x[reps / 2], x[0]);
    }
    printf("\n");
  }
  printf("\nmedian with totals / without: parse %.3f, decide %.3f, solve %.3f (%d runs each, alternating, CPU time)\n",
         med[1][0] / med[0][0], med[1][1] / med[0][1], med[1][2] / med[0][2], reps);
  free(v);
  gen_free(&plain);
  gen_free(&tot);
}

int main(int argc, char **argv) {
  const char *mode = argc > 1 ? argv[1] : "rr";
  const char *sizes = "1000,10000,100000,1000000";
  uint32_t emps = 2000, share = 10;
  for (int i = 2; i < argc; i++)
    if (strcmp(argv[i], "--cbc") == 0) solve_flags = SENBID_SOLVE_CBC;
  for (int i = 2; i + 1 < argc; i++) {
    if (strcmp(argv[i], "--sizes") == 0) sizes = argv[i + 1];
    if (strcmp(argv[i], "--employees") == 0) emps = (uint32_t)atol(argv[i + 1]);
    if (strcmp(argv[i], "--min-share") == 0) share = (uint32_t)atol(argv[i + 1]);
    if (strcmp(argv[i], "--cap-div") == 0) cap_div = (uint32_t)atol(argv[i + 1]);
    if (strcmp(argv[i], "--time-limit-ms") == 0) time_limit_ms = (uint32_t)atol(argv[i + 1]);
  }
  if (strcmp(mode, "dump") == 0) {
    gen_buf b = {0};
    gen_doc(&b, argc > 2 ? (uint32_t)atol(argv[2]) : 1000, argc > 3 ? (uint32_t)atol(argv[3]) : 0, 42);
    fwrite(b.data, 1, b.len, stdout);
    gen_free(&b);
    return 0;
  }
  if (strcmp(mode, "lexgen") == 0 || strcmp(mode, "lexdump") == 0) {
    lex_cfg c = {emps, 1, 8, 2, share, 0, 0, 10};
    uint64_t seed = 11;
    for (int i = 2; i + 1 < argc; i++) {
      if (strcmp(argv[i], "--groups") == 0) c.groups = (uint32_t)atol(argv[i + 1]);
      if (strcmp(argv[i], "--choices") == 0) c.choices = (uint32_t)atol(argv[i + 1]);
      if (strcmp(argv[i], "--options") == 0) c.opts = (uint32_t)atol(argv[i + 1]);
      if (strcmp(argv[i], "--min-days") == 0) c.min_days = (uint32_t)atol(argv[i + 1]);
      if (strcmp(argv[i], "--cap") == 0) c.cap = (uint32_t)atol(argv[i + 1]);
      if (strcmp(argv[i], "--over") == 0) c.over = (uint32_t)atol(argv[i + 1]);
      if (strcmp(argv[i], "--seed") == 0) seed = (uint64_t)atoll(argv[i + 1]);
    }
    gen_buf b = {0};
    gen_lex(&b, &c, seed);
    if (mode[3] == 'd') {
      fwrite(b.data, 1, b.len, stdout);
    } else {
      char cap[32];
      if (c.cap) snprintf(cap, sizeof cap, "%u", c.cap);
      else snprintf(cap, sizeof cap, "%ux over", c.over);
      printf("| employees | with minimum | cap per group-day | status | round_robin s wall / CPU | lexicographic s wall / CPU | solver calls | CPU ratio |\n");
      printf("|---|---|---|---|---|---|---|---|\n");
      lex_doc(&b, c.n, c.min_share, cap);
    }
    gen_free(&b);
    return 0;
  }
  if (strcmp(mode, "totals") == 0) {
    uint32_t n = 100000;
    int reps = 7;
    for (int i = 2; i + 1 < argc; i++) {
      if (strcmp(argv[i], "--employees") == 0) n = (uint32_t)atol(argv[i + 1]);
      if (strcmp(argv[i], "--reps") == 0) reps = atoi(argv[i + 1]);
    }
    totals_run(n, reps < 1 ? 1 : reps);
    return 0;
  }
  if (strcmp(mode, "lex") == 0) {
    printf("| employees | with minimum | cap per group-day | status | round_robin s wall / CPU | lexicographic s wall / CPU | solver calls | CPU ratio |\n");
    printf("|---|---|---|---|---|---|---|---|\n");
    lex_run(emps, share);
    return 0;
  }
  printf("| employees | input MiB | parse s | decide s | solve s | end-to-end s | result MiB | cJSON s | ratio "
         "| peak MiB | above input MiB |\n");
  printf("|---|---|---|---|---|---|---|---|---|---|---|\n");
  fflush(stdout);
  char *copy = strdup(sizes);
  for (char *tok = strtok(copy, ","); tok; tok = strtok(NULL, ",")) {
    pid_t pid = fork();
    if (pid == 0) {
      rr_size((uint32_t)atol(tok));
      _exit(0);
    }
    int st = 0;
    waitpid(pid, &st, 0);
  }
  free(copy);
  return 0;
}
