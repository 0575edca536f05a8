/* Kind "assignment": temporary assignments, overtime and training with a
 * persistent ledger (SPEC section 5). */
#include "assign.h"

/* round_robin: opportunities in the order listed, each decision updating
 * the ledger before the next (SPEC section 5). */
static int solve_rr(sb_ctx *ctx, as_state *st) {
  const as_data *d = st->d;
  for (uint32_t oi = 0; oi < d->nopps; oi++) {
    if ((oi & 63) == 0)
      SB_TRY(sb_ctx_progress(ctx, "assignment", oi, d->nopps));
    SB_TRY(as_plan(st, oi, NULL, NULL));
    SB_TRY(as_apply(st, oi, st->plan.v, st->plan.n));
  }
  return sb_ctx_progress(ctx, "assignment", d->nopps, d->nopps);
}

static int assign_solve(sb_ctx *ctx, sb_out *o) {
  as_state st;
  SB_TRY(as_state_init(&st, ctx->p, &ctx->scratch, o));
  if (ctx->method == SENBID_METHOD_LEXICOGRAPHIC)
    SB_TRY(as_solve_lex(ctx, &st));
  else
    SB_TRY(solve_rr(ctx, &st));
  return as_write_results(&st, &o->w);
}

const sb_kind_ops sb_assign_ops = {"assignment", as_parse, assign_solve,
                                   as_check, as_export_lp};
