"""Words, candidate lists and the naming registry (CONVENTIONS.md 2)."""

from __future__ import annotations

from hypothesis import given, strategies as st

from generator.normalize.context import Slot, seg
from generator.normalize.naming import COMPONENT, REQUEST, RESPONSE, NameSpec, Registry
from generator.words import camel, pascal, snake, spell_number, split_words


def test_split_words_rules() -> None:
    assert split_words("photoRealVersion") == ("photo", "Real", "Version")
    assert split_words("ABCDef") == ("ABC", "Def")
    assert split_words("_id") == ("id",)
    assert split_words("Translation (document)") == ("Translation", "document")
    assert split_words("v2Api") == ("v2", "Api")


@given(st.text(alphabet="aAbBzZ09xXyY", max_size=12))
def test_ascii_words_split_as_the_per_character_rules_do(chunk: str) -> None:
    from generator.words import _split_chunk, _split_chunk_by_char

    assert _split_chunk(chunk) == (_split_chunk_by_char(chunk) if chunk else [])


def test_cases() -> None:
    assert pascal("prefix_messages") == "PrefixMessages"
    assert pascal("photoRealVersion") == "PhotoRealVersion"
    assert snake("lastId") == "last_id"
    assert camel("external_id") == "externalId"
    assert pascal("post /v2/traces/sessions/count") == "PostV2TracesSessionsCount"


def test_spell_number() -> None:
    assert [spell_number(n) for n in (2, 10, 17, 42, 100, 1234)] == [
        "Two", "Ten", "Seventeen", "FortyTwo", "OneHundred", "OneThousandTwoHundredThirtyFour"]


def _slot(**kw: object) -> Slot:
    base = dict(root="R", klass=REQUEST, role="request", owner="R", namespace="operations", request=True, base="B")
    base.update(kw)
    return Slot(**base)  # type: ignore[arg-type]


def test_candidates_follow_b_p_r_e_order() -> None:
    filters = seg("Filters")
    slot = _slot(base="Operator", union_base="Filters", union_seg=filters,
                 segments=(seg("Request"), seg("RequestBody"), seg("Query"), filters, seg("8")))
    names = ["".join(c) for c in slot.candidates()]
    assert names == ["Operator", "FiltersOperator", "RFiltersOperator", "RFiltersRequestOperator",
                     "RFiltersRequestRequestBodyOperator", "RFiltersRequestRequestBodyQueryOperator",
                     "RFiltersRequestRequestBodyQuery8Operator"]


def test_root_candidates() -> None:
    slot = _slot(base="ResponseBody", root_prefix=("Prompts", "Response", "404"))
    assert ["".join(c) for c in slot.candidates()] == [
        "RResponseBody", "RPromptsResponseBody", "RPromptsResponseResponseBody", "RPromptsResponse404ResponseBody"]


def _spec(key: str, *names: str, klass: int = REQUEST, depth: int = 0) -> NameSpec:
    return NameSpec(key=key, candidates=tuple((n,) for n in names), klass=klass, depth=depth)


def test_first_free_candidate_and_case_insensitive_collisions() -> None:
    reg = Registry()
    reg.place(_spec("a", "Usage", "CreateUsage"))
    reg.place(_spec("b", "usage", "GetUsage"))
    assert reg.finish() == {"a": "Usage", "b": "GetUsage"}


def test_higher_priority_displaces_and_cascades() -> None:
    reg = Registry()
    reg.place(_spec("req", "Role", "ARole", "BRole"))
    reg.place(_spec("resp", "ARole", "CRole", klass=RESPONSE))
    reg.place(_spec("comp", "Role", klass=COMPONENT))
    # comp takes Role; req moves to ARole and displaces the response there.
    assert reg.finish() == {"req": "ARole", "resp": "CRole", "comp": "Role"}


def test_depth_ranks_within_responses_only() -> None:
    reg = Registry()
    reg.place(_spec("deep", "Item", "DeepItem", klass=RESPONSE, depth=3))
    reg.place(_spec("shallow", "Item", "ShallowItem", klass=RESPONSE, depth=1))
    reg.place(_spec("req1", "Body", "Req1Body", klass=REQUEST, depth=3))
    reg.place(_spec("req2", "Body", "Req2Body", klass=REQUEST, depth=1))
    assert reg.finish() == {"deep": "DeepItem", "shallow": "Item", "req1": "Body", "req2": "Req2Body"}


def test_deferred_fallbacks_resolve_in_reverse_with_numbering() -> None:
    reg = Registry()
    reg.place(NameSpec(key="x", candidates=(("Filters", "7"),), klass=REQUEST))
    reg.place(NameSpec(key="y", candidates=(("Filters", "7"),), klass=REQUEST))
    reg.place(_spec("p", "Hide"))
    reg.place(_spec("q", "Hide"))
    reg.place(_spec("r", "Hide"))
    names = reg.finish()
    assert names["y"] == "Filters8"
    assert (names["r"], names["q"]) == ("Hide1", "Hide2")  # reverse order


def test_reserved_sdk_names_block_operations_but_not_components() -> None:
    reg = Registry(reserved=("Tools", "Deployments"))
    reg.place(_spec("op", "Tools", "GetTools"))
    reg.place(_spec("comp", "Deployments", klass=COMPONENT))
    assert reg.finish() == {"op": "GetTools", "comp": "Deployments"}
    assert reg.reserved_name_taken_by_model("Deployments")
    assert not reg.reserved_name_taken_by_model("Tools")


@given(st.lists(st.sampled_from(["A", "a", "B", "AB", "Ab", "C1"]), min_size=1, max_size=30),
       st.lists(st.sampled_from([COMPONENT, REQUEST, RESPONSE]), min_size=30, max_size=30))
def test_names_are_unique_case_insensitively(bases: list[str], classes: list[int]) -> None:
    reg = Registry()
    for i, base in enumerate(bases):
        reg.place(_spec(f"k{i}", base, "X" + base, klass=classes[i]))
    names = reg.finish()
    assert len(names) == len(bases)
    assert len({n.lower() for n in names.values()}) == len(bases)


def test_a_name_built_with_a_leading_digit_is_spelled_for_both_targets() -> None:
    # a constant or value can start a name (hostile specs do); a class cannot
    from generator.normalize.target_names import python_model_name, typescript_model_name

    assert python_model_name("0PwnedCell") == "ZeroPwnedCell"
    assert typescript_model_name("3dModel") == "ThreeDModel"
    assert python_model_name("ImageUrl") == "ImageURL"


def test_an_array_item_keeps_its_parents_place() -> None:
    slot = Slot(root="R", klass=COMPONENT, role="component", owner="", namespace="components", request=False, base="B")
    assert slot.item().array_item and slot.item().base == "B"
