"""Python expressions as small trees, laid out in black's style.

Annotations, aliases and calls are built as ``Call`` trees so that a long
statement can be split the way black splits it (a "right-hand split" at the
outermost bracket, then one element per line with a trailing comma).
``assignment``, ``optional_parens`` and ``def_lines`` lay out whole
statements the same way, with black's optional parentheses.  The output is
valid Python either way; matching black lets the format stage skip black
(seconds on a large package), which ``tests/test_formatting.py`` proves safe.
"""

from __future__ import annotations

from typing import Union

from msgspec import Struct
from msgspec.structs import force_setattr

LINE_LENGTH = 88
INDENT = "    "
_CLOSE = {"[": "]", "(": ")", "{": "}"}


class Call(Struct, frozen=True, gc=False):
    """``head`` + bracket + comma-separated ``args`` + closing bracket.

    ``head`` is any text before the bracket: ``List``, ``pydantic.Field``,
    ``optional=``.  ``{`` is only used for set displays.
    """

    head: str
    args: tuple[Expr, ...]
    open: str = "["
    display: bool = False
    """A collection display (``[...]``, ``(...)`` tuple, ``{...}`` dict):
    black explodes it one element per line once split."""
    text: str = ""
    """The expression on one line: made once, as layouts ask for it again
    and again for every enclosing expression.  Always computed from the
    other fields (a value passed in is replaced)."""

    def __post_init__(self) -> None:
        comma = "," if self.display and self.open == "(" and len(self.args) == 1 else ""
        text = self.head + self.open + ", ".join(flat(a) for a in self.args) + comma + _CLOSE[self.open]
        force_setattr(self, "text", text)

    @property
    def close(self) -> str:
        return _CLOSE[self.open]

    @property
    def exploding(self) -> bool:
        return (self.display or self.open == "{") and len(self.args) > 1


Expr = Union[str, Call]


def flat(expr: Expr) -> str:
    return expr if isinstance(expr, str) else expr.text


def split(indent: str, prefix: str, expr: Expr, suffix: str = "") -> list[str]:
    """Lines for ``prefix + expr + suffix`` at ``indent``, split at the
    outermost bracket of ``expr`` when the single line is too long."""
    one = indent + prefix + flat(expr) + suffix
    if len(one) <= LINE_LENGTH or not isinstance(expr, Call) or not expr.args:
        return [one]
    return _split_at(indent, prefix, expr, suffix)


def _split_at(indent: str, prefix: str, expr: Call, suffix: str = "") -> list[str]:
    head = indent + prefix + expr.head + expr.open
    inner = indent + INDENT
    tail = indent + expr.close + suffix
    body = flat(expr)[len(expr.head) + 1 : -1]
    # black explodes a split collection display one element per line even
    # when the elements would fit together; calls and subscripts keep them
    # on one line
    if len(inner + body) <= LINE_LENGTH and not expr.exploding:
        return [head, inner + body, tail]
    if len(expr.args) == 1:
        # black adds no trailing comma when there is no comma to split at
        return [head, *split(inner, "", expr.args[0]), tail]
    lines = [head]
    for arg in expr.args:
        lines.extend(split(inner, "", arg, ","))
    return lines + [tail]


def assignment(indent: str, target: str, expr: Expr, annotation: Expr | None = None) -> list[str]:
    """``target[: annotation] = expr``; wraps the right-hand side in
    parentheses when even its first line cannot fit (black's "optional
    parentheses"), or splits the annotation when these cannot fit either."""
    if annotation is None:
        return optional_parens(indent, target + " = ", expr, bracketed="[" in target or "(" in target)
    # black puts invisible parentheses around the annotation too, so the
    # target always counts as having brackets
    lines = optional_parens(indent, target + ": " + flat(annotation) + " = ", expr, bracketed=True)
    if len(lines[0]) <= LINE_LENGTH:
        return lines
    # even ``target: annotation = (`` is too long: black splits the
    # annotation, then lays out what follows it as an assignment of its own
    text = flat(annotation)
    if isinstance(annotation, Call) and annotation.args:
        target_lines = _split_at(indent, target + ": ", annotation)
        close = target_lines.pop().strip()
    elif _wrappable(text, len(indent + INDENT + text) <= LINE_LENGTH):
        target_lines, close = [indent + target + ": (", indent + INDENT + text], ")"
    else:
        return lines
    return target_lines + optional_parens(indent, close + " = ", expr, bracketed=True)


def optional_parens(indent: str, prefix: str, expr: Expr, suffix: str = "", bracketed: bool = False) -> list[str]:
    """``prefix + expr + suffix`` where black puts invisible parentheses
    around ``expr`` (right-hand sides, ``return``, ``if`` conditions, return
    annotations): split at ``expr``'s own bracket, or else inside visible
    parentheses.  ``bracketed``: the prefix is an assignment target with
    brackets, where black prefers the parentheses as soon as the first line
    of the other split is too long."""
    one = indent + prefix + flat(expr) + suffix
    if len(one) <= LINE_LENGTH:
        return [one]
    wrapped_body = split(indent + INDENT, "", expr)
    wrapped = [indent + prefix + "(", *wrapped_body, indent + ")" + suffix]
    if not isinstance(expr, Call) or not expr.args:
        return wrapped if _wrappable(flat(expr), len(wrapped_body[0]) <= LINE_LENGTH) else [one]
    lines = split(indent, prefix, expr, suffix)
    if len(lines[0]) <= LINE_LENGTH:
        return lines
    if bracketed:
        # black keeps the first split when even ``prefix + "("`` is too long
        # (with one column for the closing parenthesis)
        return wrapped if len(indent + prefix) < LINE_LENGTH else lines
    # black only keeps the parentheses when they make every line fit
    return wrapped if all(len(line) <= LINE_LENGTH for line in wrapped) else lines


def _wrappable(text: str, fits: bool) -> bool:
    """Whether black wraps ``text``, which has no bracket to split at, in
    parentheses: a dotted name always, a single name or string only when it
    then fits."""
    if text[:1] in "\"'" and text.count(text[0]) == 2:
        return fits
    if not text or any(c in text for c in " ([{\"'"):
        return False
    return "." in text or fits


class Param(Struct, frozen=True, gc=False):
    """``name[: annotation][ = default]`` in a signature."""

    name: str
    annotation: Expr | None = None
    default: Expr | None = None

    def text(self) -> str:
        ann = "" if self.annotation is None else ": " + flat(self.annotation)
        return self.name + ann + ("" if self.default is None else (" = " if ann else "=") + flat(self.default))


def param_lines(indent: str, param: Param) -> list[str]:
    """One parameter of a split signature, with its comma: split at its last
    bracket (the default's, else the annotation's) like black."""
    one = indent + param.text() + ","
    if len(one) <= LINE_LENGTH or param.annotation is None:
        return [one]
    default = "" if param.default is None else " = " + flat(param.default)
    if isinstance(param.default, Call) and param.default.args:
        lines = split(indent, param.name + ": " + flat(param.annotation) + " = ", param.default, ",")
        if len(lines[0]) <= LINE_LENGTH or not isinstance(param.annotation, Call):
            return lines
    return split(indent, param.name + ": ", param.annotation, default + ",")


def def_lines(indent: str, head: str, params: list[Param], returns: Expr, exploded: bool = False) -> list[str]:
    """``def name(params) -> returns:`` (``head`` is ``def name``).  black
    splits a long signature at its parameter list, one parameter per line
    (``exploded``: always, as a magic trailing comma would), then the
    return annotation like a right-hand side."""
    if not exploded:
        one = indent + head + "(" + ", ".join(p.text() for p in params) + ") -> " + flat(returns) + ":"
        if len(one) <= LINE_LENGTH:
            return [one]
        body = indent + INDENT + ", ".join(p.text() for p in params)
        if len(params) > 1 and len(body) <= LINE_LENGTH:
            return [indent + head + "(", body, *optional_parens(indent, ") -> ", returns, ":")]
    lines = [indent + head + "("]
    for param in params:
        lines.extend(param_lines(indent + INDENT, param))
    return lines + optional_parens(indent, ") -> ", returns, ":")


def class_header(name: str, bases: tuple[str, ...]) -> tuple[str, ...]:
    """``class Name(Base):``, split like a call when too long."""
    return tuple(split("", "", Call("class " + name, bases, "("), ":"))


def annotated(indent: str, name: str, annotation: Expr, default: Expr | None) -> list[str]:
    """``name: annotation [= default]`` (a class-body field)."""
    if default is None:
        if len(indent + name + ": " + flat(annotation)) > LINE_LENGTH and not (
                isinstance(annotation, Call) and annotation.args) and len(
                indent + INDENT + flat(annotation)) <= LINE_LENGTH:
            # an annotation with no bracket to split at goes in parentheses,
            # when that makes it fit
            return [indent + name + ": (", indent + INDENT + flat(annotation), indent + ")"]
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
