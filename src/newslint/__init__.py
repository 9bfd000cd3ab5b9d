"""newslint: find scraping damage and machine-translation artifacts in news articles."""

from __future__ import annotations

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
