"""A port of the pseudo-random parts of ``@faker-js/faker`` 9.7.0.

Speakeasy renders the example values in its TypeScript docs with faker,
seeded with the Java ``hashCode`` of a schema or field name.  To print the
same examples without running Node at generation time we replay faker's
exact draws here, using only the standard library.

Contract: for any integer seed ``s``, ``Faker(s)`` followed by a sequence of
calls returns exactly what ``faker.seed(s)`` followed by the corresponding
faker calls returns in faker 9.7.0 (default randomizer: a 32-bit Mersenne
Twister read 53 bits at a time):

* ``next()``           -- the randomizer's ``next()``, a float in [0, 1)
* ``int(...)``         -- ``faker.number.int({min, max, multipleOf})``
* ``float(...)``       -- ``faker.number.float({min, max, fractionDigits,
  multipleOf})``
* ``array_element()``  -- ``faker.helpers.arrayElement(array)``
* ``uuid()``           -- ``faker.string.uuid()``
* ``boolean()``        -- ``faker.datatype.boolean({probability})``

All arithmetic on values is done on IEEE doubles, like JavaScript numbers,
so rounding matches too.  ``format_js_number`` prints a float the way
JavaScript's ``String(x)`` does, and ``java_hash_code`` computes the seeds.
"""

from __future__ import annotations

import builtins
import functools
import math
import sys
from array import array
from collections.abc import Iterable, Sequence
from typing import TypeVar

__all__ = ["MAX_SAFE_INTEGER", "Faker", "format_js_number", "java_hash_code", "prime"]

T = TypeVar("T")

#: JavaScript's ``Number.MAX_SAFE_INTEGER``, faker's default ``int`` maximum.
MAX_SAFE_INTEGER = 2**53 - 1

_UINT32 = 0xFFFFFFFF

# Mersenne Twister MT19937 parameters (Matsumoto & Nishimura, 1998).
_MT_N = 624
_MT_M = 397
_MT_MATRIX_A = 0x9908B0DF
_MT_UPPER_MASK = 0x80000000
_MT_LOWER_MASK = 0x7FFFFFFF
_MT_INIT_MULTIPLIER = 1812433253

# Powers of ten up to 1e22 are exact doubles; beyond that V8's ``10 ** k``
# and CPython's disagree in the last bit, so we refuse rather than diverge.
_MAX_EXACT_POWER_OF_TEN = 22

_UUID_TEMPLATE = "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx"


@functools.lru_cache(maxsize=4096)
def java_hash_code(text: str) -> builtins.int:
    """Java's ``String.hashCode``: ``h = 31*h + unit`` over UTF-16 code units.

    The result is wrapped to a signed 32-bit integer, as Java (and Speakeasy,
    which uses it as the faker seed) does.
    """
    # surrogatepass: a lone surrogate is still one code unit in Java/JS.
    encoded = text.encode("utf-16-le", "surrogatepass")
    h = 0
    for i in range(0, len(encoded), 2):
        unit = encoded[i] | (encoded[i + 1] << 8)
        h = (31 * h + unit) & _UINT32
    return h - 2**32 if h & 0x80000000 else h


def _js_seed_to_uint32(seed: builtins.int) -> builtins.int:
    """The 32-bit word faker's Mersenne Twister is initialised with.

    faker stores the number seed as the first state word unconverted, but
    every later use goes through a JS bitwise operator, i.e. ``ToInt32``:
    the seed is rounded to a double (JS has no other numbers), truncated and
    taken modulo 2**32.  So negative seeds wrap around (-1 -> 0xFFFFFFFF).
    """
    as_double = builtins.float(seed)
    if not math.isfinite(as_double):
        raise ValueError(f"Seed {seed} is not a finite JavaScript number.")
    return builtins.int(as_double) & _UINT32


# Words twisted at a time; the first twist needs this many + M + 1 seeded words.
_TWIST_AHEAD = 16
_PRIMED_WORDS = _TWIST_AHEAD + _MT_M + 1

_PRIMED: dict[builtins.int, array[builtins.int]] = {}
"""Seeded words of the seeds the last ``prime`` call was given, by 32-bit
seed word (only the last call's: a long-lived process keeps one spec's)."""


def prime(seeds: Iterable[builtins.int]) -> None:
    """Seed the Mersenne Twisters of many seeds at once, ahead of use.

    Seeding is a sequential recurrence per seed, a few hundred steps of
    Python arithmetic each, and a spec's docs use thousands of seeds.  Here
    every step is taken for all seeds together: each seed is a 64-bit lane
    of one big integer (a lane never overflows into the next: its word is
    below 2**32 and the multiplier below 2**31), so a step is a few
    big-integer operations.  Twisters made later start from these words;
    the numbers they draw are the same."""
    needed = {_js_seed_to_uint32(seed) for seed in seeds}
    for stale in _PRIMED.keys() - needed:
        del _PRIMED[stale]
    words = sorted(needed - _PRIMED.keys())
    if not words:
        return
    lanes = len(words)
    ones = int.from_bytes(b"\x01\x00\x00\x00\x00\x00\x00\x00" * lanes, "little")
    low32, low2 = ones * _UINT32, ones * 3
    lane_words = array("Q", words)
    if sys.byteorder == "big":  # the lanes are little-endian bytes
        lane_words.byteswap()
    row = int.from_bytes(lane_words.tobytes(), "little")
    # Read back as 32-bit words, each lane's low half (its words are below
    # 2**32): half the memory of 64-bit ones, for tens of thousands of seeds
    # on a big spec.
    table = array("I")
    for i in range(1, _PRIMED_WORDS + 1):
        table.frombytes(row.to_bytes(8 * lanes, "little"))
        if i < _PRIMED_WORDS:
            row = ((row ^ ((row >> 30) & low2)) * _MT_INIT_MULTIPLIER + ones * i) & low32
    if sys.byteorder == "big":
        table.byteswap()
    for lane, word in enumerate(words):
        _PRIMED[word] = table[2 * lane::2 * lanes]


class _MersenneTwister:
    """MT19937 with faker's ``nextF53`` read-out."""

    def __init__(self, seed: builtins.int) -> None:
        # faker twists once right at seeding and then reads from index 0.  The
        # twist runs in order, in place, so word i only needs words < i twisted
        # and the seeded words i + 1 and i + M: seeding and twisting lazily, as
        # far as reads reach, gives the same words.  Docs draw a few numbers
        # each, so this skips most of the work (seeding all 624 words for each
        # of a spec's thousands of docs used to be a fifth of a docs run).
        word = _js_seed_to_uint32(seed)
        primed = _PRIMED.get(word)
        self._state: list[builtins.int] | array[builtins.int] = primed[:] if primed is not None else [word]
        self._twisted = 0
        self._index = 0

    def _seed_to(self, end: builtins.int) -> None:
        """Extend the seeded (untwisted) words to ``end``."""
        state = self._state
        prev = state[-1]
        for i in range(len(state), end):
            prev = (_MT_INIT_MULTIPLIER * (prev ^ (prev >> 30)) + i) & _UINT32
            state.append(prev)

    def _twist_to(self, end: builtins.int) -> None:
        """Regenerate words ``[self._twisted, end)`` of the current block.

        In place, in order: later words see already-regenerated neighbours,
        exactly as in the reference implementation."""
        if len(self._state) < _MT_N:
            self._seed_to(min(_MT_N, end + _MT_M + 1))
        state = self._state
        for i in range(self._twisted, end):
            y = (state[i] & _MT_UPPER_MASK) | (state[(i + 1) % _MT_N] & _MT_LOWER_MASK)
            mixed = state[(i + _MT_M) % _MT_N] ^ (y >> 1)
            state[i] = mixed ^ _MT_MATRIX_A if y & 1 else mixed
        self._twisted = max(self._twisted, end)

    def next_u32(self) -> builtins.int:
        if self._index >= self._twisted:
            self._twist_to(min(_MT_N, self._index + _TWIST_AHEAD))
        y = self._state[self._index]
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C5680
        y ^= (y << 15) & 0xEFC60000
        y ^= y >> 18
        self._index += 1
        if self._index >= _MT_N:
            self._twisted = 0  # the next block is twisted lazily too
            self._index = 0
        return y & _UINT32

    def next_f53(self) -> builtins.float:
        """A double in [0, 1) built from 27 + 26 bits of two draws."""
        high = self.next_u32() >> 5
        low = self.next_u32() >> 6
        return (high * 2**26 + low) / 2**53


def _js_floor(x: builtins.float) -> builtins.float:
    """``Math.floor`` on doubles, keeping ``-0`` like JavaScript does."""
    result = builtins.float(math.floor(x))
    return math.copysign(result, x) if result == 0 else result


def _js_ceil(x: builtins.float) -> builtins.float:
    """``Math.ceil`` on doubles; ``Math.ceil(-0.5)`` is ``-0`` in JavaScript."""
    result = builtins.float(math.ceil(x))
    return math.copysign(result, x) if result == 0 else result


def _power_of_ten(exponent: builtins.int) -> builtins.float:
    """``10**exponent`` as a double, where V8 and CPython agree exactly."""
    if not 0 <= exponent <= _MAX_EXACT_POWER_OF_TEN:
        raise ValueError(
            f"10**{exponent} is not an exact double; faker's draw is not reproducible."
        )
    return builtins.float(10**exponent)


def _scale_for_multiple(multiple_of: builtins.float) -> builtins.float:
    """The factor faker multiplies bounds by to draw a multiple as an integer.

    Negative powers of ten use the exact ``10**k`` instead of ``1/step``,
    which can be off by one ulp (``1/1e-5`` is ``99999.99999999999``).
    """
    exponent = math.log10(multiple_of)
    if multiple_of < 1 and exponent.is_integer():
        return _power_of_ten(-builtins.int(exponent))
    return 1 / multiple_of


class Faker:
    """A seeded replay of faker 9.7.0's number, helper and string draws.

    Method names shadow the builtins ``int`` and ``float`` to mirror faker's
    API, so annotations inside the class spell out ``builtins.int`` etc.
    """

    def __init__(self, seed: builtins.int) -> None:
        self._mt = _MersenneTwister(seed)

    def seed(self, seed: builtins.int) -> None:
        """Restart the sequence, like ``faker.seed(seed)``."""
        self._mt = _MersenneTwister(seed)

    def next(self) -> builtins.float:
        """The randomizer's ``next()``: a double in [0, 1)."""
        return self._mt.next_f53()

    def int(
        self,
        min: builtins.float = 0,
        max: builtins.float = MAX_SAFE_INTEGER,
        multiple_of: builtins.int = 1,
    ) -> builtins.int:
        """``faker.number.int({min, max, multipleOf})``: a multiple in [min, max]."""
        if multiple_of != builtins.int(multiple_of):
            raise ValueError("multipleOf should be an integer.")
        if multiple_of <= 0:
            raise ValueError("multipleOf should be greater than 0.")
        value = self._draw_multiple(
            builtins.float(min), builtins.float(max), builtins.float(multiple_of)
        )
        return builtins.int(value)

    def float(
        self,
        min: builtins.float = 0.0,
        max: builtins.float = 1.0,
        fraction_digits: builtins.int | None = None,
        multiple_of: builtins.float | None = None,
    ) -> builtins.float:
        """``faker.number.float({min, max, fractionDigits, multipleOf})``.

        With neither option the result lies in [min, max); with one of them it
        is a multiple of the step in [min, max], drawn as an integer.
        """
        if max < min:
            raise ValueError(f"Max {max} should be greater than min {min}.")
        if fraction_digits is not None:
            if multiple_of is not None:
                raise ValueError(
                    "multipleOf and fractionDigits cannot be set at the same time."
                )
            if fraction_digits < 0:
                raise ValueError("fractionDigits should be greater than or equal to 0.")
            # faker derives the step as 10**-digits; its scale is then 10**digits.
            scale = _power_of_ten(fraction_digits)
        elif multiple_of is not None:
            if multiple_of <= 0:
                raise ValueError("multipleOf should be greater than 0.")
            scale = _scale_for_multiple(multiple_of)
        else:
            return self.next() * (max - min) + min
        return self._draw_multiple(min * scale, max * scale, 1.0) / scale

    def _draw_multiple(
        self, low: builtins.float, high: builtins.float, step: builtins.float
    ) -> builtins.float:
        """The core of ``number.int``, kept on doubles so ``float`` can reuse it."""
        if not (math.isfinite(low) and math.isfinite(high)):
            raise ValueError("min and max must be finite numbers.")
        first = _js_ceil(low / step)
        last = _js_floor(high / step)
        if first == last:
            # A single candidate: faker returns it without consuming a draw.
            return first * step
        if last < first:
            if high >= low:
                raise ValueError(
                    f"No suitable integer value between {low} and {high} found."
                )
            raise ValueError(f"Max {high} should be greater than min {low}.")
        count = last - first + 1
        return _js_floor(self.next() * count + first) * step

    def array_element(self, seq: Sequence[T]) -> T:
        """``faker.helpers.arrayElement(array)``; one element uses no draw."""
        if not seq:
            raise ValueError("Cannot get value from empty dataset.")
        index = self.int(max=len(seq) - 1) if len(seq) > 1 else 0
        return seq[index]

    def uuid(self) -> str:
        """``faker.string.uuid()``: a random version-4 UUID, lower-case hex."""
        chars = list(_UUID_TEMPLATE)
        # faker fills every "x" left to right first and the variant "y" last;
        # the draw order decides the result, so keep it.
        for placeholder, low, high in (("x", 0, 15), ("y", 8, 11)):
            for i, char in enumerate(chars):
                if char == placeholder:
                    chars[i] = format(self.int(low, high), "x")
        return "".join(chars)

    def boolean(self, probability: builtins.float = 0.5) -> bool:
        """``faker.datatype.boolean({probability})``; certain outcomes use no draw."""
        if probability <= 0:
            return False
        if probability >= 1:
            return True
        return self.float() < probability


def format_js_number(x: builtins.float) -> str:
    """Print a number as JavaScript's ``String(x)`` (Number::toString) does.

    Both languages print the shortest digit string that round-trips, so the
    digits come from ``repr``; only the layout differs: JavaScript drops
    ``.0``, writes plain decimals for 1e-6 <= |x| < 1e21 and otherwise uses
    ``1.5e-7`` / ``1e+21`` style exponents.
    """
    x = builtins.float(x)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    if x == 0:
        return "0"  # String(-0) is "0" too.
    if x < 0:
        return "-" + format_js_number(-x)
    digits, point = _shortest_digits(x)
    return _layout_js_number(digits, point)


def _shortest_digits(x: builtins.float) -> tuple[str, builtins.int]:
    """Shortest round-trip digits ``d`` and ``n`` with ``x == 0.d * 10**n``."""
    mantissa, _, exponent = repr(x).partition("e")
    whole, _, fraction = mantissa.partition(".")
    digits = whole + fraction
    point = len(whole) + builtins.int(exponent or "0")
    stripped = digits.lstrip("0")
    point -= len(digits) - len(stripped)
    return stripped.rstrip("0"), point


def _layout_js_number(digits: str, point: builtins.int) -> str:
    """Steps 6-10 of ECMAScript Number::toString for a positive number."""
    k = len(digits)
    if k <= point <= 21:
        return digits + "0" * (point - k)
    if 0 < point <= 21:
        return digits[:point] + "." + digits[point:]
    if -6 < point <= 0:
        return "0." + "0" * -point + digits
    exponent = point - 1
    sign = "+" if exponent >= 0 else "-"
    head = digits if k == 1 else digits[0] + "." + digits[1:]
    return f"{head}e{sign}{abs(exponent)}"
