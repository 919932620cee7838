"""Helpers of the Python client tests: generate a package in-process under
any name, import it, and make minimal valid JSON for an IR type."""

from __future__ import annotations

import dataclasses
import importlib
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from generator import ir
from generator.config import Config
from generator.format import format_plan
from generator.pipeline import load_api
from generator.render import python, python_client


def generate(spec: Path, config: Config, out: Path) -> tuple[ir.Api, dict[str, str]]:
    """Models + client of ``spec``, formatted as the pipeline does, written to ``out``."""
    api, _ = load_api(spec, config)
    plan = {**python.render(api, config), **python_client.render(api, config)}
    plan = format_plan(plan)
    for rel, text in plan.items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return api, plan


def import_package(out: Path, module: str) -> ModuleType:
    src = str(out / "python" / "src")
    if src not in sys.path:
        sys.path.insert(0, src)
    return importlib.import_module(module)


def forget(module: str) -> None:
    for name in [n for n in sys.modules if n == module or n.startswith(module + ".")]:
        del sys.modules[name]


def renamed(config: Config, package: str) -> Config:
    return dataclasses.replace(config, python_package=package)


def example(api: ir.Api, t: ir.TypeExpr | None, depth: int = 0) -> Any:
    """A JSON value of type ``t``: required and optional properties, first
    enum value, first union member (deterministic)."""
    match t:
        case None | ir.Any():
            return {}
        case ir.Primitive(kind="string", format=fmt):
            return {"date-time": "2024-01-02T03:04:05Z", "date": "2024-01-02"}.get(fmt or "", "text")
        case ir.Primitive(kind="integer"):
            return 7
        case ir.Primitive(kind="number"):
            return 1.5
        case ir.Primitive(kind="boolean"):
            return True
        case ir.Literal(value=value):
            return value
        case ir.Array(items=items):
            return [] if depth > 4 else [example(api, items, depth + 1)]
        case ir.Map(values=values):
            return {} if depth > 4 else {"key": example(api, values, depth + 1)}
        case ir.Ref(model=model_id):
            return _model_example(api, api.model(model_id), depth)
    raise AssertionError(t)


def _model_example(api: ir.Api, model: ir.Model, depth: int) -> Any:
    body = model.body
    if isinstance(body, ir.Enum):
        return body.values[0]
    if isinstance(body, ir.Union):
        return example(api, body.members[0].type, depth + 1)
    return {f.wire_name: example(api, f.type, depth + 1) for f in body.fields
            if f.required or (depth < 3 and not isinstance(f.type, ir.Ref))}
