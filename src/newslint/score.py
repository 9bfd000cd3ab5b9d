"""One 0-100 quality score per article, from its findings and its readability.

The formula (docs/score.md explains the choices):

- words ``W``: the body's word count, but at least ``MIN_WORDS`` so that one finding in a
  three-line text does not sink it;
- weight of a finding = severity weight (info 1, warning 2, error 3) x category weight
  (damage categories 1.0; grammar 0.75; spelling, readability 0.5; style 0.25); findings
  of category ``error`` (the run itself: NL9xx) do not count;
- density ``D`` = 1000 x (sum of weights) / W, the weighted findings per 1,000 words;
- findings score ``F`` = 100 x exp(-D / DENSITY_SCALE);
- readability score ``R`` = 100 x min(1, max(0, FRE) / EASE_FLOOR) - RUN_ON_PENALTY x (sentences
  over RUN_ON_WORDS words), floored at 0, where FRE is the Flesch reading ease: any article
  at or above the floor of 30 (college-level prose) gets full marks, so hard but edited
  copy loses nothing;
- score ``S`` = FINDINGS_SHARE x F + (1 - FINDINGS_SHARE) x R, rounded to one decimal.

A clean article with no findings and FRE >= 30 scores 100. Every finding lowers the score,
more for higher severity and damage categories; the score never rises with a finding.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from newslint.diagnostics import Category, Finding, Severity
from newslint.document import Document
from newslint.readability import Readability, measure

MIN_WORDS = 250
DENSITY_SCALE = 40.0
EASE_FLOOR = 30.0
RUN_ON_WORDS = 60
RUN_ON_PENALTY = 10.0
FINDINGS_SHARE = 0.9

SEVERITY_WEIGHTS: Mapping[Severity, float] = {Severity.INFO: 1.0, Severity.WARNING: 2.0, Severity.ERROR: 3.0}
CATEGORY_WEIGHTS: Mapping[Category, float] = {
    Category.GRAMMAR: 0.75,
    Category.SPELLING: 0.5,
    Category.READABILITY: 0.5,
    Category.STYLE: 0.25,
    Category.ERROR: 0.0,
}


def finding_weight(finding: Finding) -> float:
    return SEVERITY_WEIGHTS[finding.severity] * CATEGORY_WEIGHTS.get(finding.category, 1.0)


def findings_score(findings: Iterable[Finding], words: int) -> tuple[float, float]:
    """Return (density per 1,000 words, findings score F)."""
    density = 1000.0 * sum(finding_weight(f) for f in findings) / max(words, MIN_WORDS)
    return density, 100.0 * math.exp(-density / DENSITY_SCALE)


def readability_score(reading_ease: float, run_ons: int) -> float:
    ease = 100.0 * min(1.0, max(0.0, reading_ease) / EASE_FLOOR)
    return max(0.0, ease - RUN_ON_PENALTY * run_ons)


@dataclass(frozen=True, slots=True)
class ArticleScore:
    """An article's score with its parts, and the readability figures it used."""

    score: float
    findings_score: float
    readability_score: float
    density: float
    readability: Readability

    def as_dict(self, document: Document) -> dict[str, Any]:
        return {
            "score": self.score,
            "findings_score": round(self.findings_score, 1),
            "readability_score": round(self.readability_score, 1),
            "weighted_findings_per_1000_words": round(self.density, 2),
            **self.readability.as_dict(document),
        }


def combine(findings_part: float, readability_part: float) -> float:
    return round(FINDINGS_SHARE * findings_part + (1 - FINDINGS_SHARE) * readability_part, 1)


def score_article(
    document: Document, findings: Iterable[Finding], readability: Readability | None = None
) -> ArticleScore:
    """Score ``document`` given its findings (readability is measured unless given)."""
    readability = readability if readability is not None else measure(document)
    density, part_f = findings_score(findings, readability.article.words)
    part_r = readability_score(
        readability.article.flesch_reading_ease, readability.sentences_over(RUN_ON_WORDS)
    )
    return ArticleScore(combine(part_f, part_r), part_f, part_r, density, readability)
