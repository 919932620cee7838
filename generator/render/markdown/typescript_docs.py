"""TypeScript model docs: ``typescript/docs/models/<ns>/<stem>.md``."""

from __future__ import annotations

import json

from generator import ir
from generator.render.identifiers import typescript_doc_stem, typescript_field
from generator.render.typescript.views import property_names
from generator.render.markdown.common import (
    DocView, Member, doc_description, field_table, render, typescript_fields,
)
from generator.render.markdown.examples import Examples
from generator.render.markdown.printer import print_declaration
from generator.render.markdown.types_cell import typescript_cell, typescript_heading

_NO_EXAMPLE = "// No examples available for this model"


def typescript_docs(api: ir.Api, package: str, examples: Examples | None = None) -> dict[str, str]:
    examples = examples or Examples(api)
    files: dict[str, str] = {}
    for model in api.models:
        ns, name = model.name.ts_namespace, model.name.typescript
        path = f"typescript/docs/models/{ns}/{typescript_doc_stem(name)}.md"
        files[path] = typescript_doc(api, examples, model, package)
    return files


def typescript_doc(api: ir.Api, examples: Examples, model: ir.Model, package: str) -> str:
    name, description = model.name.typescript, doc_description(model)
    match model.body:
        case ir.Union(members=members):
            views = tuple(_member(api, examples, m) for m in members)
            union = DocView(name=name, description=description, members=views, language="typescript")
            return render("union.md.jinja", union)
        case ir.Enum(values=values):
            example = _example_usage(examples, model, package)
            shown = " | ".join(json.dumps(v, ensure_ascii=False) for v in values)
            enum = DocView(name=name, description=description, example=example, values=shown)
            return render("typescript_enum.md.jinja", enum)
        case ir.Object():
            example = _example_usage(examples, model, package)
            fields = typescript_fields(model)
            # the names the type has: colliding wire names are numbered there (SG021)
            names = dict(zip(map(id, fields), property_names(tuple(map(_field_name, fields)))))
            table = field_table(fields, lambda f: names[id(f)], lambda f: typescript_cell(api, f.type))
            obj = DocView(name=name, description=description, example=example, table=table)
            return render("typescript_object.md.jinja", obj)
    raise TypeError(model.body)


def _field_name(field: ir.Field) -> str:
    return typescript_field(field.wire_name, field.name_override)


def _example_usage(examples: Examples, model: ir.Model, package: str) -> str:
    name = model.name.typescript
    imports = f'import {{ {name} }} from "{package}/models/{model.name.ts_namespace}";'
    value = None if model.name.ts_namespace == "errors" else examples.for_model(model)
    code = _NO_EXAMPLE if value is None else print_declaration("let", name, value, examples.newer)
    return f"{imports}\n\n{code}"


def _member(api: ir.Api, examples: Examples, member: ir.UnionMember) -> Member:
    heading = typescript_heading(api, member.type)
    value = examples.for_union_member(heading, member)
    return Member(heading=heading, code=print_declaration("const", heading, value, examples.newer))
