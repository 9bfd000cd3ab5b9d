"""Lost characters (SC605): a replacement character U+FFFD, or its UTF-8 bytes read with a wrong
code page ("锟斤拷" in GBK, "ï¿½" in Windows-1252), where a character could not be decoded.

Unlike ordinary mojibake the original character is gone, so the text cannot be repaired by
re-decoding; only a degree sign between a number and a temperature unit can be guessed."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from newslint.diagnostics import Category, Edit, Fix, Severity, Span, Violation
from newslint.document import Document
from newslint.hookspecs import hookimpl
from newslint.rules import FixAvailability, Rule, rule

_REPLACEMENT = "\ufffd"
_REPLACEMENT_BYTES = _REPLACEMENT.encode("utf-8")


def _misread_pairs() -> tuple[str, ...]:
    """U+FFFD U+FFFD as UTF-8 bytes, read with the code pages that turn them into real letters.

    A pair is used for the East Asian code pages because their characters take two bytes: a lone
    U+FFFD (three bytes) leaves half a character, while a pair decodes cleanly ("锟斤拷")."""
    pair = _REPLACEMENT_BYTES * 2
    single_byte = ("cp1252", "cp1251")
    double_byte = ("gbk", "big5", "euc_kr", "euc_jp")
    found = {_REPLACEMENT_BYTES.decode(page) for page in single_byte}
    found |= {pair.decode(page) for page in double_byte}
    return tuple(sorted(found, key=len, reverse=True))


LOST_RE = re.compile("(?:" + "|".join(re.escape(seq) for seq in (*_misread_pairs(), _REPLACEMENT)) + ")+")
# a lost character between a number and a temperature unit was a degree sign: "43.1锟斤拷C"
# A replacement character after a UTF-8 lead byte read as Windows-1252 ("â€\ufffd" for "”") is
# part of ordinary mojibake, which mojibake (SC601) repairs: the byte it stands for is known.
_MOJIBAKE_LEADS = frozenset("€ÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßâ")
_DEGREE_BEFORE = re.compile(r"\d\s?$")
_DEGREE_AFTER = re.compile(r"[CF](?![A-Za-z])")


@rule(
    code="SC605",
    name="lost-character",
    category=Category.ENCODING,
    severity=Severity.ERROR,
    fix=FixAvailability.SOMETIMES,
    flag=(
        "The city recorded 43.1锟斤拷C on Thursday.\n",
        "The caf\ufffd opened in May.\n",
        "It was 40ï¿½C in the shade.\n",
        "서울 기온은 35占쏙옙C였다.\n",
    ),
    pass_=(
        "The café in Tromsø sold “pierogi” for £4 — a bargain.\n",
        "â€œWe will build,â€\ufffd said the partner.\n",
        "気温は35度に達した。\n",
    ),
)
def lost_character(doc: Document) -> Iterator[Violation]:
    """## What it does
    Flags a character the extractor could not decode: the replacement character `�`, or its bytes
    read again with a wrong code page (`锟斤拷` in Chinese pages, `ï¿½` in Western ones, `占쏙옙` in
    Korean ones, `嚙踝蕭` in Big5 ones).

    ## Why is this bad
    The original character (an accented letter, a degree sign, a quotation mark) is lost and the
    reader sees garbage where it stood.

    ## Example
    The city recorded 43.1锟斤拷C on Thursday.

    ## Fix safety
    Unsafe, and only offered between a number and a temperature unit, where the lost character was
    almost always a degree sign; elsewhere the character must be restored by hand.
    """
    text = doc.text
    for match in LOST_RE.finditer(text):
        span = Span(match.start(), match.end())
        if match.group() == _REPLACEMENT and span.start > 0 and text[span.start - 1] in _MOJIBAKE_LEADS:
            continue
        if doc.is_ignored(span):
            continue
        message = f"Lost character `{match.group()}`: the original could not be decoded"
        before, after = text[max(0, span.start - 2) : span.start], text[span.end : span.end + 2]
        if _DEGREE_BEFORE.search(before) and _DEGREE_AFTER.match(after):
            yield Violation(span, message, Fix.unsafe("Replace with `°`", Edit(span, "°")))
        else:
            yield Violation(span, message)


@hookimpl
def newslint_register_rules(register: Callable[[Rule], None]) -> None:
    register(lost_character)
