"""Run the naming registries over every model draft, per target.

Python has one flat namespace in which SDK class names are reserved; the
TypeScript namespaces (components, operations, errors) are independent.
Names recorded in a lock file are pinned first, so adding or reordering
schemas never renames a model that already shipped.
"""

from __future__ import annotations

from typing import Mapping

from generator import ir
from generator.normalize.feb2025 import value_shadow, with_single_value
from generator.normalize.naming import NameSpec, Registry
from generator.normalize.schema import Draft, Walker
from generator.normalize.symmetric import SymmetricRegistry
from generator.normalize.union_names import UnionFamilies, kind_of
from generator.normalize.target_names import python_model_name, typescript_model_name, union_family_acronyms

NAMESPACES = ("components", "operations", "errors")

NameLock = Mapping[str, Mapping[str, str]]
"""target ("python" / "typescript") -> model id -> registry name."""

SdkClasses = tuple[tuple[tuple[str, ...], str], ...]


def namespace_of(draft: Draft, walker: Walker) -> str:
    """An error-only component is an error class; the models inside it stay
    shared components."""
    if draft.slot.namespace == "components" and draft.slot.role == "component" and _is_root(draft):
        pointer = "#/components/schemas/" + draft.slot.owner.replace("~", "~0").replace("/", "~1")
        if walker.error_only.get(pointer):
            return "errors"
    return draft.slot.namespace


def _is_root(draft: Draft) -> bool:
    slot = draft.slot
    return slot.depth == 0 and not slot.segments and slot.own is None


def error_class_name(name: str) -> str:
    """TypeScript error components read as errors: ``BadRequestResponse`` ->
    ``BadRequestResponseError``; a name that already says so is kept
    (``ChatError``, ``ApiErrorEnvelope``)."""
    return name if "error" in name.lower() else name + "Error"


def assign_names(
    walker: Walker, sdk_groups: list[str], lock: NameLock | None = None, feb2025: bool = False
) -> tuple[dict[str, ir.ModelName], SdkClasses, dict[str, dict[str, str]]]:
    """Names per model id, the SDK class names, and the raw names to lock.
    ``feb2025`` selects Speakeasy's ``nameResolutionFeb2025`` rules."""
    lock = lock or {}
    registry = SymmetricRegistry if feb2025 else Registry
    py = registry(reserved=tuple(sdk_groups))
    ts = {ns: registry() for ns in NAMESPACES}
    spaces = {d.id: namespace_of(d, walker) for d in walker.drafts.values()}
    _pin(py, lock.get("python", {}), spaces)
    for ns, space in ts.items():
        _pin(space, lock.get("typescript", {}), {k: v for k, v in spaces.items() if v == ns})
    families = UnionFamilies({d.id: (d.slot, d.body) for d in walker.drafts.values()}) if feb2025 else None
    for draft in walker.drafts.values():
        candidates = draft.slot.candidates(feb2025)
        if families is not None:
            candidates = with_single_value(families.candidates(draft.id, candidates), draft.body, draft.slot)
        spec = NameSpec(key=draft.id, candidates=candidates, klass=draft.slot.klass, depth=draft.slot.depth,
                        parent=draft.slot.parent, titled=draft.id in walker.titled,
                        kind=kind_of(draft.body),
                        shadow=value_shadow(draft.body, draft.slot) if feb2025 else (),
                        walk_order=walker.finished.get(draft.id))
        if draft.id not in lock.get("python", {}):
            py.place(spec)
        if draft.id not in lock.get("typescript", {}):
            ts[spaces[draft.id]].place(spec)
    py_raw = py.finish()
    ts_raw: dict[str, str] = {}
    for space in ts.values():
        ts_raw.update(space.finish())
    ts_names = {key: _ts_name(ts_raw[key], draft, spaces[key], feb2025) for key, draft in walker.drafts.items()}
    union_family_acronyms(ts_names, _union_families(walker), {key: _named_as_written(d) for key, d in walker.drafts.items()})
    names = {
        key: ir.ModelName(python=python_model_name(py_raw[key]), typescript=ts_names[key],
                          ts_namespace=spaces[key])  # type: ignore[arg-type]
        for key, draft in walker.drafts.items()
    }
    classes = tuple(((w,), w + "SDK" if py.reserved_name_taken_by_model(w) else w) for w in sdk_groups)
    return names, classes, {"python": py_raw, "typescript": ts_raw}


def _union_families(walker: Walker) -> list[tuple[str, tuple[str, ...]]]:
    """(union id, ids of the models its members are) for every union model."""
    return [(d.id, tuple(m.type.model for m in d.body.members if isinstance(m.type, ir.Ref)))
            for d in walker.drafts.values() if isinstance(d.body, ir.Union)]


def _named_as_written(draft: Draft) -> bool:
    """A component key or an operation-level name: its spelling is the spec's."""
    slot = draft.slot
    return (_is_root(draft) and slot.role == "component") or slot.root_prefix is not None or slot.shared


def _ts_name(raw: str, draft: Draft, namespace: str, feb2025: bool) -> str:
    name = typescript_model_name(raw)
    # Seen only with nameResolutionFeb2025 (openrouter, lapyme); without it
    # (orq, mistral) error components keep their plain names.
    if feb2025 and namespace == "errors" and draft.slot.role == "component":
        return error_class_name(name)
    return name


def _pin(registry: Registry | SymmetricRegistry, locked: Mapping[str, str], present: Mapping[str, str]) -> None:
    """Pin the locked names of models that still exist (in sorted order, so
    the result never depends on the lock file's key order)."""
    for key in sorted(locked):
        if key in present:
            registry.pin(key, locked[key])
