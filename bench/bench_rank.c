/* Ranking benchmark (issue: "ranking 1,000,000 employees well under a
 * second"). For each size, each figure is measured in a fresh child
 * process (fork), so that one measurement's heap (millions of freed cJSON
 * nodes) does not slow the next:
 *   cjson  - cJSON alone parses the document (the floor for any cJSON loader)
 *   parse  - senbid_problem_parse: cJSON parse, validation with paths, ranking
 *   rank   - sb_seniority_rank again on the parsed roster (best of three)
 *   write  - senbid_rank: writing seniority, ties and keys
 * and the child's peak memory after `parse`. Prints a table; never asserts
 * on time. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "gen.h"
#include "internal.h"
#include "senbid/senbid.h"

enum what { CJSON, PARSE, RANK, WRITE, PEAK, NWHAT };

static void make_doc(gen_buf *b, uint32_t n) {
  gen_printf(b, "{\"senbid\": 1, \"kind\": \"leave\", \"as_of\": \"2026-07-15\", "
                "\"seniority\": {\"policy\": \"nbpc-2019\"}, \"employees\": [");
  gen_employees(b, n, 42);
  gen_printf(b, "], \"period\": {\"start\": \"2026-10-01\", \"end\": \"2027-03-31\"}, "
                "\"requests\": []}");
}

static double measure(enum what w, const gen_buf *b) {
  double t0 = gen_now();
  if (w == CJSON) {
    cJSON *tree = cJSON_ParseWithLength(b->data, b->len);
    double t = gen_now() - t0;
    cJSON_Delete(tree);
    return t;
  }
  senbid_problem *p = NULL;
  if (senbid_problem_parse(&p, b->data, b->len, NULL, NULL) != SENBID_OK) exit(1);
  double t = gen_now() - t0;
  if (w == PEAK) t = gen_peak_mib();
  if (w == RANK) {
    sb_err e = {0};
    t = 1e9;
    for (int i = 0; i < 3; i++) {
      t0 = gen_now();
      if (sb_seniority_rank(p, &e) != SENBID_OK) exit(1);
      double ti = gen_now() - t0;
      if (ti < t) t = ti;
    }
  }
  if (w == WRITE) {
    senbid_result *res = NULL;
    t0 = gen_now();
    if (senbid_rank(&res, p, NULL) != SENBID_OK) exit(1);
    t = gen_now() - t0;
    senbid_result_free(res);
  }
  senbid_problem_free(p);
  return t;
}

/* Runs one measurement in a child and reads its number back. */
static double in_child(enum what w, uint32_t n) {
  int fd[2];
  if (pipe(fd) != 0) exit(1);
  pid_t pid = fork();
  if (pid == 0) {
    close(fd[0]);
    gen_buf b = {0};
    make_doc(&b, n);
    double v = measure(w, &b);
    if (write(fd[1], &v, sizeof v) != (ssize_t)sizeof v) _exit(1);
    _exit(0);
  }
  close(fd[1]);
  double v = -1;
  if (read(fd[0], &v, sizeof v) != (ssize_t)sizeof v) v = -1;
  close(fd[0]);
  waitpid(pid, NULL, 0);
  return v;
}

int main(int argc, char **argv) {
  const char *sizes = "1000,10000,100000,1000000";
  for (int i = 1; i + 1 < argc; i++)
    if (strcmp(argv[i], "--sizes") == 0) sizes = argv[i + 1];
  printf("employees  input MiB  cJSON parse  parse+rank  rank only  write rank  "
         "parse/cJSON  peak MiB\n");
  fflush(stdout);
  char *copy = strdup(sizes);
  for (char *tok = strtok(copy, ","); tok; tok = strtok(NULL, ",")) {
    uint32_t n = (uint32_t)atol(tok);
    gen_buf b = {0};
    make_doc(&b, n);
    double v[NWHAT];
    for (int w = 0; w < NWHAT; w++) v[w] = in_child((enum what)w, n);
    printf("%9u  %9.1f  %11.3f  %10.3f  %9.3f  %10.3f  %11.2f  %8.1f\n", n,
           b.len / 1048576.0, v[CJSON], v[PARSE], v[RANK], v[WRITE],
           v[PARSE] / v[CJSON], v[PEAK]);
    fflush(stdout);
    gen_free(&b);
  }
  free(copy);
  return 0;
}
