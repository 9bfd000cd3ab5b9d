"""The fallback parser: plain text, with Markdown and HTML suppression comments ignored."""

from __future__ import annotations

from pathlib import Path

from newslint.diagnostics import Span
from newslint.document import Document, Markup
from newslint.hookspecs import hookimpl
from newslint.suppress import directives

MARKUP_BY_SUFFIX: dict[str, Markup] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}


@hookimpl(trylast=True)
def newslint_parse(path: Path | None, text: str, accept: frozenset[str]) -> Document:
    markup = MARKUP_BY_SUFFIX.get(path.suffix.lower(), "text") if path else "text"
    ignored: tuple[Span, ...] = ()
    if markup != "text" and "newslint:" in text:
        ignored = tuple(d.span for d in directives(text))
    return Document(text=text, path=path, markup=markup, accept=accept, ignored=ignored)
