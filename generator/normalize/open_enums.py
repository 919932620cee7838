"""``forwardCompatibleEnumsByDefault`` (and ``...UnionsByDefault``): which enums (unions) are open.

With the flag, Speakeasy opens the enums a response can carry (success or
error bodies, at any depth), so that a server adding a value does not break
the client; enums only sent in requests stay closed, and so does an enum of a
single value (a constant in all but name).  An enum the spec declares open
(``x-speakeasy-unknown-values``) is open anyway.
"""

from __future__ import annotations

from msgspec import Struct, structs

from generator import ir


def open_response_enums(models: tuple[ir.Model, ...], operations: list[ir.Operation]) -> tuple[ir.Model, ...]:
    seen = _in_responses(models, operations)
    return tuple(_opened(m) if m.id in seen else m for m in models)


def open_response_unions(
    models: tuple[ir.Model, ...], operations: list[ir.Operation], tagged_only: bool
) -> tuple[ir.Model, ...]:
    """``forwardCompatibleUnionsByDefault``: the unions a response can carry
    accept a variant this SDK does not know yet (``tagged-only``: only those
    with a discriminator, where an unknown tag tells a new variant from a
    malformed known one).  Request unions stay closed: the caller builds them."""
    seen = _in_responses(models, operations)

    def opened(model: ir.Model) -> ir.Model:
        body = model.body
        if model.id not in seen or not isinstance(body, ir.Union) or (tagged_only and body.discriminator is None):
            return model
        return structs.replace(model, body=structs.replace(body, open=True))

    return tuple(opened(m) for m in models)


def _in_responses(models: tuple[ir.Model, ...], operations: list[ir.Operation]) -> set[str]:
    """The ids of the models a response body reaches (success or error)."""
    by_id = {m.id: m for m in models}
    stack = [ref for op in operations for r in op.responses if r.type is not None for ref in _refs(r.type)]
    seen: set[str] = set()
    while stack:
        model_id = stack.pop()
        if model_id in seen or model_id not in by_id:
            continue
        seen.add(model_id)
        stack.extend(_refs(by_id[model_id].body))
    return seen


def _opened(model: ir.Model) -> ir.Model:
    body = model.body
    if not isinstance(body, ir.Enum) or body.open or len(body.values) < 2:
        return model
    return structs.replace(model, body=structs.replace(body, open=True))


def _refs(node: object) -> list[str]:
    """The model ids a type (or a model body) refers to directly."""
    if isinstance(node, ir.Ref):
        return [node.model]
    if not isinstance(node, Struct):
        return []
    found: list[str] = []
    for name in node.__struct_fields__:
        value = getattr(node, name)
        for item in value if isinstance(value, tuple) else (value,):
            found.extend(_refs(item))
    return found
