/*
 * Master leave: why a contested decision went as it did (SPEC section 2,
 * "Conflict factors"; INS 1995 Art. 14 D; ICE 2019 Art. 18 Sec. 2.E).
 * A choice denied in a round because a day was full, or granted only an
 * alternate because its preferred option's day was full, is contested when
 * an employee junior by seniority came before in that round's order and
 * holds a grant of the same round on that day, in a group or total the
 * first employee's group shares: the explanation names that employee
 * and the first factor of rules.priority that put them first, compared
 * by lv_factor_key, the one key the round order itself sorts by.
 */
#include <string.h>

#include "leave.h"

/* Whether groups ga and gb share a capacity pool limited on day di. */
static bool share_pool(const lv_state *s, uint32_t ga, uint32_t gb,
                       uint32_t di) {
  const lv_data *d = s->d;
  if (ga == gb) return true;
  for (uint32_t k = 1; k < d->gnpools[ga]; k++) {
    uint32_t pool = d->gpools[ga][k];
    if (lv_pool_cap(s, pool, di) == LV_UNLIMITED) continue;
    for (uint32_t j = 1; j < d->gnpools[gb]; j++)
      if (d->gpools[gb][j] == pool) return true;
  }
  return false;
}

typedef struct ex_round {
  uint32_t *pos;   /* per employee: 1-based place in the round, 0: absent */
  uint32_t *first; /* per employee: the first choice decided this round */
  uint32_t round;
  size_t first_grant; /* the round's grants: grants[first_grant..] */
} ex_round;

/* A decision that lost a day: a denial, or a grant of an alternate. */
typedef struct ex_lost {
  uint32_t emp;
  const char *eid, *cid;
  int32_t alternate; /* the option granted; -1: denied */
} ex_lost;

/* The grant of this round, so far, that fills dn's day `date` and was
 * made by a junior employee placed before dn's; NULL if none. */
static const lv_grant *taker(const lv_state *s, const ex_round *x,
                             const ex_lost *dn, sb_day date, size_t end) {
  const lv_data *d = s->d;
  const uint32_t *rank = s->seq.rank;
  uint32_t di = (uint32_t)(date - d->period.start);
  for (size_t i = x->first_grant; i < end; i++) {
    const lv_grant *g = &SB_VEC_AT(&s->grants, lv_grant, i);
    if (g->r.start > date || g->r.end < date) continue;
    if (x->pos[g->emp] >= x->pos[dn->emp] || rank[g->emp] < rank[dn->emp])
      continue;
    if (share_pool(s, d->emps[g->emp].group, d->emps[dn->emp].group, di))
      return g;
  }
  return NULL;
}

static void write_contested(const lv_state *s, sb_jw *w, const ex_round *x,
                            const ex_lost *dn, sb_day date,
                            const lv_grant *g, sb_buf *tmp) {
  const lv_data *d = s->d;
  /* The first factor on which the two differ: seniority cannot be it,
   * since the junior came first. */
  const lv_factor_info *fi = NULL;
  for (uint32_t k = 0; k < d->nfactors && !fi; k++) {
    uint8_t f = d->factors[k];
    if (lv_factor_key(s, f, g->emp, x->first[g->emp]) !=
        lv_factor_key(s, f, dn->emp, x->first[dn->emp]))
      fi = &lv_factor_infos[f];
  }
  if (!fi || fi == &lv_factor_infos[LV_F_SENIORITY]) return;
  sb_jw_obj(w);
  SB_JW_KEY(w, "round");
  sb_jw_uint(w, x->round);
  SB_JW_KEY(w, "employee");
  sb_jw_str(w, dn->eid);
  SB_JW_KEY(w, "choice");
  sb_jw_str(w, dn->cid);
  SB_JW_KEY(w, "outcome");
  sb_jw_str(w, dn->alternate < 0 ? "denied" : "alternate");
  if (dn->alternate >= 0) {
    SB_JW_KEY(w, "option");
    sb_jw_uint(w, (uint32_t)dn->alternate);
  }
  SB_JW_KEY(w, "date");
  sb_jw_date(w, date);
  SB_JW_KEY(w, "before");
  sb_jw_str(w, g->eid);
  SB_JW_KEY(w, "granted");
  sb_jw_str(w, g->cid);
  SB_JW_KEY(w, "factor");
  sb_jw_str(w, fi->name);
  SB_JW_KEY(w, "rule");
  sb_jw_str(w, fi->rule);
  SB_JW_KEY(w, "detail");
  tmp->len = 0;
  sb_buf_printf(tmp, "%s came before %s in round %u: %s (%s)", g->eid,
                dn->eid, x->round, fi->words, fi->cite);
  sb_jw_strn(w, tmp->data ? tmp->data : "", tmp->len);
  sb_jw_obj_end(w);
}

/* Walks the decision records in order, round by round. */
static int contested(lv_state *s, sb_jw *w) {
  const senbid_problem *p = s->p;
  ex_round x;
  memset(&x, 0, sizeof x);
  x.pos = sb_arena_array(s->ar, p->nemps + 1, sizeof(uint32_t));
  x.first = sb_arena_array(s->ar, p->nemps + 1, sizeof(uint32_t));
  if (!x.pos || !x.first) return sb_err_nomem(s->ctx->err);
  sb_buf tmp;
  sb_buf_init(&tmp, &p->alloc);
  size_t gi = 0, di = 0, ri = 0;
  for (size_t i = 0; i < s->events.len; i++) {
    uint8_t ev = SB_VEC_AT(&s->events, uint8_t, i);
    if (ev == LV_EV_ROUND) {
      const lv_round_rec *rr = &SB_VEC_AT(&s->rounds, lv_round_rec, ri++);
      x.round = rr->round;
      x.first_grant = gi;
      for (uint32_t k = 0; k < rr->n; k++) {
        uint32_t e = SB_VEC_AT(&s->round_emps, uint32_t, rr->first + k);
        x.pos[e] = k + 1;
        x.first[e] = UINT32_MAX;
      }
      continue;
    }
    if (ev != LV_EV_GRANT && ev != LV_EV_DENY) continue;
    ex_lost lost;
    uint32_t c;
    const lv_denial *dn = NULL;
    const lv_grant *g = NULL;
    if (ev == LV_EV_GRANT) {
      g = &SB_VEC_AT(&s->grants, lv_grant, gi++);
      lost = (ex_lost){g->emp, g->eid, g->cid, (int32_t)g->opt};
      c = g->choice;
    } else {
      dn = &SB_VEC_AT(&s->denials, lv_denial, di++);
      lost = (ex_lost){dn->emp, dn->eid, dn->cid, -1};
      c = dn->choice;
    }
    if (x.first[lost.emp] == UINT32_MAX) x.first[lost.emp] = c;
    if (!x.round) continue; /* no round order: seniority alone */
    if (g) {
      /* An alternate: the preferred option's first full day. */
      if (g->opt == 0 || g->full == LV_NO_DAY) continue;
      const lv_grant *t = taker(s, &x, &lost, g->full, gi - 1);
      if (t) write_contested(s, w, &x, &lost, g->full, t, &tmp);
      continue;
    }
    /* The first day found full whose place a junior employee took. */
    for (uint32_t k = 0; k < dn->nreasons; k++) {
      const lv_why *y = &SB_VEC_AT(&s->whys, lv_why, dn->first_reason + k);
      if (y->reason != LV_CAPACITY) continue;
      const lv_grant *t = taker(s, &x, &lost, y->date, gi);
      if (!t) continue;
      write_contested(s, w, &x, &lost, y->date, t, &tmp);
      break;
    }
  }
  bool oom = tmp.oom;
  sb_buf_free(&tmp);
  return oom ? sb_err_nomem(s->ctx->err) : SENBID_OK;
}

int lv_explain(sb_ctx *ctx, const cJSON *result, sb_out *o) {
  const lv_data *d = ctx->p->kind_data;
  lv_state s;
  memset(&s, 0, sizeof s);
  bool feasible = true, cut = false;
  int rc = lv_replay_result(ctx, result, &s, &feasible, &cut);
  sb_jw *w = &o->w;
  if (rc == SENBID_OK) {
    SB_JW_KEY(w, "priority");
    sb_jw_arr(w);
    for (uint32_t k = 0; k < d->nfactors; k++)
      sb_jw_str(w, lv_factor_infos[d->factors[k]].name);
    if (!d->nfactors) sb_jw_str(w, "seniority");
    sb_jw_arr_end(w);
    SB_JW_KEY(w, "contested");
    sb_jw_arr(w);
    /* Without a factor the order is seniority alone: nothing to explain. */
    if (d->priority_rule && feasible) rc = contested(&s, w);
    sb_jw_arr_end(w);
  }
  lv_state_free(&s);
  return rc;
}
