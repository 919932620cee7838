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

_MAX_HOPS = 8  # $ref chains longer than this are not followed for examples


def _schema_chain(schema: object, ws: Workspace, ptr: str) -> list[dict[str, object]]:
    """The schema at the end of the field's ``$ref`` chain (a node with a
    ``$ref`` contributes nothing of its own)."""
    chain: list[dict[str, object]] = []
    node, at = schema, ptr
    while isinstance(node, dict) and len(chain) < _MAX_HOPS:
        if "$ref" not in node:
            chain.append(node)
            break
        target = ws.resolve(str(node["$ref"]), at)
        node, at = target.node, target.pointer
    return chain


def declared_example(schema: object, ws: Workspace, ptr: str) -> ir.Json | None:
    """``example``, from the field or else from what it references."""
    for node in _schema_chain(schema, ws, ptr):
        if "example" in node:
            return ir.Json(node["example"])  # type: ignore[arg-type]
    return None


def listed_example(schema: object, ws: Workspace, ptr: str) -> ir.Json | None:
    """The first of ``examples: [...]``, from the field or what it references."""
    for node in _schema_chain(schema, ws, ptr):
        listed = node.get("examples")
        if isinstance(listed, list) and listed:
            return ir.Json(listed[0])
    return None
