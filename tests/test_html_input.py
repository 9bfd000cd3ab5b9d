"""HTML input: only visible article text is linted, at the file's own lines and columns."""

from __future__ import annotations

from pathlib import Path

from newslint.builtin.html import parse_html
from newslint.diagnostics import Span
from newslint.document import Position

PAGE = """<!DOCTYPE html>
<html><head><title>Share this</title>
<script>var s = "Share this";</script><style>p::after { content: "Advertisement" }</style></head>
<body>
<nav><a href="/">Home</a> <a href="/next">Next article</a></nav>
<article>
<h1>Zoë’s caf&eacute; reopens</h1>
<p class="Share this" title="Advertisement">The caf&eacute; on Quay Street reopened on <b>Tuesday</b>.</p>
<p>Share this</p>
<div hidden>Hide caption</div>
<pre>Advertisement</pre>
<p>Hide
caption</p>
</article>
<footer>Privacy policy</footer>
</body></html>
"""


def test_view_keeps_offsets_and_hides_markup():
    doc = parse_html(PAGE)
    assert len(doc.text) == len(PAGE)
    assert doc.source == PAGE
    visible = [" ".join(doc.line_text(i).split()) for i in range(len(doc.lines)) if not doc.is_blank_line(i)]
    assert visible == [
        "Zoë’s café reopens",
        "The café on Quay Street reopened on Tuesday.",  # </b> no longer splits "Tuesday."
        "Share this",
        "Hide caption",
    ]
    # Every visible character sits at its own offset in the file.
    start = doc.text.index("Quay Street")
    assert PAGE[start : start + 11] == "Quay Street"


def test_references_inside_words_keep_the_words_whole(linter):
    html = "<article><p>The council&rsquo;s plan won&#8217;t pass, said caf&eacute; owners.</p></article>"
    doc = parse_html(html)
    assert [t.text for t in doc.tokens] == [
        "The",
        "council’s",
        "plan",
        "won’t",
        "pass",
        "said",
        "café",
        "owners",
    ]
    # The moved stretches are markup: nothing may start or end inside them, or edit them.
    word = doc.text.index("council’s")
    assert doc.cuts_markup(Span(word, word + 9))
    assert not doc.cuts_markup(Span(word, doc.text.index("plan")))


def test_inline_tags_inside_words_keep_the_words_whole():
    html = '<article><p>So said <a href="https://x.org/a">Mayor Ruiz</a>. It was re<b>mark</b>able.</p></article>'
    doc = parse_html(html)
    assert doc.text.split() == ["So", "said", "Mayor", "Ruiz.", "It", "was", "remarkable."]
    # "Mayor Ruiz" still ends at its own offset, before the moved ".".
    name = doc.text.index("Mayor")
    assert html[name : name + 10] == "Mayor Ruiz"
    assert not doc.cuts_markup(Span(name, name + 10))
    assert doc.cuts_markup(Span(name, name + 11))  # "Mayor Ruiz." ends in the moved stretch


def test_headings_come_from_h_tags():
    doc = parse_html(PAGE)
    assert [" ".join(doc[span].split()) for span in doc.headings] == ["Zoë’s café reopens"]
    assert doc.title_line is not None


def test_only_visible_article_text_is_flagged_at_source_positions(linter):
    findings = linter.lint_text(PAGE, Path("page.html"))
    doc = parse_html(PAGE)
    assert [(f.code, doc.position(f.span.start), PAGE[f.span.start : f.span.end]) for f in findings] == [
        ("SC102", Position(9, 4), "Share this"),
        ("SC101", Position(12, 4), "Hide\ncaption"),
    ]
    # Deleting the view's line would cut the <p> tags, so the fix deletes the element.
    from newslint.fixes import apply_fixes

    fixed = apply_fixes(PAGE, [f.fix for f in findings])
    assert fixed == PAGE.replace("<p>Share this</p>\n", "").replace("<p>Hide\ncaption</p>\n", "")


def test_fix_that_cannot_delete_a_whole_element_is_report_only(linter):
    html = "<article><p>Intro.</p><p>Hide caption <b>and</b></p></article>"
    # "Hide caption" shares its element with other words: the exact-string rule stays silent.
    assert [f for f in linter.lint_text(html, Path("a.html")) if f.code == "SC101"] == []
    html = "<article><p>Intro.</p>\n<p>Text, then<br>Hide caption<br>more.</p></article>"
    (finding,) = linter.lint_text(html, Path("a.html"))
    assert finding.fix is None and finding.message.endswith(
        "(fix by hand: an automatic fix would edit markup)"
    )


def test_inline_fix_inside_text_is_kept_and_lands_in_the_source():
    from newslint.diagnostics import Edit, Fix, Span, Violation
    from newslint.engine import _kept
    from newslint.fixes import apply_fixes

    html = "<article><p>The caf&eacute; opened on on Tuesday.</p></article>"
    doc = parse_html(html)
    start = doc.text.index("on on")
    fix = Fix.safe("Delete `on `", Edit.deletion(Span(start, start + 3)))
    end_tag = html.index("</p>")
    markup_only = Violation(Span(end_tag - 1, end_tag + 4), "Extra spaces")
    kept = list(_kept(doc, [Violation(Span(start, start + 5), "Doubled `on`", fix), markup_only]))
    assert len(kept) == 1
    assert kept[0].fix is not None
    assert apply_fixes(html, [kept[0].fix]) == "<article><p>The caf&eacute; opened on Tuesday.</p></article>"


def test_suppression_comments_work_in_html(linter):
    html = "<article>\n<p>Intro.</p>\n<!-- newslint: disable-next-line SC102 -->\n<p>Share this</p>\n</article>\n"
    assert linter.lint_text(html, Path("a.html")) == []
    assert [f.code for f in linter.lint_text(html.replace("SC102", "SC101"), Path("a.html"))] == ["SC102"]


def test_page_without_article_lints_the_body():
    doc = parse_html("<html><body><p>One.</p><p>Two.</p></body></html>")
    assert [doc.line_text(i).strip() for i in range(len(doc.lines)) if not doc.is_blank_line(i)] == [
        "One.",
        "Two.",
    ]


def test_broken_html_never_crashes(linter):
    for html in [
        "<p>Unclosed <b>bold",
        "</div></p>text",
        "<p>a &bogus; b &#99999999; c</p>",
        "<",
        "&",
        "",
        "<![Photo](p.jpg)",
    ]:
        doc = parse_html(html)
        assert len(doc.text) == len(html)
        linter.lint_text(html, Path("x.html"))


def test_the_article_is_the_largest_of_sibling_articles(linter):
    html = (
        "<main><article><h1>Bridge reopens after repairs</h1>\n"
        "<p>The bridge reopened on Monday after eight months of repairs to its deck.</p>\n"
        "<p>Hide caption</p></article>\n"
        "<aside><article><p>Share this</p></article><article><p>Advertisement</p></article></aside></main>"
    )
    # Only the main article is linted: the share bar and ad label in the sidebar are not seen.
    assert [f.code for f in linter.lint_text(html, Path("page.html")) if f.code.startswith("SC1")] == [
        "SC101"
    ]
