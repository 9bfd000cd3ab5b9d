"""Kinship titles, degrees as titles, foreign acronyms and dates, quantities, units: flags and traps."""

from __future__ import annotations

import pytest


def spans(text: str, findings) -> list[str]:
    return [text[f.span.start : f.span.end] for f in findings]


def fixed(text: str, finding) -> str:
    edit = finding.fix.edits[0]
    return text[: edit.span.start] + edit.content + text[edit.span.end :]


@pytest.mark.parametrize(
    ("text", "code", "span"),
    [
        ("Grandpa Lê Văn Tám, 80, who raises ducks, said the river rose.", "MT404", "Grandpa"),
        ("Aunt Wulan, aged 52, said the market flooded.", "MT404", "Aunt"),
        ("The ward is run by Dr Priya Nair ji.", "MT403", "ji"),
        ("The order came from Diplom-Ingenieur Jürgen Bauer.", "MT403", "Diplom-Ingenieur"),
        ("Candidate of Sciences Oleg Petrenko led the survey.", "MT403", "Candidate of Sciences"),
        ("BGH has rejected the appeal of the carmaker.", "MT906", "BGH"),
        ("The flood peaked on 9 Shahrivar.", "MT907", "9 Shahrivar"),
        ("The club paid 12 millones for the striker.", "MT903", "millones"),
        ("Officials counted 300 shop that were damaged, and scores of vendor who lost stock.", "MT509", None),
    ],
)
def test_round10_families_are_flagged(lint, text, code, span):
    findings = lint(text, code)
    assert findings, f"{code} missed {text!r}"
    if span is not None:
        assert spans(text, findings)[0] == span


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Mother Angelica, 91, who founded the convent, died.", "MT404"),
        ("Uncle Tom's Cabin, 1852, who could forget it.", "MT404"),
        ("The Federal Court of Justice (BGH) ruled; the BGH judges agreed.", "MT906"),
        ("The flood peaked on 31 August (9 Shahrivar).", "MT907"),
        ("Aban Offshore and 9 Mehr Road were named.", "MT907"),
        ("If Dr Rao were to leave, the ward would close.", "MT508"),
        ("Dozens of people and scores of staff were there.", "MT509"),
        ("The Kilometres Run on 5 Kilometres Road", "MT105"),
    ],
)
def test_round10_traps_are_silent(lint, text, code):
    assert lint(text, code) == []


def test_quantity_fix_makes_the_plural(lint):
    text = "Dozens of trader gathered outside the court."
    (finding,) = lint(text, "MT509")
    assert fixed(text, finding) == "Dozens of traders gathered outside the court."


def test_named_person_fix_makes_the_verb_singular(lint):
    text = '"We are full," Dr Meena were saying.'
    (finding,) = lint(text, "MT508")
    assert fixed(text, finding) == '"We are full," Dr Meena was saying.'


def test_degree_unit_fix_is_plural(lint):
    text = "The town recorded 44.1 Degree Celsius on Friday."
    (finding,) = lint(text, "MT105")
    assert fixed(text, finding) == "The town recorded 44.1 degrees Celsius on Friday."


def test_repeated_adverb_fix_keeps_the_first(lint):
    text = "The council also approved also the budget."
    (finding,) = lint(text, "MT303")
    assert fixed(text, finding) == "The council also approved the budget."
