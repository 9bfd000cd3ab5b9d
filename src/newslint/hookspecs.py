"""Hook specifications: everything pluggable in newslint goes through these.

Built-in rules, kinds, packs and formatters register through the same hooks as
third-party plugins. Hooks are called with keywords, and an implementation may take
any subset of a hook's arguments, so a spec can grow without breaking plugins.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from newslint.config import Config
    from newslint.diagnostics import Finding
    from newslint.document import Document
    from newslint.formatters.base import Formatter
    from newslint.kinds.base import Kind
    from newslint.rules import Rule

hookspec = pluggy.HookspecMarker("newslint")
hookimpl = pluggy.HookimplMarker("newslint")


@hookspec
def newslint_register_rules(register: Callable[[Rule], None]) -> None:
    """Register rules written in code.

    :param register: call ``register(rule)`` once per :class:`newslint.Rule`.
    """


@hookspec
def newslint_register_kinds(register: Callable[[str, type[Kind]], None]) -> None:
    """Register declarative rule kinds that rule packs can use.

    :param register: call ``register("existence", ExistenceKind)``.
    """


@hookspec
def newslint_register_packs(register: Callable[[Traversable | Path], None]) -> None:
    """Register folders of declarative rule files (a ``pack.toml`` and one TOML per rule).

    :param register: call ``register(folder)`` with a path or an importlib resource.
    """


@hookspec
def newslint_register_formatters(register: Callable[[str, type[Formatter]], None]) -> None:
    """Register output formatters, chosen with ``--format NAME``.

    :param register: call ``register("json", JsonFormatter)``.
    """


@hookspec(historic=True)
def newslint_configure(config: Config) -> None:
    """Read settings once the configuration is known.

    :param config: the run's configuration; a plugin's own table is
        ``config.plugins.get("<name>", {})`` from ``[tool.newslint.plugins.<name>]``.
    """


@hookspec(firstresult=True)
def newslint_parse(path: Path | None, text: str, accept: frozenset[str]) -> Document | None:
    """Turn decoded text into a Document, or return None to let another plugin do it.

    Stops at the first non-None result; the built-in parser runs last.

    :param path: the file's path, or None for standard input without ``--stdin-filename``.
    :param text: the decoded text, never normalised.
    :param accept: the configured vocabulary of names and terms never flagged.
    """


@hookspec
def newslint_extra_findings(
    document: Document, findings: Sequence[Finding], config: Config
) -> Sequence[Finding] | None:
    """Add findings from a whole-document backend (e.g. a LanguageTool server) after the rules ran.

    Called once per linted text, before suppression comments apply. Unlike a rule, the
    backend sets each finding's code (``LT:RULE_ID``), category and severity itself, and it
    must honour ``document.ignored`` and ``document.accept`` itself.

    :param document: the parsed text.
    :param findings: what the selected rules found, so a backend can drop duplicates.
    :param config: the file's configuration (``config.plugins`` holds plugin settings).
    :return: extra findings, or None.
    """
