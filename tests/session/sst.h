/* Helpers shared by the session tests (sst.c). */
#ifndef SST_H
#define SST_H

#include <stdbool.h>
#include "../helpers.h"

/* Starts a session on a problem that must be valid. */
senbid_session *sst_start(const char *problem);
/* One action that must be taken; returns the decision (cJSON_Delete). */
cJSON *sst_act(senbid_session *s, const char *action);
/* One action that must be refused with this code and path; asserts that
 * the state text is unchanged. */
void sst_refused(senbid_session *s, const char *action, int code,
                 const char *path);
cJSON *sst_status(const senbid_session *s);
cJSON *sst_result(const senbid_session *s);
char *sst_state(const senbid_session *s);
/* The employee on turn (NULL when finished); a pointer into st. */
const char *sst_turn(const cJSON *st);
/* A result without audit, for the contract (every member but audit). */
cJSON *sst_no_audit(cJSON *res);
/* Whether two documents are equal; prints both when not. */
bool sst_equal(const cJSON *a, const cJSON *b);

#endif
