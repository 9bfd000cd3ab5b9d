"""Decide which rules run on a file, and at what severity.

An entry in ``select`` or ``ignore`` is ``ALL``, a code (``SC101``), a rule name
(``share-prompt``), a code prefix (``SC``, ``SC1``) or a category (``encoding``). The
most specific matching entry wins (code or name, then the longest prefix, then
category, then ``ALL``); a tie goes to ``ignore``. Rules that are off by default run
only when an entry other than ``ALL`` selects them.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from newslint.config import Config
from newslint.diagnostics import Category, Severity
from newslint.errors import ConfigError
from newslint.packs import did_you_mean
from newslint.rules import Rule, RuleRegistry

_CATEGORIES = {c.value for c in Category}
_EXACT = 100


def specificity(entry: str, rule: Rule) -> int:
    """Return how specifically ``entry`` names ``rule`` (0: not at all)."""
    if entry == rule.code or entry == rule.name:
        return _EXACT
    if entry == "ALL":
        return 1
    if entry == rule.category.value:
        return 2
    if entry.isupper() and rule.code.startswith(entry):
        return 2 + len(entry)
    return 0


def validate_entries(entries: Iterable[str], registry: RuleRegistry, where: str) -> None:
    """Reject entries that name no rule, prefix or category, with a suggestion."""
    names = [r.code for r in registry] + [r.name for r in registry]
    for entry in entries:
        if entry == "ALL" or entry in _CATEGORIES or registry.get(entry):
            continue
        if entry.isupper() and any(r.code.startswith(entry) for r in registry):
            continue
        hint = did_you_mean(entry, names + sorted(_CATEGORIES))
        raise ConfigError(f"{where}: {entry!r} is not a rule code, prefix, name or category{hint}")


@dataclass(frozen=True, slots=True)
class Selection:
    """The rules that run on one file with their effective severities and options."""

    rules: tuple[Rule, ...]
    severities: Mapping[str, Severity]
    options: Mapping[str, Mapping[str, Any]]


def select_rules(registry: RuleRegistry, config: Config, path: Path | None = None) -> Selection:
    select = list(config.select) if config.select is not None else None
    ignore = list(config.ignore) + _per_file_ignores(config, path)
    chosen = []
    for item in registry:
        best_select = max((specificity(e, item) for e in (select or [])), default=0)
        best_select = max([best_select, *(specificity(e, item) for e in config.extend_select)])
        if select is None and item.enabled_by_default:
            best_select = max(best_select, 1)
        best_ignore = max((specificity(e, item) for e in ignore), default=0)
        if best_select <= best_ignore or best_select == 0:
            continue
        if not item.enabled_by_default and best_select == 1:
            continue
        chosen.append(item)
    severities, options = {}, {}
    for item in chosen:
        settings = dict(config.rules.get(item.code, config.rules.get(item.name, {})))
        severity = settings.pop("severity", None)
        severities[item.code] = Severity.parse(severity) if isinstance(severity, str) else item.severity
        if settings:
            options[item.code] = settings
    return Selection(tuple(chosen), severities, options)


def validate_rule_settings(registry: RuleRegistry, config: Config) -> None:
    """Check ``[rules.X]`` tables name real rules and real options."""
    where = str(config.source or "configuration")
    for key, settings in config.rules.items():
        item = registry.get(key)
        if item is None:
            names = [r.code for r in registry] + [r.name for r in registry]
            raise ConfigError(f"{where}: [rules.{key}] names no rule{did_you_mean(key, names)}")
        for option, value in settings.items():
            if option == "severity":
                try:
                    Severity.parse(value if isinstance(value, str) else "")
                except ValueError:
                    raise ConfigError(
                        f"{where}: [rules.{key}] severity must be info, warning or error"
                    ) from None
            elif option not in item.options:
                allowed = ["severity", *item.options]
                raise ConfigError(
                    f"{where}: [rules.{key}] unknown option '{option}'{did_you_mean(option, allowed)}"
                )
            elif type(value) is not type(item.options[option]):
                expected = type(item.options[option]).__name__
                raise ConfigError(f"{where}: [rules.{key}] '{option}' must be of type {expected}")


def _per_file_ignores(config: Config, path: Path | None) -> list[str]:
    if path is None or not config.per_file_ignores:
        return []
    try:
        relative = PurePosixPath(path.resolve().relative_to(config.root).as_posix())
    except ValueError:
        relative = PurePosixPath(path.as_posix())
    codes: list[str] = []
    for pattern, entries in config.per_file_ignores:
        if relative.match(pattern) or fnmatch.fnmatch(relative.as_posix(), pattern):
            codes.extend(entries)
    return codes
