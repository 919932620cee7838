"""Documents and ``$ref`` resolution across the root file and relative files."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.diagnostics import Span, SpecError, fail
from generator.loader.parse import PositionIndex, parse_text, read_text, split_pointer


@dataclass(frozen=True, slots=True)
class Resolved:
    """The target of a ``$ref``: its data and its qualified pointer."""

    node: object
    pointer: str
    """``#/components/schemas/X`` in the root file, ``other.yaml#/X`` elsewhere."""


@dataclass
class _Doc:
    data: object
    positions: PositionIndex


class Workspace:
    """The root document and every file it references, loaded once each."""

    def __init__(self, root_path: Path, display: str, text: str) -> None:
        self.root_path = root_path
        self.display = display
        self.text = text
        self._docs: dict[str, _Doc] = {"": _Doc(parse_text(text, display), PositionIndex(text, display))}
        self._base = root_path.parent

    @property
    def root(self) -> object:
        return self._docs[""].data

    def locate(self, pointer: str) -> Span | None:
        """Source position of a qualified pointer (see ``Resolved.pointer``)."""
        file, _, local = pointer.partition("#")
        doc = self._docs.get(file)
        return doc.positions.locate("#" + local) if doc else None

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
                raise fail("SG010", f"unresolved $ref {ref!r}", at, self.locate(at))
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
        doc = _Doc(parse_text(text, file), PositionIndex(text, file))
        self._docs[file] = doc
        return doc


def load(path: Path, display: str | None = None) -> Workspace:
    shown = display or str(path)
    return Workspace(path, shown, read_text(path, shown))
