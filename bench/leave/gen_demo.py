import json, random
random.seed(20261001)
last = ["Garcia","Nguyen","Okafor","Smith","Martinez","Johnson","Lee","Hernandez","Brown","Davis","Lopez","Wilson",
        "Anderson","Thomas","Moore","Jackson","Martin","Thompson","White","Harris","Clark","Lewis","Robinson","Walker",
        "Young","Allen","King","Wright","Scott","Torres","Hill","Flores","Green","Adams","Nelson","Baker"]
first = ["Ana","Minh","Chidi","John","Luis","Mary","Grace","Jose","David","Sarah","Carlos","Emma","Eric","Paul",
         "Nina","Tyrone","Marie","Kyle","Rosa","Sam","Olivia","Ray","Dana","Victor","Hannah","Omar","Beth","Noah",
         "Liam","Elena","Frank","Iris","Jorge","Kim","Leah","Mark"]
emps = []
for i in range(36):
    y = random.randint(1998, 2023); m = random.randint(1, 12); d = random.randint(1, 28)
    ser = f"{y:04d}-{m:02d}-{d:02d}"
    cbp = f"{y-random.choice([0,0,0,1,3]):04d}-{m:02d}-{d:02d}"
    e = {"id": f"A{101+i}", "name": {"last": last[i], "first": first[i]},
         "service": {"series_start": ser, "usbp_start": ser, "cbp_start": cbp},
         "group": "Day Unit" if i % 9 < 5 else "Night Unit"}
    if i % 3 == 0: e["leave_balance_hours"] = random.choice([80, 120, 160, 208])
    if i % 7 == 3: e["workdays"] = ["sun","mon","tue","wed","thu"]
    if i % 11 == 4: e["hours_per_day"] = 10; e["workdays"] = ["mon","tue","wed","thu"]
    emps.append(e)
# Use-or-lose leave that must be scheduled (NBPC 2019 Art. 14 A).
emps[5]["service"]["series_start"] = emps[5]["service"]["usbp_start"] = "2001-03-11"
emps[6]["service"]["series_start"] = emps[6]["service"]["usbp_start"] = "2003-08-24"
emps[33]["service"] = {"series_start": "2024-06-02", "usbp_start": "2024-06-02", "cbp_start": "2024-06-02"}
for idx, mn in ((29, 5), (33, 3), (20, 3)):
    emps[idx]["min_leave_days"] = mn
windows = {
 "hunting": [("2026-10-12","2026-10-16"),("2026-10-19","2026-10-23"),("2026-11-02","2026-11-06")],
 "thanksgiving": [("2026-11-23","2026-11-27"),("2026-11-25","2026-11-29"),("2026-11-30","2026-12-04")],
 "christmas": [("2026-12-21","2026-12-25"),("2026-12-28","2027-01-01"),("2026-12-22","2026-12-23"),("2027-01-04","2027-01-08")],
 "mlk": [("2027-01-15","2027-01-19"),("2027-01-22","2027-01-26")],
 "presidents": [("2027-02-12","2027-02-16"),("2027-02-19","2027-02-23")],
 "spring": [("2027-03-08","2027-03-12"),("2027-03-15","2027-03-19"),("2027-03-22","2027-03-26")],
}
reqs = []
order = list(range(36)); random.shuffle(order)
for i in order:
    if i in (7, 16, 25): continue  # no request this period
    names = random.sample(list(windows), random.randint(1, 3))
    if i in (5, 6):
        reqs.append({"employee": emps[i]["id"], "choices": [{"id": "christmas", "options": [
            {"start": "2026-12-21", "end": "2026-12-23"}, {"start": "2027-01-04", "end": "2027-01-08"}]},
            {"id": "spring", "options": [{"start": "2027-03-15", "end": "2027-03-19"}]}]})
        continue
    if i in (29, 20): names = ["christmas", "thanksgiving"]
    if i == 33:
        reqs.append({"employee": emps[i]["id"], "choices": [{"id": "christmas", "options": [
            {"start": "2026-12-21", "end": "2026-12-23"}, {"start": "2026-12-28", "end": "2026-12-30"}]}]})
        continue
    choices = []
    for n in names:
        opts = windows[n][:]
        first_opt = random.choice(opts)
        alts = [o for o in opts if o != first_opt]
        random.shuffle(alts)
        chosen = [first_opt] + alts[:random.randint(0, 2)]
        choices.append({"id": n, "options": [{"start": a, "end": b} for a, b in chosen]})
    reqs.append({"employee": emps[i]["id"], "choices": choices})
doc = {
 "senbid": 1, "kind": "leave", "as_of": "2026-07-15",
 "seniority": {"policy": "nbpc-2019"},
 "employees": emps,
 "period": {"start": "2026-10-01", "end": "2027-03-31"},
 "holidays": "us-federal",
 "capacity": {"default": 2, "groups": {"Day Unit": 3, "Night Unit": 2},
   "overrides": [
     {"start": "2026-12-24", "end": "2026-12-26", "max": 0},
     {"start": "2026-12-27", "end": "2027-01-02", "max": 2, "group": "Day Unit"},
     {"start": "2026-11-25", "end": "2026-11-29", "max": 1, "group": "Night Unit"}]},
 "approved": [
   {"employee": "A104", "start": "2026-11-23", "end": "2026-11-27"},
   {"employee": "A112", "start": "2026-12-21", "end": "2026-12-23"},
   {"employee": "A127", "start": "2027-01-04", "end": "2027-01-15"},
   {"employee": "A119", "start": "2026-10-12", "end": "2026-10-14"}],
 "requests": reqs,
 "rules": {"max_days_per_employee": 15}
}
print(json.dumps(doc, indent=1))
