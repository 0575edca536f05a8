/* Typed JSON readers that report the JSON path of what they reject. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../internal.h"

/* ------------------------------------------------------------------ paths */

void sb_path_init(sb_path *p) {
  memset(p, 0, sizeof *p);
  p->buf[0] = '$';
  p->buf[1] = '\0';
  p->len = 1;
}

static void path_push(sb_path *p) {
  if (p->depth < (int)(sizeof p->stack / sizeof p->stack[0]))
    p->stack[p->depth++] = p->len;
  else
    p->overflow++;
}

/* Appends n bytes of valid UTF-8. What does not fit, or all of it when
 * cut, ends on a character boundary followed by "…" (once: a cut path
 * takes nothing more until popped). */
static void path_append(sb_path *p, const char *s, size_t n, bool cut) {
  static const char ell[] = "\xe2\x80\xa6";
  const size_t cap = sizeof p->buf - 1;
  if (p->len >= 3 && memcmp(p->buf + p->len - 3, ell, 3) == 0) return;
  if (!cut && p->len + n <= cap) {
    memcpy(p->buf + p->len, s, n);
    p->len += n;
    p->buf[p->len] = '\0';
    return;
  }
  while (p->len > 1 && p->len + 3 > cap) p->len--; /* room for the ellipsis */
  while (p->len > 1 && ((unsigned char)p->buf[p->len] & 0xc0) == 0x80) p->len--;
  size_t room = cap - 3 - p->len;
  if (room > n) room = n;
  while (room > 0 && room < n && ((unsigned char)s[room] & 0xc0) == 0x80) room--;
  memcpy(p->buf + p->len, s, room);
  p->len += room;
  memcpy(p->buf + p->len, ell, 3);
  p->len += 3;
  p->buf[p->len] = '\0';
}

static bool plain_key(const char *k, size_t n) {
  if (n == 0) return false;
  for (size_t i = 0; i < n; i++) {
    char c = k[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
              (i > 0 && c >= '0' && c <= '9');
    if (!ok) return false;
  }
  return true;
}

void sb_path_keyn(sb_path *p, const char *key, size_t n) {
  path_push(p);
  if (p->overflow) return;
  if (plain_key(key, n)) {
    path_append(p, ".", 1, false);
    path_append(p, key, n, false);
    return;
  }
  /* Keys that are not identifiers (group names, ids) in bracket form, as
   * JSON string literals: a key of odd bytes cannot break the line. */
  char tmp[sizeof p->buf + 4];
  tmp[0] = '[';
  tmp[1] = '"';
  size_t used = sb_quote_json(tmp + 2, sizeof p->buf, key, n);
  size_t t = 2 + strlen(tmp + 2);
  if (used < n) { /* longer than any path: cut */
    path_append(p, tmp, t, true);
    return;
  }
  tmp[t++] = '"';
  tmp[t++] = ']';
  path_append(p, tmp, t, false);
}

void sb_path_key(sb_path *p, const char *key) {
  sb_path_keyn(p, key, strlen(key));
}

void sb_path_index(sb_path *p, size_t i) {
  path_push(p);
  if (p->overflow) return;
  /* Digits by hand: this runs for every array item of every document. */
  char tmp[32];
  int n = (int)sizeof tmp;
  tmp[--n] = ']';
  do {
    tmp[--n] = (char)('0' + i % 10);
    i /= 10;
  } while (i);
  tmp[--n] = '[';
  path_append(p, tmp + n, sizeof tmp - (size_t)n, false);
}

void sb_path_pop(sb_path *p) {
  if (p->overflow) {
    p->overflow--;
    return;
  }
  if (p->depth == 0) return;
  size_t len = p->stack[--p->depth];
  /* A cut may have shortened the path below where this level began: it
   * stays cut, ellipsis and all, until popped below the ellipsis. */
  bool cut = p->len >= 3 && memcmp(p->buf + p->len - 3, "\xe2\x80\xa6", 3) == 0;
  if (cut && len > p->len - 3) return;
  p->len = len;
  p->buf[len] = '\0';
}

/* ---------------------------------------------------------------- failing */

/* A string node's value quoted for a message, all of it (U+0000 too). */
#define SB_QV(v) \
  SB_QN((v)->valuestring, sb_json_strlen((v)->valuestring, ((v)->type & SB_JSON_STR_NUL) != 0))

int sb_jr_fail(sb_jr *r, int code, const char *key, const char *fmt, ...) {
  if (key) sb_path_key(&r->path, key);
  va_list ap;
  va_start(ap, fmt);
  sb_err_setv(r->err, code, r->path.buf, fmt, ap);
  va_end(ap);
  if (key) sb_path_pop(&r->path);
  return code;
}

static const char *type_name(const cJSON *v) {
  if (!v) return "nothing";
  if (cJSON_IsNull(v)) return "null";
  if (cJSON_IsBool(v)) return "a boolean";
  if (cJSON_IsNumber(v)) return "a number";
  if (cJSON_IsString(v)) return "a string";
  if (cJSON_IsArray(v)) return "an array";
  if (cJSON_IsObject(v)) return "an object";
  return "an unknown value";
}

static int reject_nul(sb_jr *r, const char *what, const char *s) {
  return sb_jr_fail(r, SENBID_E_VALUE, NULL,
                    "the %s %s holds U+0000 (NUL), which no string may hold",
                    what, SB_QN(s, sb_json_strlen(s, true)));
}

static int check_tree(sb_jr *r, const cJSON *v) {
  /* 1e999 parses as infinity; JSON has no such number (SPEC 9: JSON). */
  if (cJSON_IsNumber(v) && !isfinite(v->valuedouble))
    return sb_jr_fail(r, SENBID_E_JSON, NULL, "the number is out of range");
  if (v->type & SB_JSON_STR_NUL) return reject_nul(r, "string", v->valuestring);
  if (cJSON_IsArray(v)) {
    size_t i = 0;
    for (const cJSON *item = v->child; item; item = item->next, i++) {
      sb_path_index(&r->path, i);
      int rc = check_tree(r, item);
      sb_path_pop(&r->path);
      if (rc < 0) return rc;
    }
  } else if (cJSON_IsObject(v)) {
    for (const cJSON *m = v->child; m; m = m->next) {
      const char *k = m->string ? m->string : "";
      bool nul = (m->type & SB_JSON_KEY_NUL) != 0;
      sb_path_keyn(&r->path, k, sb_json_strlen(k, nul));
      int rc = nul ? reject_nul(r, "member name", k)
               : (m->type & SB_JSON_KEY_DUP)
                   ? sb_jr_fail(r, SENBID_E_DUPLICATE, NULL,
                                "the member name %s is given twice in one object",
                                SB_Q(k))
                   : check_tree(r, m);
      sb_path_pop(&r->path);
      if (rc < 0) return rc;
    }
  }
  return SENBID_OK;
}

int sb_json_check(sb_jr *r, const cJSON *v) {
  /* The parser already knows there is nothing to find. */
  if (v->type & SB_JSON_CLEAN) return SENBID_OK;
  return check_tree(r, v);
}

const cJSON *sb_json_get(const cJSON *obj, const char *key) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
  return v && !cJSON_IsNull(v) ? v : NULL;
}

/* ------------------------------------------------------------ value level */

int sb_jr_v_object(sb_jr *r, const cJSON *v) {
  if (!cJSON_IsObject(v))
    return sb_jr_fail(r, SENBID_E_TYPE, NULL, "expected an object, got %s",
                      type_name(v));
  return SENBID_OK;
}

int sb_jr_v_array(sb_jr *r, const cJSON *v) {
  if (!cJSON_IsArray(v))
    return sb_jr_fail(r, SENBID_E_TYPE, NULL, "expected an array, got %s",
                      type_name(v));
  return SENBID_OK;
}

static int v_string(sb_jr *r, const cJSON *v, const char **out, bool copy) {
  if (!cJSON_IsString(v) || !v->valuestring)
    return sb_jr_fail(r, SENBID_E_TYPE, NULL, "expected a string, got %s",
                      type_name(v));
  /* Also here, for a tree that skipped sb_json_check. */
  if (v->type & SB_JSON_STR_NUL) return reject_nul(r, "string", v->valuestring);
  const char *s = copy ? sb_arena_strdup(r->arena, v->valuestring) : v->valuestring;
  if (!s) return sb_err_nomem(r->err);
  *out = s;
  return SENBID_OK;
}

int sb_jr_v_string(sb_jr *r, const cJSON *v, const char **out) {
  return v_string(r, v, out, true);
}

static int v_nonempty_string(sb_jr *r, const cJSON *v, const char **out, bool copy) {
  SB_TRY(v_string(r, v, out, copy));
  if (!**out)
    return sb_jr_fail(r, SENBID_E_VALUE, NULL, "must not be an empty string");
  return SENBID_OK;
}

int sb_jr_v_nonempty_string(sb_jr *r, const cJSON *v, const char **out) {
  return v_nonempty_string(r, v, out, true);
}

int sb_jr_v_number(sb_jr *r, const cJSON *v, double *out) {
  if (!cJSON_IsNumber(v))
    return sb_jr_fail(r, SENBID_E_TYPE, NULL, "expected a number, got %s",
                      type_name(v));
  if (!isfinite(v->valuedouble))
    return sb_jr_fail(r, SENBID_E_JSON, NULL, "the number is not finite");
  *out = v->valuedouble;
  return SENBID_OK;
}

int sb_jr_v_nonneg_number(sb_jr *r, const cJSON *v, double *out) {
  SB_TRY(sb_jr_v_number(r, v, out));
  if (*out < 0)
    return sb_jr_fail(r, SENBID_E_NEGATIVE, NULL, "must not be negative (%g)",
                      *out);
  return SENBID_OK;
}

int sb_jr_v_int(sb_jr *r, const cJSON *v, int64_t *out) {
  double d = 0;
  SB_TRY(sb_jr_v_number(r, v, &d));
  /* 2^62 keeps every later sum of counts far from overflow. */
  if (d != floor(d) || d > 4611686018427387904.0 || d < -4611686018427387904.0)
    return sb_jr_fail(r, SENBID_E_TYPE, NULL, "expected an integer, got %g", d);
  *out = (int64_t)d;
  return SENBID_OK;
}

int sb_jr_v_count(sb_jr *r, const cJSON *v, int64_t *out) {
  SB_TRY(sb_jr_v_int(r, v, out));
  if (*out < 0)
    return sb_jr_fail(r, SENBID_E_NEGATIVE, NULL,
                      "must not be negative (%lld)", (long long)*out);
  return SENBID_OK;
}

int sb_jr_v_bool(sb_jr *r, const cJSON *v, bool *out) {
  if (!cJSON_IsBool(v))
    return sb_jr_fail(r, SENBID_E_TYPE, NULL, "expected true or false, got %s",
                      type_name(v));
  *out = cJSON_IsTrue(v);
  return SENBID_OK;
}

int sb_jr_v_date(sb_jr *r, const cJSON *v, sb_day *out) {
  if (!cJSON_IsString(v))
    return sb_jr_fail(r, SENBID_E_TYPE, NULL,
                      "expected a date string \"YYYY-MM-DD\", got %s",
                      type_name(v));
  if (!sb_date_parse(v->valuestring, out))
    return sb_jr_fail(r, SENBID_E_DATE, NULL,
                      "%s is not a valid date (YYYY-MM-DD)", SB_QV(v));
  return SENBID_OK;
}

int sb_jr_v_time(sb_jr *r, const cJSON *v, int32_t *out) {
  if (!cJSON_IsString(v))
    return sb_jr_fail(r, SENBID_E_TYPE, NULL,
                      "expected a time string \"HH:MM\", got %s", type_name(v));
  if (!sb_time_parse(v->valuestring, out))
    return sb_jr_fail(r, SENBID_E_TIME, NULL,
                      "%s is not a valid time (HH:MM, 00:00-23:59)", SB_QV(v));
  return SENBID_OK;
}

int sb_jr_v_weekday(sb_jr *r, const cJSON *v, int *out) {
  if (!cJSON_IsString(v))
    return sb_jr_fail(r, SENBID_E_TYPE, NULL,
                      "expected a weekday string, got %s", type_name(v));
  int wd = sb_weekday_parse(v->valuestring);
  if (wd < 0)
    return sb_jr_fail(r, SENBID_E_VALUE, NULL,
                      "%s is not a weekday (sun, mon, tue, wed, thu, fri, sat)",
                      SB_QV(v));
  *out = wd;
  return SENBID_OK;
}

int sb_jr_v_range(sb_jr *r, const cJSON *v, sb_range *out) {
  SB_TRY(sb_jr_v_object(r, v));
  sb_range rg;
  SB_TRY(sb_jr_date(r, v, "start", true, &rg.start, NULL));
  SB_TRY(sb_jr_date(r, v, "end", true, &rg.end, NULL));
  if (rg.end < rg.start) {
    char a[11], b[11];
    sb_date_format(rg.start, a);
    sb_date_format(rg.end, b);
    return sb_jr_fail(r, SENBID_E_RANGE, "end", "end %s is before start %s", b,
                      a);
  }
  if ((int64_t)rg.end - rg.start + 1 > SB_MAX_RANGE_DAYS)
    return sb_jr_fail(r, SENBID_E_LIMIT, NULL,
                      "the range is %lld days long; at most %d are accepted",
                      (long long)rg.end - rg.start + 1, SB_MAX_RANGE_DAYS);
  *out = rg;
  return SENBID_OK;
}

int sb_jr_v_employee(sb_jr *r, const senbid_problem *p, const cJSON *v,
                     uint32_t *out) {
  if (!cJSON_IsString(v))
    return sb_jr_fail(r, SENBID_E_TYPE, NULL,
                      "expected an employee id string, got %s", type_name(v));
  if (v->type & SB_JSON_STR_NUL) return reject_nul(r, "string", v->valuestring);
  int64_t i = sb_problem_find(p, v->valuestring);
  if (i < 0)
    return sb_jr_fail(r, SENBID_E_UNKNOWN_ID, NULL,
                      "no employee has the id %s", SB_QV(v));
  *out = (uint32_t)i;
  return SENBID_OK;
}

/* ----------------------------------------------------------- member level */

int sb_jr_member(sb_jr *r, const cJSON *obj, const char *key, bool required,
                 const cJSON **out) {
  const cJSON *v = sb_json_get(obj, key);
  if (!v) {
    if (required)
      return sb_jr_fail(r, SENBID_E_MISSING, key, "the member %s is required",
                        SB_Q(key));
    return SENBID_OK;
  }
  *out = v;
  return SENBID_OK;
}

/* Member wrappers: look the member up, push its key, read, pop. */
#define MEMBER_READER(name, type, call)                                       \
  int name(sb_jr *r, const cJSON *obj, const char *key, bool required,        \
           type *out, bool *present) {                                        \
    const cJSON *v = NULL;                                                    \
    if (present) *present = false;                                            \
    SB_TRY(sb_jr_member(r, obj, key, required, &v));                          \
    if (!v) return SENBID_OK;                                                 \
    sb_path_key(&r->path, key);                                               \
    int rc = call(r, v, out);                                                 \
    sb_path_pop(&r->path);                                                    \
    if (rc == SENBID_OK && present) *present = true;                          \
    return rc;                                                                \
  }

MEMBER_READER(sb_jr_number, double, sb_jr_v_number)
MEMBER_READER(sb_jr_nonneg_number, double, sb_jr_v_nonneg_number)
MEMBER_READER(sb_jr_int, int64_t, sb_jr_v_int)
MEMBER_READER(sb_jr_count, int64_t, sb_jr_v_count)
MEMBER_READER(sb_jr_bool, bool, sb_jr_v_bool)
MEMBER_READER(sb_jr_date, sb_day, sb_jr_v_date)
MEMBER_READER(sb_jr_time, int32_t, sb_jr_v_time)
MEMBER_READER(sb_jr_weekday, int, sb_jr_v_weekday)
MEMBER_READER(sb_jr_range, sb_range, sb_jr_v_range)

static int member_check(sb_jr *r, const cJSON *obj, const char *key,
                        bool required, const cJSON **out,
                        int (*check)(sb_jr *, const cJSON *)) {
  const cJSON *v = NULL;
  SB_TRY(sb_jr_member(r, obj, key, required, &v));
  if (!v) return SENBID_OK;
  sb_path_key(&r->path, key);
  int rc = check(r, v);
  sb_path_pop(&r->path);
  if (rc == SENBID_OK) *out = v;
  return rc;
}

int sb_jr_object(sb_jr *r, const cJSON *obj, const char *key, bool required,
                 const cJSON **out) {
  return member_check(r, obj, key, required, out, sb_jr_v_object);
}

int sb_jr_array(sb_jr *r, const cJSON *obj, const char *key, bool required,
                const cJSON **out) {
  return member_check(r, obj, key, required, out, sb_jr_v_array);
}

static int string_member(sb_jr *r, const cJSON *obj, const char *key,
                         bool required, const char **out, bool nonempty,
                         bool copy) {
  const cJSON *v = NULL;
  SB_TRY(sb_jr_member(r, obj, key, required, &v));
  if (!v) return SENBID_OK;
  sb_path_key(&r->path, key);
  int rc = nonempty ? v_nonempty_string(r, v, out, copy) : v_string(r, v, out, copy);
  sb_path_pop(&r->path);
  return rc;
}

int sb_jr_string(sb_jr *r, const cJSON *obj, const char *key, bool required,
                 const char **out) {
  return string_member(r, obj, key, required, out, false, true);
}

int sb_jr_nonempty_string(sb_jr *r, const cJSON *obj, const char *key,
                          bool required, const char **out) {
  return string_member(r, obj, key, required, out, true, true);
}

int sb_jr_string_ref(sb_jr *r, const cJSON *obj, const char *key,
                     bool required, const char **out) {
  return string_member(r, obj, key, required, out, false, false);
}

int sb_jr_nonempty_string_ref(sb_jr *r, const cJSON *obj, const char *key,
                              bool required, const char **out) {
  return string_member(r, obj, key, required, out, true, false);
}

int sb_jr_employee(sb_jr *r, const senbid_problem *p, const cJSON *obj,
                   const char *key, bool required, uint32_t *out,
                   bool *present) {
  const cJSON *v = NULL;
  if (present) *present = false;
  SB_TRY(sb_jr_member(r, obj, key, required, &v));
  if (!v) return SENBID_OK;
  sb_path_key(&r->path, key);
  int rc = sb_jr_v_employee(r, p, v, out);
  sb_path_pop(&r->path);
  if (rc == SENBID_OK && present) *present = true;
  return rc;
}
