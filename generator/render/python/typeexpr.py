"""IR types -> Python type expressions, spelled through a module's ``Scope``.

Two flavours share one function: the pydantic flavour (``Billing``) and the
TypedDict flavour (``BillingTypedDict``).  Enums have no TypedDict twin and
error bodies are referenced through their ``...Data`` model.
"""

from __future__ import annotations

from msgspec import Struct, field

from generator import ir
from generator.render.identifiers import EMPTY_MEMBER, enum_member_word
from generator.render.python.code import Call, Expr
from generator.render.python.escape import py_str
from generator.render.python.scope import Scope


def is_error_model(model: ir.Model, error_ids: frozenset[str]) -> bool:
    return isinstance(model.body, ir.Object) and model.id in error_ids


def class_name(model: ir.Model, error_ids: frozenset[str]) -> str:
    """The pydantic class (or alias) that values of ``model`` have."""
    return model.name.python + "Data" if is_error_model(model, error_ids) else model.name.python


def typed_dict_name(model: ir.Model, error_ids: frozenset[str]) -> str:
    if isinstance(model.body, ir.Enum) or is_error_model(model, error_ids):
        return class_name(model, error_ids)
    return model.name.python + "TypedDict"


def enum_class(body: ir.Enum, enum_format: str) -> bool:
    """Is this enum rendered as ``class X(str, Enum)``?  Only closed enums
    whose values are all strings or all integers can be; others stay
    ``Literal`` aliases whatever the configuration."""
    all_str = all(isinstance(v, str) for v in body.values)
    all_int = all(isinstance(v, int) and not isinstance(v, bool) for v in body.values)
    return enum_format == "enum" and not body.open and (all_str or all_int)


def enum_member_names(values: tuple[object, ...]) -> list[str]:
    """``multi-value-array`` -> ``MULTI_VALUE_ARRAY`` (CONVENTIONS 2.6),
    ``31`` -> ``THIRTY_ONE``, made a distinct identifier."""
    out: list[str] = []
    for value in values:
        name = enum_member_word(value) or EMPTY_MEMBER
        if name[0].isdigit() or name[0] == "_":
            name = "VALUE_" + name.lstrip("_")
        base, n = name, 2
        while name in out:
            name, n = f"{base}_{n}", n + 1
        out.append(name)
    return out


def literal_atom(value: object) -> str | None:
    """The spelling of ``value`` inside ``Literal[...]``, if it can be one."""
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return py_str(value)
    if value is None:
        return "None"
    return None


class Types(Struct):
    """Builds type expressions for the models of one module."""

    api: ir.Api
    scope: Scope
    home: dict[str, str]
    """Model id -> module stem."""
    stem: str
    error_ids: frozenset[str]
    enum_format: str = "union"
    defined: set[str] = field(default_factory=set)
    """Names defined so far in this module."""
    forward: bool = False
    """Set when an eager expression mentioned a name not yet defined (a
    recursive union): the caller must then quote the whole expression."""

    def typing(self, name: str) -> str:
        return self.scope.name("typing", name)

    def ext(self, name: str) -> str:
        return self.scope.name("typing_extensions", name)

    def runtime(self, name: str) -> str:
        return self.scope.name("..types", name)

    def expr(self, t: ir.TypeExpr, typed_dict: bool = False, eager: bool = False) -> Expr:
        match t:
            case ir.Primitive():
                return self.primitive(t)
            case ir.Array(items=items):
                return Call(self.typing("List"), (self.expr(items, typed_dict, eager),))
            case ir.Map(values=values):
                return Call(self.typing("Dict"), ("str", self.expr(values, typed_dict, eager)))
            case ir.Ref(model=model_id):
                return self.ref(self.api.model(model_id), typed_dict, eager)
            case ir.Literal(value=value):
                return self.literal(value)
            case _:
                return self.typing("Any")

    def primitive(self, t: ir.Primitive) -> Expr:
        if t.kind == "string":
            if t.format in ("date", "date-time"):
                return self.scope.name("datetime", "date" if t.format == "date" else "datetime")
            if t.format == "binary":
                io_bytes = Call(self.typing("IO"), ("bytes",))
                return Call(self.typing("Union"), ("bytes", io_bytes, self.scope.module("io") + ".BufferedReader"))
            return "str"
        return {"integer": "int", "number": "float", "boolean": "bool"}[t.kind]

    def literal(self, value: object) -> Expr:
        atom = literal_atom(value)
        if atom is None:
            return "float" if isinstance(value, float) else self.typing("Any")
        return "None" if value is None else Call(self.typing("Literal"), (atom,))

    def ref(self, model: ir.Model, typed_dict: bool, eager: bool) -> str:
        name = typed_dict_name(model, self.error_ids) if typed_dict else class_name(model, self.error_ids)
        home = self.home[model.id]
        if home != self.stem:
            return self.scope.model("." + home, name)
        if eager and name not in self.defined:
            self.forward = True
        return name

    def field_count(self, t: ir.TypeExpr) -> int:
        """Union member weight: fields of an object model, else 0."""
        if isinstance(t, ir.Ref):
            body = self.api.model(t.model).body
            if isinstance(body, ir.Object):
                return len(body.fields)
        return 0
