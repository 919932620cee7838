"""The name lock: model names sdkgen assigned, so they never move by themselves.

``sdkgen.lock`` (JSON, sorted, reviewable) maps each model's JSON pointer to
the name it was given, per target.  The next generation pins those names
before naming anything else.
"""

from __future__ import annotations

import json
from pathlib import Path

from generator import ir
from generator.diagnostics import Span, fail
from generator.normalize.assign import NameLock

_FORMAT = 1


def read_lock(path: Path | None) -> NameLock | None:
    if path is None or not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        names = data["names"]
        return {str(t): {str(k): str(v) for k, v in names[t].items()} for t in names}
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise fail("SG030", f"unreadable name lock ({exc}); fix it or pass --reset-names",
                   span=Span(str(path), 1, 1)) from None


def lock_text(api: ir.Api) -> str:
    names: dict[str, dict[str, str]] = {}
    for target, key, name in api.raw_names:
        names.setdefault(target, {})[key] = name
    return json.dumps({"sdkgen-lock": _FORMAT, "names": names}, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
