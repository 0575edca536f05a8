'use strict';
// The Node.js Session class on a leave problem (SPEC section 10, NBPC 2019
// Art. 14 C.2-C.3; doc/sessions.md "Leave sessions"): start, status, bid,
// pass, proxy and undo, TURN and input errors with code and path, a stored
// state reopened, a session by proxy giving round_robin's result but for
// audit, and the same decisions as `senbid session`. Mirrors
// test_session.js (shift bids).
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const SOURCE = process.env.SENBID_SOURCE || path.resolve(__dirname, '..', '..', '..');
const senbid = require(path.join(SOURCE, 'bindings', 'node'));
const CLI = process.env.SENBID_CLI;
const DEMO = path.join(SOURCE, 'examples', 'data', 'leave_demo.json');
const problem = fs.readFileSync(DEMO, 'utf8');
const turnOf = (s) => { const t = s.status().turn; return t ? t.employee : null; };
// A104 is the most senior with a request; A114 comes next (C.2).
const LIVE = { act: 'bid', employee: 'A104', choice: { id: 'live', options: [{ start: '2026-10-05', end: '2026-10-06' }] } };
const inputError = (code, p) => (e) => e instanceof senbid.InputError && e.code === code && e.path === p;

test('leave: start and status', () => {
  const s = senbid.Session.start(problem);
  const st = s.status();
  assert.equal(st.finished, false);
  assert.deepEqual(st.turn, { employee: 'A104', round: 1, position: 1 });
  assert.deepEqual(st.upcoming[0], { employee: 'A114', round: 1, position: 2 });
  assert.equal(st.open.days[0].date, '2026-10-01');
  assert.deepEqual(st.open.choices.map((c) => c.choice), ['spring', 'christmas', 'presidents']);
  assert.equal(s.result().status, 'in_progress');
});

test('leave: every turn by proxy gives the round_robin result but audit', () => {
  const s = senbid.Session.start(JSON.parse(problem));
  for (let e; (e = turnOf(s));) assert.equal(s.act({ act: 'proxy', employee: e }).act, 'proxy');
  const res = { ...s.result() };
  const solved = { ...senbid.solveSync(problem, { method: 'round_robin' }) };
  const audit = res.audit;
  delete res.audit;
  delete solved.audit;
  assert.deepEqual(res, solved);
  assert.equal(res.status, 'ok');
  const first = audit.find((a) => a.event === 'proxy');
  assert.deepEqual({ ...first, seq: 0 }, { seq: 0, employee: 'A104', event: 'proxy', rule: 'NBPC2019.ART14.C2', detail: 'action 1' });
  assert.deepEqual(s.status(), { finished: true, round: null, turn: null, upcoming: [], open: { days: [], choices: [] } });
  assert.throws(() => s.act({ act: 'undo' }), (e) => e instanceof senbid.TurnError && e.code === 'TURN' && e.path === '$.act');
  assert.throws(() => s.act({ act: 'proxy', employee: 'A104' }), (e) => e instanceof senbid.TurnError && e.path === '$.employee');
});

test('leave: TURN and input errors change nothing', () => {
  const s = senbid.Session.start(problem);
  const before = s.state;
  assert.throws(() => s.act({ act: 'pass', employee: 'A114' }),
    (e) => e instanceof senbid.TurnError && e instanceof senbid.InputError && e.code === 'TURN' && e.path === '$.employee');
  assert.throws(() => s.act({ act: 'bid', employee: 'A104' }), inputError('MISSING', '$.choice'));
  assert.throws(() => s.act({ act: 'bid', employee: 'A104', choice: { id: 'x', options: [{ start: '2026-10-09', end: '2026-10-05' }] } }),
    inputError('RANGE', '$.choice.options[0].end'));
  assert.throws(() => s.act({ act: 'bid', employee: 'NOBODY', choice: LIVE.choice }), inputError('UNKNOWN_ID', '$.employee'));
  assert.throws(() => s.act({ act: 'undo' }), (e) => e instanceof senbid.TurnError && e.path === '$.act');
  assert.equal(s.state, before);
});

test('leave: bid denied and granted, undo, pass', () => {
  const s = senbid.Session.start(problem);
  // C.3: a choice that cannot be granted is denied; A104 keeps the turn.
  let d = s.act({ act: 'bid', employee: 'A104', choice: { id: 'late', options: [{ start: '2030-01-01', end: '2030-01-02' }] } });
  assert.equal(d.granted, null);
  assert.deepEqual(d.denied, [{ employee: 'A104', choice: 'late', round: 1, options: [{ option: 0, reason: 'OUTSIDE_PERIOD' }] }]);
  assert.deepEqual(d.next, { employee: 'A104', round: 1, position: 1 });
  d = s.act(LIVE);
  assert.deepEqual(d.granted, { choice: 'live', option: 0, start: '2026-10-05', end: '2026-10-06', round: 1 });
  assert.equal(d.next.employee, 'A114');
  const u = s.act('{"act": "undo"}');
  assert.deepEqual(u, { seq: 3, act: 'undo', undoes: 2, finished: false, next: { employee: 'A104', round: 1, position: 1 } });
  const p = s.act({ act: 'pass', employee: 'A104' });
  assert.equal(p.passed, true);
  assert.equal(p.next.employee, 'A114');
  assert.ok(s.status().upcoming.every((t) => t.employee !== 'A104'));
  const acts = JSON.parse(s.state).actions;
  assert.deepEqual(acts.map((a) => a.act), ['bid', 'bid', 'undo', 'pass']);
  assert.deepEqual(acts[2], { seq: 3, act: 'undo', undoes: 2 });
});

test('leave: a stored state reopened', () => {
  const s = senbid.Session.start(problem);
  s.act(LIVE);
  s.act({ act: 'proxy', employee: 'A114' });
  s.act({ act: 'undo' });
  s.act({ act: 'pass', employee: 'A114' });
  const s2 = senbid.Session.open(s.state);
  assert.equal(s2.state, s.state);
  assert.deepEqual(s2.status(), s.status());
  assert.deepEqual(s2.result(), s.result());
  const e = turnOf(s);
  assert.deepEqual(s2.act({ act: 'proxy', employee: e }), s.act({ act: 'proxy', employee: e }));
  const bad = { senbid: 1, session: 1, problem: JSON.parse(problem),
    actions: [{ act: 'proxy', employee: 'A104' }, { act: 'pass', employee: 'A104' }] };
  assert.throws(() => senbid.Session.open(JSON.stringify(bad)),
    (x) => x instanceof senbid.TurnError && x.code === 'TURN' && x.path === '$.actions[1].employee');
});

test('leave: the same decisions and state as the CLI', { skip: !CLI && 'SENBID_CLI not set' }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'senbid-session-leave-'));
  const st = path.join(dir, 'st.json');
  assert.equal(spawnSync(CLI, ['session', 'start', DEMO, '-o', st]).status, 0);
  const s = senbid.Session.start(problem);
  for (const a of [LIVE, { act: 'proxy', employee: 'A114' }, { act: 'undo' }, { act: 'pass', employee: 'A114' }]) {
    fs.writeFileSync(path.join(dir, 'a.json'), JSON.stringify(a));
    const r = spawnSync(CLI, ['session', 'act', st, path.join(dir, 'a.json')]);
    assert.equal(r.status, 0);
    assert.deepEqual(JSON.parse(r.stdout.toString()), s.act(a));
  }
  assert.deepEqual(JSON.parse(fs.readFileSync(st, 'utf8')), JSON.parse(s.state));
  fs.rmSync(dir, { recursive: true });
});
