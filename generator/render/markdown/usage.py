"""Example values of the operation usage snippets (``docs/sdks``, package
READMEs), as a small language-neutral tree that ``sdk_python`` and
``sdk_typescript`` print in their own syntax.

The rules follow the model docs' examples (CONVENTIONS 3.4) with two
differences observed in the reference SDK docs:

* one faker stream per operation, seeded with the Java hash of the raw method
  name (``x-speakeasy-name-override`` or the operationId), shared by every
  argument of the call: the values are the same in Python and TypeScript;
* an example on the request body's media type (or on a field, a parameter, a
  union member) is printed as the value, its keys renamed per language;
* arrays and maps inside the request hold 1 to 3 entries (the size drawn
  first; map keys ``key``, ``key1``, ...), top-level arguments one.

Fields shown: required ones, plus optional ones with a spec ``example``
somewhere below them (Speakeasy's ``optionalPropertyRendering: withExample``).
"""

from __future__ import annotations

from typing import TypeAlias, Union

from msgspec import Struct

from generator import ir
from generator.examples.dates import draw_millis, iso_datetime
from generator.examples.faker import Faker, java_hash_code
from generator.examples.strings import EXAMPLE_FILE, MAX_ENTRIES, is_id_name, map_keys, named_string
from generator.render.identifiers import typescript_field
from generator.render.markdown.examples import Examples
from generator.render.markdown.types_cell import is_binary, is_date

_FLOAT_MAX = 10000
_INT_MAX = 1000000


class Scalar(Struct, frozen=True, gc=False):
    value: ir.JsonValue
    """A str, int, float, bool or None."""


class Date(Struct, frozen=True, gc=False):
    iso: str


class File(Struct, frozen=True, gc=False):
    """Binary content, read from a local file in the snippet."""

    name: str


class Obj(Struct, frozen=True, gc=False):
    """An instance of an object model: its shown fields, in model order."""

    model: ir.Model | None
    entries: tuple[tuple[ir.Field, Value], ...]


class Mapping(Struct, frozen=True, gc=False):
    entries: tuple[tuple[str, Value], ...]


class Seq(Struct, frozen=True, gc=False):
    items: tuple[Value, ...]


Value: TypeAlias = Union[Scalar, Date, File, Obj, Mapping, Seq]


def shown(examples: Examples, required: bool, t: ir.TypeExpr, example: ir.Json | None) -> bool:
    """``withExample``: required, or an example on the node or below it."""
    return required or example is not None or examples.has_example(t)


class Draw:
    """The value stream of one operation's snippet."""

    def __init__(self, api: ir.Api, examples: Examples, seed_text: str) -> None:
        self._api = api
        self._examples = examples
        self._faker = Faker(java_hash_code(seed_text))
        self._stack: list[str] = []

    def field(self, f: ir.Field, via_union: bool = False) -> Value:
        """The value of a shown top-level argument (a flattened body field, a
        request parameter): its arrays and maps hold a single entry."""
        return self._field(f, via_union, top=True)

    def fields(self, fields: tuple[ir.Field, ...], via_union: bool) -> tuple[tuple[ir.Field, Value], ...]:
        return tuple((f, self._field(f, via_union)) for f in fields if self._shown(f, via_union))

    def _field(self, f: ir.Field, via_union: bool, top: bool = False) -> Value:
        if f.example is not None:
            return from_json(self._api, f.example.value, f.type)
        if via_union and not f.required and f.default is not None:
            return from_json(self._api, f.default.value, f.type)
        return self._value(f.type, typescript_field(f.wire_name, f.name_override), via_union, top)

    def _shown(self, f: ir.Field, via_union: bool) -> bool:
        # As in the model docs: objects reached through a union also show
        # optional fields that have a default (`strict` in tools.create).
        return shown(self._examples, f.required, f.type, f.example) or (via_union and f.default is not None)

    def value(self, t: ir.TypeExpr, name: str, via_union: bool = False) -> Value:
        """The value of a type inside the request (the body, say)."""
        return self._value(t, name, via_union, top=False)

    def _value(self, t: ir.TypeExpr, name: str, via_union: bool, top: bool) -> Value:
        match t:
            case ir.Array(items=items):
                return Seq(tuple(self._value(items, name, via_union, False) for _ in range(self._count(top))))
            case ir.Map(values=values):
                keys = map_keys(self._count(top))
                return Mapping(tuple((key, self._value(values, name, via_union, False)) for key in keys))
            case ir.Ref(model=model_id):
                return self._model(self._api.model(model_id), via_union)
            case ir.Primitive():
                return self._primitive(t, name)
            case ir.Literal(value=value):
                return Scalar(value)
        return Scalar("<value>")

    def _count(self, top: bool) -> int:
        """Entries of an array or map: drawn (1 to 3, before the entries)
        inside the request; always one in a top-level argument, which is all
        the reference docs show (5 of 5 flattened Python arguments)."""
        return 1 if top else self._faker.int(1, MAX_ENTRIES)

    def _model(self, model: ir.Model, via_union: bool) -> Value:
        match model.body:
            case ir.Enum(values=values):
                return Scalar(self._faker.array_element(values))
            case ir.Union(members=members):
                member = members[self._faker.int(max=len(members) - 1)] if len(members) > 1 else members[0]
                if member.example is not None:
                    return from_json(self._api, member.example.value, member.type)
                # Like the model docs, a member's value ignores the field name.
                return self.value(member.type, "", via_union=True)
            case ir.Object(fields=fields):
                if model.id in self._stack:  # a recursive model: stop at the first repeat
                    return Obj(model, ())
                self._stack.append(model.id)
                entries = self.fields(fields, via_union)
                self._stack.pop()
                return Obj(model, entries)
        raise TypeError(model.body)

    def _primitive(self, t: ir.Primitive, name: str) -> Value:
        match t.kind:
            case "number":
                return Scalar(self._faker.float(max=_FLOAT_MAX, fraction_digits=2))
            case "integer":
                return Scalar(self._faker.int(max=_INT_MAX))
            case "boolean":
                return Scalar(False)
        if is_binary(t):
            return File(EXAMPLE_FILE)
        if t.format == "uuid":
            return Scalar(self._faker.uuid())
        if is_date(t):
            return Date(iso_datetime(draw_millis(self._faker, self._examples.newer)))
        if is_id_name(name):
            return Scalar("<id>")
        return Scalar(named_string(self._faker, self._examples.tables, name, t.format))


def from_json(api: ir.Api, value: ir.JsonValue, t: ir.TypeExpr) -> Value:
    """A spec example as a value of type ``t``: object keys become fields
    (so each language can rename them), in the model's field order."""
    match t:
        case ir.Ref(model=model_id):
            return _json_for_model(api, value, api.model(model_id))
        case ir.Array(items=items) if isinstance(value, list):
            return Seq(tuple(from_json(api, v, items) for v in value))
        case ir.Map(values=values) if isinstance(value, dict):
            return Mapping(tuple((str(k), from_json(api, v, values)) for k, v in value.items()))
    return _raw(value)


def _json_for_model(api: ir.Api, value: ir.JsonValue, model: ir.Model) -> Value:
    match model.body:
        case ir.Object(fields=fields) if isinstance(value, dict):
            known = [f for f in fields if f.wire_name in value]
            if len(known) == len(value):
                return Obj(model, tuple((f, from_json(api, value[f.wire_name], f.type)) for f in known))
        case ir.Union(members=members):
            for member in members:
                if _fits(api, value, member.type):
                    return from_json(api, value, member.type)
    return _raw(value)


def _fits(api: ir.Api, value: ir.JsonValue, t: ir.TypeExpr) -> bool:
    """Whether a JSON value has the shape of a union member (objects: every
    key is one of its fields)."""
    match t:
        case ir.Ref(model=model_id):
            body = api.model(model_id).body
            if isinstance(body, ir.Object):
                return isinstance(value, dict) and {f.wire_name for f in body.fields} >= set(value)
            return not isinstance(value, (dict, list))
        case ir.Array():
            return isinstance(value, list)
        case ir.Map():
            return isinstance(value, dict)
        case ir.Primitive(kind="string"):
            return isinstance(value, str)
        case ir.Primitive(kind="boolean"):
            return isinstance(value, bool)
        case ir.Primitive():
            return isinstance(value, (int, float)) and not isinstance(value, bool)
    return True


def _raw(value: ir.JsonValue) -> Value:
    if isinstance(value, list):
        return Seq(tuple(_raw(v) for v in value))
    if isinstance(value, dict):
        return Mapping(tuple((str(k), _raw(v)) for k, v in value.items()))
    return Scalar(value)

