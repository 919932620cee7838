"""Configuration: one frozen ``Config``, read from ``[tool.sdkgen]`` in a
pyproject.toml, from an ``sdkgen.yaml``, or from a Speakeasy ``gen.yaml``.

Precedence: command-line flags > the ``--config`` file > ``[tool.sdkgen]`` of
the pyproject.toml in the working directory > defaults.  Only keys that change
the output are read from a ``gen.yaml``; its other keys are ignored.
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, cast

import yaml

from generator.diagnostics import Span, fail

Target = Literal["python", "typescript"]
TARGETS: tuple[Target, ...] = ("python", "typescript")
LOCK_NAME = "sdkgen.lock"


@dataclass(frozen=True, slots=True, kw_only=True)
class Config:
    spec: Path | None = None
    out: Path = Path("generated")
    targets: tuple[Target, ...] = TARGETS
    sdk_class_name: str = "SDK"
    python_package: str = "openapi"
    typescript_package: str = "openapi"
    version: str = "0.1.0"
    author: str = ""
    description: str = ""
    enum_format: Literal["union", "enum"] = "union"
    env_var_prefix: str = ""
    default_error_name: str = "APIError"
    name_resolution_feb2025: bool = False
    maintain_openapi_order: bool = True
    max_method_params: int = 4
    """Client methods take at most this many flattened arguments; beyond it
    they take one ``request`` object (Speakeasy's ``maxMethodParams``)."""
    flattening_order: Literal["parameters-first", "body-first"] = "parameters-first"
    """Order of flattened arguments: parameters, then body fields, or the reverse."""
    lock_file: Path | None = None
    """Where assigned model names are recorded: ``sdkgen.lock`` next to the
    config file.  None when no config file was used."""

    @property
    def python_module(self) -> str:
        """``orq-ai-sdk`` -> ``orq_ai_sdk``: the import name of the package."""
        return self.python_package.replace("-", "_").replace(".", "_").lower()


# [tool.sdkgen] / sdkgen.yaml keys -> Config fields.
_OWN_KEYS = {
    "spec": "spec",
    "out": "out",
    "targets": "targets",
    "sdk-class-name": "sdk_class_name",
    "python-package": "python_package",
    "typescript-package": "typescript_package",
    "version": "version",
    "author": "author",
    "description": "description",
    "enum-format": "enum_format",
    "env-var-prefix": "env_var_prefix",
    "default-error-name": "default_error_name",
    "name-resolution-feb2025": "name_resolution_feb2025",
    "maintain-openapi-order": "maintain_openapi_order",
    "max-method-params": "max_method_params",
    "flattening-order": "flattening_order",
}


def from_pyproject(path: Path) -> dict[str, object]:
    """The ``[tool.sdkgen]`` table, with paths made relative to its file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise fail("SG030", f"cannot read configuration: {exc}", span=Span(str(path), 1, 1)) from None
    table = data.get("tool", {}).get("sdkgen", {})
    return {**_own_keys(table, path), "lock_file": path.parent / LOCK_NAME}


def _own_keys(table: dict[str, object], path: Path) -> dict[str, object]:
    out: dict[str, object] = {}
    for key, value in table.items():
        field = _OWN_KEYS.get(key.replace("_", "-"))
        if field is None:
            raise fail("SG030", f"unknown configuration key {key!r}", span=Span(str(path), 1, 1))
        if field in ("spec", "out"):
            value = path.parent / str(value)
        if field == "targets":
            value = tuple(cast(list[str], value))
        out[field] = value
    return out


def from_file(path: Path) -> dict[str, object]:
    """A Speakeasy ``gen.yaml``, an ``sdkgen.yaml`` or a pyproject.toml."""
    if path.suffix == ".toml":
        return from_pyproject(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise fail("SG030", f"cannot read configuration: {exc}", span=Span(str(path), 1, 1)) from None
    if not isinstance(data, dict):
        raise fail("SG030", "configuration must be a mapping", span=Span(str(path), 1, 1))
    if "configVersion" in data or "generation" in data:
        return {**_from_gen_yaml(data), "lock_file": path.parent / LOCK_NAME}
    return {**_own_keys(data, path), "lock_file": path.parent / LOCK_NAME}


def _from_gen_yaml(data: dict[str, object]) -> dict[str, object]:
    """Read the keys of a Speakeasy gen.yaml that change the generated output."""
    gen = _table(data, "generation")
    fixes = _table(gen, "fixes")
    py, ts = _table(data, "python"), _table(data, "typescript")
    lang = py or ts
    out: dict[str, object] = {}
    _put(out, "sdk_class_name", gen.get("sdkClassName"))
    _put(out, "maintain_openapi_order", gen.get("maintainOpenAPIOrder"))
    _put(out, "name_resolution_feb2025", fixes.get("nameResolutionFeb2025"))
    _put(out, "python_package", py.get("packageName"))
    _put(out, "typescript_package", ts.get("packageName"))
    _put(out, "version", lang.get("version"))
    _put(out, "enum_format", lang.get("enumFormat"))
    _put(out, "env_var_prefix", lang.get("envVarPrefix"))
    _put(out, "default_error_name", lang.get("defaultErrorName"))
    _put(out, "description", lang.get("description"))
    _put(out, "max_method_params", lang.get("maxMethodParams"))
    _put(out, "flattening_order", lang.get("flatteningOrder"))
    authors = py.get("authors")
    _put(out, "author", ts.get("author") or (authors[0] if isinstance(authors, list) and authors else None))
    return out


def _table(data: dict[str, object], key: str) -> dict[str, object]:
    value = data.get(key)
    return value if isinstance(value, dict) else {}


def _put(out: dict[str, object], field: str, value: object) -> None:
    if value is not None:
        out[field] = value


def build(*layers: dict[str, object]) -> Config:
    merged: dict[str, object] = {}
    for layer in layers:
        merged.update(layer)
    targets = merged.get("targets")
    if targets is not None:
        bad = [t for t in cast(tuple[str, ...], targets) if t not in TARGETS]
        if bad:
            raise fail("SG030", f"unknown target {bad[0]!r} (choose from {', '.join(TARGETS)})")
    _check_client_options(merged)
    return dataclasses.replace(Config(), **merged)  # type: ignore[arg-type]


def _check_client_options(merged: dict[str, object]) -> None:
    limit = merged.get("max_method_params")
    if limit is not None and (not isinstance(limit, int) or isinstance(limit, bool) or limit < 0):
        raise fail("SG030", f"max-method-params must be a non-negative integer, not {limit!r}")
    order = merged.get("flattening_order")
    if order is not None and order not in ("parameters-first", "body-first"):
        raise fail("SG030", f"unknown flattening-order {order!r} (choose from parameters-first, body-first)")
