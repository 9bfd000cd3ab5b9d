"""Suppression comments in Markdown and HTML; plain text ignores them."""

from __future__ import annotations

import textwrap

from newslint.app import Linter

LINTER = Linter(isolated=True, autoload=False)


def codes(text, name):
    from pathlib import Path

    return [
        (f.code, LINTER.parse(text, Path(name), LINTER.config_for(None)).position(f.span.start).line)
        for f in LINTER.lint_text(text, Path(name))
    ]


def test_disable_next_line():
    text = textwrap.dedent(
        """\
        <!-- newslint: disable-next-line SC101 reason="quoting the site's UI on purpose" -->
        Hide caption

        Hide caption
        """
    )
    assert codes(text, "story.md") == [("SC101", 4)]


def test_block_and_file_forms():
    text = textwrap.dedent(
        """\
        <!-- newslint: disable boilerplate -->
        Hide caption
        <!-- newslint: enable boilerplate -->

        Leave a Reply

        <!-- newslint: disable-file SC105 -->
        """
    )
    assert codes(text, "story.md") == []
    assert codes(text.replace("disable-file SC105", "disable-file SC2"), "story.md") == [("SC105", 5)]


def test_blanket_directive_and_plain_text():
    text = "<!-- newslint: disable-next-line -->\nHide caption\n"
    assert codes(text, "story.md") == []
    assert codes(text, "story.txt") == [("SC101", 2)]
