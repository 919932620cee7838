"""The generated Python client: its behaviour against a local recording
server (retries, timeouts, errors, auth, clients, async twins, parameter
styles, bodies), its code (imports, ``mypy --strict``, black-stable) and the
configuration that shapes it (flattening)."""

from __future__ import annotations

import ast
import asyncio
import dataclasses
import json
import socket
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import black
import httpx
import pytest
from client_support import forget, generate, import_package
from conftest import ROOT, SPEC
from recorder import Canned, Recorder
from test_python_target import mypy_strict, repo_config, run

from generator import ir
from generator.config import build, from_file
from generator.diagnostics import SpecError
from generator.pipeline import load_api
from generator.render.python_client.signature import signature

FEATURES = textwrap.dedent("""
    openapi: "3.1.0"
    info: {title: "Features", version: "1"}
    servers: [{url: "https://features.invalid/api"}]
    x-speakeasy-retries:
      strategy: backoff
      backoff: {initialInterval: 1, maxInterval: 5, maxElapsedTime: 2000, exponent: 1.5}
      statusCodes: ["503", "429"]
      retryConnectionErrors: true
    x-speakeasy-timeout: 5000
    x-speakeasy-globals:
      parameters:
        - {name: "X-Tenant", in: header, schema: {type: string}}
    security: [{Key: []}]
    components:
      securitySchemes:
        Key: {type: apiKey, in: header, name: X-Api-Key}
      schemas:
        Problem:
          type: object
          properties: {detail: {type: string}}
          required: [detail]
    paths:
      /items/{item_id}:
        get:
          operationId: getItem
          tags: [items]
          parameters:
            - {name: item_id, in: path, required: true, schema: {type: integer}}
            - {name: fields, in: query, style: form, explode: false, schema: {type: array, items: {type: string}}}
            - {name: tag, in: query, schema: {type: array, items: {type: string}}}
            - name: filter
              in: query
              style: deepObject
              schema: {type: object, properties: {color: {type: string}, size: {type: integer}}}
            - {name: X-Trace, in: header, schema: {type: string}}
            - {name: X-Tenant, in: header, schema: {type: string}}
            - name: where
              in: query
              content: {application/json: {schema: {type: object, properties: {status: {type: string}}}}}
          responses:
            "200":
              description: ok
              content:
                application/json:
                  schema: {type: object, properties: {id: {type: integer}, name: {type: string}}, required: [id]}
            "404":
              description: missing
              content: {application/json: {schema: {$ref: "#/components/schemas/Problem"}}}
      /items:
        post:
          operationId: createItem
          tags: [items]
          x-speakeasy-retries: {strategy: none}
          requestBody:
            required: true
            content:
              application/json:
                schema: {type: object, properties: {name: {type: string}, note: {type: [string, "null"]}},
                         required: [name]}
          responses:
            "201": {description: created, content: {text/plain: {schema: {type: string}}}}
      /items/{item_id}/history:
        get:
          operationId: itemHistory
          tags: [items]
          parameters:
            - {name: item_id, in: path, required: true, schema: {type: integer}}
          responses:
            # two JSON successes of one type: one annotated variable each (mypy no-redef)
            "200": {description: all, content: {application/json: {schema: {type: array, items: {type: string}}}}}
            "203": {description: cached, content: {application/json: {schema: {type: array, items: {type: string}}}}}
      /items/{item_id}/meta:
        get:
          operationId: itemMeta
          tags: [items]
          parameters:
            - {name: item_id, in: path, required: true, schema: {type: integer}}
          responses:
            "200":
              description: with rate-limit headers
              headers: {X-Rate-Limit: {schema: {type: integer}}}
              content: {application/json: {schema: {type: object, properties: {size: {type: integer}}}}}
      /health:
        get:
          operationId: health
          security: []
          responses:
            "204": {description: up}
      /uploads:
        post:
          operationId: upload
          x-speakeasy-group: items.files
          requestBody:
            required: true
            content:
              multipart/form-data:
                schema:
                  type: object
                  properties:
                    file: {type: string, format: binary}
                    label: {type: string}
                    sizes: {type: array, items: {type: integer}}
                  required: [file]
          responses:
            "204": {description: stored}
""")


@pytest.fixture(scope="module")
def features(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ModuleType, dict[str, str], Path]]:
    out = tmp_path_factory.mktemp("features")
    spec = out / "features.yaml"
    spec.write_text(FEATURES, encoding="utf-8")
    config = dataclasses.replace(repo_config(), python_package="features-sdk", sdk_class_name="Features",
                                 env_var_prefix="FEAT")
    _, plan = generate(spec, config, out)
    forget("features_sdk")
    try:
        yield import_package(out, "features_sdk"), plan, out
    finally:
        forget("features_sdk")


@pytest.fixture(scope="module")
def sessions(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ModuleType, dict[str, str], Path]]:
    out = tmp_path_factory.mktemp("client-sessions")
    config = dataclasses.replace(repo_config(), python_package="client-sessions")
    _, plan = generate(SPEC, config, out)
    forget("client_sessions")
    try:
        yield import_package(out, "client_sessions"), plan, out
    finally:
        forget("client_sessions")


@pytest.fixture()
def server() -> Iterator[Recorder]:
    with Recorder() as recorder:
        yield recorder


SESSION = {"_id": "s1", "external_id": "e", "duration": 1, "contact_ids": [], "tags": [], "traces_count": 0,
           "billing": {"input_cost": 0, "output_cost": 0, "total_cost": 0}, "workspace_id": "w",
           "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0}}


def _fast(pkg: ModuleType, connection_errors: bool = False) -> Any:
    return pkg.utils.RetryConfig("backoff", pkg.utils.BackoffStrategy(1, 5, 1.5, 2000), connection_errors)


# ------------------------------------------------------------------ retries


def test_retries_until_success(sessions: tuple[ModuleType, Any, Path], server: Recorder) -> None:
    pkg = sessions[0]
    server.respond(Canned(503, "busy", "text/plain"), Canned(503, "busy", "text/plain"), Canned(body=SESSION))
    with pkg.Orq(api_key="k", server_url=server.url, retry_config=_fast(pkg)) as sdk:
        assert sdk.sessions.get(session_id="s1").id == "s1"
    assert len(server.requests) == 3


def test_no_retries_unless_configured_and_per_call_override(sessions: tuple[ModuleType, Any, Path],
                                                            server: Recorder) -> None:
    pkg = sessions[0]
    server.respond(Canned(503, "busy", "text/plain"), Canned(body=SESSION))
    with pkg.Orq(api_key="k", server_url=server.url) as sdk:
        with pytest.raises(pkg.models.APIError) as err:
            sdk.sessions.get(session_id="s1")
        assert err.value.status_code == 503 and len(server.requests) == 1
    server.respond(Canned(503, "busy", "text/plain"), Canned(body=SESSION))
    with pkg.Orq(api_key="k", server_url=server.url, retry_config=_fast(pkg)) as sdk:
        with pytest.raises(pkg.models.APIError):
            sdk.sessions.get(session_id="s1", retries=None)  # None turns the client's policy off
    assert len(server.requests) == 1


def test_retry_gives_up_after_max_elapsed_time(sessions: tuple[ModuleType, Any, Path], server: Recorder) -> None:
    pkg = sessions[0]
    server.respond(Canned(503, "busy", "text/plain"))
    policy = pkg.utils.RetryConfig("backoff", pkg.utils.BackoffStrategy(1, 5, 1.5, 50), False)
    with pkg.Orq(api_key="k", server_url=server.url) as sdk:
        with pytest.raises(pkg.models.APIError) as err:
            sdk.sessions.get(session_id="s1", retries=policy)
    assert err.value.status_code == 503 and len(server.requests) > 1


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_connection_refused(sessions: tuple[ModuleType, Any, Path]) -> None:
    pkg = sessions[0]
    url = f"http://127.0.0.1:{_closed_port()}"
    with pkg.Orq(api_key="k", server_url=url) as sdk:
        with pytest.raises(httpx.ConnectError):
            sdk.sessions.get(session_id="s1")
        policy = pkg.utils.RetryConfig("backoff", pkg.utils.BackoffStrategy(1, 5, 1.5, 100), True)
        started = time.monotonic()
        with pytest.raises(httpx.ConnectError):
            sdk.sessions.get(session_id="s1", retries=policy)
        assert time.monotonic() - started >= 0.1  # it kept trying for max_elapsed_time


def test_spec_retries_and_timeout_are_defaults(features: tuple[ModuleType, Any, Path], server: Recorder) -> None:
    pkg = features[0]
    server.respond(Canned(429, "slow down", "text/plain"), Canned(body={"id": 1}))
    with pkg.Features(key="k", server_url=server.url) as sdk:
        assert sdk.items.get_item(item_id=1).id == 1
    assert len(server.requests) == 2
    server.respond(Canned(503, "busy", "text/plain"), Canned(201, "made", "text/plain"))
    with pkg.Features(key="k", server_url=server.url) as sdk:
        with pytest.raises(pkg.models.APIError):
            sdk.items.create_item(name="n")  # its own x-speakeasy-retries: none
    assert len(server.requests) == 1
    plan = features[1]
    assert "timeout_ms=5000" in plan["python/src/features_sdk/items.py"]


# ----------------------------------------------------------------- timeouts


def test_timeouts(sessions: tuple[ModuleType, Any, Path], server: Recorder) -> None:
    pkg = sessions[0]
    server.respond(Canned(body=SESSION, delay=0.5))
    with pkg.Orq(api_key="k", server_url=server.url) as sdk:
        with pytest.raises(httpx.TimeoutException):
            sdk.sessions.get(session_id="s1", timeout_ms=100)
    with pkg.Orq(api_key="k", server_url=server.url, timeout_ms=100) as sdk:
        with pytest.raises(httpx.TimeoutException):
            sdk.sessions.get(session_id="s1")
        assert sdk.sessions.get(session_id="s1", timeout_ms=3000).id == "s1"  # per call wins


# ------------------------------------------------------------------- errors


def test_typed_and_default_errors(sessions: tuple[ModuleType, Any, Path], server: Recorder) -> None:
    pkg = sessions[0]
    server.respond(Canned(404, {"message": "no such session", "code": "404"}))
    with pkg.Orq(api_key="k", server_url=server.url) as sdk:
        with pytest.raises(pkg.models.HonoAPIError) as typed:
            sdk.sessions.get(session_id="nope")
        assert typed.value.data.message == "no such session" and typed.value.data.code == "404"
        server.respond(Canned(500, "it broke", "text/plain", headers={"x-request-id": "r1"}))
        with pytest.raises(pkg.models.APIError) as default:
            sdk.sessions.get(session_id="s1")
    err = default.value
    assert (err.status_code, err.body, err.headers["x-request-id"]) == (500, "it broke", "r1")
    assert "Status 500" in str(err) and err.raw_response is not None


def test_unexpected_content_type_is_an_api_error(sessions: tuple[ModuleType, Any, Path], server: Recorder) -> None:
    pkg = sessions[0]
    server.respond(Canned(200, "<html>", "text/html"))
    with pkg.Orq(api_key="k", server_url=server.url) as sdk:
        with pytest.raises(pkg.models.APIError) as err:
            sdk.sessions.get(session_id="s1")
    assert err.value.status_code == 200 and "Unexpected response" in err.value.message


# --------------------------------------------------------------------- auth


def test_env_var_auth_and_callable_auth(sessions: tuple[ModuleType, Any, Path], server: Recorder,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    pkg = sessions[0]
    server.respond(Canned(body=SESSION))
    monkeypatch.setenv("ORQ_API_KEY", "from-env")
    with pkg.Orq(server_url=server.url) as sdk:
        sdk.sessions.get(session_id="s1")
    with pkg.Orq(api_key=lambda: "from-callable", server_url=server.url) as sdk:
        sdk.sessions.get(session_id="s1")
    monkeypatch.delenv("ORQ_API_KEY")
    with pkg.Orq(server_url=server.url) as sdk:
        sdk.sessions.get(session_id="s1")
    assert [r.headers.get("authorization") for r in server.requests] == [
        "Bearer from-env", "Bearer from-callable", None]


def test_api_key_header_and_global_header(features: tuple[ModuleType, Any, Path], server: Recorder,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    pkg = features[0]
    server.respond(Canned(body={"id": 1}))
    monkeypatch.setenv("FEAT_X_TENANT", "tenant-env")
    with pkg.Features(key="secret", server_url=server.url) as sdk:
        sdk.items.get_item(item_id=1)
    with pkg.Features(key="secret", x_tenant="tenant-arg", server_url=server.url) as sdk:
        sdk.items.get_item(item_id=1)
    assert [r.headers.get("x-api-key") for r in server.requests] == ["secret", "secret"]
    assert [r.headers.get("x-tenant") for r in server.requests] == ["tenant-env", "tenant-arg"]


def test_an_operation_declaring_response_headers_returns_them_with_the_body(
        features: tuple[ModuleType, Any, Path], server: Recorder) -> None:
    pkg = features[0]
    server.respond(Canned(body={"size": 3}, headers={"X-Rate-Limit": "5"}))
    with pkg.Features(key="secret", server_url=server.url) as sdk:
        meta = sdk.items.item_meta(item_id=1)
    assert type(meta).__name__ == "ItemMetaResponse"
    assert meta.headers["x-rate-limit"] == ["5"] and meta.result.size == 3


def test_an_operation_with_empty_security_sends_no_credentials(features: tuple[ModuleType, Any, Path],
                                                               server: Recorder) -> None:
    pkg = features[0]
    server.respond(Canned(status=204), Canned(body={"id": 1}))
    with pkg.Features(key="secret", server_url=server.url) as sdk:
        sdk.health()
        sdk.items.get_item(item_id=1)
    assert [r.headers.get("x-api-key") for r in server.requests] == [None, "secret"]


# ---------------------------------------------------- clients and lifecycle


def test_custom_client_is_used_and_not_closed(sessions: tuple[ModuleType, Any, Path], server: Recorder) -> None:
    pkg = sessions[0]
    server.respond(Canned(body=SESSION))
    custom = httpx.Client(headers={"x-custom": "yes"})
    with pkg.Orq(api_key="k", server_url=server.url, client=custom) as sdk:
        sdk.sessions.get(session_id="s1")
    assert server.requests[0].headers["x-custom"] == "yes"
    assert not custom.is_closed
    custom.close()


def test_context_managers_close_their_clients(sessions: tuple[ModuleType, Any, Path], server: Recorder) -> None:
    pkg = sessions[0]
    server.respond(Canned(body=SESSION))
    with pkg.Orq(api_key="k", server_url=server.url) as sdk:
        sdk.sessions.get(session_id="s1")
        client = sdk.sdk_configuration.client
    assert client.is_closed and sdk.sdk_configuration.client is None

    async def run() -> httpx.AsyncClient:
        async with pkg.Orq(api_key="k", server_url=server.url) as sdk:
            await sdk.sessions.get_async(session_id="s1")
            return sdk.sdk_configuration.async_client
    assert asyncio.run(run()).is_closed


def test_async_twins(sessions: tuple[ModuleType, Any, Path], server: Recorder) -> None:
    pkg = sessions[0]

    async def run() -> None:
        async with pkg.Orq(api_key="k", server_url=server.url, retry_config=_fast(pkg)) as sdk:
            server.respond(Canned(503, "busy", "text/plain"), Canned(body=SESSION))
            assert (await sdk.sessions.update_async(session_id="s1", project_id=None)).id == "s1"
            server.respond(Canned(404, {"message": "gone"}))
            with pytest.raises(pkg.models.HonoAPIError):
                await sdk.sessions.delete_async(session_id="s1")
            server.respond(Canned(body={"success": True}))
            result = await sdk.sessions.metrics.create_async(
                session_id="s1", usage={"prompt_tokens": 1, "completion_tokens": 1})
            assert result.success

    asyncio.run(run())
    assert json.loads(server.requests[0].body) == {"usage": {"prompt_tokens": 1, "completion_tokens": 1}}


# ------------------------------------------------------ parameters and bodies


def test_parameter_styles(features: tuple[ModuleType, Any, Path], server: Recorder) -> None:
    pkg = features[0]
    server.respond(Canned(body={"id": 5, "name": "n"}))
    with pkg.Features(key="k", server_url=server.url + "/") as sdk:
        sdk.items.get_item(item_id=5, fields_=["a", "b"], tag=["x", "y"], filter_={"color": "red", "size": 2},
                           x_trace="t-1", where={"status": "open"})
    sent = server.requests[0]
    assert sent.path == "/items/5"
    # `where` is declared with `content: application/json`: its value travels as JSON text
    assert sent.query == [("fields", "a,b"), ("tag", "x"), ("tag", "y"), ("filter[color]", "red"),
                          ("filter[size]", "2"), ("where", '{"status":"open"}')]
    assert sent.headers["x-trace"] == "t-1"


def test_json_body_drops_unset_and_keeps_explicit_null(features: tuple[ModuleType, Any, Path],
                                                       server: Recorder) -> None:
    pkg = features[0]
    server.respond(Canned(201, "made", "text/plain"))
    with pkg.Features(key="k", server_url=server.url) as sdk:
        assert sdk.items.create_item(name="a") == "made"
        sdk.items.create_item(name="b", note=None)
    assert [json.loads(r.body) for r in server.requests] == [{"name": "a"}, {"name": "b", "note": None}]
    assert server.requests[0].content_type() == "application/json"


def test_multipart_upload(features: tuple[ModuleType, Any, Path], server: Recorder) -> None:
    pkg = features[0]
    server.respond(Canned(204, b""))
    with pkg.Features(key="k", server_url=server.url) as sdk:
        result = sdk.items.files.upload(file={"file_name": "a.bin", "content": b"\x00\x01", "content_type": "x/y"},
                                        label="L", sizes=[1, 2])
    assert result is None
    assert server.requests[0].parsed_body() == [
        ("file", "a.bin", "x/y", b"\x00\x01"), ("label", None, None, b"L"), ("sizes", None, None, b"1"),
        ("sizes", None, None, b"2")]


def test_server_from_spec_and_url_params(features: tuple[ModuleType, Any, Path]) -> None:
    pkg = features[0]
    sdk = pkg.Features(key="k")
    assert sdk.sdk_configuration.base_url() == "https://features.invalid/api"
    sdk = pkg.Features(key="k", server_url="http://{host}:1", url_params={"host": "127.0.0.1"})
    assert sdk.sdk_configuration.base_url() == "http://127.0.0.1:1"


# ------------------------------------------------------------------- code


def test_generated_client_passes_mypy_strict(features: tuple[ModuleType, Any, Path],
                                             sessions: tuple[ModuleType, Any, Path], tmp_path: Path) -> None:
    for name, (_, _, out) in {"features_sdk": features, "client_sessions": sessions}.items():
        result = mypy_strict(f"src/{name}", out / "python", tmp_path)
        assert result.returncode == 0, result.stdout + result.stderr


def test_generated_client_is_black_stable(features: tuple[ModuleType, Any, Path]) -> None:
    for rel, text in features[1].items():
        if rel.endswith(".py"):
            assert black.format_str(text, mode=black.Mode()) == text, rel


def test_package_exports(sessions: tuple[ModuleType, Any, Path]) -> None:
    pkg = sessions[0]
    assert {"Orq", "RetryConfig", "BackoffStrategy", "SDKConfiguration", "__version__"} <= set(pkg.__all__)
    assert {"RetryConfig", "BackoffStrategy", "FieldMetadata", "drop_unset"} <= set(pkg.utils.__all__)
    assert "APIError" in pkg.models.__all__


# ------------------------------------------------------------ configuration


def _signature_names(spec_text: str, tmp_path: Path, **changes: Any) -> dict[str, list[str]]:
    spec = tmp_path / "spec.yaml"
    spec.write_text(spec_text, encoding="utf-8")
    config = dataclasses.replace(repo_config(), **changes)
    api, _ = load_api(spec, config)
    return {op.operation_id or op.name: [a.name for a in signature(op, api, config).args] for op in api.operations}


def test_flattening_rules(tmp_path: Path) -> None:
    names = _signature_names(SPEC.read_text(encoding="utf-8"), tmp_path)
    assert names["CreateSession"] == ["request"]  # optional body, no parameters
    assert names["ListSessions"] == ["request"]
    assert names["GetSession"] == ["session_id"]
    assert names["CreateSessionMetric"] == ["session_id", "usage"]
    assert names["UpdateSession"][:3] == ["session_id", "id", "external_id"]


def test_max_method_params_and_flattening_order(tmp_path: Path) -> None:
    text = SPEC.read_text(encoding="utf-8")
    assert _signature_names(text, tmp_path, max_method_params=4)["UpdateSession"] == ["request"]
    assert _signature_names(text, tmp_path, max_method_params=0)["GetSession"] == ["request"]
    body_first = _signature_names(text, tmp_path, flattening_order="body-first")
    assert body_first["CreateSessionMetric"] == ["usage", "session_id"]


def test_required_body_without_parameters_is_flattened(features: tuple[ModuleType, Any, Path]) -> None:
    assert "def create_item(\n        self,\n        *,\n        name: str," in features[1][
        "python/src/features_sdk/items.py"]


def test_client_options_from_gen_yaml(tmp_path: Path) -> None:
    gen = tmp_path / "gen.yaml"
    gen.write_text("configVersion: 2.0.0\npython:\n  maxMethodParams: 7\n  flatteningOrder: body-first\n",
                   encoding="utf-8")
    config = build(from_file(gen))
    assert (config.max_method_params, config.flattening_order) == (7, "body-first")
    own = tmp_path / "sdkgen.yaml"
    own.write_text("max-method-params: 2\nflattening-order: parameters-first\n", encoding="utf-8")
    assert build(from_file(own)).max_method_params == 2
    for bad in ({"max_method_params": -1}, {"max_method_params": "3"}, {"flattening_order": "sideways"}):
        with pytest.raises(SpecError) as err:
            build(bad)
        assert err.value.diagnostics[0].code == "SG030"


def test_retry_extension_in_ir(tmp_path: Path) -> None:
    spec = tmp_path / "features.yaml"
    spec.write_text(FEATURES, encoding="utf-8")
    api, _ = load_api(spec, repo_config())
    assert api.retries == ir.RetryPolicy(strategy="backoff", initial_interval=1, max_interval=5, exponent=1.5,
                                         max_elapsed_time=2000, status_codes=("503", "429"),
                                         retry_connection_errors=True)
    assert api.timeout_ms == 5000
    create = next(op for op in api.operations if op.operation_id == "createItem")
    assert create.retries is not None and create.retries.strategy == "none"


# ----------------------------------------------------------------- hostile

HOSTILE = textwrap.dedent(r'''
    openapi: 3.1.0
    info: {title: 'T """ x', version: "1", description: "\"\"\" raise SystemExit(3) #"}
    servers: [{url: "https://h.invalid"}]
    paths:
      /weird/{self}:
        get:
          operationId: class
          tags: [models]
          summary: '"""; raise SystemExit(9) #'
          description: "back\\slash \\N{ x"
          parameters:
            - {name: self, in: path, required: true, schema: {type: string}}
            - {name: retries, in: query, schema: {type: integer}, description: "ends with \\"}
            - {name: models, in: query, schema: {type: string}}
            - {name: utils, in: header, schema: {type: string}}
            - {name: timeout_ms, in: query, schema: {type: integer}}
          responses:
            "200": {description: ok, content: {application/json: {schema: {type: array, items: {type: string}}}}}
            default:
              description: err
              content: {application/json: {schema: {type: object, properties: {e: {type: string}}, required: [e]}}}
      /union:
        put:
          operationId: put-union
          tags: [utils]
          requestBody: {required: true, content: {application/json: {schema: {oneOf: [{type: string}, {type: integer}]}}}}
          responses: {"200": {description: ok, content: {text/plain: {schema: {type: string}}}}}
''')


def test_hostile_names_and_strings(tmp_path: Path, server: Recorder) -> None:
    spec = tmp_path / "hostile.yaml"
    spec.write_text(HOSTILE, encoding="utf-8")
    config = dataclasses.replace(repo_config(), python_package="hostile-client", sdk_class_name="Client")
    _, plan = generate(spec, config, tmp_path)
    for rel, text in plan.items():
        if rel.endswith(".py"):
            assert black.format_str(text, mode=black.Mode()) == text, rel
    result = mypy_strict("src/hostile_client", tmp_path / "python", tmp_path / "cache")
    assert result.returncode == 0, result.stdout + result.stderr
    forget("hostile_client")
    try:
        pkg = import_package(tmp_path, "hostile_client")
        server.respond(Canned(body=["a"]), Canned(body="done", content_type="text/plain"))
        with pkg.Client(server_url=server.url) as sdk:
            assert sdk.models.class_(self_="a b", retries_=2, models_="m", utils_="u", timeout_ms_=5) == ["a"]
            assert sdk.utils.put_union(request=3) == "done"
        first, second = server.requests
        assert first.path == "/weird/a%20b" and first.headers["utils"] == "u"
        assert first.query == [("retries", "2"), ("models", "m"), ("timeout_ms", "5")]
        assert json.loads(second.body) == 3
    finally:
        forget("hostile_client")


def test_same_bytes_under_different_hash_seeds() -> None:
    code = ("import hashlib, json, sys; sys.path.insert(0, 'tests'); import test_python_target as t; "
            "from generator.render import python_client as c; "
            "cfg = t.repo_config(); p = c.render(t.api_of(t.SPEC, cfg), cfg); "
            "print(hashlib.sha256(json.dumps(p, sort_keys=True).encode()).hexdigest())")
    digests = {run([sys.executable, "-c", code], ROOT, PYTHONHASHSEED=seed).stdout for seed in ("1", "2")}
    assert len(digests) == 1 and len(digests.pop()) == 65


def test_renderer_imports_no_loader_or_normalize() -> None:
    for path in (ROOT / "generator" / "render" / "python_client").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert not node.module.startswith(("generator.loader", "generator.normalize")), path
