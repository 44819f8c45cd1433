"""Open the SQLite history file: WAL, migrations, and an honest answer when it cannot be
used as it is. Only a damaged file is set aside (after recovering what can be read from
it); a read-only file is read without writing, a newer version's file is left alone, and
a folder that cannot be made still lets the learner play. In those cases the history lives
in memory for the session, and the warning says that answers will not be saved."""

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

_DAMAGE_CODES = {11, 24, 26}  # SQLITE_CORRUPT, SQLITE_FORMAT, SQLITE_NOTADB
NOT_SAVED = "answers from now on will not be saved"


class Damaged(sqlite3.DatabaseError):
    """The file is not a healthy history: corrupt pages, unreadable text, not SQLite."""


class NewerSchema(sqlite3.DatabaseError):
    """A newer Scenario Quiz wrote the file; this one must not touch it."""

    def __init__(self, version: int):
        super().__init__(f"schema {version}")
        self.version = version


@dataclass
class Opened:
    """A connection, the one warning to show, and whether answers reach the file."""

    connection: sqlite3.Connection
    warning: str | None = None
    saved: bool = True


def open_database(path: Path) -> Opened:
    """Open (or create) the history file, whatever state it and its folder are in."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        return _in_memory(f"Your history cannot be kept: the folder {path.parent} cannot be "
                          f"created ({_reason(error)}). You can play, but {NOT_SAVED}.")
    if path.exists() and not _writable(path):
        return _read_only(path, "is read-only")
    try:
        return Opened(_connect(path))
    except NewerSchema as error:
        return _in_memory(f"The history file {path} was written by a newer Scenario Quiz "
                          f"(schema {error.version}); it is left untouched, and {NOT_SAVED} "
                          "until you update.")
    except Damaged as error:
        return _set_aside(path, error)
    except sqlite3.Error as error:  # busy, read-only, full, I/O: the file is not the problem
        return _read_only(path, f"cannot be written ({error})")


def _writable(path: Path) -> bool:
    # WAL keeps two files beside the history, so the folder must be writable too.
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)


def _connect(path: Path | str, *, read_only: bool = False) -> sqlite3.Connection:
    """A checked connection; with `read_only`, `path` is a `file:...?mode=ro` URI and
    nothing is written (not even a migration)."""
    connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False,
                                 uri=read_only)
    try:
        if not read_only:
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
        check = connection.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise Damaged(f"integrity check failed: {check}")
        if read_only:
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            if version > len(MIGRATIONS):
                raise NewerSchema(version)
        else:
            _migrate(connection)
        if not read_only or version == len(MIGRATIONS):
            # Damage inside rows can pass the page check; reading everything once finds it.
            connection.execute("SELECT * FROM rounds").fetchall()
            connection.execute("SELECT * FROM review_cards").fetchall()
    except UnicodeDecodeError as error:
        connection.close()
        raise Damaged(f"unreadable text ({error.reason})") from None
    except sqlite3.DatabaseError as error:
        connection.close()
        if isinstance(error, (Damaged, NewerSchema)):
            raise
        if (getattr(error, "sqlite_errorcode", 0) & 0xFF) in _DAMAGE_CODES:
            raise Damaged(str(error)) from None
        raise
    return connection


def _migrate(connection: sqlite3.Connection) -> None:
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version > len(MIGRATIONS):
        raise NewerSchema(version)
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


def _memory() -> sqlite3.Connection:
    connection = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    _migrate(connection)
    return connection


def _in_memory(warning: str) -> Opened:
    return Opened(_memory(), warning, saved=False)


def _read_only(path: Path, why: str) -> Opened:
    """A copy in memory of a healthy file that cannot be written: the past shows."""
    # Without a -wal file, `immutable` reads the file alone and makes no side files;
    # with one, its committed pages must be read too.
    wal = Path(f"{path}-wal").exists()
    for options in ("mode=ro", "mode=ro&immutable=1") if wal else ("mode=ro&immutable=1",):
        try:
            source = _connect(f"{path.resolve().as_uri()}?{options}", read_only=True)
        except NewerSchema as error:
            return _in_memory(f"The history file {path} was written by a newer Scenario Quiz "
                              f"(schema {error.version}); it is left untouched, and "
                              f"{NOT_SAVED}.")
        except Damaged as error:
            from quiz.store.recover import recover

            memory = _memory()
            rounds = recover(path, memory)
            return Opened(memory, f"The history file {path} {why} and damaged ({error}); "
                                  f"{rounds} round(s) could be read, but {NOT_SAVED}.",
                          saved=False)
        except sqlite3.Error:
            continue
        memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        try:
            source.backup(memory)
            _migrate(memory)
        except sqlite3.Error:
            memory.close()
            continue
        finally:
            source.close()
        return Opened(memory, f"The history file {path} {why}; it was opened for reading "
                              f"only: past rounds show, but {NOT_SAVED}.", saved=False)
    return _in_memory(f"The history file {path} {why} and cannot be read either; you can "
                      f"play, but {NOT_SAVED}.")


def _set_aside(path: Path, damage: Exception) -> Opened:
    """Rename a damaged file aside (never delete it), start afresh, and recover into the
    fresh file every round and review card that can still be read."""
    from quiz.store.recover import recover

    aside = path.with_name(f"{path.name}.corrupt-{dt.datetime.now():%Y%m%d-%H%M%S}")
    try:
        for suffix in ("", "-wal", "-shm"):
            source = Path(str(path) + suffix)
            if source.exists():
                os.replace(source, str(aside) + suffix)
    except OSError as error:
        memory = _memory()
        rounds = recover(path, memory)
        return Opened(memory, f"The history file {path} is damaged ({damage}) and cannot be "
                              f"set aside ({_reason(error)}); {rounds} round(s) could be read, "
                              f"but {NOT_SAVED}.", saved=False)
    try:
        fresh = _connect(path)
    except sqlite3.Error as error:
        fresh, saved = _memory(), False
        note = f" A fresh file could not be made either ({error}), so {NOT_SAVED}."
    else:
        saved, note = True, ""
    rounds = recover(aside, fresh)
    kept = (f", and {rounds} of its rounds were recovered into a fresh one" if rounds
            else " and a fresh one started")
    return Opened(fresh, f"The history file could not be read ({damage}); it was set aside "
                         f"as {aside.name}{kept}.{note}", saved=saved)


def _reason(error: OSError) -> str:
    return (error.strerror or str(error)).lower()
