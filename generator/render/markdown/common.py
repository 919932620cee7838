"""Pieces shared by the Python and TypeScript model docs: the view a template
receives, the field table, and the Jinja environment with its filters."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from functools import lru_cache

import jinja2
from msgspec import Struct

from generator import ir
from generator.config import LISTED_EXAMPLES_SINCE, Config, compat_at_least
from generator.render.env import environment
from generator.render.markdown.table import render_table
from generator.words import snake

REQUIRED = ":heavy_check_mark:"
OPTIONAL = ":heavy_minus_sign:"
NO_DESCRIPTION = "N/A"


class Member(Struct, frozen=True, kw_only=True, gc=False):
    """One ``### `T` `` section of a union doc."""

    heading: str
    code: str


class DocView(Struct, frozen=True, kw_only=True, gc=False):
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
    deprecated: bool = False
    """The schema says ``deprecated: true``: a struck-through title and a note."""


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
    an empty indent (the newer generators' ``{<br/>"k": 1<br/>}``), which
    escapes ``<``, ``>`` and ``&`` inside it (``"text-\\u003etext"``)."""
    if example is None:
        return ""
    value = example.value
    if isinstance(value, str):
        return value
    if value is None:
        return "<nil>"
    if isinstance(value, (dict, list)):
        return go_json_escape(json.dumps(value, indent=0, ensure_ascii=False))
    return json.dumps(value)


def go_json_escape(text: str) -> str:
    """What Go's ``json.Marshal`` does beyond JSON: HTML-safe ``<``, ``>``,
    ``&`` and the JavaScript-unsafe line separators as ``\\u`` escapes (they
    occur only inside strings, so replacing them everywhere is exact)."""
    for char in "<>&\u2028\u2029":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text


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
        row = [_struck(f"`{name_of(f)}`", f.deprecated), type_of(f), required, _field_description(f)]
        rows.append(row + ([example_cell(example)] if with_example else []))
    return render_table(header, rows)


# How a deprecated field's Description cell begins (spaced as Speakeasy
# prints it in tables, unlike the note under a deprecated model's title).
DEPRECATED_CELL = (": warning: ** DEPRECATED **: This will be removed in a future release, please migrate away "
                   "from it as soon as possible.")


def _struck(text: str, deprecated: bool) -> str:
    return f"~~{text}~~" if deprecated else text


def _field_description(field: ir.Field) -> str:
    """The Description cell; a deprecated field's starts with the warning."""
    if not field.deprecated:
        return field.description or NO_DESCRIPTION
    return DEPRECATED_CELL + (f"\n\n{field.description}" if field.description else "")


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
