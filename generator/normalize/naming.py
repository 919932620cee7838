"""Model naming: candidate lists, priorities, displacement and fallbacks.

The walk (``normalize.schema``) describes each named node with a ``NameSpec``
in traversal order; ``assign`` then gives every node its name in one
namespace.  The rules are those of CONVENTIONS.md 2.3-2.5:

- each node takes its first free candidate;
- a node of higher priority displaces a lower-priority holder, which
  re-resolves from its own candidates at that moment (this may cascade);
- a node with no free candidate is deferred; deferred nodes are resolved in
  reverse order by numbering the last candidate.

Collisions are case-insensitive.  Nothing here depends on dict or set
iteration order beyond insertion order, so the result is deterministic.
"""

from __future__ import annotations

from msgspec import Struct

from generator.words import leading_number_spelled

# Priority classes: smaller wins.  PINNED names come from the lock file.
PINNED, COMPONENT, RESERVED, PARAMETER, REQUEST, RESPONSE = -1, 0, 1, 2, 3, 4
_DEPTH_RANKED = (COMPONENT, RESPONSE)


class NameSpec(Struct, frozen=True, gc=False):
    key: str
    """The id of the model this names."""
    candidates: tuple[tuple[str, ...], ...]
    """Candidate names as part lists, in the order they are tried."""
    klass: int
    depth: int = 0
    parent: str = ""
    """The key whose current name a ``PARENT`` part stands for."""
    titled: bool = False
    """The schema has a ``title``: at equal rank it gives way to one that
    has none (an untitled ``role`` enum keeps ``Role`` against a ``title: Role``)."""
    kind: str = ""
    """``Enum`` or ``Union`` (``union_names.kind_of``): under
    nameResolutionFeb2025 an enum gives way to a union (``symmetric``)."""
    shadow: tuple[str, ...] = ()
    """A name this model keeps from others without claiming it (``feb2025.value_shadow``)."""
    walk_order: int | None = None
    """When the walk completed this model (``Walker.finished``); None for
    models made outside it (operation wrappers)."""

    @property
    def priority(self) -> tuple[int, int, int]:
        return (self.klass, self.depth if self.klass in _DEPTH_RANKED else 0, int(self.titled))


# A candidate part standing for the parent model's name as finally resolved
# (nameResolutionFeb2025, ``symmetric``); its text keeps ``dedupe`` apart from
# the static forms.
PARENT = "<parent>"


def render_name(parts: tuple[str, ...]) -> str:
    return leading_number_spelled(parts)


class Registry:
    """One namespace: folded name -> holder key."""

    def __init__(self, reserved: tuple[str, ...] = ()) -> None:
        self._holder: dict[str, str] = {}
        self._specs: dict[str, NameSpec] = {}
        self._name: dict[str, str] = {}
        self._deferred: list[str] = []
        for word in reserved:
            spec = NameSpec(key=f"reserved:{word}", candidates=((word,),), klass=RESERVED)
            self.place(spec)

    def pin(self, key: str, name: str) -> None:
        """Give ``key`` a name from the lock file: it outranks every rule,
        so a name that shipped never moves."""
        spec = NameSpec(key=key, candidates=((name,),), klass=PINNED)
        self._specs[key] = spec
        self._take(key, name)

    def place(self, spec: NameSpec) -> None:
        self._specs[spec.key] = spec
        self._resolve(spec.key)

    def _resolve(self, key: str) -> None:
        spec = self._specs[key]
        for parts in spec.candidates:
            name = render_name(parts)
            folded = name.lower()
            holder = self._holder.get(folded)
            if holder is None:
                self._take(key, name)
                return
            if spec.priority < self._specs[holder].priority:
                del self._name[holder]
                self._take(key, name)
                if not holder.startswith("reserved:"):  # an SDK class just renames itself
                    self._resolve(holder)
                return
        self._deferred.append(key)

    def _take(self, key: str, name: str) -> None:
        self._holder[name.lower()] = key
        self._name[key] = name

    def finish(self) -> dict[str, str]:
        """Resolve deferred nodes (last first) and return key -> name."""
        for key in reversed(self._deferred):
            self._take(key, self._fallback(self._specs[key]))
        self._deferred.clear()
        return {k: v for k, v in self._name.items() if not k.startswith("reserved:")}

    def _fallback(self, spec: NameSpec) -> str:
        last = spec.candidates[-1]
        stem, base = last[:-1], last[-1]
        if base.isdigit():
            number = int(base) + 1
            while render_name((*stem, str(number))).lower() in self._holder:
                number += 1
            return render_name((*stem, str(number)))
        suffix = 1
        while render_name((*last, str(suffix))).lower() in self._holder:
            suffix += 1
        return render_name((*last, str(suffix)))

    def reserved_name_taken_by_model(self, word: str) -> bool:
        """True when a model displaced the reserved word ``word``."""
        holder = self._holder.get(word.lower())
        return holder is not None and not holder.startswith("reserved:")


def dedupe(candidates: list[tuple[str, ...]]) -> tuple[tuple[str, ...], ...]:
    seen: set[str] = set()
    out: list[tuple[str, ...]] = []
    for parts in candidates:
        parts = tuple(p for p in parts if p)
        name = render_name(parts).lower()
        if parts and name not in seen:
            seen.add(name)
            out.append(parts)
    return tuple(out)


def inline_candidates(
    base: str, union_base: str, extra: tuple[str, ...], root: str
) -> tuple[tuple[str, ...], ...]:
    """B, P+B, R+P+B, R+P+E[0]+B, ... (CONVENTIONS.md 2.3)."""
    cands: list[tuple[str, ...]] = [(base,), (union_base, base), (root, union_base, base)]
    for i in range(1, len(extra) + 1):
        cands.append((root, union_base, *extra[:i], base))
    return dedupe(cands)


def root_candidates(root: str, base: str, prefix: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """R+B, R+G+B, R+G+Request+B, ... for operation-level models."""
    cands: list[tuple[str, ...]] = [(root, base)]
    for i in range(1, len(prefix) + 1):
        cands.append((root, *prefix[:i], base))
    return dedupe(cands)
