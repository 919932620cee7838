"""Where a schema sits, as far as naming cares (CONVENTIONS.md 2.2).

A ``Slot`` is immutable and derived step by step as the walk descends:
properties and union members add a segment for their descendants; array items,
map values and transparent (nullable) unions add nothing and are named as if
they were their parent.
"""

from __future__ import annotations

import itertools

from msgspec import Struct
from msgspec.structs import replace

from generator.normalize.naming import inline_candidates
from generator.normalize.feb2025 import naming_base

_ids = itertools.count()


class Seg(Struct, frozen=True, eq=False, gc=False):
    """A name segment; compared by identity, because two segments with the
    same text are still different places (P's own segment is removed by
    identity, not by text)."""

    text: str
    ident: int


def seg(text: str) -> Seg:
    return Seg(text, next(_ids))


class Slot(Struct, frozen=True, kw_only=True, gc=False):
    root: str
    """R: the operation name, or the component key."""
    klass: int
    """Naming priority class (``naming.COMPONENT`` ...)."""
    role: str
    """``ir.ModelRole`` of models created here."""
    owner: str
    namespace: str
    """TypeScript namespace: components, operations or errors."""
    request: bool
    """True in request context (readOnly properties are dropped)."""
    base: str
    """B: this node's own base name."""
    segments: tuple[Seg, ...] = ()
    own: Seg | None = None
    union_base: str = ""
    """P: the base of the nearest enclosing union (or a parameter marker)."""
    union_seg: Seg | None = None
    depth: int = 0
    root_prefix: tuple[str, ...] | None = None
    """Set on operation-level roots, which get ``R+B, R+G+B, ...`` names."""
    multipart: bool = False
    """Inside a multipart/form-data body: binary strings become file objects."""
    array_item: bool = False
    """The items of an array: named in the singular under nameResolutionFeb2025."""
    shared: bool = False
    """A shared ``components/requestBodies|responses`` entry: named by its
    key (the root), then root + base (``StatementsViewResponse``)."""
    short_base: str = ""
    """An operation body's base under nameResolutionFeb2025 (``Request`` for
    ``RequestBody``), tried before ``base``."""
    member_of: str = ""
    """The id of the union this place is a member of (``union_names``)."""
    titled: bool = False
    """A union member named by its schema ``title``."""
    tag: str = ""
    """A member's constant (``All`` for ``type: all``), or, on the member's
    discriminating property, the value it adds to its base."""
    tag_field: str = ""
    """On a member: the base of the property that carries its constant."""
    union_name: str = ""
    """Under nameResolutionFeb2025: the enclosing union's base as its members
    use it (``Plugin`` for ``plugins[]``; see ``feb2025.naming_base``)."""
    parent: str = ""
    """The id of the object model whose property this place is (its final
    name is a candidate under nameResolutionFeb2025)."""
    inline_part: bool = False
    """A property written in an inline ``allOf`` part of its object."""

    def extra(self) -> tuple[str, ...]:
        return tuple(s.text for s in self.segments if s is not self.union_seg)

    def candidates(self, feb2025: bool = False) -> tuple[tuple[str, ...], ...]:
        from generator.normalize.naming import root_candidates

        if self.shared:
            return ((self.root,), (self.root, self.base))
        if feb2025:
            from generator.normalize.feb2025 import feb2025_candidates

            return feb2025_candidates(self)
        if self.root_prefix is not None:
            return root_candidates(self.root, self.base, self.root_prefix)
        if self.klass == 0 and self.depth == 0 and not self.segments and self.own is None:
            return ((self.base,),)  # a component root: its key, or numbered
        return inline_candidates(self.base, self.union_base, self.extra(), self.root)

    def _down(self) -> tuple[Seg, ...]:
        return self.segments + ((self.own,) if self.own else ())

    def property(self, base: str, named_parent: bool, parent: str = "", inline_part: bool = False) -> Slot:
        return replace(
            self,
            base=base,
            parent=parent,
            inline_part=inline_part,
            member_of="",
            titled=False,
            tag=self.tag if self.tag_field and base == self.tag_field else "",
            tag_field="",
            union_name="",
            segments=self._down(),
            own=seg(base),
            depth=self.depth + int(named_parent),
            root_prefix=None,
            array_item=False,
            short_base="",
            shared=False,
        )

    def member(
        self, index: int, title_base: str | None, union_base: str, union_id: str = "", tag: tuple[str, str] = ("", "")
    ) -> Slot:
        """A union member; ``union_id`` and ``tag`` (constant, property base,
        from ``union_names.member_tag``) serve nameResolutionFeb2025."""
        return replace(
            self,
            base=title_base or str(index + 1),
            segments=self._down(),
            own=seg(str(index + 1)),
            union_base=union_base,
            union_name=naming_base(self),
            member_of=union_id,
            titled=bool(title_base),
            tag=tag[0],
            tag_field=tag[1],
            union_seg=self.own,
            parent="",  # a member's place is its union's, not the object's
            inline_part=False,
            depth=self.depth + 1,
            root_prefix=None,
            array_item=False,
            short_base="",
            shared=False,
        )

    def same_place(self) -> Slot:
        """Map values, the single variant of a nullable union."""
        if self.shared:  # the items of a shared body are named as the body would be
            return replace(self, base=self.root, shared=False)
        return replace(self, root_prefix=None) if self.root_prefix is not None else self

    def item(self) -> Slot:
        """Array items: the parent's place, in the singular where that applies."""
        return replace(self.same_place(), array_item=True)
