"""Operations: parameters, the ``{Op}Request`` wrapper, bodies and responses.

Walk order inside an operation (it decides naming priority): the request
wrapper, the ``{Op}Globals`` model, each parameter's schema, the request
body, then the responses in status order.
"""

from __future__ import annotations

from typing import Any, cast

from generator import ir
from generator.normalize.context import Slot, seg
from generator.normalize.field_examples import declared_example, listed_example
from generator.normalize.naming import COMPONENT, PARAMETER, REQUEST, RESPONSE
from generator.normalize.schema import Draft, Typed, Walker
from generator.normalize.security import operation_security
from generator.normalize.shapes import default_of
from generator.words import class_word, pascal

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_MARKERS = {"query": "QueryParam", "path": "PathParam", "header": "Header", "cookie": "Cookie"}
_DEFAULT_STYLE = {"query": "form", "path": "simple", "header": "simple", "cookie": "form"}


def operation_name(op: dict[str, Any], method: str, path: str) -> str:
    op_id = op.get("operationId")
    if isinstance(op_id, str) and pascal(op_id):
        return class_word(op_id, "")
    return class_word(f"{method} {path}", "")


def group_of(op: dict[str, Any]) -> tuple[tuple[str, ...], str]:
    """(SDK group path, naming segment G).  Tags give an SDK group but never
    a naming segment."""
    group = op.get("x-speakeasy-group")
    # a part with no ASCII word in it ("", "日本") cannot name a class or file
    parts = tuple(_group_word(p) for p in group.split(".") if pascal(p)) if isinstance(group, str) else ()
    if parts:
        return parts, "".join(pascal(p) for p in parts)
    tags = op.get("tags")
    if isinstance(tags, list) and tags and isinstance(tags[0], str) and pascal(tags[0]):
        return (_group_word(tags[0]),), ""
    return (), ""


def _group_word(text: str) -> str:
    """A group as written, unless it starts with a digit (``2fa``), which
    no class or attribute can: then spelled (``TwoFa``)."""
    return class_word(text, "") if pascal(text)[:1].isdigit() else text


def status_order(code: str) -> tuple[int, str]:
    if code.isdigit():
        return (0, code)
    return (1, code) if code[:1].isdigit() else (2, code)


class OperationWalker:
    def __init__(self, walker: Walker, global_names: frozenset[str], global_security: list[list[str]] | None = None,
                 schemes: tuple[str, ...] = (), document_security: object = None,
                 body_field_name: str = "") -> None:
        self.w = walker
        self.global_names = global_names
        self.global_security = global_security or []
        self.document_security = document_security
        self.body_field_name = body_field_name
        """gen.yaml ``requestBodyFieldName``: the body's field in every wrapper."""
        """The document's own ``security`` value (absent: None), which an
        operation without its own inherits."""
        self.schemes = schemes
        self._shared: dict[str, Typed] = {}
        """Schema pointer in a shared request body or response -> its type."""
        self._body_examples: dict[str, tuple[ir.Json | None, ir.Json | None]] = {}
        """Request body schema pointer -> the schema's (example, examples[0]),
        following its $ref: the wrapper's body field shows them like any field."""

    def walk(self, ptr: str, op: dict[str, Any], method: str, path: str, shared: list[object]) -> ir.Operation:
        name = operation_name(op, method, path)
        groups, g = group_of(op)
        params = self._parameters(ptr, op, shared)
        local = [p for p in params if not (p[1].get("in") == "header" and p[1].get("name") in self.global_names)]
        globals_ = [p for p in params if p not in local]
        base = Slot(root=name, klass=PARAMETER, role="parameters", owner=name, namespace="operations",
                    request=True, base="Request")
        request_model = self._wrapper(ptr, name, g, base) if local else None
        globals_model = self._globals_model(ptr, name, g, base, globals_) if globals_ else None
        ir_params = tuple(self._parameter(pptr, p, name, g, base) for pptr, p in params)
        body = self._request_body(ptr, op, name, g)
        responses = self._responses(ptr, op, name, g)
        response_model = self._response_wrapper(ptr, op, name, responses)
        security_model = operation_security(self.w, ptr, name, g, op.get("security"), self.global_security,
                                            self.schemes)
        if request_model:
            self._fill_wrapper(request_model, ir_params, body)
        method_name = op.get("x-speakeasy-name-override") or op.get("operationId") or name
        return ir.Operation(
            id=ptr, name=name, operation_id=op.get("operationId"), method=method, path=path,
            group=groups, method_name=str(method_name), parameters=ir_params, responses=responses,
            request_body=body, request_model=request_model, globals_model=globals_model,
            security_model=security_model, response_model=response_model,
            summary=_str(op.get("summary")), description=_str(op.get("description")),
            tags=tuple(t for t in op.get("tags") or [] if isinstance(t, str)),
            security=_security_keys(op["security"] if "security" in op else self.document_security),
            deprecated=bool(op.get("deprecated")),
            retries=retry_policy(op.get("x-speakeasy-retries")), timeout_ms=timeout_ms(op.get("x-speakeasy-timeout")),
        )

    # ----------------------------------------------------------- parameters

    def _parameters(self, ptr: str, op: dict[str, Any], shared: list[object]) -> list[tuple[str, dict[str, Any]]]:
        """Path-item parameters overridden by the operation's own, in order."""
        found: dict[tuple[str, str], tuple[str, dict[str, Any]]] = {}
        path_item_ptr = ptr.rsplit("/", 1)[0]
        sources = [(f"{path_item_ptr}/parameters", shared), (f"{ptr}/parameters", op.get("parameters") or [])]
        for base_ptr, items in sources:
            for i, raw in enumerate(items):
                pptr = f"{base_ptr}/{i}"
                param = cast(dict[str, Any], self.w._peek(raw, pptr))
                if isinstance(param, dict):
                    found[(str(param.get("name")), str(param.get("in")))] = (pptr, param)
        return list(found.values())

    def _wrapper(self, ptr: str, name: str, g: str, base: Slot) -> str:
        model_id = f"{ptr}#request"
        slot = Slot(**{**_slot_dict(base), "root_prefix": (g,)})
        self.w.drafts[model_id] = Draft(model_id, slot, None)
        return model_id

    def _globals_model(self, ptr: str, name: str, g: str, base: Slot,
                       params: list[tuple[str, dict[str, Any]]]) -> str:
        model_id = f"{ptr}#globals"
        slot = Slot(**{**_slot_dict(base), "base": "Globals", "root_prefix": (g,), "role": "globals"})
        fields = tuple(
            ir.Field(wire_name=str(p["name"]), type=ir.Primitive(kind="string"), required=False,
                     nullable=False, origin=pptr,
                     param=ir.ParamStyle(location="header", style="simple", explode=False))
            for pptr, p in params
        )
        self.w.drafts[model_id] = Draft(model_id, slot, None, body=ir.Object(fields=fields))
        return model_id

    def _parameter(self, pptr: str, p: dict[str, Any], name: str, g: str, base: Slot) -> ir.Parameter:
        where = str(p.get("in"))
        pname = str(p.get("name"))
        word = class_word(pname, "Param")
        slot = Slot(**{**_slot_dict(base), "base": word, "union_base": _MARKERS.get(where, ""),
                       "segments": tuple(seg(s) for s in (g, "Request") if s), "own": seg(word)})
        schema, sptr = _parameter_schema(p, pptr)
        typed = self.w.walk(schema, sptr, slot) if sptr else Typed(ir.Primitive(kind="string"))
        # a model of the parameter's own (inline) schema is described by the
        # parameter when the schema says nothing itself
        # (also below a nullable ``anyOf: [schema, null]``)
        model = typed.type.model if isinstance(typed.type, ir.Ref) else ""
        draft = self.w.drafts.get(model) if sptr and (model == sptr or model.startswith(sptr + "/")) else None
        if draft is not None and draft.description is None:
            draft.description = _str(p.get("description"))
        style = str(p.get("style", _DEFAULT_STYLE.get(where, "form")))
        explode = bool(p.get("explode", style == "form"))
        own_schema = schema if isinstance(schema, dict) else {}
        if "$ref" in own_schema:
            own_schema = self.w.ref_object(own_schema)
        # The parameter's example, else its schema's, following the schema's $ref.
        example = ir.Json(p["example"]) if "example" in p else declared_example(own_schema, self.w.ws, sptr)
        return ir.Parameter(
            wire_name=pname, location=cast(ir.ParamLocation, where), required=bool(p.get("required")),
            type=typed.type, nullable=typed.nullable, origin=pptr,
            style=style, explode=explode,
            description=_str(p.get("description")),
            example=example,
            listed_example=listed_example(schema, self.w.ws, sptr),
            default=default_of(own_schema),
            deprecated=bool(p.get("deprecated")), is_global=where == "header" and pname in self.global_names,
            content_type=_parameter_media_type(p),
        )

    def _fill_wrapper(self, model_id: str, params: tuple[ir.Parameter, ...], body: ir.RequestBody | None) -> None:
        fields = [
            ir.Field(wire_name=p.wire_name, type=p.type, required=p.required, nullable=p.nullable,
                     origin=p.origin, description=p.description, example=p.example,
                     listed_example=p.listed_example, default=p.default,
                     deprecated=p.deprecated,
                     param=ir.ParamStyle(location=p.location, style=p.style, explode=p.explode,
                                         content_type=p.content_type))
            for p in params if not p.is_global
        ]
        if body is not None:
            fields.append(ir.Field(wire_name=self._body_field(body), type=body.type, required=body.required,
                                   nullable=body.nullable, origin=body.origin, description=body.description,
                                   example=self._body_examples.get(body.origin, (None, None))[0],
                                   listed_example=self._body_examples.get(body.origin, (None, None))[1],
                                   param=ir.ParamStyle(location="body", content_type=body.content_type)))
        self.w.drafts[model_id].body = ir.Object(fields=tuple(fields))

    def _body_field(self, body: ir.RequestBody) -> str:
        """The body's field in the ``{Op}Request`` wrapper: the configured
        name, else the key of the schema component the body is, else of the
        shared request body it comes from, else ``RequestBody``."""
        if self.body_field_name:
            return self.body_field_name
        for pointer in (body.type.model if isinstance(body.type, ir.Ref) else "", body.origin or ""):
            for section in ("schemas", "requestBodies"):
                prefix = f"#/components/{section}/"
                key = pointer[len(prefix):].split("/", 1)[0] if pointer.startswith(prefix) else ""
                if key and (section == "requestBodies" or "/" not in pointer[len(prefix):]):
                    return key.replace("~1", "/").replace("~0", "~")
        return "RequestBody"

    # ---------------------------------------------------------- bodies

    def _request_body(self, ptr: str, op: dict[str, Any], name: str, g: str) -> ir.RequestBody | None:
        if "requestBody" not in op:
            return None
        bptr = f"{ptr}/requestBody"
        body = cast(dict[str, Any], self.w._peek(op["requestBody"], bptr))
        picked = _pick_content(body.get("content"))
        if picked is None:
            return None
        ctype, media = picked
        desc = _str(body.get("description"))
        # "RequestBody" is the root's own segment: a root union's members drop it.
        shared = self._shared_key(op["requestBody"], bptr, "requestBodies")
        multipart = ctype.startswith("multipart/form-data")
        if shared is not None:
            bptr, key = shared
            slot = _shared_slot(key, "RequestBody", "request", "components", multipart)
        else:
            slot = Slot(root=name, klass=REQUEST, role="request", owner=name, namespace="operations", request=True,
                        base=_title_base(media.get("schema")) or "RequestBody", root_prefix=tuple(s for s in (g, "Request") if s),
                        segments=tuple(seg(s) for s in (g, "Request") if s), own=seg("RequestBody"),
                        short_base="Request", multipart=multipart)
        sptr = f"{bptr}/content/{_escape(ctype)}/schema"
        schema = media.get("schema", True)
        typed = self._root(schema, sptr, slot, desc)
        if isinstance(schema, dict) and "$ref" in schema:
            schema = self.w.ref_object(schema)
        self._body_examples[sptr] = (declared_example(schema, self.w.ws, sptr),
                                     listed_example(schema, self.w.ws, sptr))
        return ir.RequestBody(content_type=ctype, type=typed.type, required=bool(body.get("required")),
                              nullable=typed.nullable, origin=sptr, description=desc,
                              example=ir.Json(media["example"]) if "example" in media else None)

    def _responses(self, ptr: str, op: dict[str, Any], name: str, g: str) -> tuple[ir.Response, ...]:
        raw = op.get("responses") or {}
        out: list[ir.Response] = []
        for code in sorted((str(c) for c in raw), key=status_order):
            rptr = f"{ptr}/responses/{code}"
            resp = cast(dict[str, Any], self.w._peek(raw.get(code, raw.get(int(code)) if code.isdigit() else None), rptr))
            desc = _str(resp.get("description")) if isinstance(resp, dict) else None
            picked = _pick_content(resp.get("content")) if isinstance(resp, dict) else None
            if picked is None:
                out.append(ir.Response(status=code, origin=rptr, description=desc))
                continue
            ctype, media = picked
            ok = code.startswith("2")
            stream = _stream_alternative(resp.get("content"), ctype) if ok else None
            shared = self._shared_key(raw.get(code, raw.get(int(code)) if code.isdigit() else None), rptr, "responses")
            if shared is not None:
                rptr, key = shared
                slot = _shared_slot(key, "Response", "response" if ok else "error",
                                    "components" if ok else "errors", False)
            else:
                slot = Slot(root=name, klass=RESPONSE, role="response" if ok else "error", owner=name,
                            namespace="operations" if ok else "errors", request=False,
                            base=_title_base(media.get("schema")) or "ResponseBody",
                            short_base="Response" if ok and stream is None else "",
                            root_prefix=tuple(s for s in (g, "Response", code) if s),
                            segments=tuple(seg(s) for s in (g, "Response", code) if s))
            sptr = f"{rptr}/content/{_escape(ctype)}/schema"
            typed = self._root(media.get("schema", True), sptr, slot, desc, error=not ok)
            out.append(ir.Response(status=code, origin=rptr, description=desc, content_type=ctype, type=typed.type))
            if stream is not None and shared is None:
                self._stream_union(rptr, name, slot, desc, typed, stream)
        return tuple(out)

    def _stream_union(self, rptr: str, name: str, slot: Slot, desc: str | None, typed: Typed,
                      stream: tuple[str, dict[str, Any]]) -> None:
        """A success response offering JSON and ``text/event-stream``: the
        call returns either, so ``{Op}Response`` is the union of the JSON body
        and an event stream of the other body (both bodies are then named
        ``{Op}ResponseBody`` when inline)."""
        ctype, media = stream
        sptr = f"{rptr}/content/{_escape(ctype)}/schema"
        events = self._root(media.get("schema", True), sptr, slot, desc)
        model_id = f"{rptr}#stream-union"
        members = (ir.UnionMember(type=typed.type, origin=f"{rptr}/content"),
                   ir.UnionMember(type=events.type, origin=sptr, stream=True))
        union_slot = Slot(root=name, klass=RESPONSE, role="response", owner=name, namespace="operations",
                          request=False, base="Response", root_prefix=("Response",))
        self.w.drafts[model_id] = Draft(model_id, union_slot, None, body=ir.Union(members=members))

    def _shared_key(self, raw: object, ptr: str, section: str) -> tuple[str, str] | None:
        """(pointer, key) of the ``components/<section>`` entry ``raw`` refers to."""
        if not isinstance(raw, dict) or "$ref" not in raw:
            return None
        target = self.w.ws.resolve(str(raw["$ref"]), ptr).pointer
        prefix = f"#/components/{section}/"
        if not target.startswith(prefix) or "/" in target[len(prefix):]:
            return None
        return target, target[len(prefix):].replace("~1", "/").replace("~0", "~")

    def _response_wrapper(self, ptr: str, op: dict[str, Any], name: str,
                          responses: tuple[ir.Response, ...]) -> str | None:
        """``{Op}Response``: when any response of the operation declares
        ``headers``, the call returns the response headers (every header, as
        lists of values) beside the success body as ``result``."""
        raw = op.get("responses")
        if not isinstance(raw, dict):
            return None
        declared = [self.w._peek(r, f"{ptr}/responses/{c}") for c, r in raw.items()]
        if not any(isinstance(r, dict) and isinstance(r.get("headers"), dict) and r["headers"] for r in declared):
            return None
        model_id = f"{ptr}#response"
        text = ir.Primitive(kind="string")
        fields = [ir.Field(wire_name="headers", type=ir.Map(values=ir.Array(items=text)), required=True,
                           nullable=False, origin=f"{ptr}/responses")]
        ok = next((r for r in responses if r.status.startswith("2") and r.type is not None), None)
        if ok is not None and ok.type is not None:
            fields.append(ir.Field(wire_name="result", type=ok.type, required=True, nullable=False,
                                   origin=ok.origin))
        # like the ``{Op}Request`` wrapper, it outranks the body it wraps:
        # an inline success body that also wants ``{Op}Response`` moves on
        slot = Slot(root=name, klass=PARAMETER, role="response", owner=name, namespace="operations",
                    request=False, base="Response", root_prefix=("Response",))
        self.w.drafts[model_id] = Draft(model_id, slot, None, body=ir.Object(fields=tuple(fields)))
        return model_id

    def _root(self, schema: object, sptr: str, slot: Slot, fallback: str | None, error: bool = False) -> Typed:
        if isinstance(schema, dict) and "$ref" in schema:
            return self._ref_root(schema, sptr, slot, fallback, error)
        if slot.shared:
            if sptr not in self._shared:
                self._shared[sptr] = self._inline_root(schema, sptr, slot, fallback)
            return self._shared[sptr]
        return self._inline_root(schema, sptr, slot, fallback)

    def _ref_root(self, schema: dict[str, Any], sptr: str, slot: Slot, fallback: str | None, error: bool) -> Typed:
        """A body that is a ``$ref``.  In a shared ``components/requestBodies``
        or ``responses`` entry, the entry's description describes the schema
        it wraps: a component first reached there without a description of
        its own takes it (an operation's own body description does not)."""
        target = self.w.ws.resolve(str(schema["$ref"]), sptr)
        first = target.pointer not in self.w.components
        typed = self.w.ref(self.w.ref_object(schema), sptr, slot, error_root=error)
        draft = self.w.drafts.get(target.pointer)
        if slot.shared and first and draft is not None and draft.description is None:
            draft.description = fallback
        return typed

    def _inline_root(self, schema: object, sptr: str, slot: Slot, fallback: str | None) -> Typed:
        typed = self.w.walk(schema, sptr, slot)
        draft = self.w.drafts.get(sptr)
        if draft is not None and draft.description is None:
            draft.description = fallback
        return typed


def _title_base(schema: object) -> str | None:
    """An inline body schema's ``title`` names it in place of ``RequestBody`` /
    ``ResponseBody`` (``{Op}`` + ``Response V1 Conversations Get`` ->
    ``{Op}ResponseV1ConversationsGet``); a ``$ref`` is named by its component,
    and an array is no model: its items keep the usual name."""
    if not isinstance(schema, dict) or "$ref" in schema or not isinstance(schema.get("title"), str):
        return None
    if schema.get("type") == "array" or "items" in schema:
        return None
    return pascal(schema["title"]) or None


def _parameter_schema(p: dict[str, Any], pptr: str) -> tuple[object, str]:
    """A parameter's schema and its pointer: ``schema``, else the schema of
    its first ``content`` media type (a serialized parameter, e.g. JSON in a
    query string); ``(True, "")`` when it has neither."""
    if "schema" in p:
        return p["schema"], f"{pptr}/schema"
    content = p.get("content")
    if isinstance(content, dict):
        for ctype, media in content.items():
            if isinstance(media, dict) and "schema" in media:
                return media["schema"], f"{pptr}/content/{_escape(str(ctype))}/schema"
    return True, ""


def _parameter_media_type(p: dict[str, Any]) -> str:
    """The media type ``_parameter_schema`` took the schema from, if any."""
    if "schema" in p or not isinstance(p.get("content"), dict):
        return ""
    return next((str(c) for c, media in p["content"].items() if isinstance(media, dict) and "schema" in media), "")


def retry_policy(raw: object) -> ir.RetryPolicy | None:
    """``x-speakeasy-retries`` (document or operation level); ill-typed
    values fall back to Speakeasy's defaults."""
    if not isinstance(raw, dict):
        return None
    found = raw.get("backoff")
    backoff: dict[str, Any] = found if isinstance(found, dict) else {}
    defaults = ir.RetryPolicy(strategy="backoff")

    def number(key: str, default: float) -> float:
        value = backoff.get(key)
        return value if isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0 else default

    codes = raw.get("statusCodes")
    return ir.RetryPolicy(
        strategy=str(raw.get("strategy", "backoff")),
        initial_interval=int(number("initialInterval", defaults.initial_interval)),
        max_interval=int(number("maxInterval", defaults.max_interval)),
        exponent=float(number("exponent", defaults.exponent)),
        max_elapsed_time=int(number("maxElapsedTime", defaults.max_elapsed_time)),
        status_codes=tuple(str(c).upper() for c in codes) if isinstance(codes, list) else (),
        retry_connection_errors=raw.get("retryConnectionErrors") is True,
    )


def timeout_ms(raw: object) -> int | None:
    """``x-speakeasy-timeout``: a positive number of milliseconds."""
    if isinstance(raw, (int, float)) and not isinstance(raw, bool) and raw > 0:
        return int(raw)
    return None


def _pick_content(content: object) -> tuple[str, dict[str, Any]] | None:
    if not isinstance(content, dict) or not content:
        return None
    keys = [str(k) for k in content]
    order = [k for k in keys if k.split(";")[0].strip() == "application/json" or k.endswith("+json")]
    order += [k for k in keys if k.startswith("multipart/")] + [k for k in keys if "urlencoded" in k] + keys
    chosen = order[0]
    media = content[chosen]
    return chosen, media if isinstance(media, dict) else {}


def _stream_alternative(content: object, picked: str) -> tuple[str, dict[str, Any]] | None:
    """The ``text/event-stream`` entry of a response whose picked content
    type is another one (JSON), if it has one."""
    if not isinstance(content, dict) or picked.startswith("text/event-stream"):
        return None
    for key, media in content.items():
        if str(key).split(";")[0].strip() == "text/event-stream":
            return str(key), media if isinstance(media, dict) else {}
    return None


def _shared_slot(key: str, base: str, role: str, namespace: str, multipart: bool) -> Slot:
    """The place of a shared request body or response: its key is the root."""
    root = class_word(key, base)
    return Slot(root=root, klass=COMPONENT, role=role, owner=root, namespace=namespace,
                request=role == "request", base=base, shared=True, multipart=multipart)


def _slot_dict(slot: Slot) -> dict[str, Any]:
    return {f: getattr(slot, f) for f in slot.__struct_fields__}


def _security_keys(sec: object) -> tuple[str, ...] | None:
    """Every scheme named by a ``security`` value (alternatives included: the
    client sends whichever credentials were configured); None when absent."""
    if not isinstance(sec, list):
        return None
    return tuple(dict.fromkeys(str(k) for req in sec if isinstance(req, dict) for k in req))


def _str(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")
