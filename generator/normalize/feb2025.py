"""Candidate names under ``nameResolutionFeb2025`` (CONVENTIONS-NEWER.md).

Differences from the orq-era lists of ``naming``:

- an operation body is ``{Op}Request`` / ``{Op}Response`` before
  ``{Op}RequestBody`` / ``{Op}ResponseBody``;
- array items are named in the singular (``payment_methods[]`` ->
  ``PaymentMethod``);
- an inline model's second candidate is root + base (``CartDiscount`` +
  ``DiscountCategory``), then its parent model's final name + base
  (``AuditEventSearchEquals`` + ``Meta``), then the static parent forms;
  below untitled union members equal claims are numbered
  (``OpenAIResponsesInputRoleUnion1`` / ``...2``), not given the orq-era
  union-parent forms (``OpenAIResponsesInput21Role``);
- untitled union members are named after their union (``union_names``).

Clashes between these candidates are resolved by ``symmetric``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.normalize.naming import PARENT, dedupe, inline_candidates, root_candidates
from generator.words import split_words

if TYPE_CHECKING:
    from generator.normalize.context import Slot

# Words whose final "s" is not a plural ending.
_NOT_PLURAL = ("ss", "us", "is", "os", "ys")


def singular(word: str) -> str:
    """The singular of a PascalCase name, changing its last word only
    (``PaymentMethods`` -> ``PaymentMethod``, ``Entries`` -> ``Entry``)."""
    words = split_words(word)
    if not words:
        return word
    last = words[-1]
    head = word[: len(word) - len(last)]
    return head + _singular_word(last)


def _singular_word(word: str) -> str:
    lower = word.lower()
    if len(word) < 3 or not lower.endswith("s") or word.isupper():
        return word
    if lower.endswith("ies") and len(word) > 4:
        return word[:-3] + ("Y" if word[-3].isupper() else "y")
    if lower.endswith(("sses", "xes", "ches", "shes", "zzes")):
        return word[:-2]
    if lower.endswith("uses") and not lower.endswith(("ouses", "auses")):
        return word[:-2]  # statuses, bonuses (not houses, causes)
    if lower.endswith(_NOT_PLURAL):
        return word
    return word[:-1]


def feb2025_candidates(slot: Slot) -> tuple[tuple[str, ...], ...]:
    inline = bool(slot.segments) or slot.own is not None
    # a component or body that is an array keeps its own name for its items
    base = singular(slot.base) if slot.array_item and inline else slot.base
    if slot.root_prefix is not None:
        first = [(slot.root, slot.short_base)] if slot.short_base else []
        return dedupe(first + list(root_candidates(slot.root, base, slot.root_prefix)))
    if slot.klass == 0 and slot.depth == 0 and not inline:
        return ((base,),)  # a component root: its key, or numbered
    if slot.member_of and not slot.titled:
        return _member_candidates(slot)
    if base.isdigit():  # an untitled member outside the rules above (no union id)
        return inline_candidates(base, slot.union_base, slot.extra(), slot.root)
    if slot.tag:  # a member's discriminating property: ``Id`` + ``Moderation``
        base = base + slot.tag
    if slot.inline_part and _below_member(slot):
        # a property written in an inline allOf part of an untitled member
        # claims its base only, and is numbered on it (openrouter's stream
        # events: ``part`` of two ``allOf: [$ref event, {part: ...}]``
        # members is ``Part1`` / ``Part2``, while the properties of the
        # referenced event take root + base as usual; seen in that spec only)
        return ((base,),)
    # Past root + base come the parent forms (``AuditEventFilter`` +
    # ``Contains`` + ``Meta``), except for the properties of an untitled
    # union member, whose place is a number: equal claims there are numbered
    # instead.  Deeper down, below a named object of the member, the parent
    # forms come back (openrouter's plugins: the web member's ``engine`` and
    # the file-parser member's ``pdf.engine`` tie; the latter is ``PdfEngine``).
    below_member = _directly_below_member(slot)
    parents = () if below_member else inline_candidates(base, slot.union_base, slot.extra(), slot.root)[1:]
    # The first parent form is the enclosing model's final name + base
    # (``AuditEventSearchEquals`` + ``Meta``, though that parent sits at
    # ``AuditEventSearch`` > ``filter`` > ``equals``): resolved by the registry.
    if slot.parent and not below_member:
        parents = ((PARENT, base), *parents)
    return dedupe([(base,), (slot.root, base), *parents])


def naming_base(slot: Slot) -> str:
    """The base this place's names grow from: an untitled union member takes
    its union's (plus its constant, if it has one); array items the singular."""
    if slot.member_of and not slot.titled:
        return slot.union_name + slot.tag
    if slot.array_item and (slot.segments or slot.own is not None):
        return singular(slot.base)
    return slot.base


def _member_candidates(slot: Slot) -> tuple[tuple[str, ...], ...]:
    """An untitled inline union member is named after its union (see
    ``union_names``): union + constant, or the union's own place.  A union at
    a component's root has the component's name, so root + union would say it
    twice: such members go straight to numbering."""
    base = naming_base(slot)
    if slot.union_name == slot.root:
        return ((base,),)
    return dedupe([(base,), (slot.root, base)])


def with_single_value(
    candidates: tuple[tuple[str, ...], ...], body: object, slot: Slot
) -> tuple[tuple[str, ...], ...]:
    """An enum of one value that runs out of names takes that value as a
    suffix before being numbered (``AuditEvent.type``, a copy of the
    component ``AuditEventType``, is ``AuditEventTypeDelete``, not
    ``AuditEventType1``), as a constant names a union member.  A member's
    discriminating property says its constant already (``slot.tag``).

    Below an untitled union member the value comes right after the base:
    such a member is one of a family told apart by that value (openrouter's
    stream events, ``allOf`` of an event component and an inline object,
    have ``TypeResponseCreated``, not ``OpenResponsesStreamEventType...``)."""
    word = single_value_word(body)
    if slot.tag or not candidates or not word:
        return candidates
    if _below_member(slot) and len(candidates) > 1:
        return (candidates[0], (*candidates[0], word), *candidates[1:], (*candidates[-1], word))
    return (*candidates, (*candidates[-1], word))


def single_value_word(body: object) -> str:
    """The PascalCase word of an enum's only value; "" for other models."""
    from generator import ir
    from generator.words import class_word

    if not (isinstance(body, ir.Enum) and len(body.values) == 1):
        return ""
    return class_word(str(body.values[0]), "")


def value_shadow(body: object, slot: Slot) -> tuple[str, ...]:
    """The name base + value that a one-value enum keeps from every other
    model, though it need not take it itself: a name made of a base and a
    constant is only given when no other one-value enum of that base has
    that constant.  (openrouter: ``OpenAIResponsesToolChoice``'s inline
    ``type: function`` member is ``OpenAIResponsesToolChoiceTypeFunction``
    because the ``type`` of the component ``OpenResponsesFunctionTool`` is
    ``function`` too; the component's own enum is still
    ``...Type``.  Seen in that spec only.)  Members and tagged properties
    claim that name outright."""
    word = single_value_word(body)
    if not word or slot.tag or slot.member_of:
        return ()
    return (slot.base, word)


def _below_member(slot: Slot) -> bool:
    return any(s.text.isdigit() for s in slot.segments)


def _directly_below_member(slot: Slot) -> bool:
    """A property of an untitled union member itself (its parent's place is a number)."""
    return bool(slot.segments) and slot.segments[-1].text.isdigit()
