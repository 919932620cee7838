"""Model-doc scores on a real 1.2 MB spec (orq.ai), as the project's
scoreboard computes them: ``sdkgen generate`` per target with Speakeasy's
gen.yaml, then ``../shared/tools/compare_docs.py`` against the golden docs.

Floors: Python 99%, TypeScript with example values masked 99%, TypeScript
byte for byte 99% with faker's English data (loaded at run time from the
``@faker-js/faker`` npm package, which the fixture installs in sdkgen's cache)
and 85% without it (no node/npm: those values print as placeholders).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import node_env
from conftest import ROOT, shared_path

_SCORE = re.compile(r"^identical: (\d+)/(\d+) ")


def _generate(tmp_path: Path, spec: str, golden: str, target: str) -> Path:
    # A copy of the gen.yaml, so that the name lock sdkgen records beside its
    # configuration lands in tmp_path, never in ../shared.
    config = tmp_path / golden / "gen.yaml"
    config.parent.mkdir(parents=True)
    shutil.copy(shared_path("golden", golden, "gen.yaml"), config)
    # ...with its gen.lock: the Speakeasy version recorded there selects the
    # version-dependent rules (compat-version)
    shutil.copy(shared_path("golden", golden, "gen.lock"), config.parent / "gen.lock")
    out = tmp_path / golden / "out"
    done = subprocess.run(
        [sys.executable, "-m", "generator.cli", "generate", str(shared_path("specs", spec)), "--config", str(config),
         "--target", target, "-o", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return out / target / "docs" / "models"


def _score(golden: str, generated: Path, *flags: str) -> tuple[int, int, str]:
    tool = shared_path("tools", "compare_docs.py")
    done = subprocess.run(["python3", str(tool), str(shared_path("golden", golden, "docs", "models")),
                           str(generated), "--show", "0", *flags], capture_output=True, text=True, timeout=300)
    last = done.stdout.strip().splitlines()[-1]
    print(f"{golden} {' '.join(flags) or 'bytes'}: {last}")
    match = _SCORE.match(last)
    assert match, done.stdout + done.stderr
    return int(match[1]), int(match[2]), last


def _faker_installed() -> bool:
    try:
        node_env.faker_modules()
    except pytest.skip.Exception:
        return False
    return True


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("orq-docs")
    return {
        "faker": Path("installed") if _faker_installed() else Path(),
        "python": _generate(tmp, "orq-2025-04-20.yaml", "orq-python", "python"),
        "typescript": _generate(tmp, "orq-2025-04-18.yaml", "orq-typescript", "typescript"),
    }


def test_python_model_docs(docs: dict[str, Path]) -> None:
    same, total, _ = _score("orq-python", docs["python"])
    assert same >= 0.99 * total


def test_typescript_model_docs_with_examples_masked(docs: dict[str, Path]) -> None:
    same, total, _ = _score("orq-typescript", docs["typescript"], "--mask-examples")
    assert same >= 0.99 * total


def test_typescript_model_docs_byte_for_byte(docs: dict[str, Path]) -> None:
    same, total, _ = _score("orq-typescript", docs["typescript"])
    assert same >= (0.99 if docs["faker"].name else 0.85) * total
