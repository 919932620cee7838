"""zod schema expressions for IR types, inbound and outbound.

Inbound schemas parse wire JSON into the model shape (``Date`` from ISO
strings); outbound schemas turn the model shape back into wire JSON.  Both
directions are built from the same ``match`` so they cannot drift apart.
The scope's ``ZodFlavor`` spells them for the configured ``zodVersion``.
"""

from __future__ import annotations

from generator import ir
from generator.render.typescript.escape import ts_literal
from generator.render.typescript.types import BINARY_GLOBALS, Scope, binary_type


def zod_type(t: ir.TypeExpr, scope: Scope, outbound: bool = False) -> str:
    match t:
        case ir.Primitive():
            return _primitive(t, scope, outbound)
        case ir.Array(items=items):
            return f"z.array({zod_type(items, scope, outbound)})"
        case ir.Map(values=values):
            # two-argument form: zod 4 requires the key schema, zod 3 accepts it
            return f"z.record(z.string(), {zod_type(values, scope, outbound)})"
        case ir.Ref(model=model_id):
            return _ref(model_id, scope, outbound)
        case ir.Literal(value=value):
            return zod_literal(value)
        case ir.Any():
            return "z.any()"


def zod_field(f: ir.Field, scope: Scope, outbound: bool = False) -> str:
    text = zod_type(f.type, scope, outbound)
    if f.nullable:
        text = scope.zod.nullable(text)
    if not f.required:
        default = _wire_default(f) if outbound else None
        text = scope.zod.default(text, default) if default is not None else scope.zod.optional(text)
    return text


def _wire_default(f: ir.Field) -> str | None:
    """The default an outbound schema fills in for an omitted optional field,
    as a TypeScript literal: the server gets the value the spec documents
    (a constant field made optional sends its constant).  Only where the
    default is a value of the field's own wire type: a default the schema
    would reject, or one that must pass a transform first (dates), is left
    to the server."""
    if f.default is None:
        return None
    value = f.default.value
    match f.type:
        case ir.Literal(value=constant):
            fits = value == constant and type(value) is type(constant)
        case ir.Primitive(kind="string", format=fmt):
            fits = isinstance(value, str) and fmt not in ("date", "date-time", "binary")
        case ir.Primitive(kind="boolean"):
            fits = isinstance(value, bool)
        case ir.Primitive(kind="integer"):
            fits = isinstance(value, int) and not isinstance(value, bool)
        case ir.Primitive(kind="number"):
            fits = isinstance(value, (int, float)) and not isinstance(value, bool)
        case _:
            fits = False
    return ts_literal(value) if fits else None


def zod_union(types: list[str]) -> str:
    """``z.union`` needs two options; fewer degrade to the option or never."""
    if not types:
        return "z.never()"
    if len(types) == 1:
        return types[0]
    return f"z.union([{', '.join(types)}])"


def _primitive(t: ir.Primitive, scope: Scope, outbound: bool) -> str:
    date, zod = scope.glob("Date"), scope.zod
    if t.kind == "string" and t.format == "date-time":
        if outbound:
            return zod.transform("z.date()", "(v) => v.toISOString()")
        return zod.transform(zod.iso_datetime(), f"(v) => new {date}(v)")
    if t.kind == "string" and t.format == "date":
        # A calendar date stays a calendar date on the way out.
        if outbound:
            return zod.transform("z.date()", "(v) => v.toISOString().slice(0, 10)")
        return zod.transform(zod.iso_date(), f"(v) => new {date}(v)")
    if t.kind == "string" and t.format == "binary":
        # z.instanceof(ReadableStream) would infer ReadableStream<unknown>.
        check = " || ".join(f"v instanceof {scope.glob(g)}" for g in BINARY_GLOBALS)
        return f"z.custom<{binary_type(scope)}>((v) => {check})"
    if t.kind == "integer":
        return zod.integer()
    return f"z.{t.kind}()"


def _ref(model_id: str, scope: Scope, outbound: bool) -> str:
    name = scope.ref(model_id) + ("$outboundSchema" if outbound else "$inboundSchema")
    # A model on a cycle with this one may not be initialised yet when this
    # module runs, so it is looked up only when a value is parsed.
    return f"z.lazy(() => {name})" if model_id in scope.lazy else name


def zod_literal(value: object) -> str:
    """A JSON value as ``z.literal``; objects and arrays have no literal
    schema and fall back to ``z.any()``, matching ``any`` in ``ts_type``."""
    if value is None:
        return "z.null()"
    literal = ts_literal(value)
    return f"z.literal({literal})" if literal is not None else "z.any()"


__all__ = ["zod_field", "zod_literal", "zod_type", "zod_union"]
