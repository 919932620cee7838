"""Schemas -> IR types, creating a model draft for each schema that becomes a
named type (CONVENTIONS.md 1): objects (allOf merged), enums and unions.

The walk is depth-first, pre-order, in spec order; a component is walked in
full at its first ``$ref``.  Each draft remembers its ``Slot`` so that
``normalize.naming`` can name all models after the walk.
"""

from __future__ import annotations

from msgspec import Struct, field
from msgspec.structs import replace

from generator import ir
from generator.diagnostics import Sink, fail
from generator.loader import Workspace
from generator.normalize.context import Slot
from generator.normalize.deviations import Deviations, is_31
from generator.normalize.field_examples import composite_example, declared_example, listed_example
from generator.normalize.naming import COMPONENT
from generator.normalize.union_names import member_tag
from generator.normalize.shapes import (
    Schema,
    declares_null,
    default_of,
    is_null_schema,
    non_null_types,
    example_of,
    primitive_key,
    union_variants,
)
from generator.words import class_word, pascal

_COMPONENT_PREFIX = "#/components/schemas/"


class Draft(Struct):
    """A model before naming: everything but its names."""

    id: str
    slot: Slot
    description: str | None
    deprecated: bool = False
    body: ir.ModelBody | None = None
    example: ir.Json | None = None


class Typed(Struct, frozen=True, gc=False):
    type: ir.TypeExpr
    nullable: bool = False
    description: str | None = None


class Walker(Struct):
    ws: Workspace
    sink: Sink
    drafts: dict[str, Draft] = field(default_factory=dict)
    components: dict[str, Typed] = field(default_factory=dict)
    error_only: dict[str, bool] = field(default_factory=dict)
    """Component pointer -> True while every use so far is an error body."""
    _in_progress: set[str] = field(default_factory=set)
    _merging: list[str] = field(default_factory=list)
    """allOf parts being merged by enclosing objects (recursion guard)."""
    _copying: list[str] = field(default_factory=list)
    """Components being copied to a position (``allOf`` with siblings)."""
    deviations: Deviations | None = None
    use_examples: bool = True
    """A schema's ``examples[0]`` is its example when it has no ``example``
    (Speakeasy 1.637 and newer; 1.535 ignored ``examples``)."""
    _deferred: list[tuple[Schema, str, Slot, bool]] = field(default_factory=list)
    """Enum models beside a ``const``, walked last."""
    finished: dict[str, int] = field(default_factory=dict)
    """Model id -> the order in which the walk completed it: a model's inline
    models before itself (nameResolutionFeb2025 numbers in this order)."""
    titled: set[str] = field(default_factory=set)
    """Pointers of the schemas walked that carry a ``title`` (naming rank)."""
    inline_part_props: set[str] = field(default_factory=set)
    """Pointers of merged properties written in an inline ``allOf`` part
    (not the object's own, not a referenced part's)."""
    constants: frozenset[str] = frozenset()
    """Pointers of one-value enums that are constants (inferred union
    discriminators, ``discriminators.discriminator_constants``)."""

    def __post_init__(self) -> None:
        root = self.ws.root
        self.deviations = Deviations(self.sink, is_31(root) if isinstance(root, dict) else False)

    # ------------------------------------------------------------- dispatch

    def walk(self, node: object, ptr: str, slot: Slot) -> Typed:
        typed = self._walk(node, ptr, slot)
        if ptr in self.drafts:
            self.finished.setdefault(ptr, len(self.finished))
        return typed

    def _walk(self, node: object, ptr: str, slot: Slot) -> Typed:
        if not isinstance(node, dict):
            if node is not True:
                self.sink.warning("SG101", "schema is not an object; using Any", ptr)
            return Typed(ir.Any())
        if "$ref" in node:
            return self.ref(self.ref_object(node), ptr, slot)
        assert self.deviations is not None
        if not self._copying:  # a copy's nodes were (or will be) reported at their own place
            self.deviations.schema(node, ptr)
        if isinstance(node.get("title"), str):
            self.titled.add(ptr)
        nullable = declares_null(node)
        described = _annotation_description(node)
        node = _without_annotation_parts(node)
        node, modifiers = _ref_and_modifiers(node)
        if _is_single_ref_allof(node):
            copied = None if _only_annotations_beside_allof({**node, **modifiers}) else self._copy(node, ptr, slot, modifiers)
            if copied is not None:
                # like a reference, the field describes itself only by what
                # is written on it, not by the target's description
                return Typed(copied.type, copied.nullable, described)
            return self._annotated_ref(node, ptr, slot, nullable, described)
        if isinstance(node.get("allOf"), list) or isinstance(node.get("properties"), dict):
            return self._object(node, ptr, slot, nullable)
        union = union_variants(node)
        if union:
            return self._union(node, ptr, slot, union[0], union[1], nullable)
        if "const" in node and node["const"] is not None:
            if isinstance(node.get("enum"), list):
                # ``const`` beside ``enum``: the field is the constant, yet the
                # enum is a model of its own too (nothing refers to it); it
                # claims its name after every other model (``walk_deferred``)
                self._deferred.append((node, ptr, slot, nullable))
            return Typed(ir.Literal(value=node["const"]), nullable, node.get("description"))
        if ptr in self.constants:
            return Typed(ir.Literal(value=node["enum"][0]), nullable, node.get("description"))
        if isinstance(node.get("enum"), list):
            return self._enum(node, ptr, slot, nullable)
        return self._typed(node, ptr, slot, nullable)

    def walk_deferred(self) -> None:
        """The enum models of ``const`` fields, after every other model."""
        while self._deferred:
            node, ptr, slot, nullable = self._deferred.pop(0)
            self._enum(node, ptr, slot, nullable)

    def _typed(self, node: Schema, ptr: str, slot: Slot, nullable: bool) -> Typed:
        kinds = non_null_types(node)
        desc = node.get("description")
        if not kinds:
            kinds = ["array"] if "items" in node else ["object"] if "additionalProperties" in node else []
        if len(kinds) > 1:
            self.sink.warning("SG101", f"multiple types {kinds} are not supported; using Any", ptr)
            return Typed(ir.Any(), nullable, desc)
        kind = kinds[0] if kinds else ""
        if kind == "array":
            items = self.walk(node.get("items", True), f"{ptr}/items", slot.item())
            return Typed(ir.Array(items=items.type), nullable, desc)
        if kind == "object":
            if node.get("additionalProperties") in (None, False):
                # no properties and no extra keys allowed: a model with no fields
                return self._object(node, ptr, slot, nullable)
            return Typed(self._map(node, ptr, slot), nullable, desc)
        if kind == "string" and slot.multipart and node.get("format") == "binary":
            return Typed(self._file_object(ptr, slot), nullable, desc)
        if kind in ("string", "number", "integer", "boolean"):
            fmt = node.get("format")
            return Typed(ir.Primitive(kind=kind, format=fmt if isinstance(fmt, str) else None), nullable, desc)  # type: ignore[arg-type]
        if kind:
            self.sink.warning("SG101", f"unknown type {kind!r}; using Any", ptr)
        return Typed(ir.Any(), nullable, desc)

    def _additional(self, node: Schema, ptr: str, slot: Slot) -> ir.TypeExpr | None:
        """The type of the keys an object accepts beyond its properties:
        ``additionalProperties: true`` or ``{}`` is Any, a schema its type;
        absent or ``false`` is None (no extra keys are modelled)."""
        if "properties" not in node:
            return None
        extra = node.get("additionalProperties")
        if extra is True or extra == {}:
            return ir.Any()
        if isinstance(extra, dict):
            return self.walk(extra, f"{ptr}/additionalProperties", slot.property("AdditionalProperties", True)).type
        return None

    def _map(self, node: Schema, ptr: str, slot: Slot) -> ir.TypeExpr:
        extra = node.get("additionalProperties")
        if isinstance(extra, dict) and extra:
            values = self.walk(extra, f"{ptr}/additionalProperties", slot.same_place())
            return ir.Map(values=values.type)
        return ir.Map(values=ir.Any())

    def _file_object(self, ptr: str, slot: Slot) -> ir.Ref:
        """A multipart file upload: name, content and optional content type."""
        draft = Draft(ptr, replace(slot, role="file"), None)
        text = ir.Primitive(kind="string")
        draft.body = ir.Object(fields=(
            ir.Field(wire_name="fileName", type=text, required=True, nullable=False, origin=ptr),
            ir.Field(wire_name="content", type=ir.Primitive(kind="string", format="binary"), required=True,
                     nullable=False, origin=ptr),
            ir.Field(wire_name="contentType", type=text, required=False, nullable=False, origin=ptr),
        ))
        self.drafts[ptr] = draft
        return ir.Ref(model=ptr)

    def _copy(self, node: Schema, ptr: str, slot: Slot, modifiers: Schema) -> Typed | None:
        """``allOf: [{$ref}]`` with siblings that change the schema (``nullable``,
        ``default``, ``examples``...): the referenced schema merged with those
        siblings is a new schema, so a new model at this position (named as an
        inline schema here), not the reference.  The referenced component is
        not walked for it, so a component used only this way has no model.
        None when the target is being walked or copied already (a recursive
        schema): then it is the reference.  Keywords of other allOf parts
        (``modifiers``) add to the copy but do not replace the target's: an
        ``enum`` there narrows the target's, which keeps its order."""
        part = node["allOf"][0]
        target = self.ws.resolve(str(part["$ref"]), f"{ptr}/allOf/0")
        resolved = self._peek(target.node, target.pointer)
        if target.pointer in self._in_progress or target.pointer in self._copying or not isinstance(resolved, dict):
            return None
        merged = {**modifiers, **resolved, **{k: v for k, v in node.items() if k != "allOf"}}
        self._copying.append(target.pointer)
        try:
            return self.walk(merged, ptr, slot)
        finally:
            self._copying.pop()

    def _annotated_ref(self, node: Schema, ptr: str, slot: Slot, nullable: bool, described: str | None) -> Typed:
        """``allOf: [{$ref}]`` with only annotations beside it: the reference.
        The field describes itself only by what is written on it, never by
        the target's description.  A component first reached this way, whose
        own schema has no description, takes the annotation's as its model
        description (a composite would otherwise inherit its first part's)."""
        part = node["allOf"][0]
        target = self.ws.resolve(str(part["$ref"]), f"{ptr}/allOf/0")
        first = target.pointer not in self.components
        typed = self.ref(part, f"{ptr}/allOf/0", slot)
        draft = self.drafts.get(target.pointer)
        own = target.node.get("description") if isinstance(target.node, dict) else None
        if first and described and draft is not None and own is None:
            draft.description = described
        return Typed(typed.type, typed.nullable or nullable, node.get("description"))

    # -------------------------------------------------------------- $ref

    def ref(self, node: Schema, ptr: str, slot: Slot, error_root: bool = False) -> Typed:
        target = self.ws.resolve(str(node["$ref"]), ptr)
        sibling_null = declares_null(node)
        if target.pointer.startswith(_COMPONENT_PREFIX) and target.pointer.count("/") == 3:
            typed = self.component(target.pointer, target.node, slot.multipart)
            self.error_only[target.pointer] = self.error_only.get(target.pointer, True) and error_root
        else:
            if target.pointer in self._in_progress:
                raise fail("SG011", f"$ref {node['$ref']!r} refers to itself", ptr, self.ws.locate(ptr))
            self._in_progress.add(target.pointer)
            typed = self.walk(target.node, ptr, slot)
            self._in_progress.discard(target.pointer)
        # The target's description, never one beside the $ref (see ref_object).
        return Typed(typed.type, typed.nullable or sibling_null, typed.description)

    def ref_object(self, node: Schema) -> Schema:
        """A ``$ref`` object without the annotations written beside it: a
        ``description`` or ``example`` there gives way to the referenced
        schema's.  That is OpenAPI 3.0's rule, and Speakeasy applies it to 3.1
        documents too (where ``$ref`` siblings are allowed).  Other siblings
        (``nullable``...) are kept: they change the type, not its annotations."""
        if not _REF_ANNOTATIONS.intersection(node):
            return node
        return {k: v for k, v in node.items() if k not in _REF_ANNOTATIONS}

    def component(self, pointer: str, node: object, multipart: bool = False) -> Typed:
        """The type of a component, walked once.  A component first reached
        from inside a multipart body is walked as part of it: its binary
        strings (or itself, when it is one: ``File`` -> the file model
        ``FileT``) are file objects."""
        done = self.components.get(pointer)
        if done is not None:
            return done
        if pointer in self._in_progress:
            if isinstance(node, dict) and set(node) == {"$ref"}:
                raise fail("SG011", "$ref only points at itself", pointer, self.ws.locate(pointer))
            return Typed(ir.Ref(model=pointer))  # recursion: the model exists once walked
        key = pointer.rsplit("/", 1)[1].replace("~1", "/").replace("~0", "~")
        override = node.get("x-speakeasy-name-override") if isinstance(node, dict) else None
        # a renamed component is named by the new name (mistral's ``Inputs``)
        base = class_word(override if isinstance(override, str) else key, "Schema")
        slot = Slot(
            root=base, klass=COMPONENT, role="component", owner=key,
            namespace="components", request=False, base=base, multipart=multipart,
        )
        self._in_progress.add(pointer)
        typed = self._alias(node, pointer, slot) or self.walk(node, pointer, slot)
        self._in_progress.discard(pointer)
        self.components[pointer] = typed
        return typed

    # ------------------------------------------------------------ models

    def _draft(self, ptr: str, slot: Slot, node: Schema) -> Draft:
        desc = node.get("description")
        draft = Draft(ptr, slot, desc if isinstance(desc, str) else None, bool(node.get("deprecated")),
                      example=composite_example(node, self.ws, ptr, self.use_examples))
        self.drafts[ptr] = draft
        return draft

    def _object(self, node: Schema, ptr: str, slot: Slot, nullable: bool) -> Typed:
        draft = self._draft(ptr, slot, node)
        depth = len(self._merging)
        props, required = self._merged_properties(node, ptr)
        fields: list[ir.Field] = []
        for name, schema, pptr in props:
            if self._dropped(schema, slot):
                continue
            fields.append(self._field(name, schema, pptr, slot, name in required, ptr))
        del self._merging[depth:]
        draft.body = ir.Object(fields=tuple(fields), additional=self._additional(node, ptr, slot))
        own = draft.description
        if draft.description is None:
            draft.description = self._first_part_description(node, ptr)
        return Typed(ir.Ref(model=ptr), nullable, own)

    def _field(self, name: str, schema: object, ptr: str, slot: Slot, required: bool, parent: str) -> ir.Field:
        if isinstance(schema, dict) and "$ref" in schema:
            schema = self.ref_object(schema)
        own: Schema = schema if isinstance(schema, dict) else {}
        override = own.get("x-speakeasy-name-override") or self._target_override(own, ptr)
        # an inline schema under a renamed property is named after the new name
        base = class_word(override if isinstance(override, str) else name, "Field")
        place = slot.property(base, named_parent=True, parent=parent, inline_part=ptr in self.inline_part_props)
        typed = self.walk(schema, ptr, place)
        desc = own.get("description") if "$ref" not in own else None
        # a field typed Any (a union no value can pick) shows no example
        # either, not even the one its referenced schema declares
        untyped = isinstance(typed.type, ir.Any)
        return ir.Field(
            wire_name=name,
            type=typed.type,
            required=required,
            nullable=typed.nullable,
            origin=ptr,
            description=desc if isinstance(desc, str) else typed.description,
            example=None if untyped else declared_example(schema, self.ws, ptr),
            listed_example=None if untyped else listed_example(schema, self.ws, ptr),
            default=default_of(own),
            deprecated=bool(own.get("deprecated")),
            read_only=bool(own.get("readOnly")),
            write_only=bool(own.get("writeOnly")),
            name_override=override if isinstance(override, str) else None,
        )

    def _target_override(self, node: Schema, ptr: str) -> object:
        """The ``x-speakeasy-name-override`` of the schema a ``$ref`` points
        at: the extension is read from the resolved schema, so it renames
        the field as well as the model (mistral's ``input`` typed by a
        component renamed ``inputs``: the field is ``inputs``; evidence from
        that one spec)."""
        if "$ref" not in node:
            return None
        target = self.ws.resolve(str(node["$ref"]), ptr).node
        return target.get("x-speakeasy-name-override") if isinstance(target, dict) else None

    def _dropped(self, schema: object, slot: Slot) -> bool:
        if not isinstance(schema, dict):
            return False
        if schema.get("x-speakeasy-ignore") is True:
            return True
        return bool(schema.get("readOnly")) if slot.request else False

    def _merged_properties(self, node: Schema, ptr: str) -> tuple[list[tuple[str, object, str]], set[str]]:
        """Properties of the node and of every allOf part: first position, last schema."""
        props: dict[str, tuple[str, object, str]] = {}
        required: set[str] = set()
        self._collect(node, ptr, props, required, set(), ptr)
        return list(props.values()), required

    def _collect(
        self, node: Schema, ptr: str, props: dict[str, tuple[str, object, str]],
        required: set[str], seen: set[str], place: str, inline_part: bool = False,
    ) -> None:
        """``place`` is the merged object's pointer once a ``$ref`` was
        followed: the properties of a referenced part are walked as if written
        at the merged object (``place/properties/name``), so their inline
        schemas (an enum, an object) become new models of the merged object,
        named after it, not the part's models shared by every object that
        merges it.  A part in another file keeps its own pointers (they are
        the base of its relative ``$ref``s)."""
        for i, part in enumerate(_list(node.get("allOf"))):
            part_ptr = f"{ptr}/allOf/{i}"
            referenced = isinstance(part, dict) and "$ref" in part
            while isinstance(part, dict) and "$ref" in part:
                target = self.ws.resolve(str(part["$ref"]), part_ptr)
                if target.pointer in seen:
                    break
                if target.pointer in self._merging:
                    self.sink.warning("SG101", "allOf includes itself through its properties; part skipped", part_ptr)
                    part = None
                    break
                seen.add(target.pointer)
                self._merging.append(target.pointer)
                part, part_ptr = target.node, target.pointer
            if isinstance(part, dict):
                self._collect(part, part_ptr, props, required, seen, place, not referenced and (inline_part or place == ptr))
        # A property stated again by a later part keeps its first position but
        # takes the later schema (the merged object has the part's last word).
        own = node.get("properties")
        at = place if place.partition("#")[0] == ptr.partition("#")[0] else ptr
        for name, schema in (own if isinstance(own, dict) else {}).items():
            props[str(name)] = (str(name), schema, f"{at}/properties/{_escape(str(name))}")
            (self.inline_part_props.add if inline_part else self.inline_part_props.discard)(props[str(name)][2])
        required.update(str(r) for r in _list(node.get("required")))

    def _first_part_description(self, node: Schema, ptr: str) -> str | None:
        for i, part in enumerate(_list(node.get("allOf"))):
            if isinstance(part, dict) and "$ref" in part:
                part = self.ws.resolve(str(part["$ref"]), f"{ptr}/allOf/{i}").node
            if isinstance(part, dict) and isinstance(part.get("description"), str):
                return str(part["description"])
        return None

    def _enum(self, node: Schema, ptr: str, slot: Slot, nullable: bool) -> Typed:
        values = tuple(v for v in node["enum"] if v is not None)
        desc = node.get("description")
        if not values or all(isinstance(v, bool) for v in values):
            return Typed(ir.Primitive(kind="boolean") if values else ir.Any(), nullable, desc)
        draft = self._draft(ptr, slot, node)
        draft.body = ir.Enum(values=values, open=node.get("x-speakeasy-unknown-values") == "allow")
        return Typed(ir.Ref(model=ptr), nullable, draft.description)

    def _union(
        self, node: Schema, ptr: str, slot: Slot, key: str, variants: list[object], nullable: bool
    ) -> Typed:
        real: list[tuple[int, object]] = []
        for i, variant in enumerate(variants):
            resolved = self._peek(variant, f"{ptr}/{key}/{i}")
            if is_null_schema(resolved):
                nullable = True
            else:
                real.append((i, variant))
        desc = node.get("description")
        # a discriminated oneOf stays a union even with a single member
        if len(real) == 1 and not (key == "oneOf" and isinstance(node.get("discriminator"), dict)):
            i, only = real[0]
            typed = self.walk(only, f"{ptr}/{key}/{i}", slot.same_place())
            # ``anyOf: [{$ref}, null]`` describes only itself: the target's
            # description is the model's, not the field's
            return Typed(typed.type, True if nullable else typed.nullable, desc)
        prims = [primitive_key(self._peek(v, f"{ptr}/{key}/{i}")) for i, v in real]
        if prims and all(p is not None for p in prims) and len({p[0] for p in prims if p}) == 1:
            kind, fmt = prims[0]  # type: ignore[misc]
            return Typed(ir.Primitive(kind=kind, format=fmt), nullable, desc)  # type: ignore[arg-type]
        keys = [p for p in prims if p]
        if len(set(keys)) < len(keys):
            # the same primitive type (and format) offered twice beside others
            # (number, string, number; three string consts): a member no value
            # can pick, the union is Any.  Referenced components stay models.
            for i, variant in real:
                if isinstance(variant, dict) and "$ref" in variant:
                    self.walk(variant, f"{ptr}/{key}/{i}", slot.same_place())
            options = tuple(ir.Primitive(kind=p[0], format=p[1]) if p else ir.Any() for p in prims)  # type: ignore[arg-type]
            return Typed(ir.Any(options=options, example=example_of(node, self.use_examples)), nullable, desc)
        draft = self._draft(ptr, slot, node)
        members = []
        disc = node.get("discriminator")
        for index, (i, variant) in enumerate(real):
            title = variant.get("title") if isinstance(variant, dict) and "$ref" not in variant else None
            title_base = pascal(title) if isinstance(title, str) and pascal(title) else None
            mptr = f"{ptr}/{key}/{i}"
            tag = member_tag(variant, disc.get("propertyName") if isinstance(disc, dict) else None,
                             lambda part: self._peek(part, mptr))
            typed = self.walk(variant, mptr, slot.member(index, title_base, slot.base, ptr, tag))
            own = variant if isinstance(variant, dict) else {}
            members.append(ir.UnionMember(type=typed.type, origin=mptr, title=title if title_base else None,
                                          example=composite_example(own, self.ws, mptr, self.use_examples)))
        prop = disc.get("propertyName") if isinstance(disc, dict) else None
        members = self._mapping_order(members, [v for _, v in real], disc, ptr)
        draft.body = ir.Union(members=tuple(members), discriminator=prop if isinstance(prop, str) else None)
        return Typed(ir.Ref(model=ptr), nullable, draft.description)

    def _mapping_order(self, members: list[ir.UnionMember], variants: list[object], disc: object,
                       ptr: str) -> list[ir.UnionMember]:
        """Members of a discriminated union in the order of its ``mapping``
        (Speakeasy lists them so, not in ``oneOf`` order); members the
        mapping does not name keep their order after those it does.  The walk
        (and so naming priority) stays in ``oneOf`` order."""
        mapping = disc.get("mapping") if isinstance(disc, dict) else None
        if not isinstance(mapping, dict) or not mapping:
            return members
        rank: dict[str, int] = {}
        for target in mapping.values():
            if isinstance(target, str):
                # a bare value names a schema component ("Cat")
                ref = target if "#" in target or "/" in target or "." in target else _COMPONENT_PREFIX + target
                rank.setdefault(self.ws.resolve(ref, ptr).pointer, len(rank))
        def key(pair: tuple[int, object]) -> tuple[int, int]:
            index, variant = pair
            if isinstance(variant, dict) and "$ref" in variant:
                found = rank.get(self.ws.resolve(str(variant["$ref"]), ptr).pointer)
                if found is not None:
                    return (found, index)
            return (len(rank), index)
        order = sorted(enumerate(variants), key=key)
        return [members[i] for i, _ in order]

    def _alias(self, node: object, pointer: str, slot: Slot) -> Typed | None:
        """A component that is only a ``$ref`` to another component is a model
        of its own, a copy of the target under the alias's name; the target
        gets a model only where it is referenced itself.  None for any other
        component, or when the target is being walked (recursion)."""
        if not isinstance(node, dict) or set(node) != {"$ref"}:
            return None
        target = self.ws.resolve(str(node["$ref"]), pointer)
        if not (target.pointer.startswith(_COMPONENT_PREFIX) and target.pointer.count("/") == 3):
            return None
        if target.pointer in self._in_progress or target.pointer in self._copying:
            return None
        resolved = self._peek(target.node, target.pointer)
        if not isinstance(resolved, dict):
            return None
        self._copying.append(target.pointer)
        try:
            return self.walk(resolved, pointer, slot)
        finally:
            self._copying.pop()

    def _peek(self, node: object, ptr: str) -> object:
        """The schema behind a chain of ``$ref``s, without walking it."""
        seen: set[str] = set()
        while isinstance(node, dict) and "$ref" in node:
            target = self.ws.resolve(str(node["$ref"]), ptr)
            if target.pointer in seen:
                raise fail("SG011", "$ref only points at itself", ptr, self.ws.locate(ptr))
            seen.add(target.pointer)
            node, ptr = target.node, target.pointer
        return node


# Siblings of ``$ref`` that an OpenAPI 3.0 document does not get to state.
_REF_ANNOTATIONS = frozenset({"description", "example"})

# Keywords that describe a schema without changing the values it accepts: an
# ``allOf: [{$ref}]`` with only these beside it is still just the reference
# (a ``description`` there describes the field, not a new type).
_ANNOTATIONS = frozenset({"description", "summary", "$comment"})
# Keywords that give the allOf part company: the schema is merged (an object
# built from the parts), never a copy of the one part.
_STRUCTURAL = ("properties", "required", "additionalProperties", "oneOf", "anyOf")
# Keywords that make an allOf part more than a modifier of the reference beside it.
_STRUCTURAL_PART = (*_STRUCTURAL, "allOf", "items", "type", "$ref")


def _is_single_ref_allof(node: Schema) -> bool:
    """``allOf: [{$ref}]``, possibly with siblings that do not add structure."""
    parts = node.get("allOf")
    if not (isinstance(parts, list) and len(parts) == 1 and isinstance(parts[0], dict) and "$ref" in parts[0]):
        return False
    return not any(k in node for k in _STRUCTURAL)


def _ref_and_modifiers(node: Schema) -> tuple[Schema, Schema]:
    """``allOf: [{$ref}, {nullable: true}]`` (parts beside the reference that
    add no structure) is ``allOf: [{$ref}]`` plus those parts' keywords, which
    make it a copy of the target (openrouter: ``allOf: [ModelGroup,
    {nullable: true}]`` is an enum model ``Tokenizer``, not an empty object)."""
    parts = node.get("allOf")
    if not isinstance(parts, list) or len(parts) < 2 or any(k in node for k in _STRUCTURAL):
        return node, {}
    first, rest = parts[0], parts[1:]
    if not (isinstance(first, dict) and "$ref" in first):
        return node, {}
    if not all(isinstance(p, dict) and not any(k in p for k in _STRUCTURAL_PART) for p in rest):
        return node, {}
    modifiers: Schema = {}
    for part in rest:
        modifiers.update(part)
    return {**node, "allOf": [first]}, modifiers


def _is_annotation(part: object) -> bool:
    return isinstance(part, dict) and bool(part) and all(k in _ANNOTATIONS or k.startswith("x-") for k in part)


def _without_annotation_parts(node: Schema) -> Schema:
    """``allOf: [{$ref}, {description}]`` is ``allOf: [{$ref}]``: a part
    that only describes adds nothing to merge (and its description is not
    the field's)."""
    parts = node.get("allOf")
    if not isinstance(parts, list) or len(parts) < 2:
        return node
    kept = [p for p in parts if not _is_annotation(p)]
    if len(kept) == 1 and isinstance(kept[0], dict) and "$ref" in kept[0]:
        return {**node, "allOf": kept}
    return node


def _annotation_description(node: Schema) -> str | None:
    """The description an ``allOf: [{$ref}, ...]`` wrapper gives: its own, or
    that of an annotation-only part."""
    parts = [node, *(p for p in _list(node.get("allOf")) if _is_annotation(p))]
    found = next((p["description"] for p in parts if isinstance(p, dict) and isinstance(p.get("description"), str)), None)
    return found if isinstance(found, str) else None


def _only_annotations_beside_allof(node: Schema) -> bool:
    return all(k == "allOf" or k in _ANNOTATIONS or k.startswith("x-") for k in node)


def _list(value: object) -> list[object]:
    """A keyword that must be a list; anything else was reported (SG109) and counts as empty."""
    return value if isinstance(value, list) else []


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")
