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

static void path_append(sb_path *p, const char *s, size_t n) {
  if (p->len + n >= sizeof p->buf) n = sizeof p->buf - 1 - p->len;
  memcpy(p->buf + p->len, s, n);
  p->len += n;
  p->buf[p->len] = '\0';
}

static bool plain_key(const char *k) {
  if (!*k) return false;
  for (const char *c = k; *c; c++) {
    bool ok = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
              *c == '_' || (c != k && *c >= '0' && *c <= '9');
    if (!ok) return false;
  }
  return true;
}

void sb_path_key(sb_path *p, const char *key) {
  path_push(p);
  if (p->overflow) return;
  if (plain_key(key)) {
    path_append(p, ".", 1);
    path_append(p, key, strlen(key));
  } else {
    /* Keys that are not identifiers (group names, ids) in bracket form. */
    path_append(p, "[\"", 2);
    for (const char *c = key; *c; c++) {
      if (*c == '"' || *c == '\\') path_append(p, "\\", 1);
      path_append(p, c, 1);
    }
    path_append(p, "\"]", 2);
  }
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
  path_append(p, tmp + n, sizeof tmp - (size_t)n);
}

void sb_path_pop(sb_path *p) {
  if (p->overflow) {
    p->overflow--;
    return;
  }
  if (p->depth == 0) return;
  p->len = p->stack[--p->depth];
  p->buf[p->len] = '\0';
}

/* ---------------------------------------------------------------- failing */

int sb_jr_fail(sb_jr *r, int code, const char *key, const char *fmt, ...) {
  if (key) sb_path_key(&r->path, key);
  if (r->err) {
    r->err->code = code;
    snprintf(r->err->path, sizeof r->err->path, "%s", r->path.buf);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->err->msg, sizeof r->err->msg, fmt, ap);
    va_end(ap);
  }
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

/* 1e999 parses as infinity; JSON has no such number (SPEC 9: JSON). */
int sb_json_check_finite(sb_jr *r, const cJSON *v) {
  /* The parser already knows there is nothing to find. */
  if (v->type & SB_JSON_FINITE) return SENBID_OK;
  if (cJSON_IsNumber(v) && !isfinite(v->valuedouble))
    return sb_jr_fail(r, SENBID_E_JSON, NULL, "the number is out of range");
  if (cJSON_IsArray(v)) {
    size_t i = 0;
    for (const cJSON *item = v->child; item; item = item->next, i++) {
      sb_path_index(&r->path, i);
      int rc = sb_json_check_finite(r, item);
      sb_path_pop(&r->path);
      if (rc < 0) return rc;
    }
  } else if (cJSON_IsObject(v)) {
    for (const cJSON *m = v->child; m; m = m->next) {
      sb_path_key(&r->path, m->string ? m->string : "");
      int rc = sb_json_check_finite(r, m);
      sb_path_pop(&r->path);
      if (rc < 0) return rc;
    }
  }
  return SENBID_OK;
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

int sb_jr_v_string(sb_jr *r, const cJSON *v, const char **out) {
  if (!cJSON_IsString(v) || !v->valuestring)
    return sb_jr_fail(r, SENBID_E_TYPE, NULL, "expected a string, got %s",
                      type_name(v));
  const char *s = sb_arena_strdup(r->arena, v->valuestring);
  if (!s) return sb_err_nomem(r->err);
  *out = s;
  return SENBID_OK;
}

int sb_jr_v_nonempty_string(sb_jr *r, const cJSON *v, const char **out) {
  SB_TRY(sb_jr_v_string(r, v, out));
  if (!**out)
    return sb_jr_fail(r, SENBID_E_VALUE, NULL, "must not be an empty string");
  return SENBID_OK;
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
                      "\"%.40s\" is not a valid date (YYYY-MM-DD)",
                      v->valuestring);
  return SENBID_OK;
}

int sb_jr_v_time(sb_jr *r, const cJSON *v, int32_t *out) {
  if (!cJSON_IsString(v))
    return sb_jr_fail(r, SENBID_E_TYPE, NULL,
                      "expected a time string \"HH:MM\", got %s", type_name(v));
  if (!sb_time_parse(v->valuestring, out))
    return sb_jr_fail(r, SENBID_E_TIME, NULL,
                      "\"%.40s\" is not a valid time (HH:MM, 00:00-23:59)",
                      v->valuestring);
  return SENBID_OK;
}

int sb_jr_v_weekday(sb_jr *r, const cJSON *v, int *out) {
  if (!cJSON_IsString(v))
    return sb_jr_fail(r, SENBID_E_TYPE, NULL,
                      "expected a weekday string, got %s", type_name(v));
  int wd = sb_weekday_parse(v->valuestring);
  if (wd < 0)
    return sb_jr_fail(r, SENBID_E_VALUE, NULL,
                      "\"%.40s\" is not a weekday (sun, mon, tue, wed, thu, "
                      "fri, sat)",
                      v->valuestring);
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
  int64_t i = sb_problem_find(p, v->valuestring);
  if (i < 0)
    return sb_jr_fail(r, SENBID_E_UNKNOWN_ID, NULL,
                      "no employee has the id \"%.60s\"", v->valuestring);
  *out = (uint32_t)i;
  return SENBID_OK;
}

/* ----------------------------------------------------------- member level */

int sb_jr_member(sb_jr *r, const cJSON *obj, const char *key, bool required,
                 const cJSON **out) {
  const cJSON *v = sb_json_get(obj, key);
  if (!v) {
    if (required)
      return sb_jr_fail(r, SENBID_E_MISSING, key, "the member \"%s\" is required",
                        key);
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
                         bool required, const char **out, bool nonempty) {
  const cJSON *v = NULL;
  SB_TRY(sb_jr_member(r, obj, key, required, &v));
  if (!v) return SENBID_OK;
  sb_path_key(&r->path, key);
  int rc = nonempty ? sb_jr_v_nonempty_string(r, v, out)
                    : sb_jr_v_string(r, v, out);
  sb_path_pop(&r->path);
  return rc;
}

int sb_jr_string(sb_jr *r, const cJSON *obj, const char *key, bool required,
                 const char **out) {
  return string_member(r, obj, key, required, out, false);
}

int sb_jr_nonempty_string(sb_jr *r, const cJSON *obj, const char *key,
                          bool required, const char **out) {
  return string_member(r, obj, key, required, out, true);
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
