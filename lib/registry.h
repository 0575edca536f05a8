/* The registry: every reason code, audit event, departure code and warning
 * of every kind, with the clause of the agreement it comes from and its
 * meaning in plain words. One table (lib/<kind>/registry.def, included by
 * lib/registry.c) from which the C lookups come; tools/registry-docs.py
 * writes the docs' tables from the same files and checks them in
 * `meson test`. Naming: codes and departures are UPPER_SNAKE, events
 * lower_snake, clause ids AGREEMENT.ARTICLE.SECTION (NBPC2019.ART14.C2,
 * ICE2019.ART15.SEC10.C.2, NBPC2019.APPII.V.A.3). Internal: see
 * lib/internal.h. */
#ifndef SENBID_REGISTRY_H
#define SENBID_REGISTRY_H

#include "problem.h"

typedef enum sb_reg_type {
  SB_REG_REASON,    /* a reason code in a result (denial, skip, invalid) */
  SB_REG_EVENT,     /* an audit event */
  SB_REG_DEPARTURE, /* a departure code of check */
  SB_REG_WARNING    /* a warning code */
} sb_reg_type;

typedef struct sb_reg_entry {
  sb_kind kind;
  sb_reg_type type;
  const char *name;
  const char *clause; /* "" when the entry has no single clause */
  const char *text;   /* plain words, one line */
} sb_reg_entry;

extern const sb_reg_entry sb_registry[];
extern const size_t sb_registry_count;

/* The entry of this kind, type and name, or NULL. */
const sb_reg_entry *sb_registry_find(sb_kind kind, sb_reg_type type,
                                     const char *name);

#endif /* SENBID_REGISTRY_H */
