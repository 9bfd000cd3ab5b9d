"""Site chrome found by shape rather than wording: UI lines at the article's edges (SC109), share bars
glued to a sentence (SC110) and the trailing block of other stories' headlines (SC401)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from newslint.diagnostics import Category, Edit, Fix, Severity, Span, Violation
from newslint.document import Document
from newslint.hookspecs import hookimpl
from newslint.rules import FixAvailability, Rule, rule
from newslint.scrape_structure import (
    BARE_DOMAIN_RE,
    EXCERPT_END_RE,
    FINITE_VERBS,
    GLUED_SHARE_RE,
    LABELLED_ITEM_RE,
    UI_NOUNS,
    body_vocabulary,
    ends_sentence,
    headline_run_length,
    introduces_list,
    is_caption_marker,
    is_cut_statement,
    is_hard_wrapped,
    is_headline_shaped,
    is_known_ui_line,
    is_sign_off,
    junk_line,
    layout,
    looks_like_ui,
    may_end_with_share_bar,
    overlap_with_body,
    shorten,
    tail_marker,
    words,
)

TEASER_MAX_OVERLAP = 0.2
FINAL_LINE_MAX_OVERLAP = 0.5
FINAL_LINE_MIN_WORDS = 4
MIN_HEADLINE_RUN = 2
RUN_MAX_OVERLAP = 0.75


def _is_in_list(doc: Document, index: int) -> bool:
    """A labelled line next to another labelled line: an item of a list, not a headline."""
    shape = layout(doc)
    neighbours = (shape.previous(index), shape.next(index))
    return any(n is not None and LABELLED_ITEM_RE.match(doc.line_texts[n]) for n in neighbours)


_QUESTION_RE = re.compile(r"\?[\"'”’)]*\s*$")


TAG_MAX_WORDS = 3
_CLICK_RE = re.compile(r"\b(?:click|tap|here)\b", re.IGNORECASE)


def _names_the_site(text: str) -> bool:
    return bool(_CLICK_RE.search(text)) or any(w.lower() in UI_NOUNS for w in words(text))


def _is_tag_line(text: str) -> bool:
    stripped = text.strip()
    return 0 < len(stripped.split()) <= TAG_MAX_WORDS and not ends_sentence(stripped)


@rule(
    code="SC109",
    name="site-chrome-line",
    category=Category.BOILERPLATE,
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
    flag=(
        "Council approves budget\n\nThe council approved the budget on Monday after a long debate over "
        "parking fees and library hours.\n\nGet the morning briefing delivered to your inbox\n",
        "Council approves budget\n\nThe council approved the budget on Monday after a long debate over "
        "parking fees and library hours.\n\nTap the bell to get breaking news alerts on your phone\n",
        "Council approves budget\n\nThe council approved the budget on Monday after a long debate over "
        "parking fees and library hours.\n\nharbourcourier.co.uk\n",
    ),
    pass_=(
        "Council approves budget\n\nThe council approved the budget on Monday after a long debate over "
        "parking fees and library hours.\n\nWhat happens next\n\nThe mayor will sign it on Friday, "
        "officials said after the vote.\n",
        "Council approves budget\n\nThe council approved the budget on Monday after a long debate over "
        'parking fees and library hours.\n\n"Get your act together," one resident told the board.\n',
        "Council approves budget\n\nThe council approved the budget on Monday after a long debate over "
        "parking fees and library hours.\n\nexample.org\n\nThe site lists every vote the council has "
        "taken since 2019, with the minutes of each meeting.\n",
    ),
)
def site_chrome_line(doc: Document) -> Iterator[Violation]:
    """## What it does
    Flags a short line before the story or after its last paragraph that addresses the reader as a
    site does ("Get the briefing in your inbox", "Download our app"), whatever its exact wording.
    Known UI strings are left to the phrase rules (SC101-SC108).

    ## Why is this bad
    Calls to subscribe, download or follow are page chrome; a scraper copies them with the story.

    ## Example
    Get the morning briefing delivered to your inbox

    ## Fix safety
    Unsafe: the line is judged by its shape and position, not by an exact known string.
    """
    if is_hard_wrapped(doc):
        return  # the layout of wrapped text says nothing about page chrome
    shape = layout(doc)
    marker = tail_marker(doc)
    for index in shape.nonblank:
        text = doc.line_texts[index]
        # Inside the story only an unpunctuated line counts: a short imperative sentence can be prose.
        if not (shape.in_head(index) or shape.in_tail(index)) and ends_sentence(text):
            continue
        if index == doc.title_line or is_known_ui_line(text) or is_caption_marker(text):
            continue
        if introduces_list(doc, index):
            continue
        # After the widgets begin, a short unpunctuated line is a topic tag or a menu entry.
        tag = marker is not None and index > marker and _is_tag_line(text)
        # The site's address alone before or after the story: a page header or footer.
        address = (shape.in_head(index) or shape.in_tail(index)) and bool(BARE_DOMAIN_RE.match(text))
        if not (tag or address or looks_like_ui(text)):
            continue
        # Inside the story a subheading can be imperative ("Check your eligibility"): require a site
        # noun or a click there.
        if not (shape.in_head(index) or shape.in_tail(index)) and not _names_the_site(text):
            continue
        yield junk_line(doc, index, f"Site UI line `{shorten(text)}` left in the article")


@rule(
    code="SC110",
    name="glued-share-bar",
    category=Category.BOILERPLATE,
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
    flag=(
        "Entry is free for the first month.Share this:FacebookX (Twitter)WhatsApp\n",
        "Entry is free for the first month. Facebook Twitter WhatsApp Email\n",
    ),
    pass_=(
        "The company said it would share this data with regulators.\n",
        "She posted the video on Facebook, Twitter and WhatsApp.\n",
    ),
)
def glued_share_bar(doc: Document) -> Iterator[Violation]:
    """## What it does
    Flags a share bar ("Share this: Facebook X WhatsApp") that the extractor glued to the end of the
    last sentence of a paragraph.

    ## Why is this bad
    The social buttons are page chrome; glued to a sentence they are easy to miss and read as text.

    ## Example
    Admission is free for the first month.Share this:FacebookX (Twitter)WhatsApp

    ## Fix safety
    Unsafe: the share bar is found by a pattern; the fix deletes it and keeps the sentence.
    """
    for line, text in zip(doc.lines, doc.line_texts, strict=True):
        if not may_end_with_share_bar(text):
            continue
        match = GLUED_SHARE_RE.search(text)
        if match is None or match.start() == 0 or not text[: match.start()].strip():
            continue
        start = line.start + match.start()
        span = Span(start + len(match.group()) - len(match.group().lstrip()), line.start + len(text.rstrip()))
        if doc.is_ignored(span):
            continue
        yield Violation(
            span,
            f"Share bar `{shorten(doc[span])}` glued to the paragraph",
            Fix.unsafe("Delete the share bar", Edit.deletion(Span(start, line.end))),
        )


@rule(
    code="SC401",
    name="trailing-teaser",
    category=Category.TEASER,
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
    flag=(
        "Council approves budget\n\nThe council approved the budget on Monday after a long debate over "
        "parking fees and library hours.\n\nRelated Posts\n\nFive gardening jobs to finish before winter\n",
        "Council approves budget\n\nThe council approved the budget on Monday after a long debate over "
        "parking fees and library hours.\n\nStriker signs three-year deal with relegated rivals\n",
        "Council approves budget\n\nThe council approved the budget on Monday after a long debate over "
        "parking fees and library hours.\n\nExplainer: How does the council set its budget?\n",
        "Council approves budget\n\nThe council approved the budget on Monday after a long debate over "
        "parking fees and library hours.\n\nTrending: Five things to check before buying a used car\n",
        "Council approves budget\n\nThe council approved the budget on Monday after a long debate over "
        "parking fees and library hours.\n\nCouncil to debate parking fees at library next month\n",
    ),
    pass_=(
        "Council approves budget\n\nThe council approved the budget on Monday after a long debate over "
        "parking fees and library hours.\n\nThe mayor will sign it on Friday.\n",
        "Council approves budget\n\nThe council approved the budget on Monday after a long debate over "
        "parking fees and library hours.\n\nCouncil budget debate resumes over parking fees\n",
        "Q&A: The harbour master on storms and ships\n\nThe harbour master has run the port for twenty "
        "years, through floods, strikes and a fire in the grain store.\n",
    ),
)
def trailing_teaser(doc: Document) -> Iterator[Violation]:
    """## What it does
    Flags the headlines of other stories after the article's last body paragraph (related, trending
    and next-article widgets): a headline-shaped line after an end marker such as "Source link",
    "Previous article" or "You may also like", or one that shares almost no words with the story.

    ## Why is this bad
    Another story's headline at the end of the text reads as part of the article.

    ## Example
    Related Posts
    Seven ways to clear your gutters before spring

    ## Fix safety
    Unsafe: deleting the line is right for a widget headline; an editor should confirm.
    """
    if is_hard_wrapped(doc):
        return  # the layout of wrapped text says nothing about page chrome
    shape = layout(doc)
    if shape.last_body is None:
        return
    yield from _teasers_inside_story(doc)
    # The body's words are gathered only for a line that gets as far as the overlap test:
    # most articles have none, and gathering them is most of this rule's work.
    vocab: set[str] | None = None
    marker_seen = False
    for index in shape.nonblank:
        if index <= shape.last_body:
            continue
        # a closing tag left after the last sentence ("... in April.[/quote]") is SC603's
        text = _CLOSING_TAG_END_RE.sub("", doc.line_texts[index])
        if is_known_ui_line(text) or is_caption_marker(text) or looks_like_ui(text):
            marker_seen = True
            continue
        if FORMAT_LABEL_RE.match(text) and is_headline_shaped(text):
            # "Explainer: Why do storms get names?": a link to another piece, on the story's topic
            # and often a question, so neither the overlap nor the question mark clears it.
            message = f"Headline of another story `{shorten(text)}` after the article"
            yield junk_line(doc, index, message, severity=Severity.ERROR if marker_seen else None)
            continue
        question = bool(_QUESTION_RE.search(text))
        # After the widgets begin, a teaser's excerpt ends in an ellipsis or "[…]".
        excerpt = marker_seen and bool(EXCERPT_END_RE.search(text))
        if excerpt:
            yield junk_line(
                doc,
                index,
                f"Excerpt of another story `{shorten(text)}` after the article",
                severity=Severity.ERROR,
            )
            continue
        if not is_headline_shaped(text) and not (marker_seen and question and len(text.split()) >= 3):
            continue
        if not marker_seen and (index in doc.list_lines or question):
            continue
        following = shape.next(index)
        if is_sign_off(text) or GLUED_SHARE_RE.search(text) or introduces_list(doc, index):
            continue
        if is_cut_statement(text.split()):
            continue  # a paragraph cut mid-sentence ("... before travelling on"): SC502
        if following is not None and doc.line_texts[following].lstrip()[:1].islower():
            continue  # a paragraph broken mid-sentence (SC704), not a headline
        if not marker_seen and following is not None and ends_sentence(doc.line_texts[following]):
            continue  # a subheading over a short closing paragraph
        if vocab is None:
            vocab = body_vocabulary(doc)
        overlap = overlap_with_body(doc, text, vocab)
        # The story's last line being a headline-shaped line is itself a sign (a widget whose label
        # was already removed); elsewhere in the tail the line must share few words with the story.
        # A run of headlines closing the text is a widget list whatever their words.
        in_run = headline_run_length(doc, index) >= MIN_HEADLINE_RUN
        last = index == shape.nonblank[-1]
        if not in_run and not marker_seen and LABELLED_ITEM_RE.match(text) and _is_in_list(doc, index):
            continue
        limit = RUN_MAX_OVERLAP if in_run else FINAL_LINE_MAX_OVERLAP if last else TEASER_MAX_OVERLAP
        # A closing line in headline grammar ("Town police to add two officers this fall") is a
        # related story on the same beat, so it may share most of the story's words.
        if last and _is_headline_future(text):
            limit = RUN_MAX_OVERLAP
        if not marker_seen and (overlap > limit or len(text.split()) < FINAL_LINE_MIN_WORDS):
            continue
        yield junk_line(
            doc,
            index,
            f"Headline of another story `{shorten(text)}` after the article",
            severity=Severity.ERROR if marker_seen else None,
        )


_CLOSING_TAG_END_RE = re.compile(r"(?:\[/[A-Za-z]{1,10}\]|</[A-Za-z][A-Za-z0-9]{0,9}>)+\s*$")


# Headline grammar for a coming event: a subject of a few words, then "to" and a verb, with no finite
# verb anywhere ("Council to vote on parking fees", "Police set to add two officers").
_HEADLINE_FUTURE_RE = re.compile(r"^[A-Z][\w’'.-]*(?:\s+[\w’'.-]+){0,5}?\s+(?:set\s+)?to\s+[a-z]{3,}\b")


def _is_headline_future(text: str) -> bool:
    words = {word.lower() for word in text.split()}
    return bool(_HEADLINE_FUTURE_RE.match(text)) and not words & FINITE_VERBS


# The format or widget labels a site puts before the headline of a linked piece
# ("Explainer: ...", "Factbox: ...", "Trending: ...", "Most read: ...").
FORMAT_LABEL_RE = re.compile(
    r"^\s*(?:Explainer|Factbox|Fact\s+box|Analysis|Opinion|Podcast|Quiz|Gallery|In\s+pictures|Timeline|"
    r"Q&A|Fact\s+check|Interactive|Video|Photos|Graphic|Live|Trending(?:\s+now)?|Most\s+(?:read|popular|viewed)|"
    r"Popular|Recommended|Related|Read\s+next|Up\s+next|Don['’]t\s+miss|Must\s+read|Editor['’]?s\s+pick)"
    r"\s*[:|]\s*\S",
    re.IGNORECASE,
)
# Labels of related-story widgets: the lines after one are other stories' headlines.
RELATED_LABEL_RE = re.compile(
    r"^\s*(?:related(?:\s+(?:stories|articles|posts|coverage|news|content|reading|links))?|read\s+more|"
    r"(?:also|further)\s+read(?:ing)?|read\s+also|see\s+also|more\s+on\s+this(?:\s+story)?|recommended(?:\s+\w+){0,2}|"
    r"you\s+(?:may|might)\s+also\s+like|don['’]t\s+miss|must[\s-]read|editor['’]?s['’]?\s+picks?|"
    r"trending(?:\s+now)?|most\s+(?:read|popular|viewed|shared)|more\s+stories|top\s+stories)\s*:?\s*$",
    re.IGNORECASE,
)


def _teasers_inside_story(doc: Document) -> Iterator[Violation]:
    """Headlines under a related-stories label in the middle of the story."""
    shape = layout(doc)
    assert shape.last_body is not None
    for index in shape.nonblank:
        if index >= shape.last_body or not RELATED_LABEL_RE.match(doc.line_texts[index]):
            continue
        after = shape.next(index)
        while after is not None and after < shape.last_body and is_headline_shaped(doc.line_texts[after]):
            message = f"Headline of another story `{shorten(doc.line_texts[after])}` in the article"
            yield junk_line(doc, after, message, severity=Severity.ERROR)
            after = shape.next(after)


@hookimpl
def newslint_register_rules(register: Callable[[Rule], None]) -> None:
    for item in (site_chrome_line, glued_share_bar, trailing_teaser):
        register(item)
