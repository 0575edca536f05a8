/* Shared pieces of the leave tests (see leave_test.h). */
#include "leave_test.h"

const cJSON *at(const cJSON *doc, const char *key, int i) {
  return th_at(th_get(doc, key), i);
}

int count(const cJSON *doc, const char *key) {
  return cJSON_GetArraySize(th_get(doc, key));
}

/* "E1 xmas 1 2027-01-04..2027-01-15 r1 10d 80h" */
char *grant_str(const cJSON *res, int i) {
  const cJSON *g = at(res, "grants", i);
  return th_fmt("%s %s %d %s..%s r%d %dd %gh", th_str(g, "employee"),
                th_str(g, "choice"), (int)th_num(g, "option"),
                th_str(g, "start"), th_str(g, "end"), (int)th_num(g, "round"),
                (int)th_num(g, "charged_days"), th_num(g, "charged_hours"));
}

/* "E2 xmas r1 0:CAPACITY@2026-12-24,1:OVERLAP" */
char *denial_str(const cJSON *res, int i) {
  const cJSON *d = at(res, "denials", i);
  char buf[512];
  int n = snprintf(buf, sizeof buf, "%s %s r%d", th_str(d, "employee"),
                   th_str(d, "choice"), (int)th_num(d, "round"));
  const cJSON *opts = th_get(d, "options");
  for (int k = 0; k < cJSON_GetArraySize(opts); k++) {
    const cJSON *o = th_at(opts, k);
    const cJSON *date = cJSON_GetObjectItemCaseSensitive(o, "date");
    n += snprintf(buf + n, sizeof buf - (size_t)n, "%s%d:%s%s%s",
                  k ? "," : " ", (int)th_num(o, "option"), th_str(o, "reason"),
                  date ? "@" : "", date ? date->valuestring : "");
  }
  return th_fmt("%s", buf);
}

void conformance_case(const char *dir, const char *name, int method) {
  char *pp = th_fmt("%s/%s.problem.json", dir, name);
  char *ep = th_fmt("%s/%s.expected.json", dir, name);
  if (access(pp, R_OK) != 0) {
    /* cmocka's skip() is "not ok # SKIP" in TAP, which meson counts as a
     * failure: say so and pass. */
    print_message("# SKIP %s is absent\n", pp);
    free(pp);
    free(ep);
    return;
  }
  char *problem = th_read_file(pp, NULL);
  char *expected = th_read_file(ep, NULL);
  cJSON *res = th_solve(problem, method);
  cJSON *exp = cJSON_Parse(expected);
  assert_non_null(exp);
  /* Every member the spec pins down, audit and warnings included. */
  const char *keys[] = {"method", "status", "seniority", "ties", "grants",
                        "denials", "employees", "notify", "infeasible",
                        "warnings"};
  for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
    const cJSON *a = cJSON_GetObjectItemCaseSensitive(exp, keys[i]);
    const cJSON *b = cJSON_GetObjectItemCaseSensitive(res, keys[i]);
    if (!a && !b) continue;
    if (!a || !b || !cJSON_Compare(a, b, true)) {
      print_error("%s: member %s differs\n", name, keys[i]);
      fail();
    }
  }
  /* Audit events and rules in order. */
  const cJSON *aa = th_get(exp, "audit"), *ab = th_get(res, "audit");
  assert_int_equal(cJSON_GetArraySize(aa), cJSON_GetArraySize(ab));
  for (int i = 0; i < cJSON_GetArraySize(aa); i++) {
    assert_string_equal(th_str(th_at(aa, i), "event"), th_str(th_at(ab, i), "event"));
    assert_string_equal(th_str(th_at(aa, i), "rule"), th_str(th_at(ab, i), "rule"));
    assert_string_equal(th_str(th_at(aa, i), "detail"), th_str(th_at(ab, i), "detail"));
  }
  cJSON_Delete(res);
  cJSON_Delete(exp);
  free(problem);
  free(expected);
  free(pp);
  free(ep);
}

cJSON *run_check(const char *problem, const char *result, int *outcome) {
  senbid_problem *p = th_parse_ok(problem);
  senbid_result *r = NULL;
  assert_int_equal(senbid_check(&r, p, result, strlen(result), NULL), SENBID_OK);
  *outcome = senbid_result_outcome(r);
  cJSON *doc = cJSON_Parse(senbid_result_json(r, NULL));
  assert_non_null(doc);
  senbid_result_free(r);
  senbid_problem_free(p);
  return doc;
}

bool has_departure(const cJSON *doc, const char *code, const char *emp) {
  const cJSON *d;
  cJSON_ArrayForEach(d, th_get(doc, "departures")) {
    const cJSON *e = cJSON_GetObjectItemCaseSensitive(d, "employee");
    if (strcmp(th_str(d, "code"), code) == 0 &&
        (!emp || (cJSON_IsString(e) && strcmp(e->valuestring, emp) == 0)))
      return true;
  }
  return false;
}

uint64_t rng_next(uint64_t *s) {
  *s += 0x9e3779b97f4a7c15ULL;
  uint64_t z = *s;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

int rnd(uint64_t *s, int n) { return (int)(rng_next(s) % (uint64_t)n); }

void gen_make(gen *g, uint64_t seed, bool with_min) {
  gen_make_ex(g, seed, with_min, false);
}

void gen_make_ex(gen *g, uint64_t seed, bool with_min, bool extras) {
  uint64_t s = seed;
  memset(g, 0, sizeof *g);
  g->tot_max = -1;
  g->sb_s = -1;
  g->n = 2 + rnd(&s, 6);
  g->ngroups = 1 + rnd(&s, 2);
  g->ndays = 40;
  g->cap[0] = 1 + rnd(&s, 2);
  g->cap[1] = 1 + rnd(&s, 2);
  g->ov_s = rnd(&s, 3) == 0 ? rnd(&s, 30) : -1;
  g->ov_e = g->ov_s + rnd(&s, 5);
  g->ov_max = rnd(&s, 2);
  g->ov_group = rnd(&s, 2) ? -1 : rnd(&s, g->ngroups);
  g->maxdays = rnd(&s, 3) == 0 ? 4 + rnd(&s, 8) : -1;
  for (int i = 0; i < g->n; i++) {
    g->group[i] = rnd(&s, g->ngroups);
    g->balance[i] = rnd(&s, 3) == 0 ? 8 * rnd(&s, 8) : -1;
    g->min[i] = with_min && rnd(&s, 3) == 0 ? 1 + rnd(&s, 6) : 0;
    g->as[i] = rnd(&s, 4) == 0 ? rnd(&s, 40) : -1;
    g->ae[i] = g->as[i] + rnd(&s, 3);
    g->nch[i] = rnd(&s, 4);
    for (int c = 0; c < g->nch[i]; c++) {
      g->nopt[i][c] = 1 + rnd(&s, 2);
      for (int k = 0; k < g->nopt[i][c]; k++) {
        g->os[i][c][k] = rnd(&s, 42) - 1; /* may fall outside the period */
        g->oe[i][c][k] = g->os[i][c][k] + rnd(&s, 6);
      }
    }
  }
  if (!extras) return;
  /* Drawn after the rest, so that the plain rosters stay as they were. */
  if (rnd(&s, 3)) {
    g->tot_max = rnd(&s, 4);
    g->tot_mask = 1 + rnd(&s, 3);
    g->tot_s = rnd(&s, 2) ? rnd(&s, 30) : -1;
    g->tot_e = g->tot_s + rnd(&s, 10);
  }
  g->priority = rnd(&s, 4);
  g->sb_s = rnd(&s, 2) ? rnd(&s, 30) : -1;
  g->sb_e = g->sb_s + rnd(&s, 8);
  for (int i = 0; i < g->n; i++) {
    g->uol[i] = rnd(&s, 3) == 0 ? 8 * (1 + rnd(&s, 3)) : 0;
    g->school[i] = rnd(&s, 3) == 0;
    g->prevden[i] = rnd(&s, 4) == 0;
  }
}

sb_day gen_day0(void) { return sb_date_from_ymd(2026, 10, 1); }

static void put_date(char *buf, size_t cap, size_t *n, int off) {
  char d[11];
  sb_date_format(gen_day0() + off, d);
  *n += (size_t)snprintf(buf + *n, cap - *n, "\"%s\"", d);
}

char *gen_json(const gen *g) {
  size_t cap = 1 << 16, n = 0;
  char *b = malloc(cap);
  assert_non_null(b);
#define P(...) n += (size_t)snprintf(b + n, cap - n, __VA_ARGS__)
  P("%s\"employees\":[", HEAD);
  for (int i = 0; i < g->n; i++) {
    P("%s{\"id\":\"E%d\",\"name\":{\"last\":\"N%d\"},\"service\":{"
      "\"series_start\":\"%d-01-01\",\"usbp_start\":\"2000-01-01\","
      "\"cbp_start\":\"2000-01-01\"},\"group\":\"G%d\"",
      i ? "," : "", i, i, 2000 + i, g->group[i]);
    if (g->balance[i] >= 0) P(",\"leave_balance_hours\":%d", g->balance[i]);
    if (g->min[i]) P(",\"min_leave_days\":%d", g->min[i]);
    if (g->uol[i]) P(",\"use_or_lose_hours\":%d", g->uol[i]);
    if (g->school[i]) P(",\"school_age_children\":true");
    if (g->prevden[i]) P(",\"denied_previous_period\":true");
    P("}");
  }
  P("],\"period\":{\"start\":");
  put_date(b, cap, &n, 0);
  P(",\"end\":");
  put_date(b, cap, &n, g->ndays - 1);
  P("},\"capacity\":{\"groups\":{\"G0\":%d,\"G1\":%d}", g->cap[0], g->cap[1]);
  if (g->ov_s >= 0) {
    P(",\"overrides\":[{\"start\":");
    put_date(b, cap, &n, g->ov_s);
    P(",\"end\":");
    put_date(b, cap, &n, g->ov_e);
    P(",\"max\":%d", g->ov_max);
    if (g->ov_group >= 0) P(",\"group\":\"G%d\"", g->ov_group);
    P("}]");
  }
  if (g->tot_max >= 0) {
    P(",\"totals\":[{\"groups\":[%s%s%s],\"max\":%d",
      g->tot_mask & 1 ? "\"G0\"" : "", g->tot_mask == 3 ? "," : "",
      g->tot_mask & 2 ? "\"G1\"" : "", g->tot_max);
    if (g->tot_s >= 0) {
      P(",\"start\":");
      put_date(b, cap, &n, g->tot_s);
      P(",\"end\":");
      put_date(b, cap, &n, g->tot_e);
    }
    P("}]");
  }
  P("},\"approved\":[");
  bool first = true;
  for (int i = 0; i < g->n; i++) {
    if (g->as[i] < 0) continue;
    P("%s{\"employee\":\"E%d\",\"start\":", first ? "" : ",", i);
    put_date(b, cap, &n, g->as[i]);
    P(",\"end\":");
    put_date(b, cap, &n, g->ae[i]);
    P("}");
    first = false;
  }
  P("],\"requests\":[");
  for (int i = g->n - 1, k0 = 1; i >= 0; i--) {
    P("%s{\"employee\":\"E%d\",\"choices\":[", k0 ? "" : ",", i);
    k0 = 0;
    for (int c = 0; c < g->nch[i]; c++) {
      P("%s{\"id\":\"c%d\",\"options\":[", c ? "," : "", c);
      for (int k = 0; k < g->nopt[i][c]; k++) {
        P("%s{\"start\":", k ? "," : "");
        put_date(b, cap, &n, g->os[i][c][k]);
        P(",\"end\":");
        put_date(b, cap, &n, g->oe[i][c][k]);
        P("}");
      }
      P("]}");
    }
    P("]}");
  }
  P("]");
  if (g->sb_s >= 0) {
    P(",\"school_breaks\":[{\"start\":");
    put_date(b, cap, &n, g->sb_s);
    P(",\"end\":");
    put_date(b, cap, &n, g->sb_e);
    P("}]");
  }
  static const char *const prio[] = {
      NULL, "\"ice-2019\"", "\"ins-1995\"",
      "[\"previous_denial\",\"leave_credit\",\"school_children\"]"};
  P(",\"rules\":{");
  if (g->maxdays >= 0) P("\"max_days_per_employee\":%d%s", g->maxdays, g->priority ? "," : "");
  if (g->priority) P("\"priority\":%s", prio[g->priority]);
  P("}}");
#undef P
  return b;
}

int gen_cap(const gen *g, int grp, int day) {
  if (g->ov_s >= 0 && day >= g->ov_s && day <= g->ov_e &&
      (g->ov_group < 0 || g->ov_group == grp))
    return g->ov_max;
  return g->cap[grp];
}

/* Whether the capacity total covers group grp on day. */
static bool gen_total_covers(const gen *g, int grp, int day) {
  return g->tot_max >= 0 && (g->tot_mask & (1 << grp)) &&
         (g->tot_s < 0 || (day >= g->tot_s && day <= g->tot_e));
}

/* Room for one more of group grp on day, beside occ (SPEC section 2: the
 * group's cap and the total naming it). */
static bool gen_room(const gen *g, int (*occ)[64], int grp, int day) {
  if (occ[grp][day] + 1 > gen_cap(g, grp, day)) return false;
  if (gen_total_covers(g, grp, day)) {
    int t = 0;
    for (int k = 0; k < 2; k++)
      if (g->tot_mask & (1 << k)) t += occ[k][day];
    if (t + 1 > g->tot_max) return false;
  }
  return true;
}

int weekdays(int s, int e) {
  int n = 0;
  for (int d = s; d <= e; d++) {
    int wd = sb_weekday(gen_day0() + d);
    if (wd != SB_SAT && wd != SB_SUN) n++;
  }
  return n;
}

/* Brute force: can every minimum be met from the start? Each employee with
 * a minimum takes at most one option per choice (SPEC section 9). */
static bool gen_feasible_rec(const gen *g, int i, int c, int (*occ)[64],
                             int *days, int *hours, uint64_t *busy) {
  if (i == g->n) return true;
  if (g->min[i] == 0 || c == g->nch[i]) {
    if (g->min[i] && days[i] < g->min[i]) return false;
    return gen_feasible_rec(g, i + 1, 0, occ, days, hours, busy);
  }
  if (gen_feasible_rec(g, i, c + 1, occ, days, hours, busy)) return true;
  for (int k = 0; k < g->nopt[i][c]; k++) {
    int s = g->os[i][c][k], e = g->oe[i][c][k], len = e - s + 1;
    if (s < 0 || e >= g->ndays) continue;
    uint64_t mask = ((len >= 64 ? ~0ULL : ((1ULL << len) - 1))) << s;
    if (busy[i] & mask) continue;
    if (g->as[i] >= 0 && s <= g->ae[i] && g->as[i] <= e) continue;
    int h = 8 * weekdays(s, e);
    if (g->balance[i] >= 0 && hours[i] + h > g->balance[i]) continue;
    if (g->maxdays >= 0 && days[i] + len > g->maxdays) continue;
    bool room = true;
    for (int d = s; d <= e; d++)
      if (!gen_room(g, occ, g->group[i], d)) room = false;
    if (!room) continue;
    for (int d = s; d <= e; d++) occ[g->group[i]][d]++;
    busy[i] |= mask;
    days[i] += len;
    hours[i] += h;
    bool ok = gen_feasible_rec(g, i, c + 1, occ, days, hours, busy);
    for (int d = s; d <= e; d++) occ[g->group[i]][d]--;
    busy[i] &= ~mask;
    days[i] -= len;
    hours[i] -= h;
    if (ok) return true;
  }
  return false;
}

bool gen_feasible(const gen *g) {
  int occ[2][64] = {{0}};
  int days[8] = {0}, hours[8] = {0};
  uint64_t busy[8] = {0};
  for (int i = 0; i < g->n; i++)
    if (g->as[i] >= 0)
      for (int d = g->as[i]; d <= g->ae[i] && d < g->ndays; d++)
        occ[g->group[i]][d]++;
  return gen_feasible_rec(g, 0, 0, occ, days, hours, busy);
}

/* Every result keeps the rules: caps (beside approved leave), no overlap,
 * balance and max_days. */
void gen_verify(const gen *g, const cJSON *res) {
  int occ[2][64] = {{0}}, grants[2][64] = {{0}};
  int days[8] = {0}, hours[8] = {0};
  uint64_t busy[8] = {0};
  for (int i = 0; i < g->n; i++)
    if (g->as[i] >= 0)
      for (int d = g->as[i]; d <= g->ae[i] && d < g->ndays; d++) {
        occ[g->group[i]][d]++;
        busy[i] |= 1ULL << d;
      }
  const cJSON *gr = th_get(res, "grants");
  for (int k = 0; k < cJSON_GetArraySize(gr); k++) {
    const cJSON *x = th_at(gr, k);
    int i = atoi(th_str(x, "employee") + 1);
    sb_day s, e;
    assert_true(sb_date_parse(th_str(x, "start"), &s));
    assert_true(sb_date_parse(th_str(x, "end"), &e));
    int so = s - gen_day0(), eo = e - gen_day0();
    assert_true(so >= 0 && eo < g->ndays);
    for (int d = so; d <= eo; d++) {
      assert_false(busy[i] & (1ULL << d));
      busy[i] |= 1ULL << d;
      grants[g->group[i]][d]++;
    }
    days[i] += eo - so + 1;
    hours[i] += (int)th_num(x, "charged_hours");
    assert_int_equal((int)th_num(x, "charged_hours"), 8 * weekdays(so, eo));
  }
  for (int grp = 0; grp < 2; grp++)
    for (int d = 0; d < g->ndays; d++)
      if (grants[grp][d]) {
        assert_true(occ[grp][d] + grants[grp][d] <= gen_cap(g, grp, d));
        if (gen_total_covers(g, grp, d)) {
          int t = 0;
          for (int k = 0; k < 2; k++)
            if (g->tot_mask & (1 << k)) t += occ[k][d] + grants[k][d];
          assert_true(t <= g->tot_max);
        }
      }
  for (int i = 0; i < g->n; i++) {
    if (g->balance[i] >= 0) assert_true(hours[i] <= g->balance[i]);
    if (g->maxdays >= 0) assert_true(days[i] <= g->maxdays);
  }
}

/* Dense rosters: tight caps, long options, half the employees with
 * minimums, so the witness, the repair and the neighbourhood search all
 * come into play. */
void gen_make_dense(gen *g, uint64_t seed) {
  uint64_t s = seed;
  gen_make(g, seed, true);
  g->n = 8;
  g->cap[0] = 1 + rnd(&s, 2);
  g->cap[1] = 1;
  for (int i = 0; i < g->n; i++) {
    g->group[i] = rnd(&s, 4) == 0 ? 1 : 0;
    g->min[i] = rnd(&s, 2) ? 2 + rnd(&s, 6) : 0;
    g->balance[i] = rnd(&s, 4) == 0 ? 8 * (2 + rnd(&s, 6)) : -1;
    g->nch[i] = 2 + rnd(&s, 2);
    for (int c = 0; c < g->nch[i]; c++) {
      g->nopt[i][c] = 1 + rnd(&s, 2);
      for (int k = 0; k < g->nopt[i][c]; k++) {
        g->os[i][c][k] = rnd(&s, 36);
        g->oe[i][c][k] = g->os[i][c][k] + rnd(&s, 7);
      }
    }
  }
}


/* A roster in the shape of bench/leave's (see leave_test.h); dense: every
 * employee with min_leave_days 9, 6 options a choice and a cap of n / 30
 * a day (the dense use-or-lose rosters of issue 13). */
static char *gen_roster_doc(int n, uint64_t seed, bool extras, bool dense) {
  size_t cap = (size_t)n * (dense ? 3200 : 1200) + 4096, len = 0;
  char *b = malloc(cap);
  assert_non_null(b);
  uint64_t st = seed;
#define P(...) len += (size_t)snprintf(b + len, cap - len, __VA_ARGS__)
  P("%s\"employees\":[", HEAD);
  for (int i = 0; i < n; i++) {
    P("%s{\"id\":\"E%d\",\"name\":{\"last\":\"N%d\"},\"service\":{\"series_start\":"
      "\"%d-01-01\",\"usbp_start\":\"2000-01-01\",\"cbp_start\":\"2000-01-01\"},"
      "\"group\":\"%s\"", i ? "," : "", i, i, 1960 + rnd(&st, 60), i % 2 ? "A" : "B");
    if (dense) P(",\"min_leave_days\":9");
    else if (rnd(&st, 10) == 0) P(",\"min_leave_days\":%d", 2 + rnd(&st, 6));
    if (extras && rnd(&st, 5) == 0) P(",\"use_or_lose_hours\":16,\"leave_balance_hours\":%d", 8 * rnd(&st, 30));
    P("}");
  }
  P("]," PERIOD ",\"capacity\":{\"default\":%d", dense ? n / 30 : n / 60 + 1);
  if (extras)
    P(",\"totals\":[{\"groups\":[\"A\",\"B\"],\"max\":%d,\"start\":\"2026-12-15\","
      "\"end\":\"2027-01-05\"}]", n / 50 + 1);
  P("},\"requests\":[");
  for (int i = 0; i < n; i++) {
    P("%s{\"employee\":\"E%d\",\"choices\":[", i ? "," : "", i);
    for (int c = 0; c < 8; c++) {
      P("%s{\"id\":\"c%d\",\"options\":[", c ? "," : "", c);
      for (int k = 0; k < (dense ? 6 : 2); k++) {
        char a[11], z[11];
        int s0 = rnd(&st, 170), l = 1 + rnd(&st, 14);
        sb_date_format(sb_date_from_ymd(2026, 10, 1) + s0, a);
        sb_date_format(sb_date_from_ymd(2026, 10, 1) + s0 + l - 1, z);
        P("%s{\"start\":\"%s\",\"end\":\"%s\"}", k ? "," : "", a, z);
      }
      P("]}");
    }
    P("]}");
  }
  P("]");
  if (extras) P(",\"rules\":{\"priority\":[\"use_or_lose\",\"leave_credit\"]}");
  P("}");
#undef P
  return b;
}

char *gen_big_doc(int n, uint64_t seed, bool extras) {
  return gen_roster_doc(n, seed, extras, false);
}

char *gen_dense_doc(int n, uint64_t seed) { return gen_roster_doc(n, seed, false, true); }

