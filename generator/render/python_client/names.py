"""The SDK class tree and the Python names of its members.

- One class per group path of ``Operation.group`` (``("sessions", "metrics")``
  -> ``orq.sessions.metrics``); the root class holds the operations without
  a group.  Class names come from ``Api.sdk_classes`` (``DeploymentsSDK``
  when a model took ``Deployments``); two groups ending in the same word get
  their parent's name in front, in order of first appearance.
- One module per class: its lowercased name, moved off the names of the
  client's own modules.
- Attributes (sub-SDKs) and methods are snake_case, keywords get ``_``, and
  duplicates in one class get a number.
"""

from __future__ import annotations

import keyword

from msgspec import Struct, field

from generator import ir
from generator.words import pascal, snake

RESERVED_MODULES = frozenset({"sdk", "basesdk", "sdkconfiguration", "types", "utils", "models", "py", "__init__"})
# Members every SDK class has: a method or sub-SDK cannot take these names.
RESERVED_MEMBERS = frozenset({"sdk_configuration"})


def identifier(text: str, fallback: str) -> str:
    """snake_case identifier; keywords get ``_``; leading digits a prefix."""
    name = snake(text) or fallback
    if name[0].isdigit():
        name = fallback + "_" + name
    return name + "_" if keyword.iskeyword(name) or keyword.issoftkeyword(name) else name


class SdkClass(Struct):
    path: tuple[str, ...]
    name: str
    module: str
    operations: list[ir.Operation] = field(default_factory=list)
    children: list[tuple[str, SdkClass]] = field(default_factory=list)
    """(attribute name, class) of the nested SDKs, in order of first use."""
    methods: dict[str, str] = field(default_factory=dict)
    """Operation id -> method name."""


def _unique(name: str, used: set[str]) -> str:
    base, n = name, 2
    while name in used:
        name, n = f"{base}{n}", n + 1
    used.add(name)
    return name


def _class_name(path: tuple[str, ...], api: ir.Api, taken: set[str]) -> str:
    known = dict(api.sdk_classes)
    name = known.get((pascal(path[-1]),), pascal(path[-1]) or "Group")
    if name in taken:
        name = "".join(pascal(p) for p in path)
    return _unique(class_identifier(name), taken)


def class_identifier(name: str) -> str:
    """A group named ``None`` or ``3D`` still needs a class name Python
    accepts: keywords get ``SDK`` appended, a leading digit ``Sdk`` in
    front (as in TypeScript)."""
    if name[:1].isdigit():
        name = "Sdk" + name
    return name + "SDK" if keyword.iskeyword(name) else name


def _module(name: str, used: set[str]) -> str:
    stem = name.lower()
    if stem in RESERVED_MODULES or keyword.iskeyword(stem):
        stem += "_sdk"
    return _unique(stem, used)


def sdk_tree(api: ir.Api, root_name: str) -> list[SdkClass]:
    """Every SDK class, the root first, then in order of first appearance."""
    root = SdkClass(path=(), name=root_name, module="sdk")
    classes: dict[tuple[str, ...], SdkClass] = {(): root}
    taken = {root_name}
    modules = set(RESERVED_MODULES)
    for op in api.operations:
        for depth in range(1, len(op.group) + 1):
            path = op.group[:depth]
            if path in classes:
                continue
            name = _class_name(path, api, taken)
            classes[path] = SdkClass(path=path, name=name, module=_module(name, modules))
            classes[path[:-1]].children.append(("", classes[path]))
        classes[op.group].operations.append(op)
    for sdk in classes.values():
        _name_members(sdk)
    return list(classes.values())


def _name_members(sdk: SdkClass) -> None:
    used = set(RESERVED_MEMBERS)
    sdk.children = [(_unique(identifier(child.path[-1], "group"), used), child) for _, child in sdk.children]
    for op in sdk.operations:
        name = _unique(identifier(op.method_name, "call"), used)
        used.add(name + "_async")
        sdk.methods[op.id] = name
