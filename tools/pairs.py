"""Generate every spec/golden pair of ``../shared`` and score its model docs.

    python tools/pairs.py                 # all pairs, a table of figures
    python tools/pairs.py bolt-python     # some pairs
    python tools/pairs.py --show 5 NAME   # also the first differing files

For each pair: ``sdkgen generate SPEC --config golden/NAME/gen.yaml --target T
-o .pairs/NAME`` in a child process, then ``compare_docs.py`` on
``docs/models`` (TypeScript pairs also with ``--mask-examples``).  The output
goes to ``.pairs/`` (git-ignored).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
OUT = ROOT / ".pairs"
# name -> (spec file, target)
PAIRS = {
    "orq-python": ("orq-2025-04-20.yaml", "python"),
    "orq-typescript": ("orq-2025-04-18.yaml", "typescript"),
    "bolt-python": ("bolt-python.yaml", "python"),
    "meitner-python": ("meitner-python.json", "python"),
    "mistral-typescript": ("mistral-typescript.yaml", "typescript"),
    "openrouter-typescript": ("openrouter-typescript.yaml", "typescript"),
    "lapyme-typescript": ("lapyme-typescript.yaml", "typescript"),
}


def generate(name: str) -> tuple[Path, str]:
    """Generate one pair; returns its docs/models directory and sdkgen's stderr."""
    spec, target = PAIRS[name]
    out = OUT / name
    shutil.rmtree(out, ignore_errors=True)
    proc = subprocess.run(
        [sys.executable, "-m", "generator.cli", "generate", str(SHARED / "specs" / spec),
         "--config", str(SHARED / "golden" / name / "gen.yaml"), "--target", target, "-o", str(out), "--quiet"],
        capture_output=True, text=True, cwd=ROOT)
    if proc.returncode:
        raise SystemExit(f"{name}: sdkgen failed\n{proc.stderr}")
    return out / target / "docs" / "models", proc.stderr


def score(name: str, generated: Path, masked: bool, show: int) -> tuple[int, int, str]:
    args = [sys.executable, str(SHARED / "tools" / "compare_docs.py"),
            str(SHARED / "golden" / name / "docs" / "models"), str(generated), "--show", str(show)]
    proc = subprocess.run(args + (["--mask-examples"] if masked else []), capture_output=True, text=True)
    last = proc.stdout.strip().splitlines()[-1]
    found = re.search(r"identical: (\d+)/(\d+)", last)
    if not found:
        raise SystemExit(f"{name}: unexpected compare_docs output\n{proc.stdout}{proc.stderr}")
    return int(found[1]), int(found[2]), proc.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("names", nargs="*", choices=[[], *PAIRS], metavar="NAME", default=[])
    parser.add_argument("--show", type=int, default=0, help="print this many differing files per pair")
    args = parser.parse_args()
    if not SHARED.is_dir():
        raise SystemExit(f"{SHARED} is not there")
    print(f"{'pair':24} {'identical':>16} {'masked examples':>16}")
    for name in args.names or list(PAIRS):
        generated, _ = generate(name)
        same, total, report = score(name, generated, False, args.show)
        cells = [f"{same}/{total} {100 * same / total:5.1f}%"]
        if PAIRS[name][1] == "typescript":
            masked, _, _ = score(name, generated, True, 0)
            cells.append(f"{masked}/{total} {100 * masked / total:5.1f}%")
        print(f"{name:24} " + " ".join(f"{c:>16}" for c in cells))
        if args.show:
            print("\n".join(report.splitlines()[:-1]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
