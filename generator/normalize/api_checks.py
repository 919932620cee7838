"""The generator's own checks on a document, beyond schema validation."""

from __future__ import annotations

import re
from typing import Any

from generator import ir
from generator.diagnostics import Sink, SpecError, fail
from generator.loader import Workspace

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
