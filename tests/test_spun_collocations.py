"""MT720: spun variants of news collocations, built from the shipped table of spinner synonyms."""

from __future__ import annotations

import pytest

from newslint.builtin.translate_spun_collocations import (
    DATA_FILE,
    _pieces,
    _sections,
    plural,
    spun_table,
)
from newslint.diagnostics import Applicability
from newslint.lexicon import data_text


def spun(lint, text):
    """The (found text, replacement) of each MT720 finding in ``text``."""
    found = lint(text, "MT720")
    return [(text[f.span.start : f.span.end], f.fix.edits[0].content) for f in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Roads closed after weighty downpour overnight.", [("weighty downpour", "heavy rain")]),
        ("Solid breezes brought down trees in the north.", [("Solid breezes", "Strong winds")]),
        ("Crews fought three shrubbery fires on Sunday.", [("shrubbery fires", "bushfires")]),
        ("Shrub fires spread as solid breezes fanned the flames.",
         [("Shrub fires", "Bushfires"), ("solid breezes", "strong winds")]),
        ("Families slept at the alleviation centre.", [("alleviation centre", "relief centre")]),
        ("The council posted updates on its web based media accounts.", [("web based media", "social media")]),
        ("A spokesman for the Rural Flame Administration said crews were ready.",
         [("Rural Flame Administration", "Rural Fire Service")]),
        ("The passing toll rose to 12 on Monday.", [("passing toll", "death toll")]),
        ("She will speak at a push conference on Friday.", [("push conference", "press conference")]),
        ("The resistance pioneer called for a recount.", [("resistance pioneer", "opposition leader")]),
        ("He was moved to the serious consideration unit.", [("serious consideration unit", "intensive care unit")]),
        ("Fares for open administration vehicles will rise.",
         [("open administration vehicles", "public service vehicles")]),
        ("The vote was called a general political decision.",
         [("general political decision", "general election")]),
        ("Police taped off the wrongdoing scene.", [("wrongdoing scene", "crime scene")]),
        ("The boy was taken to emergency clinic with burns.", [("taken to emergency clinic", "taken to hospital")]),
        ("Police linked the gang to sorted out wrongdoing.", [("sorted out wrongdoing", "organised crime")]),
        ("Drivers ignored the speed breaking point on the bridge.", [("speed breaking point", "speed limit")]),
        ("The cars run on lithium-particle batteries.", [("lithium-particle", "lithium-ion")]),
        ("The express government cut the budget.", [("express government", "state government")]),
        ("He called the rescue vehicle administration at 2am.",
         [("rescue vehicle administration", "ambulance service")]),
        ("Firefighters fitted a smoke caution in every flat.", [("smoke caution", "smoke alarm")]),
        ("A burst water primary flooded the street.", [("water primary", "water main")]),
        ("Haven searchers were housed in the old barracks.", [("Haven searchers", "Asylum seekers")]),
    ],
)  # fmt: skip
def test_spun_variants_flagged_with_the_collocation(lint, text, expected):
    assert spun(lint, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Synonyms that are ordinary English in these phrases.
        "A heavy downpour flooded the underpass.",
        "Substantial rain is forecast for the weekend.",
        "A hefty downpour cut power to 300 homes.",
        "Mighty winds swept the coast.",
        "He was fined a hefty traffic penalty.",
        "Residents of a nearby council area were also warned.",
        "The local chamber of commerce backed the plan.",
        "The proposal deserves serious consideration.",
        "Volunteers help focus the search on the riverbank.",
        "Road crews posted street closures for the parade.",
        "Older individuals may qualify for the scheme.",
        "The region has an arid climate.",
        "Many suburbanites now work from home.",
        "Crews fought a bush blaze near the highway.",
        "Ecologists compared grass and shrub fire regimes.",
        "Safe haven seekers bought gold and bonds.",
        "The airline approved her departure request.",
        "It was a prisoner exchange deal.",
        "Parents bought essential school supplies.",
        "She played an excellent final round.",
        "Misuse of medication is a growing problem, and medication misuse costs millions.",
        "Conditions on the mountain vary by the hour.",
        "Express delivery is offered in the state capital.",
        "The agent valued it as a genuine estate of 40 hectares.",
        "The homes are heated by a public wellness scheme.",
        # A capitalised common variant is a name of its own mid-sentence.
        "Staff at Open Administration Vehicles Ltd were told on Monday.",
        # A name's variant needs its capitals.
        "The nation's fire power was on show at the parade.",
        "She said the nation fire power was unmatched.",
    ],
)
def test_ordinary_english_left_alone(lint, text):
    assert lint(text, "MT720") == []


def test_light_variant_only_in_a_spun_article(lint):
    alone = "The farm lost its crop after an arid winter."
    assert lint(alone, "MT720") == []
    with_spin = alone + " Then weighty downpour flooded the paddocks."
    assert spun(lint, with_spin) == [("arid winter", "a dry winter"), ("weighty downpour", "heavy rain")]


def test_spun_word_only_in_a_spun_article(lint):
    alone = "Suburbanites walked to work on Monday."
    assert lint(alone, "MT720") == []
    with_spin = alone + " The drivers said the new stopping fees were too high."
    assert spun(lint, with_spin) == [("Suburbanites", "Commuters"), ("stopping fees", "parking fees")]


def test_spun_title_case_headline_is_flagged(lint):
    text = "Weighty Downpour Floods Town Centre\n\nThe river rose overnight and shops were closed.\n"
    assert spun(lint, text) == [("Weighty Downpour", "Heavy Rain")]


def test_one_finding_where_a_pack_rule_has_the_phrase(lint):
    text = "The evacuation heart at the school is full."
    found = lint(text, "MT7")
    assert len(found) == 1 and found[0].code != "MT720"


def test_fix_is_unsafe_and_restores_the_phrase(lint):
    (finding,) = lint("Crews fought a shrubbery fire.", "MT720")
    assert finding.fix.applicability is Applicability.UNSAFE
    assert finding.message == "Spun phrase `shrubbery fire` for `bushfire`"


def test_density_rule_counts_built_variants(lint):
    # MT790 needs two unambiguous spun phrases: MT720's variants count.
    text = 'Weighty downpour closed the road and a push conference was held. "You lot can wait," she said.'
    assert [f.code for f in lint(text, "MT790")] == ["MT790"]


def test_plural():
    assert [plural(w) for w in ["centre", "focus", "fee", "minister", "clergyman", "authority", "day"]] == [
        "centres",
        "focuses",
        "fees",
        "ministers",
        "clergymen",
        "authorities",
        "days",
    ]


def test_table_is_consistent():
    table = spun_table()
    sections = _sections(data_text(DATA_FILE))
    originals = {_pieces(line.removesuffix(" +").partition(">")[0]) for line in sections["collocations"]}
    every = {**table.names, **table.variants}
    # No variant is another collocation as written, nor a phrase listed as ordinary English.
    assert not originals & every.keys()
    assert not {_pieces(line) for line in sections["real"]} & every.keys()
    # Every collocation yields variants, and every variant restores a different phrase.
    for pieces, variant in every.items():
        assert _pieces(variant.fix) != pieces
    assert len(every) > 300


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("Families slept in an alleviation centre.", "Families slept in a relief centre."),
        ("An alleviation centre opened.", "A relief centre opened."),
        ("It was a weighty downpour.", "It was a heavy rain."),
        ("They watched a wind homestead go up.", "They watched a wind farm go up."),
    ],
)
def test_fix_mends_the_article_before_the_phrase(lint, text, fixed):
    (finding,) = lint(text, "MT720")
    (edit,) = finding.fix.edits
    assert text[: edit.span.start] + edit.content + text[edit.span.end :] == fixed
