"""Markdown tables the way Speakeasy's model docs print them.

Every column of a table is padded to one width: the longest raw cell of the
whole table, header included, counted in code points.  Each cell is escaped
(``|`` -> ``\\|``, newline -> ``<br/>``) *before* it is padded to that width,
so an escaped cell that outgrew the width gets no padding at all (the newer
reference docs show it; in the orq ones the escaped cells are always the
widest raw cells, where both orders agree).
"""

from __future__ import annotations

import re
from collections.abc import Sequence


def escape_cell(text: str) -> str:
    """Make one cell safe inside a table row.  Backslashes right before a
    ``|`` are escaped too: in ``\\\\|`` the pipe would end the cell.  Others
    stay as written (a ``\\d`` in a pattern prints as the reference does)."""
    if "|" in text:  # rare: most cells skip the substitution
        text = _PIPE.sub(lambda m: m.group(1) * 2 + "\\|", text)
    return text.replace("\n", "<br/>") if "\n" in text else text


_PIPE = re.compile(r"(\\*)\|")


def render_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A full table, without a trailing newline."""
    cells = [*header, *(cell for row in rows for cell in row)]
    width = max(len(cell) for cell in cells)
    lines = [_row(header, width), _row(["-" * width] * len(header), width)]
    lines.extend(_row(row, width) for row in rows)
    return "\n".join(lines)


def _row(cells: Sequence[str], width: int) -> str:
    return "| " + " | ".join(escape_cell(cell).ljust(width) for cell in cells) + " |"
