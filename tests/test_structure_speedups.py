"""The document-structure and scrape-structure shortcuts give exactly the results of the plain code."""

from __future__ import annotations

import re
import sys
import tomllib
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.builtin.packs import builtin_rules_root
from newslint.diagnostics import Span
from newslint.document import WORD_RE, Document, Token
from newslint.scrape_structure import is_known_ui_line


def _reference_ui_line_re() -> tuple[re.Pattern[str], list[str]]:
    """The one combined regex the lookup replaced, and the pack's literal UI strings."""
    folder = builtin_rules_root() / "scrape"
    alternatives: list[str] = []
    tokens: list[str] = []
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if not entry.name.endswith(".toml") or entry.name == "pack.toml":
            continue
        spec: dict[str, Any] = tomllib.loads(entry.read_text(encoding="utf-8"))
        if spec.get("kind") != "existence" or not spec.get("whole"):
            continue
        tokens.extend(spec.get("tokens", []))
        alternatives.extend(re.escape(t) for t in spec.get("tokens", []))
        alternatives.extend(f"(?:{p})" for p in spec.get("patterns", []))
    alternatives.sort(key=len, reverse=True)
    return re.compile(r"\s*(?:" + "|".join(alternatives) + r")\s*", re.IGNORECASE), tokens


REFERENCE, UI_TOKENS = _reference_ui_line_re()


# A mark bullet as scraped pages and Markdown write it; the scrape pack reads a bulleted line
# again without it.
REFERENCE_BULLET = re.compile(r"[^\S\n]*[-*•–·][^\S\n]+(?=\S)")


def _reference_is_ui(text: str) -> bool:
    return bool(text.strip()) and bool(REFERENCE.fullmatch(text))


def reference_is_known_ui_line(text: str) -> bool:
    bullet = REFERENCE_BULLET.match(text)
    return _reference_is_ui(text) or (bullet is not None and _reference_is_ui(text[bullet.end() :]))


def test_ascii_case_folding_is_str_lower() -> None:
    # The lookup of ASCII lines relies on it.
    for a in range(128):
        pattern = re.compile(re.escape(chr(a)), re.IGNORECASE)
        for b in range(128):
            assert bool(pattern.fullmatch(chr(b))) == (chr(a).lower() == chr(b).lower())


def test_regex_space_is_str_space() -> None:
    # ``\s*`` around a literal takes exactly what ``str.strip`` removes.
    space = re.compile(r"\s")
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        assert bool(space.fullmatch(char)) == char.isspace()


def test_every_ui_string_and_its_variants() -> None:
    odd = ["K", "ſ", "ı", "İ", "\u00a0", "\u200b", "\x1c", "\t", "é", "É"]
    for token in UI_TOKENS:
        variants = {token, token.upper(), token.lower(), token.swapcase(), f" {token}\u00a0", token + "."}
        variants |= {token[:i] + c + token[i + 1 :] for i in range(0, len(token), 3) for c in odd}
        variants |= {token.replace("k", "K").replace("s", "ſ").replace("i", "İ")}
        for text in variants:
            assert is_known_ui_line(text) == reference_is_known_ui_line(text), text


UI_ALPHABET = sorted({c for t in UI_TOKENS for c in t} | set(" \t\u00a0Kſİ0123456789|:"))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(UI_TOKENS), st.text(alphabet=UI_ALPHABET, max_size=6), st.integers(0, 60))
def test_ui_lookup_equals_the_combined_regex(token: str, noise: str, at: int) -> None:
    at = min(at, len(token))
    for text in (token[:at] + noise + token[at:], noise + token, token + noise, noise, "- " + noise + token):
        assert is_known_ui_line(text) == reference_is_known_ui_line(text), text


TEXTS = st.text(alphabet=st.sampled_from(list("ab A.\n\r \t’'-1,é")), max_size=80)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_lines_and_tokens_equal_reference(text: str) -> None:
    doc = Document(text)
    for index, line in enumerate(doc.lines):
        assert doc.line_text(index) == text[line.start : line.end]
        assert doc.is_blank_line(index) == (not text[line.start : line.end].strip())
    expected = tuple(Token(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(text))
    assert doc.tokens == expected
    assert [(t.start, t.end, t.text, t.span) for t in doc.tokens] == [
        (t.start, t.end, t.text, t.span) for t in expected
    ]
    assert all(type(t) is Token for t in doc.tokens)
    assert doc.token_texts == tuple(t.text for t in expected)
    assert doc.token_starts == tuple(t.start for t in expected)
    assert doc.token_ends == tuple(t.end for t in expected)


WORD_TEXTS = st.text(alphabet=st.sampled_from(list("aZ é_1.,:’'- \n\u0301٣\u00b2ß")), max_size=60)


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(WORD_TEXTS)
def test_tokens_split_equals_finditer(text: str) -> None:
    doc = Document(text)
    expected = [(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(text)]
    assert [(t.start, t.end, t.text) for t in doc.tokens] == expected
    assert list(zip(doc.token_starts, doc.token_ends, doc.token_texts, strict=True)) == expected


def test_regex_word_char_is_alnum_or_underscore() -> None:
    # SC704's scan for the last word relies on it.
    word = re.compile(r"\w")
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        assert bool(word.fullmatch(char)) == (char.isalnum() or char == "_")


JOIN_TEXT = st.text(alphabet=st.sampled_from(list("aZbY.,!?”\")’' \t\n1٣-_éx")), max_size=60)


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(JOIN_TEXT)
def test_glued_matches_equal_finditer(text: str) -> None:
    from newslint.builtin.scrape_joins import GLUED_RE, _glued_matches

    expected = [(m.span(), m.groupdict()) for m in GLUED_RE.finditer(text)]
    assert [(m.span(), m.groupdict()) for m in _glued_matches(text)] == expected


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(JOIN_TEXT)
def test_open_end_equals_search(text: str) -> None:
    from newslint.builtin.scrape_joins import _OPEN_END_RE, _open_end

    line = text.replace("\n", " ")
    expected = _OPEN_END_RE.search(line)
    got = _open_end(line)
    assert (got and (got.span(), got.group("word"))) == (
        expected and (expected.span(), expected.group("word"))
    )


SHARE_TEXT = st.lists(
    st.sampled_from(
        ["Facebook", "X (Twitter)", "X", "Email", "Share this:", ".", "”", " ", ",", "|", "·", "\n", "ok"]
    ),
    max_size=8,
).map("".join)


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(SHARE_TEXT)
def test_share_bar_prefilter_never_hides_a_match(text: str) -> None:
    from newslint.scrape_structure import GLUED_SHARE_RE, may_end_with_share_bar

    if GLUED_SHARE_RE.search(text):
        assert may_end_with_share_bar(text)


HYPHEN_TEXT = st.text(alphabet=st.sampled_from(list("abZ- \t\r\n.x")), max_size=60)


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(HYPHEN_TEXT)
def test_hyphen_breaks_equal_finditer(text: str) -> None:
    from newslint.builtin.scrape_joins import HYPHEN_BREAK_RE, _hyphen_breaks

    expected = [(m.span(), m.groupdict()) for m in HYPHEN_BREAK_RE.finditer(text)]
    assert [(m.span(), m.groupdict()) for m in _hyphen_breaks(text)] == expected


def _reference_credit_re() -> re.Pattern[str]:
    """The one credit regex that the lazily compiled forms replaced."""
    from newslint.scrape_structure import _AGENCY, _CREDIT_LABEL, _NAME, _NAME_WORD

    return re.compile(
        rf"""^\s*(?:
        {_CREDIT_LABEL}\s*(?:by)?\s*[:|–—]\s*\S.{{0,100}}                       # Photo: Name/Agency
      | (?:Image|Photo|Video)\s+(?:source|copyright)\s*[,:]?\s+\S.{{0,80}}      # Image source, Getty Images
      | \(\s*(?:{_CREDIT_LABEL}\s*(?:by|courtesy\s+of)?\s*:?|(?:Photo|Image|Picture)s?\s+by)\s*[^()]{{1,100}}\)
      | (?:{_CREDIT_LABEL}\s+)?(?:by|courtesy\s+of|Courtesy\s+of)\s+{_NAME}\s*(?:/|\bfor\b|\bvia\b)\s*.{{1,60}}
      | {_CREDIT_LABEL}\s+(?:by|courtesy\s+of)\s+\S.{{0,60}}                        # Photo by Name
      | Courtesy\s+(?:of\s+)?{_NAME}(?:\s*/\s*{_NAME})?                             # Courtesy of the family
      | {_NAME}\s*[|]\s*{_NAME}                                                  # Name | Agency
      | (?!By\s)(?:{_NAME_WORD}\s+{_NAME}\s*/\s*{_NAME}|{_NAME_WORD}\s*/\s*{_AGENCY}(?:\s+{_NAME})?
          |[A-Z]{{2,}}\s*/\s*{_NAME_WORD}\s+{_NAME})
        (?:\s*/\s*{_NAME})?(?:\s+(?:via|for)\s+{_NAME})?                        # Name/Agency
      | {_AGENCY}(?:\s*/\s*{_NAME})?(?:\s+via\s+{_NAME})?                         # AFP/Getty Images
      | {_NAME}\s+(?:via|for)\s+{_AGENCY}(?:\s+Images)?                         # Name via Getty Images
      | (?:{_CREDIT_LABEL}\b[^©]{{0,40}}?)?©\s*{_NAME}\s*/\s*{_NAME}                # © Agency / Name
      | {_CREDIT_LABEL}\b[^©]{{0,40}}?©\s*{_NAME}                               # Photo: © Name
    )\s*$""",
        re.VERBOSE,
    )


CREDIT_RE = _reference_credit_re()
CREDIT_WORDS = [
    "Photo", "Image", "Photograph", "Video", "File", "photo", "by", "By", "courtesy", "Courtesy", "of",
    "source", "copyright", "via", "for", "Getty", "Images", "AFP", "AP", "Reuters", "Ann", "Lee", "van",
    "Pool", "the", "family", "(", ")", "/", "|", ":", "–", ",", ".", "Credit", "Handout", "iStock",
    "©", "OFB",
]  # fmt: skip
CREDIT_LINES = st.lists(
    st.tuples(st.sampled_from(CREDIT_WORDS), st.sampled_from(["", " ", "  "])), min_size=1, max_size=9
).map(lambda parts: "".join(w + s for w, s in parts))


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(CREDIT_LINES)
def test_credit_forms_equal_the_one_regex(text: str) -> None:
    from newslint.scrape_structure import _matches_credit

    stripped = text.strip()
    assert _matches_credit(stripped) == bool(CREDIT_RE.match(stripped)), stripped


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list("ab \n\r\u2028\x0b\x0c")), max_size=40))
def test_line_spans_equal_the_regex_split(text: str) -> None:
    from newslint.segment import LINE_BREAK_RE, line_spans

    spans = []
    start = 0
    for match in LINE_BREAK_RE.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    assert line_spans(text) == spans


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list("Ab1 .!?…:;,'\"”’)\n")), max_size=12))
def test_heading_end_equals_the_regex(text: str) -> None:
    from newslint.segment import is_heading_like

    heading_end = re.compile(r"[.!?…:;,]['\"”’)]*$")  # what the segmenter once searched for

    stripped = text.strip()
    expected = bool(stripped) and (stripped[0].isupper() or stripped[0].isdigit())
    if expected and heading_end.search(stripped) and not stripped.endswith("?"):
        expected = False
    expected = expected and len(stripped.split()) <= 16 and any(c.isalpha() for c in stripped)
    assert is_heading_like(text) == expected


def _reference_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentence split this replaced: the regexes run on a copy of the paragraph."""
    from newslint import segment as seg

    piece = text[start:end]
    spans: list[tuple[int, int]] = []

    def ends_sentence(dot: int, stop: int) -> bool:
        before = seg._WORD_BEFORE_RE.search(piece, max(0, dot - 12), dot + 1)
        if before is None:
            return True
        word = before.group(1).lower().rstrip(".")
        if len(word) == 1 and word.isalpha():
            return False
        if word not in seg.ABBREVIATIONS:
            return True
        if word in seg.AMBIGUOUS_ABBREVIATIONS:
            following = seg._FOLLOWING_WORD_RE.match(piece, stop)
            return bool(following and following.group(1).lower() in seg.SENTENCE_OPENERS)
        return False

    def add(begin: int, stop: int) -> None:
        part = piece[begin:stop]
        if part.strip():
            first = start + begin + len(part) - len(part.lstrip())
            spans.append((first, first + len(part.strip())))

    begin = 0
    for match in seg._SENTENCE_END_RE.finditer(piece):
        stop = match.end()
        if piece[match.start()] == "." and not ends_sentence(match.start(), stop):
            continue
        add(begin, stop)
        begin = stop
    add(begin, len(piece))
    return spans


SENTENCE_PARTS = st.lists(
    st.sampled_from(
        ["Mr.", "etc.", "p.m.", "U.S.", "J.", "No.", "Inc.", " ", "  ", "\n", "\n\n", ".", "!", "?", "…",
         "”", '"', "“", "(", ")", "The", "the", "it", "Ann", "42", "said", "x", "\t", "- ", "* ", "AFP"]
    ),
    max_size=24,
).map("".join)  # fmt: skip


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(SENTENCE_PARTS)
def test_sentences_and_quotes_equal_the_per_paragraph_split(text: str) -> None:
    from newslint.segment import dateline_length, quote_spans

    doc = Document(text)
    expected_paragraphs = []
    for block in doc.blocks:
        if len(block) > 1 and all(i in doc.list_lines for i in block):
            expected_paragraphs += [doc.lines[i] for i in block]
        else:
            expected_paragraphs.append(Span(doc.lines[block[0]].start, doc.lines[block[-1]].end))
    assert list(doc.paragraphs) == expected_paragraphs
    assert all(type(p) is Span for p in doc.paragraphs)
    expected_sentences = []
    expected_quotes = []
    expected_datelines = []
    for para in doc.paragraphs:
        expected_sentences += _reference_sentences(text, para.start, para.end)
        expected_quotes += quote_spans(text, para.start, para.end)
        length = dateline_length(text[para.start : para.end])
        if length:
            expected_datelines.append((para.start, para.start + length))
    assert [(s.start, s.end) for s in doc.sentences] == expected_sentences
    assert [(q.start, q.end) for q in doc.quotes] == expected_quotes
    assert [(d.start, d.end) for d in doc.datelines] == expected_datelines
    assert all(type(s) is Span for s in doc.sentences + doc.quotes)


def test_bulleted_ui_line_is_read_without_its_bullet() -> None:
    # The failing case hypothesis found once the lookup learnt to read bulleted lines.
    for text in ("- Sponsored by", "• Share this", " * Leave a Reply ", "–\tHide caption"):
        assert is_known_ui_line(text) and reference_is_known_ui_line(text), text
    for text in ("-Sponsored by", "- ", "1. Share this", "- Sponsored by our readers"):
        assert is_known_ui_line(text) == reference_is_known_ui_line(text) is False, text
