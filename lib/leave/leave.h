/*
 * Master leave (SPEC section 2): the kind's internal interface, shared by
 * the files of lib/leave/. Nothing here is API.
 *
 *   parse.c   the document into lv_data (caller's allocator only)
 *   rules.c   every rule of the agreements, one function each, tagged with
 *             its clause: the fit tests, cap(g, d) and the totals, the
 *             round order with its conflict factors, grant/deny, notify;
 *             and the decision sequence one step at a time (lv_turn_next,
 *             lv_decide_choice), which solve, lexicographic, check and a
 *             later bidding session all drive
 *   solve.c   the decision loop (round_robin, or with the lexicographic
 *             gate) and the solve entry point
 *   lex.c     the lexicographic gate: is there still a completion?
 *   check.c   a posted result replayed through the rules
 *   write.c   the result members and the audit text
 *   registry.def  every reason, event, departure and warning code
 */
#ifndef SENBID_LEAVE_H
#define SENBID_LEAVE_H

#include "../internal.h"

/* A capacity of "no limit" (SPEC section 9: a day without any capacity). */
#define LV_UNLIMITED INT32_MAX
/* Capacities above this are as good as unlimited (more than any roster). */
#define LV_CAP_CLAMP 2000000000
/* No day (a grant whose earlier options were never full). */
#define LV_NO_DAY INT32_MIN
/* Hours compare with a small tolerance: balances may be fractional. */
#define LV_EPS 1e-9

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

/* Conflict factors of rules.priority (SPEC section 2). */
enum lv_factor {
  LV_F_SENIORITY = 0,
  LV_F_USE_OR_LOSE,
  LV_F_LEAVE_CREDIT,
  LV_F_SCHOOL_CHILDREN,
  LV_F_PREVIOUS_DENIAL,
  LV_NFACTORS
};

/* A factor's name in rules.priority, its clause, and plain words. */
typedef struct lv_factor_info {
  const char *name, *rule, *words, *cite;
} lv_factor_info;
extern const lv_factor_info lv_factor_infos[LV_NFACTORS];

typedef struct lv_choice {
  const char *id;
  uint32_t first_opt; /* into lv_data.opts */
  uint32_t nopts : 31; /* fewer than 2^31 options in all (parse.c) */
  uint32_t school : 1; /* its first option meets a school break */
} lv_choice;

typedef struct lv_emp {
  double balance;       /* leave_balance_hours, when has_balance */
  double hours_per_day; /* default 8 */
  double use_or_lose;   /* use_or_lose_hours, default 0 */
  int64_t min_days;     /* min_leave_days, default 0 */
  int32_t request;      /* index into lv_data.req_*, -1 without a request */
  uint32_t group;       /* index into lv_data.group_names */
  uint32_t first_appr;  /* merged approved intervals: lv_data.appr_merged */
  uint32_t nappr;
  uint8_t workdays;     /* bit (1 << SB_SUN..SB_SAT) */
  bool has_balance;
  bool school_children;  /* school_age_children */
  bool denied_previous;  /* denied_previous_period */
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

/* capacity.totals[t]: a cap over several groups (SPEC section 2). */
typedef struct lv_total {
  sb_range r;      /* clipped to the period; empty (start > end) if outside */
  int32_t max;
  const char **names; /* the groups as written */
  uint32_t nnames;
} lv_total;

/* Capacity pools: pool g < ngroups is group g (cap(g, d), off(g, d)); pool
 * ngroups + t is total t (t.max on its days, total(t, d)). A group's pools
 * are itself and the totals that name it; an employee on leave counts in
 * each. */
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
  lv_total *totals;
  uint32_t ntotals;
  uint32_t npools;       /* ngroups + ntotals */
  uint32_t **gpools;     /* per group: its pools, itself first */
  uint32_t *gnpools;

  bool has_max_days;
  int64_t max_days;
  uint32_t nmin; /* employees with min_leave_days > 0 */

  /* rules.priority: the factors, most important first; seniority last. */
  uint8_t factors[LV_NFACTORS];
  uint32_t nfactors;
  const char *priority_rule; /* the round_order rule, NULL: no audit */

  /* White-box tests only: answer every completion question with the full
   * program in GLPK (no witness, repair or neighbourhood), to check that
   * the cheap tests give the same answers. */
  bool test_full_program;
  /* White-box tests only: counts the grants refused by an earlier refusal
   * (lex.c, refused_before), when not NULL. */
  uint32_t *test_refused_hits;
  /* White-box tests only: counts the completions witness_shape (lex.c)
   * moved, when not NULL. */
  uint32_t *test_shaped;
} lv_data;

/* parse.c */
int lv_parse(senbid_problem *p, sb_jr *r, const cJSON *root,
             const sb_emps *emp_json);

/* ------------------------------------------------------------------------ */
/* The decision records and the state (rules.c)                             */
/* ------------------------------------------------------------------------ */

/* Grants, denials and rejections carry what the result prints of them
 * (ids, dates), so that writing a large result reads them in sequence
 * instead of looking each up in the roster and the requests. */
typedef struct lv_grant {
  uint32_t emp, choice, opt; /* choice: global index; opt: index in choice */
  uint32_t round;
  int32_t charged_days;
  sb_range r;
  sb_day full; /* an alternate: an earlier option's first full day, or
                  LV_NO_DAY */
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

typedef struct lv_reject {
  uint32_t opt;
  sb_range r;
  const char *eid, *cid;
} lv_reject;

/* The audit of the decisions, in order, rendered when the result is
 * written: each event names the next record of its kind. */
enum lv_event { LV_EV_GRANT, LV_EV_DENY, LV_EV_REJECT, LV_EV_ROUND };

/* A round's order (event round_order): employees order[first..first+n). */
typedef struct lv_round_rec {
  uint32_t round, first, n;
} lv_round_rec;

/* Where the decision sequence stands (SPEC section 2; section 10 drives
 * it one turn at a time). */
typedef struct lv_slot {
  uint32_t q, e;        /* request and employee */
  uint32_t first, n;    /* the request's choices: choices[first..first+n) */
  const char *eid;      /* for the records */
} lv_slot;

typedef struct lv_turn {
  lv_slot a;         /* the employee on turn and their request */
  uint32_t round;    /* 1-based */
  uint32_t position; /* 1-based within the round */
} lv_turn;

/* The turn loop reads what it needs of each employee from the slots in
 * sequence, so that a large roster is walked without scattered reads. */
typedef struct lv_seq {
  lv_slot *active; /* employees still pending, seniority order */
  uint32_t nactive;
  lv_slot *order; /* this round's order (== active without factors) */
  uint32_t norder, pos;
  uint32_t round;
  uint32_t *rank; /* per employee: seniority position (with factors) */
  bool started;
  /* A session (SPEC 10; set before lv_seq_init): every employee with an
   * entry in requests, even with no choices, takes a turn in each round
   * until they pass (passed, per request); used marks stored choices a
   * live bid replaced (per choice). */
  bool session;
  uint8_t *passed;
  uint8_t *used;
  uint32_t *gcap; /* per employee: room in granted[e] */
} lv_seq;

typedef struct lv_state {
  const senbid_problem *p;
  const lv_data *d;
  sb_ctx *ctx;
  sb_arena *ar;

  /* cap(g, d) pieces: overrides for every group, per-group overrides. */
  int32_t *ov_all;    /* per day, LV_UNLIMITED where none */
  int32_t **ov_group; /* per group, NULL without group-specific overrides */
  uint32_t **off;     /* per pool, per day; NULL until first touched */

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
  sb_vec rounds;  /* lv_round_rec (with conflict factors) */
  sb_vec round_emps; /* uint32_t: the employees of the lv_round_rec */

  lv_seq seq;
  uint64_t decisions; /* choices decided */

  struct lv_lex *lex; /* lexicographic only */
} lv_state;

int lv_state_init(lv_state *s, sb_ctx *ctx);
void lv_state_free(lv_state *s);

/* cap(g, d) of SPEC section 2 at period day index di. */
int32_t lv_cap(const lv_state *s, uint32_t g, uint32_t di);
/* A pool's cap on day di (cap(g, d), or a total's max on its days), and
 * its count off (off(g, d), total(t, d)). */
int32_t lv_pool_cap(const lv_state *s, uint32_t pool, uint32_t di);
static inline uint32_t lv_pool_off(const lv_state *s, uint32_t pool,
                                   uint32_t di) {
  return s->off[pool] ? s->off[pool][di] : 0;
}
/* Places left in the pool on day di (INT64_MAX: unlimited; may be
 * negative where approved leave already exceeds the cap). */
int64_t lv_pool_room(const lv_state *s, uint32_t pool, uint32_t di);
/* The least room on day di over group g's pools. */
int64_t lv_group_room(const lv_state *s, uint32_t g, uint32_t di);
/* Charged days of r (inside the period) for employee e. */
int32_t lv_charged_days(const lv_state *s, uint32_t e, sb_range r);

/* The fit tests of SPEC section 2, one rule each, in order. */
bool lv_rule_outside_period(const lv_data *d, sb_range r);
bool lv_rule_overlap(const lv_state *s, uint32_t e, sb_range r);
bool lv_rule_capacity(const lv_state *s, uint32_t e, sb_range r,
                      sb_day *date);
bool lv_rule_balance(const lv_state *s, uint32_t e, double hours);
bool lv_rule_max_days(const lv_state *s, uint32_t e, int64_t days);
/* All five: LV_OK or the first failing reason; *date for CAPACITY. */
int lv_fit(const lv_state *s, uint32_t e, sb_range r, sb_day *date);
/* Adds or removes a grant's days in every pool and the employee's totals. */
int lv_apply(lv_state *s, uint32_t e, sb_range r, int32_t charged_days);
void lv_unapply(lv_state *s, uint32_t e, sb_range r, int32_t charged_days);

/* A conflict factor's key for employee e at a round's start, smaller
 * first (rules.priority); c is e's first pending choice, UINT32_MAX for
 * none. Needs s->seq.rank (lv_seq_init with a priority). */
double lv_factor_key(const lv_state *s, uint8_t f, uint32_t e, uint32_t c);

/* The audit rule of a grant of option `opt` (C.2 or the alternate C.3). */
const char *lv_rule_grant_clause(uint32_t opt);

/* The gate of a decision: NULL for round_robin; lexicographic asks it
 * whether a tentative grant (already applied) leaves a completion. */
typedef struct lv_gate {
  int (*keep)(lv_state *s, uint32_t e, uint32_t choice, uint32_t opt,
              bool *keep, bool *timed_out);
  void (*denied)(lv_state *s, uint32_t e, uint32_t choice);
  bool stopped;      /* the time limit ended gating */
  uint64_t gated;    /* decisions made through the gate */
  bool bounded;      /* check of a time-limited result: gate `until` */
  uint64_t until;    /* decisions, then stop */
} lv_gate;

/* The decision sequence, one step at a time (SPEC section 2; section 10).
 * lv_turn_next: the next employee on turn (starting a new round, with its
 * order and round_order event, when the last one ended); 0 when every
 * request is decided. lv_pending_choice: the turn's next stored choice,
 * or -1. lv_decide_choice: decides choice c (global index) for the turn:
 * 1 granted (the turn ends), 0 denied, < 0 an error. lv_turn_end: ends
 * the turn; `drop` (a session's pass) drops the remaining choices. */
int lv_seq_init(lv_state *s);
int lv_turn_next(lv_state *s, lv_turn *t);
int64_t lv_pending_choice(const lv_state *s, const lv_turn *t);
int lv_decide_choice(lv_state *s, lv_gate *gate, const lv_turn *t,
                     uint32_t c);
void lv_turn_end(lv_state *s, const lv_turn *t, bool drop);
/* A session's live bid named stored choice c (pending for the turn): it is
 * used up (SPEC 10). */
void lv_use_choice(lv_state *s, const lv_turn *t, uint32_t c);
/* A session's live bid (SPEC section 10, round_robin only): a choice that
 * is not in the document, its options at opts[ch->first_opt...]; the
 * records carry choice index UINT32_MAX. Returns as lv_decide_choice. */
int lv_decide_live(lv_state *s, const lv_turn *t, const lv_choice *ch,
                   const sb_range *opts);

/* notify (NBPC 2019 Art. 14 C.3): flags per employee with a denied choice
 * (arena array of p->nemps), NULL when out of memory. */
uint8_t *lv_rule_notify(lv_state *s);

/* ------------------------------------------------------------------------ */
/* Solving (solve.c), lexicographic (lex.c), check, write                   */
/* ------------------------------------------------------------------------ */

int lv_solve(sb_ctx *ctx, sb_out *o);
/* Runs the decision sequence of ctx->method into s (initialised here; free
 * it with lv_state_free), for check and the benchmarks: the records, not
 * the result text. *feasible false: the minimums are infeasible. */
int lv_replay(sb_ctx *ctx, lv_state *s, bool *feasible);
/* The same, the gate stopping after `until` decisions (a posted result's
 * gated_until, SPEC section 9). */
int lv_replay_until(sb_ctx *ctx, lv_state *s, bool *feasible, int64_t until);

/* Prepares the lexicographic gate. Sets *feasible to false (and writes the
 * infeasible report into the state) when the minimums cannot be met from
 * the start; *timed_out when the time limit passed first. */
int lv_lex_init(lv_state *s, lv_gate *gate, bool *feasible, bool *timed_out);
/* Frees what the lexicographic gate keeps outside s's arena. */
void lv_lex_free(lv_state *s);
void lv_lex_write_infeasible(lv_state *s, sb_jw *w);
/* The audit detail list of the infeasible set ("E1, E2"). */
void lv_lex_infeasible_names(lv_state *s, sb_buf *b);
/* export_lp: the completion program at the start, in CPLEX LP format. */
int lv_export_lp(sb_ctx *ctx, sb_buf *lp);

int lv_check(sb_ctx *ctx, const cJSON *result, sb_out *o);
/* The rules' decision sequence for a posted result (check.c): its method
 * (ctx->method), cut at gated_until when it says its time limit passed. */
int lv_replay_result(sb_ctx *ctx, const cJSON *result, lv_state *s,
                     bool *feasible, bool *cut);
/* explain.c: the contested decisions of the result's sequence and the
 * conflict factor that ordered each (member "contested"). */
int lv_explain(sb_ctx *ctx, const cJSON *result, sb_out *o);

/* write.c */
int lv_write_results(lv_state *s, sb_out *o, bool infeasible,
                     const lv_gate *gate);
int lv_write_audit(lv_state *s, sb_out *o);
/* One item of the result's denials. */
void lv_write_denial(const lv_state *s, sb_jw *w, const lv_denial *dn);
/* The audit entries of the events from c on, appended to o->audit (a
 * session renders each action's decisions after its own entry). */
typedef struct lv_audit_cursor {
  size_t ev, gi, di, ri, oi;
} lv_audit_cursor;
int lv_audit_events(lv_state *s, sb_out *o, lv_audit_cursor *c);

#endif
