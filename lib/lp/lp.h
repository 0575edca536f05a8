/* Integer programs: GLPK contained (lib/lp/glpk.c). Internal: see lib/internal.h. */
#ifndef SENBID_LP_H
#define SENBID_LP_H

#include "../kind.h"

/* ------------------------------------------------------------------------ */
/* GLPK, contained (lib/lp/glpk.c)                                          */
/* ------------------------------------------------------------------------ */

/* Runs fn(data) with GLPK's terminal output swallowed and its fatal errors
 * caught: a GLPK error unwinds to here, frees GLPK's environment (and with
 * it every glp_prob fn made) and returns SENBID_E_SOLVER. fn must therefore
 * keep its other resources in ctx->scratch, not in malloc'd memory. */
typedef int (*sb_glpk_fn)(sb_ctx *ctx, void *data);
int sb_glpk_run(sb_ctx *ctx, sb_glpk_fn fn, void *data);

/* Solves the MIP in P (a glp_prob *) quietly, within the time limit, with
 * progress and cancellation. Sets *status to GLP_OPT, GLP_FEAS, GLP_NOFEAS
 * or GLP_UNDEF; returns SENBID_E_CANCELLED, SENBID_E_SOLVER or SENBID_OK.
 * *timed_out is set when the time limit stopped it. Counts solver_calls. */
int sb_glpk_mip(sb_ctx *ctx, void *P, int *status, bool *timed_out);
/* The same with GLPK's MIP presolver instead of a plain simplex first:
 * better for programs that are often infeasible (it proves most at the
 * root), worse for many small feasible ones. */
int sb_glpk_mip_presolve(sb_ctx *ctx, void *P, int *status, bool *timed_out);
/* Either of the above with options: SB_GLPK_PRESOLVE as
 * sb_glpk_mip_presolve; SB_GLPK_CUTS adds GLPK's knapsack cover cuts,
 * which settle programs with knapsack rows over binaries (the leave
 * completion programs) that branching alone does not. */
enum { SB_GLPK_PRESOLVE = 1, SB_GLPK_CUTS = 2, SB_GLPK_FPUMP = 4, SB_GLPK_MFV = 8 };
int sb_glpk_mip_flags(sb_ctx *ctx, void *P, unsigned flags, int *status,
                      bool *timed_out);
/* The same within cap_ms as well as the time limit (*timed_out then too).
 * SB_GLPK_FPUMP: GLPK's feasibility pump, which finds points of the leave
 * pattern programs (lib/lp/refute.c) where branching does not.
 * SB_GLPK_MFV: branch on the most fractional column instead of GLPK's
 * default (Driebeck-Tomlin, a tableau row per candidate, untimed: seconds
 * a node on programs of 50,000 columns). */
int sb_glpk_mip_capped(sb_ctx *ctx, void *P, unsigned flags, uint32_t cap_ms,
                       int *status, bool *timed_out);

/* glp_simplex(P, smcp) (a glp_prob *, a const glp_smcp *) from P's basis;
 * where GLPK refuses that basis (GLP_EBADB, GLP_ESING, GLP_ECOND: a warm
 * start gone wrong, see sb_lp.rstat), again from GLPK's standard basis.
 * Returns glp_simplex's code. */
int sb_glpk_simplex(void *P, const void *smcp);

#endif /* SENBID_LP_H */
