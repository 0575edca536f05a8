/* A readable summary of a shift-bid result (SPEC section 3; NBPC 2019
 * Appendix II), for `senbid demo`: each shift's roster against its
 * minimums, how each agent got there, who was left out, and who the Shift
 * Preference Plan will protect at the next bid. */
#include "summary.h"

#include <stdio.h>
#include <string.h>

static const cJSON *item(const cJSON *obj, const char *key) {
  return cJSON_GetObjectItemCaseSensitive(obj, key);
}

static void agent(FILE *out, const cJSON *problem, const char *id) {
  const cJSON *e = summary_employee(problem, id);
  const cJSON *n = item(e, "name");
  char buf[64];
  snprintf(buf, sizeof buf, "%s, %s", summary_str(n, "last"), summary_str(n, "first"));
  fprintf(out, "    %-5s %-20.20s %-6.6s", id, buf, summary_str(e, "grade"));
}

static const char *ordinal(int r) {
  static const char *const names[] = {"", "1st", "2nd", "3rd", "4th", "5th"};
  return r >= 1 && r <= 5 ? names[r] : "later";
}

static void how(FILE *out, const cJSON *a) {
  const char *reason = summary_str(a, "reason");
  int r = summary_int(a, "rank", 0);
  if (!strcmp(reason, "SPP_GUARANTEE"))
    fprintf(out, "Shift Preference Plan: 1st choice guaranteed");
  else if (!strcmp(reason, "SENIORITY"))
    fprintf(out, "seniority, %s choice", ordinal(r));
  else if (!strcmp(reason, "BUMPED"))
    fprintf(out, "bumped here, %s choice", ordinal(r));
  else if (!strcmp(reason, "MANAGEMENT_PLACEMENT"))
    fprintf(out, "management placement");
  else if (!strcmp(reason, "AGENCY_PLACEMENT")) {
    const char *c = summary_str(a, "cause");
    const char *why = !strcmp(c, "INELIGIBLE_SERIES_TIME") ? "under 2 years in series"
                      : !strcmp(c, "NO_BID")               ? "no bid sheet"
                      : !strcmp(c, "NO_PREFERENCE")        ? "no preference"
                      : !strcmp(c, "PREFS_FULL")           ? "every choice full"
                      : !strcmp(c, "BUMPED")               ? "bumped"
                                                           : c;
    fprintf(out, "placed by the agency (%s)", why);
  } else {
    fprintf(out, "%s", reason);
  }
}

static int count_on(const cJSON *result, const char *shift) {
  int n = 0;
  const cJSON *a;
  cJSON_ArrayForEach(a, item(result, "assignments")) {
    if (!strcmp(summary_str(a, "shift"), shift)) n++;
  }
  return n;
}

void summary_shiftbid(FILE *out, const cJSON *problem, const cJSON *result) {
  const cJSON *rot = item(problem, "rotation");
  fprintf(out, "Shift bid for the rotation %s to %s, method %s.\n",
          summary_str(rot, "start"), summary_str(rot, "end"),
          summary_str(result, "method"));
  const cJSON *sh;
  cJSON_ArrayForEach(sh, item(problem, "shifts")) {
    const char *id = summary_str(sh, "id");
    fprintf(out, "\n%s", id);
    if (*summary_str(sh, "start"))
      fprintf(out, " %s-%s", summary_str(sh, "start"), summary_str(sh, "end"));
    fprintf(out, ": %d agents", count_on(result, id));
    const cJSON *mn = item(sh, "min"), *mx = item(sh, "max");
    if (cJSON_IsNumber(mn)) fprintf(out, ", min %d", mn->valueint);
    if (cJSON_IsNumber(mx)) fprintf(out, ", max %d", mx->valueint);
    const cJSON *g;
    cJSON_ArrayForEach(g, item(sh, "grades")) {
      const cJSON *gm = item(g, "min"), *gx = item(g, "max");
      fprintf(out, "; %s", g->string ? g->string : "");
      if (cJSON_IsNumber(gm)) fprintf(out, " min %d", gm->valueint);
      if (cJSON_IsNumber(gx)) fprintf(out, " max %d", gx->valueint);
    }
    fprintf(out, "\n");
    const cJSON *a;
    cJSON_ArrayForEach(a, item(result, "assignments")) {
      if (strcmp(summary_str(a, "shift"), id)) continue;
      agent(out, problem, summary_str(a, "employee"));
      how(out, a);
      const cJSON *e = summary_employee(problem, summary_str(a, "employee"));
      if (cJSON_IsString(item(e, "return_date")))
        fprintf(out, "; returns from %s on %s", summary_str(e, "status"),
                summary_str(e, "return_date"));
      fprintf(out, "\n");
    }
  }
  const cJSON *x;
  if (cJSON_GetArraySize(item(result, "excluded"))) {
    fprintf(out, "\nNot in this bid (Appendix II III.C, VI.A, VII.A):\n");
    cJSON_ArrayForEach(x, item(result, "excluded")) {
      agent(out, problem, summary_str(x, "employee"));
      fprintf(out, "%s\n", summary_str(x, "reason"));
    }
  }
  if (cJSON_GetArraySize(item(result, "unplaced"))) {
    fprintf(out, "\nNo shift had room for:\n");
    cJSON_ArrayForEach(x, item(result, "unplaced")) {
      agent(out, problem, summary_str(x, "employee"));
      fprintf(out, "%s\n", summary_str(x, "cause"));
    }
  }
  if (cJSON_GetArraySize(item(result, "bumps"))) {
    fprintf(out, "\nBumps (Appendix II V.A.3):\n");
    cJSON_ArrayForEach(x, item(result, "bumps")) {
      const cJSON *to = item(x, "to");
      fprintf(out, "    %s from %s to %s\n", summary_str(x, "employee"),
              summary_str(x, "from"), cJSON_IsString(to) ? to->valuestring : "nowhere");
    }
  }
  fprintf(out, "\nStaffing minimums: ");
  if (!cJSON_GetArraySize(item(result, "unmet"))) {
    fprintf(out, "all met.\n");
  } else {
    fprintf(out, "short\n");
    cJSON_ArrayForEach(x, item(result, "unmet")) {
      const cJSON *g = item(x, "grade");
      fprintf(out, "    %s%s%s short by %d\n", summary_str(x, "shift"),
              cJSON_IsString(g) ? " " : "", cJSON_IsString(g) ? g->valuestring : "",
              summary_int(x, "deficit", 0));
    }
    if (!strcmp(summary_str(result, "method"), "round_robin"))
      fprintf(out, "    (--method lexicographic keeps every reachable minimum)\n");
  }
  cJSON_ArrayForEach(x, item(result, "warnings")) {
    fprintf(out, "Warning %s: %s\n", summary_str(x, "code"), summary_str(x, "message"));
  }
  /* V.A.1-2: who is owed a first choice at the next bid. */
  const cJSON *rules = item(problem, "rules");
  int spp = summary_int(rules, "spp_denials", 2);
  int first = 1;
  cJSON_ArrayForEach(x, item(item(result, "history"), "denials")) {
    if (!cJSON_IsNumber(x) || x->valueint < spp) continue;
    fprintf(out, "%s%s (%d)", first ? "\nNext bid, Shift Preference Plan owed to: " : ", ",
            x->string ? x->string : "", x->valueint);
    first = 0;
  }
  if (!first) fprintf(out, "\n");
}
