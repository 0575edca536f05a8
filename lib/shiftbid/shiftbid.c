/* Kind "shift_bid" (SPEC section 3; NBPC 2019 Appendix II). Parsing is in
 * parse.c, solving in solve.c and flow.c, checking and the LP in check.c. */
#include "shiftbid.h"

const sb_kind_ops sb_shiftbid_ops = {"shift_bid", sbs_parse, sbs_solve,
                                     sbs_check, sbs_export_lp};
