"""Finds and loads libsenbid, and declares the few C functions used (the
one-call entry: no C struct is mirrored here)."""
import ctypes
import os
from typing import List, Optional

_SONAME = "libsenbid.so.0"


class Progress(ctypes.Structure):
    """senbid_progress (include/senbid/senbid.h)."""
    _fields_ = [
        ("version", ctypes.c_uint32),
        ("reserved", ctypes.c_uint32),
        ("phase", ctypes.c_char_p),
        ("done", ctypes.c_uint64),
        ("total", ctypes.c_uint64),
        ("solver_calls", ctypes.c_uint64),
        ("elapsed_seconds", ctypes.c_double),
    ]


PROGRESS_FN = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(Progress), ctypes.c_void_p)


def _candidates() -> List[str]:
    """Where to look, in order: $SENBID_LIBRARY, the system loader, then a
    build directory of the source tree this package sits in."""
    out = []
    env = os.environ.get("SENBID_LIBRARY")
    if env:
        return [env]
    out.append(_SONAME)
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(os.path.dirname(here)))
    for build in ("build", "build-release", "builddir"):
        out.append(os.path.join(root, build, "lib", _SONAME))
    return out


def load() -> ctypes.CDLL:
    errors = []
    for path in _candidates():
        try:
            lib = ctypes.CDLL(path)
            break
        except OSError as e:
            errors.append(f"{path}: {e}")
    else:
        raise OSError("senbid: libsenbid not found; install it (meson install) or set "
                      "SENBID_LIBRARY to its path. Tried:\n  " + "\n  ".join(errors))
    err_p = ctypes.c_void_p
    lib.senbid_call_with_progress.argtypes = [
        ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_size_t),
        ctypes.POINTER(ctypes.c_int), ctypes.c_char_p, ctypes.c_size_t,
        PROGRESS_FN, ctypes.c_void_p, ctypes.POINTER(err_p)]
    lib.senbid_call_with_progress.restype = ctypes.c_int
    lib.senbid_free.argtypes = [ctypes.c_void_p]
    lib.senbid_free.restype = None
    lib.senbid_error_code.argtypes = [err_p]
    lib.senbid_error_code.restype = ctypes.c_int
    lib.senbid_error_path.argtypes = [err_p]
    lib.senbid_error_path.restype = ctypes.c_char_p
    lib.senbid_error_message.argtypes = [err_p]
    lib.senbid_error_message.restype = ctypes.c_char_p
    lib.senbid_error_free.argtypes = [err_p]
    lib.senbid_error_free.restype = None
    lib.senbid_code_name.argtypes = [ctypes.c_int]
    lib.senbid_code_name.restype = ctypes.c_char_p
    lib.senbid_version.argtypes = []
    lib.senbid_version.restype = ctypes.c_char_p
    return lib


_lib: Optional[ctypes.CDLL] = None


def get() -> ctypes.CDLL:
    global _lib
    if _lib is None:
        _lib = load()
    return _lib
