"""TypeScript model docs: ``typescript/docs/models/<ns>/<stem>.md``."""

from __future__ import annotations

import json

from msgspec import Struct, structs

from generator import ir
from generator.config import Config, compat_at_least
from generator.render.identifiers import typescript_field
from generator.render.typescript.views import property_names
from generator.render.markdown.common import (
    DocView, Member, doc_description, field_table, render, shows_listed_examples, typescript_fields,
)
from generator.render.markdown.examples import Examples
from generator.render.markdown.printer import print_declaration
from generator.render.markdown.types_cell import typescript_cell, typescript_heading
from generator.render.ts_layout import TsLayout

_NO_EXAMPLE = "// No examples available for this model"
# The first version seen printing a const without default as its value
# (1.642 printed its primitive type).
CONST_LITERALS_SINCE = "1.768.0"
# The first version seen to note an open enum in its example, not above its
# values (1.690 and older: a paragraph).
OPEN_ENUM_COMMENT_SINCE = "1.768.0"


def typescript_docs(api: ir.Api, config: Config, examples: Examples | None = None) -> dict[str, str]:
    examples = examples or Examples(api)
    context = _Context(package=config.typescript_package, layout=TsLayout.of(config),
                       listed_examples=shows_listed_examples(config),
                       const_literals=compat_at_least(config, CONST_LITERALS_SINCE),
                       open_enum_comment=compat_at_least(config, OPEN_ENUM_COMMENT_SINCE))
    files: dict[str, str] = {}
    examples.prime(typescript_heading(api, member.type, context.layout) for model in api.models
                   if isinstance(model.body, ir.Union) for member in model.body.members)
    for model in api.models:
        path = "typescript/docs/" + context.layout.doc_path(model.name.ts_namespace, model.name.typescript)
        files[path] = typescript_doc(api, examples, model, context)
    return files


class _Context(Struct, frozen=True, kw_only=True, gc=False):
    """What the docs take from the configuration."""

    package: str
    layout: TsLayout
    listed_examples: bool
    const_literals: bool
    """Every const field shows its value; else only one with a default does."""
    open_enum_comment: bool = False
    """An open enum says so in a comment below its example (1.768); else in
    a paragraph above its values."""


def typescript_doc(api: ir.Api, examples: Examples, model: ir.Model, context: _Context) -> str:
    name, description = model.name.typescript, doc_description(model)
    package, layout = context.package, context.layout
    match model.body:
        case ir.Union(members=members):
            views = tuple(_member(api, examples, m, layout) for m in members)
            union = DocView(name=name, description=description, members=views, language="typescript",
                            deprecated=model.deprecated)
            return render("union.md.jinja", union)
        case ir.Enum(values=values, open=is_open):
            example = _example_usage(examples, model, package, layout)
            unrecognized = unrecognized_type(values) if is_open else ""
            shown = " | ".join([*(json.dumps(v, ensure_ascii=False) for v in values), *filter(None, [unrecognized])])
            if unrecognized and context.open_enum_comment:
                example += f"\n\n// Open enum: unrecognized values are captured as {unrecognized}"
            enum = DocView(name=name, description=description, example=example, values=shown,
                           unrecognized="" if context.open_enum_comment else unrecognized,
                           deprecated=model.deprecated)
            return render("typescript_enum.md.jinja", enum)
        case ir.Object():
            example = _example_usage(examples, model, package, layout)
            fields = tuple(map(_defaulted_optional, typescript_fields(model))) + _additional_row(model.body)
            here = layout.import_path(model.name.ts_namespace)
            # the names the type has: colliding wire names are numbered there (SG021)
            names = dict(zip(map(id, fields), property_names(tuple(map(_field_name, fields)))))
            table = field_table(fields, lambda f: names[id(f)],
                                lambda f: _field_cell(api, f, context, here), context.listed_examples)
            obj = DocView(name=name, description=description, example=example, table=table,
                          deprecated=model.deprecated)
            return render("typescript_object.md.jinja", obj)
    raise TypeError(model.body)


def _field_cell(api: ir.Api, f: ir.Field, context: _Context, here: str) -> str:
    """A const field shows its value (``*"content"*``, ``*false*``) where it
    has a default, and from Speakeasy 1.768 on always; else its primitive type."""
    if isinstance(f.type, ir.Literal) and (f.default is not None or context.const_literals):
        return f"*{json.dumps(f.type.value, ensure_ascii=False)}*"
    return typescript_cell(api, f.type, context.layout, here)


def unrecognized_type(values: tuple[ir.JsonValue, ...]) -> str:
    """What an open enum keeps an unknown value as: a number when every
    known value is one, else a string."""
    numeric = values and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values)
    return f"Unrecognized<{'number' if numeric else 'string'}>"


def _defaulted_optional(field: ir.Field) -> ir.Field:
    """A required field with a default need not be given: the docs show
    it optional."""
    return structs.replace(field, required=False) if field.required and field.default is not None else field


def _additional_row(body: ir.Object) -> tuple[ir.Field, ...]:
    """The keys an object takes beyond its properties, as the SDK's type
    holds them: one optional ``additionalProperties`` map, listed last."""
    if body.additional is None:
        return ()
    return (ir.Field(wire_name="additionalProperties", type=ir.Map(values=body.additional), required=False,
                     nullable=False, origin=""),)


def _field_name(field: ir.Field) -> str:
    return typescript_field(field.wire_name, field.name_override)


def _example_usage(examples: Examples, model: ir.Model, package: str, layout: TsLayout) -> str:
    name = model.name.typescript
    imports = f'import {{ {name} }} from "{package}/{layout.import_path(model.name.ts_namespace)}";'
    value = None if model.name.ts_namespace == "errors" else examples.for_model(model)
    code = _NO_EXAMPLE if value is None else print_declaration("let", name, value, examples.newer)
    return f"{imports}\n\n{code}"


def _member(api: ir.Api, examples: Examples, member: ir.UnionMember, layout: TsLayout) -> Member:
    heading = typescript_heading(api, member.type, layout)
    if member.stream:  # an event stream has no value to show
        return Member(heading=f"EventStream<{heading}>", code="")
    value = examples.for_union_member(heading, member)
    return Member(heading=heading, code=print_declaration("const", heading, value, examples.newer))
