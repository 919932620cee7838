"""Model-doc scores on the five newer real spec/SDK pairs of ../shared
(Speakeasy 1.637-1.768, other gen.yaml flags), computed as for orq:
``sdkgen generate`` with the pair's gen.yaml (and the Speakeasy version in
its gen.lock), then ``compare_docs.py``.  The figures are printed; the floors
are where the generator stands, so that a regression fails (the issue's goals
are 97% for Python pairs, 95% masked / 90% byte for byte for TypeScript ones;
docs/compatibility.md has the current figures).  TypeScript example values
need faker's data, which the orq docs test installs; without it (no node)
only the masked and Python floors can hold.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_orq_docs import _faker_installed, _generate, _score

# pair -> (spec, target, floor byte for byte, floor with examples masked)
PAIRS = {
    "bolt-python": ("bolt-python.yaml", "python", 0.99, None),
    "meitner-python": ("meitner-python.json", "python", 0.98, None),
    "mistral-typescript": ("mistral-typescript.yaml", "typescript", 0.95, 1.0),
    "openrouter-typescript": ("openrouter-typescript.yaml", "typescript", 0.90, 0.99),
    "lapyme-typescript": ("lapyme-typescript.yaml", "typescript", 0.97, 1.0),
}


@pytest.mark.parametrize("name", list(PAIRS))
def test_pair_model_docs(name: str, tmp_path: Path) -> None:
    spec, target, floor, masked_floor = PAIRS[name]
    with_faker = target == "python" or _faker_installed()
    generated = _generate(tmp_path, spec, name, target)
    same, total, _ = _score(name, generated)
    assert same >= (floor if with_faker else 0.0) * total
    if masked_floor is not None:
        masked, _, _ = _score(name, generated, "--mask-examples")
        assert masked >= masked_floor * total
