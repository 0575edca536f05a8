/* Kind "aws": alternative work schedules (SPEC section 4; ICE 2019 Art. 15
 * and Art. 17 Sec. 5). Internal to lib/aws/.
 *
 * Layout (doc/aws.md, "Where each rule lives"):
 *   parse.c   the document's aws members -> aws_data
 *   rules.c   every rule of the agreement, one function each, with its
 *             clause id; the turn of one employee (aws_turn)
 *   solve.c   round_robin: the seniority pass through rules.c
 *   lex.c     lexicographic: the gate on that pass (office.min_type) and
 *             its integer program (lib/lp/model.h), also for export-lp
 *   check.c   replays a posted result through rules.c
 *   write.c   the result members
 *   registry.def  every code, event, departure and warning */
#ifndef SENBID_AWS_H
#define SENBID_AWS_H

#include "../internal.h"

/* Clause ids (the registry lists the same for each code). */
#define AWS_C_PASS "ICE2019.ART15.SEC10.C.2"       /* the seniority pass */
#define AWS_C_NO_REQUEST "ICE2019.ART15.SEC10.B.2" /* no request: VWS */
#define AWS_C_GRANDFATHERED "ICE2019.ART15.SEC5.FN1"
#define AWS_C_MAXIFLEX "ICE2019.ART15.SEC10.A.1.b"
#define AWS_C_DAY_OFF "ICE2019.ART15.SEC10.A.2"
#define AWS_C_SHORT_DAY "ICE2019.ART15.SEC10.A.2.a"
#define AWS_C_MEAL "ICE2019.ART15.SEC7"
#define AWS_C_HOURS_OF_DUTY "ICE2019.ART15.SEC4"
#define AWS_C_CORE_HOURS "ICE2019.ART15.SEC5"
#define AWS_C_PART_TIME "ICE2019.ART15.SEC11"
#define AWS_C_EFFECTIVE "ICE2019.ART15.SEC10.C.3"
#define AWS_C_EDP_WINDOW "ICE2019.ART15.SEC10.B.1"
#define AWS_C_IN_LIEU "ICE2019.ART15.SEC13.B.2"
#define AWS_C_TELEWORK "ICE2019.ART17.SEC5.A"
#define AWS_C_VALID "ICE2019.ART15" /* an option's validity, any rule */

/* Schedule types, in the order SPEC section 9 ("Lexicographic / AWS") uses
 * to name the first minimum that can no longer be met. */
enum aws_type {
  AWS_VWS,
  AWS_MAXIFLEX,
  AWS_CWS_4_10,
  AWS_CWS_5_4_9,
  AWS_CWS_4_9_4,
  AWS_NTYPES
};
extern const char *const aws_type_names[AWS_NTYPES];
int aws_type_parse(const char *s); /* -1 when not a type */

/* Why an option was not approved, or how a schedule was decided. */
enum aws_reason {
  AWS_OK = 0,
  AWS_R_MAXIFLEX_DAYS,
  AWS_R_DAY_OFF,
  AWS_R_CWS_SHORT_DAY,
  AWS_R_NOT_GRANDFATHERED,
  AWS_R_MEAL,
  AWS_R_HOURS_OF_DUTY,
  AWS_R_CORE_HOURS,
  AWS_R_PART_TIME_DAYS,
  AWS_R_OFFICE_LIMIT,
  AWS_R_OFFICE_MINIMUM,
  /* schedule reasons */
  AWS_S_APPROVED,
  AWS_S_DEFAULT_VWS,
  AWS_S_NO_REQUEST,
  AWS_S_GRANDFATHERED,
  AWS_NREASONS
};
extern const char *const aws_reason_names[AWS_NREASONS];
/* The clause of each reason (the rule that gives it). */
extern const char *const aws_reason_clause[AWS_NREASONS];

/* A day of the pay period as a bit: (week - 1) * 7 + weekday. */
#define AWS_BIT(week, wd) ((uint16_t)(1u << (((week) - 1) * 7 + (wd))))
#define AWS_MONFRI 0x3eu /* mon..fri of one week, as a 7-bit mask */
#define AWS_NSLOT 14     /* days of a pay period */

typedef struct aws_wd {
  uint8_t week; /* 1 or 2; 0 for a 4/10 day off (both weeks) */
  uint8_t day;  /* SB_SUN..SB_SAT */
} aws_wd;

typedef struct aws_opt {
  uint8_t type;
  aws_wd day_off;   /* CWS_4_10 (week 0) and CWS_5_4_9 */
  aws_wd short_day; /* CWS_5_4_9 */
  int32_t arrive;   /* minutes; -1 when absent (VWS, MAXIFLEX) */
  int32_t meal;     /* minutes; -1 when absent */
  aws_wd *mf_days;  /* MAXIFLEX days_off */
  uint32_t n_mf;
} aws_opt;

typedef struct aws_req {
  uint32_t emp;
  aws_opt *opts;
  uint32_t nopts;
  uint8_t *telework; /* weekdays, in request order */
  uint32_t ntele;
} aws_req;

typedef struct aws_emp {
  bool grandfathered;
  bool part_time;
  double part_time_hours;
  uint8_t workdays; /* 7-bit weekday mask; mon-fri by default */
  int32_t req;      /* index into requests, or -1 */
} aws_emp;

#define AWS_NONE (-1)

typedef struct aws_data {
  sb_range edp;
  sb_day anchor;
  sb_day effective; /* aws_rule_effective, computed at parse */
  bool has_end;
  sb_day sched_end;
  bool inauguration;
  int32_t hod[2], core[2];      /* minutes */
  int64_t max_off[7];           /* AWS_NONE when unlimited */
  int64_t max_type[AWS_NTYPES]; /* AWS_NONE when unlimited */
  int64_t min_type[AWS_NTYPES]; /* 0 when absent */
  int64_t max_tele[7];          /* AWS_NONE when unlimited */
  aws_emp *emps;
  aws_req *reqs;
  uint32_t nreqs;
} aws_data;

/* ---------------------------------------------------------------- rules */

/* Option validity (Sec. 4, 5, 7, 10.A, 11; footnote 1 to Sec. 5): the
 * rules aws_rule_maxiflex, _cws_4_10, _cws_5_4_9, _cws_4_9_4, _meal,
 * _hours_of_duty, _core_hours and _part_time_days of rules.c, in the check
 * order of SPEC section 9 (type rule, MEAL, HOURS_OF_DUTY, CORE_HOURS,
 * PART_TIME_DAYS). Returns AWS_OK or the reason, and writes a message
 * naming the time or day that broke which limit to msg (may be NULL). */
int aws_validate(const aws_data *d, const aws_emp *e, const aws_opt *o,
                 char *msg, size_t cap);

/* The regular days off of a (valid) option, as a 14-bit mask. */
uint16_t aws_opt_days_off(const aws_opt *o);
/* Long-day departure of a CWS option (minutes, may pass 24:00). */
int32_t aws_opt_depart(const aws_opt *o);

/* What the office limits count as the pass goes (approved schedules only
 * for max_type and max_off; telework grants; every final schedule). */
typedef struct aws_count {
  int64_t appr[AWS_NTYPES];
  int64_t fin[AWS_NTYPES];
  int64_t off[2][7];
  int64_t tele[7];
} aws_count;

enum { AWS_LIM_NONE, AWS_LIM_MAX_OFF, AWS_LIM_MAX_TYPE, AWS_LIM_MIN_TYPE,
       AWS_LIM_MIN_ANY };

typedef struct aws_limit {
  uint8_t kind; /* AWS_LIM_* */
  uint8_t idx;  /* weekday or type */
  uint8_t week; /* AWS_LIM_MAX_OFF */
} aws_limit;

/* Office limits (Sec. 10.C.2; SPEC section 9: max_type before max_off,
 * week 1 before week 2, weekdays in order): true when an approval of type
 * with days off `off` fits; else *lim names the full limit. */
bool aws_rule_office_limits(const aws_data *d, const aws_count *c, int type,
                            uint16_t off, aws_limit *lim);
/* Counts an approved (approved = true) or fallback schedule. */
void aws_count_take(aws_count *c, int type, uint16_t off, bool approved);
/* "max_off.fri", "max_type.CWS_4_10", "min_type.VWS", "min_type", "". */
void aws_limit_name(aws_limit lim, char *out, size_t cap);

/* The schedule of an employee without an approved option (footnote 1 to
 * Sec. 5; Sec. 10.B.2 and 10.C.2): *reason and *clause say why. */
int aws_rule_fallback(const aws_emp *e, int *reason, const char **clause);

enum { AWS_TELE_GRANT, AWS_TELE_NOT_WORKDAY, AWS_TELE_LIMIT };
/* Art. 17 Sec. 5.A: telework on weekday wd for an employee whose final
 * days off are `off`, after the more senior grants counted in c. */
int aws_rule_telework(const aws_data *d, const aws_emp *e, uint16_t off,
                      const aws_count *c, int wd);

/* Sec. 10.C.3: the start of the second pay period after the one holding
 * edp.end. False when that date is past 9999-12-31. */
bool aws_rule_effective(sb_day anchor, sb_day edp_end, sb_day *out);
/* Sec. 10.B.1 (SPEC section 9): the EDP lies in the first two weeks of
 * January or July (the 1st to the Saturday ending the second full week). */
bool aws_rule_edp_window(sb_range edp);
/* Week (1 or 2) of a day in the pay periods aligned to the anchor. */
int aws_week_of(sb_day anchor, sb_day day);

/* Observed federal holidays around [effective, schedule_end]. */
typedef struct aws_hols {
  sb_holiday *all; /* sorted, with a margin before `effective` */
  size_t nall;
  size_t first; /* the first on or after `effective` */
  sb_day end;
} aws_hols;

/* A pay period holds at most 2 regular days off; 3,660 days hold fewer
 * than 120 federal holidays. */
#define AWS_MAX_IN_LIEU 128

int aws_hols_init(sb_arena *ar, sb_err *err, const aws_data *d,
                  aws_hols *h);
/* Sec. 13.B.2 and 13.B.3, 5 U.S.C. 6103(c): the in-lieu holidays of an
 * employee with days off `off`: writes up to cap (holiday, in-lieu date)
 * pairs, returns how many. */
size_t aws_rule_in_lieu(const aws_data *d, const aws_hols *h,
                        const aws_emp *e, uint16_t off, sb_day *hol_out,
                        sb_day *date_out, size_t cap);

/* Formats minutes as HH:MM (hours may pass 23 for a departure past
 * midnight). out: at least 8 bytes. */
void aws_fmt_time(int32_t minutes, char *out);

/* --------------------------------------------------- lexicographic gate */

/* One possible final schedule of an employee, as the limits see it. */
typedef struct aws_choice {
  uint8_t type;
  bool approved; /* from an option (counts for max_type/max_off) */
  uint16_t off;  /* days off, 14-bit mask */
} aws_choice;

typedef struct aws_lex aws_lex;

/* Builds the oracle (in ctx->scratch). *feasible is false when the
 * minimums cannot all be met from the start; then max_possible[t] is the
 * most schedules of type t possible under the maxima, for each type t with
 * a minimum (-1 elsewhere). */
int aws_lex_begin(sb_ctx *ctx, const aws_data *d, aws_lex **out,
                  bool *feasible, int64_t max_possible[AWS_NTYPES]);
/* Can employee emp (the next one in seniority order) take choice c and
 * still leave a completion that meets every minimum? When not, *limit is
 * the first type whose bound alone can no longer be met, or -1. */
int aws_lex_try(aws_lex *lx, uint32_t emp, aws_choice c, bool *ok,
                int *limit);
/* Records emp's final schedule. */
void aws_lex_fix(aws_lex *lx, uint32_t emp, aws_choice c);
/* True when a solve hit the time limit: later awards were then kept
 * without the minimum check, and the result says "time_limit". */
bool aws_lex_timed_out(const aws_lex *lx);
/* The lexicographic gate applies: some office.min_type is set. */
bool aws_has_min(const aws_data *d);

/* ----------------------------------------------------------------- turn */

/* Called for each option refused in a turn, in option order; limname is
 * aws_limit_name(lim) ("" for a validity reason). */
typedef int (*aws_refuse_fn)(void *arg, uint32_t option, int reason,
                             aws_limit lim, const char *limname,
                             const char *msg);

/* One employee's turn in the seniority pass (Sec. 10.C.2): the first
 * option that is valid, fits the office limits and (lx not NULL) keeps
 * every office.min_type reachable. *option is its index, or -1. refuse
 * (may be NULL: no messages are then made) hears every refusal before it. */
int aws_turn(const aws_data *d, uint32_t emp, const aws_count *c,
             aws_lex *lx, aws_refuse_fn refuse, void *arg, int32_t *option);

/* ---------------------------------------------------------- entry points */

int aws_parse(senbid_problem *p, sb_jr *r, const cJSON *root,
              const sb_emps *emp_json);
int aws_solve(sb_ctx *ctx, sb_out *o);
int aws_check(sb_ctx *ctx, const cJSON *result, sb_out *o);
int aws_export_lp(sb_ctx *ctx, sb_buf *lp);

/* write.c: the result members. */
typedef struct aws_sched {
  int32_t option;         /* -1: not from an option */
  int32_t arrive, depart; /* -1: null */
  uint16_t off;
  uint8_t type, reason;
  uint8_t tele; /* bit i: the request's telework[i] was granted */
} aws_sched;

typedef struct aws_inval {
  uint32_t emp, option;
  uint8_t reason;
  aws_limit lim;
  const char *msg;
} aws_inval;

void aws_write_schedule(sb_jw *w, const senbid_problem *p,
                        const aws_hols *h, uint32_t emp, const aws_sched *s);
void aws_write_invalid(sb_jw *w, const senbid_problem *p, const sb_vec *inv);
void aws_write_infeasible(sb_out *o, const aws_data *d,
                          const int64_t maxp[AWS_NTYPES]);

#endif
