"""Regular expressions from rule files, with a time limit so that no pattern can hang a run.

Rule packs are data written by users, and a pattern such as ``(a|aa)+$`` backtracks
for longer than the universe exists on a line of a's. Declarative kinds therefore
compile with the ``regex`` module (the ``re`` syntax, plus a ``timeout`` on every
search) instead of ``re``. Each rule gets a budget per document (``budget_for``) that
all of its searches share; when it runs out the search raises :class:`PatternTimeout`,
which the engine reports as that rule's ``NL902`` finding naming the rule, its file,
the key and the pattern, while the other rules carry on.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from contextvars import ContextVar

import regex

IGNORECASE = regex.IGNORECASE
BASE_BUDGET = 2.0  # seconds one rule's patterns may spend on a document ...
BUDGET_PER_MB = 1.0  # ... plus this per million characters, so big articles are not starved

_deadline: ContextVar[float | None] = ContextVar("newslint_pattern_deadline", default=None)


class PatternTimeout(Exception):
    """A rule's pattern used up the rule's time budget on one document."""


def budget_for(text: str) -> float:
    return BASE_BUDGET + BUDGET_PER_MB * len(text) / 1_000_000


@contextlib.contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Bound every :class:`Pattern` search made inside the block to ``seconds`` in total."""
    token = _deadline.set(time.monotonic() + seconds)
    try:
        yield
    finally:
        with contextlib.suppress(ValueError):  # a generator closed later, from another context
            _deadline.reset(token)


def _remaining() -> float:
    deadline = _deadline.get()
    if deadline is None:
        return BASE_BUDGET
    return max(deadline - time.monotonic(), 0.001)


class Pattern:
    """A compiled pattern whose searches stop at the running rule's deadline.

    It offers the ``re.Pattern`` methods the kinds use; matches are ``regex`` matches,
    which have the same interface (``group``, ``start``, ``end``, ``expand``).
    """

    __slots__ = ("compiled", "shown", "where")

    def __init__(self, source: str, flags: int, where: str, shown: str | None = None) -> None:
        self.compiled = regex.compile(source, flags | regex.VERSION0)
        self.where = where  # "<file>: key 'patterns'", for the timeout message
        self.shown = shown or source  # the pattern as the user wrote it

    @property
    def pattern(self) -> str:
        return str(self.compiled.pattern)

    def _timeout(self, exc: TimeoutError) -> PatternTimeout:
        return PatternTimeout(
            f"{self.where}: the pattern {self.shown!r} ran out of time; it probably backtracks "
            "catastrophically (nested quantifiers such as (a+)+ or (a|aa)+): rewrite it"
        )

    def search(self, text: str) -> regex.Match[str] | None:
        try:
            return self.compiled.search(text, timeout=_remaining())
        except TimeoutError as exc:
            raise self._timeout(exc) from None

    def match(self, text: str) -> regex.Match[str] | None:
        try:
            return self.compiled.match(text, timeout=_remaining())
        except TimeoutError as exc:
            raise self._timeout(exc) from None

    def fullmatch(self, text: str) -> regex.Match[str] | None:
        try:
            return self.compiled.fullmatch(text, timeout=_remaining())
        except TimeoutError as exc:
            raise self._timeout(exc) from None

    def finditer(self, text: str) -> Iterator[regex.Match[str]]:
        try:
            yield from self.compiled.finditer(text, timeout=_remaining())
        except TimeoutError as exc:
            raise self._timeout(exc) from None


def compile_pattern(source: str, flags: int, where: str, shown: str | None = None) -> Pattern:
    """Compile ``source`` (``shown`` is what the user wrote); raises ``regex.error`` if invalid."""
    return Pattern(source, flags, where, shown)
