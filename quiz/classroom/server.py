"""The classroom server: websockets around the authoritative room. Every change is
committed to SQLite before anyone hears of it, and a restarted server carries on. The
same port serves the browser pages (quiz/classroom/web.py)."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import time
from dataclasses import dataclass, field

from websockets.asyncio.server import Server, ServerConnection, broadcast, serve
from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request

from quiz.classroom import guard, outgoing, store, views, web
from quiz.classroom import protocol as p
from quiz.classroom.fanout import fan_out
from quiz.classroom.journal import Journal
from quiz.classroom.pressure import Pressure
from quiz.classroom.room import Player, Room, RoomError
from quiz.classroom.server_controls import HostControls

RECOVERY_GRACE = 20.0
"""After a restart, an open question stays open at least this long, so students whose
clients are reconnecting can still answer it."""
REJOIN_GRACE = 30.0
"""A dropped student still counts as present this long: the question waits for them."""
HELLO_TIMEOUT = 10.0
WIRE_LIMIT = 64 * 1024
"""Frames above this are cut off by websockets (close code 1009); frames between the
protocol's limit and this get a `too_large` reply and the connection carries on."""
TICK = 0.05
log = logging.getLogger("quiz.classroom")
@dataclass
class Peer:
    """One open connection."""

    socket: ServerConnection
    guard: guard.FloodGuard = field(default_factory=guard.FloodGuard)
    warned_at: float = -1e9


class ClassroomServer(HostControls):
    def __init__(self, connection: sqlite3.Connection, session: int | None, room: Room, *,
                 limits: guard.Limits | None = None):
        self.connection = connection
        self.session = session
        self.room = room
        self.journal = Journal(connection)
        self.audience = outgoing.Audience()
        self.students = self.audience.students
        self.hosts = self.audience.hosts
        self.screens = self.audience.screens
        self.left_at: dict[str, float] = {}
        self.addresses = guard.AddressBook(limits or guard.Limits())
        self.pressure = Pressure()
        self.lobby_due = self.roster_due = self.count_due = False
        self.last_roster = self.last_check = self.last_sweep = 0.0
        self.server: Server | None = None
        self.tasks: list[asyncio.Task] = []
        self.web_base = self.join_link = ""

    # ── Life cycle ─────────────────────────────────────────────────────────
    async def start(self, host: str = "127.0.0.1", port: int = 8765,
                    public_host: str | None = None) -> int:
        """Listen, resuming where the file left off; returns the bound port.
        `public_host` is the address students use (the join link's host)."""
        before, after = guard.raise_open_file_limit()
        if after != before:
            log.info("open-file limit raised from %d to %d", before, after)
        guard.quieten_repeated_logs()
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
        self.server = await serve(self.handle, host, port, max_size=WIRE_LIMIT, max_queue=8,
                                  compression=None, ping_interval=20, ping_timeout=20,
                                  open_timeout=HELLO_TIMEOUT, close_timeout=2,
                                  process_request=self._http)
        bound = self.server.sockets[0].getsockname()[1]
        shown = public_host or (host if host not in ("0.0.0.0", "::", "") else "127.0.0.1")
        self.web_base = f"http://{f'[{shown}]' if ':' in shown else shown}:{bound}"
        self.join_link = f"{self.web_base}/?code={self.room.code}"
        self.tasks.append(asyncio.create_task(self._tick(), name="tick"))
        return bound

    async def stop(self) -> None:
        for task in self.tasks:
            task.cancel()
        if self.server:
            self.server.close()
            await self.server.wait_closed()
        await self.journal.close()

    # ── Connections ────────────────────────────────────────────────────────
    def _http(self, connection: ServerConnection, request: Request):
        """A plain GET gets a page; an upgrade goes on unless its address has too many."""
        if not web.is_upgrade(request):
            return web.page(connection, request, self.join_link)
        if not self.addresses.may_connect(_address(connection)):
            return connection.respond(429, "Too many connections from your address.\n")
        return None

    async def handle(self, socket: ServerConnection) -> None:
        address = _address(socket)
        if not self.addresses.may_connect(address):
            return self._refuse(socket, "too_many", "too many connections from your address")
        self.addresses.opened(address)
        self.pressure.awaiting_hello[socket] = time.monotonic()
        try:
            await self._handle(socket, address)
        finally:
            self.addresses.closed(address)
            self.pressure.awaiting_hello.pop(socket, None)

    async def _handle(self, socket: ServerConnection, address: str) -> None:
        try:
            raw = await asyncio.wait_for(socket.recv(), HELLO_TIMEOUT)
        except (TimeoutError, ConnectionClosed):
            return
        self.pressure.awaiting_hello.pop(socket, None)
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
        peer = Peer(socket)
        if hello.role == "host":
            if not self.room.is_host(hello.host_token):
                return self._refuse(socket, "not_host", "that host token is not this "
                                    "session's")
            await self._watch(peer, self.hosts)
        elif hello.role == "screen":
            if not self.room.is_screen(hello.screen_token or hello.host_token):
                return self._refuse(socket, "not_host", "that screen token is not this "
                                    "session's")
            await self._watch(peer, self.screens)
        else:
            if hello.name and not hello.rejoin_token and not self.addresses.may_join(address):
                return self._refuse(socket, "too_many", "too many students joined from your "
                                    "address in the last minute; try again in a moment")
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
                self.room.kick(player.id)
                del self.room.players[player.id]
                log.error("could not store a new student: %s", error)
                self._refuse(socket, "bad_state", "the server could not store your place; "
                                                  "try joining again")
                return None
        previous = self.students.get(player.id) or self.audience.waiting.get(player.id)
        if previous is not None and previous is not socket:
            self._send(previous, p.Error(type="error", code="bad_state", fatal=True,
                                         message="you joined again from somewhere else"))
            asyncio.ensure_future(previous.close(1000, "replaced"))
        (self.students if player.admitted else self.audience.waiting)[player.id] = socket
        self.left_at.pop(player.id, None)
        self._send(socket, p.Welcome(type="welcome", version=p.PROTOCOL_VERSION,
                                     player_id=player.id, rejoin_token=player.token,
                                     name=player.name, score=self.room.shown_score(player),
                                     state=self.room.state, admitted=player.admitted))
        if player.admitted:
            for message in outgoing.catch_up(self.room, player):
                self._send(socket, message)
        self.lobby_due = self.roster_due = self.count_due = True
        return player

    async def _student(self, peer: Peer, player: Player) -> None:
        socket = peer.socket
        try:
            async for raw in socket:
                message = await self._accept(peer, raw)
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
            for group in (self.students, self.audience.waiting):
                if group.get(player.id) is socket:
                    del group[player.id]
                    self.left_at[player.id] = time.monotonic()
                    self.roster_due = self.count_due = True

    async def _watch(self, peer: Peer, group: set) -> None:
        """The host (who controls) or a projector screen (which only watches)."""
        socket, is_host = peer.socket, group is self.hosts
        group.add(socket)
        self._send(socket, p.Welcome(type="welcome", version=p.PROTOCOL_VERSION,
                                     state=self.room.state, join_url=self.join_link,
                                     screen_token=self.room.screen_token if is_host else None))
        if is_host:
            self._send(socket, views.roster(self.room, set(self.students)))
            shown = outgoing.catch_up(self.room, None)
        else:
            shown = outgoing.screen_catch_up(self.room)
        for message in shown:
            self._send(socket, message)
        try:
            async for raw in socket:
                message = await self._accept(peer, raw)
                if isinstance(message, p.Control) and is_host:
                    await self._control(socket, message)
                elif isinstance(message, p.Ping):
                    self._send(socket, p.Pong(type="pong"))
                elif message is not None:
                    self._error(socket, "bad_state", "the host controls; it does not answer"
                                if is_host else "the class screen only watches")
        except ConnectionClosed:
            pass
        finally:
            group.discard(socket)

    # ── Requests ───────────────────────────────────────────────────────────
    async def _accept(self, peer: Peer, raw: str | bytes):
        """The parsed message, or None after refusing it. A refusal also stops reading
        this connection for a moment, so a flood is slowed by its own TCP buffers rather
        than parsed; refusals that go on are cut off."""
        if peer.guard.allow():
            return self._parse(peer.socket, raw)
        now = time.monotonic()
        if peer.guard.cut_off:
            self.pressure.flood_cut(now, _address(peer.socket))
            self._error(peer.socket, "flooding", "too many messages for too long; this "
                                                 "connection is closed", fatal=True)
            raise ConnectionClosed(None, None)
        if now - peer.warned_at > 10:
            peer.warned_at = now
            self._error(peer.socket, "rate_limited", "slow down: too many messages")
        await asyncio.sleep(peer.guard.wait())
        return None

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
        self.roster_due = self.count_due = True
        # Checking every player on every answer would cost O(n²) a question; until there
        # are as many answers as connected students, someone connected is still thinking.
        if self.room.answer_count >= len(self.students):
            await self._close_if_due()

    async def _close_if_due(self) -> None:
        if self.room.close_if_due(self._waiting_for()):
            operations = (store.room_state(self.session, self.room)
                          + store.streaks(self.session, self.room))
            sent = outgoing.announcements(self.room, self.audience, "reveal")
            await self.journal.write(operations)
            self._deliver(sent)
            self.roster_due = self.count_due = True

    def _waiting_for(self) -> set[str]:
        now = time.monotonic()
        return set(self.students) | {pid for pid, at in self.left_at.items()
                                     if now - at < REJOIN_GRACE}

    # ── Outgoing ───────────────────────────────────────────────────────────
    def _deliver(self, sent: outgoing.Outgoing) -> None:
        for sockets, text in sent:
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
            fan_out([*self.students.values(), *self.screens], p.encode(views.lobby(room)))
        live = room.state in ("question", "paused")
        # A big class's roster is a big message: send it less often as the class grows.
        interval = 0.25 if len(room.players) <= 200 else 1.0
        if now - self.last_roster >= interval and (
                self.roster_due or self.count_due or (live and now - self.last_roster >= 1.0)):
            self.last_roster = now
            if self.hosts and (self.roster_due or live):
                fan_out(self.hosts, views.roster_json(room, set(self.students)))
            if self.screens and live:
                fan_out(self.screens, p.encode(views.count(room)))
            self.roster_due = self.count_due = False
        if now - self.last_sweep >= 1.0:
            self.last_sweep = now
            self.pressure.every_second(self.server.all_connections if self.server else set(),
                                       now)


def _address(connection: ServerConnection) -> str:
    remote = connection.remote_address
    return str(remote[0]) if remote else "?"
