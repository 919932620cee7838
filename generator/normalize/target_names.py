"""Per-target adjustments applied to a model name after naming.

Python spells some words as acronyms (``ImageUrl`` -> ``ImageURL``);
TypeScript suffixes names that would shadow a global (``File`` -> ``FileT``).
Both apply after collision checks, exactly as the reference generator does.
"""

from __future__ import annotations

import keyword
import re

_PY_ACRONYMS = re.compile(r"(Url|Json|Http|Api)(?=[A-Z0-9]|$)")
_TS_RESERVED = frozenset({"Function", "Object", "File", "Parameters", "Error"})


def python_model_name(name: str) -> str:
    """``None``/``True``/``False`` (a property or schema so named) are
    keywords, so such a class is ``NoneModel``."""
    name = _PY_ACRONYMS.sub(lambda m: m.group(1).upper(), name)
    return name + "Model" if keyword.iskeyword(name) else name


def typescript_model_name(name: str) -> str:
    return name + "T" if name in _TS_RESERVED else name
