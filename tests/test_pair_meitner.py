"""Rules found on the meitner-python pair (OAS 3.1 with 3.0-style
``nullable``, ``allOf`` copies, ``nameResolutionFeb2025``)."""

from __future__ import annotations

from pathlib import Path
from typing import cast

from conftest import spec_api

from generator import ir
from generator.config import Config
from generator.normalize.naming import COMPONENT, PARENT, NameSpec
from generator.normalize.symmetric import SymmetricRegistry


def _api(tmp_path: Path, text: str, feb2025: bool = True) -> ir.Api:
    return cast(ir.Api, spec_api(tmp_path, text, Config(name_resolution_feb2025=feb2025)))


def _names(api: ir.Api) -> set[str]:
    return {m.name.python for m in api.models}


# Two search operations whose filter -> equals|contains -> meta are all inline: the
# metas contest Meta and Root+Meta, then take their parent's final name.
_FILTER_BODY = """
          requestBody:
            content:
              application/json:
                schema:
                  type: object
                  properties:
                    filter:
                      type: object
                      properties:
                        equals: {type: object, properties: {meta: {type: object, properties: {x: {type: string}}}}}
                        contains: {type: object, properties: {meta: {type: object, properties: {y: {type: string}}}}}
          responses:
            "204": {description: ok}
"""
_SEARCH = """
    openapi: 3.1.0
    info: {title: t, version: "1"}
    paths:
      /a:
        post:
          operationId: searchA""" + _FILTER_BODY + """
      /b:
        post:
          operationId: searchB""" + _FILTER_BODY


def test_a_nested_model_takes_its_parents_final_name_past_root_and_base(tmp_path: Path) -> None:
    names = _names(_api(tmp_path, _SEARCH))
    # equals is SearchAEquals (root + base), so its meta is SearchAEqualsMeta:
    # the parent's final name, not root + every segment (SearchAFilterEqualsMeta)
    assert {"SearchAEquals", "SearchAContains", "SearchAEqualsMeta", "SearchAContainsMeta"} <= names
    assert not {"SearchAFilterEqualsMeta", "SearchAFilterMeta"} & names


def test_the_parent_form_follows_the_parents_resolution() -> None:
    reg = SymmetricRegistry()
    reg.place(NameSpec(key="p1", candidates=(("Equals",), ("AEquals",)), klass=COMPONENT, depth=1))
    reg.place(NameSpec(key="p2", candidates=(("Equals",), ("BEquals",)), klass=COMPONENT, depth=1))
    for key, parent in (("m1", "p1"), ("m2", "p2")):
        reg.place(NameSpec(key=key, candidates=(("Meta",), (PARENT, "Meta"), ("Static", key)),
                           klass=COMPONENT, depth=2, parent=parent))
    assert reg.finish() == {"p1": "AEquals", "p2": "BEquals", "m1": "AEqualsMeta", "m2": "BEqualsMeta"}


def test_a_parent_form_without_its_parent_is_skipped() -> None:
    reg = SymmetricRegistry()
    reg.place(NameSpec(key="m", candidates=((PARENT, "Meta"), ("Meta",)), klass=COMPONENT, depth=2, parent="gone"))
    assert reg.finish() == {"m": "Meta"}


# ---------------------------------------------------------------- dates


def test_python_doc_links_date_and_date_time_crosswise() -> None:
    from generator.render.markdown.types_cell import python_cell

    api = _api_stub()
    date = python_cell(api, ir.Primitive(kind="string", format="date"), required=False, nullable=True)
    stamp = python_cell(api, ir.Primitive(kind="string", format="date-time"))
    assert date == "[datetime](https://docs.python.org/3/library/datetime.html#datetime-objects)"
    assert stamp == "[date](https://docs.python.org/3/library/datetime.html#date-objects)"


def test_an_integer_with_format_date_is_an_int() -> None:
    from generator.render.markdown.types_cell import is_date, python_cell

    t = ir.Primitive(kind="integer", format="date")
    assert not is_date(t)
    assert python_cell(_api_stub(), t, required=False) == "*Optional[int]*"


def _api_stub() -> ir.Api:
    return None  # type: ignore[return-value]  # scalars never look a model up


def test_filter_is_renamed_but_type_and_id_are_not() -> None:
    from generator.render.python.fields import python_names

    fields = tuple(ir.Field(wire_name=w, type=ir.Primitive(kind="string"), required=True, nullable=False, origin="#")
                   for w in ("filter", "type", "id", "zip"))
    assert python_names(fields) == ["filter_", "type", "id", "zip"]


# ------------------------------------------------------- single-value enums

_ONE_VALUE = """
    openapi: 3.1.0
    info: {title: t, version: "1"}
    paths:
      /a:
        get:
          operationId: getA
          responses:
            "200":
              description: ok
              content: {application/json: {schema: {$ref: "#/components/schemas/Event"}}}
    components:
      schemas:
        EventType: {type: string, enum: [Delete]}
        EventKind: {type: string, enum: [Create, Delete]}
        Event:
          type: object
          properties:
            type: {allOf: [{$ref: "#/components/schemas/EventType"}], nullable: true}
            kind: {allOf: [{$ref: "#/components/schemas/EventKind"}], nullable: true}
            plain: {$ref: "#/components/schemas/EventType"}
            plain_kind: {$ref: "#/components/schemas/EventKind"}
            other: {$ref: "#/components/schemas/Other"}
        Other:
          type: object
          properties:
            type: {allOf: [{$ref: "#/components/schemas/EventType"}], nullable: true}
            kind: {allOf: [{$ref: "#/components/schemas/EventKind"}], nullable: true}
"""


def test_a_single_value_enum_out_of_names_takes_its_value(tmp_path: Path) -> None:
    names = _names(_api(tmp_path, _ONE_VALUE))
    # Type and Kind are contested, then the Event copies lose EventType /
    # EventKind to the components: the one of a single value says it, the
    # other is numbered
    assert {"EventType", "EventTypeDelete", "EventKind", "EventKind1", "OtherType"} <= names
    assert "EventType1" not in names


def test_without_the_flag_a_single_value_enum_is_numbered(tmp_path: Path) -> None:
    names = _names(_api(tmp_path, _ONE_VALUE, feb2025=False))
    assert "EventTypeDelete" not in names
