"""The results cache: hits on unchanged files, misses after a change, corruption ignored."""

from __future__ import annotations

import json
import textwrap

import pytest

import newslint.app
from newslint.cache import ResultCache, finding_from_json, finding_to_json
from newslint.cli import main

ARTICLE = textwrap.dedent(
    """\
    Ferry timetable changes

    Hide caption

    The winter timetable starts on Monday.

    Advertisement
    """
)


@pytest.fixture
def article(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "ferry.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture
def lint_calls(monkeypatch):
    """Count the files actually linted (cache misses)."""
    calls = []
    original = newslint.app.Linter.check_file

    def counting(self, path, display, **kwargs):
        calls.append(display)
        return original(self, path, display, **kwargs)

    monkeypatch.setattr(newslint.app.Linter, "check_file", counting)
    return calls


def entries(root):
    return sorted(p for p in (root / ".newslint_cache").rglob("*.json"))


def run(capsys, *argv):
    code = main(list(argv))
    return code, capsys.readouterr().out


def test_second_run_is_a_hit_with_identical_output(article, tmp_path, capsys, lint_calls):
    first = run(capsys, "ferry.txt")
    second = run(capsys, "ferry.txt")
    assert first == second
    assert first[0] == 1 and "SC101" in first[1]
    assert lint_calls == ["ferry.txt"]
    assert len(entries(tmp_path)) == 1
    assert (tmp_path / ".newslint_cache" / ".gitignore").read_text(encoding="utf-8").endswith("*\n")
    assert (tmp_path / ".newslint_cache" / "CACHEDIR.TAG").is_file()


def test_json_output_identical_from_cache(article, capsys):
    first = run(capsys, "--format", "json", "ferry.txt")
    second = run(capsys, "--format", "json", "ferry.txt")
    assert first == second
    assert json.loads(first[1])[0]["fix"]["applicability"] == "safe"


def test_changed_content_is_a_miss(article, capsys, lint_calls):
    run(capsys, "ferry.txt")
    article.write_text(ARTICLE.replace("Advertisement\n", ""), encoding="utf-8")
    _code, out = run(capsys, "ferry.txt")
    assert lint_calls == ["ferry.txt", "ferry.txt"]
    assert "SC107" not in out and "SC101" in out


@pytest.mark.parametrize(
    "change",
    [
        ["--ignore", "SC101"],
        ["--select", "SC107"],
    ],
)
def test_changed_selection_is_a_miss(article, capsys, lint_calls, change):
    run(capsys, "ferry.txt")
    _code, out = run(capsys, *change, "ferry.txt")
    assert len(lint_calls) == 2
    assert "SC101" not in out


def test_changed_config_file_is_a_miss(article, tmp_path, capsys, lint_calls):
    run(capsys, "ferry.txt")
    (tmp_path / "newslint.toml").write_text('[rules.SC101]\nseverity = "info"\n', encoding="utf-8")
    run(capsys, "--format", "json", "ferry.txt")
    assert len(lint_calls) == 2
    (tmp_path / "newslint.toml").write_text('accept = ["Advertisement"]\n', encoding="utf-8")
    _code, out = run(capsys, "ferry.txt")
    assert len(lint_calls) == 3
    assert "SC107" not in out


def test_no_cache_neither_reads_nor_writes(article, tmp_path, capsys, lint_calls):
    run(capsys, "--no-cache", "ferry.txt")
    assert not (tmp_path / ".newslint_cache").exists()
    run(capsys, "ferry.txt")
    run(capsys, "--no-cache", "ferry.txt")
    assert len(lint_calls) == 3


@pytest.mark.parametrize("garbage", [b"", b"{not json", b'{"key": "x", "findings": []}', b"\xff\xfe\x00"])
def test_corrupt_entries_are_misses_not_errors(article, tmp_path, capsys, lint_calls, garbage):
    expected = run(capsys, "ferry.txt")
    [entry] = entries(tmp_path)
    entry.write_bytes(garbage)
    assert run(capsys, "ferry.txt") == expected
    assert len(lint_calls) == 2
    # The miss rewrote the entry, so the third run is a hit again.
    assert run(capsys, "ferry.txt") == expected
    assert len(lint_calls) == 2


def test_entry_with_wrong_fields_is_a_miss(article, tmp_path, capsys, lint_calls):
    expected = run(capsys, "ferry.txt")
    [entry] = entries(tmp_path)
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["findings"][0]["span"] = "oops"
    entry.write_text(json.dumps(data), encoding="utf-8")
    assert run(capsys, "ferry.txt") == expected
    assert len(lint_calls) == 2


def test_unwritable_cache_dir_is_ignored(article, tmp_path, capsys):
    blocker = tmp_path / "blocker"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    expected = run(capsys, "--no-cache", "ferry.txt")
    assert run(capsys, "--cache-dir", str(blocker / "cache"), "ferry.txt") == expected


def test_fix_after_cached_check_still_fixes(article, capsys):
    run(capsys, "ferry.txt")
    _code, out = run(capsys, "--fix", "ferry.txt")
    assert out.startswith("Fixed 2 findings.")
    assert "Hide caption" not in article.read_text(encoding="utf-8")
    # The fixed text is cached too: a check now reports nothing and lints nothing new.
    assert run(capsys, "ferry.txt") == (0, "All checks passed.\n")


def test_diff_after_cached_check_still_shows_the_diff(article, capsys):
    run(capsys, "ferry.txt")
    code, out = run(capsys, "--diff", "ferry.txt")
    assert code == 1 and "-Hide caption\n" in out
    assert article.read_text(encoding="utf-8") == ARTICLE


def test_fix_uses_hit_when_nothing_to_fix(tmp_path, monkeypatch, capsys, lint_calls):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "clean.txt").write_text("The ferry runs every hour.\n", encoding="utf-8")
    run(capsys, "clean.txt")
    assert run(capsys, "--fix", "clean.txt") == (0, "All checks passed.\n")
    assert run(capsys, "--diff", "clean.txt") == (0, "All checks passed.\n")
    assert lint_calls == ["clean.txt"]


def test_unreadable_files_are_not_cached(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9\n")
    _code, out = run(capsys, "bad.txt")
    assert "NL901" in out
    assert not entries(tmp_path)


def test_cache_env_var_sets_folder(article, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "elsewhere"))
    run(capsys, "ferry.txt")
    assert list((tmp_path / "elsewhere").rglob("*.json"))
    assert not (tmp_path / ".newslint_cache").exists()


def test_finding_round_trip(linter):
    findings = linter.lint_text(ARTICLE)
    assert findings
    assert [finding_from_json(json.loads(json.dumps(finding_to_json(f)))) for f in findings] == findings


def test_fingerprint_differs_by_suffix_and_selection(linter, tmp_path):
    from dataclasses import replace

    cache = ResultCache(tmp_path)
    config = linter.config_for(None)
    selection = linter.selection_for(config, None)
    base = cache.fingerprint(linter, config, selection, tmp_path / "a.txt")
    assert base == cache.fingerprint(linter, config, selection, tmp_path / "b.txt")
    assert base != cache.fingerprint(linter, config, selection, tmp_path / "a.md")
    fewer = replace(selection, rules=selection.rules[1:])
    assert base != cache.fingerprint(linter, config, fewer, tmp_path / "a.txt")
