"""Operation docs, one ``docs/sdks/<class>/README.md`` per SDK class in the
format of Speakeasy's (byte-compatible with the reference docs), and a
README.md for each generated package.

Contract:
- ``render_python_sdk_docs(api, config)`` and
  ``render_typescript_sdk_docs(api, config)`` return a file plan (POSIX path
  relative to OUT -> text), like the model docs.
- Pure: the same IR and config give the same bytes.  Example values come
  from a faker seeded per operation (``usage``), never from global state.
"""

from __future__ import annotations

from generator import ir
from generator.config import Config
from generator.render.markdown.package_readme import python_readme, typescript_readme
from generator.render.markdown.sdk_python import python_sdk_docs
from generator.render.markdown.sdk_typescript import typescript_sdk_docs

__all__ = ["render_python_sdk_docs", "render_typescript_sdk_docs"]


def render_python_sdk_docs(api: ir.Api, config: Config) -> dict[str, str]:
    return {**python_sdk_docs(api, config), "python/README.md": python_readme(api, config)}


def render_typescript_sdk_docs(api: ir.Api, config: Config) -> dict[str, str]:
    return {**typescript_sdk_docs(api, config), "typescript/README.md": typescript_readme(api, config)}
