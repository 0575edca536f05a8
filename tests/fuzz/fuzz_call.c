/* libFuzzer: the one-call FFI entry senbid_call(), a whole request in one
 * JSON document. Built only when the library has the symbol. */
#include "contract.h"

/* export_lp answers LP text, every other command a JSON document. */
static int answers_lp(const uint8_t *data, size_t size) {
  cJSON *r = cJSON_ParseWithLength((const char *)data, size);
  const char *c = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(r, "command"));
  int lp = c && strcmp(c, "export_lp") == 0;
  cJSON_Delete(r);
  return lp;
}

static void once(const uint8_t *data, size_t size, fz_out *o) {
  char *out = NULL;
  size_t out_len = 0;
  int outcome = -1;
  senbid_error *err = NULL;
  int rc = senbid_call(&out, &out_len, &outcome, (const char *)data, size, &err);
  o->rc = rc;
  o->outcome = rc == SENBID_OK ? outcome : -1;
  if (rc == SENBID_OK) {
    FZ_ASSERT(out && !err, "a result and no error on success");
    FZ_ASSERT(strlen(out) == out_len, "the length is the text's");
    if (!answers_lp(data, size)) {
      cJSON *j = cJSON_ParseWithLength(out, out_len);
      FZ_ASSERT(j, "a result parses as JSON");
      cJSON_Delete(j);
    }
    o->text = malloc(out_len + 1);
    FZ_ASSERT(o->text, "memory");
    memcpy(o->text, out, out_len + 1);
    o->len = out_len;
  } else {
    FZ_ASSERT(!out, "no result on failure");
    fz_check_error(rc, err);
    fz_out_set(o, rc, NULL, err);
  }
  senbid_free(out);
  senbid_error_free(err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fz_out a, b;
  once(data, size, &a);
  once(data, size, &b);
  if (a.outcome != SENBID_OUTCOME_TIME_LIMIT && b.outcome != SENBID_OUTCOME_TIME_LIMIT)
    fz_out_same(&a, &b);
  fz_out_free(&a);
  fz_out_free(&b);
  return 0;
}
