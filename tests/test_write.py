"""The writer: atomic swap, owned files only, and a drift check that never writes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.diagnostics import SpecError
from generator.write import MANIFEST, compare_tree, write_tree


def _snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_write_then_check_is_clean(tmp_path: Path) -> None:
    out = tmp_path / "out"
    plan = {"a/b.txt": "one\n", "c.txt": "two\n"}
    write_tree(out, plan)
    assert (out / "a/b.txt").read_text() == "one\n"
    assert compare_tree(out, plan).clean


def test_unowned_files_survive_and_dropped_owned_files_go(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_tree(out, {"gen.txt": "1", "old.txt": "x"})
    (out / "user.txt").write_text("mine")
    (out / "nested").mkdir()
    (out / "nested" / "notes.md").write_text("keep")
    write_tree(out, {"gen.txt": "2"})
    assert _snapshot(out).keys() == {"gen.txt", "user.txt", "nested/notes.md", MANIFEST}
    assert (out / "user.txt").read_text() == "mine"


def test_a_symlinked_directory_in_out_stays_a_link(tmp_path: Path) -> None:
    # e.g. node_modules linked into a generated TypeScript package
    modules = tmp_path / "shared-modules"
    (modules / "zod").mkdir(parents=True)
    out = tmp_path / "out"
    write_tree(out, {"gen.txt": "1"})
    (out / "node_modules").symlink_to(modules, target_is_directory=True)
    write_tree(out, {"gen.txt": "2"})
    assert (out / "node_modules").is_symlink() and (out / "node_modules" / "zod").is_dir()


def test_check_reports_stale_missing_extra_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_tree(out, {"same.txt": "s", "stale.txt": "old\n", "gone.txt": "g"})
    before = _snapshot(out)
    drift = compare_tree(out, {"same.txt": "s", "stale.txt": "new\n", "new.txt": "n"})
    assert (drift.stale, drift.missing, drift.extra) == (["stale.txt"], ["new.txt"], ["gone.txt"])
    assert "-old" in drift.diffs[0] and "+new" in drift.diffs[0]
    assert _snapshot(out) == before


@pytest.mark.parametrize("bad", ["../escape.txt", "/abs.txt", "a/../../x", MANIFEST])
def test_paths_outside_out_are_refused(tmp_path: Path, bad: str) -> None:
    with pytest.raises(SpecError):
        write_tree(tmp_path / "out", {bad: "x"})
    assert not (tmp_path / "escape.txt").exists()


_WRITER = """
import sys
from pathlib import Path
from generator.write import write_tree
out, version = Path(sys.argv[1]), sys.argv[2]
plan = {f"d{i % 7}/f{i}.txt": version * 2000 for i in range(3000)}
print("ready", flush=True)
write_tree(out, plan)
"""


def test_a_killed_run_leaves_out_complete(tmp_path: Path) -> None:
    """Kill writers at many moments: OUT is always the old or the new tree."""
    out = tmp_path / "out"
    subprocess.run([sys.executable, "-c", _WRITER, str(out), "A"], check=True, capture_output=True)
    old = _snapshot(out)
    for delay in (0.0, 0.02, 0.05, 0.1, 0.2, 0.3):
        proc = subprocess.Popen([sys.executable, "-c", _WRITER, str(out), "B"], stdout=subprocess.PIPE)
        assert proc.stdout is not None
        proc.stdout.readline()
        time.sleep(delay)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        now = _snapshot(out)
        versions = {v[:1] for k, v in now.items() if k != MANIFEST}
        assert len(now) == len(old) and len(versions) == 1, f"partial output after {delay}s"
        if versions == {b"A"}:
            assert now == old


def test_regeneration_rewrites_only_changed_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_tree(out, {"same.txt": "s", "changed.txt": "old"})
    before = {p.name: p.stat().st_ino for p in out.iterdir()}
    write_tree(out, {"same.txt": "s", "changed.txt": "new"})
    after = {p.name: p.stat().st_ino for p in out.iterdir()}
    assert after["same.txt"] == before["same.txt"]
    assert after["changed.txt"] != before["changed.txt"]
    assert (out / "changed.txt").read_text() == "new"


def test_a_large_plan_is_written_by_two_processes_with_the_same_result(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    plan = {f"d{i % 7}/f{i:04d}.txt": f"file {i}\n" for i in range(900)}
    write_tree(tmp_path / "split", plan)
    monkeypatch.setenv("SDKGEN_JOBS", "1")
    write_tree(tmp_path / "alone", plan)
    assert _snapshot(tmp_path / "split") == _snapshot(tmp_path / "alone")
    assert len(_snapshot(tmp_path / "split")) == 901


def test_a_write_error_in_the_second_half_is_a_located_error_and_out_is_untouched(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_tree(out, {"keep.txt": "old\n"})
    # "zz" is both a file and the parent of another file: the write in the
    # second half (sorted last, so in the child) fails
    plan = {f"a{i:04d}.txt": "x\n" for i in range(500)} | {"zz": "file\n", "zz/inner.txt": "y\n"}
    with pytest.raises(SpecError) as info:
        write_tree(out, plan)
    assert [d.code for d in info.value.diagnostics] == ["SG901"]
    assert _snapshot(out).keys() == {"keep.txt", MANIFEST}


def test_a_staging_directory_left_by_a_killed_run_is_removed_by_the_next(tmp_path: Path) -> None:
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True,
                          check=True)
    dead_pid = int(gone.stdout)
    abandoned = tmp_path / f".out.sdkgen-{dead_pid}-abc123"
    (abandoned / "python").mkdir(parents=True)
    (abandoned / "python" / "x.py").write_text("half written")
    live = tmp_path / f".out.sdkgen-{os.getpid()}-def456"  # a run still at work (this process)
    live.mkdir()
    other = tmp_path / ".other.sdkgen-1-ghi789"  # another output's, not ours to judge
    other.mkdir()
    write_tree(tmp_path / "out", {"a.txt": "1"})
    assert not abandoned.exists() and live.is_dir() and other.is_dir()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([live.name, other.name, "out"])
