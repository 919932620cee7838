"""The generated Python client against Prism serving ``specs/sessions.yaml``.

Prism validates every request against the spec (``--errors``: a request that
does not match gets a 4XX, which the client raises as ``APIError``) and
answers with data of the documented shape, which the client must parse.
Skips when node/npm are missing (see ``prism``).
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Iterator
from types import ModuleType

import pytest
from client_support import forget, generate, import_package
from conftest import SPEC
from prism import prism_sessions  # noqa: F401  (a fixture)
from test_python_target import repo_config


@pytest.fixture(scope="module")
def pkg(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    out = tmp_path_factory.mktemp("prism-client")
    generate(SPEC, dataclasses.replace(repo_config(), python_package="prism-sessions"), out)
    forget("prism_sessions")
    try:
        yield import_package(out, "prism_sessions")
    finally:
        forget("prism_sessions")


BODY = {"external_id": "ext", "duration": 2, "contact_ids": ["c"], "tags": ["t"], "traces_count": 1,
        "billing": {"input_cost": 1, "output_cost": 2, "total_cost": 3}, "project_id": None,
        "usage": {"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3},
        "started_at": "2024-01-02T03:04:05Z"}


def test_every_operation_is_accepted_and_parsed(pkg: ModuleType, prism_sessions: str) -> None:  # noqa: F811
    with pkg.Orq(api_key="key", server_url=prism_sessions) as sdk:
        created = sdk.sessions.create(request=BODY)
        assert isinstance(created, pkg.models.CreateSessionResponseBody)
        got = sdk.sessions.get(session_id="s1")
        assert isinstance(got.billing, pkg.models.GetSessionBilling)
        updated = sdk.sessions.update(session_id="s1", project_id=None, duration=3.5, tags=["x"])
        assert isinstance(updated, pkg.models.UpdateSessionResponseBody)
        assert sdk.sessions.delete(session_id="s1") is None
        listed = sdk.sessions.list(request={"pagination": {"page": 1, "limit": 5}, "sorting_props": [{"key": "k"}]})
        assert isinstance(listed.data, list)
        metric = sdk.sessions.metrics.create(session_id="s1", usage={"prompt_tokens": 1, "completion_tokens": 2})
        assert isinstance(metric.success, bool)


def test_documented_error_is_typed(pkg: ModuleType, prism_sessions: str) -> None:  # noqa: F811
    with pkg.Orq(api_key="key", server_url=prism_sessions) as sdk:
        with pytest.raises(pkg.models.HonoAPIError) as err:
            sdk.sessions.get(session_id="s1", http_headers={"Prefer": "code=404"})
    assert isinstance(err.value.data.message, str)


def test_invalid_requests_are_rejected(pkg: ModuleType, prism_sessions: str,  # noqa: F811
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ORQ_API_KEY", raising=False)
    with pkg.Orq(server_url=prism_sessions) as sdk:  # no credentials
        with pytest.raises(pkg.models.APIError) as err:
            sdk.sessions.get(session_id="s1")
    assert err.value.status_code == 401
    with pkg.Orq(api_key="key", server_url=prism_sessions) as sdk:
        with pytest.raises(pkg.models.APIError) as err:
            # a body that breaks the spec, sent as raw JSON through the request model
            sdk.sessions.metrics.create(session_id="s1", usage={"prompt_tokens": 1, "completion_tokens": 2},
                                        http_headers={"content-type": "text/plain"})
    assert 400 <= err.value.status_code < 500


def test_async_client_against_prism(pkg: ModuleType, prism_sessions: str) -> None:  # noqa: F811
    async def run() -> None:
        async with pkg.Orq(api_key="key", server_url=prism_sessions) as sdk:
            got = await sdk.sessions.get_async(session_id="s1")
            assert isinstance(got, pkg.models.GetSessionResponseBody)
            await sdk.sessions.delete_async(session_id="s1")

    asyncio.run(run())
