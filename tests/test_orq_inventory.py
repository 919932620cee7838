"""The model inventory and names of a real 1.2 MB spec match Speakeasy's docs.

Runs whenever ../shared is present; the golden doc file names are the
reference (a doc file is the lowercased model name).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import shared_path

from generator.config import Config
from generator.diagnostics import Sink
from generator.loader import load
from generator.normalize import normalize
from generator.render.identifiers import python_doc_stem, typescript_doc_stem


@pytest.mark.parametrize("spec,golden,target", [
    ("orq-2025-04-20.yaml", "orq-python", "python"),
    ("orq-2025-04-18.yaml", "orq-typescript", "typescript"),
])
def test_orq_model_names_match_golden_docs(spec: str, golden: str, target: str) -> None:
    ws = load(shared_path("specs", spec))
    api = normalize(ws, Config(sdk_class_name="Orq"), Sink(locator=ws.locate_all))
    docs = shared_path("golden", golden, "docs", "models")
    if target == "python":
        expected = {p.stem for p in docs.glob("*.md")}
        mine = {python_doc_stem(m.name.python) for m in api.models}
    else:
        expected = {f"{p.parent.name}/{p.stem}" for p in docs.glob("*/*.md")}
        mine = {f"{m.name.ts_namespace}/{typescript_doc_stem(m.name.typescript)}" for m in api.models}
    print(f"{golden}: {len(expected & mine)}/{len(expected)} model names identical")
    assert sorted(mine - expected) == [] and sorted(expected - mine) == []


def test_sdk_class_displaced_by_component_gets_sdk_suffix() -> None:
    ws = load(shared_path("specs", "orq-2025-04-20.yaml"))
    api = normalize(ws, Config(sdk_class_name="Orq"), Sink(locator=ws.locate_all))
    classes = dict(api.sdk_classes)
    assert classes[("Deployments",)] == "DeploymentsSDK" and classes[("Prompts",)] == "Prompts"
