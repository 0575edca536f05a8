/* Kind "shift_bid" (SPEC section 3; NBPC 2019 Appendix II): the parsed
 * document, the solve state shared by round_robin and lexicographic, and
 * the exact feasibility test (a min-cost circulation) of lexicographic. */
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

/* A bidder of step 7 (SPEC 9): eligible, not excluded, no fixed_shift, with
 * a prefs list (own or on file). */
static inline bool sbs_is_bidder(const sbs_data *d, uint32_t e) {
  const sbs_sheet *sh = sbs_sheet_of(d, e);
  return d->e[e].eligible && !d->e[e].excluded && d->e[e].fixed < 0 && sh &&
         !sh->nopref;
}

int sbs_parse(senbid_problem *p, sb_jr *r, const cJSON *root,
              const cJSON *const *emp_json);

/* ------------------------------------------------------------------ solve */

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

typedef struct sbs_bump {
  uint32_t emp, from;
  int32_t to;
} sbs_bump;

typedef struct sbs_flow sbs_flow;

typedef struct sbs_state_t {
  sb_ctx *ctx;
  sb_out *o;
  const senbid_problem *p;
  const sbs_data *d;
  bool lex;
  uint32_t n, S;
  int32_t *shift_of;
  uint8_t *how, *cause, *state, *ucause;
  uint16_t *rank;
  int64_t *cnt, *max;      /* per shift */
  int64_t **gcnt, **gmax;  /* per shift, per grade limit */
  /* members per shift (for bumping) */
  uint32_t **mem;
  uint32_t *mlen, *mcap;
  uint32_t *mpos;
  /* assignment entries, in first-placement order */
  uint32_t *entry;
  uint32_t nentry;
  int32_t *entry_of;
  uint32_t *unplaced;
  uint32_t nunplaced;
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
} sbs_state;

int sbs_solve(sb_ctx *ctx, sb_out *o);
/* Runs a solve, leaving its state (free st->bumps afterwards). */
int sbs_run(sb_ctx *ctx, sb_out *o, sbs_state *st);
/* state_init + what lexicographic fixes first (for export_lp). */
int sbs_lex_prepare(sb_ctx *ctx, sb_out *o, sbs_state *st);
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
