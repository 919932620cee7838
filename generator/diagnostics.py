"""Diagnostics: what went wrong (or looks wrong) in a spec, and where.

Every stage reports through a ``Sink``; nothing prints.  A fatal problem is
raised as ``SpecError`` carrying its diagnostics, and the CLI turns it into
compiler-style lines and a non-zero exit, never a traceback.
"""

from __future__ import annotations

from typing import Callable, Literal, Sequence

from msgspec import Struct, field
from msgspec.structs import replace

Severity = Literal["error", "warning", "note"]

# Stable codes: tests and users match on them, so never renumber.
CODES: dict[str, str] = {
    "SG001": "file cannot be read",
    "SG002": "YAML/JSON syntax error",
    "SG003": "not an OpenAPI document",
    "SG004": "unsupported OpenAPI version",
    "SG005": "invalid OpenAPI document",
    "SG010": "unresolved $ref",
    "SG011": "$ref points only at itself",
    "SG012": "$ref to a file that cannot be read",
    "SG020": "duplicate operationId",
    "SG021": "two names map to the same identifier",
    "SG022": "path parameter not declared",
    "SG030": "configuration error",
    "SG040": "invalid overlay document",
    "SG041": "overlay target matches nothing",
    "SG101": "schema cannot be expressed; falls back to Any",
    "SG102": "non-standard keyword accepted",
    "SG103": "Swagger 2.0 construct approximated in OpenAPI 3",
    "SG104": "`nullable` in an OpenAPI 3.1 document; read as nullable",
    "SG105": "`examples` of a schema is not a list; ignored",
    "SG106": "`example` of a schema is deprecated in OpenAPI 3.1",
    "SG107": "unknown `format`; treated as its plain type",
    "SG108": "no `info.version`; an empty version is used",
    "SG109": "keyword of the wrong kind; ignored",
    "SG110": "faker's English data unavailable; some example values are placeholders",
    "SG900": "internal error",
    "SG901": "output cannot be written",
}


class Span(Struct, frozen=True, gc=False):
    file: str
    line: int
    column: int


class Diagnostic(Struct, frozen=True, gc=False):
    severity: Severity
    code: str
    message: str
    pointer: str = ""
    span: Span | None = None

    def render(self) -> str:
        where = f"{self.span.file}:{self.span.line}:{self.span.column}: " if self.span else ""
        at = f" (at {self.pointer})" if self.pointer else ""
        return f"{where}{self.severity}[{self.code}]: {self.message}{at}"


Locator = Callable[[Sequence[str]], "Sequence[Span | None]"]
"""Maps JSON pointers (``#/paths/...``) to their source positions, all at once:
one pass over a large file finds them all."""


class Sink(Struct):
    """Collects diagnostics.  Their positions are found together, when
    ``items`` is next read: a spec with hundreds of notes costs one pass over
    its source, not one per note."""

    locator: Locator | None = None
    _items: list[Diagnostic] = field(default_factory=list)
    _unlocated: list[int] = field(default_factory=list)

    @property
    def items(self) -> list[Diagnostic]:
        """Every diagnostic so far, located (a list callers may extend)."""
        return self.located(lambda _: True)

    def located(self, wanted: Callable[[Diagnostic], bool]) -> list[Diagnostic]:
        """Every diagnostic so far, the ``wanted`` ones located: the pass over
        the source stops at the last position asked for, so leaving out the
        notes nobody will see can save most of it."""
        if self._unlocated and self.locator:
            chosen = [i for i in self._unlocated if wanted(self._items[i])]
            spans = self.locator([self._items[i].pointer for i in chosen]) if chosen else []
            for index, span in zip(chosen, spans):
                self._items[index] = replace(self._items[index], span=span)
            done = set(chosen)
            self._unlocated = [i for i in self._unlocated if i not in done]
        elif not self.locator:
            self._unlocated.clear()
        return self._items

    def add(self, severity: Severity, code: str, message: str, pointer: str = "") -> None:
        if pointer:
            self._unlocated.append(len(self._items))
        self._items.append(Diagnostic(severity, code, message, pointer))

    def error(self, code: str, message: str, pointer: str = "") -> None:
        self.add("error", code, message, pointer)

    def warning(self, code: str, message: str, pointer: str = "") -> None:
        self.add("warning", code, message, pointer)

    def note(self, code: str, message: str, pointer: str = "") -> None:
        self.add("note", code, message, pointer)

    def has(self, severity: Severity) -> bool:
        """Whether any diagnostic is that severe (without locating them)."""
        return any(d.severity == severity for d in self._items)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == "error"]


class SpecError(Exception):
    """A fatal problem with the input: nothing may be written."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__("; ".join(d.render() for d in diagnostics))
        self.diagnostics = diagnostics


def fail(code: str, message: str, pointer: str = "", span: Span | None = None) -> SpecError:
    return SpecError([Diagnostic("error", code, message, pointer, span)])
