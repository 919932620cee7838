"""Escaping for the contexts a spec string can reach in TypeScript output.

Every function returns TypeScript source text that the string cannot break
out of: a string literal, a property key, an object-literal key, a JSDoc
block.  Values that have no literal form return ``None`` so callers choose a
fallback explicitly.
"""

from __future__ import annotations

import math
import re
from json.encoder import encode_basestring

# ASCII-only on purpose: identifiers from the spec are ASCII after
# ``typescript_field``; anything else is quoted rather than trusted.
_IDENTIFIER = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*\Z")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def ts_string(text: str) -> str:
    """A double-quoted string literal.

    JSON escaping covers quotes, backslashes and control characters; U+2028
    and U+2029 are escaped too because older engines treat them as line
    terminators inside literals, and lone surrogates because they cannot be
    written as UTF-8.
    """
    out = encode_basestring(text)  # what json.dumps(text, ensure_ascii=False) returns, without making an encoder
    out = out.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return _LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", out)


def is_identifier(name: str) -> bool:
    return _IDENTIFIER.match(name) is not None


def ts_key(name: str) -> str:
    """A property key in a type literal; reserved words are valid keys there."""
    return name if is_identifier(name) else ts_string(name)


def ts_object_key(name: str) -> str:
    """A property key in an object literal expression.

    ``__proto__: v`` (quoted or not) would set the prototype instead of
    defining a key, so that one name is written as a computed key.
    """
    if name == "__proto__":
        return f"[{ts_string(name)}]"
    return ts_key(name)


def ts_literal(value: object) -> str | None:
    """A JSON scalar as a TypeScript literal (usable as a type and a value)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else None
    if isinstance(value, str):
        return ts_string(value)
    return None


def jsdoc(text: str | None, indent: str = "", deprecated: bool = False) -> str:
    """A ``/** ... */`` block ending in a newline, or ``""`` when empty.

    ``str.splitlines`` also splits on U+2028/U+2029 and other separators, so
    no line terminator survives inside a comment line; ``*/`` is broken up
    so a description cannot close the comment.
    """
    lines = [_comment_safe(line).rstrip() for line in (text or "").strip().splitlines()]
    if deprecated:
        lines += [""] if lines else []
        lines.append("@deprecated")
    if not lines:
        return ""
    body = "".join(f"{indent} *{' ' + line if line else ''}\n" for line in lines)
    return f"{indent}/**\n{body}{indent} */\n"


def _comment_safe(line: str) -> str:
    return _LONE_SURROGATE.sub("\ufffd", line.replace("*/", "*\\/"))
