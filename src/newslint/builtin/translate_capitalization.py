"""MT1xx capitalization: common words capitalised in the middle of a sentence."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from newslint.diagnostics import Category, Edit, Fix, Severity, Violation
from newslint.document import Document, Token
from newslint.hookspecs import hookimpl
from newslint.lexicon import CONJUNCTIONS, FUNCTION_WORDS, PREPOSITIONS, zipf
from newslint.mt_lexicon import (
    INSTITUTION_WORDS,
    IRREGULAR_VERBS,
    MODALS,
    NAME_INTRODUCERS,
    NUMBER_WORDS,
    REPORTING_VERBS,
    Analysis,
    analyse,
    capital_indexes,
    has_suffix_evidence,
    indexes_where,
    is_capitalised,
    per_document,
)
from newslint.rules import FixAvailability, Rule, rule

# Function words whose capital mid-sentence is wrong even before another capital
# ("said That North Korea"): they never open a title of a work in running text.
STRICT_WORDS = frozenset(
    [
        "that",
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "said",
        "says",
        "will",
        "would",
        "could",
        "should",
        "did",
        "does",
        "do",
        "been",
        "being",
        "which",
        "who",
        "there",
    ]
)
# Quantifying determiners are closed-class too: "researchers believe Both lineages".
_DETERMINER_QUANTIFIERS = frozenset({"both", "each", "every", "either", "neither", "several", "many", "few"})
CLOSED_CLASS = (
    FUNCTION_WORDS | NUMBER_WORDS | _DETERMINER_QUANTIFIERS | {"there", "not", "also", "then"}
) - {"i"}
# Verbs after which a capitalised quantifier opens a reported clause: "believe Both lineages".
_QUANTIFIER_LEADS = REPORTING_VERBS | frozenset(
    {"believe", "believes", "believed", "think", "thinks", "thought", "found", "show", "shows", "showed",
     "suggest", "suggests", "suggested", "that", "and", "but", "because", "while"}
)  # fmt: skip
# Words that open a clause after a comma ("a dry summer, Which forced growers"): capitalised
# there, they mark a source sentence split in two.
_CLAUSE_OPENERS_AFTER_COMMA = frozenset({"which", "who", "whose", "whom", "while", "whereas", "although"})
# Closed-class words that are also months or names ("in May", "told Will").
_NAME_LIKE = frozenset({"may", "will", "march", "august", "sun", "mark"})
# After these the text before is not a whole clause, so lowercase rather than break.
_CONTINUERS = REPORTING_VERBS | PREPOSITIONS | {"that", "and", "but", "or", "than", "whether", "if"}


def _candidates(doc: Document) -> list[tuple[int, Token, Token, Token | None]]:
    """(index, previous, word, next) for capitalised words after a lower-case word."""
    return _candidate_list(doc)


@per_document
def _candidate_list(doc: Document) -> list[tuple[int, Token, Token, Token | None]]:
    facts = analyse(doc)
    tokens = facts.tokens
    prose = facts.prose
    spaced = facts.spaced
    initial = facts.sentence_initial
    text = doc.text
    found = []
    words = facts.words
    for i in capital_indexes(doc):  # a capitalised word starts with a capital
        # The cheap tests first: most capitals open a sentence or follow a capital or a number.
        if i == 0 or not prose[i] or i in initial or not words[i - 1].islower() or not spaced[i - 1]:
            continue
        if words[i - 1][:1].isdecimal():
            continue  # "10.42am Both teams are out": a live blog's time stamp opens the post
        word = tokens[i]
        if not is_capitalised(word.text) or doc.is_accepted(word.text):
            continue
        prev = tokens[i - 1]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is not None and not spaced[i] and text[word.end] not in ",;:.":
            nxt = None
        found.append((i, prev, word, nxt))
    return found


# Quantifiers that open a reported clause ("said Most of the grounds"); CLOSED_CLASS lacks
# them because as adjectives they also start names ("Many Rivers", "Half Moon Bay").
_QUANTIFIERS = frozenset(
    {"most", "many", "some", "all", "several", "few", "half", "none", "both", "much", "each"}
)

# The formal "you" of Dutch (U), German (Sie) and other languages, capitalised by a literal
# translation: "asks a great deal of You". Prayers capitalise "You" for God, so a
# paragraph with these words is left alone.
_FORMAL_YOU = frozenset({"You", "Your", "Yours"})
_DEVOTIONAL_WORDS = frozenset({"god", "lord", "jesus", "christ", "allah", "pray", "prayed", "prayer", "prayers", "amen", "hymn", "psalm"})  # fmt: skip


def _quoted_formal_you(doc: Document, facts: Analysis) -> Iterator[Violation]:
    """`a great deal of You, and we thank you`: a formal "You" in quoted speech, mid-sentence."""
    words, tokens = facts.words, facts.tokens
    for i in indexes_where(map(_FORMAL_YOU.__contains__, words)):
        if i == 0 or not facts.quoted[i] or facts.skipped[i] or i in facts.sentence_initial:
            continue
        prev = words[i - 1]
        if not prev.islower() or not facts.spaced[i - 1] or prev in NAME_INTRODUCERS - PREPOSITIONS:
            continue
        if i + 1 < len(words) and facts.spaced[i] and is_capitalised(words[i + 1]):
            continue  # "sang Thank You Very Much": a title
        nearby = facts.lower[max(0, i - 60) : i + 60]
        if any(w in _DEVOTIONAL_WORDS for w in nearby) or doc.is_ignored(tokens[i].span):
            continue
        yield _function_word_lowercased(tokens[i])


def _fix(doc: Document, prev: Token, word: Token) -> Fix:
    lowered = word.text.lower()
    if prev.text.lower() in _CONTINUERS or word.text.lower() in STRICT_WORDS:
        return Fix.unsafe(f"Lowercase to `{lowered}`", Edit(word.span, lowered))
    return Fix.display_only("Start a new sentence here", Edit.insertion(prev.end, "."))


@rule(
    code="MT101",
    name="capitalized-function-word",
    category=Category.CAPITALIZATION,
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
    flag=(
        "The minister said That the talks would resume.",
        "His aide said The leaders could sign a deal.",
        "The figures came from a survey, according to The provincial agency.",
        "Police said Two people were detained.",
        "Members of the council said Most of the fishing grounds lie within the site.",
        '"We realise that this asks a great deal of You, and we thank you," the school wrote.',
        "The researchers believe Both lineages split early.",
        "Prices fell after a dry summer, Which forced growers to irrigate.",
        "Officials met Smith, Who promised more aid.",
    ),
    pass_=(
        "The story was first reported by The New York Times on Monday.",
        "She starred in the film The Quiet Shore last year.",
        "That could help him at home, he said.",
        '"That is the plan," she said.',
        "The meeting ended at 6 p.m. Two members left early.",
        "Fans of the Who packed the hall, according to Which? magazine.",
        "She said Half Moon Bay and Many Rivers were closed; he said Most Haunted was his show.",
        '"Lord, we thank You for this harvest," the pastor prayed.',
        '"We sang Thank You Very Much and then All You Need Is Love," she said.',
        "They saw Both Sides Now, Which? reviews and Every Brilliant Thing; Neither of them left.",
        "10.42am Both teams are out. The startup Few raised money, and the band Both played.",
        "Speaking after the gig, Who frontman Roger Daltrey said it went well.",
    ),
)
def capitalized_function_word(doc: Document) -> Iterator[Violation]:
    """
    ## What it does
    Flags a capitalised closed-class word (the, that, it, his, was, two...) in the middle
    of a sentence, after a lower-case word: "said That North Korea", "aide said The
    leaders". Titles of works and publications ("reported by The New York Times") are
    left alone because a capitalised word follows; headings and quotes are skipped,
    except for a formal `You` mid-sentence in quoted speech (Dutch "U", German "Sie"
    translated literally), which prayers alone use.

    ## Why is this bad
    Machine translation and sentence re-splitting leave capitals where a source sentence
    started; the text reads as two sentences glued together.

    ## Example
    `said That North Korea could send` -> `said that North Korea could send`

    ## Fix safety
    Unsafe: lowercasing is usually right but the word may start a title. When the text
    before reads as a whole clause, a sentence break is offered instead, display-only.
    """
    facts = analyse(doc)
    tokens = facts.tokens
    for i, prev, word, nxt in _candidates(doc):
        lower = word.text.lower()
        if lower in _QUANTIFIERS and prev.text in REPORTING_VERBS and nxt is not None and nxt.text == "of":
            yield Violation(
                word.span, f"Capitalised function word `{word.text}` in mid-sentence", _fix(doc, prev, word)
            )
            continue
        if lower not in CLOSED_CLASS or lower in _NAME_LIKE or prev.text in NAME_INTRODUCERS - PREPOSITIONS:
            continue  # after "the", "called", "album" a capital starts a name: "the Who"
        if lower in _DETERMINER_QUANTIFIERS and prev.text not in _QUANTIFIER_LEADS:
            continue  # "The startup Few", "the band Both": a name after the noun it is
        if doc.text[word.end : word.end + 1] in {"?", "!"}:
            continue  # a title such as the magazine "Which?"
        if lower not in STRICT_WORDS:
            # "according to The provincial service" but not "by The New York Times".
            if nxt is None or not nxt.text.islower():
                continue
            after = tokens[i + 2] if i + 2 < len(tokens) else None
            if after is not None and is_capitalised(after.text) and facts.spaced[i + 1]:
                continue  # "Out of Africa": a title in title case
            if prev.text in {"the", "a", "an"}:
                continue
        yield Violation(
            word.span, f"Capitalised function word `{word.text}` in mid-sentence", _fix(doc, prev, word)
        )
    yield from _opener_after_comma(doc, facts)
    yield from _quoted_formal_you(doc, facts)


def _function_word_lowercased(token: Token) -> Violation:
    lowered = token.text.lower()
    return Violation(
        token.span,
        f"Capitalised function word `{token.text}` in mid-sentence",
        Fix.unsafe(f"Lowercase to `{lowered}`", Edit(token.span, lowered)),
    )


def _verb_after_opener(word: str) -> bool:
    """A verb in the past or an auxiliary: "Which forced", "Who promised", "While exports fell" aside."""
    return word.islower() and (word.endswith("ed") or word in IRREGULAR_VERBS or word in MODALS)


def _opener_after_comma(doc: Document, facts: Analysis) -> Iterator[Violation]:
    """ "after a dry summer, Which forced growers": a relative or conjunction capitalised after a comma."""
    words, tokens = facts.words, facts.tokens
    for i in facts.capitals:
        if i == 0 or i + 1 >= len(words) or words[i].lower() not in _CLAUSE_OPENERS_AFTER_COMMA:
            continue
        if not is_capitalised(words[i]) or not facts.prose[i] or i in facts.sentence_initial:
            continue
        if not words[i - 1].isalpha() or not _verb_after_opener(words[i + 1]) or not facts.spaced[i]:
            continue  # "after the gig, Who frontman Roger Daltrey": the band's name
        if doc.text[tokens[i - 1].end : tokens[i].start] != ", ":
            continue
        yield _function_word_lowercased(tokens[i])


# After a command of an interface a capital names the control: "tap Payments", "click Save".
_UI_COMMANDS = frozenset(
    {
        "tap",
        "taps",
        "tapping",
        "click",
        "clicks",
        "clicking",
        "select",
        "selects",
        "choose",
        "press",
        "toggle",
        "hit",
    }
)
_NOT_AFTER = (
    NAME_INTRODUCERS
    | _UI_COMMANDS
    | {"his", "her", "their", "its", "our", "my", "your", "mr", "mrs", "ms", "dr"}
)


def _is_common_word_capitalised(doc: Document, lookup: Callable[[str], int], word: Token) -> bool:
    lower = word.text.lower()
    if lower in FUNCTION_WORDS or lower in INSTITUTION_WORDS or lower in NUMBER_WORDS:
        return False
    if zipf(lower) < 3.0:
        return False
    return lookup(lower) > 0 or (has_suffix_evidence(lower) and zipf(lower) >= 3.5)


_ADJECTIVE_ENDINGS = ("ent", "ous", "ive", "ful", "less", "able", "ible")
# Names and places that end like adjectives ("Kent police", "met Vincent yesterday").
_NAME_HOMOGRAPHS = frozenset({"kent", "vincent", "trent", "brent", "laurent", "clement", "regent", "ghent"})


def _suffix_context(prev: Token, word: Token, nxt: Token) -> bool:
    """Without a lower-case twin in the document, the context must rule out a name.

    A participle opening a lost sentence is followed by a function word ("interview
    Speaking to"); a stray adjective is followed by its noun ("made up Frequent
    presence"), which a name after a verb rarely is.
    """
    lower = word.text.lower()
    if lower.endswith("ing"):
        return nxt.text in FUNCTION_WORDS
    if not lower.endswith(_ADJECTIVE_ENDINGS) or lower in _NAME_HOMOGRAPHS or zipf(lower) < 4.2:
        return False
    return (
        prev.text not in REPORTING_VERBS
        and nxt.text not in FUNCTION_WORDS
        and zipf(nxt.text) >= 3.5
        and not nxt.text.endswith(("ed", "ly"))
    )


# Feasts, seasons of the church year and identity nouns (faiths, parties, services,
# nationalities) that English capitalises as names even in a noun's slot ("their first
# Christmas since", "200 Marines in the town").
_CAPITALISED_NOUNS = frozenset(
    [
        "christmas", "easter", "ramadan", "diwali", "hanukkah", "eid", "thanksgiving", "halloween",
        "passover", "lent", "advent", "pentecost", "sabbath", "marines", "marine", "democrats",
        "republicans", "conservatives", "liberals", "greens", "tories", "catholics", "muslims",
        "christians", "jews", "hindus", "sikhs", "buddhists", "protestants", "mormons", "quakers",
        "socialists", "communists", "nationalists", "unionists", "labour", "navy", "army",
    ]
)  # fmt: skip
_COUNT_RE = re.compile(r"\d[\d,.]*")
_NAME_JOINS = frozenset({"of", "for", "and", "de", "on", "in"})
_SLOT_OPENERS = frozenset({"his", "her", "their", "its", "our", "my", "your"})
# After the noun: a preposition, a conjunction or a modal, so the capital ends its phrase
# ("the biggest one-day Drop since 2021") instead of opening a longer name.
_AFTER_NOUN = (PREPOSITIONS | CONJUNCTIONS | MODALS) - {"to", "as", "like", "may", "will"}


def _in_noun_slot(facts: Analysis, i: int) -> bool:
    """A capitalised noun where only a common noun fits, without a twin in the article.

    Its phrase opens with a count or a possessive, with at most two lower-case modifiers
    between ("200 Rescues since", "their biggest one-day Drop since"): a name does not
    take a possessive and a count before it, and a preposition or a conjunction after
    the capital shows that no longer name goes on.
    """
    words = facts.words
    word = words[i]
    lower = word.lower()
    if lower in _CAPITALISED_NOUNS or lower.endswith(("ans", "ists", "ites")):
        return False
    if max(zipf(lower), zipf(lower[:-1]) if lower.endswith("s") else 0.0) < 3.5:
        return False  # a rare word may be a name: "their Grindr since"
    if i + 1 >= len(words) or words[i + 1] not in _AFTER_NOUN or not facts.spaced[i]:
        return False
    if i + 2 < len(words) and words[i + 1] in _NAME_JOINS and words[i + 2][:1].isupper():
        return False  # "our Terms of Use", "its Parks and Gardens": the capital opens a name
    for back in range(1, 4):
        k = i - back
        if k < 0 or not facts.prose[k] or not facts.spaced[k] or k + 1 in facts.sentence_initial:
            return False
        before = words[k]
        if before in _SLOT_OPENERS or (_COUNT_RE.fullmatch(before) and lower.endswith("s")):
            return True
        if not before.islower() or before in FUNCTION_WORDS or before in _CALENDAR_NAMES:
            return False
    return False


_CALENDAR_NAMES = frozenset({"new", "good", "holy", "ash", "palm", "boxing", "black", "cyber"})


@rule(
    code="MT102",
    name="capitalized-common-word",
    category=Category.CAPITALIZATION,
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
    flag=(
        "Solberg said Rain was a concern. Heavy rain fell all week.",
        "Putin spoke in an interview Speaking to state media in March.",
        "Firefighters carried out more than 200 Rescues since midnight.",
        "Shares fell 11 percent, their biggest one-day Drop since the listing in 2021.",
        "The charity counted 40 Volunteers on the beach.",
    ),
    pass_=(
        "Voters in the north backed Labour in large numbers, and labour unions cheered.",
        "The coach, Tom Manning, praised the team. Manning said the result was fair.",
        "Residents moved to Reading last year.",
        "Merchants tap Payments and switch on offline payments.",
        "It was their first Christmas since the flood, and 200 Marines in the town helped.",
        "The club signed 3 Americans and her Labour colleagues in March.",
        "Some 1,200 Rangers fans came, and their Black Friday for the shop began.",
        "By signing up, you agree to our Terms of Use and its Parks and Gardens rules.",
        "The province's Department of Agriculture said so, and the department will act.",
    ),
)
def capitalized_common_word(doc: Document) -> Iterator[Violation]:
    """
    ## What it does
    Flags a capitalised common word between two lower-case words when the document
    itself shows it is not a name: the word is capitalised only this once in mid-sentence
    and occurs elsewhere in lower case ("said Rain was ... rain fell"), or it has the
    ending of an adjective, adverb or participle ("made up Frequent presence",
    "interview Speaking to").

    ## Why is this bad
    A capital in the middle of a sentence marks a lost sentence boundary or a word that
    translation software took for a name; readers stumble over it.

    ## Example
    `said Rain was a particular concern` -> `said rain was a particular concern`

    ## Fix safety
    Unsafe: lowercase the word. When the text before reads as a whole clause, a sentence
    break is offered instead, display-only.
    """
    facts = analyse(doc)

    lower_count = facts.lower_count

    for index, prev, word, nxt in [*_candidates(doc), *_after_counts(doc, facts)]:
        if nxt is None or not nxt.text.islower():
            continue
        if _opens_name(facts, index):
            continue  # "the province's Department of Agriculture": the capital opens a name
        slot = _in_noun_slot(facts, index)
        if prev.text in _NOT_AFTER and not slot:
            continue
        if facts.cap_mid_count(word.text) > 1:
            continue
        if word.text.lower() in FUNCTION_WORDS or word.text.lower() in NUMBER_WORDS:
            continue
        if not slot and not _is_common_word_capitalised(doc, lower_count, word):
            continue
        if lower_count(word.text.lower()) == 0 and not slot and not _suffix_context(prev, word, nxt):
            continue
        if slot and doc.is_accepted(word.text):
            continue
        lowered = word.text.lower()
        # in a noun's slot the capital is a stray, never a lost sentence break
        fix = (
            Fix.unsafe(f"Lowercase to `{lowered}`", Edit(word.span, lowered))
            if slot
            else _fix(doc, prev, word)
        )
        yield Violation(word.span, f"Common word `{word.text}` capitalised in mid-sentence", fix)


# Heads of an organisation's name: "the province's Department of Agriculture".
_ORGANISATION_HEADS = frozenset(
    [
        "department", "ministry", "office", "bureau", "agency", "institute", "commission", "committee",
        "authority", "board", "council", "centre", "center", "service", "directorate", "division",
        "school", "university", "college", "hospital", "court", "museum", "bank", "fund", "society",
        "association", "union", "federation", "secretariat", "inspectorate", "tribunal",
    ]
)  # fmt: skip


def _opens_name(facts: Analysis, i: int) -> bool:
    """An organisation's head, `of` or `for` and another capital: "Department of Agriculture"."""
    words = facts.words
    return (
        i + 2 < len(words)
        and words[i].lower() in _ORGANISATION_HEADS
        and words[i + 1] in {"of", "for"}
        and words[i + 2][:1].isupper()
        and facts.spaced[i]
        and facts.spaced[i + 1]
    )


def _after_counts(doc: Document, facts: Analysis) -> Iterator[tuple[int, Token, Token, Token | None]]:
    """(index, previous, word, next) for capitalised plurals after a count: "200 Rescues since"."""
    words, tokens = facts.words, facts.tokens
    for i in facts.capitals:
        if i == 0 or i + 1 >= len(words) or not facts.prose[i] or not facts.spaced[i - 1]:
            continue
        if i in facts.sentence_initial or not _COUNT_RE.fullmatch(words[i - 1]):
            continue
        if is_capitalised(words[i]) and words[i].endswith("s") and facts.spaced[i]:
            yield i, tokens[i - 1], tokens[i], tokens[i + 1]


@hookimpl
def newslint_register_rules(register: Callable[[Rule], None]) -> None:
    register(capitalized_function_word)
    register(capitalized_common_word)
