"""pre-commit and CI: the hooks of ``.pre-commit-hooks.yaml`` and the GitHub
Actions workflow of the README, run as pre-commit and Actions would run them."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from test_cli_options import BREAKING, SPEC

BIN = Path(sys.executable).parent  # where `pip install` put the `sdkgen` entry point


def _env(**extra: str) -> dict[str, str]:
    return {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", **extra}


def _hooks() -> dict[str, dict[str, object]]:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert isinstance(hooks, list)
    return {hook["id"]: hook for hook in hooks}


def _project(root: Path) -> Path:
    """A small project whose SDK is committed: spec, sdkgen.yaml, generated/."""
    (root / "specs").mkdir(parents=True)
    (root / "specs" / "api.yaml").write_text(SPEC, encoding="utf-8")
    (root / "sdkgen.yaml").write_text("spec: specs/api.yaml\nout: generated\ntargets: [python]\n",
                                      encoding="utf-8")
    done = subprocess.run(["sdkgen", "generate", "-q"], cwd=root, env=_env(), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return root


def _snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _run_hook(hook: dict[str, object], cwd: Path) -> subprocess.CompletedProcess[str]:
    """As pre-commit runs a hook: ``entry`` split like a shell, then ``args``,
    then file names unless ``pass_filenames: false``."""
    argv = [*shlex.split(str(hook["entry"])), *map(str, hook.get("args", []))]  # type: ignore[call-overload]
    assert hook.get("pass_filenames") is False
    return subprocess.run(argv, cwd=cwd, env=_env(), capture_output=True, text=True)


def test_hooks_file_declares_both_hooks() -> None:
    hooks = _hooks()
    assert set(hooks) == {"sdkgen-check", "sdkgen-generate"}
    for hook in hooks.values():
        assert hook["language"] == "python" and hook["pass_filenames"] is False
        assert {"id", "name", "entry"} <= set(hook)
    assert str(hooks["sdkgen-check"]["entry"]).split()[:2] == ["sdkgen", "check"]
    assert str(hooks["sdkgen-generate"]["entry"]).split()[:2] == ["sdkgen", "generate"]


def test_check_hook_passes_in_sync_and_fails_when_stale(tmp_path: Path) -> None:
    hook, project = _hooks()["sdkgen-check"], _project(tmp_path)
    proc = _run_hook(hook, project)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "", "")
    (project / "specs" / "api.yaml").write_text(SPEC.replace("title: Pet Store", "title: Pet Shop"))
    before = _snapshot(project)
    proc = _run_hook(hook, project)
    assert proc.returncode == 1 and "out of date" in proc.stderr
    assert _snapshot(project) == before  # a check hook never modifies files


def test_generate_hook_leaves_a_synced_tree_alone_and_rewrites_a_stale_one(tmp_path: Path) -> None:
    # pre-commit fails a hook that exits non-zero *or* modifies files.
    hook, project = _hooks()["sdkgen-generate"], _project(tmp_path)
    before = _snapshot(project)
    proc = _run_hook(hook, project)
    assert proc.returncode == 0 and _snapshot(project) == before
    (project / "specs" / "api.yaml").write_text(SPEC.replace("title: Pet Store", "title: Pet Shop"))
    before = _snapshot(project)
    proc = _run_hook(hook, project)
    assert proc.returncode == 0 and _snapshot(project) != before  # modified: pre-commit stops the commit
    assert _run_hook(_hooks()["sdkgen-check"], project).returncode == 0


def test_generate_hook_fails_on_a_broken_spec(tmp_path: Path) -> None:
    project = _project(tmp_path)
    (project / "specs" / "api.yaml").write_text(SPEC.replace("'#/components/schemas/Pet'", "'#/nowhere'"))
    proc = _run_hook(_hooks()["sdkgen-generate"], project)
    assert proc.returncode == 1 and "error[SG010]" in proc.stderr


# The README's GitHub Actions workflow ----------------------------------------------


def _workflow() -> dict[str, object]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## pre-commit and CI", 1)[1].split("\n## ", 1)[0]
    blocks = [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", section, re.S)]
    (workflow,) = [b for b in blocks if isinstance(b, dict) and "jobs" in b]
    return workflow


def _steps(job: str) -> list[dict[str, str]]:
    jobs = _workflow()["jobs"]
    assert isinstance(jobs, dict)
    return [s for s in jobs[job]["steps"] if "run" in s and not s["run"].startswith("pip install")]


def _run_step(step: dict[str, str], cwd: Path, env: dict[str, str]) -> int:
    # GitHub's defaults: `bash -e {0}`, and with `shell: bash` also `-o pipefail`.
    shell = ["bash", "--noprofile", "--norc", "-eo", "pipefail"] if step.get("shell") == "bash" else ["bash", "-e"]
    return subprocess.run([*shell, "-c", step["run"]], cwd=cwd, env=env, capture_output=True, text=True).returncode


def test_workflow_triggers_and_jobs() -> None:
    workflow = _workflow()
    # YAML 1.1 reads the key `on` as True.
    triggers = workflow.get("on", workflow.get(True))  # type: ignore[call-overload]
    assert set(triggers) == {"push", "pull_request"}
    jobs = workflow["jobs"]
    assert isinstance(jobs, dict)
    assert any("sdkgen check" in s.get("run", "") for s in jobs["drift"]["steps"])
    assert any("--fail-on breaking" in s.get("run", "") for s in jobs["breaking-changes"]["steps"])


def test_workflow_drift_job(tmp_path: Path) -> None:
    project = _project(tmp_path)
    env = _env()
    assert [_run_step(s, project, env) for s in _steps("drift")] == [0]
    (project / "generated" / "python" / "pyproject.toml").write_text("edited\n")
    assert [_run_step(s, project, env) for s in _steps("drift")] == [1]


@pytest.mark.skipif(shutil.which("git") is None, reason="git not found")
def test_workflow_pull_request_job(tmp_path: Path) -> None:
    """A repository whose base branch has the spec and whose PR changes it;
    the job's steps run in the PR's checkout, with origin/<base> fetched."""
    project = _project(tmp_path / "repo")
    git_env = _env(GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.invalid", GIT_COMMITTER_NAME="t",
                   GIT_COMMITTER_EMAIL="t@example.invalid", GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1")

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=project, env=git_env, check=True, capture_output=True)

    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("commit", "-q", "-m", "base")
    git("update-ref", "refs/remotes/origin/main", "HEAD")  # what checkout with fetch-depth 0 gives
    runner = tmp_path / "runner"
    runner.mkdir()
    env = _env(BASE_REF="main", RUNNER_TEMP=str(runner), GITHUB_STEP_SUMMARY=str(runner / "summary.md"))
    steps = _steps("breaking-changes")

    assert [_run_step(s, project, env) for s in steps] == [0, 0]  # the PR changes nothing
    (project / "specs" / "api.yaml").write_text(SPEC.replace("title: Pet Store", "title: Pet Shop"))
    assert [_run_step(s, project, env) for s in steps] == [0, 0]  # a change that breaks no caller
    (project / "specs" / "api.yaml").write_text(BREAKING)
    assert [_run_step(s, project, env) for s in steps] == [0, 1]  # a field made required in a request
    assert "(Breaking)" in (runner / "summary.md").read_text()
