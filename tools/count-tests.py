#!/usr/bin/env python3
"""Counts the results of meson test logs (testlog.json, one JSON object a
line) and prints the closing line CI reads: "N passed, N failed"."""
import json
import sys

passed = failed = skipped = 0
seen = set()
for path in sys.argv[1:]:
    if path in seen:
        continue
    seen.add(path)
    try:
        lines = open(path, encoding="utf-8").read().splitlines()
    except OSError:
        failed += 1  # a run that left no log did not pass
        continue
    for line in lines:
        if not line.strip():
            continue
        result = json.loads(line).get("result", "")
        if result in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif result == "SKIP":
            skipped += 1
        else:
            failed += 1
print(f"{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
