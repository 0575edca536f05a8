/* Helpers shared by the shift-bid tests (builders of hand-worked stations,
 * generated stations, solve and check wrappers). */
#include "sbt.h"

/* ---------------------------------------------------------------- builders */

/* An employee; seniority (nbpc-2019) follows the series_start year. */
char *emp(const char *id, int year, const char *extra) {
  return th_fmt("{\"id\":\"%s\",\"name\":{\"last\":\"%s\"},\"service\":{"
                "\"series_start\":\"%d-01-01\",\"usbp_start\":\"%d-01-01\","
                "\"cbp_start\":\"%d-01-01\"}%s%s}",
                id, id, year, year, year, extra && *extra ? "," : "",
                extra ? extra : "");
}

/* A station document: employees (a JSON array body), shifts, bids and
 * any other members (a leading comma-free list of members, may be ""). */
char *station(const char *emps, const char *shifts, const char *bids,
                     const char *more) {
  return th_fmt("{\"senbid\":1,\"kind\":\"shift_bid\",\"as_of\":\"2026-09-01\","
                "\"seniority\":{\"policy\":\"nbpc-2019\"},\"employees\":[%s],"
                "\"rotation\":{\"start\":\"2026-10-04\",\"end\":\"2027-01-30\"},"
                "\"shifts\":[%s],\"bids\":[%s]%s%s}",
                emps, shifts, bids, more && *more ? "," : "", more ? more : "");
}

/* Joins up to 8 employee strings with commas and frees them. */
char *join(int n, ...) {
  va_list ap;
  va_start(ap, n);
  size_t len = 1;
  char *parts[16];
  for (int i = 0; i < n; i++) {
    parts[i] = va_arg(ap, char *);
    len += strlen(parts[i]) + 1;
  }
  va_end(ap);
  char *out = malloc(len);
  assert_non_null(out);
  out[0] = '\0';
  for (int i = 0; i < n; i++) {
    if (i) strcat(out, ",");
    strcat(out, parts[i]);
    free(parts[i]);
  }
  return out;
}

cJSON *solve_doc(char *emps, const char *shifts, const char *bids,
                        const char *more, int method) {
  char *doc = station(emps, shifts, bids, more);
  cJSON *res = th_solve(doc, method);
  free(doc);
  free(emps);
  return res;
}

const cJSON *find_by(const cJSON *arr, const char *key,
                            const char *val) {
  const cJSON *it;
  cJSON_ArrayForEach(it, arr) {
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(it, key);
    if (cJSON_IsString(v) && !strcmp(v->valuestring, val)) return it;
  }
  return NULL;
}

/* Asserts E's assignment: shift, reason, rank (0 = null), cause (or NULL). */
void expect_asg(const cJSON *res, const char *e, const char *shift,
                       const char *reason, int rank, const char *cause) {
  const cJSON *a = find_by(th_get(res, "assignments"), "employee", e);
  if (!a) {
    print_error("%s has no assignment\n", e);
    fail();
  }
  assert_string_equal(th_str(a, "shift"), shift);
  assert_string_equal(th_str(a, "reason"), reason);
  const cJSON *r = cJSON_GetObjectItemCaseSensitive(a, "rank");
  if (rank)
    assert_int_equal((int)r->valuedouble, rank);
  else
    assert_true(cJSON_IsNull(r));
  const cJSON *c = cJSON_GetObjectItemCaseSensitive(a, "cause");
  if (cause)
    assert_string_equal(c->valuestring, cause);
  else
    assert_null(c);
}

int denials(const cJSON *res, const char *e) {
  const cJSON *d = th_get(th_get(res, "history"), "denials");
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(d, e);
  return v ? (int)v->valuedouble : -1;
}

bool has_audit(const cJSON *res, const char *event, const char *rule) {
  const cJSON *it;
  cJSON_ArrayForEach(it, th_get(res, "audit")) {
    if (!strcmp(th_str(it, "event"), event) && !strcmp(th_str(it, "rule"), rule))
      return true;
  }
  return false;
}

bool has_warning(const cJSON *res, const char *code) {
  return find_by(th_get(res, "warnings"), "code", code) != NULL;
}

const char *SHIFTS3 =
    "{\"id\":\"DAY\",\"max\":2},{\"id\":\"SWING\",\"max\":2},"
    "{\"id\":\"MID\",\"max\":2}";

/* ------------------------------------------------------ generated stations */

uint64_t rng_next(uint64_t *s) {
  *s += 0x9e3779b97f4a7c15ull;
  return sb_splitmix64(*s);
}
int rnd(uint64_t *s, int n) { return (int)(rng_next(s) % (uint64_t)n); }

void gen_station(gen *g, uint64_t seed, bool mins, bool spp, bool fixed) {
  uint64_t s = seed;
  int n = 3 + rnd(&s, 4), S = 2 + rnd(&s, 2);
  gen_station_sized(g, s, n, S, mins, spp, fixed);
}

/* A station of n employees and S shifts (n <= SBT_MAXE, S <= SBT_MAXS). */
void gen_station_sized(gen *g, uint64_t seed, int n, int S, bool mins,
                       bool spp, bool fixed) {
  uint64_t s = seed;
  memset(g, 0, sizeof *g);
  g->n = n;
  g->S = S;
  for (int i = 0; i < g->n; i++) {
    g->year[i] = rnd(&s, 7) == 0 ? 2026 : 1980 + i; /* some ineligible */
    g->grade[i] = rnd(&s, 2);
    int k = rnd(&s, 6), most = g->S < 4 ? g->S : 4;
    g->nprefs[i] = k == 0 ? -1 : k == 1 ? 0 : 1 + rnd(&s, most);
    for (int j = 0; j < g->nprefs[i]; j++) g->prefs[i][j] = rnd(&s, g->S);
    g->denial[i] = spp ? rnd(&s, 4) : 0;
    g->fixed[i] = fixed && rnd(&s, 6) == 0 ? rnd(&s, g->S) : -1;
  }
  for (int t = 0; t < g->S; t++) {
    g->min[t] = mins ? rnd(&s, 3) : 0;
    g->max[t] = rnd(&s, 4) == 0 ? -1 : 1 + rnd(&s, 3);
    g->gmin[t] = rnd(&s, 3) == 0 ? (mins ? rnd(&s, 2) : 0) : -1;
    g->gmax[t] = rnd(&s, 2) ? -1 : 1 + rnd(&s, 2);
  }
}

char *gen_doc(const gen *g) {
  sb_buf b;
  sb_buf_init(&b, &sb_default_alloc);
  sb_buf_puts(&b, "{\"senbid\":1,\"kind\":\"shift_bid\",\"as_of\":\"2026-09-01\","
                  "\"seniority\":{\"policy\":\"nbpc-2019\"},\"employees\":[");
  for (int i = 0; i < g->n; i++) {
    sb_buf_printf(&b, "%s{\"id\":\"E%d\",\"name\":{\"last\":\"N%d\"},\"service\":"
                  "{\"series_start\":\"%d-01-01\",\"usbp_start\":\"%d-01-01\","
                  "\"cbp_start\":\"%d-01-01\"},\"grade\":\"GS-1%d\"",
                  i ? "," : "", i, i, g->year[i], g->year[i], g->year[i],
                  1 + g->grade[i]);
    if (g->fixed[i] >= 0) sb_buf_printf(&b, ",\"fixed_shift\":\"S%d\"", g->fixed[i]);
    sb_buf_puts(&b, "}");
  }
  sb_buf_puts(&b, "],\"rotation\":{\"start\":\"2026-10-04\",\"end\":\"2027-01-30\"},"
                  "\"shifts\":[");
  for (int t = 0; t < g->S; t++) {
    sb_buf_printf(&b, "%s{\"id\":\"S%d\",\"min\":%d", t ? "," : "", t, g->min[t]);
    if (g->max[t] >= 0) sb_buf_printf(&b, ",\"max\":%d", g->max[t]);
    if (g->gmin[t] >= 0) {
      sb_buf_printf(&b, ",\"grades\":{\"GS-12\":{\"min\":%d", g->gmin[t]);
      if (g->gmax[t] >= 0) sb_buf_printf(&b, ",\"max\":%d", g->gmax[t]);
      sb_buf_puts(&b, "}}");
    }
    sb_buf_puts(&b, "}");
  }
  sb_buf_puts(&b, "],\"bids\":[");
  bool first = true;
  for (int i = 0; i < g->n; i++) {
    if (g->nprefs[i] < 0) continue;
    sb_buf_printf(&b, "%s{\"employee\":\"E%d\",\"prefs\":[", first ? "" : ",", i);
    first = false;
    for (int j = 0; j < g->nprefs[i]; j++)
      sb_buf_printf(&b, "%s\"S%d\"", j ? "," : "", g->prefs[i][j]);
    sb_buf_puts(&b, "]}");
  }
  sb_buf_puts(&b, "],\"history\":{\"denials\":{");
  for (int i = 0; i < g->n; i++)
    sb_buf_printf(&b, "%s\"E%d\":%d", i ? "," : "", i, g->denial[i]);
  sb_buf_puts(&b, "}}");
  if (g->nadj) {
    sb_buf_puts(&b, ",\"adjustments\":[");
    for (int k = 0; k < g->nadj; k++) {
      if (g->adj_emp[k] >= 0)
        sb_buf_printf(&b, "%s{\"place\":\"E%d\",\"shift\":\"S%d\"}", k ? "," : "",
                      g->adj_emp[k], g->adj_shift[k]);
      else
        sb_buf_printf(&b, "%s{\"shift\":\"S%d\",\"max\":%d}", k ? "," : "",
                      g->adj_shift[k], g->adj_max[k]);
    }
    sb_buf_puts(&b, "]");
  }
  sb_buf_puts(&b, "}");
  sb_buf_terminate(&b);
  char *out = strdup(b.data);
  sb_buf_free(&b);
  return out;
}

/* One or two adjustments (SPEC 3 step 5): a lowered max (bumps) or a
 * placement that moves an employee (and bumps when the shift is over). */
void gen_adjustments(gen *g, uint64_t seed) {
  uint64_t s = seed;
  g->nadj = 1 + rnd(&s, 2);
  for (int k = 0; k < g->nadj; k++) {
    g->adj_shift[k] = rnd(&s, g->S);
    g->adj_emp[k] = rnd(&s, 2) ? rnd(&s, g->n) : -1;
    g->adj_max[k] = rnd(&s, 3);
  }
}

bool is_bidder(const gen *g, int i) {
  return g->year[i] < 2025 && g->nprefs[i] > 0 && g->fixed[i] < 0;
}
int pref_rank(const gen *g, int i, int t) {
  for (int j = 0; j < g->nprefs[i]; j++)
    if (g->prefs[i][j] == t) return j + 1;
  return 100;
}

/* The lexicographic objective of a roster (SPEC 3, 9): first whether each
 * SPP agent (seniority order) is on the first choice (0) or not (1), then
 * every bidder's rank (100: none of the bid's shifts, or unplaced). */
int objective(const gen *g, const int *shift, int *v) {
  int nv = 0;
  for (int i = 0; i < g->n; i++)
    if (is_bidder(g, i) && g->denial[i] >= 2) v[nv++] = shift[i] == g->prefs[i][0] ? 0 : 1;
  for (int i = 0; i < g->n; i++)
    if (is_bidder(g, i)) v[nv++] = shift[i] < 0 ? 100 : pref_rank(g, i, shift[i]);
  return nv;
}


/* Decodes a result into shift per employee (-1 unplaced). */
void decode(const gen *g, const cJSON *res, int *shift) {
  for (int i = 0; i < g->n; i++) shift[i] = -1;
  const cJSON *a;
  cJSON_ArrayForEach(a, th_get(res, "assignments")) {
    int i = atoi(th_str(a, "employee") + 1), t = atoi(th_str(a, "shift") + 1);
    shift[i] = t;
  }
}

int minimums_met(const gen *g, const int *shift, bool *caps_ok) {
  int cnt[SBT_MAXS] = {0}, gc[SBT_MAXS] = {0}, met = 0;
  for (int i = 0; i < g->n; i++)
    if (shift[i] >= 0) {
      cnt[shift[i]]++;
      if (g->grade[i] == 1) gc[shift[i]]++;
    }
  /* SPEC 9: management placements over a max raise it to their number */
  int mc[SBT_MAXS] = {0}, mg[SBT_MAXS] = {0};
  *caps_ok = true;
  for (int i = 0; i < g->n; i++)
    if (g->fixed[i] >= 0) {
      if (shift[i] != g->fixed[i]) *caps_ok = false;
      mc[g->fixed[i]]++;
      if (g->grade[i] == 1) mg[g->fixed[i]]++;
    }
  for (int t = 0; t < g->S; t++) {
    int mx = g->max[t] >= 0 && g->max[t] < mc[t] ? mc[t] : g->max[t];
    int gx = g->gmax[t] >= 0 && g->gmax[t] < mg[t] ? mg[t] : g->gmax[t];
    met += cnt[t] < g->min[t] ? cnt[t] : g->min[t];
    if (g->gmin[t] >= 0) met += gc[t] < g->gmin[t] ? gc[t] : g->gmin[t];
    if (mx >= 0 && cnt[t] > mx) *caps_ok = false;
    if (g->gmin[t] >= 0 && gx >= 0 && gc[t] > gx) *caps_ok = false;
  }
  return met;
}

/* Property (issue #4, SPEC 3): with no minimum anywhere and no adjustments,
 * lexicographic gives exactly the round_robin result (SPEC 9). */
/* ------------------------------------------------------ check, export-lp */

/* Runs senbid_check on a posted result; returns the parsed departures doc. */
cJSON *check_doc(const char *doc, const char *posted, int *outcome) {
  senbid_problem *p = th_parse_ok(doc);
  senbid_result *res = NULL;
  senbid_error *err = NULL;
  int rc = senbid_check(&res, p, posted, strlen(posted), &err);
  senbid_problem_free(p);
  if (rc != SENBID_OK) {
    print_error("check failed: %s\n", senbid_error_message(err));
    senbid_error_free(err);
    fail();
  }
  *outcome = senbid_result_outcome(res);
  cJSON *out = cJSON_Parse(senbid_result_json(res, NULL));
  assert_registered(out);
  senbid_result_free(res);
  return out;
}

bool has_departure(const cJSON *chk, const char *code, const char *emp) {
  const cJSON *it;
  cJSON_ArrayForEach(it, th_get(chk, "departures")) {
    const cJSON *e = cJSON_GetObjectItemCaseSensitive(it, "employee");
    if (!strcmp(th_str(it, "code"), code) &&
        (!emp || (cJSON_IsString(e) && !strcmp(e->valuestring, emp))))
      return true;
  }
  return false;
}

/* SPEC 7: a result the library made has no departure; a hand-edited one
 * where a junior takes what a senior bid for (IV.D), an SPP guarantee is
 * ignored (V.A.2), a max is broken (III.A) or the history is wrong (V.A.1)
 * lists each departure. */

/* ------------------------------------------------------- hand-worked cases */

/* Solves cases/NAME.problem.json with the method its expected result
 * names and asserts the result's members equal cases/NAME.expected.json
 * (copied from the conformance cases, hand-worked); check accepts the
 * expected result. */
void run_case(const char *name) {
  char path[512];
  snprintf(path, sizeof path, "%s/%s.problem.json", SB_CASES_DIR, name);
  char *doc = th_read_file(path, NULL);
  snprintf(path, sizeof path, "%s/%s.expected.json", SB_CASES_DIR, name);
  char *exp_text = th_read_file(path, NULL);
  cJSON *exp = cJSON_Parse(exp_text);
  assert_non_null(exp);
  int method = strcmp(th_str(exp, "method"), "lexicographic") ? RR : LEX;
  cJSON *res = th_solve(doc, method);
  assert_registered(res);
  static const char *const keys[] = {"seniority", "status", "assignments",
                                     "excluded", "unplaced", "unmet",
                                     "bumps", "history"};
  for (int k = 0; k < 8; k++)
    if (!cJSON_Compare(th_get(res, keys[k]), th_get(exp, keys[k]), true)) {
      char *a = cJSON_PrintUnformatted(th_get(res, keys[k]));
      print_error("%s: %s differs: %s\n", name, keys[k], a);
      free(a);
      fail();
    }
  int outcome;
  cJSON *chk = check_doc(doc, exp_text, &outcome);
  assert_int_equal((int)th_num(chk, "count"), 0);
  cJSON_Delete(chk);
  cJSON_Delete(res);
  cJSON_Delete(exp);
  free(exp_text);
  free(doc);
}

/* Every code a shift-bid document carries is in the registry
 * (lib/shiftbid/registry.def): reasons and causes of assignments,
 * excluded and unplaced, audit events (and their rule is the clause the
 * registry gives, or a clause of the same article for "place",
 * "exclude"), warnings and departures. */
static void registered(sb_reg_type type, const cJSON *v) {
  if (!cJSON_IsString(v)) return;
  if (!sb_registry_find(SB_KIND_SHIFT_BID, type, v->valuestring)) {
    print_error("%s is not in lib/shiftbid/registry.def\n", v->valuestring);
    fail();
  }
}

void assert_registered(const cJSON *doc) {
  static const char *const lists[] = {"assignments", "excluded", "unplaced"};
  const cJSON *it;
  for (int k = 0; k < 3; k++)
    cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(doc, lists[k])) {
      registered(SB_REG_REASON, cJSON_GetObjectItemCaseSensitive(it, "reason"));
      registered(SB_REG_REASON, cJSON_GetObjectItemCaseSensitive(it, "cause"));
    }
  cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(doc, "audit"))
    registered(SB_REG_EVENT, cJSON_GetObjectItemCaseSensitive(it, "event"));
  cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(doc, "warnings"))
    registered(SB_REG_WARNING, cJSON_GetObjectItemCaseSensitive(it, "code"));
  cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(doc, "departures")) {
    registered(SB_REG_DEPARTURE, cJSON_GetObjectItemCaseSensitive(it, "code"));
    const cJSON *rule = cJSON_GetObjectItemCaseSensitive(it, "rule");
    const sb_reg_entry *e = sb_registry_find(
        SB_KIND_SHIFT_BID, SB_REG_DEPARTURE, th_str(it, "code"));
    if (e && cJSON_IsString(rule) && strcmp(e->clause, rule->valuestring)) {
      print_error("departure %s has rule %s, the registry %s\n", e->name,
                  rule->valuestring, e->clause);
      fail();
    }
  }
}

/* Brute force over every roster (each employee on a shift or unplaced):
 * the most minimums met within every max, and the lexicographically best
 * objective (SPP guarantees, then ranks, in seniority order) among those.
 * Returns that number of minimums; bestv gets the objective. */
int brute_best(const gen *g, int *bestv) {
  int best = -1, cur[SBT_MAXE], total = 1;
  for (int i = 0; i < g->n; i++) total *= g->S + 1;
  for (int code = 0; code < total; code++) {
    int c = code;
    for (int i = 0; i < g->n; i++) {
      cur[i] = c % (g->S + 1) - 1;
      c /= g->S + 1;
    }
    bool cap;
    int met = minimums_met(g, cur, &cap);
    if (!cap || met < best) continue;
    int v[2 * SBT_MAXE], nv = objective(g, cur, v);
    bool better = met > best;
    for (int k = 0; k < nv && !better; k++) {
      if (v[k] < bestv[k]) better = true;
      if (v[k] != bestv[k]) break;
    }
    if (better) {
      best = met;
      memcpy(bestv, v, sizeof(int) * (size_t)nv);
    }
  }
  return best;
}
