"""Translated honorifics, foreign connectives, spun civic terms and stray capitals, and their traps."""

from __future__ import annotations

import pytest


def spans(text: str, findings) -> list[str]:
    return [text[f.span.start : f.span.end] for f in findings]


@pytest.mark.parametrize(
    ("text", "code", "span"),
    [
        ("Mister Mayor Kowalczyk opened the new depot on Friday.", "MT402", "Mister Mayor"),
        ("Madame the Consul of Peru, Ana Ríos, thanked the volunteers.", "MT402", "Madame the Consul"),
        ("Mr the Rector of the university spoke next.", "MT402", "Mr the Rector"),
        ("The appeal was heard by Mrs. Magistrate Paola Conti in Turin.", "MT402", "Mrs. Magistrate"),
        ("The Illustrious Mayor Franco Ricci cut the ribbon.", "MT404", "The Illustrious"),
        ("the decree of the Ilustrísimo Señor Pérez", "MT404", None),
        ("Kobayashi-sensei, who is 79, still teaches every morning.", "MT405", "Kobayashi-sensei"),
        ("Neighbours say Yamada-kun helps with the harvest.", "MT405", "Yamada-kun"),
    ],
)
def test_translated_honorifics_are_flagged(lint, text, code, span):
    findings = lint(text, code)
    if span is None:
        assert findings == []  # Ilustrísimo before a foreign title, not an office: left to MT403
        return
    assert spans(text, findings) == [span]
    assert findings[0].fix is not None


def test_honorific_suffix_fix_keeps_the_surname(lint):
    text = "Morita-san said the town was changing."
    (finding,) = lint(text, "MT405")
    assert finding.fix is not None
    edit = finding.fix.edits[0]
    assert (
        text[: edit.span.start] + edit.content + text[edit.span.end :] == "Morita said the town was changing."
    )


@pytest.mark.parametrize(
    "text",
    [
        "Hassan Sassan and Arsan Ohanessian spoke to reporters.",
        "Taiwan's premier, Cho Jung-tai, met Lee Sang-kun and Kim Dae-san.",
        '"Good morning, Morita-san," the children said.',
        "Mr. President, the chamber is waiting, the senator said.",
        "She thanked Madam Speaker and the Illustrious, a ship launched in 1939.",
        "He had an illustrious career; the Most Illustrious Order of St Patrick was founded in 1783.",
        "Mr Dean and Mrs Judge arrived late.",
        "The Prefect of the Gard said roads were closed.",
    ],
)
def test_honorific_traps_stay_clean(lint, text):
    assert lint(text, "MT4") == []


@pytest.mark.parametrize(
    ("text", "code", "span"),
    [
        ("The ministry spent rund 2 billion euros on the scheme.", "MT901", "rund"),
        ("Prices rose, cependant wages did not.", "MT901", "cependant"),
        ("Output fell; the firm, no obstante, kept its staff.", "MT901", "no obstante"),
        ("Several crops, por ejemplo maize and wheat, failed.", "MT901", "por ejemplo"),
        ("The lake holds environ 40 species of fish.", "MT901", "environ"),
        ('"We counted zhruba 300 nests this spring," she said.', "MT901", "zhruba"),
        ("The club sold shirts, scarves, caps atd., to 4,000 fans.", "MT903", "atd."),
        ("The village of 900 abitanti has one shop and a church.", "MT904", "abitanti"),
    ],
)
def test_untranslated_words_are_flagged(lint, text, code, span):
    assert spans(text, lint(text, code)) == [span]


@pytest.mark.parametrize(
    "text",
    [
        "Rund, a village of 900 people, voted to keep its school.",
        "The hotel stands in the environs of Lyon, near Cerca Trova, a restaurant.",
        "The embargo was lifted; the sin tax was not.",
        '"Sin embargo, la ley es clara," she said.',
        "He sold 40 gigawatts of capacity and 12 kilotonnes of steel.",
        "The app calls np.array and itd.read on the data.",
        "The firm shipped 3,000 widgets to Spain.",
    ],
)
def test_untranslated_traps_stay_clean(lint, text):
    assert lint(text, "MT901", "MT903", "MT904") == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("The city is reforming open acquirement for buses.", "open acquirement"),
        ("Bottles go into converse vending machines at the store.", "converse"),
        ("It is run by a not-revenue driven charity.", "not-revenue driven"),
        ("A non-benefit association runs the hall.", "non-benefit"),
    ],
)
def test_spun_civic_terms_are_flagged(lint, text, span):
    assert spans(text, lint(text, "MT717")) == [span]


@pytest.mark.parametrize(
    "text",
    [
        "Members can converse with vending staff.",
        "The cuts will not benefit organisations in the north.",
        "Growth at the chain is not revenue driven.",
        "The open procurement rules came in 2019.",
    ],
)
def test_spun_civic_traps_stay_clean(lint, text):
    assert lint(text, "MT717") == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Paramedics made 45 Callouts since dawn, and 300 Repairs in the week.", "Repairs"),
        ("The index posted its worst weekly Fall since March.", "Fall"),
        ("Their biggest Loss in years came in June.", None),  # sentence-initial possessive phrase
    ],
)
def test_capitalised_noun_in_a_noun_slot(lint, text, span):
    found = spans(text, lint(text, "MT102"))
    assert found == ([] if span is None else [span])


@pytest.mark.parametrize(
    "text",
    [
        "It was their first Christmas since the flood.",
        "Some 1,200 Marines in the port helped, with 40 Democrats and 30 Republicans.",
        "You agree to our Terms of Use and our Privacy Policy.",
        "Merchants go to Settings, tap Payments and switch it on.",
        "Her Majesty and his Holiness met in 2019.",
        "Voters backed their Labour candidate in the north.",
    ],
)
def test_capitalised_noun_traps_stay_clean(lint, text):
    assert lint(text, "MT102") == []
