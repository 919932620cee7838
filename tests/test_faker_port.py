"""The faker 9.7.0 port replays node faker's draws value for value.

Every expected value below was printed by ``@faker-js/faker`` 9.7.0 under
Node 20 (``faker.seed(seed)`` followed by the named calls), so these tests
need no Node at run time.  The two doc sequences are what Speakeasy printed
in real TypeScript docs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.examples import faker as faker_module
from generator.examples.faker import (
    MAX_SAFE_INTEGER,
    Faker,
    format_js_number,
    java_hash_code,
    prime,
)

# One call per name; each row of KNOWN repeats that call on a freshly seeded
# Faker.  The node side used the same options, e.g. "float_10000_2dp" is
# faker.number.float({max: 10000, fractionDigits: 2}).
CALLS: dict[str, Callable[[Faker], Any]] = {
    "next": lambda f: f.next(),
    "int": lambda f: f.int(),
    "int_0_100": lambda f: f.int(0, 100),
    "int_neg50_50": lambda f: f.int(-50, 50),
    "int_multiple_of_7": lambda f: f.int(3, 1000, multiple_of=7),
    "float_10000_2dp": lambda f: f.float(max=10000, fraction_digits=2),
    "float_range": lambda f: f.float(-5.5, 20),
    "float_multiple_of_quarter": lambda f: f.float(0, 10, multiple_of=0.25),
    "float_0dp": lambda f: f.float(1, 1000, fraction_digits=0),
    "array_element": lambda f: f.array_element(["a", "b", "c", "d", "e"]),
    "uuid": lambda f: f.uuid(),
    "boolean": lambda f: f.boolean(),
}

KNOWN: dict[int, dict[str, list[Any]]] = {
    0: {
        "next": [0.5488135039273248, 0.7151893663724195, 0.6027633760716439],
        "int": [4943272583565992, 6441853127788339, 5429209831737675],
        "int_0_100": [55, 72, 60, 55, 42, 65],
        "int_neg50_50": [5, 22, 10, 5, -8, 15],
        "int_multiple_of_7": [546, 714, 602, 546],
        "float_10000_2dp": [5488.14, 7151.9, 6027.63, 5448.83, 4236.55],
        "float_range": [8.494744350146782, 12.737328842496698, 9.87046608982692],
        "float_multiple_of_quarter": [5.5, 7.25, 6, 5.5],
        "float_0dp": [549.0, 716.0, 603.0, 545.0],
        "array_element": ["c", "d", "d", "c", "c", "d"],
        "uuid": [
            "8b986a7e-f6c8-49e1-910d-cdfc7c1a2f86",
            "c790999f-a56b-40aa-8325-597f132a4732",
        ],
        "boolean": [False, False, False, False, True, False, True, False],
    },
    1: {
        "next": [0.417022004702574, 0.7203244934421581, 0.00011437481734488664],
        "int": [3756200289967619, 6488106240503889, 1030196769550],
        "int_0_100": [42, 72, 0, 30, 14, 9],
        "int_neg50_50": [-8, 22, -50, -20, -36, -41],
        "int_multiple_of_7": [420, 721, 7, 301],
        "float_10000_2dp": [4170.22, 7203.25, 1.14, 3023.32, 1467.56],
        "float_range": [5.134061119915637, 12.868274582775033, -5.497083442157705],
        "float_multiple_of_quarter": [4.25, 7.25, 0, 3],
        "float_0dp": [418.0, 721.0, 1.0, 303.0],
        "array_element": ["c", "d", "a", "b", "a", "a"],
        "uuid": [
            "6b042125-686a-43e0-8a68-23cf5bee102e",
            "6f8b5ad0-cfb4-4c17-9e44-20a3470929b1",
        ],
        "boolean": [True, False, True, True, True, True, True, True],
    },
    42: {
        "next": [0.3745401188473625, 0.9507143064099162, 0.7319939418114051],
        "int": [3373557479352566, 8563273192166996, 6593215287158609],
        "int_0_100": [37, 96, 73, 60, 15, 15],
        "int_neg50_50": [-13, 46, 23, 10, -35, -35],
        "int_multiple_of_7": [378, 952, 728, 602],
        "float_10000_2dp": [3745.4, 9507.15, 7319.94, 5986.59, 1560.18],
        "float_range": [4.050773030607743, 18.743214813452862, 13.165845516190831],
        "float_multiple_of_quarter": [3.75, 9.5, 7.5, 6],
        "float_0dp": [375.0, 951.0, 732.0, 599.0],
        "array_element": ["b", "e", "d", "c", "a", "a"],
        "uuid": [
            "5fb9220d-9b0f-4d32-a248-6492457c3890",
            "21ffc41a-7170-4e4a-9488-2fcfe9e13056",
        ],
        "boolean": [True, False, False, False, True, True, True, False],
    },
    -1: {
        "next": [0.0976320289940138, 0.9123828453026218, 0.78903530185164],
        "int": [879391138793732, 8218014084248241, 7106998182802425],
        "int_0_100": [9, 92, 79, 78, 1, 97],
        "int_neg50_50": [-41, 42, 29, 28, -49, 47],
        "int_multiple_of_7": [98, 910, 791, 777],
        "float_10000_2dp": [976.32, 9123.83, 7890.36, 7800.04, 179.39],
        "float_range": [-3.010383260652648, 17.765762555216856, 14.620400197216817],
        "float_multiple_of_quarter": [1, 9.25, 8, 7.75],
        "float_0dp": [98.0, 913.0, 790.0, 781.0],
        "array_element": ["a", "e", "d", "d", "a", "e"],
        "uuid": [
            "1ecc0f92-e8f6-452e-bde7-3f39c9098e17",
            "7c9005a5-217f-4a35-8bc4-a8fc29c66826",
        ],
        "boolean": [True, False, False, False, True, False, False, True],
    },
    -123456789: {
        "next": [0.13249446653543506, 0.16366150634723242, 0.49905760877649763],
        "int": [1193404060235276, 1474131798000580, 4495111321844491],
        "int_0_100": [13, 16, 50, 42, 62, 90],
        "int_neg50_50": [-37, -34, 0, -8, 12, 40],
        "int_multiple_of_7": [133, 168, 497, 420],
        "float_10000_2dp": [1324.94, 1636.61, 4990.58, 4222.04, 6149.06],
        "float_range": [-2.121391103346406, -1.326631588145573, 7.22596902380069],
        "float_multiple_of_quarter": [1.25, 1.5, 5, 4.25],
        "float_0dp": [133.0, 164.0, 500.0, 423.0],
        "array_element": ["a", "a", "c", "c", "d", "e"],
        "uuid": [
            "22769e16-34a2-4a04-ae09-b5f010ca0f10",
            "78530d02-c52c-4304-9589-f78bc664cd9f",
        ],
        "boolean": [True, True, True, True, False, False, True, True],
    },
    2147483647: {
        "next": [0.3933911315501387, 0.6566618430544519, 0.08629079684294616],
        "int": [3543352306920125, 5914684063376905, 777238401014791],
        "int_0_100": [39, 66, 8, 97, 62, 75],
        "int_neg50_50": [-11, 16, -42, 47, 12, 25],
        "int_multiple_of_7": [392, 658, 91, 959],
        "float_10000_2dp": [3933.91, 6566.62, 862.9, 9643.84, 6211.25],
        "float_range": [4.531473854528537, 11.244876997888522, -3.2995846805048727],
        "float_multiple_of_quarter": [4, 6.5, 0.75, 9.75],
        "float_0dp": [394.0, 657.0, 87.0, 965.0],
        "array_element": ["b", "d", "a", "e", "d", "d"],
        "uuid": [
            "6a1f9b1f-7282-4c70-874a-04ea6011d6b5",
            "0b4d44b6-5bba-4cc5-b911-9ca1ca36c0a2",
        ],
        "boolean": [True, False, True, False, False, False, True, False],
    },
    -2147483648: {
        "next": [0.15200287353446562, 0.8205427554297966, 0.7754982870984906],
        "int": [1369120169218128, 7390792095190384, 6985067593606440],
        "int_0_100": [15, 82, 78, 54, 34, 29],
        "int_neg50_50": [-35, 32, 28, 4, -16, -21],
        "int_multiple_of_7": [154, 819, 777, 539],
        "float_10000_2dp": [1520.03, 8205.43, 7754.99, 5410.72, 3421.58],
        "float_range": [-1.6239267248711267, 15.423840263459812, 14.27520632101151],
        "float_multiple_of_quarter": [1.5, 8.25, 7.75, 5.5],
        "float_0dp": [153.0, 821.0, 776.0, 542.0],
        "array_element": ["a", "e", "d", "c", "b", "b"],
        "uuid": [
            "2dc85467-0ad1-4213-a025-3f825e9175da",
            "0c7418ff-5490-4630-ac5d-b812f3d48f3e",
        ],
        "boolean": [True, False, False, False, True, True, True, True],
    },
    4294967303: {
        "next": [0.07630828937395717, 0.7799187922401146, 0.4384092314408935],
        "int": [687323967179667, 7024883964223655, 3948839302705987],
        "int_0_100": [7, 78, 44, 73, 98, 54],
        "int_neg50_50": [-43, 28, -6, 23, 48, 4],
        "int_multiple_of_7": [77, 777, 441, 721],
        "float_10000_2dp": [763.08, 7799.19, 4384.09, 7234.65, 9779.9],
        "float_range": [-3.554138620964092, 14.387929202122923, 5.679435401742785],
        "float_multiple_of_quarter": [0.75, 7.75, 4.25, 7.25],
        "float_0dp": [77.0, 780.0, 439.0, 724.0],
        "array_element": ["a", "d", "c", "d", "e", "c"],
        "uuid": [
            "1c7bf881-47ac-4614-8e37-e09f38e28ca7",
            "7575dc59-475a-457b-a6e2-b66a8601b8bf",
        ],
        "boolean": [True, False, True, False, False, False, False, True],
    },
    9007199254740991: {
        "next": [0.0976320289940138, 0.9123828453026218, 0.78903530185164],
        "int": [879391138793732, 8218014084248241, 7106998182802425],
        "int_0_100": [9, 92, 79, 78, 1, 97],
        "int_neg50_50": [-41, 42, 29, 28, -49, 47],
        "int_multiple_of_7": [98, 910, 791, 777],
        "float_10000_2dp": [976.32, 9123.83, 7890.36, 7800.04, 179.39],
        "float_range": [-3.010383260652648, 17.765762555216856, 14.620400197216817],
        "float_multiple_of_quarter": [1, 9.25, 8, 7.75],
        "float_0dp": [98.0, 913.0, 790.0, 781.0],
        "array_element": ["a", "e", "d", "d", "a", "e"],
        "uuid": [
            "1ecc0f92-e8f6-452e-bde7-3f39c9098e17",
            "7c9005a5-217f-4a35-8bc4-a8fc29c66826",
        ],
        "boolean": [True, False, False, False, True, False, False, True],
    },
    80127: {
        "next": [0.058704974566078816, 0.23567277784791574, 0.8492323950603223],
        "int": [528767403161174, 2122751668994486, 7649205395889243],
        "int_0_100": [5, 23, 85, 6, 8, 8],
        "int_neg50_50": [-45, -27, 35, -44, -42, -42],
        "int_multiple_of_7": [63, 238, 847, 70],
        "float_10000_2dp": [587.05, 2356.73, 8492.33, 668.96, 877.89],
        "float_range": [-4.00302314856499, 0.5096558351218512, 16.15542607403822],
        "float_multiple_of_quarter": [0.5, 2.25, 8.5, 0.5],
        "float_0dp": [59.0, 236.0, 850.0, 67.0],
        "array_element": ["a", "b", "e", "a", "a", "a"],
        "uuid": [
            "03d11133-b5c6-4c56-af66-07e826108704",
            "a882a40b-ee8f-4012-9f22-0523e1acc373",
        ],
        "boolean": [True, True, False, True, True, True, True, True],
    },
}


@pytest.mark.parametrize(
    ("seed", "call"),
    [(seed, call) for seed, rows in KNOWN.items() for call in rows],
)
def test_matches_node_faker(seed: int, call: str) -> None:
    faker = Faker(seed)
    expected = KNOWN[seed][call]
    assert [CALLS[call](faker) for _ in expected] == expected


def test_mixed_calls_share_one_stream() -> None:
    faker = Faker(-1)
    got = [
        faker.uuid(),
        faker.int(max=10),
        faker.float(max=10000, fraction_digits=2),
        faker.array_element([1, 2, 3]),
        faker.boolean(),
    ]
    assert got == ["1ecc0f92-e8f6-452e-bde7-3f39c9098e17", 5, 7873.48, 2, True]


def test_long_run_crosses_the_twist_boundary() -> None:
    # 624 words per twist and two words per draw: draw 312 is the first
    # one from a regenerated state.
    faker = Faker(-98765)
    values = [faker.int(max=1_000_000) for _ in range(700)]
    samples = {0: 850219, 310: 894598, 311: 448917, 312: 88875}
    samples |= {313: 808115, 623: 980989, 624: 581950, 699: 496228}
    assert {i: values[i] for i in samples} == samples
    assert sum(values) == 355742225


@settings(max_examples=25, deadline=None)
@given(seeds=st.lists(st.integers(-(2**31), 2**32 + 5), min_size=1, max_size=40), draws=st.integers(1, 700))
def test_primed_twisters_draw_what_unprimed_ones_do(seeds: list[int], draws: int) -> None:
    def stream(seed: int) -> list[float]:
        faker = Faker(seed)
        return [faker.next() for _ in range(draws)]

    faker_module._PRIMED.clear()
    before = [stream(seed) for seed in seeds]
    prime([*seeds, seeds[0]])  # a seed given twice is seeded once
    assert {faker_module._js_seed_to_uint32(s) for s in seeds} <= faker_module._PRIMED.keys()
    after = [stream(seed) for seed in seeds]
    faker_module._PRIMED.clear()
    assert after == before


def test_priming_keeps_only_the_last_callers_seeds() -> None:
    """A long-lived process renders spec after spec: the cache holds one's seeds."""
    faker_module._PRIMED.clear()
    try:
        prime([1, 2, 3])
        kept = faker_module._PRIMED[faker_module._js_seed_to_uint32(2)]
        prime([2, 4])
        assert faker_module._PRIMED.keys() == {faker_module._js_seed_to_uint32(s) for s in (2, 4)}
        assert faker_module._PRIMED[faker_module._js_seed_to_uint32(2)] is kept  # not seeded again
    finally:
        faker_module._PRIMED.clear()


def test_a_primed_twister_matches_node_across_the_twist_boundary() -> None:
    prime([-98765])
    try:
        test_long_run_crosses_the_twist_boundary()
    finally:
        faker_module._PRIMED.clear()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("GetSessionResponseBody", -1352144861),
        ("CreateSessionRequestBody", 909592215),
        ("", 0),
        ("a", 97),
        ("id", 3355),
        ("Pet", 80127),
        ("name", 3373707),
        ("ListPetsResponse", -1113472141),
        ("x" * 40, 847293440),
        ("émoji😀", -436919891),  # the emoji counts as two UTF-16 code units
    ],
)
def test_java_hash_code(name: str, expected: int) -> None:
    assert java_hash_code(name) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "GetSessionResponseBody",
            ["1009.44", "7683.25", "3996.32", "2465.75", "2688.21"]
            + ["6565.79", "3426.61", "3700", "4168.91"],
        ),
        (
            "CreateSessionRequestBody",
            ["789.62", "400.03", "5357.48", "2072.38", "4574.01"]
            + ["1378.73", "7450.28", "2974.44", "4764.38"],
        ),
    ],
)
def test_speakeasy_doc_sequences(name: str, expected: list[str]) -> None:
    faker = Faker(java_hash_code(name))
    got = [
        format_js_number(faker.float(max=10000, fraction_digits=2)) for _ in expected
    ]
    assert got == expected


def test_seed_is_taken_modulo_2_to_the_32() -> None:
    # faker applies JS bitwise operators (ToInt32) to the seed.
    assert Faker(2**32 + 7).uuid() == Faker(7).uuid()
    assert Faker(-1).next() == Faker(2**32 - 1).next()


def test_seed_is_rounded_to_a_double_first() -> None:
    # 2**53 + 1 has no JS number; node would have seeded with 2**53.
    assert Faker(2**53 + 1).next() == Faker(2**53).next()


def test_reseeding_restarts_the_sequence() -> None:
    faker = Faker(42)
    first = [faker.next() for _ in range(3)]
    faker.seed(42)
    assert [faker.next() for _ in range(3)] == first


def test_calls_without_choice_consume_no_draw() -> None:
    faker = Faker(0)
    assert faker.int(5, 5) == 5
    assert faker.array_element(["only"]) == "only"
    assert faker.boolean(1) is True
    assert faker.boolean(0) is False
    assert faker.next() == KNOWN[0]["next"][0]


def test_defaults() -> None:
    assert Faker(0).int() == KNOWN[0]["int"][0]
    assert Faker(0).int(max=MAX_SAFE_INTEGER) == KNOWN[0]["int"][0]
    assert Faker(0).float() == KNOWN[0]["next"][0]


@pytest.mark.parametrize(
    "call",
    [
        lambda f: f.int(10, 5),
        lambda f: f.int(1.2, 1.8),
        lambda f: f.int(0, 10, multiple_of=0),
        lambda f: f.float(2, 1),
        lambda f: f.float(0, 1, fraction_digits=-1),
        lambda f: f.float(0, 1, fraction_digits=23),  # V8's 10**-23 differs
        lambda f: f.float(0, 1, fraction_digits=2, multiple_of=0.5),
        lambda f: f.float(0, 1, multiple_of=-0.5),
        lambda f: f.array_element([]),
    ],
)
def test_invalid_options_raise(call: Callable[[Faker], Any]) -> None:
    with pytest.raises(ValueError):
        call(Faker(0))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0.0, "0"),
        (-0.0, "0"),
        (1.0, "1"),
        (-1.0, "-1"),
        (3700.0, "3700"),
        (5997.6, "5997.6"),
        (1009.44, "1009.44"),
        (0.5, "0.5"),
        (0.1 + 0.2, "0.30000000000000004"),
        (1 / 3, "0.3333333333333333"),
        (100.0, "100"),
        (1e20, "100000000000000000000"),
        (123456789012345680000.0, "123456789012345680000"),
        (1e21, "1e+21"),
        (-2.5e30, "-2.5e+30"),
        (1.7976931348623157e308, "1.7976931348623157e+308"),
        (9007199254740992.0, "9007199254740992"),
        (1e-6, "0.000001"),
        (1.2345e-6, "0.0000012345"),
        (1e-7, "1e-7"),
        (1.5e-7, "1.5e-7"),
        (1.23e-18, "1.23e-18"),
        (5e-324, "5e-324"),
        (float("nan"), "NaN"),
        (float("inf"), "Infinity"),
        (float("-inf"), "-Infinity"),
    ],
)
def test_format_js_number(value: float, expected: str) -> None:
    assert format_js_number(value) == expected
