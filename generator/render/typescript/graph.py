"""Which model references close a cycle (and so need ``z.lazy``).

A reference from A to B is on a cycle when A is reachable from B.  Computed
once per API over the model graph, with an explicit stack so deep specs do
not hit Python's recursion limit.
"""

from __future__ import annotations

from generator import ir
from generator.render.typescript.types import body_refs


def cyclic_refs(api: ir.Api) -> dict[str, frozenset[str]]:
    """Model id -> ids of the models it references that can reach it back."""
    edges = {m.id: tuple(dict.fromkeys(body_refs(m.body))) for m in api.models}
    reach = {model_id: _reachable(model_id, edges) for model_id in edges}
    return {
        model_id: frozenset(t for t in targets if model_id in reach.get(t, frozenset()))
        for model_id, targets in edges.items()
    }


def _reachable(start: str, edges: dict[str, tuple[str, ...]]) -> frozenset[str]:
    seen: set[str] = set()
    stack = list(edges.get(start, ()))
    while stack:
        node = stack.pop()
        if node not in seen:
            seen.add(node)
            stack.extend(edges.get(node, ()))
    return frozenset(seen)
