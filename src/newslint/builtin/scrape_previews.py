"""A cut-off copy of a paragraph's opening words (SC503): a feed's summary or an email's preheader
("Every winter, for about eight weeks, a network of roads built over frozen…") printed beside the
paragraph it was cut from."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from newslint.diagnostics import Category, Severity, Violation
from newslint.document import Document
from newslint.hookspecs import hookimpl
from newslint.rules import FixAvailability, Rule, rule
from newslint.scrape_structure import is_hard_wrapped, junk_line, shorten

# A preview long enough that sharing its opening with a paragraph is no coincidence.
MIN_PREVIEW_WORDS = 8
# Lines are grouped by their first words; a preview shares at least these with its paragraph.
KEY_WORDS = 5
# An email preheader is cut at a character count, often inside a word ("built over froz"): a copy
# this long is no coincidence even then.
MID_WORD_MIN_WORDS = 12
# The paragraph goes on for at least this many characters after the preview stops.
MIN_CUT_CHARS = 10
_CUT_MARK_RE = re.compile(r"\s*(?:…|\.\.\.|\[(?:…|\.\.\.)\])\s*$")
_SENTENCE_END = ".!?\"'”’)"


def _flat(text: str) -> str:
    return " ".join(text.split())


@rule(
    code="SC503",
    name="cut-preview-line",
    category=Category.FRAGMENT,
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
    flag=(
        "Ferry fares rise\n\nThe harbour board approved a rise in ferry fares on Monday, the first in\n\n"
        "The harbour board approved a rise in ferry fares on Monday, the first in six years, after a "
        "long debate about fuel costs.\n",
        "Ferry fares rise\n\nThe harbour board approved a rise in ferry fares on Monday, the first in six ye\n\n"
        "The harbour board approved a rise in ferry fares on Monday, the first in six years, after a "
        "long debate about fuel costs.\n",
        "Ferry fares rise\n\nThe harbour board approved a rise in ferry fares on Monday, after a long…\n\n"
        "The harbour board approved a rise in ferry fares on Monday, after a long debate about fuel "
        "costs and wages.\n",
    ),
    pass_=(
        "Ferry fares rise\n\nThe harbour board approved a rise in ferry fares on Monday.\n\n"
        "The harbour board approved a rise in ferry fares on Monday, the first in six years.\n",
        "The harbour board approved a rise in ferry fares\n\nThe harbour board approved a rise in ferry "
        "fares on Monday, the first in six years, after a long debate.\n",
        "Ferry fares rise\n\nThe board said: The harbour board approved a rise in\n\nThe harbour board "
        "approved a rising number of permits.\n",
    ),
)
def cut_preview_line(doc: Document) -> Iterator[Violation]:
    """## What it does
    Flags a line of at least eight words that stops mid-sentence (or on an ellipsis) where another
    paragraph of the article goes on with the same words: a feed reader's summary, an email
    preheader or a teaser excerpt printed beside the paragraph it was cut from.

    ## Why is this bad
    The reader meets the opening of the paragraph twice, the first time broken off in mid-phrase.

    ## Example
    Every winter, for about eight weeks, a network of roads built over frozen

    ## Fix safety
    Unsafe: the cut copy is deleted and the full paragraph kept; an editor should confirm.
    """
    if is_hard_wrapped(doc):
        return
    texts = doc.line_texts
    by_opening: dict[tuple[str, ...], list[int]] = {}
    for index, text in enumerate(texts):
        opening = tuple(text.split(maxsplit=KEY_WORDS)[:KEY_WORDS])
        if len(opening) == KEY_WORDS:
            by_opening.setdefault(opening, []).append(index)
    for group in by_opening.values():
        if len(group) < 2:
            continue
        for index in group:
            if index == doc.title_line:
                continue
            text = texts[index]
            cut = _CUT_MARK_RE.search(text)
            preview = _flat(text[: cut.start()] if cut else text)
            if len(preview.split()) < MIN_PREVIEW_WORDS or (cut is None and preview[-1] in _SENTENCE_END):
                continue
            for other in group:
                if other == index:
                    continue
                full = _flat(texts[other])
                if len(full) < len(preview) + MIN_CUT_CHARS or not full.startswith(preview):
                    continue
                # cut at a word boundary or inside a word; a whole word must go on, not a suffix
                # of the preview's last word ("a rise in" / "a rising"), unless the line marks its cut
                if cut is None and full[len(preview)] != " " and len(preview.split()) < MID_WORD_MIN_WORDS:
                    continue
                yield junk_line(
                    doc,
                    index,
                    f"Cut-off copy `{shorten(preview)}` of a later paragraph"
                    if other > index
                    else f"Cut-off copy `{shorten(preview)}` of an earlier paragraph",
                )
                break


@hookimpl
def newslint_register_rules(register: Callable[[Rule], None]) -> None:
    register(cut_preview_line)
