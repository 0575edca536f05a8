/* The result members of a shift bid (SPEC section 3): assignments,
 * excluded, unplaced, unmet (step 6), bumps and the new history (step 7). */
#include "shiftbid.h"

static const char *eid(const sbs_state *st, uint32_t e) {
  return st->p->emps[e].id;
}
static const char *sid(const sbs_state *st, uint32_t s) {
  return st->d->shifts[s].id;
}

static void write_sheet(sb_jw *w, const sbs_state *st, const sbs_sheet *sh) {
  sb_jw_obj(w);
  SB_JW_KEY(w, "employee");
  sb_jw_str(w, eid(st, sh->emp));
  if (sh->nopref) {
    SB_JW_KEY(w, "no_preference");
    sb_jw_bool(w, true);
  } else {
    SB_JW_KEY(w, "prefs");
    sb_jw_arr(w);
    for (uint32_t k = 0; k < sh->n; k++) sb_jw_str(w, sid(st, sh->prefs[k]));
    sb_jw_arr_end(w);
  }
  sb_jw_obj_end(w);
}

static bool bidder(const sbs_state *st, uint32_t e) {
  return sbs_rule_bidder(st->d, e, sbs_state_sheet(st, e));
}

/* Step 7 (V.A.1) for a bidder. */
static int64_t new_denials(const sbs_state *st, uint32_t e) {
  return sbs_rule_new_denials(st->d, e, sbs_state_sheet(st, e),
                              st->state[e] == SBS_PLACED ? st->shift_of[e]
                                                         : -1);
}

void sbs_write_result(const sbs_state *st) {
  sb_jw *w = &st->o->w;
  const sbs_data *d = st->d;
  SB_JW_KEY(w, "assignments");
  sb_jw_arr(w);
  for (uint32_t i = 0; i < st->nentry; i++) {
    uint32_t e = st->entry[i];
    if (st->state[e] != SBS_PLACED) continue;
    sb_jw_obj(w);
    SB_JW_KEY(w, "employee");
    sb_jw_str(w, eid(st, e));
    SB_JW_KEY(w, "shift");
    sb_jw_str(w, sid(st, (uint32_t)st->shift_of[e]));
    SB_JW_KEY(w, "reason");
    sb_jw_str(w, sbs_how_name[st->how[e]]);
    SB_JW_KEY(w, "rank");
    if (st->rank[e])
      sb_jw_int(w, st->rank[e]);
    else
      sb_jw_null(w);
    if (st->how[e] == SBS_AGENCY) {
      SB_JW_KEY(w, "cause");
      sb_jw_str(w, sbs_cause_name[st->cause[e]]);
    }
    sb_jw_obj_end(w);
  }
  sb_jw_arr_end(w);

  SB_JW_KEY(w, "excluded");
  sb_jw_arr(w);
  for (uint32_t i = 0; i < st->n; i++) {
    uint32_t e = st->p->sen.order[i];
    if (st->state[e] != SBS_EXCLUDED) continue;
    sb_jw_obj(w);
    SB_JW_KEY(w, "employee");
    sb_jw_str(w, eid(st, e));
    SB_JW_KEY(w, "reason");
    sb_jw_str(w, sbs_excluded_name[d->e[e].status]);
    sb_jw_obj_end(w);
  }
  sb_jw_arr_end(w);

  SB_JW_KEY(w, "unplaced");
  sb_jw_arr(w);
  for (uint32_t i = 0; i < st->nunplaced; i++) {
    uint32_t e = st->unplaced[i];
    if (st->state[e] != SBS_UNPLACED) continue;
    sb_jw_obj(w);
    SB_JW_KEY(w, "employee");
    sb_jw_str(w, eid(st, e));
    SB_JW_KEY(w, "reason");
    sb_jw_str(w, "NO_ROOM");
    SB_JW_KEY(w, "cause");
    sb_jw_str(w, sbs_cause_name[st->ucause[e]]);
    sb_jw_obj_end(w);
  }
  sb_jw_arr_end(w);

  /* Step 6: every shift and grade still below its minimum. */
  SB_JW_KEY(w, "unmet");
  sb_jw_arr(w);
  for (uint32_t s = 0; s < st->S; s++) {
    const sbs_shift *sh = &d->shifts[s];
    for (int32_t k = -1; k < (int32_t)sh->ngl; k++) {
      int64_t deficit = sbs_rule_unmet(d, &st->t, s, k);
      if (!deficit) continue;
      sb_jw_obj(w);
      SB_JW_KEY(w, "shift");
      sb_jw_str(w, sh->id);
      SB_JW_KEY(w, "grade");
      if (k < 0)
        sb_jw_null(w);
      else
        sb_jw_str(w, sh->gl[k].grade);
      SB_JW_KEY(w, "deficit");
      sb_jw_int(w, deficit);
      sb_jw_obj_end(w);
    }
  }
  sb_jw_arr_end(w);

  SB_JW_KEY(w, "bumps");
  sb_jw_arr(w);
  for (size_t i = 0; i < st->bumps.len; i++) {
    const sbs_bump *b = &SB_VEC_AT(&st->bumps, sbs_bump, i);
    sb_jw_obj(w);
    SB_JW_KEY(w, "employee");
    sb_jw_str(w, eid(st, b->emp));
    SB_JW_KEY(w, "from");
    sb_jw_str(w, sid(st, b->from));
    SB_JW_KEY(w, "to");
    if (b->to >= 0)
      sb_jw_str(w, sid(st, (uint32_t)b->to));
    else
      sb_jw_null(w);
    sb_jw_obj_end(w);
  }
  sb_jw_arr_end(w);

  /* Step 7: the new history. */
  SB_JW_KEY(w, "history");
  sb_jw_obj(w);
  SB_JW_KEY(w, "denials");
  sb_jw_obj(w);
  for (uint32_t i = 0; i < d->nden; i++) {
    uint32_t e = d->den_order[i];
    sb_jw_key(w, eid(st, e));
    sb_jw_int(w, bidder(st, e) ? new_denials(st, e) : d->e[e].denials);
  }
  for (uint32_t i = 0; i < st->n; i++) {
    uint32_t e = st->p->sen.order[i];
    if (d->e[e].has_denials || !bidder(st, e)) continue;
    sb_jw_key(w, eid(st, e));
    sb_jw_int(w, new_denials(st, e));
  }
  sb_jw_obj_end(w);
  SB_JW_KEY(w, "bumped");
  sb_jw_obj(w);
  for (uint32_t i = 0; i < st->nbkeys; i++) {
    uint32_t s = st->bkeys[i];
    if (!st->blen[s]) continue;
    sb_jw_key(w, sid(st, s));
    sb_jw_arr(w);
    for (uint32_t j = 0; j < st->blen[s]; j++)
      sb_jw_str(w, eid(st, st->blist[s][j]));
    sb_jw_arr_end(w);
  }
  sb_jw_obj_end(w);
  /* IV.B: sheets stay on file; this bid's replace them in place, new ones
   * follow (sheets given on a session's turn last, in seniority order). */
  SB_JW_KEY(w, "bids_on_file");
  sb_jw_arr(w);
  for (uint32_t i = 0; i < d->nfile; i++)
    write_sheet(w, st, sbs_state_sheet(st, d->file[i].emp));
  for (uint32_t i = 0; i < d->nbids; i++)
    if (d->e[d->bids[i].emp].file < 0)
      write_sheet(w, st, sbs_state_sheet(st, d->bids[i].emp));
  for (uint32_t i = 0; st->live && i < st->n; i++) {
    uint32_t e = st->p->sen.order[i];
    if (st->live[e] && d->e[e].bid < 0 && d->e[e].file < 0)
      write_sheet(w, st, st->live[e]);
  }
  sb_jw_arr_end(w);
  sb_jw_obj_end(w);
}

