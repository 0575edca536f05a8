/* Writing an assignment result's members (SPEC section 5): selections,
 * unfilled, skipped and the updated ledger. */
#include "assign.h"

static void write_sels(as_state *st, sb_jw *w, const as_sel *v, uint32_t n) {
  sb_jw_arr(w);
  for (uint32_t i = 0; i < n; i++) {
    sb_jw_obj(w);
    SB_JW_KEY(w, "opportunity");
    sb_jw_str(w, st->d->opps[v[i].opp].id);
    SB_JW_KEY(w, "employee");
    sb_jw_str(w, st->p->emps[v[i].emp].id);
    SB_JW_KEY(w, "reason");
    sb_jw_str(w, as_reason_names[v[i].reason]);
    sb_jw_obj_end(w);
  }
  sb_jw_arr_end(w);
}

static void write_ids(as_state *st, sb_jw *w, const uint32_t *v, uint32_t n) {
  sb_jw_arr(w);
  for (uint32_t i = 0; i < n; i++) sb_jw_str(w, st->p->emps[v[i]].id);
  sb_jw_arr_end(w);
}

int as_write_results(as_state *st, sb_jw *w) {
  const as_data *d = st->d;
  const senbid_problem *p = st->p;
  SB_JW_KEY(w, "selections");
  write_sels(st, w, st->sels, st->nsels);
  SB_JW_KEY(w, "unfilled");
  sb_jw_arr(w);
  for (uint32_t i = 0; i < st->nunf; i++) {
    sb_jw_obj(w);
    SB_JW_KEY(w, "opportunity");
    sb_jw_str(w, d->opps[st->unf_opp[i]].id);
    SB_JW_KEY(w, "slots");
    sb_jw_int(w, st->unf_slots[i]);
    sb_jw_obj_end(w);
  }
  sb_jw_arr_end(w);
  SB_JW_KEY(w, "skipped");
  write_sels(st, w, st->skips, st->nskips);

  uint8_t *done = sb_arena_array(st->ar, (size_t)d->ntypes + 1, 1);
  if (!done) return SENBID_E_NOMEM;
  SB_JW_KEY(w, "ledger");
  sb_jw_obj(w);
  SB_JW_KEY(w, "history");
  sb_jw_arr(w);
  for (uint32_t i = 0; i < st->nhist; i++) {
    const as_hist *h = &st->hist[i];
    sb_jw_obj(w);
    SB_JW_KEY(w, "employee");
    sb_jw_str(w, p->emps[h->emp].id);
    SB_JW_KEY(w, "type");
    sb_jw_str(w, h->type);
    SB_JW_KEY(w, "ice_type");
    sb_jw_str_or_null(w, as_ice_names[h->ice]);
    SB_JW_KEY(w, "voluntary");
    sb_jw_bool(w, h->vol);
    SB_JW_KEY(w, "start");
    sb_jw_date(w, h->r.start);
    SB_JW_KEY(w, "end");
    sb_jw_date(w, h->r.end);
    sb_jw_obj_end(w);
  }
  sb_jw_arr_end(w);
  /* served_cycle: the document's keys first, then new types in the order
   * opportunities list them; empty cycles are left out */
  SB_JW_KEY(w, "served_cycle");
  sb_jw_obj(w);
  for (uint32_t pass = 0; pass < 2; pass++) {
    uint32_t cnt = pass ? d->nopps : d->nserved;
    for (uint32_t k = 0; k < cnt; k++) {
      uint32_t t = pass ? d->opps[k].type_id : d->served_order[k];
      if (done[t]) continue;
      done[t] = 1;
      if (!st->sc[t].len) continue;
      sb_jw_key(w, d->types[t]);
      write_ids(st, w, st->sc[t].list, st->sc[t].len);
    }
  }
  sb_jw_obj_end(w);
  SB_JW_KEY(w, "mandate_cycle");
  write_ids(st, w, st->mc_list, st->mc_len);
  SB_JW_KEY(w, "overtime_hours");
  sb_jw_obj(w);
  for (uint32_t i = 0; i < st->ot_len; i++) {
    sb_jw_key(w, p->emps[st->ot_order[i]].id);
    sb_jw_num(w, st->ot[st->ot_order[i]]);
  }
  sb_jw_obj_end(w);
  SB_JW_KEY(w, "exemptions");
  sb_jw_arr(w);
  for (uint32_t i = 0; i < d->nex; i++) {
    sb_jw_obj(w);
    SB_JW_KEY(w, "employee");
    sb_jw_str(w, p->emps[d->ex[i].emp].id);
    SB_JW_KEY(w, "until");
    sb_jw_date(w, d->ex[i].until);
    sb_jw_obj_end(w);
  }
  sb_jw_arr_end(w);
  SB_JW_KEY(w, "training_last");
  sb_jw_obj(w);
  for (uint32_t i = 0; i < st->tl_len; i++) {
    uint32_t t = st->tl_order[i];
    sb_jw_key(w, d->titles[t]);
    sb_jw_str(w, p->emps[st->tl_emp[t]].id);
  }
  sb_jw_obj_end(w);
  sb_jw_obj_end(w);
  return SENBID_OK;
}
