#include "summary.h"

#include <string.h>

const char *summary_str(const cJSON *obj, const char *key) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
  return cJSON_IsString(v) ? v->valuestring : "";
}

int summary_count(const cJSON *obj, const char *key) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
  return cJSON_IsArray(v) ? cJSON_GetArraySize(v) : 0;
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
