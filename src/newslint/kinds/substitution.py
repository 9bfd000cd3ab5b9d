"""The ``substitution`` kind: a known bad form with the form that should replace it."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from newslint.diagnostics import Edit, Span, Violation
from newslint.document import Document
from newslint.kinds.base import Kind, RuleHeader
from newslint.rules import Options

CONTEXT = 80  # characters of context the guards look at on each side


class Substitution(Kind):
    """Flag each key of ``swap`` and offer its value as the replacement.

    Keys are literal phrases matched as whole words, or regexes with ``regex = true``
    (values may then use ``\\1`` group references). ``unless-before`` and ``unless-after``
    are regexes tested against the text just before and after the match: if one matches,
    the occurrence is left alone, which keeps "due south of the city" clean. The
    replacement keeps the capital of a capitalised match.
    """

    keys: ClassVar[frozenset[str]] = frozenset(
        {"swap", "regex", "ignore-case", "unless-before", "unless-after", "only-after", "only-before"}
    )
    required: ClassVar[frozenset[str]] = frozenset({"swap"})
    fields: ClassVar[frozenset[str]] = frozenset({"found", "expected"})

    def __init__(self, spec: Mapping[str, Any], header: RuleHeader) -> None:
        super().__init__(spec, header)
        swap = spec.get("swap")
        if not isinstance(swap, Mapping) or not swap or not all(isinstance(v, str) for v in swap.values()):
            raise self.error("swap", "must be a table of found = expected strings")
        flags = re.IGNORECASE if spec.get("ignore-case", True) else 0
        self.regex = bool(spec.get("regex", False))
        self._flags = flags
        self._swaps: list[tuple[str, str]] = []
        bodies: list[str] = []
        for found, expected in swap.items():
            body = found if self.regex else r"\s+".join(re.escape(p) for p in found.split())
            bodies.append(body)
            self._swaps.append((rf"(?<!\w)(?:{body})(?!\w)", expected))
        # Regex keys are checked now, so a broken pack fails on load; escaped literals are
        # always valid, so they are compiled on the first scope the prefilter lets through
        # (most rules never get there on most articles: that is start-up time saved).
        self._entries: list[tuple[re.Pattern[str], str]] | None = (
            [(self.compile("swap", pattern, flags), expected) for pattern, expected in self._swaps]
            if self.regex
            else None
        )
        self.prefilter = _any_of(bodies, flags)
        self.unless_before = [
            self.compile("unless-before", p + r"\Z", flags) for p in self.string_list("unless-before")
        ]
        self.unless_after = [
            self.compile("unless-after", r"\A" + p, flags) for p in self.string_list("unless-after")
        ]
        self.only_before = [
            self.compile("only-before", p + r"\Z", flags) for p in self.string_list("only-before")
        ]
        self.only_after = [
            self.compile("only-after", r"\A" + p, flags) for p in self.string_list("only-after")
        ]

    def violations(self, document: Document, options: Options) -> Iterator[Violation]:
        for scope in self.scope_spans(document):
            text = document[scope]
            if self.prefilter is not None and not self.prefilter.search(text):
                continue  # one scan of the scope instead of one per entry
            for pattern, expected in self.entries:
                for match in pattern.finditer(text):
                    before = text[max(0, match.start() - CONTEXT) : match.start()]
                    after = text[match.end() : match.end() + CONTEXT]
                    if not self._guards_pass(before, after):
                        continue
                    replacement = match.expand(expected) if self.regex else expected
                    replacement = _match_case(match.group(), replacement)
                    span = Span(scope.start + match.start(), scope.start + match.end())
                    title = self.header.fix_title or f"Replace with `{replacement}`"
                    fix = self.make_fix(
                        title.format(found=match.group(), expected=replacement), Edit(span, replacement)
                    )
                    yield Violation(span, self.message(found=match.group(), expected=replacement), fix)

    @property
    def entries(self) -> list[tuple[re.Pattern[str], str]]:
        """Each key's pattern (whole words) with its replacement, compiled on first use."""
        if self._entries is None:
            self._entries = [(self.compile("swap", p, self._flags), e) for p, e in self._swaps]
        return self._entries

    def _guards_pass(self, before: str, after: str) -> bool:
        if any(p.search(before) for p in self.unless_before):
            return False
        if any(p.match(after) for p in self.unless_after):
            return False
        if self.only_before and not any(p.search(before) for p in self.only_before):
            return False
        return not (self.only_after and not any(p.match(after) for p in self.only_after))


_BACKREFERENCE_RE = re.compile(r"\\[1-9]|\(\?P=")


def _any_of(bodies: list[str], flags: int) -> re.Pattern[str] | None:
    """One pattern matching wherever any entry matches, or None if they cannot be joined."""
    if len(bodies) < 2 or any(_BACKREFERENCE_RE.search(b) for b in bodies):
        return None  # group numbers shift when patterns are joined
    try:
        return re.compile(r"(?<!\w)(?:" + "|".join(f"(?:{b})" for b in bodies) + r")(?!\w)", flags)
    except re.error:  # e.g. a backreference whose group number shifts when joined
        return None


def _match_case(found: str, replacement: str) -> str:
    if found[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement
