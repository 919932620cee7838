"""Which faker call gives a string example, by field name and format
(CONVENTIONS 3.4), shared by the model docs and the operation snippets.

``named_string`` covers the strings that are neither uuid, date nor id:
some come from faker's English data (``faker_data``); without it they print
``PLACEHOLDER`` and take no draw, so later values in the same doc shift.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from generator.examples.faker import Faker
from generator.examples.faker_en import English, MissingData

PLACEHOLDER = "<value>"
# Arrays and maps whose size is drawn hold 0 to MAX_ENTRIES entries.
MAX_ENTRIES = 3
EXAMPLE_FILE = "example.file"
# Names whose value is fixed text rather than a faker draw.
_FIXED = {"key": "<key>", "fileName": EXAMPLE_FILE}
_URL_FORMATS = frozenset({"uri", "url"})
# Field name -> the English draw Speakeasy uses for it.
_BY_NAME: dict[str, Callable[[English], str]] = {
    "url": English.url,
    "description": lambda english: english.words(3, 10),
    "displayName": English.username,
    # openrouter 1.642: ``ChatGenerationParams.user`` "Lina_Beier39"
    "user": English.username,
    "model": English.vehicle_model,
    "path": English.directory_path,
    "fileType": English.common_file_type,
    # lapyme 1.768: "Australian Dollar", one draw (nothing older to contradict)
    "currency": English.currency_name,
    "country": English.country,  # lapyme 1.768: "Gabon", "Sint Maarten"
    # lapyme 1.768 (customers, suppliers, points of sale); ``city`` also in
    # openrouter 1.642 ("Mallieside")
    "email": English.email,
    "phone": English.phone_number,
    "address": English.street_address,
    "city": English.city,
    "timezone": English.time_zone,  # openrouter 1.642: "Europe/Minsk"
    "postalCode": English.zip_code,
    "fullName": English.full_name,
    "companyName": English.company_name,
}


def map_keys(count: int) -> tuple[str, ...]:
    """The keys of an example map: ``key``, ``key1``, ``key2``, ..."""
    return tuple("key" if i == 0 else f"key{i}" for i in range(count))


def is_id_name(name: str) -> bool:
    """``id`` and ``...Id`` fields print ``"<id>"`` whatever their format."""
    return name == "id" or name.endswith("Id")


def needs_data(name: str, fmt: str | None, newer: bool = False) -> bool:
    """Whether the value of such a string comes from faker's word lists."""
    return _draw_for(name, fmt, newer) is not None


def named_string(
    faker: Faker, tables: Mapping[str, object] | None, name: str, fmt: str | None, newer: bool = False
) -> str:
    """The example of a plain string field called ``name`` (its TypeScript
    property name; empty for a union member).  ``newer``: Speakeasy's later
    rules, where ``...Url`` names are URLs too (documentUrl, imageUrl)."""
    draw = _draw_for(name, fmt, newer)
    if draw is None:
        return _FIXED.get(name, PLACEHOLDER)
    if tables is None:
        return PLACEHOLDER
    try:
        return draw(English(faker, tables))
    except MissingData:
        return PLACEHOLDER


def _draw_for(name: str, fmt: str | None, newer: bool) -> Callable[[English], str] | None:
    if fmt in _URL_FORMATS or (newer and name.endswith("Url")):
        return English.url
    return _BY_NAME.get(name)
