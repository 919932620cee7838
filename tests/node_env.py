"""Node.js tooling for tests of the TypeScript target.

``node_modules()`` installs ``typescript`` and ``zod@3`` once into
``.node-cache/`` at the repo root (reused across sessions) and returns its
``node_modules``; a generated package gets it through a symlink, since tsc
ignores ``NODE_PATH``.  Without node/npm, or when the install fails (e.g.
offline), the calling test is skipped with the reason.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / ".node-cache"
# Majors pinned so a new release cannot change what the tests check; the
# generated package.json asks for the same majors.
PACKAGES = {"typescript": "5", "zod": "3"}


def node_modules() -> Path:
    for tool in ("node", "npm"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} not found on PATH: cannot check the generated TypeScript")
    modules = CACHE / "node_modules"
    if not all(_installed(modules, name, major) for name, major in PACKAGES.items()):
        _install()
    return modules


def _installed(modules: Path, name: str, major: str) -> bool:
    try:
        meta = json.loads((modules / name / "package.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return str(meta.get("version", "")).split(".")[0] == major


def _install() -> None:
    CACHE.mkdir(exist_ok=True)
    manifest = CACHE / "package.json"
    if not manifest.exists():
        manifest.write_text('{"name": "sdkgen-test-node-cache", "private": true}\n', encoding="utf-8")
    specs = [f"{name}@{major}" for name, major in PACKAGES.items()]
    cmd = ["npm", "install", "--no-audit", "--no-fund", *specs]
    done = subprocess.run(cmd, cwd=CACHE, capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        pytest.skip(f"npm install {' '.join(specs)} failed in {CACHE}:\n{done.stderr[-2000:]}")


def link_node_modules(package_dir: Path, modules: Path) -> None:
    """Make ``modules`` visible to tsc and node from ``package_dir``."""
    link = package_dir / "node_modules"
    if not link.exists():
        os.symlink(modules, link, target_is_directory=True)


def tsc(package_dir: Path, modules: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the cached tsc in ``package_dir`` (its tsconfig.json) with ``args``."""
    compiler = modules / "typescript" / "bin" / "tsc"
    return subprocess.run(
        ["node", str(compiler), "-p", "tsconfig.json", *args],
        cwd=package_dir, capture_output=True, text=True, timeout=600,
    )
