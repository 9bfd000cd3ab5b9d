"""Exceptions raised by the library; the CLI turns them into messages and exit codes."""

from __future__ import annotations


class NewslintError(Exception):
    """Base class: ``str(error)`` is the message shown to the user."""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint


class ConfigError(NewslintError):
    """A configuration file or command-line option is invalid."""


class RulePackError(NewslintError):
    """A declarative rule pack is invalid."""


class PluginError(NewslintError):
    """A plugin failed to load or registered something invalid."""


class InputError(NewslintError):
    """A file cannot be read or decoded as text."""

    def __init__(self, message: str, *, code: str = "NL901", hint: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.code = code
