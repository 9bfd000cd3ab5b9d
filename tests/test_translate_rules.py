"""Traps for the MT (translate) rules: what they must flag, what they must leave alone."""

from __future__ import annotations

import pytest

from newslint.diagnostics import Applicability
from newslint.document import Document
from newslint.mt_lexicon import analyse, foreign_words, is_singular_count_noun, plural_of


def codes(findings):
    return [f.code for f in findings]


# -- capitalization ---------------------------------------------------------------------


def test_seed_style_capitals_flagged_and_headline_left_alone(lint):
    text = (
        "Leaders to meet in the North as talks resume\n\n"
        "Why the talks matter\n\n"
        "The defence minister said That the North could send shells. "
        "An aide said The leaders could sign a pact.\n\n"
        '"The visit is lip service," said one researcher in Seoul. That could help the leader at home.\n'
    )
    found = lint(text, "MT1")
    assert [text[f.span.start : f.span.end] for f in found] == ["That", "The"]
    assert all(f.fix and f.fix.applicability is Applicability.UNSAFE for f in found)


@pytest.mark.parametrize(
    "text",
    [
        "The story was first reported by The New York Times.",
        "She starred in the film The Quiet Shore.",
        "The meeting ended at 6 p.m. Two members left early.",
        "Rain fell all day in May and the river rose.",
        "SEOUL, South Korea – The summit opened on Tuesday.",
        '"It was over," she said. "That was the end of it."',
        "Voters in the north backed Labour, and labour unions cheered.",
    ],
)
def test_capitals_that_belong(lint, text):
    assert lint(text, "MT1") == []


def test_lost_sentence_break_offers_display_only_break(lint):
    text = "Putin spoke in an interview Speaking to state media in March, he said more."
    (finding,) = lint(text, "MT102")
    assert finding.fix is not None
    assert finding.fix.applicability is Applicability.DISPLAY_ONLY
    assert finding.fix.edits[0].content == "."


def test_lowercase_twin_is_evidence_but_a_name_is_not(lint):
    assert codes(lint("Solberg said Rain was a concern. Heavy rain fell.", "MT1")) == ["MT102"]
    assert lint("Solberg said Brown was a concern. Brown left.", "MT1") == []


# -- repetition -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code", "safe"),
    [
        ("It follows a the inspection.", "MT301", False),
        ("He sold the the lake house.", "MT301", True),
        ("He needed to to pay the bank.", "MT302", True),
        ("The council approved approved the plan.", "MT302", False),
    ],
)
def test_repetitions(lint, text, code, safe):
    (finding,) = lint(text, "MT3")
    assert finding.code == code
    assert finding.fix is not None
    assert (finding.fix.applicability is Applicability.SAFE) == safe


@pytest.mark.parametrize(
    "text",
    [
        "She had had enough of it.",
        "He said that that was the purpose.",
        "What it is is a failure.",
        '"Carry cash, carry cash," she said.',
        "Walla Walla hosted the fair.",
        "It was very very cold.",
    ],
)
def test_legitimate_repetition(lint, text):
    assert lint(text, "MT3") == []


# -- honorifics -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The letter ran in Dr Rodong Sinmun Newspapers on Monday.", "MT401"),
        ("Researchers at Dr Nordic Ice Observatory said so.", "MT401"),
        ("Data from Professor Ministry of Finance showed a gap.", "MT401"),
        ("Mr. Minister of Transport said a mediator would be named.", "MT402"),
        ("Sir Chairman opened the session.", "MT402"),
        ("The president, Herr Dieter Holzapfel, refused.", "MT403"),
        ("The owner, Senhor Joaquim Serrão, said so.", "MT403"),
    ],
)
def test_wrong_titles(lint, text, code):
    assert codes(lint(text, "MT4")) == [code]


@pytest.mark.parametrize(
    "text",
    [
        "Dr. Amina Yusuf led the study.",
        '"Mr. Speaker, families are struggling," she said.',
        "Judge Elena Marquez wrote the ruling.",
        "Gov. Ellen Whitacre declared an emergency.",
        "U.S. District Judge Margaret Olsen sentenced him.",
        "Professor Alan Reid of the University of Leeds agreed.",
    ],
)
def test_real_titles(lint, text):
    assert lint(text, "MT4") == []


# -- agreement --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The team has scored two goal in six games.",
        "Officials said 38,000 application had been received.",
        "About 44,000 new case are found each year.",
        "Officials found eight ballot had been miscounted.",
        "Stakes were set on 14 glacier, the team said.",
        "They said 212 nursing position was vacant.",
    ],
)
def test_number_before_singular_noun(lint, text):
    assert codes(lint(text, "MT502")) == ["MT502"]


@pytest.mark.parametrize(
    "text",
    [
        "He signed a two-year deal worth 5 million euros.",
        "The match lasted 2 hours 41 minutes.",
        "It grew in the 1990s.",
        "Membership costs $14 a month.",
        "The bill passed with 3,412 votes in favor.",
        "Rovers are two points clear at the top.",
        "About 300 people watched, and four women led.",
        "The 2024 budget passed.",
        "Traffic on Highway 24 north was slow.",
    ],
)
def test_number_phrases_that_are_fine(lint, text):
    assert lint(text, "MT502") == []


def test_subject_verb_traps(lint):
    assert codes(lint("The fire are one of 187 burning.", "MT504")) == ["MT504"]
    assert codes(lint("Officials said 43 container ships was waiting.", "MT504")) == ["MT504"]
    for text in (
        "United are top of the league.",
        "Town, who had won three derbies, are now 11th.",
        '"We was brilliant," he said.',
        "A margin of three votes is not a mandate.",
        "The government are split.",
    ):
        assert lint(text, "MT504") == [], text


def test_article_and_mass_nouns(lint):
    assert codes(lint("The board approved a allocation.", "MT501")) == ["MT501"]
    assert lint("She waited an hour for a European flight and a one-off fee.", "MT501") == []
    assert codes(lint("Stations go where informations are sparse.", "MT503")) == ["MT503"]
    assert codes(lint("Prosecutors said many evidence was lost.", "MT503")) == ["MT503"]
    assert lint("The professor researches ice.", "MT503") == []


# -- garble and verbless sentences ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The minister said this recently the interview that trade rose.",
        "Shin is there said that aid was sent.",
        "The chairman rejected to step down the calls.",
        "Police searched the subdivisions to the fire closest to make sure.",
        "Farmers switched crops, but that was small the market for them.",
        "Ferries use a part separate of the port.",
        "Dark water absorbs heat that more of the sun's energy absorbs.",
    ],
)
def test_garbled_orders(lint, text):
    found = lint(text, "MT201")
    assert codes(found) == ["MT201"]


@pytest.mark.parametrize(
    "text",
    [
        "She sat next to the one closest to the door.",
        "He said that was small comfort.",
        "The offer was rejected to the dismay of the union.",
        "She said that outside the city the roads were closed.",
        "It is a body independent of government.",
    ],
)
def test_ordinary_orders(lint, text):
    assert lint(text, "MT201") == []


def test_verbless_sentence_only_in_running_prose(lint):
    damaged = (
        "Officials doubt the pact will last. Analysis by the Institute for Strategy, "
        "a think tank affiliated with the defence ministry.\n"
    )
    assert codes(lint(damaged, "MT250")) == ["MT250"]
    for text in (
        "He arrived in 2002. Two years, he said. Three at the most.\n",
        "Additional reporting by Jane Doe in London and Sam Roe in Paris.\n",
        "The plan was approved. Reyes read a short statement outside the court.\n",
        "Results came in. Officials fear a repeat of the crisis in the north this winter.\n",
    ):
        assert lint(text, "MT250") == [], text


# -- untranslated -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Reservoirs stood at 27 percent, según the authority.",
        "It lost 8 million euros, laut figures from the league.",
        "Glaciers shrank, ifølge a survey published on Thursday.",
        "Turnout was 71 percent, bem acima da média nacional for local polls.",
        "Selon the port authority, ships were waiting.",
    ],
)
def test_untranslated_words(lint, text):
    assert codes(lint(text, "MT9")) == ["MT901"]


@pytest.mark.parametrize(
    "text",
    [
        "The cooperative, Campos del Ebro, has 4,100 members.",
        "Méridional Logistique said it was open to dialogue.",
        "The lawyer worked pro bono.",
        "They sell pierogi and offer fika, a Swedish coffee break.",
        "Wheal Carrow will reopen next year.",
        "He felt déjà vu at the encore.",
        "Kim Jong Un (김정은) arrived on Tuesday.",
    ],
)
def test_foreign_words_that_belong(lint, text):
    assert lint(text, "MT9") == []


def test_foreign_word_list_avoids_english_words():
    table = foreign_words()
    for english in ("pour", "nous", "jest", "pendant", "encore", "die", "den", "van", "der", "la"):
        assert english not in table


# -- spun phrases -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Figures came from the state due south health department.",
        "Agency nurses cost three times the normal mean solar day rate.",
        "We have beds bachelor in some hospitals.",
        "Prices may fall, perhaps fifty-fifty below 50 pounds.",
        "She had surgery the post-obit month.",
        "Ace in three patients waited, with ace in four seen late.",
        "I tin promise you that we will try.",
        "He was found to have had a heart assault.",
        "Report to an evacuation heart at the arena.",
        "Uptake was everyman among men.",
        "Screening is gratis to all.",
        "Farmers face excessive vitality costs.",
    ],
)
def test_spun_phrases(lint, text):
    assert lint(text, "MT7") != []


@pytest.mark.parametrize(
    "text",
    [
        "The telescope was pointed due south every clear night.",
        "The mean solar day, the average time between noons, is not fixed.",
        "Students take a bachelor's degree in mining.",
        '"It was fifty-fifty the whole way," she said.',
        "She served 17 aces and hit an ace in the third set.",
        "Tin prices rose, and copper and tin also fell.",
        "He calls himself an everyman in a suit.",
        '"You lot gave me everything," she told the children.',
        "The heart of the city is busy, and heart disease is falling.",
    ],
)
def test_spinner_look_alikes(lint, text):
    assert lint(text, "MT7") == []


def test_ambiguous_spin_needs_density(lint):
    quiet = '"You lot can build a ward in a year," she said.'
    assert lint(quiet, "MT790") == []
    spun = "The state due south health department said a man had a heart assault. " + quiet
    assert codes(lint(spun, "MT790")) == ["MT790"]


# -- shared helpers ---------------------------------------------------------------------


def test_plural_and_count_nouns():
    assert plural_of("glacier") == "glaciers"
    assert plural_of("policy") == "policies"
    assert plural_of("box") == "boxes"
    assert is_singular_count_noun("ballot")
    assert not is_singular_count_noun("people")
    assert not is_singular_count_noun("ballots")


def test_analysis_marks_sentence_starts_and_quotes():
    doc = Document('He left. "Then I went," she said.')
    facts = analyse(doc)
    words = [t.text for t in facts.tokens]
    assert words.index("He") in facts.sentence_initial
    assert facts.quoted[words.index("Then")]
    assert not facts.prose[words.index("went")]
    assert analyse(doc) is facts


def test_unclosed_appositive(lint):
    (finding,) = lint("Yuri Ushakov, Putin's foreign policy aide said the pact was ready.", "MT505")
    assert finding.fix is not None and finding.fix.edits[0].content == ","
    assert lint("Yuri Ushakov, Putin's foreign policy aide, said the pact was ready.", "MT505") == []
    assert lint("Maria Lopez, who was appointed last year said little.", "MT505") == []


def test_spun_news_terms(lint):
    text = "Hearth crews fought the forest hearth. The decide ruled on it. The dying toll rose."
    assert codes(lint(text, "MT714")) == ["MT714"] * 4
    assert lint("They sat by the hearth and will decide soon.", "MT714") == []


def test_reported_clause_agreement(lint):
    assert codes(lint("Officials said the bridge were closed.", "MT504")) == ["MT504"]
    assert codes(lint("The ships was waiting offshore.", "MT504")) == ["MT504"]
    for text in (
        "The news was spreading.",
        "The lens was cracking.",
        "Officials said the talks were going well.",
    ):
        assert lint(text, "MT504") == [], text


def test_irregular_plural_suggestion(lint):
    (finding,) = lint("The fire injured five person on Monday.", "MT502")
    assert finding.fix is not None and finding.fix.edits[0].content == "people"


@pytest.mark.parametrize(
    "text",
    [
        "They moved the chairs to the table nearest to them.",
        "It was the more northern of the two routes.",
        "He said that more of them survived.",
        "Dr. Emily Post wrote about manners, and Mrs. Margaret Court won titles.",
        "Chief Engineer Tom Lee met Sr. Mary Joseph and Sri Ravi Shankar.",
    ],
)
def test_more_look_alikes(lint, text):
    assert lint(text, "MT2", "MT4") == []


def test_dictionary_synonyms(lint):
    text = "Darby aforesaid prices will autumn sharply in the exigency department."
    assert codes(lint(text, "MT715")) == ["MT715"] * 3
    assert lint("The aforesaid property was sold in autumn.", "MT715") == []


def test_foreign_script_outside_parentheses(lint):
    assert codes(lint("Officials called it важный шаг forward.", "MT902")) == ["MT902"]
    assert lint("Kim Jong Un (김정은) arrived.", "MT902") == []
