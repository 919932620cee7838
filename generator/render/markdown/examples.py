"""Example values of the TypeScript ``## Example Usage`` sections
(CONVENTIONS 3.4).

Each doc gets its own faker, seeded with the Java hash of the model name (of
the heading string for a union member snippet), and draws values in field
order; nested objects continue their parent's stream.  The values depend on
the model's structure and the names of its fields, never on global state;
words, URLs and user names also on faker's English data (``faker_data``),
without which they print placeholders (SG110 says so).  ``newer`` selects
the rules of Speakeasy versions after 1.535 (``newer_rules(config)``).
``Examples`` holds what is shared across docs (the order and seeds of their
draws, remembered objects, structural facts); ``example_draw.Draw`` is one
doc's stream of draws.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Literal

from msgspec import Struct

from generator import ir
from generator.examples.faker import Faker, java_hash_code, prime
from generator.examples.faker_data import FakerData, english
from generator.examples.strings import PLACEHOLDER, is_id_name, needs_data
from generator.config import Config, compat_at_least
from generator.diagnostics import Diagnostic
from generator.render.identifiers import typescript_field
from generator.render.markdown.common import field_example
from generator.render.markdown.example_draw import Draw, is_object
from generator.render.markdown.example_order import drawing_order, shared_seeds
from generator.render.markdown.printer import JsValue
from generator.render.markdown.types_cell import is_binary, is_date

OptionalRendering = Literal["withExample", "always", "never"]


# Speakeasy's example rules changed between 1.535 (orq) and 1.642 (the oldest
# newer TypeScript docs seen): booleans and array/map sizes are drawn, string
# arrays number their placeholders, other arrays print empty.
_NEWER_RULES_FROM = "1.600.0"


def newer_rules(config: Config) -> bool:
    return compat_at_least(config, _NEWER_RULES_FROM)


# From 1.768 (lapyme; mistral's 1.690 does not) a component referenced from
# another model is drawn apart: the parent's stream skips it, and the same
# field name and component print the same value in every doc (lapyme's
# ``account``), while the component's own doc differs.
_COMPONENTS_APART_FROM = "1.768.0"


def components_apart(config: Config) -> bool:
    return compat_at_least(config, _COMPONENTS_APART_FROM)


class Examples:
    """Example values for one API; caches structural facts across docs."""

    def __init__(
        self, api: ir.Api, data: FakerData | None = None, newer: bool = True, apart: bool | None = None,
        listed: bool = False, member_heading: Callable[[ir.TypeExpr], str] | None = None,
        optional: OptionalRendering = "withExample",
    ) -> None:
        self._api = api
        self.newer = newer
        # which optional fields print (``optionalPropertyRendering``)
        self.optional = optional
        # a field's ``examples[0]`` counts as its example (``shows_listed_examples``)
        self.listed = listed
        # components drawn apart (``components_apart``); the newest rules by default
        self.apart = newer if apart is None else apart
        # faker's English tables (None: word-based values are placeholders).
        self.tables = (data or english()).tables
        self._has_example: dict[str, bool] = {}
        self._has_binary: dict[str, bool] = {}
        # apart: (field name, model id) -> the value first drawn for it
        self._nested: dict[tuple[str, str], JsValue] = {}
        self._docs: dict[str, JsValue | None] | None = None
        # the ``{Op}Response`` wrappers (``headers`` and ``result``)
        self._wrappers = frozenset(op.response_model for op in api.operations if op.response_model)
        # 1.642-1.690: a union doc's heading for a member (``shared_seeds``); None: not shared
        self._member_heading = member_heading if newer and not self.apart else None
        self._seeds: dict[str, str] | None = None

    def for_model(self, model: ir.Model) -> JsValue | None:
        """The ``let value`` of a model's doc; None when the doc shows no
        example (models that carry binary content)."""
        if self.contains_binary(ir.Ref(model=model.id)):
            return None
        docs = self._all_docs()
        if model.id in docs:
            return docs[model.id]
        return self._draw_model(model)

    def _all_docs(self) -> dict[str, JsValue | None]:
        """Newest rules: every doc's value, drawn once, since a doc can print
        objects first drawn in an earlier one (``nested``), in
        ``drawing_order``: the operations' models first, then the shared
        models': lapyme's ``account`` object is first drawn
        in ``GetApiAccountLedgerResponse`` although a component that holds
        it comes earlier in the spec (about 60 docs print such objects)."""
        if not self.apart:
            return {}
        if self._docs is None:
            self._docs = {}
            for model in drawing_order(self._api):
                self._docs[model.id] = self._draw_model(model)
        return self._docs

    def prime(self, headings: Iterable[str] = ()) -> None:
        """Seed the faker streams of all the models' values, and of the
        union members under ``headings``, at once (see ``faker.prime``): for
        a caller about to draw most of them."""
        seeds = self._shared_seeds()
        texts = [*(seeds.get(m.id, m.name.typescript) for m in self._api.models), *headings]
        prime(java_hash_code(text) for text in texts)

    def _draw_model(self, model: ir.Model) -> JsValue | None:
        if self.contains_binary(ir.Ref(model=model.id)):
            return None
        seed = self._shared_seeds().get(model.id, model.name.typescript)
        return Draw(self, Faker(java_hash_code(seed))).model(model, via_union=False)

    def _shared_seeds(self) -> dict[str, str]:
        """1.642 and 1.690: the seed of each object model's one value (``shared_seeds``)."""
        if self._member_heading is None:
            return {}
        if self._seeds is None:
            self._seeds = shared_seeds(self._api, self._member_heading)
        return self._seeds

    def for_union_member(self, heading: str, member: ir.UnionMember) -> JsValue:
        """A union doc's ``const value: <heading>`` snippet, seeded with the
        heading string itself."""
        docs = self._all_docs()  # the remembered objects first, whatever the call order
        # components apart: an object member prints its own doc's value
        # (lapyme ``Selection``'s ``SelectionSpecific``: the same three uuids)
        if member.example is None and isinstance(member.type, ir.Ref) and self.drawn_apart(member.type):
            value = docs.get(member.type.model)
            if value is not None:
                return value
        if member.example is None and isinstance(member.type, ir.Ref) and member.type.model in self._shared_seeds():
            shared = self.for_model(self.model(member.type.model))
            if shared is not None:
                return shared
        return Draw(self, Faker(java_hash_code(heading))).member(member, via_union=False)

    def model(self, model_id: str) -> ir.Model:
        return self._api.model(model_id)

    def drawn_apart(self, t: ir.TypeExpr) -> bool:
        """Whether ``t`` is an object whose value the newest rules remember."""
        return self.apart and is_object(self, t)

    def nested(self, name: str, model_id: str) -> JsValue | None:
        """The value an object field called ``name`` got the first time it
        was drawn in any doc (newest rules): Speakeasy remembers it, so the
        same field prints the same object everywhere (lapyme's ``account``
        in four docs, drawn first in ``GetApiAccountLedgerResponse``) and
        takes no draw after the first time.  The docs are drawn in model
        order (``_all_docs``)."""
        return self._nested.get((name, model_id))

    def remember(self, name: str, model_id: str, value: JsValue) -> None:
        self._nested.setdefault((name, model_id), value)

    def redraws_headers(self, model: ir.Model) -> bool:
        """Newest rules: an ``{Op}Response`` wrapper draws its ``headers``
        map twice, before its ``result`` and again after it, and prints the
        second value in the first place.  In lapyme the stream after the
        first draw gives the result (``GetApiAccountLedgerResponse``: one
        draw, 0.19, a map of size 0, then the account's uuid) and the
        printed map comes after the result's draws (77 of 89 wrappers)."""
        return self.apart and model.id in self._wrappers

    def field_example(self, f: ir.Field) -> ir.Json | None:
        """The example a field prints: ``example``, else (``listed``) the
        first of its ``examples`` (mistral 1.690: ``FileSchema.filename``
        prints "files_upload.jsonl")."""
        return field_example(f, self.listed)

    def has_own_example(self, t: ir.TypeExpr) -> bool:
        """Whether ``t`` is a model whose schema gives its own example: an
        array of such items holds that one item (openrouter's
        ``include: ["message.input_image.image_url"]``, ``quantizations: ["fp16"]``)."""
        return isinstance(t, ir.Ref) and self.model(t.model).example is not None

    def has_example(self, t: ir.TypeExpr) -> bool:
        """Whether a spec example sits on a field or a union member
        anywhere below ``t``."""
        return self._search(t, self._has_example, _LISTED_EXAMPLES if self.listed else _EXAMPLES)

    def contains_binary(self, t: ir.TypeExpr) -> bool:
        return self._search(t, self._has_binary, _BINARY)

    def _search(self, t: ir.TypeExpr, cache: dict[str, bool], probe: _Probe) -> bool:
        match t:
            case ir.Array(items=inner) | ir.Map(values=inner):
                return self._search(inner, cache, probe)
            case ir.Ref(model=model_id):
                if model_id not in cache:
                    cache[model_id] = False  # a cycle adds nothing new
                    cache[model_id] = self._search_model(self.model(model_id), cache, probe)
                return cache[model_id]
        return probe.type(t)

    def _search_model(self, model: ir.Model, cache: dict[str, bool], probe: _Probe) -> bool:
        match model.body:
            case ir.Object(fields=fields):
                return any(probe.field(f) or self._search(f.type, cache, probe) for f in fields)
            case ir.Union(members=members):
                return any(probe.member(m) or self._search(m.type, cache, probe) for m in members)
        return False


class _Probe(Struct, frozen=True):
    """What a structural search looks for, at each kind of node."""

    field: Callable[[ir.Field], bool]
    member: Callable[[ir.UnionMember], bool]
    type: Callable[[ir.TypeExpr], bool]


_EXAMPLES = _Probe(
    field=lambda f: f.example is not None,
    member=lambda m: m.example is not None,
    type=lambda _: False,
)
_LISTED_EXAMPLES = _Probe(
    field=lambda f: f.example is not None or f.listed_example is not None,
    member=lambda m: m.example is not None,
    type=lambda _: False,
)
_BINARY = _Probe(field=lambda _: False, member=lambda _: False, type=is_binary)


def data_diagnostics(api: ir.Api, data: FakerData | None = None) -> list[Diagnostic]:
    """SG110 when faker's English data is missing and some field's example
    would be drawn from it: says which fields print a placeholder and why."""
    data = data or english()
    if data.tables is not None:
        return []
    # the most frequent names first, so the line shows what matters
    names = sorted(_fields_needing_data(api), key=lambda item: (-item[1], item[0]))
    if not names:
        return []
    count = sum(count for _, count in names)
    shown = ", ".join(name for name, _ in names[:5]) + (", ..." if len(names) > 5 else "")
    message = (f'example values of {count} fields ({shown}) print as "{PLACEHOLDER}": {data.problem}')
    return [Diagnostic("warning", "SG110", message)]


def _fields_needing_data(api: ir.Api) -> list[tuple[str, int]]:
    counts: dict[str, int] = {}
    for model in api.models:
        if not isinstance(model.body, ir.Object):
            continue
        for f in model.body.fields:
            name = typescript_field(f.wire_name, f.name_override)
            if f.example is None and _string_needs_data(f.type, name):
                counts[name] = counts.get(name, 0) + 1
    return list(counts.items())


def _string_needs_data(t: ir.TypeExpr, name: str) -> bool:
    match t:
        case ir.Array(items=inner) | ir.Map(values=inner):
            return _string_needs_data(inner, name)
        case ir.Primitive(kind="string", format=fmt) if fmt != "uuid" and not is_date(t):
            return not is_id_name(name) and needs_data(name, fmt)
    return False
