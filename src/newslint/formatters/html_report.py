"""``--format html``: one self-contained page that shows each article with its findings.

Findings are highlighted in the article by category colour. Each highlight is a
``<mark>`` that takes keyboard focus (``tabindex="0"``); on hover or focus a tooltip
shows the code, message and suggested fix, and ``aria-describedby`` points screen
readers at the same text in the findings list under the article. A legend and a
summary per category head the page. Styles are inline and there is no script, no font
and no image to fetch, so the page works offline and from an e-mail attachment.

Highlights nest when one finding lies inside another; a finding that partly overlaps
an earlier one cannot be drawn as a nested mark, so it is listed (marked "not
highlighted") but not drawn. Text and Markdown articles are shown as written; HTML
articles as their visible-text view, with the blanked markup collapsed to single
spaces. The article quality score has a marked slot (an HTML comment) in each
article's header, to fill when the score exists.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from html import escape
from typing import Any

from newslint import __version__
from newslint.diagnostics import Applicability, Category, Finding, Span
from newslint.formatters.base import FileReport, Formatter, Summary

# Light backgrounds (dark text stays readable) with a stronger underline of the same hue.
CATEGORY_COLOURS: dict[Category, tuple[str, str]] = {
    Category.BOILERPLATE: ("#ffe3b3", "#c77800"),
    Category.CAPTION: ("#ffd6e7", "#c2185b"),
    Category.DUPLICATE: ("#e1d5f5", "#6a3fb5"),
    Category.TEASER: ("#ffd1c7", "#d84315"),
    Category.FRAGMENT: ("#d7ecff", "#1565c0"),
    Category.ENCODING: ("#ffcdd2", "#c62828"),
    Category.JOIN: ("#d3f2e0", "#2e7d32"),
    Category.CAPITALIZATION: ("#fff3a8", "#9e8600"),
    Category.GARBLE: ("#f8d0f5", "#8e24aa"),
    Category.REPETITION: ("#cfeff0", "#00838f"),
    Category.HONORIFIC: ("#e9e1d0", "#795548"),
    Category.AGREEMENT: ("#dde6c9", "#558b2f"),
    Category.NAME_CONSISTENCY: ("#d9def7", "#3949ab"),
    Category.SPUN_PHRASE: ("#ffe0cc", "#e65100"),
    Category.PRONOUN: ("#e6d9ff", "#5e35b1"),
    Category.UNTRANSLATED: ("#d0f0f7", "#0277bd"),
    Category.GRAMMAR: ("#e8f5c8", "#689f38"),
    Category.SPELLING: ("#fcd9d9", "#b71c1c"),
    Category.READABILITY: ("#e3e3e3", "#616161"),
    Category.STYLE: ("#eee3f7", "#7b1fa2"),
    Category.ERROR: ("#f2f2f2", "#000000"),
}

STYLE = """
:root { color-scheme: light; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1b1b1b; margin: 0 auto;
  max-width: 52rem; padding: 1rem 1.5rem 4rem; }
h1 { font-size: 1.5rem; margin-bottom: .25rem; }
h2 { font-size: 1.15rem; margin: 2.5rem 0 .5rem; word-break: break-all; }
.meta { color: #555; margin-top: 0; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
th, td { border-bottom: 1px solid #ddd; padding: .25rem .75rem; text-align: left; }
td.count { text-align: right; font-variant-numeric: tabular-nums; }
.legend { display: flex; flex-wrap: wrap; gap: .5rem 1rem; padding: 0; list-style: none; }
.swatch { display: inline-block; width: 1rem; height: 1rem; vertical-align: -.15rem; margin-right: .35rem;
  border-bottom: 3px solid; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; font-family: Georgia, "Times New Roman", serif;
  font-size: 1.05rem; line-height: 1.7; border: 1px solid #ddd; border-radius: 6px; padding: 1rem 1.25rem; }
mark.finding { position: relative; color: inherit; border-bottom: 3px solid; border-radius: 2px; cursor: help; }
mark.finding:focus { outline: 3px solid #1a73e8; outline-offset: 1px; }
mark.finding.empty::before { content: "\\2038"; font-weight: bold; }
mark.finding:hover::after, mark.finding:focus::after {
  content: attr(data-tip); position: absolute; left: 0; top: calc(100% + 4px); z-index: 10;
  width: max-content; max-width: min(28rem, 80vw); white-space: pre-line; font: 14px/1.4 system-ui, sans-serif;
  background: #222; color: #fff; padding: .5rem .65rem; border-radius: 4px; box-shadow: 0 2px 8px #0004; }
ol.findings { padding-left: 1.5rem; }
ol.findings li { margin: .35rem 0; }
ol.findings code { font-weight: 600; }
.where { color: #555; font-variant-numeric: tabular-nums; }
.fix { color: #2e5e2e; }
.clean { color: #2e7d32; }
"""


def _colour_rules() -> str:
    return "\n".join(
        f"mark.cat-{cat.value} {{ background: {light}; border-bottom-color: {dark}; }}\n"
        f".swatch.cat-{cat.value} {{ background: {light}; border-bottom-color: {dark}; }}"
        for cat, (light, dark) in CATEGORY_COLOURS.items()
    )


def fix_label(finding: Finding) -> str:
    if finding.fix is None:
        return ""
    safety = {
        Applicability.SAFE: "safe, applied by --fix",
        Applicability.UNSAFE: "unsafe, applied by --fix --unsafe-fixes",
        Applicability.DISPLAY_ONLY: "suggestion only",
    }[finding.fix.applicability]
    return f"{finding.fix.title} ({safety})"


def _collapse(text: str) -> str:
    """Shrink the blanked markup of an HTML view to single spaces and blank lines."""
    text = re.sub(r"[ \t\u00a0]{2,}", " ", text)
    return re.sub(r"\n[ \t]*(?:\n[ \t]*)+", "\n\n", text)


def drawable(findings: Sequence[Finding]) -> list[tuple[int, Finding, Span]]:
    """Return (index, finding, span) for the findings that nest as marks, in drawing order."""
    ordered = sorted(
        ((i, f, f.span) for i, f in enumerate(findings) if f.span is not None),
        key=lambda item: (item[2].start, -item[2].end, item[0]),
    )
    kept: list[tuple[int, Finding, Span]] = []
    open_ends: list[int] = []
    for index, finding, span in ordered:
        while open_ends and open_ends[-1] <= span.start:
            open_ends.pop()
        if open_ends and span.end > open_ends[-1]:
            continue  # crosses an open mark: cannot nest
        kept.append((index, finding, span))
        open_ends.append(span.end)
    return kept


class HtmlReportFormatter(Formatter):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.reports: list[FileReport] = []

    def file(self, report: FileReport) -> None:
        self.reports.append(report)

    def finish(self, summary: Summary) -> None:
        findings = [f for report in self.reports for f in report.findings]
        counts = Counter(f.category for f in findings)
        fixable = Counter(f.category for f in findings if f.fix is not None)
        parts = [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            "<title>newslint report</title>",
            f"<style>{STYLE}{_colour_rules()}</style>",
            "</head>",
            "<body>",
            "<header>",
            "<h1>newslint report</h1>",
            f'<p class="meta">{len(self.reports)} {_plural(len(self.reports), "article")}, '
            f"{len(findings)} {_plural(len(findings), 'finding')} · newslint {escape(__version__)}</p>",
            "</header>",
        ]
        parts += self._summary(counts, fixable)
        for number, report in enumerate(self.reports, 1):
            parts += self._article(number, report)
        parts += ["</body>", "</html>"]
        self.stream.write("\n".join(parts) + "\n")

    def _summary(self, counts: Counter[Category], fixable: Counter[Category]) -> list[str]:
        if not counts:
            return ['<p class="clean">No findings.</p>']
        rows = [
            f'<tr><td><span class="swatch cat-{cat.value}" aria-hidden="true"></span>{escape(cat.value)}</td>'
            f'<td class="count">{counts[cat]}</td><td class="count">{fixable[cat]}</td></tr>'
            for cat in sorted(counts, key=lambda c: (-counts[c], c.value))
        ]
        legend = [
            f'<li><span class="swatch cat-{cat.value}" aria-hidden="true"></span>{escape(cat.value)}</li>'
            for cat in sorted(counts, key=lambda c: c.value)
        ]
        return [
            '<section aria-labelledby="summary">',
            '<h2 id="summary">Summary by category</h2>',
            '<table class="summary"><thead><tr><th scope="col">Category</th><th scope="col">Findings</th>'
            '<th scope="col">With a fix</th></tr></thead><tbody>',
            *rows,
            "</tbody></table>",
            '<h2 id="legend">Legend</h2>',
            '<ul class="legend" aria-labelledby="legend">',
            *legend,
            "</ul>",
            "</section>",
        ]

    def _article(self, number: int, report: FileReport) -> list[str]:
        head = [
            f'<section class="article" id="article-{number}" aria-labelledby="article-{number}-title">',
            f'<h2 id="article-{number}-title">{escape(report.path)}</h2>',
            f'<p class="meta">{len(report.findings)} {_plural(len(report.findings), "finding")}</p>',
            "<!-- ARTICLE SCORE SLOT: reserved for the article quality score (not built yet). -->",
        ]
        marks = drawable(report.findings)
        drawn = {index for index, _, _ in marks}
        body = []
        if report.document is not None:
            body.append(f'<div class="text" lang="en">{self._text(number, report, marks)}</div>')
        items = []
        for index, finding in enumerate(report.findings):
            positions = report.positions(finding)
            where = f"{positions[0].line}:{positions[0].column}" if positions else "file"
            fix = fix_label(finding)
            anchor = f' href="#f-{number}-{index}"' if index in drawn else ""
            code = (
                f"<a{anchor}><code>{escape(finding.code)}</code></a>"
                if anchor
                else f"<code>{escape(finding.code)}</code>"
            )
            note = (
                ""
                if index in drawn or finding.span is None
                else " <em>(overlaps another finding; not highlighted)</em>"
            )
            items.append(
                f'<li id="d-{number}-{index}"><span class="swatch cat-{finding.category.value}" aria-hidden="true"></span>'
                f'<span class="where">{where}</span> {code} {escape(finding.message)}'
                + (f' <span class="fix">Fix: {escape(fix)}</span>' if fix else "")
                + f"{note}</li>"
            )
        listing = (
            [f'<ol class="findings">{"".join(items)}</ol>']
            if items
            else ['<p class="clean">No findings.</p>']
        )
        return [*head, *body, *listing, "</section>"]

    def _text(self, number: int, report: FileReport, marks: list[tuple[int, Finding, Span]]) -> str:
        assert report.document is not None
        # HTML: the visible-text view; other markup: the file as written (same offsets).
        html = report.document.markup == "html"
        text = report.document.text if html else report.document.source_text
        clean = _collapse if html else (lambda s: s)
        out: list[str] = []
        open_ends: list[int] = []
        cursor = 0

        def emit(end: int) -> None:
            nonlocal cursor
            out.append(escape(clean(text[cursor:end]), quote=False))
            cursor = end

        for index, finding, span in marks:
            while open_ends and open_ends[-1] <= span.start:
                emit(open_ends.pop())
                out.append("</mark>")
            emit(span.start)
            out.append(self._mark(number, index, finding, span))
            open_ends.append(span.end)
        while open_ends:
            emit(open_ends.pop())
            out.append("</mark>")
        emit(len(text))
        return "".join(out)

    @staticmethod
    def _mark(number: int, index: int, finding: Finding, span: Span) -> str:
        tip = f"{finding.code} {finding.rule}\n{finding.message}"
        fix = fix_label(finding)
        if fix:
            tip += f"\nFix: {fix}"
        classes = f"finding cat-{finding.category.value} sev-{finding.severity.label}" + (
            " empty" if not len(span) else ""
        )
        return (
            f'<mark class="{classes}" id="f-{number}-{index}" tabindex="0" '
            f'data-code="{escape(finding.code)}" data-category="{finding.category.value}" '
            f'data-tip="{escape(tip)}" aria-describedby="d-{number}-{index}">'
        )


def _plural(count: int, noun: str) -> str:
    return noun if count == 1 else noun + "s"
