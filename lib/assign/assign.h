/*
 * Kind "assignment" (SPEC section 5): temporary assignments (details),
 * overtime and elective training, under NBPC 2019 Appendix III / Art. 27.A
 * or ICE 2019 Art. 14 / Art. 11 Sec. 3.C, with a persistent ledger.
 *
 * Internal to lib/assign/. The layout every kind shares:
 *   parse.c   the document into as_data (in the problem's arena)
 *   rules.c   the ledger state and every rule of the agreements, one
 *             function each, tagged with its clause
 *   solve.c   round_robin: the decision sequence over rules.c
 *   lex.c     lexicographic: a gate on the same sequence (exact 0-1 model)
 *   check.c   replays a posted result through the same rules
 *   write.c   the result's members
 *   registry.def  reason codes, audit events, departures, warnings
 */
#ifndef SB_ASSIGN_H
#define SB_ASSIGN_H

#include "../internal.h"

#define AS_NONE UINT32_MAX

enum as_rules { AS_NBPC, AS_ICE };
enum as_cat { AS_DETAIL, AS_OVERTIME, AS_TRAINING };
enum as_ice { ICE_NONE, ICE_I, ICE_II_SHORT, ICE_II_LONG, ICE_III, ICE_SPECIAL,
              ICE_COUNT };
extern const char *const as_ice_names[ICE_COUNT];

/* Reason codes of selections and skips. */
enum as_reason {
  R_VOLUNTEER,
  R_EXTENSION,
  R_MANDATED,
  R_OVERTIME_ROTATION,
  R_TRAINING_ROTATION,
  R_NOT_QUALIFIED,
  R_UNAVAILABLE,
  R_DECLINED,
  R_WAITING_PERIOD,
  R_EXEMPT,
  R_MIN_MANDATES, /* lexicographic: taking them would force a needless mandate */
  R_COUNT
};
extern const char *const as_reason_names[R_COUNT];

typedef struct as_vol {
  uint32_t emp;
  double score; /* sum(weights[k] * scores[k]) */
} as_vol;

typedef struct as_opp {
  const char *id, *type, *title; /* title defaults to id */
  uint32_t type_id, title_id, req_set;
  int cat, ice;
  int64_t slots;
  sb_range r;
  bool special, must_fill;
  double hours;
  uint32_t *req; /* tag ids */
  uint32_t nreq;
  as_vol *vols;
  uint32_t nvols;
  uint32_t *declines;
  uint32_t ndeclines;
  uint32_t *ext;
  uint32_t next;
} as_opp;

typedef struct as_hist {
  uint32_t emp;
  const char *type;
  int ice;
  bool vol;
  sb_range r;
} as_hist;

typedef struct as_exempt {
  uint32_t emp;
  sb_day until;
} as_exempt;

typedef struct as_list {
  uint32_t *v;
  uint32_t n;
} as_list;

typedef struct as_data {
  int rules;
  as_opp *opps;
  uint32_t nopps;
  /* Interned strings: detail types (opportunities and served_cycle keys)
   * and training titles (opportunities and training_last keys). */
  sb_strmap type_ids, title_ids;
  const char **types, **titles;
  uint32_t ntypes, ntitles;
  /* Required tags: each employee's held tags among those some opportunity
   * requires (sorted ids); opportunities with equal tag sets share req_set. */
  uint32_t ntags, nreqsets;
  as_list *emp_tags; /* per employee */
  bool *union_board; /* per employee */
  /* The ledger as read. */
  as_hist *hist;
  uint32_t nhist;
  as_list *served; /* per type id (only types named in served_cycle) */
  uint32_t *served_order; /* type ids in document order */
  uint32_t nserved;
  as_list mcycle;
  uint32_t *ot_emp;
  double *ot_hours;
  uint32_t not_;
  as_exempt *ex;
  uint32_t nex;
  uint32_t *tl_title, *tl_emp;
  uint32_t ntl;
} as_data;

int as_parse(senbid_problem *p, sb_jr *r, const cJSON *root,
             const sb_emps *emp_json);

/* ------------------------------------------------------------ engine */

/* A candidate in a phase's order: group, then score (higher first), then
 * key (lower first). */
typedef struct as_cand {
  uint32_t emp, group, key;
  double score;
} as_cand;

/* A map from 64-bit keys to 32-bit values in an arena (rules.c). */
typedef struct as_map {
  uint64_t *keys;
  uint32_t *vals;
  size_t mask, used;
} as_map;
uint32_t *as_map_find(const as_map *m, uint64_t key);
int as_map_put(as_map *m, sb_arena *ar, uint64_t key, uint32_t val);

typedef struct as_event {
  uint32_t emp;
  uint8_t reason;
  bool pick;
} as_event;

typedef struct as_sel {
  uint32_t opp, emp;
  uint8_t reason;
} as_sel;

typedef struct as_evvec {
  as_event *v;
  uint32_t n, cap;
} as_evvec;

/* Decides whether a tentative pick stands (lexicographic). Returns 1 keep,
 * 0 refuse, negative on error. */
typedef int (*as_gate_fn)(void *g, uint32_t opp, uint32_t emp, int reason);
/* Hears that opportunity opp is decided. */
typedef int (*as_close_fn)(void *g, uint32_t opp);

typedef struct as_state {
  const senbid_problem *p;
  const as_data *d;
  sb_arena *ar;
  sb_out *o; /* NULL: no audit (check replays) */
  uint32_t n;
  /* history, input entries first */
  as_hist *hist;
  uint32_t nhist, caphist;
  uint32_t *last; /* per employee: most recent history entry, or AS_NONE */
  uint32_t *ice_slot; /* per employee: row in ice_end, or AS_NONE */
  sb_day (*ice_end)[ICE_COUNT]; /* latest end of a voluntary entry per type */
  uint32_t nice, capice;
  /* this run's selections, for availability */
  struct as_selr {
    sb_range r;
    uint32_t next;
  } *sel;
  uint32_t nsel, capsel;
  uint32_t *sel_head;
  /* mandate cycle */
  uint32_t *mc_mark, mc_epoch, *mc_list, mc_len;
  /* served cycles, per type id */
  struct as_sc {
    uint32_t *list;
    uint32_t len, cap, epoch;
  } *sc;
  as_map served; /* (type << 32 | emp) -> the cycle's epoch + 1 */
  /* overtime */
  double *ot;
  uint8_t *ot_present;
  uint32_t *ot_order, ot_len;
  sb_day *ex_until;
  uint32_t *tl_emp; /* per title id */
  uint32_t *tl_order, tl_len;
  /* per-opportunity marks (opp index + 1) */
  uint32_t *pick_mark, *skip_mark, *decl_mark;
  int64_t *nqual; /* per req_set, -1 unknown */
  /* results */
  as_sel *sels;
  uint32_t nsels, capsels;
  as_sel *skips;
  uint32_t nskips, capskips;
  uint32_t *unf_opp;
  int64_t *unf_slots;
  uint32_t nunf;
  /* lexicographic: give every eligible employee a mandate column instead of
   * the first K (white-box tests compare the two) */
  bool lex_full;
  /* scratch for planning */
  as_evvec plan, tmp;
  as_cand *cand;
  uint32_t capcand;
} as_state;

/* Grows an arena array to at least need elements (doubling). */
void *as_grow(sb_arena *ar, void *old, uint32_t *cap, uint32_t need, size_t elem);
#define GROW(st, arr, cap, need)                                              \
  (((arr) = as_grow((st)->ar, (arr), &(cap), (need), sizeof *(arr))) != NULL)

/* rules.c: the ledger */
int as_state_init(as_state *st, const senbid_problem *p, sb_arena *ar,
                  sb_out *o);
const char *as_rule(const as_data *d, const as_opp *o, int reason);
/* rules.c: eligibility (each one rule; see the clause above each) */
bool as_qualified(const as_data *d, const as_opp *o, uint32_t e);
bool as_overlap(const sb_range *a, const sb_range *b);
bool as_available(const as_state *st, const as_opp *o, uint32_t e);
void as_mark_declines(as_state *st, uint32_t oi);
bool as_declined(const as_state *st, uint32_t oi, uint32_t e);
bool as_newer(const sb_range *a, const sb_range *b);
int64_t as_wait_days(const sb_range *last);
bool as_wait_blocks(const as_data *d, const as_opp *o, const sb_range *last);
bool as_waiting(const as_state *st, const as_opp *o, uint32_t e);
bool as_waived(const as_data *d, const as_opp *o);
bool as_extensions(const as_data *d, const as_opp *o);
bool as_ice_recent(const as_state *st, const as_opp *o, uint32_t e, int months);
bool as_mandate_pool(const as_opp *o);
bool as_exempted(const as_state *st, const as_opp *o, uint32_t e);
bool as_union_board(const as_data *d, const as_opp *o, uint32_t e);
bool as_served(const as_state *st, uint32_t t, uint32_t e);
/* Composite checks in the order round_robin applies them: R_COUNT when
 * eligible, else the skip reason. */
int as_vol_check(as_state *st, uint32_t oi, uint32_t e);
int as_ext_check(as_state *st, uint32_t oi, uint32_t e);
int as_mand_check(as_state *st, uint32_t oi, uint32_t e);
/* rules.c: ordering */
uint32_t as_training_start(const as_state *st, const as_opp *o);
as_cand as_vol_order(const as_state *st, const as_opp *o, uint32_t vi, uint32_t tstart);
uint32_t as_mandate_group(const as_state *st, const as_opp *o, uint32_t e);
uint32_t as_mandate_groups(const as_data *d, const as_opp *o);
/* rules.c: ledger updates */
int as_served_join(as_state *st, const as_opp *o, uint32_t e);
int as_mandate_join(as_state *st, const as_opp *o, uint32_t e);
void as_ot_add(as_state *st, const as_opp *o, uint32_t e);
void as_training_set(as_state *st, const as_opp *o, uint32_t e);
int as_record(as_state *st, const as_opp *o, uint32_t e, int reason);

/* solve.c: plans opportunity oi from the current ledger without changing
 * it (the events, skips then picks per phase, land in st->plan); applies
 * events; runs every opportunity. */
int as_plan(as_state *st, uint32_t oi, as_gate_fn gate, void *g);
int as_apply(as_state *st, uint32_t oi, const as_event *ev, uint32_t nev);
int as_run(sb_ctx *ctx, as_state *st, as_gate_fn gate, as_close_fn close, void *g);
/* write.c */
int as_write_results(as_state *st, sb_jw *w);

/* lex.c */
int as_solve_lex(sb_ctx *ctx, as_state *st);
int as_export_lp(sb_ctx *ctx, sb_buf *lp);
/* check.c; judge_fn (check.c) judges opportunity oi from st->plan and
 * applies the posted selections, handing them back with whether each
 * passed the rules' own checks; as_check_lex (lex.c) plans each
 * opportunity the lexicographic way for it. */
typedef int (*as_judge_fn)(void *cx, uint32_t oi, const as_event **ev,
                           const uint8_t **legal, uint32_t *nev);
int as_check_lex(sb_ctx *ctx, as_state *st, as_judge_fn judge, void *cx);
int as_check_rr(as_state *st, as_judge_fn judge, void *cx);
int as_check(sb_ctx *ctx, const cJSON *result, sb_out *o);

#endif
