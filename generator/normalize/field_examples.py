"""The example values a field's schema declares, as facts for the renderers.

``example`` (OpenAPI's keyword) and the first of JSON-Schema's ``examples``
list are kept apart: Speakeasy 1.535 showed only the former, newer versions
show either, so the renderer decides by version.  A field that is a
``$ref`` takes the referenced schema's examples: keywords beside a ``$ref``
are ignored (``examples`` there show nowhere in the goldens).
"""

from __future__ import annotations

from generator import ir
from generator.loader import Workspace
from generator.normalize.shapes import example_of

_MAX_HOPS = 8  # $ref chains longer than this are not followed for examples


def _schema_chain(schema: object, ws: Workspace, ptr: str, budget: int = _MAX_HOPS) -> list[dict[str, object]]:
    """The schema at the end of the field's ``$ref`` chain (a node with a
    ``$ref`` contributes nothing of its own); for an ``allOf`` without an
    example of its own, then its parts in order, so the first part's target
    speaks first (openrouter: ``allOf: [ModelGroup, {nullable: true}]``
    shows ModelGroup's ``GPT``; ``allOf: [ServiceTier, {enum, example}]``,
    whose target has none, the part's ``auto``)."""
    chain: list[dict[str, object]] = []
    node, at = schema, ptr
    while isinstance(node, dict) and budget > 0:
        budget -= 1
        inner = _nullable_member(node, at)
        if inner is not None and "example" not in node and "examples" not in node:
            node, at = inner
            continue
        if "$ref" not in node:
            chain.append(node)
            parts = node.get("allOf")
            if isinstance(parts, list) and "example" not in node and "examples" not in node:
                for i, part in enumerate(parts):
                    chain += _schema_chain(part, ws, f"{at}/allOf/{i}", budget)
            break
        target = ws.resolve(str(node["$ref"]), at)
        node, at = target.node, target.pointer
    return chain


def _nullable_member(node: dict[str, object], at: str) -> tuple[object, str] | None:
    """The one other member of a nullable ``anyOf`` / ``oneOf`` (``[X, null]``):
    the field is X, so it shows X's examples (the pointer is X's)."""
    for key in ("anyOf", "oneOf"):
        members = node.get(key)
        if isinstance(members, list) and len(members) == 2:
            others = [i for i, m in enumerate(members)
                      if not (isinstance(m, dict) and (m.get("type") == "null" or m == {"nullable": True}))]
            if len(others) == 1:
                return members[others[0]], f"{at}/{key}/{others[0]}"
    return None


def declared_example(schema: object, ws: Workspace, ptr: str) -> ir.Json | None:
    """``example``, from the field or else from what it references."""
    for node in _schema_chain(schema, ws, ptr):
        if "example" in node:
            return ir.Json(node["example"])
    return None


def listed_example(schema: object, ws: Workspace, ptr: str) -> ir.Json | None:
    """The first of ``examples: [...]``, from the field or what it references."""
    for node in _schema_chain(schema, ws, ptr):
        listed = node.get("examples")
        if isinstance(listed, list) and listed:
            return ir.Json(listed[0])
    return None


def composite_example(node: dict[str, object], ws: Workspace, ptr: str, use_examples: bool,
                      budget: int = _MAX_HOPS) -> ir.Json | None:
    """The example of an object built by ``allOf`` from a referenced schema:
    the referenced schema's example wins over the composite's own, and a
    composite whose other parts add no property (``{type: object,
    properties: {}}``) is the referenced schema again, with no example of its
    own.  Evidence from openrouter (1.642) only, the one spec with examples
    on ``allOf`` schemas: ``ResponsesOutputMessage`` prints OutputMessage's
    example, ``OpenResponsesReasoning`` (which adds ``signature``) its
    target's summary text, the ``OpenResponsesImageGenCall*`` events (whose
    targets have none) draw every field, ``OpenResponsesUsage`` (which adds
    ``cost``, target without example) prints its own."""
    parts = node.get("allOf")
    if not isinstance(parts, list) or budget <= 0:
        return example_of(node, use_examples)
    adds = isinstance(node.get("properties"), dict) and bool(node["properties"])
    for i, part in enumerate(parts):
        if not isinstance(part, dict):
            continue
        if "$ref" not in part:
            adds = adds or (isinstance(part.get("properties"), dict) and bool(part["properties"]))
            continue
        target = ws.resolve(str(part["$ref"]), f"{ptr}/allOf/{i}")
        if isinstance(target.node, dict):
            found = composite_example(target.node, ws, target.pointer, use_examples, budget - 1)
            if found is not None:
                return found
    if not any(isinstance(p, dict) and "$ref" in p for p in parts):
        return example_of(node, use_examples)
    return example_of(node, use_examples) if adds else None
