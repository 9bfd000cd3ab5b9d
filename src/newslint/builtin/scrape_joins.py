"""Text the extractor glued together or broke apart: sentences without a space (SC701), two words run
together (SC702), a word hyphen-broken across a line (SC703) and a paragraph broken mid-sentence (SC704)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator

from newslint.diagnostics import Category, Edit, Fix, Severity, Span, Violation
from newslint.document import Document
from newslint.hookspecs import hookimpl
from newslint.lexicon import AUXILIARIES, CONJUNCTIONS, DETERMINERS, POSSESSIVES, PRONOUNS, zipf
from newslint.rules import FixAvailability, Rule, rule
from newslint.scrape_structure import GLUED_SHARE_RE, is_hard_wrapped
from newslint.segment import ABBREVIATIONS, AMBIGUOUS_ABBREVIATIONS, is_bullet

COMMON = 3.0  # Zipf frequency of a word every reader knows
KNOWN = 2.5  # Zipf frequency of a word most readers know
GLUED_RE = re.compile(
    r"(?P<left>(?:[a-z]\.){1,3}[a-z]|(?<![\w.])(?:[A-Z]\.){1,3}[A-Z]|[A-Za-z]*[a-z]|\d+)(?P<punct>[.!?][”\"’)]?|,)(?P<right>[A-Z][a-z]+\b|[AI](?= [a-z]))"
)
# Domains, file names and code identifiers keep their dots.
_NOT_PROSE_RE = re.compile(
    r"(?:www\.|https?://|@|\.(?:com|org|net|gov|edu|io|co|js|py|html?)\b)", re.IGNORECASE
)
_TOKEN_AROUND_RE = re.compile(r"\S+")
# What every GLUED_RE match has at its ``punct``: a mark right before a capitalised word.
_GLUE_HINT_RE = re.compile(r"[.!?][”\"’)]?(?:[A-Z][a-z]|[AI] [a-z])|,[A-Z][a-z]")


def _is_left_char(char: str) -> bool:
    """Say whether ``char`` can be part of a GLUED_RE ``left`` (letters, dots, decimal digits)."""
    return ("a" <= char <= "z") or ("A" <= char <= "Z") or char == "." or char.isdecimal()


def _glued_matches(text: str) -> Iterator[re.Match[str]]:
    """``GLUED_RE.finditer(text)``, trying the regex only just before each hint."""
    return _hinted_matches(GLUED_RE, _GLUE_HINT_RE, _is_left_char, text)


def _hinted_matches(
    pattern: re.Pattern[str], hint_re: re.Pattern[str], is_left_char: Callable[[str], bool], text: str
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose every match is a run of left characters
    followed by a hint, found by trying the pattern only at the run before each hint.

    No match starts before the run of left characters that ends at the first hint left to
    search, so matching at each position of that run, leftmost first, finds what the
    pattern's own scan would, without running it over the text between hints.
    """
    pos = 0
    while True:
        hint = hint_re.search(text, pos)
        if hint is None:
            return
        stop = hint.start()
        start = stop
        while start > pos and is_left_char(text[start - 1]):
            start -= 1
        for at in range(start, stop + 1):
            match = pattern.match(text, at)
            if match is not None:
                yield match
                pos = match.end()
                break
        else:
            pos = stop + 1


TITLE_ABBREVIATIONS = ABBREVIATIONS - AMBIGUOUS_ABBREVIATIONS
NOT_SENTENCE_STARTS = frozenset({"com", "net", "org", "js", "io"})


def _token_at(text: str, offset: int) -> str:
    for match in _TOKEN_AROUND_RE.finditer(text, max(0, offset - 80), offset + 80):
        if match.start() <= offset < match.end():
            return match.group()
    return ""


@rule(
    code="SC701",
    name="missing-space-after-sentence",
    category=Category.JOIN,
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
    flag=(
        "The ministry said it would act.The minister resigned on Friday.\n",
        "Polls closed at 10 p.m.Turnout was high.\n",
        "Builders must cut the noise.A petition has 14,000 names.\n",
    ),
    pass_=(
        "Visit example.com or Node.js docs.\n",
        "Troops from the U.S.A joined them.\n",
        "Grade B.A students and Plan.I think so.\n",
        "The U.S. Army said at 10 p.m. Turnout was high.\n",
        "It cost 3.5 million.\n",
    ),
)
def missing_space_after_sentence(doc: Document) -> Iterator[Violation]:
    """## What it does
    Flags two sentences glued together without a space ("ministry.The", "p.m.Turnout").

    ## Why is this bad
    When an extractor joins two HTML paragraphs or lines it can drop the space between them; the
    glued word looks like a typo and breaks sentence splitting.

    ## Example
    the balance.Bids open in March

    ## Fix safety
    Safe when both sides are common English words; unsafe otherwise (a brand or a domain may keep the dot).
    """
    text = doc.text
    for match in _glued_matches(text):
        left, right = match.group("left"), match.group("right")
        if left.lower() in TITLE_ABBREVIATIONS:
            continue  # "St.Louis", "Dr.Smith": a missing space after a title, not two sentences glued
        if right.lower() in NOT_SENTENCE_STARTS or _NOT_PROSE_RE.search(_token_at(text, match.start())):
            continue
        # "noise.A petition": a one-letter word starts a sentence only after a common lower-case word
        # ("U.S.A is" is an abbreviation).
        if len(right) == 1 and not (left.isalpha() and left.islower() and zipf(left) >= COMMON):
            continue
        start = match.start("punct")
        if match.group("punct") == "," and not left.isalpha():
            continue  # "1,Ten" is no prose
        line = doc.lines[doc.line_index(start)]
        if GLUED_SHARE_RE.search(text, start + 1, line.end) and GLUED_SHARE_RE.search(
            text[line.start : line.end]
        ):
            continue  # a share bar glued to the sentence: SC110 deletes it
        span = Span(match.start(), match.end())
        if doc.is_ignored(span) or doc.is_accepted(left + match.group("punct") + right):
            continue
        at = match.end("punct")
        # "p.m.Turnout", "ministry.The": common words both sides; "U.S.Army" may be a style choice.
        lower_abbreviation = "." in left and left.islower()
        common_word = left.islower() and zipf(left) >= COMMON
        certain = (lower_abbreviation or common_word) and zipf(right) >= COMMON
        make = Fix.safe if certain else Fix.unsafe
        yield Violation(
            span,
            f"Missing space after the {'comma' if match.group('punct') == ',' else 'full stop'} in `{match.group()}`",
            make("Insert a space", Edit.insertion(at, " ")),
        )


# Function words that end or start a glued pair ("bakeriesand", "theboard"). Prepositions that also
# work as prefixes ("out", "over", "up") are left out: "outsprinting" is a word, not two.
GLUE_RIGHT = (
    DETERMINERS
    | CONJUNCTIONS
    | PRONOUNS
    | AUXILIARIES
    | POSSESSIVES
    | {"of", "to", "for", "with", "from", "said", "says", "told"}
)
GLUE_LEFT = DETERMINERS | CONJUNCTIONS | POSSESSIVES | {"of", "to"}
REPORTING_VERBS = frozenset({"said", "says", "told"})


# A word made of a prefix and a known word ("outsprinting", "overtourism") is a derivation, not a join.
PREFIXES = (
    "out",
    "over",
    "under",
    "up",
    "down",
    "re",
    "un",
    "pre",
    "post",
    "non",
    "multi",
    "anti",
    "co",
    "de",
    "dis",
    "mis",
    "sub",
    "super",
    "inter",
    "counter",
    "self",
    "cross",
    "mid",
    "micro",
    "mega",
    "bio",
    "eco",
    "geo",
    "tele",
    "cyber",
    "hyper",
    "ultra",
    "semi",
    "auto",
    "trans",
)


# Second halves of compound place and company names ("Eastbrook", "Harbourfront", "Bayview").
PLACE_NAME_ENDINGS = frozenset(
    [
        "field",
        "fields",
        "brook",
        "wood",
        "woods",
        "ford",
        "ton",
        "town",
        "ville",
        "view",
        "side",
        "land",
        "lands",
        "dale",
        "port",
        "haven",
        "bridge",
        "gate",
        "burg",
        "burgh",
        "borough",
        "shire",
        "mouth",
        "stead",
        "ham",
        "wick",
        "worth",
        "stone",
        "stones",
        "water",
        "waters",
        "well",
        "wells",
        "hill",
        "hills",
        "hurst",
        "ridge",
        "mont",
        "crest",
        "point",
        "front",
        "way",
        "park",
        "berg",
        "bury",
        "moor",
        "vale",
        "wich",
        "cliff",
        "cliffs",
        "lake",
        "lakes",
        "bay",
        "creek",
        "river",
        "grove",
        "glen",
        "falls",
        "spring",
        "springs",
        "field",
        "mill",
        "mills",
        "court",
        "cross",
        "end",
        "head",
        "heights",
        "wharf",
        "works",
        "line",
        "link",
        "light",
        "lights",
        "star",
        "tech",
        "soft",
        "net",
        "corp",
    ]
)


# Words ending in -s that do begin compounds ("newsmakers", "sportswashing", "salespeople").
COMPOUND_FIRST_HALVES = frozenset(
    [
        "news",
        "sports",
        "arms",
        "sales",
        "goods",
        "customs",
        "glass",
        "gas",
        "bus",
        "plus",
        "miss",
        "class",
        "business",
        "mass",
        "press",
        "cross",
        "boss",
        "lens",
        "series",
        "species",
        "means",
        "physics",
        "economics",
        "politics",
        "works",
        "lands",
        "towns",
        "crafts",
        "kids",
        "mens",
        "womens",
        "tens",
        "hundreds",
        "thousands",
        "outdoors",
        "downstairs",
        "upstairs",
    ]
)


def _is_derivation(word: str) -> bool:
    lowered = word.lower()
    return any(
        lowered.startswith(p) and zipf(lowered[len(p) :]) > 0 for p in PREFIXES if len(lowered) > len(p) + 2
    )


# Function words that also head closed compounds ("jerrycan", "goodwill"): glued after a bare noun
# they more likely finish a compound than start a new word.
COMPOUND_FUNCTION_HEADS = frozenset({"can", "will", "may", "might", "must"})

# Second halves that form closed compounds a word list may miss ("chipmaker", "fanbase"):
# a split into one of them is no evidence of a lost space.
COMPOUND_HEAD_ENDINGS = ("er", "ers", "ing", "ings", "ship", "ships", "ness", "hood", "less", "like", "wide")
COMPOUND_HEADS = frozenset(
    [
        "base",
        "board",
        "boards",
        "book",
        "books",
        "craft",
        "house",
        "houses",
        "light",
        "line",
        "lines",
        "place",
        "point",
        "proof",
        "room",
        "rooms",
        "ware",
        "work",
        "works",
        "yard",
        "yards",
    ]
)
# Two very common words glued with no function word between them ("towncouncil"): convincing only
# when both halves are everyday words long enough not to be a stem or a suffix.
BARE_PAIR_ZIPF = 3.8
BARE_PAIR_MIN_LEFT = 4
BARE_PAIR_MIN_RIGHT = 5
# A long first half carries a short everyday second one ("smartphoneapp", "websiteuser"): the
# split of a ten-letter word leaves no stem or suffix to mistake for a word.
LONG_PAIR_MIN_LEFT = 7
LONG_PAIR_MIN_RIGHT = 3
# Short prepositions glue onto the noun before them ("cashat the till", "voteson Monday"); as
# word endings they are too common to trust after a rare or short first half.
GLUE_PREPOSITIONS = frozenset({"at", "in", "on", "by"})
PREPOSITION_MIN_LEFT = 4
# A first half the article uses alone convinces from this length ("sideline" in "sidelinecut").
SEEN_HALF_MIN_LEFT = 6
# Suffixes that a word list also holds as words (German "ist", "ion"): after a first half the
# article uses they make a derivation ("recitalist", "organist"), not two words.
DERIVATIONAL_TAILS = frozenset(
    {"ist", "ists", "ism", "isms", "ian", "ians", "ess", "ize", "ise", "ity", "ive", "ous", "ent", "ant",
     "ance", "ence", "ery", "ory", "ate", "ates", "ful", "ion", "ions", "ette", "ettes", "eer", "eers"}
)  # fmt: skip
# Second halves that make a word of people or places with almost any noun ("lifeboatmen",
# "harbourside"): after a first half the article uses, they are still one word.
SEEN_HALF_COMPOUND_TAILS = frozenset(
    {
        "men",
        "man",
        "women",
        "woman",
        "folk",
        "people",
        "side",
        "sides",
        "way",
        "ways",
        "ward",
        "wards",
        "wide",
        "land",
        "lands",
        "ship",
        "ships",
        "master",
        "masters",
        "keeper",
        "keepers",
        "maker",
        "makers",
        "mate",
        "mates",
        "hood",
        "dom",
        "time",
        "times",
        "day",
        "days",
        "night",
        "nights",
        "water",
        "front",
    }
)
# A capitalised word glued to "and" in a list of names ("Garden Hill, Cedar Pointand Oxford House"):
# the first half is a common word and a capitalised word follows. A first half ending in "s" is
# left alone: "-sand" ends place names ("Kingsand"), as "-or" ends given names ("Nestor").
_LISTED_GLUE_RE = re.compile(r"(?P<left>[A-Z][a-z]{2,}[a-rt-z])(?P<right>and)")
LISTED_LEFT_ZIPF = 4.0
# The shortest unknown word worth splitting: "cashat" (four letters and a preposition).
MIN_JOINED_LENGTH = 6
FUNCTION_ONLY_BELOW = 7


def _is_compound_head(right: str) -> bool:
    return right in COMPOUND_HEADS or right in PLACE_NAME_ENDINGS or right.endswith(COMPOUND_HEAD_ENDINGS)


def _best_split(word: str, capitalised: bool, doc_words: frozenset[str]) -> tuple[str, str] | None:
    """The split of an unknown word into two known words, or None when no split is convincing."""
    best: tuple[tuple[int, float], tuple[str, str]] | None = None
    for i in range(2, len(word) - 1):
        left, right = word[:i], word[i:]
        if not right.islower():
            continue
        lz, rz = zipf(left), zipf(right)
        function = right in GLUE_RIGHT or left.lower() in GLUE_LEFT
        if len(word) < FUNCTION_ONLY_BELOW and not (right in GLUE_RIGHT or right in GLUE_PREPOSITIONS):
            continue  # a six-letter word splits only before a function word ("cashat")
        if capitalised:
            if len(right) < 3 or rz < COMMON or right in PLACE_NAME_ENDINGS:
                continue
            # A name seen alone in the article ("Northfield" ... "Northfieldresidents").
            known_name = left in doc_words and (len(right) >= 4 or function)
            # A capitalised word is most likely a name ("Heuvelland", "Mathare", "Kingsand"): a
            # function word is evidence only after a capitalised function word ("Theboard") or as
            # a reporting verb after a long, common first half ("Officialssaid").
            function = function and (
                left.lower() in GLUE_LEFT or (lz >= COMMON and len(left) >= 5 and right in REPORTING_VERBS)
            )
            long_word = len(left) >= 8 and lz >= 3.5 and rz >= 4.0
            if not (known_name or function or long_word):
                continue
        else:
            # Beside a function word ("bakeriesand") a less common word is still convincing.
            needed = KNOWN if function and len(left) >= 4 else COMMON
            if min(lz, rz) < needed or len(left) < 2:
                continue
            # Compounds missing from the word list ("overtourism") have an uninflected first half;
            # glued words often do not ("bakeriesand", "votedto").
            inflected = (
                len(left) >= 4 and left not in COMPOUND_FIRST_HALVES and left.endswith(("s", "ed", "ing"))
            )
            if function and right in COMPOUND_FUNCTION_HEADS and not (inflected or left in GLUE_LEFT):
                function = False  # "jerrycan", "trashcan": a compound, not "jerry can"
            bare_pair = (
                min(lz, rz) >= BARE_PAIR_ZIPF
                and len(left) >= BARE_PAIR_MIN_LEFT
                and len(right) >= BARE_PAIR_MIN_RIGHT
                and not _is_compound_head(right)
            )
            long_pair = (
                min(lz, rz) >= BARE_PAIR_ZIPF
                and len(left) >= LONG_PAIR_MIN_LEFT
                and len(right) >= LONG_PAIR_MIN_RIGHT
                and not _is_compound_head(right)
            )
            preposition = (
                right in GLUE_PREPOSITIONS
                and len(left) >= PREPOSITION_MIN_LEFT
                and lz >= COMMON
                and not _is_derivation(left)
            )
            function = function or preposition
            # The first half is a word the article uses on its own ("sideline" ... "sidelinecut"):
            # the space went missing where a line or a link ended.
            seen_half = (
                len(left) >= SEEN_HALF_MIN_LEFT
                and left in doc_words
                and len(right) >= 3
                and not _is_compound_head(right)
                and right not in SEEN_HALF_COMPOUND_TAILS
                and right not in DERIVATIONAL_TAILS
            )
            if not (function or inflected or bare_pair or long_pair or seen_half):
                continue
        score = (int(function), min(lz, rz))
        if best is None or score > best[0]:
            best = (score, (left, right))
    return best[1] if best else None


def _in_address(text: str, span: Span) -> bool:
    """Whether a word is part of a web or mail address ("harbournotes" in "harbournotes.example/p")."""
    before = text[span.start - 1] if span.start else " "
    after = text[span.end : span.end + 2]
    return (
        before in "/@"
        or (before == "." and span.start > 1 and text[span.start - 2].isalnum())
        or (len(after) == 2 and after[0] in "./@" and after[1].isalnum())
    )


_NAME_AFTER_RE = re.compile(r" (?:St\.? )?[A-Z][a-z]")


def _inside_name_list(text: str, span: Span) -> bool:
    """Whether a word stands between a comma-separated list of names and a capitalised word:
    "Garden Hill, Cedar Pointand Oxford House"."""
    if not _NAME_AFTER_RE.match(text, span.end):
        return False
    before = text[max(0, span.start - 80) : span.start]
    line_start = before.rfind("\n") + 1
    item_end = before.rfind(", ", line_start)
    if item_end < 0:
        return False
    # the words between the comma and the glued word are capitalised: one more name of the list
    between = before[item_end + 2 :].split()
    return all(w[:1].isupper() for w in between)


# A possessive glued to the next word: "Northsound'soperations", "the company’splan".
_GLUED_POSSESSIVE_RE = re.compile(r"(?P<left>[A-Za-z]+['’]s)(?P<right>[a-z]{4,})")
GLUED_WORD_MIN_ZIPF = 3.5


@rule(
    code="SC702",
    name="run-together-words",
    category=Category.JOIN,
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
    flag=(
        "Shops, bakeriesand cafes closed.\n",
        "Visits to the new Hospitalsaw a record in May.\n",
        "Northfield voted. Northfieldresidents were glad.\n",
        "The cuts hit Northsound'soperations on the island.\n",
        "Flights serve Garden Hill, Cedar Pointand Oxford House all year.\n",
        "The sideline was wet. He scored from a sidelinecut near the stand.\n",
    ),
    pass_=(
        "FieldMote raised money from GreenHarbor Ventures for the iPhone app.\n",
        "Springfield and Eastbrook signed the deal.\n",
        "Sa'sani and Ma'shamba were named.\n",
        "Giuseppe Lo Russo appealed. Lorusso said he was calm.\n",
        "The recital was long, and the visiting recitalist chose a hard programme.\n",
        "They walked from Looe, Polperro and Kingsand Bay to the fort.\n",
        "The survey covered Penzance, Kingsand Cawsand last summer.\n",
        "The firewall failed. The bridge was a firewalled site.\n",
        "The lifeboat sailed at dawn. The lifeboatmen said the sea was calm.\n",
        "Read it at https://harbournotes.example/p/bakery or write to tips@harbournotes.example\n",
    ),
)
def run_together_words(doc: Document) -> Iterator[Violation]:
    """## What it does
    Flags a word missing from the English word list that splits into two common words
    ("bakeriesand", "Hospitalsaw"), or a possessive glued to a common word
    ("Northsound'soperations"), using the shipped word frequencies. Camel-case names
    (FieldMote, iPhone) and words in the `accept` list are left alone.

    ## Why is this bad
    Extractors drop the space where a line or a link ended, leaving a non-word readers must decode.

    ## Example
    bakeriesand cafes

    ## Fix safety
    Unsafe: the split is a guess from word frequencies; a rare name can look like two words.
    """
    tokens = doc.tokens
    doc_words = frozenset([t.text for t in tokens])
    accept = doc.accept
    # The verdict depends on the word alone (and the document): judge each distinct word once,
    # then walk the tokens only when some word splits.
    splits: dict[str, tuple[str, str]] = {}
    # Capitalised words that split only inside a list of names (checked at each occurrence).
    in_lists: dict[str, tuple[str, str]] = {}
    for word in doc_words:
        if len(word) < MIN_JOINED_LENGTH or word in accept:
            continue
        if not word.isalpha():
            possessive = _GLUED_POSSESSIVE_RE.fullmatch(word) if "s" in word else None
            if possessive is not None and zipf(possessive["right"]) >= GLUED_WORD_MIN_ZIPF:
                splits[word] = (possessive["left"], possessive["right"])
            continue
        capitalised = word[0].isupper() and word[1:].islower()
        if not (word.islower() or capitalised) or zipf(word) > 0:
            continue
        if _is_derivation(word):
            continue
        split = _best_split(word, capitalised, doc_words)
        if split is None and capitalised:
            listed = _LISTED_GLUE_RE.fullmatch(word)
            if listed is not None and zipf(listed["left"]) >= LISTED_LEFT_ZIPF:
                in_lists[word] = (listed["left"], listed["right"])
            continue
        # "Lorusso" beside "Lo Russo": one name spelled two ways (name-consistency), not a lost space.
        if split is not None and capitalised and f"{split[0]} {split[1].capitalize()}" in doc.text:
            continue
        if split is not None:
            splits[word] = split
    text = doc.text
    if in_lists:  # rare: walk the tokens only for a document that has such a word
        for token in tokens:
            if token.text in in_lists and _inside_name_list(text, token.span):
                splits[token.text] = in_lists[token.text]
    if not splits:
        return
    # A lost space is a one-off accident; a word spelled the same way twice ("Marchais" ...
    # "Marchais said") is the writer's spelling of a name or a term.
    seen = Counter(token.text for token in tokens if token.text in splits)
    for word, count in seen.items():
        if count > 1:
            del splits[word]
    for token in tokens:
        split = splits.get(token.text)
        if split is None:
            continue
        word = token.text
        span = token.span
        if doc.is_ignored(span) or _in_address(text, span):
            continue
        left, right = split
        yield Violation(
            span,
            f"Words run together in `{word}`",
            Fix.unsafe(f"Split into `{left} {right}`", Edit.insertion(span.start + len(left), " ")),
        )


HYPHEN_BREAK_RE = re.compile(r"(?P<left>[A-Za-z]{2,})-[ \t]*(?P<break>\r\n|\r|\n)[ \t]*(?P<right>[a-z]{2,})")
# What every HYPHEN_BREAK_RE match has right after its ``left``: a hyphen ending a line.
_HYPHEN_HINT_RE = re.compile(r"-[ \t]*[\r\n]")


def _is_ascii_letter(char: str) -> bool:
    return ("a" <= char <= "z") or ("A" <= char <= "Z")


def _hyphen_breaks(text: str) -> Iterator[re.Match[str]]:
    """``HYPHEN_BREAK_RE.finditer(text)``, trying the regex only just before each hint (as SC701)."""
    return _hinted_matches(HYPHEN_BREAK_RE, _HYPHEN_HINT_RE, _is_ascii_letter, text)


_PARAGRAPH_END_RE = re.compile(r"\n[ \t]*(?:\r?\n)|$")
_SENTENCE_END_CHARS = '.!?…:;”"’)»'


def _ends_as_prose(text: str, offset: int) -> bool:
    """Say whether the paragraph running on from ``offset`` ends like prose, on sentence punctuation.

    A paragraph the extractor hyphen-broke still ends with its last sentence; quoted verse
    that keeps the poet's own line-end hyphen ("king-" / "dom of daylight's dauphin ... in his
    riding") stops mid-sentence wherever the quotation does.
    """
    end = _PARAGRAPH_END_RE.search(text, offset)
    tail = text[offset : end.start() if end else len(text)].rstrip()
    return tail.endswith(tuple(_SENTENCE_END_CHARS))


@rule(
    code="SC703",
    name="hyphen-line-break",
    category=Category.JOIN,
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
    flag=("It will pay for road infra-\nstructure and heating.\n",),
    pass_=(
        "It was an off-year election.\nVoters came anyway.\n",
        "Pages 3-\n4 list the costs.\n",
        "He wrote:\n\nThe tide came in, and the king-\ndom of gulls rose over the quay\n",
    ),
)
def hyphen_line_break(doc: Document) -> Iterator[Violation]:
    """## What it does
    Flags a word split by a hyphen at the end of a line ("infra-" / "structure"), as print layouts and
    PDF extraction leave them.

    ## Why is this bad
    The broken word is no longer a word for readers, search or spell checking.

    ## Example
    road infra-
    structure

    ## Fix safety
    Unsafe: the fix joins the halves (dropping the hyphen when the joined word is English, keeping it
    for a compound such as "well-known").
    """
    text = doc.text
    for match in _hyphen_breaks(text):
        left, right = match.group("left"), match.group("right")
        span = Span(match.start("left"), match.start("break"))
        if doc.is_ignored(span) or not _ends_as_prose(text, match.end()):
            continue
        joined = left + right
        keep_hyphen = zipf(joined) == 0 and zipf(left) > 0 and zipf(right) > 0
        replacement = "-" if keep_hyphen else ""
        shown = f"{left}-{right}" if keep_hyphen else joined
        yield Violation(
            span,
            f"Word `{shown}` broken across a line",
            Fix.unsafe(
                f"Join as `{shown}`",
                Edit(Span(match.end("left"), match.start("right")), replacement),
            ),
        )


# "audi- tors": a line-end hyphen whose line break the extractor turned into a space.
HYPHEN_SPACE_RE = re.compile(r"(?<![\w-])(?P<left>[A-Za-z]{2,})- (?P<right>[a-z]{2,})\b(?!-)")
# Words after a suspended hyphen ("pre- and post-war", "two- to three-bedroom", "anti- or pro-").
SUSPENSION_WORDS = frozenset({"and", "or", "nor", "to", "than", "versus", "vs", "through", "into"})
JOINED_WORD_ZIPF = 2.5  # the joined word must be a word the list knows well enough
# An inflected or derived word ("gritting", "resurfacing") is rarer in the list than its stem: one
# split before or inside its ending needs less, since suspended hyphens precede whole words.
JOINED_DERIVED_ZIPF = 1.5
EVERYDAY = 4.0  # Zipf frequency of a word in everyday use
DERIVED_ENDINGS = ("ing", "ings", "ed", "tion", "tions", "ment", "ments", "ness", "ers", "ly", "ity")


@rule(
    code="SC705",
    name="hyphen-space-split",
    category=Category.JOIN,
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
    flag=(
        "Outside audi- tors noticed the loans.\n",
        "Cyber- security experts said the breach was avoidable.\n",
        "She took a full- time job.\n",
        "Crews began grit- ting the roads.\n",
    ),
    pass_=(
        "Both pre- and post-war housing was surveyed.\n",
        "Two- to three-bedroom flats sold fastest.\n",
        "The rent on a two- or three-room flat rose.\n",
        "Reviews of self- published novels.\n",
    ),
)
def hyphen_space_split(doc: Document) -> Iterator[Violation]:
    """## What it does
    Flags a word split by a hyphen and a space inside a line ("audi- tors", "Cyber- security"),
    when the two halves joined make a known word. A suspended hyphen ("pre- and post-war") is left alone.

    ## Why is this bad
    A print layout hyphenated the word at a line end; the extractor turned the line break into a
    space, leaving two fragments that are not words.

    ## Example
    outside audi- tors noticed

    ## Fix safety
    Unsafe: the fix joins the halves, dropping the hyphen and the space (keeping the hyphen between
    two everyday words the word list rarely sees closed up, as in "full-time").
    """
    text = doc.text
    if "- " not in text:
        return
    for match in HYPHEN_SPACE_RE.finditer(text):
        left, right = match.group("left"), match.group("right")
        if right in SUSPENSION_WORDS:
            continue
        joined = left + right
        needed = JOINED_DERIVED_ZIPF if joined.lower().endswith(DERIVED_ENDINGS) else JOINED_WORD_ZIPF
        if zipf(joined) < needed:
            continue
        span = Span(match.start(), match.end())
        if doc.is_ignored(span) or doc.is_accepted(match.group()):
            continue
        # "full- time": two everyday words the list rarely sees closed up keep their hyphen.
        # A derived word's halves must both be everyday words ("well- being", not "grit- ting").
        halves = COMMON if needed == JOINED_WORD_ZIPF else EVERYDAY
        keep_hyphen = zipf(joined) < COMMON and min(zipf(left), zipf(right)) >= halves
        shown = f"{left}-{right}" if keep_hyphen else joined
        yield Violation(
            span,
            f"Word `{shown}` split by a hyphen and a space",
            Fix.unsafe(
                f"Join as `{shown}`",
                Edit(Span(match.end("left") + int(keep_hyphen), match.start("right")), ""),
            ),
        )


_OPEN_END_RE = re.compile(r"(?P<word>[A-Za-z][\w’'-]*),?\s*$")
_LOWER_START_RE = re.compile(r"^\s*[a-z]")
_WORD_PUNCTUATION = "_’'-"  # with the alphanumerics, what ``[\w’'-]`` takes


def _open_end(text: str) -> re.Match[str] | None:
    """``_OPEN_END_RE.search(text)``, started at the last word instead of the line's start.

    The word a match ends on runs to the end of the line (but a comma and white space), so
    it starts inside the last run of word characters: no match starts before that run.
    """
    end = len(text.rstrip())
    if end and text[end - 1] == ",":
        end -= 1
    start = end
    while start and (text[start - 1].isalnum() or text[start - 1] in _WORD_PUNCTUATION):
        start -= 1
    return _OPEN_END_RE.search(text, start) if start < end else None


MIN_WORDS_BEFORE = 6
MIN_WORDS_AFTER = 3


@rule(
    code="SC704",
    name="paragraph-broken-mid-sentence",
    category=Category.JOIN,
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
    flag=(
        "The board scaled back the plan, dropping a proposal\n\nto build a new athletic complex.\n",
        "The district cut 14 positions, closing its reading program\nand raising fees for sports.\n",
    ),
    pass_=(
        "What happens next\n\nThe board meets on Friday.\n",
        "Figures for the year:\n\nrevenue up 4 percent.\n",
    ),
)
def paragraph_broken_mid_sentence(doc: Document) -> Iterator[Violation]:
    """## What it does
    Flags a line that stops mid-sentence (no closing punctuation) when the next line carries on in
    lower case: a paragraph the extractor broke in two.

    ## Why is this bad
    The break splits one sentence across two paragraphs, so each half reads as a fragment.

    ## Example
    dropping a proposal
    to build a new athletic complex

    ## Fix safety
    Unsafe: the fix joins the two lines with a space.
    """
    if is_hard_wrapped(doc):
        return
    lines = doc.lines
    texts = doc.line_texts
    for index in range(len(lines) - 1):
        text = texts[index]
        match = _open_end(text)
        if match is None or len(text.split()) < MIN_WORDS_BEFORE or text.rstrip().endswith("-"):
            continue
        following = index + 1
        gap = doc.is_blank_line(following)
        if gap and following + 1 < len(lines):
            following += 1  # one blank line between the halves
        after = doc.line_texts[following]
        short = len(after.split()) < (MIN_WORDS_AFTER if gap else 1)
        if not _LOWER_START_RE.match(after) or is_bullet(after) or short:
            continue
        span = Span(lines[index].start + match.start("word"), lines[index].start + match.end("word"))
        if doc.is_ignored(span):
            continue
        gap_start = lines[index].start + len(text.rstrip())
        gap_end = lines[following].start + (len(after) - len(after.lstrip()))
        yield Violation(
            span,
            f"Paragraph broken mid-sentence after `{match.group('word')}`",
            Fix.unsafe("Join the two lines", Edit(Span(gap_start, gap_end), " ")),
        )


@hookimpl
def newslint_register_rules(register: Callable[[Rule], None]) -> None:
    for item in (
        missing_space_after_sentence,
        run_together_words,
        hyphen_line_break,
        hyphen_space_split,
        paragraph_broken_mid_sentence,
    ):
        register(item)
