"""Encoding damage: mojibake (SC601), HTML entities (SC602), leftover markup (SC603) and invisible
characters (SC604). Every fix here restores the intended characters, so all are safe."""

from __future__ import annotations

import functools
import html
import importlib
import re
import sys
import unicodedata
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any

from newslint.diagnostics import Category, Edit, Fix, Severity, Span, Violation
from newslint.document import Document
from newslint.hookspecs import hookimpl
from newslint.rules import FixAvailability, Rule, rule

# UTF-8 for a closing double quote (E2 80 9D) read as Windows-1252: 0x9D has no character there, so
# extractors write U+FFFD and ftfy's decoder cannot undo it; the sequence is unambiguous.
LOSSY_SEQUENCES = {"â€\ufffd": "”", "â€\x9d": "”"}
_LOSSY_RE = re.compile("|".join(re.escape(k) for k in LOSSY_SEQUENCES))


def _ftfy() -> ModuleType:
    """ftfy, imported on first use: it costs ~80 ms of start-up and most lines never need it."""
    if "ftfy" not in sys.modules and "wcwidth" not in sys.modules:
        _import_ftfy_without_wcwidth()
    import ftfy
    import ftfy.badness

    return ftfy


def _import_ftfy_without_wcwidth() -> None:
    """Import ftfy without importing wcwidth (~40 ms) until something asks for a display width.

    ftfy imports wcwidth only for ``ftfy.formatting`` (padding text for terminals), which
    newslint never calls. While ftfy is imported, ``wcwidth`` in ``sys.modules`` is a stand-in
    whose two functions import the real module when called; it is removed right after, so
    any later ``import wcwidth`` gets the real one.
    """
    stand_in = ModuleType("wcwidth")

    def forward(name: str) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            return getattr(importlib.import_module("wcwidth"), name)(*args, **kwargs)

        return call

    stand_in.wcwidth = forward("wcwidth")  # type: ignore[attr-defined]
    stand_in.wcswidth = forward("wcswidth")  # type: ignore[attr-defined]
    sys.modules["wcwidth"] = stand_in
    try:
        importlib.import_module("ftfy")
    except ImportError:  # a newer ftfy wants more of wcwidth: forget the half import, import plainly
        for name in [m for m in sys.modules if m == "ftfy" or m.startswith("ftfy.")]:
            del sys.modules[name]
    finally:
        if sys.modules.get("wcwidth") is stand_in:
            del sys.modules["wcwidth"]


class _BadnessTest:
    """ftfy's ``is_bad``, behind an exact gate (badness_gate.py) once enough lines went to it.

    Reading the gate out of ftfy's regex costs about as much as 80 calls of ``is_bad``:
    a run over one short article never pays it, a long run pays it once.
    """

    GATE_AFTER = 64  # lines tested without the gate first

    def __init__(self) -> None:
        self.tested = 0
        self.gate: re.Pattern[str] | None = None

    def __call__(self, text: str) -> bool:
        # Every pattern of ftfy's badness regex needs a non-ASCII character (its character
        # categories hold none below U+0080), so an ASCII line is never bad: skip ftfy for it.
        if text.isascii():
            return False
        module: Any = _ftfy()
        if self.tested <= self.GATE_AFTER:
            self.tested += 1
            if self.tested > self.GATE_AFTER:
                from newslint.badness_gate import gate_for

                regex = getattr(module.badness, "BADNESS_RE", None)
                self.gate = gate_for(regex) if isinstance(regex, re.Pattern) else None
        if self.gate is not None and self.gate.search(text) is None:
            return False
        return bool(module.badness.is_bad(text))


_is_bad = _BadnessTest()


# A no-break space decoded as "Â\xa0", whose second half a later step turned into a plain
# space: "3:12Â a.m.". No word ends on a capital Â after a digit or a lower-case letter.
_NBSP_LEFTOVER_RE = re.compile(r"(?<=[0-9a-z])Â(?= )")


def _repair(text: str) -> str:
    text = _NBSP_LEFTOVER_RE.sub("", text)
    text = _LOSSY_RE.sub(lambda m: LOSSY_SEQUENCES[m.group()], text)
    fixed = str(_ftfy().fix_encoding(text))
    if fixed != text:
        return fixed
    # ftfy re-encodes the whole line, so one correct letter no single-byte code page has
    # ("Jankauskienė"), or a correct dash the repair cannot re-encode, stops it from repairing
    # "MichaÅ‚" beside it. Mojibake is a run of code-page characters with no plain space in it:
    # repair each such run on its own.
    return _SINGLE_BYTE_RUN_RE.sub(_repair_run, text)


# The characters Windows-1252 puts at 0x80-0x9F, where Latin-1 has controls.
_CP1252_EXTRAS = frozenset(bytes(range(0x80, 0xA0)).decode("cp1252", errors="ignore"))
_SINGLE_BYTE_RUN_RE = re.compile(
    "[" + "".join(re.escape(c) for c in sorted(_CP1252_EXTRAS)) + "\x00-\x08\x0e-\x1f\x21-\xff]+"
)


def _repair_run(match: re.Match[str]) -> str:
    run = match.group()
    if run.isascii() or not _is_bad(run):
        return run
    return str(_ftfy().fix_encoding(run))


@rule(
    code="SC601",
    name="mojibake",
    category=Category.ENCODING,
    severity=Severity.ERROR,
    fix=FixAvailability.ALWAYS,
    flag=(
        "The chainâ€™s chief executive spoke.\n",
        "It runs cafÃ©s in Utrecht.\n",
        "a deal â€” the first\n",
        "Poland's MichaÅ‚ Nowicki met Lithuania's Rasa Jankauskienė.\n",
        "The alarm went off at 3:12Â a.m.\n",
    ),
    pass_=("The café in Tromsø sold “pierogi” for £4 — a bargain.\n", "Ramón Echeverría’s farm\n"),
)
def mojibake(doc: Document) -> Iterator[Violation]:
    """## What it does
    Flags text that was encoded as UTF-8 and decoded with a single-byte code page ("â€™" for "’",
    "Ã©" for "é"), found with ftfy's badness heuristics and repaired with ftfy's `fix_encoding`.

    ## Why is this bad
    Mojibake turns punctuation and accented letters into gibberish that readers cannot decode.

    ## Example
    the chainâ€™s chief executive

    ## Fix safety
    Safe: ftfy re-decodes the bytes, so only the damaged characters change; curly quotes and correct
    accents are left alone.
    """
    for line in doc.lines:
        text = doc[line]
        # ftfy's badness patterns and the lossy sequences all hold a non-ASCII character
        if text.isascii() or (
            not _is_bad(text)
            and not _LOSSY_RE.search(text)
            and not ("Â" in text and _NBSP_LEFTOVER_RE.search(text))
        ):
            continue
        fixed = _repair(text)
        if fixed == text:
            continue
        import difflib  # only a damaged line needs it: keep it out of start-up

        matcher = difflib.SequenceMatcher(None, text, fixed, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal" or i1 == i2:
                continue
            span = Span(line.start + i1, line.start + i2)
            if doc.is_ignored(span):
                continue
            good = fixed[j1:j2]
            if "\ufffd" in good:
                continue  # the bytes decode to a lost character: lost-character (SC605) reports it
            if good:
                message, title = f"Mojibake `{text[i1:i2]}` (should read `{good}`)", f"Replace with `{good}`"
            else:
                message, title = f"Mojibake `{text[i1:i2]}` left by a wrong decoding", "Delete it"
            yield Violation(span, message, Fix.safe(title, Edit(span, good)))


ENTITY_RE = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,30}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
# Entities whose character is a space of some kind are written as a plain space.
SPACE_ENTITIES = frozenset({"&nbsp;", "&#160;", "&#xa0;", "&#xA0;", "&ensp;", "&emsp;", "&thinsp;"})


@rule(
    code="SC602",
    name="html-entity",
    category=Category.ENCODING,
    severity=Severity.ERROR,
    fix=FixAvailability.ALWAYS,
    flag=("Baxter &amp; Sons\n", "we didn&#8217;t want it\n", "£84&nbsp;million\n"),
    pass_=("Baxter & Sons\n", "R&D spending; AT&T; Q&A\n"),
)
def html_entity(doc: Document) -> Iterator[Violation]:
    """## What it does
    Flags an HTML character reference left in the text: `&amp;`, `&nbsp;`, `&#8217;`.

    ## Why is this bad
    The extractor failed to decode the page's markup, so readers see `&amp;` instead of `&`.

    ## Example
    Baxter &amp; Sons

    ## Fix safety
    Safe: the reference is replaced by the character it stands for (a non-breaking space by a space).
    """
    if doc.markup == "html":
        return
    for match in ENTITY_RE.finditer(doc.text):
        found = match.group()
        value = " " if found in SPACE_ENTITIES else html.unescape(found)
        if value == found:
            continue
        span = Span(match.start(), match.end())
        if doc.is_ignored(span):
            continue
        shown = value if value.strip() else "a space"
        yield Violation(
            span,
            f"HTML entity `{found}` left in the text",
            Fix.safe(f"Replace with {shown if shown == 'a space' else f'`{shown}`'}", Edit(span, value)),
        )


_TAGS = (
    "p|br|div|span|b|i|u|em|strong|a|ul|ol|li|h[1-6]|img|figure|figcaption|blockquote|iframe|script|"
    "style|font|section|article|header|footer|aside|nav|table|tr|td|th|tbody|thead|sup|sub|small|hr|"
    "picture|source|video|audio|noscript|center|caption|cite|q|mark|time|abbr"
)
_TAG_SOURCE = rf"</?(?:{_TAGS})(?:\s+[^<>]{{0,300}})?\s*/?>"
_SHORTCODE_SOURCE = (
    r"\[/?(?:caption|embed|gallery|video|audio|playlist|tweet|youtube|vimeo|instagram|facebook|soundcloud|"
    r"contact-form(?:-7)?|vc_\w+|et_pb_\w+|fusion_\w+|su_\w+|av_\w+|td_\w+|rev_slider|ad|adsense|"
    r"related|sc)(?:\s[^\[\]]{0,300})?\]"
)
_BREAKING_SOURCE = r"<(?:br|p|/p|div|/div|li|/li|h[1-6]|/h[1-6]|hr)\b"
# Forum BBCode ("[b]Harbour Vaults[/b]", "[url=https://…]site[/url]"): a tag counts only on a line
# that also holds its closing tag, since "[i]" or "[s]" alone may be an editor's bracket.
_BBCODE_NAMES = r"b|i|u|s|url|img|quote|color|colour|size|font|code|center|left|right|spoiler"
_BBCODE_TAG_RE = re.compile(
    rf"\[/?(?:{_BBCODE_NAMES})(?:=[^\[\]\n]{{1,200}}|\s+\w+=[^\[\]\n]{{1,200}})?\]", re.IGNORECASE
)
# A forum's quote or link tag spans paragraphs ("[quote=user]" ... "[/quote]"): its opening or closing
# tag counts alone when the document holds the other one, or when its name and argument are a forum's
# ("[quote=user]", "[url=https://...]"), which no editor's bracket is.
_BBCODE_OPEN_OR_CLOSE_RE = re.compile(rf"\[(/?)({_BBCODE_NAMES})(?:[=\s\]])", re.IGNORECASE)
_BBCODE_FORUM_TAG_RE = re.compile(
    r"\[(?:(?:quote|url|img|colou?r|size|font)(?:=|\s+\w+=)[^\[\]\n]{1,200}|/(?:quote|url|img|colou?r|size|font|spoiler))\]",
    re.IGNORECASE,
)
_BBCODE_PAIR_RE = re.compile(
    rf"\[({_BBCODE_NAMES})(?:=[^\[\]\n]{{1,200}})?\][^\n]{{0,400}}?\[/\1\]", re.IGNORECASE
)


# A line of a page's JavaScript: "window.dataLayer = window.dataLayer || [];", "gtag('js', new Date());".
_SCRIPT_LINE_RE = re.compile(
    # Only tracking and advertising snippets: a tech story may print code of its own.
    r"\s*((?:window\.(?:dataLayer|googletag|adsbygoogle|_taboola|fbq|ga)\b[\w.]*\s*=|gtag\(|dataLayer\.push\("
    r"|googletag\.|_gaq\.push|fbq\(|\(adsbygoogle\s*=)[^\n]*?[;{)]\s*)$"
)


@functools.cache
def _markup_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Tags, shortcodes and line-breaking tags: compiled for the first line with ``<`` or ``[`` (~5 ms)."""
    return (
        re.compile(_TAG_SOURCE, re.IGNORECASE),
        re.compile(_SHORTCODE_SOURCE),
        re.compile(_BREAKING_SOURCE, re.IGNORECASE),
    )


@rule(
    code="SC603",
    name="markup-tag",
    category=Category.ENCODING,
    severity=Severity.ERROR,
    fix=FixAvailability.ALWAYS,
    flag=(
        '"We listened."</p>\n',
        "the specialist.<br>She said\n",
        '[caption id="12" align="left"]\n',
        "The owners of [b]Harbour Vaults[/b] applied for a licence.\n",
        "[quote=harbourfan]The ferry was late again.\n\nIt was the third time this week.[/quote]\n",
        "[QUOTE=harbourfan;4412]The ferry was late again.\n",
        "The ferry was late.\n[/quote]\n",
        "[b]\nThe ferry was late again.\n[/b]\n",
        "The recall covers 40,000 units.\nwindow.dataLayer = window.dataLayer || [];\n",
    ),
    pass_=(
        "Scores were 3 < 5 and 7 > 2.\n",
        "The function (f) of the window; the document (page 3) was read.\n",
        "The framework needs two lines.\nconst app = createApp();\n",
        "The band [who asked not to be named] played.\n",
        "Clause 4[b] of the lease and clause [i] of the annex applied.\n",
        "Clause [b] applied.\n\nThe tenants [who asked not to be named] objected to clause [i].\n",
        "He said the quote [sic] was wrong and the [url] field was blank.\n",
    ),
)
def markup_tag(doc: Document) -> Iterator[Violation]:
    """## What it does
    Flags HTML tags (`</p>`, `<br>`, `<span class="x">`), CMS shortcodes (`[caption ...]`) and
    lines of a page's JavaScript (`window.dataLayer = ...;`) left in the text by the extractor.

    ## Why is this bad
    Markup is for the browser; in the article text it is noise that readers have to skip.

    ## Example
    said she hoped to return.<br>Marsh added

    ## Fix safety
    Safe: the tag is deleted; a line-breaking tag between two words becomes a space so they stay apart.
    """
    if doc.markup != "text":
        return
    text = doc.text
    paired_bbcode = _bbcode_across_lines(text) if "[/" in text else frozenset()
    for index, line in enumerate(doc.lines):
        content = doc[line]
        if ";" in content or "{" in content:
            script = _SCRIPT_LINE_RE.match(content)
            if script is not None:
                span = Span(line.start + script.start(1), line.start + script.end(1))
                if not doc.is_ignored(span):
                    yield Violation(
                        span,
                        f"Script `{_shorten(doc[span])}` left on a line of its own",
                        Fix.unsafe("Delete the line", Edit.deletion(doc.line_with_break(index))),
                    )
                continue
        if "<" not in content and "[" not in content:
            continue
        tag_re, shortcode_re, breaking_tags = _markup_patterns()
        patterns = [tag_re, shortcode_re]
        if _BBCODE_PAIR_RE.search(content) or _has_paired_bbcode(content, paired_bbcode):
            patterns.append(_BBCODE_TAG_RE)
        matches = sorted(
            (m for pattern in patterns for m in pattern.finditer(text, line.start, line.end)),
            key=lambda m: m.start(),
        )
        if not matches:
            continue
        remainder = content
        for match in matches:
            remainder = remainder.replace(match.group(), "", 1)
        if not remainder.strip():
            # Only markup on the line: delete the line, not just the tags, so no blank line is left.
            span = Span(matches[0].start(), matches[-1].end())
            if not doc.is_ignored(span):
                yield Violation(
                    span,
                    f"Markup `{_shorten(doc[span])}` left on a line of its own",
                    Fix.safe("Delete the line", Edit.deletion(doc.line_with_break(index))),
                )
            continue
        for match in matches:
            span = Span(match.start(), match.end())
            if doc.is_ignored(span):
                continue
            before = text[span.start - 1] if span.start else " "
            after = text[span.end] if span.end < len(text) else " "
            joins = not before.isspace() and not after.isspace() and bool(breaking_tags.match(match.group()))
            replacement = " " if joins else ""
            kind = {shortcode_re: "Shortcode", _BBCODE_TAG_RE: "BBCode tag"}.get(match.re, "Markup tag")
            yield Violation(
                span,
                f"{kind} `{_shorten(match.group())}` left in the text",
                Fix.safe("Replace with a space" if joins else "Delete the tag", Edit(span, replacement)),
            )


def _bbcode_across_lines(text: str) -> frozenset[str]:
    """The BBCode tag names the text both opens and closes (on any lines)."""
    opened: set[str] = set()
    closed: set[str] = set()
    for match in _BBCODE_OPEN_OR_CLOSE_RE.finditer(text):
        (closed if match.group(1) else opened).add(match.group(2).lower())
    return frozenset(opened & closed)


def _has_paired_bbcode(content: str, paired: frozenset[str]) -> bool:
    """Whether the line holds a BBCode tag whose counterpart the document holds, or a forum's own tag."""
    if _BBCODE_FORUM_TAG_RE.search(content):
        return True
    return bool(paired) and any(
        m.group(2).lower() in paired for m in _BBCODE_OPEN_OR_CLOSE_RE.finditer(content)
    )


def _shorten(markup: str, limit: int = 50) -> str:
    return markup if len(markup) <= limit else markup[: limit - 1] + "…"


INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u200e\u200f\u202a\u202b\u202c\u202d\u202e")
ZWJ = "\u200d"
NAMES = {
    "\u200b": "zero-width space",
    "\u200c": "zero-width non-joiner",
    "\u200d": "zero-width joiner",
    "\u2060": "word joiner",
    "\ufeff": "byte-order mark",
    "\u00ad": "soft hyphen",
}


def _is_emoji_side(char: str) -> bool:
    return (
        unicodedata.category(char) == "So"
        or "\ufe00" <= char <= "\ufe0f"
        or "\U0001f3fb" <= char <= "\U0001f3ff"
    )


# C0 controls except tab and line breaks, DEL, C1 controls, and the invisible formatting characters.
INVISIBLE_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f" + "".join(sorted(INVISIBLE)) + "]")


@rule(
    code="SC604",
    name="invisible-character",
    category=Category.ENCODING,
    severity=Severity.ERROR,
    fix=FixAvailability.ALWAYS,
    flag=("Wake\u200bfield\n", "the\x07 bell\n", "co\u00adoperate\n"),
    pass_=("\ufeffA byte-order mark at the start is fine.\n", "A family emoji 👨\u200d👩\u200d👧 stays.\n"),
)
def invisible_character(doc: Document) -> Iterator[Violation]:
    """## What it does
    Flags zero-width and control characters inside the text (zero-width space, soft hyphen, C0 and C1
    controls), but not a byte-order mark at the very start or a zero-width joiner inside an emoji.

    ## Why is this bad
    Invisible characters break search, word counts and spell checking ("Wake\u200bfield" is not
    "Wakefield") while looking correct on screen.

    ## Example
    Wake\u200bfield

    ## Fix safety
    Safe: the character is invisible, so deleting it changes nothing a reader sees.
    """
    text = doc.text
    for match in INVISIBLE_RE.finditer(text):
        offset, char = match.start(), match.group()
        if char == "\ufeff" and offset == 0:
            continue
        if (
            char == ZWJ
            and 0 < offset < len(text) - 1
            and _is_emoji_side(text[offset - 1])
            and _is_emoji_side(text[offset + 1])
        ):
            continue  # joins the parts of one emoji
        span = Span(offset, offset + 1)
        if doc.is_ignored(span):
            continue
        name = NAMES.get(char, f"control character U+{ord(char):04X}")
        yield Violation(span, f"Invisible {name} in the text", Fix.safe("Delete the character", Edit(span)))


@hookimpl
def newslint_register_rules(register: Callable[[Rule], None]) -> None:
    for item in (mojibake, html_entity, markup_tag, invisible_character):
        register(item)
