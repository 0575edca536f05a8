/* Files for the driver: read whole, write in one piece. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <senbid/senbid.h>

#include "cli.h"

int cli_fail(const char *code, const char *path, const char *fmt, ...) {
  char msg[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  /* One line whatever the message holds. */
  for (char *p = msg; *p; p++)
    if (*p == '\n' || *p == '\r') *p = ' ';
  fprintf(stderr, "senbid: %s at %s: %s\n", code, path && *path ? path : "$", msg);
  return EXIT_INPUT;
}

char *cli_read(const char *path, size_t *len) {
  FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
  if (!f) return NULL;
  struct stat st;
  if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
    if (f != stdin) fclose(f);
    errno = EISDIR;
    return NULL;
  }
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap);
  while (buf) {
    size_t got = fread(buf + n, 1, cap - n - 1, f);
    n += got;
    if (n < cap - 1) break;
    char *bigger = cap > SIZE_MAX / 2 ? NULL : realloc(buf, cap * 2);
    if (!bigger) {
      free(buf);
      buf = NULL;
      errno = ENOMEM;
      break;
    }
    buf = bigger;
    cap *= 2;
  }
  int saved = errno;
  bool bad = ferror(f) != 0;
  if (f != stdin) fclose(f);
  if (bad || !buf) {
    free(buf);
    errno = saved ? saved : EIO;
    return NULL;
  }
  buf[n] = '\0';
  *len = n;
  return buf;
}

cJSON *cli_read_json(const char *path) { return cli_read_json_text(path, NULL, NULL); }

cJSON *cli_read_json_text(const char *path, char **keep, size_t *keep_len) {
  size_t len = 0;
  char *text = cli_read(path, &len);
  if (!text) {
    cli_fail("IO", "$", "cannot read %s: %s", path, strerror(errno));
    return NULL;
  }
  const char *end = NULL;
  cJSON *doc = cJSON_ParseWithLengthOpts(text, len, &end, 0);
  if (!cJSON_IsObject(doc)) {
    cli_fail("JSON", "$", "%s is not a JSON object", path);
    cJSON_Delete(doc);
    doc = NULL;
  }
  if (doc && keep) {
    *keep = text;
    *keep_len = len;
  } else {
    free(text);
  }
  return doc;
}

static bool write_fd(int fd, const char *text, size_t len) {
  while (len) {
    ssize_t w = write(fd, text, len);
    if (w < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    text += w;
    len -= (size_t)w;
  }
  return true;
}

static int io_fail(const char *path) {
  return cli_fail("IO", "$", "cannot write %s: %s", path, strerror(errno));
}

/* Opens the destination of path: standard output, a device or pipe in
 * place, a dangling link's target, or a temporary file beside a regular
 * file that cli_out_close renames over it. */
int cli_out_open(cli_out *o, const char *path) {
  memset(o, 0, sizeof *o);
  o->path = path;
  o->fd = -1;
  o->ok = true;
  if (!path || strcmp(path, "-") == 0) {
    o->to_stdout = true;
    return EXIT_OK;
  }
  /* A link is followed: its target is what gets replaced. */
  char *target = realpath(path, NULL);
  struct stat st;
  bool exists = target && stat(target, &st) == 0;
  if (exists && !S_ISREG(st.st_mode)) {
    /* A device or a pipe (/dev/full, /dev/stdout): write to it. */
    o->fd = open(target, O_WRONLY | O_CLOEXEC);
    int saved = errno;
    free(target);
    errno = saved;
    return o->fd >= 0 ? EXIT_OK : io_fail(path);
  }
  const char *dest = target ? target : path; /* a new file, or a dangling link */
  struct stat lst;
  if (!target && lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode)) {
    /* A dangling link: create its target through it. */
    o->fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    return o->fd >= 0 ? EXIT_OK : io_fail(path);
  }
  size_t n = strlen(dest) + 16;
  o->tmp = malloc(n);
  if (!o->tmp) {
    free(target);
    return cli_fail("NOMEM", "$", "out of memory");
  }
  snprintf(o->tmp, n, "%s.XXXXXX", dest);
  o->dest = strdup(dest);
  free(target);
  o->fd = o->dest ? mkstemp(o->tmp) : -1;
  bool ok = o->fd >= 0;
  if (ok) {
    /* mkstemp makes 0600: keep the old file's mode, or the umask's. */
    mode_t mode;
    if (exists) {
      mode = st.st_mode & 07777;
    } else {
      mode_t um = umask(0);
      umask(um);
      mode = 0666 & ~um;
    }
    ok = fchmod(o->fd, mode) == 0;
  }
  if (!ok) {
    o->ok = false;
    o->err = errno;
    cli_out_close(o, false);
    errno = o->err;
    return io_fail(path);
  }
  return EXIT_OK;
}

bool cli_out_put(cli_out *o, const char *text, size_t len) {
  if (!o->ok) return false;
  if (o->to_stdout) o->ok = fwrite(text, 1, len, stdout) == len;
  else o->ok = write_fd(o->fd, text, len);
  if (!o->ok) o->err = errno;
  return o->ok;
}

int cli_out_close(cli_out *o, bool commit) {
  bool ok = o->ok;
  if (o->to_stdout) {
    if (fflush(stdout) != 0 && ok) {
      ok = false;
      o->err = errno;
    }
  } else if (o->fd >= 0 && close(o->fd) != 0 && ok) {
    ok = false;
    o->err = errno;
  }
  if (o->tmp && o->fd >= 0) {
    if (commit && ok && rename(o->tmp, o->dest) != 0) {
      ok = false;
      o->err = errno;
    }
    if (!commit || !ok) unlink(o->tmp);
  }
  free(o->tmp);
  free(o->dest);
  o->tmp = o->dest = NULL;
  o->fd = -1;
  if (!commit || ok) return EXIT_OK;
  errno = o->err;
  if (o->to_stdout)
    return cli_fail("IO", "$", "cannot write to standard output: %s", strerror(errno));
  return io_fail(o->path);
}

int cli_write(const char *path, const char *text, size_t len) {
  cli_out o;
  int ex = cli_out_open(&o, path);
  if (ex) return ex;
  cli_out_put(&o, text, len);
  return cli_out_close(&o, true);
}

bool cli_buf_open(cli_buf *b) {
  b->text = NULL;
  b->len = 0;
  b->f = open_memstream(&b->text, &b->len);
  return b->f != NULL;
}

int cli_buf_write(cli_buf *b, const char *path) {
  if (fclose(b->f) != 0) {
    free(b->text);
    return cli_fail("NOMEM", "$", "out of memory");
  }
  int ex = cli_write(path, b->text, b->len);
  free(b->text);
  return ex;
}

const char *cli_describe(const char *kind, const char *code, const char **clause) {
  const char *c = NULL;
  const char *words = senbid_code_describe(kind, code, &c);
  if (!words) {
    *clause = "";
    return code;
  }
  *clause = c ? c : "";
  return words;
}
