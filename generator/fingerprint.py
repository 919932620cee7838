"""Fingerprints of everything an output depends on, for the no-change fast path.

The manifest of OUT records the digest of the generator's own code and
templates, of the configuration, and of every input file (spec, referenced
files, name lock).  When they all still match and the files in OUT still have
the bytes the manifest lists, regenerating would give the same bytes, so
``check`` and ``generate`` can stop after hashing instead of rebuilding.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from functools import lru_cache
from pathlib import Path

from generator.config import Config

_PACKAGE = Path(__file__).resolve().parent


def file_digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


@lru_cache(maxsize=1)
def generator_digest() -> str:
    """The generator's source and templates (and nothing machine-specific)."""
    from generator.templates_path import templates_dir

    h = hashlib.sha256()
    for root in (_PACKAGE, templates_dir()):
        for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".py", ".jinja")):
            h.update(path.relative_to(root).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def config_digest(config: Config) -> str:
    """Every option that shapes the output; where files live does not."""
    shaping = {f.name: getattr(config, f.name) for f in dataclasses.fields(config)
               if f.name not in ("spec", "out", "lock_file", "overlays")}
    return hashlib.sha256(repr(sorted(shaping.items())).encode()).hexdigest()


def relative_to(path: Path, base: Path) -> str:
    return Path(os.path.relpath(path.resolve(), base.resolve())).as_posix()


def inputs(files: list[Path], out: Path) -> dict[str, str]:
    """Input file (relative to OUT) -> digest."""
    found: dict[str, str] = {}
    for path in files:
        digest = file_digest(path)
        if digest is not None:
            found[relative_to(path, out)] = digest
    return found


def fingerprint(config: Config, files: list[Path], out: Path) -> dict[str, object]:
    return {"generator": generator_digest(), "config": config_digest(config), "inputs": inputs(files, out)}


def still_matches(recorded: object, config: Config, out: Path) -> bool:
    """True when nothing the recorded output depends on has changed."""
    if not isinstance(recorded, dict) or not isinstance(recorded.get("inputs"), dict):
        return False
    if recorded.get("generator") != generator_digest() or recorded.get("config") != config_digest(config):
        return False
    listed: dict[str, str] = recorded["inputs"]
    if config.spec is None or relative_to(config.spec, out) not in listed:
        return False
    lock = config.lock_file
    if lock is not None and lock.is_file() and relative_to(lock, out) not in listed:
        return False
    return all(file_digest(out / rel) == digest for rel, digest in listed.items())
