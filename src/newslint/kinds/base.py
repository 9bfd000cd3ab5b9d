"""What every declarative kind shares: the spec reader, scopes, message fields and fixes."""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from newslint.diagnostics import Applicability, Edit, Fix, Span, Violation
from newslint.document import Document
from newslint.errors import RulePackError
from newslint.kinds.patterns import (
    Pattern,
    budget_for,
    check_syntax,
    compile_pattern,
    is_pattern_error,
    time_budget,
)
from newslint.rules import Options
from newslint.segment import mark_bullet_width

_OWN_KINDS = "newslint.kinds."
SCOPES = ("text", "line", "paragraph", "sentence", "heading", "body-line")


@dataclass(frozen=True, slots=True, kw_only=True)
class RuleHeader:
    """The keys every declarative rule shares that a kind needs at run time."""

    source: str
    code: str
    message: str
    scope: str
    skip_quotes: bool
    fix: Applicability | None
    fix_title: str
    guarded: bool = False  # a pack from configuration: its regexes get time limits (patterns.py)


class Kind:
    """Base class of declarative kinds.

    Subclasses list their own TOML keys in ``keys`` (with ``required``), the fields their
    messages may use in ``fields``, and implement ``violations``.
    """

    keys: ClassVar[frozenset[str]] = frozenset()
    required: ClassVar[frozenset[str]] = frozenset()
    fields: ClassVar[frozenset[str]] = frozenset({"found"})

    def __init__(self, spec: Mapping[str, Any], header: RuleHeader) -> None:
        self.header = header
        self.spec = spec
        self._check_template("message", header.message)
        self._check_template("fix-title", header.fix_title)

    def _check_template(self, key: str, template: str) -> None:
        """Allow only plain ``{field}`` names this kind offers: nothing is evaluated or padded.

        ``str.format`` would otherwise read attributes (``{found.__class__}``), index,
        convert or pad to any width (``{found:>999999999}``) at run time.
        """
        source = self.header.source
        try:
            parsed = list(string.Formatter().parse(template))
        except ValueError as exc:
            raise RulePackError(
                f"{source}: key '{key}' is not a valid template: {exc} (write {{{{ for a brace)"
            ) from None
        offered = ", ".join(f"{{{f}}}" for f in sorted(self.fields))
        for _, name, spec, conversion in parsed:
            if name is None:
                continue
            if name not in self.fields:
                raise RulePackError(f"{source}: {key} uses {{{name}}}; this kind offers {offered}")
            if spec or conversion:
                raise RulePackError(
                    f"{source}: {key} field {{{name}}} may not have a conversion or format spec"
                )

    def __call__(self, document: Document, options: Options) -> Iterable[Violation]:
        if not self.header.guarded and type(self).__module__.startswith(_OWN_KINDS):
            # newslint's own kinds search with time limits only for packs from configuration
            # (patterns.py), so the budget would go unread: skip setting it per rule per document
            # (and hand the violations on as they are, without a generator around them)
            violations = self.violations(document, options)
            if not self.header.skip_quotes:
                return violations
            return _outside_quotes(document, violations)
        return self._budgeted(document, options)

    def _budgeted(self, document: Document, options: Options) -> Iterator[Violation]:
        # every pattern search of this rule on this document shares one time budget
        with time_budget(budget_for(document.text)):
            for violation in self.violations(document, options):
                if self.header.skip_quotes and document.in_quote(violation.span):
                    continue
                yield violation

    def violations(self, document: Document, options: Options) -> Iterable[Violation]:
        raise NotImplementedError

    # -- helpers for subclasses --------------------------------------------------------

    def error(self, key: str, problem: str) -> RulePackError:
        return RulePackError(f"{self.header.source}: key '{key}' {problem}")

    def string_list(self, key: str) -> list[str]:
        value = self.spec.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.error(key, "must be a list of strings")
        return value

    def compile(
        self, key: str, pattern: str, flags: int = 0, shown: str | None = None, *, literal: bool = False
    ) -> Pattern:
        """Compile a pattern from the rule file, with a time limit on every search (see patterns.py).

        ``shown`` names the user's own pattern(s) in messages when ``pattern`` wraps them;
        ``literal`` marks a pattern built from escaped literal phrases, which needs no limit,
        as do the patterns of packs registered by plugins (``header.guarded`` is false).
        Those are compiled on first use; the syntax of a pattern that is not built from
        escaped literals is checked now, so that a broken pack still fails on load.
        """
        return self.compile_parsed(key, pattern, flags, shown, literal=literal)[0]

    def compile_parsed(
        self, key: str, pattern: str, flags: int = 0, shown: str | None = None, *, literal: bool = False
    ) -> tuple[Pattern, Any]:
        """:meth:`compile`, with ``re``'s parse of the pattern when its syntax was checked (else None)."""
        where = f"{self.header.source}: key '{key}'"
        unguarded = literal or not self.header.guarded
        parsed = None
        try:
            if unguarded and not literal:
                parsed = check_syntax(pattern, flags)
            return compile_pattern(pattern, flags, where, shown, literal=unguarded), parsed
        except Exception as exc:
            if not is_pattern_error(exc):
                raise
            raise self.error(key, f"has an invalid regular expression {pattern!r}: {exc}") from None

    def scope_spans(self, document: Document) -> Iterable[Span]:
        scope = self.header.scope
        if scope == "text":
            return (Span(0, len(document.text)),)
        if scope == "line":
            return document.lines
        if scope == "paragraph":
            return document.paragraphs
        if scope == "sentence":
            return document.sentences
        if scope == "heading":
            return document.headings
        return tuple(span for i, span in enumerate(document.lines) if i not in document.heading_lines)

    def fix_title(self, default: str, **fields: str) -> str:
        """The rule's ``fix-title`` with its fields filled in, or ``default`` (used as it is)."""
        return self.header.fix_title.format(**fields) if self.header.fix_title else default

    def flag(self, key: str, default: bool) -> bool:
        value = self.spec.get(key, default)
        if not isinstance(value, bool):
            raise self.error(key, f"must be true or false, not {type(value).__name__}")
        return value

    def make_fix(self, title: str, *edits: Edit) -> Fix | None:
        if self.header.fix is None:
            return None
        return Fix(title, edits, self.header.fix)

    def message(self, **fields: str) -> str:
        return self.header.message.format(**fields)


def _outside_quotes(document: Document, violations: Iterable[Violation]) -> Iterator[Violation]:
    for violation in violations:
        if not document.in_quote(violation.span):
            yield violation


def literal_alternation(tokens: Iterable[str]) -> str:
    """Join literal phrases into one alternation that matches whole words, longest first."""
    escaped = []
    for token in sorted(set(tokens), key=len, reverse=True):
        body = r"\s+".join(re.escape(part) for part in token.split())
        escaped.append(body)
    return r"(?<![\w])(?:" + "|".join(escaped) + r")(?![\w])"


LineRow = tuple[int, int, str, int]  # (line index, start offset, line text, word count)
_last_table: tuple[Document | None, tuple[LineRow, ...]] = (None, ())


def nonblank_lines(document: Document) -> tuple[LineRow, ...]:
    """The rows a whole-line rule tests: the document's non-blank lines with their word counts,
    and after a line with a list bullet, the same line without it (start moved past it).

    A bullet in front of site chrome ("- Share this") is the page's, not the writer's.
    The table for the document being linted is kept (only the last one, so memory stays
    bounded by one article) and shared by every whole-line rule.
    """
    global _last_table
    cached, table = _last_table
    if cached is document:
        return table
    text = document.text
    rows = []
    for index, (start, end) in enumerate(document._line_pairs):  # plain tuples: no Span objects
        line = text[start:end]
        if line and not line.isspace():
            words = len(line.split())
            rows.append((index, start, line, words))
            cut = mark_bullet_width(line)
            if cut:
                rows.append((index, start + cut, line[cut:], words - 1))
    table = tuple(rows)
    _last_table = (document, table)
    return table


def match_case(found: str, replacement: str) -> str:
    """``replacement`` with a capital first letter when ``found`` starts with one."""
    if found[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement
