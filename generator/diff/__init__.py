"""``sdkgen diff``: what SDK users will feel between two specs.

Compares the normalized IRs (not the spec text), per SDK method, classifies
every change as breaking or not for the direction it travels in, and proposes
a semantic-version bump.  Output: a changelog-style Markdown section or JSON.
"""

from __future__ import annotations

import json

from generator.diff.compare import Change, compare, semver_bump

__all__ = ["Change", "compare", "semver_bump", "to_json", "to_markdown"]


def to_markdown(changes: list[Change], old_label: str, new_label: str) -> str:
    lines = [f"## SDK changes: {old_label} -> {new_label}", ""]
    lines.append(f"Proposed version bump: **{semver_bump(changes)}**")
    lines.append("")
    if not changes:
        lines.append("No changes to the SDK.")
    for c in changes:
        where = f" `{c.path}`" if c.path else ""
        tail = " (Breaking)" if c.breaking else ""
        detail = f": {c.detail}" if c.detail else ""
        lines.append(f"* `{c.method}`:{where} **{c.kind}**{tail}{detail}")
    return "\n".join(lines) + "\n"


def to_json(changes: list[Change]) -> str:
    data = {
        "bump": semver_bump(changes),
        "breaking": sum(c.breaking for c in changes),
        "changes": [c.as_dict() for c in changes],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
