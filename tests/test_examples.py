"""TypeScript ``## Example Usage`` values (CONVENTIONS 3.4): the seeded value
rules and the prettier-like printing at width 80.  Expected texts are taken
from Speakeasy's orq docs."""

from __future__ import annotations

import pytest

from generator import ir
from generator.render.markdown.examples import Examples, json_value
from generator.render.markdown.printer import (
    JsArray, JsObject, JsScalar, JsValue, js_string, print_declaration, print_value,
)

STR = ir.Primitive(kind="string")
NUM = ir.Primitive(kind="number")


def _api(*models: ir.Model) -> ir.Api:
    return ir.Api(title="t", version="1", description=None, servers=(), security_schemes=(),
                  operations=(), models=models)


def _model(name: str, body: ir.ModelBody, ns: str = "operations") -> ir.Model:
    return ir.Model(id=f"#/{name}", name=ir.ModelName(python=name, typescript=name, ts_namespace=ns),  # type: ignore[arg-type]
                    body=body, role="response", owner="Op")


def _field(name: str, t: ir.TypeExpr, required: bool = True, **kw: object) -> ir.Field:
    return ir.Field(wire_name=name, type=t, required=required, nullable=False, origin="#/x", **kw)  # type: ignore[arg-type]


def _example(api: ir.Api, name: str) -> str:
    value = Examples(api).for_model(api.model(f"#/{name}"))
    assert value is not None
    return print_declaration("let", name, value)


# ---------------------------------------------------------------- values


def test_values_follow_field_order_and_name_rules() -> None:
    purpose = _model("FileListPurpose", ir.Enum(values=("retrieval", "knowledge_datasource", "batch")))
    data = _model("FileListData", ir.Object(fields=(
        _field("_id", STR),
        _field("object_name", STR),
        _field("purpose", ir.Ref(model="#/FileListPurpose")),
        _field("bytes", NUM),
        _field("file_name", STR),
        _field("workspace_id", ir.Primitive(kind="string", format="uuid")),
        _field("created", ir.Primitive(kind="string", format="date-time"), required=False),
    )))
    assert _example(_api(purpose, data), "FileListData") == (
        "let value: FileListData = {\n"
        '  id: "<id>",\n'
        '  objectName: "<value>",\n'
        '  purpose: "batch",\n'
        "  bytes: 2675.81,\n"
        '  fileName: "example.file",\n'
        '  workspaceId: "ef401016-bc57-40ab-9240-c4489e6f2024",\n'
        "};"
    )


def test_integer_draw_ignores_bounds() -> None:
    api = _api(_model("Feedback", ir.Object(fields=(_field("score", ir.Primitive(kind="integer")),))))
    assert _example(api, "Feedback") == "let value: Feedback = {\n  score: 57398,\n};"


def test_optional_fields_only_with_an_example_below_them() -> None:
    inner = _model("Inner", ir.Object(fields=(_field("path", STR, required=False, example=ir.Json("a/b")),)))
    outer = _model("Outer", ir.Object(fields=(
        _field("note", STR, required=False),
        _field("inner", ir.Ref(model="#/Inner"), required=False),
        _field("tags", ir.Map(values=STR)),
        _field("on", ir.Primitive(kind="boolean")),
    )))
    assert _example(_api(inner, outer), "Outer") == (
        "let value: Outer = {\n"
        "  inner: {\n"
        '    path: "a/b",\n'
        "  },\n"
        "  tags: {\n"
        '    "key": "<value>",\n'
        "  },\n"
        "  on: false,\n"
        "};"
    )


def test_defaults_show_only_for_objects_reached_through_a_union() -> None:
    tool = _model("Tool", ir.Object(fields=(_field("_id", STR, required=False, default=ir.Json("tool_1")),
                                            _field("key", STR))))
    union = _model("AnyTool", ir.Union(members=(ir.UnionMember(type=ir.Ref(model="#/Tool"), origin="#/0"),)))
    holder = _model("Holder", ir.Object(fields=(_field("tool", ir.Ref(model="#/AnyTool")),)))
    api = _api(tool, union, holder)
    assert '    id: "tool_1",\n    key: "<key>",' in _example(api, "Holder")
    assert "tool_1" not in _example(api, "Tool")


def test_union_member_example_and_heading_seed() -> None:
    member = ir.UnionMember(type=ir.Array(items=STR), origin="#/0", example=ir.Json(["completed", "failed"]))
    api = _api(_model("Status", ir.Union(members=(member,))))
    examples = Examples(api)
    assert print_declaration("const", "string[]", examples.for_union_member("string[]", member)) == (
        'const value: string[] = [\n  "completed",\n  "failed",\n];'
    )
    plain = ir.UnionMember(type=NUM, origin="#/1")
    assert print_value(examples.for_union_member("number", plain), 0) == "1284.03"


def test_binary_content_means_no_example() -> None:
    api = _api(_model("Upload", ir.Object(fields=(_field("file", ir.Primitive(kind="string", format="binary")),))))
    assert Examples(api).for_model(api.model("#/Upload")) is None


def test_json_values() -> None:
    value = json_value({"a": [1, 2.5, True, None]})
    assert print_value(value, 0) == '{\n  "a": [\n    1,\n    2.5,\n    true,\n    null,\n  ],\n}'


# -------------------------------------------------------------- printing


def _obj(**entries: JsValue) -> JsObject:
    return JsObject(tuple(entries.items()))


def test_empty_containers_stay_on_one_line() -> None:
    assert print_declaration("let", "Security", JsObject(())) == "let value: Security = {};"
    assert print_value(JsArray(()), 4) == "[]"


def test_long_property_breaks_after_the_colon() -> None:
    words = "westernise often amongst misappropriate duh zesty what shampoo cross"
    text = print_declaration("let", "X", _obj(description=js_string(words)))
    assert text == f'let value: X = {{\n  description:\n    "{words}",\n}};'


def test_short_keys_never_break() -> None:
    url = "https://" + "a" * 80
    assert f'  url: "{url}",' in print_declaration("let", "X", _obj(url=js_string(url)))


def test_property_of_exactly_80_columns_stays() -> None:
    value = "v" * (80 - len('  description: "",'))
    line = print_declaration("let", "X", _obj(description=js_string(value))).splitlines()[1]
    assert len(line) == 80 and line.startswith("  description: ")


@pytest.mark.parametrize(("keyword", "type_text", "value", "expected"), [
    ("let", "DeploymentCreateMetric2DeploymentsMetricsRequestRequestBodyType", js_string("text"),
     'let value: DeploymentCreateMetric2DeploymentsMetricsRequestRequestBodyType =\n  "text";'),
    ("let", "DeploymentCreateMetric2DeploymentsMetricsRequestRequestBodyChoices3ContentType",
     js_string("input_audio"),
     'let value:\n  DeploymentCreateMetric2DeploymentsMetricsRequestRequestBodyChoices3ContentType =\n'
     '    "input_audio";'),
    ("let", "PostV2TracesSessionsCountHideOperatorsRequestRequestBodyQueryFilters63", js_string("is"),
     'let value:\n  PostV2TracesSessionsCountHideOperatorsRequestRequestBodyQueryFilters63 = "is";'),
    ("const", "operations.DeploymentCreateMetric2DeploymentsMetricsRefusalContentPart",
     _obj(type=js_string("refusal"), refusal=js_string("<value>")),
     "const value:\n  operations.DeploymentCreateMetric2DeploymentsMetricsRefusalContentPart = {\n"
     '    type: "refusal",\n    refusal: "<value>",\n  };'),
    ("const", "operations.DeploymentCreateMetricContentDeploymentsMetricsRequestRequestBody2[]",
     JsArray((_obj(type=js_string("refusal")),)),
     "const value:\n  operations.DeploymentCreateMetricContentDeploymentsMetricsRequestRequestBody2[] =\n"
     '    [\n      {\n        type: "refusal",\n      },\n    ];'),
    ("const", "operations.CreateMemoryStoreModel4", js_string("cohere/embed-english-v3.0"),
     'const value: operations.CreateMemoryStoreModel4 = "cohere/embed-english-v3.0";'),
])
def test_declaration_breaks_like_prettier(keyword: str, type_text: str, value: JsValue, expected: str) -> None:
    assert print_declaration(keyword, type_text, value) == expected


def test_strings_prefer_double_quotes() -> None:
    assert js_string('say "hi"').text == "'say \"hi\"'"
    assert js_string("it's").text == '"it\'s"'
    assert js_string("a\nb").text == '"a\\nb"'
    assert js_string("naïve").text == '"naïve"'


def test_scalars_print_verbatim() -> None:
    assert print_value(JsScalar("3700"), 8) == "3700"


def test_snippet_sizes_are_drawn_inside_the_request_and_one_at_the_top() -> None:
    """Operation snippets (docs/sdks): prompts.create in Speakeasy's orq docs
    has 3 messages of which one holds 3 content parts, tools.create a map with
    key/key1; flattened Python arguments always hold one entry."""
    from generator.examples.faker_data import FakerData
    from generator.render.markdown.usage import Draw, Mapping, Scalar, Seq

    tags = _field("tags", ir.Map(values=STR))
    labels = _field("labels", ir.Array(items=STR))
    api = _api(_model("Tagged", ir.Object(fields=(labels, tags))))
    examples = Examples(api, FakerData(None, "no data"))
    one = Scalar("<value>")
    # faker.number.int({min: 1, max: 3}) seeded with "tag" gives 3, 2, 3, 1.
    nested = Draw(api, examples, "tag").value(ir.Ref(model="#/Tagged"), "")
    assert [value for _, value in nested.entries] == [  # type: ignore[union-attr]
        Seq((one, one, one)), Mapping((("key", one), ("key1", one))),
    ]
    top = Draw(api, examples, "tag")
    assert (top.field(labels), top.field(tags)) == (Seq((one,)), Mapping((("key", one),)))
