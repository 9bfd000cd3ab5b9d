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
# What follows a name used as a subject or an object: a verb of speech or a past tense, "who",
# or the end of the phrase. "the Karras family", "the John Lewis Partnership" go on with a noun.
_AFTER_PERSON = (
    r"(?=\s(?:said|says|told|tells|added|was|is|has|had|who|did|does|will|would|could|[a-z]{3,}ed)\b)"
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
    matches = [m for m in _SPEAKER_AFTER_THE_RE.finditer(text) if _is_person(m["given"], m["surname"])]
    known = {m.start("article") for m in matches}
    for match in _THE_NAME_RE.finditer(text):
        if match.start("article") in known or _PREPOSITION_BEFORE_RE.search(text, 0, match.start()):
            continue
        surname = match["surname"]
        if zipf(surname) < SURNAME_MAX_ZIPF and _named_in_full(text, surname):
            matches.append(match)
    for match in sorted(matches, key=lambda m: m.start("article")):
        span = Span(match.start("article"), match.end())
        if doc.in_quote(span) or doc.is_ignored(span):
            continue
        article = Span(match.start("article"), match.end("article"))
        name = text[article.end : span.end]
        yield Violation(
            span,
            f"Article `{match.group('article').strip()}` before the name `{name}`",
            Fix.unsafe("Delete the article", Edit.deletion(article)),
        )


# "said the Stavros Lekkas, who": a speaker's given name and surname after "the". Elsewhere
# such a name may be a boat's or a building's ("the lifeboat, the Mary Kinsella, was").
_SPEAKER_AFTER_THE_RE = re.compile(
    rf"\b(?:said|says|added|asked|told) (?P<article>the )(?P<given>{_CAPITALISED}) (?P<surname>{_CAPITALISED})"
    rf"(?:(?=[,.;:)])|{_AFTER_PERSON})"
)
# "the Karras told", "the Stavros Lekkas said": a capitalised name after "the", used as a person.
_THE_NAME_RE = re.compile(
    rf"\b(?P<article>[Tt]he )(?:{_CAPITALISED} )?(?P<surname>{_CAPITALISED})\b{_AFTER_PERSON}"
)
# A river, a ship or a building named after someone follows a preposition ("over the Shannon").
_PREPOSITION_BEFORE_RE = re.compile(
    r"\b(?:over|on|in|at|across|along|near|into|from|to|of|by|under|aboard|onto) \Z"
)
# A surname that is also a common word may name a thing: "the Elizabeth Line", "the Mary Rose".
SURNAME_MAX_ZIPF = 4.0


def _is_person(given: str, surname: str) -> bool:
    return is_given_name(given) and zipf(surname) < SURNAME_MAX_ZIPF


def _named_in_full(text: str, surname: str) -> bool:
    """Say whether the article names ``surname`` after a given name, not as a ship ("the MV ...")."""
    full = re.compile(
        rf"(?<!\bthe )(?<!\bThe )(?<!\bMV )(?<!\bMS )(?<!\bSS )(?<!\bHMS )(?<!\bRMS )(?<!\bUSS )"
        rf"\b({_CAPITALISED}) {re.escape(surname)}\b"
    )
    return any(is_given_name(m[1]) for m in full.finditer(text))


@hookimpl
def newslint_register_rules(register: Callable[[Rule], None]) -> None:
    register(article_before_name)
