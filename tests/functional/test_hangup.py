"""Closing the terminal mid-round: a real `quiz play` on a pseudo-terminal gets SIGHUP, and
its round is kept as interrupted (resumable), not left marked as still playing."""

from __future__ import annotations

import os
import pty
import signal
import subprocess
import sys
import threading
import time

import pytest

from quiz.store.history import History
from tests.functional.tui_helpers import FIXTURE


def _drain(fd: int, stop: threading.Event) -> None:
    """Read the game's output so its writes never block on a full terminal buffer."""
    while not stop.is_set():
        try:
            if not os.read(fd, 65536):
                return
        except OSError:
            return


def _wait_for(predicate, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


def _answered(folder) -> int:
    history = History.open(folder)
    try:
        rounds = history.recent(1)
        return rounds[0].answered if rounds else 0
    finally:
        history.close()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGHUP and ptys are POSIX")
def test_a_hang_up_mid_round_leaves_it_interrupted(tmp_path):
    master, slave = pty.openpty()
    os.set_blocking(master, True)
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24"}
    game = subprocess.Popen(
        [sys.executable, "-m", "quiz", "play", str(FIXTURE), "--data-dir", str(tmp_path),
         "--seed", "1", "--mode", "practice"],
        stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True)
    os.close(slave)
    stop = threading.Event()
    reader = threading.Thread(target=_drain, args=(master, stop), daemon=True)
    reader.start()
    try:
        assert _wait_for(lambda: (tmp_path / "history.sqlite3").exists())
        time.sleep(1.5)  # the banks load behind the first paint
        os.write(master, b"\r")  # the bank: focus moves to the modes
        time.sleep(0.5)
        os.write(master, b"\r")  # Practice, preselected
        time.sleep(1.0)
        os.write(master, b"1")  # the first question's first choice (or a digit typed)
        time.sleep(0.3)
        os.write(master, b"\r")
        assert _wait_for(lambda: _answered(tmp_path) >= 1), "no answer reached the history"
        os.killpg(game.pid, signal.SIGHUP)  # what closing the terminal window sends
        game.wait(timeout=20)
    finally:
        if game.poll() is None:
            game.kill()
        stop.set()
        os.close(master)
    record = History.open(tmp_path).recent(1)[0]
    assert record.status == "interrupted" and record.answered >= 1
