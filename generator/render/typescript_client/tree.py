"""The SDK class tree: which class holds which operations, and every name in it.

Groups (``Operation.group``, e.g. ``("deployments", "metrics")``) become
nested sub-SDKs reached through getters (``orq.deployments.metrics``);
operations without a group are methods of the root class.  Names are decided
here, once, in spec order:

- getter: camelCase of the group segment; method: camelCase of
  ``Operation.method_name``.  Within a class getters come first, then
  methods; a repeat gets a number (``list``, ``list2``) and ``constructor``
  (which a class cannot have as a method) becomes ``constructor$``.
- class: PascalCase of the segment, or of the whole group path when the
  segment is taken (case-insensitively: names are also file names), then an
  ``SDK`` suffix, then a number.  Names the SDK files import from the
  runtime are taken from the start.
"""

from __future__ import annotations

from msgspec import Struct, field

from generator import ir
from generator.words import camel, pascal

# Bound in every src/sdk file, or the files of the root class and the barrel.
RUNTIME_NAMES = frozenset({
    "ClientSDK", "RequestOptions", "EventStream", "ServerEvent", "SDKOptions", "SDK_METADATA", "ServerList",
    "HTTPClient", "Fetcher", "BeforeRequestHook", "ResponseHook", "RequestErrorHook", "RetryConfig",
    "BackoffStrategy",
})
_RESERVED_STEMS = frozenset({"sdk", "index"})


class Node(Struct):
    path: tuple[str, ...]
    class_name: str = ""
    children: list[tuple[str, Node]] = field(default_factory=list)
    """(getter name, child), in order of first appearance."""
    operations: list[tuple[str, ir.Operation]] = field(default_factory=list)
    """(method name, operation), in spec order."""

    @property
    def stem(self) -> str:
        return "sdk" if not self.path else self.class_name.lower()

    def walk(self) -> list[Node]:
        out = [self]
        for _, child in self.children:
            out.extend(child.walk())
        return out


def build_tree(api: ir.Api, sdk_class: str) -> Node:
    root = Node(path=(), class_name=sdk_class)
    nodes: dict[tuple[str, ...], Node] = {(): root}
    members: dict[tuple[str, ...], list[str]] = {(): []}
    for op in api.operations:
        for depth in range(1, len(op.group) + 1):
            path = op.group[:depth]
            if path not in nodes:
                nodes[path] = Node(path=path)
                members[path] = []
                parent = path[:-1]
                getter = member_name(path[-1], members[parent])
                nodes[parent].children.append((getter, nodes[path]))
    for op in api.operations:
        node = nodes[op.group]
        node.operations.append((member_name(op.method_name, members[op.group]), op))
    _name_classes(root)
    return root


def member_name(raw: str, used: list[str]) -> str:
    """A getter or method name unique among ``used`` (which it joins)."""
    base = camel(raw) or "call"
    if base[0].isdigit():
        base = "call" + base[0].upper() + base[1:]
    if base == "constructor":
        base += "$"
    name, n = base, 2
    while name in used:
        name, n = f"{base}{n}", n + 1
    used.append(name)
    return name


def _name_classes(root: Node) -> None:
    taken = {root.class_name.lower()} | _RESERVED_STEMS | {n.lower() for n in RUNTIME_NAMES}
    for node in root.walk()[1:]:
        candidates = [pascal(node.path[-1]), pascal("_".join(node.path))]
        candidates = [c if c and not c[0].isdigit() else "Sdk" + c for c in candidates]
        candidates.append(candidates[-1] + "SDK")
        name = next((c for c in candidates if c.lower() not in taken), "")
        n = 2
        while not name:
            if f"{candidates[-1]}{n}".lower() not in taken:
                name = f"{candidates[-1]}{n}"
            n += 1
        taken.add(name.lower())
        node.class_name = name


def sdk_class_name(config_name: str) -> str:
    """The root class: PascalCase of ``sdk-class-name`` (``orq`` -> ``Orq``)."""
    name = pascal(config_name) or "SDK"
    name = "Sdk" + name if name[0].isdigit() else name
    return name + "SDK" if name in RUNTIME_NAMES else name


__all__ = ["Node", "RUNTIME_NAMES", "build_tree", "member_name", "sdk_class_name"]
