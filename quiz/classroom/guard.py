"""What keeps one hostile student from hurting the class: per-address limits on joins and
open connections, a flood policy per connection, the open-file limit, and a log that a
storm of identical errors cannot fill."""

from __future__ import annotations

import logging
import resource
import time
from collections import Counter
from dataclasses import dataclass

from quiz.classroom.ratelimit import TokenBucket

RATE, BURST = 10.0, 30.0
"""Messages a second a connection may send on average, and in one burst."""
ABUSE_RATE, ABUSE_BURST = 1.0, 20.0
"""Refused messages a connection may cause: one a second on average, twenty in a row.
A flood at any speed above RATE + ABUSE_RATE drains this and is cut off within
seconds; the count does not reset when the rate limiter refills."""


@dataclass(frozen=True)
class Limits:
    """Per-address limits; generous, since a class behind one router shares an address."""

    connections: int = 150
    """Open connections from one address at once."""
    joins_per_minute: int = 120
    """New students from one address a minute, all of them at once if need be."""


class FloodGuard:
    """One connection's budget. `allow()` says whether to handle a message; `wait()` is
    how long to stop reading after a refusal, so a flooder's own socket buffers fill and
    TCP slows it down instead of the server parsing every frame; `cut_off` turns true
    once refusals have gone on too long."""

    def __init__(self, clock=time.monotonic):
        self.bucket = TokenBucket(RATE, BURST, clock)
        self.abuse = TokenBucket(ABUSE_RATE, ABUSE_BURST, clock)
        self.refused = 0
        self.cut_off = False

    def allow(self) -> bool:
        if self.bucket.allow():
            return True
        self.refused += 1
        if not self.abuse.allow():
            self.cut_off = True
        return False

    @staticmethod
    def wait() -> float:
        return 1.0 / RATE


class AddressBook:
    """Open connections and recent joins by remote address."""

    def __init__(self, limits: Limits, clock=time.monotonic):
        self.limits, self.clock = limits, clock
        self.open: Counter[str] = Counter()
        self.joins: dict[str, TokenBucket] = {}

    def may_connect(self, address: str) -> bool:
        return self.open[address] < self.limits.connections

    def opened(self, address: str) -> None:
        self.open[address] += 1

    def closed(self, address: str) -> None:
        self.open[address] -= 1
        if self.open[address] <= 0:
            del self.open[address]

    def may_join(self, address: str) -> bool:
        per_minute = self.limits.joins_per_minute
        bucket = self.joins.get(address)
        if bucket is None:
            if len(self.joins) > 10_000:  # forget idle addresses rather than grow
                self.joins.clear()
            bucket = self.joins[address] = TokenBucket(per_minute / 60, per_minute,
                                                       self.clock)
        return bucket.allow()


def release_memory() -> None:
    """Hand freed memory back to the system after a flood: Python frees the buffers, but
    glibc keeps the pages for reuse unless asked (malloc_trim), so RSS would stay at the
    flood's peak."""
    import ctypes
    import ctypes.util
    import gc

    gc.collect()
    name = ctypes.util.find_library("c")
    if name is None:
        return
    try:
        trim = ctypes.CDLL(name).malloc_trim
    except (OSError, AttributeError):  # not glibc
        return
    trim(0)


def raise_open_file_limit() -> tuple[int, int]:
    """Raise the soft open-file limit to the hard one (a common soft limit of 1,024 is
    a few hundred students); returns (before, after)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = hard if hard != resource.RLIM_INFINITY else 1 << 20
    if soft != resource.RLIM_INFINITY and soft < wanted:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
        except (ValueError, OSError):
            return soft, soft
        return soft, wanted
    return soft, soft


def open_file_limit() -> int:
    soft = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    return soft if soft != resource.RLIM_INFINITY else 1 << 20


class OncePer(logging.Filter):
    """Lets the same message through once per `seconds`, then says how many it held
    back: running out of file handles makes asyncio log a traceback per accept."""

    def __init__(self, seconds: float = 10.0, clock=time.monotonic):
        super().__init__()
        self.seconds, self.clock = seconds, clock
        self.last: dict[tuple, float] = {}
        self.held: Counter[tuple] = Counter()

    def filter(self, record: logging.LogRecord) -> bool:
        key = (record.name, str(record.msg)[:200])
        now = self.clock()
        if now - self.last.get(key, -1e9) < self.seconds:
            self.held[key] += 1
            return False
        self.last[key] = now
        held = self.held.pop(key, 0)
        if held:
            record.msg = f"{record.msg} ({held} more like this in the last " \
                         f"{self.seconds:.0f} s were not logged)"
        if len(self.last) > 1000:
            self.last.clear()
        return True


def quieten_repeated_logs() -> None:
    """Install the filter on the loggers that repeat under pressure (once)."""
    for name in ("asyncio", "websockets", "websockets.server", "quiz.classroom"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, OncePer) for f in logger.filters):
            logger.addFilter(OncePer())
