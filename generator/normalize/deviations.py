"""Real-world deviations from the specification: accepted with a fallback and
reported, never refused and never dropped silently.

Each check reports a located warning (``--strict`` makes it an error) or, for
what is merely deprecated, a note.  A pointer is reported at most once even
when the walk reaches its schema several times, and an unknown ``format``
once per format.
"""

from __future__ import annotations

from typing import Any

from msgspec import Struct, field

from generator.diagnostics import Sink

# Formats of the OpenAPI Format Registry and JSON Schema that a generator may
# meet; the renderers map some of them to richer types and treat the rest as
# their plain type, which is also the fallback for unknown ones.
KNOWN_FORMATS = frozenset({
    "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float", "double", "decimal",
    "decimal128", "double-int", "byte", "binary", "base64", "base64url", "char", "date", "date-time", "time",
    "duration", "password", "email", "idn-email", "hostname", "idn-hostname", "ipv4", "ipv6", "uri",
    "uri-reference", "iri", "iri-reference", "uri-template", "uuid", "json-pointer", "relative-json-pointer",
    "regex", "html", "commonmark", "media-range", "http-date", "sf-string", "sf-token", "sf-binary",
    "sf-boolean", "sf-integer", "sf-decimal", "unixtime", "url", "timestamp", "number", "integer", "string",
})


class Deviations(Struct):
    sink: Sink
    version31: bool
    _seen: set[tuple[str, str]] = field(default_factory=set)
    _formats: set[str] = field(default_factory=set)

    def schema(self, node: dict[str, Any], ptr: str) -> None:
        """Report the deviations of one schema object (not its children)."""
        if self.version31 and "nullable" in node:
            self._once("warning", "SG104", "`nullable` is not part of OpenAPI 3.1 (use `type: [..., 'null']`); "
                       "read as nullable" if node["nullable"] is True else "`nullable` is not part of OpenAPI 3.1; "
                       "ignored", f"{ptr}/nullable")
        if "examples" in node and not isinstance(node["examples"], list):
            self._once("warning", "SG105", "`examples` of a schema must be a list (the OpenAPI `examples` map "
                       "belongs to parameters and media types); ignored", f"{ptr}/examples")
        if self.version31 and "example" in node:
            self._once("note", "SG106", "`example` of a schema is deprecated in OpenAPI 3.1 (use `examples: "
                       "[...]`); still used", f"{ptr}/example")
        fmt = node.get("format")
        if isinstance(fmt, str) and fmt not in KNOWN_FORMATS and fmt not in self._formats:
            self._formats.add(fmt)
            self._once("warning", "SG107", f"unknown format {fmt!r} (reported once); treated as its plain type",
                       f"{ptr}/format")
        for key, kind in (("properties", dict), ("required", list), ("allOf", list), ("enum", list)):
            if key in node and not isinstance(node[key], kind):
                # ``required: true`` on a property (Swagger 1.x style) is the usual case
                self.wrong_kind(key, kind, node[key], f"{ptr}/{key}")

    def wrong_kind(self, key: str, kind: type, value: object, ptr: str) -> None:
        wanted = "a mapping" if kind is dict else "a list"
        self._once("warning", "SG109", f"`{key}` must be {wanted}, not {type(value).__name__}; ignored", ptr)

    def _once(self, severity: str, code: str, message: str, ptr: str) -> None:
        if (code, ptr) in self._seen:
            return
        self._seen.add((code, ptr))
        if severity == "note":
            self.sink.note(code, message, ptr)
        else:
            self.sink.warning(code, message, ptr)


def is_31(doc: dict[str, Any]) -> bool:
    return str(doc.get("openapi", "")).startswith("3.1")
