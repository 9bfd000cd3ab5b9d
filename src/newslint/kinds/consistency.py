"""The ``consistency`` kind: spellings of one name, and which one the newsroom uses."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from newslint.diagnostics import Edit, Span, Violation
from newslint.document import Document
from newslint.kinds.base import Kind, RuleHeader, literal_alternation, match_case
from newslint.kinds.patterns import IGNORECASE, Match, Pattern
from newslint.rules import Options

MODES = ("preferred", "majority")


class Consistency(Kind):
    """Flag spellings of one name other than the chosen one.

    ``groups`` is a list of groups, each a list of spellings of one name, the preferred
    spelling first: ``[["Kyiv", "Kiev"], ["Mumbai", "Bombay"]]``. With ``mode =
    "preferred"`` (the default) every other spelling is flagged and the first offered.
    With ``mode = "majority"`` an article is flagged only when it mixes spellings of a
    group, and the spelling it uses most (the preferred one on a tie) is offered.
    ``keep`` lists phrases in which a spelling is a fixed name and stays ("Chicken
    Kiev", "Peking duck"). Matching is case-sensitive unless ``ignore-case = true``;
    the replacement keeps the capital of a capitalised match.
    """

    keys: ClassVar[frozenset[str]] = frozenset({"groups", "mode", "keep", "ignore-case"})
    required: ClassVar[frozenset[str]] = frozenset({"groups"})
    fields: ClassVar[frozenset[str]] = frozenset({"found", "expected"})

    def __init__(self, spec: Mapping[str, Any], header: RuleHeader) -> None:
        super().__init__(spec, header)
        groups = spec.get("groups")
        if (
            not isinstance(groups, list)
            or not groups
            or not all(
                isinstance(g, list) and len(g) >= 2 and all(isinstance(s, str) and s.strip() for s in g)
                for g in groups
            )
        ):
            raise self.error("groups", "must be a list of lists of two or more spellings")
        self.mode = spec.get("mode", "preferred")
        if self.mode not in MODES:
            raise self.error("mode", f"must be one of {', '.join(MODES)}, not {self.mode!r}")
        self.flags = IGNORECASE if self.flag("ignore-case", False) else 0
        # literal spellings only: no pattern here can backtrack badly, so none needs a time limit
        self.groups: list[tuple[tuple[str, ...], Pattern]] = [
            (tuple(g), self.compile("groups", literal_alternation(g), self.flags, literal=True))
            for g in groups
        ]
        keep = self.string_list("keep")
        self.keep = (
            self.compile("keep", literal_alternation(keep), self.flags, literal=True) if keep else None
        )

    def violations(self, document: Document, options: Options) -> Iterator[Violation]:
        for scope in self.scope_spans(document):
            text = document[scope]
            kept = [m.span() for m in self.keep.finditer(text)] if self.keep else []
            for spellings, pattern in self.groups:
                matches = [
                    m
                    for m in pattern.finditer(text)
                    if not any(start <= m.start() and m.end() <= end for start, end in kept)
                ]
                yield from self._group(scope.start, spellings, matches)

    def _group(self, offset: int, spellings: tuple[str, ...], matches: list[Match]) -> Iterator[Violation]:
        if not matches:
            return
        used = Counter(self._which(spellings, m.group()) for m in matches)
        if self.mode == "majority":
            if len(used) < 2:
                return
            expected = max(used, key=lambda index: (used[index], -index))
        else:
            expected = 0
        for match in matches:
            if self._which(spellings, match.group()) == expected:
                continue
            replacement = match_case(match.group(), spellings[expected])
            span = Span(offset + match.start(), offset + match.end())
            title = self.fix_title(f"Replace with `{replacement}`", found=match.group(), expected=replacement)
            fix = self.make_fix(title, Edit(span, replacement))
            yield Violation(span, self.message(found=match.group(), expected=replacement), fix)

    def _which(self, spellings: tuple[str, ...], found: str) -> int:
        normalised = " ".join(found.split())
        for index, spelling in enumerate(spellings):
            if normalised == spelling or (self.flags and normalised.lower() == spelling.lower()):
                return index
        return 0
