/* See wrap_malloc.h. */
#include "wrap_malloc.h"

void *__real_calloc(size_t n, size_t m);
char *__real_strdup(const char *s);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t m);
void *__wrap_realloc(void *p, size_t n);
char *__wrap_strdup(const char *s);

long th_stray;

void *__wrap_malloc(size_t n) {
  th_stray++;
  return __real_malloc(n);
}
void *__wrap_calloc(size_t n, size_t m) {
  th_stray++;
  return __real_calloc(n, m);
}
void *__wrap_realloc(void *p, size_t n) {
  th_stray++;
  return __real_realloc(p, n);
}
char *__wrap_strdup(const char *s) {
  th_stray++;
  return __real_strdup(s);
}
