"""Normalize: a loaded spec -> ``ir.Api`` plus diagnostics.

Contract:
- Reads only the raw documents of a ``loader.Workspace`` and the ``Config``.
- Decides everything the renderers must not re-decide: which schemas become
  models, their names per target, required/optional/nullable, wire names.
- Never imports jinja2 or any renderer.
- Fatal problems raise ``SpecError``; others are reported to the ``Sink``.
"""

from __future__ import annotations

from typing import Any

from msgspec import structs

from generator import ir
from generator.config import LISTED_EXAMPLES_SINCE, Config, compat_at_least
from generator.diagnostics import Sink, fail
from generator.loader import Workspace
from generator.normalize.discriminators import discriminator_constants
from generator.normalize.api_checks import check_document, check_field_names, check_info, check_operations
from generator.normalize.assign import NameLock, assign_names
from generator.normalize.naming import COMPONENT
from generator.normalize.const_fields import optional_const_fields
from generator.normalize.open_enums import open_response_enums, open_response_unions
from generator.normalize.context import Slot
from generator.normalize.operation import METHODS, OperationWalker, retry_policy, timeout_ms
from generator.normalize.schema import Draft, Walker
from generator.normalize.security import GLOBAL_SECURITY, requirements
from generator.words import pascal


def normalize(ws: Workspace, config: Config, sink: Sink, lock: NameLock | None = None) -> ir.Api:
    doc = check_document(ws)
    check_info(doc, sink)
    walker = Walker(ws, sink, use_examples=compat_at_least(config, LISTED_EXAMPLES_SINCE),
                    constants=discriminator_constants(ws) if config.pre_apply_union_discriminators else frozenset())
    global_headers = _global_headers(doc)
    schemes = _security_schemes(doc)
    ops_walker = OperationWalker(walker, frozenset(p.wire_name for p in global_headers),
                                 requirements(doc.get("security")), tuple(s.key for s in schemes),
                                 doc.get("security"), config.request_body_field_name)
    operations: list[ir.Operation] = []
    for path, item in (doc.get("paths") or {}).items():
        if not isinstance(item, dict):
            continue
        item_ptr = "#/paths/" + str(path).replace("~", "~0").replace("/", "~1")
        for method, op in item.items():
            if method in METHODS and isinstance(op, dict):
                operations.append(ops_walker.walk(f"{item_ptr}/{method}", op, method, str(path), item.get("parameters") or []))
    check_operations(operations, ws, sink)
    _included_components(walker, doc)
    walker.walk_deferred()
    if schemes:
        _security_model(walker, schemes, requirements(doc.get("security")))
    sdk_groups = _sdk_groups(config, operations)
    names, sdk_classes, raw_names = assign_names(walker, sdk_groups, lock, config.name_resolution_feb2025)
    models = tuple(_finish(d, names[d.id], walker, config.maintain_openapi_order) for d in walker.drafts.values())
    if config.forward_compatible_enums:
        models = open_response_enums(models, operations)
    if config.forward_compatible_unions != "false":
        models = open_response_unions(models, operations, config.forward_compatible_unions == "tagged-only")
    if config.const_fields_always_optional:
        models = optional_const_fields(models)
    check_field_names(models, sink)
    info = _mapping(doc.get("info"))
    return ir.Api(
        title=_text(info.get("title")), version=_text(info.get("version")),
        description=info.get("description") if isinstance(info.get("description"), str) else None,
        servers=tuple(ir.Server(url=str(s.get("url", "")), description=s.get("description"))
                      for s in doc.get("servers") or [] if isinstance(s, dict)),
        security_schemes=schemes, operations=tuple(operations), models=models,
        security_model=GLOBAL_SECURITY if GLOBAL_SECURITY in walker.drafts else None,
        sdk_classes=sdk_classes, global_headers=global_headers,
        external_docs=_external_docs(doc.get("externalDocs")),
        retries=retry_policy(doc.get("x-speakeasy-retries")), timeout_ms=timeout_ms(doc.get("x-speakeasy-timeout")),
        raw_names=tuple((t, k, v) for t in sorted(raw_names) for k, v in sorted(raw_names[t].items())),
    )


def _included_components(walker: Walker, doc: dict[str, Any]) -> None:
    """Components marked ``x-speakeasy-include: true`` are models even when
    no operation reaches them (walked after the operations, in spec order)."""
    for key, schema in _mapping(_mapping(doc.get("components")).get("schemas")).items():
        if isinstance(schema, dict) and schema.get("x-speakeasy-include") is True:
            walker.component("#/components/schemas/" + str(key).replace("~", "~0").replace("/", "~1"), schema)


def _external_docs(raw: object) -> ir.ExternalDocs | None:
    docs = _mapping(raw)
    url = docs.get("url")
    if not isinstance(url, str) or not url:
        return None
    description = docs.get("description")
    return ir.ExternalDocs(url=url, description=description if isinstance(description, str) else None)


def _text(value: object) -> str:
    """A scalar as written (``version: 1.0`` is ``"1.0"``); absent or null is empty."""
    return "" if value is None else str(value)


def _mapping(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _global_headers(doc: dict[str, Any]) -> tuple[ir.Parameter, ...]:
    """``x-speakeasy-globals`` header parameters (plain strings in the SDK)."""
    params = _mapping(doc.get("x-speakeasy-globals")).get("parameters")
    return tuple(
        ir.Parameter(wire_name=str(p["name"]), location="header", required=False, type=ir.Primitive(kind="string"),
                     nullable=False, origin=f"#/x-speakeasy-globals/parameters/{i}", style="simple", explode=False,
                     description=p.get("description") if isinstance(p.get("description"), str) else None,
                     is_global=True)
        for i, p in enumerate(params if isinstance(params, list) else [])
        if isinstance(p, dict) and p.get("in") == "header" and "name" in p
    )


def _security_schemes(doc: dict[str, Any]) -> tuple[ir.SecurityScheme, ...]:
    raw = _mapping(_mapping(doc.get("components")).get("securitySchemes"))
    return tuple(
        ir.SecurityScheme(key=str(k), type=str(v.get("type", "")), scheme=v.get("scheme"),
                          location=v.get("in"), parameter_name=v.get("name"), bearer_format=v.get("bearerFormat"))
        for k, v in raw.items() if isinstance(v, dict)
    )


def _security_model(walker: Walker, schemes: tuple[ir.SecurityScheme, ...], used: list[list[str]]) -> None:
    """``Security``: one optional field per scheme of the document's
    ``security``, in its order.  A scheme only operations ask for is theirs
    (``{Op}Security``), not the global model's (openrouter's ``bearer``);
    a document without ``security`` lists every scheme."""
    slot = Slot(root="Security", klass=COMPONENT, role="security", owner="Security",
                namespace="components", request=True, base="Security")
    keys = [s.key for s in schemes]
    ordered = [k for k in dict.fromkeys(k for req in used for k in req) if k in keys]
    fields = tuple(
        ir.Field(wire_name=k, type=ir.Primitive(kind="string"), required=False, nullable=False,
                 origin=f"#/components/securitySchemes/{k}")
        for k in ordered or keys
    )
    walker.drafts[GLOBAL_SECURITY] = Draft(GLOBAL_SECURITY, slot, None, body=ir.Object(fields=fields))


def _sdk_groups(config: Config, operations: list[ir.Operation]) -> list[str]:
    words = [pascal(config.sdk_class_name)]
    for op in operations:
        for part in op.group:
            word = pascal(part)
            if word not in words:
                words.append(word)
    return words


def _finish(draft: Draft, name: ir.ModelName, walker: Walker, spec_order: bool = True) -> ir.Model:
    if draft.body is None:
        raise fail("SG101", "internal: model has no body", draft.id)
    body = draft.body
    if not spec_order and isinstance(body, ir.Object):
        # maintainOpenAPIOrder: false lists fields (parameters included, as
        # the fields of an {Op}Request) alphabetically; a request body stays last.
        def key(f: ir.Field) -> tuple[bool, str]:
            return (f.param is not None and f.param.location == "body", f.wire_name)

        body = structs.replace(body, fields=tuple(sorted(body.fields, key=key)))
    return ir.Model(
        id=draft.id, name=name, body=body, role=draft.slot.role,  # type: ignore[arg-type]
        owner=draft.slot.owner, description=draft.description, deprecated=draft.deprecated,
        used_as_error=bool(walker.error_only.get(draft.id)), example=draft.example,
    )
