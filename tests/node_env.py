"""Node.js tooling for tests of the TypeScript target.

``node_modules()`` installs ``typescript`` and ``zod@3`` once into
``.node-cache/`` at the repo root (reused across sessions) and returns its
``node_modules``; a generated package gets it through a symlink, since tsc
ignores ``NODE_PATH``.  ``faker_modules()`` installs ``@faker-js/faker`` into
sdkgen's own cache directory, where generation looks for it (the example
values of the docs).  Without node/npm, or when the install fails (e.g.
offline), the calling test is skipped with the reason.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.examples.faker_data import FAKER_VERSION, PACKAGE
from generator.user_cache import cache_dir

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


def zod4_modules() -> Path:
    """``typescript`` and ``zod@4`` in their own cache folder, for packages
    generated with ``zod-version: v4``."""
    for tool in ("node", "npm"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} not found on PATH: cannot check the generated TypeScript")
    where = CACHE / "zod4"
    modules = where / "node_modules"
    if not (_installed(modules, "typescript", "5") and _installed(modules, "zod", "4")):
        _install(where, ["typescript@5", "zod@4"])
    return modules


def faker_modules() -> Path:
    """The ``node_modules`` in sdkgen's cache dir, holding the faker version
    whose data the example values need (installed there once)."""
    for tool in ("node", "npm"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} not found on PATH: cannot install {PACKAGE}")
    home = cache_dir() / "node"
    if _version(home / "node_modules", PACKAGE) != FAKER_VERSION:
        _install(home, [f"{PACKAGE}@{FAKER_VERSION}"])
    return home / "node_modules"


def _installed(modules: Path, name: str, major: str) -> bool:
    return _version(modules, name).split(".")[0] == major


def _version(modules: Path, name: str) -> str:
    try:
        meta = json.loads((modules / name / "package.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ""
    return str(meta.get("version", ""))


def _install(where: Path = CACHE, specs: list[str] | None = None) -> None:
    where.mkdir(parents=True, exist_ok=True)
    manifest = where / "package.json"
    if not manifest.exists():
        manifest.write_text('{"name": "sdkgen-test-node-cache", "private": true}\n', encoding="utf-8")
    specs = specs or [f"{name}@{major}" for name, major in PACKAGES.items()]
    cmd = ["npm", "install", "--no-audit", "--no-fund", *specs]
    done = subprocess.run(cmd, cwd=where, capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        pytest.skip(f"npm install {' '.join(specs)} failed in {where}:\n{done.stderr[-2000:]}")


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
