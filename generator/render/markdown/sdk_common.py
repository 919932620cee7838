"""What the Python and TypeScript operation docs share: which operations
each SDK class documents, its names per language, response and error rows,
and the Markdown helpers."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import jinja2
from msgspec import Struct

from generator import ir
from generator.config import Config
from generator.render.env import environment
from generator.render.markdown.table import render_table
from generator.render.python_client.names import class_identifier
from generator.words import camel, pascal, snake

RETRIES_TEXT = "Configuration to override the default retry behavior of the client."
REQUEST_TEXT = "The request object to use for the request."
_ANCHOR_DROP = re.compile(r"[^a-z0-9 _-]")


class Group(Struct, frozen=True, kw_only=True, gc=False):
    """The operations of one SDK class, in spec order."""

    path: tuple[str, ...]
    """The ``x-speakeasy-group`` parts; ``()`` for the root SDK class."""
    operations: tuple[ir.Operation, ...]


class ErrorRow(Struct, frozen=True, kw_only=True, gc=False):
    model: ir.Model
    statuses: tuple[str, ...]
    content_type: str


class OpView(Struct, frozen=True, kw_only=True, gc=False):
    """One ``## method`` section, every piece already rendered."""

    name: str
    anchor: str
    summary: str | None
    description: str | None
    deprecated: bool
    example: str
    standalone: str
    params: str
    response: str | None
    errors: str


class SdkDocView(Struct, frozen=True, kw_only=True, gc=False):
    title: str
    accessor: str | None
    """``sessions`` / ``deployments.metrics``; None for the root class."""
    overview: str | None
    operations: tuple[OpView, ...]


def groups(api: ir.Api) -> tuple[Group, ...]:
    """Every SDK class that has operations, in order of first appearance."""
    found: dict[tuple[str, ...], list[ir.Operation]] = {}
    for op in api.operations:
        found.setdefault(op.group, []).append(op)
    return tuple(Group(path=path, operations=tuple(ops)) for path, ops in found.items())


def python_class(api: ir.Api, config: Config, path: tuple[str, ...]) -> str:
    """The Python class of a group: its word, ``SDK``-suffixed when a model
    took the name (``DeploymentsSDK``)."""
    word = pascal(path[-1]) if path else pascal(config.sdk_class_name)
    return class_identifier(dict(api.sdk_classes).get((word,), word))


def typescript_class(config: Config, path: tuple[str, ...]) -> str:
    return pascal(path[-1]) if path else pascal(config.sdk_class_name)


def python_accessor(path: tuple[str, ...]) -> str:
    return ".".join(snake(p) for p in path)


def typescript_accessor(path: tuple[str, ...]) -> str:
    return ".".join(camel(p) for p in path)


def env_var(config: Config, key: str) -> str:
    """``ORQ_API_KEY``: the env-var prefix and the scheme name in upper snake."""
    name = snake(key).upper()
    return f"{config.env_var_prefix}_{name}" if config.env_var_prefix else name


def anchor(heading: str) -> str:
    """GitHub's anchor of a heading."""
    return _ANCHOR_DROP.sub("", heading.lower()).replace(" ", "-")


def root_overview(api: ir.Api) -> str | None:
    """``Title: description``, then the external docs link."""
    parts = []
    if api.title or api.description:
        parts.append(": ".join(p for p in (api.title, api.description) if p))
    if api.external_docs is not None:
        link = f"<{api.external_docs.url}>"
        parts.append(f"{api.external_docs.description}\n{link}" if api.external_docs.description else link)
    return "\n\n".join(parts) or None


def success(op: ir.Operation) -> ir.Response | None:
    """The first 2xx response with a body: what the method returns."""
    return next((r for r in op.responses if r.status.startswith("2") and r.type is not None), None)


def is_stream(response: ir.Response) -> bool:
    return (response.content_type or "").startswith("text/event-stream")


def error_rows(api: ir.Api, op: ir.Operation) -> tuple[ErrorRow, ...]:
    """4xx/5xx responses with a model body, one row per (model, content
    type), statuses joined in status order."""
    rows: dict[tuple[str, str], list[str]] = {}
    for r in op.responses:
        if r.status[:1] in ("4", "5") and isinstance(r.type, ir.Ref):
            rows.setdefault((r.type.model, r.content_type or ""), []).append(r.status)
    return tuple(ErrorRow(model=api.model(m), statuses=tuple(s), content_type=c) for (m, c), s in rows.items())


def errors_table(rows: Sequence[tuple[str, str, str]], default_error: str) -> str:
    """``Error Type | Status Code | Content Type``, ending with the catch-all
    error, whose content type is an escaped ``*/*``."""
    body = [list(r) for r in rows] + [[default_error, "4XX, 5XX", "\\*/\\*"]]
    return render_table(["Error Type", "Status Code", "Content Type"], body)


def relink(cell: str) -> str:
    """A model-doc type cell as seen from ``docs/sdks/<class>/``: its links
    gain one level (``../models/x.md`` -> ``../../models/x.md``).  Type cells
    hold only model names and fixed text, never spec prose."""
    return cell.replace("](../models/", "](../../models/")


@lru_cache(maxsize=None)
def _env() -> jinja2.Environment:
    return environment("markdown")


def render(template: str, **context: object) -> str:
    return _env().get_template(template).render(**context)


def block(open_: str, close: str, lines: list[str], indent: int, step: int) -> str:
    """A bracketed literal with one entry per line and trailing commas, as
    both languages' usage snippets print objects, maps and lists."""
    if not lines:
        return open_ + close
    inner = " " * (indent + step)
    return open_ + "\n" + "".join(f"{inner}{line},\n" for line in lines) + " " * indent + close
