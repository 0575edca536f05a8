"""The Python package against the CLI: byte-identical output on every demo
and conformance case, errors with the CLI's code and path, progress,
cancellation, Ctrl-C and threads.

Environment (set by tests/meson.build): SENBID_CLI (the built driver),
SENBID_LIBRARY (the library), SENBID_SOURCE (the source tree), and
optionally SENBID_SHARED (the conformance sets beside the repository; their
cases are skipped when it is absent)."""
import json
import os
import pathlib
import subprocess
import threading
import signal

import pytest

import senbid

SOURCE = pathlib.Path(os.environ.get("SENBID_SOURCE", pathlib.Path(__file__).resolve().parents[3]))
CLI = os.environ.get("SENBID_CLI")
SHARED = pathlib.Path(os.environ.get("SENBID_SHARED", SOURCE.parent / "shared"))
DEMOS = sorted((SOURCE / "examples" / "data").glob("*_demo.json"))
DATA = SOURCE / "tests" / "data"
needs_cli = pytest.mark.skipif(not CLI, reason="SENBID_CLI not set")


def conformance_cases():
    """(problem path, method) for every case of the sets beside the repo."""
    out = []
    for sub, methods in (("conformance", ["round_robin", "lexicographic"]),
                         ("conformance-lexicographic", ["lexicographic"]),
                         ("conformance-factors", ["round_robin", "lexicographic"])):
        for p in sorted((SHARED / sub).rglob("*.problem.json")):
            out += [pytest.param(p, m, id=f"{sub}/{p.relative_to(SHARED / sub)}:{m}") for m in methods]
    return out or [pytest.param(None, None, marks=pytest.mark.skip(reason=f"no conformance cases at {SHARED}"))]


def cli(*args, stdin=None):
    r = subprocess.run([CLI, *map(str, args)], capture_output=True, input=stdin)
    return r.returncode, r.stdout.decode("utf-8"), r.stderr.decode("utf-8")


def exit_of(outcome):
    return 1 if outcome in (senbid.Outcome.INFEASIBLE, senbid.Outcome.DEPARTURES) else 0


def same_as_cli(problem_path, method):
    rc, out, err = cli("solve", problem_path, "--method", method)
    assert rc in (0, 1), err
    got = senbid.solve(pathlib.Path(problem_path), method=method, time_limit=None, raw=True)
    assert got == out
    assert exit_of(got.outcome) == rc
    return got


@needs_cli
@pytest.mark.parametrize("method", ["round_robin", "lexicographic"])
@pytest.mark.parametrize("demo", DEMOS, ids=[d.stem for d in DEMOS])
def test_demo_solve_is_byte_identical(demo, method):
    same_as_cli(demo, method)


@needs_cli
@pytest.mark.parametrize("problem,method", conformance_cases())
def test_conformance_is_byte_identical(problem, method):
    got = same_as_cli(problem, method)
    # And check of the expected result, like `senbid check`.
    expected = str(problem).replace(".problem.json", ".expected.json")
    rc, out, _ = cli("check", problem, expected)
    chk = senbid.check(pathlib.Path(problem), pathlib.Path(expected), raw=True)
    assert chk == out and exit_of(chk.outcome) == rc
    assert got.outcome in (senbid.Outcome.OK, senbid.Outcome.INFEASIBLE)


@needs_cli
@pytest.mark.parametrize("demo", DEMOS, ids=[d.stem for d in DEMOS])
def test_demo_check_rank_export_lp_are_byte_identical(demo, tmp_path):
    posted = senbid.solve(demo, method="round_robin", raw=True)
    (tmp_path / "r.json").write_text(posted, encoding="utf-8")
    rc, out, _ = cli("check", demo, tmp_path / "r.json")
    got = senbid.check(demo, posted, raw=True)
    assert got == out and rc == 0 and got.outcome == senbid.Outcome.OK
    rc, out, _ = cli("rank", demo)
    assert senbid.rank(demo, raw=True) == out
    rc, _, err = cli("export-lp", demo, "-o", tmp_path / "m.lp")
    if rc == 0:
        assert senbid.export_lp(demo) == (tmp_path / "m.lp").read_text(encoding="utf-8")
    else:  # a kind without an LP model: the same error
        with pytest.raises(senbid.SenbidError) as e:
            senbid.export_lp(demo)
        assert err.startswith(f"senbid: {e.value.code} at ")


@needs_cli
def test_explain_matches_the_cli_report(tmp_path):
    # ICE2019.ART18.SEC2.E: the ICE demo solved round_robin has choices
    # denied (or granted an alternate) because a junior came first in the
    # round on a conflict factor; `senbid report` prints each one.
    demo = SOURCE / "examples" / "data" / "leave_ice_demo.json"
    posted = senbid.solve(demo, method="round_robin", raw=True)
    (tmp_path / "r.json").write_text(posted, encoding="utf-8")
    rc, report, err = cli("report", demo, tmp_path / "r.json")
    assert rc == 0, err
    got = senbid.explain(demo, posted)
    assert got.outcome == senbid.Outcome.OK and got["kind"] == "leave"
    contested = got["contested"]
    assert contested
    lines = []
    for c in contested:
        assert c["before"] in c["detail"] and c["employee"] in c["detail"]
        assert c["factor"] in got["priority"]
        done = "granted an alternate" if c["outcome"] == "alternate" else "denied"
        lines += [f"  {c['detail']}",
                  f"    so {c['employee']}'s {c['choice']} was {done} ({c['date']} full)"]
    head = "Contested decisions settled by a conflict factor before seniority (rules.priority):\n"
    assert head + "\n".join(lines) + "\n" in report
    # The dict and the raw text are the same document; any input form works.
    assert senbid.explain(demo, json.loads(posted), raw=True) == got.text


def test_explain_errors():
    demo = SOURCE / "examples" / "data" / "shiftbid_demo.json"
    posted = senbid.solve(demo, method="round_robin", raw=True)
    with pytest.raises(senbid.UnsupportedError):
        senbid.explain(demo, posted)
    leave = SOURCE / "examples" / "data" / "leave_demo.json"
    with pytest.raises(senbid.InputError) as e:
        senbid.explain(leave, '{"senbid": 1,')
    assert e.value.code == "JSON"


def test_every_input_form_gives_the_same_result():
    demo = SOURCE / "examples" / "data" / "leave_demo.json"
    text = demo.read_text(encoding="utf-8")
    forms = [demo, text, text.encode(), json.loads(text)]
    results = [senbid.solve(f, method="round_robin", raw=True) for f in forms]
    assert all(r == results[0] for r in results)
    d = senbid.solve(text, method="round_robin")
    assert isinstance(d, dict) and d.text == results[0] and d.outcome == senbid.Outcome.OK
    assert d["status"] == "ok"


@needs_cli
@pytest.mark.parametrize("text,code,path", [
    ('{"senbid": 1, "kind": "leave",', "JSON", "$"),
    ('{"senbid": 1, "kind": "leave", "as_of": "2026-02-30"}', "DATE", "$.as_of"),
    ('{"senbid": 1, "kind": "payroll"}', None, None),
])
def test_input_errors_match_the_cli_error_line(text, code, path):
    rc, _, err = cli("solve", "-", stdin=text.encode())
    assert rc == 2
    with pytest.raises(senbid.InputError) as e:
        senbid.solve(text)
    if code:
        assert (e.value.code, e.value.path) == (code, path)
    assert err == f"senbid: {e.value.code} at {e.value.path or '$'}: {e.value.message}\n"
    assert isinstance(e.value, ValueError) and e.value.code_number < 0


def test_request_errors_name_the_argument():
    demo = SOURCE / "examples" / "data" / "leave_demo.json"
    with pytest.raises(senbid.InputError) as e:
        senbid.solve(demo, method="greedy")
    assert (e.value.code, e.value.path) == ("VALUE", "request.options.method")
    with pytest.raises(senbid.InputError) as e:
        senbid.solve(demo, time_limit=-1)
    assert e.value.path == "request.options.time_limit"
    with pytest.raises(TypeError):
        senbid.solve(42)  # type: ignore[arg-type]


def test_check_reports_departures():
    # tests/data/lex_leave.json: E1, the most senior, asks first for leave
    # that round_robin grants (NBPC2019.ART14.C2); a posted result that
    # drops E1's grant departs from seniority order.
    problem = json.loads((DATA / "lex_leave.json").read_text(encoding="utf-8"))
    solved = senbid.solve(problem, method="round_robin")
    assert solved.outcome == senbid.Outcome.OK
    assert senbid.check(problem, solved.text)["departures"] == []
    posted = json.loads(solved.text)
    assert posted["grants"][0]["employee"] == "E1"
    del posted["grants"][0]
    got = senbid.check(problem, posted)
    assert got.outcome == senbid.Outcome.DEPARTURES
    assert [(d["code"], d["employee"], d["rule"]) for d in got["departures"]] == \
        [("SENIORITY", "E1", "NBPC2019.ART14.C2")]


def test_progress_is_reported_and_can_cancel():
    demo = SOURCE / "examples" / "data" / "leave_demo.json"
    seen = []
    senbid.solve(demo, method="round_robin", progress=seen.append)
    assert seen and seen[0].phase == "start"
    assert all(isinstance(p.done, int) for p in seen)
    with pytest.raises(senbid.Cancelled) as e:
        senbid.solve(demo, progress=lambda p: False)
    assert e.value.code == "CANCELLED"

    class Stop(Exception):
        pass

    def boom(p):
        raise Stop()
    with pytest.raises(Stop):
        senbid.solve(demo, progress=boom)


def test_ctrl_c_stops_a_solve():
    demo = SOURCE / "examples" / "data" / "leave_demo.json"
    calls = []

    def interrupt_once(p):
        # As if Ctrl-C were pressed during the solve: the main thread gets
        # KeyboardInterrupt while this (helper) thread is still solving.
        if not calls:
            os.kill(os.getpid(), signal.SIGINT)
            threading.Event().wait(0.5)
        calls.append(p.phase)
    with pytest.raises(KeyboardInterrupt):
        senbid.solve(demo, method="round_robin", progress=interrupt_once)
    # The solve was stopped at its next report, not run to the end.
    assert calls == ["start"]


def test_threads_solve_in_parallel_with_identical_results():
    demos = [d.read_text(encoding="utf-8") for d in DEMOS]
    want = [senbid.solve(t, method="lexicographic", raw=True) for t in demos]
    got = {}

    def work(i):
        got[i] = [senbid.solve(t, method="lexicographic", raw=True) for t in demos]
    threads = [threading.Thread(target=work, args=(i,)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(got) == 6 and all(g == want for g in got.values())


@needs_cli
def test_version_matches_the_cli():
    _, out, _ = cli("--version")
    assert out.startswith(f"senbid {senbid.version()} ")
    assert senbid.version() == senbid.__version__
