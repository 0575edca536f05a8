"""A PEP 517/660 build backend with no dependencies: it zips the pure-Python
package senbid/ into a wheel. The shared library is not bundled; the package
finds the installed libsenbid at run time (see senbid/_lib.py)."""
import base64
import hashlib
import io
import os
import re
import tarfile
import zipfile

_HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _meta():
    text = open(os.path.join(_HERE, "pyproject.toml"), encoding="utf-8").read()
    name = re.search(r'^name = "([^"]+)"', text, re.M).group(1)
    version = re.search(r'^version = "([^"]+)"', text, re.M).group(1)
    summary = re.search(r'^description = "([^"]+)"', text, re.M).group(1)
    return name, version, summary


def _dist_info(name, version, summary):
    metadata = (f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n"
                f"Summary: {summary}\nLicense: MIT\nRequires-Python: >=3.8\n")
    wheel = ("Wheel-Version: 1.0\nGenerator: senbid_backend\n"
             "Root-Is-Purelib: true\nTag: py3-none-any\n")
    return {"METADATA": metadata, "WHEEL": wheel}


def _record_line(path, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{path},sha256={digest},{len(data)}\n"


def _write_wheel(wheel_directory, files):
    name, version, summary = _meta()
    fname = f"{name}-{version}-py3-none-any.whl"
    info = f"{name}-{version}.dist-info"
    record = ""
    with zipfile.ZipFile(os.path.join(wheel_directory, fname), "w", zipfile.ZIP_DEFLATED) as z:
        for arc, data in files:
            z.writestr(arc, data)
            record += _record_line(arc, data)
        for fn, text in _dist_info(name, version, summary).items():
            data = text.encode()
            z.writestr(f"{info}/{fn}", data)
            record += _record_line(f"{info}/{fn}", data)
        record += f"{info}/RECORD,,\n"
        z.writestr(f"{info}/RECORD", record)
    return fname


def _package_files():
    pkg = os.path.join(_HERE, "senbid")
    out = []
    for fn in sorted(os.listdir(pkg)):
        if fn.endswith((".py", ".typed")):
            with open(os.path.join(pkg, fn), "rb") as f:
                out.append((f"senbid/{fn}", f.read()))
    return out


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def get_requires_for_build_editable(config_settings=None):
    return []


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    return _write_wheel(wheel_directory, _package_files())


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
    # A .pth file puts this directory on sys.path.
    return _write_wheel(wheel_directory, [("senbid_editable.pth", (_HERE + "\n").encode())])


def build_sdist(sdist_directory, config_settings=None):
    name, version, _ = _meta()
    base = f"{name}-{version}"
    fname = f"{base}.tar.gz"
    with tarfile.open(os.path.join(sdist_directory, fname), "w:gz") as t:
        for rel in ["pyproject.toml", "README.md", "_backend/senbid_backend.py"] + \
                [a for a, _ in _package_files()]:
            path = os.path.join(_HERE, rel)
            if os.path.exists(path):
                t.add(path, arcname=f"{base}/{rel}")
        pkg_info = "".join(f"{k}: {v}\n" for k, v in
                           [("Metadata-Version", "2.1"), ("Name", name), ("Version", version)])
        data = pkg_info.encode()
        ti = tarfile.TarInfo(f"{base}/PKG-INFO")
        ti.size = len(data)
        t.addfile(ti, io.BytesIO(data))
    return fname
