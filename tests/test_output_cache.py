"""The output cache: a second generation of the same inputs into an empty
directory is read from the cache, byte-identical, with the same warnings;
any change of input, or a cached file edited through its other link, is a
miss; old entries are evicted; it can be turned off."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from generator import output_cache, pipeline
from generator.cli import main

SPEC = textwrap.dedent("""\
    openapi: 3.1.0
    info: {title: Pets, version: "1"}
    paths:
      /pets:
        get:
          operationId: listPets
          responses:
            "200":
              description: ok
              content: {application/json: {schema: {$ref: "./pet.yaml"}}}
    """)
PET = "type: object\nproperties:\n  name: {type: string, format: shoe-size}\n"


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SDKGEN_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "spec.yaml").write_text(SPEC, encoding="utf-8")
    (tmp_path / "pet.yaml").write_text(PET, encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # no pyproject here: defaults
    return tmp_path


def _generate(project: Path, out: str) -> int:
    return main(["generate", str(project / "spec.yaml"), "-o", str(project / out)])


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _no_rendering(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("rendered although the output was cached")

    monkeypatch.setattr(pipeline, "build_plan", refuse)


def test_the_same_inputs_are_restored_byte_identical_with_their_warnings(
        project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    assert _generate(project, "a") == 0
    first = capsys.readouterr().err
    assert "SG107" in first  # the unknown format warns
    _no_rendering(monkeypatch)
    assert _generate(project, "b") == 0
    assert _tree(project / "a") == _tree(project / "b")
    assert [line for line in capsys.readouterr().err.splitlines() if "SG107" in line] == [
        line for line in first.splitlines() if "SG107" in line]


def test_a_changed_referenced_file_is_a_miss(project: Path) -> None:
    assert _generate(project, "a") == 0
    (project / "pet.yaml").write_text(PET + "  age: {type: integer}\n", encoding="utf-8")
    assert _generate(project, "b") == 0
    assert "age" in (project / "b/python/docs/models/listpetsresponsebody.md").read_text(encoding="utf-8")


def test_a_file_edited_through_its_other_link_is_a_miss(project: Path) -> None:
    assert _generate(project, "a") == 0
    doc = project / "a/python/docs/models/listpetsresponsebody.md"
    with doc.open("a", encoding="utf-8") as handle:  # in place: the cache shares this inode
        handle.write("edited\n")
    assert _generate(project, "b") == 0
    assert "edited" not in (project / "b/python/docs/models/listpetsresponsebody.md").read_text(encoding="utf-8")


def test_only_the_most_recent_entries_are_kept(project: Path) -> None:
    for n in range(output_cache.KEEP + 2):
        (project / "spec.yaml").write_text(SPEC.replace("title: Pets", f"title: Pets {n}"), encoding="utf-8")
        assert _generate(project, f"out{n}") == 0
    root = output_cache.cache_root()
    assert root is not None
    assert len([p for p in root.iterdir() if not p.name.startswith(".")]) == output_cache.KEEP


def test_off_stores_nothing(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SDKGEN_CACHE_DIR", "off")
    assert output_cache.cache_root() is None
    assert _generate(project, "a") == 0
    assert not (project / "cache").exists()


def test_compiled_templates_are_cached_per_user_and_change_nothing(tmp_path: Path) -> None:
    """Jinja's bytecode cache holds sdkgen's compiled templates in the user
    cache; output with and without it is the same bytes."""
    import os
    import subprocess
    import sys

    (tmp_path / "spec.yaml").write_text(SPEC, encoding="utf-8")
    (tmp_path / "pet.yaml").write_text(PET, encoding="utf-8")

    def generate(out: str, **env: str) -> dict[str, bytes]:
        subprocess.run([sys.executable, "-m", "generator.cli", "generate", "spec.yaml", "-o", out, "-q",
                        "--target", "python", "--target", "typescript"],
                       cwd=tmp_path, check=True, env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "home"), **env})
        return {str(p.relative_to(tmp_path / out)): p.read_bytes()
                for p in sorted((tmp_path / out).rglob("*")) if p.is_file()}

    first = generate("a")
    compiled = list((tmp_path / "home" / "sdkgen" / "templates").iterdir())
    assert len(compiled) > 20  # every template used, python, typescript and docs
    assert generate("b") == first  # read back from the cache
    assert generate("c", SDKGEN_TEMPLATE_CACHE="off") == first
