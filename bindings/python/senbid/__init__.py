"""senbid: seniority rules of federal labor agreements turned into schedules.

A ctypes binding of libsenbid's one-call entry (senbid_call): every function
returns exactly what the ``senbid`` command-line driver prints::

    import senbid
    result = senbid.solve(open("examples/data/leave_demo.json").read())
    print(result["status"], result.outcome)

A problem is a ``dict``, JSON text (``str`` or ``bytes``) or an
``os.PathLike`` path. Solves release the GIL: several threads solve in
parallel. Ctrl-C stops a solve in the main thread (``KeyboardInterrupt``).
"""
import codecs
import ctypes
import enum
import json
import os
import threading
import _thread
from typing import Any, Callable, Dict, Optional, Union

from . import _lib

__all__ = [
    "solve", "check", "rank", "explain", "export_lp", "version", "Outcome", "Progress",
    "Result", "RawResult", "SenbidError", "InputError", "SolverError",
    "OutOfMemoryError", "ArgumentError", "UnsupportedError", "Cancelled",
    "Session", "TurnError",
]
__version__ = "0.1.0"

Document = Union[Dict[str, Any], str, bytes, "os.PathLike[str]"]


class Outcome(enum.IntEnum):
    """What a solve or check found (senbid_outcome)."""
    OK = 0
    INFEASIBLE = 1
    TIME_LIMIT = 2
    DEPARTURES = 3


class Progress:
    """One progress report of a long solve, passed to ``progress``."""
    __slots__ = ("phase", "done", "total", "solver_calls", "elapsed_seconds")

    def __init__(self, phase: str, done: int, total: int, solver_calls: int,
                 elapsed_seconds: float) -> None:
        self.phase = phase
        self.done = done
        self.total = total
        self.solver_calls = solver_calls
        self.elapsed_seconds = elapsed_seconds

    def __repr__(self) -> str:
        return (f"Progress(phase={self.phase!r}, done={self.done}, total={self.total}, "
                f"solver_calls={self.solver_calls}, elapsed_seconds={self.elapsed_seconds:.3f})")


class Result(dict):  # type: ignore[type-arg]
    """The result document as a dict, with ``outcome`` and the exact ``text``."""
    outcome: Outcome
    text: str


class RawResult(str):
    """The exact text the CLI prints (``raw=True``), with ``outcome``."""
    outcome: Outcome


class SenbidError(Exception):
    """A failed call: ``code`` (a stable name such as ``"DATE"``),
    ``code_number`` (the negative senbid_code), ``path`` (a JSON path in the
    document, or ``request.…`` for an argument of the call) and ``message``."""

    def __init__(self, code_number: int, code: str, path: str, message: str) -> None:
        super().__init__(f"{code} at {path or '$'}: {message}")
        self.code_number = code_number
        self.code = code
        self.path = path
        self.message = message


class InputError(SenbidError, ValueError):
    """The problem or posted result is not valid (SPEC section 9 codes)."""


class SolverError(SenbidError):
    """The integer-programming solver failed."""


class OutOfMemoryError(SenbidError, MemoryError):
    """The library ran out of memory."""


class ArgumentError(SenbidError, TypeError):
    """A bad argument to the library (should not happen through this module)."""


class UnsupportedError(SenbidError):
    """Not available for this kind or method."""


class Cancelled(SenbidError):
    """The progress callable returned False."""


class TurnError(InputError):
    """A session action out of turn, or nothing to undo (code ``TURN``)."""


_E_SOLVER, _E_NOMEM, _E_ARGUMENT, _E_VERSION, _E_UNSUPPORTED, _E_CANCELLED = range(-15, -21, -1)


_E_TURN = -21


def _error_class(code: int) -> type:
    if code == _E_TURN:
        return TurnError
    if _E_SOLVER < code < 0:  # JSON ... IO: the input's fault
        return InputError
    return {
        _E_SOLVER: SolverError, _E_NOMEM: OutOfMemoryError,
        _E_ARGUMENT: ArgumentError, _E_VERSION: ArgumentError,
        _E_UNSUPPORTED: UnsupportedError, _E_CANCELLED: Cancelled,
    }.get(code, SenbidError)


def version() -> str:
    """The library's version string, for example ``"0.1.0"``."""
    return _lib.get().senbid_version().decode()


def _document(doc: Document) -> str:
    """A request member for a document: JSON text as a JSON string (so that
    malformed text gets the CLI's own error), a dict as an object."""
    if isinstance(doc, dict):
        return json.dumps(doc, ensure_ascii=False)
    if isinstance(doc, os.PathLike):
        with open(doc, "rb") as f:
            doc = f.read()
    if isinstance(doc, (bytes, bytearray, memoryview)):
        try:
            doc = bytes(doc).decode("utf-8")
        except UnicodeDecodeError as e:
            raise InputError(-1, "JSON", "$", f"the document is not UTF-8 ({e.reason} at byte {e.start})") from None
    if not isinstance(doc, str):
        raise TypeError(f"a problem is a dict, str, bytes or os.PathLike, not {type(doc).__name__}")
    return json.dumps(doc, ensure_ascii=False)


def _request(command: str, problem: Document, result: Optional[Document] = None,
             options: Optional[Dict[str, Any]] = None) -> bytes:
    parts = [f'{{"command": {json.dumps(command)}']
    if options:
        parts.append(f'"options": {json.dumps(options)}')
    parts.append(f'"problem": {_document(problem)}')
    if result is not None:
        parts.append(f'"result": {_document(result)}')
    try:
        return (", ".join(parts) + "}").encode("utf-8")
    except UnicodeEncodeError as e:
        raise InputError(-1, "JSON", "$", f"the document is not valid Unicode ({e.reason})") from None


class _Call:
    """One senbid_call_with_progress, with its callback kept alive for the
    whole call and any exception from the callable kept to re-raise."""

    def __init__(self, request: bytes, progress: Optional[Callable[[Progress], Any]]) -> None:
        self.request = request
        self.progress = progress
        self.stop = False          # set on Ctrl-C
        self.raised: Optional[BaseException] = None
        self.rc = 0
        self.text = ""
        self.outcome = 0
        self.error: Optional[SenbidError] = None
        self.c_fn = _lib.PROGRESS_FN(self._on_progress)
        self.cancellable = False  # set when a Ctrl-C may have to stop the call

    def _on_progress(self, p: Any, payload: Any) -> int:
        if self.stop:
            return 1
        if self.progress is None:
            return 0
        try:
            c = p.contents
            go_on = self.progress(Progress(c.phase.decode() if c.phase else "", c.done,
                                           c.total, c.solver_calls, c.elapsed_seconds))
        except BaseException as e:  # noqa: B902 — re-raised by the caller
            self.raised = e
            return 1
        return 1 if go_on is False else 0

    def run(self) -> None:
        lib = _lib.get()
        out = ctypes.c_void_p()
        out_len = ctypes.c_size_t()
        outcome = ctypes.c_int()
        err = ctypes.c_void_p()
        # ctypes releases the GIL for the call: other threads run meanwhile.
        self.rc = lib.senbid_call_with_progress(
            ctypes.byref(out), ctypes.byref(out_len), ctypes.byref(outcome),
            self.request, len(self.request),
            # No callback at all when nothing listens: no GIL round trips.
            self.c_fn if self.progress is not None or self.cancellable else _lib.PROGRESS_FN(),
            None, ctypes.byref(err))
        if self.rc != 0:
            code = lib.senbid_error_code(err) if err.value else self.rc
            path = (lib.senbid_error_path(err) or b"").decode("utf-8", "replace") if err.value else ""
            msg = (lib.senbid_error_message(err) or b"").decode("utf-8", "replace") if err.value else ""
            lib.senbid_error_free(err)
            name = lib.senbid_code_name(code).decode()
            self.error = _error_class(code)(code, name, path, msg)
            return
        try:
            # Decoded straight from the library's buffer: one copy, not two.
            view = (ctypes.c_char * out_len.value).from_address(out.value)
            self.text = codecs.utf_8_decode(view, "strict", True)[0]  # type: ignore[arg-type]
        finally:
            lib.senbid_free(out)
        self.outcome = outcome.value


def _call(command: str, request: bytes, progress: Optional[Callable[[Progress], Any]],
          raw: bool) -> Any:
    c = _Call(request, progress)
    if threading.current_thread() is threading.main_thread():
        # Ctrl-C interrupts only the main thread, between Python bytecodes:
        # run the call in a helper thread and wait here, where a
        # KeyboardInterrupt can land; the callback then stops the solve.
        # (A bare thread and an Event: Thread.start() and Thread.join() can
        # be interrupted half-way, leaving a solve running unseen.)
        done = threading.Event()
        c.cancellable = True

        def work() -> None:
            try:
                c.run()
            except BaseException as e:  # noqa: B902 — re-raised below
                c.raised = e
            finally:
                done.set()
        started = None
        try:
            started = _thread.start_new_thread(work, ())
            # Timed waits: a signal that lands on another thread is still
            # seen here within a tenth of a second.
            while not done.wait(0.1):
                pass
        except KeyboardInterrupt:
            c.stop = True  # the next progress report stops the solve
            if started is not None:
                done.wait()
            raise
    else:
        c.run()
    if c.raised is not None:
        raise c.raised
    if c.error is not None:
        raise c.error
    if raw or command == "export_lp":
        r: Any = RawResult(c.text)
    else:
        r = Result(json.loads(c.text))
        r.text = c.text
    r.outcome = Outcome(c.outcome)
    return r


def _options(method: str, time_limit: Optional[float]) -> Dict[str, Any]:
    opts: Dict[str, Any] = {"method": method}
    if time_limit is not None:
        opts["time_limit"] = time_limit
    return opts


def solve(problem: Document, method: str = "lexicographic",
          time_limit: Optional[float] = 30,
          progress: Optional[Callable[[Progress], Any]] = None,
          raw: bool = False) -> Union[Result, RawResult]:
    """Solves a problem (``senbid solve``).

    :param problem: a dict, JSON text (str or bytes) or a path.
    :param method: ``"lexicographic"`` or ``"round_robin"``.
    :param time_limit: seconds, or None for no limit.
    :param progress: called now and then with a :class:`Progress`; return
        False to stop (raises :class:`Cancelled`), or raise to stop with
        that exception.
    :param raw: return the exact text (:class:`RawResult`) instead of a dict.
    :returns: the result document; ``.outcome`` tells OK, INFEASIBLE or
        TIME_LIMIT.
    :raises InputError: the problem is not valid (``.code``, ``.path``).
    """
    return _call("solve", _request("solve", problem, options=_options(method, time_limit)),
                 progress, raw)


def check(problem: Document, result: Document, raw: bool = False) -> Union[Result, RawResult]:
    """Checks a posted result against the problem's rules (``senbid check``).
    ``.outcome`` is ``Outcome.DEPARTURES`` when the result departs from them."""
    return _call("check", _request("check", problem, result), None, raw)


def rank(problem: Document, raw: bool = False) -> Union[Result, RawResult]:
    """Ranks the problem's roster by seniority (``senbid rank``)."""
    return _call("rank", _request("rank", problem), None, raw)


def explain(problem: Document, result: Document, raw: bool = False) -> Union[Result, RawResult]:
    """Why each contested decision of a posted leave result went as it did
    under ``rules.priority`` (``senbid_explain``; ``senbid report`` prints
    each ``detail``). ``["contested"]`` lists, for each choice denied or
    granted only an alternate because a junior employee came first in its
    round, that employee (``before``) and the deciding ``factor``.

    :raises UnsupportedError: the problem is not a master-leave problem.
    :raises InputError: the problem or the result is not valid.
    """
    return _call("explain", _request("explain", problem, result), None, raw)


def export_lp(problem: Document, method: str = "lexicographic",
              time_limit: Optional[float] = None,
              progress: Optional[Callable[[Progress], Any]] = None) -> RawResult:
    """The problem's integer program in CPLEX LP format (``senbid export-lp``)."""
    return _call("export_lp", _request("export_lp", problem, options=_options(method, time_limit)),
                 progress, True)


# ---------------------------------------------------------------- sessions

def _session_request(command: str, **members: Any) -> bytes:
    parts = [f'{{"command": {json.dumps(command)}']
    for key, value in members.items():
        if isinstance(value, dict):
            parts.append(f'"{key}": {json.dumps(value, ensure_ascii=False)}')
        else:
            parts.append(f'"{key}": {_document(value)}')
    return (", ".join(parts) + "}").encode("utf-8")


class Session:
    """A bidding session (SPEC section 10, ``doc/sessions.md``): a shift bid
    run one turn at a time. The whole session is its :attr:`state` (the
    problem and the actions, JSON text): store it anywhere and reopen it with
    :meth:`open`. ::

        s = senbid.Session.start(problem)
        turn = s.status()["turn"]          # whose turn it is
        decision = s.act({"act": "proxy", "employee": turn["employee"]})
        if s.status()["finished"]:
            result = s.result()

    An action out of turn raises :class:`TurnError` and changes nothing.
    """

    def __init__(self, state: str) -> None:
        self.state = state

    @classmethod
    def start(cls, problem: Document) -> "Session":
        """Starts a session on a problem (``senbid session start``)."""
        r = _call("session_start", _session_request("session_start", problem=problem), None, True)
        return cls(str(r))

    @classmethod
    def open(cls, state: Document) -> "Session":
        """A stored state (text, dict or path), checked by replaying it."""
        text = (json.dumps(state, ensure_ascii=False) if isinstance(state, dict)
                else json.loads(_document(state)))
        s = cls(text)
        s.status()
        return s

    def status(self) -> Result:
        """Whose turn it is, who comes next and what is still open."""
        return _call("session_status", _session_request("session_status", state=self.state),
                     None, False)

    def act(self, action: Union[Dict[str, Any], str]) -> Result:
        """Takes one action (``{"act": "bid"|"proxy"|"undo", ...}``) and
        returns the decision; :attr:`state` then holds the new state."""
        r = _call("session_act", _session_request("session_act", state=self.state, action=action),
                  None, False)
        self.state = json.dumps(r["state"], ensure_ascii=False)
        d = Result(r["decision"])
        d.text = json.dumps(r["decision"], ensure_ascii=False)
        d.outcome = r.outcome
        return d

    def result(self) -> Result:
        """The result document as it stands (``"in_progress"`` until the
        last turn, then ``"ok"``)."""
        return _call("session_result", _session_request("session_result", state=self.state),
                     None, False)
