"""Run two lists of jobs at once: one in a forked child, one here.

Rendering is pure CPU work in Python, so threads would not overlap it; a
forked child starts with the normalized API already in memory (copy-on-write),
renders its share, and sends the files back through a pipe as one pickle.
Where ``fork`` is missing (Windows), with one CPU, or with ``SDKGEN_JOBS=1``,
the jobs simply run here one after the other.  Either way the caller gets the
results in job order, so the output cannot depend on scheduling.
"""

from __future__ import annotations

import gc
import os
import pickle
import traceback
from collections.abc import Callable, Sequence
from typing import TypeVar, cast

from generator.diagnostics import Diagnostic, SpecError, fail

T = TypeVar("T")
Job = Callable[[], T]


def can_fork() -> bool:
    if os.environ.get("SDKGEN_JOBS", "").strip() == "1" or not hasattr(os, "fork"):
        return False
    return len(os.sched_getaffinity(0)) > 1 if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1) > 1


def run_split(here: Sequence[Job[T]], there: Sequence[Job[T]]) -> tuple[list[T], list[T]]:
    """The results of ``here`` (run in this process) and of ``there`` (run in
    a child when possible).  A ``SpecError`` in the child is raised here."""
    if not there or not here or not can_fork():
        return [job() for job in here], [job() for job in there]
    read_end, write_end = os.pipe()
    # Frozen objects are left out of garbage collection: the child's
    # collector then never touches (and so never copies) the pages of the
    # parent's heap it shares.
    gc.freeze()
    pid = os.fork()
    if pid == 0:  # the child: never returns into the caller's code
        os.close(read_end)
        _child(there, write_end)
    gc.unfreeze()
    os.close(write_end)
    try:
        mine = [job() for job in here]
    finally:
        # Read before waiting: the child blocks until its pipe is drained.
        with os.fdopen(read_end, "rb") as pipe:
            payload = pipe.read()
        _, status = os.waitpid(pid, 0)
    return mine, _unpack(payload, status)


def _child(jobs: Sequence[Job[T]], write_end: int) -> None:
    code = 0
    try:
        try:
            message: tuple[str, object] = ("ok", [job() for job in jobs])
        except SpecError as exc:
            message = ("spec_error", exc.diagnostics)
        except BaseException:  # noqa: BLE001 - reported by the parent, which owns the output
            message = ("crash", traceback.format_exc())
        data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(data)
    except BaseException:  # noqa: BLE001 - the parent sees the exit status
        code = 1
    finally:
        os._exit(code)


def _unpack(payload: bytes, status: int) -> list[T]:
    if os.waitstatus_to_exitcode(status) != 0 or not payload:
        raise fail("SG900", "a rendering worker process died (run with SDKGEN_JOBS=1 to render in one process)")
    kind, value = pickle.loads(payload)
    if kind == "spec_error":
        raise SpecError(cast(list[Diagnostic], value))
    if kind == "crash":
        raise RuntimeError(f"rendering failed in a worker process:\n{value}")
    return cast(list[T], value)
