"""The ``substitution`` kind: a known bad form with the form that should replace it."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, ClassVar

from newslint.diagnostics import Edit, Span, Violation
from newslint.document import Document
from newslint.errors import RulePackError
from newslint.kinds.base import Kind, RuleHeader, match_case
from newslint.kinds.needs import Condition, document_index, literal_words, pattern_needs, whole_word
from newslint.kinds.patterns import IGNORECASE, Pattern
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
        flags = IGNORECASE if self.flag("ignore-case", True) else 0
        self.regex = self.flag("regex", False)
        self.entries: list[tuple[Pattern, str]] = []
        # What each entry cannot match without (see needs.py): words for a literal key,
        # substrings for a regex; None where nothing is known. Packs from configuration
        # keep one joined prefilter instead: their regexes run on the regex module.
        self.needs: list[tuple[tuple[str, ...] | None, Condition | None]] = []
        bodies: list[str] = []
        for found, expected in swap.items():
            body = found if self.regex else r"\s+".join(re.escape(p) for p in found.split())
            bodies.append(body)
            source = rf"(?<!\w)(?:{body})(?!\w)"
            pattern, parsed = self.compile_parsed("swap", source, flags, shown=found, literal=not self.regex)
            self.entries.append((pattern, expected))
            if header.guarded:
                continue
            if self.regex:
                self.needs.append((None, pattern_needs(parsed, flags)))
            else:
                words = literal_words(found)
                self.needs.append((tuple(w.lower() for w in words) if words and flags else words, None))
        self.folded = bool(flags)
        # Entries by a word the document must hold for them to match (see _possible).
        self.keyed: dict[tuple[str, bool], list[int]] = {}
        self.unkeyed: list[int] = []
        if self.needs and header.scope == "text":
            for number, (needed_words, condition) in enumerate(self.needs):
                key = _key_word(needed_words, condition, self.folded)
                if key is None:
                    self.unkeyed.append(number)
                else:
                    self.keyed.setdefault(key, []).append(number)
        self.folded_keys = frozenset(word for word, exact in self.keyed if not exact)
        self.exact_keys = frozenset(word for word, exact in self.keyed if exact)
        self.prefilter = self._any_of(bodies, flags, ", ".join(swap)) if header.guarded else None
        self.unless_before = [
            self.compile("unless-before", p + r"\Z", flags, shown=p)
            for p in self.string_list("unless-before")
        ]
        self.unless_after = [
            self.compile("unless-after", r"\A" + p, flags, shown=p) for p in self.string_list("unless-after")
        ]
        self.only_before = [
            self.compile("only-before", p + r"\Z", flags, shown=p) for p in self.string_list("only-before")
        ]
        self.only_after = [
            self.compile("only-after", r"\A" + p, flags, shown=p) for p in self.string_list("only-after")
        ]

    def violations(self, document: Document, options: Options) -> Iterator[Violation]:
        entries = self._possible(document) if self.needs else self.entries
        if not entries:
            return
        for scope in self.scope_spans(document):
            text = document[scope]
            if self.prefilter is not None and not self.prefilter.search(text):
                continue  # one scan of the scope instead of one per entry
            for pattern, expected in entries:
                for match in pattern.finditer(text):
                    before = text[max(0, match.start() - CONTEXT) : match.start()]
                    after = text[match.end() : match.end() + CONTEXT]
                    if not self._guards_pass(before, after):
                        continue
                    replacement = match.expand(expected) if self.regex else expected
                    replacement = match_case(match.group(), replacement)
                    span = Span(scope.start + match.start(), scope.start + match.end())
                    title = self.fix_title(
                        f"Replace with `{replacement}`", found=match.group(), expected=replacement
                    )
                    fix = self.make_fix(title, Edit(span, replacement))
                    yield Violation(span, self.message(found=match.group(), expected=replacement), fix)

    def _possible(self, document: Document) -> list[tuple[Pattern, str]]:
        """The entries whose needs the document meets, in their order (the others cannot match).

        Words are looked up among the document's words only when the scope is the whole
        text: a shorter scope can cut a word, so there its words are only substrings.
        """
        index = document_index(document)
        whole_text = self.header.scope == "text"
        text = index.folded if self.folded else index.text
        words = (index.folded_words if self.folded else index.words) if whole_text else None
        candidates: Iterable[int] = range(len(self.entries))
        if whole_text:
            # Only entries whose key word the document holds can match: visit just those.
            numbers = list(self.unkeyed)
            keyed = self.keyed
            if self.folded_keys:
                for word in self.folded_keys.intersection(index.folded_words):
                    numbers.extend(keyed[word, False])
            if self.exact_keys:
                for word in self.exact_keys.intersection(index.words):
                    numbers.extend(keyed[word, True])
            if not numbers:
                return []
            candidates = sorted(set(numbers))
        entries, needs = self.entries, self.needs
        possible = []
        for number in candidates:
            entry = entries[number]
            needed_words, condition = needs[number]
            if needed_words is not None:
                if words is not None:
                    if not all(word in words for word in needed_words):
                        continue
                elif not all(word in text for word in needed_words):
                    continue
            if condition is not None and not condition.holds(index, whole_text):
                continue
            possible.append(entry)
        return possible

    def _any_of(self, bodies: list[str], flags: int, shown: str) -> Pattern | None:
        """One pattern matching wherever any entry matches, or None if they cannot be joined.

        It is compiled like the entries (time-limited when they are), so it is no way
        around the limit on a hostile key.
        """
        if len(bodies) < 2 or any(_BACKREFERENCE_RE.search(b) for b in bodies):
            return None  # group numbers shift when patterns are joined
        joined = r"(?<!\w)(?:" + "|".join(f"(?:{b})" for b in bodies) + r")(?!\w)"
        try:
            return self.compile("swap", joined, flags, shown=shown, literal=not self.regex)
        except RulePackError:  # e.g. a backreference whose group number shifts when joined
            return None

    def _guards_pass(self, before: str, after: str) -> bool:
        if any(p.search(before) for p in self.unless_before):
            return False
        if any(p.match(after) for p in self.unless_after):
            return False
        if self.only_before and not any(p.search(before) for p in self.only_before):
            return False
        return not (self.only_after and not any(p.match(after) for p in self.only_after))


def _key_word(
    needed_words: tuple[str, ...] | None, condition: Condition | None, folded: bool
) -> tuple[str, bool] | None:
    """A word (and whether it is looked up unfolded) that every match of an entry needs among
    the document's words, or None when no single word is needed."""
    if needed_words:
        return max(needed_words, key=len), not folded
    if condition is None:
        return None
    best: tuple[str, bool] | None = None
    for part in condition.common:
        word = whole_word(part)
        if word is not None and (best is None or len(word) > len(best[0])):
            best = (word, part.exact)
    return best


_BACKREFERENCE_RE = re.compile(r"\\[1-9]|\(\?P=")
