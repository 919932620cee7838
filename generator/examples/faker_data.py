"""faker's English data, read from an installed ``@faker-js/faker`` package.

Speakeasy draws some example values (URLs, words, user names, vehicle
models, directory paths, currency names, countries, addresses, names, e-mail
addresses, phone numbers) from faker's English locale.  sdkgen does not ship
those word lists: they are faker's files.  Instead it looks for an installed
``@faker-js/faker`` of the version Speakeasy uses and asks ``node`` once to
print the needed tables as JSON, kept in a cache file per faker version.

Where the package is looked for, first match of the right version wins:

1. ``$SDKGEN_NODE_MODULES`` (a ``node_modules`` directory);
2. ``node_modules`` in the working directory and each of its parents;
3. ``node_modules`` in sdkgen's cache directory (``install_hint()``).

Without the package (or node), ``english()`` returns no tables and a
one-line reason; callers then print placeholders, which is deterministic.
"""

from __future__ import annotations

import functools
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from msgspec import Struct

from generator.user_cache import cache_dir

FAKER_VERSION = "9.7.0"
PACKAGE = "@faker-js/faker"
ENV_VAR = "SDKGEN_NODE_MODULES"
# Bump when the dump below changes, so older cache files are not reused.
_DUMP_FORMAT = 5
_NODE_TIMEOUT_S = 60

# Prints the tables as JSON.  Lists held in faker's code rather than in its
# locale (commonFileType's) are read by calling the function with a
# randomizer that sweeps [0, 1): arrayElement then walks the list in order.
_DUMP_SCRIPT = """
import { Faker, en, base } from '@faker-js/faker';
let next = 0;
const probe = new Faker({ locale: [en, base], randomizer: { next: () => next, seed() {} } });
function sweep(call) {
  const seen = [];
  for (let i = 0; i < 1024; i++) {
    next = (i + 0.5) / 1024;
    const value = call();
    if (seen.at(-1) !== value) seen.push(value);
  }
  return seen;
}
console.log(JSON.stringify({
  word: en.word,
  lorem_word: en.lorem.word,
  domain_suffix: en.internet.domain_suffix,
  person: {
    first_name: en.person.first_name,
    last_name: en.person.last_name,
    last_name_pattern: en.person.last_name_pattern,
    middle_name: en.person.middle_name,
    name: en.person.name,
    prefix: en.person.prefix,
    suffix: en.person.suffix,
  },
  location: {
    street_address: en.location.street_address,
    building_number: en.location.building_number,
    street_pattern: en.location.street_pattern,
    street_suffix: en.location.street_suffix,
    street_name: en.location.street_name,
    city_pattern: en.location.city_pattern,
    city_prefix: en.location.city_prefix,
    city_suffix: en.location.city_suffix,
    city_name: en.location.city_name,
    postcode: en.location.postcode,
  },
  company: {
    name_pattern: en.company.name_pattern,
    legal_entity_type: en.company.legal_entity_type,
  },
  phone_number: { format: { human: en.phone_number.format.human } },
  internet: { free_email: en.internet.free_email },
  vehicle_model: en.vehicle.model,
  currency_name: en.finance.currency.map((currency) => currency.name),
  country: en.location.country,
  directory_path: base.system.directory_path,
  time_zone: base.location.time_zone,
  common_file_type: sweep(() => probe.system.commonFileType()),
}));
"""


class FakerData(Struct, frozen=True):
    """The English tables (None when unavailable) and why they are missing."""

    tables: dict[str, object] | None
    problem: str = ""


def install_hint() -> str:
    return f"npm install --prefix {cache_dir() / 'node'} {PACKAGE}@{FAKER_VERSION}"


@functools.cache
def english() -> FakerData:
    """The tables, loaded once per process."""
    return load(Path.cwd(), os.environ.get(ENV_VAR, ""))


def load(cwd: Path, configured: str) -> FakerData:
    package, other = _find(cwd, configured)
    if package is None:
        found = f"found {PACKAGE} {other[1]} at {other[0]}, not {FAKER_VERSION}" if other else f"{PACKAGE} not found"
        return FakerData(None, f"{found}; install it with `{install_hint()}` or set {ENV_VAR}")
    cached = cache_dir() / f"faker-en-{FAKER_VERSION}-{_DUMP_FORMAT}.json"
    tables = _read_tables(cached)
    if tables is not None:
        return FakerData(tables)
    text, problem = _run_node(package.parent.parent)
    tables = _parse_tables(text) if text else None
    if tables is None:
        return FakerData(None, problem or f"node printed unexpected data for {package}")
    _write_quietly(cached, text)
    return FakerData(tables)


def _find(cwd: Path, configured: str) -> tuple[Path | None, tuple[Path, str] | None]:
    """The package directory of the right version, else the first other
    version seen (path, version) for the warning."""
    other = None
    for modules in _candidates(cwd, configured):
        package = modules / PACKAGE
        version = _version(package)
        if version == FAKER_VERSION:
            return package, None
        if version and other is None:
            other = (package, version)
    return None, other


def _candidates(cwd: Path, configured: str) -> Iterator[Path]:
    if configured:
        yield Path(configured)
    for directory in (cwd, *cwd.parents):
        yield directory / "node_modules"
    yield cache_dir() / "node" / "node_modules"


def _version(package: Path) -> str:
    try:
        meta = json.loads((package / "package.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ""
    version = meta.get("version") if isinstance(meta, dict) else None
    return version if isinstance(version, str) else ""


def _run_node(project: Path) -> tuple[str, str]:
    """(stdout, problem): the dump, run where ``node_modules`` resolves."""
    import subprocess  # only when the data is not cached yet

    try:
        done = subprocess.run(
            ["node", "--input-type=module", "-e", _DUMP_SCRIPT],
            cwd=project, capture_output=True, text=True, timeout=_NODE_TIMEOUT_S,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        return "", f"cannot run node to read {PACKAGE}: {exc}"
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return "", f"node could not read {PACKAGE} in {project}: {last}"
    return done.stdout, ""


def _read_tables(path: Path) -> dict[str, object] | None:
    try:
        return _parse_tables(path.read_text(encoding="utf-8"))
    except OSError:
        return None


def _parse_tables(text: str) -> dict[str, object] | None:
    """The dump, or None when it is not what the script prints (a damaged
    cache file is then simply rebuilt)."""
    try:
        tables = json.loads(text)
    except ValueError:
        return None
    if not isinstance(tables, dict):
        return None
    lists = ("lorem_word", "domain_suffix", "vehicle_model", "directory_path", "common_file_type", "currency_name", "country")
    if not all(_strings(tables.get(key)) for key in lists):
        return None
    if not isinstance(tables.get("word"), dict) or not isinstance(tables.get("person"), dict):
        return None
    return tables


def _strings(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, str) for v in value)


def _write_quietly(path: Path, text: str) -> None:
    """Cache the dump; a cache that cannot be written only costs a node run."""
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False) as tmp:
            temporary = Path(tmp.name)
            tmp.write(text)
        os.replace(temporary, path)  # atomic: a concurrent run reads old or new, never half
    except OSError:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
