"""The GitHub Action (action.yml): its shape, and its shell steps run against real files."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
STEPS = {step["name"]: step for step in ACTION["runs"]["steps"]}


def test_action_is_a_composite_that_installs_from_its_own_path():
    assert ACTION["runs"]["using"] == "composite"
    assert set(ACTION["inputs"]) == {"paths", "args", "sarif-file", "python-version"}
    assert STEPS["Set up Python"]["uses"].startswith("actions/setup-python@")
    assert '"$GITHUB_ACTION_PATH"' in STEPS["Install newslint"]["run"]
    # Inputs reach the shell through the environment, never pasted into the script.
    for name in ("Lint", "Write the SARIF log"):
        assert "${{" not in STEPS[name]["run"]
        assert all(step.get("shell") == "bash" for step in ACTION["runs"]["steps"] if "run" in step)


def run_step(name: str, tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    if shutil.which("bash") is None:
        pytest.skip("needs bash")
    scripts = str(Path(sys.executable).parent)  # where the test environment's newslint lives
    environ = {**os.environ, "PATH": scripts + os.pathsep + os.environ.get("PATH", ""), **env}
    return subprocess.run(
        ["bash", "-e", "-c", STEPS[name]["run"]], cwd=tmp_path, env=environ, capture_output=True, text=True
    )


def test_lint_step_prints_annotations_and_fails_on_findings(tmp_path):
    posts = tmp_path / "posts" / "2026"
    posts.mkdir(parents=True)
    (posts / "crane.md").write_text("# Crane is back\n\nThe crane works.\n\nHide caption\n", encoding="utf-8")
    (posts / "clean.md").write_text("# Council\n\nThe council met.\n", encoding="utf-8")
    done = run_step("Lint", tmp_path, NEWSLINT_PATHS="posts/**/*.md", NEWSLINT_ARGS="--isolated")
    assert done.returncode == 1
    assert done.stdout == (
        "::error file=posts/2026/crane.md,line=5,col=1,endLine=5,endColumn=13,"
        "title=SC101 caption-control::SC101 Caption control `Hide caption` left in the article\n"
    )
    clean = run_step("Lint", tmp_path, NEWSLINT_PATHS="posts/2026/clean.md", NEWSLINT_ARGS="--isolated")
    assert (clean.returncode, clean.stdout) == (0, "")


def test_sarif_step_writes_a_log_without_failing(tmp_path):
    (tmp_path / "a.txt").write_text("Text.\n\nHide caption\n", encoding="utf-8")
    done = run_step(
        "Write the SARIF log",
        tmp_path,
        NEWSLINT_PATHS="a.txt",
        NEWSLINT_ARGS="--isolated",
        NEWSLINT_SARIF="out.sarif",
    )
    assert done.returncode == 0, done.stderr
    assert '"ruleId": "SC101"' in (tmp_path / "out.sarif").read_text(encoding="utf-8")
    broken = run_step(
        "Write the SARIF log",
        tmp_path,
        NEWSLINT_PATHS="a.txt",
        NEWSLINT_ARGS="--select NOPE",
        NEWSLINT_SARIF="x",
    )
    assert broken.returncode != 0  # a usage error is not swallowed
