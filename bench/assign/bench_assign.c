/* Benchmark of kind "assignment": a year of announcements over a large
 * roster with a long ledger (issue #6). One configuration per process, so
 * that peak memory is that configuration's:
 *
 *   bench_assign [--employees N] [--opps M] [--ledger L] [--method rr|lex]
 *                [--rules nbpc-2019|ice-2019] [--seed S] [--emit FILE]
 *
 * --emit writes the generated document to FILE and stops (for comparing
 * outputs before and after a change).
 * prints one line of key=value figures. Never a timed assertion. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen.h"
#include "internal.h"

static const char *const types[] = {"checkpoint", "k9-unit", "hq-liaison", "training-cadre",
                                    "tactical", "intel", "marine", "air", "liaison", "sector-ops"};
static const char *const ice_types[] = {"I", "II_SHORT", "II_LONG", "III", "SPECIAL"};

static void day(char out[11], sb_day d) { sb_date_format(d, out); }

/* Decision time alone (between the first and the last progress report of
 * the decision loop), without reading the ledger into the solve's indexes
 * and writing the result, which are linear in the ledger by nature. */
typedef struct timing {
  double first, last;
  bool seen;
} timing;

static int on_progress(const senbid_progress *pr, void *payload) {
  timing *t = payload;
  if (strcmp(pr->phase, "assignment") != 0) return 0;
  if (!t->seen) t->first = pr->elapsed_seconds;
  t->seen = true;
  t->last = pr->elapsed_seconds;
  return 0;
}

static void emp_list(gen_buf *b, gen_rng *r, uint32_t n, uint32_t count) {
  /* distinct ids by a random walk with a random odd stride */
  uint32_t start = gen_below(r, n), stride = 1 + 2 * gen_below(r, n / 2 > 1 ? n / 2 : 1);
  if (count > n) count = n;
  for (;;) { /* a stride coprime with n visits distinct employees */
    uint32_t a = stride % n, c = n;
    while (a) {
      uint32_t t = c % a;
      c = a;
      a = t;
    }
    if (c == 1) break;
    stride++;
  }
  for (uint32_t i = 0; i < count; i++)
    gen_printf(b, "%s\"E%u\"", i ? "," : "", (uint32_t)((start + (uint64_t)i * stride) % n));
}

int main(int argc, char **argv) {
  uint32_t n = 20000, m = 500, led = 100000;
  uint64_t seed = 1;
  const char *method = "rr", *rules = "nbpc-2019", *emit = NULL;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!strcmp(argv[i], "--employees")) n = (uint32_t)strtoul(argv[i + 1], NULL, 10);
    else if (!strcmp(argv[i], "--opps")) m = (uint32_t)strtoul(argv[i + 1], NULL, 10);
    else if (!strcmp(argv[i], "--ledger")) led = (uint32_t)strtoul(argv[i + 1], NULL, 10);
    else if (!strcmp(argv[i], "--method")) method = argv[i + 1];
    else if (!strcmp(argv[i], "--rules")) rules = argv[i + 1];
    else if (!strcmp(argv[i], "--seed")) seed = strtoull(argv[i + 1], NULL, 10);
    else if (!strcmp(argv[i], "--emit")) emit = argv[i + 1];
  }
  if (n < 2) n = 2;
  gen_rng r = {seed * 0x9e3779b97f4a7c15ull + 1};
  gen_buf b = {0};
  gen_printf(&b, "{\"senbid\":1,\"kind\":\"assignment\",\"as_of\":\"2027-01-01\","
                 "\"seniority\":{\"policy\":\"nbpc-2019\"},\"rules\":\"%s\",\"employees\":[",
             rules);
  for (uint32_t i = 0; i < n; i++) {
    char s[11];
    day(s, sb_date_from_ymd(1995, 1, 1) + (sb_day)gen_below(&r, 11000));
    uint32_t q = gen_below(&r, 10);
    gen_printf(&b,
               "%s{\"id\":\"E%u\",\"name\":{\"last\":\"L%u\",\"first\":\"F%u\"},\"service\":{"
               "\"series_start\":\"%s\",\"usbp_start\":\"%s\",\"cbp_start\":\"%s\"},"
               "\"quals\":[%s],\"union_board\":%s}",
               i ? "," : "", i, gen_below(&r, 5000), i, s, s, s,
               q < 3 ? "\"EMT\"" : q < 4 ? "\"EMT\",\"K9\"" : q < 5 ? "\"K9\"" : "",
               gen_below(&r, 200) == 0 ? "true" : "false");
  }
  gen_printf(&b, "],\"opportunities\":[");
  sb_day y0 = sb_date_from_ymd(2027, 1, 1);
  for (uint32_t k = 0; k < m; k++) {
    /* announcements come in date order over the year */
    sb_day st = y0 + (sb_day)((uint64_t)k * 365 / (m ? m : 1)) + (sb_day)gen_below(&r, 3);
    uint32_t kind = gen_below(&r, 10);
    char a[11], z[11];
    day(a, st);
    if (kind < 6) { /* overtime day */
      gen_printf(&b, "%s{\"id\":\"OT%u\",\"type\":\"overtime\",\"slots\":%u,\"hours\":8,"
                     "\"start\":\"%s\",\"end\":\"%s\",\"must_fill\":%s,\"volunteers\":[",
                 k ? "," : "", k, 2 + gen_below(&r, 5), a, a, gen_below(&r, 2) ? "true" : "false");
      emp_list(&b, &r, n, 5 + gen_below(&r, 36));
      gen_printf(&b, "]}");
    } else if (kind < 9) { /* detail */
      day(z, st + 4 + (sb_day)gen_below(&r, 56));
      bool special = gen_below(&r, 5) == 0;
      gen_printf(&b, "%s{\"id\":\"D%u\",\"type\":\"%s\",\"ice_type\":\"%s\",\"slots\":%u,"
                     "\"start\":\"%s\",\"end\":\"%s\",\"special_skills\":%s,"
                     "\"weights\":{\"interview\":2,\"prior\":1},\"required\":[%s],"
                     "\"must_fill\":%s,\"volunteers\":[",
                 k ? "," : "", k, types[gen_below(&r, 10)], ice_types[gen_below(&r, 5)],
                 1 + gen_below(&r, 4), a, z, special ? "true" : "false",
                 gen_below(&r, 3) == 0 ? "\"EMT\"" : "", gen_below(&r, 5) < 2 ? "true" : "false");
      uint32_t nv = gen_below(&r, 31);
      uint32_t start = gen_below(&r, n);
      for (uint32_t v = 0; v < nv && v < n; v++)
        gen_printf(&b, "%s{\"employee\":\"E%u\",\"scores\":{\"interview\":%u,\"prior\":%u}}",
                   v ? "," : "", (start + v * 7919u) % n, gen_below(&r, 10), gen_below(&r, 3));
      gen_printf(&b, "],\"declines\":[");
      emp_list(&b, &r, n, gen_below(&r, 3));
      gen_printf(&b, "],\"extension_volunteers\":[");
      emp_list(&b, &r, n, gen_below(&r, 4));
      gen_printf(&b, "]}");
    } else { /* training */
      day(z, st + (sb_day)gen_below(&r, 5));
      gen_printf(&b, "%s{\"id\":\"TR%u\",\"type\":\"training\",\"title\":\"course-%u\","
                     "\"slots\":%u,\"start\":\"%s\",\"end\":\"%s\",\"volunteers\":[",
                 k ? "," : "", k, gen_below(&r, 5), 5 + gen_below(&r, 16), a, z);
      emp_list(&b, &r, n, 10 + gen_below(&r, 51));
      gen_printf(&b, "]}");
    }
  }
  /* the long ledger: `led` past details over three years, cycles,
   * everyone's overtime hours, exemptions, training pointers */
  gen_printf(&b, "],\"ledger\":{\"history\":[");
  for (uint32_t h = 0; h < led; h++) {
    sb_day s = y0 - 1100 + (sb_day)gen_below(&r, 1080);
    char a[11], z[11];
    day(a, s);
    day(z, s + (sb_day)gen_below(&r, 60));
    gen_printf(&b, "%s{\"employee\":\"E%u\",\"type\":\"%s\",\"ice_type\":\"%s\","
                   "\"voluntary\":%s,\"start\":\"%s\",\"end\":\"%s\"}",
               h ? "," : "", gen_below(&r, n), types[gen_below(&r, 10)],
               ice_types[gen_below(&r, 5)], gen_below(&r, 4) ? "true" : "false", a, z);
  }
  gen_printf(&b, "],\"served_cycle\":{");
  for (uint32_t t = 0; t < 10; t++) {
    gen_printf(&b, "%s\"%s\":[", t ? "," : "", types[t]);
    emp_list(&b, &r, n, n / 4);
    gen_printf(&b, "]");
  }
  gen_printf(&b, "},\"mandate_cycle\":[");
  emp_list(&b, &r, n, n / 10);
  gen_printf(&b, "],\"overtime_hours\":{");
  for (uint32_t i = 0; i < n; i++)
    gen_printf(&b, "%s\"E%u\":%u", i ? "," : "", i, 8 * gen_below(&r, 30));
  gen_printf(&b, "},\"exemptions\":[");
  for (uint32_t i = 0; i < n / 100; i++)
    gen_printf(&b, "%s{\"employee\":\"E%u\",\"until\":\"2027-0%u-15\"}", i ? "," : "",
               gen_below(&r, n), 1 + gen_below(&r, 9));
  gen_printf(&b, "],\"training_last\":{\"course-0\":\"E0\",\"course-3\":\"E%u\"}}}", n / 2);

  if (emit) {
    FILE *f = fopen(emit, "wb");
    if (!f || fwrite(b.data, 1, b.len, f) != b.len || fclose(f) != 0) {
      fprintf(stderr, "bench_assign: cannot write %s\n", emit);
      return 1;
    }
    gen_free(&b);
    return 0;
  }
  double t0 = gen_now();
  senbid_problem *p = NULL;
  senbid_error *err = NULL;
  if (senbid_problem_parse(&p, b.data, b.len, NULL, &err) != SENBID_OK) {
    fprintf(stderr, "bench_assign: %s at %s: %s\n", senbid_code_name(senbid_error_code(err)),
            senbid_error_path(err), senbid_error_message(err));
    return 1;
  }
  double t1 = gen_now();
  senbid_solve_options o;
  senbid_solve_options_init(&o, SENBID_SOLVE_OPTIONS_VERSION);
  o.method = !strcmp(method, "lex") ? SENBID_METHOD_LEXICOGRAPHIC : SENBID_METHOD_ROUND_ROBIN;
  timing tm = {0, 0, false};
  o.progress = on_progress;
  o.progress_payload = &tm;
  senbid_result *res = NULL;
  if (senbid_solve(&res, p, &o, &err) != SENBID_OK) {
    fprintf(stderr, "bench_assign: solve: %s\n", senbid_error_message(err));
    return 1;
  }
  double t2 = gen_now();
  size_t len = 0;
  const char *json = senbid_result_json(res, &len);
  size_t sels = 0;
  for (const char *s = json; (s = strstr(s, "\"reason\": \"")) != NULL; s++) sels++;
  printf("rules=%s method=%s employees=%u opportunities=%u ledger=%u doc_mib=%.1f "
         "parse_s=%.3f solve_s=%.3f decide_s=%.3f per_opportunity_ms=%.3f result_mib=%.1f "
         "reasons=%zu peak_mib=%.1f\n",
         rules, method, n, m, led, (double)b.len / 1048576.0, t1 - t0, t2 - t1,
         tm.last - tm.first, m ? (tm.last - tm.first) * 1000.0 / m : 0.0, (double)len / 1048576.0, sels, gen_peak_mib());
  senbid_result_free(res);
  senbid_problem_free(p);
  gen_free(&b);
  return 0;
}
