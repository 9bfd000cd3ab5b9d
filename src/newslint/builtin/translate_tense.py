"""MT506 tense: a present tense with "since", which English puts in the present perfect."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from newslint.diagnostics import Category, Edit, Fix, Severity, Span, Violation
from newslint.document import Document
from newslint.hookspecs import hookimpl
from newslint.rules import FixAvailability, Rule, rule

# A point in time after "since" ("because" is the other reading of "since": "since demand fell").
_POINT_IN_TIME = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|then|\d{4}"
    r"|(?:last|early|late|mid-)\s?(?:week|month|year|spring|summer|autumn|fall|winter|season|morning|afternoon"
    r"|evening|night|[A-Z][a-z]+)|the (?:start|beginning|end|spring|summer|autumn|fall|winter|weekend))\b"
)
# States that German "seit", French "depuis", Polish "od" and Spanish "desde hace" put in the
# present: "The road is closed since Monday".
_STATES = (
    r"closed|open|shut|missing|suspended|unavailable|empty|banned|blocked|detained|in force|in place"
    r"|in operation|on strike|in hospital|in custody"
)
_PRESENT_WITH_SINCE_RE = re.compile(
    r"\b(?P<be>is|are|am)(?P<adverb> (?:still|already|now))? "
    rf"(?P<state>[a-z]{{2,}}ing(?: (?:place|part|here|there|on|off|out|up))?|{_STATES})"
    rf" since {_POINT_IN_TIME}"
)
_PERFECT = {"is": "has been", "are": "have been", "am": "have been"}


@rule(
    code="MT506",
    name="present-tense-with-since",
    category=Category.AGREEMENT,
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
    flag=(
        "Test runs are taking place since August, and drivers have trained.",
        "The bridge is closed since Monday after a lorry hit it.",
        "She is still waiting since last year for a hearing.",
    ),
    pass_=(
        "Prices are rising at the fastest pace since 1990.",
        "The bridge has been closed since Monday.",
        "Sales are falling since demand weakened.",
        "It is the first time since 2010 that the club has won.",
        "The airport is closed since early warnings of ash forced officials to act.",
    ),
)
def present_tense_with_since(doc: Document) -> Iterator[Violation]:
    """
    ## What it does
    Flags a present tense ("are taking place", "is closed") before "since" and a point in
    time: English uses the present perfect there ("have been taking place since August",
    "has been closed since Monday").

    ## Why is this bad
    German, French, Spanish, Polish and most other languages say "is closed since Monday";
    a literal translation keeps their tense, which reads as a learner's mistake.

    ## Example
    `are taking place since August` -> `have been taking place since August`

    ## Fix safety
    Unsafe: "is" becomes "has been" and "are" becomes "have been"; an editor should read the
    sentence, which may want a different verb.
    """
    text = doc.text
    if " since " not in text:
        return
    for match in _PRESENT_WITH_SINCE_RE.finditer(text):
        span = Span(match.start(), match.end("state"))
        if doc.in_quote(span) or doc.is_ignored(span):
            continue
        be = match.group("be")
        perfect = _PERFECT[be]
        adverb = match.group("adverb") or ""
        if adverb:  # "is still waiting" -> "has still been waiting"
            have, been = perfect.split()
            repaired = f"{have}{adverb} {been} {match.group('state')}"
        else:
            repaired = f"{perfect} {match.group('state')}"
        yield Violation(
            span,
            f"Present tense `{be} {match.group('state')}` with `since`",
            Fix.unsafe(f"Replace with `{repaired}`", Edit(span, repaired)),
        )


@hookimpl
def newslint_register_rules(register: Callable[[Rule], None]) -> None:
    register(present_tense_with_since)
