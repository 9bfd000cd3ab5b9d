"""How ``--statistics`` shows an article's score and readability in text and JSON output.

JSON stays one flat array of findings (the contract ``score.py`` and other consumers read):
the statistics of each article are one extra object in that array, shaped like a finding so
that consumers iterating findings do not break, with code ``RD000``, rule
``article-statistics``, category ``readability``, severity ``info``, a span covering the
whole text, no fix, and the figures under the added key ``statistics``. They appear only
with ``--statistics``, so the default output is unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newslint.document import Document
    from newslint.score import ArticleScore

STATISTICS_CODE = "RD000"
STATISTICS_RULE = "article-statistics"


def statistics_message(scored: ArticleScore) -> str:
    article = scored.readability.article
    return (
        f"Quality score {scored.score:.1f}/100; Flesch reading ease "
        f"{article.flesch_reading_ease:.1f}, grade {article.grade_level:.1f}"
    )


def statistics_text(path: str, document: Document, scored: ArticleScore) -> str:
    """A short block for the text output: score, readability and sentence lengths."""
    readability = scored.readability
    article = readability.article
    lengths = readability.sentence_lengths
    longest = ""
    if lengths.longest_span is not None:
        longest = f" (line {document.position(lengths.longest_span.start).line})"
    return (
        f"{path}: quality score {scored.score:.1f}/100 (findings {scored.findings_score:.1f}, "
        f"readability {scored.readability_score:.1f})\n"
        f"  {article.words} words, {article.sentences} sentences, {len(readability.paragraphs)} paragraphs; "
        f"Flesch reading ease {article.flesch_reading_ease:.1f}, grade {article.grade_level:.1f}\n"
        f"  sentence length in words: mean {lengths.mean:.1f}, median {lengths.median:g}, "
        f"90th percentile {lengths.p90:g}, longest {lengths.longest}{longest}\n"
    )


def statistics_object(path: str, document: Document, scored: ArticleScore) -> dict[str, Any]:
    """The JSON array element holding one article's statistics."""
    end = document.position(len(document.text))
    return {
        "path": path,
        "code": STATISTICS_CODE,
        "rule": STATISTICS_RULE,
        "category": "readability",
        "severity": "info",
        "message": statistics_message(scored),
        "line": 1,
        "column": 1,
        "end_line": end.line,
        "end_column": end.column,
        "start": 0,
        "end": len(document.text),
        "fix": None,
        "statistics": scored.as_dict(document),
    }


@dataclass
class ScoreTally:
    """The run's scores, for one summary line when more than one article was scored."""

    scores: list[tuple[float, str]] = field(default_factory=list)

    def add(self, path: str, score: float) -> None:
        self.scores.append((score, path))

    def summary(self) -> list[str]:
        if len(self.scores) < 2:
            return []
        mean = sum(s for s, _ in self.scores) / len(self.scores)
        lowest, path = min(self.scores)
        return [
            f"Quality score: mean {mean:.1f} over {len(self.scores)} articles; lowest {lowest:.1f} ({path})."
        ]
