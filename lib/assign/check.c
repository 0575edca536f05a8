#include "assign.h"
int as_check(sb_ctx *ctx, const cJSON *result, sb_out *o) { (void)ctx; (void)result; (void)o; return SENBID_E_UNSUPPORTED; }
