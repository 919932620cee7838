"""The generated packages fit their ecosystems: the Python one lints clean
with ruff, ships ``py.typed``, bounds its dependencies and installs with pip;
the TypeScript one builds to ESM and CommonJS and packs with npm.

They check the committed ``generated/`` tree (kept in sync by test_cli)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import venv
from pathlib import Path

import pytest
from conftest import ROOT
from node_env import link_node_modules
from node_env import node_modules as cached_node_modules

PY = ROOT / "generated" / "python"
TS = ROOT / "generated" / "typescript"


def _python_project() -> dict[str, object]:
    return tomllib.loads((PY / "pyproject.toml").read_text(encoding="utf-8"))["project"]  # type: ignore[no-any-return]


def _module() -> str:
    (module,) = [p.name for p in (PY / "src").iterdir() if p.is_dir() and not p.name.startswith(("_", "."))]
    return module


# Python --------------------------------------------------------------------------------


def test_ruff_check_passes_on_generated_python() -> None:
    # Run from the package, so ruff reads the package's own [tool.ruff] settings.
    proc = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "src"], cwd=PY,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_python_package_is_typed() -> None:
    assert (PY / "src" / _module() / "py.typed").is_file()
    assert "Typing :: Typed" in _python_project()["classifiers"]  # type: ignore[operator]


def test_python_dependencies_have_lower_and_upper_bounds() -> None:
    deps = _python_project()["dependencies"]
    assert isinstance(deps, list) and deps
    for dep in deps:
        assert re.search(r">=\s*[\d.]+", dep) and re.search(r"<\s*[\d.]+", dep), dep


def test_python_package_installs_with_pip_and_imports(tmp_path: Path) -> None:
    """``pip install --no-deps`` into a fresh venv (the wheel is built by pip
    from the pyproject.toml); the dependencies come from this venv via a .pth."""
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                               capture_output=True, text=True, check=True).stdout.strip())
    source = tmp_path / "pkg"
    shutil.copytree(PY, source)  # pip builds in place; keep generated/ pristine
    proc = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps",
                           "--quiet", "--disable-pip-version-check", str(source)],
                          capture_output=True, text=True, timeout=600)
    if proc.returncode != 0 and "hatchling" in proc.stderr and "No matching distribution" in proc.stderr:
        pytest.skip("the build backend (hatchling) cannot be downloaded here")
    assert proc.returncode == 0, proc.stderr
    module = _module()
    assert (site / module / "py.typed").is_file()
    (site / "_deps.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    script = (f"import importlib.metadata as m, {module} as pkg; "
              f"print(pkg.__file__); print(m.version({str(_python_project()['name'])!r})); "
              f"print(pkg.{_sdk_class()}.__name__)")
    done = subprocess.run([str(python), "-c", script], capture_output=True, text=True, cwd=tmp_path,
                          env={k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")})
    assert done.returncode == 0, done.stderr
    location, version, _ = done.stdout.splitlines()
    assert Path(location).is_relative_to(site)
    assert version == _python_project()["version"]


def _sdk_class() -> str:
    return str(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["sdkgen"]
               ["sdk-class-name"])


# TypeScript -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of generated/typescript after `npm run build` (ESM, then CommonJS)."""
    modules = cached_node_modules()
    package = tmp_path_factory.mktemp("ts") / "pkg"
    shutil.copytree(TS, package)
    link_node_modules(package, modules)
    proc = subprocess.run(["npm", "run", "build", "--silent"], cwd=package, capture_output=True, text=True,
                          timeout=900)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-4000:]
    return package


def _manifest() -> dict[str, object]:
    return json.loads((TS / "package.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_package_json_exports_import_and_require() -> None:
    manifest = _manifest()
    exports = manifest["exports"]
    assert isinstance(exports, dict)
    for subpath, conditions in exports.items():
        if subpath == "./package.json":
            continue
        assert list(conditions)[-1] == "default", subpath  # `default` must come last
        assert conditions["import"]["default"].startswith("./dist/") and "/cjs/" not in conditions["import"]["default"]
        assert conditions["require"]["default"].startswith("./dist/cjs/")
        assert list(conditions["import"])[0] == list(conditions["require"])[0] == "types"
    assert manifest["main"] == exports["."]["require"]["default"]
    assert (TS / "tsconfig.cjs.json").is_file()


def test_build_emits_esm_and_commonjs(built: Path) -> None:
    assert "export " in (built / "dist" / "index.js").read_text()
    cjs = built / "dist" / "cjs"
    assert "exports" in (cjs / "index.js").read_text() and (cjs / "index.d.ts").is_file()
    assert json.loads((cjs / "package.json").read_text()) == {"type": "commonjs"}


def _consumer(built: Path, tmp_path: Path) -> tuple[Path, str]:
    """A project that depends on the built package (through node_modules)."""
    name = str(_manifest()["name"])
    consumer = tmp_path / "consumer"
    link = consumer / "node_modules" / name
    link.parent.mkdir(parents=True)
    os.symlink(built, link, target_is_directory=True)
    return consumer, name


def test_node_loads_the_package_with_import_and_require(built: Path, tmp_path: Path) -> None:
    consumer, name = _consumer(built, tmp_path)
    sdk = _sdk_class()
    esm = (f'import {{ {sdk} }} from "{name}"; import * as c from "{name}/models/components";'
           f' console.log(typeof {sdk}, typeof c);')
    cjs = (f'const {{ {sdk} }} = require("{name}"); const c = require("{name}/models/components");'
           f' console.log(typeof {sdk}, typeof c, require.resolve("{name}"));')
    for flags, script in ((["--input-type=module"], esm), (["--input-type=commonjs"], cjs)):
        proc = subprocess.run(["node", *flags, "-e", script], cwd=consumer, capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout.startswith("function object"), proc.stdout
    assert "/dist/cjs/index.js" in proc.stdout


def test_typescript_consumers_resolve_types_for_both_formats(built: Path, tmp_path: Path) -> None:
    consumer, name = _consumer(built, tmp_path)
    sdk = _sdk_class()
    (consumer / "esm.mts").write_text(f'import {{ {sdk} }} from "{name}";\nexport const a: {sdk} | null = null;\n')
    # In a .cts file an import compiles to require(): resolved with the "require" condition.
    (consumer / "cjs.cts").write_text(f'import {{ {sdk} }} from "{name}";\nexport const b: {sdk} | null = null;\n')
    (consumer / "tsconfig.json").write_text(json.dumps({"compilerOptions": {
        "module": "NodeNext", "moduleResolution": "NodeNext", "strict": True, "noEmit": True,
        "skipLibCheck": True, "types": []}, "files": ["esm.mts", "cjs.cts"]}))
    compiler = built / "node_modules" / "typescript" / "bin" / "tsc"
    proc = subprocess.run(["node", str(compiler), "-p", "tsconfig.json"], cwd=consumer, capture_output=True,
                          text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_npm_pack_accepts_the_package(built: Path) -> None:
    # --ignore-scripts: `prepack` would build again; `built` already did.
    proc = subprocess.run(["npm", "pack", "--dry-run", "--json", "--ignore-scripts"], cwd=built,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    (report,) = json.loads(proc.stdout)
    files = {f["path"] for f in report["files"]}
    assert {"package.json", "README.md", "dist/index.js", "dist/index.d.ts", "dist/cjs/index.js",
            "dist/cjs/index.d.ts", "dist/cjs/package.json"} <= files
    assert not any(f.startswith(("src/", "node_modules/")) for f in files)
    assert report["name"] == _manifest()["name"]
