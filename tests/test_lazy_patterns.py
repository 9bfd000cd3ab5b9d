"""Lazy compiling of rule-pack patterns: syntax errors are still found on load, exactly as ``re`` finds them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newslint.kinds.patterns import IGNORECASE, LiteralPattern, check_syntax

PATTERNS = [
    r"plain",
    r"(?<=ab)c",
    r"(?<=a|bc)d",  # variable-width look-behind
    r"(?<!a+)b",
    r"x(?:(?<=a{1,2})b|c)",  # inside a branch and a group
    r"(?=(?<=ab|c))",  # inside a look-ahead
    r"(?>(?<=a*)b)",  # inside an atomic group
    r"(?:(?<=ab)c)+",  # inside a repeat
    r"(a)(?(1)(?<=b|cd)|e)",  # inside a conditional
    r"(a)(?(1)x|(?<!b*)e)",
    r"(?<=\bfoo )bar",
    r"(?<=(?i:ab))c",
    r"a)|(?:b",
    r"(?:(?i)x)",
    r"[a-",
    r"(?P<n>a)(?P<n>b)",
    r"\2(a)",
    r"a{2,1}",
    r"(?<=a{3})b",
    r"(?<=(?:ab|cd))e",
]


@pytest.mark.parametrize("pattern", PATTERNS)
@pytest.mark.parametrize("flags", [0, IGNORECASE])
def test_check_syntax_raises_what_compile_raises(pattern: str, flags: int) -> None:
    try:
        re.compile(pattern, flags)
    except re.error as exc:
        with pytest.raises(re.error) as caught:
            check_syntax(pattern, flags)
        assert str(caught.value) == str(exc)
    else:
        check_syntax(pattern, flags)


def test_literal_patterns_compile_on_first_search() -> None:
    pattern = LiteralPattern(r"Hide\s+caption", IGNORECASE, "pack.toml: key 'tokens'")
    assert pattern._compiled is None
    assert pattern.fullmatch("hide  CAPTION") is not None
    assert pattern.compiled.flags & re.IGNORECASE


def test_a_bad_pattern_in_a_plugin_pack_is_reported_on_load(tmp_path) -> None:
    from newslint.errors import RulePackError
    from newslint.kinds.existence import Existence
    from newslint.packs import load_pack

    (tmp_path / "pack.toml").write_text('name = "t"\nprefix = "TT"\n')
    (tmp_path / "bad.toml").write_text(
        'code = "TT101"\nname = "bad"\ncategory = "boilerplate"\nkind = "existence"\n'
        'severity = "warning"\nmessage = "x `{found}`"\npatterns = [\'(?<=a|bc)d\']\n'
        '[doc]\nwhat = "x"\n[examples]\nflag = ["bcd"]\n'
    )
    with pytest.raises(
        RulePackError,
        match=r"bad\.toml: key 'patterns' has an invalid regular expression .*"
        r"look-behind requires fixed-width pattern",
    ):
        list(load_pack(tmp_path, {"existence": Existence}))


def test_ftfy_is_imported_without_wcwidth_and_its_widths_still_work() -> None:
    import subprocess
    import sys

    program = (
        "import sys\n"
        "from newslint.builtin.scrape_encoding import _ftfy, _repair\n"
        "_ftfy()\n"
        "assert 'wcwidth' not in sys.modules, 'wcwidth imported'\n"
        "assert _repair('the chain\\u00e2\\u20ac\\u2122s') == 'the chain\\u2019s'\n"
        "import ftfy.formatting\n"
        "assert ftfy.formatting.display_ljust('ab', 4) == 'ab  '\n"
        "import wcwidth\n"
        "assert wcwidth.wcswidth('ab') == 2 and wcwidth.__file__\n"
    )
    subprocess.run([sys.executable, "-c", program], check=True)


def test_an_ftfy_that_needs_more_of_wcwidth_is_imported_plainly(tmp_path: Path) -> None:
    """A future ftfy importing another wcwidth name must not break mojibake detection."""
    import subprocess
    import sys

    fake = tmp_path / "ftfy"
    fake.mkdir()
    (fake / "__init__.py").write_text("from wcwidth import wcswidth, list_versions\n")
    (fake / "badness.py").write_text("def is_bad(text):\n    return True\n")
    program = (
        "import sys\n"
        f"sys.path.insert(0, {str(tmp_path)!r})\n"
        "from newslint.builtin.scrape_encoding import _ftfy\n"
        "module = _ftfy()\n"
        f"assert module.__file__.startswith({str(fake)!r}), module.__file__\n"
        "assert module.badness.is_bad('x')\n"
        "assert sys.modules['wcwidth'].__file__, 'the stand-in stayed'\n"
    )
    subprocess.run([sys.executable, "-c", program], check=True)


def test_a_clean_article_compiles_no_pattern_of_the_whole_line_rules() -> None:
    from newslint.app import Linter

    linter = Linter(isolated=True, autoload=False)
    linter.lint_text("The council met on Monday.\n\nIt approved the budget for the new bridge.\n")
    for item in linter.selection_for(linter.config_for(None), None).rules:
        kind = item.check
        if getattr(kind, "whole", False) and isinstance(kind.pattern, LiteralPattern):
            assert kind.pattern._compiled is None, item.code


def test_parameter_count_agrees_with_inspect() -> None:
    import functools
    import inspect

    from newslint.rules import _parameter_count

    def one(document): ...
    def two(document, options): ...
    def defaults(document, options=None, *rest, flag=1, **more): ...
    def positional(document, /, options): ...

    @functools.wraps(two)
    def wrapped(*args): ...

    for func in (one, two, defaults, positional, wrapped, len, functools.partial(two, 1)):
        assert _parameter_count(func) == len(inspect.signature(func).parameters), func
