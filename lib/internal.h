/*
 * Internal interfaces shared by the library's modules. Nothing here is API:
 * every symbol is hidden (meson builds with hidden visibility and the
 * version script exports only senbid_*). Internal names start with sb_.
 *
 * Memory: a problem owns one arena (sb_arena) holding everything parsed from
 * the document; a solve gets a scratch arena that is released when the solve
 * ends. Growable things (sb_buf, sb_vec) use the problem's allocator.
 * Failures are negative senbid_code values; functions that can fail return
 * int and set an sb_err where they are given one.
 */
#ifndef SENBID_INTERNAL_H
#define SENBID_INTERNAL_H

/* The internal headers, one per concern, from the bottom layer up:
 *   util/util.h   memory, arenas, vectors, byte strings, maps, hashes
 *   error.h       sb_err: code, JSON path, message
 *   date.h        dates, times, holidays, pay periods
 *   json/json.h   parsing, reading with paths, writing
 *   problem.h     problems, employees, seniority
 *   kind.h        solve context, result output, the kind interface
 *   lp/lp.h       integer programs (GLPK) */
#include "util/util.h"
#include "error.h"
#include "date.h"
#include "json/json.h"
#include "problem.h"
#include "kind.h"
#include "lp/lp.h"

#endif /* SENBID_INTERNAL_H */
