"""``--format sarif``: one SARIF 2.1.0 log for the run, as GitHub code scanning reads it.

The log lists every known rule (id, name, descriptions, help text from the rule's
docs, help URI when the rule has a link, default level) and one result per finding
with its location and fixes. SARIF counts columns in UTF-16 code units by default
(``run.columnKind = "utf16CodeUnits"``, what GitHub expects), while newslint counts
code points, so columns are converted: a character outside the Basic Multilingual
Plane (an emoji) counts twice.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from newslint import __version__
from newslint.diagnostics import Finding, Fix, Severity, Span
from newslint.document import Document
from newslint.formatters.base import FileReport, Formatter, Summary
from newslint.rules import Rule

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
INTERNAL_RULES = {  # the linter's own NL9xx codes have no Rule object
    "NL901": "The file could not be read or decoded.",
    "NL902": "A rule crashed; its findings for this file are missing.",
    "NL903": "The fixed file could not be written.",
    "NL904": "Fixes did not settle; the rest were not applied.",
}


def utf16_column(document: Document, offset: int) -> tuple[int, int]:
    """Return the 1-based (line, column) of ``offset``, the column in UTF-16 code units."""
    position = document.position(offset)
    line_start = offset - (position.column - 1)
    prefix = document.source_text[line_start:offset]
    return position.line, 1 + len(prefix) + sum(1 for char in prefix if ord(char) > 0xFFFF)


def region(document: Document, span: Span) -> dict[str, int]:
    start_line, start_column = utf16_column(document, span.start)
    end_line, end_column = utf16_column(document, span.end)
    return {
        "startLine": start_line,
        "startColumn": start_column,
        "endLine": end_line,
        "endColumn": end_column,
    }


def artifact_uri(path: str) -> str:
    """A relative URI for a relative path (what code scanning resolves against the checkout)."""
    if path == "-":
        return "stdin"
    pure = PurePath(path)
    if pure.is_absolute():
        return "file://" + quote(pure.as_posix())
    return quote(pure.as_posix().removeprefix("./"))


def rule_help(item: Rule) -> tuple[str, str]:
    """The rule's docs as (plain text, Markdown), without machine-specific paths."""
    sections = [("What it does", item.doc.what), ("Why is this bad", item.doc.why)]
    if item.doc.fix_safety:
        sections.append(("Fix safety", item.doc.fix_safety))
    text = "\n\n".join(f"{title}: {body}" for title, body in sections)
    markdown = "\n\n".join(f"**{title}.** {body}" for title, body in sections)
    if item.doc.example:
        text += f"\n\nExample:\n{item.doc.example}"
        markdown += "\n\n**Example**\n\n```text\n" + item.doc.example + "\n```"
    return text, markdown


def rule_descriptor(item: Rule) -> dict[str, Any]:
    text, markdown = rule_help(item)
    descriptor: dict[str, Any] = {
        "id": item.code,
        "name": item.name,
        "shortDescription": {"text": item.doc.what},
        "fullDescription": {"text": f"{item.doc.what} {item.doc.why}"},
        "help": {"text": text, "markdown": markdown},
        "defaultConfiguration": {"level": LEVELS[item.severity], "enabled": item.enabled_by_default},
        "properties": {"category": item.category.value, "fix": item.fix.value, "tags": [item.category.value]},
    }
    if item.doc.link:
        descriptor["helpUri"] = item.doc.link
    return descriptor


def internal_descriptor(finding: Finding) -> dict[str, Any]:
    text = INTERNAL_RULES.get(finding.code, "newslint could not lint the file.")
    return {
        "id": finding.code,
        "name": finding.rule,
        "shortDescription": {"text": text},
        "help": {"text": text},
        "defaultConfiguration": {"level": "error"},
        "properties": {"category": finding.category.value, "tags": [finding.category.value]},
    }


class SarifFormatter(Formatter):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.results: list[dict[str, Any]] = []
        self.extra_rules: dict[str, dict[str, Any]] = {}

    def file(self, report: FileReport) -> None:
        uri = artifact_uri(report.path)
        for finding in report.findings:
            if finding.code not in self.rules:
                self.extra_rules.setdefault(finding.code, internal_descriptor(finding))
            location: dict[str, Any] = {"artifactLocation": {"uri": uri}}
            if finding.span is not None and report.document is not None:
                location["region"] = region(report.document, finding.span)
            result: dict[str, Any] = {
                "ruleId": finding.code,
                "level": LEVELS[finding.severity],
                "message": {"text": finding.message},
                "locations": [{"physicalLocation": location}],
                "properties": {"category": finding.category.value},
            }
            if finding.fix is not None and report.document is not None:
                result["fixes"] = [self._fix(report.document, uri, finding.fix)]
            self.results.append(result)

    @staticmethod
    def _fix(document: Document, uri: str, fix: Fix) -> dict[str, Any]:
        replacements = []
        for edit in fix.edits:
            replacement: dict[str, Any] = {"deletedRegion": region(document, edit.span)}
            if edit.content:
                replacement["insertedContent"] = {"text": edit.content}
            replacements.append(replacement)
        return {
            "description": {"text": fix.title},
            "artifactChanges": [{"artifactLocation": {"uri": uri}, "replacements": replacements}],
            "properties": {"applicability": fix.applicability.label},
        }

    def finish(self, summary: Summary) -> None:
        import json  # only this formatter needs it: keep it out of every other run's start-up

        descriptors = [rule_descriptor(item) for item in sorted(self.rules.values(), key=lambda r: r.code)]
        descriptors += [self.extra_rules[code] for code in sorted(self.extra_rules)]
        index = {descriptor["id"]: number for number, descriptor in enumerate(descriptors)}
        for result in self.results:
            result["ruleIndex"] = index[result["ruleId"]]
        log = {
            "$schema": SCHEMA_URI,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "newslint",
                            "version": __version__,
                            "semanticVersion": __version__,
                            "rules": descriptors,
                        }
                    },
                    "columnKind": "utf16CodeUnits",
                    "results": self.results,
                }
            ],
        }
        json.dump(log, self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")
