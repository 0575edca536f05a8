/* Shared builders of the aws tests (see aws_test.h). */
#include "aws_test.h"

uint64_t rng_state;

static const char *const WD[] = {"mon", "tue", "wed", "thu", "fri", "sat"};

/* A problem: EDP 2027-01-04..15, pay periods from Sunday 2027-01-03, so
 * the effective date is 2027-01-31 and week 1 of a pay period starts on a
 * Sunday 2027-01-03 + 14k. `extra` (members appended) replaces the default
 * schedule_end 2027-07-31. */
char *doc_ex(const char *emps, const char *office, const char *reqs,
                    const char *extra) {
  return th_fmt(
      "{\"senbid\":1,\"kind\":\"aws\",\"as_of\":\"2027-01-04\","
      "\"seniority\":{\"policy\":\"ice-2019\",\"seed\":7},"
      "\"employees\":[%s],"
      "\"edp\":{\"start\":\"2027-01-04\",\"end\":\"2027-01-15\"},"
      "\"pay_period_anchor\":\"2027-01-03\","
      "\"office\":%s,\"requests\":[%s]%s}",
      emps, office, reqs,
      extra ? extra : ",\"schedule_end\":\"2027-07-31\"");
}

char *doc(const char *emps, const char *office, const char *reqs) {
  return doc_ex(emps, office, reqs, NULL);
}

cJSON *solve(const char *emps, const char *office, const char *reqs) {
  char *j = doc(emps, office, reqs);
  cJSON *r = th_solve(j, SENBID_METHOD_ROUND_ROBIN);
  free(j);
  return r;
}

/* The schedule of an employee. */
const cJSON *sched_of(const cJSON *res, const char *id) {
  const cJSON *s = th_get(res, "schedules");
  for (const cJSON *x = s->child; x; x = x->next)
    if (strcmp(th_str(x, "employee"), id) == 0) return x;
  fail_msg("no schedule for %s", id);
  return NULL;
}

/* The invalid entry of (employee, option), or NULL. */
const cJSON *invalid_of(const cJSON *res, const char *id, int option) {
  const cJSON *s = th_get(res, "invalid");
  for (const cJSON *x = s->child; x; x = x->next)
    if (strcmp(th_str(x, "employee"), id) == 0 &&
        (int)th_num(x, "option") == option)
      return x;
  return NULL;
}

void assert_invalid(const cJSON *res, const char *id, int option,
                           const char *reason, const char *msg_part) {
  const cJSON *x = invalid_of(res, id, option);
  if (!x) fail_msg("%s option %d is not in invalid", id, option);
  assert_string_equal(th_str(x, "reason"), reason);
  if (msg_part && !strstr(th_str(x, "message"), msg_part))
    fail_msg("message \"%s\" lacks \"%s\"", th_str(x, "message"), msg_part);
}

void assert_sched(const cJSON *res, const char *id, const char *type,
                         int option, const char *reason) {
  const cJSON *s = sched_of(res, id);
  assert_string_equal(th_str(s, "type"), type);
  assert_string_equal(th_str(s, "reason"), reason);
  const cJSON *o = th_get(s, "option");
  if (option < 0) assert_true(cJSON_IsNull(o));
  else assert_int_equal((int)o->valuedouble, option);
}

/* ----------------------------------------------- effective and windows */

sb_day D(const char *s) {
  sb_day d = 0;
  assert_true(sb_date_parse(s, &d));
  return d;
}

/* ---------------------------------------------------- check and export */

senbid_result *check(const char *problem, const char *result) {
  senbid_problem *p = th_parse_ok(problem);
  senbid_result *res = NULL;
  senbid_error *err = NULL;
  int rc = senbid_check(&res, p, result, strlen(result), &err);
  if (rc != SENBID_OK) {
    print_error("check failed: %s %s\n", senbid_error_path(err),
                senbid_error_message(err));
    senbid_error_free(err);
    fail();
  }
  senbid_problem_free(p);
  return res;
}

/* The schedule of an employee, for editing. */
cJSON *sched_edit(cJSON *res, const char *id) {
  cJSON *s = cJSON_GetObjectItemCaseSensitive(res, "schedules");
  for (cJSON *x = s ? s->child : NULL; x; x = x->next)
    if (strcmp(th_str(x, "employee"), id) == 0) return x;
  fail_msg("no schedule for %s", id);
  return NULL;
}

uint32_t rnd(uint32_t n) {
  rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
  return (uint32_t)((rng_state >> 33) % n);
}

/* A random roster of n employees with up to 5 options each (some invalid),
 * telework requests and office limits, seeded. */
char *gen(uint64_t seed, int n, bool mins) {
  rng_state = seed;
  sb_buf b;
  sb_buf_init(&b, &sb_default_alloc);
  sb_buf_puts(&b, "{\"senbid\":1,\"kind\":\"aws\",\"as_of\":\"2027-01-04\","
                  "\"seniority\":{\"policy\":\"ice-2019\",\"seed\":3},"
                  "\"employees\":[");
  for (int i = 0; i < n; i++)
    sb_buf_printf(&b,
                  "%s{\"id\":\"E%d\",\"service\":{\"scd\":\"%d-0%d-1%d\"},"
                  "\"grandfathered_494\":%s%s}",
                  i ? "," : "", i, 1990 + (int)rnd(30), 1 + (int)rnd(9),
                  (int)rnd(10), rnd(8) == 0 ? "true" : "false",
                  rnd(10) == 0 ? ",\"part_time_hours\":48,\"workdays\":"
                                 "[\"mon\",\"tue\",\"wed\"]"
                               : "");
  sb_buf_printf(&b,
                "],\"edp\":{\"start\":\"2027-01-04\",\"end\":\"2027-01-15\"},"
                "\"pay_period_anchor\":\"2027-01-03\",\"schedule_end\":"
                "\"2027-12-31\",\"office\":{\"max_off\":{\"mon\":%d,\"fri\":%d},"
                "\"max_type\":{\"CWS_4_10\":%d},\"max_telework\":{\"tue\":%d}",
                1 + (int)rnd(n / 4 + 1), 1 + (int)rnd(n / 4 + 1),
                1 + (int)rnd(n / 3 + 1), 1 + (int)rnd(n / 2 + 1));
  if (mins)
    sb_buf_printf(&b, ",\"min_type\":{\"VWS\":%d,\"MAXIFLEX\":%d}",
                  (int)rnd(n / 3 + 1), (int)rnd(3));
  sb_buf_puts(&b, "},\"requests\":[");
  bool first = true;
  for (int i = 0; i < n; i++) {
    if (rnd(6) == 0) continue;
    sb_buf_printf(&b, "%s{\"employee\":\"E%d\",\"options\":[", first ? "" : ",",
                  i);
    first = false;
    int k = (int)rnd(6);
    for (int o = 0; o < k; o++) {
      if (o) sb_buf_putc(&b, ',');
      const char *d1 = WD[rnd(6)], *d2 = WD[rnd(6)];
      switch (rnd(5)) {
        case 0: sb_buf_puts(&b, VWS); break;
        case 1:
          sb_buf_printf(&b,
                        "{\"type\":\"MAXIFLEX\",\"days_off\":[{\"week\":%d,"
                        "\"day\":\"%s\"}]}",
                        1 + (int)rnd(2), d1);
          break;
        case 2:
          sb_buf_printf(&b,
                        "{\"type\":\"CWS_4_10\",\"day_off\":\"%s\",\"arrive\":"
                        "\"0%d:%d0\",\"meal_minutes\":%d}",
                        d1, 6 + (int)rnd(4), (int)rnd(6), 25 + 5 * (int)rnd(8));
          break;
        case 3:
          sb_buf_printf(&b,
                        "{\"type\":\"CWS_5_4_9\",\"day_off\":{\"week\":%d,"
                        "\"day\":\"%s\"},\"short_day\":{\"week\":%d,\"day\":"
                        "\"%s\"},\"arrive\":\"0%d:%d0\",\"meal_minutes\":30}",
                        1 + (int)rnd(2), d1, 1 + (int)rnd(2), d2,
                        6 + (int)rnd(4), (int)rnd(6));
          break;
        default:
          sb_buf_printf(&b,
                        "{\"type\":\"CWS_4_9_4\",\"arrive\":\"0%d:00\","
                        "\"meal_minutes\":30}",
                        6 + (int)rnd(4));
          break;
      }
    }
    sb_buf_printf(&b, "],\"telework\":[\"%s\"]}", WD[rnd(5)]);
  }
  sb_buf_puts(&b, "]}");
  sb_buf_terminate(&b);
  return b.data;
}

/* Without minimums the lexicographic method is the seniority pass,
 * byte for byte apart from "method". */
void expect_same_as_round_robin(const char *json) {
  char *a = th_solve_text(json, SENBID_METHOD_ROUND_ROBIN);
  char *b = th_solve_text(json, SENBID_METHOD_LEXICOGRAPHIC);
  char *m = strstr(b, "\"lexicographic\"");
  assert_non_null(m);
  /* rewrite the method member of b and compare */
  char *c = th_fmt("%.*s\"round_robin\"%s", (int)(m - b), b,
                   m + strlen("\"lexicographic\""));
  assert_string_equal(a, c);
  free(a);
  free(b);
  free(c);
}

int day_index(const char *s) {
  static const char *const all[] = {"sun", "mon", "tue", "wed",
                                    "thu", "fri", "sat"};
  for (int i = 0; i < 7; i++)
    if (strcmp(s, all[i]) == 0) return i;
  return -1;
}

