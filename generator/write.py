"""Write: the only stage that touches the disk.

- ``Staging`` builds the whole output in a temporary sibling directory and
  swaps it in at the end, so a failed or killed run leaves OUT as it was;
  ``write_tree`` writes a plan held in memory through it.
- Files in OUT that sdkgen did not write are carried over untouched: the
  manifest (``.sdkgen-manifest.json``) records what sdkgen owns.
- ``compare_tree`` is the drift check: it reads, it never writes.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Self

from msgspec import Struct, field

from generator.diagnostics import SpecError, fail

MANIFEST = ".sdkgen-manifest.json"


def _check_path(rel: str) -> None:
    # PurePosixPath's rules in string operations: this runs for every file
    parts = [part for part in rel.split("/") if part not in ("", ".")]
    if rel.startswith("/") or ".." in parts or not parts or rel == MANIFEST:
        raise fail("SG900", f"internal error: refusing to write outside the output directory: {rel!r}")


def manifest_text(digests: dict[str, str], fingerprint: dict[str, object] | None = None) -> str:
    files = {path: digests[path] for path in sorted(digests)}
    data: dict[str, object] = {"generator": "sdkgen", "files": files}
    if fingerprint is not None:
        data["fingerprint"] = fingerprint
    return json.dumps(data, indent=2, sort_keys=True) + "\n"


def read_manifest(out: Path) -> dict[str, object]:
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def owned_files(out: Path) -> set[str]:
    files = read_manifest(out).get("files")
    return set(files) if isinstance(files, dict) else set()


def files_intact(out: Path) -> int | None:
    """The number of owned files when every one still has its recorded bytes."""
    files = read_manifest(out).get("files")
    if not isinstance(files, dict) or not files:
        return None
    for rel, digest in files.items():
        try:
            if hashlib.sha256((out / rel).read_bytes()).hexdigest() != digest:
                return None
        except OSError:
            return None
    return len(files)


class Written(Struct):
    """What writing files did: each file's SHA-256, and the files whose bytes
    OUT already had (hard-linked into the new tree, not rewritten)."""

    digests: dict[str, str] = field(default_factory=dict)
    unchanged: set[str] = field(default_factory=set)

    def merge(self, other: Written) -> Written:
        if shared := self.digests.keys() & other.digests.keys():
            raise overlap(shared)
        return Written(self.digests | other.digests, self.unchanged | other.unchanged)


def overlap(paths: set[str]) -> SpecError:
    """Two processes wrote the same file: which one landed would be chance.
    (Code and docs render in different processes and write under different
    folders, src/ and docs/, package files and READMEs.)"""
    return fail("SG900", f"internal error: two rendering processes wrote {min(paths)!r}")


class Staging:
    """OUT's next state, built in a temporary sibling directory and swapped in
    by ``commit``, so a failed or killed run leaves OUT as it was.

    ``put`` may be called from forked children as well as from the process
    that made the staging directory: rendering writes each half's files as
    soon as they exist, instead of sending them back to one writer."""

    def __init__(self, out: Path, link_dir: Path | None = None) -> None:
        self.out = out.resolve()
        prefix = f".{self.out.name}.sdkgen-"
        try:
            self.out.parent.mkdir(parents=True, exist_ok=True)
            _remove_abandoned(self.out.parent, prefix)
            # The name carries this process's id, so that a later run can tell
            # a directory left by a killed run from one still being filled.
            self.path = Path(tempfile.mkdtemp(prefix=f"{prefix}{os.getpid()}-", dir=self.out.parent))
        except OSError as exc:
            raise fail("SG901", f"cannot create a staging directory next to {self.out}: {exc}") from None
        self.old = str(self.out) if self.out.is_dir() else None
        self.link_dir = link_dir

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        shutil.rmtree(self.path, ignore_errors=True)

    def put(self, files: dict[str, str]) -> Written:
        """Write ``files`` into the staging directory (hard-linking the ones
        OUT or the output cache already has); ``SpecError`` SG901 on failure."""
        for rel in files:
            _check_path(rel)
        stage, old, link_dir = str(self.path), self.old, self.link_dir
        written = Written()
        try:
            _make_parents(stage, files)
            for rel, text in files.items():
                data = text.encode("utf-8")
                written.digests[rel] = hashlib.sha256(data).hexdigest()
                target = os.path.join(stage, rel)
                if old is not None and _reuse(os.path.join(old, rel), target, data):
                    written.unchanged.add(rel)
                elif link_dir is None or not _link(os.path.join(link_dir, rel), target):
                    _create(target, data)
        except OSError as exc:
            raise fail("SG901", f"cannot write {self.out}: {exc}") from None
        return written

    def commit(self, written: Written, fingerprint: dict[str, object] | None = None) -> None:
        """Record the manifest, keep the user's files and swap the new tree in."""
        try:
            (self.path / MANIFEST).write_text(manifest_text(written.digests, fingerprint), encoding="utf-8")
            if self.old is not None:
                _carry_over_unowned(self.out, self.path, owned_files(self.out) | set(written.digests))
            _swap(self.path, self.out)
        except OSError as exc:
            raise fail("SG901", f"cannot write {self.out}: {exc}") from None


def _remove_abandoned(parent: Path, prefix: str) -> None:
    """Remove staging directories whose run was killed before it could
    (``SIGKILL`` skips every cleanup): those whose process is gone."""
    with os.scandir(parent) as entries:
        names = [e.name for e in entries if e.name.startswith(prefix) and e.is_dir(follow_symlinks=False)]
    for name in names:
        pid = name[len(prefix):].partition("-")[0]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(parent / name, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process: leave its directory alone
    return True


def write_tree(out: Path, plan: dict[str, str], fingerprint: dict[str, object] | None = None,
               link_dir: Path | None = None) -> Written:
    """Write ``plan`` to ``out`` atomically.  ``link_dir``, when given, holds
    files known to have exactly the plan's bytes (the output cache): they are
    hard-linked instead of written (``put`` checks every path)."""
    from generator.parallel import run_split  # not on the no-change path

    with Staging(out, link_dir) as staging:
        order = sorted(plan)
        # Creating thousands of files is mostly kernel time: on two CPUs, two
        # processes write the two halves at once.
        half = len(order) // 2 if len(order) >= _SPLIT_FROM else len(order)

        def put(rels: list[str]) -> Callable[[], Written]:
            return lambda: staging.put({rel: plan[rel] for rel in rels})

        here, there = run_split([put(order[:half])], [put(order[half:])] if half < len(order) else [])
        written = Written()
        for part in (*here, *there):
            written = written.merge(part)
        staging.commit(written, fingerprint)
    return written


# Below this many files a second process costs more than it saves.
_SPLIT_FROM = 400


# Plain descriptors: a buffered file object costs more to set up than the
# write itself, and thousands of files are written per run.
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)


def _create(target: str, data: bytes) -> None:
    fd = os.open(target, _CREATE, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


def _make_parents(stage: str, rels: Iterable[str]) -> None:
    made: set[str] = set()
    for rel in rels:
        parent = rel.rpartition("/")[0]
        if parent and parent not in made:
            os.makedirs(os.path.join(stage, parent), exist_ok=True)
            while parent and parent not in made:
                made.add(parent)
                parent = parent.rpartition("/")[0]


def _link(source: str, target: str) -> bool:
    try:
        os.link(source, target)
        return True
    except OSError:
        return False


def _reuse(existing: str, target: str, data: bytes) -> bool:
    """Hard-link an unchanged file into the stage, so a regeneration rewrites
    only the files whose bytes changed (their inode and mtime stay put)."""
    try:
        if os.path.islink(existing) or os.stat(existing).st_size != len(data):
            return False
        with open(existing, "rb") as handle:
            if handle.read() != data:
                return False
        os.link(existing, target)
        return True
    except OSError:
        return False


def _carry_over_unowned(out: Path, stage: Path, owned: set[str]) -> None:
    """Keep the user's own files (a README, a .gitignore, node_modules...)."""
    for dirpath, dirnames, filenames in os.walk(out):
        base = Path(dirpath)
        dirnames.sort()
        # A symlinked directory (node_modules -> elsewhere) is kept as a link:
        # os.walk lists it among the directories but does not enter it.
        links = [d for d in dirnames if (base / d).is_symlink()]
        dirnames[:] = [d for d in dirnames if d not in links]
        for name in sorted(filenames + links):
            src = base / name
            rel = src.relative_to(out).as_posix()
            if rel == MANIFEST or rel in owned:
                continue
            dst = stage / rel
            dst.parent.mkdir(parents=True, exist_ok=True)
            if src.is_symlink():
                os.symlink(os.readlink(src), dst)
            else:
                # the stage is a sibling of OUT, so a hard link usually works
                # and keeps a user's big folders (a real node_modules) cheap
                if not _link(str(src), str(dst)):
                    shutil.copy2(src, dst)


_RENAME_EXCHANGE = 2


def _swap(stage: Path, out: Path) -> None:
    """Atomically exchange the directories where the OS allows it (Linux
    renameat2); otherwise two renames with a short window between them."""
    if not out.exists():
        os.rename(stage, out)
        stage.mkdir()  # so the caller's cleanup has something to remove
        return
    if _exchange(stage, out):
        return
    backup = stage.with_name(stage.name + ".old")
    os.rename(out, backup)
    os.rename(stage, out)
    os.rename(backup, stage)


def _exchange(a: Path, b: Path) -> bool:
    import ctypes  # only here: importing it costs more than most runs' swap

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd = -100
    rc = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE)
    return bool(rc == 0)


def write_file(path: Path, text: str) -> bool:
    """Replace one file atomically when its bytes change; False if it cannot."""
    try:
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            return True
        tmp = path.with_name(f".{path.name}.sdkgen-tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
        return True
    except OSError:
        return False


class Drift(Struct):
    stale: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    diffs: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not (self.stale or self.missing or self.extra)


def compare_tree(out: Path, plan: dict[str, str], max_diffs: int = 3, max_lines: int = 40) -> Drift:
    drift = Drift()
    for rel in sorted(plan):
        _check_path(rel)
        path = out / rel
        if not path.is_file():
            drift.missing.append(rel)
            continue
        current = path.read_bytes().decode("utf-8", errors="replace")
        if current != plan[rel]:
            drift.stale.append(rel)
            if len(drift.diffs) < max_diffs:
                drift.diffs.append(_short_diff(rel, current, plan[rel], max_lines))
    drift.extra = sorted(r for r in owned_files(out) - set(plan) if (out / r).exists())
    return drift


def _short_diff(rel: str, old: str, new: str, max_lines: int) -> str:
    lines = list(difflib.unified_diff(old.splitlines(), new.splitlines(), f"a/{rel}", f"b/{rel}", lineterm="", n=2))
    if len(lines) > max_lines:
        lines = lines[:max_lines] + [f"... ({len(lines) - max_lines} more diff lines)"]
    return "\n".join(lines)
