"""Configuration files: strict keys and types, discovery, per-rule settings."""

from __future__ import annotations

import pytest

from newslint.app import Linter
from newslint.config import Config, find_config_file, load_config, parse_size
from newslint.diagnostics import Severity
from newslint.errors import ConfigError


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("selct = []", "unknown key 'selct' (did you mean 'select'?)"),
        ('select = "SC"', "'select' must be a list of strings"),
        ('fail-on = "fatal"', '\'fail-on\' must be "info", "warning" or "error", not \'fatal\''),
        ('max-file-size = "lots"', "'max-file-size' must be a size such as \"10MiB\""),
        ("rules = 3", "'rules' must be a table of tables"),
        ("select = [", "invalid TOML"),
    ],
    ids=["unknown-key", "wrong-type", "bad-severity", "bad-size", "bad-rules", "bad-toml"],
)
def test_config_errors(tmp_path, text, message):
    path = write(tmp_path / "newslint.toml", text)
    with pytest.raises(ConfigError) as error:
        load_config(path)
    assert message in str(error.value)
    assert str(error.value).startswith(str(path))


def test_pyproject_section_and_discovery(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.newslint]\nfail-on = "warning"\naccept = ["Towne"]\n')
    (tmp_path / "a" / "b").mkdir(parents=True)
    assert find_config_file(tmp_path / "a" / "b") == (tmp_path / "pyproject.toml").resolve()
    config = load_config(tmp_path / "pyproject.toml")
    assert config.fail_on is Severity.WARNING and config.accept == frozenset({"Towne"})


def test_pyproject_without_section_is_skipped(tmp_path):
    write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n")
    assert find_config_file(tmp_path) is None or find_config_file(tmp_path) != tmp_path / "pyproject.toml"


def test_newslint_toml_wins_over_pyproject(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.newslint]\n")
    write(tmp_path / "newslint.toml", "")
    assert find_config_file(tmp_path) == (tmp_path / "newslint.toml").resolve()


@pytest.mark.parametrize(("value", "size"), [("10MiB", 10 * 1024**2), ("2 kb", 2000), (512, 512)])
def test_sizes(value, size):
    assert parse_size(value, "x") == size


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[rules.SC999]\nseverity = 'info'\n", "[rules.SC999] names no rule"),
        ("[rules.SC101]\nseverity = 'fatal'\n", "severity must be info, warning or error"),
        ("[rules.SC101]\nthreshold = 3\n", "[rules.SC101] unknown option 'threshold'"),
        ("select = ['SC10X']\n", "'SC10X' is not a rule code, prefix, name or category"),
    ],
    ids=["unknown-rule", "bad-severity", "unknown-option", "bad-select"],
)
def test_rule_settings_are_validated(tmp_path, text, message):
    path = write(tmp_path / "newslint.toml", text)
    with pytest.raises(ConfigError, match=message.replace("[", r"\[").replace("]", r"\]")):
        Linter(config_file=path, autoload=False)


def test_accept_vocabulary_silences_a_flagged_term(tmp_path):
    path = write(tmp_path / "newslint.toml", 'accept = ["Hide caption"]\n')
    assert Linter(config_file=path, autoload=False).lint_text("Hide caption\n") == []


def test_defaults():
    config = Config()
    assert config.select is None and config.fail_on is Severity.INFO and config.max_file_size == 10 * 1024**2
