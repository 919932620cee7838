"""The TypeScript SDK of a real 1.2 MB spec (orq.ai, with Speakeasy's gen.yaml)
compiles under ``tsc --noEmit --strict``.

Needs node and npm (``node_env`` installs typescript and zod into
``.node-cache/`` once) and ../shared; skips cleanly without them.
"""

from __future__ import annotations

import time
from pathlib import Path

import node_env
from conftest import shared_path

from generator.config import build, from_file
from generator.pipeline import build_plan


def test_orq_typescript_compiles_strict(tmp_path: Path) -> None:
    spec = shared_path("specs", "orq-2025-04-18.yaml")
    gen_yaml = shared_path("golden", "orq-typescript", "gen.yaml")
    modules = node_env.node_modules()
    # no lock file: nothing is written beside the gen.yaml
    config = build(from_file(gen_yaml), {"spec": spec, "out": tmp_path, "targets": ("typescript",),
                                         "lock_file": None})
    plan = build_plan(config).plan
    for rel, text in plan.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    package = tmp_path / "typescript"
    node_env.link_node_modules(package, modules)
    started = time.perf_counter()
    done = node_env.tsc(package, modules, "--noEmit", "--strict")
    sources = sum(1 for rel in plan if rel.endswith(".ts"))
    print(f"\ntsc --noEmit --strict over {sources} files: exit {done.returncode} "
          f"({time.perf_counter() - started:.0f}s)")
    assert done.returncode == 0, (done.stdout + done.stderr)[-5000:]
