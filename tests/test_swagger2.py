"""Swagger 2.0 input: converted to OpenAPI 3.0 on load, generated SDKs that
import and compile, and diagnostics that point at the Swagger file's lines."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import pytest
from test_python_target import import_check, mypy_strict, write_plan
from test_typescript_target import assert_tsc, write_package

import node_env
from generator.config import Config
from generator.diagnostics import SpecError
from generator.loader import load
from generator.pipeline import build_plan
from generator.validate import validate

PETSTORE = """\
swagger: "2.0"
info: {title: Swagger Petstore, version: 1.0.0}
host: petstore.example.com
basePath: /v2
schemes: [https, http]
consumes: [application/json]
produces: [application/json]
securityDefinitions:
  api_key: {type: apiKey, name: api_key, in: header}
  basic: {type: basic}
  oauth:
    type: oauth2
    flow: accessCode
    authorizationUrl: https://example.com/authorize
    tokenUrl: https://example.com/token
    scopes: {"read:pets": read your pets}
security:
  - api_key: []
parameters:
  limitParam: {name: limit, in: query, type: integer, format: int32, default: 20}
  petBody:
    name: body
    in: body
    required: true
    schema: {$ref: "#/definitions/Pet"}
responses:
  NotFound:
    description: not found
    schema: {$ref: "#/definitions/Error"}
paths:
  /pets:
    get:
      operationId: listPets
      parameters:
        - $ref: "#/parameters/limitParam"
        - {name: tags, in: query, type: array, items: {type: string}, collectionFormat: multi}
        - name: status
          in: query
          type: array
          items: {type: string, enum: [available, pending, sold]}
        - {name: X-Trace, in: header, type: string, x-nullable: true}
      responses:
        "200":
          description: a list of pets
          headers:
            X-Rate-Limit: {type: integer, description: calls per hour}
          schema:
            type: array
            items: {$ref: "#/definitions/Pet"}
        default:
          $ref: "#/responses/NotFound"
    post:
      operationId: addPet
      parameters:
        - $ref: "#/parameters/petBody"
      responses:
        "201":
          description: created
          schema: {$ref: "#/definitions/Pet"}
  /pets/{petId}:
    parameters:
      - {name: petId, in: path, required: true, type: integer, format: int64}
    put:
      operationId: updatePet
      consumes: [application/json, application/xml]
      produces: [application/xml]
      parameters:
        - {name: pet, in: body, description: the new pet, schema: {$ref: "#/definitions/Pet"}}
      responses:
        "200":
          description: ok
          schema: {$ref: "#/definitions/Pet"}
  /pets/{petId}/image:
    post:
      operationId: uploadImage
      consumes: [multipart/form-data]
      parameters:
        - {name: petId, in: path, required: true, type: integer, format: int64}
        - {name: additionalMetadata, in: formData, type: string, description: extra data}
        - {name: file, in: formData, type: file, required: true}
      responses:
        "200":
          description: ok
          schema: {$ref: "#/definitions/ApiResponse"}
  /pets/{petId}/form:
    post:
      operationId: updatePetWithForm
      consumes: [application/x-www-form-urlencoded]
      parameters:
        - {name: petId, in: path, required: true, type: integer, format: int64}
        - {name: name, in: formData, type: string, required: true}
        - {name: nicknames, in: formData, type: array, items: {type: string}, collectionFormat: pipes}
      responses:
        "204": {description: updated}
definitions:
  Pet:
    type: object
    required: [name]
    properties:
      id: {type: integer, format: int64}
      name: {type: string}
      category: {$ref: "#/definitions/Category"}
      nickname: {type: string, x-nullable: true}
      photoUrls: {type: array, items: {type: string}}
  Category:
    type: object
    properties:
      id: {type: integer, format: int64}
      name: {type: string}
  ApiResponse:
    type: object
    properties:
      code: {type: integer, format: int32}
      message: {type: string}
  Error:
    type: object
    properties:
      message: {type: string}
"""


def _write(tmp_path: Path, text: str, name: str = "swagger.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


@pytest.fixture(scope="module")
def petstore(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _write(tmp_path_factory.mktemp("swagger"), PETSTORE)


def _doc(spec: Path) -> dict[str, Any]:
    root = load(spec).root
    assert isinstance(root, dict)
    return root


# ---------------------------------------------------------------- conversion


def test_document_level(petstore: Path) -> None:
    doc = _doc(petstore)
    assert doc["openapi"] == "3.0.3" and "swagger" not in doc
    assert doc["servers"] == [{"url": "https://petstore.example.com/v2"}, {"url": "http://petstore.example.com/v2"}]
    assert list(doc["components"]["schemas"]) == ["Pet", "Category", "ApiResponse", "Error"]
    assert doc["components"]["schemas"]["Pet"]["properties"]["category"] == {"$ref": "#/components/schemas/Category"}
    assert doc["components"]["parameters"] == {"limitParam": {
        "name": "limit", "in": "query", "schema": {"type": "integer", "format": "int32", "default": 20}}}
    assert "petBody" not in doc["components"]["parameters"]  # a body: inlined where it is used
    assert doc["components"]["responses"]["NotFound"]["content"] == {
        "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    assert doc["components"]["securitySchemes"] == {
        "api_key": {"type": "apiKey", "name": "api_key", "in": "header"},
        "basic": {"type": "http", "scheme": "basic"},
        "oauth": {"type": "oauth2", "flows": {"authorizationCode": {
            "authorizationUrl": "https://example.com/authorize", "tokenUrl": "https://example.com/token",
            "scopes": {"read:pets": "read your pets"}}}},
    }
    assert doc["security"] == [{"api_key": []}]


def test_parameters_and_nullable(petstore: Path) -> None:
    doc = _doc(petstore)
    params = doc["paths"]["/pets"]["get"]["parameters"]
    assert params[0] == {"$ref": "#/components/parameters/limitParam"}
    assert params[1] == {"name": "tags", "in": "query", "schema": {"type": "array", "items": {"type": "string"}},
                         "style": "form", "explode": True}
    assert (params[2]["style"], params[2]["explode"]) == ("form", False)  # csv is Swagger's default
    assert params[3] == {"name": "X-Trace", "in": "header", "schema": {"type": "string", "nullable": True}}
    nickname = doc["components"]["schemas"]["Pet"]["properties"]["nickname"]
    assert nickname == {"type": "string", "nullable": True}
    assert doc["paths"]["/pets/{petId}"]["parameters"][0]["schema"] == {"type": "integer", "format": "int64"}


def test_bodies_and_content_types(petstore: Path) -> None:
    paths = _doc(petstore)["paths"]
    assert paths["/pets"]["post"]["requestBody"] == {
        "required": True, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}},
        "x-codegen-request-body-name": "body"}
    put = paths["/pets/{petId}"]["put"]
    assert list(put["requestBody"]["content"]) == ["application/json", "application/xml"]
    assert put["requestBody"]["description"] == "the new pet" and "parameters" not in put
    assert list(put["responses"]["200"]["content"]) == ["application/xml"]  # per-operation produces
    headers = paths["/pets"]["get"]["responses"]["200"]["headers"]
    assert headers == {"X-Rate-Limit": {"description": "calls per hour", "schema": {"type": "integer"}}}
    upload = paths["/pets/{petId}/image"]["post"]
    assert [p["name"] for p in upload["parameters"]] == ["petId"]
    assert upload["requestBody"] == {"required": True, "content": {"multipart/form-data": {"schema": {
        "type": "object", "required": ["file"], "properties": {
            "additionalMetadata": {"type": "string", "description": "extra data"},
            "file": {"type": "string", "format": "binary"}}}}}}
    form = paths["/pets/{petId}/form"]["post"]["requestBody"]["content"]
    assert list(form) == ["application/x-www-form-urlencoded"]
    media = form["application/x-www-form-urlencoded"]
    assert media["schema"]["required"] == ["name"]
    assert media["encoding"] == {"nicknames": {"style": "pipeDelimited", "explode": False}}


def test_openapi_validator_accepts_the_conversion(petstore: Path) -> None:
    assert validate(petstore, "swagger.yaml", Config()) == []


def test_formdata_without_consumes_picks_by_file(tmp_path: Path) -> None:
    spec = _write(tmp_path, """\
        swagger: "2.0"
        info: {title: t, version: "1"}
        paths:
          /a:
            post:
              parameters: [{name: f, in: formData, type: file}]
              responses: {"204": {description: ok}}
          /b:
            post:
              parameters: [{name: s, in: formData, type: string}]
              responses: {"204": {description: ok}}
        """)
    paths = _doc(spec)["paths"]
    assert list(paths["/a"]["post"]["requestBody"]["content"]) == ["multipart/form-data"]
    assert list(paths["/b"]["post"]["requestBody"]["content"]) == ["application/x-www-form-urlencoded"]


def test_files_reached_by_ref_are_fixed_in_place(tmp_path: Path) -> None:
    _write(tmp_path, """\
        Thing:
          type: object
          discriminator: kind
          properties:
            kind: {type: string}
            note: {type: string, x-nullable: true}
        Limit: {name: limit, in: query, type: integer}
        """, "common.yaml")
    spec = _write(tmp_path, """\
        swagger: "2.0"
        info: {title: t, version: "1"}
        paths:
          /things:
            get:
              parameters: [{$ref: "common.yaml#/Limit"}]
              responses:
                "200": {description: ok, schema: {$ref: "common.yaml#/Thing"}}
        """)
    ws = load(spec)
    op = ws.root["paths"]["/things"]["get"]  # type: ignore[index]
    assert op["parameters"] == [{"name": "limit", "in": "query", "schema": {"type": "integer"}}]
    thing = ws.resolve("common.yaml#/Thing", "#/paths").node
    assert thing == {"type": "object", "discriminator": {"propertyName": "kind"},
                     "properties": {"kind": {"type": "string"}, "note": {"type": "string", "nullable": True}}}
    assert ws.locate("#/paths/~1things/get/parameters/0/schema") == ws.locate("common.yaml#/Limit")


# ---------------------------------------------------------------- positions


def test_unresolved_definition_points_at_the_swagger_line(tmp_path: Path) -> None:
    text = PETSTORE.replace('category: {$ref: "#/definitions/Category"}', 'category: {$ref: "#/definitions/Nope"}')
    spec = _write(tmp_path, text)
    with pytest.raises(SpecError) as info:
        build_plan(Config(spec=spec, targets=()))
    [diag] = info.value.diagnostics
    assert diag.code == "SG010" and "'#/definitions/Nope'" in diag.message
    assert diag.span is not None and diag.span.file.endswith("swagger.yaml")
    assert diag.span.line == _line_of(text, "#/definitions/Nope")


def test_unresolved_ref_in_a_body_parameter_points_into_the_parameter(tmp_path: Path) -> None:
    text = PETSTORE.replace('description: the new pet, schema: {$ref: "#/definitions/Pet"}',
                            'description: the new pet, schema: {$ref: "#/definitions/Gone"}')
    spec = _write(tmp_path, text)
    with pytest.raises(SpecError) as info:
        build_plan(Config(spec=spec, targets=()))
    [diag] = info.value.diagnostics
    assert diag.pointer.startswith("#/paths/~1pets~1{petId}/put/requestBody/content/")
    assert diag.span is not None and diag.span.line == _line_of(text, "#/definitions/Gone")


def test_locate_maps_converted_nodes_back(petstore: Path) -> None:
    ws = load(petstore)
    span = ws.locate("#/components/schemas/Pet/properties/nickname/nullable")
    assert span is not None and span.line == _line_of(PETSTORE, "nickname:")
    span = ws.locate("#/paths/~1pets~1{petId}~1image/post/requestBody/content/multipart~1form-data/schema/"
                     "properties/file")
    assert span is not None and span.line == _line_of(PETSTORE, "{name: file, in: formData")
    span = ws.locate("#/servers/0/url")
    assert span is not None and span.line == _line_of(PETSTORE, "host:")
    span = ws.locate("#/paths/~1pets/post/requestBody")
    assert span is not None and span.line == _line_of(PETSTORE, "petBody:")


def test_untranslatable_collection_format_is_a_located_warning(tmp_path: Path) -> None:
    text = """\
        swagger: "2.0"
        info: {title: t, version: "1"}
        paths:
          /a:
            get:
              parameters:
                - {name: ids, in: query, type: array, items: {type: integer}, collectionFormat: tsv}
              responses: {"204": {description: ok}}
        """
    spec = _write(tmp_path, text)
    result = build_plan(Config(spec=spec, targets=()))
    [diag] = result.diagnostics
    assert (diag.severity, diag.code) == ("warning", "SG103") and "tsv" in diag.message
    assert diag.span is not None and diag.span.line == 7
    with pytest.raises(SpecError):
        build_plan(Config(spec=spec, targets=()), strict=True)


def test_other_swagger_versions_are_refused(tmp_path: Path) -> None:
    spec = _write(tmp_path, "swagger: '1.2'\ninfo: {title: t, version: '1'}\npaths: {}\n")
    with pytest.raises(SpecError) as info:
        build_plan(Config(spec=spec, targets=()))
    assert [d.code for d in info.value.diagnostics] == ["SG004"]


# ---------------------------------------------------------------- generated SDKs


@pytest.fixture(scope="module")
def generated(petstore: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, str], Path]:
    config = Config(spec=petstore, python_package="petstore-sdk", typescript_package="petstore-sdk",
                    sdk_class_name="Petstore")
    plan = build_plan(config).plan
    out = tmp_path_factory.mktemp("petstore-out")
    write_plan(plan, out)
    return plan, out


def test_python_sdk_imports_and_round_trips(generated: tuple[dict[str, str], Path]) -> None:
    result = import_check(generated[1], """
        import petstore_sdk.models as m
        pet = m.Pet(name="Rex", nickname=None)
        assert pet.model_dump(by_alias=True, exclude_unset=True) == {"name": "Rex", "nickname": None}
        body = m.UploadImageRequestBody(file=m.File(file_name="a.png", content=b"png"))
        assert body.file.content == b"png"
        assert "ListPetsRequest" in m.__all__ and "UpdatePetWithFormRequestBody" in m.__all__
    """)
    assert result.returncode == 0, result.stderr


def test_python_sdk_passes_mypy_strict(generated: tuple[dict[str, str], Path], tmp_path: Path) -> None:
    result = mypy_strict("src/petstore_sdk", generated[1] / "python", tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_typescript_sdk_compiles_strict(generated: tuple[dict[str, str], Path], tmp_path: Path) -> None:
    modules = node_env.node_modules()
    ts_plan = {k: v for k, v in generated[0].items() if k.startswith("typescript/")}
    package = write_package(ts_plan, tmp_path, modules)
    assert_tsc(package, modules, "--noEmit")
