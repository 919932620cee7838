"""TypeScript type expressions for IR types, in two shapes.

The *model* shape is what users hold (camelCase keys, ``Date`` values); the
*wire* shape (``X$Outbound``) is what goes over JSON (wire keys, ISO
strings).  A ``Scope`` says how one generated file reaches other models and
the globals it relies on, and how it spells zod.
"""

from __future__ import annotations

from msgspec import Struct

from generator import ir
from generator.render.typescript.escape import ts_literal
from generator.render.typescript.zod_flavor import ZodFlavor

DATE_FORMATS = frozenset({"date-time", "date"})
BINARY_GLOBALS = ("ReadableStream", "Blob", "ArrayBuffer", "Uint8Array")


class Scope(Struct, frozen=True, gc=False):
    """Name resolution inside the file of one model."""

    api: ir.Api
    namespace: str
    taken: frozenset[str]
    """PascalCase names bound in the file: the model and its same-namespace imports."""
    lazy: frozenset[str]
    """Ids of referenced models on a cycle with this one (need ``z.lazy``)."""
    zod: ZodFlavor
    """How the file spells zod (gen.yaml ``zodVersion``)."""

    def ref(self, model_id: str) -> str:
        """The name of a model as seen from this file."""
        name = self.api.model(model_id).name
        if name.ts_namespace == self.namespace:
            return name.typescript
        return f"{name.ts_namespace}.{name.typescript}"

    def glob(self, name: str) -> str:
        """A global, reached through ``globalThis`` when a model shadows it."""
        return f"globalThis.{name}" if name in self.taken else name


def ts_type(t: ir.TypeExpr, scope: Scope, wire: bool = False) -> str:
    match t:
        case ir.Primitive():
            return _primitive(t, scope, wire)
        case ir.Array(items=items):
            return f"{scope.glob('Array')}<{ts_type(items, scope, wire)}>"
        case ir.Map(values=values):
            return f"{{ [k: string]: {ts_type(values, scope, wire)} }}"
        case ir.Ref(model=model_id):
            return scope.ref(model_id) + ("$Outbound" if wire else "")
        case ir.Literal(value=value):
            return ts_literal(value) or "any"
        case ir.Any():
            return "any"


def _primitive(t: ir.Primitive, scope: Scope, wire: bool) -> str:
    if t.kind == "string" and t.format in DATE_FORMATS:
        return "string" if wire else scope.glob("Date")
    if t.kind == "string" and t.format == "binary":
        return binary_type(scope)
    if t.kind == "integer":
        return "number"
    return t.kind


def binary_type(scope: Scope) -> str:
    stream, blob, buffer, u8 = (scope.glob(g) for g in BINARY_GLOBALS)
    return f"{stream}<{u8}> | {blob} | {buffer} | {u8}"


def field_type(f: ir.Field, scope: Scope, wire: bool = False) -> str:
    """The annotation of a field, with ``| null`` and ``| undefined`` as needed."""
    text = ts_type(f.type, scope, wire)
    if f.nullable:
        text += " | null"
    if is_optional(f, scope.api):
        text += " | undefined"
    return text


def is_optional(f: ir.Field, api: ir.Api) -> bool:
    """``?:`` in the type.  Also true for a required field whose type admits
    ``undefined`` (``any``): zod infers such keys as optional, and the
    declared type must agree with the schema's inferred one."""
    return not f.required or admits_undefined(f.type, api)


def admits_undefined(t: ir.TypeExpr, api: ir.Api, seen: frozenset[str] = frozenset()) -> bool:
    match t:
        case ir.Any():
            return True
        case ir.Literal(value=value):
            return ts_literal(value) is None
        case ir.Ref(model=model_id) if model_id not in seen:
            body = api.model(model_id).body
            if isinstance(body, ir.Union):
                inner = seen | {model_id}
                return any(admits_undefined(m.type, api, inner) for m in body.members)
            return False
        case _:
            return False


def refs_of(t: ir.TypeExpr) -> list[str]:
    """Model ids referenced by a type expression, in order of appearance."""
    match t:
        case ir.Ref(model=model_id):
            return [model_id]
        case ir.Array(items=inner) | ir.Map(values=inner):
            return refs_of(inner)
        case _:
            return []


def body_refs(body: ir.ModelBody) -> list[str]:
    """Model ids a model body refers to, in order, with repeats."""
    match body:
        case ir.Object(fields=fields, additional=additional):
            types = [f.type for f in fields] + ([additional] if additional is not None else [])
        case ir.Union(members=members):
            types = [m.type for m in members]
        case ir.Enum():
            types = []
    return [model_id for t in types for model_id in refs_of(t)]
