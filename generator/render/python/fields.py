"""Field views: the Python name, annotation, default and docstring of each
property of an object model (CONVENTIONS.md section 4).

- required: ``name: T``; optional: ``name: Optional[T] = <default or None>``;
  optional and nullable: ``name: OptionalNullable[T] = UNSET``; required and
  nullable: ``name: Nullable[T]``.
- A wire name that differs from the Python name becomes a pydantic alias,
  except for the request body of a ``{Op}Request`` wrapper and the fields of
  ``Security``, which never travel under their own name.
- Parameters and bodies carry ``FieldMetadata`` for the HTTP client.
"""

from __future__ import annotations

import re
from datetime import datetime

from msgspec import Struct

from generator import ir
from generator.render.identifiers import python_field
from generator.render.media import is_json
from generator.render.python.code import Call, Expr, annotated, flat
from generator.render.python.escape import normalize_doc, py_docstring, py_str
from generator.render.python.typeexpr import Types, enum_class, enum_member_names

# Names a field must not take: a class attribute with the name of a type
# used in the class's annotations shadows that type while pydantic evaluates
# them, and pydantic's own attributes cannot be fields.
_SHADOWING = frozenset({"str", "int", "float", "bool", "bytes", "date", "datetime", "io", "pydantic", "dateutil",
                        "builtins", "typing", "typing_extensions"})
# Builtins Speakeasy (1.6xx) renames although the class would work: ``filter``
# (meitner) and ``date`` (above) get ``_``, while ``type``, ``id``, ``zip`` and
# ``bin`` keep their names, so this is its list, not ``dir(builtins)``.
_RENAMED_BUILTINS = frozenset({"filter"})
_MODEL_ATTRS = frozenset({
    "model_config", "model_fields", "model_computed_fields", "model_extra", "model_fields_set",
    "model_construct", "model_copy", "model_dump", "model_dump_json", "model_json_schema",
    "model_parametrized_name", "model_post_init", "model_rebuild", "model_validate",
    "model_validate_json", "model_validate_strings", "serialize_model", "dict", "json", "copy",
    "parse_obj", "parse_raw", "parse_file", "from_orm", "construct", "schema", "schema_json",
    "validate", "update_forward_refs", "fields", "register",
})

_METADATA_CLASS = {"path": "PathParamMetadata", "query": "QueryParamMetadata", "header": "HeaderMetadata",
                   "cookie": "CookieMetadata"}


class FieldView(Struct, frozen=True, gc=False):
    name: str
    wire_name: str
    required: bool
    nullable: bool
    null_default: bool
    lines: tuple[str, ...]
    """The declaration in the pydantic class, indented."""
    td_lines: tuple[str, ...]
    """The declaration in the TypedDict twin, indented."""
    doc: str | None


def python_names(fields: tuple[ir.Field, ...]) -> list[str]:
    """Field names in spec order: reserved names get ``_``, duplicates
    (``fooBar`` and ``foo_bar``) get a number."""
    out: list[str] = []
    for f in fields:
        name = python_field(f.wire_name, f.name_override)
        if name in _SHADOWING or name in _MODEL_ATTRS or name in _RENAMED_BUILTINS:
            name += "_"
        base, n = name, 2
        while name in out:
            name, n = f"{base}{n}", n + 1
        out.append(name)
    return out


def docstring(text: str | None, indent: str) -> str | None:
    return py_docstring(text, indent) if text and normalize_doc(text) else None


def _fits(value: object, t: ir.TypeExpr, types: Types) -> bool:
    """Can ``value`` stand as the default of a field of type ``t``?  Only
    scalars are kept (the reference SDK drops object and list defaults)."""
    match t:
        case ir.Primitive(kind="string", format=fmt):
            return isinstance(value, str) and (fmt not in ("date", "date-time") or _iso(value, fmt) is not None)
        case ir.Primitive(kind="integer"):
            return isinstance(value, int) and not isinstance(value, bool)
        case ir.Primitive(kind="number"):
            return isinstance(value, (int, float)) and not isinstance(value, bool)
        case ir.Primitive(kind="boolean"):
            return isinstance(value, bool)
        case ir.Ref(model=model_id):
            body = types.api.model(model_id).body
            return isinstance(body, ir.Enum) and value in body.values and isinstance(value, (str, int))
        case ir.Literal(value=const):
            return value == const and isinstance(value, (str, int, bool))
        case ir.Any():
            return isinstance(value, (str, int, float, bool))
        case _:
            return False


# The ISO 8601 forms dateutil's isoparse is known to read; anything else
# that Python can still parse is rewritten in canonical form.
_STRICT_ISO = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}(:?\d{2})?)?)?")


def _iso(value: str, fmt: str | None) -> str | None:
    """``value`` as an ISO string safe for ``isoparse``, or None if it is
    not a date(-time) at all (the default is then dropped)."""
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if _STRICT_ISO.fullmatch(value):
        return value
    return parsed.date().isoformat() if fmt == "date" else parsed.isoformat()


def _scalar(value: object) -> str:
    if isinstance(value, bool) or value is None:
        return repr(value)
    if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        return f"float({py_str(repr(value))})"  # YAML's .nan and .inf have no literal
    return py_str(value) if isinstance(value, str) else repr(value)


def default_expr(f: ir.Field, types: Types) -> Expr | None:
    """The spec default as a Python expression, or None to use the usual one."""
    if f.default is None:
        return None
    value = f.default.value
    if value is None:
        return "None" if f.nullable else None
    if not _fits(value, f.type, types):
        return None
    if isinstance(f.type, ir.Ref):
        model = types.api.model(f.type.model)
        if isinstance(model.body, ir.Enum) and enum_class(model.body, types.enum_format):
            member = enum_member_names(model.body.values)[model.body.values.index(value)]
            return types.ref(model, typed_dict=False, eager=True) + "." + member
    if isinstance(f.type, ir.Primitive) and f.type.format in ("date", "date-time") and isinstance(value, str):
        iso = _iso(value, f.type.format) or value
        call = Call(types.scope.module("dateutil.parser") + ".isoparse", (py_str(iso),), "(")
        return Call(flat(call) + ".date", (), "(") if f.type.format == "date" else call
    return _scalar(value)


def _metadata(f: ir.Field, types: Types) -> Expr | None:
    utils = "..utils"
    if f.param is None:
        return None
    fm = types.scope.name(utils, "FieldMetadata")
    if f.param.location == "body":
        media = Call("request=" + types.scope.name(utils, "RequestMetadata"),
                     (f"media_type={py_str(f.param.content_type)}",), "(")
        return Call(fm, (media,), "(")
    cls = types.scope.name(utils, _METADATA_CLASS[f.param.location])
    args = [f"style={py_str(f.param.style)}", f"explode={f.param.explode!r}"]
    if is_json(f.param.content_type):
        args.append('serialization="json"')
    style = Call(f"{f.param.location}={cls}", tuple(args), "(")
    return Call(fm, (style,), "(")



def _security_metadata(f: ir.Field, types: Types) -> Expr | None:
    scheme = next((s for s in types.api.security_schemes if s.key == f.wire_name), None)
    if scheme is None:
        return None
    sub_type = scheme.scheme if scheme.type == "http" else scheme.location
    name = "Authorization" if scheme.type == "http" else scheme.parameter_name
    args = ["scheme=True", f"scheme_type={py_str(scheme.type)}"]
    args += [f"sub_type={py_str(sub_type)}"] if sub_type else []
    args += [f"field_name={py_str(name)}"] if name else []
    sec = Call("security=" + types.scope.name("..utils", "SecurityMetadata"), tuple(args), "(")
    return Call(types.scope.name("..utils", "FieldMetadata"), (sec,), "(")


def field_view(f: ir.Field, name: str, role: ir.ModelRole, types: Types, twin: bool = True) -> FieldView:
    base = types.expr(f.type)
    default = None if f.required else default_expr(f, types)
    null_default = f.nullable and default == "None"
    if f.required:
        ann = Call(types.runtime("Nullable"), (base,)) if f.nullable else base
    elif f.nullable:
        ann = Call(types.runtime("OptionalNullable"), (base,))
        default = default or types.runtime("UNSET")
    else:
        ann = Call(types.typing("Optional"), (base,))
        default = default or "None"
    extras: list[Expr] = []
    travels_by_name = role != "security" and (f.param is None or f.param.location != "body")
    if travels_by_name and name != f.wire_name:
        extras.append(f"{types.scope.module('pydantic')}.Field(alias={py_str(f.wire_name)})")
    meta = _security_metadata(f, types) if role == "security" else _metadata(f, types)
    extras += [meta] if meta is not None else []
    if extras:
        ann = Call(types.ext("Annotated"), (ann, *extras))
    return FieldView(
        name=name,
        wire_name=f.wire_name,
        required=f.required,
        nullable=f.nullable,
        null_default=null_default,
        lines=tuple(annotated("    ", name, ann, default)),
        td_lines=tuple(annotated("    ", name, _td_annotation(f, types), None)) if twin else (),
        doc=docstring(f.description, "    "),
    )


def _td_annotation(f: ir.Field, types: Types) -> Expr:
    t = types.expr(f.type, typed_dict=True)
    if f.nullable:
        t = Call(types.runtime("Nullable"), (t,))
    return t if f.required else Call(types.ext("NotRequired"), (t,))
