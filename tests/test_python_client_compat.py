"""Our generated client against Speakeasy's (``orq-ai-sdk`` 3.4.0): the same
method call sends the same HTTP request and parses the same response into
equal data.

Both SDKs talk to one recording server on 127.0.0.1 that answers with a
response example made from the IR.  Our orq package is generated in-process
as ``orq_compat`` so that it imports next to ``orq_ai_sdk``; the project's own
package is the committed ``generated/python/src/orq_sessions_sdk``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any

import pytest
from client_support import example, forget, generate, import_package, renamed
from conftest import ROOT, shared_path
from pydantic import BaseModel
from recorder import Canned, Recorded, Recorder

from generator import ir
from generator.config import build, from_file

ref_sdk = pytest.importorskip("orq_ai_sdk")
GENERATED = ROOT / "generated"

Call = Callable[[Any], Any]


@pytest.fixture(scope="module")
def server() -> Iterator[Recorder]:
    with Recorder() as recorder:
        yield recorder


@pytest.fixture(scope="module")
def orq(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ir.Api, ModuleType]]:
    spec = shared_path("specs", "orq-2025-04-20.yaml")
    config = renamed(build(from_file(shared_path("golden", "orq-python", "gen.yaml")), {"spec": spec}), "orq-compat")
    out = tmp_path_factory.mktemp("orq-compat")
    api, _ = generate(spec, config, out)
    try:
        yield api, import_package(out, "orq_compat")
    finally:
        forget("orq_compat")


@pytest.fixture(scope="module")
def sessions_pkg() -> Iterator[ModuleType]:
    forget("orq_sessions_sdk")
    try:
        yield import_package(GENERATED, "orq_sessions_sdk")
    finally:
        forget("orq_sessions_sdk")


def _dump(value: BaseModel) -> object:
    # by_alias: Speakeasy's serializer of a model with nullable fields reads
    # aliased keys only, so a plain dump loses their values (``_id: None``).
    return value.model_dump(mode="json", by_alias=True)


def _outcome(call: Call, sdk: Any) -> object:
    try:
        result = call(sdk)
    except Exception as err:  # the error type and what it carries
        data = getattr(err, "data", None)
        return (type(err).__name__, getattr(err, "status_code", None), getattr(err, "body", None),
                _dump(data) if isinstance(data, BaseModel) else None)
    if isinstance(result, BaseModel):
        return _dump(result)
    if isinstance(result, list):
        return [_dump(r) if isinstance(r, BaseModel) else r for r in result]
    return result


def _request(r: Recorded) -> dict[str, object]:
    return {
        "method": r.method, "path": r.path, "query": r.query, "content-type": r.content_type(),
        "authorization": r.headers.get("authorization"), "accept": r.headers.get("accept"),
        "body": r.parsed_body(),
    }


def _compare(server: Recorder, ours: Any, theirs: Any, call: Call, canned: Canned) -> tuple[object, object]:
    seen = []
    for sdk in (ours, theirs):
        server.respond(canned)
        outcome = _outcome(call, sdk)
        assert len(server.requests) == 1, outcome
        seen.append((_request(server.requests[0]), outcome))
    assert seen[0] == seen[1]
    return seen[0]


def _response(api: ir.Api, operation_id: str, status: str) -> Canned:
    op = next(o for o in api.operations if o.operation_id == operation_id)
    response = next(r for r in op.responses if r.status == status)
    if response.type is None:
        return Canned(status=int(status), body=b"", content_type=response.content_type or "application/json")
    return Canned(status=int(status), body=example(api, response.type), content_type=response.content_type or "")


def _body(api: ir.Api, operation_id: str) -> Any:
    op = next(o for o in api.operations if o.operation_id == operation_id)
    assert op.request_body is not None
    return example(api, op.request_body.type)


# (operation id, response status, call): calls get the API for examples.
CASES: list[tuple[str, str, Callable[[ir.Api], Call]]] = [
    ("CreateSession", "200", lambda api: lambda s: s.sessions.create(request={
        "external_id": "ext", "duration": 3, "contact_ids": ["c"], "tags": ["t"], "traces_count": 1,
        "billing": {"input_cost": 1, "output_cost": 2, "total_cost": 3}, "project_id": None,
        "usage": {"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3}})),
    ("CreateSession", "409", lambda api: lambda s: s.sessions.create()),
    ("GetSession", "200", lambda api: lambda s: s.sessions.get(session_id="sess 1ü")),
    ("GetSession", "404", lambda api: lambda s: s.sessions.get(session_id="missing")),
    ("UpdateSession", "200", lambda api: lambda s: s.sessions.update(
        session_id="s1", project_id=None, tags=["a", "b"], billing={"input_cost": 1, "output_cost": 2, "total_cost": 3})),
    ("UpdateSession", "200", lambda api: lambda s: s.sessions.update(session_id="s1")),
    ("DeleteSession", "204", lambda api: lambda s: s.sessions.delete(session_id="s1")),
    ("ListSessions", "200", lambda api: lambda s: s.sessions.list(request={
        **_body(api, "ListSessions"), "pagination": {"limit": 5, "last_id": None},
        "sorting_props": [{"key": "k", "direction": "asc"}]})),
    ("Deployments", "200", lambda api: lambda s: s.deployments.list(limit=5, starting_after="abc")),
    ("Deployments", "500", lambda api: lambda s: s.deployments.list()),
    ("ListDatasources", "200", lambda api: lambda s: s.knowledge.list_datasources(
        knowledge_id="k1", q="two words", status=["completed", "failed"])),
    ("ListDatasources", "200", lambda api: lambda s: s.knowledge.list_datasources(knowledge_id="k1", status="failed")),
    ("FileUpload", "200", lambda api: lambda s: s.files.create(
        file={"file_name": "notes.txt", "content": b"hello\x00world", "content_type": "text/plain"})),
    ("CreateTool", "200", lambda api: lambda s: s.tools.create(request=_body(api, "CreateTool"))),
    ("UpdateTool", "200", lambda api: lambda s: s.tools.update(tool_key="t1", request_body=_body(api, "UpdateTool"))),
    ("CreateChunk", "200", lambda api: lambda s: s.knowledge.create_chunks(
        knowledge_id="k", datasource_id="d", request_body=_body(api, "CreateChunk"))),
    ("CreateContact", "200", lambda api: lambda s: s.contacts.create(
        external_id="e1", tags=["vip"], metadata={"plan": "pro", "seats": 3})),
    ("CreateFeedback", "200", lambda api: lambda s: s.feedback.create(field="rating", value=["good"], trace_id="tr")),
    ("UpdatePrompt", "200", lambda api: lambda s: s.prompts.update(id="p1", display_name="Name", description=None)),
    ("CreateDatasetItem", "200", lambda api: lambda s: s.datasets.create_datapoint(
        dataset_id="ds", inputs={"name": "x"}, messages=[{"role": "user", "content": "hi"}])),
    ("UpdateDataset", "200", lambda api: lambda s: s.datasets.update(dataset_id="ds", display_name="New")),
    ("ListPromptVersions", "200", lambda api: lambda s: s.prompts.list_versions(prompt_id="p", limit=2)),
    ("UpdateMemoryDocument", "200", lambda api: lambda s: s.memory_stores.update_document(
        memory_store_key="m", memory_id="i", document_id="d", text="t", tags={"k": "v"})),
    ("DeploymentCreateMetric", "200", lambda api: lambda s: s.deployments.metrics.create(
        id="dep", usage={"prompt_tokens": 1, "completion_tokens": 2})),
    ("RemoteConfigsGetConfig", "200", lambda api: lambda s: s.remoteconfigs.retrieve(request={"key": "k"})),
]


@pytest.mark.parametrize(("operation_id", "status", "make"), CASES,
                         ids=[f"{c[0]}-{c[1]}-{i}" for i, c in enumerate(CASES)])
def test_orq_same_request_and_result(orq: tuple[ir.Api, ModuleType], server: Recorder, operation_id: str,
                                     status: str, make: Callable[[ir.Api], Call]) -> None:
    api, ours = orq
    kwargs = {"api_key": "secret-key", "server_url": server.url}
    # No global headers here: orq-ai-sdk rewrites them in a hand-written hook.
    with ours.Orq(**kwargs) as mine, ref_sdk.Orq(**kwargs) as theirs:
        _compare(server, mine, theirs, make(api), _response(api, operation_id, status))


def test_orq_covers_varied_operations() -> None:
    operations = {c[0] for c in CASES}
    assert {"CreateSession", "GetSession", "UpdateSession", "DeleteSession", "ListSessions"} <= operations
    assert len(operations - {"CreateSession", "GetSession", "UpdateSession", "DeleteSession", "ListSessions"}) >= 10


# ------------------------------------------------------- the project's spec

SESSION = {"_id": "s1", "external_id": "e", "duration": 2.5, "contact_ids": ["c"], "tags": [], "traces_count": 1,
           "billing": {"input_cost": 1, "output_cost": 2, "total_cost": 3}, "workspace_id": "w",
           "usage": {"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3}, "project_id": None,
           "started_at": "2024-01-02T03:04:05Z"}
SESSION_CASES: list[tuple[Call, Canned]] = [
    (lambda s: s.sessions.get(session_id="s1"), Canned(body=SESSION)),
    (lambda s: s.sessions.get(session_id="s1"), Canned(404, {"message": "no such session", "code": "404"})),
    (lambda s: s.sessions.create(request={**{k: v for k, v in SESSION.items() if k not in ("_id", "workspace_id")}}),
     Canned(body=SESSION)),
    (lambda s: s.sessions.create(), Canned(409, "already exists", "text/plain")),
    (lambda s: s.sessions.update(session_id="s1", project_id=None, duration=4), Canned(body=SESSION)),
    (lambda s: s.sessions.delete(session_id="s1"), Canned(204, b"")),
    (lambda s: s.sessions.delete(session_id="s1"), Canned(500, "boom", "text/plain")),
]


@pytest.mark.parametrize(("call", "canned"), SESSION_CASES, ids=[str(i) for i in range(len(SESSION_CASES))])
def test_project_sessions_same_request_and_result(sessions_pkg: ModuleType, server: Recorder, call: Call,
                                                  canned: Canned) -> None:
    kwargs = {"api_key": "secret-key", "server_url": server.url}
    with sessions_pkg.Orq(**kwargs) as mine, ref_sdk.Orq(**kwargs) as theirs:
        _compare(server, mine, theirs, call, canned)


def test_project_metrics_call(sessions_pkg: ModuleType, server: Recorder) -> None:
    """``sessions.metrics.create`` has no counterpart in orq-ai-sdk 3.4.0."""
    server.respond(Canned(body={"success": True}))
    with sessions_pkg.Orq(api_key="k", server_url=server.url) as mine:
        result = mine.sessions.metrics.create(session_id="s1", usage={"prompt_tokens": 1, "completion_tokens": 2})
    assert result.success is True
    sent = server.requests[0]
    assert (sent.method, sent.path) == ("POST", "/v2/traces/sessions/s1/metrics")
    assert sent.parsed_body() == {"usage": {"prompt_tokens": 1, "completion_tokens": 2}}
    assert sent.headers["authorization"] == "Bearer k"

