"""The names one generated module uses, and the import block they need.

Every helper name (``List``, ``BaseModel``, ``UNSET``...) is requested
through a ``Scope`` while the module's views are built, so the imports are
known before any template runs.  A helper whose name is also the name of a
model visible in the module (a schema called ``List`` or ``Any``) is
imported under an alias (``List as List_``): model names come from
PascalCase words, so a trailing underscore can never collide with one.
"""

from __future__ import annotations

from functools import lru_cache

from generator.render.python.code import import_from

_STDLIB = frozenset({"builtins", "datetime", "enum", "io", "typing"})
_THIRD_PARTY = frozenset({"dateutil.parser", "pydantic", "typing_extensions"})


@lru_cache(maxsize=65536)
def isort_key(name: str) -> tuple[int, str]:
    """CONSTANTS, then Classes, then functions, as isort orders them."""
    kind = 0 if name.isupper() and len(name) > 1 else 1 if name[:1].isupper() else 2
    return kind, name.lower()


class Scope:
    def __init__(self, taken: frozenset[str]) -> None:
        self._taken = taken
        self._from: dict[str, dict[str, str]] = {}
        self._plain: set[str] = set()

    def name(self, module: str, name: str) -> str:
        """The local spelling of ``name`` imported from ``module``."""
        local = name + "_" if name in self._taken else name
        self._from.setdefault(module, {})[name] = local
        return local

    def model(self, module: str, name: str) -> str:
        """A model class imported from a sibling module (never aliased)."""
        self._from.setdefault(module, {})[name] = name
        return name

    def module(self, dotted: str) -> str:
        """``import dotted``; returns the prefix to use (``pydantic``)."""
        self._plain.add(dotted)
        return dotted

    def builtin(self, name: str) -> str:
        """A builtin such as ``Exception``, unless a model shadows it."""
        return self.module("builtins") + "." + name if name in self._taken else name

    def import_lines(self) -> list[str]:
        """The import block: ``__future__``, stdlib, third party, local."""
        groups: list[list[str]] = [[], [], []]
        for dotted in sorted(self._plain):
            groups[self._group(dotted)].append(f"import {dotted}")
        for module in sorted(self._from, key=lambda m: (m.startswith("."), m.lstrip("."), m)):
            names = self._from[module]
            parts = [n if names[n] == n else f"{n} as {names[n]}" for n in sorted(names, key=isort_key)]
            groups[self._group(module)].extend(import_from(module, parts))
        lines = ["from __future__ import annotations"]
        for group in groups:
            if group:
                lines.extend(["", *group])
        return lines

    @staticmethod
    def _group(module: str) -> int:
        if module in _STDLIB:
            return 0
        if module in _THIRD_PARTY:
            return 1
        return 2
