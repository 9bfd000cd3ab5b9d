"""``--format github``: workflow commands that GitHub Actions shows as annotations."""

from __future__ import annotations

from newslint.diagnostics import Severity
from newslint.formatters.base import FileReport, Formatter

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


class GithubFormatter(Formatter):
    def file(self, report: FileReport) -> None:
        for finding in report.findings:
            props = [f"file={_escape_property(report.path)}"]
            positions = report.positions(finding)
            if positions:
                start, end = positions
                props += [f"line={start.line}", f"col={start.column}", f"endLine={end.line}"]
                if start.line == end.line:
                    props.append(f"endColumn={end.column}")
            props.append(f"title={_escape_property(f'{finding.code} {finding.rule}')}")
            message = _escape_data(f"{finding.code} {finding.message}")
            self.stream.write(f"::{LEVELS[finding.severity]} {','.join(props)}::{message}\n")
