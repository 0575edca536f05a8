/* Tiny generated assignment problems for the property tests of
 * tests/assign (tiny.c): a plain description that the tests' own brute
 * force reads, and its JSON document. */
#ifndef TINY_H
#define TINY_H

#include <stdbool.h>
#include <stdint.h>

enum { DETAIL, OVERTIME, TRAINING };

#define TINY_MAX_EMPS 16
#define TINY_MAX_OPPS 10

typedef struct rng {
  int start, end; /* day numbers */
} rng;

typedef struct bopp {
  int cat, slots, ice; /* ice: 0 none, 1 I, 2 II_SHORT, 3 III, 4 SPECIAL */
  rng r;
  bool must, emt, special;
  uint32_t vols, decl, ext; /* employee bit sets */
  int vorder[TINY_MAX_EMPS], nv; /* volunteers in list order */
  int score[TINY_MAX_EMPS];
} bopp;

typedef struct binst {
  bool ice;
  int n, m;
  uint32_t emt, board, mcycle;
  int ex_until[TINY_MAX_EMPS]; /* INT_MIN: none */
  rng hist[TINY_MAX_EMPS][2];
  int nhist[TINY_MAX_EMPS];
  bopp o[TINY_MAX_OPPS];
} binst;

/* 4-7 employees and 2-4 announcements (big: 8-15 and 5-10), in a few
 * weeks, with waiting periods long and short, extensions, declines,
 * exemptions, union board members, qualifications. */
void tiny_gen(binst *I, uint64_t seed, bool ice, bool big);
/* The document (free with free()). */
char *tiny_render(const binst *I);

#endif
