"""Model names under ``nameResolutionFeb2025`` (CONVENTIONS-NEWER.md), and
the rules that hold with the flag off as well (shared components, TS errors)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from generator import ir
from generator.config import Config
from generator.diagnostics import Sink
from generator.loader import load
from generator.normalize import normalize
from generator.normalize.feb2025 import singular
from generator.normalize.naming import COMPONENT, PARAMETER, REQUEST, NameSpec
from generator.normalize.symmetric import SymmetricRegistry


def _api(tmp_path: Path, text: str, feb2025: bool = True) -> ir.Api:
    path = tmp_path / "spec.yaml"
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    ws = load(path)
    return normalize(ws, Config(name_resolution_feb2025=feb2025), Sink(locator=ws.locate))


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
    # a and c both end up without a free candidate: numbered in spec order
    assert reg.finish() == {"a": "AStatus", "b": "BStatus", "c": "AStatus1", "d": "Kind", "e": "Kind1"}


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
