"""Tense: a present tense with "since", which English puts in the present perfect (MT506), and a
present tense in a sentence about a finished time, "last year" or "yesterday" (MT507)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from newslint.diagnostics import Category, Edit, Fix, Severity, Span, Violation
from newslint.document import Document
from newslint.hookspecs import hookimpl
from newslint.lexicon import FUNCTION_WORDS, zipf
from newslint.mt_lexicon import IRREGULAR_VERBS
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


# A finished time: "last year", "yesterday", "two weeks ago", "earlier this month".
_FINISHED_TIME = (
    r"(?<!\w)(?:[Ll]ast (?:week|month|year|season|summer|autumn|winter|spring|weekend|night)|[Yy]esterday"
    r"|[Ee]arlier this (?:week|month|year)|(?:[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|\d+) (?:days|weeks|months|years) ago)"
)
_FINISHED_TIME_RE = re.compile(_FINISHED_TIME)
# "Last year the university has only 1,200 places": the time opens the sentence, then a short
# subject (a determiner and up to two words) and a present verb.
_OPENING_TIME_RE = re.compile(
    rf"(?P<time>{_FINISHED_TIME}),? (?P<subject>(?:[Tt]he|[Ii]ts|[Tt]heir) (?:[a-z]+ ){{0,2}}?[a-z]+)"
    r" (?P<verb>has|have|is|are|[a-z]{3,}s)\b(?! (?:been|to)\b)"
)
# "The first group finishes the course last month.": a present verb, its short object, then
# the time, which closes the clause.
_CLOSING_TIME_RE = re.compile(
    r"(?<=[a-z] )(?P<verb>has|have|is|are|[a-z]{3,}s) (?P<object>(?:the|a|an|its|their|his|her) (?:[a-z]+ ){0,2}?[a-z]+)"
    rf" (?P<time>{_FINISHED_TIME})(?=[.,;])"
)
_PAST_OF = {"has": "had", "have": "had", "is": "was", "are": "were"}


def _is_present_verb(word: str) -> bool:
    """ "has", "is", or a verb's -s form ("finishes", "carries"): its base has a common -ing form."""
    if word in _PAST_OF:
        return True
    if word.endswith("ss") or word in FUNCTION_WORDS:
        return False
    base = (
        word[:-3] + "y"
        if word.endswith("ies")
        else word[:-2]
        if word.endswith(("shes", "ches", "xes", "sses"))
        else word[:-1]
    )
    ing = base[:-1] + "ing" if base.endswith("e") and not base.endswith("ee") else base + "ing"
    if base.endswith("y") and word.endswith("ies"):
        ing = base + "ing"
    return zipf(ing) >= PRESENT_VERB_ING_ZIPF and zipf(base) >= PRESENT_VERB_ING_ZIPF


# A base whose -ing form is this common is a verb ("finishing"); a plural noun has none.
PRESENT_VERB_ING_ZIPF = 3.0


# Irregular past forms beyond the shared list: a past verb inside the "object" means it is a
# clause of its own ("says the firm sold land last year").
_MORE_IRREGULAR_PASTS = frozenset(
    ["sold", "fled", "shed", "rang", "sank", "swam", "hid", "froze", "stole", "dug", "fed", "bet", "quit",
     "cost", "spread", "slid", "shot", "wept", "slept", "swept", "sped", "withdrew", "overtook",
     "forecast", "upheld", "oversaw", "undertook", "bled", "bent", "lent", "bound", "sought", "tore", "sang",
     "sprang", "shrank", "forgave", "arose", "awoke", "beat", "bit", "blew", "bore", "dealt", "flew",
     "forgot", "hung", "knelt", "leapt", "lit", "overcame", "rode", "shook", "shone", "spun", "swore",
     "swung", "underwent", "woke", "read", "burnt", "learnt", "spelt", "spoilt", "dreamt", "split", "hurt",
     "ate", "drank"]
)  # fmt: skip


def _plain_words(words: str) -> bool:
    """Words of a subject or object: no function word, past verb or -ed form among them."""
    return not any(
        w in FUNCTION_WORDS or w in IRREGULAR_VERBS or w in _MORE_IRREGULAR_PASTS or w.endswith("ed")
        for w in words.split()[1:]
    )


@rule(
    code="MT507",
    name="present-tense-with-finished-time",
    category=Category.AGREEMENT,
    severity=Severity.WARNING,
    fix=FixAvailability.SOMETIMES,
    flag=(
        "Last year the university has only 1,200 places for its students.",
        "Yesterday, the council approves the budget by 30 votes.",
        "The first group of cadets finishes the course last month, the army said.",
        "Two weeks ago the ministry is still silent on the plan.",
    ),
    pass_=(
        "Last year's winner is back. Last year the university had 1,200 places.",
        "Last year the club has been in the second division, and it has to rebuild.",
        "The figure is down from last year. Prices are the highest since last month.",
        "The plant has the same output as last year, and sales are up on last year.",
        "She said last week the firm is in talks. Next year the council has a new budget.",
        "It is the biggest fall in a decade, the agency said last week.",
        "Last year the farmers harvested early. Last month the pupils sat exams.",
        "The report says the firm sold land last year, and it lists the buyer.",
    ),
)
def present_tense_with_finished_time(doc: Document) -> Iterator[Violation]:
    """
    ## What it does
    Flags a present tense in a clause about a finished time: a sentence that opens on "Last
    year", "Yesterday" or "two weeks ago", then a short subject and "has", "is" or a verb in
    -s ("Last year the university has only 1,200 places"), or a verb in -s with its object
    before such a time at the clause's end ("finishes the course last month").

    ## Why is this bad
    Languages that tell past from present by the adverb alone (Chinese, Vietnamese, Indonesian)
    or narrate in the present translate into English with the verb in the wrong tense; the
    reader cannot tell whether the event is over.

    ## Example
    `Last year the university has only 1,200 places` -> `Last year the university had only 1,200 places`

    ## Fix safety
    Unsafe for has, have, is and are (the past form is offered); a verb in -s is shown without
    a fix, since its past form may be irregular.
    """
    text = doc.text
    if not ("ast " in text or "esterday" in text or " ago" in text or "arlier this" in text):
        return
    starts = frozenset(doc.sentence_starts)
    found: list[re.Match[str]] = []
    # Each rule's regex is tried only around a finished time: at it when it opens a sentence,
    # and in the few words before it when it closes a clause.
    for time in _finished_times(text):
        if time.start() in starts:
            match = _OPENING_TIME_RE.match(text, time.start())
            if match is not None and _plain_words(match.group("subject")):
                found.append(match)
        window = max(0, time.start() - CLOSING_WINDOW)
        for match in _CLOSING_TIME_RE.finditer(text, window, time.end() + 1):
            if match.end("time") == time.end() and _plain_words(match.group("object")):
                found.append(match)
    for match in sorted(found, key=lambda m: m.start("verb")):
        yield from _violation(doc, match)


def _finished_times(text: str) -> list[re.Match[str]]:
    """``_FINISHED_TIME_RE.finditer(text)``, the regex tried only where a literal part of it is.

    (Its alternatives open on character classes, so a plain scan tries every position.)
    """
    found = []
    for cue in ("ast ", "esterday", "arlier this "):
        at = text.find(cue, 1)
        while at >= 0:
            match = _FINISHED_TIME_RE.match(text, at - 1)
            if match is not None:
                found.append(match)
            at = text.find(cue, at + 1)
    at = text.find(" ago")
    while at >= 0:
        for match in _FINISHED_TIME_RE.finditer(text, max(0, at - 24), at + 4):
            if match.end() == at + 4:
                found.append(match)
        at = text.find(" ago", at + 1)
    return sorted(found, key=lambda m: m.start())


# The closing form's verb and object (four words at most) lie within this many characters.
CLOSING_WINDOW = 80


def _violation(doc: Document, match: re.Match[str]) -> Iterator[Violation]:
    verb = match.group("verb")
    span = Span(match.start("verb"), match.end("verb"))
    if not _is_present_verb(verb) or doc.in_quote(span) or doc.is_ignored(span):
        return
    past = _PAST_OF.get(verb)
    fix = Fix.unsafe(f"Replace with `{past}`", Edit(span, past)) if past else None
    yield Violation(span, f"Present tense `{verb}` with `{match.group('time')}`", fix)


@hookimpl
def newslint_register_rules(register: Callable[[Rule], None]) -> None:
    register(present_tense_with_since)
    register(present_tense_with_finished_time)
