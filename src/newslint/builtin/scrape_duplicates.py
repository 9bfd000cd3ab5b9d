"""Lines and paragraphs that the extraction copied twice (SC301)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator

from newslint.diagnostics import Category, Edit, Fix, Severity, Span, Violation
from newslint.document import Document
from newslint.hookspecs import hookimpl
from newslint.rules import FixAvailability, Rule, rule
from newslint.scrape_structure import (
    is_caption_marker,
    is_hard_wrapped,
    is_known_ui_line,
    shorten,
)

# A repeated short line is more likely a refrain, a chant or a repeated subhead than damage.
MIN_CHARS = 40
MIN_WORDS = 7
MIN_TITLE_WORDS = 4


def _key(text: str) -> str:
    """The line with its white space runs made single spaces and its ends trimmed."""
    return " ".join(text.split())


@rule(
    code="SC301",
    name="duplicate-line",
    category=Category.DUPLICATE,
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
    flag=(
        "The board set aside $400,000 for a relief fund for shops near the bridge.\n\n"
        "The board set aside $400,000 for a relief fund for shops near the bridge.\n",
    ),
    pass_=(
        "We shall not be moved.\n\nThe crowd sang on.\n\nWe shall not be moved.\n",
        "The board set aside $400,000 for a relief fund.\n\nThe board set aside $500,000 for roads.\n",
    ),
)
def duplicate_line(doc: Document) -> Iterator[Violation]:
    """## What it does
    Flags a line (in extracted text, a paragraph) of at least seven words that repeats an earlier
    line word for word; the first copy is kept.

    ## Why is this bad
    Extractors that read a page twice (a teaser and the body, an AMP copy) repeat whole paragraphs;
    readers notice at once.

    ## Example
    The board voted to set aside $400,000 for a relief fund. (twice in a row)

    ## Fix safety
    Unsafe: the later copy is deleted; check that the repetition was not deliberate.
    """
    if is_hard_wrapped(doc):
        return  # the layout of wrapped text says nothing about page chrome
    # Only a line whose key another line (or the title) shares can be flagged, and a line with a
    # key of its own changes nothing for the others: keys are built in C and counted first.
    keys = list(map(" ".join, map(str.split, doc.line_texts)))
    repeated = {key for key, number in Counter(keys).items() if number > 1 and key}
    if not repeated:
        return
    seen: set[str] = set()
    title_line = doc.title_line
    title = _key(doc.line_texts[title_line]) if title_line is not None else None
    if title is not None:
        seen.add(title)
    heading_lines = doc.heading_lines
    for index, (line, text, key) in enumerate(zip(doc.lines, doc.line_texts, keys, strict=True)):
        if index == title_line or key not in repeated:
            continue
        split = key.split(" ")
        if key != title and (len(key) < MIN_CHARS or len(split) < MIN_WORDS):
            continue
        if is_caption_marker(text) or is_known_ui_line(text):
            continue
        # Repeated subheads ("Update") are deliberate; the headline printed twice is not.
        if index in heading_lines and not (key == title and len(split) >= MIN_TITLE_WORDS):
            continue
        if key not in seen:
            seen.add(key)
            continue
        lead = len(text) - len(text.lstrip())
        span = Span(line.start + lead, line.start + len(text.rstrip()))
        if doc.is_ignored(span):
            continue
        yield Violation(
            span,
            f"Line `{shorten(key)}` repeats an earlier line",
            Fix.unsafe("Delete the repeated line", Edit.deletion(doc.line_with_break(index))),
        )


@hookimpl
def newslint_register_rules(register: Callable[[Rule], None]) -> None:
    register(duplicate_line)
