"""A session connection that survives drops: it reconnects with backoff, rejoins with the
token kept on disk, and resends an answer that was never acknowledged. No Textual here."""

from __future__ import annotations

import asyncio
import json
import random
from collections.abc import Awaitable, Callable
from pathlib import Path
from urllib.parse import urlsplit

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidURI

from quiz.classroom import protocol as p
from quiz.content.atomic import write_text_atomic

BACKOFF = (0.25, 0.5, 1.0, 2.0, 4.0)
"""Seconds between reconnection attempts, then every 4 s (each with ±25% jitter, so a
class does not reconnect in lockstep after the server restarts)."""
FATAL = {"bad_code", "bad_version", "not_host", "kicked", "bad_name", "name_taken", "locked"}


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
    """Rejoin tokens by session address and code, in a small JSON file; a damaged file
    is treated as empty, because losing a token only means joining under a new name."""

    def __init__(self, path: Path):
        self.path = path

    def _all(self) -> dict[str, str]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return {k: v for k, v in data.items() if isinstance(v, str)} if isinstance(
            data, dict) else {}

    def get(self, url: str, code: str) -> str | None:
        return self._all().get(f"{url}#{code}")

    def put(self, url: str, code: str, token: str) -> None:
        data = self._all()
        data[f"{url}#{code}"] = token
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(self.path, json.dumps(data, indent=1))

    def forget(self, url: str, code: str) -> None:
        data = self._all()
        if data.pop(f"{url}#{code}", None) is not None:
            write_text_atomic(self.path, json.dumps(data, indent=1))


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
        self.rejoin_token = tokens.get(url, code) if tokens else None
        self.unacked: p.Answer | None = None
        self.stopped = False
        self.fatal: p.Error | None = None

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
        """Stay connected until `stop()` or a fatal refusal."""
        attempt, connected_once = 0, False
        while not self.stopped and self.fatal is None:
            try:
                async with connect(self.url, max_size=None, compression=None,
                                   open_timeout=5) as socket:
                    self.socket = socket
                    connected_once = True
                    await socket.send(p.encode(self.hello()))
                    async for raw in socket:
                        attempt = 0
                        await self._received(p.parse_server(raw))
            except (OSError, ConnectionClosed, InvalidHandshake, TimeoutError,
                    p.ProtocolError) as error:
                if isinstance(error, InvalidURI):
                    self.fatal = p.Error(type="error", code="bad_code", fatal=True,
                                         message=str(error))
            finally:
                self.socket = None
            if self.stopped or self.fatal is not None:
                break
            delay = BACKOFF[min(attempt, len(BACKOFF) - 1)] * random.uniform(0.75, 1.25)
            attempt += 1
            what = "connection lost" if connected_once else f"cannot reach {self.url}"
            self.on_status(f"{what}; trying again in {max(delay, 1):.0f} s")
            await asyncio.sleep(delay)
        if self.fatal is not None:
            self.on_status(self.fatal.message)

    async def _received(self, message) -> None:
        if isinstance(message, p.Welcome):
            self.on_status("")
            if message.rejoin_token:
                self.rejoin_token = message.rejoin_token
                if self.tokens:
                    self.tokens.put(self.url, self.code, message.rejoin_token)
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
            if self.tokens:
                self.tokens.forget(self.url, self.code)
            self.rejoin_token = None
            if self.name is None:
                self.fatal = message
        elif isinstance(message, p.Error) and message.fatal and message.code in FATAL:
            self.fatal = message
            if message.code == "kicked" and self.tokens:
                self.tokens.forget(self.url, self.code)
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
