"""Shared fixtures: a valid bank as data, a helper to write files, and Hypothesis profiles."""

from __future__ import annotations

import copy
import os
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, settings

# Property tests run a quarter of their examples by default, so `make test` stays quick on
# two cores; CI sets HYPOTHESIS_PROFILE=thorough to run every example (tests/strategies.py
# scales the costly ones), and the fuzz tests that follow the profile run 2,000 examples.
settings.register_profile("quick", max_examples=25)
settings.register_profile("thorough", max_examples=2000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "quick")
settings.load_profile(PROFILE)


def pytest_report_header(config) -> str:
    return f"hypothesis profile: {PROFILE} (HYPOTHESIS_PROFILE=thorough runs every example)"

VALID_BANK = {
    "id": "demo",
    "title": "Demo bank",
    "questions": [
        {"id": "q1", "type": "single_choice", "prompt": "Pick B", "choices": ["A", "B"],
         "answer": 1, "explanation": "B is right.",
         "sources": [{"outlet": "Paper", "title": "Story", "date": "2016-11-08"}]},
        {"id": "q2", "type": "true_false", "prompt": "Sky is blue", "answer": True,
         "explanation": "It is.", "sources": [{"outlet": "P", "title": "T", "date": "2015"}]},
    ],
}


@pytest.fixture
def bank_data() -> dict:
    """A fresh deep copy of a small valid bank."""
    return copy.deepcopy(VALID_BANK)


@pytest.fixture
def write(tmp_path: Path):
    """Write text (or data as YAML) to a file under tmp_path and return its path."""

    def _write(name: str, content) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        elif isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_text(yaml.safe_dump(content, sort_keys=False), encoding="utf-8")
        return path

    return _write
