"""Pieces shared by the Python and TypeScript model docs: the view a template
receives, the field table, and the Jinja environment with its filters."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import jinja2

from generator import ir
from generator.config import Config, compat_at_least
from generator.render.env import environment
from generator.render.markdown.table import render_table
from generator.words import snake

REQUIRED = ":heavy_check_mark:"
OPTIONAL = ":heavy_minus_sign:"
NO_DESCRIPTION = "N/A"
LISTED_EXAMPLES_SINCE = "1.637.0"


@dataclass(frozen=True, slots=True, kw_only=True)
class Member:
    """One ``### `T` `` section of a union doc."""

    heading: str
    code: str


@dataclass(frozen=True, slots=True, kw_only=True)
class DocView:
    """Everything a doc template prints, already computed (templates only
    place it)."""

    name: str
    description: str | None
    table: str = ""
    example: str = ""
    values: str = ""
    unrecognized: str = ""
    """The branded type an open enum captures unknown values as
    (``Unrecognized<string>``); empty for a closed enum."""
    members: tuple[Member, ...] = ()
    language: str = ""
    """Code fence language of the union member snippets."""


def prose(text: str) -> str:
    """Model descriptions are printed verbatim: the reference docs apply no
    Markdown escaping to prose (tables escape their own cells)."""
    return text


@lru_cache(maxsize=None)
def _env() -> jinja2.Environment:
    env = environment("markdown").overlay()
    env.filters["md_prose"] = prose
    return env


def render(template: str, doc: DocView) -> str:
    return _env().get_template(template).render(doc=doc)


def example_cell(example: ir.Json | None) -> str:
    """The Example column: strings raw, other JSON as Go's indented JSON with
    an empty indent (the newer generators' ``{<br/>"k": 1<br/>}``)."""
    if example is None:
        return ""
    value = example.value
    if isinstance(value, str):
        return value
    if value is None:
        return "<nil>"
    if isinstance(value, (dict, list)):
        return json.dumps(value, indent=0, ensure_ascii=False)
    return json.dumps(value)


def shows_listed_examples(config: Config) -> bool:
    """Whether a JSON-Schema ``examples[0]`` fills the Example column: not in
    Speakeasy 1.535 (orq), always from 1.637 on (the oldest newer golden)."""
    return compat_at_least(config, LISTED_EXAMPLES_SINCE)


def field_example(f: ir.Field, listed: bool) -> ir.Json | None:
    """The Example column's value: ``example``, else (``listed``) ``examples[0]``."""
    if f.example is not None or not listed:
        return f.example
    return f.listed_example


def field_table(
    fields: Sequence[ir.Field],
    name_of: Callable[[ir.Field], str],
    type_of: Callable[[ir.Field], str],
    listed_examples: bool = False,
) -> str:
    """The ``Field | Type | Required | Description [| Example]`` table;
    ``listed_examples``: see ``shows_listed_examples``."""
    examples = [field_example(f, listed_examples) for f in fields]
    with_example = any(e is not None for e in examples)
    header = ["Field", "Type", "Required", "Description"] + (["Example"] if with_example else [])
    rows = []
    for f, example in zip(fields, examples):
        required = REQUIRED if f.required else OPTIONAL
        row = [f"`{name_of(f)}`", type_of(f), required, f.description or NO_DESCRIPTION]
        rows.append(row + ([example_cell(example)] if with_example else []))
    return render_table(header, rows)


def doc_description(model: ir.Model) -> str | None:
    return model.description or None


def typescript_fields(model: ir.Model) -> tuple[ir.Field, ...]:
    """The fields the TypeScript type has: its multipart file object has no
    ``contentType`` (the runtime takes it from the Blob)."""
    if not isinstance(model.body, ir.Object):
        return ()
    if model.role == "file":
        return tuple(f for f in model.body.fields if snake(f.wire_name) != "content_type")
    return model.body.fields
