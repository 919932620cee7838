"""The two YAML readers (ryaml when it can, PyYAML otherwise) give the same
data, by YAML 1.2 rules; positions found by streaming equal those of the tree."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, shared_path
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.diagnostics import SpecError
from generator.loader.parse import parse_document
from generator.loader.positions import PositionIndex
from generator.loader.yaml_reader import UNREAD, SpecLoader, needs_pyyaml, read_fast

pytest.importorskip("ryaml")  # a dependency wherever it has a wheel; elsewhere PyYAML reads everything


def _pyyaml(text: str) -> object:
    return yaml.load(text, Loader=SpecLoader)


def _same(a: object, b: object) -> bool:
    """Equal values of equal types, NaN equal to NaN, keys in the same order."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        return (math.isnan(a) and math.isnan(b)) or a == b  # type: ignore[arg-type]
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)  # type: ignore[index]
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))  # type: ignore[arg-type]
    return a == b


# Characters that make plain scalars look like numbers, booleans or nulls.
_SCALAR = st.text(alphabet="0123456789_.eE+-xobXOBinfatruelsNTFL~", min_size=1, max_size=7)


@settings(max_examples=600, deadline=None)
@given(_SCALAR)
def test_a_plain_scalar_resolves_alike_in_both_readers(token: str) -> None:
    text = f"value: {token}\nlist: [{token}, x]\n"
    try:
        expected = _pyyaml(text)
    except yaml.YAMLError:
        return  # not a plain scalar (``- `` or ``: `` inside it): PyYAML reports it either way
    fast = read_fast(text)
    assert fast is UNREAD or _same(fast, expected), (token, fast, expected)


_DATA = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
    | st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=12),
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=8),
                      inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(_DATA, st.booleans(), st.sampled_from([20, 80, 1000]))
def test_a_document_reads_alike_in_both_readers(data: object, flow: bool, width: int) -> None:
    text = yaml.safe_dump({"root": data}, default_flow_style=flow, width=width, allow_unicode=True)
    fast = read_fast(text)
    assert fast is UNREAD or _same(fast, _pyyaml(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("enum: [NO, yes, on, Off, y]", {"enum": ["NO", "yes", "on", "Off", "y"]}),  # YAML 1.1 booleans are strings
        ("zip: 01234\noctal: 0o17\nhex: 0x1F\nbinary: 0b101", {"zip": "01234", "octal": 15, "hex": 31, "binary": 5}),
        ("a: 1e3\nb: 1.5\nc: .inf\nd: 1e400\ne: 1_000", {"a": 1000.0, "b": 1.5, "c": math.inf, "d": "1e400",
                                                         "e": "1_000"}),
        ("day: 2024-01-01\nat: 2024-01-01T10:00:00Z", {"day": "2024-01-01", "at": "2024-01-01T10:00:00Z"}),
        ("on: 1\n200: ok\nnull: x\ntrue: t", {"on": 1, 200: "ok", None: "x", True: "t"}),
    ],
)
def test_yaml_1_2_rules(text: str, expected: object) -> None:
    fast = read_fast(text)
    assert fast is not UNREAD and _same(fast, expected)
    assert _same(_pyyaml(text), expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("base: &b {x: 1, y: 2}\nd:\n  <<: *b\n  y: 3\n", {"base": {"x": 1, "y": 2}, "d": {"x": 1, "y": 3}}),
        ("a: 1\nb: 2\na: 3\n", {"a": 3, "b": 2}),  # duplicate keys: the last wins, where the first was
        ("big: 123456789012345678901234567890\n", {"big": 123456789012345678901234567890}),
        ("a: !!str 12\n", {"a": "12"}),
    ],
)
def test_what_ryaml_does_not_read_alike_goes_to_pyyaml(text: str, expected: object) -> None:
    data, _ = parse_document(text, "spec.yaml")
    assert _same(data, expected)


# The rule ``needs_pyyaml`` implements, as one regex (too slow on big specs).
_TAG_OR_MERGE = re.compile(r"<<[ \t]*:|[ \t\n\[{,]!(?![\s\[(=])|^!")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=" \t\n\r[]{}(),=!<:a\u00a0\u2028", max_size=12))
def test_the_tag_and_merge_key_scan_follows_its_rule(text: str) -> None:
    assert needs_pyyaml(text) == bool(_TAG_OR_MERGE.search(text))


@pytest.mark.parametrize(("text", "needed"), [
    ("a: !!str 12\n", True), ("!tag\n", True), ("a: [!x 1]\n", True), ("a: <<  : b\n", True),
    ("a: Hello!\n", False), ("a: ! x\n", False), ("! x\n", True), ("a: x != y\n", False), ("a: '!(x)'\n", False),
    ("a: !", True),
])
def test_texts_that_may_hold_a_tag_or_merge_key_go_to_pyyaml(text: str, needed: bool) -> None:
    assert needs_pyyaml(text) is needed


def test_an_unknown_tag_is_a_located_error_not_a_value() -> None:
    with pytest.raises(SpecError) as info:
        parse_document("openapi: 3.1.0\ninfo: !include info.yaml\n", "spec.yaml")
    (diagnostic,) = info.value.diagnostics
    assert diagnostic.code == "SG002" and diagnostic.span is not None and diagnostic.span.line == 2


def _pointers(node: object, here: str = "#") -> list[str]:
    found = [here]
    if isinstance(node, dict):
        for key, value in node.items():
            token = str(key).replace("~", "~0").replace("/", "~1")
            found += _pointers(value, f"{here}/{token}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _pointers(value, f"{here}/{index}")
    return found


@pytest.mark.parametrize("spec", ["sessions", "orq"])
def test_streamed_positions_equal_those_of_the_node_tree(spec: str) -> None:
    path = ROOT / "specs" / "sessions.yaml" if spec == "sessions" else shared_path("specs", "orq-2025-04-20.yaml")
    text = path.read_text(encoding="utf-8")
    data = read_fast(text)
    pointers = _pointers(data)
    tree = PositionIndex(text, "spec.yaml", yaml.compose(text, Loader=SpecLoader))
    # every pointer of the small spec; a deterministic spread of the large one
    sample = pointers if len(pointers) < 3000 else pointers[:: len(pointers) // 150]
    sample += ["#/no/such/key", "#/paths/0", "#/info/title/deeper", sample[-1]]
    for pointer in sample:
        streamed = PositionIndex(text, "spec.yaml")
        assert streamed.locate(pointer) == tree.locate(pointer), pointer
    # and all at once, in one pass
    assert PositionIndex(text, "spec.yaml").locate_all(sample) == [tree.locate(p) for p in sample]


def test_after_a_few_streamed_lookups_the_tree_is_composed_once(tmp_path: Path) -> None:
    text = "a:\n  b: 1\nc:\n  - x\n  - y\n"
    index = PositionIndex(text, "spec.yaml")
    spans = [index.locate(p) for p in ["#/a/b", "#/c/1", "#/a", "#/c/0", "#/c/1"]]
    assert [(s.line, s.column) for s in spans] == [(2, 6), (5, 5), (1, 1), (4, 5), (5, 5)]
    assert index._root is not None  # the last lookups walked the composed tree


_AWKWARD_KEYS = st.sampled_from(["a", "b", "200", "/v2/x", "a b", "x: y", "'q'", '"d"', "#h", "- s", "yes", "", "k~1",
                                 "é", "{f}", "[s]", "&anchor", "*alias", "!tag", "|", "null", "1e3", "a\\b"])
_BLOCK_DOCS = st.recursive(
    st.one_of(st.none(), st.integers(-5, 5), st.text(alphabet="ab :#-'\"\n", max_size=6)),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(_AWKWARD_KEYS, inner, max_size=4)),
    max_leaves=12,
)


@settings(max_examples=150, deadline=None)
@given(data=st.dictionaries(_AWKWARD_KEYS, _BLOCK_DOCS, min_size=1, max_size=4),
       flow=st.sampled_from([False, None]), indent=st.sampled_from([2, 4]))
def test_positions_found_in_a_block_of_the_text_equal_those_of_the_tree(data: dict[str, object], flow: bool | None,
                                                                         indent: int) -> None:
    text = yaml.safe_dump(data, default_flow_style=flow, indent=indent, allow_unicode=True, sort_keys=False)
    tree = PositionIndex(text, "spec.yaml", yaml.compose(text, Loader=SpecLoader))
    pointers = _pointers(yaml.safe_load(text)) + ["#/no/such", "#/a/b/c"]
    for pointer in pointers:
        assert PositionIndex(text, "spec.yaml").locate(pointer) == tree.locate(pointer), (pointer, text)
    assert PositionIndex(text, "spec.yaml").locate_all(pointers) == [tree.locate(p) for p in pointers]
