"""Register the built-in output formatters."""

from __future__ import annotations

from collections.abc import Callable

from newslint.formatters.base import Formatter
from newslint.formatters.github import GithubFormatter
from newslint.formatters.html_report import HtmlReportFormatter
from newslint.formatters.json import JsonFormatter
from newslint.formatters.sarif import SarifFormatter
from newslint.formatters.text import TextFormatter
from newslint.hookspecs import hookimpl


@hookimpl
def newslint_register_formatters(register: Callable[[str, type[Formatter]], None]) -> None:
    register("text", TextFormatter)
    register("json", JsonFormatter)
    register("github", GithubFormatter)
    register("sarif", SarifFormatter)
    register("html", HtmlReportFormatter)
