"""Splitting names into words and joining them again (target-neutral).

These are the rules of the naming conventions (CONVENTIONS.md 2.1): split on
non-alphanumerics, on lower->Upper and digit->Upper boundaries and between an
acronym and the next word (``ABCDef`` -> ``ABC``, ``Def``); PascalCase keeps
the rest of each word as written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

_SPLIT_NON_ALNUM = re.compile(r"[^0-9A-Za-z]+")


@lru_cache(maxsize=65536)
def split_words(text: str) -> tuple[str, ...]:
    words: list[str] = []
    for chunk in _SPLIT_NON_ALNUM.split(text):
        words.extend(_split_chunk(chunk))
    return tuple(words)


def _split_chunk(chunk: str) -> list[str]:
    """Split an alphanumeric run at case and digit->Upper boundaries."""
    if not chunk:
        return []
    if chunk.isascii():  # the usual case, in one regex pass instead of a loop per character
        return _ASCII_BOUNDARY.split(chunk)
    return _split_chunk_by_char(chunk)


# lower or digit -> Upper, and the last capital of an acronym before a lower
_ASCII_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def _split_chunk_by_char(chunk: str) -> list[str]:
    """``_split_chunk`` for any letters (``str.isupper`` knows Unicode case)."""
    out: list[str] = []
    start = 0
    for i in range(1, len(chunk)):
        prev, cur = chunk[i - 1], chunk[i]
        nxt = chunk[i + 1] if i + 1 < len(chunk) else ""
        lower_to_upper = (prev.islower() or prev.isdigit()) and cur.isupper()
        acronym_end = prev.isupper() and cur.isupper() and nxt.islower()
        if lower_to_upper or acronym_end:
            out.append(chunk[start:i])
            start = i
    out.append(chunk[start:])
    return out


@lru_cache(maxsize=65536)
def pascal(text: str) -> str:
    return "".join(w[:1].upper() + w[1:] for w in split_words(text))


@lru_cache(maxsize=65536)
def snake(text: str) -> str:
    return "_".join(w.lower() for w in split_words(text))


@lru_cache(maxsize=65536)
def camel(text: str) -> str:
    words = split_words(text)
    if not words:
        return ""
    return words[0].lower() + "".join(w[:1].upper() + w[1:].lower() for w in words[1:])


@lru_cache(maxsize=65536)
def camel_keeping_acronyms(text: str) -> str:
    """``camel``, except that an acronym inside a mixed-case word keeps its
    capitals (``UpdateFTModelIn`` -> ``updateFTModelIn``), as Speakeasy's
    TypeScript property names do; an all-capitals word (``API_KEY``) is not
    an acronym run and is lowered as ``camel`` does."""
    out: list[str] = []
    for chunk in _SPLIT_NON_ALNUM.split(text):
        mixed = chunk != chunk.upper() and chunk != chunk.lower()
        for word in _split_chunk(chunk):
            kept = mixed and out and len(word) > 1 and word.isupper()
            out.append(word if kept else word.lower() if not out else word[:1].upper() + word[1:].lower())
    return "".join(out)


_ONES = (
    "Zero One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen "
    "Fourteen Fifteen Sixteen Seventeen Eighteen Nineteen"
).split()
_TENS = "_ _ Twenty Thirty Forty Fifty Sixty Seventy Eighty Ninety".split()
_SCALES = ((10**12, "Trillion"), (10**9, "Billion"), (10**6, "Million"), (1000, "Thousand"), (100, "Hundred"))


def spell_number(n: int) -> str:
    """English words in PascalCase: 17 -> Seventeen, 42 -> FortyTwo."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + (_ONES[n % 10] if n % 10 else "")
    for size, word in _SCALES:
        if n >= size:
            rest = n % size
            return spell_number(n // size) + word + (spell_number(rest) if rest else "")
    raise AssertionError("unreachable")


def leading_number_spelled(parts: Sequence[str]) -> str:
    """Join name parts; a numeric first part is spelled out (``2``+``1`` -> ``Two1``)."""
    if parts and parts[0].isdigit():
        return spell_number(int(parts[0])) + "".join(parts[1:])
    return "".join(parts)


def class_word(text: str, fallback: str) -> str:
    """The PascalCase base of a class name taken from spec text.  A text with
    no ASCII word in it (``""``, ``日本``) gets ``fallback``, which naming then
    numbers like any other name; leading digits are spelled out (``0abc`` ->
    ``ZeroAbc``) because a class name cannot start with one."""
    word = pascal(text) or fallback
    digits = len(word) - len(word.lstrip("0123456789"))
    if not digits:
        return word
    rest = word[digits:]
    head = spell_number(int(word[:digits])) if digits <= 12 else "N" + word[:digits]
    return head + rest[:1].upper() + rest[1:]
