"""The Markdown parser: lint only the prose of ``.md`` and ``.markdown`` articles.

The Document keeps the raw file text, so every offset, line and column is the file's
own. Blocks that are not prose become ``ignored`` spans that no finding may touch and
no fix may edit: front matter, fenced and indented code, HTML blocks, comments, tables
(usually figures), thematic breaks, setext underlines and reference definitions.
Syntax inside prose becomes ``inline_markup``: inline code, raw tags, autolinks, bare
URLs, link brackets and targets (``[`` and ``](url "title")``), images whole (alt text
too: ``![Photo](x.jpg)`` is no caption control), reference labels, footnote markers,
block-quote markers (``>``), heading markers (``#``) and the delimiters of a line
that is emphasis whole (``*Caption. Photo: X*``). A finding may contain such a
region whole (a "READ MORE: [title](url)" line) but not start or end inside it, and a
fix may delete it whole (the line) but not cut it or rewrite it. Link text, block
quotes and list items stay prose.

Rules read a *view* of the file of the same length (``Document.text``), with the
inline markup blanked to spaces, so "> Hide caption" reads "  Hide caption" and
"# Title" reads "  Title"; blocks (code, front matter, tables) stay as written, and
ignored. ``Document.source`` holds the file, so every offset, line and column is the
file's and fixes apply to it. Headings (``#`` and setext) are
passed to the Document as ``heading_spans``, so rules see them as headings.

markdown-it-py finds the block structure (CommonMark: fences vs indented code, HTML
blocks, tables, setext headings), which is easy to get wrong by hand; inline syntax is
found by a small scanner over each block's source lines, because markdown-it does not
record inline offsets.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from newslint import segment
from newslint.diagnostics import Span
from newslint.document import Document
from newslint.hookspecs import hookimpl
from newslint.suppress import directives

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

SUFFIXES = frozenset({".md", ".markdown"})
# Blocks that are markup or data as a whole (token type -> whole lines ignored).
IGNORED_BLOCKS = frozenset({"fence", "code_block", "html_block", "hr", "table_open"})
TABLE_CELLS = frozenset({"th_open", "td_open"})
FRONT_MATTER_FENCES = ("---", "+++")
ATX_RE = re.compile(r"[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?[ \t>]*#{1,6}(?:[ \t]+|$)")
ATX_CLOSE_RE = re.compile(r"(?:[ \t]+#+)?[ \t]*$")
BLOCK_PREFIX_RE = re.compile(r"[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?")
EMPHASIS_LINE_RE = re.compile(r"[ \t>]*(?P<d>\*{1,3}|_{1,3})(?=\S)(?P<body>.*?\S)(?P=d)[ \t]*$")
QUOTE_MARKER_RE = re.compile(r"(?:[ ]{0,3}>[ ]?)+")
REFERENCE_RE = re.compile(r"[ \t>]{0,8}\[[^\]]+\]:[ \t]*\S")
INLINE_RE = re.compile(
    r"(?P<escape>\\.)"
    r"|(?P<ticks>`+)"
    r"|(?P<comment><!--.*?-->)"
    r"|(?P<autolink><(?:[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>]+\.[^\s<>]+)>)"
    r"|(?P<tag></?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>)"
    r"|(?P<footnote>\[\^[^\]\s]+\])"
    r"|(?P<target>\]\()"
    r"|(?P<label>\]\[[^\]]*\])"
    r"|(?P<url>(?:https?://|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"’”)])",
    re.DOTALL,
)


@cache
def _parser() -> MarkdownIt:
    """The markdown-it parser, built on the first Markdown file: plain text never pays its import."""
    from markdown_it import MarkdownIt

    # Block structure only: inline syntax is found by the scanner below (markdown-it keeps
    # no inline offsets), and skipping its inline pass halves the parse time.
    return MarkdownIt("commonmark").enable("table").disable(["inline", "text_join"])


@hookimpl
def newslint_parse(path: Path | None, text: str, accept: frozenset[str]) -> Document | None:
    if path is None or path.suffix.lower() not in SUFFIXES:
        return None
    return parse_markdown(text, path, accept)


def parse_markdown(text: str, path: Path | None = None, accept: frozenset[str] = frozenset()) -> Document:
    """Return the Document of a Markdown article, with its non-prose regions ignored."""
    plain = Document(text=text)
    lines = plain.lines
    ignored: list[Span] = []
    inline: list[Span] = []
    headings: list[Span] = []
    joins: list[Span] = []  # soft line breaks inside a paragraph

    def whole_lines(first: int, last: int) -> Span:  # last is exclusive
        return Span(lines[first].start, lines[max(last - 1, first)].end)

    skip = _front_matter_lines(plain)
    if skip:
        ignored.append(whole_lines(0, skip))
    # Blank the front matter, keeping its lines, so markdown-it's line numbers stay the file's.
    body = "\n" * skip + (text[lines[skip].start :] if skip < len(lines) else "") if skip else text
    covered: set[int] = set(range(skip))
    tokens = _parser().parse(body)
    for index, token in enumerate(tokens):
        if token.map is None:
            continue
        first, last = token.map
        covered.update(range(first, last))
        if token.type in IGNORED_BLOCKS:
            ignored.append(whole_lines(first, last))
        elif token.type == "blockquote_open":
            inline.extend(_quote_markers(plain, first, last))
        elif token.type == "heading_open":
            span, underline = _heading(plain, first, last, token.markup)
            if span is not None:
                headings.append(span)
                if token.markup.startswith("#"):  # the opening and closing #s
                    line = lines[first]
                    inline.extend(
                        s for s in (Span(line.start, span.start), Span(span.end, line.end)) if len(s)
                    )
            if underline is not None:
                ignored.append(underline)
        elif token.type == "inline" and tokens[index - 1].type not in TABLE_CELLS and last > first:
            comments, markup = _inline_markup(text, whole_lines(first, last))
            ignored.extend(comments)
            inline.extend(markup)
            inline.extend(comments)  # blank in the view too: "said. <!-- note -->" ends a sentence
            if last - first == 1 and tokens[index - 1].type == "paragraph_open":
                inline.extend(_emphasis_wrapper(plain, first))
            elif tokens[index - 1].type == "paragraph_open":
                joins.extend(_soft_breaks(plain, first, last))
    for number, line in enumerate(lines):
        if number not in covered and REFERENCE_RE.match(plain[line]):
            ignored.append(line)
    ignored.extend(d.span for d in directives(text))
    hard, soft = _merged(ignored), _merged(inline)
    return Document(
        # Blocks stay visible (blanking them would let a line deletion run across them).
        text=_view(text, soft, joins),
        path=path,
        markup="markdown",
        accept=accept,
        ignored=hard,
        heading_spans=tuple(sorted(headings)),
        inline_markup=soft,
        source=text,
    )


def _view(text: str, spans: tuple[Span, ...], joins: list[Span]) -> str:
    """Blank ``spans`` to spaces, keeping line breaks, so the view keeps every offset.

    A line that only markup fills (an image, a lone link) is left as written: blank, it
    would let a line deletion above it run on and delete it too. A line of quote
    markers alone (``>``) is blank in the quote, so it is blanked. Soft line breaks
    (``joins``) become spaces, so a paragraph wrapped in the file is one line in the
    view, as rules that read an article line by line expect.
    """
    chars = list(text)
    for span in spans:
        for index in range(span.start, span.end):
            if chars[index] not in "\r\n":
                chars[index] = " "
    view = "".join(chars)
    for start, end in segment.line_spans(text):
        line = text[start:end]
        if not view[start:end].strip() and line.strip() and QUOTE_MARKER_RE.sub("", line, count=1).strip():
            chars[start:end] = line
    for span in joins:
        chars[span.start : span.end] = " " * len(span)
    return "".join(chars)


def _soft_breaks(plain: Document, first: int, last: int) -> list[Span]:
    """The line breaks inside a paragraph that are not hard breaks (two spaces or ``\\``)."""
    breaks = []
    for index in range(first, last - 1):
        line, following = plain.lines[index], plain.lines[index + 1]
        text = plain[line]
        if not text.endswith(("  ", "\\")):
            breaks.append(Span(line.end, following.start))
    return breaks


def _quote_markers(plain: Document, first: int, last: int) -> list[Span]:
    """The ``>`` markers (and the space after each) opening the lines of a block quote."""
    spans = []
    for index in range(first, last):
        line = plain.lines[index]
        marker = QUOTE_MARKER_RE.match(plain[line])
        if marker and ">" in marker.group():
            spans.append(Span(line.start, line.start + marker.end()))
    return spans


def _front_matter_lines(plain: Document) -> int:
    """Return how many lines the YAML (``---``) or TOML (``+++``) front matter takes, or 0."""
    if not plain.lines:
        return 0
    fence = plain.line_text(0).lstrip("\ufeff").rstrip()
    if fence not in FRONT_MATTER_FENCES:
        return 0
    for index in range(1, len(plain.lines)):
        if plain.line_text(index).rstrip() == fence:
            return index + 1
    return 0


def _heading(plain: Document, first: int, last: int, markup: str) -> tuple[Span | None, Span | None]:
    """Return (the heading's words, the setext underline to ignore) for a heading block."""
    if markup.startswith("#"):
        line = plain.lines[first]
        text = plain[line]
        opener = ATX_RE.match(text)
        start = opener.end() if opener else 0
        closer = ATX_CLOSE_RE.search(text, start)
        end = closer.start() if closer else len(text)
        return (Span(line.start + start, line.start + end) if end > start else None), None
    # Setext: the text lines, then an underline of = or -.
    underline = plain.lines[last - 1]
    top = plain.lines[first]
    lead = BLOCK_PREFIX_RE.match(plain[top])
    start = top.start + (lead.end() if lead else 0)
    end_line = plain.lines[max(last - 2, first)]
    end = end_line.start + len(plain[end_line].rstrip())
    return (Span(start, end) if end > start else None), underline


def _inline_markup(text: str, block: Span) -> tuple[list[Span], list[Span]]:
    """Find the comments and the other inline syntax in one block's source text."""
    comments: list[Span] = []
    spans: list[Span] = []
    cursor, end = block.start, block.end
    while cursor < end:
        match = INLINE_RE.search(text, cursor, end)
        if match is None:
            break
        kind = match.lastgroup
        cursor = match.end()
        if kind == "escape":
            continue
        if kind == "ticks":
            ticks = match.group()
            closing = re.compile(rf"(?<!`){ticks}(?!`)").search(text, cursor, end)
            if closing is not None:
                spans.append(Span(match.start(), closing.end()))
                cursor = closing.end()
        elif kind == "target":
            close = _link_target_end(text, match.end(), end)
            if close is not None:
                spans.extend(_link_syntax(text, block.start, match.start(), close))
                cursor = close
        elif kind == "label":
            spans.extend(_link_syntax(text, block.start, match.start(), match.end()))
        elif kind == "comment":
            comments.append(Span(match.start(), match.end()))
        else:
            spans.append(Span(match.start(), match.end()))
    return comments, spans


def _emphasis_wrapper(plain: Document, index: int) -> list[Span]:
    """The delimiters of a one-line paragraph that is emphasis whole (``*Caption.*``).

    Captions and bylines are often set this way; without the delimiters rules read
    them as plain lines. A line with the delimiter inside (``*a* and *b*``) is left.
    """
    line = plain.lines[index]
    match = EMPHASIS_LINE_RE.match(plain[line])
    if match is None or match.group("d") in match.group("body"):
        return []
    size = len(match.group("d"))
    open_at = line.start + match.start("d")
    close_at = line.start + match.end("body")
    return [Span(open_at, open_at + size), Span(close_at, close_at + size)]


def _link_opener(text: str, start: int, close: int) -> int | None:
    """The offset of the ``[`` opening the link text closed by the ``]`` at ``close``."""
    depth = 0
    for index in range(close - 1, start - 1, -1):
        if index > start and text[index - 1] == "\\":
            continue
        if text[index] == "]":
            depth += 1
        elif text[index] == "[":
            if depth == 0:
                return index
            depth -= 1
    return None


def _link_syntax(text: str, start: int, close: int, end: int) -> list[Span]:
    """The syntax of a link whose text ends at ``close`` (``]``) and target at ``end``.

    A link keeps its text as prose (``[`` and ``](url)`` are markup); an image is
    markup whole, alt text included: ``![Photo](x.jpg)`` is not a caption control.
    """
    opener = _link_opener(text, start, close)
    if opener is None:
        return [Span(close, end)]
    if opener > start and text[opener - 1] == "!":
        return [Span(opener - 1, end)]
    return [Span(opener, opener + 1), Span(close, end)]


def _link_target_end(text: str, start: int, end: int) -> int | None:
    """Return the offset after the ``)`` closing a link target that opens before ``start``."""
    depth = 0
    quote = ""
    index = start
    while index < end:
        char = text[index]
        if char == "\\":
            index += 2
            continue
        if quote:
            if char == quote:
                quote = ""
        elif char in "\"'" and index > start and text[index - 1] in " \t\n":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                return index + 1
            depth -= 1
        elif char == "\n" and text[index + 1 : index + 2] == "\n":
            return None
        index += 1
    return None


def _merged(spans: list[Span]) -> tuple[Span, ...]:
    """Sort spans and merge the ones that overlap, as ``Document.ignored`` expects."""
    merged: list[Span] = []
    for span in sorted(spans):
        if merged and span.start <= merged[-1].end:
            if span.end > merged[-1].end:
                merged[-1] = Span(merged[-1].start, span.end)
        else:
            merged.append(span)
    return tuple(merged)
