"""``--format text`` (the default): one line per finding, then a summary."""

from __future__ import annotations

from typing import Any

from newslint.diagnostics import Applicability, Finding, Severity
from newslint.formatters.base import FileReport, Formatter, Summary
from newslint.formatters.statistics import ScoreTally, statistics_text

_COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


class TextFormatter(Formatter):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.scores = ScoreTally()  # with --statistics: the run's scores, summed up in finish()

    def _paint(self, text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.color else text

    def _marker(self, finding: Finding) -> str:
        fix = finding.fix
        if fix is None:
            return ""
        if fix.applicability is Applicability.SAFE or (
            self.unsafe_fixes and fix.applicability is Applicability.UNSAFE
        ):
            return "[*] "
        return ""

    def file(self, report: FileReport) -> None:
        for finding in report.findings:
            positions = report.positions(finding)
            where = (
                f"{report.path}:{positions[0].line}:{positions[0].column}:"
                if positions
                else f"{report.path}:"
            )
            code = self._paint(finding.code, "1;" + _COLORS[finding.severity])
            self.stream.write(f"{self._paint(where, '1')} {code} {self._marker(finding)}{finding.message}\n")
        if report.statistics is not None and report.document is not None:
            self.stream.write(statistics_text(report.path, report.document, report.statistics))
            self.scores.add(report.path, report.statistics.score)

    def finish(self, summary: Summary) -> None:
        parts = self.scores.summary()
        if summary.fixed:
            parts.append(f"Fixed {summary.fixed} {_plural(summary.fixed, 'finding')}.")
        if summary.findings:
            noun = _plural(summary.findings, "finding")
            line = f"Found {summary.findings} {noun}"
            if summary.fixed:
                line = f"{summary.findings} {noun} remaining"
            extras = []
            if summary.safe_fixable:
                extras.append(f"{summary.safe_fixable} fixable with --fix")
            if summary.unsafe_fixable:
                more = "more " if summary.safe_fixable else ""
                extras.append(f"{summary.unsafe_fixable} {more}with --unsafe-fixes")
            parts.append(line + (f" ({'; '.join(extras)})." if extras else "."))
        elif not summary.fixed:
            parts.append("All checks passed.")
        self.stream.write("\n".join(parts) + "\n")


def _plural(count: int, noun: str) -> str:
    return noun if count == 1 else noun + "s"
