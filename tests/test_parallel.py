"""Rendering in a forked child: same files as in one process, errors
surface in the parent as they would have without the child."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import SPEC

from generator import config as cfg
from generator import parallel, pipeline
from generator.diagnostics import SpecError, fail

needs_fork = pytest.mark.skipif(not parallel.can_fork(), reason="no fork or a single CPU here")


@needs_fork
def test_results_come_back_in_job_order_from_both_sides() -> None:
    here, there = parallel.run_split([lambda: os.getpid(), lambda: "a"], [lambda: os.getpid(), lambda: "b" * 200_000])
    assert here[0] == os.getpid() and there[0] != os.getpid()  # the second list really ran elsewhere
    assert (here[1], there[1]) == ("a", "b" * 200_000)  # larger than a pipe buffer


@needs_fork
def test_a_spec_error_in_the_child_is_raised_in_the_parent() -> None:
    def bad() -> str:
        raise fail("SG021", "two models want one name", "#/components/schemas/X")

    with pytest.raises(SpecError) as info:
        parallel.run_split([lambda: 1], [bad])
    [diag] = info.value.diagnostics
    assert (diag.code, diag.pointer) == ("SG021", "#/components/schemas/X")


@needs_fork
def test_a_child_that_dies_is_an_error_not_a_hang() -> None:
    with pytest.raises(SpecError, match="worker process died"):
        parallel.run_split([lambda: 1], [lambda: os._exit(3)])


@needs_fork
def test_shared_jobs_run_once_each_in_order_wherever_they_ran(tmp_path: Path) -> None:
    import time

    def shared(i: int) -> object:
        def job() -> tuple[int, int]:
            with (tmp_path / "ran").open("a") as log:
                log.write(f"{i}\n")
            time.sleep(0.01)
            return i, os.getpid()
        return job

    # this process is busy for a while, so the child takes the first jobs
    here, there, either = parallel.run_shared([lambda: time.sleep(0.3)], [lambda: "docs"],
                                              [shared(i) for i in range(12)])
    assert there == ["docs"] and [i for i, _ in either] == list(range(12))  # type: ignore[misc]
    assert sorted(int(line) for line in (tmp_path / "ran").read_text().split()) == list(range(12))
    assert either[0][1] != os.getpid()  # type: ignore[index]


@needs_fork
def test_a_spec_error_in_a_shared_job_is_raised_in_the_parent() -> None:
    import time

    def bad() -> str:
        raise fail("SG021", "two models want one name", "#/components/schemas/X")

    with pytest.raises(SpecError):
        parallel.run_shared([lambda: time.sleep(0.2)], [lambda: 1], [bad])


def test_one_process_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SDKGEN_JOBS", "1")
    assert not parallel.can_fork()
    here, there = parallel.run_split([lambda: os.getpid()], [lambda: os.getpid()])
    assert here == there == [os.getpid()]


def test_forked_and_serial_rendering_give_the_same_bytes(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    config = cfg.build({"spec": SPEC, "out": tmp_path, "python_package": "acme", "sdk_class_name": "Acme"})
    forked = pipeline.build_plan(config).plan
    monkeypatch.setenv("SDKGEN_JOBS", "1")
    assert pipeline.build_plan(config).plan == forked


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_generate_writes_while_rendering_exactly_what_the_plan_holds(monkeypatch: pytest.MonkeyPatch,
                                                                     tmp_path: Path) -> None:
    """``generate`` writes each process's files where they were rendered; the
    tree is the plan of ``build_plan`` written in one go, manifest included."""
    streamed = cfg.build({"spec": SPEC, "out": tmp_path / "streamed", "python_package": "acme"})
    done = pipeline.generate(streamed)
    result = pipeline.build_plan(streamed)
    assert done.written.digests.keys() == result.plan.keys() and not done.written.unchanged
    monkeypatch.setenv("SDKGEN_JOBS", "1")
    in_one_go = cfg.build({"spec": SPEC, "out": tmp_path / "planned", "python_package": "acme"})
    pipeline.write(in_one_go, pipeline.build_plan(in_one_go))
    streamed_tree, planned_tree = _tree(tmp_path / "streamed"), _tree(tmp_path / "planned")
    manifest = ".sdkgen-manifest.json"
    assert {k: v for k, v in streamed_tree.items() if k != manifest} == {k: v.encode() for k, v in result.plan.items()}
    # the manifests differ only in the fingerprint's output path
    assert streamed_tree.pop(manifest).replace(b"streamed", b"planned") == planned_tree.pop(manifest)
    assert streamed_tree == planned_tree


def test_regenerating_reports_the_files_it_kept(tmp_path: Path) -> None:
    config = cfg.build({"spec": SPEC, "out": tmp_path, "python_package": "acme"})
    first = pipeline.generate(config)
    again = pipeline.generate(config)
    assert again.written.unchanged == set(first.written.digests)


def test_two_processes_writing_one_path_is_an_internal_error() -> None:
    from generator.write import Written

    with pytest.raises(SpecError, match="two rendering processes wrote 'a.md'"):
        Written({"a.md": "1", "b.md": "2"}).merge(Written({"a.md": "1"}))


@pytest.mark.parametrize("renderer", ["generator.render.markdown.render_python_docs", "generator.render.python.render"])
def test_a_failed_render_leaves_out_and_no_staging_directory(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                              renderer: str) -> None:
    """Files written while rendering go to the staging directory only: a
    failure in either process (the docs child or this one) leaves OUT as it
    was and removes the staging directory."""
    import importlib

    out = tmp_path / "out"
    config = cfg.build({"spec": SPEC, "out": out, "python_package": "acme"})
    pipeline.generate(config)
    before = _tree(out)

    def broken(*_: object) -> dict[str, str]:
        raise fail("SG900", "internal error: broken renderer")

    module, function = renderer.rsplit(".", 1)
    monkeypatch.setattr(importlib.import_module(module), function, broken)
    with pytest.raises(SpecError, match="broken renderer"):
        pipeline.generate(config)
    assert _tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


@needs_fork
def test_the_heap_is_left_as_frozen_as_it_was_found() -> None:
    import gc

    assert gc.get_freeze_count() == 0
    parallel.run_split([lambda: 1], [lambda: 2])
    assert gc.get_freeze_count() == 0  # nothing frozen before: nothing frozen after
    gc.freeze()
    try:
        parallel.run_split([lambda: 1], [lambda: 2])
        assert gc.get_freeze_count() > 0  # a caller's frozen objects stay frozen
    finally:
        gc.unfreeze()


def test_a_run_keeps_its_long_lived_data_frozen_only_while_it_runs(monkeypatch: pytest.MonkeyPatch,
                                                                   tmp_path: Path) -> None:
    import gc

    seen: list[int] = []
    config = cfg.build({"spec": SPEC, "out": tmp_path, "python_package": "acme", "sdk_class_name": "Acme"})
    pipeline.build_plan(config, stage=lambda name: seen.append(gc.get_freeze_count()))
    # frozen once the spec is parsed (the "normalize" stage) and after normalizing ("render")
    assert seen[0] == 0 and all(count > 0 for count in seen[1:]) and len(seen) >= 3
    assert gc.get_freeze_count() == 0  # and unfrozen when the run ends
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        pipeline.build_plan(config)
        assert gc.get_freeze_count() >= frozen  # a process that froze objects of its own: never unfrozen
    finally:
        gc.unfreeze()
