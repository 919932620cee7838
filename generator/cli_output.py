"""What the CLI prints, and where: diagnostics, status lines, drift, progress.

Three modes, chosen by flags:

- default: errors and warnings as compiler lines on stderr, one status line
  on stderr;
- ``--quiet``: errors only; nothing at all on success;
- ``--verbose``: notes too, and the files written or unchanged;
- ``--json``: diagnostics (and drift, and the diff report) as JSON lines on
  stdout, one object per line with a ``kind``; status lines still go to stderr
  unless ``--quiet``.

The progress display (``rich``) appears only on stderr when it is a terminal,
not in ``--quiet`` or ``--json`` mode, and only once a run has taken more than
a second, so quick runs and CI logs never see it.
"""

from __future__ import annotations

import json
import sys
import threading
from types import TracebackType
from typing import IO, TYPE_CHECKING, Iterable

from msgspec import Struct

from generator.diagnostics import Diagnostic

if TYPE_CHECKING:
    from rich.progress import Progress as RichProgress
    from rich.progress import TaskID

STAGES = ("load", "normalize", "render", "write")
"""The stages a progress display names (``check`` compares instead of writing)."""


def diagnostic_record(d: Diagnostic) -> dict[str, object]:
    """One diagnostic as a JSON object: the fields a tool or editor needs."""
    return {
        "kind": "diagnostic",
        "severity": d.severity,
        "code": d.code,
        "message": d.message,
        "pointer": d.pointer or None,
        "file": d.span.file if d.span else None,
        "line": d.span.line if d.span else None,
        "column": d.span.column if d.span else None,
    }


class Output(Struct, frozen=True):
    quiet: bool = False
    verbose: bool = False
    json: bool = False
    out: IO[str] | None = None
    err: IO[str] | None = None

    @property
    def stdout(self) -> IO[str]:
        # Looked up at each call: tests (and pytest's capsys) swap sys.stdout.
        return self.out or sys.stdout

    @property
    def stderr(self) -> IO[str]:
        return self.err or sys.stderr

    def shows(self, d: Diagnostic) -> bool:
        if d.severity == "error":
            return True
        if d.severity == "warning":
            return not self.quiet
        return self.verbose and not self.quiet

    def diagnostics(self, items: Iterable[Diagnostic]) -> None:
        for d in items:
            if not self.shows(d):
                continue
            if self.json:
                self.record(diagnostic_record(d))
            else:
                print(d.render(), file=self.stderr)

    def record(self, data: dict[str, object]) -> None:
        """One JSON line on stdout (``--json`` mode)."""
        print(json.dumps(data, ensure_ascii=False, sort_keys=True), file=self.stdout, flush=True)

    def status(self, message: str) -> None:
        """The one-line summary of a run: stderr, silenced by ``--quiet``."""
        if not self.quiet:
            print(message, file=self.stderr)

    def failure(self, message: str) -> None:
        """A summary that reports failure: shown even with ``--quiet``."""
        print(message, file=self.stderr)

    def detail(self, message: str) -> None:
        """Shown with ``--verbose`` only."""
        if self.verbose and not self.quiet:
            print(message, file=self.stderr)

    def files(self, written: Iterable[str], unchanged: Iterable[str]) -> None:
        for label, names in (("written", written), ("unchanged", unchanged)):
            for name in sorted(names):
                self.detail(f"{label}: {name}")

    def drift(self, stale: Iterable[str], missing: Iterable[str], extra: Iterable[str],
              diffs: Iterable[str]) -> None:
        """What ``check`` found out of date: paths relative to OUT."""
        groups = (("stale", stale), ("missing", missing), ("extra", extra))
        if self.json:
            for state, items in groups:
                for item in items:
                    self.record({"kind": "drift", "state": state, "file": item})
            return
        if self.quiet:
            return
        for state, items in groups:
            for item in items:
                print(f"{state}: {item}", file=self.stdout)
        for diff in diffs:
            print(diff, file=self.stdout)

    def progress(self, delay: float = 1.0) -> "Progress":
        enabled = not (self.quiet or self.json) and _is_tty(self.stderr)
        return Progress(self.stderr, enabled=enabled, delay=delay)


def _is_tty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or odd stream
        return False


class Progress:
    """A stage display that appears only when a run lasts longer than ``delay``.

    Use as a context manager; pass ``stage`` to the pipeline.  Disabled, it
    costs nothing and never imports rich.
    """

    def __init__(self, stream: IO[str], enabled: bool, delay: float = 1.0) -> None:
        self._stream = stream
        self._enabled = enabled
        self._delay = delay
        self._lock = threading.Lock()
        self._current = "start"
        self._done = 0
        self._timer: threading.Timer | None = None
        self._display: RichProgress | None = None
        self._task: TaskID | None = None
        self._closed = False

    def __enter__(self) -> "Progress":
        if self._enabled:
            self._timer = threading.Timer(self._delay, self._show)
            self._timer.daemon = True
            self._timer.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        with self._lock:
            self._closed = True
            if self._timer is not None:
                self._timer.cancel()
            if self._display is not None:
                self._display.stop()

    @property
    def shown(self) -> bool:
        return self._display is not None

    def stage(self, name: str) -> None:
        with self._lock:
            if name != self._current and self._current != "start":
                self._done += 1
            self._current = name
            if self._display is not None and self._task is not None:
                self._display.update(self._task, description=name, completed=self._done)

    def _show(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, SpinnerColumn, TextColumn, TimeElapsedColumn
        from rich.progress import Progress as RichProgress

        with self._lock:
            if self._closed:
                return
            console = Console(file=self._stream, stderr=True)
            self._display = RichProgress(
                SpinnerColumn(), TextColumn("sdkgen: {task.description:<10}"), BarColumn(),
                TextColumn("{task.completed}/{task.total} stages"), TimeElapsedColumn(),
                console=console, transient=True,
            )
            self._task = self._display.add_task(self._current, total=len(STAGES), completed=self._done)
            self._display.start()
