"""Views of one client method: its signature, the request it builds, its
``Endpoint`` constant and the function that reads its responses.

Method bodies use ``_``-prefixed locals and the module names ``models`` and
``utils`` only, which flattened arguments never take (see ``signature``), so
no argument can shadow what the body needs.
"""

from __future__ import annotations

import re

from msgspec import Struct

from generator import ir
from generator.render.identifiers import python_field
from generator.render.media import is_json
from generator.render.response_wrapper import returns_wrapper
from generator.config import Config
from generator.render.python.code import Call, Expr, Param, assignment, def_lines, flat, optional_parens, split
from generator.render.python.escape import normalize_doc, py_docstring, py_str
from generator.render.python.fields import default_expr, python_names
from generator.render.python_client.annotations import ClientTypes
from generator.render.python_client.signature import Arg, Signature, signature

_OPTIONS = (
    ("retries", "Retry policy of this call (default: the client's)"),
    ("server_url", "Base URL of this call (default: the client's)"),
    ("timeout_ms", "Timeout of this call in milliseconds (default: the client's)"),
    ("http_headers", "Headers to add, replacing generated ones of the same name"),
)


_METHOD = " " * 4
_BODY = " " * 8


class MethodView(Struct, frozen=True, gc=False):
    """Lines of a method, already laid out in black's style (at their
    indentation), for its synchronous and asynchronous versions."""

    header: tuple[str, ...]
    header_async: tuple[str, ...]
    doc: str
    build: tuple[str, ...]
    """``_request = ...`` (the request object, ``None`` without one)."""
    send: tuple[str, ...]
    send_async: tuple[str, ...]
    finish: tuple[str, ...]
    """The call of the response-reading function."""


class ModuleParts(Struct, frozen=True, gc=False):
    """Module-level code an operation adds: its endpoint and result function."""

    endpoint: tuple[str, ...]
    """The ``_NAME = Endpoint(...)`` lines."""
    result_lines: tuple[str, ...]


def _one_line(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def _arg_param(arg: Arg, types: ClientTypes) -> Param:
    f = arg.field
    base = types.accepted(f.type)
    default: Expr | None = None
    if f.required:
        ann = Call(types.runtime("Nullable"), (base,)) if f.nullable else base
    elif f.nullable:
        ann = Call(types.runtime("OptionalNullable"), (base,))
        default = default_expr(f, types) or types.runtime("UNSET")
    else:
        ann = Call(types.typing("Optional"), (base,))
        default = default_expr(f, types) or "None"
    return Param(arg.name, ann, default)


def _option_params(types: ClientTypes) -> tuple[Param, ...]:
    opt, utils = types.typing("Optional"), types.utils()
    return (
        Param("retries", Call(types.runtime("OptionalNullable"), (f"{utils}.RetryConfig",)), types.runtime("UNSET")),
        Param("server_url", Call(opt, ("str",)), "None"),
        Param("timeout_ms", Call(opt, ("int",)), "None"),
        Param("http_headers", Call(opt, (Call(types.typing("Mapping"), ("str", "str")),)), "None"),
    )


def _docstring(op: ir.Operation, args: tuple[Arg, ...]) -> str:
    parts = [p for p in (op.summary, op.description) if p and normalize_doc(p)]
    lines = [f":param {a.name}: {_one_line(a.field.description)}".rstrip() for a in args]
    lines += [f":param {name}: {text}" for name, text in _OPTIONS]
    text = "\n\n".join([*(normalize_doc(p) for p in parts), "\n".join(lines)])
    return py_docstring(text, " " * 8)


def _build(sig: Signature, types: ClientTypes) -> Expr:
    if sig.kind == "none" or sig.request_type is None:
        return "None"
    target = types.expr(sig.request_type)
    if sig.kind == "request":
        return Call(f"{types.utils()}.coerce", ("request", target), "(")
    top = [a for a in sig.args if not (sig.body_flat and sig.body_key and a.group == "body")]
    entries: list[Expr] = [f"{py_str(a.key)}: {a.name}" for a in top]
    if sig.body_flat and sig.body_key:
        nested = tuple(f"{py_str(a.key)}: {a.name}" for a in sig.args if a.group == "body")
        entries.append(Call(f"{py_str(sig.body_key)}: ", nested, "{", display=True))
    return Call(f"{flat(target)}.model_validate", (Call("", tuple(entries), "{", display=True),), "(")


def _accept(op: ir.Operation) -> str:
    types = list(dict.fromkeys(r.content_type for r in op.responses if r.content_type))
    return ", ".join(types) if types else "*/*"


def _success(r: ir.Response) -> bool:
    return r.status.startswith("2")


def _result_type(op: ir.Operation, types: ClientTypes) -> tuple[Expr, dict[str, Expr]]:
    """The return annotation and, per success status, what it returns."""
    spelled: dict[str, Expr] = {}
    for r in op.responses:
        if not _success(r):
            continue
        if r.content_type is None or r.type is None:
            spelled[r.status] = "None"
        elif is_json(r.content_type):
            spelled[r.status] = types.expr(r.type)
        elif r.content_type.lower().startswith("text/"):
            spelled[r.status] = "str"
        else:
            spelled[r.status] = "bytes"
    kinds = list({flat(k): k for k in spelled.values()}.values())
    values = [k for k in kinds if k != "None"]
    if not values:
        return "None", spelled
    ann = values[0] if len(values) == 1 else Call(types.typing("Union"), tuple(values))
    if "None" in kinds:
        ann = Call(types.typing("Optional"), (ann,))
    return ann, spelled


def _result_lines(name: str, op: ir.Operation, types: ClientTypes, error_ids: frozenset[str]) -> tuple[str, ...]:
    ann, spelled = _result_type(op, types)
    utils, models = types.utils(), types.models()
    httpx = types.scope.module("httpx")
    lines = def_lines("", "def " + name, [Param("response", f"{httpx}.Response")], ann)
    declared: set[str] = set()
    for r in op.responses:
        condition = Call(f"{utils}.match_response", ("response", py_str(r.status), py_str(r.content_type or "*")), "(")
        match = optional_parens(" " * 4, "if ", condition, ":")
        if _success(r):
            lines += [*match, *_success_body(spelled[r.status], r, utils, declared)]
        elif r.content_type and is_json(r.content_type) and isinstance(r.type, ir.Ref) and r.type.model in error_ids:
            model = types.api.model(r.type.model)
            data = Call(f"{utils}.unmarshal_json", ("response.text", f"{models}.{model.name.python}Data"), "(")
            lines += [*match, *split(_BODY, "raise ", Call(f"{models}.{model.name.python}", (data,), "("))]
    lines.append(f"    raise {types.scope.name('.basesdk', 'api_error')}(response)")
    return tuple(lines)


def _success_body(spelled: Expr, r: ir.Response, utils: str, declared: set[str]) -> list[str]:
    if spelled == "None":
        return ["        return None"]
    if spelled == "str" and not is_json(r.content_type or ""):
        return ["        return response.text"]
    if spelled == "bytes":
        return ["        return response.content"]
    value = Call(f"{utils}.unmarshal_json", ("response.text", spelled), "(")
    # An annotated name may be declared once per function (mypy: no-redef),
    # even with the same type: later branches get their own variable.
    var = "result" if not declared else "result_" + "".join(c for c in r.status.lower() if c.isalnum())
    declared.add(var)
    return [*assignment(_BODY, var, value, annotation=spelled), f"        return {var}"]


def _retry_config(policy: ir.RetryPolicy, types: ClientTypes) -> Call:
    utils = types.utils()
    backoff = Call(f"{utils}.BackoffStrategy", (str(policy.initial_interval), str(policy.max_interval),
                                                repr(policy.exponent), str(policy.max_elapsed_time)), "(")
    return Call(f"retry={utils}.RetryConfig",
                (py_str(policy.strategy), backoff, repr(policy.retry_connection_errors)), "(")


def _body_spec(op: ir.Operation, sig: Signature, types: ClientTypes) -> Call:
    body = op.request_body
    assert body is not None
    files = _file_fields(body.type, types)
    args: list[Expr] = [py_str(body.content_type), f"field={py_str(sig.body_key) if sig.body_key else 'None'}",
                        f"required={body.required!r}", f"nullable={body.nullable!r}"]
    if files:
        args.append(_tuple("files=", files))
    return Call(f"body={types.scope.name('.basesdk', 'BodySpec')}", tuple(args), "(")


def _file_fields(t: ir.TypeExpr, types: ClientTypes) -> list[str]:
    """Python names of the fields of a multipart body that hold files."""
    if not isinstance(t, ir.Ref):
        return []
    body = types.api.model(t.model).body
    if not isinstance(body, ir.Object):
        return []

    def is_file(ft: ir.TypeExpr) -> bool:
        inner = ft.items if isinstance(ft, ir.Array) else ft
        return isinstance(inner, ir.Ref) and types.api.model(inner.model).role == "file"

    return [n for f, n in zip(body.fields, python_names(body.fields)) if is_file(f.type)]


def _tuple(head: str, items: list[str]) -> Call:
    return Call(head, tuple(py_str(i) for i in items), "(", display=True)


def _endpoint(op: ir.Operation, sig: Signature, api: ir.Api, types: ClientTypes) -> Call:
    """The ``Endpoint(...)`` constant; arguments at their default are left out."""
    policy = op.retries or api.retries
    codes = list(policy.status_codes) if policy and policy.status_codes else []
    timeout = op.timeout_ms or api.timeout_ms
    globals_ = [p.wire_name for p in op.parameters if p.is_global]
    args: list[Expr] = [
        f"operation_id={py_str(op.operation_id or op.name)}",
        f"method={py_str(op.method.upper())}",
        f"path={py_str(op.path)}",
        f"accept={py_str(_accept(op))}",
    ]
    if op.request_body is not None:
        args.append(_body_spec(op, sig, types))
    if globals_:
        args.append(_tuple("globals=", globals_))
    schemes = [s.key for s in api.security_schemes]
    if op.security is not None and set(op.security) != set(schemes):
        # the Security model's fields this operation sends (none for `security: []`)
        args.append(_tuple("security=", [python_field(k) for k in schemes if k in op.security]))
    if policy is not None:
        args.append(_retry_config(policy, types))
    if codes:
        args.append(_tuple("retry_codes=", codes))
    if timeout is not None:
        args.append(f"timeout_ms={timeout!r}")
    return Call(types.scope.name(".basesdk", "Endpoint"), tuple(args), "(")


def method_view(op: ir.Operation, name: str, api: ir.Api, types: ClientTypes, config: Config,
                error_ids: frozenset[str]) -> tuple[MethodView, ModuleParts]:
    sig = signature(op, api, config, frozenset({types.models(), types.utils()}))
    ann, _ = _result_type(op, types)
    result = f"_{name}_result"
    endpoint = f"_{name.upper()}"
    params = [Param("self"), Param("*"), *(_arg_param(a, types) for a in sig.args), *_option_params(types)]
    send = (endpoint, "_request", "retries", "server_url", "timeout_ms", "http_headers")
    finish = Call(result, ("_response",), "(")
    if op.response_model is not None and returns_wrapper(api, op):
        # the operation declares response headers: the call returns them with
        # the body, as `{Op}Response(headers=..., result=...)`
        wrapper = api.model(op.response_model)
        ann = types.ref(wrapper, typed_dict=False)
        values: list[Expr] = [Call("headers=" + types.utils() + ".response_headers", ("_response",), "(")]
        if isinstance(wrapper.body, ir.Object) and any(f.wire_name == "result" for f in wrapper.body.fields):
            values.append(Call("result=" + result, ("_response",), "("))
        finish = Call(ann, tuple(values), "(")
    view = MethodView(
        header=tuple(def_lines(_METHOD, "def " + name, params, ann, exploded=True)),
        header_async=tuple(def_lines(_METHOD, f"async def {name}_async", params, ann, exploded=True)),
        doc=_docstring(op, sig.args),
        build=tuple(assignment(_BODY, "_request", _build(sig, types))),
        send=tuple(assignment(_BODY, "_response", Call("self._send", send, "("))),
        send_async=tuple(assignment(_BODY, "_response", Call("await self._send_async", send, "("))),
        finish=tuple(optional_parens(_BODY, "return ", finish) if ann != "None" else split(_BODY, "", finish)),
    )
    parts = ModuleParts(endpoint=tuple(assignment("", endpoint, _endpoint(op, sig, api, types))),
                        result_lines=_result_lines(result, op, types, error_ids))
    return view, parts
