/* Error values with a code, a JSON path and a one-line message. Internal: see lib/internal.h. */
#ifndef SENBID_ERROR_H
#define SENBID_ERROR_H

#include "util/util.h"

/* ------------------------------------------------------------------------ */
/* Errors (lib/error.c)                                                     */
/* ------------------------------------------------------------------------ */

typedef struct sb_err {
  int code;
  char path[512];
  char msg[512];
} sb_err;

/* Sets err (if not NULL) and returns code. path may be NULL. */
int sb_err_set(sb_err *err, int code, const char *path, const char *fmt, ...)
    SB_PRINTF(4, 5);
int sb_err_nomem(sb_err *err);

/* Makes a public error object from err (NULL when out of memory). */
senbid_error *sb_error_new(const sb_alloc *a, const sb_err *err);
/* Writes a public error to *out when out is not NULL. Returns err->code. */
int sb_error_out(senbid_error **out, const sb_alloc *a, const sb_err *err);

#endif /* SENBID_ERROR_H */
