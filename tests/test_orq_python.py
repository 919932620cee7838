"""The Python SDK of a real 1.2 MB spec (orq.ai) against Speakeasy's, which is
on PyPI as ``orq-ai-sdk==3.4.0`` (``orq_ai_sdk``, a test dependency).

Our package is generated from the same spec and gen.yaml, but under another
name (``sdkgen-orq`` -> ``sdkgen_orq``), so both import side by side.  For
every model both define:

- the same fields (alias, required, default), TypedDict keys, union members
  in the same order, and enum values;
- the same outcome for every payload of ``tests/payloads.py`` (valid and
  broken, seeded): invalid in both (same failing top-level keys), or valid
  in both with the same validated structure (class names all the way down,
  so a union picks the same member) and the same serialized output.

Differences we keep on purpose are recognised by ``known_difference`` and
each has a test below showing both behaviours.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import json
import re
import sys
import time
import typing
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from conftest import shared_path
from payloads import Payload, PayloadGenerator
from pydantic import BaseModel, TypeAdapter, ValidationError
from test_python_target import import_check, mypy_strict
from typing_extensions import TypeAliasType, is_typeddict

from generator import ir
from generator.config import build, from_file
from generator.pipeline import build_plan, load_api

ref = pytest.importorskip("orq_ai_sdk.models")

PACKAGE = "sdkgen-orq"
MODULE = "sdkgen_orq"
SEED = 20250420


@dataclasses.dataclass(frozen=True)
class Generated:
    api: ir.Api
    out: Path

    @property
    def package_dir(self) -> Path:
        return self.out / "python"


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Generated:
    spec = shared_path("specs", "orq-2025-04-20.yaml")
    gen_yaml = shared_path("golden", "orq-python", "gen.yaml")
    out = tmp_path_factory.mktemp("orq-python")
    # no lock file: names come from the spec alone, and nothing is written
    # beside the gen.yaml
    config = build(from_file(gen_yaml), {"spec": spec, "out": out, "targets": ("python",),
                                         "python_package": PACKAGE, "lock_file": None})
    for rel, text in build_plan(config).plan.items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    api, _ = load_api(spec, config)
    return Generated(api, out)


@pytest.fixture(scope="module")
def ours(generated: Generated) -> Iterator[ModuleType]:
    src = str(generated.package_dir / "src")
    sys.path.insert(0, src)
    try:
        import sdkgen_orq.models as models

        yield models
    finally:
        sys.path.remove(src)
        for name in [n for n in sys.modules if n == MODULE or n.startswith(MODULE + ".")]:
            del sys.modules[name]


def common_names(generated: Generated, ours: ModuleType) -> list[tuple[ir.Model, str]]:
    """(model, exported name) for every model both packages define; an error
    body is compared through its ``...Data`` model."""
    out = []
    for model in generated.api.models:
        name = model.name.python
        if isinstance(getattr(ours, name, None), type) and issubclass(getattr(ours, name), Exception):
            name += "Data"
        if hasattr(ref, name):
            out.append((model, name))
    return out


# ------------------------------------------------------ imports and mypy


def test_package_imports(generated: Generated) -> None:
    result = import_check(generated.out, f"""
        import {MODULE}.models as m
        print(len(m.__all__))
    """)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) > 2000


def test_package_passes_mypy_strict(generated: Generated, tmp_path: Path) -> None:
    result = mypy_strict(f"src/{MODULE}", generated.package_dir, tmp_path)
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-2000:]


# ------------------------------------------------------------- structure


def _default(value: object) -> str:
    kind = type(value).__name__
    return kind if kind in ("Unset", "PydanticUndefinedType") else repr(value)


def _fields(cls: type[BaseModel]) -> dict[str, tuple[str | None, bool, str]]:
    return {n: (f.alias, f.is_required(), _default(f.default)) for n, f in cls.model_fields.items()}


_MODULE_PATH = re.compile(r"(?:\w+\.)+")


def _members(alias: TypeAliasType) -> list[str]:
    """Member type names, in order (``List[...]`` and the like by their repr
    without module paths, which differ between the packages)."""
    return [getattr(a, "__name__", None) or _MODULE_PATH.sub("", repr(a)) for a in typing.get_args(alias.__value__)]


def structure(obj: object) -> object:
    """What a test can compare across the two packages about one export."""
    if isinstance(obj, type) and issubclass(obj, BaseModel):
        return ("model", _fields(obj))
    if isinstance(obj, TypeAliasType):
        return ("union", _members(obj))
    if isinstance(obj, type) and issubclass(obj, Exception):
        return ("error", sorted(obj.__annotations__))
    if is_typeddict(obj):
        return ("typed dict", sorted(obj.__required_keys__), sorted(obj.__optional_keys__))
    if typing.get_origin(obj) is typing.Literal:
        return ("literal", typing.get_args(obj))
    return ("other", repr(obj))  # differs between the packages: reported


def test_same_structure(generated: Generated, ours: ModuleType) -> None:
    compared, differ = 0, []
    for model in generated.api.models:
        for export in (model.name.python + suffix for suffix in ("", "TypedDict", "Data")):
            if not (hasattr(ours, export) and hasattr(ref, export)):
                continue
            compared += 1
            if structure(getattr(ours, export)) != structure(getattr(ref, export)) and model.role != "file":
                differ.append(export)
    print(f"exports compared: {compared}, structurally different: {len(differ)}")
    assert compared > 2000 and differ == []


# -------------------------------------------------------------- behaviour


def shape(value: object) -> object:
    """The validated value as types: class names all the way down (so the
    member a union picked shows), field by field."""
    if type(value).__name__ == "Unset":
        return "Unset"
    if isinstance(value, BaseModel):
        return type(value).__name__, {k: shape(getattr(value, k)) for k in type(value).model_fields}
    if isinstance(value, list):
        return [shape(v) for v in value]
    if isinstance(value, dict):
        return {k: shape(v) for k, v in value.items()}
    return type(value).__name__


def _is_model(subject: object) -> bool:
    return isinstance(subject, type) and issubclass(subject, BaseModel)


@functools.lru_cache(maxsize=None)
def _adapter(subject: object) -> TypeAdapter[object]:
    return TypeAdapter(subject)


def validate(subject: object, payload: object) -> object:
    """``model_validate`` for a model class, a ``TypeAdapter`` for an alias."""
    if _is_model(subject):
        return subject.model_validate(payload)  # type: ignore[attr-defined]
    return _adapter(subject).validate_python(payload)


def outcome(subject: object, payload: object) -> object:
    """Invalid (with the failing top-level keys), or the validated shape and
    every serialized form: ``model_dump`` in JSON and Python mode (by alias,
    with and without ``exclude_none``) and ``model_dump_json``."""
    try:
        value = validate(subject, payload)
    except ValidationError as err:
        return "invalid", sorted({str(e["loc"][0]) if e["loc"] else "" for e in err.errors()})
    if isinstance(value, BaseModel) and _is_model(subject):
        dump, text = value.model_dump, value.model_dump_json(by_alias=True)
    else:
        adapter = _adapter(subject)
        dump = functools.partial(adapter.dump_python, value)
        text = adapter.dump_json(value, by_alias=True).decode()
    return (
        shape(value),
        dump(mode="json", by_alias=True),
        json.loads(text),
        dump(by_alias=True),
        dump(mode="json", by_alias=True, exclude_none=True),
    )


def by_field_name(payload: Payload, cls: object) -> Payload | None:
    """The payload with wire names replaced by our Python field names
    (``populate_by_name``); None when nothing would change."""
    if not (_is_model(cls) and isinstance(payload.value, dict)):
        return None
    names = {f.alias: n for n, f in cls.model_fields.items() if f.alias}  # type: ignore[attr-defined]
    if not any(k in names for k in payload.value):
        return None
    return Payload(payload.label + " (by field name)", {names.get(k, k): v for k, v in payload.value.items()})


def unset_took_input(value: object, payload: object) -> bool:
    """Speakeasy's ``Unset`` is a pydantic model: an object sent for an
    optional nullable field validates into it and the key vanishes."""
    if isinstance(value, BaseModel) and isinstance(payload, dict):
        for name, field in type(value).model_fields.items():
            given = payload.get(field.alias or name, payload.get(name))
            got = getattr(value, name)
            if type(got).__name__ == "Unset" and isinstance(given, dict):
                return True
            if unset_took_input(got, given):
                return True
    if isinstance(value, list) and isinstance(payload, list):
        return any(unset_took_input(v, p) for v, p in zip(value, payload))
    return False


def known_difference(api: ir.Api, model: ir.Model, ours: object, theirs: object, payload: object) -> str | None:
    """Which deliberate difference (tested below) explains a mismatch."""
    if model.role == "file" or _holds_file(api, model):
        return "file parts keep their input names"
    try:
        value = validate(theirs, payload)
    except ValidationError:
        return None
    if outcome(ours, payload)[0] == "invalid" and unset_took_input(value, payload):
        return "Speakeasy's Unset takes an object"
    return None


def _holds_file(api: ir.Api, model: ir.Model) -> bool:
    body = model.body
    return isinstance(body, ir.Object) and any(
        isinstance(f.type, ir.Ref) and api.model(f.type.model).role == "file" for f in body.fields)


def test_same_behaviour_on_generated_payloads(generated: Generated, ours: ModuleType) -> None:
    started = time.perf_counter()
    generator = PayloadGenerator(generated.api, seed=SEED)
    models = total = same = unions = 0
    known: dict[str, int] = {}
    differ: list[str] = []
    for model, name in common_names(generated, ours):
        mine, theirs = getattr(ours, name), getattr(ref, name)
        models += 1
        payloads = generator.payloads(model)
        payloads += [p for p in (by_field_name(p, mine) for p in payloads) if p is not None]
        for payload in payloads:
            total += 1
            unions += isinstance(model.body, ir.Union)
            a, b = outcome(mine, payload.value), outcome(theirs, payload.value)
            if a == b:
                same += 1
                continue
            why = known_difference(generated.api, model, mine, theirs, payload.value)
            if why is not None:
                known[why] = known.get(why, 0) + 1
                continue
            differ.append(f"{name} [{payload.label}] {json.dumps(payload.value, default=str)[:300]}\n"
                          f"  ours:      {str(a)[:400]}\n  speakeasy: {str(b)[:400]}")
    print(f"\nmodels compared: {models}, payloads: {total} ({unions} on unions), identical outcomes: {same}, "
          f"known differences: {known}, other differences: {len(differ)} ({time.perf_counter() - started:.1f}s)")
    assert models == len(generated.api.models)
    assert differ == [], "\n".join(differ[:20])


# -------------------------------------------------- intended differences


def test_file_parts_keep_their_input_names(ours: ModuleType) -> None:
    """A multipart file is never sent as JSON.  Speakeasy aliases its
    ``content`` to ``""`` and ``content_type`` to ``"Content-Type"`` (keys of
    its multipart encoder), so ``contentType`` in a dict is silently dropped;
    ours reads ``fileName``/``content``/``contentType``, the names the
    TypeScript SDK uses too."""
    payload = {"fileName": "a.txt", "content": b"hi", "contentType": "text/plain"}
    assert ours.File.model_validate(payload).content_type == "text/plain"
    assert ref.File.model_validate(payload).content_type is None
    by_name = {"file_name": "a.txt", "content": b"hi", "content_type": "text/plain"}
    assert ours.File.model_validate(by_name).content_type == ref.File.model_validate(by_name).content_type


def test_unset_takes_no_input(ours: ModuleType) -> None:
    """An object sent for an optional nullable string is an error for us;
    Speakeasy's ``Unset`` model accepts it and the value disappears."""
    payload = {"role": "assistant", "content": {"any": "object"}}
    name = "DeploymentStreamPrefixMessagesAssistantMessage"
    with pytest.raises(ValidationError):
        getattr(ours, name).model_validate(payload)
    assert "content" not in getattr(ref, name).model_validate(payload).model_dump(by_alias=True)


# ------------------------------------------------------------- defaults


def test_union_wrapper_default_gives_way_to_the_first_variant(ours: ModuleType) -> None:
    """``created`` has ``default`` on its ``anyOf`` wrapper, ``updated`` on the
    first variant: only the latter is a default, in both SDKs."""
    ours_body = ours.CreateContactResponseBody.model_validate({"id": "i", "external_id": "e"})
    ref_body = ref.CreateContactResponseBody.model_validate({"id": "i", "external_id": "e"})
    assert ours_body.created is None and ref_body.created is None
    assert ours_body.updated == ref_body.updated == datetime.datetime(
        2025, 4, 20, 22, 48, 49, 175000, tzinfo=datetime.timezone.utc)


def test_payloads_are_deterministic(generated: Generated) -> None:
    first = [PayloadGenerator(generated.api, seed=SEED).payloads(m) for m in generated.api.models[:50]]
    again = [PayloadGenerator(generated.api, seed=SEED).payloads(m) for m in reversed(generated.api.models[:50])]
    assert first == list(reversed(again))

