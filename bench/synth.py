"""Write a synthetic OpenAPI spec with N component schemas (for scaling runs).

Each schema has a few primitive fields, an enum, a nested inline object, a
nullable field and (in chains) an array of the next schema, and every tenth
schema is used by an operation, so naming, $ref resolution and rendering all scale with N.
Deterministic: the same N gives the same bytes.

    python bench/synth.py 5000 > /tmp/synth-5000.json
"""

from __future__ import annotations

import json
import sys

CHAIN = 50
"""Schemas reference the next one in chains of this length, as real
component graphs nest a few levels deep rather than one cycle through all."""


def schema(i: int, n: int) -> dict[str, object]:
    return {
        "type": "object",
        "description": f"Schema number {i}.",
        "required": ["id", "name"],
        "properties": {
            "id": {"type": "string", "format": "uuid"},
            "name": {"type": "string"},
            "count": {"type": "integer"},
            "ratio": {"type": ["number", "null"]},
            "status": {"type": "string", "enum": ["active", "inactive", f"state{i % 7}"]},
            "meta": {"type": "object", "properties": {"created_at": {"type": "string", "format": "date-time"},
                                                      "tags": {"type": "array", "items": {"type": "string"}}}},
            **({"next": {"type": "array", "items": {"$ref": f"#/components/schemas/Thing{i + 1}"}}}
               if i % CHAIN != CHAIN - 1 and i + 1 < n else {}),
        },
    }


def spec(n: int) -> dict[str, object]:
    paths: dict[str, object] = {}
    for i in range(0, n, 10):
        ref = {"$ref": f"#/components/schemas/Thing{i}"}
        paths[f"/things{i}/{{thing_id}}"] = {"get": {
            "operationId": f"getThing{i}",
            "parameters": [{"name": "thing_id", "in": "path", "required": True, "schema": {"type": "string"}}],
            "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": ref}}}},
        }}
    return {
        "openapi": "3.1.0",
        "info": {"title": "Synthetic", "version": "1.0"},
        "paths": paths,
        "components": {"schemas": {f"Thing{i}": schema(i, n) for i in range(n)}},
    }


if __name__ == "__main__":
    json.dump(spec(int(sys.argv[1])), sys.stdout, indent=1)
