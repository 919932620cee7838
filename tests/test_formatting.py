"""The format stage may skip renderers that emit black's style: prove that
black would change nothing in any Python file sdkgen writes."""

from __future__ import annotations

import dataclasses

import black
import pytest

from conftest import SPEC, shared_path

from generator.config import build, from_file, from_pyproject
from generator.pipeline import build_plan

_MODE = black.Mode(target_versions={black.mode.TargetVersion.PY311})


def _unformatted(plan: dict[str, str]) -> list[str]:
    return [path for path, text in sorted(plan.items())
            if path.endswith(".py") and black.format_str(text, mode=_MODE) != text]


def test_project_output_is_black_stable() -> None:
    config = build(from_pyproject(SPEC.parents[1] / "pyproject.toml"))
    plan = build_plan(dataclasses.replace(config, spec=SPEC, lock_file=None)).plan
    assert [p for p in plan if p.endswith(".py")]
    assert _unformatted(plan) == []


@pytest.mark.parametrize("spec,gen", [("orq-2025-04-20.yaml", "orq-python")])
def test_whole_spec_output_is_black_stable(spec: str, gen: str) -> None:
    layers = from_file(shared_path("golden", gen, "gen.yaml"))
    config = dataclasses.replace(build(layers), spec=shared_path("specs", spec), targets=("python",),
                                 lock_file=None, python_package="sdkgen-orq-fmt")
    plan = build_plan(config).plan
    print(f"{sum(p.endswith('.py') for p in plan)} Python files checked")
    assert _unformatted(plan) == []
