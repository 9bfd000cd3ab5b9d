"""MT906-MT907 untranslated terms: source-language institution names and calendar dates."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from newslint.diagnostics import Category, Severity, Span, Violation
from newslint.document import Document
from newslint.hookspecs import hookimpl
from newslint.rules import FixAvailability, Rule, rule

# Acronyms of courts and agencies that only the source language uses, with their English
# names. Acronyms English news also writes (KPK, NATO, CNN) or that are English words or
# companies (LG, HD, NSA) are left out.
FOREIGN_ACRONYMS: dict[str, tuple[str, str]] = {
    # Finnish courts
    "KHO": ("Finnish", "Supreme Administrative Court"),
    "KKO": ("Finnish", "Supreme Court"),
    "HaO": ("Finnish", "administrative court"),
    "HHO": ("Finnish", "Helsinki Court of Appeal"),
    # Swedish and Norwegian
    "HFD": ("Swedish", "Supreme Administrative Court"),
    # German courts
    "BVerfG": ("German", "Federal Constitutional Court"),
    "BVerwG": ("German", "Federal Administrative Court"),
    "BGH": ("German", "Federal Court of Justice"),
    # French: centre hospitalier universitaire
    "CHU": ("French", "university hospital"),
    # Czech, Dutch, Spanish, Italian
    "NSS": ("Czech", "Supreme Administrative Court"),
    "RvS": ("Dutch", "Council of State"),
    "TSJ": ("Spanish", "high court of justice"),
    # Vietnamese: the people's committee, the people's court and procuracy, the council
    "UBND": ("Vietnamese", "People's Committee"),
    "TAND": ("Vietnamese", "People's Court"),
    "VKSND": ("Vietnamese", "People's Procuracy"),
    "HĐND": ("Vietnamese", "People's Council"),
    "NN&PTNT": ("Vietnamese", "Agriculture and Rural Development"),
}
_ACRONYM_RE = re.compile(r"(?<![\w&])(?:" + "|".join(map(re.escape, FOREIGN_ACRONYMS)) + r")(?![\w&])")
# Vietnamese words for an institution, kept before its name: "Sở NN&PTNT" (the department
# of ...), "Bộ Y tế" (the ministry of health), "Ủy ban nhân dân" (the people's committee).
_VIETNAMESE_INSTITUTION_RE = re.compile(
    r"(?<![\w])(?P<word>Sở|Bộ|Cục|Chi cục|Tổng cục|Ủy ban|Ủy Ban|Sở Y tế|Bệnh viện|Trường|Công ty|Trung tâm)"
    r"(?=\s+[A-ZĐ\u00c0-\u1ef9])"
)


def _is_explained(doc: Document, acronym: str) -> bool:
    """`the Supreme Administrative Court (KHO)` or `KHO (the ...)`: an acronym glossed somewhere."""
    return f"({acronym})" in doc.text or f"{acronym} (" in doc.text or f"{acronym}, the " in doc.text


@rule(
    code="MT906",
    name="untranslated-institution-name",
    category=Category.UNTRANSLATED,
    severity=Severity.WARNING,
    fix=FixAvailability.NONE,
    flag=(
        "KKO has upheld the fine imposed on the logging company.",
        "The ruling of the BVerwG on diesel bans surprised the carmakers.",
        "The UBND of the district approved the plan on Monday.",
        "Households relied on water trucks, the Sở Y tế said.",
        "The study followed 3,000 patients at the CHU of Lyon.",
        "The money came from Bộ Tài chính, the official said.",
    ),
    pass_=(
        "The Supreme Court (KKO) upheld the fine, and KKO judges were split.",
        "KPK investigators and the NATO summit; LG and HD were listed. Jackie Chu spoke.",
        "The Bình Đại district and Thạnh Phú district were hit; Bến Tre's people coped.",
        "The hotel is on Trường Sa street; she studied at Trường's school.",
    ),
)
def untranslated_institution_name(doc: Document) -> Iterator[Violation]:
    """
    ## What it does
    Flags the acronym of a court or agency that only the source language uses (Finnish
    `KHO`, German `BVerwG`, Vietnamese `UBND`) when the article never gives its English
    name, and a Vietnamese word for an institution kept before its name (`Sở NN&PTNT`,
    `Bộ Tài chính`). Quotes are left alone.

    ## Why is this bad
    The English reader cannot tell what `KHO` or `Sở` stands for: the translation left
    the subject of the sentence in the source language.

    ## Example
    `KHO has overturned the permit` -> `The Supreme Administrative Court has overturned the permit`

    ## Fix safety
    None: the English name needs an editor (the message gives it).
    """
    text = doc.text
    explained: dict[str, bool] = {}
    for match in _ACRONYM_RE.finditer(text):
        acronym = match.group()
        span = Span(match.start(), match.end())
        if doc.in_quote(span) or doc.is_ignored(span) or doc.is_accepted(acronym):
            continue
        if acronym not in explained:
            explained[acronym] = _is_explained(doc, acronym)
        if explained[acronym]:
            continue
        language, english = FOREIGN_ACRONYMS[acronym]
        yield Violation(span, f"Untranslated {language} acronym `{acronym}` ({english})")
    for match in _VIETNAMESE_INSTITUTION_RE.finditer(text):
        span = Span(match.start("word"), match.end("word"))
        if doc.in_quote(span) or doc.is_ignored(span):
            continue
        if span.start > 0 and text[span.start - 1] not in " \n(\"“'‘":
            continue
        # "Trường Sa", "Bộ" as part of a capitalised name: only before an acronym or
        # another Vietnamese word is it the institution
        after = text[span.end : span.end + 30].split()
        nxt = after[0] if after else ""
        if not (nxt.isupper() or any(ord(ch) > 0x2FF for ch in nxt) or nxt in {"Y", "Tài", "Giáo"}):
            continue
        yield Violation(span, f"Untranslated Vietnamese institution word `{match.group('word')}`")


# Months of calendars English news converts to the Gregorian date: the Persian (solar
# Hijri) and the Nepali (Bikram Sambat) ones. Islamic and Hebrew months that English uses
# for festivals (Ramadan, Muharram, Nisan) are left out.
PERSIAN_MONTHS = (
    "Farvardin", "Ordibehesht", "Khordad", "Tir", "Mordad", "Amordad", "Shahrivar", "Mehr", "Aban",
    "Azar", "Dey", "Bahman", "Esfand", "Esfând",
)  # fmt: skip
NEPALI_MONTHS = (
    "Baisakh", "Baishakh", "Jestha", "Jeth", "Asar", "Ashadh", "Asadh", "Shrawan", "Saun", "Bhadra", "Bhadau",
    "Ashwin", "Asoj", "Kartik", "Mangsir", "Poush", "Magh", "Falgun", "Fagun", "Chaitra",
)  # fmt: skip
_MONTHS = "|".join(PERSIAN_MONTHS + NEPALI_MONTHS)
# "on 12 Aban", "Aban 12", "12 Aban 1403", "Baisakh 2081": a day or a year of that
# calendar (Persian years 13xx-14xx, Nepali years 20xx) beside the month, not part of a
# longer name ("12 Mehr Street").
_FOREIGN_DATE_RE = re.compile(
    rf"(?<![\w,.])(?:(?P<day>[1-9]|[12]\d|3[01]) (?P<month>{_MONTHS})(?: (?P<year>1[34]\d\d|20[5-9]\d))?"
    rf"|(?P<month2>{_MONTHS}) (?:(?P<day2>[1-9]|[12]\d|3[01])|(?P<year2>1[34]\d\d|20[5-9]\d))(?!\d))"
    r"(?![\w’'-]| [A-Z][a-z])"
)


@rule(
    code="MT907",
    name="untranslated-calendar-date",
    category=Category.UNTRANSLATED,
    severity=Severity.WARNING,
    fix=FixAvailability.NONE,
    flag=(
        "The channel was reopened on 12 Aban after years of drought.",
        "The law takes effect on 1 Farvardin 1404.",
        "Voting was held on Mangsir 4 across the hill districts.",
        "The festival ends in Baisakh 2081, officials said.",
    ),
    pass_=(
        "Aban Offshore hired 12 Mehr Street residents; Dey and Azar Nafisi spoke.",
        "The mosque was full on the 12th of Ramadan.",
        "The channel reopened on 3 November (12 Aban in the Iranian calendar).",
        "Tir is a month; Kartik Aaryan starred in 3 films.",
    ),
)
def untranslated_calendar_date(doc: Document) -> Iterator[Violation]:
    """
    ## What it does
    Flags a date of the Persian (solar Hijri) or Nepali (Bikram Sambat) calendar left as
    the source gave it: `on 12 Aban`, `1 Farvardin 1404`, `Mangsir 4`. A date that the
    article also gives in the Gregorian calendar beside it is left alone.

    ## Why is this bad
    English readers cannot place `12 Aban` in the year; a translation converts the date
    (12 Aban is 3 November) or adds the Gregorian date.

    ## Example
    `was reopened on 12 Aban` -> `was reopened on 3 November`

    ## Fix safety
    None: converting the date needs the year, which only an editor can confirm.
    """
    text = doc.text
    for match in _FOREIGN_DATE_RE.finditer(text):
        span = Span(match.start(), match.end())
        if doc.in_quote(span) or doc.is_ignored(span):
            continue
        around = text[max(0, span.start - 60) : span.end + 60]
        if "calendar" in around or _GREGORIAN_MONTH_RE.search(around):
            continue  # the article converts or glosses the date
        yield Violation(span, f"Date of a non-Gregorian calendar left unconverted: `{match.group()}`")


_GREGORIAN_MONTH_RE = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
)


@hookimpl
def newslint_register_rules(register: Callable[[Rule], None]) -> None:
    register(untranslated_institution_name)
    register(untranslated_calendar_date)
