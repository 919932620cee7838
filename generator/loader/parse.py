"""Parse one file: YAML or JSON text to Python data, and pointers to positions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from generator.diagnostics import Span, fail

_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _SpecLoader(_BaseLoader):  # type: ignore[misc]
    """Safe loader without YAML 1.1 timestamps: an unquoted ``2024-01-01``
    in an example must stay the string the author wrote, not a ``date``."""


_SpecLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}


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
    first when the text looks like it, because ``json`` is several times
    faster than any YAML loader.  YAML is composed once: the node tree that
    yields the data also gives the positions, so a warning does not pay for
    composing the file a second time."""
    if text.lstrip().startswith(("{", "[")):
        try:
            return json.loads(text), PositionIndex(text, display)
        except json.JSONDecodeError:
            pass  # maybe YAML flow style; the YAML error below is the one to show
    loader = _SpecLoader(text)
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


def unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def split_pointer(pointer: str) -> list[str]:
    """``#/a/b~1c`` -> ``["a", "b/c"]``."""
    body = pointer[1:] if pointer.startswith("#") else pointer
    if not body:
        return []
    return [unescape(t) for t in body.lstrip("/").split("/")]


class PositionIndex:
    """Finds the line and column of a JSON pointer by composing the YAML node
    tree once, on first use (JSON is valid YAML for this purpose)."""

    def __init__(self, text: str, display: str, root: yaml.Node | None = None) -> None:
        self._text = text
        self._display = display
        self._root: yaml.Node | None = root

    def locate(self, pointer: str) -> Span:
        try:
            node = self._root or yaml.compose(self._text, Loader=_SpecLoader)
        except yaml.YAMLError:
            return Span(self._display, 1, 1)
        if node is None:  # an empty document
            return Span(self._display, 1, 1)
        self._root = node
        mark = node.start_mark
        for token in split_pointer(pointer):
            found = _child(node, token)
            if found is None:
                break
            key, node = found
            # A block collection starts on the line after its key: point at the key.
            block = isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and not node.flow_style
            mark = key.start_mark if (key is not None and block) else node.start_mark
        return Span(self._display, mark.line + 1, mark.column + 1)


def _child(node: yaml.Node, token: str) -> tuple[yaml.Node | None, yaml.Node] | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if str(key.value) == token:
                return key, value
    if isinstance(node, yaml.SequenceNode) and token.isdigit() and int(token) < len(node.value):
        return None, node.value[int(token)]
    return None


def dump_json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
