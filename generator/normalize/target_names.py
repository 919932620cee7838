"""Per-target adjustments applied to a model name after naming.

Python spells some words as acronyms (``ImageUrl`` -> ``ImageURL``);
TypeScript suffixes names that would shadow a global (``File`` -> ``FileT``).
Both apply after collision checks, exactly as the reference generator does.
"""

from __future__ import annotations

import keyword
import re

from generator.words import class_word

_PY_ACRONYMS = re.compile(r"(Url|Json|Http|Api)(?=[A-Z0-9]|$)")
_TS_RESERVED = frozenset({"Function", "Object", "File", "Parameters", "Error"})


def _no_leading_digit(name: str) -> str:
    """Names are built from words that never start with a digit; a part that
    does (a value, a number) is spelled, as a class name cannot start so."""
    return class_word(name, name) if name[:1].isdigit() else name


def python_model_name(name: str) -> str:
    """``None``/``True``/``False`` (a property or schema so named) are
    keywords, so such a class is ``NoneModel``."""
    name = _PY_ACRONYMS.sub(lambda m: m.group(1).upper(), _no_leading_digit(name))
    return name + "Model" if keyword.iskeyword(name) else name


def typescript_model_name(name: str) -> str:
    name = _no_leading_digit(name)
    return name + "T" if name in _TS_RESERVED else name
