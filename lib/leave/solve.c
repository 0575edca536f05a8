/*
 * Master leave: the decision loop (SPEC section 2, round_robin; NBPC 2019
 * Art. 14 C.2-C.3) and the solve entry point. lexicographic is the same
 * loop with the gate of lex.c (SPEC section 9, "Lexicographic / Leave").
 * The rules themselves are in rules.c.
 */
#include <string.h>

#include "leave.h"

/* Every turn of the sequence: the turn's stored choices in order until one
 * is granted (one grant per employee per round) or none is left. */
static int run_sequence(lv_state *s, lv_gate *gate) {
  const lv_data *d = s->d;
  sb_ctx *ctx = s->ctx;
  uint64_t total = d->nchoices;
  SB_TRY(lv_seq_init(s));
  lv_turn t;
  int more;
  while ((more = lv_turn_next(s, &t)) > 0) {
    int64_t c;
    while ((c = lv_pending_choice(s, &t)) >= 0) {
      int rc = lv_decide_choice(s, gate, &t, (uint32_t)c);
      if (rc < 0) return rc;
      if ((s->decisions & 1023) == 0)
        SB_TRY(sb_ctx_progress(ctx, "decide", s->decisions, total));
      if (rc == 1) break;
    }
    lv_turn_end(s, &t, false);
  }
  if (more < 0) return more;
  /* A last report, so a caller sees the final counts. */
  return sb_ctx_progress(ctx, "decide", s->decisions, total);
}

/* The state, the gate of ctx->method and the whole sequence. */
static int run(sb_ctx *ctx, lv_state *s, lv_gate *gate, bool *feasible,
               bool *timed_out) {
  *feasible = true;
  *timed_out = false;
  SB_TRY(lv_state_init(s, ctx));
  lv_gate *g = NULL;
  /* A replay bounded at 0 gated decisions is round_robin's sequence: the
   * solve it replays stopped before the minimums were even judged. */
  bool gating = !(gate->bounded && gate->until == 0);
  if (ctx->method == SENBID_METHOD_LEXICOGRAPHIC && s->d->nmin > 0 && gating) {
    SB_TRY(lv_lex_init(s, gate, feasible, timed_out));
    if (!*feasible) return SENBID_OK;
    g = gate;
  }
  SB_TRY(run_sequence(s, g));
  if (g && g->stopped) *timed_out = true;
  return SENBID_OK;
}

int lv_replay_until(sb_ctx *ctx, lv_state *s, bool *feasible, int64_t until) {
  lv_gate gate;
  memset(&gate, 0, sizeof gate);
  gate.bounded = until >= 0;
  gate.until = until >= 0 ? (uint64_t)until : 0;
  bool timed_out;
  return run(ctx, s, &gate, feasible, &timed_out);
}

int lv_replay(sb_ctx *ctx, lv_state *s, bool *feasible) {
  return lv_replay_until(ctx, s, feasible, -1);
}

int lv_solve(sb_ctx *ctx, sb_out *o) {
  const lv_data *d = ctx->p->kind_data;
  /* NBPC2019.ART14.C6: approved leave stands. */
  for (uint32_t i = 0; i < d->napproved; i++) {
    char a[11], b[11];
    sb_date_format(d->approved[i].r.start, a);
    sb_date_format(d->approved[i].r.end, b);
    sb_audit(o, ctx->p->emps[d->approved[i].emp].id, "approved",
             "NBPC2019.ART14.C6", "%s..%s stands", a, b);
  }
  lv_state s;
  lv_gate gate;
  memset(&gate, 0, sizeof gate);
  bool feasible = true, timed_out = false;
  int rc = run(ctx, &s, &gate, &feasible, &timed_out);
  if (rc < 0) goto done;
  if (!feasible) {
    sb_buf names;
    sb_buf_init(&names, &ctx->p->alloc);
    lv_lex_infeasible_names(&s, &names);
    if (sb_buf_terminate(&names) == 0)
      sb_audit(o, NULL, "infeasible", "NBPC2019.ART14.A",
               "min_leave_days cannot all be met: %s", names.data);
    sb_buf_free(&names);
    o->status = "infeasible";
    o->outcome = SENBID_OUTCOME_INFEASIBLE;
  } else if (timed_out) {
    o->status = "time_limit";
    o->outcome = SENBID_OUTCOME_TIME_LIMIT;
  }
  rc = lv_write_results(&s, o, !feasible, timed_out ? &gate : NULL);
  if (rc == SENBID_OK) rc = lv_write_audit(&s, o);
done:
  lv_state_free(&s);
  return rc;
}
