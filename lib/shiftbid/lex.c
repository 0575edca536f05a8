/* The lexicographic method for shift bids (SPEC 3, SPEC 9 "Lexicographic /
 * Shift bid"): the decision sequence of rules.c with a gate that admits a
 * placement only when the best minimums stay reachable (the witness flow
 * of flow.c), and its integer program for export-lp. */
#include <stdio.h>

#include "shiftbid.h"
#include "../lp/model.h"

#define R_ADJUST "NBPC2019.APPII.III.A"

/* The time limit ends the feasibility tests: the remaining decisions keep
 * the same order but only check room, and the result says "time_limit". */
static void lex_clock(sbs_state *st) {
  if (st->timed_out || !st->ctx->time_limit_ms || (st->tests & 255) != 0 ||
      sb_ctx_ms_left(st->ctx) > 0)
    return;
  st->timed_out = true;
  st->o->status = "time_limit";
  st->o->outcome = SENBID_OUTCOME_TIME_LIMIT;
  sb_audit(st->o, NULL, "time_limit", "",
           "the time limit ended the feasibility tests; the remaining "
           "placements check room only");
  sb_warn(st->o, "TIME_LIMIT",
          "the time limit ended the feasibility tests after %llu tests",
          (unsigned long long)st->tests);
}

int sbs_lex_gate(sbs_state *st, uint32_t e, int32_t s, bool *ok) {
  uint32_t c = st->d->e[e].cls;
  if (s < 0) {
    /* Unplaced is always a completion of the witness here. */
    *ok = true;
    bool fine;
    return st->timed_out ? SENBID_OK : sbs_flow_fix(st->flow, c, -1, &fine);
  }
  lex_clock(st);
  st->tests++;
  *ok = false;
  if (!sbs_rule_has_room(st->d, &st->t, e, (uint32_t)s)) return SENBID_OK;
  if (st->timed_out) {
    *ok = true;
    return SENBID_OK;
  }
  return sbs_flow_fix(st->flow, c, s, ok);
}

int sbs_lex_begin(sbs_state *st) {
  const sbs_data *d = st->d;
  st->flow = sbs_flow_new(st);
  if (!st->flow) return sb_err_nomem(st->ctx->err);
  int64_t met = 0, want = 0;
  SB_TRY(sbs_flow_solve(st->flow, &met));
  st->solves++;
  for (uint32_t s = 0; s < st->S; s++) {
    want += d->shifts[s].min;
    for (uint32_t k = 0; k < d->shifts[s].ngl; k++)
      want += d->shifts[s].gl[k].min;
  }
  if (met < want)
    sb_audit(st->o, NULL, "minimums", R_ADJUST,
             "at most %lld of %lld minimum places can be filled; deficit %lld",
             (long long)met, (long long)want, (long long)(want - met));
  return SENBID_OK;
}

/* ------------------------------------------------------------- export-lp */

static void out_init(sb_out *o, const sb_alloc *a) {
  memset(o, 0, sizeof *o);
  sb_buf_init(&o->body, a);
  sb_buf_init(&o->audit.buf, a);
  sb_buf_init(&o->warnings.buf, a);
  sb_jw_init(&o->audit.w, &o->audit.buf, 1, true);
  sb_jw_init(&o->warnings.w, &o->warnings.buf, 1, true);
}

static void out_free(sb_out *o) {
  sb_buf_free(&o->body);
  sb_buf_free(&o->audit.buf);
  sb_buf_free(&o->warnings.buf);
}

/* The program of one state after sbs_fixed: x_e_s = 1 puts undecided
 * employee e (problem index) on shift s (document index), u_e leaves e
 * unplaced; m_s and g_s_k count the minimum places met (the objective). */
static void build_lp(const sbs_state *st, sb_lp *lp) {
  const sbs_data *d = st->d;
  char name[64];
  lp->maximize = true;
  uint32_t *mcol = sb_arena_array(&st->ctx->scratch, st->S + 1, sizeof *mcol);
  uint32_t **gcol = sb_arena_array(&st->ctx->scratch, st->S + 1, sizeof *gcol);
  uint32_t *xcol = sb_arena_array(&st->ctx->scratch, st->n + 1, sizeof *xcol);
  if (!mcol || !gcol || !xcol) {
    lp->oom = true;
    return;
  }
  for (uint32_t s = 0; s < st->S; s++) {
    const sbs_shift *sh = &d->shifts[s];
    snprintf(name, sizeof name, "m_%u", s);
    mcol[s] = sb_lp_col_add(lp, SB_LP_INTEGER, 0, (double)sh->min, 1, name);
    gcol[s] = sb_arena_array(&st->ctx->scratch, sh->ngl + 1, sizeof **gcol);
    if (!gcol[s]) {
      lp->oom = true;
      return;
    }
    for (uint32_t k = 0; k < sh->ngl; k++) {
      snprintf(name, sizeof name, "g_%u_%u", s, k);
      gcol[s][k] = sb_lp_col_add(lp, SB_LP_INTEGER, 0, (double)sh->gl[k].min,
                                 1, name);
    }
  }
  /* per undecided employee: u_e, then x_e_0 .. x_e_{S-1} */
  for (uint32_t e = 0; e < st->n; e++) {
    if (st->state[e] != SBS_UNDECIDED) continue;
    snprintf(name, sizeof name, "u_%u", e);
    xcol[e] = sb_lp_col_add(lp, SB_LP_BINARY, 0, 1, 0, name);
    for (uint32_t s = 0; s < st->S; s++) {
      snprintf(name, sizeof name, "x_%u_%u", e, s);
      sb_lp_col_add(lp, SB_LP_BINARY, 0, 1, 0, name);
    }
  }
  uint32_t nund = 0;
  for (uint32_t e = 0; e < st->n; e++) {
    if (st->state[e] != SBS_UNDECIDED) continue;
    nund++;
    snprintf(name, sizeof name, "one_%u", e);
    sb_lp_row_begin(lp, name);
    for (uint32_t s = 0; s <= st->S; s++) sb_lp_term(lp, xcol[e] + s, 1);
    sb_lp_row_end(lp, 1, 1);
  }
  for (uint32_t s = 0; s < st->S; s++) {
    const sbs_shift *sh = &d->shifts[s];
    if (st->t.max[s] < SBS_INF && nund) {
      snprintf(name, sizeof name, "max_%u", s);
      sb_lp_row_begin(lp, name);
      for (uint32_t e = 0; e < st->n; e++)
        if (st->state[e] == SBS_UNDECIDED) sb_lp_term(lp, xcol[e] + 1 + s, 1);
      sb_lp_row_end(lp, -HUGE_VAL, (double)(st->t.max[s] - st->t.cnt[s]));
    }
    snprintf(name, sizeof name, "met_%u", s);
    sb_lp_row_begin(lp, name);
    sb_lp_term(lp, mcol[s], 1);
    for (uint32_t e = 0; e < st->n; e++)
      if (st->state[e] == SBS_UNDECIDED) sb_lp_term(lp, xcol[e] + 1 + s, -1);
    sb_lp_row_end(lp, -HUGE_VAL, (double)st->t.cnt[s]);
    for (uint32_t k = 0; k < sh->ngl; k++) {
      bool any = false;
      for (uint32_t e = 0; e < st->n && !any; e++)
        any = st->state[e] == SBS_UNDECIDED &&
              d->lim[(size_t)d->e[e].cls * st->S + s] == (int32_t)k;
      if (st->t.gmax[s][k] < SBS_INF && any) {
        snprintf(name, sizeof name, "gmax_%u_%u", s, k);
        sb_lp_row_begin(lp, name);
        for (uint32_t e = 0; e < st->n; e++)
          if (st->state[e] == SBS_UNDECIDED &&
              d->lim[(size_t)d->e[e].cls * st->S + s] == (int32_t)k)
            sb_lp_term(lp, xcol[e] + 1 + s, 1);
        sb_lp_row_end(lp, -HUGE_VAL,
                      (double)(st->t.gmax[s][k] - st->t.gcnt[s][k]));
      }
      snprintf(name, sizeof name, "gmet_%u_%u", s, k);
      sb_lp_row_begin(lp, name);
      sb_lp_term(lp, gcol[s][k], 1);
      for (uint32_t e = 0; e < st->n; e++)
        if (st->state[e] == SBS_UNDECIDED &&
            d->lim[(size_t)d->e[e].cls * st->S + s] == (int32_t)k)
          sb_lp_term(lp, xcol[e] + 1 + s, -1);
      sb_lp_row_end(lp, -HUGE_VAL, (double)st->t.gcnt[s][k]);
    }
  }
}

/* The comments: names of the variables and shifts, and the later stages
 * (the stage 1 value kept, each bidder in seniority order fixed on the
 * best rank that stays feasible, SPP guarantees first). */
static void lp_comments(const sbs_state *st, sb_lp *lp) {
  const sbs_data *d = st->d;
  sb_lp_comment(lp, "senbid shift_bid: the lexicographic method, stage 1");
  sb_lp_comment(lp, "x_e_s: employee e on shift s; u_e: employee e unplaced");
  sb_lp_comment(lp, "m_s, g_s_k: minimum places met on shift s, grade limit k");
  for (uint32_t s = 0; s < st->S; s++)
    sb_lp_comment(lp, "shift %u: %s", s, d->shifts[s].id);
  sb_lp_comment(lp, "later stages keep the stage 1 value and fix, in order:");
  for (int spp = 1; spp >= 0; spp--)
    for (uint32_t i = 0; i < st->n; i++) {
      uint32_t e = st->p->sen.order[i];
      if (st->state[e] != SBS_UNDECIDED || !sbs_is_bidder(d, e)) continue;
      if (spp && !sbs_rule_spp(d, e)) continue;
      const sbs_sheet *sh = sbs_sheet_of(d, e);
      sb_buf line;
      sb_buf_init(&line, &st->p->alloc);
      sb_buf_printf(&line, "  %s e=%u %s", spp ? "SPP" : "bid", e,
                    st->p->emps[e].id);
      for (uint32_t k = 0; k < (spp ? 1u : sh->nu); k++)
        sb_buf_printf(&line, " %s", d->shifts[sh->uprefs[k]].id);
      if (line.oom)
        lp->oom = true;
      else
        sb_lp_comment(lp, "%.*s", (int)line.len, line.data);
      sb_buf_free(&line);
    }
}

/* The integer program of lexicographic's stage 1 (SPEC 8), after what the
 * method fixes first, built with the one LP builder (lib/lp/model.h). */
int sbs_export_lp(sb_ctx *ctx, sb_buf *out) {
  sbs_state st;
  sb_out o;
  out_init(&o, &ctx->p->alloc);
  ctx->method = SENBID_METHOD_LEXICOGRAPHIC;
  int rc = sbs_state_init(&st, ctx, &o, true);
  if (!rc) rc = sbs_fixed(&st);
  out_free(&o);
  sb_vec_free(&st.bumps);
  if (rc) return rc;
  sb_lp lp;
  sb_lp_init(&lp, &ctx->p->alloc);
  lp_comments(&st, &lp);
  build_lp(&st, &lp);
  rc = sb_lp_write(&lp, out);
  sb_lp_free(&lp);
  return rc ? sb_err_nomem(ctx->err) : SENBID_OK;
}
