"""Rounds played (finished, interrupted or in progress), best scores, and review cards."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fsrs import Card

from quiz.game.modes import PASS_MARK
from quiz.game.resume import snapshot
from quiz.game.review import ReviewDeck
from quiz.game.round import Phase, Round
from quiz.store.database import open_database
from quiz.store.paths import data_dir

FILE_NAME = "history.sqlite3"


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class RoundRecord:
    """One row of history."""

    id: int
    bank_id: str
    chapter_id: str | None
    mode: str
    seed: int
    started_at: str
    updated_at: str
    status: str
    score: int
    correct: int
    answered: int
    total: int
    best_streak: int
    duration: float
    state: dict[str, Any]

    @property
    def accuracy(self) -> float:
        return self.correct / self.answered if self.answered else 0.0

    @property
    def played(self) -> int:
        """Questions answered so far, decisions included (`answered` counts marked ones)."""
        outcomes = self.state.get("outcomes") if isinstance(self.state, dict) else None
        return len(outcomes) if isinstance(outcomes, list) else self.answered


class History:
    """The learner's history file. Every answer is committed as it is given.

    A write that fails (a full disk, a file made read-only meanwhile) never stops the
    game: what was committed before stays, the failure is reported once through
    `on_write_failure`, and play goes on."""

    def __init__(self, connection: sqlite3.Connection, warning: str | None = None, *,
                 saved: bool = True):
        self.db = connection
        self.warning = warning
        self.saved = saved
        """False when the history lives in memory for this session only."""
        self.write_failure: str | None = None
        """Why the first failed write failed; later failures are not reported again."""
        self.on_write_failure: Callable[[str], None] | None = None

    @classmethod
    def open(cls, folder: str | Path | None = None) -> History:
        opened = open_database(data_dir(folder) / FILE_NAME)
        return cls(opened.connection, opened.warning, saved=opened.saved)

    def close(self) -> None:
        self.db.close()

    def _write(self, sql: str, parameters: tuple, what: str = "answer"
               ) -> sqlite3.Cursor | None:
        try:
            return self.db.execute(sql, parameters)
        except sqlite3.Error as error:
            if self.write_failure is None:
                self.write_failure = (f"This {what} could not be saved ({error}). You can "
                                      "keep playing; everything saved before is safe.")
                if self.on_write_failure is not None:
                    self.on_write_failure(self.write_failure)
            return None

    def _read(self, sql: str, parameters: tuple = ()) -> list[tuple]:
        try:
            return self.db.execute(sql, parameters).fetchall()
        except sqlite3.Error:
            return []  # an unreadable history shows as empty; it never stops the game

    def start(self, round_: Round, *, bank_id: str, chapter_id: str | None,
              seed: int) -> int | None:
        now = _now()
        cursor = self._write(
            "INSERT INTO rounds (bank_id, chapter_id, mode, seed, started_at, updated_at,"
            " status, total, state) VALUES (?, ?, ?, ?, ?, ?, 'playing', ?, ?)",
            (bank_id, chapter_id, round_.mode.name, seed, now, now, round_.total,
             json.dumps(snapshot(round_))), "round")
        return cursor.lastrowid if cursor is not None else None

    def save(self, round_id: int | None, round_: Round, status: str | None = None) -> None:
        """Store the round's progress; the status follows the round unless given."""
        if status is None:
            status = "finished" if round_.phase is Phase.FINISHED else "playing"
        if round_id is None:
            return  # the round could not be started in the file
        summary = round_.summary()
        self._write(
            "UPDATE rounds SET updated_at=?, status=?, score=?, correct=?, answered=?,"
            " best_streak=?, duration=?, state=? WHERE id=?",
            (_now(), status, summary.score, summary.correct, summary.total,
             summary.best_streak, summary.duration, json.dumps(snapshot(round_)), round_id))

    def interrupt(self, round_id: int | None, round_: Round) -> None:
        self.save(round_id, round_, "interrupted")

    def recent(self, limit: int = 50) -> list[RoundRecord]:
        rows = self._read("SELECT * FROM rounds ORDER BY id DESC LIMIT ?", (limit,))
        return [self._record(row) for row in rows]

    def resumable(self) -> RoundRecord | None:
        """The latest round left unfinished, by quitting or by a crash."""
        rows = self._read("SELECT * FROM rounds WHERE status IN ('playing', 'interrupted')"
                          " ORDER BY id DESC LIMIT 1")
        return self._record(rows[0]) if rows else None

    def unfinished(self, limit: int = 50) -> list[RoundRecord]:
        """Every round left unfinished and still resumable, newest first."""
        rows = self.db.execute("SELECT * FROM rounds WHERE status IN ('playing', 'interrupted')"
                               " ORDER BY id DESC LIMIT ?", (limit,))
        records = [self._record(row) for row in rows]
        return [r for r in records if not ({"abandoned", "unreadable"} & r.state.keys())]

    def get(self, round_id: int) -> RoundRecord | None:
        row = self.db.execute("SELECT * FROM rounds WHERE id=?", (round_id,)).fetchone()
        return self._record(row) if row else None

    def settle_unfinished(self) -> int:
        """Mark rounds still 'playing' as interrupted: called as the game starts, when no
        round of ours is in play, so a round whose process was killed reads honestly."""
        return self.db.execute("UPDATE rounds SET status='interrupted'"
                               " WHERE status='playing'").rowcount

    def discard(self, round_id: int) -> None:
        """Keep an unfinished round in history but stop offering to resume it."""
        self._write("UPDATE rounds SET status='interrupted', state=json_set(state,"
                    " '$.abandoned', json('true')) WHERE id=?", (round_id,))

    def best_scores(self) -> dict[tuple[str, str | None, str], int]:
        rows = self._read("SELECT bank_id, chapter_id, mode, MAX(score) FROM rounds"
                          " WHERE status='finished' GROUP BY bank_id, chapter_id, mode")
        return {(bank, chapter, mode): score for bank, chapter, mode, score in rows}

    def passed_chapters(self, bank_id: str) -> set[str]:
        rows = self._read(
            # Marked questions asked (`answered`), not all dealt: a chapter's decisions are
            # never marked, and a branch skips questions.
            "SELECT DISTINCT chapter_id FROM rounds WHERE bank_id=? AND mode='campaign'"
            " AND status='finished' AND answered > 0 AND correct >= ? * answered",
            (bank_id, PASS_MARK))
        return {chapter for (chapter,) in rows if chapter}

    def best_marks(self) -> dict[tuple[str, str], float]:
        """(bank, chapter) → the best share right in a finished campaign round."""
        rows = self.db.execute(
            "SELECT bank_id, chapter_id, MAX(CAST(correct AS REAL) / answered) FROM rounds"
            " WHERE mode='campaign' AND status='finished' AND answered > 0"
            " AND chapter_id IS NOT NULL GROUP BY bank_id, chapter_id")
        return {(bank, chapter): mark for bank, chapter, mark in rows}

    def deck(self) -> ReviewDeck:
        cards = {}
        for key, card in self._read("SELECT key, card FROM review_cards"):
            try:
                cards[key] = Card.from_json(card)
            except (ValueError, KeyError, TypeError):
                continue  # a damaged card: the question simply leaves review
        return ReviewDeck(cards)

    def save_card(self, key: str, deck: ReviewDeck) -> None:
        card = deck.cards.get(key)
        if card is not None:
            self._write("INSERT INTO review_cards (key, card, due) VALUES (?, ?, ?)"
                            " ON CONFLICT(key) DO UPDATE SET card=excluded.card,"
                            " due=excluded.due", (key, card.to_json(), card.due.isoformat()))

    @staticmethod
    def _record(row: tuple) -> RoundRecord:
        values = list(row)
        try:
            state = json.loads(values[-1])
        except (ValueError, TypeError):
            state = None
        # A damaged row is shown in history but can never be resumed.
        values[-1] = state if isinstance(state, dict) else {"unreadable": True}
        return RoundRecord(*values)
