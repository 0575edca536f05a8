#!/usr/bin/env python3
"""Seeds for fuzz_call and fuzz_session, built from the demo problems.

    seeds.py ROOT OUT [SENBID]

Writes OUT/call/* (senbid_call() requests: solve, check, rank, export_lp
and the session commands, with options, and hostile variants of the
envelope) and OUT/session/* (fuzz_session inputs: NUL-separated records,
see fuzz_session.c). With the driver SENBID, real stored states and posted
results are made with it; without, hand-made ones stand in.
"""
import json
import os
import subprocess
import sys
import tempfile

root, out = sys.argv[1], sys.argv[2]
senbid = sys.argv[3] if len(sys.argv) > 3 and os.access(sys.argv[3], os.X_OK) else None


def load(rel):
    with open(os.path.join(root, rel), encoding="utf-8") as f:
        return json.load(f)


demos = {k: load("examples/data/%s_demo.json" % k)
         for k in ("leave", "shiftbid", "aws", "assign")}
extra = [load("tests/data/lex_leave.json"), load("tests/data/roster.json")]
posted = (load("tests/data/leave_conflict_factors_ice.problem.json"),
          load("tests/data/leave_conflict_factors_ice.expected.json"))

n = 0


def put(kind, data):
    global n
    n += 1
    d = os.path.join(out, kind)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    elif not isinstance(data, bytes):
        data = json.dumps(data, separators=(",", ":")).encode("utf-8")
    with open(os.path.join(d, "%s-%03d" % (kind, n)), "wb") as f:
        f.write(data)


def driver(*args, stdin=None):
    if not senbid:
        return None
    r = subprocess.run([senbid, *args], capture_output=True, input=stdin)
    return r.stdout.decode("utf-8") if r.returncode == 0 else None


def solved(problem):
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(problem, f)
    try:
        t = driver("solve", f.name, "--method", "round_robin")
        return json.loads(t) if t else None
    finally:
        os.unlink(f.name)


def states(problem, acts):
    """Real stored states after each of acts ("P": proxy on turn, "U": undo,
    or an action dict without employee), through the driver."""
    if not senbid:
        return [{"senbid": 1, "session": 1, "problem": problem, "actions": []}]
    res = []
    with tempfile.TemporaryDirectory() as d:
        p, st, a = (os.path.join(d, x) for x in ("p.json", "state.json", "a.json"))
        with open(p, "w") as f:
            json.dump(problem, f)
        if driver("session", "start", p, "-o", st) is None:
            return res
        with open(st) as f:
            res.append(json.load(f))
        for x in acts:
            status = driver("session", "status", st)
            turn = json.loads(status)["turn"] if status else None
            if x == "U":
                action = {"act": "undo"}
            elif turn is None:
                break
            elif x == "P":
                action = {"act": "proxy", "employee": turn["employee"]}
            else:
                action = dict(x, employee=turn["employee"])
            with open(a, "w") as f:
                json.dump(action, f)
            driver("session", "act", st, a)
            with open(st) as f:
                res.append(json.load(f))
    return res


# ---- fuzz_call: requests
for k, p in list(demos.items()) + [("x%d" % i, p) for i, p in enumerate(extra)]:
    put("call", {"command": "solve", "problem": p})
    put("call", {"command": "solve", "problem": p,
                 "options": {"method": "lexicographic", "time_limit": 0.5}})
    put("call", {"command": "rank", "problem": p})
    put("call", {"command": "export_lp", "problem": p,
                 "options": {"method": "lexicographic", "time_limit": 0.2}})
    put("call", {"command": "solve", "problem": json.dumps(p),
                 "options": {"method": "round_robin", "time_limit": None}})
    r = solved(p)
    if r is not None:
        put("call", {"command": "check", "problem": p, "result": r})
        put("call", {"command": "check", "problem": json.dumps(p), "result": json.dumps(r)})
put("call", {"command": "check", "problem": posted[0], "result": posted[1]})
for k in ("shiftbid", "leave"):
    p = demos[k]
    put("call", {"command": "session_start", "problem": p})
    put("call", {"command": "session_start", "problem": json.dumps(p)})
    ss = states(p, ["P", "P", "U", "P"])
    for st in ss[:1] + ss[-1:]:
        put("call", {"command": "session_status", "state": st})
        put("call", {"command": "session_result", "state": json.dumps(st)})
        put("call", {"command": "session_act", "state": st, "action": {"act": "undo"}})
        put("call", {"command": "session_act", "state": st,
                     "action": {"act": "proxy", "employee": "A01"}})
    put("call", {"command": "session_act", "state": ss[0],
                 "action": json.dumps({"act": "pass", "employee": "A01"})})
# Hostile envelopes: each breaks one rule of the request.
small = extra[0]
for req in [
        {}, [], "solve", {"command": None}, {"command": 7},
        {"command": "solve"}, {"command": "bogus", "problem": small},
        {"command": "session_bogus", "state": {}},
        {"command": "solve", "problem": 12},
        {"command": "solve", "problem": small, "options": []},
        {"command": "solve", "problem": small, "options": {"method": "fast"}},
        {"command": "solve", "problem": small, "options": {"time_limit": -1}},
        {"command": "solve", "problem": small, "options": {"time_limit": "1"}},
        {"command": "solve", "problem": small, "options": {"colour": "red"}},
        {"command": "solve", "problem": small, "result": {}},
        {"command": "solve", "problem": small, "state": {}},
        {"command": "check", "problem": small},
        {"command": "rank", "problem": "{\"senbid\": 1, \"kind\": \"le"},
        {"command": "session_start", "state": {}},
        {"command": "session_status", "problem": small},
        {"command": "session_status", "state": {}, "action": {}},
        {"command": "session_act", "state": {"senbid": 1, "session": 1}},
        {"command": "session_start", "problem": demos["aws"]},
        {"command": "solve", "problem": small, "\u2028x\n": 1}]:
    put("call", req)
put("call", '{"command": "solve", "command": "rank", "problem": {}}')
put("call", '{"command": "solve", "options": {"time_limit": 1e400}, "problem": {}}')
put("call", '{"command": "rank", "problem": "{\\"senbid\\": 1, \\"kind\\": \\"le\\u0000ave\\"}"}')
put("call", b'{"command": "rank\xff", "problem": {}}')
put("call", '{"command": "solve", "problem": {"senbid": 1, "kind": "leave"')

# ---- fuzz_session: records (seed problems: 0 the shift bid demo, 1
# lex_leave, 2 leave_conflict_factors_ice; see fuzz_session.c)
for k in range(3):
    put("session", bytes([k]))
put("session", b"\x00\x00P\x00P\x00U\x00~{\"act\":\"bid\",\"prefs\":[\"DAY\",\"MID\"]}"
    b"\x00R\x00~{\"act\":\"bid\",\"no_preference\":true}\x00P\x00U\x00U\x00U\x00U")
put("session", b"\x00\x00~{\"act\":\"pass\"}\x00{\"act\":\"proxy\",\"employee\":\"NOBODY\"}"
    b"\x00{\"act\":\"proxy\"\x00{\"act\":\"undo\"}\x00~{\"act\":\"bid\",\"prefs\":[\"NOPE\"]}")
put("session", b"\x01\x00~{\"act\":\"bid\",\"choice\":{\"id\":\"x\",\"options\":"
    b"[{\"start\":\"2027-01-15\",\"end\":\"2027-01-19\"}]}}\x00~{\"act\":\"pass\"}\x00U\x00P"
    b"\x00R\x00P\x00~{\"act\":\"pass\"}\x00P\x00U")
put("session", b"\x01\x00P\x00P\x00P\x00U\x00P\x00~{\"act\":\"pass\"}\x00P\x00P")
put("session", b"\x02\x00~{\"act\":\"bid\",\"choice\":{\"id\":\"c\",\"options\":[]}}\x00P\x00P")
for p in (extra[0], demos["aws"], posted[0]):
    put("session", json.dumps(p, separators=(",", ":")))
put("session", json.dumps(demos["shiftbid"], separators=(",", ":")) + "\0P\0U\0P")
for k, acts in (("shiftbid", ["P", {"act": "bid", "prefs": ["SWING"]}, "U", "P", "P"]),
                ("lex", ["P", {"act": "pass"}, "P", "U", "P"])):
    for st in states(demos[k] if k in demos else extra[0], acts):
        put("session", "@" + json.dumps(st, separators=(",", ":")) + "\0P\0U")
st = {"senbid": 1, "session": 1, "problem": extra[0],
      "actions": [{"seq": 1, "act": "proxy", "employee": "NOBODY"}]}
put("session", "@" + json.dumps(st))
st["actions"] = [{"seq": 1, "act": "undo"}]
put("session", "@" + json.dumps(st))
