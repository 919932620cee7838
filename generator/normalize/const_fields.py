"""``constFieldsAlwaysOptional``: a field holding a constant is optional.

Its value can only be the constant, so callers need not spell it: the field
becomes optional, defaulting to the constant, and the client fills it in.
Without the flag a required constant stays required (the caller writes it
out, which keeps the type a discriminator where a union needs one).
"""

from __future__ import annotations

from msgspec import structs

from generator import ir


def optional_const_fields(models: tuple[ir.Model, ...]) -> tuple[ir.Model, ...]:
    return tuple(_relaxed(m) for m in models)


def _relaxed(model: ir.Model) -> ir.Model:
    body = model.body
    if not isinstance(body, ir.Object) or not any(_required_const(f) for f in body.fields):
        return model
    fields = tuple(_optional(f) if _required_const(f) else f for f in body.fields)
    return structs.replace(model, body=structs.replace(body, fields=fields))


def _required_const(field: ir.Field) -> bool:
    return field.required and isinstance(field.type, ir.Literal) and not field.nullable


def _optional(field: ir.Field) -> ir.Field:
    assert isinstance(field.type, ir.Literal)
    default = field.default if field.default is not None else ir.Json(field.type.value)
    return structs.replace(field, required=False, default=default)
