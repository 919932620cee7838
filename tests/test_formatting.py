"""The format stage may skip renderers that emit black's style: prove that
black would change nothing in any Python file sdkgen writes.

Every renderer of the Python target is flagged preformatted in
``generator.pipeline._renderers``, so ``build_plan`` returns their raw
output: checking it is checking the renderers.  The layout helpers of
``generator.render.python.code`` are also checked alone around the line
length, where a real spec rarely probes them."""

from __future__ import annotations

import dataclasses

import black
import pytest

from conftest import SPEC, shared_path

from generator.config import Config, build, from_file, from_pyproject
from generator.pipeline import build_plan
from generator.render.python.code import (
    Call,
    Expr,
    Param,
    annotated,
    assignment,
    def_lines,
    optional_parens,
    param_lines,
    split,
)

_MODE = black.Mode(target_versions={black.mode.TargetVersion.PY311})


def _unformatted(plan: dict[str, str]) -> list[str]:
    return [path for path, text in sorted(plan.items())
            if path.endswith(".py") and black.format_str(text, mode=_MODE) != text]


def _check(config: Config) -> None:
    plan = build_plan(config).plan
    print(f"{sum(p.endswith('.py') for p in plan)} Python files checked")
    assert [p for p in plan if p.endswith(".py")]
    assert _unformatted(plan) == []


def test_project_output_is_black_stable() -> None:
    config = build(from_pyproject(SPEC.parents[1] / "pyproject.toml"))
    _check(dataclasses.replace(config, spec=SPEC, lock_file=None))


# Whole real-world specs take seconds each (black over hundreds of files):
# deselect them with `-m "not slow"` for a quick run.
@pytest.mark.slow
@pytest.mark.parametrize("spec,gen", [("orq-2025-04-20.yaml", "orq-python")])
def test_whole_spec_output_is_black_stable(spec: str, gen: str) -> None:
    layers = from_file(shared_path("golden", gen, "gen.yaml"))
    _check(dataclasses.replace(build(layers), spec=shared_path("specs", spec), targets=("python",),
                               lock_file=None, python_package="sdkgen-orq-fmt"))


@pytest.mark.slow
@pytest.mark.parametrize("spec", ["bolt-python.yaml", "meitner-python.json", "mistral-typescript.yaml",
                                  "openrouter-typescript.yaml", "lapyme-typescript.yaml"])
def test_other_spec_output_is_black_stable(spec: str) -> None:
    """`sdkgen generate SPEC --target python` with the default configuration."""
    _check(dataclasses.replace(build(), spec=shared_path("specs", spec), targets=("python",), lock_file=None))


# ----------------------------------------------------------- layout helpers

_LENGTHS = range(40, 100, 3)


def _name(n: int, prefix: str = "models.") -> str:
    return prefix + ("Name" * 30)[: max(n, 1)]


def _module(lines: list[str]) -> str:
    """A function whose body (at 8 spaces, inside a class) is ``lines``."""
    return "\n".join(["class C:", "    def f(self) -> None:", *lines, ""])


def _body_cases(n: int) -> list[list[str]]:
    body = " " * 8
    plain, listed = _name(n), Call("List", (_name(n),))
    union = Call("Union", (_name(n // 2), _name(n // 3, "models.Other"), "None"))
    cases: list[list[str]] = []
    for ann in (plain, listed, union):
        value = Call("utils.unmarshal_json", ("response.text", ann), "(")
        cases.append(assignment(body, "result", value, annotation=ann))
        cases.append(optional_parens(body, "return ", value))
        cases.append(split(body, "raise ", Call(_name(n // 2), (value,), "(")))
        cases.append(optional_parens(body, "if ", Call("utils.match_response", ("response", '"200"', value), "("),
                                     ":") + [body + "    pass"])
    entries: tuple[Expr, ...] = tuple(f'"{k}": {k}' for k in ("a", "bb", _name(n // 4, "x")))
    nested = Call('"body": ', entries, "{", display=True)
    for args in ((entries[0],), entries, (entries[0], nested), (nested,)):
        cases.append(assignment(body, "_request", Call(_name(n // 2) + ".model_validate",
                                                       (Call("", args, "{", display=True),), "(")))
    cases.append(assignment(body, "agent", '"' + "x" * n + '"'))
    cases.append(assignment(body, "agent", _name(n)))
    cases.append(assignment(body, "_x", Call("Endpoint", (f"a={_name(n)}", Call("b=", ('"x"',), "(", display=True),
                                                          Call("c=", ('"x"', '"y"'), "(", display=True)), "(")))
    return cases


@pytest.mark.parametrize("n", _LENGTHS)
def test_statements_are_black_stable(n: int) -> None:
    for lines in _body_cases(n):
        text = _module(lines)
        assert black.format_str(text, mode=_MODE) == text


@pytest.mark.parametrize("n", _LENGTHS)
def test_class_body_fields_are_black_stable(n: int) -> None:
    # a TypedDict field whose annotation has no bracket to split at, and ones that do
    for annotation in (_name(n, "Name"), Call("NotRequired", (_name(n, "Name"),)), Call("List", (_name(n),))):
        for name in ("x", _name(n // 2, "field_")):
            text = "\n".join(["class C(TypedDict):", *annotated("    ", name, annotation, None), ""])
            assert black.format_str(text, mode=_MODE) == text


@pytest.mark.parametrize("n", _LENGTHS)
def test_signatures_are_black_stable(n: int) -> None:
    returns: list[Expr] = [_name(n), Call("Optional", (Call("Union", (_name(n // 2), _name(n // 2, "models.B"))),)),
                           Call("List", (_name(n),)), "None"]
    params = [Param("response", "httpx.Response")]
    many = [Param("self"), Param("*"), Param(_name(n // 3, "x"), Call("Optional", (_name(n),)), "None"),
            Param("when", Call("Optional", ("datetime",)), Call("dateutil.parser.isoparse", ('"2020-01-01"',), "(")),
            Param("text", Call("Optional", ("str",)), '"' + "x" * n + '"')]
    for ret in returns:
        for head in ("def " + _name(n // 3, "_f"), "def f"):
            text = "\n".join([*def_lines("", head, params, ret), "    pass", ""])
            assert black.format_str(text, mode=_MODE) == text
            text = "\n".join(["class C:", *def_lines("    ", head, many, ret, exploded=True), "        pass", ""])
            assert black.format_str(text, mode=_MODE) == text
    assert param_lines("    ", Param("self")) == ["    self,"]


def test_a_run_that_formats_nothing_does_not_import_black(tmp_path) -> None:
    """black's import alone is about 0.1 s of a cold run: it is paid only when
    some file needs formatting (none does today), and jsonpath only with overlays."""
    import subprocess
    import sys

    code = ("import sys\n"
            "from generator.cli import main\n"
            f"main(['generate', {str(SPEC)!r}, '-o', {str(tmp_path / 'out')!r}, '-q'])\n"
            "print(sorted(m for m in ('black', 'jsonpath') if m in sys.modules))\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "[]"
    assert (tmp_path / "out").is_dir()
