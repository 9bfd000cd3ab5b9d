"""The README stays true: its commands, example output, hooks and rule codes match the code."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

from newslint import hookspecs
from newslint.app import Linter
from newslint.cli import main
from newslint.explain import explain_rule

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_starts_with_the_two_setup_commands():
    block = re.search(r"```sh\n(.*?)```", README, re.S)
    assert block is not None and README.index(block.group(0)) < README.index("\n## ")
    install, tests = block.group(1).strip().splitlines()
    assert install.endswith("newslint examples/damaged-article.txt")
    assert tests.endswith(".venv/bin/python -m pytest")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ci.rstrip().splitlines()[-1] == ".venv/bin/python -m pytest", (
        "CI must run the README's test command"
    )


def test_readme_example_output_is_exact(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    block = re.search(r"```console\n\$ newslint examples/damaged-article.txt\n(.*?)```", README, re.S)
    assert block is not None
    main(["--isolated", "--no-cache", "examples/damaged-article.txt"])
    assert capsys.readouterr().out == block.group(1)


def test_readme_documents_every_hook():
    hooks = [
        name for name, _ in inspect.getmembers(hookspecs, inspect.isfunction) if name.startswith("newslint_")
    ]
    assert hooks
    for name in hooks:
        assert f"`{name}(" in README, f"README's hook table lacks {name}"


RULES = list(
    Linter(isolated=True, autoload=False).registry_for(Linter(isolated=True, autoload=False).config_for(None))
)


@pytest.mark.parametrize("item", RULES, ids=[r.code for r in RULES])
def test_every_rule_is_explained_and_in_the_readme_table(item):
    text = explain_rule(item)
    assert text.startswith(f"# {item.code} {item.name}\n")
    assert "## What it does" in text and "## Why is this bad" in text
    family = item.code[:3]
    assert family in README, f"README's rule table has no {family}xx row"
