"""Media types, as every target reads them."""

from __future__ import annotations


def is_json(media_type: str) -> bool:
    """``application/json`` or a ``+json`` type, parameters and case aside."""
    base = media_type.split(";")[0].strip().lower()
    return base == "application/json" or base.endswith("+json")
