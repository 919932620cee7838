"""Per-operation views: the request argument, how each value travels, and
what each documented response turns into.

Request: with an ``{Op}Request`` wrapper the argument is that model; else
the request body's type (optional when the body is); else nothing.  The
argument goes through its *outbound* zod schema first, so every value is in
wire shape (wire keys, ISO dates) before it is serialized; parameters are
then read from the result by wire name, the body from its ``RequestBody``
key.

Responses, in the IR's order (codes, ranges, ``default``):
- 2xx: ``json`` (inbound schema), ``sse`` (an ``EventStream``), ``text``,
  ``binary`` (the body stream) or ``void``.  With no 2xx documented, any
  2xx is ``void``.
- others: the error class of the body (see ``render.typescript.errors``),
  or the catch-all error.
Anything undocumented gets the catch-all error.  The standalone function
returns errors as ``{ ok: false, error }``; the SDK method throws them.
"""

from __future__ import annotations

import re
from typing import Literal

from msgspec import Struct

from generator import ir
from generator.render.media import is_json
from generator.render.response_wrapper import returns_wrapper
from generator.render.typescript.escape import ts_string
from generator.render.typescript.types import Scope, ts_type
from generator.render.typescript.zod import zod_type

Kind = Literal["json", "sse", "text", "binary", "void", "error_class", "api_error"]
_ZOD = re.compile(r"(?<![\w$.])z\.")


class ParamView(Struct, frozen=True, gc=False):
    wire_name: str
    location: str
    style: str
    explode: bool
    source: str
    """A TypeScript expression for the wire value."""
    json: bool = False
    """Declared with a JSON ``content``: sent as JSON text."""


class RequestArg(Struct, frozen=True, gc=False):
    type: str
    optional: bool
    schema: str
    """Outbound zod schema of the argument (request -> wire shape)."""


class ResponseCase(Struct, frozen=True, gc=False):
    statuses: tuple[str, ...]
    kind: Kind
    content_type: str | None
    schema: str | None
    type: str = "void"
    """What the method returns for this case; for ``error_class`` the error's class."""
    sse_whole_event: bool = False

    @property
    def throws(self) -> bool:
        return self.kind in ("error_class", "api_error")


class RetryView(Struct, frozen=True, gc=False):
    backoff: bool
    initial_interval: int
    max_interval: int
    exponent: float
    max_elapsed_time: int
    retry_connection_errors: bool
    status_codes: tuple[str, ...]


class MethodView(Struct, frozen=True, gc=False):
    name: str
    function: str
    """The standalone function (``sessionsCreate``) the method calls."""
    operation_id: str
    summary: str | None
    description: str | None
    deprecated: bool
    http_method: str
    path: str
    request: RequestArg | None
    input_var: str | None
    """``input`` for a wrapper (params read from it), ``body`` for a bare body."""
    params: tuple[ParamView, ...]
    body_source: str | None
    content_type: str | None
    accept: str
    security: tuple[str, ...]
    cases: tuple[ResponseCase, ...]
    return_type: str
    retries: RetryView | None
    timeout_ms: int | None
    wrapper: str | None = None
    """``{Op}Response``: the operation declares response headers, so a
    success returns them beside the body (``result``), as in Python."""

    @property
    def uses_zod(self) -> bool:
        exprs = [self.request.schema if self.request else ""] + [c.schema or "" for c in self.cases]
        return any(_ZOD.search(e) for e in exprs)

    @property
    def uses_event_stream(self) -> bool:
        return any(c.kind == "sse" for c in self.cases)

    @property
    def error_types(self) -> tuple[str, ...]:
        """The typed errors of the documented responses, in order, once each."""
        return tuple(dict.fromkeys(c.type for c in self.cases if c.kind == "error_class"))

    @property
    def signature_types(self) -> tuple[str, ...]:
        """The types an SDK method's signature prints."""
        return ((self.request.type,) if self.request else ()) + (self.return_type,)

    @property
    def expressions(self) -> tuple[str, ...]:
        """The type and schema expressions the method prints."""
        req = (self.request.type, self.request.schema) if self.request else ()
        return req + (self.return_type,) + tuple(c.schema or "" for c in self.cases)


def method_view(
    api: ir.Api, op: ir.Operation, name: str, function: str, scope: Scope, throwable: frozenset[str],
    globals_: dict[str, str], all_schemes: tuple[str, ...],
) -> MethodView:
    request, input_var, params, body_source = _request(api, op, scope, globals_)
    cases = _cases(api, op, scope, throwable)
    wrapper = _wrapper(api, op, scope)
    body = op.request_body
    policy = op.retries or api.retries
    return MethodView(
        name=name, function=function, operation_id=op.operation_id or op.name, summary=op.summary,
        description=op.description, deprecated=op.deprecated, http_method=op.method.upper(), path=op.path, request=request,
        input_var=input_var, params=params, body_source=body_source,
        content_type=body.content_type if body is not None else None,
        accept=_accept(op), security=all_schemes if op.security is None else op.security, cases=cases,
        return_type=wrapper or _return_type(cases),
        retries=_retry(policy) if policy is not None else None,
        timeout_ms=op.timeout_ms if op.timeout_ms is not None else api.timeout_ms,
        wrapper=wrapper,
    )


def _wrapper(api: ir.Api, op: ir.Operation, scope: Scope) -> str | None:
    """The ``{Op}Response`` type a success returns (``returns_wrapper``)."""
    return scope.ref(op.response_model) if op.response_model and returns_wrapper(api, op) else None


def _request(
    api: ir.Api, op: ir.Operation, scope: Scope, globals_: dict[str, str]
) -> tuple[RequestArg | None, str | None, tuple[ParamView, ...], str | None]:
    params: list[ParamView] = []
    body_source: str | None = None
    request: RequestArg | None = None
    input_var: str | None = None
    if op.request_model is not None:
        ref = ir.Ref(model=op.request_model)
        request = RequestArg(type=ts_type(ref, scope), optional=False, schema=zod_type(ref, scope, outbound=True))
        input_var = "input"
        wrapper = api.model(op.request_model).body
        assert isinstance(wrapper, ir.Object)
        for f in wrapper.fields:
            source = f"input[{ts_string(f.wire_name)}]"
            if f.param is not None and f.param.location == "body":
                body_source = source
            elif f.param is not None:
                params.append(ParamView(wire_name=f.wire_name, location=f.param.location, style=f.param.style,
                                        explode=f.param.explode, source=source,
                                        json=is_json(f.param.content_type)))
    elif op.request_body is not None:
        body = op.request_body
        schema = zod_type(body.type, scope, outbound=True)
        schema = scope.zod.nullable(schema) if body.nullable else schema
        type_ = ts_type(body.type, scope) + (" | null" if body.nullable else "")
        if not body.required:
            schema = scope.zod.optional(schema)
        request = RequestArg(type=type_, optional=not body.required, schema=schema)
        input_var = body_source = "body"
    for p in op.parameters:
        if p.is_global and p.wire_name in globals_:
            params.append(ParamView(wire_name=p.wire_name, location=p.location, style=p.style, explode=p.explode,
                                    source=f"client._options.{globals_[p.wire_name]}"))
    return request, input_var, tuple(params), body_source


def _cases(api: ir.Api, op: ir.Operation, scope: Scope, throwable: frozenset[str]) -> tuple[ResponseCase, ...]:
    # A documented error without a class gets the catch-all, as anything undocumented does.
    cases = [c for c in (_case(api, r, scope, throwable) for r in op.responses) if c.kind != "api_error"]
    if not any(not c.throws for c in cases):
        cases.insert(0, ResponseCase(statuses=("2XX",), kind="void", content_type=None, schema=None))
    return tuple(cases)


def _case(api: ir.Api, r: ir.Response, scope: Scope, throwable: frozenset[str]) -> ResponseCase:
    statuses = (r.status,)
    media = (r.content_type or "").split(";")[0].strip().lower()
    if not r.status.startswith("2"):
        if isinstance(r.type, ir.Ref) and r.type.model in throwable:
            return ResponseCase(statuses=statuses, kind="error_class", content_type=r.content_type,
                                schema=zod_type(r.type, scope), type=ts_type(r.type, scope))
        return ResponseCase(statuses=statuses, kind="api_error", content_type=None, schema=None)
    if r.type is None:
        return ResponseCase(statuses=statuses, kind="void", content_type=None, schema=None)
    schema, type_ = zod_type(r.type, scope), ts_type(r.type, scope)
    if media == "text/event-stream":
        return ResponseCase(statuses=statuses, kind="sse", content_type=r.content_type, schema=schema,
                            type=f"EventStream<{type_}>", sse_whole_event=_has_data_field(api, r.type))
    if is_json(media):
        return ResponseCase(statuses=statuses, kind="json", content_type=r.content_type, schema=schema, type=type_)
    if r.type == ir.Primitive(kind="string", format="binary") or not media.startswith("text/"):
        stream = f"{scope.glob('ReadableStream')}<{scope.glob('Uint8Array')}>"
        return ResponseCase(statuses=statuses, kind="binary", content_type=r.content_type, schema=None, type=stream)
    return ResponseCase(statuses=statuses, kind="text", content_type=r.content_type, schema=schema, type=type_)


def _has_data_field(api: ir.Api, t: ir.TypeExpr) -> bool:
    """An event-stream schema with a ``data`` property models the whole
    event (``id``, ``event``, ``data``); any other models ``data`` alone."""
    if not isinstance(t, ir.Ref):
        return False
    body = api.model(t.model).body
    return isinstance(body, ir.Object) and any(f.wire_name == "data" for f in body.fields)


def _return_type(cases: tuple[ResponseCase, ...]) -> str:
    """``void`` when nothing is returned; else the union of the 2xx types,
    with ``undefined`` for the bodiless ones."""
    unique = list(dict.fromkeys(c.type for c in cases if not c.throws))
    if unique == ["void"]:
        return "void"
    return " | ".join("undefined" if t == "void" else t for t in unique)


def _accept(op: ir.Operation) -> str:
    types = list(dict.fromkeys(r.content_type for r in op.responses if r.content_type))
    return ", ".join(types) if types else "*/*"


def _retry(p: ir.RetryPolicy) -> RetryView:
    return RetryView(
        backoff=p.strategy == "backoff", initial_interval=p.initial_interval, max_interval=p.max_interval,
        exponent=p.exponent, max_elapsed_time=p.max_elapsed_time,
        retry_connection_errors=p.retry_connection_errors, status_codes=p.status_codes,
    )


__all__ = ["MethodView", "ParamView", "RequestArg", "ResponseCase", "RetryView", "method_view"]
