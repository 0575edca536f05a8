#include "assign.h"
int as_solve_lex(sb_ctx *ctx, as_state *st) { (void)ctx; (void)st; return SENBID_E_UNSUPPORTED; }
int as_export_lp(sb_ctx *ctx, sb_buf *lp) { (void)ctx; (void)lp; return SENBID_E_UNSUPPORTED; }
