"""Hostile rule packs and configuration: no pattern can hang a run, every mistake is one
clear message naming the file and the key, and nothing in them is ever executed."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time

import pytest

from newslint.cli import main
from newslint.kinds.patterns import GuardedPattern, PatternTimeout, compile_pattern, time_budget

RULE = textwrap.dedent(
    """\
    code = "HX101"
    name = "house-phrase"
    category = "style"
    kind = "existence"
    severity = "warning"
    message = "House style: `{found}`"
    fix = "unsafe"
    patterns = ['(a|aa)+$']
    {extra}

    [doc]
    what = "Flags a phrase."
    why = "House style."

    [examples]
    flag = ["aaa"]
    """
)


def make_pack(folder, rule=None, name="rule.toml", manifest='name = "house"\nprefix = "HX"\n'):
    pack = folder / "house"
    pack.mkdir(exist_ok=True)
    (pack / "pack.toml").write_text(manifest, encoding="utf-8")
    (pack / name).write_text(RULE.replace("{extra}", "") if rule is None else rule, encoding="utf-8")
    (folder / "newslint.toml").write_text('extend-rules = ["house"]\n', encoding="utf-8")
    return pack / name


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# -- catastrophic backtracking -------------------------------------------------------------

CATASTROPHIC_TEXT = "Hide caption\n\n" + "a" * 64 + "!\n"


def test_catastrophic_pattern_cannot_hang_the_run(tmp_path):
    # In a subprocess with a timeout: without the protection this run takes longer than
    # the age of the universe (see the control test below) and the timeout fails the test.
    make_pack(tmp_path)
    (tmp_path / "story.txt").write_text(CATASTROPHIC_TEXT, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "newslint", "story.txt"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=90,
        env={**os.environ, "NEWSLINT_DISABLE_PLUGIN_AUTOLOAD": "1"},
    )
    assert result.returncode == 3, result.stderr
    lines = result.stdout.splitlines()
    rule_file = tmp_path / "house" / "rule.toml"
    assert lines[0] == (
        f"story.txt: NL902 HX101 (house-phrase, from pack house ({rule_file})) crashed: PatternTimeout: "
        f"{rule_file}: key 'patterns': the pattern '(a|aa)+$' ran out of time; it probably "
        "backtracks catastrophically (nested quantifiers such as (a+)+ or (a|aa)+): rewrite it"
    )
    assert lines[1] == "story.txt:1:1: SC101 [*] Caption control `Hide caption` left in the article"


def test_control_the_same_pattern_hangs_plain_re():
    """Proves the test above is meaningful: Python's ``re`` does not finish this search."""
    program = "import re; re.search(r'(?:(a|aa)+$)', 'a' * 64 + '!')"
    with pytest.raises(subprocess.TimeoutExpired):
        subprocess.run([sys.executable, "-c", program], timeout=3)


@pytest.mark.parametrize("method", ["search", "match", "fullmatch", "finditer"])
def test_every_search_method_honours_the_budget(method):
    pattern = GuardedPattern(r"(a|aa)+$", 0, "pack.toml: key 'patterns'")
    with time_budget(0.2), pytest.raises(PatternTimeout, match=r"pack\.toml: key 'patterns': the pattern"):
        result = getattr(pattern, method)("a" * 64 + "!")
        if method == "finditer":
            list(result)


def test_only_search_time_counts_against_the_budget():
    # A long document checked line by line spends its time in Python, not in the regex
    # engine: that must never be mistaken for a hostile pattern.
    pattern = compile_pattern(r"\d+ of \d+ photos", 0, "pack.toml: key 'patterns'")
    with time_budget(0.05):
        for _ in range(20):
            time.sleep(0.005)  # 0.1 s of "other work" in total, twice the budget
            assert pattern.fullmatch("3 of 12 photos")


def test_literal_phrases_need_no_budget():
    literal = compile_pattern(r"Hide\s+caption", 0, "pack.toml: key 'tokens'", literal=True)
    with time_budget(0):
        assert literal.search("x Hide caption") is not None
    guarded = compile_pattern(r"Hide\s+caption", 0, "pack.toml: key 'patterns'")
    with time_budget(0), pytest.raises(PatternTimeout):
        guarded.search("x Hide caption")


def test_substitution_guards_are_bounded_too(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    rule = RULE.replace('kind = "existence"', 'kind = "substitution"').replace(
        "patterns = ['(a|aa)+$']", 'swap = { "ferry" = "boat" }\nunless-before = [\'(a|aa)+!\']'
    )
    make_pack(tmp_path, rule.replace("{extra}", "").replace('"aaa"', '"ferry"'))
    (tmp_path / "story.txt").write_text("a" * 40 + " ferry\n", encoding="utf-8")
    monkeypatch.setattr("newslint.kinds.patterns.BASE_BUDGET", 0.3)
    code, out, _ = run(capsys, "story.txt")
    assert code == 3
    assert "key 'unless-before': the pattern '(a|aa)+!' ran out of time" in out


# -- clear messages for broken packs --------------------------------------------------------


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ('ignore-case = "no"', "key 'ignore-case' must be true or false, not str"),
        ("whole = 1", "key 'whole' must be true or false, not int"),
        ("max-words = true", "key 'max-words' must be a positive integer"),
        (
            'fix-title = "Drop {found.__class__}"',
            "fix-title uses {found.__class__}; this kind offers {found}",
        ),
        ('fix-title = "Drop {found:>999999999}"', "fix-title field {found} may not have a conversion"),
        ('fix-title = "Drop {found!r}"', "fix-title field {found} may not have a conversion"),
        ('fix-title = "Drop {0}"', "fix-title uses {0}; this kind offers {found}"),
        ('fix-title = "Drop {"', "key 'fix-title' is not a valid template"),
        ('patterns = ["(unclosed"]', "key 'patterns' has an invalid regular expression"),
        ('code = "HX101"', "invalid TOML: Cannot overwrite a value"),
    ],
    ids=[
        "bool-type",
        "int-for-bool",
        "bool-for-int",
        "attribute",
        "huge-padding",
        "conversion",
        "positional",
        "brace",
        "regex",
        "duplicate-key",
    ],
)
def test_broken_rule_file_is_one_clear_message(tmp_path, capsys, monkeypatch, extra, message):
    monkeypatch.chdir(tmp_path)
    rule = RULE.replace("{extra}", extra)
    if extra.startswith("patterns"):
        rule = rule.replace("patterns = ['(a|aa)+$']\n", "")
    path = make_pack(tmp_path, rule)
    (tmp_path / "story.txt").write_text("Text.\n", encoding="utf-8")
    code, out, err = run(capsys, "story.txt")
    assert code == 2 and out == ""
    assert err.startswith(f"newslint: error: {path}: ")
    assert message in err
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("[examples]\n", '[examples]\npass = "aaa"\n', "key 'examples.pass' must be a list of strings"),
        ('what = "Flags a phrase."', "what = 3", "key 'doc.what' must be of type str, not int"),
        ('kind = "existence"\n', "", "missing required key 'kind' (one of consistency, existence, "),
    ],
    ids=["examples", "doc", "no-kind"],
)
def test_broken_rule_tables(tmp_path, capsys, monkeypatch, old, new, message):
    monkeypatch.chdir(tmp_path)
    path = make_pack(tmp_path, RULE.replace("{extra}", "").replace(old, new))
    (tmp_path / "story.txt").write_text("Text.\n", encoding="utf-8")
    code, _, err = run(capsys, "story.txt")
    assert code == 2 and err.startswith(f"newslint: error: {path}: {message}") and err.count("\n") == 1


def test_broken_manifest(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    make_pack(tmp_path, manifest='name = "house"\nprefix = "HX"\nenabled-by-default = "yes"\n')
    (tmp_path / "story.txt").write_text("Text.\n", encoding="utf-8")
    code, _, err = run(capsys, "story.txt")
    assert code == 2
    assert err == (
        f"newslint: error: {tmp_path / 'house' / 'pack.toml'}: "
        "key 'enabled-by-default' must be of type bool, not str\n"
    )


def test_duplicate_code_with_a_builtin_rule(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    rule = RULE.replace('code = "HX101"', 'code = "SC101"').replace("house-phrase", "my-caption")
    make_pack(tmp_path, rule.replace("{extra}", ""), manifest='name = "mine"\nprefix = "SC"\n')
    (tmp_path / "story.txt").write_text("Text.\n", encoding="utf-8")
    code, _, err = run(capsys, "story.txt")
    assert code == 2
    assert (
        err.startswith("newslint: error: pack mine (")
        and "rule 'SC101' is already defined by pack scrape" in err
    )
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ("select = [\n", "newslint.toml: invalid TOML: "),
        (
            "[rules.SC101]\nseverity = 3\n",
            "newslint.toml: [rules.SC101] severity must be info, warning or error",
        ),
        ('[per-file-ignores]\n"" = ["SC101"]\n', "newslint.toml: 'per-file-ignores' has an empty glob"),
        ("max-file-size = true\n", "newslint.toml: 'max-file-size' must be a size such as"),
        ('fail-on = "fatal"\nfail-on = "error"\n', "newslint.toml: invalid TOML: Cannot overwrite a value"),
        ('extend-rules = ["nowhere"]\n', "newslint.toml: extend-rules folder"),
    ],
    ids=["toml", "severity-type", "empty-glob", "size-type", "duplicate-key", "missing-pack"],
)
def test_config_mistakes_are_one_clear_message(tmp_path, capsys, monkeypatch, config, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "newslint.toml").write_text(config, encoding="utf-8")
    (tmp_path / "story.txt").write_text("Text.\n", encoding="utf-8")
    code, out, err = run(capsys, "story.txt")
    assert code == 2 and out == ""
    assert err.startswith(f"newslint: error: {tmp_path}/") and message in err
    assert err.count("\n") == 1


def test_nothing_in_config_or_packs_is_executed(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    canary = tmp_path / "executed"
    code_that_must_not_run = f"import pathlib; pathlib.Path({str(canary)!r}).write_text('x')\n"
    pack = tmp_path / "house"
    make_pack(tmp_path)
    for name in ("__init__.py", "rule.py", "pack.py"):
        (pack / name).write_text(code_that_must_not_run, encoding="utf-8")
    (tmp_path / "newslint.toml").write_text(
        textwrap.dedent(
            f"""\
            extend-rules = ["house"]
            accept = ["$(touch {canary})", "__import__('os').system('touch {canary}')"]

            [plugins.anything]
            command = "touch {canary}"
            """
        ),
        encoding="utf-8",
    )
    (tmp_path / "story.txt").write_text("Text with $(touch x) in it.\n", encoding="utf-8")
    code, _, err = run(capsys, "story.txt")
    assert code == 0, err
    assert not canary.exists()


def test_only_packs_from_configuration_are_guarded(tmp_path):
    from newslint.app import Linter
    from newslint.kinds.patterns import GuardedPattern, LiteralPattern

    make_pack(tmp_path)
    linter = Linter(config_file=tmp_path / "newslint.toml", autoload=False)
    registry = linter.registry_for(linter.config_for(None))
    house, builtin = registry.get("HX101"), registry.get("SC101")
    assert isinstance(house.check.pattern, GuardedPattern)  # from the linted repository: untrusted
    assert isinstance(builtin.check.pattern, LiteralPattern)  # shipped with an installed plugin
    assert isinstance(builtin.check.literal, LiteralPattern)
