"""MT79x spun phrases that are only flagged in an article that shows other spinner damage.

Some spinner substitutions are also real English: "you lot" is British speech, "aged
sufferers" is merely old-fashioned. They are flagged only when the article already
holds several unambiguous spun phrases from the ``translate`` pack: the density
signal of the "tortured phrases" method (Cabanac et al.), computed here by running
the pack's own rules, so the pack stays the one list of spun forms.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache

from newslint.builtin.packs import builtin_rules_root
from newslint.builtin.translate_spun_collocations import strong_spun_spans
from newslint.diagnostics import Category, Edit, Fix, Severity, Span, Violation
from newslint.document import Document
from newslint.hookspecs import hookimpl
from newslint.kinds.substitution import Substitution
from newslint.mt_lexicon import lowered_document
from newslint.packs import load_pack
from newslint.rules import FixAvailability, Rule, rule

MIN_SPUN_PHRASES = 2  # unambiguous spun phrases the article must already hold

# Ambiguous spun form -> the original wording.
AMBIGUOUS_SPINS = {
    "you lot": "you",
    "aged sufferers": "elderly patients",
    "closing year": "last year",
    "closing week": "last week",
    "remaining year": "last year",
    "remaining week": "last week",
    "subsequent yr": "next year",
    "huge quantity of": "large number of",
}
_AMBIGUOUS_RE = re.compile(
    r"(?<!\w)(?:" + "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in AMBIGUOUS_SPINS) + r")(?!\w)",
    re.IGNORECASE,
)

# Pieces of every ambiguous form, all present (in lower case) wherever the form occurs: a
# cheap test that skips the case-insensitive search on most articles. No piece holds i, k
# or s, the letters whose case-insensitive matches ("ſ", the Kelvin sign) lower() keeps apart.
_AMBIGUOUS_CUES = (
    ("you", "lot"),
    ("aged", "uffer"),
    ("clo", "year"),
    ("clo", "wee"),
    ("rema", "year"),
    ("rema", "wee"),
    ("yr", "equent"),
    ("huge", "uant"),
)

# The words of each ambiguous form, for a text where case-insensitive matching equals
# matching its lower-case copy (``lowered_for_scan``): then whole words are exact cues.
_AMBIGUOUS_WORDS = tuple(tuple(form.split()) for form in AMBIGUOUS_SPINS)


@cache
def _pack_rules() -> tuple[Rule, ...]:
    folder = builtin_rules_root() / "translate"
    return tuple(load_pack(folder, {"substitution": Substitution}))


def spun_phrase_count(doc: Document, limit: int | None = None) -> int:
    """How many unambiguous spun phrases ``doc`` holds: the ``translate`` pack's, and the
    variants of MT720 that stand alone.

    With ``limit``, counting stops once ``limit`` are found: the pack's rules are the
    costly part, and the density test only needs to know that there are enough.
    """
    count = 0
    taken: list[Span] = []
    for item in _pack_rules():
        for violation in item.run(doc):
            count += 1
            if count == limit:
                return count
            taken.append(violation.span)
    # The built variants of MT720 are spun phrases too, where no pack rule has them.
    for span in strong_spun_spans(doc):
        if not any(span.start < other.end and other.start < span.end for other in taken):
            count += 1
            if count == limit:
                return count
    return count


@rule(
    code="MT790",
    name="spun-phrase-in-spun-article",
    category=Category.SPUN_PHRASE,
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
    flag=(
        "Figures were released by the state due south health department. One man had a heart "
        'assault. "You lot can build a ward in a year," she said.',
    ),
    pass_=(
        '"You lot gave me everything," she told the children.',
        'Figures were released by the health department. "You lot can build a ward in a year," she said.',
    ),
)
def spun_phrase_in_spun_article(doc: Document) -> Iterator[Violation]:
    """
    ## What it does
    Flags spinner substitutions that are also real English ("you lot" for "you",
    "aged sufferers" for "elderly patients", "closing year" for "last year") only in an
    article that already holds at least two unambiguous spun phrases from the
    ``translate`` pack (MT7xx).

    ## Why is this bad
    In a spun article these phrases are the spinner's work too; leaving them makes the
    repair incomplete. Alone, they are legitimate and stay silent.

    ## Example
    `"You lot can build a ward in a year"` -> `"You can build a ward in a year"`

    ## Fix safety
    Unsafe: the original wording is restored, which an editor should confirm.
    """
    lowered = lowered_document(doc)
    if lowered is not None:
        # Case-insensitive matches stay put in this text: every word of a form is in it.
        if not any(all(word in lowered for word in words) for words in _AMBIGUOUS_WORDS):
            return
    else:
        lowered = doc.text.lower()
        if not any(all(cue in lowered for cue in cues) for cues in _AMBIGUOUS_CUES):
            return
    matches = list(_AMBIGUOUS_RE.finditer(doc.text))
    if not matches or spun_phrase_count(doc, MIN_SPUN_PHRASES) < MIN_SPUN_PHRASES:
        return
    for match in matches:
        span = Span(match.start(), match.end())
        if doc.is_ignored(span):
            continue
        found = match.group()
        expected = AMBIGUOUS_SPINS[" ".join(found.lower().split())]
        if found[0].isupper():
            expected = expected[0].upper() + expected[1:]
        yield Violation(
            span,
            f"Spun phrase `{found}` in an article with other spun phrases",
            Fix.unsafe(f"Replace with `{expected}`", Edit(span, expected)),
        )


@hookimpl
def newslint_register_rules(register: Callable[[Rule], None]) -> None:
    register(spun_phrase_in_spun_article)
