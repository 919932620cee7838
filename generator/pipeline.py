"""The one-way pipeline: load -> normalize -> render -> format -> write/compare.

Everything that can fail on bad input fails before the first byte is
written; files are written into a staging directory that replaces OUT in one
step at the end; ``check`` mode never writes.
"""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TypeVar, cast

from msgspec import Struct, field

from generator import output_cache
from generator.config import Config
from generator.diagnostics import Diagnostic, Sink, SpecError, fail
from generator.fingerprint import fingerprint, relative_to, still_matches
from generator.write import (
    Drift,
    Staging,
    Written,
    compare_tree,
    files_intact,
    overlap,
    read_manifest,
    write_file,
    write_tree,
)

if TYPE_CHECKING:
    # The no-change fast path (`up_to_date`) must not pay for importing the
    # loader, the normalizer or black: those are imported where they run.
    from generator import ir
    from generator.normalize.assign import NameLock

T = TypeVar("T")
Renderer = Callable[["ir.Api", Config], dict[str, str]]
Stage = Callable[[str], None]
"""Told the name of each stage as it starts (load, normalize, render, write, compare):
the CLI's progress display.  Reporting only; it cannot change the result."""


def _quiet_stage(name: str) -> None:
    """The default ``Stage``: reports nowhere."""


Shown = Callable[[Diagnostic], bool]
"""Which diagnostics will be shown (or kept), and so need their source
positions: finding positions is a pass over the spec's source."""


def everything(diagnostic: Diagnostic) -> bool:
    """The ``Shown`` that locates every diagnostic."""
    return True


class _Renderer(NamedTuple):
    module: str
    function: str
    preformatted: bool
    """The output is already in the formatter's style (proved by tests that
    run black over it), so the format stage skips it."""
    apart: bool
    """Rendered in the second process (see ``_render_all``)."""


# Each target's renderers, in order.  Later renderers may replace earlier
# files.  Named, not imported: the docs modules load only in the process
# that renders docs (the code modules, which the docs use too, are imported
# before the fork: see ``_render_all``).
_RENDERERS: dict[str, tuple[_Renderer, ...]] = {
    "python": (
        _Renderer("generator.render.python", "render", True, False),
        _Renderer("generator.render.python_client", "render", True, False),
        _Renderer("generator.render.markdown", "render_python_docs", True, True),
        _Renderer("generator.render.markdown.sdk_docs", "render_python_sdk_docs", True, True),
    ),
    "typescript": (
        _Renderer("generator.render.typescript", "render", True, False),
        _Renderer("generator.render.typescript_client", "render", True, False),
        _Renderer("generator.render.markdown", "render_typescript_docs", True, True),
        _Renderer("generator.render.markdown.sdk_docs", "render_typescript_sdk_docs", True, True),
    ),
}


def _renderer(module: str, function: str) -> Renderer:
    import importlib

    return cast(Renderer, getattr(importlib.import_module(module), function))


class Result(Struct):
    """A plan held in memory (``check``, or an output-cache entry to write)."""

    plan: dict[str, str]
    diagnostics: list[Diagnostic]
    lock: str = ""
    """The name lock to record after a successful write."""
    inputs: list[Path] = field(default_factory=list)
    """Every file the output depends on (spec and referenced files)."""
    link_dir: Path | None = None
    """Where files with exactly the plan's bytes can be hard-linked from
    (a restored output-cache entry)."""


class Generated(Struct):
    """What a write left in OUT (by ``generate`` or ``write``)."""

    written: Written
    diagnostics: list[Diagnostic]
    lock: str
    inputs: list[Path]


Emit = Callable[[dict[str, str]], T]
"""Takes the formatted files of one rendering process, in that process."""


@contextmanager
def _long_lived() -> Iterator[Callable[[], None]]:
    """``settle()``: everything built so far (the parsed spec, then the
    normalized API) lives until the run ends, so it is frozen out of the
    cyclic garbage collector (``gc.freeze``), which would otherwise walk it
    again at every full collection.  The records are untracked anyway (see
    ``ir``); this is for the spec's dicts and lists, and the normalizer's
    working state: on a 20,000-schema spec, 0.3 s of the parent's 0.8 s of
    collections.  Unfrozen when the run ends.  A process that froze objects
    of its own is left alone (objects cannot be unfrozen selectively)."""
    if gc.get_freeze_count():
        yield lambda: None
        return
    try:
        yield gc.freeze
    finally:
        gc.unfreeze()


def build_plan(
    config: Config, strict: bool = False, reset_names: bool = False, stage: Stage = _quiet_stage,
    shown: Shown = everything
) -> Result:
    """Everything but writing: the formatted file plan, or ``SpecError``."""
    from generator.lockfile import lock_text

    with _long_lived() as settle:
        api, sink, inputs = _load(config, strict, reset_names, stage, settle=settle)
        stage("render")
        parts, diagnostics, _ = _render_all(api, config, sink, dict, shown)
    plan: dict[str, str] = {}
    for part in parts:
        if shared := plan.keys() & part.keys():
            raise overlap(shared)
        plan.update(part)
    return Result(plan, diagnostics, lock_text(api), inputs)


def generate(
    config: Config, strict: bool = False, reset_names: bool = False, stage: Stage = _quiet_stage,
    shown: Shown = everything
) -> Generated:
    """``build_plan`` and ``write`` in one pass: each rendering process writes
    its files into OUT's staging directory as soon as it has them, so writing
    overlaps rendering and no file's text travels between processes."""
    from generator.lockfile import lock_text

    with _long_lived() as settle:
        api, sink, inputs = _load(config, strict, reset_names, stage, settle=settle)
        stage("render")

        def aside() -> tuple[str, dict[str, object]]:
            # The name lock, and the manifest's fingerprint (which hashes
            # sdkgen's own files): done while a process is still rendering.
            lock = lock_text(api)
            return lock, _fingerprint(config, inputs, lock)

        with Staging(config.out) as staging:
            parts, diagnostics, found = _render_all(api, config, sink, staging.put, shown, aside)
            lock, fingerprint = cast(tuple[str, dict[str, object]], found)
            written = Written()
            for part in parts:
                written = written.merge(part)
            stage("write")
            result = Generated(written, diagnostics, lock, inputs)
            staging.commit(written, fingerprint)
    _record_lock(config, result)
    return result


def _render_all(
    api: ir.Api, config: Config, sink: Sink, emit: Emit[T], shown: Shown, aside: Callable[[], object] = lambda: None
) -> tuple[list[T], list[Diagnostic], object]:
    """What ``emit`` made of each rendering process's files; the
    diagnostics: the spec's (the ``shown`` ones located), then the warnings
    of the docs; and what ``aside`` returned.

    Code renderers run here and doc renderers in a forked child at the same
    time (the two halves take about as long on real specs).  Within a process
    the renderers' files are merged in order (a later renderer may replace an
    earlier one's file) and formatted.  Locating the spec's diagnostics (a
    pass over its source) and ``aside`` are done by whichever process is
    free first."""
    import importlib

    from generator.parallel import run_shared

    renderers = [r for target in config.targets for r in _RENDERERS[target]]
    code = [r for r in renderers if not r.apart]
    docs = [r for r in renderers if r.apart]

    def render(group: list[_Renderer]) -> Callable[[], object]:
        def run() -> T:
            from generator.format import format_plan

            files: dict[str, str] = {}
            formatted: set[str] = set()
            for module, function, preformatted, _ in group:
                made = _renderer(module, function)(api, config)
                files.update(made)
                formatted = formatted | set(made) if preformatted else formatted - set(made)
            return emit(format_plan(files, formatted))

        return run

    def doc_warnings() -> object:
        # Docs draw some example values from faker's English data, found at run time.
        from generator.render.markdown.examples import data_diagnostics

        return data_diagnostics(api)

    # The docs import the code renderers' modules too (names, types, views):
    # imported once before the fork, the child shares them instead of
    # importing them again while the parent does.
    for module, _, _, _ in code:
        importlib.import_module(module)
    # Locating and ``aside`` go to whichever process finishes its renderers first.
    here, there, either = run_shared([render(code)], [render(docs), doc_warnings] if docs else [],
                                     [lambda: sink.located(shown), aside])
    located = cast(list[Diagnostic], either[0])
    warnings = cast(list[Diagnostic], there[1]) if docs else []
    parts = [cast(T, here[0]), *([cast(T, there[0])] if docs else [])]
    return parts, [*located, *warnings], either[1]


def load_api(
    spec: Path, config: Config, strict: bool = False, lock: NameLock | None = None
) -> tuple[ir.Api, list[Diagnostic]]:
    """Load and normalize one spec; ``SpecError`` on errors (and warnings if strict)."""
    api, sink, _ = _load(config, strict, False, lock=lock, spec=spec)
    return api, sink.items


def _load(
    config: Config, strict: bool, reset_names: bool, stage: Stage = _quiet_stage,
    lock: NameLock | None = None, spec: Path | None = None, settle: Callable[[], None] = lambda: None
) -> tuple[ir.Api, Sink, list[Path]]:
    """The normalized API of ``spec`` (by default the configured one, with
    the recorded name lock unless ``reset_names``), and its diagnostics (not
    located yet: see ``Sink``).  ``settle`` is called once the spec is parsed
    and once it is normalized (see ``_long_lived``)."""
    if spec is None:
        from generator.lockfile import read_lock

        if config.spec is None:
            raise fail("SG030", "no spec given (pass SPEC or set `spec` in [tool.sdkgen])")
        spec = config.spec
        lock = None if reset_names else read_lock(config.lock_file)
    stage("load")
    from generator.loader import load_spec
    from generator.normalize import normalize

    ws, sink = load_spec(spec, _display(spec), config.overlays)
    settle()
    stage("normalize")
    api = normalize(ws, config, sink, lock)
    settle()
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


def from_cache(config: Config) -> Result | None:
    """The result of an earlier run on exactly these inputs, if cached."""
    found = output_cache.restore(config)
    return Result(*found) if found else None


def keeps_diagnostics() -> bool:
    """Whether a generated output's diagnostics are cached, to be shown
    again (all of them, located) when the output is restored."""
    return output_cache.cache_root() is not None


def remember(config: Config, result: Generated) -> None:
    """Cache an output just written (best effort)."""
    output_cache.store(config, result.written.digests, result.diagnostics, result.lock, result.inputs)


def write(config: Config, result: Result) -> Generated:
    """Write a built plan to OUT (atomically) and record the model names."""
    written = write_tree(config.out, result.plan, _fingerprint(config, result.inputs, result.lock), result.link_dir)
    done = Generated(written, result.diagnostics, result.lock, result.inputs)
    _record_lock(config, done)
    return done


def _record_lock(config: Config, result: Generated) -> None:
    if config.lock_file is not None and not write_file(config.lock_file, result.lock):
        result.diagnostics.append(Diagnostic("warning", "SG901", f"cannot record model names in {config.lock_file}"))


def _fingerprint(config: Config, inputs: list[Path], lock: str) -> dict[str, object]:
    assert config.spec is not None
    found = fingerprint(config, inputs, config.out)
    if config.lock_file is not None:
        # The lock is an input of the next run; record the bytes about to be written.
        recorded = dict(found["inputs"])  # type: ignore[call-overload]
        recorded[relative_to(config.lock_file, config.out)] = hashlib.sha256(lock.encode()).hexdigest()
        found["inputs"] = recorded
    return found


def check(
    config: Config, strict: bool = False, reset_names: bool = False, stage: Stage = _quiet_stage,
    shown: Shown = everything
) -> tuple[Result, Drift]:
    result = build_plan(config, strict, reset_names, stage, shown)
    stage("compare")
    return result, compare_tree(config.out, result.plan)


def _display(path: Path) -> str:
    """Paths in diagnostics: relative to the working directory when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)
