/* Problems, employees and the seniority ranking. Internal: see lib/internal.h. */
#ifndef SENBID_PROBLEM_H
#define SENBID_PROBLEM_H

#include "json/json.h"

/* ------------------------------------------------------------------------ */
/* Problems, employees and seniority (lib/problem.c, lib/seniority.c)       */
/* ------------------------------------------------------------------------ */

enum sb_svc {
  SB_SVC_SERIES,
  SB_SVC_USBP,
  SB_SVC_CBP,
  SB_SVC_SCD,
  SB_SVC_EOD,
  SB_SVC_ATTORNEY,
  SB_SVC_COUNT
};
/* "series", "usbp", ... (the credit_days names) */
extern const char *const sb_svc_short[SB_SVC_COUNT];
/* "series_start", "usbp_start", ..., "scd", "eod", "attorney_start" */
extern const char *const sb_svc_member[SB_SVC_COUNT];

typedef struct sb_attr {
  const char *name;
  double value;
} sb_attr;

typedef struct sb_employee {
  const char *id;
  const char *last, *first, *middle; /* "" when absent */
  sb_day svc[SB_SVC_COUNT];
  uint32_t svc_present; /* bit (1u << SB_SVC_x) */
  int64_t credit[SB_SVC_COUNT];
  bool attorney;
  const char *group; /* "" by default */
  const char *grade; /* "" by default */
  const char **quals;
  uint32_t nquals;
  sb_attr *attrs;
  uint32_t nattrs;
  uint32_t rank; /* position in the seniority order, 0 = most senior */
} sb_employee;

typedef enum sb_kind {
  SB_KIND_LEAVE,
  SB_KIND_SHIFT_BID,
  SB_KIND_AWS,
  SB_KIND_ASSIGNMENT,
  SB_KIND_COUNT
} sb_kind;

typedef enum sb_policy {
  SB_POLICY_NBPC_2019,
  SB_POLICY_ICE_2019,
  SB_POLICY_INS_1995,
  SB_POLICY_CUSTOM,
  SB_POLICY_LIST
} sb_policy;

typedef enum sb_tiebreak {
  SB_TIE_NONE,
  SB_TIE_ALPHABETICAL,
  SB_TIE_LOTTERY,
  SB_TIE_ID
} sb_tiebreak;

/* A key of the ranking: a service date (more time first unless
 * less_first) or a numeric attribute. */
typedef struct sb_sen_key {
  const char *label; /* as reported by `rank` keys: "series", "attributes.points" */
  int svc;           /* an sb_svc, or -1 for an attribute */
  const char *attr;  /* attribute name when svc == -1 */
  bool less_first;
  bool ice_mixed;    /* ice-2019: attorney time for attorneys, else scd */
} sb_sen_key;

typedef struct sb_tie_group {
  uint32_t first; /* position in order */
  uint32_t count;
} sb_tie_group;

typedef struct sb_seniority {
  sb_policy policy;
  sb_tiebreak tie;
  uint64_t seed;
  sb_sen_key *keys;
  uint32_t nkeys;
  uint32_t *order;   /* employee indices, most senior first */
  double *values;    /* nemps * nkeys key values (days or attribute) */
  sb_tie_group *ties;
  uint32_t nties;
} sb_seniority;

struct senbid_problem {
  sb_alloc alloc;
  sb_arena arena;
  sb_kind kind;
  sb_day as_of;
  sb_employee *emps;
  uint32_t nemps;
  sb_strmap ids; /* employee id -> index */
  sb_seniority sen;
  void *kind_data; /* the kind's parsed members, in the arena */
};

/* A caller's allocator (NULL: a is left as it is), checked: all three
 * functions are required (SENBID_E_ARGUMENT). For every options struct
 * that takes one. */
int sb_alloc_from_user(const senbid_allocator *u, sb_alloc *a, sb_err *err);

/* senbid_problem_parse, which reads the document lean (its large arrays
 * one element at a time) and, should that fail, in full for the error;
 * lean false: in full only (tests compare the two). */
int sb_problem_parse(senbid_problem **out, const char *json, size_t len,
                     const senbid_parse_options *opts, senbid_error **err,
                     bool lean);

/* Index of the employee with this id, or -1. */
int64_t sb_problem_find(const senbid_problem *p, const char *id);
/* Employees ordered by seniority: true when a is more senior than b. */
static inline bool sb_senior(const senbid_problem *p, uint32_t a, uint32_t b) {
  return p->emps[a].rank < p->emps[b].rank;
}

/* Parses the seniority object and ranks the roster (fills p->sen and every
 * employee's rank). sb_emp_json(emp_json, i) is employee i's object. */
int sb_seniority_parse(senbid_problem *p, sb_jr *r, const cJSON *sen,
                       const sb_emps *emp_json);
int sb_seniority_rank(senbid_problem *p, sb_err *err);
/* The lottery key of SPEC section 1. */
uint64_t sb_lottery_key(uint64_t seed, const char *id);
/* The alphabetical comparison of SPEC section 1 (<0: a more senior). */
int sb_name_cmp(const sb_employee *a, const sb_employee *b);
/* Writes "seniority" and "ties" members (for results and `rank`). */
void sb_write_seniority(sb_jw *w, const senbid_problem *p);

#endif /* SENBID_PROBLEM_H */
