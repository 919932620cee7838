"""Deterministic JSON payloads for the models of an ``ir.Api``: valid ones and
deliberately broken ones, to compare two SDKs' validation and serialization.

``payloads(model)`` gives, per model kind:

- object: only the required keys, every key, two random selections, and,
  for a sample of fields, the key missing, ``null``, a value of the wrong
  type (or one that pydantic's lax mode coerces), plus an unknown key, an
  empty object and non-objects;
- union: a value of each member (sparse and full), ``null`` and values that
  fit no member;
- enum: each value, an unknown value, ``null`` and a value of another type.

Everything is drawn from ``random.Random`` seeded by a string (the seed and
the model id), so the payloads do not depend on ``PYTHONHASHSEED``, on the
order models are visited, or on the machine.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

from generator import ir

WORDS = ("alpha", "beta", "gamma", "delta", "epsilon", "", "x y", "ünï", "42")
DATE_TIMES = ("2024-01-02T03:04:05Z", "2024-01-02T03:04:05.123+02:00", "2024-02-29T23:59:59.999999-05:30",
              "2024-01-02", "2024-01-02T03:04:05")
ANYS: tuple[object, ...] = ("text", 7, 2.5, True, None, {"k": "v"}, [1, "a"])
FIELD_SAMPLE = 6
"""Fields of an object that get the missing/null/wrong-type treatment."""
MAX_DEPTH = 4
"""Below this depth only required keys are filled and arrays stay empty."""


@dataclass(frozen=True, slots=True)
class Payload:
    label: str
    value: object


class PayloadGenerator:
    def __init__(self, api: ir.Api, seed: int = 0) -> None:
        self.api = api
        self.seed = seed

    def payloads(self, model: ir.Model) -> list[Payload]:
        rng = random.Random(f"{self.seed}:{model.id}")
        match model.body:
            case ir.Object() as body:
                return list(self._object_cases(body, rng))
            case ir.Union() as body:
                return list(self._union_cases(body, rng))
            case ir.Enum() as body:
                return list(self._enum_cases(body))
        raise AssertionError(f"unknown model body {model.body!r}")

    # ---------------------------------------------------------- model kinds

    def _object_cases(self, body: ir.Object, rng: random.Random) -> Iterator[Payload]:
        yield Payload("required keys", self._object(body, rng, 0, full=False))
        full = self._object(body, rng, 0, full=True)
        yield Payload("all keys", full)
        yield Payload("random keys 1", self._object(body, rng, 0, full=None))
        yield Payload("random keys 2", self._object(body, rng, 0, full=None))
        fields = list(body.fields)
        for f in rng.sample(fields, min(FIELD_SAMPLE, len(fields))):
            yield Payload(f"missing {f.wire_name}", {k: v for k, v in full.items() if k != f.wire_name})
            yield Payload(f"null {f.wire_name}", {**full, f.wire_name: None})
            wrong = self._wrong(f.type, rng)
            if wrong is not None:
                yield Payload(f"wrong type {f.wire_name}", {**full, f.wire_name: wrong[0]})
        yield Payload("unknown key", {**full, "sdkgen_unknown_key": 1})
        yield Payload("empty object", {})
        yield Payload("a string", "text")
        yield Payload("a list", [full])
        yield Payload("null", None)

    def _union_cases(self, body: ir.Union, rng: random.Random) -> Iterator[Payload]:
        objects: list[tuple[int, dict[str, object]]] = []
        for i, member in enumerate(body.members):
            sparse = self.value(member.type, rng, 1, full=False)
            yield Payload(f"member {i + 1} sparse", sparse)
            yield Payload(f"member {i + 1} full", self.value(member.type, rng, 1, full=True))
            yield Payload(f"member {i + 1} random", self.value(member.type, rng, 1, full=None))
            if isinstance(sparse, dict):
                objects.append((i, sparse))
                yield Payload(f"member {i + 1} with an unknown key", {**sparse, "sdkgen_unknown_key": 1})
        # keys of two members at once: which member wins is up to the
        # union's member order and pydantic's smart mode
        for (i, a), (j, b) in zip(objects, objects[1:]):
            yield Payload(f"members {i + 1} and {j + 1} merged", {**a, **b})
        for label, value in (("null", None), ("empty object", {}), ("empty list", []), ("number", 3.5),
                             ("boolean", True), ("string", "text"), ("odd object", {"sdkgen_unknown_key": 1})):
            yield Payload(label, value)

    def _enum_cases(self, body: ir.Enum) -> Iterator[Payload]:
        for value in body.values:
            yield Payload(f"value {value!r}", value)
        yield Payload("unknown value", "sdkgen-unknown")
        yield Payload("null", None)
        yield Payload("number", 1)
        if all(isinstance(v, str) for v in body.values):
            yield Payload("upper-cased value", str(body.values[0]).upper())

    # --------------------------------------------------------- valid values

    def value(self, t: ir.TypeExpr, rng: random.Random, depth: int, full: bool | None = None) -> object:
        """A value of type ``t``; ``full`` fills optional keys (True), leaves
        them out (False) or decides per key (None)."""
        match t:
            case ir.Primitive():
                return self._primitive(t, rng)
            case ir.Array(items=items):
                count = 0 if depth >= MAX_DEPTH else rng.choice((0, 1, 1, 2))
                return [self.value(items, rng, depth + 1, full) for _ in range(count)]
            case ir.Map(values=values):
                count = 0 if depth >= MAX_DEPTH else rng.choice((0, 1, 2))
                return {f"key{i}": self.value(values, rng, depth + 1, full) for i in range(count)}
            case ir.Ref(model=model_id):
                return self._model_value(self.api.model(model_id), rng, depth, full)
            case ir.Literal(value=value):
                return value
            case _:
                return rng.choice(ANYS)

    def _primitive(self, t: ir.Primitive, rng: random.Random) -> object:
        if t.kind == "string":
            if t.format in ("date-time", "date"):
                return rng.choice(DATE_TIMES) if t.format == "date-time" else "2024-01-02"
            return rng.choice(WORDS)
        if t.kind == "integer":
            return rng.choice((0, 1, -7, 123456))
        if t.kind == "number":
            return rng.choice((0, 1, 2.5, -0.125, 1234.75))
        return rng.choice((True, False))

    def _model_value(self, model: ir.Model, rng: random.Random, depth: int, full: bool | None) -> object:
        match model.body:
            case ir.Object() as body:
                return self._object(body, rng, depth, full)
            case ir.Enum(values=values):
                return rng.choice(values)
            case ir.Union(members=members):
                member = rng.choice(members)
                return self.value(member.type, rng, depth + 1, full)
        raise AssertionError(model.body)

    def _object(self, body: ir.Object, rng: random.Random, depth: int, full: bool | None) -> dict[str, object]:
        out: dict[str, object] = {}
        deep = depth >= MAX_DEPTH
        for f in body.fields:
            wanted = f.required or (not deep and (full if full is not None else rng.random() < 0.5))
            if not wanted:
                continue
            null = f.nullable and (full is None and rng.random() < 0.2)
            out[f.wire_name] = None if null else self.value(f.type, rng, depth + 1, full)
        return out

    # --------------------------------------------------------- wrong values

    def _wrong(self, t: ir.TypeExpr, rng: random.Random) -> tuple[object] | None:
        """A value that ``t`` should reject or that lax mode coerces (boxed,
        since the value may be ``None``); None when every value fits."""
        options: tuple[object, ...]
        match t:
            case ir.Primitive(kind="string", format=fmt) if fmt in ("date", "date-time"):
                options = ("yesterday", 1700000000, "2024-13-01")
            case ir.Primitive(kind="string"):
                options = (12345, True, ["text"], 1.5)
            case ir.Primitive(kind="integer"):
                options = ("12", 1.5, 2.0, "abc", True)
            case ir.Primitive(kind="number"):
                options = ("12.5", "abc", True, [1])
            case ir.Primitive(kind="boolean"):
                options = ("true", "maybe", 1, 2)
            case ir.Array():
                options = ("text", {"k": 1}, [None])
            case ir.Map():
                options = ("text", [1], {"k": None})
            case ir.Ref(model=model_id):
                options = self._wrong_model(self.api.model(model_id))
            case ir.Literal(value=value):
                options = ("sdkgen-other" if value != "sdkgen-other" else "other", 0)
            case _:
                return None
        return (rng.choice(options),)

    def _wrong_model(self, model: ir.Model) -> tuple[object, ...]:
        match model.body:
            case ir.Object():
                return ("text", [], 3)
            case ir.Enum():
                return ("sdkgen-unknown", 0)
            case _:
                return ({"sdkgen_unknown_key": 1}, None, "text", 3.5, [])
