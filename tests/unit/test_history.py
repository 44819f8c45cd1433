"""The history file: answers committed as given, resumable rounds, corrupt files set aside."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.game.library import Library
from quiz.game.session import NoQuestions, Session
from quiz.model.bank import Bank
from quiz.store.history import FILE_NAME, History

BANK = Bank.model_validate({
    "id": "b", "title": "Bank",
    "scenarios": [
        {"id": f"ch{n}", "title": f"Chapter {n}", "briefing": "Go.", "questions": [
            {"id": f"c{n}q{i}", "type": "true_false", "prompt": f"Statement {i}",
             "answer": True} for i in range(3)]}
        for n in (1, 2)],
})


START = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def session_at(folder, clock=None, now: dt.datetime = START, library=None) -> Session:
    return Session(library or Library([BANK]), History.open(folder), seed=3,
                   clock=clock or (lambda: 0.0), now=lambda: now)


def test_answers_survive_a_crash_and_the_round_resumes(tmp_path):
    session = session_at(tmp_path)
    session.start("b", "ch1", "practice")
    session.submit(True)
    # No interrupt, no close: as if the process were killed here.
    again = session_at(tmp_path)
    record = again.history.resumable()
    assert record is not None and record.answered == 1 and record.status == "playing"
    round_ = again.resume(record)
    assert len(round_.outcomes) == 1 and round_.score == session.round.score


def test_finished_rounds_unlock_the_next_chapter(tmp_path):
    session = session_at(tmp_path)
    assert not session.chapter_unlocked("b", "ch2")
    with pytest.raises(NoQuestions, match="locked"):
        session.start("b", "ch2", "campaign")
    session.start("b", None, "campaign")
    assert session.chapter_id == "ch1"
    for _ in range(3):
        session.submit(True)
        session.advance()
    assert session_at(tmp_path).chapter_unlocked("b", "ch2")
    bests = session_at(tmp_path).history.best_scores()
    assert bests[("b", "ch1", "campaign")] == session.round.score


def test_missed_questions_enter_review_and_persist(tmp_path):
    session = session_at(tmp_path)
    session.start("b", "ch1", "practice")
    session.submit(False)
    session.advance()
    session.submit(True)
    reopened = session_at(tmp_path)
    assert reopened.review_count() == 1 and reopened.due_count() == 0
    with pytest.raises(NoQuestions, match="next question is due in 1 minute"):
        reopened.start(None, None, "review")  # review plays only what is due
    later = session_at(tmp_path, now=START + dt.timedelta(minutes=5))
    assert later.due_count() == 1
    later.start(None, None, "review")
    assert later.round.total == 1


@pytest.mark.parametrize("content", [b"", b"not a database at all" * 50, b"\x00" * 4096])
def test_corrupt_history_is_set_aside_once(tmp_path, content):
    (tmp_path / FILE_NAME).write_bytes(content)
    history = History.open(tmp_path)
    if content:
        assert history.warning and "set aside" in history.warning
        assert list(tmp_path.glob(f"{FILE_NAME}.corrupt-*"))
    assert history.recent() == []
    assert History.open(tmp_path).warning is None


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(junk=st.binary(min_size=1, max_size=3000), at=st.integers(0, 8000))
def test_any_damage_to_the_file_costs_nothing_but_the_file(tmp_path_factory, junk, at):
    folder = tmp_path_factory.mktemp("h")
    session = session_at(folder)
    session.start("b", "ch1", "practice")
    session.submit(True)
    session.history.close()
    path = folder / FILE_NAME
    data = bytearray(path.read_bytes())
    data[at:at + len(junk)] = junk
    path.write_bytes(bytes(data))
    history = History.open(folder)  # never raises, whatever the damage
    history.recent()
    history.close()


def test_a_newer_schema_is_refused_not_clobbered(tmp_path):
    History.open(tmp_path).close()
    connection = sqlite3.connect(tmp_path / FILE_NAME)
    connection.execute("PRAGMA user_version=99")
    connection.commit()
    connection.close()
    history = History.open(tmp_path)
    assert "newer Scenario Quiz" in history.warning
