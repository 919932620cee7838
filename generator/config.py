"""Configuration: one frozen ``Config``, read from ``[tool.sdkgen]`` in a
pyproject.toml, from an ``sdkgen.yaml``, or from a Speakeasy ``gen.yaml``.

Precedence: command-line flags > the ``--config`` file > ``[tool.sdkgen]`` of
the pyproject.toml in the working directory > defaults.  Only keys that change
the output are read from a ``gen.yaml``; its other keys are ignored.

sdkgen's own keys are checked: an unknown key (with a did-you-mean) or a
value of the wrong type is an SG030 error at its line in the file.
"""

from __future__ import annotations

import dataclasses
import difflib
import os
import re
import tomllib
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Literal, Sequence, cast, get_args, get_origin

import yaml

from generator.diagnostics import Diagnostic, Span, SpecError, fail
from generator.words import pascal

# yaml.safe_load's rules, read by libyaml's C parser where PyYAML has it.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

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
    """Speakeasy's 2025 naming (``fixes.nameResolutionFeb2025``): clashes
    resolved symmetrically, ``{Op}Request``/``{Op}Response`` bodies,
    singular array items."""
    maintain_openapi_order: bool = True
    request_body_field_name: str = ""
    """The body's field in ``{Op}Request`` wrappers; empty: named after the
    body's component, else ``request_body``."""
    use_class_names_for_array_fields: bool = True
    legacy_file_naming: bool = True
    """TypeScript file and doc names: lowercased class names (``chatrequest``)
    when true, kebab-case (``chat-request``) when false."""
    typescript_shared_path: str = "models/components"
    """Where the TypeScript shared (component) models are imported from,
    below the package (gen.yaml ``imports.paths.shared``): it sets their
    qualifier (``components.X`` or ``models.X``) and their docs directory."""
    union_strategy: Literal["left-to-right", "populated-fields"] = "left-to-right"
    """How a TypeScript union picks its member when several parse."""
    zod_version: Literal["v3", "v4", "v4-mini"] = "v3"
    const_fields_always_optional: bool = False
    forward_compatible_enums: bool = False
    """Enums accept unknown values (open enums) unless marked closed."""
    forward_compatible_unions: Literal["false", "tagged-only", "all"] = "false"
    pre_apply_union_discriminators: bool = False
    """A union without a ``discriminator`` whose object members pin one shared
    required property to distinct values is discriminated by it; the property
    is a constant in each member (TypeScript gen.yaml key)."""
    optional_property_rendering: Literal["withExample", "always", "never"] = "withExample"
    """Which optional fields the TypeScript docs' example values show
    (``usageSnippets.optionalPropertyRendering``): those with a spec example
    below them, all of them, or none."""
    compat_version: str = ""
    """The Speakeasy version whose output is matched where versions differ
    (read from the gen.lock beside a gen.yaml); empty for the newest."""
    ignored_keys: tuple[str, ...] = ()
    """Keys of a gen.yaml that sdkgen read and ignored (shown with --verbose)."""
    max_method_params: int = 4
    """Client methods take at most this many flattened arguments; beyond it
    they take one ``request`` object (Speakeasy's ``maxMethodParams``)."""
    flattening_order: Literal["parameters-first", "body-first"] = "parameters-first"
    """Order of flattened arguments: parameters, then body fields, or the reverse."""
    overlays: tuple[Path, ...] = ()
    """OpenAPI Overlay files applied to the spec, in this order, before normalizing."""
    lock_file: Path | None = None
    """Where assigned model names are recorded: ``sdkgen.lock`` next to an
    sdkgen config file (pyproject.toml or sdkgen.yaml).  None without one, and
    for a Speakeasy gen.yaml, which sdkgen only reads."""

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
    "use-class-names-for-array-fields": "use_class_names_for_array_fields",
    "request-body-field-name": "request_body_field_name",
    "legacy-file-naming": "legacy_file_naming",
    "typescript-shared-path": "typescript_shared_path",
    "union-strategy": "union_strategy",
    "zod-version": "zod_version",
    "const-fields-always-optional": "const_fields_always_optional",
    "forward-compatible-enums": "forward_compatible_enums",
    "forward-compatible-unions": "forward_compatible_unions",
    "pre-apply-union-discriminators": "pre_apply_union_discriminators",
    "optional-property-rendering": "optional_property_rendering",
    "compat-version": "compat_version",
    "max-method-params": "max_method_params",
    "flattening-order": "flattening_order",
    "overlays": "overlays",
}
_HINTS: dict[str, Any] = typing.get_type_hints(Config)
Where = Callable[[Sequence[str]], Span]
"""Keys from the top of a configuration file -> their position."""


def from_pyproject(path: Path) -> dict[str, object]:
    """The ``[tool.sdkgen]`` table, with paths made relative to its file."""
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise fail("SG030", f"cannot read configuration: {exc}", span=Span(str(path), 1, 1)) from None
    table = data.get("tool", {}).get("sdkgen", {})
    if not isinstance(table, dict):
        raise fail("SG030", "[tool.sdkgen] must be a table", span=_toml_span(text, str(path), ()))
    return {**_own_keys(table, path, lambda keys: _toml_span(text, str(path), keys)),
            "lock_file": path.parent / LOCK_NAME}


def _own_keys(table: dict[str, object], path: Path, where: Where) -> dict[str, object]:
    """sdkgen's own keys as Config fields; every problem is reported at once."""
    out: dict[str, object] = {}
    problems: list[Diagnostic] = []
    for key, value in table.items():
        name = str(key).replace("_", "-")
        field = _OWN_KEYS.get(name)
        if field is None:
            close = difflib.get_close_matches(name, list(_OWN_KEYS), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else f" (known keys: {', '.join(_OWN_KEYS)})"
            problems.append(_problem(f"unknown configuration key {key!r}{hint}", where([str(key)])))
            continue
        converted, problem = _convert(field, value, path.parent)
        if problem:
            problems.append(_problem(f"{key!r} {problem}", where([str(key)])))
        else:
            out[field] = converted
    if problems:
        raise SpecError(problems)
    return out


def _convert(field: str, value: object, base: Path) -> tuple[object, str | None]:
    """A configuration value as its Config field holds it (paths relative to
    ``base``), or what is wrong with it."""
    hint = _HINTS[field]
    if get_origin(hint) is tuple:
        item = get_args(hint)[0]
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(_fits(item, v) for v in items):
            return None, f"must be a list of {_expected(item)}, not {_show(value)}"
        return tuple(base / v if item is Path else v for v in items), None
    if hint is Path or Path in get_args(hint):
        hint = Path
    if not _fits(hint, value):
        return None, f"must be {_expected(hint)}, not {_show(value)}"
    return (base / cast(str, value) if hint is Path else value), None


def _fits(hint: Any, value: object) -> bool:
    if get_origin(hint) is Literal:
        return any(value == a and type(value) is type(a) for a in get_args(hint))
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, str if hint is Path else hint)


def _expected(hint: Any) -> str:
    if get_origin(hint) is Literal:
        return "one of " + ", ".join(repr(a) for a in get_args(hint))
    names = {bool: "true or false", int: "an integer", str: "a string", Path: "a path (a string)"}
    return names.get(hint, str(hint))


def _show(value: object) -> str:
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"the number {value!r} (quote it to make it a string)"
    return repr(value)


def _problem(message: str, span: Span) -> Diagnostic:
    return Diagnostic("error", "SG030", message, span=span)


def _toml_span(text: str, display: str, keys: Sequence[str]) -> Span:
    """Line of a key of the [tool.sdkgen] table (tomllib keeps no positions)."""
    lines = text.splitlines()
    header = re.compile(r"^\s*\[\s*tool\s*\.\s*sdkgen\s*\]")
    start = next((i for i, line in enumerate(lines) if header.match(line)), None)
    if start is None:
        return Span(display, 1, 1)
    if keys:
        key = re.compile(rf"""^\s*(["']?){re.escape(keys[0])}\1\s*=""")
        for i in range(start + 1, len(lines)):
            if lines[i].lstrip().startswith("[") and not lines[i].lstrip().startswith("[["):
                break
            if key.match(lines[i]):
                return Span(display, i + 1, len(lines[i]) - len(lines[i].lstrip()) + 1)
    return Span(display, start + 1, 1)


def _yaml_span(text: str, display: str, keys: Sequence[str]) -> Span:
    """Position of a key path in a YAML file (composed only on error)."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return Span(display, 1, 1)
    mark = None
    for key in keys:
        found = next((kv for kv in node.value if str(kv[0].value) == key), None) if isinstance(
            node, yaml.MappingNode) else None
        if found is None:
            break
        mark, node = found[0].start_mark, found[1]
    return Span(display, mark.line + 1, mark.column + 1) if mark else Span(display, 1, 1)


def from_file(path: Path) -> dict[str, object]:
    """A Speakeasy ``gen.yaml``, an ``sdkgen.yaml`` or a pyproject.toml."""
    if path.suffix == ".toml":
        return from_pyproject(path)
    try:
        text = path.read_text(encoding="utf-8")
        data = yaml.load(text, Loader=_SAFE_LOADER) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise fail("SG030", f"cannot read configuration: {exc}", span=Span(str(path), 1, 1)) from None
    if not isinstance(data, dict):
        raise fail("SG030", "configuration must be a mapping", span=Span(str(path), 1, 1))

    def where(keys: Sequence[str]) -> Span:
        return _yaml_span(text, str(path), keys)

    if "configVersion" in data or "generation" in data:
        # A Speakeasy gen.yaml is another tool's file, often in a directory
        # sdkgen does not own: read it, but record no names beside it.
        layer = _from_gen_yaml(data, where)
        _put(layer, "compat_version", compat_version_beside(path))
        return layer
    return {**_own_keys(data, path, where), "lock_file": path.parent / LOCK_NAME}


# Config field -> its key path in a Speakeasy gen.yaml; "*" is the python
# table, or the typescript one when there is no python table.
_GEN_KEYS: dict[str, tuple[str, ...]] = {
    "sdk_class_name": ("generation", "sdkClassName"),
    "maintain_openapi_order": ("generation", "maintainOpenAPIOrder"),
    "name_resolution_feb2025": ("generation", "fixes", "nameResolutionFeb2025"),
    "use_class_names_for_array_fields": ("generation", "useClassNamesForArrayFields"),
    "request_body_field_name": ("generation", "requestBodyFieldName"),
    "optional_property_rendering": ("generation", "usageSnippets", "optionalPropertyRendering"),
    "python_package": ("python", "packageName"),
    "typescript_package": ("typescript", "packageName"),
    "version": ("*", "version"),
    "enum_format": ("*", "enumFormat"),
    "env_var_prefix": ("*", "envVarPrefix"),
    "default_error_name": ("*", "defaultErrorName"),
    "description": ("*", "description"),
    "max_method_params": ("*", "maxMethodParams"),
    "flattening_order": ("*", "flatteningOrder"),
    "legacy_file_naming": ("*", "legacyFileNaming"),
    "typescript_shared_path": ("typescript", "imports", "paths", "shared"),
    "union_strategy": ("*", "unionStrategy"),
    "zod_version": ("*", "zodVersion"),
    "const_fields_always_optional": ("*", "constFieldsAlwaysOptional"),
    "forward_compatible_enums": ("*", "forwardCompatibleEnumsByDefault"),
    "forward_compatible_unions": ("*", "forwardCompatibleUnionsByDefault"),
    "pre_apply_union_discriminators": ("*", "preApplyUnionDiscriminators"),
}


def _from_gen_yaml(data: dict[str, object], where: Where) -> dict[str, object]:
    """Read the keys of a Speakeasy gen.yaml that change the generated output;
    the others are Speakeasy's and ignored, but the ones read must be well typed."""
    lang = "python" if _table(data, "python") else "typescript"
    out: dict[str, object] = {}
    problems: list[Diagnostic] = []
    for field, keys in _GEN_KEYS.items():
        path = tuple(lang if k == "*" else k for k in keys)
        value: object = data
        for key in path:
            value = value.get(key) if isinstance(value, dict) else None
        if value is None:
            continue
        if _HINTS[field] is str and isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)  # as Speakeasy reads `version: 1.0`
        if field == "forward_compatible_unions" and isinstance(value, bool):
            value = "all" if value else "false"
        converted, problem = _convert(field, value, Path())
        if problem:
            problems.append(_problem(f"{'.'.join(path)} {problem}", where(path)))
        else:
            out[field] = converted
    if problems:
        raise SpecError(problems)
    py, ts = _table(data, "python"), _table(data, "typescript")
    authors = py.get("authors")
    _put(out, "author", ts.get("author") or (authors[0] if isinstance(authors, list) and authors else None))
    out["ignored_keys"] = tuple(_unread_keys(data, lang))
    return out


def _unread_keys(data: dict[str, object], lang: str) -> list[str]:
    """Dotted paths of the gen.yaml's settings that sdkgen does not read."""
    read = {tuple(lang if k == "*" else k for k in keys) for keys in _GEN_KEYS.values()}
    read |= {(lang, "author"), ("python", "authors"), ("configVersion",)}
    prefixes = {path[:i] for path in read for i in range(1, len(path))}
    unread: list[str] = []

    def visit(node: object, path: tuple[str, ...]) -> None:
        if path in read:
            return
        if isinstance(node, dict) and node and (not path or path in prefixes or path[0] in ("generation", lang)):
            for key, value in node.items():
                visit(value, (*path, str(key)))
        elif path:
            unread.append(".".join(path))

    visit(data, ())
    return unread


def compat_version_beside(gen_yaml: Path) -> str | None:
    """The Speakeasy version recorded in the ``gen.lock`` beside a gen.yaml
    (``management.speakeasyVersion``), if there is one."""
    try:
        text = (gen_yaml.parent / "gen.lock").read_text(encoding="utf-8")
        # A gen.lock lists every generated file (hundreds of KB): parse only
        # its `management:` block, which comes first.
        block = re.search(r"^management:[ \t]*\n(?:[ \t]+.*\n|[ \t]*\n)*", text + "\n", re.M)
        lock = yaml.load(block[0], Loader=_SAFE_LOADER) if block else None
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    management = lock.get("management") if isinstance(lock, dict) else None
    version = management.get("speakeasyVersion") if isinstance(management, dict) else None
    return str(version) if isinstance(version, (str, int, float)) and not isinstance(version, bool) else None


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
    _check_compat_version(merged.get("compat_version"))
    _check_model_dirs(merged)
    return dataclasses.replace(Config(), **merged)  # type: ignore[arg-type]


def _check_client_options(merged: dict[str, object]) -> None:
    limit = merged.get("max_method_params")
    if limit is not None and (not isinstance(limit, int) or isinstance(limit, bool) or limit < 0):
        raise fail("SG030", f"max-method-params must be a non-negative integer, not {limit!r}")
    order = merged.get("flattening_order")
    if order is not None and order not in ("parameters-first", "body-first"):
        raise fail("SG030", f"unknown flattening-order {order!r} (choose from parameters-first, body-first)")


def _check_compat_version(value: object) -> None:
    if value and not re.fullmatch(r"\d+(\.\d+){0,2}", str(value)):
        raise fail("SG030", f"compat-version must look like 1.535.1, not {value!r}")


def _check_model_dirs(merged: dict[str, object]) -> None:
    dirs = {f: merged.get(f) for f in ("typescript_shared_path",)}
    for name, value in dirs.items():
        if value is None:
            continue
        parts = str(value).split("/")
        if not all(re.fullmatch(r"[A-Za-z0-9_-]+", p) for p in parts):
            raise fail("SG030", f"{name.replace('_', '-')} must be a relative path of plain names, not {value!r}")


# The first Speakeasy version seen to take a schema's `examples[0]` as its
# example (1.535 ignored `examples`; every newer golden uses it): the
# normalizer (union members) and the docs (the Example column) both follow it.
LISTED_EXAMPLES_SINCE = "1.637.0"


def compat_at_least(config: Config, version: str) -> bool:
    """Whether the output should follow Speakeasy ``version`` or newer:
    true with no compat version (sdkgen follows the newest behaviour)."""
    if not config.compat_version:
        return True

    def key(text: str) -> tuple[int, ...]:
        return tuple(int(p) for p in text.split("."))

    return key(config.compat_version) >= key(version)


def starter(spec: Path, title: str, config_path: Path) -> str:
    """A starter sdkgen.yaml for ``spec``: names derived from the API's title
    (``Orq Sessions API`` -> package ``orq-sessions-sdk``, class ``OrqSessions``)."""
    words = re.findall(r"[A-Za-z0-9]+", title) or re.findall(r"[A-Za-z0-9]+", spec.stem) or ["api"]
    while len(words) > 1 and words[-1].lower() in ("api", "sdk", "openapi", "swagger", "spec"):
        words.pop()
    slug = "-".join([w.lower() for w in words] + ["sdk"])
    if slug[0].isdigit():
        slug = "api-" + slug  # the Python module name must not start with a digit
    class_name = pascal(" ".join(words))
    settings = {
        "spec": Path(os.path.relpath(spec.resolve(), config_path.resolve().parent)).as_posix(),
        "out": "generated",
        "targets": list(TARGETS),
        "sdk-class-name": class_name if class_name.isidentifier() else "SDK",
        "python-package": slug,
        "typescript-package": slug,
        "version": "0.1.0",
    }
    head = ("# sdkgen configuration: every key is described in sdkgen's README (Configuration).\n"
            "# Paths are relative to this file.\n")
    tail = "# overlays: [overlays/fixes.yaml]   # OpenAPI Overlay files, applied in order\n"
    return head + yaml.safe_dump(settings, sort_keys=False, default_flow_style=None) + tail
