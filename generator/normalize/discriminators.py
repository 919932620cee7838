"""Union discriminators Speakeasy infers and applies before generating.

With ``preApplyUnionDiscriminators`` (gen.yaml, TypeScript), a ``oneOf`` /
``anyOf`` without a ``discriminator`` whose members are all objects sharing
a required property that each member pins to one distinct value (an inline
one-value ``enum``) is discriminated by that property, and the property of
each member becomes a constant (``*"sales"*``) instead of an enum model.
"""

from __future__ import annotations

from typing import Any

from generator.loader import Workspace
from generator.normalize.shapes import union_variants


def discriminator_constants(ws: Workspace) -> frozenset[str]:
    """Pointers of the member properties that become constants."""
    found: set[str] = set()
    stack: list[tuple[object, str]] = [(ws.root, "#")]
    while stack:
        node, ptr = stack.pop()
        if isinstance(node, dict):
            union = union_variants(node) if "discriminator" not in node else None
            if union:
                found.update(_pinned_property(ws, union[1], f"{ptr}/{union[0]}"))
            stack.extend((v, f"{ptr}/{_escape(str(k))}") for k, v in node.items())
        elif isinstance(node, list):
            stack.extend((v, f"{ptr}/{i}") for i, v in enumerate(node))
    return frozenset(found)


def _pinned_property(ws: Workspace, members: list[object], ptr: str) -> list[str]:
    """The property pointers of the one shared, pinned, required property."""
    objects: list[tuple[dict[str, Any], str]] = []
    for i, member in enumerate(members):
        resolved = _resolve(ws, member, f"{ptr}/{i}")
        if resolved is None:
            return []
        objects.append(resolved)
    if len(objects) < 2:
        return []
    for name in objects[0][0].get("properties", {}):
        pinned = [_pinned(obj, optr, name) for obj, optr in objects]
        values = [p[1] for p in pinned if p is not None]
        if len(values) == len(objects) and len(set(values)) == len(values):
            return [p[0] for p in pinned if p is not None]
    return []


def _pinned(obj: dict[str, Any], ptr: str, name: str) -> tuple[str, str] | None:
    """(pointer, value) of a required property with an inline one-value string enum."""
    prop = obj.get("properties", {}).get(name)
    required = obj.get("required")
    if not isinstance(prop, dict) or not isinstance(required, list) or name not in required:
        return None
    enum = prop.get("enum")
    if "$ref" in prop or not isinstance(enum, list) or len(enum) != 1 or not isinstance(enum[0], str):
        return None
    return f"{ptr}/properties/{_escape(name)}", enum[0]


def _resolve(ws: Workspace, member: object, ptr: str) -> tuple[dict[str, Any], str] | None:
    for _ in range(20):  # an alias chain, not a loop
        if not (isinstance(member, dict) and "$ref" in member):
            break
        target = ws.resolve(str(member["$ref"]), ptr)
        member, ptr = target.node, target.pointer
    if not isinstance(member, dict) or not isinstance(member.get("properties"), dict):
        return None
    return member, ptr


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")
