"""MT904 untranslated content word, MT905 untranslated common noun of civic and sports news."""

from __future__ import annotations

import operator
import re
import unicodedata
from collections.abc import Callable, Iterator
from functools import cache
from operator import itemgetter

from newslint.builtin.translate_untranslated import CONNECTORS, LANGUAGES
from newslint.diagnostics import Category, Edit, Fix, Severity, Violation
from newslint.document import Document
from newslint.hookspecs import hookimpl
from newslint.lexicon import data_text, zipf
from newslint.mt_lexicon import Analysis, analyse, foreign_words, indexes_where, per_document
from newslint.rules import FixAvailability, Rule, rule

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
# English of Ireland, Wales, Scotland, New Zealand and Hawaii borrows words of the local
# language ("the cúpla focal", "whānau", "kūpuna"): in an article that names that language
# or place, accented words spelled with its accents alone are not left by a translator.
_HERITAGE_LANGUAGE_RE = re.compile(
    r"\b(?:Irish|Gaelic|Gaeltacht|Welsh|Cymru|Māori|Maori|te reo|Aotearoa|Hawaiian)\b"
)
_HERITAGE_ACCENTS = frozenset("áéíóúāēīōūŵŷâêîôû")
_OTHER_ACCENTS = frozenset("àèìòùäëïöüçñãõåøæœßłńśźżčřšžěőű")
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
        "Castelmonte, a town of about 12,000 abitanti near the coast, voted no.",
        "The village has 450 habitantes and one school.",
    ),
    pass_=(
        "We drank rosé at a café near the gîte, then had crème brûlée.",
        "The deal is worth 2.1 billion złoty, paid over the smørrebrød lunch.",
        "She sang Schubert's Ständchen with a naïve charm.",
        "The Office français de la biodiversité led the survey.",
        "The priest brought a plate of opłatek, the thin wafer that Polish families share at Christmas.",
        "Otter droppings, known locally as épreintes, mark territory.",
        "The council's budget rose.",
        "The ship carried 12,000 tonnes of grain and 300 kilowatt hours of storage.",
        "The 2024 Qwertyuiop release, then 18 gigajoules in all.",
        "The qanat was dug by hand. Qanats carry water; Iran has 30,000 qanats across the plateau.",
        "Most Irish people leave school with the cúpla focal and not much more.",
        "In Māori communities the whānau decides together.",
        "The case was brought by the veiðifélag, or fishing association, that manages the rivers.",
    ),
)
def untranslated_content_word(doc: Document) -> Iterator[Violation]:
    """
    ## What it does
    Flags a lower-case word with accents that English does not know, even without its
    accents, in running English prose: `mostly épreintes, the droppings`. Capitalised
    words (names, German nouns of titles), loanwords English uses (`café`, `naïve`,
    `rosé`), words of a foreign name (`Office français de la biodiversité`), words
    introduced as words (`known as épreintes`) and quotes are left alone. A plain
    word that English does not know, even as a compound of English parts, is flagged
    after a count when English follows it: `a town of 18,000 abitanti near the coast`.

    ## Why is this bad
    Machine translation passes through a word it has no entry for; the reader meets a
    foreign word the article never explains.

    ## Example
    `mostly épreintes, the droppings` -> `mostly spraints, the droppings`
    """
    facts = analyse(doc)
    yield from _unknown_nouns_after_numbers(doc, facts)
    if doc.text.isascii():
        return
    words, lowered, prose = facts.words, facts.lower, facts.prose
    table = foreign_words()
    heritage = _HERITAGE_LANGUAGE_RE.search(doc.text) is not None
    # Only the non-ASCII words can be accented (picked in C: no Python frame per word).
    for i in indexes_where(map(operator.not_, map(str.isascii, words))):
        word = words[i]
        if i == 0 or not prose[i] or not _is_unknown_foreign(word):
            continue
        if word in table or doc.is_accepted(word):
            continue  # MT901 names the language of a listed word
        prev = words[i - 1]
        nxt = lowered[i + 1] if i + 1 < len(words) else ""
        if not prev.islower() or prev in CONNECTORS or nxt in CONNECTORS or prev in table:
            continue  # part of a foreign name or phrase
        if heritage and set(word) & _HERITAGE_ACCENTS and not set(word) & _OTHER_ACCENTS:
            continue  # "the cúpla focal", "whānau": Irish or Māori words of English in Ireland or New Zealand
        if any(w in _MENTION_WORDS for w in lowered[max(0, i - 3) : i]):
            continue
        if _is_glossed_custom(doc, facts.tokens[i].end):
            continue  # "opłatek, the thin wafer that Polish families share": a custom explained
        yield Violation(facts.tokens[i].span, f"Untranslated foreign word `{word}`")


# A word the writer explains straight after it: ", the thin wafer ...", " (a wafer)", ", or wafer".
_GLOSS_AFTER_RE = re.compile(r",\s+(?:the|a|an|or)\s|\s+\((?:the|a|an|or|literally|meaning)?\s?[a-z]")
# A gloss that gives the translation itself: a machine translation never adds one.
_TRANSLATING_GLOSS_RE = re.compile(r",\s+or\s|\s+\((?:or|literally|meaning)\b")
# A people or a language named in the explanation: "the wafer that Polish families share".
_PEOPLE_RE = re.compile(
    r"\b(?:Polish|French|German|Italian|Spanish|Portuguese|Dutch|Flemish|Swedish|Norwegian|Danish|Finnish|Icelandic"
    r"|Czech|Slovak|Hungarian|Romanian|Greek|Turkish|Croatian|Serbian|Slovenian|Lithuanian|Latvian|Estonian"
    r"|Ukrainian|Russian|Catalan|Basque|Breton|Sami|Vietnamese|Brazilian|Mexican|Argentine|Chilean)\b"
)


def _is_glossed_custom(doc: Document, end: int) -> bool:
    """A word explained right after it, in words that name the people whose custom it is."""
    gloss = _GLOSS_AFTER_RE.match(doc.text, end)
    if gloss is None:
        return False
    if _TRANSLATING_GLOSS_RE.match(gloss.group()):
        return True  # "the veiðifélag, or fishing association,": the writer translates it
    stop = doc.text.find(".", end)
    return _PEOPLE_RE.search(doc.text, end, stop if stop != -1 else len(doc.text)) is not None


_COUNT_RE = re.compile(r"\d{1,3}(?:[,.]\d{3})+|\d{2,}")


def _is_unknown_plain(word: str) -> bool:
    """A plain lower-case word that English, even without an ending, does not know: "abitanti"."""
    if len(word) < 6 or not word.isascii() or not word.isalpha() or not word.islower():
        return False
    if any(zipf(stem) > 0 for stem in (word, word[:-1], word[:-2])):
        return False
    # A compound of English parts ("gigajoules", "megalitres"): a rare English word
    parts = (word[k:] for k in range(1, len(word) - 3))
    return not any(zipf(part) >= 2.0 for part in parts if len(part) >= 6)


def _unknown_nouns_after_numbers(doc: Document, facts: Analysis) -> Iterator[Violation]:
    """`a town of 18,000 abitanti`: the noun a count is of, left in the source language."""
    words, prose, tokens = facts.words, facts.prose, facts.tokens
    size = len(words)
    # Only the words after a token opening on a digit can follow a count (picked in C).
    for n in indexes_where(map(str.isdecimal, map(itemgetter(0), words[:-1]))):
        i = n + 1
        word = words[i]
        if not prose[i] or not _COUNT_RE.fullmatch(words[n]) or not _is_unknown_plain(word):
            continue
        if not facts.spaced[i - 1] or doc.is_accepted(word):
            continue
        nxt = words[i + 1] if i + 1 < size else ""
        if not nxt.islower() or zipf(nxt) < 3.0 or not facts.spaced[i]:
            continue  # an English word must follow: "18,000 abitanti near the coast"
        if _is_article_term(doc, word) or _used_with_article(doc.text, word):
            continue  # "the qanat ... 30,000 qanats": the term the article is about, not a slip
        yield Violation(tokens[i].span, f"Untranslated foreign word `{word}` after a number")


# A term the article keeps using (in any case or number) is its subject, which a writer explains:
# an untranslated word is a one-off of the translation.
TERM_MIN_USES = 3


def _is_article_term(doc: Document, word: str) -> bool:
    stem = word[:-1] if word.endswith("s") else word
    return lowered_document_text(doc).count(stem) >= TERM_MIN_USES


@per_document
def lowered_document_text(doc: Document) -> str:
    return doc.text.lower()


def _used_with_article(text: str, word: str) -> bool:
    """The word (or its singular) also stands after an English article in the text."""
    stem = word[:-1] if word.endswith("s") else word
    return re.search(rf"\b(?:[Tt]he|[Aa]n?) {re.escape(stem)}s?\b", text) is not None


def _in_capitalised_name(words: tuple[str, ...], i: int) -> bool:
    """A capitalised word with a capitalised neighbour: part of a name, not a noun left alone."""
    before = words[i - 1] if i > 0 else ""
    after = words[i + 1] if i + 1 < len(words) else ""
    if before.lower() in {"the", "a", "an", "this", "that", "our", "their", "its", "his", "her"}:
        before = ""  # a sentence-initial determiner
    return (before[:1].isupper() and before.isalpha()) or (after[:1].isupper() and after.isalpha())


@cache
def foreign_nouns() -> dict[str, tuple[str, str]]:
    """Nouns of civic and sports news left untranslated: word -> (language, English gloss)."""
    table: dict[str, tuple[str, str]] = {}
    for raw in data_text("mt_foreign_nouns.tsv").splitlines():
        if raw.strip() and not raw.startswith("#"):
            word, language, gloss = raw.split("\t")
            table[word] = (language, gloss)
    return table


# Words of a sentence that explains a foreign term: "the Dutch term for an alderman".
_GLOSSING_WORDS = frozenset(
    {"called", "known", "term", "word", "dubbed", "so-called", "named", "means", "meaning",
     "equivalent", "translates", "literally", "calls", "call"}
)  # fmt: skip


@rule(
    code="MT905",
    name="untranslated-common-noun",
    category=Category.UNTRANSLATED,
    severity=Severity.WARNING,
    fix=FixAvailability.SOMETIMES,
    flag=(
        "Education wethouder Sanne de Vries said the city would pay for the scheme.",
        "It is not the only basisschool in the region with empty posts.",
        "The judge will file the motivazioni for the ruling within 90 days.",
        "Their karte will be sent ahead electronically.",
        "After the maç, the club's president announced a bonus.",
        "The szpital in the town will close its maternity ward.",
        "The recount could decide the result of the Pilkada for regent.",
        "The Bürgermeister said the bridge would reopen in May.",
    ),
    pass_=(
        "A wethouder, the Dutch term for an alderman, runs each portfolio.",
        "The city's schools, known locally as basisscholen, open at 8.30.",
        '"The sindaco never came," she said.',
        "The Sindaco Street cafe and the Karte gallery opened.",
        "She ordered a karte (a patient chart) from the archive.",
        "The regional elections (Pilkada) are held every five years.",
        "Patients were moved to the Krankenhaus Nord and the Städtisches Krankenhaus.",
    ),
)
def untranslated_common_noun(doc: Document) -> Iterator[Violation]:
    """
    ## What it does
    Flags a common noun of civic, school, court, health or sports news that a translation
    left in the source language: Dutch `wethouder` and `basisschool`, Italian `motivazioni`
    and `sindaco`, Japanese `karte`, Turkish `maç`, Polish `szpital`, Swedish `sjukhus`.
    Only nouns English does not borrow are listed; capitalised words (names), quotes,
    words glossed in brackets and sentences that explain a term (`the Dutch term for`)
    are left alone.

    ## Why is this bad
    Machine translation passes through a noun it has no entry for; the reader meets a
    foreign word the article never explains.

    ## Example
    `Education wethouder Sanne de Vries` -> `Education alderman Sanne de Vries`

    ## Fix safety
    Display-only: the English noun is shown; articles and word order may need rewording.
    """
    table, function_words = foreign_nouns(), foreign_words()
    facts = analyse(doc)
    words, lowered, tokens, prose = facts.words, facts.lower, facts.tokens, facts.prose
    text = doc.text
    for i in indexes_where(map(table.__contains__, words)):
        if not prose[i] or doc.is_accepted(words[i]):
            continue
        if i > 0 and (lowered[i - 1] in CONNECTORS or lowered[i - 1] in function_words):
            continue  # inside a foreign name or phrase: "la mairie de Lyon"
        if words[i][0].isupper() and _in_capitalised_name(words, i):
            continue  # "Krankenhaus Nord", "Städtisches Krankenhaus": the name of a place
        span = tokens[i].span
        if text[span.end : span.end + 2].lstrip().startswith("(") or text[span.start - 1 : span.start] == "(":
            continue  # glossed in brackets, or given in brackets after its translation
        if any(w in _GLOSSING_WORDS for w in lowered[max(0, i - 6) : i + 6]):
            continue  # the term is explained, not passed through
        language, gloss = table[words[i]]
        fix = Fix.display_only(f"Translate: `{gloss}`", Edit(span, gloss))
        yield Violation(span, f"Untranslated {LANGUAGES.get(language, language)} word `{words[i]}`", fix)


@hookimpl
def newslint_register_rules(register: Callable[[Rule], None]) -> None:
    register(untranslated_content_word)
    register(untranslated_common_noun)
