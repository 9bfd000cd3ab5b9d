"""MT3xx repetition: stacked determiners and doubled words."""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterator

from newslint.diagnostics import Category, Edit, Fix, Severity, Span, Violation
from newslint.document import Document
from newslint.hookspecs import hookimpl
from newslint.lexicon import DETERMINERS, FUNCTION_WORDS, POSSESSIVES, PREPOSITIONS, zipf
from newslint.mt_lexicon import Analysis, analyse, indexes_where
from newslint.rules import FixAvailability, Rule, rule

# Doubled words that are grammatical ("had had", "that that") or emphatic speech.
LEGITIMATE_DOUBLES = frozenset(
    [
        "had",
        "that",
        "very",
        "really",
        "many",
        "so",
        "much",
        "no",
        "bye",
        "ha",
        "yes",
        "well",
        "now",
        "blah",
        "bla",
        "go",
        "far",
        "long",
        "more",
        "ever",
        "again",
        "away",
        "round",
        "over",
        "on",
        "knock",
        "tut",
        "ho",
        "hey",
        "boo",
        "there",
        # reduplicated loanwords: Swahili "boda boda" (a motorcycle taxi), "piri piri",
        # "mahi mahi", "tuk tuk", "cous cous", "ylang ylang", "pom pom", "chin chin"
        "boda",
        "piri",
        "mahi",
        "tuk",
        "cous",
        "ylang",
        "pom",
        "chin",
        "chop",
        "dum",
        "pooh",
    ]
)


# Possessive determiners an article cannot stand before: "the our children" is an Italian
# "i nostri figli" or a Romance article kept by translation. "her" is left out: it is also
# an object pronoun.
_POSSESSIVES = frozenset({"my", "our", "your", "his", "their", "its"})
_ARTICLES = frozenset({"the", "a", "an"})
# Demonstratives take no article either: "in the this year" keeps a translated article.
_ARTICLE_BLOCKERS = _POSSESSIVES | {"this", "these", "those"}


@rule(
    code="MT301",
    name="stacked-determiners",
    category=Category.REPETITION,
    severity=Severity.ERROR,
    fix=FixAvailability.ALWAYS,
    flag=(
        "The closure follows a the inspection in October.",
        "He said so in a the interview.",
        "It will be decided by a a court.",
        '"Every doctor can do this in the the consulting room," she said.',
        '"We sent the our children to school," he said.',
        "The council will review the its budget in June.",
        "Sluices protected 40,000 hectares in the this year, he said.",
        "Prices rose in a these months of drought.",
    ),
    pass_=(
        "She took her A levels in June.",
        "The A-Team was a television show.",
        '"The the," he said, was his favourite typo.',
        "They prayed at the Our Lady of Lourdes chapel and read The My Little Pony Guide.",
        "They bought the his and hers towels and fixed a its/it's typo.",
        "Is this the end? The This Is Us star and the this-or-that quiz were on.",
    ),
)
def stacked_determiners(doc: Document) -> Iterator[Violation]:
    """
    ## What it does
    Flags two articles in a row ("a the", "the a", "an the", "the the", "a a") in prose,
    and an article before a possessive (`the our children`, `the its budget`), which
    Italian, Spanish and Portuguese put there and English does not, or before a
    demonstrative (`in the this year`).

    ## Why is this bad
    An English noun phrase takes one article; two in a row are left behind when
    translation software or a spinner swaps one article for another and keeps both.

    ## Example
    `follows a the inspection` -> `follows the inspection`

    ## Fix safety
    Safe when the same article is doubled ("the the"): one copy goes. Unsafe when they
    differ: the first is deleted, but "a" may have been the right one.
    """
    facts = analyse(doc)
    tokens = facts.tokens
    lowered = facts.lower
    for i in indexes_where(map(DETERMINERS.__contains__, lowered[:-1])):
        if tokens[i + 1].text in _ARTICLE_BLOCKERS and lowered[i] in _ARTICLES:
            yield from _article_before_possessive(doc, facts, i)
            continue
        if tokens[i + 1].text not in DETERMINERS:
            continue
        if not facts.spaced[i]:
            continue
        first, second = tokens[i], tokens[i + 1]
        if not (facts.prose[i] and facts.prose[i + 1]) and not _inside_quoted_sentence(doc, facts, i):
            continue  # headings, lists, ignored text; '"The the," he said': words quoted as words
        if i + 2 < len(tokens) and doc.text[second.end : second.end + 1] in "-’'":
            continue  # "a A-grade" style labels
        delete = Span(first.start, second.start)
        if first.text.lower() == second.text:
            fix = Fix.safe(f"Delete the repeated `{second.text}`", Edit.deletion(Span(first.end, second.end)))
        else:
            keep = second.text.capitalize() if first.text[0].isupper() else second.text
            fix = Fix.unsafe(
                f"Delete `{first.text}` (or keep it and delete `{second.text}`)",
                Edit(Span(delete.start, second.end), keep),
            )
        yield Violation(
            Span(first.start, second.end), f"Two articles in a row: `{first.text} {second.text}`", fix
        )


def _article_before_possessive(doc: Document, facts: Analysis, i: int) -> Iterator[Violation]:
    """`the our children`: a Romance article kept before an English possessive."""
    tokens = facts.tokens
    if not facts.spaced[i]:
        return
    if not (facts.prose[i] and facts.prose[i + 1]) and not _inside_quoted_sentence(doc, facts, i):
        return
    first, second = tokens[i], tokens[i + 1]
    if doc.text[second.end : second.end + 1] in "-’'/":
        return  # "the my-first-home scheme": a label
    if i + 2 < len(tokens) and facts.lower[i + 2] in {"and", "or", "&", "versus", "vs"}:
        return  # "the his and hers towels": pronouns named as words
    keep = second.text.capitalize() if first.text[0].isupper() else second.text
    kind = "possessive" if second.text in _POSSESSIVES else "demonstrative"
    yield Violation(
        Span(first.start, second.end),
        f"Article before a {kind}: `{first.text} {second.text}`",
        Fix.unsafe(f"Delete `{first.text}`", Edit(Span(first.start, second.end), keep)),
    )


def _inside_quoted_sentence(doc: Document, facts: Analysis, i: int) -> bool:
    """ "in the the consulting room": two lower-case articles inside a quote, a noun phrase going on.

    Translation and spinning damage speech as much as prose; a quote that names the
    doubled words themselves ('"The the," he said') is left alone.
    """
    words = facts.words
    return (
        i + 2 < len(words)
        and words[i].islower()
        and all(facts.quoted[k] and not facts.skipped[k] for k in (i, i + 1, i + 2))
        and facts.spaced[i + 1]
        and words[i + 2].islower()
        and not doc.is_ignored(Span(facts.tokens[i].start, facts.tokens[i + 1].end))
    )


@rule(
    code="MT302",
    name="doubled-word",
    category=Category.REPETITION,
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
    flag=(
        "He had sold two tractors to to pay the bank.",
        "The plant and and a sawmill were at risk.",
        "She finished ahead of of the champion.",
        "The council approved approved the plan.",
        "Staffing levels set by by head office were too low.",
        "The cable car is part of the of the city's transport plan.",
        "Her lawyers argued that that the turbines were too close.",
        '"I like to see the condors from from my house," he said.',
    ),
    pass_=(
        "She had had enough.",
        "He said that that was the purpose. It was one of the best of the year, more and more and more.",
        "What it is is a failure of planning.",
        '"Never, never again," she said.',
        "They visited Walla Walla in June and took a boda boda to the piri piri stall.",
        "Prices went up and up, and the talks went on on Monday.",
        '"To, to, to the harbour," he stammered, "and on on we went."',
        "Riders of boda boda taxis and sellers of mahi mahi joined the strike.",
    ),
)
def doubled_word(doc: Document) -> Iterator[Violation]:
    """
    ## What it does
    Flags a word repeated immediately ("to to", "of of", "and and") or a preposition and its
    determiner repeated as a pair ("of the of the"), compared
    case-sensitively, outside quotes (and, inside a quote, a doubled preposition such as
    `from from` between lower-case words, which no speaker says). Grammatical doubles ("had had", "that that", "what
    it is is"), emphatic doubles ("very very") and reduplicated names are left alone.

    ## Why is this bad
    A doubled word is a slip that spinners and careless machine edits leave behind; it
    marks the text as unedited.

    ## Example
    `would need to to change` -> `would need to change`

    ## Fix safety
    Safe for a doubled function word (the second copy goes); unsafe for other words,
    which may be deliberate.
    """
    facts = analyse(doc)
    tokens = facts.tokens
    words = facts.words
    for i in indexes_where(map(operator.eq, words[:-1], words[1:])):  # only doubled words
        first, second = tokens[i], tokens[i + 1]
        if first.text != second.text:
            continue
        if not (facts.prose[i] and facts.prose[i + 1]) and not _doubled_in_speech(doc, facts, i):
            continue
        word = first.text
        if word.lower() in DETERMINERS or not word.isalpha() or not word.islower():
            continue  # articles belong to MT301; names and numbers repeat legitimately
        if not facts.spaced[i]:
            continue
        if word in LEGITIMATE_DOUBLES and not (word == "that" and _article_after(facts, i + 1)):
            continue  # "said that that was the plan", but not "argued that that the"
        if zipf(word) < REDUPLICATED_LOANWORD_ZIPF:
            continue  # "boda boda", "mahi mahi", "tuk tuk": a loanword that doubles itself
        if word == "is" and i > 0 and facts.lower[i - 1] in {"it", "this", "what", "is"}:
            continue
        deletion = Edit.deletion(Span(first.end, second.end))
        title = f"Delete the repeated `{word}`"
        fix = Fix.safe(title, deletion) if word in FUNCTION_WORDS else Fix.unsafe(title, deletion)
        yield Violation(Span(first.start, second.end), f"Word repeated: `{word} {word}`", fix)
    yield from _doubled_pairs(facts)


def _article_after(facts: Analysis, i: int) -> bool:
    return i + 1 < len(facts.words) and facts.spaced[i] and facts.words[i + 1] in DETERMINERS


_PAIR_DETERMINERS = DETERMINERS | POSSESSIVES


def _doubled_pairs(facts: Analysis) -> Iterator[Violation]:
    """ "of the of the": a preposition and its determiner repeated as a pair, a slip of an edit."""
    words, tokens, spaced = facts.words, facts.tokens, facts.spaced
    for i in indexes_where(map(operator.eq, words[:-3], words[2:-1])):
        pair = words[i : i + 2]
        if words[i + 1] != words[i + 3] or pair[0] == pair[1]:
            continue
        if pair[0] not in PREPOSITIONS or pair[1] not in _PAIR_DETERMINERS:
            continue  # "more and more and more" is emphasis; "of the of the" a slip
        if not (spaced[i] and spaced[i + 1] and spaced[i + 2]) or not all(facts.prose[i : i + 4]):
            continue
        shown = " ".join(pair)
        yield Violation(
            Span(tokens[i].start, tokens[i + 3].end),
            f"Words repeated: `{shown} {shown}`",
            Fix.safe(
                f"Delete the repeated `{shown}`", Edit.deletion(Span(tokens[i + 1].end, tokens[i + 3].end))
            ),
        )


# A doubled word rarer than this is a reduplicated loanword ("boda boda", "mahi mahi"); the
# slips of spinners and edits double ordinary English words.
REDUPLICATED_LOANWORD_ZIPF = 3.0


# Prepositions a speaker does not repeat for emphasis: doubled in a quote, they are a slip
# of the text, not of the speaker ("see the condors from from my house").
_NEVER_DOUBLED_IN_SPEECH = frozenset({"to", "of", "from", "with", "for", "by", "at", "into", "onto", "about"})


def _doubled_in_speech(doc: Document, facts: Analysis, i: int) -> bool:
    """`from from my house` inside a quote, between lower-case words."""
    words = facts.words
    return (
        words[i] in _NEVER_DOUBLED_IN_SPEECH
        and i > 0
        and i + 2 < len(words)
        and all(facts.quoted[k] and not facts.skipped[k] for k in (i - 1, i, i + 1, i + 2))
        and words[i - 1].isalpha()
        and words[i + 2].isalpha()
        and words[i + 2].islower()
        and facts.spaced[i - 1]
        and facts.spaced[i + 1]
        and not doc.is_ignored(Span(facts.tokens[i].start, facts.tokens[i + 1].end))
    )


# "also said also that" (Persian "ham ... ham", Hindi "bhi"): a focus adverb placed both
# before the verb, as English does, and after it, as the source language did.
_REPEATED_ADVERB_RE = re.compile(r"\b(?P<adverb>also|already)\s+(?P<verb>[a-z]{3,})\s+(?P=adverb)\b")


@rule(
    code="MT303",
    name="repeated-adverb",
    category=Category.REPETITION,
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
    flag=(
        "Hosseini also said also that the team had found 200 wells.",
        "The ministry has already approved already the budget.",
        "Farmers also plant also maize on the slopes.",
    ),
    pass_=(
        "He also said that he had also written to the council.",
        "It was already late, and also cold; also, the bus had already left.",
        '"I also said also," she joked, quoting the typo.',
    ),
)
def repeated_adverb(doc: Document) -> Iterator[Violation]:
    """
    ## What it does
    Flags a focus adverb (`also`, `already`) repeated on both sides of one verb:
    `also said also that`, `has already approved already`. Quotes are left alone.

    ## Why is this bad
    Translation software sometimes keeps the adverb where the source language put it and
    adds it again where English puts it; the sentence reads as a stammer.

    ## Example
    `Hosseini also said also that` -> `Hosseini also said that`

    ## Fix safety
    Unsafe: the second adverb is deleted.
    """
    text = doc.text
    if "also" not in text and "already" not in text:
        return
    for match in _REPEATED_ADVERB_RE.finditer(text):
        span = Span(match.start(), match.end())
        if doc.in_quote(span) or doc.is_ignored(span):
            continue
        adverb = match.group("adverb")
        cut = Span(match.end("verb"), match.end())
        fix = Fix.unsafe(f"Delete the second `{adverb}`", Edit.deletion(cut))
        yield Violation(span, f"Adverb `{adverb}` repeated around `{match.group('verb')}`", fix)


@hookimpl
def newslint_register_rules(register: Callable[[Rule], None]) -> None:
    register(stacked_determiners)
    register(doubled_word)
    register(repeated_adverb)
