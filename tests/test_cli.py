"""The command line: exact output, exit codes, selection, fixes and configuration."""

from __future__ import annotations

import io
import json
import textwrap

import pytest

from newslint import __version__
from newslint.cli import main

ARTICLE = textwrap.dedent(
    """\
    Harbour ferry returns after repairs

    PORTHAVEN – The harbour ferry resumed service on Monday after six weeks of repairs.

    Hide caption

    Passengers said they were glad to see it back.

    Share this: Facebook Twitter WhatsApp Email

    Leave a Reply
    """
)
FIXED_SAFE = textwrap.dedent(
    """\
    Harbour ferry returns after repairs

    PORTHAVEN – The harbour ferry resumed service on Monday after six weeks of repairs.

    Passengers said they were glad to see it back.

    Share this: Facebook Twitter WhatsApp Email
    """
)


@pytest.fixture
def article(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "ferry.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def run(capsys, *argv, stdin=None):
    code = main(list(argv), stdin=stdin)
    out, err = capsys.readouterr()
    return code, out, err


def test_text_output_is_exact(article, capsys):
    code, out, err = run(capsys, "ferry.txt")
    assert code == 1
    assert err == ""
    assert out == (
        "ferry.txt:5:1: SC101 [*] Caption control `Hide caption` left in the article\n"
        "ferry.txt:9:1: SC102 Share or sign-up prompt `Share this: Facebook Twitter WhatsApp Email` left in the article\n"
        "ferry.txt:11:1: SC105 [*] Comment-form text `Leave a Reply` left in the article\n"
        "Found 3 findings (2 fixable with --fix; 1 more with --unsafe-fixes).\n"
    )


def test_json_contract(article, capsys):
    code, out, _ = run(capsys, "--format", "json", "ferry.txt")
    assert code == 1
    findings = json.loads(out)
    assert [f["code"] for f in findings] == ["SC101", "SC102", "SC105"]
    first = findings[0]
    assert set(first) >= {
        "path",
        "code",
        "rule",
        "category",
        "severity",
        "message",
        "line",
        "column",
        "end_line",
        "end_column",
        "start",
        "end",
        "fix",
    }
    assert ARTICLE[first["start"] : first["end"]] == "Hide caption"
    assert (first["line"], first["column"], first["end_line"], first["end_column"]) == (5, 1, 5, 13)
    assert (
        first["path"] == "ferry.txt" and first["category"] == "boilerplate" and first["severity"] == "error"
    )
    assert first["fix"] == {
        "applicability": "safe",
        "title": "Delete the line",
        "edits": [
            {"start": ARTICLE.index("Hide caption"), "end": ARTICLE.index("Passengers"), "content": ""}
        ],
    }
    assert findings[1]["fix"]["applicability"] == "unsafe"


def test_clean_file_exits_zero(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "clean.txt").write_text("The ferry runs every hour.\n", encoding="utf-8")
    assert run(capsys, "clean.txt") == (0, "All checks passed.\n", "")
    assert run(capsys, "--format", "json", "clean.txt") == (0, "[]\n", "")


def test_fix_applies_safe_fixes_only(article, capsys):
    code, out, _ = run(capsys, "--fix", "ferry.txt")
    assert article.read_text(encoding="utf-8") == FIXED_SAFE
    assert code == 1  # the unsafe share bar remains
    assert out.endswith("Fixed 2 findings.\n1 finding remaining (1 with --unsafe-fixes).\n")


def test_unsafe_fixes(article, capsys):
    code, out, _ = run(capsys, "--fix", "--unsafe-fixes", "ferry.txt")
    assert code == 0
    assert "Share this" not in article.read_text(encoding="utf-8")
    assert out == "Fixed 3 findings.\n"


def test_fix_is_idempotent(article, capsys):
    run(capsys, "--fix", "ferry.txt")
    once = article.read_bytes()
    run(capsys, "--fix", "ferry.txt")
    assert article.read_bytes() == once


def test_diff_writes_nothing(article, capsys):
    code, out, _ = run(capsys, "--diff", "ferry.txt")
    assert code == 1
    assert article.read_text(encoding="utf-8") == ARTICLE
    assert out.startswith("--- a/ferry.txt\n+++ b/ferry.txt\n")
    assert "-Hide caption\n" in out and "-Leave a Reply\n" in out
    assert "-Share this" not in out
    _, unsafe, _ = run(capsys, "--diff", "--unsafe-fixes", "ferry.txt")
    assert "-Share this: Facebook Twitter WhatsApp Email\n" in unsafe
    assert article.read_text(encoding="utf-8") == ARTICLE


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_fix_preserves_line_endings(tmp_path, capsys, monkeypatch, newline):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "a.txt"
    path.write_bytes(ARTICLE.replace("\n", newline).encode("utf-8"))
    run(capsys, "--fix", "a.txt")
    assert path.read_bytes() == FIXED_SAFE.replace("\n", newline).encode("utf-8")


def test_fix_preserves_utf8_bom_and_utf16(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"))
    (tmp_path / "wide.txt").write_bytes(ARTICLE.encode("utf-16"))
    run(capsys, "--fix", "bom.txt", "wide.txt")
    assert (tmp_path / "bom.txt").read_bytes() == b"\xef\xbb\xbf" + FIXED_SAFE.encode("utf-8")
    assert (tmp_path / "wide.txt").read_bytes() == FIXED_SAFE.encode("utf-16")


@pytest.mark.parametrize(
    ("option", "codes"),
    [
        (["--select", "SC101"], ["SC101"]),
        (["--select", "SC10"], ["SC101", "SC102", "SC105"]),
        (["--select", "comment-form-prompt"], ["SC105"]),
        (["--select", "boilerplate", "--ignore", "SC102"], ["SC101", "SC105"]),
        (["--ignore", "SC1"], []),
        (["--select", "SC", "--ignore", "SC105,caption-control"], ["SC102"]),
        (["--select", "encoding"], []),
    ],
    ids=["code", "prefix", "name", "category-minus-code", "ignore-prefix", "comma-list", "other-category"],
)
def test_select_and_ignore(article, capsys, option, codes):
    _, out, _ = run(capsys, "--format", "json", *option, "ferry.txt")
    assert [f["code"] for f in json.loads(out)] == codes


def test_unknown_selector_is_usage_error(article, capsys):
    code, out, err = run(capsys, "--select", "caption-controls", "ferry.txt")
    assert code == 2 and out == ""
    assert err == (
        "newslint: error: command line: 'caption-controls' is not a rule code, prefix, name or category "
        "(did you mean 'caption-control'?)\n"
    )


def test_unknown_format(article, capsys):
    code, _, err = run(capsys, "--format", "xml", "ferry.txt")
    assert code == 2 and "unknown format 'xml'" in err


def test_github_format(article, capsys):
    _, out, _ = run(capsys, "--format", "github", "--select", "SC101", "ferry.txt")
    assert out == (
        "::error file=ferry.txt,line=5,col=1,endLine=5,endColumn=13,title=SC101 caption-control"
        "::SC101 Caption control `Hide caption` left in the article\n"
    )


def test_stdin_with_filename(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    stdin = io.TextIOWrapper(io.BytesIO(ARTICLE.encode("utf-8")))
    code, out, _ = run(capsys, "--select", "SC101", "--stdin-filename", "story.txt", "-", stdin=stdin)
    assert code == 1
    assert out.startswith("story.txt:5:1: SC101")


def test_stdin_fix_prints_fixed_text(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    stdin = io.TextIOWrapper(io.BytesIO(ARTICLE.encode("utf-8")))
    _code, out, err = run(capsys, "--fix", "-", stdin=stdin)
    assert out == FIXED_SAFE
    assert "Fixed 2 findings." in err


def test_empty_stdin(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    stdin = io.TextIOWrapper(io.BytesIO(b""))
    assert run(capsys, "-", stdin=stdin) == (0, "All checks passed.\n", "")


def test_unreadable_files_are_findings_and_others_still_linted(article, tmp_path, capsys):
    (tmp_path / "latin1.txt").write_bytes("caf\xe9 au lait\n".encode("latin-1"))
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    code, out, _ = run(capsys, "--format", "json", "latin1.txt", "missing.txt", "binary.txt", "ferry.txt")
    findings = json.loads(out)
    errors = [(f["path"], f["code"], f["message"]) for f in findings if f["category"] == "error"]
    assert errors == [
        ("latin1.txt", "NL901", "Not UTF-8: invalid byte 0xE9 at byte offset 3"),
        ("missing.txt", "NL901", "No such file"),
        ("binary.txt", "NL901", "Binary file (it contains NUL bytes): skipped"),
    ]
    assert all(f["start"] is None and f["line"] is None and f["fix"] is None for f in findings[:3])
    assert [f["code"] for f in findings[3:]] == ["SC101", "SC102", "SC105"]
    assert code == 1


def test_directory_walk_takes_article_files(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "news" / "deep").mkdir(parents=True)
    (tmp_path / "news" / "a.txt").write_text("Hide caption\n", encoding="utf-8")
    (tmp_path / "news" / "deep" / "b.md").write_text("Leave a Reply\n", encoding="utf-8")
    (tmp_path / "news" / "image.png").write_bytes(b"\x89PNG\x00")
    (tmp_path / "news" / "deep" / "loop").symlink_to(tmp_path / "news")
    _, out, _ = run(capsys, "--format", "json", "news")
    assert [(f["path"], f["code"]) for f in json.loads(out)] == [
        ("news/a.txt", "SC101"),
        ("news/deep/b.md", "SC105"),
    ]


def test_fail_on(article, capsys):
    (article.parent / "info.txt").write_text("Hide caption\n", encoding="utf-8")
    assert run(capsys, "--quiet", "--fail-on", "error", "info.txt")[0] == 1
    (article.parent / "newslint.toml").write_text('[rules.SC101]\nseverity = "info"\n', encoding="utf-8")
    assert run(capsys, "--quiet", "--fail-on", "warning", "info.txt")[0] == 0


def test_config_file_is_found_upward(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.newslint]\nignore = ["SC101"]\n', encoding="utf-8")
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "a.txt").write_text("Hide caption\n\nLeave a Reply\n", encoding="utf-8")
    _, out, _ = run(capsys, "--format", "json", "desk/a.txt")
    assert [f["code"] for f in json.loads(out)] == ["SC105"]
    _, out, _ = run(capsys, "--format", "json", "--isolated", "desk/a.txt")
    assert [f["code"] for f in json.loads(out)] == ["SC101", "SC105"]


def test_per_file_ignores(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "newslint.toml").write_text(
        '[per-file-ignores]\n"wire/*.txt" = ["boilerplate"]\n', encoding="utf-8"
    )
    (tmp_path / "wire").mkdir()
    for name in ("wire/a.txt", "b.txt"):
        (tmp_path / name).write_text("Hide caption\n", encoding="utf-8")
    _, out, _ = run(capsys, "--format", "json", "wire/a.txt", "b.txt")
    assert [f["path"] for f in json.loads(out)] == ["b.txt"]


def test_config_errors_name_file_and_key(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("Text.\n", encoding="utf-8")
    (tmp_path / "newslint.toml").write_text("unsafe-fix = true\n", encoding="utf-8")
    code, _, err = run(capsys, "a.txt")
    assert code == 2
    assert (
        err
        == f"newslint: error: {tmp_path / 'newslint.toml'}: unknown key 'unsafe-fix' (did you mean 'unsafe-fixes'?)\n"
    )


def test_explain(capsys):
    code, out, _ = run(capsys, "--explain", "SC105")
    assert code == 0
    assert out.startswith("# SC105 comment-form-prompt\n\nCategory: boilerplate    Severity: error")
    assert "## Fix safety\nSafe for the listed strings" in out
    assert run(capsys, "--explain", "ZZ999")[0] == 2


def test_show_rules(capsys):
    code, out, _ = run(capsys, "--show-rules")
    assert code == 0
    header, *rows = out.splitlines()
    assert header.split() == ["code", "name", "category", "severity", "fix", "on"]
    assert any(row.split()[:3] == ["SC101", "caption-control", "boilerplate"] for row in rows)


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out == f"newslint {__version__}\n"


def test_colour_only_when_asked(article, capsys):
    _, plain, _ = run(capsys, "--select", "SC101", "ferry.txt")
    _, coloured, _ = run(capsys, "--color", "always", "--select", "SC101", "ferry.txt")
    assert "\x1b[" not in plain
    assert "\x1b[1;31mSC101\x1b[0m" in coloured


def test_encoding_choices_match_the_files_module():
    from newslint import cli, files

    assert cli.ENCODINGS == files.ENCODINGS


def test_version_imports_no_linter():
    import subprocess
    import sys

    program = (
        "import sys\n"
        "from newslint.cli import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('newslint.app', 'pluggy', 'newslint.document', 'regex') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", program], check=True)
