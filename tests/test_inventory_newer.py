"""Model inventory for schema features of the newer specs (CONVENTIONS-NEWER.md
"Model inventory"): which schemas become models, with which fields and types."""

from __future__ import annotations

from pathlib import Path
from typing import cast

from conftest import spec_api

from generator import ir
from generator.config import Config


def _api(tmp_path: Path, text: str, config: Config | None = None) -> ir.Api:
    return cast(ir.Api, spec_api(tmp_path, text, config))


def _model(api: ir.Api, origin: str) -> ir.Model:
    return api.model(origin)


def _fields(api: ir.Api, model_id: str) -> dict[str, ir.Field]:
    body = api.model(model_id).body
    assert isinstance(body, ir.Object)
    return {f.wire_name: f for f in body.fields}


_ALLOF_SPEC = """
openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /school:
    get:
      operationId: getSchool
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "#/components/schemas/School"}
components:
  schemas:
    Kind:
      type: string
      enum: [GR, GY]
      description: the kind
    Meta:
      type: object
      description: meta of anything
      required: [createdAt]
      properties:
        createdAt: {type: string}
    School:
      type: object
      properties:
        meta:
          allOf: [{$ref: "#/components/schemas/Meta"}]
          description: meta of the school
          examples: [{createdAt: x}]
        kind:
          allOf: [{$ref: "#/components/schemas/Kind"}]
          description: kind of the school
          nullable: true
        plain:
          allOf: [{$ref: "#/components/schemas/Kind"}]
          description: only a description beside it
        bare:
          allOf: [{$ref: "#/components/schemas/Meta"}]
"""


def test_allof_ref_with_siblings_is_a_new_model_at_its_position(tmp_path: Path) -> None:
    api = _api(tmp_path, _ALLOF_SPEC)
    school = _fields(api, "#/components/schemas/School")
    meta_copy = "#/components/schemas/School/properties/meta"
    assert school["meta"].type == ir.Ref(model=meta_copy)
    assert api.model(meta_copy).description == "meta of the school"
    assert _fields(api, meta_copy)["createdAt"].required
    kind_copy = "#/components/schemas/School/properties/kind"
    assert school["kind"].type == ir.Ref(model=kind_copy) and school["kind"].nullable
    assert isinstance(api.model(kind_copy).body, ir.Enum)
    assert api.model(kind_copy).description == "kind of the school"


def test_allof_ref_with_only_a_description_or_nothing_beside_is_the_reference(tmp_path: Path) -> None:
    api = _api(tmp_path, _ALLOF_SPEC)
    school = _fields(api, "#/components/schemas/School")
    assert school["plain"].type == ir.Ref(model="#/components/schemas/Kind")
    assert school["plain"].description == "only a description beside it"
    assert school["bare"].type == ir.Ref(model="#/components/schemas/Meta")


def test_a_component_used_only_through_copies_has_no_model(tmp_path: Path) -> None:
    text = _ALLOF_SPEC.replace("        bare:\n          allOf: [{$ref: \"#/components/schemas/Meta\"}]\n", "")
    ids = {m.id for m in _api(tmp_path, text).models}
    assert "#/components/schemas/Meta" not in ids
    assert "#/components/schemas/School/properties/meta" in ids


def test_nested_copies_get_their_own_models_per_position(tmp_path: Path) -> None:
    api = _api(tmp_path, """
    openapi: 3.1.0
    info: {title: t, version: "1"}
    paths:
      /f:
        get:
          operationId: getF
          responses:
            "200":
              description: ok
              content:
                application/json:
                  schema: {$ref: "#/components/schemas/Filter"}
    components:
      schemas:
        Inner:
          type: object
          properties: {a: {type: string}}
        Equals:
          type: object
          properties:
            inner: {allOf: [{$ref: "#/components/schemas/Inner"}], nullable: true}
        Filter:
          type: object
          properties:
            equals: {allOf: [{$ref: "#/components/schemas/Equals"}], nullable: true}
            notEquals: {allOf: [{$ref: "#/components/schemas/Equals"}], nullable: true}
    """)
    ids = {m.id for m in api.models}
    base = "#/components/schemas/Filter/properties/"
    assert {base + "equals/properties/inner", base + "notEquals/properties/inner"} <= ids
    assert "#/components/schemas/Equals" not in ids


def test_a_recursive_allof_copy_falls_back_to_the_reference(tmp_path: Path) -> None:
    api = _api(tmp_path, """
    openapi: 3.1.0
    info: {title: t, version: "1"}
    paths:
      /n:
        get:
          operationId: getNode
          responses:
            "200":
              description: ok
              content:
                application/json:
                  schema: {$ref: "#/components/schemas/Node"}
    components:
      schemas:
        Node:
          type: object
          properties:
            child: {allOf: [{$ref: "#/components/schemas/Node"}], nullable: true}
    """)
    child = _fields(api, "#/components/schemas/Node")["child"]
    assert child.type == ir.Ref(model="#/components/schemas/Node") and child.nullable


_SECURITY_SPEC = """
openapi: 3.0.3
info: {title: t, version: "1"}
security: [{Key: []}, {OAuth: []}]
paths:
  /a:
    get:
      operationId: both
      security: [{OAuth: [read], Key: []}]
      responses: {"204": {description: done}}
  /b:
    get:
      operationId: keyOnly
      security: [{Key: [scope]}]
      responses: {"204": {description: done}}
  /c:
    get:
      operationId: anonymous
      security: []
      responses: {"204": {description: done}}
components:
  securitySchemes:
    OAuth: {type: oauth2, flows: {}}
    Key: {type: apiKey, in: header, name: X-Key}
"""


def test_global_security_fields_follow_the_document_requirements(tmp_path: Path) -> None:
    api = _api(tmp_path, _SECURITY_SPEC)
    assert api.security_model is not None
    fields = list(_fields(api, api.security_model).values())
    assert [(f.wire_name, f.required) for f in fields] == [("Key", False), ("OAuth", False)]


def test_an_operation_needing_two_schemes_at_once_gets_its_own_security_model(tmp_path: Path) -> None:
    api = _api(tmp_path, _SECURITY_SPEC)
    ops = {op.operation_id: op for op in api.operations}
    assert ops["keyOnly"].security_model is None and ops["anonymous"].security_model is None
    model_id = ops["both"].security_model
    assert model_id is not None and api.model(model_id).name.python == "BothSecurity"
    fields = list(_fields(api, model_id).values())
    assert [(f.wire_name, f.required) for f in fields] == [("OAuth", True), ("Key", True)]


_SHARED_SPEC = """
openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /a:
    post:
      operationId: createA
      requestBody: {$ref: "#/components/requestBodies/Thing"}
      responses:
        "200": {$ref: "#/components/responses/Thing"}
        "400": {$ref: "#/components/responses/Problem"}
  /b:
    post:
      operationId: createB
      requestBody: {$ref: "#/components/requestBodies/Thing"}
      responses:
        "400": {$ref: "#/components/responses/Problem"}
components:
  requestBodies:
    Thing:
      description: a thing to create
      content:
        application/json:
          schema: {type: object, properties: {name: {type: string}}}
  responses:
    Thing:
      description: the created thing
      content:
        application/json:
          schema: {type: object, properties: {id: {type: string}}}
    Problem:
      description: bad
      content:
        application/json:
          schema: {type: object, properties: {message: {type: string}}}
"""


def test_shared_request_bodies_and_responses_are_one_model_named_by_their_key(tmp_path: Path) -> None:
    api = _api(tmp_path, _SHARED_SPEC)
    ops = {op.operation_id: op for op in api.operations}
    body, other = ops["createA"].request_body, ops["createB"].request_body
    assert other is not None and body is not None and other.type == body.type
    assert body is not None and isinstance(body.type, ir.Ref)
    # the key is taken by the request body, so the response adds its kind
    assert api.model(body.type.model).name.python == "Thing"
    assert api.model(body.type.model).description == "a thing to create"
    ok = next(r for r in ops["createA"].responses if r.status == "200")
    assert isinstance(ok.type, ir.Ref) and api.model(ok.type.model).name.python == "ThingResponse"
    errors = [r.type for op in api.operations for r in op.responses if r.status == "400"]
    assert errors[0] == errors[1]
    assert sum(1 for m in api.models if m.role == "error") == 1


def test_an_object_without_properties_or_extra_keys_is_an_empty_model(tmp_path: Path) -> None:
    api = _api(tmp_path, """
    openapi: 3.0.3
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
                      empty: {type: object, description: nothing inside}
                      closed: {type: object, additionalProperties: false}
                      free: {type: object, additionalProperties: true}
                      typed: {type: object, additionalProperties: {type: integer}}
    """)
    root = next(r for r in api.operations[0].responses).type
    assert isinstance(root, ir.Ref)
    fields = _fields(api, root.model)
    for name in ("empty", "closed"):
        ref = fields[name].type
        assert isinstance(ref, ir.Ref) and api.model(ref.model).body == ir.Object(fields=())
    assert fields["free"].type == ir.Map(values=ir.Any())
    assert fields["typed"].type == ir.Map(values=ir.Primitive(kind="integer"))


def test_additional_properties_of_a_referenced_object(tmp_path: Path) -> None:
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
                      open: {type: object, properties: {a: {type: string}}, additionalProperties: true}
                      typed: {type: object, properties: {a: {type: string}}, additionalProperties: {type: number}}
                      closed: {type: object, properties: {a: {type: string}}, additionalProperties: false}
    """)
    root = api.operations[0].responses[0].type
    assert isinstance(root, ir.Ref)
    fields = _fields(api, root.model)

    def additional(name: str) -> ir.TypeExpr | None:
        ref = fields[name].type
        assert isinstance(ref, ir.Ref)
        body = api.model(ref.model).body
        assert isinstance(body, ir.Object)
        return body.additional

    assert additional("open") == ir.Any()
    assert additional("typed") == ir.Primitive(kind="number")
    assert additional("closed") is None


_HEADERS_SPEC = """
openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /a:
    get:
      operationId: listThings
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {type: object, properties: {id: {type: string}}}
  /b:
    delete:
      operationId: dropThing
      responses:
        "204": {description: gone}
        "429":
          description: slow down
          headers: {Retry-After: {schema: {type: string}}}
"""


def test_an_operation_with_response_headers_returns_a_wrapper_with_headers_and_result(tmp_path: Path) -> None:
    text = _HEADERS_SPEC.replace("        \"200\":\n          description: ok\n",
                                 "        \"200\":\n          description: ok\n"
                                 "          headers: {X-Rate: {schema: {type: integer}}}\n")
    api = _api(tmp_path, text)
    ops = {op.operation_id: op for op in api.operations}
    wrapper = ops["listThings"].response_model
    assert wrapper is not None and api.model(wrapper).name.python == "ListThingsResponse"
    fields = _fields(api, wrapper)
    assert fields["headers"].type == ir.Map(values=ir.Array(items=ir.Primitive(kind="string")))
    assert fields["result"].type == ops["listThings"].responses[0].type and fields["result"].required
    # headers on an error response are enough; no success body means no result
    drop = ops["dropThing"].response_model
    assert drop is not None and list(_fields(api, drop)) == ["headers"]


def test_an_operation_without_response_headers_has_no_wrapper(tmp_path: Path) -> None:
    api = _api(tmp_path, _HEADERS_SPEC)
    assert next(op for op in api.operations if op.operation_id == "listThings").response_model is None


_EXAMPLES_SPEC = """
openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /a:
    get:
      operationId: getA
      parameters:
        - {name: limit, in: query, schema: {type: integer, examples: [5]}}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  code: {type: string, examples: ["0184", null]}
                  both: {type: string, example: old, examples: [new]}
"""


def test_example_and_the_first_of_examples_are_kept_apart_for_the_renderers(tmp_path: Path) -> None:
    # Which one a doc shows depends on the Speakeasy version matched, so the
    # IR keeps both facts whatever the version (test_render_newer covers docs).
    for config in (Config(), Config(compat_version="1.535.1")):
        api = _api(tmp_path, _EXAMPLES_SPEC, config)
        root = api.operations[0].responses[0].type
        assert isinstance(root, ir.Ref)
        fields = _fields(api, root.model)
        assert (fields["code"].example, fields["code"].listed_example) == (None, ir.Json("0184"))
        assert (fields["both"].example, fields["both"].listed_example) == (ir.Json("old"), ir.Json("new"))
        param = api.operations[0].parameters[0]
        assert (param.example, param.listed_example) == (None, ir.Json(5))


def test_an_allof_part_that_only_describes_is_dropped(tmp_path: Path) -> None:
    api = _api(tmp_path, """
    openapi: 3.0.3
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
                  schema: {$ref: "#/components/schemas/Chargeback"}
    components:
      schemas:
        Amount:
          type: object
          properties: {value: {type: number}}
        Chargeback:
          type: object
          properties:
            won:
              allOf: [{$ref: "#/components/schemas/Amount"}, {description: what was won}]
    """)
    won = _fields(api, "#/components/schemas/Chargeback")["won"]
    assert won.type == ir.Ref(model="#/components/schemas/Amount")
    assert won.description is None


def test_error_bodies_get_no_python_doc_in_newer_versions(tmp_path: Path) -> None:
    from generator.render.markdown import render_python_docs

    text = _SHARED_SPEC
    api = _api(tmp_path, text)
    problem = next(r.type for r in api.operations[0].responses if r.status == "400")
    assert isinstance(problem, ir.Ref)
    stem = api.model(problem.model).name.python.lower()
    newer = render_python_docs(api, Config())
    older = render_python_docs(api, Config(compat_version="1.535.1"))
    assert f"python/docs/models/{stem}.md" not in newer
    assert f"python/docs/models/{stem}.md" in older


def test_operations_send_their_own_or_the_documents_schemes(tmp_path: Path) -> None:
    spec = """
    openapi: 3.1.0
    info: {title: t, version: "1"}
    security: [{Key: []}]
    components:
      securitySchemes:
        Key: {type: apiKey, in: header, name: X-Key}
        Token: {type: http, scheme: bearer}
    paths:
      /a: {get: {operationId: inherits, responses: {"204": {description: ok}}}}
      /b: {get: {operationId: public, security: [], responses: {"204": {description: ok}}}}
      /c: {get: {operationId: either, security: [{Token: []}, {Key: []}], responses: {"204": {description: ok}}}}
    """
    by_id = {op.operation_id: op.security for op in _api(tmp_path, spec).operations}
    assert by_id == {"inherits": ("Key",), "public": (), "either": ("Token", "Key")}
    unsaid = {op.operation_id: op.security for op in _api(tmp_path, spec.replace("security: [{Key: []}]", "")).operations}
    assert unsaid["inherits"] is None  # neither says: every configured credential is sent


_BODIES = """
openapi: 3.1.0
info: {title: t, version: "1"}
components:
  schemas:
    capture_with_reference: {type: object, properties: {amount: {type: integer}}}
  requestBodies:
    capture: {content: {application/json: {schema: {$ref: "#/components/schemas/capture_with_reference"}}}}
    search: {content: {application/json: {schema: {type: object, properties: {q: {type: string}}}}}}
paths:
  /a/{id}:
    parameters: [{name: id, in: path, required: true, schema: {type: string}}]
    post: {operationId: capture, requestBody: {$ref: "#/components/requestBodies/capture"}, responses: {"204": {description: ok}}}
    put: {operationId: search, requestBody: {$ref: "#/components/requestBodies/search"}, responses: {"204": {description: ok}}}
    patch:
      operationId: inline
      requestBody: {content: {application/json: {schema: {type: object, properties: {x: {type: string}}}}}}
      responses: {"204": {description: ok}}
"""


def _body_fields(api: ir.Api) -> dict[str, str]:
    out = {}
    for op in api.operations:
        assert op.request_model is not None
        out[str(op.operation_id)] = _fields_list(api, op.request_model)[-1].wire_name
    return out


def _fields_list(api: ir.Api, model_id: str) -> list[ir.Field]:
    body = api.model(model_id).body
    assert isinstance(body, ir.Object)
    return list(body.fields)


def test_the_wrapper_names_its_body_after_the_component_it_is(tmp_path: Path) -> None:
    assert _body_fields(_api(tmp_path, _BODIES)) == {
        "capture": "capture_with_reference", "search": "search", "inline": "RequestBody"}
    # gen.yaml `requestBodyFieldName` names every one
    named = _body_fields(_api(tmp_path, _BODIES, Config(request_body_field_name="body")))
    assert set(named.values()) == {"body"}


def test_maintain_openapi_order_false_sorts_fields_but_keeps_the_body_last(tmp_path: Path) -> None:
    spec = """
    openapi: 3.1.0
    info: {title: t, version: "1"}
    components:
      schemas:
        Thing: {type: object, properties: {zeta: {type: string}, alpha: {type: string}}}
    paths:
      /a/{z_id}:
        post:
          operationId: make
          parameters:
            - {name: z_id, in: path, required: true, schema: {type: string}}
            - {name: a_flag, in: query, schema: {type: boolean}}
          requestBody: {content: {application/json: {schema: {$ref: "#/components/schemas/Thing"}}}}
          responses: {"204": {description: ok}}
    """
    for spec_order, thing, request in ((True, ["zeta", "alpha"], ["z_id", "a_flag", "Thing"]),
                                       (False, ["alpha", "zeta"], ["a_flag", "z_id", "Thing"])):
        api = _api(tmp_path, spec, Config(maintain_openapi_order=spec_order))
        assert [f.wire_name for f in _fields_list(api, "#/components/schemas/Thing")] == thing
        wrapper = api.operations[0].request_model
        assert wrapper is not None
        assert [f.wire_name for f in _fields_list(api, wrapper)] == request


_CONST_SPEC = """
openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /events:
    get:
      operationId: getEvent
      responses:
        "200":
          description: ok
          content: {application/json: {schema: {$ref: '#/components/schemas/Event'}}}
components:
  schemas:
    Event:
      type: object
      required: [type, id, mode]
      properties:
        type: {type: string, const: created}
        mode: {type: string, const: live, default: live}
        id: {type: string}
"""


def test_const_fields_always_optional_makes_constant_fields_optional_with_their_value(tmp_path: Path) -> None:
    strict = _fields(_api(tmp_path, _CONST_SPEC), "#/components/schemas/Event")
    assert [(n, f.required) for n, f in strict.items()] == [("type", True), ("mode", True), ("id", True)]
    assert strict["type"].default is None

    relaxed = _fields(_api(tmp_path, _CONST_SPEC, Config(const_fields_always_optional=True)),
                      "#/components/schemas/Event")
    assert [(n, f.required) for n, f in relaxed.items()] == [("type", False), ("mode", False), ("id", True)]
    assert relaxed["type"].default == ir.Json("created") and relaxed["mode"].default == ir.Json("live")


_UNIONS_SPEC = """
openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /pets:
    post:
      operationId: addPet
      requestBody:
        content: {application/json: {schema: {$ref: '#/components/schemas/NewPet'}}}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  pet: {$ref: '#/components/schemas/Pet'}
                  value: {oneOf: [{type: string}, {type: integer}]}
components:
  schemas:
    Pet:
      oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]
      discriminator: {propertyName: kind}
    NewPet:
      oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]
      discriminator: {propertyName: kind}
    Cat: {type: object, required: [kind], properties: {kind: {type: string, const: cat}}}
    Dog: {type: object, required: [kind], properties: {kind: {type: string, const: dog}}}
"""


def test_forward_compatible_unions_open_the_response_unions_the_setting_names(tmp_path: Path) -> None:
    def open_unions(setting: str) -> list[str]:
        api = _api(tmp_path, _UNIONS_SPEC, Config(forward_compatible_unions=setting))  # type: ignore[arg-type]
        return sorted(m.name.typescript for m in api.models if isinstance(m.body, ir.Union) and m.body.open)

    assert open_unions("false") == []
    assert open_unions("tagged-only") == ["Pet"]  # the request's NewPet stays closed
    assert open_unions("all") == ["Pet", "Value"]


_MODIFIER_PARTS = """
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
                  tokenizer:
                    allOf: [{$ref: "#/components/schemas/Group"}, {nullable: true}]
                  tier:
                    allOf: [{$ref: "#/components/schemas/Tier"}, {enum: [flex, auto], example: auto}]
components:
  schemas:
    Group: {type: string, enum: [GPT, Other], example: GPT, description: the group}
    Tier: {type: string, enum: [auto, flex]}
"""


def test_allof_of_a_ref_and_modifier_parts_is_a_copy_of_the_target(tmp_path: Path) -> None:
    api = _api(tmp_path, _MODIFIER_PARTS)
    root = "#/paths/~1a/get/responses/200/content/application~1json/schema"
    fields = _fields(api, root)
    tokenizer = fields["tokenizer"]
    assert tokenizer.type == ir.Ref(model=f"{root}/properties/tokenizer") and tokenizer.nullable
    body = api.model(f"{root}/properties/tokenizer").body
    assert isinstance(body, ir.Enum) and list(body.values) == ["GPT", "Other"]
    # the field describes itself by what is written on it; the copy keeps the target's words
    assert tokenizer.description is None
    assert api.model(f"{root}/properties/tokenizer").description == "the group"
    # an enum in a later part does not reorder the target's values
    tier = api.model(f"{root}/properties/tier").body
    assert isinstance(tier, ir.Enum) and list(tier.values) == ["auto", "flex"]


def test_allof_field_examples_come_from_the_target_then_the_other_parts(tmp_path: Path) -> None:
    fields = _fields(_api(tmp_path, _MODIFIER_PARTS), "#/paths/~1a/get/responses/200/content/application~1json/schema")
    assert fields["tokenizer"].example == ir.Json("GPT")
    assert fields["tier"].example == ir.Json("auto")


def test_a_scheme_only_operations_ask_for_stays_out_of_the_global_security(tmp_path: Path) -> None:
    api = _api(tmp_path, """
    openapi: 3.0.3
    info: {title: t, version: "1"}
    security: [{apiKey: []}]
    paths:
      /a:
        get:
          operationId: charge
          security: [{bearer: []}]
          responses: {"204": {description: done}}
    components:
      securitySchemes:
        apiKey: {type: http, scheme: bearer}
        bearer: {type: http, scheme: bearer}
    """)
    assert api.security_model is not None
    assert list(_fields(api, api.security_model)) == ["apiKey"]
    op = api.operations[0]
    assert op.security_model is not None and list(_fields(api, op.security_model)) == ["bearer"]


_SCHEMA_EXAMPLE_SPEC = """
openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /q:
    get:
      operationId: getQ
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Holder'}
components:
  schemas:
    Holder:
      type: object
      properties:
        quantization: {$ref: '#/components/schemas/Quantization'}
        error: {$ref: '#/components/schemas/ErrorData'}
    Quantization:
      type: string
      enum: [int4, fp16]
      example: fp16
    ErrorData:
      type: object
      properties:
        code: {type: integer}
      examples:
        - code: 502
"""


def test_a_models_own_schema_example_is_kept(tmp_path: Path) -> None:
    api = _api(tmp_path, _SCHEMA_EXAMPLE_SPEC)
    assert api.model("#/components/schemas/Quantization").example == ir.Json("fp16")
    assert api.model("#/components/schemas/ErrorData").example == ir.Json({"code": 502})
    assert api.model("#/components/schemas/Holder").example is None
    # 1.535 reads only ``example``
    older = _api(tmp_path, _SCHEMA_EXAMPLE_SPEC, Config(compat_version="1.535.1"))
    assert older.model("#/components/schemas/ErrorData").example is None


def test_a_union_offering_a_primitive_twice_keeps_its_members_and_example_for_examples(tmp_path: Path) -> None:
    api = _api(tmp_path, """
openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /p:
    get:
      operationId: getP
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  price: {$ref: '#/components/schemas/BigNumber'}
components:
  schemas:
    BigNumber:
      anyOf: [{type: number}, {type: string}, {type: number, example: 1000}]
      example: 1000
""")
    price = next(f for m in api.models if isinstance(m.body, ir.Object) for f in m.body.fields)
    number, string = ir.Primitive(kind="number"), ir.Primitive(kind="string")
    assert price.type == ir.Any(options=(number, string, number), example=ir.Json(1000))
    assert price.example is None  # the Example column stays empty


_ALLOF_EXAMPLE_SPEC = """
openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /q:
    get:
      operationId: getQ
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  message: {$ref: '#/components/schemas/WrappedMessage'}
                  event: {$ref: '#/components/schemas/WrappedEvent'}
                  usage: {$ref: '#/components/schemas/ExtendedUsage'}
                  extended: {$ref: '#/components/schemas/ExtendedMessage'}
                  event_union:
                    oneOf:
                      - allOf: [{$ref: '#/components/schemas/Message'}, {properties: {x: {type: string}}}]
                        example: {id: msg-member}
                      - {$ref: '#/components/schemas/Usage'}
components:
  schemas:
    Message:
      type: object
      properties: {id: {type: string}}
      example: {id: msg-target}
    Event:
      type: object
      properties: {seq: {type: number}}
    Usage:
      type: object
      properties: {tokens: {type: number}}
    WrappedMessage:
      allOf: [{$ref: '#/components/schemas/Message'}, {type: object, properties: {}}]
      example: {id: msg-own}
    WrappedEvent:
      allOf: [{$ref: '#/components/schemas/Event'}, {type: object, properties: {}}]
      example: {seq: 4}
    ExtendedUsage:
      allOf: [{$ref: '#/components/schemas/Usage'}, {type: object, properties: {cost: {type: number}}}]
      example: {tokens: 1, cost: 2}
    ExtendedMessage:
      allOf: [{$ref: '#/components/schemas/Message'}, {type: object, properties: {sig: {type: string}}}]
      example: {id: msg-extended}
"""


def test_an_allof_object_prints_its_targets_example_and_adds_one_only_with_properties(tmp_path: Path) -> None:
    api = _api(tmp_path, _ALLOF_EXAMPLE_SPEC)
    example = {name: api.model(f"#/components/schemas/{name}").example
               for name in ("WrappedMessage", "WrappedEvent", "ExtendedUsage", "ExtendedMessage")}
    assert example == {
        "WrappedMessage": ir.Json({"id": "msg-target"}),  # the target's wins
        "WrappedEvent": None,  # adds nothing: the target again, which has none
        "ExtendedUsage": ir.Json({"tokens": 1, "cost": 2}),  # adds a property: its own
        "ExtendedMessage": ir.Json({"id": "msg-target"}),
    }
    # an inline allOf member of a union likewise
    union = next(m for m in api.models if isinstance(m.body, ir.Union))
    assert isinstance(union.body, ir.Union)
    assert [m.example for m in union.body.members] == [ir.Json({"id": "msg-target"}), None]
