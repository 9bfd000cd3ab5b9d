"""Default segmentation of article text: pure functions of ``str`` returning offsets.

Extracted news text puts one paragraph on a line with blank lines between them, so a
"block" (a run of non-blank lines) is usually one paragraph; a block of several short
lines is a list. Sentence splitting knows the abbreviations, initials and datelines
of news copy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache

LINE_BREAK_RE = re.compile(r"\r\n|\r|\n")

# Abbreviations that end with a full stop but rarely end a sentence in news copy.
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "sr",
        "jr",
        "gov",
        "sen",
        "rep",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "cmdr",
        "adm",
        "maj",
        "brig",
        "cpl",
        "pvt",
        "rev",
        "fr",
        "hon",
        "pres",
        "supt",
        "insp",
        "det",
        "cllr",
        "mt",
        "ft",
        "ave",
        "blvd",
        "rd",
        "no",
        "nos",
        "vol",
        "vols",
        "fig",
        "figs",
        "vs",
        "v",
        "etc",
        "inc",
        "corp",
        "ltd",
        "co",
        "bros",
        "dept",
        "univ",
        "est",
        "approx",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        "al",
        "e.g",
        "i.e",
        "ph.d",
        "a.m",
        "p.m",
        "u.s",
        "u.k",
        "u.n",
        "e.u",
    ]
)
# After these, a capitalised word may still start a new sentence ("at 10 p.m. Turnout").
AMBIGUOUS_ABBREVIATIONS = frozenset({"a.m", "p.m", "u.s", "u.k", "u.n", "e.u", "etc", "inc", "co"})
# Words that almost always open a sentence when capitalised after an ambiguous abbreviation.
SENTENCE_OPENERS = frozenset(
    [
        "the",
        "a",
        "an",
        "it",
        "he",
        "she",
        "they",
        "we",
        "i",
        "this",
        "that",
        "these",
        "those",
        "there",
        "his",
        "her",
        "their",
        "its",
        "in",
        "on",
        "at",
        "but",
        "and",
        "or",
        "so",
        "yet",
        "after",
        "before",
        "when",
        "while",
        "if",
        "as",
        "turnout",
    ]
)

_SENTENCE_END_RE = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])")
_WORD_BEFORE_RE = re.compile(r"([A-Za-z][A-Za-z.]*)[.]$")
_FOLLOWING_WORD_RE = re.compile(r"\s+[\"“]?([A-Za-z]+)")
_HEADING_STOPS = ".!?…:;,"
_HEADING_CLOSERS = "'\"”’)"
_BULLET_MARKS = "[-*•–·]"  # the marks a list item may start with, as a character class
_BULLET_RE = re.compile(rf"^\s*(?:{_BULLET_MARKS}\s+|\d{{1,3}}[.)]\s+|\(\w\)\s+)")
_DATELINE = r"""^(?:[A-Z][A-Z'’.\-]*(?:\s+[A-Z][A-Z'’.\-]*){0,3})      # CITY IN CAPITALS
        (?:,\s+[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,3}){0,2}  # , Region, Country
        \s*(?:\([A-Za-z .&]{2,30}\)\s*)?                          # (AFP)
        (?:[–—]|--?)\s+"""


@cache
def _dateline_re() -> re.Pattern[str]:
    return re.compile(_DATELINE, re.VERBOSE)  # on first use (~2 ms): most paragraphs fail the test before it


_DOUBLE_QUOTES = {"“": "”", "„": "”", "«": "»"}
_QUOTE_OPEN_RE = re.compile('[“„«"]')


def line_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of every line, without its line break."""
    if "\r" not in text:  # only "\n" breaks: str.split finds the same lines without a regex
        spans = []
        start = 0
        for line in text.split("\n"):
            end = start + len(line)
            spans.append((start, end))
            start = end + 1
        return spans
    spans = []
    start = 0
    for match in LINE_BREAK_RE.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def blocks(text: str, lines: list[tuple[int, int]]) -> list[list[int]]:
    """Group line indexes into runs of non-blank lines."""
    groups: list[list[int]] = []
    current: list[int] = []
    for index, (start, end) in enumerate(lines):
        if text[start:end].strip():
            current.append(index)
        elif current:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


def is_bullet(line: str) -> bool:
    return bool(_BULLET_RE.match(line))


# A list bullet as scraped pages and Markdown write it: a mark, then spaces (the bullets
# above, less the numbered ones: "3 comments" is no list item).
_MARK_BULLET_RE = re.compile(rf"[^\S\n]*{_BULLET_MARKS}[^\S\n]+(?=\S)")


def mark_bullet_width(line: str) -> int:
    """The length of the list bullet (a mark and its spaces) that ``line`` starts with, or 0."""
    found = _MARK_BULLET_RE.match(line)
    return found.end() if found is not None else 0


def is_heading_like(line: str, max_words: int = 16) -> bool:
    """Say whether a standalone line reads as a headline or subheading."""
    stripped = line.strip()
    if not stripped or (not stripped[0].isupper() and not stripped[0].isdigit()):
        return False
    # A line ending in a stop, or a stop and closing marks, is a sentence, not a heading.
    bare = stripped.rstrip(_HEADING_CLOSERS)
    if bare and bare[-1] in _HEADING_STOPS and not stripped.endswith("?"):
        return False
    words = stripped.split()
    return len(words) <= max_words and any(c.isalpha() for c in stripped)


def dateline_length(paragraph: str) -> int:
    """Return the length of a leading dateline ("SEOUL, South Korea – "), or 0."""
    # The city opens with an ASCII capital, and no lower-case letter can follow it.
    if not ("A" <= paragraph[:1] <= "Z") or paragraph[1:2].islower():
        return 0
    match = _dateline_re().match(paragraph)
    if not match:
        return 0
    head = match.group(0)
    letters = [c for c in head.split(",")[0] if c.isalpha()]
    if len(letters) < 2 or not all(c.isupper() for c in letters):
        return 0
    return match.end()


def sentence_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Split ``text[start:end]`` (one paragraph) into sentences, yielding absolute spans."""
    return iter(sentence_list(text, start, end))


def sentence_list(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``sentence_spans`` as a list."""
    spans: list[tuple[int, int]] = []
    _add_sentences(spans, text, start, end)
    return spans


def paragraph_sentences(text: str, paragraphs: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences of every paragraph, in one list: the Document splits them all at once."""
    spans: list[tuple[int, int]] = []
    for start, end in paragraphs:
        _add_sentences(spans, text, start, end)
    return spans


def _add_sentences(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    # The regexes run on ``text`` between ``start`` and ``end``, which they treat as the
    # whole string (pos/endpos): the same matches as on the slice, without copying it.
    begin = start
    for match in _SENTENCE_END_RE.finditer(text, start, end):
        stop = match.end()
        if text[match.start()] == "." and not _ends_sentence(text, start, end, match.start(), stop):
            continue
        _add_trimmed(spans, text, begin, stop)
        begin = stop
    _add_trimmed(spans, text, begin, end)


def _ends_sentence(text: str, start: int, end: int, dot: int, stop: int) -> bool:
    before = _WORD_BEFORE_RE.search(text, max(start, dot - 12), dot + 1)
    if before is None:
        return True
    word = before.group(1).lower().rstrip(".")
    if len(word) == 1 and word.isalpha():  # an initial: "J. K. Rowling"
        return False
    if word not in ABBREVIATIONS:
        return True
    if word in AMBIGUOUS_ABBREVIATIONS:
        following = _FOLLOWING_WORD_RE.match(text, stop, end)
        return bool(following and following.group(1).lower() in SENTENCE_OPENERS)
    return False


def _add_trimmed(spans: list[tuple[int, int]], text: str, begin: int, stop: int) -> None:
    piece = text[begin:stop]
    stripped = piece.strip()
    if stripped:
        first = begin + len(piece) - len(piece.lstrip())
        spans.append((first, first + len(stripped)))


def quote_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Yield spans of double-quoted speech in one paragraph, quote marks included.

    A quotation left open at the end of the paragraph runs to its end, as news style
    does for quotes that continue in the next paragraph.
    """
    i = start
    while i < end:
        opening = _QUOTE_OPEN_RE.search(text, i, end)  # jump to the next opening mark
        if opening is None:
            return
        i = opening.start()
        close = text.find(_DOUBLE_QUOTES.get(opening.group(), '"'), i + 1, end)
        stop = end if close < 0 else close + 1
        yield (i, stop)
        i = stop


def paragraph_quotes(text: str, paragraphs: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """``quote_spans`` of every paragraph, in one list."""
    spans: list[tuple[int, int]] = []
    for start, end in paragraphs:
        spans += quote_spans(text, start, end)
    return spans
