/* The JSON writer (stable, 2-space indent) and the path-reporting readers. */
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

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(writer_matches_python_indent_2),
      cmocka_unit_test(writer_numbers_and_escapes),
      cmocka_unit_test(writer_splices_logged_items),
      cmocka_unit_test(readers_report_codes_and_paths),
      cmocka_unit_test(strmap_grows_to_capacity),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
