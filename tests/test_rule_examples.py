"""Every registered rule flags its own flag examples and leaves its pass examples alone."""

from __future__ import annotations

import pytest

from newslint.app import Linter
from newslint.testing import example_failures

_LINTER = Linter(isolated=True, autoload=False)
RULES = list(_LINTER.registry_for(_LINTER.config_for(None)))


@pytest.mark.parametrize("item", RULES, ids=[r.code for r in RULES])
def test_examples(item):
    assert item.examples.flag, f"{item.code} has no flag examples"
    assert example_failures(item) == []


@pytest.mark.parametrize("item", RULES, ids=[r.code for r in RULES])
def test_rule_contract(item):
    assert item.doc.what and item.doc.why
    assert item.category.value != "error"
    if item.fix.value != "none":
        assert item.doc.fix_safety, f"{item.code} has fixes but no fix-safety note"
