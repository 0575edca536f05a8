/* JSON: the strict parser, path-carrying readers and the deterministic writer. Internal: see lib/internal.h. */
#ifndef SENBID_JSON_H
#define SENBID_JSON_H

#include "../util/util.h"
#include "../error.h"
#include "../date.h"

/* ------------------------------------------------------------------------ */
/* JSON reading with paths (lib/json/read.c)                                */
/* ------------------------------------------------------------------------ */

/* The JSON path of the value being read, built as parsing descends. A
 * member name that is an identifier ([A-Za-z_][A-Za-z0-9_]*) is written
 * .name; any other in brackets as a JSON string literal, ["a\nb"] (escapes
 * for '"', '\\' and control characters, U+FFFD for bytes that are not
 * UTF-8). A path longer than the buffer is cut on a character boundary and
 * ends with "…". So a path is always one line of valid UTF-8. */
typedef struct sb_path {
  char buf[512];
  size_t len;
  size_t stack[64];
  int depth;
  int overflow; /* levels pushed beyond the stack */
} sb_path;

void sb_path_init(sb_path *p);
void sb_path_key(sb_path *p, const char *key);
void sb_path_keyn(sb_path *p, const char *key, size_t n);
void sb_path_index(sb_path *p, size_t i);
void sb_path_pop(sb_path *p);

typedef struct sb_jr {
  sb_err *err;
  sb_path path;
  sb_arena *arena; /* strings read are copied here */
} sb_jr;

/* Fails with code at the current path, or at path + "." + key when key is
 * not NULL. Returns code. */
int sb_jr_fail(sb_jr *r, int code, const char *key, const char *fmt, ...)
    SB_PRINTF(4, 5);

/* Parses JSON text strictly (RFC 8259; nesting up to 1000) into cJSON
 * nodes allocated in ar, which owns them: read them with cJSON's accessors,
 * never cJSON_Delete or modify them (equal short strings may be one copy).
 * On failure returns NULL with the byte offset and a short reason.
 * (lib/json/parse.c) */
const cJSON *sb_json_parse(sb_arena *ar, const char *text, size_t len,
                           size_t *err_offset, const char **err_msg);

/* Marks sb_json_parse sets in a node's type, above cJSON's own bits (its
 * accessors mask them off): a container whose item count is in valueint;
 * the root of a tree without any non-finite number; a string value, or a
 * member name, that holds U+0000 (its whole length: sb_json_strlen); a
 * member whose name an earlier member of its object has; the root of a
 * tree where sb_json_check has nothing to find. */
#define SB_JSON_COUNTED (1 << 12)
#define SB_JSON_FINITE (1 << 13)
#define SB_JSON_STR_NUL (1 << 14)
#define SB_JSON_KEY_NUL (1 << 15)
#define SB_JSON_KEY_DUP (1 << 16)
#define SB_JSON_CLEAN (1 << 17)
/* The length of a string of the tree: strlen unless it holds U+0000 (the
 * node's SB_JSON_STR_NUL or SB_JSON_KEY_NUL), whose length the parser
 * kept in front of it. */
static inline size_t sb_json_strlen(const char *s, bool has_nul) {
  size_t n;
  if (!has_nul) return strlen(s);
  memcpy(&n, s - sizeof n, sizeof n);
  return n;
}
/* The items of an array or object: read from the node when sb_json_parse
 * counted them, else counted along cJSON's list. */
static inline int sb_json_count(const cJSON *a) {
  if (!a) return 0;
  return (a->type & SB_JSON_COUNTED) ? a->valueint : cJSON_GetArraySize(a);
}
/* What every document must pass before anything reads it, with the path
 * of the first value (in document order) that fails: a number that is not
 * finite (1e999) is JSON; a string or member name that holds U+0000 is
 * VALUE (identity is exact: "E2\u0000x" must never read as "E2", and C
 * strings end at the first NUL, so no string of a document may hold one);
 * a member name given twice in one object is DUPLICATE at the second (a
 * reader would see only the first). Free on a tree the parser marked clean. */
int sb_json_check(sb_jr *r, const cJSON *v);
/* The older name, for callers not yet renamed: the same checks. */
static inline int sb_json_check_finite(sb_jr *r, const cJSON *v) {
  return sb_json_check(r, v);
}

/* Lean parsing (lib/json/parse.c): a document whose large arrays are
 * never held whole. sb_json_parse_lean builds the tree like sb_json_parse
 * except that an array that is the value of a root member named in `lazy`
 * is only scanned for where its elements start: it reads as an array with
 * its count (SB_JSON_LAZY) and no children, and each element is parsed
 * when read, into scratch memory of that array that the next element read
 * from it reuses. So a reader may hold one element of each lazy array at a
 * time, and must copy what it keeps (the sb_jr readers copy strings). What
 * the scan does not check (the elements' syntax, sb_json_check's findings)
 * is checked as elements are read and by sb_json_lean_finish; any finding,
 * or a failed read, sets `failed`: the caller then parses the document
 * again with sb_json_parse, which reports the first error as ever. */
#define SB_JSON_LAZY (1 << 18)
typedef struct sb_json_lazy sb_json_lazy;
typedef struct sb_json_lean {
  const char *text, *end;
  sb_arena *ar; /* the tree's arena */
  sb_json_lazy *lazies;
  char dp;
  bool failed;
} sb_json_lean;

/* NULL when the text is not JSON or out of memory (the full parse tells). */
const cJSON *sb_json_parse_lean(sb_json_lean *doc, sb_arena *ar,
                                const char *text, size_t len,
                                const char *const *lazy);
/* Element k of a lazy array, or NULL past its end; once anything failed, a
 * value of type cJSON_Invalid. */
const cJSON *sb_json_lazy_at(const cJSON *arr, size_t k);
/* Makes the lazy root member `name` an ordinary array (for a reader that
 * walks it freely). False on failure. */
bool sb_json_lean_materialize(sb_json_lean *doc, const char *name);
/* Reads every element no reader read, so that the whole text was checked;
 * false when anything failed. */
bool sb_json_lean_finish(sb_json_lean *doc);
/* Releases what lazy arrays hold (the tree's arena is the caller's). */
void sb_json_lean_free(sb_json_lean *doc);

/* The first item of an array or object, and the one after item (the k-th),
 * lazy arrays included. */
static inline const cJSON *sb_json_first(const cJSON *a) {
  if (!a) return NULL;
  return (a->type & SB_JSON_LAZY) ? sb_json_lazy_at(a, 0) : a->child;
}
static inline const cJSON *sb_json_after(const cJSON *a, const cJSON *item,
                                         size_t k) {
  return (a->type & SB_JSON_LAZY) ? sb_json_lazy_at(a, k) : item->next;
}

/* The employees' objects: from a whole tree's array of them, or read one
 * at a time from the lazy employees array (valid until the next). */
typedef struct sb_emps {
  const cJSON *lazy;
  const cJSON *const *v;
} sb_emps;
static inline const cJSON *sb_emp_json(const sb_emps *e, uint32_t i) {
  return e->lazy ? sb_json_lazy_at(e->lazy, i) : e->v[i];
}

/* The member `key` of obj, or NULL when absent or null. */
const cJSON *sb_json_get(const cJSON *obj, const char *key);

/* Value-level readers: the path already names v. */
int sb_jr_v_object(sb_jr *r, const cJSON *v);
int sb_jr_v_array(sb_jr *r, const cJSON *v);
int sb_jr_v_string(sb_jr *r, const cJSON *v, const char **out);
int sb_jr_v_nonempty_string(sb_jr *r, const cJSON *v, const char **out);
int sb_jr_v_number(sb_jr *r, const cJSON *v, double *out);
int sb_jr_v_int(sb_jr *r, const cJSON *v, int64_t *out);
int sb_jr_v_count(sb_jr *r, const cJSON *v, int64_t *out); /* >= 0 */
int sb_jr_v_nonneg_number(sb_jr *r, const cJSON *v, double *out);
int sb_jr_v_bool(sb_jr *r, const cJSON *v, bool *out);
int sb_jr_v_date(sb_jr *r, const cJSON *v, sb_day *out);
int sb_jr_v_time(sb_jr *r, const cJSON *v, int32_t *out);
int sb_jr_v_weekday(sb_jr *r, const cJSON *v, int *out);
/* {"start", "end"}: DATE, MISSING, RANGE (end < start), LIMIT (> 3660 days). */
int sb_jr_v_range(sb_jr *r, const cJSON *v, sb_range *out);
/* An employee id (a string) that must name an employee: UNKNOWN_ID. */
int sb_jr_v_employee(sb_jr *r, const senbid_problem *p, const cJSON *v,
                     uint32_t *out);

/* Member-level readers. When the member is absent (or null): with required,
 * MISSING; otherwise SENBID_OK, *out untouched and *present (if given) false. */
int sb_jr_member(sb_jr *r, const cJSON *obj, const char *key, bool required,
                 const cJSON **out);
int sb_jr_object(sb_jr *r, const cJSON *obj, const char *key, bool required,
                 const cJSON **out);
int sb_jr_array(sb_jr *r, const cJSON *obj, const char *key, bool required,
                const cJSON **out);
int sb_jr_string(sb_jr *r, const cJSON *obj, const char *key, bool required,
                 const char **out);
int sb_jr_nonempty_string(sb_jr *r, const cJSON *obj, const char *key,
                          bool required, const char **out);
/* The same checks, without the copy: the string as the tree holds it, for
 * a value only looked at while its element is read (a lazy array's element
 * is gone once the next is read). */
int sb_jr_string_ref(sb_jr *r, const cJSON *obj, const char *key,
                     bool required, const char **out);
int sb_jr_nonempty_string_ref(sb_jr *r, const cJSON *obj, const char *key,
                              bool required, const char **out);
int sb_jr_number(sb_jr *r, const cJSON *obj, const char *key, bool required,
                 double *out, bool *present);
int sb_jr_nonneg_number(sb_jr *r, const cJSON *obj, const char *key,
                        bool required, double *out, bool *present);
int sb_jr_int(sb_jr *r, const cJSON *obj, const char *key, bool required,
              int64_t *out, bool *present);
int sb_jr_count(sb_jr *r, const cJSON *obj, const char *key, bool required,
                int64_t *out, bool *present);
int sb_jr_bool(sb_jr *r, const cJSON *obj, const char *key, bool required,
               bool *out, bool *present);
int sb_jr_date(sb_jr *r, const cJSON *obj, const char *key, bool required,
               sb_day *out, bool *present);
int sb_jr_time(sb_jr *r, const cJSON *obj, const char *key, bool required,
               int32_t *out, bool *present);
int sb_jr_weekday(sb_jr *r, const cJSON *obj, const char *key, bool required,
                  int *out, bool *present);
int sb_jr_range(sb_jr *r, const cJSON *obj, const char *key, bool required,
                sb_range *out, bool *present);
int sb_jr_employee(sb_jr *r, const senbid_problem *p, const cJSON *obj,
                   const char *key, bool required, uint32_t *out,
                   bool *present);

/* Iterate over an array (lazy ones too) with its index pushed on the path:
 *   SB_JR_EACH(r, arr, i, item) { ... }   (break leaves the path pushed:
 *   use return or goto instead) */
#define SB_JR_EACH(r, arr, i, item)                                           \
  for (size_t i = 0, sb_once_##item = 1; sb_once_##item; sb_once_##item = 0) \
    for (const cJSON *item = sb_json_first(arr); item;                        \
         sb_path_pop(&(r)->path), item = sb_json_after((arr), item, i + 1),   \
         i++)                                                                  \
      if ((sb_path_index(&(r)->path, i), 1))

/* ------------------------------------------------------------------------ */
/* JSON writing (lib/json/write.c): pretty, 2-space indent, deterministic   */
/* ------------------------------------------------------------------------ */

/* Optional: takes a writer's text once it has grown to `chunk` bytes, at
 * the end of an object or array (lib/solve.c streams results with it). */
typedef struct sb_sink {
  void (*flush)(struct sb_sink *s, sb_buf *b);
  size_t chunk;
} sb_sink;

typedef struct sb_jw {
  sb_buf *buf;
  sb_sink *sink; /* NULL: the text stays in buf */
  int depth;
  bool first[64]; /* per depth: no member written yet */
  bool after_key;
} sb_jw;

/* Starts a writer at depth (0 for a document; 1 to write members into an
 * object whose first member was already written, as for a result body). */
void sb_jw_init(sb_jw *w, sb_buf *b, int depth, bool first);
void sb_jw_obj(sb_jw *w);
void sb_jw_obj_end(sb_jw *w);
void sb_jw_arr(sb_jw *w);
void sb_jw_arr_end(sb_jw *w);
void sb_jw_keyn(sb_jw *w, const char *key, size_t n);
void sb_jw_strn(sb_jw *w, const char *s, size_t n);
static inline void sb_jw_key(sb_jw *w, const char *key) {
  sb_jw_keyn(w, key, strlen(key));
}
/* A key that is a string literal of plain characters (no quote, backslash
 * or control character), as all the library's own keys are: written
 * pre-quoted with copies of sizes known at compile time, since results of
 * hundreds of megabytes are mostly keys. */
#define SB_JW_KEY(w, lit) \
  sb_jw_key_quoted((w), "\"" lit "\": ", sizeof("\"" lit "\": ") - 1)
/* A newline and 71 spaces: the indent of depth d is its first 1 + 2d. */
extern const char sb_jw_indent[72];
void sb_jw_key_quoted_slow(sb_jw *w, const char *qk, size_t n);
static inline void sb_jw_key_quoted(sb_jw *w, const char *qk, size_t n) {
  int d = w->depth;
  char *o;
  if (d < 0 || d >= 32 || !(o = sb_buf_room(w->buf, 1 + sizeof sb_jw_indent + n))) {
    sb_jw_key_quoted_slow(w, qk, n);
    return;
  }
  size_t k = !w->first[d];
  o[0] = ',';
  memcpy(o + k, sb_jw_indent, sizeof sb_jw_indent);
  k += 1 + 2 * (size_t)d;
  memcpy(o + k, qk, n);
  w->buf->len += k + n;
  w->first[d] = false;
  w->after_key = true;
}
static inline void sb_jw_str(sb_jw *w, const char *s) {
  sb_jw_strn(w, s, strlen(s));
}
void sb_jw_str_or_null(sb_jw *w, const char *s);
void sb_jw_int(sb_jw *w, int64_t v);
void sb_jw_uint(sb_jw *w, uint64_t v);
/* Integral values print as integers; others in the shortest form that
 * reads back exactly. */
void sb_jw_num(sb_jw *w, double v);
void sb_jw_bool(sb_jw *w, bool v);
void sb_jw_null(sb_jw *w);
void sb_jw_date(sb_jw *w, sb_day d);
void sb_jw_time(sb_jw *w, int32_t minutes);
/* Splices `count` array items written by another writer into the array w
 * is in. That writer was started with sb_jw_init(w2, items, D, true) where D
 * is w->depth after the sb_jw_arr() that opened the array. */
void sb_jw_splice(sb_jw *w, const sb_buf *items, size_t count);
/* Writes s as a JSON string literal (with quotes) to b. */
void sb_json_escape(sb_buf *b, const char *s, size_t n);

#endif /* SENBID_JSON_H */
