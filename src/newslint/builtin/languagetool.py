"""Grammar, spelling and style findings from a LanguageTool server the user runs (``LT:`` codes).

Off unless configured: ``[tool.newslint.plugins.languagetool] server = "http://localhost:8081"``
or ``--languagetool URL`` (``local`` starts a server through language-tool-python, the
``newslint[grammar]`` extra). Each LanguageTool match becomes a finding with code
``LT:<RULE_ID>``, a newslint category, and its first replacement as an unsafe fix. A match
that overlaps a finding of newslint's own rules is dropped (newslint explains that damage
better), as are matches on accepted vocabulary and in ignored regions.
"""

from __future__ import annotations

import atexit
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from newslint.config import Config
from newslint.diagnostics import Category, Edit, Finding, Fix, Severity, Span
from newslint.document import Document
from newslint.engine import crash_finding
from newslint.errors import ConfigError
from newslint.hookspecs import hookimpl
from newslint.packs import did_you_mean

if TYPE_CHECKING:  # the client is imported only when a server is configured (start-up time)
    from newslint.languagetool_client import LanguageToolClient, Match

# The client's defaults, repeated so that reading a configuration needs no client
# (tests/test_languagetool.py checks they agree).
DEFAULT_TIMEOUT = 10.0
DEFAULT_MAX_CHARS = 10_000

PLUGIN = "languagetool"
CODE_PREFIX = "LT"
ORIGIN = "newslint.builtin.languagetool"
LOCAL = "local"
MAX_MESSAGE = 80

_LISTS = ("disabled-rules", "enabled-rules", "disabled-categories", "enabled-categories")
_KEYS = frozenset(
    {
        "server",
        "language",
        "timeout",
        "max-chars",
        "optional",
        "level",
        "mother-tongue",
        "check-names",
        *_LISTS,
    }
)

# LanguageTool category ids -> newslint categories (issue type and rule id refine these below).
_CATEGORIES: Mapping[str, Category] = {
    "TYPOS": Category.SPELLING,
    "COMPOUNDING": Category.SPELLING,
    "CASING": Category.CAPITALIZATION,
    "GRAMMAR": Category.GRAMMAR,
    "CONFUSED_WORDS": Category.GRAMMAR,
    "COLLOCATIONS": Category.GRAMMAR,
    "SEMANTICS": Category.GRAMMAR,
    "PUNCTUATION": Category.GRAMMAR,
    "MISC": Category.GRAMMAR,
    "NONSTANDARD_PHRASES": Category.GRAMMAR,
    "TYPOGRAPHY": Category.STYLE,
    "STYLE": Category.STYLE,
    "REDUNDANCY": Category.STYLE,
    "PLAIN_ENGLISH": Category.STYLE,
    "REPETITIONS_STYLE": Category.STYLE,
    "GENDER_NEUTRALITY": Category.STYLE,
    "WIKIPEDIA": Category.STYLE,
}
_ISSUE_TYPES: Mapping[str, Category] = {
    "misspelling": Category.SPELLING,
    "duplication": Category.REPETITION,
    "grammar": Category.GRAMMAR,
    "style": Category.STYLE,
    "locale-violation": Category.STYLE,
    "register": Category.STYLE,
    "typographical": Category.STYLE,
    "whitespace": Category.STYLE,
}
_AGREEMENT_RE = re.compile(r"A_VS_AN|AGREEMENT|(?:^|_)AGR(?:_|$)|PLURAL|SINGULAR|NON3PRS|3SG|_VBZ|_VBP")
_REPETITION_RE = re.compile(r"WORD_REPEAT|DOUBLE|DUPLICATE|DT_DT|REPEATED")
_FIRST_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z`'\"“])")
_SEVERITIES: Mapping[Category, Severity] = {
    Category.STYLE: Severity.INFO,
    Category.SPELLING: Severity.WARNING,
}


def map_category(match: Match) -> Category:
    """A newslint category for a match: rule id patterns first, then category, then issue type."""
    rule_id = match.rule_id.upper()
    if _REPETITION_RE.search(rule_id):
        return Category.REPETITION
    if _AGREEMENT_RE.search(rule_id):
        return Category.AGREEMENT
    if match.issue_type == "misspelling":
        return Category.SPELLING
    if match.category_id in _CATEGORIES:
        return _CATEGORIES[match.category_id]
    return _ISSUE_TYPES.get(match.issue_type, Category.GRAMMAR)


def finding_code(rule_id: str) -> str:
    return f"{CODE_PREFIX}:{re.sub(r'[^A-Za-z0-9_]', '_', rule_id) or 'UNKNOWN'}"


def rule_name(rule_id: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", rule_id.lower()).strip("-")
    return f"lt-{slug or 'unknown'}"


def _message(match: Match, matched: str) -> str:
    whole = match.message.split("\n")[0].strip()
    text = _FIRST_SENTENCE_RE.split(whole)[0]
    if (text != whole or len(text) > MAX_MESSAGE - 10) and match.short_message:
        text = match.short_message  # LanguageTool's one-line summary, e.g. "Wrong article"
    text = text.rstrip(". ")
    shown = matched if len(matched) <= 30 else matched[:29] + "…"
    suffix = f": `{shown}`" if shown.strip() and f"`{shown}`" not in text else ""
    room = MAX_MESSAGE - len(suffix)
    if len(text) > room:
        text = text[: room - 1].rstrip() + "…"
    return (text[:1].upper() + text[1:] + suffix) if text else f"LanguageTool {match.rule_id}{suffix}"


def _fix(match: Match, span: Span, matched: str) -> Fix | None:
    if not match.replacements:
        return None
    value = match.replacements[0]
    title = f"Replace with `{value}`" if value else f"Delete `{matched}`"
    return Fix.unsafe(title, Edit(span, value))


@dataclass(frozen=True, slots=True)
class Settings:
    """The plugin's table, validated."""

    server: str
    language: str = "en-US"
    timeout: float = DEFAULT_TIMEOUT
    max_chars: int = DEFAULT_MAX_CHARS
    optional: bool = False
    check_names: bool = False  # spelling matches on capitalised words mid-sentence (names, mostly)
    params: tuple[tuple[str, str], ...] = ()


def read_settings(table: Mapping[str, Any], where: str) -> Settings | None:
    """Validate ``[tool.newslint.plugins.languagetool]``; None when no server is set."""
    prefix = f"{where} [plugins.{PLUGIN}]"
    for key in table:
        if key not in _KEYS:
            raise ConfigError(f"{prefix} unknown key '{key}'{did_you_mean(key, sorted(_KEYS))}")
    server = table.get("server")
    if server is None:
        return None
    if not isinstance(server, str) or not server.strip():
        raise ConfigError(f'{prefix} \'server\' must be a URL such as "http://localhost:8081" or "local"')
    language = table.get("language", "en-US")
    if not isinstance(language, str) or not language:
        raise ConfigError(f"{prefix} 'language' must be a language code such as \"en-US\"")
    timeout = table.get("timeout", DEFAULT_TIMEOUT)
    if isinstance(timeout, bool) or not isinstance(timeout, int | float) or timeout <= 0:
        raise ConfigError(f"{prefix} 'timeout' must be a positive number of seconds")
    max_chars = table.get("max-chars", DEFAULT_MAX_CHARS)
    if isinstance(max_chars, bool) or not isinstance(max_chars, int) or max_chars < 100:
        raise ConfigError(f"{prefix} 'max-chars' must be a whole number of at least 100")
    optional = table.get("optional", False)
    check_names = table.get("check-names", False)
    for key, flag in (("optional", optional), ("check-names", check_names)):
        if not isinstance(flag, bool):
            raise ConfigError(f"{prefix} '{key}' must be true or false")
    for key in _LISTS:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{prefix} '{key}' must be a list of LanguageTool rule or category ids")
    if table.get("level", "default") not in ("default", "picky"):
        raise ConfigError(f'{prefix} \'level\' must be "default" or "picky"')
    from newslint.languagetool_client import check_params

    return Settings(
        server=server.strip(),
        language=language,
        timeout=float(timeout),
        max_chars=max_chars,
        optional=optional,
        check_names=check_names,
        params=tuple(sorted(check_params(table).items())),
    )


def with_command_line(
    plugins: Mapping[str, Mapping[str, Any]], server: str | None, optional: bool
) -> Mapping[str, Mapping[str, Any]]:
    """Apply ``--languagetool`` and ``--languagetool-optional`` over the configured table."""
    if server is None and not optional:
        return plugins
    table = dict(plugins.get(PLUGIN, {}))
    if server is not None:
        table["server"] = server
    if optional:
        table["optional"] = True
    return {**plugins, PLUGIN: table}


class Backend:
    """Clients by settings, servers known to be down, and the local server if one was started."""

    def __init__(self) -> None:
        self.clients: dict[Settings, LanguageToolClient] = {}
        self.down: dict[str, str] = {}  # server -> the error, once an optional server failed
        self.local_url: str | None = None

    def clear(self) -> None:
        self.clients.clear()
        self.down.clear()

    def client(self, settings: Settings) -> LanguageToolClient:
        from newslint.languagetool_client import LanguageToolClient

        if settings not in self.clients:
            url = self._local_url(settings.language) if settings.server == LOCAL else settings.server
            self.clients[settings] = LanguageToolClient(
                url,
                language=settings.language,
                timeout=settings.timeout,
                max_chars=settings.max_chars,
                params=dict(settings.params),
            )
        return self.clients[settings]

    def _local_url(self, language: str) -> str:
        from newslint.languagetool_client import LanguageToolError

        if self.local_url is None:
            try:
                import language_tool_python
            except ImportError:
                raise LanguageToolError(
                    "--languagetool local needs language-tool-python",
                    hint="pip install 'newslint[grammar]' (and Java 17+), or give the URL of a running server",
                ) from None
            try:
                tool = language_tool_python.LanguageTool(language)
            except Exception as exc:  # its start-up fails in many ways: no Java, no download, no port
                raise LanguageToolError(
                    f"could not start a local LanguageTool server: {type(exc).__name__}: {exc}",
                    hint="it needs Java 17+ and downloads LanguageTool on first use; or run a server and give its URL",
                ) from None
            atexit.register(tool.close)
            self.local_url = str(tool.url)
        return self.local_url

    def matches(self, settings: Settings, text: str) -> list[Match]:
        from newslint.languagetool_client import LanguageToolError

        if settings.server in self.down:
            return []
        try:
            return self.client(settings).check(text)
        except LanguageToolError as exc:
            if not settings.optional:
                raise
            self.down[settings.server] = str(exc)
            import logging  # only this warning needs it: keep it out of start-up

            logging.getLogger("newslint.languagetool").warning(
                "newslint: warning: %s; linting without LanguageTool", exc
            )
            return []


BACKEND = Backend()
_SETTINGS: dict[int, tuple[Config, Settings | None]] = {}


def settings_for(config: Config) -> Settings | None:
    cached = _SETTINGS.get(id(config))
    if cached is None or cached[0] is not config:
        table = config.plugins.get(PLUGIN, {})
        cached = (config, read_settings(table, str(config.source or "command line")) if table else None)
        _SETTINGS[id(config)] = cached
    return cached[1]


@hookimpl
def newslint_configure(config: Config) -> None:
    settings_for(config)  # a bad table is a configuration error before any file is linted


def _entry_matches(entry: str, code: str, category: Category) -> int:
    if entry == code:
        return 100
    if entry == "ALL":
        return 1
    if entry == category.value:
        return 2
    if entry.isupper() and code.startswith(entry):
        return 2 + len(entry)
    return 0


def selected(config: Config, code: str, category: Category) -> bool:
    """Apply select, extend-select and ignore to an LT finding as the selection does to rules."""
    chosen = [*(config.select if config.select is not None else ("ALL",)), *config.extend_select]
    best_select = max((_entry_matches(e, code, category) for e in chosen), default=0)
    best_ignore = max((_entry_matches(e, code, category) for e in config.ignore), default=0)
    return best_select > best_ignore


def to_findings(
    document: Document,
    matches: Iterable[Match],
    own: Sequence[Finding],
    config: Config,
    check_names: bool = False,
) -> Iterator[Finding]:
    spans = [f.span for f in own if f.span is not None and f.category is not Category.ERROR]
    for match in matches:
        span = Span(match.start, match.end)
        if span.end > len(document.text) or document.is_ignored(span):
            continue
        if any(other.overlaps(span) or other == span for other in spans):
            continue  # newslint's own finding on the same words says it better
        matched = document[span]
        category = map_category(match)
        if _accepted(document, matched, category):
            continue
        if category is Category.SPELLING and not check_names and _name_like(document, span):
            continue  # LanguageTool's dictionary does not know the people and places in the news
        code = finding_code(match.rule_id)
        if not selected(config, code, category):
            continue
        yield Finding(
            code=code,
            rule=rule_name(match.rule_id),
            category=category,
            severity=_SEVERITIES.get(category, Severity.WARNING),
            span=span,
            message=_message(match, matched),
            fix=_fix(match, span, matched),
            origin=ORIGIN,
        )


def _name_like(document: Document, span: Span) -> bool:
    """A capitalised word mid-sentence, or one the article also uses mid-sentence: most likely a name."""
    word = document[span]
    if not word[:1].isupper() or not word.replace("-", "").replace("'", "").isalpha():
        return False
    before = document.text[: span.start].rstrip(" \t\"“‘'(")
    if before and before[-1] not in ".!?:\n\r":
        return True
    mid_sentence = re.compile(rf"[\w,;] {re.escape(word)}\b")
    return mid_sentence.search(document.text) is not None


def _accepted(document: Document, matched: str, category: Category) -> bool:
    if not document.accept:
        return False
    if matched.strip() in document.accept:
        return True
    return category is Category.SPELLING and any(word in document.accept for word in matched.split())


@hookimpl
def newslint_extra_findings(
    document: Document, findings: Sequence[Finding], config: Config
) -> list[Finding] | None:
    settings = settings_for(config)
    if settings is None or not document.text.strip():
        return None
    matches = BACKEND.matches(settings, document.text)  # LanguageToolError: a clear error, exit 2
    try:
        return list(to_findings(document, matches, findings, config, settings.check_names))
    except Exception as exc:  # a bug in the mapping must not hide the rules' findings: NL902, exit 3
        return [crash_finding(CODE_PREFIX, PLUGIN, ORIGIN, exc)]
