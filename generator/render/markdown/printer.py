"""Print example values the way prettier (width 80) formats Speakeasy's
``## Example Usage`` snippets (CONVENTIONS 3.4, "Printing").

Values are a tiny JS tree: ``JsObject`` (property or quoted map keys),
``JsArray``, and ``JsScalar`` (an already printed literal).  Objects and arrays
are always expanded, one entry per line with a trailing comma, because the
generated source has them expanded and prettier keeps that.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TypeAlias, Union

WIDTH = 80
INDENT = 2
# prettier never breaks after the colon of a key narrower than
# tabWidth + 3: the value would barely move left.
_MIN_BREAKABLE_KEY = INDENT + 3


@dataclass(frozen=True, slots=True)
class JsScalar:
    text: str


@dataclass(frozen=True, slots=True)
class JsArray:
    items: tuple[JsValue, ...]


@dataclass(frozen=True, slots=True)
class JsObject:
    entries: tuple[tuple[str, JsValue], ...]
    """(printed key, value): a bare identifier or a quoted map key."""


JsValue: TypeAlias = Union[JsScalar, JsArray, JsObject]


def js_string(value: str) -> JsScalar:
    """A string literal as prettier prints it: double quotes unless the text
    holds more double than single quotes."""
    body = json.dumps(value, ensure_ascii=False)[1:-1]
    raw_doubles, singles = value.count('"'), value.count("'")
    if raw_doubles > singles:
        body = body.replace('\\"', '"').replace("'", "\\'")
        return JsScalar(f"'{body}'")
    return JsScalar(f'"{body}"')


def map_key(key: str) -> str:
    return js_string(key).text


def print_value(value: JsValue, indent: int) -> str:
    """``value`` starting mid-line on a line indented by ``indent``."""
    match value:
        case JsScalar(text=text):
            return text
        case JsArray(items=items):
            if not items:
                return "[]"
            inner = " " * (indent + INDENT)
            lines = [f"{inner}{print_value(item, indent + INDENT)}," for item in items]
            return "[\n" + "\n".join(lines) + "\n" + " " * indent + "]"
        case JsObject(entries=entries):
            if not entries:
                return "{}"
            lines = [_property(key, item, indent + INDENT) for key, item in entries]
            return "{\n" + "\n".join(lines) + "\n" + " " * indent + "}"
    raise TypeError(value)


def _property(key: str, value: JsValue, indent: int) -> str:
    head = " " * indent + key + ":"
    if len(key) >= _MIN_BREAKABLE_KEY and not _fits(len(head) + 1, value, ","):
        return f"{head}\n{' ' * (indent + INDENT)}{print_value(value, indent + INDENT)},"
    return f"{head} {print_value(value, indent)},"


def _fits(column: int, value: JsValue, tail: str) -> bool:
    """Whether the first line of ``value`` (plus ``tail`` for a scalar, which
    has no line break before it) ends within the width when started at
    ``column``."""
    match value:
        case JsScalar(text=text):
            first = text + tail
        case JsArray(items=items):
            first = "[" if items else "[]" + tail
        case JsObject(entries=entries):
            first = "{" if entries else "{}" + tail
    return column + len(first) <= WIDTH


def print_declaration(keyword: str, type_text: str, value: JsValue) -> str:
    """``let value: T = <value>;`` broken like prettier when it is too wide:
    first after ``=``, then after ``value:`` (the type indented), then both."""
    head = f"{keyword} value: {type_text} ="
    if len(head) <= WIDTH:
        return head + _assigned(value, 0, len(head)) + ";"
    left = " " * INDENT + type_text + " ="
    return f"{keyword} value:\n{left}" + _assigned(value, INDENT, len(left)) + ";"


def _assigned(value: JsValue, indent: int, column: int) -> str:
    if _fits(column + 1, value, ";"):
        return " " + print_value(value, indent)
    deeper = indent + INDENT
    return "\n" + " " * deeper + print_value(value, deeper)
