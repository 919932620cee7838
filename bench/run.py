"""Benchmark sdkgen against its peer, side by side, and print a table.

    python bench/run.py                 # orq spec, 5 runs each, plus scaling
    python bench/run.py --runs 3 --sizes 1000 5000

What it measures (each command in a fresh process, wall time and peak RSS;
sdkgen's modules byte-compiled first, as an installed package's are):
- parse floor: loading the spec with libyaml's C loader, nothing else;
- sdkgen cold: full generation (Python models, TypeScript, all docs) into a
  directory that does not exist yet, with nothing of the spec cached
  (sdkgen's compiled templates come from the user cache; a second row
  compiles them too).  Each run gets a new directory: a third row shows what
  deleting the previous output just before costs (see ``fresh_dir``);
- sdkgen check / generate with no change, on that output;
- sdkgen generate into an empty directory with the output cache warm
  (generator/output_cache.py; every other row runs with it off);
- datamodel-code-generator (pydantic v2 models only), installed by this
  script in its own virtual environment (bench/.peer-venv);
- the parse floor, the cold rows and the peer take turns run by run, so that
  a shared machine's drifting speed hits them alike; the line under the
  table gives sdkgen cold / peer run by run;
- scaling: synthetic specs from bench/synth.py, time per schema and memory.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PEER_VENV = ROOT / "bench" / ".peer-venv"
PEER = "datamodel-code-generator==0.89.0"
CLEANED = ROOT / "bench" / ".last-cleanup"
"""Touched when a benchmark has deleted its outputs."""
SETTLE_S = 6 * 60


def run(cmd: list[str], cwd: Path | None = None) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MiB) of one command."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            errors.seek(0)
            raise SystemExit(f"command failed: {' '.join(cmd)}\n{errors.read().decode()[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024


Command = tuple[str, Callable[[int], list[str]], "Callable[[], object] | None"]
"""A row: its label, its command for run i, and what to do before each run."""


def same(cmd: list[str]) -> Callable[[int], list[str]]:
    """The command of every run."""
    return lambda i: cmd


def repeat(label: str, make_cmd: Callable[[int], list[str]], runs: int,
           setup: Callable[[], object] | None = None) -> dict[str, object]:
    return repeat_together([(label, make_cmd, setup)], runs)[0]


def repeat_together(commands: list[Command], runs: int) -> list[dict[str, object]]:
    """Each command ``runs`` times, the commands taking turns run by run.

    A shared machine's speed drifts over minutes; rows compared with each
    other (sdkgen cold against the peer and the parse floor) run in turns so
    that they see the same drift."""
    times: list[list[float]] = [[] for _ in commands]
    mems: list[list[float]] = [[] for _ in commands]
    for i in range(runs):
        for k, (_, make_cmd, setup) in enumerate(commands):
            if setup:
                setup()
            # Flush what earlier runs wrote and deleted, so that their disk
            # work is not billed to this one (deleting thousands of files
            # leaves write-back and discards queued for seconds).
            os.sync()
            t, m = run(make_cmd(i))
            times[k].append(t)
            mems[k].append(m)
    return [{"label": label, "median": statistics.median(ts), "min": min(ts), "mem": max(ms), "times": ts}
            for (label, _, _), ts, ms in zip(commands, times, mems)]


def ensure_peer() -> Path:
    exe = PEER_VENV / "bin" / "datamodel-codegen"
    if not exe.exists():
        subprocess.run([sys.executable, "-m", "venv", str(PEER_VENV)], check=True)
        subprocess.run([str(PEER_VENV / "bin" / "pip"), "install", "-q", PEER], check=True)
    return exe


def sdkgen() -> list[str]:
    return [sys.executable, "-m", "generator.cli"]


def orq_rows(spec: Path, runs: int, tmp: Path, with_peer: bool) -> list[dict[str, object]]:
    gen_yaml = SHARED / "golden" / "orq-python" / "gen.yaml"
    out = tmp / "orq"
    floor = [sys.executable, "-c", "import sys,yaml; yaml.load(open(sys.argv[1]), Loader=yaml.CSafeLoader)", str(spec)]
    inputs = [str(spec), "--config", str(gen_yaml), "--target", "python", "--target", "typescript"]
    common = [*inputs, "-o", str(out)]
    cold, uncompiled = fresh_dir(tmp, "cold"), fresh_dir(tmp, "uncompiled")
    together: list[Command] = [
        ("parse floor (libyaml C loader)", lambda i: floor, None),
        ("sdkgen generate, cold (py+ts+docs)", lambda i: [*sdkgen(), "generate", *inputs, "-o", str(cold(i))], None),
        # The row above reads sdkgen's compiled templates from the user cache
        # (nothing of the spec is cached); this one compiles them too.
        ("  same, templates compiled in the run",
         lambda i: ["env", "SDKGEN_TEMPLATE_CACHE=off", *sdkgen(), "generate", *inputs, "-o", str(uncompiled(i))],
         None),
    ]
    if with_peer:
        peer = ensure_peer()
        cmd = [str(peer), "--input", str(spec), "--input-file-type", "openapi", "--output-model-type",
               "pydantic_v2.BaseModel", "--output", str(tmp / "peer.py")]
        together.append(("datamodel-code-generator (models only)", lambda i: cmd, None))
    measured = repeat_together(together, runs)
    rows = measured[:3]
    run([*sdkgen(), "generate", *common])  # the output the next rows find
    rows.append(repeat("sdkgen check, no change", lambda i: [*sdkgen(), "check", *common], runs))
    rows.append(repeat("sdkgen generate, no change", lambda i: [*sdkgen(), "generate", *common], runs))
    # The same inputs generated before (a CI cache, another branch): served
    # from the output cache, which every other row has turned off.
    cache = tmp / "output-cache"
    warm = ["env", f"SDKGEN_CACHE_DIR={cache}", *sdkgen(), "generate", *common]
    run(warm)
    rows.append(repeat("sdkgen generate, empty OUT, warm output cache", lambda i: warm, runs,
                       setup=lambda: shutil.rmtree(out, ignore_errors=True)))
    rows.append(repeat("sdkgen check, full regenerate+compare", lambda i: [*sdkgen(), "check", *common], runs,
                       setup=lambda: _forget_fingerprint(out)))
    return rows + measured[3:]


def fresh_dir(tmp: Path, name: str) -> Callable[[int], Path]:
    """A new output directory for each run.

    Deleting the previous output (4,500 files) right before a cold run makes
    that run's file creation several times slower on some filesystems: ext4
    without a journal (this project's CI machines) skips inodes freed in the
    last minute when it allocates, scanning them again for every new file.
    That is the disk's reaction to the benchmark's own cleanup, not work the
    generator does, so the cold rows never delete; the row "right after
    deleting" shows the cost on whatever disk runs the benchmark.  Files
    deleted in the last minutes near the output directory cost the same
    (up to six minutes when the inode table is written again meanwhile):
    a benchmark waits for the previous one's cleanup to age out, and files
    other programs delete meanwhile count too; run it on a quiet disk."""
    return lambda i: tmp / f"{name}-{i}"


def deletion_row(spec: Path, runs: int, tmp: Path) -> dict[str, object]:
    """Cold runs each right after deleting the previous output: last, as its
    deletions would slow every row after it (see ``fresh_dir``)."""
    out = tmp / "deleted"
    cmd = [*sdkgen(), "generate", str(spec), "--config", str(SHARED / "golden" / "orq-python" / "gen.yaml"),
           "--target", "python", "--target", "typescript", "-o", str(out)]
    return repeat("sdkgen generate, cold, right after deleting the last output", lambda i: cmd, runs,
                  setup=lambda: shutil.rmtree(out, ignore_errors=True))


def settle(wait: bool) -> None:
    """Let the last benchmark's deleted outputs age out first (``fresh_dir``)."""
    try:
        ago = time.time() - CLEANED.stat().st_mtime
    except OSError:
        return
    if ago >= SETTLE_S:
        return
    note = f"the last benchmark deleted its outputs {ago:.0f} s ago, which slows creating files for a while"
    if not wait:
        print(f"warning: {note}; cold rows may read high", file=sys.stderr)
        return
    print(f"waiting {SETTLE_S - ago:.0f} s: {note} (--no-wait skips)", file=sys.stderr)
    time.sleep(SETTLE_S - ago)


def _forget_fingerprint(out: Path) -> None:
    """Drop the manifest's fingerprint so check takes the full path."""
    manifest = out / ".sdkgen-manifest.json"
    data = json.loads(manifest.read_text())
    data.pop("fingerprint", None)
    manifest.write_text(json.dumps(data))


def scaling_rows(sizes: list[int], tmp: Path) -> list[dict[str, object]]:
    rows = []
    for n in sizes:
        spec = tmp / f"synth-{n}.json"
        with spec.open("w") as fh:
            subprocess.run([sys.executable, str(ROOT / "bench" / "synth.py"), str(n)], stdout=fh, check=True)
        out = tmp / f"synth-out-{n}"
        cmd = [*sdkgen(), "generate", str(spec), "-o", str(out)]
        row = repeat(f"synthetic {n} schemas, cold", same(cmd), 1)
        row["per_schema_ms"] = float(row["median"]) / n * 1000  # type: ignore[arg-type]
        rows.append(row)
    return rows


def table(rows: list[dict[str, object]], floor: float, peer: float | None) -> str:
    lines = [f"{'benchmark':45} {'median s':>9} {'min s':>7} {'peak MiB':>9} {'x floor':>8} {'x peer':>7} {'ms/schema':>9}"]
    for r in rows:
        med = float(r["median"])  # type: ignore[arg-type]
        ratio_peer = f"{med / peer:7.2f}" if peer else "      -"
        per = f"{float(r['per_schema_ms']):9.3f}" if "per_schema_ms" in r else "        -"  # type: ignore[arg-type]
        lines.append(f"{r['label']:45} {med:9.2f} {float(r['min']):7.2f} {float(r['mem']):9.0f} "  # type: ignore[arg-type]
                     f"{med / floor:8.2f} {ratio_peer} {per}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--spec", type=Path, default=SHARED / "specs" / "orq-2025-04-20.yaml")
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 5000, 20000])
    parser.add_argument("--no-peer", action="store_true", help="skip datamodel-code-generator")
    parser.add_argument("--no-wait", action="store_true", help="do not wait for a recent benchmark's cleanup to age out")
    args = parser.parse_args()
    settle(not args.no_wait)
    os.chdir(ROOT)
    os.environ["SDKGEN_CACHE_DIR"] = "off"  # cold means cold; one row turns it on
    # Byte-compile sdkgen as pip does when it installs a package (the peer's
    # modules were compiled so).  This checkout is run in place, and where
    # PYTHONDONTWRITEBYTECODE is set nothing would ever compile it: every run
    # would compile each module from source again, about 0.15 s.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "generator")], check=True)
    # Outputs go next to this script rather than into the system's temporary
    # directory, where test suites delete thousands of files: see fresh_dir.
    with tempfile.TemporaryDirectory(prefix=".work-", dir=ROOT / "bench") as tmpdir:
        tmp = Path(tmpdir)
        rows = orq_rows(args.spec, args.runs, tmp, not args.no_peer)
        floor = float(rows[0]["median"])  # type: ignore[arg-type]
        peer = next((float(r["median"]) for r in rows if "datamodel" in str(r["label"])), None)  # type: ignore[arg-type]
        rows += scaling_rows(args.sizes, tmp)
        rows.append(deletion_row(args.spec, args.runs, tmp))
    CLEANED.touch()
    print(f"spec: {args.spec.name}, {args.runs} runs each, python {sys.version.split()[0]}")
    print(table(rows, floor, peer))
    by_label = {str(r["label"]): r for r in rows}
    pair = by_label.get("sdkgen generate, cold (py+ts+docs)"), by_label.get("datamodel-code-generator (models only)")
    if pair[0] and pair[1]:
        ratios = [a / b for a, b in zip(pair[0]["times"], pair[1]["times"])]  # type: ignore[call-overload]
        print(f"sdkgen cold / peer, run by run (taking turns): median {statistics.median(ratios):.3f}, "
              f"range {min(ratios):.3f} to {max(ratios):.3f}")


if __name__ == "__main__":
    main()
