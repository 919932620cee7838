"""Example dates: the draw Speakeasy makes for ``format: date-time`` and
``format: date`` strings, and how each format prints it.

The draw is ``faker.date.between({from: 2024-01-01, to: 2027-01-01})``, i.e.
one ``faker.number.int`` over the milliseconds of those three years.  The
range is fixed, not relative to the generation time: four mistral values
(AgentAliasResponse, LibraryOut) solve to exactly these bounds, and every
date of mistral 1.690 and lapyme 1.768 (over 100 docs) falls inside them.
Older versions (orq 1.535) drew the same way one year earlier, 2023-01-01 to
2026-01-01: orq's one date is a newer draw minus exactly 365 days.
"""

from __future__ import annotations

import datetime as dt

from generator.examples.faker import Faker

_FROM_MS = 1_704_067_200_000  # 2024-01-01T00:00:00.000Z
_TO_MS = 1_798_761_600_000  # 2027-01-01T00:00:00.000Z
_OLDER_FROM_MS = 1_672_531_200_000  # 2023-01-01T00:00:00.000Z
_OLDER_TO_MS = 1_767_225_600_000  # 2026-01-01T00:00:00.000Z
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)


def draw_millis(faker: Faker, newer: bool = True) -> int:
    """A moment in [2024-01-01, 2027-01-01], both ends included (one draw);
    ``newer`` False: the older versions' range, a year earlier."""
    if newer:
        return faker.int(_FROM_MS, _TO_MS)
    return faker.int(_OLDER_FROM_MS, _OLDER_TO_MS)


def iso_datetime(millis: int) -> str:
    """JavaScript's ``Date.prototype.toISOString``."""
    moment = _EPOCH + dt.timedelta(milliseconds=millis)  # exact, no float
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{millis % 1000:03d}Z"


def iso_date(millis: int) -> str:
    """The calendar day (UTC) a ``format: date`` example prints."""
    return iso_datetime(millis)[:10]
