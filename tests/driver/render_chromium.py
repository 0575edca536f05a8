#!/usr/bin/env python3
"""Renders every demo's posted schedule (senbid render) in headless
Chromium, to a PNG screenshot of a letter page and to PDF, and checks the
page rendered: the screenshot is a PNG of the asked size with real content,
the PDF has pages, and the browser logged no console message. Skipped when
chromium is not installed (tools/deps.sh --chromium installs it).

usage: render_chromium.py SENBID SOURCE_ROOT [--screenshots DIR]
  --screenshots DIR keeps DIR/render-KIND.png (doc/ holds one per kind).
"""
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

SENBID, ROOT = sys.argv[1], sys.argv[2]
KEEP = sys.argv[4] if len(sys.argv) > 4 and sys.argv[3] == "--screenshots" else None
DEMOS = {"leave": "leave_demo.json", "shift_bid": "shiftbid_demo.json", "aws": "aws_demo.json",
         "assignment": "assign_demo.json"}
WIDTH, HEIGHT = 816, 1056  # letter paper at 96 dpi

browser = next((b for b in ("chromium", "chromium-browser") if shutil.which(b)), None)
if not browser:
    print("1..0 # SKIP chromium is not installed (tools/deps.sh --chromium)")
    sys.exit(0)

tmp = tempfile.mkdtemp(prefix="senbid-chromium-")
n = 0


def ok(cond, desc, *diag):
    global n
    n += 1
    print(("ok %d - %s" if cond else "not ok %d - %s") % (n, desc))
    if not cond:
        for d in diag:
            for line in str(d).splitlines()[:20]:
                print("# " + line)


def chromium(url, *what):
    profile = tempfile.mkdtemp(dir=tmp)
    args = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir=" + profile,
            "--enable-logging=stderr", "--v=0", "--hide-scrollbars"] + list(what) + [url]
    p = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    return p.returncode, p.stderr.decode("utf-8", "replace")


def png_info(path):
    """(width, height, share of pixels that are not white) of an 8-bit RGB(A) PNG."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    pos, idat = 8, b""
    w = h = depth = ctype = 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    if depth != 8 or ctype not in (2, 6):
        return w, h, None
    bpp = 3 if ctype == 2 else 4
    raw = zlib.decompress(idat)
    stride = w * bpp
    prev = bytearray(stride)
    inked = 0
    for y in range(h):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        prev = line
        for x in range(0, stride, bpp * 4):  # every fourth pixel is enough
            if line[x] < 200 or line[x + 1] < 200 or line[x + 2] < 200:
                inked += 1
    return w, h, inked / float(h * (w // 4 or 1))


for kind, demo in DEMOS.items():
    prob = os.path.join(ROOT, "examples", "data", demo)
    res = os.path.join(tmp, kind + ".json")
    html = os.path.join(tmp, kind + ".html")
    rc1 = subprocess.run([SENBID, "solve", prob, "-o", res]).returncode
    rc2 = subprocess.run([SENBID, "render", prob, res, "-o", html]).returncode
    ok(rc1 == 0 and rc2 == 0, "%s: solved and rendered" % kind)
    png = os.path.join(tmp, kind + ".png")
    rc, log = chromium("file://" + html, "--window-size=%d,%d" % (WIDTH, HEIGHT), "--screenshot=" + png)
    console = [l for l in log.splitlines() if "CONSOLE" in l or "Uncaught" in l]
    ok(rc == 0 and os.path.exists(png), "%s: chromium made a screenshot" % kind, log[-1500:])
    ok(not console, "%s: no console message" % kind, *console)
    info = png_info(png) if os.path.exists(png) else None
    ok(info is not None and info[:2] == (WIDTH, HEIGHT), "%s: the screenshot is %dx%d" % (kind, WIDTH, HEIGHT), info)
    ok(info is not None and info[2] is not None and 0.02 < info[2] < 0.6,
       "%s: the page has text and tables, not a blank page" % kind, info)
    pdf = os.path.join(tmp, kind + ".pdf")
    rc, log = chromium("file://" + html, "--print-to-pdf=" + pdf, "--no-pdf-header-footer")
    size = open(pdf, "rb").read(64) if os.path.exists(pdf) else b""
    ok(rc == 0 and size.startswith(b"%PDF") and os.path.getsize(pdf) > 5000, "%s: prints to PDF" % kind, log[-800:])
    if KEEP and os.path.exists(png):
        shutil.copy(png, os.path.join(KEEP, "render-%s.png" % kind))

shutil.rmtree(tmp, ignore_errors=True)
print("1..%d" % n)
