"""Documents and ``$ref`` resolution across the root file and relative files."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Sequence

from msgspec import Struct, field

from generator.diagnostics import Diagnostic, Span, SpecError, fail
from generator.loader import swagger2
from generator.loader.parse import PositionIndex, parse_document, read_text, split_pointer


class Resolved(Struct, frozen=True):
    """The target of a ``$ref``: its data and its qualified pointer."""

    node: object
    pointer: str
    """``#/components/schemas/X`` in the root file, ``other.yaml#/X`` elsewhere."""


class _Doc(Struct):
    data: object
    positions: PositionIndex


class Origins(Struct):
    """Where nodes of the root document came from when that is not the same
    pointer of the root file: a converted Swagger 2.0 node, or a node that an
    overlay added.  An entry covers the subtree below its pointer."""

    moved: dict[str, str] = field(default_factory=dict)
    """Root pointer -> qualified source pointer (``file#/...``; ``#/...`` for the root file)."""

    def source_of(self, pointer: str) -> str:
        """The qualified source pointer of a root pointer (longest entry wins)."""
        prefix, suffix = pointer, ""
        while True:
            found = self.moved.get(prefix)
            if found is not None:
                return found + suffix
            head, sep, tail = prefix.rpartition("/")
            if not sep:
                return pointer
            prefix, suffix = head, f"/{tail}{suffix}"

    def set(self, pointer: str, source: str) -> None:
        """The subtree at ``pointer`` now comes from ``source``."""
        self._drop(pointer)
        self.moved[pointer] = source

    def removed(self, pointer: str, length: int | None = None) -> None:
        """The node at ``pointer`` was deleted; when it was element ``i`` of an
        array of ``length`` elements, the elements after it moved down one."""
        head, _, tail = pointer.rpartition("/")
        if length is None or not tail.isdigit():
            self._drop(pointer)
            return
        for i in range(int(tail), length):
            here, below = f"{head}/{i}", f"{head}/{i + 1}"
            source = self.source_of(below) if i + 1 < length else None
            moving = {k: v for k, v in self.moved.items() if k.startswith(below + "/")}
            self._drop(here)
            if source is not None:
                self.moved[here] = source
                self.moved.update({here + k[len(below):]: v for k, v in moving.items()})

    def _drop(self, pointer: str) -> None:
        for key in [k for k in self.moved if k == pointer or k.startswith(pointer + "/")]:
            del self.moved[key]


class Workspace:
    """The root document and every file it references, loaded once each."""

    def __init__(self, root_path: Path, display: str, text: str) -> None:
        self.root_path = root_path
        self.display = display
        self.text = text
        self._docs: dict[str, _Doc] = {"": _Doc(*parse_document(text, display))}
        self._base = root_path.parent
        self.origins = Origins()
        self.converted_from: str | None = None
        """``"2.0"`` when the root file is Swagger 2.0, converted on load."""
        self.notes: list[Diagnostic] = []
        """Warnings of the loading itself (the conversion), for the caller's sink."""
        self._sources: dict[str, PositionIndex] = {}
        self._source_paths: list[Path] = []
        self._aliases: dict[str, str] = {}
        self._on_load: Callable[[object], None] | None = None

    @property
    def root(self) -> object:
        return self._docs[""].data

    def files(self) -> list[Path]:
        """Every file read so far: the root, referenced files in load order, overlays."""
        return [self.root_path] + [self._base / name for name in self._docs if name] + self._source_paths

    def locate(self, pointer: str) -> Span | None:
        """Source position of a qualified pointer (see ``Resolved.pointer``)."""
        return self.locate_all([pointer])[0]

    def locate_all(self, pointers: Sequence[str]) -> list[Span | None]:
        """Source positions of qualified pointers, found file by file in one pass each."""
        by_file: dict[str, list[tuple[int, str]]] = {}
        for order, pointer in enumerate(pointers):
            if pointer.startswith("#") and self.origins.moved:
                pointer = self.origins.source_of(pointer)
            file, _, local = pointer.partition("#")
            by_file.setdefault(file, []).append((order, "#" + local))
        found: list[Span | None] = [None] * len(pointers)
        for file, wanted in by_file.items():
            doc = self._docs.get(file)
            index = doc.positions if doc else self._sources.get(file)
            if index is not None:
                for (order, _), span in zip(wanted, index.locate_all([local for _, local in wanted])):
                    found[order] = span
        return found

    def add_source(self, key: str, positions: PositionIndex, path: Path) -> None:
        """A file that is not a ``$ref`` target but that nodes can come from
        (an overlay); ``key`` is the file part of pointers into it."""
        self._sources[key] = positions
        self._source_paths.append(path)

    def resolve(self, ref: str, at: str) -> Resolved:
        """Follow one ``$ref`` found at qualified pointer ``at``."""
        here_file = at.partition("#")[0]
        file_part, _, local = ref.partition("#")
        file = self._file_key(file_part, here_file) if file_part else here_file
        doc = self._load(file, ref, at)
        node = doc.data
        for token in split_pointer(local):
            if isinstance(node, dict) and token in node:
                node = node[token]
            elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
                node = node[int(token)]
            else:
                written = self._aliases.get(ref, ref)
                raise fail("SG010", f"unresolved $ref {written!r}", at, self.locate(at))
        return Resolved(node, f"{file}#{local}")

    def _file_key(self, file_part: str, here_file: str) -> str:
        here_dir = Path(here_file).parent if here_file else Path()
        return (here_dir / file_part).as_posix()

    def _load(self, file: str, ref: str, at: str) -> _Doc:
        if file in self._docs:
            return self._docs[file]
        if "://" in file:
            raise fail("SG012", f"remote $ref {ref!r} is not supported", at, self.locate(at))
        path = self._base / file
        try:
            text = read_text(path, file)
        except SpecError:
            raise fail("SG012", f"$ref {ref!r}: cannot read file {file!r}", at, self.locate(at)) from None
        doc = _Doc(*parse_document(text, file))
        if self._on_load is not None:
            self._on_load(doc.data)
        self._docs[file] = doc
        return doc

    def _convert_swagger2(self) -> None:
        """Replace a Swagger 2.0 root by its OpenAPI 3.0 form, keeping the way back."""
        self._on_load = swagger2.fix_keywords
        root = self._docs[""].data
        assert isinstance(root, dict)

        def resolve(ref: str, at: str) -> tuple[object, str]:
            found = self.resolve(ref, at)
            return found.node, found.pointer

        done = swagger2.convert(root, resolve)
        self._docs[""].data = done.doc
        self.origins.moved.update(done.origins)
        self._aliases.update(done.aliases)
        self.converted_from = "2.0"
        self.notes.extend(Diagnostic("warning", "SG103", message, pointer, self.locate(pointer))
                          for message, pointer in done.notes)


def load(path: Path, display: str | None = None) -> Workspace:
    """Read and parse the root file; a Swagger 2.0 document comes back as OpenAPI 3.0."""
    shown = display or str(path)
    ws = Workspace(path, shown, read_text(path, shown))
    if swagger2.is_swagger2(ws.root):
        ws._convert_swagger2()
    return ws
