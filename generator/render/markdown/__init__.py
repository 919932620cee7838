"""Markdown model docs, byte-compatible with Speakeasy's (CONVENTIONS 3).

Contract:
- ``render_python_docs(api, config)`` and ``render_typescript_docs(api,
  config)`` return a file plan: POSIX path relative to OUT -> text.
- One doc per model: ``python/docs/models/<stem>.md`` and
  ``typescript/docs/<import path of the namespace>/<stem>.md``
  (``models/components/chatrequest.md`` by default).
- Pure: the same IR and config give the same bytes.  TypeScript example
  values come from a faker seeded per doc, never from global randomness.
"""

from __future__ import annotations

from generator import ir
from generator.config import Config
from generator.render.markdown.python_docs import python_docs
from generator.render.markdown.typescript_docs import typescript_docs

__all__ = ["render_python_docs", "render_typescript_docs"]


def render_python_docs(api: ir.Api, config: Config) -> dict[str, str]:
    # Links are relative and there are no import lines: only the version
    # matters (for the Example column).
    return python_docs(api, config)


def render_typescript_docs(api: ir.Api, config: Config) -> dict[str, str]:
    return typescript_docs(api, config)
