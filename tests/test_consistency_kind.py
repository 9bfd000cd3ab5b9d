"""The ``consistency`` kind: preferred and majority spellings, kept phrases, and spec errors."""

from __future__ import annotations

import textwrap

import pytest

from newslint.errors import RulePackError
from newslint.packs import load_pack
from newslint.testing import run_rule

RULE = """
code = "NS601"
name = "{name}"
category = "name-consistency"
kind = "consistency"
severity = "warning"
message = "`{{found}}`: use `{{expected}}`"
fix = "unsafe"
{extra}
[doc]
what = "Spellings."
why = "House style."
fix-safety = "Unsafe."
[examples]
flag = ["{flag}"]
"""


def load(tmp_path, linter, extra, flag="Kiev", name="city-spelling"):
    (tmp_path / "pack.toml").write_text('name = "newsroom"\nprefix = "NS"\n', encoding="utf-8")
    body = RULE.format(name=name, extra=textwrap.dedent(extra), flag=flag)
    (tmp_path / "rule.toml").write_text(body, encoding="utf-8")
    (rule,) = load_pack(tmp_path, linter.plugins.kinds)
    return rule


def spans(findings, text):
    return [(text[f.span.start : f.span.end], f.fix.edits[0].content) for f in findings]


def test_preferred_mode_flags_every_other_spelling(tmp_path, linter):
    rule = load(
        tmp_path, linter, 'groups = [["Kyiv", "Kiev"], ["Mumbai", "Bombay"]]\nkeep = ["Chicken Kiev"]\n'
    )
    text = "Kiev and Kyiv; Bombay's port; Chicken Kiev; Kievan Rus."
    assert spans(run_rule(rule, text), text) == [("Kiev", "Kyiv"), ("Bombay", "Mumbai")]


def test_majority_mode_flags_only_mixed_articles(tmp_path, linter):
    rule = load(tmp_path, linter, 'mode = "majority"\ngroups = [["Kyiv", "Kiev"]]\n')
    assert run_rule(rule, "Kiev said. Kiev agreed.") == []
    text = "Kiev said. Kiev agreed. Kyiv denied it."
    assert spans(run_rule(rule, text), text) == [("Kyiv", "Kiev")]
    tie = "Kiev said. Kyiv denied it."
    assert spans(run_rule(rule, tie), tie) == [("Kiev", "Kyiv")]


def test_multi_word_spellings(tmp_path, linter):
    rule = load(tmp_path, linter, 'groups = [["Côte d’Ivoire", "Ivory Coast"]]\n', flag="Ivory Coast")
    text = "Cocoa from Ivory  Coast rose."
    assert spans(run_rule(rule, text), text) == [("Ivory  Coast", "Côte d’Ivoire")]


@pytest.mark.parametrize(
    "extra, problem",
    [
        ('groups = [["Kyiv"]]\n', "two or more spellings"),
        ('groups = "Kyiv"\n', "two or more spellings"),
        ('groups = [["Kyiv", "Kiev"]]\nmode = "vote"\n', "must be one of"),
    ],
)
def test_bad_specs_are_rejected(tmp_path, linter, extra, problem):
    with pytest.raises(RulePackError, match=problem):
        load(tmp_path, linter, extra)


def test_house_style_pack_is_off_by_default(linter):
    registry = linter.registry_for(linter.config_for(None))
    rule = registry.get("HS601")
    assert rule is not None and not rule.enabled_by_default
    assert linter.lint_text("Talks in Kiev resumed on Monday.\n") == []
