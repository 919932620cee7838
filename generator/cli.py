"""``sdkgen``: the command line.

Exit codes: 0 success; 1 spec errors or drift (``check``); 2 usage errors.
Diagnostics go to stderr, one compiler-style line each; never a traceback for
bad input.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Sequence

from generator import config as cfg
from generator.diagnostics import Diagnostic, SpecError

_EPILOG = """examples:
  sdkgen generate                       # [tool.sdkgen] of ./pyproject.toml
  sdkgen generate api.yaml -o out --target python --config gen.yaml
  sdkgen check                          # exit 1 when out/ is stale
  sdkgen validate api.yaml
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
    return parser


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
    elif Path("pyproject.toml").is_file():
        layers.append(cfg.from_pyproject(Path("pyproject.toml")))
    flags: dict[str, object] = {}
    if getattr(args, "spec", None) is not None:
        flags["spec"] = args.spec
    if getattr(args, "out", None) is not None:
        flags["out"] = args.out
    if getattr(args, "target", None):
        flags["targets"] = tuple(dict.fromkeys(args.target))
    layers.append(flags)
    return cfg.build(*layers)


def _print(diagnostics: Sequence[Diagnostic]) -> None:
    for d in diagnostics:
        print(d.render(), file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except SpecError as exc:
        _print(exc.diagnostics)
        return 1
    except KeyboardInterrupt:
        print("sdkgen: interrupted; the output directory was left as it was", file=sys.stderr)
        return 130


def _run(args: argparse.Namespace) -> int:
    from generator import pipeline

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
