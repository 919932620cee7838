"""``sdkgen``: the command line.

Exit codes: 0 success; 1 spec errors or drift (``check``) or, with
``--fail-on breaking``, breaking changes (``diff``); 2 usage errors.
Diagnostics go to stderr, one compiler-style line each (or JSON lines on
stdout with ``--json``; see ``cli_output``); never a traceback for bad input.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import threading
from pathlib import Path
from typing import Callable, Sequence, cast

from generator import config as cfg
from generator.cli_output import Output
from generator.diagnostics import Diagnostic, Span, SpecError, fail

_EXIT_CODES = """exit codes:
  0  success (check: OUT is up to date; diff: no breaking change, or no --fail-on)
  1  spec or configuration errors; check: OUT is out of date; diff --fail-on breaking: breaking changes
  2  usage errors (unknown command or flag, missing argument)
"""

_EPILOG = """examples:
  sdkgen generate                       # settings from ./sdkgen.yaml or [tool.sdkgen] of ./pyproject.toml
  sdkgen generate api.yaml -o out --target python --config gen.yaml
  sdkgen check                          # exit 1 when out/ is stale
  sdkgen validate api.yaml --json       # diagnostics as JSON lines
  sdkgen diff main.yaml pr.yaml --fail-on breaking
  sdkgen init swagger.json              # write a starter ./sdkgen.yaml

run `sdkgen COMMAND --help` for the flags of a command.

""" + _EXIT_CODES

_EPILOGS = {
    "generate": """examples:
  sdkgen generate                                   # spec, out and targets from the config file
  sdkgen generate api.yaml -o out --target python   # one target, into ./out
  sdkgen generate --overlay fixes.yaml --strict     # apply an OpenAPI Overlay; warnings are errors
  sdkgen generate --verbose                         # also list the files written and unchanged
""",
    "check": """examples:
  sdkgen check                 # exit 1 (and list the stale files) when OUT differs from what generate writes
  sdkgen check --quiet         # for pre-commit and CI: silent when up to date
  sdkgen check --json          # drift and diagnostics as JSON lines
""",
    "validate": """examples:
  sdkgen validate api.yaml                        # diagnostics, then a count
  sdkgen validate api.yaml --overlay fixes.yaml   # the spec as the overlays leave it
  sdkgen validate api.yaml --json | jq .code      # for editors and scripts
""",
    "diff": """examples:
  sdkgen diff main.yaml pr.yaml                        # Markdown report on stdout
  sdkgen diff main.yaml pr.yaml --fail-on breaking     # exit 1 on breaking changes (CI)
  sdkgen diff main.yaml pr.yaml --format json          # the report as one JSON document
""",
    "init": """examples:
  sdkgen init api.yaml                           # write ./sdkgen.yaml, then run `sdkgen generate`
  sdkgen init swagger.json --config sdk/sdkgen.yaml
""",
}


def _parser() -> argparse.ArgumentParser:
    raw = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(
        prog="sdkgen", description="Generate Python and TypeScript SDKs and docs from an OpenAPI spec.",
        formatter_class=raw, epilog=_EPILOG,
    )
    parser.add_argument("--version", action=_VersionAction, nargs=0, help="show sdkgen's version and exit")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, text: str, description: str | None = None) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=text, description=description or text, formatter_class=raw,
                              epilog=_EPILOGS[name] + "\n" + _EXIT_CODES)

    for name, text in (("generate", "generate the SDKs and docs into OUT"),
                       ("check", "regenerate in memory and compare with OUT (writes nothing)")):
        p = command(name, text)
        p.add_argument("spec", nargs="?", type=Path, help="OpenAPI file (default: [tool.sdkgen] spec)")
        p.add_argument("-o", "--out", type=Path, help="output directory (default: [tool.sdkgen] out)")
        p.add_argument("--target", action="append", choices=cfg.TARGETS, help="repeat for several targets")
        p.add_argument("--config", type=Path, help="sdkgen.yaml, pyproject.toml or a Speakeasy gen.yaml")
        p.add_argument("--strict", action="store_true", help="treat warnings as errors")
        _overlay_flag(p)
        p.add_argument("--reset-names", action="store_true",
                       help="name models afresh, ignoring the names recorded in sdkgen.lock")
        _output_flags(p)
    p = command("diff", "report SDK changes between two specs and the semver bump they call for",
                "compare the SDKs two specs produce")
    p.add_argument("old", type=Path, help="the spec the published SDK was generated from")
    p.add_argument("new", type=Path, help="the changed spec")
    p.add_argument("--config", type=Path, help="settings (naming rules, name lock) for both specs")
    p.add_argument("--format", choices=("markdown", "json"), default="markdown", help="report format")
    p.add_argument("--fail-on", choices=("breaking", "none"), default="none",
                   help="exit 1 when a breaking change is found (for CI)")
    _output_flags(p)
    p = command("validate", "check a spec and print diagnostics")
    p.add_argument("spec", type=Path)
    p.add_argument("--config", type=Path)
    _overlay_flag(p)
    _output_flags(p)
    p = command("init", "write a starter sdkgen.yaml for a spec",
                "write a starter sdkgen.yaml (never overwrites one)")
    p.add_argument("spec", type=Path, help="the OpenAPI or Swagger 2.0 file")
    p.add_argument("--config", type=Path, default=Path("sdkgen.yaml"),
                   help="the file to create (default: ./sdkgen.yaml)")
    return parser


def _output_flags(p: argparse.ArgumentParser) -> None:
    loudness = p.add_mutually_exclusive_group()
    loudness.add_argument("-q", "--quiet", action="store_true", help="print errors only (nothing on success)")
    loudness.add_argument("-v", "--verbose", action="store_true",
                          help="also print notes and the files written or unchanged")
    p.add_argument("--json", action="store_true",
                   help="diagnostics as JSON lines on stdout (severity, code, message, pointer, file, line, column)")


def _overlay_flag(p: argparse.ArgumentParser) -> None:
    p.add_argument("--overlay", action="append", type=Path, metavar="FILE",
                   help="OpenAPI Overlay applied after those of the config; repeat for several, in order")


class _VersionAction(argparse.Action):
    """``--version``, reading the installed version only when asked (package
    metadata costs tens of milliseconds on every run otherwise)."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        print(f"sdkgen {_version()}")  # on stdout, as argparse's own version action
        parser.exit()


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("sdkgen")
    except PackageNotFoundError:
        return "unknown"


def _config(args: argparse.Namespace) -> cfg.Config:
    layers: list[dict[str, object]] = []
    if args.config is not None:
        layers.append(cfg.from_file(args.config))
    elif Path("sdkgen.yaml").is_file():
        layers.append(cfg.from_file(Path("sdkgen.yaml")))
    elif Path("pyproject.toml").is_file():
        layers.append(cfg.from_pyproject(Path("pyproject.toml")))
    flags: dict[str, object] = {}
    if getattr(args, "spec", None) is not None:
        flags["spec"] = args.spec
        configured_spec = next((layer["spec"] for layer in layers if "spec" in layer), None)
        if configured_spec is None or not _same_file(cast(Path, configured_spec), args.spec):
            # The lock records the names of the configured spec: another spec
            # named on the command line must neither read nor overwrite it.
            flags["lock_file"] = None
    if getattr(args, "out", None) is not None:
        flags["out"] = args.out
    if getattr(args, "target", None):
        flags["targets"] = tuple(dict.fromkeys(args.target))
    if getattr(args, "overlay", None):
        # Added to the config's overlays, not replacing them: the config lists
        # the project's fixes, the flag tries one more.
        configured = [o for layer in layers for o in cast(tuple[Path, ...], layer.get("overlays", ()))]
        flags["overlays"] = (*configured, *args.overlay)
    layers.append(flags)
    return cfg.build(*layers)


def _same_file(a: Path, b: Path) -> bool:
    return a.resolve() == b.resolve()


def _output(args: argparse.Namespace) -> Output:
    return Output(quiet=getattr(args, "quiet", False), verbose=getattr(args, "verbose", False),
                  json=getattr(args, "json", False))


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    out = _output(args)
    try:
        return _deep(lambda: _run(args, out))
    except SpecError as exc:
        out.diagnostics(exc.diagnostics)
        return 1
    except RecursionError:
        out.diagnostics([Diagnostic("error", "SG900", "the spec nests deeper than sdkgen can follow")])
        return 1
    except KeyboardInterrupt:
        print("sdkgen: interrupted; the output directory was left as it was", file=sys.stderr)
        return 130


_STACK_BYTES = 512 * 1024 * 1024
_RECURSION = 200_000


def _deep(work: Callable[[], int]) -> int:
    """Run ``work`` in a thread with a large stack: the spec walk is a
    depth-first recursion (components are walked at their first $ref), and
    real specs chain thousands of components."""
    outcome: list[int] = []
    failure: list[BaseException] = []

    def target() -> None:
        try:
            outcome.append(work())
        except BaseException as exc:  # noqa: BLE001 - re-raised in the caller's thread
            failure.append(exc)

    old_limit, old_size = sys.getrecursionlimit(), threading.stack_size()
    sys.setrecursionlimit(max(old_limit, _RECURSION))
    threading.stack_size(_STACK_BYTES)
    try:
        thread = threading.Thread(target=target, name="sdkgen")
        thread.start()
    finally:
        threading.stack_size(old_size)
    thread.join()
    sys.setrecursionlimit(old_limit)
    if failure:
        raise failure[0]
    return outcome[0]


def _run(args: argparse.Namespace, out: Output) -> int:
    if args.command == "init":
        return _init(args.spec, args.config, out)
    config = _config(args)
    if args.command == "validate":
        return _validate(args, config, out)
    if args.command == "diff":
        return _diff(args, config, out)
    return _generate_or_check(args, config, out)


def _validate(args: argparse.Namespace, config: cfg.Config, out: Output) -> int:
    from generator import pipeline
    from generator.validate import validate

    found = validate(args.spec, pipeline._display(args.spec), config)
    out.diagnostics(found)
    errors = sum(d.severity == "error" for d in found)
    warnings = sum(d.severity == "warning" for d in found)
    summary = f"{args.spec}: {errors} error(s), {warnings} warning(s)"
    if errors:
        out.failure(summary)
        return 1
    out.status(summary)
    return 0


def _generate_or_check(args: argparse.Namespace, config: cfg.Config, out: Output) -> int:
    from generator import pipeline

    if config.ignored_keys:
        out.detail(f"note: {len(config.ignored_keys)} gen.yaml setting(s) do not change what sdkgen "
                   f"generates and were ignored: {', '.join(config.ignored_keys)}")

    fast = not (args.strict or args.reset_names) and pipeline.up_to_date(config)
    if fast:
        out.status(f"sdkgen: {config.out} is up to date ({fast} files; inputs unchanged)")
        return 0
    with out.progress() as progress:
        if args.command == "generate":
            return _generate(args, config, out, progress.stage)
        return _check(args, config, out, progress.stage)


def _generate(args: argparse.Namespace, config: cfg.Config, out: Output, stage: Callable[[str], None]) -> int:
    from generator import pipeline

    cached = None if (args.strict or args.reset_names) else pipeline.from_cache(config)
    if cached is None:
        # Only diagnostics that will be shown (now, or again from the output cache) need positions.
        shown = pipeline.everything if pipeline.keeps_diagnostics() else out.shows
        done = pipeline.generate(config, strict=args.strict, reset_names=args.reset_names, stage=stage, shown=shown)
        pipeline.remember(config, done)
    else:
        stage("write")
        done = pipeline.write(config, cached)
    out.diagnostics(done.diagnostics)
    if out.verbose:
        out.files(done.written.digests.keys() - done.written.unchanged, done.written.unchanged)
    out.status(f"sdkgen: wrote {len(done.written.digests)} files to {config.out}")
    return 0


def _check(args: argparse.Namespace, config: cfg.Config, out: Output, stage: Callable[[str], None]) -> int:
    from generator import pipeline

    result, drift = pipeline.check(config, strict=args.strict, reset_names=args.reset_names, stage=stage,
                                   shown=out.shows)
    out.diagnostics(result.diagnostics)
    if drift.clean:
        out.status(f"sdkgen: {config.out} is up to date ({len(result.plan)} files)")
        return 0
    out.drift(drift.stale, drift.missing, drift.extra, drift.diffs)
    out.failure(f"sdkgen: {config.out} is out of date; run `sdkgen generate`")
    return 1


def _init(spec: Path, target: Path, out: Output) -> int:
    from generator.loader import load
    from generator.pipeline import _display

    if target.exists():
        raise fail("SG030", f"{target} already exists; sdkgen init never overwrites it", span=Span(str(target), 1, 1))
    root = load(spec, display=_display(spec)).root
    info = root.get("info") if isinstance(root, dict) else None
    title = str(info.get("title") or "") if isinstance(info, dict) else ""
    try:
        with target.open("x", encoding="utf-8") as f:
            f.write(cfg.starter(spec, title, target))
    except FileExistsError:
        raise fail("SG030", f"{target} already exists; sdkgen init never overwrites it",
                   span=Span(str(target), 1, 1)) from None
    except OSError as exc:
        raise fail("SG901", f"cannot write {target}: {exc.strerror or exc}") from None
    hint = "" if target == Path("sdkgen.yaml") else f" --config {target}"
    out.status(f"sdkgen: wrote {target}; next: sdkgen generate{hint}")
    return 0


def _diff(args: argparse.Namespace, config: cfg.Config, out: Output) -> int:
    import json

    from generator import diff, pipeline
    from generator.lockfile import read_lock

    # Both sides are named with the recorded names, as the next generation would be.
    lock = read_lock(config.lock_file)
    old, old_found = pipeline.load_api(args.old, config, lock=lock)
    new, new_found = pipeline.load_api(args.new, config, lock=lock)
    out.diagnostics([*old_found, *new_found])
    changes = diff.compare(old, new)
    if out.json:
        # One JSON line, like the diagnostics before it.
        out.record({"kind": "report", **json.loads(diff.to_json(changes))})
    elif args.format == "json":
        sys.stdout.write(diff.to_json(changes))
    else:
        sys.stdout.write(diff.to_markdown(changes, str(args.old), str(args.new)))
    return 1 if args.fail_on == "breaking" and any(c.breaking for c in changes) else 0


def run() -> None:
    """The ``sdkgen`` command: ``main`` in a process that ends with it.

    Two costs of a short-lived process are skipped.  The cyclic garbage
    collector would walk the whole normalized spec again and again while
    rendering allocates millions of objects, though almost nothing it holds
    is garbage: it runs only after 50,000 allocations instead of 700.  And
    freeing that heap object by object at exit takes longer than the kernel
    takes to drop it: once everything is written and flushed, the process
    exits at once."""
    gc.set_threshold(50_000, 20, 100)
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    run()
