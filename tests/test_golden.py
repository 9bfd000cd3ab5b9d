"""Golden articles: exact findings and exact fixed text for each article under tests/golden/.

Each ``<case>.txt`` (or ``.md``, ``.html``) has ``<case>.findings`` (one line per finding)
and ``<case>.fixed.txt`` (``.fixed.md``, ``.fixed.html``: the text after ``--fix
--unsafe-fixes``). Run ``pytest tests/test_golden.py --update-golden`` to rewrite them,
then review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.diagnostics import Applicability
from newslint.testing import golden_outputs

GOLDEN = Path(__file__).parent / "golden"
SUFFIXES = (".txt", ".md", ".markdown", ".html")
CASES = sorted(
    p
    for p in GOLDEN.rglob("*")
    if p.suffix in SUFFIXES and not p.name.endswith(tuple(f".fixed{s}" for s in SUFFIXES))
)


@pytest.mark.parametrize("case", CASES, ids=[str(c.relative_to(GOLDEN)) for c in CASES])
def test_golden(case, linter, request):
    listing, fixed = golden_outputs(linter, case, Applicability.UNSAFE)
    findings_file = case.with_suffix(".findings")
    fixed_file = case.with_name(f"{case.stem}.fixed{case.suffix}")
    if request.config.getoption("--update-golden"):
        findings_file.write_text(listing, encoding="utf-8")
        fixed_file.write_text(fixed, encoding="utf-8")
    assert listing == findings_file.read_text(encoding="utf-8")
    assert fixed == fixed_file.read_text(encoding="utf-8")
    # A fixed article has nothing left that a safe fix could change.
    _relisted, refixed = golden_outputs(linter, fixed_file, Applicability.SAFE)
    assert refixed == fixed, "a safe fix still applies to the fixed article"
