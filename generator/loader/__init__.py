"""Loader: bytes -> raw documents plus a way to find source positions.

Contract:
- ``load(path)`` parses YAML (libyaml's C loader when present) or JSON and
  returns a ``Workspace`` holding the root document; files reached through
  relative ``$ref``s are loaded on demand by ``Workspace.resolve``.
- No OpenAPI semantics here beyond following ``$ref``.
- Positions are computed lazily (only when a diagnostic needs one), so the
  fast path pays nothing for them.
- Every failure is a ``SpecError`` with file, line, column and pointer.
"""

from __future__ import annotations

from generator.loader.refs import Resolved, Workspace, load

__all__ = ["Resolved", "Workspace", "load"]
