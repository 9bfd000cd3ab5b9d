"""MT904 untranslated content word: a lower-case foreign word, accented and unknown to English."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator

from newslint.builtin.translate_untranslated import CONNECTORS
from newslint.diagnostics import Category, Severity, Violation
from newslint.document import Document
from newslint.hookspecs import hookimpl
from newslint.lexicon import zipf
from newslint.mt_lexicon import analyse, foreign_words
from newslint.rules import Rule, rule

# Accented loanwords of English food, travel and arts writing that the frequency list
# lacks even without their accents ("a soupçon of", "a gîte in the Dordogne").
LOANWORDS = frozenset(
    [
        "flambé", "aperçu", "soupçon", "gîte", "gîtes", "manqué", "gemütlichkeit", "dégustation",
        "millésime", "crêperie", "bûche", "rösti", "müsli", "smørrebrød", "glögg", "blåbær",
        "pâtisserie", "pâtisseries", "maître", "maîtres", "cuvée", "cuvées", "rosé", "rosés",
        "flâneur", "flâneurs", "habitué", "habitués", "glühwein", "gemütlich", "réveillon",
        "weißwurst", "québécois", "québécoise", "montréalais",
    ]
)  # fmt: skip
# Words that introduce a word as a word: "known locally as épreintes" is a mention.
_MENTION_WORDS = frozenset({"called", "as", "word", "term", "dubbed", "so-called", "named", "known"})


# Letters that Unicode does not decompose into a base letter and an accent.
_UNDECOMPOSED = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "ð": "d", "þ": "th"}
)


def _ascii_folded(word: str) -> str:
    """The word without its accents: "épreintes" -> "epreintes", "złoty" -> "zloty"."""
    decomposed = unicodedata.normalize("NFKD", word.translate(_UNDECOMPOSED))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _is_unknown_foreign(word: str) -> bool:
    """An accented lower-case word that English, with or without the accents, does not know."""
    if len(word) < 5 or word.isascii() or not word.isalpha() or not word.islower():
        return False
    if word in LOANWORDS or zipf(word) > 0:
        return False
    if zipf("".join(filter(str.isascii, word))) >= 3.0:
        return False  # a wrong decoding around an English word: "councilâ", "ōunfairö"
    folded = _ascii_folded(word)
    if word.endswith(("eño", "eña", "eños", "eñas")):
        return False  # a Spanish demonym English borrows: "madrileños", "porteños"
    singular = folded[:-1] if folded.endswith("s") else folded
    return zipf(folded) == 0 and zipf(singular) == 0 and zipf(word[:-1]) == 0


@rule(
    code="MT904",
    name="untranslated-content-word",
    category=Category.UNTRANSLATED,
    severity=Severity.WARNING,
    flag=(
        "Volunteers found traces at 23 sites, mostly épreintes, the droppings otters leave.",
        "The farmers sold their récolte at the market in Lyon.",
        "The mayor thanked the bénévoles who cleaned the beach.",
    ),
    pass_=(
        "We drank rosé at a café near the gîte, then had crème brûlée.",
        "The deal is worth 2.1 billion złoty, paid over the smørrebrød lunch.",
        "She sang Schubert's Ständchen with a naïve charm.",
        "The Office français de la biodiversité led the survey.",
        "Otter droppings, known locally as épreintes, mark territory.",
        "The council's budget rose.",
    ),
)
def untranslated_content_word(doc: Document) -> Iterator[Violation]:
    """
    ## What it does
    Flags a lower-case word with accents that English does not know, even without its
    accents, in running English prose: `mostly épreintes, the droppings`. Capitalised
    words (names, German nouns of titles), loanwords English uses (`café`, `naïve`,
    `rosé`), words of a foreign name (`Office français de la biodiversité`), words
    introduced as words (`known as épreintes`) and quotes are left alone.

    ## Why is this bad
    Machine translation passes through a word it has no entry for; the reader meets a
    foreign word the article never explains.

    ## Example
    `mostly épreintes, the droppings` -> `mostly spraints, the droppings`
    """
    if doc.text.isascii():
        return
    facts = analyse(doc)
    words, lowered, prose = facts.words, facts.lower, facts.prose
    table = foreign_words()
    for i, word in enumerate(words):
        if word.isascii() or i == 0 or not prose[i] or not _is_unknown_foreign(word):
            continue
        if word in table or doc.is_accepted(word):
            continue  # MT901 names the language of a listed word
        prev = words[i - 1]
        nxt = lowered[i + 1] if i + 1 < len(words) else ""
        if not prev.islower() or prev in CONNECTORS or nxt in CONNECTORS or prev in table:
            continue  # part of a foreign name or phrase
        if any(w in _MENTION_WORDS for w in lowered[max(0, i - 3) : i]):
            continue
        yield Violation(facts.tokens[i].span, f"Untranslated foreign word `{word}`")


@hookimpl
def newslint_register_rules(register: Callable[[Rule], None]) -> None:
    register(untranslated_content_word)
