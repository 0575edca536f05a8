#!/usr/bin/env python3
"""Hostile input through the driver (issue #12), as TAP.

    run-hostile.py SENBID [B_SANITIZE] [--timings FILE]

Each case writes a document, runs `senbid` on it under an address-space
limit (RLIMIT_AS) of BASE + FACTOR x the input's size, and checks the exit
code, the one error line on standard error (a pattern), that the `-o`
target is untouched on failure (an existing file keeps its bytes, a missing
one is not created), and the peak resident memory reported. The huge cases
(100,000-deep nesting, a 200 MB string, 1,000,001 employees) run only in
the plain build: B_SANITIZE other than "none" skips them (valgrind runs of
the suite leave out "scripts", so never run them).
Timings are diagnostics (and go to FILE with --timings), never assertions.
"""
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time

MB = 1 << 20
BASE = 256 * MB  # the driver, GLPK, the C library, their address space
FACTOR = 4       # the input read, its tree, strings copied out, slack;
                 # 40 for a document of the smallest values (see below)

senbid = sys.argv[1]
sanitize = sys.argv[2] if len(sys.argv) > 2 and not sys.argv[2].startswith("--") else "none"
timings_file = sys.argv[sys.argv.index("--timings") + 1] if "--timings" in sys.argv else None
# Valgrind runs leave out the suite "scripts", which this test is in; a
# preloaded tool (a sanitizer runtime, valgrind) also skips the huge cases.
huge_ok = sanitize in ("", "none") and "LD_PRELOAD" not in os.environ
tmp = tempfile.mkdtemp(prefix="senbid-hostile-")
results = []
timings = []


def leave_doc(**over):
    d = {
        "senbid": 1, "kind": "leave", "as_of": "2026-07-15",
        "seniority": {"policy": "nbpc-2019"},
        "employees": [
            {"id": "E1", "name": {"last": "Lee", "first": "Bo"},
             "service": {"series_start": "2012-05-01", "usbp_start": "2012-05-01",
                         "cbp_start": "2012-05-01"}},
            {"id": "E2", "name": {"last": "Ng", "first": "Al"},
             "service": {"series_start": "2013-05-01", "usbp_start": "2013-05-01",
                         "cbp_start": "2013-05-01"}},
        ],
        "period": {"start": "2026-10-01", "end": "2027-03-31"},
        "capacity": {"default": 1},
        "requests": [{"employee": "E2", "choices": [
            {"id": "c1", "options": [{"start": "2026-12-21", "end": "2026-12-25"}]}]}],
    }
    d.update(over)
    return d


def write(name, data):
    path = os.path.join(tmp, name)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())
    return path


def jdoc(d):
    return json.dumps(d)


def run(args, limit):
    def pre():
        # A sanitizer's runtime reserves terabytes of address space for its
        # shadow memory, so the cap holds in the plain build only.
        if huge_ok:
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    t0 = time.monotonic()
    with tempfile.TemporaryFile() as fo, tempfile.TemporaryFile() as fe:
        p = subprocess.Popen([senbid] + args, stdout=fo, stderr=fe, preexec_fn=pre)
        # wait4: this child's own peak resident set (KiB on Linux).
        _, status, ru = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        fo.seek(0)
        fe.seek(0)
        return p.returncode, fo.read(), fe.read(), time.monotonic() - t0, ru.ru_maxrss * 1024


def case(name, path, rc_want, line_re, cmd="solve", factor=FACTOR, check=None):
    size = os.path.getsize(path) if os.path.isfile(path) else 0
    limit = BASE + factor * size
    sentinel = os.path.join(tmp, "out.json")
    with open(sentinel, "w") as f:
        f.write("SENTINEL\n")
    missing = os.path.join(tmp, "missing.json")
    if os.path.exists(missing):
        os.remove(missing)
    problems = []
    args = [cmd, path] + (["-o", sentinel] if cmd == "solve" else [])
    rc, out, err, secs, rss = run(args, limit)
    lines = err.decode("utf-8", "replace").splitlines()
    if rc_want is not None and rc != rc_want:
        problems.append("exit %d, expected %d" % (rc, rc_want))
    if rc_want == 2:
        if len(lines) != 1:
            problems.append("%d lines on stderr" % len(lines))
        elif not re.fullmatch(line_re, lines[0]):
            problems.append("stderr %r does not match %r" % (lines[0][:300], line_re))
        try:
            err.decode("utf-8")
        except UnicodeDecodeError:
            problems.append("stderr is not UTF-8")
        with open(sentinel) as f:
            if f.read() != "SENTINEL\n":
                problems.append("-o target written on failure")
        if cmd == "solve":
            rc2, *_ = run([cmd, path, "-o", missing], limit)
            if os.path.exists(missing):
                problems.append("-o target created on failure")
    if check and not problems:
        why = check(rc, out, err)
        if why:
            problems.append(why)
    timings.append((name, size, secs))
    results.append((name, problems, "input %d bytes, peak RSS %d MiB, limit %d MiB" % (size, rss // MB, limit // MB)))


def skip(name, why):
    results.append((name, None, why))


E = r"senbid: %s at %s: .*"  # any message
M = r"senbid: %s at %s: "    # a message given after it

# ---------------------------------------------------------------- numbers
case("1e400 where an integer is expected", write("n1.json", jdoc(leave_doc())
     .replace('"senbid": 1', '"senbid": 1e400')), 2, E % ("JSON", re.escape("$.senbid")))
case("-0 is the integer 0", write("n2.json", jdoc(leave_doc()).replace('"senbid": 1', '"senbid": -0')),
     2, E % ("VALUE", re.escape("$.senbid")) + "version 0 .*")
case("1.0 is the integer 1", write("n3.json", jdoc(leave_doc()).replace('"senbid": 1', '"senbid": 1.0')),
     0, "", cmd="rank")
case("1.5 where an integer is expected", write("n4.json", jdoc(leave_doc()).replace('"default": 1', '"default": 1.5')),
     2, E % ("TYPE", re.escape("$.capacity.default")))
case("a negative count", write("n5.json", jdoc(leave_doc()).replace('"default": 1', '"default": -3')),
     2, E % ("NEGATIVE", re.escape("$.capacity.default")))
case("-0 as a count", write("n6.json", jdoc(leave_doc()).replace('"default": 1', '"default": -0')), 0, "")


def seed_doc(seed):
    d = leave_doc(seniority={"policy": "ins-1995", "seed": 0})
    for e in d["employees"]:
        e["service"] = {"eod": "2010-01-01"}
    return jdoc(d).replace('"seed": 0', '"seed": ' + seed)


ref = run(["rank", write("seed5.json", seed_doc("5"))], BASE)


# Issue #12 item 5: a seed is exact mod 2^64 in every integer form of JSON.
def same_as_seed_5(rc, out, err):
    if rc != 0 or json.loads(out)["seniority"] != json.loads(ref[1])["seniority"]:
        return "seed 2^64 + 5 does not rank as seed 5"
    return None


for form in ["18446744073709551621", "1.8446744073709551621e19"]:
    case("seed %s (2^64 + 5) is seed 5" % form, write("seed.json", seed_doc(form)), None, "",
         cmd="rank", check=same_as_seed_5)

# ---------------------------------------------------------------- strings
doc = jdoc(leave_doc())
case("invalid UTF-8 in an id", write("u1.json", doc.encode().replace(b'"E1"', b'"E\xff1"', 1)),
     2, E % ("JSON", r"\$") + "invalid UTF-8 at line 1 column \\d+ .*")
case("invalid UTF-8 in a name", write("u2.json", doc.encode().replace(b'"Lee"', b'"L\xc3e"', 1)),
     2, E % ("JSON", r"\$") + "invalid UTF-8 .*")
case("a surrogate encoded in UTF-8 in an id", write("u3.json", doc.encode().replace(b'"E1"', b'"E\xed\xa0\x801"', 1)),
     2, E % ("JSON", r"\$") + "invalid UTF-8 .*")
case("a lone high surrogate escape in an id", write("u4.json", doc.replace('"E1"', '"E\\ud8001"', 1)),
     2, E % ("JSON", r"\$") + ".*lone high surrogate.*")
case("a lone low surrogate escape in a name", write("u5.json", doc.replace('"Lee"', '"L\\udc00"', 1)),
     2, E % ("JSON", r"\$") + ".*lone low surrogate.*")
case("an escaped NUL in an id", write("z1.json", doc.replace('"E1"', '"E1\\u0000x"', 1)),
     2, E % ("VALUE", re.escape("$.employees[0].id")) + '.*"E1\\\\u0000x".*')
case("an escaped NUL in a request's employee", write("z2.json", doc.replace('"employee": "E2"', '"employee": "E2\\u0000zzz"')),
     2, E % ("VALUE", re.escape("$.requests[0].employee")))
case("a raw NUL byte in a string", write("z3.json", doc.encode().replace(b'"E1"', b'"E\x001"', 1)),
     2, E % ("JSON", r"\$") + ".*control character.*")
case("a raw NUL byte between tokens", write("z4.json", doc.encode().replace(b'{', b'{\x00', 1)),
     2, E % ("JSON", r"\$") + ".*")
case("a control character in a kind stays on one line", write("k1.json", doc.replace('"leave"', '"x\\ny\\u001b[31m"', 1)),
     2, M % ("VALUE", re.escape("$.kind")) + re.escape('unknown kind "x\\ny\\u001b[31m"') + ".*")
case("duplicate member names", write("d1.json", doc.replace('"kind": "leave"', '"kind": "leave", "kind": "aws"')),
     2, E % ("DUPLICATE", re.escape("$.kind")))
case("duplicate ids", write("d2.json", doc.replace('"E2"', '"E1"', 1)),
     2, E % ("DUPLICATE", re.escape("$.employees[1].id")))

# ---------------------------------------------------------------- limits
case("a period of 3,661 days", write("p1.json", jdoc(leave_doc(period={"start": "2026-01-01", "end": "2036-01-09"}))),
     2, E % ("LIMIT", re.escape("$.period")))
case("a period of 3,660 days", write("p2.json", jdoc(leave_doc(period={"start": "2026-01-01", "end": "2036-01-08"}))),
     0, "")

# ---------------------------------------------------------------- files
case("an empty file", write("empty.json", b""), 2, E % ("JSON", r"\$") + ".*end of input")
case("a directory", tmp, 2, E % ("IO", r"\$") + ".*")
case("a path through a file", os.path.join(write("f.json", doc), "x"), 2, E % ("IO", r"\$") + ".*")
unreadable = write("unreadable.json", doc)
os.chmod(unreadable, 0)
if os.access(unreadable, os.R_OK):
    # root reads any file: the case cannot be made here, so say so.
    skip("an unreadable file", "SKIP running as root, which can read a mode-000 file")
else:
    case("an unreadable file", unreadable, 2, E % ("IO", r"\$") + ".*")

# ---------------------------------------------------------------- huge
if huge_ok:
    case("nesting 100,000 deep", write("deep.json", "[" * 100000 + "]" * 100000),
         2, E % ("JSON", r"\$") + ".*nested too deeply")
    case("nesting 100,000 deep in a member", write("deep2.json", doc[:-1] + ', "x": ' + "{\"a\": " * 100000 + "1" + "}" * 100001),
         2, E % ("JSON", r"\$") + ".*nested too deeply")
    big = 200 * MB
    with open(os.path.join(tmp, "s200.json"), "wb") as f:
        f.write(b'{"senbid": 1, "kind": "')
        chunk = b"a" * MB
        for _ in range(big // MB):
            f.write(chunk)
        f.write(b'", "as_of": "2026-07-15"}')
    case("a 200 MB string", os.path.join(tmp, "s200.json"), 2,
         M % ("VALUE", re.escape("$.kind")) + 'unknown kind "a{40}"\u2026 .*')
    os.remove(os.path.join(tmp, "s200.json"))
    with open(os.path.join(tmp, "emps.json"), "w") as f:
        f.write('{"senbid": 1, "kind": "leave", "as_of": "2026-07-15", '
                '"seniority": {"policy": "nbpc-2019"}, "employees": [')
        f.write(",".join('{"id":"E%d"}' % i for i in range(1000001)))
        f.write("]}")
    case("1,000,001 employees", os.path.join(tmp, "emps.json"), 2,
         E % ("LIMIT", re.escape("$.employees")) + ".*1000001.*")
    os.remove(os.path.join(tmp, "emps.json"))
    # The worst case for memory: the smallest values, two bytes each, are
    # a 64-byte tree node each (32 x the input), solved to the end.
    with open(os.path.join(tmp, "zeros.json"), "w") as f:
        f.write(doc[:-1] + ', "x": [' + ",".join(["0"] * 8000000) + "]}")
    case("8,000,000 numbers in an unknown member", os.path.join(tmp, "zeros.json"), 0, "",
         factor=40)
    os.remove(os.path.join(tmp, "zeros.json"))
else:
    for n in ["nesting 100,000 deep", "a 200 MB string", "1,000,001 employees",
              "8,000,000 numbers in an unknown member"]:
        skip(n, "SKIP huge inputs run in the plain build only (b_sanitize=%s)" % sanitize)

# ---------------------------------------------------------------- report
print("1..%d" % len(results))
failed = 0
for i, (name, problems, note) in enumerate(results, 1):
    if problems is None:
        print("ok %d - %s # %s" % (i, name, note))
    elif problems:
        failed += 1
        print("not ok %d - %s" % (i, name))
        for p in problems:
            print("#   " + p)
    else:
        print("ok %d - %s (%s)" % (i, name, note))
if timings_file:
    with open(timings_file, "w") as f:
        for name, size, secs in timings:
            f.write("%s\t%d\t%.3f\n" % (name, size, secs))
shutil.rmtree(tmp, ignore_errors=True)
sys.exit(1 if failed else 0)
