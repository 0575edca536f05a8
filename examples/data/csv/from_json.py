#!/usr/bin/env python3
"""Writes a problem document (JSON) as the three CSV files `senbid import`
reads: roster.csv, requests.csv, settings.csv. Used to make the demo CSV
files from examples/data/*.json; `senbid import KIND DIR` gives back a
problem with the same solution.

usage: from_json.py PROBLEM.json DIR
"""
import csv
import json
import os
import sys

ROSTER = ["id", "last", "first", "middle", "series_start", "usbp_start", "cbp_start", "scd", "eod",
          "attorney_start", "attorney", "credit_series", "credit_usbp", "credit_cbp", "credit_scd",
          "credit_eod", "credit_attorney", "group", "grade", "quals", "leave_balance_hours", "hours_per_day",
          "workdays", "min_leave_days", "use_or_lose_hours", "school_age_children", "denied_previous_period",
          "status", "return_date", "fixed_shift", "denials", "grandfathered_494", "part_time_hours",
          "union_board", "overtime_hours", "exempt_until"]
SETTINGS = ["setting", "id", "name", "value", "start", "end", "min", "max"]


def yn(v):
    return "yes" if v else "no"


def lst(v):
    return "; ".join(v)


def num(v):
    return str(int(v)) if isinstance(v, (int, float)) and float(v).is_integer() else str(v)


def wd(v):
    return v if isinstance(v, str) else "w%d %s" % (v["week"], v["day"])


def write(path, header, rows):
    used = [h for h in header if h == header[0] or any(r.get(h, "") != "" for r in rows)]
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(used)
        for r in rows:
            w.writerow([r.get(h, "") for h in used])


def roster(doc):
    hist = doc.get("history", {}).get("denials", {})
    ledger = doc.get("ledger", {})
    ot = ledger.get("overtime_hours", {})
    ex = {x["employee"]: x["until"] for x in ledger.get("exemptions", [])}
    rows = []
    for e in doc["employees"]:
        r = {"id": e["id"]}
        for k, v in (e.get("name") or {}).items():
            r[k] = v
        for k, v in (e.get("service") or {}).items():
            if v is not None:
                r[k] = v
        for k, v in (e.get("credit_days") or {}).items():
            r["credit_" + k] = num(v)
        for k in ("attorney", "school_age_children", "denied_previous_period", "grandfathered_494", "union_board"):
            if e.get(k) is not None:
                r[k] = yn(e[k])
        for k in ("group", "grade", "status", "return_date", "fixed_shift"):
            if e.get(k) is not None:
                r[k] = e[k]
        for k in ("leave_balance_hours", "hours_per_day", "min_leave_days", "use_or_lose_hours", "part_time_hours"):
            if e.get(k) is not None:
                r[k] = num(e[k])
        for k in ("quals", "workdays"):
            if e.get(k) is not None:
                r[k] = lst(e[k])
        for k, v in (e.get("attributes") or {}).items():
            r["attributes." + k] = num(v)
        if e["id"] in hist:
            r["denials"] = num(hist[e["id"]])
        if e["id"] in ot:
            r["overtime_hours"] = num(ot[e["id"]])
        if e["id"] in ex:
            r["exempt_until"] = ex[e["id"]]
        rows.append(r)
    extra = sorted({k for r in rows for k in r if k.startswith("attributes.")})
    return ROSTER + extra, rows


def requests(doc):
    kind = doc["kind"]
    rows = []
    if kind == "leave":
        for q in doc.get("requests", []):
            if not q["choices"]:
                rows.append({"employee": q["employee"]})
            for c in q["choices"]:
                for o in c["options"]:
                    rows.append({"employee": q["employee"], "choice": c["id"], "start": o["start"], "end": o["end"]})
        return ["employee", "choice", "start", "end"], rows
    if kind == "shift_bid":
        def sheet(b, on_file):
            r = {"employee": b["employee"], "prefs": lst(b.get("prefs") or [])}
            if b.get("no_preference"):
                r["no_preference"] = "yes"
            if on_file:
                r["on_file"] = "yes"
            return r
        rows = [sheet(b, False) for b in doc.get("bids", [])]
        rows += [sheet(b, True) for b in doc.get("history", {}).get("bids_on_file", [])]
        return ["employee", "prefs", "no_preference", "on_file"], rows
    if kind == "aws":
        for q in doc.get("requests", []):
            first = True
            for o in q.get("options", []):
                r = {"employee": q["employee"], "type": o["type"]}
                if "day_off" in o:
                    r["day_off"] = wd(o["day_off"])
                if "short_day" in o:
                    r["short_day"] = wd(o["short_day"])
                if "days_off" in o:
                    r["days_off"] = lst(wd(d) for d in o["days_off"])
                for k in ("arrive", "meal_minutes"):
                    if o.get(k) is not None:
                        r[k] = num(o[k]) if k == "meal_minutes" else o[k]
                if first and q.get("telework"):
                    r["telework"] = lst(q["telework"])
                first = False
                rows.append(r)
            if first:
                rows.append({"employee": q["employee"], "telework": lst(q.get("telework") or [])})
        return ["employee", "type", "day_off", "short_day", "days_off", "arrive", "meal_minutes", "telework"], rows
    for o in doc.get("opportunities", []):
        for v in o.get("volunteers", []):
            if isinstance(v, str):
                rows.append({"opportunity": o["id"], "employee": v, "response": "volunteer"})
            else:
                sc = "; ".join("%s=%s" % (k, num(x)) for k, x in (v.get("scores") or {}).items())
                rows.append({"opportunity": o["id"], "employee": v["employee"], "response": "volunteer", "scores": sc})
        for v in o.get("declines", []):
            rows.append({"opportunity": o["id"], "employee": v, "response": "decline"})
        for v in o.get("extension_volunteers", []):
            rows.append({"opportunity": o["id"], "employee": v, "response": "extension"})
    return ["employee", "opportunity", "response", "scores"], rows


def settings(doc):
    rows = []
    S = lambda setting, **kw: rows.append(dict(setting=setting, **{k: num(v) if not isinstance(v, str) else v
                                                                    for k, v in kw.items()}))
    S("as_of", value=doc["as_of"])
    sen = doc["seniority"]
    S("seniority.policy", value=sen["policy"])
    for k in ("seed", "tie"):
        if k in sen:
            S("seniority." + k, value=sen[k])
    if sen.get("mixed_occupations") is not None:
        S("seniority.mixed_occupations", value=yn(sen["mixed_occupations"]))
    for k in sen.get("keys", []):
        S("seniority.key", name=k["key"], value=k.get("order", ""))
    if "order" in sen:
        S("seniority.order", value=lst(sen["order"]))
    if doc.get("inauguration_day") is not None:
        S("inauguration_day", value=yn(doc["inauguration_day"]))
    for k in ("period", "rotation", "edp"):
        if k in doc:
            S(k, start=doc[k]["start"], end=doc[k]["end"])
    h = doc.get("holidays")
    if isinstance(h, str):
        S("holidays", value=h)
    elif h:
        for d in h:
            S("holiday", start=d)
    cap = doc.get("capacity", {})
    if "default" in cap:
        S("capacity.default", max=cap["default"])
    for g, m in cap.get("groups", {}).items():
        S("capacity.group", name=g, max=m)
    for o in cap.get("overrides", []):
        S("capacity.override", name=o.get("group", ""), start=o["start"], end=o["end"], max=o["max"])
    for o in cap.get("totals", []):
        S("capacity.total", name=lst(o["groups"]), max=o["max"], start=o.get("start", ""), end=o.get("end", ""))
    for a in doc.get("approved", []):
        S("approved", id=a["employee"], start=a["start"], end=a["end"])
    for b in doc.get("school_breaks", []):
        S("school_break", start=b["start"], end=b["end"])
    rules = doc.get("rules")
    if isinstance(rules, str):
        S("rules", value=rules)
    elif rules:
        for k, v in rules.items():
            if v is None:
                continue
            S("rules." + k, value=v if isinstance(v, str) else lst(v) if isinstance(v, list) else v)
    for s in doc.get("shifts", []):
        S("shift", id=s["id"], start=s["start"], end=s["end"], min=s.get("min", ""), max=s.get("max", ""))
        for g, lim in (s.get("grades") or {}).items():
            S("shift.grade", id=s["id"], name=g, min=lim.get("min", ""), max=lim.get("max", ""))
    for a in doc.get("adjustments", []):
        if "place" in a:
            S("adjust.place", id=a["shift"], name=a["place"])
        else:
            S("adjust.max", id=a["shift"], max=a["max"])
    for s, ids in doc.get("history", {}).get("bumped", {}).items():
        S("history.bumped", id=s, value=lst(ids))
    for k in ("pay_period_anchor", "schedule_end"):
        if k in doc:
            S(k, value=doc[k])
    off = doc.get("office", {})
    for k in ("hours_of_duty", "core"):
        if k in off:
            S("office." + k, start=off[k][0], end=off[k][1])
    for k in ("max_off", "max_type", "max_telework"):
        for n, m in off.get(k, {}).items():
            S("office." + k, name=n, max=m)
    for n, m in off.get("min_type", {}).items():
        S("office.min_type", name=n, min=m)
    for o in doc.get("opportunities", []):
        S("opportunity", id=o["id"], name=o["type"], value=o.get("title", ""), start=o["start"], end=o["end"],
          max=o["slots"])
        for k in ("hours", "ice_type"):
            if o.get(k) is not None:
                S("opportunity." + k, id=o["id"], value=o[k])
        if o.get("required"):
            S("opportunity.required", id=o["id"], value=lst(o["required"]))
        for k in ("must_fill", "special_skills"):
            if o.get(k) is not None:
                S("opportunity." + k, id=o["id"], value=yn(o[k]))
        for n, wt in (o.get("weights") or {}).items():
            S("opportunity.weight", id=o["id"], name=n, value=wt)
    led = doc.get("ledger", {})
    for h in led.get("history", []):
        how = "voluntary" if h.get("voluntary", True) else "involuntary"
        if h.get("ice_type"):
            how += " " + h["ice_type"]
        S("ledger.history", id=h["employee"], name=h["type"], value=how, start=h["start"], end=h["end"])
    for t, ids in led.get("served_cycle", {}).items():
        S("ledger.served_cycle", name=t, value=lst(ids))
    if "mandate_cycle" in led:
        S("ledger.mandate_cycle", value=lst(led["mandate_cycle"]))
    for t, e in led.get("training_last", {}).items():
        S("ledger.training_last", name=t, value=e)
    return SETTINGS, rows


def main():
    doc = json.load(open(sys.argv[1], encoding="utf-8"))
    out = sys.argv[2]
    os.makedirs(out, exist_ok=True)
    for name, fn in (("roster.csv", roster), ("requests.csv", requests), ("settings.csv", settings)):
        header, rows = fn(doc)
        write(os.path.join(out, name), header, rows)


if __name__ == "__main__":
    main()
