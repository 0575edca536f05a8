/* Allocation, arenas, growable buffers, a string map and small hashes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../internal.h"

static void *std_malloc(size_t n, void *payload) {
  (void)payload;
  return malloc(n);
}
static void *std_realloc(void *p, size_t n, void *payload) {
  (void)payload;
  return realloc(p, n);
}
static void std_free(void *p, void *payload) {
  (void)payload;
  free(p);
}

const sb_alloc sb_default_alloc = {std_malloc, std_realloc, std_free, NULL};

void *sb_mem_alloc(const sb_alloc *a, size_t n) {
  return a->malloc_fn(n ? n : 1, a->payload);
}

void *sb_mem_calloc(const sb_alloc *a, size_t count, size_t size) {
  if (size && count > SIZE_MAX / size) return NULL;
  size_t n = count * size;
  void *p = sb_mem_alloc(a, n);
  if (p) memset(p, 0, n > 0 ? n : 1);
  return p;
}

void *sb_mem_realloc(const sb_alloc *a, void *p, size_t n) {
  return a->realloc_fn(p, n ? n : 1, a->payload);
}

void sb_mem_free(const sb_alloc *a, void *p) {
  if (p) a->free_fn(p, a->payload);
}

/* ------------------------------------------------------------------ arena */

struct sb_arena_chunk {
  sb_arena_chunk *next;
  size_t size;
  /* data follows, 16-byte aligned */
  _Alignas(16) unsigned char data[];
};

#define SB_ARENA_MIN_CHUNK ((size_t)64 * 1024)

void sb_arena_init(sb_arena *ar, const sb_alloc *a) {
  memset(ar, 0, sizeof *ar);
  ar->alloc = a;
}

void *sb_arena_alloc(sb_arena *ar, size_t n) {
  n = (n + 15) & ~(size_t)15;
  if (n == 0) n = 16;
  if (!ar->head || ar->cap - ar->used < n) {
    /* Chunks double as the arena grows, so a large roster costs few
     * allocations; a request larger than that gets a chunk of its own. */
    size_t want = ar->total < SB_ARENA_MIN_CHUNK ? SB_ARENA_MIN_CHUNK : ar->total;
    if (want > (size_t)64 * 1024 * 1024) want = (size_t)64 * 1024 * 1024;
    if (want < n) want = n;
    if (want > SIZE_MAX - sizeof(sb_arena_chunk)) return NULL;
    sb_arena_chunk *c = sb_mem_alloc(ar->alloc, sizeof(sb_arena_chunk) + want);
    if (!c) return NULL;
    c->size = want;
    c->next = ar->head;
    ar->head = c;
    ar->used = 0;
    ar->cap = want;
    ar->total += want;
  }
  void *p = ar->head->data + ar->used;
  ar->used += n;
  memset(p, 0, n);
  return p;
}

void *sb_arena_array(sb_arena *ar, size_t count, size_t size) {
  if (size && count > SIZE_MAX / size) return NULL;
  return sb_arena_alloc(ar, count * size);
}

char *sb_arena_strdup(sb_arena *ar, const char *s) {
  size_t n = strlen(s);
  char *d = sb_arena_alloc(ar, n + 1);
  if (d) memcpy(d, s, n + 1);
  return d;
}

void sb_arena_reset(sb_arena *ar) {
  size_t total = ar->total;
  if (ar->head && !ar->head->next) {
    ar->used = 0;
    return;
  }
  sb_arena_free(ar);
  if (total == 0) return;
  /* One chunk as large as all there were: the next use of the same size
   * allocates nothing (and touches no new page). */
  sb_arena_chunk *c = sb_mem_alloc(ar->alloc, sizeof(sb_arena_chunk) + total);
  if (!c) return; /* an empty arena is still a valid one */
  c->size = total;
  c->next = NULL;
  ar->head = c;
  ar->cap = ar->total = total;
}

void sb_arena_free(sb_arena *ar) {
  sb_arena_chunk *c = ar->head;
  while (c) {
    sb_arena_chunk *next = c->next;
    sb_mem_free(ar->alloc, c);
    c = next;
  }
  ar->head = NULL;
  ar->used = ar->cap = ar->total = 0;
}

/* -------------------------------------------------------------------- vec */

void sb_vec_init(sb_vec *v, const sb_alloc *a, size_t elem) {
  memset(v, 0, sizeof *v);
  v->alloc = a;
  v->elem = elem;
}

int sb_vec_reserve(sb_vec *v, size_t cap) {
  if (cap <= v->cap) return SENBID_OK;
  size_t ncap = v->cap ? v->cap : 16;
  while (ncap < cap) {
    if (ncap > SIZE_MAX / 2) return SENBID_E_NOMEM;
    ncap *= 2;
  }
  if (ncap > SIZE_MAX / v->elem) return SENBID_E_NOMEM;
  void *d = sb_mem_realloc(v->alloc, v->data, ncap * v->elem);
  if (!d) return SENBID_E_NOMEM;
  v->data = d;
  v->cap = ncap;
  return SENBID_OK;
}

void *sb_vec_push(sb_vec *v) {
  if (v->len == v->cap && sb_vec_reserve(v, v->len + 1) < 0) return NULL;
  void *p = (char *)v->data + v->len * v->elem;
  memset(p, 0, v->elem);
  v->len++;
  return p;
}

void sb_vec_free(sb_vec *v) {
  sb_mem_free(v->alloc, v->data);
  v->data = NULL;
  v->len = v->cap = 0;
}

/* -------------------------------------------------------------------- buf */

void sb_buf_init(sb_buf *b, const sb_alloc *a) {
  memset(b, 0, sizeof *b);
  b->alloc = a;
}

static bool buf_grow(sb_buf *b, size_t extra) {
  if (b->oom) return false;
  if (b->cap - b->len > extra) return true;
  size_t ncap = b->cap ? b->cap : 256;
  while (ncap - b->len <= extra) {
    if (ncap > SIZE_MAX / 2) {
      b->oom = true;
      return false;
    }
    ncap *= 2;
  }
  char *d = sb_mem_realloc(b->alloc, b->data, ncap);
  if (!d) {
    b->oom = true;
    return false;
  }
  b->data = d;
  b->cap = ncap;
  return true;
}

void sb_buf_put_slow(sb_buf *b, const char *s, size_t n) {
  if (!buf_grow(b, n)) return;
  memcpy(b->data + b->len, s, n);
  b->len += n;
}

char *sb_buf_room_slow(sb_buf *b, size_t n) {
  return buf_grow(b, n) ? b->data + b->len : NULL;
}

void sb_buf_puts(sb_buf *b, const char *s) { sb_buf_put(b, s, strlen(s)); }


void sb_buf_vprintf(sb_buf *b, const char *fmt, va_list ap) {
  va_list ap2;
  va_copy(ap2, ap);
  char small[256];
  int n = vsnprintf(small, sizeof small, fmt, ap);
  if (n < 0) {
    va_end(ap2);
    return;
  }
  if ((size_t)n < sizeof small) {
    sb_buf_put(b, small, (size_t)n);
  } else if (buf_grow(b, (size_t)n + 1)) {
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap2);
    b->len += (size_t)n;
  }
  va_end(ap2);
}

void sb_buf_printf(sb_buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  sb_buf_vprintf(b, fmt, ap);
  va_end(ap);
}

int sb_buf_terminate(sb_buf *b) {
  if (!buf_grow(b, 1)) return SENBID_E_NOMEM;
  b->data[b->len] = '\0';
  return SENBID_OK;
}

void sb_buf_free(sb_buf *b) {
  sb_mem_free(b->alloc, b->data);
  b->data = NULL;
  b->len = b->cap = 0;
  b->oom = false;
}

/* ----------------------------------------------------------------- hashes */

uint64_t sb_fnv1a64(const char *s, size_t n) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (size_t i = 0; i < n; i++) {
    h ^= (unsigned char)s[i];
    h *= 0x100000001b3ULL;
  }
  return h;
}

uint64_t sb_splitmix64(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  uint64_t z = x;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

/* ----------------------------------------------------------------- strmap */

int sb_strmap_init(sb_strmap *m, sb_arena *ar, size_t expected) {
  size_t cap = 16;
  while (cap < expected * 2 + 1) {
    if (cap > SIZE_MAX / 4) return SENBID_E_NOMEM;
    cap *= 2;
  }
  m->keys = sb_arena_array(ar, cap, sizeof *m->keys);
  m->values = sb_arena_array(ar, cap, sizeof *m->values);
  m->hashes = sb_arena_array(ar, cap, sizeof *m->hashes);
  if (!m->keys || !m->values || !m->hashes) return SENBID_E_NOMEM;
  m->mask = cap - 1;
  m->len = 0;
  return SENBID_OK;
}

int sb_strmap_put(sb_strmap *m, const char *key, uint32_t value,
                  uint32_t *existing) {
  if (m->len + 1 > (m->mask + 1) / 2) return SENBID_E_LIMIT;
  uint64_t h = sb_fnv1a64(key, strlen(key));
  for (size_t i = (size_t)h & m->mask;; i = (i + 1) & m->mask) {
    if (!m->keys[i]) {
      m->keys[i] = key;
      m->values[i] = value;
      m->hashes[i] = h;
      m->len++;
      return 0;
    }
    if (m->hashes[i] == h && strcmp(m->keys[i], key) == 0) {
      if (existing) *existing = m->values[i];
      return 1;
    }
  }
}

bool sb_strmap_get(const sb_strmap *m, const char *key, uint32_t *value) {
  if (!m->keys) return false;
  uint64_t h = sb_fnv1a64(key, strlen(key));
  for (size_t i = (size_t)h & m->mask;; i = (i + 1) & m->mask) {
    if (!m->keys[i]) return false;
    if (m->hashes[i] == h && strcmp(m->keys[i], key) == 0) {
      if (value) *value = m->values[i];
      return true;
    }
  }
}

double sb_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}
