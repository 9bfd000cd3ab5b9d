"""The ``existence`` kind: a phrase or pattern that should not be in an article."""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from newslint.diagnostics import Applicability, Edit, Fix, Span, Violation
from newslint.document import Document
from newslint.kinds.base import Kind, RuleHeader, literal_alternation, nonblank_lines
from newslint.kinds.needs import NOT_AFTER_WORD, Condition, document_index, fold, pattern_needs
from newslint.kinds.patterns import IGNORECASE, Pattern, compile_pattern, joins_as_is
from newslint.rules import Options
from newslint.segment import mark_bullet_width

# Whole-line rules test each of their patterns alone on this many documents that can
# match one (compiling only those), then the alternation of all: a run on one article
# compiles little, a long run searches each line once.
SINGLE_PATTERN_DOCUMENTS = 8


class Existence(Kind):
    """Flag ``tokens`` (literal phrases) or ``patterns`` (regexes) found in the text.

    With ``whole = true`` the match must be the whole line (surrounding spaces aside) and
    the fix deletes the line; otherwise the fix deletes the match. ``exceptions`` are
    regexes: a match on a line that matches one is left alone. ``max-words`` limits
    matches to scopes of at most that many words. Matching ignores case unless
    ``ignore-case = false``.

    Only literal ``tokens`` can carry a safe fix: a pattern is a guess about wording no
    list contains, so its fix is at most unsafe, whatever the rule declares.
    """

    keys: ClassVar[frozenset[str]] = frozenset(
        {"tokens", "patterns", "exceptions", "whole", "ignore-case", "max-words"}
    )
    fields: ClassVar[frozenset[str]] = frozenset({"found"})

    def __init__(self, spec: Mapping[str, Any], header: RuleHeader) -> None:
        super().__init__(spec, header)
        tokens = self.string_list("tokens")
        patterns = self.string_list("patterns")
        if not tokens and not patterns:
            raise self.error("tokens", "or 'patterns' must list at least one entry")
        flags = IGNORECASE if self.flag("ignore-case", True) else 0
        self.whole = self.flag("whole", False)
        wrap = (lambda body: rf"\s*(?:{body})\s*") if self.whole else (lambda body: body)
        self.literal = (
            self.compile("tokens", wrap(literal_alternation(tokens)), flags, literal=True) if tokens else None
        )
        # Whole-line rules test every line. A line is one of the ASCII tokens exactly when its
        # words, folded as re folds case (needs.py), are the token's: a set lookup. The other
        # tokens keep a (small) regex, behind a cheap exact check of the first character.
        self.token_lines: frozenset[str] | None = None
        self.odd_literal = self.literal
        if self.whole and tokens:
            plain = [t for t in tokens if t.isascii()]
            odd = [t for t in tokens if not t.isascii()]
            self.token_lines = frozenset(_line_key(t, flags) for t in plain)
            self.odd_literal = (
                self.compile("tokens", wrap(literal_alternation(odd)), flags, literal=True) if odd else None
            )
        self.literal_start = (
            _first_char_check([t for t in tokens if not t.isascii()], flags)
            if self.whole and self.odd_literal is not None
            else None
        )
        self.pattern_width: int | None = None
        self._patterns_body = "|".join(f"(?:{p})" for p in patterns)
        self._flags = flags
        self.pattern = None
        self._parses: list[Any] | None = None  # re's parse of each pattern, when it is the joined one's
        # Start-up: until a document holds what one of the patterns needs (needs.py; a word
        # start in a line is one in the document too), a whole-line rule of a trusted pack
        # neither compiles nor tries its patterns. Once one does, the alternation of all of
        # them is compiled and serves every later document (one C call per line is cheaper
        # than any check in Python).
        self.line_needs: list[Condition | None] | None = None
        self._singles: list[Pattern] | None = None
        self._trial_documents = 0
        if patterns:
            needs: list[Condition | None] = []
            parses = []
            for p in patterns:
                parsed = self.compile_parsed("patterns", p, flags)[1]
                parses.append(parsed)
                # a whole-line match starts after spaces (or at the start): at a word start
                needs.append(pattern_needs(parsed, flags, NOT_AFTER_WORD) if parsed is not None else None)
            joined_as_is = not header.guarded and joins_as_is(patterns)
            self.pattern = self.compile(
                "patterns",
                wrap("|".join(f"(?:{p})" for p in patterns)),
                flags,
                shown=", ".join(patterns),
                literal=joined_as_is,
            )
            if joined_as_is:
                # the alternation matches at most what its longest alternative does
                self._parses = parses
            if self.whole and not header.guarded:
                self.line_needs = needs
                if joined_as_is:
                    # Each pattern alone, compiled on first use: a line matches the alternation
                    # exactly when it matches one of them (the joined patterns share no groups).
                    where = f"{header.source}: key 'patterns'"
                    self._singles = [
                        compile_pattern(wrap(f"(?:{p})"), flags, where, p, literal=True) for p in patterns
                    ]
        self.exceptions = [self.compile("exceptions", p, flags) for p in self.string_list("exceptions")]
        max_words = spec.get("max-words")
        if max_words is not None and (
            not isinstance(max_words, int) or isinstance(max_words, bool) or max_words < 1
        ):
            raise self.error("max-words", "must be a positive integer")
        self.max_words: int | None = max_words

    def violations(self, document: Document, options: Options) -> Iterator[Violation]:
        if self.whole:
            yield from self._whole_lines(document)
        else:
            yield from self._inline(document)

    def _fix(self, literal: bool, title: str, edit: Edit) -> Fix | None:
        fix = self.make_fix(title, edit)
        if fix is not None and not literal and fix.applicability is Applicability.SAFE:
            return Fix(fix.title, fix.edits, Applicability.UNSAFE)
        return fix

    def _whole_lines(self, document: Document) -> Iterator[Violation]:
        max_words = self.max_words
        literal_re, pattern_re, literal_start = self.odd_literal, self.pattern, self.literal_start
        token_lines, folded = self.token_lines, bool(self._flags)
        singles: list[Pattern] | None = None
        if pattern_re is not None and self.line_needs is not None:
            found = document_index(document)
            held = [n for n, need in enumerate(self.line_needs) if need is None or need.holds(found, True)]
            if not held:
                pattern_re = None  # no line can match a pattern
            elif self._singles is not None and self._trial_documents < SINGLE_PATTERN_DOCUMENTS:
                # a short run tries (and compiles) only the patterns this document can match
                self._trial_documents += 1
                singles = [self._singles[n] for n in held]
            else:
                self.line_needs = None  # from now on, the alternation
        width = self._pattern_width() if pattern_re is not None else 0
        rows = nonblank_lines(document)
        forms = line_forms(document) if token_lines is not None else ()
        flagged = -1  # the line last flagged: its bullet-less row (base.py) is not tested again
        hits: list[tuple[int, int, str, bool]] = []  # line index, row start, row text, literal
        for row, (index, start, text, words) in enumerate(rows):
            if index == flagged or (max_words is not None and words > max_words):
                continue
            literal = (token_lines is not None and forms[row][folded] in token_lines) or (
                literal_re is not None
                and (literal_start is None or literal_start.match(text) is not None)
                and literal_re.fullmatch(text) is not None
            )
            if not literal and (
                pattern_re is None
                or (width >= 0 and len(text.strip()) > width)
                or (
                    pattern_re.fullmatch(text) is None
                    if singles is None
                    else all(single.fullmatch(text) is None for single in singles)
                )
            ):
                continue
            if self.exceptions and any(e.search(text) for e in self.exceptions):
                continue
            flagged = index
            hits.append((index, start, text, literal))
        line_pairs = document._line_pairs
        if any(start != line_pairs[index][0] for index, start, _text, _literal in hits):
            matched = {index for index, _start, _text, _literal in hits}
            hits = [
                hit
                for hit in hits
                if hit[1] == line_pairs[hit[0]][0] or _chrome_list(document, hit[0], matched)
            ]
        for index, start, text, literal in hits:
            bulleted = start != line_pairs[index][0]
            lead = len(text) - len(text.lstrip())
            span = Span(start + lead, start + len(text.rstrip()))
            edit = Edit.deletion(document.line_with_break(index))
            yield Violation(
                span,
                self.message(found=document[span]),
                # whether a list is site chrome is a judgement: at most an unsafe fix
                self._fix(
                    literal and not bulleted, self.fix_title("Delete the line", found=document[span]), edit
                ),
            )

    def _inline(self, document: Document) -> Iterator[Violation]:
        for scope in self.scope_spans(document):
            text = document[scope]
            if self.max_words is not None and len(text.split()) > self.max_words:
                continue
            for literal, compiled in ((True, self.literal), (False, self.pattern)):
                if compiled is None:
                    continue
                for match in compiled.finditer(text):
                    if not match.group().strip() or self._excepted(document, scope.start + match.start()):
                        continue
                    span = Span(scope.start + match.start(), scope.start + match.end())
                    title = self.fix_title(f"Delete `{match.group()}`", found=match.group())
                    yield Violation(
                        span,
                        self.message(found=match.group()),
                        self._fix(literal, title, Edit.deletion(span)),
                    )

    def _pattern_width(self) -> int:
        """The longest text the patterns can match, or -1 when unbounded (computed once)."""
        if self.pattern_width is None:
            if self._parses is not None:
                self.pattern_width = _width_of(max(parsed.getwidth()[1] for parsed in self._parses))
            else:
                self.pattern_width = _max_width(self._patterns_body, self._flags)
        return self.pattern_width

    def _excepted(self, document: Document, offset: int) -> bool:
        if not self.exceptions:
            return False
        text = document[document.lines[document.line_index(offset)]]
        return any(e.search(text) for e in self.exceptions)


def _chrome_list(document: Document, index: int, matched: set[int]) -> bool:
    """Whether line ``index``, flagged only without its bullet, is in a list of site chrome:
    every line of its run of bulleted lines is flagged, and no line ending in a colon leads
    into the run. A writer's list ("Applicants must bring:", "- Photo") has a lead-in or
    items of content, and keeps its lines."""
    texts = document.line_texts
    first = last = index
    while first > 0 and mark_bullet_width(texts[first - 1]):
        first -= 1
    while last + 1 < len(texts) and mark_bullet_width(texts[last + 1]):
        last += 1
    if any(line not in matched for line in range(first, last + 1)):
        return False
    before = first - 1
    while before >= 0 and not texts[before].strip():
        before -= 1
    return before < 0 or not texts[before].rstrip().endswith(":")


def _line_key(text: str, flags: int) -> str:
    """A line's words joined by one space, folded when case is ignored: what the token set holds."""
    joined = " ".join(text.split())
    return fold(joined) if flags else joined


LineForms = tuple[str, str]  # a line's words joined by one space, and the same folded
_last_forms: tuple[Document | None, tuple[LineForms, ...]] = (None, ())


def line_forms(document: Document) -> tuple[LineForms, ...]:
    """For each row of ``nonblank_lines``: its token-set keys, shared by every rule."""
    global _last_forms
    cached, forms = _last_forms
    if cached is document:
        return forms
    made = []
    for _index, _start, text, _words in nonblank_lines(document):
        joined = " ".join(text.split())
        made.append((joined, fold(joined)))
    forms = tuple(made)
    _last_forms = (document, forms)
    return forms


def _first_char_check(tokens: list[str], flags: int) -> re.Pattern[str] | None:
    """A regex that a line must match at its start for any token to be the whole line.

    It tests the first non-space character against the tokens' first characters, with
    the same flags, so case-insensitive equivalences are the regex engine's own.
    """
    if any(not token.split() for token in tokens):
        return None  # an empty token matches a blank line: no first character to test
    firsts = {token.split()[0][0] for token in tokens}
    return re.compile(r"\s*[" + "".join(re.escape(c) for c in sorted(firsts)) + "]", flags)


def _width_of(high: int) -> int:
    """A parse's upper width as :func:`_max_width` gives it: -1 for unbounded."""
    return int(high) if high < _MAXREPEAT else -1


_MAXREPEAT: int = importlib.import_module("re._constants").MAXREPEAT


def _max_width(body: str, flags: int) -> int:
    """The most characters ``body`` can match, or -1 if unbounded or unknown."""
    try:
        parser: Any = importlib.import_module("re._parser")  # the regex engine's own width analysis
        _low, high = parser.parse(body, flags).getwidth()
        return int(high) if high < parser.MAXREPEAT else -1
    except Exception:  # a private API: without it, simply skip the length check
        return -1
