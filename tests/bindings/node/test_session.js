'use strict';
// The Node.js Session class (SPEC section 10, doc/sessions.md): by proxy it
// gives the solve's result but for audit, TURN errors change nothing, undo,
// a stored state reopened, and the same decisions as `senbid session`.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const SOURCE = process.env.SENBID_SOURCE || path.resolve(__dirname, '..', '..', '..');
const senbid = require(path.join(SOURCE, 'bindings', 'node'));
const CLI = process.env.SENBID_CLI;
const DEMO = path.join(SOURCE, 'examples', 'data', 'shiftbid_demo.json');
const problem = fs.readFileSync(DEMO, 'utf8');
const turnOf = (s) => { const t = s.status().turn; return t ? t.employee : null; };

test('every turn by proxy gives the round_robin result but audit', () => {
  const s = senbid.Session.start(problem);
  for (let e; (e = turnOf(s));) s.act({ act: 'proxy', employee: e });
  const res = { ...s.result() };
  const solved = { ...senbid.solveSync(problem, { method: 'round_robin' }) };
  delete res.audit;
  delete solved.audit;
  assert.deepEqual(res, solved);
  assert.throws(() => s.act({ act: 'undo' }), (e) => e instanceof senbid.TurnError && e.path === '$.act');
});

test('out of turn: TurnError at $.employee, the state unchanged', () => {
  const s = senbid.Session.start(JSON.parse(problem));
  const before = s.state;
  assert.throws(() => s.act({ act: 'proxy', employee: 'A02' }),
    (e) => e instanceof senbid.TurnError && e instanceof senbid.InputError && e.code === 'TURN' && e.path === '$.employee');
  assert.equal(s.state, before);
});

test('bid, undo, reopen', () => {
  const s = senbid.Session.start(problem);
  const d = s.act({ act: 'bid', employee: 'A01', prefs: ['MID'] });
  assert.deepEqual(d.placed, { shift: 'MID', reason: 'SENIORITY', rank: 1 });
  const u = s.act('{"act": "undo"}');
  assert.equal(u.undoes, 1);
  const s2 = senbid.Session.open(s.state);
  assert.deepEqual(s2.status(), s.status());
  assert.equal(s.result().status, 'in_progress');
});

test('the same decisions and state as the CLI', { skip: !CLI && 'SENBID_CLI not set' }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'senbid-session-'));
  const st = path.join(dir, 'st.json');
  spawnSync(CLI, ['session', 'start', DEMO, '-o', st]);
  const s = senbid.Session.start(problem);
  for (const a of [{ act: 'bid', employee: 'A01', prefs: ['SWING', 'DAY'] }, { act: 'proxy', employee: 'A02' }]) {
    fs.writeFileSync(path.join(dir, 'a.json'), JSON.stringify(a));
    const r = spawnSync(CLI, ['session', 'act', st, path.join(dir, 'a.json')]);
    assert.equal(r.status, 0);
    assert.deepEqual(JSON.parse(r.stdout.toString()), s.act(a));
  }
  assert.deepEqual(JSON.parse(fs.readFileSync(st, 'utf8')), JSON.parse(s.state));
  fs.rmSync(dir, { recursive: true });
});
