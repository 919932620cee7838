"""A Prism mock server (``@stoplight/prism-cli``) for tests of generated clients.

``serve(spec)`` starts ``prism mock`` on 127.0.0.1 (a free port, loopback
only) and yields its base URL; it stops the server on exit.  Prism answers
from the spec and rejects requests that do not match it (422 with the
violations, 401 without credentials); ``Prefer: code=404`` picks a documented
response.  The ``prism_sessions`` fixture serves ``specs/sessions.yaml`` for a
whole test session: ``from prism import prism_sessions`` in a test module.

Prism is installed once into ``.node-cache/`` beside typescript and zod (see
``node_env``); without node/npm, or when the install fails, the test skips.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator

import pytest

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / ".node-cache"
PACKAGE = "@stoplight/prism-cli"
MAJOR = "5"
STARTUP_SECONDS = 60


def prism_cli() -> Path:
    """The Prism entry script, installing it on first use."""
    for tool in ("node", "npm"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} not found on PATH: cannot run the Prism mock server")
    meta_path = CACHE / "node_modules" / PACKAGE / "package.json"
    if not _installed(meta_path):
        _install()
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    return meta_path.parent / str(meta["bin"]["prism"])


def _installed(meta_path: Path) -> bool:
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return str(meta.get("version", "")).split(".")[0] == MAJOR


def _install() -> None:
    CACHE.mkdir(exist_ok=True)
    manifest = CACHE / "package.json"
    if not manifest.exists():
        manifest.write_text('{"name": "sdkgen-test-node-cache", "private": true}\n', encoding="utf-8")
    cmd = ["npm", "install", "--no-audit", "--no-fund", f"{PACKAGE}@{MAJOR}"]
    done = subprocess.run(cmd, cwd=CACHE, capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        pytest.skip(f"npm install {PACKAGE}@{MAJOR} failed in {CACHE}:\n{done.stderr[-2000:]}")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serve(spec: Path) -> Iterator[str]:
    """Run ``prism mock --errors`` for ``spec``; yields ``http://127.0.0.1:PORT``."""
    cli = prism_cli()
    port = _free_port()
    cmd = ["node", str(cli), "mock", "--host", "127.0.0.1", "--port", str(port), "--errors", str(spec)]
    # Output goes to a file: an unread pipe would fill up and stall the server.
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8") as log:
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, text=True)
        try:
            _wait_listening(proc, port, log)
            yield f"http://127.0.0.1:{port}"
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)


def _wait_listening(proc: subprocess.Popen[str], port: int, log: IO[str]) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"prism exited with {proc.returncode}:\n{log.read()[-2000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"prism did not listen on port {port} within {STARTUP_SECONDS}s")


@pytest.fixture(scope="session")
def prism_sessions() -> Iterator[str]:
    """Base URL of a Prism mock of ``specs/sessions.yaml``."""
    with serve(ROOT / "specs" / "sessions.yaml") as url:
        yield url
