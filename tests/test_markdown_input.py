"""Markdown input: only prose is linted, offsets are the file's, fixes keep the Markdown valid."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.builtin.markdown import parse_markdown
from newslint.diagnostics import Applicability
from newslint.document import Position
from newslint.fixes import fix_until_stable

POST = """---
title: Share this
---

# Café owners fight new rates

Share this

The council voted on Tuesday. See `Share this` and [the report](https://example.com/share-this "Share this").

![Hide caption](/img/Hide-caption.jpg)

```
Share this
```

    Share this

| Item | Cost |
|------|------|
| Advertisement | 0 |

<!-- Share this -->

[ref]: https://example.com/Share-this

Setext heading
--------------
"""


def source(doc, spans):
    return [doc.source_text[span.start : span.end] for span in spans]


def test_non_prose_regions_are_ignored():
    doc = parse_markdown(POST)
    ignored = source(doc, doc.ignored)
    assert ignored == [
        "---\ntitle: Share this\n---",
        "```\nShare this\n```",
        "    Share this",
        "| Item | Cost |\n|------|------|\n| Advertisement | 0 |",
        "<!-- Share this -->",
        "[ref]: https://example.com/Share-this",
        "--------------",
    ]
    assert source(doc, doc.inline_markup) == [
        "# ",
        "`Share this`",
        "[",
        '](https://example.com/share-this "Share this")',
        "![Hide caption](/img/Hide-caption.jpg)",
    ]


def test_view_blanks_inline_markup_and_keeps_offsets():
    doc = parse_markdown(POST)
    assert len(doc.text) == len(POST) and doc.source == POST
    sentence = doc.text.index("The council")
    assert doc.text[sentence : doc.text.index("\n", sentence)].split() == [
        "The", "council", "voted", "on", "Tuesday.", "See", "and", "the", "report", ".",
    ]  # fmt: skip
    # A line that is only markup stays as written, so no rule reads its alt text alone.
    assert "![Hide caption](/img/Hide-caption.jpg)" in doc.text
    assert doc.line_text(4) == "  Café owners fight new rates"


def test_quotes_and_headings_are_read_without_their_markers(linter):
    text = "Intro.\n\n> “Quoted,” she said.\n>\n> Hide caption\n\n## Share this\n\nEnd.\n"
    findings = linter.lint_text(text, Path("a.md"))
    assert [(f.code, text[f.span.start : f.span.end]) for f in findings] == [
        ("SC101", "Hide caption"),
        ("SC102", "Share this"),
    ]
    outcome = fix_until_stable(
        text, findings, lambda t: linter.lint_text(t, Path("a.md")), Applicability.SAFE
    )
    assert outcome.text == "Intro.\n\n> “Quoted,” she said.\n>\nEnd.\n"


def test_headings_are_document_headings():
    doc = parse_markdown(POST)
    assert [doc[span] for span in doc.headings] == ["Café owners fight new rates", "Setext heading"]
    assert doc.title_line == 4  # the front matter block is not the title
    assert doc.heading_lines == frozenset({4, 26})


def test_only_prose_is_flagged_at_file_positions(linter):
    findings = linter.lint_text(POST, Path("post.md"))
    doc = parse_markdown(POST)
    assert [(f.code, doc.position(f.span.start)) for f in findings] == [("SC102", Position(7, 1))]


def test_same_text_as_plain_text_is_flagged_everywhere(linter):
    # The control: without the Markdown parser, the code and front matter are flagged too.
    assert len(linter.lint_text(POST, Path("post.txt"))) > 1


def test_non_ascii_offsets_stay_on_the_source_line(linter):
    text = "# Zoë’s café 🎉\n\nÜber 😊 alles.\n\nHide caption\n"
    finding = linter.lint_text(text, Path("a.md"))[0]
    doc = parse_markdown(text)
    assert doc[finding.span] == "Hide caption"
    assert doc.position(finding.span.start) == Position(5, 1)


def test_fix_deletes_whole_lines_and_keeps_markdown(linter):
    text = "Intro line.\n\nShare this\n```\ncode\n```\n\nREAD MORE: [Other](https://x.org/a)\n"
    findings = linter.lint_text(text, Path("a.md"))
    outcome = fix_until_stable(
        text, findings, lambda t: linter.lint_text(t, Path("a.md")), Applicability.UNSAFE
    )
    assert outcome.text == "Intro line.\n\n```\ncode\n```\n"


def test_fix_that_would_cut_markup_is_dropped():
    from newslint.diagnostics import Edit, Fix, Span, Violation
    from newslint.engine import MARKUP_NOTE, _kept

    text = "See [the report](https://example.com/x) today.\n"
    doc = parse_markdown(text)
    start = text.index("report")
    cut = Violation(
        Span(start, start + 6),
        "Bad `report`",
        Fix.safe("Delete", Edit.deletion(Span(start, text.index("x)")))),
    )
    whole = Violation(Span(0, 3), "Bad `See`", Fix.safe("Delete", Edit.deletion(Span(0, len(text)))))
    inside = Violation(Span(text.index("example"), text.index("example") + 7), "In a URL")
    kept = list(_kept(doc, [cut, whole, inside]))
    assert [v.fix for v in kept] == [None, whole.fix]
    assert kept[0].message == "Bad `report`" + MARKUP_NOTE


@pytest.mark.parametrize(
    "directive", ["disable-next-line SC102", "disable-next-line share-prompt", "disable"]
)
def test_suppression_comments_work(linter, directive):
    text = f"Intro.\n\n<!-- newslint: {directive} -->\nShare this\n"
    assert linter.lint_text(text, Path("a.md")) == []


def test_crlf_files_keep_their_lines(linter):
    text = "---\r\ntitle: x\r\n---\r\n\r\n# Title here now\r\n\r\nShare this\r\n"
    doc = parse_markdown(text)
    assert [doc[s] for s in doc.headings] == ["Title here now"]
    finding = linter.lint_text(text, Path("a.md"))[0]
    assert doc.position(finding.span.start) == Position(7, 1)


@pytest.mark.parametrize(
    ("line", "view"),
    [
        ("*The crane, pictured in May. Photo: Jane Doe*", " The crane, pictured in May. Photo: Jane Doe "),
        ("**By Aoife Ní Bhriain**", "  By Aoife Ní Bhriain  "),
        ("> _Quoted caption_", "   Quoted caption "),
        ("*a* and *b*", "*a* and *b*"),  # not one emphasis: left alone
        ("_snake_case_", "_snake_case_"),
        ("Text with *stress* inside.", "Text with *stress* inside."),
    ],
)
def test_a_line_that_is_emphasis_whole_is_read_without_its_delimiters(line, view):
    assert parse_markdown(f"Intro.\n\n{line}\n").line_text(2) == view


def test_list_item_of_site_chrome_is_flagged_and_its_item_deleted(linter):
    text = (
        "# Rates rise\n\nThe council voted on Tuesday.\n\n- Share this\n- Facebook\n\nShops closed early.\n"
    )
    findings = linter.lint_text(text, Path("a.md"))
    assert [(f.code, text[f.span.start : f.span.end]) for f in findings] == [
        ("SC102", "Share this"),
        ("SC102", "Facebook"),
    ]
    assert all(f.fix is not None and f.fix.applicability is Applicability.UNSAFE for f in findings)
    fixed = fix_until_stable(
        text, findings, lambda t: linter.lint_text(t, Path("a.md")), Applicability.UNSAFE
    )
    assert fixed.text == "# Rates rise\n\nThe council voted on Tuesday.\n\nShops closed early.\n"
