"""Photo credits and caption text that a scraper copied into the article body (SC201, SC202)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from newslint.diagnostics import Category, Severity, Violation
from newslint.document import Document
from newslint.hookspecs import hookimpl
from newslint.rules import FixAvailability, Rule, rule
from newslint.scrape_structure import (
    CAPTION_LABEL_RE,
    FULL_STOP_RE,
    ends_with_credit,
    is_caption_marker,
    is_credit_line,
    is_known_ui_line,
    is_sign_off,
    junk_line,
    layout,
    shorten,
)

CAPTION_MIN_WORDS = 4
# A caption describes one picture: a line of more words than this is a paragraph of the
# story, whatever sits beside it (a lead of 50 words above an "Image: ..." credit).
CAPTION_MAX_WORDS = 40
# Wire agencies mark the caption of a file photo "FILE - ..." (AP) or "FILE PHOTO: ..." (Reuters):
# a mark no sentence of a story starts with (a dateline names a place, never "FILE").
FILE_PHOTO_RE = re.compile(r"^\s*FILE(?:\s+PHOTO)?\s*(?:-|–|—|:)\s+\S+(?:\s+\S+){3}")
BYLINE_RE = re.compile(r"^(?:By|BY|Words by|Text by)\s+[A-Z]")
HEADLINE_MAX_WORDS = 16


FIGURE_RE = re.compile(r"!\[|<img\b|<figcaption\b|<figure\b", re.IGNORECASE)


def _is_figure_caption(doc: Document, index: int) -> bool:
    """Say whether a Markdown or HTML caption belongs to an image the article still shows.

    A caption on the image's line or the line after it is the article's own figure, not the
    leftover of a photo the scraper dropped; plain text has no images, so this never holds.
    """
    if doc.source is None:
        return False
    previous = index - 1
    while previous > 0 and doc.is_blank_line(previous):
        previous -= 1
    start = doc.lines[max(previous, 0)].start
    return bool(FIGURE_RE.search(doc.source, start, doc.lines[index].end))


@rule(
    code="SC201",
    name="photo-credit-line",
    category=Category.CAPTION,
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
    flag=(
        "The bridge closed.\n\nPhoto: Ruth Okoye/Tidewater Herald\n\nEngineers found rust.\n",
        "Maria Lopez/AFP via Getty Images\n",
        "Image source, Getty Images\n",
        "(Photo by Tom Reed/Reuters)\n",
        "Photograph: Pia Lund/Fjord Post\n",
        "Okoye/Reuters\n",
        "PHOTO: EUROKINISSI / ANNA PETROU\n",
        "© Regional Wildlife Office / Ana Perrin\n",
        "Photo d'illustration. © OFB / Julien Arnaud\n",
    ),
    pass_=(
        "The photograph was taken by Ruth Okoye for the Tidewater Herald.\n",
        "Getty Images said it would appeal, Reuters reported.\n",
        "Before/after: what the renovation changed\n",
        "Musk renames the bird\n\nTwitter/X\n\nThe company changed its name in July.\n",
        "© 2024 Harbour Media Ltd\n",
        "A quiet show\n\nBy Ann Lee\n\nPhotographs by Tom Reed for Harbour Life\n\nPARIS — The show began late.\n",
        "Late winner sends Ridge to the final\n\nBy Ann Lee | The Valley Courier\n\nThe match went to extra time.\n",
    ),
)
def photo_credit_line(doc: Document) -> Iterator[Violation]:
    """## What it does
    Flags a line that is only a photo credit: "Photo: Name/Agency", "Name/AFP via Getty Images",
    "Image source, Getty Images", "(Photo by Name/Agency)"; repeated credits are flagged each time.

    ## Why is this bad
    Image credits belong to a photo that the extraction dropped; in the text they read as a stray
    line between paragraphs.

    ## Example
    Maria Lopez/AFP via Getty Images

    ## Fix safety
    Unsafe: deleting the line is right for a scraped credit, but a byline-like line can look the same.
    """
    for index in range(len(doc.lines)):
        text = doc.line_texts[index]
        if not text.strip() or not is_credit_line(text) or _is_figure_caption(doc, index):
            continue
        if _is_byline_credit(doc, index) or BYLINE_RE.match(text.strip()):
            continue  # "By Ann Lee | The Valley Courier": the writer's byline, not a photo's
        yield junk_line(doc, index, f"Photo credit `{shorten(text)}` left in the article")


# A magazine credits the photographs of the whole piece under its byline:
# "By Ann Lee\nPhotographs by Tom Reed for Harbour Life". It is part of the published piece.
PIECE_CREDIT_RE = re.compile(
    r"^\s*(?:Photographs|Photos|Photography|Pictures|Illustrations?|Images|Words and pictures)\s+by\s"
)


def _is_byline_credit(doc: Document, index: int) -> bool:
    if not PIECE_CREDIT_RE.match(doc.line_texts[index]):
        return False
    previous = index - 1
    while previous >= 0 and doc.is_blank_line(previous):
        previous -= 1
    return previous >= 0 and bool(BYLINE_RE.match(doc.line_texts[previous].strip()))


def _caption_candidate(doc: Document, index: int, headline_seen: bool) -> bool:
    text = doc.line_texts[index].strip()
    count = len(text.split())
    if (
        not CAPTION_MIN_WORDS <= count <= CAPTION_MAX_WORDS
        or is_caption_marker(text)
        or is_known_ui_line(text)
    ):
        return False
    if BYLINE_RE.match(text) or is_sign_off(text):
        return False
    # A descriptive sentence ends with a full stop; a long line without one is not a headline either.
    # A short unpunctuated line is a caption only once the headline has been seen above it.
    return bool(FULL_STOP_RE.search(text)) or count > HEADLINE_MAX_WORDS or headline_seen


# A caption of a screenshot or a video frame names its medium first, in a way no sentence of a
# story opens: "A screenshot of the account page shows ...", "A still from the video shows ...".
MEDIA_CAPTION_RE = re.compile(
    r"^\s*(?:A|An)\s+(?:screenshot|screen\s?grab|video\s+still|still|frame\s+grab)\s+(?:of|from|taken\s+from)\s"
)
# A live blog's post time: "15.32 GMT", "3:05pm", "09:12 ET", "Updated 10.45".
POST_TIME_RE = re.compile(
    r"^\s*(?:(?:Updated|Posted)\s+)?\d{1,2}[.:]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?\s*$", re.IGNORECASE
)
_INNER_SENTENCE_END_RE = re.compile(r"[.!?][\"'”’)]*\s+[A-Z“\"‘']")


def _is_post_time(doc: Document, index: int) -> bool:
    """Say whether line ``index`` is a live-blog post's time stamp ("15.32 GMT")."""
    return bool(POST_TIME_RE.match(doc.line_texts[index]))


def _is_one_sentence(text: str) -> bool:
    """A line of one sentence that a full stop closes, short enough for a caption."""
    stripped = text.strip()
    return (
        CAPTION_MIN_WORDS <= len(stripped.split()) <= HEADLINE_MAX_WORDS + 9
        and bool(FULL_STOP_RE.search(stripped))
        and _INNER_SENTENCE_END_RE.search(stripped) is None
    )


_BYLINE_NAME_RE = re.compile(
    r"^\s*(?:By|BY|Words and pictures by|Story and photos by)\s+(?P<names>[A-Z][^|\n]{2,80}?)\s*(?:[|,·–—-].*)?$"
)
# One sentence closed by a person's name in brackets: "A truck crosses the lake on Monday. (Ann Lee)"
_NAME_CREDIT_RE = re.compile(
    r"^(?P<body>\S.*[.!?][\"”’]?)\s+\((?P<name>[A-Z][\w\x27’.-]+(?:\s+[A-Z][\w\x27’.-]+){1,3})\)\s*$"
)


# Verbs of a photographed scene, present tense: a caption says "A truck crosses the lake in 2023"
# where a story says "crossed".
_SCENE_VERBS = [
    "cross",
    "walk",
    "stand",
    "sit",
    "wait",
    "look",
    "hold",
    "speak",
    "talk",
    "pose",
    "arrive",
    "leave",
    "watch",
    "work",
    "play",
    "ride",
    "carry",
    "pass",
    "gather",
    "sort",
    "inspect",
    "check",
    "sell",
    "wade",
    "clear",
    "load",
    "unload",
    "cheer",
    "celebrate",
    "react",
    "pray",
    "march",
    "queue",
    "drive",
    "pull",
    "push",
    "repair",
    "tend",
    "harvest",
    "plant",
    "climb",
    "board",
    "greet",
    "hug",
    "paint",
    "shape",
    "collect",
    "fill",
    "prepare",
    "rest",
    "sweep",
    "dig",
    "cook",
    "serve",
    "examine",
    "kneel",
    "lift",
    "wave",
    "rehearse",
    "perform",
    "train",
    "practise",
    "practice",
    "fly",
]
SCENE_VERBS = frozenset(_SCENE_VERBS) | frozenset(
    v + ("es" if v.endswith(("s", "sh", "ch", "x")) else "s") for v in _SCENE_VERBS
)
# A past date a story would put in the past tense: "in February 2023", "in 1979", "last winter".
_PAST_ANCHOR_RE = re.compile(
    r"\b(?:in|during|on)\s+(?:(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\s+)?(?:\d{1,2}\s+)?(?:19|20)\d{2}\b|\blast\s+(?:week|month|year|winter|summer|"
    r"spring|autumn|fall)\b|\byesterday\b"
)
_SCENE_SUBJECT_STOPS = frozenset(
    {"a", "an", "the", "to", "of", "in", "on", "for", "and", "or", "this", "that"}
)
SCENE_VERB_WITHIN = 8


def _is_dated_scene(text: str) -> bool:
    """One sentence describing a scene in the present tense with a past date: a caption's grammar
    ("A fuel truck crosses the lake on the winter road in February 2023.")."""
    if not _is_one_sentence(text) or _PAST_ANCHOR_RE.search(text) is None:
        return False
    split = text.split()
    if not split[0][:1].isupper():
        return False
    for position in range(1, min(SCENE_VERB_WITHIN, len(split))):
        word = split[position]
        if word in SCENE_VERBS and split[position - 1].lower() not in _SCENE_SUBJECT_STOPS:
            return not split[position - 1].endswith(",")
    return False


def _bylined_writers(doc: Document) -> frozenset[str]:
    """The names of the article's byline ("By Ann Lee and Tom Reyes"): a writer who took the photos
    credits them with the name alone."""
    names: set[str] = set()
    for text in doc.line_texts:
        if not text.lstrip().startswith(("By", "BY", "Words", "Story")):
            continue
        match = _BYLINE_NAME_RE.match(text)
        if match is not None:
            names.update(n.strip() for n in re.split(r",|\band\b|&", match["names"]) if n.strip())
    return frozenset(names)


def _ends_with_writer_credit(text: str, writers: frozenset[str]) -> bool:
    """A one-sentence caption credited to the article's own writer: "... on Monday. (Ann Lee)"."""
    if not writers:
        return False
    match = _NAME_CREDIT_RE.match(text.strip())
    return match is not None and match["name"] in writers and _is_one_sentence(match["body"])


@rule(
    code="SC202",
    name="caption-text",
    category=Category.CAPTION,
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
    flag=(
        "Fraud trial ends\n\n▲ Low-rise flats in the west of the city, where most victims lived. (Photo = Harbour Ilbo)\n\n"
        "The court sentenced the landlord on Friday.\n",
        "Harbour bridge to close for a year\n\nThe bridge seen from the east bank on Wednesday.\n\n"
        "Photo: Ruth Okoye/Tidewater Herald\n\nEASTON, Maryland — The bridge will close in March, "
        "officials said on Tuesday after a long meeting of the board.\n",
        "Harbour bridge to close for a year\n\nWorkers inspect the rusted girders under the old bridge\n"
        "Hide caption\n\nThe bridge will close in March, officials said on Tuesday after a long meeting of "
        "the county board.\n",
        "Mill closes after 90 years\n\nThe mill employed 300 people.\n\nFILE - Workers leave the mill "
        "in Eastbrook, Ohio, on May 2, 2019. (Photo/Tom Reed, File)\n\nThe owners said on Monday the "
        "plant would close by June.\n",
        "FILE PHOTO: A worker walks past the mill gate in Eastbrook\n",
        "The bathroom, photographed by inspectors. PICTURE: HARBOUR DISTRICT COUNCIL\n",
        "Officers open a ballot box during a recount in Semarang on Monday (2/12/2024). ANTARA FOTO/Budi Santoso/abc.\n",
        "The weaver at her studio in Providence, Rhode Island, in 2019. Courtesy the artist\n",
        "A screenshot of a customer's account page, shared by a reader, shows deliveries marked as paused.\n",
        "A tapestry from the 1987 series, on loan for the show. Courtesy of Harbour Gallery, New York\n",
        "Ann Lutz walks a test plot of seed corn near Corliss in 1978. (Family photo)\n",
        "Ice roads open late\n\nBy Ann Lee\n\nA ferry crosses the bay at dawn in March 2024."
        "\n\nThe winter roads opened three weeks late this year, the province said, after "
        "the warmest December on record left the lake ice too thin for trucks.\n",
        "Ice roads open late\n\nBy Ann Lee\n\nA fuel truck crosses the frozen lake on the winter road in "
        "February. (Ann Lee)\n\nThe winter roads opened three weeks late this year, the province said.\n",
        "A resident fills a container at a kiosk in Zarqa. (Petra)\n",
        "Video shows two people forcing a door in Keller early Sunday. (Courtesy: Keller Police)\n",
        "Storm live\n\nThe storm hit the coast at dawn on Tuesday, forecasters said, with gusts of "
        "more than 80mph recorded on the headlands and thousands of homes left without power.\n\n15.32 GMT\n\n"
        "Waves break over the harbour wall at Eastport.\n\nCredit: Ann Lee/Coast Wire\n\nThe harbour "
        "car park has been closed and people were asked to stay away from the seafront.\n",
    ),
    pass_=(
        "The museum bought the tapestry in 2001. Courtesy of the family, it will travel to Lyon.\n",
        "Ice roads open late\n\nBy Ann Lee\n\nThe province says the winter roads, first built in 1950, "
        "will open three weeks late.\n\nThe warmest December on record left the lake ice too thin for trucks, "
        "officials said on Tuesday after a survey of the eastern network.\n",
        "Ice roads open late\n\nBy Ann Lee\n\nTruckers who crossed the lake in 2023 say the ice is thinner "
        "now.\n\nThe warmest December on record left the lake ice too thin for trucks, officials said on "
        "Tuesday after a survey of the eastern network.\n",
        "Prize shortlist named\n\nBy Ann Lee\n\nThe judges praised a debut novel set on the coast. "
        "(Tom Reyes)\n\nThe shortlist of six was named on Monday.\n",
        "A screenshot of the page was posted on Monday. By Tuesday it had been shared 4,000 times.\n",
        "Harbour bridge to close for a year\n\nPhoto: Ruth Okoye/Tidewater Herald\n\nEASTON, "
        "Maryland — The bridge will close in March, officials said on Tuesday after a long meeting.\n",
        "The storm pushed water a metre deep into the building. Staff spent two nights carrying "
        "paintings upstairs.\n\nPhotograph: Pia Lund/Fjord Post\n\nConservators doubted "
        "she could be saved, and the work took fourteen months in a borrowed hangar.\n",
        "Storm live\n\nThe storm hit the coast at dawn on Tuesday, forecasters said, with gusts of "
        "more than 80mph recorded on the headlands and thousands of homes left without power.\n\n"
        "15.20 GMT\n\nThe harbour wall held. Waves broke over it twice.\n\nCredit: Ann Lee/Coast Wire\n\nThe harbour car park "
        "has been closed and people were asked to stay away from the seafront.\n",
        "Recycler opens giant battery plant as first wave of electric cars nears scrapyard\n\nWritten by admin · Industry News · 0 Comments\n\nHuaxin Materials, one of the country's largest recyclers of spent "
        "batteries, has opened a plant in the south that it says will be able to process the batteries of "
        "about 200,000 electric cars a year, as the first large generation of electric vehicles reaches the "
        "end of its life.\n\nImage: Huaxin Materials (handout)\n\nThe plant in Ganzhou, which cost 3.6 "
        "billion yuan, will have an annual capacity of 50,000 tonnes of used lithium-ion batteries when it "
        "reaches full output next year, its chairman said at the opening ceremony on Thursday.\n",
    ),
)
def caption_text(doc: Document) -> Iterator[Violation]:
    """## What it does
    Flags the caption of a dropped photo: the line directly above a photo credit or a caption
    control ("Hide caption") before the story starts, or one sandwiched between such lines; a
    caption that ends with its own credit, carries a wire agency's file-photo mark ("FILE - ",
    "FILE PHOTO: "), or describes a screenshot or a video still in one sentence ("A screenshot of
    the page shows ..."), anywhere.

    ## Why is this bad
    A caption describes a picture the reader no longer sees; as the first lines of the text it
    pushes the real lead down and repeats what the story says.

    ## Example
    The winning crew lifts the trophy at the boat club on Sunday.
    Photo: Tom Reyes/River Regatta

    ## Fix safety
    Unsafe: the caption is judged by its position next to a credit; check it before deleting.
    """
    shape = layout(doc)
    dateline_lines = {doc.line_index(span.start) for span in doc.datelines}
    writers = _bylined_writers(doc)
    headline_seen = False
    flagged: set[int] = set()
    for position, index in enumerate(shape.nonblank):
        text = doc.line_texts[index]
        if FILE_PHOTO_RE.match(text) and not _is_figure_caption(doc, index):
            yield junk_line(doc, index, f"Photo caption `{shorten(text)}` left in the text")
            continue
        if index in dateline_lines or _is_figure_caption(doc, index):
            continue  # the story's first paragraph, or an image's own caption: never junk
        media_caption = MEDIA_CAPTION_RE.match(text) is not None and _is_one_sentence(text)
        writer_credit = ")" in text and _ends_with_writer_credit(text, writers)
        if CAPTION_LABEL_RE.match(text) or ends_with_credit(text) or media_caption or writer_credit:
            yield junk_line(doc, index, f"Photo caption `{shorten(text)}` left in the text")
            continue
        following = shape.nonblank[position + 1] if position + 1 < len(shape.nonblank) else None
        preceding = shape.nonblank[position - 1] if position > 0 else None
        before_marker = following is not None and is_caption_marker(doc.line_texts[following])
        after_marker = preceding is not None and is_caption_marker(doc.line_texts[preceding])
        # A credit printed in the same block as the caption above it closes that caption: the line
        # after it is the story's ("A gritter on the road\n(Image: Courier)\n\nThe Met Office ...").
        if after_marker and preceding is not None and preceding - 1 in flagged:
            after_marker = False
        in_head = shape.in_head(index)
        # Above the story, a scene in the present tense with a past date is a dropped photo's caption.
        if in_head and headline_seen and index != doc.title_line and _is_dated_scene(text):
            flagged.add(index)
            yield junk_line(doc, index, f"Photo caption `{shorten(text)}` left in the text")
            continue
        # A caption printed in the same block as its credit, with no blank line, is one anywhere.
        glued = before_marker and following == index + 1 and is_credit_line(doc.line_texts[following])
        # A live-blog post that opens with its photo: one sentence between the post's time and the
        # photo's credit. (Under a subheading the same shape is the section's first paragraph.)
        opens_post = (
            before_marker
            and preceding is not None
            and _is_post_time(doc, preceding)
            and is_credit_line(doc.line_texts[following or 0])
            and _is_one_sentence(text)
        )
        placed = (
            (before_marker and (in_head or after_marker or glued))
            or opens_post
            or (in_head and after_marker and headline_seen)
        )
        # The story's last paragraph (or, with no story found, any) is no caption by position alone.
        last_paragraph = shape.last_body is None or index >= shape.last_body
        if (
            placed
            and not last_paragraph
            and index != doc.title_line
            and _caption_candidate(doc, index, headline_seen)
        ):
            flagged.add(index)
            yield junk_line(doc, index, f"Photo caption `{shorten(text)}` left in the text")
            continue
        if in_head and len(text.split()) > 2 and not is_caption_marker(text) and not is_known_ui_line(text):
            headline_seen = True


@hookimpl
def newslint_register_rules(register: Callable[[Rule], None]) -> None:
    for item in (photo_credit_line, caption_text):
        register(item)
