'use strict';
// The Node.js package against the CLI: byte-identical output on every demo
// and conformance case, errors with the CLI's code and path, progress,
// cancellation, a free event loop and parallel calls.
// Environment (tests/meson.build): SENBID_CLI, SENBID_LIBRARY,
// SENBID_SOURCE, optionally SENBID_SHARED (conformance cases are skipped
// when it is absent).
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const SOURCE = process.env.SENBID_SOURCE || path.resolve(__dirname, '..', '..', '..');
const senbid = require(path.join(SOURCE, 'bindings', 'node'));
const CLI = process.env.SENBID_CLI;
const SHARED = process.env.SENBID_SHARED || path.join(SOURCE, '..', 'shared');
const DEMO_DIR = path.join(SOURCE, 'examples', 'data');
const DEMOS = fs.readdirSync(DEMO_DIR).filter((f) => f.endsWith('_demo.json')).sort().map((f) => path.join(DEMO_DIR, f));
const LEAVE = path.join(DEMO_DIR, 'leave_demo.json');
const read = (p) => fs.readFileSync(p, 'utf8');

function cli(args, input) {
  const r = spawnSync(CLI, args, { input, maxBuffer: 1 << 30 });
  return { rc: r.status, out: r.stdout.toString('utf8'), err: r.stderr.toString('utf8') };
}
const exitOf = (o) => (o === 'infeasible' || o === 'departures' ? 1 : 0);

function findCases(dir) {
  const out = [];
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...findCases(p));
    else if (e.name.endsWith('.problem.json')) out.push(p);
  }
  return out;
}

async function sameAsCli(problem, method) {
  const c = cli(['solve', problem, '--method', method]);
  assert.ok(c.rc === 0 || c.rc === 1, c.err);
  const got = await senbid.solve(read(problem), { method, timeLimit: null, raw: true });
  assert.equal(got.text, c.out);
  assert.equal(exitOf(got.outcome), c.rc);
}

test('demos: solve is byte-identical to the CLI, both methods', { skip: !CLI && 'SENBID_CLI not set' }, async () => {
  for (const d of DEMOS) for (const m of ['round_robin', 'lexicographic']) await sameAsCli(d, m);
});

const SETS = [['conformance', ['round_robin', 'lexicographic']],
  ['conformance-lexicographic', ['lexicographic']],
  ['conformance-factors', ['round_robin', 'lexicographic']]];
const cases = SETS.flatMap(([s, ms]) => findCases(path.join(SHARED, s)).map((p) => [p, ms]));
test('conformance: solve and check are byte-identical to the CLI',
  { skip: (!CLI && 'SENBID_CLI not set') || (!cases.length && `no conformance cases at ${SHARED}`) }, async () => {
    for (const [p, ms] of cases) {
      for (const m of ms) await sameAsCli(p, m);
      const exp = p.replace(/\.problem\.json$/, '.expected.json');
      const c = cli(['check', p, exp]);
      const got = await senbid.check(read(p), read(exp), { raw: true });
      assert.equal(got.text, c.out, p);
      assert.equal(exitOf(got.outcome), c.rc);
    }
  });

test('demos: check, rank and export-lp are byte-identical to the CLI', { skip: !CLI && 'SENBID_CLI not set' }, async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'senbid-node-'));
  try {
    for (const d of DEMOS) {
      const posted = senbid.solveSync(read(d), { method: 'round_robin', raw: true }).text;
      fs.writeFileSync(path.join(tmp, 'r.json'), posted);
      const chk = await senbid.check(read(d), posted, { raw: true });
      assert.equal(chk.text, cli(['check', d, path.join(tmp, 'r.json')]).out);
      assert.equal(chk.outcome, 'ok');
      assert.equal((await senbid.rank(read(d), { raw: true })).text, cli(['rank', d]).out);
      const lp = cli(['export-lp', d, '-o', path.join(tmp, 'm.lp')]);
      if (lp.rc === 0) {
        assert.equal((await senbid.exportLp(read(d))).text, read(path.join(tmp, 'm.lp')));
      } else {
        await assert.rejects(senbid.exportLp(read(d)), (e) => lp.err.startsWith(`senbid: ${e.code} at `));
      }
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

// ICE2019.ART18.SEC2.E: the ICE demo solved round_robin has choices denied
// (or granted an alternate) because a junior came first in the round on a
// conflict factor; `senbid report` prints each one.
test('explain names the contested decisions senbid report prints', { skip: !CLI && 'SENBID_CLI not set' }, async () => {
  const demo = path.join(DEMO_DIR, 'leave_ice_demo.json');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'senbid-node-'));
  try {
    const posted = senbid.solveSync(read(demo), { method: 'round_robin', raw: true }).text;
    fs.writeFileSync(path.join(tmp, 'r.json'), posted);
    const report = cli(['report', demo, path.join(tmp, 'r.json')]);
    assert.equal(report.rc, 0, report.err);
    const got = await senbid.explain(read(demo), posted);
    assert.equal(got.outcome, 'ok');
    assert.equal(got.kind, 'leave');
    assert.ok(got.contested.length > 0);
    const lines = [];
    for (const c of got.contested) {
      assert.ok(c.detail.includes(c.before) && c.detail.includes(c.employee));
      assert.ok(got.priority.includes(c.factor));
      const done = c.outcome === 'alternate' ? 'granted an alternate' : 'denied';
      lines.push(`  ${c.detail}`, `    so ${c.employee}'s ${c.choice} was ${done} (${c.date} full)`);
    }
    const head = 'Contested decisions settled by a conflict factor before seniority (rules.priority):\n';
    assert.ok(report.out.includes(head + lines.join('\n') + '\n'));
    assert.equal(senbid.explainSync(read(demo), JSON.parse(posted), { raw: true }).text, got.text);
    // Other kinds have no explanation; a malformed result is an input error.
    const sb = path.join(DEMO_DIR, 'shiftbid_demo.json');
    const sbPosted = senbid.solveSync(read(sb), { method: 'round_robin', raw: true }).text;
    assert.throws(() => senbid.explainSync(read(sb), sbPosted), (e) => e.code === 'UNSUPPORTED');
    await assert.rejects(senbid.explain(read(LEAVE), '{"senbid": 1,'),
      (e) => e instanceof senbid.InputError && e.code === 'JSON');
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test('every input form gives the same result', async () => {
  const text = read(LEAVE);
  const forms = [text, Buffer.from(text), JSON.parse(text), new URL(`file://${LEAVE}`)];
  const got = await Promise.all(forms.map((f) => senbid.solve(f, { method: 'round_robin', raw: true })));
  for (const g of got) assert.equal(g.text, got[0].text);
  const doc = await senbid.solve(text, { method: 'round_robin' });
  assert.equal(doc.status, 'ok');
  assert.equal(doc.outcome, 'ok');
  assert.equal(doc.text, got[0].text);
  assert.ok(!Object.keys(doc).includes('outcome'));
});

test('input errors carry the CLI error line\'s code and path', { skip: !CLI && 'SENBID_CLI not set' }, async () => {
  for (const [text, code, p] of [['{"senbid": 1, "kind": "leave",', 'JSON', '$'],
    ['{"senbid": 1, "kind": "leave", "as_of": "2026-02-30"}', 'DATE', '$.as_of']]) {
    const c = cli(['solve', '-'], text);
    assert.equal(c.rc, 2);
    await assert.rejects(senbid.solve(text), (e) => {
      assert.ok(e instanceof senbid.InputError && e instanceof Error);
      assert.equal(e.code, code);
      assert.equal(e.path, p);
      assert.equal(c.err, `senbid: ${e.code} at ${e.path}: ${e.detail}\n`);
      return true;
    });
  }
  assert.throws(() => senbid.solveSync(read(LEAVE), { method: 'greedy' }),
    (e) => e.code === 'VALUE' && e.path === 'request.options.method');
});

test('check reports a departure from seniority order', async () => {
  // tests/data/lex_leave.json: round_robin grants E1, the most senior, the
  // leave asked for first (NBPC2019.ART14.C2); dropping that grant departs.
  const problem = read(path.join(SOURCE, 'tests', 'data', 'lex_leave.json'));
  const solved = await senbid.solve(problem, { method: 'round_robin' });
  const posted = JSON.parse(solved.text);
  assert.equal(posted.grants[0].employee, 'E1');
  posted.grants.shift();
  const got = await senbid.check(problem, posted);
  assert.equal(got.outcome, 'departures');
  assert.deepEqual(got.departures.map((d) => [d.code, d.employee, d.rule]),
    [['SENIORITY', 'E1', 'NBPC2019.ART14.C2']]);
});

test('progress is reported and can cancel; an AbortSignal cancels', async () => {
  const seen = [];
  await senbid.solve(read(LEAVE), { method: 'round_robin', progress: (p) => { seen.push(p.phase); } });
  assert.equal(seen[0], 'start');
  await assert.rejects(senbid.solve(read(LEAVE), { progress: () => false }),
    (e) => e instanceof senbid.CancelledError && e.code === 'CANCELLED');
  const boom = new Error('boom');
  await assert.rejects(senbid.solve(read(LEAVE), { progress: () => { throw boom; } }), (e) => e === boom);
  const ac = new AbortController();
  ac.abort();
  await assert.rejects(senbid.solve(read(LEAVE), { signal: ac.signal }), senbid.CancelledError);
});

test('solve does not block the event loop', async () => {
  const order = [];
  const p = senbid.solve(read(LEAVE)).then(() => order.push('solved'));
  order.push('after call');
  await p;
  assert.deepEqual(order, ['after call', 'solved']);
});

test('parallel calls give identical results', async () => {
  const texts = DEMOS.map(read);
  const want = texts.map((t) => senbid.solveSync(t, { raw: true }).text);
  const runs = await Promise.all(Array.from({ length: 6 }, () =>
    Promise.all(texts.map((t) => senbid.solve(t, { raw: true })))));
  for (const r of runs) assert.deepEqual(r.map((x) => x.text), want);
});

test('version matches the CLI', { skip: !CLI && 'SENBID_CLI not set' }, () => {
  assert.ok(cli(['--version']).out.startsWith(`senbid ${senbid.version()} `));
});
