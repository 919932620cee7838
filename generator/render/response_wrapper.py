"""When an SDK call returns ``{Op}Response`` (response headers beside the
body) rather than the body alone: one rule for both clients and their docs."""

from __future__ import annotations

from generator import ir


def returns_wrapper(api: ir.Api, op: ir.Operation) -> bool:
    """The operation declares response headers (it has a ``{Op}Response``),
    and every success fits the wrapper's ``result``: the same body type, or
    no body when the wrapper has no ``result``.  A stream, or successes of
    several types, keep returning the body alone."""
    if op.response_model is None:
        return False
    body = api.model(op.response_model).body
    fields = body.fields if isinstance(body, ir.Object) else ()
    result = next((f.type for f in fields if f.wire_name == "result"), None)
    successes = [r for r in op.responses if r.status.startswith("2")]
    return bool(successes) and all(
        r.type == result and not (r.content_type or "").startswith("text/event-stream") for r in successes)
