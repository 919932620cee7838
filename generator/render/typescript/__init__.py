"""The TypeScript models target: ``ir.Api`` -> a file plan under ``typescript/``.

Contract:
- ``render(api, config)`` returns ``{posix path: text}``, sorted by path, all
  under ``typescript/``; pure and deterministic (same IR, same bytes).
- One module per model in ``src/models/<namespace>/<lowercased name>.ts``
  exporting the type ``X``, ``X$inboundSchema`` (wire JSON -> model),
  ``X$Outbound`` (wire shape), ``X$outboundSchema`` (model -> wire) and,
  for objects and unions, ``xToJSON`` / ``xFromJSON``.  Each namespace has an
  ``index.ts`` barrel; a small runtime lives in ``src/lib`` and ``src/types``.
- Error-response bodies in ``errors`` are throwable classes, beside the SDK's
  own error classes (``errors.py``); the client (``typescript_client``) throws them.
- The package is ESM (``"type": "module"``, NodeNext resolution, ``.js``
  import suffixes) and depends on zod; gen.yaml ``zodVersion`` picks the
  import path and API (``zod_flavor.py``).
- Docs (``typescript/docs``) belong to the Markdown target, not this one.
"""

from __future__ import annotations

from functools import lru_cache

import jinja2

from generator import ir
from generator.config import Config
from generator.render.env import environment
from generator.render.ts_layout import TsLayout
from generator.render.typescript.errors import check_error_names, error_class_ids, error_class_view, runtime_errors
from generator.render.typescript.escape import jsdoc, ts_key, ts_object_key, ts_string
from generator.render.typescript.graph import cyclic_refs
from generator.render.typescript.views import NAMESPACES, model_path, model_view
from generator.render.typescript.zod_flavor import ZodFlavor

__all__ = ["render"]

ROOT = "typescript"
_RUNTIME = {
    "src/lib/primitives.ts": "primitives.ts.jinja",
    "src/lib/json.ts": "json.ts.jinja",
    "src/types/enums.ts": "enums.ts.jinja",
}


def render(api: ir.Api, config: Config) -> dict[str, str]:
    env = _environment()
    zod = ZodFlavor.of(config)
    plan: dict[str, str] = {}
    lazy = cyclic_refs(api)
    stems: dict[str, list[str]] = {ns: [] for ns in NAMESPACES}
    check_error_names(api, config)
    throwable = error_class_ids(api)
    for model in api.models:
        view = model_view(api, model, config, lazy[model.id])
        if model.id in throwable:
            err = error_class_view(api, model, view)
            plan[view.path] = env.get_template("error.ts.jinja").render(err=err, zod=zod)
        else:
            plan[view.path] = env.get_template(f"{view.kind}.ts.jinja").render(view=view, zod=zod)
        stems[view.namespace].append(view.stem)
    for stem, template in runtime_errors(config).items():
        plan[model_path("errors", stem)] = env.get_template(template).render(name=config.default_error_name, zod=zod)
        stems["errors"].append(stem)
    for ns, names in stems.items():
        index = env.get_template("index.ts.jinja").render(stems=sorted(names))
        plan[f"{ROOT}/src/models/{ns}/index.ts"] = index
    for path, template in _RUNTIME.items():
        plan[f"{ROOT}/{path}"] = env.get_template(template).render(zod=zod)
    plan[f"{ROOT}/package.json"] = env.get_template("package.json.jinja").render(
        config=config, zod=zod, exports=_namespace_exports(TsLayout.of(config))
    )
    plan[f"{ROOT}/tsconfig.json"] = env.get_template("tsconfig.json.jinja").render()
    # A second build of the same sources to CommonJS (dist/cjs), for `require`.
    plan[f"{ROOT}/tsconfig.cjs.json"] = env.get_template("tsconfig.cjs.json.jinja").render()
    return dict(sorted(plan.items()))


def _namespace_exports(layout: TsLayout) -> list[tuple[str, str]]:
    """Package subpath -> source directory of each namespace.  The sources
    stay in ``src/models/<namespace>``; a configured import path (``models``
    for the shared models) is the subpath the docs import from, so it is
    exported too."""
    exports = {f"models/{ns}": f"models/{ns}" for ns in NAMESPACES}
    exports.setdefault(layout.import_path("components"), "models/components")
    return list(exports.items())


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    # An overlay, with a fresh filter dict: the base environment is shared
    # with other renderers and must not see these filters.
    env = environment("typescript").overlay()
    env.filters = {
        **env.filters,
        "ts_string": ts_string,
        "ts_key": ts_key,
        "ts_object_key": ts_object_key,
        "jsdoc": jsdoc,
    }
    return env
