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
    assert "Practice" in text and "interrupted" in text
    assert "Chapter 1 · Opening channels" in text and "ch1-2013" not in text  # titles, not ids
    rows = json.loads(run("history", "--data-dir", str(tmp_path), "--format", "json").output)
    assert rows[0]["mode"] == "practice" and rows[0]["answered"] == 1
    assert rows[0]["title"].startswith("Chapter 1 · Opening channels")


def test_history_names_a_bank_played_from_any_file_by_its_title(tmp_path, write):
    bank = write("own.yaml", {"id": "own", "title": "My own bank", "questions": [
        {"id": "q", "type": "true_false", "prompt": "Yes?", "answer": True}]})
    from quiz.game.library import load_library as load

    session = Session(load([bank], cache=tmp_path / "bank-cache"), History.open(tmp_path),
                      seed=1, clock=lambda: 0.0)
    session.start("own", None, "practice")
    text = run("history", "--data-dir", str(tmp_path)).output
    assert "My own bank" in text


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
