/* Shift-bid sessions (SPEC 10): steps 1-2 when the session starts
 * (sbs_start), one turn per eligible, non-excluded employee not yet placed,
 * in seniority order (sbs_turn_bid with the sheet on file or the one given
 * on the turn), and steps 4-7 when the last turn ends (sbs_finish). The
 * rules are lib/shiftbid's; this file only walks the turns. */
#include "../shiftbid/shiftbid.h"
#include "session.h"

typedef struct sbs_live {
  sbs_state st;
  uint32_t cursor; /* index into the seniority order of the turn */
  uint32_t taken;  /* turns taken */
} sbs_live;

#define R_BID "NBPC2019.APPII.IV.A.5"
#define R_PROXY "NBPC2019.APPII.IV.B"

static sbs_live *L(const senbid_session *s) { return s->ks; }

/* SPEC 10: a turn for every eligible, non-excluded employee without a
 * management placement or an SPP guarantee (undecided after steps 1-2). */
static bool has_turn(const sbs_state *st, uint32_t e) {
  const sbs_emp *x = &st->d->e[e];
  return st->state[e] == SBS_UNDECIDED && x->eligible && !x->excluded &&
         x->fixed < 0;
}

/* Moves to the next turn; after the last, steps 4-7. */
static int advance(senbid_session *s) {
  sbs_live *l = L(s);
  const uint32_t *order = s->p->sen.order;
  while (l->cursor < s->p->nemps && !has_turn(&l->st, order[l->cursor]))
    l->cursor++;
  if (l->cursor < s->p->nemps) return SENBID_OK;
  SB_TRY(sbs_finish(&l->st));
  s->finished = true;
  return SENBID_OK;
}

static int sb_begin(senbid_session *s) {
  sbs_live *l = sb_arena_alloc(&s->ctx.scratch, sizeof *l);
  if (!l) return sb_err_nomem(&s->e);
  memset(l, 0, sizeof *l);
  s->ks = l;
  SB_TRY(sbs_state_init(&l->st, &s->ctx, &s->o, false));
  SB_TRY(sbs_start(&l->st));
  return advance(s);
}

static void sb_end(senbid_session *s) { sb_vec_free(&L(s)->st.bumps); }

static bool sb_turn(const senbid_session *s, ss_turn *t) {
  if (s->finished) return false;
  t->emp = s->p->sen.order[L(s)->cursor];
  t->round = 1;
  t->position = L(s)->taken + 1;
  t->id = s->p->emps[t->emp].id;
  return true;
}

/* A bid's sheet: prefs or no_preference (one of them is required). */
static int read_bid(senbid_session *s, sb_jr *r, const cJSON *a,
                    sb_arena *ar, sbs_sheet *sh) {
  if (!cJSON_GetObjectItemCaseSensitive(a, "prefs") &&
      !cJSON_GetObjectItemCaseSensitive(a, "no_preference"))
    return sb_jr_fail(r, SENBID_E_MISSING, "prefs",
                      "a shift bid needs prefs or no_preference");
  return sbs_read_sheet(s->p, r, a, s->p->kind_data, ar, sh);
}

static int sb_read(senbid_session *s, sb_jr *r, const cJSON *a, sb_arena *ar,
                   void **bid) {
  sbs_sheet *sh = sb_arena_alloc(ar, sizeof *sh);
  if (!sh) return sb_err_nomem(r->err);
  memset(sh, 0, sizeof *sh);
  SB_TRY(read_bid(s, r, a, ar, sh));
  *bid = sh;
  return SENBID_OK;
}

static void sb_canon(const senbid_session *s, const void *bid, sb_buf *cw) {
  const sbs_sheet *sh = bid;
  const sbs_data *d = s->p->kind_data;
  if (sh->nopref) {
    ss_key(cw, "no_preference");
    sb_buf_puts(cw, "true");
    return;
  }
  ss_key(cw, "prefs");
  sb_buf_putc(cw, '[');
  for (uint32_t k = 0; k < sh->n; k++) {
    const char *sid = d->shifts[sh->prefs[k]].id;
    if (k) sb_buf_puts(cw, ", ");
    sb_json_escape(cw, sid, strlen(sid));
  }
  sb_buf_putc(cw, ']');
}

/* The turns are fixed when steps 1-2 are made (a turn places only its
 * bidder): the session ends with the last of them. */
static bool sb_ends(const senbid_session *s, int act, const void *bid) {
  (void)act;
  (void)bid;
  const sbs_live *l = L(s);
  for (uint32_t i = l->cursor + 1; i < s->p->nemps; i++)
    if (has_turn(&l->st, s->p->sen.order[i])) return false;
  return true;
}

static int sb_act(senbid_session *s, int act, uint32_t e, const void *bid,
                  sb_jw *dw) {
  sbs_live *l = L(s);
  sbs_state *st = &l->st;
  const sbs_data *d = st->d;
  const char *id = s->p->emps[e].id;
  ss_audit_action(s, id, act, act == SS_BID ? R_BID : R_PROXY, s->seq, 0);
  if (act == SS_BID) {
    /* The sheet is the session's (s->bids): it stands for steps 4-7 and
     * bids_on_file. */
    SB_TRY(sbs_turn_bid(st, e, bid));
  } else {
    /* IV.B: the sheet on file, as round_robin plays it. */
    const sbs_sheet *sh = sbs_sheet_of(d, e);
    if (sh && sbs_is_bidder(d, e)) SB_TRY(sbs_turn_bid(st, e, sh));
  }
  if (dw) {
    SB_JW_KEY(dw, "placed");
    if (st->state[e] == SBS_PLACED) {
      sb_jw_obj(dw);
      SB_JW_KEY(dw, "shift");
      sb_jw_str(dw, d->shifts[st->shift_of[e]].id);
      SB_JW_KEY(dw, "reason");
      sb_jw_str(dw, sbs_how_name[st->how[e]]);
      SB_JW_KEY(dw, "rank");
      if (st->rank[e])
        sb_jw_int(dw, st->rank[e]);
      else
        sb_jw_null(dw);
      sb_jw_obj_end(dw);
    } else {
      sb_jw_null(dw);
      /* Step 4 places them when the last turn ends. */
      SB_JW_KEY(dw, "cause");
      sb_jw_str(dw, sbs_cause_name[sbs_rule_agency_cause(
                        d, e, sbs_state_sheet(st, e))]);
    }
  }
  l->cursor++;
  l->taken++;
  SB_TRY(advance(s));
  if (dw && s->finished) {
    /* Where step 4 or a bump finally put the bidder. */
    SB_JW_KEY(dw, "final");
    if (st->state[e] == SBS_PLACED)
      sb_jw_str(dw, d->shifts[st->shift_of[e]].id);
    else
      sb_jw_null(dw);
  }
  return SENBID_OK;
}

static void sb_upcoming(const senbid_session *s, sb_jw *w, uint32_t n) {
  const sbs_live *l = L(s);
  ss_turn t = {0, 1, l->taken + 1, NULL};
  for (uint32_t i = l->cursor + 1; i < s->p->nemps && n; i++) {
    uint32_t e = s->p->sen.order[i];
    if (!has_turn(&l->st, e)) continue;
    t.emp = e;
    t.position++;
    ss_write_turn(s, w, &t);
    n--;
  }
}

static void room(sb_jw *w, int64_t max, int64_t cnt) {
  if (max >= SBS_INF)
    sb_jw_null(w);
  else
    sb_jw_int(w, max > cnt ? max - cnt : 0);
}

/* Every shift's room; grade_room: for the grade of the employee on turn,
 * when the shift limits it (null otherwise, and once finished). */
static void sb_open(const senbid_session *s, sb_jw *w) {
  const sbs_state *st = &L(s)->st;
  const sbs_data *d = st->d;
  ss_turn t = {0, 0, 0, NULL};
  bool on = sb_turn(s, &t);
  sb_jw_obj(w);
  SB_JW_KEY(w, "shifts");
  sb_jw_arr(w);
  for (uint32_t sh = 0; sh < st->S; sh++) {
    sb_jw_obj(w);
    SB_JW_KEY(w, "shift");
    sb_jw_str(w, d->shifts[sh].id);
    SB_JW_KEY(w, "room");
    room(w, st->t.max[sh], st->t.cnt[sh]);
    SB_JW_KEY(w, "grade_room");
    int32_t k = on ? d->lim[(size_t)d->e[t.emp].cls * d->nshifts + sh] : -1;
    if (k < 0)
      sb_jw_null(w);
    else
      room(w, st->t.gmax[sh][k], st->t.gcnt[sh][k]);
    sb_jw_obj_end(w);
  }
  sb_jw_arr_end(w);
  sb_jw_obj_end(w);
}

static int sb_result(const senbid_session *s, sb_out *o) {
  /* A copy that writes to o: the live state is only read. */
  sbs_state st = L(s)->st;
  st.o = o;
  sbs_write_result(&st);
  return SENBID_OK;
}

const ss_kind ss_shiftbid = {SB_KIND_SHIFT_BID, sb_begin,    sb_end,
                             sb_turn,           sb_read,     sb_canon,
                             sb_act,            sb_ends,     sb_upcoming,
                             sb_open,           sb_result};
