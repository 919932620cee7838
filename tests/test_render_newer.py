"""Rendering under newer Speakeasy versions and gen.yaml flags: file naming,
import paths, table padding, the Example column, open enums, const cells.

Each case is a small hand-written model set or spec; the orq behaviour
(Speakeasy 1.535, legacy file naming, ``models/components``) is checked beside
the newer one where they differ.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

import node_env
from generator import ir
from generator.config import Config
from generator.render import typescript, typescript_client
from generator.render.markdown import render_python_docs, render_typescript_docs
from generator.render.ts_layout import DEFAULT_LAYOUT, TsLayout, kebab
from test_markdown_docs import BOOL, STR, _api, _field, _model
from test_typescript_client import assert_tsc, sessions, write_package

@pytest.fixture(scope="session")
def node_modules() -> Path:
    return node_env.node_modules()


KEBAB = Config(typescript_package="pkg", legacy_file_naming=False, typescript_shared_path="models")


# ------------------------------------------------------------ file naming


@pytest.mark.parametrize(("name", "stem"), [
    ("ApiAccountLedgerResponse", "api-account-ledger-response"),
    ("ErrorT", "error-t"),
    # digits stay with the word before them; a capital after a digit starts a word
    ("ApiSharedEnum07ee8fd91e", "api-shared-enum07ee8fd91e"),
    ("ApiSharedObjectba6d1f3759ExchangeRate", "api-shared-objectba6d1f3759-exchange-rate"),
    ("HTTPValidationError", "http-validation-error"),
    ("Status", "status"),
])
def test_kebab_case_file_stems(name: str, stem: str) -> None:
    assert kebab(name) == stem
    assert TsLayout(legacy_file_naming=False).stem(name) == stem
    assert DEFAULT_LAYOUT.stem(name) == name.lower()


def test_default_layout_is_orq_style() -> None:
    assert DEFAULT_LAYOUT.import_path("components") == "models/components"
    assert DEFAULT_LAYOUT.qualified("operations", "X") == "operations.X"
    assert DEFAULT_LAYOUT.doc_link("models/operations", "components", "ChatRequest") == \
        "../../models/components/chatrequest.md"


def test_shared_path_moves_shared_models_only() -> None:
    layout = TsLayout.of(KEBAB)
    assert layout.qualified("components", "ChatRequest") == "models.ChatRequest"
    assert layout.doc_path("components", "ChatRequest") == "models/chat-request.md"
    assert layout.doc_path("operations", "GetRequest") == "models/operations/get-request.md"
    # links climb out of the directory of the doc holding them
    assert layout.doc_link("models", "components", "ChatRequest") == "../models/chat-request.md"
    assert layout.doc_link("models/operations", "components", "ChatRequest") == "../../models/chat-request.md"


def test_docs_follow_the_layout() -> None:
    pet = _model("PetOwner", ir.Object(fields=(_field("name", STR),)), ns="components")
    body = _model("GetPetRequest", ir.Object(fields=(_field("owner", ir.Ref(model="#/PetOwner")),)))
    docs = render_typescript_docs(_api(pet, body), KEBAB)
    assert set(docs) == {"typescript/docs/models/pet-owner.md",
                         "typescript/docs/models/operations/get-pet-request.md"}
    assert 'import { PetOwner } from "pkg/models";' in docs["typescript/docs/models/pet-owner.md"]
    row = docs["typescript/docs/models/operations/get-pet-request.md"].splitlines()[-1]
    assert "[models.PetOwner](../../models/pet-owner.md)" in row


def test_kebab_modules_and_shared_export_compile(node_modules: Path, tmp_path: Path) -> None:
    api, config = sessions()
    config = dataclasses.replace(config, legacy_file_naming=False, typescript_shared_path="models")
    plan = {**typescript.render(api, config), **typescript_client.render(api, config)}
    stems = {p.rsplit("/", 1)[1] for p in plan if p.startswith("typescript/src/models/operations/")}
    assert any("-" in s for s in stems)
    assert '"./models": {' in plan["typescript/package.json"]
    package = write_package(plan, tmp_path, node_modules)
    assert_tsc(package, node_modules, "--noEmit")
