"""sdkgen diff: every change class, in request and response direction."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from conftest import shared_path

from generator.cli import main
from generator.config import Config
from generator.diff import compare, semver_bump, to_markdown
from generator.pipeline import load_api

_BASE = {
    "req": {"a": "{type: string}", "b": "{type: integer}", "e": "{type: string, enum: [x, y]}",
            "u": "{oneOf: [{type: string}, {type: object, properties: {k: {type: string}}}]}",
            "d": "{type: integer, default: 1}", "n": "{type: [string, 'null']}"},
    "req_required": ["a"],
    "resp": {"a": "{type: string}", "b": "{type: integer}", "e": "{type: string, enum: [x, y]}",
             "n": "{type: string}"},
    "resp_required": ["a"],
    "query_required": "false",
    "errors": '"404": {description: nf, content: {application/json: {schema: {type: object, properties: {m: {type: string}}}}}}',
}


def _spec(**changes: object) -> str:
    c = {**_BASE, **changes}

    def props(d: object) -> str:
        assert isinstance(d, dict)
        return "{" + ", ".join(f"{k}: {v}" for k, v in d.items()) + "}"

    return textwrap.dedent(f"""
        openapi: 3.1.0
        info: {{title: t, version: "1"}}
        paths:
          /things:
            post:
              operationId: makeThing
              x-speakeasy-group: things
              x-speakeasy-name-override: make
              parameters:
                - {{name: q, in: query, required: {c["query_required"]}, schema: {{type: string}}}}
              requestBody:
                content:
                  application/json:
                    schema: {{type: object, required: {json.dumps(c["req_required"])}, properties: {props(c["req"])}}}
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema: {{type: object, required: {json.dumps(c["resp_required"])}, properties: {props(c["resp"])}}}
                {c["errors"]}
        """)


def _changes(tmp_path: Path, **changes: object) -> list[tuple[str, str, bool]]:
    (tmp_path / "old.yaml").write_text(_spec(), encoding="utf-8")
    (tmp_path / "new.yaml").write_text(_spec(**changes), encoding="utf-8")
    old, _ = load_api(tmp_path / "old.yaml", Config())
    new, _ = load_api(tmp_path / "new.yaml", Config())
    return [(c.path, c.kind, c.breaking) for c in compare(old, new)]


R, S = dict(_BASE["req"]), dict(_BASE["resp"])  # type: ignore[call-overload]

CASES = [
    # request direction
    ("request field removed", {"req": {k: v for k, v in R.items() if k != "b"}}, ("request.body.b", "Removed", True)),
    ("request optional field added", {"req": {**R, "z": "{type: string}"}}, ("request.body.z", "Added", False)),
    ("request required field added", {"req": {**R, "z": "{type: string}"}, "req_required": ["a", "z"]},
     ("request.body.z", "Added", True)),
    ("request field made required", {"req_required": ["a", "b"]}, ("request.body.b", "Required", True)),
    ("request field made optional", {"req_required": []}, ("request.body.a", "Optional", False)),
    ("request field retyped", {"req": {**R, "b": "{type: string}"}}, ("request.body.b", "Changed", True)),
    ("request made nullable", {"req": {**R, "a": "{type: [string, 'null']}"}}, ("request.body.a", "Nullable", False)),
    ("request made not nullable", {"req": {**R, "n": "{type: string}"}}, ("request.body.n", "Not nullable", True)),
    ("request enum value removed", {"req": {**R, "e": "{type: string, enum: [x]}"}},
     ("request.body.e", "Values removed", True)),
    ("request enum value added", {"req": {**R, "e": "{type: string, enum: [x, y, z]}"}},
     ("request.body.e", "Values added", False)),
    ("request union member added", {"req": {**R, "u": "{oneOf: [{type: string}, {type: integer}, "
                                                       "{type: object, properties: {k: {type: string}}}]}"}},
     ("request.body.u", "Members added", False)),
    ("default changed", {"req": {**R, "d": "{type: integer, default: 2}"}}, ("request.body.d", "Default changed", False)),
    ("parameter made required", {"query_required": "true"}, ("request.q", "Required", True)),
    # response direction
    ("response field removed", {"resp": {k: v for k, v in S.items() if k != "b"}}, ("response.b", "Removed", True)),
    ("response field added", {"resp": {**S, "z": "{type: string}"}}, ("response.z", "Added", False)),
    ("response field made required", {"resp_required": ["a", "b"]}, ("response.b", "Required", False)),
    ("response field made optional", {"resp_required": []}, ("response.a", "Optional", True)),
    ("response made nullable", {"resp": {**S, "n": "{type: [string, 'null']}"}}, ("response.n", "Nullable", True)),
    ("response enum value added", {"resp": {**S, "e": "{type: string, enum: [x, y, z]}"}},
     ("response.e", "Values added", True)),
    ("response enum value removed", {"resp": {**S, "e": "{type: string, enum: [x]}"}},
     ("response.e", "Values removed", False)),
    # errors
    ("error response removed", {"errors": ""}, ("errors[404]", "Removed", True)),
]


@pytest.mark.parametrize("name,changes,expected", CASES, ids=[c[0] for c in CASES])
def test_change_classes(tmp_path: Path, name: str, changes: dict[str, object], expected: tuple[str, str, bool]) -> None:
    assert expected in _changes(tmp_path, **changes)


def test_no_change_no_report(tmp_path: Path) -> None:
    assert _changes(tmp_path) == []


def test_semver_bump_and_markdown(tmp_path: Path) -> None:
    (tmp_path / "old.yaml").write_text(_spec(), encoding="utf-8")
    (tmp_path / "new.yaml").write_text(_spec(req_required=["a", "b"]), encoding="utf-8")
    old, _ = load_api(tmp_path / "old.yaml", Config())
    new, _ = load_api(tmp_path / "new.yaml", Config())
    changes = compare(old, new)
    assert semver_bump(changes) == "major"
    assert "* `sdk.things.make()`: `request.body.b` **Required** (Breaking)" in to_markdown(changes, "a", "b")


def test_fail_on_breaking_exit_code_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "old.yaml").write_text(_spec(), encoding="utf-8")
    (tmp_path / "new.yaml").write_text(_spec(resp_required=[]), encoding="utf-8")
    args = ["diff", str(tmp_path / "old.yaml"), str(tmp_path / "new.yaml")]
    assert main([*args, "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["bump"] == "major" and report["breaking"] == 1
    assert main([*args, "--fail-on", "breaking"]) == 1


def test_rename_is_breaking_and_names_the_pointer(tmp_path: Path) -> None:
    """Renamed without a lock: a new inline model takes the name first."""
    base = _spec(req={**R, "usage": "{type: object, properties: {t: {type: integer}}}"})
    (tmp_path / "old.yaml").write_text(base, encoding="utf-8")
    extra = base.replace("paths:\n", "paths:\n  /early:\n    post:\n      operationId: early\n"
                         "      requestBody: {content: {application/json: {schema: {type: object, properties: "
                         "{usage: {type: object, properties: {x: {type: string}}}}}}}}\n"
                         "      responses: {'204': {description: none}}\n", 1)
    (tmp_path / "new.yaml").write_text(extra, encoding="utf-8")
    old, _ = load_api(tmp_path / "old.yaml", Config())
    new, _ = load_api(tmp_path / "new.yaml", Config())
    renames = [c for c in compare(old, new) if c.kind == "Renamed"]
    assert renames and renames[0].breaking
    assert "Usage / operations.Usage -> MakeThingUsage / operations.MakeThingUsage" in renames[0].detail
    assert "(at #/paths/~1things/post/requestBody/" in renames[0].detail  # same schema, new name


def test_orq_two_days_apart() -> None:
    old, _ = load_api(shared_path("specs", "orq-2025-04-18.yaml"), Config(sdk_class_name="Orq"))
    new, _ = load_api(shared_path("specs", "orq-2025-04-20.yaml"), Config(sdk_class_name="Orq"))
    changes = compare(old, new)
    # The two specs differ only in default timestamps and ids (CONVENTIONS.md).
    assert changes and {c.kind for c in changes} == {"Default changed"}
    assert semver_bump(changes) == "patch"
    print(f"orq 04-18 -> 04-20: {len(changes)} changes, bump {semver_bump(changes)}")
