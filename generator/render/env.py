"""The Jinja2 environment shared by every renderer (compiled once)."""

from __future__ import annotations

from functools import lru_cache

import jinja2

from generator.templates_path import templates_dir


@lru_cache(maxsize=None)
def environment(target: str) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir() / target)),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # output is code and Markdown; filters escape per context
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return env
