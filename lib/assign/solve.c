/* round_robin for assignments (SPEC section 5): opportunities in the order
 * listed, each decided by the decision sequence of its rules (volunteers in
 * the agreement's order, extensions, the mandate walk) and applied to the
 * ledger before the next. lex.c runs the same sequence with a gate. */
#include <stdlib.h>
#include <string.h>

#include "assign.h"

/* ------------------------------------------------------------- planning */

static int ev_push(as_state *st, as_evvec *v, uint32_t e, int reason,
                   bool pick) {
  if (!GROW(st, v->v, v->cap, v->n + 1)) return SENBID_E_NOMEM;
  v->v[v->n++] = (as_event){e, (uint8_t)reason, pick};
  return SENBID_OK;
}

static int skip(as_state *st, uint32_t oi, uint32_t e, int reason) {
  uint32_t m = (oi + 1) * 16 + (uint32_t)reason;
  if (st->skip_mark[e] == m) return SENBID_OK;
  st->skip_mark[e] = m;
  return ev_push(st, &st->plan, e, reason, false);
}

static int cand_cmp(const void *a, const void *b) {
  const as_cand *x = a, *y = b;
  if (x->group != y->group) return x->group < y->group ? -1 : 1;
  if (x->score != y->score) return x->score > y->score ? -1 : 1;
  return (x->key > y->key) - (x->key < y->key);
}

/* A tentative pick; 1 taken, 0 refused. */
static int try_pick(as_state *st, uint32_t oi, uint32_t e, int reason,
                    as_gate_fn gate, void *g, int64_t *filled) {
  if (gate) {
    int k = gate(g, oi, e, reason);
    if (k < 0) return k;
    if (!k) {
      SB_TRY(skip(st, oi, e, R_MIN_MANDATES));
      return 0;
    }
  }
  st->pick_mark[e] = oi + 1;
  (*filled)++;
  SB_TRY(ev_push(st, &st->tmp, e, reason, true));
  return 1;
}

/* A candidate the checks passed (r == R_COUNT) is a tentative pick;
 * otherwise skipped for r. */
static int consider(as_state *st, uint32_t oi, uint32_t e, int r, int reason,
                    as_gate_fn gate, void *g, int64_t *filled) {
  if (r != R_COUNT) return skip(st, oi, e, r);
  int k = try_pick(st, oi, e, reason, gate, g, filled);
  return k < 0 ? k : SENBID_OK;
}

static int flush_picks(as_state *st) {
  for (uint32_t i = 0; i < st->tmp.n; i++)
    SB_TRY(ev_push(st, &st->plan, st->tmp.v[i].emp, st->tmp.v[i].reason, true));
  st->tmp.n = 0;
  return SENBID_OK;
}
int as_plan(as_state *st, uint32_t oi, as_gate_fn gate, void *g) {
  const as_data *d = st->d;
  const as_opp *o = &d->opps[oi];
  const senbid_problem *p = st->p;
  uint32_t mark = oi + 1, n = st->n;
  st->plan.n = st->tmp.n = 0;
  as_mark_declines(st, oi);
  int64_t filled = 0;

  /* 1. volunteers: eligibility in list order, then the rule's order */
  if (!GROW(st, st->cand, st->capcand, o->nvols + o->next + 1))
    return SENBID_E_NOMEM;
  uint32_t nc = 0, tstart = as_training_start(st, o);
  for (uint32_t i = 0; i < o->nvols; i++) {
    uint32_t e = o->vols[i].emp;
    int r = as_vol_check(st, oi, e);
    if (r != R_COUNT) SB_TRY(skip(st, oi, e, r));
    else st->cand[nc++] = as_vol_order(st, o, i, tstart);
  }
  qsort(st->cand, nc, sizeof *st->cand, cand_cmp);
  int reason = o->cat == AS_OVERTIME   ? R_OVERTIME_ROTATION
               : o->cat == AS_TRAINING ? R_TRAINING_ROTATION
                                       : R_VOLUNTEER;
  for (uint32_t i = 0; i < nc && filled < o->slots; i++) {
    int k = try_pick(st, oi, st->cand[i].emp, reason, gate, g, &filled);
    if (k < 0) return k;
  }
  SB_TRY(flush_picks(st));

  /* 2. extensions, by seniority (NBPC2019.APPIII.C) */
  if (filled < o->slots && o->next && as_extensions(d, o)) {
    nc = 0;
    for (uint32_t i = 0; i < o->next; i++)
      st->cand[nc++] = (as_cand){o->ext[i], 0, p->emps[o->ext[i]].rank, 0};
    qsort(st->cand, nc, sizeof *st->cand, cand_cmp);
    for (uint32_t i = 0; i < nc && filled < o->slots; i++) {
      uint32_t e = st->cand[i].emp;
      if (st->pick_mark[e] == mark) continue;
      SB_TRY(consider(st, oi, e, as_ext_check(st, oi, e), R_EXTENSION, gate, g, &filled));
    }
    SB_TRY(flush_picks(st));
  }

  /* 3. mandates: the qualified in the mandate order (as_mandate_group,
   * then inverse seniority) */
  if (filled < o->slots && as_mandate_pool(o)) {
    uint32_t ngroups = as_mandate_groups(d, o);
    for (uint32_t gi = 0; gi < ngroups && filled < o->slots; gi++) {
      for (uint32_t k = n; k-- > 0 && filled < o->slots;) {
        uint32_t e = p->sen.order[k];
        if (as_mandate_group(st, o, e) != gi || !as_qualified(d, o, e) ||
            st->pick_mark[e] == mark)
          continue;
        SB_TRY(consider(st, oi, e, as_mand_check(st, oi, e), R_MANDATED, gate, g, &filled));
      }
    }
    SB_TRY(flush_picks(st));
  }
  return SENBID_OK;
}

/* ------------------------------------------------------------- applying */

static int push_sel(as_state *st, as_sel **arr, uint32_t *len, uint32_t *cap,
                    uint32_t oi, uint32_t e, int reason) {
  if (!GROW(st, *arr, *cap, *len + 1)) return SENBID_E_NOMEM;
  (*arr)[(*len)++] = (as_sel){oi, e, (uint8_t)reason};
  return SENBID_OK;
}

static int apply_pick(as_state *st, uint32_t oi, uint32_t e, int reason) {
  const as_data *d = st->d;
  const as_opp *o = &d->opps[oi];
  SB_TRY(push_sel(st, &st->sels, &st->nsels, &st->capsels, oi, e, reason));
  if (st->o)
    sb_audit(st->o, st->p->emps[e].id, "select", as_rule(d, o, reason), "%s: %s",
             o->id, as_reason_names[reason]);
  SB_TRY(as_record(st, o, e, reason));
  if (reason == R_VOLUNTEER && o->cat == AS_DETAIL && d->rules == AS_NBPC) {
    int rc = as_served_join(st, o, e);
    if (rc < 0) return rc;
    if (rc && st->o)
      sb_audit(st->o, NULL, "cycle_reset", "NBPC2019.APPIII.A.1",
               "served_cycle[%s] cleared", o->type);
  }
  if (reason == R_MANDATED && as_mandate_join(st, o, e) && st->o)
    sb_audit(st->o, NULL, "cycle_reset",
             d->rules == AS_ICE && o->cat == AS_DETAIL ? "ICE2019.ART14.SEC5.D.3"
                                                       : "NBPC2019.APPIII.A.1",
             "mandate_cycle cleared");
  return SENBID_OK;
}

int as_apply(as_state *st, uint32_t oi, const as_event *ev, uint32_t nev) {
  const as_data *d = st->d;
  const as_opp *o = &d->opps[oi];
  int64_t picks = 0;
  uint32_t lastpick = AS_NONE;
  for (uint32_t i = 0; i < nev; i++) {
    uint32_t e = ev[i].emp;
    if (ev[i].pick) {
      SB_TRY(apply_pick(st, oi, e, ev[i].reason));
      picks++;
      lastpick = e;
    } else {
      SB_TRY(push_sel(st, &st->skips, &st->nskips, &st->capskips, oi, e,
                      ev[i].reason));
      if (st->o) {
        const char *rule = as_rule(d, o, ev[i].reason);
        if (ev[i].reason == R_EXEMPT && as_union_board(d, o, e) && !as_exempted(st, o, e))
          rule = "ICE2019.ART14.SEC5.D.5";
        sb_audit(st->o, st->p->emps[e].id, "skip", rule, "%s: %s", o->id,
                 as_reason_names[ev[i].reason]);
      }
    }
  }
  if (o->cat == AS_TRAINING && lastpick != AS_NONE) as_training_set(st, o, lastpick);
  if (picks < o->slots) {
    st->unf_opp[st->nunf] = oi;
    st->unf_slots[st->nunf++] = o->slots - picks;
    if (st->o)
      sb_audit(st->o, NULL, "unfilled", as_rule(d, o, R_COUNT),
               "%s: %lld slot(s) unfilled", o->id, (long long)(o->slots - picks));
  }
  return SENBID_OK;
}

/* Decides every opportunity in order; gate (lexicographic) may refuse
 * tentative picks, close hears when an opportunity is decided. */
int as_run(sb_ctx *ctx, as_state *st, as_gate_fn gate, as_close_fn close,
           void *g) {
  const as_data *d = st->d;
  for (uint32_t oi = 0; oi < d->nopps; oi++) {
    if ((oi & 15) == 0) SB_TRY(sb_ctx_progress(ctx, "assignment", oi, d->nopps));
    SB_TRY(as_plan(st, oi, gate, g));
    SB_TRY(as_apply(st, oi, st->plan.v, st->plan.n));
    if (close) SB_TRY(close(g, oi));
  }
  return sb_ctx_progress(ctx, "assignment", d->nopps, d->nopps);
}

static int assign_solve(sb_ctx *ctx, sb_out *o) {
  as_state st;
  SB_TRY(as_state_init(&st, ctx->p, &ctx->scratch, o));
  if (ctx->method == SENBID_METHOD_LEXICOGRAPHIC) SB_TRY(as_solve_lex(ctx, &st));
  else SB_TRY(as_run(ctx, &st, NULL, NULL, NULL));
  return as_write_results(&st, &o->w);
}

const sb_kind_ops sb_assign_ops = {"assignment", as_parse, assign_solve,
                                   as_check, as_export_lp, NULL};
