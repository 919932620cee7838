"""Union members under ``nameResolutionFeb2025``: named after their union.

What the goldens show (openrouter, lapyme):

- An inline member that carries a constant is named after its union plus that
  constant (``Selection`` -> ``SelectionAll`` / ``SelectionSpecific``,
  ``OutputMessage.status`` -> ``OutputMessageStatusCompleted``).  The
  constant is the member's own single-value enum, or the value of its
  discriminating property (the union's ``discriminator.propertyName``, else
  its first ``const`` / single-value enum property).
- That discriminating property, when it is a single-value enum model, adds
  the value to its own base as well (``id`` of ``PluginModeration`` ->
  ``IdModeration``).
- An inline member without a constant takes the union's place itself: an
  object claims the plain name, an enum claims it and then adds ``Enum``, a
  union adds ``Union`` (lapyme's ``...DimensionEnum``; openrouter's ``OpenAIResponsesToolChoice``
  object inside ``OpenAIResponsesToolChoiceUnion``).
- A union with such derived members is a ``...Union`` once its plain name is
  contested, and at once when one of its members takes its plain name
  (``InventoryReportRequestDimensionUnion`` around
  ``InventoryReportRequestDimensionEnum``).

The facts about members (is there a constant?) are read here from the raw
schema; the facts about kinds (enum, object, union) are read in ``assign``
from the model bodies, after the walk.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Mapping

from generator import ir
from generator.words import class_word

if TYPE_CHECKING:
    from generator.normalize.context import Slot

UNION, ENUM = "Union", "Enum"

Parts = tuple[tuple[str, ...], ...]


def const_value(schema: object) -> object | None:
    """The single value a schema allows (``const`` or a one-value ``enum``)."""
    if not isinstance(schema, dict):
        return None
    if "const" in schema and isinstance(schema["const"], (str, int, float)):
        return schema["const"]
    values = schema.get("enum")
    if isinstance(values, list):
        values = [v for v in values if v is not None]
        if len(values) == 1 and isinstance(values[0], (str, int, float)) and not isinstance(values[0], bool):
            return values[0]
    return None


def member_tag(
    variant: object, discriminator: str | None, resolve: Callable[[object], object] = lambda node: node
) -> tuple[str, str]:
    """(pascal constant, base of the property that carries it) for an inline
    union member; ``("", "")`` when the member carries no constant.

    Properties merged in from ``allOf`` parts (``resolve`` follows their
    ``$ref``) can name the member, but keep their own names: the property
    base is then empty (``OpenResponsesRequestToolFunction.type`` is
    ``OpenResponsesRequestType``)."""
    if not isinstance(variant, dict) or "$ref" in variant:
        return "", ""
    own = const_value(variant)
    if own is not None:
        return class_word(str(own), ""), ""
    for props, is_own in _property_sets(variant, resolve):
        names = [discriminator] if discriminator in props else list(props)
        for name in names:
            value = const_value(props.get(name))
            if value is not None:
                return class_word(str(value), ""), class_word(str(name), "Field") if is_own else ""
    return "", ""


def _property_sets(
    variant: dict[str, object], resolve: Callable[[object], object]
) -> list[tuple[dict[str, object], bool]]:
    """The member's own properties, then those of its allOf parts."""
    own = variant.get("properties")
    sets = [(own, True)] if isinstance(own, dict) else []
    parts = variant.get("allOf")
    for part in parts if isinstance(parts, list) else []:
        target = resolve(part)
        props = target.get("properties") if isinstance(target, dict) else None
        if isinstance(props, dict):
            sets.append((props, False))
    return sets


def kind_of(body: ir.ModelBody | None) -> str:
    if isinstance(body, ir.Union):
        return UNION
    if isinstance(body, ir.Enum):
        return ENUM
    return ""


def with_suffix(cands: Parts, suffix: str) -> Parts:
    return tuple((*c, suffix) for c in cands)


class UnionFamilies:
    """Which models were derived from which union, decided once per walk.

    ``drafts`` maps model id -> (slot, body); a member's slot names its union
    in ``member_of``."""

    def __init__(self, drafts: Mapping[str, tuple[Slot, ir.ModelBody | None]]) -> None:
        self._kind = {key: kind_of(body) for key, (_, body) in drafts.items()}
        self._members: dict[str, list[str]] = {}
        self._slots = {key: slot for key, (slot, _) in drafts.items()}
        for key, slot in self._slots.items():
            if slot.member_of and not slot.titled:
                self._members.setdefault(slot.member_of, []).append(key)
        self._named: dict[str, bool] = {}

    def untagged_member(self, key: str) -> bool:
        """A member model without a constant: it takes its union's place."""
        slot = self._slots[key]
        return bool(slot.member_of) and not slot.titled and not slot.tag

    def names_members(self, key: str) -> bool:
        """True when some member model is named after this union."""
        if key not in self._named:
            self._named[key] = False  # a cycle names nothing
            self._named[key] = any(self._derived(m) for m in self._members.get(key, ()))
        return self._named[key]

    def yields(self, key: str) -> bool:
        """True when a member without a constant takes this union's plain name."""
        return any(self.untagged_member(m) and self._derived(m) for m in self._members.get(key, ()))

    def _derived(self, member: str) -> bool:
        if not self.untagged_member(member):
            return True  # a constant names it after the union
        kind = self._kind.get(member, "")
        return kind != UNION or self.names_members(member)

    def candidates(self, key: str, base: Parts) -> Parts:
        """The final candidate list of a model, from its slot's list."""
        kind = self._kind.get(key, "")
        if kind == UNION and self.names_members(key):
            # a union taking its own union's place never keeps the plain name
            plain = not (self.yields(key) or self.untagged_member(key))
            base = (base[0], *with_suffix(base, UNION)) if plain else with_suffix(base, UNION)
        elif kind == ENUM and self.untagged_member(key):
            # the union's place first: lapyme's PaymentsReportRequestDimension
            # moved off ``Dimension`` because such members claimed it too
            base = (base[0], *with_suffix(base, ENUM))
        return base
