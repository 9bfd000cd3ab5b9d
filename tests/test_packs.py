"""Declarative packs: user packs through config, and clear errors for broken rule files."""

from __future__ import annotations

import textwrap

import pytest

from newslint.app import Linter
from newslint.config import load_config
from newslint.errors import RulePackError

RULE = textwrap.dedent(
    """\
    code = "HX101"
    name = "house-phrase"
    category = "style"
    kind = "substitution"
    severity = "warning"
    message = "House style: `{found}` should be `{expected}`"
    fix = "unsafe"
    swap = { "Kiev" = "Kyiv", "e-mail" = "email" }
    unless-after = ['\\s+chicken']
    {extra}

    [doc]
    what = "Flags spellings the desk has retired."
    why = "One spelling per newsroom."
    fix-safety = "Unsafe: a quotation may use the old spelling."

    [examples]
    flag = ["He flew to Kiev."]
    pass = ["He ate chicken Kiev chicken.", "She flew to Kyiv."]
    """
)


def make_pack(tmp_path, rule_text=None, name="house-phrase.toml"):
    rule_text = RULE.replace("{extra}", "") if rule_text is None else rule_text
    pack = tmp_path / "house"
    pack.mkdir(exist_ok=True)
    (pack / "pack.toml").write_text('name = "house"\nprefix = "HX"\n', encoding="utf-8")
    (pack / name).write_text(rule_text, encoding="utf-8")
    (tmp_path / "newslint.toml").write_text('extend-rules = ["house"]\n', encoding="utf-8")
    return tmp_path / "newslint.toml"


def test_user_pack_runs_with_guards(tmp_path):
    config = make_pack(tmp_path)
    linter = Linter(config_file=config, autoload=False)
    findings = linter.lint_text("Flights to Kiev resume. Order the Kiev chicken. Send an E-mail.\n")
    assert [(f.code, f.message, f.fix.edits[0].content) for f in findings] == [
        ("HX101", "House style: `Kiev` should be `Kyiv`", "Kyiv"),
        ("HX101", "House style: `E-mail` should be `Email`", "Email"),
    ]
    assert load_config(config).extend_rules == ((tmp_path / "house").resolve(),)


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("colour = 1", "unknown key 'colour'"),
        ('scope = "page"', "scope 'page' is not one of"),
        ('skip-quotes = "yes"', "key 'skip-quotes' must be of type bool, not str"),
    ],
    ids=["unknown-key", "bad-scope", "wrong-type"],
)
def test_rule_file_errors_name_file_and_key(tmp_path, extra, message):
    config = make_pack(tmp_path, RULE.replace("{extra}", extra))
    with pytest.raises(RulePackError, match=message) as error:
        Linter(config_file=config, autoload=False)
    assert str(error.value).startswith(str(tmp_path / "house" / "house-phrase.toml"))


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('code = "HX101"', 'code = "SC999"', "code 'SC999' must be 'HX' and three digits"),
        ('category = "style"', 'category = "styel"', "(did you mean 'style'?)"),
        (
            'kind = "substitution"',
            'kind = "substitutoin"',
            "unknown kind 'substitutoin' (did you mean 'substitution'?)",
        ),
        ("{found}` should", "{fuond}` should", "message uses {fuond}; this kind offers {expected}, {found}"),
        ("'\\s+chicken'", "'(unclosed'", "key 'unless-after' has an invalid regular expression"),
        ("[examples]", '[examples]\nflaggy = ["x"]', "unknown key 'examples.flaggy'"),
        ('code = "HX101"\n', "", "missing required key 'code'"),
    ],
    ids=["prefix", "category", "kind", "message-field", "regex", "examples-key", "missing-code"],
)
def test_broken_rules(tmp_path, old, new, message):
    config = make_pack(tmp_path, RULE.replace("{extra}", "").replace(old, new, 1))
    with pytest.raises(RulePackError) as error:
        Linter(config_file=config, autoload=False)
    assert message in str(error.value)


def test_invalid_toml(tmp_path):
    config = make_pack(tmp_path, "code = \n")
    with pytest.raises(RulePackError, match="invalid TOML"):
        Linter(config_file=config, autoload=False)


def test_duplicate_code_across_files(tmp_path):
    config = make_pack(tmp_path)
    make_pack(
        tmp_path, RULE.replace("{extra}", "").replace("house-phrase", "other-phrase"), name="other.toml"
    )
    with pytest.raises(Exception, match="'HX101' is already defined"):
        Linter(config_file=config, autoload=False)
