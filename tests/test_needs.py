"""The exact prefilters of the declarative kinds (kinds/needs.py): they may only skip what cannot match."""

from __future__ import annotations

import functools
import re
import sys
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.kinds.needs import ASCII_EQUIVALENTS, TextIndex, fold, literal_words, pattern_needs
from newslint.kinds.patterns import IGNORECASE, check_syntax


def test_the_fold_table_holds_every_character_re_matches_to_ascii() -> None:
    every = "".join(chr(c) for c in range(128, sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    found = {}
    for code in range(128):
        for match in re.finditer(re.escape(chr(code)), every, re.IGNORECASE):
            found[match.group()] = chr(code).lower()
    assert found == ASCII_EQUIVALENTS


def test_folding_keeps_length_and_word_characters() -> None:
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    folded = fold(every)
    assert len(folded) == len(every)
    word = re.compile(r"\w")
    assert [bool(word.match(c)) for c in folded] == [bool(word.match(c)) for c in every]


KEYS = [
    r"ace(?=\s+in\s+(?:two|three|\d+)\b)",
    r"(?<=[Ss]tage )ace\b",
    r"(evacuation|shopping|call|emergency operations)\s+heart\b",
    r"hebdomads?",
    r"(?:moldiness|mustiness)(?=\s+(?:be|not)\b)",
    r"\b(?i:an?|the)\s+monday",
    r"(?<=will )autumn\b|(?<=to )autumn(?=\s+(?:by|to)\b)",
    r"kind\s+([12])\s+diabetes",
    r"early[- ]degree",
    r"([A-Za-z]+)(?=\s+due\s+south\b)(?<!\bpoint)\s+due\s+south",
    r"tin",
    r"Tin\b",
    r"\bcafé",
    r"-old\b",
    r"(?:ab)+c",
    r"x{0,3}yz",
    r"©\s*\d{4}",
    r"(?:©|\(c\)|Copyright)\s*2024",
    r"Next\s+»",
    r"stra(?:ß|ss)e",
]
TEXTS = st.text(
    alphabet=st.sampled_from(list("aceintyzSTsuhdo -\u0131\u0130\u017f\u212aK_1()é©»ß2C")), max_size=40
)


@settings(max_examples=300, derandomize=True, deadline=None)
@given(text=TEXTS, flags=st.sampled_from([0, IGNORECASE]), key=st.sampled_from(KEYS))
def test_a_pattern_never_matches_where_its_needs_are_missing(text: str, flags: int, key: str) -> None:
    source = rf"(?<!\w)(?:{key})(?!\w)"
    condition = pattern_needs(check_syntax(source, flags), flags)
    if condition is not None and re.search(source, text, flags):
        assert condition.holds(TextIndex(text), whole_text=True)


@pytest.mark.parametrize(
    ("key", "text"),
    [
        ("tin", "Tin mines. Can we tin?"),
        ("ace", "face ace"),
        ("ace", "ACE"),
        ("kiss", "KI\u017f\u017f"),
        ("kin", "\u212a\u0130N"),
    ],
)
def test_needs_are_met_where_the_pattern_matches(key: str, text: str) -> None:
    source = rf"(?<!\w)(?:{key})(?!\w)"
    condition = pattern_needs(check_syntax(source, IGNORECASE), IGNORECASE)
    assert re.search(source, text, IGNORECASE)
    assert condition is not None and condition.holds(TextIndex(text), whole_text=True)


def test_needs_skip_texts_without_the_word() -> None:
    source = r"(?<!\w)(?:ace(?=\s+in\b))(?!\w)"
    condition = pattern_needs(check_syntax(source, IGNORECASE), IGNORECASE)
    assert condition is not None
    assert not condition.holds(TextIndex("The place to race."), whole_text=True)
    assert condition.holds(
        TextIndex("The place to race."), whole_text=False
    )  # a scope may start inside a word


@settings(max_examples=300, derandomize=True, deadline=None)
@given(text=TEXTS, phrase=st.sampled_from(["tin", "kiss", "year-old", "ace in", "_1 a", "S"]))
def test_a_literal_phrase_never_matches_where_its_words_are_missing(text: str, phrase: str) -> None:
    body = r"\s+".join(re.escape(p) for p in phrase.split())
    if re.search(rf"(?<!\w)(?:{body})(?!\w)", text, re.IGNORECASE):
        words = literal_words(phrase)
        assert words is not None
        assert all(w.lower() in TextIndex(text).folded_words for w in words)
    if re.search(rf"(?<!\w)(?:{body})(?!\w)", text):
        assert all(w in TextIndex(text).words for w in literal_words(phrase) or ())


def _pack_keys() -> list[tuple[str, int]]:
    import tomllib

    from newslint.builtin.packs import builtin_rules_root

    keys = []
    for path in sorted((builtin_rules_root() / "translate").iterdir(), key=lambda p: p.name):
        spec = tomllib.loads(path.read_text(encoding="utf-8"))
        if spec.get("kind") == "substitution" and spec.get("regex"):
            flags = IGNORECASE if spec.get("ignore-case", True) else 0
            keys.extend((key, flags) for key in spec["swap"])
    return keys


PACK_KEYS = _pack_keys()
VOCABULARY = sorted({w for key, _ in PACK_KEYS for w in re.findall(r"[A-Za-z]{2,}", key)})
CHECKED = [
    (re.compile(source, flags), pattern_needs(check_syntax(source, flags), flags))
    for source, flags in ((rf"(?<!\w)(?:{key})(?!\w)", flags) for key, flags in PACK_KEYS)
]
SEPARATORS = [" ", "  ", "-", "'", "s ", ". ", "\n", "2 ", "x"]


@settings(max_examples=400, derandomize=True, deadline=None)
@given(
    words=st.lists(st.tuples(st.sampled_from(VOCABULARY), st.sampled_from(SEPARATORS)), max_size=8),
    upper=st.booleans(),
)
def test_the_shipped_regex_keys_never_match_where_their_needs_are_missing(
    words: list[tuple[str, str]], upper: bool
) -> None:
    text = "".join(w + s for w, s in words)
    text = text.upper() if upper else text
    index = TextIndex(text)
    for pattern, condition in CHECKED:
        if condition is not None and pattern.search(text):
            assert condition.holds(index, whole_text=True), (pattern.pattern, text)


@functools.cache
def _linter() -> Any:
    from newslint.app import Linter

    return Linter(isolated=True, autoload=False)


_WHOLE_LINE_SAMPLES = [
    "Hide caption",
    "HIDE   CAPTION",
    "hıde caption",
    "Advertisement",
    "ADVERTİSEMENT",
    "Publicité",
    "PUBLICITÉ",
    "Share this: Facebook Twitter WhatsApp Email",
    "ſhare on Facebook, Share on X",
    "Leave a Reply",
    "12 comments",
    "Comments (4)",
    "© 2024 Herald. All rights reserved.",
    "We use cookies to improve your experience.",
    "READ MORE: Festival unveils its line-up",
    "read more: festival",
    "Next »",
    "Home › News › Local",
    "Loading…",
    "Tags: council, roads",
    "Posted in Uncategorized",
    "Source: Reuters",
    "The council met on Monday to discuss the budget.",
    "  Advertisement  ",
]


@settings(max_examples=150, derandomize=True, deadline=None)
@given(lines=st.lists(st.sampled_from(_WHOLE_LINE_SAMPLES), min_size=1, max_size=8))
def test_whole_line_rules_flag_exactly_the_lines_their_alternations_fullmatch(lines: list[str]) -> None:
    from newslint.document import Document

    linter = _linter()
    text = "\n".join(lines) + "\n"
    document = Document(text=text)
    for item in linter.selection_for(linter.config_for(None), None).rules:
        kind = item.check
        if not getattr(kind, "whole", False):
            continue
        got = [document.line_index(v.span.start) for v in kind.violations(document, {})]
        expected = [
            index
            for index, span in enumerate(document.lines)
            if text[span.start : span.end].strip()
            and (
                (kind.literal is not None and kind.literal.fullmatch(text[span.start : span.end]))
                or (kind.pattern is not None and kind.pattern.fullmatch(text[span.start : span.end]))
            )
            and not any(e.search(text[span.start : span.end]) for e in kind.exceptions)
        ]
        assert got == expected, item.code


def _substitution(scope: str, regex: bool, ignore_case: bool) -> Any:
    from newslint.kinds.base import RuleHeader
    from newslint.kinds.substitution import Substitution

    swap = (
        {r"ace(?=\s+in\b)": "one", r"(?<=\bdue )south": "S", r"hebdomads?": "week", r"t(?:in|on)": "x"}
        if regex
        else {"ace in": "one in", "due south": "south", "tin": "can", "year-old": "x", "Cafe": "y"}
    )
    header = RuleHeader(
        source="t.toml",
        code="TT701",
        message="`{found}`",
        scope=scope,
        skip_quotes=False,
        fix=None,
        fix_title="",
    )
    return Substitution({"swap": swap, "regex": regex, "ignore-case": ignore_case}, header)


SCOPED_TEXTS = st.lists(
    st.sampled_from(
        [*"acein tosuhdTAE\n.-\u0131\u017f", "ace in", "due south", "tin", "year-old", ". ", "\n\n"]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=300, derandomize=True, deadline=None)
@given(
    text=SCOPED_TEXTS,
    scope=st.sampled_from(["text", "line", "paragraph", "sentence"]),
    regex=st.booleans(),
    ignore_case=st.booleans(),
)
def test_substitution_prefilters_change_no_finding(
    text: str, scope: str, regex: bool, ignore_case: bool
) -> None:
    from newslint.document import Document

    kind = _substitution(scope, regex, ignore_case)
    document = Document(text=text)
    got = [(v.span, v.message) for v in kind.violations(document, {})]
    kind.needs = []  # no prefilter: every key searched in every scope
    assert got == [(v.span, v.message) for v in kind.violations(Document(text=text), {})]
