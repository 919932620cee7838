"""The order in which the newest rules (Speakeasy 1.768) draw the example
values of all docs.  It matters because an object drawn once is remembered
(``Examples.nested``): the doc drawn first decides what every later doc
prints for the same field and model.
"""

from __future__ import annotations

from collections.abc import Callable

from generator import ir


def drawing_order(api: ir.Api) -> list[ir.Model]:
    """Every model of ``api``, in the order their docs are drawn."""
    return _inline_first(api, sorted(api.models, key=_doc_order(api)))


def _doc_order(api: ir.Api) -> Callable[[ir.Model], tuple[int, int]]:
    """The sort key of ``drawing_order``: operations' models first, by
    SDK group (in the order groups first appear in the spec), then by
    operation within a group; the shared models after them.  Speakeasy
    walks its SDK classes one by one: lapyme's ``Apply*TagsRequest.body``
    is first drawn in ``ApplyApiSupplierTagsRequest``, the fifth such
    operation in the spec but the first in the first group (``suppliers``),
    and ``GetApiPurchaseByIdResponse`` (group ``purchases``) draws objects
    before ``CreateApiSaleResponse`` (``sales``) although it comes later."""
    groups: dict[tuple[str, ...], int] = {}
    ranks: dict[str, tuple[int, int]] = {}
    for index, op in enumerate(api.operations):
        ranks.setdefault(op.name, (groups.setdefault(op.group, len(groups)), index))
    shared = (len(groups) + 1, 0)

    def key(model: ir.Model) -> tuple[int, int]:
        if model.name.ts_namespace != "operations":
            return shared
        return ranks.get(model.owner, (len(groups), 0))

    return key


def _inline_first(api: ir.Api, models: list[ir.Model]) -> list[ir.Model]:
    """``models`` with each model's inline models (those of the same owner
    it refers to) moved before it, depth first, as TypeScript declares them.
    Seen once in lapyme: the supplier in ``ApiPurchaseListResponse.data[]``
    is first drawn in the doc of that item model, ``ApiPurchaseListResponseData``."""
    ordered: list[ir.Model] = []
    seen: set[str] = set()

    def visit(model: ir.Model) -> None:
        if model.id in seen:
            return
        seen.add(model.id)
        for model_id in _referenced(model.body):
            inner = api.model(model_id)
            if inner.owner == model.owner:
                visit(inner)
        ordered.append(model)

    for model in models:
        visit(model)
    return ordered


def _referenced(body: ir.ModelBody) -> list[str]:
    """The models an object's fields or a union's members refer to, in order."""
    match body:
        case ir.Object(fields=fields):
            return [i for f in fields for i in _ref_ids(f.type)]
        case ir.Union(members=members):
            return [i for m in members for i in _ref_ids(m.type)]
    return []


def _ref_ids(t: ir.TypeExpr) -> list[str]:
    match t:
        case ir.Array(items=inner) | ir.Map(values=inner):
            return _ref_ids(inner)
        case ir.Ref(model=model_id):
            return [model_id]
    return []
