"""Generated leave problems (random totals, partial-period and blackout
ones among them, factor lists and both presets, the employees' factor
members, school breaks, approved leave, minimums, both seniority
tie-breaks, mixed occupations) solved by `senbid solve` with both methods and by the
independent model of reference.py; every decision must agree.

    python3 run_reference.py SENBID [COUNT] [SEED]

TAP output, one line per problem; a failing problem is written to
leave-reference-fail-N.json in the current directory. Standard library
only."""

import json
import os
import random
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference  # noqa: E402

PERIOD_START = "2026-11-20"  # Thanksgiving, Christmas, New Year, MLK Day
PERIOD_DAYS = 60
LAST_NAMES = ["Ng", "ng", "Ortiz", "Ortiz-Lee", "Li", "O'Neil", "Oneil"]


def d(n):
    return reference.iso(reference.day(PERIOD_START) + n)


def rng_range(rng, lo, hi, maxlen):
    s = rng.randint(lo, hi)
    return {"start": d(s), "end": d(s + rng.randint(0, maxlen - 1))}


def gen(rng):
    # A third of the problems are dense: a short window and more
    # minimums, so that the lexicographic gate refuses grants.
    dense = rng.random() < 0.35
    span = 20 if dense else PERIOD_DAYS
    n = rng.randint(2, 7)
    policy = rng.choice(["nbpc-2019", "nbpc-2019", "ice-2019", "ins-1995"])
    groups = ["A", "B", "C"][:rng.randint(1, 3)]
    ids = ["E%d" % i for i in range(1, n + 1)]
    rng.shuffle(ids)
    emps = []
    years = ["2008", "2010", "2010", "2012"]
    for eid in ids:
        e = {"id": eid, "name": {"last": rng.choice(LAST_NAMES), "first": rng.choice(["Ana", "ana", "Bo"])}}
        if policy == "nbpc-2019":
            e["service"] = {k: rng.choice(years) + "-01-01" for k in ("series_start", "usbp_start", "cbp_start")}
            if rng.random() < 0.2:
                e["credit_days"] = {"series": rng.choice([-30, 30, 365])}
        elif policy == "ice-2019":
            e["service"] = {"scd": rng.choice(years) + "-06-01"}
            if rng.random() < 0.2:
                e["attorney"] = True
                e["service"]["attorney_start"] = rng.choice(years) + "-06-01"
        else:
            e["service"] = {"eod": rng.choice(years) + "-03-01"}
        e["group"] = rng.choice(groups)
        if rng.random() < (0.1 if dense else 0.4):
            e["leave_balance_hours"] = rng.choice([0, 8, 16, 24, 40, 80, 12.5])
        if rng.random() < 0.2:
            e["hours_per_day"] = rng.choice([10, 7.5])
        if rng.random() < 0.15:
            e["workdays"] = sorted(rng.sample(["sun", "mon", "tue", "wed", "thu", "fri", "sat"], rng.randint(1, 6)))
        if rng.random() < 0.35:
            e["use_or_lose_hours"] = rng.choice([0, 8, 40])
        if rng.random() < 0.35:
            e["school_age_children"] = rng.random() < 0.7
        if rng.random() < 0.3:
            e["denied_previous_period"] = rng.random() < 0.7
        emps.append(e)
    doc = {"senbid": 1, "kind": "leave", "as_of": "2026-07-15",
           "seniority": {"policy": policy}, "employees": emps,
           "period": {"start": d(0), "end": d(PERIOD_DAYS - 1)}}
    if policy != "nbpc-2019" and rng.random() < 0.7:
        doc["seniority"]["seed"] = rng.randrange(0, 1 << 64)
    if policy == "nbpc-2019" and rng.random() < 0.2:
        # Mixed occupations (NBPC 2019 Appendix I.B): series time unused.
        doc["seniority"]["mixed_occupations"] = True
        for e in emps:
            if rng.random() < 0.5:
                del e["service"]["series_start"]
    h = rng.random()
    if h < 0.4:
        doc["holidays"] = "us-federal"
    elif h < 0.6:
        doc["holidays"] = sorted({d(rng.randint(0, PERIOD_DAYS - 1)) for _ in range(3)})
    cap = {}
    if rng.random() < 0.8:
        cap["default"] = rng.randint(1, 3)
    if rng.random() < 0.4:
        cap["groups"] = {g: rng.randint(0, 3) for g in groups if rng.random() < 0.6}
    if rng.random() < 0.4:
        cap["overrides"] = []
        for _ in range(rng.randint(1, 2)):
            o = rng_range(rng, 0, PERIOD_DAYS - 1, 8)
            o["max"] = rng.randint(1 if dense else 0, 2)
            if rng.random() < 0.5:
                o["group"] = rng.choice(groups + ["Z"])
            cap["overrides"].append(o)
    if rng.random() < 0.7:
        cap["totals"] = []
        for _ in range(rng.randint(1, 2)):
            gs = rng.sample(groups + ["Z"], rng.randint(1, min(3, len(groups) + 1)))
            t = {"groups": gs, "max": rng.choice([1, 2] if dense else [0, 1, 1, 2, 2, 3])}
            if rng.random() < 0.5:  # over part of the period, perhaps past its ends
                t.update(rng_range(rng, -5, PERIOD_DAYS, 25))
            cap["totals"].append(t)
    if cap or rng.random() < 0.5:
        doc["capacity"] = cap
    if rng.random() < 0.6:
        doc["approved"] = [dict(employee=rng.choice(ids), **rng_range(rng, -3, PERIOD_DAYS, 5))
                           for _ in range(rng.randint(1, 3))]
    reqs = []
    for eid in ids:
        if rng.random() < 0.15:
            continue
        chs = []
        for c in range(rng.randint(1 if dense else 0, 3)):
            if dense:
                opts = [rng_range(rng, 0, span - 3, 3) for _ in range(rng.randint(1, 3))]
            else:
                opts = [rng_range(rng, -2, span - 2, 7) for _ in range(rng.choice([0, 1, 1, 2, 2, 3]))]
            chs.append({"id": "c%d" % c, "options": opts})
        reqs.append({"employee": eid, "choices": chs})
    doc["requests"] = reqs
    rules = {}
    if rng.random() < 0.25:
        rules["max_days_per_employee"] = rng.randint(3, 12)
    p = rng.random()
    if p < 0.3:
        rules["priority"] = "ice-2019"
    elif p < 0.5:
        rules["priority"] = "ins-1995"
    elif p < 0.8:
        fs = list(reference.FACTORS)
        rng.shuffle(fs)
        rules["priority"] = fs[:rng.randint(1, 5)]
    if rules:
        doc["rules"] = rules
    if rng.random() < 0.7:
        doc["school_breaks"] = [rng_range(rng, 0, PERIOD_DAYS - 1, 12) for _ in range(rng.randint(1, 2))]
    if dense or rng.random() < 0.3:  # minimums (the lexicographic bounds)
        for e in emps:
            if rng.random() < (0.5 if dense else 0.25) and any(q["employee"] == e["id"] for q in reqs):
                e["min_leave_days"] = rng.randint(1, 2 if dense else 4)
    return doc


def run_senbid(senbid, path, method):
    p = subprocess.run([senbid, "solve", path, "--method", method], capture_output=True, text=True)
    if p.returncode not in (0, 1):
        raise RuntimeError("senbid solve exited %d: %s" % (p.returncode, p.stderr.strip()))
    return json.loads(p.stdout)


def view(res):
    """The members compared, in a form both sides share."""
    out = {k: res.get(k) for k in ("status", "seniority", "ties")}
    if res.get("status") == "infeasible":
        out["grants"] = res.get("grants")
        return out
    for k in ("grants", "denials", "notify"):
        out[k] = res.get(k)
    out["employees"] = [dict(x, charged_hours=float(x["charged_hours"]),
                             balance_left_hours=None if x["balance_left_hours"] is None
                             else float(x["balance_left_hours"]))
                        for x in res.get("employees", [])]
    out["grants"] = [dict(g, charged_hours=float(g["charged_hours"])) for g in out["grants"]]
    if "audit" in res:
        out["round_order"] = [a["detail"] for a in res["audit"] if a["event"] == "round_order"]
    else:
        out["round_order"] = res["round_order"]
    return out


def main():
    senbid = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    if os.environ.get("SENBID_TEST_LIGHT"):  # sanitizers, valgrind: a fifth
        count = max(1, count // 5)
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 20261201
    rng = random.Random(seed)
    print("1..%d" % count)
    failed = 0
    stats = {"factor_rounds": 0, "totals": 0, "infeasible": 0, "min_leave": 0, "capacity": 0}
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "p.json")
        for i in range(count):
            doc = gen(rng)
            with open(path, "w") as f:
                json.dump(doc, f)
            bad = []
            for method in ("round_robin", "lexicographic"):
                got = view(run_senbid(senbid, path, method))
                ref = reference.solve(doc, method)
                stats["min_leave"] += ref.get("rejected", 0)
                want = view(ref)
                if got != want:
                    bad.append((method, got, want))
                stats["factor_rounds"] += len(want.get("round_order") or [])
                stats["infeasible"] += want["status"] == "infeasible"
                for dn in want.get("denials") or []:
                    for o in dn["options"]:
                        stats["capacity"] += o["reason"] == "CAPACITY"
            stats["totals"] += bool((doc.get("capacity") or {}).get("totals"))
            if bad:
                failed += 1
                name = "leave-reference-fail-%d.json" % i
                with open(name, "w") as f:
                    json.dump(doc, f, indent=1)
                print("not ok %d - problem %d (%s)" % (i + 1, i, name))
                for method, got, want in bad:
                    for k in want:
                        if got.get(k) != want.get(k):
                            print("#   %s %s:\n#     senbid    %s\n#     reference %s"
                                  % (method, k, json.dumps(got.get(k)), json.dumps(want.get(k))))
            else:
                print("ok %d - problem %d" % (i + 1, i))
    # The generator must reach what it is meant to test.
    print("# %s" % json.dumps(stats))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
