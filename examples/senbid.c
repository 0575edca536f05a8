/* senbid: the command-line driver (SPEC section 8). Uses only the public
 * API of libsenbid, plus cJSON for import, report and render.
 *
 * Exit codes: 0 ok; 1 a check found departures or the problem is
 * infeasible; 2 an input or usage error (one line on standard error:
 * "senbid: CODE at PATH: message"). */
#define _GNU_SOURCE
#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <senbid/senbid.h>

#include "cli.h"
#include "session_cmd.h"
#include "summary.h"
#include "summary.h"

extern const char demo_leave_demo[];
extern const size_t demo_leave_demo_len;
extern const char demo_leave_ice_demo[];
extern const size_t demo_leave_ice_demo_len;
extern const char demo_shiftbid_demo[];
extern const size_t demo_shiftbid_demo_len;
extern const char demo_aws_demo[];
extern const size_t demo_aws_demo_len;
extern const char demo_assign_demo[];
extern const size_t demo_assign_demo_len;

/* The options, shared by every command that takes them. */
enum {
  OPT_OUT = 1 << 0,
  OPT_METHOD = 1 << 1,
  OPT_TIME = 1 << 2,
  OPT_QUIET = 1 << 3,
  OPT_JSON = 1 << 4,
  OPT_FORMAT = 1 << 5,
  OPT_TEMPLATE = 1 << 6,
  OPT_SOLVER = 1 << 7,
};

static const struct option {
  unsigned id;
  const char *name;  /* long form */
  const char *alias; /* short form, or NULL */
  const char *arg;   /* the value's name, or NULL for a flag */
} options[] = {
    {OPT_OUT, "--output", "-o", "FILE"},
    {OPT_METHOD, "--method", NULL, "round_robin|lexicographic"},
    {OPT_TIME, "--time-limit", NULL, "SECONDS"},
    {OPT_SOLVER, "--solver", NULL, "glpk|cbc"},
    {OPT_QUIET, "--quiet", "-q", NULL},
    {OPT_JSON, "--json", NULL, NULL},
    {OPT_FORMAT, "--format", NULL, "html|csv|md"},
    {OPT_TEMPLATE, "--template", NULL, NULL},
};
enum { NOPTIONS = sizeof options / sizeof options[0] };

typedef struct args {
  const char *cmd;
  const char *files[3];
  int nfiles;
  const char *out;
  int method;
  uint32_t time_limit_ms;
  uint32_t solve_flags; /* --solver cbc: SENBID_SOLVE_CBC */
  bool quiet, json, template_only;
  const char *format;
} args;

typedef int (*cmd_fn)(const args *a);

static int cmd_solve(const args *a);
static int cmd_check(const args *a);
static int cmd_rank(const args *a);
static int cmd_export_lp(const args *a);
static int cmd_demo(const args *a);
static int cmd_report(const args *a);
static int cmd_render(const args *a);
static int cmd_import_args(const args *a);
static int cmd_session_args(const args *a);
static int cmd_help(const args *a);

/* Each command: its synopsis (what --help and doc/cli.md show), the
 * options it takes, and how many file arguments. */
static const struct command {
  const char *name;
  cmd_fn run;
  unsigned opts;
  int min_files, max_files;
  const char *synopsis;
  const char *what;
} commands[] = {
    {"solve", cmd_solve, OPT_OUT | OPT_METHOD | OPT_TIME | OPT_SOLVER | OPT_QUIET, 1, 1,
     "senbid solve PROBLEM.json [--method round_robin|lexicographic] [--time-limit SECONDS] [--solver glpk|cbc] [--quiet] [-o RESULT.json]",
     "solves a problem and writes the result document"},
    {"check", cmd_check, OPT_OUT, 2, 2,
     "senbid check PROBLEM.json RESULT.json [-o REPORT.json]",
     "lists every departure of a posted result from the rules (exit 1 if any)"},
    {"rank", cmd_rank, OPT_OUT, 1, 1, "senbid rank PROBLEM.json [-o RANK.json]",
     "ranks the roster: seniority order, ties and each key's day counts"},
    {"export-lp", cmd_export_lp, OPT_OUT, 1, 1, "senbid export-lp PROBLEM.json [-o MODEL.lp]",
     "writes the integer program in CPLEX LP format"},
    {"import", cmd_import_args, OPT_OUT | OPT_TEMPLATE, 2, 2,
     "senbid import KIND DIR [-o PROBLEM.json] | senbid import --template KIND DIR",
     "builds a problem from roster.csv, requests.csv and settings.csv in DIR\n"
     "(--template writes those files with a comment row explaining each column)"},
    {"report", cmd_report, OPT_OUT, 2, 2, "senbid report PROBLEM.json RESULT.json [-o REPORT.txt]",
     "prints a readable summary of a result, with each reason in plain words"},
    {"render", cmd_render, OPT_OUT | OPT_FORMAT, 2, 2,
     "senbid render PROBLEM.json RESULT.json [--format html|csv|md] [-o FILE]",
     "the posted schedule: a printable HTML page (default), CSV (one row per\n"
     "decision) or Markdown"},
    {"demo", cmd_demo, OPT_METHOD | OPT_JSON | OPT_OUT | OPT_QUIET, 0, 1,
     "senbid demo [leave|leave_ice|shift_bid|aws|assignment] [--method round_robin|lexicographic] [--json] [-o FILE]",
     "solves a bundled station roster and prints its report (or, with --json,\n"
     "the result documents)"},
    {"session", cmd_session_args, OPT_OUT, 2, 3,
     "senbid session start PROBLEM.json -o STATE.json | status STATE.json | act STATE.json ACTION.json | result STATE.json [-o RESULT.json]",
     "a bidding session, one turn at a time (doc/sessions.md): act replaces\n"
     "STATE.json and prints the decision; a refused action exits 2 and changes nothing"},
    {"help", cmd_help, 0, 0, 1, "senbid help [COMMAND]", "shows this text, or one command's"},
};
enum { NCOMMANDS = sizeof commands / sizeof commands[0] };

static void print_usage(FILE *out) {
  fputs("usage:\n", out);
  for (int i = 0; i < NCOMMANDS; i++) fprintf(out, "  %s\n", commands[i].synopsis);
  fputs("  senbid COMMAND --help | senbid --help | senbid --version\n", out);
  fputs("A file name of - reads standard input; without -o the output goes to standard\n"
        "output. --time-limit 0 means no limit. --quiet turns off the progress line\n"
        "shown on a terminal. Exit codes: 0 ok, 1 departures found or infeasible,\n"
        "2 input or usage error.\n",
        out);
}

static void print_command_help(FILE *out, const struct command *c) {
  fprintf(out, "usage: %s\n\n%s.\n", c->synopsis, c->what);
  if (c->opts) fputs("\noptions:\n", out);
  for (int i = 0; i < NOPTIONS; i++) {
    if (!(c->opts & options[i].id)) continue;
    char head[64];
    snprintf(head, sizeof head, "%s%s%s%s%s", options[i].alias ? options[i].alias : "",
             options[i].alias ? ", " : "", options[i].name, options[i].arg ? " " : "",
             options[i].arg ? options[i].arg : "");
    fprintf(out, "  %s\n", head);
  }
}

static const struct command *find_command(const char *name) {
  for (int i = 0; i < NCOMMANDS; i++)
    if (strcmp(commands[i].name, name) == 0) return &commands[i];
  return NULL;
}

/* Edit distance, for "did you mean". */
static size_t distance(const char *a, const char *b) {
  size_t la = strlen(a), lb = strlen(b);
  if (la > 40 || lb > 40) return 99;
  size_t row[41];
  for (size_t j = 0; j <= lb; j++) row[j] = j;
  for (size_t i = 1; i <= la; i++) {
    size_t prev = row[0];
    row[0] = i;
    for (size_t j = 1; j <= lb; j++) {
      size_t cur = row[j];
      size_t best = prev + (a[i - 1] != b[j - 1]);
      if (row[j] + 1 < best) best = row[j] + 1;
      if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
      row[j] = best;
      prev = cur;
    }
  }
  return row[lb];
}

static int unknown_command(const char *name) {
  const char *best = NULL;
  size_t bd = 99;
  for (int i = 0; i < NCOMMANDS; i++) {
    size_t d = distance(name, commands[i].name);
    if (d < bd) {
      bd = d;
      best = commands[i].name;
    }
  }
  char quoted[64];
  snprintf(quoted, sizeof quoted, "%.40s", name);
  if (best && bd <= 3)
    return cli_fail("ARGUMENT", "$", "unknown command %s (did you mean %s?)", quoted, best);
  return cli_fail("ARGUMENT", "$", "unknown command %s (see senbid --help)", quoted);
}

/* --time-limit: seconds; 0 is no limit as in the C API. */
static int parse_time_limit(const char *s, uint32_t *ms) {
  char *end = NULL;
  errno = 0;
  double t = strtod(s, &end);
  if (!*s || !end || *end || errno == ERANGE || !isfinite(t))
    return cli_fail("VALUE", "$", "--time-limit: expected a number of seconds, not %.40s", s);
  if (t < 0) return cli_fail("VALUE", "$", "--time-limit: %.40s is negative (0 means no limit)", s);
  if (t > 0 && t < 0.001)
    return cli_fail("VALUE", "$", "--time-limit: %.40s is below one millisecond (0 means no limit)", s);
  if (t > 4294967.0) return cli_fail("VALUE", "$", "--time-limit: %.40s is beyond 4294967 seconds", s);
  *ms = (uint32_t)llround(t * 1000.0);
  return EXIT_OK;
}

static int set_option(args *a, const struct option *o, const char *v) {
  switch (o->id) {
    case OPT_OUT: a->out = v; break;
    case OPT_METHOD:
      if (strcmp(v, "round_robin") == 0) a->method = SENBID_METHOD_ROUND_ROBIN;
      else if (strcmp(v, "lexicographic") == 0) a->method = SENBID_METHOD_LEXICOGRAPHIC;
      else return cli_fail("VALUE", "$", "--method: use round_robin or lexicographic, not %.40s", v);
      break;
    case OPT_TIME: return parse_time_limit(v, &a->time_limit_ms);
    case OPT_SOLVER:
      if (strcmp(v, "glpk") == 0) a->solve_flags = 0;
      else if (strcmp(v, "cbc") == 0) a->solve_flags = SENBID_SOLVE_CBC;
      else return cli_fail("VALUE", "$", "--solver: use glpk or cbc, not %.40s", v);
      break;
    case OPT_QUIET: a->quiet = true; break;
    case OPT_JSON: a->json = true; break;
    case OPT_TEMPLATE: a->template_only = true; break;
    case OPT_FORMAT:
      if (strcmp(v, "html") && strcmp(v, "csv") && strcmp(v, "md"))
        return cli_fail("VALUE", "$", "--format: use html, csv or md, not %.40s", v);
      a->format = v;
      break;
  }
  return EXIT_OK;
}

/* Parses argv[2..] for command c: options it takes (--opt V, --opt=V, -o V)
 * and file arguments. Anything else is a usage error naming the option. */
static int parse_args(int argc, char **argv, const struct command *c, args *a, bool *help) {
  bool only_files = false;
  for (int i = 2; i < argc; i++) {
    const char *s = argv[i];
    if (!only_files && strcmp(s, "--") == 0) {
      only_files = true;
      continue;
    }
    if (!only_files && (strcmp(s, "--help") == 0 || strcmp(s, "-h") == 0)) {
      *help = true;
      return EXIT_OK;
    }
    if (only_files || s[0] != '-' || s[1] == '\0') {
      if (a->nfiles >= c->max_files)
        return cli_fail("ARGUMENT", "$", "%s: too many arguments at %.40s (see senbid help %s)", c->name, s,
                        c->name);
      a->files[a->nfiles++] = s;
      continue;
    }
    const struct option *o = NULL;
    const char *value = NULL;
    size_t nl = strcspn(s, "=");
    for (int k = 0; k < NOPTIONS && !o; k++) {
      if (strcmp(s, options[k].name) == 0 || (options[k].alias && strcmp(s, options[k].alias) == 0))
        o = &options[k];
      else if (s[nl] == '=' && strlen(options[k].name) == nl && strncmp(s, options[k].name, nl) == 0) {
        o = &options[k];
        value = s + nl + 1;
      }
    }
    if (!o) return cli_fail("ARGUMENT", "$", "%s: unknown option %.40s (see senbid help %s)", c->name, s, c->name);
    if (!(c->opts & o->id))
      return cli_fail("ARGUMENT", "$", "%s does not take %s (see senbid help %s)", c->name, o->name, c->name);
    if (o->arg && !value) {
      if (i + 1 >= argc) return cli_fail("ARGUMENT", "$", "%s needs a value (%s)", o->name, o->arg);
      value = argv[++i];
    } else if (!o->arg && value) {
      return cli_fail("ARGUMENT", "$", "%s takes no value", o->name);
    }
    int ex = set_option(a, o, value);
    if (ex) return ex;
  }
  if (a->nfiles < c->min_files)
    return cli_fail("ARGUMENT", "$", "%s: missing arguments (usage: %s)", c->name, c->synopsis);
  return EXIT_OK;
}

static int fail_err(senbid_error *err, int rc) {
  int code = err ? senbid_error_code(err) : rc;
  cli_fail(senbid_code_name(code), err ? senbid_error_path(err) : "", "%s",
           err ? senbid_error_message(err) : senbid_strerror(code));
  senbid_error_free(err);
  return EXIT_INPUT;
}

static int parse_problem(const char *text, size_t len, senbid_problem **out) {
  senbid_error *err = NULL;
  int rc = senbid_problem_parse(out, text, len, NULL, &err);
  return rc != SENBID_OK ? fail_err(err, rc) : EXIT_OK;
}

static int load_problem(const char *path, senbid_problem **out) {
  size_t len = 0;
  char *text = cli_read(path, &len);
  if (!text) return cli_fail("IO", "$", "cannot read %s: %s", path, strerror(errno));
  int ex = parse_problem(text, len, out);
  free(text);
  return ex;
}

static int outcome_exit(const senbid_result *res) {
  int o = senbid_result_outcome(res);
  return o == SENBID_OUTCOME_INFEASIBLE || o == SENBID_OUTCOME_DEPARTURES ? EXIT_FOUND : EXIT_OK;
}

/* The progress line: on a terminal only, at most ten times a second. */
typedef struct progress_line {
  double last;
  bool shown;
} progress_line;

static int show_progress(const senbid_progress *p, void *payload) {
  progress_line *pl = payload;
  if (pl->shown && p->elapsed_seconds - pl->last < 0.1) return 0;
  pl->last = p->elapsed_seconds;
  pl->shown = true;
  char done[64];
  if (p->total)
    snprintf(done, sizeof done, "%llu/%llu decisions", (unsigned long long)p->done,
             (unsigned long long)p->total);
  else
    snprintf(done, sizeof done, "%llu decisions", (unsigned long long)p->done);
  fprintf(stderr, "\rsenbid: %-8.20s %s, %llu integer programs, %.1f s\033[K", p->phase ? p->phase : "",
          done, (unsigned long long)p->solver_calls, p->elapsed_seconds);
  fflush(stderr);
  return 0;
}

static void progress_end(progress_line *pl) {
  if (pl->shown) fputs("\r\033[K", stderr);
  pl->shown = false;
}

static int put_out(const char *text, size_t len, void *out) { return cli_out_put(out, text, len) ? 0 : -1; }

/* Solves into *res, or, when out is not NULL, streams the result there
 * (a result of hundreds of megabytes never sits in memory whole). */
static int solve_with_progress(senbid_result **res, const senbid_problem *p, const args *a, senbid_error **err,
                               cli_out *out, int *outcome) {
  senbid_solve_options opts = SENBID_SOLVE_OPTIONS_INIT;
  opts.method = a->method;
  opts.time_limit_ms = a->time_limit_ms;
  opts.flags = a->solve_flags;
  progress_line pl = {0, false};
  if (!a->quiet && isatty(STDERR_FILENO)) {
    opts.progress = show_progress;
    opts.progress_payload = &pl;
  }
  int rc = out ? senbid_solve_to(p, &opts, put_out, out, outcome, err) : senbid_solve(res, p, &opts, err);
  progress_end(&pl);
  return rc;
}

static int cmd_solve(const args *a) {
  senbid_problem *p = NULL;
  int ex = load_problem(a->files[0], &p);
  if (ex) return ex;
  cli_out out;
  if ((ex = cli_out_open(&out, a->out))) {
    senbid_problem_free(p);
    return ex;
  }
  senbid_error *err = NULL;
  int outcome = SENBID_OUTCOME_OK;
  int rc = solve_with_progress(NULL, p, a, &err, &out, &outcome);
  senbid_problem_free(p);
  if (rc == SENBID_E_IO && !out.ok) senbid_error_free(err); /* the write failed: say why below */
  else if (rc != SENBID_OK) {
    cli_out_close(&out, false);
    if (rc == SENBID_E_UNSUPPORTED && (a->solve_flags & SENBID_SOLVE_CBC)) {
      /* A usage error, not the document's: say which build is needed. */
      senbid_error_free(err);
      return cli_fail("ARGUMENT", "$", "--solver cbc: this senbid was built without CBC "
                                       "(meson setup -Dcbc=enabled); use --solver glpk");
    }
    return fail_err(err, rc);
  }
  ex = cli_out_close(&out, true);
  if (!ex) ex = outcome == SENBID_OUTCOME_INFEASIBLE ? EXIT_FOUND : EXIT_OK;
  return ex;
}

typedef enum which { W_RANK, W_CHECK, W_EXPORT_LP } which;

/* Loads the problem (and, for check, the posted result), runs the command
 * through the library and writes its output in one piece. */
static int run_library(const args *a, which w) {
  senbid_problem *p = NULL;
  int ex = load_problem(a->files[0], &p);
  if (ex) return ex;
  char *posted = NULL;
  size_t len = 0;
  if (w == W_CHECK && !(posted = cli_read(a->files[1], &len))) {
    senbid_problem_free(p);
    return cli_fail("IO", "$", "cannot read %s: %s", a->files[1], strerror(errno));
  }
  senbid_result *res = NULL;
  senbid_error *err = NULL;
  int rc = SENBID_OK;
  switch (w) {
    case W_RANK: rc = senbid_rank(&res, p, &err); break;
    case W_CHECK: rc = senbid_check(&res, p, posted, len, &err); break;
    case W_EXPORT_LP: {
      senbid_solve_options opts = SENBID_SOLVE_OPTIONS_INIT;
      rc = senbid_export_lp(&res, p, &opts, &err);
      break;
    }
  }
  free(posted);
  senbid_problem_free(p);
  if (rc != SENBID_OK) return fail_err(err, rc);
  const char *text = senbid_result_json(res, &len);
  ex = cli_write(a->out, text, len);
  if (!ex) ex = outcome_exit(res);
  senbid_result_free(res);
  return ex;
}

static int cmd_check(const args *a) { return run_library(a, W_CHECK); }
static int cmd_rank(const args *a) { return run_library(a, W_RANK); }
static int cmd_export_lp(const args *a) { return run_library(a, W_EXPORT_LP); }

static int cmd_import_args(const args *a) {
  if (a->template_only && a->out) return cli_fail("ARGUMENT", "$", "import --template writes into DIR; it does not take -o");
  return cmd_import(a->files[0], a->files[1], a->template_only, a->out);
}

static int cmd_session_args(const args *a) {
  return cmd_session(a->files[0], a->files + 1, a->nfiles - 1, a->out);
}

/* report and render read a problem and a result as plain JSON: the result
 * may come from any method, from check, or from a hand-made posting, so
 * the printers take any values there. The problem must be one the library
 * accepts (its error otherwise): its dates and sizes are then bounded. */
static int report_or_render(const args *a, bool render) {
  char *ptext = NULL, *rtext = NULL;
  size_t plen = 0, rlen = 0;
  cJSON *prob = cli_read_json_text(a->files[0], &ptext, &plen);
  if (!prob) return EXIT_INPUT;
  senbid_problem *valid = NULL;
  int pex = parse_problem(ptext, plen, &valid);
  senbid_problem_free(valid);
  if (pex != EXIT_OK) {
    cJSON_Delete(prob);
    free(ptext);
    return pex;
  }
  cJSON *result = cli_read_json_text(a->files[1], &rtext, &rlen);
  if (!result) {
    cJSON_Delete(prob);
    free(ptext);
    return EXIT_INPUT;
  }
  cli_buf b;
  int ex = EXIT_OK;
  if (!cli_buf_open(&b)) {
    ex = cli_fail("NOMEM", "$", "out of memory");
  } else {
    /* The library explains from the texts as read (see summary.h). */
    summary_sources(ptext, plen, rtext, rlen);
    if (render) render_print(b.f, a->format ? a->format : "html", prob, result);
    else report_print(b.f, prob, result);
    summary_sources(NULL, 0, NULL, 0);
    ex = cli_buf_write(&b, a->out);
  }
  cJSON_Delete(prob);
  cJSON_Delete(result);
  free(ptext);
  free(rtext);
  return ex;
}

static int cmd_report(const args *a) { return report_or_render(a, false); }
static int cmd_render(const args *a) { return report_or_render(a, true); }

static const struct demo {
  const char *kind;
  const char *title;
  const char *text;
  const size_t *len;
} demos[] = {
    {"leave", "Master leave schedule, October-March (NBPC 2019 Art. 14)", demo_leave_demo, &demo_leave_demo_len},
    {"leave_ice", "Master leave, an ICE office: conflict factors, then seniority (ICE 2019 Art. 18 Sec. 2.E)",
     demo_leave_ice_demo, &demo_leave_ice_demo_len},
    {"shift_bid", "Shift bid (NBPC 2019 Appendix II)", demo_shiftbid_demo, &demo_shiftbid_demo_len},
    {"aws", "Alternative work schedules, Employee Decision Period (ICE 2019 Art. 15)", demo_aws_demo,
     &demo_aws_demo_len},
    {"assignment", "Details, overtime and training (NBPC 2019 Appendix III)", demo_assign_demo,
     &demo_assign_demo_len},
};

static int run_demo(const struct demo *d, const args *a, FILE *out) {
  senbid_problem *p = NULL;
  int ex = parse_problem(d->text, *d->len, &p);
  if (ex) return ex;
  senbid_result *res = NULL;
  senbid_error *err = NULL;
  int rc = solve_with_progress(&res, p, a, &err, NULL, NULL);
  senbid_problem_free(p);
  if (rc != SENBID_OK) return fail_err(err, rc);
  size_t len;
  const char *text = senbid_result_json(res, &len);
  if (a->json) {
    fwrite(text, 1, len, out);
  } else {
    cJSON *prob = cJSON_ParseWithLength(d->text, *d->len);
    cJSON *result = cJSON_ParseWithLength(text, len);
    fprintf(out, "== %s ==\n", d->title);
    summary_sources(d->text, *d->len, text, len);
    if (prob && result) report_print(out, prob, result);
    summary_sources(NULL, 0, NULL, 0);
    fprintf(out, "\n");
    cJSON_Delete(prob);
    cJSON_Delete(result);
  }
  senbid_result_free(res);
  return EXIT_OK;
}

static int cmd_demo(const args *a) {
  bool known = !a->nfiles;
  for (size_t i = 0; i < sizeof demos / sizeof demos[0]; i++)
    if (a->nfiles && strcmp(a->files[0], demos[i].kind) == 0) known = true;
  if (!known)
    return cli_fail("VALUE", "$", "unknown demo %.40s (leave, leave_ice, shift_bid, aws, assignment; "
                    "for your own files use senbid report)", a->files[0]);
  cli_buf b;
  if (!cli_buf_open(&b)) return cli_fail("NOMEM", "$", "out of memory");
  for (size_t i = 0; i < sizeof demos / sizeof demos[0]; i++) {
    if (a->nfiles && strcmp(a->files[0], demos[i].kind) != 0) continue;
    int ex = run_demo(&demos[i], a, b.f);
    if (ex) {
      fclose(b.f);
      free(b.text);
      return ex;
    }
  }
  return cli_buf_write(&b, a->out);
}

static int cmd_help(const args *a) {
  if (!a->nfiles) {
    print_usage(stdout);
  } else {
    const struct command *c = find_command(a->files[0]);
    if (!c) return unknown_command(a->files[0]);
    print_command_help(stdout, c);
  }
  return fflush(stdout) == 0 ? EXIT_OK : cli_fail("IO", "$", "cannot write to standard output: %s", strerror(errno));
}

int main(int argc, char **argv) {
  if (argc < 2) {
    print_usage(stderr);
    return EXIT_INPUT;
  }
  const char *name = argv[1];
  args a;
  memset(&a, 0, sizeof a);
  a.method = SENBID_METHOD_ROUND_ROBIN;
  if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) return cmd_help(&a);
  if (strcmp(name, "--version") == 0) {
    printf("senbid %s (format %u)\n", senbid_version(), senbid_format_version());
    return fflush(stdout) == 0 ? EXIT_OK : cli_fail("IO", "$", "cannot write to standard output: %s", strerror(errno));
  }
  const struct command *c = find_command(name);
  if (!c) return unknown_command(name);
  a.cmd = c->name;
  bool help = false;
  int ex = parse_args(argc, argv, c, &a, &help);
  if (help) {
    print_command_help(stdout, c);
    return fflush(stdout) == 0 ? EXIT_OK : EXIT_INPUT;
  }
  if (ex) return ex;
  ex = c->run(&a);
  /* A failed write to standard output is an error, whatever the command. */
  if (fflush(stdout) != 0 || ferror(stdout)) {
    if (ex == EXIT_INPUT) return ex;
    return cli_fail("IO", "$", "cannot write to standard output: %s", strerror(errno));
  }
  return ex;
}
