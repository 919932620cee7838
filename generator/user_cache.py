"""sdkgen's per-user cache folder, for what depends on sdkgen alone (faker's
data, compiled templates); outputs of specs live under it in ``outputs/``
(``output_cache``), which ``SDKGEN_CACHE_DIR`` can move or turn off;
both start from ``cache_dir``."""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    """``$XDG_CACHE_HOME/sdkgen`` or ``~/.cache/sdkgen``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "sdkgen"
