"""Tense: a present tense with "since", which English puts in the present perfect (MT506), and a
present tense in a sentence about a finished time, "last year" or "yesterday" (MT507)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator

from newslint.diagnostics import Category, Edit, Fix, Severity, Span, Violation
from newslint.document import Document
from newslint.hookspecs import hookimpl
from newslint.lexicon import FUNCTION_WORDS, zipf
from newslint.mt_lexicon import IRREGULAR_VERBS, verb_base_and_ing
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


# A finished time: "last year", "yesterday", "two weeks ago". ("Earlier this year the
# government has promised" is British usage: not a finished time.)
_FINISHED_TIME = (
    r"(?<!\w)(?:[Ll]ast (?:week|month|year|season|summer|autumn|winter|spring|weekend|night)|[Yy]esterday"
    r"|(?:[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|\d+) (?:days|weeks|months|years) ago)"
)
_FINISHED_TIME_RE = re.compile(_FINISHED_TIME)
# "Last year the university has only 1,200 places": the time opens the sentence, then a short
# subject (a determiner and up to two words) and a present verb. A word in -s is a verb only
# before its object or particle ("approves the budget"): "the peace talks collapsed" and "the
# stock markets in Asia fell" have a plural noun there.
_OPENING_TIME_RE = re.compile(
    rf"(?P<time>{_FINISHED_TIME}),? (?P<subject>(?:[Tt]he|[Ii]ts|[Tt]heir) (?:[a-z]+ ){{0,2}}?[a-z]+)"
    r" (?P<verb>(?:has|have|is|are)\b(?! (?:been|to)\b)"
    r"|[a-z]{3,}s(?= (?:the|a|an|its|their|his|her|up|out|down|off|over)\b))"
)
# Present verbs that report a past event in the clause after them: "Last year the charity says
# it helped 5,000 families".
_REPORTING_PRESENTS = frozenset(
    ["says", "claims", "estimates", "reckons", "believes", "thinks", "argues", "insists", "reports",
     "admits", "denies", "notes", "adds", "explains", "accepts", "confirms", "reveals", "shows"]
)  # fmt: skip
_PAST_OF = {"has": "had", "have": "had", "is": "was", "are": "were"}


def _is_present_verb(word: str) -> bool:
    """ "has", "is", or a verb's -s form ("finishes", "carries"): its base has a common -ing form."""
    if word in _PAST_OF:
        return True
    if word.endswith("ss") or word in FUNCTION_WORDS:
        return False
    base, ing = verb_base_and_ing(word)
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
        "Last year the university has only 1,200 places for its students. A new hall opens soon.",
        "Yesterday, the council approves the budget by 30 votes. The mayor voted against it.",
        "Two weeks ago the ministry is still silent on the plan. Then it published a statement.",
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
        "Yesterday the peace talks collapsed. Last year the stock markets in Asia fell.",
        "Last year the exam results were the best on record, and the new rules came into force.",
        "Last year the charity says it helped 5,000 families. The move follows the vote last week.",
        "Earlier this year the government has promised more money for schools.",
        "The school reopened.\n\nYesterday, the prime minister visits a school in Leeds. (File photo)\n",
    ),
)
def present_tense_with_finished_time(doc: Document) -> Iterator[Violation]:
    """
    ## What it does
    Flags a present tense in a clause about a finished time: a sentence that opens on "Last
    year", "Yesterday" or "two weeks ago", then a short subject and "has", "is" or a verb in
    -s before its object ("Last year the university has only 1,200 places", "Yesterday, the
    council approves the budget"), in a paragraph of more than one sentence (a caption's
    present, "Yesterday, the prime minister visits a school.", stays clean). A time later in the sentence is not read: "the decision
    last week" names an event, and "follows the decision last week" is English.

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
    if not ("ast " in text or "esterday" in text or " ago" in text):
        return
    starts = frozenset(doc.sentence_starts)
    # The regex is tried only at a finished time that opens a sentence.
    for time in _finished_times(text):
        if time.start() not in starts:
            continue
        match = _OPENING_TIME_RE.match(text, time.start())
        if match is None or match.group("verb") in _REPORTING_PRESENTS:
            continue
        if _plain_words(match.group("subject")) and not _alone_on_its_line(doc, time.start()):
            yield from _violation(doc, match)


def _alone_on_its_line(doc: Document, offset: int) -> bool:
    """A sentence that is its line's only one (a credit such as "(File photo)" aside): a
    caption's present ("Yesterday, the prime minister visits a school.") or a one-line update."""
    line = doc.lines[doc.line_index(offset)]
    sentences = doc.sentences
    low = bisect.bisect_left(doc.sentence_starts, line.start)
    high = bisect.bisect_left(doc.sentence_starts, line.end)
    full = [s for s in sentences[low:high] if len(doc[s].split()) >= MIN_SENTENCE_WORDS]
    return len(full) <= 1


# Fewer words than this make a credit or a label, not a sentence.
MIN_SENTENCE_WORDS = 4


def _finished_times(text: str) -> list[re.Match[str]]:
    """``_FINISHED_TIME_RE.finditer(text)``, the regex tried only where a literal part of it is.

    (Its alternatives open on character classes, so a plain scan tries every position.)
    """
    found = []
    for cue in ("ast ", "esterday"):
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
