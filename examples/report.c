/* senbid report: the readable summary of any result (a solve of any kind
 * and method, or a check), with the ties and every code in plain words. */
#include <string.h>

#include "cli.h"
#include "summary.h"

/* Every code a result uses (members "reason", "cause" and "code"), once
 * each, in order of first appearance. */
typedef struct codes {
  const char *v[256];
  int n;
} codes;

static void collect(const cJSON *node, codes *c) {
  const cJSON *x;
  cJSON_ArrayForEach(x, node) {
    if (cJSON_IsString(x) && x->string &&
        (!strcmp(x->string, "reason") || !strcmp(x->string, "cause") || !strcmp(x->string, "code"))) {
      int k = 0;
      while (k < c->n && strcmp(c->v[k], x->valuestring) != 0) k++;
      if (k == c->n && c->n < 256) c->v[c->n++] = x->valuestring;
    } else if (cJSON_IsArray(x) || cJSON_IsObject(x)) {
      /* The ledger and history carry no decisions of this run. */
      if (x->string && (!strcmp(x->string, "ledger") || !strcmp(x->string, "history"))) continue;
      collect(x, c);
    }
  }
}

static void print_ties(FILE *out, const cJSON *result) {
  const cJSON *t;
  cJSON_ArrayForEach(t, cJSON_GetObjectItemCaseSensitive(result, "ties")) {
    fprintf(out, "tie:");
    const cJSON *e;
    cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(t, "employees")) {
      if (cJSON_IsString(e)) fprintf(out, " %s", e->valuestring);
    }
    const char *by = summary_str(t, "broken_by");
    fprintf(out, " (in this order, broken by %s", by);
    const cJSON *seed = cJSON_GetObjectItemCaseSensitive(t, "seed");
    if (cJSON_IsNumber(seed)) fprintf(out, ", seed %.0f", seed->valuedouble);
    fprintf(out, ")\n");
  }
}

static void print_departures(FILE *out, const char *kind, const cJSON *result) {
  const cJSON *deps = cJSON_GetObjectItemCaseSensitive(result, "departures");
  fprintf(out, "Check of a posted %s result: %d departure(s) from the rules\n", kind[0] ? kind : "",
          cJSON_GetArraySize(deps));
  const cJSON *d;
  cJSON_ArrayForEach(d, deps) {
    fprintf(out, "  %-22s %-8s %s [%s]\n", summary_str(d, "code"), summary_str(d, "employee"),
            summary_str(d, "detail"), summary_str(d, "rule"));
  }
}

void report_print(FILE *out, const cJSON *problem, const cJSON *result) {
  const char *kind = summary_str(result, "kind");
  if (!kind[0]) kind = summary_str(problem, "kind");
  if (cJSON_IsArray(cJSON_GetObjectItemCaseSensitive(result, "departures")) &&
      !cJSON_GetObjectItemCaseSensitive(result, "seniority")) {
    print_departures(out, kind, result);
  } else {
    summary_print(out, problem, result);
    print_ties(out, result);
  }
  summary_release(); /* the next report may read another problem at the same address */
  codes c = {.n = 0};
  collect(result, &c);
  if (!c.n) return;
  fprintf(out, "\nWhat the codes mean:\n");
  for (int i = 0; i < c.n; i++) {
    const char *clause;
    const char *words = cli_describe(kind, c.v[i], &clause);
    if (words == c.v[i]) fprintf(out, "  %s\n", c.v[i]); /* not in the registry */
    else fprintf(out, "  %-22s %s%s%s%s\n", c.v[i], words, clause[0] ? " (" : "", clause, clause[0] ? ")" : "");
  }
}
