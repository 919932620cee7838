"""Python model docs: ``python/docs/models/<stem>.md`` per model."""

from __future__ import annotations

import json

from generator import ir
from generator.render.identifiers import enum_member_word, python_doc_stem, python_field
from generator.config import Config
from generator.render.markdown.common import (
    DocView, Member, doc_description, field_table, render, shows_listed_examples,
)
from generator.render.markdown.table import render_table
from generator.render.markdown.types_cell import python_cell, python_heading
from generator.render.python.fields import python_names

_DOCS = "python/docs/models"


def enum_member(value: ir.JsonValue) -> str:
    """The ``Name`` column: the member's name before it is made unique."""
    return enum_member_word(value)


def python_docs(api: ir.Api, config: Config, skip: frozenset[str] = frozenset()) -> dict[str, str]:
    """One doc per model, except the ids in ``skip``."""
    files: dict[str, str] = {}
    listed = shows_listed_examples(config)
    for model in api.models:
        if model.id in skip:
            continue
        path = f"{_DOCS}/{python_doc_stem(model.name.python)}.md"
        files[path] = python_doc(api, model, listed)
    if api.global_headers:
        files[f"{_DOCS}/internal/globals.md"] = _globals_doc(api)
    # Static: it documents the SDK's own RetryConfig, not the spec.
    retry = DocView(name="RetryConfig", description=None)
    files[f"{_DOCS}/utils/retryconfig.md"] = render("python_retryconfig.md.jinja", retry)
    return files


def python_doc(api: ir.Api, model: ir.Model, listed_examples: bool = False) -> str:
    name, description = model.name.python, doc_description(model)
    match model.body:
        case ir.Object(fields=fields):
            # the names the class has: colliding wire names are numbered there (SG021)
            names = dict(zip(map(id, fields), python_names(fields)))
            table = field_table(fields, lambda f: names[id(f)],
                                lambda f: python_cell(api, f.type, f.required, f.nullable), listed_examples)
            return render("python_object.md.jinja", DocView(name=name, description=description, table=table))
        case ir.Enum(values=values):
            rows = [[f"`{enum_member(v)}`", v if isinstance(v, str) else json.dumps(v)] for v in values]
            table = render_table(["Name", "Value"], rows)
            return render("python_enum.md.jinja", DocView(name=name, description=description, table=table))
        case ir.Union(members=members):
            headings = [python_heading(api, m.type) for m in members]
            views = tuple(Member(heading=h, code=f"value: {h} = /* values here */") for h in headings)
            view = DocView(name=name, description=description, members=views, language="python")
            return render("union.md.jinja", view)
    raise TypeError(model.body)


def _field_name(field: ir.Field) -> str:
    return python_field(field.wire_name, field.name_override)


def _globals_doc(api: ir.Api) -> str:
    """``internal/globals.md``: the SDK-wide headers, every one optional."""
    fields = tuple(
        ir.Field(wire_name=p.wire_name, type=p.type, required=False, nullable=p.nullable,
                 origin=p.origin, description=p.description)
        for p in api.global_headers
    )
    table = field_table(fields, _field_name, lambda f: python_cell(api, f.type, f.required, f.nullable))
    return render("python_object.md.jinja", DocView(name="Globals", description=None, table=table))
