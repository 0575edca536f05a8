/* senbid render: the posted schedule (NBPC 2019 Art. 14 C, "posted in a
 * conspicuous place"; Appendix II III.G, reviewed by the union). HTML is
 * one self-contained page, no script and nothing fetched, laid out for
 * letter paper; Markdown has the same content; CSV has one row per
 * decision for payroll and time-and-attendance systems. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <senbid/senbid.h>

#include "cli.h"
#include "csv.h"
#include "summary.h"

enum { F_HTML, F_MD, F_CSV };

typedef struct rank_ix {
  const char *id;
  int rank;
} rank_ix;

typedef struct page {
  FILE *f;
  int fmt;
  const cJSON *problem, *result;
  const char *kind;
  rank_ix *ranks; /* seniority rank of each id, sorted by id */
  size_t nranks;
  int cols; /* of the open table */
  char *name; /* name_of's text */
  size_t name_cap;
} page;

static int cmp_rank(const void *a, const void *b) {
  return strcmp(((const rank_ix *)a)->id, ((const rank_ix *)b)->id);
}

static const cJSON *emp(const page *pg, const char *id) { return summary_employee(pg->problem, id); }

/* "Last, First (id)", or the id alone; whole however long (an id is all
 * its bytes). The text lives until the next call. */
static const char *name_of(page *pg, const char *id) {
  const cJSON *nm = cJSON_GetObjectItemCaseSensitive(emp(pg, id), "name");
  const char *last = summary_str(nm, "last"), *first = summary_str(nm, "first");
  if (!last[0] && !first[0]) return id;
  size_t need = strlen(last) + strlen(first) + strlen(id) + 6;
  if (need > pg->name_cap) {
    char *b = realloc(pg->name, need);
    if (!b) return id;
    pg->name = b;
    pg->name_cap = need;
  }
  snprintf(pg->name, pg->name_cap, "%s%s%s (%s)", last, first[0] ? ", " : "", first, id);
  return pg->name;
}

static bool has_num(const cJSON *o, const char *key) { return cJSON_IsNumber(cJSON_GetObjectItemCaseSensitive(o, key)); }

/* ---- Output, escaped for the format ---------------------------------- */

static void text(const page *pg, const char *s) {
  for (; *s; s++) {
    char c = *s;
    if (pg->fmt == F_HTML) {
      if (c == '&') fputs("&amp;", pg->f);
      else if (c == '<') fputs("&lt;", pg->f);
      else if (c == '>') fputs("&gt;", pg->f);
      else if (c == '"') fputs("&quot;", pg->f);
      else if (c == '\n') fputs("<br>", pg->f);
      else fputc(c, pg->f);
    } else {
      if (c == '|' || c == '*' || c == '_' || c == '`' || c == '\\' || c == '<' || c == '[') fputc('\\', pg->f);
      if (c == '\n') fputs("<br>", pg->f);
      else if (c == '\r') fputc(' ', pg->f);
      else fputc(c, pg->f);
    }
  }
}

/* Formats into an array, cut to its size. */
#define fmt(buf, ...) (snprintf(buf, sizeof buf, __VA_ARGS__), (const char *)(buf))

static void heading(page *pg, int level, const char *s) {
  if (pg->fmt == F_HTML) {
    fprintf(pg->f, "<h%d>", level);
    text(pg, s);
    fprintf(pg->f, "</h%d>\n", level);
  } else {
    fprintf(pg->f, "\n%.*s ", level, "######");
    text(pg, s);
    fputs("\n\n", pg->f);
  }
}

static void para(page *pg, const char *s) {
  if (pg->fmt == F_HTML) fputs("<p>", pg->f);
  text(pg, s);
  fputs(pg->fmt == F_HTML ? "</p>\n" : "\n\n", pg->f);
}

static void table(page *pg, const char *cls, int n, ...) {
  va_list ap;
  va_start(ap, n);
  pg->cols = n;
  if (pg->fmt == F_HTML) fprintf(pg->f, "<table class=\"%s\"><thead><tr>", cls);
  else fputs("|", pg->f);
  for (int i = 0; i < n; i++) {
    const char *h = va_arg(ap, const char *);
    if (pg->fmt == F_HTML) fputs("<th>", pg->f);
    else fputc(' ', pg->f);
    text(pg, h);
    fputs(pg->fmt == F_HTML ? "</th>" : " |", pg->f);
  }
  va_end(ap);
  if (pg->fmt == F_HTML) {
    fputs("</tr></thead><tbody>\n", pg->f);
  } else {
    fputs("\n|", pg->f);
    for (int i = 0; i < n; i++) fputs("---|", pg->f);
    fputc('\n', pg->f);
  }
}

/* One row; cls names a shading for the whole row (HTML), or NULL. */
static void row(page *pg, const char *cls, const char *const *cells) {
  if (pg->fmt == F_HTML) fprintf(pg->f, "<tr%s%s%s>", cls ? " class=\"" : "", cls ? cls : "", cls ? "\"" : "");
  else fputc('|', pg->f);
  for (int i = 0; i < pg->cols; i++) {
    if (pg->fmt == F_HTML) fputs("<td>", pg->f);
    else fputc(' ', pg->f);
    text(pg, cells[i] ? cells[i] : "");
    fputs(pg->fmt == F_HTML ? "</td>" : " |", pg->f);
  }
  fputs(pg->fmt == F_HTML ? "</tr>\n" : "\n", pg->f);
}

static void end_table(page *pg) { fputs(pg->fmt == F_HTML ? "</tbody></table>\n" : "\n", pg->f); }

/* The plain words of a code, with its clause. */
static const char *reason(const page *pg, const char *code, char *buf) {
  const char *clause;
  const char *words = cli_describe(pg->kind, code, &clause);
  if (words == code) return code;
  snprintf(buf, 512, "%s%s%s%s", words, clause[0] ? " (" : "", clause, clause[0] ? ")" : "");
  return buf;
}

/* ---- Leave ----------------------------------------------------------- */

static const char *group_of(const cJSON *e) {
  const cJSON *g = cJSON_GetObjectItemCaseSensitive(e, "group");
  return cJSON_IsString(g) ? g->valuestring : "";
}

static bool in_range(const cJSON *r, long d) {
  return d >= summary_day_of(summary_str(r, "start")) && d <= summary_day_of(summary_str(r, "end"));
}

/* Who is off on each day of the period, by group, counted once from the
 * approved leave and the grants. */
typedef struct cell_text {
  char *s;
  size_t n, cap;
} cell_text;

typedef struct cal {
  long start, ndays;
  const char **groups; /* every group, in roster order */
  int ng;
  int *off;          /* [g * ndays + i] */
  cell_text *names;  /* likewise */
} cal;

static int group_index(const cal *c, const char *g) {
  for (int k = 0; k < c->ng; k++)
    if (strcmp(c->groups[k], g) == 0) return k;
  return -1;
}

static void add_name(cell_text *t, const char *name) {
  size_t len = strlen(name);
  if (t->n > 1500) return; /* the count says how many */
  if (t->n + len + 3 > t->cap) {
    size_t cap = t->cap ? t->cap * 2 : 64;
    while (cap < t->n + len + 3) cap *= 2;
    char *s = realloc(t->s, cap);
    if (!s) return;
    t->s = s;
    t->cap = cap;
  }
  if (t->n) t->s[t->n++] = ',', t->s[t->n++] = ' ';
  memcpy(t->s + t->n, name, len + 1);
  t->n += len;
}

static bool cal_build(const page *pg, cal *c) {
  const cJSON *e;
  int cap = 0;
  cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(pg->problem, "employees")) {
    const char *g = group_of(e);
    if (group_index(c, g) >= 0) continue;
    if (c->ng == cap) {
      cap = cap ? cap * 2 : 8;
      const char **ng = realloc(c->groups, (size_t)cap * sizeof *ng);
      if (!ng) return false;
      c->groups = ng;
    }
    c->groups[c->ng++] = g;
  }
  size_t cells = (size_t)c->ng * (size_t)c->ndays;
  c->off = calloc(cells ? cells : 1, sizeof *c->off);
  c->names = calloc(cells ? cells : 1, sizeof *c->names);
  if (!c->off || !c->names) return false;
  const char *lists[2] = {"approved", "grants"};
  for (int k = 0; k < 2; k++) {
    const cJSON *a;
    cJSON_ArrayForEach(a, cJSON_GetObjectItemCaseSensitive(k ? pg->result : pg->problem, lists[k])) {
      const char *id = summary_str(a, "employee");
      const cJSON *who = emp(pg, id);
      int g = group_index(c, group_of(who));
      if (g < 0) continue;
      const char *last = summary_str(cJSON_GetObjectItemCaseSensitive(who, "name"), "last");
      char label[128];
      snprintf(label, sizeof label, "%s%s", last[0] ? last : id, k ? "" : "*");
      long from = summary_day_of(summary_str(a, "start")), to = summary_day_of(summary_str(a, "end"));
      for (long d = from < c->start ? c->start : from; d <= to && d < c->start + c->ndays; d++) {
        size_t i = (size_t)g * (size_t)c->ndays + (size_t)(d - c->start);
        c->off[i]++;
        add_name(&c->names[i], label);
      }
    }
  }
  return true;
}

static void cal_free(cal *c) {
  size_t cells = (size_t)c->ng * (size_t)c->ndays;
  for (size_t i = 0; c->names && i < cells; i++) free(c->names[i].s);
  free(c->names);
  free(c->off);
  free(c->groups);
}

/* The room left for group g on day d under its cap and every total naming
 * it; -1 when unlimited. */
static long room_of(const page *pg, const cal *c, int g, long d) {
  size_t i = (size_t)(d - c->start);
  long cap = summary_cap_of(pg->problem, c->groups[g], d);
  long room = cap < 0 ? -1 : cap - c->off[(size_t)g * (size_t)c->ndays + i];
  const cJSON *t;
  cJSON_ArrayForEach(t, cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(pg->problem, "capacity"), "totals")) {
    bool names_g = false;
    long total = 0;
    const cJSON *x;
    cJSON_ArrayForEach(x, cJSON_GetObjectItemCaseSensitive(t, "groups")) {
      if (!cJSON_IsString(x)) continue;
      names_g |= !strcmp(x->valuestring, c->groups[g]);
      int k = group_index(c, x->valuestring);
      if (k >= 0) total += c->off[(size_t)k * (size_t)c->ndays + i];
    }
    if (!names_g || (cJSON_GetObjectItemCaseSensitive(t, "start") && !in_range(t, d))) continue;
    long r = summary_int(t, "max", 0) - total;
    if (room < 0 || r < room) room = r;
  }
  return room;
}

enum { CAL_COLUMNS = 5 }; /* groups per table, to fit letter paper */

static void leave_calendar(page *pg) {
  const cJSON *period = cJSON_GetObjectItemCaseSensitive(pg->problem, "period");
  cal c = {summary_day_of(summary_str(period, "start")), 0, NULL, 0, NULL, NULL};
  c.ndays = summary_day_of(summary_str(period, "end")) - c.start + 1;
  if (c.ndays <= 0 || c.ndays > 3661 || !cal_build(pg, &c)) {
    cal_free(&c);
    return;
  }
  heading(pg, 2, "Calendar: who is off, by group");
  para(pg, "Each cell gives the employees off that day against the cap (off / cap) and the room left, then who they are "
           "(* leave approved before the bid). Full days are shaded; blackout days (cap 0) are dark.");
  static const char *wd[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"}; /* 1970-01-01 was a Thursday */
  static const char *months[] = {"January", "February", "March", "April", "May", "June", "July",
                                 "August", "September", "October", "November", "December"};
  char cellbuf[1800], h[96];
  for (int g0 = 0; g0 < c.ng; g0 += CAL_COLUMNS) {
    int g1 = g0 + CAL_COLUMNS < c.ng ? g0 + CAL_COLUMNS : c.ng;
    int month = -1;
    for (long i = 0; i < c.ndays; i++) {
      long d = c.start + i;
      char iso[32];
      summary_date_of(d, iso);
      int m = atoi(iso + 5);
      if (m != month) {
        if (month >= 0) end_table(pg);
        month = m;
        heading(pg, 3, fmt(h, "%s %.4s", months[m - 1], iso));
        pg->cols = g1 - g0 + 1;
        if (pg->fmt == F_HTML) fputs("<table class=\"cal\"><thead><tr><th>Day</th>", pg->f);
        else fputs("| Day |", pg->f);
        for (int k = g0; k < g1; k++) {
          if (pg->fmt == F_HTML) fputs("<th>", pg->f);
          else fputc(' ', pg->f);
          text(pg, c.groups[k][0] ? c.groups[k] : "(no group)");
          fputs(pg->fmt == F_HTML ? "</th>" : " |", pg->f);
        }
        if (pg->fmt == F_HTML) {
          fputs("</tr></thead><tbody>\n", pg->f);
        } else {
          fputs("\n|---|", pg->f);
          for (int k = g0; k < g1; k++) fputs("---|", pg->f);
          fputc('\n', pg->f);
        }
      }
      char dayl[32];
      snprintf(dayl, sizeof dayl, "%s %s", wd[((d % 7) + 7) % 7], iso + 5);
      if (pg->fmt == F_HTML) {
        fputs("<tr><td class=\"day\">", pg->f);
        text(pg, dayl);
        fputs("</td>", pg->f);
      } else {
        fprintf(pg->f, "| %s |", dayl);
      }
      for (int k = g0; k < g1; k++) {
        size_t at = (size_t)k * (size_t)c.ndays + (size_t)i;
        int off = c.off[at];
        const char *names = c.names[at].s ? c.names[at].s : "";
        long cap = summary_cap_of(pg->problem, c.groups[k], d);
        long room = room_of(pg, &c, k, d);
        /* A total of several groups can fill a day the group's own cap leaves open. */
        bool blackout = cap == 0, full = !blackout && room == 0;
        const char *more = c.names[at].n > 1500 ? ", ..." : "";
        if (cap < 0 && room < 0) snprintf(cellbuf, sizeof cellbuf, "%d off, no cap%s%s%s", off, off ? "\n" : "", names, more);
        else if (cap < 0) snprintf(cellbuf, sizeof cellbuf, "%d off, %ld left%s%s%s", off, room, off ? "\n" : "", names, more);
        else {
          char left[40] = "";
          if (blackout || full) snprintf(left, sizeof left, " %s", blackout ? "blackout" : "full");
          else if (room > 0) snprintf(left, sizeof left, ", %ld left", room);
          snprintf(cellbuf, sizeof cellbuf, "%d / %ld%s%s%s%s", off, cap, left, off ? "\n" : "", names, more);
        }
        if (pg->fmt == F_HTML) {
          fprintf(pg->f, "<td class=\"%s\">", blackout ? "blackout" : full ? "full" : "");
          text(pg, cellbuf);
          fputs("</td>", pg->f);
        } else {
          fputc(' ', pg->f);
          text(pg, cellbuf);
          fputs(" |", pg->f);
        }
      }
      fputs(pg->fmt == F_HTML ? "</tr>\n" : "\n", pg->f);
    }
    if (month >= 0) end_table(pg);
  }
  cal_free(&c);
}

static void leave_body(page *pg) {
  const cJSON *r = pg->result, *p = pg->problem;
  const cJSON *period = cJSON_GetObjectItemCaseSensitive(p, "period");
  char b1[512], b2[512], b3[512];
  if (cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(p, "rules"), "priority"))
    para(pg, fmt(b1, "Leave period %s to %s. Grants are made one choice per employee per round; within each round "
                     "the conflict factors of rules.priority come first, then seniority and the toss of a coin "
                     "(INS 1995 Art. 14 D; ICE 2019 Art. 18 Sec. 2.E); leave approved before the bid stands "
                     "(ICE 2019 Art. 18 Sec. 2.F).",
                 summary_str(period, "start"), summary_str(period, "end")));
  else
    para(pg, fmt(b1, "Leave period %s to %s. Grants are made in seniority order, one choice per employee per round "
                     "(NBPC 2019 Art. 14 C.2-C.3); leave approved before the bid stands (Art. 14 C.6).",
                 summary_str(period, "start"), summary_str(period, "end")));
  const cJSON *inf = cJSON_GetObjectItemCaseSensitive(r, "infeasible");
  if (cJSON_IsArray(inf)) {
    heading(pg, 2, "The minimums cannot all be met");
    table(pg, "list", 3, "Employee", "Days required", "Most possible alone");
    const cJSON *x;
    cJSON_ArrayForEach(x, inf) {
      const char *nm = name_of(pg, summary_str(x, "employee"));
      const char *cells[] = {nm, fmt(b1, "%d", summary_int(x, "min_leave_days", 0)), fmt(b2, "%d", summary_int(x, "max_days", 0))};
      row(pg, NULL, cells);
    }
    end_table(pg);
  }
  heading(pg, 2, "Must be asked for another alternate");
  const cJSON *notify = cJSON_GetObjectItemCaseSensitive(r, "notify");
  if (!cJSON_GetArraySize(notify)) para(pg, "Nobody: every choice was granted or had an alternate that fit.");
  else {
    para(pg, "Each of these employees had a choice denied with every alternate; the agency must ask them for "
             "another alternate (NBPC 2019 Art. 14 C.3).");
    table(pg, "list", 4, "Employee", "Choice", "Round", "Why each option was denied");
    const cJSON *d;
    cJSON_ArrayForEach(d, cJSON_GetObjectItemCaseSensitive(r, "denials")) {
      const char *nm = name_of(pg, summary_str(d, "employee"));
      char why[2048];
      size_t used = 0;
      why[0] = '\0';
      const cJSON *o;
      cJSON_ArrayForEach(o, cJSON_GetObjectItemCaseSensitive(d, "options")) {
        const cJSON *date = cJSON_GetObjectItemCaseSensitive(o, "date");
        int w = snprintf(why + used, sizeof why - used, "%soption %d: %s%s%s", used ? "\n" : "", summary_int(o, "option", 0) + 1,
                         reason(pg, summary_str(o, "reason"), b3), cJSON_IsString(date) ? ", full on " : "",
                         cJSON_IsString(date) ? date->valuestring : "");
        if (w > 0 && (size_t)w < sizeof why - used) used += (size_t)w;
      }
      if (!used) snprintf(why, sizeof why, "no options were given");
      const char *cells[] = {nm, summary_str(d, "choice"), fmt(b1, "%d", summary_int(d, "round", 0)), why};
      row(pg, NULL, cells);
    }
    end_table(pg);
  }
  /* INS 1995 Art. 14 D / ICE 2019 Art. 18 Sec. 2.E: the factor that
   * ordered each contested decision, as the library explains it. */
  cJSON *ex = summary_explain(p, r);
  const cJSON *contested = cJSON_GetObjectItemCaseSensitive(ex, "contested");
  if (cJSON_GetArraySize(contested) > 0) {
    heading(pg, 2, "Contested decisions: the factor that ordered them");
    para(pg, "Within each round the conflict factors of rules.priority come before seniority; seniority and then "
             "the toss of a coin settle what remains.");
    table(pg, "list", 4, "Why", "Employee", "Choice", "Outcome");
    const cJSON *c;
    cJSON_ArrayForEach(c, contested) {
      const char *nm = name_of(pg, summary_str(c, "employee"));
      bool alt = strcmp(summary_str(c, "outcome"), "alternate") == 0;
      const char *cells[] = {summary_str(c, "detail"), nm, summary_str(c, "choice"),
                             fmt(b1, "%s, full on %s", alt ? "alternate granted" : "denied", summary_str(c, "date"))};
      row(pg, NULL, cells);
    }
    end_table(pg);
  }
  cJSON_Delete(ex);
  heading(pg, 2, "Granted leave, in decision order");
  table(pg, "list", 6, "Employee", "Choice", "Dates", "Option", "Round", "Charged");
  const cJSON *g;
  cJSON_ArrayForEach(g, cJSON_GetObjectItemCaseSensitive(r, "grants")) {
    const char *nm = name_of(pg, summary_str(g, "employee"));
    int opt = summary_int(g, "option", 0);
    const char *cells[] = {nm,
                           summary_str(g, "choice"),
                           fmt(b1, "%s to %s", summary_str(g, "start"), summary_str(g, "end")),
                           opt ? fmt(b2, "alternate %d", opt) : "preferred",
                           fmt(b3, "%d", summary_int(g, "round", 0)),
                           NULL};
    char ch[64];
    cells[5] = fmt(ch, "%d d, %d h", summary_int(g, "charged_days", 0), summary_int(g, "charged_hours", 0));
    row(pg, NULL, cells);
  }
  end_table(pg);
  leave_calendar(pg);
}

/* ---- Shift bid ------------------------------------------------------- */

static int seniority_rank(const page *pg, const char *id) {
  rank_ix key = {id, 0};
  const rank_ix *x = pg->ranks ? bsearch(&key, pg->ranks, pg->nranks, sizeof key, cmp_rank) : NULL;
  return x ? x->rank : 0;
}

static void shiftbid_body(page *pg) {
  const cJSON *r = pg->result, *p = pg->problem;
  const cJSON *rot = cJSON_GetObjectItemCaseSensitive(p, "rotation");
  char b1[512], b2[512], b3[512], b4[512];
  para(pg, fmt(b1, "Rotation %s to %s (NBPC 2019 Appendix II).", summary_str(rot, "start"), summary_str(rot, "end")));
  const cJSON *s;
  cJSON_ArrayForEach(s, cJSON_GetObjectItemCaseSensitive(p, "shifts")) {
    const char *sid = summary_str(s, "id");
    int count = 0;
    const cJSON *a;
    cJSON_ArrayForEach(a, cJSON_GetObjectItemCaseSensitive(r, "assignments")) count += !strcmp(summary_str(a, "shift"), sid);
    char lim[1100] = "";
    if (has_num(s, "min") || has_num(s, "max"))
      snprintf(lim, sizeof lim, "; min %s, max %s", has_num(s, "min") ? fmt(b3, "%d", summary_int(s, "min", 0)) : "none",
               has_num(s, "max") ? fmt(b4, "%d", summary_int(s, "max", 0)) : "none");
    char *h = summary_fmt("%s %s-%s: %d employees%s", sid, summary_str(s, "start"), summary_str(s, "end"), count, lim);
    heading(pg, 2, h ? h : sid);
    free(h);
    table(pg, "list", 5, "Seniority", "Employee", "Grade", "Choice", "Reason");
    cJSON_ArrayForEach(a, cJSON_GetObjectItemCaseSensitive(r, "assignments")) {
      if (strcmp(summary_str(a, "shift"), sid) != 0) continue;
      const char *id = summary_str(a, "employee");
      const char *nm = name_of(pg, id);
      const char *cause = summary_str(a, "cause");
      char why[1100];
      snprintf(why, sizeof why, "%s%s%s", reason(pg, summary_str(a, "reason"), b3), cause[0] ? "; cause: " : "",
               cause[0] ? reason(pg, cause, b4) : "");
      const char *cells[] = {fmt(b1, "%d", seniority_rank(pg, id)), nm, summary_str(emp(pg, id), "grade"),
                             has_num(a, "rank") ? fmt(b2, "%d", summary_int(a, "rank", 0)) : "", why};
      row(pg, NULL, cells);
    }
    end_table(pg);
  }
  heading(pg, 2, "Unmet minimums");
  if (!cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(r, "unmet"))) para(pg, "None: every shift meets its minimums.");
  else {
    table(pg, "list", 3, "Shift", "Grade", "Short by");
    const cJSON *u;
    cJSON_ArrayForEach(u, cJSON_GetObjectItemCaseSensitive(r, "unmet")) {
      const cJSON *g = cJSON_GetObjectItemCaseSensitive(u, "grade");
      const char *cells[] = {summary_str(u, "shift"), cJSON_IsString(g) ? g->valuestring : "all grades",
                             fmt(b1, "%d", summary_int(u, "deficit", 0))};
      row(pg, "short", cells);
    }
    end_table(pg);
  }
  heading(pg, 2, "Bumps");
  if (!cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(r, "bumps"))) para(pg, "None.");
  else {
    table(pg, "list", 3, "Employee", "From", "To");
    const cJSON *u;
    cJSON_ArrayForEach(u, cJSON_GetObjectItemCaseSensitive(r, "bumps")) {
      const char *nm = name_of(pg, summary_str(u, "employee"));
      const cJSON *to = cJSON_GetObjectItemCaseSensitive(u, "to");
      const char *cells[] = {nm, summary_str(u, "from"), cJSON_IsString(to) ? to->valuestring : "nowhere (unplaced)"};
      row(pg, NULL, cells);
    }
    end_table(pg);
  }
  const char *other[] = {"excluded", "unplaced"};
  for (int k = 0; k < 2; k++) {
    const cJSON *list = cJSON_GetObjectItemCaseSensitive(r, other[k]);
    if (!cJSON_GetArraySize(list)) continue;
    heading(pg, 2, k ? "Not placed" : "Not in this bid");
    table(pg, "list", 2, "Employee", "Reason");
    const cJSON *u;
    cJSON_ArrayForEach(u, list) {
      const char *nm = name_of(pg, summary_str(u, "employee"));
      const char *cells[] = {nm, reason(pg, summary_str(u, "reason"), b1)};
      row(pg, NULL, cells);
    }
    end_table(pg);
  }
}

/* ---- AWS ------------------------------------------------------------- */

static void join_days(const cJSON *list, char *out, size_t n) {
  size_t used = 0;
  out[0] = '\0';
  const cJSON *x;
  cJSON_ArrayForEach(x, list) {
    int w;
    if (cJSON_IsString(x)) w = snprintf(out + used, n - used, "%s%s", used ? ", " : "", x->valuestring);
    else if (cJSON_GetObjectItemCaseSensitive(x, "week"))
      w = snprintf(out + used, n - used, "%s%s wk %d", used ? ", " : "", summary_str(x, "day"), summary_int(x, "week", 0));
    else
      w = snprintf(out + used, n - used, "%s%s for %s", used ? ", " : "", summary_str(x, "date"), summary_str(x, "holiday"));
    if (w < 0 || (size_t)w >= n - used) break;
    used += (size_t)w;
  }
}

static void aws_body(page *pg) {
  const cJSON *r = pg->result, *p = pg->problem;
  const cJSON *edp = cJSON_GetObjectItemCaseSensitive(p, "edp");
  char b1[512], b2[512], b3[512], off[512], tw[512], lieu[1024];
  para(pg, fmt(b1, "Employee Decision Period %s to %s; the schedules take effect %s (ICE 2019 Art. 15 Sec. 10.C.3).",
               summary_str(edp, "start"), summary_str(edp, "end"), summary_str(r, "effective")));
  heading(pg, 2, "Schedules, most senior first");
  table(pg, "list", 8, "Seniority", "Employee", "Schedule", "Hours", "Days off", "Telework", "In-lieu holidays", "Reason");
  const cJSON *s;
  int k = 0;
  cJSON_ArrayForEach(s, cJSON_GetObjectItemCaseSensitive(r, "schedules")) {
    const char *nm = name_of(pg, summary_str(s, "employee"));
    join_days(cJSON_GetObjectItemCaseSensitive(s, "days_off"), off, sizeof off);
    join_days(cJSON_GetObjectItemCaseSensitive(s, "telework"), tw, sizeof tw);
    join_days(cJSON_GetObjectItemCaseSensitive(s, "in_lieu"), lieu, sizeof lieu);
    const char *arrive = summary_str(s, "arrive");
    char sched[700];
    snprintf(sched, sizeof sched, "%s%s", summary_str(s, "type"),
             has_num(s, "option") ? fmt(b3, " (option %d)", summary_int(s, "option", 0) + 1) : "");
    const char *cells[] = {fmt(b1, "%d", ++k), nm, sched,
                           arrive[0] ? fmt(b2, "%s-%s", arrive, summary_str(s, "depart")) : "",
                           off, tw, lieu, NULL};
    char why[512];
    cells[7] = reason(pg, summary_str(s, "reason"), why);
    row(pg, NULL, cells);
  }
  end_table(pg);
  if (cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(r, "invalid"))) {
    heading(pg, 2, "Options not approved, with the reason in writing");
    table(pg, "list", 4, "Employee", "Option", "Reason", "Detail");
    cJSON_ArrayForEach(s, cJSON_GetObjectItemCaseSensitive(r, "invalid")) {
      const char *nm = name_of(pg, summary_str(s, "employee"));
      const char *cells[] = {nm, fmt(b1, "%d", summary_int(s, "option", 0) + 1), reason(pg, summary_str(s, "reason"), b2),
                             summary_str(s, "message")};
      row(pg, NULL, cells);
    }
    end_table(pg);
  }
  const cJSON *inf = cJSON_GetObjectItemCaseSensitive(r, "infeasible");
  if (cJSON_IsArray(inf)) {
    heading(pg, 2, "The office minimums cannot all be met");
    table(pg, "list", 3, "Type", "Minimum", "Most possible");
    cJSON_ArrayForEach(s, inf) {
      const char *cells[] = {summary_str(s, "type"), fmt(b1, "%d", summary_int(s, "min", 0)), fmt(b2, "%d", summary_int(s, "max_possible", 0))};
      row(pg, "short", cells);
    }
    end_table(pg);
  }
}

/* ---- Assignments ----------------------------------------------------- */

static void assign_body(page *pg) {
  const cJSON *r = pg->result, *p = pg->problem;
  char b1[512], b2[512];
  const cJSON *rules = cJSON_GetObjectItemCaseSensitive(p, "rules");
  para(pg, fmt(b1, "Announcements decided in the order listed, under the %s rules.",
               cJSON_IsString(rules) ? rules->valuestring : "nbpc-2019"));
  const cJSON *o;
  cJSON_ArrayForEach(o, cJSON_GetObjectItemCaseSensitive(p, "opportunities")) {
    const char *oid = summary_str(o, "id"), *title = summary_str(o, "title");
    char *h = summary_fmt("%s%s%s: %s, %d slot(s), %s to %s", oid, title[0] ? " " : "", title,
                          summary_str(o, "type"), summary_int(o, "slots", 0), summary_str(o, "start"), summary_str(o, "end"));
    heading(pg, 2, h ? h : oid);
    free(h);
    table(pg, "list", 3, "Decision", "Employee", "Why");
    const cJSON *x;
    cJSON_ArrayForEach(x, cJSON_GetObjectItemCaseSensitive(r, "selections")) {
      if (strcmp(summary_str(x, "opportunity"), oid) != 0) continue;
      const char *nm = name_of(pg, summary_str(x, "employee"));
      const char *cells[] = {"selected", nm, reason(pg, summary_str(x, "reason"), b2)};
      row(pg, NULL, cells);
    }
    cJSON_ArrayForEach(x, cJSON_GetObjectItemCaseSensitive(r, "skipped")) {
      if (strcmp(summary_str(x, "opportunity"), oid) != 0) continue;
      const char *nm = name_of(pg, summary_str(x, "employee"));
      const char *cells[] = {"passed over", nm, reason(pg, summary_str(x, "reason"), b2)};
      row(pg, "passed", cells);
    }
    cJSON_ArrayForEach(x, cJSON_GetObjectItemCaseSensitive(r, "unfilled")) {
      if (strcmp(summary_str(x, "opportunity"), oid) != 0) continue;
      const char *cells[] = {"unfilled", fmt(b1, "%d slot(s)", summary_int(x, "slots", 0)), "no eligible employee was left"};
      row(pg, "short", cells);
    }
    end_table(pg);
  }
}

/* ---- Every page ------------------------------------------------------ */

static void seniority_section(page *pg) {
  char b2[512];
  heading(pg, 2, "Seniority list used");
  const cJSON *ties = cJSON_GetObjectItemCaseSensitive(pg->result, "ties");
  if (!cJSON_GetArraySize(ties)) para(pg, "No two employees were tied on every seniority key.");
  const cJSON *t;
  cJSON_ArrayForEach(t, ties) {
    /* The whole list, however many are tied: a cut list would misreport. */
    size_t len = 1;
    const cJSON *e;
    cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(t, "employees"))
      len += 2 + (cJSON_IsString(e) ? strlen(e->valuestring) : 0);
    char *who = malloc(len);
    if (!who) continue;
    size_t used = 0;
    who[0] = '\0';
    cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(t, "employees")) {
      const char *s = cJSON_IsString(e) ? e->valuestring : "";
      used += (size_t)snprintf(who + used, len - used, "%s%s", used ? ", " : "", s);
    }
    const char *by = summary_str(t, "broken_by");
    const cJSON *seed = cJSON_GetObjectItemCaseSensitive(t, "seed");
    char *p = !strcmp(by, "lottery")
                  ? summary_fmt("Tie: %s, broken by lottery with seed %.0f; the toss can be replayed from the seed in "
                              "front of the employees (ICE 2019 Art. 18 Sec. 2.E). Result order: as listed.",
                              who, cJSON_IsNumber(seed) ? seed->valuedouble : 0.0)
                  : summary_fmt("Tie: %s, broken by %s. Result order: as listed.", who, by);
    if (p) para(pg, p);
    free(p);
    free(who);
  }
  table(pg, "seniority", 2, "Rank", "Employee");
  int k = 0;
  const cJSON *x;
  cJSON_ArrayForEach(x, cJSON_GetObjectItemCaseSensitive(pg->result, "seniority")) {
    if (!cJSON_IsString(x)) continue;
    const char *nm = name_of(pg, x->valuestring);
    const char *cells[] = {fmt(b2, "%d", ++k), nm};
    row(pg, NULL, cells);
  }
  end_table(pg);
}

/* Codes the result uses, once each. */
static void reasons_section(page *pg) {
  const char *seen[256];
  int n = 0;
  const cJSON *stack[64];
  int depth = 0;
  stack[depth++] = pg->result;
  while (depth) {
    const cJSON *node = stack[--depth];
    const cJSON *x;
    cJSON_ArrayForEach(x, node) {
      if (cJSON_IsString(x) && x->string &&
          (!strcmp(x->string, "reason") || !strcmp(x->string, "cause") || !strcmp(x->string, "code"))) {
        int k = 0;
        while (k < n && strcmp(seen[k], x->valuestring) != 0) k++;
        if (k == n && n < 256) seen[n++] = x->valuestring;
      } else if ((cJSON_IsArray(x) || cJSON_IsObject(x)) && depth < 64 &&
                 !(x->string && (!strcmp(x->string, "ledger") || !strcmp(x->string, "history") || !strcmp(x->string, "audit")))) {
        stack[depth++] = x;
      }
    }
  }
  if (!n) return;
  /* Sorted, so the table reads the same whatever the result's order. */
  for (int i = 1; i < n; i++)
    for (int j = i; j > 0 && strcmp(seen[j - 1], seen[j]) > 0; j--) {
      const char *t = seen[j];
      seen[j] = seen[j - 1];
      seen[j - 1] = t;
    }
  heading(pg, 2, "What each reason means");
  table(pg, "list", 3, "Code", "In plain words", "Clause");
  for (int i = 0; i < n; i++) {
    const char *clause;
    const char *words = cli_describe(pg->kind, seen[i], &clause);
    const char *cells[] = {seen[i], words == seen[i] ? "" : words, clause};
    row(pg, NULL, cells);
  }
  end_table(pg);
}

static const char css[] =
    "@page{size:letter;margin:0.5in}"
    "body{font:10pt/1.3 'DejaVu Sans',Arial,sans-serif;color:#000;background:#fff;margin:0 auto;max-width:7.5in}"
    "h1{font-size:15pt;margin:0 0 4pt}h2{font-size:12pt;margin:12pt 0 4pt;break-after:avoid}"
    "h3{font-size:11pt;margin:8pt 0 2pt;break-after:avoid}p{margin:3pt 0}"
    "table{border-collapse:collapse;width:100%;margin:3pt 0 8pt}"
    "th,td{border:1px solid #555;padding:2pt 4pt;text-align:left;vertical-align:top}"
    "th{background:#e4e4e4}thead{display:table-header-group}tr{break-inside:avoid}"
    "table.cal td{font-size:8pt;width:30%}table.cal td.day{width:10%;white-space:nowrap}"
    "td.full{background:#d0d0d0}td.blackout{background:#707070;color:#fff}"
    "tr.short td{background:#d0d0d0}tr.passed td{color:#333}"
    "table.seniority{width:auto}"
    "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}"
    ".meta{font-size:9pt}";

/* kind,decision,employee,last,first,item,start,end,days,hours,rank,round,reason,reason_text,clause,detail */
static void decision_row(page *pg, const char *decision, const char *id, const char *item, const char *start, const char *end,
                    const char *days, const char *hours, const char *rank, const char *round, const char *code,
                    const char *detail) {
  const cJSON *nm = cJSON_GetObjectItemCaseSensitive(emp(pg, id), "name");
  const char *clause = "";
  const char *words = code && code[0] ? cli_describe(pg->kind, code, &clause) : "";
  if (words == code) words = "";
  const char *cells[] = {pg->kind, decision, id, summary_str(nm, "last"), summary_str(nm, "first"), item, start, end,
                         days, hours, rank, round, code ? code : "", words, clause, detail};
  for (int i = 0; i < 16; i++) {
    if (i) fputc(',', pg->f);
    csv_put(pg->f, cells[i] ? cells[i] : "");
  }
  fputs("\r\n", pg->f);
}

static void render_csv(page *pg) {
  fputs("kind,decision,employee,last,first,item,start,end,days,hours,rank,round,reason,reason_text,clause,detail\r\n", pg->f);
  const cJSON *r = pg->result, *x;
  char b1[64], b2[64], b3[64], b4[512], det[2048];
  if (!strcmp(pg->kind, "leave")) {
    cJSON_ArrayForEach(x, cJSON_GetObjectItemCaseSensitive(r, "grants")) {
      snprintf(det, sizeof det, "option %d", summary_int(x, "option", 0) + 1);
      decision_row(pg, "grant", summary_str(x, "employee"), summary_str(x, "choice"), summary_str(x, "start"),
              summary_str(x, "end"), fmt(b1, "%d", summary_int(x, "charged_days", 0)), fmt(b2, "%d", summary_int(x, "charged_hours", 0)), "",
              fmt(b3, "%d", summary_int(x, "round", 0)), "", det);
    }
    cJSON_ArrayForEach(x, cJSON_GetObjectItemCaseSensitive(r, "denials")) {
      const cJSON *o;
      size_t used = 0;
      det[0] = '\0';
      const char *first = "";
      cJSON_ArrayForEach(o, cJSON_GetObjectItemCaseSensitive(x, "options")) {
        const cJSON *date = cJSON_GetObjectItemCaseSensitive(o, "date");
        if (!used) first = summary_str(o, "reason");
        int w = snprintf(det + used, sizeof det - used, "%soption %d %s%s%s", used ? "; " : "", summary_int(o, "option", 0) + 1,
                         summary_str(o, "reason"), cJSON_IsString(date) ? " " : "", cJSON_IsString(date) ? date->valuestring : "");
        if (w > 0 && (size_t)w < sizeof det - used) used += (size_t)w;
      }
      decision_row(pg, "deny", summary_str(x, "employee"), summary_str(x, "choice"), "", "", "", "", "",
              fmt(b3, "%d", summary_int(x, "round", 0)), first, det);
    }
  } else if (!strcmp(pg->kind, "shift_bid")) {
    cJSON_ArrayForEach(x, cJSON_GetObjectItemCaseSensitive(r, "assignments")) {
      const cJSON *rot = cJSON_GetObjectItemCaseSensitive(pg->problem, "rotation");
      const char *cause = summary_str(x, "cause");
      decision_row(pg, "assign", summary_str(x, "employee"), summary_str(x, "shift"), summary_str(rot, "start"),
              summary_str(rot, "end"), "", "", has_num(x, "rank") ? fmt(b1, "%d", summary_int(x, "rank", 0)) : "", "",
              summary_str(x, "reason"), cause[0] ? fmt(det, "cause %s", cause) : "");
    }
    const char *other[] = {"excluded", "unplaced"};
    for (int k = 0; k < 2; k++)
      cJSON_ArrayForEach(x, cJSON_GetObjectItemCaseSensitive(r, other[k])) {
        decision_row(pg, other[k], summary_str(x, "employee"), "", "", "", "", "", "", "", summary_str(x, "reason"), "");
      }
  } else if (!strcmp(pg->kind, "aws")) {
    cJSON_ArrayForEach(x, cJSON_GetObjectItemCaseSensitive(r, "schedules")) {
      char off[256], tw[256], lieu[512];
      join_days(cJSON_GetObjectItemCaseSensitive(x, "days_off"), off, sizeof off);
      join_days(cJSON_GetObjectItemCaseSensitive(x, "telework"), tw, sizeof tw);
      join_days(cJSON_GetObjectItemCaseSensitive(x, "in_lieu"), lieu, sizeof lieu);
      const char *arrive = summary_str(x, "arrive");
      snprintf(det, sizeof det, "%s%s%s%s%s%s%s%s", arrive[0] ? fmt(b4, "hours %s-%s", arrive, summary_str(x, "depart")) : "",
               off[0] ? "; off " : "", off, tw[0] ? "; telework " : "", tw, lieu[0] ? "; in lieu " : "", lieu, "");
      decision_row(pg, "schedule", summary_str(x, "employee"), summary_str(x, "type"), summary_str(x, "effective"),
              summary_str(pg->problem, "schedule_end"), "", "",
              has_num(x, "option") ? fmt(b1, "%d", summary_int(x, "option", 0) + 1) : "", "", summary_str(x, "reason"), det);
    }
    cJSON_ArrayForEach(x, cJSON_GetObjectItemCaseSensitive(r, "invalid")) {
      decision_row(pg, "option_denied", summary_str(x, "employee"), "", "", "", "", "", fmt(b1, "%d", summary_int(x, "option", 0) + 1), "",
              summary_str(x, "reason"), summary_str(x, "message"));
    }
  } else {
    const char *lists[] = {"selections", "skipped"}, *what[] = {"select", "pass_over"};
    for (int k = 0; k < 2; k++)
      cJSON_ArrayForEach(x, cJSON_GetObjectItemCaseSensitive(r, lists[k])) {
        const char *oid = summary_str(x, "opportunity");
        const cJSON *o, *opp = NULL;
        cJSON_ArrayForEach(o, cJSON_GetObjectItemCaseSensitive(pg->problem, "opportunities")) {
          if (!strcmp(summary_str(o, "id"), oid)) opp = o;
        }
        decision_row(pg, what[k], summary_str(x, "employee"), oid, summary_str(opp, "start"), summary_str(opp, "end"), "",
                k == 0 && has_num(opp, "hours") ? fmt(b2, "%d", summary_int(opp, "hours", 0)) : "", "", "", summary_str(x, "reason"), "");
      }
  }
}

static const char *title_of(const char *kind) {
  if (!strcmp(kind, "leave")) return "Master leave schedule";
  if (!strcmp(kind, "shift_bid")) return "Shift bid";
  if (!strcmp(kind, "aws")) return "Alternative work schedules";
  if (!strcmp(kind, "assignment")) return "Details, overtime and training";
  return "Result";
}

void render_print(FILE *out, const char *format, const cJSON *problem, const cJSON *result) {
  page pg = {out, !strcmp(format, "md") ? F_MD : !strcmp(format, "csv") ? F_CSV : F_HTML, problem, result, "", NULL, 0, 0, NULL, 0};
  pg.kind = summary_str(result, "kind");
  if (!pg.kind[0]) pg.kind = summary_str(problem, "kind");
  const cJSON *sen = cJSON_GetObjectItemCaseSensitive(result, "seniority");
  size_t n = (size_t)cJSON_GetArraySize(sen);
  pg.ranks = n ? calloc(n, sizeof *pg.ranks) : NULL;
  const cJSON *x;
  cJSON_ArrayForEach(x, sen) {
    if (pg.ranks && pg.nranks < n && cJSON_IsString(x))
      pg.ranks[pg.nranks] = (rank_ix){x->valuestring, (int)pg.nranks + 1}, pg.nranks++;
  }
  if (pg.ranks) qsort(pg.ranks, pg.nranks, sizeof *pg.ranks, cmp_rank);
  if (pg.fmt == F_CSV) {
    render_csv(&pg);
    free(pg.ranks);
    free(pg.name);
    summary_release();
    return;
  }
  char b[512];
  const char *title = title_of(pg.kind);
  if (pg.fmt == F_HTML) {
    fputs("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
          "<meta name=\"viewport\" content=\"width=device-width\"><title>", out);
    text(&pg, title);
    fprintf(out, "</title><style>%s</style></head><body>\n<h1>", css);
    text(&pg, title);
    fputs("</h1>\n<p class=\"meta\">", out);
  } else {
    fputs("# ", out);
    text(&pg, title);
    fputs("\n\n", out);
  }
  text(&pg, fmt(b, "Method %s, status %s, seniority as of %s. Made by senbid %s.", summary_str(result, "method"),
                summary_str(result, "status"), summary_str(problem, "as_of"), senbid_version()));
  fputs(pg.fmt == F_HTML ? "</p>\n" : "\n\n", out);
  if (!strcmp(pg.kind, "leave")) leave_body(&pg);
  else if (!strcmp(pg.kind, "shift_bid")) shiftbid_body(&pg);
  else if (!strcmp(pg.kind, "aws")) aws_body(&pg);
  else if (!strcmp(pg.kind, "assignment")) assign_body(&pg);
  const cJSON *w;
  if (cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(result, "warnings"))) {
    heading(&pg, 2, "Warnings");
    cJSON_ArrayForEach(w, cJSON_GetObjectItemCaseSensitive(result, "warnings")) {
      para(&pg, fmt(b, "%s: %s", summary_str(w, "code"), summary_str(w, "message")));
    }
  }
  seniority_section(&pg);
  reasons_section(&pg);
  if (pg.fmt == F_HTML) fputs("</body></html>\n", out);
  free(pg.ranks);
  free(pg.name);
  summary_release();
}
