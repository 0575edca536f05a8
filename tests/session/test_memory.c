/* The caller's allocator sees every allocation of a session (start, act
 * with a bid and an undo, status, state, result, open), and failing each
 * allocation in turn gives SENBID_E_NOMEM and no leak. Linked with
 * --wrap=malloc (and calloc, realloc, strdup): an allocation the library
 * makes past the caller's allocator is counted in `th_stray`. */
#include "../shiftbid/sbt.h"

#include "../wrap_malloc.h"

static const char *const ACTS[] = {
    "{\"act\":\"bid\",\"employee\":\"E2\",\"prefs\":[\"MID\",\"DAY\"]}",
    "{\"act\":\"undo\"}",
    "{\"act\":\"proxy\",\"employee\":\"E2\"}",
    "{\"act\":\"bid\",\"employee\":\"E4\",\"prefs\":[\"DAY\"]}",
};

/* The whole life of a session; returns the first failing status. */
static int life_of(const char *doc, th_counting *c, const char *const *acts,
                   size_t nacts) {
  senbid_allocator al = th_counting_allocator(c);
  senbid_session_options o = SENBID_SESSION_OPTIONS_INIT;
  o.allocator = &al;
  senbid_session *s = NULL, *s2 = NULL;
  senbid_result *r = NULL;
  senbid_error *err = NULL;
  int rc = senbid_session_start(&s, doc, strlen(doc), &o, &err);
  for (size_t i = 0; !rc && i < nacts; i++) {
    rc = senbid_session_act(&r, s, acts[i], strlen(acts[i]), &err);
    senbid_result_free(r);
    r = NULL;
  }
  if (!rc) rc = senbid_session_status(&r, s, &err);
  senbid_result_free(r);
  r = NULL;
  if (!rc) rc = senbid_session_result(&r, s, &err);
  senbid_result_free(r);
  r = NULL;
  if (!rc) rc = senbid_session_state(&r, s, &err);
  if (!rc) {
    size_t n;
    const char *t = senbid_result_json(r, &n);
    rc = senbid_session_open(&s2, t, n, &o, &err);
  }
  senbid_result_free(r);
  senbid_session_free(s2);
  senbid_session_free(s);
  if (rc && c->fail_at < 0)
    fprintf(stderr, "%s at %s: %s\n", senbid_code_name(rc), senbid_error_path(err),
            senbid_error_message(err));
  senbid_error_free(err);
  return rc;
}

static int life(const char *doc, th_counting *c) {
  return life_of(doc, c, ACTS, sizeof ACTS / sizeof ACTS[0]);
}

/* A leave session (SPEC 10): live bids (one denied), an undo, a pass. */
#define LOPT(a, b) "{\"start\":\"" a "\",\"end\":\"" b "\"}"
#define LEMP(id, y) "{\"id\":\"" id "\",\"name\":{\"last\":\"" id "\"},\"service\":{" \
  "\"series_start\":\"" y "-01-01\",\"usbp_start\":\"2000-01-01\",\"cbp_start\":\"2000-01-01\"},\"group\":\"G\"}"
static const char LEAVE_DOC[] =
    "{\"senbid\":1,\"kind\":\"leave\",\"as_of\":\"2026-07-15\",\"seniority\":{\"policy\":\"nbpc-2019\"},"
    "\"employees\":[" LEMP("A", "2000") "," LEMP("B", "2001") "," LEMP("C", "2002") "],"
    "\"period\":{\"start\":\"2026-10-01\",\"end\":\"2026-10-31\"},\"capacity\":{\"groups\":{\"G\":1}},"
    "\"requests\":[{\"employee\":\"A\",\"choices\":[{\"id\":\"a1\",\"options\":[" LOPT("2026-10-05", "2026-10-09") "]}]},"
    "{\"employee\":\"B\",\"choices\":[{\"id\":\"b1\",\"options\":[" LOPT("2026-10-05", "2026-10-09") ","
    LOPT("2026-10-12", "2026-10-16") "]}]},{\"employee\":\"C\",\"choices\":[]}]}";
static const char *const LEAVE_ACTS[] = {
    "{\"act\":\"proxy\",\"employee\":\"A\"}",
    "{\"act\":\"bid\",\"employee\":\"B\",\"choice\":{\"id\":\"x\",\"options\":[" LOPT("2026-10-07", "2026-10-08") "]}}",
    "{\"act\":\"undo\"}",
    "{\"act\":\"bid\",\"employee\":\"B\",\"choice\":{\"id\":\"b1\",\"options\":[" LOPT("2026-10-05", "2026-10-09") "," LOPT("2026-10-12", "2026-10-16") "]}}",
    "{\"act\":\"bid\",\"employee\":\"C\",\"choice\":{\"id\":\"c\",\"options\":[" LOPT("2026-10-26", "2026-10-27") "]}}",
    "{\"act\":\"proxy\",\"employee\":\"A\"}",
    "{\"act\":\"pass\",\"employee\":\"B\"}",
};

static void test_leave_allocator(void **state) {
  (void)state;
  size_t na = sizeof LEAVE_ACTS / sizeof LEAVE_ACTS[0];
  th_counting c = {.fail_at = -1, .raw_malloc = __real_malloc, .raw_realloc = __real_realloc};
  long before = th_stray;
  assert_int_equal(life_of(LEAVE_DOC, &c, LEAVE_ACTS, na), SENBID_OK);
  assert_int_equal(th_stray - before, 0);
  assert_int_equal(c.live, 0);
  for (long k = 0;; k++) {
    th_counting f = {.fail_at = k, .raw_malloc = __real_malloc, .raw_realloc = __real_realloc};
    int rc = life_of(LEAVE_DOC, &f, LEAVE_ACTS, na);
    assert_int_equal(f.live, 0);
    if (rc == SENBID_OK) break;
    assert_int_equal(rc, SENBID_E_NOMEM);
    assert_true(k < 100000);
  }
}

static char *station_m(void) {
  char *emps = join(5, emp("E1", 2000, "\"grade\":\"GS-12\""),
                    emp("E2", 2001, NULL), emp("E3", 2002, "\"fixed_shift\":\"MID\""),
                    emp("E4", 2003, NULL), emp("E5", 2026, NULL));
  char *doc = station(emps, "{\"id\":\"DAY\",\"min\":1,\"max\":2},{\"id\":\"MID\",\"min\":2,\"max\":3}",
                      "{\"employee\":\"E1\",\"prefs\":[\"DAY\"]}",
                      "\"history\":{\"denials\":{\"E1\":2}},"
                      "\"adjustments\":[{\"shift\":\"DAY\",\"max\":1}]");
  free(emps);
  return doc;
}

static void test_session_allocator(void **state) {
  (void)state;
  char *doc = station_m();
  th_counting c = {.fail_at = -1, .raw_malloc = __real_malloc, .raw_realloc = __real_realloc};
  long before = th_stray;
  assert_int_equal(life(doc, &c), SENBID_OK);
  assert_int_equal(th_stray - before, 0);
  assert_int_equal(c.live, 0);
  /* Every allocation failing in turn: NOMEM, nothing leaked. */
  for (long k = 0;; k++) {
    th_counting f = {.fail_at = k, .raw_malloc = __real_malloc, .raw_realloc = __real_realloc};
    int rc = life(doc, &f);
    assert_int_equal(f.live, 0);
    if (rc == SENBID_OK) break;
    assert_int_equal(rc, SENBID_E_NOMEM);
    assert_true(k < 100000);
  }
  free(doc);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_session_allocator),
      cmocka_unit_test(test_leave_allocator),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
