"""The CLI's output options: --help, --version, --quiet, --verbose, --json,
the progress display, and exit codes."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.cli import main
from generator.cli_output import Output
from generator.diagnostics import Diagnostic, Span

SPEC = """\
openapi: 3.0.3
info: {title: Pet Store, version: 1.0.0}
paths:
  /pets:
    post:
      operationId: createPet
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Pet'}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Pet'}
components:
  schemas:
    Pet:
      type: object
      required: [name]
      properties:
        name: {type: string}
        tag: {type: string}
"""
BROKEN = SPEC.replace("schema: {$ref: '#/components/schemas/Pet'}\n      responses",
                      "schema: {$ref: '#/components/schemas/Missing'}\n      responses")
BREAKING = SPEC.replace("required: [name]", "required: [name, tag]")
COMMANDS = ("generate", "check", "validate", "diff", "init")


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A small project: a spec and an sdkgen.yaml, as the working directory."""
    (tmp_path / "api.yaml").write_text(SPEC, encoding="utf-8")
    (tmp_path / "sdkgen.yaml").write_text("spec: api.yaml\nout: out\ntargets: [python]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _sdkgen(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator.cli", *args], capture_output=True, text=True,
                          cwd=cwd, env={**os.environ, "COLUMNS": "200"})


def _json_lines(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


# --help, --version, usage errors -------------------------------------------------


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example_and_exit_codes(command: str, tmp_path: Path) -> None:
    proc = _sdkgen(command, "--help", cwd=tmp_path)
    assert proc.returncode == 0
    assert "examples:" in proc.stdout
    assert f"sdkgen {command} " in proc.stdout.split("examples:")[1]
    assert "exit codes:" in proc.stdout


def test_top_level_help_documents_exit_codes(tmp_path: Path) -> None:
    proc = _sdkgen("--help", cwd=tmp_path)
    assert proc.returncode == 0
    codes = proc.stdout.split("exit codes:")[1]
    for code in ("0", "1", "2"):
        assert f"\n  {code}  " in codes


def test_version(tmp_path: Path) -> None:
    from importlib.metadata import version

    proc = _sdkgen("--version", cwd=tmp_path)
    assert proc.returncode == 0
    assert proc.stdout.strip() == f"sdkgen {version('sdkgen')}"


@pytest.mark.parametrize("argv", [["bogus"], ["generate", "--no-such-flag"], ["diff", "only-one.yaml"],
                                  ["check", "--quiet", "--verbose"], []])
def test_usage_errors_exit_2(argv: list[str], tmp_path: Path) -> None:
    assert _sdkgen(*argv, cwd=tmp_path).returncode == 2


# --quiet and --verbose ---------------------------------------------------------------


def test_quiet_prints_nothing_on_success(project: Path) -> None:
    for argv in (["generate", "--quiet"], ["check", "--quiet"], ["check", "--quiet", "--strict"],
                 ["validate", "api.yaml", "--quiet"]):
        proc = _sdkgen(*argv, cwd=project)
        assert (proc.returncode, proc.stdout, proc.stderr) == (0, "", ""), argv


def test_quiet_still_reports_errors_and_drift(project: Path) -> None:
    assert _sdkgen("generate", "-q", cwd=project).returncode == 0
    (project / "api.yaml").write_text(SPEC.replace("name: {type: string}", "name: {type: integer}"))
    proc = _sdkgen("check", "-q", cwd=project)
    assert proc.returncode == 1 and "out of date" in proc.stderr
    (project / "api.yaml").write_text(BROKEN)
    proc = _sdkgen("generate", "-q", cwd=project)
    assert proc.returncode == 1 and "error[SG010]" in proc.stderr


def test_verbose_lists_written_and_unchanged_files(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["generate", "--verbose"]) == 0
    first = capsys.readouterr().err
    assert "written: python/pyproject.toml" in first and "unchanged:" not in first
    (project / "api.yaml").write_text(SPEC.replace("title: Pet Store", "title: Pet Shop"))
    assert main(["generate", "-v"]) == 0
    second = capsys.readouterr().err.splitlines()
    assert any(line.startswith("written: ") for line in second)
    assert "unchanged: python/src/openapi/types.py" in second


def test_notes_only_with_verbose() -> None:
    note = Diagnostic("note", "SG005", "a note")
    warning = Diagnostic("warning", "SG102", "a warning")
    error = Diagnostic("error", "SG010", "an error")
    for output, shown in ((Output(), ["warning", "error"]), (Output(verbose=True), ["note", "warning", "error"]),
                          (Output(quiet=True), ["error"])):
        assert [d.severity for d in (note, warning, error) if output.shows(d)] == shown


# --json ------------------------------------------------------------------------------


def test_json_diagnostics_are_json_lines_with_positions(project: Path) -> None:
    (project / "api.yaml").write_text(BROKEN)
    for command in (["validate", "api.yaml"], ["generate"], ["check"]):
        proc = _sdkgen(*command, "--json", cwd=project)
        assert proc.returncode == 1
        records = _json_lines(proc.stdout)
        assert records, command
        error = next(r for r in records if r["code"] == "SG010")
        assert {"severity", "code", "message", "pointer", "file", "line", "column"} <= set(error)
        assert error["severity"] == "error" and error["file"] == "api.yaml"
        assert isinstance(error["line"], int) and isinstance(error["column"], int)
        assert str(error["pointer"]).startswith("#/paths/~1pets/post")
        assert "error[SG010]" not in proc.stderr  # not printed twice


def test_json_check_reports_drift(project: Path) -> None:
    assert _sdkgen("generate", "-q", cwd=project).returncode == 0
    (project / "out" / "python" / "pyproject.toml").write_text("edited\n")
    proc = _sdkgen("check", "--json", cwd=project)
    assert proc.returncode == 1
    assert {"kind": "drift", "state": "stale", "file": "python/pyproject.toml"} in _json_lines(proc.stdout)


def test_json_diff_is_one_report_line(project: Path) -> None:
    (project / "new.yaml").write_text(BREAKING)
    proc = _sdkgen("diff", "api.yaml", "new.yaml", "--json", "--fail-on", "breaking", cwd=project)
    assert proc.returncode == 1
    (report,) = _json_lines(proc.stdout)
    assert report["kind"] == "report" and report["bump"] == "major" and report["breaking"] == 1


def test_diagnostic_record_without_a_position() -> None:
    out = io.StringIO()
    Output(json=True, out=out).diagnostics([Diagnostic("error", "SG030", "no spec"),
                                            Diagnostic("warning", "SG102", "odd", "#/x", Span("a.yaml", 3, 5))])
    first, second = _json_lines(out.getvalue())
    assert (first["file"], first["line"], first["column"], first["pointer"]) == (None, None, None, None)
    assert (second["file"], second["line"], second["column"], second["pointer"]) == ("a.yaml", 3, 5, "#/x")


# exit codes ----------------------------------------------------------------------------


def test_exit_codes(project: Path) -> None:
    assert _sdkgen("check", cwd=project).returncode == 1  # nothing generated yet: drift
    assert _sdkgen("generate", cwd=project).returncode == 0
    assert _sdkgen("check", cwd=project).returncode == 0
    (project / "new.yaml").write_text(BREAKING)
    assert _sdkgen("diff", "api.yaml", "new.yaml", cwd=project).returncode == 0
    assert _sdkgen("diff", "api.yaml", "new.yaml", "--fail-on", "breaking", cwd=project).returncode == 1
    assert _sdkgen("diff", "api.yaml", "api.yaml", "--fail-on", "breaking", cwd=project).returncode == 0
    (project / "bad.yaml").write_text(BROKEN)
    assert _sdkgen("validate", "bad.yaml", cwd=project).returncode == 1


# progress ------------------------------------------------------------------------------


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _wait_until_shown(progress: object) -> None:
    deadline = time.monotonic() + 5
    while not getattr(progress, "shown") and time.monotonic() < deadline:
        time.sleep(0.01)


def test_progress_shows_stages_on_a_terminal_once_the_delay_passed() -> None:
    term = _Terminal()
    with Output(err=term).progress(delay=0) as progress:
        progress.stage("load")
        _wait_until_shown(progress)
        assert progress.shown
        progress.stage("normalize")
    assert "normalize" in term.getvalue()


def test_no_progress_for_a_quick_run() -> None:
    term = _Terminal()
    with Output(err=term).progress(delay=5) as progress:
        progress.stage("load")
        progress.stage("normalize")
    assert not progress.shown and term.getvalue() == ""


@pytest.mark.parametrize("output", [Output(err=io.StringIO()), Output(quiet=True, err=_Terminal()),
                                   Output(json=True, err=_Terminal())],
                         ids=["not-a-tty", "quiet", "json"])
def test_no_progress_when_not_a_tty_or_quiet_or_json(output: Output) -> None:
    with output.progress(delay=0) as progress:
        progress.stage("load")
        time.sleep(0.2)
        progress.stage("render")
    assert not progress.shown
    assert output.stderr.getvalue() == ""  # type: ignore[attr-defined]


def test_no_progress_escape_codes_in_piped_stderr(project: Path) -> None:
    proc = _sdkgen("generate", cwd=project)
    assert proc.returncode == 0
    assert "\x1b" not in proc.stderr
    assert proc.stderr.strip().splitlines() == ["sdkgen: wrote " + proc.stderr.split("wrote ")[1].strip()]
