/*
 * Internal interfaces shared by the library's modules. Nothing here is API:
 * every symbol is hidden (meson builds with hidden visibility and the
 * version script exports only senbid_*). Internal names start with sb_.
 *
 * Memory: a problem owns one arena (sb_arena) holding everything parsed from
 * the document; a solve gets a scratch arena that is released when the solve
 * ends. Growable things (sb_buf, sb_vec) use the problem's allocator.
 * Failures are negative senbid_code values; functions that can fail return
 * int and set an sb_err where they are given one.
 */
#ifndef SENBID_INTERNAL_H
#define SENBID_INTERNAL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "senbid/senbid.h"

#if defined(__GNUC__)
#define SB_PRINTF(f, a) __attribute__((format(printf, f, a)))
/* A hint to load p's cache line ahead: loops that visit a large roster in
 * seniority order touch memory laid out in document order. */
#define SB_PREFETCH(p) __builtin_prefetch(p)
#else
#define SB_PRINTF(f, a)
#define SB_PREFETCH(p) ((void)(p))
#endif

/* Propagate a negative status. */
#define SB_TRY(expr)                                                          \
  do {                                                                        \
    int sb_try_rc_ = (expr);                                                  \
    if (sb_try_rc_ < 0) return sb_try_rc_;                                    \
  } while (0)

/* Hard limits (SPEC section 9). */
#define SB_MAX_EMPLOYEES 1000000
#define SB_MAX_CHOICES 64
#define SB_MAX_AWS_OPTIONS 64
#define SB_MAX_SHIFTS 1000
#define SB_MAX_RANGE_DAYS 3660

/* ------------------------------------------------------------------------ */
/* Allocation (lib/util/mem.c)                                              */
/* ------------------------------------------------------------------------ */

typedef struct sb_alloc {
  void *(*malloc_fn)(size_t size, void *payload);
  void *(*realloc_fn)(void *ptr, size_t size, void *payload);
  void (*free_fn)(void *ptr, void *payload);
  void *payload;
} sb_alloc;

/* The C library's allocator. */
extern const sb_alloc sb_default_alloc;

void *sb_mem_alloc(const sb_alloc *a, size_t n);
void *sb_mem_calloc(const sb_alloc *a, size_t count, size_t size);
void *sb_mem_realloc(const sb_alloc *a, void *p, size_t n);
void sb_mem_free(const sb_alloc *a, void *p);

/* A bump allocator. Memory is zeroed and 16-byte aligned; it is released all
 * at once by sb_arena_free(). Allocation returns NULL when out of memory. */
typedef struct sb_arena_chunk sb_arena_chunk;
typedef struct sb_arena {
  const sb_alloc *alloc;
  sb_arena_chunk *head;
  size_t used, cap;  /* in the head chunk */
  size_t total;      /* bytes held, for reports */
} sb_arena;

void sb_arena_init(sb_arena *ar, const sb_alloc *a);
void *sb_arena_alloc(sb_arena *ar, size_t n);
/* count * size, with overflow checked. */
void *sb_arena_array(sb_arena *ar, size_t count, size_t size);
char *sb_arena_strdup(sb_arena *ar, const char *s);
void sb_arena_free(sb_arena *ar);

/* A growable array of fixed-size elements. */
typedef struct sb_vec {
  void *data;
  size_t len, cap, elem;
  const sb_alloc *alloc;
} sb_vec;

void sb_vec_init(sb_vec *v, const sb_alloc *a, size_t elem);
/* Appends one zeroed element and returns it, or NULL when out of memory. */
void *sb_vec_push(sb_vec *v);
int sb_vec_reserve(sb_vec *v, size_t cap);
void sb_vec_free(sb_vec *v);
#define SB_VEC_AT(v, T, i) (((T *)(v)->data)[i])

/* A growable byte string. Errors are sticky: after a failed allocation every
 * later append is a no-op and `oom` stays set; check it once at the end. */
typedef struct sb_buf {
  char *data;
  size_t len, cap;
  const sb_alloc *alloc;
  bool oom;
} sb_buf;

void sb_buf_init(sb_buf *b, const sb_alloc *a);
/* Appends with growth (the slow path of the inline appenders below). */
void sb_buf_put_slow(sb_buf *b, const char *s, size_t n);
/* Appends are inline: result documents are hundreds of megabytes written a
 * few bytes at a time. */
static inline void sb_buf_put(sb_buf *b, const char *s, size_t n) {
  if (b->cap - b->len > n) {
    for (size_t i = 0; i < n; i++) b->data[b->len + i] = s[i];
    b->len += n;
  } else {
    sb_buf_put_slow(b, s, n);
  }
}
static inline void sb_buf_putc(sb_buf *b, char c) {
  if (b->cap - b->len > 1) b->data[b->len++] = c;
  else sb_buf_put_slow(b, &c, 1);
}
/* Makes room for n more bytes and returns where they go (NULL when out of
 * memory); the caller writes at most n bytes there and adds them to len. */
char *sb_buf_room_slow(sb_buf *b, size_t n);
static inline char *sb_buf_room(sb_buf *b, size_t n) {
  return b->cap - b->len > n ? b->data + b->len : sb_buf_room_slow(b, n);
}
void sb_buf_puts(sb_buf *b, const char *s);
/* Appends v in decimal. */
void sb_buf_put_uint(sb_buf *b, uint64_t v);
void sb_buf_printf(sb_buf *b, const char *fmt, ...) SB_PRINTF(2, 3);
void sb_buf_vprintf(sb_buf *b, const char *fmt, va_list ap);
/* Makes data NUL-terminated (without counting it in len). */
int sb_buf_terminate(sb_buf *b);
void sb_buf_free(sb_buf *b);

/* A fixed-capacity string -> uint32 map (open addressing) in an arena. Keys
 * are borrowed and must outlive the map. */
typedef struct sb_strmap {
  const char **keys;
  uint32_t *values;
  uint64_t *hashes;
  size_t mask, len;
} sb_strmap;

int sb_strmap_init(sb_strmap *m, sb_arena *ar, size_t expected);
/* Returns 0 when inserted, 1 when the key was already there (then *existing,
 * if given, is its value and nothing changes), SENBID_E_LIMIT when full. */
int sb_strmap_put(sb_strmap *m, const char *key, uint32_t value,
                  uint32_t *existing);
bool sb_strmap_get(const sb_strmap *m, const char *key, uint32_t *value);

uint64_t sb_fnv1a64(const char *s, size_t n);
uint64_t sb_splitmix64(uint64_t x);

/* Monotonic seconds, for time limits and progress. */
double sb_now(void);

/* ------------------------------------------------------------------------ */
/* Errors (lib/error.c)                                                     */
/* ------------------------------------------------------------------------ */

typedef struct sb_err {
  int code;
  char path[512];
  char msg[512];
} sb_err;

/* Sets err (if not NULL) and returns code. path may be NULL. */
int sb_err_set(sb_err *err, int code, const char *path, const char *fmt, ...)
    SB_PRINTF(4, 5);
int sb_err_nomem(sb_err *err);

/* Makes a public error object from err (NULL when out of memory). */
senbid_error *sb_error_new(const sb_alloc *a, const sb_err *err);
/* Writes a public error to *out when out is not NULL. Returns err->code. */
int sb_error_out(senbid_error **out, const sb_alloc *a, const sb_err *err);

/* ------------------------------------------------------------------------ */
/* Dates and times (lib/date.c), calendar (lib/calendar.c)                  */
/* ------------------------------------------------------------------------ */

typedef int32_t sb_day; /* days since 1970-01-01, proleptic Gregorian */

typedef struct sb_range {
  sb_day start, end; /* inclusive */
} sb_range;

enum { SB_SUN, SB_MON, SB_TUE, SB_WED, SB_THU, SB_FRI, SB_SAT };

sb_day sb_date_from_ymd(int y, int m, int d);
void sb_date_to_ymd(sb_day day, int *y, int *m, int *d);
/* Strict "YYYY-MM-DD", years 0001-9999. */
bool sb_date_parse(const char *s, sb_day *out);
/* Writes "YYYY-MM-DD" and a NUL (11 bytes). */
void sb_date_format(sb_day day, char out[11]);
int sb_weekday(sb_day day); /* SB_SUN .. SB_SAT */
bool sb_is_leap(int y);
int sb_days_in_month(int y, int m);
/* Adds months; a day the target month lacks rolls over to the 1st of the
 * next month (SPEC section 9: Nov 30 + 3 months = Mar 1). */
sb_day sb_date_add_months(sb_day day, int months);
sb_day sb_date_add_years(sb_day day, int years);
/* Strict "HH:MM", 00:00-23:59, as minutes after midnight. */
bool sb_time_parse(const char *s, int32_t *minutes);
void sb_time_format(int32_t minutes, char out[6]);
/* "sun".."sat" -> SB_SUN..SB_SAT, else -1. */
int sb_weekday_parse(const char *s);
const char *sb_weekday_name(int wd);

/* Federal holidays of 5 U.S.C. 6103 (SPEC section 6). */
typedef struct sb_holiday {
  sb_day observed; /* the day off */
  sb_day actual;   /* the holiday's own date */
  const char *name;
} sb_holiday;

/* Writes the holidays whose observed date lies in [from, to], in date
 * order, to out (up to cap) and returns how many there are (which may be
 * more than cap). */
size_t sb_federal_holidays(sb_day from, sb_day to, bool inauguration,
                           sb_holiday *out, size_t cap);
/* The first day of the 14-day pay period containing day. */
sb_day sb_pay_period_start(sb_day anchor, sb_day day);

/* ------------------------------------------------------------------------ */
/* JSON reading with paths (lib/json/read.c)                                */
/* ------------------------------------------------------------------------ */

/* The JSON path of the value being read, built as parsing descends. */
typedef struct sb_path {
  char buf[512];
  size_t len;
  size_t stack[64];
  int depth;
  int overflow; /* levels pushed beyond the stack */
} sb_path;

void sb_path_init(sb_path *p);
void sb_path_key(sb_path *p, const char *key);
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
 * accessors mask them off): a container whose item count is in valueint,
 * and the root of a tree without any non-finite number. */
#define SB_JSON_COUNTED (1 << 12)
#define SB_JSON_FINITE (1 << 13)
/* The items of an array or object: read from the node when sb_json_parse
 * counted them, else counted along cJSON's list. */
static inline int sb_json_count(const cJSON *a) {
  if (!a) return 0;
  return (a->type & SB_JSON_COUNTED) ? a->valueint : cJSON_GetArraySize(a);
}
/* JSON error, with its path, at the first number that is not finite. */
int sb_json_check_finite(sb_jr *r, const cJSON *v);

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

/* Iterate over an array with its index pushed on the path:
 *   SB_JR_EACH(r, arr, i, item) { ... }   (break leaves the path pushed:
 *   use return or goto instead) */
#define SB_JR_EACH(r, arr, i, item)                                           \
  for (size_t i = 0, sb_once_##item = 1; sb_once_##item; sb_once_##item = 0) \
    for (const cJSON *item = (arr) ? (arr)->child : NULL; item;               \
         sb_path_pop(&(r)->path), item = item->next, i++)                     \
      if ((sb_path_index(&(r)->path, i), 1))

/* ------------------------------------------------------------------------ */
/* JSON writing (lib/json/write.c): pretty, 2-space indent, deterministic   */
/* ------------------------------------------------------------------------ */

typedef struct sb_jw {
  sb_buf *buf;
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

/* ------------------------------------------------------------------------ */
/* Problems, employees and seniority (lib/problem.c, lib/seniority.c)       */
/* ------------------------------------------------------------------------ */

enum sb_svc {
  SB_SVC_SERIES,
  SB_SVC_USBP,
  SB_SVC_CBP,
  SB_SVC_SCD,
  SB_SVC_EOD,
  SB_SVC_ATTORNEY,
  SB_SVC_COUNT
};
/* "series", "usbp", ... (the credit_days names) */
extern const char *const sb_svc_short[SB_SVC_COUNT];
/* "series_start", "usbp_start", ..., "scd", "eod", "attorney_start" */
extern const char *const sb_svc_member[SB_SVC_COUNT];

typedef struct sb_attr {
  const char *name;
  double value;
} sb_attr;

typedef struct sb_employee {
  const char *id;
  const char *last, *first, *middle; /* "" when absent */
  sb_day svc[SB_SVC_COUNT];
  uint32_t svc_present; /* bit (1u << SB_SVC_x) */
  int64_t credit[SB_SVC_COUNT];
  bool attorney;
  const char *group; /* "" by default */
  const char *grade; /* "" by default */
  const char **quals;
  uint32_t nquals;
  sb_attr *attrs;
  uint32_t nattrs;
  uint32_t rank; /* position in the seniority order, 0 = most senior */
} sb_employee;

typedef enum sb_kind {
  SB_KIND_LEAVE,
  SB_KIND_SHIFT_BID,
  SB_KIND_AWS,
  SB_KIND_ASSIGNMENT,
  SB_KIND_COUNT
} sb_kind;

typedef enum sb_policy {
  SB_POLICY_NBPC_2019,
  SB_POLICY_ICE_2019,
  SB_POLICY_INS_1995,
  SB_POLICY_CUSTOM,
  SB_POLICY_LIST
} sb_policy;

typedef enum sb_tiebreak {
  SB_TIE_NONE,
  SB_TIE_ALPHABETICAL,
  SB_TIE_LOTTERY,
  SB_TIE_ID
} sb_tiebreak;

/* A key of the ranking: a service date (more time first unless
 * less_first) or a numeric attribute. */
typedef struct sb_sen_key {
  const char *label; /* as reported by `rank` keys: "series", "attributes.points" */
  int svc;           /* an sb_svc, or -1 for an attribute */
  const char *attr;  /* attribute name when svc == -1 */
  bool less_first;
  bool ice_mixed;    /* ice-2019: attorney time for attorneys, else scd */
} sb_sen_key;

typedef struct sb_tie_group {
  uint32_t first; /* position in order */
  uint32_t count;
} sb_tie_group;

typedef struct sb_seniority {
  sb_policy policy;
  sb_tiebreak tie;
  uint64_t seed;
  sb_sen_key *keys;
  uint32_t nkeys;
  uint32_t *order;   /* employee indices, most senior first */
  double *values;    /* nemps * nkeys key values (days or attribute) */
  sb_tie_group *ties;
  uint32_t nties;
} sb_seniority;

struct senbid_problem {
  sb_alloc alloc;
  sb_arena arena;
  sb_kind kind;
  sb_day as_of;
  sb_employee *emps;
  uint32_t nemps;
  sb_strmap ids; /* employee id -> index */
  sb_seniority sen;
  void *kind_data; /* the kind's parsed members, in the arena */
};

/* Index of the employee with this id, or -1. */
int64_t sb_problem_find(const senbid_problem *p, const char *id);
/* Employees ordered by seniority: true when a is more senior than b. */
static inline bool sb_senior(const senbid_problem *p, uint32_t a, uint32_t b) {
  return p->emps[a].rank < p->emps[b].rank;
}

/* Parses the seniority object and ranks the roster (fills p->sen and every
 * employee's rank). emp_json[i] is employee i's object. */
int sb_seniority_parse(senbid_problem *p, sb_jr *r, const cJSON *sen,
                       const cJSON *const *emp_json, const char *raw,
                       size_t raw_len);
int sb_seniority_rank(senbid_problem *p, sb_err *err);
/* The lottery key of SPEC section 1. */
uint64_t sb_lottery_key(uint64_t seed, const char *id);
/* The alphabetical comparison of SPEC section 1 (<0: a more senior). */
int sb_name_cmp(const sb_employee *a, const sb_employee *b);
/* Writes "seniority" and "ties" members (for results and `rank`). */
void sb_write_seniority(sb_jw *w, const senbid_problem *p);

/* ------------------------------------------------------------------------ */
/* Solving and result documents (lib/solve.c)                               */
/* ------------------------------------------------------------------------ */

/* A list of JSON objects (audit entries, warnings, departures) written as
 * they happen and spliced into the result at the end. */
typedef struct sb_log {
  sb_buf buf;
  sb_jw w;
  uint64_t count;
} sb_log;

typedef struct sb_out {
  sb_buf body;    /* the kind's members, written through w */
  sb_jw w;        /* at depth 1, after the common members */
  sb_log audit;
  sb_log warnings;
  sb_log departures; /* check only */
  bool audit_open;    /* sb_out_open_audit was called */
  const char *status; /* "ok" (default), "infeasible", "time_limit" */
  int outcome;        /* a senbid_outcome */
} sb_out;

typedef struct sb_ctx {
  const senbid_problem *p;
  int method; /* senbid_method */
  uint32_t time_limit_ms;
  senbid_progress_fn progress;
  void *progress_payload;
  double t0;
  uint64_t solver_calls; /* integer programs solved, for progress/bench */
  sb_arena scratch;      /* released when the solve ends */
  sb_err *err;
} sb_ctx;

/* Reports progress; SENBID_E_CANCELLED when the callback asks to stop. */
int sb_ctx_progress(sb_ctx *ctx, const char *phase, uint64_t done,
                    uint64_t total);
/* Milliseconds left before the time limit (UINT32_MAX without a limit, 0
 * when it has passed). */
uint32_t sb_ctx_ms_left(const sb_ctx *ctx);

/* One audit entry: {"seq", "employee" (null when NULL), "event", "rule",
 * "detail"}. seq is assigned in order from 1. */
void sb_audit(sb_out *o, const char *employee, const char *event,
              const char *rule, const char *fmt, ...) SB_PRINTF(5, 6);
/* The same with the detail given as text (no formatting). */
void sb_audit_str(sb_out *o, const char *employee, const char *event,
                  const char *rule, const char *detail, size_t n);
/* For kinds whose audit is long: after the kind has written all its own
 * members, writes the warnings and opens "audit" in the document itself,
 * with the entries logged so far; later sb_audit calls append there, which
 * saves copying the audit into the result at the end. No sb_warn and no
 * other member may be written after this. */
void sb_out_open_audit(sb_out *o);
/* One warning: {"code", "message"}. */
void sb_warn(sb_out *o, const char *code, const char *fmt, ...)
    SB_PRINTF(3, 4);
/* One departure found by check: {"code", "employee", "detail", "rule"}. */
void sb_departure(sb_out *o, const char *code, const char *employee,
                  const char *rule, const char *fmt, ...) SB_PRINTF(5, 6);

/* What each kind provides (lib/leave.c, lib/shiftbid.c, lib/aws.c,
 * lib/assign.c). */
typedef struct sb_kind_ops {
  const char *name;
  /* Parses the kind's members of the document (after the common ones and
   * the ranking) into p->kind_data. emp_json[i] is employee i's object. */
  int (*parse)(senbid_problem *p, sb_jr *r, const cJSON *root,
               const cJSON *const *emp_json);
  /* Solves with ctx->method, writing the kind's result members through
   * o->w, the audit and warnings; sets o->status/o->outcome if not ok. */
  int (*solve)(sb_ctx *ctx, sb_out *o);
  /* Lists departures of a posted result (parsed JSON) with sb_departure().
   * NULL: not available. */
  int (*check)(sb_ctx *ctx, const cJSON *result, sb_out *o);
  /* Writes the integer program in CPLEX LP format. NULL: not available. */
  int (*export_lp)(sb_ctx *ctx, sb_buf *lp);
} sb_kind_ops;

extern const sb_kind_ops sb_leave_ops;
extern const sb_kind_ops sb_shiftbid_ops;
extern const sb_kind_ops sb_aws_ops;
extern const sb_kind_ops sb_assign_ops;

const sb_kind_ops *sb_kind_get(sb_kind k);
const char *sb_kind_name(sb_kind k);
const char *sb_method_name(int method);

/* ------------------------------------------------------------------------ */
/* GLPK, contained (lib/lp/glpk.c)                                          */
/* ------------------------------------------------------------------------ */

/* Runs fn(data) with GLPK's terminal output swallowed and its fatal errors
 * caught: a GLPK error unwinds to here, frees GLPK's environment (and with
 * it every glp_prob fn made) and returns SENBID_E_SOLVER. fn must therefore
 * keep its other resources in ctx->scratch, not in malloc'd memory. */
typedef int (*sb_glpk_fn)(sb_ctx *ctx, void *data);
int sb_glpk_run(sb_ctx *ctx, sb_glpk_fn fn, void *data);

/* Solves the MIP in P (a glp_prob *) quietly, within the time limit, with
 * progress and cancellation. Sets *status to GLP_OPT, GLP_FEAS, GLP_NOFEAS
 * or GLP_UNDEF; returns SENBID_E_CANCELLED, SENBID_E_SOLVER or SENBID_OK.
 * *timed_out is set when the time limit stopped it. Counts solver_calls. */
int sb_glpk_mip(sb_ctx *ctx, void *P, int *status, bool *timed_out);
/* The same with GLPK's MIP presolver instead of a plain simplex first:
 * better for programs that are often infeasible (it proves most at the
 * root), worse for many small feasible ones. */
int sb_glpk_mip_presolve(sb_ctx *ctx, void *P, int *status, bool *timed_out);

#endif /* SENBID_INTERNAL_H */
