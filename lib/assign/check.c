/* `senbid check` for assignments (SPEC section 7): replays a posted result
 * announcement by announcement. Each announcement is judged from the ledger
 * the posted selections before it produced (so one departure does not
 * cascade into every later one), against what the rules of section 5 would
 * select there; then the posted selections are applied. */
#include <stdlib.h>
#include <string.h>

#include "assign.h"

typedef struct posted {
  uint32_t emp;
  int reason;
} posted;

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

/* The departure a posted pick makes by itself, or NULL. */
static const char *pick_problem(as_state *st, uint32_t oi, uint32_t e,
                                int reason, const char **rule) {
  const as_data *d = st->d;
  const as_opp *o = &d->opps[oi];
  int want = o->cat == AS_OVERTIME   ? R_OVERTIME_ROTATION
             : o->cat == AS_TRAINING ? R_TRAINING_ROTATION
                                     : R_VOLUNTEER;
  *rule = as_rule(d, o, reason);
  if (reason == want) {
    if (!is_volunteer(o, e)) return "NOT_A_VOLUNTEER";
    int r = as_vol_check(st, oi, e);
    if (r != R_COUNT) {
      *rule = as_rule(d, o, r);
      return as_reason_names[r];
    }
    return NULL;
  }
  if (reason == R_EXTENSION && o->cat == AS_DETAIL && d->rules == AS_NBPC) {
    if (!in_list(o->ext, o->next, e)) return "NOT_A_VOLUNTEER";
    if (!as_available(st, o, e)) return "UNAVAILABLE";
    return NULL;
  }
  if (reason == R_MANDATED) {
    if (!as_mandate_pool(o)) return "MANDATE_NOT_ALLOWED";
    if (!as_qualified(d, o, e)) return "NOT_QUALIFIED";
    int r = as_mand_check(st, oi, e);
    if (r != R_COUNT) {
      *rule = as_rule(d, o, r);
      return as_reason_names[r];
    }
    return NULL;
  }
  return "WRONG_REASON";
}

/* Sorts every object by member name and every array by its items'
 * printed form (deeply), so that cycles and history compare as sets: a
 * hand-made posting may list them in another order. False when out of
 * memory. */
static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool canon(cJSON *v) {
  for (cJSON *c = v ? v->child : NULL; c; c = c->next)
    if (!canon(c)) return false;
  bool obj = cJSON_IsObject(v);
  if (!cJSON_IsArray(v) && !obj) return true;
  int n = sb_json_count(v);
  if (n < 2) return true;
  char **keys = cJSON_malloc((size_t)n * 2 * sizeof *keys);
  if (!keys) return false;
  bool ok = true;
  int i = 0;
  for (cJSON *c = v->child; c; c = c->next, i++) {
    /* objects by member name, arrays by printed item */
    char *t = obj ? (char *)cJSON_malloc(strlen(c->string ? c->string : "") + 1)
                  : cJSON_PrintUnformatted(c);
    if (t && obj) strcpy(t, c->string ? c->string : "");
    if (!t) ok = false;
    /* pair each printed form with its item: key, then item pointer */
    keys[2 * i] = t;
    keys[2 * i + 1] = (char *)c;
  }
  if (ok) {
    /* sort pairs by key (qsort on 2-pointer records) */
    qsort(keys, (size_t)n, 2 * sizeof *keys, cmp_str);
    cJSON *prev = NULL;
    for (i = 0; i < n; i++) {
      cJSON *c = (cJSON *)keys[2 * i + 1];
      c->prev = prev;
      c->next = NULL;
      if (prev) prev->next = c;
      else v->child = c;
      prev = c;
    }
    v->child->prev = prev; /* cJSON keeps the last item in child->prev */
  }
  for (i = 0; i < n; i++) cJSON_free(keys[2 * i]);
  cJSON_free(keys);
  return ok;
}

int as_check(sb_ctx *ctx, const cJSON *result, sb_out *o) {
  const senbid_problem *p = ctx->p;
  as_state st;
  SB_TRY(as_state_init(&st, p, &ctx->scratch, NULL));
  const as_data *d = st.d;
  sb_strmap oids;
  if (sb_strmap_init(&oids, &ctx->scratch, (size_t)d->nopps + 1) < 0)
    return SENBID_E_NOMEM;
  for (uint32_t i = 0; i < d->nopps; i++) sb_strmap_put(&oids, d->opps[i].id, i, NULL);

  /* posted selections, bucketed by opportunity in their order */
  const cJSON *sels = cJSON_GetObjectItemCaseSensitive(result, "selections");
  int ns = cJSON_IsArray(sels) ? sb_json_count(sels) : 0;
  posted *ps = sb_arena_array(&ctx->scratch, (size_t)ns + 1, sizeof *ps);
  uint32_t *pop = sb_arena_array(&ctx->scratch, (size_t)ns + 1, sizeof *pop);
  as_event *ev = sb_arena_array(&ctx->scratch, (size_t)ns + 1, sizeof *ev);
  uint32_t *seen = sb_arena_array(&ctx->scratch, (size_t)p->nemps + 1, sizeof *seen);
  if (!ps || !pop || !ev || !seen) return SENBID_E_NOMEM;
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
        r < 0 || r == R_MIN_MANDATES || r >= R_NOT_QUALIFIED) {
      sb_departure(o, "UNKNOWN_ID", cJSON_IsString(je) ? je->valuestring : NULL, "SPEC.5",
                   "a selection names an unknown opportunity, employee or reason");
      continue;
    }
    ps[np] = (posted){(uint32_t)e, r};
    pop[np++] = oi;
  }

  /* The selections of each opportunity, in posted order (a counting
   * sort), and the posted unfilled slots per opportunity: one pass each, so
   * a long year of announcements is not checked in quadratic time. */
  uint32_t *from = sb_arena_array(&ctx->scratch, (size_t)d->nopps + 2, sizeof *from);
  uint32_t *by_opp = sb_arena_array(&ctx->scratch, (size_t)np + 1, sizeof *by_opp);
  int64_t *unf_posted = sb_arena_array(&ctx->scratch, (size_t)d->nopps + 1, sizeof *unf_posted);
  if (!from || !by_opp || !unf_posted) return SENBID_E_NOMEM;
  for (uint32_t k = 0; k < np; k++) from[pop[k] + 1]++;
  for (uint32_t oi = 0; oi < d->nopps; oi++) from[oi + 1] += from[oi];
  for (uint32_t k = 0; k < np; k++) by_opp[from[pop[k]]++] = k;
  for (uint32_t oi = d->nopps; oi > 0; oi--) from[oi] = from[oi - 1];
  from[0] = 0;
  const cJSON *u;
  cJSON_ArrayForEach(u, cJSON_GetObjectItemCaseSensitive(result, "unfilled")) {
    const cJSON *jo = cJSON_GetObjectItemCaseSensitive(u, "opportunity");
    const cJSON *jn = cJSON_GetObjectItemCaseSensitive(u, "slots");
    uint32_t oi;
    if (cJSON_IsString(jo) && cJSON_IsNumber(jn) && sb_strmap_get(&oids, jo->valuestring, &oi))
      unf_posted[oi] += (int64_t)jn->valuedouble;
  }

  for (uint32_t oi = 0; oi < d->nopps; oi++) {
    const as_opp *op = &d->opps[oi];
    SB_TRY(as_plan(&st, oi, NULL, NULL));
    uint32_t nev = 0;
    for (uint32_t j = from[oi]; j < from[oi + 1]; j++) {
      uint32_t k = by_opp[j];
      uint32_t e = ps[k].emp;
      const char *id = p->emps[e].id;
      if (seen[e] == oi + 1) {
        sb_departure(o, "DUPLICATE", id, "SPEC.5", "%s: selected twice", op->id);
        continue;
      }
      seen[e] = oi + 1;
      const char *rule;
      const char *bad = pick_problem(&st, oi, e, ps[k].reason, &rule);
      if (bad) {
        sb_departure(o, bad, id, rule, "%s: selected as %s", op->id,
                     as_reason_names[ps[k].reason]);
      } else {
        bool expected = false;
        for (uint32_t i = 0; i < st.plan.n; i++)
          if (st.plan.v[i].pick && st.plan.v[i].emp == e)
            expected = st.plan.v[i].reason == ps[k].reason;
        if (!expected) {
          const char *code = "PRIORITY";
          if (ps[k].reason == R_MANDATED) {
            code = "MANDATE_ORDER";
            for (uint32_t i = 0; i < st.plan.n; i++)
              if (st.plan.v[i].pick && st.plan.v[i].reason != R_MANDATED)
                code = "MANDATE_WITH_VOLUNTEERS";
          }
          sb_departure(o, code, id, as_rule(d, op, ps[k].reason),
                       "%s: %s selection out of the rules' order", op->id,
                       as_reason_names[ps[k].reason]);
        }
      }
      ev[nev++] = (as_event){e, (uint8_t)ps[k].reason, true};
    }
    if ((int64_t)nev > op->slots)
      sb_departure(o, "OVER_SLOTS", NULL, "SPEC.5", "%s: %u selections for %lld slot(s)",
                   op->id, nev, (long long)op->slots);
    /* whoever the rules select and the posting left out while a slot was
     * open or taken out of order */
    for (uint32_t i = 0; i < st.plan.n; i++) {
      const as_event *x = &st.plan.v[i];
      if (!x->pick) continue;
      bool there = false;
      for (uint32_t k = 0; k < nev; k++) there |= ev[k].emp == x->emp;
      if (!there)
        sb_departure(o, "PASSED_OVER", p->emps[x->emp].id, as_rule(d, op, x->reason),
                     "%s: the rules select this employee (%s)", op->id,
                     as_reason_names[x->reason]);
    }
    uint32_t before = st.nunf;
    SB_TRY(as_apply(&st, oi, ev, nev));
    /* the posted unfilled count */
    int64_t want = st.nunf > before ? st.unf_slots[before] : 0, got = unf_posted[oi];
    if (got != want && want >= 0)
      sb_departure(o, "UNFILLED", NULL, "SPEC.5", "%s: %lld slot(s) left open, %lld reported",
                   op->id, (long long)want, (long long)got);
  }

  /* the posted ledger must be the one these selections produce */
  const cJSON *led = cJSON_GetObjectItemCaseSensitive(result, "ledger");
  if (led) {
    sb_buf b;
    sb_buf_init(&b, &p->alloc);
    sb_jw w;
    sb_jw_init(&w, &b, 0, true);
    sb_jw_obj(&w);
    int rc = as_write_results(&st, &w);
    sb_jw_obj_end(&w);
    if (rc == 0 && sb_buf_terminate(&b) == 0 && !b.oom) {
      cJSON *mine = cJSON_Parse(b.data);
      cJSON *theirs = cJSON_Duplicate(led, true);
      cJSON *ml = mine ? cJSON_GetObjectItemCaseSensitive(mine, "ledger") : NULL;
      if (!ml || !theirs || !canon(ml) || !canon(theirs)) rc = SENBID_E_NOMEM;
      const char *parts[] = {"history", "served_cycle", "mandate_cycle", "overtime_hours",
                             "exemptions", "training_last"};
      for (size_t i = 0; rc == 0 && i < sizeof parts / sizeof *parts; i++) {
        const cJSON *a = cJSON_GetObjectItemCaseSensitive(ml, parts[i]);
        const cJSON *c = cJSON_GetObjectItemCaseSensitive(theirs, parts[i]);
        if (!cJSON_Compare(a, c, true))
          sb_departure(o, "LEDGER", NULL, "SPEC.5",
                       "ledger.%s is not what the posted selections produce", parts[i]);
      }
      cJSON_Delete(mine);
      cJSON_Delete(theirs);
    } else {
      rc = SENBID_E_NOMEM;
    }
    sb_buf_free(&b);
    if (rc < 0) return rc;
  }
  return SENBID_OK;
}
