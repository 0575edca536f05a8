/* The exact feasibility test of lexicographic shift bids (SPEC 3 and 9,
 * "Lexicographic / Shift bid"): a min-cost circulation with lower bounds.
 *
 * Nodes: one per grade class (supplying its headcount), one per shift, one
 * per shift grade limit, a sink and a source. A unit of class c reaches the
 * sink through c -> limit(s, c) -> s -> sink, or c -> s -> sink when s does
 * not limit c, or c -> sink (unplaced). Into a shift and into the sink the
 * first `min` units cost -1 and the rest up to `max` cost 0, so minus the
 * cost of a flow is the "minimums met" of SPEC 9. Decided employees are lower
 * bounds on their class -> shift (or unplaced) arcs.
 *
 * Every undecided employee can take any shift, so employees of one class
 * are interchangeable and the network is small (classes x shifts arcs). An
 * optimal flow F is kept as the witness of a completion. Deciding one more
 * employee of class c on shift s raises the lower bound of arc a = (c, s):
 * if F already carries more than the bound on a, F still is a completion;
 * otherwise the best flow with one more unit on a is F plus a cheapest
 * residual cycle through a (the cycle-optimality condition of min-cost
 * flow), found with one shortest-path search from head(a) back to c. The
 * decision keeps the optimum exactly when that cycle costs 0. */
#include <string.h>

#include "shiftbid.h"

struct sbs_flow {
  sbs_state *st;
  uint32_t C, S, nn, na;
  uint32_t sink, src;
  uint32_t *from, *to;
  int64_t *cap, *flow, *low;
  int32_t *cost;
  uint32_t *adj_start, *adj; /* half-arcs 2a (forward), 2a+1 (backward) */
  uint32_t *arc_cs;          /* C * S */
  uint32_t *arc_un;          /* C */
  uint32_t *arc_src;         /* C */
  int64_t *dist;
  uint32_t *pred;
  uint8_t *inq;
  uint32_t *queue;
};

static uint32_t add_arc(sbs_flow *f, uint32_t u, uint32_t v, int64_t cap,
                        int32_t cost) {
  uint32_t a = f->na++;
  f->from[a] = u;
  f->to[a] = v;
  f->cap[a] = cap;
  f->cost[a] = cost;
  return a;
}

static int64_t res(const sbs_flow *f, uint32_t h) {
  uint32_t a = h >> 1;
  return (h & 1) ? f->flow[a] - f->low[a] : f->cap[a] - f->flow[a];
}
static uint32_t head(const sbs_flow *f, uint32_t h) {
  return (h & 1) ? f->from[h >> 1] : f->to[h >> 1];
}
static int32_t hcost(const sbs_flow *f, uint32_t h) {
  return (h & 1) ? -f->cost[h >> 1] : f->cost[h >> 1];
}
static void push(sbs_flow *f, uint32_t h, int64_t x) {
  if (h & 1)
    f->flow[h >> 1] -= x;
  else
    f->flow[h >> 1] += x;
}

/* Cheapest path by residual arcs from u to t (SPFA: the residual graph of
 * an optimal flow has no negative cycle). With stop_at_zero, ends as soon
 * as t is reached at cost 0, which no path can beat in the fix test. */
static bool shortest(sbs_flow *f, uint32_t u, uint32_t t, bool stop_at_zero,
                     int64_t *d_out) {
  const int64_t INF = INT64_MAX / 4;
  for (uint32_t v = 0; v < f->nn; v++) {
    f->dist[v] = INF;
    f->inq[v] = 0;
  }
  uint32_t qh = 0, qn = 0, qcap = f->nn + 1;
  f->dist[u] = 0;
  f->queue[0] = u;
  qn = 1;
  f->inq[u] = 1;
  while (qn) {
    uint32_t v = f->queue[qh];
    qh = (qh + 1) % qcap;
    qn--;
    f->inq[v] = 0;
    int64_t dv = f->dist[v];
    for (uint32_t i = f->adj_start[v]; i < f->adj_start[v + 1]; i++) {
      uint32_t h = f->adj[i];
      if (res(f, h) <= 0) continue;
      uint32_t w = head(f, h);
      int64_t nd = dv + hcost(f, h);
      if (nd < f->dist[w]) {
        f->dist[w] = nd;
        f->pred[w] = h;
        if (stop_at_zero && w == t && nd <= 0) {
          *d_out = nd;
          return true;
        }
        if (!f->inq[w]) {
          f->inq[w] = 1;
          f->queue[(qh + qn) % qcap] = w;
          qn++;
        }
      }
    }
  }
  *d_out = f->dist[t];
  return f->dist[t] < INF;
}

/* Pushes x along the pred path from u to t; returns the path bottleneck
 * when x <= 0 is given (nothing pushed then). */
static int64_t path_push(sbs_flow *f, uint32_t u, uint32_t t, int64_t x) {
  if (x <= 0) {
    int64_t b = INT64_MAX;
    for (uint32_t v = t; v != u;) {
      uint32_t h = f->pred[v];
      if (res(f, h) < b) b = res(f, h);
      v = head(f, h ^ 1);
    }
    return b;
  }
  for (uint32_t v = t; v != u;) {
    uint32_t h = f->pred[v];
    push(f, h, x);
    v = head(f, h ^ 1);
  }
  return x;
}

sbs_flow *sbs_flow_new(sbs_state *st) {
  sb_arena *ar = &st->ctx->scratch;
  const sbs_data *d = st->d;
  sbs_flow *f = sb_arena_alloc(ar, sizeof *f);
  if (!f) return NULL;
  f->st = st;
  f->C = d->ncls;
  f->S = st->S;
  uint32_t L = 0;
  for (uint32_t s = 0; s < f->S; s++) L += d->shifts[s].ngl;
  uint32_t *loff = sb_arena_array(ar, f->S + 1, sizeof(uint32_t));
  if (!loff) return NULL;
  for (uint32_t s = 0, o = 0; s < f->S; s++) {
    loff[s] = o;
    o += d->shifts[s].ngl;
  }
  /* nodes: classes, shifts, limits, sink, source */
  f->nn = f->C + f->S + L + 2;
  f->sink = f->nn - 2;
  f->src = f->nn - 1;
  size_t maxa = (size_t)f->C * f->S + 2 * (size_t)L + 2 * (size_t)f->S +
                2 * (size_t)f->C + 1;
  f->from = sb_arena_array(ar, maxa, sizeof(uint32_t));
  f->to = sb_arena_array(ar, maxa, sizeof(uint32_t));
  f->cap = sb_arena_array(ar, maxa, sizeof(int64_t));
  f->flow = sb_arena_array(ar, maxa, sizeof(int64_t));
  f->low = sb_arena_array(ar, maxa, sizeof(int64_t));
  f->cost = sb_arena_array(ar, maxa, sizeof(int32_t));
  f->arc_cs = sb_arena_array(ar, (size_t)f->C * f->S + 1, sizeof(uint32_t));
  f->arc_un = sb_arena_array(ar, f->C + 1, sizeof(uint32_t));
  f->arc_src = sb_arena_array(ar, f->C + 1, sizeof(uint32_t));
  f->dist = sb_arena_array(ar, f->nn, sizeof(int64_t));
  f->pred = sb_arena_array(ar, f->nn, sizeof(uint32_t));
  f->inq = sb_arena_array(ar, f->nn, 1);
  f->queue = sb_arena_array(ar, f->nn + 1, sizeof(uint32_t));
  f->adj_start = sb_arena_array(ar, f->nn + 1, sizeof(uint32_t));
  f->adj = sb_arena_array(ar, 2 * maxa, sizeof(uint32_t));
  if (!f->from || !f->to || !f->cap || !f->flow || !f->low || !f->cost ||
      !f->arc_cs || !f->arc_un || !f->arc_src || !f->dist || !f->pred ||
      !f->inq || !f->queue || !f->adj_start || !f->adj)
    return NULL;
  /* Shift -> sink and limit -> shift: the value arc (cost -1) is added
   * before its free twin, so that scans meet it first. */
  for (uint32_t s = 0; s < f->S; s++) {
    const sbs_shift *sh = &d->shifts[s];
    uint32_t sn = f->C + s;
    int64_t mx = st->t.max[s], v = sh->min < mx ? sh->min : mx;
    add_arc(f, sn, f->sink, v, -1);
    add_arc(f, sn, f->sink, mx - v, 0);
    for (uint32_t k = 0; k < sh->ngl; k++) {
      uint32_t ln = f->C + f->S + loff[s] + k;
      int64_t gm = st->t.gmax[s][k], gv = sh->gl[k].min < gm ? sh->gl[k].min : gm;
      add_arc(f, ln, sn, gv, -1);
      add_arc(f, ln, sn, gm >= SBS_INF ? SBS_INF : gm - gv, 0);
    }
  }
  for (uint32_t c = 0; c < f->C; c++) {
    for (uint32_t s = 0; s < f->S; s++) {
      int32_t k = d->lim[(size_t)c * f->S + s];
      if (k >= 0)
        f->arc_cs[(size_t)c * f->S + s] = add_arc(
            f, c, f->C + f->S + loff[s] + (uint32_t)k, st->t.gmax[s][k], 0);
      else
        f->arc_cs[(size_t)c * f->S + s] = add_arc(f, c, f->C + s, SBS_INF, 0);
    }
    f->arc_un[c] = add_arc(f, c, f->sink, SBS_INF, 0);
    f->arc_src[c] = add_arc(f, f->src, c, 0, 0);
  }
  /* adjacency (CSR) of half-arcs */
  for (uint32_t a = 0; a < f->na; a++) {
    f->adj_start[f->from[a] + 1]++;
    f->adj_start[f->to[a] + 1]++;
  }
  for (uint32_t v = 0; v < f->nn; v++) f->adj_start[v + 1] += f->adj_start[v];
  uint32_t *fill = sb_arena_array(ar, f->nn + 1, sizeof(uint32_t));
  if (!fill) return NULL;
  memcpy(fill, f->adj_start, (f->nn + 1) * sizeof(uint32_t));
  for (uint32_t a = 0; a < f->na; a++) {
    f->adj[fill[f->from[a]]++] = 2 * a;
    f->adj[fill[f->to[a]]++] = 2 * a + 1;
  }
  /* supplies: undecided employees of each class */
  for (uint32_t e = 0; e < st->n; e++) {
    if (st->state[e] == SBS_EXCLUDED) continue;
    uint32_t c = d->e[e].cls;
    if (st->state[e] == SBS_UNDECIDED) f->cap[f->arc_src[c]]++;
  }
  return f;
}

/* Lower bound for `x` decided units on arc a, routed to the sink by
 * cheapest paths (no negative cycle appears: only parallel arcs differ). */
static void fix_units(sbs_flow *f, uint32_t a, int64_t x) {
  f->low[a] += x;
  f->flow[a] += x;
  uint32_t u = f->to[a];
  while (x > 0 && u != f->sink) {
    int64_t dd;
    if (!shortest(f, u, f->sink, false, &dd)) return;
    int64_t b = path_push(f, u, f->sink, 0);
    if (b > x) b = x;
    path_push(f, u, f->sink, b);
    x -= b;
  }
}

int sbs_flow_solve(sbs_flow *f, int64_t *met) {
  sbs_state *st = f->st;
  const sbs_data *d = st->d;
  /* decided employees (management placements) as lower bounds */
  for (uint32_t e = 0; e < st->n; e++) {
    if (st->state[e] == SBS_PLACED) {
      uint32_t c = d->e[e].cls;
      fix_units(f, f->arc_cs[(size_t)c * f->S + (uint32_t)st->shift_of[e]], 1);
    } else if (st->state[e] == SBS_UNPLACED) {
      fix_units(f, f->arc_un[d->e[e].cls], 1);
    }
  }
  /* successive shortest paths from the source */
  for (;;) {
    int64_t dd;
    if (!shortest(f, f->src, f->sink, false, &dd)) break;
    int64_t b = path_push(f, f->src, f->sink, 0);
    if (b <= 0) break;
    path_push(f, f->src, f->sink, b);
    SB_TRY(sb_ctx_progress(st->ctx, "minimums", 0, 0));
  }
  /* the source is spent: freeze its arcs */
  for (uint32_t c = 0; c < f->C; c++) f->low[f->arc_src[c]] = f->flow[f->arc_src[c]];
  int64_t cost = 0;
  for (uint32_t a = 0; a < f->na; a++) cost += f->cost[a] * f->flow[a];
  *met = -cost;
  return SENBID_OK;
}

int sbs_flow_fix(sbs_flow *f, uint32_t c, int32_t s, bool *ok) {
  uint32_t a = s >= 0 ? f->arc_cs[(size_t)c * f->S + (uint32_t)s] : f->arc_un[c];
  *ok = false;
  if (f->flow[a] > f->low[a]) {
    /* the witness already has such a unit there */
    f->low[a]++;
    *ok = true;
    return SENBID_OK;
  }
  if (f->cap[a] - f->flow[a] <= 0) return SENBID_OK;
  int64_t dd;
  f->st->solves++;
  if (!shortest(f, f->to[a], c, true, &dd) || dd + f->cost[a] > 0)
    return SENBID_OK;
  path_push(f, f->to[a], c, 1);
  f->flow[a]++;
  f->low[a]++;
  *ok = true;
  return SENBID_OK;
}
