"""Per-target adjustments applied to a model name after naming.

Python spells some words as acronyms (``ImageUrl`` -> ``ImageURL``);
TypeScript suffixes names that would shadow a global (``File`` -> ``FileT``).
Both apply after collision checks, exactly as the reference generator does;
so does TypeScript's spelling of acronyms within a union's family
(``union_family_acronyms``).
"""

from __future__ import annotations

import keyword
import re

from typing import Iterable, Mapping

from generator.words import class_word, split_words

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


def _acronyms(name: str) -> set[str]:
    """The words a name spells in capitals (``ImageURL`` -> ``URL``)."""
    return {w for w in split_words(name) if len(w) > 1 and w.isalpha() and w.isupper()}


def union_family_acronyms(
    names: dict[str, str], families: Iterable[tuple[str, tuple[str, ...]]], fixed: Mapping[str, bool]
) -> None:
    """TypeScript: a union and its members spell a word alike.  A word that
    one name of the family spells in capitals (a member component
    ``ImageURL``, ``ResponseFormatJSONSchema``) is spelled so in the other
    names the naming built (``ImageURLChunkImageURL``,
    ``...ResponseFormatJSONObject``); names taken as written (``fixed``:
    component keys, operation names) keep their spelling.

    ``families`` is (union id, member model ids); ``names`` is updated in
    place.  Case never decides a collision, so respelling after naming
    cannot make two names clash.  Evidence: mistral-typescript (1.690) and
    openrouter-typescript (1.642), whose ``ImageUrl`` (no union, no capitals
    around it) also shows that the capitals do not reach names elsewhere.
    Python spells its own acronym list everywhere (``python_model_name``)."""
    for union, members in families:
        family = (union, *members)
        spelled = {w.lower(): w for key in family for w in _acronyms(names[key])}
        if not spelled:
            continue
        for key in family:
            if not fixed.get(key):
                names[key] = "".join(spelled.get(w.lower(), w) for w in split_words(names[key]))
