/* The JSON writer (stable, 2-space indent) and the path-reporting readers. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "internal.h"

static void writer_matches_python_indent_2(void **state) {
  (void)state;
  sb_buf b;
  sb_buf_init(&b, &sb_default_alloc);
  sb_jw w;
  sb_jw_init(&w, &b, 0, true);
  sb_jw_obj(&w);
  sb_jw_key(&w, "a");
  sb_jw_int(&w, 1);
  sb_jw_key(&w, "b");
  sb_jw_arr(&w);
  sb_jw_str(&w, "x");
  sb_jw_obj(&w);
  sb_jw_key(&w, "n");
  sb_jw_null(&w);
  sb_jw_obj_end(&w);
  sb_jw_arr_end(&w);
  sb_jw_key(&w, "e");
  sb_jw_arr(&w);
  sb_jw_arr_end(&w);
  sb_jw_key(&w, "o");
  sb_jw_obj(&w);
  sb_jw_obj_end(&w);
  sb_jw_key(&w, "t");
  sb_jw_bool(&w, true);
  sb_jw_obj_end(&w);
  assert_int_equal(sb_buf_terminate(&b), SENBID_OK);
  /* json.dumps(obj, indent=2) gives exactly this. */
  assert_string_equal(b.data,
                      "{\n  \"a\": 1,\n  \"b\": [\n    \"x\",\n    {\n      \"n\": "
                      "null\n    }\n  ],\n  \"e\": [],\n  \"o\": {},\n  \"t\": true\n}");
  sb_buf_free(&b);
}

static void writer_numbers_and_escapes(void **state) {
  (void)state;
  sb_buf b;
  sb_buf_init(&b, &sb_default_alloc);
  sb_jw w;
  sb_jw_init(&w, &b, 0, true);
  sb_jw_arr(&w);
  sb_jw_num(&w, 80.0);
  sb_jw_num(&w, 7.5);
  sb_jw_num(&w, 0.1);
  sb_jw_num(&w, -2.0);
  sb_jw_num(&w, 1.0 / 3.0);
  sb_jw_str(&w, "q\"b\\n\n\x01 \xc3\x81");
  sb_jw_date(&w, 0);
  sb_jw_time(&w, 450);
  sb_jw_int(&w, -9007199254740993LL);
  sb_jw_arr_end(&w);
  assert_int_equal(sb_buf_terminate(&b), SENBID_OK);
  assert_string_equal(b.data,
                      "[\n  80,\n  7.5,\n  0.1,\n  -2,\n  0.3333333333333333,\n"
                      "  \"q\\\"b\\\\n\\n\\u0001 \xc3\x81\",\n  \"1970-01-01\",\n"
                      "  \"07:30\",\n  -9007199254740993\n]");
  sb_buf_free(&b);
}

static void writer_splices_logged_items(void **state) {
  (void)state;
  sb_buf items, b;
  sb_buf_init(&items, &sb_default_alloc);
  sb_buf_init(&b, &sb_default_alloc);
  sb_jw li;
  sb_jw_init(&li, &items, 2, true);
  sb_jw_int(&li, 1);
  sb_jw_int(&li, 2);
  sb_jw w;
  sb_jw_init(&w, &b, 0, true);
  sb_jw_obj(&w);
  sb_jw_key(&w, "log");
  sb_jw_arr(&w);
  sb_jw_splice(&w, &items, 2);
  sb_jw_arr_end(&w);
  sb_jw_key(&w, "none");
  sb_jw_arr(&w);
  sb_jw_splice(&w, &items, 0);
  sb_jw_arr_end(&w);
  sb_jw_obj_end(&w);
  assert_int_equal(sb_buf_terminate(&b), SENBID_OK);
  assert_string_equal(b.data, "{\n  \"log\": [\n    1,\n    2\n  ],\n  \"none\": []\n}");
  sb_buf_free(&b);
  sb_buf_free(&items);
}

/* The pre-quoted literal keys (SB_JW_KEY), the escaping keys and the fast
 * and slow paths (deep nesting, long keys and strings) write the same
 * bytes as a naive writer. */
static void expect_indent(sb_buf *b, int depth) {
  sb_buf_putc(b, '\n');
  for (int i = 0; i < depth; i++) sb_buf_puts(b, "  ");
}

static void writer_fast_paths_match_naive(void **state) {
  (void)state;
  enum { DEPTH = 40 };
  size_t long_n = ((size_t)1 << 20) + 5;
  char *long_s = malloc(long_n + 1);
  assert_non_null(long_s);
  memset(long_s, 'a', long_n);
  long_s[long_n] = '\0';
  char long_key[300];
  memset(long_key, 'k', sizeof long_key - 1);
  long_key[sizeof long_key - 1] = '\0';
  sb_buf got, want;
  sb_buf_init(&got, &sb_default_alloc);
  sb_buf_init(&want, &sb_default_alloc);
  sb_jw w;
  sb_jw_init(&w, &got, 0, true);
  sb_jw_obj(&w);
  sb_buf_putc(&want, '{');
  for (int d = 1; d <= DEPTH; d++) {
    /* At every depth: a literal key, an escaped one, a long one. */
    SB_JW_KEY(&w, "lit");
    sb_jw_uint(&w, (uint64_t)d);
    sb_jw_key(&w, "q\"\\k");
    sb_jw_str(&w, d == 35 ? long_s : "v\t");
    sb_jw_key(&w, long_key);
    sb_jw_null(&w);
    SB_JW_KEY(&w, "next");
    sb_jw_obj(&w);
    expect_indent(&want, d);
    sb_buf_printf(&want, "\"lit\": %d,", d);
    expect_indent(&want, d);
    sb_buf_puts(&want, "\"q\\\"\\\\k\": ");
    if (d == 35) {
      sb_buf_putc(&want, '"');
      sb_buf_puts(&want, long_s);
      sb_buf_putc(&want, '"');
    } else {
      sb_buf_puts(&want, "\"v\\t\"");
    }
    sb_buf_putc(&want, ',');
    expect_indent(&want, d);
    sb_buf_printf(&want, "\"%s\": null,", long_key);
    expect_indent(&want, d);
    sb_buf_puts(&want, "\"next\": {");
  }
  for (int d = DEPTH; d >= 0; d--) {
    sb_jw_obj_end(&w);
    if (d < DEPTH) expect_indent(&want, d);
    sb_buf_putc(&want, '}');
  }
  assert_int_equal(sb_buf_terminate(&got), SENBID_OK);
  assert_int_equal(sb_buf_terminate(&want), SENBID_OK);
  assert_int_equal(got.len, want.len);
  assert_true(memcmp(got.data, want.data, got.len) == 0);
  sb_buf_free(&got);
  sb_buf_free(&want);
  free(long_s);
}

typedef struct reader_fixture {
  sb_arena arena;
  sb_err err;
  sb_jr r;
  cJSON *doc;
} reader_fixture;

static reader_fixture *fixture(const char *json) {
  reader_fixture *f = calloc(1, sizeof *f);
  sb_arena_init(&f->arena, &sb_default_alloc);
  f->r.err = &f->err;
  f->r.arena = &f->arena;
  sb_path_init(&f->r.path);
  f->doc = cJSON_Parse(json);
  assert_non_null(f->doc);
  return f;
}

static void fixture_free(reader_fixture *f) {
  cJSON_Delete(f->doc);
  sb_arena_free(&f->arena);
  free(f);
}

static void expect(reader_fixture *f, int rc, int code, const char *path) {
  assert_int_equal(rc, code);
  assert_int_equal(f->err.code, code);
  assert_string_equal(f->err.path, path);
}

static void readers_report_codes_and_paths(void **state) {
  (void)state;
  reader_fixture *f = fixture(
      "{\"d\": \"2026-02-30\", \"t\": \"25:00\", \"n\": -3, \"s\": 5, "
      "\"w\": \"Mon\", \"r\": {\"start\": \"2026-10-02\", \"end\": \"2026-10-01\"},"
      " \"long\": {\"start\": \"2020-01-01\", \"end\": \"2030-12-31\"},"
      " \"i\": 1.5, \"b\": 1, \"nul\": null, \"a\": [1, {\"x\": \"no\"}],"
      " \"odd key\": 1, \"e\": \"\"}");
  sb_day d;
  int32_t t;
  int64_t n;
  int wd;
  bool b, present = true;
  sb_range rg;
  const char *s;
  const cJSON *v = NULL;
  expect(f, sb_jr_date(&f->r, f->doc, "d", true, &d, NULL), SENBID_E_DATE, "$.d");
  expect(f, sb_jr_time(&f->r, f->doc, "t", true, &t, NULL), SENBID_E_TIME, "$.t");
  expect(f, sb_jr_count(&f->r, f->doc, "n", true, &n, NULL), SENBID_E_NEGATIVE, "$.n");
  expect(f, sb_jr_string(&f->r, f->doc, "s", true, &s), SENBID_E_TYPE, "$.s");
  expect(f, sb_jr_weekday(&f->r, f->doc, "w", true, &wd, NULL), SENBID_E_VALUE, "$.w");
  expect(f, sb_jr_range(&f->r, f->doc, "r", true, &rg, NULL), SENBID_E_RANGE, "$.r.end");
  expect(f, sb_jr_range(&f->r, f->doc, "long", true, &rg, NULL), SENBID_E_LIMIT, "$.long");
  expect(f, sb_jr_int(&f->r, f->doc, "i", true, &n, NULL), SENBID_E_TYPE, "$.i");
  expect(f, sb_jr_bool(&f->r, f->doc, "b", true, &b, NULL), SENBID_E_TYPE, "$.b");
  expect(f, sb_jr_date(&f->r, f->doc, "nul", true, &d, NULL), SENBID_E_MISSING, "$.nul");
  expect(f, sb_jr_date(&f->r, f->doc, "absent", true, &d, NULL), SENBID_E_MISSING, "$.absent");
  expect(f, sb_jr_nonempty_string(&f->r, f->doc, "e", true, &s), SENBID_E_VALUE, "$.e");
  /* Absent and optional: no error, present is false. */
  assert_int_equal(sb_jr_date(&f->r, f->doc, "nul", false, &d, &present), SENBID_OK);
  assert_false(present);
  /* Paths through arrays and odd keys. */
  assert_int_equal(sb_jr_array(&f->r, f->doc, "a", true, &v), SENBID_OK);
  sb_path_key(&f->r.path, "a");
  int rc = SENBID_OK;
  SB_JR_EACH(&f->r, v, i, item) {
    if (i == 1) {
      rc = sb_jr_date(&f->r, item, "x", true, &d, NULL);
      break;
    }
  }
  expect(f, rc, SENBID_E_DATE, "$.a[1].x");
  sb_path_init(&f->r.path);
  sb_path_key(&f->r.path, "odd key");
  assert_string_equal(f->r.path.buf, "$[\"odd key\"]");
  fixture_free(f);
}

static void strmap_grows_to_capacity(void **state) {
  (void)state;
  sb_arena ar;
  sb_arena_init(&ar, &sb_default_alloc);
  sb_strmap m;
  assert_int_equal(sb_strmap_init(&m, &ar, 1000), SENBID_OK);
  char *keys = sb_arena_alloc(&ar, 1000 * 8);
  for (uint32_t i = 0; i < 1000; i++) {
    snprintf(keys + i * 8, 8, "k%u", i);
    assert_int_equal(sb_strmap_put(&m, keys + i * 8, i, NULL), 0);
  }
  uint32_t v = 0, existing = 0;
  assert_int_equal(sb_strmap_put(&m, "k7", 99, &existing), 1);
  assert_int_equal(existing, 7);
  for (uint32_t i = 0; i < 1000; i++) {
    assert_true(sb_strmap_get(&m, keys + i * 8, &v));
    assert_int_equal(v, i);
  }
  assert_false(sb_strmap_get(&m, "k1000", &v));
  sb_arena_free(&ar);
}

static const cJSON *parse(sb_arena *ar, const char *text, size_t *off,
                          const char **why) {
  return sb_json_parse(ar, text, strlen(text), off, why);
}

/* RFC 8259, strictly: everything cJSON's accessors read, and no more. */
static void parser_accepts_json(void **state) {
  (void)state;
  sb_arena ar;
  sb_arena_init(&ar, &sb_default_alloc);
  const cJSON *v = parse(&ar,
      " {\"a\": [1, -0, 0.5, 1E+2, -12.5e-1, 9007199254740993, true, false, null],"
      " \"s\": \"q\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\","
      " \"e\": {}, \"f\": [], \"a\": 2}\r\n", NULL, NULL);
  assert_non_null(v);
  const cJSON *a = cJSON_GetObjectItemCaseSensitive(v, "a");
  assert_true(cJSON_IsArray(a));
  assert_int_equal(cJSON_GetArraySize(a), 9);
  assert_true(cJSON_GetArrayItem(a, 0)->valuedouble == 1.0);
  assert_true(cJSON_GetArrayItem(a, 2)->valuedouble == 0.5);
  assert_true(cJSON_GetArrayItem(a, 3)->valuedouble == 100.0);
  assert_true(cJSON_GetArrayItem(a, 4)->valuedouble == -1.25);
  assert_true(cJSON_GetArrayItem(a, 5)->valuedouble == 9007199254740992.0);
  assert_true(cJSON_IsTrue(cJSON_GetArrayItem(a, 6)));
  assert_true(cJSON_IsFalse(cJSON_GetArrayItem(a, 7)));
  assert_true(cJSON_IsNull(cJSON_GetArrayItem(a, 8)));
  /* cJSON's links: the first item's prev is the last. */
  assert_ptr_equal(a->child->prev, cJSON_GetArrayItem(a, 8));
  assert_string_equal(cJSON_GetObjectItemCaseSensitive(v, "s")->valuestring,
                      "q\"\\/\b\f\n\r\t\xc3\xa9\xf0\x9f\x98\x80");
  assert_true(cJSON_IsObject(cJSON_GetObjectItemCaseSensitive(v, "e")));
  assert_null(cJSON_GetObjectItemCaseSensitive(v, "e")->child);
  /* Like cJSON, a repeated member name finds the first (sb_json_check
   * rejects such a document before anything reads it). */
  assert_true(cJSON_IsArray(cJSON_GetObjectItemCaseSensitive(v, "a")));
  /* Counts kept in the nodes agree with cJSON's; the marks do not disturb
   * cJSON's type tests. */
  assert_int_equal(sb_json_count(a), 9);
  assert_int_equal(sb_json_count(v), 5); /* "a" twice */
  assert_int_equal(sb_json_count(cJSON_GetObjectItemCaseSensitive(v, "e")), 0);
  assert_int_equal(sb_json_count(cJSON_GetObjectItemCaseSensitive(v, "f")), 0);
  assert_int_equal(sb_json_count(cJSON_GetObjectItemCaseSensitive(v, "s")), 0);
  assert_int_equal(sb_json_count(NULL), 0);
  assert_true(cJSON_IsObject(v) && !cJSON_IsArray(v) && !cJSON_IsString(v));
  assert_true(v->type & SB_JSON_FINITE);
  const cJSON *inf = parse(&ar, "[1, [1e999]]", NULL, NULL);
  assert_non_null(inf);
  assert_false(inf->type & SB_JSON_FINITE);
  /* A tree cJSON built itself is counted along its list. */
  cJSON *c = cJSON_Parse("[1, 2, 3]");
  assert_int_equal(sb_json_count(c), 3);
  cJSON_Delete(c);
  sb_arena_free(&ar);
}

/* Large documents share one copy of repeated short strings: every value
 * still reads back as written, whatever the hash collisions. */
static void parser_shares_repeated_strings(void **state) {
  (void)state;
  enum { N = 20000 };
  sb_buf doc;
  sb_buf_init(&doc, &sb_default_alloc);
  sb_buf_puts(&doc, "[");
  for (int i = 0; i < N; i++)
    sb_buf_printf(&doc, "%s{\"k%d\": \"v%d\", \"id\": \"%d\", \"e\": \"a\\u0062\"}",
                  i ? ", " : "", i % 7, i % 977, i);
  sb_buf_puts(&doc, "]");
  assert_true(doc.len > 65536);
  assert_int_equal(sb_buf_terminate(&doc), SENBID_OK);
  sb_arena ar;
  sb_arena_init(&ar, &sb_default_alloc);
  const cJSON *v = parse(&ar, doc.data, NULL, NULL);
  assert_non_null(v);
  assert_int_equal(sb_json_count(v), N);
  const char *last_id = NULL;
  int copies = 0, i = 0;
  for (const cJSON *o = v->child; o; o = o->next, i++) {
    char k[16], val[16], id[16];
    snprintf(k, sizeof k, "k%d", i % 7);
    snprintf(val, sizeof val, "v%d", i % 977);
    snprintf(id, sizeof id, "%d", i);
    assert_string_equal(o->child->string, k);
    assert_string_equal(o->child->valuestring, val);
    assert_string_equal(cJSON_GetObjectItemCaseSensitive(o, "id")->valuestring, id);
    assert_string_equal(cJSON_GetObjectItemCaseSensitive(o, "e")->valuestring, "ab");
    const char *name = o->child->next->string; /* "id" */
    copies += name != last_id;
    last_id = name;
  }
  assert_int_equal(i, N);
  /* A cache, not a set: a colliding string may take the slot now and then,
   * and the next "id" is copied once more. */
  assert_true(copies < 10); /* 20,000 members named "id" */
  sb_arena_free(&ar);
  sb_buf_free(&doc);
}

/* Lean parsing: a lazy root array reads as an array of its count, its
 * elements parsed one at a time into memory the next one reuses. */
static void lean_parser_reads_lazy_arrays_one_element_at_a_time(void **state) {
  (void)state;
  static const char *const lazy[] = {"big", "none", NULL};
  static const char doc[] =
      "{\"small\": [1, 2], \"big\": [ {\"k\": \"a\\u0062\"} ,\n [\"]\\\\\", {}] , 3 ,\"x\"],"
      " \"none\": [], \"n\": {\"big\": [4]}}";
  sb_arena ar;
  sb_arena_init(&ar, &sb_default_alloc);
  sb_json_lean doc_;
  const cJSON *root = sb_json_parse_lean(&doc_, &ar, doc, sizeof doc - 1, lazy);
  assert_non_null(root);
  assert_true(root->type & SB_JSON_CLEAN);
  const cJSON *big = cJSON_GetObjectItemCaseSensitive(root, "big");
  const cJSON *none = cJSON_GetObjectItemCaseSensitive(root, "none");
  const cJSON *small = cJSON_GetObjectItemCaseSensitive(root, "small");
  const cJSON *nested = cJSON_GetObjectItemCaseSensitive(
      cJSON_GetObjectItemCaseSensitive(root, "n"), "big");
  assert_true(cJSON_IsArray(big) && (big->type & SB_JSON_LAZY));
  assert_null(big->child);
  assert_int_equal(sb_json_count(big), 4);
  assert_int_equal(sb_json_count(none), 0);
  assert_null(sb_json_first(none));
  /* Only root members are lazy. */
  assert_false(small->type & SB_JSON_LAZY);
  assert_false(nested->type & SB_JSON_LAZY);
  const cJSON *e0 = sb_json_lazy_at(big, 0);
  assert_string_equal(cJSON_GetObjectItemCaseSensitive(e0, "k")->valuestring, "ab");
  assert_ptr_equal(sb_json_lazy_at(big, 0), e0); /* read once */
  const cJSON *e1 = sb_json_lazy_at(big, 1);
  assert_string_equal(e1->child->valuestring, "]\\");
  assert_ptr_equal(e1, e0); /* the same scratch memory */
  assert_int_equal(sb_json_lazy_at(big, 2)->valueint, 3);
  assert_null(sb_json_lazy_at(big, 4));
  sb_jr r;
  sb_err e = {0};
  r.err = &e;
  r.arena = &ar;
  sb_path_init(&r.path);
  int seen = 0;
  SB_JR_EACH(&r, big, i, item) {
    char want[16];
    snprintf(want, sizeof want, "$[%zu]", i);
    assert_string_equal(r.path.buf, want);
    assert_non_null(item);
    seen++;
  }
  assert_int_equal(seen, 4);
  assert_string_equal(r.path.buf, "$");
  assert_true(sb_json_lean_finish(&doc_));
  assert_true(sb_json_lean_materialize(&doc_, "big"));
  assert_false(big->type & SB_JSON_LAZY);
  assert_int_equal(cJSON_GetArraySize(big), 4);
  assert_string_equal(cJSON_GetArrayItem(big, 3)->valuestring, "x");
  sb_json_lean_free(&doc_);
  sb_arena_free(&ar);
}

/* What the scan of a lazy array does not check, reading its elements does;
 * finish reads those no reader read. Any finding fails the document. */
static void lean_parser_fails_on_what_it_finds_late(void **state) {
  (void)state;
  static const char *const lazy[] = {"a", NULL};
  static const char *const bad[] = {
      "{\"a\": [1, {\"x\": 1 \"y\": 2}, 3]}", /* a syntax error in an element */
      "{\"a\": [1, {\"x\": 1, \"x\": 2}]}",   /* a name twice */
      "{\"a\": [1, 2, 1e999]}",               /* not finite */
      "{\"a\": [\"\\u0000\"]}",              /* U+0000 */
      "{\"a\": [1, 2,]}",                     /* a trailing comma */
      "{\"a\": [1 2]}",                       /* no comma */
      "{\"a\": [tru]}",                       /* a bad literal */
  };
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    sb_arena ar;
    sb_arena_init(&ar, &sb_default_alloc);
    sb_json_lean doc;
    const cJSON *root = sb_json_parse_lean(&doc, &ar, bad[i], strlen(bad[i]), lazy);
    assert_non_null(root);
    assert_false(sb_json_lean_finish(&doc));
    assert_true(doc.failed);
    const cJSON *a = cJSON_GetObjectItemCaseSensitive(root, "a");
    assert_true(cJSON_IsInvalid(sb_json_lazy_at(a, 0)));
    assert_null(sb_json_lazy_at(a, (size_t)sb_json_count(a)));
    sb_json_lean_free(&doc);
    sb_arena_free(&ar);
  }
  /* What the scan finds: the whole parse fails. */
  static const char *const broken[] = {"{\"a\": [1, \"x]}", "{\"a\": [1, [2]", "{\"a\": [1}]}",
                                       "{\"a\": [1]"};
  for (size_t i = 0; i < sizeof broken / sizeof *broken; i++) {
    sb_arena ar;
    sb_arena_init(&ar, &sb_default_alloc);
    sb_json_lean doc;
    assert_null(sb_json_parse_lean(&doc, &ar, broken[i], strlen(broken[i]), lazy));
    assert_true(doc.failed);
    sb_json_lean_free(&doc);
    sb_arena_free(&ar);
  }
}

/* Issue #12 item 2: a value quoted for a message is a JSON string literal,
 * one line of valid UTF-8 whatever it holds, cut after 40 characters on a
 * character boundary with an ellipsis. */
static void quote_escapes_and_cuts_on_characters(void **state) {
  (void)state;
  assert_string_equal(SB_Q("E1"), "\"E1\"");
  assert_string_equal(SB_Q("a\"b\\c\nd\te\x1b[31m\x7f"),
                      "\"a\\\"b\\\\c\\nd\\te\\u001b[31m\\u007f\"");
  /* C1 controls (NEL, CSI) and the line and paragraph separators. */
  assert_string_equal(SB_Q("\xc2\x85\xc2\x9b\xe2\x80\xa8\xe2\x80\xa9"),
                      "\"\\u0085\\u009b\\u2028\\u2029\"");
  /* Bytes that are not UTF-8: a lone continuation, a truncated sequence,
   * an overlong form, an encoded surrogate. */
  assert_string_equal(SB_Q("\x80x\xc3"), "\"\xef\xbf\xbdx\xef\xbf\xbd\"");
  assert_string_equal(SB_Q("\xc0\xaf"), "\"\xef\xbf\xbd\xef\xbf\xbd\"");
  assert_string_equal(SB_Q("\xed\xa0\x80"), "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"");
  assert_string_equal(SB_QN("E2\0x", 4), "\"E2\\u0000x\"");
  assert_string_equal(SB_QN(NULL, 5), "\"\"");
  /* 41 characters of 3 bytes each: 40 kept, then the ellipsis. */
  char in[200] = "", want[200] = "\"";
  for (int i = 0; i < 41; i++) strcat(in, "\xe2\x82\xac"); /* € */
  for (int i = 0; i < 40; i++) strcat(want, "\xe2\x82\xac");
  strcat(want, "\"\xe2\x80\xa6");
  assert_string_equal(SB_Q(in), want);
  /* 40 characters exactly: no ellipsis. */
  in[120] = '\0';
  want[121] = '"';
  want[122] = '\0';
  assert_string_equal(SB_Q(in), want);
}

/* The last line of defence: sb_err_set keeps whatever it is given to one
 * line of valid UTF-8 (a raw value pasted with %s, a message cut by the
 * buffer in the middle of a character), and no path means "$". */
static void err_set_makes_one_line_of_utf8(void **state) {
  (void)state;
  sb_err e;
  sb_err_set(&e, SENBID_E_VALUE, NULL, "bad %s", "x\ny\r\x1b[31m\xff\xc2\x85");
  assert_string_equal(e.msg, "bad x\\ny\\r\\u001b[31m\xef\xbf\xbd\\u0085");
  assert_string_equal(e.path, "$");
  char big[1200];
  memset(big, 'a', sizeof big);
  for (int i = 0; i < 600; i += 2) memcpy(big + 1 + i, "\xc3\xa9", 2);
  big[sizeof big - 1] = '\0';
  sb_err_set(&e, SENBID_E_VALUE, "$.a\nb", "%s", big);
  assert_string_equal(e.path, "$.a\\nb");
  size_t n = strlen(e.msg);
  assert_true(n > 400 && n < sizeof e.msg);
  /* Ends on a whole character: 'a' or the second byte of é, never 0xc3. */
  assert_true((unsigned char)e.msg[n - 1] != 0xc3);
  assert_null(strstr(e.msg, "\xef\xbf\xbd")); /* nothing replaced */
  /* A message cut by the buffer inside a character drops that character. */
  char euros[700] = "";
  for (int i = 0; i < 200; i++) strcat(euros, "\xe2\x82\xac"); /* 600 bytes */
  sb_err_set(&e, SENBID_E_VALUE, NULL, "x%s", euros); /* 511 = 1 + 170 x 3 */
  assert_int_equal(strlen(e.msg), 1 + 170 * 3);
  sb_err_set(&e, SENBID_E_VALUE, NULL, "xy%s", euros); /* 170 euros and 1 byte */
  assert_int_equal(strlen(e.msg), 2 + 169 * 3);
  assert_null(strstr(e.msg, "\xef\xbf\xbd"));
}

/* Member names that are not identifiers are JSON string literals in a
 * path; a path too long for its buffer is cut on a character boundary and
 * ends with an ellipsis, and popping past the cut restores it. */
static void paths_quote_keys_and_cut_cleanly(void **state) {
  (void)state;
  sb_path p;
  sb_path_init(&p);
  sb_path_key(&p, "groups");
  sb_path_key(&p, "a\nb\"c\\d\x1b");
  assert_string_equal(p.buf, "$.groups[\"a\\nb\\\"c\\\\d\\u001b\"]");
  sb_path_pop(&p);
  sb_path_keyn(&p, "E2\0x", 4);
  assert_string_equal(p.buf, "$.groups[\"E2\\u0000x\"]");
  sb_path_pop(&p);
  sb_path_key(&p, "\xff");
  assert_string_equal(p.buf, "$.groups[\"\xef\xbf\xbd\"]");
  sb_path_pop(&p);
  sb_path_key(&p, "9lives");
  assert_string_equal(p.buf, "$.groups[\"9lives\"]");
  sb_path_pop(&p);
  /* A key of 600 two-byte characters. */
  char key[1300] = "";
  for (int i = 0; i < 600; i++) strcat(key, "\xc3\xa9");
  sb_path_key(&p, key);
  assert_true(p.len < sizeof p.buf);
  assert_int_equal(strlen(p.buf), p.len);
  assert_memory_equal(p.buf + p.len - 3, "\xe2\x80\xa6", 3);
  assert_true((unsigned char)p.buf[p.len - 4] == 0xa9); /* after a whole é */
  sb_path_index(&p, 3); /* nothing more once cut */
  assert_memory_equal(p.buf + p.len - 3, "\xe2\x80\xa6", 3);
  sb_path_pop(&p);
  sb_path_pop(&p);
  assert_string_equal(p.buf, "$.groups");
  sb_path_index(&p, 12);
  assert_string_equal(p.buf, "$.groups[12]");
  /* A path two bytes short of full, then a level that does not fit: the
   * cut shortens the path below that level's start; popping keeps it
   * whole characters. */
  sb_path_init(&p);
  char k2[600];
  memset(k2, 'a', sizeof k2);
  k2[sizeof p.buf - 4] = '\0'; /* "$." + 508 letters: 510 bytes */
  sb_path_key(&p, k2);
  assert_int_equal(p.len, sizeof p.buf - 2);
  sb_path_key(&p, "\xc3\xa9\xc3\xa9");
  sb_path_pop(&p);
  assert_true(p.len < sizeof p.buf);
  assert_int_equal(strlen(p.buf), p.len);
  assert_memory_equal(p.buf + p.len - 3, "\xe2\x80\xa6", 3);
  sb_path_pop(&p);
  assert_string_equal(p.buf, "$");
}

/* Issue #12 item 1 at the parser: a string or member name holding U+0000
 * keeps its whole length and is marked; sb_json_check rejects it (VALUE),
 * and a member name given twice (DUPLICATE), with their paths, in
 * document order; a clean tree is marked so and costs nothing. */
static void check_rejects_nul_and_duplicate_names(void **state) {
  (void)state;
  static const struct {
    const char *doc;
    int code;
    const char *path;
  } cases[] = {
      {"{\"a\": [\"x\", \"E2\\u0000x\"]}", SENBID_E_VALUE, "$.a[1]"},
      {"{\"a\": {\"E2\\u0000x\": 1}}", SENBID_E_VALUE, "$.a[\"E2\\u0000x\"]"},
      {"{\"a\": 1, \"b\": {\"c\": 1, \"c\": 2}}", SENBID_E_DUPLICATE, "$.b.c"},
      {"{\"a\": 1, \"a\": \"\\u0000\"}", SENBID_E_DUPLICATE, "$.a"},
      {"{\"a\": \"\\u0000\", \"b\": 1e999}", SENBID_E_VALUE, "$.a"},
      {"{\"b\": 1e999, \"a\": \"\\u0000\"}", SENBID_E_JSON, "$.b"},
      {"{\"\\u0000\": 1, \"\\u0000\": 1}", SENBID_E_VALUE, "$[\"\\u0000\"]"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    sb_arena ar;
    sb_arena_init(&ar, &sb_default_alloc);
    const cJSON *v = parse(&ar, cases[i].doc, NULL, NULL);
    assert_non_null(v);
    assert_false(v->type & SB_JSON_CLEAN);
    sb_err e = {0};
    sb_jr r = {&e, {{0}, 0, {0}, 0, 0}, &ar};
    sb_path_init(&r.path);
    int rc = sb_json_check(&r, v);
    if (rc != cases[i].code || strcmp(e.path, cases[i].path) != 0) {
      print_error("%s: got %s at %s (%s)\n", cases[i].doc, senbid_code_name(rc), e.path, e.msg);
      fail();
    }
    sb_arena_free(&ar);
  }
  /* The whole value, U+0000 and what follows, in the message. */
  sb_arena ar;
  sb_arena_init(&ar, &sb_default_alloc);
  const cJSON *v = parse(&ar, "[\"E2\\u0000zzz\"]", NULL, NULL);
  assert_int_equal(sb_json_strlen(v->child->valuestring, true), 6);
  sb_err e = {0};
  sb_jr r = {&e, {{0}, 0, {0}, 0, 0}, &ar};
  sb_path_init(&r.path);
  const char *s = NULL;
  sb_path_index(&r.path, 0);
  assert_int_equal(sb_jr_v_string(&r, v->child, &s), SENBID_E_VALUE);
  assert_non_null(strstr(e.msg, "\"E2\\u0000zzz\""));
  /* Distinct names that share a prefix, in an object past the short list
   * (the hash set), are not duplicates; a late repeat is. */
  sb_buf doc;
  sb_buf_init(&doc, &sb_default_alloc);
  sb_buf_puts(&doc, "{");
  for (int k = 0; k < 1000; k++) sb_buf_printf(&doc, "%s\"k%d\": %d", k ? ", " : "", k, k);
  sb_buf_puts(&doc, "}");
  assert_int_equal(sb_buf_terminate(&doc), SENBID_OK);
  v = parse(&ar, doc.data, NULL, NULL);
  assert_true(v->type & SB_JSON_CLEAN);
  doc.len--;
  sb_buf_puts(&doc, ", \"k517\": 0}");
  assert_int_equal(sb_buf_terminate(&doc), SENBID_OK);
  v = parse(&ar, doc.data, NULL, NULL);
  sb_path_init(&r.path);
  assert_int_equal(sb_json_check(&r, v), SENBID_E_DUPLICATE);
  assert_string_equal(e.path, "$.k517");
  /* Fuzzing found (tests/fuzz/regressions): repeated names among the first
   * members overfilled the hash set built from them, and looped. 40 copies
   * of one name, then ten more, and a long object of one name only: the
   * second copy is the duplicate, found at once. */
  sb_buf_free(&doc);
  sb_buf_init(&doc, &sb_default_alloc);
  sb_buf_puts(&doc, "{");
  for (int k = 0; k < 40; k++) sb_buf_printf(&doc, "%s\"a\": %d", k ? ", " : "", k);
  for (int k = 0; k < 10; k++) sb_buf_printf(&doc, ", \"b%d\": %d", k, k);
  for (int k = 0; k < 200000; k++) sb_buf_puts(&doc, ", \"z\": 0");
  sb_buf_puts(&doc, "}");
  assert_int_equal(sb_buf_terminate(&doc), SENBID_OK);
  v = parse(&ar, doc.data, NULL, NULL);
  assert_non_null(v);
  sb_path_init(&r.path);
  assert_int_equal(sb_json_check(&r, v), SENBID_E_DUPLICATE);
  assert_string_equal(e.path, "$.a");
  assert_int_equal(sb_json_count(v), 200050);
  sb_buf_free(&doc);
  sb_arena_free(&ar);
}

static void parser_rejects_what_json_does_not_allow(void **state) {
  (void)state;
  const char *bad[] = {
      "", " ", "{", "[1,]", "{\"a\":1,}", "01", "1.", ".5", "1e", "-", "+1",
      "NaN", "Infinity", "-Infinity", "tru", "nul", "'a'", "{a: 1}",
      "\"tab\there\"", "\"\\x\"", "\"\\u12g4\"", "\"\\ud800\"",
      "\"\\udc00\"", "\"\\ud800\\u0041\"", "\"open", "[1 2]", "{\"a\" 1}",
      "{} {}", "[1] x", "{\"a\":}", "[,1]",
      /* Strings hold valid UTF-8 only (issue #12). */
      "\"\xff\"", "\"a\xc3\"", "\"\xed\xa0\x80\"", "\"\xc0\xaf\"",
      "{\"\xf5\x80\x80\x80\": 1}"};
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    sb_arena ar;
    sb_arena_init(&ar, &sb_default_alloc);
    size_t off = 999;
    const char *why = NULL;
    if (parse(&ar, bad[i], &off, &why)) {
      print_error("accepted: %s\n", bad[i]);
      fail();
    }
    assert_non_null(why);
    assert_true(off <= strlen(bad[i]));
    sb_arena_free(&ar);
  }
}

static void parser_nesting_limit(void **state) {
  (void)state;
  char deep[2100];
  for (int depth = 1000; depth <= 1001; depth++) {
    memset(deep, '[', (size_t)depth);
    memset(deep + depth, ']', (size_t)depth);
    deep[2 * depth] = '\0';
    sb_arena ar;
    sb_arena_init(&ar, &sb_default_alloc);
    const cJSON *v = parse(&ar, deep, NULL, NULL);
    if (depth == 1000) assert_non_null(v);
    else assert_null(v);
    sb_arena_free(&ar);
  }
}

/* Numbers are read and written with '.' whatever LC_NUMERIC the host set
 * (a German host's C library writes and reads 7,5). Needs a German locale
 * installed; skipped otherwise. */
static void numbers_ignore_the_hosts_locale(void **state) {
  (void)state;
  if (!setlocale(LC_NUMERIC, "de_DE.UTF-8") && !setlocale(LC_NUMERIC, "de_DE")) {
    print_message("# no German locale installed: not checked\n");
    return;
  }
  sb_arena ar;
  sb_arena_init(&ar, &sb_default_alloc);
  const cJSON *v = parse(&ar, "[7.5, 2.5e1]", NULL, NULL);
  double a = cJSON_GetArrayItem(v, 0)->valuedouble;
  double b = cJSON_GetArrayItem(v, 1)->valuedouble;
  sb_arena_free(&ar);
  sb_buf buf;
  sb_buf_init(&buf, &sb_default_alloc);
  sb_jw w;
  sb_jw_init(&w, &buf, 0, true);
  sb_jw_num(&w, 7.5);
  sb_buf_terminate(&buf);
  setlocale(LC_NUMERIC, "C");
  assert_true(a == 7.5);
  assert_true(b == 25.0);
  assert_string_equal(buf.data, "7.5");
  sb_buf_free(&buf);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(writer_matches_python_indent_2),
      cmocka_unit_test(writer_numbers_and_escapes),
      cmocka_unit_test(writer_splices_logged_items),
      cmocka_unit_test(writer_fast_paths_match_naive),
      cmocka_unit_test(readers_report_codes_and_paths),
      cmocka_unit_test(strmap_grows_to_capacity),
      cmocka_unit_test(parser_accepts_json),
      cmocka_unit_test(parser_shares_repeated_strings),
      cmocka_unit_test(lean_parser_reads_lazy_arrays_one_element_at_a_time),
      cmocka_unit_test(lean_parser_fails_on_what_it_finds_late),
      cmocka_unit_test(parser_rejects_what_json_does_not_allow),
      cmocka_unit_test(parser_nesting_limit),
      cmocka_unit_test(quote_escapes_and_cuts_on_characters),
      cmocka_unit_test(err_set_makes_one_line_of_utf8),
      cmocka_unit_test(paths_quote_keys_and_cut_cleanly),
      cmocka_unit_test(check_rejects_nul_and_duplicate_names),
      cmocka_unit_test(numbers_ignore_the_hosts_locale),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
