"""The hot-path shortcuts give exactly the results of the plain code they replace."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.document import Document
from newslint.kinds.existence import _first_char_check, _max_width
from newslint.segment import quote_spans

_DOUBLE_QUOTES = {"“": "”", "„": "”", "«": "»"}


def reference_quote_spans(text, start, end):
    """The original character-by-character scan."""
    i = start
    while i < end:
        char = text[i]
        if char in _DOUBLE_QUOTES:
            close = text.find(_DOUBLE_QUOTES[char], i + 1, end)
            stop = end if close < 0 else close + 1
            yield (i, stop)
            i = stop
        elif char == '"':
            close = text.find('"', i + 1, end)
            stop = end if close < 0 else close + 1
            yield (i, stop)
            i = stop
        else:
            i += 1


QUOTEY = st.text(alphabet=st.sampled_from(list('ab “”„«»" .\n')), max_size=60)


@settings(max_examples=300, deadline=None)
@given(QUOTEY, st.integers(0, 60), st.integers(0, 60))
def test_quote_spans_equal_reference(text, a, b):
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    assert list(quote_spans(text, start, end)) == list(reference_quote_spans(text, start, end))


TOKENS = ["Hide caption", "Share", "ſkip", "Ünterschrift", "[Ad]", "K-pop", "-- more --"]
LINES = st.text(alphabet=st.sampled_from(list("HhSsſKkÜü[]-Ad ecaptionrmo\t")), max_size=20)


@settings(max_examples=500, deadline=None)
@given(LINES, st.booleans())
def test_first_char_check_never_rejects_a_match(line, ignore_case):
    from newslint.kinds.base import literal_alternation

    flags = re.IGNORECASE if ignore_case else 0
    full = re.compile(rf"\s*(?:{literal_alternation(TOKENS)})\s*", flags)
    check = _first_char_check(TOKENS, flags)
    assert check is not None
    if full.fullmatch(line):
        assert check.match(line)


def test_max_width():
    assert _max_width(r"(?:Hide|Show) caption", 0) == 12
    assert _max_width(r".{0,80}cookies.{0,20}", 0) == 107
    assert _max_width(r"Share\s*:?\s*", 0) == -1
    assert _first_char_check(["", "x"], 0) is None


_LINTERS = []


def _linter():
    from newslint.app import Linter

    if not _LINTERS:
        _LINTERS.append(Linter(isolated=True, autoload=False))
    return _LINTERS[0]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Hide caption",
                "  Advertisement ",
                "",
                "Share this: Facebook Twitter",
                "Text of a long paragraph that goes on, and on.",
                "© 2024 Herald. All rights reserved.",
            ]
        ),
        max_size=12,
    )
)
def test_whole_line_rules_match_plain_fullmatch(lines):
    """Every whole-line rule flags exactly the lines its regexes fullmatch."""
    linter = _linter()
    text = "\n".join(lines)
    document = Document(text=text)
    config = linter.config_for(None)
    for rule in linter.selection_for(config, None).rules:
        kind = rule.check
        if not getattr(kind, "whole", False):
            continue
        got = [v.span for v in kind.violations(document, {})]
        expected = []
        for index, span in enumerate(document.lines):
            line = text[span.start : span.end]
            if not line.strip() or (kind.max_words and len(line.split()) > kind.max_words):
                continue
            if not (
                (kind.literal and kind.literal.fullmatch(line))
                or (kind.pattern and kind.pattern.fullmatch(line))
            ):
                continue
            if any(e.search(line) for e in kind.exceptions):
                continue
            expected.append(index)
        assert [document.line_index(s.start) for s in got] == expected, rule.code
