"""MT202 garble: a definite article left before a person's name ("the Karras told the court")."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from newslint.diagnostics import Category, Edit, Fix, Severity, Span, Violation
from newslint.document import Document
from newslint.entities import is_given_name
from newslint.hookspecs import hookimpl
from newslint.lexicon import zipf
from newslint.rules import FixAvailability, Rule, rule

_CAPITALISED = r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’-]+"
# A given name and a surname: "Nikos Karras" (the given name is checked against the name lists).
# Not after "the" or a ship's prefix: "the MV Ailsa Grey" is a ship named after a person.
_FULL_NAME_RE = re.compile(
    rf"(?<!\bthe )(?<!\bThe )(?<!\bMV )(?<!\bMS )(?<!\bSS )(?<!\bHMS )(?<!\bRMS )(?<!\bUSS )"
    rf"\b(?P<given>{_CAPITALISED})(?= (?P<surname>{_CAPITALISED})\b)"  # overlapping: "Mayor Stavros Lekkas"
)
# What follows a name used as a subject or an object: a verb of speech or a past tense, "who",
# or the end of the phrase. "the Karras family", "the John Lewis Partnership" go on with a noun.
_AFTER_PERSON = (
    r"(?=\s(?:said|says|told|tells|added|was|is|has|had|who|did|does|will|would|could|[a-z]{3,}ed)\b)"
)
# A river, a ship or a building named after someone follows a preposition ("over the Shannon").
_NOT_AFTER_PREPOSITION = "".join(
    rf"(?<!\b{p} )"
    for p in (
        "over",
        "on",
        "in",
        "at",
        "across",
        "along",
        "near",
        "into",
        "from",
        "to",
        "of",
        "by",
        "under",
        "aboard",
        "onto",
    )
)


@rule(
    code="MT202",
    name="article-before-name",
    category=Category.GARBLE,
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
    flag=(
        "The captain, Nikos Karras, was jailed. During the trial the Karras told the court he had warned them.",
        "Mayor Stavros Lekkas spoke first. Later the Stavros Lekkas said the cap would stay.",
        '"Three thousand passengers pay my rent," said the Stavros Lekkas, who runs a shop.',
    ),
    pass_=(
        "Nikos Karras was jailed. The Karras family said they would appeal.",
        "Bill Gates spoke. The Bill Gates Foundation said it would help.",
        "Anna Smith and Tom Smith met. The Smiths said they were happy.",
        'Fiona Walsh wrote the report. "The Walsh who wrote it," he said, "was right."',
        "Mary Shannon farms near a bridge over the Shannon, which flooded.",
        "Trains on the Elizabeth Line, the Mary Rose and the Anne Frank House were busy.",
        "The lifeboat, the Mary Kinsella, was too heavy to move.",
        "The MV Ailsa Grey was delayed. Later the Ailsa Grey was withdrawn.",
    ),
)
def article_before_name(doc: Document) -> Iterator[Violation]:
    """
    ## What it does
    Flags "the" before the name of a person the article names in full elsewhere ("Nikos
    Karras" ... "the Karras told the court"), when a verb follows, as after a person, and
    no preposition comes before, as before a river or a ship named after someone ("over
    the Shannon"); "the Karras family" goes on with a noun and is left alone.

    ## Why is this bad
    Greek, Portuguese, Catalan, Italian and southern German put an article before a person's
    name; English does not, and a literal translation keeps it.

    ## Example
    `the Karras told the court` -> `Karras told the court`

    ## Fix safety
    Unsafe: the article is deleted; at the start of a sentence the name then opens it.
    """
    text = doc.text
    if "the " not in text and "The " not in text:
        return
    matches = list(_full_names_after_the(text))
    surnames = {
        m["surname"]
        for m in _FULL_NAME_RE.finditer(text)
        if is_given_name(m["given"]) and zipf(m["surname"]) < SURNAME_MAX_ZIPF  # not "Elizabeth Line"
    }
    if surnames:
        names = "|".join(re.escape(name) for name in sorted(surnames, key=len, reverse=True))
        pattern = re.compile(
            rf"{_NOT_AFTER_PREPOSITION}\b(?P<article>[Tt]he )(?:{_CAPITALISED} )?(?:{names})\b{_AFTER_PERSON}"
        )
        known = {m.start() for m in matches}
        matches += [m for m in pattern.finditer(text) if m.start() not in known]
    for match in sorted(matches, key=lambda m: m.start()):
        span = Span(match.start(), match.end())
        if doc.in_quote(span) or doc.is_ignored(span):
            continue
        article = Span(match.start(), match.end("article"))
        name = match.group()[len(match.group("article")) :]
        yield Violation(
            span,
            f"Article `{match.group('article').strip()}` before the name `{name}`",
            Fix.unsafe("Delete the article", Edit.deletion(article)),
        )


# "said the Stavros Lekkas, who": a speaker's given name and surname after "the". Elsewhere
# such a name may be a boat's or a building's ("the lifeboat, the Mary Kinsella, was").
_THE_FULL_NAME_RE = re.compile(
    rf"(?:(?<=\bsaid )|(?<=\bsays )|(?<=\badded )|(?<=\basked )|(?<=\btold ))(?P<article>the )(?P<given>{_CAPITALISED}) (?P<surname>{_CAPITALISED})"
    rf"(?:(?=[,.;:)])|{_AFTER_PERSON})"
)
# A surname that is also a common word may name a thing: "the Elizabeth Line", "the Mary Rose".
SURNAME_MAX_ZIPF = 4.0


def _full_names_after_the(text: str) -> Iterator[re.Match[str]]:
    for match in _THE_FULL_NAME_RE.finditer(text):
        if is_given_name(match["given"]) and zipf(match["surname"]) < SURNAME_MAX_ZIPF:
            yield match


@hookimpl
def newslint_register_rules(register: Callable[[Rule], None]) -> None:
    register(article_before_name)
