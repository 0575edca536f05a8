"""The Python Session class on a leave problem (SPEC section 10, NBPC 2019
Art. 14 C.2-C.3; doc/sessions.md "Leave sessions"): start, status, bid,
pass, proxy and undo, TURN and input errors with code and path, a stored
state reopened, and a session answered by proxy giving round_robin's result
but for audit. Mirrors test_session.py (shift bids). Environment as
test_senbid.py."""
import json
import os
import pathlib
import subprocess

import pytest

import senbid

SOURCE = pathlib.Path(os.environ.get("SENBID_SOURCE", pathlib.Path(__file__).resolve().parents[3]))
CLI = os.environ.get("SENBID_CLI")
DEMO = SOURCE / "examples" / "data" / "leave_demo.json"
# A104 is the most senior with a request; A114 comes next (C.2).
LIVE = {"act": "bid", "employee": "A104",
        "choice": {"id": "live", "options": [{"start": "2026-10-05", "end": "2026-10-06"}]}}


def turn(s):
    t = s.status()["turn"]
    return t["employee"] if t else None


def test_leave_session_start_and_status():
    s = senbid.Session.start(DEMO)
    st = s.status()
    assert st["finished"] is False and st["round"] == 1
    assert st["turn"] == {"employee": "A104", "round": 1, "position": 1}
    assert st["upcoming"][0] == {"employee": "A114", "round": 1, "position": 2}
    assert len(st["upcoming"]) == 10
    # Every period day with its room; A104's pending stored choices.
    assert st["open"]["days"][0]["date"] == "2026-10-01"
    assert [c["choice"] for c in st["open"]["choices"]] == ["spring", "christmas", "presidents"]
    assert s.result()["status"] == "in_progress"


def test_leave_session_by_proxy_is_the_solve_but_audit():
    # The contract (SPEC 10): every turn by proxy gives round_robin's result.
    s = senbid.Session.start(DEMO.read_text())
    while turn(s):
        d = s.act({"act": "proxy", "employee": turn(s)})
        assert d["act"] == "proxy" and d["employee"]
    res = dict(s.result())
    solved = dict(senbid.solve(DEMO, method="round_robin"))
    audit = res.pop("audit")
    assert solved.pop("audit")
    assert res == solved and res["status"] == "ok"
    # The audit records each action (NBPC2019.ART14.C2).
    proxies = [a for a in audit if a["event"] == "proxy"]
    assert proxies[0] == {"seq": proxies[0]["seq"], "employee": "A104", "event": "proxy",
                          "rule": "NBPC2019.ART14.C2", "detail": "action 1"}
    assert s.status() == {"finished": True, "round": None, "turn": None, "upcoming": [],
                          "open": {"days": [], "choices": []}}
    with pytest.raises(senbid.TurnError) as e:
        s.act({"act": "undo"})
    assert e.value.code == "TURN" and e.value.path == "$.act"
    with pytest.raises(senbid.TurnError) as e:
        s.act({"act": "proxy", "employee": "A104"})
    assert e.value.path == "$.employee"


def test_leave_session_turn_and_input_errors_change_nothing():
    s = senbid.Session.start(DEMO)
    before = s.state
    with pytest.raises(senbid.TurnError) as e:
        s.act({"act": "pass", "employee": "A114"})
    assert e.value.code == "TURN" and e.value.path == "$.employee"
    assert isinstance(e.value, senbid.InputError)
    assert s.state == before
    with pytest.raises(senbid.InputError) as e:
        s.act({"act": "bid", "employee": "A104"})
    assert e.value.code == "MISSING" and e.value.path == "$.choice"
    with pytest.raises(senbid.InputError) as e:
        s.act({"act": "bid", "employee": "A104",
               "choice": {"id": "x", "options": [{"start": "2026-10-09", "end": "2026-10-05"}]}})
    assert e.value.code == "RANGE" and e.value.path == "$.choice.options[0].end"
    with pytest.raises(senbid.InputError) as e:
        s.act({"act": "bid", "employee": "NOBODY", "choice": LIVE["choice"]})
    assert e.value.code == "UNKNOWN_ID" and e.value.path == "$.employee"
    with pytest.raises(senbid.TurnError) as e:
        s.act({"act": "undo"})
    assert e.value.path == "$.act"
    assert s.state == before


def test_leave_session_bid_pass_undo():
    s = senbid.Session.start(DEMO)
    # C.3: a choice that cannot be granted is denied; A104 keeps the turn.
    d = s.act({"act": "bid", "employee": "A104",
               "choice": {"id": "late", "options": [{"start": "2030-01-01", "end": "2030-01-02"}]}})
    assert d["granted"] is None and d["passed"] is False
    assert d["denied"] == [{"employee": "A104", "choice": "late", "round": 1,
                            "options": [{"option": 0, "reason": "OUTSIDE_PERIOD"}]}]
    assert d["next"] == {"employee": "A104", "round": 1, "position": 1}
    d = s.act(LIVE)
    assert d["granted"] == {"choice": "live", "option": 0, "start": "2026-10-05",
                            "end": "2026-10-06", "round": 1}
    assert d["next"]["employee"] == "A114"
    u = s.act({"act": "undo"})
    assert u == {"seq": 3, "act": "undo", "undoes": 2, "finished": False,
                 "next": {"employee": "A104", "round": 1, "position": 1}}
    p = s.act({"act": "pass", "employee": "A104"})
    assert p["passed"] is True and p["next"]["employee"] == "A114"
    # A104 passed: no turn in round 2 (C.2).
    assert all(t["employee"] != "A104" for t in s.status()["upcoming"])
    acts = json.loads(s.state)["actions"]
    assert [a["act"] for a in acts] == ["bid", "bid", "undo", "pass"]
    assert acts[2] == {"seq": 3, "act": "undo", "undoes": 2}


def test_leave_session_state_reopened():
    s = senbid.Session.start(DEMO)
    s.act(LIVE)
    s.act({"act": "proxy", "employee": "A114"})
    s.act({"act": "undo"})
    s.act({"act": "pass", "employee": "A114"})
    s2 = senbid.Session.open(s.state)
    assert s2.state == s.state
    assert s2.status() == s.status()
    assert s2.result() == s.result()
    # The same turn goes on from the reopened state.
    e = turn(s)
    assert dict(s2.act({"act": "proxy", "employee": e})) == dict(s.act({"act": "proxy", "employee": e}))
    # A state whose actions do not replay: the first that fails.
    bad = {"senbid": 1, "session": 1, "problem": json.loads(DEMO.read_text()),
           "actions": [{"act": "proxy", "employee": "A104"}, {"act": "pass", "employee": "A104"}]}
    with pytest.raises(senbid.TurnError) as e:
        senbid.Session.open(json.dumps(bad))
    assert e.value.code == "TURN" and e.value.path == "$.actions[1].employee"


@pytest.mark.skipif(not CLI, reason="SENBID_CLI not set")
def test_leave_session_same_as_cli(tmp_path):
    st = tmp_path / "st.json"
    subprocess.run([CLI, "session", "start", str(DEMO), "-o", str(st)], check=True)
    s = senbid.Session.start(DEMO)
    for a in (LIVE, {"act": "proxy", "employee": "A114"}, {"act": "undo"},
              {"act": "pass", "employee": "A114"}):
        (tmp_path / "a.json").write_text(json.dumps(a))
        out = subprocess.run([CLI, "session", "act", str(st), str(tmp_path / "a.json")],
                             check=True, capture_output=True).stdout
        assert json.loads(out) == dict(s.act(a))
    assert json.loads(st.read_text()) == json.loads(s.state)
    out = subprocess.run([CLI, "session", "status", str(st)], check=True, capture_output=True).stdout
    assert json.loads(out) == dict(s.status())
