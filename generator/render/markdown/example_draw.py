"""One doc's stream of example draws (see ``examples``): how each type
draws its value from the doc's faker, under the rules ``Examples`` selects."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from generator import ir
from generator.examples.dates import draw_millis, iso_date, iso_datetime
from generator.examples.faker import Faker, format_js_number
from generator.examples.strings import MAX_ENTRIES, PLACEHOLDER, is_id_name, map_keys, named_string
from generator.render.identifiers import typescript_field
from generator.render.markdown.common import typescript_fields
from generator.render.markdown.printer import JsArray, JsObject, JsScalar, JsValue, js_string, map_key
from generator.render.markdown.typed_examples import json_value, object_member, typed_value
from generator.render.markdown.types_cell import is_date

if TYPE_CHECKING:
    from generator.render.markdown.examples import Examples

_FLOAT_MAX = 10000
_INT_MAX = 1000000
# Newer rules: a nullable field first draws whether it prints ``null``
# (faker.datatype.boolean({probability})).  Observed: null at a draw of
# 0.0745 (lapyme ApiSharedObjectd8582ce697.parentId), a value at 0.2324
# (ApiAccountingAccount.code); mistral's OCRImageObject narrows it to
# [0.09, 0.22); 0.1 is the round number inside.
_NULL_PROBABILITY = 0.1


class Draw:
    """One doc's stream of draws."""

    def __init__(self, examples: Examples, faker: Faker) -> None:
        self._examples = examples
        self._faker = faker
        self._stack: list[str] = []

    def model(self, model: ir.Model, via_union: bool, name: str = "") -> JsValue:
        if model.example is not None and not isinstance(model.body, ir.Object):
            # a schema's own example is its value, without a draw (openrouter's
            # ``Quantization`` enum: "fp16"); an object's is merged field by field
            return self._example(ir.Ref(model=model.id), model.example.value)
        match model.body:
            case ir.Enum(values=values):
                return json_value(self._faker.array_element(values))
            case ir.Union(members=members) if (chosen := self._exemplary_member(members)) is not None:
                return self.member(chosen, via_union=True, name=name)
            case ir.Union(members=members):
                member = members[self._faker.int(max=len(members) - 1)] if len(members) > 1 else members[0]
                # the newer rules keep the field's name for its member's value
                return self.member(member, via_union=True, name=name if self._examples.newer else "")
            case ir.Object():
                return self._object(model, via_union)
        raise TypeError(model.body)

    def _exemplary_member(self, members: tuple[ir.UnionMember, ...]) -> ir.UnionMember | None:
        """The member a union prints without a draw: components apart, the
        first with an example of its own (lapyme ``SalesReportRequest.dimensions``:
        "product_metafield:season"); newer rules, else the first whose model
        gives its own example (openrouter 1.642's annotations always print
        ``FileCitation``, the first of three members with examples, in five
        docs; ``ProviderName``'s "OpenAI" in ``ignore`` arrays)."""
        if self._examples.apart:
            own = next((m for m in members if m.example is not None), None)
            if own is not None:
                return own
        if self._examples.newer:
            return next((m for m in members if self._examples.has_own_example(m.type)), None)
        return None

    def member(self, member: ir.UnionMember, via_union: bool, name: str = "") -> JsValue:
        if member.example is not None:
            if self._examples.newer and is_object(self._examples, member.type):
                return self._given(member.type, member.example.value)
            return typed_value(member.type, member.example.value, self._examples.model)
        return self.value(member.type, name, via_union)

    def _object(self, model: ir.Model, via_union: bool, given: ir.JsonValue = None) -> JsValue:
        """``given``: an example of the object (else its model's own)."""
        if model.id in self._stack:  # a recursive model: stop at the first repeat
            return JsObject(())
        self._stack.append(model.id)
        if given is None and model.example is not None:
            given = model.example.value
        entries = []
        for f in typescript_fields(model):
            name = typescript_field(f.wire_name, f.name_override)
            if isinstance(given, dict) and f.wire_name in given:
                # the object's own example gives the fields it names; the
                # others are drawn as usual (openrouter's error data: ``code``
                # and ``message`` given, ``metadata`` drawn)
                entries.append((name, self._given(f.type, given[f.wire_name])))
            elif self._included(f, via_union):
                entries.append((name, self._field(f, name, via_union)))
        if entries and self._examples.redraws_headers(model):
            headers = typescript_fields(model)[0]
            entries[0] = (entries[0][0], self._field(headers, entries[0][0], via_union))
        self._stack.pop()
        return JsObject(tuple(entries))

    def _included(self, f: ir.Field, via_union: bool) -> bool:
        with_example = self._examples.field_example(f) is not None or self._examples.has_example(f.type)
        if f.required:
            # newer versions type a required field with a default as optional
            # (UsageInfo's token counts), so its example leaves it out
            return with_example or not (self._examples.newer and f.default is not None)
        match self._examples.optional:
            case "never":
                return False
            case "always" if f.default is None and not isinstance(f.type, ir.Literal):
                # openrouter 1.642 shows every optional field but those with
                # a default (``CompletionCreateParams.stream: false``) and
                # constants, whose value is their default
                # (``ChatStreamingMessageToolCall.type``)
                return True
        if with_example:
            return True
        # Only observed once: objects reached through a union also show
        # optional fields that have a default (GetAllToolsResponseBody).
        return via_union and f.default is not None

    def _field(self, f: ir.Field, name: str, via_union: bool) -> JsValue:
        example = self._examples.field_example(f)
        if example is not None:
            return self._given(f.type, example.value)
        if f.nullable and self._examples.newer and self._faker.boolean(_NULL_PROBABILITY):
            return JsScalar("null")
        if via_union and not f.required and f.default is not None:
            return json_value(f.default.value)
        return self.value(f.type, name, via_union, least=self._least_entries(f))

    def _least_entries(self, f: ir.Field) -> int:
        """Newer rules: an optional field's own array or map holds at least
        one entry (openrouter 1.642, where every optional field shows:
        ``ChatGenerationParams.metadata`` holds one key at a draw of 0.05,
        ``AssistantMessage.toolCalls`` one object without a coin); deeper
        arrays, and arrays below a union member, may be empty."""
        return 0 if f.required or not self._examples.newer else 1

    def _example(self, t: ir.TypeExpr, value: ir.JsonValue) -> JsValue:
        """A spec example, printed through the field's type (``typed_value``)."""
        return typed_value(t, value, self._examples.model)

    def _given(self, t: ir.TypeExpr, value: ir.JsonValue) -> JsValue:
        """A part of an object's own example: an object inside it is merged
        like its holder, the fields it lacks drawn (openrouter's
        ``PublicEndpoint`` example names four ``pricing`` fields; the doc
        draws the other eight)."""
        match t:
            case ir.Ref(model=model_id) if isinstance(value, dict):
                # an object, or the union member the example fits
                # (``OpenResponsesRequest.tools[0]`` draws its ``strict``)
                model = object_member(self._examples.model(model_id), value, self._examples.model)
                if model is not None:
                    return self._object(model, via_union=False, given=value)
            case ir.Array(items=items) if isinstance(value, list):
                return JsArray(tuple(self._given(items, v) for v in value))
        return self._example(t, value)

    def value(self, t: ir.TypeExpr, name: str, via_union: bool, least: int = 0) -> JsValue:
        """``least``: the fewest entries an array or map of ``t`` itself holds."""
        match t:
            case ir.Array(items=items):
                # components apart: an example below the items means one item
                if (not self._examples.newer or (self._examples.apart and self._examples.has_example(items))
                        or self._examples.has_own_example(items)):
                    return JsArray((self.value(items, name, via_union),))
                return JsArray(self._items(items, name, via_union, least))
            case ir.Map(values=values):
                keys = self._map_keys(values, least)
                return JsObject(tuple((map_key(key), self.value(values, name, via_union)) for key in keys))
            case ir.Ref(model=model_id) if self._examples.drawn_apart(t):
                return self._apart(model_id, name, via_union)
            case ir.Ref(model=model_id):
                return self.model(self._examples.model(model_id), via_union, name)
            case ir.Primitive():
                return self._primitive(t, name)
            case ir.Literal(value=value):
                return json_value(value)
            case ir.Any(options=options) if options and self._examples.newer:
                return self._collapsed_union(t)
        return js_string("<value>")

    def _map_keys(self, values: ir.TypeExpr, least: int) -> tuple[str, ...]:
        """Newer rules: a map holds 0 to 3 entries (mistral's
        ``ClassificationTargetResult.scores: {}``, lapyme's ``variantOptions: {}``).
        1.642 and 1.690: like an array of objects, an optional field's own map
        of objects or unions holds one entry, without a draw (openrouter's
        ``prompt.variables`` in eight docs); deeper ones draw their size
        (mistral's ``results`` items: ``{}`` and one entry)."""
        if not self._examples.newer:
            return ("key",)
        if least > 0 and not self._examples.apart and _is_object_or_union(self._examples, values):
            return ("key",)
        return map_keys(self._faker.int(least, MAX_ENTRIES))

    def _collapsed_union(self, t: ir.Any) -> JsValue:
        """A union no value can pick (``*any*`` in the docs) still draws its
        member, and prints its example as that member would: openrouter's
        ``BigNumberUnion`` (number | string | number, example 1000) prints
        1000 or "1000", ``ToolChoiceOption`` (no example) a placeholder after
        its draw."""
        option = self._faker.array_element(t.options)
        if t.example is None:
            return js_string(PLACEHOLDER)
        value = t.example.value
        if isinstance(option, ir.Primitive) and option.kind == "string" and not isinstance(value, str):
            return js_string(json.dumps(value, separators=(",", ":"), ensure_ascii=False))
        return json_value(value)

    def _apart(self, model_id: str, name: str, via_union: bool, key: str | None = None) -> JsValue:
        """An object field's value, remembered across docs (``nested``)
        under ``key`` (the field's name unless given)."""
        key = name if key is None else key
        known = self._examples.nested(key, model_id)
        if known is not None:
            return known
        value = self.model(self._examples.model(model_id), via_union, name)
        self._examples.remember(key, model_id, value)
        return value

    def _object_items(self, items: ir.TypeExpr, name: str, via_union: bool, least: int) -> tuple[JsValue, ...]:
        """Newer rules: one coin, heads an empty array, tails one object
        (lapyme: ``ApiCategoryListResponse.data`` at 0.46 is empty,
        ``ApiAccountLedgerResponseData.lines`` at 0.66 holds one).  The item
        is remembered apart from an object field of the same name and model:
        lapyme's price list drawn as ``data`` of ``GetApiPriceListByIdResponse``
        is not the one its list's ``data[]`` holds."""
        if least == 0 and self._faker.boolean():
            return ()
        if isinstance(items, ir.Ref) and self._examples.drawn_apart(items):
            return (self._apart(items.model, name, via_union, key=f"{name}[]"),)
        return (self.value(items, name, via_union),)

    def _items(self, items: ir.TypeExpr, name: str, via_union: bool, least: int) -> tuple[JsValue, ...]:
        """Newer rules: the size is drawn first (0 to 3).  Strings fill it,
        placeholders numbered ``"<value 1>"``...  Other items differ by
        version (``_filled_items`` before 1.768)."""
        if self._examples.apart and is_object(self._examples, items):
            return self._object_items(items, name, via_union, least)
        if not self._examples.apart and not _is_string_like(items):
            return self._filled_items(items, name, via_union, least)
        count = self._faker.int(least, MAX_ENTRIES)
        # 1.768 prints other arrays ``[]``, after as many draws as the size
        # (lapyme's enum ``measures: []``; no filled one is seen there)
        if not _is_string_like(items):
            for _ in range(count - 1):
                self._faker.next()
            return ()
        values = [self.value(items, name, via_union) for _ in range(count)]
        if all(v == js_string(PLACEHOLDER) for v in values):
            return tuple(js_string(f"<value {i + 1}>") for i in range(count))
        return tuple(values)

    def _filled_items(self, items: ir.TypeExpr, name: str, via_union: bool, least: int) -> tuple[JsValue, ...]:
        """1.642 and 1.690 (openrouter, mistral) fill arrays of any item: an
        object or a union tosses the coin for one item (``ListSharingOut.data``
        at 0.26 is empty, ``ListLibraryOut.data`` at 0.50 holds one;
        ``ValidationError.loc``, a union, holds one at 0.70), anything else
        draws a size in 0..3 (``Agent.versions`` holds one integer at 0.25,
        ``ReferenceChunk.referenceIds`` none at 0.15)."""
        if isinstance(items, ir.Ref) and not isinstance(self._examples.model(items.model).body, ir.Enum):
            return self._object_items(items, name, via_union, least)
        return tuple(self.value(items, name, via_union) for _ in range(self._faker.int(least, MAX_ENTRIES)))

    def _primitive(self, t: ir.Primitive, name: str) -> JsValue:
        match t.kind:
            case "number":
                return JsScalar(format_js_number(self._faker.float(max=_FLOAT_MAX, fraction_digits=2)))
            case "integer":
                return JsScalar(str(self._faker.int(max=_INT_MAX)))
            case "boolean":
                # faker.datatype.boolean() in the newer rules; always false before
                return JsScalar("true" if self._examples.newer and self._faker.boolean() else "false")
        return self._string(t, name)

    def _string(self, t: ir.Primitive, name: str) -> JsValue:
        if t.format == "uuid":
            return js_string(self._faker.uuid())
        if is_date(t):
            return self._date(t)
        if is_id_name(name):
            return js_string("<id>")
        return js_string(named_string(self._faker, self._examples.tables, name, t.format, self._examples.newer))

    def _date(self, t: ir.Primitive) -> JsValue:
        millis = draw_millis(self._faker, self._examples.newer)
        # a ``format: date`` prints its day only (lapyme ``date``, ``dueDate``)
        text = iso_date(millis) if t.format == "date" else iso_datetime(millis)
        return JsScalar(f'new Date("{text}")')


def _is_string_like(t: ir.TypeExpr) -> bool:
    """Strings, and untyped items (``items: {}``), which print placeholders
    like strings (lapyme's ``warnings``)."""
    return isinstance(t, ir.Any) or (isinstance(t, ir.Primitive) and t.kind == "string")


def _is_object_or_union(examples: Examples, t: ir.TypeExpr) -> bool:
    return isinstance(t, ir.Ref) and isinstance(examples.model(t.model).body, (ir.Object, ir.Union))


def is_object(examples: Examples, t: ir.TypeExpr) -> bool:
    return isinstance(t, ir.Ref) and isinstance(examples.model(t.model).body, ir.Object)
