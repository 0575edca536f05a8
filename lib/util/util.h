/* Memory, byte strings, maps and hashes: the bottom layer every module uses. Internal: see lib/internal.h. */
#ifndef SENBID_UTIL_H
#define SENBID_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "senbid/senbid.h"

#if defined(__GNUC__)
#define SB_PRINTF(f, a) __attribute__((format(printf, f, a)))
/* A hint to load p's cache line ahead: loops that visit a large roster in
 * seniority order touch memory laid out in document order. */
#define SB_PREFETCH(p) __builtin_prefetch(p)
#else
#define SB_PRINTF(f, a)
#define SB_PREFETCH(p) ((void)(p))
#endif

/* Propagate a negative status. */
#define SB_TRY(expr)                                                          \
  do {                                                                        \
    int sb_try_rc_ = (expr);                                                  \
    if (sb_try_rc_ < 0) return sb_try_rc_;                                    \
  } while (0)

/* Hard limits (SPEC section 9). */
#define SB_MAX_EMPLOYEES 1000000
#define SB_MAX_CHOICES 64
#define SB_MAX_AWS_OPTIONS 64
#define SB_MAX_SHIFTS 1000
#define SB_MAX_RANGE_DAYS 3660

/* ------------------------------------------------------------------------ */
/* Allocation (lib/util/mem.c)                                              */
/* ------------------------------------------------------------------------ */

typedef struct sb_alloc {
  void *(*malloc_fn)(size_t size, void *payload);
  void *(*realloc_fn)(void *ptr, size_t size, void *payload);
  void (*free_fn)(void *ptr, void *payload);
  void *payload;
} sb_alloc;

/* The C library's allocator. */
extern const sb_alloc sb_default_alloc;

void *sb_mem_alloc(const sb_alloc *a, size_t n);
void *sb_mem_calloc(const sb_alloc *a, size_t count, size_t size);
void *sb_mem_realloc(const sb_alloc *a, void *p, size_t n);
void sb_mem_free(const sb_alloc *a, void *p);

/* A bump allocator. Memory is zeroed and 16-byte aligned; it is released all
 * at once by sb_arena_free(). Allocation returns NULL when out of memory. */
typedef struct sb_arena_chunk sb_arena_chunk;
typedef struct sb_arena {
  const sb_alloc *alloc;
  sb_arena_chunk *head;
  size_t used, cap;  /* in the head chunk */
  size_t total;      /* bytes held, for reports */
} sb_arena;

void sb_arena_init(sb_arena *ar, const sb_alloc *a);
void *sb_arena_alloc(sb_arena *ar, size_t n);
/* count * size, with overflow checked. */
void *sb_arena_array(sb_arena *ar, size_t count, size_t size);
char *sb_arena_strdup(sb_arena *ar, const char *s);
/* Empties the arena for reuse, keeping its memory (as one chunk). */
void sb_arena_reset(sb_arena *ar);
void sb_arena_free(sb_arena *ar);

/* A growable array of fixed-size elements. */
typedef struct sb_vec {
  void *data;
  size_t len, cap, elem;
  const sb_alloc *alloc;
} sb_vec;

void sb_vec_init(sb_vec *v, const sb_alloc *a, size_t elem);
/* Appends one zeroed element and returns it, or NULL when out of memory. */
void *sb_vec_push(sb_vec *v);
int sb_vec_reserve(sb_vec *v, size_t cap);
void sb_vec_free(sb_vec *v);
#define SB_VEC_AT(v, T, i) (((T *)(v)->data)[i])

/* A growable byte string. Errors are sticky: after a failed allocation every
 * later append is a no-op and `oom` stays set; check it once at the end. */
typedef struct sb_buf {
  char *data;
  size_t len, cap;
  const sb_alloc *alloc;
  bool oom;
} sb_buf;

void sb_buf_init(sb_buf *b, const sb_alloc *a);
/* Appends with growth (the slow path of the inline appenders below). */
void sb_buf_put_slow(sb_buf *b, const char *s, size_t n);
/* Appends are inline: result documents are hundreds of megabytes written a
 * few bytes at a time. */
static inline void sb_buf_put(sb_buf *b, const char *s, size_t n) {
  if (b->cap - b->len > n) {
    for (size_t i = 0; i < n; i++) b->data[b->len + i] = s[i];
    b->len += n;
  } else {
    sb_buf_put_slow(b, s, n);
  }
}
static inline void sb_buf_putc(sb_buf *b, char c) {
  if (b->cap - b->len > 1) b->data[b->len++] = c;
  else sb_buf_put_slow(b, &c, 1);
}
/* Makes room for n more bytes and returns where they go (NULL when out of
 * memory); the caller writes at most n bytes there and adds them to len. */
char *sb_buf_room_slow(sb_buf *b, size_t n);
static inline char *sb_buf_room(sb_buf *b, size_t n) {
  return b->cap - b->len > n ? b->data + b->len : sb_buf_room_slow(b, n);
}
void sb_buf_puts(sb_buf *b, const char *s);
/* Appends v in decimal. */
void sb_buf_put_uint(sb_buf *b, uint64_t v);
void sb_buf_printf(sb_buf *b, const char *fmt, ...) SB_PRINTF(2, 3);
void sb_buf_vprintf(sb_buf *b, const char *fmt, va_list ap) SB_PRINTF(2, 0);
/* Makes data NUL-terminated (without counting it in len). */
int sb_buf_terminate(sb_buf *b);
void sb_buf_free(sb_buf *b);

/* A fixed-capacity string -> uint32 map (open addressing) in an arena. Keys
 * are borrowed and must outlive the map. */
typedef struct sb_strmap {
  const char **keys;
  uint32_t *values;
  uint64_t *hashes;
  size_t mask, len;
} sb_strmap;

int sb_strmap_init(sb_strmap *m, sb_arena *ar, size_t expected);
/* Returns 0 when inserted, 1 when the key was already there (then *existing,
 * if given, is its value and nothing changes), SENBID_E_LIMIT when full. */
int sb_strmap_put(sb_strmap *m, const char *key, uint32_t value,
                  uint32_t *existing);
bool sb_strmap_get(const sb_strmap *m, const char *key, uint32_t *value);

uint64_t sb_fnv1a64(const char *s, size_t n);
uint64_t sb_splitmix64(uint64_t x);

/* Monotonic seconds, for time limits and progress. */
double sb_now(void);

#endif /* SENBID_UTIL_H */
