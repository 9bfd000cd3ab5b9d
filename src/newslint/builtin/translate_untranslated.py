"""MT9xx untranslated: words of another language or script left in an English article."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache

from newslint.diagnostics import Category, Edit, Fix, Severity, Span, Violation
from newslint.document import Document, Token
from newslint.hookspecs import hookimpl
from newslint.lexicon import zipf
from newslint.mt_lexicon import Analysis, analyse, foreign_words, indexes_where, is_capitalised
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


# Words for "about" that English shares (a rare verb "environ", the name "Rund") or that
# only make sense before a quantity: flagged only before a number ("rund 600 staff").
APPROXIMATORS = frozenset(
    ["cerca", "environ", "rund", "zirka", "cirka", "omkring", "ungefär", "noin", "zhruba", "přibližně",
     "körülbelül", "aproximativ", "yaklaşık", "sekitar"]
)  # fmt: skip
# Connectives of two words, each an English word or a name particle on its own ("sin",
# "embargo", "no"), foreign together: word tuple -> (language, English gloss).
FOREIGN_PHRASES: dict[tuple[str, ...], tuple[str, str]] = {
    ("sin", "embargo"): ("es", "however"),
    ("no", "obstante"): ("es", "nevertheless"),
    ("es", "decir"): ("es", "that is"),
    ("por", "ejemplo"): ("es", "for example"),
    ("por", "lo", "tanto"): ("es", "therefore"),
    ("sin", "duda"): ("es", "undoubtedly"),
    ("a", "pesar", "de"): ("es", "despite"),
    ("no", "entanto"): ("pt", "however"),
    ("por", "exemplo"): ("pt", "for example"),
    ("ou", "seja"): ("pt", "that is"),
    ("par", "exemple"): ("fr", "for example"),
    ("en", "outre"): ("fr", "moreover"),
    ("en", "effet"): ("fr", "indeed"),
    ("zum", "beispiel"): ("de", "for example"),
    ("per", "esempio"): ("it", "for example"),
    ("ad", "esempio"): ("it", "for example"),
    ("w", "tym"): ("pl", "including"),
}
_PHRASE_FIRSTS = frozenset(words[0] for words in FOREIGN_PHRASES)
_NUMBER_RE = re.compile(r"\d")


def _is_english_word(word: str) -> bool:
    """A frequent lower-case English word: the frame of an English sentence around a foreign word."""
    return word.islower() and word.isascii() and zipf(word) >= 4.0 and word not in CONNECTORS


def _is_foreign_word(facts_initial: frozenset[int], tokens: tuple[Token, ...], i: int) -> bool:
    """Say whether a word of the foreign list, not an accepted term, is used as a foreign word."""
    word = tokens[i].text
    lower = word.lower()
    if word != lower and not (i in facts_initial and is_capitalised(word)):
        return False  # capitalised mid-sentence: part of a name ("Méridional Logistique")
    before = tokens[i - 1].text if i > 0 else ""
    after = tokens[i + 1].text if i + 1 < len(tokens) else ""
    return not (before[:1].isupper() and after[:1].isupper() and i not in facts_initial)


# Listed words that are also English verbs, with the words that follow the English verb:
# Romanian "Conform datelor" (according to the data) but English "conform to the rules".
_ENGLISH_VERB_HOMOGRAPHS = {"conform": frozenset({"to", "with", "and", "or"})}


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
        "The firm will move rund 600 of its staff to short-time work.",
        "The court convicted the manager, sin embargo acquitted the engineers.",
        '"We had cerca de 11,000 tiles and no map," she said.',
        "Shares fell; the company, toutefois, kept its forecast.",
        "Conform data from the property portal, rents rose 23 percent.",
    ),
    pass_=(
        "The cooperative, Campos del Ebro, represents 4,100 growers.",
        "Méridional Logistique said it remained open to dialogue.",
        "The lawyer worked pro bono for the family.",
        '"Selon moi, c\'est fini," she said.',
        "She wore a silver pendant to the encore.",
        "Rund and Cerca are small villages; the environ of the lake is quiet.",
        "The government lifted the embargo on sin taxes; a pesar was nowhere.",
        '"Sin embargo, no es suficiente," the mayor said.',
        "Conform to the code, the sign said. Staff must conform.",
    ),
)
def untranslated_word(doc: Document) -> Iterator[Violation]:
    """
    ## What it does
    Flags function words and reporting verbs of Spanish, Portuguese, French, German,
    Italian, Dutch, Polish and the Scandinavian languages left in English prose
    ("según", "laut", "ifølge", "Selon", "a déclaré", "bem acima da média nacional").
    Names ("Campos del Ebro"), quotes and accepted terms are left alone; the word list
    leaves out words that are also English or name particles. Connectives of two or three
    words (`sin embargo`, `por ejemplo`) are flagged together; words for "about" (`rund`,
    `cerca`, `environ`) only before a number. In a quote, a foreign word is flagged only
    when English words frame it (`"We had cerca de 11,000 tiles"`).

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

    def in_english_quote(first: int, after: int) -> bool:
        """A foreign word inside a quote whose words around it are English ("We had cerca de 11,000 tiles")."""
        if not facts.quoted[first] or facts.skipped[first] or first == 0 or not facts.quoted[first - 1]:
            return False
        if after >= len(tokens) or not facts.quoted[after]:
            return False
        nxt = tokens[after].text
        return _is_english_word(lowered[first - 1]) and (_is_english_word(nxt) or bool(_NUMBER_RE.match(nxt)))

    covered: set[int] = set()  # the tokens of the connectives found: not flagged again alone
    for first, last, violation in _foreign_phrases(doc, facts, in_english_quote):
        covered.update(range(first, last + 1))
        yield violation
    resume = 0  # the first index after the last phrase found
    for i in indexes_where(map(table.__contains__, lowered)):
        if i < resume or i in covered or not is_foreign(i):
            continue
        if not facts.prose[i]:
            end = i + 2 if i + 1 < len(tokens) and lowered[i + 1] in CONNECTORS else i + 1
            if not in_english_quote(i, end):
                continue
        if lowered[i] in APPROXIMATORS:
            k = i + 1
            while k < len(tokens) and lowered[k] in CONNECTORS:
                k += 1
            if k >= len(tokens) or not _NUMBER_RE.match(tokens[k].text):
                continue  # "the environ of" and "Rund" are not "about"
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
        if len(words) == 1 and lowered[first] in _ENGLISH_VERB_HOMOGRAPHS:
            nxt = lowered[first + 1] if first + 1 < len(tokens) else ""
            if nxt in _ENGLISH_VERB_HOMOGRAPHS[lowered[first]] or not nxt.isalpha():
                continue  # "Conform to the code": the English verb
        span = Span(tokens[first].start, tokens[last].end)
        language, gloss = table[tokens[last].text.lower()]
        found = doc[span]
        fix = None
        foreign_count = sum(1 for k in range(first, last + 1) if tokens[k].text.lower() in table)
        if gloss and foreign_count == 1:
            gloss = gloss.capitalize() if found[0].isupper() else gloss
            fix = Fix.display_only(f"Translate: `{gloss}`", Edit(span, gloss))
        yield Violation(span, f"Untranslated {LANGUAGES.get(language, language)} text `{found}`", fix)


def _foreign_phrases(
    doc: Document, facts: Analysis, in_english_quote: Callable[[int, int], bool]
) -> Iterator[tuple[int, int, Violation]]:
    """Two- and three-word connectives of other languages: `sin embargo`, `por ejemplo`."""
    lowered, tokens = facts.lower, facts.tokens
    for i in indexes_where(map(_PHRASE_FIRSTS.__contains__, lowered)):
        for words, (language, gloss) in FOREIGN_PHRASES.items():
            end = i + len(words)
            if lowered[i:end] != words or not all(facts.spaced[k] for k in range(i, end - 1)):
                continue
            if not all(tokens[k].text.islower() for k in range(i + 1, end)):
                continue  # "the Sin Embargo project": a name
            if tokens[i].text[:1].isupper() and i not in facts.sentence_initial:
                continue
            if not all(facts.prose[i:end]) and not in_english_quote(i, end):
                continue
            span = Span(tokens[i].start, tokens[end - 1].end)
            found = doc[span]
            if doc.is_accepted(found):
                continue
            text = gloss.capitalize() if found[0].isupper() else gloss
            fix = Fix.display_only(f"Translate: `{text}`", Edit(span, text))
            message = f"Untranslated {LANGUAGES.get(language, language)} text `{found}`"
            yield i, end - 1, Violation(span, message, fix)


LANGUAGES = {
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
    "ja": "Japanese",
    "sw": "Swahili",
    "ms": "Malay",
    "tl": "Tagalog",
    "hi": "Hindi",
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


# The Chinese characters that broken decodings print: U+FFFD read as GBK gives 锟斤拷, and
# uninitialised memory in a Windows debugger 烫烫烫 or 屯屯屯. They are encoding damage
# (SC6), not text a translator passed through.
_MOJIBAKE_HAN = frozenset("锟斤拷烫屯")


def _is_mojibake_run(text: str, start: int, end: int) -> bool:
    """A run of decoding garbage: known mojibake characters, or glued to Latin or digits on both sides."""
    run = text[start:end]
    if set(run.replace(" ", "")) <= _MOJIBAKE_HAN:
        return True
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return len(run) <= 3 and before.isascii() and before.isalnum() and after.isascii() and after.isalnum()


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
        "The highest temperature, 43.1锟斤拷C, was recorded on Thursday.",
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
    (`TNF-α`, `β-blocker`, `ΔT`): both are left alone. So are the characters a broken
    decoding prints (`43.1锟斤拷C`), which are encoding damage.

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
        if _is_mojibake_run(doc.text, match.start(), match.end()):
            continue
        yield Violation(span, f"Text in a foreign script: `{match.group()}`")


@hookimpl
def newslint_register_rules(register: Callable[[Rule], None]) -> None:
    register(untranslated_word)
    register(foreign_script)
