'use strict';
// senbid for Node.js: koffi over libsenbid's one-call entry (senbid_call).
// Every function gives exactly what the `senbid` CLI prints. The async
// functions run the call on a worker thread (koffi's .async), so the event
// loop is never blocked; progress callbacks are queued back to it.
const fs = require('node:fs');
const L = require('./lib.js');

const OUTCOMES = ['ok', 'infeasible', 'time_limit', 'departures'];

class SenbidError extends Error {
  constructor(codeNumber, code, path, message) {
    super(`${code} at ${path || '$'}: ${message}`);
    this.name = 'SenbidError';
    this.codeNumber = codeNumber; // the negative senbid_code
    this.code = code;             // its stable name, for example "DATE"
    this.path = path;             // JSON path in the document, or request.…
    this.detail = message;        // the library's one-line message
  }
}
/** The problem or posted result is not valid (codes JSON ... IO). */
class InputError extends SenbidError {
  constructor(...a) { super(...a); this.name = 'InputError'; }
}
/** The progress callback returned false, or the AbortSignal fired. */
class CancelledError extends SenbidError {
  constructor(...a) { super(...a); this.name = 'CancelledError'; }
}

/** A session action out of turn, or nothing to undo (code TURN). */
class TurnError extends InputError {
  constructor(...a) { super(...a); this.name = 'TurnError'; }
}

const E_SOLVER = -15;
const E_CANCELLED = -20;
const E_TURN = -21;

function makeError(code, path, message) {
  const name = L.codeName(code);
  if (code === E_TURN) return new TurnError(code, name, path, message);
  if (code < 0 && code > E_SOLVER) return new InputError(code, name, path, message);
  if (code === E_CANCELLED) return new CancelledError(code, name, path, message);
  return new SenbidError(code, name, path, message);
}

// A document member of the request: text goes in as a JSON string (so
// malformed text gets the CLI's own error), an object as an object.
function documentJSON(doc) {
  if (Buffer.isBuffer(doc) || doc instanceof Uint8Array) return JSON.stringify(Buffer.from(doc).toString('utf8'));
  if (typeof doc === 'string') return JSON.stringify(doc);
  if (doc instanceof URL) return JSON.stringify(fs.readFileSync(doc, 'utf8'));
  if (doc && typeof doc === 'object') return JSON.stringify(doc);
  throw new TypeError('a problem is an object, a string of JSON text, a Buffer or a file URL');
}

function request(command, problem, result, options) {
  let s = `{"command": ${JSON.stringify(command)}`;
  if (options) s += `, "options": ${JSON.stringify(options)}`;
  s += `, "problem": ${documentJSON(problem)}`;
  if (result !== undefined) s += `, "result": ${documentJSON(result)}`;
  return Buffer.from(s + '}', 'utf8');
}

function solveOptions(o) {
  const opts = { method: o.method ?? 'lexicographic' };
  const t = o.timeLimit === undefined ? 30 : o.timeLimit;
  if (t !== null) opts.time_limit = t;
  return opts;
}

// One call: its progress callback is registered for the call's lifetime.
function prepare(command, req, o) {
  const st = { cancelled: false, raised: null, cb: null };
  const { progress, signal } = o;
  if (progress || signal) {
    st.cb = L.koffi.register((p) => {
      if (st.cancelled || (signal && signal.aborted)) return 1;
      if (!progress) return 0;
      try {
        const q = L.koffi.decode(p, L.Progress);
        const r = progress({
          phase: q.phase, done: Number(q.done), total: Number(q.total),
          solverCalls: Number(q.solver_calls), elapsedSeconds: q.elapsed_seconds,
        });
        return r === false ? 1 : 0;
      } catch (e) {
        st.raised = e;
        return 1;
      }
    }, L.ProgressFnPtr);
  }
  const args = [[null], [0], [0], req, req.length, st.cb, null, [null]];
  return { st, args };
}

function finish(command, { st, args }, rc, raw) {
  if (st.cb) L.koffi.unregister(st.cb);
  const [out, len, outcome, , , , , err] = args;
  if (rc !== 0) {
    const e = err[0];
    const code = e ? L.errorCode(e) : rc;
    const error = makeError(code, e ? L.errorPath(e) : '', e ? L.errorMessage(e) : '');
    L.errorFree(e);
    if (st.raised) throw st.raised;
    throw error;
  }
  let text;
  try {
    text = L.koffi.decode(out[0], 'char', Number(len[0]));
  } finally {
    L.free(out[0]);
  }
  const oc = OUTCOMES[outcome[0]] ?? String(outcome[0]);
  if (raw || command === 'export_lp') return { text, outcome: oc };
  const doc = JSON.parse(text);
  Object.defineProperty(doc, 'outcome', { value: oc, enumerable: false });
  Object.defineProperty(doc, 'text', { value: text, enumerable: false });
  return doc;
}

function callSync(command, req, o) {
  const c = prepare(command, req, o);
  return finish(command, c, L.call(...c.args), o.raw);
}

function callAsync(command, req, o) {
  return new Promise((resolve, reject) => {
    const c = prepare(command, req, o);
    if (o.signal) o.signal.addEventListener('abort', () => { c.st.cancelled = true; }, { once: true });
    L.call.async(...c.args, (e, rc) => {
      if (e) {
        if (c.st.cb) L.koffi.unregister(c.st.cb);
        reject(e);
        return;
      }
      try {
        resolve(finish(command, c, rc, o.raw));
      } catch (err) {
        reject(err);
      }
    });
  });
}

/**
 * Solves a problem (`senbid solve`) on a worker thread.
 * @param problem an object, JSON text (string or Buffer) or a file URL.
 * @param o {method = 'lexicographic', timeLimit = 30 (seconds, null: none),
 *           progress(p) (return false to stop), signal (AbortSignal), raw}
 * @returns a Promise of the result document (with non-enumerable `outcome`
 *          and `text`), or of {text, outcome} with raw.
 */
function solve(problem, o = {}) {
  return callAsync('solve', request('solve', problem, undefined, solveOptions(o)), o);
}
function solveSync(problem, o = {}) {
  return callSync('solve', request('solve', problem, undefined, solveOptions(o)), o);
}
/** Checks a posted result (`senbid check`); outcome 'departures' when it departs. */
function check(problem, result, o = {}) {
  return callAsync('check', request('check', problem, result), o);
}
function checkSync(problem, result, o = {}) {
  return callSync('check', request('check', problem, result), o);
}
/** Ranks the roster by seniority (`senbid rank`). */
function rank(problem, o = {}) {
  return callAsync('rank', request('rank', problem), o);
}
function rankSync(problem, o = {}) {
  return callSync('rank', request('rank', problem), o);
}
/**
 * Why each contested decision of a posted leave result went as it did under
 * rules.priority (senbid_explain; `senbid report` prints each `detail`):
 * `contested` names, for each choice denied or granted only an alternate
 * because a junior came first in its round, that employee (`before`) and the
 * deciding `factor`. Other kinds: SenbidError with code 'UNSUPPORTED'.
 */
function explain(problem, result, o = {}) {
  return callAsync('explain', request('explain', problem, result), o);
}
function explainSync(problem, result, o = {}) {
  return callSync('explain', request('explain', problem, result), o);
}
/** The integer program in CPLEX LP format (`senbid export-lp`): {text, outcome}. */
function exportLp(problem, o = {}) {
  return callAsync('export_lp', request('export_lp', problem, undefined, solveOptions({ timeLimit: null, ...o })), o);
}
function exportLpSync(problem, o = {}) {
  return callSync('export_lp', request('export_lp', problem, undefined, solveOptions({ timeLimit: null, ...o })), o);
}
/** The library's version string. */
function version() {
  return L.version();
}

// ------------------------------------------------------------ sessions

function sessionRequest(command, members) {
  let s = `{"command": ${JSON.stringify(command)}`;
  for (const [k, v] of Object.entries(members)) s += `, "${k}": ${documentJSON(v)}`;
  return Buffer.from(s + '}', 'utf8');
}

/**
 * A bidding session (SPEC section 10, doc/sessions.md): a shift bid run one
 * turn at a time. The whole session is `state` (JSON text: the problem and
 * the actions); store it anywhere and reopen it with Session.open().
 *   const s = Session.start(problem);
 *   const d = s.act({ act: 'proxy', employee: s.status().turn.employee });
 * An action out of turn throws TurnError and changes nothing.
 */
class Session {
  constructor(state) { this.state = state; }
  /** Starts a session on a problem (`senbid session start`). */
  static start(problem) {
    const r = callSync('session_start', sessionRequest('session_start', { problem }), { raw: true });
    return new Session(r.text);
  }
  /** A stored state (text, object or Buffer), checked by replaying it. */
  static open(state) {
    const text = Buffer.isBuffer(state) ? state.toString('utf8')
      : typeof state === 'string' ? state : JSON.stringify(state);
    const s = new Session(text);
    s.status();
    return s;
  }
  /** Whose turn it is, who comes next and what is still open. */
  status() {
    return callSync('session_status', sessionRequest('session_status', { state: this.state }), {});
  }
  /** Takes one action and returns the decision; `state` then holds the new state. */
  act(action) {
    const r = callSync('session_act', sessionRequest('session_act', { state: this.state, action }), {});
    this.state = JSON.stringify(r.state);
    return r.decision;
  }
  /** The result document as it stands ('in_progress' until the last turn). */
  result() {
    return callSync('session_result', sessionRequest('session_result', { state: this.state }), {});
  }
}

module.exports = {
  solve, solveSync, check, checkSync, rank, rankSync, explain, explainSync,
  exportLp, exportLpSync, version,
  SenbidError, InputError, CancelledError, TurnError, Session,
};
