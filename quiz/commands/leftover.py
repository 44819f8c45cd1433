"""Find our own session server still running from an earlier `quiz host`, so a new one
can offer to reattach instead of failing with "address already in use"."""

from __future__ import annotations

import socket
import sqlite3
from pathlib import Path


def _listening(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def _candidates(db: Path) -> list[tuple[int, str, str]]:
    """Unfinished sessions in the file, newest first: (id, code, host token)."""
    try:
        connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return connection.execute(
                "SELECT id, code, host_token FROM sessions WHERE state != 'ended'"
                " ORDER BY id DESC LIMIT 3").fetchall()
        finally:
            connection.close()
    except sqlite3.Error:
        return []


def find_running(db: Path, port: int) -> dict | None:
    """Details for the dashboard if a server on `port` answers as host to a session in
    `db`; None if the port is free or held by something else."""
    if port == 0 or not db.exists() or not _listening(port):
        return None
    from websockets.exceptions import WebSocketException
    from websockets.sync.client import connect

    from quiz.classroom import protocol as p

    url = f"ws://127.0.0.1:{port}"
    for session, code, token in _candidates(db):
        hello = p.Hello(type="hello", version=p.PROTOCOL_VERSION, role="host", code=code,
                        host_token=token)
        try:
            with connect(url, open_timeout=2, close_timeout=1) as link:
                link.send(p.encode(hello))
                reply = p.parse_server(link.recv(timeout=2))
        except (OSError, TimeoutError, WebSocketException, p.ProtocolError):
            continue
        if isinstance(reply, p.Welcome):
            return {"url": url, "code": code, "host_token": token, "session": session,
                    "db": str(db), "link": reply.join_url}
    return None
