/* Bidding sessions (SPEC section 10): the round_robin decision sequence of
 * a leave or shift_bid problem one turn at a time. session.c holds what is
 * common (the state as problem + actions, replay, undo as a stack, TURN,
 * the documents); each kind's adapter (shiftbid.c) drives that kind's own
 * rules API, so no rule is written here. See doc/sessions.md. */
#ifndef SENBID_SESSION_H
#define SENBID_SESSION_H

#include "../internal.h"

enum ss_act { SS_BID, SS_PASS, SS_PROXY, SS_UNDO };
extern const char *const ss_act_name[];

typedef struct ss_turn {
  uint32_t emp;
  uint32_t round;    /* 1-based */
  uint32_t position; /* 1-based within the round */
  const char *id;    /* the employee's id (set by the kind's turn) */
} ss_turn;

typedef struct ss_kind ss_kind;

struct senbid_session {
  sb_alloc alloc;
  senbid_problem *p;
  const ss_kind *k;
  char *ptext; /* the problem document as given */
  size_t plen;
  /* Actions in order, each as the canonical JSON item of the state's
   * "actions" array, one a line. */
  sb_log acts;    /* buf and count only */
  sb_vec undone;  /* uint32_t per action: the seq of the undo that took it
                   * back, 0 */
  sb_vec type;    /* uint8_t per action: an ss_act */
  sb_vec emp;     /* uint32_t per action: the employee; an undo's target
                   * (0-based) */
  sb_vec bid;     /* void * per action: the kind's bid (bid only) */
  sb_vec stack;   /* uint32_t: actions not taken back (undo pops) */
  sb_arena bids;  /* the bids, as long as the session */
  /* The live decision sequence, rebuilt by replay after an undo. */
  sb_ctx ctx;
  sb_out o;
  sb_err e;
  bool finished;
  bool stale; /* reopening: undos taken, the replay not yet made */
  /* The audit is kept (false: replay writes none; the result's audit is
   * rendered by a replay when it is first asked). */
  bool audit;
  uint32_t seq; /* of the action being played */
  void *ks; /* the kind's live state, in ctx.scratch */
};

/* What a kind's adapter provides. Each call works on s->ks. */
struct ss_kind {
  sb_kind kind;
  /* The live state and the steps before the first turn. */
  int (*begin)(senbid_session *s);
  /* Frees what the live state holds outside ctx.scratch. */
  void (*end)(senbid_session *s);
  /* The turn now; false when finished. */
  bool (*turn)(const senbid_session *s, ss_turn *t);
  /* Reads and checks the kind's members of a bid into *bid, allocated in
   * ar, before anything changes; r's path is the action's. */
  int (*read)(senbid_session *s, sb_jr *r, const cJSON *a, sb_arena *ar,
              void **bid);
  /* The canonical members of a bid in the state's action item. */
  void (*canon)(const senbid_session *s, const void *bid, sb_buf *cw);
  /* Plays one checked action for e (on turn), bid for a bid: writes the
   * decision members to dw (may be NULL) and sets s->finished when the
   * last turn ended. */
  int (*act)(senbid_session *s, int act, uint32_t e, const void *bid,
             sb_jw *dw);
  /* Whether the checked action for the employee on turn would end the
   * session, without playing it (for an undo that follows it). */
  bool (*ends)(const senbid_session *s, int act, const void *bid);
  /* Up to n employees after the one on turn, as turn objects (items). */
  void (*upcoming)(const senbid_session *s, sb_jw *w, uint32_t n);
  /* The "open" member's value. */
  void (*open)(const senbid_session *s, sb_jw *w);
  /* The kind's result members, through o->w. */
  int (*result)(const senbid_session *s, sb_out *o);
};

extern const ss_kind ss_shiftbid;
extern const ss_kind ss_leave;

/* The audit entry of an action (every kind records actions the same way). */
void ss_audit_action(senbid_session *s, const char *emp, int act,
                     const char *rule, uint32_t seq, uint32_t undoes);
/* A member of an action's canonical line: ", \"key\": " (the value
 * follows, compact). */
static inline void ss_key(sb_buf *b, const char *key) {
  sb_buf_puts(b, ", \"");
  sb_buf_puts(b, key);
  sb_buf_puts(b, "\": ");
}
/* Writes a turn object. */
void ss_write_turn(const senbid_session *s, sb_jw *w, const ss_turn *t);

#endif
