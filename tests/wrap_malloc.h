/* Allocations made past the caller's allocator, seen at link time: a test
 * executable linked with -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,
 * --wrap=strdup and tests/wrap_malloc.c counts in th_stray every call of
 * those functions from the objects linked into it (the library's static
 * archive included). Its counting allocator must use __real_malloc and
 * __real_realloc (th_counting's raw functions), not malloc. */
#ifndef SENBID_TEST_WRAP_MALLOC_H
#define SENBID_TEST_WRAP_MALLOC_H

#include <stddef.h>

extern long th_stray;
void *__real_malloc(size_t n);
void *__real_realloc(void *p, size_t n);

#endif
