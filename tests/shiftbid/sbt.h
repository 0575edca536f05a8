/* Helpers shared by the shift-bid tests (sbt.c). */
#ifndef SBT_H
#define SBT_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../helpers.h"
#include "internal.h"
#include "registry.h"

#define RR SENBID_METHOD_ROUND_ROBIN
#define LEX SENBID_METHOD_LEXICOGRAPHIC

extern const char *SHIFTS3;

#define SBT_MAXE 40
#define SBT_MAXS 6

/* A generated station: employees E0.. in seniority order (the ineligible,
 * series_start 2026, aside), shifts S0.. */
typedef struct gen {
  int n, S;
  int year[SBT_MAXE];
  int grade[SBT_MAXE];     /* 0 GS-11, 1 GS-12 */
  int nprefs[SBT_MAXE];    /* -1 no bid, 0 no preference */
  int prefs[SBT_MAXE][4];
  int denial[SBT_MAXE];
  int fixed[SBT_MAXE];     /* -1 none */
  int min[SBT_MAXS], max[SBT_MAXS];   /* max -1: none */
  int gmin[SBT_MAXS], gmax[SBT_MAXS]; /* GS-12 limit when gmin >= 0 (gmax -1: none) */
  int nadj;                /* adjustments (round_robin properties only) */
  int adj_emp[2];          /* -1: {"shift", "max"}, else {"place": E} */
  int adj_shift[2], adj_max[2];
} gen;

char *emp(const char *id, int year, const char *extra);
char *station(const char *emps, const char *shifts, const char *bids,
                     const char *more);
char *join(int n, ...);
cJSON *solve_doc(char *emps, const char *shifts, const char *bids,
                        const char *more, int method);
const cJSON *find_by(const cJSON *arr, const char *key,
                            const char *val);
void expect_asg(const cJSON *res, const char *e, const char *shift,
                       const char *reason, int rank, const char *cause);
int denials(const cJSON *res, const char *e);
bool has_audit(const cJSON *res, const char *event, const char *rule);
bool has_warning(const cJSON *res, const char *code);
uint64_t rng_next(uint64_t *s);
int rnd(uint64_t *s, int n);
void gen_station(gen *g, uint64_t seed, bool mins, bool spp, bool fixed);
void gen_station_sized(gen *g, uint64_t seed, int n, int S, bool mins,
                       bool spp, bool fixed);
char *gen_doc(const gen *g);
bool is_bidder(const gen *g, int i);
int pref_rank(const gen *g, int i, int t);
int objective(const gen *g, const int *shift, int *v);
void decode(const gen *g, const cJSON *res, int *shift);
int minimums_met(const gen *g, const int *shift, bool *caps_ok);
cJSON *check_doc(const char *doc, const char *posted, int *outcome);
bool has_departure(const cJSON *chk, const char *code, const char *emp);
void gen_adjustments(gen *g, uint64_t seed);
int brute_best(const gen *g, int *bestv);
void run_case(const char *name);
void assert_registered(const cJSON *doc);

#endif
