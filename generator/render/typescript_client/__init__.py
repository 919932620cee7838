"""The TypeScript client: ``ir.Api`` -> the SDK classes and their runtime.

Contract:
- ``render(api, config)`` returns ``{posix path: text}`` under
  ``typescript/src``: the root class ``src/sdk/sdk.ts`` (``new Orq({...})``,
  from ``config.sdk_class_name``), one sub-SDK per group
  (``src/sdk/<class>.ts``, reached as ``orq.deployments.metrics``), the
  runtime in ``src/lib`` (fetch transport, parameter and body encodings,
  security, retries, server-sent events) and the entry point ``src/index.ts``.
  Pure and deterministic.
- Every operation is a standalone function ``src/funcs/<name>.ts``
  (``sessionsCreate(client, request?, options?)``, named as the docs name
  it, see ``funcs``) returning a ``Result`` (``src/types/fp.ts``): the
  request is encoded with the models' outbound zod schemas, responses are
  parsed with their inbound schemas, documented error bodies become the
  error classes of ``models/errors`` and anything else
  ``config.default_error_name``; validation and transport errors are
  results too.  Its client is ``{Sdk}Core`` (``src/core.ts``), which the
  root class extends.  Every SDK method (``async name(request?,
  options?)``) calls its function and throws the error of a failed result:
  one implementation, two entry points.
- Models, the ``models/errors`` namespace (error classes included) and
  ``package.json`` (whose ``exports`` map ``./core.js`` and
  ``./funcs/*.js`` to these files) belong to the models target
  (``render.typescript``), which always runs beside this one.
"""

from __future__ import annotations

import re
from functools import lru_cache

import jinja2

from msgspec import Struct

from generator import ir
from generator.config import Config
from generator.render.env import environment
from generator.render.typescript.errors import error_class_ids
from generator.render.typescript.escape import jsdoc, ts_key, ts_object_key, ts_string
from generator.render.typescript.types import Scope
from generator.render.ts_layout import TsLayout
from generator.render.typescript.views import module_stem
from generator.render.typescript.zod_flavor import ZodFlavor
from generator.render.typescript_client.funcs import core_class_name, function_names
from generator.render.typescript_client.operations import MethodView, method_view
from generator.render.typescript_client.options import OptionsView, options_view
from generator.render.typescript_client.tree import (
    RUNTIME_NAMES,
    Node,
    build_tree,
    sdk_class_name,
)

__all__ = ["render"]

ROOT = "typescript/src"
_NAMESPACE_REF = re.compile(r"(?<![\w$.])(components|operations|errors)\.")
_RUNTIME = {
    "lib/http.ts": "http.ts.jinja",
    "lib/retries.ts": "retries.ts.jinja",
    "lib/encodings.ts": "encodings.ts.jinja",
    "lib/event-streams.ts": "event-streams.ts.jinja",
    "lib/sdks.ts": "sdks.ts.jinja",
    "types/fp.ts": "fp.ts.jinja",
}
# What a func file imports from lib/sdks.js per response kind.
_READERS = {"json": "readJSON", "error_class": "readJSON", "sse": "readEvents", "text": "readText",
            "binary": "readBinary", "void": "readVoid"}
# Every error a standalone function can return besides the operation's own.
_CLIENT_ERRORS = ("SDKValidationError", "UnexpectedClientError", "InvalidRequestError", "RequestAbortedError",
                  "RequestTimeoutError", "ConnectionError")


class Getter(Struct, frozen=True, gc=False):
    name: str
    class_name: str
    stem: str


class SdkView(Struct, frozen=True, gc=False):
    class_name: str
    core: str
    is_root: bool
    description: str | None
    getters: tuple[Getter, ...]
    methods: tuple[MethodView, ...]

    @property
    def uses_event_stream(self) -> bool:
        return any(m.uses_event_stream for m in self.methods)

    @property
    def runtime_imports(self) -> list[str]:
        base = [] if self.is_root else ["ClientSDK"]
        return base + (["type RequestOptions"] if self.methods else [])

    @property
    def namespaces(self) -> list[str]:
        """The model namespaces of the methods' signatures, sorted."""
        text = "\n".join(t for m in self.methods for t in m.signature_types)
        return _namespaces(text)


class FuncView(Struct, frozen=True, gc=False):
    method: MethodView
    core: str
    default_error: str

    @property
    def helpers(self) -> list[str]:
        """The response readers of ``lib/sdks.js`` the function calls."""
        readers = {_READERS[c.kind] for c in self.method.cases if c.kind in _READERS}
        return sorted(readers | ({"responseHeaders"} if self.method.wrapper else set()))

    @property
    def errors(self) -> tuple[str, ...]:
        """The error union of the result: the operation's, the catch-all, the client's."""
        runtime = tuple(f"errors.{name}" for name in (self.default_error, *_CLIENT_ERRORS))
        return tuple(dict.fromkeys(self.method.error_types + runtime))

    @property
    def namespaces(self) -> list[str]:
        return _namespaces("\n".join((*self.method.expressions, *self.errors)))


def _namespaces(text: str) -> list[str]:
    return sorted(set(_NAMESPACE_REF.findall(text)))


def render(api: ir.Api, config: Config) -> dict[str, str]:
    env = _environment()
    zod = ZodFlavor.of(config)
    opts = options_view(api, config)
    root = build_tree(api, sdk_class_name(config.sdk_class_name))
    core = core_class_name(config)
    functions = function_names(api)
    plan: dict[str, str] = {}
    for node in root.walk():
        view = _sdk_view(api, node, opts, core, functions, zod)
        plan[f"{ROOT}/sdk/{node.stem}.ts"] = env.get_template("client/sdk.ts.jinja").render(view=view, zod=zod)
        for method in view.methods:
            func = FuncView(method=method, core=core, default_error=config.default_error_name)
            plan[f"{ROOT}/funcs/{method.function}.ts"] = env.get_template("client/func.ts.jinja").render(view=func, zod=zod)
    context = {
        "opts": opts, "config": config, "api": api, "root": root.class_name, "core": core,
        "default_error": config.default_error_name, "zod": zod,
        "default_error_stem": module_stem(config.default_error_name, TsLayout.of(config)),
    }
    for path, template in _RUNTIME.items():
        plan[f"{ROOT}/{path}"] = env.get_template(f"client/{template}").render(**context)
    plan[f"{ROOT}/core.ts"] = env.get_template("client/core.ts.jinja").render(**context)
    plan[f"{ROOT}/lib/config.ts"] = env.get_template("client/config.ts.jinja").render(**context)
    plan[f"{ROOT}/lib/security.ts"] = env.get_template("client/security.ts.jinja").render(**context)
    plan[f"{ROOT}/sdk/index.ts"] = env.get_template("client/sdk-index.ts.jinja").render(**context)
    plan[f"{ROOT}/index.ts"] = env.get_template("client/index.ts.jinja").render(**context)
    return dict(sorted(plan.items()))


def _sdk_view(
    api: ir.Api, node: Node, opts: OptionsView, core: str, functions: dict[str, str], zod: ZodFlavor
) -> SdkView:
    # Names bound in the SDK or func file that could shadow globals used by expressions.
    taken = frozenset({node.class_name, core} | {child.class_name for _, child in node.children} | RUNTIME_NAMES)
    scope = Scope(api=api, namespace="", taken=taken, lazy=frozenset(), zod=zod)
    throwable = error_class_ids(api)
    globals_ = {g.wire_name: g.option for g in opts.globals}
    schemes = tuple(c.key for c in opts.credentials)
    methods = tuple(
        method_view(api, op, name, functions[op.id], scope, throwable, globals_, schemes)
        for name, op in node.operations
    )
    getters = tuple(Getter(name=name, class_name=child.class_name, stem=child.stem) for name, child in node.children)
    return SdkView(
        class_name=node.class_name, core=core, is_root=not node.path,
        description=api.description if not node.path else None, getters=getters, methods=methods,
    )


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    # An overlay with its own filter dict, as the models renderer does.
    env = environment("typescript").overlay()
    env.filters = {
        **env.filters,
        "ts_string": ts_string,
        "ts_key": ts_key,
        "ts_object_key": ts_object_key,
        "jsdoc": jsdoc,
        "method_doc": method_doc,
    }
    return env


def method_doc(m: MethodView, indent: str = "  ") -> str:
    """The JSDoc of a method: summary, then the description under ``@remarks``."""
    parts = [p for p in (m.summary, m.description) if p and p.strip()]
    if len(parts) == 2 and parts[0].strip() != parts[1].strip():
        text = f"{parts[0]}\n\n@remarks\n{parts[1]}"
    else:
        text = parts[0] if parts else ""
    return jsdoc(text, indent=indent, deprecated=m.deprecated)
