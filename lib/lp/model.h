/* One model type for every integer program senbid builds (leave, shift bid,
 * AWS, assignment): columns with bounds, kind and objective; sparse rows
 * with bounds. The same model is loaded into GLPK by sb_lp_solve() and
 * written as CPLEX LP text by sb_lp_write() (export-lp), so what is solved
 * and what is exported cannot drift apart. Internal: see lib/internal.h. */
#ifndef SENBID_LP_MODEL_H
#define SENBID_LP_MODEL_H

#include <math.h>

#include "../kind.h"

typedef enum sb_lp_kind {
  SB_LP_BINARY,
  SB_LP_INTEGER,
  SB_LP_CONTINUOUS
} sb_lp_kind;

typedef struct sb_lp_col {
  double lb, ub, obj; /* -HUGE_VAL / HUGE_VAL: unbounded */
  uint32_t name;      /* offset into names, or UINT32_MAX for "x<n>" */
  uint8_t kind;       /* an sb_lp_kind */
} sb_lp_col;

typedef struct sb_lp_row {
  double lo, hi;   /* -HUGE_VAL / HUGE_VAL: no bound on that side */
  uint32_t start;  /* first term in idx/val */
  uint32_t name;   /* offset into names, or UINT32_MAX for "c<n>" */
} sb_lp_row;

typedef struct sb_lp {
  bool maximize;
  double obj_const;
  sb_vec cols;    /* sb_lp_col */
  sb_vec rows;    /* sb_lp_row */
  sb_vec idx;     /* uint32_t column of each term */
  sb_vec val;     /* double coefficient of each term */
  sb_buf names;   /* NUL-separated names */
  sb_buf comment; /* "\ " lines written before the model */
  bool cuts;      /* GLPK: knapsack cover cuts (SB_GLPK_CUTS) */
  bool fpump;     /* GLPK: the feasibility pump (SB_GLPK_FPUMP) */
  bool mfv;       /* GLPK: most fractional branching (SB_GLPK_MFV) */
  uint32_t cap_ms; /* sb_lp_solve stops after this too (0: none) */
  bool pump_first; /* sb_lp_patterns: its pump before the swapping search
                    * and the solver, not after them (tests reach the pump
                    * on small programs so) */
  bool no_lp_swap; /* sb_lp_patterns: no swapping search from the LP's
                    * point (the caller's choice where it keeps failing) */
  bool no_start_swap; /* ... nor from the caller's start */
  /* GLPK: a starting basis, by row and by column (GLP_BS, GLP_NL, ...; 0-
   * based), set by sb_lp_load_glpk; NULL: GLPK's standard basis. The
   * caller keeps the arrays alive and makes them a valid basis. */
  const int *rstat, *cstat;
  bool open_row;  /* between sb_lp_row_begin and sb_lp_row_end */
  bool oom;       /* sticky: any failed allocation */
} sb_lp;

void sb_lp_init(sb_lp *lp, const sb_alloc *a);
void sb_lp_free(sb_lp *lp);
/* Back to an empty model with the settings of sb_lp_init, keeping the
 * memory. */
void sb_lp_reset(sb_lp *lp);

static inline uint32_t sb_lp_ncols(const sb_lp *lp) { return (uint32_t)lp->cols.len; }
static inline uint32_t sb_lp_nrows(const sb_lp *lp) { return (uint32_t)lp->rows.len; }

/* Adds a column and returns its 0-based index. name may be NULL ("x<n>",
 * 1-based) and must be a valid CPLEX LP name otherwise. Allocation failures
 * are sticky (lp->oom); the index is still returned. */
uint32_t sb_lp_col_add(sb_lp *lp, sb_lp_kind kind, double lb, double ub,
                       double obj, const char *name);
void sb_lp_col_bounds(sb_lp *lp, uint32_t col, double lb, double ub);
void sb_lp_col_obj(sb_lp *lp, uint32_t col, double obj);

/* A row is begun, given its terms, and ended with its bounds
 * (lo == hi: an equation). name may be NULL ("c<n>"). */
void sb_lp_row_begin(sb_lp *lp, const char *name);
void sb_lp_term(sb_lp *lp, uint32_t col, double coef);
uint32_t sb_lp_row_end(sb_lp *lp, double lo, double hi);
void sb_lp_row_bounds(sb_lp *lp, uint32_t row, double lo, double hi);

/* Row r's terms are idx/val[rows[r].start .. sb_lp_row_stop(lp, r)). */
uint32_t sb_lp_row_stop(const sb_lp *lp, uint32_t r);

/* A comment line for the LP text ("\ " is prepended, "\n" appended). */
void sb_lp_comment(sb_lp *lp, const char *fmt, ...) SB_PRINTF(2, 3);

/* The model as CPLEX LP text, appended to out. SENBID_E_NOMEM on failure. */
int sb_lp_write(const sb_lp *lp, sb_buf *out);

/* The integer-programming backends (sb_ctx.solver). */
enum { SB_SOLVER_GLPK = 0, SB_SOLVER_CBC = 1 };
/* Whether CBC was built in (meson -Dcbc=enabled). */
bool sb_lp_cbc_available(void);
#ifdef SENBID_HAVE_CBC
/* lib/lp/cbc.c: as sb_lp_solve, through CBC. */
int sb_cbc_solve(sb_ctx *ctx, const sb_lp *lp, int *status, bool *timed_out,
                 double *x, double *objective);
#endif

/* Solves the model as a MIP (with CBC when ctx->solver says so) inside sb_glpk_run() (GLPK's fatal errors and
 * output contained), within ctx's time limit, with its progress and
 * cancellation. presolve: GLPK's MIP presolver instead of a plain simplex
 * first (see sb_glpk_mip_presolve). *status is GLP_OPT, GLP_FEAS,
 * GLP_NOFEAS or GLP_UNDEF; when a solution is there (OPT or FEAS), x (if
 * not NULL, ncols values) and *objective (if not NULL, obj_const included)
 * are filled. Must be called from inside sb_glpk_run. */
int sb_lp_solve(sb_ctx *ctx, const sb_lp *lp, bool presolve, int *status,
                bool *timed_out, double *x, double *objective);

/* Loads the model into a new glp_prob (returned as void *), for callers
 * that change bounds between repeated solves of one program. Free it with
 * glp_delete_prob. Must be called from inside sb_glpk_run. */
void *sb_lp_load_glpk(const sb_lp *lp);

/* The model column-wise: column j's terms are crow/cval[cstart[j] ..
 * cstart[j + 1]) (0-based rows, in row order), in ar. SENBID_E_NOMEM on
 * failure. */
int sb_lp_columns(const sb_lp *lp, sb_arena *ar, uint32_t **cstart,
                  uint32_t **crow, double **cval);

/* What sb_lp_refute saw (for benchmarks and tests). */
typedef struct sb_lp_refute_info {
  bool applicable; /* the program has the covering block form */
  bool over_cap;   /* more patterns than allowed: not tried */
  bool timed_out;
  bool lp_solved;  /* the pattern LP was solved */
  bool point;      /* the pattern program gave a point (checked: found) */
  bool jump;       /* ... found by the swapping search or the pump */
  uint32_t pumped; /* the pump's LPs (where the solver gave out; first with pump_first) */
  bool ip_first;   /* found by the solver (before any pump) */
  bool start;      /* found from the caller's start, before the LP */
  bool chain;      /* ... by the ejection chains (before any swapping) */
  bool lp_swap_run;   /* the swapping search from the LP's point ran */
  bool lp_swap_found; /* ... and found a point */
  bool start_swap_run;   /* the swapping search from the caller's start ran */
  bool start_swap_found; /* ... and found a point */
  bool by_ip;      /* refuted by the solver on the patterns' 0-1 program
                    * (no certificate then) */
  uint32_t by_hint; /* refuted by the caller's weights number by_hint (1..), no LP */
  uint32_t hints;  /* the caller's weight vectors tried */
  uint32_t blocks, links, patterns;
  double excess;   /* the pattern LP's least excess over the linking rows */
} sb_lp_refute_info;

/* Exact answers for a 0-1 covering program with a block structure
 * (lib/lp/refute.c) from its patterns: the minimal sets of each block's
 * columns that meet its rows (at most max_per_block each, max_total in
 * all; more and nothing is tried). Their LP within the rows linking
 * blocks is a relaxation: *refuted when an integer Farkas certificate,
 * checked exactly, proves that the program has no point (or, below, the
 * solver on the patterns' 0-1 program).
 * When that LP is feasible and ip_ms > 0, the patterns' 0-1 program is
 * searched: a local search swapping patterns (first, before the LP, from
 * start when not NULL: a 0-1 value per column, rows may fail), a
 * feasibility pump, then for up to ip_ms the solver (GLPK's branch and
 * bound with its feasibility pump, or CBC): *found when a point was found,
 * in x (ncols values, may be start), checked against every row; *refuted
 * (info->by_ip) when the solver proves there is none. Otherwise
 * nothing is proved. cert (NULL, or ncert vectors of one value per row,
 * and room for one when ncert is 0): in, weights to try in order as
 * certificates before the LP (earlier similar programs'); out, when
 * refuted by a certificate, its weights in the first vector (0 off the
 * linking rows).
 * Runs GLPK inside its own sb_glpk_run: not to be called from inside
 * one. info may be NULL. */
int sb_lp_patterns(sb_ctx *ctx, const sb_lp *lp, uint32_t max_per_block,
                   uint32_t max_total, uint32_t ip_ms, const double *start,
                   double *x, double *cert, uint32_t ncert, bool *refuted,
                   bool *found, sb_lp_refute_info *info);

/* The rows a local search finds violated (jump.c, refute.c): a list with
 * each row's place in it (pos[r] is UINT32_MAX when r is not in it), so a
 * row goes in or out in constant time. */
static inline void sb_lp_violated(uint32_t *list, uint32_t *pos, uint32_t *n,
                                  uint32_t r, bool violated) {
  if (violated && pos[r] == UINT32_MAX) {
    pos[r] = *n;
    list[(*n)++] = r;
  } else if (!violated && pos[r] != UINT32_MAX) {
    uint32_t last = list[--*n];
    list[pos[r]] = last;
    pos[last] = pos[r];
    pos[r] = UINT32_MAX;
  }
}

/* Whether x (ncols values) meets every bound, integrality and row. */
bool sb_lp_satisfies(const sb_lp *lp, const double *x);

/* A local search for a point of a 0-1 program (every column binary; any
 * other model returns at once with *found false), from x, at most
 * max_flips flips, within ctx's time limit; scratch memory from ar. When
 * *found, x is a point checked by sb_lp_satisfies; otherwise x is
 * garbage and nothing is proved (lib/lp/jump.c). */
int sb_lp_jump(sb_ctx *ctx, const sb_lp *lp, sb_arena *ar, double *x,
               uint64_t max_flips, bool *found);

/* Columns outside a model for sb_lp_prefer: column v's terms are
 * row/val[start[v] .. start[v + 1]) (n + 1 starts). */
typedef struct sb_lp_extra {
  const uint32_t *start, *row;
  const double *val;
  uint32_t n;
} sb_lp_extra;

/* Moves a point x of a 0-1 program towards the columns the caller wants,
 * in order: want lists groups of alternatives (group g is want[gstart[g]
 * .. gstart[g + 1])); for each group its first column that can be set to
 * 1 is, with at most max_flips flips of other columns to repair the rows
 * (undone when they do not), and stays. A want may also name column
 * ncols + v, extra column v (NULL: none): a load the rows must make room
 * for, which x does not hold. x stays a point of the program (a caller
 * still checks it); *got counts the groups won. Scratch memory from ar.
 * Leaves x as it is when it is not a point of a 0-1 program. */
int sb_lp_prefer(sb_ctx *ctx, const sb_lp *lp, sb_arena *ar, double *x,
                 const uint32_t *want, const uint32_t *gstart, uint32_t ngroups,
                 const sb_lp_extra *extra, uint32_t max_flips, uint32_t *got);

#endif /* SENBID_LP_MODEL_H */
