"""Implementations behind the CLI commands, kept out of cli.py so startup stays fast."""
