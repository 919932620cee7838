"""Shared fixtures: paths to the repo, its spec, and the read-only ../shared."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SPEC = ROOT / "specs" / "sessions.yaml"


def shared_path(*parts: str) -> Path:
    """A path inside ../shared, or a clean skip when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not present (../shared is optional)")
    return path


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true", help="rewrite tests/cases/*/expected")


# The output cache (generator/output_cache.py) lives in the user's cache
# directory; tests that want it point SDKGEN_CACHE_DIR at their own folder.
os.environ["SDKGEN_CACHE_DIR"] = "off"


def spec_api(tmp_path: Path, text: str, config: object = None) -> object:
    """The IR of a small spec written (dedented) to ``tmp_path/spec.yaml``:
    the normalizer run as the pipeline runs it, diagnostics located."""
    import textwrap

    from generator.config import Config
    from generator.diagnostics import Sink
    from generator.loader import load
    from generator.normalize import normalize

    path = tmp_path / "spec.yaml"
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    ws = load(path)
    return normalize(ws, config if isinstance(config, Config) else Config(), Sink(locator=ws.locate_all))
