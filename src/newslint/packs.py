"""Load declarative rule packs: a folder with ``pack.toml`` and one TOML file per rule."""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from newslint.diagnostics import Applicability, Category, Severity
from newslint.errors import RulePackError
from newslint.kinds.base import SCOPES, Kind, RuleHeader
from newslint.rules import Examples, FixAvailability, Rule, RuleDoc

if TYPE_CHECKING:  # importlib.resources costs start-up time; only its type is needed
    from importlib.resources.abc import Traversable

PACK_KEYS = frozenset({"name", "prefix", "version", "description", "enabled-by-default", "languages"})
HEADER_KEYS = frozenset(
    {
        "code",
        "name",
        "category",
        "kind",
        "severity",
        "scope",
        "skip-quotes",
        "enabled-by-default",
        "message",
        "fix",
        "fix-title",
        "link",
        "doc",
        "examples",
    }
)
REQUIRED_KEYS = ("code", "name", "category", "kind", "severity", "message", "doc", "examples")
DOC_KEYS = frozenset({"what", "why", "example", "fix-safety"})
EXAMPLE_KEYS = frozenset({"flag", "pass"})


def did_you_mean(word: str, choices: Any) -> str:
    import difflib  # only error messages need it: keep it out of start-up

    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


@lru_cache(maxsize=512)
def parse_rule_text(text: str) -> dict[str, Any]:
    """A rule file's TOML, parsed once per process: the scrape rules read the shipped
    scrape pack's files again (scrape_structure.py). Callers must not modify the result."""
    return tomllib.loads(text)


def _read_toml(path: Traversable | Path, where: str) -> dict[str, Any]:
    try:
        return parse_rule_text(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise RulePackError(f"{where}: invalid TOML: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RulePackError(f"{where}: cannot read: {exc}") from None


def load_pack(
    folder: Traversable | Path, kinds: Mapping[str, type[Kind]], *, guarded: bool = False
) -> Iterator[Rule]:
    """Yield the rules of one pack folder, validating every file eagerly.

    ``guarded`` is for packs that come from configuration rather than from an installed
    plugin: their regular expressions get time limits (see kinds/patterns.py).
    """
    manifest_path = folder / "pack.toml"
    where = str(manifest_path)
    if not manifest_path.is_file():
        raise RulePackError(f"{folder}: not a rule pack (no pack.toml)")
    manifest = _read_toml(manifest_path, where)
    _check_keys(manifest, PACK_KEYS, where, "")
    name, prefix = manifest.get("name"), manifest.get("prefix")
    if (
        not isinstance(name, str)
        or not isinstance(prefix, str)
        or not prefix.isalpha()
        or not prefix.isupper()
    ):
        raise RulePackError(f'{where}: needs name = "..." and an upper-case prefix = "XX"')
    pack_enabled = _typed(manifest, "enabled-by-default", bool, where, True)
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".toml") and entry.name != "pack.toml" and not entry.name.startswith("_"):
            yield _load_rule(entry, name, prefix, bool(pack_enabled), kinds, guarded)


def _check_keys(table: Mapping[str, Any], allowed: frozenset[str], where: str, parent: str) -> None:
    for key in table:
        if key not in allowed:
            raise RulePackError(f"{where}: unknown key '{parent}{key}'{did_you_mean(key, allowed)}")


def _typed(
    spec: Mapping[str, Any],
    key: str,
    kind: type | tuple[type, ...],
    where: str,
    default: Any = None,
    prefix: str = "",
) -> Any:
    value = spec.get(key, default)
    if value is not None and not isinstance(value, kind):
        names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        raise RulePackError(
            f"{where}: key '{prefix}{key}' must be of type {names}, not {type(value).__name__}"
        )
    return value


def _load_rule(
    path: Traversable | Path,
    pack: str,
    prefix: str,
    pack_enabled: bool,
    kinds: Mapping[str, type[Kind]],
    guarded: bool = False,
) -> Rule:
    where = str(path)
    spec = _read_toml(path, where)
    if "kind" not in spec:
        raise RulePackError(f"{where}: missing required key 'kind' (one of {', '.join(sorted(kinds))})")
    kind_name = _typed(spec, "kind", str, where)
    if kind_name not in kinds:
        raise RulePackError(f"{where}: unknown kind {kind_name!r}{did_you_mean(str(kind_name), kinds)}")
    kind_cls = kinds[kind_name]
    _check_keys(spec, HEADER_KEYS | kind_cls.keys, where, "")
    for key in (*REQUIRED_KEYS, *sorted(kind_cls.required)):
        if key not in spec:
            raise RulePackError(f"{where}: missing required key '{key}'")
    code = _typed(spec, "code", str, where)
    if not code.startswith(prefix) or not code[len(prefix) :].isdigit():
        raise RulePackError(f"{where}: code {code!r} must be '{prefix}' and three digits (the pack's prefix)")
    try:
        category = Category(_typed(spec, "category", str, where))
        severity = Severity.parse(_typed(spec, "severity", str, where))
        fix_value = _typed(spec, "fix", str, where, "none")
        fix = None if fix_value == "none" else Applicability.parse(fix_value)
    except ValueError as exc:
        raise RulePackError(f"{where}: {exc}{_category_hint(spec)}") from None
    scope = _typed(spec, "scope", str, where, "text")
    if scope not in SCOPES:
        raise RulePackError(f"{where}: scope {scope!r} is not one of {', '.join(SCOPES)}")
    doc_table = _typed(spec, "doc", dict, where)
    _check_keys(doc_table, DOC_KEYS, where, "doc.")
    for key in DOC_KEYS:
        _typed(doc_table, key, str, where, prefix="doc.")
    examples = _typed(spec, "examples", dict, where)
    _check_keys(examples, EXAMPLE_KEYS, where, "examples.")
    for key in EXAMPLE_KEYS:
        value = examples.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise RulePackError(f"{where}: key 'examples.{key}' must be a list of strings")
    if not examples.get("flag"):
        raise RulePackError(f"{where}: [examples] needs at least one 'flag' text")
    header = RuleHeader(
        source=where,
        code=code,
        message=_typed(spec, "message", str, where),
        scope=scope,
        skip_quotes=bool(_typed(spec, "skip-quotes", bool, where, True)),
        fix=fix,
        fix_title=_typed(spec, "fix-title", str, where, ""),
        guarded=guarded,
    )
    kind_spec = MappingProxyType({k: v for k, v in spec.items() if k in kind_cls.keys})
    check: Callable[..., Any] = kind_cls(kind_spec, header)
    return Rule(
        code=code,
        name=_typed(spec, "name", str, where),
        category=category,
        severity=severity,
        check=check,
        doc=RuleDoc(
            what=str(doc_table.get("what", "")),
            why=str(doc_table.get("why", "")),
            example=str(doc_table.get("example", "")),
            fix_safety=str(doc_table.get("fix-safety", "")),
            link=_typed(spec, "link", str, where, ""),
        ),
        examples=Examples(flag=tuple(examples.get("flag", ())), pass_=tuple(examples.get("pass", ()))),
        fix=FixAvailability.NONE if fix is None else FixAvailability.ALWAYS,
        enabled_by_default=bool(_typed(spec, "enabled-by-default", bool, where, pack_enabled)),
        origin=f"pack {pack} ({where})",
    )


def _category_hint(spec: Mapping[str, Any]) -> str:
    value = spec.get("category")
    if isinstance(value, str) and value not in {c.value for c in Category}:
        return did_you_mean(value, [c.value for c in Category])
    return ""
