"""Spec example values as JS literals, shaped by the type they fill.

Speakeasy prints an example through the SDK's model: an object's keys become
its TypeScript property names, in the model's field order, whatever order the
spec wrote them in (mistral 1.690: ``messages: [{role: user, content: ...}]``
prints ``content`` first, as ``UserMessage`` declares it), and a date string
becomes a ``Date``.  Without a model to follow (maps, ``any``, a key the model
lacks) a value prints as plain JSON.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from generator import ir
from generator.examples.faker import format_js_number
from generator.render.identifiers import typescript_field
from generator.render.markdown.common import typescript_fields
from generator.render.markdown.printer import (
    JsArray,
    JsObject,
    JsScalar,
    JsValue,
    js_string,
    map_key,
)
from generator.render.markdown.types_cell import is_date

ModelOf = Callable[[str], ir.Model]


def json_value(value: ir.JsonValue) -> JsValue:
    """A spec value (example, default, enum member) as a JS literal."""
    if isinstance(value, bool):
        return JsScalar("true" if value else "false")
    if isinstance(value, (int, float)):
        return JsScalar(format_js_number(value))
    if isinstance(value, str):
        return js_string(value)
    if isinstance(value, list):
        return JsArray(tuple(json_value(v) for v in value))
    if isinstance(value, dict):
        return JsObject(tuple((map_key(str(k)), json_value(v)) for k, v in value.items()))
    return JsScalar("null")


def typed_value(t: ir.TypeExpr, value: ir.JsonValue, model_of: ModelOf) -> JsValue:
    """``value`` as the SDK would print it in a field of type ``t``."""
    match t:
        case ir.Array(items=items) if isinstance(value, list):
            return JsArray(tuple(typed_value(items, v, model_of) for v in value))
        case ir.Map(values=values) if isinstance(value, dict):
            return JsObject(tuple((map_key(str(k)), typed_value(values, v, model_of)) for k, v in value.items()))
        case ir.Ref(model=model_id) if isinstance(value, dict):
            return _object(model_of(model_id), value, model_of)
        case ir.Ref(model=model_id) if isinstance(value, list):
            listed = _array_member(model_of(model_id))
            if listed is not None:
                return typed_value(listed, value, model_of)
        case ir.Primitive() if isinstance(value, str) and is_date(t):
            # a date field's example prints as a Date (lapyme ``ReportPeriod.startDate``)
            return JsScalar(f"new Date({json.dumps(value)})")
    return json_value(value)


def _object(model: ir.Model, value: dict[str, ir.JsonValue], model_of: ModelOf) -> JsValue:
    match model.body:
        case ir.Object():
            return _fields(typescript_fields(model), value, model_of)
        case ir.Union(members=members):
            member = _member_for(members, value, model_of)
            if member is not None:
                return typed_value(member.type, value, model_of)
    return json_value(value)


def object_member(model: ir.Model, value: dict[str, ir.JsonValue], model_of: ModelOf) -> ir.Model | None:
    """The object model a dict example of ``model`` fills: itself, or the
    union member ``_member_for`` picks."""
    if isinstance(model.body, ir.Object):
        return model
    if isinstance(model.body, ir.Union):
        member = _member_for(model.body.members, value, model_of)
        if member is not None and isinstance(member.type, ir.Ref):
            return object_member(model_of(member.type.model), value, model_of)
    return None


def _array_member(model: ir.Model) -> ir.TypeExpr | None:
    """A union's first array member, which a list example fills (openrouter's
    ``OpenResponsesInput``, string | array of items: the items print as their
    models)."""
    if isinstance(model.body, ir.Union):
        return next((m.type for m in model.body.members if isinstance(m.type, ir.Array)), None)
    return None


def _fields(fields: tuple[ir.Field, ...], value: dict[str, ir.JsonValue], model_of: ModelOf) -> JsObject:
    """The model's fields in its order, then any key it does not declare."""
    entries = [(typescript_field(f.wire_name, f.name_override), typed_value(f.type, value[f.wire_name], model_of))
               for f in fields if f.wire_name in value]
    known = {f.wire_name for f in fields}
    entries += [(map_key(str(k)), json_value(v)) for k, v in value.items() if k not in known]
    return JsObject(tuple(entries))


def _member_for(members: tuple[ir.UnionMember, ...], value: dict[str, ir.JsonValue],
                model_of: ModelOf) -> ir.UnionMember | None:
    """The first object member that declares every key of ``value`` and whose
    constant fields (a discriminator) agree with it."""
    for member in members:
        if not isinstance(member.type, ir.Ref):
            continue
        model = model_of(member.type.model)
        if isinstance(model.body, ir.Object) and _fits(model.body, value, model_of):
            return member
    return None


def _fits(body: ir.Object, value: dict[str, ir.JsonValue], model_of: ModelOf) -> bool:
    wire = {f.wire_name: f for f in body.fields}
    if not set(value) <= set(wire):
        return False
    return all(_constant_agrees(f.type, value[name], model_of) for name, f in wire.items() if name in value)


def _constant_agrees(t: ir.TypeExpr, value: ir.JsonValue, model_of: ModelOf) -> bool:
    match t:
        case ir.Literal(value=constant):
            return constant == value
        case ir.Ref(model=model_id):
            body = model_of(model_id).body
            if isinstance(body, ir.Enum) and len(body.values) == 1:
                return body.values[0] == value
    return True
