"""Traps for the untranslated, honorific and capital-noun rules added for translated news.

Each test pairs what a rule must flag with the near miss it must leave alone.
"""

from __future__ import annotations

import pytest

from newslint.diagnostics import Applicability


def shown(text, findings):
    return [text[f.span.start : f.span.end] for f in findings]


# -- MT902 foreign script ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The film was released in Japan as 静かな海 (Shizuka na umi) in May.",
        'The novel, known at home as «Тихий Дон» ("Quiet Don"), sold well.',
        'Its working title, "Quiet Sea" 静かな海, was dropped.',
        "Levels of IL-6 and TNF-α rose, as did the β-cell count and ΔT.",
        "Only the clade USCα and the α-helix were studied.",
        "The drug blocks the α and β receptors in mice.",
    ],
)
def test_glossed_titles_and_scientific_letters_are_deliberate(lint, text):
    assert lint(text, "MT902") == []


@pytest.mark.parametrize(
    "text, found",
    [
        ("Officials called the plan 非常に重要 for the region.", "非常に重要"),
        ("Officials called it μεγάλη πρόοδος for Athens.", "μεγάλη πρόοδος"),
        ("The title 静かな海 (静かな) was chosen.", "静かな海"),
    ],
)
def test_unglossed_script_is_still_flagged(lint, text, found):
    assert shown(text, lint(text, "MT902")) == [found]


# -- MT903 foreign abbreviations -------------------------------------------------------


def test_abbreviations_in_prose_flagged_with_their_sense(lint):
    text = "Patients with a hip bzw. knee problem, u.a. in Linz, pay 2 Mio. euros in total.\n"
    found = lint(text, "MT903")
    assert shown(text, found) == ["bzw.", "u.a.", "Mio."]
    assert [f.fix.edits[0].content for f in found] == ["or", "among others", "million"]
    assert all(f.fix.applicability is Applicability.DISPLAY_ONLY for f in found)


@pytest.mark.parametrize(
    "text",
    [
        "The abbey dates from ca. 1120, cf. the charter; e.g. its tower, etc.",
        '"Das kostet z.B. mehr," sagte er.',
        "The United Steelworkers (USW.) struck.",
        "He called Mio. She did not answer.",
        "Use np.mean to average the column.",
    ],
)
def test_english_abbreviations_quotes_and_names_left_alone(lint, text):
    assert lint(text, "MT903") == []


# -- MT904 foreign content words ------------------------------------------------------


def test_unknown_accented_word_flagged(lint):
    text = "Staff found traces at 23 sites, mostly épreintes, the droppings otters leave.\n"
    assert shown(text, lint(text, "MT904")) == ["épreintes"]


@pytest.mark.parametrize(
    "text",
    [
        "The councilâ s budget rose and the cityâ s debt fell.",  # mojibake, not French
        "The Office français de la biodiversité ran the survey.",
        "Diners ordered crêpes, a soupçon of cream and a glass of rosé at the café.",
        "Otter droppings, known locally as épreintes, mark territory.",
        "The bill was 40 złoty.",
        '"Les épreintes sont partout," she said.',
    ],
)
def test_loanwords_names_mentions_and_mojibake_left_alone(lint, text):
    assert lint(text, "MT904") == []


# -- MT402 / MT404 honorifics ---------------------------------------------------------


def test_address_form_before_a_surname_loses_the_honorific(lint):
    text = "The deal matters, said Mr. Minister Nowicki on Friday.\n"
    (found,) = lint(text, "MT402")
    assert shown(text, [found]) == ["Mr. Minister"]
    assert found.fix.edits[0].content == ""


@pytest.mark.parametrize(
    "text",
    [
        "Mr Deputy Speaker called the next member.",
        "Mr. Prime Minister, the house is waiting.",
        '"Mr. Minister Nowicki, a word," a reporter called.',
    ],
)
def test_parliamentary_address_left_alone(lint, text):
    assert lint(text, "MT402") == []


@pytest.mark.parametrize(
    "text",
    [
        "The Right Honourable Jane Smith MP opened the hall.",
        "The Honourable Justice Kirby ruled on Monday.",
        'The card read "The Honorable Lorenzo Ferraguti".',
        "The Honourable Artillery Company paraded.",
    ],
)
def test_english_formal_styles_left_alone(lint, text):
    assert lint(text, "MT404") == []


# -- MT104 capitalised common nouns ---------------------------------------------------


def test_capital_noun_with_a_lower_case_twin_flagged(lint):
    text = (
        "Otters Return to the Valley\n\n"
        "The otter was gone for thirty years. Now the Otter has returned to the river, "
        "and otters were seen at 23 sites.\n"
    )
    (found,) = lint(text, "MT104")
    assert shown(text, [found]) == ["Otter"]
    assert found.fix.edits[0].content == "otter"


@pytest.mark.parametrize(
    "text",
    [
        # a name used in full elsewhere
        "The Otter Trust counts otters. The Otter said numbers rose.",
        # no lower-case twin: the article may mean a name
        "Fans cheered when the Substitute came on. Later the coach spoke.",
        # styled institutions and publications
        "The Bank held rates and bank shares fell. The Budget passed; the budget was small.",
        "The Economist said the economy stalled, a view an economist at ING shared.",
        # a multi-word name with "of"
        "The Church of England said every church would open.",
        # inside a quote
        'The jersey was yellow. "The Jersey is nice," he said.',
    ],
)
def test_names_styles_and_quotes_left_alone(lint, text):
    assert lint(text, "MT104") == []
