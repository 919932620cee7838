"""Escaping of spec strings into Python source (string literals, docstrings)
and TOML basic strings.

Contract: whatever the input (quotes, triple quotes, backslashes, ``\\N{``,
control characters, lone surrogates, bidi overrides), the output is exactly
one literal that evaluates back to the input, so a spec string can never
end its literal early and inject code.  The output is also left unchanged by
``black`` (its quote preference and its docstring rules are applied here).
"""

from __future__ import annotations

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape_char(ch: str) -> str:
    """``\\n``/``\\xNN``/``\\uNNNN`` for anything not printable, as ``repr``."""
    named = _NAMED.get(ch)
    if named is not None:
        return named
    return repr(ch)[1:-1]


def py_str(text: str) -> str:
    """A Python string literal for ``text``.

    Double quotes unless that needs more escapes than single quotes: the
    same choice black makes, so black leaves the literal alone.
    """
    quote = "'" if text.count('"') > text.count("'") else '"'
    if text.isprintable() and "\\" not in text and quote not in text:
        return quote + text + quote  # the common case, without a loop per character
    out = []
    for ch in text:
        if ch == "\\" or ch == quote:
            out.append("\\" + ch)
        elif ch.isprintable():
            out.append(ch)
        else:
            out.append(_escape_char(ch))
    return quote + "".join(out) + quote


def normalize_doc(text: str) -> str:
    """The text black keeps in a class docstring: universal newlines, no
    surrounding blank space, no trailing spaces, and the lines after the
    first dedented by their common indentation (as ``inspect.cleandoc``)."""
    if "\n" not in text and "\r" not in text:
        return text.strip()  # most descriptions: one line, nothing to dedent
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    # the first line is the first one with text: leading blank lines would
    # otherwise hide the indentation black removes from the lines after it
    while lines and not lines[0].strip():
        lines.pop(0)
    rest = [line for line in lines[1:] if line]
    common = min((len(line) - len(line.lstrip(" ")) for line in rest), default=0)
    return "\n".join([lines[0].strip()] + [line[common:] for line in lines[1:]]).strip() if lines else ""


def _raw_safe(text: str) -> bool:
    """Can ``text`` sit verbatim between ``r\"\"\"`` and ``\"\"\"``?"""
    # black pads a docstring that starts or ends with a quote, and a raw
    # literal cannot end in a quote or an odd backslash
    if not text or '"""' in text or text[0] == '"' or text[-1] in '"\\':
        return False
    trailing = len(text) - len(text.rstrip("\\"))
    return trailing % 2 == 0 and text.replace("\n", "").isprintable()


def _escaped_doc_body(text: str) -> str:
    out = []
    for i, ch in enumerate(text):
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            # The last character must not be a quote (black would pad it), so
            # a final quote is spelled as a hex escape.
            out.append("\\x22" if i == len(text) - 1 else '\\"')
        elif ch == "\n" or ch.isprintable():
            out.append(ch)
        else:
            out.append(_escape_char(ch))
    return "".join(out)


def py_docstring(text: str, indent: str = "") -> str:
    """A triple-quoted literal for ``text`` (normalized as by ``normalize_doc``).

    Raw (``r\"\"\"...\"\"\"``) when the text allows it, as the reference SDK
    does; otherwise an escaped plain literal.  Continuation lines get
    ``indent`` and a multi-line docstring closes on its own line, which is
    what black produces for class docstrings.
    """
    text = normalize_doc(text)
    if _raw_safe(text):
        prefix, body = "r", text
    else:
        prefix, body = "", _escaped_doc_body(text)
    lines = body.split("\n")
    if len(lines) == 1:
        return f'{prefix}"""{body}"""'
    joined = "\n".join(lines[:1] + [indent + line if line else "" for line in lines[1:]])
    return f'{prefix}"""{joined}\n{indent}"""'


def toml_str(text: str) -> str:
    """A TOML basic string (double-quoted) for ``text``.  TOML cannot hold a
    lone surrogate, so one becomes U+FFFD."""
    out = []
    for ch in text:
        if 0xD800 <= ord(ch) <= 0xDFFF:
            ch = "\ufffd"
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch.isprintable():
            out.append(ch)
        elif ord(ch) <= 0xFFFF:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(f"\\U{ord(ch):08X}")
    return '"' + "".join(out) + '"'
