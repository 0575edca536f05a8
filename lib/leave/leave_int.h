/*
 * Master leave (SPEC section 2): the parsed document and the solver state
 * shared by the files of lib/leave/. Nothing here is API.
 */
#ifndef SENBID_LEAVE_INT_H
#define SENBID_LEAVE_INT_H

#include "../internal.h"

/* A capacity of "no limit" (SPEC section 9: a day without any capacity). */
#define LV_UNLIMITED INT32_MAX
/* Capacities above this are as good as unlimited (more than any roster). */
#define LV_CAP_CLAMP 2000000000

/* Reason codes of the fit tests, in the order SPEC section 2 tries them. */
enum lv_reason {
  LV_OK = 0,
  LV_OUTSIDE_PERIOD,
  LV_OVERLAP,
  LV_CAPACITY,
  LV_BALANCE,
  LV_MAX_DAYS,
  LV_MIN_LEAVE
};
extern const char *const lv_reason_name[];

typedef struct lv_choice {
  const char *id;
  uint32_t first_opt; /* into lv_data.opts */
  uint32_t nopts;
} lv_choice;

typedef struct lv_emp {
  double balance;       /* leave_balance_hours, when has_balance */
  double hours_per_day; /* default 8 */
  int64_t min_days;     /* min_leave_days, default 0 */
  int32_t request;      /* index into lv_data.req_*, -1 without a request */
  uint32_t group;       /* index into lv_data.group_names */
  uint32_t first_appr;  /* merged approved intervals: lv_data.appr_merged */
  uint32_t nappr;
  uint8_t workdays;     /* bit (1 << SB_SUN..SB_SAT) */
  bool has_balance;
} lv_emp;

typedef struct lv_approved {
  uint32_t emp;
  sb_range r;
} lv_approved;

typedef struct lv_override {
  sb_range r;
  int32_t max;
  int32_t group; /* -1: every group; -2: a group no employee belongs to */
} lv_override;

typedef struct lv_data {
  sb_range period;
  uint32_t ndays; /* period length */
  lv_emp *emps;   /* p->nemps */

  /* Requests, in document order. */
  uint32_t nreq;
  uint32_t *req_emp;
  uint32_t *req_first_choice; /* into choices */
  uint32_t *req_nchoices;
  lv_choice *choices;
  uint32_t nchoices;
  sb_range *opts;
  uint32_t nopts;

  /* Approved leave as given (for the audit) and merged per employee. */
  lv_approved *approved;
  uint32_t napproved;
  sb_range *appr_merged;

  /* Holidays: one flag per period day. */
  uint8_t *holiday;

  /* Capacity. */
  bool has_default;
  int32_t default_cap;
  uint32_t ngroups;
  const char **group_names;
  int32_t *group_base; /* groups[g], else default, else LV_UNLIMITED */
  lv_override *overrides;
  uint32_t noverrides;

  bool has_max_days;
  int64_t max_days;
  uint32_t nmin; /* employees with min_leave_days > 0 */
  /* White-box tests only: answer every completion question with the full
   * program in GLPK (no witness, repair or neighbourhood), to check that
   * the cheap tests give the same answers. */
  bool test_full_program;
} lv_data;

/* Solving (leave_solve.c). */
int lv_solve(sb_ctx *ctx, sb_out *o);
/* Parsing (leave.c). */
int lv_parse(senbid_problem *p, sb_jr *r, const cJSON *root,
             const cJSON *const *emp_json);

/* ------------------------------------------------------------------------ */
/* Solver state (leave_solve.c)                                             */
/* ------------------------------------------------------------------------ */

/* Grants, denials and rejections carry what the result prints of them
 * (ids, dates), so that writing a large result reads them in sequence
 * instead of looking each up in the roster and the requests. */
typedef struct lv_grant {
  uint32_t emp, choice, opt; /* choice: global index; opt: index in choice */
  uint32_t round;
  int32_t charged_days;
  sb_range r;
  double charged_hours;
  const char *eid, *cid; /* employee and choice ids */
} lv_grant;

typedef struct lv_denial {
  uint32_t emp, choice, round;
  uint32_t first_reason, nreasons;
  const char *eid, *cid;
} lv_denial;

typedef struct lv_why {
  uint32_t opt;
  uint8_t reason;
  sb_day date; /* CAPACITY only */
} lv_why;

/* The audit of the decisions, in order, rendered when the result is
 * written: each event names the next grant, denial or rejection. */
enum lv_event { LV_EV_GRANT, LV_EV_DENY, LV_EV_REJECT };
typedef struct lv_reject {
  uint32_t opt;
  sb_range r;
  const char *eid, *cid;
} lv_reject;

typedef struct lv_state {
  const senbid_problem *p;
  const lv_data *d;
  sb_ctx *ctx;
  sb_arena *ar;

  /* cap(g, d) pieces: overrides for every group, per-group overrides. */
  int32_t *ov_all;    /* per day, LV_UNLIMITED where none */
  int32_t **ov_group; /* per group, NULL without group-specific overrides */
  uint32_t **off;     /* per group, per day; NULL until first touched */

  /* Per employee (p->nemps). */
  int64_t *granted_days;
  double *charged_hours;
  double *balance_left;
  uint32_t *next_choice; /* per request: the first undecided choice */
  sb_range **granted;    /* per employee with a request: its grants */
  uint32_t *ngranted;

  sb_vec grants;  /* lv_grant */
  sb_vec denials; /* lv_denial */
  sb_vec whys;    /* lv_why */
  sb_vec events;  /* uint8_t: enum lv_event */
  sb_vec rejects; /* lv_reject (lexicographic) */

  struct lv_lex *lex; /* lexicographic only */
} lv_state;

int lv_state_init(lv_state *s, sb_ctx *ctx);
void lv_state_free(lv_state *s);
/* cap(g, d) of SPEC section 2 at period day index di. */
int32_t lv_cap(const lv_state *s, uint32_t g, uint32_t di);
/* off(g, d); 0 when the group's array is not allocated. */
static inline uint32_t lv_off(const lv_state *s, uint32_t g, uint32_t di) {
  return s->off[g] ? s->off[g][di] : 0;
}
/* Charged days of r (inside the period) for employee e. */
int32_t lv_charged_days(const lv_state *s, uint32_t e, sb_range r);
/* The fit tests of SPEC section 2 for employee e and range r; *date gets
 * the first full day for CAPACITY. */
/* Whether r meets e's approved or granted leave. */
bool lv_overlaps_own(const lv_state *s, uint32_t e, sb_range r);
int lv_fit(const lv_state *s, uint32_t e, sb_range r, sb_day *date);
/* Adds or removes a grant's days in off(g, d) and the employee's totals. */
int lv_apply(lv_state *s, uint32_t e, sb_range r, int32_t charged_days);
void lv_unapply(lv_state *s, uint32_t e, sb_range r, int32_t charged_days);

/* ------------------------------------------------------------------------ */
/* Lexicographic (leave_lex.c)                                              */
/* ------------------------------------------------------------------------ */

/* Prepares the lower-bound machinery. Returns SENBID_OK; sets *feasible to
 * false (and writes the infeasible report into the state) when the
 * minimums cannot be met from the start. */
int lv_lex_init(lv_state *s, bool *feasible, bool *timed_out);
/* With the tentative grant of option `opt` of choice `choice` to e already
 * applied (and the choice marked decided), answers whether a completion
 * exists. *timed_out when the time limit stopped the solver. */
int lv_lex_keep(lv_state *s, uint32_t e, uint32_t choice, uint32_t opt,
                bool *keep, bool *timed_out);
/* A choice of e was denied. */
void lv_lex_denied(lv_state *s, uint32_t e, uint32_t choice);
/* Writes the "infeasible" member. */
void lv_lex_write_infeasible(lv_state *s, sb_jw *w);
/* The audit detail list of the infeasible set ("E1, E2"). */
void lv_lex_infeasible_names(lv_state *s, sb_buf *b);
void lv_lex_free(lv_state *s);
/* export_lp: the completion program at the start, in CPLEX LP format. */
int lv_export_lp(sb_ctx *ctx, sb_buf *lp);

/* Runs the decision sequence of ctx->method into s (initialised here; free
 * it with lv_state_free), for check: the records, not the result text. A
 * time limit simply ends the sequence early. */
int lv_replay(sb_ctx *ctx, lv_state *s, bool *feasible);
/* check (leave_check.c). */
int lv_check(sb_ctx *ctx, const cJSON *result, sb_out *o);

#endif
