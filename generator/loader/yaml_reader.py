"""YAML text to Python data: one set of rules, two readers.

- ryaml (Rust, on libyaml's grammar) reads a large spec five times faster
  than PyYAML with libyaml, so it reads whatever it can;
- PyYAML (libyaml) reads the rest: merge keys (``<<``), tags, duplicate
  keys, integers beyond 64 bits, complex keys and anything ryaml refuses.
  It composes a node tree, whose positions locate diagnostics, and its
  errors (with line and column) are the ones reported for bad YAML.

Plain scalars resolve by the YAML 1.2 core schema in both, which OpenAPI
recommends and Speakeasy's Go reader follows: ``yes``, ``no``, ``on``, ``off``
and ``NO`` stay strings (the "Norway problem" of YAML 1.1), ``1e3`` is a
float and a date stays the string its author wrote.  Three details follow
ryaml, so that both readers agree to the byte: ``0b101`` and signed radix
integers (``-0x1F``) are integers, integers with leading zeros (``007``, a
zip code ``01234``) stay strings, and a float too large for a double
(``1e400``) stays a string.  Tests compare the two readers on generated
scalars and documents.
"""

from __future__ import annotations

import math
import re
from typing import Any

import yaml

UNREAD: Any = object()
"""What ``read_fast`` returns for a text that PyYAML must read."""

_MERGE_KEY = re.compile(r"<<[ \t]*:")  # ryaml keeps a merge key as a plain key
_NOT_A_TAG = re.compile(r"[\s\[(=]")  # what follows a ``!`` that starts no tag


def needs_pyyaml(text: str) -> bool:
    """Whether ``text`` may hold a merge key or a tag (ryaml turns a tag into
    a one-key mapping): it starts with ``!``, or has a ``!`` after a space,
    tab, newline, ``[``, ``{`` or ``,`` followed by neither whitespace nor
    ``[(=``.

    The scan jumps from ``!`` to ``!`` (a spec has few): one regex for both
    cases, which no literal prefix can speed up, took 15 ms on a 1.2 MB spec."""
    if text.startswith("!") or _MERGE_KEY.search(text):
        return True
    at = text.find("!")
    while at != -1:
        if at and text[at - 1] in " \t\n[{," and not _NOT_A_TAG.match(text, at + 1):
            return True
        at = text.find("!", at + 1)
    return False


def read_fast(text: str) -> Any:
    """The data of ``text`` read by ryaml, or ``UNREAD`` when PyYAML must
    read it (see the module docstring), including when ryaml refuses it."""
    if needs_pyyaml(text):
        return UNREAD
    try:
        import ryaml
    except ImportError:  # a platform without its wheel: PyYAML gives the same data
        return UNREAD
    try:
        return ryaml.loads(text)  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - PyYAML reads it again, and reports an error with its position
        return UNREAD


_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class SpecLoader(_BaseLoader):  # type: ignore[misc]
    """PyYAML's safe loader with the plain-scalar rules of the module docstring."""


_RADIX = {"0x": 16, "0o": 8, "0b": 2}


def _construct_int(loader: Any, node: yaml.ScalarNode) -> int:
    text = loader.construct_scalar(node)
    digits = text.lstrip("+-")
    sign = -1 if text.startswith("-") else 1
    base = _RADIX.get(digits[:2])
    return sign * (int(digits[2:], base) if base else int(digits))


def _construct_float(loader: Any, node: yaml.ScalarNode) -> float | str:
    text = loader.construct_scalar(node)
    lowered = text.lower()
    if lowered.endswith(".nan"):
        return math.nan
    if lowered.endswith(".inf"):
        return -math.inf if text.startswith("-") else math.inf
    value = float(text)
    return text if math.isinf(value) else value


_CORE_RESOLVERS: tuple[tuple[str, str, list[str]], ...] = (
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    (
        "tag:yaml.org,2002:int",
        r"^[-+]?(?:0|[1-9][0-9]*|0x[0-9a-fA-F]+|0o[0-7]+|0b[01]+)$",
        list("-+0123456789"),
    ),
    (
        "tag:yaml.org,2002:float",
        r"^(?![-+]?0[0-9]+$)(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        list("-+.0123456789"),
    ),
    ("tag:yaml.org,2002:merge", r"^(?:<<)$", ["<"]),
)

SpecLoader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in _CORE_RESOLVERS:
    SpecLoader.add_implicit_resolver(_tag, re.compile(_pattern), _first)
SpecLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)
SpecLoader.add_constructor("tag:yaml.org,2002:float", _construct_float)
