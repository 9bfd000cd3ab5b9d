"""Find and parse configuration: ``newslint.toml`` or ``[tool.newslint]`` in ``pyproject.toml``."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from newslint.diagnostics import Severity
from newslint.errors import ConfigError
from newslint.packs import did_you_mean

CONFIG_FILES = ("newslint.toml", ".newslint.toml", "pyproject.toml")
DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024
_UNITS = {"b": 1, "kb": 1000, "kib": 1024, "mb": 1000**2, "mib": 1024**2, "gb": 1000**3, "gib": 1024**3}
_LIST_KEYS = ("select", "extend-select", "ignore", "extend-rules", "accept", "exclude")
KEYS = frozenset(
    {*_LIST_KEYS, "per-file-ignores", "fail-on", "rules", "plugins", "max-file-size", "unsafe-fixes"}
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Config:
    """One resolved configuration; every path in it is absolute."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    fail_on: Severity = Severity.INFO
    extend_rules: tuple[Path, ...] = ()
    accept: frozenset[str] = frozenset()
    exclude: tuple[str, ...] = ()
    rules: Mapping[str, Mapping[str, Any]] = field(default_factory=lambda: MappingProxyType({}))
    plugins: Mapping[str, Mapping[str, Any]] = field(default_factory=lambda: MappingProxyType({}))
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    unsafe_fixes: bool = False
    source: Path | None = None  # the file it came from
    root: Path = field(default_factory=Path.cwd)  # per-file-ignores and extend-rules are relative to this

    def with_overrides(self, **changes: Any) -> Config:
        return replace(self, **changes)


def find_config_file(start: Path) -> Path | None:
    """Return the nearest config file at or above ``start`` (a file or a folder)."""
    folder = start if start.is_dir() else start.parent
    for directory in (folder.resolve(), *folder.resolve().parents):
        for name in CONFIG_FILES:
            candidate = directory / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_tool_table(candidate)):
                return candidate
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False
    return isinstance(data.get("tool"), dict) and "newslint" in data["tool"]


def load_config(path: Path) -> Config:
    """Parse one config file strictly: unknown keys and wrong types are errors."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    where = f"{path}: [tool.newslint]" if path.name == "pyproject.toml" else f"{path}:"
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("newslint", {})
    return parse_config(data, where=where, root=path.parent.resolve(), source=path)


def parse_config(data: Mapping[str, Any], *, where: str, root: Path, source: Path | None = None) -> Config:
    for key in data:
        if key not in KEYS:
            raise ConfigError(f"{where} unknown key '{key}'{did_you_mean(key, KEYS)}")
    lists = {key: _string_list(data, key, where) for key in _LIST_KEYS}
    pfi = data.get("per-file-ignores", {})
    if not isinstance(pfi, dict):
        raise ConfigError(f"{where} 'per-file-ignores' must be a table of glob = [codes]")
    if any(not glob.strip() for glob in pfi):
        raise ConfigError(f"{where} 'per-file-ignores' has an empty glob")
    per_file = tuple((glob, tuple(_string_list(pfi, glob, where, "per-file-ignores."))) for glob in pfi)
    fail_on = data.get("fail-on", "info")
    try:
        severity = Severity.parse(fail_on) if isinstance(fail_on, str) else None
    except ValueError:
        severity = None
    if severity is None:
        raise ConfigError(f'{where} \'fail-on\' must be "info", "warning" or "error", not {fail_on!r}')
    rules = _table_of_tables(data, "rules", where)
    plugins = _table_of_tables(data, "plugins", where)
    unsafe = data.get("unsafe-fixes", False)
    if not isinstance(unsafe, bool):
        raise ConfigError(f"{where} 'unsafe-fixes' must be true or false")
    return Config(
        select=tuple(lists["select"]) if "select" in data else None,
        extend_select=tuple(lists["extend-select"]),
        ignore=tuple(lists["ignore"]),
        per_file_ignores=per_file,
        fail_on=severity,
        extend_rules=tuple((root / p).resolve() for p in lists["extend-rules"]),
        accept=frozenset(lists["accept"]),
        exclude=tuple(lists["exclude"]),
        rules=rules,
        plugins=plugins,
        max_file_size=parse_size(data.get("max-file-size", DEFAULT_MAX_FILE_SIZE), where),
        unsafe_fixes=unsafe,
        source=source,
        root=root,
    )


def _string_list(data: Mapping[str, Any], key: str, where: str, parent: str = "") -> list[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where} '{parent}{key}' must be a list of strings")
    return value


def _table_of_tables(data: Mapping[str, Any], key: str, where: str) -> Mapping[str, Mapping[str, Any]]:
    value = data.get(key, {})
    if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
        raise ConfigError(f"{where} '{key}' must be a table of tables, e.g. [{key}.NAME]")
    return MappingProxyType({k: MappingProxyType(v) for k, v in value.items()})


def parse_size(value: object, where: str) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    if isinstance(value, str):
        text = value.strip().lower().replace(" ", "")
        number = text.rstrip("abcdefghijklmnopqrstuvwxyz")
        unit = text[len(number) :] or "b"
        if number.replace(".", "", 1).isdigit() and unit in _UNITS:
            return int(float(number) * _UNITS[unit])
    raise ConfigError(f"{where} 'max-file-size' must be a size such as \"10MiB\", not {value!r}")
