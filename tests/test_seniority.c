/* Seniority ranking (SPEC section 1 and 9), each policy with its clause. */
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "internal.h"

/* A leave document with no requests: only the roster matters here. */
static char *doc(const char *seniority, const char *employees) {
  return th_fmt("{\"senbid\": 1, \"kind\": \"leave\", \"as_of\": \"2026-07-15\","
                " \"seniority\": %s, \"employees\": [%s],"
                " \"period\": {\"start\": \"2026-10-01\", \"end\": \"2027-03-31\"},"
                " \"requests\": []}",
                seniority, employees);
}

static cJSON *rank(const char *seniority, const char *employees) {
  char *d = doc(seniority, employees);
  senbid_problem *p = th_parse_ok(d);
  free(d);
  senbid_result *res = NULL;
  senbid_error *err = NULL;
  assert_int_equal(senbid_rank(&res, p, &err), SENBID_OK);
  cJSON *out = cJSON_Parse(senbid_result_json(res, NULL));
  senbid_result_free(res);
  senbid_problem_free(p);
  assert_non_null(out);
  return out;
}

static void fails(const char *seniority, const char *employees, int code,
                  const char *path) {
  char *d = doc(seniority, employees);
  th_parse_fails(d, code, path);
  free(d);
}

#define NBPC "{\"policy\": \"nbpc-2019\"}"
#define EMP(id, last, first, series, usbp, cbp)                              \
  "{\"id\": \"" id "\", \"name\": {\"last\": \"" last "\", \"first\": \"" first \
  "\"}, \"service\": {\"series_start\": \"" series "\", \"usbp_start\": \"" usbp \
  "\", \"cbp_start\": \"" cbp "\"}}"

/* NBPC 2019 Appendix I A-C: time in the series first, then Border Patrol
 * time, then CBP time. */
static void nbpc_keys_in_order(void **state) {
  (void)state;
  cJSON *r = rank(NBPC,
                  EMP("A", "Avila", "", "2012-01-01", "2012-01-01", "2012-01-01") ","
                  EMP("B", "Brown", "", "2010-01-01", "2015-01-01", "2015-01-01") ","
                  EMP("C", "Cruz", "", "2012-01-01", "2011-01-01", "2015-01-01") ","
                  EMP("D", "Diaz", "", "2012-01-01", "2012-01-01", "2009-01-01"));
  /* B has the most series time; A, C, D tie on series; C has the most
   * USBP time; D beats A on CBP time. */
  const char *want[] = {"B", "C", "D", "A"};
  th_assert_strings(th_get(r, "seniority"), 4, want);
  assert_int_equal(cJSON_GetArraySize(th_get(r, "ties")), 0);
  const cJSON *keys = th_get(th_get(r, "keys"), "A");
  /* 2012-01-01 to 2026-07-15: 5309 days. */
  assert_int_equal((int)th_num(keys, "series"), 5309);
  assert_int_equal((int)th_num(keys, "usbp"), 5309);
  assert_int_equal((int)th_num(keys, "cbp"), 5309);
  cJSON_Delete(r);
}

/* SPEC section 1: time = days from start (inclusive) to as_of (exclusive)
 * plus credit_days; a start after as_of is negative time. */
static void time_in_key_and_credits(void **state) {
  (void)state;
  cJSON *r = rank(NBPC,
                  "{\"id\": \"X\", \"service\": {\"series_start\": \"2026-07-14\","
                  " \"usbp_start\": \"2026-07-15\", \"cbp_start\": \"2026-07-20\"}},"
                  "{\"id\": \"Y\", \"credit_days\": {\"series\": 210, \"usbp\": -1},"
                  " \"service\": {\"series_start\": \"2026-07-14\","
                  " \"usbp_start\": \"2026-07-15\", \"cbp_start\": \"2026-07-20\"}}");
  const cJSON *keys = th_get(r, "keys");
  assert_int_equal((int)th_num(th_get(keys, "X"), "series"), 1);
  assert_int_equal((int)th_num(th_get(keys, "X"), "usbp"), 0);
  assert_int_equal((int)th_num(th_get(keys, "X"), "cbp"), -5);
  assert_int_equal((int)th_num(th_get(keys, "Y"), "series"), 211);
  assert_int_equal((int)th_num(th_get(keys, "Y"), "usbp"), -1);
  const char *want[] = {"Y", "X"};
  th_assert_strings(th_get(r, "seniority"), 2, want);
  cJSON_Delete(r);
}

/* NBPC 2019 Appendix I D: equal time is broken alphabetically, letter by
 * letter; case is ignored; a prefix comes first; a missing part is empty;
 * identical names fall back to the id (SPEC section 9). */
static void alphabetical_tie_break(void **state) {
  (void)state;
  const char *same = "\"service\": {\"series_start\": \"2015-01-01\", "
                     "\"usbp_start\": \"2015-01-01\", \"cbp_start\": \"2015-01-01\"}";
  char *emps = th_fmt(
      "{\"id\": \"E1\", \"name\": {\"last\": \"oneil\", \"first\": \"Ann\"}, %s},"
      "{\"id\": \"E2\", \"name\": {\"last\": \"O'Neil\", \"first\": \"Zed\"}, %s},"
      "{\"id\": \"E3\", \"name\": {\"last\": \"ONEIL\", \"first\": \"Ann\", \"middle\": \"B\"}, %s},"
      "{\"id\": \"E4\", \"name\": {\"last\": \"Oneill\"}, %s},"
      "{\"id\": \"E5\", \"name\": {\"last\": \"\\u00c1lvarez\"}, %s},"
      "{\"id\": \"E6\", \"name\": {\"last\": \"Zapata\"}, %s},"
      "{\"id\": \"E8\", \"name\": {\"last\": \"Oneil\", \"first\": \"ann\"}, %s},"
      "{\"id\": \"E7\", \"name\": {\"last\": \"Oneil\", \"first\": \"Ann\"}, %s},"
      "{\"id\": \"E9\", %s}",
      same, same, same, same, same, same, same, same, same);
  cJSON *r = rank(NBPC, emps);
  free(emps);
  /* "" (E9, no name) < "o'neil" < "oneil" (E1, E7, E8 equal: by id; E3 has
   * a middle name so comes after) < "oneill" < "zapata" < "álvarez" (U+00C1
   * sorts after every ASCII letter). */
  const char *want[] = {"E9", "E2", "E1", "E7", "E8", "E3", "E4", "E6", "E5"};
  th_assert_strings(th_get(r, "seniority"), 9, want);
  const cJSON *ties = th_get(r, "ties");
  assert_int_equal(cJSON_GetArraySize(ties), 1);
  th_assert_strings(th_get(th_at(ties, 0), "employees"), 9, want);
  assert_string_equal(th_str(th_at(ties, 0), "broken_by"), "alphabetical");
  assert_null(cJSON_GetObjectItem(th_at(ties, 0), "seed"));
  cJSON_Delete(r);
}

/* SPEC section 1: k = splitmix64(seed XOR fnv1a64(id)). The expected values
 * were worked out from the published constants, step by step. */
static void lottery_keys(void **state) {
  (void)state;
  assert_true(sb_fnv1a64("", 0) == 0xcbf29ce484222325ULL);
  assert_true(sb_fnv1a64("E1", 2) == 0x08fafb07b595b0e3ULL);
  assert_true(sb_fnv1a64("A2", 2) == 0x09089407b5a13f3aULL);
  assert_true(sb_lottery_key(0, "E1") == 0x59f05a01f10c213aULL);
  assert_true(sb_lottery_key(0, "E2") == 0x0a2621b2dda16912ULL);
  assert_true(sb_lottery_key(42, "E1") == 0x5b966e88b64bb381ULL);
  assert_true(sb_lottery_key(42, "E2") == 0xbe92ec826028033dULL);
  assert_true(sb_lottery_key(42, "E4") == 0x369e6244e9050291ULL);
  assert_true(sb_lottery_key(7, "A1") == 0xd9a4c548db27efa9ULL);
  assert_true(sb_lottery_key(7, "A2") == 0x5361f9aa8f8fe80aULL);
  assert_true(sb_lottery_key(UINT64_MAX, "E1") == 0xd1b1e3d31b6053edULL);
  assert_true(sb_lottery_key(0, "") == 0xc3817c016ba4ff30ULL);
}

#define ICE_EMP(id, attorney, scd, att)                                        \
  "{\"id\": \"" id "\", \"attorney\": " attorney ", \"service\": {\"scd\": \"" \
  scd "\", \"attorney_start\": " att "}}"

/* ICE 2019 Art. 2 G.1: attorneys by time as agency attorneys, others by
 * SCD, compared as plain day counts; Art. 18 Sec. 2.E: ties by lottery. */
static void ice_attorney_time_and_lottery(void **state) {
  (void)state;
  cJSON *r = rank("{\"policy\": \"ice-2019\", \"seed\": 7}",
                  ICE_EMP("A1", "false", "2015-01-01", "null") ","
                  ICE_EMP("A2", "false", "2015-01-01", "null") ","
                  ICE_EMP("A3", "true", "2000-01-01", "\"2018-01-01\"") ","
                  ICE_EMP("A4", "true", "2020-01-01", "\"2014-01-01\""));
  /* A4: attorney time since 2014 (most); A1/A2: SCD 2015, tied, lottery
   * with seed 7 puts A2 (k = 0x5361...) before A1 (k = 0xd9a4...); A3:
   * attorney time since 2018 despite the oldest SCD. */
  const char *want[] = {"A4", "A2", "A1", "A3"};
  th_assert_strings(th_get(r, "seniority"), 4, want);
  const cJSON *t = th_at(th_get(r, "ties"), 0);
  const char *tied[] = {"A2", "A1"};
  th_assert_strings(th_get(t, "employees"), 2, tied);
  assert_string_equal(th_str(t, "broken_by"), "lottery");
  assert_int_equal((int)th_num(t, "seed"), 7);
  const cJSON *keys = th_get(r, "keys");
  assert_non_null(cJSON_GetObjectItem(th_get(keys, "A4"), "attorney"));
  assert_non_null(cJSON_GetObjectItem(th_get(keys, "A1"), "scd"));
  cJSON_Delete(r);
}

/* SPEC section 9: the seed is taken mod 2^64, exactly. */
static void lottery_seed_mod_2_64(void **state) {
  (void)state;
  const char *emps = ICE_EMP("E1", "false", "2015-01-01", "null") ","
                     ICE_EMP("E2", "false", "2015-01-01", "null") ","
                     ICE_EMP("E3", "false", "2015-01-01", "null");
  cJSON *a = rank("{\"policy\": \"ice-2019\", \"seed\": -1}", emps);
  cJSON *b = rank("{\"policy\": \"ice-2019\", \"seed\": 18446744073709551615}", emps);
  cJSON *c = rank("{\"policy\": \"ice-2019\", \"seed\": 36893488147419103231}", emps);
  char *sa = cJSON_PrintUnformatted(th_get(a, "seniority"));
  char *sb = cJSON_PrintUnformatted(th_get(b, "seniority"));
  char *sc = cJSON_PrintUnformatted(th_get(c, "seniority"));
  assert_string_equal(sa, sb);
  assert_string_equal(sa, sc);
  free(sa);
  free(sb);
  free(sc);
  cJSON_Delete(a);
  cJSON_Delete(b);
  cJSON_Delete(c);
  /* The seed is reported in full, as the integer that was used. */
  char *d = doc("{\"policy\": \"ice-2019\", \"seed\": -1}", emps);
  senbid_problem *p = th_parse_ok(d);
  free(d);
  senbid_result *res = NULL;
  assert_int_equal(senbid_rank(&res, p, NULL), SENBID_OK);
  assert_non_null(strstr(senbid_result_json(res, NULL), "\"seed\": 18446744073709551615"));
  senbid_result_free(res);
  senbid_problem_free(p);
  fails("{\"policy\": \"ice-2019\", \"seed\": 1.5}", emps, SENBID_E_TYPE,
        "$.seniority.seed");
  fails("{\"policy\": \"ice-2019\", \"seed\": \"7\"}", emps, SENBID_E_TYPE,
        "$.seniority.seed");
}

/* The seed a document's seniority object gives. */
static uint64_t seed_of(const char *seed) {
  char *sen = th_fmt("{\"policy\": \"ice-2019\", \"seed\": %s}", seed);
  char *d = doc(sen, "{\"id\": \"E1\", \"service\": {\"scd\": \"2015-01-01\"}}");
  senbid_problem *p = th_parse_ok(d);
  uint64_t v = p->sen.seed;
  senbid_problem_free(p);
  free(d);
  free(sen);
  return v;
}

/* 10^k * m mod 2^64, by wrapping arithmetic. */
static uint64_t pow10_mod(uint64_t m, int k) {
  while (k-- > 0) m *= 10;
  return m;
}

/* SPEC section 1 ("seed is a JSON integer, taken mod 2^64") and issue #12
 * item 5: every form JSON allows for an integer is taken exactly, mod
 * 2^64; a form that is not an integer is TYPE. */
static void seed_every_integer_form(void **state) {
  (void)state;
  const char *emps = ICE_EMP("E1", "false", "2015-01-01", "null");
  assert_int_equal(seed_of("7"), 7);
  assert_true(seed_of("-1") == UINT64_MAX);
  assert_int_equal(seed_of("-0"), 0);
  assert_int_equal(seed_of("5.0"), 5);
  assert_int_equal(seed_of("50e-1"), 5);
  assert_int_equal(seed_of("1E2"), 100);
  assert_int_equal(seed_of("1e+2"), 100);
  /* 2^64 + 5, plain and with an exponent */
  assert_int_equal(seed_of("18446744073709551621"), 5);
  assert_int_equal(seed_of("1.8446744073709551621e19"), 5);
  assert_int_equal(seed_of("184467440737095516210e-1"), 5);
  /* 2^53 + 1, which a double cannot hold */
  assert_true(seed_of("9007199254740993") == 9007199254740993ULL);
  assert_true(seed_of("9.007199254740993e15") == 9007199254740993ULL);
  assert_true(seed_of("1e30") == pow10_mod(1, 30));
  assert_true(seed_of("-1e30") == (uint64_t)0 - pow10_mod(1, 30));
  assert_true(seed_of("123456789012345678901234567890") ==
              pow10_mod(12345678901234567ULL, 13) + 8901234567890ULL);
  /* 10^64 is a multiple of 2^64 */
  assert_int_equal(seed_of("3e64"), 0);
  assert_int_equal(seed_of("10000000000000000000000e-22"), 1);
  /* not integers */
  fails("{\"policy\": \"ice-2019\", \"seed\": 1.5}", emps, SENBID_E_TYPE,
        "$.seniority.seed");
  fails("{\"policy\": \"ice-2019\", \"seed\": 1e-400}", emps, SENBID_E_TYPE,
        "$.seniority.seed");
  fails("{\"policy\": \"ice-2019\", \"seed\": 12345678901234567890.5}", emps,
        SENBID_E_TYPE, "$.seniority.seed");
  fails("{\"policy\": \"ice-2019\", \"seed\": 1e400}", emps, SENBID_E_JSON,
        "$.seniority.seed");
}

#define NBPC_MIXED "{\"policy\": \"nbpc-2019\", \"mixed_occupations\": true}"
#define EMP2(id, last, usbp, cbp)                                            \
  "{\"id\": \"" id "\", \"name\": {\"last\": \"" last "\"}, \"service\": "   \
  "{\"usbp_start\": \"" usbp "\", \"cbp_start\": \"" cbp "\"}}"

/* NBPC 2019 Appendix I.B and I.D (SPEC section 1): occupations competing
 * for the same item begin at I.D: USBP time, then CBP time, then the
 * alphabet. Series time is neither used nor required (no series_start
 * here; M1 has the least series time of all and is still first). */
static void nbpc_mixed_occupations(void **state) {
  (void)state;
  cJSON *r = rank(NBPC_MIXED,
                  EMP2("M3", "Cole", "2012-01-01", "2010-01-01") ","
                  EMP2("M2", "Baker", "2012-01-01", "2010-01-01") ","
                  "{\"id\": \"M1\", \"name\": {\"last\": \"Ames\"}, \"service\":"
                  " {\"series_start\": \"2026-01-01\", \"usbp_start\": "
                  "\"2009-01-01\", \"cbp_start\": \"2009-01-01\"}},"
                  EMP2("M4", "Diaz", "2012-01-01", "2011-01-01"));
  /* M1 has the most USBP time; M2, M3, M4 tie on it; M4 has the least
   * CBP time; Baker before Cole (I.D: alphabetical) */
  const char *want[] = {"M1", "M2", "M3", "M4"};
  th_assert_strings(th_get(r, "seniority"), 4, want);
  const cJSON *t = th_at(th_get(r, "ties"), 0);
  assert_string_equal(th_str(t, "broken_by"), "alphabetical");
  /* rank reports the keys used: usbp and cbp only */
  const cJSON *keys = th_get(th_get(r, "keys"), "M1");
  assert_int_equal(cJSON_GetArraySize(keys), 2);
  assert_string_equal(keys->child->string, "usbp");
  assert_string_equal(keys->child->next->string, "cbp");
  cJSON_Delete(r);
  /* false is the plain policy, which needs series_start */
  fails("{\"policy\": \"nbpc-2019\", \"mixed_occupations\": false}",
        EMP2("M2", "Baker", "2012-01-01", "2010-01-01"), SENBID_E_MISSING,
        "$.employees[0].service.series_start");
  /* only nbpc-2019 knows it */
  fails("{\"policy\": \"ice-2019\", \"mixed_occupations\": true}",
        ICE_EMP("E1", "false", "2015-01-01", "null"), SENBID_E_VALUE,
        "$.seniority.mixed_occupations");
  fails("{\"policy\": \"custom\", \"keys\": [{\"key\": \"scd\"}], "
        "\"mixed_occupations\": true}",
        ICE_EMP("E1", "false", "2015-01-01", "null"), SENBID_E_VALUE,
        "$.seniority.mixed_occupations");
  fails("{\"policy\": \"nbpc-2019\", \"mixed_occupations\": 1}",
        EMP2("M2", "Baker", "2012-01-01", "2010-01-01"), SENBID_E_TYPE,
        "$.seniority.mixed_occupations");
}

/* INS 1995 Art. 14 D(2): service from the first day of employment. */
static void ins_eod(void **state) {
  (void)state;
  cJSON *r = rank("{\"policy\": \"ins-1995\"}",
                  "{\"id\": \"N1\", \"service\": {\"eod\": \"1990-05-01\"}},"
                  "{\"id\": \"N2\", \"service\": {\"eod\": \"1985-05-01\"}},"
                  "{\"id\": \"N3\", \"service\": {\"eod\": \"1995-05-01\"}, "
                  "\"credit_days\": {\"eod\": 4000}}");
  const char *want[] = {"N3", "N2", "N1"};
  th_assert_strings(th_get(r, "seniority"), 3, want);
  cJSON_Delete(r);
}

/* SPEC section 1 "custom": keys in order, less_first, attributes, and the
 * default tie-break by id. */
static void custom_keys(void **state) {
  (void)state;
  cJSON *r = rank(
      "{\"policy\": \"custom\", \"keys\": [{\"key\": \"attributes.points\","
      " \"order\": \"less_first\"}, {\"key\": \"series_start\"}]}",
      "{\"id\": \"C\", \"attributes\": {\"points\": 3}, \"service\": {\"series_start\": \"2010-01-01\"}},"
      "{\"id\": \"B\", \"attributes\": {\"points\": 3}, \"service\": {\"series_start\": \"2010-01-01\"}},"
      "{\"id\": \"A\", \"attributes\": {\"points\": 9}, \"service\": {\"series_start\": \"2000-01-01\"}},"
      "{\"id\": \"D\", \"attributes\": {\"points\": 3, \"x\": \"text\"}, \"service\": {\"series_start\": \"2005-01-01\"}}");
  const char *want[] = {"D", "B", "C", "A"};
  th_assert_strings(th_get(r, "seniority"), 4, want);
  const cJSON *t = th_at(th_get(r, "ties"), 0);
  assert_string_equal(th_str(t, "broken_by"), "id");
  assert_int_equal((int)th_num(th_get(th_get(r, "keys"), "A"), "attributes.points"), 9);
  cJSON_Delete(r);
  /* The short name is accepted too, and a tie-break can be chosen. */
  r = rank("{\"policy\": \"custom\", \"tie\": \"alphabetical\", \"keys\": [{\"key\": \"series\"}]}",
           "{\"id\": \"1\", \"name\": {\"last\": \"b\"}, \"service\": {\"series_start\": \"2010-01-01\"}},"
           "{\"id\": \"2\", \"name\": {\"last\": \"a\"}, \"service\": {\"series_start\": \"2010-01-01\"}}");
  const char *want2[] = {"2", "1"};
  th_assert_strings(th_get(r, "seniority"), 2, want2);
  cJSON_Delete(r);
}

/* SPEC section 1 "list": a posted seniority list, no ties. */
static void posted_list(void **state) {
  (void)state;
  const char *emps = "{\"id\": \"P1\"}, {\"id\": \"P2\"}, {\"id\": \"P3\"}";
  cJSON *r = rank("{\"policy\": \"list\", \"order\": [\"P3\", \"P1\", \"P2\"]}", emps);
  const char *want[] = {"P3", "P1", "P2"};
  th_assert_strings(th_get(r, "seniority"), 3, want);
  assert_int_equal(cJSON_GetArraySize(th_get(r, "ties")), 0);
  cJSON_Delete(r);
  fails("{\"policy\": \"list\", \"order\": [\"P3\", \"P9\", \"P2\"]}", emps,
        SENBID_E_UNKNOWN_ID, "$.seniority.order[1]");
  fails("{\"policy\": \"list\", \"order\": [\"P3\", \"P1\", \"P3\"]}", emps,
        SENBID_E_DUPLICATE, "$.seniority.order[2]");
  fails("{\"policy\": \"list\", \"order\": [\"P3\", \"P1\"]}", emps,
        SENBID_E_MISSING, "$.seniority.order");
  fails("{\"policy\": \"list\"}", emps, SENBID_E_MISSING, "$.seniority.order");
}

static void seniority_errors(void **state) {
  (void)state;
  const char *one = EMP("E1", "A", "", "2010-01-01", "2010-01-01", "2010-01-01");
  /* A policy that needs a date the employee lacks names the path. */
  fails(NBPC, "{\"id\": \"E0\", \"service\": {\"series_start\": \"2010-01-01\", "
              "\"usbp_start\": \"2010-01-01\", \"cbp_start\": \"2010-01-01\"}},"
              "{\"id\": \"E1\", \"service\": {\"series_start\": \"2010-01-01\", "
              "\"cbp_start\": \"2010-01-01\"}}",
        SENBID_E_MISSING, "$.employees[1].service.usbp_start");
  fails("{\"policy\": \"ice-2019\"}",
        "{\"id\": \"E0\", \"attorney\": true, \"service\": {\"scd\": \"2010-01-01\"}}",
        SENBID_E_MISSING, "$.employees[0].service.attorney_start");
  fails("{\"policy\": \"ins-1995\"}", "{\"id\": \"E0\"}", SENBID_E_MISSING,
        "$.employees[0].service.eod");
  fails("{\"policy\": \"nbpc-2019\", \"extra\": 1}", one,
        SENBID_E_UNKNOWN_MEMBER, "$.seniority.extra");
  fails("{\"policy\": \"custom\", \"keys\": [{\"key\": \"scd\", \"weight\": 2}]}", one,
        SENBID_E_UNKNOWN_MEMBER, "$.seniority.keys[0].weight");
  fails("{\"policy\": \"seniority\"}", one, SENBID_E_VALUE, "$.seniority.policy");
  fails("{}", one, SENBID_E_MISSING, "$.seniority.policy");
  fails("{\"policy\": 3}", one, SENBID_E_TYPE, "$.seniority.policy");
  fails("{\"policy\": \"custom\", \"tie\": \"coin\", \"keys\": []}", one,
        SENBID_E_VALUE, "$.seniority.tie");
  fails("{\"policy\": \"custom\", \"keys\": [{\"key\": \"birthday\"}]}", one,
        SENBID_E_VALUE, "$.seniority.keys[0].key");
  fails("{\"policy\": \"custom\", \"keys\": [{\"key\": \"scd\", \"order\": \"up\"}]}",
        one, SENBID_E_VALUE, "$.seniority.keys[0].order");
  fails("{\"policy\": \"custom\"}", one, SENBID_E_MISSING, "$.seniority.keys");
  fails("{\"policy\": \"custom\", \"keys\": [{\"key\": \"attributes.points\"}]}",
        "{\"id\": \"E0\", \"attributes\": {\"points\": 1}}, {\"id\": \"E1\"}",
        SENBID_E_MISSING, "$.employees[1].attributes.points");
  fails("{\"policy\": \"custom\", \"keys\": [{\"key\": \"attributes.points\"}]}",
        "{\"id\": \"E0\", \"attributes\": {\"points\": \"many\"}}",
        SENBID_E_TYPE, "$.employees[0].attributes.points");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(nbpc_keys_in_order),
      cmocka_unit_test(time_in_key_and_credits),
      cmocka_unit_test(alphabetical_tie_break),
      cmocka_unit_test(lottery_keys),
      cmocka_unit_test(ice_attorney_time_and_lottery),
      cmocka_unit_test(lottery_seed_mod_2_64),
      cmocka_unit_test(seed_every_integer_form),
      cmocka_unit_test(nbpc_mixed_occupations),
      cmocka_unit_test(ins_eod),
      cmocka_unit_test(custom_keys),
      cmocka_unit_test(posted_list),
      cmocka_unit_test(seniority_errors),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
