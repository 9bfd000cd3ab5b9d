"""Declarative rule kinds: each turns a TOML rule file into a check."""
