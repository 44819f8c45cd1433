"""The classroom server: websockets around the authoritative room. Every change is
committed to SQLite before anyone hears of it, and a restarted server carries on."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import sqlite3
import time
from dataclasses import dataclass

from websockets.asyncio.server import Server, ServerConnection, broadcast, serve
from websockets.exceptions import ConnectionClosed

from quiz.classroom import protocol as p
from quiz.classroom import store, views
from quiz.classroom.fanout import fan_out
from quiz.classroom.journal import Journal
from quiz.classroom.ratelimit import TokenBucket
from quiz.classroom.room import Player, Room, RoomError

RECOVERY_GRACE = 20.0
"""After a restart, an open question stays open at least this long, so students whose
clients are reconnecting can still answer it."""
REJOIN_GRACE = 30.0
"""A dropped student still counts as present this long: the question waits for them."""
HELLO_TIMEOUT = 10.0
WIRE_LIMIT = 64 * 1024
"""Frames above this are cut off by websockets (close code 1009); frames between the
protocol's limit and this get a `too_large` reply and the connection carries on."""
RATE, BURST = 10.0, 30.0
"""Messages a second a connection may send on average, and in one burst."""
MAX_REFUSALS = 200
"""A connection refused this many times in a row (flooding) is closed."""
TICK = 0.05
log = logging.getLogger("quiz.classroom")
STATS = os.environ.get("QUIZ_STATS_FILE")
"""`make bench-classroom` sets this to collect the server's own fan-out times."""


def _record_stat(**values) -> None:
    with open(STATS, "a", encoding="utf-8") as stream:
        stream.write(json.dumps(values) + "\n")


@dataclass
class Peer:
    """One open connection."""

    socket: ServerConnection
    bucket: TokenBucket
    refusals: int = 0


class ClassroomServer:
    def __init__(self, connection: sqlite3.Connection, session: int, room: Room):
        self.connection = connection
        self.session = session
        self.room = room
        self.journal = Journal(connection)
        self.students: dict[str, ServerConnection] = {}
        self.hosts: set[ServerConnection] = set()
        self.left_at: dict[str, float] = {}
        self.lobby_due = self.roster_due = False
        self.last_roster = self.last_check = 0.0
        self.server: Server | None = None
        self.tasks: list[asyncio.Task] = []

    # ── Life cycle ─────────────────────────────────────────────────────────
    async def start(self, host: str = "127.0.0.1", port: int = 8765) -> int:
        """Listen, resuming where the file left off; returns the bound port."""
        self.journal.start()
        # Warm up the commit thread and the message parser, so the first answers of a
        # session are not the slowest ones.
        await self.journal.write([("SELECT 1", ())])
        p.parse_client('{"type": "answer", "question": 0, "value": 0}')
        now = time.monotonic()
        for player in self.room.players.values():
            self.left_at[player.id] = now  # everyone gets their grace after a restart
        if self.room.state == "question":
            self.room.extend_to(RECOVERY_GRACE)
            await self.journal.write(store.room_state(self.session, self.room))
        self.server = await serve(self.handle, host, port, max_size=WIRE_LIMIT,
                                  compression=None, ping_interval=20, ping_timeout=20,
                                  open_timeout=HELLO_TIMEOUT, close_timeout=2)
        self.tasks.append(asyncio.create_task(self._tick(), name="tick"))
        return self.server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        for task in self.tasks:
            task.cancel()
        if self.server:
            self.server.close()
            await self.server.wait_closed()
        await self.journal.close()

    # ── Connections ────────────────────────────────────────────────────────
    async def handle(self, socket: ServerConnection) -> None:
        try:
            raw = await asyncio.wait_for(socket.recv(), HELLO_TIMEOUT)
        except (TimeoutError, ConnectionClosed):
            return
        hello = self._parse(socket, raw, fatal=True)
        if hello is None:
            return
        if not isinstance(hello, p.Hello):
            return self._refuse(socket, "bad_state", "the first message must be a hello")
        if hello.version != p.PROTOCOL_VERSION:
            return self._refuse(socket, "bad_version", f"this server speaks protocol "
                                f"version {p.PROTOCOL_VERSION}; please update Scenario Quiz")
        if hello.code != self.room.code:
            return self._refuse(socket, "bad_code", "there is no session with that code here")
        peer = Peer(socket, TokenBucket(RATE, BURST))
        if hello.role == "host":
            if not self.room.is_host(hello.host_token):
                return self._refuse(socket, "not_host", "that host token is not this "
                                    "session's")
            await self._host(peer)
        else:
            player = await self._admit(socket, hello)
            if player is not None:
                await self._student(peer, player)

    async def _admit(self, socket: ServerConnection, hello: p.Hello) -> Player | None:
        try:
            if hello.rejoin_token:
                player, new = self.room.rejoin(hello.rejoin_token), False
            elif hello.name:
                player, new = self.room.join(hello.name), True
            else:
                raise RoomError("bad_name", "give a name to join, or a rejoin token")
        except RoomError as error:
            self._refuse(socket, error.code, str(error))
            return None
        if new:
            # The token is stored before the student sees it, so it always works later.
            try:
                await self.journal.write(store.new_player(self.session, player))
            except sqlite3.Error as error:
                del self.room.players[player.id]
                log.error("could not store a new student: %s", error)
                self._refuse(socket, "bad_state", "the server could not store your place; "
                                                  "try joining again")
                return None
        previous = self.students.get(player.id)
        if previous is not None and previous is not socket:
            self._send(previous, p.Error(type="error", code="bad_state", fatal=True,
                                         message="you joined again from somewhere else"))
            asyncio.ensure_future(previous.close(1000, "replaced"))
        self.students[player.id] = socket
        self.left_at.pop(player.id, None)
        self._send(socket, p.Welcome(type="welcome", version=p.PROTOCOL_VERSION,
                                     player_id=player.id, rejoin_token=player.token,
                                     name=player.name, score=player.score,
                                     state=self.room.state))
        for message in self._catch_up(player):
            self._send(socket, message)
        self.lobby_due = self.roster_due = True
        return player

    def _catch_up(self, player: Player | None) -> list:
        """What a (re)joining party needs to see the session as it is now."""
        room = self.room
        if room.state == "lobby":
            return [views.lobby(room)]
        if room.state in ("question", "paused"):
            shown = [views.question(room, player)]
            if room.state == "paused":
                shown.append(p.Phase(type="phase", state="paused",
                                     time_left=room.time_left()))
            return shown
        ranks = room.ranks()
        if room.state == "reveal":
            return [views.reveal(room, player, room.distribution(), ranks),
                    views.standings(room, False, player, ranks)]
        return [views.standings(room, True, player, ranks),
                p.Phase(type="phase", state="ended")]

    async def _student(self, peer: Peer, player: Player) -> None:
        socket = peer.socket
        try:
            async for raw in socket:
                message = self._accept(peer, raw)
                if isinstance(message, p.Answer):
                    await self._answer(socket, player, message)
                elif isinstance(message, p.Ping):
                    self._send(socket, p.Pong(type="pong"))
                elif isinstance(message, p.Control):
                    self._error(socket, "not_host", "only the host controls the session")
                elif message is not None:
                    self._error(socket, "bad_state", "you have already joined")
        except ConnectionClosed:
            pass
        finally:
            if self.students.get(player.id) is socket:
                del self.students[player.id]
                self.left_at[player.id] = time.monotonic()
                self.roster_due = True

    async def _host(self, peer: Peer) -> None:
        socket = peer.socket
        self.hosts.add(socket)
        self._send(socket, p.Welcome(type="welcome", version=p.PROTOCOL_VERSION,
                                     state=self.room.state))
        self._send(socket, views.roster(self.room, set(self.students)))
        for message in self._catch_up(None):
            self._send(socket, message)
        try:
            async for raw in socket:
                message = self._accept(peer, raw)
                if isinstance(message, p.Control):
                    await self._control(socket, message)
                elif isinstance(message, p.Ping):
                    self._send(socket, p.Pong(type="pong"))
                elif message is not None:
                    self._error(socket, "bad_state", "the host controls; it does not answer")
        except ConnectionClosed:
            pass
        finally:
            self.hosts.discard(socket)

    # ── Requests ───────────────────────────────────────────────────────────
    def _accept(self, peer: Peer, raw: str | bytes):
        """The parsed message, or None after replying why it was refused."""
        if not peer.bucket.allow():
            peer.refusals += 1
            if peer.refusals == 1:
                self._error(peer.socket, "rate_limited", "slow down: too many messages")
            if peer.refusals >= MAX_REFUSALS:
                asyncio.ensure_future(peer.socket.close(1008, "flooding"))
            return None
        peer.refusals = 0
        return self._parse(peer.socket, raw)

    def _parse(self, socket: ServerConnection, raw: str | bytes, fatal: bool = False):
        size = len(raw.encode() if isinstance(raw, str) else raw)
        if size > p.MAX_MESSAGE_BYTES:
            self._error(socket, "too_large", f"the message is {size} bytes; the limit is "
                                             f"{p.MAX_MESSAGE_BYTES}", fatal)
            return None
        try:
            return p.parse_client(raw)
        except p.ProtocolError as error:
            self._error(socket, "malformed", f"that message was refused: {error}", fatal)
            return None

    async def _answer(self, socket: ServerConnection, player: Player, message: p.Answer):
        streak_before = player.streak
        try:
            submission = self.room.answer(player.id, message.question, message.value)
        except RoomError as error:
            self._send(socket, p.Ack(type="ack", question=message.question, accepted=False,
                                     reason=str(error)))
            return
        try:
            await self.journal.write(store.answer_row(self.session, player, submission))
        except sqlite3.Error as error:
            self.room.retract(player.id, submission, streak_before)
            log.error("could not store an answer: %s", error)
            self._send(socket, p.Ack(type="ack", question=message.question, accepted=False,
                                     reason="the server could not store your answer; "
                                            "send it again"))
            return
        self._send(socket, p.Ack(type="ack", question=message.question, accepted=True))
        self.roster_due = True
        # Checking every player on every answer would cost O(n²) a question; until there
        # are as many answers as connected students, someone connected is still thinking.
        if self.room.answer_count >= len(self.students):
            await self._close_if_due()

    async def _control(self, socket: ServerConnection, message: p.Control) -> None:
        room = self.room
        before = room.snapshot()
        try:
            if message.action == "kick":
                return await self._kick(message.player or "")
            room.control(message.action)
        except RoomError as error:
            return self._error(socket, error.code, str(error))
        operations = store.room_state(self.session, room)
        if room.state == "reveal":
            operations += store.streaks(self.session, room)
        outgoing = self._announcements(message.action)
        try:
            await self.journal.write(operations)
        except sqlite3.Error as error:
            room.restore(before)
            log.error("could not store a control: %s", error)
            return self._error(socket, "bad_state", f"the server could not store that "
                                                    f"({error}); nothing changed")
        started = time.perf_counter()
        self._deliver(outgoing)
        if STATS and message.action in ("start", "next") and room.state == "question":
            _record_stat(fanout_ms=(time.perf_counter() - started) * 1000,
                         sockets=sum(len(sockets) for sockets, _ in outgoing))
        self.roster_due = self.lobby_due = True

    async def _kick(self, player_id: str) -> None:
        player = self.room.kick(player_id)
        await self.journal.write(store.kicked(self.session, player))
        socket = self.students.pop(player.id, None)
        if socket is not None:
            self._send(socket, p.Error(type="error", code="kicked", fatal=True,
                                       message="the teacher removed you from this session"))
            asyncio.ensure_future(socket.close(1000, "kicked"))
        self.left_at.pop(player.id, None)
        self.roster_due = self.lobby_due = True
        await self._close_if_due()

    async def _close_if_due(self) -> None:
        if self.room.close_if_due(self._waiting_for()):
            operations = (store.room_state(self.session, self.room)
                          + store.streaks(self.session, self.room))
            outgoing = self._announcements("reveal")
            await self.journal.write(operations)
            self._deliver(outgoing)
            self.roster_due = True

    def _waiting_for(self) -> set[str]:
        now = time.monotonic()
        return set(self.students) | {pid for pid, at in self.left_at.items()
                                     if now - at < REJOIN_GRACE}

    # ── Outgoing ───────────────────────────────────────────────────────────
    def _announcements(self, action: str) -> list[tuple[list[ServerConnection], str]]:
        """Messages for the state just entered, built before the commit so that what is
        sent matches what was stored even if the room moves on meanwhile."""
        room = self.room
        everyone = [*self.students.values(), *self.hosts]
        if room.state == "question" and action in ("start", "next"):
            return [(everyone, p.encode(views.question(room)))]
        if action in ("pause", "resume"):
            phase = p.Phase(type="phase", state=room.state, time_left=room.time_left())
            return [(everyone, p.encode(phase))]
        if room.state == "reveal":
            ranks, counts = room.ranks(), room.distribution()
            top = views.standings(room, False)
            out = [([socket], p.encode(views.reveal(room, room.players[pid], counts, ranks)))
                   for pid, socket in self.students.items()]
            return out + [(list(self.hosts), p.encode(views.reveal(room, None, counts, ranks))),
                          (everyone, p.encode(top))]
        if room.state == "ended":
            ranks = room.ranks()
            out = [([socket], p.encode(views.standings(room, True, room.players[pid], ranks)))
                   for pid, socket in self.students.items()]
            return out + [(list(self.hosts), p.encode(views.standings(room, True))),
                          (everyone, p.encode(p.Phase(type="phase", state="ended")))]
        return []

    def _deliver(self, outgoing: list[tuple[list[ServerConnection], str]]) -> None:
        for sockets, text in outgoing:
            fan_out(sockets, text)

    def _send(self, socket: ServerConnection, message) -> None:
        # broadcast() writes at once without yielding, so messages keep commit order.
        broadcast([socket], p.encode(message))

    def _error(self, socket: ServerConnection, code: str, message: str,
               fatal: bool = False) -> None:
        self._send(socket, p.Error(type="error", code=code, message=message, fatal=fatal))
        if fatal:
            asyncio.ensure_future(socket.close(1008, code))

    def _refuse(self, socket: ServerConnection, code: str, message: str) -> None:
        self._error(socket, code, message, fatal=True)

    # ── The clock ──────────────────────────────────────────────────────────
    async def _tick(self) -> None:
        while True:
            await asyncio.sleep(TICK)
            try:
                await self._tick_once()
            except Exception:  # noqa: BLE001 - one bad tick must not stop the clock
                log.exception("the session clock failed")

    async def _tick_once(self) -> None:
        room = self.room
        now = time.monotonic()
        if room.state == "question" and (room.time_left() <= 0 or now - self.last_check >= 0.5):
            self.last_check = now  # time up, or a dropped student's grace has run out
            await self._close_if_due()
        if self.lobby_due and room.state == "lobby":
            self.lobby_due = False
            fan_out(self.students.values(), p.encode(views.lobby(room)))
        live = room.state in ("question", "paused")
        # A big class's roster is a big message: send it less often as the class grows.
        interval = 0.25 if len(room.players) <= 200 else 1.0
        if self.hosts and now - self.last_roster >= interval and (
                self.roster_due or (live and now - self.last_roster >= 1.0)):
            self.roster_due, self.last_roster = False, now
            fan_out(self.hosts, views.roster_json(room, set(self.students)))
