"""Substitution entries are visited only when the document holds a word every match needs."""

from __future__ import annotations

import re

from newslint.document import Document
from newslint.kinds.base import RuleHeader
from newslint.kinds.needs import pattern_needs, whole_word
from newslint.kinds.patterns import check_syntax
from newslint.kinds.substitution import Substitution

HEADER = RuleHeader(
    source="x.toml",
    code="XX001",
    message="`{found}`",
    scope="text",
    skip_quotes=False,
    fix=None,
    fix_title="",
)


def _words(pattern: str) -> set[str | None]:
    source = rf"(?<!\w)(?:{pattern})(?!\w)"
    condition = pattern_needs(check_syntax(source, re.IGNORECASE), re.IGNORECASE)
    assert condition is not None
    return {whole_word(part) for part in condition.common}


def test_a_word_needs_a_non_word_character_after_it_in_the_pattern() -> None:
    assert "heart" in _words(r"heart\s+(?:attack|assault)")
    assert _words(r"tin(?=\s+be)") == {"tin"}
    assert _words(r"in\b") == {"in"}
    assert _words(r"pleas(?:e|ed)") == {None}  # "pleas" may go on as "please"
    assert _words(r"x(?=y)") == {None}


def test_entries_without_their_key_word_are_skipped_and_the_rest_keep_their_order() -> None:
    rule = Substitution(
        {"regex": True, "swap": {r"heart\s+assault": "heart attack", r"pleas(?:e|ed)x": "y", "b c": "d"}},
        HEADER,
    )
    assert rule.unkeyed == [1]
    doc = Document("A heart assault, b c.")
    assert [expected for _pattern, expected in rule._possible(doc)] == ["heart attack", "d"]
    assert [v.span for v in rule.violations(doc, {})] == [v.span for v in rule.violations(doc, {})]
