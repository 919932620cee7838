"""Where a JSON pointer is in a source file: its line and column.

Positions are wanted only for diagnostics, so they are found on demand.  A
file read by PyYAML comes with its composed node tree, and a lookup walks it.
A file read by the fast reader has no tree: the first lookups stream libyaml's
events and stop at the node they want (a warning near the top of a large spec
costs a fraction of composing it); after a few, the tree is composed once.
In a block-style file the stream starts at the smallest block that holds the
pointers, found by indentation, rather than at the top of the file.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple, Sequence

import yaml

from generator.diagnostics import Span
from generator.loader.yaml_reader import SpecLoader

Mark = Any
"""A libyaml mark (``yaml.Mark`` or its C twin): ``line`` and ``column``, from 0."""

_STREAMED_LOOKUPS = 3
"""Lookups answered by streaming before the node tree is composed instead."""


def unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def split_pointer(pointer: str) -> list[str]:
    """``#/a/b~1c`` -> ``["a", "b/c"]``."""
    body = pointer[1:] if pointer.startswith("#") else pointer
    if not body:
        return []
    return [unescape(t) for t in body.lstrip("/").split("/")]


class PositionIndex:
    """Finds the line and column of JSON pointers in one file (JSON is valid
    YAML for this purpose)."""

    def __init__(self, text: str, display: str, root: yaml.Node | None = None) -> None:
        self._text = text
        self._display = display
        self._root: yaml.Node | None = root
        self._streamed = 0

    def locate(self, pointer: str) -> Span:
        return self.locate_all([pointer])[0]

    def locate_all(self, pointers: Sequence[str]) -> list[Span]:
        paths = [split_pointer(pointer) for pointer in pointers]
        try:
            marks: list[Mark | None | _Alias] = [_ALIAS] * len(paths)
            if self._root is None and self._streamed < _STREAMED_LOOKUPS:
                self._streamed += 1
                marks = _narrowed_walk(self._text, paths)
            found = [self._walk_tree(path) if isinstance(m, _Alias) else m for m, path in zip(marks, paths)]
        except yaml.YAMLError:
            found = [None] * len(paths)
        return [Span(self._display, m.line + 1, m.column + 1) if m else Span(self._display, 1, 1) for m in found]

    def _walk_tree(self, tokens: list[str]) -> Mark | None:
        node = self._root = self._root or yaml.compose(self._text, Loader=SpecLoader)
        if node is None:  # an empty document
            return None
        mark = node.start_mark
        for token in tokens:
            found = _child(node, token)
            if found is None:
                break
            key, node = found
            mark = _position(key, node)
        return mark


def _position(key: yaml.Node | yaml.Event | None, node: yaml.Node | yaml.Event) -> Mark:
    # A block collection starts on the line after its key: point at the key.
    collection = isinstance(node, (yaml.MappingNode, yaml.SequenceNode, yaml.CollectionStartEvent))
    block = collection and not getattr(node, "flow_style", False)
    return key.start_mark if (key is not None and block) else node.start_mark


def _child(node: yaml.Node, token: str) -> tuple[yaml.Node | None, yaml.Node] | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if str(key.value) == token:
                return key, value
    if isinstance(node, yaml.SequenceNode) and token.isdigit() and int(token) < len(node.value):
        return None, node.value[int(token)]
    return None


class _Alias:
    """The pointer passes through an alias, which only the tree resolves."""


_ALIAS = _Alias()


class _Moved(NamedTuple):
    """A mark from a part of the text, moved back to the whole text's lines."""

    line: int
    column: int


def _narrowed_walk(text: str, paths: list[list[str]]) -> list[Mark | None | _Alias]:
    """``_EventWalk`` over the smallest block of ``text`` that holds every
    path: skipping the rest event by event costs most of a walk, and in a
    block-style file a key's block is found by its indentation alone.  The
    block is then read by libyaml like the whole file; anything the line
    scan does not understand (flow style, sequences, escaped keys, a key the
    block does not parse to) walks the whole text instead."""
    found = _block_of(text, _common_prefix(paths))
    if found is not None:
        start, end, depth = found
        line = text.count("\n", 0, start)
        try:
            marks = _EventWalk(text[start:end]).find_all([path[depth - 1:] for path in paths])
        except yaml.YAMLError:
            marks = [None]
        if all(m is not None for m in marks):
            return [m if isinstance(m, _Alias) or m is None else _Moved(m.line + line, m.column) for m in marks]
    return _EventWalk(text).find_all(paths)


def _common_prefix(paths: list[list[str]]) -> list[str]:
    prefix = paths[0] if paths else []
    for path in paths[1:]:
        size = 0
        while size < min(len(prefix), len(path)) and prefix[size] == path[size]:
            size += 1
        prefix = prefix[:size]
    return prefix


_CONTENT_LINE = re.compile(r"^( *)[^ \n#]", re.MULTILINE)
"""A line that holds more than blanks or a comment, and its indentation."""


def _block_of(text: str, tokens: list[str]) -> tuple[int, int, int] | None:
    """The text span of the deepest block-mapping entry along ``tokens``
    that a line scan finds (from the start of its key's line to the end of
    its block), and how many tokens it covers; None when not even the first.
    A document with directives, document markers or tabs is not scanned."""
    if "\t" in text or text.startswith(("%", "---")) or "\n---" in text or "\n%" in text:
        return None
    start, end, indent, depth = 0, len(text), -1, 0
    for token in tokens:
        body = start if depth == 0 else text.find("\n", start) + 1
        first = _CONTENT_LINE.search(text, body, end) if body > 0 or depth == 0 else None
        if first is None or len(first.group(1)) <= indent:
            break
        child = len(first.group(1))
        if text.startswith("- ", first.end() - 1) or text.startswith("-\n", first.end() - 1):
            break  # a sequence: its items are not keyed
        if any(c in token for c in "\\\"'\n"):
            break
        key = re.compile(rf"^ {{{child}}}(?:{re.escape(token)}|\"{re.escape(token)}\"|'{re.escape(token)}') *:(?= |$)",
                         re.MULTILINE).search(text, first.start(), end)
        if key is None:
            break
        after = text.find("\n", key.end())
        stop = _block_end(child).search(text, after + 1, end) if after >= 0 else None
        start, end, indent, depth = key.start(), stop.start() if stop else end, child, depth + 1
        inline = text[key.end():after if after >= 0 else len(text)].strip()
        if inline and not inline.startswith("#"):
            break  # the value starts on the key's line (a scalar, flow style, an anchor): nothing below to scan
    return (start, end, depth) if depth else None


def _block_end(indent: int) -> re.Pattern[str]:
    """The first line after a key at ``indent`` that is not in its block:
    content indented less, or as much but not a ``-`` item (a sequence value
    may sit at its key's indentation)."""
    less = f" {{0,{indent - 1}}}[^ \\n#]|" if indent else ""
    return re.compile(rf"^(?:{less} {{{indent}}}(?!-[ \n])[^ \n#])", re.MULTILINE)


class _Done(Exception):
    """Every pointer is resolved: the rest of the stream is not read."""


class _Wanted:
    """The pointers below one node, as a trie of tokens."""

    def __init__(self) -> None:
        self.here: list[int] = []  # indexes of the pointers that end at this node
        self.below: dict[str, _Wanted] = {}


class _EventWalk:
    """Follows pointers through libyaml's event stream in one pass: it enters
    only the nodes on their paths, skips the others, and stops when all are
    resolved.  A pointer keeps the deepest position found on its path, as in
    the tree."""

    def __init__(self, text: str) -> None:
        self._loader = SpecLoader(text)
        self._marks: list[Mark | None | _Alias] = []
        self._left = 0

    def find_all(self, paths: list[list[str]]) -> list[Mark | None | _Alias]:
        wanted = _Wanted()
        for index, tokens in enumerate(paths):
            node = wanted
            for token in tokens:
                node = node.below.setdefault(token, _Wanted())
            node.here.append(index)
        self._marks = [None] * len(paths)
        self._left = len(paths)
        try:
            while not isinstance(self._loader.peek_event(), (yaml.NodeEvent, yaml.StreamEndEvent)):
                self._loader.get_event()
            root = self._loader.get_event()
            if isinstance(root, yaml.NodeEvent):
                self._visit(root, root.start_mark, wanted)
        except _Done:
            pass
        finally:
            self._loader.dispose()
        return self._marks

    def _visit(self, node: yaml.Event, mark: Mark, wanted: _Wanted) -> None:
        """Record ``mark`` for the pointers this far down, then enter the
        children that lead to others; the stream is left after ``node``."""
        alias = isinstance(node, yaml.AliasEvent)
        for index in self._every(wanted):
            self._marks[index] = _ALIAS if alias else mark
        for index in wanted.here:
            self._left -= 1
        if not self._left:
            raise _Done
        if isinstance(node, yaml.MappingStartEvent):
            while not isinstance(self._loader.peek_event(), yaml.MappingEndEvent):
                key = self._loader.get_event()
                below = wanted.below.get(key.value) if isinstance(key, yaml.ScalarEvent) else None
                self._skip_rest(key)
                value = self._loader.get_event()
                if below is None:
                    self._skip_rest(value)
                else:
                    wanted.below.pop(key.value)  # the first of duplicate keys, as in the tree
                    self._visit(value, _position(key, value), below)
            self._loader.get_event()
        elif isinstance(node, yaml.SequenceStartEvent):
            index = 0
            while not isinstance(self._loader.peek_event(), yaml.SequenceEndEvent):
                item = self._loader.get_event()
                below = wanted.below.pop(str(index), None)
                if below is None:
                    self._skip_rest(item)
                else:
                    self._visit(item, item.start_mark, below)
                index += 1
            self._loader.get_event()
        else:
            self._skip_rest(node)
        # Pointers below a scalar, an alias or a missing key keep this node's mark.
        for index in self._every_below(wanted):
            self._left -= 1
        wanted.below.clear()
        if not self._left:
            raise _Done

    def _every(self, wanted: _Wanted) -> list[int]:
        """The pointers through this node that are not resolved deeper yet."""
        return [*wanted.here, *self._every_below(wanted)]

    def _every_below(self, wanted: _Wanted) -> list[int]:
        found: list[int] = []
        for child in wanted.below.values():
            found += child.here
            found += self._every_below(child)
        return found

    def _skip_rest(self, start: yaml.Event) -> None:
        """Consume the rest of the node that ``start`` began."""
        depth = 1 if isinstance(start, yaml.CollectionStartEvent) else 0
        while depth:
            event = self._loader.get_event()
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
