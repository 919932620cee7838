"""Reading JSON-Schema keywords: types, nullability and union variants.

Both spellings of nullability (3.0 ``nullable: true`` and 3.1 ``type: [X,
"null"]``, or a ``{type: "null"}`` union variant) are folded here, once.
"""

from __future__ import annotations

from typing import Any

from generator import ir

Schema = dict[str, Any]


def types_of(schema: Schema) -> list[str]:
    t = schema.get("type")
    if isinstance(t, list):
        return [str(x) for x in t]
    return [str(t)] if isinstance(t, str) else []


def non_null_types(schema: Schema) -> list[str]:
    return [t for t in types_of(schema) if t != "null"]


def is_null_schema(schema: object) -> bool:
    if not isinstance(schema, dict):
        return False
    return types_of(schema) == ["null"] or ("const" in schema and schema["const"] is None)


def declares_null(schema: Schema) -> bool:
    """Nullability stated on the schema itself (not through a union).

    A ``null`` in ``enum`` counts only when no ``type`` is declared: with
    ``type: string`` the type already refuses null (JSON Schema), and in 3.0
    only ``nullable: true`` admits it, so such an enum stays non-nullable."""
    if "null" in types_of(schema) or schema.get("nullable") is True:
        return True
    enum = schema.get("enum")
    return isinstance(enum, list) and None in enum and not types_of(schema)


def union_variants(schema: Schema) -> tuple[str, list[object]] | None:
    """``("oneOf"|"anyOf", variants)`` when the schema is a union."""
    for key in ("oneOf", "anyOf"):
        variants = schema.get(key)
        if isinstance(variants, list) and variants:
            return key, variants
    return None


def is_object_like(schema: Schema) -> bool:
    return "properties" in schema or "allOf" in schema or non_null_types(schema) == ["object"]


PRIMITIVE_KINDS = ("string", "number", "integer", "boolean")


def primitive_key(schema: object) -> tuple[str, str | None] | None:
    """``(kind, format)`` for a plain primitive schema, else None."""
    if not isinstance(schema, dict) or "$ref" in schema or "enum" in schema:
        return None
    if union_variants(schema) or "allOf" in schema or "properties" in schema:
        return None
    kinds = non_null_types(schema)
    if len(kinds) == 1 and kinds[0] in PRIMITIVE_KINDS:
        fmt = schema.get("format")
        return kinds[0], fmt if isinstance(fmt, str) else None
    return None


def default_of(schema: object) -> ir.Json | None:
    """The ``default`` a property or parameter schema gives its field.

    A union wrapper's own ``default`` is ignored: the field takes the default
    of the first non-null variant, the one whose type it gets when the union
    collapses (``anyOf: [date-time string, string]``), as the reference SDK
    does.  A ``$ref`` is not followed: only a ``default`` beside it counts.
    """
    if not isinstance(schema, dict):
        return None
    union = union_variants(schema)
    if union is None:
        return ir.Json(schema["default"]) if "default" in schema else None
    for variant in union[1]:
        if not is_null_schema(variant):
            return default_of(variant)
    return None


def example_of(schema: object, use_examples: bool) -> ir.Json | None:
    """A schema's example value: ``example``, else (when ``use_examples``, as
    newer Speakeasy versions do) the first of its JSON-Schema ``examples``."""
    if not isinstance(schema, dict):
        return None
    if "example" in schema:
        return ir.Json(schema["example"])
    examples = schema.get("examples")
    if use_examples and isinstance(examples, list) and examples:
        return ir.Json(examples[0])
    return None
