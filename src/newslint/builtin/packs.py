"""Register the rule packs shipped with newslint (``rules/`` in the source tree)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from newslint.hookspecs import hookimpl

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable


def builtin_rules_root() -> Traversable | Path:
    """The shipped packs: ``newslint/_rules`` in a wheel, the checkout's ``rules/`` otherwise."""
    package = Path(__file__).resolve().parents[1]
    if (package / "_rules").is_dir():  # an installed wheel: plain files, no importlib.resources
        return package / "_rules"
    if not package.is_dir():  # imported from a zip: only importlib.resources can read it
        from importlib.resources import files

        packaged = files("newslint") / "_rules"
        if packaged.is_dir():
            return packaged
    return Path(__file__).resolve().parents[3] / "rules"


@hookimpl
def newslint_register_packs(register: Callable[[Traversable | Path], None]) -> None:
    root = builtin_rules_root()
    for folder in sorted(root.iterdir(), key=lambda p: p.name):
        if folder.is_dir() and (folder / "pack.toml").is_file():
            register(folder)
