/* senbid import: a problem document from the CSV files a scheduler keeps in
 * a spreadsheet (roster.csv, requests.csv, settings.csv), and the templates
 * of those files. Every bad cell is an error line naming the file, line and
 * column ("senbid: DATE at roster.csv:4:5: ..."); the finished document is
 * then validated by the library like any other. doc/guide.md describes the
 * files with the demo data. */
#define _GNU_SOURCE
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <senbid/senbid.h>

#include "cli.h"
#include "csv.h"

enum { K_LEAVE = 1, K_SHIFT = 2, K_AWS = 4, K_ASSIGN = 8, K_ALL = 15 };

static const struct kindname {
  const char *name;
  unsigned bit;
} kinds[] = {{"leave", K_LEAVE}, {"shift_bid", K_SHIFT}, {"aws", K_AWS}, {"assignment", K_ASSIGN}};

/* ---- The columns ----------------------------------------------------- */

typedef struct colspec {
  const char *name;
  unsigned kinds;
  const char *help;
} colspec;

static const colspec roster_cols[] = {
    {"id", K_ALL, "# employee id (required, unique)"},
    {"last", K_ALL, "last name"},
    {"first", K_ALL, "first name"},
    {"middle", K_ALL, "middle name or initial"},
    {"series_start", K_ALL, "entered the occupational series (YYYY-MM-DD or M/D/YYYY)"},
    {"usbp_start", K_ALL, "entered the Border Patrol (date)"},
    {"cbp_start", K_ALL, "entered CBP, legacy time included (date)"},
    {"scd", K_ALL, "service computation date"},
    {"eod", K_ALL, "entered on duty with the agency (date)"},
    {"attorney_start", K_ALL, "first day as an agency attorney (date)"},
    {"attorney", K_ALL, "yes for an attorney (ICE 2019 seniority)"},
    {"credit_series", K_ALL, "days credited to series time (may be negative)"},
    {"credit_usbp", K_ALL, "days credited to Border Patrol time"},
    {"credit_cbp", K_ALL, "days credited to CBP time"},
    {"credit_scd", K_ALL, "days credited to the SCD"},
    {"credit_eod", K_ALL, "days credited to EOD time"},
    {"credit_attorney", K_ALL, "days credited to attorney time"},
    {"group", K_LEAVE, "capacity group (unit or station)"},
    {"grade", K_ALL, "grade, e.g. GS-12"},
    {"quals", K_ASSIGN, "qualifications, separated by ; (EMT; K9)"},
    {"leave_balance_hours", K_LEAVE, "annual leave to the employee's credit (hours)"},
    {"hours_per_day", K_LEAVE, "hours charged per workday (default 8)"},
    {"workdays", K_LEAVE | K_AWS, "workdays separated by ; (default mon; tue; wed; thu; fri)"},
    {"min_leave_days", K_LEAVE, "days that must be scheduled (lexicographic)"},
    {"use_or_lose_hours", K_LEAVE, "use-or-lose hours (conflict factor)"},
    {"school_age_children", K_LEAVE, "yes if children can only travel in school breaks"},
    {"denied_previous_period", K_LEAVE, "yes if denied leave in the previous period"},
    {"status", K_SHIFT, "active, detailed, light_duty, admin_duty or tdy_outside"},
    {"return_date", K_SHIFT, "date of return from a detail or duty status"},
    {"fixed_shift", K_SHIFT, "shift the agency places the employee on"},
    {"denials", K_SHIFT, "consecutive bids without the first choice"},
    {"grandfathered_494", K_AWS, "yes if on 4/9/4 since before 2011"},
    {"part_time_hours", K_AWS, "hours per pay period if part time"},
    {"union_board", K_ASSIGN, "yes for a union board member"},
    {"overtime_hours", K_ASSIGN, "overtime hours worked so far"},
    {"exempt_until", K_ASSIGN, "exempt from involuntary assignments until (date)"},
};

static const colspec request_cols[] = {
    {"employee", K_ALL, "# employee id"},
    {"choice", K_LEAVE, "name of the requested timeframe; one row per option, preferred first"},
    {"start", K_LEAVE, "first day of this option (date)"},
    {"end", K_LEAVE, "last day of this option (date)"},
    {"prefs", K_SHIFT, "shifts in order of preference, separated by ;"},
    {"no_preference", K_SHIFT, "yes for no preference"},
    {"on_file", K_SHIFT, "yes for a sheet on file from an earlier bid"},
    {"type", K_AWS, "VWS, MAXIFLEX, CWS_4_10, CWS_5_4_9 or CWS_4_9_4; one row per option"},
    {"day_off", K_AWS, "fri (4/10) or w2 fri (5/4/9)"},
    {"short_day", K_AWS, "w1 fri (5/4/9)"},
    {"days_off", K_AWS, "MAXIFLEX days off: w1 mon; w2 fri"},
    {"arrive", K_AWS, "arrival time HH:MM"},
    {"meal_minutes", K_AWS, "meal period in minutes"},
    {"telework", K_AWS, "telework days separated by ;"},
    {"opportunity", K_ASSIGN, "opportunity id (from settings.csv)"},
    {"response", K_ASSIGN, "volunteer, decline or extension"},
    {"scores", K_ASSIGN, "special-skills scores: interview=4; certification=2"},
};

enum { C_ID = 1, C_NAME = 2, C_VALUE = 4, C_START = 8, C_END = 16, C_MIN = 32, C_MAX = 64 };

static const colspec setting_cols[] = {
    {"setting", K_ALL, "# setting name (see the list below)"},
    {"id", K_ALL, "shift, opportunity or employee id"},
    {"name", K_ALL, "group, grade, weekday, type or title"},
    {"value", K_ALL, "the value"},
    {"start", K_ALL, "start date or time"},
    {"end", K_ALL, "end date or time"},
    {"min", K_ALL, "a minimum"},
    {"max", K_ALL, "a maximum"},
};

typedef struct setspec {
  const char *name;
  unsigned kinds;
  unsigned uses, needs;
  const char *help;
} setspec;

static const setspec settings[] = {
    {"as_of", K_ALL, C_VALUE, C_VALUE, "value: the date seniority is computed on"},
    {"seniority.policy", K_ALL, C_VALUE, C_VALUE, "value: nbpc-2019, ice-2019, ins-1995, custom or list"},
    {"seniority.seed", K_ALL, C_VALUE, C_VALUE, "value: the lottery seed (a whole number)"},
    {"seniority.tie", K_ALL, C_VALUE, C_VALUE, "value: alphabetical, lottery or id (custom policy)"},
    {"seniority.mixed_occupations", K_ALL, C_VALUE, C_VALUE, "value: yes when occupations compete (NBPC App. I.B)"},
    {"seniority.key", K_ALL, C_NAME | C_VALUE, C_NAME, "name: a service date or attributes.NAME; value: more_first or less_first"},
    {"seniority.order", K_ALL, C_VALUE, C_VALUE, "value: every employee id, most senior first, separated by ;"},
    {"inauguration_day", K_ALL, C_VALUE, C_VALUE, "value: yes to count Inauguration Day as a holiday"},
    {"period", K_LEAVE, C_START | C_END, C_START | C_END, "start, end: the leave period"},
    {"holidays", K_LEAVE, C_VALUE, C_VALUE, "value: us-federal"},
    {"holiday", K_LEAVE, C_NAME | C_START, C_START, "start: one holiday date (instead of us-federal)"},
    {"capacity.default", K_LEAVE, C_MAX, C_MAX, "max: most employees of one group off on a day"},
    {"capacity.group", K_LEAVE, C_NAME | C_MAX, C_NAME | C_MAX, "name: group; max: its cap"},
    {"capacity.override", K_LEAVE, C_NAME | C_START | C_END | C_MAX, C_START | C_END | C_MAX,
     "start, end, max (0 is a blackout); name: a group, or blank for every group"},
    {"capacity.total", K_LEAVE, C_NAME | C_START | C_END | C_MAX, C_NAME | C_MAX,
     "name: groups capped together, separated by ;; max; start, end optional"},
    {"approved", K_LEAVE, C_ID | C_START | C_END, C_ID | C_START | C_END, "id: employee; start, end: leave already approved"},
    {"school_break", K_LEAVE, C_NAME | C_START | C_END, C_START | C_END, "start, end: a school break"},
    {"rules.max_days_per_employee", K_LEAVE, C_VALUE, C_VALUE, "value: most calendar days per employee"},
    {"rules.priority", K_LEAVE, C_VALUE, C_VALUE,
     "value: ice-2019, ins-1995, or factors separated by ; (use_or_lose; leave_credit; school_children; previous_denial; seniority)"},
    {"rotation", K_SHIFT, C_START | C_END, C_START | C_END, "start, end: the rotation"},
    {"shift", K_SHIFT, C_ID | C_START | C_END | C_MIN | C_MAX, C_ID | C_START | C_END,
     "id; start, end: HH:MM; min, max: staffing"},
    {"shift.grade", K_SHIFT, C_ID | C_NAME | C_MIN | C_MAX, C_ID | C_NAME, "id: shift; name: grade; min, max"},
    {"adjust.max", K_SHIFT, C_ID | C_MAX, C_ID | C_MAX, "id: shift; max: its new max (after the bid)"},
    {"adjust.place", K_SHIFT, C_ID | C_NAME, C_ID | C_NAME, "id: shift; name: employee placed on it"},
    {"history.bumped", K_SHIFT, C_ID | C_VALUE, C_ID, "id: shift; value: employees bumped from it this cycle"},
    {"rules.min_series_years", K_SHIFT, C_VALUE, C_VALUE, "value: years in series to bid (default 2)"},
    {"rules.spp_denials", K_SHIFT, C_VALUE, C_VALUE, "value: denials that earn the Shift Preference Plan"},
    {"rules.min_rotation_months", K_SHIFT, C_VALUE, C_VALUE, "value: shortest rotation in months (default 3)"},
    {"edp", K_AWS, C_START | C_END, C_START | C_END, "start, end: the Employee Decision Period"},
    {"pay_period_anchor", K_AWS, C_VALUE, C_VALUE, "value: the first day of a pay period"},
    {"schedule_end", K_AWS, C_VALUE, C_VALUE, "value: last day of the schedules (for in-lieu holidays)"},
    {"office.hours_of_duty", K_AWS, C_START | C_END, C_START | C_END, "start, end: HH:MM"},
    {"office.core", K_AWS, C_START | C_END, C_START | C_END, "start, end: core hours HH:MM"},
    {"office.max_off", K_AWS, C_NAME | C_MAX, C_NAME | C_MAX, "name: weekday; max: regular days off on it"},
    {"office.max_type", K_AWS, C_NAME | C_MAX, C_NAME | C_MAX, "name: schedule type; max"},
    {"office.max_telework", K_AWS, C_NAME | C_MAX, C_NAME | C_MAX, "name: weekday; max teleworking"},
    {"office.min_type", K_AWS, C_NAME | C_MIN, C_NAME | C_MIN, "name: schedule type; min (lexicographic)"},
    {"rules", K_ASSIGN, C_VALUE, C_VALUE, "value: nbpc-2019 or ice-2019"},
    {"opportunity", K_ASSIGN, C_ID | C_NAME | C_VALUE | C_START | C_END | C_MAX, C_ID | C_NAME | C_START | C_END | C_MAX,
     "id; name: type (overtime, training, ...); value: title; start, end; max: slots"},
    {"opportunity.hours", K_ASSIGN, C_ID | C_VALUE, C_ID | C_VALUE, "id; value: overtime hours"},
    {"opportunity.required", K_ASSIGN, C_ID | C_VALUE, C_ID | C_VALUE, "id; value: qualifications, separated by ;"},
    {"opportunity.must_fill", K_ASSIGN, C_ID | C_VALUE, C_ID | C_VALUE, "id; value: yes if slots must be filled"},
    {"opportunity.special_skills", K_ASSIGN, C_ID | C_VALUE, C_ID | C_VALUE, "id; value: yes for special skills"},
    {"opportunity.ice_type", K_ASSIGN, C_ID | C_VALUE, C_ID | C_VALUE, "id; value: I, II_SHORT, II_LONG, III or SPECIAL"},
    {"opportunity.weight", K_ASSIGN, C_ID | C_NAME | C_VALUE, C_ID | C_NAME | C_VALUE, "id; name: score; value: its weight"},
    {"ledger.history", K_ASSIGN, C_ID | C_NAME | C_VALUE | C_START | C_END, C_ID | C_NAME | C_START | C_END,
     "id: employee; name: type; value: voluntary or involuntary (then an ICE type); start, end"},
    {"ledger.served_cycle", K_ASSIGN, C_NAME | C_VALUE, C_NAME, "name: type; value: employees, separated by ;"},
    {"ledger.mandate_cycle", K_ASSIGN, C_VALUE, 0, "value: employees, separated by ;"},
    {"ledger.training_last", K_ASSIGN, C_NAME | C_VALUE, C_NAME | C_VALUE, "name: training title; value: employee"},
};

/* ---- Errors ---------------------------------------------------------- */

typedef struct table {
  const char *file;
  const colspec *spec;
  int nspec;
  int *col;      /* for each spec entry, its field index, or -1 */
  char **attrs;  /* roster: attributes.NAME columns */
  int *attr_col;
  int nattrs;
  csv_row *rows;
  long nrows;
  csv_row cur; /* the row being read, freed with the table if an error jumps out */
} table;

/* Entries of a document array by their id, for imports of any size. The
 * keys are cells of the tables, which outlive the index. */
typedef struct keyed {
  const char **keys;
  cJSON **vals;
  size_t cap, n;
} keyed;

typedef struct imp {
  jmp_buf jb;
  const char *dir;
  unsigned kind;
  cJSON *doc;
  table t[3];
  char **ids; /* sorted employee ids */
  long nids;
  keyed requests, bids, on_file, opportunities;
  /* Where each object of the document came from, to name the row of a
   * value the library rejects. */
  struct origin {
    const cJSON *node;
    int table;
    long line;
  } *origins;
  size_t norigins, corigins;
} imp;

static size_t key_hash(const char *s) {
  uint64_t h = 0xcbf29ce484222325u;
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 0x100000001b3u;
  return (size_t)h;
}

static cJSON *keyed_get(const keyed *k, const char *key) {
  if (!k->cap) return NULL;
  for (size_t i = key_hash(key) & (k->cap - 1);; i = (i + 1) & (k->cap - 1)) {
    if (!k->keys[i]) return NULL;
    if (strcmp(k->keys[i], key) == 0) return k->vals[i];
  }
}

static bool keyed_put(keyed *k, const char *key, cJSON *val) {
  if (2 * (k->n + 1) > k->cap) {
    size_t cap = k->cap ? k->cap * 2 : 64;
    keyed bigger = {calloc(cap, sizeof *k->keys), calloc(cap, sizeof *k->vals), cap, 0};
    if (!bigger.keys || !bigger.vals) {
      free(bigger.keys);
      free(bigger.vals);
      return false;
    }
    for (size_t i = 0; i < k->cap; i++)
      if (k->keys[i]) keyed_put(&bigger, k->keys[i], k->vals[i]);
    free(k->keys);
    free(k->vals);
    *k = bigger;
  }
  size_t i = key_hash(key) & (k->cap - 1);
  while (k->keys[i]) i = (i + 1) & (k->cap - 1);
  k->keys[i] = key;
  k->vals[i] = val;
  k->n++;
  return true;
}

static void keyed_free(keyed *k) {
  free(k->keys);
  free(k->vals);
}

static void col_letters(int col, char out[8]) {
  char tmp[8];
  int n = 0;
  for (int c = col; c > 0 && n < 7; c = (c - 1) / 26) tmp[n++] = (char)('A' + (c - 1) % 26);
  for (int i = 0; i < n; i++) out[i] = tmp[n - 1 - i];
  out[n] = '\0';
}

/* The error line, then back to cmd_import. */
__attribute__((noreturn, format(printf, 6, 7))) static void die(imp *im, const char *code, const table *t, long line,
                                                                 int col, const char *fmt, ...) {
  char msg[700], where[300];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  if (col > 0) {
    char letters[8];
    col_letters(col, letters);
    snprintf(where, sizeof where, "%s:%ld:%d", t->file, line, col);
    cli_fail(code, where, "column %s: %s", letters, msg);
  } else {
    snprintf(where, sizeof where, "%s:%ld", t->file, line);
    cli_fail(code, where, "%s", msg);
  }
  longjmp(im->jb, 1);
}

/* A value quoted for a message, cut at 40 bytes on a character boundary. */
static const char *q(const char *s, char buf[64]) {
  size_t n = strlen(s), k = 0, o = 0;
  buf[o++] = '"';
  while (k < n && o < 50) {
    unsigned char c = (unsigned char)s[k];
    if (k >= 40 && (c & 0xC0) != 0x80) break;
    if (c == '"' || c == '\\') buf[o++] = '\\';
    buf[o++] = c < 0x20 ? '?' : (char)c;
    k++;
  }
  while (k < n && ((unsigned char)s[k] & 0xC0) == 0x80 && o < 58) buf[o++] = s[k++];
  if (k < n) {
    memcpy(buf + o, "...", 3);
    o += 3;
  }
  buf[o++] = '"';
  buf[o] = '\0';
  return buf;
}

/* ---- Reading a table ------------------------------------------------- */

static bool is_comment(const csv_row *r) { return r->n > 0 && r->fields[0].text[0] == '#'; }

static void read_table(imp *im, table *t, const char *file, const colspec *spec, int nspec, bool attrs,
                       bool optional) {
  memset(t, 0, sizeof *t);
  t->file = file;
  t->spec = spec;
  t->nspec = nspec;
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", im->dir, file);
  size_t len = 0;
  char *text = cli_read(path, &len);
  if (!text) {
    if (optional && errno == ENOENT) return;
    cli_fail("IO", "$", "cannot read %s: %s", path, strerror(errno));
    longjmp(im->jb, 1);
  }
  t->col = malloc((size_t)nspec * sizeof *t->col);
  if (!t->col) {
    free(text);
    die(im, "NOMEM", t, 0, 0, "out of memory");
  }
  for (int i = 0; i < nspec; i++) t->col[i] = -1;
  csv_reader r;
  csv_init(&r, text, len);
  csv_row *row = &t->cur;
  bool header = false;
  long cap = 0;
  int rc;
  char b[64];
  while ((rc = csv_next(&r, row)) > 0) {
    if (is_comment(row)) continue;
    if (!header) {
      header = true;
      for (int f = 0; f < row->n; f++) {
        const char *h = row->fields[f].text;
        if (!h[0]) continue; /* an unnamed column must stay empty */
        int k = 0;
        while (k < nspec && !((spec[k].kinds & im->kind) && strcasecmp(spec[k].name, h) == 0)) k++;
        if (k < nspec) {
          if (t->col[k] >= 0) {
            free(text);
            die(im, "DUPLICATE", t, row->fields[f].line, f + 1, "the column %s appears twice", q(h, b));
          }
          t->col[k] = f;
        } else if (attrs && strncmp(h, "attributes.", 11) == 0 && h[11]) {
          char **na = realloc(t->attrs, (size_t)(t->nattrs + 1) * sizeof *na);
          int *nc = na ? realloc(t->attr_col, (size_t)(t->nattrs + 1) * sizeof *nc) : NULL;
          if (na) t->attrs = na;
          if (!nc) {
            free(text);
            die(im, "NOMEM", t, 0, 0, "out of memory");
          }
          t->attr_col = nc;
          t->attrs[t->nattrs] = strdup(h + 11);
          t->attr_col[t->nattrs++] = f;
        } else {
          free(text);
          die(im, "VALUE", t, row->fields[f].line, f + 1, "unknown column %s (senbid import --template shows the columns)",
              q(h, b));
        }
      }
      if (t->col[0] < 0) {
        free(text);
        die(im, "MISSING", t, row->line, 0, "no %s column in the header row", spec[0].name);
      }
      continue;
    }
    if (t->nrows == cap) {
      cap = cap ? cap * 2 : 64;
      csv_row *nr = realloc(t->rows, (size_t)cap * sizeof *nr);
      if (!nr) {
        free(text);
        die(im, "NOMEM", t, 0, 0, "out of memory");
      }
      t->rows = nr;
    }
    t->rows[t->nrows++] = *row;
    memset(row, 0, sizeof *row);
  }
  free(text);
  csv_row_free(row);
  if (rc < 0) die(im, "CSV", t, r.err_line, r.err_col, "%s", r.err);
}

static void free_table(table *t) {
  for (long i = 0; i < t->nrows; i++) csv_row_free(&t->rows[i]);
  free(t->rows);
  free(t->col);
  for (int i = 0; i < t->nattrs; i++) free(t->attrs[i]);
  free(t->attrs);
  free(t->attr_col);
  csv_row_free(&t->cur);
}

/* The cell of column `name` in a row; NULL when the column is absent or
 * the cell empty. A cell beyond the header is an error. */
static int col_index(const table *t, const char *name) {
  for (int k = 0; k < t->nspec; k++)
    if (strcmp(t->spec[k].name, name) == 0) return t->col[k];
  return -1;
}

static const csv_field *cell(const table *t, const csv_row *r, const char *name) {
  int c = col_index(t, name);
  if (c < 0 || c >= r->n || !r->fields[c].text[0]) return NULL;
  return &r->fields[c];
}

static const char *col_name_at(const table *t, int f) {
  for (int k = 0; k < t->nspec; k++)
    if (t->col[k] == f) return t->spec[k].name;
  for (int k = 0; k < t->nattrs; k++)
    if (t->attr_col[k] == f) return t->attrs[k];
  return NULL;
}

/* Cells under no column, or under a column this setting does not use. */
static void check_extra(imp *im, const table *t, const csv_row *r) {
  for (int f = 0; f < r->n; f++)
    if (r->fields[f].text[0] && !col_name_at(t, f))
      die(im, "VALUE", t, r->fields[f].line, f + 1, "a cell outside the named columns");
}

#define CELL_DIE(im, code, t, c, ...) die(im, code, t, (c)->line, (c)->col, __VA_ARGS__)

/* ---- Values ---------------------------------------------------------- */

static bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static bool digits(const char *s, int n) {
  for (int i = 0; i < n; i++)
    if (!isdigit((unsigned char)s[i])) return false;
  return true;
}

/* YYYY-MM-DD or M/D/YYYY, as ISO; two-digit years are an error. */
static cJSON *v_date(imp *im, const table *t, const csv_field *c) {
  const char *s = c->text;
  int y = 0, m = 0, d = 0, n = 0;
  char b[64];
  if (sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) == 3 && !s[n] && digits(s, 4) && s[4] == '-') {
    /* ISO */
  } else if (sscanf(s, "%2d/%2d/%d%n", &m, &d, &y, &n) == 3 && !s[n] && isdigit((unsigned char)s[0])) {
    const char *ys = strrchr(s, '/') + 1;
    if (strlen(ys) != 4 || !digits(ys, 4))
      CELL_DIE(im, "DATE", t, c, "%s: write the year with four digits (M/D/YYYY or YYYY-MM-DD)", q(s, b));
  } else {
    CELL_DIE(im, "DATE", t, c, "expected a date as YYYY-MM-DD or M/D/YYYY, not %s", q(s, b));
  }
  static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1] + (m == 2 && leap(y)))
    CELL_DIE(im, "DATE", t, c, "%s is not a day of the calendar", q(s, b));
  char iso[40];
  snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
  return cJSON_CreateString(iso);
}

static cJSON *v_time(imp *im, const table *t, const csv_field *c) {
  const char *s = c->text;
  int h, mi, n = 0;
  char b[64];
  if (sscanf(s, "%2d:%2d%n", &h, &mi, &n) != 2 || s[n] || !isdigit((unsigned char)s[0]) || h > 23 || mi > 59 ||
      h < 0 || mi < 0 || strlen(strchr(s, ':') + 1) != 2)
    CELL_DIE(im, "TIME", t, c, "expected a time as HH:MM (24 h), not %s", q(s, b));
  char out[8];
  snprintf(out, sizeof out, "%02d:%02d", h, mi);
  return cJSON_CreateString(out);
}

static cJSON *v_int(imp *im, const table *t, const csv_field *c, bool allow_negative) {
  const char *s = c->text;
  char *end;
  char b[64];
  errno = 0;
  long long v = strtoll(s, &end, 10);
  if (*end || errno || (!isdigit((unsigned char)s[0]) && !(s[0] == '-' && isdigit((unsigned char)s[1]))) ||
      llabs(v) > 1000000000LL)
    CELL_DIE(im, "TYPE", t, c, "expected a whole number, not %s", q(s, b));
  if (v < 0 && !allow_negative) CELL_DIE(im, "NEGATIVE", t, c, "%s is negative", q(s, b));
  return cJSON_CreateNumber((double)v);
}

static cJSON *v_num(imp *im, const table *t, const csv_field *c) {
  const char *s = c->text;
  char *end;
  char b[64];
  errno = 0;
  double v = strtod(s, &end);
  if (*end || errno || !isfinite(v) || !(isdigit((unsigned char)s[0]) || s[0] == '-' || s[0] == '.') ||
      fabs(v) > 1e9)
    CELL_DIE(im, "TYPE", t, c, "expected a number, not %s", q(s, b));
  if (v < 0) CELL_DIE(im, "NEGATIVE", t, c, "%s is negative", q(s, b));
  return cJSON_CreateNumber(v);
}

static cJSON *v_bool(imp *im, const table *t, const csv_field *c) {
  static const char *yes[] = {"yes", "y", "true", "1", "x"}, *no[] = {"no", "n", "false", "0"};
  for (size_t i = 0; i < 5; i++)
    if (strcasecmp(c->text, yes[i]) == 0) return cJSON_CreateTrue();
  for (size_t i = 0; i < 4; i++)
    if (strcasecmp(c->text, no[i]) == 0) return cJSON_CreateFalse();
  char b[64];
  CELL_DIE(im, "TYPE", t, c, "expected yes or no, not %s", q(c->text, b));
}

/* "a; b; c", trimmed, empty items dropped. Calls each(item) for each. */
typedef struct list {
  char **v;
  int n;
} list;

static void v_list(imp *im, const table *t, const csv_field *c, list *out) {
  out->n = 0;
  out->v = NULL;
  const char *s = c->text;
  while (*s) {
    const char *e = strchr(s, ';');
    if (!e) e = s + strlen(s);
    const char *a = s, *z = e;
    while (a < z && isspace((unsigned char)*a)) a++;
    while (z > a && isspace((unsigned char)z[-1])) z--;
    if (z > a) {
      char **nv = realloc(out->v, (size_t)(out->n + 1) * sizeof *nv);
      if (!nv) CELL_DIE(im, "NOMEM", t, c, "out of memory");
      out->v = nv;
      out->v[out->n++] = strndup(a, (size_t)(z - a));
    }
    s = *e ? e + 1 : e;
  }
}

static void free_list(list *l) {
  for (int i = 0; i < l->n; i++) free(l->v[i]);
  free(l->v);
}

static const char *weekdays[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

static const char *weekday_of(const char *s) {
  static const char *full[] = {"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};
  for (int i = 0; i < 7; i++)
    if (strcasecmp(s, weekdays[i]) == 0 || strcasecmp(s, full[i]) == 0) return weekdays[i];
  return NULL;
}

static cJSON *v_weekday(imp *im, const table *t, const csv_field *c, const char *s) {
  const char *w = weekday_of(s);
  char b[64];
  if (!w) CELL_DIE(im, "VALUE", t, c, "%s is not a weekday (sun, mon, ... sat)", q(s, b));
  return cJSON_CreateString(w);
}

static cJSON *v_weekdays(imp *im, const table *t, const csv_field *c) {
  list l;
  v_list(im, t, c, &l);
  cJSON *a = cJSON_CreateArray();
  for (int i = 0; i < l.n; i++) {
    const char *w = weekday_of(l.v[i]);
    if (!w) {
      char b[64];
      q(l.v[i], b);
      free_list(&l);
      cJSON_Delete(a);
      CELL_DIE(im, "VALUE", t, c, "%s is not a weekday (sun, mon, ... sat)", b);
    }
    cJSON_AddItemToArray(a, cJSON_CreateString(w));
  }
  free_list(&l);
  return a;
}

static cJSON *v_strings(imp *im, const table *t, const csv_field *c) {
  list l;
  v_list(im, t, c, &l);
  cJSON *a = cJSON_CreateArray();
  for (int i = 0; i < l.n; i++) cJSON_AddItemToArray(a, cJSON_CreateString(l.v[i]));
  free_list(&l);
  return a;
}

/* "w2 fri", "2:fri", "week 2 fri" -> {"week": 2, "day": "fri"}; a bare
 * weekday when bare is allowed. */
static cJSON *v_weekday_in_week(imp *im, const table *t, const csv_field *c, const char *s, bool bare) {
  char b[64];
  const char *p = s;
  if (strncasecmp(p, "week", 4) == 0) p += 4;
  else if (*p == 'w' || *p == 'W') p++;
  while (*p == ' ') p++;
  if ((*p == '1' || *p == '2') && (p[1] == ' ' || p[1] == ':')) {
    int week = *p - '0';
    p += 2;
    while (*p == ' ') p++;
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "week", week);
    const char *w = weekday_of(p);
    if (!w) {
      cJSON_Delete(o);
      CELL_DIE(im, "VALUE", t, c, "%s: expected a week and a weekday such as w2 fri", q(s, b));
    }
    cJSON_AddStringToObject(o, "day", w);
    return o;
  }
  if (bare && weekday_of(s)) return cJSON_CreateString(weekday_of(s));
  CELL_DIE(im, "VALUE", t, c, "%s: expected %s", q(s, b), bare ? "a weekday (fri) or a week and a weekday (w2 fri)"
                                                              : "a week and a weekday such as w2 fri");
}

/* ---- Building the document ------------------------------------------- */

/* Records that node was made from row r of table t; returns node. */
static cJSON *mark(imp *im, const table *t, const csv_row *r, cJSON *node) {
  if (im->norigins == im->corigins) {
    size_t cap = im->corigins ? im->corigins * 2 : 256;
    struct origin *o = realloc(im->origins, cap * sizeof *o);
    if (!o) return node; /* only the error's location is less precise */
    im->origins = o;
    im->corigins = cap;
  }
  im->origins[im->norigins++] = (struct origin){node, (int)(t - im->t), r->line};
  return node;
}

static const struct origin *origin_of(const imp *im, const cJSON *node) {
  for (size_t i = 0; i < im->norigins; i++)
    if (im->origins[i].node == node) return &im->origins[i];
  return NULL;
}

/* The library's error at a JSON path ("$.requests[3].choices[0].options[1].end"),
 * told at the row its value came from: the deepest object on the path that
 * a row made, and the column of the last member when the table has one. */
static void library_error(imp *im, int code, const char *path, const char *msg) {
  const cJSON *node = im->doc;
  const struct origin *best = NULL;
  char member[64] = "";
  const char *p = path[0] == '$' ? path + 1 : path;
  while (node && *p) {
    if (*p == '[') {
      long k = strtol(p + 1, NULL, 10);
      node = cJSON_GetArrayItem(node, (int)k);
      p = strchr(p, ']');
      p = p ? p + 1 : "";
    } else if (*p == '.') {
      size_t n = strcspn(p + 1, ".[");
      snprintf(member, sizeof member, "%.*s", (int)(n < 63 ? n : 63), p + 1);
      node = cJSON_GetObjectItemCaseSensitive(node, member);
      p += 1 + n;
    } else {
      break;
    }
    const struct origin *o = node ? origin_of(im, node) : NULL;
    if (o) best = o;
  }
  if (!best) {
    cli_fail(senbid_code_name(code), path, "%s (in the document imported from %s)", msg, im->dir);
    return;
  }
  const table *t = &im->t[best->table];
  int col = member[0] ? col_index(t, member) : -1;
  char where[300];
  if (col >= 0) {
    char letters[8];
    col_letters(col + 1, letters);
    snprintf(where, sizeof where, "%s:%ld:%d", t->file, best->line, col + 1);
    cli_fail(senbid_code_name(code), where, "column %s: %s (%s)", letters, msg, path);
  } else {
    snprintf(where, sizeof where, "%s:%ld", t->file, best->line);
    cli_fail(senbid_code_name(code), where, "%s (%s)", msg, path);
  }
}

static cJSON *obj(cJSON *parent, const char *key) {
  cJSON *o = cJSON_GetObjectItemCaseSensitive(parent, key);
  if (!o) o = cJSON_AddObjectToObject(parent, key);
  return o;
}

static cJSON *arr(cJSON *parent, const char *key) {
  cJSON *o = cJSON_GetObjectItemCaseSensitive(parent, key);
  if (!o) o = cJSON_AddArrayToObject(parent, key);
  return o;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static bool known_id(const imp *im, const char *id) {
  return bsearch(&id, im->ids, (size_t)im->nids, sizeof *im->ids, cmp_str) != NULL;
}

static void need_employee(imp *im, const table *t, const csv_field *c, const char *id) {
  char b[64];
  if (!known_id(im, id)) CELL_DIE(im, "UNKNOWN_ID", t, c, "no employee in roster.csv has the id %s", q(id, b));
}

static void need_employees(imp *im, const table *t, const csv_field *c) {
  list l;
  v_list(im, t, c, &l);
  for (int i = 0; i < l.n; i++) {
    if (!known_id(im, l.v[i])) {
      char b[64];
      q(l.v[i], b);
      free_list(&l);
      CELL_DIE(im, "UNKNOWN_ID", t, c, "no employee in roster.csv has the id %s", b);
    }
  }
  free_list(&l);
}

static void roster(imp *im) {
  table *t = &im->t[0];
  cJSON *emps = cJSON_AddArrayToObject(im->doc, "employees");
  im->ids = calloc((size_t)t->nrows + 1, sizeof *im->ids);
  if (!im->ids) die(im, "NOMEM", t, 0, 0, "out of memory");
  static const char *dates[] = {"series_start", "usbp_start", "cbp_start", "scd", "eod", "attorney_start"};
  static const char *credits[] = {"series", "usbp", "cbp", "scd", "eod", "attorney"};
  char b[64];
  for (long i = 0; i < t->nrows; i++) {
    const csv_row *r = &t->rows[i];
    check_extra(im, t, r);
    const csv_field *id = cell(t, r, "id");
    if (!id) die(im, "MISSING", t, r->line, t->col[0] + 1, "every employee needs an id");
    im->ids[im->nids++] = id->text;
    cJSON *e = mark(im, t, r, cJSON_CreateObject());
    cJSON_AddItemToArray(emps, e);
    cJSON_AddStringToObject(e, "id", id->text);
    const csv_field *c;
    static const char *parts[] = {"last", "first", "middle"};
    for (int k = 0; k < 3; k++)
      if ((c = cell(t, r, parts[k]))) cJSON_AddStringToObject(obj(e, "name"), parts[k], c->text);
    for (int k = 0; k < 6; k++)
      if ((c = cell(t, r, dates[k]))) cJSON_AddItemToObject(obj(e, "service"), dates[k], v_date(im, t, c));
    for (int k = 0; k < 6; k++) {
      char col[32];
      snprintf(col, sizeof col, "credit_%s", credits[k]);
      if ((c = cell(t, r, col))) cJSON_AddItemToObject(obj(e, "credit_days"), credits[k], v_int(im, t, c, true));
    }
    if ((c = cell(t, r, "attorney"))) cJSON_AddItemToObject(e, "attorney", v_bool(im, t, c));
    if ((c = cell(t, r, "group"))) cJSON_AddStringToObject(e, "group", c->text);
    if ((c = cell(t, r, "grade"))) cJSON_AddStringToObject(e, "grade", c->text);
    if ((c = cell(t, r, "quals"))) cJSON_AddItemToObject(e, "quals", v_strings(im, t, c));
    static const char *nums[] = {"leave_balance_hours", "hours_per_day", "use_or_lose_hours", "part_time_hours"};
    for (int k = 0; k < 4; k++)
      if ((c = cell(t, r, nums[k]))) cJSON_AddItemToObject(e, nums[k], v_num(im, t, c));
    if ((c = cell(t, r, "min_leave_days"))) cJSON_AddItemToObject(e, "min_leave_days", v_int(im, t, c, false));
    if ((c = cell(t, r, "workdays"))) cJSON_AddItemToObject(e, "workdays", v_weekdays(im, t, c));
    static const char *flags[] = {"school_age_children", "denied_previous_period", "grandfathered_494", "union_board"};
    for (int k = 0; k < 4; k++)
      if ((c = cell(t, r, flags[k]))) cJSON_AddItemToObject(e, flags[k], v_bool(im, t, c));
    if ((c = cell(t, r, "status"))) {
      static const char *st[] = {"active", "detailed", "light_duty", "admin_duty", "tdy_outside"};
      int k = 0;
      while (k < 5 && strcmp(st[k], c->text) != 0) k++;
      if (k == 5)
        CELL_DIE(im, "VALUE", t, c, "%s is not a status (active, detailed, light_duty, admin_duty, tdy_outside)",
                 q(c->text, b));
      cJSON_AddStringToObject(e, "status", c->text);
    }
    if ((c = cell(t, r, "return_date"))) cJSON_AddItemToObject(e, "return_date", v_date(im, t, c));
    if ((c = cell(t, r, "fixed_shift"))) cJSON_AddStringToObject(e, "fixed_shift", c->text);
    if ((c = cell(t, r, "denials")))
      cJSON_AddItemToObject(obj(obj(im->doc, "history"), "denials"), id->text, v_int(im, t, c, false));
    if ((c = cell(t, r, "overtime_hours")))
      cJSON_AddItemToObject(obj(obj(im->doc, "ledger"), "overtime_hours"), id->text, v_num(im, t, c));
    if ((c = cell(t, r, "exempt_until"))) {
      cJSON *x = mark(im, t, r, cJSON_CreateObject());
      cJSON_AddItemToArray(arr(obj(im->doc, "ledger"), "exemptions"), x);
      cJSON_AddStringToObject(x, "employee", id->text);
      cJSON_AddItemToObject(x, "until", v_date(im, t, c));
    }
    for (int k = 0; k < t->nattrs; k++) {
      int f = t->attr_col[k];
      if (f < r->n && r->fields[f].text[0])
        cJSON_AddItemToObject(obj(e, "attributes"), t->attrs[k], v_num(im, t, &r->fields[f]));
    }
  }
  qsort(im->ids, (size_t)im->nids, sizeof *im->ids, cmp_str);
  for (long i = 1; i < im->nids; i++) {
    if (strcmp(im->ids[i - 1], im->ids[i]) != 0) continue;
    /* Name the second row with that id, and the first. */
    long first = 0;
    for (long k = 0; k < t->nrows; k++) {
      const csv_field *c = cell(t, &t->rows[k], "id");
      if (!c || strcmp(c->text, im->ids[i]) != 0) continue;
      if (first) CELL_DIE(im, "DUPLICATE", t, c, "the id %s is already used on line %ld", q(c->text, b), first);
      first = c->line;
    }
  }
}

/* Finds (or makes) the entry of `key` == value in an array of objects,
 * through an index when one is given. */
static cJSON *entry_ix(imp *im, keyed *ix, cJSON *array, const char *key, const char *value, bool *made) {
  cJSON *x;
  *made = false;
  if (ix) {
    if ((x = keyed_get(ix, value))) return x;
  } else {
    cJSON_ArrayForEach(x, array) {
      const cJSON *v = cJSON_GetObjectItemCaseSensitive(x, key);
      if (cJSON_IsString(v) && strcmp(v->valuestring, value) == 0) return x;
    }
  }
  x = cJSON_CreateObject();
  if (ix && !keyed_put(ix, value, x)) {
    cJSON_Delete(x);
    cli_fail("NOMEM", "$", "out of memory");
    longjmp(im->jb, 1);
  }
  cJSON_AddItemToArray(array, x);
  cJSON_AddStringToObject(x, key, value);
  *made = true;
  return x;
}

static cJSON *entry(cJSON *array, const char *key, const char *value, bool *made) {
  return entry_ix(NULL, NULL, array, key, value, made);
}

static void requests_leave(imp *im, table *t, const csv_row *r, const csv_field *emp) {
  bool made;
  cJSON *req = entry_ix(im, &im->requests, arr(im->doc, "requests"), "employee", emp->text, &made);
  if (made) mark(im, t, r, req);
  cJSON *choices = arr(req, "choices");
  const csv_field *ch = cell(t, r, "choice"), *s = cell(t, r, "start"), *e = cell(t, r, "end");
  if (!ch) {
    if (s || e) die(im, "MISSING", t, r->line, col_index(t, "choice") + 1, "an option needs the name of its choice");
    return; /* an employee who bids live */
  }
  if (!s) die(im, "MISSING", t, r->line, col_index(t, "start") + 1, "an option needs its first day (start)");
  if (!e) die(im, "MISSING", t, r->line, col_index(t, "end") + 1, "an option needs its last day (end)");
  cJSON *c = entry(choices, "id", ch->text, &made);
  if (made) mark(im, t, r, c);
  cJSON *opt = mark(im, t, r, cJSON_CreateObject());
  cJSON_AddItemToArray(arr(c, "options"), opt);
  cJSON_AddItemToObject(opt, "start", v_date(im, t, s));
  cJSON_AddItemToObject(opt, "end", v_date(im, t, e));
}

static void requests_shift(imp *im, table *t, const csv_row *r, const csv_field *emp) {
  const csv_field *of = cell(t, r, "on_file"), *np = cell(t, r, "no_preference"), *pr = cell(t, r, "prefs");
  bool on_file = false;
  if (of) {
    cJSON *v = v_bool(im, t, of);
    on_file = cJSON_IsTrue(v);
    cJSON_Delete(v);
  }
  cJSON *sheets = on_file ? arr(obj(im->doc, "history"), "bids_on_file") : arr(im->doc, "bids");
  bool made;
  cJSON *bid = entry_ix(im, on_file ? &im->on_file : &im->bids, sheets, "employee", emp->text, &made);
  if (made) mark(im, t, r, bid);
  char b[64];
  if (!made) CELL_DIE(im, "DUPLICATE", t, emp, "%s already has a %s", q(emp->text, b), on_file ? "sheet on file" : "bid");
  if (np) {
    cJSON *v = v_bool(im, t, np);
    if (cJSON_IsTrue(v)) cJSON_AddItemToObject(bid, "no_preference", v);
    else cJSON_Delete(v);
  }
  if (pr) cJSON_AddItemToObject(bid, "prefs", v_strings(im, t, pr));
  else if (!cJSON_GetObjectItemCaseSensitive(bid, "no_preference")) cJSON_AddArrayToObject(bid, "prefs");
}

static void requests_aws(imp *im, table *t, const csv_row *r, const csv_field *emp) {
  bool made;
  cJSON *req = entry_ix(im, &im->requests, arr(im->doc, "requests"), "employee", emp->text, &made);
  if (made) mark(im, t, r, req);
  cJSON *opts = arr(req, "options");
  const csv_field *c;
  char b[64];
  if ((c = cell(t, r, "telework"))) {
    if (cJSON_GetObjectItemCaseSensitive(req, "telework"))
      CELL_DIE(im, "DUPLICATE", t, c, "telework days for %s are already given", q(emp->text, b));
    cJSON_AddItemToObject(req, "telework", v_weekdays(im, t, c));
  }
  const csv_field *type = cell(t, r, "type");
  if (!type) {
    static const char *cols[] = {"day_off", "short_day", "days_off", "arrive", "meal_minutes"};
    for (int k = 0; k < 5; k++)
      if ((c = cell(t, r, cols[k]))) CELL_DIE(im, "MISSING", t, c, "an option needs its type");
    return;
  }
  static const char *types[] = {"VWS", "MAXIFLEX", "CWS_4_10", "CWS_5_4_9", "CWS_4_9_4"};
  int k = 0;
  while (k < 5 && strcmp(types[k], type->text) != 0) k++;
  if (k == 5) CELL_DIE(im, "VALUE", t, type, "%s is not a schedule type (VWS, MAXIFLEX, CWS_4_10, CWS_5_4_9, CWS_4_9_4)",
                       q(type->text, b));
  cJSON *o = mark(im, t, r, cJSON_CreateObject());
  cJSON_AddItemToArray(opts, o);
  cJSON_AddStringToObject(o, "type", type->text);
  if ((c = cell(t, r, "day_off"))) cJSON_AddItemToObject(o, "day_off", v_weekday_in_week(im, t, c, c->text, true));
  if ((c = cell(t, r, "short_day"))) cJSON_AddItemToObject(o, "short_day", v_weekday_in_week(im, t, c, c->text, false));
  if ((c = cell(t, r, "days_off"))) {
    /* The items live in the document while they are read, so an error
     * that jumps out leaks nothing. */
    cJSON *items = v_strings(im, t, c);
    cJSON_AddItemToObject(o, "__items", items);
    cJSON *a = cJSON_AddArrayToObject(o, "days_off");
    const cJSON *it;
    cJSON_ArrayForEach(it, items) cJSON_AddItemToArray(a, v_weekday_in_week(im, t, c, it->valuestring, false));
    cJSON_DeleteItemFromObject(o, "__items");
  }
  if ((c = cell(t, r, "arrive"))) cJSON_AddItemToObject(o, "arrive", v_time(im, t, c));
  if ((c = cell(t, r, "meal_minutes"))) cJSON_AddItemToObject(o, "meal_minutes", v_int(im, t, c, false));
}

static cJSON *find_opportunity(imp *im, table *t, const csv_field *c) {
  cJSON *x = keyed_get(&im->opportunities, c->text);
  if (x) return x;
  char b[64];
  CELL_DIE(im, "UNKNOWN_ID", t, c, "no opportunity row in settings.csv has the id %s", q(c->text, b));
}

static void requests_assign(imp *im, table *t, const csv_row *r, const csv_field *emp) {
  const csv_field *oc = cell(t, r, "opportunity"), *resp = cell(t, r, "response"), *sc = cell(t, r, "scores");
  if (!oc) die(im, "MISSING", t, r->line, col_index(t, "opportunity") + 1, "a row needs its opportunity");
  cJSON *opp = find_opportunity(im, t, oc);
  const char *what = resp ? resp->text : "volunteer";
  char b[64];
  if (strcasecmp(what, "volunteer") == 0) {
    cJSON *v = arr(opp, "volunteers");
    if (sc) {
      cJSON *o = mark(im, t, r, cJSON_CreateObject());
      cJSON_AddItemToArray(v, o);
      cJSON_AddStringToObject(o, "employee", emp->text);
      cJSON *scores = cJSON_AddObjectToObject(o, "scores");
      list l;
      v_list(im, t, sc, &l);
      for (int i = 0; i < l.n; i++) {
        char *eq = strchr(l.v[i], '=');
        char *end = NULL;
        double val = eq ? strtod(eq + 1, &end) : 0;
        if (!eq || eq == l.v[i] || !end || end == eq + 1 || *end || !isfinite(val)) {
          q(l.v[i], b);
          free_list(&l);
          CELL_DIE(im, "VALUE", t, sc, "%s: expected name=number", b);
        }
        *eq = '\0';
        cJSON_AddNumberToObject(scores, l.v[i], val);
      }
      free_list(&l);
    } else {
      cJSON_AddItemToArray(v, cJSON_CreateString(emp->text));
    }
    return;
  }
  if (sc) CELL_DIE(im, "VALUE", t, sc, "scores belong to a volunteer");
  if (strcasecmp(what, "decline") == 0) cJSON_AddItemToArray(arr(opp, "declines"), cJSON_CreateString(emp->text));
  else if (strcasecmp(what, "extension") == 0)
    cJSON_AddItemToArray(arr(opp, "extension_volunteers"), cJSON_CreateString(emp->text));
  else CELL_DIE(im, "VALUE", t, resp, "%s is not a response (volunteer, decline or extension)", q(what, b));
}

static void requests(imp *im) {
  table *t = &im->t[1];
  for (long i = 0; i < t->nrows; i++) {
    const csv_row *r = &t->rows[i];
    check_extra(im, t, r);
    const csv_field *emp = cell(t, r, "employee");
    if (!emp) die(im, "MISSING", t, r->line, t->col[0] + 1, "every row needs an employee id");
    need_employee(im, t, emp, emp->text);
    switch (im->kind) {
      case K_LEAVE: requests_leave(im, t, r, emp); break;
      case K_SHIFT: requests_shift(im, t, r, emp); break;
      case K_AWS: requests_aws(im, t, r, emp); break;
      default: requests_assign(im, t, r, emp); break;
    }
  }
}

/* ---- settings.csv ---------------------------------------------------- */

static const char *const set_cols[] = {"id", "name", "value", "start", "end", "min", "max"};

/* Sets a scalar once; a second row for it is a duplicate. */
static void put_once(imp *im, table *t, const csv_field *c, cJSON *parent, const char *key, cJSON *v) {
  char b[64];
  if (cJSON_GetObjectItemCaseSensitive(parent, key)) {
    cJSON_Delete(v);
    CELL_DIE(im, "DUPLICATE", t, c, "%s is set twice", q(key, b));
  }
  cJSON_AddItemToObject(parent, key, v);
}

static void range(imp *im, table *t, const csv_row *r, cJSON *o, bool times) {
  const csv_field *s = cell(t, r, "start"), *e = cell(t, r, "end");
  if (times) {
    cJSON *a = cJSON_CreateArray();
    cJSON_AddItemToObject(o, "__range", a);
    cJSON_AddItemToArray(a, v_time(im, t, s));
    cJSON_AddItemToArray(a, v_time(im, t, e));
    return;
  }
  if (s) cJSON_AddItemToObject(o, "start", v_date(im, t, s));
  if (e) cJSON_AddItemToObject(o, "end", v_date(im, t, e));
}

static cJSON *find_shift(imp *im, table *t, const csv_field *c) {
  cJSON *x;
  cJSON_ArrayForEach(x, cJSON_GetObjectItemCaseSensitive(im->doc, "shifts")) {
    if (strcmp(cJSON_GetObjectItemCaseSensitive(x, "id")->valuestring, c->text) == 0) return x;
  }
  char b[64];
  CELL_DIE(im, "UNKNOWN_ID", t, c, "no shift row above has the id %s", q(c->text, b));
}

static bool is_value(const char *s, const char *const *set, int n) {
  for (int i = 0; i < n; i++)
    if (strcmp(s, set[i]) == 0) return true;
  return false;
}

static void one_setting(imp *im, table *t, const csv_row *r, const setspec *sp) {
  const csv_field *id = cell(t, r, "id"), *name = cell(t, r, "name"), *val = cell(t, r, "value");
  const csv_field *mn = cell(t, r, "min"), *mx = cell(t, r, "max"), *set = cell(t, r, "setting");
  const char *n = sp->name;
  cJSON *doc = im->doc;
  char b[64];
  if (!strcmp(n, "as_of")) put_once(im, t, set, doc, "as_of", v_date(im, t, val));
  else if (!strcmp(n, "seniority.policy")) put_once(im, t, set, obj(doc, "seniority"), "policy", cJSON_CreateString(val->text));
  else if (!strcmp(n, "seniority.seed")) {
    /* Exact: the seed is copied as written (it may exceed 2^53). */
    const char *s = val->text;
    if (!(digits(s, (int)strlen(s)) || (s[0] == '-' && s[1] && digits(s + 1, (int)strlen(s + 1)))) || strlen(s) > 40)
      CELL_DIE(im, "TYPE", t, val, "expected a whole number, not %s", q(s, b));
    put_once(im, t, set, obj(doc, "seniority"), "seed", cJSON_CreateRaw(s));
  } else if (!strcmp(n, "seniority.tie")) put_once(im, t, set, obj(doc, "seniority"), "tie", cJSON_CreateString(val->text));
  else if (!strcmp(n, "seniority.mixed_occupations"))
    put_once(im, t, set, obj(doc, "seniority"), "mixed_occupations", v_bool(im, t, val));
  else if (!strcmp(n, "seniority.key")) {
    cJSON *k = mark(im, t, r, cJSON_CreateObject());
    cJSON_AddItemToArray(arr(obj(doc, "seniority"), "keys"), k);
    cJSON_AddStringToObject(k, "key", name->text);
    if (val) cJSON_AddStringToObject(k, "order", val->text);
  } else if (!strcmp(n, "seniority.order")) {
    need_employees(im, t, val);
    put_once(im, t, set, obj(doc, "seniority"), "order", v_strings(im, t, val));
  } else if (!strcmp(n, "inauguration_day")) put_once(im, t, set, doc, "inauguration_day", v_bool(im, t, val));
  else if (!strcmp(n, "period") || !strcmp(n, "rotation") || !strcmp(n, "edp")) {
    cJSON *o = mark(im, t, r, cJSON_CreateObject());
    put_once(im, t, set, doc, n, o);
    range(im, t, r, o, false);
  } else if (!strcmp(n, "holidays")) {
    if (strcmp(val->text, "us-federal") != 0)
      CELL_DIE(im, "VALUE", t, val, "%s: write us-federal, or one holiday row per date", q(val->text, b));
    put_once(im, t, set, doc, "holidays", cJSON_CreateString("us-federal"));
  } else if (!strcmp(n, "holiday")) {
    cJSON *h = cJSON_GetObjectItemCaseSensitive(doc, "holidays");
    if (cJSON_IsString(h)) CELL_DIE(im, "DUPLICATE", t, set, "holidays is already us-federal");
    cJSON_AddItemToArray(arr(doc, "holidays"), v_date(im, t, cell(t, r, "start")));
  } else if (!strcmp(n, "capacity.default")) put_once(im, t, set, obj(doc, "capacity"), "default", v_int(im, t, mx, false));
  else if (!strcmp(n, "capacity.group")) put_once(im, t, name, obj(obj(doc, "capacity"), "groups"), name->text, v_int(im, t, mx, false));
  else if (!strcmp(n, "capacity.override")) {
    cJSON *o = mark(im, t, r, cJSON_CreateObject());
    cJSON_AddItemToArray(arr(obj(doc, "capacity"), "overrides"), o);
    range(im, t, r, o, false);
    cJSON_AddItemToObject(o, "max", v_int(im, t, mx, false));
    if (name) cJSON_AddStringToObject(o, "group", name->text);
  } else if (!strcmp(n, "capacity.total")) {
    cJSON *o = mark(im, t, r, cJSON_CreateObject());
    cJSON_AddItemToArray(arr(obj(doc, "capacity"), "totals"), o);
    cJSON_AddItemToObject(o, "groups", v_strings(im, t, name));
    cJSON_AddItemToObject(o, "max", v_int(im, t, mx, false));
    range(im, t, r, o, false);
  } else if (!strcmp(n, "approved")) {
    need_employee(im, t, id, id->text);
    cJSON *o = mark(im, t, r, cJSON_CreateObject());
    cJSON_AddItemToArray(arr(doc, "approved"), o);
    cJSON_AddStringToObject(o, "employee", id->text);
    range(im, t, r, o, false);
  } else if (!strcmp(n, "school_break")) {
    cJSON *o = mark(im, t, r, cJSON_CreateObject());
    cJSON_AddItemToArray(arr(doc, "school_breaks"), o);
    range(im, t, r, o, false);
  } else if (!strcmp(n, "rules.max_days_per_employee"))
    put_once(im, t, set, obj(doc, "rules"), "max_days_per_employee", v_int(im, t, val, false));
  else if (!strcmp(n, "rules.priority")) {
    if (!strcmp(val->text, "ice-2019") || !strcmp(val->text, "ins-1995"))
      put_once(im, t, set, obj(doc, "rules"), "priority", cJSON_CreateString(val->text));
    else put_once(im, t, set, obj(doc, "rules"), "priority", v_strings(im, t, val));
  } else if (!strcmp(n, "shift")) {
    bool made;
    cJSON *s = entry(arr(doc, "shifts"), "id", id->text, &made);
    if (made) mark(im, t, r, s);
    if (!made) CELL_DIE(im, "DUPLICATE", t, id, "the shift %s is already defined", q(id->text, b));
    cJSON_AddItemToObject(s, "start", v_time(im, t, cell(t, r, "start")));
    cJSON_AddItemToObject(s, "end", v_time(im, t, cell(t, r, "end")));
    if (mn) cJSON_AddItemToObject(s, "min", v_int(im, t, mn, false));
    if (mx) cJSON_AddItemToObject(s, "max", v_int(im, t, mx, false));
  } else if (!strcmp(n, "shift.grade")) {
    cJSON *s = find_shift(im, t, id);
    cJSON *g = mark(im, t, r, cJSON_CreateObject());
    put_once(im, t, name, obj(s, "grades"), name->text, g);
    if (mn) cJSON_AddItemToObject(g, "min", v_int(im, t, mn, false));
    if (mx) cJSON_AddItemToObject(g, "max", v_int(im, t, mx, false));
  } else if (!strcmp(n, "adjust.max")) {
    find_shift(im, t, id);
    cJSON *o = mark(im, t, r, cJSON_CreateObject());
    cJSON_AddItemToArray(arr(doc, "adjustments"), o);
    cJSON_AddStringToObject(o, "shift", id->text);
    cJSON_AddItemToObject(o, "max", v_int(im, t, mx, false));
  } else if (!strcmp(n, "adjust.place")) {
    find_shift(im, t, id);
    need_employee(im, t, name, name->text);
    cJSON *o = mark(im, t, r, cJSON_CreateObject());
    cJSON_AddItemToArray(arr(doc, "adjustments"), o);
    cJSON_AddStringToObject(o, "place", name->text);
    cJSON_AddStringToObject(o, "shift", id->text);
  } else if (!strcmp(n, "history.bumped")) {
    find_shift(im, t, id);
    if (val) need_employees(im, t, val);
    put_once(im, t, id, obj(obj(doc, "history"), "bumped"), id->text,
             val ? v_strings(im, t, val) : cJSON_CreateArray());
  } else if (!strncmp(n, "rules.", 6) && im->kind == K_SHIFT) {
    put_once(im, t, set, obj(doc, "rules"), n + 6, v_int(im, t, val, false));
  } else if (!strcmp(n, "pay_period_anchor") || !strcmp(n, "schedule_end")) {
    put_once(im, t, set, doc, n, v_date(im, t, val));
  } else if (!strcmp(n, "office.hours_of_duty") || !strcmp(n, "office.core")) {
    cJSON *tmp = cJSON_CreateObject();
    cJSON_AddItemToObject(doc, "__tmp", tmp);
    range(im, t, r, tmp, true);
    cJSON *a = cJSON_DetachItemFromObject(tmp, "__range");
    cJSON_DeleteItemFromObject(doc, "__tmp");
    put_once(im, t, set, obj(doc, "office"), n + 7, a);
  } else if (!strcmp(n, "office.max_off") || !strcmp(n, "office.max_telework")) {
    cJSON *w = v_weekday(im, t, name, name->text);
    const char *day = weekday_of(name->text);
    cJSON_Delete(w);
    put_once(im, t, name, obj(obj(doc, "office"), n + 7), day, v_int(im, t, mx, false));
  } else if (!strcmp(n, "office.max_type") || !strcmp(n, "office.min_type")) {
    static const char *const types[] = {"VWS", "MAXIFLEX", "CWS_4_10", "CWS_5_4_9", "CWS_4_9_4"};
    if (!is_value(name->text, types, 5))
      CELL_DIE(im, "VALUE", t, name, "%s is not a schedule type (VWS, MAXIFLEX, CWS_4_10, CWS_5_4_9, CWS_4_9_4)",
               q(name->text, b));
    put_once(im, t, name, obj(obj(doc, "office"), n + 7), name->text, v_int(im, t, n[7] == 'm' && n[8] == 'i' ? mn : mx, false));
  } else if (!strcmp(n, "rules")) {
    put_once(im, t, set, doc, "rules", cJSON_CreateString(val->text));
  } else if (!strcmp(n, "opportunity")) {
    bool made;
    cJSON *o = entry_ix(im, &im->opportunities, arr(doc, "opportunities"), "id", id->text, &made);
    if (made) mark(im, t, r, o);
    if (!made) CELL_DIE(im, "DUPLICATE", t, id, "the opportunity %s is already defined", q(id->text, b));
    cJSON_AddStringToObject(o, "type", name->text);
    if (val) cJSON_AddStringToObject(o, "title", val->text);
    cJSON_AddItemToObject(o, "slots", v_int(im, t, mx, false));
    range(im, t, r, o, false);
    cJSON_AddArrayToObject(o, "volunteers");
  } else if (!strncmp(n, "opportunity.", 12)) {
    cJSON *o = find_opportunity(im, t, id);
    const char *m = n + 12;
    if (!strcmp(m, "hours")) put_once(im, t, set, o, m, v_num(im, t, val));
    else if (!strcmp(m, "required")) put_once(im, t, set, o, m, v_strings(im, t, val));
    else if (!strcmp(m, "must_fill") || !strcmp(m, "special_skills")) put_once(im, t, set, o, m, v_bool(im, t, val));
    else if (!strcmp(m, "ice_type")) put_once(im, t, set, o, m, cJSON_CreateString(val->text));
    else if (!strcmp(m, "weight")) put_once(im, t, name, obj(o, "weights"), name->text, v_num(im, t, val));
  } else if (!strcmp(n, "ledger.history")) {
    need_employee(im, t, id, id->text);
    cJSON *h = mark(im, t, r, cJSON_CreateObject());
    cJSON_AddItemToArray(arr(obj(doc, "ledger"), "history"), h);
    cJSON_AddStringToObject(h, "employee", id->text);
    cJSON_AddStringToObject(h, "type", name->text);
    bool voluntary = true;
    const char *ice = NULL;
    if (val) {
      char how[32];
      int k = 0;
      if (sscanf(val->text, "%31s %n", how, &k) < 1) k = 0;
      if (!strcasecmp(how, "voluntary")) voluntary = true;
      else if (!strcasecmp(how, "involuntary")) voluntary = false;
      else CELL_DIE(im, "VALUE", t, val, "%s: expected voluntary or involuntary, then an ICE type", q(val->text, b));
      if (val->text[k]) ice = val->text + k;
    }
    cJSON_AddItemToObject(h, "ice_type", ice ? cJSON_CreateString(ice) : cJSON_CreateNull());
    cJSON_AddBoolToObject(h, "voluntary", voluntary);
    range(im, t, r, h, false);
  } else if (!strcmp(n, "ledger.served_cycle")) {
    if (val) need_employees(im, t, val);
    put_once(im, t, name, obj(obj(doc, "ledger"), "served_cycle"), name->text,
             val ? v_strings(im, t, val) : cJSON_CreateArray());
  } else if (!strcmp(n, "ledger.mandate_cycle")) {
    if (val) need_employees(im, t, val);
    put_once(im, t, set, obj(doc, "ledger"), "mandate_cycle", val ? v_strings(im, t, val) : cJSON_CreateArray());
  } else if (!strcmp(n, "ledger.training_last")) {
    need_employee(im, t, val, val->text);
    put_once(im, t, name, obj(obj(doc, "ledger"), "training_last"), name->text, cJSON_CreateString(val->text));
  }
}

static void settings_rows(imp *im) {
  table *t = &im->t[2];
  char b[64];
  for (long i = 0; i < t->nrows; i++) {
    const csv_row *r = &t->rows[i];
    check_extra(im, t, r);
    const csv_field *set = cell(t, r, "setting");
    if (!set) die(im, "MISSING", t, r->line, t->col[0] + 1, "every row needs a setting name");
    const setspec *sp = NULL;
    for (size_t k = 0; k < sizeof settings / sizeof settings[0] && !sp; k++)
      if ((settings[k].kinds & im->kind) && strcmp(settings[k].name, set->text) == 0) sp = &settings[k];
    if (!sp) CELL_DIE(im, "VALUE", t, set, "unknown setting %s for this kind (see senbid import --template)", q(set->text, b));
    for (int k = 0; k < 7; k++) {
      unsigned bit = 1u << k;
      const csv_field *c = cell(t, r, set_cols[k]);
      if (c && !(sp->uses & bit)) CELL_DIE(im, "VALUE", t, c, "%s does not take a %s (%s)", sp->name, set_cols[k], sp->help);
      if (!c && (sp->needs & bit)) {
        int col = col_index(t, set_cols[k]);
        if (col < 0) die(im, "MISSING", t, r->line, 0, "%s needs a %s column (%s)", sp->name, set_cols[k], sp->help);
        die(im, "MISSING", t, r->line, col + 1, "%s needs a %s (%s)", sp->name, set_cols[k], sp->help);
      }
    }
    one_setting(im, t, r, sp);
  }
}

/* ---- Templates ------------------------------------------------------- */

static int write_template(const char *dir, const char *file, const colspec *spec, int n, unsigned kind, bool with_settings) {
  cli_buf b;
  if (!cli_buf_open(&b)) return cli_fail("NOMEM", "$", "out of memory");
  int k = 0;
  for (int i = 0; i < n; i++) {
    if (!(spec[i].kinds & kind)) continue;
    if (k++) fputc(',', b.f);
    csv_put(b.f, spec[i].name);
  }
  fputs("\r\n", b.f);
  k = 0;
  for (int i = 0; i < n; i++) {
    if (!(spec[i].kinds & kind)) continue;
    if (k++) fputc(',', b.f);
    csv_put(b.f, spec[i].help);
  }
  fputs("\r\n", b.f);
  if (with_settings) {
    for (size_t i = 0; i < sizeof settings / sizeof settings[0]; i++) {
      if (!(settings[i].kinds & kind)) continue;
      char line[400];
      snprintf(line, sizeof line, "# %s: %s", settings[i].name, settings[i].help);
      csv_put(b.f, line);
      fputs("\r\n", b.f);
    }
  }
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", dir, file);
  return cli_buf_write(&b, path);
}

int cmd_import(const char *kindname, const char *dir, bool template_only, const char *out) {
  unsigned kind = 0;
  for (size_t i = 0; i < 4; i++)
    if (strcmp(kinds[i].name, kindname) == 0) kind = kinds[i].bit;
  if (!kind) return cli_fail("VALUE", "$", "import: unknown kind %.40s (leave, shift_bid, aws, assignment)", kindname);
  if (template_only) {
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) return cli_fail("IO", "$", "cannot make %s: %s", dir, strerror(errno));
    int ex = write_template(dir, "roster.csv", roster_cols, sizeof roster_cols / sizeof roster_cols[0], kind, false);
    if (!ex) ex = write_template(dir, "requests.csv", request_cols, sizeof request_cols / sizeof request_cols[0], kind, false);
    if (!ex) ex = write_template(dir, "settings.csv", setting_cols, sizeof setting_cols / sizeof setting_cols[0], kind, true);
    return ex;
  }
  imp *im = calloc(1, sizeof *im);
  if (!im) return cli_fail("NOMEM", "$", "out of memory");
  im->dir = dir;
  im->kind = kind;
  im->doc = cJSON_CreateObject();
  int ex = EXIT_INPUT;
  if (setjmp(im->jb) == 0) {
    cJSON_AddNumberToObject(im->doc, "senbid", 1);
    cJSON_AddStringToObject(im->doc, "kind", kindname);
    read_table(im, &im->t[0], "roster.csv", roster_cols, sizeof roster_cols / sizeof roster_cols[0], true, false);
    read_table(im, &im->t[1], "requests.csv", request_cols, sizeof request_cols / sizeof request_cols[0], false, true);
    read_table(im, &im->t[2], "settings.csv", setting_cols, sizeof setting_cols / sizeof setting_cols[0], false, false);
    /* Settings first: requests refer to opportunities. The members keep
     * the order of a hand-written document. */
    roster(im);
    settings_rows(im);
    requests(im);
    if (!cJSON_GetObjectItemCaseSensitive(im->doc, "as_of"))
      die(im, "MISSING", &im->t[2], 1, 0, "no as_of row (the date seniority is computed on)");
    if (!cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(im->doc, "seniority"), "policy"))
      die(im, "MISSING", &im->t[2], 1, 0, "no seniority.policy row");
    if (im->kind == K_LEAVE && !cJSON_GetObjectItemCaseSensitive(im->doc, "requests")) cJSON_AddArrayToObject(im->doc, "requests");
    if (im->kind == K_SHIFT && !cJSON_GetObjectItemCaseSensitive(im->doc, "bids")) cJSON_AddArrayToObject(im->doc, "bids");
    /* as_of and seniority first, as in a hand-written document. */
    cJSON *sorted = cJSON_CreateObject();
    static const char *const first[] = {"senbid", "kind", "as_of", "seniority"};
    for (int k = 0; k < 4; k++) {
      cJSON *item = cJSON_DetachItemFromObjectCaseSensitive(im->doc, first[k]);
      if (item) cJSON_AddItemToObject(sorted, item->string, item);
    }
    while (im->doc->child) {
      cJSON *item = cJSON_DetachItemViaPointer(im->doc, im->doc->child);
      cJSON_AddItemToObject(sorted, item->string, item);
    }
    cJSON_Delete(im->doc);
    im->doc = sorted;
    char *text = cJSON_Print(im->doc);
    if (!text) die(im, "NOMEM", &im->t[2], 0, 0, "out of memory");
    size_t len = strlen(text);
    /* The library judges the whole document, as it would a JSON file. */
    senbid_problem *p = NULL;
    senbid_error *err = NULL;
    if (senbid_problem_parse(&p, text, len, NULL, &err) != SENBID_OK) {
      library_error(im, senbid_error_code(err), senbid_error_path(err), senbid_error_message(err));
      senbid_error_free(err);
      ex = EXIT_INPUT;
    } else {
      senbid_problem_free(p);
      text[len] = '\n';
      ex = cli_write(out, text, len + 1);
    }
    free(text);
  }
  for (int i = 0; i < 3; i++) free_table(&im->t[i]);
  free(im->ids);
  keyed_free(&im->requests);
  keyed_free(&im->bids);
  keyed_free(&im->on_file);
  keyed_free(&im->opportunities);
  free(im->origins);
  cJSON_Delete(im->doc);
  free(im);
  return ex;
}
