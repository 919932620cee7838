"""The one-way pipeline: load -> normalize -> render -> format -> write/compare.

Everything that can fail on bad input fails before the first byte is
written; ``check`` mode never writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from generator import ir
from generator.config import Config
from generator.diagnostics import Diagnostic, Sink, SpecError, fail
from generator.format import format_plan
from generator.loader import load
from generator.normalize import normalize
from generator.lockfile import lock_text, read_lock
from generator.normalize.assign import NameLock
from generator.write import Drift, compare_tree, write_file, write_tree

Renderer = Callable[[ir.Api, Config], dict[str, str]]


def _renderers(target: str) -> list[Renderer]:
    # Imported here so that `sdkgen validate` does not pay for jinja2/black.
    from generator.render import markdown, python, typescript

    table: dict[str, list[Renderer]] = {
        "python": [python.render, markdown.render_python_docs],
        "typescript": [typescript.render, markdown.render_typescript_docs],
    }
    return table[target]


@dataclass
class Result:
    plan: dict[str, str]
    diagnostics: list[Diagnostic]
    lock: str = ""
    """The name lock to record after a successful write."""


def build_plan(config: Config, strict: bool = False, reset_names: bool = False) -> Result:
    """Everything but writing: the formatted file plan, or ``SpecError``."""
    if config.spec is None:
        raise fail("SG030", "no spec given (pass SPEC or set `spec` in [tool.sdkgen])")
    lock = None if reset_names else read_lock(config.lock_file)
    api, diagnostics = load_api(config.spec, config, strict, lock)
    plan: dict[str, str] = {}
    for target in config.targets:
        for render in _renderers(target):
            plan.update(render(api, config))
    return Result(format_plan(plan), diagnostics, lock_text(api))


def load_api(
    spec: Path, config: Config, strict: bool = False, lock: NameLock | None = None
) -> tuple[ir.Api, list[Diagnostic]]:
    """Load and normalize one spec; ``SpecError`` on errors (and warnings if strict)."""
    ws = load(spec, display=_display(spec))
    sink = Sink(locator=ws.locate)
    api = normalize(ws, config, sink, lock)
    if sink.errors or (strict and sink.items):
        raise SpecError(sink.items)
    return api, sink.items


def generate(config: Config, strict: bool = False, reset_names: bool = False) -> Result:
    result = build_plan(config, strict, reset_names)
    write_tree(config.out, result.plan)
    if config.lock_file is not None and not write_file(config.lock_file, result.lock):
        result.diagnostics.append(Diagnostic("warning", "SG901", f"cannot record model names in {config.lock_file}"))
    return result


def check(config: Config, strict: bool = False, reset_names: bool = False) -> tuple[Result, Drift]:
    result = build_plan(config, strict, reset_names)
    return result, compare_tree(config.out, result.plan)


def _display(path: Path) -> str:
    """Paths in diagnostics: relative to the working directory when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)
