"""What every formatter receives: one report per file, then a run summary."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, TextIO

from newslint.diagnostics import Applicability, Finding
from newslint.document import Document, Position

if TYPE_CHECKING:
    from newslint.rules import Rule
    from newslint.score import ArticleScore


@dataclass(frozen=True, slots=True)
class FileReport:
    """The findings of one file, with the document they index (None if it was unreadable)."""

    path: str
    document: Document | None
    findings: Sequence[Finding]
    fixed: int = 0  # fixes applied to this file
    statistics: ArticleScore | None = None  # with --statistics: score and readability

    def positions(self, finding: Finding) -> tuple[Position, Position] | None:
        if finding.span is None or self.document is None:
            return None
        return self.document.position(finding.span.start), self.document.position(finding.span.end)


@dataclass(frozen=True, slots=True)
class Summary:
    files: int
    findings: int
    fixed: int
    safe_fixable: int
    unsafe_fixable: int
    fix_threshold: Applicability | None  # None when fixes were not applied


class Formatter:
    """Base class: override ``file`` and ``finish``; print only to ``self.stream``.

    Before the first file the caller passes every known rule to ``use_rules``, so a
    formatter can describe them (SARIF lists every rule with its docs); they are then in
    ``self.rules``, by code. Formatters that do not need them ignore them.
    """

    rules: Mapping[str, Rule] = MappingProxyType({})

    def __init__(self, stream: TextIO, *, color: bool = False, unsafe_fixes: bool = False) -> None:
        self.stream = stream
        self.color = color
        self.unsafe_fixes = unsafe_fixes

    def use_rules(self, rules: Iterable[Rule]) -> None:
        """Receive the metadata of every known rule (called once, before ``file``)."""
        self.rules = {item.code: item for item in rules}

    def file(self, report: FileReport) -> None:
        raise NotImplementedError

    def finish(self, summary: Summary) -> None:
        """Called once after every file."""
