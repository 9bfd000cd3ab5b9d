"""Shared word lists and token context for the machine-translation (MT) rules.

The MT rules all ask the same questions of a token: is it the first word of a
sentence, is it in running prose (not a heading, list item, quote or ignored region),
what word comes before and after it, and what text separates them. ``analyse``
answers them once per document and caches the answer, so the rules share one pass.
"""

from __future__ import annotations

import bisect
import operator
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, partial, wraps
from itertools import compress, count
from operator import itemgetter
from typing import TypeVar

from newslint.diagnostics import Span
from newslint.document import Document, Token
from newslint.lexicon import AUXILIARIES, FUNCTION_WORDS, PREPOSITIONS, data_text, zipf

REPORTING_VERBS = frozenset(
    [
        "said",
        "says",
        "told",
        "added",
        "noted",
        "stated",
        "reported",
        "announced",
        "explained",
        "wrote",
        "argued",
        "insisted",
        "warned",
        "claimed",
        "confirmed",
        "denied",
        "estimated",
        "concluded",
        "found",
        "noticed",
        "showed",
        "agreed",
        "believed",
        "believes",
        "thinks",
        "thought",
        "suggested",
        "acknowledged",
        "admitted",
        "predicted",
        "recalled",
        "replied",
        "testified",
        "urged",
    ]
)
MODALS = frozenset({"will", "would", "shall", "should", "can", "could", "may", "might", "must"})
NUMBER_WORDS = frozenset(
    [
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "hundred",
    ]
    # "eighty-one": the tens joined to a unit
    + [
        f"{tens}-{unit}"
        for tens in ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
        for unit in ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
    ]
)
# Nouns that may take a plural verb in British usage ("the government are").
COLLECTIVE_NOUNS = frozenset(
    [
        "team",
        "government",
        "police",
        "family",
        "staff",
        "public",
        "crew",
        "committee",
        "board",
        "council",
        "club",
        "band",
        "couple",
        "majority",
        "number",
        "rest",
        "remainder",
        "cast",
        "jury",
        "audience",
        "management",
        "party",
        "group",
        "squad",
        "side",
        "media",
        "data",
        "people",
        "cattle",
        "clergy",
        "youth",
        "personnel",
        "faculty",
        "press",
        "electorate",
        "military",
        "army",
        "navy",
        "enemy",
        "crowd",
        "class",
        "company",
        "firm",
        "panel",
        "union",
        "opposition",
        "cabinet",
        "parliament",
        "congress",
        "senate",
        "administration",
        "leadership",
        "community",
        "population",
        "pair",
        "duo",
        "trio",
        "quartet",
        "choir",
        "orchestra",
        "household",
        "workforce",
        "congregation",
        "village",
        "town",
        "city",
        "nation",
        "country",
        "fish",
        "sheep",
        "deer",
        "aircraft",
        "series",
        "species",
        "means",
    ]
)
# Words that introduce a name or a title, so a capital after them is expected.
NAME_INTRODUCERS = frozenset(
    [
        "of",
        "the",
        "for",
        "and",
        "in",
        "by",
        "named",
        "called",
        "titled",
        "entitled",
        "dubbed",
        "to",
        "from",
        "on",
        "a",
        "an",
        "at",
        "with",
        "as",
        "film",
        "movie",
        "book",
        "novel",
        "album",
        "song",
        "single",
        "play",
        "musical",
        "show",
        "series",
        "memoir",
        "documentary",
        "opera",
        "poem",
        "painting",
        "newspaper",
        "magazine",
        "programme",
        "program",
        "podcast",
        "column",
        "track",
        "hit",
        "exhibition",
        "game",
        "sitcom",
        "drama",
        "paper",
        "daily",
        "tabloid",
        "broadsheet",
        "brand",
        "label",
        "app",
        "station",
        "channel",
        "website",
    ]
)
# Institutions that some house styles capitalise in running text.
INSTITUTION_WORDS = frozenset(
    [
        "parliament",
        "congress",
        "senate",
        "cabinet",
        "government",
        "state",
        "council",
        "court",
        "church",
        "god",
        "internet",
        "army",
        "navy",
        "police",
        "labour",
        "conservative",
        "conservatives",
        "liberal",
        "liberals",
        "democrat",
        "democrats",
        "republican",
        "republicans",
        "green",
        "greens",
        "independent",
        "socialist",
        "communist",
        "tory",
        "tories",
        "unionist",
        "nationalist",
        "crown",
        "treasury",
        "bench",
        "house",
        "assembly",
        "chamber",
    ]
)
IRREGULAR_VERBS = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "am",
        "be",
        "been",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "said",
        "says",
        "told",
        "took",
        "takes",
        "made",
        "makes",
        "gave",
        "gives",
        "went",
        "goes",
        "came",
        "comes",
        "saw",
        "sees",
        "found",
        "finds",
        "got",
        "gets",
        "led",
        "leads",
        "left",
        "leaves",
        "met",
        "meets",
        "ran",
        "runs",
        "won",
        "wins",
        "lost",
        "loses",
        "held",
        "holds",
        "kept",
        "keeps",
        "set",
        "sets",
        "put",
        "puts",
        "cut",
        "cuts",
        "hit",
        "hits",
        "let",
        "lets",
        "began",
        "begins",
        "became",
        "becomes",
        "brought",
        "brings",
        "bought",
        "buys",
        "built",
        "builds",
        "caught",
        "catches",
        "chose",
        "chooses",
        "drew",
        "draws",
        "drove",
        "drives",
        "fell",
        "falls",
        "felt",
        "feels",
        "fought",
        "fights",
        "grew",
        "grows",
        "heard",
        "hears",
        "knew",
        "knows",
        "laid",
        "lays",
        "lay",
        "meant",
        "means",
        "paid",
        "pays",
        "rose",
        "rises",
        "sent",
        "sends",
        "shut",
        "spent",
        "spends",
        "spoke",
        "speaks",
        "stood",
        "stands",
        "struck",
        "strikes",
        "taught",
        "teaches",
        "thought",
        "thinks",
        "threw",
        "throws",
        "wrote",
        "writes",
        "wore",
        "broke",
        "breaks",
        "remains",
        "seems",
        "seemed",
        "appears",
        "looks",
    ]
)
# Nouns whose singular form also serves as the plural, or that take no number.
INVARIANT_NOUNS = frozenset(
    [
        "fish",
        "sheep",
        "deer",
        "aircraft",
        "series",
        "species",
        "means",
        "data",
        "media",
        "public",
        "press",
        "military",
        "police",
        "staff",
        "cattle",
        "clergy",
        "personnel",
        "youth",
        "offspring",
        "headquarters",
        "news",
        "crew",
        "salmon",
        "trout",
        "cod",
        "moose",
        "bison",
        "swine",
    ]
)
IRREGULAR_PLURALS = frozenset(
    [
        "people",
        "men",
        "women",
        "children",
        "feet",
        "teeth",
        "mice",
        "geese",
        "oxen",
        "lice",
        "dice",
        "police",
        "cattle",
        "staff",
        "personnel",
        "folk",
        "folks",
        "offspring",
    ]
)
_SUFFIX_EVIDENCE = ("ing", "ly", "ent", "ous", "ive", "ful", "less", "able", "ible")


class SpaceJoins:
    """``spaced[i]``: only spaces or tabs separate token ``i`` from token ``i + 1``.

    Read like a tuple of bools (False for the last token), but each answer is worked out
    when asked: the rules ask about a few candidate tokens, not about all of them.
    """

    __slots__ = ("_ends", "_starts", "_text")

    def __init__(self, text: str, starts: Sequence[int], ends: Sequence[int]) -> None:
        self._text = text
        self._starts = starts
        self._ends = ends

    def __len__(self) -> int:
        return len(self._starts)

    def __getitem__(self, index: int) -> bool:
        size = len(self._starts)
        if index < 0:
            index += size
        if not 0 <= index < size:
            raise IndexError("token index out of range")
        if index + 1 == size:
            return False
        between = self._text[self._ends[index] : self._starts[index + 1]]
        return between == " " or (between != "" and between.strip(" \t") == "")

    def __iter__(self) -> Iterator[bool]:
        return (self[i] for i in range(len(self._starts)))


@dataclass(frozen=True, slots=True)
class Analysis:
    """Per-document token facts the MT rules share."""

    tokens: tuple[Token, ...]
    sentence_initial: frozenset[int]  # token indexes that open a sentence
    prose: tuple[bool, ...]  # token is in body prose: not heading, list, quote or ignored
    quoted: tuple[bool, ...]
    lower: tuple[str, ...]  # each token's text in lower case
    spaced: SpaceJoins  # spaced[i]: only spaces separate token i from token i + 1
    words: tuple[str, ...]  # each token's text
    skipped: tuple[bool, ...]  # token is on a heading, title or list line
    capitals: list[int]  # indexes of the tokens that start with a capital

    def lower_count(self, word: str) -> int:
        """How often ``word`` occurs in lower case: ``lower_counts[word]`` without the table."""
        return self.words.count(word) if word.islower() else 0

    def cap_mid_count(self, word: str) -> int:
        """How often ``word`` is capitalised mid-sentence: ``cap_mid_counts[word]`` without the table."""
        if word.islower() or not word[:1].isupper():
            return 0
        words, skipped, initial = self.words, self.skipped, self.sentence_initial
        return sum(1 for i in self.capitals if words[i] == word and not skipped[i] and i not in initial)

    @property
    def lower_counts(self) -> Counter[str]:
        """How often each word occurs in lower case."""
        return Counter(filter(str.islower, self.words))

    @property
    def cap_mid_counts(self) -> Counter[str]:
        """How often each word is capitalised mid-sentence (not on a heading, list or title line)."""
        words, skipped, initial = self.words, self.skipped, self.sentence_initial
        return Counter(
            words[i] for i in self.capitals if not skipped[i] and i not in initial and not words[i].islower()
        )


_T = TypeVar("_T")


def per_document(compute: Callable[[Document], _T]) -> Callable[[Document], _T]:
    """Cache ``compute(doc)`` for the last few documents.

    For facts several rules share (the token facts of :func:`analyse`, the candidates of
    MT101 and MT102); the entry keeps the document alive so that its id is not reused.
    """
    cache: dict[int, tuple[Document, _T]] = {}

    @wraps(compute)
    def cached(doc: Document) -> _T:
        hit = cache.get(id(doc))
        if hit is not None and hit[0] is doc:
            return hit[1]
        result = compute(doc)
        if len(cache) > 16:
            cache.clear()
        cache[id(doc)] = (doc, result)
        return result

    return cached


def verb_base_and_ing(word: str) -> tuple[str, str]:
    """The base and -ing forms of a verb's -s form: "comes" -> ("come", "coming"), "carries" ->
    ("carry", "carrying"), "goes" -> ("go", "going"). Spelling only: the caller asks the word
    list whether the -ing form is common enough to make the word a verb."""
    if word.endswith("ies"):
        base = word[:-3] + "y"
    elif word.endswith(("sses", "shes", "ches", "xes", "oes")):
        base = word[:-2]
    else:
        base = word[:-1]
    ing = base[:-1] + "ing" if base.endswith("e") and not base.endswith("ee") else base + "ing"
    return base, ing


def indexes_where(flags: Iterable[object]) -> list[int]:
    """The indexes of the true items of ``flags``, picked in C (no Python frame per item)."""
    return list(compress(count(), flags))


@per_document
def capital_indexes(doc: Document) -> list[int]:
    """Indexes of the tokens that start with a capital: where names and stray capitals are."""
    # map and compress run in C: no Python frame per token.
    firsts = map(itemgetter(0), doc.token_texts)
    return list(compress(count(), map(str.isupper, firsts)))


def _analyse(doc: Document) -> Analysis:
    tokens = doc.tokens
    text = doc.text
    size = len(tokens)
    words = doc.token_texts
    starts = doc.token_starts
    ends = doc.token_ends
    # The first token at or after each sentence start and dateline end (bisected in C);
    # ``size`` means there is none.
    openers = [*doc.sentence_starts, *[d.end for d in doc.datelines]]
    initial = set(map(partial(bisect.bisect_left, starts), openers))
    initial.discard(size)
    skip_lines = doc.heading_lines | doc.list_lines
    if doc.title_line is not None:
        skip_lines = skip_lines | {doc.title_line}
    # Per-token facts are filled in by ranges of tokens (one bisect per skipped line and
    # per quote), not by a test per token.
    skipped = [False] * size
    line_starts = doc.line_starts
    for line in skip_lines:
        if line >= len(line_starts):
            continue
        low = bisect.bisect_left(starts, line_starts[line])
        high = bisect.bisect_left(starts, line_starts[line + 1]) if line + 1 < len(line_starts) else size
        skipped[low:high] = [True] * (high - low)
    # A token is quoted when the first quote that ends after its start holds it whole.
    quoted = [False] * size
    reach = -1  # the furthest end of the quotes so far
    for quote in doc.quotes:
        if quote.end > reach:
            low = bisect.bisect_left(starts, max(reach, quote.start))
            high = bisect.bisect_left(starts, quote.end)
            if low < high:
                quoted[low:high] = [True] * (high - low)
                last = high - 1
                while last >= low and ends[last] > quote.end:  # the token that runs past the quote
                    quoted[last] = False
                    last -= 1
            reach = quote.end
    if doc.ignored:
        prose = [
            not (inside or skip or doc.is_ignored(tok.span))
            for inside, skip, tok in zip(quoted, skipped, tokens, strict=True)
        ]
    else:
        prose = list(map(operator.not_, map(operator.or_, quoted, skipped)))
    return Analysis(
        tokens=tuple(tokens),
        sentence_initial=frozenset(initial),
        prose=tuple(prose),
        quoted=tuple(quoted),
        lower=tuple(map(str.lower, words)),
        spaced=SpaceJoins(text, starts, ends),
        words=words,
        skipped=tuple(skipped),
        capitals=capital_indexes(doc),
    )


analyse = per_document(_analyse)
"""Return the shared token facts of a document, computed once."""


@cache
def without_leading_boundary(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` without its leading ``\\b``: it matches wherever ``pattern`` does, and faster.

    A pattern that opens with a literal alternation lets ``re`` skip ahead to its first
    letters; a leading ``\\b`` hides them and every position of the text is tried.
    Compiled on first use (and kept), so start-up pays nothing for it.
    """
    if not pattern.pattern.startswith(r"\b"):
        raise ValueError(f"pattern does not open with \\b: {pattern.pattern[:20]}")
    return re.compile(pattern.pattern[2:], pattern.flags)


# The only characters besides ASCII letters that re.IGNORECASE matches to an ASCII letter
# (İ and ı to i, ſ to s, the Kelvin sign to k); İ is also the only one lower() lengthens.
_ODD_CASE_LETTERS = ("\u0130", "\u0131", "\u017f", "\u212a")


def lowered_for_scan(text: str) -> str | None:
    """``text.lower()`` when it is as long as ``text`` and case-insensitive ASCII matches stay put.

    Then a case-sensitive lower-case pattern finds, in the result, every place where the
    same pattern with ``re.IGNORECASE`` matches ``text``. ``None`` when ``text`` holds a
    letter that breaks this.
    """
    if any(letter in text for letter in _ODD_CASE_LETTERS):
        return None
    return text.lower()


@per_document
def lowered_document(doc: Document) -> str | None:
    """:func:`lowered_for_scan` of the document's text, computed once for the rules that scan it."""
    return lowered_for_scan(doc.text)


def finditer_where(
    pattern: re.Pattern[str], candidates: re.Pattern[str], text: str, scan: str | None = None
) -> Iterator[re.Match[str]]:
    """The matches of ``pattern.finditer(text)``, trying ``pattern`` only where ``candidates`` matches.

    ``candidates`` must match at every position where ``pattern`` does (as
    :func:`without_leading_boundary` gives), and ``pattern`` must never match the empty
    string. ``pattern.match(text, pos)`` still sees the text before ``pos``, so a ``\\b``
    or a lookbehind judges the same characters as in a scan of the whole text.
    ``candidates`` may search ``scan`` instead, a text of the same length (the
    :func:`lowered_for_scan` text, for a case-insensitive ``pattern``).
    """
    if scan is None:
        scan = text
    pos = 0
    while True:
        hit = candidates.search(scan, pos)
        if hit is None:
            return
        match = pattern.match(text, hit.start())
        if match is None:
            pos = hit.start() + 1
            continue
        yield match
        pos = match.end()


def gap(doc: Document, left: Token, right: Token) -> str:
    """The text between two tokens."""
    return doc.text[left.end : right.start]


def joined_by_space(doc: Document, left: Token, right: Token) -> bool:
    """Say whether only spaces (no line break or punctuation) separate two tokens."""
    between = gap(doc, left, right)
    return bool(between) and between.strip(" \t") == ""


def is_capitalised(word: str) -> bool:
    """``Word``: an upper-case letter followed by at least one lower-case letter."""
    return len(word) > 1 and word[0].isupper() and word[1:].islower()


def has_suffix_evidence(word: str) -> bool:
    return word.lower().endswith(_SUFFIX_EVIDENCE)


def is_function_word(word: str) -> bool:
    return word.lower() in FUNCTION_WORDS


IRREGULAR_PLURAL_OF = {
    "child": "children",
    "person": "people",
    "man": "men",
    "woman": "women",
    "foot": "feet",
    "tooth": "teeth",
    "mouse": "mice",
    "goose": "geese",
}


def plural_of(noun: str) -> str:
    """An English plural, good enough to look up in the frequency list."""
    if noun in IRREGULAR_PLURAL_OF:
        return IRREGULAR_PLURAL_OF[noun]
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and len(noun) > 2 and noun[-2] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def is_singular_count_noun(word: str) -> bool:
    """Say whether ``word`` looks like a singular count noun with a common plural."""
    lower = word.lower()
    if not lower.isalpha() or len(lower) < 3 or lower.endswith(("s", "ly", "ing", "ed")):
        return False
    if lower in FUNCTION_WORDS or lower in NUMBER_WORDS or lower in IRREGULAR_VERBS:
        return False
    if lower in IRREGULAR_PLURALS or lower in INVARIANT_NOUNS:
        return False
    return zipf(lower) >= 3.0 and zipf(plural_of(lower)) >= 2.8


def iter_prose(doc: Document) -> Iterator[tuple[int, Token]]:
    """Yield (index, token) for tokens in body prose."""
    facts = analyse(doc)
    for i, tok in enumerate(facts.tokens):
        if facts.prose[i]:
            yield i, tok


def span_of(first: Token, last: Token) -> Span:
    return Span(first.start, last.end)


def looks_finite_verb(doc: Document, tokens: tuple[Token, ...], i: int) -> bool:
    """Loose test: could token ``i`` be the finite verb of a clause?

    Deliberately generous (it errs towards "yes"), because the verbless-sentence rule
    must only fire when no reading of the sentence has a verb.
    """
    word = tokens[i].text
    lower = word.lower()
    if lower in IRREGULAR_VERBS or lower in AUXILIARIES or lower in REPORTING_VERBS:
        return True
    if not word.islower():
        return False
    previous = tokens[i - 1].text if i > 0 else ""
    ends_phrase = doc.text[tokens[i].end : tokens[i].end + 1] in {".", ","}
    if (
        _could_be_subject(previous)
        and lower not in FUNCTION_WORDS
        and not ends_phrase
        and joined_by_space(doc, tokens[i - 1], tokens[i])
    ):
        return True  # "Reyes read", "Officials fear", "they fear"
    before = previous.lower()
    if before in _NOMINAL_BEFORE or before in NUMBER_WORDS or before.isdigit():
        return False  # "the plans", "a think": a noun
    if lower.endswith("ed") and len(lower) > 4:
        return not _reduced_relative(doc, tokens, i)
    if not lower.endswith("s") or lower.endswith(("ss", "us", "is", "ous", "'s", "’s")):
        return False
    if before in FUNCTION_WORDS:
        return before in _SUBJECT_PRONOUNS  # "and volunteers", "of scientists": nouns
    # A plural noun ends a noun phrase at a full stop far more often than a verb does.
    return doc.text[tokens[i].end : tokens[i].end + 1] not in {".", ","}


_SUBJECT_PRONOUNS = frozenset({"i", "you", "he", "she", "it", "we", "they", "who", "which", "that"})


_CALENDAR_WORDS = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)


def _could_be_subject(word: str) -> bool:
    """A name, a plural noun or a subject pronoun, which a verb may follow."""
    lower = word.lower()
    if lower in _SUBJECT_PRONOUNS:
        return True
    if lower in FUNCTION_WORDS or lower.endswith(("'s", "’s")) or lower in _CALENDAR_WORDS:
        return False
    if word[:1].isupper():
        return True
    return lower.endswith("s") and not lower.endswith(("ss", "'s", "’s", "us", "is"))


_NOMINAL_BEFORE = frozenset({"a", "an", "the", "my", "your", "his", "her", "its", "our", "their"})


def _reduced_relative(doc: Document, tokens: tuple[Token, ...], i: int) -> bool:
    """Say whether the participle at ``i`` modifies an appositive noun: ", a think tank affiliated with"."""
    after = tokens[i + 1].text.lower() if i + 1 < len(tokens) else ""
    if after not in PREPOSITIONS:
        return False
    line_start = doc.text.rfind("\n", 0, tokens[i].start) + 1
    comma = doc.text.rfind(",", line_start, tokens[i].start)
    if comma < 0:
        return False
    segment = doc.text[comma + 1 : tokens[i].start].split()
    return bool(segment) and segment[0].lower() in {"a", "an", "the"}


@cache
def foreign_words() -> dict[str, tuple[str, str]]:
    """Function words of other languages: word -> (language, English gloss or "")."""
    table: dict[str, tuple[str, str]] = {}
    text = data_text("mt_foreign_words.tsv")
    for raw in text.splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        parts = raw.split("\t")
        word, lang = parts[0], parts[1]
        table[word] = (lang, parts[2] if len(parts) > 2 else "")
    return table


WORD_BOUNDARY_RE = re.compile(r"\w")
