"""A function word glued to the capitalised word after it (SC709): "TheBritish Fashion Council",
"inLondon", "ofParis". Run-together-words (SC702) leaves camel case alone, since brands use it."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator

from newslint.diagnostics import Category, Edit, Fix, Severity, Span, Violation
from newslint.document import Document
from newslint.hookspecs import hookimpl
from newslint.lexicon import zipf
from newslint.rules import FixAvailability, Rule, rule

_FUNCTION_WORDS = "The|the|A|An|an|In|in|On|on|Of|of|At|at|For|for|And|and|To|to|By|by|With|with|From|from"
GLUED_RE = re.compile(rf"\b(?P<left>{_FUNCTION_WORDS})(?P<right>[A-Z][a-z]{{2,}})\b")
# The capitalised half must be a word or a name the article uses on its own.
RIGHT_WORD_ZIPF = 3.0


@rule(
    code="SC709",
    name="function-word-glued-to-name",
    category=Category.JOIN,
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
    flag=(
        "The show was backed by TheBritish Fashion Council.\n",
        "She lived inLondon for ten years.\n",
        "The mayor ofHarbourtown spoke. Harbourtown voted.\n",
    ),
    pass_=(
        "He read TheStreet every day. TheStreet said so.\n",
        "The app ran on InDesign files.\n",
        "Andrea and Tomas met Theodore at Atlanta.\n",
    ),
)
def function_word_glued_to_name(doc: Document) -> Iterator[Violation]:
    """## What it does
    Flags an article, preposition or conjunction glued to the capitalised word after it
    ("TheBritish", "inLondon") when the capitalised half is a common word or a name the article
    uses on its own, and the glued form occurs only once.

    ## Why is this bad
    The extractor dropped the space where a link or a styled name began; the glued word is no word.

    ## Example
    backed by TheBritish Fashion Council

    ## Fix safety
    Unsafe: a brand may be written in camel case on purpose ("TheStreet").
    """
    text = doc.text
    matches = list(GLUED_RE.finditer(text))
    if not matches:
        return
    counts = Counter(m.group() for m in matches)
    words = frozenset(token.text for token in doc.tokens)
    for match in matches:
        glued, right = match.group(), match.group("right")
        if counts[glued] > 1 or glued in doc.accept or zipf(glued) > 0:
            continue  # a brand spelled the same way twice, or a word the list knows ("Andrea")
        if zipf(right) < RIGHT_WORD_ZIPF and right not in words:
            continue
        span = Span(match.start(), match.end())
        if doc.is_ignored(span) or doc.is_accepted(glued):
            continue
        left = match.group("left")
        yield Violation(
            span,
            f"Words run together in `{glued}`",
            Fix.unsafe(f"Split into `{left} {right}`", Edit.insertion(match.end("left"), " ")),
        )


@hookimpl
def newslint_register_rules(register: Callable[[Rule], None]) -> None:
    register(function_word_glued_to_name)
