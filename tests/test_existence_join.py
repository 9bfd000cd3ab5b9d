"""A whole-line existence rule skips re-checking its joined patterns only when that is exact."""

from __future__ import annotations

import pytest

from newslint.errors import RulePackError
from newslint.kinds.base import RuleHeader
from newslint.kinds.existence import Existence
from newslint.kinds.patterns import check_syntax

HEADER = RuleHeader(
    source="x.toml",
    code="XX001",
    message="`{found}`",
    scope="line",
    skip_quotes=False,
    fix=None,
    fix_title="",
)


@pytest.mark.parametrize(
    "patterns",
    [
        ["a", "(?i)b"],  # a global flag opens only the first alternative
        ["(?P<n>a)", "(?P<n>b)"],  # a group name defined twice
    ],
)
def test_patterns_valid_alone_but_not_joined_still_fail_on_load(patterns: list[str]) -> None:
    for pattern in patterns:
        check_syntax(pattern, 0)
    with pytest.raises(RulePackError, match="invalid regular expression"):
        Existence({"patterns": patterns, "whole": True}, HEADER)


def test_plain_patterns_join_without_a_second_check() -> None:
    rule = Existence({"patterns": [r"Read more\b.*", r"(?<!x)Share (?:this|on)"], "whole": True}, HEADER)
    assert rule.pattern is not None and rule.pattern.fullmatch("  share this ") is not None


def test_width_from_the_alternatives_is_the_joined_patterns() -> None:
    from newslint.kinds.existence import _max_width

    for patterns in (["ab.{0,9}", "c+"], ["ab.{0,9}", "(?:x|yz){2}"]):
        rule = Existence({"patterns": patterns, "whole": True}, HEADER)
        assert rule._pattern_width() == _max_width(rule._patterns_body, 2)


def test_patterns_tried_alone_find_what_the_alternation_finds() -> None:
    from newslint.document import Document
    from newslint.kinds.existence import SINGLE_PATTERN_DOCUMENTS

    rule = Existence({"patterns": [r"Read more\b.{0,20}", r"Share (?:this|on)"], "whole": True}, HEADER)
    text = "Title\n\n  Read more: here \nShare on\nShare onto\nShare this now\n"
    found = [list(rule.violations(Document(text), {})) for _ in range(SINGLE_PATTERN_DOCUMENTS + 2)]
    assert rule.line_needs is None  # the alternation took over
    assert all(f == found[0] for f in found) and len(found[0]) == 2


def test_joins_as_is_sees_unescaped_groups_and_references() -> None:
    from newslint.kinds.patterns import joins_as_is

    assert joins_as_is([r"\(?\d+", r"(?:a|b)(?=c)(?<!d)", r"\\\(?i"])
    for pattern in (r"a(?i)b", r"\\(?i)", r"(?P<n>a)", r"a\1", r"(?(1)a|b)", r"[(?i]"):
        assert not joins_as_is([pattern]), pattern


def test_ui_lines_tried_alternative_by_alternative_match_as_the_one_regex() -> None:
    import re

    from newslint.scrape_structure import _RestLines

    alternatives = [
        r"(?:Read more\s*:\s*\S.{0,20})",
        r"(?:\d+\s+minutes?\s+ago)",
        r"(?:Share on (?:X|Facebook))",
    ]
    combined = re.compile(r"\s*(?:" + "|".join(alternatives) + r")\s*", re.IGNORECASE)
    lines = [
        "  read more: the rest ",
        "5 minutes ago",
        "five minutes ago",
        "Share on X",
        "Share on Xbox",
        "x",
    ]
    for trial in (True, False):
        rest = _RestLines(alternatives)
        rest.left = len(lines) if trial else 0
        assert [rest.fullmatch(line) for line in lines] == [
            combined.fullmatch(line) is not None for line in lines
        ]
