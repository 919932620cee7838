"""TypeScript ``## Example Usage`` values (CONVENTIONS 3.4): the seeded value
rules and the prettier-like printing at width 80.  Expected texts are taken
from Speakeasy's orq docs."""

from __future__ import annotations

from pathlib import Path

import pytest
from msgspec import structs
from conftest import spec_api

from generator import ir
from generator.render.markdown.examples import Examples
from generator.render.markdown.typed_examples import json_value
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
    value = Examples(api, newer=False).for_model(api.model(f"#/{name}"))
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


def test_date_field_examples_print_as_dates() -> None:
    # lapyme ReportPeriod: ``format: date`` with ``example: "2026-01-01"``
    period = _model("ReportPeriod", ir.Object(fields=(
        _field("start_date", ir.Primitive(kind="string", format="date"), example=ir.Json("2026-01-01")),
        _field("note", STR, example=ir.Json("2026-01-01")),
    )))
    assert _example(_api(period), "ReportPeriod") == (
        "let value: ReportPeriod = {\n"
        '  startDate: new Date("2026-01-01"),\n'
        '  note: "2026-01-01",\n'
        "};"
    )


def test_apart_object_union_members_print_their_own_doc() -> None:
    # lapyme 1.768 Selection: the SelectionSpecific snippet repeats that doc's uuids
    specific = _model("SelectionSpecific", ir.Object(fields=(
        _field("ids", ir.Array(items=ir.Primitive(kind="string", format="uuid"))),)), ns="")
    member = ir.UnionMember(type=ir.Ref(model="#/SelectionSpecific"), origin="#/x")
    selection = _model("Selection", ir.Union(members=(member,)), ns="")
    examples = Examples(_api(specific, selection))
    assert examples.for_union_member("models.SelectionSpecific", member) == examples.for_model(specific)


def test_apart_arrays_with_an_example_below_hold_that_example() -> None:
    # lapyme 1.768 SalesReportRequest.dimensions: anyOf [enum, string with an
    # example] prints one item, the example, where other arrays draw a size
    kinds = _model("Kind", ir.Enum(values=("date", "week", "month")), ns="")
    union = _model("Dimension", ir.Union(members=(
        ir.UnionMember(type=ir.Ref(model="#/Kind"), origin="#/a"),
        ir.UnionMember(type=STR, origin="#/b", example=ir.Json("product_metafield:season")),
    )), ns="")
    request = _model("SalesReportRequest", ir.Object(fields=(
        _field("dimensions", ir.Array(items=ir.Ref(model="#/Dimension"))),)), ns="")
    value = Examples(_api(kinds, union, request)).for_model(request)
    assert value is not None
    assert print_declaration("let", "SalesReportRequest", value, True) == (
        "let value: SalesReportRequest = {\n"
        "  dimensions: [\n"
        '    "product_metafield:season",\n'
        "  ],\n"
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
    examples = Examples(api, newer=False)
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


def test_strings_are_double_quoted_even_with_double_quotes_inside() -> None:
    assert js_string('say "hi"').text == '"say \\"hi\\""'
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


# ------------------------------------------------------------------ newer rules
# Speakeasy 1.6xx+: expected texts from its mistral and openrouter docs.

INT = ir.Primitive(kind="integer")


def _newer(api: ir.Api, name: str) -> str:
    # mistral's and openrouter's versions: objects not yet remembered across docs
    value = Examples(api, apart=False).for_model(api.model(f"#/{name}"))
    assert value is not None
    return print_declaration("let", name, value, short_keys_break=True)


def test_newer_rules_draw_booleans() -> None:
    page = _model("Pagination", ir.Object(fields=tuple(
        _field(n, INT) for n in ("totalItems", "totalPages", "currentPage", "pageSize")
    ) + (_field("hasMore", ir.Primitive(kind="boolean")),)))
    holder = _model("ListDocumentOut", ir.Object(fields=(_field("pagination", ir.Ref(model="#/Pagination")),)))
    api = _api(page, holder)
    assert "    hasMore: true,\n" in _newer(api, "ListDocumentOut")
    assert "    hasMore: false,\n" in _example(api, "ListDocumentOut")  # 1.535: always false, no draw


def test_newer_rules_toss_a_coin_for_an_object_array() -> None:
    image = _model("OCRImageObject", ir.Object(fields=(_field("id", STR),)))
    dims = _model("Dims", ir.Object(fields=(_field("dpi", INT), _field("height", INT), _field("width", INT))))
    page = _model("OCRPageObject", ir.Object(fields=(
        _field("index", INT), _field("markdown", STR),
        _field("images", ir.Array(items=ir.Ref(model="#/OCRImageObject"))), _field("dimensions", ir.Ref(model="#/Dims")),
    )))
    # the coin at 0.39 empties ``images``; the next draws fill ``dimensions``
    assert _newer(_api(image, dims, page), "OCRPageObject") == (
        "let value: OCRPageObject = {\n  index: 355599,\n  markdown: \"<value>\",\n  images: [],\n"
        "  dimensions: {\n    dpi: 466391,\n    height: 225573,\n    width: 229870,\n  },\n};"
    )


def test_mistral_rules_fill_scalar_arrays_of_a_drawn_size() -> None:
    refs = _model("ReferenceChunk", ir.Object(fields=(_field("reference_ids", ir.Array(items=INT)),)))
    loc = ir.Union(members=(ir.UnionMember(type=STR, origin="#/0"), ir.UnionMember(type=INT, origin="#/1")))
    error = _model("ValidationError", ir.Object(fields=(
        _field("loc", ir.Array(items=ir.Ref(model="#/Loc"))), _field("msg", STR))))
    api = _api(refs, _model("Loc", loc), error)
    # size 0 at 0.15 (faker.number.int({min: 0, max: 3}))
    assert _newer(api, "ReferenceChunk") == "let value: ReferenceChunk = {\n  referenceIds: [],\n};"
    # a union's items toss the coin like objects: one item at 0.70, the integer member
    assert _newer(api, "ValidationError") == (
        'let value: ValidationError = {\n  loc: [\n    929957,\n  ],\n  msg: "<value>",\n};')
    member = ir.UnionMember(type=ir.Array(items=INT), origin="#/1")
    value = Examples(_api(_model("Ids", ir.Union(members=(member,)))), apart=False).for_union_member("number[]", member)
    assert print_value(value, 0) == "[\n  339048,\n  133621,\n  943799,\n]"  # size 3 at 0.99


def test_newest_rules_print_other_scalar_arrays_empty() -> None:
    refs = _model("Agent", ir.Object(fields=(_field("versions", ir.Array(items=INT)), _field("version", INT))))
    value = Examples(_api(refs)).for_model(refs)
    # lapyme's 1.768: the size (1 at 0.26) is drawn and the array printed empty
    assert print_value(value, 0) == "{\n  versions: [],\n  version: 881139,\n}"  # type: ignore[arg-type]


def test_newer_rules_number_string_placeholders() -> None:
    member = ir.UnionMember(type=ir.Array(items=STR), origin="#/1")
    api = _api(_model("Stop", ir.Union(members=(ir.UnionMember(type=STR, origin="#/0"), member))))
    value = Examples(api).for_union_member("string[]", member)
    assert print_value(value, 0) == '[\n  "<value 1>",\n  "<value 2>",\n]'


def test_newer_rules_map_sizes_are_drawn() -> None:
    for name, keys in (("ReferenceChunk", ""), ("Tags", '"key", "key1"'), ("Params", '"key", "key1", "key2"')):
        api = _api(_model(name, ir.Object(fields=(_field("parameters", ir.Map(values=STR)),))))
        shown = [line.split(":")[0].strip() for line in _newer(api, name).splitlines() if '"key' in line]
        # faker.number.int({min: 0, max: 3}): 0 for "ReferenceChunk", 2 for "Tags", 3 for "Params"
        assert ", ".join(shown) == keys


def test_newer_rules_take_urls_from_url_names_also_through_unions() -> None:
    from generator.examples.faker_data import FakerData

    tables = {"word": {"adjective": ["big"], "noun": ["cat"]}, "domain_suffix": ["com"]}
    image = _model("ImageURL", ir.Object(fields=(_field("url", STR),)))
    either = _model("ImageUrlUnion", ir.Union(members=(ir.UnionMember(type=STR, origin="#/0"),)))
    chunk = _model("Chunk", ir.Object(fields=(_field("documentUrl", STR), _field("imageUrl", ir.Ref(model="#/ImageUrlUnion")))))
    api = _api(image, either, chunk)
    newer = Examples(api, FakerData(tables)).for_model(api.model("#/Chunk"))
    older = Examples(api, FakerData(tables), newer=False).for_model(api.model("#/Chunk"))
    assert [print_value(v, 0).strip('"').rstrip("/") for _, v in newer.entries] == ["https://big-cat.com"] * 2  # type: ignore[union-attr]
    assert [print_value(v, 0) for _, v in older.entries] == ['"<value>"'] * 2  # type: ignore[union-attr]


def test_contact_strings_are_drawn_by_field_name() -> None:
    from generator.examples.faker_data import FakerData

    tables = {"phone_number": {"format": {"human": ["!#-#"]}}, "location": {"postcode": ["#####"]},
              "company": {"name_pattern": ["{{company.legal_entity_type}}"], "legal_entity_type": ["LLC"]}}
    model = _model("Supplier", ir.Object(fields=(
        _field("phone", STR), _field("postalCode", STR), _field("companyName", STR), _field("notes", STR))))
    api = _api(model)
    value = Examples(api, FakerData(tables)).for_model(model)
    # draws 0.77 (! is 2-9: 8), 0.98, 0.39; then 0.51, 0.02, 0.68, 0.67, 0.89
    assert [print_value(v, 0) for _, v in value.entries] == [  # type: ignore[union-attr]
        '"89-3"', '"50668"', '"LLC"', '"<value>"']
    # without the tables: placeholders, and no draw taken
    assert [print_value(v, 0) for _, v in Examples(api, FakerData(None, "x")).for_model(model).entries] == [  # type: ignore[union-attr]
        '"<value>"'] * 4


def test_newer_rules_follow_compat_version() -> None:
    from generator.config import Config
    from generator.render.markdown.examples import newer_rules

    assert newer_rules(Config()) and newer_rules(Config(compat_version="1.642.2"))
    assert not newer_rules(Config(compat_version="1.535.1"))


def test_short_keys_break_in_the_newer_layout() -> None:
    key = "sk-or-v1-" + "0" * 66
    text = print_declaration("let", "X", _obj(hash=js_string(key)), short_keys_break=True)
    assert f'  hash:\n    "{key}",' in text


def test_newer_rules_leave_out_required_fields_with_a_default() -> None:
    tokens = _field("promptTokens", INT, default=ir.Json(0))
    api = _api(_model("UsageInfo", ir.Object(fields=(tokens,))))
    assert _newer(api, "UsageInfo") == "let value: UsageInfo = {};"
    assert _example(api, "UsageInfo").startswith("let value: UsageInfo = {\n  promptTokens: ")


# ------------------------------------------------------------ newest rules
# Speakeasy 1.768: expected values from its lapyme docs.

UUID = ir.Primitive(kind="string", format="uuid")
BOOL = ir.Primitive(kind="boolean")


def _newest(api: ir.Api, name: str, examples: Examples | None = None) -> str:
    value = (examples or Examples(api)).for_model(api.model(f"#/{name}"))
    assert value is not None
    return print_declaration("let", name, value, short_keys_break=True)


def _nullable(name: str, t: ir.TypeExpr) -> ir.Field:
    return ir.Field(wire_name=name, type=t, required=True, nullable=True, origin="#/x")


def test_nullable_fields_draw_whether_they_are_null() -> None:
    balance = _model("NormalBalance", ir.Enum(values=("debit", "credit")))
    account = _model("ApiAccountingAccount", ir.Object(fields=(
        _field("id", UUID), _nullable("code", STR), _field("normalBalance", ir.Ref(model="#/NormalBalance")),
        _nullable("systemRole", STR), _field("isActive", BOOL), _field("isPostable", BOOL),
        _nullable("parentId", UUID),
    )))
    category = _model("ApiSharedObjectd8582ce697", ir.Object(fields=(_field("id", UUID), _nullable("parentId", UUID))))
    api = _api(balance, account, category)
    assert _newest(api, "ApiAccountingAccount").endswith(
        '  normalBalance: "credit",\n  systemRole: "<value>",\n  isActive: true,\n  isPostable: false,\n'
        '  parentId: "5752ef01-9633-444a-a527-60de51d997ad",\n};')  # three more draws (0.23, 0.29, 0.31): not null
    assert _newest(api, "ApiSharedObjectd8582ce697").endswith("  parentId: null,\n};")  # drew 0.0745
    assert "null" not in _example(api, "ApiSharedObjectd8582ce697")  # 1.535: no draw


def test_untyped_array_items_print_numbered_placeholders() -> None:
    api = _api(_model("Warned", ir.Object(fields=(_field("warnings", ir.Array(items=ir.Any())),))))
    assert '"<value 1>"' in _newest(api, "Warned")


def test_object_arrays_toss_a_coin_for_one_item() -> None:
    category = _model("Category", ir.Object(fields=(_field("name", STR),)))
    listing = _model("ApiCategoryListResponse", ir.Object(fields=(
        _field("requestId", STR), _field("data", ir.Array(items=ir.Ref(model="#/Category"))),
        _field("hasMore", BOOL), _nullable("nextCursor", STR),
    )))
    assert _newest(_api(category, listing), "ApiCategoryListResponse") == (
        'let value: ApiCategoryListResponse = {\n  requestId: "<id>",\n  data: [],\n  hasMore: true,\n'
        "  nextCursor: null,\n};"  # the coin (0.46) came up heads: empty
    )


def test_object_fields_are_remembered_across_docs_and_take_no_draw() -> None:
    account = _model("Account", ir.Object(fields=(_field("id", UUID),)))
    first = _model("First", ir.Object(fields=(_field("account", ir.Ref(model="#/Account")),)))
    line = _model("ApiSharedObject136b444e9e", ir.Object(fields=(
        _field("id", UUID), _field("account", ir.Ref(model="#/Account")), _field("debit", INT),
    )))
    other = _model("Other", ir.Object(fields=(_field("owner", ir.Ref(model="#/Account")),)))
    api = _api(account, first, line, other)
    examples = Examples(api)
    shared = _newest(api, "First", examples).split("account: ")[1].split("\n  },")[0]
    text = _newest(api, "ApiSharedObject136b444e9e", examples)
    assert shared in text and "  debit: 940952,\n" in text  # the draw right after the id's
    assert shared not in _newest(api, "Other", examples)  # another field name draws its own
    assert "940952" not in _newest(api, "ApiSharedObject136b444e9e", Examples(api, apart=False))


def test_operation_docs_draw_remembered_objects_before_shared_models() -> None:
    account = _model("Account", ir.Object(fields=(_field("id", UUID),)), ns="components")
    line = _model("Line", ir.Object(fields=(_field("account", ir.Ref(model="#/Account")),)), ns="components")
    ledger = _model("GetLedger", ir.Object(fields=(_field("account", ir.Ref(model="#/Account")),)))
    api = _api(account, line, ledger)  # the shared model comes first in the spec
    drawn = _newest(api, "GetLedger").split("account: ")[1]
    assert drawn.startswith("{\n    id: \"") and drawn in _newest(api, "Line")
    alone = _api(account, line)
    assert _newest(alone, "Line").split("account: ")[1] != drawn  # Line's own stream otherwise


def test_remembered_array_items_are_kept_apart_from_fields_of_the_same_name() -> None:
    price = _model("PriceList", ir.Object(fields=(_field("id", UUID),)), ns="components")
    listing = _model("List", ir.Object(fields=(_field("data", ir.Array(items=ir.Ref(model="#/PriceList"))),)))
    detail = _model("Detail", ir.Object(fields=(_field("data", ir.Ref(model="#/PriceList")),)))
    api = _api(price, listing, detail)  # the list's doc is drawn first
    examples = Examples(api)
    listed = _newest(api, "List", examples).split('id: "')[1][:36]  # the coin gave one item
    assert listed not in _newest(api, "Detail", examples)  # the field draws its own


def _op(name: str, group: str) -> ir.Operation:
    return ir.Operation(id=f"#/{name}", name=name, operation_id=name, method="get", path="/", group=(group,),
                        method_name=name, parameters=(), responses=())


def test_operation_docs_are_drawn_by_sdk_group_in_order_of_first_appearance() -> None:
    account = _model("Account", ir.Object(fields=(_field("id", UUID),)), ns="components")

    def doc(name: str) -> ir.Model:
        body = ir.Object(fields=(_field("account", ir.Ref(model="#/Account")),))
        return ir.Model(id=f"#/{name}", name=ir.ModelName(python=name, typescript=name, ts_namespace="operations"),
                        body=body, role="response", owner=name)

    # lapyme: the suppliers' operations come first in the spec, but their
    # apply-tags operation comes after the purchases' one; Speakeasy walks
    # the whole ``suppliers`` group first.
    listing = _model("ListSuppliers", ir.Object(fields=(_field("id", UUID),)))
    models = (account, listing, doc("ApplyPurchaseTags"), doc("ApplySupplierTags"))
    ops = (_op("ListSuppliers", "suppliers"), _op("ApplyPurchaseTags", "purchases"),
           _op("ApplySupplierTags", "suppliers"))
    grouped = ir.Api(title="t", version="1", description=None, servers=(), security_schemes=(),
                     operations=ops, models=models)
    first = _newest(grouped, "ApplySupplierTags").split("account: ")[1]
    assert first == _newest(grouped, "ApplyPurchaseTags").split("account: ")[1]
    alone = _api(account, doc("ApplySupplierTags"))
    assert first == _newest(alone, "ApplySupplierTags").split("account: ")[1]  # its own stream drew it
    in_spec_order = _api(*models)  # no operations: model order, the purchases' doc first
    assert _newest(in_spec_order, "ApplySupplierTags").split("account: ")[1] != first


def test_inline_models_are_drawn_before_the_model_that_holds_them() -> None:
    from generator.render.markdown.example_order import drawing_order

    def shared(name: str, owner: str, *fields: ir.Field) -> ir.Model:
        return ir.Model(id=f"#/{name}", name=ir.ModelName(python=name, typescript=name, ts_namespace="components"),
                        body=ir.Object(fields=fields), role="component", owner=owner)

    supplier = shared("Supplier", "Supplier", _field("id", UUID))
    item = shared("ListData", "List", _field("supplier", ir.Ref(model="#/Supplier")))
    listing = shared("List", "List", _field("data", ir.Array(items=ir.Ref(model="#/ListData"))))
    api = _api(listing, item, supplier)  # the spec walk lists the holder first
    # the inline item first; the component it refers to keeps its place
    assert [m.name.typescript for m in drawing_order(api)] == ["ListData", "List", "Supplier"]
    alone = _newest(_api(item, supplier), "ListData")
    assert _newest(api, "ListData") == alone  # its own stream drew the supplier, not List's


def _wrapper_api(*models: ir.Model) -> ir.Api:
    op = ir.Operation(id="#/op", name="Op", operation_id="op", method="get", path="/", group=(),
                      method_name="op", parameters=(), responses=(), response_model=models[-1].id)
    return ir.Api(title="t", version="1", description=None, servers=(), security_schemes=(),
                  operations=(op,), models=models)


def test_response_wrappers_draw_their_headers_again_after_the_result() -> None:
    headers = _field("headers", ir.Map(values=ir.Array(items=STR)))
    account = _model("Account", ir.Object(fields=(_field("id", UUID),)), ns="components")
    wrapper = _model("GetApiAccountLedgerResponse", ir.Object(fields=(
        headers, _field("result", ir.Ref(model="#/Account")))))
    api = _wrapper_api(account, wrapper)
    text = _newest(api, "GetApiAccountLedgerResponse")
    # one draw (0.19: no entries) before the result, the printed map after it
    assert '    id: "1405f938-71ea-4467-8644-fbf5f2cf8a44",' in text
    assert text.startswith('let value: GetApiAccountLedgerResponse = {\n  headers: {\n    "key": [')
    plain = _api(account, wrapper)  # not an operation's wrapper: drawn once
    assert "  headers: {},\n" in _newest(plain, "GetApiAccountLedgerResponse")
    older = _newest(api, "GetApiAccountLedgerResponse", Examples(api, apart=False))  # 1.690: one draw
    # the same draw (0.19) gives the map no entries, and the map is not drawn again
    assert older.startswith('let value: GetApiAccountLedgerResponse = {\n  headers: {},\n  result: {\n'
                            '    id: "1405f938-71ea-4467-8644-fbf5f2cf8a44",\n  },\n};')


def test_objects_apart_follow_compat_version() -> None:
    from generator.config import Config
    from generator.render.markdown.examples import components_apart

    assert components_apart(Config()) and components_apart(Config(compat_version="1.768.2"))
    assert not components_apart(Config(compat_version="1.690.1"))


def test_dates_are_drawn_between_2024_and_2027_and_format_date_prints_the_day() -> None:
    stamp = ir.Primitive(kind="string", format="date-time")
    alias = _model("AgentAliasResponse", ir.Object(fields=(
        _field("alias", STR), _field("version", INT), _field("createdAt", stamp), _field("updatedAt", stamp),
    )))
    assert _newest(_api(alias), "AgentAliasResponse").endswith(  # mistral 1.690
        '  createdAt: new Date("2026-09-04T16:01:29.973Z"),\n'
        '  updatedAt: new Date("2024-02-08T12:26:09.802Z"),\n};')
    preview = _model("ApiInflationAdjustmentPreviewRequest", ir.Object(fields=(
        _field("occurredAt", ir.Primitive(kind="string", format="date")), _field("coefficient", NUM),
    )))
    assert _newest(_api(preview), "ApiInflationAdjustmentPreviewRequest") == (  # lapyme 1.768
        "let value: ApiInflationAdjustmentPreviewRequest = {\n"
        '  occurredAt: new Date("2024-08-26"),\n  coefficient: 2670.81,\n};')


def test_older_dates_are_drawn_a_year_earlier() -> None:
    stamp = ir.Primitive(kind="string", format="date-time")
    alias = _model("AgentAliasResponse", ir.Object(fields=(
        _field("alias", STR), _field("version", INT), _field("createdAt", stamp),
    )))
    # the newer range gives 2026-09-04T16:01:29.973Z; 365 days earlier:
    assert 'createdAt: new Date("2025-09-04T16:01:29.973Z")' in _example(_api(alias), "AgentAliasResponse")


def test_newer_scalar_arrays_and_maps_can_be_empty() -> None:
    tags = _model("ApiApplyTagsResponseData", ir.Object(fields=(
        _field("entityIds", ir.Array(items=UUID)), _field("added", INT),
    )))
    api = _api(tags)
    assert _newest(api, "ApiApplyTagsResponseData") == (  # lapyme 1.768: the size drew 0.72 of 0..3
        "let value: ApiApplyTagsResponseData = {\n  entityIds: [\n"
        '    "2dea5b04-1eda-4fe2-aeee-0441354f9cfc",\n    "802e98e6-8ff8-4104-9219-5e128042ff73",\n  ],\n'
        "  added: 15504,\n};")
    # 1.642 and 1.690 draw string arrays' sizes alike (mistral ``ClassificationRequest.inputs``)
    assert _newest(api, "ApiApplyTagsResponseData", Examples(api, apart=False)).count('-4') == 2
    headers = _model("Wrapped", ir.Object(fields=(_field("headers", ir.Map(values=ir.Array(items=STR))),)))
    assert '    "key1": [],\n' in _newest(_api(headers), "Wrapped")  # an empty array inside a map


# ------------------------------------------- listed examples (1.637 and newer)

LISTED_SPEC = """
openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /chat:
    post:
      operationId: chat
      requestBody:
        content:
          application/json:
            schema: {$ref: "#/components/schemas/ChatRequest"}
      responses:
        "200": {description: ok}
components:
  schemas:
    Format:
      type: object
      properties:
        type: {type: string, default: text}
      examples: [{type: text}]
    UserMessage:
      type: object
      required: [role]
      properties:
        content: {type: string}
        role: {type: string, enum: [user]}
    ChatRequest:
      type: object
      required: [model, messages]
      properties:
        model: {type: string, examples: [large-latest]}
        messages:
          type: array
          items: {$ref: "#/components/schemas/UserMessage"}
          examples: [[{role: user, content: Hello}]]
        format:
          anyOf: [{$ref: "#/components/schemas/Format"}, {type: "null"}]
"""


def _chat_example(tmp_path: Path, compat: str) -> str:
    from generator.config import Config
    from generator.render.markdown import render_typescript_docs

    config = Config(compat_version=compat)
    docs = render_typescript_docs(spec_api(tmp_path, LISTED_SPEC, config), config)  # type: ignore[arg-type]
    doc = docs["typescript/docs/models/components/chatrequest.md"]
    return doc.split("```typescript\n")[1].split("```")[0].split("\n\n", 1)[1]


def test_newer_versions_print_listed_examples_through_the_model(tmp_path: Path) -> None:
    # examples[0] of a field, of a referenced component (which also brings in
    # the optional field holding it); object keys in the model's field order
    assert _chat_example(tmp_path, "1.690.1") == (
        "let value: ChatRequest = {\n"
        '  model: "large-latest",\n'
        "  messages: [\n"
        "    {\n"
        '      content: "Hello",\n'
        '      role: "user",\n'
        "    },\n"
        "  ],\n"
        "  format: {\n"
        '    type: "text",\n'
        "  },\n"
        "};\n")


def test_orq_version_draws_where_only_listed_examples_exist(tmp_path: Path) -> None:
    value = _chat_example(tmp_path, "1.535.1")
    assert "large-latest" not in value and "Hello" not in value and "format" not in value


# --------------------------- one value per object model (1.642 and 1.690)


def _shared_api() -> ir.Api:
    job = _model("ClassifierJobOut", ir.Object(fields=(_field("id", UUID),)), ns="components")
    jobs = _model("JobsOutData", ir.Union(members=(ir.UnionMember(type=ir.Ref(model="#/ClassifierJobOut"), origin="#/0"),
                                                   ir.UnionMember(type=STR, origin="#/1"))), ns="components")
    conversation = _model("ModelConversation", ir.Object(fields=(_field("id", UUID),)), ns="components")
    body = _model("ResponseBody", ir.Union(members=(ir.UnionMember(type=ir.Ref(model="#/ModelConversation"), origin="#/0"),
                                                    ir.UnionMember(type=STR, origin="#/1"))))
    # the operations' union comes first in model order, the shared union before its member;
    # a component is its own owner
    job, conversation, jobs = (structs.replace(m, owner=m.name.typescript) for m in (job, conversation, jobs))
    return _api(body, conversation, jobs, job)


def _heading(t: ir.TypeExpr) -> str:
    assert isinstance(t, ir.Ref)
    return "components." + t.model.removeprefix("#/")


def test_an_object_prints_the_value_drawn_where_it_comes_first() -> None:
    api = _shared_api()
    examples = Examples(api, apart=False, member_heading=_heading)
    job, conversation = api.model("#/ClassifierJobOut"), api.model("#/ModelConversation")
    # a shared union's snippet comes first: the object's doc prints it, seeded with the heading
    drawn = Examples(api, apart=False).for_union_member("components.ClassifierJobOut", api.model("#/JobsOutData").body.members[0])  # type: ignore[union-attr]
    assert examples.for_model(job) == drawn
    assert print_value(drawn, 0) == '{\n  id: "94361cba-dbfe-4cb8-b157-dba88d484a3b",\n}'  # as in mistral's docs
    assert examples.for_union_member("components.ClassifierJobOut", api.model("#/JobsOutData").body.members[0]) == drawn  # type: ignore[union-attr]
    # a shared object's own doc comes before any operations' doc: the union prints it
    own = Examples(api, apart=False).for_model(conversation)
    member = api.model("#/ResponseBody").body.members[0]  # type: ignore[union-attr]
    assert examples.for_union_member("components.ModelConversation", member) == own
    # without the rule (1.535, or no heading given) each doc draws its own value
    assert Examples(api, apart=False).for_model(job) != drawn


def test_an_inline_union_member_is_drawn_in_its_own_doc_before_the_union() -> None:
    """openrouter 1.642: ``Message``'s inline member ``MessageDeveloper``
    prints the value seeded with its own name, in its doc and in the union's."""
    developer = _model("MessageDeveloper", ir.Object(fields=(_field("id", UUID),)), ns="components")
    message = _model("Message", ir.Union(members=(ir.UnionMember(type=ir.Ref(model="#/MessageDeveloper"), origin="#/0"),
                                                  ir.UnionMember(type=STR, origin="#/1"))), ns="components")
    developer, message = (structs.replace(m, owner="Message") for m in (developer, message))
    api = _api(message, developer)
    own = Examples(api, apart=False).for_model(developer)
    examples = Examples(api, apart=False, member_heading=_heading)
    assert examples.for_union_member("components.MessageDeveloper", message.body.members[0]) == own  # type: ignore[union-attr]
    assert examples.for_model(developer) == own


# ------------------------------------------------ optionalPropertyRendering


def _rendering_api() -> ir.Api:
    options = _model("ChatStreamOptions", ir.Object(fields=(_field("include_usage", ir.Primitive(kind="boolean"),
                                                                   required=False),)))
    params = _model("Params", ir.Object(fields=(
        _field("model", STR),
        _field("stream_options", ir.Ref(model="#/ChatStreamOptions"), required=False),
        _field("stream", ir.Primitive(kind="boolean"), required=False, default=ir.Json(False)),
        _field("user", STR, required=False, example=ir.Json("u1")),
        _field("type", ir.Literal(value="function"), required=False),
    )))
    return _api(options, params)


@pytest.mark.parametrize(("rendering", "shown"), [
    ("withExample", ["model", "user"]),
    # ``stream`` has a default, ``type`` is a constant: left out
    ("always", ["model", "streamOptions", "user"]),
    ("never", ["model"]),
])
def test_optional_property_rendering_selects_the_optional_fields_shown(rendering: str, shown: list[str]) -> None:
    api = _rendering_api()
    value = Examples(api, apart=False, optional=rendering).for_model(api.model("#/Params"))  # type: ignore[arg-type]
    assert isinstance(value, JsObject)
    assert [name for name, _ in value.entries] == shown


def test_optional_property_rendering_is_read_from_gen_yaml(tmp_path: Path) -> None:
    from generator.config import build, from_file

    gen = tmp_path / "gen.yaml"
    gen.write_text("generation:\n  usageSnippets:\n    optionalPropertyRendering: always\n", encoding="utf-8")
    assert build(from_file(gen)).optional_property_rendering == "always"
    gen.write_text("generation:\n  sdkClassName: X\n", encoding="utf-8")
    assert build(from_file(gen)).optional_property_rendering == "withExample"


def test_an_optional_fields_own_array_or_map_holds_at_least_one_entry() -> None:
    call = _model("ToolCall", ir.Object(fields=(_field("id", STR),)))
    options = _model("Options", ir.Object(fields=(
        _field("metadata", ir.Map(values=STR), required=False),
        _field("tool_calls", ir.Array(items=ir.Ref(model="#/ToolCall")), required=False),
        _field("required_calls", ir.Array(items=ir.Ref(model="#/ToolCall"))),
    )))
    api = _api(call, options)
    value = Examples(api, apart=False, optional="always").for_model(options)
    assert isinstance(value, JsObject)
    entries = dict(value.entries)
    # the size draw at 0.12: faker.number.int({min: 1, max: 3}) is one key (0 from 0)
    assert entries["metadata"] == JsObject((('"key"', js_string("<value>")),))
    # the optional array takes no coin and holds one object; the required
    # one tosses it (0.497: heads, empty)
    assert entries["toolCalls"] == JsArray((JsObject((("id", js_string("<id>")),)),))
    assert entries["requiredCalls"] == JsArray(())


def test_a_models_own_example_is_its_value_and_an_objects_is_merged_field_by_field() -> None:
    quant = structs.replace(_model("Quantization", ir.Enum(values=("int4", "int8", "fp16"))),
                                example=ir.Json("fp16"))
    data = structs.replace(_model("ErrorData", ir.Object(fields=(
        _field("code", INT), _field("message", STR), _field("retries", INT),
        _field("quantization", ir.Ref(model="#/Quantization")),
    ))), example=ir.Json({"message": "Provider returned error", "code": 502}))
    api = _api(quant, data)
    assert _newer(api, "Quantization") == 'let value: Quantization = "fp16";'
    # the fields the example names, in the model's order; the others drawn
    # (the first draw, 0.84, is retries'; the enum field prints its model's
    # example without a draw)
    assert _newer(api, "ErrorData") == (
        'let value: ErrorData = {\n  code: 502,\n  message: "Provider returned error",\n'
        '  retries: 839908,\n  quantization: "fp16",\n};'
    )


def test_a_union_no_value_can_pick_still_draws_its_member() -> None:
    # openrouter's BigNumberUnion (number | string | number, example 1000) and
    # ToolChoiceOption (string constants and an object, no example)
    big = ir.Any(options=(NUM, STR, NUM), example=ir.Json(1000))
    choice = ir.Any(options=(STR, STR, ir.Any()))
    pricing = _model("Pricing", ir.Object(fields=tuple(
        _field(n, big) for n in ("prompt", "completion", "request", "image")
    ) + (_field("choice", choice), _field("discount", NUM))))
    api = _api(pricing)
    # draws 0.89, 0.55, 0.39, 0.30 pick members 2, 1, 1, 0; the choice takes
    # 0.82; the discount the next draw (0.66)
    assert _newer(api, "Pricing") == (
        'let value: Pricing = {\n  prompt: 1000,\n  completion: "1000",\n  request: "1000",\n  image: 1000,\n'
        '  choice: "<value>",\n  discount: 6591.6,\n};'
    )
    # 1.535: no draw
    assert "  discount: 8922.19,\n" in _example(api, "Pricing")


def test_an_object_inside_an_objects_own_example_draws_the_fields_it_lacks() -> None:
    pricing = _model("Pricing", ir.Object(fields=(_field("prompt", STR), _field("discount", NUM))))
    endpoint = structs.replace(_model("PublicEndpoint", ir.Object(fields=(
        _field("name", STR), _field("pricing", ir.Ref(model="#/Pricing")),
    ))), example=ir.Json({"name": "GPT-4", "pricing": {"prompt": "0.00003"}}))
    value = _newer(_api(pricing, endpoint), "PublicEndpoint")
    assert value.startswith('let value: PublicEndpoint = {\n  name: "GPT-4",\n  pricing: {\n    prompt: "0.00003",\n'
                            "    discount: ")


def test_user_and_timezone_strings_are_drawn_by_field_name() -> None:
    from generator.examples.faker_data import FakerData

    # openrouter 1.642: ``user`` "Lina_Beier39", ``timezone`` "Europe/Minsk"
    tables = {"person": {"first_name": {"generic": ["Lina"]}, "last_name": {"generic": ["Beier"]}},
              "time_zone": ["Africa/Accra", "Europe/Minsk"]}
    model = _model("Location", ir.Object(fields=(_field("timezone", STR), _field("user", STR))))
    value = Examples(_api(model), FakerData(tables)).for_model(model)
    assert isinstance(value, JsObject)
    entries = dict(value.entries)
    assert print_value(entries["timezone"], 0) in ('"Africa/Accra"', '"Europe/Minsk"')
    assert print_value(entries["user"], 0).startswith('"Lina')
    # without the tables: placeholders
    bare = Examples(_api(model), FakerData(None, "x")).for_model(model)
    assert [print_value(v, 0) for _, v in bare.entries] == ['"<value>"'] * 2  # type: ignore[union-attr]


def test_a_list_example_of_a_union_prints_through_its_array_member() -> None:
    from generator.render.markdown.typed_examples import typed_value

    message = _model("EasyInputMessage", ir.Object(fields=(_field("role", STR), _field("content", STR))))
    union = _model("Input", ir.Union(members=(
        ir.UnionMember(type=STR, origin="#/0"),
        ir.UnionMember(type=ir.Array(items=ir.Ref(model="#/EasyInputMessage")), origin="#/1"),
    )))
    api = _api(message, union)
    value = typed_value(ir.Ref(model="#/Input"), [{"content": "Hi", "role": "user"}], api.model)
    # property names in the model's order, not quoted JSON keys
    assert print_value(value, 0) == '[\n  {\n    role: "user",\n    content: "Hi",\n  },\n]'


def test_a_field_example_of_an_object_draws_the_fields_it_lacks_and_example_items_are_one() -> None:
    # openrouter's ``OpenResponsesRequest.reasoning`` example names two fields;
    # ``include`` holds items whose enum gives its own example: one, although
    # the size draw (0.61) would make two
    reasoning = _model("Reasoning", ir.Object(fields=(
        _field("effort", STR, required=False), _field("summary", STR, required=False))))
    include = structs.replace(_model("Include", ir.Enum(values=("a", "b"))), example=ir.Json("b"))
    request = _model("Settings", ir.Object(fields=(
        _field("reasoning", ir.Ref(model="#/Reasoning"), required=False, example=ir.Json({"summary": "auto"})),
        _field("include", ir.Array(items=ir.Ref(model="#/Include")), required=False),
    )))
    api = _api(reasoning, include, request)
    value = Examples(api, apart=False, optional="always").for_model(request)
    assert print_value(value, 0) == (  # type: ignore[arg-type]
        '{\n  reasoning: {\n    effort: "<value>",\n    summary: "auto",\n  },\n  include: [\n    "b",\n  ],\n}')


def test_newer_unions_print_the_first_member_whose_model_gives_an_example() -> None:
    """openrouter 1.642: annotations print ``FileCitation`` (the first of
    three members with examples) wherever they are drawn."""
    url = _model("UrlCitation", ir.Object(fields=(_field("url", STR),)), ns="components")
    citation = structs.replace(_model("FileCitation", ir.Object(fields=(_field("fileId", STR),)), ns="components"),
                                   example=ir.Json({"fileId": "file-abc"}))
    path = structs.replace(_model("FilePath", ir.Object(fields=(_field("fileId", STR),)), ns="components"),
                               example=ir.Json({"fileId": "file-xyz"}))
    union = _model("Annotation", ir.Union(members=tuple(
        ir.UnionMember(type=ir.Ref(model=f"#/{n}"), origin="#/x") for n in ("UrlCitation", "FilePath", "FileCitation"))))
    holder = _model("Text", ir.Object(fields=(_field("annotation", ir.Ref(model="#/Annotation")),)))
    api = _api(url, citation, path, union, holder)
    assert 'fileId: "file-xyz"' in _newer(api, "Text")
    # 1.535 draws a member: here the first
    assert "url: \"https://" in _example(api, "Text")


def test_newer_object_members_merge_their_example_with_drawn_fields() -> None:
    """openrouter 1.642: the function tool member of a tools union prints its
    example and draws the ``strict`` it lacks."""
    tool = _model("FunctionTool", ir.Object(fields=(
        _field("name", STR), _field("strict", ir.Primitive(kind="boolean"), required=False))))
    member = ir.UnionMember(type=ir.Ref(model="#/FunctionTool"), origin="#/0", example=ir.Json({"name": "get_weather"}))
    union = _model("Tools", ir.Union(members=(member, ir.UnionMember(type=STR, origin="#/1"))))
    api = _api(tool, union)
    merged = Examples(api, apart=False, optional="always").for_union_member("models.FunctionTool", member)
    assert print_value(merged, 0) == '{\n  name: "get_weather",\n  strict: false,\n}'
    # 1.535 prints the example alone
    alone = Examples(api, newer=False, optional="always").for_union_member("models.FunctionTool", member)
    assert print_value(alone, 0) == '{\n  name: "get_weather",\n}'


def test_an_optional_fields_own_map_of_objects_holds_one_entry_without_a_draw() -> None:
    """openrouter 1.642: ``prompt.variables`` holds one entry in eight docs;
    a map of strings still draws its size."""
    text = _model("InputText", ir.Object(fields=(_field("text", STR),)))
    # seeded so that a drawn size would be 2 here
    prompt = _model("PromptRef", ir.Object(fields=(
        _field("variables", ir.Map(values=ir.Ref(model="#/InputText")), required=False),
        _field("tags", ir.Map(values=STR), required=False))))
    value = Examples(_api(text, prompt), apart=False, optional="always").for_model(prompt)
    assert isinstance(value, JsObject)
    entries = dict(value.entries)
    assert [k for k, _ in entries["variables"].entries] == ['"key"']  # type: ignore[union-attr]
    assert len(entries["tags"].entries) > 1  # type: ignore[union-attr]
