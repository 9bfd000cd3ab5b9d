"""The HTML parser: lint the visible text of ``.html`` and ``.htm`` articles.

Design: rules read ``Document.text``, which for HTML is a *view* of the file of exactly
the same length, so every offset means the same character in both and no offset map
is needed. In the view:

- every tag, comment, doctype and processing instruction is blanked to spaces; a
  block-level tag (``<p>``, ``<h2>``, ``<li>``, ``<figcaption>`` ...) ends (start tag)
  or begins (end tag) with a blank line instead, and ``<br>`` with a line break, so
  each paragraph, heading or caption sits on its own line, as in extracted text;
- hidden content (``<head>``, ``<script>``, ``<style>``, ``<template>``,
  ``<noscript>``, ``<svg>``, elements with ``hidden`` or ``aria-hidden="true"``) is
  blanked too, and so is code (``<pre>``, ``<code>``), as in Markdown;
- when the page has an ``<article>`` element (else a ``<main>``), everything outside
  it is page chrome (navigation, footer, cards of related stories) and is blanked; of
  several sibling ``<article>`` elements, the one with the most text is the article;
- line breaks inside text become spaces (they are spaces to a reader);
- a character reference (``&amp;``, ``&rsquo;``) becomes its character followed by
  spaces.

Hidden content, comments and the doctype are ``ignored`` spans: no finding touches
them. Tags and character references are ``inline_markup``: a finding may contain one
whole (a paragraph with a link) but not start or end in one, nor flag only markup and
spaces; and no fix may touch one. A fix that would is dropped by the engine and the
finding says to fix it by hand, with one exception: deleting a line whose words are
exactly those of one element (``<p>Share this</p>``, a ``<figcaption>``) deletes the
element whole, with its line when it stands alone (``Document.elements``).
``Document.source`` holds the file's text, so lines and columns are the file's, and
suppression comments (``<!-- newslint: disable-next-line SC102 -->``) work.
``<h1>``-``<h6>`` become the Document's headings.

Inside a word, the rest of the word moves left over a reference's padding or a
blanked inline tag (``council&rsquo;s`` reads ``council’s      ``, and
``<a>Ruiz</a>.`` reads ``Ruiz.``), and the moved stretch is inline markup (it is no
longer at its own offsets). A compact view with an offset map would avoid the moves,
at the price of mapping every span and edit back in the engine.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

from newslint.builtin.markdown import _merged
from newslint.diagnostics import Span
from newslint.document import Document
from newslint.hookspecs import hookimpl

SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
HIDDEN_TAGS = frozenset(
    {"head", "script", "style", "template", "noscript", "svg", "math", "iframe", "object"}
)
CODE_TAGS = frozenset({"pre", "code", "kbd", "samp", "var"})  # visible, but not prose
ARTICLE_TAGS = ("article", "main")
CONTAINER_TAGS = frozenset({"html", "body", "article", "main", "section"})  # never deleted whole
VOID_TAGS = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
TAIL_RE = re.compile(r"[^\s\u00a0]+")
MAX_TAIL = 200
CHARREF_RE = re.compile(r"&(?:#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);?")


@hookimpl
def newslint_parse(path: Path | None, text: str, accept: frozenset[str]) -> Document | None:
    if path is None or path.suffix.lower() not in SUFFIXES:
        return None
    return parse_html(text, path, accept)


def parse_html(text: str, path: Path | None = None, accept: frozenset[str] = frozenset()) -> Document:
    """Return the Document of an HTML article: a same-length view of its visible text."""
    reader = _VisibleText(text)
    reader.feed(text)
    reader.close()
    reader.finish()
    view = "".join(reader.view)
    assert len(view) == len(text), "the HTML view must keep every offset"
    view, joined = _join_words(view, [*reader.charrefs, *reader.inline_tags])
    reader.markup.extend(joined)
    outside = _outside(_main_article(view, reader.articles), len(text))
    for span in outside:  # page chrome around the article: navigation, footer
        view = view[: span.start] + _blanked(view[span.start : span.end]) + view[span.end :]
    reader.ignored.extend(outside)
    headings = tuple(span for span in (_trimmed(view, s) for s in reader.headings) if span is not None)
    return Document(
        text=view,
        path=path,
        markup="html",
        accept=accept,
        ignored=_merged(reader.ignored),
        inline_markup=_merged(reader.markup),
        elements=tuple(sorted(reader.elements)),
        heading_spans=headings,
        source=text,
    )


def _join_words(view: str, gaps: list[Span]) -> tuple[str, list[Span]]:
    """Close the gaps markup leaves inside words: ``council’      s`` -> ``council’s      ``.

    ``gaps`` are the spaces after a decoded reference and the blanked inline tags. When
    a gap follows a visible character, the run of visible characters after it moves
    left over the gap, so rules read whole words ("council’s", "Ruiz." rather than
    "Ruiz    ."). The moved stretch is no longer at its own offsets, so it becomes
    inline markup: a finding may contain it whole, never start or end in it, and no
    fix may touch it.
    """
    chars = list(view)
    moved: list[Span] = []
    for gap in sorted(gaps):
        if any(c != " " for c in chars[gap.start : gap.end]):
            continue
        start = gap.start
        if moved and moved[-1].end == gap.start:  # join the spaces an earlier move left
            start -= len(_trailing_spaces(chars, moved[-1]))
        if start == 0 or not chars[start - 1].strip():
            continue
        tail = TAIL_RE.match("".join(chars[gap.end : gap.end + MAX_TAIL]))
        if tail is None:
            continue
        run = tail.group()
        chars[start : gap.end + len(run)] = [*run, *(" " * (gap.end - start))]
        moved.append(Span(start, gap.end + len(run)))
    return "".join(chars), moved


def _trailing_spaces(chars: list[str], span: Span) -> str:
    end = span.end
    while end > span.start and chars[end - 1] == " ":
        end -= 1
    return "".join(chars[end : span.end])


def _main_article(view: str, articles: list[Span]) -> list[Span]:
    """The article with the most visible text: sibling ``<article>`` elements are
    usually cards of related stories around the one the page is about."""
    if len(articles) <= 1:
        return articles
    return [max(articles, key=lambda span: len("".join(view[span.start : span.end].split())))]


def _outside(articles: list[Span], length: int) -> list[Span]:
    """The regions outside the given article spans; none without any."""
    spans: list[Span] = []
    cursor = 0
    for article in sorted(articles):
        if article.start > cursor:
            spans.append(Span(cursor, article.start))
        cursor = max(cursor, article.end)
    if articles and cursor < length:
        spans.append(Span(cursor, length))
    return spans


def _blanked(chunk: str) -> str:
    return re.sub(r"[^\n]", " ", chunk)


def _trimmed(view: str, span: Span) -> Span | None:
    """Shrink a heading's span to its words; None if it has none or runs over lines."""
    chunk = view[span.start : span.end]
    start = span.start + len(chunk) - len(chunk.lstrip())
    end = span.start + len(chunk.rstrip())
    if end <= start or "\n" in view[start:end]:
        return None
    return Span(start, end)


class _VisibleText(HTMLParser):
    """Walk the HTML once and build the view, the ignored spans and the headings.

    Every parser event starts where the previous one ended, so an event's source
    region runs from its position to the next event's: no end offsets are computed.
    """

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.view: list[str] = []
        self.ignored: list[Span] = []
        self.markup: list[Span] = []
        self.charrefs: list[Span] = []  # the padding after each decoded reference
        self.inline_tags: list[Span] = []  # visible tags blanked to spaces only
        self.headings: list[Span] = []
        self._line_starts = [0, *(m.end() for m in re.finditer("\n", text))]
        self._pending: tuple[int, str, str] | None = None  # (start, kind, tag)
        self._open: list[tuple[str, bool, int]] = []  # (tag, hidden, start offset)
        self.elements: list[Span] = []  # visible block elements, start tag to end tag
        self._heading_start: int | None = None
        self._article_starts: dict[str, list[int]] = {tag: [] for tag in ARTICLE_TAGS}
        self._found: dict[str, list[Span]] = {tag: [] for tag in ARTICLE_TAGS}

    @property
    def articles(self) -> list[Span]:
        """The source spans of the ``<article>`` elements, else of ``<main>``."""
        return self._found["article"] or self._found["main"]

    # -- positions -------------------------------------------------------------------

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def _event(self, kind: str, tag: str = "") -> None:
        """Close the previous event's region at this one's start and open a new region."""
        start = self._offset()
        self._flush(start)
        self._pending = (start, kind, tag)

    def finish(self) -> None:
        self._flush(len(self.text))

    @property
    def _hidden(self) -> bool:
        return bool(self._open) and self._open[-1][1]

    def _in(self, tag: str) -> bool:
        return any(name == tag for name, _, _ in self._open)

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        """Read ``<![...]>`` as markup; the stdlib raises on keywords it does not know."""
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            end = self.rawdata.find(">", i)
            if end < 0:
                return -1
            self.unknown_decl(self.rawdata[i + 3 : end])
            return end + 1

    # -- events ----------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._event("start", tag)
        if tag in VOID_TAGS:
            return
        if tag in ARTICLE_TAGS:
            self._article_starts[tag].append(self._offset())
        hidden = (
            self._hidden
            or tag in HIDDEN_TAGS
            or tag in CODE_TAGS
            or any(name == "hidden" for name, _ in attrs)
            or any(name == "aria-hidden" and (value or "").lower() == "true" for name, value in attrs)
        )
        self._open.append((tag, hidden, self._offset()))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._event("start", tag)

    def handle_endtag(self, tag: str) -> None:
        self._event("end", tag)
        if tag in ARTICLE_TAGS and self._article_starts[tag]:
            start = self._article_starts[tag].pop()
            if not self._article_starts[tag]:  # outermost only
                self._found[tag].append(Span(start, self._offset()))
        if self._in(tag):
            while self._open:
                name, hidden, start = self._open.pop()
                if name == tag:
                    close = self.text.find(">", self._offset())
                    if tag in BLOCK_TAGS and tag not in CONTAINER_TAGS and not hidden and close >= 0:
                        self.elements.append(Span(start, close + 1))
                    break

    def handle_data(self, data: str) -> None:
        self._event("data")

    def handle_entityref(self, name: str) -> None:
        self._event("charref")

    def handle_charref(self, name: str) -> None:
        self._event("charref")

    def handle_comment(self, data: str) -> None:
        self._event("markup")

    def handle_decl(self, decl: str) -> None:
        self._event("markup")

    def handle_pi(self, data: str) -> None:
        self._event("markup")

    def unknown_decl(self, data: str) -> None:
        self._event("markup")

    # -- the view --------------------------------------------------------------------

    def _flush(self, end: int) -> None:
        """Write the view of the pending event, whose source region ends at ``end``."""
        if self._pending is None:
            if end > 0:  # text before the first event (never, in practice): keep it as data
                self.view.append(self.text[:end])
            return
        start, kind, tag = self._pending
        self._pending = None
        if end <= start:
            return
        raw = self.text[start:end]
        hidden = self._hidden and not (kind == "end" and tag in HIDDEN_TAGS | CODE_TAGS)
        if kind == "data" and not hidden:
            self.view.append(raw.replace("\r", " ").replace("\n", " "))  # (``<pre>`` is code: hidden)
            return
        visible_markup = not hidden and kind in ("start", "end", "charref")
        (self.markup if visible_markup else self.ignored).append(Span(start, end))
        if kind == "charref" and not hidden:
            match = CHARREF_RE.match(raw)
            char = html.unescape(match.group() if match else raw)
            if len(char) <= len(raw):
                self.view.append(char + " " * (len(raw) - len(char)))
                self.charrefs.append(Span(start + len(char), end))  # its padding
            else:
                self.view.append(raw)
            return
        blank = self._blank(kind, tag, raw, start, end)
        if visible_markup and kind != "charref" and not blank.strip(" "):
            self.inline_tags.append(Span(start, end))
        self.view.append(blank)

    def _blank(self, kind: str, tag: str, raw: str, start: int, end: int) -> str:
        """The view of a tag or other markup: spaces, with line breaks at block edges."""
        size = len(raw)
        if tag in HEADING_TAGS and kind == "start":
            self._heading_start = end
        elif tag in HEADING_TAGS and kind == "end" and self._heading_start is not None:
            self.headings.append(Span(self._heading_start, start))
            self._heading_start = None
        if kind == "start" and tag == "br" and size >= 1:
            return " " * (size - 1) + "\n"
        if tag in BLOCK_TAGS and size >= 2 and kind in ("start", "end"):
            return " " * (size - 2) + "\n\n" if kind == "start" else "\n\n" + " " * (size - 2)
        return " " * size
