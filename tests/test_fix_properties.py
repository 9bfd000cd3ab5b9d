"""Fix safety as properties over arbitrary text and generated damaged articles.

For every input: linting never raises and no rule crashes; every span and edit lies in
the text; the fixes picked for one pass never overlap; text outside the fixed spans is
unchanged; --fix twice equals --fix once; after --fix no safe fix remains. The same
holds with unsafe fixes included.
"""

from __future__ import annotations

import codecs
import itertools
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from article_strategies import any_text, damaged_articles
from newslint.app import Linter
from newslint.diagnostics import Applicability, Category, Edit, Finding, Fix, Severity, Span
from newslint.fixes import apply_fixes, pick_fixes

LINTER = Linter(isolated=True, autoload=False)
# NEWSLINT_PROPERTY_EXAMPLES=5000 runs a longer search than the suite's default
EXAMPLES = int(os.environ.get("NEWSLINT_PROPERTY_EXAMPLES", "100"))
# The suite's short run is derandomized, so CI is reproducible; a long run explores anew.
PROPERTY = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize="NEWSLINT_PROPERTY_EXAMPLES" not in os.environ,
    suppress_health_check=[HealthCheck.too_slow],
)
THRESHOLDS = [Applicability.SAFE, Applicability.UNSAFE]


def lint(text):
    return LINTER.lint_text(text)


def fix(text, threshold):
    """What ``newslint --fix [--unsafe-fixes] -`` does with ``text``: fixed text and what remains."""
    # NUL marks a binary UTF-8 file; as UTF-16 (with its BOM) any text is readable
    data = codecs.BOM_UTF16_BE + text.encode("utf-16-be") if "\x00" in text else text.encode("utf-8")
    result = LINTER.check_file(None, "-", fix=threshold, data=data)
    return result.output, result.findings


@PROPERTY
@given(any_text())
def test_lint_never_raises_and_every_span_lies_in_the_text(text):
    findings = lint(text)
    assert not [f for f in findings if f.code.startswith("NL9")], findings
    for finding in findings:
        assert finding.span is not None and 0 <= finding.span.start <= finding.span.end <= len(text)
        if finding.fix is not None:
            for edit in finding.fix.edits:
                assert 0 <= edit.span.start <= edit.span.end <= len(text)


@PROPERTY
@given(any_text())
def test_fixes_picked_for_one_pass_never_overlap(text):
    for threshold in THRESHOLDS:
        edits = sorted(
            (e.span for fix in pick_fixes(lint(text), threshold) for e in fix.edits),
            key=lambda s: (s.start, s.end),
        )
        for before, after in itertools.pairwise(edits):
            assert before.end <= after.start, (before, after)
            assert not (before.start == before.end == after.start == after.end)


@PROPERTY
@given(any_text())
def test_text_outside_the_fixed_spans_is_unchanged(text):
    for threshold in THRESHOLDS:
        fixes = pick_fixes(lint(text), threshold)
        result = apply_fixes(text, fixes)
        edits = sorted((e for fix in fixes for e in fix.edits), key=lambda e: e.span.start)
        # walk the result: every gap between edits must be the original text, byte for byte
        cursor_in, cursor_out = 0, 0
        for edit in edits:
            kept = text[cursor_in : edit.span.start]
            assert result[cursor_out : cursor_out + len(kept)] == kept
            cursor_out += len(kept)
            assert result[cursor_out : cursor_out + len(edit.content)] == edit.content
            cursor_out += len(edit.content)
            cursor_in = edit.span.end
        assert result[cursor_out:] == text[cursor_in:]


@PROPERTY
@given(any_text())
def test_fix_is_idempotent_and_leaves_no_fix_behind(text):
    for threshold in THRESHOLDS:
        once, remaining = fix(text, threshold)
        assert not [f for f in remaining if f.code.startswith("NL9")], remaining
        assert not pick_fixes(remaining, threshold), "a fix of this level is still offered after --fix"
        twice, _ = fix(once, threshold)
        assert twice == once


@PROPERTY
@given(damaged_articles())
def test_safe_fixes_only_remove_or_replace_damage(text):
    """A safe fix never touches a line that holds none of the generated damage."""
    once, _ = fix(text, Applicability.SAFE)
    clean_lines = [line for line in text.splitlines() if _is_clean_sentence_line(line)]
    for line in clean_lines:
        assert line in once


def _is_clean_sentence_line(line):
    from article_strategies import SENTENCES

    return line in SENTENCES


@pytest.mark.parametrize(
    "text",
    ["", "\n", "\r\n\r\n", "\ufeff", "Hide caption", "Hide caption\r", "\rHide caption\r\r", "x\n" * 3],
    ids=repr,
)
def test_edge_texts(text):
    test_fix_is_idempotent_and_leaves_no_fix_behind.hypothesis.inner_test(text)
    test_text_outside_the_fixed_spans_is_unchanged.hypothesis.inner_test(text)


def _brute_force_pick(fixes):
    """The first fix engine, quadratic: kept as the reference the fast one must agree with."""

    def clash(a, b):
        (s, e), (os_, oe) = a, b
        return (s < oe and os_ < e) or (s == e == os_ == oe)

    taken, edges = [], []
    for fix in sorted(set(fixes), key=lambda f: (f.edits[0].span.start, f.edits[-1].span.end, f.title)):
        spans = [(e.span.start, e.span.end) for e in fix.edits]
        if any(clash(span, edge) for span in spans for edge in edges):
            continue
        taken.append(fix)
        edges.extend(spans)
    return taken


@st.composite
def random_fixes(draw):
    fixes = []
    for index in range(draw(st.integers(0, 12))):
        cuts = sorted(draw(st.lists(st.integers(0, 30), min_size=1, max_size=4)))
        if len(cuts) % 2:
            cuts.append(cuts[-1])
        edits = [Edit(Span(a, b), "x") for a, b in zip(cuts[::2], cuts[1::2], strict=True)]
        try:
            fixes.append(Fix.safe(f"fix {index}", *edits))
        except ValueError:  # overlapping edits within one fix: not a valid fix
            continue
    return fixes


@settings(max_examples=300, deadline=None)
@given(random_fixes())
def test_fast_pick_agrees_with_the_reference(fixes):
    findings = [
        Finding(
            code="XX101",
            rule="x",
            category=Category.STYLE,
            severity=Severity.INFO,
            span=None,
            message="m",
            fix=f,
        )
        for f in fixes
    ]
    assert pick_fixes(findings, Applicability.SAFE) == _brute_force_pick(fixes)
