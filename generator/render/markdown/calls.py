"""How an SDK method is called: flattened keyword arguments or one
``request`` object (Speakeasy's ``flattenRequests`` with ``maxMethodParams``),
and the example values a usage snippet passes.

Rules (observed in the reference docs):

* The request is the ``{Op}Request`` wrapper when the operation has
  parameters other than global headers, else the request body, else nothing.
* The method is flattened when the number of its arguments is at most
  ``max_method_params``: the wrapper's parameters, then the body's fields
  when the body is an object (``parameters-first``; ``body-first`` swaps
  them), or the body as one ``request_body`` argument otherwise.
* Without a wrapper, a body is flattened only when it is a required object.
  An optional body stays one ``request`` argument, because its required
  fields are only required when the body is sent.
* Within the parameters and within the body fields, required arguments come
  first (stable), as in the Python client's signatures; the values are still
  drawn in spec order, so every language shows the same values.
* Snippets pass what ``withExample`` shows; the wrapper itself is always
  passed (``list({})``), an optional body only when it has an example.
"""

from __future__ import annotations

import dataclasses

from msgspec import Struct

from generator import ir
from generator.config import Config
from generator.render.markdown.examples import Examples
from generator.render.markdown.usage import Draw, Obj, Value, from_json, shown
from generator.render.python_client.signature import Signature, signature

Entries = tuple[tuple[ir.Field, Value], ...]


class Call(Struct, frozen=True, kw_only=True, gc=False):
    op: ir.Operation
    wrapper: ir.Model | None
    body: ir.RequestBody | None
    flat: tuple[ir.Field, ...] | None
    """The method's arguments when flattened, in spec order; None otherwise."""
    arguments: tuple[ir.Field, ...] = ()
    """The same arguments in signature order."""

    @property
    def request(self) -> ir.TypeExpr | None:
        """The type of the single ``request`` argument (when not flattened)."""
        if self.wrapper is not None:
            return ir.Ref(model=self.wrapper.id)
        return self.body.type if self.body is not None else None


def call_of(api: ir.Api, op: ir.Operation, config: Config, limit: int | None = None) -> Call:
    """The call shape, decided by the Python client's own flattening rule so
    that the docs can never show a signature the client does not have;
    ``limit`` overrides ``config.max_method_params``."""
    wrapper = api.model(op.request_model) if op.request_model else None
    if limit is not None:
        config = dataclasses.replace(config, max_method_params=limit)
    sig = signature(op, api, config)
    if sig.kind == "request":
        return Call(op=op, wrapper=wrapper, body=op.request_body, flat=None)
    arguments = tuple(a.field for a in sig.args)
    return Call(op=op, wrapper=wrapper, body=op.request_body, flat=_spec_order(api, op, wrapper, sig),
                arguments=arguments)


def _spec_order(api: ir.Api, op: ir.Operation, wrapper: ir.Model | None, sig: Signature) -> tuple[ir.Field, ...]:
    """The flattened arguments group by group, each group in spec order
    (values are drawn in spec order; the signature puts required first)."""
    sources: list[ir.Field] = []
    if wrapper is not None and isinstance(wrapper.body, ir.Object):
        sources += wrapper.body.fields
    if op.request_body is not None:
        sources += object_fields(api, op.request_body.type) or ()
    position = {id(f): i for i, f in enumerate(sources)}
    runs: list[list[ir.Field]] = []
    last = ""
    for arg in sig.args:
        if arg.group != last:
            runs.append([])
            last = arg.group
        runs[-1].append(arg.field)
    return tuple(f for run in runs for f in sorted(run, key=lambda f: position.get(id(f), 0)))


def object_fields(api: ir.Api, t: ir.TypeExpr) -> tuple[ir.Field, ...] | None:
    """The fields of an object model, or None for any other type."""
    if isinstance(t, ir.Ref):
        body = api.model(t.model).body
        if isinstance(body, ir.Object):
            return body.fields
    return None


def _is_body(f: ir.Field) -> bool:
    return f.param is not None and f.param.location == "body"


# ------------------------------------------------------------------ values


class CallValues:
    """The example arguments of one call, drawn once for every language."""

    def __init__(self, api: ir.Api, examples: Examples, call: Call) -> None:
        self._api = api
        self._examples = examples
        self._call = call
        self._draw = Draw(api, examples, call.op.method_name)

    def flat(self) -> Entries:
        """(argument, value) of the flattened arguments that are shown, in
        signature order (see ``Call.arguments``)."""
        assert self._call.flat is not None
        from_body = self._body_example_fields()
        out = []
        for f in self._call.flat:
            if _is_body(f):
                if self._body_shown():
                    out.append((f, self._body_value()))
            elif f.param is None and f.wire_name in from_body:  # a body field
                out.append((f, from_body[f.wire_name]))
            elif shown(self._examples, f.required, f.type, f.example):
                out.append((f, self._draw.field(f)))
        return tuple(sorted(out, key=lambda entry: self._call.arguments.index(entry[0])))

    def request(self) -> Value | None:
        """The ``request`` argument, or None when the snippet passes none."""
        call = self._call
        if call.wrapper is not None and isinstance(call.wrapper.body, ir.Object):
            entries: list[tuple[ir.Field, Value]] = []
            for f in call.wrapper.body.fields:
                if _is_body(f):
                    if self._body_shown():
                        entries.append((f, self._body_value()))
                elif shown(self._examples, f.required, f.type, f.example):
                    entries.append((f, self._draw.field(f)))
            return Obj(call.wrapper, tuple(entries))
        if call.body is not None and self._body_shown():
            return self._body_value()
        return None

    def _body_shown(self) -> bool:
        body = self._call.body
        return body is not None and shown(self._examples, body.required, body.type, body.example)

    def _body_value(self) -> Value:
        body = self._call.body
        assert body is not None
        if body.example is not None:
            return from_json(self._api, body.example.value, body.type)
        return self._draw.value(body.type, "requestBody")

    def _body_example_fields(self) -> dict[str, Value]:
        """Field values taken from the body's media example (flattened)."""
        body = self._call.body
        if body is None or body.example is None:
            return {}
        value = from_json(self._api, body.example.value, body.type)
        if not isinstance(value, Obj):
            return {}
        return {f.wire_name: v for f, v in value.entries}
