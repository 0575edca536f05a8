/* Readable summary of an assignment result (SPEC section 5): each
 * announcement with who was selected and why, who was passed over and by
 * which clause, then the ledger the next announcement starts from. */
#include "summary.h"

#include <string.h>

/* "Last, First" of an employee id in the problem, else the id. */
static void put_name(FILE *out, const cJSON *problem, const char *id) {
  const cJSON *e = summary_employee(problem, id);
  const cJSON *n = cJSON_GetObjectItemCaseSensitive(e, "name");
  const char *last = summary_str(n, "last"), *first = summary_str(n, "first");
  if (*last) {
    fprintf(out, "%-5s %s%s%s", id, last, *first ? ", " : "", first);
    return;
  }
  fprintf(out, "%s", id);
}

/* The audit rule of the entry for (employee, "OPP: REASON"). */
static const char *rule_of(const cJSON *result, const char *event, const char *emp,
                           const char *opp, const char *reason) {
  size_t lo = strlen(opp);
  const cJSON *a;
  cJSON_ArrayForEach(a, cJSON_GetObjectItemCaseSensitive(result, "audit")) {
    const char *d = summary_str(a, "detail"); /* "OPP: REASON", however long OPP is */
    if (!strcmp(summary_str(a, "event"), event) && !strcmp(summary_str(a, "employee"), emp) &&
        !strncmp(d, opp, lo) && d[lo] == ':' && d[lo + 1] == ' ' && !strcmp(d + lo + 2, reason))
      return summary_str(a, "rule");
  }
  return "";
}

static void list_people(FILE *out, const cJSON *problem, const cJSON *arr) {
  const cJSON *x;
  int n = 0;
  cJSON_ArrayForEach(x, arr) {
    fprintf(out, "%s%s", n++ ? ", " : "", cJSON_IsString(x) ? x->valuestring : "?");
  }
  (void)problem;
  if (!n) fprintf(out, "(empty)");
}

void summary_assign(FILE *out, const cJSON *problem, const cJSON *result) {
  const char *rules = summary_str(problem, "rules");
  fprintf(out, "rules %s; %d announcement(s), %d selection(s)\n\n", *rules ? rules : "nbpc-2019",
          summary_count(problem, "opportunities"), summary_count(result, "selections"));
  const cJSON *o;
  cJSON_ArrayForEach(o, cJSON_GetObjectItemCaseSensitive(problem, "opportunities")) {
    const char *id = summary_str(o, "id");
    const cJSON *slots = cJSON_GetObjectItemCaseSensitive(o, "slots");
    const cJSON *hours = cJSON_GetObjectItemCaseSensitive(o, "hours");
    fprintf(out, "%s  [%s]  %s", id, summary_str(o, "type"), summary_str(o, "start"));
    if (strcmp(summary_str(o, "start"), summary_str(o, "end")) != 0)
      fprintf(out, " .. %s", summary_str(o, "end"));
    fprintf(out, "  %d slot(s)", cJSON_IsNumber(slots) ? slots->valueint : 0);
    if (cJSON_IsNumber(hours) && hours->valuedouble > 0)
      fprintf(out, " x %g h", hours->valuedouble);
    if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(o, "special_skills")))
      fprintf(out, ", special skills");
    if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(o, "must_fill")))
      fprintf(out, ", must be filled");
    fprintf(out, "\n");
    const cJSON *s;
    cJSON_ArrayForEach(s, cJSON_GetObjectItemCaseSensitive(result, "selections")) {
      if (strcmp(summary_str(s, "opportunity"), id) != 0) continue;
      const char *emp = summary_str(s, "employee"), *why = summary_str(s, "reason");
      fprintf(out, "    selected  ");
      put_name(out, problem, emp);
      fprintf(out, "  -- %s (%s)\n", why, rule_of(result, "select", emp, id, why));
    }
    cJSON_ArrayForEach(s, cJSON_GetObjectItemCaseSensitive(result, "skipped")) {
      if (strcmp(summary_str(s, "opportunity"), id) != 0) continue;
      const char *emp = summary_str(s, "employee"), *why = summary_str(s, "reason");
      fprintf(out, "    passed    ");
      put_name(out, problem, emp);
      fprintf(out, "  -- %s (%s)\n", why, rule_of(result, "skip", emp, id, why));
    }
    cJSON_ArrayForEach(s, cJSON_GetObjectItemCaseSensitive(result, "unfilled")) {
      const cJSON *n = cJSON_GetObjectItemCaseSensitive(s, "slots");
      if (!strcmp(summary_str(s, "opportunity"), id))
        fprintf(out, "    UNFILLED  %d slot(s)\n", cJSON_IsNumber(n) ? n->valueint : 0);
    }
  }

  const cJSON *led = cJSON_GetObjectItemCaseSensitive(result, "ledger");
  fprintf(out, "\nledger for the next announcement\n");
  fprintf(out, "  history entries: %d\n", summary_count(led, "history"));
  const cJSON *c;
  cJSON_ArrayForEach(c, cJSON_GetObjectItemCaseSensitive(led, "served_cycle")) {
    fprintf(out, "  served cycle %-14s ", c->string ? c->string : "");
    list_people(out, problem, c);
    fprintf(out, "\n");
  }
  fprintf(out, "  mandate cycle                ");
  list_people(out, problem, cJSON_GetObjectItemCaseSensitive(led, "mandate_cycle"));
  fprintf(out, "\n  overtime hours               ");
  int n = 0;
  cJSON_ArrayForEach(c, cJSON_GetObjectItemCaseSensitive(led, "overtime_hours")) {
    fprintf(out, "%s%s %g", n++ ? ", " : "", c->string ? c->string : "", c->valuedouble);
  }
  fprintf(out, "%s\n", n ? "" : "(none)");
  cJSON_ArrayForEach(c, cJSON_GetObjectItemCaseSensitive(led, "training_last")) {
    fprintf(out, "  training rotation %-9s last: %s\n", c->string ? c->string : "",
            cJSON_IsString(c) ? c->valuestring : "?");
  }
}
