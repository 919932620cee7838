"""Normalizer decisions: model inventory, names, required/nullable, unions."""

from __future__ import annotations

import textwrap
from pathlib import Path

from conftest import SPEC

from generator import ir
from generator.config import Config
from generator.diagnostics import Sink
from generator.loader import load
from generator.normalize import normalize


def _api(tmp_path: Path, text: str) -> ir.Api:
    path = tmp_path / "spec.yaml"
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    ws = load(path)
    return normalize(ws, Config(), Sink(locator=ws.locate_all))


def _by_name(api: ir.Api) -> dict[str, ir.Model]:
    return {m.name.python: m for m in api.models}


def test_sessions_inventory_matches_the_seed_names() -> None:
    ws = load(SPEC)
    api = normalize(ws, Config(sdk_class_name="Orq"), Sink(locator=ws.locate_all))
    names = [m.name.typescript for m in api.models]
    for expected in ("CreateSessionRequestBody", "Billing", "CreateSessionUsage", "CreateSessionBilling",
                     "CreateSessionSessionsUsage", "GetSessionResponseBody", "GetSessionBilling", "GetSessionUsage",
                     "UpdateSessionRequestBody", "UpdateSessionBilling", "UpdateSessionSessionsUsage",
                     "GetSessionRequest", "DeleteSessionRequest", "Security"):
        assert expected in names
    error = next(m for m in api.models if m.name.typescript == "HonoApiError")
    assert (error.name.python, error.name.ts_namespace) == ("HonoAPIError", "errors")


def _body(text: str) -> str:
    return f"""
    openapi: 3.1.0
    info: {{title: t, version: "1"}}
    paths:
      /x:
        post:
          operationId: doIt
          requestBody:
            content:
              application/json:
                schema:
{textwrap.indent(textwrap.dedent(text).strip(), " " * 18)}
          responses: {{"204": {{description: done}}}}
    """


def _fields(api: ir.Api, model: str) -> dict[str, ir.Field]:
    body = _by_name(api)[model].body
    assert isinstance(body, ir.Object)
    return {f.wire_name: f for f in body.fields}


def test_required_optional_and_nullable_are_separate_facts(tmp_path: Path) -> None:
    api = _api(tmp_path, _body("""
        type: object
        required: [a, b]
        properties:
          a: {type: string}
          b: {type: [string, "null"]}
          c: {type: string}
          d: {anyOf: [{type: string}, {type: "null"}]}
          e: {type: string, nullable: true}
          f: {type: string, readOnly: true}
          g: {type: string, x-speakeasy-ignore: true}
    """))
    fields = _fields(api, "DoItRequestBody")
    assert {k: (f.required, f.nullable) for k, f in fields.items()} == {
        "a": (True, False), "b": (True, True), "c": (False, False), "d": (False, True), "e": (False, True)}
    assert fields["d"].type == fields["c"].type == ir.Primitive(kind="string")


def test_allof_merges_into_one_model_and_unions_collapse(tmp_path: Path) -> None:
    api = _api(tmp_path, _body("""
        allOf:
          - {type: object, properties: {a: {type: string}}, required: [a]}
          - type: object
            properties:
              id: {oneOf: [{type: string, format: uuid}, {type: string}]}
              mode: {type: string, enum: [fast]}
              flag: {type: boolean, enum: [false]}
              choice: {oneOf: [{type: string}, {type: number}]}
    """))
    fields = _fields(api, "DoItRequestBody")
    assert list(fields) == ["a", "id", "mode", "flag", "choice"]
    assert fields["a"].required and not fields["id"].required
    assert fields["id"].type == ir.Primitive(kind="string", format="uuid")
    assert fields["flag"].type == ir.Primitive(kind="boolean")
    models = _by_name(api)
    assert isinstance(models["Mode"].body, ir.Enum) and models["Mode"].body.values == ("fast",)
    assert isinstance(models["Choice"].body, ir.Union)
    assert len(api.models) == 3  # body, Mode, Choice: no model for the allOf parts


def test_arrays_and_maps_pass_their_name_down(tmp_path: Path) -> None:
    api = _api(tmp_path, _body("""
        type: object
        properties:
          items: {type: array, items: {type: object, properties: {x: {type: integer}}}}
          labels: {type: object, additionalProperties: {type: object, properties: {y: {type: number}}}}
          free: {type: object, additionalProperties: true}
    """))
    fields = _fields(api, "DoItRequestBody")
    assert fields["items"].type == ir.Array(items=ir.Ref(model=_by_name(api)["Items"].id))
    assert fields["labels"].type == ir.Map(values=ir.Ref(model=_by_name(api)["Labels"].id))
    assert fields["free"].type == ir.Map(values=ir.Any())


def test_recursive_component_is_one_model(tmp_path: Path) -> None:
    api = _api(tmp_path, """
        openapi: 3.1.0
        info: {title: t, version: "1"}
        paths:
          /n:
            get:
              responses:
                "200":
                  description: ok
                  content: {application/json: {schema: {$ref: "#/components/schemas/Node"}}}
        components:
          schemas:
            Node:
              type: object
              properties:
                children: {type: array, items: {$ref: "#/components/schemas/Node"}}
    """)
    node = _by_name(api)["Node"]
    assert _fields(api, "Node")["children"].type == ir.Array(items=ir.Ref(model=node.id))


def test_a_union_wrapper_default_gives_way_to_the_first_variant(tmp_path: Path) -> None:
    """The orq spec has both ``default`` placements on ``anyOf: [date-time,
    string]`` and only the first variant's is a default in Speakeasy's SDK.
    The nullable wrapper (``anyOf: [X, null]``) is not in the oracle: it
    follows the same rule."""
    api = _api(tmp_path, _body("""
        type: object
        properties:
          wrapper: {anyOf: [{type: string, format: date-time}, {type: string}], default: "2025-01-01T00:00:00Z"}
          variant: {anyOf: [{type: string, format: date-time, default: "2025-01-01T00:00:00Z"}, {type: string}]}
          second: {anyOf: [{type: string}, {type: string, default: "b"}]}
          nullable: {anyOf: [{type: integer}, {type: "null"}], default: 3}
          null_first: {anyOf: [{type: "null"}, {type: integer, default: 4}]}
          plain: {type: integer, default: 5}
          union: {oneOf: [{type: string}, {type: integer}], default: "x"}
    """))
    defaults = {k: f.default for k, f in _fields(api, "DoItRequestBody").items()}
    assert defaults == {"wrapper": None, "variant": ir.Json("2025-01-01T00:00:00Z"), "second": None,
                        "nullable": None, "null_first": ir.Json(4), "plain": ir.Json(5), "union": None}
