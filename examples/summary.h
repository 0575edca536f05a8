/* Readable summaries of result documents, for `senbid demo`. Each kind's
 * summary lives in summary_<kind>.c. */
#ifndef SENBID_EXAMPLES_SUMMARY_H
#define SENBID_EXAMPLES_SUMMARY_H

#include <stddef.h>
#include <stdio.h>

#include <cjson/cJSON.h>

/* Prints a summary of `result` (solved from `problem`) to out. */
void summary_print(FILE *out, const cJSON *problem, const cJSON *result);

void summary_leave(FILE *out, const cJSON *problem, const cJSON *result);
void summary_shiftbid(FILE *out, const cJSON *problem, const cJSON *result);
void summary_aws(FILE *out, const cJSON *problem, const cJSON *result);
void summary_assign(FILE *out, const cJSON *problem, const cJSON *result);

/* Shared helpers. */
const char *summary_str(const cJSON *obj, const char *key);
/* A new string formatted whole (text the input sizes is never cut), or
 * NULL when out of memory; free() it. */
char *summary_fmt(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int summary_count(const cJSON *obj, const char *key);
/* A number member, saturated to the type (a posted result may hold any
 * number), or dflt when it is not a number. */
int summary_int(const cJSON *obj, const char *key, int dflt);
long summary_long(const cJSON *obj, const char *key, long dflt);
/* "MM-DD" of a "YYYY-MM-DD" date; any other text as it is. */
const char *summary_mmdd(const char *date);
/* Days since 1970-01-01 of "YYYY-MM-DD" (0 when not a date), and back. */
long summary_day_of(const char *s);
void summary_date_of(long day, char out[32]);
/* cap(g, d) of SPEC section 2 from a leave problem; -1 is unlimited. */
long summary_cap_of(const cJSON *problem, const char *group, long day);

/* senbid_explain() of a result (a leave result's contested decisions and
 * the factor that ordered each): the library answers, the driver only
 * prints. NULL when the library cannot explain it (another kind, a check
 * result, a posting it rejects). cJSON_Delete the answer. */
cJSON *summary_explain(const cJSON *problem, const cJSON *result);
/* The texts the documents were read from, for summary_explain (a number
 * such as a lottery seed above 2^53 does not survive cJSON); borrowed
 * until summary_release(). Without them the trees are printed again. */
void summary_sources(const char *problem, size_t plen, const char *result, size_t rlen);

/* The employee of a problem with this id, or NULL; an index built once per
 * problem. summary_release() frees it. */
const cJSON *summary_employee(const cJSON *problem, const char *id);
void summary_release(void);

/* The items of an array grouped by a string member, in their order:
 *   size_t pos = 0; while ((x = summary_group_next(g, key, &pos))) ... */
typedef struct summary_by {
  struct by_entry *v;
  size_t n;
} summary_by;
summary_by *summary_group(const cJSON *array, const char *member);
const cJSON *summary_group_next(const summary_by *g, const char *key, size_t *pos);
void summary_group_free(summary_by *g);

#endif
