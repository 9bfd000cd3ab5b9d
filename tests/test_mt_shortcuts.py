"""The shortcuts of the MT and name rules give exactly what the plain code gives.

Each speed-up (a literal cue before a regex, a search without its leading ``\\b``, a
string test for a possessive, per-token facts computed once) must be invisible in the
output; these tests compare it with the straightforward version on tricky inputs.
"""

from __future__ import annotations

import itertools
import random
import re

import pytest

from newslint.builtin import (
    translate_agreement,
    translate_garble,
    translate_honorific,
    translate_spin,
    translate_tense,
    translate_untranslated,
)
from newslint.document import Document
from newslint.mt_lexicon import (
    analyse,
    finditer_where,
    joined_by_space,
    lowered_for_scan,
    without_leading_boundary,
)
from newslint.namefold import strip_possessive

_POSSESSIVE = re.compile(r"(?:[’']s|(?<=s)[’'])$")


def _random_texts(pieces: list[str], count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    glue = ["", " ", " ", "  ", "\n", ", ", "-", "_"]
    return [
        "".join(rng.choice(pieces) + rng.choice(glue) for _ in range(rng.randint(1, 10)))
        for _ in range(count)
    ]


def test_strip_possessive_matches_the_regex() -> None:
    words = ["Towne's", "Towne’s", "Jones'", "Jones’", "s'", "'s", "'", "s", "", "ss''", "X's\n", "Jones'\n"]
    words += _random_texts(["s", "'", "’", "a", "\n", "S"], 3000, seed=1)
    for word in words:
        assert strip_possessive(word) == _POSSESSIVE.sub("", word), repr(word)


@pytest.mark.parametrize(
    "pattern",
    [
        translate_honorific.TITLE_ON_ORG_RE,
        translate_honorific.doubled_title_re(),
        translate_honorific.foreign_honorific_re(),
    ],
)
def test_search_without_boundary_finds_the_same_matches(pattern: re.Pattern[str]) -> None:
    pieces = ["Mr", "Mr.", "Dr", "Herr", "XHerr", "Sir", "Minister", "of", "the", "Transport", "said"]
    pieces += ["Ministry", "Agency", "Post", "Court", "Eng.", "Mme.", "Señor", "Chief", "Tom", "Lee", "é"]
    candidates = without_leading_boundary(pattern)
    for text in _random_texts(pieces, 4000, seed=2):
        expected = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in finditer_where(pattern, candidates, text)] == expected


def test_doubled_title_candidates_find_the_same_matches() -> None:
    pattern = translate_honorific.doubled_title_re()
    candidates = translate_honorific._doubled_title_candidates()
    pieces = ["Mr", "Mr.", "Mrs", "Ms.", "Madame", "XSir", "Sir", "Dame", "Minister", "Dr", "Dr.", "Chair"]
    pieces += ["Chairman", "of", "the", "Transport", "said", "Tom", "é", "told", "Vice"]
    for text in _random_texts(pieces, 4000, seed=5):
        expected = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in finditer_where(pattern, candidates, text)] == expected
        assert bool(expected) <= bool(candidates.search(text))


def test_foreign_honorific_starts_find_the_same_matches() -> None:
    pattern = translate_honorific.foreign_honorific_re()
    # Every literal alternative of the pattern, cut into its words, plus text around them.
    words = re.sub(r"\(\?P<\w+>|\(\?[:<!=]+|\\[sbwd]|[()\[\]?+*{}^$]", "|", pattern.pattern)
    pieces = [w.replace("\\", "") for w in words.split("|") if w.strip()]
    pieces += ["Tom", "Lee", "Émile", "van", "Rijn", "x", "ş", "a", "1", "-", "Г", "г", "hab.", "ssa", "ra"]
    starts = translate_honorific.foreign_title_starts_re()
    for text in _random_texts(pieces, 6000, seed=6):
        expected = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in finditer_where(pattern, starts, text)] == expected, text


def test_foreign_script_regex_is_the_original_class() -> None:
    pattern = translate_untranslated.foreign_script_re()
    for code in [*range(0x300, 0xE000, 7), *range(0x3040, 0x3100), 0x036F, 0x0370, 0xD7AF, 0xD7B0, 0xE000]:
        if 0xD800 <= code < 0xE000:
            continue
        inside = any(ord(low) <= code <= ord(high) for low, high in translate_untranslated._SCRIPT_RANGES)
        assert bool(pattern.fullmatch(chr(code))) == inside, hex(code)
        assert not chr(code).isascii()


def test_lowered_scan_finds_every_case_insensitive_match() -> None:
    pattern = translate_agreement._MASS_RE
    pieces = [*translate_agreement.MASS_NOUN_PLURALS, "Informations", "ADVICES", "researches", "x", "é", "ǅ"]
    for text in _random_texts(pieces, 4000, seed=3):
        lowered = lowered_for_scan(text)
        assert lowered is not None and len(lowered) == len(text)
        found = finditer_where(pattern, translate_agreement._mass_lower_candidates(), text, lowered)
        assert [m.span() for m in found] == [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize("letter", ["\u0130", "\u0131", "\u017f", "\u212a"])
def test_lowered_scan_refuses_letters_that_fold_to_ascii(letter: str) -> None:
    assert re.search("s|i|k", letter, re.IGNORECASE)
    assert lowered_for_scan(f"many advice{letter} here") is None


def test_every_garble_match_holds_a_cue() -> None:
    examples = translate_garble.garbled_word_order.examples
    texts = [*examples.flag, *examples.pass_]
    texts += _random_texts(
        ["that", "this", "is", "was", "small", "the", "market", "more", "of", "sun", "absorbs."], 3000, 4
    )
    for pattern in translate_garble.PATTERNS:
        assert pattern.cues
        for text in texts:
            if pattern.regex.search(text):
                assert any(cue in text for cue in pattern.cues), (pattern.problem, text)


def test_ambiguous_spin_cues_cover_every_form() -> None:
    for form in translate_spin.AMBIGUOUS_SPINS:
        assert any(all(cue in form for cue in cues) for cues in translate_spin._AMBIGUOUS_CUES), form
    letters = {ch for cues in translate_spin._AMBIGUOUS_CUES for cue in cues for ch in cue}
    assert not letters & {"i", "k", "s"}


def test_token_facts_agree_with_the_plain_tests() -> None:
    text = "He said  so.\tThen\n“It is,” she said -- twice, Dr. Ann\u00a0Lee agreed.\n\n- a list item\n"
    doc = Document(text)
    facts = analyse(doc)
    tokens = facts.tokens
    assert facts.lower == tuple(t.text.lower() for t in tokens)
    expected = (*(joined_by_space(doc, a, b) for a, b in itertools.pairwise(tokens)), False)
    assert tuple(facts.spaced) == expected
    assert [facts.spaced[i - len(tokens)] for i in range(len(tokens))] == list(expected)
    with pytest.raises(IndexError):
        facts.spaced[len(tokens)]
    for word in {*facts.words, "said", "Said", "x"}:
        assert facts.lower_count(word) == facts.lower_counts.get(word, 0)
        assert facts.cap_mid_count(word) == facts.cap_mid_counts.get(word, 0)


def test_mass_noun_substring_test_equals_the_candidate_scan() -> None:
    # MT503 runs the candidate scan only when some plural is a substring of the text.
    candidates = translate_agreement._mass_lower_candidates()
    pieces = [*translate_agreement.MASS_NOUN_PLURALS, "information", "advice", "s", "es", "x", " "]
    pieces += [word[: len(word) // 2] for word in translate_agreement.MASS_NOUN_PLURALS]
    for text in _random_texts(pieces, 4000, seed=5):
        text = text.lower()
        assert bool(candidates.search(text)) == any(p in text for p in translate_agreement.MASS_NOUN_PLURALS)


def test_ambiguous_spin_words_cover_every_case_insensitive_match() -> None:
    # With a lowered_for_scan text, MT790 skips a document that lacks a word of every form.
    pieces = [word for form in translate_spin.AMBIGUOUS_SPINS for word in form.split()]
    pieces += ["YOU", "Lot", "CLOSING", "Year", "s", "ſ", "K", "İ", "ı", "close", "remain", "yrs", "x"]
    for text in _random_texts(pieces, 5000, seed=6):
        if translate_spin._AMBIGUOUS_RE.search(text):
            lowered = lowered_for_scan(text)
            if lowered is not None:
                assert any(all(w in lowered for w in words) for words in translate_spin._AMBIGUOUS_WORDS), (
                    text
                )


def test_garble_sentence_selection_equals_the_per_sentence_test() -> None:
    texts = _random_texts(
        ["that", "This", "is", " there ", "said.", "today", "The", "closest", "of", ". ", "\n\n", "“", "Dr."],
        3000,
        seed=7,
    )
    for text in texts:
        doc = Document(text)
        for pattern in translate_garble.PATTERNS:
            expected = {i for i, s in enumerate(doc.sentences) if any(c in doc[s] for c in pattern.cues)}
            assert translate_garble._sentences_holding(doc, pattern.cues) == expected, text


def test_garble_search_without_boundary_finds_the_same_matches() -> None:
    examples = translate_garble.garbled_word_order.examples
    sentences = [*examples.flag, *examples.pass_]
    words = [*sorted({w for text in sentences for w in text.split()}), "x_", "Said", "THAT"]
    rng = random.Random(8)
    texts = sentences + _random_texts(sentences, 500, seed=9)
    texts += [" ".join(rng.choice(words) for _ in range(rng.randint(3, 12))) for _ in range(3000)]
    matched = 0
    for pattern in translate_garble.PATTERNS:
        for text in texts:
            expected = [(m.span(), m.groupdict()) for m in pattern.regex.finditer(text)]
            got = [(m.span(), m.groupdict()) for m in translate_garble._finditer(pattern.regex, text)]
            assert got == expected, text
            matched += bool(expected)
    assert matched > 100


def test_finished_times_are_the_regex_matches() -> None:
    pieces = ["last", "Last", "week", "year", "ago", "two", "Two", "12", "days", "months", "yesterday"]
    pieces += ["Yesterday", "earlier", "Earlier", "this", "month", "blast", "x", "é", "3"]
    for text in _random_texts(pieces, 4000, seed=7):
        expected = [m.span() for m in translate_tense._FINISHED_TIME_RE.finditer(text)]
        assert [m.span() for m in translate_tense._finished_times(text)] == expected, text
