"""The generator's own checks on a document, beyond schema validation."""

from __future__ import annotations

import re
from typing import Any

from generator import ir
from generator.diagnostics import Sink, SpecError, fail
from generator.loader import Workspace
from generator.render.identifiers import python_field, typescript_field

_PATH_PARAM = re.compile(r"\{([^{}]+)\}")


def check_document(ws: Workspace) -> dict[str, Any]:
    """The root must be an OpenAPI 3.x document (Swagger 2.0 was converted on load)."""
    doc = ws.root
    if not isinstance(doc, dict):
        raise fail("SG003", "the document is not a mapping, so not an OpenAPI description", "#", ws.locate("#"))
    version = doc.get("openapi")
    if version is None:
        if "swagger" in doc:
            raise fail("SG004", f"Swagger {doc['swagger']} is not supported (Swagger 2.0 and OpenAPI 3.x are)",
                       "#/swagger", ws.locate("#/swagger"))
        raise fail("SG003", "no 'openapi' key: not an OpenAPI document", "#", ws.locate("#"))
    if not str(version).startswith("3."):
        raise fail("SG004", f"OpenAPI version {version!r} is not supported (3.0 and 3.1 are)", "#/openapi",
                   ws.locate("#/openapi"))
    if not isinstance(doc.get("paths", {}), dict):
        raise fail("SG005", "'paths' must be a mapping", "#/paths", ws.locate("#/paths"))
    return doc


def check_info(doc: dict[str, Any], sink: Sink) -> None:
    """``info.version`` is required, but an SDK can be generated without it."""
    info = doc.get("info")
    if not isinstance(info, dict):
        sink.warning("SG108", "no `info` object; an empty title and version are used", "#")
    elif info.get("version") is None or info.get("version") == "":
        sink.warning("SG108", "no `info.version`; an empty version is used", "#/info")


def check_operations(operations: list[ir.Operation], ws: Workspace, sink: Sink) -> None:
    seen: dict[str, str] = {}
    errors = []
    for op in operations:
        if op.operation_id:
            if op.operation_id in seen:
                errors.append(("SG020", f"duplicate operationId {op.operation_id!r} (first at {seen[op.operation_id]})",
                               f"{op.id}/operationId"))
            seen.setdefault(op.operation_id, op.id)
        declared = {p.wire_name for p in op.parameters if p.location == "path"}
        for name in _PATH_PARAM.findall(op.path):
            if name not in declared:
                errors.append(("SG022", f"path parameter {{{name}}} of {op.path!r} is not declared", op.id))
    for code, message, pointer in errors:
        sink.error(code, message, pointer)
    if errors:
        raise SpecError(sink.errors)


def check_field_names(models: tuple[ir.Model, ...], sink: Sink) -> None:
    """Two properties of one model that map to the same identifier in a
    target (``foo_bar`` and ``fooBar``) still generate: every target keeps the
    first in spec order and numbers the later ones (``foo_bar2``), which is
    deterministic but surprising, so it is reported (SG021), once per field."""
    for model in models:
        if not isinstance(model.body, ir.Object):
            continue
        firsts: dict[str, dict[str, ir.Field]] = {"Python": {}, "TypeScript": {}}
        for f in model.body.fields:
            clashes = []
            for target, ident in (("Python", python_field), ("TypeScript", typescript_field)):
                name = ident(f.wire_name, f.name_override)
                first = firsts[target].setdefault(name, f)
                if first is not f:
                    clashes.append(f"{target} name {name!r} (as {first.wire_name!r})")
            if clashes:
                sink.warning("SG021", f"property {f.wire_name!r} maps to the same identifier as an earlier one: "
                             f"{', '.join(clashes)}; it gets a number suffix", f.origin)
