"""Helpers for rule and plugin authors: run a rule's examples and golden articles."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from newslint.app import Linter
from newslint.diagnostics import Applicability, Finding
from newslint.document import Document
from newslint.fixes import apply_fixes, pick_fixes
from newslint.rules import Rule


def run_rule(item: Rule, text: str) -> list[Finding]:
    """Lint ``text`` with ``item`` alone (no configuration), as the engine would."""
    from newslint.engine import lint_document
    from newslint.selection import Selection

    selection = Selection((item,), {item.code: item.severity}, {})
    return lint_document(Document(text=text), selection)


def example_failures(item: Rule) -> list[str]:
    """Return a message for every ``flag`` example the rule misses and every ``pass`` one it flags."""
    problems = []
    for text in item.examples.flag:
        if not run_rule(item, text):
            problems.append(f"{item.code} does not flag its example {text!r}")
    for text in item.examples.pass_:
        found = run_rule(item, text)
        if found:
            problems.append(f"{item.code} flags its pass example {text!r}: {found[0].message}")
    return problems


def format_finding(document: Document, finding: Finding) -> str:
    """One stable line per finding, as golden ``.findings`` files hold them."""
    if finding.span is None:
        return f"-:- {finding.code} {finding.category.value} {finding.severity.label} {finding.message}"
    start = document.position(finding.span.start)
    fix = ""
    if finding.fix is not None:
        fix = f" [{finding.fix.applicability.label}: {finding.fix.title}]"
    return (
        f"{start.line}:{start.column} {finding.code} {finding.category.value} "
        f"{finding.severity.label} {finding.message}{fix}"
    )


def golden_outputs(linter: Linter, path: Path, threshold: Applicability) -> tuple[str, str]:
    """Return (findings listing, fixed text) for the golden article at ``path``."""
    text = path.read_text(encoding="utf-8")
    findings = linter.lint_text(text, path)
    document = linter.parse(text, path, linter.config_for(path))
    listing = "".join(format_finding(document, f) + "\n" for f in findings)
    fixed = text
    for _ in range(10):
        fixes = pick_fixes(linter.lint_text(fixed, path), threshold)
        if not fixes:
            break
        fixed = apply_fixes(fixed, fixes)
    return listing, fixed


def flagged_codes(findings: Iterable[Finding]) -> list[str]:
    return [f.code for f in findings]
