/* The caller's allocator (issue #10 item 8) for the aws kind: a counting
 * allocator sees every allocation senbid makes in parse, solve (both
 * methods), check and export-lp, and failing each allocation in turn gives
 * SENBID_E_NOMEM, no result and no leak.
 *
 * "Sees every allocation": this program also defines malloc, calloc and
 * realloc (forwarding to glibc's), and counts the calls made while a
 * senbid call runs whose caller is senbid's own code (linked into this
 * program) or cJSON: those would bypass the caller's allocator. (The C
 * library's own allocating calls, strdup and the like, are not seen; the
 * library uses none.) GLPK's
 * and the C library's own allocations are theirs (GLPK has no allocator
 * hook) and are not counted. Sanitizer builds replace malloc themselves,
 * and the forwarding needs glibc: there only the NOMEM half runs. */
#define _GNU_SOURCE
#include <link.h>

#include "aws_test.h"

#if defined(__SANITIZE_ADDRESS__) || !defined(__GLIBC__)
#define WATCH_MALLOC 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define WATCH_MALLOC 0
#endif
#endif
#ifndef WATCH_MALLOC
#define WATCH_MALLOC 1
#endif

/* ------------------------------------------------------ the C heap, watched */

#if WATCH_MALLOC
extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);

/* Text ranges of the loaded objects that are senbid's: this program and
 * libcjson (collected before watching, so malloc itself never looks). */
typedef struct range {
  uintptr_t lo, hi;
} range;
static range ours[16];
static int nours;
static volatile int watching;
static long bypass;

static int collect(struct dl_phdr_info *info, size_t size, void *data) {
  (void)size;
  (void)data;
  const char *name = info->dlpi_name ? info->dlpi_name : "";
  bool exe = name[0] == '\0';
  if (!exe && !strstr(name, "libcjson")) return 0;
  for (int i = 0; i < info->dlpi_phnum && nours < 16; i++) {
    const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
    if (ph->p_type != PT_LOAD || !(ph->p_flags & PF_X)) continue;
    ours[nours].lo = info->dlpi_addr + ph->p_vaddr;
    ours[nours].hi = ours[nours].lo + ph->p_memsz;
    nours++;
  }
  return 0;
}

static void note(void *ra) {
  if (!watching) return;
  uintptr_t a = (uintptr_t)ra;
  for (int i = 0; i < nours; i++)
    if (a >= ours[i].lo && a < ours[i].hi) bypass++;
}

__attribute__((noinline)) void *malloc(size_t n) {
  note(__builtin_return_address(0));
  return __libc_malloc(n);
}
__attribute__((noinline)) void *calloc(size_t n, size_t m) {
  note(__builtin_return_address(0));
  return __libc_calloc(n, m);
}
__attribute__((noinline)) void *realloc(void *p, size_t n) {
  note(__builtin_return_address(0));
  return __libc_realloc(p, n);
}
/* free is not replaced: glibc's frees what __libc_malloc gave, and under
 * valgrind, which replaces these functions in turn, valgrind's. */
#define REAL_MALLOC __libc_malloc
#define REAL_REALLOC __libc_realloc
#define REAL_FREE free
#else
static volatile int watching;
static long bypass;
#define REAL_MALLOC malloc
#define REAL_REALLOC realloc
#define REAL_FREE free
#endif

/* ------------------------------------------------- the counting allocator */

/* An office that reaches every part of the code: invalid options (MEAL,
 * DAY_OFF), a full max_off, telework granted and refused, in-lieu
 * holidays, a grandfathered and a part-time employee and, for
 * lexicographic, a min_type that refuses an
 * option (OFFICE_MINIMUM) and needs the integer program. */
static char *office(void) {
  return doc_ex(
      EMPS4 "," E("A5", "2005", ",\"grandfathered_494\":true") "," E(
          "A6", "2006",
          ",\"part_time_hours\":48,\"workdays\":[\"mon\",\"tue\",\"wed\"]"),
      "{\"max_off\":{\"fri\":1},\"max_telework\":{\"tue\":1},"
      "\"min_type\":{\"VWS\":2},\"max_type\":{\"MAXIFLEX\":2}}",
      REQT("A1", C410("fri", "07:00", 30) "," MF1(1, "mon"), "\"tue\"") ","
      REQT("A2", C410("fri", "07:00", 20) "," C410("fri", "07:00", 30) ","
           MF1(2, "wed"), "\"tue\",\"thu\"") ","
      REQ("A3", C549(1, "mon", 2, "tue", "07:00", 30) "," MF1(1, "sat"))
      "," REQ("A4", MF1(1, "thu") "," VWS) "," REQ("A6", C410("mon", "07:00", 30)),
      ",\"schedule_end\":\"2027-12-31\"");
}

typedef enum op { OP_PARSE, OP_RR, OP_LEX, OP_CHECK_RR, OP_CHECK_LEX,
                  OP_EXPORT, OP_N } op;
static const char *const op_name[OP_N] = {
    "parse", "solve round_robin", "solve lexicographic", "check round_robin",
    "check lexicographic", "export-lp"};

/* One call of op with allocator a; *res / *p hold what it made. */
static int run_op(op o, const char *json, const char *posted,
                  const senbid_problem *p, const senbid_allocator *a,
                  senbid_problem **made, senbid_result **res,
                  senbid_error **err) {
  senbid_solve_options so = SENBID_SOLVE_OPTIONS_INIT;
  so.method = o == OP_RR || o == OP_CHECK_RR ? SENBID_METHOD_ROUND_ROBIN
                                             : SENBID_METHOD_LEXICOGRAPHIC;
  int rc;
  watching = 1;
  switch (o) {
    case OP_PARSE: {
      senbid_parse_options po = SENBID_PARSE_OPTIONS_INIT;
      po.allocator = a;
      rc = senbid_problem_parse(made, json, strlen(json), &po, err);
      break;
    }
    case OP_RR:
    case OP_LEX: rc = senbid_solve(res, p, &so, err); break;
    case OP_CHECK_RR:
    case OP_CHECK_LEX:
      rc = senbid_check(res, p, posted, strlen(posted), err);
      break;
    default: rc = senbid_export_lp(res, p, &so, err); break;
  }
  watching = 0;
  return rc;
}

static void every_allocation(void **state) {
  (void)state;
  char *json = office();
  char *posted[2] = {th_solve_text(json, SENBID_METHOD_ROUND_ROBIN),
                     th_solve_text(json, SENBID_METHOD_LEXICOGRAPHIC)};
  /* the office does what it is for */
  assert_non_null(strstr(posted[1], "OFFICE_MINIMUM"));
  assert_non_null(strstr(posted[0], "\"holiday\""));
#if WATCH_MALLOC
  /* valgrind replaces malloc in this program too: no watch there */
  const char *pre = getenv("LD_PRELOAD");
  bool watch = !(pre && strstr(pre, "vgpreload"));
  if (!watch) print_message("# valgrind: the bypass watch is off\n");
  if (watch && nours == 0) dl_iterate_phdr(collect, NULL);
  if (watch) {
    assert_true(nours > 0);
    /* the watch works: a malloc from this program is seen */
    bypass = 0;
    watching = 1;
    void *(*volatile m)(size_t) = malloc; /* a real call, not elided */
    void *probe = m(16);
    watching = 0;
    free(probe);
    assert_int_equal(bypass, 1);
  }
#endif
  th_counting c = {.fail_at = -1, .raw_malloc = REAL_MALLOC, .raw_realloc = REAL_REALLOC};
  senbid_allocator a = th_counting_allocator(&c);
  senbid_parse_options po = SENBID_PARSE_OPTIONS_INIT;
  po.allocator = &a;
  senbid_problem *p = NULL;
  assert_int_equal(
      senbid_problem_parse(&p, json, strlen(json), &po, NULL), SENBID_OK);
  long base = c.live;
  for (int o = 0; o < OP_N; o++) {
    const char *pt = o == OP_CHECK_LEX ? posted[1] : posted[0];
    long n = 0;
    for (;; n++) {
      c.calls = 0;
      c.fail_at = n;
      bypass = 0;
      senbid_problem *made = NULL;
      senbid_result *res = NULL;
      senbid_error *err = NULL;
      int rc = run_op((op)o, json, pt, p, &a, &made, &res, &err);
      if (bypass)
        fail_msg("%s: %ld allocations bypassed the caller's allocator",
                 op_name[o], bypass);
      if (rc == SENBID_OK) {
        if (o == OP_CHECK_RR || o == OP_CHECK_LEX)
          assert_int_equal(senbid_result_outcome(res), SENBID_OUTCOME_OK);
        senbid_problem_free(made);
        senbid_result_free(res);
        assert_int_equal(c.live, base);
        break;
      }
      if (rc != SENBID_E_NOMEM)
        fail_msg("%s, allocation %ld failing: %s (%s)", op_name[o], n,
                 senbid_code_name(rc), senbid_error_message(err));
      assert_null(made);
      assert_null(res);
      senbid_error_free(err);
      assert_int_equal(c.live, base);
      assert_true(n < 100000);
    }
    assert_true(n > 0); /* the call allocates, through the caller */
  }
  c.fail_at = -1;
  senbid_problem_free(p);
  assert_int_equal(c.live, 0);
  free(posted[0]);
  free(posted[1]);
  free(json);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(every_allocation),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
