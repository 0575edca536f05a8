/* Kind "aws": alternative work schedules (SPEC section 4; ICE 2019 Art. 15
 * and Art. 17 Sec. 5). Internal to lib/aws/. */
#ifndef SENBID_AWS_H
#define SENBID_AWS_H

#include "../internal.h"

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

/* A day of the pay period as a bit: (week - 1) * 7 + weekday. */
#define AWS_BIT(week, wd) ((uint16_t)(1u << (((week) - 1) * 7 + (wd))))
#define AWS_MONFRI 0x3eu /* mon..fri of one week, as a 7-bit mask */

typedef struct aws_wd {
  uint8_t week; /* 1 or 2; 0 for a 4/10 day off (both weeks) */
  uint8_t day;  /* SB_SUN..SB_SAT */
} aws_wd;

typedef struct aws_opt {
  uint8_t type;
  bool has_day_off, has_short;
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

/* An option's validity (SPEC section 9 check order: type rule, MEAL,
 * HOURS_OF_DUTY, CORE_HOURS, PART_TIME_DAYS). Writes a message naming the
 * time or day that broke which limit to msg (may be NULL). */
int aws_validate(const aws_data *d, const aws_emp *e, const aws_opt *o,
                 char *msg, size_t msgcap);
/* The regular days off of a (valid) option, as a 14-bit mask. */
uint16_t aws_opt_days_off(const aws_opt *o);
/* Long-day departure of a CWS option (minutes, may pass 24:00). */
int32_t aws_opt_depart(const aws_opt *o);
/* The start of the second pay period after the one holding edp.end
 * (ICE 2019 Art. 15 Sec. 10.C.3). */
sb_day aws_effective(const aws_data *d);
/* True when the EDP lies in the first two weeks of January or July (SPEC
 * section 9: the 1st to the Saturday ending the second full week). */
bool aws_edp_in_window(sb_range edp);
/* Week (1 or 2) of a day in the pay periods aligned to the anchor. */
int aws_week_of(sb_day anchor, sb_day day);
/* Formats minutes as HH:MM (hours may pass 23 for a departure past
 * midnight). out: at least 8 bytes. */
void aws_fmt_time(int32_t minutes, char *out);

/* Observed federal holidays around [effective, schedule_end]. */
typedef struct aws_hols {
  sb_holiday *all; /* sorted, with a margin before `effective` */
  size_t nall;
  size_t first;    /* the first on or after `effective` */
  sb_day end;
} aws_hols;

/* A pay period holds at most 2 regular days off; 3,660 days hold fewer
 * than 120 federal holidays. */
#define AWS_MAX_IN_LIEU 128

int aws_hols_init(sb_arena *ar, sb_err *err, const aws_data *d,
                  sb_day effective, aws_hols *h);
/* In-lieu holidays (Sec. 13.B.2) of an employee with days off `off`:
 * writes up to cap (holiday, in-lieu date) pairs, returns how many. */
size_t aws_in_lieu(const aws_data *d, const aws_hols *h, const aws_emp *e,
                   uint16_t off, sb_day *hol_out, sb_day *date_out,
                   size_t cap);

int aws_parse(senbid_problem *p, sb_jr *r, const cJSON *root,
              const cJSON *const *emp_json);
int aws_solve(sb_ctx *ctx, sb_out *o);
int aws_check(sb_ctx *ctx, const cJSON *result, sb_out *o);
int aws_export_lp(sb_ctx *ctx, sb_buf *lp);

#endif
