/*
 * senbid: seniority rules from federal labor agreements turned into
 * schedules (master leave, shift bids, alternative work schedules,
 * temporary assignments, overtime and training rotations).
 *
 * This header is the whole public API: what is not declared here is not
 * part of the contract. The problem and result documents are described in
 * doc/formats.md; every rule cites its clause there.
 *
 * Conventions
 *  - Every function and type starts with senbid_, every macro and enum value
 *    with SENBID_.
 *  - Calls return an int status: SENBID_OK (0) or a negative senbid_code.
 *    The values are fixed forever; new codes are only appended.
 *  - Out-parameters come first. A constructor writes a new handle to
 *    `T **out` and sets *out to NULL on failure. Every *_free accepts NULL.
 *  - Where a call takes `senbid_error **err`, err may be NULL. On failure a
 *    new error object (code, JSON path, one-line message) is written to *err
 *    and must be released with senbid_error_free(). On success *err is left
 *    untouched.
 *  - Inputs are copied: a caller's buffer may be freed as soon as the call
 *    returns.
 *
 * Threads
 *  The library has no mutable global state of its own. Distinct handles may
 *  be used from distinct threads at the same time; one handle must not be
 *  used by two threads at once. A problem handle is only read by
 *  senbid_solve(), so one problem may be solved from several threads at once
 *  provided nothing frees it meanwhile. The integer-programming methods use
 *  GLPK, whose environment is per thread; senbid installs GLPK's error and
 *  terminal hooks for the duration of each solve, so GLPK can neither print
 *  nor end the process.
 */
#ifndef SENBID_SENBID_H
#define SENBID_SENBID_H

#include <stddef.h>
#include <stdint.h>

#include <senbid/version.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32) && defined(SENBID_BUILDING_DLL)
#define SENBID_API __declspec(dllexport)
#elif defined(__GNUC__) && __GNUC__ >= 4
#define SENBID_API __attribute__((visibility("default")))
#else
#define SENBID_API
#endif

/* ------------------------------------------------------------------------ */
/* Status codes                                                             */
/* ------------------------------------------------------------------------ */

/**
 * Status of a call. Input-error codes match the stable codes of the problem
 * specification (section 9): senbid_code_name() gives the text ("MISSING",
 * "DATE", ...). The numeric values are part of the ABI and never change.
 */
typedef enum senbid_code {
  SENBID_OK = 0,
  SENBID_E_JSON = -1,           /**< malformed JSON, NaN or Infinity */
  SENBID_E_MISSING = -2,        /**< a required member absent or null */
  SENBID_E_TYPE = -3,           /**< a member of the wrong JSON type */
  SENBID_E_DATE = -4,           /**< not a valid "YYYY-MM-DD" date */
  SENBID_E_TIME = -5,           /**< not a valid "HH:MM" time */
  SENBID_E_RANGE = -6,          /**< an end before its start */
  SENBID_E_DUPLICATE = -7,      /**< a duplicate id */
  SENBID_E_UNKNOWN_ID = -8,     /**< a reference that does not resolve */
  SENBID_E_NEGATIVE = -9,       /**< a negative count or capacity */
  SENBID_E_UNKNOWN_MEMBER = -10, /**< an unknown member where none is allowed */
  SENBID_E_VALUE = -11,         /**< an unknown kind, policy, weekday, ... */
  SENBID_E_LIMIT = -12,         /**< beyond a hard limit */
  SENBID_E_ROTATION = -13,      /**< a shift-bid rotation that is too short */
  SENBID_E_IO = -14,            /**< a file could not be read or written */
  SENBID_E_SOLVER = -15,        /**< the integer-programming solver failed */
  SENBID_E_NOMEM = -16,         /**< out of memory */
  SENBID_E_ARGUMENT = -17,      /**< a bad argument to an API call */
  SENBID_E_VERSION = -18,       /**< an options struct of an unknown version */
  SENBID_E_UNSUPPORTED = -19,   /**< not available for this kind or method */
  SENBID_E_CANCELLED = -20,     /**< the progress callback asked to stop */
  SENBID_E_TURN = -21           /**< a session action out of turn (SPEC 10) */
} senbid_code;

/** The stable name of a code ("OK", "JSON", "MISSING", ...); never NULL. */
SENBID_API const char *senbid_code_name(int code);
/** A static English description of a code; never NULL. */
SENBID_API const char *senbid_strerror(int code);

/* ------------------------------------------------------------------------ */
/* Version                                                                  */
/* ------------------------------------------------------------------------ */

/** The library's version string, for example "0.1.0" (static storage). */
SENBID_API const char *senbid_version(void);
/** The library's SENBID_VERSION_NUMBER, to compare with the header's. */
SENBID_API uint32_t senbid_version_number(void);
/** The problem and result document format version understood (1). */
SENBID_API uint32_t senbid_format_version(void);

/** Hard limits of the specification, as numbers a binding can query. */
typedef enum senbid_limit_id {
  SENBID_LIMIT_EMPLOYEES = 1,   /**< employees in one document */
  SENBID_LIMIT_CHOICES = 2,     /**< choices in one leave request */
  SENBID_LIMIT_AWS_OPTIONS = 3, /**< options in one AWS request */
  SENBID_LIMIT_SHIFTS = 4,      /**< shifts in one shift bid */
  SENBID_LIMIT_RANGE_DAYS = 5   /**< days in one date range */
} senbid_limit_id;
/** The value of a limit, or 0 for an unknown id. */
SENBID_API int64_t senbid_limit(int which);

/* ------------------------------------------------------------------------ */
/* Errors                                                                   */
/* ------------------------------------------------------------------------ */

/** A detailed error: code, JSON path and message. Opaque. */
typedef struct senbid_error senbid_error;

/** The error's senbid_code. A NULL error gives SENBID_OK. */
SENBID_API int senbid_error_code(const senbid_error *err);
/**
 * The JSON path of the offending value, for example
 * "$.employees[3].service.scd", or "" when the error has no location.
 * Borrowed: lives until senbid_error_free(err).
 */
SENBID_API const char *senbid_error_path(const senbid_error *err);
/** A one-line message; borrowed like senbid_error_path(). */
SENBID_API const char *senbid_error_message(const senbid_error *err);
/** Releases an error object. Accepts NULL. */
SENBID_API void senbid_error_free(senbid_error *err);

/* ------------------------------------------------------------------------ */
/* Allocation                                                               */
/* ------------------------------------------------------------------------ */

/**
 * A caller-supplied allocator for one problem and everything made from it
 * (results, errors). The functions must behave like malloc/realloc/free;
 * payload is passed back unchanged. Every allocation senbid makes for the
 * problem goes through it: the parse tree of the JSON text (senbid's own
 * parser, in an arena released before senbid_problem_parse() returns), the
 * problem, results, errors, and the posted result a check reads. GLPK and
 * the C library's qsort may allocate on their own during a solve. senbid
 * never calls cJSON_InitHooks, which would change cJSON for the whole
 * process.
 */
typedef struct senbid_allocator {
  void *(*malloc_fn)(size_t size, void *payload);
  void *(*realloc_fn)(void *ptr, size_t size, void *payload);
  void (*free_fn)(void *ptr, void *payload);
  void *payload;
} senbid_allocator;

/* ------------------------------------------------------------------------ */
/* Problems                                                                 */
/* ------------------------------------------------------------------------ */

/** A validated problem document (any kind). Opaque, immutable once made. */
typedef struct senbid_problem senbid_problem;

#define SENBID_PARSE_OPTIONS_VERSION 1

/** Options for senbid_problem_parse(). Fields are only ever appended. */
typedef struct senbid_parse_options {
  uint32_t version;                   /**< SENBID_PARSE_OPTIONS_VERSION */
  uint32_t flags;                     /**< reserved, must be 0 */
  const senbid_allocator *allocator;  /**< NULL: the C library's; copied */
} senbid_parse_options;

#define SENBID_PARSE_OPTIONS_INIT { SENBID_PARSE_OPTIONS_VERSION, 0, NULL }

/**
 * Fills opts with the defaults of the given version.
 * @return SENBID_OK, or SENBID_E_VERSION for a version this library does
 *         not know, SENBID_E_ARGUMENT for a NULL opts.
 */
SENBID_API int senbid_parse_options_init(senbid_parse_options *opts,
                                         uint32_t version);

/**
 * Parses and validates a problem document.
 * @param[out] out   the new problem, released with senbid_problem_free();
 *                   NULL on failure.
 * @param json       UTF-8 JSON text; need not be NUL-terminated; copied.
 * @param len        its length in bytes.
 * @param opts       NULL for the defaults.
 * @param[out] err   optional detailed error (see the conventions above).
 * @return SENBID_OK or an input-error code; nothing is half-built.
 */
SENBID_API int senbid_problem_parse(senbid_problem **out, const char *json,
                                    size_t len,
                                    const senbid_parse_options *opts,
                                    senbid_error **err);

/** Releases a problem. Accepts NULL. */
SENBID_API void senbid_problem_free(senbid_problem *problem);

/** The problem's kind: "leave", "shift_bid", "aws" or "assignment". Borrowed. */
SENBID_API const char *senbid_problem_kind(const senbid_problem *problem);

/** The number of employees in the problem. */
SENBID_API size_t senbid_problem_employee_count(const senbid_problem *problem);

/* ------------------------------------------------------------------------ */
/* Solving                                                                  */
/* ------------------------------------------------------------------------ */

/** Solution methods (SPEC "Methods"). */
typedef enum senbid_method {
  SENBID_METHOD_ROUND_ROBIN = 0,  /**< the agreement's seniority pass */
  SENBID_METHOD_LEXICOGRAPHIC = 1 /**< same priority, exact lower bounds */
} senbid_method;

/** What a finished solve or check found; apart from the call's status. */
typedef enum senbid_outcome {
  SENBID_OUTCOME_OK = 0,          /**< solved; or a check found no departure */
  SENBID_OUTCOME_INFEASIBLE = 1,  /**< hard lower bounds cannot all be met */
  SENBID_OUTCOME_TIME_LIMIT = 2,  /**< the time limit ended the solve */
  SENBID_OUTCOME_DEPARTURES = 3   /**< senbid_check() found departures */
} senbid_outcome;

/** Progress of a long solve, passed to a senbid_progress_fn. */
typedef struct senbid_progress {
  uint32_t version;       /**< 1 */
  uint32_t reserved;
  const char *phase;      /**< for example "decide", "mip"; borrowed */
  uint64_t done;          /**< decisions made so far */
  uint64_t total;         /**< decisions to make, 0 when unknown */
  uint64_t solver_calls;  /**< integer programs solved so far */
  double elapsed_seconds; /**< since the solve started */
} senbid_progress;

/**
 * Called from the solving thread now and then during a solve.
 * @return 0 to go on; any other value stops the solve, which then fails
 *         with SENBID_E_CANCELLED.
 */
typedef int (*senbid_progress_fn)(const senbid_progress *progress,
                                  void *payload);

#define SENBID_SOLVE_OPTIONS_VERSION 1

/** Options for senbid_solve(). Fields are only ever appended. */
typedef struct senbid_solve_options {
  uint32_t version;              /**< SENBID_SOLVE_OPTIONS_VERSION */
  int32_t method;                /**< a senbid_method */
  uint32_t time_limit_ms;        /**< 0: no limit */
  uint32_t flags;                /**< 0, or SENBID_SOLVE_CBC */
  senbid_progress_fn progress;   /**< optional */
  void *progress_payload;        /**< passed to progress unchanged */
} senbid_solve_options;

/** flags: solve the integer programs with COIN-OR CBC instead of GLPK
 * (the same decisions; SENBID_E_UNSUPPORTED unless built with -Dcbc). */
#define SENBID_SOLVE_CBC 1u

#define SENBID_SOLVE_OPTIONS_INIT \
  { SENBID_SOLVE_OPTIONS_VERSION, SENBID_METHOD_ROUND_ROBIN, 0, 0, NULL, NULL }

/** Fills opts with the defaults of the given version (see parse options). */
SENBID_API int senbid_solve_options_init(senbid_solve_options *opts,
                                         uint32_t version);

/** A result document (JSON) with its outcome. Opaque. */
typedef struct senbid_result senbid_result;

/**
 * Solves a problem.
 * @param[out] out   the result, released with senbid_result_free().
 * @param problem    borrowed for the call only.
 * @param opts       NULL for the defaults (round_robin, no limit).
 * @return SENBID_OK when a result document was made, whatever its outcome
 *         (see senbid_result_outcome()); otherwise an error code.
 */
SENBID_API int senbid_solve(senbid_result **out, const senbid_problem *problem,
                            const senbid_solve_options *opts,
                            senbid_error **err);

/**
 * Receives a result document in pieces, in order, for senbid_solve_to().
 * @return 0 to go on; any other value stops the writing (the solve then
 *         fails with SENBID_E_IO).
 */
typedef int (*senbid_write_fn)(const char *data, size_t len, void *payload);

/**
 * Solves a problem like senbid_solve(), but writes the result document
 * through write, in pieces of a few MiB, instead of keeping it in memory:
 * the same bytes senbid_result_json() would give. The document is written
 * after the decision pass, so its status is known.
 * @param problem   borrowed for the call only.
 * @param opts      NULL for the defaults.
 * @param payload   passed to write unchanged.
 * @param[out] outcome  optional: the senbid_outcome, as
 *                  senbid_result_outcome() would give.
 * @return SENBID_OK when the whole document was written; otherwise an
 *         error code (SENBID_E_IO when write failed). After a failure part
 *         of a document may have been written: discard it.
 */
SENBID_API int senbid_solve_to(const senbid_problem *problem,
                               const senbid_solve_options *opts,
                               senbid_write_fn write, void *payload,
                               int *outcome, senbid_error **err);

/**
 * Ranks the problem's roster (SPEC section 1): a JSON document with
 * "seniority", "ties" and "keys" (each employee's day count per key).
 */
SENBID_API int senbid_rank(senbid_result **out, const senbid_problem *problem,
                           senbid_error **err);

/**
 * Checks a posted result (possibly made by hand) against the problem's
 * rules (SPEC section 7). The result's JSON is {"departures": [...]}; its
 * outcome is SENBID_OUTCOME_DEPARTURES when there is at least one.
 * @param result_json  the posted result document; copied.
 */
SENBID_API int senbid_check(senbid_result **out, const senbid_problem *problem,
                            const char *result_json, size_t len,
                            senbid_error **err);

/**
 * Explains a result's decisions (leave only; SPEC section 2, "Conflict
 * factors"): replays the decision sequence of the method the result
 * names and returns {"senbid", "kind", "priority": [factor, ...],
 * "contested": [...]}. Each contested entry is a choice denied in a round
 * because a day was full while an employee junior by seniority, placed
 * before in that round's order by a factor of rules.priority, holds a
 * grant of that round on the day: {"round", "employee", "choice", "date",
 * "before", "granted", "factor", "rule", "detail"}, detail in plain words
 * ("E2 came before E1 in round 1: use-or-lose hours (ICE 2019 Art. 18
 * Sec. 2.E.1)"). Without rules.priority the list is empty. Other kinds:
 * SENBID_E_UNSUPPORTED. Added in 0.3.
 * @param out          set to a new result (its text: senbid_result_json),
 *                     owned by the caller: free with senbid_result_free();
 *                     NULL on failure. problem stays the caller's.
 * @param result_json  the result document (from senbid_solve); copied.
 */
SENBID_API int senbid_explain(senbid_result **out,
                              const senbid_problem *problem,
                              const char *result_json, size_t len,
                              senbid_error **err);

/**
 * Writes the problem's integer program (lexicographic method, first stage)
 * in CPLEX LP format; the text is the result's JSON buffer.
 */
SENBID_API int senbid_export_lp(senbid_result **out,
                                const senbid_problem *problem,
                                const senbid_solve_options *opts,
                                senbid_error **err);

/**
 * The result's text (a JSON document, or LP text from senbid_export_lp()),
 * NUL-terminated. Borrowed: lives until senbid_result_free().
 * @param[out] len  optional, its length in bytes.
 */
SENBID_API const char *senbid_result_json(const senbid_result *result,
                                          size_t *len);

/** The result's senbid_outcome. */
SENBID_API int senbid_result_outcome(const senbid_result *result);

/** Releases a result. Accepts NULL. */
SENBID_API void senbid_result_free(senbid_result *result);

/* ------------------------------------------------------------------------ */
/* The registry of codes                                                    */
/* ------------------------------------------------------------------------ */

/**
 * What a code in a result means, for reports and user interfaces: the
 * reason codes, audit events, departure codes and warnings of each kind
 * (doc/formats.md lists them with their clauses).
 * @param kind    "leave", "shift_bid", "aws" or "assignment".
 * @param code    a reason, departure or warning code ("CAPACITY") or an
 *                audit event ("grant"); reasons are looked up first, then
 *                departures, warnings and events.
 * @param[out] clause  optional: the clause id ("NBPC2019.ART14.C2"), or ""
 *                when the code has no single clause; static storage.
 * @return a one-line description in plain words (static storage), or NULL
 *         when the kind or code is unknown.
 */
SENBID_API const char *senbid_code_describe(const char *kind, const char *code,
                                            const char **clause);

/* ------------------------------------------------------------------------ */
/* Bidding sessions (SPEC section 10; doc/sessions.md)                      */
/* ------------------------------------------------------------------------ */

/**
 * A bidding session runs the round_robin decision sequence of a
 * "shift_bid" problem (SPEC 10 also defines "leave" sessions, not yet
 * available) one turn at a time. Its state is the problem plus the
 * list of actions taken (senbid_session_state()); everything else is
 * derived by replaying the actions, so a system stores the state text and
 * may reopen it anywhere (senbid_session_open()).
 *
 * Threads: a session handle must not be used by two threads at once;
 * distinct handles may be used from distinct threads. Every call copies its
 * inputs.
 */
typedef struct senbid_session senbid_session;

#define SENBID_SESSION_OPTIONS_VERSION 1

/** Options for senbid_session_start() and senbid_session_open(). Fields are
 *  only ever appended. */
typedef struct senbid_session_options {
  uint32_t version;                   /**< SENBID_SESSION_OPTIONS_VERSION */
  uint32_t flags;                     /**< 0 */
  const senbid_allocator *allocator;  /**< NULL: the C library's; copied */
} senbid_session_options;

#define SENBID_SESSION_OPTIONS_INIT { SENBID_SESSION_OPTIONS_VERSION, 0, NULL }

/** Fills opts with the defaults of this version. SENBID_E_VERSION for a
 *  version this library does not know, SENBID_E_ARGUMENT for a NULL opts. */
SENBID_API int senbid_session_options_init(senbid_session_options *opts,
                                           uint32_t version);

/**
 * Starts a session on a problem document (JSON text): no actions yet; for
 * a shift bid, steps 1-2 are made.
 * @return SENBID_OK, an input-error code of the problem, or
 *         SENBID_E_UNSUPPORTED (at "$.kind") for a kind without sessions
 *         (sessions run the kinds leave and shift_bid).
 */
SENBID_API int senbid_session_start(senbid_session **out, const char *problem_json,
                                    size_t len,
                                    const senbid_session_options *opts,
                                    senbid_error **err);

/**
 * Reopens a stored state (the text senbid_session_state() gave). A state
 * whose actions do not replay on its problem is rejected with the code and
 * path of the first action that fails ("$.actions[3].employee", TURN).
 */
SENBID_API int senbid_session_open(senbid_session **out, const char *state_json,
                                   size_t len,
                                   const senbid_session_options *opts,
                                   senbid_error **err);

/** Releases a session. Accepts NULL. */
SENBID_API void senbid_session_free(senbid_session *session);

/**
 * Takes one action (JSON text: {"act": "bid"|"pass"|"proxy"|"undo",
 * "employee", ...}). On success *out holds the decision it made as JSON
 * (release with senbid_result_free()). An action refused (SENBID_E_TURN:
 * not this employee's turn at "$.employee", nothing to undo or a finished
 * session at "$.act"; or an input-error code) changes nothing.
 */
SENBID_API int senbid_session_act(senbid_result **out, senbid_session *session,
                                  const char *action_json, size_t len,
                                  senbid_error **err);

/** Whose turn it is, who comes next and what is still open, as JSON. */
SENBID_API int senbid_session_status(senbid_result **out,
                                     const senbid_session *session,
                                     senbid_error **err);

/** The state to store: {"senbid", "session", "problem", "actions"}. */
SENBID_API int senbid_session_state(senbid_result **out,
                                    const senbid_session *session,
                                    senbid_error **err);

/** The result document as it stands (status "in_progress" until the
 *  session is finished, then "ok"). */
SENBID_API int senbid_session_result(senbid_result **out,
                                     const senbid_session *session,
                                     senbid_error **err);

/** Whether every turn has been taken. */
SENBID_API int senbid_session_finished(const senbid_session *session);

/* ------------------------------------------------------------------------ */
/* The one-call entry (for bindings: doc/bindings.md)                       */
/* ------------------------------------------------------------------------ */

/**
 * Runs one request given as JSON text and returns exactly the text the
 * command-line driver prints for it, so that a binding needs no C struct:
 *
 *   {"command": "solve" | "check" | "rank" | "export_lp" | "explain",
 *    "problem": {...},          the problem document, or a JSON string
 *                               holding its text
 *    "result":  {...},          check and explain only: the posted result
 *                               (same forms); explain returns the text of
 *                               senbid_explain()
 *    "options": {"method": "round_robin" | "lexicographic",
 *                "time_limit": SECONDS}}      optional; round_robin, none
 *
 * Bidding sessions (doc/sessions.md) carry their state in the request:
 *   {"command": "session_start", "problem": ...}       -> the state
 *   {"command": "session_status" | "session_result", "state": ...}
 *   {"command": "session_act", "state": ..., "action": {...}}
 *                                   -> {"decision": {...}, "state": {...}}
 * More commands may be added; existing ones never change.
 * @param[out] out      the output (a JSON document, or LP text for
 *                      export_lp), NUL-terminated; release it with
 *                      senbid_free(). NULL on failure.
 * @param[out] out_len  optional, its length in bytes.
 * @param[out] outcome  optional, a senbid_outcome (as senbid_result_outcome).
 * @param request       UTF-8 JSON text; need not be NUL-terminated; copied.
 * @param[out] err      optional detailed error. Errors inside an embedded
 *                      document have the path the CLI reports for that
 *                      document ("$.employees[3].service.scd"); errors of the
 *                      request itself have paths rooted at "request"
 *                      ("request.options.method").
 * @return SENBID_OK or an error code (SENBID_E_CANCELLED when stopped).
 */
SENBID_API int senbid_call(char **out, size_t *out_len, int *outcome,
                           const char *request, size_t request_len,
                           senbid_error **err);

/**
 * senbid_call() with a progress callback for solve and export_lp, called
 * from the calling thread; a non-zero return stops the solve, which then
 * fails with SENBID_E_CANCELLED (how a binding turns Ctrl-C into a stop).
 */
SENBID_API int senbid_call_with_progress(char **out, size_t *out_len,
                                         int *outcome, const char *request,
                                         size_t request_len,
                                         senbid_progress_fn progress,
                                         void *payload, senbid_error **err);

/** Releases what senbid_call() returned in *out. Accepts NULL. */
SENBID_API void senbid_free(void *ptr);

#ifdef __cplusplus
}
#endif

#endif /* SENBID_SENBID_H */
