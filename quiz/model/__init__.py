"""Pydantic models: the project's one vocabulary for banks, questions and timelines."""
