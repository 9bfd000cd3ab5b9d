"""Pronoun (MT801): "he said" after a woman named as the speaker, and the traps that are not errors."""

from __future__ import annotations

import pytest

FLAGGED = [
    (
        "Analysts doubt the deal, said Jenny Towne, a director at the institute.\n\n"
        "Still, the two may need each other, Towne said.\n\n“Nobody is ready,” he said.\n",
        "he",
        "she",
    ),
    (
        "Pilar Azcona runs the cooperative. Azcona said the aid would help.\n"
        "He said the group would ask for a delay.\n",
        "He",
        "She",
    ),
    ("Dr. Harriet Nguyen runs the ward. Nguyen said he had treated a man for hours.\n", "he", "she"),
    (
        "“We are calm,” said Herr Bernd Vogel, the club’s president. “We will wait,” she added.\n",
        "she",
        "he",
    ),
    (
        "The stadium will reopen in May, sporting director Katrin Vogel said. He added that tickets "
        "would go on sale soon.\n",
        "He",
        "She",
    ),
]

SILENT = {
    "ambiguous-first-name": "Dr. Jean Arsenault arrived in 2002. “I stayed,” Arsenault said. "
    "“The water came,” he said.\n",
    "ambiguous-nurse": "“He kept saying he was fine,” said Dominique Cormier. “He was grey,” she said.\n",
    "lifeboat": "The lifeboat Grace Darling left at dawn, said Captain Tom Reed. She was back by noon, "
    "and she said nothing, he joked.\n",
    "generic-his-in-quote": "“A voter should not lose his voice because his hand shook,” said Ana "
    "Magalhães. Magalhães said she would appeal.\n",
    "singular-themselves": "Dr. Marianne Leblanc said a younger doctor should come and see the village "
    "for themselves. “It is beautiful,” she said.\n",
    "shared-surname": "Helen Park and Daniel Park disagree. “It is full,” Park said. “Build more,” he "
    "said.\n",
    "husband-in-between": "“It was hard,” said Jenny Towne. Her husband, Paul Towne, agreed. “We "
    "waited,” he said.\n",
    "man-in-between": "Maria Lopez said her neighbour had lost his barn.\n\n“It is gone,” he said.\n",
    "speaker-far-back": "Maria Lopez said the barn was gone.\n\nThe county opened a shelter.\n\n"
    "Officials met on Friday.\n\n“It is full,” he said.\n",
    "correct-pronouns": "Ingrid Solberg led the study. Solberg said the ice was thin. “It is going,” "
    "she said. Henrik Aasgaard agreed. “We measure it,” he said.\n",
    "place-with-first-name": "The choir of Grace Church said in a statement that the concert would go "
    "ahead. “We are delighted,” he said.\n",
    "unnamed-speaker-between": "Jenny Towne said prices had risen.\n\n“We lost everything,” said "
    "one farmer. “Nothing is left,” he said.\n",
    "reported-speaker": "Paul Reed said Jenny Towne had told the council about the plan.\n\n"
    "“It was never going to work,” he said.\n",
    "pronoun-inside-quote": "“He said he would come,” said Jenny Towne. “He never did.”\n",
}


@pytest.mark.parametrize("text, found, expected", FLAGGED, ids=[f"case{i}" for i in range(len(FLAGGED))])
def test_flags_pronoun_that_contradicts_speaker(lint, text, found, expected):
    findings = lint(text, "MT8")
    assert [text[f.span.start : f.span.end] for f in findings] == [found]
    assert findings[0].fix is not None and findings[0].fix.edits[0].content == expected


@pytest.mark.parametrize("name", sorted(SILENT))
def test_traps_stay_silent(lint, name):
    assert lint(SILENT[name], "MT8") == []


def test_misspelled_surname_still_finds_the_speaker(lint):
    text = (
        "“We decided with a heavy heart,” sporting director Katrin Schäfer said.\n\n"
        "The coach will be named soon, Schaefer said. He added that the club was calm.\n"
    )
    findings = lint(text, "MT8")
    assert [text[f.span.start : f.span.end] for f in findings] == ["He"]
    assert "Schaefer" in findings[0].message
