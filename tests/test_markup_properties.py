"""Properties of the Markdown and HTML views that must hold for any input."""

from __future__ import annotations

import itertools
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.builtin.html import parse_html
from newslint.builtin.markdown import parse_markdown

PIECES = st.sampled_from(
    [
        "Share this", "Hide caption", "The council met. ", "café ", "😊", "\n", "\n\n", "\r\n", " ", "> ", "# ",
        "- ", "`code`", "[link](https://x.org/a)", "![Photo](p.jpg)", "<!-- newslint: disable -->", "```\n",
        "---\n", "| a | b |\n", "<p>", "</p>", "<b>", "</b>", "<br>", "&amp;", "&rsquo;", "&#128512;",
        "<script>x</script>", "<div hidden>", "</div>", "<article>", "</article>", "<h2>", "</h2>", "<", "&",
    ]
)  # fmt: skip
TEXTS = st.lists(PIECES, max_size=40).map("".join)


def check_view(doc, text: str) -> None:
    assert doc.source == text
    assert len(doc.text) == len(text)
    # Line breaks of the source survive in the view only where the source has them.
    for index, char in enumerate(doc.text):
        if char in "\r\n" and doc.markup == "markdown":
            assert text[index] == char
    # Outside markup, every visible (non-space) character of the view is the file's own
    # at the same offset: that is what lets fixes land in the file.
    markup = {i for span in doc.inline_markup for i in range(span.start, span.end)}
    for index, char in enumerate(doc.text):
        if not char.isspace() and index not in markup:
            assert char == text[index]
    for regions in (doc.ignored, doc.inline_markup):
        assert list(regions) == sorted(regions)
        assert all(a.end <= b.start for a, b in itertools.pairwise(regions))


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_markdown_view_keeps_offsets(text):
    check_view(parse_markdown(text), text)


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_html_view_keeps_offsets(text):
    check_view(parse_html(text), text)


@settings(max_examples=100, deadline=None)
@given(TEXTS, st.sampled_from(["a.md", "a.html"]))
def test_linting_never_crashes_and_fixes_apply(linter, text, name):
    from newslint.diagnostics import Applicability
    from newslint.fixes import fix_until_stable

    findings = linter.lint_text(text, Path(name))
    assert all(f.code != "NL902" for f in findings)
    fix_until_stable(text, findings, lambda t: linter.lint_text(t, Path(name)), Applicability.UNSAFE)
