"""Plugins: a throwaway plugin's rule runs, entry points load, failures name the plugin."""

from __future__ import annotations

import sys
import textwrap
import types

import pytest

from newslint import Category, Edit, Fix, FixAvailability, Severity, Span, Violation, hookimpl, rule
from newslint.app import Linter
from newslint.errors import PluginError
from newslint.plugins import get_plugin_manager


def _plugin_module(name, check_body):
    module = types.ModuleType(name)

    @rule(
        code="XT101",
        name="exclamation-mark",
        category=Category.STYLE,
        severity=Severity.WARNING,
        fix=FixAvailability.ALWAYS,
        flag=["Wow!"],
        pass_=["Wow."],
    )
    def exclamation(doc):
        """## What it does
        Flags exclamation marks.
        ## Why is this bad
        News copy rarely needs them.
        ## Fix safety
        Safe: replaces one character."""
        yield from check_body(doc)

    @hookimpl
    def newslint_register_rules(register):
        register(exclamation)

    module.newslint_register_rules = newslint_register_rules
    return module


def _exclamations(doc):
    start = 0
    while (index := doc.text.find("!", start)) >= 0:
        span = Span(index, index + 1)
        yield Violation(span, "Exclamation mark", Fix.safe("Replace with `.`", Edit(span, ".")))
        start = index + 1


def test_registered_plugin_rule_runs_through_the_engine():
    pm = get_plugin_manager(autoload=False, extra=[_plugin_module("throwaway", _exclamations)])
    linter = Linter(isolated=True, pm=pm)
    findings = linter.lint_text("Hide caption\n\nWhat a day!\n")
    assert [(f.code, f.category, f.span) for f in findings] == [
        ("SC101", Category.BOILERPLATE, Span(0, 12)),
        ("XT101", Category.STYLE, Span(24, 25)),
    ]


def test_crashing_rule_is_isolated(tmp_path, capsys, monkeypatch):
    def boom(doc):
        raise RuntimeError("boom")
        yield  # pragma: no cover

    pm = get_plugin_manager(autoload=False, extra=[_plugin_module("crashy", boom)])
    linter = Linter(isolated=True, pm=pm)
    result = linter.check_file(None, "-", data=b"Hide caption\n")
    codes = [f.code for f in result.findings]
    assert codes == ["NL902", "SC101"]
    crash = result.findings[0]
    assert crash.message == f"XT101 (exclamation-mark, from {__name__}) crashed: RuntimeError: boom"
    assert "Traceback" in crash.details


@pytest.fixture
def installed_plugin(tmp_path, monkeypatch):
    """A real distribution on sys.path with a newslint.plugins entry point."""

    def install(source):
        (tmp_path / "newslint_throwaway.py").write_text(textwrap.dedent(source), encoding="utf-8")
        dist = tmp_path / "newslint_throwaway-0.1.dist-info"
        dist.mkdir()
        (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: newslint-throwaway\nVersion: 0.1\n")
        (dist / "entry_points.txt").write_text("[newslint.plugins]\nthrowaway = newslint_throwaway\n")
        monkeypatch.syspath_prepend(str(tmp_path))
        monkeypatch.delenv("NEWSLINT_DISABLE_PLUGIN_AUTOLOAD", raising=False)
        monkeypatch.delitem(sys.modules, "newslint_throwaway", raising=False)

    return install


GOOD_PLUGIN = '''
from newslint import Category, Severity, Span, Violation, hookimpl, rule

@rule(code="XT201", name="lorem-ipsum", category=Category.BOILERPLATE, severity=Severity.ERROR,
      flag=["Lorem ipsum dolor"], pass_=["Hello"])
def lorem(doc):
    """## What it does
    Flags placeholder text.
    ## Why is this bad
    It is not an article."""
    index = doc.text.find("Lorem ipsum")
    if index >= 0:
        yield Violation(Span(index, index + 11), "Placeholder text `Lorem ipsum`")

@hookimpl
def newslint_register_rules(register):
    register(lorem)
'''


def test_entry_point_plugin_loads(installed_plugin):
    installed_plugin(GOOD_PLUGIN)
    linter = Linter(isolated=True)
    assert [f.code for f in linter.lint_text("Lorem ipsum dolor sit amet.\n")] == ["XT201"]
    assert "throwaway" in dict(linter.pm.list_name_plugin())


def test_blocked_plugin_does_not_load(installed_plugin):
    installed_plugin(GOOD_PLUGIN)
    linter = Linter(isolated=True, blocked=["throwaway"])
    assert linter.lint_text("Lorem ipsum dolor sit amet.\n") == []


def test_broken_plugin_names_itself(installed_plugin):
    installed_plugin("import a_module_that_does_not_exist\n")
    with pytest.raises(PluginError) as error:
        Linter(isolated=True)
    assert str(error.value) == (
        "plugin 'throwaway' (newslint-throwaway 0.1) failed to load: "
        "ModuleNotFoundError: No module named 'a_module_that_does_not_exist'"
    )
    assert error.value.hint == "uninstall it, or block it with --no-plugin throwaway"


def test_unknown_hook_is_rejected():
    module = types.ModuleType("typo")

    @hookimpl
    def newslint_register_rule(register):  # misspelt hook name
        pass

    module.newslint_register_rule = newslint_register_rule
    with pytest.raises(PluginError, match="unknown hook"):
        get_plugin_manager(autoload=False, extra=[module])


def test_duplicate_rule_code_is_rejected():
    pm = get_plugin_manager(
        autoload=False, extra=[_plugin_module("one", _exclamations), _plugin_module("two", _exclamations)]
    )
    with pytest.raises(PluginError, match="'XT101' is already defined"):
        Linter(isolated=True, pm=pm)


def test_the_quick_manager_registers_what_pluggy_registers():
    import importlib
    import types

    import pluggy

    from newslint import hookimpl, hookspecs
    from newslint.plugins import PluginManager, builtin_plugin_names

    odd = types.ModuleType("odd")

    @hookimpl
    def newslint_register_kinds(register):
        pass

    odd.newslint_register_kinds = staticmethod(newslint_register_kinds)  # type: ignore[attr-defined]
    odd.constant = 3  # type: ignore[attr-defined]
    plugins = [importlib.import_module(name) for name in builtin_plugin_names()]

    def registered(manager: pluggy.PluginManager) -> list[tuple[str, str, str]]:
        manager.add_hookspecs(hookspecs)
        for plugin in [*plugins, odd]:
            manager.register(plugin, name=plugin.__name__)
        return sorted(
            (name, impl.plugin_name, impl.function.__name__)
            for name in dir(manager.hook)
            if not name.startswith("_")
            for impl in getattr(manager.hook, name).get_hookimpls()
        )

    assert registered(PluginManager("newslint")) == registered(pluggy.PluginManager("newslint"))
