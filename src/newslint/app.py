"""One linting run: plugins, configuration, rules and files, with no printing."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pluggy

from newslint.config import Config, find_config_file, load_config
from newslint.diagnostics import Applicability, Category, Finding, Severity
from newslint.document import Document
from newslint.engine import lint_document
from newslint.errors import ConfigError, InputError, NewslintError, PluginError
from newslint.files import Encoding, decode_as, display_name, read_source, write_atomic
from newslint.fixes import MAX_PASSES, fix_until_stable, unified_diff
from newslint.formatters.base import Formatter
from newslint.isolation import call_plugins, internal_error, parse_isolated
from newslint.kinds.base import Kind
from newslint.packs import load_pack
from newslint.plugins import get_plugin_manager
from newslint.rules import RuleRegistry
from newslint.selection import Selection, select_rules, validate_entries, validate_rule_settings
from newslint.suppress import apply_suppressions
from newslint.timing import RuleTimer

if TYPE_CHECKING:  # importlib.resources costs start-up time; only its type is needed
    from importlib.resources.abc import Traversable

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm"})
SKIP_DIRS = frozenset(
    {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".newslint_cache"}
)
ConfigTransform = Callable[[Config], Config]
FILE_ERROR_RULES = {"NL901": "unreadable-file", "NL903": "unwritable-file"}


@dataclass(frozen=True, slots=True)
class FileResult:
    """What linting one file produced."""

    path: str  # as given, or found under a given folder
    document: Document | None
    findings: list[Finding]
    fixed: int = 0
    diff: str = ""
    output: str | None = None  # fixed text for standard input
    output_data: bytes | None = None  # the same, encoded as the input was


@dataclass
class Plugins:
    """What the plugins registered: kinds, packs, code rules and formatters."""

    pm: pluggy.PluginManager
    kinds: dict[str, type[Kind]] = field(default_factory=dict)
    packs: list[Traversable | Path] = field(default_factory=list)
    formatters: dict[str, type[Formatter]] = field(default_factory=dict)
    code_rules: RuleRegistry = field(default_factory=RuleRegistry)

    @classmethod
    def collect(cls, pm: pluggy.PluginManager) -> Plugins:
        plugins = cls(pm)
        call_plugins(pm, "newslint_register_kinds", register=plugins._add_kind)
        call_plugins(pm, "newslint_register_packs", register=plugins.packs.append)
        call_plugins(pm, "newslint_register_formatters", register=plugins._add_formatter)
        call_plugins(pm, "newslint_register_rules", register=plugins.code_rules.add)
        return plugins

    def _add_kind(self, name: str, kind: type[Kind]) -> None:
        if name in self.kinds:
            raise PluginError(f"kind {name!r} is registered twice")
        self.kinds[name] = kind

    def _add_formatter(self, name: str, formatter: type[Formatter]) -> None:
        if name in self.formatters:
            raise PluginError(f"formatter {name!r} is registered twice")
        self.formatters[name] = formatter

    def registry(self, extra_packs: Sequence[Path] = ()) -> RuleRegistry:
        registry = RuleRegistry()
        for item in self.code_rules:
            registry.add(item)
        for folder in self.packs:
            for item in load_pack(folder, self.kinds):
                registry.add(item)
        for folder in extra_packs:  # from the linted repository's configuration: not trusted
            for item in load_pack(folder, self.kinds, guarded=True):
                registry.add(item)
        return registry


class Linter:
    """Lint texts and files with configuration found per file, as the CLI does."""

    def __init__(
        self,
        *,
        config_file: Path | None = None,
        isolated: bool = False,
        transform: ConfigTransform | None = None,
        pm: pluggy.PluginManager | None = None,
        autoload: bool = True,
        blocked: Iterable[str] = (),
        encoding: Encoding = "utf-8",
    ) -> None:
        self.encoding: Encoding = encoding  # "auto": guess the encoding of files that are not UTF-8
        self.pm = pm or get_plugin_manager(autoload=autoload, blocked=blocked)
        self.plugins = Plugins.collect(self.pm)
        self.isolated = isolated
        self.transform = transform or (lambda c: c)
        self._configs: dict[Path, Config] = {}
        self._folders: dict[tuple[str, Path | None], Path] = {}
        self._registries: dict[tuple[Path, ...], RuleRegistry] = {}
        self._selections: dict[tuple[int, Path | None], Selection] = {}
        self._configured: set[int] = set()
        self.timer: RuleTimer | None = None  # set to time each rule (--timing)
        self._fixed_config = self._prepare(load_config(config_file)) if config_file else None

    # -- configuration -------------------------------------------------------------------

    def _prepare(self, config: Config) -> Config:
        config = self.transform(config)
        registry = self.registry_for(config)
        where = str(config.source or "command line")
        validate_entries([*(config.select or ()), *config.extend_select, *config.ignore], registry, where)
        for _glob, entries in config.per_file_ignores:
            validate_entries(entries, registry, where)
        validate_rule_settings(registry, config)
        if id(config) not in self._configured:
            call_plugins(self.pm, "newslint_configure", config=config)
            self._configured.add(id(config))
        return config

    def config_for(self, path: Path | None) -> Config:
        if self._fixed_config is not None:
            return self._fixed_config
        # Resolving a folder costs system calls per file: remember it per (working folder, parent).
        parent = (os.getcwd(), path.parent if path else None)
        folder = self._folders.get(parent)
        if folder is None:
            folder = self._folders[parent] = (path.parent if path else Path.cwd()).resolve()
        if folder not in self._configs:
            found = None if self.isolated else find_config_file(folder)
            self._configs[folder] = self._prepare(load_config(found) if found else Config(root=Path.cwd()))
        return self._configs[folder]

    def registry_for(self, config: Config) -> RuleRegistry:
        key = config.extend_rules
        if key not in self._registries:
            for folder in key:
                if not folder.is_dir():
                    raise ConfigError(f"{config.source}: extend-rules folder {folder} does not exist")
            self._registries[key] = self.plugins.registry(key)
        return self._registries[key]

    def selection_for(self, config: Config, path: Path | None) -> Selection:
        key = (id(config), path if config.per_file_ignores else None)
        if key not in self._selections:
            self._selections[key] = select_rules(self.registry_for(config), config, path)
        return self._selections[key]

    # -- linting -------------------------------------------------------------------------

    def parse(self, text: str, path: Path | None, config: Config) -> Document:
        """Parse ``text``; a crashing parser plugin gives way to the built-in parser."""
        return parse_isolated(self.pm, path, text, config.accept)[0]

    def lint_text(self, text: str, path: Path | None = None) -> list[Finding]:
        """Return the findings for ``text`` as if it were the file at ``path``."""
        config = self.config_for(path)
        return self._lint(text, path, config)[1]

    def _lint(self, text: str, path: Path | None, config: Config) -> tuple[Document, list[Finding]]:
        document, crashes = parse_isolated(self.pm, path, text, config.accept)
        findings = lint_document(document, self.selection_for(config, path), self.timer)
        extra = self.pm.hook.newslint_extra_findings(
            document=document, findings=tuple(findings), config=config
        )
        if any(extra):
            findings = sorted(
                [*findings, *(f for more in extra if more for f in more)], key=lambda f: f.sort_key
            )
        return document, [*crashes, *apply_suppressions(document, findings)]

    def check_file(
        self,
        path: Path | None,
        display: str,
        *,
        fix: Applicability | None = None,
        diff: bool = False,
        data: bytes | None = None,
    ) -> FileResult:
        """Lint one file (or ``data`` read from standard input).

        With ``fix``, apply fixes at or above that applicability and write the file (or, with
        ``diff``, only compute the diff; for standard input, return the fixed text).
        """
        try:
            config = self.config_for(path)
            source = (
                decode_as(data, self.encoding)
                if data is not None
                else read_source(_require(path), config.max_file_size, self.encoding)
            )
        except InputError as exc:
            return FileResult(display, None, [_file_error(exc)])
        document, findings = self._lint(source.text, path, config)
        if fix is None:
            return FileResult(display, document, findings)

        def relint(text: str) -> list[Finding]:
            return self._lint(text, path, config)[1]

        outcome = fix_until_stable(source.text, findings, relint, fix)
        if diff:
            return FileResult(
                display, document, findings, diff=unified_diff(source.text, outcome.text, display)
            )
        remaining = list(outcome.findings)
        if not outcome.stable:
            remaining.append(_unstable_fix())
        after = self.parse(outcome.text, path, config)
        if data is not None:
            try:
                encoded = source.encode(outcome.text)
            except InputError as exc:  # print the input unchanged: a pipe must not lose the text
                return FileResult(
                    display, document, [*findings, _file_error(exc)], output=source.text, output_data=data
                )
            return FileResult(
                display, after, remaining, outcome.applied, output=outcome.text, output_data=encoded
            )
        if outcome.text != source.text and path is not None:
            try:
                write_atomic(path, source.encode(outcome.text), expected=source.stamp)
            except InputError as exc:
                return FileResult(display, document, [*findings, _file_error(exc)])
            except OSError as exc:
                error = InputError(
                    f"Cannot write the fixed file: {exc.strerror or exc}; nothing was changed", code="NL903"
                )
                return FileResult(display, document, [*findings, _file_error(error)])
        return FileResult(display, after, remaining, outcome.applied)

    def check_file_safely(self, path: Path | None, display: str, **options: Any) -> FileResult:
        """:meth:`check_file`, with any unexpected error turned into the file's ``NL902`` finding.

        Configuration and rule-pack errors still raise: they concern the whole run.
        """
        try:
            return self.check_file(path, display, **options)
        except NewslintError:
            raise
        except Exception as exc:  # one file must never stop the others
            return FileResult(display, None, [internal_error(exc, "newslint, while linting this file,")])


def _unstable_fix() -> Finding:
    return Finding(
        code="NL904",
        rule="unstable-fix",
        category=Category.ERROR,
        severity=Severity.ERROR,
        span=None,
        message=f"Fixes did not settle after {MAX_PASSES} passes; the rest were not applied",
    )


def lint_text(
    text: str,
    *,
    path: str | Path | None = None,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
    isolated: bool = True,
) -> list[Finding]:
    """Lint ``text`` and return its findings, sorted by position.

    Configuration files are ignored unless ``isolated`` is false; then the nearest one
    above ``path`` (or the working folder) applies. Raises :class:`NewslintError` for a
    bad selection or configuration.
    """

    def transform(config: Config) -> Config:
        if select is not None:
            config = replace(config, select=tuple(select))
        return replace(config, ignore=(*config.ignore, *ignore)) if ignore else config

    linter = Linter(isolated=isolated, transform=transform)
    return linter.lint_text(text, Path(path) if path is not None else None)


def _require(path: Path | None) -> Path:
    if path is None:
        raise InputError("No path given")
    return path


def _file_error(exc: InputError) -> Finding:
    return Finding(
        code=exc.code,
        rule=FILE_ERROR_RULES.get(exc.code, "unreadable-file"),
        category=Category.ERROR,
        severity=Severity.ERROR,
        span=None,
        message=str(exc),
    )


def iter_files(paths: Sequence[str], exclude: Sequence[str] = ()) -> Iterator[tuple[Path | None, str]]:
    """Expand files and folders into (path, display) pairs; ``-`` stands for standard input.

    Folders are walked without following symbolic links, so a link loop cannot trap the
    walk; inside folders only article files (.txt, .md, .html ...) are taken. A folder
    that cannot be listed is yielded itself, so that reading it reports why. Displayed
    names are printable whatever bytes the file name holds (see ``display_name``).
    """
    for raw in paths:
        if raw == "-":
            yield None, "-"
            continue
        path = Path(raw)
        if not path.is_dir():
            yield path, display_name(raw)
            continue
        unlistable: list[OSError] = []
        for root, dirs, names in os.walk(path, onerror=unlistable.append):
            yield from _unlistable(unlistable)
            dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
            for name in sorted(names):
                candidate = Path(root) / name
                if candidate.suffix.lower() in TEXT_SUFFIXES and not _excluded(candidate, exclude):
                    yield candidate, display_name(str(candidate))
        yield from _unlistable(unlistable)


def _unlistable(errors: list[OSError]) -> Iterator[tuple[Path | None, str]]:
    for error in errors:
        if error.filename is not None:
            name = os.fsdecode(error.filename)
            yield Path(name), display_name(name)
    errors.clear()


def _excluded(path: Path, patterns: Sequence[str]) -> bool:
    return any(path.match(p) for p in patterns)
