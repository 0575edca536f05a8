#include "summary.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *summary_str(const cJSON *obj, const char *key) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
  return cJSON_IsString(v) ? v->valuestring : "";
}

int summary_count(const cJSON *obj, const char *key) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
  return cJSON_IsArray(v) ? cJSON_GetArraySize(v) : 0;
}

int summary_int(const cJSON *obj, const char *key, int dflt) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
  return cJSON_IsNumber(v) ? v->valueint : dflt; /* cJSON saturates valueint */
}

long summary_long(const cJSON *obj, const char *key, long dflt) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
  if (!cJSON_IsNumber(v) || v->valuedouble != v->valuedouble) return dflt;
  double d = v->valuedouble;
  return d >= 1e15 ? (long)1e15 : d <= -1e15 ? (long)-1e15 : (long)d;
}

const char *summary_mmdd(const char *date) {
  return strlen(date) == 10 && date[4] == '-' && date[7] == '-' ? date + 5 : date;
}

void summary_print(FILE *out, const cJSON *problem, const cJSON *result) {
  const char *kind = summary_str(result, "kind");
  fprintf(out, "kind %s, method %s, status %s; %d employees ranked\n", kind,
          summary_str(result, "method"), summary_str(result, "status"),
          summary_count(result, "seniority"));
  if (strcmp(kind, "leave") == 0) summary_leave(out, problem, result);
  else if (strcmp(kind, "shift_bid") == 0) summary_shiftbid(out, problem, result);
  else if (strcmp(kind, "aws") == 0) summary_aws(out, problem, result);
  else if (strcmp(kind, "assignment") == 0) summary_assign(out, problem, result);
  const cJSON *w;
  cJSON_ArrayForEach(w, cJSON_GetObjectItemCaseSensitive(result, "warnings")) {
    fprintf(out, "warning %s: %s\n", summary_str(w, "code"), summary_str(w, "message"));
  }
}

/* Days since 1970-01-01 of "YYYY-MM-DD" (proleptic Gregorian); 0 when the
 * text is not a date (the result came from the library, so it is). */
long summary_day_of(const char *s) {
  int y, m, d;
  if (!s || sscanf(s, "%d-%d-%d", &y, &m, &d) != 3) return 0;
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void summary_date_of(long z, char out[32]) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  long d = doy - (153 * mp + 2) / 5 + 1;
  long m = mp + (mp < 10 ? 3 : -9);
  snprintf(out, 32, "%04d-%02d-%02d", (int)(y + (m <= 2)), (int)m, (int)d);
}

/* cap(g, d) of SPEC section 2 from the problem; -1 is unlimited. */
long summary_cap_of(const cJSON *problem, const char *group, long day) {
  const cJSON *cap = cJSON_GetObjectItemCaseSensitive(problem, "capacity");
  long best = -1;
  const cJSON *o;
  cJSON_ArrayForEach(o, cJSON_GetObjectItemCaseSensitive(cap, "overrides")) {
    const cJSON *g = cJSON_GetObjectItemCaseSensitive(o, "group");
    if (cJSON_IsString(g) && strcmp(g->valuestring, group) != 0) continue;
    if (day < summary_day_of(summary_str(o, "start")) || day > summary_day_of(summary_str(o, "end"))) continue;
    long m = summary_long(o, "max", 0);
    if (best < 0 || m < best) best = m;
  }
  if (best >= 0) return best;
  long g = summary_long(cJSON_GetObjectItemCaseSensitive(cap, "groups"), group, -2);
  return g != -2 ? g : summary_long(cap, "default", -1);
}


/* The employee index, built once per problem (the driver reads one problem
 * at a time; the demo reads four in turn). */
typedef struct emp_entry {
  const char *id;
  const cJSON *e;
} emp_entry;

static int cmp_entry(const void *a, const void *b) {
  return strcmp(((const emp_entry *)a)->id, ((const emp_entry *)b)->id);
}

static struct {
  const cJSON *problem;
  emp_entry *v;
  size_t n;
} emp_cache;

const cJSON *summary_employee(const cJSON *problem, const char *id) {
  if (emp_cache.problem != problem) {
    free(emp_cache.v);
    emp_cache.v = NULL;
    emp_cache.n = 0;
    emp_cache.problem = problem;
    const cJSON *list = cJSON_GetObjectItemCaseSensitive(problem, "employees");
    size_t n = (size_t)cJSON_GetArraySize(list);
    emp_cache.v = n ? calloc(n, sizeof *emp_cache.v) : NULL;
    const cJSON *e;
    cJSON_ArrayForEach(e, list) {
      const cJSON *eid = cJSON_GetObjectItemCaseSensitive(e, "id");
      if (emp_cache.v && emp_cache.n < n && cJSON_IsString(eid))
        emp_cache.v[emp_cache.n++] = (emp_entry){eid->valuestring, e};
    }
    if (emp_cache.v) qsort(emp_cache.v, emp_cache.n, sizeof *emp_cache.v, cmp_entry);
  }
  emp_entry key = {id, NULL};
  const emp_entry *x = emp_cache.v ? bsearch(&key, emp_cache.v, emp_cache.n, sizeof key, cmp_entry) : NULL;
  return x ? x->e : NULL;
}

void summary_release(void) {
  summary_sources(NULL, 0, NULL, 0);
  free(emp_cache.v);
  emp_cache.v = NULL;
  emp_cache.n = 0;
  emp_cache.problem = NULL;
}

/* Entries of an array grouped by a string member, keeping their order. */
typedef struct by_entry {
  const char *key;
  size_t seq;
  const cJSON *item;
} by_entry;

static int cmp_by(const void *a, const void *b) {
  const by_entry *x = a, *y = b;
  int c = strcmp(x->key, y->key);
  return c ? c : (x->seq > y->seq) - (x->seq < y->seq);
}

summary_by *summary_group(const cJSON *array, const char *member) {
  summary_by *g = calloc(1, sizeof *g);
  if (!g) return NULL;
  size_t n = (size_t)cJSON_GetArraySize(array);
  g->v = n ? calloc(n, sizeof *g->v) : NULL;
  const cJSON *x;
  cJSON_ArrayForEach(x, array) {
    if (g->v && g->n < n) {
      g->v[g->n] = (by_entry){summary_str(x, member), g->n, x};
      g->n++;
    }
  }
  if (g->v) qsort(g->v, g->n, sizeof *g->v, cmp_by);
  return g;
}

const cJSON *summary_group_next(const summary_by *g, const char *key, size_t *pos) {
  if (!g || !g->v) return NULL;
  if (*pos == 0) { /* the first entry with this key */
    size_t lo = 0, hi = g->n;
    while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      if (strcmp(g->v[mid].key, key) < 0) lo = mid + 1;
      else hi = mid;
    }
    *pos = lo + 1;
  }
  size_t i = *pos - 1;
  if (i >= g->n || strcmp(g->v[i].key, key) != 0) return NULL;
  (*pos)++;
  return g->v[i].item;
}

void summary_group_free(summary_by *g) {
  if (g) free(g->v);
  free(g);
}

char *summary_fmt(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  char *s = n < 0 ? NULL : malloc((size_t)n + 1);
  if (!s) return NULL;
  va_start(ap, fmt);
  vsnprintf(s, (size_t)n + 1, fmt, ap);
  va_end(ap);
  return s;
}
