"""A small client for a LanguageTool HTTP server (``/v2/check`` and ``/v2/languages``).

It speaks the documented HTTP API with the standard library rather than through
language-tool-python's remote mode, because:

- offsets: the server counts offsets and lengths in UTF-16 code units (Java strings), and
  newslint counts code points. language-tool-python corrects only ``offset`` for characters
  outside the Basic Multilingual Plane (not ``length``), and keeps that state in class
  attributes shared by every thread; here both ends are mapped exactly, per chunk;
- control: one explicit timeout per request, one clear error when the server is down, a
  cache keyed by the hash of each chunk, and chunks sized to the server's limit;
- dependencies: a configured URL needs nothing installed. language-tool-python (the
  ``newslint[grammar]`` extra) is used only to start a local server (``local``).

No request is ever made unless the user configured a server.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from newslint.errors import NewslintError

DEFAULT_TIMEOUT = 10.0
DEFAULT_MAX_CHARS = 10_000  # UTF-16 units per request; LanguageTool's public API allows 20,000
_SUGGESTION_RE = re.compile(r"</?suggestion>")
_PARAGRAPH_BREAK_RE = re.compile(r"\n[ \t]*\n")
_SENTENCE_END_RE = re.compile(r"[.!?][\"”’)]*\s+")

Opener = Callable[..., Any]  # urllib.request.urlopen's signature


class LanguageToolError(NewslintError):
    """The LanguageTool server cannot be reached or answered with an error."""


@dataclass(frozen=True, slots=True)
class Match:
    """One LanguageTool match, with code-point offsets into the whole checked text."""

    start: int
    end: int
    message: str
    short_message: str
    replacements: tuple[str, ...]
    rule_id: str
    rule_description: str
    issue_type: str
    category_id: str
    category_name: str

    def shifted(self, delta: int) -> Match:
        return Match(
            self.start + delta,
            self.end + delta,
            self.message,
            self.short_message,
            self.replacements,
            self.rule_id,
            self.rule_description,
            self.issue_type,
            self.category_id,
            self.category_name,
        )


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class Utf16Index:
    """Map UTF-16 code-unit offsets (LanguageTool's) to code-point offsets (newslint's)."""

    def __init__(self, text: str) -> None:
        self._length = len(text)
        self._units: list[int] | None = None
        if any(ord(ch) > 0xFFFF for ch in text):
            units, total = [], 0
            for ch in text:
                units.append(total)
                total += 2 if ord(ch) > 0xFFFF else 1
            units.append(total)
            self._units = units

    def start(self, offset: int) -> int:
        """The code point at ``offset``; an offset inside a surrogate pair rounds down."""
        if self._units is None:
            return min(max(offset, 0), self._length)
        return min(max(bisect.bisect_right(self._units, offset) - 1, 0), self._length)

    def end(self, offset: int) -> int:
        """The code point ending at ``offset``; an offset inside a surrogate pair rounds up."""
        if self._units is None:
            return min(max(offset, 0), self._length)
        return min(bisect.bisect_left(self._units, max(offset, 0)), self._length)


def split_chunks(text: str, max_units: int) -> list[tuple[int, str]]:
    """Split ``text`` into (start, chunk) pieces of at most ``max_units`` UTF-16 units.

    Pieces end at paragraph breaks where possible, then at sentence ends, then at spaces;
    together they cover the text exactly, so offsets add up.
    """
    if max_units < 1:
        raise ValueError("max_units must be positive")
    chunks: list[tuple[int, str]] = []
    start = 0
    while utf16_length(text[start:]) > max_units:
        window = _prefix_within(text, start, max_units)
        cut = _last_boundary(text, start, window)
        chunks.append((start, text[start:cut]))
        start = cut
    if start < len(text) or not chunks:
        chunks.append((start, text[start:]))
    return chunks


def _prefix_within(text: str, start: int, max_units: int) -> int:
    """The end of the longest prefix of ``text[start:]`` that fits in ``max_units``."""
    units, end = 0, start
    while end < len(text):
        size = 2 if ord(text[end]) > 0xFFFF else 1
        if units + size > max_units:
            break
        units += size
        end += 1
    return max(end, start + 1)


def _last_boundary(text: str, start: int, end: int) -> int:
    piece = text[start:end]
    for pattern in (_PARAGRAPH_BREAK_RE, _SENTENCE_END_RE, re.compile(r"\s+")):
        ends = [m.end() for m in pattern.finditer(piece) if m.end() < len(piece)]
        if ends:
            return start + ends[-1]
    return end


@dataclass
class LanguageToolClient:
    """Check texts against one LanguageTool server with fixed settings."""

    url: str
    language: str = "en-US"
    timeout: float = DEFAULT_TIMEOUT
    max_chars: int = DEFAULT_MAX_CHARS
    params: Mapping[str, str] = field(default_factory=dict)  # extra /v2/check fields
    opener: Opener | None = None  # urllib.request.urlopen unless given (imported on first request)
    _cache: dict[str, list[Match]] = field(default_factory=dict, repr=False)
    _language_checked: bool = field(default=False, repr=False)
    requests: int = field(default=0, repr=False)  # how many requests went out

    def __post_init__(self) -> None:
        self.url = base_url(self.url)

    # -- the API ---------------------------------------------------------------------

    def languages(self) -> list[dict[str, Any]]:
        data = self._request("languages", None)
        if not isinstance(data, list):
            raise LanguageToolError(f"LanguageTool server {self.url} sent no language list")
        return [item for item in data if isinstance(item, dict)]

    def ensure_language(self) -> None:
        """Fail early, with the list of codes, when the server does not know the language."""
        if self._language_checked or self.language == "auto":
            return
        known = {str(item.get(key)) for item in self.languages() for key in ("code", "longCode")}
        if self.language not in known:
            listed = ", ".join(sorted(k for k in known if k != "None")[:12])
            raise LanguageToolError(
                f"LanguageTool server {self.url} does not support language {self.language!r}",
                hint=f"set [tool.newslint.plugins.languagetool] language to one of: {listed}, ...",
            )
        self._language_checked = True

    def check(self, text: str) -> list[Match]:
        """Return every match in ``text``, offsets in code points, checking chunk by chunk."""
        self.ensure_language()
        matches: list[Match] = []
        for start, chunk in split_chunks(text, self.max_chars):
            if chunk.strip():
                matches.extend(m.shifted(start) for m in self._check_chunk(chunk))
        return matches

    # -- internals -------------------------------------------------------------------

    def _cache_key(self, chunk: str) -> str:
        import hashlib  # json, hashlib and urllib only once a server is used: out of start-up
        import json

        settings = json.dumps([self.url, self.language, sorted(self.params.items())])
        return hashlib.sha256(f"{settings}\0{chunk}".encode()).hexdigest()

    def _check_chunk(self, chunk: str) -> list[Match]:
        key = self._cache_key(chunk)
        if key not in self._cache:
            data = self._request("check", {"text": chunk, "language": self.language, **self.params})
            raw = data.get("matches") if isinstance(data, dict) else None
            if not isinstance(raw, list):
                raise LanguageToolError(f"LanguageTool server {self.url} sent a check result without matches")
            index = Utf16Index(chunk)
            self._cache[key] = [m for m in (parse_match(item, index) for item in raw) if m is not None]
        return self._cache[key]

    def _request(self, endpoint: str, form: Mapping[str, str] | None) -> Any:
        # Imported here: they pull in http.client and ssl, which a run without a server never needs.
        import http.client
        import json
        import urllib.error
        import urllib.parse
        import urllib.request

        url = urllib.parse.urljoin(self.url, endpoint)
        body = urllib.parse.urlencode(form).encode("utf-8") if form is not None else None
        request = urllib.request.Request(url, data=body, headers={"Accept": "application/json"})
        if body is not None:
            request.add_header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
        self.requests += 1
        try:
            with (self.opener or urllib.request.urlopen)(request, timeout=self.timeout) as response:
                payload = response.read()
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace").strip()[:200]
            hint = None
            if exc.code == 413:
                hint = "lower [tool.newslint.plugins.languagetool] max-chars to the server's text limit"
            raise LanguageToolError(
                f"LanguageTool server {self.url} answered {exc.code} {exc.reason}: {detail}", hint=hint
            ) from None
        except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
            reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
            if isinstance(reason, TimeoutError):
                raise LanguageToolError(
                    f"LanguageTool server {self.url} did not answer within {self.timeout:g} s",
                    hint="raise [tool.newslint.plugins.languagetool] timeout, or check the server",
                ) from None
            raise LanguageToolError(
                f"LanguageTool server {self.url} is unreachable: {reason}",
                hint="start the server, fix the URL, or pass --languagetool-optional to lint without it",
            ) from None
        try:
            return json.loads(payload.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise LanguageToolError(f"LanguageTool server {self.url} sent a reply that is not JSON") from None


def base_url(url: str) -> str:
    """Normalise a server URL to its API root ending in ``/v2/``."""
    import urllib.parse

    parsed = urllib.parse.urlsplit(url.strip())
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise LanguageToolError(
            f"LanguageTool server {url!r} is not an http(s) URL, e.g. http://localhost:8081"
        )
    path = parsed.path.rstrip("/")
    if not path.endswith("/v2"):
        path += "/v2"
    return urllib.parse.urlunsplit((parsed.scheme, parsed.netloc, path + "/", "", ""))


def parse_match(item: Any, index: Utf16Index) -> Match | None:
    """Turn one element of ``matches`` into a Match; malformed elements are skipped."""
    if not isinstance(item, dict):
        return None
    offset, length = item.get("offset"), item.get("length")
    if not isinstance(offset, int) or not isinstance(length, int) or offset < 0 or length < 0:
        return None
    rule = _table(item.get("rule"))
    category = _table(rule.get("category"))
    replacements = tuple(
        str(r["value"]) for r in item.get("replacements") or () if isinstance(r, dict) and "value" in r
    )
    start = index.start(offset)
    return Match(
        start=start,
        end=max(start, index.end(offset + length)),
        message=_SUGGESTION_RE.sub("`", str(item.get("message", ""))).strip(),
        short_message=str(item.get("shortMessage") or ""),
        replacements=replacements,
        rule_id=str(rule.get("id", "UNKNOWN")),
        rule_description=str(rule.get("description", "")),
        issue_type=str(rule.get("issueType", "")),
        category_id=str(category.get("id", "")),
        category_name=str(category.get("name", "")),
    )


def _table(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def check_params(settings: Mapping[str, Any]) -> dict[str, str]:
    """The optional /v2/check fields from the plugin settings."""
    params: dict[str, str] = {}
    names: Sequence[tuple[str, str]] = (
        ("disabled-rules", "disabledRules"),
        ("enabled-rules", "enabledRules"),
        ("disabled-categories", "disabledCategories"),
        ("enabled-categories", "enabledCategories"),
    )
    for key, field_name in names:
        values = settings.get(key) or []
        if values:
            params[field_name] = ",".join(values)
    if settings.get("level", "default") != "default":
        params["level"] = str(settings["level"])
    if settings.get("mother-tongue"):
        params["motherTongue"] = str(settings["mother-tongue"])
    return params
