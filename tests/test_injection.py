"""No injection: hostile strings anywhere in a spec stay inside their
literal, comment or table cell.

Hypothesis builds specs whose names, descriptions, titles, enum values,
defaults, examples, paths, parameter names and server URLs hold quotes,
triple quotes, backslashes, ``*/``, ``${``, backticks, newlines, ``|``, Jinja
syntax, keywords and builtins, non-ASCII, empty strings, leading digits,
names differing only in case and ``../``.  For each, both targets are
generated and written, and:

- every ``.py`` file parses, and none calls what the payloads call
  (``__import__``, ``system``, ``exec``, ``require``...), so no payload became code;
- nothing is written outside OUT;
- every Markdown table row has as many cells as its header.

One deterministic hostile spec is also compiled with ``tsc --strict``, and
its Python package imported and TypeScript package loaded under node, with
payloads that would create a file if they ever ran.
"""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import node_env
from generator.config import Config
from generator.diagnostics import SpecError
from generator.pipeline import build_plan
from generator.write import write_tree

CODE_PAYLOADS = (
    '"""; __import__("os").system("touch PWNED"); """',
    "'''; __import__('os').system('touch PWNED'); '''",
    '"); __import__("os").system("touch PWNED"); ("',
    "\\'); import os; os.system('touch PWNED') #",
    "*/ require('fs').writeFileSync('PWNED', ''); /*",
    "${require('fs').writeFileSync('PWNED', '')}",
    "`; require('fs').writeFileSync('PWNED', ''); `",
    "{{ PWNED.__class__ }}{% for x in PWNED %}{# PWNED #}",
    "| PWNED | cell |\n| --- |",
    "<!-- PWNED --> </script> \\N{PWNED}",
)
FRAGMENTS = (
    '"', "'", '"""', "'''", "\\", "\\\\", "\\n", "\\x", "\\N{", "*/", "/*", "${", "`", "\n", "\r\n", "\r", "|",
    "{{", "}}", "{%", "%}", "{#", "#", "\t", "\u2028", "\x00", "\x1b", "é", "日本", "\u202e", " ", "", "0",
)
NAMES = (
    "class", "def", "import", "from", "None", "True", "lambda", "async", "await", "match", "type", "self",
    "str", "int", "list", "dict", "print", "object", "id", "__import__", "__init__", "__class__", "model_config",
    "function", "delete", "new", "this", "var", "let", "const", "enum", "interface", "typeof", "constructor",
    "prototype", "__proto__", "Object", "Array", "Promise", "Error", "", "0abc", "9", "../etc", "..", "a/b",
    "Pet", "pet", "PET", "日本", "café", "a-b", "a b", "{{x}}", "{%x%}", "x'y", 'x"y', "a\\b", "$ref", "~0",
)

_CHARS = st.characters(exclude_categories=["Cs"])  # lone surrogates cannot be written as UTF-8
free_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS + CODE_PAYLOADS),
                               st.text(_CHARS, max_size=4)),
                     max_size=4).map("".join)
names = st.one_of(st.sampled_from(NAMES), st.text(_CHARS, max_size=6))
path_names = names.filter(lambda s: not set(s) & set("{}/?#"))
scalars = st.one_of(free_text, st.integers(-5, 5), st.booleans(), st.none())


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def _ref(name: str) -> dict[str, str]:
    return {"$ref": "#/components/schemas/" + _escape(name)}


@st.composite
def specs(draw: st.DrawFn) -> dict[str, Any]:
    schema_names = draw(st.lists(names, min_size=1, max_size=3, unique=True))
    schemas: dict[str, Any] = {}
    for i, name in enumerate(schema_names):
        props = draw(st.lists(names, min_size=1, max_size=4, unique=True))
        properties: dict[str, Any] = {}
        for j, prop in enumerate(props):
            kind = (i + j) % 4
            if kind == 0:
                properties[prop] = {"type": "string", "description": draw(free_text), "title": draw(free_text),
                                    "default": draw(free_text), "example": draw(free_text)}
            elif kind == 1:
                properties[prop] = {"type": "string", "enum": draw(st.lists(free_text, min_size=1, max_size=3,
                                                                             unique=True)),
                                    "description": draw(free_text)}
            elif kind == 2:
                properties[prop] = {"type": "array", "items": _ref(schema_names[(i + 1) % len(schema_names)])}
            else:
                properties[prop] = {"oneOf": [{"type": "integer", "title": draw(free_text)},
                                              {"type": "object", "title": draw(free_text),
                                               "properties": {draw(names): {"type": "string"}}}],
                                    "example": draw(scalars)}
        schemas[name] = {"type": "object", "description": draw(free_text), "title": draw(free_text),
                         "properties": properties, "required": props[:1]}
    param = draw(path_names)
    query = draw(names.filter(lambda s: s != param))
    operation = {
        "operationId": draw(names), "summary": draw(free_text), "description": draw(free_text),
        "tags": [draw(names)],
        "parameters": [
            {"name": param, "in": "path", "required": True, "schema": {"type": "string"},
             "description": draw(free_text), "example": draw(free_text)},
            {"name": query, "in": "query", "schema": {"type": "integer", "default": draw(st.integers(-3, 3))},
             "description": draw(free_text)},
        ],
        "requestBody": {"content": {"application/json": {"schema": _ref(schema_names[0])}},
                        "description": draw(free_text)},
        "responses": {
            "200": {"description": draw(free_text), "content": {"application/json": {"schema": _ref(schema_names[-1])}}},
            "400": {"description": draw(free_text), "content": {"application/json": {"schema": {
                "type": "object", "properties": {"message": {"type": "string", "description": draw(free_text)}}}}}},
        },
    }
    segment = draw(st.sampled_from(("../..", "a b", "..", "x|y", "`$x`", "\"'", "日本", "v1")))
    return {
        "openapi": "3.1.0",
        "info": {"title": draw(free_text), "version": draw(free_text), "description": draw(free_text)},
        "servers": [{"url": "https://example.com/" + draw(free_text), "description": draw(free_text)}],
        "paths": {f"/{segment}/{{{param}}}": {"post": operation}},
        "components": {"schemas": schemas},
    }


# ------------------------------------------------------------- checks


def _generate(spec: dict[str, Any], root: Path) -> tuple[Path, dict[str, str]] | None:
    root.mkdir(parents=True, exist_ok=True)
    path = root / "spec.json"
    path.write_text(json.dumps(spec, ensure_ascii=False, indent=1), encoding="utf-8")
    out = root / "out"
    try:
        result = build_plan(Config(spec=path, out=out))
    except SpecError as exc:
        # a refusal is allowed only for what the spec really cannot mean
        assert {d.code for d in exc.diagnostics} <= {"SG020"}, exc
        return None
    write_tree(out, result.plan)
    return out, result.plan


_PAYLOAD_CALLS = frozenset({"__import__", "system", "exec", "eval", "writeFileSync", "require"})


def _payload_calls(tree: ast.AST) -> list[str]:
    """Calls the payloads make, had any of them become code.  (Identifiers
    may carry payload words legitimately: a ``title`` names a class.)"""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            if name in _PAYLOAD_CALLS:
                found.append(ast.unparse(node))
    return found


_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


def _cells(line: str) -> int:
    return len(_UNESCAPED_PIPE.findall(line.replace("\\\\", "")))


def _table_rows_consistent(text: str) -> list[str]:
    """Rows of a generated table (a header, a ``| ---`` separator with as many
    cells, then rows) whose cell count differs from the header's.  Lines
    starting with ``|`` elsewhere are a description's own Markdown."""
    bad: list[str] = []
    lines = text.split("\n")
    width = None
    for i, line in enumerate(lines):
        if width is not None and line.startswith("|"):
            if _cells(line) != width:
                bad.append(line)
            continue
        width = None
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if line.startswith("|") and following.startswith("| -") and _cells(line) == _cells(following):
            width = _cells(line)
    return bad


def _check(out: Path, plan: dict[str, str], root: Path) -> None:
    for rel in plan:
        assert (out / rel).resolve().is_relative_to(out.resolve()), rel
    written = {p for p in root.rglob("*") if p.is_file()}
    assert all(p.is_relative_to(out) or p == root / "spec.json" for p in written)
    for rel, text in plan.items():
        if rel.endswith(".py"):
            tree = ast.parse(text, filename=rel)
            assert not _payload_calls(tree), rel
        elif rel.endswith(".md") and not rel.endswith("/retryconfig.md"):
            # (retryconfig.md is static text from the reference docs, with a
            # `"backoff" | "none"` code span that GFM splits; no spec string reaches it)
            assert _table_rows_consistent(text) == [], rel


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(spec=specs())
def test_hostile_specs_stay_inside_their_literals(tmp_path_factory: pytest.TempPathFactory,
                                                  spec: dict[str, Any]) -> None:
    root = tmp_path_factory.mktemp("hostile")
    done = _generate(spec, root)
    if done is not None:
        _check(*done, root)


# ----------------------------------------------- one spec, run for real

HOSTILE = {
    "openapi": "3.1.0",
    "info": {"title": CODE_PAYLOADS[0], "version": CODE_PAYLOADS[2], "description": CODE_PAYLOADS[4]},
    "servers": [{"url": "https://example.com/" + CODE_PAYLOADS[5], "description": CODE_PAYLOADS[6]},
                {"url": "https://example.org/\\|", "description": "\\|"}],  # a backslash before a pipe
    "paths": {"/../{id}": {"post": {
        "operationId": "class", "summary": CODE_PAYLOADS[4], "description": CODE_PAYLOADS[1], "tags": ["None"],
        "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"},
                        "description": CODE_PAYLOADS[3], "example": CODE_PAYLOADS[0]},
                       {"name": "__import__", "in": "query", "schema": {"type": "string", "default": CODE_PAYLOADS[2]},
                        "description": CODE_PAYLOADS[6]}],
        "requestBody": {"content": {"application/json": {"schema": _ref("Pet")}}},
        "responses": {"200": {"description": CODE_PAYLOADS[5],
                              "content": {"application/json": {"schema": _ref("pet")}}}},
    }}, "/x": {"get": {"operationId": "True", "tags": ["0abc"], "responses": {"204": {"description": ""}}}}},
    "components": {"schemas": {
        "Pet": {"type": "object", "description": "\n".join(CODE_PAYLOADS), "title": CODE_PAYLOADS[1],
                "required": ["class"],
                "properties": {
                    "class": {"type": "string", "description": CODE_PAYLOADS[0], "default": CODE_PAYLOADS[1],
                              "example": CODE_PAYLOADS[2]},
                    "kind": {"type": "string", "enum": list(CODE_PAYLOADS[:6]) + ["", "0", "class", "a|b"],
                             "description": CODE_PAYLOADS[4]},
                    "constructor": {"type": "string", "description": CODE_PAYLOADS[6]},
                    "__proto__": {"type": "integer", "default": 3, "description": CODE_PAYLOADS[5]},
                    "foo_bar": {"type": "string"}, "fooBar": {"type": "string", "description": CODE_PAYLOADS[8]},
                }},
        "pet": {"type": "object", "description": CODE_PAYLOADS[0],
                "properties": {"then": {"type": "string", "description": CODE_PAYLOADS[4]}}},
    }},
}


def test_the_deterministic_hostile_spec_passes_the_same_checks(tmp_path: Path) -> None:
    done = _generate(HOSTILE, tmp_path)
    assert done is not None
    _check(*done, tmp_path)


def test_payloads_do_not_run_when_the_python_package_is_imported(tmp_path: Path) -> None:
    done = _generate(HOSTILE, tmp_path / "gen")
    assert done is not None
    out, _ = done
    src = out / "python" / "src"
    module = next(p.name for p in src.iterdir() if p.is_dir())
    code = (f"import importlib, pkgutil, {module}\n"
            f"for m in pkgutil.walk_packages({module}.__path__, '{module}.'):\n"
            "    importlib.import_module(m.name)\n"
            f"help({module}.models)\n")
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(src), "PAGER": "cat"}, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert not (tmp_path / "PWNED").exists()


def test_hostile_typescript_compiles_strict_and_loads(tmp_path: Path) -> None:
    modules = node_env.node_modules()
    done = _generate(HOSTILE, tmp_path / "gen")
    assert done is not None
    package = done[0] / "typescript"
    node_env.link_node_modules(package, modules)
    compiled = node_env.tsc(package, modules, "--strict")
    assert compiled.returncode == 0, compiled.stdout + compiled.stderr
    script = "import('./dist/index.js').then((m) => { if (!m) process.exit(3); });\n"
    (package / "load.mjs").write_text(script, encoding="utf-8")
    ran = subprocess.run(["node", "load.mjs"], cwd=package, capture_output=True, text=True, timeout=120)
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert not (package / "PWNED").exists() and not (tmp_path / "PWNED").exists()
