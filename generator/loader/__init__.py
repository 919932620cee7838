"""Loader: bytes -> raw documents plus a way to find source positions.

Contract:
- ``load(path)`` parses YAML (libyaml's C loader when present) or JSON and
  returns a ``Workspace`` holding the root document; files reached through
  relative ``$ref``s are loaded on demand by ``Workspace.resolve``.
- A Swagger 2.0 root is converted to OpenAPI 3.0 on load (``swagger2``), so
  nothing downstream sees Swagger; ``Workspace.locate`` still answers with
  the Swagger file's lines.
- ``load_spec`` also applies OpenAPI Overlay files (``overlay``) and returns
  the sink that the rest of the run reports to.
- No OpenAPI semantics here beyond following ``$ref`` and those two rewrites.
- Positions are computed lazily (only when a diagnostic needs one), so the
  fast path pays nothing for them.
- Every failure is a ``SpecError`` with file, line, column and pointer.
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from generator.diagnostics import Sink
from generator.loader.refs import Resolved, Workspace, load


def load_spec(path: Path, display: str, overlays: Sequence[Path] = ()) -> tuple[Workspace, Sink]:
    """Load a spec, apply the overlay files in order, and return it with a
    sink holding the diagnostics so far."""
    ws = load(path, display=display)
    sink = Sink(locator=ws.locate_all)
    sink.items.extend(ws.notes)
    if overlays:
        # jsonpath, which overlays need, takes longer to import than most specs to load
        from generator.loader.overlay import apply_overlays

        apply_overlays(ws, [(o, _shown(o)) for o in overlays], sink)
    return ws, sink


def _shown(path: Path) -> str:
    """An overlay's name in diagnostics: relative to the working directory when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


__all__ = ["Resolved", "Workspace", "load", "load_spec"]
