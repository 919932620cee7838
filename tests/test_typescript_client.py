"""The TypeScript client: file plan and names, ``tsc --strict``, and the
compiled client under node against Prism and a recording server.

The node tests need node and npm (``node_env`` installs typescript and zod,
``prism`` the mock server, both into ``.node-cache/``) and skip without them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

import node_env
import pytest
from conftest import shared_path
from prism import prism_sessions  # noqa: F401  (a fixture)

from generator import ir
from generator.config import Config, build, from_file, from_pyproject
from generator.diagnostics import Sink, SpecError
from generator.loader import load
from generator.normalize import normalize
from generator.render import typescript, typescript_client
from generator.render.markdown.sdk_typescript import TypeScriptDocs
from generator.render.typescript_client.funcs import core_class_name, function_names
from generator.render.typescript_client.options import env_var, options_view
from generator.render.typescript_client.tree import (
    build_tree,
    member_name,
    sdk_class_name,
)

ROOT = Path(__file__).resolve().parents[1]


# ---------------------------------------------------------------- fixtures


def load_api(spec: Path, config: Config) -> ir.Api:
    ws = load(spec)
    return normalize(ws, config, Sink(locator=ws.locate_all))


@lru_cache(maxsize=1)
def sessions() -> tuple[ir.Api, Config]:
    config = build(from_pyproject(ROOT / "pyproject.toml"))
    return load_api(ROOT / "specs" / "sessions.yaml", config), config


def package_plan(api: ir.Api, config: Config) -> dict[str, str]:
    return {**typescript.render(api, config), **typescript_client.render(api, config)}


@pytest.fixture(scope="session")
def node_modules() -> Path:
    return node_env.node_modules()


def write_package(plan: dict[str, str], out: Path, modules: Path) -> Path:
    for rel, text in plan.items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    package = out / "typescript"
    node_env.link_node_modules(package, modules)
    return package


def assert_tsc(package: Path, modules: Path, *args: str) -> None:
    done = node_env.tsc(package, modules, "--strict", *args)
    assert done.returncode == 0, done.stdout[-5000:] + done.stderr[-2000:]


def run_node(package: Path, script: str, env: dict[str, str]) -> None:
    (package / "check.mjs").write_text(script, encoding="utf-8")
    base = {k: v for k, v in os.environ.items() if not k.endswith("_API_KEY")}
    done = subprocess.run(["node", "check.mjs"], cwd=package, capture_output=True, text=True, timeout=120,
                          env={**base, **env})
    assert done.returncode == 0, done.stdout + done.stderr


# ------------------------------------------------------------- file plan


def test_plan_layout_and_public_names() -> None:
    api, config = sessions()
    plan = typescript_client.render(api, config)
    assert all(p.startswith("typescript/src/") for p in plan)
    for rel in ("sdk/sdk.ts", "sdk/sessions.ts", "sdk/metrics.ts", "lib/http.ts", "lib/retries.ts",
                "lib/sdks.ts", "lib/config.ts", "lib/security.ts", "index.ts", "core.ts", "types/fp.ts",
                "funcs/sessionsGet.ts", "funcs/sessionsMetricsCreate.ts"):
        assert f"typescript/src/{rel}" in plan
    assert "export class OrqCore extends ClientSDK {}" in plan["typescript/src/core.ts"]
    root = plan["typescript/src/sdk/sdk.ts"]
    assert "export class Orq extends OrqCore {" in root and "get sessions(): Sessions {" in root
    group = plan["typescript/src/sdk/sessions.ts"]
    assert "get metrics(): Metrics {" in group
    for method in ("create", "delete", "get", "update", "list"):
        assert f"  async {method}(\n" in group
    assert "request?: operations.CreateSessionRequestBody | undefined," in group
    assert "request: operations.GetSessionRequest,\n" in group
    assert "): Promise<void> {" in group  # delete: 204 only
    # One implementation: the method unwraps the standalone function's result.
    assert "return unwrap(await sessionsGet(this, request, options));" in group
    get = plan["typescript/src/funcs/sessionsGet.ts"]
    assert "export async function sessionsGet(\n  client: OrqCore,\n  request: operations.GetSessionRequest," in get
    assert "return ERR(await readJSON(http, errors.HonoApiError$inboundSchema));" in get
    assert "    operations.GetSessionResponseBody,\n    | errors.HonoApiError\n    | errors.APIError\n" in get
    security = plan["typescript/src/lib/security.ts"]
    assert '"ORQ_API_KEY"' in security and "options.apiKey" in security
    models = typescript.render(api, config)
    error = models["typescript/src/models/errors/honoapierror.ts"]
    assert "export class HonoApiError extends Error {" in error and "export type HonoApiErrorData = {" in error
    assert 'export * from "./apierror.js";' in models["typescript/src/models/errors/index.ts"]
    assert json.loads(models["typescript/package.json"])["exports"]["."]["default"] == "./dist/index.js"


def test_render_is_deterministic_across_hash_seeds() -> None:
    code = (
        "import hashlib, sys; sys.path.insert(0, 'tests');"
        "from test_typescript_client import sessions; from generator.render import typescript_client;"
        "print(hashlib.sha256(repr(sorted(typescript_client.render(*sessions()).items())).encode()).hexdigest())"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2")
    }
    assert len(digests) == 1


def _op(name: str, group: tuple[str, ...], method_name: str) -> ir.Operation:
    return ir.Operation(id=f"#/{name}", name=name, operation_id=name, method="get", path=f"/{name}",
                        group=group, method_name=method_name, parameters=(), responses=())


def _api(*ops: ir.Operation, schemes: tuple[ir.SecurityScheme, ...] = ()) -> ir.Api:
    return ir.Api(title="t", version="1", description=None, servers=(), security_schemes=schemes,
                  operations=ops, models=())


def test_tree_names_are_unique_and_never_reserved() -> None:
    api = _api(
        _op("A", ("deployments",), "list"), _op("B", ("deployments", "metrics"), "create"),
        _op("C", ("deployments",), "metrics"), _op("D", ("deployments",), "list"),
        _op("E", ("other", "metrics"), "x"), _op("F", ("client_sdk",), "y"), _op("G", (), "constructor"),
        _op("H", ("Sdk",), "z"), _op("I", (), "PostV2Count"),
    )
    root = build_tree(api, sdk_class_name("orq"))
    assert root.class_name == "Orq"
    assert [name for name, _ in root.operations] == ["constructor$", "postV2Count"]
    deployments = root.children[0][1]
    assert [g for g, _ in deployments.children] == ["metrics"]
    assert [m for m, _ in deployments.operations] == ["list", "metrics2", "list2"]
    classes = [n.class_name for n in root.walk()]
    assert classes == ["Orq", "Deployments", "Metrics", "Other", "OtherMetrics", "ClientSdkSDK", "SdkSDK"]
    assert len({c.lower() for c in classes}) == len(classes)
    assert sdk_class_name("event stream") == "EventStreamSDK"
    used: list[str] = []
    assert [member_name(n, used) for n in ("2fa", "", "a-b", "aB")] == ["call2fa", "call", "aB", "aB2"]


def test_options_credentials_and_env_vars() -> None:
    schemes = (
        ir.SecurityScheme(key="ApiKey", type="http", scheme="bearer"),
        ir.SecurityScheme(key="timeout_ms", type="apiKey", location="query", parameter_name="key"),
        ir.SecurityScheme(key="basic", type="http", scheme="basic"),
        ir.SecurityScheme(key="tls", type="mutualTLS"),
    )
    view = options_view(_api(schemes=schemes), Config(env_var_prefix="ORQ"))
    assert [(c.option, c.kind, c.env) for c in view.credentials] == [
        ("apiKey", "bearer", "ORQ_API_KEY"), ("timeoutMs2", "query", "ORQ_TIMEOUT_MS"),
        ("basic", "basic", "ORQ_BASIC"),
    ]
    assert env_var("", "ApiKey") == "API_KEY"


def test_error_model_clashing_with_the_catch_all_is_reported() -> None:
    model = ir.Model(id="#/e", name=ir.ModelName(python="APIError", typescript="APIError", ts_namespace="errors"),
                     body=ir.Object(fields=()), role="error", owner="x")
    api = ir.Api(title="t", version="1", description=None, servers=(), security_schemes=(), operations=(),
                 models=(model,))
    with pytest.raises(SpecError) as info:
        typescript.render(api, Config())
    assert info.value.diagnostics[0].code == "SG042"
    typescript.render(api, Config(default_error_name="SDKError"))  # the way out


# ------------------------------------------------------------- tsc

def test_sessions_client_compiles_strict(node_modules: Path, tmp_path: Path) -> None:
    package = write_package(package_plan(*sessions()), tmp_path, node_modules)
    assert_tsc(package, node_modules, "--noEmit")


def test_orq_client_compiles_strict(node_modules: Path, tmp_path: Path) -> None:
    spec = shared_path("specs", "orq-2025-04-18.yaml")
    config = build(from_file(shared_path("golden", "orq-typescript", "gen.yaml")))
    api = load_api(spec, config)
    plan = package_plan(api, config)
    assert "typescript/src/sdk/memorystores.ts" in plan
    deployments = plan["typescript/src/sdk/deployments.ts"]
    assert "Promise<EventStream<operations.DeploymentStreamResponseBody>>" in deployments
    assert "client._options.contactId" in plan["typescript/src/funcs/deploymentsInvoke.ts"]  # a global header
    package = write_package(plan, tmp_path, node_modules)
    assert_tsc(package, node_modules, "--noEmit")


KITCHEN_SPEC = r"""
openapi: 3.1.0
info: {title: K, version: "1", description: "Ends */ here; \"q\" `t` ${x}"}
servers: [{url: "https://example.invalid/base/"}]
paths:
  /date/{id}:
    get:
      operationId: "get-thing"
      x-speakeasy-group: Date
      summary: "Sum */ mary"
      description: "Desc \"quoted\" \u2028 line"
      deprecated: true
      parameters:
        - {name: id, in: path, required: true, style: label, schema: {type: integer}}
        - {name: "x-odd\"name", in: header, schema: {type: string, format: date-time}}
        - {name: sess, in: cookie, schema: {type: string}}
      responses:
        "200": {description: ok, content: {application/json: {schema: {type: array, items: {$ref: "#/components/schemas/Thing"}}}}}
        "204": {description: none}
        "4XX": {description: bad, content: {application/json: {schema: {$ref: "#/components/schemas/Oops"}}}}
        default: {description: err}
  /text:
    get:
      operationId: constructor
      responses:
        "200": {description: ok, content: {text/plain: {schema: {type: string}}}}
  /bin:
    get:
      operationId: download
      x-speakeasy-group: Date
      responses:
        "200": {description: ok, content: {application/octet-stream: {schema: {type: string, format: binary}}}}
  /only-errors:
    post:
      operationId: onlyErrors
      requestBody: {content: {text/plain: {schema: {type: string}}}}
      responses:
        "500": {description: bad, content: {application/json: {schema: {$ref: "#/components/schemas/Oops"}}}}
  /del:
    delete:
      operationId: delete
      responses:
        "204": {description: gone}
  /errs:
    get:
      operationId: errors
      responses:
        "204": {description: none}
  /sse:
    get:
      operationId: events
      x-speakeasy-retries: {strategy: none}
      responses:
        "200": {description: ok, content: {text/event-stream: {schema: {$ref: "#/components/schemas/Thing"}}}}
components:
  securitySchemes:
    basic: {type: http, scheme: basic}
    q: {type: apiKey, in: query, name: "api key"}
    c: {type: apiKey, in: cookie, name: tok}
  schemas:
    Thing: {type: object, properties: {id: {type: integer}}}
    Oops:
      type: object
      properties: {message: {type: string}, name: {type: integer}, stack: {type: string}, "my-key": {type: string}}
      required: [name]
"""


def test_kitchen_sink_client_compiles_strict(node_modules: Path, tmp_path: Path) -> None:
    """Spec strings that could break out of literals and comments, a group
    that shadows a global, every response kind, an error body with fields
    named like `Error` members."""
    spec = tmp_path / "kitchen.yaml"
    spec.write_text(KITCHEN_SPEC, encoding="utf-8")
    config = Config(sdk_class_name="kitchen", env_var_prefix="K")
    plan = package_plan(load_api(spec, config), config)
    date = plan["typescript/src/sdk/date.ts"]
    assert "export class Date extends ClientSDK {" in date
    assert "): Promise<Array<components.Thing> | undefined> {" in date
    assert " * Sum *\\/ mary" in date and "@deprecated" in date
    root = plan["typescript/src/sdk/sdk.ts"]
    assert "async constructor$(" in root and "Promise<EventStream<components.Thing>>" in root
    events = plan["typescript/src/funcs/events.ts"]
    assert 'return OK(readEvents(http, components.Thing$inboundSchema, "data"));' in events
    # Function names that would not compile, or would clash with an import, are changed.
    assert {"funcs/delete$.ts", "funcs/errors$.ts", "funcs/dateGetThing.ts"} <= {p[15:] for p in plan}
    oops = plan["typescript/src/models/errors/oops.ts"]
    props = oops.split("export class Oops extends Error {")[1].split("constructor(")[0]
    assert "  myKey?: string | undefined;" in props and "name" not in props and "stack" not in props
    package = write_package(plan, tmp_path / "out", node_modules)
    assert_tsc(package, node_modules, "--noEmit")


def test_kitchen_sink_client_compiles_strict_with_zod_v4_mini(tmp_path: Path) -> None:
    # every response kind, an optional text body and error classes, in the mini build's spelling
    modules = node_env.zod4_modules()
    spec = tmp_path / "kitchen.yaml"
    spec.write_text(KITCHEN_SPEC, encoding="utf-8")
    config = Config(sdk_class_name="kitchen", env_var_prefix="K", zod_version="v4-mini")
    plan = package_plan(load_api(spec, config), config)
    assert "encode(request, z.optional(z.string()))" in plan["typescript/src/funcs/onlyErrors.ts"]
    assert 'import * as z from "zod/v4-mini";' in plan["typescript/src/lib/sdks.ts"]
    package = write_package(plan, tmp_path / "out", modules)
    assert_tsc(package, modules, "--noEmit")


# --------------------------------------------------- node against Prism

PRISM_SCRIPT = r"""
import assert from "node:assert/strict";
import { Orq } from "./dist/index.js";
import * as errors from "./dist/models/errors/index.js";

const serverURL = process.env.SERVER_URL;
const orq = new Orq({ serverURL, apiKey: "test-key" });

const created = await orq.sessions.create({
  externalId: "ext-1", duration: 12.5, contactIds: ["c1", "c2"],
  billing: { inputCost: 0.5, outputCost: 1.25, totalCost: 1.75 },
  usage: { promptTokens: 10, completionTokens: 20, totalTokens: 30 },
  tracesCount: 3, tags: ["a"], projectId: null, startedAt: new Date(Date.UTC(2024, 4, 1)),
});
assert.equal(typeof created.id, "string");
assert.equal(typeof created.billing.totalCost, "number");
assert.ok(created.startedAt instanceof Date);
assert.ok(!("external_id" in created));

const got = await orq.sessions.get({ sessionId: "s-1" });
assert.equal(typeof got.externalId, "string");
assert.ok(Array.isArray(got.contactIds));

const updated = await orq.sessions.update({ sessionId: "s-1", requestBody: { duration: 5, tags: ["b"] } });
assert.equal(typeof updated.workspaceId, "string");

assert.equal(await orq.sessions.delete({ sessionId: "s-1" }), undefined);

const list = await orq.sessions.list({
  pagination: { page: 1, limit: 10, lastId: null },
  sortingProps: [{ key: "started_at", direction: "desc" }],
  query: { search: "x", operator: "and" },
});
assert.equal(list.object, "list");
assert.ok(Array.isArray(list.data) && typeof list.hasMore === "boolean");
assert.ok(list.data.every((s) => s.startedAt === undefined || s.startedAt instanceof Date));

const metric = await orq.sessions.metrics.create({
  sessionId: "s-1", requestBody: { usage: { promptTokens: 1, completionTokens: 2 } },
});
assert.equal(typeof metric.success, "boolean");

// A documented 404 is thrown as its typed error, carrying the parsed body.
await assert.rejects(
  orq.sessions.get({ sessionId: "s-1" }, { fetchOptions: { headers: { Prefer: "code=404" } } }),
  (err) => err instanceof errors.HonoApiError && typeof err.data$.message === "string"
    && err.message === err.data$.message,
);
// Without credentials Prism answers 401, which the spec does not document.
await assert.rejects(
  new Orq({ serverURL }).sessions.get({ sessionId: "s-1" }),
  (err) => err instanceof errors.APIError && err.statusCode === 401 && err.headers instanceof Headers,
);
// Invalid input never leaves the client.
await assert.rejects(orq.sessions.get({}), (err) => err instanceof errors.SDKValidationError);
console.log("prism ok");
"""


@pytest.fixture(scope="module")
def sessions_js(node_modules: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    package = write_package(package_plan(*sessions()), tmp_path_factory.mktemp("sessions"), node_modules)
    assert_tsc(package, node_modules)
    return package


def test_sessions_client_against_prism(sessions_js: Path, prism_sessions: str) -> None:  # noqa: F811
    run_node(sessions_js, PRISM_SCRIPT, {"SERVER_URL": prism_sessions})


# ------------------------------------- standalone functions, as documented

STANDALONE_SCRIPT = r"""
import { OrqCore } from "@orq-ai/node/core.js";
import { sessionsGet } from "@orq-ai/node/funcs/sessionsGet.js";
import { sessionsMetricsCreate } from "@orq-ai/node/funcs/sessionsMetricsCreate.js";
import * as errors from "@orq-ai/node/models/errors";

declare const process: { env: Record<string, string | undefined> };
function check(condition: boolean, what: string): void {
  if (!condition) {
    throw new Error(`failed: ${what}`);
  }
}
const serverURL = process.env["SERVER_URL"];
const orq = new OrqCore({ serverURL, apiKey: "test-key" });

const res = await sessionsGet(orq, { sessionId: "s-1" });
if (!res.ok) {
  throw res.error;
}
check(typeof res.value.externalId === "string", "parsed value");
check(res.value.startedAt === undefined || res.value.startedAt instanceof Date, "dates parsed");

const metric = await sessionsMetricsCreate(orq, {
  sessionId: "s-1", requestBody: { usage: { promptTokens: 1, completionTokens: 2 } },
});
check(metric.ok && typeof metric.value.success === "boolean", "nested group function");

// A documented 404 is a failed result carrying the typed error, not a throw.
const missing = await sessionsGet(orq, { sessionId: "s-1" }, { fetchOptions: { headers: { Prefer: "code=404" } } });
check(!missing.ok, "404 not ok");
if (!missing.ok) {
  // The error union is the operation's error, the catch-all and the client's.
  const e: errors.HonoApiError | errors.APIError | errors.SDKValidationError | errors.ConnectionError
    | errors.UnexpectedClientError | errors.InvalidRequestError | errors.RequestAbortedError
    | errors.RequestTimeoutError = missing.error;
  check(e instanceof errors.HonoApiError && typeof e.data$.message === "string", "typed 404");
}
// Undocumented status, invalid input and a refused connection: results too.
const anonymous = await sessionsGet(new OrqCore({ serverURL }), { sessionId: "s-1" });
check(!anonymous.ok && anonymous.error instanceof errors.APIError && anonymous.error.statusCode === 401, "401");
const invalid = await sessionsGet(orq, {} as { sessionId: string });
check(!invalid.ok && invalid.error instanceof errors.SDKValidationError, "invalid input");
const refused = await sessionsGet(new OrqCore({ serverURL: "http://127.0.0.1:9", apiKey: "k" }), { sessionId: "s" });
check(!refused.ok && refused.error instanceof errors.ConnectionError, "refused connection");
console.log("standalone ok");
"""

CHECK_TSCONFIG = {
    "extends": "./tsconfig.json",
    "compilerOptions": {"rootDir": "check", "outDir": "check-dist", "declaration": False, "sourceMap": False,
                        "types": []},
    "include": ["check"],
}


def standalone_snippets(readme: str) -> list[str]:
    """The code blocks under each ``### Standalone function`` heading."""
    sections = readme.split("### Standalone function")[1:]
    return [section.split("```typescript\n", 1)[1].split("```", 1)[0] for section in sections]


def test_function_names_are_the_documented_ones() -> None:
    spec = shared_path("specs", "orq-2025-04-18.yaml")
    config = build(from_file(shared_path("golden", "orq-typescript", "gen.yaml")))
    api = load_api(spec, config)
    docs = TypeScriptDocs(api, config)
    names = function_names(api)
    assert [names[op.id] for op in api.operations] == [docs.usage(op).function for op in api.operations]
    assert "deploymentsMetricsCreate" in names.values()
    assert core_class_name(config) == "OrqCore" == docs.root + "Core"


def test_documented_standalone_functions_against_prism(
    sessions_js: Path, prism_sessions: str, node_modules: Path  # noqa: F811
) -> None:
    """Every standalone snippet of the sessions docs compiles (strict) and
    runs against Prism through the package's documented import paths; then
    the results of success and failure are checked."""
    api, config = sessions()
    docs = TypeScriptDocs(api, config).files()
    snippets = [s for path, text in sorted(docs.items()) if path.startswith("typescript/docs/sdks/")
                for s in standalone_snippets(text)]
    assert len(snippets) == len(api.operations)
    check = sessions_js / "check"
    check.mkdir(exist_ok=True)
    prelude = 'declare const process: { env: Record<string, string | undefined> };\n'
    for n, snippet in enumerate(snippets):
        assert 'from "@orq-ai/node/core.js"' in snippet and "new OrqCore({\n" in snippet
        runnable = snippet.replace("new OrqCore({\n", 'new OrqCore({\n  serverURL: process.env["SERVER_URL"],\n')
        (check / f"snippet{n}.ts").write_text(prelude + runnable, encoding="utf-8")
    (check / "standalone.ts").write_text(STANDALONE_SCRIPT, encoding="utf-8")
    (sessions_js / "tsconfig.check.json").write_text(json.dumps(CHECK_TSCONFIG), encoding="utf-8")
    compiler = node_modules / "typescript" / "bin" / "tsc"
    done = subprocess.run(["node", str(compiler), "-p", "tsconfig.check.json"], cwd=sessions_js,
                          capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stdout[-5000:] + done.stderr[-2000:]
    env = {k: v for k, v in os.environ.items() if not k.endswith("_API_KEY")} | {"SERVER_URL": prism_sessions}
    for n in range(len(snippets)):
        # The snippets read the key from the environment, and throw `res.error` when `!res.ok`.
        ran = subprocess.run(["node", f"check-dist/snippet{n}.js"], cwd=sessions_js, capture_output=True,
                             text=True, timeout=120, env={**env, "ORQ_API_KEY": "test-key"}, check=False)
        assert ran.returncode == 0, snippets[n] + "\n" + ran.stdout + ran.stderr
    ran = subprocess.run(["node", "check-dist/standalone.js"], cwd=sessions_js, capture_output=True, text=True,
                         timeout=120, env=env, check=False)
    assert ran.returncode == 0 and "standalone ok" in ran.stdout, ran.stdout + ran.stderr


# --------------------------------------------- node against a recording server

SHOP_SPEC = """
openapi: 3.1.0
info: {title: Shop, version: "1.0"}
servers: [{url: "http://127.0.0.1:9/unused"}]
security: [{ApiKeyAuth: []}]
paths:
  /items/{item_id}:
    get:
      operationId: getItem
      x-speakeasy-group: items
      x-speakeasy-name-override: get
      parameters:
        - {name: item_id, in: path, required: true, schema: {type: string}}
        - {name: tags, in: query, schema: {type: array, items: {type: string}}}
        - {name: ids, in: query, explode: false, schema: {type: array, items: {type: integer}}}
        - name: filter
          in: query
          style: deepObject
          schema: {type: object, properties: {color: {type: string}, min_price: {type: number}}}
        - {name: since, in: query, schema: {type: string, format: date-time}}
        - name: where
          in: query
          content: {application/json: {schema: {type: object, properties: {in_stock: {type: boolean}}}}}
        - {name: X-Trace-Id, in: header, schema: {type: string}}
      responses:
        "200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Item"}}}}
        "404": {description: no, content: {application/json: {schema: {$ref: "#/components/schemas/NotFound"}}}}
  /flaky:
    post:
      operationId: flaky
      x-speakeasy-group: items
      x-speakeasy-retries:
        strategy: backoff
        backoff: {initialInterval: 5, maxInterval: 20, exponent: 1.5, maxElapsedTime: 5000}
        statusCodes: ["503"]
        retryConnectionErrors: true
      requestBody:
        required: true
        content:
          application/json:
            schema: {type: object, properties: {note: {type: string}}, required: [note]}
      responses:
        "200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Item"}}}}
  /upload:
    post:
      operationId: upload
      x-speakeasy-group: items
      requestBody:
        required: true
        content:
          multipart/form-data:
            schema:
              type: object
              properties: {file: {type: string, format: binary}, purpose: {type: string}}
              required: [file]
      responses:
        "200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Item"}}}}
  /events:
    get:
      operationId: events
      x-speakeasy-group: items
      responses:
        "200": {description: ok, content: {text/event-stream: {schema: {$ref: "#/components/schemas/Item"}}}}
  /slow:
    get:
      operationId: slow
      responses:
        "204": {description: done}
  /stock:
    get:
      operationId: stock
      x-speakeasy-group: items
      responses:
        "200":
          description: ok, with rate-limit headers
          headers: {X-Rate-Limit: {schema: {type: integer}}}
          content: {application/json: {schema: {$ref: "#/components/schemas/Item"}}}
components:
  securitySchemes:
    ApiKeyAuth: {type: apiKey, in: header, name: X-API-Key}
  schemas:
    Item:
      type: object
      properties:
        item_id: {type: string}
        created_at: {type: string, format: date-time}
      required: [item_id]
    NotFound:
      type: object
      properties: {error_code: {type: string}, message: {type: string}}
      required: [error_code]
"""

SHOP_SCRIPT = r"""
import assert from "node:assert/strict";
import { Shop } from "./dist/index.js";
import * as errors from "./dist/models/errors/index.js";

const serverURL = process.env.SERVER_URL;
const shop = new Shop({ serverURL, apiKeyAuth: "k-1" });

const item = await shop.items.get({
  itemId: "a b/c", tags: ["x", "y z"], ids: [1, 2], filter: { color: "red", minPrice: 2.5 },
  since: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)), where: { inStock: true }, xTraceId: "t-1",
});
assert.equal(item.itemId, "a b/c");
assert.ok(item.createdAt instanceof Date);

await assert.rejects(shop.items.get({ itemId: "missing" }), (err) =>
  err instanceof errors.NotFound && err.errorCode === "nope" && err.data$.message === "Item not found"
  && err.message === "Item not found" && err.name === "NotFound");

// 503, 503, 200: retried by the operation's x-speakeasy-retries.
assert.equal((await shop.items.flaky({ note: "first" })).itemId, "flaky");
// The same with retries turned off for this call: the 503 is the catch-all error.
await assert.rejects(shop.items.flaky({ note: "second" }, { retries: { strategy: "none" } }), (err) =>
  err instanceof errors.APIError && err.statusCode === 503);

// An undocumented status: the catch-all error, with status, headers and body.
await assert.rejects(shop.items.get({ itemId: "boom" }), (err) =>
  err instanceof errors.APIError && err.statusCode === 500 && err.body === "kaput"
  && err.headers.get("x-reason") === "test" && err.contentType === "text/plain");

// The SDK's retryConfig and a per-call status list also retry.
const patient = new Shop({
  serverURL, apiKeyAuth: "k-2",
  retryConfig: { strategy: "backoff", backoff: { initialInterval: 5, maxInterval: 10 } },
});
assert.equal((await patient.items.get({ itemId: "busy" }, { retryCodes: ["429"] })).itemId, "busy");

// A multipart body: the file object becomes a file part.
await shop.items.upload({ file: { fileName: "a.txt", content: new TextEncoder().encode("hello") }, purpose: "test" });

// Server-sent events, decoded and validated one by one.
const seen = [];
for await (const event of await shop.items.events()) {
  seen.push(event.itemId);
}
assert.deepEqual(seen, ["e1", "e2"]);

// The credential from the environment, read at call time.
assert.equal(await new Shop({ serverURL }).slow(), undefined);

// An operation that declares response headers returns them beside the body.
const stock = await shop.items.stock();
assert.equal(stock.result.itemId, "s1");
assert.deepEqual(stock.headers["x-rate-limit"], ["7"]);
assert.deepEqual(stock.headers["content-type"], ["application/json"]);

// Input validated before sending; timeouts and refused connections typed.
await assert.rejects(shop.items.flaky({}), (err) => err instanceof errors.SDKValidationError);
await assert.rejects(
  new Shop({ serverURL, apiKeyAuth: "k", timeoutMs: 100 }).slow({ fetchOptions: { headers: { "X-Delay": "1000" } } }),
  (err) => err instanceof errors.RequestTimeoutError,
);
await assert.rejects(new Shop({ serverURL: "http://127.0.0.1:9", apiKeyAuth: "k" }).slow(), (err) =>
  err instanceof errors.ConnectionError);
console.log("shop ok");
"""


class Recorder(BaseHTTPRequestHandler):
    """Answers by path; records every request as (method, path, headers, body)."""

    log: list[tuple[str, str, dict[str, str], bytes]] = []
    counts: dict[str, int] = {}

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - quiet
        pass

    def do_GET(self) -> None:
        self._handle()

    def do_POST(self) -> None:
        self._handle()

    def _handle(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.log.append((self.command, self.path, {k.lower(): v for k, v in self.headers.items()}, body))
        route = self.path.split("?")[0]
        n = self.counts[route] = self.counts.get(route, 0) + 1
        if self.headers.get("X-Delay"):
            time.sleep(int(self.headers["X-Delay"]) / 1000)
        if route == "/flaky":
            self._send(503, b"busy") if n % 3 else self._json(200, {"item_id": "flaky"})
        elif route == "/items/busy":
            self._send(429, b"slow down", {"Retry-After": "0"}) if n == 1 else self._json(200, {"item_id": "busy"})
        elif route == "/items/missing":
            self._json(404, {"error_code": "nope", "message": "Item not found"})
        elif route == "/items/boom":
            self._send(500, b"kaput", {"X-Reason": "test", "Content-Type": "text/plain"})
        elif route == "/events":
            stream = b': comment\r\ndata: {"item_id": "e1"}\r\n\r\nevent: x\ndata: {"item_id":\ndata: "e2"}\n\n'
            self._send(200, stream, {"Content-Type": "text/event-stream"})
        elif route == "/slow":
            self._send(204, b"")
        elif route == "/stock":
            self._send(200, b'{"item_id": "s1"}', {"Content-Type": "application/json", "X-Rate-Limit": "7"})
        else:
            self._json(200, {"item_id": "a b/c", "created_at": "2024-01-02T03:04:05Z"})

    def _json(self, status: int, payload: object) -> None:
        self._send(status, json.dumps(payload).encode(), {"Content-Type": "application/json"})

    def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        try:
            self.send_response(status)
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (the timeout case)


@pytest.fixture
def recorder() -> Iterator[tuple[str, type[Recorder]]]:
    handler = type("ShopRecorder", (Recorder,), {"log": [], "counts": {}})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", handler
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("zod_version", ["v3", "v4-mini"])
def test_shop_client_against_recording_server(
    zod_version: str, tmp_path: Path, recorder: tuple[str, type[Recorder]]
) -> None:
    # v4-mini: the same client spelled with zod's mini build behaves the same
    url, handler = recorder
    modules = node_env.node_modules() if zod_version == "v3" else node_env.zod4_modules()
    spec = tmp_path / "shop.yaml"
    spec.write_text(SHOP_SPEC, encoding="utf-8")
    config = Config(sdk_class_name="shop", env_var_prefix="SHOP", typescript_package="shop",
                    zod_version=zod_version)  # type: ignore[arg-type]
    package = write_package(package_plan(load_api(spec, config), config), tmp_path / "out", modules)
    assert_tsc(package, modules)
    run_node(package, SHOP_SCRIPT, {"SERVER_URL": url, "SHOP_API_KEY_AUTH": "from-env"})

    method, path, headers, _ = handler.log[0]
    assert method == "GET"
    assert path == (
        "/items/a%20b%2Fc?tags=x&tags=y%20z&ids=1,2&filter[color]=red&filter[min_price]=2.5"
        "&since=2024-01-02T03%3A04%3A05.000Z"
        "&where=%7B%22in_stock%22%3Atrue%7D"  # declared with `content`: JSON text of the wire shape
    )
    assert headers["x-trace-id"] == "t-1" and headers["x-api-key"] == "k-1"
    assert headers["accept"] == "application/json"
    flaky = [entry for entry in handler.log if entry[1] == "/flaky"]
    assert [json.loads(e[3]) for e in flaky] == [{"note": "first"}] * 3 + [{"note": "second"}]
    assert flaky[0][2]["content-type"] == "application/json"
    assert [e[2]["x-api-key"] for e in handler.log if e[1] == "/items/busy"] == ["k-2", "k-2"]
    [(_, _, upload_headers, upload)] = [e for e in handler.log if e[1] == "/upload"]
    assert upload_headers["content-type"].startswith("multipart/form-data; boundary=")
    assert b'name="file"; filename="a.txt"' in upload and b"hello" in upload
    assert b'name="purpose"\r\n\r\ntest' in upload
    slow = [e for e in handler.log if e[1] == "/slow"]
    assert slow[0][2]["x-api-key"] == "from-env"
