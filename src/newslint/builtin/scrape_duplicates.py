"""Lines and paragraphs that the extraction copied twice (SC301)."""

from __future__ import annotations

import re
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
        "Strike live\n\nThe union confirmed that Friday's strike will go ahead after talks broke down.\n\n"
        "17:58\n\nWe are wrapping up our coverage for today.\n\n15:40\n\nThe union confirmed that "
        "Friday's strike will go ahead after talks broke down.\n",
    ),
    pass_=(
        "We shall not be moved.\n\nThe crowd sang on.\n\nWe shall not be moved.\n",
        "The board set aside $400,000 for a relief fund.\n\nThe board set aside $500,000 for roads.\n",
    ),
)
def duplicate_line(doc: Document) -> Iterator[Violation]:
    """## What it does
    Flags a line (in extracted text, a paragraph) of at least seven words that repeats an earlier
    line word for word; the first copy is kept, except on a live page, where a post pinned above
    the first entry's time and repeated in the timeline is flagged at the top.

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
    pinned = _pinned_copies(doc, keys, repeated)
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
        if key in pinned:
            if index != pinned[key]:
                continue  # the live entry itself: its copy above the first entry is the extra one
        elif key not in seen:
            seen.add(key)
            continue
        lead = len(text) - len(text.lstrip())
        span = Span(line.start + lead, line.start + len(text.rstrip()))
        if doc.is_ignored(span):
            continue
        yield Violation(
            span,
            f"Line `{shorten(key)}` repeats {'a later live entry' if key in pinned else 'an earlier line'}",
            Fix.unsafe("Delete the repeated line", Edit.deletion(doc.line_with_break(index))),
        )


# A live blog's entry time on a line of its own: "15:40", "3.05pm", "09:12 GMT", "Updated 10.45".
POST_TIME_RE = re.compile(
    r"^\s*(?:(?:Updated|Posted)\s+)?\d{1,2}[.:]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?\s*$", re.IGNORECASE
)
MIN_POST_TIMES = 2


def _pinned_copies(doc: Document, keys: list[str], repeated: set[str]) -> dict[str, int]:
    """Lines a live page pinned above its first entry and printed again under an entry's time.

    Live pages show a key post at the top and again in the timeline; the top copy is the page's
    chrome, so it (not the timeline's entry) is the copy to delete. Maps a key to that line.
    """
    times = [i for i, text in enumerate(doc.line_texts) if POST_TIME_RE.match(text)]
    if len(times) < MIN_POST_TIMES:
        return {}
    first_entry = times[0]
    pinned: dict[str, int] = {}
    for index, key in enumerate(keys[:first_entry]):
        if key in repeated and index != doc.title_line and key in keys[first_entry:]:
            pinned.setdefault(key, index)
    return pinned


_QUOTE_MARKS = "“”\"‘’'«»„"
MIN_PULL_QUOTE_WORDS = 6


@rule(
    code="SC302",
    name="repeated-pull-quote",
    category=Category.DUPLICATE,
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
    flag=(
        "“It keeps on fishing,” she said. “I wanted the nets to look rescued, not made by anyone.”\n\n"
        "“I wanted the nets to look rescued, not made by anyone.”\n",
        "“We came here to talk and they came here to stall,” she said.\n\n"
        "“We came here to talk and they came here to stall”\n",
        "“A harbour is not a car park,” she told the inquiry in 2019. “It is where the town began.”\n\n"
        "“A harbour is not a car park. It is where the town began”\n",
    ),
    pass_=(
        "“We came to talk,” she said.\n\n“We came to talk and they came to stall.”\n",
        "The union said it would strike on Friday.\n\nThe union said it would strike on Friday if talks failed.\n",
        "“A harbour is not a car park,” she said, and the council, after two years of argument and a "
        "public inquiry that heard from forty witnesses, finally agreed. “It is where the town began.”\n\n"
        "“A harbour is not a car park. It is where the town began”\n",
    ),
)
def repeated_pull_quote(doc: Document) -> Iterator[Violation]:
    """## What it does
    Flags a line that is only a quotation (at least six words, in quotation marks) already printed
    word for word inside a longer paragraph: a pull quote the page set in large type.

    ## Why is this bad
    Pull quotes are layout: the page repeats a line of the story as decoration. In extracted text
    the reader meets the same quotation twice, once out of context.

    ## Example
    “I wanted the weaving to look like it had been rescued, not made.” (after the paragraph that
    quotes it)

    ## Fix safety
    Unsafe: the standalone copy is deleted; check that the paragraph keeps the quotation.
    """
    if is_hard_wrapped(doc):
        return
    for index, (line, text) in enumerate(zip(doc.lines, doc.line_texts, strict=True)):
        stripped = text.strip()
        if len(stripped) < MIN_CHARS or stripped[0] not in _QUOTE_MARKS or index in doc.list_lines:
            continue
        inner = " ".join(stripped.strip(_QUOTE_MARKS).split())
        if len(inner.split()) < MIN_PULL_QUOTE_WORDS or len(inner) < MIN_CHARS:
            continue
        # The quotation must sit inside another, longer line (a paragraph of the story).
        quoted = inner.rstrip(".!?,")
        found = False
        for other, other_text in enumerate(doc.line_texts):
            if other == index or len(other_text) <= len(stripped):
                continue
            flat = " ".join(other_text.split())
            if quoted in flat or _quoted_in_parts(quoted, flat):
                found = True
                break
        if not found:
            continue
        lead = len(text) - len(text.lstrip())
        span = Span(line.start + lead, line.start + len(text.rstrip()))
        if doc.is_ignored(span):
            continue
        yield Violation(
            span,
            f"Pull quote `{shorten(inner)}` repeats a quotation in the story",
            Fix.unsafe("Delete the pull quote", Edit.deletion(doc.line_with_break(index))),
        )


_SENTENCE_SPLIT_RE = re.compile(r"(?<=[.!?,;])\s+")
# The words a paragraph puts between two parts of one quotation: "," she said in 1986. "
MAX_ATTRIBUTION_GAP = 80


def _quoted_in_parts(quoted: str, paragraph: str) -> bool:
    """Whether the sentences of a pull quote appear in order in a paragraph, split only by a short
    attribution: "A. B" inside "“A,” she said. “B.”"."""
    parts = [p.rstrip(".!?,;") for p in _SENTENCE_SPLIT_RE.split(quoted)]
    if len(parts) < 2 or any(len(p.split()) < 2 for p in parts):
        return False
    at = paragraph.find(parts[0])
    if at < 0:
        return False
    end = at + len(parts[0])
    for part in parts[1:]:
        found = paragraph.find(part, end)
        if found < 0 or found - end > MAX_ATTRIBUTION_GAP:
            return False
        end = found + len(part)
    return True


@hookimpl
def newslint_register_rules(register: Callable[[Rule], None]) -> None:
    register(duplicate_line)
    register(repeated_pull_quote)
