"""`quiz history` and `quiz play`'s argument handling, through click's CliRunner."""

from __future__ import annotations

import datetime as dt
import json

from click.testing import CliRunner

from quiz.cli import main
from quiz.game.library import load_library
from quiz.game.session import Session
from quiz.store.history import History


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_history_when_nothing_was_played(tmp_path):
    result = run("history", "--data-dir", str(tmp_path))
    assert result.exit_code == 0 and "No rounds played yet" in result.output


def test_history_lists_rounds_as_text_and_json(tmp_path):
    session = Session(load_library(), History.open(tmp_path), seed=1, clock=lambda: 0.0,
                      now=lambda: dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    session.start("campaign", "ch1-2013", "practice")
    session.submit(None)
    session.interrupt()
    text = run("history", "--data-dir", str(tmp_path)).output
    assert "practice" in text and "campaign / ch1-2013" in text and "interrupted" in text
    rows = json.loads(run("history", "--data-dir", str(tmp_path), "--format", "json").output)
    assert rows[0]["mode"] == "practice" and rows[0]["answered"] == 1


def test_history_survives_a_corrupt_file(tmp_path):
    (tmp_path / "history.sqlite3").write_bytes(b"junk" * 100)
    result = CliRunner().invoke(main, ["history", "--data-dir", str(tmp_path)])
    assert result.exit_code == 0
    assert "set aside" in result.output and "No rounds played yet" in result.output


def test_play_refuses_a_folder_without_banks(tmp_path):
    result = run("play", str(tmp_path), "--data-dir", str(tmp_path / "data"))
    assert result.exit_code == 1 and "no bank files" in result.output


def test_play_rejects_unknown_mode_and_missing_path(tmp_path):
    assert run("play", "--mode", "speedrun").exit_code == 2
    assert run("play", str(tmp_path / "nope.yaml")).exit_code == 2
