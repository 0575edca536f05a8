/* Solving a shift bid (SPEC section 3): round_robin is the decision
 * sequence of rules.c with the "has room" gate; lexicographic is the same
 * sequence with the gate of lex.c. */
#include "shiftbid.h"

int sbs_run(sb_ctx *ctx, sb_out *o, sbs_state *st) {
  bool lex = ctx->method == SENBID_METHOD_LEXICOGRAPHIC;
  int rc = sbs_state_init(st, ctx, o, lex);
  if (!rc) rc = sbs_decide(st);
  return rc;
}

int sbs_solve(sb_ctx *ctx, sb_out *o) {
  sbs_state st;
  int rc = sbs_run(ctx, o, &st);
  if (!rc) sbs_write_result(&st);
  sb_vec_free(&st.bumps);
  return rc;
}

const sb_kind_ops sb_shiftbid_ops = {"shift_bid", sbs_parse, sbs_solve,
                                     sbs_check, sbs_export_lp, NULL};
