"""Readability rules (RD1xx): run-on sentences and paragraphs far outside the article's norm.

Both rules only count words (the Document's tokens), so they never load textstat. Both are
off by default: professional news copy has long sentences (up to 49 words in clean wire
copy) and uneven paragraphs, so these are house-style checks to turn on with
``extend-select = ["RD"]``, not damage detectors. Their defaults are set so that clean,
professionally edited articles stay silent when they are turned on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from newslint.diagnostics import Category, Severity, Violation
from newslint.document import Document
from newslint.hookspecs import hookimpl
from newslint.rules import Options, Rule, rule

_SNIPPET_WORDS = 6


def _snippet(text: str) -> str:
    words = text.split()
    head = " ".join(words[:_SNIPPET_WORDS])
    return head + ("…" if len(words) > _SNIPPET_WORDS else "")


_LONG_SENTENCE = (
    "Officials said the new bridge would open next spring after the council approved the "
    "final budget and the contractor agreed to finish the approach roads before the rainy "
    "season began because the old crossing had been closed for repairs since the flood and "
    "drivers had been forced to take a forty minute detour through the hills every single "
    "day of the week for almost two years."
)


@rule(
    code="RD101",
    name="run-on-sentence",
    category=Category.READABILITY,
    severity=Severity.INFO,
    enabled_by_default=False,
    options={"max-words": 60},
    flag=(_LONG_SENTENCE,),
    pass_=(
        "The council approved the budget on Monday, and work on the bridge will start in May.",
        "He said the ferry, which has run since 1962, would return on Monday.",
    ),
)
def run_on_sentence(doc: Document, options: Options) -> Iterator[Violation]:
    """## What it does
    Flags a sentence longer than `max-words` words (default 60).

    ## Why is this bad
    Machine translation and careless extraction glue clauses and sentences into run-ons
    that readers cannot follow. Edited news sentences rarely pass 50 words; the default of
    60 keeps professionally edited copy silent. Set `max-words = 45` for a stricter house
    style.

    ## Example
    A 70-word sentence chaining four clauses with "and" and "because".

    ## Fix safety
    No fix: splitting a sentence needs an editor.
    """
    from newslint.readability import sentence_lengths  # both rules are off by default: load on use

    limit = int(options["max-words"])
    for words, span in sentence_lengths(doc):
        if words > limit:
            yield Violation(span, f"Run-on sentence of {words} words: `{_snippet(doc[span])}`")


def _paragraph(words: int) -> str:
    return " ".join(["Residents said the plan would help."] * (words // 6))


_SHORT = _paragraph(30)
_HUGE = _paragraph(160)


@rule(
    code="RD102",
    name="outsized-paragraph",
    category=Category.READABILITY,
    severity=Severity.INFO,
    enabled_by_default=False,
    options={"max-ratio": 3.0, "min-words": 120, "min-paragraphs": 5},
    flag=("\n\n".join([_SHORT, _SHORT, _HUGE, _SHORT, _SHORT, _SHORT]),),
    pass_=(
        "\n\n".join([_SHORT, _SHORT, _paragraph(60), _SHORT, _SHORT]),
        "\n\n".join([_SHORT, _HUGE, _SHORT]),
    ),
)
def outsized_paragraph(doc: Document, options: Options) -> Iterator[Violation]:
    """## What it does
    Flags a paragraph more than `max-ratio` times (default 3) as long as the article's
    median paragraph and at least `min-words` words (default 120) long, in articles with
    at least `min-paragraphs` (default 5) body paragraphs.

    ## Why is this bad
    News paragraphs are short and even: in edited copy the longest is under twice the
    median. A paragraph far outside the article's own norm is usually several paragraphs
    whose breaks an extractor lost, or a machine-translated block that was never edited.

    ## Example
    Five 30-word paragraphs and one 160-word block.

    ## Fix safety
    No fix: where the breaks belong needs an editor.
    """
    import statistics  # ~20 ms to import (decimal, fractions): only when the rule runs

    from newslint.readability import WordCounter, body_paragraphs

    paragraphs = body_paragraphs(doc)
    if len(paragraphs) < int(options["min-paragraphs"]):
        return
    count: Callable[..., int] = WordCounter(doc)
    sizes = [count(p) for p in paragraphs]
    median = statistics.median(sizes)
    limit = max(float(options["max-ratio"]) * median, float(options["min-words"]))
    for para, words in zip(paragraphs, sizes, strict=True):
        if words > limit:
            ratio = words / median if median else 0.0
            yield Violation(
                para, f"Paragraph of {words} words, {ratio:.1f}× the median: `{_snippet(doc[para])}`"
            )


RULES: tuple[Rule, ...] = (run_on_sentence, outsized_paragraph)


@hookimpl
def newslint_register_rules(register: Callable[[Rule], None]) -> None:
    for item in RULES:
        register(item)
