"""Real classroom servers on loopback for tests: in a thread, or as a `quiz serve` process."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import threading
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path

from websockets.sync.client import connect

from quiz.classroom import protocol as p
from quiz.classroom.hosting import open_session
from quiz.classroom.server import ClassroomServer

ROOT = Path(__file__).resolve().parents[2]

BANK = """\
id: class-test
title: Class test
questions:
  - id: capital
    type: single_choice
    prompt: Which city hosted the 2014 defence talks?
    choices: [Seoul, Beijing, Busan, Tokyo]
    answer: 1
    explanation: The talks were held in Beijing.
  - id: hotline
    type: true_false
    prompt: The defence hotline opened in 2015.
    answer: true
    explanation: It opened at the end of 2015.
  - id: visits
    type: numeric
    prompt: How many visits were suspended?
    answer: 3
    explanation: Three visits were called off.
"""

SCENARIO = """\
id: scenario
title: A decision and a forecast
questions:
  - id: advise
    type: decision
    context: {date: February 2015, place: Seoul, role: a desk officer}
    prompt: Chang has raised THAAD. What do you advise Han Min-koo to say?
    options:
      - text: That Seoul has signed no agreement to deploy THAAD
        consequence: A true and narrow answer; the hotline talks go ahead.
        actual: true
        sources:
          - {outlet: JoongAng Daily, title: THAAD on the table, date: '2015-02-05'}
      - text: That Seoul will never host THAAD
        consequence: It ends the subject today, but commits Seoul to a promise.
  - id: dialogue
    type: predict
    prompt: Seoul has agreed to host THAAD. What will Beijing do about the defence dialogue?
    choices: [Put the dialogue on hold, Hold it as planned, Raise it to ministers]
    answer: 0
    sources:
      - {outlet: China Daily, title: Defence dialogue on hold, date: '2016-11-08'}
"""
"""A decision (with what the real actor did, and its source) and a prediction."""


def write_bank(folder: Path, text: str = BANK) -> Path:
    path = folder / "bank.yaml"
    path.write_text(text, encoding="utf-8")
    return path


class Running:
    """A server on its own event loop in a background thread."""

    def __init__(self, db: Path, bank: Path | None, time_limit: float = 20.0, limits=None,
                 **options):
        self.hosted = open_session(db, bank, time_limit=time_limit, **options)
        self.loop = asyncio.new_event_loop()
        self.server = ClassroomServer(self.hosted.connection, self.hosted.session,
                                      self.hosted.room, limits=limits)
        ready = threading.Event()

        def run():
            asyncio.set_event_loop(self.loop)
            self.port = self.loop.run_until_complete(self.server.start("127.0.0.1", 0))
            self.server.session = self.hosted.create()
            ready.set()
            self.loop.run_forever()

        self.thread = threading.Thread(target=run, daemon=True)
        self.thread.start()
        assert ready.wait(10)
        self.url = f"ws://127.0.0.1:{self.port}"
        self.code = self.hosted.room.code
        self.host_token = self.hosted.room.host_token

    @property
    def room(self):
        return self.hosted.room

    def stop(self):
        asyncio.run_coroutine_threadsafe(self.server.stop(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)
        self.hosted.connection.close()


@contextmanager
def running(tmp_path: Path, **options):
    server = Running(tmp_path / "class.db", write_bank(tmp_path), **options)
    try:
        yield server
    finally:
        server.stop()


class Party:
    """A synchronous websocket client that records everything it receives."""

    def __init__(self, url: str):
        self.stack = ExitStack()
        self.socket = self.stack.enter_context(connect(url, max_size=None, open_timeout=5))
        self.seen: list = []

    def send(self, message) -> None:
        self.socket.send(message if isinstance(message, str | bytes) else p.encode(message))

    def hello(self, code: str, **fields) -> None:
        self.send(p.Hello(type="hello", version=p.PROTOCOL_VERSION, code=code,
                          role=fields.pop("role", "student"), **fields))

    def expect(self, kind: str, timeout: float = 5.0, **match):
        """The next message of this type (matching fields), skipping others."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"no {kind} {match} within {timeout} s; saw "
                                     f"{[type(m).__name__ for m in self.seen[-8:]]}")
            message = p.parse_server(self.socket.recv(timeout=left))
            self.seen.append(message)
            if message.type == kind and all(getattr(message, k) == v for k, v in match.items()):
                return message

    def close(self) -> None:
        self.stack.close()


def student(server: Running, name: str) -> tuple[Party, p.Welcome]:
    party = Party(server.url)
    party.hello(server.code, name=name)
    return party, party.expect("welcome")


def host(server: Running) -> Party:
    party = Party(server.url)
    party.hello(server.code, role="host", host_token=server.host_token)
    party.expect("welcome")
    return party


def control(host_party: Party, action: str, **fields) -> None:
    host_party.send(p.Control(type="control", action=action, **fields))


def answer(party: Party, question: int, value) -> p.Ack:
    party.send(p.Answer(type="answer", question=question, value=value))
    return party.expect("ack", question=question)


class ServeProcess:
    """`quiz serve --json` as a real process, so it can be killed with SIGKILL."""

    def __init__(self, db: Path, bank: Path | None, port: int = 0, *extra: str):
        arguments = [sys.executable, "-m", "quiz", "serve", "--json", "--port", str(port),
                     "--db", str(db), *extra]
        if bank is not None:
            arguments.append(str(bank))
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.process = subprocess.Popen(arguments, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
        line = self.process.stdout.readline()
        if not line:
            raise AssertionError(f"quiz serve did not start: {self.process.stderr.read()}")
        self.details = json.loads(line)
        self.url, self.code = self.details["url"], self.details["code"]
        self.host_token = self.details["host_token"]
        self.port = int(self.url.rsplit(":", 1)[1])

    def kill(self) -> None:
        self.process.kill()
        self.process.wait(10)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)
