/* Readable summaries of result documents, for `senbid demo`. Each kind's
 * summary lives in summary_<kind>.c. */
#ifndef SENBID_EXAMPLES_SUMMARY_H
#define SENBID_EXAMPLES_SUMMARY_H

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
int summary_count(const cJSON *obj, const char *key);

#endif
