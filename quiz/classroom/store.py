"""The classroom's SQLite file: sessions, their dealt questions, players and answers.

The server is the only writer. Every change is a list of (sql, parameters) operations
that the journal commits in order; a room is rebuilt from these rows after a crash.
"""

from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from quiz.classroom.room import Player, Room, Submission
from quiz.game.round import Dealt, Entry

SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    host_token TEXT NOT NULL,
    bank_id TEXT NOT NULL,
    title TEXT NOT NULL,
    created_at REAL NOT NULL,
    time_limit REAL NOT NULL,
    rules TEXT NOT NULL,
    state TEXT NOT NULL,
    idx INTEGER NOT NULL,
    opened_at REAL NOT NULL,
    paused_left REAL,
    locked INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS items (
    session INTEGER NOT NULL REFERENCES sessions (id),
    position INTEGER NOT NULL,
    key TEXT NOT NULL,
    question TEXT NOT NULL,
    display_order TEXT NOT NULL,
    PRIMARY KEY (session, position)
);
CREATE TABLE IF NOT EXISTS players (
    session INTEGER NOT NULL REFERENCES sessions (id),
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    token TEXT NOT NULL,
    kicked INTEGER NOT NULL DEFAULT 0,
    score INTEGER NOT NULL DEFAULT 0,
    streak INTEGER NOT NULL DEFAULT 0,
    joined_at REAL NOT NULL,
    PRIMARY KEY (session, id)
);
CREATE TABLE IF NOT EXISTS answers (
    session INTEGER NOT NULL REFERENCES sessions (id),
    player TEXT NOT NULL,
    question INTEGER NOT NULL,
    value TEXT NOT NULL,
    correct INTEGER NOT NULL,
    points INTEGER NOT NULL,
    elapsed REAL NOT NULL,
    PRIMARY KEY (session, player, question)
)
"""

ADDED_COLUMNS = {
    "sessions": [("screen_token", "TEXT"), ("options", "TEXT NOT NULL DEFAULT '{}'"),
                 ("touched_at", "REAL"), ("gated", "INTEGER NOT NULL DEFAULT 0")],
    "players": [("admitted", "INTEGER NOT NULL DEFAULT 1")],
}
"""Columns added since the first version; older files gain them when opened."""

Operation = tuple[str, tuple]


class StoreError(RuntimeError):
    """The classroom file cannot be used; `str()` is one sentence."""


@dataclass(frozen=True)
class SessionRow:
    id: int
    code: str
    title: str
    state: str
    created_at: float
    players: int


def open_store(path: Path) -> sqlite3.Connection:
    """Open or create the classroom file in WAL mode. A damaged file is refused, never
    replaced: it holds a class's results."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        connection.execute("PRAGMA journal_mode=WAL")
        # FULL makes each commit survive power loss too, not only a killed process; the
        # journal groups answers so one fsync covers many of them.
        connection.execute("PRAGMA synchronous=FULL")
        connection.executescript(SCHEMA)
        _add_columns(connection)
        check = connection.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{path} is not a usable classroom file ({error})") from None
    if check != "ok":
        raise StoreError(f"{path} is damaged ({check}); pass --db to start a new file")
    return connection


def _add_columns(connection: sqlite3.Connection) -> None:
    for table, columns in ADDED_COLUMNS.items():
        have = {row[1] for row in connection.execute(f"PRAGMA table_info({table})")}
        for name, kind in columns:
            if name not in have:
                connection.execute(f"ALTER TABLE {table} ADD COLUMN {name} {kind}")


# ── Writes ──────────────────────────────────────────────────────────────────


def create_session(connection: sqlite3.Connection, room: Room, title: str,
                   options: dict | None = None) -> int:
    """Store a new session with its dealt questions; returns its id. `options` are the
    ones it was started with, so a later start with others can ask before resuming."""
    with connection:
        connection.execute("BEGIN")
        cursor = connection.execute(
            "INSERT INTO sessions (code, host_token, bank_id, title, created_at, time_limit,"
            " rules, state, idx, opened_at, paused_left, locked, screen_token, options,"
            " touched_at, gated)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (room.code, room.host_token, room.dealt[0].entry.bank_id, title, time.time(),
             room.time_limit, room.rules.model_dump_json(), room.state, room.index,
             room.opened_at, room.paused_left, int(room.locked), room.screen_token,
             json.dumps(options or {}, sort_keys=True), time.time(), int(room.gated)))
        session = cursor.lastrowid
        connection.executemany(
            "INSERT INTO items VALUES (?, ?, ?, ?, ?)",
            [(session, position, dealt.entry.key, dealt.question.model_dump_json(),
              json.dumps(list(dealt.order))) for position, dealt in enumerate(room.dealt)])
    return session


def room_state(session: int, room: Room) -> list[Operation]:
    return [("UPDATE sessions SET state = ?, idx = ?, opened_at = ?, paused_left = ?,"
             " locked = ?, gated = ?, touched_at = ? WHERE id = ?",
             (room.state, room.index, room.opened_at, room.paused_left, int(room.locked),
              int(room.gated), time.time(), session))]


def new_player(session: int, player: Player) -> list[Operation]:
    return [("INSERT INTO players (session, id, name, token, kicked, score, streak,"
             " joined_at, admitted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
             (session, player.id, player.name, player.token, int(player.kicked),
              player.score, player.streak, time.time(), int(player.admitted)))]


def admitted(session: int, player: Player) -> list[Operation]:
    return [("UPDATE players SET admitted = 1 WHERE session = ? AND id = ?",
             (session, player.id))]


def kicked(session: int, player: Player) -> list[Operation]:
    return [("UPDATE players SET kicked = 1 WHERE session = ? AND id = ?",
             (session, player.id))]


def answer_row(session: int, player: Player, submission: Submission) -> list[Operation]:
    return [("INSERT INTO answers VALUES (?, ?, ?, ?, ?, ?, ?)",
             (session, player.id, submission.question, json.dumps(submission.value),
              int(submission.correct), submission.points, submission.elapsed)),
            ("UPDATE players SET score = ?, streak = ? WHERE session = ? AND id = ?",
             (player.score, player.streak, session, player.id))]


def streaks(session: int, room: Room) -> list[Operation]:
    """Streaks after a question closes (those who did not answer lose theirs)."""
    return [("UPDATE players SET streak = 0 WHERE session = ? AND id = ?", (session, p.id))
            for p in room.players.values() if p.streak == 0]


def commit(connection: sqlite3.Connection, operations: list[Operation]) -> None:
    """Run operations as one transaction."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        for sql, parameters in operations:
            connection.execute(sql, parameters)
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise


# ── Reads ───────────────────────────────────────────────────────────────────


def sessions(connection: sqlite3.Connection) -> list[SessionRow]:
    rows = connection.execute(
        "SELECT s.id, s.code, s.title, s.state, s.created_at,"
        " (SELECT COUNT(*) FROM players p WHERE p.session = s.id AND NOT p.kicked)"
        " FROM sessions s ORDER BY s.id").fetchall()
    return [SessionRow(*row) for row in rows]


@dataclass(frozen=True)
class Unfinished:
    """What a resume would pick up, so a start can say so or ask first."""

    id: int
    code: str
    bank_id: str
    title: str
    options: dict
    touched_at: float
    players: int
    index: int
    total: int
    state: str


def unfinished_details(connection: sqlite3.Connection, session: int) -> Unfinished:
    row = connection.execute(
        "SELECT s.id, s.code, s.bank_id, s.title, s.options,"
        " COALESCE(s.touched_at, s.created_at), s.idx, s.state,"
        " (SELECT COUNT(*) FROM players p WHERE p.session = s.id AND NOT p.kicked),"
        " (SELECT COUNT(*) FROM items i WHERE i.session = s.id)"
        " FROM sessions s WHERE s.id = ?", (session,)).fetchone()
    ident, code, bank_id, title, options, touched, index, state, players, total = row
    try:
        decoded = json.loads(options or "{}")
    except ValueError:
        decoded = {}
    return Unfinished(ident, code, bank_id, title, decoded if isinstance(decoded, dict) else {},
                      touched, players, index, total, state)


def unfinished(connection: sqlite3.Connection) -> int | None:
    """The newest session that has not ended, if any."""
    row = connection.execute("SELECT id FROM sessions WHERE state != 'ended'"
                             " ORDER BY id DESC LIMIT 1").fetchone()
    return row[0] if row else None


def dealt_questions(connection: sqlite3.Connection, session: int) -> list[Dealt]:
    from pydantic import TypeAdapter

    from quiz.model.questions import Question

    adapter = TypeAdapter(Question)
    bank_id = connection.execute("SELECT bank_id FROM sessions WHERE id = ?",
                                 (session,)).fetchone()[0]
    rows = connection.execute("SELECT question, display_order FROM items WHERE session = ?"
                              " ORDER BY position", (session,)).fetchall()
    return [Dealt(Entry(bank_id, None, adapter.validate_json(question)),
                  tuple(json.loads(order))) for question, order in rows]


def load_room(connection: sqlite3.Connection, session: int, clock=time.time) -> Room:
    """Rebuild a room exactly as its last commit left it."""
    from quiz.model.scoring import ScoringRules

    row = connection.execute(
        "SELECT code, host_token, time_limit, rules, state, idx, opened_at, paused_left,"
        " locked, screen_token, gated FROM sessions WHERE id = ?", (session,)).fetchone()
    if row is None:
        raise StoreError(f"there is no session {session} in this file")
    (code, host_token, limit, rules, state, index, opened_at, paused_left, locked,
     screen_token, gated) = row
    room = Room(code, dealt_questions(connection, session),
                ScoringRules.model_validate_json(rules), time_limit=limit, clock=clock,
                host_token=host_token, screen_token=screen_token)
    room.state, room.index, room.opened_at = state, index, opened_at
    room.paused_left, room.locked, room.gated = paused_left, bool(locked), bool(gated)
    for pid, name, token, kicked, score, streak, admitted_ in connection.execute(
            "SELECT id, name, token, kicked, score, streak, admitted FROM players"
            " WHERE session = ? ORDER BY rowid", (session,)):
        room.adopt(Player(pid, name, token, score, streak, bool(kicked), bool(admitted_)))
    for pid, question, value, correct, points, elapsed in connection.execute(
            "SELECT player, question, value, correct, points, elapsed FROM answers"
            " WHERE session = ?", (session,)):
        room.players[pid].answers[question] = Submission(
            question, json.loads(value), bool(correct), points, elapsed)
        room.answer_count += question == index
    return room
