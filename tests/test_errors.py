"""Bad input: one located diagnostic with a stable code, exit 1, OUT untouched."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from generator.config import Config
from generator.diagnostics import SpecError
from generator.pipeline import build_plan

_OP = """
openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /things/{id}:
    get:
      operationId: getThing
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: SCHEMA
"""


def _spec(tmp_path: Path, text: str, name: str = "spec.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


def _error(spec: Path) -> SpecError:
    with pytest.raises(SpecError) as info:
        build_plan(Config(spec=spec, targets=()))
    return info.value


CASES = {
    "yaml-syntax": ("openapi: 3.1.0\ninfo: [unclosed\n", "SG002", 3),
    "not-openapi": ("just: a mapping\n", "SG003", 1),
    "scalar-document": ("42\n", "SG003", 1),
    "swagger-1.2": ("swagger: '1.2'\ninfo: {title: t, version: '1'}\npaths: {}\n", "SG004", 1),
    "openapi-4": ("openapi: 4.0.0\ninfo: {title: t, version: '1'}\npaths: {}\n", "SG004", 1),
    "unresolved-ref": (_OP.replace("SCHEMA", "{$ref: '#/components/schemas/Missing'}"), "SG010", 14),
    "missing-file-ref": (_OP.replace("SCHEMA", "{$ref: 'other.yaml#/Thing'}"), "SG012", 14),
    "self-ref": (_OP.replace("SCHEMA", "{$ref: '#/components/schemas/Loop'}")
                 + "components:\n  schemas:\n    Loop: {$ref: '#/components/schemas/Loop'}\n", "SG011", None),
    "undeclared-path-param": (_OP.replace("{name: id,", "{name: other,").replace("SCHEMA", "{type: string}"),
                              "SG022", 5),
    "duplicate-operation-id": (_OP.replace("SCHEMA", "{type: string}")
                               + "  /other:\n    get:\n      operationId: getThing\n"
                               "      responses: {'204': {description: none}}\n", "SG020", None),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_gives_one_located_diagnostic(tmp_path: Path, case: str) -> None:
    text, code, line = CASES[case]
    spec = _spec(tmp_path, text)
    diags = _error(spec).diagnostics
    assert [d.code for d in diags] == [code]
    assert diags[0].span is not None and diags[0].span.file.endswith("spec.yaml")
    if line is not None:
        assert diags[0].span.line == line


def test_missing_spec_file(tmp_path: Path) -> None:
    diags = _error(tmp_path / "absent.yaml").diagnostics
    assert [d.code for d in diags] == ["SG001"]


def test_relative_file_ref_resolves(tmp_path: Path) -> None:
    _spec(tmp_path, "Thing:\n  type: object\n  properties:\n    name: {type: string}\n", "other.yaml")
    spec = _spec(tmp_path, _OP.replace("SCHEMA", "{$ref: 'other.yaml#/Thing'}"))
    plan = build_plan(Config(spec=spec, targets=()))
    assert plan.diagnostics == []


@pytest.mark.parametrize("case", ["yaml-syntax", "unresolved-ref", "missing-file-ref"])
def test_cli_reports_one_line_and_leaves_out_untouched(tmp_path: Path, case: str) -> None:
    spec = _spec(tmp_path, CASES[case][0])
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("mine", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "generator.cli", "generate", str(spec), "-o", str(out)],
                          capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and f"error[{CASES[case][1]}]" in lines[0] and "spec.yaml:" in lines[0]
    assert sorted(p.name for p in out.iterdir()) == ["keep.txt"]


def test_usage_error_exits_2(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "generator.cli", "generate", "--target", "cobol"],
                          capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 2


def test_validate_reports_schema_errors_with_pointers(tmp_path: Path) -> None:
    from generator.validate import validate

    spec = _spec(tmp_path, "openapi: 3.1.0\ninfo: {title: t}\npaths: {}\n")
    found = validate(spec, "spec.yaml", Config())
    assert [(d.code, d.pointer) for d in found] == [("SG005", "#/info")]
    assert found[0].span is not None and found[0].span.line == 2
    proc = subprocess.run([sys.executable, "-m", "generator.cli", "validate", str(spec)],
                          capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 1 and "error[SG005]" in proc.stderr and "'version' is a required" in proc.stderr


def test_validate_accepts_the_project_spec() -> None:
    from conftest import SPEC

    from generator.validate import validate

    assert validate(SPEC, "sessions.yaml", Config()) == []


def test_yaml_positions_come_from_the_parse_itself(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A YAML spec is composed once: locating a diagnostic reuses the node
    tree the data came from instead of composing the file again."""
    import yaml

    def no_second_compose(*args: object, **kwargs: object) -> None:
        raise AssertionError("the spec was composed a second time")

    monkeypatch.setattr(yaml, "compose", no_second_compose)
    spec = _spec(tmp_path, _OP.replace("SCHEMA", "{$ref: '#/components/schemas/Missing'}"))
    diags = _error(spec).diagnostics
    assert [(d.code, d.span.line if d.span else None) for d in diags] == [("SG010", 14)]


def test_only_the_diagnostics_asked_for_are_located() -> None:
    from generator.diagnostics import Sink, Span

    asked: list[list[str]] = []

    def locator(pointers: object) -> list[Span | None]:
        asked.append(list(pointers))  # type: ignore[call-overload]
        return [Span("api.yaml", 7, 1) for _ in asked[-1]]

    sink = Sink(locator=locator)
    sink.note("SG500", "deprecated", "#/a")
    sink.warning("SG107", "unknown format", "#/b")
    shown = sink.located(lambda d: d.severity != "note")
    assert asked == [["#/b"]]
    assert [d.span for d in shown] == [None, Span("api.yaml", 7, 1)]
    assert sink.items[0].span == Span("api.yaml", 7, 1) and asked[-1] == ["#/a"]  # still locatable later


def test_a_hidden_note_is_not_located_but_verbose_shows_it_with_its_line(tmp_path: Path) -> None:
    spec = tmp_path / "api.yaml"
    spec.write_text(textwrap.dedent("""\
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths:
          /pets:
            get:
              operationId: listPets
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {type: string, format: ulid, example: abc}
        """))

    def run(*flags: str) -> str:
        out = tmp_path / f"out{len(flags)}"
        done = subprocess.run([sys.executable, "-m", "generator.cli", "generate", str(spec), "-o", str(out),
                               "--target", "python", *flags], capture_output=True, text=True,
                              env={**os.environ, "SDKGEN_CACHE_DIR": "off"})
        assert done.returncode == 0, done.stderr
        return done.stderr

    quiet, verbose = run(), run("--verbose")
    assert "api.yaml:12:" in quiet and "warning[SG107]" in quiet and "note[" not in quiet
    assert re.search(r"api\.yaml:\d+:\d+: note\[SG106\]", verbose), verbose
