"""Real-world deviations from the specification: each one generates, with a
located warning (a note for what is merely deprecated) and a fallback; with
``--strict`` a warning fails the run with exit 1 and writes nothing."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from generator import ir
from generator.config import Config
from generator.diagnostics import CODES, Diagnostic, SpecError
from generator.pipeline import build_plan, load_api

_SPEC = """
openapi: VERSION
info: {title: t, version: "1"}
paths:
  /things:
    get:
      operationId: getThing
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Thing'}
components:
  schemas:
    Thing:
      type: object
      properties:
        name: SCHEMA
"""
_THING = "#/components/schemas/Thing"
_NAME = f"{_THING}/properties/name"


def _spec(schema: str, version: str = "3.1.0") -> str:
    return _SPEC.replace("VERSION", version).replace("SCHEMA", schema)


# case -> (spec text, code, pointer, severity)
CASES: dict[str, tuple[str, str, str, str]] = {
    "nullable-in-3.1": (_spec("{type: string, nullable: true}"), "SG104", f"{_NAME}/nullable", "warning"),
    "examples-not-a-list": (_spec("{type: string, examples: {a: {value: x}}}"), "SG105", f"{_NAME}/examples",
                            "warning"),
    "example-in-3.1": (_spec("{type: string, example: x}"), "SG106", f"{_NAME}/example", "note"),
    "missing-info-version": (_spec("{type: string}").replace('version: "1"', "x-v: 1"), "SG108", "#/info",
                             "warning"),
    "unknown-format": (_spec("{type: string, format: shoe-size}"), "SG107", f"{_NAME}/format", "warning"),
    "unknown-type": (_spec("{type: file}", "3.0.3"), "SG101", _NAME, "warning"),
    "required-not-a-list": (_spec("{type: object, required: true, properties: {a: {type: string}}}", "3.0.3"),
                            "SG109", f"{_NAME}/required", "warning"),
    "same-identifier": (_spec("{type: string}\n        foo_bar: {type: string}\n        fooBar: {type: string}"),
                        "SG021", f"{_THING}/properties/fooBar", "warning"),
}


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "spec.yaml"
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


def _found(diagnostics: list[Diagnostic], code: str) -> list[Diagnostic]:
    return [d for d in diagnostics if d.code == code]


@pytest.mark.parametrize("case", sorted(CASES))
def test_deviation_generates_with_a_located_diagnostic(tmp_path: Path, case: str) -> None:
    text, code, pointer, severity = CASES[case]
    assert code in CODES
    result = build_plan(Config(spec=_write(tmp_path, text)))
    assert any(path.endswith(".py") for path in result.plan) and any(path.endswith(".ts") for path in result.plan)
    found = _found(result.diagnostics, code)
    assert [(d.severity, d.pointer) for d in found] == [(severity, pointer)]
    assert found[0].span is not None and found[0].span.file.endswith("spec.yaml")


@pytest.mark.parametrize("case", sorted(CASES))
def test_strict_fails_on_warnings_only(tmp_path: Path, case: str) -> None:
    text, code, _, severity = CASES[case]
    spec = _write(tmp_path, text)
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "generator.cli", "generate", str(spec), "-o", str(out),
                           "--target", "python", "--strict"], capture_output=True, text=True, cwd=tmp_path)
    assert "Traceback" not in proc.stderr
    if severity == "note":
        assert proc.returncode == 0, proc.stderr
    else:
        assert proc.returncode == 1 and f"[{code}]" in proc.stderr
        assert not out.exists()


def _api(tmp_path: Path, text: str) -> tuple[ir.Api, list[Diagnostic]]:
    spec = _write(tmp_path, text)
    return load_api(spec, Config(spec=spec))


def _name_field(api: ir.Api) -> ir.Field:
    body = next(m.body for m in api.models if m.id == _THING)
    assert isinstance(body, ir.Object)
    return body.fields[0]


def test_fallbacks(tmp_path: Path) -> None:
    api, _ = _api(tmp_path, CASES["nullable-in-3.1"][0])
    assert _name_field(api).nullable
    api, _ = _api(tmp_path, CASES["unknown-type"][0])
    assert _name_field(api).type == ir.Any()
    api, _ = _api(tmp_path, CASES["missing-info-version"][0])
    assert api.version == ""


def test_unknown_format_is_reported_once_per_format(tmp_path: Path) -> None:
    text = _spec("{type: string, format: shoe-size}\n        size2: {type: string, format: shoe-size}"
                 "\n        size3: {type: integer, format: hat-size}")
    _, diagnostics = _api(tmp_path, text)
    assert [d.pointer for d in _found(diagnostics, "SG107")] == [f"{_NAME}/format",
                                                                  f"{_THING}/properties/size3/format"]


def test_integer_response_codes_are_accepted(tmp_path: Path) -> None:
    text = _spec("{type: string}", "3.0.3").replace('"200":', "200:") + "        n: {type: integer, format: int32}\n"
    api, diagnostics = _api(tmp_path, text)
    assert diagnostics == []
    assert [r.status for r in api.operations[0].responses] == ["200"]
    assert api.operations[0].responses[0].type == ir.Ref(model=_THING)


def test_renderers_number_colliding_fields_deterministically(tmp_path: Path) -> None:
    result = build_plan(Config(spec=_write(tmp_path, CASES["same-identifier"][0])))
    models = "\n".join(text for path, text in result.plan.items() if path.endswith("models/thing.py"))
    assert "foo_bar:" in models and "foo_bar2:" in models


def test_strict_error_is_raised_from_the_pipeline(tmp_path: Path) -> None:
    with pytest.raises(SpecError) as info:
        build_plan(Config(spec=_write(tmp_path, CASES["unknown-format"][0]), targets=()), strict=True)
    assert [d.code for d in info.value.diagnostics] == ["SG107"]
