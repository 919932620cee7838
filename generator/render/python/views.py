"""Views of one ``models/`` module: everything a template prints, computed
(imports included) before any template runs.

Block kinds: ``object`` (a pydantic class with its TypedDict twin, or an
error body: ``XData`` model + ``X(Exception)``), ``alias`` (an enum as
``Literal[...]`` or a union as ``TypeAliasType``) and ``enum_class`` (an
enum when ``enum_format`` is ``"enum"``).
"""

from __future__ import annotations

from msgspec import Struct

from generator import ir
from generator.config import Config
from generator.render.python.code import INDENT, Call, Expr, assignment, class_header, flat, split
from generator.render.python.escape import py_str
from generator.render.python.fields import FieldView, docstring, field_view, python_names
from generator.render.python.layout import Module, model_refs
from generator.render.python.scope import Scope
from generator.render.python.typeexpr import (
    Types,
    class_name,
    enum_class,
    enum_member_names,
    is_error_model,
    literal_atom,
    typed_dict_name,
)


class SerializerView(Struct, frozen=True, gc=False):
    decorator: str
    handler: str
    info: str
    returns: str
    body: tuple[str, ...]


class ErrorView(Struct, frozen=True, gc=False):
    name: str
    header: tuple[str, ...]
    data: str
    doc: str | None
    init: tuple[str, ...]
    marshal: str


class ObjectView(Struct, frozen=True, gc=False):
    name: str
    header: tuple[str, ...]
    typed_dict: str | None
    td_header: tuple[str, ...]
    doc: str | None
    fields: tuple[FieldView, ...]
    serializer: SerializerView | None
    error: ErrorView | None
    kind: str = "object"


class AliasView(Struct, frozen=True, gc=False):
    lines: tuple[str, ...]
    td_lines: tuple[str, ...]
    doc: str | None
    kind: str = "alias"


class EnumClassView(Struct, frozen=True, gc=False):
    name: str
    header: tuple[str, ...]
    doc: str | None
    members: tuple[str, ...]
    kind: str = "enum_class"


Block = ObjectView | AliasView | EnumClassView


class ModuleView(Struct, frozen=True, gc=False):
    stem: str
    imports: tuple[str, ...]
    blocks: tuple[Block, ...]
    rebuild: tuple[str, ...]
    exports: tuple[str, ...]

    @property
    def alias_first(self) -> bool:
        return bool(self.blocks) and self.blocks[0].kind == "alias"


def exported_names(model: ir.Model, error_ids: frozenset[str]) -> list[str]:
    """The names a model defines, as re-exported by ``models/__init__``."""
    if is_error_model(model, error_ids):
        return [model.name.python, model.name.python + "Data"]
    if isinstance(model.body, ir.Enum):
        return [model.name.python]
    return [model.name.python, model.name.python + "TypedDict"]


def _object(model: ir.Model, body: ir.Object, types: Types) -> ObjectView:
    error = is_error_model(model, types.error_ids)
    names = python_names(body.fields)
    views = [field_view(f, n, model.role, types, twin=not error) for f, n in zip(body.fields, names)]
    ordered = tuple([v for v in views if v.required] + [v for v in views if not v.required])
    doc = docstring(model.description, INDENT)
    name = class_name(model, types.error_ids)
    td_name = typed_dict_name(model, types.error_ids)
    return ObjectView(
        name=name,
        header=class_header(name, (types.runtime("BaseModel"),)),
        typed_dict=None if error else td_name,
        td_header=() if error else class_header(td_name, (types.ext("TypedDict"),)),
        doc=None if error else doc,
        fields=ordered,
        serializer=_serializer(ordered, types) if any(v.nullable for v in ordered) else None,
        error=_error(model, doc, types) if error else None,
    )


def _name_set(keyword: str, names: list[str]) -> Expr:
    return Call(keyword + "=", tuple(py_str(n) for n in names), "{")


def _serializer(fields: tuple[FieldView, ...], types: Types) -> SerializerView:
    args: list[Expr] = ["self", "handler(self)", "info"]
    sets = {
        "optional": [f.name for f in fields if not f.required],
        "nullable": [f.name for f in fields if f.nullable],
        "null_default": [f.name for f in fields if f.null_default],
    }
    # an empty ``{}`` would be a dict: empty sets are left to the defaults
    args += [_name_set(keyword, names) for keyword, names in sets.items() if names]
    call = Call(types.scope.name("..utils", "drop_unset"), tuple(args), "(")
    return SerializerView(
        decorator=types.scope.name("pydantic", "model_serializer"),
        handler=types.scope.name("pydantic", "SerializerFunctionWrapHandler"),
        info=types.scope.name("pydantic", "SerializationInfo"),
        returns=flat(Call(types.typing("Dict"), ("str", types.typing("Any")))),
        body=tuple(split(INDENT * 2, "return ", call)),
    )


def _error(model: ir.Model, doc: str | None, types: Types) -> ErrorView:
    data = model.name.python + "Data"
    init = Call("def __init__", ("self", f"data: {data}"), "(")
    return ErrorView(
        name=model.name.python,
        header=class_header(model.name.python, (types.scope.builtin("Exception"),)),
        data=data,
        doc=doc,
        init=tuple(split(INDENT, "", init, " -> None:")),
        marshal=types.scope.name("..utils", "marshal_json"),
    )


def _union(model: ir.Model, body: ir.Union, types: Types) -> AliasView:
    members = sorted(body.members, key=lambda m: types.field_count(m.type))

    def alias(name: str, typed_dict: bool) -> list[str]:
        types.forward = False
        exprs = [types.expr(m.type, typed_dict, eager=True) for m in members]
        unique = tuple({flat(e): e for e in reversed(exprs)}[k] for k in dict.fromkeys(flat(e) for e in exprs))
        value: Expr = Call(types.typing("Union"), unique)
        if types.forward:
            # A recursive union: the value is evaluated lazily from a string,
            # which both pydantic and mypy accept for TypeAliasType.
            value = py_str(flat(value))
        return assignment("", name, Call(types.ext("TypeAliasType"), (py_str(name), value), "("))

    td_name = typed_dict_name(model, types.error_ids)
    td_lines = alias(td_name, True)
    types.defined.add(td_name)
    return AliasView(lines=tuple(alias(model.name.python, False)), td_lines=tuple(td_lines),
                     doc=docstring(model.description, ""))


def _enum_alias(model: ir.Model, body: ir.Enum, types: Types) -> AliasView:
    atoms = [literal_atom(v) for v in body.values]
    value: Expr
    if all(a is not None for a in atoms):
        value = Call(types.typing("Literal"), tuple(a for a in atoms if a is not None))
        if body.open:
            value = Call(types.typing("Union"), (value, _value_type(body.values, types)))
    else:
        value = _value_type(body.values, types)
    return AliasView(lines=tuple(assignment("", model.name.python, value)), td_lines=(),
                     doc=docstring(model.description, ""))


def _value_type(values: tuple[object, ...], types: Types) -> Expr:
    """The plain type of enum values that cannot all be ``Literal`` atoms."""
    kinds = list(dict.fromkeys(type(v).__name__ for v in values))
    if not all(k in ("str", "int", "float", "bool") for k in kinds):
        return types.typing("Any")
    return kinds[0] if len(kinds) == 1 else Call(types.typing("Union"), tuple(kinds))


def _enum_class(model: ir.Model, body: ir.Enum, types: Types) -> Block:
    kind = "str" if isinstance(body.values[0], str) else "int"
    values = [py_str(v) if isinstance(v, str) else repr(v) for v in body.values]
    members = [f"{INDENT}{name} = {value}" for name, value in zip(enum_member_names(body.values), values)]
    header = class_header(model.name.python, (kind, types.scope.name("enum", "Enum")))
    return EnumClassView(name=model.name.python, header=header,
                         doc=docstring(model.description, INDENT), members=tuple(members))


def _block(model: ir.Model, types: Types, config: Config) -> Block:
    match model.body:
        case ir.Object() as body:
            return _object(model, body, types)
        case ir.Union() as body:
            return _union(model, body, types)
        case ir.Enum() as body if enum_class(body, config.enum_format):
            return _enum_class(model, body, types)
        case ir.Enum() as body:
            return _enum_alias(model, body, types)
    raise AssertionError(f"unknown model body {model.body!r}")


def module_view(module: Module, api: ir.Api, home: dict[str, str], error_ids: frozenset[str],
                config: Config) -> ModuleView:
    exports = [n for m in module.models for n in exported_names(m, error_ids)]
    imported = {class_name(api.model(r), error_ids) for m in module.models for r in model_refs(m)}
    imported |= {typed_dict_name(api.model(r), error_ids) for m in module.models for r in model_refs(m)}
    scope = Scope(frozenset(exports) | imported)
    types = Types(api=api, scope=scope, home=home, stem=module.stem, error_ids=error_ids,
                  enum_format=config.enum_format)
    blocks: list[Block] = []
    forward = False
    for model in module.models:
        forward |= any(home[r] == module.stem and class_name(api.model(r), error_ids) not in types.defined
                       for r in model_refs(model))
        blocks.append(_block(model, types, config))
        types.defined.update(exported_names(model, error_ids))
    rebuild = [b.name for b in blocks if isinstance(b, ObjectView)] if forward else []
    return ModuleView(stem=module.stem, imports=tuple(scope.import_lines()), blocks=tuple(blocks),
                      rebuild=tuple(rebuild), exports=tuple(exports))
