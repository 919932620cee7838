"""The order in which Speakeasy draws the example values of all docs.  It
matters because an object drawn once is printed again elsewhere: from 1.768
every object field is remembered (``Examples.nested``, ``drawing_order``);
in 1.642 and 1.690 an object model prints one value in its own doc and as a
union's member (``shared_seeds``).  The doc drawn first decides what every
later doc prints.
"""

from __future__ import annotations

from collections.abc import Callable

from generator import ir


def drawing_order(api: ir.Api) -> list[ir.Model]:
    """Every model of ``api``, in the order their docs are drawn."""
    return inline_first(api, sorted(api.models, key=_doc_order(api)))


def shared_seeds(api: ir.Api, heading: Callable[[ir.TypeExpr], str]) -> dict[str, str]:
    """1.642 and 1.690: object model id -> the seed of the one value it
    prints in its own doc and as a member of a union doc.  The value is
    drawn where it comes first (the shared models' docs first, then the
    operations', each in model order, a model's inline models before it) and
    seeded there: with its name in its own doc, with the heading in a union's
    (mistral ``ClassifierJobOut`` prints ``JobsOutData``'s
    ``components.ClassifierJobOut`` value; ``ModelConversation`` its own in
    the operations' ``ResponseBody``, 20 docs; openrouter's inline member
    ``MessageDeveloper`` its own in ``Message``, 5 docs)."""
    seeds: dict[str, str] = {}
    for model in inline_first(api, sorted(api.models, key=_drawn_later_than_components)):
        for claimed, seed in _claims(api, model, heading):
            seeds.setdefault(claimed, seed)
    return seeds


def _drawn_later_than_components(model: ir.Model) -> bool:
    """The sort key of ``shared_seeds``: the shared models first."""
    return model.name.ts_namespace != "components"


def _claims(api: ir.Api, model: ir.Model, heading: Callable[[ir.TypeExpr], str]) -> list[tuple[str, str]]:
    """(object model id, seed) for each value ``model``'s doc draws."""
    match model.body:
        case ir.Object():
            return [(model.id, model.name.typescript)]
        case ir.Union(members=members):
            return [(m.type.model, heading(m.type)) for m in members
                    if m.example is None and isinstance(m.type, ir.Ref)
                    and isinstance(api.model(m.type.model).body, ir.Object)]
    return []


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


def inline_first(api: ir.Api, models: list[ir.Model]) -> list[ir.Model]:
    """``models`` with each model's inline models (those of the same owner
    it refers to) moved before it, depth first, as TypeScript declares them.
    Lapyme: the supplier in ``ApiPurchaseListResponse.data[]`` is first
    drawn in the doc of that item model, ``ApiPurchaseListResponseData``;
    openrouter: ``Message``'s inline member ``MessageDeveloper`` is drawn in
    its own doc before the union's."""
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
