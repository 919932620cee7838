"""OpenAPI Overlay 1.0: the specification's examples, order, diagnostics in
the overlay file, and the config key and ``--overlay`` flag."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from generator import config as cfg
from generator.config import Config
from generator.diagnostics import Diagnostic, SpecError
from generator.loader import load_spec
from generator.pipeline import build_plan

SPEC = """\
openapi: 3.0.3
info:
  title: Pets
  version: 1.0.0
  description: Old description.
tags:
  - name: pets
paths:
  /pets:
    get:
      operationId: listPets
      tags: [pets]
      parameters:
        - {name: dummy, in: query, schema: {type: string}}
        - {name: filter, in: query, schema: {type: string}}
      responses:
        200: {description: ok}
    post:
      operationId: createPet
      x-internal: true
      tags: [pets]
      responses:
        "201": {description: created}
  /internal:
    get:
      operationId: internalThing
      x-internal: true
      responses:
        "204": {description: none}
"""


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def _apply(tmp_path: Path, *overlays: str, spec: str = SPEC) -> tuple[dict[str, Any], list[Diagnostic]]:
    spec_path = _write(tmp_path, "spec.yaml", spec)
    paths = [_write(tmp_path, f"overlay{i}.yaml", text) for i, text in enumerate(overlays)]
    ws, sink = load_spec(spec_path, "spec.yaml", paths)
    assert isinstance(ws.root, dict)
    return ws.root, sink.items


def _errors(tmp_path: Path, overlay: str) -> list[Diagnostic]:
    with pytest.raises(SpecError) as info:
        _apply(tmp_path, overlay)
    return info.value.diagnostics


# ------------------------------------------------------ the spec's examples


def test_update_the_info_description(tmp_path: Path) -> None:
    doc, found = _apply(tmp_path, """\
        overlay: 1.0.0
        info:
          title: Update the description
          version: 1.0.0
        actions:
          - target: $.info
            description: Provide a better description
            update:
              description: An API to manage pets.
        """)
    assert doc["info"] == {"title": "Pets", "version": "1.0.0", "description": "An API to manage pets."}
    assert found == []


def test_remove_a_path_item(tmp_path: Path) -> None:
    doc, found = _apply(tmp_path, """\
        overlay: 1.0.0
        info: {title: Remove internal paths, version: 1.0.0}
        actions:
          - target: $.paths['/internal']
            remove: true
        """)
    assert list(doc["paths"]) == ["/pets"] and found == []


def test_add_tags_to_operations_selected_by_a_filter(tmp_path: Path) -> None:
    doc, _ = _apply(tmp_path, """\
        overlay: 1.0.0
        info: {title: Tag internal operations, version: 1.0.0}
        actions:
          - target: $.paths.*[?@.x-internal == true]
            update:
              tags: [internal]
        """)
    ops = {op["operationId"]: op.get("tags") for item in doc["paths"].values() for op in item.values()}
    # Arrays are appended to: the existing tags stay.
    assert ops == {"listPets": ["pets"], "createPet": ["pets", "internal"], "internalThing": ["internal"]}


def test_update_appends_to_an_array_target(tmp_path: Path) -> None:
    doc, _ = _apply(tmp_path, """\
        overlay: 1.0.0
        info: {title: Add an array element, version: 1.0.0}
        actions:
          - target: $.paths.*.get.parameters
            update:
              name: newParam
              in: query
          - target: $.tags
            update:
              - name: internal
              - name: beta
        """)
    params = doc["paths"]["/pets"]["get"]["parameters"]
    assert [p["name"] for p in params] == ["dummy", "filter", "newParam"]
    assert "parameters" not in doc["paths"]["/internal"]["get"]  # nothing to append to
    assert doc["tags"] == [{"name": "pets"}, {"name": "internal"}, {"name": "beta"}]


def test_wildcard_update_and_filtered_remove(tmp_path: Path) -> None:
    doc, _ = _apply(tmp_path, """\
        overlay: 1.0.0
        info: {title: Update many objects at once, version: 1.0.0}
        actions:
          - target: $.paths.*.get
            update:
              x-safe: true
          - target: $.paths.*.get.parameters[?@.name=='filter' && @.in=='query']
            update:
              schema:
                $ref: '#/components/schemas/filterSchema'
          - target: $.paths.*.get.parameters[?@.name == 'dummy']
            remove: true
        """)
    get = doc["paths"]["/pets"]["get"]
    assert get["x-safe"] is True and doc["paths"]["/internal"]["get"]["x-safe"] is True
    # Objects merge: the ref joins the schema's other keys.
    assert get["parameters"] == [{"name": "filter", "in": "query",
                                  "schema": {"type": "string", "$ref": "#/components/schemas/filterSchema"}}]


def test_deep_merge_keeps_siblings_and_replaces_scalars(tmp_path: Path) -> None:
    doc, _ = _apply(tmp_path, """\
        overlay: 1.0.0
        info: {title: Structured overlay, version: 1.0.0}
        actions:
          - target: $
            update:
              info:
                x-overlay-applied: structured-overlay
              paths:
                /pets:
                  get:
                    summary: Retrieve a list of pets
                    x-rate-limit: 100
        """)
    assert doc["info"]["title"] == "Pets" and doc["info"]["x-overlay-applied"] == "structured-overlay"
    get = doc["paths"]["/pets"]["get"]
    assert (get["summary"], get["x-rate-limit"], get["operationId"]) == ("Retrieve a list of pets", 100, "listPets")


def test_status_codes_match_as_strings(tmp_path: Path) -> None:
    doc, found = _apply(tmp_path, """\
        overlay: 1.0.0
        info: {title: t, version: 1.0.0}
        actions:
          - target: $.paths['/pets'].get.responses['200']
            update: {description: the pets}
        """)
    assert doc["paths"]["/pets"]["get"]["responses"] == {"200": {"description": "the pets"}} and found == []


def test_overlays_apply_in_order(tmp_path: Path) -> None:
    first = """\
        overlay: 1.0.0
        info: {title: first, version: 1.0.0}
        actions:
          - target: $.info
            update: {description: from the first}
        """
    second = """\
        overlay: 1.0.0
        info: {title: second, version: 1.0.0}
        actions:
          - target: $.info[?@ == 'from the first']
            remove: true
          - target: $.info
            update: {x-second: true}
        """
    doc, found = _apply(tmp_path, first, second)
    assert "description" not in doc["info"] and doc["info"]["x-second"] is True and found == []


# ------------------------------------------------------------- diagnostics


def test_target_matching_nothing_is_a_warning_at_the_action(tmp_path: Path) -> None:
    overlay = """\
        overlay: 1.0.0
        info: {title: t, version: 1.0.0}
        actions:
          - target: $.info
            update: {x-a: 1}
          - target: $.paths['/nope'].get
            update: {x-b: 2}
        """
    doc, found = _apply(tmp_path, overlay)
    [diag] = found
    assert (diag.severity, diag.code, diag.pointer) == ("warning", "SG041", "#/actions/1/target")
    assert diag.span is not None and diag.span.file.endswith("overlay0.yaml") and diag.span.line == 6
    assert doc["info"]["x-a"] == 1  # the other actions still apply
    spec = tmp_path / "spec.yaml"
    config = Config(spec=spec, targets=(), overlays=(tmp_path / "overlay0.yaml",))
    assert [d.code for d in build_plan(config).diagnostics] == ["SG041"]
    with pytest.raises(SpecError) as info:
        build_plan(config, strict=True)
    assert [d.code for d in info.value.diagnostics] == ["SG041"]


def test_invalid_overlay_documents_are_located_errors(tmp_path: Path) -> None:
    found = _errors(tmp_path, """\
        overlay: 1.0.0
        info: {title: t}
        actions:
          - target: $.info
            updates: {description: typo}
          - target: $.paths[
            update: {}
          - target: $.info
            remove: "yes"
        """)
    assert {d.code for d in found} == {"SG040"} and all(d.severity == "error" for d in found)
    where = {d.pointer: d.span.line for d in found if d.span}
    assert where == {"#/info": 2, "#/actions/0/updates": 5, "#/actions/0": 4, "#/actions/1/target": 6,
                     "#/actions/2/remove": 9, "#/actions/2": 8}
    assert all(d.span is not None and d.span.file.endswith("overlay0.yaml") for d in found)


@pytest.mark.parametrize("text, message", [
    ("info: {title: t, version: '1'}\nactions: [{target: $, remove: true}]\n", "missing 'overlay'"),
    ("overlay: 2.0.0\ninfo: {title: t, version: '1'}\nactions: [{target: $.info, remove: true}]\n", "version"),
    ("overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions: []\n", "non-empty"),
    ("- just a list\n", "mapping"),
])
def test_invalid_overlay_headers(tmp_path: Path, text: str, message: str) -> None:
    found = _errors(tmp_path, text)
    assert found[0].code == "SG040" and message in found[0].message


def test_update_that_does_not_fit_is_an_error(tmp_path: Path) -> None:
    found = _errors(tmp_path, """\
        overlay: 1.0.0
        info: {title: t, version: 1.0.0}
        actions:
          - target: $.info.title
            update: {x: 1}
        """)
    assert [(d.code, d.pointer, d.span.line if d.span else 0) for d in found] == [("SG040", "#/actions/0/update", 5)]


def test_removing_the_root_is_an_error(tmp_path: Path) -> None:
    found = _errors(tmp_path, "overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions: [{target: $, remove: true}]\n")
    assert found[0].code == "SG040" and "root" in found[0].message


def test_nodes_an_overlay_adds_are_located_in_the_overlay(tmp_path: Path) -> None:
    _write(tmp_path, "spec.yaml", SPEC)
    overlay = _write(tmp_path, "fix.yaml", """\
        overlay: 1.0.0
        info: {title: t, version: 1.0.0}
        actions:
          - target: $.paths['/pets'].post
            update:
              requestBody:
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/Missing'}
        """)
    with pytest.raises(SpecError) as info:
        build_plan(Config(spec=tmp_path / "spec.yaml", targets=(), overlays=(overlay,)))
    [diag] = info.value.diagnostics
    assert diag.code == "SG010" and diag.span is not None
    assert (Path(diag.span.file).name, diag.span.line) == ("fix.yaml", 9)


def test_positions_follow_array_elements_after_a_removal(tmp_path: Path) -> None:
    spec = SPEC.replace("{name: filter, in: query, schema: {type: string}}",
                        "{name: filter, in: query, schema: {$ref: '#/components/schemas/Gone'}}")
    _write(tmp_path, "spec.yaml", spec)
    overlay = _write(tmp_path, "fix.yaml", """\
        overlay: 1.0.0
        info: {title: t, version: 1.0.0}
        actions:
          - target: $.paths.*.get.parameters[?@.name == 'dummy']
            remove: true
        """)
    with pytest.raises(SpecError) as info:
        build_plan(Config(spec=tmp_path / "spec.yaml", targets=(), overlays=(overlay,)))
    [diag] = info.value.diagnostics
    assert diag.pointer.startswith("#/paths/~1pets/get/parameters/0")  # it moved up
    assert diag.span is not None and diag.span.line == 15  # where the filter parameter is written


def test_swagger_targets_get_a_hint(tmp_path: Path) -> None:
    swagger = """\
        swagger: "2.0"
        info: {title: t, version: "1"}
        paths: {}
        definitions:
          Pet: {type: object}
        """
    doc, found = _apply(tmp_path, """\
        overlay: 1.0.0
        info: {title: t, version: 1.0.0}
        actions:
          - target: $.definitions.Pet
            update: {description: a pet}
          - target: $.components.schemas.Pet
            update: {description: a pet}
        """, spec=swagger)
    assert doc["components"]["schemas"]["Pet"] == {"type": "object", "description": "a pet"}
    [diag] = found
    assert diag.code == "SG041" and "$.components.schemas" in diag.message


# ------------------------------------------------------------ config and CLI


_RENAME = """\
    overlay: 1.0.0
    info: {title: t, version: 1.0.0}
    actions:
      - target: $.paths['/pets'].get
        update: {operationId: NAME}
    """


def test_config_overlays_are_relative_to_the_config_file(tmp_path: Path) -> None:
    _write(tmp_path, "api/spec.yaml", SPEC)
    _write(tmp_path, "api/overlays/one.yaml", _RENAME.replace("NAME", "first"))
    conf = _write(tmp_path, "api/sdkgen.yaml", "spec: spec.yaml\noverlays: [overlays/one.yaml]\n")
    config = cfg.build(cfg.from_file(conf))
    assert config.overlays == (tmp_path / "api" / "overlays" / "one.yaml",)
    api = build_plan(config)
    assert api.diagnostics == []


def _sdkgen(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator.cli", *args], capture_output=True, text=True, cwd=cwd)


def test_overlay_flags_follow_the_config_overlays(tmp_path: Path) -> None:
    _write(tmp_path, "spec.yaml", SPEC)
    _write(tmp_path, "one.yaml", _RENAME.replace("NAME", "first"))
    _write(tmp_path, "two.yaml", _RENAME.replace("NAME", "second"))
    _write(tmp_path, "sdkgen.yaml", "spec: spec.yaml\nout: out\ntargets: [python]\noverlays: [one.yaml]\n")
    proc = _sdkgen("generate", "--overlay", "two.yaml", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    models = {p.name for p in (tmp_path / "out").rglob("*.py")}
    assert "secondop.py" in models and "firstop.py" not in models and "listpetsop.py" not in models


def test_validate_and_check_take_overlays(tmp_path: Path) -> None:
    _write(tmp_path, "spec.yaml", SPEC)
    _write(tmp_path, "bad.yaml", "overlay: 1.0.0\ninfo: {title: t, version: '1'}\n"
                                 "actions: [{target: '$.nope', update: {}}]\n")
    proc = _sdkgen("validate", "spec.yaml", "--overlay", "bad.yaml", cwd=tmp_path)
    assert proc.returncode == 0 and "bad.yaml:3:" in proc.stderr and "warning[SG041]" in proc.stderr
    proc = _sdkgen("check", "spec.yaml", "-o", "out", "--overlay", "bad.yaml", "--strict", cwd=tmp_path)
    assert proc.returncode == 1 and "bad.yaml:3:" in proc.stderr and "Traceback" not in proc.stderr
