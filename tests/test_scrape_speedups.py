"""The scrape rules' shortcuts give exactly the results of the plain code they replace."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.builtin.scrape_duplicates import MIN_CHARS, MIN_TITLE_WORDS, MIN_WORDS, duplicate_line
from newslint.builtin.scrape_fragments import MAX_WORDS as MAX_FRAGMENT_WORDS
from newslint.builtin.scrape_joins import _best_split, _is_derivation, run_together_words
from newslint.builtin.scrape_print_encoding import (
    _gap_halves,
    _ligature_repair,
    _non_word_halves,
    everyday_ligature_words,
    ligature_gap,
)
from newslint.diagnostics import Span
from newslint.document import Document
from newslint.lexicon import data_text, zipf
from newslint.scrape_structure import is_caption_marker, is_hard_wrapped, is_known_ui_line


def reference_splits(doc: Document) -> dict[str, tuple[str, str]]:
    """SC702's original per-document loop: every distinct word judged afresh."""
    doc_words = frozenset([t.text for t in doc.tokens])
    splits: dict[str, tuple[str, str]] = {}
    for word in doc_words:
        if len(word) < 7 or not word.isalpha() or word in doc.accept:
            continue
        capitalised = word[0].isupper() and word[1:].islower()
        if not (word.islower() or capitalised) or zipf(word) > 0:
            continue
        if _is_derivation(word):
            continue
        split = _best_split(word, capitalised, doc_words)
        if split is not None and sum(t.text == word for t in doc.tokens) == 1:
            splits[word] = split  # a word spelled the same way twice is the writer's spelling
    return splits


WORDS = (
    "bakeriesand", "Hospitalsaw", "Northfield", "Northfieldresidents", "votedto", "overtourism",
    "FieldMote", "Springfield", "newsmakers", "cafes", "the", "Shops", "unhappy", "Reopened",
    "rebuilding", "Parkway", "Parkwayresidents", "ＦＵＬＬwidth", "Ǆemalsaid", "citiesand",
)  # fmt: skip
TEXTS = st.lists(
    st.tuples(st.sampled_from(WORDS), st.sampled_from((" ", ". ", "\n\n", ", "))), max_size=25
).map(lambda pairs: "".join(word + gap for word, gap in pairs))


@settings(max_examples=400, deadline=None)
@given(TEXTS, st.frozensets(st.sampled_from(WORDS), max_size=2))
def test_run_together_words_equal_the_plain_loop(text: str, accept: frozenset[str]) -> None:
    doc = Document(text, accept=accept)
    expected = reference_splits(doc)
    found = {
        doc[v.span]: v.fix.edits[0].span.start - v.span.start
        for v in run_together_words.run(doc, None)
        if v.fix
    }
    assert found == {word: len(left) for word, (left, _) in expected.items()}


def reference_duplicate_spans(doc: Document) -> list[tuple[int, int]]:
    """SC301's original loop: every line judged, duplicates found by a growing set of keys."""
    if is_hard_wrapped(doc):
        return []
    seen: set[str] = set()
    title_line = doc.title_line
    title = " ".join(doc.line_texts[title_line].split()) if title_line is not None else None
    if title is not None:
        seen.add(title)
    found = []
    for index, (line, text) in enumerate(zip(doc.lines, doc.line_texts, strict=True)):
        split = text.split()
        if index == title_line or not split:
            continue
        key = " ".join(split)
        if key != title and (len(key) < MIN_CHARS or len(split) < MIN_WORDS):
            continue
        if is_caption_marker(text) or is_known_ui_line(text):
            continue
        if index in doc.heading_lines and not (key == title and len(split) >= MIN_TITLE_WORDS):
            continue
        if key not in seen:
            seen.add(key)
            continue
        lead = len(text) - len(text.lstrip())
        span = Span(line.start + lead, line.start + len(text.rstrip()))
        if not doc.is_ignored(span):
            found.append((span.start, span.end))
    return found


LINES = (
    "The board set aside $400,000 for a relief fund for shops near the bridge.",
    "The board  set aside $400,000 for a relief fund for shops near the bridge. ",
    "Harbour bridge to close for a year",
    "Council votes on the harbour bridge plan",
    "We shall not be moved.",
    "Photo: Ruth Okoye/Tidewater Herald",
    "Advertisement",
    "Update",
    "## Update",
    "",
    "\t",
)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(LINES), max_size=14), st.sampled_from(("\n", "\n\n")))
def test_duplicate_lines_equal_the_plain_loop(lines: list[str], gap: str) -> None:
    doc = Document(gap.join(lines) + "\n")
    found = [(v.span.start, v.span.end) for v in duplicate_line.run(doc, None)]
    assert found == reference_duplicate_spans(doc)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab \t\n\u00a0\u2003.")), max_size=20))
def test_split_with_a_limit_counts_words_past_the_limit(text: str) -> None:
    # SC501 rejects a line of more than MAX_WORDS words without splitting it all.
    assert (len(text.split(None, MAX_FRAGMENT_WORDS)) > MAX_FRAGMENT_WORDS) == (
        len(text.split()) > MAX_FRAGMENT_WORDS
    )


def test_shipped_ligature_words_are_the_lexicon_s() -> None:
    shipped = data_text("ligature_words.txt").split()
    assert shipped == everyday_ligature_words()  # rebuild with scripts/build_ligature_words.py


def test_every_repairable_gap_holds_a_non_word_half() -> None:
    # SC706 skips a document holding none of the halves: exact only if every gap it could
    # repair has one, in any capitalisation of the left half.
    halves = _non_word_halves()
    checked = 0
    for word in data_text("ligature_words.txt").split():
        for left, right in _gap_halves(word):
            for shown in {left, left.capitalize(), left.upper()}:
                if _ligature_repair(shown, right) is not None:
                    checked += 1
                    assert left in halves or right in halves, (shown, right)
    assert checked > 400


def test_ligature_gap_prefilter_keeps_every_finding() -> None:
    text = "Council o cers and E ect. signi cant, Su cient Di erent stu ed the o ce.\n"
    doc = Document(text)
    found = [doc[v.span] for v in ligature_gap.run(doc)]
    pairs = re.finditer(r"\b([A-Za-z]+) (?=([a-z]+)\b)", text)
    expected = [f"{m[1]} {m[2]}" for m in pairs if _ligature_repair(m[1], m[2]) is not None]
    assert found == expected and len(found) >= 6
