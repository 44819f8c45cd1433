"""Set up a session from a bank, or pick up the unfinished one in the file, and run it."""

from __future__ import annotations

import asyncio
import secrets
import signal
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from quiz.classroom import store
from quiz.classroom.room import Room
from quiz.game.modes import Mode
from quiz.game.round import Entry, deal

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
"""No 0/O or 1/I: codes are read aloud and copied from a projector."""


@dataclass
class Hosted:
    connection: sqlite3.Connection
    session: int
    room: Room
    title: str
    resumed: bool


def new_code(connection: sqlite3.Connection) -> str:
    taken = {row.code for row in store.sessions(connection)}
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(6))
        if code not in taken:
            return code


def open_session(db: Path, bank_path: Path | None, *, fresh: bool = False,
                 chapter: str | None = None, count: int | None = None,
                 seed: int | None = None, time_limit: float = 20.0) -> Hosted:
    """Resume the newest unfinished session in `db` if it plays the same bank (or no
    bank is named), unless `fresh`; else deal a new one from the bank. Raises StoreError
    or LoadError with one sentence."""
    connection = store.open_store(db)
    bank = None
    if bank_path is not None:
        from quiz.content.load import load_bank

        bank = load_bank(bank_path)
    unfinished = None if fresh else store.unfinished(connection)
    if unfinished is not None:
        title, bank_id = connection.execute("SELECT title, bank_id FROM sessions WHERE id = ?",
                                            (unfinished,)).fetchone()
        if bank is None or bank.id == bank_id:
            room = store.load_room(connection, unfinished, clock=time.time)
            return Hosted(connection, unfinished, room, title, resumed=True)
    if bank is None:
        raise store.StoreError("there is no unfinished session in this file; name a bank "
                               "to start one")
    entries = [Entry(bank.id, scenario.id if scenario else None, question)
               for scenario, question in bank.all_questions()
               if chapter is None or (scenario and scenario.id == chapter)]
    if not entries:
        where = f"chapter {chapter!r} of " if chapter else ""
        raise store.StoreError(f"{where}{bank_path} has no questions to play")
    mode = Mode("classroom", "Classroom", "", shuffle=False, round_length=count)
    dealt = deal(entries, mode, seed if seed is not None else secrets.randbits(32))
    room = Room(new_code(connection), dealt, bank.scoring, time_limit=time_limit,
                clock=time.time)
    session = store.create_session(connection, room, bank.title)
    return Hosted(connection, session, room, bank.title, resumed=False)


def join_details(hosted: Hosted, url: str, db: Path) -> dict:
    return {"url": url, "code": hosted.room.code, "host_token": hosted.room.host_token,
            "session": hosted.session, "db": str(db), "resumed": hosted.resumed,
            "title": hosted.title, "questions": len(hosted.room.dealt)}


def serve_until_stopped(hosted: Hosted, host: str, port: int,
                        announce: Callable[[int], None]) -> None:
    """Run the server until SIGINT or SIGTERM; `announce(port)` once it listens."""
    from quiz.classroom.server import ClassroomServer

    async def main() -> None:
        server = ClassroomServer(hosted.connection, hosted.session, hosted.room)
        bound = await server.start(host, port)
        announce(bound)
        stop = asyncio.get_running_loop().create_future()
        for sig in (signal.SIGINT, signal.SIGTERM):
            asyncio.get_running_loop().add_signal_handler(
                sig, lambda: stop.done() or stop.set_result(None))
        await stop
        await server.stop()

    asyncio.run(main())


def describe(details: dict) -> str:
    verb = "Resuming" if details["resumed"] else "Hosting"
    return (f"{verb} session {details['code']}: {details['title']} "
            f"({details['questions']} questions)\n"
            f"Students join with:  quiz join {details['url']} --code {details['code']} "
            f"--name NAME\n"
            f"Host token:          {details['host_token']}\n"
            f"Dashboard:           quiz host --attach {details['url']} --code "
            f"{details['code']} --token {details['host_token']}\n"
            f"Results file:        {details['db']}\n"
            f"Stop with Ctrl-C; start again on the same file to resume.")
