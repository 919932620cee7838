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
from generator.config import Config, compat_at_least
from generator.render.markdown.common import shows_listed_examples
from generator.render.markdown.examples import Examples, components_apart, newer_rules
from generator.render.markdown.types_cell import typescript_heading
from generator.render.python import error_ids
from generator.render.ts_layout import TsLayout
from generator.render.markdown.python_docs import python_docs
from generator.render.markdown.typescript_docs import typescript_docs

__all__ = ["render_python_docs", "render_typescript_docs"]


# Speakeasy 1.535 wrote a model doc for each Python error class; the newer
# versions (first seen: 1.637) document only the models inside them.
_NO_ERROR_DOCS_SINCE = "1.637.0"


def render_python_docs(api: ir.Api, config: Config) -> dict[str, str]:
    # Links are relative and there are no import lines: only the version
    # matched decides something here (the Example column, error docs).
    skip = error_ids(api) if compat_at_least(config, _NO_ERROR_DOCS_SINCE) else frozenset()
    return python_docs(api, config, skip)


def render_typescript_docs(api: ir.Api, config: Config) -> dict[str, str]:
    layout = TsLayout.of(config)
    examples = Examples(api, newer=newer_rules(config), apart=components_apart(config),
                        listed=shows_listed_examples(config), optional=config.optional_property_rendering,
                        member_heading=lambda t: typescript_heading(api, t, layout))
    return typescript_docs(api, config, examples)
