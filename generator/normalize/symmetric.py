"""Clash resolution of ``nameResolutionFeb2025``: nobody wins a tie.

The orq-era registry (``naming.Registry``) lets the first model (or the one of
higher priority) keep a contested name.  With the 2025 fix, Speakeasy treats
equal claims alike: when two models of the same priority want one name, both
move on to their next candidates (``CartDiscount.discount_category`` and
``ICartDiscountView.discount_category`` become ``CartDiscountDiscountCategory``
and ``ICartDiscountViewDiscountCategory``; neither is ``DiscountCategory``).

A claim of strictly better priority still wins outright: a component keeps
its key against inline models, and the ``{Op}Request`` wrapper keeps its name
against the request body.  The resolution runs in rounds until no name is
contested, so the result does not depend on the order of ``place`` calls
except for numbering models that ran out of candidates (spec order).
"""

from __future__ import annotations

from msgspec.structs import replace

from generator.normalize.naming import PARENT, PINNED, RESERVED, NameSpec, render_name
from generator.normalize.union_names import ENUM, UNION


def symmetric_priority(spec: NameSpec) -> tuple[int, int]:
    """The class first; inside a class, a root (a component, an operation's
    body) outranks the inline models below it."""
    return (spec.klass, 0 if spec.depth == 0 else 1)


class SymmetricRegistry:
    """Same interface as ``naming.Registry``; names are decided in ``finish``."""

    def __init__(self, reserved: tuple[str, ...] = ()) -> None:
        self._reserved = {word.lower(): word for word in reserved}
        self._pinned: dict[str, str] = {}  # folded name -> key
        self._specs: dict[str, NameSpec] = {}
        self._taken_reserved: set[str] = set()
        self._yielded: list[NameSpec] = []  # enums that gave way to a union this round

    def pin(self, key: str, name: str) -> None:
        """A name from the lock file: never contested, never moved."""
        self._specs[key] = NameSpec(key=key, candidates=((name,),), klass=PINNED)
        self._pinned[name.lower()] = key

    def place(self, spec: NameSpec) -> None:
        self._specs[spec.key] = spec

    def finish(self) -> dict[str, str]:
        index = self._resolve_rounds()
        self._taken_reserved = {
            folded for s in self._specs.values() if s.klass != PINNED and index[s.key] < len(s.candidates)
            for folded in [render_name(self._parts(s, index[s.key], index)).lower()] if folded in self._reserved
        }
        names: dict[str, str] = {}
        used: set[str] = set(self._pinned) | {w for w in self._reserved if w not in self._taken_reserved}
        exhausted: list[NameSpec] = []
        for key, spec in self._specs.items():
            if spec.klass == PINNED:
                names[key] = spec.candidates[0][0]
            elif index[key] < len(spec.candidates):
                names[key] = render_name(self._parts(spec, index[key], index))
                used.add(names[key].lower())
            else:
                exhausted.append(spec)
        # equal claims stay equal to the end: when several models run out on
        # the same last name, all of them are numbered (``...RoleUnion1``,
        # ``...RoleUnion2``), none keeps the plain name
        exhausted = _in_walk_order(exhausted)
        lasts = [self._parts(s, len(s.candidates) - 1, index) for s in exhausted]
        last = [render_name(parts).lower() for parts in lasts]
        used.update(name for name in last if last.count(name) > 1)
        for spec, parts in zip(exhausted, lasts):
            names[spec.key] = _numbered(parts, used)
            used.add(names[spec.key].lower())
        return names

    def reserved_name_taken_by_model(self, word: str) -> bool:
        return word.lower() in self._taken_reserved

    def _resolve_rounds(self) -> dict[str, int]:
        keys = [s.key for s in self._specs.values() if s.klass != PINNED]
        index = {key: 0 for key in keys}
        while True:
            movable = [self._specs[key] for key in keys]
            self._yielded = []
            claims: dict[str, list[NameSpec]] = {}
            losers = self._shadowed(movable, index)
            for spec in movable:
                if index[spec.key] < len(spec.candidates):
                    parts = self._parts(spec, index[spec.key], index)
                    if not parts or self._lost_before(spec, parts, index):
                        losers.append(spec)  # a parent form without a parent here, or a name lost already
                        continue
                    claims.setdefault(render_name(parts).lower(), []).append(spec)
            losers += [s for folded, specs in claims.items() for s in self._losers(folded, specs)]
            if not losers:
                return index
            for key in dict.fromkeys(s.key for s in losers):
                index[key] += 1
            for spec in self._yielded:
                at = index[spec.key] - 1
                self._specs[spec.key] = _with_enum_next(spec, at, self._parts(spec, at, index))

    def _lost_before(self, spec: NameSpec, parts: tuple[str, ...], index: dict[str, int]) -> bool:
        """A parent form that spells a name this model already gave up
        (``OpenResponsesEasyInputMessage`` + ``Content`` after root + base
        lost it) is no new claim: the model moves on (openrouter's content
        union is numbered with its items, ``...Content2``)."""
        if PARENT not in spec.candidates[index[spec.key]]:
            return False
        name = render_name(parts).lower()
        return any(render_name(self._parts(spec, at, index)).lower() == name for at in range(index[spec.key]))

    def _shadowed(self, movable: list[NameSpec], index: dict[str, int]) -> list[NameSpec]:
        """Models whose current claim another model keeps from them (a
        shadow of equal or better rank, ``NameSpec.shadow``)."""
        shadows: dict[str, list[NameSpec]] = {}
        for spec in movable:
            if spec.shadow:
                shadows.setdefault(render_name(spec.shadow).lower(), []).append(spec)
        if not shadows:
            return []
        losers = []
        for spec in movable:
            parts = self._parts(spec, index[spec.key], index) if index[spec.key] < len(spec.candidates) else ()
            owners = shadows.get(render_name(parts).lower(), []) if parts else []
            if any(o is not spec and symmetric_priority(o) <= symmetric_priority(spec) for o in owners):
                losers.append(spec)
        return losers

    def _parts(self, spec: NameSpec, at: int, index: dict[str, int], depth: int = 0) -> tuple[str, ...]:
        """Candidate ``at`` of ``spec`` with ``PARENT`` replaced by the parent's
        current name (its claim this round); () when the parent is not in
        this namespace (or the chain loops)."""
        parts = spec.candidates[at]
        if PARENT not in parts:
            return parts
        parent = self._specs.get(spec.parent)
        if parent is None or depth > 50:
            return ()
        if parent.klass == PINNED:
            name = parent.candidates[0][0]
        else:
            at_parent = min(index.get(parent.key, 0), len(parent.candidates) - 1)
            name = render_name(self._parts(parent, at_parent, index, depth + 1))
        if not name:
            return ()
        return tuple(name if p == PARENT else p for p in parts)

    def _losers(self, folded: str, specs: list[NameSpec]) -> list[NameSpec]:
        if folded in self._pinned:
            return specs
        best = min(symmetric_priority(s) for s in specs)
        top = [s for s in specs if symmetric_priority(s) == best]
        if folded in self._reserved and best[0] >= RESERVED:
            return specs  # an SDK class outranks operation-level models
        others = [s for s in top if s.kind != ENUM]
        if len(others) == 1 and others[0].kind == UNION and len(top) > 1:
            self._yielded += [s for s in top if s is not others[0]]
            top = others
        if len(top) == 1:
            return [s for s in specs if s is not top[0]]
        return specs


def _with_enum_next(spec: NameSpec, at: int, lost: tuple[str, ...]) -> NameSpec:
    """An enum that gave way to a union at candidate ``at`` (``lost``, its
    parent form resolved) tries that name plus ``Enum`` next (openrouter: the
    inline union ``ChatError.error.code`` keeps ``Code``, the enum
    ``ResponsesErrorField.code`` becomes ``CodeEnum``; some forty one-value
    ``type`` enums yield ``Type`` to an inline union, all claim ``TypeEnum``,
    then move on to ``{Parent}Type``.  Seen in that spec only.  Between enums
    a tie stays a tie: bolt's two ``token_type`` enums are both
    ``{Parent}TokenType``.)"""
    if not lost or lost[-1] == ENUM:
        return spec
    return replace(spec, candidates=(*spec.candidates[: at + 1], (*lost, ENUM), *spec.candidates[at + 1:]))


def _in_walk_order(specs: list[NameSpec]) -> list[NameSpec]:
    """Models are numbered in the order the walk completed them, a model's
    inline models before itself (openrouter: the items of a ``content``
    union are ``...Content1``, the union ``...Content2``).  Models made
    outside the walk keep their places."""
    walked = [i for i, s in enumerate(specs) if s.walk_order is not None]
    ordered = sorted((specs[i] for i in walked), key=lambda s: s.walk_order or 0)
    out = list(specs)
    for i, spec in zip(walked, ordered):
        out[i] = spec
    return out


def _numbered(parts: tuple[str, ...], used: set[str]) -> str:
    """The last candidate if still free, else numbered from 1 (or from the
    number it already ends in)."""
    name = render_name(parts)
    if name.lower() not in used:
        return name
    stem, base = parts[:-1], parts[-1]
    if base.isdigit():
        number = int(base) + 1
        while render_name((*stem, str(number))).lower() in used:
            number += 1
        return render_name((*stem, str(number)))
    suffix = 1
    while render_name((*parts, str(suffix))).lower() in used:
        suffix += 1
    return render_name((*parts, str(suffix)))
