"""Name-consistency (MT601): variant spellings of one entity, and the traps that are not variants."""

from __future__ import annotations

import pytest

from newslint.namefold import edit_distance, fold, is_derived_form, is_gendered_pair, spelling_keys

# (text, flagged spelling, suggested spelling): each text spells one entity two ways.
VARIANTS = [
    (
        "The delay was long, said Jenny Towne, who directs the programme.\n\n"
        "Towne said the talks would continue.\n\n“We are ready,” Towne said.\n\n"
        "“Nobody is in a hurry,” Town added.\n",
        "Town",
        "Towne",
    ),
    (
        "Anna Kowalczyk, the head teacher, met parents on Monday.\n\n"
        "“We need more buses,” Kowalcyk said after the meeting.\n",
        "Kowalcyk",
        "Kowalczyk",
    ),
    (
        "The striker, Diego Ruíz, scored twice. Ruíz said the team had trained hard.\n\n"
        "“It was a good night,” Ruiz said.\n",
        "Ruiz",
        "Ruíz",
    ),
    (
        "Bürgermeister Thomas Müller opened the bridge. Müller said it cost less than planned.\n\n"
        "Mueller added that a second bridge would follow.\n",
        "Mueller",
        "Müller",
    ),
    (
        "The hospital director, Felipe Echeverría, warned of shortages.\n\n"
        "“We cannot hire fast enough,” Etxeberria said.\n",
        "Etxeberria",
        "Echeverría",
    ),
    (
        "The geologist Lars Haugaard measured the ice.\n\n“It is thinner every year,” Haugard said.\n",
        "Haugard",
        "Haugaard",
    ),
    (
        "Coach Piet Vandersteen left the club. Vandersteen said he was tired.\n\n"
        "Vandersten told reporters he would rest.\n",
        "Vandersten",
        "Vandersteen",
    ),
    (
        "The ruling came from Judge Helena Brightwater.\n\n“The law is clear,” Brightwatter said.\n",
        "Brightwatter",
        "Brightwater",
    ),
    (
        "The operator, Compagnie Générale Maritime, declined to comment.\n\n"
        "Compagnie Generale Maritime said later that talks would resume.\n",
        "Generale",
        "Générale",
    ),
    (
        "The ferry firm Société Atlantique runs the route.\n\nSociety Atlantic said it would add sailings.\n",
        "Society Atlantic",
        "Société Atlantique",
    ),
    (
        "Flights to Tromsø were cancelled. The airport in Tromsø reopened on Friday.\n\n"
        "Buses from Tromso ran all night.\n",
        "Tromso",
        "Tromsø",
    ),
    (
        "The union leader, Oluwaseun Adebayo, said talks had failed. Adebayo said workers were angry.\n\n"
        "“We will not go back,” Adebayp said.\n",
        "Adebayp",
        "Adebayo",
    ),
    (
        "Police Chief Sandra Okonkwo said the road was closed.\n\n“Stay home,” Okonkow said.\n",
        "Okonkow",
        "Okonkwo",
    ),
]

VARIANTS.append(
    (
        "The union leader, Oluwaseun Adebayo, said talks had failed.\n\nWorkers were angry, Adebayp said.\n",
        "Adebayp",
        "Adebayo",
    )
)

VARIANTS.append(
    (
        "The plan stands, said Margaret Pettigrow, who leads the group.\n\n"
        "Pettigrew said the vote would wait.\n\n“We are listening,” Pettigrew said.\n",
        "Pettigrow",
        "Pettigrew",
    )
)

VARIANTS.append(
    (
        "“It is a form of lip service,” said Cho Han-bum, a researcher.\n\n"
        "Cho Hanbum said the deal would not last.\n",
        "Hanbum",
        "Han-bum",
    )
)

# Texts with similar names that belong to different entities, or derived words: no finding.
TRAPS = {
    "korean-names": "Kim Jong Un met his sister Kim Yo Jong. Kim said little. Later Kim Jong Un left.\n",
    "surname-first": "“It will not last,” said Cho Han-bum, a researcher. Cho said the deal was thin.\n",
    "hyphenated-surname": "Marta Ruiz and her cousin Marta Ruiz-Ortega run the shop. Ruiz said it was busy, "
    "and Ruiz-Ortega agreed.\n",
    "shared-surname": "Claire Hartley and her father, Albert Hartley, farm the valley. Hartley said the "
    "rain came late. Claire Hartley added that prices were low.\n",
    "person-and-park": "Councillor Helen Park and Daniel Park, no relation, disagree. Park said the park "
    "was full, and Parks officials agreed.\n",
    "polish-gender": "Marta Kowalska and her husband, Piotr Kowalski, run the kitchen. Kowalska said it "
    "was busy. Kowalski said it was fun.\n",
    "czech-gender": "Jan Novák and his wife, Petra Nováková, run the inn. Novák said it was full. "
    "Nováková added that prices rose.\n",
    "no-relation": "Erik Lindqvist chairs the board. Sarah Lindquist, no relation to Lindqvist, bakes. "
    "“It took years,” Lindquist said. Lindqvist said he liked the buns.\n",
    "demonyms": "Russia said Russian troops had left. Ukraine and Ukrainian officials said so. Texas "
    "and Texans agreed, as did Korea and the Korean envoy.\n",
    "plural-family": "Bill Clinton spoke first. The Clintons said they would stay. Clinton said more.\n",
    "first-names": "Mark Evans and Marc Dupont spoke. Mark said yes and Marc said no.\n",
    "different-people": "Tom Cheung and Li Cheng spoke. Cheung said yes. Cheng said no.\n",
    "countries": "Iran and Iraq signed a deal. Austria and Australia watched. Iran said it was fair.\n",
    "near-sites": "Wikipedia and Wikimedia staff met. Wikipedia said the talks went well, and "
    "Wikimedia agreed.\n",
    "given-name-plural": "Serena Williams won. “It was hard,” William said, her coach.\n",
    "team-names": "Ashcombe Town beat Ashcombe United. Town had won the last derby, and Townsend "
    "scored. “Ash-combe U-ni-ted,” sang the fans.\n",
    "sentence-initial-word": "Dr. Emily Parke leads the study.\n\nPark rangers said the trail was closed. "
    "Parke said the data was new.\n",
    "countries-speak": "Iran said the deal was fair, Iran said again, and Iran said it a third time. "
    "Iraq said it would wait. Maria Iranzo said nothing.\n",
    "title-says-another-person": "Erik Lindqvist chairs the board. Mrs. Lindquist said she was "
    "pleased, and Lindqvist said he agreed.\n",
    "alike-first-names": "Catherine Moss and Katherine Wells spoke. Later Catherine Moss left, and "
    "Katherine said goodbye.\n",
    "apostrophes": "Sean O’Brien spoke first. O'Brien said the plan was fine, and O’Brien said so again.\n",
    "company-keeps-ascii-name": "Zurich Insurance has its headquarters in Zürich. The insurer said "
    "profits rose, and analysts in Zürich agreed.\n",
    "two-introduced-people": "Maria Hansen spoke first. Peter Hanson, the harbour master, said the "
    "port was busy, and Hanson said the ships were late. Hansen agreed.\n",
    "no-relation-title-only": "Sarah Lindquist bakes the buns. Lindquist said it took years, and "
    "Lindquist said so again. Dr. Lindqvist, no relation, judged the contest.\n",
    "accent-on-different-people": "Thomas Müller and Robert Mueller spoke. Müller said yes and Mueller said no.\n",
}


@pytest.mark.parametrize("text, found, expected", VARIANTS, ids=[v[1] for v in VARIANTS])
def test_flags_variant_and_suggests_dominant(lint, text, found, expected):
    findings = lint(text, "MT601")
    assert [text[f.span.start : f.span.end] for f in findings] == [found]
    assert findings[0].fix is not None
    assert findings[0].fix.edits[0].content == expected
    assert findings[0].fix.applicability.label == "unsafe"


@pytest.mark.parametrize("name", sorted(TRAPS))
def test_traps_stay_silent(lint, name):
    assert lint(TRAPS[name], "MT6") == []


def test_message_names_the_lines_of_the_other_spelling(lint):
    text = VARIANTS[0][0]
    (finding,) = lint(text, "MT601")
    assert finding.message == "Name spelled `Town` here but `Towne` on lines 1, 3, 5"


def test_every_occurrence_of_the_rare_spelling_is_flagged(lint):
    text = (
        "Ana Magalhães won. Magalhães thanked voters, and Magalhães spoke again.\n\n"
        "Magalhaes campaigned on jobs. Magalhaes also promised a clinic.\n"
    )
    findings = lint(text, "MT601")
    assert [text[f.span.start : f.span.end] for f in findings] == ["Magalhaes", "Magalhaes"]


def test_possessive_is_the_same_name(lint):
    text = "Jenny Towne spoke. Towne's team agreed, and Towne said so. “Fine,” Town added.\n"
    (finding,) = lint(text, "MT601")
    assert text[finding.span.start : finding.span.end] == "Town"


def test_same_first_name_confirms_a_variant(lint):
    text = "Jenny Towne spoke first. Later Jenny Town spoke again. Towne said she was pleased.\n"
    (finding,) = lint(text, "MT601")
    assert text[finding.span.start : finding.span.end] == "Town"


def test_accepted_spelling_is_not_flagged(linter):
    from newslint.document import Document
    from newslint.namevariants import find_variants

    text = VARIANTS[2][0]
    assert [v.rare.text for v in find_variants(Document(text))] == ["Ruiz"]
    assert find_variants(Document(text, accept=frozenset({"Ruiz"}))) == ()


def test_headline_capitals_are_not_names(lint):
    text = "Towne Says Town Must Wait\n\nJenny Towne said the plan was fine. Towne said so twice.\n"
    assert lint(text, "MT601") == []


def test_long_input_completes(lint):
    # About 1 MB with thousands of distinct, deliberately similar names, quotes and pronouns:
    # name grouping and the pronoun rule must both stay linear in the length of the text.
    paragraphs = []
    for i in range(5200):
        surname = "Q" + "".join(chr(97 + (i // 26**k) % 26) for k in range(4)) + "son"
        paragraphs.append(
            f"Analyst Maria {surname} said on Monday that prices in Port {surname}ville rose. "
            f"“We wait,” she said."
        )
    text = "\n\n".join(paragraphs * 2) + "\n"
    assert len(text) > 1_000_000
    assert lint(text, "MT6", "MT8") == []


def test_folding_keys():
    assert fold("Magalhães") == "magalhaes"
    assert spelling_keys("Schäfer") & spelling_keys("Schaefer")
    assert spelling_keys("Kalinowski") == spelling_keys("Kalinowsky")
    assert spelling_keys("Echeverría") == spelling_keys("Etxeberria")
    assert spelling_keys("Aasgaard") == spelling_keys("Aasgard")
    assert not spelling_keys("Lindqvist") & spelling_keys("Lindquist")


def test_edit_distance_counts_a_swap_as_one():
    assert edit_distance("okonkow", "okonkwo") == 1
    assert edit_distance("town", "towne") == 1
    assert edit_distance("kitten", "sitting", 5) == 3


def test_gendered_and_derived_pairs():
    assert is_gendered_pair("kowalska", "kowalski")
    assert is_gendered_pair("ivanova", "ivanov")
    assert not is_gendered_pair("castellano", "castellanos")
    assert is_derived_form("russia", "russian")
    assert is_derived_form("texas", "texans")
    assert is_derived_form("clinton", "clintons")
