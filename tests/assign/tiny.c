/* Tiny generated assignment problems (tiny.h). */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "tiny.h"

static uint64_t rs;
static int rnd(int n) {
  rs = rs * 6364136223846793005ull + 1442695040888963407ull;
  return (int)((rs >> 33) % (uint64_t)n);
}

static const char *const ice_names[] = {NULL, "I", "II_SHORT", "III", "SPECIAL"};

void tiny_gen(binst *I, uint64_t seed, bool ice, bool big) {
  memset(I, 0, sizeof *I);
  rs = seed * 0x9e3779b97f4a7c15ull + 7;
  int base = sb_date_from_ymd(2027, 3, 1);
  I->ice = ice;
  I->n = big ? 8 + rnd(8) : 4 + rnd(4);
  I->m = big ? 5 + rnd(6) : 2 + rnd(3);
  for (int e = 0; e < I->n; e++) {
    if (rnd(3)) I->emt |= 1u << e;
    if (ice && rnd(5) == 0) I->board |= 1u << e;
    if (rnd(6) == 0) I->mcycle |= 1u << e;
    I->ex_until[e] = rnd(6) == 0 ? base + rnd(40) : INT_MIN;
    I->nhist[e] = rnd(3) ? rnd(3) : 0;
    for (int h = 0; h < I->nhist[e]; h++) {
      int len = rnd(2) ? 1 + rnd(10) : 30 + rnd(400); /* short or long waits */
      int end = base - 40 + rnd(50);
      I->hist[e][h] = (rng){end - len + 1, end};
    }
  }
  for (int k = 0; k < I->m; k++) {
    bopp *o = &I->o[k];
    int c = rnd(8);
    o->cat = c < 6 ? DETAIL : c == 6 ? OVERTIME : TRAINING;
    o->slots = 1 + (rnd(4) == 0);
    int len = o->cat == DETAIL ? (rnd(2) ? 1 + rnd(4) : 5 + rnd(20)) : 1;
    o->r.start = base + rnd(big ? 90 : 45);
    o->r.end = o->r.start + len - 1;
    o->must = rnd(3) != 0;
    o->emt = rnd(4) == 0;
    o->special = rnd(5) == 0;
    o->ice = ice ? rnd(5) : 0;
    int nv = rnd(big ? 7 : 4);
    for (int v = 0; v < nv; v++) {
      int e = rnd(I->n);
      if (o->vols >> e & 1) continue;
      o->vols |= 1u << e;
      o->score[o->nv] = rnd(3);
      o->vorder[o->nv++] = e;
    }
    if (rnd(3) == 0) o->decl |= 1u << rnd(I->n);
    if (rnd(2) == 0) o->ext |= 1u << rnd(I->n);
    if (rnd(4) == 0) o->ext |= 1u << rnd(I->n);
  }
}

/* --------------------------------------------------------- the document */

static void day(char out[11], int d) { sb_date_format(d, out); }

char *tiny_render(const binst *I) {
  size_t cap = 1 << 16, len = 0;
  char *s = malloc(cap);
#define P(...) (len += (size_t)snprintf(s + len, cap - len, __VA_ARGS__))
  P("{\"senbid\":1,\"kind\":\"assignment\",\"as_of\":\"2027-02-01\","
    "\"seniority\":{\"policy\":\"nbpc-2019\"},\"rules\":\"%s\",\"employees\":[",
    I->ice ? "ice-2019" : "nbpc-2019");
  for (int e = 0; e < I->n; e++)
    P("%s{\"id\":\"E%d\",\"name\":{\"last\":\"E%d\"},\"service\":{\"series_start\":"
      "\"%d-01-01\",\"usbp_start\":\"%d-01-01\",\"cbp_start\":\"%d-01-01\",\"scd\":"
      "\"%d-01-01\"},\"quals\":[%s],\"union_board\":%s}",
      e ? "," : "", e + 1, e + 1, 2000 + e, 2000 + e, 2000 + e, 2000 + e,
      I->emt >> e & 1 ? "\"EMT\"" : "", I->board >> e & 1 ? "true" : "false");
  P("],\"opportunities\":[");
  for (int k = 0; k < I->m; k++) {
    const bopp *o = &I->o[k];
    char a[11], b[11];
    day(a, o->r.start);
    day(b, o->r.end);
    P("%s{\"id\":\"O%d\",\"type\":\"%s\",\"slots\":%d,\"start\":\"%s\",\"end\":\"%s\","
      "\"must_fill\":%s,\"required\":[%s],\"hours\":8,\"special_skills\":%s,"
      "\"weights\":{\"w\":1}",
      k ? "," : "", k, o->cat == OVERTIME ? "overtime" : o->cat == TRAINING ? "training"
                       : k & 1 ? "d1" : "d0",
      o->slots, a, b, o->must ? "true" : "false", o->emt ? "\"EMT\"" : "",
      o->special ? "true" : "false");
    if (o->ice) P(",\"ice_type\":\"%s\"", ice_names[o->ice]);
    P(",\"volunteers\":[");
    for (int v = 0; v < o->nv; v++)
      P("%s{\"employee\":\"E%d\",\"scores\":{\"w\":%d}}", v ? "," : "", o->vorder[v] + 1,
        o->score[v]);
    const char *lists[] = {"declines", "extension_volunteers"};
    for (int l = 0; l < 2; l++) {
      uint32_t set = l ? o->ext : o->decl;
      P("],\"%s\":[", lists[l]);
      for (int e = 0, f = 1; e < I->n; e++)
        if (set >> e & 1) {
          P("%s\"E%d\"", f ? "" : ",", e + 1);
          f = 0;
        }
    }
    P("]}");
  }
  P("],\"ledger\":{\"history\":[");
  for (int e = 0, f = 1; e < I->n; e++)
    for (int h = 0; h < I->nhist[e]; h++) {
      char a[11], b[11];
      day(a, I->hist[e][h].start);
      day(b, I->hist[e][h].end);
      P("%s{\"employee\":\"E%d\",\"type\":\"d0\",\"ice_type\":\"I\",\"voluntary\":%s,"
        "\"start\":\"%s\",\"end\":\"%s\"}",
        f ? "" : ",", e + 1, h ? "false" : "true", a, b);
      f = 0;
    }
  P("],\"mandate_cycle\":[");
  for (int e = 0, f = 1; e < I->n; e++)
    if (I->mcycle >> e & 1) {
      P("%s\"E%d\"", f ? "" : ",", e + 1);
      f = 0;
    }
  P("],\"exemptions\":[");
  for (int e = 0, f = 1; e < I->n; e++)
    if (I->ex_until[e] != INT_MIN) {
      char a[11];
      day(a, I->ex_until[e]);
      P("%s{\"employee\":\"E%d\",\"until\":\"%s\"}", f ? "" : ",", e + 1, a);
      f = 0;
    }
  P("]}}");
#undef P
  return s;
}

