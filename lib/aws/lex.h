/* The lexicographic method's feasibility oracle for office.min_type (SPEC
 * section 4 "lexicographic" and section 9 "Lexicographic / AWS"). */
#ifndef SENBID_AWS_LEX_H
#define SENBID_AWS_LEX_H

#include "aws.h"

/* One possible final schedule of an employee, as the limits see it. */
typedef struct aws_choice {
  uint8_t type;
  bool approved; /* from an option (counts for max_type/max_off) */
  uint16_t off;  /* days off, 14-bit mask */
} aws_choice;

typedef struct aws_lex aws_lex;

/* Builds the oracle (in ctx->scratch). *feasible is false when the
 * minimums cannot all be met from the start; then infeasible_out[t] is the
 * most schedules of type t possible under the maxima, for each type t with
 * a minimum (-1 elsewhere). */
int aws_lex_begin(sb_ctx *ctx, const aws_data *d, aws_lex **out,
                  bool *feasible, int64_t max_possible[AWS_NTYPES]);
/* Can employee emp (the next one in seniority order) take choice c and
 * still leave a completion that meets every minimum? When not, *limit is
 * the first type whose bound alone can no longer be met, or -1. */
int aws_lex_try(aws_lex *lx, uint32_t emp, aws_choice c, bool *ok,
                int *limit);
/* Records emp's final schedule. */
void aws_lex_fix(aws_lex *lx, uint32_t emp, aws_choice c);

/* True when a solve hit the time limit: later awards were then kept
 * without the minimum check, and the result says "time_limit". */
bool aws_lex_timed_out(const aws_lex *lx);

/* The initial model (every employee undecided) in CPLEX LP format. */
int aws_lex_write_lp(sb_ctx *ctx, const aws_data *d, sb_buf *lp);

#endif
