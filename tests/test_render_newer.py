"""Rendering under newer Speakeasy versions and gen.yaml flags: file naming,
import paths, table padding, the Example column, open enums, const cells.

Each case is a small hand-written model set or spec; the orq behaviour
(Speakeasy 1.535, legacy file naming, ``models/components``) is checked beside
the newer one where they differ.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import cast

import pytest

import node_env
from conftest import spec_api
from generator import ir
from generator.config import Config
from generator.render import typescript, typescript_client
from generator.render.markdown import render_python_docs, render_typescript_docs
from generator.render.markdown.python_docs import enum_member
from generator.render.python.typeexpr import enum_member_names
from generator.render.ts_layout import DEFAULT_LAYOUT, TsLayout, kebab
from test_markdown_docs import STR, _api, _field, _model
from test_typescript_client import assert_tsc, sessions, write_package

@pytest.fixture(scope="session")
def node_modules() -> Path:
    return node_env.node_modules()


KEBAB = Config(typescript_package="pkg", legacy_file_naming=False, typescript_shared_path="models")


# ------------------------------------------------------------ file naming


@pytest.mark.parametrize(("name", "stem"), [
    ("ApiAccountLedgerResponse", "api-account-ledger-response"),
    ("ErrorT", "error-t"),
    # digits stay with the word before them; a capital after a digit starts a word
    ("ApiSharedEnum07ee8fd91e", "api-shared-enum07ee8fd91e"),
    ("ApiSharedObjectba6d1f3759ExchangeRate", "api-shared-objectba6d1f3759-exchange-rate"),
    ("HTTPValidationError", "http-validation-error"),
    ("Status", "status"),
])
def test_kebab_case_file_stems(name: str, stem: str) -> None:
    assert kebab(name) == stem
    assert TsLayout(legacy_file_naming=False).stem(name) == stem
    assert DEFAULT_LAYOUT.stem(name) == name.lower()


def test_default_layout_is_orq_style() -> None:
    assert DEFAULT_LAYOUT.import_path("components") == "models/components"
    assert DEFAULT_LAYOUT.qualified("operations", "X") == "operations.X"
    assert DEFAULT_LAYOUT.doc_link("models/operations", "components", "ChatRequest") == \
        "../../models/components/chatrequest.md"


def test_shared_path_moves_shared_models_only() -> None:
    layout = TsLayout.of(KEBAB)
    assert layout.qualified("components", "ChatRequest") == "models.ChatRequest"
    assert layout.doc_path("components", "ChatRequest") == "models/chat-request.md"
    assert layout.doc_path("operations", "GetRequest") == "models/operations/get-request.md"
    # links climb out of the directory of the doc holding them
    assert layout.doc_link("models", "components", "ChatRequest") == "../models/chat-request.md"
    assert layout.doc_link("models/operations", "components", "ChatRequest") == "../../models/chat-request.md"


def test_docs_follow_the_layout() -> None:
    pet = _model("PetOwner", ir.Object(fields=(_field("name", STR),)), ns="components")
    body = _model("GetPetRequest", ir.Object(fields=(_field("owner", ir.Ref(model="#/PetOwner")),)))
    docs = render_typescript_docs(_api(pet, body), KEBAB)
    assert set(docs) == {"typescript/docs/models/pet-owner.md",
                         "typescript/docs/models/operations/get-pet-request.md"}
    assert 'import { PetOwner } from "pkg/models";' in docs["typescript/docs/models/pet-owner.md"]
    row = docs["typescript/docs/models/operations/get-pet-request.md"].splitlines()[-1]
    assert "[models.PetOwner](../../models/pet-owner.md)" in row


def test_kebab_modules_and_shared_export_compile(node_modules: Path, tmp_path: Path) -> None:
    api, config = sessions()
    config = dataclasses.replace(config, legacy_file_naming=False, typescript_shared_path="models")
    plan = {**typescript.render(api, config), **typescript_client.render(api, config)}
    stems = {p.rsplit("/", 1)[1] for p in plan if p.startswith("typescript/src/models/operations/")}
    assert any("-" in s for s in stems)
    assert '"./models": {' in plan["typescript/package.json"]
    package = write_package(plan, tmp_path, node_modules)
    assert_tsc(package, node_modules, "--noEmit")


# ---------------------------------------------------------- Example column


def _docs_of_spec(tmp_path: Path, spec: str, config: Config) -> dict[str, str]:
    api = cast(ir.Api, spec_api(tmp_path, spec, config))
    return {**render_python_docs(api, config), **render_typescript_docs(api, config)}


EXAMPLES_SPEC = """
openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /files:
    get:
      operationId: getFile
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "#/components/schemas/FileOut"}
components:
  schemas:
    Size:
      type: string
      enum: [low, high]
      example: high
    FileOut:
      type: object
      required: [size_bytes]
      properties:
        size_bytes: {type: integer, examples: [13000, 1]}
        meta: {type: object, examples: [{"customer_id": 234}]}
        gone: {type: string, examples: [null]}
        size: {$ref: "#/components/schemas/Size"}
"""


def test_listed_examples_fill_the_example_column_in_newer_versions(tmp_path: Path) -> None:
    docs = _docs_of_spec(tmp_path, EXAMPLES_SPEC, Config())
    rows = docs["python/docs/models/fileout.md"].splitlines()
    assert rows[5].split("|")[5].strip() == "Example"
    cells = {r.split("|")[1].strip(): r.split("|")[5].strip() for r in rows[7:]}
    assert cells == {"`size_bytes`": "13000", "`meta`": '{<br/>"customer_id": 234<br/>}',
                     "`gone`": "<nil>", "`size`": "high"}


def test_orq_version_ignores_listed_examples(tmp_path: Path) -> None:
    docs = _docs_of_spec(tmp_path, EXAMPLES_SPEC, Config(compat_version="1.535.1"))
    rows = docs["python/docs/models/fileout.md"].splitlines()
    cells = {r.split("|")[1].strip(): r.split("|")[5].strip() for r in rows[7:]}
    # the referenced component's own `example` still counts
    assert cells == {"`size_bytes`": "", "`meta`": "", "`gone`": "", "`size`": "high"}


# ------------------------------------------------------------- open enums


def test_open_enums_name_their_unrecognized_type() -> None:
    words = _model("Word", ir.Enum(values=("a", "b"), open=True))
    chain = _model("Chain", ir.Enum(values=(1, 137), open=True))
    closed = _model("Closed", ir.Enum(values=("a",)))
    # 1.690's paragraph; 1.768's comment: test_pair_typescript.py
    docs = render_typescript_docs(_api(words, chain, closed), Config(compat_version="1.690.1"))
    note = "This is an open enum. Unrecognized values will be captured as the `Unrecognized<{}>` branded type."
    assert docs["typescript/docs/models/operations/word.md"].endswith(
        f"## Values\n\n{note.format('string')}\n\n```typescript\n\"a\" | \"b\" | Unrecognized<string>\n```")
    assert docs["typescript/docs/models/operations/chain.md"].endswith(
        f"## Values\n\n{note.format('number')}\n\n```typescript\n1 | 137 | Unrecognized<number>\n```")
    assert "open enum" not in docs["typescript/docs/models/operations/closed.md"]


# ------------------------------------------------------------- type cells


def test_calendar_dates_link_the_sdk_rfcdate_doc() -> None:
    day = ir.Primitive(kind="string", format="date")
    body = _model("Report", ir.Object(fields=(_field("from", day), _field("at", ir.Primitive(
        kind="string", format="date-time")))), ns="components")
    docs = render_typescript_docs(_api(body), KEBAB)
    rows = docs["typescript/docs/models/report.md"].splitlines()
    assert "| [Date](../types/rfcdate.md) " in rows[-2]
    assert "[Date](https://developer.mozilla.org/" in rows[-1]


@pytest.mark.parametrize(("compat", "bare"), [("1.642.2", "*string*"), ("", '*"supplier"*')])
def test_const_cells(compat: str, bare: str) -> None:
    fields = (_field("object", ir.Literal(value="supplier")),
              _field("stream", ir.Literal(value=False), required=False, default=ir.Json(False)))
    docs = render_typescript_docs(_api(_model("Supplier", ir.Object(fields=fields))), Config(compat_version=compat))
    rows = docs["typescript/docs/models/operations/supplier.md"].splitlines()
    assert f"| {bare} " in rows[-2]
    assert "| *false* " in rows[-1]
    python = render_python_docs(_api(_model("Supplier", ir.Object(fields=fields))), Config())
    assert '*Literal["supplier"]*' in python["python/docs/models/supplier.md"]


# --------------------------------------------------------- Python enums


@pytest.mark.parametrize(("value", "member"), [
    (1, "ONE"), ("01", "ONE"), ("00", "ZERO"), (31, "THIRTY_ONE"), ("40", "FORTY"),
    (115, "ONE_HUNDRED_FIFTEEN"), ("", "UNKNOWN"), ("new", "NEW"), ("1a", "1A"),
    # words split at camel-case humps and acronym ends, as well as at punctuation
    ("EmployeePlacement", "EMPLOYEE_PLACEMENT"), ("masterCard", "MASTER_CARD"), ("HTTPServer", "HTTP_SERVER"),
    ("Translation (document)", "TRANSLATION_DOCUMENT_"), ("gpt-4o", "GPT_4O"), ("ALL_CAPS", "ALL_CAPS"),
])
def test_python_enum_members_spell_out_numbers(value: object, member: str) -> None:
    assert enum_member(value) == member  # type: ignore[arg-type]


def test_python_enum_class_uses_the_documented_member_names() -> None:
    assert enum_member_names((0, 31, 2)) == ["ZERO", "THIRTY_ONE", "TWO"]
    assert enum_member_names(("", "new")) == ["UNKNOWN", "NEW"]
    assert enum_member_names(("StudentPlacement", "student_placement")) == ["STUDENT_PLACEMENT", "STUDENT_PLACEMENT_2"]


def test_parameter_schema_examples_fill_the_example_column(tmp_path: Path) -> None:
    spec = """
openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /schools:
    get:
      operationId: listSchools
      parameters:
        - {name: limit, in: query, schema: {type: integer, examples: [1], default: 50}}
      responses:
        "204": {description: none}
"""
    docs = _docs_of_spec(tmp_path, spec, Config())
    doc = next(text for path, text in docs.items() if path.startswith("python/") and "`limit`" in text)
    assert doc.splitlines()[-1].split("|")[5].strip() == "1"
