"""Flatten what an SDK user sees of one operation into comparable leaves.

Each operation becomes two maps (request side, response side) from a path
such as ``request.billing.input_cost`` to a ``Node`` describing the value at
that path: its kind, whether it is required and nullable, its enum values,
default and model name.  Comparing two specs is then comparing two maps.
"""

from __future__ import annotations

import json

from msgspec import Struct

from generator import ir
from generator.render.identifiers import python_field


class Node(Struct, frozen=True, gc=False):
    kind: str
    """``object``, ``enum``, ``union``, ``array``, ``map``, ``any``, ``literal`` or a primitive."""
    required: bool = True
    nullable: bool = False
    model: str = ""
    """The model's names, ``Python / TypeScript namespace.Name``, when the
    value is a named model: a rename in either target breaks its users."""
    model_id: str = ""
    values: tuple[str, ...] = ()
    """Enum values or union member signatures."""
    default: str | None = None
    origin: str = ""


Shape = dict[str, Node]


def _json(value: object) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


class Flattener:
    def __init__(self, api: ir.Api) -> None:
        self.api = api

    def operation(self, op: ir.Operation) -> tuple[Shape, Shape]:
        request: Shape = {}
        for p in op.parameters:
            path = f"request.{python_field(p.wire_name)}"
            self._add(request, path, p.type, p.required, p.nullable, p.default, p.origin, ())
        if op.request_body is not None:
            body = op.request_body
            self._add(request, "request.body", body.type, body.required, body.nullable, None, body.origin, ())
        response: Shape = {}
        for r in op.responses:
            if r.status.startswith("2") and r.type is not None:
                self._add(response, "response", r.type, True, False, None, r.origin, ())
        return request, response

    def errors(self, op: ir.Operation) -> dict[str, str]:
        """Status -> error model name (or ``-`` for a body-less error)."""
        out: dict[str, str] = {}
        for r in op.responses:
            if r.status.startswith("2"):
                continue
            out[r.status] = self._type_label(r.type) if r.type is not None else "-"
        return out

    def _add(
        self, shape: Shape, path: str, t: ir.TypeExpr, required: bool, nullable: bool,
        default: ir.Json | None, origin: str, seen: tuple[str, ...],
    ) -> None:
        dflt = _json(default.value) if default is not None else None
        match t:
            case ir.Ref(model=model_id):
                self._add_model(shape, path, model_id, required, nullable, dflt, origin, seen)
            case ir.Array(items=items):
                shape[path] = Node("array", required, nullable, default=dflt, origin=origin)
                self._add(shape, f"{path}[]", items, True, False, None, origin, seen)
            case ir.Map(values=values):
                shape[path] = Node("map", required, nullable, default=dflt, origin=origin)
                self._add(shape, f"{path}{{}}", values, True, False, None, origin, seen)
            case _:
                shape[path] = Node(self._type_label(t), required, nullable, default=dflt, origin=origin)

    def _add_model(
        self, shape: Shape, path: str, model_id: str, required: bool, nullable: bool,
        dflt: str | None, origin: str, seen: tuple[str, ...],
    ) -> None:
        model = self.api.model(model_id)
        name = f"{model.name.python} / {model.name.ts_namespace}.{model.name.typescript}"
        body = model.body
        if isinstance(body, ir.Enum):
            values = tuple(_json(v) for v in body.values)
            shape[path] = Node("enum", required, nullable, name, model_id, values, dflt, origin)
            return
        if isinstance(body, ir.Union):
            members = tuple(self._type_label(m.type) for m in body.members)
            shape[path] = Node("union", required, nullable, name, model_id, members, dflt, origin)
            if model_id not in seen:
                for i, m in enumerate(body.members):
                    self._add(shape, f"{path}|{members[i]}", m.type, True, False, None, m.origin, (*seen, model_id))
            return
        shape[path] = Node("object", required, nullable, name, model_id, default=dflt, origin=origin)
        if model_id in seen:
            return  # recursion: the fields were listed at the first visit
        for f in body.fields:
            self._add(shape, f"{path}.{python_field(f.wire_name, f.name_override)}", f.type, f.required,
                      f.nullable, f.default, f.origin, (*seen, model_id))

    def _type_label(self, t: ir.TypeExpr) -> str:
        match t:
            case ir.Primitive(kind=kind, format=fmt):
                return f"{kind}:{fmt}" if fmt in ("date-time", "date", "binary") else kind
            case ir.Ref(model=model_id):
                return self.api.model(model_id).name.python
            case ir.Array(items=items):
                return f"List[{self._type_label(items)}]"
            case ir.Map(values=values):
                return f"Dict[{self._type_label(values)}]"
            case ir.Literal(value=value):
                return f"Literal[{_json(value)}]"
            case _:
                return "any"
