"""History faults: "corrupt" only when it is. A read-only or newer file is left alone, a
full disk never stops the game or loses a committed answer, a damaged file gives back
what can be read, and a folder that cannot be made still lets the learner play."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from quiz.cli import main
from quiz.game.library import Library
from quiz.game.session import Session
from quiz.model.bank import Bank
from quiz.store.history import FILE_NAME, History
from tests.faults import fill_up, mounted_tmpfs, remount_read_only

BANK = Bank.model_validate({
    "id": "b", "title": "Bank",
    "questions": [{"id": f"q{i}", "type": "true_false", "prompt": f"Statement {i}",
                   "answer": True} for i in range(6)],
})


def session_at(folder, history: History | None = None) -> Session:
    return Session(Library([BANK]), history or History.open(folder), seed=3,
                   clock=lambda: 0.0, now=lambda: dt.datetime(2026, 1, 1, tzinfo=dt.UTC))


def play_rounds(folder, count: int, answers: int = 2) -> None:
    session = session_at(folder)
    for _ in range(count):
        session.start("b", None, "practice")
        for _ in range(answers):
            session.submit(True)
            session.advance()
        session.interrupt()
    session.history.close()


def snapshot_files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


# ── Read-only ─────────────────────────────────────────────────────────────────


def test_a_read_only_history_is_read_not_set_aside(tmp_path, monkeypatch):
    play_rounds(tmp_path, 3)
    before = snapshot_files(tmp_path)
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode, **kw: False if mode & os.W_OK
                        else real_access(path, mode, **kw))
    history = History.open(tmp_path)
    assert not history.saved
    assert history.warning == (f"The history file {tmp_path / FILE_NAME} is read-only; it "
                               "was opened for reading only: past rounds show, but answers "
                               "from now on will not be saved.")
    assert len(history.recent()) == 3
    session = session_at(tmp_path, history)
    session.start("b", None, "practice")
    session.submit(True)
    assert history.write_failure is None  # kept in memory, so nothing failed
    assert len(history.recent()) == 4
    history.close()
    assert snapshot_files(tmp_path) == before  # not renamed, not written


def test_a_really_read_only_history(tmp_path):
    with mounted_tmpfs(tmp_path / "data", "256k") as data:
        play_rounds(data, 2)
        remount_read_only(data)
        result = CliRunner().invoke(main, ["history", "--data-dir", str(data)])
        assert result.exit_code == 0, result.output
        assert "opened for reading only" in result.output
        assert result.output.count("interrupted") == 2 and "Traceback" not in result.output
        assert sorted(os.listdir(data)) == [FILE_NAME]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes whatever the permissions")
def test_a_history_in_a_read_only_folder(tmp_path):
    play_rounds(tmp_path, 2)
    tmp_path.chmod(0o555)
    try:
        history = History.open(tmp_path)
        assert "reading only" in history.warning and len(history.recent()) == 2
    finally:
        tmp_path.chmod(0o755)
    assert not list(tmp_path.glob("*.corrupt-*"))


# ── A newer version ──────────────────────────────────────────────────────────


def test_a_newer_versions_history_is_left_untouched(tmp_path):
    play_rounds(tmp_path, 1)
    connection = sqlite3.connect(tmp_path / FILE_NAME)
    connection.execute("PRAGMA user_version=99")
    connection.commit()
    connection.close()
    before = snapshot_files(tmp_path)
    history = History.open(tmp_path)
    assert history.warning == (f"The history file {tmp_path / FILE_NAME} was written by a "
                               "newer Scenario Quiz (schema 99); it is left untouched, and "
                               "answers from now on will not be saved until you update.")
    session_at(tmp_path, history).start("b", None, "practice")  # play goes on, in memory
    history.close()
    assert snapshot_files(tmp_path) == before


# ── A full disk ──────────────────────────────────────────────────────────────


class FullAfter:
    """A connection whose writes start failing as a full disk's do, after `allowed`."""

    def __init__(self, connection: sqlite3.Connection, allowed: int):
        self.connection, self.allowed = connection, allowed

    def execute(self, sql: str, *args):
        if sql.lstrip().upper().startswith(("INSERT", "UPDATE")):
            if self.allowed <= 0:
                raise sqlite3.OperationalError("database or disk is full")
            self.allowed -= 1
        return self.connection.execute(sql, *args)

    def __getattr__(self, name):
        return getattr(self.connection, name)


@pytest.mark.parametrize("allowed", [0, 1, 4])
def test_a_full_disk_never_stops_the_game(tmp_path, allowed):
    history = History.open(tmp_path)
    history.db = FullAfter(history.db, allowed)
    told: list[str] = []
    history.on_write_failure = told.append
    session = session_at(tmp_path, history)
    session.start("b", None, "practice")
    while session.round.phase.name != "FINISHED":
        session.submit(True)
        session.advance()
    assert session.round.summary().correct == 6
    assert len(told) == 1 and "could not be saved (database or disk is full)" in told[0]
    assert told[0].startswith("This round" if allowed == 0 else "This answer")
    history.db = history.db.connection
    history.close()
    saved = History.open(tmp_path).recent()
    assert len(saved) == (0 if allowed == 0 else 1)
    if allowed > 1:
        assert 1 <= saved[0].answered < 6  # what was committed before the disk filled


def test_a_really_full_disk(tmp_path):
    with mounted_tmpfs(tmp_path / "data", "128k") as data:
        play_rounds(data, 1)
        history = History.open(data)
        told: list[str] = []
        history.on_write_failure = told.append
        fill_up(data)
        session = session_at(data, history)
        for _ in range(8):  # the first rounds of a session, on a disk with no room left
            session.start("b", None, "practice")
            while session.round.phase.name != "FINISHED":
                session.submit(True)
                session.advance()
        assert len(told) == 1 and "disk is full" in told[0]
        history.close()
        (data / ".filler").unlink()
        again = History.open(data)
        assert again.warning is None and again.recent()[-1].answered == 2
        assert not list(data.glob("*.corrupt-*"))


# ── A damaged page ───────────────────────────────────────────────────────────


def _damage_one_page(path: Path, page: int) -> None:
    data = bytearray(path.read_bytes())
    data[page * 4096:(page + 1) * 4096] = os.urandom(4096)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("tool", ["sqlite3 .recover", "row by row"])
def test_one_bad_page_costs_a_few_rounds_not_all(tmp_path, monkeypatch, tool):
    play_rounds(tmp_path, 200, answers=1)
    path = tmp_path / FILE_NAME
    pages = path.stat().st_size // 4096
    _damage_one_page(path, pages // 2)
    if tool == "row by row":
        monkeypatch.setattr(shutil, "which", lambda name: None)
    elif shutil.which("sqlite3") is None:
        pytest.skip("the sqlite3 tool is not installed")
    history = History.open(tmp_path)
    recovered = len(history.recent(1000))
    assert 150 <= recovered < 200
    assert history.warning.startswith("The history file could not be read (")
    assert f", and {recovered} of its rounds were recovered into a fresh one." in (
        history.warning)
    assert len(list(tmp_path.glob(f"{FILE_NAME}.corrupt-*[0-9]"))) == 1
    history.close()
    assert len(History.open(tmp_path).recent(1000)) == recovered  # saved in the fresh file


# ── A folder that cannot be made ─────────────────────────────────────────────


def test_a_data_folder_that_cannot_be_made_still_plays(tmp_path):
    (tmp_path / "file").write_text("not a folder")
    folder = tmp_path / "file" / "data"
    history = History.open(folder)
    assert history.warning.startswith(f"Your history cannot be kept: the folder {folder} "
                                      "cannot be created (")
    assert history.warning.endswith("You can play, but answers from now on will not be saved.")
    session = session_at(folder, history)
    session.start("b", None, "practice")
    session.submit(True)
    assert history.recent()[0].answered == 1
    result = CliRunner().invoke(main, ["history", "--data-dir", str(folder)])
    assert result.exit_code == 0 and "cannot be kept" in result.output
