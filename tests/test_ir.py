"""The IR's contract (``generator/ir.py``): plain frozen records, tuples not
lists, nothing imported but the standard library and the record base."""

from __future__ import annotations

import ast
import inspect
import sys

import msgspec
import pytest
from conftest import ROOT

from generator import ir

SOURCE = (ROOT / "generator" / "ir.py").read_text(encoding="utf-8")


def test_the_ir_imports_only_the_standard_library_and_the_record_base() -> None:
    for node in ast.walk(ast.parse(SOURCE)):
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
            for name in names:
                top = name.split(".")[0]
                assert top in sys.stdlib_module_names or top == "__future__" or name == "msgspec", name


RECORDS = [cls for _, cls in inspect.getmembers(ir, inspect.isclass) if cls.__module__ == ir.__name__]


@pytest.mark.parametrize("record", RECORDS, ids=lambda cls: cls.__name__)
def test_every_ir_class_is_a_frozen_record(record: type) -> None:
    assert issubclass(record, msgspec.Struct) and record.__struct_config__.frozen


def test_ir_collections_are_tuples_not_lists() -> None:
    for node in ast.walk(ast.parse(SOURCE)):
        if isinstance(node, ast.AnnAssign):
            annotation = ast.unparse(node.annotation)
            assert "list[" not in annotation and "set[" not in annotation, annotation
