"""The gate in front of ftfy's badness regex must never hide a line that regex matches."""

from __future__ import annotations

import itertools
import re

import ftfy.badness
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.badness_gate import gate_for
from newslint.builtin.scrape_encoding import _BadnessTest

BADNESS_RE = ftfy.badness.BADNESS_RE
GATE = gate_for(BADNESS_RE)


def _regex_chars() -> str:
    """Every character ftfy's regex names, plus ASCII and the punctuation of edited copy."""
    named = {c for c in BADNESS_RE.pattern if not c.isspace()}
    for low, high in re.findall(r"(.)-(.)", BADNESS_RE.pattern):
        if ord(high) - ord(low) < 512:
            named.update(map(chr, range(ord(low), ord(high) + 1)))
    return "".join(sorted(named | set(" \t-'\"aeZ09.,"))) + "’“”—–…é£€"


ALPHABET = _regex_chars()


def test_ftfy_regex_has_a_gate_that_lets_ordinary_copy_through_unsearched() -> None:
    assert GATE is not None
    for line in ("“We’re done — for now,” she said…", "A $4 million deal – in 2024", "plain ASCII text"):
        assert GATE.search(line) is None
    for line in ("The chainâ€™s chief", "cafÃ©s in Utrecht", "a deal â€” the first"):
        assert GATE.search(line) is not None
        assert ftfy.badness.is_bad(line)


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=12))
def test_a_line_the_gate_turns_away_never_matches(text: str) -> None:
    assert GATE is not None
    if GATE.search(text) is None:
        assert BADNESS_RE.search(text) is None


def test_no_pair_of_named_characters_slips_past_the_gate() -> None:
    assert GATE is not None
    # most alternatives are two characters long: try every pair, with and without a lead
    chars = [c for c in ALPHABET if GATE.search(c) is None]
    for a, b in itertools.product(chars, repeat=2):
        for text in (a + b, "a" + a + b, " " + a + b + "x"):
            assert BADNESS_RE.search(text) is None, text


def test_gate_takes_the_lightest_step_of_each_alternative() -> None:
    gate = gate_for(re.compile("[a-z][ÀÉ]|“[Ø]|x[¢]"))
    assert gate is not None
    assert sorted(set(gate.pattern) - {"[", "]"}) == sorted("¢ÀÉØ")


@pytest.mark.parametrize(
    "pattern",
    [
        re.compile("[^a-z]|à"),  # an alternative whose one step is a negated set
        re.compile(r"\w|à"),  # ... or a category
        re.compile("é|(?:àb)+"),  # ... or a repeated group
        re.compile("é|à", re.IGNORECASE),  # case folding widens every set
    ],
)
def test_no_gate_where_an_alternative_has_no_plain_step(pattern: re.Pattern[str]) -> None:
    assert gate_for(pattern) is None


def test_a_plain_step_beside_a_negated_one_still_gates() -> None:
    gate = gate_for(re.compile("[^a-z]é|à"))
    assert gate is not None
    assert gate.search("é") and gate.search("à") and not gate.search("e")


def test_badness_test_answers_as_ftfy_before_and_after_the_gate() -> None:
    lines = ["“Quoted” copy — fine", "The chainâ€™s chief", "cafÃ©s", "ASCII only", "Tromsø’s café"] * 40
    test = _BadnessTest()
    answers = [test(line) for line in lines]
    assert test.gate is not None  # built once enough lines went to ftfy
    assert answers == [(not line.isascii()) and ftfy.badness.is_bad(line) for line in lines]
