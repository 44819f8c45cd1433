"""kill -9 of a real `quiz serve` process mid-round: every acknowledged answer survives,
the session resumes on the same file, and clients reconnect by themselves."""

from __future__ import annotations

import asyncio
import socket
import threading
import time

from quiz.classroom import protocol as p
from quiz.classroom import store
from quiz.classroom.client import RejoinTokens, SessionClient
from tests.classroom.helpers import Party, ServeProcess, control, host, student, write_bank


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class BackgroundClient:
    """A SessionClient on its own loop, as `quiz join` runs it, recording what it sees."""

    def __init__(self, url: str, code: str, name: str, tokens: RejoinTokens):
        self.seen: list = []
        self.loop = asyncio.new_event_loop()
        self.client = SessionClient(url, code, name=name, tokens=tokens,
                                    on_message=self.seen.append)
        self.thread = threading.Thread(target=self.loop.run_until_complete,
                                       args=(self.client.run(),), daemon=True)
        self.thread.start()

    def welcomes(self) -> list[p.Welcome]:
        return [m for m in self.seen if isinstance(m, p.Welcome)]

    def wait_for(self, predicate, timeout: float = 15.0) -> None:
        deadline = time.monotonic() + timeout
        while not predicate():
            assert time.monotonic() < deadline, f"timed out; saw {self.seen[-5:]}"
            time.sleep(0.05)

    def stop(self) -> None:
        asyncio.run_coroutine_threadsafe(self.client.stop(), self.loop).result(5)
        self.thread.join(5)


def test_kill_9_mid_round_loses_no_acknowledged_answer(tmp_path):
    db, bank, port = tmp_path / "class.db", write_bank(tmp_path), free_port()
    server = ServeProcess(db, bank, port, "--time-limit", "60")
    tokens = RejoinTokens(tmp_path / "rejoin.json")
    watcher = BackgroundClient(server.url, server.code, "Watcher", tokens)
    try:
        watcher.wait_for(lambda: watcher.welcomes())
        teacher = host(server)
        students = [student(server, f"S{i}")[0] for i in range(12)]
        control(teacher, "start")
        for party in students:
            party.expect("question", index=0)
        # Everyone answers at once; the server dies while acks are still going out.
        for i, party in enumerate(students):
            party.send(p.Answer(type="answer", question=0, value=i % 4))
        acknowledged = set()
        for i, party in enumerate(students[:6]):
            if party.expect("ack", question=0).accepted:
                acknowledged.add(f"S{i}")
        server.kill()
        for i, party in enumerate(students[6:], start=6):
            try:
                if party.expect("ack", question=0, timeout=0.5).accepted:
                    acknowledged.add(f"S{i}")
            except Exception:  # noqa: BLE001 - the connection died with the server
                pass
        assert len(acknowledged) >= 6

        again = ServeProcess(db, None, port)
        try:
            assert again.details["resumed"] and again.code == server.code
            connection = store.open_store(db)
            room = store.load_room(connection, again.details["session"])
            stored = {pl.name for pl in room.players.values() if 0 in pl.answers}
            assert acknowledged <= stored
            assert len(room.players) == 13 and room.state == "question"
            # The watcher's client reconnected by itself and kept its identity.
            watcher.wait_for(lambda: len(watcher.welcomes()) >= 2)
            first, second = watcher.welcomes()[:2]
            assert second.player_id == first.player_id and second.name == "Watcher"
            assert any(isinstance(m, p.Question) and m.index == 0
                       for m in watcher.seen[watcher.seen.index(second):])
            # The host's token still controls the resumed session.
            teacher = Party(again.url)
            teacher.hello(again.code, role="host", host_token=server.host_token)
            assert teacher.expect("welcome").state == "question"
        finally:
            again.stop()
    finally:
        watcher.stop()
        server.stop()


def test_kill_9_keeps_every_acknowledged_decision_and_forecast(tmp_path):
    """Decisions and forecasts are journaled like any answer: killed mid-forecast, the
    server comes back with each stored one, its points (none for a decision, Brier points
    for a forecast), and the class's report."""
    from quiz.classroom import report
    from quiz.game.calibration import points
    from tests.classroom.helpers import SCENARIO, answer

    db, port = tmp_path / "class.db", free_port()
    server = ServeProcess(db, write_bank(tmp_path, SCENARIO), port, "--time-limit", "60")
    try:
        teacher = host(server)
        joined = [student(server, f"S{i}") for i in range(4)]
        students = [party for party, _ in joined]
        control(teacher, "start")
        for i, party in enumerate(students):
            party.expect("question", index=0)
            assert answer(party, 0, i % 2).accepted
        control(teacher, "next")
        question = students[0].expect("question", index=1)
        assert question.confidences == [50, 60, 70, 80, 90, 100]
        happened = question.choices.index("Put the dialogue on hold")
        forecasts = {0: (happened, 90), 1: ((happened + 1) % 3, 70), 2: (happened, 50)}
        for i, (choice, confidence) in forecasts.items():
            if i:
                students[i].expect("question", index=1)
            ack = answer(students[i], 1, {"choice": choice, "confidence": confidence})
            assert ack.accepted
        server.kill()  # S3 has not answered: the forecast stays open

        again = ServeProcess(db, None, port)
        try:
            room = store.load_room(store.open_store(db), again.details["session"])
            assert room.state == "question" and room.index == 1
            by_name = {pl.name: pl for pl in room.players.values()}
            for i in range(4):
                decided = by_name[f"S{i}"].answers[0]
                assert decided.value == i % 2 and decided.points == 0
            for i, (choice, confidence) in forecasts.items():
                stored = by_name[f"S{i}"].answers[1]
                assert stored.value == {"choice": choice, "confidence": confidence}
                assert stored.points == points(confidence, choice == happened)
                assert by_name[f"S{i}"].score == stored.points
            # The last student rejoins with their token and forecasts; the reveal follows.
            late = Party(again.url)
            late.hello(again.code, rejoin_token=joined[3][1].rejoin_token)
            assert late.expect("question", index=1).confidences
            assert answer(late, 1, {"choice": happened, "confidence": 100}).accepted
            reveal = late.expect("reveal", index=1)
            # (0.1² + 0.7² + 0.5² + 0²) / 4 = (0.01 + 0.49 + 0.25 + 0) / 4 = 0.1875
            assert reveal.class_brier == 0.188 and reveal.points == 100
            summed = report.build_report(store.open_store(db)).calibration
            assert summed.forecasts == 4 and summed.mean_brier == 0.1875
        finally:
            again.stop()
    finally:
        server.stop()


def test_an_answer_that_cannot_be_stored_is_refused_not_lost(tmp_path):
    import sqlite3

    from quiz.classroom.store import SCHEMA
    from tests.classroom.helpers import answer, running

    with running(tmp_path) as server:
        teacher = host(server)
        ann, _ = student(server, "Ann")
        student(server, "Bob")
        control(teacher, "start")
        ann.expect("question", index=0)
        other = sqlite3.connect(tmp_path / "class.db", isolation_level=None)
        other.execute("ALTER TABLE answers RENAME TO answers_away")
        refused = answer(ann, 0, 1)
        assert not refused.accepted and "could not store" in refused.reason
        assert 0 not in next(p for p in server.room.players.values() if p.name == "Ann").answers
        other.execute("DROP TABLE answers_away")
        other.executescript(SCHEMA)
        assert answer(ann, 0, 1).accepted  # the same answer, sent again, now counts
        other.close()


def test_a_different_bank_starts_a_new_session_and_the_same_bank_resumes(tmp_path):
    from quiz.classroom.hosting import open_session

    db, bank = tmp_path / "class.db", write_bank(tmp_path)
    first = open_session(db, bank)
    assert not first.resumed
    first.create()
    again = open_session(db, bank)
    assert again.resumed and again.room.code == first.room.code
    other = tmp_path / "other.yaml"
    other.write_text(bank.read_text().replace("id: class-test", "id: other-bank"))
    assert not open_session(db, other).resumed
    open_session(db, other).create()
    assert open_session(db, None).room.code != first.room.code  # the newest one
    fresh = open_session(db, bank, fresh=True)
    assert not fresh.resumed and fresh.room.code != first.room.code


def test_a_session_is_stored_only_once_its_server_listens(tmp_path):
    """A start that fails (the address is in use) leaves nothing to resume next time."""
    from quiz.classroom.hosting import open_session, serve_until_stopped

    db, bank = tmp_path / "class.db", write_bank(tmp_path)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        hosted = open_session(db, bank)
        try:
            serve_until_stopped(hosted, "127.0.0.1", taken.getsockname()[1], print)
        except OSError:
            pass
        else:
            raise AssertionError("the server listened on a taken port")
    assert store.sessions(store.open_store(db)) == []
    assert not open_session(db, bank).resumed


def test_a_resume_with_other_options_or_after_hours_asks_first(tmp_path):
    import pytest

    from quiz.classroom.hosting import ResumeQuestion, open_session

    db, bank = tmp_path / "class.db", write_bank(tmp_path)
    open_session(db, bank, count=2).create()
    with pytest.raises(ResumeQuestion, match="--count 2"):
        open_session(db, bank)  # the whole bank now: ask, do not resume silently
    assert open_session(db, bank, count=2).resumed
    assert open_session(db, bank, resume=True).resumed
    assert open_session(db, None).resumed  # a restart after a crash names no bank
    connection = store.open_store(db)
    connection.execute("UPDATE sessions SET touched_at = touched_at - 86400")
    with pytest.raises(ResumeQuestion, match="last used 1 days ago|hours ago"):
        open_session(db, bank, count=2)


def test_quiz_serve_without_a_terminal_asks_for_resume_or_new_in_words(tmp_path):
    from click.testing import CliRunner

    from quiz.classroom.hosting import open_session
    from quiz.cli import main

    db, bank = tmp_path / "class.db", write_bank(tmp_path)
    open_session(db, bank, count=2).create()
    result = CliRunner().invoke(main, ["serve", str(bank), "--db", str(db), "--port", "0"])
    assert result.exit_code == 2
    assert "unfinished session" in result.output and "--count 2" in result.output
    assert "--resume" in result.output and "--new" in result.output
