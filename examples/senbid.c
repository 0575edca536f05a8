/* senbid: the command-line driver (SPEC section 8). Uses only the public
 * API of libsenbid, plus cJSON to print demo summaries.
 *
 * Exit codes: 0 ok; 1 a check found departures or the problem is
 * infeasible; 2 an input error (one line on standard error:
 * "senbid: CODE at PATH: message"). */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <senbid/senbid.h>

#include "session_cmd.h"
#include "summary.h"

extern const char demo_leave_demo[];
extern const size_t demo_leave_demo_len;
extern const char demo_shiftbid_demo[];
extern const size_t demo_shiftbid_demo_len;
extern const char demo_aws_demo[];
extern const size_t demo_aws_demo_len;
extern const char demo_assign_demo[];
extern const size_t demo_assign_demo_len;

enum { EXIT_OK = 0, EXIT_FOUND = 1, EXIT_INPUT = 2 };

static const char usage[] =
    "usage:\n"
    "  senbid solve PROBLEM.json [--method round_robin|lexicographic]\n"
    "               [--time-limit SECONDS] [-o RESULT.json]\n"
    "  senbid check PROBLEM.json RESULT.json\n"
    "  senbid rank  PROBLEM.json\n"
    "  senbid export-lp PROBLEM.json -o MODEL.lp\n"
    "  senbid demo  [leave|shift_bid|aws|assignment] [--json]\n"
    "  senbid session start PROBLEM.json -o STATE.json | status STATE.json |\n"
    "                 act STATE.json ACTION.json | result STATE.json [-o RESULT.json]\n"
    "  senbid --help | --version\n"
    "A file name of - reads standard input. Exit codes: 0 ok, 1 departures\n"
    "found or infeasible, 2 input error.\n";

/* One line on standard error, as SPEC section 8 requires. */
static int fail_line(const char *code, const char *path, const char *msg) {
  fprintf(stderr, "senbid: %s at %s: %s\n", code, path && *path ? path : "$", msg);
  return EXIT_INPUT;
}

static int fail_err(senbid_error *err, int rc) {
  int code = err ? senbid_error_code(err) : rc;
  fail_line(senbid_code_name(code), err ? senbid_error_path(err) : "",
            err ? senbid_error_message(err) : senbid_strerror(code));
  senbid_error_free(err);
  return EXIT_INPUT;
}

/* Reads a whole file ("-" for standard input). */
static char *read_all(const char *path, size_t *len) {
  FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap);
  while (buf) {
    size_t got = fread(buf + n, 1, cap - n, f);
    n += got;
    if (n < cap) break;
    char *bigger = cap > SIZE_MAX / 2 ? NULL : realloc(buf, cap * 2);
    if (!bigger) {
      free(buf);
      buf = NULL;
      break;
    }
    buf = bigger;
    cap *= 2;
  }
  bool bad = ferror(f) != 0;
  if (f != stdin) fclose(f);
  if (bad) {
    free(buf);
    return NULL;
  }
  *len = n;
  return buf;
}

static int load_problem(const char *path, senbid_problem **out) {
  size_t len = 0;
  char *text = read_all(path, &len);
  if (!text) {
    char msg[512];
    snprintf(msg, sizeof msg, "cannot read %s: %s", path, strerror(errno));
    return fail_line("IO", "$", msg);
  }
  senbid_error *err = NULL;
  int rc = senbid_problem_parse(out, text, len, NULL, &err);
  free(text);
  if (rc != SENBID_OK) return fail_err(err, rc);
  return EXIT_OK;
}

/* Writes text to path ("-" or NULL: standard output) all at once, through a
 * temporary file and a rename, so a failed run leaves nothing half-written. */
static int write_out(const char *path, const char *text, size_t len) {
  if (!path || strcmp(path, "-") == 0) {
    if (fwrite(text, 1, len, stdout) != len || fflush(stdout) != 0)
      return fail_line("IO", "$", "cannot write to standard output");
    return EXIT_OK;
  }
  size_t n = strlen(path) + 16;
  char *tmp = malloc(n);
  if (!tmp) return fail_line("NOMEM", "$", "out of memory");
  snprintf(tmp, n, "%s.tmp", path);
  FILE *f = fopen(tmp, "wb");
  bool ok = f && fwrite(text, 1, len, f) == len;
  if (f && fclose(f) != 0) ok = false;
  if (ok && rename(tmp, path) != 0) ok = false;
  if (!ok) {
    char msg[512];
    snprintf(msg, sizeof msg, "cannot write %s: %s", path, strerror(errno));
    remove(tmp);
    free(tmp);
    return fail_line("IO", "$", msg);
  }
  free(tmp);
  return EXIT_OK;
}

static int outcome_exit(const senbid_result *res) {
  int o = senbid_result_outcome(res);
  return o == SENBID_OUTCOME_INFEASIBLE || o == SENBID_OUTCOME_DEPARTURES
             ? EXIT_FOUND
             : EXIT_OK;
}

typedef struct args {
  const char *files[2];
  int nfiles;
  const char *out;
  int method;
  double time_limit;
  bool json;
} args;

static int parse_args(int argc, char **argv, args *a) {
  memset(a, 0, sizeof *a);
  a->method = SENBID_METHOD_ROUND_ROBIN;
  for (int i = 2; i < argc; i++) {
    const char *s = argv[i];
    if ((strcmp(s, "-o") == 0 || strcmp(s, "--output") == 0) && i + 1 < argc) {
      a->out = argv[++i];
    } else if ((strcmp(s, "--method") == 0 && i + 1 < argc) ||
               strncmp(s, "--method=", 9) == 0) {
      const char *m = s[8] == '=' ? s + 9 : argv[++i];
      if (strcmp(m, "round_robin") == 0) a->method = SENBID_METHOD_ROUND_ROBIN;
      else if (strcmp(m, "lexicographic") == 0)
        a->method = SENBID_METHOD_LEXICOGRAPHIC;
      else return fail_line("VALUE", "--method", "use round_robin or lexicographic");
    } else if (strcmp(s, "--time-limit") == 0 && i + 1 < argc) {
      char *end = NULL;
      a->time_limit = strtod(argv[++i], &end);
      if (!end || *end || a->time_limit < 0 || a->time_limit > 4e6)
        return fail_line("VALUE", "--time-limit", "expected seconds");
    } else if (strcmp(s, "--json") == 0) {
      a->json = true;
    } else if (s[0] == '-' && s[1] != '\0') {
      char msg[256];
      snprintf(msg, sizeof msg, "unknown option %s (see senbid --help)", s);
      return fail_line("ARGUMENT", "$", msg);
    } else if (a->nfiles < 2) {
      a->files[a->nfiles++] = s;
    } else {
      return fail_line("ARGUMENT", "$", "too many arguments (see senbid --help)");
    }
  }
  return EXIT_OK;
}

static int need_files(const args *a, int n) {
  if (a->nfiles != n) return fail_line("ARGUMENT", "$", "wrong number of files (see senbid --help)");
  return EXIT_OK;
}

typedef enum command { CMD_SOLVE, CMD_RANK, CMD_CHECK, CMD_EXPORT_LP } command;

/* Loads the problem (and, for check, the posted result), runs the command
 * through the library and writes its output in one piece. */
static int run_command(const args *a, command cmd) {
  if (need_files(a, cmd == CMD_CHECK ? 2 : 1)) return EXIT_INPUT;
  senbid_problem *p = NULL;
  int ex = load_problem(a->files[0], &p);
  if (ex) return ex;
  char *posted = NULL;
  size_t len = 0;
  if (cmd == CMD_CHECK && !(posted = read_all(a->files[1], &len))) {
    senbid_problem_free(p);
    char msg[512];
    snprintf(msg, sizeof msg, "cannot read %s: %s", a->files[1], strerror(errno));
    return fail_line("IO", "$", msg);
  }
  senbid_solve_options opts = SENBID_SOLVE_OPTIONS_INIT;
  opts.method = a->method;
  opts.time_limit_ms = (uint32_t)(a->time_limit * 1000.0);
  senbid_result *res = NULL;
  senbid_error *err = NULL;
  int rc = SENBID_OK;
  switch (cmd) {
    case CMD_SOLVE: rc = senbid_solve(&res, p, &opts, &err); break;
    case CMD_RANK: rc = senbid_rank(&res, p, &err); break;
    case CMD_CHECK: rc = senbid_check(&res, p, posted, len, &err); break;
    case CMD_EXPORT_LP: rc = senbid_export_lp(&res, p, &opts, &err); break;
  }
  free(posted);
  senbid_problem_free(p);
  if (rc != SENBID_OK) return fail_err(err, rc);
  const char *text = senbid_result_json(res, &len);
  ex = write_out(a->out, text, len);
  if (!ex) ex = outcome_exit(res);
  senbid_result_free(res);
  return ex;
}

static const struct demo {
  const char *kind;
  const char *title;
  const char *text;
  const size_t *len;
} demos[] = {
    {"leave", "Master leave schedule, October-March (NBPC 2019 Art. 14)",
     demo_leave_demo, &demo_leave_demo_len},
    {"shift_bid", "Shift bid (NBPC 2019 Appendix II)", demo_shiftbid_demo,
     &demo_shiftbid_demo_len},
    {"aws", "Alternative work schedules, Employee Decision Period (ICE 2019 Art. 15)",
     demo_aws_demo, &demo_aws_demo_len},
    {"assignment", "Details, overtime and training (NBPC 2019 Appendix III)",
     demo_assign_demo, &demo_assign_demo_len},
};

static int run_demo(const struct demo *d, const args *a) {
  senbid_problem *p = NULL;
  senbid_error *err = NULL;
  int rc = senbid_problem_parse(&p, d->text, *d->len, NULL, &err);
  if (rc != SENBID_OK) return fail_err(err, rc);
  senbid_solve_options opts = SENBID_SOLVE_OPTIONS_INIT;
  opts.method = a->method;
  senbid_result *res = NULL;
  rc = senbid_solve(&res, p, &opts, &err);
  senbid_problem_free(p);
  if (rc != SENBID_OK) return fail_err(err, rc);
  size_t len;
  const char *text = senbid_result_json(res, &len);
  if (a->json) {
    fwrite(text, 1, len, stdout);
  } else {
    cJSON *prob = cJSON_ParseWithLength(d->text, *d->len);
    cJSON *result = cJSON_ParseWithLength(text, len);
    printf("== %s ==\n", d->title);
    if (prob && result) summary_print(stdout, prob, result);
    printf("\n");
    cJSON_Delete(prob);
    cJSON_Delete(result);
  }
  senbid_result_free(res);
  return EXIT_OK;
}

static int cmd_demo(const args *a) {
  int ran = 0;
  for (size_t i = 0; i < sizeof demos / sizeof demos[0]; i++) {
    if (a->nfiles && strcmp(a->files[0], demos[i].kind) != 0) continue;
    ran++;
    int ex = run_demo(&demos[i], a);
    /* Without a kind, show every demo that is available. */
    if (ex && a->nfiles) return ex;
  }
  if (!ran) return fail_line("VALUE", "$", "unknown demo (leave, shift_bid, aws, assignment)");
  return EXIT_OK;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fputs(usage, stderr);
    return EXIT_INPUT;
  }
  const char *cmd = argv[1];
  if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
    fputs(usage, stdout);
    return EXIT_OK;
  }
  if (strcmp(cmd, "--version") == 0) {
    printf("senbid %s (format %u)\n", senbid_version(), senbid_format_version());
    return EXIT_OK;
  }
  if (strcmp(cmd, "session") == 0) return cmd_session_argv(argc - 2, argv + 2);
  args a;
  int ex = parse_args(argc, argv, &a);
  if (ex) return ex;
  if (strcmp(cmd, "solve") == 0) return run_command(&a, CMD_SOLVE);
  if (strcmp(cmd, "rank") == 0) return run_command(&a, CMD_RANK);
  if (strcmp(cmd, "check") == 0) return run_command(&a, CMD_CHECK);
  if (strcmp(cmd, "export-lp") == 0) return run_command(&a, CMD_EXPORT_LP);
  if (strcmp(cmd, "demo") == 0) return cmd_demo(&a);
  char msg[256];
  snprintf(msg, sizeof msg, "unknown command %.60s (see senbid --help)", cmd);
  return fail_line("ARGUMENT", "$", msg);
}
