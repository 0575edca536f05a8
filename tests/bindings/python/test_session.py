"""The Python Session class (SPEC section 10, doc/sessions.md) against the
CLI's `senbid session`: the same decisions and result, TURN errors, undo,
a stored state reopened. Environment as test_senbid.py."""
import json
import os
import pathlib
import subprocess

import pytest

import senbid

SOURCE = pathlib.Path(os.environ.get("SENBID_SOURCE", pathlib.Path(__file__).resolve().parents[3]))
CLI = os.environ.get("SENBID_CLI")
DEMO = SOURCE / "examples" / "data" / "shiftbid_demo.json"


def turn(s):
    t = s.status()["turn"]
    return t["employee"] if t else None


def test_session_by_proxy_is_the_solve_but_audit():
    # The contract (SPEC 10): every turn by proxy gives round_robin's result.
    s = senbid.Session.start(DEMO)
    while turn(s):
        d = s.act({"act": "proxy", "employee": turn(s)})
        assert d["act"] == "proxy"
    res = dict(s.result())
    solved = dict(senbid.solve(DEMO, method="round_robin"))
    assert res.pop("audit") and solved.pop("audit")
    assert res == solved
    with pytest.raises(senbid.TurnError) as e:
        s.act({"act": "undo"})
    assert e.value.code == "TURN" and e.value.path == "$.act"


def test_session_turn_error_changes_nothing():
    s = senbid.Session.start(DEMO.read_text())
    before = s.state
    with pytest.raises(senbid.TurnError) as e:
        s.act({"act": "proxy", "employee": "A02"})  # A01 is on turn (IV.D)
    assert e.value.path == "$.employee"
    assert isinstance(e.value, senbid.InputError)
    assert s.state == before
    with pytest.raises(senbid.InputError) as e:
        s.act('{"act": "bid", "employee": "A01", "prefs": ["NOPE"]}')
    assert e.value.code == "UNKNOWN_ID" and e.value.path == "$.prefs[0]"
    assert s.state == before


def test_session_bid_undo_and_reopen():
    s = senbid.Session.start(DEMO)
    d = s.act({"act": "bid", "employee": "A01", "prefs": ["MID"]})
    assert d["placed"] == {"shift": "MID", "reason": "SENIORITY", "rank": 1}
    assert d["next"]["employee"] == "A02"
    u = s.act({"act": "undo"})
    assert u["undoes"] == 1 and u["next"]["employee"] == "A01"
    s2 = senbid.Session.open(s.state)
    assert s2.status() == s.status()
    assert s2.result() == s.result()
    assert s.result()["status"] == "in_progress"
    with pytest.raises(senbid.TurnError) as e:
        senbid.Session.open(json.dumps({"senbid": 1, "session": 1,
                                        "problem": json.loads(DEMO.read_text()),
                                        "actions": [{"act": "proxy", "employee": "A05"}]}))
    assert e.value.path == "$.actions[0].employee"


@pytest.mark.skipif(not CLI, reason="SENBID_CLI not set")
def test_session_same_as_cli(tmp_path):
    st = tmp_path / "st.json"
    subprocess.run([CLI, "session", "start", str(DEMO), "-o", str(st)], check=True)
    s = senbid.Session.start(DEMO)
    for a in ({"act": "bid", "employee": "A01", "prefs": ["SWING", "DAY"]},
              {"act": "proxy", "employee": "A02"}):
        (tmp_path / "a.json").write_text(json.dumps(a))
        out = subprocess.run([CLI, "session", "act", str(st), str(tmp_path / "a.json")],
                             check=True, capture_output=True).stdout
        assert json.loads(out) == dict(s.act(a))
    assert json.loads(st.read_text()) == json.loads(s.state)
    out = subprocess.run([CLI, "session", "status", str(st)], check=True, capture_output=True).stdout
    assert json.loads(out) == dict(s.status())
