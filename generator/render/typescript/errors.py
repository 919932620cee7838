"""The ``errors`` namespace as throwable classes (``models/errors``).

Contract:
- ``error_class_ids(api)``: the models rendered as error classes: objects in
  the ``errors`` namespace that are the body of a non-2xx (or ``default``)
  response.  Their module exports ``class X extends Error`` (one property per
  body field, the whole parsed body in ``data$``), the body shape ``XData``,
  ``X$inboundSchema`` (wire JSON -> an ``X`` a client can ``throw``) and
  ``X$outboundSchema`` (an ``X`` -> wire JSON).  Other models in the
  namespace stay plain models.
- ``runtime_errors(config)``: the classes that do not come from the spec and
  share the namespace: the catch-all ``config.default_error_name``,
  ``SDKValidationError`` and the HTTP client errors, as
  ``{module stem: template}``.
- ``check_error_names(api, config)`` raises ``SpecError`` (SG042) when a model
  of the namespace would take the name or file of a runtime class: the
  catch-all's name is configurable precisely to resolve that.
- Pure: views and file names only; the templates print them.
"""

from __future__ import annotations

from msgspec import Struct

from generator import ir
from generator.config import Config
from generator.diagnostics import fail
from generator.render.typescript.escape import is_identifier
from generator.render.typescript.types import body_refs
from generator.render.ts_layout import TsLayout
from generator.render.typescript.views import ModelView, ObjectView, module_stem

HTTP_CLIENT_ERRORS = (
    "HTTPClientError", "UnexpectedClientError", "InvalidRequestError",
    "RequestAbortedError", "RequestTimeoutError", "ConnectionError",
)
VALIDATION_ERROR = "SDKValidationError"
# Members of `Error` a body field may not redeclare as a class property with
# another type; such fields stay reachable through `data$`.
_ERROR_MEMBERS = frozenset({"name", "message", "stack", "cause", "constructor", "data$"})


class ErrorProperty(Struct, frozen=True, gc=False):
    name: str
    access: str
    """``.name`` or ``["name"]``: how the constructor reads and writes it."""
    optional: bool
    type: str
    description: str | None


class ErrorClassView(Struct, frozen=True, gc=False):
    model: ModelView
    body: ObjectView
    data_name: str
    base: str
    """``Error``, or ``globalThis.Error`` when a model in the file is named ``Error``."""
    json: str
    properties: tuple[ErrorProperty, ...]
    message_access: str | None
    """Access to a ``message`` field of type string, used as the error message."""


def error_class_ids(api: ir.Api) -> frozenset[str]:
    roots = {
        r.type.model
        for op in api.operations
        for r in op.responses
        if not r.status.startswith("2") and isinstance(r.type, ir.Ref)
    }
    return frozenset(
        model_id for model_id in roots
        if api.model(model_id).name.ts_namespace == "errors" and isinstance(api.model(model_id).body, ir.Object)
    )


def error_class_view(api: ir.Api, model: ir.Model, view: ModelView) -> ErrorClassView:
    assert isinstance(view.body, ObjectView) and isinstance(model.body, ir.Object)
    data_name = _data_name(api, view.name)
    taken = {view.name, data_name} | {api.model(r).name.typescript for r in body_refs(model.body)}
    by_wire = {f.wire_name: f for f in model.body.fields}
    props = tuple(
        ErrorProperty(name=f.name, access=_access(f.name), optional=f.optional, type=f.type,
                      description=f.description)
        for f in view.body.fields if f.name not in _ERROR_MEMBERS
    )
    message = next((f for f in view.body.fields if f.name == "message"), None)
    is_string = message is not None and by_wire[message.wire_name].type == ir.Primitive(kind="string")
    return ErrorClassView(
        model=view, body=view.body, data_name=data_name, properties=props,
        base="globalThis.Error" if "Error" in taken else "Error",
        json="globalThis.JSON" if "JSON" in taken else "JSON",
        message_access=_access("message") if is_string else None,
    )


def _data_name(api: ir.Api, name: str) -> str:
    """``{Name}Data``, numbered when another error model already has it."""
    used = {m.name.typescript for m in api.models if m.name.ts_namespace == "errors"}
    candidate, n = f"{name}Data", 2
    while candidate in used:
        candidate, n = f"{name}Data{n}", n + 1
    return candidate


def _access(name: str) -> str:
    return f".{name}" if is_identifier(name) else f'["{name}"]'


def runtime_errors(config: Config) -> dict[str, str]:
    """Module stem -> template of the error classes that are not models."""
    return {
        module_stem(config.default_error_name, TsLayout.of(config)): "apierror.ts.jinja",
        VALIDATION_ERROR.lower(): "sdkvalidationerror.ts.jinja",
        "httpclienterrors": "httpclienterrors.ts.jinja",
    }


def check_error_names(api: ir.Api, config: Config) -> None:
    default = config.default_error_name
    if not is_identifier(default):
        raise fail("SG030", f"default-error-name {default!r} is not a TypeScript identifier")
    classes = {default, VALIDATION_ERROR, *HTTP_CLIENT_ERRORS}
    if default in (VALIDATION_ERROR, *HTTP_CLIENT_ERRORS):
        raise fail("SG030", f"default-error-name {default!r} is the name of a built-in error class")
    stems = set(runtime_errors(config))
    layout = TsLayout.of(config)
    for model in api.models:
        name = model.name.typescript
        if model.name.ts_namespace == "errors" and (name in classes or module_stem(name, layout) in stems):
            raise fail(
                "SG042",
                f"error model {name!r} collides with the SDK's own error class of that name or file "
                "(choose another `default-error-name` if it is the catch-all)",
                model.id,
            )


__all__ = [
    "ErrorClassView", "check_error_names", "error_class_ids", "error_class_view", "runtime_errors",
    "HTTP_CLIENT_ERRORS", "VALIDATION_ERROR",
]
