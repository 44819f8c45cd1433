"""Recover what can be read from a damaged history file into a healthy one.

SQLite's own `.recover` (in the sqlite3 command-line tool) reads every page it can, even
from damaged tables, and is used when the tool is installed. Otherwise each table is read
row by row, stepping over the rows a damaged page makes unreadable. Every recovered row is
inserted through the healthy file's own constraints, so a garbled row is simply left out.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

TABLES = {
    "rounds": ("id", "bank_id", "chapter_id", "mode", "seed", "started_at", "updated_at",
               "status", "score", "correct", "answered", "total", "best_streak", "duration",
               "state"),
    "review_cards": ("key", "card", "due"),
}
RECOVER_SECONDS = 60


def recover(damaged: Path, into: sqlite3.Connection) -> int:
    """Copy every readable round and review card into `into`; returns how many rounds."""
    source = _recovered_by_sqlite(damaged) or _open_read_only(damaged)
    if source is None:
        return 0
    source.text_factory = _lenient_text  # garbled text still recovers the rest of its row
    try:
        counts = {table: _copy(source, into, table, columns)
                  for table, columns in TABLES.items()}
    finally:
        source.close()
    return counts["rounds"]


def _lenient_text(data: bytes) -> str:
    return data.decode("utf-8", "replace")


def _recovered_by_sqlite(damaged: Path) -> sqlite3.Connection | None:
    """The damaged file rebuilt in memory from the SQL that `sqlite3 FILE .recover` prints."""
    tool = shutil.which("sqlite3")
    if tool is None:
        return None
    try:
        done = subprocess.run([tool, "-readonly", str(damaged.resolve()), ".recover"],
                              capture_output=True, timeout=RECOVER_SECONDS, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0 or not done.stdout:
        return None
    rebuilt = sqlite3.connect(":memory:")
    try:
        rebuilt.executescript(done.stdout.decode("utf-8", "replace"))
    except sqlite3.Error:
        rebuilt.close()
        return None
    return rebuilt


def _open_read_only(damaged: Path) -> sqlite3.Connection | None:
    try:
        return sqlite3.connect(f"{damaged.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None


def _copy(source: sqlite3.Connection, into: sqlite3.Connection, table: str,
          columns: tuple[str, ...]) -> int:
    names = ", ".join(columns)
    insert = (f"INSERT OR IGNORE INTO {table} ({names}) "
              f"VALUES ({', '.join('?' * len(columns))})")
    copied = 0
    with contextlib.suppress(sqlite3.Error):
        into.execute("BEGIN")
    for row in _readable_rows(source, table, names):
        try:
            copied += into.execute(insert, row).rowcount > 0
        except (sqlite3.Error, ValueError, OverflowError):
            continue  # a garbled row breaks a constraint: leave it out
    with contextlib.suppress(sqlite3.Error):
        into.execute("COMMIT")
    return copied


def _readable_rows(source: sqlite3.Connection, table: str, names: str) -> Iterator[tuple]:
    """Rows in rowid order; past a damaged stretch, the first readable rowid after it is
    found by doubling the step and then narrowing it down."""
    query = f"SELECT rowid, {names} FROM {table} WHERE rowid > ? ORDER BY rowid"
    last, limit = -(2**63), _top_rowid(source, table)
    while True:
        try:
            for row in source.execute(query, (last,)):
                last = row[0]
                yield row[1:]
            return
        except (sqlite3.Error, UnicodeDecodeError):
            pass
        after = _next_readable(source, query, last, limit)
        if after is None:
            return
        last = after


def _next_readable(source, query: str, last: int, limit: int | None) -> int | None:
    def readable(start: int) -> bool:
        try:
            source.execute(query, (start,)).fetchone()
        except (sqlite3.Error, UnicodeDecodeError):
            return False
        return True

    base = max(last, 0)
    step = 1
    while not readable(base + step):
        step *= 2
        if step > 2**40 or (limit is not None and base + step > limit):
            return None
    low, high = base + step // 2, base + step  # the last probe that failed, the one that read
    while high - low > 1:
        middle = (low + high) // 2
        if readable(middle):
            high = middle
        else:
            low = middle
    return high


def _top_rowid(source: sqlite3.Connection, table: str) -> int | None:
    try:
        return source.execute(f"SELECT max(rowid) FROM {table}").fetchone()[0]
    except (sqlite3.Error, UnicodeDecodeError):
        return None
