"""MT105-MT106 capitalization: a unit capitalised after its number, a connective after a comma."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from newslint.diagnostics import Category, Edit, Fix, Severity, Span, Violation
from newslint.document import Document
from newslint.hookspecs import hookimpl
from newslint.rules import FixAvailability, Rule, rule

# Units of measure and Indian number words that English writes in lower case after a
# number: "47.2 Degree Celsius", "500 Crore", "12 Kilometres". Units that name things in
# English titles ("7 Days", "24 Hours", "1 Million Women") are left out.
_UNITS = (
    "Degree|Degrees|Percent|Kilometre|Kilometres|Kilometer|Kilometers|Metre|Metres|Meter|Meters|"
    "Millimetre|Millimetres|Millimeter|Millimeters|Centimetre|Centimetres|Centimeter|Centimeters|"
    "Hectare|Hectares|Tonne|Tonnes|Litre|Litres|Liter|Liters|Kilogram|Kilograms|Kilogramme|Kilogrammes|"
    "Crore|Crores|Lakh|Lakhs"
)
# A number, then a capitalised unit, then lower-case text, punctuation or a temperature
# scale: not a capitalised word that would make the whole a name ("5 Metres Club").
_CAPITALISED_UNIT_RE = re.compile(
    rf"(?<![\w.,])(?P<number>\d+(?:[.,]\d+)*)\s(?P<unit>{_UNITS})\b"
    r"(?=\s+(?:Celsius|Fahrenheit|centigrade|[a-z(])|[,.;:)])"
)


def _in_title_case(doc: Document, start: int) -> bool:
    """Headings, titles and lines where most words are capitalised."""
    index = doc.line_index(start)
    if index in doc.heading_lines or index == doc.title_line:
        return True
    line = doc.lines[index]
    words = doc.text[line.start : line.end].split()
    capitals = sum(1 for word in words if word[:1].isupper())
    return len(words) < 20 and capitals * 2 > len(words)


@rule(
    code="MT105",
    name="capitalized-unit",
    category=Category.CAPITALIZATION,
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
    flag=(
        "The temperature in the town touched 46.8 Degree Celsius on Friday.",
        "The state will spend 500 Crore on new roads this year.",
        "The fire destroyed 1,200 Hectares of forest near the border.",
    ),
    pass_=(
        "The temperature touched 46.8 degrees Celsius on Friday.",
        "He ran in the 5 Metres Club and watched 7 Days and 24 Hours of Le Mans.",
        "Heatwave: Mercury Touches 47 Degree Celsius in Barmer",
        "Version 2.0 Percent of the runs failed.",
    ),
)
def capitalized_unit(doc: Document) -> Iterator[Violation]:
    """
    ## What it does
    Flags a unit of measure (or an Indian number word) capitalised after its number in
    running prose: `47.2 Degree Celsius`, `500 Crore`, `1,200 Hectares`. Headings and
    title-case lines are left alone, and so is a unit followed by another capitalised word
    (`the 5 Metres Club`), which makes a name.

    ## Why is this bad
    Hindi and other news copy translated word by word keeps the capital of a heading
    style; English writes units in lower case (and `degrees` in the plural).

    ## Example
    `touched 47.2 Degree Celsius` -> `touched 47.2 degrees Celsius`

    ## Fix safety
    Unsafe: the unit is lowercased (and `Degree` made plural after a number other than one).
    """
    text = doc.text
    for match in _CAPITALISED_UNIT_RE.finditer(text):
        span = Span(match.start("unit"), match.end("unit"))
        if doc.in_quote(span) or doc.is_ignored(span) or _in_title_case(doc, span.start):
            continue
        unit = match.group("unit")
        if doc.is_accepted(unit) or text[max(0, match.start() - 8) : match.start()].rstrip().endswith(
            "Version"
        ):
            continue
        right = unit.lower()
        if right == "degree" and match.group("number") not in {"1", "1.0"}:
            right = "degrees"
        yield Violation(
            Span(match.start(), span.end),
            f"Unit capitalised after a number: `{match.group('number')} {unit}`",
            Fix.unsafe(f"Replace with `{right}`", Edit(span, right)),
        )


# Connectives that open a sentence, capitalised after a comma as if they still did:
# "on the road today, In particular two buses" (a sentence split or joined by translation).
_CONNECTIVE_RE = re.compile(
    r"(?<=[a-z0-9%)], )(?P<word>In particular|In addition|In total|In fact|For example|For instance|"
    r"However|Moreover|Furthermore|Meanwhile|Including|Especially|Namely|Besides|Among them|Of these|Of them)"
    r"(?=,? [a-z0-9])"
)


@rule(
    code="MT106",
    name="capitalized-connective",
    category=Category.CAPITALIZATION,
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
    flag=(
        "Crews freed 14 cars on the mountain road today, In particular two buses.",
        "The agency counted 40 new cases, Including three children.",
        "Prices rose in the capital, However the rural areas saw falls.",
    ),
    pass_=(
        "Crews freed 14 cars today, in particular two buses.",
        "Her films include Jaws, In Bruges and However Long It Takes.",
        "The agency counted 40 cases. In particular, three were children.",
    ),
)
def capitalized_connective(doc: Document) -> Iterator[Violation]:
    """
    ## What it does
    Flags a connective capitalised after a comma in mid-sentence: `today, In particular
    two buses`, `40 new cases, Including three children`. A capital followed by another
    capital (a title in a list: `Jaws, In Bruges`) is left alone; quotes too.

    ## Why is this bad
    The capital is left from a sentence that translation software split or joined; the
    reader stumbles on a sentence that seems to start twice.

    ## Example
    `on the road today, In particular two buses` -> `on the road today, in particular two buses`

    ## Fix safety
    Unsafe: the connective is lowercased; the editor may prefer a full stop before it.
    """
    text = doc.text
    if ", " not in text:
        return
    for match in _CONNECTIVE_RE.finditer(text):
        span = Span(match.start("word"), match.end("word"))
        if doc.in_quote(span) or doc.is_ignored(span) or _in_title_case(doc, span.start):
            continue
        word = match.group("word")
        right = word[0].lower() + word[1:]
        yield Violation(
            span,
            f"Connective capitalised after a comma: `{word}`",
            Fix.unsafe(f"Replace with `{right}`", Edit(span, right)),
        )


@hookimpl
def newslint_register_rules(register: Callable[[Rule], None]) -> None:
    register(capitalized_unit)
    register(capitalized_connective)
