"""Crash isolation beyond single rules: parser plugins, whole files and formatters.

A rule that raises is isolated by the engine. This module does the same one level up:
a parser plugin that raises is reported and the built-in parser takes over, so every
rule still runs; an unexpected error while linting one file becomes that file's
``NL902`` finding and the other files are still linted; a formatter that raises is
reported and the findings are still printed, by the text formatter on standard error.
"""

from __future__ import annotations

import io
import sys
import traceback
from collections.abc import Iterable
from pathlib import Path
from types import CodeType, TracebackType
from typing import Any, TextIO

import pluggy

from newslint.diagnostics import Category, Finding, Severity
from newslint.document import Document
from newslint.engine import CRASH_CODE
from newslint.errors import NewslintError, PluginError
from newslint.formatters.base import FileReport, Formatter, Summary
from newslint.formatters.text import TextFormatter
from newslint.rules import Rule


def internal_error(exc: BaseException, what: str) -> Finding:
    """An ``NL902`` finding for a crash outside any single rule."""
    return Finding(
        code=CRASH_CODE,
        rule="plugin-crashed",
        category=Category.ERROR,
        severity=Severity.ERROR,
        span=None,
        message=f"{what} crashed: {type(exc).__name__}: {exc}",
        details="".join(traceback.format_exception(exc)),
    )


def parse_isolated(
    pm: pluggy.PluginManager, path: Path | None, text: str, accept: frozenset[str]
) -> tuple[Document, list[Finding]]:
    """Parse through the ``newslint_parse`` hook; if a plugin raises, report it and use the built-in parser."""
    try:
        document: Document = pm.hook.newslint_parse(path=path, text=text, accept=accept)
        return document, []
    except Exception as exc:  # a parser plugin must not stop the file from being linted
        from newslint.builtin.parse import newslint_parse as builtin_parse

        culprit = _plugin_in_traceback(pm, "newslint_parse", exc.__traceback__)
        finding = internal_error(exc, f"parser plugin {culprit!r} (the built-in parser was used)")
        return builtin_parse(path=path, text=text, accept=accept), [finding]


def call_plugins(pm: pluggy.PluginManager, hook: str, **kwargs: Any) -> None:
    """Call a registration or configuration hook; a plugin that raises becomes a
    :class:`PluginError` that names it (exit status 2, like a plugin that fails to load).

    Errors newslint itself raises through the callbacks (a duplicate rule code, say)
    pass through unchanged.
    """
    caller = getattr(pm.hook, hook)
    try:
        if hook == "newslint_configure":
            caller.call_historic(kwargs=kwargs)
        else:
            caller(**kwargs)
    except NewslintError:
        raise
    except Exception as exc:
        culprit = _plugin_in_traceback(pm, hook, exc.__traceback__)
        raise PluginError(
            f"plugin {culprit!r} crashed in {hook}: {type(exc).__name__}: {exc}",
            hint=f"uninstall it, or block it with --no-plugin {culprit}",
        ) from exc


def _plugin_in_traceback(pm: pluggy.PluginManager, hook: str, tb: TracebackType | None) -> str:
    """Name the implementation of ``hook`` whose code appears in the traceback."""
    codes: dict[CodeType, str] = {}
    caller: pluggy.HookCaller = getattr(pm.hook, hook)
    for impl in caller.get_hookimpls():
        code = getattr(impl.function, "__code__", None)
        if code is not None:
            codes[code] = impl.plugin_name
    for frame, _line in traceback.walk_tb(tb):
        if frame.f_code in codes:
            return codes[frame.f_code]
    return "unknown"


class GuardedFormatter:
    """Wrap a formatter so that its crash is reported and the findings still reach the user.

    After the first crash every report (those already given to the crashed formatter,
    which may have buffered them, and the rest of the run) goes to a text formatter on
    ``fallback``. To replay the earlier ones, each report is also rendered as text into
    memory: a few short lines per finding, never the documents themselves.
    """

    def __init__(self, inner: Formatter, name: str, fallback: TextIO, *, verbose: bool = False) -> None:
        self.inner: Formatter = inner
        self.name = name
        self.fallback = fallback
        self.verbose = verbose
        self.crashed = False
        self._rules: list[Rule] = []
        self._replay = io.StringIO()
        self._shadow = (
            None
            if isinstance(inner, TextFormatter)
            else TextFormatter(self._replay, unsafe_fixes=inner.unsafe_fixes)
        )

    def _crash(self, exc: Exception) -> None:
        self.crashed = True
        self.fallback.write(
            f"newslint: error: formatter {self.name!r} crashed: {type(exc).__name__}: {exc}; "
            "the findings follow as text\n"
        )
        if self.verbose:
            self.fallback.write("".join(traceback.format_exception(exc)))
        self.fallback.write(self._replay.getvalue())
        self._shadow = None
        self.inner = TextFormatter(self.fallback, unsafe_fixes=self.inner.unsafe_fixes)
        self.inner.use_rules(self._rules)

    @property
    def wants_statistics(self) -> bool:
        return self.inner.wants_statistics

    def use_rules(self, rules: Iterable[Rule]) -> None:
        self._rules = list(rules)
        if self._shadow is not None:
            self._shadow.use_rules(self._rules)
        try:
            self.inner.use_rules(self._rules)
        except Exception as exc:
            if self.crashed:
                raise
            self._crash(exc)

    def file(self, report: FileReport) -> None:
        try:
            self.inner.file(report)
            if self._shadow is not None:
                self._shadow.file(report)
        except Exception as exc:  # a plugin formatter must not lose the findings
            if self.crashed:
                raise
            self._crash(exc)
            self.inner.file(report)

    def finish(self, summary: Summary) -> None:
        try:
            self.inner.finish(summary)
        except Exception as exc:
            if self.crashed:
                raise
            self._crash(exc)
            self.inner.finish(summary)


def make_formatter(
    factory: type[Formatter], name: str, stream: TextIO, *, color: bool, unsafe_fixes: bool, verbose: bool
) -> GuardedFormatter:
    """Build a guarded formatter; one whose constructor raises is replaced at once."""
    try:
        inner = factory(stream, color=color, unsafe_fixes=unsafe_fixes)
    except Exception as exc:
        guarded = GuardedFormatter(TextFormatter(sys.stderr), name, sys.stderr, verbose=verbose)
        guarded._crash(exc)
        return guarded
    return GuardedFormatter(inner, name, sys.stderr, verbose=verbose)
