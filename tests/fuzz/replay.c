/* Runs a libFuzzer harness outside libFuzzer, on the inputs the fuzzers
 * found (tests/fuzz/regressions/NAME/), so every finding stays a test in
 * every build: plain, sanitizers, valgrind. A broken contract aborts.
 *   replay_NAME DIR|FILE...   (TAP: one line per input) */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

static int n;

static void one(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    printf("not ok %d - %s: cannot read\n", ++n, path);
    exit(1);
  }
  fseek(f, 0, SEEK_END);
  long len = ftell(f);
  rewind(f);
  uint8_t *d = malloc(len > 0 ? (size_t)len : 1);
  if (!d || fread(d, 1, (size_t)len, f) != (size_t)len) exit(1);
  fclose(f);
  LLVMFuzzerTestOneInput(d, (size_t)len); /* aborts on a broken contract */
  free(d);
  printf("ok %d - %s\n", ++n, path);
}

static int by_name(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv) {
  if (LLVMFuzzerInitialize) LLVMFuzzerInitialize(&argc, &argv);
  for (int i = 1; i < argc; i++) {
    struct stat st;
    if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
      DIR *dir = opendir(argv[i]);
      char **names = NULL;
      size_t k = 0;
      for (struct dirent *e; dir && (e = readdir(dir));) {
        if (e->d_name[0] == '.') continue;
        names = realloc(names, (k + 1) * sizeof *names);
        size_t m = strlen(argv[i]) + strlen(e->d_name) + 2;
        names[k] = malloc(m);
        snprintf(names[k++], m, "%s/%s", argv[i], e->d_name);
      }
      if (dir) closedir(dir);
      qsort(names, k, sizeof *names, by_name);
      for (size_t j = 0; j < k; j++) one(names[j]), free(names[j]);
      free(names);
    } else {
      one(argv[i]);
    }
  }
  printf("1..%d\n", n);
  return 0;
}
