"""Run selected rules over a Document, isolating crashes, and stamp the findings."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from time import perf_counter
from typing import TYPE_CHECKING, Any

from newslint.diagnostics import Category, Finding, Severity, Violation
from newslint.document import Document
from newslint.selection import Selection

if TYPE_CHECKING:
    from newslint.timing import RuleTimer

CRASH_CODE = "NL902"
MARKUP_NOTE = " (fix by hand: an automatic fix would edit markup)"


def lint_document(document: Document, selection: Selection, timer: RuleTimer | None = None) -> list[Finding]:
    """Return every finding of the selected rules on ``document``, sorted by position.

    A rule that raises becomes one NL902 finding; the other rules still run. With a
    ``timer``, each rule's run time is added to it (``--timing``).
    """
    findings: list[Finding] = []
    if timer is not None:
        timer.time_structure(document)
    for item in selection.rules:
        severity = selection.severities.get(item.code, item.severity)
        started = perf_counter() if timer is not None else 0.0
        try:
            # _kept checks every span too, so a bad span is this rule's crash, not the run's
            violations = _kept(document, item.run(document, selection.options.get(item.code)))
        except Exception as exc:  # isolate any rule failure: it must not hide other findings
            findings.append(crash_finding(item.code, item.name, item.origin, exc))
            continue
        finally:
            if timer is not None:
                timer.add(item.code, item.name, perf_counter() - started)
        for violation in violations:
            findings.append(
                Finding(
                    code=item.code,
                    rule=item.name,
                    category=item.category,
                    severity=violation.severity or severity,
                    span=violation.span,
                    message=violation.message,
                    fix=violation.fix,
                    origin=item.origin,
                )
            )
    findings.sort(key=lambda f: f.sort_key)
    return findings


def _kept(document: Document, violations: Iterable[Violation]) -> list[Violation]:
    """The violations the document keeps (a list, not a generator: most rules yield none)."""
    kept: list[Violation] = []
    length = len(document.text)
    for violation in violations:
        if not isinstance(violation, Violation):
            raise TypeError(f"a check must yield Violation objects, not {type(violation).__name__}")
        span = violation.span
        if span.end > length or (violation.fix and violation.fix.span.end > length):
            raise IndexError(f"span {span.start}..{span.end} lies outside the text ({length} characters)")
        if document.is_ignored(span):
            continue
        if document.inline_markup and (document.cuts_markup(span) or document.only_markup(span)):
            continue  # inside a URL or tag, or flagging markup rather than words
        if document.accept and document[span].strip() in document.accept:
            continue
        fix = violation.fix
        if fix is not None and any(
            document.edit_breaks_markup(edit.span, edit.content) for edit in fix.edits
        ):
            # The fix would edit markup (a code fence, a tag, a link target): delete the
            # whole element instead if that is what it means (HTML), else report only.
            element_fix = document.element_deletion(span, fix)
            if element_fix is not None:
                violation = replace(violation, fix=element_fix)
            else:
                violation = replace(violation, fix=None, message=violation.message + MARKUP_NOTE)
        kept.append(violation)
    return kept


def crash_finding(code: str, name: str, origin: str, exc: BaseException) -> Finding:
    return Finding(
        code=CRASH_CODE,
        rule="rule-crashed",
        category=Category.ERROR,
        severity=Severity.ERROR,
        span=None,
        message=f"{code} ({name}, from {origin or 'a plugin'}) crashed: {type(exc).__name__}: {exc}",
        details="".join(_traceback().format_exception(exc)),
    )


def _traceback() -> Any:
    import traceback  # only a crash needs it: keep it out of start-up

    return traceback
