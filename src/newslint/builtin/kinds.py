"""Register the built-in declarative kinds."""

from __future__ import annotations

from collections.abc import Callable

from newslint.hookspecs import hookimpl
from newslint.kinds.base import Kind
from newslint.kinds.consistency import Consistency
from newslint.kinds.existence import Existence
from newslint.kinds.substitution import Substitution


@hookimpl
def newslint_register_kinds(register: Callable[[str, type[Kind]], None]) -> None:
    register("existence", Existence)
    register("substitution", Substitution)
    register("consistency", Consistency)
