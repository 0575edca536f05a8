export type Document = object | string | Buffer | Uint8Array | URL;
export type Outcome = 'ok' | 'infeasible' | 'time_limit' | 'departures';
export interface Progress {
  phase: string; done: number; total: number; solverCalls: number; elapsedSeconds: number;
}
export interface SolveOptions {
  method?: 'round_robin' | 'lexicographic';
  /** seconds; null for no limit (default 30) */
  timeLimit?: number | null;
  /** return false to stop the solve (CancelledError) */
  progress?: (p: Progress) => boolean | void;
  signal?: AbortSignal;
  raw?: boolean;
}
export interface CallOptions { raw?: boolean; }
export type ResultDoc = Record<string, unknown> & { readonly outcome: Outcome; readonly text: string };
export interface RawResult { text: string; outcome: Outcome; }
export function solve(problem: Document, o?: SolveOptions): Promise<ResultDoc | RawResult>;
export function solveSync(problem: Document, o?: SolveOptions): ResultDoc | RawResult;
export function check(problem: Document, result: Document, o?: CallOptions): Promise<ResultDoc | RawResult>;
export function checkSync(problem: Document, result: Document, o?: CallOptions): ResultDoc | RawResult;
export function rank(problem: Document, o?: CallOptions): Promise<ResultDoc | RawResult>;
export function rankSync(problem: Document, o?: CallOptions): ResultDoc | RawResult;
/** Contested decisions of a posted leave result under rules.priority (senbid_explain). */
export function explain(problem: Document, result: Document, o?: CallOptions): Promise<ResultDoc | RawResult>;
export function explainSync(problem: Document, result: Document, o?: CallOptions): ResultDoc | RawResult;
export function exportLp(problem: Document, o?: SolveOptions): Promise<RawResult>;
export function exportLpSync(problem: Document, o?: SolveOptions): RawResult;
export function version(): string;
export class SenbidError extends Error {
  codeNumber: number; code: string; path: string; detail: string;
}
export class InputError extends SenbidError {}
export class CancelledError extends SenbidError {}
/** A session action out of turn, or nothing to undo (code TURN). */
export class TurnError extends InputError {}
/** A bidding session (SPEC section 10, doc/sessions.md). */
export class Session {
  /** The whole session: the problem and the actions, as JSON text. */
  state: string;
  constructor(state: string);
  static start(problem: Document): Session;
  static open(state: string | Buffer | Record<string, unknown>): Session;
  status(): ResultDoc;
  /** Takes one action; returns the decision and updates `state`. */
  act(action: Record<string, unknown> | string): Record<string, unknown>;
  result(): ResultDoc;
}
