"""The Document: positions, lines, paragraphs, sentences, quotes, headings, datelines."""

from __future__ import annotations

import textwrap

import pytest

from newslint import segment
from newslint.diagnostics import Span
from newslint.document import WORD_RE, Document, Token


def sentences(text):
    doc = Document(text=text)
    return [doc[s] for s in doc.sentences]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The U.S. Army said so. It left.",
            ["The U.S. Army said so.", "It left."],
        ),
        (
            "Dr. Amina Yusuf spoke on Jan. 5 in St. Louis. She left at 10 p.m. The hall emptied.",
            ["Dr. Amina Yusuf spoke on Jan. 5 in St. Louis.", "She left at 10 p.m.", "The hall emptied."],
        ),
        ("J. K. Rowling wrote it. Then she rested.", ["J. K. Rowling wrote it.", "Then she rested."]),
        (
            '"We listened." The board agreed. "Did it work?" she asked.',
            ['"We listened."', "The board agreed.", '"Did it work?" she asked.'],
        ),
        ("Results came in at 9 p.m. on Tuesday.", ["Results came in at 9 p.m. on Tuesday."]),
    ],
    ids=["us-abbreviation", "titles-months-pm", "initials", "quotes", "pm-mid-sentence"],
)
def test_sentences(text, expected):
    assert sentences(text) == expected


def test_positions_count_code_points_and_all_line_breaks():
    doc = Document(text="Café\r\nnaïve – ok\rend\n")
    assert [doc[s] for s in doc.lines] == ["Café", "naïve – ok", "end", ""]
    assert doc.position(0).line == 1
    offset = doc.text.index("ok")
    assert (doc.position(offset).line, doc.position(offset).column) == (2, 9)
    assert doc.position(doc.text.index("end")).line == 3


ARTICLE = textwrap.dedent(
    """\
    in

    Council backs new cycle lanes for the harbour

    EASTPORT, Maine – The council voted on Tuesday. “It is overdue,” Ferraro said.

    Why the plan changed

    Budget figures
    Cost: 4 million dollars
    Length: 3 kilometres

    Background

    The plan was first proposed in 2019.
    """
)


def test_structure():
    doc = Document(text=ARTICLE)
    headings = [doc.line_text(i) for i in sorted(doc.heading_lines)]
    assert headings == ["Council backs new cycle lanes for the harbour", "Why the plan changed", "Background"]
    assert doc.title_line == 2
    assert [doc[s] for s in doc.datelines] == ["EASTPORT, Maine – "]
    assert [doc[q] for q in doc.quotes] == ["“It is overdue,”"]
    assert sorted(doc.list_lines) == [8, 9, 10]
    quote = doc.quotes[0]
    assert doc.in_quote(Span(quote.start + 1, quote.start + 3))
    assert not doc.in_quote(Span(0, 2))


def test_unclosed_quote_runs_to_paragraph_end():
    doc = Document(text='He said: "It is done.\n\nNext paragraph.')
    assert [doc[q] for q in doc.quotes] == ['"It is done.']


def test_line_with_break_leaves_no_double_gap():
    doc = Document(text="A.\n\nJunk\n\nB.\n\nTail junk\n")
    assert (
        doc.text[: doc.line_with_break(2).start] + doc.text[doc.line_with_break(2).end :]
        == "A.\n\nB.\n\nTail junk\n"
    )
    tail = doc.line_with_break(6)
    assert doc.text[: tail.start] + doc.text[tail.end :] == "A.\n\nJunk\n\nB.\n"


@pytest.mark.parametrize(
    ("index", "left"),
    [
        (0, "Credit\nJunk\n\nB.\n"),  # first of a block: up to the next line
        (1, "Head\nJunk\n\nB.\n"),  # inside a block
        (2, "Head\nCredit\n\nB.\n"),  # last of a block: the block keeps its gap
    ],
)
def test_line_with_break_in_a_block_keeps_the_gap_after_it(index, left):
    doc = Document(text="Head\nCredit\nJunk\n\nB.\n")
    span = doc.line_with_break(index)
    assert doc.text[: span.start] + doc.text[span.end :] == left


def test_ignored_regions():
    doc = Document(text="abc def ghi", ignored=(Span(4, 7),))
    assert doc.is_ignored(Span(4, 5))
    assert doc.is_ignored(Span(2, 5))
    assert not doc.is_ignored(Span(0, 3))
    assert not doc.is_ignored(Span(8, 11))


def test_fast_built_structure_equals_plain_construction():
    text = "Dr. Ann Lee said “yes.” Then she left!\r\nA  second line.\n\nNew “open quote\n\u00e9t\u00e9 42,000 O’Brien"
    doc = Document(text)
    assert [Span(t.start, t.end) for t in doc.tokens] == [t.span for t in doc.tokens]
    assert [(t.start, t.end, t.text) for t in doc.tokens] == [
        (m.start(), m.end(), m.group()) for m in WORD_RE.finditer(text)
    ]
    assert all(type(t) is Token for t in doc.tokens)
    for spans in (doc.lines, doc.sentences, doc.quotes):
        assert spans and all(type(s) is Span and 0 <= s.start <= s.end <= len(text) for s in spans)
        assert [Span(s.start, s.end) for s in spans] == list(spans)
    assert [(s.start, s.end) for s in doc.lines] == segment.line_spans(text)


def test_dateline_prefilter_agrees_with_the_plain_match():
    import random
    import re

    plain = re.compile(segment._DATELINE, re.VERBOSE)
    pieces = [
        "SEOUL",
        "Seoul",
        "NEW YORK",
        ",",
        " ",
        "South",
        "Korea",
        "(AFP)",
        "–",
        "—",
        "-",
        "--",
        "a",
        "É",
        "'",
        ".",
    ]
    rng = random.Random(7)
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 7))) + " The news."
        match = plain.match(text)
        letters = [c for c in match.group(0).split(",")[0] if c.isalpha()] if match else []
        expected = match.end() if match and len(letters) >= 2 and all(c.isupper() for c in letters) else 0
        assert segment.dateline_length(text) == expected, text
