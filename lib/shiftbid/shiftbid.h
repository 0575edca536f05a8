/* Kind "shift_bid" (SPEC section 3; NBPC 2019 Appendix II): the kind's
 * internal interface. parse.c reads the document; rules.c holds every rule
 * of Appendix II (one function each) and the decision sequence; solve.c
 * runs round_robin, lex.c the lexicographic gate and export-lp, flow.c its
 * exact feasibility test; check.c judges a posted result; write.c writes
 * the result members; registry.def names every code. See doc/shiftbid.md. */
#ifndef SENBID_SHIFTBID_H
#define SENBID_SHIFTBID_H

#include "../internal.h"

/* "No max": far above any headcount, far below overflow. */
#define SBS_INF ((int64_t)1 << 50)

enum sbs_status {
  SBS_ACTIVE,
  SBS_DETAILED,
  SBS_LIGHT_DUTY,
  SBS_ADMIN_DUTY,
  SBS_TDY_OUTSIDE
};

/* A per-grade limit of one shift. */
typedef struct sbs_glimit {
  const char *grade;
  uint32_t cls;        /* grade class (see sbs_data.cls_of_grade) */
  int64_t min, max;    /* max SBS_INF when absent */
} sbs_glimit;

typedef struct sbs_shift {
  const char *id;
  int64_t min, max;    /* max SBS_INF when absent */
  sbs_glimit *gl;
  uint32_t ngl;
} sbs_shift;

/* One bid sheet: prefs as given (shift indices) and, deduplicated, the
 * shifts in rank order with their 1-based ranks (SPEC 9: a shift listed
 * twice ranks at its first place). */
typedef struct sbs_sheet {
  uint32_t emp;
  bool nopref;          /* no_preference, or an empty prefs */
  uint32_t n;           /* prefs as given */
  uint32_t *prefs;
  uint32_t nu;          /* unique prefs */
  uint32_t *uprefs;
  uint16_t *urank;
} sbs_sheet;

typedef struct sbs_adj {
  bool place;
  uint32_t shift;
  uint32_t emp;   /* place */
  int64_t max;    /* max */
} sbs_adj;

typedef struct sbs_emp {
  uint8_t status;
  bool excluded;
  bool eligible;       /* III.D.1-2 series time */
  bool has_denials;
  int32_t fixed;       /* fixed_shift, -1 */
  int32_t bid;         /* index into bids, -1 */
  int32_t file;        /* index into file, -1 */
  uint32_t cls;        /* grade class */
  int64_t denials;
} sbs_emp;

typedef struct sbs_data {
  sb_range rot;
  int64_t min_series_years, spp_denials, min_rotation_months;
  sbs_shift *shifts;
  uint32_t nshifts;
  sb_strmap shift_ids;
  /* Grade classes: every grade some shift limits is its own class; every
   * other grade falls in class 0 (no shift tells them apart). */
  uint32_t ncls;
  int32_t *lim;        /* ncls * nshifts: index into shifts[s].gl, or -1 */
  sbs_emp *e;
  sbs_sheet *bids;
  uint32_t nbids;
  sbs_sheet *file;
  uint32_t nfile;
  uint32_t *den_order; /* employees of history.denials, input order */
  uint32_t nden;
  uint32_t nbumped;    /* history.bumped, input key order */
  uint32_t *bumped_shift;
  uint32_t **bumped_list;
  uint32_t *bumped_len;
  sbs_adj *adj;
  uint32_t nadj;
} sbs_data;

static inline const sbs_sheet *sbs_sheet_of(const sbs_data *d, uint32_t e) {
  if (d->e[e].bid >= 0) return &d->bids[d->e[e].bid];
  if (d->e[e].file >= 0) return &d->file[d->e[e].file];
  return NULL;
}

/* V.A.1, SPEC 9: a bidder (of steps 2, 3 and 7) is eligible, not excluded,
 * without a fixed_shift, with a prefs list (sheet sh: own, on file, or
 * given on a session's turn). */
static inline bool sbs_rule_bidder(const sbs_data *d, uint32_t e,
                                   const sbs_sheet *sh) {
  return d->e[e].eligible && !d->e[e].excluded && d->e[e].fixed < 0 && sh &&
         !sh->nopref;
}
static inline bool sbs_is_bidder(const sbs_data *d, uint32_t e) {
  return sbs_rule_bidder(d, e, sbs_sheet_of(d, e));
}

int sbs_parse(senbid_problem *p, sb_jr *r, const cJSON *root,
              const sb_emps *emp_json);
/* One bid sheet ({"employee", "prefs" | "no_preference"}), its arrays in
 * ar: a sheet of bids or bids_on_file, or one given on a session's turn. */
int sbs_read_sheet(const senbid_problem *p, sb_jr *r, const cJSON *it,
                   const sbs_data *d, sb_arena *ar, sbs_sheet *sh);

/* ------------------------------------------------------------------ state */

enum sbs_how { SBS_NONE, SBS_MGMT, SBS_SPP, SBS_SEN, SBS_AGENCY, SBS_BUMPED };
enum sbs_state { SBS_UNDECIDED, SBS_PLACED, SBS_EXCLUDED, SBS_UNPLACED };
enum sbs_cause {
  SBS_C_NONE,
  SBS_C_INELIGIBLE,
  SBS_C_NO_BID,
  SBS_C_NO_PREFERENCE,
  SBS_C_PREFS_FULL,
  SBS_C_BUMPED
};

/* Result names of sbs_how, sbs_cause and the exclusion reasons (by
 * status); registry.def explains each. */
extern const char *const sbs_how_name[];
extern const char *const sbs_cause_name[];
extern const char *const sbs_excluded_name[];

typedef struct sbs_bump {
  uint32_t emp, from;
  int32_t to;
} sbs_bump;

/* Headcounts of a roster and the maxes they are held to: the solve's own,
 * or (in check) the posted result's. The room and bound rules read these. */
typedef struct sbs_tally {
  int64_t *cnt, *max;      /* per shift */
  int64_t **gcnt, **gmax;  /* per shift, per grade limit */
} sbs_tally;

typedef struct sbs_flow sbs_flow;
typedef struct sbs_state_t sbs_state;

/* The gate of a decision: whether employee e may take shift s (s < 0:
 * stay unplaced, asked only to record it). round_robin asks "has room";
 * lexicographic also asks that the best minimums stay reachable. */
typedef int (*sbs_gate)(sbs_state *st, uint32_t e, int32_t s, bool *ok);

struct sbs_state_t {
  sb_ctx *ctx;
  sb_out *o;
  const senbid_problem *p;
  const sbs_data *d;
  bool lex;
  sbs_gate gate;
  uint32_t n, S;
  int32_t *shift_of;
  uint8_t *how, *cause, *state, *ucause;
  uint16_t *rank;
  sbs_tally t;
  /* members per shift (for bumping; round_robin only) */
  uint32_t **mem;
  uint32_t *mlen, *mcap;
  uint32_t *mpos;
  /* assignment entries, in first-placement order */
  uint32_t *entry;
  uint32_t nentry;
  int32_t *entry_of;
  uint32_t *unplaced;
  uint32_t nunplaced;
  uint8_t *tried;          /* per shift: step 4 candidates already gated */
  const sbs_sheet **live;  /* per employee: a sheet given on a turn (SPEC
                            * 10), NULL: the stored one; NULL: none given */
  sb_vec bumps;            /* sbs_bump */
  /* history.bumped, live: per shift list + epoch-tagged membership set */
  uint32_t **blist;
  uint32_t *blen, *bcap;
  uint32_t *bepoch;
  uint32_t *bkeys;         /* shifts in output order */
  uint32_t nbkeys;
  bool *bkey_seen;
  uint64_t *hkeys;
  uint32_t *hvals;
  size_t hmask, hlen;
  sbs_flow *flow;          /* lexicographic */
  uint64_t tests, solves;  /* feasibility tests, shortest-path searches */
  bool timed_out;          /* lexicographic: the time limit passed */
};

/* The sheet the sequence uses for e: one given on e's turn, else the
 * stored one (bids, else bids_on_file), else NULL. */
static inline const sbs_sheet *sbs_state_sheet(const sbs_state *st,
                                               uint32_t e) {
  if (st->live && st->live[e]) return st->live[e];
  return sbs_sheet_of(st->d, e);
}

/* ------------------------------------------------------------------ rules
 * Each rule of Appendix II is one function (rules.c), tagged with its
 * clause; round_robin, lexicographic and check all call these. */

/* III.C, III.J, VI.A, VII.A: whether a status excludes from this bid. */
bool sbs_rule_excluded(uint8_t status, bool has_return, sb_day ret,
                       sb_day rotation_end);
/* III.D.1-2: eligible to bid by time in the series (credit days counted):
 * 1 eligible, 0 not, -1 when the date it needs lies outside the calendar
 * (0001-01-01..9999-12-31; an input error for the caller). */
int sbs_rule_eligible(const sbs_data *d, const sb_employee *pe);
/* III.A, SPEC 3: a shift has room for e (total max, and e's grade max). */
bool sbs_rule_has_room(const sbs_data *d, const sbs_tally *t, uint32_t e,
                       uint32_t s);
/* III.A: count above max; k < 0 the shift's total, else grade limit k. */
bool sbs_rule_over_max(const sbs_tally *t, uint32_t s, int32_t k);
/* V.A.1-2: a Shift Preference Plan bidder (denied spp_denials times). */
bool sbs_rule_spp(const sbs_data *d, uint32_t e);
/* IV.A.4, III.D.1: why e goes to step 4 with this sheet (NULL: none). */
int sbs_rule_agency_cause(const sbs_data *d, uint32_t e,
                          const sbs_sheet *sh);
/* IV.A.4 step 4: the next shift to try for e, skipping `skip` and shifts
 * marked in `tried` (may be NULL): largest unmet grade minimum of e's
 * grade, else largest unmet minimum, else most room (a shift without max
 * has unlimited room, SPEC 9); ties to the shift listed first. -1: none
 * has room. */
int32_t sbs_rule_agency_next(const sbs_data *d, const sbs_tally *t,
                             uint32_t e, int32_t skip, const uint8_t *tried);
/* SPEC 3 step 6: the deficit of shift s (k < 0) or its grade limit k. */
int64_t sbs_rule_unmet(const sbs_data *d, const sbs_tally *t, uint32_t s,
                       int32_t k);
/* SPEC 9: minimum places met (min(count, min) summed over
 * shifts and grade limits). */
int64_t sbs_rule_minimums_met(const sbs_data *d, const sbs_tally *t);
/* V.A.1 step 7: the new denials of a bidder whose final shift is s (-1:
 * none): 0 when s is prefs[0], else one more. */
int64_t sbs_rule_new_denials(const sbs_data *d, uint32_t e,
                             const sbs_sheet *sh, int32_t s);
/* The 1-based rank of shift s in a sheet, 0 when not listed (SPEC 9: a
 * shift listed twice ranks at its first place). */
int sbs_rule_rank(const sbs_sheet *sh, int32_t s);

/* -------------------------------------------------------------- decisions
 * The decision sequence of SPEC 3, one call per step or per employee's
 * turn, so that a caller can drive it step by step (sbs_start, one
 * sbs_turn_bid per bidder in seniority order, sbs_finish), as a bidding
 * session (SPEC 10) will. Every placement goes through st->gate. */

int sbs_state_init(sbs_state *st, sb_ctx *ctx, sb_out *o, bool lex);
/* What no bid can change: exclusions, step 1 (management placements) and,
 * under lexicographic, the adjustments (nobody bumped) and the maxes that
 * management placements raise (SPEC 9). */
int sbs_fixed(sbs_state *st);
/* sbs_fixed, lexicographic's witness flow, then step 2 (SPP guarantees). */
int sbs_start(sbs_state *st);
/* Step 3 for one bidder with this sheet (the stored one, or one given on
 * the turn, which then stands for steps 4-7): the highest-ranked shift the
 * gate admits, else nothing (the bidder goes to step 4, PREFS_FULL; a
 * no-preference sheet: NO_PREFERENCE). */
int sbs_turn_bid(sbs_state *st, uint32_t e, const sbs_sheet *sh);
/* Step 4 (agency placements, seniority order) and, under round_robin, step
 * 5 (adjustments with bumps). */
int sbs_finish(sbs_state *st);
/* The whole sequence: sbs_start, step 3 for every bidder, sbs_finish. */
int sbs_decide(sbs_state *st);

/* ------------------------------------------------------------------ entry */

int sbs_solve(sb_ctx *ctx, sb_out *o);
/* Runs a solve, leaving its state (free st->bumps afterwards). */
int sbs_run(sb_ctx *ctx, sb_out *o, sbs_state *st);
/* The lexicographic gate (lex.c), and the witness flow it starts from:
 * the best minimums reachable, computed once the fixed part is placed. */
int sbs_lex_gate(sbs_state *st, uint32_t e, int32_t s, bool *ok);
int sbs_lex_begin(sbs_state *st);
/* The result members (write.c). */
void sbs_write_result(const sbs_state *st);
int sbs_check(sb_ctx *ctx, const cJSON *result, sb_out *o);
int sbs_export_lp(sb_ctx *ctx, sb_buf *lp);

/* ------------------------------------------------------------------- flow */

/* The exact feasibility model of lexicographic (SPEC 3, 9 "Lexicographic /
 * Shift bid"): grade classes supply their headcount; a unit goes to a shift
 * (through a grade-limit node when the shift limits that class) or is left
 * unplaced; arcs into a shift and the sink carry min places at cost -1, so
 * the cost of a min-cost circulation is minus the minimums met. Decided
 * employees are lower bounds on their class->shift arcs. */
sbs_flow *sbs_flow_new(sbs_state *st);
/* Routes every undecided employee optimally; returns the minimums met. */
int sbs_flow_solve(sbs_flow *f, int64_t *met);
/* Whether one more employee of class c can be on shift s (s < 0:
 * unplaced) with the best minimums still reachable; when it can, the flow
 * is updated to keep the placement. */
int sbs_flow_fix(sbs_flow *f, uint32_t c, int32_t s, bool *ok);

#endif
