"""Name mentions: runs of capitalised words, titles, possessives, speakers and sentence starts."""

from __future__ import annotations

from newslint.document import Document
from newslint.entities import given_name_sex, mentions


def names(text):
    """Mentions as (name, title, speaker), leaving out single words that open a sentence."""
    return [
        (" ".join(w.text for w in m.words), m.title, m.speaker)
        for m in mentions(Document(text))
        if len(m.words) > 1 or not m.sentence_initial or m.speaker
    ]


def test_title_up_to_the_last_title_word_is_not_the_name():
    text = "U.S. District Judge Maureen Castellanos ruled, and Police Chief Ann Reed agreed.\n"
    assert ("Maureen Castellanos", "judge", False) in names(text)
    assert ("Ann Reed", "chief", True) in names(text)  # "agreed" attributes


def test_abbreviated_title_with_full_stop():
    assert names("It was late, said Dr. Harriet Nguyen.\n") == [("Harriet Nguyen", "dr", True)]


def test_lower_case_title_before_the_name():
    assert names("The club, sporting director Katrin Vogel said, is calm.\n") == [
        ("Katrin Vogel", "director", True)
    ]


def test_possessive_ends_the_name_and_is_removed():
    found = names("We met Towne’s team and Russia's Far East envoy.\n")
    assert found[0] == ("Towne", "", False)
    assert ("Russia", "", False) in found and ("Far East", "", False) in found


def test_particles_join_a_name():
    (mention,) = mentions(Document("The cooperative Campos del Ebro grew.\n"))[1:]
    assert [w.text for w in mention.words] == ["Campos", "Ebro"]


def test_speaker_slots():
    text = (
        "Towne said it. “Fine,” Town added. The leader, Ola Bello, said no. "
        "Reed, the mayor, told us. It rained, according to Kerr. Kim's aide left. In Porto, said Ann.\n"
    )
    speakers = {name for name, _, speaker in names(text) if speaker}
    assert speakers == {"Towne", "Town", "Ola Bello", "Reed", "Kerr", "Ann"}


def test_sentence_opening_adverb_is_not_part_of_the_name():
    assert names("Later Jenny Town arrived.\n") == [("Jenny Town", "", False)]


def test_headlines_and_datelines_are_skipped():
    text = "Towne Says The Plan Stands\n\nSEOUL, South Korea — Jenny Towne spoke.\n"
    assert [n for n, _, _ in names(text)] == ["Jenny Towne"]


def test_given_name_lists_leave_ambiguous_names_out():
    assert given_name_sex("Jenny") == "female"
    assert given_name_sex("Piotr") == "male"
    assert given_name_sex("Jean") is None
    assert given_name_sex("Dominique") is None
    assert given_name_sex("Kim") is None
