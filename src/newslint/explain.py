"""Render rule documentation for ``--explain`` and the rule table for ``--show-rules``."""

from __future__ import annotations

import textwrap

from newslint.rules import Rule, RuleRegistry
from newslint.selection import Selection


def explain_rule(item: Rule) -> str:
    lines = [
        f"# {item.code} {item.name}",
        "",
        f"Category: {item.category.value}    Severity: {item.severity.label}    "
        f"Fix: {item.fix.value}    Enabled by default: {'yes' if item.enabled_by_default else 'no'}",
        f"Defined in: {item.origin}",
        "",
        "## What it does",
        item.doc.what,
        "",
        "## Why is this bad",
        item.doc.why,
    ]
    if item.doc.example:
        lines += ["", "## Example", item.doc.example]
    if item.doc.fix_safety:
        lines += ["", "## Fix safety", item.doc.fix_safety]
    if item.options:
        lines += ["", "## Options"]
        lines += [f"- `{name}` (default: {value!r})" for name, value in item.options.items()]
    if item.examples.flag:
        lines += ["", "## Flags", *(_quoted(text) for text in item.examples.flag)]
    if item.examples.pass_:
        lines += ["", "## Leaves alone", *(_quoted(text) for text in item.examples.pass_)]
    if item.doc.link:
        lines += ["", f"More: {item.doc.link}"]
    return "\n".join(lines) + "\n"


def _quoted(text: str) -> str:
    return textwrap.indent(text.rstrip("\n"), "    ") + "\n"


def rules_table(registry: RuleRegistry, selection: Selection) -> str:
    enabled = {r.code for r in selection.rules}
    rows = [("code", "name", "category", "severity", "fix", "on")]
    for item in registry:
        rows.append(
            (
                item.code,
                item.name,
                item.category.value,
                item.severity.label,
                item.fix.value,
                "yes" if item.code in enabled else "no",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "".join(
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() + "\n" for row in rows
    )
