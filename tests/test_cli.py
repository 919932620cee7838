"""The main job end to end: generate, check (drift), determinism."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

from generator.cli import main


def _sdkgen(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator.cli", *args], capture_output=True, text=True,
                          cwd=cwd, env={**os.environ, **(env or {})})


def _project_copy(tmp_path: Path) -> Path:
    """The project's config and spec, without its generated/ tree."""
    work = tmp_path / "proj"
    (work / "specs").mkdir(parents=True)
    shutil.copy(ROOT / "pyproject.toml", work)
    shutil.copy(ROOT / "specs" / "sessions.yaml", work / "specs")
    return work


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_committed_generated_tree_is_in_sync() -> None:
    """The drift check CI runs, as a test: generated/ matches specs/."""
    proc = _sdkgen("check", cwd=ROOT)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_generate_then_check_then_drift(tmp_path: Path) -> None:
    work = _project_copy(tmp_path)
    assert _sdkgen("generate", cwd=work).returncode == 0
    out = work / "generated"
    assert (out / "python" / "pyproject.toml").is_file()
    assert (out / "typescript" / "package.json").is_file()
    assert _sdkgen("check", cwd=work).returncode == 0
    doc = out / "python" / "docs" / "models" / "getsessionresponsebody.md"
    doc.write_text(doc.read_text() + "edited")
    before = _tree(out)
    proc = _sdkgen("check", cwd=work)
    assert proc.returncode == 1
    assert "stale: python/docs/models/getsessionresponsebody.md" in proc.stdout
    assert _tree(out) == before  # check never writes


def test_same_input_same_bytes_under_different_hash_seeds(tmp_path: Path) -> None:
    work = _project_copy(tmp_path)
    trees = []
    for seed in ("1", "2"):
        out = tmp_path / f"out{seed}"
        proc = _sdkgen("generate", "-o", str(out), cwd=work, env={"PYTHONHASHSEED": seed})
        assert proc.returncode == 0, proc.stderr
        trees.append(_tree(out))
    assert trees[0] == trees[1]


def test_target_flag_limits_the_output(tmp_path: Path) -> None:
    work = _project_copy(tmp_path)
    assert _sdkgen("generate", "--target", "typescript", "-o", "ts-only", cwd=work).returncode == 0
    assert sorted(p.name for p in (work / "ts-only").iterdir()) == [".sdkgen-manifest.json", "typescript"]


def test_speakeasy_gen_yaml_is_accepted(tmp_path: Path) -> None:
    work = _project_copy(tmp_path)
    (work / "gen.yaml").write_text(
        "configVersion: 2.0.0\ngeneration:\n  sdkClassName: Acme\npython:\n  packageName: acme-sdk\n"
        "  version: 1.2.3\n  unknownKey: ignored\n", encoding="utf-8")
    code = main(["generate", str(work / "specs" / "sessions.yaml"), "--config", str(work / "gen.yaml"),
                 "--target", "python", "-o", str(work / "out")])
    assert code == 0
    assert (work / "out" / "python" / "src" / "acme_sdk").is_dir()
    assert 'version = "1.2.3"' in (work / "out" / "python" / "pyproject.toml").read_text()


def test_committed_tree_in_sync_by_full_comparison() -> None:
    """--strict skips the fingerprint fast path: a real regenerate-and-compare."""
    proc = _sdkgen("check", "--strict", cwd=ROOT)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "inputs unchanged" not in proc.stderr


def test_no_change_fast_path_and_one_schema_change(tmp_path: Path) -> None:
    work = _project_copy(tmp_path)
    assert _sdkgen("generate", cwd=work).returncode == 0
    out = work / "generated"
    inodes = {p: p.stat().st_ino for p in out.rglob("*") if p.is_file()}
    proc = _sdkgen("check", cwd=work)
    assert proc.returncode == 0 and "inputs unchanged" in proc.stderr
    spec = work / "specs" / "sessions.yaml"
    spec.write_text(spec.read_text().replace('description: "Total traces of the session"',
                                             'description: "Number of traces in the session"'))
    assert _sdkgen("check", cwd=work).returncode == 1
    assert _sdkgen("generate", cwd=work).returncode == 0
    changed = {p for p, ino in inodes.items() if p.stat().st_ino != ino}
    assert changed and len(changed) < len(inodes) / 2
    names = {p.relative_to(out).as_posix() for p in changed}
    assert "python/docs/models/createsessionrequestbody.md" in names  # has traces_count
    assert "python/docs/models/honoapierror.md" not in names  # unrelated to the change
    # ...and the result is byte-identical to a full regeneration into an empty directory.
    assert _sdkgen("generate", "-o", str(tmp_path / "full"), cwd=work).returncode == 0
    full = _tree(tmp_path / "full")
    full.pop(".sdkgen-manifest.json")
    mine = _tree(out)
    mine.pop(".sdkgen-manifest.json")
    assert mine == full
