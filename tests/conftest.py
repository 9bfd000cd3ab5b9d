from __future__ import annotations

import os

import pytest
from hypothesis import settings

from newslint.app import Linter

# Tests never load plugins installed in the environment: only the built-ins and the ones a test registers.
os.environ.setdefault("NEWSLINT_DISABLE_PLUGIN_AUTOLOAD", "1")

# In CI the property tests run the same examples every time, so that a landing never hangs on
# a random draw; on a developer's machine they search anew on each run and find new cases.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite golden .findings and .fixed files")


@pytest.fixture(scope="session")
def linter() -> Linter:
    """A linter with the built-in rules and no configuration file."""
    return Linter(isolated=True, autoload=False)


@pytest.fixture
def lint(linter):
    """Lint a text and return its findings, optionally limited to codes or prefixes."""

    def run(text: str, *select: str):
        findings = linter.lint_text(text)
        if select:
            findings = [f for f in findings if any(f.code.startswith(s) or f.rule == s for s in select)]
        return findings

    return run
