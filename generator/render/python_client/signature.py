"""Which arguments a client method takes: request flattening.

The rule, read from the reference SDK's docs (``flattenRequests``):

- Parameters (path, query, header, cookie; not the ``x-speakeasy-globals``
  ones, which the client sets) become keyword arguments.
- A request body that is an object model is flattened into one argument
  per property when the operation has parameters, or when the body is
  required.  An optional body of an operation without parameters stays one
  ``request`` argument (absent and empty must differ), and so does a body
  of any other shape (``request_body`` next to parameters).
- Beyond ``max_method_params`` flattened arguments the method takes a single
  ``request``: the ``{Op}Request`` wrapper, or the body when there is no
  parameter.
- ``flattening_order`` puts parameters or body properties first; required
  arguments come first within each group, as in the models.
"""

from __future__ import annotations

from typing import Literal

from msgspec import Struct

from generator import ir
from generator.config import Config
from generator.render.python.fields import python_names

# Names a flattened argument cannot take: the method's own arguments and the
# module names its body uses (spelled ``models_`` when a member took ``models``).
RESERVED_ARGS = frozenset({"self", "retries", "server_url", "timeout_ms", "http_headers", "models", "utils"})


class Arg(Struct, frozen=True, gc=False):
    name: str
    """The Python parameter name."""
    key: str
    """The model field it fills (``""`` for a whole ``request``)."""
    field: ir.Field
    group: Literal["param", "body"]


class Signature(Struct, frozen=True, gc=False):
    kind: Literal["none", "flat", "request"]
    args: tuple[Arg, ...]
    request_type: ir.TypeExpr | None
    """The type of the request object the method builds (wrapper or body)."""
    body_key: str | None
    """The wrapper field that holds the body; None when the request is the body."""
    body_flat: bool
    """Body properties are arguments (a nested dict fills ``body_key``)."""


def _object(api: ir.Api, t: ir.TypeExpr) -> ir.Object | None:
    if isinstance(t, ir.Ref):
        body = api.model(t.model).body
        if isinstance(body, ir.Object):
            return body
    return None


def _required_first(args: list[Arg]) -> list[Arg]:
    return [a for a in args if a.field.required] + [a for a in args if not a.field.required]


def _args(fields: tuple[ir.Field, ...], group: Literal["param", "body"]) -> list[Arg]:
    return _required_first([Arg(name=n, key=n, field=f, group=group) for f, n in zip(fields, python_names(fields))])


def _rename(args: list[Arg], reserved: frozenset[str]) -> tuple[Arg, ...]:
    used: set[str] = set(RESERVED_ARGS | reserved)
    out = []
    for arg in args:
        name = arg.name
        while name in used:
            name += "_"
        used.add(name)
        out.append(Arg(name=name, key=arg.key, field=arg.field, group=arg.group))
    return tuple(out)


def _whole(name: str, t: ir.TypeExpr, required: bool, nullable: bool, origin: str,
           description: str | None) -> Arg:
    f = ir.Field(wire_name=name, type=t, required=required, nullable=nullable, origin=origin, description=description)
    return Arg(name=name, key="", field=f, group="body")


def signature(op: ir.Operation, api: ir.Api, config: Config, reserved: frozenset[str] = frozenset()) -> Signature:
    body = op.request_body
    if op.request_model is None:
        if body is None:
            return Signature("none", (), None, None, False)
        fields = _object(api, body.type)
        if fields is not None and body.required and len(fields.fields) <= config.max_method_params:
            return Signature("flat", _rename(_args(fields.fields, "body"), reserved), body.type, None, True)
        whole = _whole("request", body.type, body.required, body.nullable, body.origin,
                       "The request object to send.")
        return Signature("request", (whole,), body.type, None, False)
    wrapper = api.model(op.request_model)
    assert isinstance(wrapper.body, ir.Object)
    names = python_names(wrapper.body.fields)
    params = [(f, n) for f, n in zip(wrapper.body.fields, names) if f.param is None or f.param.location != "body"]
    body_fields = [(f, n) for f, n in zip(wrapper.body.fields, names) if f.param is not None and f.param.location == "body"]
    body_key = body_fields[0][1] if body_fields else None
    param_args = _required_first([Arg(name=n, key=n, field=f, group="param") for f, n in params])
    flat_body = _object(api, body.type) if body is not None else None
    body_args = _args(flat_body.fields, "body") if flat_body is not None else [
        Arg(name=n, key=n, field=f, group="body") for f, n in body_fields
    ]
    wrapper_type = ir.Ref(model=wrapper.id)
    if len(param_args) + len(body_args) > config.max_method_params:
        required = any(f.required for f in wrapper.body.fields)
        whole = _whole("request", wrapper_type, required, False, wrapper.id, "The request object to use for the request.")
        return Signature("request", (whole,), wrapper_type, body_key, False)
    ordered = param_args + body_args if config.flattening_order == "parameters-first" else body_args + param_args
    return Signature("flat", _rename(ordered, reserved), wrapper_type, body_key, flat_body is not None)
