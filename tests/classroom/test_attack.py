"""What a hostile student tried, as tests: slow and wide floods, join storms from one
address, half-open connections against a low open-file limit, hostile numeric answers,
and the teacher's admission gate. Every loop here is bounded in count and time."""

from __future__ import annotations

import json
import os
import resource
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from websockets.exceptions import ConnectionClosed, InvalidStatus

from quiz.classroom import protocol as p
from quiz.classroom.guard import Limits
from tests.classroom.helpers import ROOT, Party, answer, control, host, running, student, write_bank


def _flood(server, name: str, per_second: float, seconds: float, out: dict) -> None:
    party = Party(server.url)
    party.hello(server.code, name=name)
    party.expect("welcome")
    started, sent = time.monotonic(), 0
    try:
        while time.monotonic() - started < seconds:
            party.send(p.Ping(type="ping"))
            sent += 1
            time.sleep(1 / per_second if per_second else 0)
    except ConnectionClosed:
        out[name] = time.monotonic() - started
    else:
        out.setdefault(name, None)
    party.close()


def _ping_time(party: Party) -> float:
    started = time.monotonic()
    party.send(p.Ping(type="ping"))
    party.expect("pong", timeout=10)
    return time.monotonic() - started


def test_a_slow_flood_is_cut_off(tmp_path):
    """100 messages a second never empties a 200-in-a-row counter that resets whenever
    the limiter refills; a sustained refusal rate cuts it off within seconds."""
    with running(tmp_path) as server:
        out: dict = {}
        _flood(server, "Slow", per_second=100, seconds=8, out=out)
        assert out["Slow"] is not None and out["Slow"] < 6


def _flood_process(url: str, code: str, count: int, seconds: float) -> None:
    """`count` flooding students in a process of their own, as an attacker would run
    them, each sending pings as fast as its socket takes them for `seconds`."""
    import asyncio

    from websockets.asyncio.client import connect

    async def one(n: int) -> None:
        try:
            async with connect(url, max_size=None) as link:
                await link.send(json.dumps({"type": "hello", "version": 1, "role": "student",
                                            "code": code, "name": f"Flood {n}"}))
                started, sent = time.monotonic(), 0
                while time.monotonic() - started < seconds:
                    await link.send('{"type": "ping"}')
                    sent += 1
                    if sent % 50 == 0:
                        await asyncio.sleep(0)  # let the other 49 flood too
        except (ConnectionClosed, OSError):
            pass

    async def main() -> None:
        await asyncio.gather(*(one(n) for n in range(count)))

    asyncio.run(main())


def test_fifty_floods_leave_a_student_responsive(tmp_path):
    import multiprocessing

    roomy = Limits(connections=1000, joins_per_minute=1000)
    with running(tmp_path, limits=roomy) as server:
        bystander, _ = student(server, "Bystander")
        attacker = multiprocessing.get_context("spawn").Process(
            target=_flood_process, args=(server.url, server.code, 50, 8))
        attacker.start()
        time.sleep(1.5)
        worst, deadline = 0.0, time.monotonic() + 8
        while attacker.is_alive() and time.monotonic() < deadline:
            worst = max(worst, _ping_time(bystander))
            time.sleep(0.1)
        attacker.join(20)
        assert worst < 1.0, f"a ping took {worst:.2f} s under the floods"
        assert server.server.pressure.floods_cut == 50


def test_joins_and_connections_per_address_are_limited(tmp_path):
    with running(tmp_path, limits=Limits(connections=8, joins_per_minute=5)) as server:
        joined = [student(server, f"S{n}") for n in range(5)]
        late = Party(server.url)
        late.hello(server.code, name="Sixth")
        refused = late.expect("error")
        assert refused.code == "too_many" and refused.fatal
        # A rejoin is not a new student: it still works.
        back = Party(server.url)
        back.hello(server.code, rejoin_token=joined[0][1].rejoin_token)
        assert back.expect("welcome").name == "S0"
        held, refusal = [], None
        for _ in range(12):
            try:
                held.append(Party(server.url))
            except InvalidStatus as error:
                refusal = error
                break
        assert refusal is not None and refusal.response.status_code == 429
        assert server.server.addresses.open["127.0.0.1"] <= 8
        for party in held:
            party.close()


def test_admission_keeps_newcomers_waiting_until_let_in(tmp_path):
    with running(tmp_path) as server:
        teacher = host(server)
        control(teacher, "gate")
        teacher.expect("roster", gated=True)
        newcomer, welcome = student(server, "Newcomer")
        assert welcome.admitted is False and welcome.rejoin_token
        entry = teacher.expect("roster", gated=True)
        while not entry.players:
            entry = teacher.expect("roster")
        assert entry.players[0].waiting
        control(teacher, "start")
        with pytest.raises((AssertionError, TimeoutError)):
            newcomer.expect("question", timeout=0.5)  # not in the game yet
        refused = answer(newcomer, 0, 0)
        assert not refused.accepted and "not let you in" in refused.reason
        control(teacher, "admit", player=welcome.player_id)
        assert newcomer.expect("question", index=0).prompt
        assert answer(newcomer, 0, 0).accepted


@pytest.mark.parametrize("raw", [
    '{"type": "answer", "question": 2, "value": ' + "9" * 4001 + "}",
    '{"type": "answer", "question": 2, "value": 1e999}',
    '{"type": "answer", "question": 2, "value": NaN}',
    '{"type": "answer", "question": 2, "value": "3"}',
])
def test_hostile_numeric_answers_get_an_error_not_a_traceback(tmp_path, raw):
    with running(tmp_path) as server:
        teacher = host(server)
        ann, _ = student(server, "Ann")
        control(teacher, "start")
        ann.expect("question", index=0)
        control(teacher, "skip")
        control(teacher, "next")
        control(teacher, "skip")
        control(teacher, "next")
        ann.expect("question", index=2)  # the numeric one
        ann.send(raw)
        if '"3"' in raw:  # text is a short answer's shape: the room refuses it here
            refused = ann.expect("ack")
            assert not refused.accepted and "does not fit this question" in refused.reason
        else:
            assert ann.expect("error").code == "malformed"
        assert answer(ann, 2, 3).accepted  # the connection and the question carry on
        stored = server.room.players[next(iter(server.room.players))].answers[2]
        assert stored.value == 3


def test_the_string_0_is_not_choice_0(tmp_path):
    with running(tmp_path) as server:
        teacher = host(server)
        ann, _ = student(server, "Ann")
        student(server, "Bob")
        control(teacher, "start")
        ann.expect("question", index=0)
        ann.send('{"type": "answer", "question": 0, "value": "0"}')
        # Text is a short answer's shape, so the room (not the parser) refuses it here.
        refused = ann.expect("ack")
        assert not refused.accepted and "does not fit this question" in refused.reason
        assert not next(iter(server.room.players.values())).answers


def _low_file_limit() -> None:
    resource.setrlimit(resource.RLIMIT_NOFILE, (256, 256))


def test_half_open_connections_cannot_keep_students_out(tmp_path):
    """With 256 file handles, 400 idle sockets exhaust them; idle handshakes are dropped
    under pressure, a real student still gets in, and the log stays short."""
    db, bank = tmp_path / "class.db", write_bank(tmp_path)
    log = tmp_path / "server.log"
    arguments = [sys.executable, "-m", "quiz", "serve", "--json", "--port", "0", "--db",
                 str(db), str(bank)]
    with open(log, "w") as stream:
        process = subprocess.Popen(arguments, stdout=subprocess.PIPE, stderr=stream,
                                   text=True, cwd=ROOT, preexec_fn=_low_file_limit,
                                   env={**os.environ, "PYTHONPATH": str(ROOT)})
    idle: list[socket.socket] = []
    try:
        details = json.loads(process.stdout.readline())
        port = int(details["url"].rsplit(":", 1)[1])
        for _ in range(400):
            try:
                idle.append(socket.create_connection(("127.0.0.1", port), timeout=2))
            except OSError:
                break
        deadline, joined = time.monotonic() + 20, None
        while joined is None and time.monotonic() < deadline:
            try:
                party = Party(details["url"])
                party.hello(details["code"], name="Real")
                joined = party.expect("welcome", timeout=3)
            except (OSError, TimeoutError, AssertionError, ConnectionClosed, InvalidStatus):
                time.sleep(0.5)
        assert joined is not None, Path(log).read_text()[-2000:]
        time.sleep(1)
        assert len(Path(log).read_text().splitlines()) < 200
    finally:
        for each in idle:
            each.close()
        process.terminate()
        process.wait(10)
