/* The foundation's memory (lib/util/mem.c): arenas emptied for reuse keep
 * their memory and still hand out zeroed blocks. */
#include <string.h>

#include "helpers.h"
#include "internal.h"

/* One chunk: reset gives the same memory back, zeroed. */
static void arena_reset_reuses_its_chunk(void **state) {
  (void)state;
  sb_arena ar;
  sb_arena_init(&ar, &sb_default_alloc);
  unsigned char *a = sb_arena_alloc(&ar, 1000);
  assert_non_null(a);
  memset(a, 0xab, 1000);
  size_t total = ar.total;
  sb_arena_reset(&ar);
  assert_int_equal(ar.total, total);
  unsigned char *b = sb_arena_alloc(&ar, 1000);
  assert_ptr_equal(a, b);
  for (int i = 0; i < 1000; i++) assert_int_equal(b[i], 0);
  sb_arena_free(&ar);
  assert_null(ar.head);
}

/* Several chunks become one as large as all of them: the same requests
 * again fit without a new chunk. */
static void arena_reset_merges_chunks(void **state) {
  (void)state;
  sb_arena ar;
  sb_arena_init(&ar, &sb_default_alloc);
  for (int i = 0; i < 40; i++) assert_non_null(sb_arena_alloc(&ar, 10000));
  assert_true(ar.cap < ar.total); /* the head chunk is not all of it */
  size_t total = ar.total;
  sb_arena_reset(&ar);
  assert_int_equal(ar.cap, total); /* one chunk */
  assert_int_equal(ar.used, 0);
  for (int i = 0; i < 40; i++) {
    unsigned char *p = sb_arena_alloc(&ar, 10000);
    assert_non_null(p);
    assert_int_equal(p[0] | p[9999], 0);
  }
  assert_int_equal(ar.total, total); /* no new chunk */
  sb_arena_free(&ar);
  /* An empty arena resets to an empty arena. */
  sb_arena_reset(&ar);
  assert_null(ar.head);
  assert_int_equal(ar.total, 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(arena_reset_reuses_its_chunk),
      cmocka_unit_test(arena_reset_merges_chunks),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
