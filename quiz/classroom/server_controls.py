"""The host's controls on the server: start, next, skip, pause, resume, end, lock and
admission, and the player controls kick and admit. Each is committed before anyone is
told; a control that cannot be stored changes nothing."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import sqlite3
import time

from websockets.asyncio.server import ServerConnection

from quiz.classroom import outgoing, store
from quiz.classroom import protocol as p
from quiz.classroom.room import RoomError

log = logging.getLogger("quiz.classroom")
STATS = os.environ.get("QUIZ_STATS_FILE")
"""`make bench-classroom` sets this to collect the server's own fan-out times."""


def _record_stat(**values) -> None:
    with open(STATS, "a", encoding="utf-8") as stream:
        stream.write(json.dumps(values) + "\n")


class HostControls:
    """Mixed into ClassroomServer, whose room, journal, audience and senders it uses."""

    async def _control(self, socket: ServerConnection, message: p.Control) -> None:
        room = self.room
        before = room.snapshot()
        was_open = room.state in ("question", "paused")
        try:
            if message.action in ("kick", "admit"):
                return await self._player_control(message.action, message.player or "")
            room.control(message.action)
        except RoomError as error:
            return self._error(socket, error.code, str(error))
        operations = store.room_state(self.session, room)
        if room.state == "reveal" or (room.state == "ended" and was_open):
            operations += store.streaks(self.session, room)
        sent = outgoing.announcements(room, self.audience, message.action, was_open)
        try:
            await self.journal.write(operations)
        except sqlite3.Error as error:
            room.restore(before)
            log.error("could not store a control: %s", error)
            return self._error(socket, "bad_state", f"the server could not store that "
                                                    f"({error}); nothing changed")
        started = time.perf_counter()
        self._deliver(sent)
        if STATS and message.action in ("start", "next") and room.state == "question":
            _record_stat(fanout_ms=(time.perf_counter() - started) * 1000,
                         sockets=sum(len(sockets) for sockets, _ in sent))
        self.roster_due = self.lobby_due = self.count_due = True

    async def _player_control(self, action: str, player_id: str) -> None:
        if action == "admit":
            player = self.room.admit(player_id)
            await self.journal.write(store.admitted(self.session, player))
            socket = self.audience.waiting.pop(player.id, None)
            if socket is not None:
                self.students[player.id] = socket
                self._send(socket, p.Welcome(type="welcome", version=p.PROTOCOL_VERSION,
                                             player_id=player.id, name=player.name,
                                             score=self.room.shown_score(player),
                                             state=self.room.state))
                for message in outgoing.catch_up(self.room, player):
                    self._send(socket, message)
        else:
            player = self.room.kick(player_id)
            await self.journal.write(store.kicked(self.session, player))
            socket = self.students.pop(player.id, None) or self.audience.waiting.pop(
                player.id, None)
            if socket is not None:
                self._send(socket, p.Error(type="error", code="kicked", fatal=True,
                                           message="the teacher removed you from this "
                                                   "session"))
                asyncio.ensure_future(socket.close(1000, "kicked"))
            self.left_at.pop(player.id, None)
        self.roster_due = self.lobby_due = self.count_due = True
        await self._close_if_due()
