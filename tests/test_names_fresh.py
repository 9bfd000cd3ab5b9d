"""Name rules on shapes a fresh labelled set showed: pronouns opening a sentence, particle surnames."""

from __future__ import annotations

import pytest

from newslint.document import Document
from newslint.entities import mentions


def test_possessive_opening_after_a_named_speaker(lint):
    text = "“We found 6,000 pieces,” Chiara Bassetti said. “It was slow.” His team used old photographs.\n"
    (finding,) = lint(text, "MT801")
    assert text[finding.span.start : finding.span.end] == "His"
    assert finding.message == "`His` refers to Chiara Bassetti, named as a woman"
    assert finding.fix is not None and finding.fix.edits[0].content == "Her"


def test_opening_pronoun_too_far_from_the_speaker(lint):
    text = "Chiara Bassetti said the work took four years. It rained. The roof leaked. He left.\n"
    assert lint(text, "MT801") == []


def test_opening_pronoun_in_the_next_paragraph(lint):
    text = "Chiara Bassetti said the work took four years.\n\nHe announced a new project.\n"
    assert [f.message for f in lint(text, "MT801")] == ["`He` refers to Chiara Bassetti, named as a woman"]


def test_opening_pronoun_after_a_man_named_in_between_is_left_alone(lint):
    text = "Chiara Bassetti said the work took years.\n\nHer deputy, Marco Rossi, agreed. He left in May.\n"
    assert lint(text, "MT801") == []


def test_he_added_is_reported_once(lint):
    text = "Astrid Nygaard led the study. Nygaard said the ice was thin. He added that it would go.\n"
    assert [f.code for f in lint(text, "MT801")] == ["MT801"]


def test_a_capitalised_job_before_a_name_gives_no_sex():
    # "Restorer" may be a first name as well as a job ("Julian Maria Weber"): no guess.
    doc = Document("Restorer Chiara Bassetti said the work was slow.\n")
    (mention,) = mentions(doc)
    assert [w.text for w in mention.words] == ["Restorer", "Chiara", "Bassetti"]
    assert mention.sex is None
    assert mentions(Document("Julian Maria Weber said it was slow.\n"))[0].sex is None


def test_particle_surname_written_closed(lint):
    text = (
        "Sanne Van den Broeck finished fifth. Van den Broeck is third overall.\n\n"
        "“We rode as a team,” Vandenbroeck said.\n"
    )
    (finding,) = lint(text, "MT601")
    assert text[finding.span.start : finding.span.end] == "Vandenbroeck"
    assert finding.message == "Name spelled `Vandenbroeck` here but `Van den Broeck` on line 1"
    assert finding.fix is not None and finding.fix.edits[0].content == "Van den Broeck"


def test_particle_surname_closed_usually(lint):
    text = "Marta Delacruz won. Delacruz said it was close, and Marta De la Cruz thanked the crowd.\n"
    (finding,) = lint(text, "MT601")
    assert text[finding.span.start : finding.span.end] == "De la Cruz"  # after the first name


@pytest.mark.parametrize(
    ("text", "declined", "base"),
    [
        ("Adam Nowicki signed. Aides of Minister Nowickiego said it was done.\n", "Nowickiego", "Nowicki"),
        ("Ewa Kowalska spoke. Kowalskiej was not asked.\n", "Kowalskiej", "Kowalska"),
        ("Jan Zielinski and the deputy of Zielinskiemu met.\n", "Zielinskiemu", "Zielinski"),
    ],
)
def test_polish_case_ending_left_on_a_surname(lint, text, declined, base):
    (finding,) = lint(text, "MT601")
    assert text[finding.span.start : finding.span.end] == declined
    assert finding.fix is not None and finding.fix.edits[0].content == base


def test_surnames_without_a_case_ending(lint):
    assert lint("Anna Kowalska met Jan Kowalski at the Kowalskis' house.\n", "MT601") == []


@pytest.mark.parametrize(
    "text",
    [
        "Lucia Ruiz interviewed the minister on Tuesday. He refused to resign.\n",
        "Sofia Rossi sued her former employer. He denied the claims.\n",
        "Maria Lopez married a fisherman in 1990. He drowned in 2001.\n",
        "Claire Dubois lost her partner. His body was found.\n",
        "Maria Lopez met the Pope. His Holiness blessed the crowd.\n",
        "Peter Novak boarded the frigate. Her crew of 200 cheered.\n",
        "Aymeric Laporte moved to La Porte, Texas.\n",
        "The Van Dam Group bought Vandam.\n",
    ],
)
def test_other_people_named_by_a_noun(lint, text):
    assert lint(text, "MT801", "MT601") == []
