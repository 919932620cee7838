"""The Type column of the field tables and the union member headings, per
language (CONVENTIONS 3.3).

Python shows optionality and nullability (``Optional[...]``,
``OptionalNullable[...]``, ``Nullable[...]``) on scalars and model links;
arrays, maps and dates are never wrapped.  TypeScript shows neither, links
objects and enums, and prints unions in italics without a link.
"""

from __future__ import annotations

import json

from generator import ir
from generator.render.identifiers import python_doc_stem
from generator.render.ts_layout import DEFAULT_LAYOUT, TsLayout

PY_DATE = "[date](https://docs.python.org/3/library/datetime.html#date-objects)"
# Speakeasy's Python docs link the two formats crosswise: ``date-time`` shows
# the ``date`` link above, ``date`` this one (orq, meitner goldens).
PY_DATE_ONLY = "[datetime](https://docs.python.org/3/library/datetime.html#datetime-objects)"
TS_DATE = "[Date](https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Date)"
TS_FILE = (
    "[File](https://developer.mozilla.org/en-US/docs/Web/API/File) | "
    "[Blob](https://developer.mozilla.org/en-US/docs/Web/API/Blob)"
)
DATE_FORMATS = frozenset({"date-time", "date"})

_PY_SCALARS = {"string": "str", "number": "float", "integer": "int", "boolean": "bool"}
_TS_SCALARS = {"string": "string", "number": "number", "integer": "number", "boolean": "boolean"}
_PY_BINARY = "Union[bytes, IO[bytes], io.BufferedReader]"
_TS_BINARY = "ReadableStream<Uint8Array>"


def is_date(t: ir.TypeExpr) -> bool:
    """A date format on a string (``type: integer, format: date`` stays a
    number, as the models' code has it)."""
    return isinstance(t, ir.Primitive) and t.kind == "string" and t.format in DATE_FORMATS


def is_binary(t: ir.TypeExpr) -> bool:
    return isinstance(t, ir.Primitive) and t.format == "binary"


def python_wrap(name: str, required: bool, nullable: bool) -> str:
    if nullable:
        return f"Nullable[{name}]" if required else f"OptionalNullable[{name}]"
    return name if required else f"Optional[{name}]"


def python_cell(api: ir.Api, t: ir.TypeExpr, required: bool = True, nullable: bool = False) -> str:
    """The Python doc cell of a field's type."""
    match t:
        case ir.Array(items=items):
            return f"List[{python_cell(api, items)}]"
        case ir.Map(values=values):
            return f"Dict[str, {python_cell(api, values)}]"
        case ir.Ref(model=model_id):
            name = api.model(model_id).name.python
            return f"[{python_wrap('models.' + name, required, nullable)}](../models/{python_doc_stem(name)}.md)"
        case ir.Primitive(format=fmt) if is_date(t):
            return PY_DATE_ONLY if fmt == "date" else PY_DATE
    return f"*{python_wrap(_python_scalar(t), required, nullable)}*"


def python_heading(api: ir.Api, t: ir.TypeExpr) -> str:
    """The Python type as a union member heading shows it (``List[models.X]``)."""
    match t:
        case ir.Array(items=items):
            return f"List[{python_heading(api, items)}]"
        case ir.Map(values=values):
            return f"Dict[str, {python_heading(api, values)}]"
        case ir.Ref(model=model_id):
            return "models." + api.model(model_id).name.python
        case ir.Primitive() if is_date(t):
            return "datetime"
    return _python_scalar(t)


def _python_scalar(t: ir.TypeExpr) -> str:
    match t:
        case ir.Primitive(kind=kind):
            return _PY_BINARY if is_binary(t) else _PY_SCALARS[kind]
        case ir.Literal(value=value):
            return f"Literal[{json.dumps(value, ensure_ascii=False)}]"
    return "Any"


def typescript_cell(api: ir.Api, t: ir.TypeExpr, layout: TsLayout = DEFAULT_LAYOUT,
                    from_dir: str = "models/components") -> str:
    """The TypeScript doc cell of a field's type, in a doc of ``from_dir``
    (relative to ``docs``; links are relative to it)."""
    match t:
        case ir.Array(items=items):
            return f"{typescript_cell(api, items, layout, from_dir)}[]"
        case ir.Map(values=values):
            return f"Record<string, {typescript_cell(api, values, layout, from_dir)}>"
        case ir.Ref(model=model_id):
            return _typescript_ref_cell(api.model(model_id), layout, from_dir)
        case ir.Primitive(kind="string", format="date"):
            # A calendar date is the SDK's own RFCDate type, documented beside the models.
            return f"[Date]({layout.runtime_type_link(from_dir, 'rfcdate')})"
        case ir.Primitive() if is_date(t):
            return TS_DATE
    return f"*{_typescript_scalar(t)}*"


def _typescript_ref_cell(model: ir.Model, layout: TsLayout, from_dir: str) -> str:
    ns, name = model.name.ts_namespace, model.name.typescript
    qualified = layout.qualified(ns, name)
    if isinstance(model.body, ir.Union):
        return f"*{qualified}*"
    link = f"[{qualified}]({layout.doc_link(from_dir, ns, name)})"
    # A multipart file accepts the platform's File and Blob as well.
    return f"{TS_FILE} | {link}" if model.role == "file" else link


def typescript_heading(api: ir.Api, t: ir.TypeExpr, layout: TsLayout = DEFAULT_LAYOUT) -> str:
    """The TypeScript type as a union member heading shows it (``ns.X[]``)."""
    match t:
        case ir.Array(items=items):
            return f"{typescript_heading(api, items, layout)}[]"
        case ir.Map(values=ir.Any()):
            return "{ [k: string]: any }"  # the free-form object, as the SDK's type spells it
        case ir.Map(values=values):
            return f"Record<string, {typescript_heading(api, values, layout)}>"
        case ir.Ref(model=model_id):
            name = api.model(model_id).name
            return layout.qualified(name.ts_namespace, name.typescript)
        case ir.Primitive() if is_date(t):
            return "Date"
    return _typescript_scalar(t)


def _typescript_scalar(t: ir.TypeExpr) -> str:
    match t:
        case ir.Primitive(kind=kind):
            return _TS_BINARY if is_binary(t) else _TS_SCALARS[kind]
        case ir.Literal(value=value):
            return _literal_kind(value)
    return "any"


def _literal_kind(value: ir.JsonValue) -> str:
    """A const shows as its primitive type (the newer ``*"content"*`` form is
    tied to defaults and not characterised)."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    return "string" if isinstance(value, str) else "any"
