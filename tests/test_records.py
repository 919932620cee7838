"""Records left out of garbage collection (``msgspec.Struct`` with
``gc=False``) cannot be part of a reference cycle, which the collector would
then never free: every field holds only immutable values or other such
records, so nothing a record holds can point back to it."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import types
import typing

import msgspec
import pytest

import generator

# Fields that hold something mutable, and why it cannot reach the record.
REVIEWED = {
    ("generator.ir", "Api", "_index"): "a dict of the Api's Models; a Model cannot reach the Api",
    ("generator.ir", "Json", "value"): "JSON data read from the spec, which holds no record",
    ("generator.ir", "Enum", "values"): "values read from the spec",
    ("generator.ir", "Literal", "value"): "a value read from the spec",
    ("generator.render.markdown.usage", "Scalar", "value"): "a scalar read from the spec",
}
ATOMIC = (str, int, float, bool, type(None))


def _untracked_records() -> list[type[msgspec.Struct]]:
    found = []
    for module in pkgutil.walk_packages(generator.__path__, "generator."):
        loaded = importlib.import_module(module.name)
        for _, cls in inspect.getmembers(loaded, inspect.isclass):
            if issubclass(cls, msgspec.Struct) and cls.__module__ == module.name and not cls.__struct_config__.gc:
                found.append(cls)
    return found


def _immutable(hint: object) -> bool:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is typing.Literal:
        return True
    if origin in (typing.Union, types.UnionType, tuple, frozenset):
        return all(arg is Ellipsis or _immutable(arg) for arg in args)
    if isinstance(hint, type) and issubclass(hint, msgspec.Struct):
        return not hint.__struct_config__.gc  # checked in its own right
    return hint in ATOMIC


RECORDS = _untracked_records()


def test_the_records_built_by_the_thousand_are_untracked() -> None:
    names = {cls.__name__ for cls in RECORDS}
    assert {"Field", "Model", "Object", "Array", "Slot", "FieldView", "ObjectView"} <= names


@pytest.mark.parametrize("record", RECORDS, ids=lambda cls: f"{cls.__module__}.{cls.__name__}")
def test_an_untracked_record_holds_nothing_that_could_point_back_to_it(record: type[msgspec.Struct]) -> None:
    assert record.__struct_config__.frozen  # a mutable record could be made to hold itself
    for name, hint in typing.get_type_hints(record).items():
        assert _immutable(hint) or (record.__module__, record.__name__, name) in REVIEWED, (name, hint)
