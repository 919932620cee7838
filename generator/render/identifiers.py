"""Identifiers per target language: one tested function each.

Field names come from wire names (``_id`` -> ``id``/``id``); a name that would
be a keyword or shadow something the generated code relies on gets a
trailing underscore in Python.
"""

from __future__ import annotations

import keyword
import re

from generator.words import camel_keeping_acronyms, snake

# Names the generated Python models cannot use as field names: keywords,
# soft keywords and builtins/pydantic attributes the reference SDK also avoids.
_PY_RESERVED = frozenset(keyword.kwlist) | frozenset(keyword.softkwlist) | frozenset(
    {"format", "bytes", "schema", "json", "copy", "dict", "validate", "construct", "fields"}
)
_PY_MODULE_RESERVED = frozenset({"format", "bytes", "schema"}) | frozenset(keyword.kwlist)


def python_field(wire_name: str, override: str | None = None) -> str:
    """snake_case; ``_`` suffix for reserved words; ``field_`` prefix when
    nothing alphanumeric is left or it would start with a digit."""
    name = snake(override or wire_name) or "field"
    if name[0].isdigit():
        name = "field_" + name
    return name + "_" if name in _PY_RESERVED else name


def typescript_field(wire_name: str, override: str | None = None) -> str:
    name = camel_keeping_acronyms(override or wire_name) or "field"
    return "field" + name[0].upper() + name[1:] if name[0].isdigit() else name


def python_doc_stem(model_name: str) -> str:
    """Doc file stem: the lowercased class name, ``_`` added if reserved."""
    stem = model_name.lower()
    return stem + "_" if stem in _PY_MODULE_RESERVED else stem


def typescript_doc_stem(model_name: str) -> str:
    return model_name.lower()


_MEMBER_SEPARATORS = re.compile(r"[^0-9A-Za-z]+")
_CAMEL_BOUNDARY = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def enum_member_word(value: object) -> str:
    """The Python member name of an enum value, before it is made a unique
    identifier: numbers spelled out, words split at camel-case humps and at
    anything not alphanumeric, upper-cased (``EmployeePlacement`` ->
    ``EMPLOYEE_PLACEMENT``, ``Translation (document)`` ->
    ``TRANSLATION_DOCUMENT_``), ``UNKNOWN`` for the empty string."""
    if value == "":
        return EMPTY_MEMBER
    spelled = spelled_number(value)
    if spelled:
        return spelled
    return _MEMBER_SEPARATORS.sub("_", _CAMEL_BOUNDARY.sub("_", str(value))).upper()


EMPTY_MEMBER = "UNKNOWN"
"""The Python enum member of the empty string value."""
_ONES = ("ZERO ONE TWO THREE FOUR FIVE SIX SEVEN EIGHT NINE TEN ELEVEN TWELVE THIRTEEN FOURTEEN "
         "FIFTEEN SIXTEEN SEVENTEEN EIGHTEEN NINETEEN").split()
_TENS = "_ _ TWENTY THIRTY FORTY FIFTY SIXTY SEVENTY EIGHTY NINETY".split()
_SCALES = ((10**9, "BILLION"), (10**6, "MILLION"), (1000, "THOUSAND"), (100, "HUNDRED"))


def _words(n: int) -> list[str]:
    for size, word in _SCALES:
        if n >= size:
            head, rest = divmod(n, size)
            return [*_words(head), word, *(_words(rest) if rest else [])]
    if n < 20:
        return [_ONES[n]]
    tens, ones = divmod(n, 10)
    return [_TENS[tens], *([_ONES[ones]] if ones else [])]


def spelled_number(value: object) -> str | None:
    """Enum members for numeric values are spelled out (``31`` or ``"31"`` ->
    ``THIRTY_ONE``, ``"00"`` -> ``ZERO``), as the newer Python SDKs name them;
    None for anything but a non-negative integer or a string of digits."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str) and value.isascii() and value.isdigit():
        value = int(value)
    if not isinstance(value, int) or value < 0 or value >= 10**12:
        return None
    return "_".join(_words(value))
