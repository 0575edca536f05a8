#!/usr/bin/env python3
"""Generated documents for the determinism check, one per kind, shaped as
bench/'s generators make them (bench/leave, shiftbid, aws, assign):

    gen.py KIND N SEED > doc.json     KIND: leave shift_bid aws assignment

Deterministic for a given N and SEED (Python's own Mersenne Twister)."""
import json
import random
import sys

kind, n, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
r = random.Random(seed)
WD = ["mon", "tue", "wed", "thu", "fri"]


def date(y0, span):
    y, m, d = y0 + r.randrange(span), 1 + r.randrange(12), 1 + r.randrange(28)
    return "%04d-%02d-%02d" % (y, m, d)


def nbpc_emps(groups=None, grades=None, quals=False):
    out = []
    for i in range(n):
        s = date(1990, 34)
        e = {"id": "A%d" % i, "name": {"last": "L%d" % r.randrange(500), "first": "F%d" % i},
             "service": {"series_start": s, "usbp_start": s, "cbp_start": s}}
        if groups:
            e["group"] = groups[r.randrange(len(groups))]
        if grades:
            e["grade"] = grades[r.randrange(len(grades))]
        if quals:
            q = r.randrange(10)
            e["quals"] = ["EMT"] if q < 3 else ["EMT", "K9"] if q < 4 else ["K9"] if q < 5 else []
        out.append(e)
    return out


def leave():
    emps = nbpc_emps(groups=["Day", "Night"])
    reqs = []
    for i in range(n):
        if r.randrange(10) >= 8:
            continue
        choices = []
        for c in range(1 + r.randrange(4)):
            opts = []
            for _ in range(1 + r.randrange(3)):
                m, d = 1 + r.randrange(12), 1 + r.randrange(24)
                opts.append({"start": "2027-%02d-%02d" % (m, d), "end": "2027-%02d-%02d" % (m, d + r.randrange(5))})
            choices.append({"id": "c%d" % c, "options": opts})
        reqs.append({"employee": "A%d" % i, "choices": choices})
    return {"senbid": 1, "kind": "leave", "as_of": "2026-07-15",
            "seniority": {"policy": "nbpc-2019"}, "employees": emps,
            "period": {"start": "2027-01-01", "end": "2027-12-31"}, "holidays": "us-federal",
            "capacity": {"default": max(2, n // 40), "groups": {"Night": max(1, n // 60)},
                         "overrides": [{"start": "2027-12-20", "end": "2027-12-31", "max": 1}]},
            "requests": reqs, "rules": {"max_days_per_employee": 15}}


def shift_bid():
    S = 24
    per = n // S
    emps = nbpc_emps(grades=["GS-9", "GS-11", "GS-12", "GS-13"])
    for e in emps:
        st = r.randrange(1000)
        if st < 10:
            e["status"], e["return_date"] = "detailed", "2026-%02d-15" % (10 + r.randrange(3))
        elif st < 20:
            e["fixed_shift"] = "S%d" % r.randrange(S)
    shifts = [{"id": "S%d" % s, "min": per * 95 // 100, "max": per * 110 // 100 + 1,
               "grades": {"GS-12": {"min": per * 20 // 100}, "GS-9": {"max": per * 30 // 100 + 1}}}
              for s in range(S)]
    bids = []
    for i in range(n):
        k = r.randrange(100)
        if k >= 90:
            continue
        if k < 3:
            bids.append({"employee": "A%d" % i, "no_preference": True})
        else:
            bids.append({"employee": "A%d" % i, "prefs": ["S%d" % min(r.randrange(S), r.randrange(S))
                                                          for _ in range(1 + r.randrange(6))]})
    return {"senbid": 1, "kind": "shift_bid", "as_of": "2026-09-01",
            "seniority": {"policy": "nbpc-2019"}, "employees": emps,
            "rotation": {"start": "2026-10-04", "end": "2027-01-30"}, "shifts": shifts, "bids": bids,
            "adjustments": [{"shift": "S0", "max": per * 95 // 100}]}


def aws():
    emps = []
    for i in range(n):
        att = r.randrange(3) == 0
        y = 1985 + r.randrange(40)
        m, d = 1 + r.randrange(12), 1 + r.randrange(28)
        e = {"id": "E%d" % i, "attorney": att,
             "service": {"scd": "%04d-%02d-%02d" % (y, m, d), "attorney_start": "%04d-%02d-%02d" % (y + 1, m, d)}}
        if r.randrange(25) == 0:
            e["part_time_hours"], e["workdays"] = 48, ["mon", "tue", "wed", "thu"]
        emps.append(e)
    cap = n // 12 + 1
    reqs = []
    for i in range(n):
        if r.randrange(10) == 0:
            continue
        opts = []
        for k in range(6):
            arr = 6 * 60 + 15 * r.randrange(15)
            meal = 30 + 15 * r.randrange(3)
            t = 0 if k == 5 else r.randrange(4)
            if t == 0:
                opts.append({"type": "VWS"})
            elif t == 1:
                opts.append({"type": "MAXIFLEX", "days_off": [{"week": 1 + r.randrange(2), "day": WD[r.randrange(5)]}]})
            elif t == 2:
                opts.append({"type": "CWS_4_10", "day_off": WD[r.randrange(5)],
                             "arrive": "%02d:%02d" % (arr // 60, arr % 60), "meal_minutes": meal})
            else:
                opts.append({"type": "CWS_4_9_4", "arrive": "%02d:%02d" % (arr // 60, arr % 60), "meal_minutes": meal})
        reqs.append({"employee": "E%d" % i, "options": opts,
                     "telework": ["mon" if r.randrange(2) else "tue", "fri" if r.randrange(2) else "thu"]})
    return {"senbid": 1, "kind": "aws", "as_of": "2027-01-04",
            "seniority": {"policy": "ice-2019", "seed": 11}, "employees": emps,
            "edp": {"start": "2027-01-04", "end": "2027-01-15"}, "pay_period_anchor": "2027-01-03",
            "schedule_end": "2027-12-31",
            "office": {"max_off": {d: cap for d in WD}, "max_type": {"CWS_4_10": n // 5, "MAXIFLEX": n // 4},
                       "max_telework": {"mon": n // 3, "fri": n // 3}, "min_type": {"VWS": n // 5}},
            "requests": reqs}


def assignment():
    emps = nbpc_emps(quals=True)
    for e in emps:
        e["id"] = "E" + e["id"][1:]
    opps = []
    for k in range(n // 10):
        m, d = 1 + (k * 12) // (n // 10), 1 + r.randrange(20)
        day = "2027-%02d-%02d" % (m, d)
        vols = sorted({"E%d" % r.randrange(n) for _ in range(5 + r.randrange(30))})
        if k % 3 == 0:
            opps.append({"id": "OT%d" % k, "type": "overtime", "slots": 2 + r.randrange(5), "hours": 8,
                         "start": day, "end": day, "must_fill": bool(r.randrange(2)), "volunteers": vols})
        elif k % 3 == 1:
            opps.append({"id": "D%d" % k, "type": "detail", "slots": 1 + r.randrange(4), "start": day,
                         "end": "2027-%02d-%02d" % (m, d + 5), "required": ["EMT"] if r.randrange(3) == 0 else [],
                         "volunteers": [{"employee": v} for v in vols]})
        else:
            opps.append({"id": "TR%d" % k, "type": "training", "title": "course-%d" % r.randrange(5),
                         "slots": 5 + r.randrange(16), "start": day, "end": day, "volunteers": vols})
    return {"senbid": 1, "kind": "assignment", "as_of": "2027-01-01",
            "seniority": {"policy": "nbpc-2019"}, "rules": "nbpc-2019", "employees": emps,
            "opportunities": opps,
            "ledger": {"overtime_hours": {"E%d" % i: 8 * r.randrange(30) for i in range(n)}}}


json.dump({"leave": leave, "shift_bid": shift_bid, "aws": aws, "assignment": assignment}[kind](),
          sys.stdout, indent=1)
sys.stdout.write("\n")
