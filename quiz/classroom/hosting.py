"""Set up a session from a bank, or pick up the unfinished one in the file, and run it."""

from __future__ import annotations

import asyncio
import secrets
import signal
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from quiz.classroom import store
from quiz.classroom.room import Room
from quiz.game.modes import Mode
from quiz.game.round import Entry, deal


def plural(count: int, noun: str) -> str:
    """`1 student`, `2 students`."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
"""No 0/O or 1/I: codes are read aloud and copied from a projector."""


STALE_AFTER = 6 * 3600.0
"""A session untouched this long is not resumed without asking: a lesson quit without
End must not come back the next day unannounced."""


@dataclass
class Hosted:
    connection: sqlite3.Connection
    session: int | None
    """None until `create()`: a new session is stored only once its server listens, so a
    start that fails (the address is in use) leaves nothing behind to resume."""
    room: Room
    title: str
    resumed: bool
    options: dict = field(default_factory=dict)
    since: float | None = None
    """For a resumed session: when it was last used."""

    def create(self) -> int:
        if self.session is None:
            self.session = store.create_session(self.connection, self.room, self.title,
                                                self.options)
        return self.session


class ResumeQuestion(RuntimeError):
    """The file holds an unfinished session that a start should not pick up silently:
    it was started with other options, or it has not been used for hours."""

    def __init__(self, unfinished: store.Unfinished, differences: list[str]):
        self.unfinished, self.differences = unfinished, differences
        super().__init__(describe_unfinished(unfinished, differences))


def describe_unfinished(unfinished: store.Unfinished, differences: list[str]) -> str:
    where = ("in the lobby" if unfinished.index < 0 else
             f"at question {unfinished.index + 1} of {unfinished.total}")
    students = f"{unfinished.players} student{'s' if unfinished.players != 1 else ''}"
    text = (f"this file holds an unfinished session {unfinished.code} "
            f"({unfinished.title}: {students}, {where}, last used {ago(unfinished.touched_at)})")
    if differences:
        text += f", started with {', '.join(differences)}"
    return text


def ago(when: float) -> str:
    seconds = max(0.0, time.time() - when)
    if seconds < 90:
        return "just now"
    if seconds < 5400:
        return f"{seconds / 60:.0f} minutes ago"
    if seconds < 48 * 3600:
        return f"{seconds / 3600:.0f} hours ago"
    return f"{seconds / 86400:.0f} days ago"


def _differences(stored: dict, wanted: dict) -> list[str]:
    """The options the stored session was started with that differ from those asked for
    now, as the flags a teacher typed (`--count 8`)."""
    differences = []
    for key, value in wanted.items():
        if value is None and key != "count":
            continue  # not given now: whatever the session used is fine
        if key in stored and stored[key] != value:
            shown = "the whole bank" if stored[key] is None else stored[key]
            differences.append(f"--{key.replace('_', '-')} {shown}")
    return differences


def new_code(connection: sqlite3.Connection) -> str:
    taken = {row.code for row in store.sessions(connection)}
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(6))
        if code not in taken:
            return code


def open_session(db: Path, bank_path: Path | None, *, fresh: bool = False,
                 chapter: str | None = None, count: int | None = None,
                 seed: int | None = None, time_limit: float = 20.0,
                 resume: bool = False) -> Hosted:
    """Resume the newest unfinished session in `db` if it plays the same bank (or no
    bank is named), unless `fresh`; else deal a new one from the bank (stored by
    `Hosted.create()`). When a bank is named and the unfinished session was started with
    other options, or has not been used for hours, raise ResumeQuestion unless `resume`.
    Raises StoreError or LoadError with one sentence."""
    connection = store.open_store(db)
    bank = None
    if bank_path is not None:
        from quiz.content.load import load_bank

        bank = load_bank(bank_path)
    options = {"chapter": chapter, "count": count, "seed": seed, "time_limit": time_limit}
    unfinished = None if fresh else store.unfinished(connection)
    if unfinished is not None:
        found = store.unfinished_details(connection, unfinished)
        if bank is None or bank.id == found.bank_id:
            differences = _differences(found.options, options) if bank else []
            stale = time.time() - found.touched_at > STALE_AFTER
            if bank is not None and not resume and (differences or stale):
                raise ResumeQuestion(found, differences)
            room = store.load_room(connection, unfinished, clock=time.time)
            return Hosted(connection, unfinished, room, found.title, resumed=True,
                          options=found.options, since=found.touched_at)
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
    return Hosted(connection, None, room, bank.title, resumed=False, options=options)


def join_details(hosted: Hosted, url: str, db: Path) -> dict:
    """What `quiz serve` prints (as JSON for `quiz host`): how to join and to attach."""
    room = hosted.room
    web = "http" + url.removeprefix("ws")
    details = {"url": url, "web": web, "link": f"{web}/?code={room.code}",
               "screen": f"{web}/screen#code={room.code}&token={room.screen_token}",
               "code": room.code, "host_token": room.host_token, "session": hosted.session,
               "db": str(db), "resumed": hosted.resumed, "title": hosted.title,
               "questions": len(room.dealt), "players": len(room.players),
               "index": room.index, "state": room.state}
    if hosted.since is not None:
        details["since"] = ago(hosted.since)
    return details


def serve_until_stopped(hosted: Hosted, host: str, port: int,
                        announce: Callable[[int], None], *, public_host: str | None = None,
                        limits=None) -> None:
    """Run the server until SIGINT or SIGTERM; `announce(port)` once it listens."""
    from quiz.classroom.server import ClassroomServer

    async def main() -> None:
        server = ClassroomServer(hosted.connection, hosted.session, hosted.room,
                                 limits=limits)
        bound = await server.start(host, port, public_host)  # OSError: nothing stored yet
        server.session = hosted.create()
        announce(bound)
        stop = asyncio.get_running_loop().create_future()
        for sig in (signal.SIGINT, signal.SIGTERM):
            asyncio.get_running_loop().add_signal_handler(
                sig, lambda: stop.done() or stop.set_result(None))
        await stop
        await server.stop()

    asyncio.run(main())


def describe(details: dict) -> str:
    if details["resumed"]:
        where = ("in the lobby" if details["index"] < 0 else
                 f"at question {details['index'] + 1}")
        head = (f"Resuming session {details['code']} (last used {details.get('since')}: "
                f"{plural(details['players'], 'student')}, {where}): {details['title']} "
                f"({plural(details['questions'], 'question')})")
    else:
        head = (f"Hosting session {details['code']}: {details['title']} "
                f"({plural(details['questions'], 'question')} will be played)")
    return (f"{head}\n"
            f"Students open:       {details['link']}\n"
            f"  or in a terminal:  quiz join {details['url']} --code {details['code']} "
            f"--name NAME\n"
            f"Projector screen:    {details['screen']}\n"
            f"Host token:          {details['host_token']}\n"
            f"Dashboard:           quiz host --attach {details['url']} --code "
            f"{details['code']} --token {details['host_token']}\n"
            f"Results file:        {details['db']}\n"
            f"Stop with Ctrl-C; start again on the same file to resume.")
