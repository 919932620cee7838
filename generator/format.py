"""Format: a pure ``str -> str`` function per file suffix.

Python goes through black, in-process.  black is a declared dependency, so a
missing formatter is an install error, never a silent skip: the output must
not depend on the machine.

Renderers that emit black's style directly (the models, whose output is most
of the bytes) are skipped: black costs seconds on a large package, and tests
prove it would change nothing (``tests/test_formatting.py``).
"""

from __future__ import annotations

from typing import Callable

from generator.diagnostics import fail

Formatter = Callable[[str], str]


def _python(source: str) -> str:
    # Imported on first use: every renderer emits black's style today, and
    # importing black alone takes about 0.1 s of each run.
    import black
    import black.parsing
    from black.mode import Mode, TargetVersion

    try:
        return black.format_str(source, mode=Mode(target_versions={TargetVersion.PY311}))
    except black.parsing.InvalidInput as exc:  # a renderer bug, but still no traceback
        raise fail("SG900", f"internal error: generated Python does not parse: {exc}") from None


FORMATTERS: dict[str, Formatter] = {".py": _python}


def format_plan(plan: dict[str, str], preformatted: set[str] | frozenset[str] = frozenset()) -> dict[str, str]:
    out: dict[str, str] = {}
    for path, text in plan.items():
        suffix = path[path.rfind(".") :] if "." in path.rsplit("/", 1)[-1] else ""
        formatter = None if path in preformatted else FORMATTERS.get(suffix)
        out[path] = formatter(text) if formatter else text
    return out
