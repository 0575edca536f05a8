/* The registry's one table (see registry.h). Each kind lists its entries in
 * lib/<kind>/registry.def as lines
 *   SB_REG(TYPE, "NAME", "CLAUSE", "plain words")
 * with TYPE one of REASON, EVENT, DEPARTURE, WARNING. */
#include "internal.h"
#include "registry.h"

#define SB_REG(type, name, clause, text) {SB_REG_KIND, SB_REG_##type, name, clause, text},

const sb_reg_entry sb_registry[] = {
#define SB_REG_KIND SB_KIND_LEAVE
#include "leave/registry.def"
#undef SB_REG_KIND
#define SB_REG_KIND SB_KIND_SHIFT_BID
#include "shiftbid/registry.def"
#undef SB_REG_KIND
#define SB_REG_KIND SB_KIND_AWS
#include "aws/registry.def"
#undef SB_REG_KIND
#define SB_REG_KIND SB_KIND_ASSIGNMENT
#include "assign/registry.def"
#undef SB_REG_KIND
    {SB_KIND_COUNT, SB_REG_REASON, NULL, NULL, NULL}};

const size_t sb_registry_count = sizeof sb_registry / sizeof sb_registry[0] - 1;

const sb_reg_entry *sb_registry_find(sb_kind kind, sb_reg_type type,
                                     const char *name) {
  for (size_t i = 0; i < sb_registry_count; i++) {
    const sb_reg_entry *e = &sb_registry[i];
    if (e->kind == kind && e->type == type && strcmp(e->name, name) == 0)
      return e;
  }
  return NULL;
}

const char *senbid_code_describe(const char *kind, const char *code,
                                 const char **clause) {
  if (clause) *clause = "";
  if (!kind || !code) return NULL;
  for (int k = 0; k < SB_KIND_COUNT; k++) {
    if (strcmp(sb_kind_name((sb_kind)k), kind) != 0) continue;
    static const sb_reg_type order[] = {SB_REG_REASON, SB_REG_DEPARTURE,
                                        SB_REG_WARNING, SB_REG_EVENT};
    for (size_t t = 0; t < sizeof order / sizeof order[0]; t++) {
      const sb_reg_entry *e = sb_registry_find((sb_kind)k, order[t], code);
      if (e) {
        if (clause) *clause = e->clause;
        return e->text;
      }
    }
  }
  return NULL;
}
