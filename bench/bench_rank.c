/* Ranking benchmark (issue: "ranking 1,000,000 employees well under a
 * second"). For each size: the time to parse and rank a generated NBPC
 * roster (senbid_problem_parse, which validates and ranks), the time cJSON
 * alone takes to parse the same text, the time to write the ranking, and
 * peak memory. Prints a table; never asserts on time. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "gen.h"
#include "internal.h"
#include "senbid/senbid.h"

static void run(uint32_t n) {
  gen_buf b = {0};
  gen_printf(&b, "{\"senbid\": 1, \"kind\": \"leave\", \"as_of\": \"2026-07-15\", "
                 "\"seniority\": {\"policy\": \"nbpc-2019\"}, \"employees\": [");
  gen_employees(&b, n, 42);
  gen_printf(&b, "], \"period\": {\"start\": \"2026-10-01\", \"end\": \"2027-03-31\"}, "
                 "\"requests\": []}");

  double t0 = gen_now();
  cJSON *tree = cJSON_ParseWithLength(b.data, b.len);
  double t_cjson = gen_now() - t0;
  cJSON_Delete(tree);

  senbid_problem *p = NULL;
  senbid_error *err = NULL;
  t0 = gen_now();
  int rc = senbid_problem_parse(&p, b.data, b.len, NULL, &err);
  double t_parse = gen_now() - t0;
  if (rc != SENBID_OK) {
    fprintf(stderr, "parse failed: %s at %s: %s\n", senbid_code_name(rc),
            senbid_error_path(err), senbid_error_message(err));
    exit(1);
  }
  /* Ranking alone, again on the parsed roster (from document order). */
  sb_err e = {0};
  t0 = gen_now();
  if (sb_seniority_rank(p, &e) != SENBID_OK) exit(1);
  double t_rank = gen_now() - t0;
  senbid_result *res = NULL;
  t0 = gen_now();
  rc = senbid_rank(&res, p, NULL);
  double t_write = gen_now() - t0;
  size_t out_len = 0;
  senbid_result_json(res, &out_len);
  printf("%9u  %9.1f  %11.3f  %10.3f  %9.3f  %10.3f  %6.2f  %8.1f\n", n,
         b.len / 1048576.0, t_cjson, t_parse, t_rank, t_write, t_parse / t_cjson,
         gen_peak_mib());
  senbid_result_free(res);
  senbid_problem_free(p);
  gen_free(&b);
}

int main(int argc, char **argv) {
  const char *sizes = "1000,10000,100000,1000000";
  for (int i = 1; i + 1 < argc; i++)
    if (strcmp(argv[i], "--sizes") == 0) sizes = argv[i + 1];
  printf("employees  input MiB  cJSON parse  parse+rank  rank only  write rank  ratio  peak MiB\n");
  char *copy = strdup(sizes);
  for (char *tok = strtok(copy, ","); tok; tok = strtok(NULL, ",")) run((uint32_t)atol(tok));
  free(copy);
  return 0;
}
