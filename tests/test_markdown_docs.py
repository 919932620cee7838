"""Markdown model docs (CONVENTIONS 3): the seed docs byte for byte, the
layouts of every doc kind, the table rules and the Type column."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import ir
from generator.config import Config, build, from_pyproject
from generator.diagnostics import Sink
from generator.loader import load
from generator.normalize import normalize
from generator.render.markdown import render_python_docs, render_typescript_docs
from generator.render.markdown.python_docs import enum_member
from generator.render.markdown.table import escape_cell, render_table
from generator.render.markdown.types_cell import PY_DATE, TS_DATE, python_cell, typescript_cell

ROOT = Path(__file__).parents[1]
SEEDS = Path(__file__).parents[1].parent / "shared" / "seeds"
CONFIG = Config(typescript_package="@orq-ai/node")


# ------------------------------------------------------------------ seeds


def _seed_names() -> list[str]:
    return sorted(p.name for p in SEEDS.glob("*.md")) if SEEDS.is_dir() else []


@pytest.fixture(scope="module")
def project_docs() -> dict[str, str]:
    config = build(from_pyproject(ROOT / "pyproject.toml"))
    ws = load(ROOT / "specs" / "sessions.yaml")
    api = normalize(ws, config, Sink(locator=ws.locate_all))
    return {**render_python_docs(api, config), **render_typescript_docs(api, config)}


def _seed_target(seed: str) -> str:
    language, name = seed.split("-", 1)
    if language == "python":
        return f"python/docs/models/{name}"
    return f"typescript/docs/models/operations/{name}"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds not present")
@pytest.mark.parametrize("seed", _seed_names())
def test_seed_docs_are_byte_identical(seed: str, project_docs: dict[str, str]) -> None:
    expected = (SEEDS / seed).read_text(encoding="utf-8")
    assert project_docs[_seed_target(seed)] == expected


def test_one_doc_per_model_in_both_languages(project_docs: dict[str, str]) -> None:
    python = [p for p in project_docs if p.startswith("python/docs/models/") and p.count("/") == 3]
    typescript = [p for p in project_docs if p.startswith("typescript/docs/models/")]
    # the project matches Speakeasy 1.535 (compat-version: its seeds come from
    # it), which wrote a doc for each Python error class too (HonoAPIError here)
    assert "python/docs/models/honoapierror.md" in project_docs
    assert len(python) == len(typescript)
    assert "typescript/docs/models/components/security.md" in project_docs
    assert "typescript/docs/models/errors/honoapierror.md" in project_docs


# ------------------------------------------------------------------ tables


def test_columns_share_the_widest_cell_including_the_header() -> None:
    table = render_table(["Name", "Value"], [["`LOW`", "low"]])
    assert table == "| Name  | Value |\n| ----- | ----- |\n| `LOW` | low   |"


def test_width_counts_code_points_not_bytes() -> None:
    table = render_table(["A"], [["it’s"]])
    assert table.splitlines()[2] == "| it’s |"


def test_escaping_happens_before_padding() -> None:
    table = render_table(["Field", "Type"], [["a|b", "x\ny"]])
    rows = table.splitlines()
    assert rows[0] == "| Field | Type  |"
    # Width 5 from the raw cells; `|` -> `\|` and newline -> `<br/>` first, then padded.
    assert rows[2] == "| a\\|b  | x<br/>y |"


def test_escape_cell_leaves_other_markdown_alone() -> None:
    assert escape_cell('`code` [link](x) "q"') == '`code` [link](x) "q"'


# -------------------------------------------------------------- type cells


def _api(*models: ir.Model) -> ir.Api:
    return ir.Api(title="t", version="1", description=None, servers=(), security_schemes=(),
                  operations=(), models=models)


def _model(name: str, body: ir.ModelBody, *, ns: str = "operations", role: str = "request",
           description: str | None = None, ts_name: str | None = None) -> ir.Model:
    return ir.Model(id=f"#/{name}", name=ir.ModelName(python=name, typescript=ts_name or name, ts_namespace=ns),  # type: ignore[arg-type]
                    body=body, role=role, owner="Op", description=description)  # type: ignore[arg-type]


def _field(name: str, t: ir.TypeExpr, *, required: bool = True, nullable: bool = False, **kw: object) -> ir.Field:
    return ir.Field(wire_name=name, type=t, required=required, nullable=nullable, origin="#/x", **kw)  # type: ignore[arg-type]


STR = ir.Primitive(kind="string")
NUM = ir.Primitive(kind="number")
INT = ir.Primitive(kind="integer")
BOOL = ir.Primitive(kind="boolean")
DATE = ir.Primitive(kind="string", format="date-time")
BINARY = ir.Primitive(kind="string", format="binary")
PET = _model("Pet", ir.Object(fields=()))
KIND = _model("Kind", ir.Union(members=(ir.UnionMember(type=STR, origin="#/k/0"),
                                       ir.UnionMember(type=NUM, origin="#/k/1"))))
API = _api(PET, KIND)


@pytest.mark.parametrize(("t", "required", "nullable", "cell"), [
    (STR, True, False, "*str*"),
    (STR, False, False, "*Optional[str]*"),
    (NUM, False, True, "*OptionalNullable[float]*"),
    (INT, True, True, "*Nullable[int]*"),
    (BOOL, True, False, "*bool*"),
    (ir.Any(), False, False, "*Optional[Any]*"),
    (DATE, False, True, PY_DATE),
    (ir.Array(items=STR), False, False, "List[*str*]"),
    (ir.Map(values=ir.Any()), False, True, "Dict[str, *Any*]"),
    (ir.Ref(model="#/Pet"), True, False, "[models.Pet](../models/pet.md)"),
    (ir.Ref(model="#/Pet"), False, False, "[Optional[models.Pet]](../models/pet.md)"),
    (ir.Array(items=ir.Ref(model="#/Pet")), False, False, "List[[models.Pet](../models/pet.md)]"),
    (BINARY, True, False, "*Union[bytes, IO[bytes], io.BufferedReader]*"),
])
def test_python_type_cell(t: ir.TypeExpr, required: bool, nullable: bool, cell: str) -> None:
    assert python_cell(API, t, required, nullable) == cell


@pytest.mark.parametrize(("t", "cell"), [
    (STR, "*string*"),
    (INT, "*number*"),
    (BOOL, "*boolean*"),
    (ir.Any(), "*any*"),
    (DATE, TS_DATE),
    (ir.Array(items=STR), "*string*[]"),
    (ir.Map(values=STR), "Record<string, *string*>"),
    (ir.Ref(model="#/Pet"), "[operations.Pet](../../models/operations/pet.md)"),
    (ir.Ref(model="#/Kind"), "*operations.Kind*"),
    (ir.Array(items=ir.Ref(model="#/Kind")), "*operations.Kind*[]"),
    (BINARY, "*ReadableStream<Uint8Array>*"),
])
def test_typescript_type_cell(t: ir.TypeExpr, cell: str) -> None:
    assert typescript_cell(API, t) == cell


def test_enum_member_names() -> None:
    assert enum_member("multi-value-array") == "MULTI_VALUE_ARRAY"
    assert enum_member("Translation (document)") == "TRANSLATION_DOCUMENT_"


# ----------------------------------------------------------------- layouts


def test_python_enum_layout() -> None:
    api = _api(_model("Level", ir.Enum(values=("low", "high")), description="How much."))
    doc = render_python_docs(api, CONFIG)["python/docs/models/level.md"]
    assert doc == ("# Level\n\nHow much.\n\n\n## Values\n\n"
                   "| Name   | Value  |\n| ------ | ------ |\n| `LOW`  | low    |\n| `HIGH` | high   |")


def test_python_union_layout() -> None:
    api = _api(PET, _model("Choice", ir.Union(members=(
        ir.UnionMember(type=STR, origin="#/0"),
        ir.UnionMember(type=ir.Array(items=ir.Ref(model="#/Pet")), origin="#/1")))))
    doc = render_python_docs(api, CONFIG)["python/docs/models/choice.md"]
    assert doc == ("# Choice\n\n\n## Supported Types\n\n"
                   "### `str`\n\n```python\nvalue: str = /* values here */\n```\n\n"
                   "### `List[models.Pet]`\n\n```python\nvalue: List[models.Pet] = /* values here */\n```\n\n")


def test_typescript_enum_layout() -> None:
    api = _api(_model("Level", ir.Enum(values=("low", "high"))))
    doc = render_typescript_docs(api, CONFIG)["typescript/docs/models/operations/level.md"]
    assert doc.startswith('# Level\n\n## Example Usage\n\n```typescript\n'
                          'import { Level } from "@orq-ai/node/models/operations";\n\nlet value: Level = "')
    assert doc.endswith('";\n```\n\n## Values\n\n```typescript\n"low" | "high"\n```')


def test_typescript_union_layout_has_no_example_usage() -> None:
    api = _api(KIND)
    doc = render_typescript_docs(api, CONFIG)["typescript/docs/models/operations/kind.md"]
    assert doc == ('# Kind\n\n\n## Supported Types\n\n'
                   '### `string`\n\n```typescript\nconst value: string = "<value>";\n```\n\n'
                   '### `number`\n\n```typescript\nconst value: number = 1284.03;\n```\n\n')


def test_error_docs_and_binary_models_have_no_example() -> None:
    error = _model("Oops", ir.Object(fields=(_field("message", STR),)), ns="errors", role="error")
    upload = _model("Upload", ir.Object(fields=(_field("content", BINARY),)))
    docs = render_typescript_docs(_api(error, upload), CONFIG)
    for path, ns in (("errors/oops.md", "errors"), ("operations/upload.md", "operations")):
        doc = docs[f"typescript/docs/models/{path}"]
        assert f'/models/{ns}";\n\n// No examples available for this model\n```\n\n## Fields' in doc


def test_example_column_appears_only_with_a_spec_example() -> None:
    with_example = _model("A", ir.Object(fields=(_field("path", STR, example=ir.Json("a/b")),)))
    without = _model("B", ir.Object(fields=(_field("path", STR),)))
    docs = render_python_docs(_api(with_example, without), CONFIG)
    header = docs["python/docs/models/a.md"].splitlines()[5]
    assert header.split("|")[5].strip() == "Example"
    assert "Example" not in docs["python/docs/models/b.md"]


def test_multipart_file_object_in_typescript() -> None:
    file = _model("File", ir.Object(fields=(_field("fileName", STR), _field("content", BINARY),
                                            _field("contentType", STR, required=False))),
                  role="file", ts_name="FileT")
    body = _model("Body", ir.Object(fields=(_field("file", ir.Ref(model="#/File")),)))
    api = _api(file, body)
    ts = render_typescript_docs(api, CONFIG)
    assert "contentType" not in ts["typescript/docs/models/operations/filet.md"]
    row = ts["typescript/docs/models/operations/body.md"].splitlines()[-1]
    assert "[File](https://developer.mozilla.org/en-US/docs/Web/API/File) \\| [Blob](" in row
    assert "\\| [operations.FileT](../../models/operations/filet.md)" in row
    assert "content_type" in render_python_docs(api, CONFIG)["python/docs/models/file.md"]


def test_python_globals_doc_lists_the_global_headers() -> None:
    header = ir.Parameter(wire_name="contactId", location="header", required=False, type=STR,
                          nullable=False, origin="#/g", style="simple", explode=False, is_global=True)
    api = ir.Api(title="t", version="1", description=None, servers=(), security_schemes=(),
                 operations=(), models=(), global_headers=(header,))
    doc = render_python_docs(api, CONFIG)["python/docs/models/internal/globals.md"]
    assert doc.startswith("# Globals\n\n\n## Fields\n\n")
    assert doc.endswith("| `contact_id`       | *Optional[str]*    | :heavy_minus_sign: | N/A                |")


def test_a_backslash_before_a_pipe_cannot_end_a_table_cell() -> None:
    from generator.render.markdown.table import escape_cell

    # ``\|`` must become an escaped backslash and an escaped pipe; other
    # backslashes (a pattern's ``\d``) stay as the reference docs print them.
    assert escape_cell("a\\|b") == "a\\\\\\|b"
    assert escape_cell("a\\\\|b") == "a\\\\\\\\\\|b"
    assert escape_cell("^\\d+$ | x") == "^\\d+$ \\| x"
