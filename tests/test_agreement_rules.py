"""Agreement rules on sentences shaped like fresh round-trip translations, and their traps."""

from __future__ import annotations

import pytest


def quoted(text: str, findings) -> list[str]:
    return [text[f.span.start : f.span.end] for f in findings]


@pytest.mark.parametrize(
    ("text", "span", "fixed"),
    [
        ("The frescoes was then consolidated with lime mortar.", "frescoes was", "were"),
        ("But the waiting lists has become fairer.", "lists has", "have"),
        ("It is protected, and its numbers has risen slowly since.", "numbers has", "have"),
        ("The councillor said the results was very encouraging.", "results was", "were"),
        ("The credit union's members has recovered $1.6 million.", "members has", "have"),
        ("When the 12 inspectors is ready, work starts.", "inspectors is", "are"),
        ("Outside, people was gathered since early morning.", "people was", "were"),
        ("The doctors said the children has recovered.", "children has", "have"),
        (
            "He said the costs of newsprint and distribution has doubled.",
            "costs of newsprint and distribution has",
            "have",
        ),
    ],
)
def test_plural_subject_with_singular_verb(lint, text, span, fixed):
    (finding,) = lint(text, "MT504")
    assert quoted(text, [finding]) == [span]
    assert finding.fix is not None and finding.fix.edits[0].content == fixed


@pytest.mark.parametrize(
    "text",
    [
        "The cost of the repairs was high.",  # the subject is "cost"
        "All that the agency needs is money.",  # "needs" is a verb
        "The 1990s was a decade of growth.",
        "The news was worse, and the series was cancelled.",
        "The bus is late, the lens is cracked and the premises was searched.",
        "Since the Smiths has left, the house is empty.",  # a name: not this rule's call
        "Ten years was spent on the project, and the last 10 years has been hard.",
        '"The lads was brilliant," he said.',  # quoted speech keeps its dialect
        "The analysis was thorough and the virus is spreading.",
        "The number of people was high, and one of the children was hurt.",
        "For many people, the Children was their favourite film.",
    ],
)
def test_singular_verbs_that_agree(lint, text):
    assert lint(text, "MT504") == []


@pytest.mark.parametrize(
    "text",
    [
        "Leon County opened two schools after the first four reached capacity, the county said.",
        "Of the 17 strongest candidates, four orbit within the habitable zone.",
        "The other two sprint for the line while the top three watch.",
    ],
)
def test_numbers_that_head_their_phrase(lint, text):
    assert lint(text, "MT502") == []


def test_a_number_opening_a_clause_still_needs_a_verb_to_pass(lint):
    text = "After the vote, two ballot were found in the box."
    assert quoted(text, lint(text, "MT502")) == ["two ballot"]


def test_a_noun_before_who_is_a_noun(lint):
    text = "The court acquitted two engineer who had signed the plans."
    assert quoted(text, lint(text, "MT502")) == ["two engineer"]


@pytest.mark.parametrize(
    "text",
    [
        "The gap between the rich and the poor students was wide.",
        "The contrast between the old and the new rules is stark.",
        "The mews is quiet, and their links is one of the oldest courses.",
    ],
)
def test_coordinated_noun_phrases_are_no_new_subject(lint, text):
    assert lint(text, "MT504") == []


def test_plural_in_ies_with_singular_verb(lint):
    text = "The companies has agreed to the terms."
    assert quoted(text, lint(text, "MT504")) == ["companies has"]


def test_article_before_an_english_word_after_a_capital(lint):
    text = "On Monday a Italian court ruled."
    assert quoted(text, lint(text, "MT501")) == ["a Italian"]


@pytest.mark.parametrize(
    ("text", "span", "fixed"),
    [
        ("In the months before his death he work an average of 11 hours a day.", "he work", "works"),
        ("She say the plan is sound.", "She say", "says"),
        ("Nobody knows if it go ahead next year.", "it go", "goes"),
        ("Officials said she try every door first.", "she try", "tries"),
    ],
)
def test_third_person_subject_with_a_bare_verb(lint, text, span, fixed):
    (finding,) = lint(text, "MT504")
    assert quoted(text, [finding]) == [span]
    assert finding.fix is not None and finding.fix.edits[0].content == fixed


@pytest.mark.parametrize(
    "text",
    [
        "Does he work late? The court insisted that he work fewer hours.",
        "The hard part was making it move safely, and I have never seen it come up so fast.",
        "He made it look possible, and she let it go quietly.",
        '"He come up to me in the yard," the witness said.',
        "It may seem odd, but he will leave soon.",
    ],
)
def test_bare_verbs_that_are_grammatical(lint, text):
    assert lint(text, "MT504") == []


@pytest.mark.parametrize(
    ("text", "span", "fixed"),
    [
        (
            "The new rates, which comes into force in January, apply for three years.",
            "rates, which comes",
            "come",
        ),
        ("The screens, which has never been shown abroad, are fragile.", "screens, which has", "have"),
        ("Its two sons, who lives in Lyon, agreed.", "sons, who lives", "live"),
    ],
)
def test_singular_verb_in_a_plural_subjects_relative_clause(lint, text, span, fixed):
    (finding,) = lint(text, "MT504")
    assert quoted(text, [finding]) == [span]
    assert finding.fix is not None and finding.fix.edits[0].content == fixed


@pytest.mark.parametrize(
    "text",
    [
        "The rates, which come into force in May, rose.",
        "Prices rose 5 percent, which is a record.",  # "which" refers to the whole clause
        "He visited three countries, which is a record.",
        "The results, which experts praised, were clear.",
    ],
)
def test_relative_clauses_that_agree(lint, text):
    assert lint(text, "MT504") == []


@pytest.mark.parametrize(
    ("text", "verb", "fixed"),
    [
        ("Last year the university has only 1,200 places.", "has", "had"),
        ("Yesterday, the council approves the budget.", "approves", None),
        ("Two days ago the ministries are silent.", "are", "were"),
        ("Last season the club carries its debt into the league.", "carries", None),
    ],
)
def test_present_tense_with_finished_time(lint, text, verb, fixed):
    text += " The rest of the paragraph follows."  # a caption's one sentence is left alone
    (finding,) = lint(text, "MT507")
    assert quoted(text, [finding]) == [verb]
    assert (finding.fix.edits[0].content if finding.fix else None) == fixed


@pytest.mark.parametrize(
    "text",
    [
        "Last year's champion is back, and last year the club had a new coach.",
        "Next year the council has a bigger budget; this year the council is broke.",
        "Last year the club has been relegated twice in a decade.",
        "Sales are up on last year and the price is higher than last month.",
        "The agency says the ministry paid the bill last year.",
        '"Last year the club has nothing," she said.',
        "Last week the council said it is in talks, and the farmers grow rice.",
        "Yesterday the air strikes hit targets. Last year the wage increases outpaced inflation.",
        "The photo shows the scene last night. He recalls the storm last year.",
        "Last year the ministry claims it processed 40,000 claims.",
    ],
)
def test_finished_time_traps(lint, text):
    assert lint(text, "MT507") == []


@pytest.mark.parametrize(
    ("word", "base", "ing"),
    [
        ("comes", "come", "coming"),
        ("carries", "carry", "carrying"),
        ("goes", "go", "going"),
        ("finishes", "finish", "finishing"),
        ("sees", "see", "seeing"),
        ("approves", "approve", "approving"),
    ],
)
def test_verb_base_and_ing(word, base, ing):
    from newslint.mt_lexicon import verb_base_and_ing

    assert verb_base_and_ing(word) == (base, ing)
