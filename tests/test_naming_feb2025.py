"""Model names under ``nameResolutionFeb2025`` (CONVENTIONS-NEWER.md), and
the rules that hold with the flag off as well (shared components, TS errors)."""

from __future__ import annotations

from pathlib import Path
from typing import cast

import pytest
from conftest import spec_api

from generator import ir
from generator.config import Config
from generator.normalize.feb2025 import singular
from generator.normalize.naming import COMPONENT, PARAMETER, REQUEST, NameSpec
from generator.normalize.symmetric import SymmetricRegistry


def _api(tmp_path: Path, text: str, feb2025: bool = True) -> ir.Api:
    return cast(ir.Api, spec_api(tmp_path, text, Config(name_resolution_feb2025=feb2025)))


def _names(api: ir.Api) -> set[str]:
    return {m.name.python for m in api.models}


_TWO_DISCOUNTS = """
    openapi: 3.1.0
    info: {title: t, version: "1"}
    paths:
      /a:
        get:
          operationId: getA
          responses:
            "200":
              description: ok
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      one: {$ref: "#/components/schemas/cart_discount"}
                      two: {$ref: "#/components/schemas/view_discount"}
                      three: {$ref: "#/components/schemas/priority"}
    components:
      schemas:
        cart_discount:
          type: object
          properties:
            category: {type: string, enum: [a, b]}
            priority: {type: string, enum: [x, y]}
        view_discount:
          type: object
          properties:
            category: {type: string, enum: [a, c]}
        priority: {type: string, enum: [x, y, z]}
"""


def test_a_tie_moves_both_models_to_their_next_candidate(tmp_path: Path) -> None:
    names = _names(_api(tmp_path, _TWO_DISCOUNTS))
    assert {"CartDiscountCategory", "ViewDiscountCategory"} <= names
    assert "Category" not in names


def test_without_the_flag_the_first_model_keeps_the_name(tmp_path: Path) -> None:
    names = _names(_api(tmp_path, _TWO_DISCOUNTS, feb2025=False))
    assert {"Category", "ViewDiscountCategory"} <= names


def test_a_component_key_outranks_inline_models(tmp_path: Path) -> None:
    names = _names(_api(tmp_path, _TWO_DISCOUNTS))
    assert {"Priority", "CartDiscountPriority"} <= names


_BODIES = """
    openapi: 3.1.0
    info: {title: t, version: "1"}
    paths:
      /plain:
        post:
          operationId: addAddress
          requestBody:
            content:
              application/json:
                schema: {type: object, properties: {street: {type: string}}}
          responses:
            "200":
              description: ok
              content:
                application/json:
                  schema: {type: object, properties: {emails: {$ref: "#/components/schemas/emails"}}}
      /with-params/{id}:
        post:
          operationId: addCard
          parameters:
            - {name: id, in: path, required: true, schema: {type: string}}
          requestBody:
            content:
              application/json:
                schema:
                  type: object
                  properties:
                    payment_methods:
                      type: array
                      items: {type: object, properties: {kind: {type: string}}}
          responses:
            "204": {description: done}
    components:
      schemas:
        emails:
          type: array
          items: {type: object, properties: {address: {type: string}}}
"""


def test_operation_bodies_are_op_request_and_op_response(tmp_path: Path) -> None:
    names = _names(_api(tmp_path, _BODIES))
    assert {"AddAddressRequest", "AddAddressResponse"} <= names
    assert not {"AddAddressRequestBody", "AddAddressResponseBody"} & names


def test_the_parameters_wrapper_keeps_op_request(tmp_path: Path) -> None:
    api = _api(tmp_path, _BODIES)
    wrapper = next(op for op in api.operations if op.name == "AddCard").request_model
    assert api.model(wrapper).name.python == "AddCardRequest"
    assert "AddCardRequestBody" in _names(api)


def test_array_items_are_singular_but_a_component_array_keeps_its_key(tmp_path: Path) -> None:
    names = _names(_api(tmp_path, _BODIES))
    assert "PaymentMethod" in names and "PaymentMethods" not in names
    assert "Emails" in names


def test_without_the_flag_bodies_and_items_keep_the_orq_names(tmp_path: Path) -> None:
    names = _names(_api(tmp_path, _BODIES, feb2025=False))
    assert {"AddAddressRequestBody", "AddAddressResponseBody", "PaymentMethods"} <= names


@pytest.mark.parametrize(("plural", "one"), [
    ("PaymentMethods", "PaymentMethod"), ("TopLogprobs", "TopLogprob"), ("Entries", "Entry"),
    ("Statuses", "Status"), ("Addresses", "Address"), ("Boxes", "Box"), ("Status", "Status"),
    ("Address", "Address"), ("CallbackUrls", "CallbackUrl"), ("Ids", "Id"), ("Data", "Data"),
])
def test_singular(plural: str, one: str) -> None:
    assert singular(plural) == one


_SHARED = """
    openapi: 3.0.3
    info: {title: t, version: "1"}
    paths:
      /statements:
        post:
          operationId: getStatements
          requestBody: {$ref: "#/components/requestBodies/statements_view"}
          responses:
            "200": {$ref: "#/components/responses/statements_view"}
      /details:
        get:
          operationId: getDetails
          responses:
            "200": {$ref: "#/components/responses/transaction_details"}
      /details2:
        put:
          operationId: putDetails
          responses:
            "200": {$ref: "#/components/responses/transaction_details"}
    components:
      requestBodies:
        statements_view:
          content:
            application/json:
              schema: {type: object, properties: {date: {type: string}}}
      responses:
        statements_view:
          description: ok
          content:
            application/json:
              schema: {type: object, properties: {url: {type: string}}}
        transaction_details:
          description: ok
          content:
            application/json:
              schema: {type: object, properties: {amount: {type: integer}}}
"""


@pytest.mark.parametrize("feb2025", [True, False])
def test_shared_bodies_are_one_model_named_by_their_key(tmp_path: Path, feb2025: bool) -> None:
    api = _api(tmp_path, _SHARED, feb2025)
    names = [m.name.python for m in api.models]
    assert names.count("TransactionDetails") == 1
    details = [op.responses[0].type for op in api.operations if op.name in ("GetDetails", "PutDetails")]
    assert details[0] == details[1]


def test_shared_bodies_with_one_key_take_the_suffixed_names(tmp_path: Path) -> None:
    names = _names(_api(tmp_path, _SHARED))
    assert {"StatementsViewRequestBody", "StatementsViewResponse"} <= names


def test_typescript_error_components_read_as_errors(tmp_path: Path) -> None:
    api = _api(tmp_path, """
        openapi: 3.1.0
        info: {title: t, version: "1"}
        paths:
          /a:
            get:
              operationId: getA
              responses:
                "204": {description: done}
                "400":
                  description: bad
                  content:
                    application/json: {schema: {$ref: "#/components/schemas/BadRequestResponse"}}
                "500":
                  description: bad
                  content:
                    application/json: {schema: {$ref: "#/components/schemas/ApiErrorEnvelope"}}
        components:
          schemas:
            BadRequestResponse:
              type: object
              properties:
                detail: {type: object, properties: {code: {type: integer}}}
            ApiErrorEnvelope:
              type: object
              properties: {message: {type: string}}
    """)
    ts = {m.name.typescript: m.name.ts_namespace for m in api.models}
    assert ts["BadRequestResponseError"] == "errors"
    assert ts["ApiErrorEnvelope"] == "errors"
    assert ts["Detail"] == "components"


def _spec(key: str, *names: str, klass: int = COMPONENT, depth: int = 1) -> NameSpec:
    return NameSpec(key=key, candidates=tuple((n,) for n in names), klass=klass, depth=depth)


def test_symmetric_registry_cascades_and_numbers_the_exhausted() -> None:
    reg = SymmetricRegistry()
    reg.place(_spec("a", "Status", "AStatus"))
    reg.place(_spec("b", "Status", "BStatus"))
    reg.place(_spec("c", "AStatus"))
    reg.place(_spec("d", "Kind"))
    reg.place(_spec("e", "Kind"))
    # a and c both end up without a free candidate: numbered in spec order, and
    # since their claims were equal neither keeps the plain name (openrouter's
    # OpenAIResponsesInputRoleUnion1 / ...RoleUnion2)
    assert reg.finish() == {"a": "AStatus1", "b": "BStatus", "c": "AStatus2", "d": "Kind1", "e": "Kind2"}


def test_symmetric_registry_numbers_a_lone_loser_from_one() -> None:
    reg = SymmetricRegistry()
    reg.place(_spec("outer", "InputUnion", depth=0))
    reg.place(_spec("inner", "InputUnion"))
    # the component wins outright; the inline union alone is numbered
    assert reg.finish() == {"outer": "InputUnion", "inner": "InputUnion1"}


def test_symmetric_registry_pins_and_reserved_words() -> None:
    reg = SymmetricRegistry(reserved=("Tools", "Agents"))
    reg.pin("p", "Status")
    reg.place(_spec("a", "Status", "AStatus"))
    reg.place(_spec("t", "Tools", klass=COMPONENT, depth=0))
    reg.place(_spec("r", "Agents", "AgentsRequest", klass=REQUEST, depth=0))
    names = reg.finish()
    assert names == {"p": "Status", "a": "AStatus", "t": "Tools", "r": "AgentsRequest"}
    assert reg.reserved_name_taken_by_model("Tools")
    assert not reg.reserved_name_taken_by_model("Agents")


def test_a_strictly_better_class_wins_without_moving() -> None:
    reg = SymmetricRegistry()
    reg.place(_spec("wrapper", "OpRequest", klass=PARAMETER, depth=0))
    reg.place(_spec("body", "OpRequest", "OpRequestBody", klass=REQUEST, depth=0))
    assert reg.finish() == {"wrapper": "OpRequest", "body": "OpRequestBody"}


# ---------------------------------------------------------------- unions

_UNIONS = """
    openapi: 3.1.0
    info: {title: t, version: "1"}
    paths:
      /a:
        post:
          operationId: postA
          requestBody:
            content:
              application/json:
                schema:
                  type: object
                  properties:
                    selection:
                      oneOf:
                        - {type: object, properties: {type: {type: string, const: all}}}
                        - {type: object, properties: {type: {type: string, const: specific}, ids: {type: array, items: {type: string}}}}
                    plugins:
                      type: array
                      items:
                        oneOf:
                          - {type: object, properties: {id: {type: string, enum: [moderation]}}}
                          - {type: object, properties: {id: {type: string, enum: [web]}, max: {type: number}}}
                    dimensions:
                      type: array
                      items:
                        anyOf:
                          - {type: string, enum: [product, category]}
                          - {type: string}
                    one: {$ref: "#/components/schemas/Job"}
                    two: {$ref: "#/components/schemas/Task"}
                    three: {$ref: "#/components/schemas/Choice"}
          responses:
            "204": {description: ok}
    components:
      schemas:
        Job:
          type: object
          properties:
            status:
              anyOf:
                - {type: string, enum: [completed]}
                - {type: string, enum: [in_progress]}
        Task:
          type: object
          properties:
            status:
              anyOf:
                - {type: string, enum: [completed]}
                - {type: string, enum: [in_progress]}
        Choice:
          anyOf:
            - {type: string, enum: [auto]}
            - {type: object, properties: {type: {type: string, enum: [function]}, name: {type: string}}}
            - {type: object, properties: {mode: {type: string}}}
"""


def test_union_members_are_named_after_their_union_and_constant(tmp_path: Path) -> None:
    names = {m.name.typescript for m in _api(tmp_path, _UNIONS).models}
    # a member's constant (its const / one-value enum, or its discriminating
    # property's) follows the union's name; the union keeps its plain name
    assert {"Selection", "SelectionAll", "SelectionSpecific"} <= names
    # array items: the singular; the discriminating one-value enum adds its value
    assert {"Plugin", "PluginModeration", "PluginWeb", "IdModeration", "IdWeb"} <= names
    # a contested union whose members are named after it becomes ...Union
    assert {"JobStatusUnion", "JobStatusCompleted", "JobStatusInProgress"} <= names
    assert {"TaskStatusUnion", "TaskStatusCompleted", "TaskStatusInProgress"} <= names
    assert "Status" not in names and "JobStatus" not in names


def test_a_member_without_constant_takes_the_union_place(tmp_path: Path) -> None:
    names = {m.name.typescript for m in _api(tmp_path, _UNIONS).models}
    # the union yields its plain name; a lone enum member takes it (when
    # contested, the enum says Enum: lapyme's InventoryReportRequestDimensionEnum)
    assert {"DimensionUnion", "Dimension"} <= names
    # an object member keeps the plain name, even a component's
    assert {"ChoiceUnion", "Choice", "ChoiceAuto", "ChoiceFunction", "TypeFunction"} <= names


def test_union_member_names_only_under_the_flag(tmp_path: Path) -> None:
    names = {m.name.typescript for m in _api(tmp_path, _UNIONS, feb2025=False).models}
    assert "SelectionAll" not in names and "Selection" in names and "Job" in names
    assert "JobStatusUnion" not in names and "DimensionUnion" not in names


def test_members_sharing_a_constant_are_numbered_and_allof_parts_name_members(tmp_path: Path) -> None:
    api = _api(tmp_path, """
        openapi: 3.1.0
        info: {title: t, version: "1"}
        paths:
          /a:
            get:
              operationId: getA
              responses:
                "200":
                  description: ok
                  content: {application/json: {schema: {$ref: "#/components/schemas/Input"}}}
        components:
          schemas:
            Input:
              type: array
              items:
                anyOf:
                  - {type: object, properties: {type: {type: string, enum: [message]}, a: {type: string}}}
                  - {type: object, properties: {type: {type: string, enum: [message]}, b: {type: string}}}
                  - allOf: [{$ref: "#/components/schemas/Tool"}, {type: object, properties: {}}]
            Tool:
              type: object
              properties:
                kind: {type: string, enum: [function]}
    """)
    names = {m.name.typescript for m in api.models}
    # equal claims: both numbered; the root is not repeated (not InputInputMessage)
    assert {"InputMessage1", "InputMessage2", "InputTypeMessage1", "InputTypeMessage2"} <= names
    # a constant from an allOf part names the member, not the merged property
    assert "InputFunction" in names and "KindFunction" not in names


def test_a_contested_enum_member_says_enum(tmp_path: Path) -> None:
    api = _api(tmp_path, """
        openapi: 3.1.0
        info: {title: t, version: "1"}
        paths:
          /a:
            get:
              operationId: getA
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          a: {$ref: "#/components/schemas/SalesReport"}
                          b: {$ref: "#/components/schemas/StockReport"}
                          c: {$ref: "#/components/schemas/PayReport"}
        components:
          schemas:
            SalesReport:
              type: object
              properties:
                dimensions: {type: array, items: {anyOf: [{type: string, enum: [a, b]}, {type: string}]}}
            StockReport:
              type: object
              properties:
                dimensions: {type: array, items: {anyOf: [{type: string, enum: [a, c]}, {type: string}]}}
            PayReport:
              type: object
              properties:
                dimensions: {type: array, items: {type: string, enum: [x, y]}}
    """)
    names = {m.name.typescript for m in api.models}
    assert {"SalesReportDimensionUnion", "SalesReportDimensionEnum", "StockReportDimensionEnum"} <= names
    # the members' claim on the plain name moves the lone enum as well
    assert "PayReportDimension" in names and "Dimension" not in names


def test_clashing_nested_models_take_their_parents_name_past_root_and_base(tmp_path: Path) -> None:
    api = _api(tmp_path, """
        openapi: 3.1.0
        info: {title: t, version: "1"}
        paths:
          /a:
            get:
              operationId: getA
              responses:
                "200":
                  description: ok
                  content: {application/json: {schema: {$ref: "#/components/schemas/Filter"}}}
        components:
          schemas:
            Filter:
              type: object
              properties:
                contains: {type: object, properties: {meta: {type: object, properties: {x: {type: string}}}}}
                equals: {type: object, properties: {meta: {type: object, properties: {y: {type: string}}}}}
    """)
    names = {m.name.python for m in api.models}
    # Meta and FilterMeta are both contested, so each takes its parent's final
    # name + base; the parents kept their plain names (nothing contests them)
    assert {"Contains", "Equals", "ContainsMeta", "EqualsMeta"} <= names
    assert not {"Meta", "FilterMeta", "FilterMeta1"} & names


# ------------------------------------------------- one-value enums (openrouter)

_EVENTS = """
    openapi: 3.1.0
    info: {title: t, version: "1"}
    paths:
      /a:
        get:
          operationId: getA
          responses:
            "200":
              description: ok
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      event: {$ref: "#/components/schemas/Event"}
                      choice: {$ref: "#/components/schemas/Choice"}
                      tool: {$ref: "#/components/schemas/FunctionTool"}
    components:
      schemas:
        Event:
          oneOf:
            - allOf: [{$ref: "#/components/schemas/Created"}, {type: object, properties: {id: {type: string}}}]
            - allOf: [{$ref: "#/components/schemas/Done"}, {type: object, properties: {id: {type: string}}}]
        Created: {type: object, properties: {type: {type: string, enum: [response.created]}}}
        Done: {type: object, properties: {type: {type: string, enum: [response.done]}}}
        Choice:
          anyOf:
            - {type: object, properties: {type: {type: string, enum: [function]}, name: {type: string}}}
            - {type: object, properties: {type: {anyOf: [{type: string, enum: [a]}, {type: string, enum: [b]}]}}}
        FunctionTool:
          type: object
          properties: {type: {type: string, enum: [function]}, name: {type: string}}
"""


def test_one_value_enums_below_members_take_their_value_after_the_base(tmp_path: Path) -> None:
    names = {m.name.typescript for m in _api(tmp_path, _EVENTS).models}
    # the merged ``type`` of each event: Type + value, not Event + Type + value
    assert {"EventResponseCreated", "TypeResponseCreated", "TypeResponseDone"} <= names
    assert "EventTypeResponseCreated" not in names


def test_enums_yield_to_a_union_and_a_one_value_enum_keeps_base_plus_value_from_others(tmp_path: Path) -> None:
    names = {m.name.typescript for m in _api(tmp_path, _EVENTS).models}
    # the inline ``type`` union keeps Type against the one-value enums, which
    # all claim TypeEnum next
    assert "Type" in names and "TypeUnion" not in names and "TypeEnum" not in names
    # FunctionTool.type (function) keeps TypeFunction from Choice's member,
    # without taking it itself
    assert {"FunctionToolType", "ChoiceFunction", "ChoiceTypeFunction"} <= names
    assert "TypeFunction" not in names


def test_one_value_enum_rules_only_under_the_flag(tmp_path: Path) -> None:
    names = {m.name.typescript for m in _api(tmp_path, _EVENTS, feb2025=False).models}
    assert "TypeResponseCreated" not in names and "ChoiceTypeFunction" not in names


def test_symmetric_registry_an_enum_yields_to_a_union_and_tries_enum_next() -> None:
    def spec(key: str, *names: str, kind: str) -> NameSpec:
        return NameSpec(key=key, candidates=tuple((n,) for n in names), klass=COMPONENT, depth=1, kind=kind)

    reg = SymmetricRegistry()
    reg.place(spec("union", "Code", "CodeUnion", kind="Union"))
    reg.place(spec("enum", "Code", "ErrorCode", kind="Enum"))
    reg.place(spec("one", "Kind", "OneKind", kind="Enum"))
    reg.place(spec("two", "Kind", "TwoKind", kind="Enum"))
    reg.place(spec("object", "Part", "APart", kind=""))
    reg.place(spec("three", "Part", "ThreePart", kind="Enum"))
    # a tie between enums, or with an object, stays a tie
    assert reg.finish() == {"union": "Code", "enum": "CodeEnum", "one": "OneKind", "two": "TwoKind",
                            "object": "APart", "three": "ThreePart"}


def test_symmetric_registry_a_shadow_blocks_others_but_not_its_owner() -> None:
    reg = SymmetricRegistry()
    reg.place(NameSpec(key="member", candidates=(("TypeFunction",), ("ChoiceTypeFunction",)), klass=COMPONENT, depth=1))
    reg.place(NameSpec(key="tool", candidates=(("ToolType",),), klass=COMPONENT, depth=1, shadow=("Type", "Function")))
    reg.place(NameSpec(key="own", candidates=(("TypeOther",),), klass=COMPONENT, depth=1, shadow=("Type", "Other")))
    assert reg.finish() == {"member": "ChoiceTypeFunction", "tool": "ToolType", "own": "TypeOther"}


_ACRONYM_FAMILIES = """
    openapi: 3.1.0
    info: {title: t, version: "1"}
    paths:
      /a:
        post:
          operationId: postA
          requestBody:
            content:
              application/json:
                schema:
                  type: object
                  properties:
                    chunk: {$ref: "#/components/schemas/ImageURLChunk"}
                    item: {$ref: "#/components/schemas/ContentItemImage"}
                    response_format:
                      oneOf:
                        - type: object
                          properties: {type: {type: string, const: json_object}}
                          required: [type]
                        - $ref: "#/components/schemas/ResponseFormatJSONSchema"
          responses:
            "204": {description: ok}
    components:
      schemas:
        ImageURL:
          type: object
          properties: {url: {type: string}}
        ImageURLChunk:
          type: object
          properties:
            image_url:
              anyOf:
                - $ref: "#/components/schemas/ImageURL"
                - type: string
        ContentItemImage:
          type: object
          properties:
            image_url:
              type: object
              properties: {url: {type: string}}
        ResponseFormatJSONSchema:
          type: object
          properties: {type: {type: string, const: json_schema}}
"""


@pytest.mark.parametrize("feb2025", [True, False])
def test_a_union_and_its_members_spell_an_acronym_alike_in_typescript(tmp_path: Path, feb2025: bool) -> None:
    names = {m.name.typescript for m in _api(tmp_path, _ACRONYM_FAMILIES, feb2025).models}
    assert "ImageURLChunkImageURL" in names  # its member component spells URL
    if feb2025:  # a member named after its constant, beside a member spelling JSON
        assert "ResponseFormatJSONObject" in names
    # an object with no union around it keeps the plain spelling
    assert "ContentItemImageImageUrl" in names
    assert {"ImageURL", "ResponseFormatJSONSchema"} <= names  # components as written


def test_python_names_keep_their_own_acronym_rule(tmp_path: Path) -> None:
    names = {m.name.python for m in _api(tmp_path, _ACRONYM_FAMILIES).models}
    assert "ImageURLChunkImageURL" in names and "ImageURL" in names


_NESTED_CONTENT = """
openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /a:
    post:
      operationId: postA
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                easy: {$ref: "#/components/schemas/EasyMessage"}
                other: {$ref: "#/components/schemas/OtherMessage"}
      responses:
        "204": {description: ok}
components:
  schemas:
    Text: {type: object, properties: {text: {type: string}}}
    Image: {type: object, properties: {url: {type: string}}}
    EasyMessage:
      type: object
      properties:
        content:
          anyOf:
            - type: array
              items:
                oneOf: [{$ref: "#/components/schemas/Text"}, {$ref: "#/components/schemas/Image"}]
            - type: string
    OtherMessage:
      type: object
      properties:
        content:
          oneOf: [{$ref: "#/components/schemas/Text"}, {type: string}]
"""


def test_a_union_and_its_items_union_tied_are_numbered_items_first(tmp_path: Path) -> None:
    """Both lose ``Content`` and ``EasyMessageContent``; the parent form spells
    the latter again, which is no new claim, so both are numbered, in the
    order the walk completed them: the items union first."""
    names = {m.id.partition("/schemas/")[2]: m.name.typescript for m in _api(tmp_path, _NESTED_CONTENT).models}
    assert names["EasyMessage/properties/content/anyOf/0/items"] == "EasyMessageContent1"
    assert names["EasyMessage/properties/content"] == "EasyMessageContent2"
    assert names["OtherMessage/properties/content"] == "OtherMessageContent"


_EVENTS_WITH_INLINE_PARTS = """
openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /events:
    get:
      operationId: getEvents
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "#/components/schemas/StreamEvent"}
components:
  schemas:
    Text: {type: object, properties: {text: {type: string}}}
    Refusal: {type: object, properties: {refusal: {type: string}}}
    AddedEvent:
      type: object
      properties:
        type: {type: string, enum: [part.added]}
        status: {type: string, enum: [a, b]}
    DoneEvent:
      type: object
      properties:
        type: {type: string, enum: [part.done]}
        status: {type: string, enum: [a, c]}
    StreamEvent:
      oneOf:
        - allOf:
            - $ref: "#/components/schemas/AddedEvent"
            - type: object
              properties:
                part:
                  anyOf: [{$ref: "#/components/schemas/Text"}, {$ref: "#/components/schemas/Refusal"}]
        - allOf:
            - $ref: "#/components/schemas/DoneEvent"
            - type: object
              properties:
                part:
                  anyOf: [{$ref: "#/components/schemas/Text"}, {$ref: "#/components/schemas/Refusal"}]
"""


def test_a_property_of_an_inline_allof_part_below_a_member_is_numbered_on_its_base(tmp_path: Path) -> None:
    names = {m.id.partition("/schemas/")[2]: m.name.typescript for m in _api(tmp_path, _EVENTS_WITH_INLINE_PARTS).models}
    assert names["StreamEvent/oneOf/0/properties/part"] == "Part1"
    assert names["StreamEvent/oneOf/1/properties/part"] == "Part2"
    # a property of the referenced part still tries root + base
    assert names["StreamEvent/oneOf/0/properties/status"] == "StreamEventStatus1"


_PLUGINS = """
openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /r:
    post:
      operationId: create
      requestBody:
        content:
          application/json:
            schema: {$ref: "#/components/schemas/Request"}
      responses:
        "200": {description: ok}
components:
  schemas:
    Request:
      type: object
      properties:
        plugins:
          type: array
          items:
            oneOf:
              - type: object
                properties:
                  id: {type: string, enum: [web]}
                  engine: {type: string, enum: [native, exa]}
              - type: object
                properties:
                  id: {type: string, enum: [file-parser]}
                  pdf:
                    type: object
                    properties:
                      engine: {type: string, enum: [mistral-ocr, native]}
"""


def test_below_a_member_only_its_own_properties_skip_the_parent_forms(tmp_path: Path) -> None:
    """openrouter's plugins: the member's own ``engine`` is numbered or keeps
    root + base, but the ``engine`` of the member's ``pdf`` object, whose
    parent is a named object, tries that parent's name + base."""
    names = {m.id.partition("/schemas/")[2]: m.name.typescript for m in _api(tmp_path, _PLUGINS).models}
    assert names["Request/properties/plugins/items/oneOf/1/properties/pdf/properties/engine"] == "PdfEngine"
    assert names["Request/properties/plugins/items/oneOf/0/properties/engine"] == "RequestEngine"
