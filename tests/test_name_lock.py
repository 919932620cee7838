"""Stable names: the lock file keeps shipped names when schemas are added."""

from __future__ import annotations

import json
from pathlib import Path

from generator.cli import main

_OP = """
  /{path}:
    post:
      operationId: {op}
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                usage:
                  type: object
                  properties: {{{field}: {{type: integer}}}}
      responses: {{"204": {{description: done}}}}
"""


def _spec(*ops: tuple[str, str]) -> str:
    """One operation per (path, operationId); each usage object has its own field."""
    head = 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths:'
    return head + "".join(_OP.format(path=p, op=o, field=f"{p}_tokens") for p, o in ops)


def _project(tmp_path: Path, spec: str) -> Path:
    (tmp_path / "api.yaml").write_text(spec, encoding="utf-8")
    (tmp_path / "sdkgen.yaml").write_text("spec: api.yaml\nout: out\n", encoding="utf-8")
    return tmp_path / "sdkgen.yaml"


def _files(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}


def test_inserted_colliding_schema_does_not_rename_with_the_lock(tmp_path: Path) -> None:
    config = _project(tmp_path, _spec(("second", "Second")))
    assert main(["generate", "--config", str(config)]) == 0
    lock = json.loads((tmp_path / "sdkgen.lock").read_text())
    assert "Usage" in lock["names"]["python"].values()
    before = _files(tmp_path / "out")
    assert "python/docs/models/usage.md" in before

    # A new operation, earlier in the spec, wants the same name.
    (tmp_path / "api.yaml").write_text(_spec(("first", "First"), ("second", "Second")), encoding="utf-8")
    assert main(["generate", "--config", str(config)]) == 0
    after = _files(tmp_path / "out")
    for path in ("python/docs/models/usage.md", "typescript/docs/models/operations/usage.md"):
        assert after[path] == before[path]
    assert "python/docs/models/firstusage.md" in after

    # Without the lock the newcomer takes the name and the old model moves.
    assert main(["generate", "--config", str(config), "--reset-names", "-o", str(tmp_path / "fresh")]) == 0
    fresh = _files(tmp_path / "fresh")
    assert "python/docs/models/secondusage.md" in fresh
    assert b"first_tokens" in fresh["python/docs/models/usage.md"]
    assert b"second_tokens" in after["python/docs/models/usage.md"]


def test_lock_is_deterministic_and_sorted(tmp_path: Path) -> None:
    config = _project(tmp_path, _spec(("a", "A"), ("b", "B")))
    assert main(["generate", "--config", str(config)]) == 0
    text = (tmp_path / "sdkgen.lock").read_text()
    assert main(["generate", "--config", str(config)]) == 0
    assert (tmp_path / "sdkgen.lock").read_text() == text
    keys = list(json.loads(text)["names"]["python"])
    assert keys == sorted(keys)


def test_no_lock_is_written_beside_a_speakeasy_gen_yaml(tmp_path: Path) -> None:
    (tmp_path / "api.yaml").write_text(_spec(("a", "A")), encoding="utf-8")
    (tmp_path / "gen.yaml").write_text("configVersion: 2.0.0\ngeneration:\n  sdkClassName: Acme\n", encoding="utf-8")
    assert main(["generate", str(tmp_path / "api.yaml"), "--config", str(tmp_path / "gen.yaml"),
                 "-o", str(tmp_path / "out")]) == 0
    assert not (tmp_path / "sdkgen.lock").exists()


def test_another_spec_on_the_command_line_leaves_the_lock_alone(tmp_path: Path) -> None:
    config = _project(tmp_path, _spec(("a", "A")))
    assert main(["generate", "--config", str(config)]) == 0
    lock = (tmp_path / "sdkgen.lock").read_text()
    (tmp_path / "other.yaml").write_text(_spec(("b", "B"), ("c", "C")), encoding="utf-8")
    assert main(["generate", str(tmp_path / "other.yaml"), "--config", str(config),
                 "-o", str(tmp_path / "other-out")]) == 0
    assert (tmp_path / "sdkgen.lock").read_text() == lock
    # Naming the configured spec explicitly still uses and records the lock.
    assert main(["generate", str(tmp_path / "api.yaml"), "--config", str(config)]) == 0
    assert (tmp_path / "sdkgen.lock").read_text() == lock
