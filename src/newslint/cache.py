"""A cache of findings per file, so that re-linting unchanged files costs a hash and a read.

Entries live in ``.newslint_cache/`` (like ruff's cache) and are keyed by a digest of the
file's decoded text together with a fingerprint of everything else that decides its
findings: the newslint version, the selected rules (codes, severities, options, the
specs of declarative rules), the accepted vocabulary, the file's markup (its suffix),
the loaded plugins and the stamps of the source files that implement them. Change any
of these and the old entries are simply never looked up again.

The cache is an optimisation and never a source of errors: an entry that cannot be read
or parsed is a miss, and a cache folder that cannot be written is ignored. Files that
could not be read, rule crashes and unsettled fixes are never cached.
"""

from __future__ import annotations

import contextlib
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newslint import __version__
from newslint.diagnostics import Applicability, Category, Edit, Finding, Fix, Severity, Span
from newslint.errors import NewslintError
from newslint.files import decode, read_bounded
from newslint.fixes import pick_fixes

if TYPE_CHECKING:
    from newslint.app import FileResult, Linter
    from newslint.config import Config
    from newslint.selection import Selection

CACHE_DIR_NAME = ".newslint_cache"
CACHE_DIR_ENV = "NEWSLINT_CACHE_DIR"
FORMAT_VERSION = 1
UNCACHEABLE_PREFIX = "NL9"  # file errors, crashes, unsettled fixes: always recomputed


def default_cache_dir() -> Path:
    """``$NEWSLINT_CACHE_DIR``, else ``.newslint_cache`` in the working folder."""
    return Path(os.environ.get(CACHE_DIR_ENV) or Path.cwd() / CACHE_DIR_NAME)


@dataclass
class ResultCache:
    """Findings stored as one small JSON file per (text, settings) key."""

    root: Path
    _fingerprints: dict[tuple[int, str], str] = field(default_factory=dict, repr=False)
    _prepared: bool = field(default=False, repr=False)

    def __getstate__(self) -> dict[str, Any]:  # workers rebuild their own fingerprints
        return {"root": self.root, "_fingerprints": {}, "_prepared": self._prepared}

    # -- keys ------------------------------------------------------------------------

    def key(self, fingerprint: str, text: str) -> str:
        import hashlib  # only a run with a cache hashes: ~15 ms of start-up otherwise

        digest = hashlib.sha256(fingerprint.encode("ascii"))
        digest.update(b"\0")
        digest.update(text.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def fingerprint(self, linter: Linter, config: Config, selection: Selection, path: Path | None) -> str:
        suffix = path.suffix.lower() if path is not None else ""
        memo = (id(selection), suffix)
        if memo not in self._fingerprints:
            self._fingerprints[memo] = settings_fingerprint(linter, config, selection, suffix)
        return self._fingerprints[memo]

    def has_entry(self, linter: Linter, path: Path) -> bool:
        """Say cheaply whether the file's current content has an entry (not whether it is valid)."""
        try:
            config = linter.config_for(path)
            data, _stamp = read_bounded(path, config.max_file_size)  # never reads a huge file or a FIFO
            text = decode(data).text
            fingerprint = self.fingerprint(linter, config, linter.selection_for(config, path), path)
            return self._entry(self.key(fingerprint, text)).is_file()
        except (NewslintError, OSError):
            return False

    # -- storage ---------------------------------------------------------------------

    def _entry(self, key: str) -> Path:
        return self.root / f"v{FORMAT_VERSION}" / key[:2] / f"{key}.json"

    def load(self, key: str) -> list[Finding] | None:
        """Return the cached findings, or None for a miss (including any unreadable entry)."""
        import json  # json and hashlib load only when the cache is used (start-up)

        try:
            data = json.loads(self._entry(key).read_bytes())
            if data.get("key") != key:
                return None
            return [finding_from_json(item) for item in data["findings"]]
        except Exception:  # a corrupt or partial entry is a miss, never an error
            return None

    def store(self, key: str, findings: list[Finding]) -> None:
        if any(f.code.startswith(UNCACHEABLE_PREFIX) for f in findings):
            return
        import json

        entry = self._entry(key)
        payload = json.dumps(
            {"key": key, "findings": [finding_to_json(f) for f in findings]}, ensure_ascii=False
        ).encode("utf-8")
        temp = entry.with_name(f".{entry.name}.{os.getpid()}.tmp")
        try:
            self._prepare()
            entry.parent.mkdir(parents=True, exist_ok=True)
            temp.write_bytes(payload)
            os.replace(temp, entry)  # atomic: a concurrent reader sees the old entry or the new one
        except OSError:  # a read-only or full disk only costs the speed-up
            with contextlib.suppress(OSError):
                temp.unlink()

    def _prepare(self) -> None:
        """Mark the folder as a cache for git and backup tools, once."""
        if self._prepared:
            return
        self.root.mkdir(parents=True, exist_ok=True)
        gitignore = self.root / ".gitignore"
        if not gitignore.exists():
            gitignore.write_text("# Automatically created by newslint.\n*\n", encoding="utf-8")
        tag = self.root / "CACHEDIR.TAG"
        if not tag.exists():
            tag.write_text(
                "Signature: 8a477f597d28d172789f06886806bc55\n"
                "# This file is a cache directory tag created by newslint.\n",
                encoding="utf-8",
            )
        self._prepared = True


def check_file_cached(
    linter: Linter,
    cache: ResultCache | None,
    path: Path | None,
    display: str,
    *,
    fix: Applicability | None = None,
    diff: bool = False,
) -> FileResult:
    """``linter.check_file`` with the cache in front of it.

    A hit returns the stored findings with a freshly parsed (lazy, cheap) document. With
    ``fix`` or ``diff``, a hit is used only when none of its findings has a fix to apply,
    so the file would be unchanged anyway; otherwise the file is linted and fixed as usual
    and the findings of the fixed text are stored under the fixed text's key.
    """
    from newslint.app import FileResult

    if cache is None or path is None:
        return linter.check_file_safely(path, display, fix=fix, diff=diff)
    try:
        config = linter.config_for(path)
        data, _stamp = read_bounded(path, config.max_file_size)  # never blocks on a FIFO
        text = decode(data).text
    except (NewslintError, OSError):  # let check_file report the problem the usual way
        return linter.check_file_safely(path, display, fix=fix, diff=diff)
    fingerprint = cache.fingerprint(linter, config, linter.selection_for(config, path), path)
    key = cache.key(fingerprint, text)
    cached = cache.load(key)
    threshold = fix if fix is not None else (Applicability.SAFE if diff else None)
    if cached is not None and (threshold is None or not pick_fixes(cached, threshold)):
        return FileResult(display, linter.parse(text, path, config), cached)
    result = linter.check_file_safely(path, display, fix=fix, diff=diff)
    if result.document is not None:
        after = result.document.text
        cache.store(key if after == text else cache.key(fingerprint, after), result.findings)
    return result


# -- fingerprints ----------------------------------------------------------------------


def settings_fingerprint(linter: Linter, config: Config, selection: Selection, suffix: str) -> str:
    """Digest everything besides the text that decides a file's findings."""
    parts: list[Any] = [FORMAT_VERSION, __version__, sys.version_info[:2], suffix, sorted(config.accept)]
    for item in selection.rules:
        check = item.check
        parts.append(
            [
                item.code,
                item.name,
                item.category.value,
                int(selection.severities.get(item.code, item.severity)),
                dict(selection.options.get(item.code, {})),
                dict(item.options),
                item.origin,
                _spec_of(check),
            ]
        )
    parts.append(_plugin_stamps(linter))
    import hashlib
    import json

    blob = json.dumps(parts, sort_keys=True, default=repr, ensure_ascii=False)

    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def _spec_of(check: object) -> Any:
    """A declarative rule's TOML spec and header; code rules are covered by source stamps."""
    spec = getattr(check, "spec", None)
    header = getattr(check, "header", None)
    if spec is None:
        return None
    import json

    return [json.loads(json.dumps(dict(spec), sort_keys=True, default=repr)), repr(header)]


_STAMPS: dict[int, list[Any]] = {}


def _plugin_stamps(linter: Linter) -> list[Any]:
    """Name, size and modification time of every source file behind the loaded plugins.

    This keeps an editable install (or a plugin being developed) from serving findings
    computed by older code: the version alone changes only at releases.
    """
    if id(linter.pm) in _STAMPS:
        return _STAMPS[id(linter.pm)]
    files: set[Path] = set()
    package = Path(__file__).resolve().parent
    files.update(package.rglob("*.py"))
    for _name, plugin in linter.pm.list_name_plugin():
        where = getattr(plugin, "__file__", None)
        if where:
            files.add(Path(where).resolve())
    stamps: list[Any] = [sorted(name for name, _ in linter.pm.list_name_plugin())]
    for item in sorted(files):
        with contextlib.suppress(OSError):
            stat = item.stat()
            stamps.append([str(item), stat.st_size, stat.st_mtime_ns])
    _STAMPS[id(linter.pm)] = stamps
    return stamps


# -- serialisation -----------------------------------------------------------------------


def finding_to_json(finding: Finding) -> dict[str, Any]:
    fix = finding.fix
    return {
        "code": finding.code,
        "rule": finding.rule,
        "category": finding.category.value,
        "severity": int(finding.severity),
        "span": [finding.span.start, finding.span.end] if finding.span else None,
        "message": finding.message,
        "fix": None
        if fix is None
        else {
            "title": fix.title,
            "applicability": int(fix.applicability),
            "edits": [[e.span.start, e.span.end, e.content] for e in fix.edits],
        },
        "origin": finding.origin,
        "details": finding.details,
    }


_CATEGORIES = {c.value: c for c in Category}  # dict lookups: enum calls are slow on a hot path
_SEVERITIES = {int(s): s for s in Severity}
_APPLICABILITIES = {int(a): a for a in Applicability}


def finding_from_json(data: dict[str, Any]) -> Finding:
    fix_data = data["fix"]
    fix = None
    if fix_data is not None:
        fix = Fix(
            str(fix_data["title"]),
            tuple(Edit(Span(int(s), int(e)), str(c)) for s, e, c in fix_data["edits"]),
            _APPLICABILITIES[fix_data["applicability"]],
        )
    span = data["span"]
    return Finding(
        code=str(data["code"]),
        rule=str(data["rule"]),
        category=_CATEGORIES[data["category"]],
        severity=_SEVERITIES[data["severity"]],
        span=Span(int(span[0]), int(span[1])) if span is not None else None,
        message=str(data["message"]),
        fix=fix,
        origin=str(data["origin"]),
        details=data["details"],
    )
