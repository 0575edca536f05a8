/* Master leave: checking a posted result (SPEC section 7). */
#include "leave_int.h"

int lv_check(sb_ctx *ctx, const cJSON *result, sb_out *o) {
  (void)result;
  (void)o;
  return sb_err_set(ctx->err, SENBID_E_UNSUPPORTED, NULL,
                    "checking leave results is not yet available");
}
