/* Shared pieces of the senbid driver: error lines, reading and writing
 * files, and the commands that live in their own files (import, report,
 * render). Nothing here is part of the library's API. */
#ifndef SENBID_EXAMPLES_CLI_H
#define SENBID_EXAMPLES_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <cjson/cJSON.h>

enum { EXIT_OK = 0, EXIT_FOUND = 1, EXIT_INPUT = 2 };

/* One line on standard error, "senbid: CODE at PATH: message" (SPEC
 * section 8); returns EXIT_INPUT. */
int cli_fail(const char *code, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* A whole file ("-" for standard input), NUL-terminated; NULL with errno
 * set on failure. */
char *cli_read(const char *path, size_t *len);

/* Reads and parses a JSON file for report and render; on failure prints the
 * error line and returns NULL. */
cJSON *cli_read_json(const char *path);
/* The same, handing over the text too (free it) when keep is not NULL. */
cJSON *cli_read_json_text(const char *path, char **keep, size_t *keep_len);

/* Writes text to path (NULL or "-": standard output) in one piece. A
 * regular file (or the target of a symbolic link) is replaced atomically
 * through a temporary file in its directory; a device or a pipe is written
 * in place. Returns EXIT_OK or EXIT_INPUT (an IO error line). */
int cli_write(const char *path, const char *text, size_t len);

/* The same in pieces: open, put as many times as needed, close (commit
 * false, after a failure elsewhere, leaves an old file as it was). open
 * and close return EXIT_OK or EXIT_INPUT (with the error line). */
typedef struct cli_out {
  const char *path;
  int fd;
  bool to_stdout, ok;
  int err;          /* errno of the first failure */
  char *tmp, *dest; /* the temporary file renamed over dest */
} cli_out;
int cli_out_open(cli_out *o, const char *path);
bool cli_out_put(cli_out *o, const char *text, size_t len);
int cli_out_close(cli_out *o, bool commit);

/* A growing text buffer on a FILE (open_memstream). */
typedef struct cli_buf {
  FILE *f;
  char *text;
  size_t len;
} cli_buf;
bool cli_buf_open(cli_buf *b);
/* Closes the stream and writes the text to path; frees it. */
int cli_buf_write(cli_buf *b, const char *path);

/* senbid import: --template KIND DIR, or KIND DIR -o PROBLEM.json. */
int cmd_import(const char *kind, const char *dir, bool template_only, const char *out);
/* senbid report PROBLEM RESULT. */
void report_print(FILE *out, const cJSON *problem, const cJSON *result);
/* senbid render: format "html", "csv" or "md". */
void render_print(FILE *out, const char *format, const cJSON *problem, const cJSON *result);

/* The plain words of a code of a kind, with its clause; the code itself
 * (and an empty clause) when the registry does not know it. */
const char *cli_describe(const char *kind, const char *code, const char **clause);

#endif
