/*
 * Shared pieces of the leave tests (tests/leave/test_*.c): document
 * snippets, result readers, the conformance runner and the generator of
 * small rosters used by the property tests.
 */
#ifndef LEAVE_TEST_H
#define LEAVE_TEST_H

#include <glpk.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"
#include "internal.h"
#include "leave/leave.h"

/* An employee whose three NBPC keys all start on YEAR-01-01 (earlier year
 * = more senior); the caller closes the object, after any extra members. */
#define EMP(id, year)                                                        \
  "{\"id\":\"" id "\",\"name\":{\"last\":\"" id "\"},\"service\":{"           \
  "\"series_start\":\"" year "-01-01\",\"usbp_start\":\"" year "-01-01\","    \
  "\"cbp_start\":\"" year "-01-01\"}"
#define HEAD                                                                 \
  "{\"senbid\":1,\"kind\":\"leave\",\"as_of\":\"2026-07-15\","                \
  "\"seniority\":{\"policy\":\"nbpc-2019\"},"
#define PERIOD "\"period\":{\"start\":\"2026-10-01\",\"end\":\"2027-03-31\"}"
#define OPT(a, b) "{\"start\":\"" a "\",\"end\":\"" b "\"}"

const cJSON *at(const cJSON *doc, const char *key, int i);
int count(const cJSON *doc, const char *key);
/* "E1 xmas 1 2027-01-04..2027-01-15 r1 10d 80h" */
char *grant_str(const cJSON *res, int i);
/* "E2 xmas r1 0:CAPACITY@2026-12-24,1:OVERLAP" */
char *denial_str(const cJSON *res, int i);

#define ASSERT_GRANT(res, i, s)                                              \
  do {                                                                       \
    char *g_ = grant_str(res, i);                                            \
    assert_string_equal(g_, s);                                              \
    free(g_);                                                                \
  } while (0)
#define ASSERT_DENIAL(res, i, s)                                             \
  do {                                                                       \
    char *d_ = denial_str(res, i);                                           \
    assert_string_equal(d_, s);                                              \
    free(d_);                                                                \
  } while (0)

/* Solves a case of ../shared (skipped cleanly when absent) and compares
 * every member the spec pins down, the audit included. */
void conformance_case(const char *dir, const char *name, int method);
#define RR_DIR SHARED_DIR "/conformance/leave"
#define LEX_DIR SHARED_DIR "/conformance-lexicographic"

/* check: the departures document, and whether it lists code (for emp, or
 * anyone with NULL). */
cJSON *run_check(const char *problem, const char *result, int *outcome);
bool has_departure(const cJSON *doc, const char *code, const char *emp);

/* ------------------------------------------------------------------------ */
/* Generated rosters (property tests)                                       */
/* ------------------------------------------------------------------------ */

typedef struct gen {
  int n, ngroups, ndays;
  int group[8], balance[8], min[8], nch[8], nopt[8][3];
  int os[8][3][2], oe[8][3][2];
  int as[8], ae[8]; /* approved, -1 none */
  int cap[2];
  int ov_s, ov_e, ov_max, ov_group; /* ov_s -1: none; group -1: all */
  int maxdays;                       /* -1 none */
  /* extras (gen_make_ex): a capacity total and conflict factors */
  int tot_max, tot_s, tot_e, tot_mask; /* tot_max -1: none; tot_s -1: always */
  int priority;                        /* 0 none, 1 ice-2019, 2 ins-1995, 3 a list */
  int uol[8], school[8], prevden[8];
  int sb_s, sb_e; /* a school break, sb_s -1: none */
} gen;

uint64_t rng_next(uint64_t *s);
int rnd(uint64_t *s, int n);
void gen_make(gen *g, uint64_t seed, bool with_min);
/* The same, with capacity totals and conflict factors drawn too. */
void gen_make_ex(gen *g, uint64_t seed, bool with_min, bool extras);
sb_day gen_day0(void);
char *gen_json(const gen *g);
int gen_cap(const gen *g, int grp, int day);
int weekdays(int s, int e);
bool gen_feasible(const gen *g);
void gen_verify(const gen *g, const cJSON *res);
void gen_make_dense(gen *g, uint64_t seed);
/* A roster in the shape of bench/leave's: n employees in two groups, 8
 * choices of 2 options (1-14 days), 10% with minimums, caps n/60 + 1;
 * extras: a capacity total over the holidays and conflict factors. */
char *gen_big_doc(int n, uint64_t seed, bool extras);
/* A dense use-or-lose roster: every employee with min_leave_days 9, caps
 * with little slack (common.c). */
char *gen_dense_doc(int n, uint64_t seed);

#endif
