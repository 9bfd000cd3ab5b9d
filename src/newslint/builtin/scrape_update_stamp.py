"""A page's update stamp left in the text (SC112): "Updated at 17.58 GMT", "Posted 10:45, 3 March".

A stamp with a date is the page's widget wherever it stands. A stamp of a time alone is also
how some papers print the time under a live blog's byline ("Last updated 11:58 p.m."), so it
counts only on a page whose scraped chrome ("Show key events only", a JavaScript notice) sits
near it."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from newslint.diagnostics import Category, Severity, Violation
from newslint.document import Document
from newslint.hookspecs import hookimpl
from newslint.rules import FixAvailability, Rule, rule
from newslint.scrape_structure import is_known_ui_line, junk_line, shorten

STAMP_RE = re.compile(
    r"^\s*(?:Updated|Published|Posted|Last updated|Last modified|First published)\s*:?\s*(?:(?:on|at)\s+)?"
    r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?(?P<rest>,?\s+.{0,40})?\s*$",
    re.IGNORECASE,
)
_DATE_RE = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b|\b\d{4}\b|\d{1,2}/\d{1,2}", re.IGNORECASE
)
CHROME_DISTANCE = 4  # non-blank lines between the stamp and the page chrome that vouches for it


@rule(
    code="SC112",
    name="update-stamp",
    category=Category.BOILERPLATE,
    severity=Severity.ERROR,
    fix=FixAvailability.ALWAYS,
    flag=(
        "Strike live\n\nShow key events only\n\nUpdated at 17.58 GMT\n\n17:58\n\nTalks ended today.\n",
        "Council approves budget\n\nUpdated 10:45, 3 March 2025\n\nThe council approved the budget.\n",
    ),
    pass_=(
        "Election night live\n\nBy Ann Lee, staff\n\nLast updated 11:58 p.m.\n\n11:58 p.m.\n\nWalker won.\n",
        "Council approves budget\n\nUpdated at 5pm, the figures showed a sharp rise in admissions.\n",
    ),
)
def update_stamp(doc: Document) -> Iterator[Violation]:
    """## What it does
    Flags a line that is only a page's update or publication stamp: with a date anywhere, with a
    time alone only near other scraped page chrome.

    ## Why is this bad
    The stamp is the page's metadata widget; in the extracted text it interrupts the story.

    ## Example
    Updated at 17.58 GMT

    ## Fix safety
    Unsafe: the line is deleted; a live blog may print its stamp as part of the story.
    """
    texts = doc.line_texts
    nonblank: list[int] | None = None
    for index, text in enumerate(texts):
        match = STAMP_RE.match(text)
        if match is None:
            continue
        dated = bool(match.group("rest")) and _DATE_RE.search(match.group("rest")) is not None
        if not dated:
            if nonblank is None:
                nonblank = [i for i, t in enumerate(texts) if t.strip()]
            at = nonblank.index(index)
            near = nonblank[max(0, at - CHROME_DISTANCE) : at + CHROME_DISTANCE + 1]
            if not any(i != index and is_known_ui_line(texts[i]) for i in near):
                continue
        yield junk_line(doc, index, f"Update stamp `{shorten(text.strip())}` left in the article")


@hookimpl
def newslint_register_rules(register: Callable[[Rule], None]) -> None:
    register(update_stamp)
