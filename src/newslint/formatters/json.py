"""``--format json``: one flat array of findings (the contract ``score.py`` reads)."""

from __future__ import annotations

from typing import Any

from newslint.diagnostics import Finding
from newslint.formatters.base import FileReport, Formatter, Summary
from newslint.formatters.statistics import statistics_object


def finding_to_dict(report: FileReport, finding: Finding) -> dict[str, Any]:
    positions = report.positions(finding)
    start, end = positions if positions else (None, None)
    fix = None
    if finding.fix is not None:
        fix = {
            "applicability": finding.fix.applicability.label,
            "title": finding.fix.title,
            "edits": [
                {"start": e.span.start, "end": e.span.end, "content": e.content} for e in finding.fix.edits
            ],
        }
    return {
        "path": report.path,
        "code": finding.code,
        "rule": finding.rule,
        "category": finding.category.value,
        "severity": finding.severity.label,
        "message": finding.message,
        "line": start.line if start else None,
        "column": start.column if start else None,
        "end_line": end.line if end else None,
        "end_column": end.column if end else None,
        "start": finding.span.start if finding.span else None,
        "end": finding.span.end if finding.span else None,
        "fix": fix,
    }


class JsonFormatter(Formatter):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.items: list[dict[str, Any]] = []

    def file(self, report: FileReport) -> None:
        self.items.extend(finding_to_dict(report, f) for f in report.findings)
        if report.statistics is not None and report.document is not None:
            self.items.append(statistics_object(report.path, report.document, report.statistics))

    def finish(self, summary: Summary) -> None:
        import json  # only this formatter needs it: keep it out of every other run's start-up

        # On a stream that cannot encode all of Unicode (PYTHONIOENCODING=ascii, a legacy
        # Windows console) escape in JSON's own syntax, so the output stays valid JSON.
        encoding = (getattr(self.stream, "encoding", None) or "utf-8").lower()
        json.dump(self.items, self.stream, ensure_ascii=not encoding.startswith("utf"), indent=2)
        self.stream.write("\n")
