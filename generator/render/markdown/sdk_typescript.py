"""TypeScript operation docs: ``typescript/docs/sdks/<class>/README.md``.

Per operation: the usage snippet (``new Orq({...})``, ``await
orq.group.method(...)``), the same call through the standalone function, the
parameters (``request`` and the ``options`` rows), the response as a
``Promise``, and the errors, in the layout of Speakeasy's TypeScript docs.
TypeScript methods take one request object, whatever ``max_method_params``
says (like the client: ``name(request?, options?)``).
Also the static ``docs/lib/utils/retryconfig.md`` the parameter rows link to.
"""

from __future__ import annotations

import json

from msgspec import Struct

from generator import ir
from generator.config import Config
from generator.examples.faker import format_js_number
from generator.render.identifiers import typescript_field
from generator.render.markdown.calls import Call, CallValues, call_of
from generator.render.markdown.common import OPTIONAL, REQUIRED
from generator.render.markdown.examples import Examples
from generator.render.typescript_client.funcs import function_names
from generator.render.markdown.sdk_common import (
    block,
    REQUEST_TEXT, OpView, SdkDocView, anchor, env_var, error_rows, errors_table, groups, is_stream, render,
    root_overview, success, typescript_accessor, typescript_class,
)
from generator.render.markdown.table import render_table
from generator.render.markdown.types_cell import typescript_cell, typescript_heading
from generator.render.ts_layout import TsLayout
from generator.render.response_wrapper import returns_wrapper
from generator.examples.strings import EXAMPLE_FILE
from generator.render.markdown.usage import Date, File, Mapping, Obj, Scalar, Seq, Value
from generator.words import camel

INDENT = 2
# Where an operation doc sits below ``docs`` (one directory per SDK class),
# for relative links to model docs.
_SDK_DIR = "sdks/sdk"
_OPEN_AS_BLOB = 'import { openAsBlob } from "node:fs";'
_OPTIONS_ROWS = (
    ["`options`", "RequestOptions", OPTIONAL, "Used to set various options for making HTTP requests."],
    ["`options.fetchOptions`",
     "[RequestInit](https://developer.mozilla.org/en-US/docs/Web/API/Request/Request#options)", OPTIONAL,
     "Options that are passed to the underlying HTTP request. This can be used to inject extra headers for "
     "examples. All `Request` options, except `method` and `body`, are allowed."],
    ["`options.retries`", "[RetryConfig](../../lib/utils/retryconfig.md)", OPTIONAL,
     "Enables retrying HTTP requests under certain failure conditions."],
)


class TsUsage(Struct, frozen=True, kw_only=True, gc=False):
    """A usage snippet; the templates supply the fixed lines around it."""

    package: str
    sdk_class: str
    var: str
    imports: tuple[str, ...]
    client_args: tuple[str, ...]
    call: str
    """``orq.sessions.get({...})``."""
    function: str
    """The standalone function, ``sessionsGet``."""
    function_call: str
    """``sessionsGet(orq, {...})``."""
    kind: str
    """``result``, ``stream`` or ``void``."""


class TypeScriptDocs:
    def __init__(self, api: ir.Api, config: Config) -> None:
        self.api = api
        self.config = config
        self.examples = Examples(api)
        self.layout = TsLayout.of(config)
        self.root = typescript_class(config, ())
        self.var = camel(self.root)
        # The client's own naming, so the docs always name a function that exists.
        self.functions = function_names(self.api)

    def files(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for group in groups(self.api):
            cls = typescript_class(self.config, group.path)
            view = SdkDocView(
                title=f"{cls} SDK" if not group.path else cls,
                accessor=typescript_accessor(group.path) if group.path else None,
                overview=root_overview(self.api) if not group.path else None,
                operations=tuple(self.operation(op) for op in group.operations),
            )
            text = render("sdk_typescript.md.jinja", doc=view).removesuffix("\n")
            out[f"typescript/docs/sdks/{cls.lower()}/README.md"] = text
        out["typescript/docs/lib/utils/retryconfig.md"] = render("sdk_ts_retryconfig.md.jinja")
        return out

    def operation(self, op: ir.Operation) -> OpView:
        name = camel(op.method_name)
        call = call_of(self.api, op, self.config, limit=0)
        usage = self.usage(op)
        return OpView(
            name=name, anchor=anchor(name), summary=op.summary or op.description,
            description=op.description or op.summary, deprecated=op.deprecated,
            example=render("sdk_ts_usage.md.jinja", usage=usage),
            standalone=render("sdk_ts_standalone.md.jinja", usage=usage),
            params=self.params(call), response=self.response(op), errors=self.errors(op),
        )

    def usage(self, op: ir.Operation, extra_args: tuple[str, ...] = ()) -> TsUsage:
        """The snippet of a call; ``extra_args`` follow the request (an absent
        request becomes ``undefined`` then)."""
        call = call_of(self.api, op, self.config, limit=0)
        printer = _Printer()
        request = CallValues(self.api, self.examples, call).request()
        args = [] if request is None else [printer.value(request, INDENT)]
        if extra_args and request is None and call.request is not None:
            args = ["undefined"]
        args += extra_args
        target = ".".join(p for p in (self.var, typescript_accessor(op.group), camel(op.method_name)) if p)
        function = self.functions[op.id]
        response = success(op)
        kind = "void" if response is None else "stream" if is_stream(response) else "result"
        return TsUsage(
            package=self.config.typescript_package, sdk_class=self.root, var=self.var,
            imports=tuple(sorted(printer.imports)), client_args=self.client_args(),
            call=f"{target}({', '.join(args)})", function=function,
            function_call=f"{function}({', '.join([self.var, *args])})", kind=kind,
        )

    def client_args(self) -> tuple[str, ...]:
        return tuple(f'{typescript_field(s.key)}: process.env["{env_var(self.config, s.key)}"] ?? ""'
                     for s in self.api.security_schemes)

    def params(self, call: Call) -> str:
        rows: list[list[str]] = []
        if call.request is not None:
            rows.append(["`request`", self._link(call.request), REQUIRED, REQUEST_TEXT])
        rows += [list(r) for r in _OPTIONS_ROWS]
        return render_table(["Parameter", "Type", "Required", "Description"], rows)

    def _link(self, t: ir.TypeExpr) -> str:
        """A model link; unions are linked too (the model docs italicise them)."""
        if isinstance(t, ir.Ref):
            name = self.api.model(t.model).name
            link = self.layout.doc_link(_SDK_DIR, name.ts_namespace, name.typescript)
            return f"[{self.layout.qualified(name.ts_namespace, name.typescript)}]({link})"
        return typescript_cell(self.api, t, self.layout, _SDK_DIR)

    def response(self, op: ir.Operation) -> str:
        response = success(op)
        if op.response_model is not None and returns_wrapper(self.api, op):
            inner = self._link(ir.Ref(model=op.response_model))
        elif response is None or response.type is None:
            inner = "void"
        elif is_stream(response):
            inner = f"[EventStream<{typescript_heading(self.api, response.type, self.layout)}>](../../models/.md)"
        elif isinstance(response.type, ir.Ref):
            inner = self._link(response.type)
        else:
            inner = f"[{typescript_heading(self.api, response.type, self.layout)}](../../models/.md)"
        return f"Promise\\<{inner}\\>"

    def errors(self, op: ir.Operation) -> str:
        rows = [(self.layout.qualified(r.model.name.ts_namespace, r.model.name.typescript), ", ".join(r.statuses),
                 r.content_type)
                for r in error_rows(self.api, op)]
        return errors_table(rows, f"errors.{self.config.default_error_name}")


def _arg_name(f: ir.Field) -> str:
    return typescript_field(f.wire_name, f.name_override)


class _Printer:
    """TypeScript literals of example values, indented like the snippets
    (no line breaking: the snippets are not run through prettier)."""

    def __init__(self) -> None:
        self.imports: set[str] = set()

    def value(self, v: Value, indent: int) -> str:
        match v:
            case Scalar(value=x):
                return typescript_scalar(x)
            case Date(iso=iso):
                return f"new Date({json.dumps(iso)})"
            case File(name=name):
                return self._blob(name)
            case Obj(model=model, entries=entries):
                if model is not None and model.role == "file":
                    return self._blob(EXAMPLE_FILE)
                return self._block("{", "}", [f"{_arg_name(f)}: {self.value(x, indent + INDENT)}"
                                               for f, x in entries], indent)
            case Mapping(entries=pairs):
                return self._block("{", "}", [f"{json.dumps(k, ensure_ascii=False)}: {self.value(x, indent + INDENT)}"
                                               for k, x in pairs], indent)
            case Seq(items=items):
                return self._block("[", "]", [self.value(x, indent + INDENT) for x in items], indent)
        raise TypeError(v)

    def _blob(self, name: str) -> str:
        self.imports.add(_OPEN_AS_BLOB)
        return f"await openAsBlob({json.dumps(name)})"

    @staticmethod
    def _block(open_: str, close: str, lines: list[str], indent: int) -> str:
        return block(open_, close, lines, indent, INDENT)


def typescript_scalar(x: ir.JsonValue) -> str:
    if isinstance(x, bool):
        return "true" if x else "false"
    if x is None:
        return "null"
    if isinstance(x, (int, float)):
        return format_js_number(x)
    return json.dumps(str(x), ensure_ascii=False)


def typescript_sdk_docs(api: ir.Api, config: Config) -> dict[str, str]:
    return TypeScriptDocs(api, config).files()
