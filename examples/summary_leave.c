/* A readable summary of a master leave result (SPEC section 2), for
 * `senbid demo`: who got what, who must be asked for another alternate
 * (NBPC 2019 Art. 14 C.3), and daily coverage at its tightest. */
#include "summary.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <senbid/senbid.h>

static const cJSON *find_emp(const cJSON *problem, const char *id) { return summary_employee(problem, id); }

static const char *group_of(const cJSON *emp) {
  const cJSON *g = cJSON_GetObjectItemCaseSensitive(emp, "group");
  return cJSON_IsString(g) ? g->valuestring : "";
}

static void print_name(FILE *out, const cJSON *emp, const char *id) {
  const cJSON *n = cJSON_GetObjectItemCaseSensitive(emp, "name");
  char buf[64];
  snprintf(buf, sizeof buf, "%s, %s", summary_str(n, "last"), summary_str(n, "first"));
  fprintf(out, "  %-6s %-20.20s %-11.11s", id, buf, group_of(emp));
}

static void who_got_what(FILE *out, const cJSON *problem, const cJSON *result) {
  summary_by *grants = summary_group(cJSON_GetObjectItemCaseSensitive(result, "grants"), "employee");
  fprintf(out, "\nGranted, in seniority order (days, charged hours, balance left):\n");
  const cJSON *row;
  cJSON_ArrayForEach(row, cJSON_GetObjectItemCaseSensitive(result, "employees")) {
    const char *id = summary_str(row, "employee");
    print_name(out, find_emp(problem, id), id);
    int n = 0;
    const cJSON *g;
    size_t pos = 0;
    while ((g = summary_group_next(grants, id, &pos))) {
      int opt = summary_int(g, "option", 0);
      fprintf(out, "%s%s %s..%s%s r%d", n++ ? "; " : " ", summary_str(g, "choice"),
              summary_str(g, "start"), summary_mmdd(summary_str(g, "end")),
              opt ? " (alternate)" : "",
              summary_int(g, "round", 0));
    }
    if (!n) fprintf(out, " (nothing)");
    const cJSON *bal = cJSON_GetObjectItemCaseSensitive(row, "balance_left_hours");
    fprintf(out, "  [%g d, %g h", cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(row, "granted_days")),
            cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(row, "charged_hours")));
    if (cJSON_IsNumber(bal)) fprintf(out, ", %g h left", bal->valuedouble);
    fprintf(out, "]\n");
  }
  summary_group_free(grants);
}

static void must_ask(FILE *out, const cJSON *problem, const cJSON *result) {
  const cJSON *notify = cJSON_GetObjectItemCaseSensitive(result, "notify");
  fprintf(out, "\nMust be asked for another alternate (NBPC 2019 Art. 14 C.3): %d\n",
          cJSON_GetArraySize(notify));
  summary_by *denials = summary_group(cJSON_GetObjectItemCaseSensitive(result, "denials"), "employee");
  const cJSON *id;
  cJSON_ArrayForEach(id, notify) {
    if (!cJSON_IsString(id)) continue;
    print_name(out, find_emp(problem, id->valuestring), id->valuestring);
    const cJSON *d;
    int n = 0;
    size_t pos = 0;
    while ((d = summary_group_next(denials, id->valuestring, &pos))) {
      fprintf(out, "%s%s (round %d:", n++ ? "; " : " ", summary_str(d, "choice"),
              summary_int(d, "round", 0));
      const cJSON *o;
      int k = 0;
      cJSON_ArrayForEach(o, cJSON_GetObjectItemCaseSensitive(d, "options")) {
        const cJSON *date = cJSON_GetObjectItemCaseSensitive(o, "date");
        fprintf(out, "%s %s%s%s", k++ ? "," : "", summary_str(o, "reason"),
                cJSON_IsString(date) ? " " : "", cJSON_IsString(date) ? summary_mmdd(date->valuestring) : "");
      }
      if (!k) fprintf(out, " no options");
      fprintf(out, ")");
    }
    fprintf(out, "\n");
  }
  summary_group_free(denials);
}

static struct {
  const char *p, *r;
  size_t pl, rl;
} sources;

void summary_sources(const char *problem, size_t plen, const char *result, size_t rlen) {
  sources.p = problem;
  sources.pl = plen;
  sources.r = result;
  sources.rl = rlen;
}

cJSON *summary_explain(const cJSON *problem, const cJSON *result) {
  if (strcmp(summary_str(result, "kind"), "leave") != 0 || !cJSON_GetObjectItemCaseSensitive(result, "grants"))
    return NULL;
  char *pt = NULL, *rt = NULL;
  const char *ps = sources.p, *rs = sources.r;
  size_t pl = sources.pl, rl = sources.rl;
  if (!ps || !rs) {
    ps = pt = cJSON_PrintUnformatted(problem);
    rs = rt = cJSON_PrintUnformatted(result);
    pl = pt ? strlen(pt) : 0;
    rl = rt ? strlen(rt) : 0;
  }
  senbid_problem *p = NULL;
  senbid_result *r = NULL;
  cJSON *doc = NULL;
  if (ps && rs && senbid_problem_parse(&p, ps, pl, NULL, NULL) == SENBID_OK &&
      senbid_explain(&r, p, rs, rl, NULL) == SENBID_OK)
    doc = cJSON_Parse(senbid_result_json(r, NULL));
  senbid_result_free(r);
  senbid_problem_free(p);
  cJSON_free(pt);
  cJSON_free(rt);
  return doc;
}

/* INS 1995 Art. 14 D / ICE 2019 Art. 18 Sec. 2.E: each contested decision
 * and the conflict factor that ordered it, as the library explains it. */
static void contested(FILE *out, const cJSON *problem, const cJSON *result) {
  cJSON *ex = summary_explain(problem, result);
  const cJSON *list = cJSON_GetObjectItemCaseSensitive(ex, "contested");
  if (cJSON_GetArraySize(list) > 0) {
    fprintf(out, "\nContested decisions settled by a conflict factor before seniority (rules.priority):\n");
    const cJSON *c;
    cJSON_ArrayForEach(c, list) {
      bool alt = strcmp(summary_str(c, "outcome"), "alternate") == 0;
      fprintf(out, "  %s\n    so %s's %s was %s (%s full)\n", summary_str(c, "detail"), summary_str(c, "employee"),
              summary_str(c, "choice"), alt ? "granted an alternate" : "denied", summary_str(c, "date"));
    }
  }
  cJSON_Delete(ex);
}

typedef struct day_row {
  long day, off, cap;
} day_row;

static int cmp_row(const void *a, const void *b) {
  const day_row *x = a, *y = b;
  long rx = x->cap - x->off, ry = y->cap - y->off;
  if (rx != ry) return rx < ry ? -1 : 1;
  if (x->off != y->off) return x->off > y->off ? -1 : 1;
  return (x->day > y->day) - (x->day < y->day);
}

/* Adds one to off[d - start] for each day of [a, b] inside the period. */
static void add_range(long *off, long start, long ndays, long a, long b) {
  for (long d = a < start ? start : a; d <= b && d < start + ndays; d++) off[d - start]++;
}

/* Adds the approved leave and the grants of employees in any of the
 * groups named (one group, or a total's list) to off. */
static void count_off(long *off, long start, long ndays, const cJSON *problem, const cJSON *result,
                      const char *group, const cJSON *groups) {
  const char *lists[2] = {"approved", "grants"};
  for (int k = 0; k < 2; k++) {
    const cJSON *a;
    cJSON_ArrayForEach(a, cJSON_GetObjectItemCaseSensitive(k ? result : problem, lists[k])) {
      const cJSON *emp = find_emp(problem, summary_str(a, "employee"));
      if (!emp) continue;
      bool in = group && strcmp(group_of(emp), group) == 0;
      const cJSON *g;
      cJSON_ArrayForEach(g, groups) {
        in |= cJSON_IsString(g) && strcmp(g->valuestring, group_of(emp)) == 0;
      }
      if (in)
        add_range(off, start, ndays, summary_day_of(summary_str(a, "start")), summary_day_of(summary_str(a, "end")));
    }
  }
}

/* One unit's or total's lines: its full days as ranges, then the busiest
 * days that still have room (off / cap, the cap of the day; cap < 0 is
 * unlimited). */
static void cover_block(FILE *out, const char *label, const long *off, const long *cap, long start, long ndays,
                        day_row *rows) {
  long n = 0, full = 0, blackout = 0;
  for (long i = 0; i < ndays; i++) {
    if (cap[i] == 0) blackout++;
    if (cap[i] < 0 || off[i] == 0) continue; /* unlimited, or nobody off */
    if (off[i] >= cap[i]) full++;
    rows[n].day = start + i;
    rows[n].off = off[i];
    rows[n].cap = cap[i];
    n++;
  }
  fprintf(out, "  %s: full on %ld day(s), blackout on %ld\n", label, full, blackout);
  if (full) {
    fprintf(out, "    no room left:");
    int shown = 0;
    for (long i = 0; i < n; i++) {
      if (rows[i].off < rows[i].cap) continue;
      long j = i;
      while (j + 1 < n && rows[j + 1].day == rows[j].day + 1 && rows[j + 1].off >= rows[j + 1].cap) j++;
      if (shown < 8) {
        char a1[32], b1[32];
        summary_date_of(rows[i].day, a1);
        summary_date_of(rows[j].day, b1);
        if (j > i) fprintf(out, "%s %s..%s", shown ? "," : "", a1, summary_mmdd(b1));
        else fprintf(out, "%s %s", shown ? "," : "", a1);
      }
      shown++;
      i = j;
    }
    if (shown > 8) fprintf(out, " and %d more stretch(es)", shown - 8);
    fprintf(out, "\n");
  }
  qsort(rows, (size_t)n, sizeof *rows, cmp_row);
  long m = 0;
  for (long i = 0; i < n; i++)
    if (rows[i].off < rows[i].cap) rows[m++] = rows[i];
  fprintf(out, "    busiest days with room:");
  for (long i = 0; i < m && i < 5; i++) {
    char d[32];
    summary_date_of(rows[i].day, d);
    fprintf(out, "%s %s %ld/%ld", i ? "," : "", d, rows[i].off, rows[i].cap);
  }
  if (!m) fprintf(out, " none");
  fprintf(out, "\n");
}

static void coverage(FILE *out, const cJSON *problem, const cJSON *result) {
  const cJSON *period = cJSON_GetObjectItemCaseSensitive(problem, "period");
  long start = summary_day_of(summary_str(period, "start"));
  long ndays = summary_day_of(summary_str(period, "end")) - start + 1;
  if (ndays <= 0 || ndays > 4000) return;
  fprintf(out, "\nDaily coverage at its tightest (employees off / cap, approved leave included):\n");
  /* The groups, in roster order. */
  const char *groups[64];
  int ng = 0;
  const cJSON *e;
  cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(problem, "employees")) {
    const char *g = group_of(e);
    int k = 0;
    while (k < ng && strcmp(groups[k], g) != 0) k++;
    if (k == ng && ng < 64) groups[ng++] = g;
  }
  long *off = calloc((size_t)ndays, sizeof *off);
  long *cap = calloc((size_t)ndays, sizeof *cap);
  day_row *rows = calloc((size_t)ndays, sizeof *rows);
  if (!off || !cap || !rows) {
    free(off);
    free(cap);
    free(rows);
    return;
  }
  for (int k = 0; k < ng; k++) {
    memset(off, 0, (size_t)ndays * sizeof *off);
    count_off(off, start, ndays, problem, result, groups[k], NULL);
    for (long i = 0; i < ndays; i++) cap[i] = summary_cap_of(problem, groups[k], start + i);
    cover_block(out, groups[k][0] ? groups[k] : "(no group)", off, cap, start, ndays, rows);
  }
  /* NBPC 2019 Art. 14 B; SPEC section 2: a total caps its groups together,
   * beside each unit's own cap. */
  const cJSON *t;
  int ti = 0;
  cJSON_ArrayForEach(t, cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(problem, "capacity"), "totals")) {
    memset(off, 0, (size_t)ndays * sizeof *off);
    const cJSON *tg = cJSON_GetObjectItemCaseSensitive(t, "groups");
    count_off(off, start, ndays, problem, result, NULL, tg);
    bool ranged = cJSON_IsString(cJSON_GetObjectItemCaseSensitive(t, "start"));
    long a = ranged ? summary_day_of(summary_str(t, "start")) : start;
    long b = ranged ? summary_day_of(summary_str(t, "end")) : start + ndays - 1;
    long max = summary_long(t, "max", 0);
    for (long i = 0; i < ndays; i++) cap[i] = start + i >= a && start + i <= b ? max : -1;
    size_t need = 160; /* "total N (" and "; max M, DATE..DATE)" */
    const cJSON *g;
    cJSON_ArrayForEach(g, tg) need += 3 + (cJSON_IsString(g) ? strlen(g->valuestring) : 0);
    char *label = malloc(need), *at = label;
    if (!label) break;
    at += sprintf(at, "total %d (", ++ti);
    int j = 0;
    cJSON_ArrayForEach(g, tg) {
      if (cJSON_IsString(g)) at += sprintf(at, "%s%s", j++ ? " + " : "", g->valuestring);
    }
    if (ranged) {
      char a1[32], b1[32];
      summary_date_of(a, a1);
      summary_date_of(b, b1);
      snprintf(at, need - (size_t)(at - label), "; max %ld, %s..%s)", max, a1, b1);
    } else {
      snprintf(at, need - (size_t)(at - label), "; max %ld)", max);
    }
    cover_block(out, label, off, cap, start, ndays, rows);
    free(label);
  }
  free(off);
  free(cap);
  free(rows);
}

void summary_leave(FILE *out, const cJSON *problem, const cJSON *result) {
  const cJSON *period = cJSON_GetObjectItemCaseSensitive(problem, "period");
  /* Under rules.priority each round's order weighs the conflict factors
   * first (INS 1995 Art. 14 D; ICE 2019 Art. 18 Sec. 2.E). */
  const cJSON *pr = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(problem, "rules"), "priority");
  const char *order = "NBPC 2019 Art. 14 C";
  if (cJSON_IsString(pr) && !strcmp(pr->valuestring, "ice-2019")) order = "conflict factors, then seniority: ICE 2019 Art. 18 Sec. 2.E";
  else if (cJSON_IsString(pr) && !strcmp(pr->valuestring, "ins-1995")) order = "conflict factors, then seniority: INS 1995 Art. 14 D";
  else if (cJSON_IsArray(pr)) order = "the factors of rules.priority, then seniority";
  fprintf(out, "Master leave schedule %s..%s (%s): %d grants, %d denied choices\n", summary_str(period, "start"),
          summary_str(period, "end"), order, summary_count(result, "grants"), summary_count(result, "denials"));
  const cJSON *inf = cJSON_GetObjectItemCaseSensitive(result, "infeasible");
  if (cJSON_IsArray(inf)) {
    fprintf(out, "\nThe minimums cannot all be met (NBPC 2019 Art. 14 A); conflicting employees:\n");
    const cJSON *x;
    cJSON_ArrayForEach(x, inf) {
      const char *id = summary_str(x, "employee");
      print_name(out, find_emp(problem, id), id);
      fprintf(out, " needs %g day(s), could get %g alone; tight days: %d\n",
              cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(x, "min_leave_days")),
              cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(x, "max_days")),
              summary_count(x, "dates"));
    }
    return;
  }
  int rejects = 0;
  const cJSON *a;
  cJSON_ArrayForEach(a, cJSON_GetObjectItemCaseSensitive(result, "audit")) {
    if (strcmp(summary_str(a, "event"), "tentative_reject") == 0) rejects++;
  }
  if (rejects)
    fprintf(out, "%d tentative grant(s) refused to keep every min_leave_days reachable (NBPC 2019 Art. 14 A)\n",
            rejects);
  who_got_what(out, problem, result);
  must_ask(out, problem, result);
  contested(out, problem, result);
  coverage(out, problem, result);
}
