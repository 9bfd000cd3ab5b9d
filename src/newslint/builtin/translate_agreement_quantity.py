"""MT508-MT509 agreement: a named person with a plural verb (MT508), plural quantities before a singular noun (MT509)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from newslint.diagnostics import Category, Edit, Fix, Severity, Span, Violation
from newslint.document import Document
from newslint.hookspecs import hookimpl
from newslint.lexicon import AUXILIARIES, FUNCTION_WORDS, PREPOSITIONS, zipf
from newslint.mt_lexicon import IRREGULAR_VERBS, is_singular_count_noun, plural_of
from newslint.rules import FixAvailability, Rule, rule

# "Dozens of trader gathered", "several village were", "2,000 matatu were parked", "21
# settlement remains": a plural quantity, a noun left singular, then a word that shows the
# noun phrase has ended (a verb, a preposition, a comma).
_QUANTIFIER = (
    r"(?:[Dd]ozens|[Hh]undreds|[Tt]housands|[Mm]illions|[Ss]cores|[Tt]ens) of"
    r"|(?:[Ss]everal|[Nn]umerous|[Vv]arious|[Mm]any|[Aa] few|[Aa] number of)"
)
_QUANTIFIER_RE = re.compile(
    rf"(?<![\w-])(?P<quantity>{_QUANTIFIER}) (?P<noun>[a-z]{{3,}})(?=(?P<after>[,.;]| [a-z]+))"
)
# A count over one (digits with thousands commas, or two to four digits not a year).
_COUNT = r"(?<![\w$£€¥#.,/-])(?P<count>\d{1,3}(?:,\d{3})+|[2-9]|[1-9]\d{1,2})"
# "21 settlement remains without power": a singular noun and a singular verb after a count.
_COUNT_SINGULAR_VERB_RE = re.compile(
    rf"{_COUNT} (?P<noun>[a-z]{{3,}}) (?P<verb>remains|is|was|has|lacks|faces|stays|lies|needs)\b"
    r"(?! (?:were|are|have|of|and)\b)"
)
# "2,000 matatu were parked": a loanword left without the English plural, which the
# article also counts one by one ("every matatu", "a matatu").
_COUNT_LOANWORD_RE = re.compile(rf"{_COUNT} (?P<noun>[a-z]{{4,}}) (?P<verb>were|are|have)\b")
# Currencies and measures that keep their form in the plural: "500 baht were".
_INVARIANT_LOANWORDS = frozenset(
    [
        "baht",
        "yen",
        "yuan",
        "renminbi",
        "rupiah",
        "naira",
        "won",
        "dong",
        "kwacha",
        "kina",
        "riel",
        "kip",
        "rand",
        "lek",
        "lei",
        "som",
        "tenge",
        "sen",
        "ringgit",
        "shekel",
        "shekels",
        "kyat",
        "taka",
        "deer",
        "sheep",
        "moose",
        "elk",
        "caribou",
        "bison",
        "reindeer",
        "cattle",
        "swine",
        "trout",
        "salmon",
        "cod",
        "fish",
        "aircraft",
        "offspring",
        "species",
        "series",
        "crossroads",
    ]
)
# A loanword rarer than this is not an English word with a plural of its own.
LOANWORD_MAX_ZIPF = 2.5


# Words after "many" or "several" that are not a noun left singular: "many more arrived".
_NOT_HEADS = frozenset(
    [
        # nouns English uses as plurals without an -s: "several staff were"
        "staff",
        "police",
        "personnel",
        "crew",
        "youth",
        "clergy",
        "military",
        "media",
        "livestock",
        "poultry",
        "data",
        "people",
        "cattle",
        "hundred",
        "thousand",
        "million",
        "billion",
        "dozen",
        "more",
        "other",
        "such",
        "less",
        "fewer",
        "own",
        "time",
        "kind",
        "sort",
        "type",
        "still",
        "also",
        "now",
        "even",
        "just",
        "only",
        "never",
        "often",
        "again",
        "already",
        "later",
        "ago",
        "too",
        "well",
        "here",
        "there",
        "once",
    ]
)


# Words after the noun that end its phrase: a verb, an auxiliary, a preposition or a relative.
_PHRASE_ENDERS = AUXILIARIES | PREPOSITIONS | IRREGULAR_VERBS | {"who", "which", "that", "and", "or"}


def _phrase_ends(after: str) -> bool:
    word = after.strip()
    return word in {",", ".", ";"} or word in _PHRASE_ENDERS or (word.endswith("ed") and zipf(word) >= 3.0)


def _verb_capable(word: str) -> bool:
    """``word`` is also a verb: its past form is common, or it is an irregular verb."""
    past = word + "d" if word.endswith("e") else word + "ed"
    return word in IRREGULAR_VERBS or zipf(past) >= 2.5


def _countable(noun: str) -> bool:
    """A singular count noun, also a rarer one (`labourer`, `family`) whose plural is common."""
    if is_singular_count_noun(noun):
        return True
    if noun.endswith(("s", "ing", "ed")) or noun in FUNCTION_WORDS:
        return False
    plural = zipf(plural_of(noun))
    return zipf(noun) >= 2.5 and plural >= 2.5 and plural >= zipf(noun) - 1.5


def _counted_one_by_one(text: str, noun: str) -> bool:
    return (
        re.search(rf"\b(?:[Aa]n?|[Ee]very|[Ee]ach|[Oo]ne|[Aa]nother) {re.escape(noun)}\b", text) is not None
    )


@rule(
    code="MT509",
    name="quantity-noun-mismatch",
    category=Category.AGREEMENT,
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
    flag=(
        "Dozens of trader gathered outside the court on Tuesday.",
        "Several village were cut off by the floods.",
        "Hundreds of farmer from the district joined the march.",
        "Dozens of labourer waited outside, and several family slept in the corridor.",
        "In the north, 14 village remains without water.",
        "More than 300 bajaji were parked; every bajaji pays a fee.",
    ),
    pass_=(
        "Dozens of traders gathered, and many a trader wept.",
        "Hundreds of fire crews and several hundred police were there.",
        "Thousands of people came; a few minutes later, many more arrived.",
        "The 12 bus is late; 3 Body Armor is a brand.",
        "About 500 baht were paid; 40 rupiah was the fee.",
        "Several staff were hurt, and a number of police were there.",
        "Dozens of times the bridge has closed; of the 14, one remains.",
        "Several staff were hurt, dozens of police came and many youth left.",
        "Many hope that the road reopens; several work at the mill and many fear for jobs.",
        "Several hundred were there, and a few thousand came later.",
        "Many still lack water, and many also left; 300 caribou were counted by a caribou expert.",
    ),
)
def quantity_noun_mismatch(doc: Document) -> Iterator[Violation]:
    """
    ## What it does
    Flags a singular noun after a plural quantity: `Dozens of trader gathered`, `several
    village were`, a count before a singular noun and verb (`14 village remains`), and a
    loanword the article counts one by one left without its plural after a count (`2,000
    matatu were`, where the article also has `every matatu`). Quotes are left alone.

    ## Why is this bad
    Languages that do not mark the plural (Indonesian, Vietnamese, Chinese) leave the noun
    singular in a literal translation.

    ## Example
    `Dozens of trader gathered` -> `Dozens of traders gathered`

    ## Fix safety
    Unsafe: the regular plural is offered; an irregular noun needs an editor.
    """
    text = doc.text
    for match in _QUANTIFIER_RE.finditer(text):
        noun = match.group("noun")
        if noun in _NOT_HEADS or not _countable(noun) or not _phrase_ends(match.group("after")):
            continue
        if not match.group("quantity").endswith(" of") and _verb_capable(noun):
            continue  # "many hope that", "several work at": a pronoun-like quantifier and its verb
        yield from _violation(doc, match, noun)
    for match in _COUNT_SINGULAR_VERB_RE.finditer(text):
        noun = match.group("noun")
        if not is_singular_count_noun(noun) or _after_name_or_article(text, match.start()):
            continue
        if 1800 <= int(match.group("count").replace(",", "")) <= 2099 and "," not in match.group("count"):
            continue  # a year
        yield from _violation(doc, match, noun)
    for match in _COUNT_LOANWORD_RE.finditer(text):
        noun = match.group("noun")
        if noun in _INVARIANT_LOANWORDS or zipf(noun) >= LOANWORD_MAX_ZIPF or noun.endswith("s"):
            continue
        if _after_name_or_article(text, match.start()) or not _counted_one_by_one(text, noun):
            continue
        yield from _violation(doc, match, noun)


_BEFORE_RE = re.compile(r"(?:\b(?:[Tt]he|[Aa]n?|[Nn]o\.?|[Nn]umber)|[A-Z][\w’'-]*|[$£€])\s*\Z")


def _after_name_or_article(text: str, start: int) -> bool:
    """`Route 9 bus`, `the 12 bus`: a number that names a thing, not a count."""
    return _BEFORE_RE.search(text, max(0, start - 20), start) is not None


def _violation(doc: Document, match: re.Match[str], noun: str) -> Iterator[Violation]:
    span = Span(match.start(), match.end("noun"))
    if doc.in_quote(span) or doc.is_ignored(span) or doc.is_accepted(noun):
        return
    line = doc.line_index(span.start)
    if line in doc.heading_lines or line == doc.title_line:
        return
    plural = plural_of(noun)
    found = " ".join(doc[span].split())
    yield Violation(
        span,
        f"Singular `{noun}` after a plural quantity: `{found}`",
        Fix.unsafe(f"Replace with `{plural}`", Edit(Span(match.start("noun"), match.end("noun")), plural)),
    )


_TITLES = r"(?:Dr|Mr|Mrs|Ms|Prof|Professor|Doctor|Dr\.|Mr\.|Mrs\.|Ms\.|Prof\.)"
# "Dr Meena were saying" (Hindi honorific plural "kah rahe the"), '," Meena were saying.':
# one named person with a plural verb. Not after "and" or "&" (two people), and not in
# "if Dr Meena were to resign" (a subjunctive).
_NAMED_PLURAL_VERB_RE = re.compile(
    rf"(?<![\w&,] )(?<!and )(?<!& )(?P<name>(?:{_TITLES} )?[A-Z][a-z]+(?: [A-Z][a-z]+){{0,2}}) "
    r"(?P<verb>were|are) (?P<ing>[a-z]{3,}ing)\b"
)
# The plural verb and its -ing form, found first: the name before them is read off after.
_PLURAL_PROGRESSIVE_RE = re.compile(r"(?<= )(?:were|are) [a-z]{3,}ing\b")
_SUBJUNCTIVE_RE = re.compile(r"\b(?:if|wish|wished|though|suppose|imagine|as if)\s+\Z", re.I)
_REPORTING_ING = frozenset(
    [
        "saying",
        "telling",
        "explaining",
        "adding",
        "asking",
        "stating",
        "noting",
        "warning",
        "insisting",
        "arguing",
        "claiming",
        "describing",
        "recalling",
        "complaining",
    ]
)


@rule(
    code="MT508",
    name="named-person-plural-verb",
    category=Category.AGREEMENT,
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
    flag=(
        '"Most come in late," Dr Meena were saying.',
        "Professor Ali Khan were explaining the plan to the villagers.",
        '"We are tired," Sunita Devi were telling reporters.',
    ),
    pass_=(
        "Dr Meena and Dr Rao were saying the same thing.",
        "If Dr Meena were leaving, the ward would close.",
        "The Smiths were saying goodbye, and Manchester United were playing at home.",
        "The Beatles were singing; Mr Men were selling well.",
    ),
)
def named_person_plural_verb(doc: Document) -> Iterator[Violation]:
    """
    ## What it does
    Flags one named person with a plural verb: `Dr Meena were saying`, `Professor Ali
    Khan were explaining`. A plural verb after a title, or a reporting verb after a
    closing quote, marks the Hindi or Urdu honorific plural that a literal translation
    keeps. Pairs (`Dr Meena and Dr Rao were`) and subjunctives (`if Dr Meena were`) are
    left alone.

    ## Why is this bad
    Hindi, Urdu and other languages use the plural for respect; in English the plural
    verb makes one person into several.

    ## Example
    `Dr Meena were saying` -> `Dr Meena was saying`

    ## Fix safety
    Unsafe: the verb is made singular; "said" may read better.
    """
    text = doc.text
    if " were " not in text and " are " not in text:
        return
    for progressive in _PLURAL_PROGRESSIVE_RE.finditer(text):
        # A title and three name words fit in 40 characters before the verb.
        window = max(0, progressive.start() - 48)
        match = None
        for candidate in _NAMED_PLURAL_VERB_RE.finditer(text, window, progressive.end()):
            if candidate.start("verb") == progressive.start():
                match = candidate
                break
        if match is None:
            continue
        name = match.group("name")
        titled = re.match(_TITLES + " ", name) is not None
        after_quote = text[max(0, match.start() - 3) : match.start()].rstrip().endswith(('"', "”", ",’"))
        if not titled and not (after_quote and match.group("ing") in _REPORTING_ING):
            continue
        if zipf(name.rsplit(" ", 1)[-1]) >= 4.5:
            continue  # "Mr Men were selling": a name made of common words, a brand or a title
        if _SUBJUNCTIVE_RE.search(text, max(0, match.start() - 20), match.start()):
            continue
        span = Span(match.start(), match.end("verb"))
        if doc.is_ignored(span) or doc.in_quote(Span(match.start("verb"), match.end("verb"))):
            continue
        verb = match.group("verb")
        single = "was" if verb == "were" else "is"
        verb_span = Span(match.start("verb"), match.end("verb"))
        yield Violation(
            span,
            f"One person with a plural verb: `{name} {verb}`",
            Fix.unsafe(f"Replace `{verb}` with `{single}`", Edit(verb_span, single)),
        )


@hookimpl
def newslint_register_rules(register: Callable[[Rule], None]) -> None:
    register(quantity_noun_mismatch)
    register(named_person_plural_verb)
