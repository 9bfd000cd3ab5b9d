"""MT9xx untranslated: words of another language or script left in an English article."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache

from newslint.diagnostics import Category, Edit, Fix, Severity, Span, Violation
from newslint.document import Document, Token
from newslint.hookspecs import hookimpl
from newslint.lexicon import zipf
from newslint.mt_lexicon import analyse, foreign_words, indexes_where, is_capitalised
from newslint.rules import FixAvailability, Rule, rule

# Short words of Romance and Germanic languages that join a foreign phrase ("acima da
# média"); never flagged alone, since they are also English words or name particles.
CONNECTORS = frozenset(
    [
        "a",
        "da",
        "de",
        "do",
        "das",
        "dos",
        "la",
        "el",
        "le",
        "des",
        "du",
        "di",
        "del",
        "em",
        "en",
        "no",
        "na",
        "o",
        "e",
        "y",
        "et",
        "al",
    ]
)


def _is_foreign_word(facts_initial: frozenset[int], tokens: tuple[Token, ...], i: int) -> bool:
    """Say whether a word of the foreign list, not an accepted term, is used as a foreign word."""
    word = tokens[i].text
    lower = word.lower()
    if word != lower and not (i in facts_initial and is_capitalised(word)):
        return False  # capitalised mid-sentence: part of a name ("Méridional Logistique")
    before = tokens[i - 1].text if i > 0 else ""
    after = tokens[i + 1].text if i + 1 < len(tokens) else ""
    return not (before[:1].isupper() and after[:1].isupper() and i not in facts_initial)


@rule(
    code="MT901",
    name="untranslated-word",
    category=Category.UNTRANSLATED,
    severity=Severity.WARNING,
    fix=FixAvailability.SOMETIMES,
    flag=(
        "Reservoirs stood at 27 percent, según the basin authority.",
        "Turnout was 71 percent, bem acima da média nacional for local elections.",
        "Selon the port authority, 43 ships were waiting.",
        '"We are not against the future," a déclaré Karim Benali, the union secretary.',
        "The club could lose 8 million euros, laut figures published by the league.",
    ),
    pass_=(
        "The cooperative, Campos del Ebro, represents 4,100 growers.",
        "Méridional Logistique said it remained open to dialogue.",
        "The lawyer worked pro bono for the family.",
        '"Selon moi, c\'est fini," she said.',
        "She wore a silver pendant to the encore.",
    ),
)
def untranslated_word(doc: Document) -> Iterator[Violation]:
    """
    ## What it does
    Flags function words and reporting verbs of Spanish, Portuguese, French, German,
    Italian, Dutch, Polish and the Scandinavian languages left in English prose
    ("según", "laut", "ifølge", "Selon", "a déclaré", "bem acima da média nacional").
    Names ("Campos del Ebro"), quotes and accepted terms are left alone; the word list
    leaves out words that are also English or name particles.

    ## Why is this bad
    Machine translation passes through words it fails to recognise, and the reader meets
    a sentence in two languages.

    ## Example
    `según the Ebro basin authority` -> `according to the Ebro basin authority`

    ## Fix safety
    Display-only: a translation of a single word is shown; phrases need a translator.
    """
    facts = analyse(doc)
    tokens = facts.tokens
    lowered = facts.lower
    table = foreign_words()
    initial = facts.sentence_initial

    def is_foreign(k: int) -> bool:
        return (
            lowered[k] in table
            and not doc.is_accepted(tokens[k].text)
            and _is_foreign_word(initial, tokens, k)
        )

    resume = 0  # the first index after the last phrase found
    for i in indexes_where(map(table.__contains__, lowered)):
        if i < resume or not facts.prose[i] or not is_foreign(i):
            continue
        first = last = i
        j = i + 1
        while j < len(tokens) and facts.prose[j] and facts.spaced[j - 1]:
            if is_foreign(j):
                last = j
            elif lowered[j] not in CONNECTORS:
                break
            j += 1
        if (
            first > 0
            and lowered[first - 1] in CONNECTORS
            and facts.prose[first - 1]
            and facts.spaced[first - 1]
            and tokens[first].text.endswith("é")
        ):
            first -= 1  # French passé composé: "a déclaré"
        resume = j
        words = [t.text for t in tokens[first : last + 1]]
        if len(words) == 1 and zipf(words[0]) >= 3.0 and first not in facts.sentence_initial:
            continue  # one word that English also uses needs a foreign neighbour
        span = Span(tokens[first].start, tokens[last].end)
        language, gloss = table[tokens[last].text.lower()]
        found = doc[span]
        fix = None
        foreign_count = sum(1 for k in range(first, last + 1) if tokens[k].text.lower() in table)
        if gloss and foreign_count == 1:
            gloss = gloss.capitalize() if found[0].isupper() else gloss
            fix = Fix.display_only(f"Translate: `{gloss}`", Edit(span, gloss))
        yield Violation(span, f"Untranslated {_LANGUAGES.get(language, language)} text `{found}`", fix)


_LANGUAGES = {
    "es": "Spanish",
    "pt": "Portuguese",
    "fr": "French",
    "de": "German",
    "it": "Italian",
    "nl": "Dutch",
    "pl": "Polish",
    "no": "Norwegian",
    "da": "Danish",
    "sv": "Swedish",
    "id": "Indonesian",
    "tr": "Turkish",
    "cs": "Czech",
    "sk": "Slovak",
    "hr": "Croatian",
    "hu": "Hungarian",
    "fi": "Finnish",
    "ro": "Romanian",
}

_SCRIPT_RANGES = (
    ("\u0370", "\u03ff"),
    ("\u0400", "\u04ff"),
    ("\u0590", "\u05ff"),
    ("\u0600", "\u06ff"),
    ("\u0900", "\u097f"),
    ("\u0e00", "\u0e7f"),
    ("\u3040", "\u30ff"),
    ("\u3400", "\u9fff"),
    ("\uac00", "\ud7af"),
)
_SCRIPT_CLASS = "".join(f"{low}-{high}" for low, high in _SCRIPT_RANGES)


def _is_scientific_letter(text: str, match: re.Match[str]) -> bool:
    """One or two Greek letters: notation (TNF-α, USCα, ΔT, "α and β receptors"), not a language."""
    found = match.group()
    return len(found) <= 2 and all("\u0370" <= c <= "\u03ff" for c in found)


# A Latin-script gloss in brackets or quotes beside the foreign run: its romanisation
# or translation, given on purpose ("고요한 시간들 (Goyohan sigandeul)").
_GLOSS_AFTER_RE = re.compile(
    r"\s*,?\s*[(\"'\u201c\u2018\u00ab]{1,2}[^\W\d_][^()\"\u201c\u201d\u00ab\u00bb\n]{0,80}?[)\"'\u201d\u2019\u00bb]"
)
_GLOSS_BEFORE_RE = re.compile(
    r"[(\"'\u201c\u2018\u00ab]{1,2}[^\W\d_][^()\"\u201c\u201d\u00ab\u00bb\n]{0,80}?[)\"'\u201d\u2019\u00bb]\s*,?\s*$"
)


def _is_glossed(text: str, match: re.Match[str]) -> bool:
    """A foreign-script title or name with its romanisation or translation bracketed or quoted beside it."""
    after = _GLOSS_AFTER_RE.match(text, match.end())
    if after is not None and _is_latin_gloss(after.group()):
        return True
    before = _GLOSS_BEFORE_RE.search(text[max(0, match.start() - 90) : match.start()])
    return before is not None and _is_latin_gloss(before.group())


def _is_latin_gloss(gloss: str) -> bool:
    """The bracketed or quoted text is in the Latin script (a romanisation or an English gloss)."""
    letters = [c for c in gloss if c.isalpha()]
    return bool(letters) and all(c < "\u0250" for c in letters)


@cache
def foreign_script_re() -> re.Pattern[str]:
    """A run of foreign-script words: compiled on first use (~6 ms), never for an ASCII article."""
    return re.compile(rf"[{_SCRIPT_CLASS}]+(?:[\s,.]+[{_SCRIPT_CLASS}]+)*")


@rule(
    code="MT902",
    name="foreign-script",
    category=Category.UNTRANSLATED,
    severity=Severity.WARNING,
    flag=(
        "The minister said the talks were 非常に重要 for both sides.",
        "Officials described the plan as важный шаг forward.",
    ),
    pass_=(
        "Kim Jong Un (김정은) arrived on Tuesday.",
        'The sign read "Добро пожаловать" in large letters.',
        "The film was released in Korea as 고요한 시간들 (Goyohan sigandeul) last May.",
        'Her novel, published in Moscow as Тихий Дон ("Quiet Don"), sold well.',
        "Cytokines such as TNF-α and the β-blocker drug were measured, with ΔT at 3 kelvin.",
        "The group known as USCα oxidises methane; the α-helix folds first.",
    ),
)
def foreign_script(doc: Document) -> Iterator[Violation]:
    """
    ## What it does
    Flags runs of Cyrillic, Greek, Arabic, Hebrew, Devanagari, Thai, Japanese, Chinese or
    Korean text in English prose, outside quotes and parentheses (where a name's original
    spelling is legitimately given). A title or name followed or preceded by its
    romanisation or translation in brackets or quotes is given on purpose, and one or
    two Greek letters on their own are scientific notation
    (`TNF-α`, `β-blocker`, `ΔT`): both are left alone.

    ## Why is this bad
    Text left in the source script is untranslated: most readers cannot read it.

    ## Example
    `the talks were 非常に重要 for both sides`
    """
    if doc.text.isascii():
        return  # no letter of these scripts: the regex need not even be compiled
    for match in foreign_script_re().finditer(doc.text):
        span = Span(match.start(), match.end())
        if doc.in_quote(span) or doc.is_ignored(span):
            continue
        line = doc.lines[doc.line_index(span.start)]
        before = doc.text[line.start : span.start]
        if before.count("(") > before.count(")"):
            continue
        if doc.line_index(span.start) in doc.heading_lines:
            continue
        if _is_scientific_letter(doc.text, match) or _is_glossed(doc.text, match):
            continue
        yield Violation(span, f"Text in a foreign script: `{match.group()}`")


@hookimpl
def newslint_register_rules(register: Callable[[Rule], None]) -> None:
    register(untranslated_word)
    register(foreign_script)
