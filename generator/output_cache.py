"""A cache of whole outputs, so regenerating what was generated before costs
reading files, not parsing, normalizing and rendering again.

Where it pays: a fresh clone or CI job with the cache directory restored,
switching branches back and forth, ``rm -rf`` of the output.  (An OUT that
already holds the output takes the manifest fast path and never gets here.)

- Key: the generator's own code, the configuration, the bytes of the spec,
  of its overlays and of the name lock.  An entry also records every file the
  spec references, with its digest, and is only used while they all match.
- An entry holds hard links to the files of the OUT it was written for (no
  copy, so storing costs a few syscalls) and ``meta.json``: each file's
  digest, the diagnostics to show again, the name lock to record.  Restoring
  reads the files and checks every digest, so an entry whose file was edited
  in place (through its other link) is a miss, not wrong output; the checked
  files are then hard-linked into the new output rather than written.
- At most ``KEEP`` entries are kept, the least recently used go first.
  ``SDKGEN_CACHE_DIR`` moves the cache; ``SDKGEN_CACHE_DIR=off`` disables it.
- Failing to cache is never an error: the cache is an optimisation.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

from msgspec import to_builtins

from generator.config import Config
from generator.diagnostics import Diagnostic, Span
from generator.fingerprint import config_digest, file_digest, generator_digest
from generator.user_cache import cache_dir

KEEP = 4
_META = "meta.json"


def cache_root() -> Path | None:
    configured = os.environ.get("SDKGEN_CACHE_DIR")
    if configured is not None:
        return None if configured.strip().lower() in ("", "off", "0", "false") else Path(configured) / "outputs"
    return cache_dir() / "outputs"


def _key(config: Config) -> str | None:
    if config.spec is None:
        return None
    h = hashlib.sha256()
    h.update(generator_digest().encode())
    h.update(config_digest(config).encode())
    h.update(str(config.spec.resolve()).encode())  # diagnostics name the spec's path
    keyed = [config.spec, *config.overlays]
    if config.lock_file is not None and config.lock_file.is_file():
        keyed.append(config.lock_file)
    for path in keyed:
        digest = file_digest(path)
        if digest is None:
            return None
        h.update(digest.encode())
    return h.hexdigest()[:32]


def restore(config: Config) -> tuple[dict[str, str], list[Diagnostic], str, list[Path], Path] | None:
    """The plan, diagnostics, lock text, input files and file directory of a
    cached output of exactly these inputs, or None."""
    root = cache_root()
    key = _key(config) if root is not None else None  # the key hashes sdkgen's own code
    if root is None or key is None:
        return None
    entry = root / key
    try:
        meta = json.loads((entry / _META).read_text(encoding="utf-8"))
        inputs = [Path(p) for p in meta["inputs"]]
        if any(file_digest(p) != digest for p, digest in zip(inputs, meta["inputs"].values())):
            return None
        plan: dict[str, str] = {}
        for rel, digest in meta["files"].items():
            data = (entry / "files" / rel).read_bytes()
            if hashlib.sha256(data).hexdigest() != digest:
                shutil.rmtree(entry, ignore_errors=True)  # edited through the other link
                return None
            plan[rel] = data.decode("utf-8")
        diagnostics = [_diagnostic(d) for d in meta["diagnostics"]]
        os.utime(entry)  # recently used
        return plan, diagnostics, meta["lock"], inputs, entry / "files"
    except (OSError, ValueError, KeyError, TypeError):
        return None


def store(config: Config, digests: dict[str, str], diagnostics: list[Diagnostic], lock: str,
          inputs: list[Path]) -> None:
    """Record the output just written to ``config.out``, whose files have
    ``digests`` (best effort)."""
    root = cache_root()
    key = _key(config) if root is not None else None
    if root is None or key is None:
        return
    try:
        root.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".tmp-", dir=root))
    except OSError:
        return
    try:
        out = config.out.resolve()
        for rel in sorted(digests):
            target = staging / "files" / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            os.link(out / rel, target)
        meta = {
            "files": {rel: digests[rel] for rel in sorted(digests)},
            "inputs": {str(p.resolve()): file_digest(p) for p in inputs},
            "diagnostics": to_builtins(diagnostics),
            "lock": lock,
        }
        (staging / _META).write_text(json.dumps(meta), encoding="utf-8")
        # The key covers the spec, not the files it references: an entry for
        # older referenced files is replaced.
        shutil.rmtree(root / key, ignore_errors=True)
        os.rename(staging, root / key)
    except OSError:
        pass  # another filesystem (no hard links), a race with another run, a full disk...
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    _evict(root)


def _evict(root: Path) -> None:
    try:
        entries = [p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")]
        entries.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:
        return
    for stale in entries[KEEP:]:
        shutil.rmtree(stale, ignore_errors=True)


def _diagnostic(data: dict[str, object]) -> Diagnostic:
    span = data.get("span")
    return Diagnostic(
        data["severity"], str(data["code"]), str(data["message"]), str(data.get("pointer", "")),  # type: ignore[arg-type]
        Span(**span) if isinstance(span, dict) else None,
    )
