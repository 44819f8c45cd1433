"""Send one text message to many connections, framing it once.

websockets' `broadcast()` builds the same frame again for every connection. A server
frame is never masked, so with no extensions negotiated (the server turns compression
off) the bytes are identical for everyone: build them once and hand them to each
transport, which is what websockets itself does after framing. Any connection that is
not plainly open and idle goes through `broadcast()` instead.
"""

from __future__ import annotations

from collections.abc import Iterable

from websockets.asyncio.server import broadcast
from websockets.frames import Frame, Opcode
from websockets.protocol import State


def fan_out(connections: Iterable, text: str) -> None:
    frame: bytes | None = None
    slow = []
    for connection in connections:
        protocol = connection.protocol
        if (protocol.state is not State.OPEN or protocol.extensions or protocol.writes
                or protocol.expect_continuation_frame
                or connection.send_in_progress is not None):
            slow.append(connection)
            continue
        if frame is None:
            frame = Frame(Opcode.TEXT, text.encode()).serialize(mask=False)
        connection.transport.write(frame)
    if slow:
        broadcast(slow, text)
