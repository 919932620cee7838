"""Standalone functions: ``src/funcs/<name>.ts``, one per operation, and
the ``{Sdk}Core`` class they take as their first argument.

The name is the one the operation docs print (``render.markdown``'s
``sdk_typescript``): camelCase of the group path and the method name
(``sessions`` + ``create`` -> ``sessionsCreate``).  ``tests`` check that
both agree on every operation of the orq spec.  Only where that name could
not compile does this module depart from it: a name that is not an
identifier gets a ``call`` prefix, a reserved word or a name the generated
files bind themselves (``errors``, ``unwrap``, ``request``...) a ``$``
suffix, and a repeat (case-insensitive: names are also file names) a number.
"""

from __future__ import annotations

from generator import ir
from generator.config import Config
from generator.words import camel, pascal

# Bound at module level in a func or SDK file, or as a parameter of an SDK method.
_BOUND = frozenset({
    "z", "errors", "operations", "components", "unwrap", "OK", "ERR", "clientError", "encode", "send",
    "matches", "readJSON", "readText", "readBinary", "readVoid", "readEvents", "apiError", "request", "options",
})
_RESERVED = frozenset({
    "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else",
    "enum", "export", "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof",
    "new", "null", "return", "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void",
    "while", "with", "yield", "let", "static", "implements", "interface", "package", "private", "protected",
    "public", "await", "arguments", "eval", "undefined", "NaN", "Infinity", "globalThis",
})


def documented_name(op: ir.Operation) -> str:
    """The function the docs show for ``op``: ``sessionsCreate``."""
    return camel(" ".join((*op.group, op.method_name)))


def core_class_name(config: Config) -> str:
    """``OrqCore``: the docs' root class name and ``Core``."""
    name = pascal(config.sdk_class_name) or "SDK"
    return ("Sdk" + name if name[0].isdigit() else name) + "Core"


def function_names(api: ir.Api) -> dict[str, str]:
    """``Operation.id`` -> its function name, unique, in spec order."""
    used: set[str] = set()
    out: dict[str, str] = {}
    for op in api.operations:
        base = documented_name(op) or "call"
        if base[0].isdigit():
            base = "call" + base[0].upper() + base[1:]
        if base in _RESERVED or base in _BOUND:
            base += "$"
        name, n = base, 2
        while name.lower() in used:
            name, n = f"{base}{n}", n + 1
        used.add(name.lower())
        out[op.id] = name
    return out


__all__ = ["core_class_name", "documented_name", "function_names"]
