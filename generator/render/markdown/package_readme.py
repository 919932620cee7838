"""README.md of each generated package: installation, a first call,
authentication, the operations, retries, errors, servers and the HTTP
client, with examples built from the IR by the same code as the operation
docs (so a README example is a call the docs document).

The example operation is the first one that returns a body (else the first
one); the error example uses the first operation that declares an error
model, so the README shows a real ``except``/``catch`` branch when it can.
"""

from __future__ import annotations

from collections.abc import Callable

from msgspec import Struct, structs

from generator import ir
from generator.config import Config
from generator.render.identifiers import python_field, typescript_field
from generator.render.markdown.sdk_common import (
    Group, anchor, env_var, error_rows, errors_table, groups, is_stream, python_accessor, python_class, render, success,
    typescript_accessor, typescript_class,
)
from generator.render.markdown.sdk_python import PythonDocs, PyUsage
from generator.render.markdown.sdk_typescript import TsUsage, TypeScriptDocs
from generator.render.markdown.table import render_table
from generator.words import camel, snake

# One retry policy for every example: start at 1 ms, at most 50 ms between
# attempts, growing 1.1 times, give up after 100 ms.
_PY_RETRY = 'RetryConfig("backoff", BackoffStrategy(1, 50, 1.1, 100), False)'
_TS_RETRY = """{
    strategy: "backoff",
    backoff: {
      initialInterval: 1,
      maxInterval: 50,
      exponent: 1.1,
      maxElapsedTime: 100,
    },
    retryConnectionErrors: false,
  }"""
# The same policy as the options argument of one call.
_TS_RETRY_OPTIONS = "{\n    retries: " + _TS_RETRY.replace("\n", "\n  ") + ",\n  }"


class Resource(Struct, frozen=True, kw_only=True, gc=False):
    heading: str
    level: str
    """``###`` for a top-level SDK class, ``####`` for a nested one."""
    doc: str
    operations: tuple[tuple[str, str, str], ...]
    """(method, anchor, summary)."""


class ErrorCase(Struct, frozen=True, kw_only=True, gc=False):
    class_name: str
    statuses: str


class Readme(Struct, frozen=True, kw_only=True, gc=False):
    package: str
    description: str | None
    summary: str | None
    external_docs: ir.ExternalDocs | None
    sdk_class: str
    var: str
    module: str
    usage: PyUsage | TsUsage | None
    async_usage: PyUsage | None
    security: str
    credential: str | None
    env_var: str | None
    resources: tuple[Resource, ...]
    retry_call: PyUsage | TsUsage | None
    retry_client: PyUsage | TsUsage | None
    default_retries: str | None
    error_usage: PyUsage | TsUsage | None
    error_method: str | None
    error_cases: tuple[ErrorCase, ...]
    error_table: str
    default_error: str
    servers: str
    server_url: str
    server_usage: PyUsage | TsUsage | None


def python_readme(api: ir.Api, config: Config) -> str:
    docs = PythonDocs(api, config)
    op, error_op = _example_ops(api)
    usage = docs.usage(op) if op else None
    error_usage = docs.usage(error_op, indent=8) if error_op else None
    retry_imports = (f"from {config.python_module}.utils import BackoffStrategy, RetryConfig",)
    server = _server_url(api)

    def error_class(m: ir.Model) -> str:
        return f"models.{m.name.python}"

    view = Readme(
        package=config.python_package, description=config.description or None, summary=_summary(api),
        external_docs=api.external_docs, sdk_class=docs.root, var=docs.var, module=config.python_module,
        usage=usage, async_usage=docs.usage(op, indent=8, method_suffix="_async") if op else None,
        security=_security_table(api, config, python_field), credential=_first_credential(api, python_field),
        env_var=_first_env(api, config),
        resources=_resources(api, lambda path: python_class(api, config, path), python_accessor, snake),
        retry_call=_py_extend(docs.usage(op, extra_args=(f"retries={_PY_RETRY}",)) if op else None, retry_imports),
        retry_client=_py_extend(usage, retry_imports, (f"retry_config={_PY_RETRY}",)),
        default_retries=_default_retries(api.retries),
        error_usage=_py_extend(error_usage, (f"from {config.python_module} import models",)),
        error_method=_method_path(error_usage.call if error_usage else None),
        error_cases=_error_cases(api, error_op, error_class),
        error_table=_error_table(api, error_op, error_class, f"models.{config.default_error_name}"),
        default_error=config.default_error_name, servers=_servers_table(api, "server_idx"),
        server_url=server, server_usage=_py_extend(usage, (), (f'server_url="{server}"',)),
    )
    return render("readme_python.md.jinja", doc=view)


def typescript_readme(api: ir.Api, config: Config) -> str:
    docs = TypeScriptDocs(api, config)
    op, error_op = _example_ops(api)
    usage = docs.usage(op) if op else None
    error_usage = docs.usage(error_op) if error_op else None
    server = _server_url(api)
    view = Readme(
        package=config.typescript_package, description=config.description or None, summary=_summary(api),
        external_docs=api.external_docs, sdk_class=docs.root, var=docs.var, module=config.typescript_package,
        usage=usage, async_usage=None,
        security=_security_table(api, config, typescript_field), credential=_first_credential(api, typescript_field),
        env_var=_first_env(api, config),
        resources=_resources(api, lambda path: typescript_class(config, path), typescript_accessor, camel),
        retry_call=docs.usage(op, extra_args=(_TS_RETRY_OPTIONS,)) if op else None,
        retry_client=_ts_extend(usage, (f"retryConfig: {_TS_RETRY}",)),
        default_retries=_default_retries(api.retries),
        error_usage=error_usage, error_method=_method_path(error_usage.call if error_usage else None),
        error_cases=_error_cases(api, error_op, lambda m: m.name.typescript),
        error_table=_error_table(api, error_op, lambda m: f"errors.{m.name.typescript}",
                                 f"errors.{config.default_error_name}"),
        default_error=config.default_error_name, servers=_servers_table(api, "serverIdx"),
        server_url=server, server_usage=_ts_extend(usage, (f'serverURL: "{server}"',)),
    )
    return render("readme_typescript.md.jinja", doc=view)


def _example_ops(api: ir.Api) -> tuple[ir.Operation | None, ir.Operation | None]:
    ops = api.operations
    returns = [op for op in ops if (r := success(op)) is not None and not is_stream(r)]
    first = returns[0] if returns else ops[0] if ops else None
    with_error = next((op for op in ops if error_rows(api, op)), first)
    return first, with_error


def _method_path(call: str | None) -> str | None:
    """``orq.sessions.get`` of a call expression."""
    return call.split("(", 1)[0] if call else None


def _summary(api: ir.Api) -> str | None:
    return ": ".join(p for p in (api.title, api.description) if p) or None


def _py_extend(usage: PyUsage | None, imports: tuple[str, ...], client_args: tuple[str, ...] = ()) -> PyUsage | None:
    """A snippet with more imports or constructor arguments (in front)."""
    if usage is None:
        return None
    return structs.replace(usage, imports=tuple(sorted({*usage.imports, *imports})),
                               client_args=client_args + usage.client_args)


def _ts_extend(usage: TsUsage | None, client_args: tuple[str, ...]) -> TsUsage | None:
    if usage is None:
        return None
    return structs.replace(usage, client_args=client_args + usage.client_args)


def _security_table(api: ir.Api, config: Config, name_of: Callable[[str], str]) -> str:
    if not api.security_schemes:
        return ""
    rows = [[f"`{name_of(s.key)}`", s.type, _scheme_text(s),
             f"`{env_var(config, s.key)}`" if config.env_var_prefix else "-"] for s in api.security_schemes]
    return render_table(["Name", "Type", "Scheme", "Environment Variable"], rows)


def _scheme_text(s: ir.SecurityScheme) -> str:
    if s.type == "http" and s.scheme:
        return f"HTTP {s.scheme.capitalize()}"
    if s.type == "apiKey":
        return f"API key in {s.location or 'header'} `{s.parameter_name or s.key}`"
    return s.scheme or s.type


def _first_credential(api: ir.Api, name_of: Callable[[str], str]) -> str | None:
    return name_of(api.security_schemes[0].key) if api.security_schemes else None


def _first_env(api: ir.Api, config: Config) -> str | None:
    if not api.security_schemes or not config.env_var_prefix:
        return None
    return env_var(config, api.security_schemes[0].key)


def _resources(api: ir.Api, class_of: Callable[[tuple[str, ...]], str], accessor_of: Callable[[tuple[str, ...]], str],
               method_of: Callable[[str], str]) -> tuple[Resource, ...]:
    out = []
    for group in _tree_order(groups(api)):
        cls = class_of(group.path)
        doc = f"docs/sdks/{cls.lower()}/README.md"
        ops = tuple((method_of(op.method_name), anchor(method_of(op.method_name)),
                     op.summary or op.description or "") for op in group.operations)
        heading = accessor_of(group.path) if group.path else f"{cls} SDK"
        out.append(Resource(heading=heading, level="####" if len(group.path) > 1 else "###", doc=doc, operations=ops))
    return tuple(out)


def _tree_order(found: tuple[Group, ...]) -> list[Group]:
    """The root class first, then each top-level class followed by the
    classes nested in it, in order of first appearance."""
    first: dict[tuple[str, ...], int] = {}
    for i, group in enumerate(found):
        for depth in range(len(group.path) + 1):
            first.setdefault(group.path[:depth], i)
    return sorted(found, key=lambda g: [first[g.path[:d]] for d in range(len(g.path) + 1)])


def _default_retries(policy: ir.RetryPolicy | None) -> str | None:
    if policy is None or policy.strategy != "backoff":
        return None
    codes = ", ".join(policy.status_codes) or "no status code"
    return (f"exponential backoff from {policy.initial_interval} ms up to {policy.max_interval} ms between "
            f"attempts (factor {policy.exponent}), for at most {policy.max_elapsed_time} ms, on {codes}")


def _error_cases(api: ir.Api, op: ir.Operation | None, name_of: Callable[[ir.Model], str]) -> tuple[ErrorCase, ...]:
    if op is None:
        return ()
    return tuple(ErrorCase(class_name=name_of(r.model), statuses=", ".join(r.statuses)) for r in error_rows(api, op))


def _error_table(api: ir.Api, op: ir.Operation | None, name_of: Callable[[ir.Model], str], default: str) -> str:
    rows = [] if op is None else [(name_of(r.model), ", ".join(r.statuses), r.content_type)
                                  for r in error_rows(api, op)]
    return errors_table(rows, default)


def _servers_table(api: ir.Api, index_arg: str) -> str:
    if not api.servers:
        return ""
    described = any(s.description for s in api.servers)
    rows = [[f"{i}", f"`{s.url}`"] + ([s.description or ""] if described else [])
            for i, s in enumerate(api.servers)]
    return render_table([index_arg, "Server"] + (["Description"] if described else []), rows)


def _server_url(api: ir.Api) -> str:
    return api.servers[0].url if api.servers else "https://api.example.com"
