/* What a solve, a check or an export writes, and what each kind provides. Internal: see lib/internal.h. */
#ifndef SENBID_KIND_H
#define SENBID_KIND_H

#include "problem.h"

/* ------------------------------------------------------------------------ */
/* Solving and result documents (lib/solve.c)                               */
/* ------------------------------------------------------------------------ */

/* A list of JSON objects (audit entries, warnings, departures) written as
 * they happen and spliced into the result at the end. */
typedef struct sb_log {
  sb_buf buf;
  sb_jw w;
  uint64_t count;
} sb_log;

typedef struct sb_out {
  sb_buf body;    /* the kind's members, written through w */
  sb_jw w;        /* at depth 1, after the common members */
  sb_log audit;
  sb_log warnings;
  sb_log departures; /* check only */
  bool audit_open;    /* sb_out_open_audit was called */
  /* sb_audit writes nothing: a session replaying its actions renders the
   * audit only when its result is asked (lib/session). */
  bool audit_off;
  /* "ok" (default), "infeasible", "time_limit". Set it before writing
   * the long members: a streamed result sends its head, with the status,
   * once the text reaches a few MiB. */
  const char *status;
  int outcome;        /* a senbid_outcome */
} sb_out;

typedef struct sb_ctx {
  const senbid_problem *p;
  int method; /* senbid_method */
  uint32_t time_limit_ms;
  uint8_t solver; /* SB_SOLVER_GLPK or SB_SOLVER_CBC (lib/lp/model.h) */
  senbid_progress_fn progress;
  void *progress_payload;
  double t0;
  uint64_t solver_calls; /* integer programs solved, for progress/bench */
  /* The longest stretch GLPK has run without a callback in this solve
   * (presolve, one LP of its feasibility pump, choosing a branching
   * variable): kept back from the time left when GLPK is started, since it
   * cannot be stopped inside one (lib/lp/glpk.c). */
  uint32_t glpk_stretch_ms;
  sb_arena scratch;      /* released when the solve ends */
  sb_err *err;
} sb_ctx;

/* Reports progress; SENBID_E_CANCELLED when the callback asks to stop. */
int sb_ctx_progress(sb_ctx *ctx, const char *phase, uint64_t done,
                    uint64_t total);
/* Milliseconds left before the time limit (UINT32_MAX without a limit, 0
 * when it has passed). */
uint32_t sb_ctx_ms_left(const sb_ctx *ctx);

/* One audit entry: {"seq", "employee" (null when NULL), "event", "rule",
 * "detail"}. seq is assigned in order from 1. */
void sb_audit(sb_out *o, const char *employee, const char *event,
              const char *rule, const char *fmt, ...) SB_PRINTF(5, 6);
/* The same with the detail given as text (no formatting). */
void sb_audit_str(sb_out *o, const char *employee, const char *event,
                  const char *rule, const char *detail, size_t n);
/* For kinds whose audit is long: after the kind has written all its own
 * members, writes the warnings and opens "audit" in the document itself,
 * with the entries logged so far; later sb_audit calls append there, which
 * saves copying the audit into the result at the end. No sb_warn and no
 * other member may be written after this. */
void sb_out_open_audit(sb_out *o);
/* One warning: {"code", "message"}. */
void sb_warn(sb_out *o, const char *code, const char *fmt, ...)
    SB_PRINTF(3, 4);
/* One departure found by check: {"code", "employee", "detail", "rule"}. */
void sb_departure(sb_out *o, const char *code, const char *employee,
                  const char *rule, const char *fmt, ...) SB_PRINTF(5, 6);

/* For bidding sessions (lib/session), which write result documents of
 * their own from a live decision sequence (lib/solve.c): an sb_out as a
 * solve starts it, the common members a result starts with, a log written
 * as an array member, and a result handle taking over a buffer's text. */
void sb_out_init(sb_out *o, const sb_alloc *a);
void sb_out_free(sb_out *o);
bool sb_out_oom(const sb_out *o);
void sb_result_head(sb_buf *doc, const senbid_problem *p, const char *method,
                    const char *status);
void sb_write_log(sb_jw *w, const char *key, const sb_log *l);
int sb_result_new(senbid_result **out, const sb_alloc *a, sb_buf *text,
                  int outcome, sb_err *err);

/* What each kind provides (lib/leave.c, lib/shiftbid.c, lib/aws.c,
 * lib/assign.c). */
typedef struct sb_kind_ops {
  const char *name;
  /* Parses the kind's members of the document (after the common ones and
   * the ranking) into p->kind_data. sb_emp_json(emp_json, i) is employee
   * i's object: read lazily, it lasts until the next is read, so copy what
   * is kept. Root arrays may be lazy too (sb_json_parse_lean): read them
   * with SB_JR_EACH or sb_json_first/sb_json_after, never ->child. */
  int (*parse)(senbid_problem *p, sb_jr *r, const cJSON *root,
               const sb_emps *emp_json);
  /* Solves with ctx->method, writing the kind's result members through
   * o->w, the audit and warnings; sets o->status/o->outcome if not ok. */
  int (*solve)(sb_ctx *ctx, sb_out *o);
  /* Lists departures of a posted result (parsed JSON) with sb_departure().
   * NULL: not available. */
  int (*check)(sb_ctx *ctx, const cJSON *result, sb_out *o);
  /* Writes the integer program in CPLEX LP format. NULL: not available. */
  int (*export_lp)(sb_ctx *ctx, sb_buf *lp);
  /* Explains the decisions of a posted result's method (parsed JSON),
   * writing the kind's members through o->w. NULL: not available. */
  int (*explain)(sb_ctx *ctx, const cJSON *result, sb_out *o);
} sb_kind_ops;

extern const sb_kind_ops sb_leave_ops;
extern const sb_kind_ops sb_shiftbid_ops;
extern const sb_kind_ops sb_aws_ops;
extern const sb_kind_ops sb_assign_ops;

const sb_kind_ops *sb_kind_get(sb_kind k);
const char *sb_kind_name(sb_kind k);
const char *sb_method_name(int method);

#endif /* SENBID_KIND_H */
