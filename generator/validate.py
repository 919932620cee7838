"""``sdkgen validate``: openapi-spec-validator plus the generator's own checks."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

from generator.config import Config
from generator.diagnostics import Diagnostic, Sink, SpecError
from generator.loader import Workspace, load_spec
from generator.normalize import normalize

_MAX_SCHEMA_ERRORS = 50


def validate(spec: Path, display: str, config: Config) -> list[Diagnostic]:
    ws, sink = load_spec(spec, display, config.overlays)
    _schema_errors(ws, sink)
    try:
        normalize(ws, config, sink)
    except SpecError as exc:
        sink.items.extend(d for d in exc.diagnostics if d not in sink.items)
    # a schema error already says what is wrong at a pointer; the generator's
    # warning about the same spot (its fallback) would only repeat it
    invalid = {d.pointer for d in sink.items if d.code == "SG005" and d.severity == "error"}
    return [d for d in sink.items if d.severity != "warning" or d.pointer not in invalid]


def _schema_errors(ws: Workspace, sink: Sink) -> None:
    from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator

    doc = ws.root
    if not isinstance(doc, dict) or not str(doc.get("openapi", "")).startswith("3."):
        return  # normalize reports what this is instead
    cls = OpenAPIV31SpecValidator if str(doc["openapi"]).startswith("3.1") else OpenAPIV30SpecValidator
    try:
        found: Iterable[Any] = cls(doc).iter_errors() or ()
        for count, error in enumerate(found):
            if count >= _MAX_SCHEMA_ERRORS:
                sink.error("SG005", "too many schema errors; stopping here")
                break
            path: Iterable[object] = getattr(error, "absolute_path", None) or getattr(error, "path", None) or ()
            pointer = "#" + "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)
            sink.error("SG005", f"invalid OpenAPI document: {getattr(error, 'message', error)}", pointer)
    except Exception as exc:  # noqa: BLE001 - a validator crash must not become a traceback
        # Typically an unresolved $ref, which normalize reports with its location.
        sink.add("note", "SG005", f"the OpenAPI validator stopped early: {str(exc)[:160]}")
