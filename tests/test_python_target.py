"""The Python target: file plan, code shape, escaping, and that the generated
package imports and passes ``mypy --strict`` (sessions spec and a hostile one)."""

from __future__ import annotations

import ast
import dataclasses
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

import black
import pytest
from conftest import ROOT, SPEC
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import ir
from generator.config import Config, build, from_pyproject
from generator.diagnostics import Sink, SpecError
from generator.loader import load
from generator.normalize import normalize
from generator.render.python import render
from generator.render.python.escape import normalize_doc, py_docstring, py_str, toml_str

PKG = "python/src/orq_sessions_sdk"


def repo_config(**changes: object) -> Config:
    return dataclasses.replace(build(from_pyproject(ROOT / "pyproject.toml")), **changes)  # type: ignore[arg-type]


def api_of(spec: Path, config: Config) -> ir.Api:
    ws = load(spec)
    return normalize(ws, config, Sink(locator=ws.locate_all))


def write_plan(plan: dict[str, str], out: Path) -> None:
    """Write the plan as the pipeline would: ``.py`` files through black."""
    for rel, text in plan.items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(black.format_str(text, mode=black.Mode()) if rel.endswith(".py") else text, encoding="utf-8")


def run(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, env={"PATH": "/usr/bin:/bin", **env})


def mypy_strict(target: str, cwd: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    return run([sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(cache), target], cwd)


def import_check(out: Path, code: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter that sees only the generated package."""
    return run([sys.executable, "-c", textwrap.dedent(code)], out, PYTHONPATH=str(out / "python" / "src"))


@pytest.fixture(scope="module")
def sessions(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, str], Path]:
    config = repo_config()
    plan = render(api_of(SPEC, config), config)
    out = tmp_path_factory.mktemp("sessions")
    write_plan(plan, out)
    return plan, out


# ------------------------------------------------------------------ sessions


def test_plan_layout(sessions: tuple[dict[str, str], Path]) -> None:
    plan, _ = sessions
    assert all(p.startswith("python/") and ".." not in p.split("/") and "\\" not in p for p in plan)
    assert not any(p.startswith("python/docs/") for p in plan)
    for rel in ("python/pyproject.toml", f"{PKG}/__init__.py", f"{PKG}/py.typed", f"{PKG}/types.py",
                f"{PKG}/models/__init__.py", f"{PKG}/models/createsessionop.py", f"{PKG}/models/honoapierror.py"):
        assert rel in plan
    assert list(plan) == sorted(plan)


def test_output_is_already_black_formatted_and_parses(sessions: tuple[dict[str, str], Path]) -> None:
    plan, _ = sessions
    for rel, text in plan.items():
        if rel.endswith(".py"):
            ast.parse(text, rel)
            assert black.format_str(text, mode=black.Mode()) == text, rel


def test_pyproject(sessions: tuple[dict[str, str], Path]) -> None:
    project = tomllib.loads(sessions[0]["python/pyproject.toml"])
    assert project["project"]["name"] == "orq-sessions-sdk"
    assert project["project"]["version"] == "0.1.0"
    deps = " ".join(project["project"]["dependencies"])
    for dep in ("pydantic>=2.6,<3", "httpx>=0.27", "python-dateutil", "typing-extensions"):
        assert dep in deps
    assert project["tool"]["hatch"]["build"]["targets"]["wheel"]["packages"] == ["src/orq_sessions_sdk"]


def test_code_shape(sessions: tuple[dict[str, str], Path]) -> None:
    src = sessions[0][f"{PKG}/models/createsessionop.py"]
    assert 'id: Annotated[str, pydantic.Field(alias="_id")]' in src
    assert "project_id: OptionalNullable[str] = UNSET" in src
    assert "started_at: Optional[datetime] = None" in src
    assert "project_id: NotRequired[Nullable[str]]" in src
    classes = {n.name: n for n in ast.parse(src).body if isinstance(n, ast.ClassDef)}
    fields = [s.target.id for s in classes["CreateSessionResponseBody"].body
              if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)]
    assert fields == ["id", "external_id", "duration", "contact_ids", "billing", "usage", "traces_count", "tags",
                      "workspace_id", "project_id", "started_at", "updated_at"]
    assert "BillingTypedDict" in classes and "serialize_model" not in ast.unparse(classes["Billing"])
    assert "serialize_model" in ast.unparse(classes["CreateSessionRequestBody"])
    listing = sessions[0][f"{PKG}/models/listsessionsop.py"]
    assert 'Direction = Literal["asc", "desc"]' in listing and "limit: Optional[float] = 50" in listing


def test_package_imports(sessions: tuple[dict[str, str], Path]) -> None:
    result = import_check(sessions[1], """
        import orq_sessions_sdk, orq_sessions_sdk.models as m
        from orq_sessions_sdk.types import UNSET
        assert orq_sessions_sdk.__version__ == "0.1.0"
        for name in ("CreateSessionRequestBody", "GetSessionResponseBody", "UpdateSessionRequest",
                     "HonoAPIError", "HonoAPIErrorData", "Security", "BillingTypedDict"):
            assert name in m.__all__, name
        assert not UNSET and m.UpdateSessionRequestBody().project_id is UNSET
    """)
    assert result.returncode == 0, result.stderr


def test_generated_package_passes_mypy_strict(sessions: tuple[dict[str, str], Path], tmp_path: Path) -> None:
    result = mypy_strict("src/orq_sessions_sdk", sessions[1] / "python", tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_renderer_passes_mypy_strict(tmp_path: Path) -> None:
    result = mypy_strict("generator/render/python", ROOT, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_same_bytes_under_different_hash_seeds() -> None:
    code = ("import hashlib, json, sys; sys.path.insert(0, 'tests'); import test_python_target as t; "
            "c = t.repo_config(); p = t.render(t.api_of(t.SPEC, c), c); "
            "print(hashlib.sha256(json.dumps(p, sort_keys=True).encode()).hexdigest())")
    digests = {run([sys.executable, "-c", code], ROOT, PYTHONHASHSEED=seed).stdout for seed in ("1", "2")}
    assert len(digests) == 1 and len(digests.pop()) == 65


def test_renderer_imports_no_loader_or_normalize() -> None:
    for path in (ROOT / "generator" / "render" / "python").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert not node.module.startswith(("generator.loader", "generator.normalize")), path


def test_unimportable_package_name_is_a_config_error() -> None:
    config = repo_config(python_package="123 not a module")
    with pytest.raises(SpecError) as err:
        render(api_of(SPEC, config), config)
    assert err.value.diagnostics[0].code == "SG030"


# ----------------------------------------------------------------- hostile

HOSTILE = r'''
openapi: 3.1.0
info: {title: T, version: "1"}
paths:
  /things:
    post:
      operationId: MakeThing
      requestBody:
        content:
          application/json:
            schema:
              type: object
              description: "Ends with a backslash \\"
              required: [node, kind]
              properties:
                node: {$ref: "#/components/schemas/Node"}
                kind: {$ref: "#/components/schemas/List"}
                names: {type: array, items: {type: string}}
                date: {type: string, format: date-time, description: 'has """ triple quotes and \N{BULLET}'}
                when: {type: string, format: date, default: "2024-05-01"}
                bad_at: {type: string, format: date-time, default: "yesterday"}
                count: {type: integer, default: 3}
                label: {type: string, default: "it's \"quoted\"", description: "\"\"\"; raise SystemExit(7) #"}
                fooBar: {type: string}
                foo_bar: {type: string}
                model_dump: {type: string}
                str: {type: integer}
                mode: {type: string, enum: [fast, slow, 2x], default: fast}
                shape:
                  oneOf:
                    - {type: object, title: Circle, properties: {r: {type: number}, cx: {type: number}, cy: {type: number}}}
                    - {type: string}
                    - {type: object, title: Dot, properties: {x: {type: number}}}
                maybe: {type: [string, "null"], default: null}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Tree"}
        "400":
          description: bad
          content:
            application/json:
              schema: {type: object, properties: {message: {type: string}}, required: [message]}
components:
  schemas:
    Node:
      type: object
      description: "A node\n\n    indented\n\tand tab\u2028sep \""
      properties:
        value: {type: string}
        children: {type: array, items: {$ref: "#/components/schemas/Node"}}
        parent: {oneOf: [{$ref: "#/components/schemas/Node"}, {type: "null"}]}
        json: {$ref: "#/components/schemas/Json"}
    List: {type: string, enum: [a, b]}
    Tree: {type: object, properties: {root: {$ref: "#/components/schemas/Forest"}}}
    Forest: {type: object, properties: {trees: {type: array, items: {$ref: "#/components/schemas/Tree"}}}}
    Json:
      oneOf:
        - {type: string}
        - {type: array, items: {$ref: "#/components/schemas/Json"}}
        - {type: object, additionalProperties: {$ref: "#/components/schemas/Json"}}
'''


@pytest.fixture(scope="module", params=["union", "enum"])
def hostile(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, str], Path]:
    out = tmp_path_factory.mktemp(f"hostile-{request.param}")
    spec = out / "spec.yaml"
    spec.write_text(HOSTILE, encoding="utf-8")
    config = repo_config(enum_format=request.param)
    plan = render(api_of(spec, config), config)
    write_plan(plan, out)
    return plan, out


def test_hostile_output_is_black_stable_and_only_declares(hostile: tuple[dict[str, str], Path]) -> None:
    """No spec string escapes its literal: modules hold only imports, classes,
    assignments, string statements and ``model_rebuild()`` calls."""
    allowed = (ast.Import, ast.ImportFrom, ast.ClassDef, ast.Assign, ast.AnnAssign, ast.FunctionDef, ast.Pass)
    for rel, text in hostile[0].items():
        if not rel.endswith(".py"):
            continue
        assert black.format_str(text, mode=black.Mode()) == text, rel
        tree = ast.parse(text)
        for node in [*tree.body, *(s for c in tree.body if isinstance(c, ast.ClassDef) for s in c.body)]:
            if isinstance(node, ast.Expr):
                rebuild = isinstance(node.value, ast.Call) and ast.unparse(node.value).endswith(".model_rebuild()")
                assert rebuild or isinstance(node.value, ast.Constant) and isinstance(node.value.value, str), rel
            else:
                assert isinstance(node, allowed), (rel, ast.dump(node))


def test_hostile_package_passes_mypy_strict(hostile: tuple[dict[str, str], Path], tmp_path: Path) -> None:
    result = mypy_strict("src/orq_sessions_sdk", hostile[1] / "python", tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_hostile_shapes(hostile: tuple[dict[str, str], Path]) -> None:
    src = hostile[0][f"{PKG}/models/makethingop.py"]
    assert "List as List_" in src and "names: Optional[List_[str]] = None" in src  # schema named List
    assert "ShapeTypedDict = TypeAliasType(\n    \"ShapeTypedDict\", Union[str, DotTypedDict, CircleTypedDict]\n)" in src
    for field in ("foo_bar:", "foo_bar2:", "model_dump_:", "str_:", "date_:", "bad_at: Optional[datetime] = None"):
        assert field in src
    assert "class MakeThingResponseBody(Exception):" in src and "MakeThingResponseBodyDataTypedDict" not in src
    assert '"Union[str, List[JSON], Dict[str, JSON]]"' in hostile[0][f"{PKG}/models/json.py"]
    cls = next(n for n in ast.parse(src).body if isinstance(n, ast.ClassDef) and n.name == "MakeThingRequestBody")
    docs = {ast.unparse(a.target): b.value.value for a, b in zip(cls.body, cls.body[1:])
            if isinstance(a, ast.AnnAssign) and isinstance(b, ast.Expr) and isinstance(b.value, ast.Constant)}
    assert docs["date_"] == 'has """ triple quotes and \\N{BULLET}'
    assert docs["label"] == '"""; raise SystemExit(7) #'


def test_hostile_package_behaves(hostile: tuple[dict[str, str], Path]) -> None:
    result = import_check(hostile[1], r'''
        import json
        import orq_sessions_sdk.models as m
        body = m.MakeThingRequestBody.model_validate({
            "node": {"value": "a", "children": [{"parent": None}], "json": {"k": ["x", {"y": "z"}]}},
            "kind": "a", "fooBar": "p", "foo_bar": "q", "str": 3, "shape": {"x": 1}, "date": "2024-01-02T03:04:05Z"})
        assert m.MakeThingRequestBody.__doc__ == "Ends with a backslash \\"
        assert m.MakeThingRequestBody.model_fields["label"].default == "it's \"quoted\""
        assert "\N{BULLET}" not in open(m.__file__.replace("__init__", "makethingop")).read()
        assert (body.foo_bar, body.foo_bar2, body.str_, str(body.when)) == ("p", "q", 3, "2024-05-01")
        dumped = body.model_dump(mode="json", by_alias=True)
        assert dumped["maybe"] is None and dumped["node"]["children"] == [{"parent": None}]
        assert dumped["mode"] == "fast" and dumped["date"] == "2024-01-02T03:04:05Z"
        assert m.Node.__doc__.split("\n")[0] == "A node" and "\u2028" in m.Node.__doc__
        tree = m.Tree.model_validate({"root": {"trees": [{"root": {"trees": []}}]}})
        assert tree.root.trees[0].root.trees == []
        err = m.MakeThingResponseBody(m.MakeThingResponseBodyData(message="no"))
        assert str(err) == '{"message":"no"}' and err.data.message == "no"
    ''')
    assert result.returncode == 0, result.stderr


def test_enum_format_enum(hostile: tuple[dict[str, str], Path]) -> None:
    src = hostile[0][f"{PKG}/models/makethingop.py"]
    if "class Mode(str, Enum):" not in src:
        assert 'Mode = Literal["fast", "slow", "2x"]' in src
        return
    assert 'VALUE_2X = "2x"' in src and "mode: Optional[Mode] = Mode.FAST" in src


# ------------------------------------------------------------------ escaping

TRICKY = st.lists(st.sampled_from(['"', '"""', "'", "\\", "\\N{", "\n", "\r", "\t", " ", "  x", "\u2028",
                                   "\x00", "\x0c", "\ud800", "é", "’", "a", "{", "\u202e"])).map("".join)
TEXT = st.one_of(TRICKY, st.text())


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_py_str_round_trips_and_black_keeps_it(text: str) -> None:
    literal = py_str(text)
    assert ast.literal_eval(literal) == text
    source = f"x = {literal}\n"
    assert len(ast.parse(source).body) == 1
    assert black.format_str(source, mode=black.Mode()) == source


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_docstrings_are_contained_and_black_stable(text: str) -> None:
    if not normalize_doc(text):
        return
    doc = py_docstring(text, "    ")
    source = f"class A:\n    {doc}\n\n    x: int\n    {doc}\n"
    tree = ast.parse(source)
    cls = tree.body[0]
    assert isinstance(cls, ast.ClassDef) and len(cls.body) == 3 and len(tree.body) == 1
    value = ast.get_docstring(cls, clean=False)
    assert value is not None
    lines = value.split("\n")
    if len(lines) > 1:
        assert lines[-1] == "    "
        lines = [lines[0]] + [line[4:] for line in lines[1:-1]]
    assert "\n".join(lines) == normalize_doc(text)
    assert black.format_str(source, mode=black.Mode()) == source


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_toml_strings_round_trip(text: str) -> None:
    expected = "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)
    assert tomllib.loads(f"x = {toml_str(text)}")["x"] == expected


def test_raw_docstrings_where_possible() -> None:
    assert py_docstring("The project id") == 'r"""The project id"""'
    assert py_docstring('say "hi"') == '"""say \\"hi\\x22"""'  # a final quote cannot close a raw literal
    assert py_docstring("a\\") == '"""a\\\\"""'
    assert py_docstring("one\n  two\n three", "    ") == 'r"""one\n     two\n    three\n    """'
    assert py_str("\u202e") == '"\\u202e"'  # bidi override is escaped, never written raw
