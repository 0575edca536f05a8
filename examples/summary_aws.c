/* A readable summary of an alternative-work-schedule result (SPEC section
 * 4), for `senbid demo`: each employee's schedule in seniority order, the
 * options that were not approved and why (ICE 2019 Art. 15 Sec. 10.C.3:
 * "the reason for disapproval will be explained in writing"), regular days
 * off per weekday against max_off, and the schedule types. */
#include "summary.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* "Rivera, Elena" or the id, whole (NULL when out of memory); free() it. */
static char *name_of(const cJSON *problem, const char *id) {
  const cJSON *e = summary_employee(problem, id);
  const cJSON *n = e ? cJSON_GetObjectItemCaseSensitive(e, "name") : NULL;
  if (n && *summary_str(n, "last")) return summary_fmt("%s, %s", summary_str(n, "last"), summary_str(n, "first"));
  return summary_fmt("%s", id);
}

static const char *const days[] = {"sun", "mon", "tue", "wed",
                                   "thu", "fri", "sat"};

static int day_index(const char *s) {
  for (int i = 0; i < 7; i++)
    if (strcmp(s, days[i]) == 0) return i;
  return -1;
}

void summary_aws(FILE *out, const cJSON *problem, const cJSON *result) {
  const cJSON *scheds = cJSON_GetObjectItemCaseSensitive(result, "schedules");
  const cJSON *invalid = cJSON_GetObjectItemCaseSensitive(result, "invalid");
  const cJSON *edp = cJSON_GetObjectItemCaseSensitive(problem, "edp");
  const cJSON *office = cJSON_GetObjectItemCaseSensitive(problem, "office");

  fprintf(out, "EDP %s to %s; new schedules take effect %s (Sec. 10.C.3)\n",
          summary_str(edp, "start"), summary_str(edp, "end"),
          summary_str(result, "effective"));

  const cJSON *inf = cJSON_GetObjectItemCaseSensitive(result, "infeasible");
  if (cJSON_GetArraySize(inf) > 0) {
    const cJSON *x;
    cJSON_ArrayForEach(x, inf) {
      const cJSON *mn = cJSON_GetObjectItemCaseSensitive(x, "min");
      const cJSON *mp = cJSON_GetObjectItemCaseSensitive(x, "max_possible");
      fprintf(out, "infeasible: at least %d %s needed, at most %d possible\n",
              mn ? mn->valueint : 0, summary_str(x, "type"),
              mp ? mp->valueint : 0);
    }
    return;
  }

  fprintf(out, "\nSchedules, most senior first:\n");
  int types[8] = {0}, off[2][7] = {{0}}, n = 0;
  const char *const tnames[] = {"VWS", "MAXIFLEX", "CWS_4_10", "CWS_5_4_9",
                                "CWS_4_9_4"};
  const cJSON *s;
  cJSON_ArrayForEach(s, scheds) {
    const char *id = summary_str(s, "employee");
    const char *type = summary_str(s, "type");
    const char *reason = summary_str(s, "reason");
    char *name = name_of(problem, id);
    for (int t = 0; t < 5; t++)
      if (strcmp(type, tnames[t]) == 0) types[t]++;
    char hours[32] = "";
    if (*summary_str(s, "arrive"))
      snprintf(hours, sizeof hours, "%s-%s", summary_str(s, "arrive"),
               summary_str(s, "depart"));
    char opt[16] = "";
    const cJSON *o = cJSON_GetObjectItemCaseSensitive(s, "option");
    if (cJSON_IsNumber(o)) snprintf(opt, sizeof opt, "#%d", o->valueint);
    char *line = summary_fmt("%3d. %-18s %-10s %-4s %-13s %-11s", ++n, name ? name : id, type, opt, reason, hours);
    free(name);
    size_t len = line ? strlen(line) : 0;
    while (len > 0 && line[len - 1] == ' ') line[--len] = '\0';
    if (line) fputs(line, out);
    free(line);
    const cJSON *d;
    bool first = true;
    cJSON_ArrayForEach(d, cJSON_GetObjectItemCaseSensitive(s, "days_off")) {
      const cJSON *wk = cJSON_GetObjectItemCaseSensitive(d, "week");
      int w = wk ? wk->valueint : 1;
      int wd = day_index(summary_str(d, "day"));
      if (wd >= 0 && w >= 1 && w <= 2 && strcmp(reason, "APPROVED") == 0)
        off[w - 1][wd]++;
      fprintf(out, "%s%s w%d", first ? "  off " : ", ", summary_str(d, "day"),
              w);
      first = false;
    }
    first = true;
    cJSON_ArrayForEach(d, cJSON_GetObjectItemCaseSensitive(s, "telework")) {
      fprintf(out, "%s%s", first ? "; telework " : ",",
              cJSON_IsString(d) ? d->valuestring : "");
      first = false;
    }
    fprintf(out, "\n");
    cJSON_ArrayForEach(d, cJSON_GetObjectItemCaseSensitive(s, "in_lieu")) {
      fprintf(out, "       holiday %s falls on the day off: in lieu %s "
                   "(Sec. 13.B.2)\n",
              summary_str(d, "holiday"), summary_str(d, "date"));
    }
  }

  if (cJSON_GetArraySize(invalid) > 0) {
    fprintf(out, "\nOptions not approved (Sec. 10.C.3, reasons in writing):\n");
    const cJSON *x;
    cJSON_ArrayForEach(x, invalid) {
      const cJSON *o = cJSON_GetObjectItemCaseSensitive(x, "option");
      char *name = name_of(problem, summary_str(x, "employee"));
      fprintf(out, "  %-18s #%d %-17s %s\n", name ? name : summary_str(x, "employee"), o ? o->valueint : 0,
              summary_str(x, "reason"), summary_str(x, "message"));
      free(name);
    }
  }

  const cJSON *mo = cJSON_GetObjectItemCaseSensitive(office, "max_off");
  fprintf(out, "\nRegular days off approved (week 1 / week 2, max):");
  for (int wd = 1; wd <= 5; wd++) {
    const cJSON *m = cJSON_GetObjectItemCaseSensitive(mo, days[wd]);
    char lim[16] = "-";
    if (cJSON_IsNumber(m)) snprintf(lim, sizeof lim, "%d", m->valueint);
    fprintf(out, "  %s %d/%d (%s)", days[wd], off[0][wd], off[1][wd], lim);
  }
  fprintf(out, "\nSchedule types:");
  for (int t = 0; t < 5; t++) fprintf(out, "  %s %d", tnames[t], types[t]);
  fprintf(out, "\n");
}
