"""Where the article is: shared structure for the scrape rules (head, body, tail, UI lines, credits).

Extracted articles have a shape: site chrome and photo captions above the first body
paragraph, the story, then widgets (share bars, comment forms, related headlines) after
the last one. The scrape rules judge a line by where it sits in that shape, so the shape
is computed here once per document and cached on the Document's identity.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache, wraps
from typing import Any

from newslint.builtin.packs import builtin_rules_root
from newslint.diagnostics import Edit, Fix, Severity, Span, Violation
from newslint.document import WORD_RE, Document, Token
from newslint.kinds.needs import ASCII_EQUIVALENTS, NOT_AFTER_WORD, Condition, TextIndex, pattern_needs
from newslint.kinds.patterns import IGNORECASE, check_syntax, joins_as_is
from newslint.lexicon import CONJUNCTIONS, DETERMINERS, FUNCTION_WORDS, POSSESSIVES
from newslint.packs import parse_rule_text
from newslint.segment import mark_bullet_width

TERMINAL_RE = re.compile(r"[.!?…][\"'”’)\]]*\s*$|[.!?…]\s*[\"'”’]\s*$")
# A line that closes a sentence with a full stop (not "?" or "!"): descriptive captions do.
FULL_STOP_RE = re.compile(r"\.[\"'”’)\]]*\s*$")

# Photo credits: "Photo: Name/Agency", "Image source, Getty Images", "(Photo by X/Y)",
# "Name Surname/Agency via Getty Images", "Name/Agency", "AP Photo/Name".
_AGENCIES = (
    r"Getty(?:\s+Images)?",
    "Reuters",
    "AFP",
    "AP",
    r"AP\s+Photo",
    "EPA(?:-EFE)?",
    "EFE",
    "ANSA",
    "Belga",
    "Lusa",
    "PAP",
    "Jiji",
    "Ritzau",
    r"Europa\s+Press",
    r"PA(?:\s+Images|\s+Wire)?",
    "Shutterstock",
    r"Alamy(?:\s+Stock\s+Photo)?",
    "iStock(?:photo)?",
    "Bloomberg",
    "Xinhua",
    "ANP",
    "dpa",
    "Sipa",
    "Anadolu",
    "NurPhoto",
    r"SOPA\s+Images",
    "LightRocket",
    "Corbis",
    "Redux",
    "TASS",
    "Sputnik",
    "Kyodo",
    "Yonhap",
    # national agencies whose credits end captions from the Middle East, Africa and Asia
    "Petra",
    "WAM",
    "QNA",
    "KUNA",
    "MENA",
    "IRNA",
    "Bernama",
    "Antara",
    "PTI",
    "IANS",
    "Ukrinform",
    "Interfax",
    "Agerpres",
    "MTI",
    "Imago",
    r"Zuma(?:\s+Press)?",
    "Pool",
    "Handout",
    "Supplied",
    "File",
    "Courtesy",
)
_AGENCY = "(?:" + "|".join(_AGENCIES) + ")"
# The word each agency's name starts with: a credit naming an agency contains one.
_AGENCY_HEADS = tuple(sorted({re.match(r"[A-Za-z]+", a).group() for a in _AGENCIES}))  # type: ignore[union-attr]
_NAME_WORD = r"(?:[A-Z][\w'’.\-]*|de|da|van|von|der|la|le|del|bin|al)"
_NAME = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}}"
_CREDIT_LABEL = (
    r"(?:Photo|Photos|Photograph|Photographs|Photography|Picture|Pictures|Pic|Image|Images|Illustration|"
    r"Graphic|Video|Credit|Credits|Photo\s+credit|Image\s+credit|Picture\s+credit|Photo\s+illustration|"
    r"File\s+(?:photo|image|picture)|Handout\s+(?:photo|image)|Lead\s+image|Main\s+image|Top\s+image|Header\s+image|Featured\s+image|Cover\s+photo|Foto|Fotos|Bild|Fotografía|Fotografia|Fotó|Zdjęcie|Kuva|Crédit\s+photo|"
    # the capitalised labels of agencies and print pages: "PHOTO: EUROKINISSI / NAME", "PICTURE: COUNCIL"
    r"PHOTO|PHOTOS|PHOTOGRAPH|PHOTOGRAPHS|PICTURE|PICTURES|PIC|IMAGE|FOTO|CREDIT|PHOTO\s+CREDIT)"
)


def _mentions_agency(text: str) -> bool:
    return any(head in text for head in _AGENCY_HEADS)


# The forms of a credit line (the alternatives of one regex once). A form's regex is compiled
# only when a line passes the test of what every line of that form contains (in
# ``_matches_credit``): the forms with many names cost ~30 ms to compile together, and most
# articles need few of them.
_CREDIT_FORMS = (
    rf"{_CREDIT_LABEL}\s*(?:by)?\s*[:|–—]\s*\S.{{0,100}}",  # Photo: Name/Agency
    r"(?:Image|Photo|Video)\s+(?:source|copyright)\s*[,:]?\s+\S.{0,80}",  # Image source, Getty Images
    rf"\(\s*(?:{_CREDIT_LABEL}\s*(?:by|courtesy\s+of)?\s*:?|(?:Photo|Image|Picture)s?\s+by)\s*[^()]{{1,100}}\)",
    rf"(?:{_CREDIT_LABEL}\s+)?(?:by|courtesy\s+of|Courtesy\s+of)\s+{_NAME}\s*(?:/|\bfor\b|\bvia\b)\s*.{{1,60}}",
    rf"{_CREDIT_LABEL}\s+(?:by|courtesy\s+of)\s+\S.{{0,60}}",  # Photo by Name, Photo courtesy of X
    rf"Courtesy\s+(?:of\s+)?{_NAME}(?:\s*/\s*{_NAME})?",  # Courtesy of the family
    rf"{_NAME}\s*[|]\s*{_NAME}",  # Name | Agency
    # Name/Agency: a photographer's full name on one side, or an agency's name ("Twitter/X",
    # "Before/After" are headings).
    rf"(?!By\s)(?:{_NAME_WORD}\s+{_NAME}\s*/\s*{_NAME}|{_NAME_WORD}\s*/\s*{_AGENCY}(?:\s+{_NAME})?"
    rf"|[A-Z]{{2,}}\s*/\s*{_NAME_WORD}\s+{_NAME})"
    rf"(?:\s*/\s*{_NAME})?(?:\s+(?:via|for)\s+{_NAME})?",
    rf"{_AGENCY}(?:\s*/\s*{_NAME})?(?:\s+via\s+{_NAME})?",  # AFP/Getty Images, AP Photo/Name
    rf"{_NAME}\s+(?:via|for)\s+{_AGENCY}(?:\s+Images)?",  # Name via Getty Images
    # "© OFB / Julien Arnaud", "Photo d'illustration. © Name/Agency": the copyright sign before an
    # agency and a photographer, or after a photo label.
    rf"(?:{_CREDIT_LABEL}\b[^©]{{0,40}}?)?©\s*{_NAME}\s*/\s*{_NAME}",
    rf"{_CREDIT_LABEL}\b[^©]{{0,40}}?©\s*{_NAME}",
    # a wire's photo service, its photographer and the editor's initials: "ANTARA FOTO/Name/abc"
    rf"[A-Z]{{2,}}\s+(?:FOTO|PHOTO|PHOTOS|PICTURES|IMAGES)\s*/\s*{_NAME}(?:\s*/\s*[a-z]{{2,4}}\.?)?",
)


@cache
def _credit_form_re(index: int) -> re.Pattern[str]:
    return re.compile(rf"^\s*(?:{_CREDIT_FORMS[index]})\s*$", re.VERBOSE)


def _matches_credit(stripped: str) -> bool:
    """Say whether a stripped line has one of the credit forms (what one regex of them all says)."""
    by = "by" in stripped
    slash = "/" in stripped
    via_or_for = "via" in stripped or "for" in stripped
    bar = "|" in stripped
    # What a line of each form contains, in the order of _CREDIT_FORMS (the regexes are
    # case-sensitive, so plain substring tests are exact necessary conditions).
    possible = (
        bar or ":" in stripped or "–" in stripped or "—" in stripped,
        "source" in stripped or "copyright" in stripped,
        stripped.startswith("("),
        (by or "ourtesy" in stripped) and (slash or via_or_for),
        by or "courtesy" in stripped,
        stripped.startswith("Courtesy"),
        bar,
        slash,
        stripped.startswith(_AGENCY_HEADS),
        via_or_for and _mentions_agency(stripped),
        "©" in stripped and slash,
        "©" in stripped,
        slash,
    )
    return any(
        needed and _credit_form_re(index).match(stripped) is not None for index, needed in enumerate(possible)
    )


CREDIT_MAX_WORDS = 14

# Imperative verbs of site UI and the second person that calls to the reader.
UI_VERBS = frozenset(
    [
        "click",
        "tap",
        "share",
        "follow",
        "subscribe",
        "sign",
        "log",
        "join",
        "download",
        "watch",
        "listen",
        "read",
        "see",
        "view",
        "get",
        "register",
        "save",
        "comment",
        "like",
        "tweet",
        "email",
        "e-mail",
        "print",
        "continue",
        "scroll",
        "load",
        "show",
        "hide",
        "enable",
        "install",
        "upgrade",
        "support",
        "donate",
        "contact",
        "advertise",
        "bookmark",
        "copy",
        "send",
        "submit",
        "accept",
        "reject",
        "manage",
        "learn",
        "explore",
        "discover",
        "browse",
        "swipe",
        "open",
        "close",
        "play",
        "skip",
        "visit",
        "check",
        "find",
        "try",
        "claim",
        "unlock",
        "start",
    ]
)
SECOND_PERSON = frozenset(
    {"you", "your", "you're", "you’re", "yours", "you'll", "you’ll", "you've", "you’ve"}
)
UI_NOUNS = frozenset(
    [
        "newsletter",
        "newsletters",
        "inbox",
        "app",
        "apps",
        "cookies",
        "cookie",
        "browser",
        "account",
        "subscription",
        "subscribers",
        "comments",
        "comment",
        "notifications",
        "podcast",
        "podcasts",
        "whatsapp",
        "facebook",
        "twitter",
        "instagram",
        "telegram",
        "youtube",
        "tiktok",
        "linkedin",
        "email",
        "e-mail",
        "updates",
        "alerts",
        "login",
        "password",
        "website",
        "homepage",
        "feed",
        "rss",
        "ad",
        "ads",
    ]
)
CONTENT_WORD_MIN = 4
# Words a headline never ends on; a line ending on one was cut mid-sentence.
CUT_OFF_WORDS = DETERMINERS | CONJUNCTIONS | POSSESSIVES | {"of", "to", "with", "from", "as"}
# Prepositions a finished sentence may end on as particles ("the lights stayed on"): they count as
# a cut only after a sentence-case clause of six words or more, the shape no heading has.
# Not "over", "since", "before", "after", "under": "The fight is far from over", "ever since",
# "as before" end sentences and crossheads.
PARTICLE_CUT_WORDS = frozenset(["on", "in", "by", "until"])
PARTICLE_CUT_MIN_WORDS = 8
# A sentence-case line is a cut clause when a finite verb stands before its last word
# ("Council members also agreed to"); a heading or a teaser opens otherwise ("Where to go").
_FINITE_AUXILIARIES = frozenset(
    ["will", "would", "could", "should", "must", "can", "may", "might", "has", "have", "had", "was", "were"]
)
_QUESTION_OPENERS = frozenset(["What", "Where", "When", "Why", "How", "Who", "Which", "Things"])
# Finite verbs that mark a line as a sentence, not a headline (SC401, SC502).
FINITE_VERBS = _FINITE_AUXILIARIES | {"said", "says", "told", "is", "are"}
_CUT_STATEMENT_MIN_WORDS = 3


def is_sentence_case(split: list[str], min_words: int) -> bool:
    """Say whether words read as a sentence, not a heading: a capital first, then lower case."""
    return (
        len(split) >= min_words
        and split[0][:1].isupper()
        and split[0] not in _QUESTION_OPENERS
        and all(word[:1].islower() for word in split[1:])
    )


def is_cut_statement(split: list[str]) -> bool:
    """A clause in sentence case with a finite verb that stops on a word no sentence ends on
    ("Investigators said the", "Analysts said the recall could cost Voltwise as much as")."""
    if len(split) < _CUT_STATEMENT_MIN_WORDS or not split[0][:1].isupper() or split[0] in _QUESTION_OPENERS:
        return False
    # Names may stand inside a sentence; a headline capitalises most of its words.
    capitals = sum(1 for word in split[1:] if word[:1].isupper())
    if capitals * 3 > len(split) - 1:
        return False
    last = split[-1]
    if not (last in CUT_OFF_WORDS or (last in PARTICLE_CUT_WORDS and len(split) >= PARTICLE_CUT_MIN_WORDS)):
        return False
    return any(word in FINITE_VERBS or word.endswith("ed") for word in split[1:-1])


@dataclass(frozen=True, slots=True)
class Layout:
    """Line indexes that bound the story: its first and last body paragraphs."""

    first_body: int | None
    last_body: int | None
    nonblank: tuple[int, ...]

    def in_head(self, index: int) -> bool:
        return self.first_body is None or index < self.first_body

    def in_tail(self, index: int) -> bool:
        return self.last_body is not None and index > self.last_body

    def previous(self, index: int) -> int | None:
        """The nearest non-blank line above ``index``."""
        at = bisect.bisect_left(self.nonblank, index)
        return self.nonblank[at - 1] if at > 0 else None

    def next(self, index: int) -> int | None:
        """The nearest non-blank line below ``index``."""
        at = bisect.bisect_right(self.nonblank, index)
        return self.nonblank[at] if at < len(self.nonblank) else None


# Per-document results live in the Document's own ``__dict__`` (where its cached properties
# live too), under private names: a lookup there is a tenth of hashing the Document for a
# weak-keyed table, and rules ask thousands of times per run.
_LAYOUT_KEY = "_scrape_layout"
_HARD_WRAPPED_KEY = "_scrape_hard_wrapped"


def words(text: str) -> list[str]:
    return WORD_RE.findall(text)


_TERMINALS = ".!?…"
_CLOSERS = "\"'”’)]"
_QUOTES = "\"'”’"


def ends_sentence(text: str) -> bool:
    """Say whether ``text`` ends a sentence: what ``TERMINAL_RE`` finds, without a regex scan.

    On right-stripped text the regex can only match at the end: a terminal after the
    trailing closing marks, or a terminal, spaces and one closing quote.
    """
    stripped = text.rstrip()
    if not stripped:
        return False
    bare = stripped.rstrip(_CLOSERS)
    if bare and bare[-1] in _TERMINALS:
        return True
    before = stripped[:-1].rstrip()
    return stripped[-1] in _QUOTES and bool(before) and before[-1] in _TERMINALS


_MAX_CACHED_LINE = 400  # longer lines are rare and checked uncached, so the caches stay small


def _per_line(check: Callable[[str], bool]) -> Callable[[str], bool]:
    """Memoise a pure test of a line: the scrape rules ask the same ones about the same lines."""
    cached = lru_cache(maxsize=4096)(check)

    @wraps(check)
    def memoised(text: str) -> bool:
        return cached(text) if len(text) <= _MAX_CACHED_LINE else check(text)

    return memoised


_INITIALS_END_RE = re.compile(r"/[a-z]{2,4}\.$")


@_per_line
def is_credit_line(text: str) -> bool:
    """Say whether a whole line is a photo credit ("Photo: Name/Agency", "Name/AFP via Getty Images")."""
    stripped = text.strip()
    if not stripped or len(stripped.split()) > CREDIT_MAX_WORDS:
        return False
    # Credits carry no final full stop ("(Photo by X/Y.)" and an editor's initials, "/nym.", aside).
    if (
        stripped.endswith((".", "?", "!"))
        and not (stripped.startswith("(") and stripped.endswith(".)"))
        and not _INITIALS_END_RE.search(stripped)
    ):
        return False
    return _matches_credit(stripped)


@dataclass(frozen=True, slots=True)
class _UiStrings:
    """The whole-line UI strings of the shipped scrape pack, split for fast exact lookup.

    One regex of all ~600 strings costs ~50 ms to compile, a start-up that a small article
    should not pay, and every line would run through it. A literal string matches a line
    (case-insensitively, white space around it aside) only if the stripped line has its
    length, so literals are looked up instead: ASCII lines by ``str.lower`` in a set (for
    ASCII characters the regex's case folding is exactly ``str.lower``), other lines by a
    small regex of the literals of that length. The patterns, and any literal that does not
    fit the lookup, stay one regex, in the order the combined regex had them.
    """

    ascii_keys: frozenset[str]
    lengths: frozenset[int]
    by_length: dict[int, tuple[str, ...]]
    rest: _RestLines | None


# Lines asked about before the UI patterns are compiled into one regex (see _RestLines).
TRIAL_LINES = 100


class _RestLines:
    """The UI patterns (and odd literals) as one whole-line test, compiled only when it pays.

    Their one regex costs ~15 ms to compile, more than a short run spends testing lines.
    A line matches it exactly when it matches one alternative alone (when the alternatives
    share no groups or flags: ``joins_as_is``), and an alternative matches only a line that
    holds what it needs (needs.py). So the first ``TRIAL_LINES`` lines try only the
    alternatives they can match, each compiled alone on first use; later lines go through
    the one regex (one C call per line beats any test in Python).
    """

    __slots__ = ("alternatives", "combined", "left", "needs", "singles")

    def __init__(self, alternatives: list[str]) -> None:
        self.alternatives = alternatives
        self.combined: re.Pattern[str] | None = None
        self.singles: dict[int, re.Pattern[str]] = {}
        self.needs: list[Condition | None] | None = None
        self.left = 0
        if joins_as_is(alternatives):
            self.needs = [
                pattern_needs(check_syntax(a, IGNORECASE), IGNORECASE, NOT_AFTER_WORD) for a in alternatives
            ]
            self.left = TRIAL_LINES

    def fullmatch(self, text: str) -> bool:
        if self.needs is not None and self.left > 0:
            self.left -= 1
            index = TextIndex(text)
            for number, need in enumerate(self.needs):
                if need is None or need.holds(index, True):
                    single = self.singles.get(number)
                    if single is None:
                        source = r"\s*(?:" + self.alternatives[number] + r")\s*"
                        single = self.singles[number] = re.compile(source, IGNORECASE)
                    if single.fullmatch(text) is not None:
                        return True
            return False
        if self.combined is None:
            self.combined = re.compile(r"\s*(?:" + "|".join(self.alternatives) + r")\s*", IGNORECASE)
        return self.combined.fullmatch(text) is not None


@cache
def _ui_strings() -> _UiStrings:
    """Every whole-line UI string in the shipped scrape pack (its tokens and patterns)."""
    folder = builtin_rules_root() / "scrape"
    alternatives: list[tuple[str, str | None]] = []  # (regex, the literal when it is one)
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if not entry.name.endswith(".toml") or entry.name == "pack.toml":
            continue
        spec: dict[str, Any] = parse_rule_text(entry.read_text(encoding="utf-8"))
        if spec.get("kind") != "existence" or not spec.get("whole"):
            continue
        alternatives.extend((re.escape(t), t) for t in spec.get("tokens", []))
        alternatives.extend((f"(?:{p})", None) for p in spec.get("patterns", []))
    lookalikes = {c for _, t in alternatives if t is not None for c in t if c in ASCII_EQUIVALENTS}
    # A literal with white space at an edge would let ``\s*`` take part of it, and one with an
    # ASCII lookalike could match an ASCII line that ``str.lower`` does not map to it: both
    # stay in the regex.
    plain = {t for _, t in alternatives if t and t == t.strip() and not lookalikes.intersection(t)}
    literals = sorted(plain)
    by_length: dict[int, list[str]] = {}
    for token in literals:
        by_length.setdefault(len(token), []).append(token)
    # The combined regex tried the longest alternatives first; the rest keep that order.
    alternatives.sort(key=lambda pair: len(pair[0]), reverse=True)
    rest = [a for a, t in alternatives if t not in plain]
    return _UiStrings(
        ascii_keys=frozenset(t.lower() for t in literals if t.isascii()),
        lengths=frozenset(by_length),
        by_length={n: tuple(ts) for n, ts in by_length.items()},
        rest=_RestLines(rest) if rest else None,
    )


@cache
def _literals_of_length(length: int) -> re.Pattern[str]:
    literals = _ui_strings().by_length[length]
    return re.compile("|".join(re.escape(t) for t in literals), re.IGNORECASE)


@_per_line
def is_known_ui_line(text: str) -> bool:
    """Say whether a whole line is a UI string the scrape pack already knows (after a list
    bullet, too: the pack's whole-line rules test a bulleted line again without it)."""
    if _is_known_ui(text):
        return True
    cut = mark_bullet_width(text)
    return cut > 0 and _is_known_ui(text[cut:])


def _is_known_ui(text: str) -> bool:
    stripped = text.strip()
    if not stripped:
        return False
    strings = _ui_strings()
    if len(stripped) in strings.lengths:
        if stripped.isascii():
            if stripped.lower() in strings.ascii_keys:
                return True
        elif _literals_of_length(len(stripped)).fullmatch(stripped):
            return True
    return strings.rest is not None and bool(strings.rest.fullmatch(text))


# A teaser's excerpt ends with an ellipsis, "[…]" or a "Read more" link.
EXCERPT_END_RE = re.compile(
    r"(?:…|\.\.\.|\[(?:…|\.\.\.)\])\s*(?:Read more\W*|Continue reading\W*)?$", re.IGNORECASE
)


def may_end_with_share_bar(text: str) -> bool:
    """False when ``GLUED_SHARE_RE`` cannot match ``text``: it does not end on a network's name.

    A match runs to the end of the text, and only white space, ``,|•·`` follow its last name.
    """
    end = len(text)
    while end and (text[end - 1] in _SHARE_SEPARATORS or text[end - 1].isspace()):
        end -= 1
    return end > 0 and text[end - 1] in _NETWORK_LAST_CHARS


def is_body_paragraph(text: str) -> bool:
    """A line of story prose: many words, closed by sentence punctuation, not a UI string."""
    stripped = (GLUED_SHARE_RE.sub("", text) if may_end_with_share_bar(text) else text).strip()
    return (
        len(stripped.split()) >= 14
        and ends_sentence(stripped)
        and not EXCERPT_END_RE.search(stripped)
        and not is_known_ui_line(stripped)
    )


def layout(doc: Document) -> Layout:
    """The first and last body paragraphs of ``doc`` (cached per document)."""
    cached: Layout | None = doc.__dict__.get(_LAYOUT_KEY)
    if cached is not None:
        return cached
    texts = doc.line_texts
    nonblank = tuple([i for i, text in enumerate(texts) if text.strip()])
    body = [i for i in nonblank if is_body_paragraph(texts[i])]
    # A dateline paragraph opens the story even when it is short or cut off.
    body = sorted(set(body) | {doc.line_index(span.start) for span in doc.datelines})
    first_body = _first_story_line(doc, body)
    result = Layout(first_body, body[-1] if body else None, nonblank)
    doc.__dict__[_LAYOUT_KEY] = result
    return result


def _first_story_line(doc: Document, body: list[int]) -> int | None:
    """The first body paragraph that is not a caption: not next to a credit or caption control."""
    dateline_lines = {doc.line_index(s.start) for s in doc.datelines}
    for index in body:
        if index in dateline_lines:
            return index
        neighbours = [j for j in (index - 2, index - 1, index + 1, index + 2) if 0 <= j < len(doc.lines)]
        if not any(is_caption_marker(doc.line_texts[j]) for j in neighbours):
            return index
    return body[0] if body else None


CAPTION_CONTROL_RE = re.compile(
    r"^\s*(?:(?:hide|show|toggle|expand|collapse|close|open)\s+(?:image\s+)?captions?|"
    r"i?toggle\s+captions?|(?:image|media)\s+caption|caption|enlarge\s+(?:this\s+)?(?:image|photo)|"
    r"(?:click|tap)\s+to\s+enlarge|view\s+(?:larger\s+|full\s+)?(?:image|photo))\s*$",
    re.IGNORECASE,
)


# A caption that carries its own label, as BBC pages print it: "Image caption, Voters queue ...".
CAPTION_LABEL_RE = re.compile(r"^\s*(?:Image|Photo|Picture|Media|Video)\s+caption\s*[,:]\s+\S", re.IGNORECASE)


# A caption that ends with its own credit, as agencies file them: "... on Thursday. REUTERS/Name",
# "... in 2020. (AP Photo/Name, File)", "... on Monday. Photograph: Name/Agency".
_LAST_SENTENCE_END_RE = re.compile(r"[.!?]['\"”’]?\s+(?=\S[^.!?]*$)")
_CREDIT_SIGNAL_RE = re.compile(
    r"/|\b(?:Photo|Photograph|Picture|Image|Credit|Foto|Bild|Fotograf[íi]a|Fotó|Zdjęcie|Kuva)s?\b",
    re.IGNORECASE,
)
# What a caption puts between its sentence and its credit: "... in May. | Bild: Name".
_CREDIT_SEPARATOR_RE = re.compile(r"^[|·•–—-]\s*")
# A caption is one short sentence; a paragraph is longer.
CAPTION_MAX_WORDS = 35
# Credits that carry no label or slash, trusted only after a caption's sentence: a photographer
# shooting for a paper ("Giorgio Landi for The Courier") and an agency alone in brackets ("(Kyodo)").
_FOR_PAPER_CREDIT_RE = re.compile(
    rf"^[A-Z][\w'’.\-]+(?:\s+{_NAME_WORD}){{1,3}}\s+for\s+(?:(?:the|The)\s+{_NAME}|{_AGENCY})$"
)
# (A title or an initial's full stop ends no sentence: "Dr. Tom Reed", "J. Smith".)
_SENTENCE_BREAK_RE = re.compile(
    r"(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bSt)(?<!\bJr)(?<!\b[A-Z])[.!?]['\"”’]?\s+[A-Z]"
)
_BRACKETED_AGENCY_RE = re.compile(rf"^\(\s*{_AGENCY}\s*\)$")
# The Korean press's credit: "(Photo = Yonhap)", "(Graphic = Kim Min-su)".
_EQUALS_CREDIT_RE = re.compile(r"^\((?:Photos?|Images?|Graphics?|Video)\s*=\s*[^()=]{2,60}\)$")
# A bracketed label instead of a photographer: "(Family photo)", "(Submitted photo)", "(Handout)".
_BRACKETED_LABEL_RE = re.compile(
    r"^\((?:(?:[A-Za-z]+\s+){0,2}(?:photo|photograph|picture|image)s?|handout|supplied|submitted|contributed)\)$",
    re.IGNORECASE,
)
# A lender's credit, as museums and galleries give it: "Courtesy the artist", "Courtesy of
# Harbour Gallery, New York", "Cortesía del museo" (only after a caption's one sentence).
_COURTESY_CREDIT_RE = re.compile(
    r"^\(?(?:(?:Photo|Image|Picture)s?\s+)?(?:Courtesy|COURTESY|Cortes[ií]a|Mit freundlicher Genehmigung)"
    r"(?:\s+(?:of|de|del|von)|:)?\s+[^.!?]{2,80}\.?\)?$",
    re.IGNORECASE,
)


def ends_with_credit(text: str) -> bool:
    """Say whether a caption-like line closes with a photo credit after its last sentence."""
    if _INITIALS_END_RE.search(text):
        text = text[:-1]  # "... ANTARA FOTO/Name/nym.": the editor's initials close with a stop
    ends = list(_LAST_SENTENCE_END_RE.finditer(text))
    match = ends[-1] if ends else None
    if match is None or len(text[: match.start()].split()) < 4:
        return False
    tail = _CREDIT_SEPARATOR_RE.sub("", text[match.end() :].strip())
    # A caption's one sentence: a paragraph of several that ends on "(Reuters)" is a story's.
    one_sentence = (
        len(text.split()) <= CAPTION_MAX_WORDS and _SENTENCE_BREAK_RE.search(text, 0, match.start()) is None
    )
    if one_sentence and (
        _FOR_PAPER_CREDIT_RE.match(tail)
        or _BRACKETED_AGENCY_RE.match(tail)
        or _COURTESY_CREDIT_RE.match(tail)
        or _BRACKETED_LABEL_RE.match(tail)
        or _EQUALS_CREDIT_RE.match(tail)
    ):
        return True
    inner = tail[1:-1] if tail.startswith("(") and tail.endswith(")") else tail
    inner = re.sub(r",\s*(?:File|Pool|Handout)(?:\s+Photo)?$", "", inner)
    return bool(_CREDIT_SIGNAL_RE.search(inner)) and is_credit_line(inner)


def is_caption_control(text: str) -> bool:
    return bool(CAPTION_CONTROL_RE.match(text))


@_per_line
def is_caption_marker(text: str) -> bool:
    """A credit line or a caption control: what sits next to a caption."""
    return is_credit_line(text) or is_caption_control(text)


def content_words(text: str) -> set[str]:
    """Lower-cased words of four letters or more that are not function words."""
    lowered = {w.lower() for w in words(text) if len(w) >= CONTENT_WORD_MIN and not w.isdigit()}
    return lowered - FUNCTION_WORDS


def _token_start(token: Token) -> int:
    return token.start


def body_vocabulary(doc: Document) -> set[str]:
    """Content words of the story's body paragraphs, crudely stemmed by a 5-letter prefix."""
    shape = layout(doc)
    vocab: set[str] = set()
    if shape.first_body is None or shape.last_body is None:
        return vocab
    # No word crosses a line break, so the words of the body's lines are the document's
    # tokens between the first line's start and the last line's end.
    tokens = doc.tokens
    first = bisect.bisect_left(tokens, doc.lines[shape.first_body].start, key=_token_start)
    last = bisect.bisect_left(tokens, doc.lines[shape.last_body].end, key=_token_start)
    distinct = {token.text for token in tokens[first:last]}
    lowered = {w.lower() for w in distinct if len(w) >= CONTENT_WORD_MIN and not w.isdigit()}
    return {w[:5] for w in lowered - FUNCTION_WORDS}


def overlap_with_body(doc: Document, text: str, vocab: set[str]) -> float:
    """Share of a line's content words that also occur in the body (0.0 when it has none)."""
    mine = {w[:5] for w in content_words(text)}
    if not mine:
        return 0.0
    return len(mine & vocab) / len(mine)


def is_headline_shaped(text: str, max_words: int = 22) -> bool:
    """A standalone line that reads as a headline: capitalised, 3+ words, no full stop at the end."""
    stripped = text.strip()
    split = stripped.split()
    if len(split) < 3 or len(split) > max_words or not (stripped[0].isupper() or stripped[0].isdigit()):
        return False
    # A line that stops on a comma or a function word was cut mid-sentence; it is no headline.
    if stripped.endswith(",") or split[-1].lower() in CUT_OFF_WORDS:
        return False
    return not FULL_STOP_RE.search(stripped)


_NETWORKS = (
    "Facebook",
    r"X\s*\(Twitter\)",
    "Twitter",
    "X",
    "WhatsApp",
    "Email",
    "E-mail",
    "LinkedIn",
    "Reddit",
    "Telegram",
    "Pinterest",
    "Print",
    "Messenger",
    "Flipboard",
    "Tumblr",
    "Threads",
    "Bluesky",
)
_NETWORK = "(?:" + "|".join(_NETWORKS) + ")"
_NETWORK_LAST_CHARS = frozenset(name[-1] for name in _NETWORKS)
_SHARE_SEPARATORS = ",|•·"
# A share bar glued to the end of a sentence by the extractor: "…12.Share this:FacebookX (Twitter)WhatsApp".
GLUED_SHARE_RE = re.compile(
    rf"(?<=[.!?”\"])\s*(?:(?:Share|Share\s+this(?:\s+(?:article|story|post))?)\s*:?\s*(?:{_NETWORK}[\s,|•·]*){{1,8}}"
    rf"|(?:{_NETWORK}[\s,|•·]*){{3,8}})\s*$"
)

# Sign-offs and notes that legitimately close a story without a full stop.
SIGN_OFF_RE = re.compile(
    r"^\s*[(\[]?\s*(?:(?:Additional\s+)?reporting\s+by|(?:Writing|Editing|Edited|Compiled|Produced|Translated)\s+by|"
    r"With\s+(?:reporting|files)\s+from|Contact\b|Follow\s+[A-Z]\w+\s+on|Correction|Clarification|Update|Editor['’]s\s+note|"
    r"This\s+(?:story|article|report)\s+(?:has\s+been|was)|The\s+Associated\s+Press\s+contributed|"
    r"[—–-]\s*[A-Z])",
    re.IGNORECASE,
)


def introduces_list(doc: Document, index: int) -> bool:
    """Say whether line ``index`` ends in a colon and leads into a list ("What happens next:")."""
    if not doc.line_texts[index].rstrip().endswith(":"):
        return False
    following = layout(doc).next(index)
    return following is not None and following in doc.list_lines


def is_sign_off(text: str) -> bool:
    return bool(SIGN_OFF_RE.match(text))


def shorten(text: str, limit: int = 40) -> str:
    """``text`` stripped and cut to ``limit`` characters with an ellipsis, for messages."""
    stripped = " ".join(text.split())
    return stripped if len(stripped) <= limit else stripped[: limit - 1].rstrip() + "…"


UI_LINE_MAX_WORDS = 14
QUOTE_OPENERS = ('"', "“", "‘", "'")


_FIRST_PERSON_PLURAL = frozenset({"our", "us"})
_ADDRESS_RE = re.compile(r"\S+@\S+\.\w{2,}|https?://\S+|\bwww\.\S+")


# A site's own address on a line of its own, as print and app exports put it in a page footer:
# "harbourcourier.co.uk", "www.harbourcourier.com/news".
BARE_DOMAIN_RE = re.compile(
    r"^\s*(?:https?://)?(?:www\.)?[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*"
    r"\.(?:com|net|org|info|news|co\.uk|org\.uk|com\.au|co\.nz|co\.za|ie|ca|in|uk|eu|de|fr|it|es|nl|id)"
    r"(?:/[\w./-]*)?\s*$",
    re.IGNORECASE,
)


@_per_line
def looks_like_ui(text: str) -> bool:
    """A short line that calls the reader to act on the site, in any wording.

    An imperative UI verb first ("Download", "Tap", "Sign") with the reader or a site noun
    ("your inbox", "our app"), or the reader addressed about a site noun ("You can now listen
    to our podcast").
    """
    stripped = text.strip()
    if stripped.startswith(QUOTE_OPENERS):
        return False
    found = words(stripped)
    if not found or len(found) > UI_LINE_MAX_WORDS:
        return False
    tokens = [w.lower() for w in found]
    second = not SECOND_PERSON.isdisjoint(tokens)
    site_noun = not UI_NOUNS.isdisjoint(tokens)
    first_person_plural = not _FIRST_PERSON_PLURAL.isdisjoint(tokens)
    if (second or first_person_plural or not UI_VERBS.isdisjoint(tokens)) and _ADDRESS_RE.search(stripped):
        return True  # "Got a tip? Email us at tips@example.com"
    verb_first = tokens[0] in UI_VERBS or (tokens[0] in {"don't", "don’t"} and len(tokens) > 1)
    if verb_first and (second or site_noun or first_person_plural or len(tokens) <= 4):
        return True
    return second and site_noun


def tail_marker(doc: Document) -> int | None:
    """The first UI line after the story's last body paragraph: where the widgets begin."""
    shape = layout(doc)
    if shape.last_body is None:
        return None
    for index in shape.nonblank:
        if index > shape.last_body:
            text = doc.line_texts[index]
            if is_known_ui_line(text) or is_caption_marker(text) or looks_like_ui(text):
                return index
    return None


def junk_line(doc: Document, index: int, message: str, severity: Severity | None = None) -> Violation:
    """A finding on line ``index`` (its words, without surrounding space) whose fix deletes it.

    The fix is unsafe: these rules judge a line by its shape and place, not by an exact string.
    """
    line = doc.lines[index]
    text = doc.line_texts[index]
    lead = len(text) - len(text.lstrip())
    span = Span(line.start + lead, line.start + len(text.rstrip()))
    return Violation(
        span, message, Fix.unsafe("Delete the line", Edit.deletion(doc.line_with_break(index))), severity
    )


HARD_WRAP_MIN_LINES = 5
HARD_WRAP_SHARE = 0.3


def is_hard_wrapped(doc: Document) -> bool:
    """Say whether the text is wrapped at a fixed width (sentences run on over line breaks).

    Extracted articles put a paragraph on one line; in wrapped text a line that stops
    mid-sentence is the format, not damage.
    """
    cached: bool | None = doc.__dict__.get(_HARD_WRAPPED_KEY)
    if cached is not None:
        return cached
    shape = layout(doc)
    runs_on = sum(
        1
        for index in shape.nonblank
        if index + 1 < len(doc.lines)
        and not doc.is_blank_line(index + 1)
        and not ends_sentence(doc.line_texts[index])
    )
    result = runs_on >= HARD_WRAP_MIN_LINES and runs_on >= HARD_WRAP_SHARE * len(shape.nonblank)
    doc.__dict__[_HARD_WRAPPED_KEY] = result  # several rules ask, for every line: answer once per document
    return result


# Labelled items ("Jan. 7: First opening", "Cost: $40") make a list, not a block of headlines.
LABELLED_ITEM_RE = re.compile(r"^\s*(?:[^:]{1,20}:\s|\(?\d)")


def headline_run_length(doc: Document, index: int) -> int:
    """How many headline-shaped lines, ``index``'s included, run to the end of the text."""
    shape = layout(doc)
    position = shape.nonblank.index(index)
    rest = shape.nonblank[position:]
    texts = [doc.line_texts[i] for i in rest]
    if not all(is_headline_shaped(t) and not is_sign_off(t) for t in texts):
        return 0
    # Labelled items ("Jan. 7: First opening", "Cost: $40") are a list the story closes with.
    if sum(bool(LABELLED_ITEM_RE.match(t)) for t in texts) * 2 >= len(texts):
        return 0
    return len(rest)
