/* aws lexicographic (SPEC section 9 "Lexicographic / AWS"): the gate of
 * office.min_type on the seniority pass, against exhaustive enumeration,
 * and export-lp. */
#include "aws_test.h"

/* ------------------------------------------------------- lexicographic */

static void test_lex_equals_round_robin(void **state) {
  (void)state;
  char *j = doc(EMPS4, "{\"max_off\":{\"fri\":1},\"max_telework\":{\"tue\":1}}",
                REQT("A1", C410("fri", "07:00", 30), "\"tue\"") "," REQ(
                    "A2", C410("fri", "07:00", 30) "," MF1(1, "mon")) ","
                    REQT("A3", C410("mon", "07:00", 20), "\"tue\""));
  expect_same_as_round_robin(j);
  free(j);
  /* min_type 0 is no minimum */
  j = doc(EMPS2, "{\"min_type\":{\"VWS\":0}}",
          REQ("A1", C410("fri", "07:00", 30)));
  expect_same_as_round_robin(j);
  free(j);
}

/* SPEC section 9: a valid option that fits the maxima but leaves no
 * completion is OFFICE_MINIMUM, with the first type whose bound alone can
 * no longer be met. min_type.VWS = 2; A3 has no request (VWS).
 *  - A1's MAXIFLEX: A2 may still fall back to VWS, so VWS can reach 2: kept.
 *  - A2's 4/10: VWS would stay at 1 (A3 only): refused, min_type.VWS;
 *    A2 gets DEFAULT_VWS. */
static void test_lex_office_minimum(void **state) {
  (void)state;
  char *j = doc(EMPS3, "{\"min_type\":{\"VWS\":2}}",
                REQ("A1", MF1(1, "mon") "," VWS) "," REQ(
                    "A2", C410("fri", "07:00", 30)));
  cJSON *r = th_solve(j, SENBID_METHOD_LEXICOGRAPHIC);
  assert_sched(r, "A1", "MAXIFLEX", 0, "APPROVED");
  assert_sched(r, "A2", "VWS", -1, "DEFAULT_VWS");
  assert_invalid(r, "A2", 0, "OFFICE_MINIMUM", "min_type.VWS");
  assert_string_equal(th_str(invalid_of(r, "A2", 0), "limit"), "min_type.VWS");
  cJSON_Delete(r);
  free(j);
}

/* Minimums and maxima together: min and max MAXIFLEX 1, min and max
 * CWS_4_10 1. A1's 4/10 is kept (A2 or A3 can still hold MAXIFLEX); A2's
 * 4/10 then hits max_type (OFFICE_LIMIT, not a minimum) and A2 takes
 * MAXIFLEX; A3's MAXIFLEX hits max_type. */
static void test_lex_joint(void **state) {
  (void)state;
  char *j = doc(EMPS3,
                "{\"min_type\":{\"MAXIFLEX\":1,\"CWS_4_10\":1},"
                "\"max_type\":{\"CWS_4_10\":1,\"MAXIFLEX\":1}}",
                REQ("A1", C410("fri", "07:00", 30)) "," REQ(
                    "A2", C410("mon", "07:00", 30) "," MF1(1, "mon")) ","
                    REQ("A3", MF1(2, "tue")));
  cJSON *r = th_solve(j, SENBID_METHOD_LEXICOGRAPHIC);
  assert_sched(r, "A1", "CWS_4_10", 0, "APPROVED");
  /* A2's 4/10 hits max_type (an OFFICE_LIMIT, not a minimum) */
  assert_invalid(r, "A2", 0, "OFFICE_LIMIT", "max_type.CWS_4_10");
  assert_sched(r, "A2", "MAXIFLEX", 1, "APPROVED");
  assert_invalid(r, "A3", 0, "OFFICE_LIMIT", "max_type.MAXIFLEX");
  cJSON_Delete(r);
  free(j);

  /* Jointly infeasible minimums: A1 can be MAXIFLEX or 4/10, nobody else
   * can be either. Each bound alone has max_possible 1 >= 1: both are
   * listed. */
  j = doc(EMPS2, "{\"min_type\":{\"MAXIFLEX\":1,\"CWS_4_10\":1}}",
          REQ("A1", C410("fri", "07:00", 30) "," MF1(1, "mon")));
  r = th_solve(j, SENBID_METHOD_LEXICOGRAPHIC);
  assert_string_equal(th_str(r, "status"), "infeasible");
  const cJSON *inf = th_get(r, "infeasible");
  assert_int_equal(cJSON_GetArraySize(inf), 2);
  assert_string_equal(th_str(th_at(inf, 0), "type"), "MAXIFLEX");
  assert_int_equal((int)th_num(th_at(inf, 0), "max_possible"), 1);
  assert_int_equal(cJSON_GetArraySize(th_get(r, "schedules")), 0);
  cJSON_Delete(r);
  free(j);
}

/* A refusal where only the bounds together fail: limit "min_type". min
 * MAXIFLEX 1, min CWS_4_10 1; A1 asks 5/4-9 first (valid, fits). After A1
 * takes 5/4-9, A2 is the only one who can hold MAXIFLEX or 4/10 (not
 * both): each bound alone is reachable, together not. */
static void test_lex_generic_limit(void **state) {
  (void)state;
  char *j = doc(EMPS2, "{\"min_type\":{\"MAXIFLEX\":1,\"CWS_4_10\":1}}",
                REQ("A1", C549(1, "fri", 2, "thu", "07:00", 30) "," MF1(
                              1, "mon")) "," REQ("A2", C410("fri", "07:00", 30)
                                                 "," MF1(1, "tue")));
  cJSON *r = th_solve(j, SENBID_METHOD_LEXICOGRAPHIC);
  assert_invalid(r, "A1", 0, "OFFICE_MINIMUM", NULL);
  assert_string_equal(th_str(invalid_of(r, "A1", 0), "limit"), "min_type");
  assert_sched(r, "A1", "MAXIFLEX", 1, "APPROVED");
  assert_sched(r, "A2", "CWS_4_10", 0, "APPROVED");
  cJSON_Delete(r);
  free(j);
}

/* The solve's time limit (senbid.h; doc/aws.md "Lexicographic"): when it
 * has passed before a GLPK solve could answer, later awards are kept
 * without the minimum check, and the result says "time_limit" instead of
 * claiming "infeasible". The document is the jointly infeasible one of
 * test_lex_joint, whose question needs GLPK (no counting bound proves
 * it); th_solve_out_of_time spends the 1 ms limit at the start. */
static void test_lex_time_limit(void **state) {
  (void)state;
  char *j = doc(EMPS2, "{\"min_type\":{\"MAXIFLEX\":1,\"CWS_4_10\":1}}",
                REQ("A1", C410("fri", "07:00", 30) "," MF1(1, "mon")));
  senbid_problem *p = th_parse_ok(j);
  cJSON *r = th_solve_out_of_time(p);
  /* Without the check, A1 keeps the seniority pass's award. */
  assert_sched(r, "A1", "CWS_4_10", 0, "APPROVED");
  assert_int_equal(cJSON_GetArraySize(th_get(r, "schedules")), 2);
  cJSON_Delete(r);
  senbid_problem_free(p);

  /* Without a limit the same document is reported infeasible. */
  r = th_solve(j, SENBID_METHOD_LEXICOGRAPHIC);
  assert_string_equal(th_str(r, "status"), "infeasible");
  cJSON_Delete(r);
  free(j);
}

static void test_export_lp(void **state) {
  (void)state;
  char *j = doc(EMPS3, "{\"min_type\":{\"VWS\":2},\"max_off\":{\"fri\":1}}",
                REQ("A1", MF1(1, "fri") "," VWS) "," REQ(
                    "A2", C410("fri", "07:00", 30)));
  senbid_problem *p = th_parse_ok(j);
  senbid_solve_options opts = SENBID_SOLVE_OPTIONS_INIT;
  opts.method = SENBID_METHOD_LEXICOGRAPHIC;
  senbid_result *res = NULL;
  assert_int_equal(senbid_export_lp(&res, p, &opts, NULL), SENBID_OK);
  const char *lp = senbid_result_json(res, NULL);
  assert_non_null(strstr(lp, "Subject To"));
  assert_non_null(strstr(lp, "min_type_VWS:"));
  assert_non_null(strstr(lp, "max_off_w1_fri:"));
  assert_non_null(strstr(lp, "Binary"));
  assert_non_null(strstr(lp, "End"));
  senbid_result_free(res);
  senbid_problem_free(p);
  free(j);
}

/* --------------------------------------- brute-force lexicographic check */

#ifndef BF_SEEDS
#define BF_SEEDS 150
#endif

/* An exhaustive reference for SPEC section 9 "Lexicographic / AWS" on
 * small offices: every completion is enumerated, so the library's witness,
 * repairs, counting bounds and integer programs are all checked against
 * the definition, including the `limit` each refusal names. */
typedef struct bf_choice {
  int type;
  bool approved;
  uint16_t off;
  bool invalid; /* fails a rule of its own: never part of a completion */
} bf_choice;

typedef struct bf {
  const aws_data *d;
  uint32_t n;
  bf_choice ch[16][8];
  int nch[16];
  bool fixed[16];
  int pick[16];
} bf;

/* Counts over fixed employees, then recursion over the rest. mode 0: is
 * there a completion meeting maxima and minima; mode 1: the most schedules
 * of type t under the maxima alone. */
static int bf_rec(bf *b, uint32_t j, int64_t *appr, int64_t *fin,
                  int64_t *off, int mode, int t) {
  const aws_data *d = b->d;
  for (int x = 0; x < AWS_NTYPES; x++)
    if (d->max_type[x] != AWS_NONE && appr[x] > d->max_type[x]) return -1;
  for (int s2 = 0; s2 < 14; s2++)
    if (d->max_off[s2 % 7] != AWS_NONE && off[s2] > d->max_off[s2 % 7])
      return -1;
  while (j < b->n && b->fixed[j]) j++;
  if (j == b->n) {
    if (mode == 1) return (int)fin[t];
    for (int x = 0; x < AWS_NTYPES; x++)
      if (fin[x] < d->min_type[x]) return -1;
    return 1;
  }
  int best = -1;
  for (int k = 0; k < b->nch[j]; k++) {
    const bf_choice *c = &b->ch[j][k];
    if (c->invalid) continue;
    fin[c->type]++;
    if (c->approved) {
      appr[c->type]++;
      for (int s2 = 0; s2 < 14; s2++)
        if (c->off & (1u << s2)) off[s2]++;
    }
    int r = bf_rec(b, j + 1, appr, fin, off, mode, t);
    fin[c->type]--;
    if (c->approved) {
      appr[c->type]--;
      for (int s2 = 0; s2 < 14; s2++)
        if (c->off & (1u << s2)) off[s2]--;
    }
    if (r > best) best = r;
    if (mode == 0 && best == 1) return 1;
  }
  return best;
}

static int bf_eval(bf *b, int mode, int t) {
  int64_t appr[AWS_NTYPES] = {0}, fin[AWS_NTYPES] = {0}, off[14] = {0};
  for (uint32_t j = 0; j < b->n; j++) {
    if (!b->fixed[j]) continue;
    const bf_choice *c = &b->ch[j][b->pick[j]];
    fin[c->type]++;
    if (c->approved) {
      appr[c->type]++;
      for (int s2 = 0; s2 < 14; s2++)
        if (c->off & (1u << s2)) off[s2]++;
    }
  }
  return bf_rec(b, 0, appr, fin, off, mode, t);
}

/* The two minimums drawn may name one type; a repeated member name is
 * DUPLICATE (issue #12), and the reader used to take the first: keep that. */
static void drop_repeated_min_type(sb_buf *b) {
  assert_int_equal(sb_buf_terminate(b), SENBID_OK);
  char *mt = strstr(b->data, "\"min_type\":{\"");
  char t1[16], t2[16];
  int v1, v2, end = 0;
  if (!mt || sscanf(mt, "\"min_type\":{\"%15[^\"]\":%d,\"%15[^\"]\":%d}%n", t1, &v1,
                    t2, &v2, &end) != 4 || end == 0 || strcmp(t1, t2) != 0)
    return;
  char one[64];
  int k = snprintf(one, sizeof one, "\"min_type\":{\"%s\":%d}", t1, v1);
  memmove(mt + k, mt + end, strlen(mt + end) + 1);
  memcpy(mt, one, (size_t)k);
  b->len = strlen(b->data);
}

static void test_lexicographic_brute_force(void **state) {
  (void)state;
  static const char *const types[] = {"VWS", "MAXIFLEX", "CWS_4_10",
                                      "CWS_5_4_9", "CWS_4_9_4"};
  int refusals = 0, infeasible = 0;
  for (uint64_t seed = 1; seed <= BF_SEEDS; seed++) {
    rng_state = seed * 7919;
    int n = 3 + (int)rnd(5);
    sb_buf b;
    sb_buf_init(&b, &sb_default_alloc);
    sb_buf_puts(&b, "{\"senbid\":1,\"kind\":\"aws\",\"as_of\":\"2027-01-04\","
                    "\"seniority\":{\"policy\":\"ice-2019\"},\"employees\":[");
    for (int i = 0; i < n; i++)
      sb_buf_printf(&b,
                    "%s{\"id\":\"E%d\",\"service\":{\"scd\":\"20%02d-01-01\"},"
                    "\"grandfathered_494\":%s}",
                    i ? "," : "", i, i, rnd(4) == 0 ? "true" : "false");
    sb_buf_printf(&b,
                  "],\"edp\":{\"start\":\"2027-01-04\",\"end\":\"2027-01-15\"},"
                  "\"pay_period_anchor\":\"2027-01-03\",\"office\":{"
                  "\"max_off\":{\"fri\":%d,\"mon\":%d},\"max_type\":{\"%s\":%d},"
                  "\"min_type\":{\"%s\":%d,\"%s\":%d}},\"requests\":[",
                  (int)rnd(3), 1 + (int)rnd(2), types[rnd(5)], (int)rnd(3),
                  types[rnd(5)], (int)rnd(3), types[rnd(2)], (int)rnd(4));
    drop_repeated_min_type(&b);
    for (int i = 0; i < n; i++) {
      sb_buf_printf(&b, "%s{\"employee\":\"E%d\",\"options\":[", i ? "," : "",
                    i);
      int k = (int)rnd(4);
      for (int o = 0; o < k; o++) {
        const char *day = rnd(2) ? "fri" : "mon";
        if (o) sb_buf_putc(&b, ',');
        switch (rnd(5)) {
          case 0: sb_buf_puts(&b, VWS); break;
          case 1:
            sb_buf_printf(&b, MF1(%d, "%s"), 1 + (int)rnd(2), day);
            break;
          case 2:
            sb_buf_printf(&b,
                          "{\"type\":\"CWS_4_10\",\"day_off\":\"%s\","
                          "\"arrive\":\"07:00\",\"meal_minutes\":30}",
                          day);
            break;
          case 3:
            sb_buf_printf(&b,
                          "{\"type\":\"CWS_5_4_9\",\"day_off\":{\"week\":%d,"
                          "\"day\":\"%s\"},\"short_day\":{\"week\":%d,\"day\":"
                          "\"wed\"},\"arrive\":\"07:00\",\"meal_minutes\":30}",
                          1 + (int)(o & 1), day, 2 - (int)(o & 1));
            break;
          default: sb_buf_puts(&b, C494("07:00", 30)); break;
        }
      }
      sb_buf_puts(&b, "]}");
    }
    sb_buf_puts(&b, "]}");
    sb_buf_terminate(&b);

    /* the reference */
    senbid_problem *p = th_parse_ok(b.data);
    const aws_data *d = p->kind_data;
    bf B;
    memset(&B, 0, sizeof B);
    B.d = d;
    B.n = p->nemps;
    for (uint32_t j = 0; j < p->nemps; j++) {
      const aws_emp *e = &d->emps[j];
      const aws_req *q = &d->reqs[e->req];
      for (uint32_t o = 0; o < q->nopts; o++)
        B.ch[j][o] = (bf_choice){
            q->opts[o].type, true, aws_opt_days_off(&q->opts[o]),
            aws_validate(d, e, &q->opts[o], NULL, 0) != AWS_OK};
      B.ch[j][q->nopts] =
          (bf_choice){e->grandfathered ? AWS_CWS_4_9_4 : AWS_VWS, false, 0,
                      false};
      B.nch[j] = (int)q->nopts + 1;
    }
    cJSON *r = th_solve(b.data, SENBID_METHOD_LEXICOGRAPHIC);
    if (bf_eval(&B, 0, 0) != 1) {
      infeasible++;
      assert_string_equal(th_str(r, "status"), "infeasible");
      for (const cJSON *x = th_get(r, "infeasible")->child; x; x = x->next) {
        int t = -1;
        for (int q = 0; q < AWS_NTYPES; q++)
          if (strcmp(th_str(x, "type"), types[q]) == 0) t = q;
        assert_int_equal((int)th_num(x, "max_possible"), bf_eval(&B, 1, t));
      }
    } else {
      assert_string_equal(th_str(r, "status"), "ok");
      int64_t appr[AWS_NTYPES] = {0}, offc[14] = {0};
      for (uint32_t pos = 0; pos < p->nemps; pos++) {
        uint32_t j = p->sen.order[pos];
        const aws_emp *e = &d->emps[j];
        const aws_req *q = &d->reqs[e->req];
        const char *id = p->emps[j].id;
        int got = (int)q->nopts;
        for (uint32_t o = 0; o < q->nopts && got == (int)q->nopts; o++) {
          const cJSON *inv = invalid_of(r, id, (int)o);
          int why = aws_validate(d, e, &q->opts[o], NULL, 0);
          if (why != AWS_OK) {
            assert_non_null(inv);
            continue;
          }
          const bf_choice *c = &B.ch[j][o];
          bool fits = d->max_type[c->type] == AWS_NONE ||
                      appr[c->type] < d->max_type[c->type];
          for (int s2 = 0; s2 < 14; s2++)
            if ((c->off & (1u << s2)) && d->max_off[s2 % 7] != AWS_NONE &&
                offc[s2] >= d->max_off[s2 % 7])
              fits = false;
          if (!fits) {
            assert_non_null(inv);
            assert_string_equal(th_str(inv, "reason"), "OFFICE_LIMIT");
            continue;
          }
          B.fixed[j] = true;
          B.pick[j] = (int)o;
          if (bf_eval(&B, 0, 0) == 1) {
            got = (int)o;
            assert_null(inv);
            break;
          }
          /* refused: the first type whose bound alone fails */
          refusals++;
          char want[40] = "min_type";
          for (int t = 0; t < AWS_NTYPES; t++)
            if (d->min_type[t] > 0 && bf_eval(&B, 1, t) < d->min_type[t]) {
              snprintf(want, sizeof want, "min_type.%s", types[t]);
              break;
            }
          B.fixed[j] = false;
          if (!inv) fail_msg("seed %d: %s option %u should be refused",
                             (int)seed, id, o);
          assert_string_equal(th_str(inv, "reason"), "OFFICE_MINIMUM");
          assert_string_equal(th_str(inv, "limit"), want);
        }
        B.fixed[j] = true;
        B.pick[j] = got;
        const bf_choice *c = &B.ch[j][got];
        if (c->approved) {
          appr[c->type]++;
          for (int s2 = 0; s2 < 14; s2++)
            if (c->off & (1u << s2)) offc[s2]++;
        }
        const cJSON *sc = sched_of(r, id);
        assert_string_equal(th_str(sc, "type"), types[c->type]);
        if (got < (int)q->nopts)
          assert_int_equal((int)th_num(sc, "option"), got);
        else
          assert_true(cJSON_IsNull(th_get(sc, "option")));
      }
    }
    cJSON_Delete(r);
    senbid_problem_free(p);
    sb_buf_free(&b);
  }
  /* the generator must exercise both outcomes */
  assert_true(refusals > 10);
  assert_true(infeasible > 5);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_lex_equals_round_robin),
      cmocka_unit_test(test_lex_office_minimum),
      cmocka_unit_test(test_lex_joint),
      cmocka_unit_test(test_lex_generic_limit),
      cmocka_unit_test(test_lex_time_limit),
      cmocka_unit_test(test_export_lp),
      cmocka_unit_test(test_lexicographic_brute_force),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
