"""MT201 word orders that translation from German, Romance and Slavic languages leaves behind."""

from __future__ import annotations

import pytest

from newslint.diagnostics import Applicability


def flagged(lint, text):
    return [
        (text[f.span.start : f.span.end], f.fix.edits[0].content if f.fix else None)
        for f in lint(text, "MT201")
    ]


@pytest.mark.parametrize(
    ("text", "span", "repair"),
    [
        ("The aim is, that patients get an appointment sooner.", "is, that ", "is that"),
        ("The minister said, that the plan would cost less.", "said, that ", "said that"),
        ("It is clear, that we must act now.", "clear, that ", "clear that"),
        (
            "Cleaner water has permitted to the otter to come back.",
            "permitted to the otter to come",
            "permitted the otter to come",
        ),
        (
            "Saved the goalkeeper Iker Salvatierra two of the penalties.",
            "Saved the goalkeeper Iker Salvatierra",
            "The goalkeeper Iker Salvatierra saved",
        ),
        (
            "The increase of fees approved the town council on Thursday by 21 votes to 12.",
            "The increase of fees approved the town council on Thursday by 21 votes",
            "The town council approved the increase of fees on Thursday by 21 votes",
        ),
        (
            "On the morning of 14 October, collapsed the ceiling of the gym during a lesson.",
            "On the morning of 14 October, collapsed the ceiling",
            None,
        ),
        ("In the men's class won Jonas Öberg after a sprint.", "In the men's class won Jonas Öberg", None),
        ("On the new line will run trams every 7.5 minutes.", "On the new line will run trams", None),
        (
            "The school closed because it for the Fridays no substitutes more could find.",
            "because it for the Fridays no substitutes more could find",
            None,
        ),
        (
            "The reporter learned from the health commission that 1,240 patients were treated.",
            "The reporter learned from",
            None,
        ),
        (
            "The union wants that the programme to be extended.",
            "wants that the programme to be",
            "wants the programme to be",
        ),
        (
            "The rule, which the council introduced it to stop fraud, stays.",
            "which the council introduced it",
            "which the council introduced",
        ),
        (
            "POLTAVA, Ukraine — Head of regional military administration said the school opened.",
            "Head of regional military administration said",
            "The head of regional military administration said",
        ),
        ("He said the 70% of the condors survived.", "the 70% of", "70% of"),
        (
            "Said the founder of the company, Lina Haddad, that the kiosks would spread.",
            "Said the founder of the company, Lina Haddad, that",
            None,
        ),
        ("Is a volcano that never sleeps, he said.", "Is a v", None),
        ("No. Is a volcano that is always active.", "No. Is a v", None),
        (
            "The opposition parties the vote boycotted, walking out.",
            "The opposition parties the vote boycotted",
            "The opposition parties boycotted the vote",
        ),
        (
            "The opposition parties the vote boycotted.",
            "The opposition parties the vote boycotted",
            "The opposition parties boycotted the vote",
        ),
        (
            "Police came because the neighbours the smell to the police reported had.",
            "because the neighbours the smell to the police reported had",
            None,
        ),
        (
            "By 2028 its capacity from 1.6 million to 3.2 million containers to raise is planned.",
            "to raise is planned",
            None,
        ),
    ],
)
def test_translated_word_order(lint, text, span, repair):
    assert flagged(lint, text) == [(span, repair)]


def test_only_the_comma_repair_is_applied_by_unsafe_fixes(lint):
    (comma,) = lint("The minister said, that the plan would cost less.", "MT201")
    (order,) = lint("Saved the goalkeeper Iker Salvatierra two of the penalties.", "MT201")
    assert comma.fix is not None and comma.fix.applicability is Applicability.UNSAFE
    assert order.fix is not None and order.fix.applicability is Applicability.DISPLAY_ONLY


@pytest.mark.parametrize(
    "text",
    [
        "He said, that is, that the plan would cost less.",
        "It was clear, that day, how tired they were.",
        "They must show a duty of care, that the duty was breached, and that it caused harm.",
        "With a camera, that is worth something.",
        "She was allowed to the stage to speak, and troops were sent to the front to fight.",
        "The fee allowed the club to grow.",
        "Asked the minister, Anna Berg said no.",
        "Based in the Basque Country, the club grew.",
        "Ted the builder John Smith came.",  # a name ending in -ed is no verb: too short
        "Indeed the chairman John Smith had warned of this.",
        "“The truth is, that these people have nothing left,” he said.",  # speech may pause there
        "Asked about the plan, she said, that is a question for the board.",
        "The council approved the plan on Thursday by 21 votes to 12.",
        "The full council approved the committee's recommendation by 21 votes.",
        "More rain to come is expected.",
        "After the team won the final, fans celebrated. After the storm, came the flood.",
        "Among the dead were two children. In the corner stood a piano. In the end will it matter?",
        "In the final won by Smith, the crowd roared. In the past year two plants opened.",
        "He said that in the long run it could work. In the race that Smith won the lead changed.",
        "On the first day of the trial, the judge will hear the case.",
        "The reporter who learned from the leak that the plan existed was fired.",
        "He wants that car to be fixed. The levy, which the council deemed it necessary to raise, passed.",
        "Head of state Xi Jinping said it was right. The 70% of voters who backed it were pleased.",
        "The money, which the council gave it last year, was spent.",
        'Said the mayor: "It is over." Is a four-day week the answer? Was it worth it?',
        "The parties the voters trusted, however, lost. The parties the voters trusted were few. We do not know how much the people affected had.",
        'Is this the end? "Is a deal possible?" he asked.',
        "What it has to offer is expected to grow.",
        "The state grants permits to farmers to use river water.",
        "She was last year one of the judges.",
        "Stocks were boosted by 5 percent increased demand.",
        "Born in Leeds in 1961. Was named captain of the year.",
    ],
)
def test_english_word_orders_left_alone(lint, text):
    assert lint(text, "MT201") == []


def test_passive_verb_before_its_subject(lint):
    text = "Were taken to hospital fourteen people, the fire service said."
    assert flagged(lint, text) == [
        ("Were taken to hospital fourteen people", "Fourteen people were taken to hospital")
    ]


def test_dative_to_before_a_bare_plural(lint):
    text = "The levy will permit to homeowners to claim a refund."
    assert flagged(lint, text) == [("permit to homeowners to claim", "permit homeowners to claim")]


def test_verb_of_change_after_its_amount(lint):
    text = "The firm cut its forecast after orders in the second quarter by almost 40 percent fell."
    assert flagged(lint, text) == [("by almost 40 percent fell", "fell by almost 40 percent")]
    assert lint("Orders fell by almost 40 percent, and prices rose by 2% over the year.", "MT201") == []


def test_time_between_the_verb_and_its_amount(lint):
    text = "The average wait was last year eleven weeks."
    assert flagged(lint, text) == [("was last year eleven weeks", "was eleven weeks last year")]
    assert lint("The wait was eleven weeks last year, and this year is two weeks shorter.", "MT201") == []


def test_size_given_with_of(lint):
    text = "The hall was originally of 1,100 seats."
    assert flagged(lint, text) == [("was originally of 1,100 seats", "was originally 1,100 seats")]
    assert lint("It had a capacity of 1,100 seats, and the council was of two minds.", "MT201") == []


def test_auxiliary_before_its_subject_after_a_time_phrase(lint):
    text = "Since last year had the company heavy losses suffered."
    assert flagged(lint, text) == [("Since last year had the company", "Since last year the company had")]
    for clean in ("Never had the company lost so much.", "Since when has the company made a loss?"):
        assert lint(clean, "MT201") == []
