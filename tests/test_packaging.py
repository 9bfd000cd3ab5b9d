"""Packaging: the wheel ships every rule pack, and the pre-commit hook works from the repo.

These build wheels and virtual environments, so they are marked slow; CI runs them.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


def test_wheel_contains_every_rule_file(tmp_path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    wheel = next(tmp_path.glob("newslint-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {
        f"newslint/_rules/{p.relative_to(ROOT / 'rules').as_posix()}"
        for p in (ROOT / "rules").rglob("*.toml")
    }
    assert expected and expected <= names
    assert "newslint/data/en_words.txt.gz" in names
    assert "newslint/py.typed" in names


@pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")
def test_pre_commit_try_repo(tmp_path):
    pre_commit = Path(sys.executable).with_name("pre-commit")
    if not pre_commit.exists():
        pytest.skip("pre-commit is not installed (pip install -e '.[test]')")
    repo = tmp_path / "content"
    repo.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    (repo / "story.txt").write_text("The ferry runs again.\n\nHide caption\n", encoding="utf-8")
    (repo / "clean.txt").write_text("The ferry runs again.\n", encoding="utf-8")
    subprocess.run(["git", "add", "."], cwd=repo, check=True)
    env = {
        "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin",
        "HOME": str(tmp_path),
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    result = subprocess.run(
        [str(pre_commit), "try-repo", str(ROOT), "newslint", "--all-files"],
        cwd=repo,
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "story.txt:3:1: SC101 [*] Caption control `Hide caption` left in the article" in result.stdout
    assert "clean.txt" not in result.stdout.split("Found")[0]
