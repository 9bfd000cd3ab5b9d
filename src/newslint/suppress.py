"""Suppression comments in Markdown and HTML articles.

``<!-- newslint: disable-next-line SC601 -->`` silences the next non-blank line,
``<!-- newslint: disable MT101 -->`` ... ``<!-- newslint: enable MT101 -->`` a block,
and ``<!-- newslint: disable-file SC2 -->`` the whole file. Targets are codes, prefixes,
rule names or categories; with no target a directive silences every rule. Plain-text
articles have no comment syntax, so they use ``per-file-ignores`` instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from newslint.diagnostics import Finding, Span
from newslint.document import Document

DIRECTIVE_RE = re.compile(
    r"<!--\s*newslint:\s*(disable-next-line|disable-file|disable|enable)\b([^>]*?)-->", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Directive:
    action: str
    targets: tuple[str, ...]
    span: Span


def directives(text: str) -> Iterator[Directive]:
    for match in DIRECTIVE_RE.finditer(text):
        raw = re.sub(r'reason\s*=\s*"[^"]*"', "", match.group(2))
        targets = tuple(t for t in re.split(r"[\s,]+", raw.strip()) if t)
        yield Directive(match.group(1).lower(), targets, Span(match.start(), match.end()))


def _matches(targets: tuple[str, ...], finding: Finding) -> bool:
    if not targets:
        return True
    return any(
        t in (finding.code, finding.rule, finding.category.value)
        or (t.isupper() and finding.code.startswith(t))
        for t in targets
    )


def suppressed_ranges(document: Document) -> list[tuple[Span, tuple[str, ...]]]:
    """Return (span, targets) for every region a directive silences."""
    ranges: list[tuple[Span, tuple[str, ...]]] = []
    open_blocks: dict[tuple[str, ...], int] = {}
    end = len(document.text)
    for directive in directives(document.source_text):
        if directive.action == "disable-file":
            ranges.append((Span(0, end), directive.targets))
        elif directive.action == "disable-next-line":
            index = document.line_index(directive.span.end) + 1
            while index < len(document.lines) and document.is_blank_line(index):
                index += 1
            if index < len(document.lines):
                ranges.append((document.lines[index], directive.targets))
        elif directive.action == "disable":
            open_blocks.setdefault(directive.targets, directive.span.end)
        elif directive.targets in open_blocks:
            ranges.append((Span(open_blocks.pop(directive.targets), directive.span.start), directive.targets))
    ranges.extend((Span(start, end), targets) for targets, start in open_blocks.items())
    return ranges


def apply_suppressions(document: Document, findings: Sequence[Finding]) -> list[Finding]:
    """Drop findings that a directive in ``document`` silences (file errors are never silenced)."""
    if document.markup == "text" or "newslint:" not in document.source_text:
        return list(findings)
    ranges = suppressed_ranges(document)
    kept = []
    for finding in findings:
        span = finding.span
        if span is not None and any(
            region.start <= span.start and span.end <= region.end and _matches(targets, finding)
            for region, targets in ranges
        ):
            continue
        kept.append(finding)
    return kept
