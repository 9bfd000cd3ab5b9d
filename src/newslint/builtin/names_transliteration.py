"""MT602-MT603 name consistency: a place spelled by two traditions, a name left in a Finnish case."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator

from newslint.diagnostics import Category, Edit, Fix, Severity, Span, Violation
from newslint.document import Document
from newslint.hookspecs import hookimpl
from newslint.lexicon import zipf
from newslint.rules import FixAvailability, Rule, rule

# Places with a spelling from Russian (or a colonial one) and the current spelling. One
# article uses one of them; both together mark a translation that went through another
# language for part of the text.
PLACE_SPELLINGS: dict[str, str] = {
    "Lvov": "Lviv",
    "Lwow": "Lviv",
    "Kiev": "Kyiv",
    "Kharkov": "Kharkiv",
    "Nikolaev": "Mykolaiv",
    "Nikolayev": "Mykolaiv",
    "Zaporozhye": "Zaporizhzhia",
    "Dnepr": "Dnipro",
    "Dnepropetrovsk": "Dnipro",
    "Chernigov": "Chernihiv",
    "Rovno": "Rivne",
    "Lugansk": "Luhansk",
    "Vinnitsa": "Vinnytsia",
    "Uzhgorod": "Uzhhorod",
    "Ivano-Frankovsk": "Ivano-Frankivsk",
    "Ternopol": "Ternopil",
    "Zhitomir": "Zhytomyr",
    "Kishinev": "Chisinau",
    "Bombay": "Mumbai",
    "Calcutta": "Kolkata",
    "Rangoon": "Yangon",
    "Djakarta": "Jakarta",
}
_OLD_SPELLING_RE = re.compile(r"\b(?:" + "|".join(PLACE_SPELLINGS) + r")\b")
# "Kyiv (formerly Kiev)", "known in Russian as Kharkov": the article names both on purpose.
_EXPLAINED_RE = re.compile(
    r"\b(?:formerly|known as|spelled|spelt|spelling|Russian|once called|then called|renamed)\b"
)
# Indonesian names in the spelling before 1972 ("Soetrisno", "Djoko") beside the new one.
_OLD_INDONESIAN_RE = re.compile(r"\b[A-Z][a-z]*(?:oe|dj|Dj|tj|Tj)[a-z]+\b")


def _new_indonesian(word: str) -> str:
    return word.replace("oe", "u").replace("Dj", "J").replace("dj", "j").replace("Tj", "C").replace("tj", "c")


@rule(
    code="MT602",
    name="transliteration-variant",
    category=Category.NAME_CONSISTENCY,
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
    flag=(
        "Trains to Kharkiv were cancelled.\n\nLater, officials in Kharkov said the line was open.\n",
        "Sukarno's daughter spoke first.\n\nSoekarno's legacy was the theme of the day.\n",
        "Mumbai's trains stopped. Offices in Bombay closed early.\n",
    ),
    pass_=(
        "Kyiv (formerly spelled Kiev in English) was quiet.\n",
        "He ordered chicken Kiev in a Kyiv restaurant, known as Kiev to Russians.\n",
        "Soekarno-Hatta airport serves Jakarta; the Boeing and Joel Hoekstra were there.\n",
        "The Bombay Stock Exchange is in Mumbai.\n",
    ),
)
def transliteration_variant(doc: Document) -> Iterator[Violation]:
    """
    ## What it does
    Flags a place or a name spelled in two traditions in one article: a Russian-based or
    colonial spelling beside the current one (`Lvov` and `Lviv`, `Bombay` and `Mumbai`),
    and an Indonesian name in the spelling before 1972 beside its current spelling
    (`Soetrisno` and `Sutrisno`). An article that explains the older name (`formerly`,
    `known as`) is left alone; so are names that keep the old spelling (`Bombay Stock
    Exchange`, `Soekarno-Hatta` airport).

    ## Why is this bad
    A reader cannot tell that `Lvov` and `Lviv` are one city; the mix shows that part of
    the text went through another language before English.

    ## Example
    `the Lvov region` (Lviv elsewhere) -> `the Lviv region`

    ## Fix safety
    Unsafe: the article's other spelling is put in place.
    """
    text = doc.text
    for match in _OLD_SPELLING_RE.finditer(text):
        old = match.group()
        new = PLACE_SPELLINGS[old]
        if new not in text or not _is_plain_name(doc, match):
            continue
        yield _variant(doc, match, new)
    counts = Counter(m.group() for m in re.finditer(r"\b[A-Z][a-z]{3,}\b", text)) if "oe" in text else None
    for match in _OLD_INDONESIAN_RE.finditer(text):
        old = match.group()
        new = _new_indonesian(old)
        if len(old) < 6 or counts is None or counts[new] == 0 or zipf(old) >= 2.0:
            continue
        if not _is_plain_name(doc, match):
            continue
        yield _variant(doc, match, new)


def _is_plain_name(doc: Document, match: re.Match[str]) -> bool:
    """Not in a quote, not joined to a longer name, not in a sentence that explains it."""
    span = Span(match.start(), match.end())
    if doc.in_quote(span) or doc.is_ignored(span) or doc.is_accepted(match.group()):
        return False
    text = doc.text
    if text[span.end : span.end + 1] == "-" or re.match(
        r" (?:Stock|High|Airport|Exchange)\b", text[span.end :]
    ):
        return False
    around = text[max(0, span.start - 60) : span.end + 60]
    return _EXPLAINED_RE.search(around) is None and "chicken" not in around.lower()


def _variant(doc: Document, match: re.Match[str], new: str) -> Violation:
    span = Span(match.start(), match.end())
    old = match.group()
    return Violation(
        span,
        f"`{old}` spelled `{new}` elsewhere in the article",
        Fix.unsafe(f"Replace with `{new}`", Edit(span, new)),
    )


# Finnish case endings a translation leaves on a place or a name: the genitive (-n, with
# -i becoming -en), the inessive (-ssa), the elative (-sta), the adessive (-lla), the
# allative (-lle) and the ablative (-lta), with their front-vowel forms.
_LONG_ENDINGS = ("ssa", "ssä", "sta", "stä", "lla", "llä", "lle", "lta", "ltä")
# Place-name elements of Finnish: a word ending in one of them takes the genitive -n.
_FINNISH_ELEMENTS = (
    "järvi", "niemi", "joki", "salo", "lahti", "koski", "vaara", "vuori", "mäki", "linna", "saari", "ranta",
    "harju", "lampi", "kylä", "suo", "oja", "pää", "lä",
)  # fmt: skip
_CAPITALISED_RE = re.compile(r"(?<![\w’'-])[A-ZÅÄÖ][a-zåäöüé]{3,}(?![\w’'-])")
# Only a capitalised word with one of the endings can be an inflected form: a literal-led
# scan for them keeps the frequency look-ups to a few words per article.
_INFLECTED_RE = re.compile(
    r"(?<![\w’'-])[A-ZÅÄÖ][a-zåäöüé]{3,}(?:n|" + "|".join(_LONG_ENDINGS) + r")(?![\w’'-])"
)


def _base_forms(word: str) -> Iterator[tuple[str, str]]:
    """(base, ending) pairs a Finnish inflected word may come from."""
    for ending in _LONG_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            base = word[: -len(ending)]
            yield base, ending
            if base.endswith("e"):
                yield base[:-1] + "i", ending  # "Rovaniemellä" from "Rovaniemi"
    if word.endswith("en"):
        yield word[:-2] + "i", "n"  # "Kemijärven" from "Kemijärvi"
    if word.endswith("n"):
        yield word[:-1], "n"  # "Oulun" from "Oulu"


@rule(
    code="MT603",
    name="finnish-case-ending",
    category=Category.NAME_CONSISTENCY,
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
    flag=(
        "The plant is near Kemijärvi.\n\nKemijärven council approved the plan on Monday.\n",
        "Work began in Rovaniemi.\n\nRovaniemellä the schools stayed open.\n",
        "The mill in Kuusamo closed. Kuusamon mayor said jobs would go.\n",
    ),
    pass_=(
        "Glen Smith and Glenn Jones spoke. Ellen and Elle came too.\n",
        "The Helsinki office opened. The Helsinki Times covered it.\n",
        "Karen Lahti and Kare Lahtinen spoke; the Allen and Alle families met.\n",
    ),
)
def finnish_case_ending(doc: Document) -> Iterator[Violation]:
    """
    ## What it does
    Flags a Finnish place or name left with a case ending when the article also gives it
    in the base form: `Kemijärven mayor` (Kemijärvi elsewhere), `Rovaniemellä` (Rovaniemi).
    The genitive `-n` is trusted only on words with a Finnish place-name element (`-järvi`,
    `-niemi`, `-joki`...) or on names of four letters or more ending in a vowel that the
    article also uses; English names such as `Glen`/`Glenn` are left alone.

    ## Why is this bad
    A reader takes `Kemijärven` for another town; English uses the base form (`Kemijärvi's
    mayor`, `in Rovaniemi`).

    ## Example
    `Kemijärven mayor` -> `Kemijärvi's mayor`

    ## Fix safety
    Unsafe: the base form is put in place (with `'s` for a genitive); an editor may reword.
    """
    text = doc.text
    # English words ("Golden", "Station") drop out first: most articles have no candidate left.
    inflected = [m for m in _INFLECTED_RE.finditer(text) if zipf(m.group()) == 0]
    if not inflected:
        return
    words = Counter(m.group() for m in _CAPITALISED_RE.finditer(text))
    for match in inflected:
        word = match.group()
        for base, ending in _base_forms(word):
            if words[base] == 0 or base == word:
                continue
            if ending == "n" and not _takes_genitive(base):
                continue
            span = Span(match.start(), match.end())
            if doc.in_quote(span) or doc.is_ignored(span) or doc.is_accepted(word):
                break
            right = f"{base}'s" if ending == "n" else base
            yield Violation(
                span,
                f"Finnish case ending on `{base}`: `{word}`",
                Fix.unsafe(f"Replace with `{right}`", Edit(span, right)),
            )
            break


def _takes_genitive(base: str) -> bool:
    """A Finnish place name: an element of Finnish place names, or Finnish letters and a vowel end."""
    lower = base.lower()
    if lower.endswith(_FINNISH_ELEMENTS):
        return True
    return (
        lower[-1:] in "aeiouyäö"
        and zipf(lower) == 0
        and (any(ch in lower for ch in "äöy") or len(lower) >= 6)
    )


@hookimpl
def newslint_register_rules(register: Callable[[Rule], None]) -> None:
    register(transliteration_variant)
    register(finnish_case_ending)
