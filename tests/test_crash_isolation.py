"""Crash isolation through the command line: a crashing rule, parser or formatter plugin
is reported (code, name, file, exit code 3, traceback with -v) and every other rule's
findings still appear."""

from __future__ import annotations

import json
import sys
import textwrap

import pytest

from newslint.app import Linter
from newslint.cli import main
from newslint.diagnostics import Span

ARTICLE = "Hide caption\n\nThe ferry sailed at noon!\n\nLeave a Reply\n"

PLUGIN = '''
from newslint import Category, Severity, Span, Violation, hookimpl, rule
from newslint.formatters.base import Formatter

MODE = {mode!r}


@rule(code="XT101", name="exploding-rule", category=Category.STYLE, severity=Severity.WARNING,
      flag=["x"], pass_=[])
def exploding(doc):
    """## What it does
    Crashes on purpose.
    ## Why is this bad
    It tests crash isolation."""
    if MODE == "rule":
        raise ZeroDivisionError("rule went bang")
    if MODE == "span":
        yield Violation(Span(0, len(doc.text) + 5), "Past the end")
    if MODE == "junk":
        yield "not a violation"


@hookimpl
def newslint_register_rules(register):
    if MODE == "register":
        raise OSError("register went bang")
    register(exploding)


@hookimpl
def newslint_configure(config):
    if MODE == "configure":
        raise AttributeError("configure went bang")


@hookimpl
def newslint_parse(path, text, accept):
    if MODE == "parser":
        raise RuntimeError("parser went bang")
    return None


class Exploding(Formatter):
    def __init__(self, *args, **kwargs):
        if MODE == "formatter-init":
            raise KeyError("init went bang")
        super().__init__(*args, **kwargs)

    def file(self, report):
        if MODE == "formatter":
            raise ValueError("formatter went bang")

    def finish(self, summary):
        if MODE == "formatter-finish":
            raise ValueError("finish went bang")
        self.stream.write("done\\n")


@hookimpl
def newslint_register_formatters(register):
    register("exploding", Exploding)
'''


@pytest.fixture
def plugin(tmp_path, monkeypatch):
    """Install a throwaway distribution whose plugin misbehaves in the given way."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "story.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "other.txt").write_text("Leave a Reply\n", encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()

    def install(mode):
        (site / "newslint_exploding.py").write_text(
            textwrap.dedent(PLUGIN.format(mode=mode)), encoding="utf-8"
        )
        dist = site / "newslint_exploding-0.1.dist-info"
        dist.mkdir(exist_ok=True)
        (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: newslint-exploding\nVersion: 0.1\n")
        (dist / "entry_points.txt").write_text("[newslint.plugins]\nexploding = newslint_exploding\n")
        monkeypatch.syspath_prepend(str(site))
        monkeypatch.delenv("NEWSLINT_DISABLE_PLUGIN_AUTOLOAD", raising=False)
        monkeypatch.delitem(sys.modules, "newslint_exploding", raising=False)

    return install


def run(capsys, *argv):
    code = main(["--isolated", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_crashing_rule(plugin, capsys):
    plugin("rule")
    code, out, err = run(capsys, "story.txt", "other.txt")
    assert code == 3 and err == ""
    assert out.splitlines() == [
        "story.txt: NL902 XT101 (exploding-rule, from newslint_exploding) crashed: "
        "ZeroDivisionError: rule went bang",
        "story.txt:1:1: SC101 [*] Caption control `Hide caption` left in the article",
        "story.txt:5:1: SC105 [*] Comment-form text `Leave a Reply` left in the article",
        "other.txt: NL902 XT101 (exploding-rule, from newslint_exploding) crashed: "
        "ZeroDivisionError: rule went bang",
        "other.txt:1:1: SC105 [*] Comment-form text `Leave a Reply` left in the article",
        "Found 5 findings (3 fixable with --fix).",
    ]
    code, _, err = run(capsys, "-v", "story.txt")
    assert code == 3
    assert err.startswith("story.txt: NL902 XT101 (exploding-rule, from newslint_exploding) crashed")
    assert "Traceback (most recent call last):" in err and 'raise ZeroDivisionError("rule went bang")' in err


def test_crashing_rule_does_not_stop_fixes(plugin, capsys):
    plugin("rule")
    code, _, _ = run(capsys, "--fix", "story.txt")
    assert code == 3
    with open("story.txt", encoding="utf-8") as handle:
        assert handle.read() == "The ferry sailed at noon!\n"


@pytest.mark.parametrize(
    ("mode", "error"),
    [
        ("span", "IndexError: span 0..60 lies outside the text (55 characters)"),
        ("junk", "TypeError: a check must yield Violation objects, not str"),
    ],
)
def test_rule_yielding_garbage_is_its_own_crash(plugin, capsys, mode, error):
    plugin(mode)
    code, out, _ = run(capsys, "--format", "json", "story.txt")
    found = json.loads(out)
    assert code == 3
    assert [f["code"] for f in found] == ["NL902", "SC101", "SC105"]
    assert found[0]["message"] == f"XT101 (exploding-rule, from newslint_exploding) crashed: {error}"


def test_crashing_parser_plugin_falls_back_to_the_builtin_parser(plugin, capsys):
    plugin("parser")
    code, out, err = run(capsys, "-v", "--format", "json", "story.txt", "other.txt")
    found = [(f["path"], f["code"], f["message"]) for f in json.loads(out)]
    crash = "parser plugin 'exploding' (the built-in parser was used) crashed: RuntimeError: parser went bang"
    assert found == [
        ("story.txt", "NL902", crash),
        ("story.txt", "SC101", "Caption control `Hide caption` left in the article"),
        ("story.txt", "SC105", "Comment-form text `Leave a Reply` left in the article"),
        ("other.txt", "NL902", crash),
        ("other.txt", "SC105", "Comment-form text `Leave a Reply` left in the article"),
    ]
    assert code == 3
    assert 'raise RuntimeError("parser went bang")' in err


@pytest.mark.parametrize("mode", ["formatter", "formatter-finish", "formatter-init"])
def test_crashing_formatter_still_shows_the_findings(plugin, capsys, mode):
    plugin(mode)
    code, out, err = run(capsys, "-v", "--format", "exploding", "story.txt", "other.txt")
    assert code == 3
    assert out == ""
    lines = err.splitlines()
    bang = {
        "formatter": "ValueError: formatter went bang",
        "formatter-finish": "ValueError: finish went bang",
        "formatter-init": "KeyError: 'init went bang'",
    }[mode]
    assert lines[0] == f"newslint: error: formatter 'exploding' crashed: {bang}; the findings follow as text"
    assert "Traceback (most recent call last):" in err
    assert lines[-4:] == [
        "story.txt:1:1: SC101 [*] Caption control `Hide caption` left in the article",
        "story.txt:5:1: SC105 [*] Comment-form text `Leave a Reply` left in the article",
        "other.txt:1:1: SC105 [*] Comment-form text `Leave a Reply` left in the article",
        "Found 3 findings (3 fixable with --fix).",
    ]


@pytest.mark.parametrize(
    ("mode", "message"),
    [
        ("register", "crashed in newslint_register_rules: OSError: register went bang"),
        ("configure", "crashed in newslint_configure: AttributeError: configure went bang"),
    ],
)
def test_plugin_crashing_while_setting_up_names_itself(plugin, capsys, mode, message):
    plugin(mode)
    code, out, err = run(capsys, "story.txt")
    assert (code, out) == (2, "")
    assert err == (
        f"newslint: error: plugin 'exploding' {message}\n"
        "  hint: uninstall it, or block it with --no-plugin exploding\n"
    )
    assert run(capsys, "--no-plugin", "exploding", "story.txt")[0] == 1


def test_unexpected_error_in_one_file_spares_the_others(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("Hide caption\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Leave a Reply\n", encoding="utf-8")
    real = Linter._lint

    def flaky(self, text, path, config):
        if path is not None and path.name == "a.txt":
            raise MemoryError("pretend the article was too much")
        return real(self, text, path, config)

    monkeypatch.setattr(Linter, "_lint", flaky)
    code = main(["--isolated", "--format", "json", "a.txt", "b.txt"])
    found = [(f["path"], f["code"], f["message"]) for f in json.loads(capsys.readouterr().out)]
    assert found == [
        (
            "a.txt",
            "NL902",
            "newslint, while linting this file, crashed: MemoryError: pretend the article was too much",
        ),
        ("b.txt", "SC105", "Comment-form text `Leave a Reply` left in the article"),
    ]
    assert code == 3


def test_span_type_is_validated():
    with pytest.raises(ValueError, match="invalid span"):
        Span(5, 2)
