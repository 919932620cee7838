"""``sdkgen``: the command line.

Exit codes: 0 success; 1 spec errors or drift (``check``); 2 usage errors.
Diagnostics go to stderr, one compiler-style line each; never a traceback for
bad input.
"""

from __future__ import annotations

import argparse
import sys
import threading
from pathlib import Path
from typing import Callable, Sequence, cast

from generator import config as cfg
from generator.diagnostics import Diagnostic, Span, SpecError, fail

_EPILOG = """examples:
  sdkgen generate                       # [tool.sdkgen] of ./pyproject.toml
  sdkgen generate api.yaml -o out --target python --config gen.yaml
  sdkgen check                          # exit 1 when out/ is stale
  sdkgen validate api.yaml
  sdkgen generate --overlay fixes.yaml  # apply an OpenAPI Overlay first
  sdkgen init swagger.json              # write a starter ./sdkgen.yaml
"""


_DIFF_EPILOG = """example:
  sdkgen diff main.yaml pr.yaml --fail-on breaking     # exit 1 on breaking changes
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sdkgen", description="Generate Python and TypeScript SDKs and docs from an OpenAPI spec.",
        formatter_class=argparse.RawDescriptionHelpFormatter, epilog=_EPILOG,
    )
    parser.add_argument("--version", action="version", version=f"sdkgen {_version()}")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, text in (("generate", "generate the SDKs and docs into OUT"),
                       ("check", "regenerate in memory and compare with OUT (writes nothing)")):
        p = sub.add_parser(name, help=text, description=text)
        p.add_argument("spec", nargs="?", type=Path, help="OpenAPI file (default: [tool.sdkgen] spec)")
        p.add_argument("-o", "--out", type=Path, help="output directory (default: [tool.sdkgen] out)")
        p.add_argument("--target", action="append", choices=cfg.TARGETS, help="repeat for several targets")
        p.add_argument("--config", type=Path, help="sdkgen.yaml, pyproject.toml or a Speakeasy gen.yaml")
        p.add_argument("--strict", action="store_true", help="treat warnings as errors")
        _overlay_flag(p)
        p.add_argument("--reset-names", action="store_true",
                       help="name models afresh, ignoring the names recorded in sdkgen.lock")
    p = sub.add_parser("diff", help="report SDK changes between two specs and the semver bump they call for",
                       description="compare the SDKs two specs produce", epilog=_DIFF_EPILOG,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("old", type=Path, help="the spec the published SDK was generated from")
    p.add_argument("new", type=Path, help="the changed spec")
    p.add_argument("--config", type=Path)
    p.add_argument("--format", choices=("markdown", "json"), default="markdown")
    p.add_argument("--fail-on", choices=("breaking", "none"), default="none",
                   help="exit 1 when a breaking change is found (for CI)")
    p = sub.add_parser("validate", help="check a spec and print diagnostics", description="check a spec")
    p.add_argument("spec", type=Path)
    p.add_argument("--config", type=Path)
    _overlay_flag(p)
    p = sub.add_parser("init", help="write a starter sdkgen.yaml for a spec",
                       description="write a starter sdkgen.yaml (never overwrites one)")
    p.add_argument("spec", type=Path, help="the OpenAPI or Swagger 2.0 file")
    p.add_argument("--config", type=Path, default=Path("sdkgen.yaml"),
                   help="the file to create (default: ./sdkgen.yaml)")
    return parser


def _overlay_flag(p: argparse.ArgumentParser) -> None:
    p.add_argument("--overlay", action="append", type=Path, metavar="FILE",
                   help="OpenAPI Overlay applied after those of the config; repeat for several, in order")


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


def _print(diagnostics: Sequence[Diagnostic]) -> None:
    for d in diagnostics:
        print(d.render(), file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _deep(lambda: _run(args))
    except SpecError as exc:
        _print(exc.diagnostics)
        return 1
    except RecursionError:
        print("error[SG900]: the spec nests deeper than sdkgen can follow", file=sys.stderr)
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


def _run(args: argparse.Namespace) -> int:
    from generator import pipeline

    if args.command == "init":
        return _init(args.spec, args.config)
    config = _config(args)
    if args.command == "validate":
        from generator.validate import validate

        found = validate(args.spec, pipeline._display(args.spec), config)
        _print(found)
        errors = sum(d.severity == "error" for d in found)
        print(f"{args.spec}: {errors} error(s), {len(found) - errors} warning(s)", file=sys.stderr)
        return 1 if errors else 0
    if args.command == "diff":
        return _diff(args, config)
    fast = not (args.strict or args.reset_names) and pipeline.up_to_date(config)
    if args.command in ("generate", "check") and fast:
        print(f"sdkgen: {config.out} is up to date ({fast} files; inputs unchanged)", file=sys.stderr)
        return 0
    if args.command == "generate":
        result = pipeline.generate(config, strict=args.strict, reset_names=args.reset_names)
        _print(result.diagnostics)
        print(f"sdkgen: wrote {len(result.plan)} files to {config.out}", file=sys.stderr)
        return 0
    result, drift = pipeline.check(config, strict=args.strict, reset_names=args.reset_names)
    _print(result.diagnostics)
    if drift.clean:
        print(f"sdkgen: {config.out} is up to date ({len(result.plan)} files)", file=sys.stderr)
        return 0
    for label, items in (("stale", drift.stale), ("missing", drift.missing), ("extra", drift.extra)):
        for item in items:
            print(f"{label}: {item}")
    for diff in drift.diffs:
        print(diff)
    print(f"sdkgen: {config.out} is out of date; run `sdkgen generate`", file=sys.stderr)
    return 1


def _init(spec: Path, target: Path) -> int:
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
    print(f"sdkgen: wrote {target}; next: sdkgen generate{hint}", file=sys.stderr)
    return 0


def _diff(args: argparse.Namespace, config: cfg.Config) -> int:
    from generator import diff, pipeline

    from generator.lockfile import read_lock

    # Both sides are named with the recorded names, as the next generation would be.
    lock = read_lock(config.lock_file)
    old, _ = pipeline.load_api(args.old, config, lock=lock)
    new, _ = pipeline.load_api(args.new, config, lock=lock)
    changes = diff.compare(old, new)
    if args.format == "json":
        sys.stdout.write(diff.to_json(changes))
    else:
        sys.stdout.write(diff.to_markdown(changes, str(args.old), str(args.new)))
    return 1 if args.fail_on == "breaking" and any(c.breaking for c in changes) else 0


if __name__ == "__main__":
    sys.exit(main())
