/* Shared builders of the aws tests (tests/aws/test_*.c). Documents are
 * built from the macros below; employees A1..A4 are most senior first. */
#ifndef AWS_TEST_H
#define AWS_TEST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "../../lib/aws/aws.h"

/* A problem: EDP 2027-01-04..15, pay periods from Sunday 2027-01-03, so
 * the effective date is 2027-01-31 and week 1 of a pay period starts on a
 * Sunday 2027-01-03 + 14k. `extra` (members appended) replaces the default
 * schedule_end 2027-07-31. */
char *doc_ex(const char *emps, const char *office, const char *reqs,
             const char *extra);
char *doc(const char *emps, const char *office, const char *reqs);

/* Employees A1..A4, most senior first (scd 2001, 2002, ...). */
#define E(id, year, more)                                                   \
  "{\"id\":\"" id "\",\"service\":{\"scd\":\"" year "-01-01\"}" more "}"
#define EMPS1 E("A1", "2001", "")
#define EMPS2 EMPS1 "," E("A2", "2002", "")
#define EMPS3 EMPS2 "," E("A3", "2003", "")
#define EMPS4 EMPS3 "," E("A4", "2004", "")

#define C410(day, arr, meal)                                                \
  "{\"type\":\"CWS_4_10\",\"day_off\":\"" day "\",\"arrive\":\"" arr        \
  "\",\"meal_minutes\":" #meal "}"
#define C549(w, day, sw, sday, arr, meal)                                   \
  "{\"type\":\"CWS_5_4_9\",\"day_off\":{\"week\":" #w ",\"day\":\"" day     \
  "\"},\"short_day\":{\"week\":" #sw ",\"day\":\"" sday "\"},\"arrive\":\"" \
  arr "\",\"meal_minutes\":" #meal "}"
#define C494(arr, meal)                                                     \
  "{\"type\":\"CWS_4_9_4\",\"arrive\":\"" arr "\",\"meal_minutes\":" #meal "}"
#define MF1(w, day)                                                         \
  "{\"type\":\"MAXIFLEX\",\"days_off\":[{\"week\":" #w ",\"day\":\"" day    \
  "\"}]}"
#define VWS "{\"type\":\"VWS\"}"
#define REQ(id, opts) "{\"employee\":\"" id "\",\"options\":[" opts "]}"
#define REQT(id, opts, tele)                                                \
  "{\"employee\":\"" id "\",\"options\":[" opts "],\"telework\":[" tele "]}"

/* round_robin on doc(emps, office, reqs). */
cJSON *solve(const char *emps, const char *office, const char *reqs);
/* The schedule of an employee (fails the test when absent). */
const cJSON *sched_of(const cJSON *res, const char *id);
/* The invalid entry of (employee, option), or NULL. */
const cJSON *invalid_of(const cJSON *res, const char *id, int option);
void assert_invalid(const cJSON *res, const char *id, int option,
                    const char *reason, const char *msg_part);
void assert_sched(const cJSON *res, const char *id, const char *type,
                  int option, const char *reason);
sb_day D(const char *s);
/* senbid_check of a result text (fails the test on an input error). */
senbid_result *check(const char *problem, const char *result);
/* The schedule of an employee, for editing. */
cJSON *sched_edit(cJSON *res, const char *id);
/* Generated offices: a seeded LCG (rng_state) and a roster of n employees
 * with up to 5 options each (some invalid), telework requests and office
 * limits; mins adds office.min_type. */
extern uint64_t rng_state;
uint32_t rnd(uint32_t n);
char *gen(uint64_t seed, int n, bool mins);
/* Without minimums the lexicographic method is the seniority pass, byte
 * for byte apart from "method". */
void expect_same_as_round_robin(const char *json);
int day_index(const char *s);

#endif
