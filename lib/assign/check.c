/* `senbid check` for assignments (SPEC section 7): replays a posted result
 * announcement by announcement through the rules (rules.c). Each
 * announcement is judged from the ledger the posted selections before it
 * produced (so one departure does not cascade into every later one),
 * against what the method the result names decides there: round_robin's
 * decision sequence, or the same sequence gated by the lexicographic model
 * (lex.c, as_check_lex). Then the posted selections are applied. */
#include <stdlib.h>
#include <string.h>

#include "assign.h"

typedef struct posted {
  uint32_t emp;
  int reason;
} posted;

typedef struct judge {
  as_state *st;
  sb_out *o;
  const cJSON *result;
  posted *ps;
  uint32_t *from, *by_opp, *seen;
  int64_t *unf_posted;
  as_event *ev;
  uint8_t *legal;
} judge;

static int reason_code(const char *s) {
  for (int r = 0; r < R_COUNT; r++)
    if (!strcmp(s, as_reason_names[r])) return r;
  return -1;
}

static bool in_list(const uint32_t *v, uint32_t n, uint32_t e) {
  for (uint32_t i = 0; i < n; i++)
    if (v[i] == e) return true;
  return false;
}

static bool is_volunteer(const as_opp *o, uint32_t e) {
  for (uint32_t i = 0; i < o->nvols; i++)
    if (o->vols[i].emp == e) return true;
  return false;
}

/* The departure a posted pick makes by itself (the rules' own checks), or
 * NULL. */
static const char *pick_problem(as_state *st, uint32_t oi, uint32_t e,
                                int reason, const char **rule) {
  const as_data *d = st->d;
  const as_opp *o = &d->opps[oi];
  int want = o->cat == AS_OVERTIME   ? R_OVERTIME_ROTATION
             : o->cat == AS_TRAINING ? R_TRAINING_ROTATION
                                     : R_VOLUNTEER;
  int r = R_COUNT;
  *rule = as_rule(d, o, reason);
  if (reason == want) {
    if (!is_volunteer(o, e)) return "NOT_A_VOLUNTEER";
    r = as_vol_check(st, oi, e);
  } else if (reason == R_EXTENSION && as_extensions(d, o)) {
    if (!in_list(o->ext, o->next, e)) return "NOT_A_VOLUNTEER";
    r = as_ext_check(st, oi, e);
  } else if (reason == R_MANDATED) {
    if (!as_mandate_pool(o)) return "MANDATE_NOT_ALLOWED";
    r = as_qualified(d, o, e) ? as_mand_check(st, oi, e) : R_NOT_QUALIFIED;
  } else {
    return "WRONG_REASON";
  }
  if (r == R_COUNT) return NULL;
  *rule = as_rule(d, o, r);
  return as_reason_names[r];
}

/* Judges opportunity oi: st->plan holds what the method decides there.
 * Reports departures, applies the posted selections to the ledger, and
 * hands them back (with whether each passed the rules' own checks). */
static int judge_opp(void *cx, uint32_t oi, const as_event **evout,
                     const uint8_t **legal, uint32_t *nevout) {
  judge *j = cx;
  as_state *st = j->st;
  const as_data *d = st->d;
  const senbid_problem *p = st->p;
  const as_opp *op = &d->opps[oi];
  sb_out *o = j->o;
  uint32_t nev = 0;
  for (uint32_t t = j->from[oi]; t < j->from[oi + 1]; t++) {
    const posted *ps = &j->ps[j->by_opp[t]];
    uint32_t e = ps->emp;
    const char *id = p->emps[e].id;
    if (j->seen[e] == oi + 1) {
      sb_departure(o, "DUPLICATE", id, "SPEC.5", "%s: selected twice", op->id);
      continue;
    }
    j->seen[e] = oi + 1;
    const char *rule;
    const char *bad = pick_problem(st, oi, e, ps->reason, &rule);
    if (bad) {
      sb_departure(o, bad, id, rule, "%s: selected as %s", op->id,
                   as_reason_names[ps->reason]);
    } else {
      bool expected = false, refused = false;
      for (uint32_t i = 0; i < st->plan.n; i++)
        if (st->plan.v[i].emp == e) {
          if (st->plan.v[i].pick) expected = st->plan.v[i].reason == ps->reason;
          else refused |= st->plan.v[i].reason == R_MIN_MANDATES;
        }
      if (refused && !expected) {
        sb_departure(o, "MIN_MANDATES", id, "SPEC.5.LEXICOGRAPHIC",
                     "%s: this selection leaves a must-fill slot empty or forces a "
                     "needless mandate",
                     op->id);
      } else if (!expected) {
        const char *code = "PRIORITY";
        if (ps->reason == R_MANDATED) {
          code = "MANDATE_ORDER";
          for (uint32_t i = 0; i < st->plan.n; i++)
            if (st->plan.v[i].pick && st->plan.v[i].reason != R_MANDATED)
              code = "MANDATE_WITH_VOLUNTEERS";
        }
        sb_departure(o, code, id, as_rule(d, op, ps->reason),
                     "%s: %s selection out of the rules' order", op->id,
                     as_reason_names[ps->reason]);
      }
    }
    j->legal[nev] = bad == NULL;
    j->ev[nev++] = (as_event){e, (uint8_t)ps->reason, true};
  }
  if ((int64_t)nev > op->slots)
    sb_departure(o, "OVER_SLOTS", NULL, "SPEC.5", "%s: %u selections for %lld slot(s)",
                 op->id, nev, (long long)op->slots);
  /* whoever the rules select and the posting left out */
  for (uint32_t i = 0; i < st->plan.n; i++) {
    const as_event *x = &st->plan.v[i];
    if (!x->pick) continue;
    bool there = false;
    for (uint32_t k = 0; k < nev; k++) there |= j->ev[k].emp == x->emp;
    if (!there)
      sb_departure(o, "PASSED_OVER", p->emps[x->emp].id, as_rule(d, op, x->reason),
                   "%s: the rules select this employee (%s)", op->id,
                   as_reason_names[x->reason]);
  }
  uint32_t before = st->nunf;
  SB_TRY(as_apply(st, oi, j->ev, nev));
  int64_t want = st->nunf > before ? st->unf_slots[before] : 0, got = j->unf_posted[oi];
  if (got != want)
    sb_departure(o, "UNFILLED", NULL, "SPEC.5", "%s: %lld slot(s) left open, %lld reported",
                 op->id, (long long)want, (long long)got);
  *evout = j->ev;
  *legal = j->legal;
  *nevout = nev;
  return SENBID_OK;
}

/* Each opportunity planned the round_robin way, then judged. */
int as_check_rr(as_state *st, as_judge_fn judge_fn, void *cx) {
  for (uint32_t oi = 0; oi < st->d->nopps; oi++) {
    const as_event *ev;
    const uint8_t *legal;
    uint32_t nev;
    SB_TRY(as_plan(st, oi, NULL, NULL));
    SB_TRY(judge_fn(cx, oi, &ev, &legal, &nev));
  }
  return SENBID_OK;
}

/* ----------------------------------------------------- the ledger part */

/* Canonical text of a JSON value: objects by member name, arrays by their
 * items' canonical text, so that cycles and history compare as sets (a
 * hand-made posting may list them in another order). In ar. */
static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static int cmp_member(const void *a, const void *b) {
  const cJSON *x = *(const cJSON *const *)a, *y = *(const cJSON *const *)b;
  return strcmp(x->string ? x->string : "", y->string ? y->string : "");
}

static void put_str(sb_buf *b, const char *s) {
  sb_buf_putc(b, '"');
  for (; *s; s++) {
    if (*s == '"' || *s == '\\') sb_buf_putc(b, '\\');
    sb_buf_putc(b, *s);
  }
  sb_buf_putc(b, '"');
}

static char *canon(sb_arena *ar, const sb_alloc *a, const cJSON *v);

static void canon_into(sb_arena *ar, const sb_alloc *a, const cJSON *v, sb_buf *b) {
  if (!v || cJSON_IsNull(v)) {
    sb_buf_puts(b, "null");
  } else if (cJSON_IsBool(v)) {
    sb_buf_puts(b, cJSON_IsTrue(v) ? "true" : "false");
  } else if (cJSON_IsNumber(v)) {
    sb_buf_printf(b, "%.17g", v->valuedouble);
  } else if (cJSON_IsString(v)) {
    put_str(b, v->valuestring);
  } else {
    bool obj = cJSON_IsObject(v);
    int n = sb_json_count(v);
    const void **items = sb_arena_array(ar, (size_t)n + 1, sizeof *items);
    if (!items) {
      b->oom = true;
      return;
    }
    int i = 0;
    for (const cJSON *c = v->child; c && i < n; c = c->next) {
      items[i] = obj ? (const void *)c : canon(ar, a, c);
      if (!items[i++]) b->oom = true;
    }
    if (b->oom) return;
    qsort(items, (size_t)i, sizeof *items, obj ? cmp_member : cmp_str);
    sb_buf_putc(b, obj ? '{' : '[');
    for (int k = 0; k < i; k++) {
      if (k) sb_buf_putc(b, ',');
      if (obj) {
        const cJSON *c = items[k];
        put_str(b, c->string ? c->string : "");
        sb_buf_putc(b, ':');
        canon_into(ar, a, c, b);
      } else {
        sb_buf_puts(b, items[k]);
      }
    }
    sb_buf_putc(b, obj ? '}' : ']');
  }
}

static char *canon(sb_arena *ar, const sb_alloc *a, const cJSON *v) {
  sb_buf b;
  sb_buf_init(&b, a);
  canon_into(ar, a, v, &b);
  char *out = NULL;
  if (!b.oom && sb_buf_terminate(&b) == 0) {
    out = sb_arena_alloc(ar, b.len + 1);
    if (out) memcpy(out, b.data, b.len + 1);
  }
  sb_buf_free(&b);
  return out;
}

/* The posted ledger must be the one these selections produce. */
static int check_ledger(sb_ctx *ctx, as_state *st, const cJSON *led, sb_out *o) {
  const senbid_problem *p = ctx->p;
  sb_buf b;
  sb_buf_init(&b, &p->alloc);
  sb_jw w;
  sb_jw_init(&w, &b, 0, true);
  sb_jw_obj(&w);
  int rc = as_write_results(st, &w);
  sb_jw_obj_end(&w);
  const cJSON *mine = NULL;
  if (rc == SENBID_OK && !b.oom && sb_buf_terminate(&b) == 0) {
    size_t off;
    const char *why;
    mine = sb_json_parse(&ctx->scratch, b.data, b.len, &off, &why);
  }
  sb_buf_free(&b);
  if (rc < 0) return rc;
  if (!mine) return SENBID_E_NOMEM;
  const cJSON *ml = cJSON_GetObjectItemCaseSensitive(mine, "ledger");
  static const char *const parts[] = {"history",        "served_cycle", "mandate_cycle",
                                      "overtime_hours", "exemptions",   "training_last"};
  for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
    char *a = canon(&ctx->scratch, &p->alloc, cJSON_GetObjectItemCaseSensitive(ml, parts[i]));
    char *c = canon(&ctx->scratch, &p->alloc, cJSON_GetObjectItemCaseSensitive(led, parts[i]));
    if (!a || !c) return SENBID_E_NOMEM;
    if (strcmp(a, c) != 0)
      sb_departure(o, "LEDGER", NULL, "SPEC.5",
                   "ledger.%s is not what the posted selections produce", parts[i]);
  }
  return SENBID_OK;
}

int as_check(sb_ctx *ctx, const cJSON *result, sb_out *o) {
  const senbid_problem *p = ctx->p;
  sb_arena *ar = &ctx->scratch;
  as_state st;
  SB_TRY(as_state_init(&st, p, ar, NULL));
  const as_data *d = st.d;
  sb_strmap oids;
  if (sb_strmap_init(&oids, ar, (size_t)d->nopps + 1) < 0) return SENBID_E_NOMEM;
  for (uint32_t i = 0; i < d->nopps; i++) sb_strmap_put(&oids, d->opps[i].id, i, NULL);

  /* posted selections, bucketed by opportunity in their order */
  const cJSON *sels = cJSON_GetObjectItemCaseSensitive(result, "selections");
  int ns = cJSON_IsArray(sels) ? sb_json_count(sels) : 0;
  judge j = {&st, o, result, NULL, NULL, NULL, NULL, NULL, NULL, NULL};
  j.ps = sb_arena_array(ar, (size_t)ns + 1, sizeof *j.ps);
  uint32_t *pop = sb_arena_array(ar, (size_t)ns + 1, sizeof *pop);
  j.ev = sb_arena_array(ar, (size_t)ns + 1, sizeof *j.ev);
  j.legal = sb_arena_array(ar, (size_t)ns + 1, 1);
  j.seen = sb_arena_array(ar, (size_t)p->nemps + 1, sizeof *j.seen);
  if (!j.ps || !pop || !j.ev || !j.legal || !j.seen) return SENBID_E_NOMEM;
  uint32_t np = 0;
  if (!cJSON_IsArray(sels))
    sb_departure(o, "FORMAT", NULL, "SPEC.5", "the result has no selections array");
  const cJSON *s;
  cJSON_ArrayForEach(s, sels) {
    const cJSON *jo = cJSON_GetObjectItemCaseSensitive(s, "opportunity");
    const cJSON *je = cJSON_GetObjectItemCaseSensitive(s, "employee");
    const cJSON *jr = cJSON_GetObjectItemCaseSensitive(s, "reason");
    uint32_t oi;
    int64_t e = cJSON_IsString(je) ? sb_problem_find(p, je->valuestring) : -1;
    int r = cJSON_IsString(jr) ? reason_code(jr->valuestring) : -1;
    if (!cJSON_IsString(jo) || !sb_strmap_get(&oids, jo->valuestring, &oi) || e < 0 ||
        r < 0 || r >= R_NOT_QUALIFIED) {
      sb_departure(o, "UNKNOWN_ID", cJSON_IsString(je) ? je->valuestring : NULL, "SPEC.5",
                   "a selection names an unknown opportunity, employee or reason");
      continue;
    }
    j.ps[np] = (posted){(uint32_t)e, r};
    pop[np++] = oi;
  }

  /* The selections of each opportunity, in posted order (a counting
   * sort), and the posted unfilled slots per opportunity: one pass each, so
   * a long year of announcements is not checked in quadratic time. */
  j.from = sb_arena_array(ar, (size_t)d->nopps + 2, sizeof *j.from);
  j.by_opp = sb_arena_array(ar, (size_t)np + 1, sizeof *j.by_opp);
  j.unf_posted = sb_arena_array(ar, (size_t)d->nopps + 1, sizeof *j.unf_posted);
  if (!j.from || !j.by_opp || !j.unf_posted) return SENBID_E_NOMEM;
  for (uint32_t k = 0; k < np; k++) j.from[pop[k] + 1]++;
  for (uint32_t oi = 0; oi < d->nopps; oi++) j.from[oi + 1] += j.from[oi];
  for (uint32_t k = 0; k < np; k++) j.by_opp[j.from[pop[k]]++] = k;
  for (uint32_t oi = d->nopps; oi > 0; oi--) j.from[oi] = j.from[oi - 1];
  j.from[0] = 0;
  const cJSON *u;
  cJSON_ArrayForEach(u, cJSON_GetObjectItemCaseSensitive(result, "unfilled")) {
    const cJSON *jo = cJSON_GetObjectItemCaseSensitive(u, "opportunity");
    const cJSON *jn = cJSON_GetObjectItemCaseSensitive(u, "slots");
    uint32_t oi;
    if (cJSON_IsString(jo) && cJSON_IsNumber(jn) && sb_strmap_get(&oids, jo->valuestring, &oi)) {
      /* A whole count, else -1, which no opportunity leaves open (casting
       * 1e300 is undefined; a sum of huge counts could overflow). */
      double v = jn->valuedouble;
      if (j.unf_posted[oi] >= 0 && v >= 0 && v <= INT32_MAX && v == (double)(int64_t)v)
        j.unf_posted[oi] += (int64_t)v;
      else
        j.unf_posted[oi] = -1;
    }
  }

  if (ctx->method == SENBID_METHOD_LEXICOGRAPHIC)
    SB_TRY(as_check_lex(ctx, &st, judge_opp, &j));
  else
    SB_TRY(as_check_rr(&st, judge_opp, &j));

  const cJSON *led = cJSON_GetObjectItemCaseSensitive(result, "ledger");
  return led ? check_ledger(ctx, &st, led, o) : SENBID_OK;
}
