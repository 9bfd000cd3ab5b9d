"""The fix engine: non-overlapping edits applied right to left, until stable."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newslint.diagnostics import Applicability, Category, Edit, Finding, Fix, Severity, Span
from newslint.fixes import apply_fixes, fix_until_stable, pick_fixes, unified_diff


def finding(fix):
    return Finding(
        code="XX101",
        rule="x",
        category=Category.STYLE,
        severity=Severity.INFO,
        span=fix.edits[0].span,
        message="m",
        fix=fix,
    )


def test_overlapping_fixes_are_deferred_to_a_later_pass():
    first = Fix.safe("a", Edit(Span(0, 5), "X"))
    clash = Fix.safe("b", Edit(Span(3, 8), "Y"))
    later = Fix.safe("c", Edit(Span(8, 9), "Z"))
    assert pick_fixes([finding(clash), finding(later), finding(first)], Applicability.SAFE) == [first, later]


def test_threshold():
    safe = Fix.safe("s", Edit(Span(0, 1), ""))
    unsafe = Fix.unsafe("u", Edit(Span(2, 3), ""))
    shown = Fix.display_only("d", Edit(Span(4, 5), ""))
    found = [finding(safe), finding(unsafe), finding(shown)]
    assert pick_fixes(found, Applicability.SAFE) == [safe]
    assert pick_fixes(found, Applicability.UNSAFE) == [safe, unsafe]


def test_apply_right_to_left():
    fixes = [
        Fix.safe("a", Edit(Span(0, 3), "The"), Edit(Span(4, 4), "big ")),
        Fix.safe("b", Edit(Span(7, 8), "!")),
    ]
    assert apply_fixes("the cat.", fixes) == "The big cat!"


def test_fix_until_stable_relints():
    def lint(text):
        index = text.find("  ")
        return [finding(Fix.safe("squeeze", Edit(Span(index, index + 2), " ")))] if index >= 0 else []

    text = "a    b"
    outcome = fix_until_stable(text, lint(text), lint, Applicability.SAFE)
    assert (outcome.text, outcome.stable, outcome.findings) == ("a b", True, [])


def test_unstable_fixes_stop_after_max_passes():
    def lint(text):
        return [finding(Fix.safe("grow", Edit(Span(0, 0), "x")))]

    outcome = fix_until_stable("", lint(""), lint, Applicability.SAFE, max_passes=3)
    assert outcome.text == "xxx" and not outcome.stable


def test_diff_marks_missing_final_newline():
    assert unified_diff("a\nb", "a\nc", "f.txt").endswith("+c\n\\ No newline at end of file\n")


@st.composite
def text_and_edits(draw):
    text = draw(st.text(max_size=60))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    edits = [Edit(Span(a, b), draw(st.text(max_size=3))) for a, b in zip(cuts[::2], cuts[1::2], strict=False)]
    return text, edits


@given(text_and_edits())
def test_text_outside_edits_is_unchanged(case):
    text, edits = case
    fixes = [Fix.safe("e", edit) for edit in edits]
    chosen = pick_fixes([finding(f) for f in fixes], Applicability.SAFE)
    result = apply_fixes(text, chosen)
    cursor, rebuilt = 0, []
    for fix in sorted(chosen, key=lambda f: f.edits[0].span.start):
        edit = fix.edits[0]
        rebuilt += [text[cursor : edit.span.start], edit.content]
        cursor = edit.span.end
    rebuilt.append(text[cursor:])
    assert result == "".join(rebuilt)
