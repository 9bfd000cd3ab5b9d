"""Build the plugin manager: built-ins first, then third-party entry points."""

from __future__ import annotations

import importlib
import inspect
import os
import pkgutil
import sys
import types
from collections.abc import Iterable
from typing import Any

import pluggy

from newslint import hookspecs
from newslint.errors import PluginError

ENTRY_POINT_GROUP = "newslint.plugins"
AUTOLOAD_ENV = "NEWSLINT_DISABLE_PLUGIN_AUTOLOAD"


def builtin_plugin_names() -> list[str]:
    """Every module of ``newslint.builtin``: built-ins are plugins, registered like any other."""
    import newslint.builtin

    return sorted(f"newslint.builtin.{info.name}" for info in pkgutil.iter_modules(newslint.builtin.__path__))


class PluginManager(pluggy.PluginManager):
    """pluggy's manager, quicker to register a module.

    Registering scans every name of a plugin with ``inspect.getattr_static`` (a third of
    the start-up time of building the manager: the built-in modules hold about a thousand
    names). A plain module's attributes are in its ``__dict__``, where no descriptor can
    hide, so a name whose value is not a function of some kind is skipped at once; every
    other name goes through pluggy's own check, so what is registered does not change.
    """

    def parse_hookimpl_opts(self, plugin: Any, name: str) -> Any:
        if type(plugin) is types.ModuleType:
            value = plugin.__dict__.get(name)
            if not (inspect.isroutine(value) or isinstance(value, staticmethod | classmethod)):
                return None
        return super().parse_hookimpl_opts(plugin, name)


def get_plugin_manager(
    *, autoload: bool = True, blocked: Iterable[str] = (), extra: Iterable[object] = ()
) -> pluggy.PluginManager:
    """Return a manager with the built-in plugins, ``extra`` ones and, with ``autoload``, entry points."""
    pm = PluginManager("newslint")
    pm.add_hookspecs(hookspecs)
    for name in blocked:
        pm.set_blocked(name)
    builtins = builtin_plugin_names()
    for name in builtins:
        if not pm.is_blocked(name):
            pm.register(importlib.import_module(name), name=name)
    for plugin in extra:
        _register(pm, plugin, getattr(plugin, "__name__", None), "")
    if autoload and not os.environ.get(AUTOLOAD_ENV) and _may_have_entry_points():
        _load_entry_points(pm)
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        raise PluginError(f"plugin {exc.plugin!r} implements an unknown hook: {exc}") from exc
    return pm


def _register(pm: pluggy.PluginManager, plugin: object, name: str | None, dist: str) -> None:
    try:
        pm.register(plugin, name=name)
    except (pluggy.PluginValidationError, ValueError) as exc:
        raise PluginError(f"plugin {name!r}{dist} is invalid: {exc}") from exc


def _may_have_entry_points() -> bool:
    """Say cheaply whether any installed distribution might declare a newslint plugin.

    ``importlib.metadata`` costs tens of milliseconds to import and to scan every
    distribution, a large share of a run on one small article. Reading the small
    ``entry_points.txt`` files of the folders on ``sys.path`` is much cheaper; when a path
    entry is not a plain folder (a zip, an egg), fall back to the full scan.
    """
    marker = ENTRY_POINT_GROUP.encode("ascii")
    for entry in sys.path:
        folder = entry or "."
        if not os.path.isdir(folder):
            if os.path.exists(folder):
                return True  # a zip or egg file: only importlib.metadata can read it
            continue
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        for name in names:
            if name.endswith((".dist-info", ".egg-info")):
                try:
                    with open(os.path.join(folder, name, "entry_points.txt"), "rb") as handle:
                        if marker in handle.read():
                            return True
                except OSError:
                    continue
    return False


def _load_entry_points(pm: pluggy.PluginManager) -> None:
    import importlib.metadata

    for entry_point in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
        if pm.is_blocked(entry_point.name) or pm.get_plugin(entry_point.name) is not None:
            continue
        dist = f" ({entry_point.dist.name} {entry_point.dist.version})" if entry_point.dist else ""
        try:
            plugin = entry_point.load()
        except Exception as exc:  # a broken plugin must name itself, whatever it raised
            raise PluginError(
                f"plugin {entry_point.name!r}{dist} failed to load: {type(exc).__name__}: {exc}",
                hint=f"uninstall it, or block it with --no-plugin {entry_point.name}",
            ) from exc
        _register(pm, plugin, entry_point.name, dist)


def plugin_names(pm: pluggy.PluginManager) -> list[tuple[str, str]]:
    """Return (name, version-or-"builtin") for every registered plugin."""
    import importlib.metadata

    versions = {
        ep.name: f"{ep.dist.name} {ep.dist.version}" if ep.dist else "?"
        for ep in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)
    }
    builtins = set(builtin_plugin_names())
    return [
        (name, "builtin" if name in builtins else versions.get(name, "registered"))
        for name, _plugin in pm.list_name_plugin()
    ]
