"""Keeping a server usable under attack: drop idle handshakes when open files run short,
and give a flood's memory back once it is over."""

from __future__ import annotations

import logging

from quiz.classroom import guard

PRESSED_HELLO_TIMEOUT = 2.0
"""When open files run short, connections that have not said hello within this long
(or not even sent their HTTP request) are dropped to make room for real students."""
PRESSURE = 0.6
"""The share of the open-file limit in use that counts as running short."""
TRIM_AFTER = 3.0
"""Seconds without a flood being cut off before its memory is handed back."""
log = logging.getLogger("quiz.classroom")


class Pressure:
    def __init__(self):
        self.awaiting_hello: dict[object, float] = {}
        """Connections that have upgraded but not yet said hello, since when."""
        self.first_seen: dict[object, float] = {}
        self.floods_cut = 0
        """Connections closed for flooding (for the log, tests and benchmarks)."""
        self.last_cut = 0.0
        self.trimmed_after = 0

    def flood_cut(self, now: float, address: str) -> None:
        self.floods_cut += 1
        self.last_cut = now
        log.warning("closed a flooding connection from %s", address)

    def every_second(self, connections: set, now: float) -> None:
        self._sweep(connections, now)
        if self.floods_cut > self.trimmed_after and now - self.last_cut > TRIM_AFTER:
            self.trimmed_after = self.floods_cut
            guard.release_memory()

    def _sweep(self, connections: set, now: float) -> None:
        """Drop connections that have not sent their HTTP request, or their hello,
        within a couple of seconds, but only while open files run short: half-open
        sockets must not keep real students out."""
        if len(connections) < PRESSURE * guard.open_file_limit():
            self.first_seen.clear()
            return
        dropped = 0
        for connection in list(connections):
            if connection.request is None:
                seen = self.first_seen.setdefault(connection, now)
                if now - seen > PRESSED_HELLO_TIMEOUT:
                    connection.transport.abort()
                    dropped += 1
        for connection, since in list(self.awaiting_hello.items()):
            if now - since > PRESSED_HELLO_TIMEOUT:
                connection.transport.abort()
                dropped += 1
        self.first_seen = {c: t for c, t in self.first_seen.items() if c in connections}
        if dropped:
            log.warning("open files are running short: dropped %d idle handshakes", dropped)
