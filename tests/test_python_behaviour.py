"""Our generated session models against Speakeasy's (``orq-ai-sdk`` 3.4.0):
same validation verdicts and the same serialized output, payload by payload.

Our package is generated from ``specs/sessions.yaml`` with the repo config
(module ``orq_sessions_sdk``) and imported from a temporary directory, so it
never clashes with the installed ``orq_ai_sdk``.
"""

from __future__ import annotations

import copy
import json
import sys
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any

import pytest
from conftest import SPEC
from pydantic import BaseModel, ValidationError
from test_python_target import api_of, repo_config, write_plan

from generator.render.python import render

ref = pytest.importorskip("orq_ai_sdk.models")

SESSION_MODELS = [
    "CreateSessionRequestBody", "CreateSessionResponseBody", "GetSessionResponseBody", "UpdateSessionRequestBody",
    "UpdateSessionResponseBody",
]
PART_MODELS = [
    "Billing", "CreateSessionUsage", "CreateSessionBilling", "CreateSessionSessionsUsage", "GetSessionBilling",
    "GetSessionUsage", "UpdateSessionBilling", "UpdateSessionUsage", "UpdateSessionSessionsBilling",
    "UpdateSessionSessionsUsage", "Usage", "ListSessionsBilling", "ListSessionsUsage",
]
OTHER_MODELS = ["GetSessionRequest", "UpdateSessionRequest", "DeleteSessionRequest", "HonoAPIErrorData", "Security",
                "Pagination", "SortingProps", "ListSessionsResponseBody"]
COMMON = SESSION_MODELS + PART_MODELS + OTHER_MODELS


@pytest.fixture(scope="module")
def ours(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    config = repo_config()
    out = tmp_path_factory.mktemp("behaviour")
    write_plan(render(api_of(SPEC, config), config), out)
    src = str(out / "python" / "src")
    sys.path.insert(0, src)
    try:
        import orq_sessions_sdk.models as models

        yield models
    finally:
        sys.path.remove(src)
        for name in [n for n in sys.modules if n == "orq_sessions_sdk" or n.startswith("orq_sessions_sdk.")]:
            del sys.modules[name]


def outcome(cls: type[BaseModel], payload: object) -> object:
    """What a model makes of a payload: the failing top-level keys, or every
    serialized form a client would send or log."""
    try:
        model = cls.model_validate(payload)
    except ValidationError as err:
        return ("invalid", sorted({str(e["loc"][0]) if e["loc"] else "" for e in err.errors()}))
    return (
        model.model_dump(mode="json", by_alias=True),
        json.loads(model.model_dump_json(by_alias=True)),
        model.model_dump(by_alias=True),
        model.model_dump(mode="json", by_alias=True, exclude_none=True),
        model.model_dump(by_alias=True, exclude_unset=True),
    )


# ----------------------------------------------------------------- payloads

SESSION: dict[str, Any] = {
    "_id": "sess_1", "external_id": "ext", "duration": 12.5, "contact_ids": ["c1", "c2"],
    "billing": {"input_cost": 1, "output_cost": 2.5, "total_cost": 3.5},
    "usage": {"prompt_tokens": 10, "completion_tokens": 20, "total_tokens": 30},
    "traces_count": 4, "tags": ["a"], "workspace_id": "ws", "project_id": "proj",
    "started_at": "2024-01-02T03:04:05Z", "updated_at": "2024-01-02T03:04:05.123+02:00",
}


def edit(changes: dict[str, Any] | None = None, **more: Any) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """A payload variant: ``key: value`` sets a key, ``key: DROP`` removes it."""
    def apply(base: dict[str, Any]) -> dict[str, Any]:
        out = copy.deepcopy(base)
        for key, value in {**(changes or {}), **more}.items():
            if value is DROP:
                out.pop(key, None)
            else:
                out[key] = value
        return out
    return apply


DROP = object()
SESSION_VARIANTS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "complete": edit(),
    "missing optional keys": edit(project_id=DROP, started_at=DROP, updated_at=DROP),
    "missing required external_id": edit(external_id=DROP),
    "missing _id": edit({"_id": DROP}),
    "missing nested required": edit(billing={"input_cost": 1, "output_cost": 2}),
    "explicit null project_id": edit(project_id=None),
    "null on required duration": edit(duration=None),
    "null on required billing": edit(billing=None),
    "null on optional started_at": edit(started_at=None),
    "wrong type duration": edit(duration="long"),
    "numeric string duration": edit(duration="12.5"),
    "bool duration": edit(duration=True),
    "wrong type project_id": edit(project_id=5),
    "wrong type tags": edit(tags="a"),
    "wrong item type contact_ids": edit(contact_ids=[1]),
    "wrong type billing": edit(billing="free"),
    "bad date": edit(started_at="yesterday"),
    "date only": edit(started_at="2024-01-02"),
    "date with offset": edit(started_at="2024-01-02T03:04:05.123456-05:30"),
    "unix timestamp date": edit(started_at=1700000000),
    "field name id instead of _id": edit({"_id": DROP, "id": "sess_2"}),
    "both id and _id": edit(id="sess_2"),
    "extra keys": edit(extra=1, billing={"input_cost": 1, "output_cost": 2, "total_cost": 3, "x": 1}),
    "empty": lambda base: {},
}
PART = {"input_cost": 1, "output_cost": 2, "total_cost": 3, "prompt_tokens": 1, "completion_tokens": 2,
        "total_tokens": 3}
PART_VARIANTS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "complete": edit(),
    "missing key": edit(input_cost=DROP, prompt_tokens=DROP),
    "missing optional total_tokens": edit(total_tokens=DROP),
    "null": edit(output_cost=None, completion_tokens=None),
    "null optional total_tokens": edit(total_tokens=None),
    "wrong type": edit(total_cost="x", total_tokens="x"),
    "extra": edit(more=True),
}
OTHER_PAYLOADS: dict[str, list[object]] = {
    "GetSessionRequest": [{"session_id": "s"}, {}, {"session_id": None}, {"session_id": 1}],
    "DeleteSessionRequest": [{"session_id": "s"}, {"session_id": ["s"]}],
    "UpdateSessionRequest": [
        {"session_id": "s"}, {"session_id": "s", "request_body": {"project_id": None}},
        {"session_id": "s", "request_body": {"tags": ["x"], "_id": "i"}}, {"session_id": "s", "RequestBody": {}},
        {"session_id": "s", "request_body": {"project_id": 3}}, {"request_body": {}},
    ],
    "HonoAPIErrorData": [{"message": "m"}, {"message": "m", "code": "404"}, {"code": "404"}, {"message": None}],
    "Security": [{}, {"api_key": "k"}, {"ApiKey": "k"}, {"api_key": None}],
    "Pagination": [{}, {"page": 2, "limit": 10}, {"lastId": None}, {"last_id": "x", "firstId": "y"}, {"lastId": 1}],
    "SortingProps": [{"key": "k"}, {"key": "k", "direction": "asc"}, {"key": "k", "direction": "up"}, {}],
    "ListSessionsResponseBody": [{"object": "list", "data": [], "has_more": False},
                                 {"object": "lists", "data": [], "has_more": False}],
}


def cases() -> Iterator[Any]:
    for name in SESSION_MODELS:
        for label, variant in SESSION_VARIANTS.items():
            yield pytest.param(name, variant(SESSION), id=f"{name}-{label}")
    for name in PART_MODELS:
        for label, variant in PART_VARIANTS.items():
            yield pytest.param(name, variant(PART), id=f"{name}-{label}")
    for name, payloads in OTHER_PAYLOADS.items():
        for i, payload in enumerate(payloads):
            yield pytest.param(name, payload, id=f"{name}-{i}")


# -------------------------------------------------------------------- tests


@pytest.mark.parametrize("name", COMMON)
def test_same_fields(ours: ModuleType, name: str) -> None:
    def shape(cls: type[BaseModel]) -> dict[str, tuple[str | None, bool]]:
        return {n: (f.alias, f.is_required()) for n, f in cls.model_fields.items()}

    assert shape(getattr(ours, name)) == shape(getattr(ref, name))
    if name.endswith("Data"):
        return  # error bodies have no TypedDict twin, in either SDK
    ours_td, ref_td = getattr(ours, name + "TypedDict"), getattr(ref, name + "TypedDict")
    assert ours_td.__required_keys__ == ref_td.__required_keys__
    assert ours_td.__optional_keys__ == ref_td.__optional_keys__


@pytest.mark.parametrize(("name", "payload"), list(cases()))
def test_same_validation_and_serialization(ours: ModuleType, name: str, payload: object) -> None:
    assert outcome(getattr(ours, name), payload) == outcome(getattr(ref, name), payload)


@pytest.mark.parametrize("kwargs", [
    {}, {"project_id": None}, {"project_id": "p"}, {"id": "i", "tags": []}, {"started_at": None},
    {"project_id": None, "external_id": None},
], ids=repr)
def test_construction_by_field_name(ours: ModuleType, kwargs: dict[str, Any]) -> None:
    """``project_id=None`` given explicitly is sent as null (PATCH clears it);
    left out, it is not sent at all."""
    body_ours = ours.UpdateSessionRequestBody(**kwargs)
    body_ref = ref.UpdateSessionRequestBody(**kwargs)
    for dump in ({"by_alias": True}, {"by_alias": True, "mode": "json", "exclude_none": True}):
        assert body_ours.model_dump(**dump) == body_ref.model_dump(**dump)
    wrapped = [m.UpdateSessionRequest(session_id="s", request_body=b)
               for m, b in ((ours, body_ours), (ref, body_ref))]
    for dump in ({"by_alias": True}, {"by_alias": True, "exclude_none": True}):
        assert wrapped[0].model_dump(**dump) == wrapped[1].model_dump(**dump)


def test_patch_with_null(ours: ModuleType) -> None:
    explicit = ours.UpdateSessionRequestBody(project_id=None)
    assert explicit.model_dump(by_alias=True, exclude_none=True) == {"project_id": None}
    assert ours.UpdateSessionRequestBody().model_dump(by_alias=True) == {}


def test_error_string(ours: ModuleType) -> None:
    ours_err = ours.HonoAPIError(ours.HonoAPIErrorData(message="Not found", code="404"))
    ref_err = ref.HonoAPIError(ref.HonoAPIErrorData(message="Not found", code="404"))
    assert str(ours_err) == str(ref_err) and ours_err.data.message == "Not found"


# ------------------------------------------------------ intended differences


def test_unset_only_comes_from_the_default(ours: ModuleType) -> None:
    """Speakeasy's ``Unset`` is a pydantic model, so a dict sent for a
    nullable string validates into it (``{"project_id": {}}`` passes and the
    key silently vanishes).  Ours accepts only the ``UNSET`` singleton."""
    payload = {**SESSION, "project_id": {}}
    assert outcome(ours.GetSessionResponseBody, payload) == ("invalid", ["project_id"])
    assert not isinstance(outcome(ref.GetSessionResponseBody, payload)[0], str)


def test_dump_by_field_name_keeps_the_values(ours: ModuleType) -> None:
    """Speakeasy's serializer looks fields up by alias even when dumping by
    field name, so ``model_dump()`` of a response gives ``{"_id": None}``.
    Ours dumps ``{"id": "sess_1"}``."""
    dumped = ours.GetSessionResponseBody.model_validate(SESSION).model_dump()
    assert dumped["id"] == "sess_1" and "_id" not in dumped
