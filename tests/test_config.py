"""Configuration: sdkgen's own keys are checked (unknown keys with a
did-you-mean, value types) and located; a Speakeasy gen.yaml is read as it
is; ``sdkgen init`` writes a starter sdkgen.yaml and never overwrites one."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml
from conftest import SPEC

from generator import config as cfg
from generator.cli import main
from generator.diagnostics import Diagnostic, SpecError


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def _problems(path: Path) -> list[Diagnostic]:
    with pytest.raises(SpecError) as info:
        cfg.from_file(path)
    assert all(d.code == "SG030" and d.severity == "error" for d in info.value.diagnostics)
    return info.value.diagnostics


def _lines(found: list[Diagnostic]) -> list[int]:
    return [d.span.line if d.span else 0 for d in found]


# ------------------------------------------------------------ own keys


def test_unknown_key_in_pyproject_has_a_did_you_mean_and_a_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "pyproject.toml", """\
        [project]
        name = "x"

        [tool.sdkgen]
        spec = "api.yaml"
        python-pakage = "acme"
        "colour" = "blue"

        [tool.other]
        python-pakage = 1
        """)
    found = _problems(path)
    assert [d.message for d in found][0] == "unknown configuration key 'python-pakage'; did you mean 'python-package'?"
    assert "known keys:" in found[1].message and "'colour'" in found[1].message
    assert _lines(found) == [6, 7]
    assert all(d.span is not None and d.span.file == str(path) for d in found)


def test_unknown_key_in_sdkgen_yaml(tmp_path: Path) -> None:
    path = _write(tmp_path, "sdkgen.yaml", "spec: api.yaml\n\ntarget: [python]\n")
    [diag] = _problems(path)
    assert "did you mean 'targets'?" in diag.message
    assert diag.span is not None and (diag.span.line, diag.span.column) == (3, 1)
    assert diag.render().startswith(f"{path}:3:1: error[SG030]: unknown configuration key 'target'")


@pytest.mark.parametrize("line, message", [
    ("targets: [python, cobol]", "must be a list of one of 'python', 'typescript'"),
    ("maintain-openapi-order: 'yes'", "must be true or false, not 'yes'"),
    ("version: 1.0", "must be a string, not the number 1.0 (quote it"),
    ("enum-format: enums", "must be one of 'union', 'enum', not 'enums'"),
    ("spec: [a.yaml]", "must be a path (a string), not a list"),
    ("max-method-params: '4'", "must be an integer, not '4'"),
    ("overlays: {a: b}", "must be a list of a path (a string), not a table"),
    ("sdk-class-name: 42", "must be a string, not the number 42"),
])
def test_wrong_value_types_are_errors(tmp_path: Path, line: str, message: str) -> None:
    path = _write(tmp_path, "sdkgen.yaml", f"out: gen\n{line}\n")
    [diag] = _problems(path)
    assert message in diag.message and diag.message.startswith(repr(line.split(":")[0]))
    assert _lines([diag]) == [2]


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    path = _write(tmp_path, "sdkgen.yaml", "spec: 1\nouts: x\ntargets: nope\n")
    assert _lines(_problems(path)) == [1, 2, 3]


def test_values_are_converted(tmp_path: Path) -> None:
    path = _write(tmp_path, "sdkgen.yaml", """\
        spec: specs/api.yaml
        targets: python
        sdk_class_name: Acme
        overlays: fixes.yaml
        maintain-openapi-order: false
        max-method-params: 2
        """)
    config = cfg.build(cfg.from_file(path))
    assert config.spec == tmp_path / "specs" / "api.yaml"
    assert config.targets == ("python",) and config.sdk_class_name == "Acme"
    assert config.overlays == (tmp_path / "fixes.yaml",)
    assert config.maintain_openapi_order is False and config.max_method_params == 2


def test_the_repository_config_is_valid() -> None:
    config = cfg.build(cfg.from_pyproject(SPEC.parents[1] / "pyproject.toml"))
    assert config.sdk_class_name == "Orq"


# ------------------------------------------------------------ gen.yaml


def test_gen_yaml_is_read_as_it_is(tmp_path: Path) -> None:
    path = _write(tmp_path, "gen.yaml", """\
        configVersion: 2.0.0
        generation:
          sdkClassName: Acme
          devContainers: {enabled: true}
          someFutureKey: whatever
        python:
          version: 1.0
          packageName: acme-sdk
          authors: [Ann]
          additionalDependencies: {dev: {}}
        """)
    layer = cfg.from_file(path)
    config = cfg.build(layer)
    assert (config.sdk_class_name, config.python_package, config.version, config.author) == (
        "Acme", "acme-sdk", "1.0", "Ann")


def test_gen_yaml_flags_and_the_version_in_gen_lock_are_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "gen.yaml", """\
        configVersion: 2.0.0
        generation:
          sdkClassName: Acme
          fixes: {nameResolutionFeb2025: true, securityFeb2025: false}
          usageSnippets: {optionalPropertyRendering: always}
        typescript:
          packageName: acme
          legacyFileNaming: false
          unionStrategy: populated-fields
          zodVersion: v4-mini
          forwardCompatibleEnumsByDefault: true
          forwardCompatibleUnionsByDefault: tagged-only
          enableMCPServer: true
        """)
    _write(tmp_path, "gen.lock", "lockVersion: 2.0.0\nmanagement:\n  speakeasyVersion: 1.768.2\n")
    config = cfg.build(cfg.from_file(path))
    assert (config.name_resolution_feb2025, config.legacy_file_naming, config.union_strategy, config.zod_version,
            config.forward_compatible_enums, config.forward_compatible_unions, config.compat_version) == (
        True, False, "populated-fields", "v4-mini", True, "tagged-only", "1.768.2")
    assert config.optional_property_rendering == "always"
    assert config.ignored_keys == ("generation.fixes.securityFeb2025", "typescript.enableMCPServer")
    assert cfg.compat_at_least(config, "1.700") and not cfg.compat_at_least(config, "1.768.3")
    assert cfg.compat_at_least(cfg.Config(), "99.0.0")  # no version: the newest behaviour
    # unknown settings are a note with --verbose, never an error
    spec = _write(tmp_path, "spec.yaml", SPEC.read_text(encoding="utf-8"))
    assert main(["generate", str(spec), "--config", str(path), "-o", str(tmp_path / "out"), "--verbose",
                 "--target", "typescript"]) == 0
    assert "typescript.enableMCPServer" in capsys.readouterr().err


def test_compat_version_must_be_a_version(tmp_path: Path) -> None:
    path = _write(tmp_path, "sdkgen.yaml", "compat-version: latest\n")
    with pytest.raises(SpecError, match="compat-version must look like"):
        cfg.build(cfg.from_file(path))


def test_gen_yaml_keys_that_are_read_must_be_well_typed(tmp_path: Path) -> None:
    path = _write(tmp_path, "gen.yaml", """\
        configVersion: 2.0.0
        generation:
          sdkClassName: Acme
          maintainOpenAPIOrder: "no"
        """)
    [diag] = _problems(path)
    assert diag.message.startswith("generation.maintainOpenAPIOrder must be true or false")
    assert _lines([diag]) == [4]


# ------------------------------------------------------------ sdkgen init


def _sdkgen(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator.cli", *args], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ})


def test_init_writes_a_starter_config(tmp_path: Path) -> None:
    (tmp_path / "specs").mkdir()
    _write(tmp_path, "specs/api.yaml", SPEC.read_text(encoding="utf-8"))
    proc = _sdkgen("init", "specs/api.yaml", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    written = yaml.safe_load((tmp_path / "sdkgen.yaml").read_text(encoding="utf-8"))
    assert written == {"spec": "specs/api.yaml", "out": "generated", "targets": ["python", "typescript"],
                       "sdk-class-name": "OrqAiSessions", "python-package": "orq-ai-sessions-sdk",
                       "typescript-package": "orq-ai-sessions-sdk", "version": "0.1.0"}
    config = cfg.build(cfg.from_file(tmp_path / "sdkgen.yaml"))
    assert config.spec == tmp_path / "specs" / "api.yaml"
    # ./sdkgen.yaml is the default configuration of the folder.
    proc = _sdkgen("generate", "--target", "python", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "generated" / "python" / "src" / "orq_ai_sessions_sdk").is_dir()


def test_init_never_overwrites(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = _write(tmp_path, "api.yaml", SPEC.read_text(encoding="utf-8"))
    target = _write(tmp_path, "mine.yaml", "spec: other.yaml\n")
    assert main(["init", str(spec), "--config", str(target)]) == 1
    assert target.read_text(encoding="utf-8") == "spec: other.yaml\n"
    assert "error[SG030]" in capsys.readouterr().err


def test_init_derives_names_from_a_swagger_title(tmp_path: Path) -> None:
    spec = _write(tmp_path, "petstore.json", '{"swagger": "2.0", "info": {"title": "Swagger Petstore API", '
                                             '"version": "1"}, "paths": {}}')
    target = tmp_path / "conf" / "sdkgen.yaml"
    target.parent.mkdir()
    assert main(["init", str(spec), "--config", str(target)]) == 0
    written = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert (written["spec"], written["sdk-class-name"], written["python-package"]) == (
        "../petstore.json", "SwaggerPetstore", "swagger-petstore-sdk")


@pytest.mark.parametrize("title, klass, package", [
    ("Orq Sessions API", "OrqSessions", "orq-sessions-sdk"),
    ("OpenAI API", "OpenAI", "openai-sdk"),
    ("3D Printer", "SDK", "api-3d-printer-sdk"),
    ("", "Api", "api-sdk"),
])
def test_starter_names(title: str, klass: str, package: str, tmp_path: Path) -> None:
    path = _write(tmp_path, "sdkgen.yaml", cfg.starter(tmp_path / "api.yaml", title, tmp_path / "sdkgen.yaml"))
    config = cfg.build(cfg.from_file(path))  # what init writes is a valid configuration
    assert (config.sdk_class_name, config.python_package, config.typescript_package) == (klass, package, package)
    assert config.python_module.isidentifier()
