"""Damage from PDF and e-mail sources: typographic ligatures left as one character (SC606),
quoted-printable bytes left undecoded (SC607), words a dropped ligature split (SC706), words
a quoted-printable soft line break split (SC707) and a drop capital split from its word (SC708)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache

from newslint.diagnostics import Category, Edit, Fix, Severity, Span, Violation
from newslint.document import Document
from newslint.hookspecs import hookimpl
from newslint.lexicon import data_text, zipf
from newslint.rules import FixAvailability, Rule, rule

# The Latin ligatures of Unicode's Alphabetic Presentation Forms: PDF text layers keep them.
LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
LIGATURE_RE = re.compile("[" + "".join(LIGATURES) + "]")


@rule(
    code="SC606",
    name="ligature-character",
    category=Category.ENCODING,
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
    flag=("The landlord was ﬁned £4,000.\n", "Council oﬃcers visited the house.\n"),
    pass_=("The landlord was fined £4,000 by the council.\n",),
)
def ligature_character(doc: Document) -> Iterator[Violation]:
    """## What it does
    Flags a typographic ligature character (`ﬁ`, `ﬂ`, `ﬃ`) inside a word, as PDF text layers and
    print-edition exports leave them.

    ## Why is this bad
    The word looks right on screen but is not the word: search, spell checking and word counts miss
    "ﬁned", and some fonts and screen readers show it wrongly.

    ## Example
    The landlord was ﬁned £4,000.

    ## Fix safety
    Safe: the ligature is replaced by the letters it draws.
    """
    for match in LIGATURE_RE.finditer(doc.text):
        span = Span(match.start(), match.end())
        if doc.is_ignored(span):
            continue
        letters = LIGATURES[match.group()]
        yield Violation(
            span,
            f"Ligature character `{match.group()}` in a word",
            Fix.safe(f"Replace with `{letters}`", Edit(span, letters)),
        )


# Two or more quoted-printable bytes in a row ("=E2=80=99"): one alone may be a formula ("x=AB").
QUOTED_PRINTABLE_RE = re.compile(r"(?:=[0-9A-F]{2}){2,}")


def _decoded(run: str) -> str | None:
    """The text a run of quoted-printable bytes encodes, when they are whole UTF-8 characters."""
    data = bytes(int(run[i + 1 : i + 3], 16) for i in range(0, len(run), 3))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return text if not text.isascii() and text.isprintable() else None


@rule(
    code="SC607",
    name="quoted-printable",
    category=Category.ENCODING,
    severity=Severity.ERROR,
    fix=FixAvailability.ALWAYS,
    flag=("The company=E2=80=99s button did not work.\n", "It cost =C2=A340 a month.\n"),
    pass_=("Set x=AB and y=CD in the formula.\n", "The ratio was 3=3 in the test.\n"),
)
def quoted_printable(doc: Document) -> Iterator[Violation]:
    """## What it does
    Flags characters left in an e-mail's quoted-printable encoding (`=E2=80=99` for `’`), as
    newsletters copied from a raw message show them.

    ## Why is this bad
    Readers see byte codes where an apostrophe, a pound sign or an accented letter should be.

    ## Example
    The company=E2=80=99s button did not work.

    ## Fix safety
    Safe: the bytes are decoded as UTF-8, and only runs that decode to whole characters are changed.
    """
    if "=" not in doc.text:
        return
    for match in QUOTED_PRINTABLE_RE.finditer(doc.text):
        decoded = _decoded(match.group())
        span = Span(match.start(), match.end())
        if decoded is None or doc.is_ignored(span):
            continue
        yield Violation(
            span,
            f"Quoted-printable bytes `{match.group()}` (should read `{decoded}`)",
            Fix.safe(f"Replace with `{decoded}`", Edit(span, decoded)),
        )


# A word whose ligature the extraction dropped, leaving a space: "o cers", "e ect", "signi cant".
_LIGATURE_GAP_RE = re.compile(r"\b(?P<left>[A-Za-z]{1,12}) (?=(?P<right>[a-z]{2,14})\b)")
DROPPED_LETTERS = ("ffi", "ffl", "ff", "fi", "fl")
GAP_WORD_ZIPF = 3.0  # the repaired word must be an everyday word
NOT_A_WORD_ZIPF = 2.0  # and one half must be no word at all
_SINGLE_LETTER_WORDS = frozenset({"a", "A", "I"})


def _is_word(part: str) -> bool:
    if len(part) == 1:
        return part in _SINGLE_LETTER_WORDS
    return zipf(part) >= NOT_A_WORD_ZIPF


def _gap_halves(word: str) -> Iterator[tuple[str, str]]:
    """Every (left, right) a dropped ligature leaves of ``word``, within the gap regex's limits."""
    for letters in DROPPED_LETTERS:
        at = word.find(letters, 1)
        while at >= 0:
            left, right = word[:at], word[at + len(letters) :]
            if len(left) <= 12 and 2 <= len(right) <= 14:
                yield left, right
            at = word.find(letters, at + 1)


def everyday_ligature_words() -> list[str]:
    """The words of the frequency list that SC706 can restore, derived from the whole list.

    Slow (it reads every word); ``scripts/build_ligature_words.py`` ships the result.
    """
    from newslint.lexicon import _frequencies

    return sorted(
        word
        for word, value in _frequencies().items()
        if value >= GAP_WORD_ZIPF
        and word.isascii()
        and word.isalpha()
        and word.islower()
        and any(_gap_halves(word))
    )


@cache
def _non_word_halves() -> frozenset[str]:
    """The halves, in lower case, of the shipped words' gaps that are no word.

    A gap is flagged only when one half is no word, so a document that holds none of these
    (as a whole run of letters) has no gap to flag.
    """
    halves = set()
    for word in data_text("ligature_words.txt").split():
        for left, right in _gap_halves(word):
            # a left half of one letter is no word unless it is "a" ("i" is no word in lower case)
            if (left != "a") if len(left) == 1 else not _is_word(left):
                halves.add(left)
            if not _is_word(right):
                halves.add(right)
    return frozenset(halves)


_LETTER_RUNS_RE = re.compile("[a-z]+")


def _ligature_repair(left: str, right: str) -> str | None:
    if left in _SINGLE_LETTER_WORDS or (_is_word(left) and _is_word(right)):
        return None
    for letters in DROPPED_LETTERS:
        word = f"{left}{letters}{right}"
        if zipf(word) >= GAP_WORD_ZIPF:
            return word
    return None


@rule(
    code="SC706",
    name="ligature-gap",
    category=Category.JOIN,
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
    flag=("Council o cers visited the house.\n", "The e ect was immediate.\n", "a signi cant rise\n"),
    pass_=("The co op and the ex con spoke.\n", "He said a re-run was due.\n", "I a m here.\n"),
)
def ligature_gap(doc: Document) -> Iterator[Violation]:
    """## What it does
    Flags a word split by a space where a ligature (`ﬃ`, `ﬁ`, `ﬀ`) was dropped in a PDF export
    ("o cers" for "officers", "signi cant" for "significant"): one half is no word, and with the
    ligature's letters the halves make an everyday word.

    ## Why is this bad
    The reader has to guess the missing letters; the sentence is unreadable as printed.

    ## Example
    Council o cers visited the house.

    ## Fix safety
    Unsafe: the missing letters are inferred from word frequencies.
    """
    if _non_word_halves().isdisjoint(_LETTER_RUNS_RE.findall(doc.text.lower())):
        return
    for match in _LIGATURE_GAP_RE.finditer(doc.text):
        word = _ligature_repair(match.group("left"), match.group("right"))
        span = Span(match.start(), match.end("right"))
        if word is None or doc.is_ignored(span) or doc.is_accepted(doc[span]):
            continue
        yield Violation(
            span,
            f"Word `{doc[span]}` lost its ligature (should read `{word}`)",
            Fix.unsafe(f"Replace with `{word}`", Edit(span, word)),
        )


# A quoted-printable soft line break left as "= " inside a word: "cancel= lation".
SOFT_BREAK_RE = re.compile(r"\b(?P<left>[A-Za-z]{2,})= ?\n?(?P<right>[a-z]{2,})\b")
SOFT_BREAK_WORD_ZIPF = 2.0


@rule(
    code="SC707",
    name="soft-line-break-split",
    category=Category.JOIN,
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
    flag=("She asked to cancel= lation of the order.\n",),
    pass_=("Set width= height in the file.\n", "x= y\n"),
)
def soft_line_break_split(doc: Document) -> Iterator[Violation]:
    """## What it does
    Flags a word split by an e-mail's quoted-printable soft line break, an `=` at the end of a
    wrapped line ("cancel= lation"), when the halves joined make a known word.

    ## Why is this bad
    A newsletter copied from its raw message keeps the encoder's wrapping marks in its words.

    ## Example
    She asked for a cancel= lation.

    ## Fix safety
    Unsafe: the halves are joined when the word list knows the result.
    """
    if "=" not in doc.text:
        return
    for match in SOFT_BREAK_RE.finditer(doc.text):
        word = match.group("left") + match.group("right")
        if zipf(word) < SOFT_BREAK_WORD_ZIPF:
            continue
        span = Span(match.start(), match.end())
        if doc.is_ignored(span):
            continue
        yield Violation(
            span,
            f"Word `{word}` split by a soft line break `=`",
            Fix.unsafe(f"Join as `{word}`", Edit(span, word)),
        )


# A paragraph's first letter set as a drop capital, which the extraction parted from the rest of
# its word: "T he council", "W hen the mill closed", "A fter".
DROP_CAP_RE = re.compile(r"^(?P<cap>[A-Z]) (?P<rest>[a-z]{1,15})\b", re.MULTILINE)
DROP_CAP_WORD_ZIPF = 3.0


@rule(
    code="SC708",
    name="drop-cap-split",
    category=Category.JOIN,
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
    flag=(
        "T he council voted on Monday.\n",
        "A fter the vote, the mayor spoke.\n",
        "W hen the mill closed, 300 lost work.\n",
    ),
    pass_=("A man was arrested.\n", "I am sure, she said.\n", "X marks the spot.\n"),
)
def drop_cap_split(doc: Document) -> Iterator[Violation]:
    """## What it does
    Flags a paragraph whose first letter stands apart from the rest of its word ("T he council"),
    the trace of a drop capital in a print or magazine layout.

    ## Why is this bad
    The first word of the paragraph is broken in two; readers and search see "T" and "he".

    ## Example
    T he council voted on Monday.

    ## Fix safety
    Safe: only the space between the capital and the rest of a known word is removed.
    """
    for match in DROP_CAP_RE.finditer(doc.text):
        cap, rest = match.group("cap"), match.group("rest")
        word = cap + rest
        if zipf(word) < DROP_CAP_WORD_ZIPF:
            continue
        # "A man", "I am": a one-letter word before a real word is no split.
        if cap in _SINGLE_LETTER_WORDS and _is_word(rest):
            continue
        span = Span(match.start(), match.end())
        if doc.is_ignored(span):
            continue
        yield Violation(
            span,
            f"Drop capital split from its word in `{match.group()}`",
            Fix.safe(f"Join as `{word}`", Edit(Span(match.start() + 1, match.start() + 2), "")),
        )


@hookimpl
def newslint_register_rules(register: Callable[[Rule], None]) -> None:
    for item in (ligature_character, quoted_printable, ligature_gap, soft_line_break_split, drop_cap_split):
        register(item)
