"""Run two lists of jobs at once: one in a forked child, one here, and a
third list of small jobs taken by whichever process is free first.

Rendering is pure CPU work in Python, so threads would not overlap it; a
forked child starts with the normalized API already in memory (copy-on-write),
renders its share, and sends the results back through a pipe as one pickle.
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
    mine, theirs, _ = run_shared(here, there, ())
    return mine, theirs


def run_shared(
    here: Sequence[Job[T]], there: Sequence[Job[T]], either: Sequence[Job[T]]
) -> tuple[list[T], list[T], list[T]]:
    """``run_split``, plus ``either``: jobs taken in order by whichever
    process is done with its own first, so that small jobs even out the two
    halves whichever one a spec makes longer.  The jobs come from a pipe
    holding one byte per job: a one-byte read is atomic, so each job runs
    exactly once, and its result does not depend on where it ran."""
    if not there or not here or not can_fork():
        return [job() for job in here], [job() for job in there], [job() for job in either]
    if len(either) > 255:
        raise ValueError("at most 255 shared jobs")
    tokens, queue = os.pipe()
    os.write(queue, bytes(range(len(either))))  # far below a pipe's capacity
    os.close(queue)  # once the bytes are read, reads see the end
    read_end, write_end = os.pipe()
    # Frozen objects are left out of garbage collection: the child's
    # collector then never touches (and so never copies) the pages of the
    # parent's heap it shares.  Here the heap is left as frozen as it was
    # found: a caller that froze objects of its own keeps them frozen
    # (objects cannot be unfrozen selectively, so the ones frozen now stay
    # frozen with them).
    was_frozen = gc.get_freeze_count() > 0
    gc.freeze()
    pid = os.fork()
    if pid == 0:  # the child: never returns into the caller's code
        os.close(read_end)
        _child(lambda: ([job() for job in there], _take(tokens, either)), write_end)
    if not was_frozen:
        gc.unfreeze()
    os.close(write_end)
    try:
        mine = [job() for job in here]
        taken = _take(tokens, either)
    finally:
        os.close(tokens)
        # Read before waiting: the child blocks until its pipe is drained.
        with os.fdopen(read_end, "rb") as pipe:
            payload = pipe.read()
        _, status = os.waitpid(pid, 0)
    theirs, taken_there = cast(tuple[list[T], dict[int, T]], _unpack(payload, status))
    taken.update(taken_there)
    return mine, theirs, [taken[i] for i in range(len(either))]


def _take(tokens: int, jobs: Sequence[Job[T]]) -> dict[int, T]:
    done: dict[int, T] = {}
    while token := os.read(tokens, 1):
        done[token[0]] = jobs[token[0]]()
    return done


def _child(work: Callable[[], object], write_end: int) -> None:
    code = 0
    try:
        try:
            message: tuple[str, object] = ("ok", work())
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


def _unpack(payload: bytes, status: int) -> object:
    if os.waitstatus_to_exitcode(status) != 0 or not payload:
        raise fail("SG900", "a rendering worker process died (run with SDKGEN_JOBS=1 to render in one process)")
    kind, value = pickle.loads(payload)
    if kind == "spec_error":
        raise SpecError(cast(list[Diagnostic], value))
    if kind == "crash":
        raise RuntimeError(f"rendering failed in a worker process:\n{value}")
    return value
