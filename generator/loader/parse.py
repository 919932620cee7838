"""Parse one file: YAML or JSON text to Python data, and pointers to positions."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from generator.diagnostics import Span, fail
from generator.loader.positions import PositionIndex, split_pointer
from generator.loader.yaml_reader import UNREAD, SpecLoader, read_fast

__all__ = ["PositionIndex", "dump_json", "parse_document", "parse_text", "read_text", "split_pointer"]


def read_text(path: Path, display: str) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise fail("SG001", f"cannot read file: {exc.strerror or exc}", span=Span(display, 1, 1)) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise fail("SG002", "file is not valid UTF-8", span=Span(display, line, 1)) from None


def parse_text(text: str, display: str) -> object:
    """Decode JSON or YAML (see ``parse_document``)."""
    return parse_document(text, display)[0]


def parse_document(text: str, display: str) -> tuple[object, PositionIndex]:
    """Decode JSON or YAML, with the index of its positions.  JSON is tried
    first when the text looks like it, because ``json`` is the fastest reader.
    YAML goes to the fast reader when it can (see ``yaml_reader``); otherwise
    PyYAML composes it once, and the node tree that yields the data also
    gives the positions."""
    if text.lstrip().startswith(("{", "[")):
        try:
            return json.loads(text), PositionIndex(text, display)
        except json.JSONDecodeError:
            pass  # maybe YAML flow style; the YAML error below is the one to show
    data = read_fast(text)
    if data is not UNREAD:
        return data, PositionIndex(text, display)
    loader = SpecLoader(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
        return data, PositionIndex(text, display, root)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or exc.context or "syntax error"
        raise fail("SG002", f"YAML syntax error: {problem}", span=Span(display, line, col)) from None
    except yaml.YAMLError as exc:
        raise fail("SG002", f"YAML error: {exc}", span=Span(display, 1, 1)) from None
    finally:
        loader.dispose()


def dump_json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
