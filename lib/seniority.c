/* Seniority ranking (SPEC section 1): NBPC 2019 Appendix I A-D, ICE 2019
 * Art. 2 G.1 / Art. 17 Sec. 5.A / Art. 18 Sec. 2.E, INS 1995 Art. 14 D(2),
 * custom keys and posted lists; the tie-breaks; the reproducible lottery. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

uint64_t sb_lottery_key(uint64_t seed, const char *id) {
  return sb_splitmix64(seed ^ sb_fnv1a64(id, strlen(id)));
}

/* Letter by letter, ASCII case folded, by code point (UTF-8 byte order is
 * code point order); a prefix sorts first (SPEC section 9). */
static int fold_cmp(const char *a, const char *b) {
  const unsigned char *x = (const unsigned char *)a;
  const unsigned char *y = (const unsigned char *)b;
  for (;; x++, y++) {
    unsigned cx = *x, cy = *y;
    if (cx >= 'A' && cx <= 'Z') cx += 'a' - 'A';
    if (cy >= 'A' && cy <= 'Z') cy += 'a' - 'A';
    if (cx != cy) return cx < cy ? -1 : 1;
    if (!cx) return 0;
  }
}

int sb_name_cmp(const sb_employee *a, const sb_employee *b) {
  int c = fold_cmp(a->last, b->last);
  if (!c) c = fold_cmp(a->first, b->first);
  if (!c) c = fold_cmp(a->middle, b->middle);
  return c;
}

/* ---------------------------------------------------------------- parsing */

/* An integer written in any JSON form (SPEC section 1: "a JSON integer,
 * taken mod 2^64"), from its source text: digits D, fraction F, exponent
 * E stand for the integer DF * 10^(E - |F|), exact mod 2^64 by wrapping
 * arithmetic. False when the text is not an integer (a non-zero digit
 * would fall after the decimal point). */
static bool exact_mod64(const char *t, uint64_t *out) {
  bool neg = *t == '-';
  if (neg) t++;
  const char *digits = t, *end;
  size_t nd = 0, nfrac = 0;
  for (end = t; (*end >= '0' && *end <= '9') || *end == '.'; end++) {
    if (*end == '.') continue;
    nd++;
    if (memchr(digits, '.', (size_t)(end - digits))) nfrac++;
  }
  int64_t exp = 0;
  if (*end == 'e' || *end == 'E') {
    const char *e = end + 1;
    bool eneg = *e == '-';
    if (*e == '-' || *e == '+') e++;
    for (; *e >= '0' && *e <= '9'; e++)
      if (exp < 100000000) exp = exp * 10 + (*e - '0');
    if (eneg) exp = -exp;
  }
  int64_t shift = exp - (int64_t)nfrac; /* value = all digits * 10^shift */
  uint64_t v = 0;
  size_t seen = 0;
  for (const char *c = digits; c < end; c++) {
    if (*c == '.') continue;
    seen++;
    /* with shift < 0 the last -shift digits are below the point */
    bool below = shift < 0 && (int64_t)(nd - seen) < -shift;
    if (below) {
      if (*c != '0') return false;
      continue;
    }
    v = v * 10 + (uint64_t)(*c - '0');
  }
  /* 10^shift mod 2^64: 10^64 and beyond is 0 (2^64 divides it) */
  for (int64_t k = 0; k < shift && v; k++) v *= 10;
  *out = neg ? (uint64_t)0 - v : v; /* wraps: mod 2^64 */
  return true;
}

/* $.seniority.seed, from the parsed tree: an integer below 2^53 is the
 * double itself; a longer one, or one with a fraction or exponent, is
 * read exactly from the source text the parser keeps for it. */
static int parse_seed(sb_jr *r, const cJSON *sen, uint64_t *seed) {
  const cJSON *v = NULL;
  *seed = 0;
  SB_TRY(sb_jr_member(r, sen, "seed", false, &v));
  if (!v) return SENBID_OK;
  if (!cJSON_IsNumber(v) || v->valuedouble != floor(v->valuedouble))
    return sb_jr_fail(r, SENBID_E_TYPE, "seed", "the seed must be an integer");
  if (v->valuestring) {
    if (!exact_mod64(v->valuestring, seed))
      return sb_jr_fail(r, SENBID_E_TYPE, "seed",
                        "the seed must be an integer (%s is not one)",
                        SB_Q(v->valuestring));
    return SENBID_OK;
  }
  if (fabs(v->valuedouble) >= 9007199254740992.0) /* 2^53 */
    return sb_jr_fail(r, SENBID_E_TYPE, "seed",
                      "the seed is not known exactly; write it as an "
                      "integer");
  int64_t i = (int64_t)v->valuedouble;
  *seed = (uint64_t)i; /* a negative seed wraps: mod 2^64 */
  return SENBID_OK;
}

static int svc_by_name(const char *name) {
  for (int k = 0; k < SB_SVC_COUNT; k++)
    if (strcmp(name, sb_svc_short[k]) == 0 || strcmp(name, sb_svc_member[k]) == 0)
      return k;
  return -1;
}

static int parse_tie(sb_jr *r, const cJSON *sen, sb_tiebreak *tie) {
  const char *t = NULL;
  SB_TRY(sb_jr_string(r, sen, "tie", false, &t));
  if (!t) return SENBID_OK;
  if (strcmp(t, "alphabetical") == 0) *tie = SB_TIE_ALPHABETICAL;
  else if (strcmp(t, "lottery") == 0) *tie = SB_TIE_LOTTERY;
  else if (strcmp(t, "id") == 0) *tie = SB_TIE_ID;
  else
    return sb_jr_fail(r, SENBID_E_VALUE, "tie",
                      "unknown tie-break %s (alphabetical, lottery, id)",
                      SB_Q(t));
  return SENBID_OK;
}

static int parse_custom_keys(sb_jr *r, senbid_problem *p, const cJSON *sen) {
  sb_seniority *s = &p->sen;
  const cJSON *keys = NULL;
  SB_TRY(sb_jr_array(r, sen, "keys", true, &keys));
  int n = sb_json_count(keys);
  if (n > 64) return sb_jr_fail(r, SENBID_E_LIMIT, "keys", "at most 64 keys");
  s->keys = sb_arena_array(&p->arena, (size_t)n, sizeof *s->keys);
  if (n && !s->keys) return sb_err_nomem(r->err);
  sb_path_key(&r->path, "keys");
  SB_JR_EACH(r, keys, i, k) {
    SB_TRY(sb_jr_v_object(r, k));
    for (const cJSON *m = k->child; m; m = m->next)
      if (strcmp(m->string, "key") != 0 && strcmp(m->string, "order") != 0)
        return sb_jr_fail(r, SENBID_E_UNKNOWN_MEMBER, m->string,
                          "unknown member %s in a seniority key",
                          SB_Q(m->string));
    sb_sen_key *key = &s->keys[i];
    const char *name = NULL, *order = NULL;
    SB_TRY(sb_jr_string(r, k, "key", true, &name));
    key->label = name;
    if (strncmp(name, "attributes.", 11) == 0 && name[11]) {
      key->svc = -1;
      key->attr = name + 11;
    } else {
      key->svc = svc_by_name(name);
      if (key->svc < 0)
        return sb_jr_fail(r, SENBID_E_VALUE, "key",
                          "unknown seniority key %s", SB_Q(name));
    }
    SB_TRY(sb_jr_string(r, k, "order", false, &order));
    if (order) {
      if (strcmp(order, "less_first") == 0) key->less_first = true;
      else if (strcmp(order, "more_first") != 0)
        return sb_jr_fail(r, SENBID_E_VALUE, "order",
                          "unknown order %s (more_first, less_first)",
                          SB_Q(order));
    }
    s->nkeys++;
  }
  sb_path_pop(&r->path);
  return SENBID_OK;
}

static int parse_list(sb_jr *r, senbid_problem *p, const cJSON *sen) {
  const cJSON *order = NULL;
  SB_TRY(sb_jr_array(r, sen, "order", true, &order));
  uint32_t n = p->nemps;
  p->sen.order = sb_arena_array(&p->arena, n, sizeof *p->sen.order);
  uint8_t *seen = sb_arena_array(&p->arena, n, 1);
  if (n && (!p->sen.order || !seen)) return sb_err_nomem(r->err);
  uint32_t count = 0;
  sb_path_key(&r->path, "order");
  SB_JR_EACH(r, order, i, v) {
    uint32_t e;
    SB_TRY(sb_jr_v_employee(r, p, v, &e));
    if (seen[e])
      return sb_jr_fail(r, SENBID_E_DUPLICATE, NULL,
                        "%s is listed twice", SB_Q(p->emps[e].id));
    seen[e] = 1;
    p->sen.order[count++] = e;
  }
  if (count != n) {
    for (uint32_t e = 0; e < n; e++)
      if (!seen[e])
        return sb_jr_fail(r, SENBID_E_MISSING, NULL,
                          "the posted list leaves out employee %s",
                          SB_Q(p->emps[e].id));
  }
  sb_path_pop(&r->path);
  return SENBID_OK;
}

/* An error about member `sub.key` of employee e (outside the seniority
 * object the reader is in, so the path is built here). */
static int emp_fail(sb_jr *r, int code, uint32_t e, const char *sub,
                    const char *key, const char *msg) {
  sb_path saved = r->path;
  sb_path_init(&r->path);
  sb_path_key(&r->path, "employees");
  sb_path_index(&r->path, e);
  sb_path_key(&r->path, sub);
  int rc = sb_jr_fail(r, code, key, "%s", msg);
  r->path = saved;
  return rc;
}

static const char *const allowed_members[] = {
    "policy", "seed", "keys", "tie", "order", "mixed_occupations"};

int sb_seniority_parse(senbid_problem *p, sb_jr *r, const cJSON *sen,
                       const sb_emps *emp_json) {
  sb_seniority *s = &p->sen;
  for (const cJSON *m = sen->child; m; m = m->next) {
    bool ok = false;
    for (size_t i = 0; i < sizeof allowed_members / sizeof *allowed_members; i++)
      ok = ok || strcmp(m->string, allowed_members[i]) == 0;
    if (!ok)
      return sb_jr_fail(r, SENBID_E_UNKNOWN_MEMBER, m->string,
                        "unknown member %s in seniority", SB_Q(m->string));
  }
  const char *policy = NULL;
  SB_TRY(sb_jr_string(r, sen, "policy", true, &policy));
  SB_TRY(parse_seed(r, sen, &s->seed));
  bool mixed = false;
  SB_TRY(sb_jr_bool(r, sen, "mixed_occupations", false, &mixed, NULL));
  if (mixed && strcmp(policy, "nbpc-2019") != 0)
    return sb_jr_fail(r, SENBID_E_VALUE, "mixed_occupations",
                      "mixed_occupations applies to the nbpc-2019 policy "
                      "only (NBPC 2019 Appendix I.B)");

  static sb_sen_key nbpc_keys[3] = {{"series", SB_SVC_SERIES, NULL, false, false},
                                    {"usbp", SB_SVC_USBP, NULL, false, false},
                                    {"cbp", SB_SVC_CBP, NULL, false, false}};
  static sb_sen_key ice_keys[1] = {{"scd", SB_SVC_SCD, NULL, false, true}};
  static sb_sen_key ins_keys[1] = {{"eod", SB_SVC_EOD, NULL, false, false}};

  if (strcmp(policy, "nbpc-2019") == 0) {
    s->policy = SB_POLICY_NBPC_2019;
    s->tie = SB_TIE_ALPHABETICAL; /* NBPC 2019 Appendix I D */
    /* Appendix I.B: occupations competing for the same item begin at
     * I.D (usbp, cbp); series time is neither used nor required. */
    s->keys = mixed ? nbpc_keys + 1 : nbpc_keys;
    s->nkeys = mixed ? 2 : 3;
  } else if (strcmp(policy, "ice-2019") == 0) {
    s->policy = SB_POLICY_ICE_2019;
    s->tie = SB_TIE_LOTTERY; /* ICE 2019 Art. 18 Sec. 2.E: coin toss */
    s->keys = ice_keys;
    s->nkeys = 1;
  } else if (strcmp(policy, "ins-1995") == 0) {
    s->policy = SB_POLICY_INS_1995;
    s->tie = SB_TIE_LOTTERY; /* INS 1995 Art. 14 D(2) */
    s->keys = ins_keys;
    s->nkeys = 1;
  } else if (strcmp(policy, "custom") == 0) {
    s->policy = SB_POLICY_CUSTOM;
    s->tie = SB_TIE_ID;
    SB_TRY(parse_tie(r, sen, &s->tie));
    SB_TRY(parse_custom_keys(r, p, sen));
  } else if (strcmp(policy, "list") == 0) {
    s->policy = SB_POLICY_LIST;
    s->tie = SB_TIE_NONE;
    return parse_list(r, p, sen);
  } else {
    return sb_jr_fail(r, SENBID_E_VALUE, "policy",
                      "unknown policy %s (nbpc-2019, ice-2019, ins-1995, "
                      "custom, list)",
                      SB_Q(policy));
  }

  /* Key values: days of service to as_of plus credits, or attributes. */
  uint32_t n = p->nemps, nk = s->nkeys;
  s->values = sb_arena_array(&p->arena, (size_t)n * (nk ? nk : 1), sizeof(double));
  if (n && !s->values) return sb_err_nomem(r->err);
  for (uint32_t e = 0; e < n; e++) {
    const sb_employee *emp = &p->emps[e];
    for (uint32_t k = 0; k < nk; k++) {
      const sb_sen_key *key = &s->keys[k];
      double *val = &s->values[(size_t)e * nk + k];
      if (key->svc < 0) {
        const cJSON *attrs = sb_json_get(sb_emp_json(emp_json, e), "attributes");
        const cJSON *a = attrs ? sb_json_get(attrs, key->attr) : NULL;
        if (!a || !cJSON_IsNumber(a))
          return emp_fail(r, !a ? SENBID_E_MISSING : SENBID_E_TYPE, e,
                          "attributes", key->attr,
                          !a ? "the custom policy needs this attribute"
                             : "the attribute must be a number");
        *val = a->valuedouble;
        continue;
      }
      int svc = key->svc;
      /* ICE 2019 Art. 2 G.1: attorney time for attorneys, otherwise SCD,
       * compared as plain day counts. */
      if (key->ice_mixed && emp->attorney) svc = SB_SVC_ATTORNEY;
      if (!(emp->svc_present & (1u << svc)))
        return emp_fail(r, SENBID_E_MISSING, e, "service", sb_svc_member[svc],
                        "the seniority policy needs this date");
      /* Inclusive of the start day, exclusive of as_of (SPEC section 1). */
      *val = (double)((int64_t)p->as_of - emp->svc[svc] + emp->credit[svc]);
    }
  }
  return SENBID_OK;
}

/* ---------------------------------------------------------------- ranking */

typedef struct rank_ctx {
  const senbid_problem *p;
  const uint64_t *lottery;
} rank_ctx;

/* Compares the policy keys only: <0 when a is more senior. */
static int keys_cmp(const senbid_problem *p, uint32_t a, uint32_t b) {
  const sb_seniority *s = &p->sen;
  const double *va = &s->values[(size_t)a * s->nkeys];
  const double *vb = &s->values[(size_t)b * s->nkeys];
  for (uint32_t k = 0; k < s->nkeys; k++) {
    if (va[k] == vb[k]) continue;
    bool a_first = s->keys[k].less_first ? va[k] < vb[k] : va[k] > vb[k];
    return a_first ? -1 : 1;
  }
  return 0;
}

static int full_cmp(const rank_ctx *c, uint32_t a, uint32_t b) {
  const senbid_problem *p = c->p;
  int r = keys_cmp(p, a, b);
  if (r) return r;
  switch (p->sen.tie) {
    case SB_TIE_ALPHABETICAL:
      r = sb_name_cmp(&p->emps[a], &p->emps[b]);
      break;
    case SB_TIE_LOTTERY:
      if (c->lottery[a] != c->lottery[b])
        r = c->lottery[a] < c->lottery[b] ? -1 : 1;
      break;
    default:
      break;
  }
  if (r) return r;
  r = strcmp(p->emps[a].id, p->emps[b].id); /* bytewise: unsigned chars */
  return r;
}

/* A stable merge sort with a context (qsort has none in C17). */
static void merge_sort(uint32_t *v, uint32_t *tmp, size_t n, const rank_ctx *c) {
  if (n < 2) return;
  if (n <= 16) {
    for (size_t i = 1; i < n; i++) {
      uint32_t x = v[i];
      size_t j = i;
      while (j > 0 && full_cmp(c, v[j - 1], x) > 0) {
        v[j] = v[j - 1];
        j--;
      }
      v[j] = x;
    }
    return;
  }
  size_t h = n / 2;
  merge_sort(v, tmp, h, c);
  merge_sort(v + h, tmp, n - h, c);
  if (full_cmp(c, v[h - 1], v[h]) <= 0) return;
  size_t i = 0, j = h, k = 0;
  while (i < h && j < n) tmp[k++] = full_cmp(c, v[j], v[i]) < 0 ? v[j++] : v[i++];
  while (i < h) tmp[k++] = v[i++];
  while (j < n) tmp[k++] = v[j++];
  memcpy(v, tmp, n * sizeof *v);
}

/* The fast path: every key and the tie-break's first 8 bytes as unsigned
 * integers that sort ascending from most to least senior, so nearly every
 * comparison is a few integer compares on one record. */
#define FAST_KEYS 3
typedef struct rank_rec {
  uint64_t k[FAST_KEYS];
  uint64_t t[2]; /* lottery key, or the first 16 bytes of the name or id */
  uint32_t idx;
} rank_rec;

/* An order-preserving map of a double to uint64 (ascending). */
static uint64_t ord_double(double v) {
  if (v == 0) v = 0.0; /* -0 ties with 0, as keys_cmp says */
  uint64_t u;
  memcpy(&u, &v, sizeof u);
  return (u >> 63) ? ~u : u | 0x8000000000000000ULL;
}

/* The first 16 bytes of last, 0, first, 0, middle (folded or not) as two
 * big-endian words, so integer order is byte order; shorter strings pad
 * with 0, which sorts first, as a prefix must (SPEC section 9). */
static void prefix16(const char *parts[3], bool fold, uint64_t out[2]) {
  out[0] = out[1] = 0;
  int n = 0;
  for (int part = 0; part < 3 && parts[part] && n < 16; part++) {
    if (part > 0) n++; /* the 0 separator */
    for (const unsigned char *c = (const unsigned char *)parts[part]; *c && n < 16;
         c++, n++) {
      unsigned x = *c;
      if (fold && x >= 'A' && x <= 'Z') x += 'a' - 'A';
      out[n / 8] |= (uint64_t)x << (8 * (7 - n % 8));
    }
  }
}

static int rec_cmp(const senbid_problem *p, const rank_rec *a, const rank_rec *b) {
  for (int k = 0; k < FAST_KEYS; k++)
    if (a->k[k] != b->k[k]) return a->k[k] < b->k[k] ? -1 : 1;
  if (a->t[0] != b->t[0]) return a->t[0] < b->t[0] ? -1 : 1;
  if (a->t[1] != b->t[1]) return a->t[1] < b->t[1] ? -1 : 1;
  int r = 0;
  if (p->sen.tie == SB_TIE_ALPHABETICAL)
    r = sb_name_cmp(&p->emps[a->idx], &p->emps[b->idx]);
  if (!r) r = strcmp(p->emps[a->idx].id, p->emps[b->idx].id);
  return r;
}

static void rec_sort(rank_rec *v, rank_rec *tmp, size_t n, const senbid_problem *p) {
  if (n < 2) return;
  if (n <= 16) {
    for (size_t i = 1; i < n; i++) {
      rank_rec x = v[i];
      size_t j = i;
      while (j > 0 && rec_cmp(p, &v[j - 1], &x) > 0) {
        v[j] = v[j - 1];
        j--;
      }
      v[j] = x;
    }
    return;
  }
  size_t h = n / 2;
  rec_sort(v, tmp, h, p);
  rec_sort(v + h, tmp, n - h, p);
  if (rec_cmp(p, &v[h - 1], &v[h]) <= 0) return;
  size_t i = 0, j = h, k = 0;
  while (i < h && j < n) tmp[k++] = rec_cmp(p, &v[j], &v[i]) < 0 ? v[j++] : v[i++];
  while (i < h) tmp[k++] = v[i++];
  while (j < n) tmp[k++] = v[j++];
  memcpy(v, tmp, n * sizeof *v);
}

static int rank_fast(senbid_problem *p, sb_err *err) {
  sb_seniority *s = &p->sen;
  uint32_t n = p->nemps;
  rank_rec *v = sb_mem_calloc(&p->alloc, n ? n : 1, sizeof *v);
  rank_rec *tmp = sb_mem_calloc(&p->alloc, n ? n : 1, sizeof *tmp);
  if (!v || !tmp) {
    sb_mem_free(&p->alloc, v);
    sb_mem_free(&p->alloc, tmp);
    return sb_err_nomem(err);
  }
  for (uint32_t e = 0; e < n; e++) {
    const sb_employee *emp = &p->emps[e];
    rank_rec *r = &v[e];
    r->idx = e;
    for (uint32_t k = 0; k < s->nkeys; k++) {
      uint64_t u = ord_double(s->values[(size_t)e * s->nkeys + k]);
      r->k[k] = s->keys[k].less_first ? u : ~u;
    }
    if (s->tie == SB_TIE_LOTTERY) {
      r->t[0] = sb_lottery_key(s->seed, emp->id);
    } else if (s->tie == SB_TIE_ALPHABETICAL) {
      const char *parts[3] = {emp->last, emp->first, emp->middle};
      prefix16(parts, true, r->t);
    } else {
      const char *parts[3] = {emp->id, NULL, NULL};
      prefix16(parts, false, r->t);
    }
  }
  rec_sort(v, tmp, n, p);
  for (uint32_t i = 0; i < n; i++) s->order[i] = v[i].idx;
  sb_mem_free(&p->alloc, v);
  sb_mem_free(&p->alloc, tmp);
  return SENBID_OK;
}

/* The general path, for custom policies with more than FAST_KEYS keys. */
static int rank_general(senbid_problem *p, sb_err *err) {
  sb_seniority *s = &p->sen;
  uint32_t n = p->nemps;
  uint32_t *tmp = sb_mem_calloc(&p->alloc, n ? n : 1, sizeof *tmp);
  uint64_t *lot = NULL;
  if (s->tie == SB_TIE_LOTTERY) lot = sb_mem_calloc(&p->alloc, n ? n : 1, sizeof *lot);
  if (!tmp || (s->tie == SB_TIE_LOTTERY && !lot)) {
    sb_mem_free(&p->alloc, tmp);
    sb_mem_free(&p->alloc, lot);
    return sb_err_nomem(err);
  }
  for (uint32_t e = 0; e < n; e++) {
    s->order[e] = e;
    if (lot) lot[e] = sb_lottery_key(s->seed, p->emps[e].id);
  }
  rank_ctx c = {p, lot};
  merge_sort(s->order, tmp, n, &c);
  sb_mem_free(&p->alloc, tmp);
  sb_mem_free(&p->alloc, lot);
  return SENBID_OK;
}

int sb_seniority_rank(senbid_problem *p, sb_err *err) {
  sb_seniority *s = &p->sen;
  uint32_t n = p->nemps;
  if (s->policy != SB_POLICY_LIST) {
    s->order = sb_arena_array(&p->arena, n, sizeof *s->order);
    if (n && !s->order) return sb_err_nomem(err);
    SB_TRY(s->nkeys <= FAST_KEYS ? rank_fast(p, err) : rank_general(p, err));

    /* Tie groups: runs whose policy keys are all equal (SPEC section 9). */
    uint32_t groups = 0;
    for (uint32_t i = 0; i + 1 < n;) {
      uint32_t j = i + 1;
      while (j < n && keys_cmp(p, s->order[i], s->order[j]) == 0) j++;
      if (j - i > 1) groups++;
      i = j;
    }
    s->nties = 0;
    s->ties = sb_arena_array(&p->arena, groups, sizeof *s->ties);
    if (groups && !s->ties) return sb_err_nomem(err);
    for (uint32_t i = 0; i + 1 < n;) {
      uint32_t j = i + 1;
      while (j < n && keys_cmp(p, s->order[i], s->order[j]) == 0) j++;
      if (j - i > 1) s->ties[s->nties++] = (sb_tie_group){i, j - i};
      i = j;
    }
  }
  for (uint32_t i = 0; i < n; i++) p->emps[s->order[i]].rank = i;
  return SENBID_OK;
}

static const char *tie_name(sb_tiebreak t) {
  switch (t) {
    case SB_TIE_ALPHABETICAL: return "alphabetical";
    case SB_TIE_LOTTERY: return "lottery";
    case SB_TIE_ID: return "id";
    default: return "none";
  }
}

void sb_write_seniority(sb_jw *w, const senbid_problem *p) {
  const sb_seniority *s = &p->sen;
  SB_JW_KEY(w, "seniority");
  sb_jw_arr(w);
  for (uint32_t i = 0; i < p->nemps; i++) {
    /* The employees are in document order: fetch ahead. */
    if (i + 16 < p->nemps) SB_PREFETCH(&p->emps[s->order[i + 16]]);
    sb_jw_str(w, p->emps[s->order[i]].id);
  }
  sb_jw_arr_end(w);
  SB_JW_KEY(w, "ties");
  sb_jw_arr(w);
  for (uint32_t t = 0; t < s->nties; t++) {
    sb_jw_obj(w);
    SB_JW_KEY(w, "employees");
    sb_jw_arr(w);
    for (uint32_t i = 0; i < s->ties[t].count; i++)
      sb_jw_str(w, p->emps[s->order[s->ties[t].first + i]].id);
    sb_jw_arr_end(w);
    SB_JW_KEY(w, "broken_by");
    sb_jw_str(w, tie_name(s->tie));
    if (s->tie == SB_TIE_LOTTERY) {
      SB_JW_KEY(w, "seed");
      sb_jw_uint(w, s->seed);
    }
    sb_jw_obj_end(w);
  }
  sb_jw_arr_end(w);
}
