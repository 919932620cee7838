"""Which model references close a cycle (and so need ``z.lazy``).

A reference from A to B is on a cycle exactly when A and B are in the same
strongly connected component of the model graph (a self-reference included).
Tarjan's algorithm finds the components in linear time; it runs with an
explicit stack so deep specs do not hit Python's recursion limit, and it
stays linear for specs whose models form one large cycle.
"""

from __future__ import annotations

from generator import ir
from generator.render.typescript.types import body_refs


def cyclic_refs(api: ir.Api) -> dict[str, frozenset[str]]:
    """Model id -> ids of the models it references that can reach it back."""
    edges = {m.id: tuple(dict.fromkeys(body_refs(m.body))) for m in api.models}
    component = strongly_connected(edges)
    return {
        model_id: frozenset(t for t in targets if component.get(t) == component[model_id])
        for model_id, targets in edges.items()
    }


def strongly_connected(edges: dict[str, tuple[str, ...]]) -> dict[str, int]:
    """Node -> component number (iterative Tarjan, nodes in insertion order)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    component: dict[str, int] = {}
    count = 0
    for root in edges:
        if root in index:
            continue
        work: list[tuple[str, int]] = [(root, 0)]
        while work:
            node, child = work.pop()
            if child == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            targets = [t for t in edges.get(node, ()) if t in edges]
            if child < len(targets):
                work.append((node, child + 1))
                target = targets[child]
                if target not in index:
                    work.append((target, 0))
                elif target in on_stack:
                    low[node] = min(low[node], index[target])
                continue
            if work:  # returning to the parent: propagate the low-link
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                count += 1
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component[member] = count
                    if member == node:
                        break
    return component
