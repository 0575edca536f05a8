"""An independent model of the master leave pass, written from SPEC
sections 1, 2, 6 and 9 (not from lib/leave), to compare against the
library on generated problems (run_reference.py).

    solve(problem_dict, "round_robin" | "lexicographic") -> result dict

It returns the members the spec pins down: status, seniority, grants,
denials, employees, notify and the details of the round_order audit
events. Lexicographic is a brute-force search of the spec's definition
(a completion exists), for small problems only. Standard library only.
"""

import datetime

MASK64 = (1 << 64) - 1
EPS = 1e-9
WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]  # date.weekday()


def day(s):
    return datetime.date.fromisoformat(s).toordinal()


def iso(d):
    return datetime.date.fromordinal(d).isoformat()


# --------------------------------------------------------------------------
# Section 1: seniority
# --------------------------------------------------------------------------

def fnv1a64(s):
    h = 0xcbf29ce484222325
    for b in s.encode("utf-8"):
        h ^= b
        h = (h * 0x100000001b3) & MASK64
    return h


def splitmix64(x):
    x = (x + 0x9e3779b97f4a7c15) & MASK64
    z = x
    z = ((z ^ (z >> 30)) * 0xbf58476d1ce4e5b9) & MASK64
    z = ((z ^ (z >> 27)) * 0x94d049bb133111eb) & MASK64
    return z ^ (z >> 31)


def fold(s):
    return "".join(c.lower() if "A" <= c <= "Z" else c for c in s)


def time_in(emp, as_of, date_member, credit_key):
    start = emp.get("service", {}).get(date_member)
    t = as_of - day(start)
    return t + emp.get("credit_days", {}).get(credit_key, 0)


def seniority(doc):
    """The order (ids, most senior first) and the tie groups."""
    sen = doc["seniority"]
    policy = sen["policy"]
    as_of = day(doc["as_of"])
    emps = doc["employees"]

    def keys(e):
        if policy == "nbpc-2019" and sen.get("mixed_occupations"):
            # Appendix I.B/I.D: different occupations start at USBP time.
            return (time_in(e, as_of, "usbp_start", "usbp"),
                    time_in(e, as_of, "cbp_start", "cbp"))
        if policy == "nbpc-2019":
            return (time_in(e, as_of, "series_start", "series"),
                    time_in(e, as_of, "usbp_start", "usbp"),
                    time_in(e, as_of, "cbp_start", "cbp"))
        if policy == "ice-2019":
            if e.get("attorney"):
                return (time_in(e, as_of, "attorney_start", "attorney"),)
            return (time_in(e, as_of, "scd", "scd"),)
        if policy == "ins-1995":
            return (time_in(e, as_of, "eod", "eod"),)
        raise ValueError(policy)

    seed = sen.get("seed", 0) & MASK64

    def tie(e):
        if policy == "nbpc-2019":
            n = e.get("name", {})
            return (fold(n.get("last", "")), fold(n.get("first", "")),
                    fold(n.get("middle", "")), e["id"].encode("utf-8"))
        return (splitmix64(seed ^ fnv1a64(e["id"])), e["id"].encode("utf-8"))

    # More time is more senior: sort by negated key tuples.
    ranked = sorted(emps, key=lambda e: (tuple(-k for k in keys(e)), tie(e)))
    order = [e["id"] for e in ranked]
    ties = []
    i = 0
    while i < len(ranked):
        j = i
        while j + 1 < len(ranked) and keys(ranked[j + 1]) == keys(ranked[i]):
            j += 1
        if j > i:
            t = {"employees": [e["id"] for e in ranked[i:j + 1]],
                 "broken_by": "alphabetical" if policy == "nbpc-2019" else "lottery"}
            if t["broken_by"] == "lottery":
                t["seed"] = seed
            ties.append(t)
        i = j + 1
    return order, ties


# --------------------------------------------------------------------------
# Section 6: federal holidays
# --------------------------------------------------------------------------

def nth_weekday(year, month, weekday, n):
    d = datetime.date(year, month, 1)
    while d.weekday() != weekday:
        d += datetime.timedelta(days=1)
    return d + datetime.timedelta(days=7 * (n - 1))


def last_weekday(year, month, weekday):
    d = datetime.date(year + (month == 12), month % 12 + 1, 1) - datetime.timedelta(days=1)
    while d.weekday() != weekday:
        d -= datetime.timedelta(days=1)
    return d


def federal_holidays(year):
    fixed = [datetime.date(year, 1, 1), datetime.date(year, 7, 4),
             datetime.date(year, 11, 11), datetime.date(year, 12, 25)]
    if year >= 2021:
        fixed.append(datetime.date(year, 6, 19))
    out = []
    for d in fixed:
        if d.weekday() == 5:
            d -= datetime.timedelta(days=1)
        elif d.weekday() == 6:
            d += datetime.timedelta(days=1)
        out.append(d)
    out += [nth_weekday(year, 1, 0, 3), nth_weekday(year, 2, 0, 3),
            last_weekday(year, 5, 0), nth_weekday(year, 9, 0, 1),
            nth_weekday(year, 10, 0, 2), nth_weekday(year, 11, 3, 4)]
    return {d.toordinal() for d in out}


# --------------------------------------------------------------------------
# Section 2: master leave
# --------------------------------------------------------------------------

FACTORS = ("use_or_lose", "leave_credit", "school_children", "previous_denial", "seniority")
PRESETS = {"ice-2019": ["use_or_lose", "school_children", "previous_denial", "seniority"],
           "ins-1995": ["leave_credit", "seniority"]}


class Leave:
    def __init__(self, doc):
        self.doc = doc
        self.order, self.ties = seniority(doc)
        self.rank = {e: i for i, e in enumerate(self.order)}
        self.emp = {e["id"]: e for e in doc["employees"]}
        self.ps, self.pe = day(doc["period"]["start"]), day(doc["period"]["end"])
        h = doc.get("holidays")
        if h == "us-federal":
            y0 = datetime.date.fromordinal(self.ps).year
            y1 = datetime.date.fromordinal(self.pe).year
            self.holidays = set()
            for y in range(y0 - 1, y1 + 2):
                self.holidays |= federal_holidays(y)
        elif isinstance(h, list):
            self.holidays = {day(x) for x in h}
        else:
            self.holidays = set()
        cap = doc.get("capacity") or {}
        self.default = cap.get("default")
        self.groups = cap.get("groups") or {}
        self.overrides = [(day(o["start"]), day(o["end"]), o["max"], o.get("group"))
                          for o in cap.get("overrides") or []]
        self.totals = []
        for t in cap.get("totals") or []:
            s = day(t["start"]) if "start" in t else None
            e = day(t["end"]) if "end" in t else None
            self.totals.append((set(t["groups"]), t["max"], s, e))
        self.breaks = [(day(b["start"]), day(b["end"])) for b in doc.get("school_breaks") or []]
        rules = doc.get("rules") or {}
        self.max_days = rules.get("max_days_per_employee")
        pr = rules.get("priority")
        if pr is None:
            factors = ["seniority"]
        elif isinstance(pr, str):
            factors = list(PRESETS[pr])
        else:
            factors = list(pr)
        # "When priority names a factor other than seniority, the audit
        # records each round's order": named, even after seniority.
        self.priority_named = any(f != "seniority" for f in factors)
        if "seniority" not in factors:
            factors.append("seniority")
        self.factors = factors[:factors.index("seniority") + 1]
        # Requests: per employee, its choices as (id, [(start, end)]).
        self.requests = {}
        for q in doc.get("requests") or []:
            self.requests[q["employee"]] = [
                (c["id"], [(day(o["start"]), day(o["end"])) for o in c["options"]])
                for c in q["choices"]]
        # Approved leave: the ranges as given, and the days each employee
        # is off (distinct employees per day, SPEC 9).
        self.approved = {}
        for a in doc.get("approved") or []:
            self.approved.setdefault(a["employee"], []).append((day(a["start"]), day(a["end"])))

    # cap(g, d): None is unlimited.
    def cap(self, g, d):
        best = None
        for s, e, m, og in self.overrides:
            if s <= d <= e and (og is None or og == g):
                best = m if best is None else min(best, m)
        if best is not None:
            return best
        if g in self.groups:
            return self.groups[g]
        return self.default

    def group(self, e):
        return self.emp[e].get("group", "")

    def workdays(self, e):
        return self.emp[e].get("workdays", ["mon", "tue", "wed", "thu", "fri"])

    def charged_days(self, e, r):
        wd = self.workdays(e)
        return sum(1 for d in range(r[0], r[1] + 1)
                   if WEEKDAYS[datetime.date.fromordinal(d).weekday()] in wd
                   and d not in self.holidays)

    def hpd(self, e):
        return self.emp[e].get("hours_per_day", 8)


class State:
    def __init__(self, lv):
        self.lv = lv
        self.off = {}       # (group, day) -> count
        self.tot = {}       # (total index, day) -> count
        self.granted = {e: [] for e in lv.emp}
        self.days = {e: 0 for e in lv.emp}
        self.hours = {e: 0.0 for e in lv.emp}
        for e, rs in lv.approved.items():
            ds = set()
            for s, t in rs:
                ds |= {d for d in range(max(s, lv.ps), min(t, lv.pe) + 1)}
            for d in ds:
                self.count(e, d, 1)

    def count(self, e, d, delta):
        g = self.lv.group(e)
        self.off[(g, d)] = self.off.get((g, d), 0) + delta
        for i, (gs, _, _, _) in enumerate(self.lv.totals):
            if g in gs:
                self.tot[(i, d)] = self.tot.get((i, d), 0) + delta

    def balance_left(self, e):
        b = self.lv.emp[e].get("leave_balance_hours")
        return None if b is None else b - self.hours[e]

    def full_day(self, e, r):
        lv = self.lv
        g = lv.group(e)
        for d in range(r[0], r[1] + 1):
            c = lv.cap(g, d)
            if c is not None and self.off.get((g, d), 0) >= c:
                return d
            for i, (gs, m, s, t) in enumerate(lv.totals):
                if g in gs and (s is None or s <= d <= t) and self.tot.get((i, d), 0) >= m:
                    return d
        return None

    def fit(self, e, r):
        """(reason, date): the first failing test of SPEC 2, or ("OK", None)."""
        lv = self.lv
        if r[0] < lv.ps or r[1] > lv.pe:
            return "OUTSIDE_PERIOD", None
        for s, t in lv.approved.get(e, []) + self.granted[e]:
            if s <= r[1] and r[0] <= t:
                return "OVERLAP", None
        d = self.full_day(e, r)
        if d is not None:
            return "CAPACITY", d
        b = self.balance_left(e)
        if b is not None and lv.charged_days(e, r) * lv.hpd(e) > b + EPS:
            return "BALANCE", None
        if lv.max_days is not None and self.days[e] + (r[1] - r[0] + 1) > lv.max_days:
            return "MAX_DAYS", None
        return "OK", None

    def apply(self, e, r, delta=1):
        for d in range(r[0], r[1] + 1):
            self.count(e, d, delta)
        n = r[1] - r[0] + 1
        h = self.lv.charged_days(e, r) * self.lv.hpd(e)
        if delta > 0:
            self.granted[e].append(r)
        else:
            self.granted[e].remove(r)
        self.days[e] += delta * n
        self.hours[e] += delta * h


def completion_exists(st, pending):
    """SPEC 9 (Lexicographic, Leave): at most one option from each
    undecided choice brings every employee up to min_leave_days. Extra
    grants only use up room, so only employees short of their minimum
    pick anything, and each stops once it is met."""
    lv = st.lv
    short = []
    for e in lv.order:
        m = lv.emp[e].get("min_leave_days", 0)
        if st.days[e] < m:
            short.append(e)

    def for_emp(i):
        if i == len(short):
            return True
        e = short[i]
        need = lv.emp[e].get("min_leave_days", 0)
        chs = pending.get(e, [])

        def rec(j):
            if st.days[e] >= need:
                return for_emp(i + 1)
            # Bound: even every remaining choice's longest option falls short.
            most = sum(max((r[1] - r[0] + 1 for r in opts), default=0) for _, opts in chs[j:])
            if st.days[e] + most < need:
                return False
            if j == len(chs):
                return False
            for r in chs[j][1]:
                if st.fit(e, r)[0] == "OK":
                    st.apply(e, r)
                    ok = rec(j + 1)
                    st.apply(e, r, -1)
                    if ok:
                        return True
            return rec(j + 1)

        return rec(0)

    return for_emp(0)


def solve(doc, method):
    lv = Leave(doc)
    st = State(lv)
    lex = method == "lexicographic"
    pending = {e: list(lv.requests[e]) for e in lv.order if e in lv.requests}
    res = {"status": "ok", "seniority": lv.order, "ties": lv.ties, "grants": [],
           "denials": [], "round_order": []}
    if lex and not completion_exists(st, pending):
        res["status"] = "infeasible"
        res["employees"] = [{"employee": e, "granted_days": 0, "charged_hours": 0,
                             "balance_left_hours": st.balance_left(e)}
                            for e in lv.order if e in lv.requests]
        res["notify"] = []
        return res

    def key(e):
        em = lv.emp[e]
        k = []
        for f in lv.factors:
            if f == "use_or_lose":
                k.append(0 if em.get("use_or_lose_hours", 0) > 0 else 1)
            elif f == "leave_credit":
                k.append(-em.get("leave_balance_hours", 0))
            elif f == "school_children":
                opts = pending[e][0][1]
                inb = bool(opts) and any(s <= opts[0][1] and opts[0][0] <= t for s, t in lv.breaks)
                k.append(0 if em.get("school_age_children") and inb else 1)
            elif f == "previous_denial":
                k.append(0 if em.get("denied_previous_period") else 1)
            else:
                k.append(lv.rank[e])
        return k

    active = [e for e in lv.order if pending.get(e)]
    rnd = 1
    while active:
        order = sorted(active, key=key)
        if lv.priority_named:
            res["round_order"].append("round %d: %s" % (rnd, ", ".join(order)))
        for e in order:
            while pending[e]:
                cid, opts = pending[e].pop(0)
                whys = []
                granted = False
                for k, r in enumerate(opts):
                    why, date = st.fit(e, r)
                    if why == "OK":
                        st.apply(e, r)
                        if lex and not completion_exists(st, pending):
                            st.apply(e, r, -1)
                            why = "MIN_LEAVE"
                            res["rejected"] = res.get("rejected", 0) + 1
                    if why == "OK":
                        res["grants"].append({
                            "employee": e, "choice": cid, "option": k, "start": iso(r[0]),
                            "end": iso(r[1]), "round": rnd,
                            "charged_days": lv.charged_days(e, r),
                            "charged_hours": lv.charged_days(e, r) * lv.hpd(e)})
                        granted = True
                        break
                    w = {"option": k, "reason": why}
                    if why == "CAPACITY":
                        w["date"] = iso(date)
                    whys.append(w)
                if granted:
                    break
                res["denials"].append({"employee": e, "choice": cid, "round": rnd, "options": whys})
        active = [e for e in lv.order if pending.get(e)]
        rnd += 1
    res["employees"] = [{"employee": e, "granted_days": st.days[e], "charged_hours": st.hours[e],
                         "balance_left_hours": st.balance_left(e)}
                        for e in lv.order if e in lv.requests]
    denied = {d["employee"] for d in res["denials"]}
    res["notify"] = [e for e in lv.order if e in denied]
    return res
