"""Python operation docs: ``python/docs/sdks/<class>/README.md``.

Per operation: the usage snippet (``with Orq(...) as orq:``), the parameters
(flattened keyword arguments or ``request``, then ``retries``), the response
and the errors, in the layout of Speakeasy's Python docs.
"""

from __future__ import annotations

import json

from msgspec import Struct

from generator import ir
from generator.config import Config
from generator.examples.faker import format_js_number
from generator.render.identifiers import python_field
from generator.render.markdown.calls import Call, CallValues, call_of
from generator.render.markdown.common import NO_DESCRIPTION, OPTIONAL, REQUIRED, example_cell
from generator.render.markdown.examples import Examples
from generator.render.markdown.sdk_common import (
    block,
    REQUEST_TEXT, RETRIES_TEXT, OpView, SdkDocView, anchor, env_var, error_rows, errors_table, groups, is_stream,
    python_accessor, python_class, relink, render, root_overview, success,
)
from generator.render.markdown.table import render_table
from generator.render.markdown.types_cell import python_cell, python_heading
from generator.render.response_wrapper import returns_wrapper
from generator.render.markdown.usage import Date, File, Mapping, Obj, Scalar, Seq, Value
from generator.words import snake

_RETRIES_CELL = "[Optional[utils.RetryConfig]](../../models/utils/retryconfig.md)"
INDENT = 4


class PyUsage(Struct, frozen=True, kw_only=True, gc=False):
    """A usage snippet; the template supplies the fixed lines around it."""

    module: str
    sdk_class: str
    var: str
    imports: tuple[str, ...]
    client_args: tuple[str, ...]
    call: str
    """The call expression, ``orq.sessions.get(session_id="<id>")``."""
    kind: str
    """``result``, ``stream`` or ``void``."""


class PythonDocs:
    def __init__(self, api: ir.Api, config: Config) -> None:
        self.api = api
        self.config = config
        self.examples = Examples(api)
        self.root = python_class(api, config, ())
        self.var = snake(self.root)

    def files(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for group in groups(self.api):
            cls = python_class(self.api, self.config, group.path)
            view = SdkDocView(
                title=f"{cls} SDK" if not group.path else cls,
                accessor=python_accessor(group.path) if group.path else None,
                overview=root_overview(self.api) if not group.path else None,
                operations=tuple(self.operation(op) for op in group.operations),
            )
            page = render("sdk_python.md.jinja", doc=view)
            out[f"python/docs/sdks/{cls.lower()}/README.md"] = page.removesuffix("\n")  # ends at the last "|"
        return out

    def operation(self, op: ir.Operation) -> OpView:
        name = snake(op.method_name)
        call = call_of(self.api, op, self.config)
        usage = render("sdk_python_usage.md.jinja", usage=self.usage(op))
        return OpView(
            name=name, anchor=anchor(name), summary=op.summary or op.description,
            description=op.description or op.summary,
            deprecated=op.deprecated, example=usage, standalone="", params=self.params(call),
            response=self.response(op), errors=self.errors(op),
        )

    def usage(self, op: ir.Operation, indent: int = INDENT, extra_args: tuple[str, ...] = (),
              method_suffix: str = "") -> PyUsage:
        """The snippet of a call; ``indent`` is the column of the call
        statement, ``extra_args`` are appended to the example arguments."""
        call = call_of(self.api, op, self.config)
        values = CallValues(self.api, self.examples, call)
        printer = _Printer()
        if call.flat is not None:
            args = [f"{_arg_name(f)}={printer.value(v, indent)}" for f, v in values.flat()]
        else:
            request = values.request()
            args = [] if request is None else [f"request={printer.value(request, indent)}"]
        method = snake(op.method_name) + method_suffix
        target = ".".join(p for p in (self.var, python_accessor(op.group), method) if p)
        response = success(op)
        kind = "void" if response is None else "stream" if is_stream(response) else "result"
        imports = tuple(sorted(printer.imports | ({"import os"} if self.client_args() else set())))
        return PyUsage(module=self.config.python_module, sdk_class=self.root, var=self.var, imports=imports,
                       client_args=self.client_args(), call=f"{target}({', '.join([*args, *extra_args])})",
                       kind=kind)

    def client_args(self) -> tuple[str, ...]:
        """One keyword argument per security scheme, read from the environment."""
        return tuple(f'{python_field(s.key)}=os.getenv("{env_var(self.config, s.key)}", "")'
                     for s in self.api.security_schemes)

    def params(self, call: Call) -> str:
        header = ["Parameter", "Type", "Required", "Description"]
        rows: list[list[str]] = []
        if call.flat is not None:
            for f in call.arguments:
                cell = relink(python_cell(self.api, f.type, f.required, f.nullable))
                rows.append([f"`{_arg_name(f)}`", cell, REQUIRED if f.required else OPTIONAL,
                             f.description or NO_DESCRIPTION, example_cell(f.example)])
        elif call.request is not None:
            rows.append(["`request`", relink(python_cell(self.api, call.request)), REQUIRED, REQUEST_TEXT, ""])
        rows.append(["`retries`", _RETRIES_CELL, OPTIONAL, RETRIES_TEXT, ""])
        if any(r[4] for r in rows):
            header.append("Example")
        else:
            rows = [r[:4] for r in rows]
        return render_table(header, rows)

    def response(self, op: ir.Operation) -> str | None:
        if op.response_model is not None and returns_wrapper(self.api, op):
            return relink(python_cell(self.api, ir.Ref(model=op.response_model)))
        response = success(op)
        if response is None or response.type is None:
            return None
        t = response.type
        if is_stream(response):
            inner = python_heading(self.api, t)
            kind = f"eventstreaming.EventStream[{inner}], eventstreaming.EventStreamAsync[{inner}]"
            return f"[Union[{kind}]](../../models/.md)"
        if isinstance(t, ir.Ref):
            return relink(python_cell(self.api, t))
        return f"[{python_heading(self.api, t)}](../../models/.md)"

    def errors(self, op: ir.Operation) -> str:
        rows = [(f"models.{r.model.name.python}", ", ".join(r.statuses), r.content_type)
                for r in error_rows(self.api, op)]
        return errors_table(rows, f"models.{self.config.default_error_name}")


def _arg_name(f: ir.Field) -> str:
    return python_field(f.wire_name, f.name_override)


class _Printer:
    """Python literals of example values, indented like the snippets."""

    def __init__(self) -> None:
        self.imports: set[str] = set()

    def value(self, v: Value, indent: int) -> str:
        match v:
            case Scalar(value=x):
                return python_scalar(x)
            case Date(iso=iso):
                self.imports.add("import dateutil.parser")
                return f"dateutil.parser.isoparse({json.dumps(iso)})"
            case File(name=name):
                return f"open({json.dumps(name)}, \"rb\")"
            case Obj(entries=entries):
                return self._block("{", "}", [f"{json.dumps(_arg_name(f))}: {self.value(x, indent + INDENT)}"
                                               for f, x in entries], indent)
            case Mapping(entries=pairs):
                return self._block("{", "}", [f"{json.dumps(k, ensure_ascii=False)}: {self.value(x, indent + INDENT)}"
                                               for k, x in pairs], indent)
            case Seq(items=items):
                return self._block("[", "]", [self.value(x, indent + INDENT) for x in items], indent)
        raise TypeError(v)

    @staticmethod
    def _block(open_: str, close: str, lines: list[str], indent: int) -> str:
        return block(open_, close, lines, indent, INDENT)


def python_scalar(x: ir.JsonValue) -> str:
    if isinstance(x, bool):
        return "True" if x else "False"
    if x is None:
        return "None"
    if isinstance(x, (int, float)):
        return format_js_number(x)
    return json.dumps(str(x), ensure_ascii=False)


def python_sdk_docs(api: ir.Api, config: Config) -> dict[str, str]:
    return PythonDocs(api, config).files()
