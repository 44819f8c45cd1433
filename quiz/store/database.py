"""Open the SQLite file safely: WAL, migrations, and a fresh file if the old one is corrupt."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

MIGRATIONS = [
    """
    CREATE TABLE rounds (
        id INTEGER PRIMARY KEY,
        bank_id TEXT NOT NULL,
        chapter_id TEXT,
        mode TEXT NOT NULL,
        seed INTEGER NOT NULL,
        started_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('playing', 'interrupted', 'finished')),
        score INTEGER NOT NULL DEFAULT 0,
        correct INTEGER NOT NULL DEFAULT 0,
        answered INTEGER NOT NULL DEFAULT 0,
        total INTEGER NOT NULL,
        best_streak INTEGER NOT NULL DEFAULT 0,
        duration REAL NOT NULL DEFAULT 0,
        state TEXT NOT NULL
    );
    CREATE INDEX rounds_by_status ON rounds (status, updated_at);
    CREATE TABLE review_cards (
        key TEXT PRIMARY KEY,
        card TEXT NOT NULL,
        due TEXT NOT NULL
    );
    """,
]


@dataclass
class Opened:
    """A connection, and the one warning to show if the old file had to be set aside."""

    connection: sqlite3.Connection
    warning: str | None = None


def open_database(path: Path) -> Opened:
    """Open (or create) the history file. A corrupt or unreadable file is renamed aside,
    never deleted, and a fresh one takes its place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        return Opened(_connect(path))
    except (sqlite3.DatabaseError, ValueError) as error:
        aside = path.with_name(f"{path.name}.corrupt-{dt.datetime.now():%Y%m%d-%H%M%S}")
        for suffix in ("", "-wal", "-shm"):
            source = Path(str(path) + suffix)
            if source.exists():
                os.replace(source, str(aside) + suffix)
        warning = (f"The history file could not be read ({error}); it was set aside as "
                   f"{aside.name} and a fresh one started.")
        return Opened(_connect(path), warning)


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")
        check = connection.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise sqlite3.DatabaseError(f"integrity check failed: {check}")
        _migrate(connection)
        # Damage inside rows can pass the page check; reading everything once finds it.
        connection.execute("SELECT * FROM rounds").fetchall()
        connection.execute("SELECT * FROM review_cards").fetchall()
    except (sqlite3.DatabaseError, UnicodeDecodeError) as error:
        connection.close()
        if isinstance(error, UnicodeDecodeError):
            raise sqlite3.DatabaseError(f"unreadable text ({error.reason})") from None
        raise
    return connection


def _migrate(connection: sqlite3.Connection) -> None:
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version > len(MIGRATIONS):
        raise sqlite3.DatabaseError(f"made by a newer Scenario Quiz (schema {version})")
    for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
        connection.execute("BEGIN")
        try:
            for statement in filter(str.strip, script.split(";")):
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version={number}")
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
