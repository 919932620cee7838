"""faker 9.7.0's English text functions, on top of the number port.

``English(faker, tables)`` replays ``faker.word.words``,
``faker.internet.url`` / ``username``, ``faker.vehicle.model``,
``faker.finance.currencyName``, ``faker.location.country`` / ``streetAddress``
/ ``city`` / ``zipCode``, ``faker.phone.number``, ``faker.internet.email``,
``faker.person.fullName``, ``faker.company.name``,
``faker.system.directoryPath`` and ``commonFileType`` draw for draw, using
the locale tables of ``faker_data`` (faker's own lists, loaded at run time).
Our code follows faker's documented behaviour; the order of the draws is
what makes the values match, so each method notes it.

A table that is missing or malformed raises ``MissingData``; the caller
prints a placeholder instead.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from typing import Any, TypeGuard, cast

from generator.examples.faker import Faker

# word.sample() shuffles the seven word kinds and takes the first one that
# has words; faker lists them in this order before shuffling.
_WORD_KINDS = ("adjective", "adverb", "conjunction", "interjection", "noun", "preposition", "verb")
_LOWER_ALPHABET = "abcdefghijklmnopqrstuvwxyz"
# helpers.slugify: spaces to hyphens, then drop what is not word, dot or hyphen.
_NOT_SLUG = re.compile(r"[^\w.-]+", re.ASCII)
# internet.domainWord accepts a slug only when it looks like a word.
_DOMAIN_PART = re.compile(r"[a-z][a-z-]*[a-z]", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"\{\{[a-z]")
_UPPER_ALPHABET = _LOWER_ALPHABET.upper()
_DIGITS = "0123456789"
_HASH_RUN = re.compile(r"#+")
# internet.email keeps these characters of the user name
_NOT_EMAIL = re.compile(r"[^A-Za-z0-9._+-]+")


class MissingData(LookupError):
    """A locale table needed for a value is absent."""


class English:
    """Text draws that share one ``Faker`` stream."""

    def __init__(self, faker: Faker, tables: Mapping[str, object]) -> None:
        self._faker = faker
        self._tables = tables

    def words(self, low: int, high: int) -> str:
        """``word.words({count: {min: low, max: high}})``: the count, then one
        ``word.sample()`` per word."""
        count = self._faker.int(low, high)
        return " ".join(self.sample() for _ in range(count))

    def sample(self) -> str:
        """``word.sample()``: shuffle the kinds (``helpers.shuffle``, a
        Fisher-Yates from the end), then draw from the first non-empty one."""
        kinds = list(_WORD_KINDS)
        for i in range(len(kinds) - 1, 0, -1):
            j = self._faker.int(max=i)
            kinds[i], kinds[j] = kinds[j], kinds[i]
        words = self._table("word")
        for kind in kinds:
            found = words.get(kind) if isinstance(words, Mapping) else None
            if _is_strings(found):
                return self._faker.array_element(found)
        raise MissingData("word")

    def url(self) -> str:
        """``internet.url()``: the trailing-slash coin first, then the domain."""
        slash = self._faker.boolean()
        return f"https://{self.domain_name()}{'/' if slash else ''}"

    def domain_name(self) -> str:
        word = self.domain_word()
        return f"{word}.{self._pick('domain_suffix')}"

    def domain_word(self) -> str:
        """An adjective and a noun, each made slug-safe, joined by ``-``."""
        adjective = self._domain_part(self._pick("word", "adjective"))
        noun = self._domain_part(self._pick("word", "noun"))
        return f"{adjective}-{noun}".lower()

    def _domain_part(self, word: str) -> str:
        slug = slugify(word)
        if _DOMAIN_PART.fullmatch(slug):
            return slug
        slug = slugify(self._pick("lorem_word"))
        if _DOMAIN_PART.fullmatch(slug):
            return slug
        length = self._faker.int(4, 8)
        return "".join(self._faker.array_element(_LOWER_ALPHABET) for _ in range(length))

    def username(self) -> str:
        """``internet.username()``: first name, last name, separator, number,
        then one of three shapes; made ASCII without quotes or spaces."""
        first = self.first_name()
        last = self.last_name()
        separator = self._faker.array_element((".", "_"))
        number = self._faker.int(max=99)
        shapes: tuple[Callable[[], str], ...] = (
            lambda: f"{first}{separator}{last}{number}",
            lambda: f"{first}{separator}{last}",
            lambda: f"{first}{number}",
        )
        name = self._faker.array_element(shapes)()
        return _ascii(name).replace("'", "").replace(" ", "")

    def first_name(self) -> str:
        return self._faker.array_element(self._by_sex(self._table("person", "first_name")))

    def last_name(self, sex: str | None = None) -> str:
        """A weighted pattern (``{{person.last_name.generic}}``, or two of them
        hyphenated) when the locale has patterns, else a plain last name."""
        person = self._table("person")
        patterns = person.get("last_name_pattern") if isinstance(person, Mapping) else None
        if patterns is None:
            return self._faker.array_element(self._by_sex(self._table("person", "last_name"), sex))
        return self._fake(self._weighted(self._by_sex(patterns, sex)))

    def vehicle_model(self) -> str:
        return self._pick("vehicle_model")

    def currency_name(self) -> str:
        """``finance.currencyName()``: the name of one ``currency()`` entry."""
        return self._pick("currency_name")

    def country(self) -> str:
        """``location.country()``: one draw from the English country list."""
        return self._pick("country")

    def street_address(self) -> str:
        """``location.streetAddress()``: the locale's normal pattern, a
        building number and a street."""
        return self._fake(self._string("location", "street_address", "normal"))

    def building_number(self) -> str:
        """``location.buildingNumber()``: a pattern, each run of ``#`` a
        number of that many digits without a leading zero."""
        return _HASH_RUN.sub(lambda run: self._digits(len(run[0])), self._pick("location", "building_number"))

    def street(self) -> str:
        return self._fake(self._pick("location", "street_pattern"))

    def time_zone(self) -> str:
        """``location.timeZone()``: one draw from the IANA zone list."""
        return self._pick("time_zone")

    def city(self) -> str:
        """``location.city()``: one of the city patterns, filled in."""
        return self._fake(self._pick("location", "city_pattern"))

    def zip_code(self) -> str:
        """``location.zipCode()``: a postcode pattern; ``#`` a digit, ``?`` a
        capital, ``*`` a coin between the two (``helpers.replaceSymbols``)."""
        out = []
        for char in self._pick("location", "postcode"):
            if char == "*":
                char = "?" if self._faker.boolean() else "#"
            out.append(str(self._faker.int(max=9)) if char == "#" else
                       self._faker.array_element(_UPPER_ALPHABET) if char == "?" else char)
        return "".join(out)

    def phone_number(self) -> str:
        """``phone.number()`` (style ``human``): ``#`` any digit, ``!`` 2-9."""
        digits = {"#": (0, 9), "!": (2, 9)}
        return "".join(str(self._faker.int(*digits[c])) if c in digits else c
                       for c in self._pick("phone_number", "format", "human"))

    def email(self) -> str:
        """``internet.email()``: the provider first, then a user name made
        safe for an address (at most 50 characters, no doubled dots)."""
        provider = self._pick("internet", "free_email")
        user = _NOT_EMAIL.sub("", self.username())[:50]
        user = re.sub(r"\.{2,}", ".", user)
        user = user.removeprefix(".").removesuffix(".")
        return f"{user}@{provider}"

    def full_name(self) -> str:
        """``person.fullName()``: a sex, first and last name for it, then a
        weighted pattern that may add a prefix, middle name or suffix, each
        drawn where the pattern names it (``helpers.mustache``)."""
        sex = self._faker.array_element(("female", "male"))
        first = self._faker.array_element(self._by_sex(self._table("person", "first_name"), sex))
        last = self.last_name(sex)
        pattern = self._weighted(self._table("person", "name"))  # type: ignore[arg-type]
        parts: tuple[tuple[str, Callable[[], str]], ...] = (
            ("prefix", lambda: self._faker.array_element(self._by_sex(self._table("person", "prefix"), sex))),
            ("firstName", lambda: first),
            ("middleName", lambda: self._faker.array_element(self._by_sex(self._table("person", "middle_name"), sex))),
            ("lastName", lambda: last),
            ("suffix", lambda: self._pick("person", "suffix")),
        )
        for key, draw in parts:
            pattern = re.sub(re.escape(f"{{{{person.{key}}}}}"), _replacement(draw), pattern)
        return pattern

    def company_name(self) -> str:
        return self._fake(self._pick("company", "name_pattern"))

    def _digits(self, length: int) -> str:
        """``string.numeric({length, allowLeadingZeros: false})``."""
        return self._faker.array_element(_DIGITS[1:]) + "".join(
            self._faker.array_element(_DIGITS) for _ in range(length - 1))

    def directory_path(self) -> str:
        return self._pick("directory_path")

    def common_file_type(self) -> str:
        return self._pick("common_file_type")

    def _by_sex(self, entry: object, sex: str | None = None) -> list[str]:
        """faker's sex selection: that sex's list, else ``generic``; with no
        sex given ``generic``, else a draw between the female and male lists."""
        if not isinstance(entry, Mapping):
            raise MissingData("person")
        chosen = entry.get(sex) if sex else None
        chosen = entry.get("generic") if chosen is None else chosen
        if chosen is None and not sex:
            chosen = self._faker.array_element((entry.get("female"), entry.get("male")))
        if not isinstance(chosen, list) or not chosen:
            raise MissingData("person")
        return cast(list[str], chosen)

    def _weighted(self, entries: list[Any]) -> str:
        """``helpers.weightedArrayElement``: one float in [0, total)."""
        if not all(isinstance(e, Mapping) and _positive(e.get("weight")) for e in entries):
            raise MissingData("weights")
        total = sum(float(e["weight"]) for e in entries)
        drawn = self._faker.float(0, total)
        running = 0.0
        for entry in entries:
            running += float(entry["weight"])
            if drawn < running:
                return str(entry.get("value"))
        return str(entries[-1].get("value"))

    def _fake(self, pattern: str) -> str:
        """``helpers.fake``: replace the first ``{{a.b.c}}`` by a call of the
        faker method of that name (``_METHODS``) or else a draw from the
        locale list, and start over."""
        while (start := _search(_PLACEHOLDER, pattern)) >= 0:
            end = pattern.find("}}", start)
            if end < 0:
                break
            expression = pattern[start + 2:end]
            method = _METHODS.get(expression)
            value = method(self) if method else self._pick(*expression.split("."))
            pattern = pattern[:start] + value + pattern[end + 2:]
        return pattern

    def _string(self, *path: str) -> str:
        value = self._table(*path)
        if not isinstance(value, str):
            raise MissingData(".".join(path))
        return value

    def _pick(self, *path: str) -> str:
        values = self._table(*path)
        if not _is_strings(values):
            raise MissingData(".".join(path))
        return self._faker.array_element(values)

    def _table(self, *path: str) -> object:
        node: object = self._tables
        for key in path:
            if not isinstance(node, Mapping) or key not in node:
                raise MissingData(".".join(path))
            node = node[key]
        return node


def slugify(text: str) -> str:
    """``helpers.slugify``: strip accents, spaces to ``-``, keep ``[\\w.-]``."""
    plain = _strip_accents(text).replace(" ", "-")
    return _NOT_SLUG.sub("", plain)


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not 0x300 <= ord(c) <= 0x36F)


def _ascii(text: str) -> str:
    """internet.username's last step: accents stripped, other non-ASCII
    characters written as their code point in base 36 (faker transliterates
    some scripts first; English names never need it)."""
    return "".join(c if ord(c) < 128 else _base36(ord(c)) for c in _strip_accents(text))


def _base36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while n:
        n, r = divmod(n, 36)
        out = digits[r] + out
    return out or "0"


def _search(pattern: re.Pattern[str], text: str) -> int:
    found = pattern.search(text)
    return found.start() if found else -1


def _replacement(draw: Callable[[], str]) -> Callable[[re.Match[str]], str]:
    """A ``re.sub`` replacement that draws a new value for each match."""
    return lambda _: draw()


def _is_strings(value: object) -> TypeGuard[list[str]]:
    if not isinstance(value, list):
        return False
    # Locale lists hold thousands of words and are drawn from thousands of
    # times: each is checked once (the tables are never changed).
    known = _CHECKED_LISTS.get(id(value))
    if known is None or known[0] is not value:
        known = _CHECKED_LISTS[id(value)] = (value, bool(value) and all(isinstance(v, str) for v in value))
    return known[1]


_CHECKED_LISTS: dict[int, tuple[list[object], bool]] = {}


def _positive(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0


# The faker methods that locale patterns call (``helpers.fake``); other
# names are locale lists.
_METHODS: dict[str, Callable[[English], str]] = {
    "location.buildingNumber": English.building_number,
    "location.street": English.street,
}
