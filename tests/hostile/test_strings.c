/* Hostile strings (issue #12 items 1 and 2): identity is exact, so a string
 * that holds U+0000 is rejected wherever it is, with VALUE and its path;
 * and every error message and path is one line of valid UTF-8 whatever
 * the document holds. The NUL test rewrites every string value and every
 * member name of every demo and test document (all four kinds: ids, names,
 * shift, choice and opportunity ids, holiday names, groups, grades, quals,
 * kinds, ...), and of each one's solved result as posted to `check`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "internal.h"

#define MARK "\x01NULMARK"
#define MARK_JSON "\\u0001NULMARK"
#define NUL_JSON "\\u0000x"

/* ------------------------------------------------------------- helpers */

static bool one_line_utf8(const char *s) {
  const unsigned char *u = (const unsigned char *)s;
  while (*u) {
    unsigned c = *u, cp, len;
    if (c < 0x80) {
      if (c < 0x20 || c == 0x7f) return false;
      u++;
      continue;
    }
    if (c >= 0xc2 && c <= 0xdf) len = 2, cp = c & 0x1f;
    else if (c >= 0xe0 && c <= 0xef) len = 3, cp = c & 0x0f;
    else if (c >= 0xf0 && c <= 0xf4) len = 4, cp = c & 0x07;
    else return false;
    for (unsigned i = 1; i < len; i++) {
      if ((u[i] & 0xc0) != 0x80) return false;
      cp = (cp << 6) | (u[i] & 0x3f);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10ffff)))
      return false;
    if ((cp >= 0xd800 && cp <= 0xdfff) || (cp >= 0x80 && cp <= 0x9f) ||
        cp == 0x2028 || cp == 0x2029)
      return false;
    u += len;
  }
  return true;
}

/* The printed document with the marker turned into an escaped NUL. */
static char *print_with_nul(const cJSON *root) {
  char *t = cJSON_PrintUnformatted(root);
  assert_non_null(t);
  char *at = strstr(t, MARK_JSON);
  assert_non_null(at);
  size_t mlen = strlen(MARK_JSON), nlen = strlen(NUL_JSON);
  memcpy(at, NUL_JSON, nlen);
  memmove(at + nlen, at + mlen, strlen(at + mlen) + 1);
  return t;
}

/* A path as the library writes it (doc/reliability.md): identifiers as
 * .name, other keys as ["..."] JSON literals. */
static void path_key(char *path, size_t cap, const char *key, bool nul) {
  bool plain = *key != '\0' && !nul;
  for (const char *c = key; *c && plain; c++)
    plain = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || *c == '_' ||
            (c != key && *c >= '0' && *c <= '9');
  size_t n = strlen(path);
  if (plain) {
    snprintf(path + n, cap - n, ".%s", key);
    return;
  }
  n += (size_t)snprintf(path + n, cap - n, "[\"");
  for (const char *c = key; *c && n + 8 < cap; c++) {
    if (*c == '"' || *c == '\\') path[n++] = '\\';
    path[n++] = *c;
  }
  snprintf(path + n, cap - n, "%s\"]", nul ? NUL_JSON : "");
}

typedef struct walk {
  cJSON *root;
  /* Called with the document carrying one NUL and the path expected. */
  void (*probe)(struct walk *w, const char *doc, const char *path);
  const senbid_problem *problem; /* for check */
  int count;
} walk;

static void expect_value_at(int rc, senbid_error *err, const char *path) {
  if (rc != SENBID_E_VALUE || strcmp(senbid_error_path(err), path) != 0 ||
      !strstr(senbid_error_message(err), "U+0000")) {
    print_error("expected VALUE at %s, got %s at %s: %s\n", path,
                senbid_code_name(rc), senbid_error_path(err),
                senbid_error_message(err));
    fail();
  }
  assert_true(one_line_utf8(senbid_error_message(err)));
  assert_true(one_line_utf8(senbid_error_path(err)));
  senbid_error_free(err);
}

static void probe_parse(walk *w, const char *doc, const char *path) {
  senbid_problem *p = NULL;
  senbid_error *err = NULL;
  int rc = senbid_problem_parse(&p, doc, strlen(doc), NULL, &err);
  assert_null(p);
  expect_value_at(rc, err, path);
}

static void probe_check(walk *w, const char *doc, const char *path) {
  senbid_result *res = NULL;
  senbid_error *err = NULL;
  int rc = senbid_check(&res, w->problem, doc, strlen(doc), &err);
  assert_null(res);
  expect_value_at(rc, err, path);
}

/* The whole document printed with *slot (a value or a member name of it)
 * ending in an escaped NUL; *slot is restored. */
static char *doc_with_nul_in(walk *w, char **slot) {
  char *old = *slot;
  size_t n = strlen(old);
  char *s = malloc(n + sizeof MARK);
  assert_non_null(s);
  memcpy(s, old, n);
  memcpy(s + n, MARK, sizeof MARK);
  *slot = s;
  char *doc = print_with_nul(w->root);
  *slot = old;
  free(s);
  return doc;
}

static void visit(walk *w, cJSON *v, char *path, size_t cap) {
  size_t at = strlen(path);
  if (cJSON_IsString(v)) {
    char *doc = doc_with_nul_in(w, &v->valuestring);
    w->probe(w, doc, path);
    w->count++;
    cJSON_free(doc);
  } else if (cJSON_IsArray(v)) {
    int i = 0;
    for (cJSON *c = v->child; c; c = c->next, i++) {
      snprintf(path + at, cap - at, "[%d]", i);
      visit(w, c, path, cap);
      path[at] = '\0';
    }
  } else if (cJSON_IsObject(v)) {
    for (cJSON *c = v->child; c; c = c->next) {
      /* The member name itself. */
      const char *old = c->string;
      char *doc = doc_with_nul_in(w, &c->string);
      path_key(path, cap, old, true);
      w->probe(w, doc, path);
      w->count++;
      cJSON_free(doc);
      path[at] = '\0';
      /* Its value. */
      path_key(path, cap, old, false);
      visit(w, c, path, cap);
      path[at] = '\0';
    }
  }
}

static const char *const docs[] = {
    EXAMPLES_DIR "/leave_demo.json",  EXAMPLES_DIR "/shiftbid_demo.json",
    EXAMPLES_DIR "/aws_demo.json",    EXAMPLES_DIR "/assign_demo.json",
    TEST_DATA_DIR "/roster.json",     TEST_DATA_DIR "/lex_leave.json",
};

/* ------------------------------------------------------------- NUL */

/* Issue #12 item 1, as reported. */
static void nul_in_an_id_is_value_not_a_shorter_id(void **state) {
  (void)state;
  const char *head =
      "{\"senbid\": 1, \"kind\": \"leave\", \"as_of\": \"2026-01-01\", "
      "\"seniority\": {\"policy\": \"nbpc-2019\"}, \"employees\": [";
  const char *e2 = "{\"id\": \"E2\", \"service\": {\"scd\": \"2000-01-01\"}}";
  char *doc = th_fmt("%s%s, {\"id\": \"E3\\u0000x\", \"service\": {\"scd\": "
                     "\"2001-01-01\"}}]}", head, e2);
  th_parse_fails(doc, SENBID_E_VALUE, "$.employees[1].id");
  free(doc);
  /* Not a duplicate of E2 either: the NUL is the error. */
  doc = th_fmt("%s%s, {\"id\": \"E2\\u0000x\", \"service\": {\"scd\": "
               "\"2001-01-01\"}}]}", head, e2);
  th_parse_fails(doc, SENBID_E_VALUE, "$.employees[1].id");
  free(doc);
  /* A reference that would have resolved to E2. */
  doc = th_fmt("%s%s], \"period\": {\"start\": \"2026-01-01\", \"end\": "
               "\"2026-12-31\"}, \"requests\": [{\"employee\": \"E2\\u0000zzz\", "
               "\"choices\": []}]}", head, e2);
  th_parse_fails(doc, SENBID_E_VALUE, "$.requests[0].employee");
  free(doc);
  /* A member name. */
  doc = th_fmt("%s%s], \"x\\u0000y\": 1}", head, e2);
  th_parse_fails(doc, SENBID_E_VALUE, "$[\"x\\u0000y\"]");
  free(doc);
}

static void nul_in_every_string_of_every_kind(void **state) {
  (void)state;
  for (size_t d = 0; d < sizeof docs / sizeof docs[0]; d++) {
    size_t len;
    char *text = th_read_file(docs[d], &len);
    walk w = {cJSON_Parse(text), probe_parse, NULL, 0};
    assert_non_null(w.root);
    char path[4096] = "$";
    visit(&w, w.root, path, sizeof path);
    assert_true(w.count > 10);
    cJSON_Delete(w.root);
    free(text);
  }
}

static void nul_in_every_string_of_a_posted_result(void **state) {
  (void)state;
  for (size_t d = 0; d < sizeof docs / sizeof docs[0]; d++) {
    size_t len;
    char *text = th_read_file(docs[d], &len);
    senbid_problem *p = th_parse_ok(text);
    char *solved = th_solve_text(text, SENBID_METHOD_ROUND_ROBIN);
    walk w = {cJSON_Parse(solved), probe_check, p, 0};
    assert_non_null(w.root);
    char path[4096] = "$";
    visit(&w, w.root, path, sizeof path);
    assert_true(w.count > 5);
    cJSON_Delete(w.root);
    free(solved);
    senbid_problem_free(p);
    free(text);
  }
}

/* Issue #12 item 1: check took a grant to "E2\u0000x" as a grant to E2. */
static void check_rejects_a_grant_to_an_id_with_nul(void **state) {
  (void)state;
  size_t len;
  char *text = th_read_file(EXAMPLES_DIR "/leave_demo.json", &len);
  senbid_problem *p = th_parse_ok(text);
  char *solved = th_solve_text(text, SENBID_METHOD_ROUND_ROBIN);
  cJSON *res = cJSON_Parse(solved);
  cJSON *g = cJSON_GetArrayItem(cJSON_GetObjectItem(res, "grants"), 0);
  assert_non_null(g);
  cJSON *e = cJSON_GetObjectItem(g, "employee");
  char *s = th_fmt("%s" MARK, e->valuestring);
  cJSON_SetValuestring(e, s);
  free(s);
  char *doc = print_with_nul(res);
  senbid_result *out = NULL;
  senbid_error *err = NULL;
  int rc = senbid_check(&out, p, doc, strlen(doc), &err);
  assert_null(out);
  expect_value_at(rc, err, "$.grants[0].employee");
  cJSON_free(doc);
  cJSON_Delete(res);
  free(solved);
  senbid_problem_free(p);
  free(text);
}

/* ------------------------------------------------- one-line messages */

/* Issue #12 item 2: a kind "x\ny\u001b[31m" printed a two-line error with a
 * terminal escape sequence. */
static void messages_quote_values_on_one_line(void **state) {
  (void)state;
  const char *doc = "{\"senbid\": 1, \"kind\": \"x\\ny\\u001b[31m\", \"as_of\": "
                    "\"2026-01-01\", \"seniority\": {}, \"employees\": []}";
  senbid_problem *p = NULL;
  senbid_error *err = NULL;
  int rc = senbid_problem_parse(&p, doc, strlen(doc), NULL, &err);
  assert_int_equal(rc, SENBID_E_VALUE);
  assert_string_equal(senbid_error_path(err), "$.kind");
  assert_non_null(strstr(senbid_error_message(err), "\"x\\ny\\u001b[31m\""));
  assert_true(one_line_utf8(senbid_error_message(err)));
  senbid_error_free(err);
}

/* A value of 40 two-byte characters and more: cut after 40 characters, on
 * a character boundary, with an ellipsis; never half a character. */
static void messages_cut_values_on_a_character_boundary(void **state) {
  (void)state;
  char kind[200] = "";
  for (int i = 0; i < 45; i++) strcat(kind, "\xc3\xa9"); /* é */
  char *doc = th_fmt("{\"senbid\": 1, \"kind\": \"%s\", \"as_of\": \"2026-01-01\", "
                     "\"seniority\": {}, \"employees\": []}", kind);
  senbid_problem *p = NULL;
  senbid_error *err = NULL;
  int rc = senbid_problem_parse(&p, doc, strlen(doc), NULL, &err);
  assert_int_equal(rc, SENBID_E_VALUE);
  char want[200] = "\"";
  for (int i = 0; i < 40; i++) strcat(want, "\xc3\xa9");
  strcat(want, "\"\xe2\x80\xa6");
  assert_non_null(strstr(senbid_error_message(err), want));
  assert_true(one_line_utf8(senbid_error_message(err)));
  senbid_error_free(err);
  free(doc);
}

/* Paths quote member names that are not identifiers as JSON strings. */
static void paths_quote_odd_member_names(void **state) {
  (void)state;
  const char *doc =
      "{\"senbid\": 1, \"kind\": \"leave\", \"as_of\": \"2026-01-01\", "
      "\"seniority\": {\"policy\": \"nbpc-2019\", \"a\\nb\\u001b\\u2028\\\"\": 1}, "
      "\"employees\": []}";
  senbid_problem *p = NULL;
  senbid_error *err = NULL;
  int rc = senbid_problem_parse(&p, doc, strlen(doc), NULL, &err);
  assert_int_equal(rc, SENBID_E_UNKNOWN_MEMBER);
  assert_string_equal(senbid_error_path(err),
                      "$.seniority[\"a\\nb\\u001b\\u2028\\\"\"]");
  assert_true(one_line_utf8(senbid_error_message(err)));
  senbid_error_free(err);
}

/* A posted result with bytes that are not UTF-8 in a string is malformed
 * JSON (the parser takes only valid UTF-8, so nothing invalid can reach a
 * result or a message), and the error stays clean. */
static void posted_result_with_bad_utf8_gives_clean_errors(void **state) {
  (void)state;
  size_t len;
  char *text = th_read_file(EXAMPLES_DIR "/leave_demo.json", &len);
  senbid_problem *p = th_parse_ok(text);
  const char *posted = "{\"senbid\": 1, \"kind\": \"leave\", \"\xff\xfe\\n\": 1e999}";
  senbid_result *out = NULL;
  senbid_error *err = NULL;
  int rc = senbid_check(&out, p, posted, strlen(posted), &err);
  assert_int_equal(rc, SENBID_E_JSON);
  assert_string_equal(senbid_error_path(err), "$");
  assert_non_null(strstr(senbid_error_message(err), "invalid UTF-8"));
  assert_true(one_line_utf8(senbid_error_message(err)));
  senbid_error_free(err);
  senbid_problem_free(p);
  free(text);
}

/* ------------------------------------------------ numbers in posted results */

/* The departures of posted (a result as cJSON, printed here) against the
 * problem text, as "CODE:employee" strings joined by spaces. */
static char *departures(const char *problem, const cJSON *posted) {
  senbid_problem *p = th_parse_ok(problem);
  char *doc = cJSON_PrintUnformatted(posted);
  senbid_result *res = NULL;
  senbid_error *err = NULL;
  int rc = senbid_check(&res, p, doc, strlen(doc), &err);
  assert_int_equal(rc, SENBID_OK);
  cJSON *out = cJSON_Parse(senbid_result_json(res, NULL));
  char *list = calloc(1, 1);
  const cJSON *d;
  cJSON_ArrayForEach(d, th_get(out, "departures")) {
    const char *e = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(d, "employee"));
    char *more = th_fmt("%s%s%s:%s", list, *list ? " " : "", th_str(d, "code"), e ? e : "-");
    free(list);
    list = more;
  }
  cJSON_Delete(out);
  senbid_result_free(res);
  senbid_problem_free(p);
  free(doc);
  return list;
}

/* Found by fuzz_call (tests/fuzz/regressions/call/): a posted shift-bid
 * rank of 1e191 was cast to int16_t (undefined behaviour); a posted count
 * of 1e300 in history.denials or in an assignment's unfilled slots was cast
 * to int64_t. Such numbers, and fractions that a cast would have rounded
 * into agreement (rank 1.5 read as 1), are departures now (NBPC 2019
 * Appendix II IV.D, V.A.1; SPEC 5). */
static void posted_numbers_out_of_range_are_departures(void **state) {
  (void)state;
  size_t len;
  char *sb = th_read_file(EXAMPLES_DIR "/shiftbid_demo.json", &len);
  static const char *const ranks[] = {"1e191", "-1e300", "1.5", "40000", "1"};
  for (size_t k = 0; k < sizeof ranks / sizeof ranks[0]; k++) {
    cJSON *r = th_solve(sb, SENBID_METHOD_ROUND_ROBIN);
    cJSON *a;
    cJSON_ArrayForEach(a, cJSON_GetObjectItemCaseSensitive(r, "assignments")) {
      if (strcmp(th_str(a, "employee"), "A10") != 0) continue;
      assert_int_equal((int)th_num(a, "rank"), 1); /* an SPP guarantee, choice 1 */
      cJSON_ReplaceItemInObjectCaseSensitive(a, "rank", cJSON_Parse(ranks[k]));
    }
    char *got = departures(sb, r);
    assert_string_equal(got, k < 4 ? "RANK:A10" : "");
    free(got);
    cJSON_Delete(r);
  }
  static const char *const counts[] = {"1e300", "1.5", "-1", "1"};
  for (size_t k = 0; k < sizeof counts / sizeof counts[0]; k++) {
    cJSON *r = th_solve(sb, SENBID_METHOD_ROUND_ROBIN);
    cJSON *den = cJSON_GetObjectItemCaseSensitive(
        cJSON_GetObjectItemCaseSensitive(r, "history"), "denials");
    assert_int_equal((int)th_num(den, "A15"), 1);
    cJSON_ReplaceItemInObjectCaseSensitive(den, "A15", cJSON_Parse(counts[k]));
    char *got = departures(sb, r);
    assert_string_equal(got, k < 3 ? "HISTORY:A15" : "");
    free(got);
    cJSON_Delete(r);
  }
  free(sb);
  char *as = th_read_file(EXAMPLES_DIR "/assign_demo.json", &len);
  cJSON *prob = cJSON_Parse(as);
  const char *opp = th_str(th_at(th_get(prob, "opportunities"), 0), "id");
  static const char *const slots[] = {"1e300", "0.5", "-1", "0"};
  for (size_t k = 0; k < sizeof slots / sizeof slots[0]; k++) {
    cJSON *r = th_solve(as, SENBID_METHOD_ROUND_ROBIN);
    cJSON *unf = cJSON_GetObjectItemCaseSensitive(r, "unfilled");
    assert_int_equal(cJSON_GetArraySize(unf), 0);
    cJSON *u = cJSON_CreateObject();
    cJSON_AddStringToObject(u, "opportunity", opp);
    cJSON_AddItemToObject(u, "slots", cJSON_Parse(slots[k]));
    cJSON_AddItemToArray(unf, u);
    char *got = departures(as, r);
    assert_string_equal(got, k < 3 ? "UNFILLED:-" : "");
    free(got);
    cJSON_Delete(r);
  }
  cJSON_Delete(prob);
  free(as);
}

/* Every input the fuzzers found (tests/fuzz/regressions) keeps the
 * contract: parse, and rank or check what parses, with clean errors. */
static void fuzz_findings_keep_the_contract(void **state) {
  (void)state;
  static const char *const found[] = {
      FUZZ_REGRESSIONS "/parse-timeout-repeated-names.json",
  };
  for (size_t i = 0; i < sizeof found / sizeof found[0]; i++) {
    size_t len;
    char *text = th_read_file(found[i], &len);
    senbid_problem *p = NULL;
    senbid_error *err = NULL;
    int rc = senbid_problem_parse(&p, text, len, NULL, &err);
    if (rc == SENBID_OK) {
      senbid_result *res = NULL;
      rc = senbid_rank(&res, p, &err);
      senbid_result_free(res);
      senbid_problem_free(p);
    }
    if (rc != SENBID_OK) {
      assert_true(*senbid_error_message(err) != '\0');
      assert_true(one_line_utf8(senbid_error_message(err)));
      assert_true(senbid_error_path(err)[0] == '$');
    }
    senbid_error_free(err);
    free(text);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(nul_in_an_id_is_value_not_a_shorter_id),
      cmocka_unit_test(nul_in_every_string_of_every_kind),
      cmocka_unit_test(nul_in_every_string_of_a_posted_result),
      cmocka_unit_test(check_rejects_a_grant_to_an_id_with_nul),
      cmocka_unit_test(messages_quote_values_on_one_line),
      cmocka_unit_test(messages_cut_values_on_a_character_boundary),
      cmocka_unit_test(paths_quote_odd_member_names),
      cmocka_unit_test(posted_result_with_bad_utf8_gives_clean_errors),
      cmocka_unit_test(posted_numbers_out_of_range_are_departures),
      cmocka_unit_test(fuzz_findings_keep_the_contract),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
