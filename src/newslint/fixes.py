"""Apply fixes: pick non-overlapping ones, apply right to left, repeat until stable."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from newslint.diagnostics import Applicability, Finding, Fix

MAX_PASSES = 10


def pick_fixes(findings: Sequence[Finding], threshold: Applicability) -> list[Fix]:
    """Return applicable fixes in order of their first edit, skipping any that overlap one taken.

    Runs in O(n log n): a file with tens of thousands of fixable findings must not stall.
    """
    candidates = sorted(
        {f.fix for f in findings if f.fix is not None and f.fix.applies(threshold)},
        key=lambda fix: (fix.edits[0].span.start, fix.edits[-1].span.end, fix.title),
    )
    taken: list[Fix] = []
    edges = _Edges()
    for fix in candidates:
        if any(edges.clashes(edit.span.start, edit.span.end) for edit in fix.edits):
            continue
        taken.append(fix)
        for edit in fix.edits:
            edges.add(edit.span.start, edit.span.end)
    return taken


class _Edges:
    """The spans of the edits taken so far, sorted; they never clash with one another.

    Two spans clash if they overlap, if one is an insertion strictly inside the other,
    or if both are insertions at the same point. Spans that do not clash, sorted by
    (start, end), also have non-decreasing ends, so the span that could clash with a new
    one is the last that starts before the new one ends.
    """

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []
        self.insertions: set[int] = set()

    def clashes(self, start: int, end: int) -> bool:
        if start == end and start in self.insertions:
            return True
        before = bisect.bisect_left(self.spans, (end, -1))  # spans starting before ``end``
        if before == 0:
            return False
        other_start, other_end = self.spans[before - 1]
        if start == end:
            return other_start < start < other_end
        return start < other_end and other_start < end

    def add(self, start: int, end: int) -> None:
        bisect.insort(self.spans, (start, end))
        if start == end:
            self.insertions.add(start)


def apply_fixes(text: str, fixes: Sequence[Fix]) -> str:
    """Apply non-overlapping fixes to ``text``, right to left so offsets stay valid."""
    edits = sorted((e for fix in fixes for e in fix.edits), key=lambda e: (e.span.start, e.span.end))
    pieces = []
    cursor = len(text)
    for edit in reversed(edits):
        pieces.append(text[edit.span.end : cursor])
        pieces.append(edit.content)
        cursor = edit.span.start
    pieces.append(text[:cursor])
    return "".join(reversed(pieces))


@dataclass(frozen=True, slots=True)
class FixOutcome:
    text: str
    findings: list[Finding]  # what remains, with offsets into ``text``
    applied: int
    stable: bool


def fix_until_stable(
    text: str,
    findings: list[Finding],
    lint: Callable[[str], list[Finding]],
    threshold: Applicability,
    max_passes: int = MAX_PASSES,
) -> FixOutcome:
    """Apply fixes and re-lint until no applicable fix remains or ``max_passes`` have run."""
    applied = 0
    for _ in range(max_passes):
        fixes = pick_fixes(findings, threshold)
        if not fixes:
            return FixOutcome(text, findings, applied, True)
        new_text = apply_fixes(text, fixes)
        applied += len(fixes)
        if new_text == text:
            return FixOutcome(text, findings, applied, True)
        text = new_text
        findings = lint(text)
    return FixOutcome(text, findings, applied, not pick_fixes(findings, threshold))


def unified_diff(before: str, after: str, name: str) -> str:
    import difflib  # only --diff needs it: keep it out of start-up

    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=f"a/{name}",
        tofile=f"b/{name}",
    )
    out = []
    for line in lines:
        out.append(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")
    return "".join(out)
