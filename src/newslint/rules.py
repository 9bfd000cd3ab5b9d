"""Rules: identity, documentation, examples and the check; and the registry that holds them."""

from __future__ import annotations

import enum
import inspect
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from newslint.diagnostics import Category, Severity, Violation
from newslint.document import Document
from newslint.errors import PluginError

Options = Mapping[str, Any]
Check = Callable[[Document, Options], Iterable[Violation]]

CODE_RE = re.compile(r"^[A-Z]{2,3}\d{3}$|^[A-Z]{2,3}:[A-Za-z0-9_]+$")
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
_EMPTY: Options = MappingProxyType({})


class FixAvailability(enum.StrEnum):
    """Whether a rule's findings come with fixes."""

    NONE = "none"
    SOMETIMES = "sometimes"
    ALWAYS = "always"


@dataclass(frozen=True, slots=True, kw_only=True)
class RuleDoc:
    """A rule's documentation under fixed headings, rendered by ``--explain``."""

    what: str
    why: str
    example: str = ""
    fix_safety: str = ""
    link: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Examples:
    """Texts the rule must flag and texts it must leave alone; a meta-test runs them."""

    flag: tuple[str, ...] = ()
    pass_: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Rule:
    """A check and everything the engine and the user need to know about it."""

    code: str
    name: str
    category: Category
    severity: Severity
    check: Check
    doc: RuleDoc
    examples: Examples = field(default_factory=Examples)
    fix: FixAvailability = FixAvailability.NONE
    enabled_by_default: bool = True
    options: Options = field(default_factory=lambda: _EMPTY)  # option name -> default value
    origin: str = ""

    def run(self, document: Document, options: Options | None = None) -> Iterable[Violation]:
        if not options and type(self.options) is MappingProxyType:
            return self.check(document, self.options)  # already read-only: no copy per document
        merged = dict(self.options)
        if options:
            merged.update(options)
        return self.check(document, MappingProxyType(merged))


def _docstring_sections(text: str) -> dict[str, str]:
    """Split a docstring written with ``## What it does`` style headings into sections."""
    sections: dict[str, str] = {}
    current = None
    lines: list[str] = []
    for line in inspect.cleandoc(text).splitlines():
        heading = re.match(r"^##\s+(.+?)\s*$", line)
        if heading:
            if current:
                sections[current] = "\n".join(lines).strip()
            current, lines = heading.group(1).lower(), []
        else:
            lines.append(line)
    if current:
        sections[current] = "\n".join(lines).strip()
    return sections


def doc_from_docstring(text: str | None) -> RuleDoc:
    sections = _docstring_sections(text or "")
    return RuleDoc(
        what=sections.get("what it does", ""),
        why=sections.get("why is this bad", sections.get("why", "")),
        example=sections.get("example", ""),
        fix_safety=sections.get("fix safety", ""),
    )


def _parameter_count(func: Callable[..., Any]) -> int:
    """``len(inspect.signature(func).parameters)``, read off the code object of a plain function.

    ``inspect.signature`` costs ~50 microseconds a rule at import; a function that is
    wrapped or declares its own signature still goes through it.
    """
    code = getattr(func, "__code__", None)
    if (
        code is None
        or not inspect.isfunction(func)
        or hasattr(func, "__wrapped__")
        or hasattr(func, "__signature__")
    ):
        return len(inspect.signature(func).parameters)
    starred = bool(code.co_flags & inspect.CO_VARARGS) + bool(code.co_flags & inspect.CO_VARKEYWORDS)
    return int(code.co_argcount + code.co_kwonlyargcount + starred)


def rule(
    *,
    code: str,
    name: str,
    category: Category,
    severity: Severity,
    fix: FixAvailability = FixAvailability.NONE,
    flag: Iterable[str] = (),
    pass_: Iterable[str] = (),
    enabled_by_default: bool = True,
    options: Mapping[str, Any] | None = None,
) -> Callable[[Callable[..., Iterable[Violation]]], Rule]:
    """Turn a generator function into a :class:`Rule`, its docstring into the rule's docs.

    The function takes ``(document)`` or ``(document, options)``; the docstring uses the
    headings ``## What it does``, ``## Why is this bad``, ``## Example``, ``## Fix safety``.
    """

    def decorate(func: Callable[..., Iterable[Violation]]) -> Rule:
        wants_options = _parameter_count(func) > 1

        def check(document: Document, opts: Options) -> Iterable[Violation]:
            return func(document, opts) if wants_options else func(document)

        return Rule(
            code=code,
            name=name,
            category=category,
            severity=severity,
            check=check,
            doc=doc_from_docstring(func.__doc__),
            examples=Examples(flag=tuple(flag), pass_=tuple(pass_)),
            fix=fix,
            enabled_by_default=enabled_by_default,
            options=MappingProxyType(dict(options or {})),
            origin=func.__module__,
        )

    return decorate


class RuleRegistry:
    """All known rules, with unique codes and names."""

    def __init__(self) -> None:
        self._by_code: dict[str, Rule] = {}
        self._by_name: dict[str, Rule] = {}

    def add(self, item: Rule) -> None:
        where = item.origin or "a plugin"
        if not CODE_RE.match(item.code):
            raise PluginError(f"{where}: rule code {item.code!r} must look like 'SC101'")
        if not NAME_RE.match(item.name):
            raise PluginError(f"{where}: rule name {item.name!r} must be kebab-case")
        if item.category is Category.ERROR and not item.code.startswith("NL9"):
            raise PluginError(f"{where}: category 'error' is reserved for NL9xx codes")
        if not item.doc.what or not item.doc.why:
            raise PluginError(f"{where}: rule {item.code} needs docs: what it does and why")
        for key, table in ((item.code, self._by_code), (item.name, self._by_name)):
            if key in table:
                other = table[key].origin or "another plugin"
                raise PluginError(f"{where}: rule {key!r} is already defined by {other}")
        self._by_code[item.code] = item
        self._by_name[item.name] = item

    def __iter__(self) -> Iterator[Rule]:
        return iter(sorted(self._by_code.values(), key=lambda r: r.code))

    def __len__(self) -> int:
        return len(self._by_code)

    def get(self, key: str) -> Rule | None:
        return self._by_code.get(key.upper()) or self._by_name.get(key)
