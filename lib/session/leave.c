/* Leave sessions (SPEC 10): the round_robin decision sequence of section 2
 * one turn at a time, in session mode (every employee with an entry in
 * requests takes a turn in each round until they pass). The rules and the
 * sequence are lib/leave's (lv_turn_next, lv_decide_choice, lv_decide_live,
 * lv_turn_end); this file only reads the actions and writes the documents. */
#include <string.h>

#include "../leave/leave.h"
#include "session.h"

typedef struct lvs_live {
  lv_state st;
  lv_turn t;          /* the turn now, unless finished */
  lv_audit_cursor cur; /* decisions already in the session's audit */
} lvs_live;

#define R_BID "NBPC2019.ART14.C2"
#define R_PASS "NBPC2019.ART14.C2"
#define R_PROXY "NBPC2019.ART14.C2"

static lvs_live *L(const senbid_session *s) { return s->ks; }

/* The next turn (or the end), and the decisions' audit entries so far. */
static int advance(senbid_session *s) {
  lvs_live *l = L(s);
  int rc = lv_turn_next(&l->st, &l->t);
  if (rc < 0) return rc;
  if (rc == 0) s->finished = true;
  return s->audit ? lv_audit_events(&l->st, &s->o, &l->cur) : SENBID_OK;
}

static int lvs_begin(senbid_session *s) {
  lvs_live *l = sb_arena_alloc(&s->ctx.scratch, sizeof *l);
  if (!l) return sb_err_nomem(&s->e);
  memset(l, 0, sizeof *l);
  const lv_data *d = s->p->kind_data;
  /* NBPC2019.ART14.C6: approved leave stands (as in solve). */
  for (uint32_t i = 0; s->audit && i < d->napproved; i++) {
    char a[11], b[11];
    sb_date_format(d->approved[i].r.start, a);
    sb_date_format(d->approved[i].r.end, b);
    sb_audit(&s->o, s->p->emps[d->approved[i].emp].id, "approved",
             "NBPC2019.ART14.C6", "%s..%s stands", a, b);
  }
  SB_TRY(lv_state_init(&l->st, &s->ctx));
  s->ks = l;
  l->st.seq.session = true;
  SB_TRY(lv_seq_init(&l->st));
  return advance(s);
}

static void lvs_end(senbid_session *s) { lv_state_free(&L(s)->st); }

static bool lvs_turn(const senbid_session *s, ss_turn *t) {
  if (s->finished) return false;
  const lv_turn *x = &L(s)->t;
  t->emp = x->a.e;
  t->round = x->round;
  t->position = x->position;
  t->id = x->a.eid; /* in the slot: no look-up in the roster */
  return true;
}

/* A bid's choice: {"id", "options": [ranges]} (section 2). With ar NULL
 * it is only checked. */
static int read_choice(sb_jr *r, const cJSON *a, sb_arena *ar, lv_choice *ch,
                       sb_range **opts) {
  const cJSON *c = sb_json_get(a, "choice");
  if (!c)
    return sb_jr_fail(r, SENBID_E_MISSING, "choice",
                      "a leave bid needs a choice");
  sb_path_key(&r->path, "choice");
  int rc = sb_jr_v_object(r, c);
  const char *id = NULL;
  const cJSON *os = NULL;
  if (rc >= 0) rc = sb_jr_nonempty_string(r, c, "id", true, &id);
  if (rc >= 0) rc = sb_jr_array(r, c, "options", true, &os);
  if (rc < 0) return rc;
  uint32_t n = (uint32_t)cJSON_GetArraySize(os);
  sb_range *o = sb_arena_array(ar, n + 1, sizeof *o);
  if (!o) return sb_err_nomem(r->err);
  sb_path_key(&r->path, "options");
  SB_JR_EACH(r, os, k, ov) {
    rc = sb_jr_v_range(r, ov, &o[k]);
    if (rc < 0) return rc;
  }
  sb_path_pop(&r->path);
  sb_path_pop(&r->path);
  /* The action's text goes away; the records keep the id. */
  ch->id = sb_arena_strdup(ar, id);
  if (!ch->id) return sb_err_nomem(r->err);
  ch->first_opt = 0;
  ch->nopts = n;
  ch->school = 0;
  *opts = o;
  return SENBID_OK;
}

/* A live bid: its choice and the choice's options. */
typedef struct lvs_bid {
  lv_choice ch;
  sb_range *opts;
} lvs_bid;

static int lvs_read(senbid_session *s, sb_jr *r, const cJSON *a, sb_arena *ar,
                    void **bid) {
  (void)s;
  lvs_bid *b = sb_arena_alloc(ar, sizeof *b);
  if (!b) return sb_err_nomem(r->err);
  SB_TRY(read_choice(r, a, ar, &b->ch, &b->opts));
  *bid = b;
  return SENBID_OK;
}

static void put_range(sb_buf *b, sb_range x) {
  char a[11], z[11];
  sb_date_format(x.start, a);
  sb_date_format(x.end, z);
  sb_buf_puts(b, "{\"start\": \"");
  sb_buf_puts(b, a);
  sb_buf_puts(b, "\", \"end\": \"");
  sb_buf_puts(b, z);
  sb_buf_puts(b, "\"}");
}

static void lvs_canon(const senbid_session *s, const void *bid, sb_buf *cw) {
  (void)s;
  const lvs_bid *b = bid;
  ss_key(cw, "choice");
  sb_buf_puts(cw, "{\"id\": ");
  sb_json_escape(cw, b->ch.id, strlen(b->ch.id));
  sb_buf_puts(cw, ", \"options\": [");
  for (uint32_t k = 0; k < b->ch.nopts; k++) {
    if (k) sb_buf_puts(cw, ", ");
    put_range(cw, b->opts[k]);
  }
  sb_buf_puts(cw, "]}");
}

/* The decisions recorded since grant gi and denial di, as items. */
static void write_decisions(const lv_state *st, sb_jw *w, size_t gi,
                            size_t di) {
  SB_JW_KEY(w, "granted");
  if (st->grants.len > gi) {
    const lv_grant *g = &SB_VEC_AT(&st->grants, lv_grant, gi);
    sb_jw_obj(w);
    SB_JW_KEY(w, "choice");
    sb_jw_str(w, g->cid);
    SB_JW_KEY(w, "option");
    sb_jw_uint(w, g->opt);
    SB_JW_KEY(w, "start");
    sb_jw_date(w, g->r.start);
    SB_JW_KEY(w, "end");
    sb_jw_date(w, g->r.end);
    SB_JW_KEY(w, "round");
    sb_jw_uint(w, g->round);
    sb_jw_obj_end(w);
  } else {
    sb_jw_null(w);
  }
  SB_JW_KEY(w, "denied");
  sb_jw_arr(w);
  for (size_t i = di; i < st->denials.len; i++)
    lv_write_denial(st, w, &SB_VEC_AT(&st->denials, lv_denial, i));
  sb_jw_arr_end(w);
}

static int lvs_act(senbid_session *s, int act, uint32_t e, const void *bid,
                   sb_jw *dw) {
  lvs_live *l = L(s);
  lv_state *st = &l->st;
  const lv_data *d = st->d;
  const lv_turn t = l->t;
  size_t gi = st->grants.len, di = st->denials.len;
  /* The slot's id (e is on turn): the roster's entry is a cache miss. */
  const char *id = t.a.e == e ? t.a.eid : s->p->emps[e].id;
  bool ends = true, passed = false;
  ss_audit_action(s, id, act,
                  act == SS_BID ? R_BID : act == SS_PASS ? R_PASS : R_PROXY,
                  s->seq, 0);
  if (act == SS_BID) {
    /* The bid is the session's (s->bids): the records keep its choice. */
    const lv_choice *ch = &((const lvs_bid *)bid)->ch;
    const sb_range *opts = ((const lvs_bid *)bid)->opts;
    /* SPEC 10: a bid naming a pending stored choice uses it up. */
    for (int64_t c = lv_pending_choice(st, &t);
         c >= 0 && (uint32_t)c < t.a.first + t.a.n; c++)
      if (!st->seq.used[c] && strcmp(d->choices[c].id, ch->id) == 0) {
        lv_use_choice(st, &t, (uint32_t)c);
        break;
      }
    int rc = lv_decide_live(st, &t, ch, opts);
    if (rc < 0) return rc;
    /* C.3: a denied choice leaves the employee on turn for another. */
    ends = rc == 1;
    if (ends) lv_turn_end(st, &t, false);
  } else if (act == SS_PASS) {
    lv_turn_end(st, &t, true);
    passed = true;
  } else {
    /* IV.B: the stored choices in order until one is granted, as
     * round_robin plays the turn; with none left, a pass. */
    int64_t c = lv_pending_choice(st, &t);
    if (c < 0) passed = true;
    for (; c >= 0; c = lv_pending_choice(st, &t)) {
      int rc = lv_decide_choice(st, NULL, &t, (uint32_t)c);
      if (rc < 0) return rc;
      if (rc == 1) break;
    }
    lv_turn_end(st, &t, passed);
  }
  if (ends)
    SB_TRY(advance(s));
  else if (s->audit)
    SB_TRY(lv_audit_events(st, &s->o, &l->cur));
  if (dw) {
    write_decisions(st, dw, gi, di);
    SB_JW_KEY(dw, "passed");
    sb_jw_bool(dw, passed);
  }
  return SENBID_OK;
}

/* The session ends when everyone has passed (SPEC 10): a pass (or a proxy
 * with no stored choice left) by the last one on turn in the round when
 * all others have passed. A bid never passes. */
static bool lvs_ends(const senbid_session *s, int act, const void *bid) {
  (void)bid;
  const lv_state *st = &L(s)->st;
  const lv_turn *t = &L(s)->t;
  const lv_seq *q = &st->seq;
  if (act == SS_BID || (act == SS_PROXY && lv_pending_choice(st, t) >= 0))
    return false;
  if (q->pos < q->norder) return false;
  for (uint32_t i = 0; i < q->nactive; i++)
    if (q->active[i].q != t->a.q && !q->passed[q->active[i].q]) return false;
  return true;
}

/* The next employees: the rest of this round, then (seniority alone) the
 * following rounds of those who have not passed. */
static void lvs_upcoming(const senbid_session *s, sb_jw *w, uint32_t n) {
  const lv_state *st = &L(s)->st;
  const lv_seq *q = &st->seq;
  ss_turn t = {0, q->round, q->pos, NULL};
  for (uint32_t i = q->pos; i < q->norder && n; i++, n--) {
    t.emp = q->order[i].e;
    t.position = i + 1;
    ss_write_turn(s, w, &t);
  }
  /* With conflict factors the next round's order is fixed when it starts. */
  if (st->d->priority_rule) return;
  uint32_t round = q->round;
  while (n) {
    uint32_t pos = 0;
    round++;
    for (uint32_t i = 0; i < q->nactive && n; i++) {
      if (q->passed[q->active[i].q]) continue;
      t.emp = q->active[i].e;
      t.round = round;
      t.position = ++pos;
      ss_write_turn(s, w, &t);
      n--;
    }
    if (!pos) break;
  }
}

static void room(sb_jw *w, int64_t x) {
  if (x == INT64_MAX)
    sb_jw_null(w);
  else
    sb_jw_int(w, x > 0 ? x : 0);
}

/* Every period day's room for the group of the employee on turn, and how
 * each of their pending stored choices stands now. */
static void lvs_open(const senbid_session *s, sb_jw *w) {
  const lvs_live *l = L(s);
  const lv_state *st = &l->st;
  const lv_data *d = st->d;
  sb_jw_obj(w);
  SB_JW_KEY(w, "days");
  sb_jw_arr(w);
  if (!s->finished) {
    uint32_t g = d->emps[l->t.a.e].group;
    for (uint32_t di = 0; di < d->ndays; di++) {
      sb_jw_obj(w);
      SB_JW_KEY(w, "date");
      sb_jw_date(w, d->period.start + di);
      SB_JW_KEY(w, "room");
      room(w, lv_group_room(st, g, di));
      sb_jw_obj_end(w);
    }
  }
  sb_jw_arr_end(w);
  SB_JW_KEY(w, "choices");
  sb_jw_arr(w);
  if (!s->finished) {
    const lv_turn *t = &l->t;
    for (int64_t c = lv_pending_choice(st, t);
         c >= 0 && (uint32_t)c < t->a.first + t->a.n; c++) {
      if (st->seq.used[c]) continue;
      const lv_choice *ch = &d->choices[c];
      sb_jw_obj(w);
      SB_JW_KEY(w, "choice");
      sb_jw_str(w, ch->id);
      int first = LV_OK;
      sb_day fdate = 0;
      bool fits = false;
      for (uint32_t k = 0; k < ch->nopts && !fits; k++) {
        sb_day date = 0;
        int why = lv_fit(st, t->a.e, d->opts[ch->first_opt + k], &date);
        if (why == LV_OK) fits = true;
        else if (k == 0) first = why, fdate = date;
      }
      if (fits || !ch->nopts) {
        SB_JW_KEY(w, "fits");
        sb_jw_bool(w, fits);
      } else {
        SB_JW_KEY(w, "option");
        sb_jw_uint(w, 0);
        SB_JW_KEY(w, "reason");
        sb_jw_str(w, lv_reason_name[first]);
        SB_JW_KEY(w, "date");
        if (first == LV_CAPACITY)
          sb_jw_date(w, fdate);
        else
          sb_jw_null(w);
      }
      sb_jw_obj_end(w);
    }
  }
  sb_jw_arr_end(w);
  sb_jw_obj_end(w);
}

static int lvs_result(const senbid_session *s, sb_out *o) {
  /* Writing reads the records (notify takes scratch from the arena). */
  return lv_write_results(&((lvs_live *)s->ks)->st, o, false, NULL);
}

const ss_kind ss_leave = {SB_KIND_LEAVE, lvs_begin,   lvs_end,
                          lvs_turn,      lvs_read,    lvs_canon,
                          lvs_act,       lvs_ends,    lvs_upcoming,
                          lvs_open,      lvs_result};
