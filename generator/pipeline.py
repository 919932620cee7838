"""The one-way pipeline: load -> normalize -> render -> format -> write/compare.

Everything that can fail on bad input fails before the first byte is
written; ``check`` mode never writes.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, cast

from typing import TYPE_CHECKING

from generator import output_cache
from generator.config import Config
from generator.diagnostics import Diagnostic, Sink, SpecError, fail
from generator.fingerprint import fingerprint, relative_to, still_matches
from generator.write import Drift, compare_tree, files_intact, read_manifest, write_file, write_tree

if TYPE_CHECKING:
    # The no-change fast path (`up_to_date`) must not pay for importing the
    # loader, the normalizer or black: those are imported where they run.
    from generator import ir
    from generator.normalize.assign import NameLock

Renderer = Callable[["ir.Api", Config], dict[str, str]]
Stage = Callable[[str], None]
"""Told the name of each stage as it starts (load, normalize, render, write, compare):
the CLI's progress display.  Reporting only; it cannot change the result."""


def _quiet_stage(name: str) -> None:
    """The default ``Stage``: reports nowhere."""


# Each target's renderers, in order: module, function, and whether the output
# is already in the formatter's style (proved by tests that run black over
# it, so the format stage can skip it).  Later renderers may replace earlier
# files.  Named, not imported: each render job imports its own module, so the
# docs modules load only in the process that renders docs.
_RENDERERS: dict[str, tuple[tuple[str, str, bool], ...]] = {
    "python": (
        ("generator.render.python", "render", True),
        ("generator.render.python_client", "render", True),
        ("generator.render.markdown", "render_python_docs", True),
        ("generator.render.markdown.sdk_docs", "render_python_sdk_docs", True),
    ),
    "typescript": (
        ("generator.render.typescript", "render", True),
        ("generator.render.typescript_client", "render", True),
        ("generator.render.markdown", "render_typescript_docs", True),
        ("generator.render.markdown.sdk_docs", "render_typescript_sdk_docs", True),
    ),
}
_DOCS_PACKAGE = "generator.render.markdown"


def _renderer(module: str, function: str) -> Renderer:
    import importlib

    return cast(Renderer, getattr(importlib.import_module(module), function))


@dataclass
class Result:
    plan: dict[str, str]
    diagnostics: list[Diagnostic]
    lock: str = ""
    """The name lock to record after a successful write."""
    inputs: list[Path] = field(default_factory=list)
    """Every file the output depends on (spec and referenced files)."""
    link_dir: Path | None = None
    """Where files with exactly the plan's bytes can be hard-linked from
    (a restored output-cache entry)."""


def build_plan(
    config: Config, strict: bool = False, reset_names: bool = False, stage: Stage = _quiet_stage
) -> Result:
    """Everything but writing: the formatted file plan, or ``SpecError``."""
    from generator.format import format_plan
    from generator.lockfile import lock_text, read_lock

    if config.spec is None:
        raise fail("SG030", "no spec given (pass SPEC or set `spec` in [tool.sdkgen])")
    lock = None if reset_names else read_lock(config.lock_file)
    api, sink, inputs = _load(config.spec, config, strict, lock, stage)
    stage("render")
    plan: dict[str, str] = {}
    formatted: set[str] = set()
    renderers, outputs, spec_diagnostics, doc_diagnostics = _render_all(api, config, sink)
    for (_, _, preformatted), files in zip(renderers, outputs):
        plan.update(files)
        formatted = formatted | set(files) if preformatted else formatted - set(files)
    diagnostics = [*spec_diagnostics, *doc_diagnostics]
    return Result(format_plan(plan, formatted), diagnostics, lock_text(api), inputs)


def _render_all(
    api: ir.Api, config: Config, sink: Sink
) -> tuple[list[tuple[str, str, bool]], list[dict[str, str]], list[Diagnostic], list[Diagnostic]]:
    """Every renderer of the configured targets, in order, with its files;
    the spec's diagnostics, located; and the warnings of the docs.

    Code renderers run here and doc renderers in a forked child at the same
    time (the two halves take about as long on real specs); the files are
    merged in renderer order either way, so the output is the same.  Locating
    the spec's diagnostics (a pass over its source) is one more job here."""
    renderers = [r for target in config.targets for r in _RENDERERS[target]]
    is_doc = [module.startswith(_DOCS_PACKAGE) for module, _, _ in renderers]

    def job(module: str, function: str) -> Callable[[], object]:
        return lambda: _renderer(module, function)(api, config)

    def doc_warnings() -> object:
        # Docs draw some example values from faker's English data, found at run time.
        from generator.render.markdown.examples import data_diagnostics

        return data_diagnostics(api)

    from generator.parallel import run_split

    docs_jobs = [job(m, f) for (m, f, _), d in zip(renderers, is_doc) if d]
    code, docs = run_split([*(job(m, f) for (m, f, _), d in zip(renderers, is_doc) if not d), lambda: sink.items],
                           [*docs_jobs, doc_warnings] if docs_jobs else [])
    located = cast(list[Diagnostic], code.pop())
    warnings = cast(list[Diagnostic], docs.pop()) if docs_jobs else []
    code_files, doc_files = iter(code), iter(docs)
    outputs = [cast(dict[str, str], next(doc_files) if d else next(code_files)) for d in is_doc]
    return renderers, outputs, located, warnings


def load_api(
    spec: Path, config: Config, strict: bool = False, lock: NameLock | None = None
) -> tuple[ir.Api, list[Diagnostic]]:
    """Load and normalize one spec; ``SpecError`` on errors (and warnings if strict)."""
    api, sink, _ = _load(spec, config, strict, lock)
    return api, sink.items


def _load(
    spec: Path, config: Config, strict: bool, lock: NameLock | None, stage: Stage = _quiet_stage
) -> tuple[ir.Api, Sink, list[Path]]:
    """The normalized API, and its diagnostics (not located yet: see ``Sink``)."""
    stage("load")
    from generator.loader import load_spec
    from generator.normalize import normalize

    ws, sink = load_spec(spec, _display(spec), config.overlays)
    stage("normalize")
    api = normalize(ws, config, sink, lock)
    # --strict makes warnings errors; a note (something merely deprecated) never fails a run
    if sink.has("error") or (strict and sink.has("warning")):
        raise SpecError(sink.items)
    return api, sink, ws.files()


def up_to_date(config: Config) -> int | None:
    """The number of files in OUT when nothing it depends on changed (fast path)."""
    recorded = read_manifest(config.out).get("fingerprint")
    if not still_matches(recorded, config, config.out):
        return None
    return files_intact(config.out)


def generate(
    config: Config, strict: bool = False, reset_names: bool = False, stage: Stage = _quiet_stage
) -> Result:
    result = build_plan(config, strict, reset_names, stage)
    stage("write")
    write(config, result)
    return result


def from_cache(config: Config) -> Result | None:
    """The result of an earlier run on exactly these inputs, if cached."""
    found = output_cache.restore(config)
    return Result(*found) if found else None


def remember(config: Config, result: Result) -> None:
    """Cache an output just written (best effort)."""
    output_cache.store(config, result.plan, result.diagnostics, result.lock, result.inputs)


def write(config: Config, result: Result) -> None:
    """Write a built plan to OUT (atomically) and record the model names."""
    write_tree(config.out, result.plan, _fingerprint(config, result), result.link_dir)
    if config.lock_file is not None and not write_file(config.lock_file, result.lock):
        result.diagnostics.append(Diagnostic("warning", "SG901", f"cannot record model names in {config.lock_file}"))


def _fingerprint(config: Config, result: Result) -> dict[str, object]:
    assert config.spec is not None
    found = fingerprint(config, result.inputs, config.out)
    if config.lock_file is not None:
        # The lock is an input of the next run; record the bytes about to be written.
        inputs = dict(found["inputs"])  # type: ignore[call-overload]
        inputs[relative_to(config.lock_file, config.out)] = hashlib.sha256(result.lock.encode()).hexdigest()
        found["inputs"] = inputs
    return found


def check(
    config: Config, strict: bool = False, reset_names: bool = False, stage: Stage = _quiet_stage
) -> tuple[Result, Drift]:
    result = build_plan(config, strict, reset_names, stage)
    stage("compare")
    return result, compare_tree(config.out, result.plan)


def _display(path: Path) -> str:
    """Paths in diagnostics: relative to the working directory when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)
