"""Print example values the way prettier (width 80) formats Speakeasy's
``## Example Usage`` snippets (CONVENTIONS 3.4, "Printing").

Values are a tiny JS tree: ``JsObject`` (property or quoted map keys),
``JsArray``, and ``JsScalar`` (an already printed literal).  Objects and arrays
are always expanded, one entry per line with a trailing comma, because the
generated source has them expanded and prettier keeps that.
"""

from __future__ import annotations

from json.encoder import encode_basestring
from typing import TypeAlias, Union

from msgspec import Struct

WIDTH = 80
INDENT = 2
# prettier never breaks after the colon of a key narrower than
# tabWidth + 3: the value would barely move left.  Speakeasy's newer docs
# break those too (`hash:` in openrouter), so callers can lift the limit.
_MIN_BREAKABLE_KEY = INDENT + 3


class JsScalar(Struct, frozen=True, gc=False):
    text: str


class JsArray(Struct, frozen=True, gc=False):
    items: tuple[JsValue, ...]


class JsObject(Struct, frozen=True, gc=False):
    entries: tuple[tuple[str, JsValue], ...]
    """(printed key, value): a bare identifier or a quoted map key."""


JsValue: TypeAlias = Union[JsScalar, JsArray, JsObject]


def js_string(value: str) -> JsScalar:
    """A string literal in double quotes, inner ones escaped, as JSON writes
    it: Speakeasy does not switch to single quotes the way prettier would
    (openrouter 1.642: ``output: "{\\"temperature\\":72}"``, 11 such values;
    no pair shows a single-quoted one)."""
    return JsScalar(encode_basestring(value))  # json.dumps(value, ensure_ascii=False), without making an encoder


def map_key(key: str) -> str:
    return js_string(key).text


def print_value(value: JsValue, indent: int, short_keys_break: bool = False) -> str:
    """``value`` starting mid-line on a line indented by ``indent``."""
    match value:
        case JsScalar(text=text):
            return text
        case JsArray(items=items):
            if not items:
                return "[]"
            inner = " " * (indent + INDENT)
            lines = [f"{inner}{print_value(item, indent + INDENT, short_keys_break)}," for item in items]
            return "[\n" + "\n".join(lines) + "\n" + " " * indent + "]"
        case JsObject(entries=entries):
            if not entries:
                return "{}"
            lines = [_property(key, item, indent + INDENT, short_keys_break) for key, item in entries]
            return "{\n" + "\n".join(lines) + "\n" + " " * indent + "}"
    raise TypeError(value)


def _property(key: str, value: JsValue, indent: int, short_keys_break: bool) -> str:
    head = " " * indent + key + ":"
    breakable = short_keys_break or len(key) >= _MIN_BREAKABLE_KEY
    if breakable and not _fits(len(head) + 1, value, ","):
        return f"{head}\n{' ' * (indent + INDENT)}{print_value(value, indent + INDENT, short_keys_break)},"
    return f"{head} {print_value(value, indent, short_keys_break)},"


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


def print_declaration(keyword: str, type_text: str, value: JsValue, short_keys_break: bool = False) -> str:
    """``let value: T = <value>;`` broken like prettier when it is too wide:
    first after ``=``, then after ``value:`` (the type indented), then both."""
    head = f"{keyword} value: {type_text} ="
    if len(head) <= WIDTH:
        return head + _assigned(value, 0, len(head), short_keys_break) + ";"
    left = " " * INDENT + type_text + " ="
    return f"{keyword} value:\n{left}" + _assigned(value, INDENT, len(left), short_keys_break) + ";"


def _assigned(value: JsValue, indent: int, column: int, short_keys_break: bool) -> str:
    if _fits(column + 1, value, ";"):
        return " " + print_value(value, indent, short_keys_break)
    deeper = indent + INDENT
    return "\n" + " " * deeper + print_value(value, deeper, short_keys_break)
