"""The LanguageTool backend against a loopback server speaking the documented HTTP API."""

from __future__ import annotations

import json
import socket
import sys
import urllib.request
from dataclasses import replace

import pytest

from fake_languagetool import running
from newslint import Category, Severity, Violation, hookimpl, rule
from newslint.app import Linter
from newslint.builtin import languagetool as lt
from newslint.cli import main
from newslint.diagnostics import Span
from newslint.languagetool_client import (
    LanguageToolClient,
    LanguageToolError,
    Utf16Index,
    base_url,
    split_chunks,
    utf16_length,
)
from newslint.plugins import builtin_plugin_names, get_plugin_manager

TEXT = (
    "The café owner 😀 said teh menu would change.\n\nShe said in a the interview that prices would rise.\n"
)


# Only the backend: other rule plugins (whatever the branch has) would take over the matches
# they also flag, which is the point of the backend, but not what most tests here look at.
KEEP = {f"newslint.builtin.{name}" for name in ("parse", "languagetool", "formatters", "kinds")}
BLOCKED = [name for name in builtin_plugin_names() if name not in KEEP]


@pytest.fixture(autouse=True)
def fresh_backend():
    lt.BACKEND.clear()
    yield
    lt.BACKEND.clear()


@pytest.fixture
def server():
    with running() as state:
        yield state


def run(capsys, *argv):
    code = main([*(f"--no-plugin={name}" for name in BLOCKED), *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def article(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    return tmp_path / "a.txt"


# -- offsets and chunks -----------------------------------------------------------------


def test_utf16_offsets_map_to_code_points():
    text = "é😀x🍕y"  # é is one unit (BMP); each emoji is two (a surrogate pair)
    index = Utf16Index(text)
    assert [index.start(u) for u in range(7)] == [0, 1, 1, 2, 3, 3, 4]
    assert [index.end(u) for u in range(7)] == [0, 1, 2, 2, 3, 4, 4]
    assert index.start(99) == len(text) and index.end(-3) == 0
    plain = Utf16Index("café")  # no astral characters: offsets are already code points
    assert plain.start(3) == 3 and plain.end(4) == 4


def test_split_chunks_cover_the_text_and_respect_the_limit():
    paragraph = "Prices rose again 😀 in March. " * 6
    text = "\n\n".join([paragraph.strip()] * 5)
    chunks = split_chunks(text, 200)
    assert "".join(chunk for _, chunk in chunks) == text
    assert all(utf16_length(chunk) <= 200 for _, chunk in chunks)
    assert all(text[start : start + len(chunk)] == chunk for start, chunk in chunks)
    assert chunks[0][1].endswith("\n\n")  # cut at a paragraph break
    assert split_chunks("short", 200) == [(0, "short")]
    assert split_chunks("", 200) == [(0, "")]


def test_split_chunks_cut_inside_a_long_paragraph_at_a_sentence_end():
    text = "One two three. Four five six. Seven eight nine."
    chunks = split_chunks(text, 20)
    assert chunks[0] == (0, "One two three. ")
    assert "".join(c for _, c in chunks) == text


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("http://localhost:8081", "http://localhost:8081/v2/"),
        ("http://localhost:8081/", "http://localhost:8081/v2/"),
        ("https://lt.example.org/v2", "https://lt.example.org/v2/"),
        ("https://lt.example.org/api/v2/", "https://lt.example.org/api/v2/"),
    ],
)
def test_base_url(given, expected):
    assert base_url(given) == expected


def test_base_url_rejects_non_http():
    with pytest.raises(LanguageToolError, match="not an http"):
        base_url("localhost:8081")


def test_client_maps_matches_to_code_point_spans(server):
    client = LanguageToolClient(server.url)
    matches = client.check(TEXT)
    found = {(m.rule_id, TEXT[m.start : m.end]) for m in matches}
    assert found == {("MORFOLOGIK_RULE_EN_US", "teh"), ("DT_DT", "a the")}
    typo = next(m for m in matches if m.rule_id == "MORFOLOGIK_RULE_EN_US")
    assert typo.replacements == ("the", "ten", "tech")
    assert typo.issue_type == "misspelling" and typo.category_id == "TYPOS"
    determiners = next(m for m in matches if m.rule_id == "DT_DT")
    assert "<suggestion>" not in determiners.message and "`a`" in determiners.message
    assert server.checks[0]["language"] == "en-US" and server.checks[0]["text"] == TEXT


def test_client_caches_by_text_hash(server):
    client = LanguageToolClient(server.url)
    client.check(TEXT)
    client.check(TEXT)
    assert len(server.checks) == 1 and server.language_requests == 1
    client.check(TEXT + "More teh.\n")
    assert len(server.checks) == 2


def test_client_sends_chunks_within_the_limit_and_shifts_offsets(server):
    filler = "Officials said bridge NUMBER would reopen on Monday after repairs. " * 3
    paragraphs = [filler.replace("NUMBER", str(n)).strip() for n in range(6)]
    text = "\n\n".join(paragraphs) + "\n\nThe 😀 mayor said teh bridge was safe.\n"
    client = LanguageToolClient(server.url, max_chars=300)
    matches = client.check(text)
    assert len(server.checks) == 6  # two paragraphs never fit in 300 units; the short last one joins
    assert all(utf16_length(form["text"]) <= 300 for form in server.checks)
    assert [text[m.start : m.end] for m in matches] == ["teh"]


# -- findings through the linter ---------------------------------------------------------


def _linter(server_url: str, **table) -> Linter:
    settings = {"server": server_url, **table}

    def transform(config):
        return replace(config, plugins={"languagetool": settings})

    return Linter(isolated=True, autoload=False, blocked=BLOCKED, transform=transform)


def test_findings_have_lt_codes_categories_and_unsafe_fixes(server):
    findings = _linter(server.url).lint_text("He said teh plan was a idea.\n")
    by_code = {f.code: f for f in findings}
    assert set(by_code) == {"LT:MORFOLOGIK_RULE_EN_US", "LT:EN_A_VS_AN"}
    typo = by_code["LT:MORFOLOGIK_RULE_EN_US"]
    assert typo.category is Category.SPELLING and typo.severity is Severity.WARNING
    assert typo.rule == "lt-morfologik-rule-en-us"
    assert typo.message == "Possible spelling mistake found: `teh`"
    assert typo.fix is not None and typo.fix.applicability.label == "unsafe"
    assert typo.fix.title == "Replace with `the`" and typo.fix.edits[0].span == Span(8, 11)
    assert by_code["LT:EN_A_VS_AN"].category is Category.AGREEMENT


def test_repeated_word_maps_to_repetition_and_deletes(server):
    findings = _linter(server.url).lint_text("The council will will vote on Monday.\n")
    (finding,) = findings
    assert finding.code == "LT:ENGLISH_WORD_REPEAT_RULE" and finding.category is Category.REPETITION
    assert finding.fix is not None and finding.fix.title == "Delete ` will`"


@rule(
    code="TS301",
    name="test-stacked-determiners",
    category=Category.REPETITION,
    severity=Severity.ERROR,
    flag=("in a the interview",),
)
def _stacked(doc):
    """## What it does
    Test stand-in for newslint's own stacked-determiner rule.

    ## Why is this bad
    So the LanguageTool duplicate can be dropped.
    """
    for start in range(len(doc.text)):
        if doc.text.startswith("a the ", start):
            yield Violation(Span(start, start + 5), "Two determiners in a row: `a the`")


class _OwnRules:
    @hookimpl
    def newslint_register_rules(self, register):
        register(_stacked)


def test_a_match_on_newslints_own_finding_comes_back_once(server):
    settings = {"server": server.url}
    pm = get_plugin_manager(autoload=False, blocked=BLOCKED, extra=[_OwnRules()])
    linter = Linter(isolated=True, pm=pm, transform=lambda c: replace(c, plugins={"languagetool": settings}))
    findings = linter.lint_text("She said in a the interview that prices would rise.\n")
    assert [(f.code, f.message) for f in findings] == [("TS301", "Two determiners in a row: `a the`")]
    without_server = Linter(
        isolated=True, pm=get_plugin_manager(autoload=False, blocked=BLOCKED, extra=[_OwnRules()])
    )
    assert len(without_server.lint_text("in a the interview\n")) == 1


def test_accepted_vocabulary_is_not_flagged(server):
    def transform(config):
        return replace(
            config, plugins={"languagetool": {"server": server.url}}, accept=frozenset({"FieldMoat"})
        )

    linter = Linter(isolated=True, autoload=False, blocked=BLOCKED, transform=transform)
    assert linter.lint_text("FieldMoat sells sensors to farms.\n") == []


def test_select_and_ignore_apply_to_lt_findings(server):
    text = "He said teh plan was a idea.\n"

    def linter_with(**changes):
        settings = {"server": server.url}
        return Linter(
            isolated=True,
            autoload=False,
            blocked=BLOCKED,
            transform=lambda c: replace(c, plugins={"languagetool": settings}, **changes),
        )

    assert [f.code for f in linter_with(ignore=("spelling",)).lint_text(text)] == ["LT:EN_A_VS_AN"]
    assert linter_with(select=("boilerplate",)).lint_text(text) == []
    assert [
        f.code for f in linter_with(select=("boilerplate",), extend_select=("agreement",)).lint_text(text)
    ] == ["LT:EN_A_VS_AN"]


def test_no_request_unless_configured(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("newslint made a network request without a configured server")

    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    linter = Linter(isolated=True, autoload=False)  # every rule this branch has
    found = linter.lint_text("He said teh plan was a idea.\n")
    assert not [f for f in found if f.code.startswith("LT:")]


# -- the command line --------------------------------------------------------------------


def test_cli_text_output(server, article, capsys):
    code, out, err = run(capsys, "--isolated", "--languagetool", server.url, "a.txt")
    assert code == 1 and err == ""
    assert out == (
        "a.txt:1:23: LT:MORFOLOGIK_RULE_EN_US Possible spelling mistake found: `teh`\n"
        "a.txt:3:13: LT:DT_DT Two determiners in a row: `a the`\n"
        "Found 2 findings (2 with --unsafe-fixes).\n"
    )


def test_cli_json_columns_are_code_points(server, article, capsys):
    _, out, _ = run(capsys, "--isolated", "--languagetool", server.url, "--format", "json", "a.txt")
    items = json.loads(out)
    typo = items[0]
    assert typo["code"] == "LT:MORFOLOGIK_RULE_EN_US" and typo["category"] == "spelling"
    assert TEXT[typo["start"] : typo["end"]] == "teh" and typo["column"] == 23
    assert typo["fix"] == {
        "applicability": "unsafe",
        "title": "Replace with `the`",
        "edits": [{"start": typo["start"], "end": typo["end"], "content": "the"}],
    }


def test_cli_config_table_enables_the_backend(server, article, capsys):
    (article.parent / "newslint.toml").write_text(
        f'[plugins.languagetool]\nserver = "{server.url}"\nlanguage = "en-GB"\n', encoding="utf-8"
    )
    code, out, _ = run(capsys, "a.txt")
    assert code == 1 and "LT:MORFOLOGIK_RULE_EN_US" in out
    assert server.checks[0]["language"] == "en-GB"


def test_cli_unsafe_fix_applies_the_replacement(server, article, capsys):
    code, _, _ = run(capsys, "--isolated", "--languagetool", server.url, "--fix", "--unsafe-fixes", "a.txt")
    fixed = article.read_text(encoding="utf-8")
    assert "said the menu" in fixed and "in an interview" in fixed  # a the -> a -> an
    assert code == 0


def test_cli_server_error_status_is_a_clear_error(article, capsys):
    with running(status=500) as state:
        code, out, err = run(capsys, "--isolated", "--languagetool", state.url, "a.txt")
    assert code == 2 and out == ""
    assert "LanguageTool server" in err and "answered 500" in err


def test_cli_slow_server_times_out(article, capsys):
    (article.parent / "newslint.toml").write_text("[plugins.languagetool]\ntimeout = 0.2\n", encoding="utf-8")
    with running(delay=1.5) as state:
        code, _, err = run(capsys, "--languagetool", state.url, "a.txt")
    assert code == 2
    assert "did not answer within 0.2 s" in err and "hint:" in err


def _closed_port() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def test_cli_unreachable_server_exits_2(article, capsys):
    code, out, err = run(capsys, "--isolated", "--languagetool", _closed_port(), "a.txt")
    assert code == 2 and out == ""
    assert "is unreachable" in err and "--languagetool-optional" in err


def test_cli_optional_server_warns_once_and_lints_without_it(article, capsys, caplog):
    (article.parent / "b.txt").write_text("Another clean line of text.\n", encoding="utf-8")
    url = _closed_port()
    code, out, _ = run(
        capsys, "--isolated", "--languagetool", url, "--languagetool-optional", "a.txt", "b.txt"
    )
    assert code == 0 and out == "All checks passed.\n"
    warnings = [r.getMessage() for r in caplog.records if r.name == "newslint.languagetool"]
    assert len(warnings) == 1 and "unreachable" in warnings[0]


def test_cli_text_over_the_server_limit_names_the_setting(article, capsys):
    with running(max_length=20) as state:
        code, _, err = run(capsys, "--isolated", "--languagetool", state.url, "a.txt")
    assert code == 2 and "answered 413" in err and "max-chars" in err


def test_cli_unknown_language(server, article, capsys):
    (article.parent / "newslint.toml").write_text(
        '[plugins.languagetool]\nlanguage = "xx-YY"\n', encoding="utf-8"
    )
    code, _, err = run(capsys, "--languagetool", server.url, "a.txt")
    assert code == 2 and "does not support language 'xx-YY'" in err and "en-US" in err
    assert server.checks == []


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('server = "http://x"\nservr = 1', "unknown key 'servr'"),
        ('server = "http://x"\ntimeout = -1', "'timeout' must be a positive number"),
        ('server = "http://x"\nmax-chars = "big"', "'max-chars' must be a whole number"),
        ('server = "http://x"\nlevel = "extreme"', "'level' must be"),
        ('server = "http://x"\ndisabled-rules = "DT_DT"', "'disabled-rules' must be a list"),
    ],
)
def test_bad_settings_are_configuration_errors(article, capsys, table, message):
    (article.parent / "newslint.toml").write_text(f"[plugins.languagetool]\n{table}\n", encoding="utf-8")
    code, _, err = run(capsys, "a.txt")
    assert code == 2 and message in err


def test_settings_become_check_fields(server, article, capsys):
    (article.parent / "newslint.toml").write_text(
        '[plugins.languagetool]\ndisabled-rules = ["DT_DT", "WHITESPACE_RULE"]\nlevel = "picky"\n',
        encoding="utf-8",
    )
    run(capsys, "--languagetool", server.url, "a.txt")
    form = server.checks[0]
    assert form["disabledRules"] == "DT_DT,WHITESPACE_RULE" and form["level"] == "picky"


def test_local_without_the_extra_names_it(article, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "language_tool_python", None)  # import fails
    code, _, err = run(capsys, "--isolated", "--languagetool", "local", "a.txt")
    assert code == 2 and "newslint[grammar]" in err


def test_a_bug_in_the_mapping_is_a_crash_finding_not_a_traceback(server, article, capsys, monkeypatch):
    def broken(match):
        raise KeyError("boom")

    monkeypatch.setattr(lt, "map_category", broken)
    code, out, _ = run(capsys, "--isolated", "--languagetool", server.url, "a.txt")
    assert code == 3
    assert "a.txt: NL902 LT (languagetool, from newslint.builtin.languagetool) crashed: KeyError" in out


def test_spelling_matches_on_names_are_skipped_unless_asked(server):
    text = "The final went to Okonjo in three sets.\n\nTeh crowd cheered. “Okonjo was brilliant,” he said.\n"
    findings = _linter(server.url).lint_text(text)
    # A capitalised word mid-sentence is a name, and so is the same word starting a sentence.
    assert [text[f.span.start : f.span.end] for f in findings] == ["Teh"]
    checked = _linter(server.url, **{"check-names": True}).lint_text(text)
    assert [text[f.span.start : f.span.end] for f in checked] == ["Okonjo", "Teh", "Okonjo"]


def test_the_plugin_repeats_the_client_defaults():
    import newslint.languagetool_client as client

    assert (lt.DEFAULT_TIMEOUT, lt.DEFAULT_MAX_CHARS) == (client.DEFAULT_TIMEOUT, client.DEFAULT_MAX_CHARS)
