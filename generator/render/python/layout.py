"""Which module of ``models/`` holds each model, and in which order.

- One module per ``Model.owner``: ``<owner lower>op`` for an operation,
  ``<owner lower>`` for a component or a synthetic owner (``security``), as
  the reference SDK does.  Two owners that land on the same stem are told
  apart by a numeric suffix, in order of first appearance.
- Modules import each other's models at the top.  Components that reference
  each other in a cycle would make an import cycle, so every strongly
  connected group of modules is merged into the module of its first member:
  the import graph is then acyclic.
- Inside a module, models come dependencies first (post-order DFS from the
  IR's traversal order), so that aliases, which Python evaluates eagerly,
  find their members defined.  References that still point forward (true
  recursion) are spelled as strings by the annotation builder.
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Iterator

from msgspec import Struct

from generator import ir

_NON_IDENT = re.compile(r"[^0-9a-z_]+")


class Module(Struct, frozen=True, gc=False):
    stem: str
    models: tuple[ir.Model, ...]


def refs(t: ir.TypeExpr) -> Iterator[str]:
    """Ids of the models a type mentions, in order."""
    match t:
        case ir.Ref(model=model):
            yield model
        case ir.Array(items=items):
            yield from refs(items)
        case ir.Map(values=values):
            yield from refs(values)
        case _:
            return


def model_refs(model: ir.Model) -> Iterator[str]:
    match model.body:
        case ir.Object(fields=fields):
            for f in fields:
                yield from refs(f.type)
        case ir.Union(members=members):
            for m in members:
                yield from refs(m.type)
        case _:
            return


def _stem(owner: str, is_operation: bool) -> str:
    stem = _NON_IDENT.sub("_", owner.lower()).strip("_") or "models"
    if stem[0].isdigit():
        stem = "m" + stem
    stem += "op" if is_operation else ""
    return stem + "_" if keyword.iskeyword(stem) or stem == "__init__" else stem


def _owner_key(model: ir.Model) -> tuple[str, bool]:
    # A component and an operation may share a name (``Deployments``).
    return model.owner, model.role == "component"


def _owner_stems(api: ir.Api) -> dict[tuple[str, bool], str]:
    operations = {op.name for op in api.operations}
    stems: dict[tuple[str, bool], str] = {}
    used: set[str] = set()
    for model in api.models:
        key = _owner_key(model)
        if key in stems:
            continue
        base = stem = _stem(model.owner, model.owner in operations and not key[1])
        n = 2
        while stem in used:
            stem, n = f"{base}{n}", n + 1
        stems[key] = stem
        used.add(stem)
    return stems


def _components(nodes: list[str], edges: dict[str, list[str]]) -> list[list[str]]:
    """Strongly connected components (Tarjan), each in ``nodes`` order."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []
    position = {node: i for i, node in enumerate(nodes)}  # not nodes.index: that is quadratic

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in edges.get(v, []):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group: list[str] = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            out.append(sorted(group, key=position.__getitem__))

    for node in nodes:
        if node not in index:
            visit(node)
    return out


def assign(api: ir.Api) -> dict[str, str]:
    """Model id -> module stem."""
    owner_stem = _owner_stems(api)
    home = {m.id: owner_stem[_owner_key(m)] for m in api.models}
    stems = list(dict.fromkeys(home.values()))
    edges: dict[str, list[str]] = {}
    for model in api.models:
        for target in model_refs(model):
            if home[target] != home[model.id]:
                edges.setdefault(home[model.id], []).append(home[target])
    merged = {}
    for group in _components(stems, edges):
        for stem in group:
            merged[stem] = group[0]
    return {model_id: merged[stem] for model_id, stem in home.items()}


def _ordered(models: list[ir.Model], api: ir.Api) -> tuple[ir.Model, ...]:
    """Dependencies first, ties in IR order."""
    members = {m.id for m in models}
    done: set[str] = set()
    out: list[ir.Model] = []

    def visit(model: ir.Model) -> None:
        done.add(model.id)
        for target in model_refs(model):
            if target in members and target not in done:
                visit(api.model(target))
        out.append(model)

    for model in models:
        if model.id not in done:
            visit(model)
    return tuple(out)


def modules(api: ir.Api) -> tuple[tuple[Module, ...], dict[str, str]]:
    """The model modules, sorted by stem, and the model id -> stem map."""
    home = assign(api)
    grouped: dict[str, list[ir.Model]] = {}
    for model in api.models:
        grouped.setdefault(home[model.id], []).append(model)
    mods = tuple(Module(stem, _ordered(grouped[stem], api)) for stem in sorted(grouped))
    return mods, home
