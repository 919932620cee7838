"""Where the Jinja templates live, without importing Jinja: the no-change
fast path hashes them (``fingerprint``) and must stay cheap."""

from __future__ import annotations

from pathlib import Path


def templates_dir() -> Path:
    """``templates/`` of a source checkout, or the copy inside a wheel."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "templates", here.parent / "templates"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("sdkgen templates directory not found")
