/*
 * Master leave: the result members (SPEC section 2: grants, denials,
 * employees, notify; section 9: infeasible, gated_until) and the audit
 * text, rendered from the decision records of rules.c.
 */
#include <string.h>

#include "leave.h"

/* A denial as the result's denials list has it (SPEC 2), also a session's
 * decision (SPEC 10). */
void lv_write_denial(const lv_state *s, sb_jw *w, const lv_denial *dn) {
  sb_jw_obj(w);
  SB_JW_KEY(w, "employee");
  sb_jw_str(w, dn->eid);
  SB_JW_KEY(w, "choice");
  sb_jw_str(w, dn->cid);
  SB_JW_KEY(w, "round");
  sb_jw_uint(w, dn->round);
  SB_JW_KEY(w, "options");
  sb_jw_arr(w);
  for (uint32_t k = 0; k < dn->nreasons; k++) {
    const lv_why *y = &SB_VEC_AT(&s->whys, lv_why, dn->first_reason + k);
    sb_jw_obj(w);
    SB_JW_KEY(w, "option");
    sb_jw_uint(w, y->opt);
    SB_JW_KEY(w, "reason");
    sb_jw_str(w, lv_reason_name[y->reason]);
    if (y->reason == LV_CAPACITY) {
      SB_JW_KEY(w, "date");
      sb_jw_date(w, y->date);
    }
    sb_jw_obj_end(w);
  }
  sb_jw_arr_end(w);
  sb_jw_obj_end(w);
}

int lv_write_results(lv_state *s, sb_out *o, bool infeasible,
                     const lv_gate *gate) {
  const lv_data *d = s->d;
  const senbid_problem *p = s->p;
  sb_jw *w = &o->w;
  uint8_t *denied = lv_rule_notify(s);
  if (!denied) return sb_err_nomem(s->ctx->err);
  SB_JW_KEY(w, "grants");
  sb_jw_arr(w);
  for (size_t i = 0; i < s->grants.len; i++) {
    const lv_grant *g = &SB_VEC_AT(&s->grants, lv_grant, i);
    sb_range r = g->r;
    sb_jw_obj(w);
    SB_JW_KEY(w, "employee");
    sb_jw_str(w, g->eid);
    SB_JW_KEY(w, "choice");
    sb_jw_str(w, g->cid);
    SB_JW_KEY(w, "option");
    sb_jw_uint(w, g->opt);
    SB_JW_KEY(w, "start");
    sb_jw_date(w, r.start);
    SB_JW_KEY(w, "end");
    sb_jw_date(w, r.end);
    SB_JW_KEY(w, "round");
    sb_jw_uint(w, g->round);
    SB_JW_KEY(w, "charged_days");
    sb_jw_int(w, g->charged_days);
    SB_JW_KEY(w, "charged_hours");
    sb_jw_num(w, g->charged_hours);
    sb_jw_obj_end(w);
  }
  sb_jw_arr_end(w);

  SB_JW_KEY(w, "denials");
  sb_jw_arr(w);
  for (size_t i = 0; i < s->denials.len; i++)
    lv_write_denial(s, w, &SB_VEC_AT(&s->denials, lv_denial, i));
  sb_jw_arr_end(w);

  SB_JW_KEY(w, "employees");
  sb_jw_arr(w);
  for (uint32_t i = 0; i < p->nemps; i++) {
    uint32_t e = p->sen.order[i];
    if (d->emps[e].request < 0) continue;
    sb_jw_obj(w);
    SB_JW_KEY(w, "employee");
    sb_jw_str(w, p->emps[e].id);
    SB_JW_KEY(w, "granted_days");
    sb_jw_int(w, s->granted_days[e]);
    SB_JW_KEY(w, "charged_hours");
    sb_jw_num(w, s->charged_hours[e]);
    SB_JW_KEY(w, "balance_left_hours");
    if (d->emps[e].has_balance)
      sb_jw_num(w, s->balance_left[e]);
    else
      sb_jw_null(w);
    sb_jw_obj_end(w);
  }
  sb_jw_arr_end(w);

  SB_JW_KEY(w, "notify");
  sb_jw_arr(w);
  for (uint32_t i = 0; i < p->nemps; i++) {
    uint32_t e = p->sen.order[i];
    if (denied[e]) sb_jw_str(w, p->emps[e].id);
  }
  sb_jw_arr_end(w);
  if (infeasible) {
    SB_JW_KEY(w, "infeasible");
    lv_lex_write_infeasible(s, w);
  }
  if (gate) {
    /* SPEC 9: how many decisions the gate made before the time limit. */
    SB_JW_KEY(w, "gated_until");
    sb_jw_uint(w, gate->gated);
  }
  return SENBID_OK;
}

static void put_str(sb_buf *b, const char *x) { sb_buf_put(b, x, strlen(x)); }

static void put_range(sb_buf *b, sb_range r) {
  char a[11], z[11];
  sb_date_format(r.start, a);
  sb_date_format(r.end, z);
  sb_buf_put(b, a, 10);
  sb_buf_put(b, "..", 2);
  sb_buf_put(b, z, 10);
}

/* "c1 option 0 2026-12-21..2026-12-25" */
static void put_option(sb_buf *b, const char *cid, uint32_t opt, sb_range r) {
  put_str(b, cid);
  put_str(b, " option ");
  sb_buf_put_uint(b, opt);
  sb_buf_putc(b, ' ');
  put_range(b, r);
}

/* The decisions' audit entries, straight into the result document, their
 * details built without printf (a large roster has millions). */
int lv_write_audit(lv_state *s, sb_out *o) {
  sb_out_open_audit(o);
  lv_audit_cursor c = {0, 0, 0, 0, 0};
  return lv_audit_events(s, o, &c);
}

int lv_audit_events(lv_state *s, sb_out *o, lv_audit_cursor *c) {
  const senbid_problem *p = s->p;
  sb_buf t;
  sb_buf_init(&t, &p->alloc);
  size_t gi = c->gi, di = c->di, ri = c->ri, oi = c->oi, i = c->ev;
  const char *order_rule = s->d->priority_rule;
  for (; i < s->events.len; i++) {
    uint8_t ev = SB_VEC_AT(&s->events, uint8_t, i);
    t.len = 0;
    if (ev == LV_EV_ROUND) {
      /* INS1995.ART14.D / ICE2019.ART18.SEC2.E: the round's order. */
      const lv_round_rec *rr = &SB_VEC_AT(&s->rounds, lv_round_rec, oi++);
      put_str(&t, "round ");
      sb_buf_put_uint(&t, rr->round);
      put_str(&t, ": ");
      for (uint32_t k = 0; k < rr->n; k++) {
        if (k) put_str(&t, ", ");
        put_str(&t, p->emps[SB_VEC_AT(&s->round_emps, uint32_t, rr->first + k)].id);
      }
      sb_audit_str(o, NULL, "round_order", order_rule, t.data, t.len);
      if (t.oom) break;
      continue;
    }
    put_str(&t, "choice ");
    if (ev == LV_EV_GRANT) {
      const lv_grant *g = &SB_VEC_AT(&s->grants, lv_grant, gi++);
      put_option(&t, g->cid, g->opt, g->r);
      put_str(&t, " round ");
      sb_buf_put_uint(&t, g->round);
      sb_audit_str(o, g->eid, "grant", lv_rule_grant_clause(g->opt), t.data,
                   t.len);
    } else if (ev == LV_EV_DENY) {
      const lv_denial *dn = &SB_VEC_AT(&s->denials, lv_denial, di++);
      put_str(&t, dn->cid);
      put_str(&t, " round ");
      sb_buf_put_uint(&t, dn->round);
      put_str(&t, ": ");
      if (dn->nreasons == 0) put_str(&t, "no options");
      for (uint32_t k = 0; k < dn->nreasons; k++) {
        const lv_why *y = &SB_VEC_AT(&s->whys, lv_why, dn->first_reason + k);
        if (k) put_str(&t, ", ");
        sb_buf_put_uint(&t, y->opt);
        sb_buf_putc(&t, ':');
        put_str(&t, lv_reason_name[y->reason]);
      }
      /* C.3: none of the timeframes is available; the agency must ask for
       * another alternate. */
      sb_audit_str(o, dn->eid, "deny", "NBPC2019.ART14.C3",
                   t.data, t.len);
    } else {
      const lv_reject *x = &SB_VEC_AT(&s->rejects, lv_reject, ri++);
      put_option(&t, x->cid, x->opt, x->r);
      put_str(&t, ": min_leave_days could no longer be met");
      /* NBPC 2019 Art. 14 A: leave must be scheduled so that it is not
       * forfeited; the minimums stay reachable. */
      sb_audit_str(o, x->eid, "tentative_reject",
                   "NBPC2019.ART14.A", t.data, t.len);
    }
    if (t.oom) break;
  }
  *c = (lv_audit_cursor){i, gi, di, ri, oi};
  bool oom = t.oom;
  sb_buf_free(&t);
  return oom ? sb_err_nomem(s->ctx->err) : SENBID_OK;
}

