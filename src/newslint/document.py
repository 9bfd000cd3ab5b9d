"""The Document: raw text plus the structure rules need, computed once and cached."""

from __future__ import annotations

import bisect
import re
from collections import deque
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate, repeat
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import Literal

from newslint import segment
from newslint.diagnostics import Edit, Fix, Span

Markup = Literal["text", "markdown", "html"]
WORD_RE = re.compile(r"[^\W\d_](?:[\w’'\-]*[^\W_])?|\d+(?:[.,:]\d+)*")
# WORD_RE as one capturing group: re.split then keeps the words between the separators.
_SPLIT_WORDS_RE = re.compile(f"({WORD_RE.pattern})")


@dataclass(frozen=True, slots=True)
class Position:
    """A 1-based line and column, counted in code points."""

    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Token:
    """A word or number in the text, with its span."""

    start: int
    end: int
    text: str

    @property
    def span(self) -> Span:
        span = _SPAN_NEW(Span)  # a token's range is valid by construction: no range check
        _SET_SPAN_START(span, self.start)
        _SET_SPAN_END(span, self.end)
        return span


_TOKEN_NEW = object.__new__
_SET_START = vars(Token)["start"].__set__  # the slot descriptors
_SET_END = vars(Token)["end"].__set__
_SET_TEXT = vars(Token)["text"].__set__
_CONSUME = deque[object](maxlen=0).extend  # runs an iterator to its end in C
_SPAN_NEW = object.__new__
_SET_SPAN_START = vars(Span)["start"].__set__
_SET_SPAN_END = vars(Span)["end"].__set__
_FIRST = itemgetter(0)
_START_OF = attrgetter("start")
_END_OF = attrgetter("end")
_SECOND = itemgetter(1)


def _span_list(pairs: list[tuple[int, int]]) -> list[Span]:
    """``[Span(s, e) for s, e in pairs]`` built in C, for pairs valid by construction (0 <= s <= e).

    For the lines, sentences and quotes, one long list per document: this skips two Python
    frames (the frozen dataclass's __init__ and Span's range check) per span. (For the few
    sentences of one paragraph, setting up the maps would cost more than it saves.)
    """
    spans = list(map(_SPAN_NEW, repeat(Span, len(pairs))))
    _CONSUME(map(_SET_SPAN_START, spans, map(_FIRST, pairs)))
    _CONSUME(map(_SET_SPAN_END, spans, map(_SECOND, pairs)))
    return spans


@dataclass(frozen=True)
class Document:
    """An article: raw text never normalised, so every offset indexes ``text``.

    For Markdown and HTML, ``text`` is a view of the file of the same length with the
    markup blanked to spaces, and ``source`` is the file: an offset means the same
    character in both, so rules read prose and fixes land in the file.

    Structure (lines, paragraphs, sentences, quotes, headings, tokens) is computed on
    first use and cached, so rules share one segmentation.
    """

    text: str
    path: Path | None = None
    markup: Markup = "text"
    accept: frozenset[str] = field(default_factory=frozenset)
    ignored: tuple[Span, ...] = ()  # regions no rule may flag: directives, code, front matter
    # Set by markup parsers (all optional, so plain text is unchanged):
    # headings the markup declares (Markdown ``#``, HTML ``<h1>``): spans of the heading
    # words, which replace the guess from standalone lines.
    heading_spans: tuple[Span, ...] | None = None
    # the file's own text when ``text`` is a same-length view of it (Markdown, HTML: markup
    # blanked out). Offsets index both; line/column positions and suppression comments
    # use it, and fixes are applied to it.
    source: str | None = None
    # markup inside prose (link targets, URLs, inline code, tags, entities), sorted: a
    # finding may contain one whole but not cut one, and a fix may not cut one (in HTML,
    # not touch one at all).
    inline_markup: tuple[Span, ...] = ()
    # whole elements (HTML ``<p>...</p>``, sorted) that a line deletion may delete instead
    # when deleting the line itself would cut their tags.
    elements: tuple[Span, ...] = ()

    def __getitem__(self, span: Span) -> str:
        return self.text[span.start : span.end]

    # -- positions -------------------------------------------------------------------

    @cached_property
    def _line_pairs(self) -> list[tuple[int, int]]:
        return segment.line_spans(self.text)

    @cached_property
    def line_starts(self) -> list[int]:
        return [start for start, _ in self._line_pairs]

    @property
    def source_text(self) -> str:
        """The file's text as written: ``source`` for a view, else ``text``."""
        return self.text if self.source is None else self.source

    @cached_property
    def _source_line_starts(self) -> list[int]:
        if self.source is None:
            return self.line_starts
        return [start for start, _ in segment.line_spans(self.source)]

    @cached_property
    def lines(self) -> tuple[Span, ...]:
        """Every line without its line break (``\\n``, ``\\r\\n`` or ``\\r``)."""
        return tuple(_span_list(self._line_pairs))

    def line_index(self, offset: int) -> int:
        """Return the 0-based index of the line holding ``offset``."""
        return bisect.bisect_right(self.line_starts, offset) - 1

    def position(self, offset: int) -> Position:
        """The line and column of ``offset`` in the file (in ``source`` for a view)."""
        starts = self._source_line_starts
        index = bisect.bisect_right(starts, offset) - 1
        return Position(index + 1, offset - starts[index] + 1)

    @cached_property
    def line_texts(self) -> tuple[str, ...]:
        """The text of every line, without its line break (``line_text(i)`` for every ``i``)."""
        text = self.text
        return tuple([text[start:end] for start, end in self._line_pairs])

    @cached_property
    def _blank_lines(self) -> tuple[bool, ...]:
        return tuple([not line.strip() for line in self.line_texts])

    def line_text(self, index: int) -> str:
        return self.line_texts[index]

    def is_blank_line(self, index: int) -> bool:
        return self._blank_lines[index]

    # -- blocks, paragraphs, headings, lists -----------------------------------------

    @cached_property
    def blocks(self) -> tuple[tuple[int, ...], ...]:
        """Runs of non-blank lines, as tuples of line indexes."""
        return tuple(tuple(b) for b in segment.blocks(self.text, self._line_pairs))

    @cached_property
    def paragraphs(self) -> tuple[Span, ...]:
        """Paragraph spans: a block, or each line of a list block."""
        pairs: list[tuple[int, int]] = []
        lines = self._line_pairs
        for block in self.blocks:
            if len(block) > 1 and all(i in self.list_lines for i in block):
                pairs.extend([lines[i] for i in block])
            else:
                pairs.append((lines[block[0]][0], lines[block[-1]][1]))
        return tuple(_span_list(pairs))

    @cached_property
    def list_lines(self) -> frozenset[int]:
        """Lines that are list items: bulleted, or in a block of short unpunctuated lines."""
        items: set[int] = set()
        line_texts = self.line_texts
        for block in self.blocks:
            texts = [line_texts[i] for i in block]
            if all(segment.is_bullet(t) for t in texts) or (
                len(block) > 1 and all(len(t.split()) <= 20 for t in texts)
            ):
                items.update(block)
        return frozenset(items)

    @cached_property
    def heading_lines(self) -> frozenset[int]:
        """Standalone lines that read as a headline or subheading (or the markup's headings)."""
        if self.heading_spans is not None:
            return frozenset(self.line_index(span.start) for span in self.heading_spans)
        return frozenset(
            block[0]
            for block in self.blocks
            if len(block) == 1 and segment.is_heading_like(self.line_text(block[0]))
        )

    @cached_property
    def headings(self) -> tuple[Span, ...]:
        if self.heading_spans is not None:
            return self.heading_spans
        return tuple(self.lines[i] for i in sorted(self.heading_lines))

    @cached_property
    def title_line(self) -> int | None:
        """The index of the headline: the first heading line before the first body paragraph."""
        for block in self.blocks:
            first = block[0]
            if self._starts_ignored(first):
                continue  # front matter or a comment: not the article's first block
            if first in self.heading_lines and len(self.line_text(first).split()) > 2:
                return first
            if len(block) > 1 or len(self.line_text(first).split()) > 16:
                return None
        return None

    # -- sentences, quotes, datelines, tokens ----------------------------------------

    @cached_property
    def datelines(self) -> tuple[Span, ...]:
        spans: list[Span] = []
        text = self.text
        for start, end in self._paragraph_pairs:
            # dateline_length's own first test, before the paragraph is copied out.
            if start < end and "A" <= text[start] <= "Z":
                length = segment.dateline_length(text[start:end])
                if length:
                    spans.append(Span(start, start + length))
        return tuple(spans)

    @cached_property
    def _paragraph_pairs(self) -> list[tuple[int, int]]:
        paragraphs = self.paragraphs
        return list(zip(map(_START_OF, paragraphs), map(_END_OF, paragraphs), strict=True))

    @cached_property
    def sentences(self) -> tuple[Span, ...]:
        # Split paragraph by paragraph, with the Spans of the whole document built in one go.
        return tuple(_span_list(segment.paragraph_sentences(self.text, self._paragraph_pairs)))

    @cached_property
    def sentence_starts(self) -> tuple[int, ...]:
        """``[s.start for s in sentences]``, for bisecting (a tuple: callers share it)."""
        return tuple(map(_START_OF, self.sentences))

    @cached_property
    def quotes(self) -> tuple[Span, ...]:
        """Quoted speech (double quotes), marks included."""
        return tuple(_span_list(segment.paragraph_quotes(self.text, self._paragraph_pairs)))

    @cached_property
    def _quote_starts(self) -> list[int]:
        return [q.start for q in self.quotes]

    def in_quote(self, span: Span) -> bool:
        """Say whether ``span`` lies inside quoted speech."""
        index = bisect.bisect_right(self._quote_starts, span.start) - 1
        return index >= 0 and self.quotes[index].contains(span)

    @cached_property
    def _token_parts(self) -> list[str]:
        # Separators and words alternate ("", word, separator, word, ..., tail): one C
        # call, with no Match object per word.
        return _SPLIT_WORDS_RE.split(self.text)

    @cached_property
    def token_texts(self) -> tuple[str, ...]:
        """``tuple(t.text for t in tokens)``, built without touching the Token objects."""
        return tuple(self._token_parts[1::2])

    @cached_property
    def _token_offsets(self) -> list[int]:
        # Running sums of the part lengths: the end of every separator (a word's start)
        # and of every word (its end), alternating.
        return list(accumulate(map(len, self._token_parts)))

    @cached_property
    def token_starts(self) -> tuple[int, ...]:
        """``tuple(t.start for t in tokens)``, built without touching the Token objects."""
        return tuple(self._token_offsets[0:-1:2])

    @cached_property
    def token_ends(self) -> tuple[int, ...]:
        """``tuple(t.end for t in tokens)``, built without touching the Token objects."""
        return tuple(self._token_offsets[1::2])

    @cached_property
    def tokens(self) -> tuple[Token, ...]:
        # Tens of thousands per article: every step runs in C (map over the regex split,
        # the slots filled by their descriptors), with no Python frame or Match object
        # per token; the objects are the same as Token(start, end, text) would make.
        texts = self.token_texts
        tokens = list(map(_TOKEN_NEW, repeat(Token, len(texts))))
        _CONSUME(map(_SET_START, tokens, self.token_starts))
        _CONSUME(map(_SET_END, tokens, self.token_ends))
        _CONSUME(map(_SET_TEXT, tokens, texts))
        return tuple(tokens)

    @cached_property
    def _ignored_starts(self) -> list[int]:
        return [s.start for s in self.ignored]

    def is_ignored(self, span: Span) -> bool:
        """Say whether ``span`` touches a region that rules must not flag."""
        if not self.ignored:
            return False
        first = max(bisect.bisect_right(self._ignored_starts, span.start) - 1, 0)
        last = max(bisect.bisect_left(self._ignored_starts, span.end), first + 1)
        return any(
            region.overlaps(span) or region.start <= span.start < region.end
            for region in self.ignored[first:last]
        )

    def _starts_ignored(self, index: int) -> bool:
        """Say whether line ``index`` begins inside an ignored region (front matter, a comment)."""
        line = self.lines[index]
        text = self[line]
        start = line.start + len(text) - len(text.lstrip())
        return bool(self.ignored) and self.is_ignored(Span(start, start + 1))

    def touches_ignored(self, span: Span) -> bool:
        """Say whether an edit of ``span`` would change or split an ignored region.

        Unlike :meth:`is_ignored`, an edit that only borders a region (ends where it
        starts, or starts where it ends) leaves it intact.
        """
        if not self.ignored:
            return False
        # Regions are sorted and apart: only the one holding span.start and those starting
        # inside the span can meet it.
        first = max(bisect.bisect_right(self._ignored_starts, span.start) - 1, 0)
        last = bisect.bisect_right(self._ignored_starts, span.end)
        return any(
            region.overlaps(span) or region.start < span.start < region.end
            for region in self.ignored[first:last]
        )

    @cached_property
    def _inline_markup_starts(self) -> list[int]:
        return [s.start for s in self.inline_markup]

    def _markup_near(self, span: Span) -> list[Span]:
        """The inline markup regions that overlap ``span`` or hold one of its ends."""
        index = bisect.bisect_right(self._inline_markup_starts, span.end)
        first = max(bisect.bisect_right(self._inline_markup_starts, span.start) - 1, 0)
        return [
            region
            for region in self.inline_markup[first:index]
            if region.overlaps(span) or region.start < span.start < region.end
        ]

    def cuts_markup(self, span: Span) -> bool:
        """Say whether ``span`` starts or ends inside inline markup (or lies within it)."""
        return any(
            region.start < span.start < region.end or region.start < span.end < region.end
            for region in self._markup_near(span)
        )

    def only_markup(self, span: Span) -> bool:
        """Say whether ``span`` holds nothing but inline markup and white space."""
        regions = self._markup_near(span)
        if not regions:
            return False
        cursor = span.start
        for region in regions:
            if self.text[cursor : max(region.start, cursor)].strip():
                return False
            cursor = max(cursor, region.end)
        return not self.text[cursor : span.end].strip()

    def edit_breaks_markup(self, span: Span, content: str = "") -> bool:
        """Say whether replacing ``span`` with ``content`` would damage markup.

        It would if it touches an ignored region or cuts inline markup; if it replaces
        inline markup whole with new text (which comes from a view with the markup
        blanked, so it would lose it); and in HTML, where tags must stay balanced, if
        it touches any. Deleting a whole link or code span, in Markdown, is fine.
        """
        if self.touches_ignored(span):
            return True
        regions = self._markup_near(span)
        if not regions:
            return False
        if self.markup == "html" or content:
            return True
        return self.cuts_markup(span)

    @cached_property
    def _element_starts(self) -> list[int]:
        return [s.start for s in self.elements]

    def element_deletion(self, target: Span, fix: Fix) -> Fix | None:
        """Turn a deletion that would cut tags into the deletion of the whole element.

        It applies when ``fix`` is one deletion whose visible words are exactly those of
        an element holding ``target`` (``<p>Share this</p>``): the element goes, with
        its line when it stands alone on it. Of several such elements (a ``<div>``
        around a ``<p>``) the outermost goes. None when no element fits.
        """
        if len(fix.edits) != 1 or fix.edits[0].content or not self.elements:
            return None
        words = self[fix.edits[0].span].split()
        if not words:
            return None
        before = bisect.bisect_right(self._element_starts, target.start)
        fitting = [
            element
            for element in self.elements[:before]
            if element.end >= target.end and self[element].split() == words
        ]
        if not fitting:
            return None
        element = min(fitting, key=lambda span: (span.start, -span.end))
        start, end = element.start, element.end
        source = self.source_text
        line_start = source.rfind("\n", 0, start) + 1
        after = re.match(r"[ \t]*(?:\r\n|\n|\r|$)", source[end:])
        if not source[line_start:start].strip() and after is not None:
            start, end = line_start, end + after.end()
        span = Span(start, end)
        if self.touches_ignored(span):
            return None
        return Fix(fix.title, (Edit(span, ""),), fix.applicability)

    def is_accepted(self, word: str) -> bool:
        return word in self.accept

    # -- editing helpers -------------------------------------------------------------

    def line_with_break(self, index: int) -> Span:
        """The span that deletes line ``index`` and keeps the paragraph breaks around it.

        A line that continues a block (the line above it is not blank) takes the line break
        before it, so the gap after the block survives and neighbouring lines deleted
        together take disjoint spans. Any other line runs from its start to the start of
        the next non-blank line; the last non-blank line, from the end of the previous
        non-blank line to its end.
        """
        line = self.lines[index]
        if index > 0 and not self.is_blank_line(index - 1):
            return Span(self.lines[index - 1].end, line.end)
        for after in range(index + 1, len(self.lines)):
            if not self.is_blank_line(after):
                return Span(line.start, self.lines[after].start)
        for before in range(index - 1, -1, -1):
            if not self.is_blank_line(before):
                return Span(self.lines[before].end, line.end)
        return Span(line.start, len(self.text))
