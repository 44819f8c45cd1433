"""A session connection that survives drops: it reconnects with backoff, rejoins with the
token kept on disk, and resends an answer that was never acknowledged. No Textual here."""

from __future__ import annotations

import asyncio
import json
import os
import random
from collections.abc import Awaitable, Callable
from pathlib import Path
from urllib.parse import urlsplit

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidURI

from quiz.classroom import protocol as p
from quiz.classroom.names import name_key
from quiz.content.atomic import write_text_atomic

BACKOFF = (0.25, 0.5, 1.0, 2.0, 4.0)
"""Seconds between reconnection attempts, then every 4 s (each with ±25% jitter, so a
class does not reconnect in lockstep after the server restarts)."""
FATAL = {"bad_code", "bad_version", "not_host", "kicked", "bad_name", "name_taken", "locked"}
"""Refusals that trying again cannot change: the client stops and says why."""
GIVE_UP = float(os.environ.get("QUIZ_JOIN_GIVE_UP", "60"))
"""Seconds of trying a server that never answered before saying so and stopping."""


def check_url(url: str) -> str | None:
    """One sentence if `url` is not a ws:// address with a host and port."""
    parts = urlsplit(url)
    if parts.scheme not in ("ws", "wss") or not parts.hostname:
        return f"{url!r} is not a session address; it looks like ws://10.0.0.5:8765"
    try:
        parts.port  # noqa: B018 - raises on a malformed port
    except ValueError:
        return f"{url!r} has a malformed port"
    return None


class RejoinTokens:
    """Rejoin tokens by session address, code and name, in a small JSON file. Keyed by
    name so that students sharing a data folder (lab accounts, network home folders)
    never take over each other's place. A damaged file is treated as empty, because
    losing a token only means joining afresh."""

    def __init__(self, path: Path):
        self.path = path

    @staticmethod
    def _key(url: str, code: str, name: str) -> str:
        return f"{url}#{code}#{name_key(name)}"

    def _all(self) -> dict[str, dict]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict):
            return {}
        return {k: v for k, v in data.items() if isinstance(v, dict)
                and isinstance(v.get("token"), str) and isinstance(v.get("name"), str)}

    def get(self, url: str, code: str, name: str) -> str | None:
        entry = self._all().get(self._key(url, code, name))
        return entry["token"] if entry else None

    def names(self, url: str, code: str) -> list[str]:
        """The names saved for this session, for a rejoin without --name."""
        prefix = f"{url}#{code}#"
        return [v["name"] for k, v in self._all().items() if k.startswith(prefix)]

    def put(self, url: str, code: str, name: str, token: str) -> None:
        data = self._all()
        data[self._key(url, code, name)] = {"name": name, "token": token}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(self.path, json.dumps(data, indent=1, ensure_ascii=False))

    def forget(self, url: str, code: str, name: str) -> None:
        data = self._all()
        if data.pop(self._key(url, code, name), None) is not None:
            write_text_atomic(self.path, json.dumps(data, indent=1, ensure_ascii=False))


Handler = Callable[[object], Awaitable[None] | None]


class SessionClient:
    """One party's link to a session. `on_message` gets each server message;
    `on_status` gets a line such as 'connection lost; trying again in 2 s' ('' once connected)."""

    def __init__(self, url: str, code: str, *, name: str | None = None,
                 host_token: str | None = None, tokens: RejoinTokens | None = None,
                 on_message: Handler, on_status: Callable[[str], None] = lambda _: None):
        self.url, self.code, self.name = url, code, name
        self.host_token, self.tokens = host_token, tokens
        self.on_message, self.on_status = on_message, on_status
        self.socket: ClientConnection | None = None
        self.rejoin_token = tokens.get(url, code, name) if tokens and name else None
        self.unacked: p.Answer | None = None
        self.stopped = False
        self.ended = False
        """The session ended: once the server goes, there is nothing to reconnect to."""
        self.fatal: p.Error | None = None
        self.give_up = GIVE_UP
        self.connected_once = False

    def hello(self) -> p.Hello:
        if self.host_token:
            return p.Hello(type="hello", version=p.PROTOCOL_VERSION, role="host",
                           code=self.code, host_token=self.host_token)
        if self.rejoin_token:
            return p.Hello(type="hello", version=p.PROTOCOL_VERSION, role="student",
                           code=self.code, rejoin_token=self.rejoin_token)
        return p.Hello(type="hello", version=p.PROTOCOL_VERSION, role="student",
                       code=self.code, name=self.name)

    async def run(self) -> None:
        """Stay connected until `stop()`, a fatal refusal, the end of the session, or
        `give_up` seconds of trying a server that never answered."""
        attempt = 0
        started = asyncio.get_running_loop().time()
        while not self.stopped and self.fatal is None:
            try:
                hello = p.encode(self.hello())
            except ValueError as error:  # a name the protocol cannot carry
                self._stop_with("bad_name", f"that name cannot be used ({error})")
                break
            try:
                async with connect(self.url, max_size=None, compression=None,
                                   open_timeout=5) as socket:
                    self.socket = socket
                    self.connected_once = True
                    await socket.send(hello)
                    async for raw in socket:
                        attempt = 0
                        await self._received(p.parse_server(raw))
            except (OSError, ConnectionClosed, InvalidHandshake, TimeoutError,
                    p.ProtocolError) as error:
                if isinstance(error, InvalidURI):
                    self._stop_with("bad_code", str(error))
            finally:
                self.socket = None
            if self.stopped or self.fatal is not None:
                break
            if self.ended:
                self.on_status("the session has ended")
                break
            waited = asyncio.get_running_loop().time() - started
            if not self.connected_once and waited > self.give_up:
                self._stop_with("bad_code", f"could not reach {self.url} for "
                                f"{waited:.0f} s; check the address and that the session "
                                "server is running, then try again")
                break
            delay = BACKOFF[min(attempt, len(BACKOFF) - 1)] * random.uniform(0.75, 1.25)
            attempt += 1
            what = "connection lost" if self.connected_once else f"cannot reach {self.url}"
            self.on_status(f"{what}; trying again in {max(delay, 1):.0f} s")
            await asyncio.sleep(delay)
        if self.fatal is not None:
            self.on_status(self.fatal.message)

    def _stop_with(self, code: str, message: str) -> None:
        self.fatal = p.Error(type="error", code=code, fatal=True, message=message)
        result = self.on_message(self.fatal)
        if asyncio.iscoroutine(result):
            result.close()

    async def _received(self, message) -> None:
        if isinstance(message, p.Welcome):
            self.on_status("")
            if message.rejoin_token:
                self.rejoin_token = message.rejoin_token
                self.name = message.name or self.name
                if self.tokens and self.name:
                    self.tokens.put(self.url, self.code, self.name, message.rejoin_token)
        elif isinstance(message, p.Question):
            pending = self.unacked
            if pending is not None and pending.question == message.index and not (
                    message.locked_in):
                await self.send(pending)  # the server never stored it: say it again
        elif isinstance(message, p.Ack) and self.unacked is not None and (
                message.question == self.unacked.question):
            self.unacked = None
        elif isinstance(message, p.Error) and message.code == "bad_token":
            # A token from another server or an older file: join afresh if we have a name.
            if self.tokens and self.name:
                self.tokens.forget(self.url, self.code, self.name)
            self.rejoin_token = None
            if self.name is None:
                self.fatal = message
        elif isinstance(message, p.Error) and message.fatal and message.code in FATAL:
            self.fatal = message
            if message.code == "kicked" and self.tokens and self.name:
                self.tokens.forget(self.url, self.code, self.name)
        elif isinstance(message, p.Phase) and message.state == "ended":
            self.ended = True
        result = self.on_message(message)
        if asyncio.iscoroutine(result):
            await result

    async def send(self, message) -> bool:
        """Send now if connected; an answer is also kept until acknowledged."""
        if isinstance(message, p.Answer):
            self.unacked = message
        if self.socket is None:
            return False
        try:
            await self.socket.send(p.encode(message))
            return True
        except ConnectionClosed:
            return False

    async def stop(self) -> None:
        self.stopped = True
        if self.socket is not None:
            await self.socket.close()
