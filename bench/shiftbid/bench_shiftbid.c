/*
 * Benchmarks of shift bids (issue #4), written to bench/shiftbid/REPORT.md
 * by bench/shiftbid/report.sh. Never timed assertions.
 *
 *   bench_shiftbid rr  [--sizes 1000,10000,100000] [--shifts 24]
 *   bench_shiftbid lex [--sizes 1000,10000] [--shifts 24]
 *   bench_shiftbid doc N S SEED   (writes the generated document)
 *
 * A generated station: N agents (grades GS-9..GS-12, 1% detailed with a
 * return date, 0.5% TDY, 0.5% management placements, 3% under two years
 * in the series), S shifts with tight total and grade minimums (min 95%
 * and max 110% of an even share; GS-12, 30% of the roster, needs 28% of
 * each shift; GS-9 at most 30%), 90% bids of 1-6 shifts skewed to the first
 * (day) shifts, 5% SPP agents, two adjustments lowering maxes (bumps under
 * round_robin). Each size runs in a child process so that peak memory is
 * its own. Prints one line per size: parse and solve seconds (solve with
 * the result text), decide seconds (the decisions alone, audit included,
 * from a second run without the result text), peak RSS, feasibility tests and shortest-path searches
 * (lexicographic), unmet minimums, assignments and bumps.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "gen.h"
#include "internal.h"
#include "senbid/senbid.h"
#include "shiftbid/shiftbid.h"

static void gen_doc(gen_buf *b, uint32_t n, uint32_t S, uint64_t seed) {
  gen_rng r = {seed};
  gen_printf(b, "{\"senbid\": 1, \"kind\": \"shift_bid\", \"as_of\": \"2026-09-01\", "
                "\"seniority\": {\"policy\": \"nbpc-2019\"}, \"employees\": [");
  for (uint32_t i = 0; i < n; i++) {
    uint32_t y = 1990 + gen_below(&r, 34), m = 1 + gen_below(&r, 12), d = 1 + gen_below(&r, 28);
    if (gen_below(&r, 100) < 3) y = 2025; /* under two years in the series */
    uint32_t g = gen_below(&r, 10);
    uint32_t grade = g < 2 ? 9 : g < 5 ? 11 : g < 8 ? 12 : 13;
    gen_printf(b,
               "%s{\"id\": \"A%u\", \"name\": {\"last\": \"L%u\", \"first\": \"F%u\"}, "
               "\"service\": {\"series_start\": \"%04u-%02u-%02u\", \"usbp_start\": "
               "\"%04u-%02u-%02u\", \"cbp_start\": \"%04u-%02u-%02u\"}, \"grade\": \"GS-%u\"",
               i ? ", " : "", i, gen_below(&r, 5000), i, y, m, d, y, m, d, y, m, d, grade);
    uint32_t st = gen_below(&r, 1000);
    if (st < 10)
      gen_printf(b, ", \"status\": \"detailed\", \"return_date\": \"2026-%02u-15\"",
                 10 + gen_below(&r, 3));
    else if (st < 15)
      gen_printf(b, ", \"status\": \"tdy_outside\"");
    else if (st < 20)
      gen_printf(b, ", \"fixed_shift\": \"S%u\"", gen_below(&r, S));
    gen_printf(b, "}");
  }
  uint32_t per = n / S;
  gen_printf(b, "], \"rotation\": {\"start\": \"2026-10-04\", \"end\": \"2027-01-30\"}, "
                "\"shifts\": [");
  for (uint32_t s = 0; s < S; s++)
    gen_printf(b,
               "%s{\"id\": \"S%u\", \"min\": %u, \"max\": %u, \"grades\": {\"GS-12\": "
               "{\"min\": %u}, \"GS-9\": {\"max\": %u}}}",
               s ? ", " : "", s, per * 95 / 100, per * 110 / 100 + 1, per * 28 / 100,
               per * 30 / 100 + 1);
  gen_printf(b, "], \"bids\": [");
  bool first = true;
  for (uint32_t i = 0; i < n; i++) {
    uint32_t k = gen_below(&r, 100);
    if (k >= 90) continue; /* no bid */
    gen_printf(b, "%s{\"employee\": \"A%u\"", first ? "" : ", ", i);
    first = false;
    if (k < 3) {
      gen_printf(b, ", \"no_preference\": true}");
      continue;
    }
    uint32_t np = 1 + gen_below(&r, 6);
    gen_printf(b, ", \"prefs\": [");
    for (uint32_t j = 0; j < np; j++) {
      /* the smaller of two draws: day shifts are popular */
      uint32_t a = gen_below(&r, S), c = gen_below(&r, S);
      gen_printf(b, "%s\"S%u\"", j ? ", " : "", a < c ? a : c);
    }
    gen_printf(b, "]}");
  }
  gen_printf(b, "], \"history\": {\"denials\": {");
  first = true;
  for (uint32_t i = 0; i < n; i += 1 + gen_below(&r, 40)) {
    gen_printf(b, "%s\"A%u\": %u", first ? "" : ", ", i, gen_below(&r, 4));
    first = false;
  }
  gen_printf(b, "}}, \"adjustments\": [{\"shift\": \"S0\", \"max\": %u}, "
                "{\"shift\": \"S1\", \"max\": %u}]}",
             per * 95 / 100, per * 90 / 100);
}

static int run_one(bool lex, uint32_t n, uint32_t S) {
  gen_buf b = {0};
  gen_doc(&b, n, S, 4242 + n);
  double t0 = gen_now();
  senbid_problem *p = NULL;
  senbid_error *err = NULL;
  if (senbid_problem_parse(&p, b.data, b.len, NULL, &err) != SENBID_OK) {
    fprintf(stderr, "parse: %s at %s\n", senbid_error_message(err), senbid_error_path(err));
    return 1;
  }
  double t1 = gen_now();
  senbid_solve_options opts = SENBID_SOLVE_OPTIONS_INIT;
  opts.method = lex ? SENBID_METHOD_LEXICOGRAPHIC : SENBID_METHOD_ROUND_ROBIN;
  senbid_result *res = NULL;
  if (senbid_solve(&res, p, &opts, &err) != SENBID_OK) {
    fprintf(stderr, "solve: %s\n", senbid_error_message(err));
    return 1;
  }
  double t2 = gen_now();
  double peak = gen_peak_mib();
  size_t len;
  const char *text = senbid_result_json(res, &len);
  /* counters from a second, internal run */
  sb_err e = {0};
  sb_ctx ctx;
  memset(&ctx, 0, sizeof ctx);
  ctx.p = p;
  ctx.method = opts.method;
  ctx.err = &e;
  sb_arena_init(&ctx.scratch, &p->alloc);
  sb_out o;
  memset(&o, 0, sizeof o);
  sb_buf_init(&o.body, &p->alloc);
  sb_buf_init(&o.audit.buf, &p->alloc);
  sb_buf_init(&o.warnings.buf, &p->alloc);
  sb_jw_init(&o.w, &o.body, 1, false);
  sb_jw_init(&o.audit.w, &o.audit.buf, 1, true);
  sb_jw_init(&o.warnings.w, &o.warnings.buf, 1, true);
  sbs_state st;
  double t3 = gen_now();
  int rc = sbs_run(&ctx, &o, &st);
  double t4 = gen_now();
  uint64_t unmet = 0;
  for (uint32_t s = 0; rc == 0 && s < st.S; s++)
    for (int32_t k = -1; k < (int32_t)st.d->shifts[s].ngl; k++)
      unmet += (uint64_t)sbs_rule_unmet(st.d, &st.t, s, k);
  printf("%s n=%u shifts=%u parse_s=%.3f solve_s=%.3f decide_s=%.4f peak_mib=%.1f tests=%llu "
         "searches=%llu unmet=%llu assignments=%u bumps=%zu result_mib=%.1f\n",
         lex ? "lexicographic" : "round_robin", n, S, t1 - t0, t2 - t1, t4 - t3, peak,
         (unsigned long long)st.tests, (unsigned long long)st.solves,
         (unsigned long long)unmet, st.nentry, st.bumps.len, (double)len / 1048576.0);
  (void)text;
  sb_vec_free(&st.bumps);
  sb_buf_free(&o.body);
  sb_buf_free(&o.audit.buf);
  sb_buf_free(&o.warnings.buf);
  sb_arena_free(&ctx.scratch);
  senbid_result_free(res);
  senbid_problem_free(p);
  gen_free(&b);
  return rc ? 1 : 0;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: bench_shiftbid rr|lex [--sizes N,N,...] [--shifts S]\n");
    return 2;
  }
  if (!strcmp(argv[1], "doc") && argc == 5) {
    gen_buf b = {0};
    gen_doc(&b, (uint32_t)atoi(argv[2]), (uint32_t)atoi(argv[3]),
            strtoull(argv[4], NULL, 10));
    fwrite(b.data, 1, b.len, stdout);
    gen_free(&b);
    return 0;
  }
  bool lex = strcmp(argv[1], "lex") == 0;
  const char *sizes = lex ? "1000,10000" : "1000,10000,100000";
  uint32_t S = 24;
  for (int i = 2; i + 1 < argc; i += 2) {
    if (!strcmp(argv[i], "--sizes")) sizes = argv[i + 1];
    if (!strcmp(argv[i], "--shifts")) S = (uint32_t)atoi(argv[i + 1]);
  }
  char *list = strdup(sizes);
  int status = 0;
  for (char *tok = strtok(list, ","); tok; tok = strtok(NULL, ",")) {
    uint32_t n = (uint32_t)strtoul(tok, NULL, 10);
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
      int rc = run_one(lex, n, S);
      fflush(stdout);
      _exit(rc);
    }
    int ws = 0;
    waitpid(pid, &ws, 0);
    if (!WIFEXITED(ws) || WEXITSTATUS(ws)) status = 1;
  }
  free(list);
  return status;
}
