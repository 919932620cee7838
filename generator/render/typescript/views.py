"""Per-model views: everything a template needs, computed before rendering.

A template receives one ``ModelView``; names, imports, type and zod
expressions are decided here so templates only loop and print.  Spec strings
(descriptions, wire names) stay raw here and are escaped by the template
filters; expressions built here escape their literals themselves.
"""

from __future__ import annotations

import re
from typing import Iterable, Literal

from msgspec import Struct

from generator import ir
from generator.config import Config
from generator.render.identifiers import typescript_field
from generator.render.ts_layout import DEFAULT_LAYOUT, TsLayout
from generator.render.typescript.escape import ts_literal, ts_string
from generator.render.typescript.types import Scope, body_refs, field_type, is_optional, ts_type
from generator.render.typescript.zod import zod_field, zod_literal, zod_type, zod_union
from generator.render.typescript.zod_flavor import ZodFlavor
from generator.words import camel, pascal

NAMESPACES = ("components", "operations", "errors")
# File stems a model may not take: the namespace barrel, and device names
# that Windows refuses as file names whatever the extension.
_RESERVED_STEMS = frozenset(
    {"index", "con", "prn", "aux", "nul"} | {f"{d}{i}" for d in ("com", "lpt") for i in range(1, 10)}
)
# Runtime types a model file imports by name; aliased when a model shadows them.
_RUNTIME_TYPES = frozenset({"ClosedEnum", "SafeParseResult", "UnknownVariant"})


class FieldView(Struct, frozen=True, gc=False):
    name: str
    """The camelCase property of the model type."""
    wire_name: str
    description: str | None
    deprecated: bool
    optional: bool
    type: str
    wire_type: str
    zod_in: str
    zod_out: str


class ObjectView(Struct, frozen=True, gc=False):
    fields: tuple[FieldView, ...]
    renamed: bool
    """Some property differs from its wire name, so the schemas ``remap``."""
    additional_in: str | None
    additional_out: str | None

    @property
    def inbound_entries(self) -> list[tuple[str, str]]:
        return [(f.wire_name, f.zod_in) for f in self.fields]

    @property
    def outbound_entries(self) -> list[tuple[str, str]]:
        return [(f.name, f.zod_out) for f in self.fields]

    @property
    def inbound_renames(self) -> list[tuple[str, str]]:
        return [(f.wire_name, f.name) for f in self.fields if f.name != f.wire_name]

    @property
    def outbound_renames(self) -> list[tuple[str, str]]:
        return [(f.name, f.wire_name) for f in self.fields if f.name != f.wire_name]


class EnumMember(Struct, frozen=True, gc=False):
    key: str
    literal: str


class EnumView(Struct, frozen=True, gc=False):
    style: Literal["const", "enum", "literals"]
    members: tuple[EnumMember, ...]
    type: str
    """The right-hand side of ``export type X =`` (unused by the ``enum`` style)."""
    zod: str


class UnionView(Struct, frozen=True, gc=False):
    type: str
    wire_type: str
    zod_in: str
    zod_out: str
    smart: bool = False
    """Parsed with ``smartUnion`` (``unionStrategy: populated-fields``)."""
    open: bool = False
    """Forward-compatible: imports the unknown-variant helpers."""


class ModelView(Struct, frozen=True, gc=False):
    kind: Literal["object", "enum", "union"]
    name: str
    fn: str
    """camelCase of the name: the prefix of ``xToJSON`` / ``xFromJSON``."""
    namespace: str
    stem: str
    description: str | None
    deprecated: bool
    imports: tuple[str, ...]
    closed_enum: str
    safe_parse_result: str
    body: ObjectView | EnumView | UnionView

    @property
    def path(self) -> str:
        return model_path(self.namespace, self.stem)


def module_stem(name: str, layout: TsLayout = DEFAULT_LAYOUT) -> str:
    """The file name of a model: its lowercased or kebab-case name (unique
    per namespace either way, since names are compared case-insensitively
    when they are assigned and kebab-case only adds hyphens)."""
    stem = layout.stem(name)
    return stem + "_" if stem in _RESERVED_STEMS else stem


def model_path(namespace: str, stem: str) -> str:
    return f"typescript/src/models/{namespace}/{stem}.ts"


def model_view(api: ir.Api, model: ir.Model, config: Config, lazy: frozenset[str]) -> ModelView:
    ns = model.name.ts_namespace
    same_ns = _same_namespace_refs(api, model)
    taken = frozenset({model.name.typescript} | {api.model(i).name.typescript for i in same_ns})
    scope = Scope(api=api, namespace=ns, taken=taken, lazy=lazy, zod=ZodFlavor.of(config))
    layout = TsLayout.of(config)
    closed_enum, safe_parse_result = (_runtime_alias(n, taken) for n in ("ClosedEnum", "SafeParseResult"))
    kind, body = _body(model, scope, closed_enum, config)
    return ModelView(
        kind=kind, name=model.name.typescript, fn=camel(model.name.typescript), namespace=ns,
        stem=module_stem(model.name.typescript, layout), description=model.description,
        deprecated=model.deprecated, closed_enum=closed_enum, safe_parse_result=safe_parse_result,
        imports=_imports(api, model, body, same_ns, taken, layout, scope.zod.module), body=body,
    )


def _body(
    model: ir.Model, scope: Scope, closed_enum: str, config: Config
) -> tuple[Literal["object", "enum", "union"], ObjectView | EnumView | UnionView]:
    match model.body:
        case ir.Object() as body:
            return "object", _object(body, scope)
        case ir.Enum() as body:
            return "enum", enum_view(body, model.name.typescript, closed_enum, config)
        case ir.Union() as body:
            return "union", _union(body, scope, config.union_strategy == "populated-fields")


def _object(body: ir.Object, scope: Scope) -> ObjectView:
    names = property_names(tuple(typescript_field(f.wire_name, f.name_override) for f in body.fields))
    fields = tuple(
        FieldView(
            name=name, wire_name=f.wire_name, description=f.description, deprecated=f.deprecated,
            optional=is_optional(f, scope.api), type=field_type(f, scope),
            wire_type=field_type(f, scope, wire=True), zod_in=zod_field(f, scope),
            zod_out=zod_field(f, scope, outbound=True),
        )
        for name, f in zip(names, body.fields)
    )
    extra = body.additional
    return ObjectView(
        fields=fields, renamed=any(f.name != f.wire_name for f in fields),
        additional_in=zod_type(extra, scope) if extra is not None else None,
        additional_out=zod_type(extra, scope, outbound=True) if extra is not None else None,
    )


def property_names(names: tuple[str, ...]) -> tuple[str, ...]:
    """Make property names unique in spec order (``a``, ``a2``): two wire
    names can map to one camelCase identifier (``foo_bar`` / ``fooBar``)."""
    used: set[str] = set()
    out: list[str] = []
    for name in names:
        unique = _first_free(name, used)
        used.add(unique)
        out.append(unique)
    return tuple(out)


def _first_free(base: str, used: set[str]) -> str:
    if base not in used:
        return base
    sep = "_" if base[-1:].isdigit() else ""
    n = 2
    while f"{base}{sep}{n}" in used:
        n += 1
    return f"{base}{sep}{n}"


def enum_view(body: ir.Enum, name: str, closed_enum: str, config: Config) -> EnumView:
    values = body.values
    if not all(_is_enum_scalar(v) for v in values):
        # Booleans (or objects) mixed in: z.nativeEnum cannot hold them.
        return EnumView(
            style="literals", members=(),
            type=_type_union(ts_literal(v) or "any" for v in values),
            zod=zod_union([zod_literal(v) for v in values]),
        )
    keys = property_names(tuple(enum_key(v) for v in values))
    members = tuple(EnumMember(key=k, literal=ts_literal(v) or "") for k, v in zip(keys, values))
    closed = f"{closed_enum}<typeof {name}>"
    # forwardCompatibleEnumsByDefault opens every enum of the code (the docs
    # keep their open-enum note for the ones the spec declares open).
    if not (body.open or config.forward_compatible_enums):
        style: Literal["const", "enum"] = "enum" if config.enum_format == "enum" else "const"
        return EnumView(style=style, members=members, type=closed, zod=f"z.nativeEnum({name})")
    # A TS `enum` cannot be widened, so open enums always use the const object.
    kinds = [k for k, t in (("string", str), ("number", (int, float))) if any(isinstance(v, t) for v in values)]
    return EnumView(
        style="const", members=members,
        type=" | ".join([closed] + [f"({k} & {{}})" for k in kinds]),
        zod=zod_union([f"z.nativeEnum({name})"] + [f"z.{k}()" for k in kinds]),
    )


def _is_enum_scalar(value: object) -> bool:
    """Values ``z.nativeEnum`` accepts: strings and finite numbers (which
    always have a ``ts_literal``)."""
    if isinstance(value, bool):
        return False
    return isinstance(value, str) or (isinstance(value, (int, float)) and ts_literal(value) is not None)


def enum_key(value: object) -> str:
    """PascalCase member key (``"in-progress"`` -> ``InProgress``); numbers and
    keys that would not start with a letter get a ``Value`` prefix."""
    if isinstance(value, str):
        key = pascal(value)
    else:
        key = "Value" + re.sub(r"[^0-9A-Za-z]", "_", str(value).replace("-", "Minus"))
    if not key or not key[0].isalpha() or key in ("Infinity", "NaN"):
        key = "Value" + key
    return key


def _union(body: ir.Union, scope: Scope, populated_fields: bool = False) -> UnionView:
    """``populated_fields``: inbound parsing keeps the option that fills the
    most fields rather than the first that parses (gen.yaml ``unionStrategy``)."""
    types = [m.type for m in body.members]
    options = [zod_type(t, scope) for t in types]
    smart = populated_fields and len(options) > 1
    outbound = [zod_type(t, scope, outbound=True) for t in types]
    zod_in = f"smartUnion([{', '.join(options)}])" if smart else zod_union(options)
    view = UnionView(
        type=_type_union(ts_type(t, scope) for t in types),
        wire_type=_type_union(ts_type(t, scope, wire=True) for t in types),
        zod_in=zod_in, zod_out=zod_union(outbound), smart=smart,
    )
    return _forward_compatible(view, outbound, body, scope) if body.open else view


def _forward_compatible(view: UnionView, outbound: list[str], body: ir.Union, scope: Scope) -> UnionView:
    """An open union also holds an ``UnknownVariant``: inbound, a value no
    member accepts becomes one (for a tagged union, only an object whose tag
    no member has: a known tag with a bad payload still fails); outbound, it
    is sent back as received.  It is tried after the members inbound (the
    members decide first) and before them outbound (a member whose fields are
    all optional would otherwise take it and send ``{}``)."""
    unknown = _runtime_alias("UnknownVariant", scope.taken)
    if body.discriminator is None:
        raw, fallback = "unknown", "unknownVariant()"
    else:
        known = ", ".join(ts_literal(v) or "null" for v in _tags(body, scope.api))
        raw = "{ [k: string]: unknown }"
        fallback = f"unknownTaggedVariant({ts_string(body.discriminator)}, [{known}])"
    return UnionView(
        type=f"{view.type} | {unknown}<{raw}>", wire_type=f"{view.wire_type} | {raw}" if raw != "unknown" else raw,
        zod_in=scope.zod.or_else(view.zod_in, fallback),
        zod_out=zod_union([f"unknownVariantOutbound<{raw}>()", *outbound]),
        smart=view.smart, open=True,
    )


def _tags(body: ir.Union, api: ir.Api) -> list[object]:
    """The discriminator values the members declare (a constant, or an enum of
    one value, in each member object's discriminating field)."""
    tags: list[object] = []
    for member in body.members:
        if not isinstance(member.type, ir.Ref):
            continue
        target = api.model(member.type.model).body
        fields = target.fields if isinstance(target, ir.Object) else ()
        for f in fields:
            if f.wire_name != body.discriminator:
                continue
            if isinstance(f.type, ir.Literal):
                tags.append(f.type.value)
            elif isinstance(f.type, ir.Ref) and isinstance(enum := api.model(f.type.model).body, ir.Enum):
                tags.extend(enum.values)
    return list(dict.fromkeys(tags))


def _type_union(types: Iterable[str]) -> str:
    return " | ".join(dict.fromkeys(types)) or "never"


def _same_namespace_refs(api: ir.Api, model: ir.Model) -> list[str]:
    ns = model.name.ts_namespace
    refs = dict.fromkeys(r for r in body_refs(model.body) if r != model.id)
    return [r for r in refs if api.model(r).name.ts_namespace == ns]


def _runtime_alias(name: str, taken: frozenset[str]) -> str:
    return name + "$" if name in taken else name


def _imports(
    api: ir.Api, model: ir.Model, body: ObjectView | EnumView | UnionView, same_ns: list[str],
    taken: frozenset[str], layout: TsLayout, zod_module: str = "zod",
) -> tuple[str, ...]:
    """Import statements, in a fixed order: zod, runtime, other namespaces,
    then same-namespace models by file name."""
    lines = [f"import * as z from {ts_string(zod_module)};"]
    if isinstance(body, EnumView):
        if body.style == "const":
            lines.append(_named_import(("type ClosedEnum",), taken, "../../types/enums.js"))
        return tuple(lines)
    if isinstance(body, ObjectView) and body.renamed:
        lines.append(_named_import(("remap",), taken, "../../lib/primitives.js"))
    helpers: tuple[str, ...] = ("smartUnion",) if isinstance(body, UnionView) and body.smart else ()
    if isinstance(body, UnionView) and body.open:
        helpers += ("type UnknownVariant", "unknownTaggedVariant" if "unknownTaggedVariant(" in body.zod_in
                    else "unknownVariant", "unknownVariantOutbound")
    if helpers:
        lines.append(_named_import(helpers, taken, "../../lib/primitives.js"))
    lines.append(_named_import(("decodeJSON", "encodeJSON", "type SafeParseResult"), taken, "../../lib/json.js"))
    other_ns = sorted({api.model(r).name.ts_namespace for r in body_refs(model.body)} - {model.name.ts_namespace})
    lines += [f"import * as {ns} from {ts_string(f'../{ns}/index.js')};" for ns in other_ns]
    for ref in sorted(same_ns, key=lambda r: module_stem(api.model(r).name.typescript, layout)):
        name = api.model(ref).name.typescript
        names = "".join(f"  {n},\n" for n in (f"type {name}", f"{name}$inboundSchema",
                                               f"type {name}$Outbound", f"{name}$outboundSchema"))
        lines.append(f"import {{\n{names}}} from {ts_string(f'./{module_stem(name, layout)}.js')};")
    return tuple(lines)


def _named_import(names: tuple[str, ...], taken: frozenset[str], path: str) -> str:
    parts = []
    for spec in names:
        bare = spec.removeprefix("type ")
        parts.append(f"{spec} as {bare}$" if bare in _RUNTIME_TYPES and bare in taken else spec)
    return f"import {{ {', '.join(parts)} }} from {ts_string(path)};"


__all__ = ["NAMESPACES", "ModelView", "model_view", "module_stem", "model_path"]
