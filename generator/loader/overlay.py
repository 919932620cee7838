"""OpenAPI Overlay 1.0: documents of JSONPath-targeted edits to a spec.

Contract:
- ``apply_overlays(ws, overlays, sink)`` applies each overlay file to the
  root document of ``ws`` in place, in the order given, every action against
  the document as the previous actions left it.
- An invalid overlay document raises ``SpecError`` (SG040) pointing into the
  overlay file; nothing of it is applied.  An action whose target matches
  nothing is a warning (SG041) at the action's ``target``.
- ``update`` merges objects recursively, appends to arrays (an array target
  receives the update value as one new element, or each element of an array
  value) and replaces everything else; ``remove: true`` deletes every match.
- Nodes an overlay adds are located in the overlay file (``Workspace.origins``).
- JSONPath is RFC 9535 as implemented by ``python-jsonpath``, which also
  accepts the common relaxations (``$.paths.*[?(@.x-name)]``).
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any, Sequence, cast

import jsonpath
from msgspec import Struct

from generator.diagnostics import Diagnostic, Sink, SpecError
from generator.loader.parse import PositionIndex, parse_text, read_text
from generator.loader.refs import Workspace

_ACTION_KEYS = ("target", "description", "update", "remove")
_DOC_KEYS = ("overlay", "info", "extends", "actions")


class _Action(Struct, frozen=True):
    index: int
    path: jsonpath.JSONPath | jsonpath.CompoundJSONPath
    target: str
    update: object
    has_update: bool
    remove: bool

    @property
    def pointer(self) -> str:
        return f"#/actions/{self.index}"


def apply_overlays(ws: Workspace, overlays: Sequence[tuple[Path, str]], sink: Sink) -> None:
    """Apply overlay files, given as (path, name to show in diagnostics)."""
    if overlays:
        _string_keys(ws.root)
    for path, display in overlays:
        apply_overlay(ws, path, display, sink)


def apply_overlay(ws: Workspace, path: Path, display: str, sink: Sink) -> None:
    text = read_text(path, display)
    positions = PositionIndex(text, display)
    actions = _parse(parse_text(text, display), positions)
    key = f"overlay:{display}"
    ws.add_source(key, positions, path)
    for action in actions:
        _apply(ws, action, key, sink, positions)


# ------------------------------------------------------------------ checking


def _parse(doc: object, positions: PositionIndex) -> list[_Action]:
    problems: list[tuple[str, str]] = []
    if not isinstance(doc, dict):
        problems.append(("an overlay document must be a mapping", "#"))
        doc = {}
    version = doc.get("overlay")
    if version is None:
        problems.append(("missing 'overlay' (the Overlay specification version, 1.0.0)", "#"))
    elif not str(version).startswith("1.0."):
        problems.append((f"unsupported overlay version {version!r} (1.0.x is)", "#/overlay"))
    info = doc.get("info")
    if not isinstance(info, dict) or not all(isinstance(info.get(k), str) for k in ("title", "version")):
        problems.append(("'info' must be a mapping with string 'title' and 'version'", "#/info" if info else "#"))
    problems += [(f"unknown key {k!r}", f"#/{_esc(k)}") for k in doc if k not in _DOC_KEYS and not str(k).startswith("x-")]
    raw = doc.get("actions")
    if not isinstance(raw, list) or not raw:
        problems.append(("'actions' must be a non-empty list", "#/actions" if "actions" in doc else "#"))
        raw = []
    actions = [a for i, item in enumerate(raw) if (a := _action(i, item, problems)) is not None]
    if problems:
        raise SpecError([Diagnostic("error", "SG040", f"invalid overlay: {message}", pointer, positions.locate(pointer))
                         for message, pointer in problems])
    return actions


def _action(index: int, item: object, problems: list[tuple[str, str]]) -> _Action | None:
    at = f"#/actions/{index}"
    if not isinstance(item, dict):
        problems.append(("an action must be a mapping", at))
        return None
    problems += [(f"unknown action key {k!r}", f"{at}/{_esc(k)}") for k in item
                 if k not in _ACTION_KEYS and not str(k).startswith("x-")]
    target, remove = item.get("target"), item.get("remove", False)
    if not isinstance(remove, bool):
        problems.append(("'remove' must be true or false", f"{at}/remove"))
    if "update" not in item and remove is not True:
        problems.append(("an action needs 'update' or 'remove: true'", at))
    if not isinstance(target, str):
        problems.append(("an action needs a 'target' JSONPath string", f"{at}/target" if "target" in item else at))
        return None
    try:
        path = jsonpath.compile(target)
    except jsonpath.JSONPathError as exc:
        problems.append((f"bad JSONPath {target!r}: {str(exc.args[0]) if exc.args else exc}", f"{at}/target"))
        return None
    return _Action(index, path, target, item.get("update"), "update" in item, remove is True)


# ------------------------------------------------------------------ applying


def _apply(ws: Workspace, action: _Action, key: str, sink: Sink, positions: PositionIndex) -> None:
    root = ws.root
    matches = [tuple(m.parts) for m in action.path.finditer(cast(Any, root))]
    if not matches:
        hint = ""
        if ws.converted_from and "definitions" in action.target.lower():  # also securityDefinitions
            hint = " (a Swagger 2.0 spec is converted first: target its OpenAPI 3 form, e.g. $.components.schemas)"
        pointer = f"{action.pointer}/target"
        sink.items.append(Diagnostic("warning", "SG041", f"overlay target {action.target!r} matches nothing{hint}",
                                     pointer, positions.locate(pointer)))
        return
    if action.remove:
        _remove(ws, matches, action, positions)
        return
    for parts in matches:
        target = _walk(root, parts)
        where = _pointer(parts)
        if not _update(ws, target, action.update, where, f"{key}{action.pointer}/update"):
            pointer = f"{action.pointer}/update"
            kind = "object" if isinstance(target, dict) else type(target).__name__
            raise SpecError([Diagnostic("error", "SG040", f"cannot update {where} ({kind}) with this value: "
                                        "an object takes an object, an array takes any value", pointer,
                                        positions.locate(pointer))])


def _update(ws: Workspace, target: object, update: object, where: str, source: str) -> bool:
    """Merge ``update`` into ``target`` in place; False when they do not fit."""
    if isinstance(target, list):
        items = update if isinstance(update, list) else [update]
        for i, item in enumerate(items):
            ws.origins.set(f"{where}/{len(target)}", f"{source}/{i}" if isinstance(update, list) else source)
            target.append(copy.deepcopy(item))
        return True
    if not (isinstance(target, dict) and isinstance(update, dict)):
        return False
    for name, value in update.items():
        here, there = f"{where}/{_esc(name)}", f"{source}/{_esc(name)}"
        old = target.get(name)
        if name in target and isinstance(old, (dict, list)) and isinstance(value, type(old)):
            _update(ws, old, value, here, there)
        else:
            target[name] = copy.deepcopy(value)
            ws.origins.set(here, there)
    return True


def _remove(ws: Workspace, matches: list[tuple[Any, ...]], action: _Action, positions: PositionIndex) -> None:
    if any(not parts for parts in matches):
        pointer = f"{action.pointer}/target"
        raise SpecError([Diagnostic("error", "SG040", "the document root cannot be removed", pointer,
                                    positions.locate(pointer))])
    # Descendants and later array elements first, so no removal shifts another.
    for parts in sorted(matches, key=lambda p: [(1, k, "") if isinstance(k, int) else (0, 0, str(k)) for k in p],
                        reverse=True):
        parent = _walk(ws.root, parts[:-1])
        length = len(parent) if isinstance(parent, list) else None
        del parent[parts[-1]]
        ws.origins.removed(_pointer(parts), length)


def _walk(node: Any, parts: Sequence[Any]) -> Any:
    for part in parts:
        node = node[part]
    return node


def _string_keys(node: object) -> None:
    """JSON has only string keys, so JSONPath matches ``'200'`` and not the
    integer a YAML ``200:`` becomes; booleans and null keys are left alone."""
    if isinstance(node, dict):
        if any(isinstance(k, (int, float)) and not isinstance(k, bool) for k in node):
            items = list(node.items())
            node.clear()
            node.update((k if isinstance(k, (str, bool)) or k is None else str(k), v) for k, v in items)
        for value in node.values():
            _string_keys(value)
    elif isinstance(node, list):
        for item in node:
            _string_keys(item)


def _pointer(parts: Sequence[Any]) -> str:
    return "#" + "".join(f"/{_esc(p)}" for p in parts)


def _esc(token: object) -> str:
    return str(token).replace("~", "~0").replace("/", "~1")
