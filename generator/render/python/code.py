"""Python expressions as small trees, laid out in black's style.

Annotations, aliases and calls are built as ``Call`` trees so that a long
statement can be split the way black splits it (a "right-hand split" at the
outermost bracket, then one element per line with a trailing comma).  The
output is valid Python either way; matching black only saves the formatter
work and keeps diffs quiet.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Union

LINE_LENGTH = 88
INDENT = "    "
_CLOSE = {"[": "]", "(": ")", "{": "}"}


@dataclass(frozen=True, slots=True)
class Call:
    """``head`` + bracket + comma-separated ``args`` + closing bracket.

    ``head`` is any text before the bracket: ``List``, ``pydantic.Field``,
    ``optional=``.  ``{`` is only used for set displays.
    """

    head: str
    args: tuple[Expr, ...]
    open: str = "["

    @property
    def close(self) -> str:
        return _CLOSE[self.open]


Expr = Union[str, Call]


def flat(expr: Expr) -> str:
    if isinstance(expr, str):
        return expr
    return expr.head + expr.open + ", ".join(flat(a) for a in expr.args) + expr.close


def split(indent: str, prefix: str, expr: Expr, suffix: str = "") -> list[str]:
    """Lines for ``prefix + expr + suffix`` at ``indent``, split at the
    outermost bracket of ``expr`` when the single line is too long."""
    one = indent + prefix + flat(expr) + suffix
    if len(one) <= LINE_LENGTH or not isinstance(expr, Call) or not expr.args:
        return [one]
    head = indent + prefix + expr.head + expr.open
    inner = indent + INDENT
    tail = indent + expr.close + suffix
    body = ", ".join(flat(a) for a in expr.args)
    # black explodes a split collection display ({...}) one element per
    # line even when the elements would fit together; calls and subscripts
    # keep them on one line
    display = expr.open == "{" and len(expr.args) > 1
    if len(inner + body) <= LINE_LENGTH and not display:
        return [head, inner + body, tail]
    if len(expr.args) == 1:
        # black adds no trailing comma when there is no comma to split at
        return [head, *split(inner, "", expr.args[0]), tail]
    lines = [head]
    for arg in expr.args:
        lines.extend(split(inner, "", arg, ","))
    return lines + [tail]


def assignment(indent: str, target: str, expr: Expr) -> list[str]:
    """``target = expr``; wraps the right-hand side in parentheses when even
    its first line cannot fit (black's "optional parentheses")."""
    lines = split(indent, target + " = ", expr)
    if len(lines[0]) <= LINE_LENGTH or not isinstance(expr, Call):
        return lines
    wrapped = [indent + target + " = (", *split(indent + INDENT, "", expr), indent + ")"]
    # black only keeps the parentheses when they make every line fit
    return wrapped if all(len(line) <= LINE_LENGTH for line in wrapped) else lines


def class_header(name: str, bases: tuple[str, ...]) -> tuple[str, ...]:
    """``class Name(Base):``, split like a call when too long."""
    return tuple(split("", "", Call("class " + name, bases, "("), ":"))


def annotated(indent: str, name: str, annotation: Expr, default: Expr | None) -> list[str]:
    """``name: annotation [= default]`` (a class-body field)."""
    if default is None:
        return split(indent, name + ": ", annotation)
    before = name + ": " + flat(annotation) + " = "
    if len(indent + before + flat(default)) <= LINE_LENGTH:
        return [indent + before + flat(default)]
    if isinstance(default, Call) and len(indent + before + default.head + default.open) <= LINE_LENGTH:
        return split(indent, before, default)
    if len(indent + before + "(") <= LINE_LENGTH:
        # black prefers parenthesizing the right-hand side to splitting the
        # annotation when the left-hand side fits on the first line
        return [indent + before + "(", indent + INDENT + flat(default), indent + ")"]
    return split(indent, name + ": ", annotation, " = " + flat(default))


def import_from(module: str, names: list[str]) -> list[str]:
    """``from module import a, b``; exploded one name per line when long,
    as black does for imports."""
    line = f"from {module} import {', '.join(names)}"
    if len(line) <= LINE_LENGTH:
        return [line]
    return [f"from {module} import (", *(INDENT + n + "," for n in names), ")"]
