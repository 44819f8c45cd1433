"""Scenario Quiz: a terminal quiz game that teaches from documented, cited sources."""

__version__ = "0.1.0"
