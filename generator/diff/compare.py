"""Compare the SDKs two specs produce and classify each change.

Direction matters: a value the user *sends* (request) breaks them when it
becomes required, narrower or disappears; a value the user *receives*
(response) breaks them when it may disappear, widens (new enum values, new
nullability) or changes type.
"""

from __future__ import annotations

from msgspec import Struct
from msgspec.structs import asdict

from generator import ir
from generator.diff.shape import Flattener, Node, Shape
from generator.words import snake


class Change(Struct, frozen=True, gc=False):
    method: str
    """``sdk.group.method()`` as a user calls it."""
    path: str
    kind: str
    breaking: bool
    detail: str = ""
    pointer: str = ""

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def method_label(op: ir.Operation) -> str:
    parts = [snake(g) for g in op.group] + [snake(op.method_name)]
    return "sdk." + ".".join(parts) + "()"


def _op_key(op: ir.Operation) -> str:
    return op.operation_id or f"{op.method.upper()} {op.path}"


def compare(old: ir.Api, new: ir.Api) -> list[Change]:
    olds = {_op_key(o): o for o in old.operations}
    news = {_op_key(o): o for o in new.operations}
    changes: list[Change] = []
    for key, op in news.items():
        if key not in olds:
            changes.append(Change(method_label(op), "", "Added", False, pointer=op.id))
    for key, op in olds.items():
        if key not in news:
            changes.append(Change(method_label(op), "", "Removed", True, pointer=op.id))
            continue
        changes.extend(_compare_operation(old, op, new, news[key]))
    return sorted(changes, key=lambda c: (c.method, c.path, c.kind))


def _compare_operation(old_api: ir.Api, old: ir.Operation, new_api: ir.Api, new: ir.Operation) -> list[Change]:
    label = method_label(new)
    out: list[Change] = []
    if method_label(old) != label:
        out.append(Change(label, "", "Renamed", True, f"was {method_label(old)}", new.id))
    fo, fn = Flattener(old_api), Flattener(new_api)
    (oreq, oresp), (nreq, nresp) = fo.operation(old), fn.operation(new)
    out += _compare_shapes(label, oreq, nreq, request=True)
    out += _compare_shapes(label, oresp, nresp, request=False)
    oerr, nerr = fo.errors(old), fn.errors(new)
    for status in sorted(set(oerr) | set(nerr)):
        path = f"errors[{status}]"
        if status not in oerr:
            out.append(Change(label, path, "Added", False, nerr[status]))
        elif status not in nerr:
            out.append(Change(label, path, "Removed", True, oerr[status]))
        elif oerr[status] != nerr[status]:
            out.append(Change(label, path, "Changed", True, f"{oerr[status]} -> {nerr[status]}"))
    return out


def _under(path: str, roots: set[str]) -> bool:
    return any(path.startswith(r) and path[len(r):len(r) + 1] in (".", "[", "{", "|") for r in roots)


def _compare_shapes(label: str, old: Shape, new: Shape, request: bool) -> list[Change]:
    out: list[Change] = []
    gone: set[str] = set()
    for path in sorted(set(old) | set(new)):
        if _under(path, gone):
            continue  # reported with its parent
        if path not in new:
            gone.add(path)
            out.append(Change(label, path, "Removed", True, pointer=old[path].origin))
        elif path not in old:
            gone.add(path)
            node = new[path]
            out.append(Change(label, path, "Added", request and node.required, pointer=node.origin))
        else:
            out += _compare_nodes(label, path, old[path], new[path], request, gone)
    return out


def _compare_nodes(label: str, path: str, o: Node, n: Node, request: bool, gone: set[str]) -> list[Change]:
    out: list[Change] = []

    def add(kind: str, breaking: bool, detail: str = "") -> None:
        out.append(Change(label, path, kind, breaking, detail, n.origin))

    if o.kind != n.kind:
        gone.add(path)
        add("Changed", True, f"type {o.kind} -> {n.kind}")
        return out
    if o.model != n.model:
        where = f"at {n.model_id}" if o.model_id == n.model_id else f"pointer moved {o.model_id} -> {n.model_id}"
        add("Renamed", True, f"model {o.model} -> {n.model} ({where})")
    if o.required != n.required:
        add("Required" if n.required else "Optional", request == n.required)
    if o.nullable != n.nullable:
        add("Nullable" if n.nullable else "Not nullable", (not request) == n.nullable)
    added = [v for v in n.values if v not in o.values]
    removed = [v for v in o.values if v not in n.values]
    what = "member" if n.kind == "union" else "value"
    if added:
        add(f"{what.capitalize()}s added", not request, ", ".join(added))
    if removed:
        add(f"{what.capitalize()}s removed", request, ", ".join(removed))
    if o.default != n.default:
        add("Default changed", False, f"{o.default} -> {n.default}")
    return out


def semver_bump(changes: list[Change]) -> str:
    if any(c.breaking for c in changes):
        return "major"
    if any(c.kind in ("Added", "Values added", "Members added") for c in changes):
        return "minor"
    return "patch" if changes else "none"
