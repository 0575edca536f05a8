/* GLPK inside a library: silenced, its fatal errors caught, time-limited
 * and cancellable. GLPK's environment is per thread, so each solving thread
 * has its own hooks and jump buffer. */
#include <glpk.h>
#include <setjmp.h>
#include <string.h>

#include "../internal.h"

typedef struct glpk_guard {
  jmp_buf jump;
} glpk_guard;

/* glp_term_hook: returning nonzero suppresses GLPK's own output. */
static int term_hook(void *info, const char *s) {
  (void)info;
  (void)s;
  return 1;
}

/* glp_error_hook: GLPK would abort() after this returns; jump out instead
 * (GLPK manual, glp_error_hook), then free the environment. */
static void error_hook(void *info) {
  glpk_guard *g = info;
  longjmp(g->jump, 1);
}

int sb_glpk_run(sb_ctx *ctx, sb_glpk_fn fn, void *data) {
  /* volatile: read after longjmp. */
  glpk_guard *volatile g = sb_arena_alloc(&ctx->scratch, sizeof(glpk_guard));
  if (!g) return sb_err_nomem(ctx->err);
  /* glp_init_env: 0 made now, 1 already there (the host's), else failed.
   * An environment made here is freed here: GLPK keeps one per thread and
   * never frees it when a thread ends, so a host's worker threads would
   * each leak one otherwise. */
  int env = glp_init_env();
  if (env != 0 && env != 1)
    return sb_err_set(ctx->err, SENBID_E_SOLVER, NULL,
                      "GLPK could not initialise its environment");
  volatile bool created = env == 0;
  glp_term_hook(term_hook, NULL);
  glp_term_out(GLP_OFF);
  glp_error_hook(error_hook, g);
  if (setjmp(g->jump)) {
    /* Every glp_prob made since is gone with the environment. */
    glp_free_env();
    return sb_err_set(ctx->err, SENBID_E_SOLVER, NULL,
                      "GLPK stopped with an internal error");
  }
  int rc = fn(ctx, data);
  glp_error_hook(NULL, NULL);
  glp_term_hook(NULL, NULL);
  if (created) glp_free_env();
  return rc;
}

typedef struct mip_cb {
  sb_ctx *ctx;
  int cancelled;
  int out_of_time;
  int stop_at_branch, branched; /* stop at the first branching */
  bool fpump;                   /* GLPK's feasibility pump is on */
  int last_reason;              /* of the last call back, 0 before any */
  double last;                  /* sb_now() then (or at the start) */
  double deadline;              /* sb_now() when GLPK's tm_lim runs out */
} mip_cb;

/* What GLPK may be given of the time left: GLPK checks its tm_lim and
 * calls back only between steps, and some steps run for seconds on large
 * programs (its presolver; choosing a branching variable, which solves an
 * LP per candidate; one LP of its feasibility pump), so the longest step
 * seen in this solve is kept back, up to a quarter of the limit. */
static uint32_t glpk_ms_left(const sb_ctx *ctx) {
  uint32_t left = sb_ctx_ms_left(ctx);
  if (left == UINT32_MAX) return left;
  uint32_t keep = ctx->glpk_stretch_ms, most = ctx->time_limit_ms / 4;
  if (keep > most) keep = most;
  return left > keep ? left - keep : 0;
}

/* Records the stretch since the last call back (or the start). The pump
 * runs between the GLP_IHEUR call back and the next one but checks tm_lim
 * between its LPs, so only what it ran past tm_lim counts there. */
static void note_stretch(mip_cb *cb, int reason) {
  double t = sb_now();
  double ms = 1000.0 * (t - (cb->fpump && cb->last_reason == GLP_IHEUR
                                 ? cb->deadline : cb->last));
  if (ms > (double)cb->ctx->glpk_stretch_ms)
    cb->ctx->glpk_stretch_ms = ms >= (double)UINT32_MAX ? UINT32_MAX : (uint32_t)ms;
  cb->last = t;
  cb->last_reason = reason;
}

static void mip_callback(glp_tree *tree, void *info) {
  mip_cb *cb = info;
  note_stretch(cb, glp_ios_reason(tree));
  /* GLPK checks tm_lim only between nodes; large programs can spend long
   * inside one (presolve, cuts, branching heuristics), so every call back
   * checks the clock too, keeping back the longest step seen. */
  if (cb->ctx->time_limit_ms && glpk_ms_left(cb->ctx) == 0) {
    cb->out_of_time = 1;
    glp_ios_terminate(tree);
    return;
  }
  if (cb->stop_at_branch && glp_ios_reason(tree) == GLP_IBRANCH) {
    cb->branched = 1;
    glp_ios_terminate(tree);
    return;
  }
  if (glp_ios_reason(tree) != GLP_ISELECT) return;
  if (cb->ctx->progress &&
      sb_ctx_progress(cb->ctx, "mip", cb->ctx->solver_calls, 0) < 0) {
    cb->cancelled = 1;
    glp_ios_terminate(tree);
  }
  if (cb->ctx->progress) cb->last = sb_now(); /* not GLPK's time */
}

int sb_glpk_simplex(void *P, const void *smcp) {
  int rc = glp_simplex(P, smcp);
  if (rc == GLP_EBADB || rc == GLP_ESING || rc == GLP_ECOND) {
    glp_std_basis(P);
    rc = glp_simplex(P, smcp);
  }
  return rc;
}

/* The LP relaxation by the plain simplex: GLP_NOFEAS in *status when it
 * has no point (the MIP then has none either). */
static int relaxation(sb_ctx *ctx, glp_prob *P, int *status, bool *timed_out) {
  uint32_t left = sb_ctx_ms_left(ctx);
  glp_smcp sm;
  glp_init_smcp(&sm);
  sm.msg_lev = GLP_MSG_OFF;
  sm.presolve = GLP_OFF;
  if (left != UINT32_MAX) sm.tm_lim = (int)(left > INT32_MAX ? INT32_MAX : left);
  int lp = sb_glpk_simplex(P, &sm);
  if (lp == GLP_ETMLIM) {
    if (timed_out) *timed_out = true;
    return SENBID_OK;
  }
  if (lp != 0 && lp != GLP_ENOPFS && lp != GLP_ENODFS) {
    return sb_err_set(ctx->err, SENBID_E_SOLVER, NULL,
                      "GLPK's simplex failed (code %d)", lp);
  }
  if (lp == GLP_ENOPFS || glp_get_status(P) == GLP_NOFEAS) *status = GLP_NOFEAS;
  return SENBID_OK;
}

/* One glp_intopt: with its presolver or after relaxation(), with cover
 * cuts or without; stop_at_branch ends it (*branched) where the root
 * leaves a fractional point. */
static int intopt(sb_ctx *ctx, glp_prob *P, unsigned flags, uint32_t cap_ms,
                  bool stop_at_branch, int *status, bool *timed_out,
                  bool *branched) {
  bool presolve = flags & SB_GLPK_PRESOLVE, cuts = flags & SB_GLPK_CUTS;
  mip_cb cb = {ctx, 0, 0, stop_at_branch, 0, false, 0, 0, 0};
  glp_iocp io;
  glp_init_iocp(&io);
  io.msg_lev = GLP_MSG_OFF;
  io.presolve = presolve ? GLP_ON : GLP_OFF;
  if (cuts) io.cov_cuts = GLP_ON;
  if (flags & SB_GLPK_FPUMP) io.fp_heur = GLP_ON;
  if (flags & SB_GLPK_MFV) io.br_tech = GLP_BR_MFV;
  io.cb_func = mip_callback;
  io.cb_info = &cb;
  uint32_t left = glpk_ms_left(ctx);
  if (left == 0) {
    if (timed_out) *timed_out = true;
    return SENBID_OK;
  }
  if (cap_ms < left) left = cap_ms;
  if (left != UINT32_MAX) io.tm_lim = (int)(left > INT32_MAX ? INT32_MAX : left);
  cb.fpump = io.fp_heur == GLP_ON;
  cb.last = sb_now();
  cb.deadline = cb.last + (left == UINT32_MAX ? 1e9 : left / 1000.0);
  int rc = glp_intopt(P, &io);
  note_stretch(&cb, 0);
  if (cb.cancelled)
    return sb_err_set(ctx->err, SENBID_E_CANCELLED, NULL,
                      "the progress callback stopped the solve");
  if (rc == GLP_ESTOP && cb.branched) {
    if (branched) *branched = true;
    return SENBID_OK;
  }
  if (rc == GLP_ETMLIM || (rc == GLP_ESTOP && cb.out_of_time)) {
    if (timed_out) *timed_out = true;
    *status = glp_mip_status(P) == GLP_FEAS ? GLP_FEAS : GLP_UNDEF;
    return SENBID_OK;
  }
  if (rc == GLP_ENOPFS || rc == GLP_ENODFS) {
    *status = GLP_NOFEAS;
    return SENBID_OK;
  }
  if (rc != 0)
    return sb_err_set(ctx->err, SENBID_E_SOLVER, NULL,
                      "GLPK's branch and bound failed (code %d)", rc);
  *status = glp_mip_status(P);
  return SENBID_OK;
}

/* SB_GLPK_PRESOLVE: GLPK's MIP presolver instead of a plain simplex first.
 * It settles many infeasible completion programs at the root (a 136-binary
 * leave program: 20 s of branching without it, 1 ms with it), but costs
 * more than it saves on many small feasible ones (the assignment model
 * solves three times slower with it), so each caller chooses.
 * SB_GLPK_CUTS: cover cuts. GLPK 5.0's cover cut generator fails on a
 * program without columns (glp_add_cols(0) in glp_cov_init), which is
 * what its presolver leaves when it fixes every column. So with both the
 * presolver runs first without cuts, up to the first branching; only a
 * program whose root needs a branching (so the presolved program has a
 * column, and the same presolver gives the same program again) is solved
 * again with the cuts. Without the presolver the cuts are worth little on
 * the leave programs. */
static int mip(sb_ctx *ctx, glp_prob *P, unsigned flags, uint32_t cap_ms,
               int *status, bool *timed_out) {
  bool presolve = flags & SB_GLPK_PRESOLVE, cuts = flags & SB_GLPK_CUTS;
  *status = GLP_UNDEF;
  if (timed_out) *timed_out = false;
  if (glpk_ms_left(ctx) == 0) {
    if (timed_out) *timed_out = true;
    return SENBID_OK;
  }
  ctx->solver_calls++;
  if (presolve && cuts) {
    bool branched = false;
    SB_TRY(intopt(ctx, P, flags & ~(unsigned)SB_GLPK_CUTS, cap_ms, true, status,
                  timed_out, &branched));
    if (!branched) return SENBID_OK;
  }
  if (!presolve) {
    /* The LP relaxation first: an infeasible one ends it cheaply. */
    bool to = false;
    SB_TRY(relaxation(ctx, P, status, &to));
    if (to && timed_out) *timed_out = true;
    if (to || *status == GLP_NOFEAS) return SENBID_OK;
  }
  return intopt(ctx, P, flags, cap_ms, false, status, timed_out, NULL);
}

int sb_glpk_mip(sb_ctx *ctx, void *P, int *status, bool *timed_out) {
  return mip(ctx, P, 0, UINT32_MAX, status, timed_out);
}

int sb_glpk_mip_presolve(sb_ctx *ctx, void *P, int *status, bool *timed_out) {
  return mip(ctx, P, SB_GLPK_PRESOLVE, UINT32_MAX, status, timed_out);
}

int sb_glpk_mip_flags(sb_ctx *ctx, void *P, unsigned flags, int *status,
                      bool *timed_out) {
  return mip(ctx, P, flags, UINT32_MAX, status, timed_out);
}

int sb_glpk_mip_capped(sb_ctx *ctx, void *P, unsigned flags, uint32_t cap_ms,
                       int *status, bool *timed_out) {
  return mip(ctx, P, flags, cap_ms, status, timed_out);
}
