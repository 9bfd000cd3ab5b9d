"""newslint: find scraping damage and machine-translation artifacts in news articles."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newslint.app import lint_text
    from newslint.diagnostics import (
        Applicability,
        Category,
        Edit,
        Finding,
        Fix,
        Severity,
        Span,
        Violation,
    )
    from newslint.document import Document, Position, Token
    from newslint.errors import ConfigError, InputError, NewslintError, PluginError, RulePackError
    from newslint.hookspecs import hookimpl
    from newslint.rules import Examples, FixAvailability, Rule, RuleDoc, rule

__version__ = "0.1.0"

# The public names, imported on first use (PEP 562): `python -m newslint --version` and
# every module that only needs one of them no longer import the whole linter.
_EXPORTS = {
    "lint_text": "newslint.app",
    **dict.fromkeys(
        ("Applicability", "Category", "Edit", "Finding", "Fix", "Severity", "Span", "Violation"),
        "newslint.diagnostics",
    ),
    **dict.fromkeys(("Document", "Position", "Token"), "newslint.document"),
    **dict.fromkeys(
        ("ConfigError", "InputError", "NewslintError", "PluginError", "RulePackError"), "newslint.errors"
    ),
    "hookimpl": "newslint.hookspecs",
    **dict.fromkeys(("Examples", "FixAvailability", "Rule", "RuleDoc", "rule"), "newslint.rules"),
}


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'newslint' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})


__all__ = [
    "Applicability",
    "Category",
    "ConfigError",
    "Document",
    "Edit",
    "Examples",
    "Finding",
    "Fix",
    "FixAvailability",
    "InputError",
    "NewslintError",
    "PluginError",
    "Position",
    "Rule",
    "RuleDoc",
    "RulePackError",
    "Severity",
    "Span",
    "Token",
    "Violation",
    "__version__",
    "hookimpl",
    "lint_text",
    "rule",
]
