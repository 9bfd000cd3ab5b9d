"""MT5xx agreement: a/an, numbers before singular nouns, mass-noun plurals, subject and verb."""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterator
from functools import cache
from operator import itemgetter

from newslint.diagnostics import Category, Edit, Fix, Severity, Span, Violation
from newslint.document import Document, Token
from newslint.hookspecs import hookimpl
from newslint.lexicon import AUXILIARIES, CONJUNCTIONS, DETERMINERS, POSSESSIVES, PREPOSITIONS, PRONOUNS, zipf
from newslint.mt_lexicon import (
    COLLECTIVE_NOUNS,
    INVARIANT_NOUNS,
    IRREGULAR_PLURALS,
    IRREGULAR_VERBS,
    NUMBER_WORDS,
    Analysis,
    SpaceJoins,
    analyse,
    finditer_where,
    indexes_where,
    is_singular_count_noun,
    lowered_document,
    plural_of,
    verb_base_and_ing,
)
from newslint.rules import FixAvailability, Rule, rule

# Vowel letters sounded as consonants ("a European", "a one-off", "a union", "a unanimous").
_CONSONANT_SOUND_RE = re.compile(
    r"^(?:uni(?:form|on|que|t|vers|f|lateral|cycl|corn|sex|son|cod|cameral|polar|directional)|unanim|"
    r"use|usa|usu|uti|uto|ute|ure|uri|uro|ura|uber|utah|eu|ewe|one(?!r)|once|oui|ufo|uga|ukr|ukul|"
    r"ubiq|uvu)",
    re.I,
)
# Consonant letters with a silent h ("an hour", "an honest").
_VOWEL_SOUND_RE = re.compile(r"^(?:hour|honest|honou?r|heir)", re.I)
# Words where usage differs ("a/an historic", "a/an herb"): never flagged.
_EITHER_RE = re.compile(r"^(?:herb|histor|hotel|heroic|habitual|hysteric|hypothe)", re.I)
# Nouns that label a letter ("vitamin a", "plan a"), after which "a" is not an article.
_LETTER_LABELS = frozenset(
    [
        "vitamin",
        "plan",
        "type",
        "grade",
        "class",
        "section",
        "exhibit",
        "category",
        "hepatitis",
        "part",
        "option",
        "row",
        "size",
        "group",
    ]
)


_ARTICLES = frozenset({"a", "an"})
FOREIGN_NAME_ZIPF = 3.0  # "Catalunya", "Emilia": rarer than the English words an article precedes


def _wants_an(word: str) -> bool | None:
    """True for a vowel sound, False for a consonant sound, None when unsure."""
    if not word.isalpha() or word.isupper() or len(word) < 2:
        return None
    if _EITHER_RE.match(word):
        return None
    if _VOWEL_SOUND_RE.match(word):
        return True
    if _CONSONANT_SOUND_RE.match(word):
        return False
    return word[0].lower() in "aeiou"


@rule(
    code="MT501",
    name="article-mismatch",
    category=Category.AGREEMENT,
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
    flag=(
        "The board approved a allocation of funds.",
        "It was an difficult year.",
        "On Monday a Italian court ruled.",
        "In Britain a unusual Labour revolt sank the plan.",
    ),
    pass_=(
        "She waited an hour for a European flight.",
        "He took a one-year contract with a union.",
        "The FBI opened an FBI-led inquiry into an NHS trust.",
        "Children need vitamin a every day.",
        "It was a unanimous vote by an uninsured driver on an onerous route.",
        "It was an historic day and a historic win.",
        "He won two stages of the Vuelta a España and the Volta a Catalunya.",
        "On Monday an Italian court ruled.",
        "The train from Frankfurt an der Oder stops in Halle an der Saale.",
        "A usable app for a Uber driver in a Utah town, a urine test and a Ouija board.",
    ),
)
def article_mismatch(doc: Document) -> Iterator[Violation]:
    """
    ## What it does
    Flags "a" before a vowel sound and "an" before a consonant sound ("a allocation", "an
    difficult"), knowing silent h ("an hour") and vowels sounded as consonants ("a
    European", "a one-off"). Acronyms, numbers and foreign words are left alone.

    ## Why is this bad
    A mismatched article shows a word was swapped after the sentence was written, as
    spinners and post-edited machine translation do.

    ## Example
    `a allocation` -> `an allocation`

    ## Fix safety
    Unsafe: swap the article; the real damage may be the word after it.
    """
    facts = analyse(doc)
    tokens = facts.tokens
    lowered = facts.lower
    for i in indexes_where(map(_ARTICLES.__contains__, lowered[:-1])):
        lower = lowered[i]
        if not facts.prose[i] or not facts.spaced[i]:
            continue
        article, word = tokens[i], tokens[i + 1]
        if article.text == "A" and i not in facts.sentence_initial:
            continue
        if i > 0 and lowered[i - 1] in _LETTER_LABELS:
            continue
        if (
            word.text[:1].isupper()
            and i > 0
            and tokens[i - 1].text[:1].isupper()
            and facts.spaced[i - 1]
            and (not word.text.isascii() or zipf(word.text) < FOREIGN_NAME_ZIPF)
        ):
            continue  # "Vuelta a España", "Volta a Catalunya": a foreign name's own preposition
        if _inside_place_name(facts, i):
            continue  # "Frankfurt an der Oder", "Sankt Wendelin an der Vils"
        if zipf(word.text) < 2.5 or (doc.text[word.end : word.end + 1] in {"-"} and word.text.isupper()):
            continue
        wants_an = _wants_an(word.text)
        if wants_an is None or wants_an == (lower == "an"):
            continue
        right = "an" if wants_an else "a"
        right = right.capitalize() if article.text[0].isupper() else right
        yield Violation(
            Span(article.start, word.end),
            f"Wrong article before `{word.text}`: `{article.text}`",
            Fix.unsafe(f"Replace with `{right}`", Edit(article.span, right)),
        )


# The particles of foreign place names that follow "an" or "a" ("an der Oder", "a la Carte").
_NAME_PARTICLES = frozenset(
    {"der", "die", "das", "dem", "den", "la", "le", "les", "de", "del", "di", "du", "des"}
)


def _inside_place_name(facts: Analysis, i: int) -> bool:
    """Say whether article-like token ``i`` is a particle of a foreign name: a capitalised word
    before it, and a name's particle, then a capitalised word, after it ("Frankfurt an der Oder")."""
    words, spaced = facts.words, facts.spaced
    return (
        0 < i < len(words) - 2
        and i - 1 not in facts.sentence_initial
        and words[i - 1][:1].isupper()
        and words[i + 1] in _NAME_PARTICLES
        and words[i + 2][:1].isupper()
        and spaced[i - 1]
        and spaced[i]
        and spaced[i + 1]
    )


# Words after a number that do not make a plural noun ("5 million", "3 percent").
_MEASURE_WORDS = frozenset(
    [
        "million",
        "billion",
        "trillion",
        "thousand",
        "hundred",
        "dozen",
        "percent",
        "per",
        "cent",
        "score",
        "pound",
        "euro",
        "dollar",
        "yen",
        "mph",
        "km",
        "kg",
        "am",
        "pm",
        "times",
        "more",
        "less",
        "each",
        "apiece",
        "alike",
        "back",
        "down",
        "up",
        "under",
        "over",
        "par",
        "nil",
        "plus",
        "minus",
        "o'clock",
        "others",
        "year",
        "old",
    ]
)
# Adverbs that follow a number standing for a noun ("12,000 still without power", "two
# more later"): some are also rare nouns ("a still"), never here.
_ADVERBS_AFTER_NUMERALS = frozenset(
    ["still", "now", "already", "again", "too", "alone", "together", "instead", "apart", "away", "ago",
     "later", "earlier", "altogether", "overall", "respectively", "yet", "left", "so"]
)  # fmt: skip
# Words after which a plural noun phrase has ended ("two goal in", "14 glacier,").
_BOUNDARY_WORDS = PREPOSITIONS | CONJUNCTIONS | AUXILIARIES | {"that", "which", "who"}
_NUMBER_RE = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)$")


def _is_plural_number(tok: Token) -> bool:
    text = tok.text
    # A digit first, or no regex can match: most words fail this without running it.
    if not text[:1].isdecimal():
        return text.lower() in NUMBER_WORDS
    if not _NUMBER_RE.match(text):
        return False
    value = int(text.replace(",", ""))
    if "," not in text and 1800 <= value <= 2099:
        return False  # a year used as a modifier: "the 2024 budget"
    return value > 1


# Words after a number that open a phrase of their own rather than modify a noun.
_NOT_MODIFIERS = frozenset(["a", "an", "the", "last", "next", "this", "that", "each", "every", "per"])


@rule(
    code="MT502",
    name="number-noun-mismatch",
    category=Category.AGREEMENT,
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
    flag=(
        "The team has scored two goal in six matches.",
        "The ministry said 38,000 application had been received.",
        "About 44,000 new case are diagnosed each year.",
        "The study used stake measurements on 14 glacier, the team said.",
        "The department said 212 nursing position was vacant.",
        "The court acquitted two engineer who had signed the plans.",
        "The court acquitted the two engineer who designed it.",
        "Vote of confidence\n\nEighty-one deputy voted in favour of the government.\n",
    ),
    pass_=(
        "He signed a two-year deal worth 5 million euros.",
        "The match lasted 2 hours 41 minutes.",
        "Membership costs $14 a month in the 1990s style.",
        "Births fell from about 400 a year in 2010 to 238 last year.",
        "They are separated by 1,500 votes out of more than 610,000 cast.",
        "Most fires were contained, but two caused damage to homes.",
        "It includes a &pound;1,200 one-off payment.",
        "The bill passed with 3,412 votes in favor.",
        "Traffic backed up on Highway 24 north of the town.",
        "The 2024 budget was approved.",
        "They took a 15 minute walk.",
        "There were two car bombs.",
        "About 900,000 people live with dementia, and three staff work nights.",
        "All three agree with the plan, and the two vote in May.",
        "Shelters opened after the first four reached capacity, the county said.",
        "Of the 17 candidates, four orbit within the habitable zone.",
        "Wind chills will fall to 15 below zero.",
        "Children under 12 go free.",
        "Power is back for 9,000 homes, leaving roughly 12,000 still without electricity.",
    ),
)
def number_noun_mismatch(doc: Document) -> Iterator[Violation]:
    """
    ## What it does
    Flags a number above one before a singular count noun that ends its noun phrase:
    "two goal in", "38,000 application had", "14 glacier,". Compound modifiers ("a
    two-year deal", "two car bombs"), amounts ("5 million", "$14 a month"), years and
    numbered names ("Highway 24") are left alone.

    ## Why is this bad
    Languages without plural marking (or with numeral classifiers) translate into
    English with the noun left singular; the sentence reads as broken.

    ## Example
    `scored two goal in six matches` -> `scored two goals in six matches`

    ## Fix safety
    Unsafe: the regular plural is offered; an irregular noun needs an editor.
    """
    facts = analyse(doc)
    tokens = facts.tokens
    spaced = facts.spaced
    lowered = facts.lower
    # Digits have no case: a number's lower-case text starts with its digit.
    heads = lowered[:-2]
    numbers = indexes_where(
        map(
            operator.or_, map(NUMBER_WORDS.__contains__, heads), map(str.isdecimal, map(itemgetter(0), heads))
        )
    )
    for i in numbers:
        number = tokens[i]
        if not facts.prose[i]:
            continue
        if not (lowered[i] in NUMBER_WORDS or _is_plural_number(number)):
            continue
        before = tokens[i - 1] if i > 0 else None
        if before is not None and spaced[i - 1]:
            if before.text[:1].isupper() and i - 1 not in facts.sentence_initial:
                continue  # "Highway 24", "Route 9", "Channel 4"
            lead = before.text.lower()
            if lead in {"a", "an", "per", "no", "number"} and "," not in number.text:
                continue  # "a 15 minute walk"
            if lead == "the" and number.text[:1].isdecimal() and "," not in number.text:
                continue  # "the 747 jet", but not "the two engineer who"
            if lead in _PRONOUN_NUMBER_LEADS:
                continue  # "after the first four reached capacity": the number is the noun
        opens_clause = (
            i in facts.sentence_initial
            or before is None
            or (any(mark in doc.text[before.end : number.start] for mark in ",;:("))
        )
        if (
            doc.text[number.start - 1 : number.start] in "$£€¥#-;"  # ";": after an entity, "&pound;1,200"
            or doc.text[number.end : number.end + 1] in "-%."
        ):
            continue
        j = i + 1
        if not spaced[i] or lowered[j] in _MEASURE_WORDS or lowered[j] in _ADVERBS_AFTER_NUMERALS:
            continue  # "12,000 still without power": the number is the noun
        # Allow one modifier before the noun: "44,000 new case", "212 nursing position".
        candidates = [j]
        if (
            j + 1 < len(tokens)
            and tokens[j].text.islower()
            and not tokens[j].text.endswith("s")  # "two points clear": the noun was plural
            and tokens[j].text not in IRREGULAR_PLURALS | INVARIANT_NOUNS  # "900,000 people live"
            and tokens[j].text not in PREPOSITIONS  # "15 below zero": no modifier
            and tokens[j].text not in _NOT_MODIFIERS  # "400 a year", "238 last year": a rate or a time
            and not tokens[j].text.endswith("ed")  # "two caused damage": a verb after a numeral subject
            and tokens[j].text not in _BARE_VERBS  # "children under 12 go free": a verb
            and spaced[j]
        ):
            candidates.append(j + 1)
        for k in candidates:
            noun = tokens[k]
            if (
                not noun.text.islower()
                or noun.text in _PARTICIPLE_NOUNS
                or not is_singular_count_noun(noun.text)
            ):
                continue
            if not _noun_phrase_ends(doc, tokens, spaced, k):
                continue
            relative_next = k + 1 < len(tokens) and spaced[k] and lowered[k + 1] in _RELATIVE_PRONOUNS
            if (
                k == j
                and _verb_capable(noun.text)
                and not relative_next
                and not _ends_before_verb(doc, tokens, k)
            ):
                continue  # "all three agree with": a verb after a numeral subject
            if k == j and opens_clause and not relative_next and _verb_capable(noun.text, CLAUSE_VERB_ZIPF):
                continue  # "Of the 17 candidates, four orbit within": a numeral subject
            if doc.text[noun.end : noun.end + 1] in "-’'":
                continue
            plural = plural_of(noun.text)
            yield Violation(
                Span(number.start, noun.end),
                f"Singular `{noun.text}` after the number `{number.text}`",
                Fix.unsafe(f"Replace with `{plural}`", Edit(noun.span, plural)),
            )
            break


def _verb_capable(word: str, threshold: float = 3.5) -> bool:
    """Say whether ``word`` is also a verb (its past form is at least this frequent)."""
    past = word + "d" if word.endswith("e") else word + "ed"
    return zipf(past) >= threshold


# A word before "who" or "which" is a noun, even one that can be a verb: "two engineer who".
_RELATIVE_PRONOUNS = frozenset({"who", "whom", "whose", "which"})
_CLAUSE_PRONOUNS = _RELATIVE_PRONOUNS | {"that"}
# Participles spelled like a singular noun, left alone after a number: "out of 610,000 cast".
_PARTICIPLE_NOUNS = frozenset({"cast", "set", "cut", "hit", "bet", "bid", "split", "spread", "upset", "shot"})
# A number that opens a clause is the subject far more often than a broken noun phrase, so
# there a rarer verb ("four orbit within", "two sprint ahead") is taken as a verb too.
CLAUSE_VERB_ZIPF = 2.0
# Words before a number that make the number the head of its phrase: "the first four",
# "the other two", "the top three", "the remaining five".
_PRONOUN_NUMBER_LEADS = frozenset({"first", "other", "top", "remaining", "bottom"})


def _ends_before_verb(doc: Document, tokens: tuple[Token, ...], k: int) -> bool:
    """The noun is followed by punctuation, an auxiliary or a participle: it is a subject or object."""
    if doc.text[tokens[k].end : tokens[k].end + 1] in {",", ";", ".", ")", ":"}:
        return True
    after = tokens[k + 1].text if k + 1 < len(tokens) else ""
    return after in AUXILIARIES or (after.endswith("ed") and zipf(after) >= 3.0)


def _noun_phrase_ends(doc: Document, tokens: tuple[Token, ...], spaced: SpaceJoins, k: int) -> bool:
    """Say whether the noun phrase ends after token ``k`` (punctuation, verb or function word)."""
    noun = tokens[k]
    rest = doc.text[noun.end : noun.end + 2]
    if rest[:1] in {",", ";", ".", ")", ":"}:
        return True
    if k + 1 >= len(tokens) or not spaced[k]:
        return False
    after = tokens[k + 1].text
    if after in _BOUNDARY_WORDS:
        return True
    return after.islower() and after.endswith("ed") and zipf(after) >= 3.0


MASS_NOUN_PLURALS = {
    "informations": "information",
    "advices": "advice",
    "equipments": "equipment",
    "furnitures": "furniture",
    "knowledges": "knowledge",
    "feedbacks": "feedback",
    "softwares": "software",
    "luggages": "luggage",
    "baggages": "baggage",
    "homeworks": "homework",
    "evidences": "evidence",
    "machineries": "machinery",
    "jewelleries": "jewellery",
    "behaviours": "behaviour",
    "researches": "research",
}
_MASS_NOUNS = frozenset(MASS_NOUN_PLURALS.values()) - {"behaviour", "research"}
_PLURAL_QUANTIFIERS = frozenset({"many", "several", "few", "these", "those", "numerous", "various"})
_MASS_RE = re.compile(r"\b(?:" + "|".join(MASS_NOUN_PLURALS) + r")\b", re.I)


# The words alone, case-sensitive, to search the lower-cased text: re can jump to their letters.
@cache
def _mass_lower_candidates() -> re.Pattern[str]:
    return re.compile("|".join(MASS_NOUN_PLURALS))  # compiled on first use: start-up pays nothing


@rule(
    code="MT503",
    name="mass-noun-plural",
    category=Category.AGREEMENT,
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
    flag=(
        "Stations will go where informations are sparse.",
        "Prosecutors said many evidence was lost.",
        "They offered advices to farmers.",
    ),
    pass_=(
        "Information is sparse in the east.",
        "Much evidence was lost.",
        "The professor researches glaciers.",
    ),
)
def mass_noun_plural(doc: Document) -> Iterator[Violation]:
    """
    ## What it does
    Flags plurals of nouns that English treats as uncountable ("informations",
    "advices", "equipments") and plural quantifiers before them ("many evidence").

    ## Why is this bad
    These nouns are countable in French, German or Spanish; the literal plural is a
    classic translation error that fluent readers notice at once.

    ## Example
    `where informations are sparse` -> `where information is sparse`

    ## Fix safety
    Unsafe: the singular (or "much") is offered; the verb may need to change too.
    """
    facts = analyse(doc)
    text = doc.text
    lowered_text = lowered_document(doc)
    if lowered_text is not None:
        # The candidate scan tries its 15 words at nearly every letter; a substring test per
        # word (C-speed) first says whether it can find anything at all. Most articles: no.
        if any(plural in lowered_text for plural in MASS_NOUN_PLURALS):
            found_plurals = finditer_where(_MASS_RE, _mass_lower_candidates(), text, lowered_text)
        else:
            found_plurals = iter(())
    else:
        found_plurals = _MASS_RE.finditer(text)
    for match in found_plurals:
        span = Span(match.start(), match.end())
        if doc.in_quote(span) or doc.is_ignored(span):
            continue
        found = match.group()
        if found.lower() in {"researches", "evidences", "behaviours"}:
            before = doc.text[max(0, span.start - 20) : span.start].lower().split()
            if not before or before[-1] not in {"the", "these", "those", "many", "several", "of", "and"}:
                continue  # "she researches", "evidences a trend": verbs
        single = MASS_NOUN_PLURALS[found.lower()]
        single = single.capitalize() if found[0].isupper() else single
        yield Violation(
            span,
            f"Uncountable noun made plural: `{found}`",
            Fix.unsafe(f"Replace with `{single}`", Edit(span, single)),
        )
    tokens = facts.tokens
    lowered = facts.lower
    # The rare test first: a mass noun at i + 1, then a quantifier before it.
    for i in indexes_where(map(_MASS_NOUNS.__contains__, lowered[1:])):
        if lowered[i] not in _PLURAL_QUANTIFIERS:
            continue
        if not facts.prose[i] or not facts.spaced[i]:
            continue
        quant, noun = tokens[i], tokens[i + 1]
        much = "much" if quant.text.lower() in {"many", "numerous"} else "some"
        much = much.capitalize() if quant.text[0].isupper() else much
        yield Violation(
            Span(quant.start, noun.end),
            f"Plural quantifier `{quant.text}` before uncountable `{noun.text}`",
            Fix.unsafe(f"Replace with `{much}`", Edit(quant.span, much)),
        )


# Adjectives used as plural nouns ("the rich are", "the blind were") and quantity words.
_PLURAL_ADJECTIVE_NOUNS = frozenset(
    [
        "rich",
        "poor",
        "blind",
        "deaf",
        "young",
        "old",
        "sick",
        "dead",
        "wealthy",
        "first",
        "last",
        "former",
        "latter",
        "lot",
        "best",
        "worst",
        "brave",
        "weak",
        "strong",
        "faithful",
        "living",
        "few",
        "many",
        "bulk",
        "likes",
        "second",
        "third",
    ]
)
_SINGULAR_DETERMINERS = frozenset({"the", "this", "that", "its", "his", "her", "their", "our", "my"})
_INVARIANT = frozenset(
    [
        "news",
        "series",
        "species",
        "means",
        "headquarters",
        "data",
        "media",
        "lens",
        "summons",
        "innings",
        "gallows",
        "barracks",
        "crossroads",
        "whereabouts",
        "measles",
        "diabetes",
        "herpes",
        "rabies",
        "mumps",
        "billiards",
        "works",
        "odds",
        "corps",
        "premises",
        "mews",
        "links",
    ]
)


@rule(
    code="MT504",
    name="subject-verb-mismatch",
    category=Category.AGREEMENT,
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
    flag=(
        "The fire are one of 187 burning across the province.",
        "Officials said 43 container ships was waiting offshore.",
        "The frescoes was then restored.",
        "He said the results was encouraging.",
        "The club's members has voted, and its numbers has risen since.",
        "In the six months before his death he work an average of 11 hours a day.",
        "The new rates, which comes into force in January, apply for three years.",
        "He said the costs of newsprint and distribution has doubled since 2021.",
        "Under the scheme the families receives a monthly payment. Both defences was tested.",
        "The plant serves the south, where the families receives a delivery once a week.",
    ),
    pass_=(
        "United are top of the league.",
        "The government are divided on the issue.",
        '"We was brilliant," he said.',
        "A margin of three votes is not a mandate.",
        "The fish are returning to the river.",
        "Ten years was spent on the project.",
        "The rich are richer, the blind were helped and the first were built in 1990.",
        "The cost of the repairs was high, and the news was worse.",
        "All that the agency needs is money. The 1990s was a decade of growth.",
        "The bus is late and the series was cancelled, but the Smiths are back.",
        "The gap between the rich and the poor students was wide. The mews is quiet.",
        "Does he work late? The court insisted that he work fewer hours, and it may seem odd.",
        "The hard part was making it move safely. I have never seen it come up so fast.",
        "The rates, which come into force in May, rose. Prices rose 5 percent, which is a record.",
        "Two thirds of the budget is spent on staff. Among the costs of the project is a bridge.",
        "The 500 acres of land is for sale, and the 2 kilograms of heroin was found in a case.",
        "The savings accounts pay little, and each of the families receives a payment.",
        "The customs checks the lorries faced were long. Many people say the drugs trade grows.",
        "The sports pages the paper prints grew, and the farmers markets sell more.",
        "The price of oil is rising, and the sale of the homes they own is a secret.",
    ),
)
def subject_verb_mismatch(doc: Document) -> Iterator[Violation]:
    """
    ## What it does
    Flags three simple patterns of subject-verb disagreement: a sentence-initial
    "The/This/Its + singular noun" followed by "are/were" ("The fire are"), a
    numbered plural noun followed by "was/is" and a participle ("43 ships was waiting"),
    and a subject that opens a clause with a determiner and ends on a plural noun, followed
    by "has/was/is" ("the results was", "its numbers has"); and "he", "she" or "it" before
    a bare verb that lost its -s ("he work an average of 11 hours").
    Collective nouns (British "the team are"), team names and quoted dialect are left
    alone.

    ## Why is this bad
    Disagreement between subject and verb is a typical error of machine translation
    from languages without verb agreement, and it makes the sentence read as broken.

    ## Example
    `The fire are one of 187` -> `The fire is one of 187`

    ## Fix safety
    Unsafe: the verb is changed to agree with the noun before it.
    """
    facts = analyse(doc)
    tokens = facts.tokens
    spaced = facts.spaced
    # Both patterns end in a form of "be": only those tokens are visited (picked in C).
    flagged: set[int] = set()  # the verbs already reported
    for i in indexes_where(map(_BE_FORMS.__contains__, facts.words[2:])):
        det, noun, verb = tokens[i], tokens[i + 1], tokens[i + 2]
        if not (facts.prose[i] and facts.prose[i + 2]):
            continue
        if not (spaced[i] and spaced[i + 1]):
            continue
        lower_noun = noun.text.lower()
        # "The fire are": singular noun phrase opening a sentence, plural verb.
        if (
            _opens_clause(tokens, i, facts.sentence_initial)
            and det.text.lower() in _SINGULAR_DETERMINERS
            and verb.text in {"are", "were"}
            and noun.text.islower()
            and lower_noun not in COLLECTIVE_NOUNS
            and lower_noun not in _INVARIANT
            and lower_noun not in _PLURAL_ADJECTIVE_NOUNS
            and is_singular_count_noun(lower_noun)
        ):
            right = "is" if verb.text == "are" else "was"
            yield Violation(
                Span(det.start, verb.end),
                f"Singular subject `{noun.text}` with plural verb `{verb.text}`",
                Fix.unsafe(f"Replace with `{right}`", Edit(verb.span, right)),
            )
            continue
        # "43 container ships was waiting": numbered plural noun, singular verb + participle.
        if verb.text in {"was", "is"} and noun.text.islower() and noun.text.endswith("s"):
            if i + 3 >= len(tokens) or not tokens[i + 3].text.endswith("ing"):
                continue
            if lower_noun in _AMOUNT_NOUNS or lower_noun in _INVARIANT:
                continue
            if lower_noun.endswith(_NOT_PLURAL_ENDINGS) or not (
                _numbered(tokens, i) or det.text.lower() in _PLURAL_DETERMINERS
            ):
                continue
            if not _plural_of_common_noun(lower_noun):
                continue
            right = "were" if verb.text == "was" else "are"
            flagged.add(i + 2)
            yield Violation(
                Span(noun.start, verb.end),
                f"Plural subject `{noun.text}` with singular verb `{verb.text}`",
                Fix.unsafe(f"Replace with `{right}`", Edit(verb.span, right)),
            )
    yield from _plural_subjects_with_singular_verbs(doc, flagged)
    yield from _pronoun_with_bare_verb(doc)


# "has/was/is" after a plural subject, and the form that agrees with it.
_PLURAL_FORMS = {"has": "have", "was": "were", "is": "are"}
_SUBJECT_DETERMINERS = frozenset(
    {"the", "its", "their", "his", "her", "our", "my", "your", "these", "those", "both", "many", "several"}
)
# Words after which a determiner starts a clause's subject ("said the results was").
_CLAUSE_LEADS = frozenset(
    {
        "and",
        "but",
        "so",
        "while",
        "because",
        "although",
        "though",
        "since",
        "when",
        "if",
        "said",
        "says",
        "where",
        "whether",
        "unless",
        "until",
        "once",
    }
)
# Modifiers allowed between the determiner and the plural noun ("the credit union's members").
MAX_SUBJECT_MODIFIERS = 2


# Verbs common in news whose bare form after "he", "she" or "it" is a lost -s ("he work").
_BARE_VERBS = frozenset(
    [
        "work", "say", "live", "come", "go", "need", "want", "know", "think", "make", "take", "get", "play",
        "run", "hold", "lead", "own", "pay", "earn", "spend", "use", "plan", "hope", "feel", "seem", "look",
        "believe", "remain", "stay", "become", "leave", "keep", "tell", "ask", "try", "call", "move", "win",
        "lose", "serve", "teach", "write", "sell", "buy", "build", "grow", "speak", "travel", "visit", "vote",
        "agree", "deny", "claim", "argue",
    ]
)  # fmt: skip
# Words after which "he work" is grammatical: modals and do ("does he work"), the subjunctive
# ("insists that he work"), and verbs taking an object and a bare infinitive ("making it
# move", "seen it come up", "made it look possible").
_BARE_VERB_LICENSORS = frozenset(
    [
        "do", "does", "did", "will", "would", "can", "could", "shall", "should", "may", "might", "must",
        "that", "lest", "not", "let", "lets", "letting", "make", "makes", "made", "making", "help", "helps",
        "helped", "helping", "see", "sees", "saw", "seen", "seeing", "watch", "watches", "watched",
        "watching", "hear", "hears", "heard", "hearing", "have", "has", "had", "having", "feel", "feels",
        "felt", "feeling", "notice", "noticed", "bid",
    ]
)  # fmt: skip


_THIRD_PERSON_SUBJECTS = frozenset({"he", "she", "it"})


def _pronoun_with_bare_verb(doc: Document) -> Iterator[Violation]:
    """ "in the six months before his death he work an average of 11 hours": he/she/it with a
    bare verb, the -s lost in translation from a language whose verbs do not mark person."""
    facts = analyse(doc)
    tokens, lower, spaced = facts.tokens, facts.lower, facts.spaced
    for i in indexes_where(map(_THIRD_PERSON_SUBJECTS.__contains__, lower[:-2])):
        verb = lower[i + 1]
        if verb not in _BARE_VERBS or not facts.prose[i] or not facts.prose[i + 1] or not spaced[i]:
            continue
        if not spaced[i + 1] or not tokens[i + 2].text[:1].islower():
            continue  # "... than he earn." or a name after it: too little to go on
        if i > 0 and lower[i - 1] in _BARE_VERB_LICENSORS:
            continue
        right = _third_person(verb)
        yield Violation(
            Span(tokens[i].start, tokens[i + 1].end),
            f"`{tokens[i].text}` with the bare verb `{tokens[i + 1].text}`",
            Fix.unsafe(f"Replace with `{right}`", Edit(tokens[i + 1].span, right)),
        )


def _third_person(verb: str) -> str:
    """The -s form of a regular verb ("work" -> "works", "try" -> "tries", "go" -> "goes")."""
    if verb in ("go", "do"):
        return verb + "es"
    if verb.endswith(("s", "sh", "ch", "x", "z")):
        return verb + "es"
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


def _plural_subjects_with_singular_verbs(doc: Document, flagged: set[int]) -> Iterator[Violation]:
    """ "The frescoes was", "and its numbers has", "said the results was", "The new rates, which
    comes": a plural subject that opens its clause (a determiner, at most two modifiers, the
    plural noun), then a singular verb, or a relative clause whose verb is singular."""
    facts = analyse(doc)
    tokens, words, spaced = facts.tokens, facts.words, facts.spaced
    for v in indexes_where(map(_PLURAL_FORMS.__contains__, words)):
        if v < 2 or v in flagged or not facts.prose[v] or not spaced[v - 1]:
            continue
        head = v - 1 if _opening_plural_subject(doc, facts, v - 1) else _plural_head_before_of(doc, facts, v)
        if head is None:
            continue
        verb = tokens[v]
        right = _PLURAL_FORMS[verb.text]
        yield Violation(
            Span(tokens[head].start, verb.end),
            f"Plural subject `{words[head]}` with singular verb `{verb.text}`",
            Fix.unsafe(f"Replace with `{right}`", Edit(verb.span, right)),
        )
    yield from _plural_subjects_with_verbs_in_s(doc, facts)
    for r in indexes_where(map(_RELATIVES.__contains__, words[:-1])):
        if r < 2 or not facts.prose[r] or not facts.prose[r + 1] or not spaced[r]:
            continue
        if doc.text[tokens[r - 1].end : tokens[r].start] != ", ":
            continue
        verb = tokens[r + 1]
        plural = _PLURAL_FORMS.get(verb.text) or _plural_form_of(verb.text)
        if plural is None or not _opening_plural_subject(doc, facts, r - 1):
            continue
        yield Violation(
            Span(tokens[r - 1].start, verb.end),
            f"Plural `{words[r - 1]}` with singular verb `{verb.text}` in its relative clause",
            Fix.unsafe(f"Replace with `{plural}`", Edit(verb.span, plural)),
        )


_RELATIVES = frozenset({"which", "who"})
# What follows a verb in -s and shows it is one: its object's determiner, or an amount.
_OBJECT_OPENERS = DETERMINERS | POSSESSIVES | {"this", "that", "these", "those", "about", "up", "more"}


def _plural_subjects_with_verbs_in_s(doc: Document, facts: Analysis) -> Iterator[Violation]:
    """ "the families receives a payment": a plural subject that opens its clause, a verb in -s,
    then its object (a determiner or an amount, so "the savings accounts were" stays a noun)."""
    words, tokens, spaced = facts.words, facts.tokens, facts.spaced
    for v in indexes_where(map(_ends_in_s, words[:-1])):
        if v < 2 or not facts.prose[v] or not spaced[v - 1] or not spaced[v]:
            continue
        after = words[v + 1]
        if not (after in _OBJECT_OPENERS or after[:1].isdecimal() or after[:1] in "£$€"):
            continue
        plural = _plural_form_of(words[v])
        if plural is None or words[v] in _PLURAL_FORMS or facts.lower[v - 1] in _PLURAL_MODIFIERS:
            continue  # "the customs checks the lorries faced": a compound noun
        if not _opening_plural_subject(doc, facts, v - 1):
            continue
        yield Violation(
            Span(tokens[v - 1].start, tokens[v].end),
            f"Plural subject `{words[v - 1]}` with singular verb `{words[v]}`",
            Fix.unsafe(f"Replace with `{plural}`", Edit(tokens[v].span, plural)),
        )


# Plurals that modify the next noun ("customs checks", "savings accounts", "farmers markets"):
# before a word in -s they start a compound, not a clause.
_PLURAL_MODIFIERS = frozenset(
    ["customs", "savings", "sports", "arms", "drugs", "goods", "sales", "jobs", "arts", "awards", "parks",
     "farmers", "workers", "students", "veterans", "teachers", "nurses", "residents", "members",
     "citizens", "visitors", "passengers", "consumers", "taxpayers", "patients", "pensioners",
     "shareholders", "employees", "communications", "operations", "systems", "services", "games", "fans"]
)  # fmt: skip


def _ends_in_s(word: str) -> bool:
    return word.endswith("s")


# Words an of-phrase may hold between its "of" and the verb ("of newsprint and distribution").
MAX_OF_PHRASE_WORDS = 4
_OF_PHRASE_FUNCTION_WORDS = frozenset({"and", "the", "a", "an"})
# Plural heads whose verb agrees with the noun after "of" ("two thirds of the budget is").
_PARTITIVE_HEADS = frozenset(
    {"thirds", "quarters", "halves", "fifths", "tenths", "hundreds", "thousands", "millions"}
)


def _plural_head_before_of(doc: Document, facts: Analysis, v: int) -> int | None:
    """ "the costs of newsprint and distribution has": the plural head of a subject that opens its
    clause, when a short of-phrase of plain words stands between it and the verb ``v``."""
    words, lower, spaced = facts.words, facts.lower, facts.spaced
    k = v - 1
    while lower[k] != "of":
        if k <= v - 1 - MAX_OF_PHRASE_WORDS or k < 3 or not spaced[k] or not facts.prose[k]:
            return None
        word = lower[k]
        if (
            word in PRONOUNS
            or word in _RELATIVES
            or not (word in _OF_PHRASE_FUNCTION_WORDS or _subject_modifier(words[k]))
        ):
            return None
        k -= 1
    head = k - 1
    if k == v - 1 or not (spaced[k] and spaced[head]) or lower[head] in _PARTITIVE_HEADS:
        return None
    return head if _opening_plural_subject(doc, facts, head) else None


def _plural_form_of(word: str) -> str | None:
    """ "comes" -> "come", "includes" -> "include", "goes" -> "go": the plural of a verb in -s, else None."""
    if not (word.isalpha() and word.islower() and word.endswith("s")) or word.endswith(_NOT_PLURAL_ENDINGS):
        return None
    base, ing = verb_base_and_ing(word)
    return base if zipf(ing) >= VERB_ING_ZIPF else None


# A base form is a verb when its -ing form is common ("coming", "including"); a plural noun
# after "which" ("which experts ...") has none.
VERB_ING_ZIPF = 3.5


def _opening_plural_subject(doc: Document, facts: Analysis, n: int) -> bool:
    """Say whether token ``n`` is a plural noun ending a subject that opens its clause:
    a determiner, at most two modifiers, the noun ("The frescoes", "and its numbers")."""
    words, lower, spaced = facts.words, facts.lower, facts.spaced
    noun = words[n]
    if lower[n] in _IRREGULAR_SUBJECTS and facts.prose[n] and (noun.islower() or n in facts.sentence_initial):
        # "People was", "Outside, people was": no determiner needed before an irregular plural.
        if n in facts.sentence_initial or (
            n > 0 and "," in doc.text[facts.tokens[n - 1].end : facts.tokens[n].start]
        ):
            return True
        if n > 0 and spaced[n - 1] and _leads_clause(doc, facts, n - 1):
            return True
    elif (
        not (noun.isalpha() and noun.islower() and noun.endswith("s"))
        or noun.endswith(_NOT_PLURAL_ENDINGS)
        or noun in _INVARIANT
        or noun in _AMOUNT_NOUNS
        or not _plural_of_common_noun(noun)
    ):
        return False
    d = n - 1
    while d > n - 2 - MAX_SUBJECT_MODIFIERS and d >= 0 and spaced[d] and lower[d] not in _SUBJECT_DETERMINERS:
        if not _subject_modifier(words[d]):
            return False
        d -= 1
    if d < 0 or lower[d] not in _SUBJECT_DETERMINERS or not spaced[d] or not facts.prose[d]:
        return False
    return d in facts.sentence_initial or (d > 0 and spaced[d - 1] and _leads_clause(doc, facts, d - 1))


# Plurals without -s that head a subject on their own ("people was", "the children has").
_IRREGULAR_SUBJECTS = frozenset({"people", "children", "men", "women"})


# Conjunctions that start a new clause only after a comma or at a sentence start: "between
# the rich and the poor students" goes on one noun phrase.
_COORDINATORS = frozenset({"and", "but", "so"})


def _leads_clause(doc: Document, facts: Analysis, k: int) -> bool:
    """Say whether token ``k`` ends what comes before a clause's subject ("said", ", and", "But")."""
    word = facts.lower[k]
    if word not in _CLAUSE_LEADS:
        return False
    if word not in _COORDINATORS or k in facts.sentence_initial:
        return True
    return k > 0 and "," in doc.text[facts.tokens[k - 1].end : facts.tokens[k].start]


def _plural_of_common_noun(word: str) -> bool:
    """Say whether ``word`` is the plural of a common noun ("results", "frescoes", "companies")."""
    if word.endswith("ies") and zipf(word[:-3] + "y") >= 3.0:
        return True
    return zipf(word[:-1]) >= 3.0 or (word.endswith("es") and zipf(word[:-2]) >= 3.0)


def _subject_modifier(word: str) -> bool:
    """A word that can stand inside a subject noun phrase: a lower-case content word or a possessive."""
    if not word.islower() or not word[:1].isalpha():
        return word.isdecimal()
    bare = word.removesuffix("'s").removesuffix("’s")
    return (
        bare not in PREPOSITIONS
        and bare not in CONJUNCTIONS
        and bare not in AUXILIARIES
        and bare not in _CLAUSE_LEADS
    )


_AMOUNT_NOUNS = frozenset(
    [
        "votes",
        "seats",
        "points",
        "goals",
        "runs",
        "years",
        "months",
        "weeks",
        "days",
        "hours",
        "minutes",
        "seconds",
        "miles",
        "kilometres",
        "kilometers",
        "metres",
        "meters",
        "feet",
        "inches",
        "dollars",
        "euros",
        "pounds",
        "percent",
        "tonnes",
        "tons",
        "litres",
        "liters",
        "degrees",
        "pages",
        "words",
        # measures of a quantity that takes a singular verb: "the 500 acres of land is for sale"
        "acres",
        "hectares",
        "grams",
        "kilograms",
        "kilos",
        "ounces",
        "barrels",
        "gallons",
        "pints",
        "yards",
        "cents",
        "rounds",
    ]
)


_BE_FORMS = frozenset({"are", "were", "was", "is"})
_NOT_PLURAL_ENDINGS = ("ss", "us", "is", "as", "os", "ics", "ys")
_PLURAL_DETERMINERS = frozenset({"these", "those", "many", "several", "both", "all", "the"})


def _opens_clause(tokens: tuple[Token, ...], i: int, initial: frozenset[int]) -> bool:
    """Say whether token ``i`` starts a sentence or a reported clause ("said the fire are")."""
    if i in initial:
        return True
    before = tokens[i - 1].text.lower() if i > 0 else ""
    return before in {"that", "said", "says", "added", "warned", "noted", "stated"}


def _numbered(tokens: tuple[Token, ...], i: int) -> bool:
    """Say whether the noun at ``i + 1`` follows a number (with up to one modifier)."""
    return any(back >= 0 and _is_plural_number(tokens[back]) for back in (i, i - 1))


_APPOSITIVE_RE = re.compile(
    r"(?P<name>[A-Z][\w’'\-]+(?: [A-Z][\w’'\-]+){1,3}), "
    r"(?P<app>(?:[A-Z][\w’'\-]+[’']s|the|a|an|his|her|their|its) [^,.;:\"“”()]{3,70}?)"
    r"(?P<gap> )(?P<verb>said|says|told|added|stated|noted|warned|explained)\b"
)


@rule(
    code="MT505",
    name="unclosed-appositive",
    category=Category.AGREEMENT,
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
    flag=(
        "Yuri Ushakov, Putin's foreign policy aide said the leaders could sign a pact.",
        "Maria Lopez, the council's finance director told reporters the budget was tight.",
    ),
    pass_=(
        "Yuri Ushakov, Putin's foreign policy aide, said the leaders could sign a pact.",
        "Maria Lopez, who was appointed last year said little.",
        '"It is over," Maria Lopez, the director said.',
        "At Maison Leveque, a quiet show that said everything",
    ),
)
def unclosed_appositive(doc: Document) -> Iterator[Violation]:
    """
    ## What it does
    Flags an appositive opened with a comma after a name and never closed before the
    reporting verb: "Yuri Ushakov, Putin's foreign policy aide said ...".

    ## Why is this bad
    Without the closing comma the appositive swallows the verb's subject; the sentence
    reads as if the aide, not Ushakov, is the one named. Translation software often
    drops the second comma.

    ## Example
    `Yuri Ushakov, Putin's foreign policy aide said` -> `Yuri Ushakov, Putin's foreign policy aide, said`

    ## Fix safety
    Unsafe: a comma is inserted before the verb.
    """
    for sentence in doc.sentences:
        text = doc[sentence]
        match = _APPOSITIVE_RE.match(text)
        if match is None:
            continue
        span = Span(sentence.start + match.start("app"), sentence.start + match.end("verb"))
        if doc.in_quote(span) or doc.is_ignored(span):
            continue
        app_words = match.group("app").split()[1:]
        if any(
            word in IRREGULAR_VERBS or word.endswith("ed") or word in _CLAUSE_PRONOUNS for word in app_words
        ):
            continue  # a verb or a relative pronoun inside: a clause, not an appositive
        comma_at = sentence.start + match.start("gap")
        yield Violation(
            span,
            "Appositive after the name is not closed before the verb",
            Fix.unsafe("Insert a comma before the verb", Edit.insertion(comma_at, ",")),
        )


@hookimpl
def newslint_register_rules(register: Callable[[Rule], None]) -> None:
    register(article_mismatch)
    register(number_noun_mismatch)
    register(mass_noun_plural)
    register(subject_verb_mismatch)
    register(unclosed_appositive)
