"""Apply fixes: pick non-overlapping ones, apply right to left, repeat until stable."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from newslint.diagnostics import Applicability, Finding, Fix

MAX_PASSES = 10


def pick_fixes(findings: Sequence[Finding], threshold: Applicability) -> list[Fix]:
    """Return applicable fixes in order of their first edit, skipping any that overlap one taken."""
    candidates = sorted(
        (f.fix for f in findings if f.fix is not None and f.fix.applies(threshold)),
        key=lambda fix: (fix.edits[0].span.start, fix.edits[-1].span.end),
    )
    taken: list[Fix] = []
    edges: list[tuple[int, int]] = []
    for fix in candidates:
        if fix in taken:
            continue
        if any(_clashes(edit.span.start, edit.span.end, edges) for edit in fix.edits):
            continue
        taken.append(fix)
        edges.extend((e.span.start, e.span.end) for e in fix.edits)
    return taken


def _clashes(start: int, end: int, edges: list[tuple[int, int]]) -> bool:
    for other_start, other_end in edges:
        if start < other_end and other_start < end:
            return True
        if start == end == other_start == other_end:  # two insertions at one point
            return True
        if start == end and other_start < start < other_end:
            return True
        if other_start == other_end and start < other_start < end:
            return True
    return False


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
