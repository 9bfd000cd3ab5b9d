"""Stray orphan lines: a lone word or two left between paragraphs or above the headline (SC501)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator

from newslint.diagnostics import Category, Edit, Fix, Severity, Span, Violation
from newslint.document import Document
from newslint.hookspecs import hookimpl
from newslint.lexicon import FUNCTION_WORDS, zipf
from newslint.rules import FixAvailability, Rule, rule
from newslint.scrape_structure import (
    BARE_DOMAIN_RE,
    CUT_OFF_WORDS,
    PARTICLE_CUT_MIN_WORDS,
    PARTICLE_CUT_WORDS,
    ends_sentence,
    headline_run_length,
    is_caption_marker,
    is_cut_statement,
    is_hard_wrapped,
    is_known_ui_line,
    is_sentence_case,
    is_sign_off,
    layout,
    shorten,
    tail_marker,
    words,
)

# Kicker and status labels a CMS prints above or beside a headline.
PAGE_LABELS = frozenset(
    [
        "ad",
        "ads",
        "more",
        "updated",
        "update",
        "local",
        "breaking",
        "live",
        "exclusive",
        "opinion",
        "analysis",
        "video",
        "photos",
        "audio",
        "listen",
        "watch",
        "share",
        "menu",
        "close",
        "loading",
        "new",
        "news",
        "world",
        "national",
        "politics",
        "business",
        "sport",
        "sports",
        "sponsored",
        "premium",
        "free",
    ]
)
MAX_WORDS = 2
RARE = 3.0  # Zipf below which a lone capitalised word is a name, not a section label


def _names(doc: Document) -> frozenset[str]:
    """Words the document only ever writes capitalised, and at least once in mid-sentence: names."""
    capital_mid: set[str] = set()
    lowercase: set[str] = set()
    tokens = doc.tokens
    for before, token in itertools.pairwise(tokens):
        word = token.text
        if word.islower():
            lowercase.add(word)
        elif word[0].isupper() and before.text[-1].isalpha() and doc.text[before.end : token.start] == " ":
            capital_mid.add(word)
    return frozenset(w for w in capital_mid if w.lower() not in lowercase)


@rule(
    code="SC501",
    name="stray-fragment-line",
    category=Category.FRAGMENT,
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
    flag=(
        "in\n\nCouncil approves budget after long debate\n\nThe council approved the budget on Monday "
        "after a long debate over parking fees.\n",
        "Local\n\nCouncil approves budget after long debate\n\nThe council approved the budget on Monday "
        "after a long debate over parking fees.\n",
    ),
    pass_=(
        "Council approves budget after long debate\n\nThe council approved the budget on Monday after a "
        "long debate over parking fees.\n\nBackground\n\nThe plan was first proposed in 2019 by a "
        "committee of residents.\n",
        "Council approves budget after long debate\n\nThe council approved the budget on Monday after a "
        "long debate over parking fees.\n\nReporting by Ann Lee; editing by Tom Ward\n",
    ),
)
def stray_fragment_line(doc: Document) -> Iterator[Violation]:
    """## What it does
    Flags a line of one or two words that is neither a headline, a subheading, a dateline nor a list
    item: a stray function word ("in"), a page label above the headline ("Local", "Updated", "Ad") or
    a lone name left between a subheading and its paragraph.

    ## Why is this bad
    Extractors leave pieces of navigation, labels and split lines behind; they read as broken text.

    ## Example
    in

    ## Fix safety
    Unsafe: the line is deleted; a lone leading word may instead belong to the next line.
    """
    if is_hard_wrapped(doc):
        return  # the layout of wrapped text says nothing about page chrome
    shape = layout(doc)
    if shape.first_body is None:
        # With no story, "stray" has no meaning, and deleting one fragment would make the next
        # one look stray in turn: the fixes would never settle.
        return
    marker = tail_marker(doc)  # lines after it are SC109's topic tags (so is a bare site address)
    names: frozenset[str] | None = None
    for position, index in enumerate(shape.nonblank):
        text = doc.line_texts[index].strip()
        # Splitting stops after MAX_WORDS + 1 words: a long line is rejected without splitting it all.
        if len(text.split(None, MAX_WORDS)) > MAX_WORDS or index in doc.list_lines:
            continue
        if BARE_DOMAIN_RE.match(text) and (shape.in_head(index) or shape.in_tail(index)):
            continue
        tokens = words(text)
        if not tokens:
            continue
        if is_known_ui_line(text) or is_caption_marker(text) or text.endswith((":", "—", "–", "-")):
            continue
        lowered = [t.lower() for t in tokens]
        head = shape.in_head(index) and (doc.title_line is None or index < doc.title_line)
        before_title = head or (shape.first_body is not None and position == 0 and index < shape.first_body)
        stray = all(t in FUNCTION_WORDS for t in lowered) or text[0].islower()
        if not stray and before_title:
            # Above a proper headline, a line of one or two words is a kicker or a label.
            above_headline = doc.title_line is not None and index < doc.title_line
            stray = above_headline or all(t in PAGE_LABELS for t in lowered)
        if not stray and shape.in_tail(index) and (marker is None or index < marker):
            # After the story, a last word or two, or one above a UI line, is left over.
            # (A word or two over more lines is a subheading: "Key dates" over a list.)
            following = shape.next(index)
            stray = not is_sign_off(text) and (
                following is None
                or is_known_ui_line(doc.line_texts[following])
                or headline_run_length(doc, following) >= 2
            )
        if not stray and len(tokens) == 1 and not shape.in_head(index) and text[0].isupper():
            word = tokens[0]
            previous = shape.previous(index)
            after_heading = previous is not None and previous in doc.heading_lines
            # A one-word subheading is a common noun ("Background"); a lone name is a leftover.
            # The document's names are gathered only when the word could be one that counts:
            # a rare word, one right under a heading, or one alone among the body's paragraphs
            # (a story with no other subheading has no section a name could head).
            may_count = after_heading or zipf(word) < RARE or _only_body_heading(doc, index)
            if may_count and names is None:
                names = _names(doc)
            stray = not doc.is_accepted(word) and (
                (may_count and names is not None and word in names) or lowered[0] in PAGE_LABELS
            )
        if not stray or _continues_previous(doc, shape.previous(index), text):
            continue
        if not before_title and _is_rhetorical(doc, shape.previous(index), text):
            continue
        lead = len(doc.line_texts[index]) - len(doc.line_texts[index].lstrip())
        span = Span(doc.lines[index].start + lead, doc.lines[index].start + lead + len(text))
        if doc.is_ignored(span):
            continue
        yield Violation(
            span,
            f"Stray fragment line `{shorten(text)}`",
            Fix.unsafe("Delete the line", Edit.deletion(doc.line_with_break(index))),
        )


def _only_body_heading(doc: Document, index: int) -> bool:
    """Say whether line ``index`` is the only heading-like line between the body's paragraphs."""
    shape = layout(doc)
    if shape.first_body is None or shape.last_body is None or not shape.first_body < index < shape.last_body:
        return False
    return not any(
        shape.first_body < other < shape.last_body and other != index for other in doc.heading_lines
    )


def _is_rhetorical(doc: Document, previous: int | None, text: str) -> bool:
    """Say whether a one- or two-word line is a paragraph of its own in running prose ("Maybe.",
    "Silence."): a capitalised sentence, closed by its punctuation, after a finished sentence."""
    if previous is None or not text[0].isupper() or not ends_sentence(text):
        return False
    return ends_sentence(doc.line_texts[previous])


def _continues_previous(doc: Document, previous: int | None, text: str) -> bool:
    """A lower-case line right after an unfinished line is the end of a broken paragraph (SC703/SC704)."""
    if previous is None or not text[0].islower():
        return False
    return not ends_sentence(doc.line_texts[previous])


TRUNCATED_MIN_WORDS = 6
# A shorter line is a cut sentence only when it opens like one, on a subject pronoun with the
# rest in lower case ("It declined to"): headings and teasers open otherwise ("Where to go").
_CLAUSE_OPENERS = frozenset(["It", "He", "She", "They", "We", "I"])
_CLAUSE_MIN_WORDS = 3
_SENTENCE_END_RE = re.compile(r"[.!?][\"'”’)]*\s+")
# Words a finished sentence never ends on (particles such as "in", "up" or "out" can).
TRUNCATION_WORDS = CUT_OFF_WORDS | frozenset(
    [
        "for",
        "at",
        "into",
        "about",
        "than",
        "between",
        "among",
        "during",
        "against",
        "toward",
        "towards",
        "via",
        "onto",
        "upon",
        "whose",
        "that",
        "which",
        "who",
        "because",
        "if",
        "said",
        "says",
        "is",
        "are",
        "was",
        "were",
        "will",
        "would",
        "has",
        "have",
        "had",
    ]
)
_TRAILING_MARKUP_RE = re.compile(r"(?:\s*</?[A-Za-z][^<>]{0,80}>)+\s*$")
LONG_LINE_WORDS = 25


@rule(
    code="SC502",
    name="truncated-paragraph",
    category=Category.FRAGMENT,
    severity=Severity.WARNING,
    flag=(
        "Council approves budget\n\nThe council approved the budget on Monday after a long debate over "
        "parking fees.\n\nThe mayor said the city would ask the state for\n\nOfficials said the vote was "
        "close and that the debate had lasted more than three hours.\n",
        "Plant to close\n\nThe recycler said on Monday that it would close its plant in March after two "
        "years of losses.\n\nIt plans to list its shares next year. It declined to\n",
        "Plant to close\n\nThe recycler said on Monday that it would close its plant in March after two "
        "years of losses.\n\nThe board also agreed to\n\nIt said it was a matter for the board to decide.\n",
        "Plant to close\n\nThe recycler said on Monday that it would close its plant in March after two "
        "years of losses.\n\nWorkers at the second site were told on\n\nThe union said it would ask the "
        "board to reconsider the closure of both sites before the end of the year.\n",
    ),
    pass_=(
        "Council approves budget\n\nThe council approved the budget on Monday after a long debate over "
        "parking fees.\n\nWhat the budget means for you\n\nOfficials said the vote was close and that "
        "the debate had lasted more than three hours.\n",
        "Plant to close\n\nThe recycler said on Monday that it would close its plant in March after two "
        "years of losses.\n\nWhere to look for\n\nIt said it was a matter for the board to decide.\n",
        "Plant to close\n\nThe recycler said on Monday that it would close its plant in March after two "
        "years of losses.\n\nWhat the closure means for\n\nIt said it was a matter for the board to decide.\n",
        "Plant to close\n\nThe recycler said on Monday that it would close its plant in March after two "
        "years of losses.\n\nThe Lights Stayed On\n\nIt said it was a matter for the board to decide.\n",
    ),
)
def truncated_paragraph(doc: Document) -> Iterator[Violation]:
    """## What it does
    Flags a paragraph inside the story that stops mid-sentence: it ends on a comma, an article, a
    conjunction or a preposition such as "of" or "to", or it runs past 25 words with no closing
    punctuation, and the next line does not carry the sentence on. A short line, and the story's
    last paragraph, count only when the sentence they stop in opens on a subject pronoun
    ("It declined to").

    ## Why is this bad
    The extractor lost the rest of the sentence (a link, an embed or a page break cut it off); the
    reader is left with half a thought.

    ## Example
    The mayor said the city would ask the state for

    ## Fix safety
    No fix: the missing words are not in the text.
    """
    if is_hard_wrapped(doc):
        return  # the layout of wrapped text says nothing about page chrome
    shape = layout(doc)
    if shape.first_body is None or shape.last_body is None:
        return
    for index in shape.nonblank:
        if index < shape.first_body or index in doc.list_lines:
            continue
        text = doc.line_texts[index]
        # The markup regex only matches a line ending in ">": most lines skip it.
        text = (_TRAILING_MARKUP_RE.sub("", text) if text.rstrip().endswith(">") else text).strip()
        split = text.split()
        if ends_sentence(text) or text.endswith((":", "-", "—", "–")):
            continue
        # Short, or the story's last paragraph or after it: only a sentence cut after its
        # subject ("... next year. It declined to").
        short_or_last = len(split) < TRUNCATED_MIN_WORDS or index >= shape.last_body
        last_sentence = _SENTENCE_END_RE.split(text)[-1].split()
        if short_or_last and not (_is_cut_clause(last_sentence) or is_cut_statement(last_sentence)):
            continue
        if is_known_ui_line(text) or is_caption_marker(text):
            continue
        following = shape.next(index)
        if following is not None and doc.line_texts[following].lstrip()[:1].islower():
            continue  # carried on in the next line: SC704
        cut = (
            text.endswith(",")
            or split[-1].lower() in TRUNCATION_WORDS
            or (split[-1] in PARTICLE_CUT_WORDS and is_sentence_case(last_sentence, PARTICLE_CUT_MIN_WORDS))
        )
        if not (cut or len(split) > LONG_LINE_WORDS):
            continue
        lead = len(doc.line_texts[index]) - len(doc.line_texts[index].lstrip())
        start = doc.lines[index].start + lead
        span = Span(start + len(text) - len(split[-1]), start + len(text))
        if doc.is_ignored(span) or _markup_carries_on(doc, index, span.end):
            continue
        yield Violation(span, f"Paragraph stops mid-sentence after `{shorten(split[-1])}`")


def _is_cut_clause(split: list[str]) -> bool:
    """A short line that opens a sentence on a subject pronoun and stops on a word no sentence ends on."""
    return (
        len(split) >= _CLAUSE_MIN_WORDS
        and split[0] in _CLAUSE_OPENERS
        and all(word[:1].islower() for word in split[1:])
        and split[-1] in CUT_OFF_WORDS
    )


_TAG_RE = re.compile(r"<[^>]*>")


def _markup_carries_on(doc: Document, index: int, end: int) -> bool:
    """Say whether the sentence goes on in markup the view blanks ("append to a `String`").

    In Markdown and HTML, inline code and similar markup are blank in the view the rules read,
    so a sentence ending on one looks cut off; the file itself shows it is not. Closing tags
    alone carry nothing on.
    """
    if doc.source is None:
        return False
    return bool(_TAG_RE.sub("", doc.source[end : doc.lines[index].end]).strip())


@hookimpl
def newslint_register_rules(register: Callable[[Rule], None]) -> None:
    register(stray_fragment_line)
    register(truncated_paragraph)
