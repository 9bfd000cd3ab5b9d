"""Regular expressions from rule files, with a time limit so that no pattern can hang a run.

Rule packs are data written by users, and a pattern such as ``(a|aa)+$`` backtracks
for longer than the universe exists on a line of a's. Declarative kinds therefore
compile every regular expression from a rule file with the ``regex`` module (the
``re`` syntax, plus a ``timeout`` on every search) instead of ``re``; only patterns
newslint builds itself from escaped literal phrases (``tokens``, plain ``swap`` keys)
stay on ``re``, because they cannot backtrack catastrophically. So do the patterns of
packs that installed plugins register (newslint's own among them): a plugin is code the
user chose to install and could hang a run anyway, and the timeout would make every
search several times slower. What is guarded is what comes from the repository being
linted: the packs named by ``extend-rules`` in its configuration. Each rule gets a budget
of search time per document (``budget_for``) that all of its searches share (only the
time spent inside the regex engine counts, not the rule's own Python between searches,
so a long but harmless document is never mistaken for a hostile pattern); when it runs
out the search raises :class:`PatternTimeout`,
which the engine reports as that rule's ``NL902`` finding naming the rule, its file,
the key and the pattern, while the other rules carry on.
"""

from __future__ import annotations

import contextlib
import importlib
import re
import sys
import time
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, TypeAlias

if TYPE_CHECKING:
    import regex

# A plain int, the same value in ``re`` and ``regex``: an enum flag would make ``re``'s
# compiler several times slower (it tests the flags thousands of times per pattern).
IGNORECASE = int(re.IGNORECASE)
# One search may take CALL_LIMIT seconds plus CALL_LIMIT_PER_MB per million characters
# searched: a legitimate pattern takes microseconds on a line, so anything slower is a
# runaway. All searches of one rule on one document may take BASE_BUDGET plus
# BUDGET_PER_MB per million characters of the document: this stops a pattern that is
# slow on every line without being caught on any one of them. The timeout itself costs
# about 10 microseconds a search, well inside the budget of any legitimate pattern.
CALL_LIMIT = 0.5
CALL_LIMIT_PER_MB = 1.0
BASE_BUDGET = 5.0
BUDGET_PER_MB = 5.0


class _Budget:
    """Seconds of search time left to the running rule on the current document."""

    __slots__ = ("left",)

    def __init__(self, seconds: float) -> None:
        self.left = seconds


_budget: ContextVar[_Budget | None] = ContextVar("newslint_pattern_budget", default=None)


class PatternTimeout(Exception):
    """A rule's pattern used up the rule's time budget on one document."""


def budget_for(text: str) -> float:
    return BASE_BUDGET + BUDGET_PER_MB * len(text) / 1_000_000


@contextlib.contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Bound the search time of every :class:`GuardedPattern` used inside the block to ``seconds`` in total."""
    token = _budget.set(_Budget(seconds))
    try:
        yield
    finally:
        with contextlib.suppress(ValueError):  # a generator closed later, from another context
            _budget.reset(token)


def _current() -> _Budget:
    """The running rule's budget; outside any rule (direct use), a fresh default one."""
    return _budget.get() or _Budget(BASE_BUDGET)


def _limit(budget: _Budget, text: str) -> float:
    return min(budget.left, CALL_LIMIT + CALL_LIMIT_PER_MB * len(text) / 1_000_000)


if TYPE_CHECKING:
    Match: TypeAlias = re.Match[str] | regex.Match[str]
else:
    Match = re.Match


class Pattern:
    """What kinds search with: the ``re.Pattern`` methods they use, nothing more."""

    __slots__ = ("shown", "where")

    def __init__(self, where: str, shown: str) -> None:
        self.where = where  # "<file>: key 'patterns'", for messages
        self.shown = shown  # the pattern as the user wrote it

    def search(self, text: str) -> Match | None:
        raise NotImplementedError

    def match(self, text: str) -> Match | None:
        raise NotImplementedError

    def fullmatch(self, text: str) -> Match | None:
        raise NotImplementedError

    def finditer(self, text: str) -> Iterator[Match]:
        raise NotImplementedError


class LiteralPattern(Pattern):
    """A pattern run on ``re`` with no time limit, compiled on its first search.

    Either newslint built it from escaped literal phrases (an alternation of literal
    words joined by ``\\s+`` matches in time linear in the text), or it comes from a
    pack an installed plugin registered (see the module docstring). ``re`` compiles large
    alternations ten times faster than ``regex``, and a timeout costs several
    microseconds per call. Compiling waits for the first search because most patterns
    of most rules are never searched on a short run (a prefilter skips them), and
    compiling all of them was most of the start-up time; syntax errors are still
    reported on load (:func:`check_syntax`).
    """

    __slots__ = ("_compiled", "flags", "source")

    def __init__(self, source: str, flags: int, where: str, shown: str | None = None) -> None:
        super().__init__(where, shown or source)
        self.source = source
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(self.source, self.flags)
        return compiled

    def search(self, text: str) -> Match | None:
        return (self._compiled or self.compiled).search(text)

    def match(self, text: str) -> Match | None:
        return (self._compiled or self.compiled).match(text)

    def fullmatch(self, text: str) -> Match | None:
        return (self._compiled or self.compiled).fullmatch(text)

    def finditer(self, text: str) -> Iterator[Match]:
        return (self._compiled or self.compiled).finditer(text)


class GuardedPattern(Pattern):
    """A regular expression written by a user, whose searches stop at the rule's deadline.

    Its matches are ``regex`` matches, with the ``re.Match`` interface the kinds use
    (``group``, ``start``, ``end``, ``expand``).
    """

    __slots__ = ("compiled",)

    def __init__(self, source: str, flags: int, where: str, shown: str | None = None) -> None:
        super().__init__(where, shown or source)
        engine: Any = importlib.import_module("regex")  # only packs from configuration need it
        self.compiled = engine.compile(source, flags | engine.VERSION0)

    def _timeout(self) -> PatternTimeout:
        return PatternTimeout(
            f"{self.where}: the pattern {self.shown!r} ran out of time; it probably backtracks "
            "catastrophically (nested quantifiers such as (a+)+ or (a|aa)+): rewrite it"
        )

    def _run(self, method: str, text: str) -> Match | None:
        budget = _current()
        if budget.left <= 0:
            raise self._timeout()
        start = time.monotonic()
        try:
            result: Match | None = getattr(self.compiled, method)(text, timeout=_limit(budget, text))
        except TimeoutError:
            raise self._timeout() from None
        finally:
            budget.left -= time.monotonic() - start
        return result

    def search(self, text: str) -> Match | None:
        return self._run("search", text)

    def match(self, text: str) -> Match | None:
        return self._run("match", text)

    def fullmatch(self, text: str) -> Match | None:
        return self._run("fullmatch", text)

    def finditer(self, text: str) -> Iterator[Match]:
        budget = _current()
        matches = self.compiled.finditer(text, timeout=max(_limit(budget, text), 0.001))
        while True:
            if budget.left <= 0:
                raise self._timeout()
            start = time.monotonic()
            try:
                match = next(matches)
            except StopIteration:
                return
            except TimeoutError:
                raise self._timeout() from None
            finally:
                budget.left -= time.monotonic() - start
            yield match


def compile_pattern(
    source: str, flags: int, where: str, shown: str | None = None, *, literal: bool = False
) -> Pattern:
    """Compile ``source`` (``shown`` is what the user wrote); raises ``re.error``/``regex.error``.

    ``literal`` is only for patterns that need no time limit (see :class:`LiteralPattern`):
    they are compiled on first use, so the caller checks their syntax first if they are
    not built from escaped literal text (:func:`check_syntax`).
    """
    if literal:
        return LiteralPattern(source, flags, where, shown)
    return GuardedPattern(source, flags, where, shown)


# What can make patterns that are each valid mean something else, or nothing, once
# joined into one alternation: inline flags (global ones must open the whole expression),
# group names (which may clash) and group references (whose numbers shift). Conservative:
# any unescaped ``(?`` other than ``(?:`` or a look-around (even inside a character class),
# or a backslash before a digit.
_JOIN_SENSITIVE_RE = re.compile(r"(?<!\\)(?:\\\\)*\(\?(?:[^:=!<]|<[^=!])|\\[1-9]")


def joins_as_is(patterns: Iterable[str]) -> bool:
    """Say whether ``(?:p1)|(?:p2)|...`` parses each ``p`` exactly as it parses alone.

    Then the alternation is valid when each pattern is, and it matches (fully) a text
    exactly when one of the patterns does.
    """
    return not any(_JOIN_SENSITIVE_RE.search(p) for p in patterns)


def is_pattern_error(exc: BaseException) -> bool:
    """Say whether ``exc`` is the syntax error of ``re`` or (if it was ever loaded) ``regex``."""
    if isinstance(exc, re.error):
        return True
    engine = sys.modules.get("regex")
    return engine is not None and isinstance(exc, engine.error)


def check_syntax(source: str, flags: int) -> Any:
    """Raise the ``re.error`` that ``re.compile(source, flags)`` would raise, without compiling.

    ``re`` compiles in two steps: it parses, then generates code. Parsing finds every
    syntax error but one: a look-behind must have a fixed width, which code generation
    checks (re/_compiler.py). This walks the parsed tree in the same order and raises the
    same error, so a rule file is rejected on load exactly as before, at a third of the
    cost. Returns the parsed pattern.
    """
    parsed = _PARSER.parse(source, flags)
    if "(?<" in source:  # every look-behind is written (?<= or (?<!: without one, no walk
        _check_lookbehinds(parsed)
    return parsed


_PARSER: Any = importlib.import_module("re._parser")  # re's own parser (private, stable since 3.11)
_CONSTANTS: Any = importlib.import_module("re._constants")
_MAXCODE: int = importlib.import_module("re._compiler").MAXCODE


def _check_lookbehinds(subpattern: Any) -> None:
    c = _CONSTANTS
    for op, av in subpattern.data:
        if op is c.ASSERT or op is c.ASSERT_NOT:
            direction, inner = av
            if direction < 0:
                low, high = inner.getwidth()
                if low > _MAXCODE:
                    raise re.error("looks too much behind")
                if low != high:
                    raise re.error("look-behind requires fixed-width pattern")
            _check_lookbehinds(inner)
        elif op is c.BRANCH:
            for branch in av[1]:
                _check_lookbehinds(branch)
        elif op is c.SUBPATTERN:
            _check_lookbehinds(av[-1])
        elif op is c.ATOMIC_GROUP:
            _check_lookbehinds(av)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            _check_lookbehinds(av[2])
        elif op is c.GROUPREF_EXISTS:
            _check_lookbehinds(av[1])
            if av[2] is not None:
                _check_lookbehinds(av[2])
