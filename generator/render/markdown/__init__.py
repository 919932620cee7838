"""Markdown model docs, byte-compatible with Speakeasy's (CONVENTIONS 3).

Contract:
- ``render_python_docs(api, config)`` and ``render_typescript_docs(api,
  config)`` return a file plan: POSIX path relative to OUT -> text.
- One doc per model: ``python/docs/models/<stem>.md`` and
  ``typescript/docs/models/<namespace>/<stem>.md``.
- Pure: the same IR and config give the same bytes.  TypeScript example
  values come from a faker seeded per doc, never from global randomness.
"""

from __future__ import annotations

from generator import ir
from generator.config import Config
from generator.render.markdown.examples import Examples, newer_rules
from generator.render.markdown.python_docs import python_docs
from generator.render.markdown.typescript_docs import typescript_docs

__all__ = ["render_python_docs", "render_typescript_docs"]


def render_python_docs(api: ir.Api, config: Config) -> dict[str, str]:
    # The Python docs depend on nothing in the config: links are relative and
    # there are no import lines.
    del config
    return python_docs(api)


def render_typescript_docs(api: ir.Api, config: Config) -> dict[str, str]:
    return typescript_docs(api, config.typescript_package, Examples(api, newer=newer_rules(config)))
