"""A loopback HTTP server that speaks LanguageTool's documented /v2/check and /v2/languages API.

Its "checker" finds a few fixed patterns and answers with matches shaped like a real
LanguageTool 6.x server's: offsets and lengths in UTF-16 code units (Java strings),
``replacements`` as ``[{"value": ...}]``, and ``rule`` with ``id``, ``description``,
``issueType`` and ``category`` {``id``, ``name``}. Special modes return an error status or
answer slowly, and every request is recorded.
"""

from __future__ import annotations

import json
import re
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LANGUAGES = [
    {"name": "English", "code": "en", "longCode": "en"},
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
    {"name": "German (Germany)", "code": "de", "longCode": "de-DE"},
]

# (pattern, rule id, description, issue type, category id, category name, message, replacements)
PATTERNS = [
    (
        r"\bteh\b",
        "MORFOLOGIK_RULE_EN_US",
        "Possible spelling mistake",
        "misspelling",
        "TYPOS",
        "Possible Typo",
        "Possible spelling mistake found.",
        ["the", "ten", "tech"],
    ),
    (
        r"\b(?:Okonjo|Teh)\b",
        "MORFOLOGIK_RULE_EN_US",
        "Possible spelling mistake",
        "misspelling",
        "TYPOS",
        "Possible Typo",
        "Possible spelling mistake found.",
        ["Okoye", "The"],
    ),
    (
        r"\bFieldMoat\b",
        "MORFOLOGIK_RULE_EN_US",
        "Possible spelling mistake",
        "misspelling",
        "TYPOS",
        "Possible Typo",
        "Possible spelling mistake found.",
        ["Field Moat"],
    ),
    (
        r"\ba the\b",
        "DT_DT",
        "Two determiners in a row",
        "grammar",
        "GRAMMAR",
        "Grammar",
        "Two determiners in a row. Did you mean <suggestion>a</suggestion> or <suggestion>the</suggestion>?",
        ["a", "the"],
    ),
    (
        r"\ba (?=[aeiou])",
        "EN_A_VS_AN",
        "Use of 'a' vs. 'an'",
        "misspelling",
        "MISC",
        "Miscellaneous",
        "Use <suggestion>an</suggestion> instead of 'a' if the following word starts with a vowel sound, "
        "e.g. 'an article', 'an hour'.",
        ["an "],
    ),
    (
        r"\b(\w+) \1\b",
        "ENGLISH_WORD_REPEAT_RULE",
        "Word repetition (e.g. 'will will')",
        "duplication",
        "MISC",
        "Miscellaneous",
        "Possible typo: you repeated a word.",
        [""],
    ),
    (
        r"(?<=\S)  (?=\S)",
        "WHITESPACE_RULE",
        "Whitespace repetition (bad formatting)",
        "whitespace",
        "TYPOGRAPHY",
        "Typography",
        "Possible typo: you repeated a whitespace",
        [" "],
    ),
]


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def check(text: str) -> list[dict]:
    matches = []
    for pattern, rule_id, description, issue, cat_id, cat_name, message, replacements in PATTERNS:
        for found in re.finditer(pattern, text):
            start, end = found.start(), found.end()
            if rule_id == "ENGLISH_WORD_REPEAT_RULE":
                start = found.start() + len(found.group(1))  # LanguageTool marks " will" in "will will"
            offset, length = utf16(text[:start]), utf16(text[start:end])
            context_start = max(0, start - 20)
            matches.append(
                {
                    "message": message,
                    "shortMessage": description if issue != "misspelling" else "Spelling mistake",
                    "replacements": [{"value": r} for r in replacements],
                    "offset": offset,
                    "length": length,
                    "context": {
                        "text": text[context_start : end + 20],
                        "offset": utf16(text[context_start:start]),
                        "length": length,
                    },
                    "sentence": text[max(0, text.rfind(".", 0, start) + 1) : end].strip(),
                    "type": {"typeName": "UnknownWord" if issue == "misspelling" else "Other"},
                    "rule": {
                        "id": rule_id,
                        "description": description,
                        "issueType": issue,
                        "category": {"id": cat_id, "name": cat_name},
                    },
                    "ignoreForIncompleteSentence": False,
                    "contextForSureMatch": 0,
                }
            )
    return sorted(matches, key=lambda m: m["offset"])


@dataclass
class FakeLanguageTool:
    """The server's state: what it received and how it should misbehave."""

    status: int = 200  # answer /v2/check with this status
    delay: float = 0.0  # seconds to wait before answering /v2/check
    max_length: int = 0  # like LanguageTool's maxTextLength: 413 beyond it (0: no limit)
    checks: list[dict] = field(default_factory=list)
    language_requests: int = 0
    url: str = ""


def _handler(state: FakeLanguageTool) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:  # keep test output quiet
            pass

        def _send(self, status: int, body: str, kind: str = "application/json") -> None:
            data = body.encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", f"{kind}; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            if self.path.rstrip("/") == "/v2/languages":
                state.language_requests += 1
                self._send(200, json.dumps(LANGUAGES))
            else:
                self._send(404, "Not found", "text/plain")

        def do_POST(self) -> None:
            if self.path.rstrip("/") != "/v2/check":
                self._send(404, "Not found", "text/plain")
                return
            size = int(self.headers.get("Content-Length", 0))
            form = {k: v[0] for k, v in urllib.parse.parse_qs(self.rfile.read(size).decode("utf-8")).items()}
            state.checks.append(form)
            if state.delay:
                time.sleep(state.delay)
            text = form.get("text", "")
            if state.status != 200:
                self._send(state.status, "Error: Internal Server Error: something broke", "text/plain")
                return
            if state.max_length and utf16(text) > state.max_length:
                self._send(
                    413,
                    f"Error: Your text exceeds the limit of {state.max_length} characters",
                    "text/plain",
                )
                return
            if form.get("language") not in {lang["longCode"] for lang in LANGUAGES} | {"auto"}:
                self._send(
                    400, f"Error: '{form.get('language')}' is not a language code known to LanguageTool"
                )
                return
            body = {
                "software": {
                    "name": "LanguageTool",
                    "version": "6.4",
                    "buildDate": "2024-03-28 13:41:54 +0000",
                    "apiVersion": 1,
                    "premium": False,
                    "status": "",
                },
                "warnings": {"incompleteResults": False},
                "language": {
                    "name": "English (US)",
                    "code": "en-US",
                    "detectedLanguage": {
                        "name": "English (US)",
                        "code": "en-US",
                        "confidence": 0.98,
                        "source": "ngram",
                    },
                },
                "matches": check(text),
                "sentenceRanges": [[0, utf16(text)]],
            }
            self._send(200, json.dumps(body, ensure_ascii=False))

    return Handler


class running:
    """Context manager: a FakeLanguageTool on a free loopback port, served from a thread."""

    def __init__(self, **settings) -> None:
        self.state = FakeLanguageTool(**settings)
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self.state))
        self.server.daemon_threads = True
        host, port = self.server.server_address[:2]
        self.state.url = f"http://{host}:{port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> FakeLanguageTool:
        self.thread.start()
        return self.state

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
