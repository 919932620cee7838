"""Rules found on the bolt-python pair (OpenAPI 3.0, Speakeasy 1.645)."""

from __future__ import annotations

import textwrap
from pathlib import Path

from generator import ir
from generator.config import Config
from generator.diagnostics import Sink
from generator.loader import load
from generator.normalize import normalize


def _api(tmp_path: Path, schemas: str, version: str = "3.0.0", config: Config | None = None) -> ir.Api:
    """A spec whose one operation returns ``Thing``, with these components."""
    text = f"""
    openapi: {version}
    info: {{title: t, version: "1"}}
    paths:
      /x:
        get:
          operationId: getThing
          responses:
            "200":
              description: ok
              content:
                application/json:
                  schema: {{$ref: '#/components/schemas/Thing'}}
    components:
      schemas:
{textwrap.indent(textwrap.dedent(schemas).strip(), " " * 8)}
    """
    path = tmp_path / "spec.yaml"
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    ws = load(path)
    return normalize(ws, config or Config(), Sink(locator=ws.locate_all))


def _fields(api: ir.Api, model: str) -> dict[str, ir.Field]:
    body = next(m for m in api.models if m.name.python == model).body
    assert isinstance(body, ir.Object)
    return {f.wire_name: f for f in body.fields}


_EMAIL = """
Thing:
  type: object
  properties:
    mail:
      description: The mail of this thing.
      example: other@example.com
      $ref: '#/components/schemas/email'
email:
  description: An email address.
  example: a@example.com
  type: string
"""


def test_30_ref_siblings_give_way_to_the_target(tmp_path: Path) -> None:
    mail = _fields(_api(tmp_path, _EMAIL), "Thing")["mail"]
    assert mail.description == "An email address."
    assert mail.example == ir.Json("a@example.com")


def test_31_ref_siblings_give_way_too(tmp_path: Path) -> None:
    # 3.1 allows siblings beside $ref, but Speakeasy shows the target's
    # annotations there as well (mistral's 3.1 `agent.md`, `completionArgs`)
    mail = _fields(_api(tmp_path, _EMAIL, "3.1.0"), "Thing")["mail"]
    assert mail.description == "An email address."
    assert mail.example == ir.Json("a@example.com")


def test_null_in_a_typed_enum_is_not_nullability(tmp_path: Path) -> None:
    api = _api(tmp_path, """
    Thing:
      type: object
      properties:
        typed: {type: string, enum: [a, b, null]}
        untyped: {enum: [a, b, null]}
        declared: {type: string, nullable: true, enum: [a, b, null]}
    """)
    fields = _fields(api, "Thing")
    assert (fields["typed"].nullable, fields["untyped"].nullable, fields["declared"].nullable) == (False, True, True)


def test_allof_property_restated_keeps_place_takes_last_schema(tmp_path: Path) -> None:
    api = _api(tmp_path, """
    Thing:
      allOf:
        - $ref: '#/components/schemas/Base'
        - type: object
          properties:
            extra: {type: boolean}
            first: {type: string}
    Base:
      type: object
      properties:
        first: {type: string, description: From the base.}
        second: {type: string}
    """)
    fields = _fields(api, "Thing")
    assert list(fields) == ["first", "second", "extra"]
    assert fields["first"].description is None


def test_inline_enum_of_a_merged_part_is_a_model_of_each_merging_object(tmp_path: Path) -> None:
    api = _api(tmp_path, """
    Thing:
      type: object
      properties:
        base: {$ref: '#/components/schemas/Base'}
        more: {$ref: '#/components/schemas/More'}
    More:
      allOf:
        - $ref: '#/components/schemas/Base'
        - type: object
          properties:
            extra: {type: boolean}
    Base:
      type: object
      properties:
        rank: {type: string, enum: [primary, listed]}
    """)
    base, more = _fields(api, "Base")["rank"].type, _fields(api, "More")["rank"].type
    assert isinstance(base, ir.Ref) and isinstance(more, ir.Ref)
    assert base.model != more.model


_COMPOSITE = """
Thing:
  type: object
  properties:
    wrapped:
      allOf:
        - $ref: '#/components/schemas/Composite'
        - description: Said by the wrapper.
    inline:
      allOf:
        - $ref: '#/components/schemas/Base'
        - type: object
          properties:
            extra: {type: boolean}
    plain: {$ref: '#/components/schemas/Plain'}
    plain_wrapped:
      allOf:
        - $ref: '#/components/schemas/Plain'
        - description: Not the model's.
Composite:
  allOf:
    - $ref: '#/components/schemas/Base'
    - type: object
      properties:
        extra: {type: boolean}
Base:
  description: Said by the base.
  type: object
  properties:
    id: {type: string}
Plain:
  type: object
  properties:
    id: {type: string}
"""


def test_composite_fields_describe_themselves_only(tmp_path: Path) -> None:
    fields = _fields(_api(tmp_path, _COMPOSITE), "Thing")
    assert (fields["wrapped"].description, fields["inline"].description) == (None, None)


def test_component_first_reached_through_a_described_wrapper_takes_its_description(tmp_path: Path) -> None:
    models = {m.name.python: m for m in _api(tmp_path, _COMPOSITE).models}
    assert models["Composite"].description == "Said by the wrapper."
    assert models["Plain"].description is None  # reached plainly first



def _wrapper_fields(tmp_path: Path) -> dict[str, ir.Field]:
    text = """
    openapi: 3.0.0
    info: {title: t, version: "1"}
    paths:
      /hooks/{hook_id}:
        post:
          operationId: touchHook
          parameters:
            - {in: path, name: hook_id, required: true, schema: {$ref: '#/components/schemas/hook_id'}}
          requestBody:
            content:
              application/json:
                schema: {$ref: '#/components/schemas/Hook'}
          responses: {"204": {description: done}}
    components:
      schemas:
        hook_id: {type: string, example: wh_1}
        Hook:
          type: object
          properties:
            days: {type: integer}
          example: {days: 30}
    """
    path = tmp_path / "spec.yaml"
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    ws = load(path)
    api = normalize(ws, Config(), Sink(locator=ws.locate_all))
    return _fields(api, "TouchHookRequest")


def test_parameter_example_follows_the_schema_ref(tmp_path: Path) -> None:
    assert _wrapper_fields(tmp_path)["hook_id"].example == ir.Json("wh_1")


def test_wrapper_body_field_shows_the_body_schema_example(tmp_path: Path) -> None:
    assert _wrapper_fields(tmp_path)["Hook"].example == ir.Json({"days": 30})


def test_date_format_on_an_integer_is_a_number_in_the_docs() -> None:
    from generator.render.markdown.types_cell import is_date

    assert not is_date(ir.Primitive(kind="integer", format="date"))
    assert is_date(ir.Primitive(kind="string", format="date"))


def test_shared_request_body_describes_the_component_it_wraps(tmp_path: Path) -> None:
    text = """
    openapi: 3.0.0
    info: {title: t, version: "1"}
    paths:
      /a:
        post:
          operationId: doA
          requestBody: {$ref: '#/components/requestBodies/a_body'}
          responses: {"204": {description: done}}
      /b:
        post:
          operationId: doB
          requestBody:
            description: Said by the operation.
            content:
              application/json:
                schema: {$ref: '#/components/schemas/B'}
          responses: {"204": {description: done}}
    components:
      requestBodies:
        a_body:
          description: Said by the shared body.
          content:
            application/json:
              schema: {$ref: '#/components/schemas/A'}
      schemas:
        A: {type: object, properties: {id: {type: string}}}
        B: {type: object, properties: {id: {type: string}}}
    """
    path = tmp_path / "spec.yaml"
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    ws = load(path)
    models = {m.name.python: m for m in normalize(ws, Config(), Sink(locator=ws.locate_all)).models}
    assert (models["A"].description, models["B"].description) == ("Said by the shared body.", None)
