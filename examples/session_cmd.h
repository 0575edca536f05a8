/* senbid session (session_cmd.c): the driver's bidding-session command. */
#ifndef SENBID_SESSION_CMD_H
#define SENBID_SESSION_CMD_H

/* sub: start, status, act or result; files as SPEC 10 lists them; out:
 * -o (NULL: standard output). Returns the exit code. */
int cmd_session(const char *sub, const char *const *files, int nfiles,
                const char *out);

#endif
